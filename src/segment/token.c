/* token.c — splits a piece of paragraph text into tokens with byte offsets:
 * words (with internal hyphens, apostrophes and dots: al-Qaeda, O'Brien,
 * U.S.), numbers (3.5, 1,200), clitics split Penn-style ('s, n't), URLs,
 * quote marks of every convention, brackets and punctuation; abbreviation
 * full stops are kept on their word and flagged. */
#include <string.h>
#include <utf8proc.h>

#include "segment.h"
#include "../clean/clean.h"
#include "../util/utf8.h"

enum cls { C_SPACE, C_ALNUM, C_APOS, C_QUOTE, C_DASH, C_DOT, C_OPEN, C_CLOSE, C_TERM, C_ELLIPSIS, C_OTHER };

/* ascii_class with letters and digits filled in (C_ALNUM). */
#define A C_ALNUM
static const unsigned char ascii_cls[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE, ['\r'] = C_SPACE,
    [' '] = C_SPACE, ['!'] = C_TERM, ['"'] = C_QUOTE, ['#'] = C_OTHER, ['$'] = C_OTHER,
    ['%'] = C_OTHER, ['&'] = C_OTHER, ['\''] = C_APOS, ['('] = C_OPEN, [')'] = C_CLOSE,
    ['*'] = C_OTHER, ['+'] = C_OTHER, [','] = C_OTHER, ['-'] = C_DASH, ['.'] = C_DOT,
    ['/'] = C_OTHER, [':'] = C_OTHER, [';'] = C_OTHER, ['<'] = C_OTHER, ['='] = C_OTHER,
    ['>'] = C_OTHER, ['?'] = C_TERM, ['@'] = C_OTHER, ['['] = C_OPEN, ['\\'] = C_OTHER,
    [']'] = C_CLOSE, ['^'] = C_OTHER, ['_'] = C_OTHER, ['`'] = C_APOS, ['{'] = C_OPEN,
    ['|'] = C_OTHER, ['}'] = C_CLOSE, ['~'] = C_OTHER,
    ['0'] = A, ['1'] = A, ['2'] = A, ['3'] = A, ['4'] = A, ['5'] = A, ['6'] = A, ['7'] = A,
    ['8'] = A, ['9'] = A,
    ['A'] = A, ['B'] = A, ['C'] = A, ['D'] = A, ['E'] = A, ['F'] = A, ['G'] = A, ['H'] = A,
    ['I'] = A, ['J'] = A, ['K'] = A, ['L'] = A, ['M'] = A, ['N'] = A, ['O'] = A, ['P'] = A,
    ['Q'] = A, ['R'] = A, ['S'] = A, ['T'] = A, ['U'] = A, ['V'] = A, ['W'] = A, ['X'] = A,
    ['Y'] = A, ['Z'] = A,
    ['a'] = A, ['b'] = A, ['c'] = A, ['d'] = A, ['e'] = A, ['f'] = A, ['g'] = A, ['h'] = A,
    ['i'] = A, ['j'] = A, ['k'] = A, ['l'] = A, ['m'] = A, ['n'] = A, ['o'] = A, ['p'] = A,
    ['q'] = A, ['r'] = A, ['s'] = A, ['t'] = A, ['u'] = A, ['v'] = A, ['w'] = A, ['x'] = A,
    ['y'] = A, ['z'] = A,
};
#undef A

/* Bytes that end a plain word without any decision to make: blanks and
 * punctuation other than . ' - & @ , and digits or letters. */
