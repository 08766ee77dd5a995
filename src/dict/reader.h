/* reader.h — what the dictionary readers share: a line cursor over a
 * file's text that strips comments, and the parser for [CODE dates]. */
#ifndef TK_DICT_READER_H
#define TK_DICT_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "dict.h"

typedef struct tk_lines_in {
    const char *p, *end;
    unsigned lineno;
    bool tabari_comments; /* ';' also starts a comment */
} tk_lines_in;

/* The next line without its comment; *lead is true when it starts with a
 * blank (a restriction or continuation line). False at the end. */
bool tk_next_line(tk_lines_in *in, const char **s, size_t *n, bool *lead);

/* Reports a malformed line (a warning, or an error with d->strict);
 * returns false when the load must stop (strict). */
#define tk_dict_malformed(d, file, line, ...) \
    (tk_dict_diag((d), (file), (line), (d)->strict, __VA_ARGS__), !(d)->strict)

/* Trims blanks at both ends. */
void tk_trim(const char **s, size_t *n);

/* Parses every [CODE ...] group in s[0,n) for entry `e`. Malformed groups
 * are reported (file, line) and skipped. Returns false when out of memory
 * or when strict and malformed. *ngroups counts the groups found. */
bool tk_parse_codes(tk_dict *d, uint32_t e, const char *s, size_t n, const char *file,
                    unsigned line, int *ngroups);

/* Per-kind readers; `file` is the string id of the file name. */
bool tk_read_actors(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len);
bool tk_read_agents(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len);
bool tk_read_verbs(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len);
bool tk_read_discards(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len);
bool tk_read_issues(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len);
bool tk_read_places(tk_dict *d, const char *name, uint32_t file, const char *text, size_t len);

#endif
