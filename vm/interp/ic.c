/* Inline caches (see ic.h): publication through RCU, and the cached forms
 * of LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD and STORE_ATTR. */
#include "ic.h"

#include <stdio.h>
#include <stdlib.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "protocol.h"
#include "str.h"
#include "typeobject.h"

/* ---- records ---- */

static void free_record(wf_rcu_head *h) {
  wf_ic *r = (wf_ic *)h;
  while (r) {
    wf_ic *n = r->next;
    free(r);
    r = n;
  }
}

static inline bool is_attr_kind(int kind) {
  return kind == WF_IC_ATTR_INSTANCE || kind == WF_IC_ATTR_SLOT || kind == WF_IC_ATTR_CLASS || kind == WF_IC_METHOD;
}

/* Chain copies of cur's entries for other type versions behind rec (a
 * polymorphic site keeps up to WF_IC_POLY_MAX versions). */
static void link_poly(wf_ic *rec, wf_ic *cur) {
  if (!is_attr_kind(rec->kind) || !rec->version) return;
  wf_ic **tail = &rec->next;
  int n = 1;
  for (wf_ic *e = cur; e && n < WF_IC_POLY_MAX; e = e->next) {
    if (!is_attr_kind(e->kind) || !e->version || e->version == rec->version) continue;
    wf_ic *c = malloc(sizeof *c);
    if (!c) return;
    *c = *e;
    c->next = NULL;
    *tail = c;
    tail = &c->next;
    n++;
  }
}

wf_ic *wf_ic_new(wf_ic *old, enum wf_ic_kind kind) {
  wf_ic *r = calloc(1, sizeof *r);
  if (!r) {
    fputs("weft: out of memory (inline cache)\n", stderr);
    abort();
  }
  r->changes = old ? (uint16_t)(old->changes + 1) : 0;
  r->state = old ? WF_IC_POLY : WF_IC_MONO;
  r->kind = (uint8_t)kind;
  if (r->changes >= WF_IC_MAX_CHANGES) {
    r->kind = WF_IC_MEGA_SITE;
    r->state = WF_IC_MEGA;
  }
  return r;
}

/* Every cache array, reachable from here: code objects have no finalizer
 * yet, so an array outlives its code object (bounded by the code ever
 * run); the list keeps it visible to leak checkers until then. */
typedef struct cache_block {
  struct cache_block *next;
  wf_ic *_Atomic slots[];
} cache_block;
static cache_block *_Atomic all_blocks;

void wf_ic_publish(wf_code *co, uint32_t i, wf_ic *rec) {
  if (i >= (uint32_t)co->co_ncaches) { /* a malformed code object: never index out of bounds */
    free(rec);
    return;
  }
  wf_ic *_Atomic *arr = (wf_ic *_Atomic *)atomic_load_explicit(&co->co_caches, memory_order_acquire);
  if (!arr) {
    cache_block *blk = calloc(1, sizeof(cache_block) + (size_t)co->co_ncaches * sizeof(wf_ic *));
    if (!blk) {
      free(rec);
      return;
    }
    wf_ic *_Atomic *fresh = blk->slots;
    void *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(&co->co_caches, &expected, (void *)fresh, memory_order_acq_rel,
                                                memory_order_acquire)) {
      arr = fresh;
      blk->next = atomic_load_explicit(&all_blocks, memory_order_relaxed);
      while (!atomic_compare_exchange_weak_explicit(&all_blocks, &blk->next, blk, memory_order_release,
                                                    memory_order_relaxed))
        ;
    } else {
      free(blk);
      arr = expected;
    }
  }
  link_poly(rec, atomic_load_explicit(&arr[i], memory_order_acquire));
  wf_ic *old = atomic_exchange_explicit(&arr[i], rec, memory_order_acq_rel);
  if (old) wf_rcu_retire(&old->rcu, free_record);
}

