/* marks.c — finds quotations: pairs the quote marks of each paragraph
 * whatever their shape ("…", “…”, ”…“, «…», „…“, ” padded “, + … +) by
 * reading the context of each mark (spaces, neighbouring punctuation,
 * paragraph edges, the mark's usual side) and choosing, in one linear
 * pass, the pairing that best agrees with it. A mark left over is either a
 * stray or opens a quote that runs to the paragraph's end; a paragraph
 * that reopens a quote left open continues it (multi-paragraph quotes).
 * Quotes inside quotes, and every + … + quote, are `nested`. */
#include <stdlib.h>
#include <string.h>

#include "quote.h"

enum { FAM_DOUBLE, FAM_GUILLEMET, FAM_PLUS, NFAM };

#define STRAY (-10)   /* cost of leaving a mark unpaired */
#define UNCLOSED (-6) /* cost of a quote still open at the paragraph's end */

static uint32_t cp_at(const tk_story *s, const tk_token *t) {
    const unsigned char *p = (const unsigned char *)s->text + t->start;
    size_t n = t->end - t->start;
    if (n == 1) return p[0];
    if (n == 2 && (p[0] & 0xE0) == 0xC0) return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    if (n == 3 && (p[0] & 0xF0) == 0xE0) return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (n == 2 && ((p[0] == '\'' && p[1] == '\'') || (p[0] == '`' && p[1] == '`'))) return p[0] == '`' ? 0x201C : 0x201D;
    return 0;
}

static bool is_ch(const tk_story *s, const tk_token *t, char c) {
    return t->end - t->start == 1 && s->text[t->start] == c;
}

typedef struct tk_story_tokens_view { const tk_token *t; size_t n; } tk_story_tokens_view;

static bool closing_punct(const tk_story *s, const tk_token *t) {
    if (!t || t->kind != TK_TOK_PUNCT || t->end - t->start != 1) return false;
    switch (s->text[t->start]) {
    case ',': case '.': case ';': case ':': case '!': case '?': return true;
    default: return false; /* (the text holds no NUL, which strchr would find) */
    }
}

static bool wordlike(const tk_token *t) {
    return t && (t->kind == TK_TOK_WORD || t->kind == TK_TOK_NUMBER);
}

/* Which family a token's mark belongs to, or -1 when it is no mark. */
static int family(const tk_story *s, const tk_story_tokens_view *v, size_t i) {
    const tk_token *t = &v->t[i];
    if (t->kind == TK_TOK_QUOTE) {
        uint32_t c = cp_at(s, t);
        if (c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A) return FAM_GUILLEMET;
        return FAM_DOUBLE;
    }
    if (t->kind == TK_TOK_PUNCT && is_ch(s, t, '+')) {
        /* "+ they want us to leave +": spaced, not arithmetic */
        const tk_token *p = i > 0 && v->t[i - 1].para == t->para ? &v->t[i - 1] : NULL;
        const tk_token *n = i + 1 < v->n && v->t[i + 1].para == t->para ? &v->t[i + 1] : NULL;
        if (!(t->flags & TK_TF_SPACE_BEFORE) && p && !(t->flags & TK_TF_SPACE_AFTER)) return -1;
        if (!(t->flags & TK_TF_SPACE_AFTER) && n && !closing_punct(s, n) && (t->flags & TK_TF_SPACE_BEFORE) == 0) return -1;
        if (!(t->flags & TK_TF_SPACE_BEFORE) && p && p->kind != TK_TOK_PUNCT) return -1;
        if (!(t->flags & TK_TF_SPACE_AFTER) && n && n->kind != TK_TOK_PUNCT) return -1;
        if ((p && p->kind == TK_TOK_NUMBER) || (n && n->kind == TK_TOK_NUMBER)) return -1;
        if (p && is_ch(s, p, '+')) return -1;
        return FAM_PLUS;
    }
    return -1;
}


static bool ends_speech(const tk_story *s, const tk_token *t) {
    return t && (closing_punct(s, t) || (t->flags & TK_TF_ELLIPSIS) || t->kind == TK_TOK_CLOSE);
}

