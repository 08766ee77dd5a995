/* test_segment.c — the tokenizer and the dateline finder, through
 * tk_story_load_text() + tk_story_code() and the story's token array:
 * clitics, abbreviations, titles, numbers, hyphenated words, URLs,
 * typographic apostrophes and their norm, datelines and where the first
 * sentence starts. */
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
#include "segment/segment.h"

#include "fixture.h"

/* Loads and codes `text`; returns the story. */
static tk_story *code(void **state, const char *text) {
    tk_story *s = ((fixture *)*state)->s;
    assert_int_equal(tk_story_load_text(s, text, strlen(text), "t.txt"), TK_OK);
    assert_int_equal(tk_story_code(s), TK_OK);
    return s;
}

/* Index of the first token whose bytes are `z`, or -1. */
static long find_tok(const tk_story *s, const char *z) {
    size_t n = strlen(z);
    for (size_t i = 0; i < s->tokens.n; i++) {
        const tk_token *t = &s->tokens.v[i];
        if (t->end - t->start == n && memcmp(s->text + t->start, z, n) == 0) return (long)i;
    }
    return -1;
}

/* The token at `i` must be `z`; returns it. */
static const tk_token *tok_at(const tk_story *s, long i, const char *z) {
    assert_true(i >= 0 && (size_t)i < s->tokens.n);
    const tk_token *t = &s->tokens.v[i];
    size_t n = strlen(z);
    assert_int_equal(t->end - t->start, n);
    assert_memory_equal(s->text + t->start, z, n);
    return t;
}

/* Offset of `z` in the story text. */
static uint32_t offset_of(const tk_story *s, const char *z) {
    const char *p = strstr(s->text, z);
    assert_non_null(p);
    return (uint32_t)(p - s->text);
}

static void assert_span(const tk_story *s, uint32_t a, uint32_t b, const char *z) {
    size_t n = strlen(z);
    assert_int_equal(b - a, n);
    assert_memory_equal(s->text + a, z, n);
}

/* ---- tokens ---- */

static void test_possessive_clitic_split(void **state) {
    tk_story *s = code(state, "Goita's men arrived.");
    long i = find_tok(s, "Goita");
    const tk_token *w = tok_at(s, i, "Goita");
    assert_int_equal(w->kind, TK_TOK_WORD);
    assert_false(w->flags & TK_TF_CLITIC);
    assert_true(w->flags & TK_TF_UPPER);
    const tk_token *c = tok_at(s, i + 1, "'s");
    assert_int_equal(c->kind, TK_TOK_WORD);
    assert_true(c->flags & TK_TF_CLITIC);
    assert_false(c->flags & TK_TF_SPACE_BEFORE);
    assert_int_equal(c->start, w->end);
    tok_at(s, i + 2, "men");
}

static void test_other_clitics_split(void **state) {
    tk_story *s = code(state, "We're here and they'll go.");
    const tk_token *re = tok_at(s, find_tok(s, "We") + 1, "'re");
    assert_true(re->flags & TK_TF_CLITIC);
    const tk_token *ll = tok_at(s, find_tok(s, "they") + 1, "'ll");
    assert_true(ll->flags & TK_TF_CLITIC);
    /* an apostrophe inside a name is not a clitic */
    s = code(state, "O'Brien's car left.");
    long i = find_tok(s, "O'Brien");
    assert_true(i >= 0);
    tok_at(s, i + 1, "'s");
}

/* "didn't" gives "did" + "n't", Penn-style, whatever the apostrophe */
static void test_negation_clitic_split(void **state) {
    tk_story *s = code(state, "They didn't go.");
    assert_int_equal(find_tok(s, "They"), 0);
    tok_at(s, 1, "did");
    const tk_token *t = tok_at(s, 2, "n't");
    assert_true(t->flags & TK_TF_CLITIC);
    tok_at(s, 3, "go");
    assert_int_equal(find_tok(s, "didn"), -1);
    s = code(state, "It isn\xe2\x80\x99t over and we can't stop.");
    tok_at(s, 1, "is");
    assert_true(s->tokens.v[2].flags & TK_TF_CLITIC);
    assert_true(find_tok(s, "ca") >= 0);
    assert_true(find_tok(s, "n't") >= 0);
}

static void test_abbreviation_one_token(void **state) {
    tk_story *s = code(state, "The U.S. envoy arrived.");
    const tk_token *t = tok_at(s, find_tok(s, "U.S."), "U.S.");
    assert_int_equal(t->kind, TK_TOK_WORD);
    assert_true(t->flags & TK_TF_ABBREV);
    assert_false(t->flags & TK_TF_TITLE);
    assert_int_equal(find_tok(s, "U"), -1);
    /* the abbreviation does not end the sentence */
    assert_int_equal(s->sentences.n, 1);
}

