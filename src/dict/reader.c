/* reader.c — line cursor, code groups, and the dispatch from a file to
 * its reader (see reader.h). */
#include "reader.h"

#include <string.h>

bool tk_next_line(tk_lines_in *in, const char **s, size_t *n, bool *lead) {
    while (in->p < in->end) {
        const char *a = in->p;
        const char *nl = memchr(a, '\n', (size_t)(in->end - a));
        const char *e = nl ? nl : in->end;
        in->p = nl ? nl + 1 : in->end;
        in->lineno++;
        /* strip the comment; PETRARCH's "<!-- ... -->" lines go too */
        /* a comment starts at # (or ; in TABARI files) outside [ ] */
        int depth = 0;
        for (const char *c = a; c < e; c++) {
            if (*c == '[') depth++;
            else if (*c == ']' && depth) depth--;
            else if (!depth && (*c == '#' || (*c == ';' && in->tabari_comments))) { e = c; break; }
        }
        *lead = a < e && (*a == ' ' || *a == '\t');
        size_t k = (size_t)(e - a);
        tk_trim(&a, &k);
        if (!k) continue;
        if (k >= 4 && !memcmp(a, "<!--", 4)) continue;
        *s = a;
        *n = k;
        return true;
    }
    return false;
}

void tk_trim(const char **s, size_t *n) {
    const char *p = *s;
    size_t k = *n;
    while (k && (*p == ' ' || *p == '\t' || *p == '\r')) { p++; k--; }
    while (k && (p[k - 1] == ' ' || p[k - 1] == '\t' || p[k - 1] == '\r')) k--;
    *s = p;
    *n = k;
}

static bool code_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '~' || c == '-' || c == ':' ||
           (c >= 'a' && c <= 'z') || c == '#' || c == '+' || c == '_' || c == '!' || c == '?' ||
           c == '/';
}

bool tk_parse_codes(tk_dict *d, uint32_t e, const char *s, size_t n, const char *file,
                    unsigned line, int *ngroups) {
    *ngroups = 0;
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '[', (size_t)(end - p)))) {
        const char *close = memchr(p, ']', (size_t)(end - p));
        if (!close) {
            tk_dict_diag(d, file, line, d->strict, "unclosed [ in code");
            return !d->strict;
        }
        const char *q = p + 1;
        while (q < close && *q == ' ') q++;
        const char *cs = q;
        while (q < close && code_char(*q)) q++;
        size_t cn = (size_t)(q - cs);
        p = close + 1;
        if (!cn) {
            if (!tk_dict_malformed(d, file, line, "empty code []")) return false;
            continue;
        }
        /* the date restriction, if any: >D, <D, D1-D2 (blanks allowed) */
        while (q < close && (*q == ' ' || *q == '\t')) q++;
        int32_t from = 0, to = 0;
        bool dated = q < close;
        if (dated) {
            char op = *q;
            if (op == '>' || op == '<') q++;
            while (q < close && *q == ' ') q++;
            const char *ds = q;
            while (q < close && *q >= '0' && *q <= '9') q++;
            int32_t d1;
            bool ok = tk_dict_parse_date(ds, (size_t)(q - ds), &d1);
            if (ok && op == '>') from = d1;
            else if (ok && op == '<') to = d1;
            else if (ok) {
                while (q < close && *q == ' ') q++;
                if (q < close && *q == '-') {
                    q++;
                    while (q < close && *q == ' ') q++;
                    const char *d2s = q;
                    while (q < close && *q >= '0' && *q <= '9') q++;
                    int32_t d2;
                    ok = tk_dict_parse_date(d2s, (size_t)(q - d2s), &d2);
                    from = d1;
                    to = d2;
                    if (ok && d2 < d1) {
                        if (!tk_dict_malformed(d, file, line, "date range ends before it starts in [%.*s]",
                                               (int)(close - cs), cs))
                            return false;
                        continue;
                    }
                } else {
                    ok = false;
                }
            }
            while (q < close && *q == ' ') q++;
            if (!ok || q != close) {
                if (!tk_dict_malformed(d, file, line, "malformed date in [%.*s]", (int)(close - cs), cs))
                    return false;
                continue;
            }
        }
        if (!tk_dict_add_rule(d, e, cs, cn, from, to, dated)) return false;
        (*ngroups)++;
    }
    return true;
}

bool tk_dict_load_text(tk_dict *d, const char *name, const char *text, size_t len, int kind) {
    if (!kind) kind = tk_dict_kind_for_name(name);
    uint32_t file = tk_intern_add(&d->strings, name, strlen(name));
    if (file == TK_NONE) return false;
    d->files++;
    switch (kind) {
    case TK_ENTRY_ACTOR: return tk_read_actors(d, name, file, text, len);
    case TK_ENTRY_AGENT: return tk_read_agents(d, name, file, text, len);
    case TK_ENTRY_VERB: return tk_read_verbs(d, name, file, text, len);
    case TK_ENTRY_DISCARD: return tk_read_discards(d, name, file, text, len);
    case TK_ENTRY_ISSUE: return tk_read_issues(d, name, file, text, len);
    case TK_ENTRY_PLACE: return tk_read_places(d, name, file, text, len);
    default:
        tk_dict_diag(d, name, 0, true, "cannot tell what kind of dictionary this is from its name");
        return !d->strict;
    }
}
