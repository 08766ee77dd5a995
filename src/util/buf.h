/* buf.h — a growable byte buffer with a sticky failure flag.
 * Appends after an allocation failure are ignored and `failed` stays set,
 * so a writer can emit a whole record and check once at the end. The old
 * storage is kept when realloc fails. The buffer owns `data`; free it with
 * tk_buf_free(). */
#ifndef TK_BUF_H
#define TK_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct tk_buf {
    char *data;
    size_t len, cap;
    bool failed;
} tk_buf;

void tk_buf_init(tk_buf *b);
void tk_buf_free(tk_buf *b);
static inline void tk_buf_clear(tk_buf *b) { b->len = 0; b->failed = false; }
/* The slow path of tk_buf_reserve: grows the storage. */
bool tk_buf_grow(tk_buf *b, size_t n);
/* Makes room for `n` more bytes; false (and failed set) on failure. The
 * appends are inline: the writers call them for every field. */
static inline bool tk_buf_reserve(tk_buf *b, size_t n) {
    return (!b->failed && n <= b->cap - b->len) || tk_buf_grow(b, n);
}
static inline void tk_buf_put(tk_buf *b, const void *p, size_t n) {
    if (!n || !tk_buf_reserve(b, n)) return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
}
static inline void tk_buf_putc(tk_buf *b, char c) {
    if (!tk_buf_reserve(b, 1)) return;
    b->data[b->len++] = c;
}
/* Appends a string literal (length known at compile time). */
#define TK_BUF_LIT(b, lit) tk_buf_put((b), (lit), sizeof(lit) - 1)
void tk_buf_puts(tk_buf *b, const char *z);
void tk_buf_printf(tk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends the decimal digits of v (the hot paths' printf("%u")). */
void tk_buf_put_u32(tk_buf *b, uint32_t v);
/* Appends v with one decimal, as printf("%.1f") writes a value that has
 * at most one (Goldstein scores). */
void tk_buf_put_dec1(tk_buf *b, double v);

#endif
