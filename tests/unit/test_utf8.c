/* test_utf8.c — UTF-8 validation, repair and decoding (src/util/utf8.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/utf8.h"

#define FP(lit) tk_utf8_first_problem((lit), sizeof(lit) - 1)

static void test_clean_ascii(void **state) {
    (void)state;
    assert_int_equal(FP(""), 0);
    assert_int_equal(FP("a"), 1);
    const char s[] = "The quick brown fox jumps over the lazy dog, 1234567890!";
    assert_int_equal(FP(s), sizeof s - 1);
}

static void test_clean_multibyte(void **state) {
    (void)state;
    assert_int_equal(FP("caf\xc3\xa9"), 5);                  /* é */
    assert_int_equal(FP("\xe2\x82\xac 100"), 7);             /* € */
    assert_int_equal(FP("ok \xf0\x9f\x98\x80 ok"), 10);      /* emoji */
    /* multibyte after a long ASCII run (past the 8-byte fast path) */
    assert_int_equal(FP("abcdefghijklmnop\xc3\xa9\xe2\x82\xac"), 21);
    /* the largest code point U+10FFFF is valid */
    assert_int_equal(FP("\xf4\x8f\xbf\xbf"), 4);
}

static void test_overlong_encoding(void **state) {
    (void)state;
    assert_int_equal(FP("\xc0\xaf"), 0);
    assert_int_equal(FP("x/\xc0\xafy"), 2);
    assert_int_equal(FP("\xe0\x80\xaf"), 0); /* 3-byte overlong '/' */
}

static void test_lone_continuation_byte(void **state) {
    (void)state;
    assert_int_equal(FP("\x80"), 0);
    assert_int_equal(FP("ab\xbf" "cd"), 2);
    assert_int_equal(FP("12345678901\x80"), 11);
}

static void test_truncated_sequence_at_end(void **state) {
    (void)state;
    assert_int_equal(FP("ab\xe2\x82"), 2);          /* € missing its last byte */
    assert_int_equal(FP("ab\xc3"), 2);
    assert_int_equal(FP("\xf0\x9f\x98"), 0);
    /* a sequence cut short by an ASCII byte */
    assert_int_equal(FP("\xe2\x82x"), 0);
}

static void test_surrogate_and_out_of_range(void **state) {
    (void)state;
    assert_int_equal(FP("\xed\xa0\x80"), 0);        /* U+D800 */
    assert_int_equal(FP("ok\xed\xbf\xbf"), 2);      /* U+DFFF */
    assert_int_equal(FP("\xf4\x90\x80\x80"), 0);    /* U+110000 */
    assert_int_equal(FP("\xff"), 0);
    assert_int_equal(FP("\xfe"), 0);
}

static void test_nul_byte(void **state) {
    (void)state;
    assert_int_equal(FP("abc\0def"), 3);
    assert_int_equal(FP("\0"), 0);
    /* a NUL inside an 8-byte ASCII word and after one */
    assert_int_equal(FP("abcdefghij\0klmnopqrst"), 10);
    assert_int_equal(FP("abcdefgh\0"), 8);
    /* the length bounds the scan: a NUL beyond len is not seen */
    assert_int_equal(tk_utf8_first_problem("abc\0", 3), 3);
}

static void test_repair_clean_text_unchanged(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 0);
    size_t out_len = 99, n_invalid = 99, n_nul = 99;
    const char s[] = "caf\xc3\xa9 \xe2\x82\xac";
    char *out = tk_utf8_repair(&a, s, sizeof s - 1, &out_len, &n_invalid, &n_nul);
    assert_non_null(out);
    assert_int_equal(out_len, sizeof s - 1);
    assert_memory_equal(out, s, sizeof s);  /* NUL-terminated */
    assert_int_equal(n_invalid, 0);
    assert_int_equal(n_nul, 0);
    tk_arena_free(&a);
}

static void test_repair_bytes_and_counters(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 0);
    size_t out_len, n_invalid, n_nul;
    const char s[] = "a\xff" "b\0c\xc3\xa9";
    char *out = tk_utf8_repair(&a, s, sizeof s - 1, &out_len, &n_invalid, &n_nul);
    assert_non_null(out);
    const char want[] = "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xc3\xa9";
    assert_int_equal(out_len, sizeof want - 1);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(n_invalid, 1);
    assert_int_equal(n_nul, 1);
    /* the result is valid UTF-8 */
    assert_int_equal(tk_utf8_first_problem(out, out_len), out_len);
    tk_arena_free(&a);
}

