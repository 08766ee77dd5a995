/* segment.h — the segment stage: paragraphs, tokens with byte offsets,
 * datelines and sentences, over the text the clean stage kept. */
#ifndef TK_SEGMENT_H
#define TK_SEGMENT_H

#include "../engine/story.h"

/* Fills story->tokens, story->sentences and story->dateline. */
tk_status tk_segment(tk_story *s);

/* Tokenises text[start,end) (one piece of a paragraph, no newline inside)
 * appending to story->tokens with paragraph index `para`; the first token
 * gets TK_TF_SPACE_BEFORE when `space_before` is set. */
tk_status tk_segment_tokenize(tk_story *s, uint32_t start, uint32_t end, uint32_t para,
                              bool space_before);

/* Splits tokens [a,b) of one paragraph into sentences. */
tk_status tk_segment_sentences(tk_story *s, size_t a, size_t b);

/* Looks for a dateline ("KABUL (AFP) -") at the start of tokens [a,b);
 * returns the index of the first token after it, or `a` when none. */
size_t tk_segment_dateline(tk_story *s, size_t a, size_t b);

/* Word lists (abbrev.c). `w` is the word without its full stop. */
enum { TK_ABBR_NONE = 0, TK_ABBR_TITLE, TK_ABBR_MONTH, TK_ABBR_OTHER };
int tk_abbrev_kind(const char *w, size_t n);
bool tk_is_sentence_starter(const char *w, size_t n);
bool tk_is_news_agency(const char *w, size_t n);

bool tk_abbrev_lists_sorted(void);
#endif
