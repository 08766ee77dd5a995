/* test_read.c — the read stage through the public API: JSON Lines records
 * (fields, errors with their messages, meta, ids, dates, UTF-8 and NUL
 * repair, the size limit), plain-text stories (title detection), and the
 * calendar check tk_read_date_valid(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tarikh.h"
#include "engine/story.h"
#include "read/read.h"

#include "fixture.h"

#define STORY(state) (((fixture *)*(state))->s)
/* Loads a JSON Lines record given as a string literal (may hold NULs). */
#define LOAD(s, lit) tk_story_load_jsonl((s), (lit), sizeof(lit) - 1, "f.jsonl:7")

static bool contains(const char *hay, const char *needle) {
    return hay && strstr(hay, needle) != NULL;
}

/* Does some warning of the story contain `needle`? */
static bool warned(const tk_story *s, const char *needle) {
    for (size_t i = 0; i < s->warnings.n; i++)
        if (contains(s->warnings.v[i], needle)) return true;
    return false;
}

static void assert_text(const tk_story *s, const char *want, size_t n) {
    assert_non_null(s->text);
    assert_int_equal(s->text_len, n);
    assert_memory_equal(s->text, want, n);
}
#define ASSERT_TEXT(s, lit) assert_text((s), (lit), sizeof(lit) - 1)

/* ---- JSON Lines records ---- */

static void test_full_record(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"id\":\"afp-1\",\"date\":\"2022-01-11\",\"title\":\"Talks open\","
                             "\"source\":\"AFP\",\"url\":\"https://example.org/a\","
                             "\"text\":\"Talks opened in Geneva.\"}"),
                     TK_OK);
    assert_string_equal(s->id, "afp-1");
    assert_string_equal(s->date, "2022-01-11");
    assert_string_equal(s->title, "Talks open");
    assert_int_equal(s->title_len, 10);
    assert_string_equal(s->source, "AFP");
    assert_string_equal(s->url, "https://example.org/a");
    ASSERT_TEXT(s, "Talks opened in Geneva.");
    assert_null(s->meta_json);
    assert_int_equal(s->warnings.n, 0);
    assert_int_equal(tk_story_warning_count(s), 0);
    assert_string_equal(tk_story_errmsg(s), "");
}

static void test_escapes_decoded(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":\"\\\"Hi\\\"\\n\\u00e9\\ud83d\\ude00\\\\\"}"), TK_OK);
    ASSERT_TEXT(s, "\"Hi\"\n\xc3\xa9\xf0\x9f\x98\x80\\");
    assert_int_equal(s->warnings.n, 0);
}

static void test_missing_text(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"id\":\"x\",\"title\":\"t\"}"), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "no \"text\""));
    /* the story is left empty */
    assert_null(s->text);
    assert_null(s->id);
    assert_int_equal(tk_story_code(s), TK_EUSAGE);
}

static void test_text_not_a_string(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":42}"), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "not a string"));
    assert_true(contains(tk_story_errmsg(s), "a number"));
    assert_int_equal(LOAD(s, "{\"text\":null}"), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "not a string"));
    assert_null(s->text);
}

static void test_invalid_json(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\": \"a\",}"), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "invalid JSON at column"));
    assert_int_equal(LOAD(s, "{\"text\": "), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "invalid JSON at column"));
    assert_int_equal(LOAD(s, ""), TK_EINPUT);
    assert_string_equal(tk_story_errmsg(s), "invalid JSON at column 1");
    assert_null(s->text);
}

static void test_json_array(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "[{\"text\":\"a\"}]"), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "an array"));
    assert_true(contains(tk_story_errmsg(s), "not a JSON object"));
    assert_int_equal(LOAD(s, "\"text\""), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "not a JSON object"));
}

