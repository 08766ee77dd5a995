/* code.h — the code stage: events (who did what to whom) from a
 * sentence's dictionary matches. A first, shallow coder: chunks (actor,
 * agent, verb phrases) -> noun phrases with composed actor codes -> for
 * each event verb, its verb patterns, source and target by position
 * (subject to the left, object or prepositional object to the right,
 * passive "by" agents), negation and modality. */
#ifndef TK_CODE_H
#define TK_CODE_H

#include "../engine/story.h"

/* Builds the engine's table of the words the coder classifies (the, by,
 * not, would...). False when out of memory. */
bool tk_code_tables_init(tk_intern *words, uint64_t *bits, size_t cap);
/* The same for the words around a place that make it a location ("near",
 * "north of", "the city of") or not ("interest in"). */
bool tk_code_place_tables_init(tk_intern *words, uint64_t *bits, size_t cap);

/* The date (YYYYMMDD) a sentence's events happened: the story's date
 * shifted by the sentence's words[0,n) ("on Wednesday", "yesterday",
 * "March 19"); 0 when the story has no date. An implausible year is
 * reported as a story warning and ignored. With `cls` (per-word class
 * bits, first 512 words), only words with `date_bit` are examined. */
int32_t tk_code_sentence_date(tk_story *s, const tk_word *w, size_t n, int32_t story_day,
                              const uint64_t *cls, uint64_t date_bit);

/* Codes every sentence of the story into story->events. */
tk_status tk_code_events(tk_story *s);

const char *tk_modality_name(int m);

/* The CAMEO code of act `code` framed by root `frame` (2 appeal, 3
 * intent, 10 demand, 12 reject, 13 threaten) into out[cap >= 8]:
 * (13, "163") -> "1312", (3, "073") -> "0333", (10, "0841") -> "1053".
 * An intent to do harm (3, "190") is a threat ("138"). False for another
 * frame. */
bool tk_compose_code(int frame, const char *code, char *out, size_t cap);

#endif
