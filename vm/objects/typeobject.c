/* Type objects: readiness, MRO, attribute lookup with a cache, heap types.
 *
 * Readiness (wf_type_ready), for static and heap types alike:
 *   1. ready the base first; tp_base defaults to object; tp_bases = (base,);
 *   2. tp_mro by C3 linearization (exact CPython error for inconsistent
 *      bases); a metatype's custom mro() is not consulted yet;
 *   3. tp_dict: slot wrappers for the slots the type defines itself (before
 *      inheritance, as CPython), __new__, tp_methods, tp_members, tp_getset,
 *      __doc__;
 *   4. inherit the sub-table pointers, then each NULL slot from tp_base
 *      (tp_richcompare/tp_hash only as a pair), flags of builtin bases;
 *   5. tp_hash NULL -> __hash__ = None, unhashable;
 *   6. register with each base's subclass tuple; version tag.
 * Static types are immortal; their tp_dict/tp_bases/tp_mro/tp_subclasses are
 * registered as GC global roots. Heap types are GC objects traced by
 * type_trace.
 *
 * Attribute lookup (wf_type_lookup): a global direct-mapped cache of 4096
 * entries keyed by (version tag, interned name). Each entry is a seqlock:
 * a writer makes the sequence odd (CAS from an even value, giving up if it
 * loses), writes the fields, and makes it even again (release); a reader
 * reads seq, the fields (relaxed atomics), an acquire fence and seq again,
 * and uses the entry only if both reads are equal and even. Version tags
 * come from one global counter and are never reused; wf_type_modified gives
 * a type and all its subclasses fresh tags under the type's lock, after the
 * dict change, so a cached value is returned only while its type still has
 * the tag under which it was found. The cached value needs no reference: it
 * is reachable from a type dict for as long as the tag is current, and the
 * modifying thread changes dict and tag without reaching a safepoint, so no
 * collection can separate the two.
 *
 * Subclass lists are tuples replaced copy-on-write under the base's lock
 * (lock-free readers). They hold strong references: heap classes are not
 * reclaimed until weak references exist (noted in docs/core-status.md).
 */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "funcobject.h"
#include "genericalias.h"
#include "interp.h"
#include "typeobject.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "lock.h"
#include "protocol.h"
#include "runtime.h"
#include "descr.h"
#include "slots.h"
#include "str.h"
#include "tuple.h"
#include "vmthread.h"

static inline wf_lock *type_lock(PyTypeObject *t) { return (wf_lock *)&t->wf.lock; }
#define IS_HEAP(t) wf_type_has_flag((t), Py_TPFLAGS_HEAPTYPE)

/* ---- Subtypes ------------------------------------------------------------------ */

bool wf_type_is_subtype(PyTypeObject *a, PyTypeObject *b) {
  if (a == b) return true;
  PyObject *mro = WF_GC_LOAD(&a->tp_mro);
  if (mro) {
    Py_ssize_t n = WF_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++)
      if (WF_TUPLE_GET(mro, i) == (PyObject *)b) return true;
    return false;
  }
  for (PyTypeObject *t = a; t; t = t->tp_base)
    if (t == b) return true;
  return b == &wf_object_type;
}

/* ---- Version tags and the attribute cache ---------------------------------------- */

static _Atomic unsigned int next_version = 1;

unsigned int wf_type_assign_version(PyTypeObject *type) {
  unsigned int v = atomic_fetch_add_explicit(&next_version, 1, memory_order_relaxed);
  if (v == 0) v = atomic_fetch_add_explicit(&next_version, 1, memory_order_relaxed);
  __atomic_store_n(&type->tp_version_tag, v, __ATOMIC_RELEASE);
  return v;
}

#define CACHE_BITS 12
#define CACHE_SIZE (1u << CACHE_BITS)
typedef struct cache_entry {
  _Atomic uint32_t seq;
  _Atomic unsigned int version;
  PyObject *_Atomic name;
  PyObject *_Atomic value;
} cache_entry;
static cache_entry attr_cache[CACHE_SIZE];

static inline unsigned cache_index(unsigned version, PyObject *name) {
  uintptr_t h = ((uintptr_t)name >> 4) ^ ((uintptr_t)name >> 16) ^ (uintptr_t)version * 0x9E3779B1u;
  return (unsigned)(h & (CACHE_SIZE - 1));
}

static PyObject *find_in_mro(PyTypeObject *type, PyObject *name) {
  PyObject *mro = WF_GC_LOAD(&type->tp_mro);
  if (!mro) {
    for (PyTypeObject *t = type; t; t = t->tp_base) {
      PyObject *d = WF_GC_LOAD(&t->tp_dict);
      if (d) {
        PyObject *v = wf_dict_getitem(d, name);
        if (v) return v;
      }
    }
    return NULL;
  }
  Py_ssize_t n = WF_SIZE(mro);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyTypeObject *t = (PyTypeObject *)WF_TUPLE_GET(mro, i);
    PyObject *d = WF_GC_LOAD(&t->tp_dict);
    if (!d) continue;
    PyObject *v = wf_dict_getitem(d, name);
    if (v) return v;
  }
  return NULL;
}

PyObject *wf_type_lookup(PyTypeObject *type, PyObject *name) {
  unsigned version = __atomic_load_n(&type->tp_version_tag, __ATOMIC_ACQUIRE);
  bool cacheable = version != 0 && wf_str_check_exact(name) && ((PyASCIIObject *)name)->state.interned;
  cache_entry *e = NULL;
  if (cacheable) {
    e = &attr_cache[cache_index(version, name)];
    uint32_t s1 = atomic_load_explicit(&e->seq, memory_order_acquire);
    if (!(s1 & 1)) {
      unsigned v = atomic_load_explicit(&e->version, memory_order_relaxed);
      PyObject *n = atomic_load_explicit(&e->name, memory_order_relaxed);
      PyObject *val = atomic_load_explicit(&e->value, memory_order_relaxed);
      atomic_thread_fence(memory_order_acquire);
      if (atomic_load_explicit(&e->seq, memory_order_relaxed) == s1 && v == version && n == name) return val;
    }
  }
  PyObject *exc = wf_err_fetch(); /* dict lookups must not see or clobber a pending error */
  PyObject *val = find_in_mro(type, name);
  wf_err_restore(exc);
  if (cacheable) {
    uint32_t s = atomic_load_explicit(&e->seq, memory_order_relaxed);
    if (!(s & 1) && atomic_compare_exchange_strong_explicit(&e->seq, &s, s + 1, memory_order_acquire,
                                                            memory_order_relaxed)) {
      atomic_thread_fence(memory_order_release);
      atomic_store_explicit(&e->version, version, memory_order_relaxed);
      atomic_store_explicit(&e->name, name, memory_order_relaxed);
      atomic_store_explicit(&e->value, val, memory_order_relaxed);
      atomic_store_explicit(&e->seq, s + 2, memory_order_release);
    }
  }
  return val;
}

static void modified_rec(PyTypeObject *type, int depth) {
  wf_type_assign_version(type);
  if (depth > 1000) return;
  PyObject *subs = WF_GC_LOAD(&type->tp_subclasses);
  if (!subs) return;
  for (Py_ssize_t i = 0; i < WF_SIZE(subs); i++) modified_rec((PyTypeObject *)WF_TUPLE_GET(subs, i), depth + 1);
}

void wf_type_modified(PyTypeObject *type) { modified_rec(type, 0); }

static void add_subclass(PyTypeObject *base, PyTypeObject *sub) {
  wf_lock_acquire(type_lock(base));
  PyObject *old = base->tp_subclasses;
  Py_ssize_t n = old ? WF_SIZE(old) : 0;
  PyObject *t = wf_tuple_new(n + 1);
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(t, i, WF_TUPLE_GET(old, i));
  WF_TUPLE_INIT(t, n, (PyObject *)sub);
  WF_GC_STORE(&base->tp_subclasses, t);
  wf_lock_release(type_lock(base));
}

static void remove_subclass(PyTypeObject *base, PyTypeObject *sub) {
  wf_lock_acquire(type_lock(base));
  PyObject *old = base->tp_subclasses;
  Py_ssize_t n = old ? WF_SIZE(old) : 0, k = 0;
  for (Py_ssize_t i = 0; i < n; i++)
    if (WF_TUPLE_GET(old, i) == (PyObject *)sub) k++;
  if (k) {
    PyObject *t = wf_tuple_new(n - k);
    for (Py_ssize_t i = 0, j = 0; i < n; i++)
      if (WF_TUPLE_GET(old, i) != (PyObject *)sub) WF_TUPLE_INIT(t, j++, WF_TUPLE_GET(old, i));
    WF_GC_STORE(&base->tp_subclasses, t);
  }
  wf_lock_release(type_lock(base));
}

/* ---- C3 linearization ---------------------------------------------------------------- */

static bool tail_contains(PyObject *list, Py_ssize_t start, PyObject *o) {
  for (Py_ssize_t i = start + 1; i < WF_SIZE(list); i++)
    if (WF_TUPLE_GET(list, i) == o) return true;
  return false;
}

