/* sentence.c — paragraphs and sentences. Paragraphs end at blank lines,
 * removed lines and line breaks that are not a hard wrap. Sentences end at
 * . ! ? and ellipses, with the closing quotes and brackets that follow;
 * abbreviations, initials and titles do not end a sentence unless a typical
 * sentence opener follows; a quotation closed within the paragraph (marks
 * paired by order, whatever their shape, since machine translation inverts
 * and pads them) is never cut in the middle. Work is linear in the tokens. */
#include <string.h>

#include "segment.h"
#include "../clean/clean.h"

/* A quotation longer than this is not protected from splitting. */
#define QUOTE_PROTECT_BYTES 600

static bool tok_is(const tk_story *s, const tk_token *t, char c) {
    return t->end - t->start == 1 && s->text[t->start] == c;
}

/* ' or a typographic single quote */
static bool is_single_quote(const tk_story *s, const tk_token *t) {
    const unsigned char *p = (const unsigned char *)s->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && p[0] == '\'') ||
           (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99));
}

static bool starter(const tk_story *s, const tk_token *t) {
    if (t->kind != TK_TOK_WORD || !(t->flags & TK_TF_UPPER)) return false;
    return tk_is_sentence_starter(s->text + t->start, t->end - t->start);
}

/* Pairs the quote marks of tokens [a,b) by order: odd ones open, even ones
 * close; an odd count leaves the last one open (an unclosed quote). */
static void pair_quotes(tk_story *s, size_t a, size_t b) {
    bool open = false;
    for (size_t i = a; i < b; i++) {
        tk_token *t = &s->tokens.v[i];
        if (t->kind != TK_TOK_QUOTE) continue;
        t->flags |= open ? TK_TF_QUOTE_CLOSE : TK_TF_QUOTE_OPEN;
        open = !open;
    }
}

#define NO_QUOTE SIZE_MAX

/* For an opening mark at i, the index of its closing mark, or NO_QUOTE. */
static size_t quote_close(const tk_story *s, size_t i, size_t b) {
    for (size_t k = i + 1; k < b; k++) {
        const tk_token *t = &s->tokens.v[k];
        if (t->start - s->tokens.v[i].start > QUOTE_PROTECT_BYTES) return NO_QUOTE;
        if (t->kind == TK_TOK_QUOTE) return (t->flags & TK_TF_QUOTE_CLOSE) ? k : NO_QUOTE;
    }
    return NO_QUOTE;
}

