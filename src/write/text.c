/* text.c — renders a story for a person at a terminal: title, dateline,
 * what was removed and why, the sentences, the events, and the quotations
 * grouped by speaker. */
#include <string.h>

#include "write.h"
#include "../clean/clean.h"
#include "../code/code.h"

/* Appends text with line breaks and tabs shown as spaces. */
static void flat(tk_buf *b, const char *p, size_t n) {
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n' || p[i] == '\r' || p[i] == '\t') {
            tk_buf_put(b, p + run, i - run);
            tk_buf_putc(b, ' ');
            run = i + 1;
        }
    }
    tk_buf_put(b, p + run, n - run);
}

static void quote_line(const tk_story *s, const tk_quote *q, tk_buf *b) {
    size_t n = q->end - q->start;
    tk_buf_puts(b, "    - \"");
    flat(b, s->text + q->start, n > 160 ? 160 : n);
    tk_buf_puts(b, n > 160 ? "...\"" : "\"");
    if (q->cue_end > q->cue_start) {
        tk_buf_puts(b, "  (");
        flat(b, s->text + q->cue_start, q->cue_end - q->cue_start);
        if (q->mention_end > q->mention_start) {
            tk_buf_puts(b, " / ");
            flat(b, s->text + q->mention_start, q->mention_end - q->mention_start);
        }
        tk_buf_putc(b, ')');
    }
    if (q->partial) tk_buf_puts(b, "  partial");
    if (q->nested) tk_buf_puts(b, "  nested");
    tk_buf_putc(b, '\n');
}

/* Quotations grouped by speaker, in the order speakers are first quoted;
 * then quotes with nobody to say them; then titles and scare quotes. */
static void write_quotes(const tk_story *s, tk_buf *b) {
    tk_buf_printf(b, "Quotes (%zu):\n", s->quotes.n);
    for (size_t i = 0; i < s->quotes.n; i++) {
        const tk_quote *q = &s->quotes.v[i];
        if (q->kind != TK_QUOTE_SPEECH || q->speaker < 0) continue;
        bool first = true;
        for (size_t k = 0; k < i && first; k++)
            first = !(s->quotes.v[k].kind == TK_QUOTE_SPEECH && s->quotes.v[k].speaker == q->speaker);
        if (!first) continue;
        const tk_speaker *p = &s->speakers.v[q->speaker];
        tk_buf_puts(b, "  ");
        if (p->name_end > p->name_start) flat(b, s->text + p->name_start, p->name_end - p->name_start);
        else if (p->desc_end > p->desc_start) flat(b, s->text + p->desc_start, p->desc_end - p->desc_start);
        else flat(b, s->text + q->mention_start, q->mention_end - q->mention_start);
        if (p->name_end > p->name_start && p->desc_end > p->desc_start) {
            tk_buf_puts(b, ", ");
            flat(b, s->text + p->desc_start, p->desc_end - p->desc_start);
        }
        if (p->code[0]) tk_buf_printf(b, "  [%s]", p->code);
        tk_buf_puts(b, ":\n");
        for (size_t k = i; k < s->quotes.n; k++)
            if (s->quotes.v[k].kind == TK_QUOTE_SPEECH && s->quotes.v[k].speaker == q->speaker)
                quote_line(s, &s->quotes.v[k], b);
    }
    bool head = false;
    for (size_t i = 0; i < s->quotes.n; i++) {
        const tk_quote *q = &s->quotes.v[i];
        if (q->kind != TK_QUOTE_SPEECH || q->speaker >= 0) continue;
        if (!head) tk_buf_puts(b, "  (speaker not resolved):\n");
        head = true;
        quote_line(s, q, b);
    }
    head = false;
    for (size_t i = 0; i < s->quotes.n; i++) {
        const tk_quote *q = &s->quotes.v[i];
        if (q->kind == TK_QUOTE_SPEECH) continue;
        if (!head) tk_buf_puts(b, "  (not speech: titles, scare quotes):\n");
        head = true;
        quote_line(s, q, b);
    }
}

void tk_write_text(const tk_story *s, tk_buf *b, unsigned flags, tk_spans *spans) {
    (void)flags;
    tk_buf_printf(b, "== %s", s->id ? s->id : "(no id)");
    if (s->date) tk_buf_printf(b, "  %s", s->date);
    if (s->source) tk_buf_printf(b, "  (%s)", s->source);
    tk_buf_putc(b, '\n');
    if (s->title) {
        tk_buf_puts(b, "Title: ");
        flat(b, s->title, tk_clean_title_length(s->title, s->title_len));
        tk_buf_putc(b, '\n');
    }
    if (s->dateline.found) {
        tk_buf_puts(b, "Dateline: ");
        flat(b, s->text + s->dateline.start, s->dateline.end - s->dateline.start);
        tk_buf_putc(b, '\n');
    }
    tk_buf_printf(b, "Removed (%zu):\n", s->removed.n);
    for (size_t i = 0; i < s->removed.n; i++) {
        const tk_removed *r = &s->removed.v[i];
        size_t n = r->end - r->start;
        tk_buf_printf(b, "  - %-20s ", r->reason);
        flat(b, s->text + r->start, n > 100 ? 100 : n);
        if (n > 100) tk_buf_puts(b, "...");
        tk_buf_putc(b, '\n');
    }
    tk_buf_printf(b, "Sentences (%zu):\n", s->sentences.n);
    for (size_t i = 0; i < s->sentences.n; i++) {
        const tk_sentence *x = &s->sentences.v[i];
        tk_buf_printf(b, "  %3zu  ", i);
        flat(b, s->text + x->start, x->end - x->start);
        tk_buf_putc(b, '\n');
    }
    TK_BUF_LIT(b, "Events (");
    if (spans) spans->count_start = b->len;
    tk_buf_printf(b, "%zu", s->events.n);
    if (spans) spans->count_end = b->len;
    TK_BUF_LIT(b, "):\n");
    for (size_t i = 0; i < s->events.n; i++) {
        const tk_event *e = &s->events.v[i];
        size_t at = b->len;
        tk_buf_printf(b, "  %3u  %s%s -> %s -> %s  (", e->sentence, e->negated ? "NOT " : "", e->source.code,
                      e->code, e->target.set ? e->target.code : "-");
        flat(b, s->text + e->source.start, e->source.end - e->source.start);
        tk_buf_puts(b, " / ");
        flat(b, s->text + e->verb_start, e->verb_end - e->verb_start);
        if (e->target.set) {
            tk_buf_puts(b, " / ");
            flat(b, s->text + e->target.start, e->target.end - e->target.start);
        }
        tk_buf_printf(b, ")%s%s", e->modality ? "  " : "", e->modality ? tk_modality_name(e->modality) : "");
        if (e->location.from != TK_LOC_NONE) {
            const tk_dict *d = &s->engine->dict;
            const tk_entry *en = &d->entries[e->location.entry];
            tk_buf_puts(b, "  @ ");
            flat(b, s->text + e->location.start, e->location.end - e->location.start);
            tk_buf_printf(b, " [%s]%s", tk_dict_code_on(d, en, 0),
                          e->location.from == TK_LOC_DATELINE ? " (dateline)" : "");
        }
        tk_buf_putc(b, '\n');
        tk_spans_add(spans, e, at, b->len);
    }
    write_quotes(s, b);
    for (size_t i = 0; i < s->warnings.n; i++) tk_buf_printf(b, "Warning: %s\n", s->warnings.v[i]);
    tk_buf_putc(b, '\n');
}
