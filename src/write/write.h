/* write.h — the write stage: one story rendered as a JSON Lines record
 * (the output contract in docs/output.md) or as text for a terminal. */
#ifndef TK_WRITE_H
#define TK_WRITE_H

#include "../engine/story.h"
#include "../util/buf.h"

/* Each writer notes in `spans` (when not NULL) where each event lands. */
void tk_write_jsonl(const tk_story *s, tk_buf *b, unsigned flags, tk_spans *spans);
void tk_write_text(const tk_story *s, tk_buf *b, unsigned flags, tk_spans *spans);
/* One line per event. */
void tk_write_tsv(const tk_story *s, tk_buf *b, tk_spans *spans);
/* Notes that event e was written to bytes [start, end) of the rendering. */
void tk_spans_add(tk_spans *spans, const tk_event *e, size_t start, size_t end);
/* The key events are told apart by (--dedup): a hash of the date, the
 * source and target codes and the event code. */
uint64_t tk_event_key(const tk_event *e);
/* One event as a JSON object. */
void tk_write_event_json(const tk_story *s, const tk_event *e, tk_buf *b);

/* Opens a JSON object with the "text", "start" and "end" of bytes
 * [start, end) of the story: {"text":"…","start":S,"end":E — the caller
 * adds its own fields and the closing brace. */
void tk_write_text_span(tk_buf *b, const tk_story *s, uint32_t start, uint32_t end);
/* One quotation as a JSON object. */
void tk_write_quote_json(const tk_story *s, const tk_quote *q, tk_buf *b);

/* Appends `n` bytes as a JSON string literal (with quotes); invalid UTF-8
 * becomes U+FFFD, control characters are escaped. */
void tk_write_json_string(tk_buf *b, const char *p, size_t n);

#endif
