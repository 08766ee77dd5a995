/* pattern.h — verb patterns compiled for the coder. A pattern such as
 * "- + IN_ $ { WAS | WERE } * BY [181]" becomes a list of elements: words
 * (with "adjacent to the previous element" when joined by _), the verb
 * position, actor slots ($ source, + target, % both, ^ skip), synsets
 * (&NAME) and alternatives ({ A | B }). PETRARCH-2's (PP) groups and
 * {NP} phrases compile to their words. */
#ifndef TK_PATTERN_H
#define TK_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tk_pel_kind {
    TK_PEL_WORD = 1,   /* arg: word id in dict->words */
    TK_PEL_VERB,       /* * */
    TK_PEL_SOURCE,     /* $ */
    TK_PEL_TARGET,     /* + */
    TK_PEL_BOTH,       /* % */
    TK_PEL_SKIP,       /* ^ */
    TK_PEL_SYNSET,     /* arg: string id of the synset name */
    TK_PEL_ALT         /* arg: first alternative in dict->alts; n alternatives */
};

typedef struct tk_pel {
    uint8_t kind;
    uint8_t adjacent;  /* must follow the previous element directly (joined by _) */
    uint16_t n;        /* TK_PEL_ALT: number of alternatives */
    uint32_t arg;
} tk_pel;

struct tk_dict;
/* Compiles pattern text (without the leading "-" and the code) into
 * d->pels; sets *first and *n. Returns NULL on success, else the reason
 * (a static string); false-like results leave d unchanged except for
 * interned words. Out of memory is reported as "out of memory". */
const char *tk_pattern_compile(struct tk_dict *d, const char *text, size_t len, uint32_t *first,
                               uint16_t *n);

#endif
