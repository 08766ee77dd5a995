/* poslex.c — look-ups in the generated noun/verb table (see poslex.h). */
#include <stdlib.h>
#include <string.h>

#include "../dict/dict.h"

#include "poslex.h"

static const tk_poslex_entry *find(const char *s, size_t n) {
    size_t lo = 0, hi = tk_poslex_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *w = tk_poslex[mid].word;
        int c = strncmp(w, s, n);
        if (!c) c = w[n] ? 1 : 0; /* w longer than s sorts after it */
        if (!c) return &tk_poslex[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

int tk_poslex_noun(const char *s, size_t n) {
    const tk_poslex_entry *e = find(s, n);
    return e && e->noun != 255 ? e->noun : -1;
}

int tk_poslex_participle(const char *s, size_t n) {
    const tk_poslex_entry *e = find(s, n);
    return e && e->vbn != 255 ? e->vbn : -1;
}

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
