#include "tobj.h"

#include <stddef.h>

static void trace_node(void *obj, wf_gc_tracer *t) {
  tnode *n = obj;
  wf_gc_visit(t, n->a);
  wf_gc_visit(t, n->b);
}

static void trace_array(void *obj, wf_gc_tracer *t) {
  tarray *a = obj;
  for (size_t i = 0; i < a->len; i++) wf_gc_visit(t, a->items[i]);
}

tobj_type tnode_type = {.name = "node", .trace = trace_node};
tobj_type tleaf_type = {.name = "leaf", .trace = NULL};
tobj_type tarray_type = {.name = "array", .trace = trace_array};
tobj_type traw_type = {.name = "raw", .trace = NULL};

void tobj_init_with_trigger(size_t min_trigger_bytes) {
  wf_threads_init();
  wf_gc_init(&(wf_gc_config){.trace_offset = offsetof(tobj_type, trace), .min_trigger_bytes = min_trigger_bytes});
}

void tobj_init(void) { tobj_init_with_trigger(0); }

tnode *tnode_new(tnode *a, tnode *b, uint64_t value) {
  tnode *n = wf_gc_alloc(sizeof *n);
  n->h.type = &tnode_type;
  WF_GC_STORE(&n->a, a);
  WF_GC_STORE(&n->b, b);
  n->value = value;
  return n;
}

tleaf *tleaf_new(uint64_t value) {
  tleaf *l = wf_gc_alloc(sizeof *l);
  l->h.type = &tleaf_type;
  l->value = value;
  return l;
}

tarray *tarray_new(size_t len) {
  tarray *a = wf_gc_alloc(sizeof *a + len * sizeof(void *));
  a->h.type = &tarray_type;
  a->len = len;
  return a;
}

void *traw_new(size_t size) {
  wf_gc_header *h = wf_gc_alloc(size);
  h->type = &traw_type;
  return h;
}