static void test_trailing_garbage(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":\"a\"} x"), TK_EINPUT);
    assert_string_equal(tk_story_errmsg(s), "invalid JSON at column 14: text after the record");
    assert_int_equal(LOAD(s, "{\"text\":\"a\"}{\"text\":\"b\"}"), TK_EINPUT);
    assert_true(contains(tk_story_errmsg(s), "text after the record"));
    /* blanks and a CR after the object are fine */
    assert_int_equal(LOAD(s, "{\"text\":\"a\"} \t\r"), TK_OK);
    ASSERT_TEXT(s, "a");
}

static void test_error_then_success_resets(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "[]"), TK_EINPUT);
    assert_int_equal(LOAD(s, "{\"text\":\"ok\"}"), TK_OK);
    assert_string_equal(tk_story_errmsg(s), "");
    ASSERT_TEXT(s, "ok");
}

static void test_extra_fields_go_to_meta(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":\"a\",\"lang\":\"en\",\"n\":3,\"meta\":{\"feed\":\"rss\"}}"),
                     TK_OK);
    assert_non_null(s->meta_json);
    /* members of the input "meta" come first, then the extra fields */
    assert_string_equal(s->meta_json, "{\"feed\":\"rss\",\"lang\":\"en\",\"n\":3}");
    /* a top-level field replaces the same key inside "meta": one key only */
    assert_int_equal(LOAD(s, "{\"text\":\"a\",\"meta\":{\"lang\":\"fr\"},\"lang\":\"en\"}"), TK_OK);
    assert_string_equal(s->meta_json, "{\"lang\":\"en\"}");
    /* known fields never appear in meta */
    assert_false(contains(s->meta_json, "\"text\""));
    /* a "meta" that is not an object is kept under its own name */
    assert_int_equal(LOAD(s, "{\"text\":\"a\",\"meta\":[1,2]}"), TK_OK);
    assert_string_equal(s->meta_json, "{\"meta\":[1,2]}");
    /* null meta and no extras: nothing */
    assert_int_equal(LOAD(s, "{\"text\":\"a\",\"meta\":null}"), TK_OK);
    assert_null(s->meta_json);
}

static void test_numeric_id(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"id\":12345,\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->id, "12345");
    assert_int_equal(LOAD(s, "{\"id\":-7,\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->id, "-7");
    assert_int_equal(s->warnings.n, 0);
}

static void test_missing_id_uses_fallback(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->id, "f.jsonl:7");
    assert_int_equal(LOAD(s, "{\"id\":null,\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->id, "f.jsonl:7");
    /* no fallback given: no id */
    assert_int_equal(tk_story_load_jsonl(s, "{\"text\":\"a\"}", 12, NULL), TK_OK);
    assert_null(s->id);
}

static void test_wrong_type_optional_field_warns(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"title\":5,\"source\":[\"x\"],\"text\":\"a\"}"), TK_OK);
    assert_null(s->title);
    assert_null(s->source);
    assert_int_equal(s->warnings.n, 2);
    assert_true(warned(s, "field \"title\" is a number, not a string; ignored"));
    assert_true(warned(s, "field \"source\" is an array"));
}

static void test_impossible_date(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"date\":\"2022-02-30\",\"text\":\"a\"}"), TK_OK);
    assert_null(s->date);
    assert_int_equal(s->warnings.n, 1);
    assert_true(warned(s, "2022-02-30"));
    assert_int_equal(LOAD(s, "{\"date\":\"yesterday\",\"text\":\"a\"}"), TK_OK);
    assert_null(s->date);
    assert_true(warned(s, "yesterday"));
}

static void test_leap_day_date(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"date\":\"2020-02-29\",\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->date, "2020-02-29");
    assert_int_equal(s->warnings.n, 0);
}

static void test_datetime_cut_to_date(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"date\":\"2022-01-11T10:00:00Z\",\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->date, "2022-01-11");
    assert_int_equal(s->warnings.n, 0);
    assert_int_equal(LOAD(s, "{\"date\":\"2022-01-11 23:59\",\"text\":\"a\"}"), TK_OK);
    assert_string_equal(s->date, "2022-01-11");
}

