/* read_verbs.c — verb dictionaries in both syntaxes:
 *  TABARI / PETRARCH-1: "VERB {FORMS} [CODE]" then "- pattern [CODE]"
 *    lines with * $ + % ^ { | } _ markers; <SYNSETS>/<TIME> sections;
 *  PETRARCH-2 (CAMEO.2.0.txt): "--- NAME [CODE] ---" block headers,
 *    "&SYNSET" with "+MEMBER" lines, "+VERB_PHRASE {+FORMS} [CODE]"
 *    multiword verbs, "- pattern [CODE]" with (PP) and {NP} groups, and
 *    "~ ..." transformations.
 * Verbs go into the trie (with their forms); patterns are checked for
 * balanced groups, one verb position and a code, and kept as text for the
 * coder. */
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "inflect.h"
#include "../util/fold.h"

/* Checks a pattern line; returns NULL when well-formed, else the reason. */
static const char *pattern_problem(const char *s, size_t n, bool *has_code) {
    int paren = 0, brace = 0, stars = 0;
    *has_code = false;
    const char *br = NULL;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '[') { br = s + i; break; }
        if (c == '(') paren++;
        else if (c == ')') { if (--paren < 0) return "unbalanced ( )"; }
        else if (c == '{') brace++;
        else if (c == '}') { if (--brace < 0) return "unbalanced { }"; }
        else if (c == '*') stars++;
    }
    if (paren) return "unbalanced ( )";
    if (brace) return "unbalanced { }";
    if (!br) return "pattern without a [code]";
    if (!memchr(br, ']', (size_t)(s + n - br))) return "unclosed [ in code";
    *has_code = true;
    if (stars != 1) return stars ? "more than one * (verb position)" : "no * (verb position)";
    return NULL;
}

