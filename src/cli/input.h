/* input.h — reading input files for the CLI: a bounded line reader for
 * JSON Lines over a tk_source (plain, gzip or zstd bytes), whole-file
 * reading for .txt stories, format detection and the checks that turn a
 * directory, a binary or an empty file into a clear message. */
#ifndef TK_CLI_INPUT_H
#define TK_CLI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"

typedef struct tk_lines {
    tk_source *src;       /* not owned */
    char *buf;            /* holds the current line and read-ahead */
    size_t cap, start, end;
    size_t max_line;      /* longer lines are skipped and reported */
    uint64_t lineno;      /* number of the line last returned */
    bool eof, error;      /* on error, src->status says why */
} tk_lines;

typedef enum { LINE_OK, LINE_TOO_LONG, LINE_EOF, LINE_ERROR } tk_line_status;

/* `max_line` bounds the memory used whatever the input. Reads from src,
 * which must outlive the reader. */
bool tk_lines_open(tk_lines *r, tk_source *src, size_t max_line);
/* Next line without its newline (and trailing \r). LINE_TOO_LONG reports a
 * skipped line in *len (its full length). */
tk_line_status tk_lines_next(tk_lines *r, const char **line, size_t *len);
void tk_lines_close(tk_lines *r);
/* Adds one --dict argument to paths[*n] (cap at most): "+DIR" adds to the
 * built-in dictionaries, "DIR" replaces them (sets *replace). Returns false
 * when there are too many. */
bool tk_dict_arg(const char **paths, size_t *n, size_t cap, const char *arg, int *replace);

/* "on" -> 1, "off" -> -1, anything else 0. */
int tk_on_off(const char *arg);
/* Are all the --dict paths there to read? Reports each one that is not as
 * "PROG: PATH: cannot open: reason" and returns false. */
bool tk_dict_paths_readable(const char *const *paths, size_t n, const char *prog);
/* Fills up to the first 8 KiB (or, from a pipe with nothing more to read
 * yet, the first line) and shows them without consuming anything; false on
 * a read error before any byte. */
bool tk_lines_peek(tk_lines *r, const char **p, size_t *n);

/* The rest of the input, for a .txt story: reads until the end or until
 * more than max bytes are held; *p and *n (n > max: too big) stay valid
 * until the reader is closed. False on a read error. */
bool tk_lines_slurp(tk_lines *r, size_t max, const char **p, size_t *n);

/* Looks at the first bytes of a file: returns a reason when it is not text
 * ("binary file", "gzip-compressed"), NULL when it looks like text. */
const char *tk_sniff_binary(const char *p, size_t n);

#endif