void wf_ic_note_types_slow(wf_code *co, uint32_t i, wf_ic *old, PyTypeObject *t1, PyTypeObject *t2, void *code) {
  if (!wf_ic_may_update(old)) return;
  wf_ic *r = wf_ic_new(old, WF_IC_TYPES);
  r->types.t1 = t1;
  r->types.t2 = t2;
  r->types.code = code;
  wf_ic_publish(co, i, r);
}

/* ---- attributes ---- */

static inline unsigned version_of(PyTypeObject *t) { return wf_ic_version_of(t); }
static inline PyObject *instance_dict(PyObject *o, Py_ssize_t off) { return wf_ic_instance_dict(o, off); }

/* A writable or readable object slot (__slots__ member), or -1. */
static Py_ssize_t slot_offset(PyObject *descr, bool for_store) {
  if (!descr || WF_TYPE(descr) != &wf_member_descr_type) return -1;
  PyMemberDef *m = ((wf_member_descr *)descr)->d_member;
  if (m->type != T_OBJECT_EX) return -1;
  if (for_store && (m->flags & READONLY)) return -1;
  return m->offset;
}

static PyObject *load_attr_slow(wf_code *co, uint32_t i, wf_ic *r, PyObject *o, PyObject *name) {
  PyTypeObject *t = WF_TYPE(o);
  unsigned version = version_of(t);
  if (!version || !wf_ic_may_update(r) || t->tp_getattro != wf_object_generic_getattr || !wf_str_check_exact(name))
    return wf_object_getattr(o, name);
  PyObject *descr = wf_type_lookup(t, name);
  if (descr && WF_TYPE(descr)->tp_descr_set) {
    Py_ssize_t off = slot_offset(descr, false);
    if (off >= 0) {
      wf_ic *n = wf_ic_new(r, WF_IC_ATTR_SLOT);
      n->version = version;
      n->slot.offset = off;
      wf_ic_publish(co, i, n);
    }
    return wf_object_getattr(o, name);
  }
  if (t->tp_dictoffset > 0) {
    PyObject *d = instance_dict(o, t->tp_dictoffset);
    if (d) {
      void *keys;
      Py_ssize_t ix;
      PyObject *v = wf_dict_lookup_hint(d, name, &keys, &ix);
      if (v) {
        if (ix >= 0) {
          wf_ic *n = wf_ic_new(r, WF_IC_ATTR_INSTANCE);
          n->version = version;
          n->inst.dictoffset = t->tp_dictoffset;
          n->inst.ix = ix;
          wf_ic_publish(co, i, n);
        }
        return v;
      }
      if (wf_err_occurred()) return NULL;
    }
  } else if (t->tp_dictoffset == 0 && descr && !WF_TYPE(descr)->tp_descr_get) {
    wf_ic *n = wf_ic_new(r, WF_IC_ATTR_CLASS);
    n->version = version;
    n->meth.value = descr;
    wf_ic_publish(co, i, n);
    return descr;
  }
  return wf_object_getattr(o, name);
}

/* The entry of r's chain for type version v (non-zero), or NULL. */
static inline wf_ic *find_entry(wf_ic *r, unsigned v) {
  for (; r; r = r->next)
    if (r->version == v) return r;
  return NULL;
}

/* LOAD_ATTR through a matching attribute entry; *hit false: not answered here. */
static inline PyObject *attr_entry(wf_ic *e, PyObject *o, PyObject *name, bool *hit) {
  *hit = true;
  switch (e->kind) {
  case WF_IC_ATTR_INSTANCE: {
    PyObject *d = instance_dict(o, e->inst.dictoffset);
    if (d) {
      PyObject *v = wf_dict_value_at(d, NULL, e->inst.ix, name);
      if (v) return v;
      /* another layout of the instance dict: look it up, keep the record */
      v = wf_dict_getitem_err(d, name);
      if (v || wf_err_occurred()) return v;
    }
    break;
  }
  case WF_IC_ATTR_SLOT: {
    PyObject *v = WF_GC_LOAD((PyObject **)((char *)o + e->slot.offset));
    if (v) return v;
    return wf_object_getattr(o, name); /* AttributeError as the descriptor words it */
  }
  case WF_IC_ATTR_CLASS: return e->meth.value;
  default: break;
  }
  *hit = false;
  return NULL;
}

