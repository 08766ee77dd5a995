/* read.h — the read stage: turning a JSON Lines record or a plain-text file
 * into a loaded story (fields, repaired text, warnings). */
#ifndef TK_READ_H
#define TK_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/story.h"

/* Sets the story text, repairing invalid UTF-8 and NUL bytes with U+FFFD
 * (and warning about it). `what` names the field in the warning. */
tk_status tk_read_set_text(tk_story *s, const char *text, size_t len);

/* True when `z` (n bytes) is a real calendar date YYYY-MM-DD in years
 * 1800-2199; a time part after 'T' or ' ' is allowed and ignored. */
bool tk_read_date_valid(const char *z, size_t n);



/* Loaders behind tk_story_load_jsonl() and tk_story_load_text(). */
tk_status tk_read_jsonl(tk_story *s, const char *line, size_t len, const char *fallback_id);
tk_status tk_read_txt(tk_story *s, const char *text, size_t len, const char *id);
#endif