/* MRO of `type` from its bases (each already has a tp_mro). */
static PyObject *compute_mro(PyTypeObject *type) {
  PyObject *bases = type->tp_bases;
  Py_ssize_t nb = WF_SIZE(bases);
  if (nb == 1) {
    PyObject *bm = ((PyTypeObject *)WF_TUPLE_GET(bases, 0))->tp_mro;
    PyObject *r = wf_tuple_new(WF_SIZE(bm) + 1);
    WF_TUPLE_INIT(r, 0, (PyObject *)type);
    for (Py_ssize_t i = 0; i < WF_SIZE(bm); i++) WF_TUPLE_INIT(r, i + 1, WF_TUPLE_GET(bm, i));
    return r;
  }
  for (Py_ssize_t i = 0; i < nb; i++)
    for (Py_ssize_t j = i + 1; j < nb; j++)
      if (WF_TUPLE_GET(bases, i) == WF_TUPLE_GET(bases, j))
        return wf_err_format(&wf_TypeError_type, "duplicate base class %U",
                             wf_type_name((PyTypeObject *)WF_TUPLE_GET(bases, i)));
  /* Sequences to merge: each base's MRO, then the bases list. */
  Py_ssize_t nseq = nb + 1;
  PyObject *seqs = wf_tuple_new(nseq);
  WF_GC_ROOT(seqs);
  Py_ssize_t total = 1;
  for (Py_ssize_t i = 0; i < nb; i++) {
    PyObject *m = ((PyTypeObject *)WF_TUPLE_GET(bases, i))->tp_mro;
    WF_TUPLE_INIT(seqs, i, m);
    total += WF_SIZE(m);
  }
  WF_TUPLE_INIT(seqs, nb, bases);
  Py_ssize_t *pos = calloc((size_t)nseq, sizeof *pos);
  PyObject **out = calloc((size_t)total, sizeof *out);
  Py_ssize_t nout = 0;
  out[nout++] = (PyObject *)type;
  PyObject *result = NULL;
  for (;;) {
    bool empty = true;
    PyObject *cand = NULL;
    for (Py_ssize_t i = 0; i < nseq; i++) {
      PyObject *s = WF_TUPLE_GET(seqs, i);
      if (pos[i] >= WF_SIZE(s)) continue;
      empty = false;
      PyObject *c = WF_TUPLE_GET(s, pos[i]);
      bool ok = true;
      for (Py_ssize_t j = 0; j < nseq && ok; j++) {
        PyObject *sj = WF_TUPLE_GET(seqs, j);
        if (pos[j] < WF_SIZE(sj) && tail_contains(sj, pos[j], c)) ok = false;
      }
      if (ok) {
        cand = c;
        break;
      }
    }
    if (empty) break;
    if (!cand) {
      /* CPython's message: the remaining heads, in the order of the bases,
       * each named once, after "for bases ". */
      PyObject *parts = wf_tuple_new(nseq);
      Py_ssize_t np = 0;
      for (Py_ssize_t i = 0; i < nseq; i++) {
        PyObject *s = WF_TUPLE_GET(seqs, i);
        if (pos[i] >= WF_SIZE(s)) continue;
        PyObject *h = WF_TUPLE_GET(s, pos[i]);
        bool seen = false;
        for (Py_ssize_t k = 0; k < np; k++)
          if (WF_TUPLE_GET(parts, k) == h) seen = true;
        if (!seen) WF_TUPLE_INIT(parts, np++, h);
      }
      char buf[1000];
      size_t off = 0;
      buf[0] = 0;
      for (Py_ssize_t k = 0; k < np; k++) {
        PyTypeObject *bt = (PyTypeObject *)WF_TUPLE_GET(parts, k);
        const char *nm = wf_str_as_utf8(wf_type_name(bt), NULL);
        off += (size_t)snprintf(buf + off, off < sizeof buf ? sizeof buf - off : 0, "%s%s", k ? ", " : "", nm ? nm : "?");
        if (off >= sizeof buf) break;
      }
      wf_err_format(&wf_TypeError_type, "Cannot create a consistent method resolution\norder (MRO) for bases %s", buf);
      goto done;
    }
    out[nout++] = cand;
    for (Py_ssize_t i = 0; i < nseq; i++) {
      PyObject *s = WF_TUPLE_GET(seqs, i);
      if (pos[i] < WF_SIZE(s) && WF_TUPLE_GET(s, pos[i]) == cand) pos[i]++;
    }
  }
  result = wf_tuple_from_array(out, nout);
done:
  free(pos);
  free(out);
  return result;
}

/* ---- Readiness ------------------------------------------------------------------------ */

#define COPY(f) \
  if (!t->f) t->f = b->f
#define COPYSUB(tab, f) \
  if (!t->tab->f) t->tab->f = b->tab->f

static const unsigned long subclass_flags = Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS |
                                            Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS |
                                            Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS |
                                            Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS;

static void inherit_slots(PyTypeObject *t, PyTypeObject *b) {
  t->tp_flags |= b->tp_flags & subclass_flags;
  if (!(t->tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)))
    t->tp_flags |= b->tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
  if (!t->tp_basicsize) t->tp_basicsize = b->tp_basicsize;
  if (!t->tp_itemsize) t->tp_itemsize = b->tp_itemsize;
  COPY(tp_weaklistoffset);
  COPY(tp_dictoffset);
  if (t->tp_as_number && b->tp_as_number && t->tp_as_number != b->tp_as_number) {
    COPYSUB(tp_as_number, nb_add); COPYSUB(tp_as_number, nb_subtract); COPYSUB(tp_as_number, nb_multiply);
    COPYSUB(tp_as_number, nb_remainder); COPYSUB(tp_as_number, nb_divmod); COPYSUB(tp_as_number, nb_power);
    COPYSUB(tp_as_number, nb_negative); COPYSUB(tp_as_number, nb_positive); COPYSUB(tp_as_number, nb_absolute);
    COPYSUB(tp_as_number, nb_bool); COPYSUB(tp_as_number, nb_invert); COPYSUB(tp_as_number, nb_lshift);
    COPYSUB(tp_as_number, nb_rshift); COPYSUB(tp_as_number, nb_and); COPYSUB(tp_as_number, nb_xor);
    COPYSUB(tp_as_number, nb_or); COPYSUB(tp_as_number, nb_int); COPYSUB(tp_as_number, nb_float);
    COPYSUB(tp_as_number, nb_inplace_add); COPYSUB(tp_as_number, nb_inplace_subtract);
    COPYSUB(tp_as_number, nb_inplace_multiply); COPYSUB(tp_as_number, nb_inplace_remainder);
    COPYSUB(tp_as_number, nb_inplace_power); COPYSUB(tp_as_number, nb_inplace_lshift);
    COPYSUB(tp_as_number, nb_inplace_rshift); COPYSUB(tp_as_number, nb_inplace_and);
    COPYSUB(tp_as_number, nb_inplace_xor); COPYSUB(tp_as_number, nb_inplace_or);
    COPYSUB(tp_as_number, nb_floor_divide); COPYSUB(tp_as_number, nb_true_divide);
    COPYSUB(tp_as_number, nb_inplace_floor_divide); COPYSUB(tp_as_number, nb_inplace_true_divide);
    COPYSUB(tp_as_number, nb_index); COPYSUB(tp_as_number, nb_matrix_multiply);
    COPYSUB(tp_as_number, nb_inplace_matrix_multiply);
  }
  if (t->tp_as_async && b->tp_as_async && t->tp_as_async != b->tp_as_async) {
    COPYSUB(tp_as_async, am_await); COPYSUB(tp_as_async, am_aiter); COPYSUB(tp_as_async, am_anext);
    COPYSUB(tp_as_async, am_send);
  }
  if (t->tp_as_sequence && b->tp_as_sequence && t->tp_as_sequence != b->tp_as_sequence) {
    COPYSUB(tp_as_sequence, sq_length); COPYSUB(tp_as_sequence, sq_concat); COPYSUB(tp_as_sequence, sq_repeat);
    COPYSUB(tp_as_sequence, sq_item); COPYSUB(tp_as_sequence, sq_ass_item); COPYSUB(tp_as_sequence, sq_contains);
    COPYSUB(tp_as_sequence, sq_inplace_concat); COPYSUB(tp_as_sequence, sq_inplace_repeat);
  }
  if (t->tp_as_mapping && b->tp_as_mapping && t->tp_as_mapping != b->tp_as_mapping) {
    COPYSUB(tp_as_mapping, mp_length); COPYSUB(tp_as_mapping, mp_subscript);
    COPYSUB(tp_as_mapping, mp_ass_subscript);
  }
  if (t->tp_as_buffer && b->tp_as_buffer && t->tp_as_buffer != b->tp_as_buffer) {
    COPYSUB(tp_as_buffer, bf_getbuffer); COPYSUB(tp_as_buffer, bf_releasebuffer);
  }
  COPY(tp_as_async); COPY(tp_as_number); COPY(tp_as_sequence); COPY(tp_as_mapping); COPY(tp_as_buffer);
  COPY(tp_dealloc);
  if (!t->tp_getattr && !t->tp_getattro) {
    t->tp_getattr = b->tp_getattr;
    t->tp_getattro = b->tp_getattro;
  }
  if (!t->tp_setattr && !t->tp_setattro) {
    t->tp_setattr = b->tp_setattr;
    t->tp_setattro = b->tp_setattro;
  }
  COPY(tp_repr);
  COPY(tp_call);
  COPY(tp_str);
  if (!t->tp_richcompare && !t->tp_hash) {
    t->tp_richcompare = b->tp_richcompare;
    t->tp_hash = b->tp_hash;
  }
  COPY(tp_iter);
  COPY(tp_iternext);
  COPY(tp_descr_get);
  COPY(tp_descr_set);
  COPY(tp_init);
  COPY(tp_alloc);
  COPY(tp_is_gc);
  COPY(tp_finalize);
  COPY(tp_free);
  if (!t->tp_vectorcall_offset && !t->tp_call && (b->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) && !IS_HEAP(t)) {
    t->tp_vectorcall_offset = b->tp_vectorcall_offset;
    t->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
  }
  if (!t->tp_call && !t->tp_vectorcall_offset) t->tp_vectorcall_offset = b->tp_vectorcall_offset;
  if (!t->wf.trace && !IS_HEAP(t)) t->wf.trace = b->wf.trace;
}

static PyObject *tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds);
static PyMethodDef tp_new_methoddef = {"__new__", (PyCFunction)(void (*)(void))tp_new_wrapper,
                                       METH_VARARGS | METH_KEYWORDS,
                                       "Create and return a new object.  See help(type) for accurate signature."};

static const char *doc_body(const char *doc) {
  /* Drop an argument-clinic text signature "name(...)\n--\n\n". */
  const char *p = strstr(doc, ")\n--\n\n");
  if (p && !memchr(doc, '\n', (size_t)(p - doc))) return p + 6;
  return doc;
}