static void test_repair_each_bad_byte_replaced(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 0);
    size_t out_len, n_invalid, n_nul;
    /* overlong C0 AF: two bad bytes; surrogate ED A0 80: three; a
     * truncated € at the end: two */
    const char s[] = "\xc0\xaf|\xed\xa0\x80|\xe2\x82";
    char *out = tk_utf8_repair(&a, s, sizeof s - 1, &out_len, &n_invalid, &n_nul);
    assert_non_null(out);
    assert_int_equal(n_invalid, 7);
    assert_int_equal(n_nul, 0);
    assert_int_equal(out_len, 7 * 3 + 2);
    assert_int_equal(strlen(out), out_len);
    assert_int_equal(tk_utf8_first_problem(out, out_len), out_len);
    const char want[] = "\xef\xbf\xbd\xef\xbf\xbd|\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd|"
                        "\xef\xbf\xbd\xef\xbf\xbd";
    assert_memory_equal(out, want, sizeof want);
    /* NUL only */
    const char z[] = "\0\0x";
    out = tk_utf8_repair(&a, z, 3, &out_len, &n_invalid, &n_nul);
    assert_non_null(out);
    assert_int_equal(n_nul, 2);
    assert_int_equal(n_invalid, 0);
    assert_int_equal(out_len, 7);
    assert_memory_equal(out, "\xef\xbf\xbd\xef\xbf\xbdx", 8);
    /* empty input */
    out = tk_utf8_repair(&a, "", 0, &out_len, &n_invalid, &n_nul);
    assert_non_null(out);
    assert_int_equal(out_len, 0);
    assert_string_equal(out, "");
    tk_arena_free(&a);
}

static void test_decode_lengths(void **state) {
    (void)state;
    int len = 0;
    const unsigned char a[] = "A";
    assert_int_equal(tk_utf8_decode(a, 1, &len), 0x41);
    assert_int_equal(len, 1);
    const unsigned char e[] = "\xc3\xa9";
    assert_int_equal(tk_utf8_decode(e, 2, &len), 0xE9);
    assert_int_equal(len, 2);
    const unsigned char euro[] = "\xe2\x82\xac";
    assert_int_equal(tk_utf8_decode(euro, 3, &len), 0x20AC);
    assert_int_equal(len, 3);
    const unsigned char emoji[] = "\xf0\x9f\x98\x80";
    assert_int_equal(tk_utf8_decode(emoji, 4, &len), 0x1F600);
    assert_int_equal(len, 4);
    const unsigned char max[] = "\xf4\x8f\xbf\xbf";
    assert_int_equal(tk_utf8_decode(max, 4, &len), 0x10FFFF);
    assert_int_equal(len, 4);
    /* decoding stops at the code point: trailing bytes are not consumed */
    const unsigned char two[] = "\xc3\xa9z";
    assert_int_equal(tk_utf8_decode(two, 3, &len), 0xE9);
    assert_int_equal(len, 2);
}

static void test_decode_short_input(void **state) {
    (void)state;
    int len = 0;
    /* fewer bytes left than the lead byte announces: U+FFFD, one byte */
    const unsigned char emoji[] = "\xf0\x9f\x98\x80";
    assert_int_equal(tk_utf8_decode(emoji, 2, &len), 0xFFFD);
    assert_int_equal(len, 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_ascii),
        cmocka_unit_test(test_clean_multibyte),
        cmocka_unit_test(test_overlong_encoding),
        cmocka_unit_test(test_lone_continuation_byte),
        cmocka_unit_test(test_truncated_sequence_at_end),
        cmocka_unit_test(test_surrogate_and_out_of_range),
        cmocka_unit_test(test_nul_byte),
        cmocka_unit_test(test_repair_clean_text_unchanged),
        cmocka_unit_test(test_repair_bytes_and_counters),
        cmocka_unit_test(test_repair_each_bad_byte_replaced),
        cmocka_unit_test(test_decode_lengths),
        cmocka_unit_test(test_decode_short_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
