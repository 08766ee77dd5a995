/* tarikh.h — the public API of libtarikh, a political event-data engine.
 *
 * Two handles:
 *   tk_engine  built once (options, later the dictionaries), then read-only:
 *              any number of threads may share one engine.
 *   tk_story   per-story working state (an arena, token and sentence
 *              arrays). One story handle per thread; reuse it story after
 *              story: loading a new story resets it.
 *
 * A story goes   load (jsonl line | txt file | fields) -> tk_story_code()
 *                -> tk_story_render() -> bytes the caller writes.
 * Library code never prints; errors come back as a tk_status plus a message
 * readable with tk_story_errmsg(). All text inputs carry a length and need
 * not be NUL-terminated. Offsets in the output are byte offsets into the
 * story's text as given (after invalid UTF-8 was repaired, which is reported
 * as a warning).
 */
#ifndef TARIKH_H
#define TARIKH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TK_VERSION "0.1.0"

typedef enum tk_status {
    TK_OK = 0,
    TK_ENOMEM,   /* an allocation failed; the story is left reset */
    TK_EINPUT,   /* the record is unusable (bad JSON, no text, ...); see errmsg */
    TK_ETOOBIG,  /* the record exceeds the engine's size limit */
    TK_EUSAGE    /* a bad argument from the caller */
} tk_status;

typedef struct tk_engine tk_engine;
typedef struct tk_story tk_story;

/* Receives each problem found while loading dictionaries: the file, the
 * line (0 when the problem is with the whole file), whether it is an error
 * (or a warning) and a message. */
typedef void (*tk_diag_fn)(void *ctx, const char *file, unsigned line, int is_error,
                           const char *msg);

/* Engine options; zero-initialise and set what you need. */
typedef struct tk_options {
    size_t max_story_bytes; /* largest story text accepted; 0 = 16 MiB */
    /* Dictionaries: the built-in set (data/ embedded in the binary) unless
     * no_builtin_dicts, plus each path in dict_paths (a dictionary file or
     * a directory of them, TABARI or PETRARCH formats). */
    const char *const *dict_paths;
    size_t ndict_paths;
    int no_builtin_dicts;
    int strict;             /* a malformed dictionary line is an error */
    int tabari_stems;       /* read dict_paths with TABARI's rule: a word without a
                             * trailing "_" is a stem matching any word it begins */
    int no_events;          /* stop after segmenting: no event coding, no
                             * quotations (and no dictionaries loaded) */
    int no_quotes;          /* code events but do not look for quotations */
    int frames;             /* code an act inside a frame ("threatened to impose
                             * sanctions", "will give aid", "demanded that X
                             * release") as the frame's CAMEO code (1312, 0331,
                             * 1053): 1 on, -1 off, 0 the default, which is on
                             * with the built-in dictionaries and off when
                             * no_builtin_dicts (TABARI and PETRARCH dictionaries
                             * write their frames as patterns) */
    int dedup_story;        /* keep only the first event of a story with each
                             * (date, source code, target code, event code) */
    tk_diag_fn diag;        /* may be NULL: problems are then only counted */
    void *diag_ctx;
} tk_options;

/* Creates an engine and loads its dictionaries. Returns NULL when memory
 * is exhausted or, with strict, when a dictionary has errors (reported to
 * diag). The caller frees it with tk_engine_free() after every story. */
tk_engine *tk_engine_new(const tk_options *opts);

/* Counts of what the engine's dictionaries hold. */
typedef struct tk_dict_stats {
    size_t files, actors, agents, verbs, patterns, discards, issues;
    size_t actor_phrases, agent_phrases, verb_phrases, discard_phrases, issue_phrases;
    size_t synsets, transforms, words, trie_nodes, warnings, errors;
    size_t cameo_codes; /* event codes in the built-in CAMEO table */
    size_t places, place_phrases; /* places (data/places/places.txt) and their spellings */
} tk_dict_stats;
void tk_engine_dict_stats(const tk_engine *engine, tk_dict_stats *out);

/* Looks a phrase up in the engine's dictionaries as if it were a sentence
 * of a story dated `date` (YYYY-MM-DD, or NULL): every matching entry with
 * its file:line and the code it gives, and the code that results for the
 * phrase (an agent composed with its actor: "Afghan police" -> AFGCOP).
 * The report is text owned by the story, valid until its next use. */
