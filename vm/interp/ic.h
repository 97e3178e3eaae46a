/* Inline caches: one record per cache slot of a code object (the cache-index
 * word after LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD, STORE_ATTR, BINARY_OP,
 * COMPARE_OP, BINARY_SUBSCR, STORE_SUBSCR, FOR_ITER, CALL).
 *
 * A record is immutable once published: a site changes its record by
 * publishing a new one with one atomic pointer store into co_caches[i]
 * (release; readers load with acquire) and retiring the old one through RCU
 * (threads/rcu.h), so a reader never sees a torn record and never touches
 * freed memory (a RUNNING thread is an RCU reader until its next poll).
 * Records live outside the GC heap and hold no strong references: a cached
 * object pointer (a method found on a type) is used only after the type's
 * version tag matched, which proves the type still holds it.
 *
 * Each record also is type feedback for the JIT: `state` says whether the
 * site saw one shape (mono), a few (poly) or too many (mega: the site stops
 * caching and takes the generic path).
 */
#ifndef WF_INTERP_IC_H
#define WF_INTERP_IC_H

#include <stdatomic.h>
#include <stdint.h>

#include "code.h"
#include "dict.h"
#include "dict_layout.h"
#include "object.h"
#include "rcu.h"

enum wf_ic_state { WF_IC_MONO = 1, WF_IC_POLY = 2, WF_IC_MEGA = 3 };

enum wf_ic_kind {
  WF_IC_NONE = 0,
  /* LOAD_GLOBAL */
  WF_IC_GLOBAL_MODULE,  /* found in globals: entry (keys, ix) */
  WF_IC_GLOBAL_BUILTIN, /* absent from globals (key-set version gver), found in builtins (keys, ix) */
  /* LOAD_ATTR / STORE_ATTR: type version `version` */
  WF_IC_ATTR_INSTANCE,  /* no data descriptor on the type; instance dict at dictoffset, entry hint ix */
  WF_IC_ATTR_SLOT,      /* a T_OBJECT_EX member (__slots__) at `offset` */
  WF_IC_ATTR_CLASS,     /* a plain class attribute `value`, instances have no dict */
  /* LOAD_METHOD: a method descriptor or function `value` on the type;
   * dictoffset 0: instances have no dict, else the dict must lack the name */
  WF_IC_METHOD,
  /* feedback only: operand types (BINARY_OP, COMPARE_OP, subscripts,
   * FOR_ITER) or the callee's type and code (CALL) */
  WF_IC_TYPES,
  WF_IC_MEGA_SITE,      /* too many shapes: stop caching */
};

typedef struct wf_ic {
  wf_rcu_head rcu;
  /* attribute kinds: older entries for other type versions (a polymorphic
   * site), owned by this record and immutable like it; freed with it */
  struct wf_ic *next;
  uint8_t kind;    /* wf_ic_kind */
  uint8_t state;   /* wf_ic_state */
  uint16_t changes;/* records published at this site before this one */
  uint32_t version;/* type version tag (attribute kinds) */
  union {
    struct { void *keys; Py_ssize_t ix; uint64_t gver; } global;
    struct { Py_ssize_t dictoffset; Py_ssize_t ix; } inst;
    struct { Py_ssize_t offset; } slot;
    struct { PyObject *value; Py_ssize_t dictoffset; } meth; /* also ATTR_CLASS */
    struct { PyTypeObject *t1, *t2; void *code; } types;
  };
} wf_ic;

/* A site stops caching after this many records. */
#define WF_IC_MAX_CHANGES 8
/* At most this many type versions per attribute site (the record and its chain). */
#define WF_IC_POLY_MAX 4

/* The record at cache slot i of co (NULL: none yet). */
static inline wf_ic *wf_ic_get(wf_code *co, uint32_t i) {
  wf_ic *_Atomic *arr = (wf_ic *_Atomic *)atomic_load_explicit(&co->co_caches, memory_order_acquire);
  if (__builtin_expect(!arr, 0)) return NULL;
  return atomic_load_explicit(&arr[i], memory_order_acquire);
}

/* A new zeroed record (kind/state/changes filled from the site's current
 * record `old`, which may be NULL) to fill and then publish. */
wf_ic *wf_ic_new(wf_ic *old, enum wf_ic_kind kind);
/* Publish rec at slot i (replacing and retiring the current record). */
void wf_ic_publish(wf_code *co, uint32_t i, wf_ic *rec);
/* May this site publish another record?  (false once megamorphic) */
static inline bool wf_ic_may_update(wf_ic *old) { return !old || old->kind != WF_IC_MEGA_SITE; }

/* Type feedback for operator sites: record (t1, t2) when it differs from
 * what the site last recorded. */
void wf_ic_note_types_slow(wf_code *co, uint32_t i, wf_ic *old, PyTypeObject *t1, PyTypeObject *t2, void *code);
static inline void wf_ic_note_types(wf_code *co, uint32_t i, PyTypeObject *t1, PyTypeObject *t2) {
  wf_ic *r = wf_ic_get(co, i);
  if (__builtin_expect(r && (r->kind == WF_IC_MEGA_SITE || (r->types.t1 == t1 && r->types.t2 == t2)), 1)) return;
  wf_ic_note_types_slow(co, i, r, t1, t2, NULL);
}

