/* test_acmatch.c — the Aho-Corasick phrase matcher (src/util/acmatch.h):
 * overlapping phrases, ASCII case folding, non-ASCII bytes, early stop, no
 * match, empty input, and agreement with a brute-force search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/acmatch.h"

typedef struct hit { uint32_t phrase; size_t end; } hit;

typedef struct hits {
    hit v[256];
    size_t n;
    size_t stop_after; /* 0 = never stop */
} hits;

static bool collect(void *ctx, uint32_t phrase, size_t end) {
    hits *h = ctx;
    if (h->n < sizeof h->v / sizeof *h->v) h->v[h->n] = (hit){phrase, end};
    h->n++;
    return h->stop_after && h->n >= h->stop_after;
}

static int cmp_hit(const void *a, const void *b) {
    const hit *x = a, *y = b;
    if (x->end != y->end) return x->end < y->end ? -1 : 1;
    return x->phrase < y->phrase ? -1 : x->phrase > y->phrase;
}

/* Scans z and returns the hits sorted by (end, phrase). */
static void scan_sorted(const tk_ac *ac, const char *z, size_t n, hits *h) {
    memset(h, 0, sizeof *h);
    assert_false(tk_ac_scan(ac, z, n, collect, h));
    assert_true(h->n <= sizeof h->v / sizeof *h->v);
    qsort(h->v, h->n, sizeof *h->v, cmp_hit);
}

static void test_overlapping_phrases(void **state) {
    (void)state;
    const char *const phrases[] = {"he", "she", "hers", "his"};
    tk_ac *ac = tk_ac_new(phrases, 4);
    assert_non_null(ac);
    hits h;
    scan_sorted(ac, "ushers", 6, &h);
    assert_int_equal(h.n, 3);
    assert_int_equal(h.v[0].phrase, 0); /* he   ending at 4 */
    assert_int_equal(h.v[0].end, 4);
    assert_int_equal(h.v[1].phrase, 1); /* she  ending at 4 */
    assert_int_equal(h.v[1].end, 4);
    assert_int_equal(h.v[2].phrase, 2); /* hers ending at 6 */
    assert_int_equal(h.v[2].end, 6);
    tk_ac_free(ac);
}

static void test_prefix_phrases_and_repeats(void **state) {
    (void)state;
    const char *const phrases[] = {"a", "ab", "bab"};
    tk_ac *ac = tk_ac_new(phrases, 3);
    assert_non_null(ac);
    hits h;
    scan_sorted(ac, "abab", 4, &h);
    /* a@1 ab@2 a@3 ab@4 bab@4 */
    assert_int_equal(h.n, 5);
    const hit want[] = {{0, 1}, {1, 2}, {0, 3}, {1, 4}, {2, 4}};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(h.v[i].phrase, want[i].phrase);
        assert_int_equal(h.v[i].end, want[i].end);
    }
    tk_ac_free(ac);
}

static void test_case_insensitive_ascii(void **state) {
    (void)state;
    const char *const phrases[] = {"subscribe now", "NATO"};
    tk_ac *ac = tk_ac_new(phrases, 2);
    assert_non_null(ac);
    hits h;
    const char z[] = "SUBSCRIBE NOW or SubScribe Now; nato, Nato, NATO";
    scan_sorted(ac, z, sizeof z - 1, &h);
    assert_int_equal(h.n, 5);
    assert_int_equal(h.v[0].phrase, 0);
    assert_int_equal(h.v[0].end, 13);
    assert_int_equal(h.v[1].phrase, 0);
    assert_int_equal(h.v[1].end, 30);
    for (size_t i = 2; i < 5; i++) assert_int_equal(h.v[i].phrase, 1);
    assert_int_equal(h.v[4].end, sizeof z - 1);
    /* folding is for letters only: '[' (0x5B) is not '{' (0x7B) */
    const char *const br[] = {"a[b"};
    tk_ac *ac2 = tk_ac_new(br, 1);
    assert_non_null(ac2);
    scan_sorted(ac2, "A{B a[B", 7, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.v[0].end, 7);
    tk_ac_free(ac2);
    tk_ac_free(ac);
}

