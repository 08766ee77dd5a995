/* test_buf.c — the growable byte buffer (src/util/buf.h): put, puts, putc,
 * printf (short and longer than its 256-byte stack buffer), TK_BUF_LIT,
 * put_u32 (as printf("%u") writes it), clear, and growth to several
 * megabytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/buf.h"

static void test_init_is_empty(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_false(b.failed);
    tk_buf_free(&b);
}

static void test_put_puts_putc(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    tk_buf_put(&b, "abc", 3);
    tk_buf_put(&b, "zzz", 0); /* nothing */
    tk_buf_puts(&b, "-def");
    tk_buf_putc(&b, '!');
    tk_buf_put(&b, "\0x", 2); /* bytes, NUL included */
    assert_false(b.failed);
    assert_int_equal(b.len, 10);
    assert_true(b.cap >= b.len);
    assert_memory_equal(b.data, "abc-def!\0x", 10);
    tk_buf_free(&b);
    assert_null(b.data);
    assert_int_equal(b.len, 0);
}

static void test_lit_macro(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    TK_BUF_LIT(&b, "{\"id\":");
    TK_BUF_LIT(&b, "");
    assert_int_equal(b.len, 6);
    assert_memory_equal(b.data, "{\"id\":", 6);
    tk_buf_free(&b);
}

static void test_printf_short(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    tk_buf_puts(&b, "x=");
    tk_buf_printf(&b, "%d,%s,%zu,%.2f", -42, "str", (size_t)7, 1.5);
    const char want[] = "x=-42,str,7,1.50";
    assert_int_equal(b.len, sizeof want - 1);
    assert_memory_equal(b.data, want, sizeof want - 1);
    tk_buf_printf(&b, "%s", ""); /* empty output appends nothing */
    assert_int_equal(b.len, sizeof want - 1);
    assert_false(b.failed);
    tk_buf_free(&b);
}

static void test_printf_exactly_at_small_limit(void **state) {
    (void)state;
    /* 255 and 256 characters: either side of the 256-byte stack buffer */
    for (int n = 254; n <= 258; n++) {
        tk_buf b;
        tk_buf_init(&b);
        tk_buf_putc(&b, '<');
        tk_buf_printf(&b, "%*s", n, "y");
        assert_int_equal(b.len, (size_t)n + 1);
        assert_int_equal(b.data[0], '<');
        for (int i = 1; i < n; i++) assert_int_equal(b.data[i], ' ');
        assert_int_equal(b.data[n], 'y');
        tk_buf_free(&b);
    }
}

static void test_printf_long(void **state) {
    (void)state;
    char big[5000];
    for (size_t i = 0; i < sizeof big - 1; i++) big[i] = (char)('a' + i % 26);
    big[sizeof big - 1] = '\0';
    tk_buf b;
    tk_buf_init(&b);
    tk_buf_puts(&b, "head:");
    tk_buf_printf(&b, "[%s]%d", big, 99);
    size_t want = 5 + 1 + (sizeof big - 1) + 1 + 2;
    assert_false(b.failed);
    assert_int_equal(b.len, want);
    assert_memory_equal(b.data, "head:[", 6);
    assert_memory_equal(b.data + 6, big, sizeof big - 1);
    assert_memory_equal(b.data + 6 + sizeof big - 1, "]99", 3);
    /* appending after a long printf continues at the right place */
    tk_buf_putc(&b, '.');
    assert_int_equal(b.len, want + 1);
    assert_int_equal(b.data[want], '.');
    tk_buf_free(&b);
}

