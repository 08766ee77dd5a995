/* poslex.c — look-ups in the generated noun/verb table (see poslex.h). */
#include <string.h>

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
