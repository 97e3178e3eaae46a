/* Bump-pointer arena: see arena.h. */
#include "arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct wf_arena_chunk {
  wf_arena_chunk *next;
  size_t size;
  char data[];
};

#define CHUNK_MIN (64u * 1024u)

void wf_arena_init(wf_arena *a) {
  a->head = NULL;
  a->cur = a->end = NULL;
}

void wf_arena_free(wf_arena *a) {
  wf_arena_chunk *c = a->head;
  while (c) {
    wf_arena_chunk *n = c->next;
    free(c);
    c = n;
  }
  wf_arena_init(a);
}

void *wf_arena_alloc(wf_arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if ((size_t)(a->end - a->cur) < n) {
    size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
    wf_arena_chunk *c = malloc(sizeof *c + size);
    if (!c) {
      fputs("weft: out of memory in parser arena\n", stderr);
      abort();
    }
    c->size = size;
    c->next = a->head;
    a->head = c;
    a->cur = c->data;
    a->end = c->data + size;
  }
  void *p = a->cur;
  a->cur += n;
  memset(p, 0, n);
  return p;
}

char *wf_arena_strndup(wf_arena *a, const char *s, size_t n) {
  char *p = wf_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}
