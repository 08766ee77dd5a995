/* dedup.c — per-date key sets for `tarikh code --dedup day` (see dedup.h). */
#include "dedup.h"

#include <stdlib.h>

#include "util/hashmap.h"

typedef struct day {
    int32_t date;
    tk_map64 keys;
} day;

struct tk_dedup {
    day *days;
    size_t ndays, max_dates, nkeys, max_keys;
    size_t last;                   /* the day looked up last */
    unsigned long long forgotten;  /* keys dropped from memory by the bounds */
    bool failed;
};

tk_dedup *tk_dedup_new(size_t max_dates, size_t max_keys) {
    tk_dedup *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    d->max_dates = max_dates ? max_dates : 1;
    d->max_keys = max_keys ? max_keys : 1;
    d->days = calloc(d->max_dates, sizeof *d->days);
    if (!d->days) { free(d); return NULL; }
    return d;
}

void tk_dedup_free(tk_dedup *d) {
    if (!d) return;
    for (size_t i = 0; i < d->ndays; i++) tk_map64_free(&d->days[i].keys);
    free(d->days);
    free(d);
}

/* Forgets day i. */
static void forget(tk_dedup *d, size_t i) {
    d->nkeys -= d->days[i].keys.n;
    d->forgotten += d->days[i].keys.n;
    tk_map64_free(&d->days[i].keys);
    d->days[i] = d->days[--d->ndays];
    d->last = 0;
}

/* The index of the oldest day held, other than `except`; ndays if none. */
static size_t oldest(const tk_dedup *d, size_t except) {
    size_t o = d->ndays;
    for (size_t i = 0; i < d->ndays; i++)
        if (i != except && (o == d->ndays || d->days[i].date < d->days[o].date)) o = i;
    return o;
}

bool tk_dedup_add(tk_dedup *d, int32_t date, uint64_t key) {
    if (!date) return true;
    size_t i = d->last;
    if (i >= d->ndays || d->days[i].date != date)
        for (i = 0; i < d->ndays && d->days[i].date != date; i++) {}
    if (i == d->ndays) {
        if (d->ndays == d->max_dates) {
            size_t o = oldest(d, d->ndays);
            if (date < d->days[o].date) return true; /* older than all we hold */
            forget(d, o);
        }
        i = d->ndays++;
        d->days[i].date = date;
        tk_map64_init(&d->days[i].keys);
    }
    d->last = i;
    tk_map64 *m = &d->days[i].keys;
    uint64_t k = key >> 1; /* tk_map64 stores key + 1: never wrap to 0 */
    if (tk_map64_get(m, k) != TK_NONE) return false;
    while (d->nkeys >= d->max_keys) {
        size_t o = oldest(d, i);
        if (o == d->ndays) { /* only this date: start it again */
            d->forgotten += m->n;
            d->nkeys -= m->n;
            tk_map64_free(m);
            break;
        }
        forget(d, o);
        if (i == d->ndays) i = o; /* the current day moved into the hole */
        m = &d->days[i].keys;
        d->last = i;
    }
    if (!tk_map64_put(m, k, 1)) { d->failed = true; return true; }
    d->nkeys++;
    return true;
}

bool tk_dedup_failed(const tk_dedup *d) { return d->failed; }
unsigned long long tk_dedup_forgotten(const tk_dedup *d) { return d->forgotten; }
