/* test_json.c — the JSON string writer (tk_write_json_string in
 * src/write/json.c), whose fast paths skip plain bytes sixteen and eight at
 * a time: compared with a plain byte-by-byte writer on strings of every
 * length up to 80 with a special byte (quote, backslash, control, valid and
 * invalid UTF-8) at every position, and on pseudo-random strings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>

#include "write/write.h"

/* The contract, one byte at a time. */
static void reference(tk_buf *b, const char *p, size_t n) {
    static const char hex[] = "0123456789abcdef";
    tk_buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)p[i];
        if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k > 0) {
                tk_buf_put(b, p + i, (size_t)k);
                i += (size_t)k;
            } else {
                TK_BUF_LIT(b, "\xEF\xBF\xBD");
                i++;
            }
            continue;
        }
        switch (c) {
        case '"': TK_BUF_LIT(b, "\\\""); break;
        case '\\': TK_BUF_LIT(b, "\\\\"); break;
        case '\n': TK_BUF_LIT(b, "\\n"); break;
        case '\r': TK_BUF_LIT(b, "\\r"); break;
        case '\t': TK_BUF_LIT(b, "\\t"); break;
        default:
            if (c < 0x20) {
                char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                tk_buf_put(b, e, 6);
            } else {
                tk_buf_putc(b, (char)c);
            }
        }
        i++;
    }
    tk_buf_putc(b, '"');
}

static void same_as_reference(const char *p, size_t n) {
    tk_buf got, want;
    tk_buf_init(&got);
    tk_buf_init(&want);
    tk_write_json_string(&got, p, n);
    reference(&want, p, n);
    assert_false(got.failed);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.data, want.data, want.len);
    tk_buf_free(&got);
    tk_buf_free(&want);
}

static void test_special_at_every_position(void **state) {
    (void)state;
    static const char *const specials[] = {
        "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80",
        "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf", " ",
    };
    char buf[128];
    for (size_t s = 0; s < sizeof specials / sizeof *specials; s++) {
        size_t sn = strlen(specials[s]);
        for (size_t n = 0; n <= 80; n++) {
            for (size_t at = 0; at + sn <= n; at++) {
                for (size_t i = 0; i < n; i++) buf[i] = (char)('a' + i % 26);
                memcpy(buf + at, specials[s], sn);
                same_as_reference(buf, n);
            }
        }
    }
}

static void test_pseudo_random(void **state) {
    (void)state;
    /* mostly plain text with a sprinkling of everything else */
    static const char alphabet[] = "abcdefghij KLMNOP,.\"\\\n\t\x02\xc3\xa9\xe2\x80\x9c\xe2\x80\x9d\xff\x80";
    uint32_t r = 12345;
    char buf[600];
    for (int round = 0; round < 2000; round++) {
        size_t n = (size_t)(round % 600);
        for (size_t i = 0; i < n; i++) {
            r = r * 1103515245u + 12345u;
            unsigned k = (r >> 16) % 64;
            buf[i] = k < sizeof alphabet - 1 ? alphabet[k] : (char)('a' + k % 26);
        }
        same_as_reference(buf, n);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_special_at_every_position),
        cmocka_unit_test(test_pseudo_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
