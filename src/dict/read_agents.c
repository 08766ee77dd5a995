/* read_agents.c — agent dictionaries: "!SET! = A, B, C" substitution sets
 * and "PHRASE {plurals} [~CODE]" lines whose phrase may use a set; each
 * set member is substituted literally. */
#include <stdio.h>
#include <string.h>

#include "reader.h"

#define MAX_SETS 256

typedef struct subst {
    char name[48];
    char members[1024]; /* comma-separated, trimmed */
} subst;

static void add_variants(tk_dict *d, uint32_t e, const char *phrase, size_t n, const char *irr,
                         const subst *sets, int nsets, int depth, bool *ok) {
    const char *bang = memchr(phrase, '!', n);
    const char *bang2 = bang ? memchr(bang + 1, '!', (size_t)(phrase + n - bang - 1)) : NULL;
    if (!bang || !bang2 || depth > 3) {
        if (!tk_dict_add_phrase(d, e, phrase, n, irr, false)) *ok = false;
        return;
    }
    size_t sn = (size_t)(bang2 - bang + 1);
    for (int i = 0; i < nsets; i++) {
        if (strlen(sets[i].name) != sn || memcmp(sets[i].name, bang, sn)) continue;
        const char *m = sets[i].members;
        while (*m) {
            const char *c = strchr(m, ',');
            size_t mn = c ? (size_t)(c - m) : strlen(m);
            char buf[512];
            int k = snprintf(buf, sizeof buf, "%.*s%.*s%.*s", (int)(bang - phrase), phrase, (int)mn, m,
                             (int)(phrase + n - bang2 - 1), bang2 + 1);
            /* a substituted member is literal: no plurals of its own */
            if (k > 0 && (size_t)k < sizeof buf)
                add_variants(d, e, buf, (size_t)k, irr ? irr : "", sets, nsets, depth + 1, ok);
            m += mn;
            if (*m == ',') m++;
        }
        return;
    }
    tk_dict_diag(d, tk_intern_str(&d->strings, d->entries[e].file), d->entries[e].line, d->strict,
                 "unknown substitution set %.*s", (int)sn, bang);
    if (d->strict) *ok = false;
}

bool tk_read_agents(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len) {
    static __thread subst sets[MAX_SETS]; /* scratch, per loading thread */
    int nsets = 0;
    tk_lines_in in = {text, text + len, 0, true};
    const char *s;
    size_t n;
    bool lead;
    while (tk_next_line(&in, &s, &n, &lead)) {
        if (s[0] == '<') continue;
        const char *b2 = s[0] == '!' ? memchr(s + 1, '!', n - 1) : NULL;
        const char *after = b2 ? b2 + 1 : NULL;
        while (after && after < s + n && *after == ' ') after++;
        const char *eqsign = s[0] == '!' ? memchr(s, '=', n) : NULL;
        if (eqsign && (!b2 || b2 > eqsign)) { /* "!SET = A, B": no closing ! */
            if (!tk_dict_malformed(d, name, in.lineno, "malformed substitution set (no closing !)")) return false;
            continue;
        }
        if (b2 && after < s + n && *after == '=') { /* "!SET! = A, B" */
            const char *eq = after;
            if (nsets == MAX_SETS || nsets == MAX_SETS || (size_t)(b2 - s + 1) >= sizeof sets[0].name) {
                if (!tk_dict_malformed(d, name, in.lineno, "malformed substitution set")) return false;
                continue;
            }
            subst *st = &sets[nsets++];
            snprintf(st->name, sizeof st->name, "%.*s", (int)(b2 - s + 1), s);
            size_t o = 0;
            const char *m = eq + 1, *end = s + n;
            while (m < end) {
                while (m < end && (*m == ' ' || *m == ',')) m++;
                const char *c = m;
                while (c < end && *c != ',') c++;
                const char *me = c;
                while (me > m && me[-1] == ' ') me--;
                if (me > m && o + (size_t)(me - m) + 2 < sizeof st->members) {
                    if (o) st->members[o++] = ',';
                    memcpy(st->members + o, m, (size_t)(me - m));
                    o += (size_t)(me - m);
                }
                m = c;
            }
            st->members[o] = '\0';
            if (!o) {
                if (!tk_dict_malformed(d, name, in.lineno, "empty substitution set %s", st->name)) return false;
            }
            continue;
        }
        const char *br = memchr(s, '[', n);
        if (!br) {
            if (!tk_dict_malformed(d, name, in.lineno, "agent without a [code]")) return false;
            continue;
        }
        size_t pn = 0;
        while (pn < n && s[pn] != '[' && s[pn] != '{') pn++;
        while (pn && (s[pn - 1] == ' ' || s[pn - 1] == '\t')) pn--;
        if (!pn) {
            if (!tk_dict_malformed(d, name, in.lineno, "no phrase on this line")) return false;
            continue;
        }
        uint32_t e = tk_dict_new_entry(d, TK_ENTRY_AGENT, s, pn, file, in.lineno);
        if (e == TK_NONE) return false;
        int ng;
        if (!tk_parse_codes(d, e, br, (size_t)(s + n - br), name, in.lineno, &ng)) return false;
        if (ng && d->entries[e].nrules) {
            const char *code = tk_intern_str(&d->strings, d->rules[d->entries[e].rules].code);
            size_t cl = strlen(code);
            if (cl && code[cl - 1] == '~') d->entries[e].flags |= TK_EF_PREPEND;
        }
        char irr[512];
        const char *irrp = NULL;
        const char *o = memchr(s, '{', (size_t)(br - s));
        if (o) {
            const char *c = memchr(o, '}', (size_t)(br - o));
            if (c) {
                snprintf(irr, sizeof irr, "%.*s", (int)(c - o - 1), o + 1);
                irrp = irr;
            }
        }
        bool ok = true;
        add_variants(d, e, s, pn, irrp, sets, nsets, 0, &ok);
        if (!ok) return false;
    }
    return true;
}
