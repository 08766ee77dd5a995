/* match.h — the match stage: a sentence's tokens as words in matching form
 * (folded, hyphenated words split: "al-Qaeda" -> "al", "qaeda"), and the
 * dictionary matches over them. */
#ifndef TK_MATCH_H
#define TK_MATCH_H

#include "../engine/story.h"

typedef struct tk_words {
    tk_word *w;       /* the words */
    uint32_t *token;  /* token index of each word */
    size_t n;
} tk_words;

/* The words of sentence `si`, in buffers the story reuses: valid until
 * the next call. */
tk_status tk_match_words_of(tk_story *s, size_t si, tk_words *out);

/* The same for tokens [tok_a, tok_b) (a speaker's name). */
tk_status tk_match_words_in(tk_story *s, uint32_t tok_a, uint32_t tok_b, tk_words *out);

/* A date "YYYY-MM-DD" as YYYYMMDD, or 0 when absent or invalid. */
int32_t tk_match_date(const char *z);

#endif
