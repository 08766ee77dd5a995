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
    tk_lines_in in = {text, text + len, 0, true};
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
            if (!tk_dict_malformed(d, name, in.lineno, "empty discard phrase")) return false;
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
    tk_lines_in in = {text, text + len, 0, true};
    const char *s;
    size_t n;
    bool lead;
    while (tk_next_line(&in, &s, &n, &lead)) {
        if (s[0] == '<') continue; /* <ISSUE ...> and </ISSUE> */
        if (s[0] == '~') continue;  /* phrases to ignore */
        const char *ph = s;
        size_t pn = n;
        const char *br = memchr(ph, '[', pn);
        if (!br) {
            if (!tk_dict_malformed(d, name, in.lineno, "issue phrase without a [code]")) return false;
            continue;
        }
        size_t k = (size_t)(br - ph);
        const char *p0 = ph;
        tk_trim(&p0, &k);
        if (!k) {
            if (!tk_dict_malformed(d, name, in.lineno, "empty issue phrase")) return false;
            continue;
        }
        /* "a+b": both "a b" and "a-b", which tokenise alike; "n:word" /
         * "v:word" marks the one word that takes noun or verb forms (the
         * rest of the phrase is literal). The entry is named without the
         * prefixes. */
        char buf[512], named[512];
        size_t o = 0, on = 0;
        bool verb = false, inflect = false;
        for (size_t i = 0; i < k && o + 2 < sizeof buf; i++) {
            bool word_start = i == 0 || p0[i - 1] == ' ' || p0[i - 1] == '_';
            if (word_start && i + 2 < k && (p0[i] == 'n' || p0[i] == 'v') && p0[i + 1] == ':') {
                verb = p0[i] == 'v';
                inflect = true;
                buf[o++] = '+';
                i++;
                continue;
            }
            named[on++] = p0[i];
            buf[o++] = p0[i] == '+' ? ' ' : p0[i];
        }
        uint32_t e = tk_dict_new_entry(d, TK_ENTRY_ISSUE, named, on, file, in.lineno);
        if (e == TK_NONE) return false;
        int ng;
        if (!tk_parse_codes(d, e, br, (size_t)(s + n - br), name, in.lineno, &ng)) return false;
        if (!tk_dict_add_phrase(d, e, buf, o, inflect ? NULL : "", verb)) return false;
    }
    return true;
}
