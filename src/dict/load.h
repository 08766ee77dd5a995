/* load.h — loading dictionaries into a tk_dict from the binary or disk. */
#ifndef TK_DICT_LOAD_H
#define TK_DICT_LOAD_H

#include "dict.h"
#include "cameo.h"

/* The CAMEO code table embedded in the binary. */
bool tk_dict_load_cameo(tk_cameo *t);

/* The dictionaries embedded in the binary (data/ at build time). */
bool tk_dict_load_builtin(tk_dict *d);
/* A file or a directory (recursively, in name order). Problems go to the
 * diagnostics; false only when out of memory or, with strict, on errors. */
bool tk_dict_load_path(tk_dict *d, const char *path);

#endif
