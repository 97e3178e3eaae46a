/* set and frozenset (vm/objects/set.c): CPython 3.11's open-addressing table
 * (linear probing groups of 10 slots, then perturbed jumps; dummies for
 * deleted slots), so iteration order matches python3.11 for the same hash
 * secret. A set's mutations and lookups take its wf_lock; a comparison that
 * may run Python code (__eq__ of arbitrary keys) runs with the lock
 * released and the probe restarts if the set changed meanwhile. A frozenset
 * is immutable once published and takes no lock.
 * Contract used by the rest of the runtime (owned by the containers group). */
#ifndef WF_OBJECTS_SET_H
#define WF_OBJECTS_SET_H

#include "lock.h"
#include "object.h"

typedef struct {
  PyObject *key; /* NULL: never used; wf_set_dummy: deleted */
  Py_hash_t hash;
} setentry;

/* The table: a GC object (internal type) of `size` entries. */
typedef struct wf_set_table {
  PyObject ob_base;
  Py_ssize_t size;
  setentry e[];
} wf_set_table;

typedef struct {
  PyObject ob_base;
  Py_ssize_t fill; /* active + dummy */
  Py_ssize_t used; /* active */
  Py_ssize_t mask; /* table size - 1 */
  setentry *table; /* entries of a wf_set_table */
  Py_hash_t hash;  /* frozenset only; -1 until computed */
  Py_ssize_t finger;
  wf_lock lock;
  uint32_t frozen;  /* instance of frozenset (no locking) */
  uint64_t version; /* bumped by every mutation (under the lock) */
  PyObject *weakreflist;
} PySetObject;

extern PyTypeObject wf_set_type, wf_frozenset_type, wf_set_iter_type, wf_set_table_type;
extern PyObject wf_set_dummy;

static inline bool wf_anyset_check(PyObject *o) {
  return wf_object_type_check(o, &wf_set_type) || wf_object_type_check(o, &wf_frozenset_type);
}
static inline bool wf_set_check(PyObject *o) { return wf_object_type_check(o, &wf_set_type); }
static inline bool wf_frozenset_check(PyObject *o) { return wf_object_type_check(o, &wf_frozenset_type); }

PyObject *wf_set_new(PyObject *iterable);       /* set(iterable); NULL iterable: empty */
PyObject *wf_frozenset_new(PyObject *iterable); /* frozenset(iterable) */
Py_ssize_t wf_set_size(PyObject *s);
int wf_set_add(PyObject *s, PyObject *key);     /* 0 / -1 (also builds a new frozenset) */
int wf_set_contains(PyObject *s, PyObject *key);  /* 1 / 0 / -1 */
int wf_set_discard(PyObject *s, PyObject *key);   /* 1 removed / 0 absent / -1 */
PyObject *wf_set_pop(PyObject *s);
int wf_set_clear(PyObject *s);
int wf_set_update(PyObject *s, PyObject *iterable);
/* Iterate a set: *pos starts at 0; false at the end. Borrowed key. Not
 * consistent under concurrent mutation (each step is). */
bool wf_set_next(PyObject *s, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash);

#endif
