/* words.c — sentence tokens to matching words (see match.h). */
#include <string.h>

#include "match.h"
#include "../clean/clean.h"
#include "../util/fold.h"

tk_status tk_match_words_of(tk_story *s, size_t si, tk_words *out) {
    const tk_sentence *x = &s->sentences.v[si];
    size_t ntok = x->tok_end - x->tok_start;
    /* a hyphenated token gives at most one word per hyphen + 1 */
    size_t cap = ntok * 2 + 8;
    out->w = tk_arena_alloc(&s->arena, cap * sizeof *out->w);
    out->token = tk_arena_alloc(&s->arena, cap * sizeof *out->token);
    out->n = 0;
    if (!out->w || !out->token) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    for (uint32_t k = x->tok_start; k < x->tok_end; k++) {
        const tk_token *t = &s->tokens.v[k];
        size_t n;
        const char *z = tk_token_norm(s, t, &n);
        char buf[256];
        size_t fn = tk_fold_word(z, n, buf, sizeof buf);
        char *f = tk_arena_strndup(&s->arena, buf, fn);
        if (!f) return tk_story_fail(s, TK_ENOMEM, "out of memory");
        /* split at inner hyphens: dictionaries join those words with _ */
        size_t a = 0;
        for (size_t i = 0; i <= fn; i++) {
            if (i < fn && !(f[i] == '-' && i > 0 && i + 1 < fn)) continue;
            if (i > a) {
                if (out->n == cap) break;
                out->w[out->n] = (tk_word){f + a, (uint32_t)(i - a)};
                out->token[out->n++] = k;
            }
            a = i + 1;
        }
    }
    return TK_OK;
}

int32_t tk_match_date(const char *z) {
    if (!z || strlen(z) < 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) { if (z[i] != '-') return 0; }
        else if (z[i] < '0' || z[i] > '9') return 0;
    }
    return ((z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 + (z[3] - '0')) * 10000 +
           ((z[5] - '0') * 10 + (z[6] - '0')) * 100 + (z[8] - '0') * 10 + (z[9] - '0');
}
