/* clean.h — the clean stage: marks text that is not the story (paywall
 * offers, columnist lists, teaser headlines, captions, widgets) as removed,
 * and normalises tokens for matching. */
#ifndef TK_CLEAN_H
#define TK_CLEAN_H

#include "../engine/story.h"

/* The engine's read-only tables for the clean stage (phrase automata). */
tk_clean_tables *tk_clean_tables_new(void);
void tk_clean_tables_free(tk_clean_tables *t);

/* Fills story->removed (sorted, non-overlapping). */
tk_status tk_clean_boilerplate(tk_story *s);

/* True when [start,end) overlaps a removed span. */
bool tk_clean_is_removed(const tk_story *s, uint32_t start, uint32_t end);

/* Computes the normalised form of a token whose bytes are not plain ASCII
 * (NFC; typographic quotes, apostrophes and dashes folded to ASCII) and
 * sets TK_TF_NORM when it differs. */
tk_status tk_clean_normalize_token(tk_story *s, tk_token *t);

/* Length of a title without the "-!" debris scraping leaves at its end. */
size_t tk_clean_title_length(const char *title, size_t len);

/* The normalised bytes of a token (its original bytes when unchanged). */
static inline const char *tk_token_norm(const tk_story *s, const tk_token *t, size_t *len) {
    if (t->flags & TK_TF_NORM) { *len = t->norm_len; return s->norm + t->norm; }
    *len = t->end - t->start;
    return s->text + t->start;
}

#endif
