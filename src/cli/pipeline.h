/* pipeline.h — codes records on N worker threads and hands them back in
 * input order. The main thread adds records (and notes: messages that must
 * come out between two records) to a batch; a full batch is submitted, the
 * workers take its records one at a time (an atomic index: no lock per
 * record), each with its own tk_story, and the main thread emits batches
 * in the order they were filled. A fixed number of batches is in flight,
 * so memory does not grow with the input.
 *
 * With 0 workers there are no threads: each record is worked and emitted
 * as soon as it is added, by the main thread, with the same callbacks, so
 * the output is the same byte for byte. */
#ifndef TK_CLI_PIPELINE_H
#define TK_CLI_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tarikh.h"
#include "util/buf.h"

/* One record or note. The main thread sets the first fields when it adds
 * the slot; work() sets the rest. */
typedef struct tk_slot {
    int kind;                /* the caller's: what the bytes are */
    uint32_t file;           /* input file number */
    const char *name;        /* the input's name; must outlive the pipeline */
    unsigned long long line; /* line number, 0 for a whole file */
    size_t in_len;           /* the record's (or note's) bytes */
    /* set by work(): */
    int result;
    size_t out_off, out_len; /* rendered bytes in the worker's out buffer */
    size_t msg_off, msg_len; /* a message, in the same buffer */
    size_t sentences, warnings, events, quotes, dropped;
    size_t aux_off, aux_len; /* more bytes of the caller's in the out buffer
                              * (code.c: the event spans for --dedup day) */
    /* private */
    size_t in_off;
    unsigned worker;
} tk_slot;

/* Runs on a worker thread (or the main thread with 0 workers): codes `in`
 * with `story`, appends what it produces to `out` and records where in
 * slot->out_off/msg_off. Must touch nothing shared but what work_ctx
 * holds, read-only. */
typedef void (*tk_work_fn)(void *ctx, tk_story *story, tk_slot *slot, const char *in, tk_buf *out);
/* Runs on the main thread, once per slot, in the order slots were added;
 * `out` is the buffer the slot's out_off and msg_off refer to. */
typedef void (*tk_emit_fn)(void *ctx, const tk_slot *slot, const char *in, const char *out);

typedef struct tk_pipeline tk_pipeline;

/* NULL when out of memory or a thread cannot be started. */
tk_pipeline *tk_pipeline_new(const tk_engine *engine, unsigned nworkers, tk_work_fn work,
                             void *work_ctx, tk_emit_fn emit, void *emit_ctx);
/* Adds a slot: copies the len bytes of `in` (a record, or a note for emit
 * alone). May block while the batches in flight are full; emits those done
 * meanwhile. False when out of memory (nothing added). */
bool tk_pipeline_add(tk_pipeline *p, int kind, uint32_t file, const char *name,
                     unsigned long long line, const char *in, size_t len);
/* Submits the batch being filled and emits batches as they are done until
 * all are, or until fd (when >= 0) has something to read: called when the
 * input stalls, so that what was read comes out without waiting for more. */
void tk_pipeline_drain(tk_pipeline *p, int fd);
/* Emits everything, stops the workers and frees the pipeline. */
void tk_pipeline_free(tk_pipeline *p);

#endif