static int add_operators(PyTypeObject *type) {
  PyObject *dict = type->tp_dict;
  for (int i = 0; i < wf_slotdefs_count; i++) {
    wf_slotdef *d = &wf_slotdefs[i];
    if (!d->wrapper) continue; /* __new__ (below), __getattr__: no wrapper */
    void **ptr = wf_slot_ptr(type, d->offset);
    if (!ptr || !*ptr) continue;
    if (wf_dict_getitem(dict, d->name_str)) continue;
    PyObject *v;
    if (*ptr == (void *)wf_object_hash_not_implemented)
      v = WF_NONE;
    else
      v = wf_descr_new_wrapper(type, d, *ptr);
    if (wf_dict_setitem(dict, d->name_str, v) < 0) return -1;
  }
  if (type->tp_new && !wf_dict_getitem(dict, WF_ID(__new__))) {
    PyObject *f = wf_cfunction_new(&tp_new_methoddef, (PyObject *)type, NULL);
    if (wf_dict_setitem(dict, WF_ID(__new__), f) < 0) return -1;
  }
  return 0;
}

static int fill_dict(PyTypeObject *type) {
  PyObject *dict = type->tp_dict;
  if (add_operators(type) < 0) return -1;
  if (type->tp_methods)
    for (PyMethodDef *m = type->tp_methods; m->ml_name; m++) {
      PyObject *name = wf_str_intern_cstr(m->ml_name);
      if (wf_dict_getitem(dict, name) && !(m->ml_flags & METH_COEXIST)) continue;
      PyObject *v;
      if (m->ml_flags & METH_CLASS)
        v = wf_descr_new_classmethod(type, m);
      else if (m->ml_flags & METH_STATIC)
        v = wf_cfunction_new(m, NULL, NULL);
      else
        v = wf_descr_new_method(type, m);
      if (!v || wf_dict_setitem(dict, name, v) < 0) return -1;
    }
  if (type->tp_members)
    for (PyMemberDef *m = type->tp_members; m->name; m++) {
      PyObject *name = wf_str_intern_cstr(m->name);
      if (wf_dict_getitem(dict, name)) continue;
      if (wf_dict_setitem(dict, name, wf_descr_new_member(type, m)) < 0) return -1;
    }
  if (type->tp_getset)
    for (PyGetSetDef *g = type->tp_getset; g->name; g++) {
      PyObject *name = wf_str_intern_cstr(g->name);
      if (wf_dict_getitem(dict, name)) continue;
      if (wf_dict_setitem(dict, name, wf_descr_new_getset(type, g)) < 0) return -1;
    }
  if (!wf_dict_getitem(dict, WF_ID(__doc__))) {
    PyObject *doc = WF_NONE;
    if (type->tp_doc && !IS_HEAP(type)) {
      doc = wf_str_from_cstr(doc_body(type->tp_doc));
      if (!doc) return -1;
    }
    if (wf_dict_setitem(dict, WF_ID(__doc__), doc) < 0) return -1;
  }
  return 0;
}

int wf_type_ready(PyTypeObject *type) {
  if (type->tp_flags & Py_TPFLAGS_READY) return 0;
  if (type->tp_flags & Py_TPFLAGS_READYING) return 0;
  type->tp_flags |= Py_TPFLAGS_READYING;
  bool heap = IS_HEAP(type);
  if (!heap) {
    type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
    wf_gc_add_global_root((void **)&type->tp_dict);
    wf_gc_add_global_root((void **)&type->tp_bases);
    wf_gc_add_global_root((void **)&type->tp_mro);
    wf_gc_add_global_root((void **)&type->tp_subclasses);
  }
  if (!WF_TYPE((PyObject *)type)) type->ob_base.ob_base.ob_type = &wf_type_type;
  PyTypeObject *base = type->tp_base;
  if (!base && type != &wf_object_type) base = type->tp_base = &wf_object_type;
  if (base && !(base->tp_flags & Py_TPFLAGS_READY) && wf_type_ready(base) < 0) goto fail;
  if (!type->tp_bases) WF_GC_STORE(&type->tp_bases, base ? wf_tuple_pack(1, (PyObject *)base) : wf_tuple_new(0));
  for (Py_ssize_t i = 0; i < WF_SIZE(type->tp_bases); i++) {
    PyTypeObject *b = (PyTypeObject *)WF_TUPLE_GET(type->tp_bases, i);
    if (!(b->tp_flags & Py_TPFLAGS_READY) && wf_type_ready(b) < 0) goto fail;
  }
  if (!type->tp_dict) WF_GC_STORE(&type->tp_dict, wf_dict_new());
  if (base) {
    PyObject *mro = compute_mro(type);
    if (!mro) goto fail;
    WF_GC_STORE(&type->tp_mro, mro);
  } else {
    WF_GC_STORE(&type->tp_mro, wf_tuple_pack(1, (PyObject *)type));
  }
  /* tp_new: inherited unless instantiation is disallowed. */
  bool own_new = type->tp_new != NULL;
  if (type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) type->tp_new = NULL;
  if (!own_new) type->tp_new = NULL;
  if (fill_dict(type) < 0) goto fail;
  if (base && !own_new && !(type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION)) type->tp_new = base->tp_new;
  /* Inherit from every base along the MRO (CPython inherits from each MRO entry). */
  for (Py_ssize_t i = 1; i < WF_SIZE(type->tp_mro); i++)
    inherit_slots(type, (PyTypeObject *)WF_TUPLE_GET(type->tp_mro, i));
  if (!type->tp_hash) {
    if (!wf_dict_getitem(type->tp_dict, WF_ID(__hash__)) &&
        wf_dict_setitem(type->tp_dict, WF_ID(__hash__), WF_NONE) < 0)
      goto fail;
    type->tp_hash = wf_object_hash_not_implemented;
  }
  for (Py_ssize_t i = 0; i < WF_SIZE(type->tp_bases); i++)
    add_subclass((PyTypeObject *)WF_TUPLE_GET(type->tp_bases, i), type);
  wf_type_assign_version(type);
  type->tp_flags = (type->tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY;
  type->wf.ready = 1;
  return 0;
fail:
  type->tp_flags &= ~Py_TPFLAGS_READYING;
  return -1;
}

/* ---- Heap types: GC tracing, instance layout --------------------------------------------- */

static void type_trace(void *obj, wf_gc_tracer *t) {
  PyTypeObject *type = obj;
  wf_gc_visit(t, type->tp_base);
  wf_gc_visit(t, type->tp_dict);
  wf_gc_visit(t, type->tp_bases);
  wf_gc_visit(t, type->tp_mro);
  wf_gc_visit(t, type->tp_subclasses);
  if (IS_HEAP(type)) {
    wf_heaptype *ht = obj;
    wf_gc_visit(t, ht->ht_name);
    wf_gc_visit(t, ht->ht_slots);
    wf_gc_visit(t, ht->ht_qualname);
    wf_gc_visit(t, ht->ht_module);
    wf_gc_visit(t, ht->_spec_cache);
    wf_gc_visit(t, ht->wf_solid);
    /* A metatype's own instance fields (words after the heap type). */
    PyTypeObject *meta = WF_TYPE(obj);
    for (Py_ssize_t off = (Py_ssize_t)sizeof(wf_heaptype); off + (Py_ssize_t)sizeof(void *) <= meta->tp_basicsize;
         off += (Py_ssize_t)sizeof(void *))
      wf_gc_visit(t, *(void **)((char *)obj + off));
  }
}

static inline Py_ssize_t var_size(PyTypeObject *tp, PyObject *o) {
  Py_ssize_t n = WF_SIZE(o);
  if (n < 0) n = -n;
  Py_ssize_t s = tp->tp_basicsize + n * tp->tp_itemsize;
  return (s + 7) & ~(Py_ssize_t)7;
}

PyObject **wf_object_dict_ptr(PyObject *o) {
  PyTypeObject *tp = WF_TYPE(o);
  Py_ssize_t off = tp->tp_dictoffset;
  if (off == 0) return NULL;
  if (off < 0) off += var_size(tp, o);
  return (PyObject **)((char *)o + off);
}

PyObject *wf_object_get_dict(PyObject *o) {
  PyObject **p = wf_object_dict_ptr(o);
  if (!p) return NULL;
  PyObject *d = WF_GC_LOAD(p);
  if (d) return d;
  PyObject *nd = wf_dict_new();
  PyObject *expected = NULL;
  if (__atomic_compare_exchange_n(p, &expected, nd, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return nd;
  return expected;
}

/* Instances of heap types: the static ancestor's fields, then references. */
static void subtype_trace(void *obj, wf_gc_tracer *t) {
  PyTypeObject *tp = WF_TYPE(obj);
  while (tp && !IS_HEAP(tp)) tp = tp->tp_base; /* defensive: a static type never uses this */
  if (!tp) return;
  wf_heaptype *ht = (wf_heaptype *)tp;
  PyTypeObject *solid = ht->wf_solid;
  if (solid->wf.trace) solid->wf.trace(obj, t);
  if (solid->tp_itemsize == 0) {
    for (Py_ssize_t off = ht->wf_extra_start; off + (Py_ssize_t)sizeof(void *) <= tp->tp_basicsize;
         off += (Py_ssize_t)sizeof(void *))
      wf_gc_visit(t, *(void **)((char *)obj + off));
  } else {
    PyObject **d = wf_object_dict_ptr(obj);
    if (d) wf_gc_visit(t, *d);
  }
}

PyObject *wf_type_generic_alloc(PyTypeObject *type, Py_ssize_t nitems) {
  size_t size = (size_t)type->tp_basicsize + (size_t)(nitems + (type->tp_itemsize ? 1 : 0)) * (size_t)type->tp_itemsize;
  size = (size + 7) & ~(size_t)7;
  PyObject *o = wf_object_alloc(type, size);
  if (type->tp_itemsize) WF_SIZE(o) = nitems;
  return o;
}

PyObject *wf_type_generic_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)args;
  (void)kwds;
  allocfunc a = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  return a(type, 0);
}

/* ---- __dict__ / __weakref__ of heap-type instances ---- */

static PyObject *subtype_dict_get(PyObject *o, void *c) {
  (void)c;
  PyObject *d = wf_object_get_dict(o);
  if (!d) return wf_err_set_string(&wf_AttributeError_type, "This object has no __dict__");
  return d;
}

int wf_object_generic_set_dict(PyObject *o, PyObject *v, void *c) {
  (void)c;
  PyObject **p = wf_object_dict_ptr(o);
  if (!p) {
    wf_err_set_string(&wf_AttributeError_type, "This object has no __dict__");
    return -1;
  }
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "cannot delete __dict__");
    return -1;
  }
  if (!wf_dict_check(v)) {
    wf_err_format(&wf_TypeError_type, "__dict__ must be set to a dictionary, not a '%.200s'", WF_TYPE(v)->tp_name);
    return -1;
  }
  WF_GC_STORE(p, v);
  return 0;
}

