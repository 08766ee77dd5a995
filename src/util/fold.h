/* fold.h — the form words are compared in when matching dictionaries:
 * lower case, without diacritics ("Goïta" -> "goita"), typographic
 * apostrophes folded ("’s" -> "'s"). Dictionaries and text are folded the
 * same way. ASCII words take a fast path; others go through utf8proc. */
#ifndef TK_FOLD_H
#define TK_FOLD_H

#include <stddef.h>

/* Writes the folded form of s[0,n) into out (cap bytes, NUL-terminated)
 * and returns its length; a form longer than cap-1 is cut. */
size_t tk_fold_word(const char *s, size_t n, char *out, size_t cap);

#endif
