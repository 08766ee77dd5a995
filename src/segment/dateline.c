/* dateline.c — recognises the dateline that opens a wire story
 * ("KABUL (AFP) -", "WASHINGTON, March 19 -", "Canadian Press - VANCOUVER
 * (CP) -", "NEW YORK, Jan. 5 (Reuters) —") so that it becomes metadata and
 * not part of the first sentence. Looks only at the first tokens of the
 * story's first paragraphs. */
#include <string.h>

#include "segment.h"

static bool all_caps_word(const tk_story *s, const tk_token *t) {
    if (t->kind != TK_TOK_WORD) return false;
    int letters = 0;
    for (uint32_t i = t->start; i < t->end; i++) {
        unsigned char c = (unsigned char)s->text[i];
        if (c >= 'a' && c <= 'z') return false;
        if ((c >= 'A' && c <= 'Z') || c >= 0xC0) letters++;
    }
    return letters >= 2;
}

static bool is_sep(const tk_story *s, const tk_token *t) {
    if (!(t->flags & TK_TF_SPACE_AFTER)) return false;
    const char *p = s->text + t->start;
    size_t n = t->end - t->start;
    if (t->kind == TK_TOK_PUNCT && (p[0] == '-' || (n == 3 && (unsigned char)p[0] == 0xE2 &&
                                                     (unsigned char)p[1] == 0x80 &&
                                                     ((unsigned char)p[2] == 0x93 ||
                                                      (unsigned char)p[2] == 0x94))))
        return (t->flags & TK_TF_SPACE_BEFORE) != 0;
    return false;
}

static bool is_char(const tk_story *s, const tk_token *t, char c) {
    return t->end - t->start == 1 && s->text[t->start] == c;
}

static bool month_word(const tk_story *s, const tk_token *t) {
    static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November",
                                         "December", NULL};
    if (t->flags & TK_TF_MONTH) return true;
    size_t n = t->end - t->start;
    for (const char *const *m = months; *m; m++)
        if (strlen(*m) == n && memcmp(*m, s->text + t->start, n) == 0) return true;
    /* Reuters style "Feb 26" without a full stop */
    return n == 3 && tk_abbrev_kind(s->text + t->start, n) == TK_ABBR_MONTH;
}

/* Tries a dateline core at token i; returns the index after the separator,
 * or 0. */
static size_t core(tk_story *s, size_t i, size_t b, tk_dateline *d) {
    const tk_token *v = s->tokens.v;
    size_t p = i;
    while (p < b && p - i < 4 && all_caps_word(s, &v[p])) p++;
    bool caps_place = p > i;
    if (!caps_place) {
        /* Title-case place only when an agency in brackets follows */
        while (p < b && p - i < 3 && v[p].kind == TK_TOK_WORD && (v[p].flags & TK_TF_UPPER)) p++;
        if (p == i || p >= b || v[p].kind != TK_TOK_OPEN) return 0;
    }
    memset(d, 0, sizeof *d);
    d->place_start = v[i].start;
    d->place_end = v[p - 1].end;
    /* , Region | , March 19 (at most two groups) */
    for (int group = 0; group < 2 && p < b && is_char(s, &v[p], ','); group++) {
        size_t q = p + 1, g = q;
        while (q < b && q - g < 4 &&
               ((v[q].kind == TK_TOK_WORD && (v[q].flags & TK_TF_UPPER)) || v[q].kind == TK_TOK_NUMBER))
            q++;
        if (q == g) return 0;
        if (month_word(s, &v[g])) { d->date_start = v[g].start; d->date_end = v[q - 1].end; }
        p = q;
    }
    if (p < b && v[p].kind == TK_TOK_OPEN) {
        size_t q = p + 1;
        while (q < b && q - p <= 3 && v[q].kind == TK_TOK_WORD) q++;
        if (q >= b || v[q].kind != TK_TOK_CLOSE || q == p + 1) return 0;
        d->agency_start = v[p + 1].start;
        d->agency_end = v[q - 1].end;
        p = q + 1;
    }
    if (!caps_place && !d->agency_end) return 0;
    if (p >= b || !is_sep(s, &v[p])) return 0;
    if (p + 1 >= b) return 0;
    const tk_token *n = &v[p + 1];
    if (!(n->flags & TK_TF_UPPER) && n->kind != TK_TOK_QUOTE && n->kind != TK_TOK_NUMBER) return 0;
    /* a lone all-caps word is a dateline only if it is a news agency or a
     * place-like word of 5+ letters: acronyms are shorter ("NATO - The"
     * is not a dateline; "ROME (Reuters) -" still is, by its agency) */
    if (caps_place && p == i + 1 && !d->agency_end && !d->date_end) {
        size_t n0 = v[i].end - v[i].start;
        if (tk_is_news_agency(s->text + v[i].start, n0)) {
            d->agency_start = v[i].start;
            d->agency_end = v[i].end;
            d->place_start = d->place_end = 0;
        } else if (n0 < 5) {
            return 0;
        }
    }
    return p + 1;
}

size_t tk_segment_dateline(tk_story *s, size_t a, size_t b) {
    if (a >= b) return a;
    tk_dateline d;
    size_t after = core(s, a, b, &d);
    if (!after) {
        /* "Canadian Press - VANCOUVER (CP) -": a source name first */
        for (size_t k = a + 1; k < b && k - a <= 5; k++) {
            if (is_sep(s, &s->tokens.v[k])) {
                after = core(s, k + 1, b, &d);
                break;
            }
            if (s->tokens.v[k].kind != TK_TOK_WORD) break;
        }
    }
    if (!after) return a;
    d.found = true;
    d.start = s->tokens.v[a].start;
    d.end = s->tokens.v[after - 1].end;
    s->dateline = d;
    return after;
}
