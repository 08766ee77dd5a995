/* input.c — bounded reading of input files (see input.h). */
#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (1u << 20)

bool tk_lines_open(tk_lines *r, tk_source *src, size_t max_line) {
    memset(r, 0, sizeof *r);
    r->src = src;
    r->max_line = max_line;
    r->cap = CHUNK * 2;
    r->buf = malloc(r->cap);
    return r->buf != NULL;
}

void tk_lines_close(tk_lines *r) {
    free(r->buf);
    r->buf = NULL;
}

/* Reads more bytes after r->end; false at EOF or on error. */
static bool fill(tk_lines *r) {
    if (r->eof || r->error) return false;
    if (r->start > 0 && (r->cap - r->end < CHUNK || r->start >= r->cap / 2)) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->cap - r->end < CHUNK) {
        size_t ncap = r->cap * 2;
        char *p = realloc(r->buf, ncap);
        if (!p) { r->error = true; r->src->status = TK_SRC_ENOMEM; return false; }
        r->buf = p;
        r->cap = ncap;
    }
    ssize_t n = tk_source_read(r->src, r->buf + r->end, r->cap - r->end);
    if (n < 0) { r->error = true; return false; }
    if (n == 0) { r->eof = true; return false; }
    r->end += (size_t)n;
    return true;
}

tk_line_status tk_lines_next(tk_lines *r, const char **line, size_t *len) {
    size_t scanned = 0; /* bytes after r->start known to hold no newline */
    for (;;) {
        char *nl = memchr(r->buf + r->start + scanned, '\n', r->end - r->start - scanned);
        if (nl) {
            size_t n = (size_t)(nl - (r->buf + r->start));
            *line = r->buf + r->start;
            r->start += n + 1;
            r->lineno++;
            if (n && (*line)[n - 1] == '\r') n--;
            *len = n;
            return LINE_OK;
        }
        scanned = r->end - r->start;
        if (r->end - r->start > r->max_line) {
            /* too long: count and drop bytes up to the next newline */
            size_t total = r->end - r->start;
            r->start = r->end = 0;
            for (;;) {
                if (!fill(r)) {
                    r->lineno++;
                    *len = total;
                    return LINE_TOO_LONG;
                }
                nl = memchr(r->buf, '\n', r->end);
                if (nl) {
                    total += (size_t)(nl - r->buf);
                    r->start = (size_t)(nl - r->buf) + 1;
                    r->lineno++;
                    *len = total;
                    return LINE_TOO_LONG;
                }
                total += r->end;
                r->end = 0;
            }
        }
        if (!fill(r)) {
            if (r->error) return LINE_ERROR;
            if (r->end > r->start) { /* last line without newline */
                size_t n = r->end - r->start;
                *line = r->buf + r->start;
                r->start = r->end;
                r->lineno++;
                if (n && (*line)[n - 1] == '\r') n--;
                *len = n;
                return LINE_OK;
            }
            return LINE_EOF;
        }
    }
}

bool tk_lines_slurp(tk_lines *r, size_t max, const char **p, size_t *n) {
    while (r->end - r->start <= max && fill(r)) {}
    if (r->error) return false;
    *p = r->buf + r->start;
    *n = r->end - r->start;
    return true;
}

const char *tk_sniff_binary(const char *p, size_t n) {
    if (n >= 2 && (unsigned char)p[0] == 0x1f && (unsigned char)p[1] == 0x8b) return "gzip-compressed";
    if (n >= 4 && memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0) return "zstd-compressed";
    if (n > 8192) n = 8192;
    size_t ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ctrl++;
    }
    /* a stray NUL in a text file is repaired later; many control bytes
     * mean this is not text at all */
    if (n && ctrl * 10 > n) return "binary file";
    return NULL;
}

bool tk_lines_peek(tk_lines *r, const char **p, size_t *n) {
    /* from a pipe that has nothing more yet, a whole line is enough: the
     * first record of an interactive session is coded without waiting */
    while (r->end - r->start < 8192 &&
           (tk_source_ready(r->src) || !memchr(r->buf + r->start, '\n', r->end - r->start)) && fill(r)) {}
    /* bytes read before an error are still shown: tk_lines_next() hands
     * out their lines, then reports the error */
    if (r->error && r->end == r->start) return false;
    *p = r->buf + r->start;
    *n = r->end - r->start;
    return true;
}

bool tk_dict_arg(const char **paths, size_t *n, size_t cap, const char *arg, int *replace) {
    if (*n >= cap) return false;
    if (arg[0] == '+') arg++;
    else *replace = 1;
    paths[(*n)++] = arg;
    return true;
}

bool tk_dict_paths_readable(const char *const *paths, size_t n, const char *prog) {
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        if (access(paths[i], R_OK) != 0) {
            fprintf(stderr, "%s: %s: cannot open: %s\n", prog, paths[i], strerror(errno));
            ok = false;
        }
    return ok;
}

int tk_on_off(const char *arg) {
    return !strcmp(arg, "on") ? 1 : !strcmp(arg, "off") ? -1 : 0;
}
