/* A tiny object model for gc/ and threads/ tests and stress programs: static
 * type objects with a trace function, and a node with two references and a
 * value. Shared by tests/unit/gc and stress/. */
#ifndef WF_TESTS_TOBJ_H
#define WF_TESTS_TOBJ_H

#include <stddef.h>
#include <stdint.h>

#include "gc.h"
#include "thread.h"

typedef struct tobj_type {
  wf_gc_header h;
  const char *name;
  wf_gc_trace_fn trace;
} tobj_type;

typedef struct tnode {
  wf_gc_header h;
  struct tnode *a, *b;
  uint64_t value;
} tnode; /* 40 bytes: the 48-byte class */

typedef struct tleaf {
  wf_gc_header h;
  uint64_t value;
  uint64_t pad;
} tleaf; /* 32 bytes: the 32-byte class */

/* An array of references: objects of any size. */
typedef struct tarray {
  wf_gc_header h;
  size_t len;
  void *items[];
} tarray;

extern tobj_type tnode_type, tleaf_type, tarray_type, traw_type;

void tobj_init(void); /* threads + gc, idempotent */
void tobj_init_with_trigger(size_t min_trigger_bytes);
tnode *tnode_new(tnode *a, tnode *b, uint64_t value);
tleaf *tleaf_new(uint64_t value);
tarray *tarray_new(size_t len);
void *traw_new(size_t size); /* a leaf of any size (>= 16) */

#endif
