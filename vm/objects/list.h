/* list (vm/objects/list.c, list_sort.c): one-word lock for mutation, lock-free
 * reads over a GC-managed item array (a reader holding an old array keeps it
 * alive). See docs/design.md "list under threads".
 * Contract used by the rest of the runtime (owned by the containers group). */
#ifndef WF_OBJECTS_LIST_H
#define WF_OBJECTS_LIST_H

#include "lock.h"
#include "object.h"

/* CPython's PyListObject fields first (extensions read ob_item, allocated and
 * ob_size through PyList_GET_ITEM / PyList_GET_SIZE), then Weft's lock.
 * ob_item points at the items of a GC-managed wf_list_store (NULL when the
 * list never had items); allocated is that store's capacity (-1 while the
 * list is being sorted, as in CPython). */
typedef struct {
  PyVarObject ob_base;
  PyObject **ob_item;
  Py_ssize_t allocated;
  wf_lock lock;
} PyListObject;

/* The item storage: a GC object (internal type), fixed capacity. */
typedef struct wf_list_store {
  PyObject ob_base;
  Py_ssize_t cap;
  PyObject *items[];
} wf_list_store;

extern PyTypeObject wf_list_type, wf_list_iter_type, wf_list_reviter_type, wf_list_store_type;
static inline bool wf_list_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_LIST_SUBCLASS); }
static inline bool wf_list_check_exact(PyObject *o) { return WF_TYPE(o) == &wf_list_type; }

/* Lock-free read of item i (0 <= i), no exception: NULL when i is out of
 * range at the moment of the read. A reader holding an old item array
 * keeps it alive, so a concurrent resize is harmless. */
static inline PyObject *wf_list_read(PyObject *lo, Py_ssize_t i) {
  PyListObject *l = (PyListObject *)lo;
  Py_ssize_t n = __atomic_load_n(&l->ob_base.ob_size, __ATOMIC_ACQUIRE);
  if ((size_t)i >= (size_t)n) return NULL;
  PyObject **items = WF_GC_LOAD(&l->ob_item);
  if (!items) return NULL;
  const wf_list_store *s = (const wf_list_store *)((char *)items - offsetof(wf_list_store, items));
  if (i >= s->cap) return NULL;
  return WF_GC_LOAD(&items[i]);
}

/* A forward list iterator; the lock makes next() atomic when threads share
 * the iterator. */
typedef struct {
  PyObject ob_base;
  Py_ssize_t index; /* next index; -1 once exhausted (forward) */
  PyObject *seq;    /* NULL once exhausted */
  wf_lock lock;
} wf_listiter;

/* next() of a wf_list_iter_type iterator: the item, or NULL at the end (no
 * exception). Inline: FOR_ITER's fast path. */
static inline PyObject *wf_listiter_next(PyObject *self) {
  wf_listiter *it = (wf_listiter *)self;
  wf_lock_acquire(&it->lock);
  PyObject *seq = it->seq, *v = NULL;
  if (seq) {
    v = wf_list_read(seq, it->index);
    if (v)
      it->index++;
    else
      WF_GC_STORE(&it->seq, NULL);
  }
  wf_lock_release(&it->lock);
  return v;
}

PyObject *wf_list_new(Py_ssize_t n); /* n None items */
int wf_list_append(PyObject *l, PyObject *item);
Py_ssize_t wf_list_size(PyObject *l);
PyObject *wf_list_get(PyObject *l, Py_ssize_t i);     /* borrowed; NULL + IndexError */
int wf_list_set(PyObject *l, Py_ssize_t i, PyObject *v); /* IndexError if out of range */
PyObject *wf_list_as_tuple(PyObject *l);
int wf_list_sort(PyObject *l, PyObject *key, bool reverse); /* key may be NULL or None */

/* Additions (containers group). */
PyObject *wf_list_from_array(PyObject *const *items, Py_ssize_t n);
int wf_list_extend(PyObject *l, PyObject *iterable);   /* l.extend(iterable) */
int wf_list_insert(PyObject *l, Py_ssize_t i, PyObject *v); /* l.insert(i, v) (clamped) */
PyObject *wf_list_pop(PyObject *l, Py_ssize_t i);      /* l.pop(i); i < 0 counts from the end */
int wf_list_reverse(PyObject *l);
int wf_list_clear(PyObject *l);
PyObject *wf_list_get_slice(PyObject *l, Py_ssize_t lo, Py_ssize_t hi); /* l[lo:hi], clamped */
/* A consistent copy of the items, taken under the lock: a GC array of
 * *n items (NULL when n == 0). Root it across safepoints. */
wf_list_store *wf_list_snapshot(PyObject *l, Py_ssize_t *n);
/* UNPACK_SEQUENCE: if l has exactly n items, copy them to out[0..n) in
 * reverse order (the last item first, as the value stack wants them) under
 * the lock and return true; false (nothing copied) otherwise. */
bool wf_list_unpack_reversed(PyObject *l, Py_ssize_t n, PyObject **out);

/* Recursion guard for repr of containers (CPython's Py_ReprEnter /
 * Py_ReprLeave): 0 = entered, 1 = `o` is already being repr'd by this
 * thread (print "[...]"), -1 = error. Per-thread, no allocation. */
int wf_repr_enter(PyObject *o);
void wf_repr_leave(PyObject *o);

#endif
