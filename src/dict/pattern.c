/* pattern.c — compiles verb pattern text into elements (see pattern.h). */
#include "pattern.h"

#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "../util/fold.h"

static bool push(tk_dict *d, tk_pel e) {
    if (d->npels == d->pels_cap) {
        size_t cap = d->pels_cap ? d->pels_cap * 2 : 4096;
        tk_pel *p = realloc(d->pels, cap * sizeof *p);
        if (!p) return false;
        d->pels = p;
        d->pels_cap = cap;
    }
    d->pels[d->npels++] = e;
    return true;
}

/* Adds the parts of one token ("BY_", "TO_HAND_OVER", "&CURRENCY",
 * "*_AND_KILLED", "BID_TO_*"): words, synsets and markers. The first part
 * is adjacent to the previous element when `adj`; later parts always are. */
static const char *add_words(tk_dict *d, const char *s, size_t n, bool adj) {
    size_t i = 0;
    bool first = true;
    while (i < n) {
        while (i < n && s[i] == '_') { i++; adj = true; }
        if (i >= n) break;
        size_t j = i;
        while (j < n && s[j] != '_') j++;
        const char *w = s + i;
        size_t k = j - i;
        while (k && w[k - 1] == '~') k--; /* TABARI "BACK~ POLICY": stem mark */
        if (k) {
            tk_pel e = {TK_PEL_WORD, (uint8_t)(first ? adj : true), 0, 0};
            if (k == 1 && strchr("*$+%^", w[0])) {
                e.kind = w[0] == '*' ? TK_PEL_VERB : w[0] == '$' ? TK_PEL_SOURCE
                       : w[0] == '+' ? TK_PEL_TARGET : w[0] == '%' ? TK_PEL_BOTH : TK_PEL_SKIP;
            } else if (w[0] == '&') {
                e.kind = TK_PEL_SYNSET;
                e.arg = tk_intern_add(&d->strings, w, k);
            } else {
                char buf[64];
                size_t fn = tk_fold_word(w, k, buf, sizeof buf);
                e.arg = tk_intern_add(&d->words, buf, fn);
            }
            if (e.arg == TK_NONE || !push(d, e)) return "out of memory";
            first = false;
        }
        i = j;
    }
    return NULL;
}

const char *tk_pattern_compile(tk_dict *d, const char *text, size_t len, uint32_t *first,
                               uint16_t *n) {
    /* groups may be glued to words ("DEMAND_{ GENEVA_ | X }_CONVENTIONS"):
     * put blanks around { } | so that each is a token of its own; the _
     * left on the neighbours keeps their adjacency */
    char norm[2048];
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        bool group = c == '{' || c == '}' || c == '|';
        if (o + 3 >= sizeof norm) return "pattern too long";
        if (group) norm[o++] = ' ';
        norm[o++] = c;
        if (group) norm[o++] = ' ';
    }
    size_t start = d->npels;
    const char *p = norm, *end = norm + o;
    bool adj_next = false;
    const char *err = NULL;
    while (p < end && !err) {
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        if (p >= end) break;
        const char *q = p;
        while (q < end && *q != ' ' && *q != '\t') q++;
        size_t k = (size_t)(q - p);
        char c = *p;
        if (k == 1 && (c == '(' || c == ')')) { p = q; continue; } /* PP group */
        if (c == '(' || c == ')') { p++; continue; }              /* "(TO" "BORDER)" */
        if (c == '{') {
            /* { A | B } alternatives, or a PETRARCH-2 {NP}: find the end */
            const char *close = memchr(p, '}', (size_t)(end - p));
            if (!close) { err = "unbalanced { }"; break; }
            const char *bar = memchr(p, '|', (size_t)(close - p));
            if (!bar) { /* {ADJ HEAD}: its words, in order */
                const char *w = p + 1;
                while (w < close && !err) {
                    while (w < close && *w == ' ') w++;
                    const char *we = w;
                    while (we < close && *we != ' ') we++;
                    if (we > w) err = add_words(d, w, (size_t)(we - w), false);
                    w = we;
                }
            } else {
                /* each alternative is a word sequence; stored as a run of
                 * elements after the ALT element, separated by ALT with n=0 */
                size_t at = d->npels;
                if (!push(d, (tk_pel){TK_PEL_ALT, (uint8_t)adj_next, 0, 0})) return "out of memory";
                uint16_t nalt = 0;
                const char *a = p + 1;
                while (a <= close && !err) {
                    const char *ae = a;
                    while (ae < close && *ae != '|') ae++;
                    /* mark the start of this alternative */
                    if (!push(d, (tk_pel){TK_PEL_ALT, 0, UINT16_MAX, 0})) return "out of memory";
                    const char *w = a;
                    while (w < ae && !err) {
                        while (w < ae && *w == ' ') w++;
                        const char *we = w;
                        while (we < ae && *we != ' ') we++;
                        if (we > w) err = add_words(d, w, (size_t)(we - w), false);
                        w = we;
                    }
                    nalt++;
                    a = ae + 1;
                }
                d->pels[at].n = nalt;
                d->pels[at].arg = (uint32_t)(d->npels - at - 1); /* elements inside */
            }
            adj_next = false;
            p = close + 1;
            continue;
        }
        if (c == '}' || c == '|') { err = "unbalanced { }"; break; }
        err = add_words(d, p, k, adj_next);
        adj_next = p[k - 1] == '_'; /* "BY_ $": the next element follows directly */
        p = q;
    }
    if (!err) {
        int verbs = 0;
        for (size_t i = start; i < d->npels; i++) verbs += d->pels[i].kind == TK_PEL_VERB;
        if (verbs != 1) err = verbs ? "more than one * (verb position)" : "no * (verb position)";
        else if (d->npels - start > UINT16_MAX) err = "pattern too long";
    }
    if (err) {
        d->npels = start;
        return err;
    }
    *first = (uint32_t)start;
    *n = (uint16_t)(d->npels - start);
    return NULL;
}