static void test_put_u32_like_printf(void **state) {
    (void)state;
    /* every number of digits, each side of every power of ten, the ends */
    uint32_t vals[64];
    size_t nv = 0;
    vals[nv++] = 0;
    vals[nv++] = UINT32_MAX;
    for (uint64_t p = 1; p <= UINT32_MAX; p *= 10) {
        vals[nv++] = (uint32_t)p;
        vals[nv++] = (uint32_t)(p - 1);
        if (p + 1 <= UINT32_MAX) vals[nv++] = (uint32_t)(p + 1);
        if (p * 7 + 3 <= UINT32_MAX) vals[nv++] = (uint32_t)(p * 7 + 3);
    }
    tk_buf b, want;
    tk_buf_init(&b);
    tk_buf_init(&want);
    for (size_t i = 0; i < nv; i++) {
        tk_buf_put_u32(&b, vals[i]);
        tk_buf_putc(&b, ',');
        tk_buf_printf(&want, "%u,", (unsigned)vals[i]);
    }
    for (uint32_t v = 0; v < 100000; v += 7) { /* a dense sweep of the short ones */
        tk_buf_put_u32(&b, v);
        tk_buf_printf(&want, "%u", (unsigned)v);
    }
    assert_false(b.failed);
    assert_int_equal(b.len, want.len);
    assert_memory_equal(b.data, want.data, want.len);
    tk_buf_free(&b);
    tk_buf_free(&want);
}

static void test_clear_keeps_storage(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    tk_buf_puts(&b, "some text");
    char *data = b.data;
    size_t cap = b.cap;
    b.failed = true;
    tk_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_false(b.failed);
    assert_ptr_equal(b.data, data);
    assert_int_equal(b.cap, cap);
    tk_buf_puts(&b, "new");
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "new", 3);
    tk_buf_free(&b);
}

static void test_failed_is_sticky(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    tk_buf_puts(&b, "ok");
    b.failed = true;
    tk_buf_puts(&b, "ignored");
    tk_buf_putc(&b, 'x');
    tk_buf_printf(&b, "%d", 5);
    assert_int_equal(b.len, 2);
    assert_false(tk_buf_reserve(&b, 1));
    /* a request that would overflow sets failed without touching data */
    tk_buf c;
    tk_buf_init(&c);
    tk_buf_puts(&c, "abc");
    assert_false(tk_buf_reserve(&c, SIZE_MAX - 1));
    assert_true(c.failed);
    assert_int_equal(c.len, 3);
    assert_memory_equal(c.data, "abc", 3);
    tk_buf_free(&c);
    tk_buf_free(&b);
}

static void test_growth_to_megabytes(void **state) {
    (void)state;
    tk_buf b;
    tk_buf_init(&b);
    char chunk[1000];
    for (size_t i = 0; i < sizeof chunk; i++) chunk[i] = (char)(i % 251);
    size_t rounds = 5000; /* 5 MB */
    for (size_t r = 0; r < rounds; r++) {
        tk_buf_put(&b, chunk, sizeof chunk);
        tk_buf_putc(&b, (char)(r & 0x7F));
    }
    assert_false(b.failed);
    assert_int_equal(b.len, rounds * (sizeof chunk + 1));
    assert_true(b.cap >= b.len);
    for (size_t r = 0; r < rounds; r += 997) {
        const char *p = b.data + r * (sizeof chunk + 1);
        assert_memory_equal(p, chunk, sizeof chunk);
        assert_int_equal(p[sizeof chunk], (char)(r & 0x7F));
    }
    /* the last record too */
    const char *last = b.data + (rounds - 1) * (sizeof chunk + 1);
    assert_memory_equal(last, chunk, sizeof chunk);
    tk_buf_free(&b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_is_empty),
        cmocka_unit_test(test_put_puts_putc),
        cmocka_unit_test(test_lit_macro),
        cmocka_unit_test(test_printf_short),
        cmocka_unit_test(test_printf_exactly_at_small_limit),
        cmocka_unit_test(test_printf_long),
        cmocka_unit_test(test_put_u32_like_printf),
        cmocka_unit_test(test_clear_keeps_storage),
        cmocka_unit_test(test_failed_is_sticky),
        cmocka_unit_test(test_growth_to_megabytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
