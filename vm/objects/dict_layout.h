/* dict's memory layout, for dict.c and for the interpreter's inline readers
 * (vm/interp/ic.h): the lock-free read side of dict.c's protocol, inlined
 * where a call per attribute or global load would cost too much.
 * Writers live in dict.c only; see its header comment for the invariants
 * these readers rely on (an entry never changes key within one table;
 * entries are written before the index slot that points at them). */
#ifndef WF_OBJECTS_DICT_LAYOUT_H
#define WF_OBJECTS_DICT_LAYOUT_H

#include "lock.h"
#include "object.h"
#include "str.h"

typedef struct {
  Py_hash_t hash;
  PyObject *key;
  PyObject *value;
} wf_dict_entry;

typedef struct wf_dict_keys {
  PyObject ob_base;
  uint8_t log2_size;
  uint8_t log2_width;  /* index slot width: 1 << log2_width bytes */
  Py_ssize_t usable;   /* entries still available (lock) */
  Py_ssize_t nentries; /* entries used, holes included (lock; readers acquire) */
  char indices[];      /* then the entries */
} wf_dict_keys;

typedef struct {
  PyObject ob_base;
  Py_ssize_t ma_used;        /* live items (lock; readers relaxed) */
  uint64_t ma_version_tag;   /* unused, CPython's layout */
  wf_dict_keys *ma_keys;     /* published with WF_GC_STORE */
  PyObject **ma_values;      /* always NULL (no split tables) */
  wf_lock lock;
  uint64_t mutations;        /* new key / delete / resize / clear (lock; readers acquire) */
} PyDictObject;

#define WF_DKIX_EMPTY (-1)

static inline Py_ssize_t wf_dk_size(const wf_dict_keys *k) { return (Py_ssize_t)1 << k->log2_size; }
static inline wf_dict_entry *wf_dk_entries(wf_dict_keys *k) {
  return (wf_dict_entry *)(k->indices + ((size_t)wf_dk_size(k) << k->log2_width));
}

static inline Py_ssize_t wf_dk_ix_get(wf_dict_keys *k, size_t i) {
  switch (k->log2_width) {
  case 0: return __atomic_load_n(&((int8_t *)k->indices)[i], __ATOMIC_ACQUIRE);
  case 1: return __atomic_load_n(&((int16_t *)k->indices)[i], __ATOMIC_ACQUIRE);
  case 2: return __atomic_load_n(&((int32_t *)k->indices)[i], __ATOMIC_ACQUIRE);
  default: return __atomic_load_n(&((int64_t *)k->indices)[i], __ATOMIC_ACQUIRE);
  }
}

/* The current value of the entry found by wf_dict_lookup_hint if it still
 * holds `key` (the very object), else NULL (no exception). keys NULL: any
 * table of d (the entry index alone is the hint: instance dicts). */
static inline PyObject *wf_dict_value_at(PyObject *d, void *keys, Py_ssize_t ix, PyObject *key) {
  wf_dict_keys *k = WF_GC_LOAD(&((PyDictObject *)d)->ma_keys);
  if (!k || (keys && k != keys)) return NULL;
  if (ix >= __atomic_load_n(&k->nentries, __ATOMIC_ACQUIRE)) return NULL;
  wf_dict_entry *e = &wf_dk_entries(k)[ix];
  if (WF_GC_LOAD(&e->key) != key) return NULL;
  return WF_GC_LOAD(&e->value);
}

/* d[key] for an exact str key whose hash is computed, without running
 * Python code: 1 and *value when present, 0 when absent, -1 when the
 * answer needs the general lookup (hash not cached, or a colliding key
 * that is not an exact str). */
static inline int wf_dict_find_str(PyObject *d, PyObject *key, PyObject **value) {
  Py_hash_t hash = __atomic_load_n(&((PyASCIIObject *)key)->hash, __ATOMIC_RELAXED);
  if (hash == -1) return -1;
  wf_dict_keys *k = WF_GC_LOAD(&((PyDictObject *)d)->ma_keys);
  if (!k) return 0;
  size_t mask = (size_t)wf_dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
  wf_dict_entry *ep = wf_dk_entries(k);
  for (;;) {
    Py_ssize_t ix = wf_dk_ix_get(k, i);
    if (ix == WF_DKIX_EMPTY) return 0;
    if (ix >= 0) {
      PyObject *ek = WF_GC_LOAD(&ep[ix].key);
      bool same = ek == key;
      if (!same && ek && ep[ix].hash == hash) {
        if (WF_TYPE(ek) != &wf_str_type) return -1;
        same = wf_str_equal(ek, key);
      }
      if (same) {
        PyObject *v = WF_GC_LOAD(&ep[ix].value);
        if (!v) return 0; /* deleted while we looked */
        *value = v;
        return 1;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

#endif
