/* test_places.c — event locations and event de-duplication through the
 * public API, with the built-in dictionaries: which place an event gets
 * (a locative word before it, a finer place before a country, not a place
 * inside an actor's phrase, a hyphenated word or a longer name, the
 * dateline when the clause has none, a shared name resolved by the story),
 * the JSON, TSV and text renderings of a location, dedup_story, and the
 * event spans a writer uses to leave events out (--dedup day). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>

#include "tarikh.h"
#include "fixture.h"

/* Codes `text` (a .txt story) and returns its JSON record, parsed; the
 * caller frees it with cJSON_Delete. */
static cJSON *code_json(tk_story *s, const char *text) {
    assert_int_equal(tk_story_load_text(s, text, strlen(text), "t"), TK_OK);
    assert_int_equal(tk_story_code(s), TK_OK);
    const char *out;
    size_t n;
    assert_int_equal(tk_story_render(s, TK_FORMAT_JSONL, 0, &out, &n), TK_OK);
    cJSON *j = cJSON_ParseWithLength(out, n);
    assert_non_null(j);
    return j;
}

/* The location of event i, or NULL when it is null. */
static const cJSON *location(const cJSON *rec, int i) {
    const cJSON *ev = cJSON_GetArrayItem(cJSON_GetObjectItem(rec, "events"), i);
    assert_non_null(ev);
    const cJSON *loc = cJSON_GetObjectItem(ev, "location");
    assert_non_null(loc);
    return cJSON_IsNull(loc) ? NULL : loc;
}

static const char *field(const cJSON *o, const char *name) {
    const cJSON *f = cJSON_GetObjectItem(o, name);
    return cJSON_IsString(f) ? f->valuestring : "";
}

/* Asserts event i's location: the name as written, the canonical name,
 * the country and where it came from. */
static void assert_location(const cJSON *rec, int i, const char *name, const char *canonical,
                            const char *country, const char *from) {
    const cJSON *loc = location(rec, i);
    if (!loc) fail_msg("event %d has no location, want %s", i, name);
    assert_string_equal(field(loc, "name"), name);
    assert_string_equal(field(loc, "canonical"), canonical);
    assert_string_equal(field(loc, "country"), country);
    assert_string_equal(field(loc, "from"), from);
}

