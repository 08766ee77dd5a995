/* hashmap.c — open addressing with linear probing (see hashmap.h). */
#include "hashmap.h"

#include <stdlib.h>
#include <string.h>

uint64_t tk_hash_bytes(const char *s, size_t n) {
    /* FNV-1a, then a final mix so that low bits are usable */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static uint64_t mix64(uint64_t k) {
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return k;
}

void tk_map64_init(tk_map64 *m) { memset(m, 0, sizeof *m); }

void tk_map64_free(tk_map64 *m) {
    free(m->keys);
    free(m->vals);
    tk_map64_init(m);
}

static bool map64_grow(tk_map64 *m) {
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *vals = malloc(cap * sizeof *vals);
    if (!keys || !vals) { free(keys); free(vals); return false; }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i]) continue;
        size_t j = mix64(m->keys[i]) & (cap - 1);
        while (keys[j]) j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = keys;
    m->vals = vals;
    m->cap = cap;
    return true;
}

bool tk_map64_put(tk_map64 *m, uint64_t key, uint32_t val) {
    key += 1; /* 0 marks an empty slot */
    if ((m->n + 1) * 2 > m->cap && !map64_grow(m)) return false;
    size_t j = mix64(key) & (m->cap - 1);
    while (m->keys[j] && m->keys[j] != key) j = (j + 1) & (m->cap - 1);
    if (!m->keys[j]) m->n++;
    m->keys[j] = key;
    m->vals[j] = val;
    return true;
}

uint32_t tk_map64_get(const tk_map64 *m, uint64_t key) {
    if (!m->cap) return TK_NONE;
    key += 1;
    size_t j = mix64(key) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == key) return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return TK_NONE;
}

void tk_intern_init(tk_intern *t) { memset(t, 0, sizeof *t); }

void tk_intern_free(tk_intern *t) {
    free(t->pool);
    free(t->offs);
    free(t->slots);
    tk_intern_init(t);
}

static bool intern_rehash(tk_intern *t, size_t cap) {
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots) return false;
    for (size_t id = 0; id < t->n; id++) {
        const char *s = t->pool + t->offs[id];
        size_t j = tk_hash_bytes(s, strlen(s)) & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = (uint32_t)id + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return true;
}

uint32_t tk_intern_find(const tk_intern *t, const char *s, size_t n) {
    if (!t->cap) return TK_NONE;
    size_t j = tk_hash_bytes(s, n) & (t->cap - 1);
    while (t->slots[j]) {
        uint32_t id = t->slots[j] - 1;
        /* strings sit back to back in the pool: the next one's offset
         * gives the length, compared before any byte */
        size_t end = id + 1 < t->n ? t->offs[id + 1] : t->pool_len;
        if (end - t->offs[id] - 1 == n && memcmp(t->pool + t->offs[id], s, n) == 0) return id;
        j = (j + 1) & (t->cap - 1);
    }
    return TK_NONE;
}

uint32_t tk_intern_add(tk_intern *t, const char *s, size_t n) {
    uint32_t id = tk_intern_find(t, s, n);
    if (id != TK_NONE) return id;
    if ((t->n + 1) * 2 > t->cap && !intern_rehash(t, t->cap ? t->cap * 2 : 4096)) return TK_NONE;
    if (t->pool_len + n + 1 > t->pool_cap) {
        size_t cap = t->pool_cap ? t->pool_cap * 2 : 65536;
        while (cap < t->pool_len + n + 1) cap *= 2;
        char *p = realloc(t->pool, cap);
        if (!p) return TK_NONE;
        t->pool = p;
        t->pool_cap = cap;
    }
    if (t->n + 1 > t->offs_cap) {
        size_t cap = t->offs_cap ? t->offs_cap * 2 : 4096;
        uint32_t *p = realloc(t->offs, cap * sizeof *p);
        if (!p) return TK_NONE;
        t->offs = p;
        t->offs_cap = cap;
    }
    memcpy(t->pool + t->pool_len, s, n);
    t->pool[t->pool_len + n] = '\0';
    t->offs[t->n] = (uint32_t)t->pool_len;
    t->pool_len += n + 1;
    id = (uint32_t)t->n++;
    size_t j = tk_hash_bytes(s, n) & (t->cap - 1);
    while (t->slots[j]) j = (j + 1) & (t->cap - 1);
    t->slots[j] = id + 1;
    return id;
}
