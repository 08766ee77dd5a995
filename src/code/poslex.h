/* poslex.h — how likely a word is a noun rather than a verb, from the Penn
 * Treebank tags of Festival's part-of-speech lexicon (festlex-poslex, read
 * at build time by tools/gen_poslex.py into build/gen/poslex.c). Only words
 * with both readings ("talks" 95, "attack" 82, "help" 17) or a past
 * participle reading ("released" 83) are listed. */
#ifndef TK_POSLEX_H
#define TK_POSLEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tk_dict;

typedef struct tk_poslex_entry {
    const char *word;   /* lower case */
    unsigned char noun; /* P(noun | word) in percent, over noun and verb readings;
                         * 255 when the word is not both */
    unsigned char vbn;  /* P(past participle | word) over past tense and participle
                         * ("released" 83, "attacked" 59); 255 when never a participle */
} tk_poslex_entry;

extern const tk_poslex_entry tk_poslex[]; /* sorted by word */
extern const unsigned tk_poslex_count;

/* Indexes the table by the dictionary's word ids, for the coder's hot
 * path (one array read per word):
 * *noun and *vbn get *n bytes (255 where unknown). False when out of
 * memory. */
bool tk_poslex_index(const struct tk_dict *d, uint8_t **noun, uint8_t **vbn, size_t *n);

#endif
