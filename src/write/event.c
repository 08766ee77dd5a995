/* event.c — one event rendered for JSON Lines (the fields of the output
 * contract: code, root, name, quad, goldstein, plover, negated, modality,
 * date, source, target, evidence) and for TSV. */
#include <stdio.h>
#include <string.h>

#include "write.h"
#include "../dict/cameo.h"
#include "../code/code.h"

static void actor_json(const tk_story *s, const tk_actor_ref *r, tk_buf *b) {
    if (!r->set) { TK_BUF_LIT(b, "null"); return; }
    tk_write_text_span(b, s, r->start, r->end);
    TK_BUF_LIT(b, ",\"code\":");
    tk_write_json_string(b, r->code, strlen(r->code));
    tk_buf_putc(b, '}');
}

/* {"name":"Lachin corridor","start":S,"end":E,"canonical":"Lachin corridor",
 *  "country":"AZE","kind":"corridor","from":"clause"}, or null */
static void location_json(const tk_story *s, const tk_place_ref *r, tk_buf *b) {
    if (r->from == TK_LOC_NONE) { TK_BUF_LIT(b, "null"); return; }
    const tk_dict *d = &s->engine->dict;
    const tk_entry *en = &d->entries[r->entry];
    const char *canon = tk_intern_str(&d->strings, en->phrase);
    const char *country = tk_dict_code_on(d, en, 0);
    const char *kind = tk_place_kind_name(en->place);
    TK_BUF_LIT(b, "{\"name\":");
    tk_write_json_string(b, s->text + r->start, r->end - r->start);
    TK_BUF_LIT(b, ",\"start\":");
    tk_buf_put_u32(b, r->start);
    TK_BUF_LIT(b, ",\"end\":");
    tk_buf_put_u32(b, r->end);
    TK_BUF_LIT(b, ",\"canonical\":");
    tk_write_json_string(b, canon, strlen(canon));
    TK_BUF_LIT(b, ",\"country\":");
    if (country) tk_write_json_string(b, country, strlen(country));
    else TK_BUF_LIT(b, "null");
    TK_BUF_LIT(b, ",\"kind\":");
    if (kind) tk_write_json_string(b, kind, strlen(kind));
    else TK_BUF_LIT(b, "null");
    tk_buf_puts(b, r->from == TK_LOC_DATELINE ? ",\"from\":\"dateline\"}" : ",\"from\":\"clause\"}");
}

void tk_write_event_json(const tk_story *s, const tk_event *e, tk_buf *b) {
    const tk_dict *d = &s->engine->dict;
    const tk_cameo_code *c = tk_cameo_find(&s->engine->cameo, e->code);
    TK_BUF_LIT(b, "{\"sentence\":");
    tk_buf_put_u32(b, e->sentence);
    TK_BUF_LIT(b, ",\"text\":");
    tk_write_json_string(b, s->text + e->text_start, e->text_end - e->text_start);
    TK_BUF_LIT(b, ",\"source\":");
    actor_json(s, &e->source, b);
    TK_BUF_LIT(b, ",\"target\":");
    actor_json(s, &e->target, b);
    TK_BUF_LIT(b, ",\"code\":\"");
    tk_buf_puts(b, e->code);
    TK_BUF_LIT(b, "\",\"root\":\"");
    tk_buf_put(b, e->code, strnlen(e->code, 2));
    TK_BUF_LIT(b, "\",\"name\":");
    if (c) tk_write_json_string(b, c->name, strlen(c->name));
    else TK_BUF_LIT(b, "null");
    if (c) {
        TK_BUF_LIT(b, ",\"quad\":");
        tk_buf_put_u32(b, (uint32_t)c->quad);
        TK_BUF_LIT(b, ",\"goldstein\":");
        tk_buf_put_dec1(b, (double)c->goldstein);
        TK_BUF_LIT(b, ",\"plover\":");
    }
    else TK_BUF_LIT(b, ",\"quad\":null,\"goldstein\":null,\"plover\":");
    if (c && c->plover[0]) tk_write_json_string(b, c->plover, strlen(c->plover));
    else TK_BUF_LIT(b, "null");
    tk_buf_puts(b, e->negated ? ",\"negated\":true,\"modality\":\"" : ",\"negated\":false,\"modality\":\"");
    tk_buf_puts(b, tk_modality_name(e->modality));
    TK_BUF_LIT(b, "\",\"date\":");
    if (e->date) tk_buf_printf(b, "\"%04d-%02d-%02d\"", e->date / 10000, e->date / 100 % 100, e->date % 100);
    else TK_BUF_LIT(b, "null");
    TK_BUF_LIT(b, ",\"location\":");
    location_json(s, &e->location, b);
    TK_BUF_LIT(b, ",\"evidence\":{\"verb\":");
    tk_write_json_string(b, s->text + e->verb_start, e->verb_end - e->verb_start);
    TK_BUF_LIT(b, ",\"pattern\":");
    const tk_entry *ve = &d->entries[e->entry];
    char rule[600];
    unsigned line;
    if (e->pattern >= 0) {
        const tk_pattern *p = &d->patterns[e->pattern];
        const char *pt = tk_intern_str(&d->strings, p->text);
        tk_write_json_string(b, pt, strlen(pt));
        snprintf(rule, sizeof rule, "%s", tk_intern_str(&d->strings, p->file));
        line = p->line;
    } else {
        const char *ph = tk_intern_str(&d->strings, ve->phrase);
        tk_write_json_string(b, ph, strlen(ph));
        snprintf(rule, sizeof rule, "%s", tk_intern_str(&d->strings, ve->file));
        line = ve->line;
    }
    /* "file:line" as one JSON string (file names hold no characters to escape) */
    TK_BUF_LIT(b, ",\"rule\":");
    tk_write_json_string(b, rule, strlen(rule));
    b->len -= b->failed ? 0 : 1; /* reopen the string */
    tk_buf_putc(b, ':');
    tk_buf_put_u32(b, line);
    tk_buf_putc(b, '"');
    TK_BUF_LIT(b, "}}");
}

