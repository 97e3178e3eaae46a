/* Bump-pointer arena for the front end.
 *
 * Every AST node, list, string and constant produced by one parse lives in one
 * arena and is freed at once with wf_arena_free.  Allocation is a pointer bump in
 * the current chunk; a request that does not fit opens a new chunk (at least
 * 64 KiB, larger for large requests).  Pointers stay valid until the arena is
 * freed: chunks are never moved or reused.  An arena is used by one thread. */
#ifndef WF_PARSE_ARENA_H
#define WF_PARSE_ARENA_H

#include <stddef.h>

typedef struct wf_arena_chunk wf_arena_chunk;
typedef struct wf_arena {
  wf_arena_chunk *head; /* current chunk; older chunks follow through ->next */
  char *cur, *end;      /* free space in the current chunk */
} wf_arena;

void wf_arena_init(wf_arena *a);
void wf_arena_free(wf_arena *a);
/* 8-byte aligned, zero-filled memory; aborts on out-of-memory. */
void *wf_arena_alloc(wf_arena *a, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *wf_arena_strndup(wf_arena *a, const char *s, size_t n);

#endif
