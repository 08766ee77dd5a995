/* fixture.h — the cmocka fixture the story-level unit tests share: an
 * engine with the built-in dictionaries and one story context, made before
 * each test and freed after it. */
#ifndef TK_TEST_FIXTURE_H
#define TK_TEST_FIXTURE_H

#include <stdlib.h>

#include "tarikh.h"

typedef struct fixture { tk_engine *e; tk_story *s; } fixture;

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    f->e = tk_engine_new(NULL);
    f->s = f->e ? tk_story_new(f->e) : NULL;
    if (!f->s) { tk_engine_free(f->e); free(f); return -1; }
    *state = f;
    return 0;
}

static int teardown(void **state) {
    fixture *f = *state;
    tk_story_free(f->s);
    tk_engine_free(f->e);
    free(f);
    return 0;
}

#endif
