/* buf.c — growable byte buffer (see buf.h). */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tk_buf_init(tk_buf *b) { memset(b, 0, sizeof *b); }

void tk_buf_free(tk_buf *b) {
    free(b->data);
    tk_buf_init(b);
}

bool tk_buf_grow(tk_buf *b, size_t n) {
    if (b->failed) return false;
    if (n <= b->cap - b->len) return true;
    if (n > SIZE_MAX / 2 - b->len) { b->failed = true; return false; }
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < n) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) { b->failed = true; return false; }
    b->data = p;
    b->cap = cap;
    return true;
}

void tk_buf_puts(tk_buf *b, const char *z) { tk_buf_put(b, z, strlen(z)); }

void tk_buf_printf(tk_buf *b, const char *fmt, ...) {
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) { b->failed = true; return; }
    if ((size_t)n < sizeof small) { tk_buf_put(b, small, (size_t)n); return; }
    if (!tk_buf_reserve(b, (size_t)n + 1)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void tk_buf_put_u32(tk_buf *b, uint32_t v) {
    /* the digits written in place from the right, two at a time */
    static const char pairs[201] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    size_t n = 1;
    for (uint32_t t = v; t >= 10; t /= 10) n++;
    if (!tk_buf_reserve(b, n)) return;
    char *d = b->data + b->len + n;
    b->len += n;
    while (v >= 100) {
        uint32_t r = v % 100;
        v /= 100;
        d -= 2;
        d[0] = pairs[2 * r];
        d[1] = pairs[2 * r + 1];
    }
    if (v >= 10) {
        d[-2] = pairs[2 * v];
        d[-1] = pairs[2 * v + 1];
    } else {
        d[-1] = (char)('0' + v);
    }
}

void tk_buf_put_dec1(tk_buf *b, double v) {
    long t = (long)(v * 10 + (v < 0 ? -0.5 : 0.5));
    if (t < 0) { tk_buf_putc(b, '-'); t = -t; }
    tk_buf_put_u32(b, (uint32_t)(t / 10));
    tk_buf_putc(b, '.');
    tk_buf_putc(b, (char)('0' + t % 10));
}
