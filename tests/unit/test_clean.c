/* test_clean.c — the clean stage: the "-!" title debris length, and the
 * removal reasons the boilerplate rules give on small stories run through
 * the whole pipeline (subscription offer, photo caption, article age
 * notice, sign-off), a real sentence that must be kept, and the shape of
 * story->removed (sorted, non-overlapping, never under a token). */
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
#include "clean/clean.h"

#include "fixture.h"

/* Checks the invariants of story->removed and that no token lies in a
 * removed span. */
static void check_removed_shape(const tk_story *s) {
    for (size_t i = 0; i < s->removed.n; i++) {
        const tk_removed *r = &s->removed.v[i];
        assert_true(r->start < r->end);
        assert_true(r->end <= s->text_len);
        assert_non_null(r->reason);
        if (i) assert_true(s->removed.v[i - 1].end <= r->start);
    }
    for (size_t i = 0; i < s->tokens.n; i++)
        assert_false(tk_clean_is_removed(s, s->tokens.v[i].start, s->tokens.v[i].end));
}

static tk_story *code(void **state, const char *text) {
    tk_story *s = ((fixture *)*state)->s;
    assert_int_equal(tk_story_load_text(s, text, strlen(text), "t.txt"), TK_OK);
    assert_int_equal(tk_story_code(s), TK_OK);
    check_removed_shape(s);
    return s;
}

/* The removed span whose text is `z`, or NULL. */
static const tk_removed *removed_text(const tk_story *s, const char *z) {
    size_t n = strlen(z);
    for (size_t i = 0; i < s->removed.n; i++) {
        const tk_removed *r = &s->removed.v[i];
        if (r->end - r->start == n && memcmp(s->text + r->start, z, n) == 0) return r;
    }
    return NULL;
}

static bool has_sentence(const tk_story *s, const char *z) {
    size_t n = strlen(z);
    for (size_t i = 0; i < s->sentences.n; i++) {
        const tk_sentence *x = &s->sentences.v[i];
        if (x->end - x->start == n && memcmp(s->text + x->start, z, n) == 0) return true;
    }
    return false;
}

#define TITLE_LEN(lit) tk_clean_title_length((lit), sizeof(lit) - 1)

static void test_title_length(void **state) {
    (void)state;
    assert_int_equal(TITLE_LEN("Title -!"), 5);
    assert_int_equal(TITLE_LEN("Title - !"), 5);
    assert_int_equal(TITLE_LEN("Title"), 5);
    assert_int_equal(TITLE_LEN("Well-known"), 10);
    assert_int_equal(TITLE_LEN("Title \xe2\x80\x93!"), 5); /* en dash */
    assert_int_equal(TITLE_LEN("Title !-"), 5);
    /* a lone dash or a lone "!" is not debris */
    assert_int_equal(TITLE_LEN("Title -"), 7);
    assert_int_equal(TITLE_LEN("Stop!"), 5);
    /* debris with nothing before it is left alone */
    assert_int_equal(TITLE_LEN("-!"), 2);
    assert_int_equal(TITLE_LEN(""), 0);
}

static void test_title_debris_removed(void **state) {
    tk_story *s = code(state, "Talks open in Geneva -!\n\nDelegates met on Monday to discuss the plan.");
    const tk_removed *r = removed_text(s, "-!");
    assert_non_null(r);
    assert_string_equal(r->reason, "debris");
    assert_true(has_sentence(s, "Talks open in Geneva"));
}

static void test_subscription_offer(void **state) {
    tk_story *s = code(state,
                       "Talks open in Geneva\n\n"
                       "Delegates met on Monday to discuss the ceasefire plan.\n\n"
                       "Subscribe now for unlimited access to all our articles\n\n"
                       "The talks will resume next week, officials said.");
    assert_int_equal(s->removed.n, 1);
    const tk_removed *r = removed_text(s, "Subscribe now for unlimited access to all our articles");
    assert_non_null(r);
    assert_string_equal(r->reason, "subscription offer");
    assert_true(has_sentence(s, "The talks will resume next week, officials said."));
    assert_int_equal(s->sentences.n, 3);
}

static void test_photo_caption_after_marker(void **state) {
    tk_story *s = code(state,
                       "Talks open\n\n"
                       "Delegates met on Monday to discuss the ceasefire plan.\n\n"
                       "Hide caption\n"
                       "A delegate arrives at the venue in Geneva on Monday.\n\n"
                       "The talks will resume next week, officials said.");
    const tk_removed *m = removed_text(s, "Hide caption");
    assert_non_null(m);
    assert_string_equal(m->reason, "photo caption");
    const tk_removed *c = removed_text(s, "A delegate arrives at the venue in Geneva on Monday.");
    assert_non_null(c);
    assert_string_equal(c->reason, "photo caption");
    assert_false(has_sentence(s, "A delegate arrives at the venue in Geneva on Monday."));
    assert_int_equal(s->sentences.n, 3);
}

static void test_photo_caption_one_line(void **state) {
    tk_story *s = code(state,
                       "Hide caption A delegate arrives at the venue.\n\n"
                       "Delegates met on Monday to discuss the ceasefire plan.");
    const tk_removed *r = removed_text(s, "Hide caption A delegate arrives at the venue.");
    assert_non_null(r);
    assert_string_equal(r->reason, "photo caption");
    assert_int_equal(s->sentences.n, 1);
}