static PyObject *subtype_weakref_get(PyObject *o, void *c) {
  (void)o;
  (void)c;
  return WF_NONE; /* no weak references exist yet */
}

static PyGetSetDef getsets_dict_weak[] = {
    {"__dict__", subtype_dict_get, wf_object_generic_set_dict, "dictionary for instance variables (if defined)", NULL},
    {"__weakref__", subtype_weakref_get, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL}};
static PyGetSetDef getsets_dict[] = {
    {"__dict__", subtype_dict_get, wf_object_generic_set_dict, "dictionary for instance variables (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL}};
static PyGetSetDef getsets_weak[] = {
    {"__weakref__", subtype_weakref_get, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

/* ---- type.__new__ ----------------------------------------------------------------------------- */

static PyTypeObject *solid_base(PyTypeObject *t) {
  if (IS_HEAP(t)) {
    wf_heaptype *ht = (wf_heaptype *)t;
    if (ht->ht_slots) {
      for (Py_ssize_t i = 0; i < WF_SIZE(ht->ht_slots); i++) {
        PyObject *s = WF_TUPLE_GET(ht->ht_slots, i);
        if (!wf_str_equal_cstr(s, "__dict__") && !wf_str_equal_cstr(s, "__weakref__")) return t;
      }
    }
    return solid_base(t->tp_base);
  }
  if (!t->tp_base) return t;
  PyTypeObject *b = solid_base(t->tp_base);
  PyTypeObject *sb = t->tp_base;
  while (IS_HEAP(sb)) sb = sb->tp_base;
  if (t->tp_basicsize != sb->tp_basicsize || t->tp_itemsize != sb->tp_itemsize) return t;
  return b;
}

static PyTypeObject *best_base(PyObject *bases) {
  PyTypeObject *base = NULL, *winner = NULL;
  for (Py_ssize_t i = 0; i < WF_SIZE(bases); i++) {
    PyObject *bo = WF_TUPLE_GET(bases, i);
    if (!wf_type_has_flag(WF_TYPE(bo), Py_TPFLAGS_TYPE_SUBCLASS)) {
      wf_err_set_string(&wf_TypeError_type, "bases must be types");
      return NULL;
    }
    PyTypeObject *b = (PyTypeObject *)bo;
    if (!(b->tp_flags & Py_TPFLAGS_BASETYPE)) {
      wf_err_format(&wf_TypeError_type, "type '%.100s' is not an acceptable base type", b->tp_name);
      return NULL;
    }
    PyTypeObject *cand = solid_base(b);
    if (!winner) {
      winner = cand;
      base = b;
    } else if (wf_type_is_subtype(winner, cand)) {
    } else if (wf_type_is_subtype(cand, winner)) {
      winner = cand;
      base = b;
    } else {
      wf_err_set_string(&wf_TypeError_type, "multiple bases have instance lay-out conflict");
      return NULL;
    }
  }
  return base;
}

static bool is_identifier(PyObject *s) {
  Py_ssize_t n = wf_str_length(s);
  if (n == 0) return false;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read_char(s, i);
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9') ||
              c >= 128;
    if (!ok) return false;
  }
  return true;
}

/* _Class__name mangling of private names. */
static PyObject *mangle(PyObject *classname, PyObject *name) {
  Py_ssize_t n = wf_str_length(name);
  if (n < 2 || wf_str_read_char(name, 0) != '_' || wf_str_read_char(name, 1) != '_') return name;
  if (n >= 4 && wf_str_read_char(name, n - 1) == '_' && wf_str_read_char(name, n - 2) == '_') return name;
  Py_ssize_t cn = wf_str_length(classname), k = 0;
  while (k < cn && wf_str_read_char(classname, k) == '_') k++;
  if (k == cn) return name;
  uint32_t *buf = malloc(sizeof(uint32_t) * (size_t)(1 + cn - k + n));
  Py_ssize_t m = 0;
  buf[m++] = '_';
  for (Py_ssize_t i = k; i < cn; i++) buf[m++] = wf_str_read_char(classname, i);
  for (Py_ssize_t i = 0; i < n; i++) buf[m++] = wf_str_read_char(name, i);
  PyObject *r = wf_str_from_ucs4(buf, m);
  free(buf);
  return r;
}

static PyTypeObject *calculate_metaclass(PyTypeObject *meta, PyObject *bases) {
  PyTypeObject *winner = meta;
  for (Py_ssize_t i = 0; i < WF_SIZE(bases); i++) {
    PyTypeObject *tmp = WF_TYPE(WF_TUPLE_GET(bases, i));
    if (wf_type_is_subtype(winner, tmp)) continue;
    if (wf_type_is_subtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    wf_err_set_string(&wf_TypeError_type,
                      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of "
                      "the metaclasses of all its bases");
    return NULL;
  }
  return winner;
}

static PyObject *type_new_impl(PyTypeObject *metatype, PyObject *args, PyObject *kwds);

static int slots_cmp(const void *a, const void *b) {
  PyObject *x = *(PyObject *const *)a, *y = *(PyObject *const *)b;
  Py_ssize_t nx = wf_str_length(x), ny = wf_str_length(y);
  for (Py_ssize_t i = 0; i < nx && i < ny; i++) {
    uint32_t cx = wf_str_read_char(x, i), cy = wf_str_read_char(y, i);
    if (cx != cy) return cx < cy ? -1 : 1;
  }
  return nx < ny ? -1 : nx > ny;
}

/* A class body's plain functions __new__ (a static method) and
 * __init_subclass__ / __class_getitem__ (class methods), as CPython. */
static int wrap_implicit_methods(PyObject *dict) {
  struct {
    PyObject *name;
    PyObject *(*wrap)(PyObject *);
  } implicit[] = {{WF_ID(__new__), wf_staticmethod_new},
                  {WF_ID(__init_subclass__), wf_classmethod_new},
                  {WF_ID(__class_getitem__), wf_classmethod_new}};
  for (size_t i = 0; i < sizeof implicit / sizeof implicit[0]; i++) {
    PyObject *f = wf_dict_getitem(dict, implicit[i].name);
    if (!f || !wf_function_check(f)) continue;
    PyObject *w = implicit[i].wrap(f);
    if (!w || wf_dict_setitem(dict, implicit[i].name, w) < 0) return -1;
  }
  return 0;
}

/* type(name, bases, dict) called directly: __module__ is the calling
 * frame's __name__. */
static int set_default_module(PyObject *dict) {
  if (wf_dict_getitem(dict, WF_ID(__module__))) return 0;
  wf_frame *f = wf_frame_current();
  PyObject *mod = f && f->globals ? wf_dict_getitem(f->globals, WF_ID(__name__)) : NULL;
  return mod ? wf_dict_setitem(dict, WF_ID(__module__), mod) : 0;
}

/* The zero-argument super() cell the compiler created for the class body. */
static int set_classcell(PyTypeObject *type, PyObject *dict) {
  PyObject *cell = wf_dict_getitem(dict, WF_ID(__classcell__));
  if (!cell) return 0;
  if (!wf_cell_check(cell)) {
    wf_err_format(&wf_TypeError_type, "__classcell__ must be a nonlocal cell, not %R", (PyObject *)WF_TYPE(cell));
    return -1;
  }
  wf_cell_set(cell, (PyObject *)type);
  return wf_dict_delitem(dict, WF_ID(__classcell__));
}

static int call_set_name_and_init_subclass(PyTypeObject *type, PyObject *kwds) {
  PyObject *dict = wf_dict_copy(type->tp_dict);
  WF_GC_ROOT(dict);
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (wf_dict_next(dict, &pos, &k, &v)) {
    PyObject *f = wf_type_lookup(WF_TYPE(v), WF_ID(__set_name__));
    if (!f) continue;
    PyObject *argv[3] = {v, (PyObject *)type, k};
    PyObject *r;
    if (wf_type_has_flag(WF_TYPE(f), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
      r = wf_call(f, argv, 3, NULL);
    } else {
      PyObject *bound = WF_TYPE(f)->tp_descr_get ? WF_TYPE(f)->tp_descr_get(f, v, (PyObject *)WF_TYPE(v)) : f;
      r = bound ? wf_call(bound, argv + 1, 2, NULL) : NULL;
    }
    if (!r) {
      PyObject *cause = wf_err_fetch();
      WF_GC_ROOT(cause);
      wf_err_format(&wf_RuntimeError_type, "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                    WF_TYPE(v)->tp_name, k, type->tp_name);
      PyObject *e = wf_err_current();
      if (e && cause) wf_exc_set_cause(e, cause);
      return -1;
    }
  }
  /* super(type, type).__init_subclass__(**kwds) */
  PyObject *mro = type->tp_mro;
  PyObject *f = NULL;
  for (Py_ssize_t i = 1; i < WF_SIZE(mro) && !f; i++) {
    PyObject *d = ((PyTypeObject *)WF_TUPLE_GET(mro, i))->tp_dict;
    f = wf_dict_getitem(d, WF_ID(__init_subclass__));
  }
  if (!f) return 0;
  if (WF_TYPE(f)->tp_descr_get) {
    f = WF_TYPE(f)->tp_descr_get(f, NULL, (PyObject *)type);
    if (!f) return -1;
  }
  PyObject *empty = wf_tuple_new(0);
  PyObject *r = wf_call_tuple_dict(f, empty, kwds && wf_dict_size(kwds) ? kwds : NULL);
  return r ? 0 : -1;
}

static PyObject *type_new_impl(PyTypeObject *metatype, PyObject *args, PyObject *kwds) {
  PyObject *name = WF_TUPLE_GET(args, 0), *bases = WF_TUPLE_GET(args, 1), *orig_dict = WF_TUPLE_GET(args, 2);
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  if (!wf_str_check(name))
    return wf_err_format(&wf_TypeError_type, "type.__new__() argument 1 must be str, not %.200s", WF_TYPE(name)->tp_name);
  if (!wf_tuple_check(bases))
    return wf_err_format(&wf_TypeError_type, "type.__new__() argument 2 must be tuple, not %.200s",
                         WF_TYPE(bases)->tp_name);
  if (!wf_dict_check(orig_dict))
    return wf_err_format(&wf_TypeError_type, "type.__new__() argument 3 must be dict, not %.200s",
                         WF_TYPE(orig_dict)->tp_name);
  PyTypeObject *winner = calculate_metaclass(metatype, bases);
  if (!winner) return NULL;
  if (winner != metatype && winner->tp_new != metatype->tp_new && winner->tp_new)
    return winner->tp_new(winner, args, kwds);
  metatype = winner;
  if (WF_SIZE(bases) == 0) bases = wf_tuple_pack(1, (PyObject *)&wf_object_type);
  WF_GC_ROOT(bases);
  PyTypeObject *base = best_base(bases);
  if (!base) return NULL;
  PyObject *dict = wf_dict_copy(orig_dict);
  WF_GC_ROOT(dict);
  if (wf_dict_getitem(dict, WF_ID(__eq__)) && !wf_dict_getitem(dict, WF_ID(__hash__)) &&
      wf_dict_setitem(dict, WF_ID(__hash__), WF_NONE) < 0)
    return NULL;

  /* __slots__ */
  PyObject *slots = wf_dict_getitem_err(dict, WF_ID(__slots__));
  if (!slots && wf_err_occurred()) return NULL;
  WF_GC_ROOT(slots);
  bool add_dict = base->tp_dictoffset == 0, add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
  Py_ssize_t nslots = 0;
  if (slots) {
    if (wf_str_check(slots))
      slots = wf_tuple_pack(1, slots);
    else
      slots = wf_sequence_tuple(slots);
    if (!slots) return NULL;
    bool want_dict = false, want_weak = false;
    PyObject *names = wf_tuple_new(WF_SIZE(slots));
    WF_GC_ROOT(names);
    for (Py_ssize_t i = 0; i < WF_SIZE(slots); i++) {
      PyObject *s = WF_TUPLE_GET(slots, i);
      if (!wf_str_check(s))
        return wf_err_format(&wf_TypeError_type, "__slots__ items must be strings, not '%.200s'", WF_TYPE(s)->tp_name);
      if (!is_identifier(s)) return wf_err_set_string(&wf_TypeError_type, "__slots__ must be identifiers");
      if (wf_str_equal_cstr(s, "__dict__")) {
        if (!add_dict || want_dict)
          return wf_err_set_string(&wf_TypeError_type, "__dict__ slot disallowed: we already got one");
        want_dict = true;
        continue;
      }
      if (wf_str_equal_cstr(s, "__weakref__")) {
        if (!add_weak || want_weak)
          return wf_err_set_string(&wf_TypeError_type, "__weakref__ slot disallowed: either we already got one, or "
                                                        "the base type does not support weak references");
        want_weak = true;
        continue;
      }
      PyObject *m = mangle(name, s);
      if (!m) return NULL;
      for (Py_ssize_t j = 0; j < nslots; j++)
        if (wf_str_equal(WF_TUPLE_GET(names, j), m))
          return wf_err_format(&wf_TypeError_type, "duplicate slot name"); /* CPython lets the dict decide */
      if (wf_dict_getitem(dict, m))
        return wf_err_format(&wf_ValueError_type, "%R in __slots__ conflicts with class variable", s);
      WF_TUPLE_INIT(names, nslots++, m);
    }
    if (nslots && base->tp_itemsize)
      return wf_err_format(&wf_TypeError_type, "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
    qsort(WF_TUPLE_ITEMS(names), (size_t)nslots, sizeof(PyObject *), slots_cmp);
    add_dict = add_dict && want_dict;
    add_weak = add_weak && want_weak;
    PyObject *all = wf_tuple_new(nslots + want_dict + want_weak);
    for (Py_ssize_t j = 0; j < nslots; j++) WF_TUPLE_INIT(all, j, WF_TUPLE_GET(names, j));
    if (want_dict) WF_TUPLE_INIT(all, nslots, wf_str_intern_cstr("__dict__"));
    if (want_weak) WF_TUPLE_INIT(all, nslots + want_dict, wf_str_intern_cstr("__weakref__"));
    slots = all;
  }

  /* The type object. */
  wf_heaptype *ht = (wf_heaptype *)wf_object_alloc(metatype, (size_t)metatype->tp_basicsize);
  PyTypeObject *type = &ht->ht_type;
  WF_GC_ROOT(type);
  type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;
  type->tp_as_async = &ht->as_async;
  type->tp_as_number = &ht->as_number;
  type->tp_as_sequence = &ht->as_sequence;
  type->tp_as_mapping = &ht->as_mapping;
  type->tp_as_buffer = &ht->as_buffer;
  WF_GC_STORE(&type->tp_bases, bases);
  WF_GC_STORE(&type->tp_base, base);
  WF_GC_STORE(&ht->ht_name, name);
  type->tp_name = wf_str_as_utf8(name, NULL);
  if (!type->tp_name) return NULL;
  {
    Py_ssize_t ulen;
    wf_str_as_utf8(name, &ulen);
    if ((Py_ssize_t)strlen(type->tp_name) != ulen)
      return wf_err_set_string(&wf_ValueError_type, "type name must not contain null characters");
  }
  WF_GC_STORE(&ht->ht_slots, slots);
  WF_GC_STORE(&type->tp_dict, dict);

  /* __module__ (from the class body; Weft has no frames yet) and __qualname__. */
  PyObject *qualname = wf_dict_getitem_err(dict, WF_ID(__qualname__));
  if (!qualname && wf_err_occurred()) return NULL;
  if (qualname) {
    if (!wf_str_check(qualname))
      return wf_err_format(&wf_TypeError_type, "type __qualname__ must be a str, not %s", WF_TYPE(qualname)->tp_name);
    if (wf_dict_delitem(dict, WF_ID(__qualname__)) < 0) return NULL;
  }
  WF_GC_STORE(&ht->ht_qualname, qualname ? qualname : name);
  if (wrap_implicit_methods(dict) < 0 || set_default_module(dict) < 0) return NULL;
  PyObject *doc = wf_dict_getitem(dict, WF_ID(__doc__));
  if (doc && wf_str_check(doc)) type->tp_doc = wf_str_as_utf8(doc, NULL);
  if (!type->tp_doc) wf_err_clear();

  /* Layout: the solid static ancestor's fields, then slots, __dict__, __weakref__. */
  PyTypeObject *sb = base;
  while (IS_HEAP(sb)) sb = sb->tp_base;
  ht->wf_solid = sb;
  ht->wf_extra_start = IS_HEAP(base) ? ((wf_heaptype *)base)->wf_extra_start : sb->tp_basicsize;
  Py_ssize_t size = base->tp_basicsize;
  type->tp_itemsize = base->tp_itemsize;
  if (nslots) {
    /* Member definitions live in a GC buffer owned by the type (_spec_cache). */
    PyObject *buf = (PyObject *)wf_gc_alloc(sizeof(PyObject) + sizeof(PyMemberDef) * (size_t)(nslots + 1));
    buf->ob_type = &wf_rawbuf_type;
    PyMemberDef *mem = (PyMemberDef *)(buf + 1);
    for (Py_ssize_t i = 0; i < nslots; i++) {
      mem[i].name = wf_str_as_utf8(WF_TUPLE_GET(slots, i), NULL);
      mem[i].type = T_OBJECT_EX;
      mem[i].offset = size;
      size += (Py_ssize_t)sizeof(PyObject *);
    }
    WF_GC_STORE(&ht->_spec_cache, buf);
    type->tp_members = mem;
  }
  if (add_dict) {
    if (base->tp_itemsize)
      type->tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *);
    else
      type->tp_dictoffset = size;
    size += (Py_ssize_t)sizeof(PyObject *);
  }
  if (add_weak) {
    type->tp_weaklistoffset = size;
    size += (Py_ssize_t)sizeof(PyObject *);
  }
  type->tp_basicsize = size;
  type->tp_getset = add_dict && add_weak ? getsets_dict_weak : add_dict ? getsets_dict : add_weak ? getsets_weak : NULL;
  type->wf.trace = subtype_trace;
  type->tp_alloc = wf_type_generic_alloc;

  if (wf_type_ready(type) < 0) return NULL;
  wf_type_update_slots(type, NULL);
  wf_type_assign_version(type);
  if (set_classcell(type, dict) < 0 || call_set_name_and_init_subclass(type, kwds) < 0) return NULL;
  return (PyObject *)type;
}

PyObject *wf_type_new(PyTypeObject *metatype, PyObject *name, PyObject *bases, PyObject *dict, PyObject *kwds) {
  PyObject *args = wf_tuple_pack(3, name, bases, dict);
  return type_new_impl(metatype, args, kwds);
}

static PyObject *type_tp_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds) {
  Py_ssize_t n = WF_SIZE(args);
  if (n != 3) {
    if (n == 1 && metatype == &wf_type_type && (!kwds || !wf_dict_size(kwds)))
      return (PyObject *)WF_TYPE(WF_TUPLE_GET(args, 0));
    return wf_err_set_string(&wf_TypeError_type, n == 1 ? "type.__new__() takes exactly 3 arguments (1 given)"
                                                        : "type() takes 1 or 3 arguments");
  }
  return type_new_impl(metatype, args, kwds);
}

static int type_init(PyObject *self, PyObject *args, PyObject *kwds) {
  Py_ssize_t n = WF_SIZE(args);
  if (kwds && wf_dict_size(kwds) && n == 1) {
    wf_err_set_string(&wf_TypeError_type, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (n != 1 && n != 3) {
    wf_err_set_string(&wf_TypeError_type, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

/* ---- Calling a type ------------------------------------------------------------------------- */

static PyObject *kwnames_to_dict(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (!kwnames || WF_SIZE(kwnames) == 0) return NULL;
  PyObject *d = wf_dict_new();
  for (Py_ssize_t i = 0; i < WF_SIZE(kwnames); i++)
    if (wf_dict_setitem(d, WF_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) return NULL;
  return d;
}

static PyObject *type_call(PyObject *callable, PyObject *args, PyObject *kwds) {
  PyTypeObject *type = (PyTypeObject *)callable;
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  if (type == &wf_type_type && WF_SIZE(args) == 1 && (!kwds || !wf_dict_size(kwds)))
    return (PyObject *)WF_TYPE(WF_TUPLE_GET(args, 0));
  if (!type->tp_new) return wf_err_format(&wf_TypeError_type, "cannot create '%s' instances", type->tp_name);
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  PyObject *obj = type->tp_new(type, args, kwds);
  wf_leave_recursive();
  if (!obj) return NULL;
  if (!wf_object_type_check(obj, type)) return obj;
  PyTypeObject *ot = WF_TYPE(obj);
  if (ot->tp_init) {
    WF_GC_ROOT(obj);
    if (ot->tp_init(obj, args, kwds) < 0) return NULL;
  }
  return obj;
}

/* The common class instantiation: a heap type with object.__new__ and an
 * __init__ written in Python. Allocates as object.__new__ does and calls
 * __init__ with the caller's argument vector, self prepended: no argument
 * tuples. *handled false when the type does not qualify. */
#define CONSTRUCT_MAX_ARGS 15
static PyObject *construct_plain(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 bool *handled) {
  Py_ssize_t total = nargs + (kwnames ? WF_SIZE(kwnames) : 0);
  PyObject *init = wf_type_lookup(type, WF_ID(__init__));
  *handled = init && WF_TYPE(init) == &wf_function_type && total < CONSTRUCT_MAX_ARGS &&
             !(type->tp_flags & Py_TPFLAGS_IS_ABSTRACT);
  if (!*handled) return NULL;
  WF_GC_ROOT(init);
  if (wf_enter_recursive(" while calling a Python object") < 0) return NULL;
  allocfunc alloc = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  PyObject *obj = alloc(type, 0);
  wf_leave_recursive();
  if (!obj) return NULL;
  WF_GC_ROOT(obj);
  PyObject *argv[CONSTRUCT_MAX_ARGS + 1]; /* the caller's arguments are its roots; obj is rooted */
  argv[0] = obj;
  memcpy(argv + 1, args, (size_t)total * sizeof *args);
  PyObject *r = wf_call(init, argv, (size_t)nargs + 1, kwnames);
  if (!r) return NULL;
  if (r != WF_NONE)
    return wf_err_format(&wf_TypeError_type, "__init__() should return None, not '%.200s'", WF_TYPE(r)->tp_name);
  return obj;
}

PyObject *wf_type_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  PyTypeObject *type = (PyTypeObject *)callable;
  if (nargs == 1 && (!kwnames || WF_SIZE(kwnames) == 0)) {
    /* type(x), str(x): what their tp_new does with one argument */
    if (type == &wf_type_type) return (PyObject *)WF_TYPE(args[0]);
    if (type == &wf_str_type) return wf_object_str(args[0]);
  }
  if (IS_HEAP(type) && type->tp_new == wf_object_type.tp_new && type->tp_init == wf_slot_tp_init_fn()) {
    bool handled;
    PyObject *r = construct_plain(type, args, nargs, kwnames, &handled);
    if (handled) return r;
  }
  PyObject *tuple = wf_tuple_from_array(args, nargs);
  WF_GC_ROOT(tuple);
  PyObject *kw = kwnames_to_dict(args, nargs, kwnames);
  if (!kw && wf_err_occurred()) return NULL;
  return type_call(callable, tuple, kw);
}

/* tp_new exposed as T.__new__(S, ...). */
static PyObject *tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds) {
  PyTypeObject *type = (PyTypeObject *)self;
  if (WF_SIZE(args) < 1)
    return wf_err_format(&wf_TypeError_type, "%s.__new__(): not enough arguments", type->tp_name);
  PyObject *arg0 = WF_TUPLE_GET(args, 0);
  if (!wf_type_has_flag(WF_TYPE(arg0), Py_TPFLAGS_TYPE_SUBCLASS))
    return wf_err_format(&wf_TypeError_type, "%s.__new__(X): X is not a type object (%s)", type->tp_name,
                         WF_TYPE(arg0)->tp_name);
  PyTypeObject *sub = (PyTypeObject *)arg0;
  if (!wf_type_is_subtype(sub, type))
    return wf_err_format(&wf_TypeError_type, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name, sub->tp_name,
                         sub->tp_name, type->tp_name);
  /* The most derived base of sub that is not a heap type must use this tp_new. */
  PyTypeObject *staticbase = sub;
  while (staticbase && (staticbase->tp_new == wf_slot_tp_new_fn())) staticbase = staticbase->tp_base;
  if (staticbase && staticbase->tp_new != type->tp_new)
    return wf_err_format(&wf_TypeError_type, "%s.__new__(%s) is not safe, use %s.__new__()", type->tp_name,
                         sub->tp_name, staticbase->tp_name);
  PyObject *rest = wf_tuple_slice(args, 1, WF_SIZE(args));
  return type->tp_new(sub, rest, kwds);
}

/* ---- type's attributes ------------------------------------------------------------------------ */

PyObject *wf_type_name(PyTypeObject *type) {
  if (IS_HEAP(type)) return ((wf_heaptype *)type)->ht_name;
  const char *s = strrchr(type->tp_name, '.');
  return wf_str_from_cstr(s ? s + 1 : type->tp_name);
}

PyObject *wf_type_qualname(PyTypeObject *type) {
  if (IS_HEAP(type)) return ((wf_heaptype *)type)->ht_qualname;
  return wf_type_name(type);
}

/* __module__: NULL with AttributeError when a heap type has none. */
static PyObject *type_module(PyTypeObject *type) {
  if (IS_HEAP(type)) {
    PyObject *m = wf_dict_getitem(type->tp_dict, WF_ID(__module__));
    if (!m) return wf_err_set_object(&wf_AttributeError_type, WF_ID(__module__));
    return m;
  }
  const char *s = strrchr(type->tp_name, '.');
  if (s) return wf_str_from_utf8(type->tp_name, s - type->tp_name);
  return WF_ID(builtins);
}

PyObject *wf_type_repr(PyObject *self) {
  PyTypeObject *type = (PyTypeObject *)self;
  PyObject *mod = type_module(type);
  if (!mod) wf_err_clear();
  else if (!wf_str_check(mod))
    mod = NULL;
  PyObject *qn = wf_type_qualname(type);
  if (!qn) return NULL;
  if (mod && !wf_str_equal_cstr(mod, "builtins")) return wf_str_from_format("<class '%U.%U'>", mod, qn);
  return wf_str_from_format("<class '%s'>", type->tp_name);
}

static int check_set_special(PyTypeObject *type, PyObject *value, const char *name) {
  if (!IS_HEAP(type) || (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
    wf_err_format(&wf_TypeError_type, "cannot set '%s' attribute of immutable type '%s'", name, type->tp_name);
    return -1;
  }
  if (!value) {
    wf_err_format(&wf_TypeError_type, "cannot delete '%s' attribute of immutable type '%s'", name, type->tp_name);
    return -1;
  }
  return 0;
}

static PyObject *type_get_name(PyObject *o, void *c) { return wf_type_name((PyTypeObject *)o); }
static int type_set_name(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (check_set_special(type, v, "__name__") < 0) return -1;
  if (!wf_str_check(v)) {
    wf_err_format(&wf_TypeError_type, "can only assign string to %s.__name__, not '%s'", type->tp_name,
                  WF_TYPE(v)->tp_name);
    return -1;
  }
  Py_ssize_t len;
  const char *u = wf_str_as_utf8(v, &len);
  if (!u) return -1;
  if ((Py_ssize_t)strlen(u) != len) {
    wf_err_set_string(&wf_ValueError_type, "type name must not contain null characters");
    return -1;
  }
  WF_GC_STORE(&((wf_heaptype *)type)->ht_name, v);
  type->tp_name = u;
  return 0;
}
static PyObject *type_get_qualname(PyObject *o, void *c) { return wf_type_qualname((PyTypeObject *)o); }
static int type_set_qualname(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (check_set_special(type, v, "__qualname__") < 0) return -1;
  if (!wf_str_check(v)) {
    wf_err_format(&wf_TypeError_type, "can only assign string to %s.__qualname__, not '%s'", type->tp_name,
                  WF_TYPE(v)->tp_name);
    return -1;
  }
  WF_GC_STORE(&((wf_heaptype *)type)->ht_qualname, v);
  return 0;
}
static PyObject *type_get_module(PyObject *o, void *c) { return type_module((PyTypeObject *)o); }
static int type_set_module(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (check_set_special(type, v, "__module__") < 0) return -1;
  wf_lock_acquire(type_lock(type));
  int r = wf_dict_setitem(type->tp_dict, WF_ID(__module__), v);
  wf_type_modified(type);
  wf_lock_release(type_lock(type));
  return r;
}
static PyObject *type_get_bases(PyObject *o, void *c) { return ((PyTypeObject *)o)->tp_bases; }
static PyTypeObject *best_base(PyObject *bases);
static void add_subclass(PyTypeObject *base, PyTypeObject *sub);
static void remove_subclass(PyTypeObject *base, PyTypeObject *sub);

/* __bases__ assignment accepts what python3.11 accepts, so these model
 * CPython's instance layouts: a heap type adds __dict__ / __weakref__ /
 * named slots to its base's, and is garbage-collected (has the GC free
 * function) when its base is or it adds anything. */
static bool cp_named_slots(PyTypeObject *t, Py_ssize_t *n) {
  *n = 0;
  PyObject *sl = IS_HEAP(t) ? ((wf_heaptype *)t)->ht_slots : NULL;
  if (!sl) return false;
  for (Py_ssize_t i = 0; i < WF_SIZE(sl); i++) {
    PyObject *x = WF_TUPLE_GET(sl, i);
    if (!wf_str_equal_cstr(x, "__dict__") && !wf_str_equal_cstr(x, "__weakref__")) (*n)++;
  }
  return true;
}
static bool cp_adds_dict(PyTypeObject *t) { return IS_HEAP(t) && t->tp_dictoffset && !t->tp_base->tp_dictoffset; }
static bool cp_adds_weak(PyTypeObject *t) {
  return IS_HEAP(t) && t->tp_weaklistoffset && !t->tp_base->tp_weaklistoffset;
}
static bool cp_adds_any(PyTypeObject *t) {
  Py_ssize_t n;
  cp_named_slots(t, &n);
  return n > 0 || cp_adds_dict(t) || cp_adds_weak(t);
}
static bool cp_gc(PyTypeObject *t) {
  if (!IS_HEAP(t)) return t->tp_flags & Py_TPFLAGS_HAVE_GC;
  return cp_adds_any(t) || cp_gc(t->tp_base);
}
/* CPython's compatible_with_tp_base: t's instances are laid out as its base's. */
static bool cp_same_as_base(PyTypeObject *t) {
  PyTypeObject *p = t->tp_base;
  if (!p || cp_gc(t) != cp_gc(p)) return false;
  if (IS_HEAP(t)) return !cp_adds_any(t);
  return t->tp_basicsize == p->tp_basicsize && t->tp_itemsize == p->tp_itemsize &&
         t->tp_dictoffset == p->tp_dictoffset && t->tp_weaklistoffset == p->tp_weaklistoffset &&
         t->tp_dealloc == p->tp_dealloc && t->wf.trace == p->wf.trace;
}
/* CPython's same_slots_added: heap types a and b (same base) add the same. */
static bool cp_same_slots_added(PyTypeObject *a, PyTypeObject *b) {
  if (!IS_HEAP(a) || !IS_HEAP(b)) return false;
  Py_ssize_t na, nb;
  bool ha = cp_named_slots(a, &na), hb = cp_named_slots(b, &nb);
  if (na || nb) {
    if (!ha || !hb || cp_adds_dict(a) || cp_adds_dict(b) || cp_adds_weak(a) || cp_adds_weak(b)) return false;
    return wf_object_richcompare_bool(((wf_heaptype *)a)->ht_slots, ((wf_heaptype *)b)->ht_slots, Py_EQ) == 1;
  }
  return cp_adds_dict(a) == cp_adds_dict(b) && cp_adds_weak(a) == cp_adds_weak(b);
}
static PyTypeObject *static_ancestor(PyTypeObject *t) {
  while (IS_HEAP(t)) t = t->tp_base;
  return t;
}

/* Can instances laid out for base `oldto` serve as instances of `newto`?
 * python3.11's verdict and messages, then Weft's own layout (the GC traces
 * an instance through its static ancestor and the heap words after it). */
static int compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr) {
  if (cp_gc(newto) != cp_gc(oldto)) {
    wf_err_format(&wf_TypeError_type, "%s assignment: '%s' deallocator differs from '%s'", attr, newto->tp_name,
                  oldto->tp_name);
    return -1;
  }
  PyTypeObject *nb = newto, *ob = oldto;
  while (cp_same_as_base(nb)) nb = nb->tp_base;
  while (cp_same_as_base(ob)) ob = ob->tp_base;
  bool ok = nb == ob || (nb->tp_base == ob->tp_base && cp_same_slots_added(nb, ob));
  if (wf_err_occurred()) return -1;
  PyTypeObject *ns = static_ancestor(newto), *os = static_ancestor(oldto);
  if (ok && (newto->tp_basicsize != oldto->tp_basicsize || newto->tp_itemsize != oldto->tp_itemsize ||
             newto->tp_dictoffset != oldto->tp_dictoffset || newto->tp_weaklistoffset != oldto->tp_weaklistoffset ||
             ns->tp_basicsize != os->tp_basicsize || ns->wf.trace != os->wf.trace))
    ok = false;
  if (!ok) {
    wf_err_format(&wf_TypeError_type, "%s assignment: '%s' object layout differs from '%s'", attr, newto->tp_name,
                  oldto->tp_name);
    return -1;
  }
  return 0;
}

/* New MROs for `type` and everything below it, top-down; the old ones are
 * appended to `undo` as (type, mro) pairs. */
static int mro_hierarchy(PyTypeObject *type, PyObject *undo, int depth) {
  PyObject *mro = compute_mro(type);
  if (!mro) return -1;
  WF_GC_ROOT(mro);
  if (wf_list_append(undo, (PyObject *)type) < 0 || wf_list_append(undo, type->tp_mro) < 0) return -1;
  WF_GC_STORE(&type->tp_mro, mro);
  PyObject *subs = WF_GC_LOAD(&type->tp_subclasses);
  if (!subs || depth > 1000) return 0;
  WF_GC_ROOT(subs);
  for (Py_ssize_t i = 0; i < WF_SIZE(subs); i++)
    if (mro_hierarchy((PyTypeObject *)WF_TUPLE_GET(subs, i), undo, depth + 1) < 0) return -1;
  return 0;
}

static int type_set_bases(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (check_set_special(type, v, "__bases__") < 0) return -1;
  if (!wf_tuple_check(v)) {
    wf_err_format(&wf_TypeError_type, "can only assign tuple to %s.__bases__, not %s", type->tp_name,
                  WF_TYPE(v)->tp_name);
    return -1;
  }
  if (WF_SIZE(v) == 0) {
    wf_err_format(&wf_TypeError_type, "can only assign non-empty tuple to %s.__bases__, not ()", type->tp_name);
    return -1;
  }
  for (Py_ssize_t i = 0; i < WF_SIZE(v); i++) {
    PyObject *b = WF_TUPLE_GET(v, i);
    if (!wf_type_has_flag(WF_TYPE(b), Py_TPFLAGS_TYPE_SUBCLASS)) {
      wf_err_format(&wf_TypeError_type, "%s.__bases__ must be tuple of classes, not '%s'", type->tp_name,
                    WF_TYPE(b)->tp_name);
      return -1;
    }
    if (wf_type_is_subtype((PyTypeObject *)b, type)) {
      wf_err_set_string(&wf_TypeError_type, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  PyTypeObject *new_base = best_base(v);
  if (!new_base) return -1;
  if (compatible_for_assignment(type->tp_base, new_base, "__bases__") < 0) return -1;
  WF_GC_ROOT(type);
  WF_GC_ROOT(v);
  PyObject *old_bases = type->tp_bases;
  WF_GC_ROOT(old_bases);
  PyTypeObject *old_base = type->tp_base;
  PyObject *undo = wf_list_new(0);
  WF_GC_ROOT(undo);
  WF_GC_STORE(&type->tp_bases, v);
  type->tp_base = new_base;
  if (mro_hierarchy(type, undo, 0) < 0) {
    /* e.g. no consistent MRO: put every MRO changed so far back */
    for (Py_ssize_t i = wf_list_size(undo) - 2; i >= 0; i -= 2) {
      PyTypeObject *t = (PyTypeObject *)wf_list_get(undo, i);
      WF_GC_STORE(&t->tp_mro, wf_list_get(undo, i + 1));
    }
    WF_GC_STORE(&type->tp_bases, old_bases);
    type->tp_base = old_base;
    return -1;
  }
  for (Py_ssize_t i = 0; i < WF_SIZE(old_bases); i++) remove_subclass((PyTypeObject *)WF_TUPLE_GET(old_bases, i), type);
  for (Py_ssize_t i = 0; i < WF_SIZE(v); i++) add_subclass((PyTypeObject *)WF_TUPLE_GET(v, i), type);
  /* inherited dunders may come from elsewhere now; cached lookups too */
  wf_type_update_slots(type, NULL);
  wf_lock_acquire(type_lock(type));
  wf_type_modified(type);
  wf_lock_release(type_lock(type));
  return 0;
}
static __attribute__((unused)) PyObject *type_get_base(PyObject *o, void *c) {
  PyTypeObject *b = ((PyTypeObject *)o)->tp_base;
  return b ? (PyObject *)b : WF_NONE;
}
static PyObject *type_get_mro(PyObject *o, void *c) {
  PyObject *m = ((PyTypeObject *)o)->tp_mro;
  return m ? m : WF_NONE;
}
static PyObject *type_get_dict(PyObject *o, void *c) {
  PyTypeObject *t = (PyTypeObject *)o;
  if (!t->tp_dict) return WF_NONE;
  return wf_mappingproxy_new(t->tp_dict);
}
static PyObject *type_get_doc(PyObject *o, void *c) {
  PyTypeObject *t = (PyTypeObject *)o;
  if (!IS_HEAP(t) && t->tp_doc) return wf_str_from_cstr(doc_body(t->tp_doc));
  PyObject *d = wf_dict_getitem(t->tp_dict, WF_ID(__doc__));
  if (!d) return WF_NONE;
  descrgetfunc g = WF_TYPE(d)->tp_descr_get;
  return g ? g(d, NULL, o) : d;
}
static int type_set_doc(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (check_set_special(type, v, "__doc__") < 0) return -1;
  wf_lock_acquire(type_lock(type));
  int r = wf_dict_setitem(type->tp_dict, WF_ID(__doc__), v);
  wf_type_modified(type);
  wf_lock_release(type_lock(type));
  return r;
}
static PyObject *type_get_text_signature(PyObject *o, void *c) { return WF_NONE; }
static PyObject *type_get_abstractmethods(PyObject *o, void *c) {
  PyTypeObject *t = (PyTypeObject *)o;
  PyObject *v = t == &wf_type_type ? NULL : wf_dict_getitem(t->tp_dict, WF_ID(__abstractmethods__));
  if (!v) return wf_err_set_object(&wf_AttributeError_type, WF_ID(__abstractmethods__));
  return v;
}
/* abc.ABCMeta's hook: the set is kept in the type's dict and a true value
 * marks the type abstract (object.__new__ then refuses it). */
static int type_set_abstractmethods(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (!IS_HEAP(type) || (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
    wf_err_format(&wf_TypeError_type, "cannot set '__abstractmethods__' attribute of immutable type '%s'",
                  type->tp_name);
    return -1;
  }
  int abstract = 0;
  if (v) {
    abstract = wf_object_is_true(v);
    if (abstract < 0) return -1;
  }
  wf_lock_acquire(type_lock(type));
  int r;
  if (v) {
    r = wf_dict_setitem(type->tp_dict, WF_ID(__abstractmethods__), v);
  } else {
    PyObject *old;
    r = wf_dict_pop(type->tp_dict, WF_ID(__abstractmethods__), &old);
    if (r == 0) {
      wf_lock_release(type_lock(type));
      wf_err_set_object(&wf_AttributeError_type, WF_ID(__abstractmethods__));
      return -1;
    }
    r = r < 0 ? -1 : 0;
  }
  if (r == 0) {
    unsigned long flags = abstract ? type->tp_flags | Py_TPFLAGS_IS_ABSTRACT : type->tp_flags & ~Py_TPFLAGS_IS_ABSTRACT;
    __atomic_store_n(&type->tp_flags, flags, __ATOMIC_RELAXED);
    wf_type_modified(type);
  }
  wf_lock_release(type_lock(type));
  return r;
}
static PyObject *type_get_annotations(PyObject *o, void *c) {
  PyTypeObject *t = (PyTypeObject *)o;
  if (!IS_HEAP(t))
    return wf_err_format(&wf_AttributeError_type, "type object '%s' has no attribute '__annotations__'", t->tp_name);
  PyObject *v = wf_dict_getitem(t->tp_dict, WF_ID(__annotations__));
  if (v) {
    descrgetfunc g = WF_TYPE(v)->tp_descr_get;
    return g ? g(v, NULL, o) : v;
  }
  v = wf_dict_new();
  WF_GC_ROOT(v);
  if (wf_dict_setitem(t->tp_dict, WF_ID(__annotations__), v) < 0) return NULL;
  wf_type_modified(t);
  return v;
}
static int type_set_annotations(PyObject *o, PyObject *v, void *c) {
  PyTypeObject *t = (PyTypeObject *)o;
  if (check_set_special(t, v ? v : WF_NONE, "__annotations__") < 0) return -1;
  wf_lock_acquire(type_lock(t));
  int r = v ? wf_dict_setitem(t->tp_dict, WF_ID(__annotations__), v)
            : (wf_dict_getitem(t->tp_dict, WF_ID(__annotations__)) ? wf_dict_delitem(t->tp_dict, WF_ID(__annotations__)) : 0);
  wf_type_modified(t);
  wf_lock_release(type_lock(t));
  return r;
}

static PyGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyMemberDef type_members[] = {
    {"__basicsize__", T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), READONLY, NULL},
    {"__itemsize__", T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), READONLY, NULL},
    {"__flags__", T_ULONG, offsetof(PyTypeObject, tp_flags), READONLY, NULL},
    {"__weakrefoffset__", T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset), READONLY, NULL},
    {"__base__", T_OBJECT, offsetof(PyTypeObject, tp_base), READONLY, NULL},
    {"__dictoffset__", T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}};

static PyObject *type_mro_method(PyObject *self, PyObject *unused) {
  PyTypeObject *t = (PyTypeObject *)self;
  PyObject *m = t->tp_mro ? t->tp_mro : compute_mro(t);
  if (!m) return NULL;
  return wf_sequence_list(m);
}

static PyObject *type_subclasses(PyObject *self, PyObject *unused) {
  PyObject *subs = WF_GC_LOAD(&((PyTypeObject *)self)->tp_subclasses);
  return wf_sequence_list(subs ? subs : wf_tuple_new(0));
}

static PyObject *type_instancecheck(PyObject *self, PyObject *inst) {
  return wf_bool_from(wf_object_type_check(inst, (PyTypeObject *)self));
}

static PyObject *type_subclasscheck(PyObject *self, PyObject *sub) {
  if (!wf_type_has_flag(WF_TYPE(sub), Py_TPFLAGS_TYPE_SUBCLASS))
    return wf_err_set_string(&wf_TypeError_type, "issubclass() arg 1 must be a class");
  return wf_bool_from(wf_type_is_subtype((PyTypeObject *)sub, (PyTypeObject *)self));
}

static PyObject *type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  return wf_dict_new();
}

static PyObject *type_sizeof(PyObject *self, PyObject *unused) {
  PyTypeObject *t = (PyTypeObject *)self;
  return wf_int_from_ssize(IS_HEAP(t) ? (Py_ssize_t)sizeof(wf_heaptype) : (Py_ssize_t)sizeof(PyTypeObject));
}

/* dir(type): the names in the dicts along the MRO, sorted. */
static PyObject *type_dir(PyObject *self, PyObject *unused) {
  PyObject *acc = wf_dict_new();
  WF_GC_ROOT(acc);
  PyObject *mro = ((PyTypeObject *)self)->tp_mro;
  for (Py_ssize_t i = WF_SIZE(mro) - 1; i >= 0; i--)
    if (wf_dict_update(acc, ((PyTypeObject *)WF_TUPLE_GET(mro, i))->tp_dict) < 0) return NULL;
  return wf_dict_keys_list(acc);
}

static PyMethodDef type_methods[] = {
    {"mro", type_mro_method, METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, METH_NOARGS, "Return a list of immediate subclasses."},
    {"__prepare__", (PyCFunction)(void (*)(void))type_prepare, METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, METH_O, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, METH_O, "Check if a class is a subclass."},
    {"__dir__", type_dir, METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_sizeof, METH_NOARGS, "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL}};

static PyObject *type_getattro(PyObject *o, PyObject *name) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (!wf_str_check(name))
    return wf_err_format(&wf_TypeError_type, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
  PyTypeObject *meta = WF_TYPE(o);
  PyObject *meta_attr = wf_type_lookup(meta, name);
  descrgetfunc meta_get = NULL;
  if (meta_attr) {
    meta_get = WF_TYPE(meta_attr)->tp_descr_get;
    if (meta_get && WF_TYPE(meta_attr)->tp_descr_set) return meta_get(meta_attr, o, (PyObject *)meta);
  }
  PyObject *attr = wf_type_lookup(type, name);
  if (attr) {
    descrgetfunc g = WF_TYPE(attr)->tp_descr_get;
    if (g) return g(attr, NULL, o);
    return attr;
  }
  if (meta_get) return meta_get(meta_attr, o, (PyObject *)meta);
  if (meta_attr) return meta_attr;
  return wf_err_format(&wf_AttributeError_type, "type object '%.50s' has no attribute '%U'", type->tp_name, name);
}

static bool is_dunder(PyObject *name) {
  Py_ssize_t n = wf_str_length(name);
  return n > 4 && wf_str_read_char(name, 0) == '_' && wf_str_read_char(name, 1) == '_' &&
         wf_str_read_char(name, n - 1) == '_' && wf_str_read_char(name, n - 2) == '_';
}

static int type_setattro(PyObject *o, PyObject *name, PyObject *value) {
  PyTypeObject *type = (PyTypeObject *)o;
  if (!wf_str_check(name)) {
    wf_err_format(&wf_TypeError_type, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
    return -1;
  }
  if (!IS_HEAP(type) || (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
    wf_err_format(&wf_TypeError_type, "cannot set %R attribute of immutable type '%s'", name, type->tp_name);
    return -1;
  }
  PyObject *meta_attr = wf_type_lookup(WF_TYPE(o), name);
  if (meta_attr && WF_TYPE(meta_attr)->tp_descr_set) return WF_TYPE(meta_attr)->tp_descr_set(meta_attr, o, value);
  if (wf_str_check_exact(name)) name = wf_str_intern(name);
  WF_GC_ROOT(name);
  int r;
  wf_lock_acquire(type_lock(type));
  if (value) {
    r = wf_dict_setitem(type->tp_dict, name, value);
  } else {
    r = wf_dict_getitem(type->tp_dict, name) ? wf_dict_delitem(type->tp_dict, name) : 1;
  }
  if (r == 0) wf_type_modified(type);
  wf_lock_release(type_lock(type));
  if (r == 1) {
    wf_err_format(&wf_AttributeError_type, "type object '%.50s' has no attribute '%U'", type->tp_name, name);
    return -1;
  }
  if (r < 0) return -1;
  if (is_dunder(name)) wf_type_update_slots(type, name);
  return 0;
}

static PyObject *type_or(PyObject *a, PyObject *b) { return wf_union_type_or(a, b); } /* genericalias.h */
static PyNumberMethods type_as_number = {.nb_or = type_or};
/* (the reflected __ror__ comes from the nb_or slot wrapper) */

PyTypeObject wf_type_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "type",
    .tp_basicsize = sizeof(wf_heaptype),
    .tp_itemsize = 0,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = wf_type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &wf_object_type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = wf_type_generic_alloc,
    .tp_new = type_tp_new,
    .tp_vectorcall = wf_type_vectorcall,
    .wf = {.trace = type_trace},
};

/* A GC buffer of bytes without references (member tables of heap types, ...). */
PyTypeObject wf_rawbuf_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "weft.rawbuf",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

newfunc wf_type_new_wrapper_target(PyObject *descr) {
  if (WF_TYPE(descr) != &wf_builtin_function_type) return NULL;
  PyObject *self;
  if (wf_cfunction_def(descr, &self) != &tp_new_methoddef || !self) return NULL;
  return ((PyTypeObject *)self)->tp_new;
}

/* (the name predates types.GenericAlias: T[x] now makes one) */
PyObject *wf_class_getitem_generic(PyObject *cls, PyObject *arg) { return wf_generic_alias_new(cls, arg); }
