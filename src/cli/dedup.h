/* dedup.h — the key sets behind `tarikh code --dedup day`: which
 * (date, source, target, event code) keys the run has written, date by
 * date, in bounded memory. Used by the main thread only, in input order,
 * so what is dropped does not depend on the number of threads.
 *
 * Bounds: keys are held for at most TK_DEDUP_DATES dates and
 * TK_DEDUP_KEYS keys in all. A key of a date newer than the oldest held
 * evicts that oldest date when the dates are full (a stream sorted by date
 * forgets the dates it has moved past); a key older than every date held
 * then is kept without being remembered. When the keys are full, the
 * oldest dates are forgotten first, the current one last. Keys are 64-bit
 * hashes: two different keys are taken for one with a probability of about
 * n^2 / 2^65 for n keys of a date. */
#ifndef TK_CLI_DEDUP_H
#define TK_CLI_DEDUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TK_DEDUP_DATES 64
#define TK_DEDUP_KEYS 1000000

typedef struct tk_dedup tk_dedup;

/* NULL when out of memory; freed with tk_dedup_free(). */
tk_dedup *tk_dedup_new(size_t max_dates, size_t max_keys);
void tk_dedup_free(tk_dedup *d);
/* Records (date, key); true when it is new (the event is to be written),
 * false when the run already wrote it. An event without a date (0) is
 * always new. Out of memory, the event is kept and tk_dedup_failed() says
 * so. */
bool tk_dedup_add(tk_dedup *d, int32_t date, uint64_t key);
bool tk_dedup_failed(const tk_dedup *d);
/* Dates and keys forgotten so far because of the bounds. */
unsigned long long tk_dedup_forgotten(const tk_dedup *d);

#endif
