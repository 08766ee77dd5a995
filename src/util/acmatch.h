/* acmatch.h — an Aho-Corasick automaton for finding many short phrases in
 * a line in one pass, ASCII case-insensitively. Built once (per engine),
 * then read-only and safe to share between threads. */
#ifndef TK_ACMATCH_H
#define TK_ACMATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct tk_ac tk_ac;

/* Builds the automaton for `n` phrases (NUL-terminated, non-empty); a match
 * reports the phrase's index. Returns NULL when out of memory. */
tk_ac *tk_ac_new(const char *const *phrases, size_t n);
void tk_ac_free(tk_ac *ac);

/* Called for each match: phrase index and the offset just past it. Return
 * true to stop the scan. */
typedef bool (*tk_ac_hit)(void *ctx, uint32_t phrase, size_t end);

/* Scans p[0,n); returns true when a callback stopped it. */
bool tk_ac_scan(const tk_ac *ac, const char *p, size_t n, tk_ac_hit hit, void *ctx);

#endif
