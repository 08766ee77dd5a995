/* json.c — renders a story as one JSON object on one line, in the field
 * order of the output contract (docs/output.md). Hand-written because it is
 * the hot path: no intermediate tree, one growable buffer. */
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "write.h"
#include "../clean/clean.h"

/* A byte copied as it is: not below 0x20, not 0x80 or above, no quote, no backslash. */
static inline bool plain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\' && c < 0x80; }

void tk_write_json_string(tk_buf *b, const char *p, size_t n) {
    static const char hex[] = "0123456789abcdef";
    tk_buf_putc(b, '"');
    size_t run = 0; /* start of the pending run of bytes to copy as-is */
    size_t i = 0;
    while (i < n) {
        bool found = false; /* p[i] is known not to be plain */
#if defined(__SSE2__)
        /* sixteen plain bytes at a time where there is SSE2 (every x86-64):
         * bytes 0x80 and above are negative as signed bytes, below 0x20;
         * then straight to the first that is not plain */
        while (i + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
            __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
            unsigned mask = (unsigned)_mm_movemask_epi8(bad);
            if (mask) { i += (size_t)__builtin_ctz(mask); found = true; break; }
            i += 16;
        }
#endif
        if (!found) {
            /* eight plain bytes at a time, then byte by byte to the one
             * that is not (within the next eight) */
            while (i + 8 <= n) {
                uint64_t v;
                memcpy(&v, p + i, 8);
                const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
                uint64_t ctl = (v - ones * 0x20) & ~v;        /* bytes < 0x20 (or >= 0x80) */
                uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
                uint64_t hit = (ctl | v | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high;
                if (hit) break;
                i += 8;
            }
            while (i < n && plain((unsigned char)p[i])) i++;
            if (i >= n) break;
        }
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
                                                  (utf8proc_ssize_t)(n - i), &cp);
            if (k > 0) { i += (size_t)k; continue; }
            tk_buf_put(b, p + run, i - run);
            TK_BUF_LIT(b, "\xEF\xBF\xBD");
            run = ++i;
            continue;
        }
        tk_buf_put(b, p + run, i - run);
        switch (c) {
        case '"': TK_BUF_LIT(b, "\\\""); break;
        case '\\': TK_BUF_LIT(b, "\\\\"); break;
        case '\n': TK_BUF_LIT(b, "\\n"); break;
        case '\r': TK_BUF_LIT(b, "\\r"); break;
        case '\t': TK_BUF_LIT(b, "\\t"); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            tk_buf_put(b, e, 6);
        }
        }
        run = ++i;
    }
    tk_buf_put(b, p + run, n - run);
    tk_buf_putc(b, '"');
}

static void key(tk_buf *b, const char *k) {
    tk_buf_putc(b, '"');
    tk_buf_puts(b, k);
    TK_BUF_LIT(b, "\":");
}

static void opt_str(tk_buf *b, const char *z) {
    if (z) tk_write_json_string(b, z, strlen(z));
    else TK_BUF_LIT(b, "null");
}

static void span(tk_buf *b, const tk_story *s, uint32_t start, uint32_t end) {
    TK_BUF_LIT(b, "\"start\":");
    tk_buf_put_u32(b, start);
    TK_BUF_LIT(b, ",\"end\":");
    tk_buf_put_u32(b, end);
    TK_BUF_LIT(b, ",\"text\":");
    tk_write_json_string(b, s->text + start, end - start);
}

static void str_or_null(tk_buf *b, const tk_story *s, uint32_t start, uint32_t end) {
    if (end > start) tk_write_json_string(b, s->text + start, end - start);
    else TK_BUF_LIT(b, "null");
}

void tk_write_text_span(tk_buf *b, const tk_story *s, uint32_t start, uint32_t end) {
    TK_BUF_LIT(b, "{\"text\":");
    tk_write_json_string(b, s->text + start, end - start);
    TK_BUF_LIT(b, ",\"start\":");
    tk_buf_put_u32(b, start);
    TK_BUF_LIT(b, ",\"end\":");
    tk_buf_put_u32(b, end);
}

void tk_write_quote_json(const tk_story *s, const tk_quote *q, tk_buf *b) {
    tk_write_text_span(b, s, q->start, q->end);
    TK_BUF_LIT(b, ",\"speaker\":");
    if (q->speaker < 0 && q->mention_end <= q->mention_start) {
        TK_BUF_LIT(b, "null");
    } else if (q->speaker < 0) {
        /* a mention we could not resolve ("it", "they") */
        tk_write_text_span(b, s, q->mention_start, q->mention_end);
        TK_BUF_LIT(b, ",\"name\":null,\"code\":null,\"description\":null,\"entity\":null}");
    } else {
        const tk_speaker *p = &s->speakers.v[q->speaker];
        tk_write_text_span(b, s, q->mention_start, q->mention_end);
        TK_BUF_LIT(b, ",\"name\":");
        /* an unnamed source keeps its description */
        if (p->name_end > p->name_start) str_or_null(b, s, p->name_start, p->name_end);
        else if (p->desc_end > p->desc_start) str_or_null(b, s, p->desc_start, p->desc_end);
        else str_or_null(b, s, q->mention_start, q->mention_end);
        TK_BUF_LIT(b, ",\"code\":");
        if (p->code[0]) tk_write_json_string(b, p->code, strlen(p->code));
        else TK_BUF_LIT(b, "null");
        TK_BUF_LIT(b, ",\"description\":");
        str_or_null(b, s, p->desc_start, p->desc_end);
        TK_BUF_LIT(b, ",\"entity\":");
        tk_buf_put_u32(b, (uint32_t)q->speaker);
        tk_buf_putc(b, '}');
    }
    TK_BUF_LIT(b, ",\"cue\":");
    str_or_null(b, s, q->cue_start, q->cue_end);
    if (q->nested) TK_BUF_LIT(b, ",\"nested\":true");
    else TK_BUF_LIT(b, ",\"nested\":false");
    if (q->partial) TK_BUF_LIT(b, ",\"partial\":true");
    else TK_BUF_LIT(b, ",\"partial\":false");
    switch (q->kind) {
    case TK_QUOTE_TITLE: TK_BUF_LIT(b, ",\"speech\":false,\"kind\":\"title\"}"); break;
    case TK_QUOTE_SCARE: TK_BUF_LIT(b, ",\"speech\":false,\"kind\":\"scare\"}"); break;
    default: TK_BUF_LIT(b, ",\"speech\":true,\"kind\":\"speech\"}"); break;
    }
}

