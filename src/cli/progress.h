/* progress.h — the progress line of `tarikh code` on stderr: stories,
 * sentences/s, MB/s, elapsed time and, when the input's size is known, the
 * time left. Redrawn in place a few times a second, and only when it was
 * switched on (stderr a terminal, no --quiet); anything else written to
 * stderr must call tk_progress_clear() first. */
#ifndef TK_CLI_PROGRESS_H
#define TK_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>

typedef struct tk_progress {
    bool on;
    bool shown;          /* a line is on the screen */
    double t0, next;     /* start, next redraw (seconds, monotonic) */
    uint64_t total;      /* input bytes in all, 0 when unknown (a pipe) */
} tk_progress;

/* Seconds on the monotonic clock. */
double tk_now(void);
void tk_progress_start(tk_progress *pr, bool on, uint64_t total_bytes);
/* Redraws the line if it is time: `done` raw input bytes read of total,
 * `text_bytes` bytes of (decompressed) text coded. */
void tk_progress_tick(tk_progress *pr, unsigned long long stories, unsigned long long sentences,
                      uint64_t done, uint64_t text_bytes);
/* Erases the line, if one is shown. */
void tk_progress_clear(tk_progress *pr);

#endif