/* A TSV field: tabs and line breaks become blanks. */
static void tsv_field(tk_buf *b, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) tk_buf_putc(b, p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ? ' ' : p[i]);
}

uint64_t tk_event_key(const tk_event *e) {
    char k[4 + 3 * 41];
    size_t o = 0;
    memcpy(k, &e->date, 4);
    o = 4;
    const char *parts[3] = {e->source.code, e->target.set ? e->target.code : "", e->code};
    for (int i = 0; i < 3; i++) {
        size_t n = strnlen(parts[i], 40);
        memcpy(k + o, parts[i], n);
        o += n;
        k[o++] = '\t';
    }
    return tk_hash_bytes(k, o);
}

void tk_spans_add(tk_spans *sp, const tk_event *e, size_t start, size_t end) {
    if (!sp) return;
    if (!TK_VEC_GROW(*sp)) { sp->failed = true; return; }
    sp->v[sp->n++] = (tk_event_span){start, end, e->date, tk_event_key(e)};
}

void tk_write_tsv(const tk_story *s, tk_buf *b, tk_spans *spans) {
    for (size_t i = 0; i < s->events.n; i++) {
        const tk_event *e = &s->events.v[i];
        size_t at = b->len;
        const tk_cameo_code *c = tk_cameo_find(&s->engine->cameo, e->code);
        if (s->id) tsv_field(b, s->id, strlen(s->id));
        char day[16] = "";
        if (e->date) snprintf(day, sizeof day, "%04d-%02d-%02d", e->date / 10000, e->date / 100 % 100, e->date % 100);
        tk_buf_printf(b, "\t%u\t%s\t%s\t%s\t%s\t%.2s\t", e->sentence, day, e->source.code,
                      e->target.set ? e->target.code : "", e->code, e->code);
        if (c) tk_buf_printf(b, "%d\t%.1f\t", c->quad, (double)c->goldstein);
        else TK_BUF_LIT(b, "\t\t");
        tsv_field(b, s->text + e->source.start, e->source.end - e->source.start);
        tk_buf_putc(b, '\t');
        if (e->target.set) tsv_field(b, s->text + e->target.start, e->target.end - e->target.start);
        tk_buf_putc(b, '\t');
        if (e->location.from != TK_LOC_NONE) {
            const char *canon = tk_intern_str(&s->engine->dict.strings, s->engine->dict.entries[e->location.entry].phrase);
            tsv_field(b, canon, strlen(canon));
        }
        tk_buf_printf(b, "\t%s\t%s\n", e->negated ? "true" : "false", tk_modality_name(e->modality));
        tk_spans_add(spans, e, at, b->len);
    }
}
