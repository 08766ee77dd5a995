/* test_sentences.c — scores the sentence splitter on the gold file
 * tests/segment/sentences.gold (blocks of one expected sentence per line;
 * the input is the lines joined by a space; a line starting "~ " is input
 * only, e.g. a dateline). Prints every wrong block and
 * the accuracy; fails below the floor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tarikh.h"
#include "engine/story.h"

#define FLOOR 0.99 /* share of gold sentences found exactly */

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)sz + 1);
    if (p && fread(p, 1, (size_t)sz, f) != (size_t)sz) { free(p); p = NULL; }
    if (p) p[sz] = '\0';
    fclose(f);
    *n = (size_t)sz;
    return p;
}

static void test_gold(void **state) {
    (void)state;
    const char *dir = getenv("TK_TESTS") ? getenv("TK_TESTS") : "tests";
    char path[512];
    snprintf(path, sizeof path, "%s/segment/sentences.gold", dir);
    size_t n;
    char *gold = slurp(path, &n);
    assert_non_null(gold);
    tk_engine *e = tk_engine_new(NULL);
    tk_story *s = tk_story_new(e);
    size_t total = 0, right = 0, blocks = 0, blocks_right = 0, predicted = 0;
    char *p = gold;
    while (*p) {
        /* collect one block */
        char *lines[64], *inputs[64];
        size_t nl = 0, ni = 0;
        while (*p && *p != '\n') {
            char *e2 = strchr(p, '\n');
            if (!e2) e2 = p + strlen(p);
            if (p[0] == '~' && p[1] == ' ' && ni < 64) inputs[ni++] = p + 2;
            else if (*p != '#' && nl < 64) lines[nl++] = p;
            if (*p != '#' && ni < 64 && !(p[0] == '~' && p[1] == ' ')) inputs[ni++] = p;
            char *next = *e2 ? e2 + 1 : e2;
            *e2 = '\0';
            p = next;
        }
        while (*p == '\n') p++;
        if (!nl) continue;
        char input[8192];
        size_t len = 0;
        for (size_t i = 0; i < ni; i++) {
            size_t k = strlen(inputs[i]);
            if (len + k + 2 >= sizeof input) break;
            if (i) input[len++] = ' ';
            memcpy(input + len, inputs[i], k);
            len += k;
        }
        assert_int_equal(tk_story_load_text(s, input, len, "gold"), TK_OK);
        assert_int_equal(tk_story_code(s), TK_OK);
        blocks++;
        total += nl;
        predicted += s->sentences.n;
        size_t ok = 0;
        for (size_t i = 0; i < nl; i++) {
            for (size_t k = 0; k < s->sentences.n; k++) {
                const tk_sentence *x = &s->sentences.v[k];
                if (x->end - x->start == strlen(lines[i]) &&
                    memcmp(s->text + x->start, lines[i], x->end - x->start) == 0) { ok++; break; }
            }
        }
        right += ok;
        if (ok == nl && s->sentences.n == nl) {
            blocks_right++;
        } else {
            printf("MISSPLIT block %zu: expected %zu sentences, got %zu\n", blocks, nl, s->sentences.n);
            for (size_t k = 0; k < s->sentences.n; k++)
                printf("   got: %.*s\n", (int)(s->sentences.v[k].end - s->sentences.v[k].start),
                       s->text + s->sentences.v[k].start);
        }
    }
    double recall = total ? (double)right / (double)total : 0;
    double precision = predicted ? (double)right / (double)predicted : 0;
    printf("sentence splitter: %zu/%zu gold sentences exact (%.1f%%), precision %.1f%%, "
           "%zu/%zu blocks exact\n", right, total, 100 * recall, 100 * precision, blocks_right, blocks);
    assert_true(total >= 300);
    assert_true(recall >= FLOOR);
    tk_story_free(s);
    tk_engine_free(e);
    free(gold);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_gold)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
