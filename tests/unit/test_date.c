/* test_date.c — event dates from the story date and the sentence's words
 * (src/code/date.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tarikh.h"
#include "engine/story.h"
#include "code/code.h"

/* The date of `sentence` (words separated by blanks) in a story dated day. */
static int32_t date_of(tk_story *s, const char *sentence, int32_t day) {
    static char buf[512];
    tk_word w[64];
    size_t n = 0;
    strncpy(buf, sentence, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *p = strtok(buf, " "); p && n < 64; p = strtok(NULL, " ")) w[n++] = (tk_word){p, (uint32_t)strlen(p)};
    return tk_code_sentence_date(s, w, n, day, NULL, 0);
}

static void test_dates(void **state) {
    (void)state;
    tk_options o = {.no_events = 1};
    tk_engine *e = tk_engine_new(&o);
    tk_story *s = tk_story_new(e);
    assert_int_equal(tk_story_load_text(s, "x", 1, "t"), TK_OK);
    /* 2022-01-11 was a Tuesday */
    assert_int_equal(date_of(s, "france condemned on tuesday the arrival", 20220111), 20220111);
    assert_int_equal(date_of(s, "the army attacked on monday", 20220111), 20220110);
    assert_int_equal(date_of(s, "talks resumed on wednesday", 20220111), 20220105);
    assert_int_equal(date_of(s, "mali rejected it yesterday", 20220101), 20211231);
    assert_int_equal(date_of(s, "the envoy came last week", 20220111), 20220104);
    assert_int_equal(date_of(s, "the rebels attacked on march 19", 20220111), 20210319);
    assert_int_equal(date_of(s, "the rebels attacked on 3 january", 20220111), 20220103);
    assert_int_equal(date_of(s, "signed on march 19 , 2020", 20220111), 20200319);
    assert_int_equal(date_of(s, "nothing here", 20220111), 20220111);
    assert_int_equal(date_of(s, "on tuesday", 0), 0); /* no story date: unknown */
    /* a garbled year: a warning, and no date from it */
    size_t w0 = s->warnings.n;
    assert_int_equal(date_of(s, "in march 19 , 2914 they met", 20220111), 20220111);
    assert_int_equal(s->warnings.n, w0 + 1);
    assert_non_null(strstr(s->warnings.v[w0], "implausible year 2914"));
    tk_story_free(s);
    tk_engine_free(e);
}

int main(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_dates)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
