/* read_lists.c — discard and issue dictionaries.
 * Discards: one phrase per line; "+PHRASE" discards the story, a plain
 * phrase the sentence. Issues (Phoenix.IssueCoding.txt): <ISSUE
 * CATEGORY="..."> blocks of "phrase [CODE]" lines, with n:/v: prefixes for
 * noun and verb forms, "a+b" for both "a b" and "a-b", and ~ for phrases
 * to ignore. */
#include <stdio.h>
#include <string.h>

#include "reader.h"

bool tk_read_discards(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len) {
    tk_lines_in in = {text, text + len, 0, false};
    const char *s;
    size_t n;
    bool lead;
    while (tk_next_line(&in, &s, &n, &lead)) {
        if (s[0] == '<') continue;
        bool story = s[0] == '+';
        const char *ph = story ? s + 1 : s;
        size_t pn = n - (story ? 1 : 0);
        const char *br = memchr(ph, '[', pn);
        if (br) pn = (size_t)(br - ph); /* TABARI-style [###] is allowed */
        tk_trim(&ph, &pn);
        if (!pn) {
            tk_dict_diag(d, name, in.lineno, d->strict, "empty discard phrase");
            if (d->strict) return false;
            continue;
        }
        uint32_t e = tk_dict_new_entry(d, TK_ENTRY_DISCARD, ph, pn, file, in.lineno);
        if (e == TK_NONE) return false;
        if (story) d->entries[e].flags |= TK_EF_STORY;
        if (!tk_dict_add_rule(d, e, story ? "+++" : "###", 3, 0, 0, false)) return false;
        if (!tk_dict_add_phrase(d, e, ph, pn, NULL, false)) return false;
    }
    return true;
}

bool tk_read_issues(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len) {
    tk_lines_in in = {text, text + len, 0, false};
    const char *s;
    size_t n;
    bool lead;
    while (tk_next_line(&in, &s, &n, &lead)) {
        if (s[0] == '<') continue; /* <ISSUE ...> and </ISSUE> */
        if (s[0] == '~') continue;  /* phrases to ignore */
        const char *ph = s;
        size_t pn = n;
        bool verb = false;
        if (pn > 2 && (ph[0] == 'n' || ph[0] == 'v') && ph[1] == ':') {
            verb = ph[0] == 'v';
            ph += 2;
            pn -= 2;
        }
        const char *br = memchr(ph, '[', pn);
        if (!br) {
            tk_dict_diag(d, name, in.lineno, d->strict, "issue phrase without a [code]");
            if (d->strict) return false;
            continue;
        }
        size_t k = (size_t)(br - ph);
        const char *p0 = ph;
        tk_trim(&p0, &k);
        if (!k) {
            tk_dict_diag(d, name, in.lineno, d->strict, "empty issue phrase");
            if (d->strict) return false;
            continue;
        }
        uint32_t e = tk_dict_new_entry(d, TK_ENTRY_ISSUE, p0, k, file, in.lineno);
        if (e == TK_NONE) return false;
        int ng;
        if (!tk_parse_codes(d, e, br, (size_t)(s + n - br), name, in.lineno, &ng)) return false;
        /* "a+b": both "a b" and "a-b", which tokenise alike */
        char buf[512];
        size_t o = 0;
        for (size_t i = 0; i < k && o + 1 < sizeof buf; i++) buf[o++] = p0[i] == '+' ? ' ' : p0[i];
        if (!tk_dict_add_phrase(d, e, buf, o, NULL, verb)) return false;
    }
    return true;
}