void tk_write_jsonl(const tk_story *s, tk_buf *b, unsigned flags, tk_spans *spans) {
    tk_buf_putc(b, '{');
    key(b, "id"); opt_str(b, s->id);
    tk_buf_putc(b, ','); key(b, "date"); opt_str(b, s->date);
    tk_buf_putc(b, ','); key(b, "title");
    if (s->title) tk_write_json_string(b, s->title, tk_clean_title_length(s->title, s->title_len));
    else TK_BUF_LIT(b, "null");
    if (s->source) { tk_buf_putc(b, ','); key(b, "source"); opt_str(b, s->source); }
    if (s->url) { tk_buf_putc(b, ','); key(b, "url"); opt_str(b, s->url); }
    if (s->meta_json) { tk_buf_putc(b, ','); key(b, "meta"); tk_buf_puts(b, s->meta_json); }
    if (s->dateline.found) {
        const tk_dateline *d = &s->dateline;
        tk_buf_putc(b, ','); key(b, "dateline"); tk_buf_putc(b, '{');
        span(b, s, d->start, d->end);
        tk_buf_putc(b, ','); key(b, "place");
        if (d->place_end > d->place_start) tk_write_json_string(b, s->text + d->place_start, d->place_end - d->place_start);
        else TK_BUF_LIT(b, "null");
        tk_buf_putc(b, ','); key(b, "agency");
        if (d->agency_end > d->agency_start) tk_write_json_string(b, s->text + d->agency_start, d->agency_end - d->agency_start);
        else TK_BUF_LIT(b, "null");
        tk_buf_putc(b, ','); key(b, "date");
        if (d->date_end > d->date_start) tk_write_json_string(b, s->text + d->date_start, d->date_end - d->date_start);
        else TK_BUF_LIT(b, "null");
        tk_buf_putc(b, '}');
    }
    tk_buf_putc(b, ','); key(b, "removed"); tk_buf_putc(b, '[');
    for (size_t i = 0; i < s->removed.n; i++) {
        const tk_removed *r = &s->removed.v[i];
        if (i) tk_buf_putc(b, ',');
        tk_buf_putc(b, '{');
        span(b, s, r->start, r->end);
        TK_BUF_LIT(b, ",\"reason\":");
        tk_write_json_string(b, r->reason, strlen(r->reason));
        tk_buf_putc(b, '}');
    }
    tk_buf_putc(b, ']');
    if (flags & (TK_RENDER_SENTENCES | TK_RENDER_TOKENS)) {
        tk_buf_putc(b, ','); key(b, "sentences"); tk_buf_putc(b, '[');
        for (size_t i = 0; i < s->sentences.n; i++) {
            const tk_sentence *x = &s->sentences.v[i];
            if (i) tk_buf_putc(b, ',');
            tk_buf_putc(b, '{');
            span(b, s, x->start, x->end);
            if (flags & TK_RENDER_TOKENS) {
                TK_BUF_LIT(b, ",\"tokens\":[");
                for (uint32_t k = x->tok_start; k < x->tok_end; k++) {
                    const tk_token *t = &s->tokens.v[k];
                    size_t nl;
                    const char *nz = tk_token_norm(s, t, &nl);
                    if (k != x->tok_start) tk_buf_putc(b, ',');
                    tk_buf_printf(b, "[%u,%u,", t->start, t->end);
                    tk_write_json_string(b, nz, nl);
                    tk_buf_putc(b, ']');
                }
                tk_buf_putc(b, ']');
            }
            tk_buf_putc(b, '}');
        }
        tk_buf_putc(b, ']');
    }
    TK_BUF_LIT(b, ",\"events\":[");
    for (size_t i = 0; i < s->events.n; i++) {
        if (i) tk_buf_putc(b, ',');
        size_t at = b->len;
        tk_write_event_json(s, &s->events.v[i], b);
        tk_spans_add(spans, &s->events.v[i], at, b->len);
    }
    TK_BUF_LIT(b, "],\"quotes\":[");
    for (size_t i = 0; i < s->quotes.n; i++) {
        if (i) tk_buf_putc(b, ',');
        tk_write_quote_json(s, &s->quotes.v[i], b);
    }
    TK_BUF_LIT(b, "],\"warnings\":[");
    for (size_t i = 0; i < s->warnings.n; i++) {
        if (i) tk_buf_putc(b, ',');
        tk_write_json_string(b, s->warnings.v[i], strlen(s->warnings.v[i]));
    }
    TK_BUF_LIT(b, "]}\n");
}
