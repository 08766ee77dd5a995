/* date.c — the date an event happened, from the story's date and what its
 * sentence says: "on Wednesday" (the latest Wednesday on or before the
 * story date), "yesterday", "last week", "two days ago", "March 19" /
 * "19 March" (the latest such day on or before the story date), a full
 * "March 19, 2021". A year that cannot be (a garbled "2914") is reported
 * and ignored. Dates are YYYYMMDD integers. */
#include <stdio.h>
#include <string.h>

#include "code.h"

static const char *const weekdays[] = {"sunday", "monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday"};
static const char *const months[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november",
                                     "december"};

/* Days since 1970-01-01 for a proleptic Gregorian date (no time zones). */
static long days_from(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int32_t from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

static long to_days(int32_t ymd) { return days_from(ymd / 10000, ymd / 100 % 100, ymd % 100); }

static bool is(const tk_word *w, const char *z) {
    size_t n = strlen(z);
    return w->n == n && !memcmp(w->s, z, n);
}

/* The index of a full name or its abbreviation ("mar", "mar.", "sept."). */
static int index_of(const tk_word *w, const char *const *list, int n) {
    size_t k = w->n;
    if (k && w->s[k - 1] == '.') k--;
    for (int i = 0; i < n; i++) {
        if (is(w, list[i])) return i;
        if ((k == 3 || k == 4) && k <= strlen(list[i]) && !memcmp(w->s, list[i], k)) return i;
    }
    return -1;
}

static int number(const tk_word *w) {
    if (w->n == 0 || w->n > 4) return -1;
    int v = 0;
    for (uint32_t i = 0; i < w->n; i++) {
        if (w->s[i] < '0' || w->s[i] > '9') return -1;
        v = v * 10 + (w->s[i] - '0');
    }
    return v;
}

int32_t tk_code_sentence_date(tk_story *s, const tk_word *w, size_t n, int32_t story_day,
                              const uint64_t *cls, uint64_t date_bit) {
    if (!story_day) return 0;
    long today = to_days(story_day);
    for (size_t i = 0; i < n; i++) {
        /* with the coder's word classes, only date words are looked at */
        if (cls && i < 512 && !(cls[i] & date_bit)) continue;
        if (is(&w[i], "yesterday")) return from_days(today - 1);
        if (is(&w[i], "today") || is(&w[i], "tonight")) return story_day;
        if (is(&w[i], "last") && i + 1 < n && is(&w[i + 1], "week")) return from_days(today - 7);
        int wd = index_of(&w[i], weekdays, 7);
        if (wd >= 0 && w[i].n > 3) {
            /* the latest such weekday on or before the story date */
            long dow = (today + 4) % 7; /* 1970-01-01 was a Thursday */
            if (dow < 0) dow += 7;
            long back = (dow - wd + 7) % 7;
            return from_days(today - back);
        }
        int mo = index_of(&w[i], months, 12);
        if (mo >= 0 && (w[i].n > 4 || (i + 1 < n && number(&w[i + 1]) > 0))) {
            int day = i + 1 < n ? number(&w[i + 1]) : -1;
            if (day < 1 && i > 0) day = number(&w[i - 1]); /* "19 March" */
            if (day < 1 || day > 31) continue;
            int year = story_day / 10000;
            /* "March 19, 2021" */
            size_t k = i + 2;
            if (k < n && w[k].n == 1 && w[k].s[0] == ',') k++;
            int y = k < n ? number(&w[k]) : -1;
            if (y >= 1000) {
                if (y < 1800 || y > story_day / 10000 + 1) {
                    tk_story_warn(s, "implausible year %d in a date; ignored", y);
                    continue;
                }
                year = y;
            }
            int32_t d = year * 10000 + (mo + 1) * 100 + day;
            if (y < 1000 && d > story_day) d -= 10000; /* last year's */
            return d;
        }
    }
    return story_day;
}
