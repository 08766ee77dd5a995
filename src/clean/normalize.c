/* normalize.c — the matching form of a token: typographic quotes,
 * apostrophes, dashes, ellipsis and no-break spaces folded to ASCII, then
 * NFC (utf8proc). Only tokens with non-ASCII bytes are touched; the result
 * lives in story->norm and the token keeps its offsets into the original. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "clean.h"
#include "../util/utf8.h"

/* ASCII replacement for a code point, or NULL to keep it. */
static const char *fold(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
    case 0x00B4:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
    case 0x2039: case 0x203A:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return "-";
    case 0x2026:
        return "...";
    case 0x00A0: case 0x202F: case 0x2009: case 0x200A:
        return " ";
    default:
        return NULL;
    }
}

static bool norm_reserve(tk_story *s, size_t n) {
    if (s->norm_cap - s->norm_len >= n) return true;
    size_t cap = s->norm_cap ? s->norm_cap : 4096;
    while (cap - s->norm_len < n) {
        if (cap > UINT32_MAX / 2) return false;
        cap *= 2;
    }
    char *p = realloc(s->norm, cap);
    if (!p) return false;
    s->norm = p;
    s->norm_cap = cap;
    return true;
}

tk_status tk_clean_normalize_token(tk_story *s, tk_token *t) {
    const unsigned char *p = (const unsigned char *)s->text + t->start;
    size_t n = t->end - t->start;
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if (p[i] >= 0x80) { ascii = false; break; }
    if (ascii) return TK_OK;

    /* fold into a scratch area at the end of the norm buffer */
    if (!norm_reserve(s, n * 3 + 1)) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    char *out = s->norm + s->norm_len;
    size_t o = 0;
    bool other_non_ascii = false;
    for (size_t i = 0; i < n;) {
        int len;
        int32_t cp = tk_utf8_decode(p + i, n - i, &len);
        const char *f = cp >= 0x80 ? fold(cp) : NULL;
        if (f) {
            size_t k = strlen(f);
            memcpy(out + o, f, k);
            o += k;
        } else {
            if (cp >= 0x80) other_non_ascii = true;
            memcpy(out + o, p + i, (size_t)len);
            o += (size_t)len;
        }
        i += (size_t)len;
    }
    if (other_non_ascii) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)out, (utf8proc_ssize_t)o, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m < 0) {
            if (m == UTF8PROC_ERROR_NOMEM) return tk_story_fail(s, TK_ENOMEM, "out of memory");
            /* cannot happen on repaired text; keep the folded form */
        } else {
            if (!norm_reserve(s, (size_t)m + 1)) { free(nfc); return tk_story_fail(s, TK_ENOMEM, "out of memory"); }
            out = s->norm + s->norm_len;
            memcpy(out, nfc, (size_t)m);
            o = (size_t)m;
        }
        free(nfc);
    }
    if (o == n && memcmp(out, p, n) == 0) return TK_OK; /* unchanged */
    t->norm = (uint32_t)s->norm_len;
    t->norm_len = (uint32_t)o;
    t->flags |= TK_TF_NORM;
    s->norm_len += o;
    return TK_OK;
}
