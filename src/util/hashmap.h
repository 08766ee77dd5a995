/* hashmap.h — two small open-addressing hash tables: tk_map64 (64-bit key
 * -> 32-bit value) and tk_intern (string -> dense id, strings kept in one
 * pool). Built once while loading dictionaries, then read-only; lookups are
 * safe from many threads. Every growth can fail: functions return false
 * (or UINT32_MAX) when memory is exhausted. */
#ifndef TK_HASHMAP_H
#define TK_HASHMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TK_NONE UINT32_MAX

typedef struct tk_map64 {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, n; /* cap is a power of two; keys of 0 are stored as key+1 */
} tk_map64;

void tk_map64_init(tk_map64 *m);
void tk_map64_free(tk_map64 *m);
bool tk_map64_put(tk_map64 *m, uint64_t key, uint32_t val);
uint32_t tk_map64_get(const tk_map64 *m, uint64_t key); /* TK_NONE if absent */

typedef struct tk_intern {
    char *pool;          /* NUL-terminated strings back to back */
    size_t pool_len, pool_cap;
    uint32_t *offs;      /* id -> offset in pool */
    size_t n, offs_cap;
    uint32_t *slots;     /* hash slots holding id+1 (0 = empty) */
    size_t cap;
} tk_intern;

void tk_intern_init(tk_intern *t);
void tk_intern_free(tk_intern *t);
/* Id of the string (n bytes), adding it if new; TK_NONE when out of memory. */
uint32_t tk_intern_add(tk_intern *t, const char *s, size_t n);
/* Id of the string, or TK_NONE when it was never added. */
uint32_t tk_intern_find(const tk_intern *t, const char *s, size_t n);
static inline const char *tk_intern_str(const tk_intern *t, uint32_t id) { return t->pool + t->offs[id]; }

uint64_t tk_hash_bytes(const char *s, size_t n);

#endif
