/* test_compose.c — CAMEO codes of acts inside frames (src/code/compose.c):
 * each framing root against each kind of act, and every code it gives is
 * in the CAMEO table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tarikh.h"
#include "engine/story.h"
#include "code/code.h"

static const char *composed(int frame, const char *code) {
    static char out[8];
    if (!tk_compose_code(frame, code, out, sizeof out)) return "none";
    return out;
}

static void test_threats(void **state) {
    (void)state;
    assert_string_equal(composed(13, "163"), "1312");  /* sanctions */
    assert_string_equal(composed(13, "161"), "1313");  /* break relations */
    assert_string_equal(composed(13, "1621"), "1311"); /* cut aid */
    assert_string_equal(composed(13, "164"), "134");   /* halt talks */
    assert_string_equal(composed(13, "1723"), "1323"); /* curfew */
    assert_string_equal(composed(13, "172"), "132");
    assert_string_equal(composed(13, "173"), "137");   /* arrests */
    assert_string_equal(composed(13, "143"), "133");   /* strike */
    assert_string_equal(composed(13, "191"), "1381");  /* blockade */
    assert_string_equal(composed(13, "195"), "1384");  /* air strikes */
    assert_string_equal(composed(13, "181"), "1383");
    assert_string_equal(composed(13, "200"), "1385");
    assert_string_equal(composed(13, "1312"), "1312"); /* already a threat */
    assert_string_equal(composed(13, "042"), "130");   /* "threatened to visit" */
    /* an intent to do harm is a threat */
    assert_string_equal(composed(3, "190"), "138");
    assert_string_equal(composed(3, "1661"), "136");
}

static void test_intents_demands_appeals_rejections(void **state) {
    (void)state;
    assert_string_equal(composed(3, "042"), "036");   /* will visit */
    assert_string_equal(composed(3, "045"), "039");   /* will mediate */
    assert_string_equal(composed(3, "057"), "037");   /* will sign */
    assert_string_equal(composed(3, "051"), "032");   /* will support */
    assert_string_equal(composed(3, "062"), "0312");
    assert_string_equal(composed(3, "071"), "0331");  /* will give a grant */
    assert_string_equal(composed(3, "074"), "0334");
    assert_string_equal(composed(3, "0834"), "0344");
    assert_string_equal(composed(3, "0841"), "0353"); /* will release */
    assert_string_equal(composed(3, "087"), "0356");  /* will withdraw */
    assert_string_equal(composed(3, "0344"), "0344"); /* already an intent */
    assert_string_equal(composed(3, "010"), "030");
    assert_string_equal(composed(10, "0841"), "1053"); /* demand a release */
    assert_string_equal(composed(10, "046"), "106");
    assert_string_equal(composed(10, "0831"), "1041");
    assert_string_equal(composed(2, "073"), "0233");   /* urged to send aid */
    assert_string_equal(composed(2, "087"), "0256");
    assert_string_equal(composed(12, "040"), "125");   /* refused to meet */
    assert_string_equal(composed(12, "062"), "1212");
    assert_string_equal(composed(12, "064"), "121");   /* no 1214 in CAMEO */
    assert_string_equal(composed(12, "085"), "1244");
    assert_string_equal(composed(7, "190"), "none");   /* not a frame */
}

/* Every code any frame gives for any act of the table is in the table. */
static void test_all_in_table(void **state) {
    (void)state;
    tk_options o = {.no_events = 1};
    tk_engine *e = tk_engine_new(&o);
    assert_non_null(e);
    const tk_cameo *t = &e->cameo;
    assert_true(t->n > 200);
    static const int frames[] = {2, 3, 10, 12, 13};
    for (size_t i = 0; i < t->n; i++) {
        if (strlen(t->v[i].code) < 3) continue;
        for (size_t f = 0; f < sizeof frames / sizeof *frames; f++) {
            char out[8];
            assert_true(tk_compose_code(frames[f], t->v[i].code, out, sizeof out));
            if (!tk_cameo_find(t, out)) fail_msg("%d + %s -> %s: not a CAMEO code", frames[f], t->v[i].code, out);
        }
    }
    tk_engine_free(e);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threats),
        cmocka_unit_test(test_intents_demands_appeals_rejections),
        cmocka_unit_test(test_all_in_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
