/* embedded.h — the dictionaries shipped in the binary (tools/embed.py
 * writes build/gen/data.c from data/ at build time). */
#ifndef TK_EMBEDDED_H
#define TK_EMBEDDED_H

#include <stddef.h>

typedef struct tk_embedded_file {
    const char *path; /* "data/actors/countries.actors" */
    const char *text;
    size_t len;
} tk_embedded_file;

extern const tk_embedded_file tk_embedded_files[];
extern const unsigned tk_embedded_count;

#endif
