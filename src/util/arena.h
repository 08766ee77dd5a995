/* arena.h — a bump allocator for everything that dies with a story.
 * Blocks are malloc'd as needed; tk_arena_reset() keeps the first block and
 * frees the rest, so a story context reused story after story stops
 * allocating once warmed up. Every allocation can fail: callers check NULL. */
#ifndef TK_ARENA_H
#define TK_ARENA_H

#include <stddef.h>

typedef struct tk_arena_block tk_arena_block;

typedef struct tk_arena {
    tk_arena_block *head;  /* current block (newest first) */
    size_t block_size;     /* default size of a new block */
} tk_arena;

void tk_arena_init(tk_arena *a, size_t block_size);
/* Returns `n` bytes aligned for any type, or NULL when memory is exhausted. */
void *tk_arena_alloc(tk_arena *a, size_t n);
/* Copies `n` bytes and appends a NUL; NULL on failure. */
char *tk_arena_strndup(tk_arena *a, const char *s, size_t n);
/* Frees all but the first block and rewinds it. */
void tk_arena_reset(tk_arena *a);
void tk_arena_free(tk_arena *a);

#endif