PyObject *wf_ic_load_attr(wf_code *co, uint32_t i, PyObject *o, PyObject *name) {
  wf_ic *r = wf_ic_get(co, i);
  if (r) {
    if (r->kind == WF_IC_MEGA_SITE) return wf_object_getattr(o, name);
    unsigned version = version_of(WF_TYPE(o));
    wf_ic *e = version ? find_entry(r, version) : NULL;
    if (e) {
      bool hit;
      PyObject *v = attr_entry(e, o, name, &hit);
      if (hit) return v;
    }
  }
  return load_attr_slow(co, i, r, o, name);
}

int wf_ic_load_method(wf_code *co, uint32_t i, PyObject *o, PyObject *name, PyObject **meth) {
  PyTypeObject *t = WF_TYPE(o);
  wf_ic *r = wf_ic_get(co, i);
  if (r && r->kind == WF_IC_MEGA_SITE) return wf_object_get_method(o, name, meth);
  unsigned version = version_of(t);
  wf_ic *e = r && version ? find_entry(r, version) : NULL;
  if (e) {
    if (e->kind == WF_IC_METHOD) {
      if (!e->meth.dictoffset) {
        *meth = e->meth.value;
        return 1;
      }
      PyObject *d = instance_dict(o, e->meth.dictoffset);
      if (!d || !wf_dict_size(d)) {
        *meth = e->meth.value;
        return 1;
      }
      PyObject *v = wf_dict_getitem_err(d, name);
      if (v) {
        *meth = v;
        return 0;
      }
      if (wf_err_occurred()) return -1;
      *meth = e->meth.value;
      return 1;
    }
    bool hit;
    PyObject *v = attr_entry(e, o, name, &hit);
    if (hit) {
      *meth = v;
      return v ? 0 : -1;
    }
  }
  if (!version || !wf_ic_may_update(r) || t->tp_getattro != wf_object_generic_getattr || !wf_str_check_exact(name))
    return wf_object_get_method(o, name, meth);
  PyObject *descr = wf_type_lookup(t, name);
  if (descr && wf_type_has_flag(WF_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR) && t->tp_dictoffset >= 0) {
    if (t->tp_dictoffset > 0) {
      PyObject *d = instance_dict(o, t->tp_dictoffset);
      if (d) {
        PyObject *v = wf_dict_getitem_err(d, name);
        if (v) {
          *meth = v;
          return 0;
        }
        if (wf_err_occurred()) return -1;
      }
    }
    wf_ic *n = wf_ic_new(r, WF_IC_METHOD);
    n->version = version;
    n->meth.value = descr;
    n->meth.dictoffset = t->tp_dictoffset;
    wf_ic_publish(co, i, n);
    *meth = descr;
    return 1;
  }
  PyObject *v = load_attr_slow(co, i, r, o, name);
  *meth = v;
  return v ? 0 : -1;
}