bool tk_read_verbs(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len) {
    tk_lines_in in = {text, text + len, 0, true};
    /* PETRARCH-2 files use ';' inside nothing but comments are '#': keep ';'
     * comments only for TABARI-looking files (no "---" block headers) */
    if (memmem(text, len < 65536 ? len : 65536, "\n---", 4)) in.tabari_comments = false;
    const char *s;
    size_t n;
    bool lead;
    uint32_t cur = TK_NONE;   /* current verb entry */
    bool in_synset = false, in_section = false;
    uint32_t synset = TK_NONE;
    char block_code[32];
    size_t block_code_len = 0;
    char forms[1024];
    while (tk_next_line(&in, &s, &n, &lead)) {
        if (s[0] == '<') {
            /* <SYNSETS> ... </SYNSETS>, <TIME> ... </TIME> (TABARI 0.8) */
            in_section = !(n > 1 && s[1] == '/');
            in_synset = false;
            continue;
        }
        if (n >= 3 && !memcmp(s, "---", 3)) { /* PETRARCH-2 block header: its code is the
                                                  * default of the verbs under it */
            in_synset = false;
            cur = TK_NONE;
            block_code_len = 0;
            const char *o = memchr(s, '[', n);
            const char *c = o ? memchr(o, ']', (size_t)(s + n - o)) : NULL;
            if (o && c && (size_t)(c - o - 1) < sizeof block_code) {
                const char *cs = o + 1;
                size_t cn = (size_t)(c - o - 1);
                tk_trim(&cs, &cn);
                memcpy(block_code, cs, cn);
                block_code_len = cn;
            }
            continue;
        }
        if (s[0] == '&') { /* a synset: "+MEMBER" lines follow */
            in_synset = true;
            d->synsets++;
            size_t k = 0;
            while (k < n && s[k] != ' ' && s[k] != '\t') k++;
            while (k > 1 && s[k - 1] == '_') k--; /* "&AUXVERB1_": no plurals */
            synset = tk_intern_add(&d->strings, s, k);
            if (synset == TK_NONE) return false;
            continue;
        }
        if (s[0] == '~') { d->transforms++; continue; }
        if (s[0] == '-' && in_section) continue; /* a <TIME> phrase pattern */
        if (s[0] == '{' && !in_section) {
            /* TABARI: the verb's forms on a line of their own */
            if (cur == TK_NONE) {
                if (!tk_dict_malformed(d, name, in.lineno, "verb forms with no verb before them")) return false;
                continue;
            }
            const char *p = s + 1, *e = s + n;
            while (p < e && *p != '}') {
                while (p < e && (*p == ' ' || *p == '\t')) p++;
                const char *q = p;
                while (q < e && *q != ' ' && *q != '\t' && *q != '}') q++;
                if (q > p && !tk_dict_add_phrase(d, cur, p, (size_t)(q - p), "", true)) return false;
                p = q;
            }
            continue;
        }
        if (s[0] == '-') {
            in_synset = false;
            bool has_code;
            const char *why = pattern_problem(s + 1, n - 1, &has_code);
            if (why) {
                if (!tk_dict_malformed(d, name, in.lineno, "%s: %.*s", why, (int)(n > 80 ? 80 : n), s)) return false;
                continue;
            }
            if (cur == TK_NONE) {
                if (!tk_dict_malformed(d, name, in.lineno, "pattern with no verb before it")) return false;
                continue;
            }
            const char *br = memchr(s, '[', n);
            const char *close = memchr(br, ']', (size_t)(s + n - br));
            size_t tn = (size_t)(br - s);
            const char *tx = s;
            tk_trim(&tx, &tn);
            if (d->npatterns == d->patterns_cap) {
                size_t cap = d->patterns_cap ? d->patterns_cap * 2 : 1024;
                tk_pattern *p = realloc(d->patterns, cap * sizeof *p);
                if (!p) return false;
                d->patterns = p;
                d->patterns_cap = cap;
            }
            const char *cs = br + 1;
            size_t cn = (size_t)(close - cs);
            tk_trim(&cs, &cn);
            /* compile it (without the leading "-") */
            uint32_t pfirst;
            uint16_t pn;
            const char *perr = tk_pattern_compile(d, tx + 1, tn - 1, &pfirst, &pn);
            if (perr && !strcmp(perr, "out of memory")) return false;
            if (perr) {
                if (!tk_dict_malformed(d, name, in.lineno, "%s: %.*s", perr, (int)(n > 80 ? 80 : n), s)) return false;
                continue;
            }
            uint32_t t = tk_intern_add(&d->strings, tx, tn);
            uint32_t c = tk_intern_add(&d->strings, cs, cn);
            if (t == TK_NONE || c == TK_NONE) return false;
            uint32_t weight = 0;
            for (const char *q = tx; q < tx + tn; q++)
                weight += (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9');
            tk_pattern pat = {t, c, file, in.lineno, pfirst, pn, (uint16_t)(weight > 65535 ? 65535 : weight),
                              {TK_NONE, TK_NONE}, -1};
            for (uint32_t k = 0; k < pn && k < INT16_MAX; k++)
                if (d->pels[pfirst + k].kind == TK_PEL_VERB) pat.verb_at = (int16_t)k;
            int nneed = 0;
            for (uint32_t k = pfirst; k < pfirst + pn && nneed < 2; k++) {
                const tk_pel *el = &d->pels[k];
                if (el->kind == TK_PEL_WORD) pat.need[nneed++] = el->arg;
                else if (el->kind == TK_PEL_ALT) k += el->arg; /* optional inside */
            }
            d->patterns[d->npatterns++] = pat;
            d->verbs[d->entries[cur].verb].n++;
            continue;
        }
        if (s[0] == '+' && in_synset) {
            /* a member: its first word (and that word's forms) stands for
             * the synset in patterns */
            size_t k = 1;
            while (k < n && s[k] != '_' && s[k] != ' ' && s[k] != '\t' && s[k] != '[') k++;
            char buf[64];
            size_t fn = tk_fold_word(s + 1, k - 1, buf, sizeof buf);
            tk_forms mforms = {0};
            strcpy(mforms.form[mforms.n++], buf);
            tk_inflect_noun(buf, &mforms);
            for (int f = 0; f < mforms.n; f++) {
                uint32_t w = tk_intern_add(&d->words, mforms.form[f], strlen(mforms.form[f]));
                if (w == TK_NONE || !tk_map64_put(&d->synset_members, (uint64_t)synset << 32 | w, 1)) return false;
            }
            (void)fn;
            continue;
        }
        if (in_section) continue; /* TABARI time phrases etc. */
        in_synset = false;
        /* a verb line: PHRASE {FORMS} [CODE] */
        size_t pn = 0;
        while (pn < n && s[pn] != '[' && s[pn] != '{') pn++;
        const char *ph = s;
        tk_trim(&ph, &pn);
        if (!pn) {
            if (!tk_dict_malformed(d, name, in.lineno, "verb line without a verb")) return false;
            continue;
        }
        cur = tk_dict_new_entry(d, TK_ENTRY_VERB, ph, pn, file, in.lineno);
        if (cur == TK_NONE) return false;
        if (d->nverbs == d->verbs_cap) {
            size_t cap = d->verbs_cap ? d->verbs_cap * 2 : 1024;
            tk_verb *v = realloc(d->verbs, cap * sizeof *v);
            if (!v) return false;
            d->verbs = v;
            d->verbs_cap = cap;
        }
        d->entries[cur].verb = (uint32_t)d->nverbs;
        if (strstr(name, "reporting")) d->entries[cur].flags |= TK_EF_REPORTING;
        d->verbs[d->nverbs++] = (tk_verb){cur, (uint32_t)d->npatterns, 0};
        const char *irr = NULL;
        const char *o = memchr(s, '{', n);
        if (o) {
            const char *c = memchr(o, '}', (size_t)(s + n - o));
            if (!c) {
                if (!tk_dict_malformed(d, name, in.lineno, "unclosed { in verb forms")) return false;
            } else {
                size_t k = (size_t)(c - o - 1);
                if (k >= sizeof forms) k = sizeof forms - 1;
                memcpy(forms, o + 1, k);
                forms[k] = '\0';
                irr = forms;
            }
        }
        if (!tk_dict_add_phrase(d, cur, ph, pn, irr, true)) return false;
        int ng = 0;
        if (memchr(s, '[', n) && !tk_parse_codes(d, cur, s, n, name, in.lineno, &ng)) return false;
        if (!ng && block_code_len && !tk_dict_add_rule(d, cur, block_code, block_code_len, 0, 0, false))
            return false;
    }
    return true;
}