static const unsigned char plain_end[256] = {
    [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1, ['!'] = 1, ['"'] = 1, ['('] = 1, [')'] = 1,
    [';'] = 1, [':'] = 1, ['?'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1, ['/'] = 1,
};

static int unicode_class(int32_t cp) {
    switch (cp) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF: case 0x200B:
    case 0x2028: case 0x2029:
        return C_SPACE;
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x2032:
        return C_APOS;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2039:
    case 0x203A: case 0x2033: case 0x201A: case 0x300C: case 0x300D:
        return C_QUOTE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return C_DASH;
    case 0x2026:
        return C_ELLIPSIS;
    case 0x00BF: case 0x00A1: case 0x061F: case 0x3002: case 0xFF01: case 0xFF1F:
        return C_TERM;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return C_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_ALNUM;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PS: return C_OPEN;
    case UTF8PROC_CATEGORY_PE: return C_CLOSE;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: return C_QUOTE;
    case UTF8PROC_CATEGORY_PD: return C_DASH;
    default: return C_OTHER;
    }
}

typedef struct scan {
    const unsigned char *p;
    uint32_t end;
} scan;

/* Class of the character at i (i < end), its code point and byte length. */
static inline int cls_at(const scan *sc, uint32_t i, int32_t *cp, int *len) {
    unsigned c = sc->p[i];
    if (c < 0x80) {
        *cp = (int32_t)c;
        *len = 1;
        return ascii_cls[c];
    }
    *cp = tk_utf8_decode(sc->p + i, sc->end - i, len);
    return unicode_class(*cp);
}

static inline int cls_of(const scan *sc, uint32_t i) {
    if (i >= sc->end) return C_SPACE;
    int32_t cp;
    int len;
    return cls_at(sc, i, &cp, &len);
}

static bool is_upper_cp(int32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    int c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_lower_cp(int32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* Length of a clitic ('s 're 've 'll 'd 'm) starting at the apostrophe at
 * i, or 0. */
static uint32_t clitic_at(const scan *sc, uint32_t i) {
    int32_t cp;
    int alen;
    if (cls_at(sc, i, &cp, &alen) != C_APOS) return 0;
    uint32_t j = i + (uint32_t)alen;
    static const char *const forms[] = {"s", "re", "ve", "ll", "d", "m", NULL};
    for (const char *const *f = forms; *f; f++) {
        uint32_t k = (uint32_t)strlen(*f);
        if (j + k > sc->end) continue;
        bool ok = true;
        for (uint32_t x = 0; x < k; x++)
            if ((sc->p[j + x] | 0x20) != (unsigned char)(*f)[x]) { ok = false; break; }
        if (ok && cls_of(sc, j + k) != C_ALNUM) return j + k - i;
    }
    return 0;
}

/* Length of "n't" at i (n, apostrophe, t, then a non-letter), or 0. */
static inline uint32_t nt_at(const scan *sc, uint32_t i) {
    if (i >= sc->end || (sc->p[i] | 0x20) != 'n') return 0;
    int32_t cp;
    int alen;
    if (i + 1 >= sc->end || cls_at(sc, i + 1, &cp, &alen) != C_APOS) return 0;
    uint32_t j = i + 1 + (uint32_t)alen;
    if (j >= sc->end || (sc->p[j] | 0x20) != 't' || cls_of(sc, j + 1) == C_ALNUM) return 0;
    return j + 1 - i;
}

static bool is_url_start(const scan *sc, uint32_t i) {
    const unsigned char *p = sc->p + i;
    size_t left = sc->end - i;
    if (p[0] == 'h')
        return (left > 7 && memcmp(p, "http://", 7) == 0) || (left > 8 && memcmp(p, "https://", 8) == 0);
    return p[0] == 'w' && left > 4 && memcmp(p, "www.", 4) == 0;
}

/* How many of the 8 bytes at p are ASCII letters before the first other
 * byte (SWAR: per-byte range checks in one 64-bit word, no borrows since
 * every byte has its high bit forced on before subtracting). */
static inline uint32_t ascii_letters8(const unsigned char *p) {
    const uint64_t H = 0x8080808080808080ULL, L = 0x0101010101010101ULL;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t y = w | (0x20 * L);
    uint64_t ge_a = (y | H) - 'a' * L;
    uint64_t ge_z1 = (y | H) - ('z' + 1) * L;
    uint64_t letter = ge_a & ~ge_z1 & ~w & H; /* high bit set for letters */
    uint64_t other = ~letter & H;
    return other ? (uint32_t)(__builtin_ctzll(other) >> 3) : 8;
}

/* End of the word starting at i. */
static uint32_t scan_word(const scan *sc, uint32_t i, bool *non_ascii) {
    int32_t cp;
    int len;
    cls_at(sc, i, &cp, &len);
    bool numeric = cp >= '0' && cp <= '9';
    uint32_t j = i + (uint32_t)len;
    for (;;) {
        /* fast path: runs of ASCII letters, eight bytes at a time */
        bool more = true;
        while (j + 8 <= sc->end) {
            uint32_t k = ascii_letters8(sc->p + j);
            if (k) numeric = false;
            j += k;
            if (k < 8) { more = false; break; }
        }
        if (more)
            while (j < sc->end && (unsigned)((sc->p[j] | 0x20) - 'a') < 26u) { numeric = false; j++; }
        if (j >= sc->end) break;
        int c = cls_at(sc, j, &cp, &len);
        if (c == C_ALNUM) {
            if (cp >= 0x80) *non_ascii = true;
            if (!(cp >= '0' && cp <= '9')) numeric = false;
            j += (uint32_t)len;
            continue;
        }
        uint32_t next = j + (uint32_t)len;
        if (c == C_DASH && (cp == '-' || cp == 0x2010 || cp == 0x2011) && cls_of(sc, next) == C_ALNUM) {
            if (cp >= 0x80) *non_ascii = true;
            j = next;
            continue;
        }
        if (c == C_DOT && cls_of(sc, next) == C_ALNUM) { j = next; continue; }
        if (c == C_APOS) {
            /* "didn't" -> "did" + "n't" */
            if (j - i >= 2 && nt_at(sc, j - 1)) { j--; break; }
            if (clitic_at(sc, j)) break;
            if (cls_of(sc, next) == C_ALNUM) {
                if (cp >= 0x80) *non_ascii = true;
                j = next;
                continue;
            }
            break;
        }
        if (cp == ',' && numeric && next + 3 <= sc->end) {
            const unsigned char *d = sc->p + next;
            if ((unsigned)(d[0] - '0') < 10u && (unsigned)(d[1] - '0') < 10u && (unsigned)(d[2] - '0') < 10u &&
                (next + 3 == sc->end || (unsigned)(sc->p[next + 3] - '0') >= 10u)) {
                j = next;
                continue;
            }
        }
        if ((cp == '&' || cp == '@') && cls_of(sc, next) == C_ALNUM) { j = next; continue; }
        break;
    }
    return j;
}

/* Does the word [i,j) take the full stop that follows it? Sets flags. */
static uint16_t abbrev_flags(const scan *sc, uint32_t i, uint32_t j) {
    const char *w = (const char *)sc->p + i;
    size_t n = j - i;
    if (n == 1 && w[0] >= 'A' && w[0] <= 'Z') return TK_TF_ABBREV | TK_TF_INITIAL;
    if (memchr(w, '.', n)) { /* U.S, a.m, e.g, D.C, Ph.D */
        size_t seg = 0;
        for (size_t k = 0; k < n; k++) {
            if (w[k] == '.') { if (seg == 0 || seg > 2) return 0; seg = 0; continue; }
            if (!((w[k] | 0x20) >= 'a' && (w[k] | 0x20) <= 'z')) return 0;
            seg++;
        }
        return seg >= 1 && seg <= 2 ? TK_TF_ABBREV : 0;
    }
    /* the part after the last hyphen: (D-Del.) */
    const char *h = memchr(w, '-', n);
    while (h) {
        const char *h2 = memchr(h + 1, '-', (size_t)(w + n - h - 1));
        if (!h2) break;
        h = h2;
    }
    if (h) { n = (size_t)(w + n - h - 1); w = h + 1; }
    switch (tk_abbrev_kind(w, n)) {
    case TK_ABBR_TITLE: return TK_TF_ABBREV | TK_TF_TITLE;
    case TK_ABBR_MONTH: return TK_TF_ABBREV | TK_TF_MONTH;
    case TK_ABBR_OTHER: return TK_TF_ABBREV;
    default: return 0;
    }
}

/* Might the word [i,j) take the full stop after it? Single letters,
 * words with a capital (titles, months, Inc.) and a few lowercase
 * abbreviations; the exact decision is abbrev_flags(). */
static inline bool maybe_abbrev(const scan *sc, uint32_t i, uint32_t j) {
    (void)j;
    unsigned char c = sc->p[i];
    if (c <= 'Z') return true;
    return c == 'a' || c == 'c' || c == 'e' || c == 'f' || c == 'k' || c == 'n' || c == 'v';
}

static inline __attribute__((always_inline)) tk_status push(tk_story *s, uint32_t a, uint32_t b, int kind, uint16_t flags, uint32_t para,
                      bool non_ascii) {
    if (!TK_VEC_GROW(s->tokens)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    tk_token *t = &s->tokens.v[s->tokens.n++];
    t->start = a;
    t->end = b;
    t->norm = t->norm_len = 0;
    t->flags = flags;
    t->kind = (uint8_t)kind;
    t->quoted = 0;
    t->para = para;
    if (non_ascii) return tk_clean_normalize_token(s, t);
    return TK_OK;
}

tk_status tk_segment_tokenize(tk_story *s, uint32_t start, uint32_t end, uint32_t para,
                              bool space_before) {
    scan sc = {(const unsigned char *)s->text, end};
    uint32_t i = start;
    bool space = space_before;
    size_t first_tok = s->tokens.n;
    tk_status st;
    while (i < end) {
        unsigned char c0 = sc.p[i];
        if (c0 == ' ') { space = true; i++; continue; }
        /* fast path: a plain ASCII word ended by a blank or simple
         * punctuation (most tokens); anything else takes the full path */
        if ((unsigned)((c0 | 0x20) - 'a') < 26u && c0 != 'h' && c0 != 'w' && c0 != 'n' && c0 != 'N') {
            uint32_t j = i + 1;
            while (j + 8 <= end) {
                uint32_t k = ascii_letters8(sc.p + j);
                j += k;
                if (k < 8) break;
            }
            while (j < end && (unsigned)((sc.p[j] | 0x20) - 'a') < 26u) j++;
            if (j == end || plain_end[sc.p[j]] || (sc.p[j] == '.' && j - i > 1 && j + 1 < end &&
                                                    sc.p[j + 1] == ' ' && !maybe_abbrev(&sc, i, j))) {
                uint16_t flags = (space ? TK_TF_SPACE_BEFORE : 0) |
                                 (c0 <= 'Z' ? TK_TF_UPPER : TK_TF_LOWER);
                if (space && s->tokens.n > first_tok)
                    s->tokens.v[s->tokens.n - 1].flags |= TK_TF_SPACE_AFTER;
                if ((st = push(s, i, j, TK_TOK_WORD, flags, para, false)) != TK_OK) return st;
                space = false;
                i = j;
                continue;
            }
        }
        int32_t cp;
        int len;
        int c = cls_at(&sc, i, &cp, &len);
        if (c == C_SPACE) { space = true; i += (uint32_t)len; continue; }
        uint16_t flags = space ? TK_TF_SPACE_BEFORE : 0;
        bool non_ascii = cp >= 0x80;
        uint32_t j;
        int kind = TK_TOK_PUNCT;
        bool prev_word_adjacent = !space && s->tokens.n > first_tok &&
                                  (c == C_APOS || (cp | 0x20) == 'n') &&
                                  s->tokens.v[s->tokens.n - 1].kind == TK_TOK_WORD;
        uint32_t cl;
        if (c == C_ALNUM && is_url_start(&sc, i)) {
            j = i;
            while (j < end && cls_of(&sc, j) != C_SPACE) j++;
            while (j > i && strchr(".,;:!?)]\"'", sc.p[j - 1])) j--;
            kind = TK_TOK_WORD;
            for (uint32_t k = i; k < j; k++) non_ascii |= sc.p[k] >= 0x80;
        } else if (prev_word_adjacent && (cl = nt_at(&sc, i)) != 0) {
            j = i + cl;
            kind = TK_TOK_WORD;
            flags |= TK_TF_CLITIC | TK_TF_LOWER;
            non_ascii = false;
            for (uint32_t k = i; k < j; k++) non_ascii |= sc.p[k] >= 0x80;
        } else if (c == C_ALNUM) {
            j = scan_word(&sc, i, &non_ascii);
            kind = cp >= '0' && cp <= '9' ? TK_TOK_NUMBER : TK_TOK_WORD;
            if (is_upper_cp(cp)) flags |= TK_TF_UPPER;
            else if (is_lower_cp(cp)) flags |= TK_TF_LOWER;
            if (j < end && sc.p[j] == '.' && !(j + 1 < end && sc.p[j + 1] == '.')) {
                uint16_t af = kind == TK_TOK_WORD ? abbrev_flags(&sc, i, j) : 0;
                if (af) { flags |= af; j++; }
            }
        } else if ((c0 == '\'' || c0 == '`') && i + 1 < end && sc.p[i + 1] == c0) {
            /* '' and `` : the double quote marks of typewriter style (NYT) */
            j = i + 2;
            kind = TK_TOK_QUOTE;
        } else if (c == C_APOS && prev_word_adjacent && (cl = clitic_at(&sc, i)) != 0) {
            j = i + cl;
            kind = TK_TOK_WORD;
            flags |= TK_TF_CLITIC | TK_TF_LOWER;
        } else if (c == C_DOT) {
            j = i + 1;
            while (j < end && sc.p[j] == '.') j++;
            flags |= TK_TF_TERMINAL;
            if (j - i >= 2) flags |= TK_TF_ELLIPSIS;
        } else if (c == C_ELLIPSIS) {
            j = i + (uint32_t)len;
            while (j < end && sc.p[j] == '.') j++;
            flags |= TK_TF_TERMINAL | TK_TF_ELLIPSIS;
        } else if (c == C_TERM) {
            j = i + (uint32_t)len;
            int32_t cp2;
            int len2;
            while (j < end && cls_at(&sc, j, &cp2, &len2) == C_TERM) {
                non_ascii |= cp2 >= 0x80;
                j += (uint32_t)len2;
            }
            flags |= TK_TF_TERMINAL;
        } else if (c == C_DASH) {
            j = i + (uint32_t)len;
            int32_t cp2;
            int len2;
            while (j < end && cls_at(&sc, j, &cp2, &len2) == C_DASH) {
                non_ascii |= cp2 >= 0x80;
                j += (uint32_t)len2;
            }
        } else {
            j = i + (uint32_t)len;
            if (c == C_QUOTE) kind = TK_TOK_QUOTE;
            else if (c == C_OPEN) kind = TK_TOK_OPEN;
            else if (c == C_CLOSE) kind = TK_TOK_CLOSE;
        }
        if (j <= i) j = i + (uint32_t)len; /* always advance */
        if ((flags & TK_TF_SPACE_BEFORE) && s->tokens.n > first_tok)
            s->tokens.v[s->tokens.n - 1].flags |= TK_TF_SPACE_AFTER;
        if ((st = push(s, i, j, kind, flags, para, non_ascii)) != TK_OK) return st;
        space = false;
        i = j;
    }
    /* the last token of a piece ends at a line end or a removed span */
    if (s->tokens.n > first_tok) s->tokens.v[s->tokens.n - 1].flags |= TK_TF_SPACE_AFTER;
    return TK_OK;
}