static void test_non_ascii_bytes(void **state) {
    (void)state;
    const char *const phrases[] = {"\xc2\xa9", "\xc2\xa9 afp", "caf\xc3\xa9"};
    tk_ac *ac = tk_ac_new(phrases, 3);
    assert_non_null(ac);
    hits h;
    const char z[] = "Photo \xc2\xa9 AFP";
    scan_sorted(ac, z, sizeof z - 1, &h);
    assert_int_equal(h.n, 2);
    assert_int_equal(h.v[0].phrase, 0);
    assert_int_equal(h.v[0].end, 8);
    assert_int_equal(h.v[1].phrase, 1);
    assert_int_equal(h.v[1].end, sizeof z - 1);
    /* only ASCII folds: CAFÉ (C3 89) is not café (C3 A9), CAFé is */
    scan_sorted(ac, "CAF\xc3\x89", 5, &h);
    assert_int_equal(h.n, 0);
    scan_sorted(ac, "CAF\xc3\xa9", 5, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.v[0].phrase, 2);
    /* a lone continuation byte A9 does not match the phrase's second byte */
    scan_sorted(ac, "\xa9\xc2", 2, &h);
    assert_int_equal(h.n, 0);
    tk_ac_free(ac);
}

static void test_early_stop(void **state) {
    (void)state;
    const char *const phrases[] = {"he", "she", "hers"};
    tk_ac *ac = tk_ac_new(phrases, 3);
    assert_non_null(ac);
    hits h;
    memset(&h, 0, sizeof h);
    h.stop_after = 1;
    assert_true(tk_ac_scan(ac, "ushers he she", 13, collect, &h));
    assert_int_equal(h.n, 1);
    assert_int_equal(h.v[0].end, 4);
    memset(&h, 0, sizeof h);
    h.stop_after = 3;
    assert_true(tk_ac_scan(ac, "ushers he she", 13, collect, &h));
    assert_int_equal(h.n, 3);
    assert_int_equal(h.v[2].phrase, 2);
    assert_int_equal(h.v[2].end, 6);
    tk_ac_free(ac);
}

static void test_no_match_and_empty_input(void **state) {
    (void)state;
    const char *const phrases[] = {"reuters", "afp"};
    tk_ac *ac = tk_ac_new(phrases, 2);
    assert_non_null(ac);
    hits h;
    scan_sorted(ac, "The ministry said on Tuesday.", 29, &h);
    assert_int_equal(h.n, 0);
    scan_sorted(ac, "", 0, &h);
    assert_int_equal(h.n, 0);
    /* a phrase cut by the length is not matched */
    scan_sorted(ac, "reuters", 6, &h);
    assert_int_equal(h.n, 0);
    /* NUL bytes in the input are ordinary bytes */
    scan_sorted(ac, "a\0afp", 5, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.v[0].end, 5);
    tk_ac_free(ac);
    /* an automaton with no phrases matches nothing */
    tk_ac *empty = tk_ac_new(NULL, 0);
    assert_non_null(empty);
    scan_sorted(empty, "anything", 8, &h);
    assert_int_equal(h.n, 0);
    tk_ac_free(empty);
    tk_ac_free(NULL);
}

static void test_duplicate_phrase_reports_first(void **state) {
    (void)state;
    const char *const phrases[] = {"x", "Subscribe", "subscribe"};
    tk_ac *ac = tk_ac_new(phrases, 3);
    assert_non_null(ac);
    hits h;
    scan_sorted(ac, "subscribe", 9, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.v[0].phrase, 1);
    tk_ac_free(ac);
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static void test_agrees_with_brute_force(void **state) {
    (void)state;
    const char *const phrases[] = {"ab", "bA", "aab", "abab", "b", "Baa", "aaaa", "cab", "c"};
    size_t np = sizeof phrases / sizeof *phrases;
    tk_ac *ac = tk_ac_new(phrases, np);
    assert_non_null(ac);
    uint32_t seed = 12345;
    char z[200];
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(round % 60);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            z[i] = "abcABC"[(seed >> 16) % 6];
        }
        hits h;
        scan_sorted(ac, z, n, &h);
        /* brute force, same order */
        size_t k = 0;
        for (size_t end = 1; end <= n; end++)
            for (uint32_t p = 0; p < np; p++) {
                size_t m = strlen(phrases[p]);
                if (m > end) continue;
                bool eq = true;
                for (size_t x = 0; x < m && eq; x++)
                    eq = lower((unsigned char)z[end - m + x]) == lower((unsigned char)phrases[p][x]);
                if (!eq) continue;
                assert_true(k < h.n);
                assert_int_equal(h.v[k].phrase, p);
                assert_int_equal(h.v[k].end, end);
                k++;
            }
        assert_int_equal(k, h.n);
    }
    tk_ac_free(ac);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_overlapping_phrases),
        cmocka_unit_test(test_prefix_phrases_and_repeats),
        cmocka_unit_test(test_case_insensitive_ascii),
        cmocka_unit_test(test_non_ascii_bytes),
        cmocka_unit_test(test_early_stop),
        cmocka_unit_test(test_no_match_and_empty_input),
        cmocka_unit_test(test_duplicate_phrase_reports_first),
        cmocka_unit_test(test_agrees_with_brute_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