/* ---- attribute sites: the hit paths, inlined into the eval loop ---- */

static inline unsigned wf_ic_version_of(PyTypeObject *t) {
  return __atomic_load_n(&t->tp_version_tag, __ATOMIC_ACQUIRE);
}
static inline PyObject *wf_ic_instance_dict(PyObject *o, Py_ssize_t off) {
  return WF_GC_LOAD((PyObject **)((char *)o + off));
}
/* The attribute entry of site i for o's type version, or NULL. */
static inline wf_ic *wf_ic_attr_entry(wf_code *co, uint32_t i, PyObject *o) {
  wf_ic *r = wf_ic_get(co, i);
  if (!r) return NULL;
  unsigned v = wf_ic_version_of(WF_TYPE(o));
  if (!v) return NULL;
  for (; r; r = r->next)
    if (r->version == v) return r;
  return NULL;
}

/* LOAD_ATTR answered by the cache: the value, or NULL (take wf_ic_load_attr). */
static inline PyObject *wf_ic_load_attr_hit(wf_code *co, uint32_t i, PyObject *o, PyObject *name) {
  wf_ic *e = wf_ic_attr_entry(co, i, o);
  if (!e) return NULL;
  switch (e->kind) {
  case WF_IC_ATTR_INSTANCE: {
    PyObject *d = wf_ic_instance_dict(o, e->inst.dictoffset);
    return d ? wf_dict_value_at(d, NULL, e->inst.ix, name) : NULL;
  }
  case WF_IC_ATTR_SLOT: return WF_GC_LOAD((PyObject **)((char *)o + e->slot.offset));
  case WF_IC_ATTR_CLASS: return e->meth.value;
  default: return NULL;
  }
}

/* LOAD_METHOD answered by the cache: as wf_ic_load_method, or 2 when not
 * answered here (take wf_ic_load_method). */
static inline int wf_ic_load_method_hit(wf_code *co, uint32_t i, PyObject *o, PyObject *name, PyObject **meth) {
  wf_ic *e = wf_ic_attr_entry(co, i, o);
  if (!e) return 2;
  if (e->kind == WF_IC_METHOD) {
    PyObject *d = e->meth.dictoffset ? wf_ic_instance_dict(o, e->meth.dictoffset) : NULL;
    PyObject *v;
    switch (d ? wf_dict_find_str(d, name, &v) : 0) {
    case 0: *meth = e->meth.value; return 1; /* no instance attribute shadows the method */
    case 1: *meth = v; return 0;
    default: return 2;
    }
  }
  if (e->kind == WF_IC_ATTR_INSTANCE) {
    PyObject *d = wf_ic_instance_dict(o, e->inst.dictoffset);
    PyObject *v = d ? wf_dict_value_at(d, NULL, e->inst.ix, name) : NULL;
    if (v) {
      *meth = v;
      return 0;
    }
  }
  return 2;
}

/* STORE_ATTR answered by the cache: true when stored. */
static inline bool wf_ic_store_attr_hit(wf_code *co, uint32_t i, PyObject *o, PyObject *name, PyObject *value) {
  wf_ic *e = wf_ic_attr_entry(co, i, o);
  if (!e) return false;
  if (e->kind == WF_IC_ATTR_SLOT) {
    WF_GC_STORE((PyObject **)((char *)o + e->slot.offset), value);
    return true;
  }
  if (e->kind == WF_IC_ATTR_INSTANCE && e->inst.ix >= 0) {
    PyObject *d = wf_ic_instance_dict(o, e->inst.dictoffset);
    return d && wf_dict_store_at(d, e->inst.ix, name, value);
  }
  return false;
}

/* Attribute sites: look `name` up on `o` as LOAD_ATTR / LOAD_METHOD /
 * STORE_ATTR would, through the cache at slot i (filling it on a miss). */
PyObject *wf_ic_load_attr(wf_code *co, uint32_t i, PyObject *o, PyObject *name);
/* LOAD_METHOD: 1 and *meth = unbound method (call with o first), 0 and
 * *meth = the attribute, -1 on error. */
int wf_ic_load_method(wf_code *co, uint32_t i, PyObject *o, PyObject *name, PyObject **meth);
int wf_ic_store_attr(wf_code *co, uint32_t i, PyObject *o, PyObject *name, PyObject *value);
/* LOAD_GLOBAL answered by the cache: the value, or NULL (take wf_ic_load_global). */
static inline PyObject *wf_ic_load_global_hit(wf_code *co, uint32_t i, PyObject *globals, PyObject *builtins,
                                              PyObject *name) {
  wf_ic *r = wf_ic_get(co, i);
  if (!r) return NULL;
  if (r->kind == WF_IC_GLOBAL_MODULE) return wf_dict_value_at(globals, r->global.keys, r->global.ix, name);
  if (r->kind == WF_IC_GLOBAL_BUILTIN &&
      __atomic_load_n(&((PyDictObject *)globals)->mutations, __ATOMIC_ACQUIRE) == r->global.gver)
    return wf_dict_value_at(builtins, r->global.keys, r->global.ix, name);
  return NULL;
}

/* LOAD_GLOBAL: the value (borrowed) or NULL with NameError set. */
PyObject *wf_ic_load_global(wf_code *co, uint32_t i, PyObject *globals, PyObject *builtins, PyObject *name);

#endif
