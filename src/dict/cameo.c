/* cameo.c — reads the CAMEO code table (see cameo.h): TAB-separated
 * code, goldstein, quad, plover, name; '#' comments. */
#include "cameo.h"

#include <stdlib.h>
#include <string.h>

static int cmp_code(const void *a, const void *b) {
    return strcmp(((const tk_cameo_code *)a)->code, ((const tk_cameo_code *)b)->code);
}

bool tk_cameo_load(tk_cameo *t, const char *text, size_t len, size_t *bad) {
    memset(t, 0, sizeof *t);
    *bad = 0;
    size_t cap = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *line = p;
        p = nl ? nl + 1 : end;
        if (line == e || *line == '#') continue;
        /* five fields */
        const char *f[5];
        size_t fl[5];
        int nf = 0;
        const char *q = line;
        while (nf < 5) {
            const char *tab = nf < 4 ? memchr(q, '\t', (size_t)(e - q)) : NULL;
            const char *fe = tab ? tab : e;
            f[nf] = q;
            fl[nf++] = (size_t)(fe - q);
            if (!tab) break;
            q = tab + 1;
        }
        if (nf != 5 || fl[0] < 2 || fl[0] > 4 || fl[3] >= 16) { (*bad)++; continue; }
        if (t->n == cap) {
            cap = cap ? cap * 2 : 512;
            tk_cameo_code *v = realloc(t->v, cap * sizeof *v);
            if (!v) { tk_cameo_free(t); return false; }
            t->v = v;
        }
        tk_cameo_code *c = &t->v[t->n];
        memset(c, 0, sizeof *c);
        memcpy(c->code, f[0], fl[0]);
        c->goldstein = strtof(f[1], NULL);
        c->quad = (signed char)atoi(f[2]);
        if (!(fl[3] == 1 && f[3][0] == '-')) memcpy(c->plover, f[3], fl[3]);
        size_t nl2 = fl[4];
        while (nl2 && (f[4][nl2 - 1] == '\r' || f[4][nl2 - 1] == ' ')) nl2--;
        c->name = malloc(nl2 + 1);
        if (!c->name) { tk_cameo_free(t); return false; }
        memcpy(c->name, f[4], nl2);
        c->name[nl2] = '\0';
        t->n++;
    }
    qsort(t->v, t->n, sizeof *t->v, cmp_code);
    return true;
}

void tk_cameo_free(tk_cameo *t) {
    for (size_t i = 0; i < t->n; i++) free(t->v[i].name);
    free(t->v);
    memset(t, 0, sizeof *t);
}

const tk_cameo_code *tk_cameo_find(const tk_cameo *t, const char *code) {
    tk_cameo_code key;
    memset(&key, 0, sizeof key);
    size_t n = strlen(code);
    if (n > 4) return NULL;
    memcpy(key.code, code, n);
    return t->n ? bsearch(&key, t->v, t->n, sizeof *t->v, cmp_code) : NULL;
}