static void test_title_abbreviation(void **state) {
    tk_story *s = code(state, "He met Mr. Smith on Monday.");
    const tk_token *t = tok_at(s, find_tok(s, "Mr."), "Mr.");
    assert_true(t->flags & TK_TF_TITLE);
    assert_true(t->flags & TK_TF_ABBREV);
    tok_at(s, find_tok(s, "Mr.") + 1, "Smith");
    assert_int_equal(s->sentences.n, 1);
    /* a plain word before a full stop does not take it */
    s = code(state, "He left. She stayed.");
    tok_at(s, find_tok(s, "left") + 1, ".");
    assert_int_equal(s->sentences.n, 2);
}

static void test_numbers_one_token(void **state) {
    tk_story *s = code(state, "It rose 3.5 percent to 1,200 tonnes.");
    const tk_token *a = tok_at(s, find_tok(s, "3.5"), "3.5");
    assert_int_equal(a->kind, TK_TOK_NUMBER);
    const tk_token *b = tok_at(s, find_tok(s, "1,200"), "1,200");
    assert_int_equal(b->kind, TK_TOK_NUMBER);
    /* a comma not followed by three digits separates */
    s = code(state, "Scores were 1,2 and 3.");
    assert_int_equal(find_tok(s, "1,2"), -1);
    assert_true(find_tok(s, "1") >= 0);
    assert_true(find_tok(s, "2") >= 0);
}

static void test_hyphenated_word(void **state) {
    tk_story *s = code(state, "Fighters of al-Qaeda attacked.");
    const tk_token *t = tok_at(s, find_tok(s, "al-Qaeda"), "al-Qaeda");
    assert_int_equal(t->kind, TK_TOK_WORD);
    assert_int_equal(find_tok(s, "al"), -1);
    /* a spaced dash is a token of its own */
    s = code(state, "Talks - held in Geneva - ended.");
    assert_true(find_tok(s, "-") >= 0);
}

static void test_url_one_token(void **state) {
    tk_story *s = code(state, "Details at https://example.org/a.html today.");
    const tk_token *t = tok_at(s, find_tok(s, "https://example.org/a.html"), "https://example.org/a.html");
    assert_int_equal(t->kind, TK_TOK_WORD);
    /* the full stop ending a sentence is not part of the URL */
    s = code(state, "Details at https://example.org/a.html.");
    long i = find_tok(s, "https://example.org/a.html");
    assert_true(i >= 0);
    tok_at(s, i + 1, ".");
}

static void test_typographic_apostrophe_clitic(void **state) {
    tk_story *s = code(state, "Goita\xe2\x80\x99s men arrived.");
    long i = find_tok(s, "Goita");
    tok_at(s, i, "Goita");
    const tk_token *c = tok_at(s, i + 1, "\xe2\x80\x99s");
    assert_true(c->flags & TK_TF_CLITIC);
    assert_true(c->flags & TK_TF_NORM);
    size_t n;
    const char *norm = tk_token_norm(s, c, &n);
    assert_int_equal(n, 2);
    assert_memory_equal(norm, "'s", 2);
    /* an ASCII token's norm is its own bytes */
    const tk_token *w = &s->tokens.v[i];
    assert_false(w->flags & TK_TF_NORM);
    norm = tk_token_norm(s, w, &n);
    assert_int_equal(n, 5);
    assert_ptr_equal(norm, s->text + w->start);
}

static void test_token_offsets_in_order(void **state) {
    tk_story *s = code(state, "Mr. Smith's \"plan\" (draft) cost $3.5 billion... Really?\n\nYes.");
    assert_true(s->tokens.n > 10);
    for (size_t i = 0; i < s->tokens.n; i++) {
        const tk_token *t = &s->tokens.v[i];
        assert_true(t->start < t->end);
        assert_true(t->end <= s->text_len);
        if (i) assert_true(s->tokens.v[i - 1].end <= t->start);
    }
    assert_int_equal(s->tokens.v[find_tok(s, "(")].kind, TK_TOK_OPEN);
    assert_int_equal(s->tokens.v[find_tok(s, ")")].kind, TK_TOK_CLOSE);
    assert_int_equal(s->tokens.v[find_tok(s, "\"")].kind, TK_TOK_QUOTE);
    assert_true(s->tokens.v[find_tok(s, "...")].flags & TK_TF_ELLIPSIS);
    /* the paragraph after the blank line */
    const tk_token *yes = tok_at(s, find_tok(s, "Yes"), "Yes");
    assert_true(yes->flags & TK_TF_PARA_START);
    assert_true(yes->para > 0);
}

/* ---- datelines ---- */

static void test_dateline_place_and_agency(void **state) {
    tk_story *s = code(state, "KABUL (AFP) - The Taliban said on Sunday they would talk.");
    const tk_dateline *d = &s->dateline;
    assert_true(d->found);
    assert_span(s, d->place_start, d->place_end, "KABUL");
    assert_span(s, d->agency_start, d->agency_end, "AFP");
    assert_int_equal(d->date_end, 0);
    assert_span(s, d->start, d->end, "KABUL (AFP) -");
    assert_int_equal(s->sentences.n, 1);
    assert_int_equal(s->sentences.v[0].start, offset_of(s, "The Taliban"));
}

