/* inflect.h — the forms a dictionary lemma matches in text: regular
 * English inflections (plural -s/-es/-ies; verb -s/-ed/-ing with final
 * consonant doubling and silent-e dropping) plus irregular forms from
 * WordNet. Words are lower case ASCII or UTF-8. */
#ifndef TK_INFLECT_H
#define TK_INFLECT_H

#include <stdbool.h>
#include <stddef.h>

#define TK_MAX_FORMS 12
#define TK_MAX_WORD 64

typedef struct tk_forms {
    int n;
    char form[TK_MAX_FORMS][TK_MAX_WORD];
} tk_forms;

/* Adds the noun forms of `w` (plural) to f, not including w itself. */
void tk_inflect_noun(const char *w, tk_forms *f);
/* Adds the verb forms of `w` (-s, -ed, -ing and irregular). */
void tk_inflect_verb(const char *w, tk_forms *f);

#endif