static void test_article_age_notice(void **state) {
    tk_story *s = code(state,
                       "This article is more than 2 years old\n\n"
                       "Delegates met on Monday to discuss the ceasefire plan.");
    const tk_removed *r = removed_text(s, "This article is more than 2 years old");
    assert_non_null(r);
    assert_string_equal(r->reason, "article age notice");
    assert_int_equal(s->sentences.n, 1);
    assert_true(has_sentence(s, "Delegates met on Monday to discuss the ceasefire plan."));
}

static void test_sign_off(void **state) {
    tk_story *s = code(state, "Delegates met on Monday to sign the trade agreement. REUTER");
    assert_int_equal(s->removed.n, 1);
    const tk_removed *r = &s->removed.v[0];
    assert_string_equal(r->reason, "sign-off");
    /* the span is exactly REUTER at the end; the sentence is untouched */
    assert_int_equal(r->end, s->text_len);
    assert_int_equal(r->end - r->start, 6);
    assert_memory_equal(s->text + r->start, "REUTER", 6);
    assert_true(r->start >= (uint32_t)strlen("Delegates met on Monday to sign the trade agreement."));
    assert_int_equal(s->sentences.n, 1);
    assert_true(has_sentence(s, "Delegates met on Monday to sign the trade agreement."));
    /* a sign-off alone on its line is the whole line */
    s = code(state, "Delegates met on Monday to sign the trade agreement.\nREUTER");
    const tk_removed *l = removed_text(s, "REUTER");
    assert_non_null(l);
    assert_string_equal(l->reason, "sign-off");
    /* REUTER inside a sentence is not a sign-off */
    s = code(state, "Officials told REUTER they would sign the agreement soon.");
    assert_int_equal(s->removed.n, 0);
}

static void test_real_sentence_kept(void **state) {
    const char z[] = "The ministry said subscriptions to the bond rose by 3 percent.";
    tk_story *s = code(state, z);
    assert_int_equal(s->removed.n, 0);
    assert_int_equal(s->sentences.n, 1);
    assert_true(has_sentence(s, z));
    /* and within a longer story */
    s = code(state, "Bond sale\n\nThe ministry said subscriptions to the bond rose by 3 percent.\n\n"
                    "Investors welcomed the news, analysts said.");
    assert_int_equal(s->removed.n, 0);
    assert_true(has_sentence(s, z));
}

static void test_removed_sorted_and_disjoint(void **state) {
    tk_story *s = code(state,
                       "Talks open in Geneva -!\n\n"
                       "Delegates met on Monday (AP Photo/Jane Doe) to discuss the plan.\n\n"
                       "Subscribe now for unlimited access\n\n"
                       "Share this article\n\n"
                       "This article is more than 2 years old\n\n"
                       "The talks will resume next week, officials said. REUTER");
    /* one span per rule, found in different passes, come out in text order */
    assert_int_equal(s->removed.n, 6);
    static const char *const reasons[] = {"debris", "photo credit", "subscription offer",
                                          "widget text", "article age notice", "sign-off"};
    for (size_t i = 0; i < 6; i++) assert_string_equal(s->removed.v[i].reason, reasons[i]);
    assert_int_equal(s->sentences.n, 3);
    /* the inline credit's words are not tokens */
    for (size_t i = 0; i < s->tokens.n; i++) {
        const tk_token *t = &s->tokens.v[i];
        assert_false(t->end - t->start == 5 && memcmp(s->text + t->start, "Photo", 5) == 0);
    }
}

static void test_is_removed_lookup(void **state) {
    tk_story *s = code(state,
                       "Talks open\n\n"
                       "Subscribe now for unlimited access\n\n"
                       "Delegates met on Monday to discuss the ceasefire plan.");
    assert_int_equal(s->removed.n, 1);
    uint32_t a = s->removed.v[0].start, b = s->removed.v[0].end;
    assert_true(tk_clean_is_removed(s, a, a + 1));
    assert_true(tk_clean_is_removed(s, b - 1, b));
    assert_true(tk_clean_is_removed(s, 0, (uint32_t)s->text_len));
    assert_false(tk_clean_is_removed(s, 0, a));
    assert_false(tk_clean_is_removed(s, b, (uint32_t)s->text_len));
}

static void test_everything_removed_warns(void **state) {
    tk_story *s = code(state, "Subscribe now for unlimited access");
    assert_int_equal(s->sentences.n, 0);
    assert_int_equal(s->removed.n, 1);
    assert_int_equal(s->warnings.n, 1);
    assert_non_null(strstr(s->warnings.v[0], "removed as boilerplate"));
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_length),
        T(test_title_debris_removed),
        T(test_subscription_offer),
        T(test_photo_caption_after_marker),
        T(test_photo_caption_one_line),
        T(test_article_age_notice),
        T(test_sign_off),
        T(test_real_sentence_kept),
        T(test_removed_sorted_and_disjoint),
        T(test_is_removed_lookup),
        T(test_everything_removed_warns),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