static void test_invalid_utf8_in_text_repaired(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":\"ab\xff" "cd\"}"), TK_OK);
    ASSERT_TEXT(s, "ab\xef\xbf\xbd" "cd");
    assert_int_equal(s->warnings.n, 1);
    assert_true(warned(s, "invalid UTF-8"));
    assert_true(warned(s, "first at byte 2"));
}

static void test_nul_escape_in_text(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(LOAD(s, "{\"text\":\"ab\\u0000cd\"}"), TK_OK);
    /* the text is not cut at the NUL: U+FFFD takes its place */
    ASSERT_TEXT(s, "ab\xef\xbf\xbd" "cd");
    assert_int_equal(s->warnings.n, 1);
    assert_true(warned(s, "NUL"));
    /* a raw NUL byte inside the string too */
    assert_int_equal(LOAD(s, "{\"text\":\"ab\0cd\"}"), TK_OK);
    ASSERT_TEXT(s, "ab\xef\xbf\xbd" "cd");
    assert_true(warned(s, "NUL"));
}

static void test_escaped_backslash_before_u0000_is_text(void **state) {
    tk_story *s = STORY(state);
    /* JSON "a\\u0000": an escaped backslash, then the letters u0000 */
    assert_int_equal(LOAD(s, "{\"text\":\"a\\\\u0000\"}"), TK_OK);
    ASSERT_TEXT(s, "a\\u0000");
    assert_int_equal(s->warnings.n, 0);
}

static void test_record_over_limit(void **state) {
    (void)state;
    tk_options o = {.max_story_bytes = 100};
    tk_engine *e = tk_engine_new(&o);
    assert_non_null(e);
    tk_story *s = tk_story_new(e);
    assert_non_null(s);
    char line[200];
    int n = snprintf(line, sizeof line, "{\"text\":\"%0120d\"}", 0);
    assert_true(n > 100);
    assert_int_equal(tk_story_load_jsonl(s, line, (size_t)n, NULL), TK_ETOOBIG);
    assert_true(contains(tk_story_errmsg(s), "exceeds the limit of 100 bytes"));
    assert_null(s->text);
    /* exactly at the limit is accepted */
    n = snprintf(line, sizeof line, "{\"text\":\"%089d\"}", 0);
    assert_int_equal(n, 100);
    assert_int_equal(tk_story_load_jsonl(s, line, (size_t)n, NULL), TK_OK);
    assert_int_equal(s->text_len, 89);
    /* and a text story over the limit too */
    char big[150];
    memset(big, 'x', sizeof big);
    assert_int_equal(tk_story_load_text(s, big, sizeof big, "big.txt"), TK_ETOOBIG);
    tk_story_free(s);
    tk_engine_free(e);
}

static void test_usage_errors(void **state) {
    tk_story *s = STORY(state);
    assert_int_equal(tk_story_load_jsonl(NULL, "{}", 2, NULL), TK_EUSAGE);
    assert_int_equal(tk_story_load_jsonl(s, NULL, 3, NULL), TK_EUSAGE);
    assert_int_equal(tk_story_load_text(s, NULL, 3, NULL), TK_EUSAGE);
    assert_null(tk_story_new(NULL));
}

/* ---- plain-text stories ---- */

static void test_text_title_detected(void **state) {
    tk_story *s = STORY(state);
    const char t[] = "Talks open in Geneva\n\nDelegates met on Monday.\n";
    assert_int_equal(tk_story_load_text(s, t, sizeof t - 1, "geneva.txt"), TK_OK);
    assert_string_equal(s->id, "geneva.txt");
    assert_non_null(s->title);
    assert_string_equal(s->title, "Talks open in Geneva");
    assert_int_equal(s->title_len, 20);
    /* the text is the whole file: offsets count from its first byte */
    ASSERT_TEXT(s, "Talks open in Geneva\n\nDelegates met on Monday.\n");
    /* blanks around the title and a CRLF blank line */
    const char u[] = "  Title here \r\n \t\r\nBody.";
    assert_int_equal(tk_story_load_text(s, u, sizeof u - 1, NULL), TK_OK);
    assert_string_equal(s->title, "Title here");
    assert_int_equal(s->title_len, 10);
    assert_null(s->id);
}

