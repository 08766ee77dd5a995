/* fold.c — matching form of a word (see fold.h). */
#include "fold.h"

#include <stdbool.h>

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t tk_fold_word(const char *s, size_t n, char *out, size_t cap) {
    if (!cap) return 0;
    /* ASCII (most words): lower-case while copying, leave at the first
     * byte that is not */
    size_t lim = n < cap - 1 ? n : cap - 1, at = 0;
    for (; at < lim; at++) {
        unsigned char c = (unsigned char)s[at];
        if (c >= 0x80) break;
        out[at] = (char)((unsigned)(c - 'A') < 26u ? c + 32 : c);
    }
    bool ascii = at == lim;
    for (size_t j = lim; ascii && j < n; j++) ascii = (unsigned char)s[j] < 0x80;
    if (ascii) {
        out[lim] = '\0';
        return lim;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK);
    if (k < 0) { /* invalid or no memory: compare the bytes as they are */
        size_t c = n < cap - 1 ? n : cap - 1;
        memcpy(out, s, c);
        out[c] = '\0';
        return c;
    }
    /* fold typographic apostrophes and quotes to ASCII */
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; i < k && o + 1 < cap;) {
        if (i + 2 < k && m[i] == 0xE2 && m[i + 1] == 0x80 && (m[i + 2] == 0x98 || m[i + 2] == 0x99)) {
            out[o++] = '\'';
            i += 3;
            continue;
        }
        out[o++] = (char)m[i++];
    }
    out[o] = '\0';
    free(m);
    return o;
}
