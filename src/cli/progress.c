/* progress.c — the progress line (see progress.h). */
#include "progress.h"

#include <stdio.h>
#include <time.h>

#define REFRESH 0.25 /* seconds between redraws */

double tk_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void tk_progress_start(tk_progress *pr, bool on, uint64_t total_bytes) {
    pr->on = on;
    pr->shown = false;
    pr->t0 = tk_now();
    pr->next = pr->t0 + REFRESH;
    pr->total = total_bytes;
}

static void clock_text(char *out, size_t n, double secs) {
    unsigned long s = secs > 0 ? (unsigned long)(secs + 0.5) : 0;
    if (s >= 3600) snprintf(out, n, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
    else snprintf(out, n, "%lu:%02lu", s / 60, s % 60);
}

void tk_progress_tick(tk_progress *pr, unsigned long long stories, unsigned long long sentences,
                      uint64_t done, uint64_t text_bytes) {
    if (!pr->on) return;
    double now = tk_now();
    if (now < pr->next) return;
    pr->next = now + REFRESH;
    double el = now - pr->t0;
    char elapsed[32], eta[48] = "";
    clock_text(elapsed, sizeof elapsed, el);
    if (pr->total && done > 0 && done <= pr->total) {
        char left[32];
        clock_text(left, sizeof left, el * (double)(pr->total - done) / (double)done);
        snprintf(eta, sizeof eta, ", %.0f%%, ETA %s", 100.0 * (double)done / (double)pr->total, left);
    }
    fprintf(stderr, "\r\033[Ktarikh: %llu stories, %.0f sentences/s, %.1f MB/s, %s elapsed%s", stories,
            el > 0 ? (double)sentences / el : 0, el > 0 ? (double)text_bytes / 1e6 / el : 0, elapsed, eta);
    fflush(stderr);
    pr->shown = true;
}

void tk_progress_clear(tk_progress *pr) {
    if (!pr->shown) return;
    fputs("\r\033[K", stderr);
    pr->shown = false;
}
