/* utf8.h — UTF-8 validation and repair (validation by utf8proc), and a
 * decoder for text already known to be valid. */
#ifndef TK_UTF8_H
#define TK_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Offset of the first byte that is not part of valid UTF-8, or of the first
 * NUL byte; `len` when the whole text is clean. */
size_t tk_utf8_first_problem(const char *s, size_t len);

/* Copies `s` into the arena replacing every invalid byte and every NUL with
 * U+FFFD. Returns the copy (NUL-terminated) or NULL when out of memory.
 * *n_invalid and *n_nul count what was replaced. */
char *tk_utf8_repair(tk_arena *a, const char *s, size_t len, size_t *out_len,
                     size_t *n_invalid, size_t *n_nul);

/* Decodes one code point of valid UTF-8 at s (n bytes left, n >= 1);
 * stores its byte length in *len. */
static inline int32_t tk_utf8_decode(const unsigned char *s, size_t n, int *len) {
    unsigned c = s[0];
    if (c < 0x80) { *len = 1; return (int32_t)c; }
    if (c < 0xE0 && n >= 2) { *len = 2; return (int32_t)(((c & 0x1F) << 6) | (s[1] & 0x3F)); }
    if (c < 0xF0 && n >= 3) {
        *len = 3;
        return (int32_t)(((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F));
    }
    if (n >= 4) {
        *len = 4;
        return (int32_t)(((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F));
    }
    *len = 1;
    return 0xFFFD;
}

#endif
