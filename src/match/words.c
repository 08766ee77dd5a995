/* words.c — sentence tokens to matching words (see match.h). */
#include <stdint.h>
#include <string.h>

#include "match.h"
#include "../clean/clean.h"
#include "../util/fold.h"

tk_status tk_match_words_of(tk_story *s, size_t si, tk_words *out) {
    const tk_sentence *x = &s->sentences.v[si];
    return tk_match_words_in(s, x->tok_start, x->tok_end, out);
}

tk_status tk_match_words_in(tk_story *s, uint32_t tok_a, uint32_t tok_b, tk_words *out) {
    s->mwords.n = s->mtokens.n = 0;
    tk_buf_clear(&s->mchars);
    for (uint32_t k = tok_a; k < tok_b; k++) {
        const tk_token *t = &s->tokens.v[k];
        size_t n;
        const char *z = tk_token_norm(s, t, &n);
        /* fold straight into the word buffer; inner hyphens become the NULs
         * that end the words they split (dictionaries join those with _) */
        if (!tk_buf_reserve(&s->mchars, 256)) break;
        char *buf = s->mchars.data + s->mchars.len;
        size_t fn = tk_fold_word(z, n, buf, 256);
        size_t a = 0;
        for (size_t i = 0; i <= fn; i++) {
            if (i < fn && !(buf[i] == '-' && i > 0 && i + 1 < fn)) continue;
            if (i > a) {
                if (!TK_VEC_GROW(s->mwords) || !TK_VEC_GROW(s->mtokens))
                    return tk_story_fail(s, TK_ENOMEM, "out of memory");
                /* the pointer is set below, once the characters stop moving */
                s->mwords.v[s->mwords.n++] = (tk_word){(const char *)(uintptr_t)(s->mchars.len + a), (uint32_t)(i - a)};
                s->mtokens.v[s->mtokens.n++] = k;
            }
            if (i < fn) buf[i] = '\0';
            a = i + 1;
        }
        s->mchars.len += fn + 1;
    }
    if (s->mchars.failed) return tk_story_fail(s, TK_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->mwords.n; i++)
        s->mwords.v[i].s = s->mchars.data + (uintptr_t)s->mwords.v[i].s;
    out->w = s->mwords.v;
    out->token = s->mtokens.v;
    out->n = s->mwords.n;
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
