/* arena.c — bump allocation for per-story memory (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct tk_arena_block {
    tk_arena_block *next;
    size_t size;  /* usable bytes in data */
    size_t used;
    max_align_t data[]; /* aligned storage */
};

#define ALIGN (_Alignof(max_align_t))

void tk_arena_init(tk_arena *a, size_t block_size) {
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
}

void *tk_arena_alloc(tk_arena *a, size_t n) {
    size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
    if (need < n) return NULL; /* overflow */
    tk_arena_block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t size = need > a->block_size ? need : a->block_size;
        if (size > SIZE_MAX - sizeof(tk_arena_block)) return NULL;
        tk_arena_block *nb = malloc(sizeof(tk_arena_block) + size);
        if (!nb) return NULL;
        nb->size = size;
        nb->used = 0;
        if (b && need > a->block_size) {
            /* an oversized block goes behind the current one so the
             * current block's free space is not wasted */
            nb->next = b->next;
            b->next = nb;
            nb->used = need;
            return (char *)nb->data;
        }
        nb->next = b;
        a->head = b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += need;
    return p;
}

char *tk_arena_strndup(tk_arena *a, const char *s, size_t n) {
    char *p = tk_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void tk_arena_reset(tk_arena *a) {
    tk_arena_block *b = a->head;
    if (!b) return;
    /* keep the oldest block (the tail), free the rest */
    tk_arena_block *keep = b;
    while (keep->next) keep = keep->next;
    while (b != keep) {
        tk_arena_block *next = b->next;
        free(b);
        b = next;
    }
    keep->used = 0;
    a->head = keep;
}

void tk_arena_free(tk_arena *a) {
    tk_arena_block *b = a->head;
    while (b) {
        tk_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
