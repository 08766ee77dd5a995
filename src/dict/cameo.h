/* cameo.h — the CAMEO event code table (data/cameo/events.txt, embedded):
 * for each code its name, Goldstein value, QuadClass and PLOVER category.
 * Built once per engine, read-only after. */
#ifndef TK_CAMEO_H
#define TK_CAMEO_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tk_cameo_code {
    char code[5];      /* "0243" */
    signed char quad;  /* 1..4 */
    float goldstein;
    char plover[16];   /* "REQUEST", or "" */
    char *name;
} tk_cameo_code;

typedef struct tk_cameo {
    tk_cameo_code *v; /* sorted by code */
    size_t n;
} tk_cameo;

/* Parses the table's text; malformed lines are skipped and counted in
 * *bad. False when out of memory. */
bool tk_cameo_load(tk_cameo *t, const char *text, size_t len, size_t *bad);
void tk_cameo_free(tk_cameo *t);
/* The entry for a code ("0243"), or NULL. */
const tk_cameo_code *tk_cameo_find(const tk_cameo *t, const char *code);

#endif
