/* lookup.c — `tarikh dict lookup`: a phrase read as a one-sentence story,
 * matched against the dictionaries, each match shown with its file:line
 * and code on the date, and the code that results (the longest actor,
 * composed with an agent next to it). */
#include <stdio.h>
#include <string.h>

#include "match.h"
#include "../read/read.h"
#include "../code/code.h"

static const char *kind_name(int k) {
    switch (k) {
    case TK_ENTRY_ACTOR: return "actor";
    case TK_ENTRY_AGENT: return "agent";
    case TK_ENTRY_VERB: return "verb";
    case TK_ENTRY_DISCARD: return "discard";
    case TK_ENTRY_ISSUE: return "issue";
    case TK_ENTRY_PLACE: return "place";
    }
    return "?";
}

typedef struct collect {
    tk_dict_match m[256];
    size_t n;
} collect;

static void on_match(void *ctx, const tk_dict_match *m) {
    collect *c = ctx;
    if (c->n < sizeof c->m / sizeof *c->m) c->m[c->n++] = *m;
}

tk_status tk_story_lookup(tk_story *s, const char *phrase, size_t len, const char *date,
                          const char **out, size_t *out_len) {
    if (!s || !phrase || !out || !out_len) return TK_EUSAGE;
    int32_t day = 0;
    if (date && !(day = tk_match_date(date)))
        return tk_story_fail(s, TK_EUSAGE, "date \"%s\" is not YYYY-MM-DD", date);
    tk_status st = tk_story_load_text(s, phrase, len, "lookup");
    if (st == TK_OK) st = tk_story_code(s);
    if (st != TK_OK) return st;
    const tk_dict *d = &s->engine->dict;
    tk_buf *b = &s->out;
    tk_buf_clear(b);
    tk_buf_printf(b, "\"%.*s\"%s%s\n", (int)len, phrase, date ? " on " : "", date ? date : "");
    for (size_t si = 0; si < s->sentences.n; si++) {
        tk_words w;
        if ((st = tk_match_words_of(s, si, &w)) != TK_OK) return st;
        collect c = {.n = 0};
        if (!tk_dict_match_words(d, w.w, w.n, on_match, &c)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
        if (!c.n) tk_buf_puts(b, "  no dictionary entry matches\n");
        const tk_dict_match *best_actor = NULL, *agent = NULL, *verb = NULL;
        for (size_t i = 0; i < c.n; i++) {
            const tk_dict_match *m = &c.m[i];
            const tk_entry *e = &d->entries[m->entry];
            const char *code = tk_dict_code_on(d, e, day);
            tk_buf_puts(b, "  ");
            for (uint32_t k = m->start; k < m->end; k++)
                tk_buf_printf(b, "%s%.*s", k > m->start ? " " : "", (int)w.w[k].n, w.w[k].s);
            tk_buf_printf(b, "  ->  %s %s [%s]  %s:%u", kind_name(e->kind),
                          tk_intern_str(&d->strings, e->phrase), code ? code : "no code on this date",
                          tk_intern_str(&d->strings, e->file), e->line);
            const tk_cameo_code *cc = e->kind == TK_ENTRY_VERB && code ? tk_cameo_find(&s->engine->cameo, code) : NULL;
            if (cc) tk_buf_printf(b, "  (%s; Goldstein %.1f, quad %d%s%s)", cc->name, (double)cc->goldstein, cc->quad,
                                  cc->plover[0] ? ", " : "", cc->plover);
            if (e->kind == TK_ENTRY_VERB && e->verb != TK_NONE)
                tk_buf_printf(b, "  %u patterns", d->verbs[e->verb].n);
            if (e->kind == TK_ENTRY_PLACE) tk_buf_printf(b, "  (%s)", tk_place_kind_name(e->place));
            tk_buf_putc(b, '\n');
            if (!code) continue;
            if (e->kind == TK_ENTRY_ACTOR &&
                (!best_actor || m->end - m->start > best_actor->end - best_actor->start))
                best_actor = m;
            if (e->kind == TK_ENTRY_AGENT && (!agent || m->end - m->start > agent->end - agent->start))
                agent = m;
            if (e->kind == TK_ENTRY_VERB && !verb) verb = m;
        }
        char result[160] = "";
        if (best_actor) {
            const char *ac = tk_dict_code_on(d, &d->entries[best_actor->entry], day);
            snprintf(result, sizeof result, "%s", ac);
            /* an agent right before or after the actor ("Afghan police",
             * "the police of Afghanistan") composes with it */
            bool before = agent && agent->end <= best_actor->start && best_actor->start - agent->end <= 2;
            bool after = agent && agent->start >= best_actor->end && agent->start - best_actor->end <= 2;
            if (before || after)
                tk_dict_compose(ac, tk_dict_code_on(d, &d->entries[agent->entry], day), result,
                                sizeof result);
        } else if (agent) {
            const char *gc = tk_dict_code_on(d, &d->entries[agent->entry], day);
            snprintf(result, sizeof result, "%s (agent without an actor)", gc);
        } else if (verb) {
            snprintf(result, sizeof result, "%s (verb)", tk_dict_code_on(d, &d->entries[verb->entry], day));
        }
        if (*result) tk_buf_printf(b, "  result: %s\n", result);
    }
    if (b->failed) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    *out = b->data;
    *out_len = b->len;
    return TK_OK;
}

/* Flags of a token, for the explanation. */
static void token_tags(tk_buf *b, const tk_token *t) {
    static const struct { unsigned bit; const char *name; } tags[] = {
        {TK_TF_TITLE, "title"}, {TK_TF_ABBREV, "abbrev"}, {TK_TF_INITIAL, "initial"},
        {TK_TF_MONTH, "month"}, {TK_TF_CLITIC, "clitic"}, {TK_TF_QUOTE_OPEN, "quote-open"},
        {TK_TF_QUOTE_CLOSE, "quote-close"}, {TK_TF_TERMINAL, "terminal"}};
    const char *kind = t->kind == TK_TOK_NUMBER ? "num" : t->kind == TK_TOK_QUOTE ? "quote"
                     : t->kind == TK_TOK_PUNCT ? "punct" : t->kind == TK_TOK_OPEN || t->kind == TK_TOK_CLOSE ? "bracket" : NULL;
    bool any = false;
    if (kind) { tk_buf_printf(b, "/%s", kind); any = true; }
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (t->flags & tags[i].bit) { tk_buf_printf(b, "%s%s", any ? "," : "/", tags[i].name); any = true; }
}

tk_status tk_story_explain(tk_story *s, const char *sentence, size_t len, const char *date,
                           const char **out, size_t *out_len) {
    if (!s || !sentence || !out || !out_len) return TK_EUSAGE;
    if (date && !tk_match_date(date)) return tk_story_fail(s, TK_EUSAGE, "date \"%s\" is not YYYY-MM-DD", date);
    tk_status st = tk_story_load_text(s, sentence, len, "explain");
    if (st != TK_OK) return st;
    if (date && !(s->date = tk_arena_strndup(&s->arena, date, 10)))
        return tk_story_fail(s, TK_ENOMEM, "out of memory");
    tk_buf trace;
    tk_buf_init(&trace);
    s->trace = &trace;
    st = tk_story_code(s);
    s->trace = NULL;
    if (st != TK_OK) { tk_buf_free(&trace); return st; }
    tk_buf *b = &s->out;
    tk_buf_clear(b);
    tk_buf_printf(b, "\"%.*s\"%s%s\n", (int)len, sentence, date ? " on " : "", date ? date : "");
    for (size_t si = 0; si < s->sentences.n; si++) {
        const tk_sentence *x = &s->sentences.v[si];
        tk_buf_printf(b, "sentence %zu tokens:", si);
        for (uint32_t k = x->tok_start; k < x->tok_end; k++) {
            const tk_token *t = &s->tokens.v[k];
            tk_buf_printf(b, " %.*s", (int)(t->end - t->start), s->text + t->start);
            token_tags(b, t);
        }
        tk_buf_putc(b, '\n');
    }
    tk_buf_puts(b, "coding:\n");
    if (trace.len) tk_buf_put(b, trace.data, trace.len);
    else tk_buf_puts(b, "  no dictionary entry matches\n");
    tk_buf_free(&trace);
    const tk_dict *d = &s->engine->dict;
    tk_buf_printf(b, "events (%zu):\n", s->events.n);
    for (size_t i = 0; i < s->events.n; i++) {
        const tk_event *e = &s->events.v[i];
        tk_buf_printf(b, "  %s%s -> %s -> %s  (%s)", e->negated ? "NOT " : "", e->source.code, e->code,
                      e->target.set ? e->target.code : "-", tk_modality_name(e->modality));
        if (e->location.from != TK_LOC_NONE) {
            const tk_entry *pe = &d->entries[e->location.entry];
            tk_buf_printf(b, "  @ %.*s = %s [%s]", (int)(e->location.end - e->location.start),
                          s->text + e->location.start, tk_intern_str(&d->strings, pe->phrase),
                          tk_dict_code_on(d, pe, 0));
        }
        tk_buf_putc(b, '\n');
    }
    for (size_t i = 0; i < s->warnings.n; i++) tk_buf_printf(b, "warning: %s\n", s->warnings.v[i]);
    if (b->failed) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    *out = b->data;
    *out_len = b->len;
    return TK_OK;
}