tk_status tk_story_lookup(tk_story *story, const char *phrase, size_t len, const char *date,
                          const char **out, size_t *out_len);
void tk_engine_free(tk_engine *engine);

/* Creates a story context bound to `engine`. NULL when out of memory.
 * Freed with tk_story_free(). */
tk_story *tk_story_new(const tk_engine *engine);
void tk_story_free(tk_story *story);

/* Loads one JSON Lines record (`line`, `len` bytes, no newline needed).
 * Fields: text (required string), id, date, source, url, title; any other
 * field is kept under "meta" in the output. `fallback_id` (may be NULL)
 * names the record when it has no id, e.g. "file.jsonl:12".
 * Returns TK_EINPUT with a message for invalid JSON or a missing/non-string
 * text; the story is then empty. */
tk_status tk_story_load_jsonl(tk_story *story, const char *line, size_t len,
                              const char *fallback_id);

/* Loads one plain-text story: the first line is the title when a blank line
 * follows it; `id` (e.g. the file name) names the story. */
tk_status tk_story_load_text(tk_story *story, const char *text, size_t len,
                             const char *id);

/* Runs the pipeline on the loaded story: clean, segment (and, in later
 * stages, match and code). */
tk_status tk_story_code(tk_story *story);

typedef enum tk_format {
    TK_FORMAT_JSONL = 0, /* one JSON object per story (docs/output.md) */
    TK_FORMAT_TEXT = 1,  /* readable, for a terminal */
    TK_FORMAT_TSV = 2    /* one line per event, Phoenix-style columns */
} tk_format;

/* The header line (with newline) of TK_FORMAT_TSV output. */
const char *tk_tsv_header(void);

enum {
    TK_RENDER_SENTENCES = 1u << 0, /* add "sentences" with offsets and text */
    TK_RENDER_TOKENS = 1u << 1,    /* add tokens to each sentence (implies SENTENCES) */
    TK_RENDER_EVENT_SPANS = 1u << 2 /* note where each event is (tk_story_event_spans) */
};

/* One event of a rendering, for a caller that leaves some events out of
 * what it writes (tarikh code --dedup day). */
typedef struct tk_event_span {
    size_t start, end; /* the event's bytes in the rendering, separators excluded */
    int32_t date;      /* the event's date, YYYYMMDD; 0 when unknown */
    uint64_t key;      /* a 64-bit hash of (date, source code, target code, event code) */
} tk_event_span;

/* After tk_story_render() with TK_RENDER_EVENT_SPANS: the span of each
 * event, in order (*n of them, tk_story_event_count()), and the bytes
 * [*count_start, *count_end) of the event count the rendering shows
 * ("Events (3):" in the text format; equal when it shows none). The bytes
 * between two events' spans are the same separator for every pair, so the
 * rendering without some events is: everything before the first span, the
 * kept spans joined by that separator, everything after the last span.
 * Owned by the story, valid until its next load; NULL (and *n 0) when the
 * last rendering did not ask for spans. */
const tk_event_span *tk_story_event_spans(const tk_story *story, size_t *n, size_t *count_start,
                                          size_t *count_end);

/* Renders the coded story. On success *out points to *out_len bytes
 * (ending in a newline) owned by the story, valid until the next load or
 * tk_story_free(). */
tk_status tk_story_render(tk_story *story, tk_format format, unsigned flags,
                          const char **out, size_t *out_len);

/* Human-readable message for the last error on this story ("" if none). */
/* Codes one sentence (or a few) dated `date` (YYYY-MM-DD or NULL) and
 * explains it: the tokens with their tags, each dictionary match with its
 * file:line, the phrases and their codes, each verb with every pattern
 * tried and whether it matched, and the events with why. Text owned by the
 * story, valid until its next use. */
tk_status tk_story_explain(tk_story *story, const char *sentence, size_t len, const char *date,
                           const char **out, size_t *out_len);

const char *tk_story_errmsg(const tk_story *story);

/* Counts for the loaded story, for summaries. */
size_t tk_story_sentence_count(const tk_story *story);
size_t tk_story_warning_count(const tk_story *story);
size_t tk_story_event_count(const tk_story *story);
size_t tk_story_quote_count(const tk_story *story); /* spoken quotations */
size_t tk_story_dropped_count(const tk_story *story); /* events dropped by dedup_story */

const char *tk_status_str(tk_status status);

#ifdef __cplusplus
}
#endif
#endif