static void test_dateline_with_ellipsis_story(void **state) {
    tk_story *s = code(state, "KABUL (AFP) - The Taliban\xe2\x80\xa6");
    assert_true(s->dateline.found);
    assert_span(s, s->dateline.place_start, s->dateline.place_end, "KABUL");
    assert_int_equal(s->sentences.n, 1);
    assert_int_equal(s->sentences.v[0].start, offset_of(s, "The Taliban"));
    assert_int_equal(s->sentences.v[0].end, s->text_len);
}

static void test_dateline_place_and_date(void **state) {
    tk_story *s = code(state, "WASHINGTON, March 19 - The president spoke to reporters.");
    const tk_dateline *d = &s->dateline;
    assert_true(d->found);
    assert_span(s, d->place_start, d->place_end, "WASHINGTON");
    assert_span(s, d->date_start, d->date_end, "March 19");
    assert_int_equal(d->agency_end, 0);
    assert_int_equal(s->sentences.v[0].start, offset_of(s, "The president"));
}

static void test_dateline_after_source_name(void **state) {
    tk_story *s = code(state, "Canadian Press - VANCOUVER (CP) - The mayor spoke on Friday.");
    const tk_dateline *d = &s->dateline;
    assert_true(d->found);
    assert_int_equal(d->start, 0);
    assert_span(s, d->start, d->end, "Canadian Press - VANCOUVER (CP) -");
    assert_span(s, d->place_start, d->place_end, "VANCOUVER");
    assert_span(s, d->agency_start, d->agency_end, "CP");
    assert_int_equal(s->sentences.v[0].start, offset_of(s, "The mayor"));
}

static void test_dateline_multiword_place_date_agency(void **state) {
    tk_story *s = code(state, "NEW YORK, Jan. 5 (Reuters) \xe2\x80\x94 Stocks fell on Monday.");
    const tk_dateline *d = &s->dateline;
    assert_true(d->found);
    assert_span(s, d->place_start, d->place_end, "NEW YORK");
    assert_span(s, d->date_start, d->date_end, "Jan. 5");
    assert_span(s, d->agency_start, d->agency_end, "Reuters");
    assert_int_equal(s->sentences.v[0].start, offset_of(s, "Stocks"));
}

static void test_not_a_dateline(void **state) {
    tk_story *s = code(state, "NATO - the alliance said it would act.");
    assert_false(s->dateline.found);
    assert_int_equal(s->sentences.n, 1);
    assert_int_equal(s->sentences.v[0].start, 0);
    /* a short all-caps word is not a place */
    s = code(state, "UN - The body met on Monday.");
    assert_false(s->dateline.found);
    assert_int_equal(s->sentences.v[0].start, 0);
    /* an acronym is not a place, even before a capital */
    s = code(state, "NATO - The alliance said it would act.");
    assert_false(s->dateline.found);
    /* an ordinary first sentence */
    s = code(state, "The Taliban said on Sunday they would talk.");
    assert_false(s->dateline.found);
}

/* the word lists are binary-searched: they must stay sorted */
static void test_abbrev_lookups(void **state) {
    (void)state;
    assert_true(tk_abbrev_lists_sorted());
    assert_true(tk_is_sentence_starter("Most", 4));
    assert_true(tk_is_news_agency("RIA", 3));
    assert_int_equal(tk_abbrev_kind("Mr", 2), TK_ABBR_TITLE);
    assert_int_equal(tk_abbrev_kind("Jan", 3), TK_ABBR_MONTH);
    assert_int_equal(tk_abbrev_kind("Smith", 5), TK_ABBR_NONE);
    assert_true(tk_is_news_agency("AFP", 3));
    assert_false(tk_is_news_agency("KABUL", 5));
    assert_true(tk_is_sentence_starter("Moreover", 8));
    assert_true(tk_is_sentence_starter("The", 3));
    assert_false(tk_is_sentence_starter("the", 3));
}

int main(void) {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_possessive_clitic_split),
        T(test_other_clitics_split),
        T(test_negation_clitic_split),
        T(test_abbreviation_one_token),
        T(test_title_abbreviation),
        T(test_numbers_one_token),
        T(test_hyphenated_word),
        T(test_url_one_token),
        T(test_typographic_apostrophe_clitic),
        T(test_token_offsets_in_order),
        T(test_dateline_place_and_agency),
        T(test_dateline_with_ellipsis_story),
        T(test_dateline_place_and_date),
        T(test_dateline_after_source_name),
        T(test_dateline_multiword_place_date_agency),
        T(test_not_a_dateline),
        cmocka_unit_test(test_abbrev_lookups),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
