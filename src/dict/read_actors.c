/* read_actors.c — actor dictionaries (TABARI .actors, PETRARCH
 * *.actors.txt): an entry line "PHRASE [CODE]...", "+SYNONYM" lines, and
 * indented "[CODE dates]" restriction lines; TABARI's <NOUN>/<ADJECTIVE>
 * sections and other <...> lines are skipped. */
#include <string.h>

#include "reader.h"

/* The phrase part of a line: up to the first '[' or '{'. */
static size_t phrase_len(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && s[k] != '[' && s[k] != '{') k++;
    while (k && (s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
    return k;
}

/* The "{...}" forms after the phrase, copied into buf; NULL if none. */
static const char *braces(const char *s, size_t n, char *buf, size_t cap) {
    const char *o = memchr(s, '{', n);
    if (!o) return NULL;
    const char *c = memchr(o, '}', (size_t)(s + n - o));
    if (!c) return NULL;
    size_t k = (size_t)(c - o - 1);
    if (k >= cap) k = cap - 1;
    memcpy(buf, o + 1, k);
    buf[k] = '\0';
    return buf;
}

bool tk_read_actors(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len) {
    tk_lines_in in = {text, text + len, 0, true};
    const char *s;
    size_t n;
    bool lead;
    uint32_t cur = TK_NONE;
    int ngroups;
    char forms[512];
    bool in_section = false; /* TABARI <NOUN>...</NOUN>, <ADJECTIVE>...: no codes */
    while (tk_next_line(&in, &s, &n, &lead)) {
        if (s[0] == '<') {
            in_section = !(n > 1 && s[1] == '/') && !(n > 1 && s[n - 2] == '/');
            continue;
        }
        if (in_section) continue;
        if (s[0] == '[') {
            if (cur == TK_NONE) {
                if (!tk_dict_malformed(d, name, in.lineno, "code line with no actor before it")) return false;
                continue;
            }
            if (!tk_parse_codes(d, cur, s, n, name, in.lineno, &ngroups)) return false;
            continue;
        }
        (void)lead;
        bool synonym = s[0] == '+';
        const char *ph = synonym ? s + 1 : s;
        size_t pn = phrase_len(ph, n - (synonym ? 1 : 0));
        if (!pn) {
            if (!tk_dict_malformed(d, name, in.lineno, "no phrase on this line")) return false;
            continue;
        }
        if (synonym) {
            if (cur == TK_NONE) {
                if (!tk_dict_malformed(d, name, in.lineno, "synonym with no actor before it")) return false;
                continue;
            }
        } else {
            cur = tk_dict_new_entry(d, TK_ENTRY_ACTOR, ph, pn, file, in.lineno);
            if (cur == TK_NONE) return false;
        }
        const char *rb = memchr(ph, ']', pn);
        if (rb) {
            if (!tk_dict_malformed(d, name, in.lineno, "stray ] in phrase %.*s", (int)pn, ph)) return false;
        }
        const char *irr = braces(ph, n - (size_t)(ph - s), forms, sizeof forms);
        if (!tk_dict_add_phrase(d, cur, ph, pn, irr, false)) return false;
        if (memchr(s, '[', n) && !tk_parse_codes(d, cur, s, n, name, in.lineno, &ngroups)) return false;
    }
    return true;
}