int wf_ic_store_attr(wf_code *co, uint32_t i, PyObject *o, PyObject *name, PyObject *value) {
  PyTypeObject *t = WF_TYPE(o);
  wf_ic *r = wf_ic_get(co, i);
  unsigned version = version_of(t);
  wf_ic *e = r && version ? find_entry(r, version) : NULL;
  if (e) {
    if (e->kind == WF_IC_ATTR_INSTANCE) {
      PyObject *d = instance_dict(o, e->inst.dictoffset);
      if (!d) d = wf_object_get_dict(o);
      if (d) return wf_dict_setitem(d, name, value);
    } else if (e->kind == WF_IC_ATTR_SLOT) {
      WF_GC_STORE((PyObject **)((char *)o + e->slot.offset), value);
      return 0;
    }
  }
  if (version && wf_ic_may_update(r) && t->tp_setattro == wf_object_generic_setattr && wf_str_check_exact(name)) {
    PyObject *descr = wf_type_lookup(t, name);
    if (descr && WF_TYPE(descr)->tp_descr_set) {
      Py_ssize_t off = slot_offset(descr, true);
      if (off >= 0) {
        wf_ic *n = wf_ic_new(r, WF_IC_ATTR_SLOT);
        n->version = version;
        n->slot.offset = off;
        wf_ic_publish(co, i, n);
      }
    } else if (t->tp_dictoffset > 0) {
      WF_GC_ROOT(o);
      WF_GC_ROOT(name);
      if (wf_object_setattr(o, name, value) < 0) return -1;
      /* The entry index this store used is the hint for the next instances
       * (attributes set in the same order land at the same index). */
      PyObject *d = instance_dict(o, t->tp_dictoffset), *v;
      Py_ssize_t ix = -1;
      void *keys;
      if (d && wf_dict_find_str(d, name, &v) == 1) wf_dict_lookup_hint(d, name, &keys, &ix);
      r = wf_ic_get(co, i); /* the store may have run Python code: r may be retired */
      if (!wf_ic_may_update(r)) return 0;
      wf_ic *n = wf_ic_new(r, WF_IC_ATTR_INSTANCE);
      n->version = version;
      n->inst.dictoffset = t->tp_dictoffset;
      n->inst.ix = ix;
      wf_ic_publish(co, i, n);
      return 0;
    }
  }
  return wf_object_setattr(o, name, value);
}

/* ---- globals ---- */

PyObject *wf_ic_load_global(wf_code *co, uint32_t i, PyObject *globals, PyObject *builtins, PyObject *name) {
  wf_ic *r = wf_ic_get(co, i);
  if (r) {
    if (r->kind == WF_IC_GLOBAL_MODULE) {
      PyObject *v = wf_dict_value_at(globals, r->global.keys, r->global.ix, name);
      if (v) return v;
    } else if (r->kind == WF_IC_GLOBAL_BUILTIN && wf_dict_keys_version(globals) == r->global.gver) {
      PyObject *v = wf_dict_value_at(builtins, r->global.keys, r->global.ix, name);
      if (v) return v;
    }
  }
  bool cacheable = wf_ic_may_update(r) && WF_TYPE(globals) == &wf_dict_type && WF_TYPE(builtins) == &wf_dict_type;
  if (!cacheable) {
    PyObject *v = wf_dict_getitem_err(globals, name);
    if (v || wf_err_occurred()) return v;
    if (WF_TYPE(builtins) == &wf_dict_type) {
      v = wf_dict_getitem_err(builtins, name);
      if (v || wf_err_occurred()) return v;
    } else {
      WF_GC_ROOT(name);
      v = wf_object_getitem(builtins, name);
      if (v) return v;
      if (!wf_err_matches(&wf_KeyError_type)) return NULL;
      wf_err_clear();
    }
    return wf_err_format(&wf_NameError_type, "name '%U' is not defined", name);
  }
  uint64_t gver = wf_dict_keys_version(globals);
  void *keys;
  Py_ssize_t ix;
  PyObject *v = wf_dict_lookup_hint(globals, name, &keys, &ix);
  if (v) {
    if (keys) {
      wf_ic *n = wf_ic_new(r, WF_IC_GLOBAL_MODULE);
      n->global.keys = keys;
      n->global.ix = ix;
      wf_ic_publish(co, i, n);
    }
    return v;
  }
  if (wf_err_occurred()) return NULL;
  v = wf_dict_lookup_hint(builtins, name, &keys, &ix);
  if (v) {
    if (keys) {
      wf_ic *n = wf_ic_new(r, WF_IC_GLOBAL_BUILTIN);
      n->global.keys = keys;
      n->global.ix = ix;
      n->global.gver = gver;
      wf_ic_publish(co, i, n);
    }
    return v;
  }
  if (wf_err_occurred()) return NULL;
  return wf_err_format(&wf_NameError_type, "name '%U' is not defined", name);
}
