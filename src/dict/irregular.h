/* irregular.h — irregular inflections, generated at build time from
 * WordNet's exception lists (tools/gen_irregular.py -> build/gen/irregular.c). */
#ifndef TK_IRREGULAR_H
#define TK_IRREGULAR_H

typedef struct tk_irregular {
    const char *lemma; /* lower case */
    char kind;         /* 'N' noun, 'V' verb */
    const char *form;  /* an inflected form */
} tk_irregular;

extern const tk_irregular tk_irregular_forms[]; /* sorted by lemma, kind, form */
extern const unsigned tk_irregular_count;

#endif