/* A rendering as a C string (renderings carry a length, no NUL). */
static const char *z(const char *p, size_t n) {
    static char buf[1 << 16];
    assert_true(n < sizeof buf);
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

static int nevents(const cJSON *rec) { return cJSON_GetArraySize(cJSON_GetObjectItem(rec, "events")); }

static void test_locative(void **state) {
    fixture *f = *state;
    const char *text = "Azerbaijani forces attacked Armenian positions near the Lachin corridor.";
    cJSON *j = code_json(f->s, text);
    assert_int_equal(nevents(j), 1);
    assert_location(j, 0, "Lachin corridor", "Lachin corridor", "AZE", "clause");
    const cJSON *loc = location(j, 0);
    assert_string_equal(field(loc, "kind"), "corridor");
    /* the offsets point at the name in the text */
    int a = cJSON_GetObjectItem(loc, "start")->valueint, b = cJSON_GetObjectItem(loc, "end")->valueint;
    assert_int_equal(b - a, 15);
    assert_memory_equal(text + a, "Lachin corridor", 15);
    cJSON_Delete(j);

    /* "in the northern Syrian city of", "30 km north of", "on the
     * outskirts of", a sentence that opens with the place */
    j = code_json(f->s, "Rebels attacked government forces in the northern Syrian city of Aleppo.");
    assert_location(j, 0, "Aleppo", "Aleppo", "SYR", "clause");
    cJSON_Delete(j);
    j = code_json(f->s, "Russian troops shelled Ukrainian positions 30 km north of Kherson.");
    assert_location(j, 0, "Kherson", "Kherson", "UKR", "clause");
    cJSON_Delete(j);
    j = code_json(f->s, "Militias attacked the army on the outskirts of Khartoum.");
    assert_location(j, 0, "Khartoum", "Khartoum", "SDN", "clause");
    cJSON_Delete(j);
    j = code_json(f->s, "In Kabul, the Taliban arrested three journalists.");
    assert_location(j, 0, "Kabul", "Kabul", "AFG", "clause");
    cJSON_Delete(j);
    /* another spelling: the canonical name is the dictionary's */
    j = code_json(f->s, "Taliban fighters attacked the resistance in the Panjsher Valley.");
    assert_location(j, 0, "Panjsher Valley", "Panjshir", "AFG", "clause");
    cJSON_Delete(j);
}

static void test_not_locations(void **state) {
    fixture *f = *state;
    /* no locative word: the place is the target, not where */
    cJSON *j = code_json(f->s, "Russia attacked Kharkiv.");
    assert_int_equal(nevents(j), 1);
    assert_null(location(j, 0));
    cJSON_Delete(j);
    /* "interest in" */
    j = code_json(f->s, "Russia condemned China's interest in Ukraine.");
    assert_null(location(j, 0));
    cJSON_Delete(j);
    /* part of an actor's phrase, of a hyphenated word, of a longer name */
    j = code_json(f->s, "Russia condemned the attack in the Kabul government offices.");
    assert_null(location(j, 0));
    cJSON_Delete(j);
    j = code_json(f->s, "Russia condemned the attack in Kabul-based offices.");
    assert_null(location(j, 0));
    cJSON_Delete(j);
    j = code_json(f->s, "Russia condemned the attack at Kabul University.");
    assert_null(location(j, 0));
    cJSON_Delete(j);
    /* lower case is no name */
    j = code_json(f->s, "Russia condemned the attack in nice weather.");
    assert_null(location(j, 0));
    cJSON_Delete(j);
}

static void test_choice(void **state) {
    fixture *f = *state;
    /* a country can be a location; a finer place in the clause wins */
    cJSON *j = code_json(f->s, "Azerbaijan attacked Armenian positions in Armenia.");
    assert_location(j, 0, "Armenia", "Armenia", "ARM", "clause");
    cJSON_Delete(j);
    j = code_json(f->s, "Azerbaijan attacked Armenian positions in Armenia near Jermuk.");
    assert_location(j, 0, "Jermuk", "Jermuk", "ARM", "clause");
    cJSON_Delete(j);
    /* the clause's place, else the dateline's, else none */
    j = code_json(f->s, "KABUL (AFP) - The Taliban arrested three journalists. They detained a student in Herat.");
    assert_int_equal(nevents(j), 2);
    assert_location(j, 0, "KABUL", "Kabul", "AFG", "dateline");
    assert_location(j, 1, "Herat", "Herat", "AFG", "clause");
    cJSON_Delete(j);
    /* a place after a later event's verb is that event's */
    j = code_json(f->s, "The Tajik president received the delegation in Dushanbe, and Russia condemned Ukraine.");
    int n043 = 0, n111 = 0;
    for (int i = 0; i < nevents(j); i++) {
        const char *code = field(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "events"), i), "code");
        if (!strcmp(code, "043")) { assert_location(j, i, "Dushanbe", "Dushanbe", "TJK", "clause"); n043++; }
        if (!strcmp(code, "111")) { assert_null(location(j, i)); n111++; }
    }
    assert_true(n043 > 0 && n111 > 0);
    cJSON_Delete(j);
    /* a name two countries share: the story's country decides */
    j = code_json(f->s, "Libyan militias attacked the army in Tripoli.");
    assert_location(j, 0, "Tripoli", "Tripoli", "LBY", "clause");
    cJSON_Delete(j);
    j = code_json(f->s, "Lebanese troops in Beirut attacked Hezbollah. The Lebanese army attacked militants in Tripoli.");
    assert_location(j, nevents(j) - 1, "Tripoli", "Tripoli", "LBN", "clause");
    cJSON_Delete(j);
}

static void test_renderings(void **state) {
    fixture *f = *state;
    const char *text = "Russian troops shelled Ukrainian positions near Bakhmut.";
    assert_int_equal(tk_story_load_text(f->s, text, strlen(text), "t"), TK_OK);
    assert_int_equal(tk_story_code(f->s), TK_OK);
    const char *out;
    size_t n;
    assert_int_equal(tk_story_render(f->s, TK_FORMAT_TSV, 0, &out, &n), TK_OK);
    /* the 12th column is the location's canonical name */
    const char *p = out = z(out, n);
    for (int col = 0; col < 11; col++) p = strchr(p, '\t') + 1;
    assert_memory_equal(p, "Bakhmut\tfalse", 13);
    assert_int_equal(tk_story_render(f->s, TK_FORMAT_TEXT, 0, &out, &n), TK_OK);
    assert_non_null(strstr(z(out, n), "  @ Bakhmut [UKR]\n"));
    /* explain says which place and why */
    assert_int_equal(tk_story_explain(f->s, text, strlen(text), NULL, &out, &n), TK_OK);
    out = z(out, n);
    assert_non_null(strstr(out, "a location (after \"near\")"));
    assert_non_null(strstr(out, "Bakhmut = Bakhmut [UKR] (a place named in the event's clause)"));
}