static tk_status add_sentence(tk_story *s, size_t a, size_t b) {
    if (b <= a) return TK_OK;
    if (!TK_VEC_GROW(s->sentences)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    s->sentences.v[s->sentences.n++] = (tk_sentence){
        s->tokens.v[a].start, s->tokens.v[b - 1].end, (uint32_t)a, (uint32_t)b};
    return TK_OK;
}

/* Does a sentence end after terminal token t, given the next token n? */
static bool ends_before(const tk_story *s, const tk_token *t, const tk_token *n) {
    if (!n) return true;
    if (n->kind == TK_TOK_WORD || n->kind == TK_TOK_NUMBER) {
        if (n->flags & TK_TF_LOWER) return false;
    } else if (n->kind == TK_TOK_PUNCT && !(n->flags & TK_TF_TERMINAL)) {
        /* , ; : - continue the sentence */
        return false;
    } else if (n->kind == TK_TOK_CLOSE) {
        return false;
    }
    if (t->flags & TK_TF_TITLE) return false;
    /* "Mr. ." debris: a full stop right after a title is not an ending
     * unless a sentence clearly starts */
    if (t > s->tokens.v && (t[-1].flags & TK_TF_TITLE) && tok_is(s, t, '.')) return starter(s, n);
    if (t->flags & (TK_TF_ABBREV | TK_TF_INITIAL))
        return starter(s, n) || (n->kind == TK_TOK_QUOTE && (n->flags & TK_TF_QUOTE_OPEN));
    if (t->flags & TK_TF_ELLIPSIS)
        return (n->flags & TK_TF_UPPER) || n->kind == TK_TOK_QUOTE || n->kind == TK_TOK_OPEN;
    return true;
}

tk_status tk_segment_sentences(tk_story *s, size_t a, size_t b) {
    if (a >= b) return TK_OK;
    pair_quotes(s, a, b);
    size_t start = a;
    size_t quote_end = NO_QUOTE; /* index of the closing mark of the protected quote */
    tk_status st;
    for (size_t i = a; i < b; i++) {
        tk_token *t = &s->tokens.v[i];
        if (t->kind == TK_TOK_QUOTE) {
            if (i == quote_end) quote_end = NO_QUOTE;
            else if (quote_end == NO_QUOTE && (t->flags & TK_TF_QUOTE_OPEN)) quote_end = quote_close(s, i, b);
            continue;
        }
        if (!(t->flags & (TK_TF_TERMINAL | TK_TF_ABBREV))) continue;
        if (tok_is(s, t, '.') == false && t->kind == TK_TOK_PUNCT && !(t->flags & TK_TF_TERMINAL))
            continue;
        /* absorb closing quotes, closing brackets and more terminals */
        size_t j = i + 1;
        bool closed_quote = false;
        while (j < b) {
            tk_token *u = &s->tokens.v[j];
            if (u->kind == TK_TOK_QUOTE && (u->flags & TK_TF_QUOTE_CLOSE)) {
                if (j == quote_end) { closed_quote = true; quote_end = NO_QUOTE; }
                j++;
                continue;
            }
            if (u->kind == TK_TOK_CLOSE && !(u->flags & TK_TF_SPACE_BEFORE)) { j++; continue; }
            if (u->kind == TK_TOK_PUNCT && !(u->flags & TK_TF_SPACE_BEFORE) &&
                (u->flags & TK_TF_SPACE_AFTER) && is_single_quote(s, u)) { j++; continue; }
            if ((u->flags & TK_TF_TERMINAL) && !(u->flags & TK_TF_ELLIPSIS) &&
                !(u->flags & TK_TF_SPACE_BEFORE && !closed_quote)) { j++; continue; }
            break;
        }
        if (quote_end != NO_QUOTE && !closed_quote) { i = j - 1; continue; } /* inside a quotation */
        const tk_token *n = j < b ? &s->tokens.v[j] : NULL;
        if (!ends_before(s, t, n)) { i = j - 1; continue; }
        if ((st = add_sentence(s, start, j)) != TK_OK) return st;
        start = j;
        i = j - 1;
    }
    return add_sentence(s, start, b);
}

/* Is the line break after `prev` a hard wrap inside a paragraph? */
static bool wraps(const tk_story *s, uint32_t ps, uint32_t pe, uint32_t ns) {
    if (pe - ps < 50) return false;
    unsigned char last = (unsigned char)s->text[pe - 1];
    if (strchr(".!?:\"')]", last) || last >= 0x80) return false;
    unsigned char c = (unsigned char)s->text[ns];
    return c >= 'a' && c <= 'z';
}

tk_status tk_segment(tk_story *s) {
    const char *t = s->text;
    uint32_t len = (uint32_t)s->text_len;
    uint32_t para = 0;
    size_t para_tok = 0;        /* first token of the current paragraph */
    bool in_para = false;
    uint32_t prev_s = 0, prev_e = 0;
    size_t rm = 0;              /* next removed span to consider */
    tk_status st;
    size_t nparas_done = 0;
    size_t dateline_checks = 0;

    uint32_t pos = 0;
    for (;;) {
        bool last = false;
        const char *nl = pos < len ? memchr(t + pos, '\n', len - pos) : NULL;
        uint32_t e = nl ? (uint32_t)(nl - t) : len;
        if (!nl) last = true;
        uint32_t a = pos, b = e;
        while (a < b && (t[a] == ' ' || t[a] == '\t' || t[a] == '\r')) a++;
        while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t' || t[b - 1] == '\r')) b--;

        /* the kept pieces of this line */
        while (rm < s->removed.n && s->removed.v[rm].end <= a) rm++;
        bool any_kept = false;
        uint32_t kept_s = 0, kept_e = 0;
        {
            size_t r = rm;
            uint32_t x = a;
            while (x < b) {
                uint32_t y = b;
                if (r < s->removed.n && s->removed.v[r].start < b) y = s->removed.v[r].start > x ? s->removed.v[r].start : x;
                if (y > x) {
                    bool blank = true;
                    for (uint32_t k = x; k < y; k++)
                        if (t[k] != ' ' && t[k] != '\t') { blank = false; break; }
                    if (!blank) {
                        if (!any_kept) kept_s = x;
                        kept_e = y;
                        any_kept = true;
                    }
                }
                if (r < s->removed.n && s->removed.v[r].start < b) {
                    x = s->removed.v[r].end > y ? s->removed.v[r].end : y;
                    r++;
                } else {
                    x = b;
                }
            }
        }
        bool new_para = !any_kept || !in_para || !wraps(s, prev_s, prev_e, kept_s);
        if (in_para && new_para) {
            /* close the paragraph */
            size_t first = para_tok;
            if (dateline_checks < 2 && !s->dateline.found) {
                dateline_checks++;
                first = tk_segment_dateline(s, para_tok, s->tokens.n);
            }
            if ((st = tk_segment_sentences(s, first, s->tokens.n)) != TK_OK) return st;
            in_para = false;
            para++;
            nparas_done++;
        }
        if (any_kept) {
            if (!in_para) { para_tok = s->tokens.n; in_para = true; }
            size_t before = s->tokens.n;
            size_t r = rm;
            uint32_t x = a;
            while (x < b) {
                uint32_t y = b;
                if (r < s->removed.n && s->removed.v[r].start < b) y = s->removed.v[r].start > x ? s->removed.v[r].start : x;
                if (y > x && (st = tk_segment_tokenize(s, x, y, para, true)) != TK_OK) return st;
                if (r < s->removed.n && s->removed.v[r].start < b) {
                    x = s->removed.v[r].end > y ? s->removed.v[r].end : y;
                    r++;
                } else {
                    x = b;
                }
            }
            if (s->tokens.n > before && before == para_tok) s->tokens.v[before].flags |= TK_TF_PARA_START;
            if (s->tokens.n == para_tok) in_para = false; /* nothing but blanks */
            prev_s = kept_s;
            prev_e = kept_e;
        }
        if (last) break;
        pos = e + 1;
    }
    if (in_para) {
        size_t first = para_tok;
        if (dateline_checks < 2 && !s->dateline.found) first = tk_segment_dateline(s, para_tok, s->tokens.n);
        if ((st = tk_segment_sentences(s, first, s->tokens.n)) != TK_OK) return st;
    }
    (void)nparas_done;
    return TK_OK;
}