/* How much the context of mark i says "opens" (open) and "closes" (close). */
static void evidence(const tk_story *s, const tk_story_tokens_view *v, size_t i, int *open, int *close) {
    const tk_token *t = &v->t[i];
    const tk_token *p = i > 0 && v->t[i - 1].para == t->para ? &v->t[i - 1] : NULL;
    const tk_token *n = i + 1 < v->n && v->t[i + 1].para == t->para ? &v->t[i + 1] : NULL;
    bool sb = !p || (t->flags & TK_TF_SPACE_BEFORE);
    bool sa = !n || (t->flags & TK_TF_SPACE_AFTER);
    int o = 0, c = 0;
    /* spacing first ("␣“word" opens, "word”␣" closes), then what is
     * around: punctuation right after a mark closes a quote whatever the
     * spacing (machine translation pads marks: "anything “, estimates") */
    if (sb && !sa) { o += 2; c -= 2; }
    if (!sb && sa) { o -= 2; c += 2; }
    if (!p) { o += 3; c -= 5; }                  /* a paragraph does not start by closing */
    if (!n) { c += 3; o -= 5; }
    if (p && ends_speech(s, p)) { c += 2; if (!is_ch(s, p, ':')) o -= 1; }
    if (p && (is_ch(s, p, ':') || p->kind == TK_TOK_OPEN)) o += 2;
    if (n && closing_punct(s, n)) { c += 3; o -= 3; }
    if (n && wordlike(n) && !sa) o += 1;
    uint32_t cp = cp_at(s, t);
    switch (cp) {
    case 0x201C: case 0x201E: case 0x00AB: case 0x2039: case 0x201F: o += 1; c -= 1; break;
    case 0x201D: case 0x00BB: case 0x203A: c += 1; o -= 1; break;
    default: break;
    }
    *open = o;
    *close = c;
}

#define NONE UINT32_MAX

static tk_status add_quote(tk_story *s, uint32_t tok_a, uint32_t tok_b, bool nested) {
    if (tok_b <= tok_a) return TK_OK;
    if (!TK_VEC_GROW(s->quotes)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    tk_quote *q = &s->quotes.v[s->quotes.n++];
    memset(q, 0, sizeof *q);
    q->tok_start = tok_a;
    q->tok_end = tok_b;
    q->start = s->tokens.v[tok_a].start;
    q->end = s->tokens.v[tok_b - 1].end;
    q->speaker = -1;
    q->nested = nested;
    return TK_OK;
}

/* Pairs the marks idx[0,k) (token indices of one family in one paragraph)
 * and appends their quotes. *open_tail gets the token after the last mark
 * when a quote is left open at the paragraph's end (NONE otherwise). */
static tk_status pair_family(tk_story *s, const tk_story_tokens_view *v, const uint32_t *idx, size_t k,
                             int fam, uint32_t para_end, uint32_t *open_tail, uint32_t *cont,
                             size_t *open_q) {
    *open_tail = NONE;
    size_t cont_q = *open_q; /* the quote an earlier paragraph left open */
    *open_q = SIZE_MAX;
    if (!k) return TK_OK;
    /* best score so far in state out (0) / in (1), and the choice at each
     * mark: bit0 = toggled when ending in state out, bit1 = ... in state in */
    uint8_t *back = tk_arena_alloc(&s->arena, k * 2);
    if (!back) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    long best[2] = {0, -1000000000L};
    for (size_t m = 0; m < k; m++) {
        int o, c;
        evidence(s, v, idx[m], &o, &c);
        if (fam == FAM_PLUS) { o = o > 0 ? 2 : 0; c = c > 0 ? 2 : 0; }
        long out_skip = best[0] + STRAY, out_close = best[1] + c;
        long in_skip = best[1] + STRAY, in_open = best[0] + o;
        /* back[m*2+state]: 1 = this mark toggled into `state` */
        back[m * 2 + 0] = out_close > out_skip;
        back[m * 2 + 1] = in_open > in_skip;
        best[0] = out_close > out_skip ? out_close : out_skip;
        best[1] = in_open > in_skip ? in_open : in_skip;
    }
    int state = best[1] + UNCLOSED > best[0] ? 1 : 0;
    /* walk back: roles[m] = 1 open, 2 close, 0 stray */
    uint8_t *role = back; /* reuse: we read back[m*2+state] before overwriting slot m*2+1 */
    for (size_t m = k; m-- > 0;) {
        bool toggled = back[m * 2 + state];
        uint8_t r = toggled ? (state ? 1 : 2) : 0;
        if (toggled) state = !state;
        role[m * 2 + 1] = r;
    }
    uint32_t open_at = NONE;
    for (size_t m = 0; m < k; m++) {
        uint8_t r = role[m * 2 + 1];
        if (r == 1) open_at = idx[m];
        else if (r == 2 && open_at != NONE) {
            uint32_t a = *cont != NONE && open_at == *cont ? open_at : open_at + 1;
            if (*cont != NONE && open_at == *cont) {
                /* continues a quote from an earlier paragraph: widen it */
                tk_quote *q = &s->quotes.v[cont_q];
                q->tok_end = idx[m];
                q->end = s->tokens.v[idx[m] - 1].end;
                *cont = NONE;
            } else {
                tk_status st = add_quote(s, a, idx[m], fam == FAM_PLUS);
                if (st != TK_OK) return st;
            }
            open_at = NONE;
        }
    }
    if (open_at != NONE) {
        if (*cont != NONE && open_at == *cont) {
            tk_quote *q = &s->quotes.v[cont_q];
            q->tok_end = para_end;
            *open_q = cont_q;
            q->end = s->tokens.v[para_end - 1].end;
        } else {
            tk_status st = add_quote(s, open_at + 1, para_end, fam == FAM_PLUS);
            if (st != TK_OK) return st;
            *open_q = s->quotes.n - 1;
        }
        *open_tail = open_at;
    }
    return TK_OK;
}

bool tk_quote_single_mark(const tk_story *s, const tk_token *t) {
    if (t->kind == TK_TOK_WORD || (t->flags & TK_TF_CLITIC)) return false;
    uint32_t c = cp_at(s, t);
    return c == '\'' || c == 0x2018 || c == 0x2019;
}

/* Single quotes (‘…’, '…'): paired with a stack, an opening mark before a
 * word and a closing one after a word or a stop; a closing-looking mark
 * with no opener is an apostrophe ("the farmers’ land") and is skipped. */
static tk_status pair_singles(tk_story *s, const uint32_t *marks, size_t k) {
    enum { DEPTH = 8 };
    uint32_t stack[DEPTH];
    int depth = 0;
    for (size_t m = 0; m < k; m++) {
        size_t i = marks[m];
        const tk_token *t = &s->tokens.v[i];
        const tk_token *p = i > 0 && s->tokens.v[i - 1].para == t->para ? &s->tokens.v[i - 1] : NULL;
        const tk_token *n = i + 1 < s->tokens.n && s->tokens.v[i + 1].para == t->para ? &s->tokens.v[i + 1] : NULL;
        bool sb = !p || (t->flags & TK_TF_SPACE_BEFORE) || p->kind == TK_TOK_QUOTE || p->kind == TK_TOK_OPEN;
        bool sa = !n || (t->flags & TK_TF_SPACE_AFTER);
        if (sb && !sa && n && wordlike(n)) {
            if (depth < DEPTH) stack[depth++] = (uint32_t)i;
            continue;
        }
        if (!sb && depth > 0 && (sa || closing_punct(s, n) || n->kind == TK_TOK_QUOTE)) {
            /* "the farmers’ land": a plural possessive, not a closing mark */
            const char *pe = s->text + p->end;
            if (p->kind == TK_TOK_WORD && pe[-1] == 's' && n && n->kind == TK_TOK_WORD && (n->flags & TK_TF_LOWER))
                continue;
            uint32_t o = stack[--depth];
            tk_status st = add_quote(s, o + 1, (uint32_t)i, false);
            if (st != TK_OK) return st;
        }
    }
    return TK_OK;
}

/* A punctuation token that may be a mark: + ' ` or a typographic one */
static inline bool maybe_mark(const tk_story *s, const tk_token *t) {
    unsigned char c = (unsigned char)s->text[t->start];
    return c == '+' || c == '\'' || c == '`' || c >= 0xC2;
}

static int by_start(const void *a, const void *b) {
    const tk_quote *p = a, *q = b;
    if (p->start != q->start) return p->start < q->start ? -1 : 1;
    return p->end > q->end ? -1 : p->end < q->end; /* the outer quote first */
}

/* Appends v to an arena array that doubles when full; false when out of memory. */
static bool push_u32(tk_arena *a, uint32_t **arr, size_t *n, size_t *cap, uint32_t v) {
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        uint32_t *p = tk_arena_alloc(a, ncap * sizeof *p);
        if (!p) return false;
        if (*n) memcpy(p, *arr, *n * sizeof *p);
        *arr = p;
        *cap = ncap;
    }
    (*arr)[(*n)++] = v;
    return true;
}

