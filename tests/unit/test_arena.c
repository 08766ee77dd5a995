/* test_arena.c — the bump allocator (src/util/arena.h): alignment, many
 * allocations across blocks, oversized allocations, strndup, reset and
 * free. */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/arena.h"

/* "aligned for any type" (arena.h) means _Alignof(max_align_t). The arena
 * rounds sizes up to sizeof(max_align_t) (32 on x86-64), but its blocks come
 * from malloc, which only guarantees _Alignof(max_align_t) (16), so the
 * stronger sizeof-alignment does not hold across blocks and is not checked. */
#define ALIGN (_Alignof(max_align_t))

static bool aligned(const void *p) { return (uintptr_t)p % ALIGN == 0; }

static void test_pointers_are_max_aligned(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 1024);
    static const size_t sizes[] = {1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        void *p = tk_arena_alloc(&a, sizes[i]);
        assert_non_null(p);
        assert_true(aligned(p));
    }
    tk_arena_free(&a);
}

static void test_small_allocs_fill_several_blocks(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 256);
    enum { N = 1000 };
    unsigned char *ptrs[N];
    /* each allocation gets its own pattern; a later one must not clobber
     * an earlier one even after the arena moved to new blocks */
    for (size_t i = 0; i < N; i++) {
        ptrs[i] = tk_arena_alloc(&a, 24);
        assert_non_null(ptrs[i]);
        assert_true(aligned(ptrs[i]));
        memset(ptrs[i], (int)(i & 0xFF), 24);
    }
    for (size_t i = 0; i < N; i++)
        for (size_t k = 0; k < 24; k++) assert_int_equal(ptrs[i][k], i & 0xFF);
    /* the allocations are distinct */
    for (size_t i = 1; i < N; i++) assert_ptr_not_equal(ptrs[i], ptrs[i - 1]);
    tk_arena_free(&a);
    assert_null(a.head);
}

static void test_allocation_bigger_than_block(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 128);
    char *small1 = tk_arena_alloc(&a, 16);
    assert_non_null(small1);
    memset(small1, 'a', 16);
    size_t big_n = 10000;
    char *big = tk_arena_alloc(&a, big_n);
    assert_non_null(big);
    assert_true(aligned(big));
    memset(big, 'B', big_n);
    /* the current block still serves small allocations */
    char *small2 = tk_arena_alloc(&a, 16);
    assert_non_null(small2);
    memset(small2, 'c', 16);
    for (size_t i = 0; i < big_n; i++) assert_int_equal(big[i], 'B');
    for (size_t i = 0; i < 16; i++) {
        assert_int_equal(small1[i], 'a');
        assert_int_equal(small2[i], 'c');
    }
    /* an oversized first allocation on an empty arena */
    tk_arena b;
    tk_arena_init(&b, 64);
    char *first = tk_arena_alloc(&b, 5000);
    assert_non_null(first);
    memset(first, 'x', 5000);
    char *after = tk_arena_alloc(&b, 8);
    assert_non_null(after);
    memset(after, 'y', 8);
    assert_int_equal(first[4999], 'x');
    tk_arena_free(&b);
    tk_arena_free(&a);
}

static void test_zero_block_size_uses_default(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 0);
    assert_true(a.block_size > 0);
    assert_non_null(tk_arena_alloc(&a, 100));
    tk_arena_free(&a);
}

static void test_strndup_copies_and_terminates(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 256);
    const char src[] = "hello, world";
    char *p = tk_arena_strndup(&a, src, 5);
    assert_non_null(p);
    assert_ptr_not_equal(p, src);
    assert_string_equal(p, "hello");
    assert_int_equal(strlen(p), 5);
    /* embedded bytes are copied verbatim, including a NUL in the middle */
    char *q = tk_arena_strndup(&a, "a\0b", 3);
    assert_non_null(q);
    assert_memory_equal(q, "a\0b", 4);
    /* n = 0 gives an empty string */
    char *e = tk_arena_strndup(&a, "xyz", 0);
    assert_non_null(e);
    assert_string_equal(e, "");
    tk_arena_free(&a);
}

static void test_reset_reuses_memory(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 256);
    char *first = NULL; /* start of the first block, which reset keeps */
    for (int round = 0; round < 5; round++) {
        char *ptrs[100];
        for (int i = 0; i < 100; i++) {
            ptrs[i] = tk_arena_strndup(&a, "0123456789abcdef0123456789", 26);
            assert_non_null(ptrs[i]);
            if (!first) first = ptrs[0];
            /* after a reset, allocation starts again at the kept block */
            if (i == 0) assert_ptr_equal(ptrs[0], first);
            ptrs[i][0] = (char)('A' + i % 26);
        }
        char *big = tk_arena_alloc(&a, 4096);
        assert_non_null(big);
        memset(big, round, 4096);
        for (int i = 0; i < 100; i++) {
            assert_int_equal(ptrs[i][0], 'A' + i % 26);
            assert_string_equal(ptrs[i] + 1, "123456789abcdef0123456789");
        }
        tk_arena_reset(&a);
        /* only one block remains after a reset */
        assert_non_null(a.head);
    }
    /* a reset with only the first block in use rewinds it too */
    void *p1 = tk_arena_alloc(&a, 8);
    assert_ptr_equal(p1, first);
    tk_arena_reset(&a);
    assert_ptr_equal(tk_arena_alloc(&a, 8), first);
    tk_arena_free(&a);
}

static void test_reset_and_free_on_empty_arena(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 64);
    tk_arena_reset(&a);
    assert_null(a.head);
    tk_arena_free(&a);
    assert_null(a.head);
    tk_arena_free(&a); /* twice is harmless */
    assert_null(a.head);
    /* still usable after free */
    assert_non_null(tk_arena_alloc(&a, 10));
    tk_arena_free(&a);
}

static void test_huge_request_fails_cleanly(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a, 64);
    assert_null(tk_arena_alloc(&a, SIZE_MAX));
    assert_null(tk_arena_alloc(&a, SIZE_MAX - 3));
    assert_non_null(tk_arena_alloc(&a, 4));
    tk_arena_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pointers_are_max_aligned),
        cmocka_unit_test(test_small_allocs_fill_several_blocks),
        cmocka_unit_test(test_allocation_bigger_than_block),
        cmocka_unit_test(test_zero_block_size_uses_default),
        cmocka_unit_test(test_strndup_copies_and_terminates),
        cmocka_unit_test(test_reset_reuses_memory),
        cmocka_unit_test(test_reset_and_free_on_empty_arena),
        cmocka_unit_test(test_huge_request_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
