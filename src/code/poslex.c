/* poslex.c — the generated noun/verb table indexed by dictionary word id
 * (see poslex.h). */
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"

#include "poslex.h"

bool tk_poslex_index(const tk_dict *d, uint8_t **noun, uint8_t **vbn, size_t *n) {
    *n = d->words.n;
    *noun = malloc(*n ? *n : 1);
    *vbn = malloc(*n ? *n : 1);
    if (!*noun || !*vbn) return false;
    memset(*noun, 255, *n);
    memset(*vbn, 255, *n);
    for (unsigned i = 0; i < tk_poslex_count; i++) {
        uint32_t id = tk_dict_word_id(d, tk_poslex[i].word, strlen(tk_poslex[i].word));
        if (id == TK_NONE || id >= *n) continue;
        (*noun)[id] = tk_poslex[i].noun;
        (*vbn)[id] = tk_poslex[i].vbn;
    }
    return true;
}