static inline bool cap_word(const tk_token *t) {
    return (t->flags & (TK_TF_UPPER | TK_TF_CLITIC)) == TK_TF_UPPER && t->kind == TK_TOK_WORD;
}

tk_status tk_quote_marks(tk_story *s, uint32_t **run_ends, size_t *nrun_ends) {
    tk_story_tokens_view v = {s->tokens.v, s->tokens.n};
    size_t n = s->tokens.n;
    /* one pass over the tokens: the marks, with their family (FAM_SINGLE:
     * ‘ ’ '), and the ends of runs of 2+ capitalised words (names, for the
     * speakers); the rest of the work only looks at these */
    enum { FAM_SINGLE = NFAM };
    uint32_t *mk = NULL, *ends = NULL;
    size_t nm = 0, mcap = 0, nends = 0, ecap = 0;
    uint32_t run = 0; /* capitalised words in a row so far */
    const tk_token *tv = s->tokens.v; /* (the arena pushes below cannot move it) */
    for (size_t i = 0; i < n; i++) {
        const tk_token *t = &tv[i];
        if (cap_word(t)) { run++; continue; }
        if (run >= 2 && !push_u32(&s->arena, &ends, &nends, &ecap, (uint32_t)i - 1))
            return tk_story_fail(s, TK_ENOMEM, "out of memory");
        run = 0;
        if (t->kind != TK_TOK_QUOTE && !(t->kind == TK_TOK_PUNCT && maybe_mark(s, t))) continue;
        int f = family(s, &v, i);
        if (f < 0 && tk_quote_single_mark(s, t)) f = FAM_SINGLE;
        if (f < 0) continue;
        /* the family rides in the top bits of the token index */
        if (!push_u32(&s->arena, &mk, &nm, &mcap, (uint32_t)i | ((uint32_t)f << 29)))
            return tk_story_fail(s, TK_ENOMEM, "out of memory");
    }
    if (run >= 2 && !push_u32(&s->arena, &ends, &nends, &ecap, (uint32_t)n - 1))
        return tk_story_fail(s, TK_ENOMEM, "out of memory");
    *run_ends = ends;
    *nrun_ends = nends;
    if (!nm) return TK_OK;
    uint8_t *mf = tk_arena_alloc(&s->arena, nm);
    uint32_t *idx = tk_arena_alloc(&s->arena, nm * sizeof *idx);
    if (!mf || !idx) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    for (size_t m = 0; m < nm; m++) {
        mf[m] = (uint8_t)(mk[m] >> 29);
        mk[m] &= (1u << 29) - 1;
    }
    bool cont_open = false; /* the last paragraph ended inside a double-mark quote */
    size_t open_q = SIZE_MAX; /* ... that quote */
    uint32_t last_para = UINT32_MAX;
    size_t ga = 0;
    while (ga < nm) {
        uint32_t para = s->tokens.v[mk[ga]].para;
        size_t gb = ga + 1;
        while (gb < nm && s->tokens.v[mk[gb]].para == para) gb++;
        /* the paragraph's tokens [a, b) */
        size_t a = mk[ga], b = mk[gb - 1] + 1;
        while (a > 0 && s->tokens.v[a - 1].para == para) a--;
        while (b < n && s->tokens.v[b].para == para) b++;
        if (last_para == UINT32_MAX || para != last_para + 1) cont_open = false;
        last_para = para;
        size_t cnt[NFAM + 1] = {0};
        for (size_t m = ga; m < gb; m++) cnt[mf[m]]++;
        /* guillemets and curly marks are told apart only when each pairs up
         * on its own: « … “ … ” … » ; otherwise one family (MT mixes them) */
        bool split = cnt[FAM_GUILLEMET] && cnt[FAM_DOUBLE] && !(cnt[FAM_GUILLEMET] & 1) && !(cnt[FAM_DOUBLE] & 1);
        bool next_cont = false;
        for (int f = 0; f <= NFAM; f++) {
            size_t k = 0;
            for (size_t m = ga; m < gb; m++) {
                int g = mf[m];
                if (g == FAM_GUILLEMET && !split) g = FAM_DOUBLE;
                if (g == f) idx[k++] = mk[m];
            }
            if (!k) continue;
            tk_status st;
            if (f == FAM_SINGLE) {
                if ((st = pair_singles(s, idx, k)) != TK_OK) return st;
                continue;
            }
            /* a paragraph that starts with an opening mark after one that
             * ended inside a quote continues it */
            uint32_t cont = NONE;
            if (f == FAM_DOUBLE && cont_open && idx[0] == a && open_q != SIZE_MAX) cont = idx[0];
            uint32_t tail;
            size_t oq = f == FAM_DOUBLE ? open_q : SIZE_MAX, dummy = SIZE_MAX;
            if ((st = pair_family(s, &v, idx, k, f, (uint32_t)b, &tail, &cont, f == FAM_DOUBLE ? &oq : &dummy)) != TK_OK)
                return st;
            if (f == FAM_DOUBLE) { next_cont = tail != NONE; open_q = oq; }
        }
        cont_open = next_cont;
        if (!cont_open) open_q = SIZE_MAX;
        ga = gb;
    }
    /* mostly in order already (paragraph by paragraph): sorted only when
     * not, which leaves what a stable sort (glibc's merge sort) leaves */
    bool sorted = true;
    for (size_t i = 1; i < s->quotes.n && sorted; i++) sorted = by_start(&s->quotes.v[i - 1], &s->quotes.v[i]) <= 0;
    if (!sorted) qsort(s->quotes.v, s->quotes.n, sizeof *s->quotes.v, by_start);
    /* nested: inside another quote. Sorted by start (outer first), a quote
     * is nested when it ends within the furthest-reaching one before it */
    uint32_t reach = 0;
    for (size_t i = 0; i < s->quotes.n; i++) {
        tk_quote *q = &s->quotes.v[i];
        if (i && q->end <= reach && q->start >= s->quotes.v[i - 1].start) q->nested = true;
        if (q->end > reach) reach = q->end;
    }
    return TK_OK;
}
