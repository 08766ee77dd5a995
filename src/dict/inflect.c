/* inflect.c — regular inflection rules and the WordNet irregular table
 * (see inflect.h). The doubling rule is the common one: a final consonant
 * after a single vowel in a short word doubles (stop -> stopped); longer
 * words rely on WordNet's list (abet -> abetted) and otherwise do not
 * double (visit -> visited). */
#include "inflect.h"

#include <string.h>

#include "irregular.h"

static void add(tk_forms *f, const char *w) {
    if (f->n >= TK_MAX_FORMS || strlen(w) >= TK_MAX_WORD) return;
    for (int i = 0; i < f->n; i++)
        if (!strcmp(f->form[i], w)) return;
    strcpy(f->form[f->n++], w);
}

static void add_suffix(tk_forms *f, const char *w, size_t keep, const char *suffix) {
    char buf[TK_MAX_WORD];
    size_t k = strlen(suffix);
    if (keep + k >= sizeof buf) return;
    memcpy(buf, w, keep);
    memcpy(buf + keep, suffix, k + 1);
    add(f, buf);
}

static bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static bool ascii_word(const char *w) {
    for (; *w; w++)
        if (!((*w >= 'a' && *w <= 'z') || *w == '\'')) return false;
    return true;
}

/* Irregular forms of kind `kind` for `w`, by binary search. Returns true
 * when WordNet lists any. */
static bool irregular(const char *w, char kind, tk_forms *f) {
    unsigned lo = 0, hi = tk_irregular_count;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (strcmp(tk_irregular_forms[mid].lemma, w) < 0) lo = mid + 1; else hi = mid;
    }
    bool any = false;
    for (unsigned i = lo; i < tk_irregular_count && !strcmp(tk_irregular_forms[i].lemma, w); i++) {
        if (tk_irregular_forms[i].kind != kind) continue;
        add(f, tk_irregular_forms[i].form);
        any = true;
    }
    return any;
}

void tk_inflect_noun(const char *w, tk_forms *f) {
    size_t n = strlen(w);
    if (!n || !ascii_word(w)) return;
    if (irregular(w, 'N', f)) return;
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0;
    if (last == 'y' && n > 1 && !vowel(prev)) add_suffix(f, w, n - 1, "ies");
    else if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 's' || prev == 'c')))
        add_suffix(f, w, n, "es");
    else add_suffix(f, w, n, "s");
}

void tk_inflect_verb(const char *w, tk_forms *f) {
    size_t n = strlen(w);
    if (!n || !ascii_word(w)) return;
    bool listed = irregular(w, 'V', f);
    char last = w[n - 1], prev = n > 1 ? w[n - 2] : 0, prev2 = n > 2 ? w[n - 3] : 0;
    /* third person */
    if (last == 'y' && n > 1 && !vowel(prev)) add_suffix(f, w, n - 1, "ies");
    else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
             (last == 'h' && (prev == 's' || prev == 'c')))
        add_suffix(f, w, n, "es");
    else add_suffix(f, w, n, "s");
    /* -ing */
    if (last == 'e' && n > 2 && prev != 'e' && prev != 'y' && prev != 'o') add_suffix(f, w, n - 1, "ing");
    else if (n >= 2 && last == 'e' && prev == 'i') { /* die -> dying */
        char buf[TK_MAX_WORD];
        if (n + 2 < sizeof buf) { memcpy(buf, w, n - 2); strcpy(buf + n - 2, "ying"); add(f, buf); }
    } else add_suffix(f, w, n, "ing");
    /* doubling in short words: stop, plan, ban, grab (not for w, x, y) */
    bool doubles = n <= 4 && n >= 3 && !vowel(last) && vowel(prev) && !vowel(prev2) &&
                   last != 'w' && last != 'x' && last != 'y';
    if (doubles) {
        char buf[TK_MAX_WORD];
        if (n + 4 < sizeof buf) {
            memcpy(buf, w, n);
            buf[n] = last;
            strcpy(buf + n + 1, "ed");
            add(f, buf);
            strcpy(buf + n + 1, "ing");
            add(f, buf);
        }
    }
    /* regular past forms too: harmless where WordNet lists an irregular
     * one ("goed" never occurs), right where both exist (dreamt, dreamed) */
    (void)listed;
    if (last == 'e') add_suffix(f, w, n, "d");
    else if (last == 'y' && n > 1 && !vowel(prev)) add_suffix(f, w, n - 1, "ied");
    else if (!doubles) add_suffix(f, w, n, "ed");
}