static const char dup_story[] =
    "Russia attacked Ukraine. Russia attacked Ukraine again near Kharkiv. China condemned Russia. "
    "Russia attacked Ukraine on Monday.";

static void test_dedup_story(void **state) {
    (void)state;
    tk_options o = {.dedup_story = 1};
    tk_engine *e = tk_engine_new(&o);
    assert_non_null(e);
    tk_story *s = tk_story_new(e);
    assert_non_null(s);
    char line[512];
    snprintf(line, sizeof line, "{\"date\":\"2024-03-06\",\"text\":\"%s\"}", dup_story);
    assert_int_equal(tk_story_load_jsonl(s, line, strlen(line), NULL), TK_OK);
    assert_int_equal(tk_story_code(s), TK_OK);
    /* the second RUS 190 UKR of the same date goes; "on Monday" is
     * another date and stays */
    assert_int_equal(tk_story_event_count(s), 3);
    assert_int_equal(tk_story_dropped_count(s), 1);
    const char *out;
    size_t n;
    assert_int_equal(tk_story_render(s, TK_FORMAT_TSV, 0, &out, &n), TK_OK);
    out = z(out, n);
    assert_non_null(strstr(out, "\t0\t2024-03-06\tRUS\tUKR\t190"));
    assert_null(strstr(out, "\t1\t2024-03-06\tRUS\tUKR\t190"));
    assert_non_null(strstr(out, "\t3\t2024-03-04\tRUS\tUKR\t190"));
    tk_story_free(s);
    tk_engine_free(e);
}

/* The spans: each is one event's JSON object; the bytes between two are
 * the separator; the text format's event count is found. */
static void test_event_spans(void **state) {
    fixture *f = *state;
    assert_int_equal(tk_story_load_text(f->s, dup_story, strlen(dup_story), "t"), TK_OK);
    assert_int_equal(tk_story_code(f->s), TK_OK);
    const char *out;
    size_t n, ns, cs, ce;
    assert_int_equal(tk_story_render(f->s, TK_FORMAT_JSONL, 0, &out, &n), TK_OK);
    assert_null(tk_story_event_spans(f->s, &ns, &cs, &ce)); /* not asked for */
    assert_int_equal(ns, 0);
    assert_int_equal(tk_story_render(f->s, TK_FORMAT_JSONL, TK_RENDER_EVENT_SPANS, &out, &n), TK_OK);
    const tk_event_span *sp = tk_story_event_spans(f->s, &ns, &cs, &ce);
    assert_non_null(sp);
    assert_int_equal(ns, tk_story_event_count(f->s));
    assert_int_equal(ns, 4);
    assert_int_equal(cs, ce);
    for (size_t i = 0; i < ns; i++) {
        cJSON *ev = cJSON_ParseWithLength(out + sp[i].start, sp[i].end - sp[i].start);
        assert_non_null(ev);
        assert_true(cJSON_IsObject(cJSON_GetObjectItem(ev, "source")));
        cJSON_Delete(ev);
        if (i) assert_memory_equal(out + sp[i - 1].end, ",", sp[i].start - sp[i - 1].end);
    }
    /* the same key, the same hash; another key, another */
    assert_true(sp[0].key == sp[1].key);
    assert_true(sp[0].key != sp[2].key);
    assert_int_equal(tk_story_render(f->s, TK_FORMAT_TEXT, TK_RENDER_EVENT_SPANS, &out, &n), TK_OK);
    sp = tk_story_event_spans(f->s, &ns, &cs, &ce);
    assert_int_equal(ce - cs, 1);
    assert_memory_equal(out + cs - 8, "Events (4):", 11);
    assert_memory_equal(out + sp[0].start, "    0  RUS -> 190 -> UKR", 24);
    assert_int_equal(out[sp[0].end - 1], '\n');
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_locative, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_locations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_choice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_renderings, setup, teardown),
        cmocka_unit_test(test_dedup_story),
        cmocka_unit_test_setup_teardown(test_event_spans, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
