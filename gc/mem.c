/* Runtime memory outside the GC heap: one wrapper over jemalloc's extended
 * API (mallocx, sdallocx, ...). ASan and TSan intercept only the standard
 * names, so sanitizer builds use libc malloc here instead. */
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(WF_ASAN) || defined(WF_TSAN)
#include <malloc.h>
#define SANITIZER_HEAP 1
#else
#include <jemalloc/jemalloc.h>
#endif

static void out_of_memory(size_t size) {
  fprintf(stderr, "weft: out of memory allocating %zu bytes\n", size);
  abort();
}

void *wf_mem_alloc(size_t size) {
#ifdef SANITIZER_HEAP
  void *p = malloc(size ? size : 1);
#else
  void *p = mallocx(size ? size : 1, 0);
#endif
  if (!p) out_of_memory(size);
  return p;
}

void *wf_mem_calloc(size_t size) {
#ifdef SANITIZER_HEAP
  void *p = calloc(1, size ? size : 1);
#else
  void *p = mallocx(size ? size : 1, MALLOCX_ZERO);
#endif
  if (!p) out_of_memory(size);
  return p;
}

void *wf_mem_realloc(void *p, size_t old_size, size_t new_size) {
  (void)old_size;
  if (!p) return wf_mem_alloc(new_size);
#ifdef SANITIZER_HEAP
  void *q = realloc(p, new_size ? new_size : 1);
#else
  void *q = rallocx(p, new_size ? new_size : 1, 0);
#endif
  if (!q) out_of_memory(new_size);
  return q;
}

void wf_mem_free(void *p, size_t size) {
  if (!p) return;
#ifdef SANITIZER_HEAP
  (void)size;
  free(p);
#else
  if (size) sdallocx(p, size, 0);
  else dallocx(p, 0);
#endif
}

size_t wf_mem_usable_size(void *p) {
#ifdef SANITIZER_HEAP
  return malloc_usable_size(p);
#else
  return sallocx(p, 0);
#endif
}
