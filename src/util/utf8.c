/* utf8.c — find and repair invalid UTF-8 and NUL bytes in story text.
 * ASCII runs are skipped eight bytes at a time; everything else is checked
 * with utf8proc_iterate, which rejects overlongs, surrogates and
 * out-of-range code points. */
#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

static int has_high_or_nul(uint64_t w) {
    /* a byte >= 0x80, or a zero byte */
    return (w & 0x8080808080808080ULL) ||
           ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL);
}

size_t tk_utf8_first_problem(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (!has_high_or_nul(w)) { i += 8; continue; }
        }
        unsigned c = p[i];
        if (c == 0) return i;
        if (c < 0x80) { i++; continue; }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) return i;
        i += (size_t)n;
    }
    return len;
}

char *tk_utf8_repair(tk_arena *a, const char *s, size_t len, size_t *out_len,
                     size_t *n_invalid, size_t *n_nul) {
    *n_invalid = *n_nul = 0;
    if (len > (SIZE_MAX - 1) / 3) return NULL;
    char *out = tk_arena_alloc(a, len * 3 + 1); /* worst case: every byte replaced */
    if (!out) return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        size_t ok = tk_utf8_first_problem(s + i, len - i);
        memcpy(out + o, s + i, ok);
        o += ok;
        i += ok;
        if (i >= len) break;
        if (p[i] == 0) (*n_nul)++; else (*n_invalid)++;
        memcpy(out + o, "\xEF\xBF\xBD", 3);
        o += 3;
        i++;
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}