static void test_text_no_title_without_blank_line(void **state) {
    tk_story *s = STORY(state);
    const char t[] = "Delegates met on Monday.\nThey agreed on a date.\n\nMore.";
    assert_int_equal(tk_story_load_text(s, t, sizeof t - 1, "x.txt"), TK_OK);
    assert_null(s->title);
    assert_int_equal(s->title_len, 0);
    /* a single line: no title */
    assert_int_equal(tk_story_load_text(s, "One line.", 9, "x.txt"), TK_OK);
    assert_null(s->title);
    /* a first line followed by a newline and then the end: no title */
    assert_int_equal(tk_story_load_text(s, "Headline\n", 9, "x.txt"), TK_OK);
    assert_null(s->title);
}

static void test_text_invalid_utf8_repaired(void **state) {
    tk_story *s = STORY(state);
    const char t[] = "caf\xe9 au lait\0.";
    assert_int_equal(tk_story_load_text(s, t, sizeof t - 1, "x.txt"), TK_OK);
    ASSERT_TEXT(s, "caf\xef\xbf\xbd au lait\xef\xbf\xbd.");
    assert_int_equal(s->warnings.n, 2);
    assert_true(warned(s, "invalid UTF-8"));
    assert_true(warned(s, "NUL"));
}

/* ---- tk_read_date_valid ---- */

#define DATE_OK(lit) tk_read_date_valid((lit), sizeof(lit) - 1)

static void test_date_valid_leap_years(void **state) {
    (void)state;
    assert_false(DATE_OK("1900-02-29")); /* divisible by 100: not leap */
    assert_true(DATE_OK("1900-02-28"));
    assert_true(DATE_OK("2000-02-29"));  /* divisible by 400: leap */
    assert_true(DATE_OK("2024-02-29"));
    assert_false(DATE_OK("2023-02-29"));
    assert_false(DATE_OK("2100-02-29"));
}

static void test_date_valid_ranges(void **state) {
    (void)state;
    assert_false(DATE_OK("2021-13-01"));
    assert_false(DATE_OK("2021-00-10"));
    assert_false(DATE_OK("2021-01-00"));
    assert_false(DATE_OK("2021-01-32"));
    assert_false(DATE_OK("2021-04-31"));
    assert_true(DATE_OK("2021-12-31"));
    assert_false(DATE_OK("1799-12-31"));
    assert_true(DATE_OK("1800-01-01"));
    assert_true(DATE_OK("2199-12-31"));
    assert_false(DATE_OK("2200-01-01"));
}

static void test_date_valid_shape(void **state) {
    (void)state;
    assert_true(DATE_OK("2022-01-11T10:00:00Z"));
    assert_true(DATE_OK("2022-01-11 10:00"));
    assert_false(DATE_OK("2022-01-11X"));
    assert_false(DATE_OK("2022/01/11"));
    assert_false(DATE_OK("2022-1-11"));
    assert_false(DATE_OK("22-01-11"));
    assert_false(DATE_OK(""));
    assert_false(DATE_OK("2022-0a-11"));
    /* the length bounds the check */
    assert_false(tk_read_date_valid("2022-01-11", 9));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_full_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escapes_decoded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_not_a_string, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_array, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trailing_garbage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_then_success_resets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_extra_fields_go_to_meta, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numeric_id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_id_uses_fallback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_type_optional_field_warns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_impossible_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_leap_day_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_datetime_cut_to_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_in_text_repaired, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_escape_in_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_escaped_backslash_before_u0000_is_text, setup, teardown),
        cmocka_unit_test(test_record_over_limit),
        cmocka_unit_test_setup_teardown(test_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_title_detected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_no_title_without_blank_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_invalid_utf8_repaired, setup, teardown),
        cmocka_unit_test(test_date_valid_leap_years),
        cmocka_unit_test(test_date_valid_ranges),
        cmocka_unit_test(test_date_valid_shape),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
