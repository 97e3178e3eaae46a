/* dict: CPython 3.11's compact layout and probing, safe under threads.
 *
 * Layout. A dict points at a keys table (dict_keys, a GC object): an index
 * array of 2**log2_size slots (1, 2, 4 or 8 bytes each by size, EMPTY = -1,
 * DUMMY = -2) followed by an entry array (hash, key, value) in insertion
 * order. Probing: i = hash & mask, then i = (5*i + perturb + 1) & mask with
 * perturb >>= 5 each step. A table holds USABLE_FRACTION(size) = 2*size/3
 * entries; when none is left the dict is rebuilt at the smallest power of
 * two >= used*3 (at least 8), live entries compacted in order. NULL keys
 * table = empty dict.
 *
 * Threads. Every mutation happens under the dict's wf_lock, and never
 * reaches a safepoint there. Invariants a lock-free reader relies on:
 *   (1) an entry slot, once given a key, never gets another key in the same
 *       table (deleted entries stay holes until a resize builds a new table;
 *       popitem does not shrink nentries);
 *   (2) the entry's hash/key/value are written before the index slot that
 *       points at it is published (release); readers load index slots with
 *       acquire;
 *   (3) deletion stores value = NULL, then key = NULL, and makes the index
 *       slot DUMMY; a reader seeing either NULL treats the key as absent;
 *   (4) a resize builds a new table completely, then publishes it with
 *       WF_GC_STORE; the old table is never written again, and a reader
 *       still holding it keeps it alive (it is a GC object, rooted).
 * So a reader loads ma_keys once, probes, and reads key and value of the
 * entry it finds: every value it can return was the key's value at some
 * moment during the call. When a comparison must run Python code (__eq__
 * of a key that is not an exact str/int/float/None/identity-compared
 * object), the reader roots the table, compares, then checks that ma_keys
 * and the entry's key are unchanged; otherwise it restarts. Writers do the
 * same outside the lock, then take the lock and proceed only if ma_keys and
 * the mutation counter (bumped by every insertion of a new key, deletion,
 * resize, clear) are unchanged; otherwise they retry. With exact-str/int
 * keys (all the interpreter's own dicts) the whole operation runs under the
 * lock in one step: d[k] = v, setdefault, pop, popitem are atomic.
 */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "dict.h"
#include "dict_layout.h"

#include <string.h>

#include "descr.h"
#include "errors.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "lock.h"
#include "protocol.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define NEED_SLOW (-3)
#define PERTURB_SHIFT 5
#define MINSIZE 8
#define USABLE_FRACTION(n) (((n) << 1) / 3)

static PyTypeObject dictkeys_storage_type;

typedef wf_dict_keys dict_keys;
#define D(o) ((PyDictObject *)(o))
typedef wf_dict_entry dict_entry;
static inline Py_ssize_t dk_size(dict_keys *k) { return wf_dk_size(k); }
static inline dict_entry *dk_entries(dict_keys *k) { return wf_dk_entries(k); }
static inline Py_ssize_t ix_get(dict_keys *k, size_t i) { return wf_dk_ix_get(k, i); }

static inline void ix_set(dict_keys *k, size_t i, Py_ssize_t ix) {
  switch (k->log2_width) {
  case 0: __atomic_store_n(&((int8_t *)k->indices)[i], (int8_t)ix, __ATOMIC_RELEASE); break;
  case 1: __atomic_store_n(&((int16_t *)k->indices)[i], (int16_t)ix, __ATOMIC_RELEASE); break;
  case 2: __atomic_store_n(&((int32_t *)k->indices)[i], (int32_t)ix, __ATOMIC_RELEASE); break;
  default: __atomic_store_n(&((int64_t *)k->indices)[i], (int64_t)ix, __ATOMIC_RELEASE); break;
  }
}

static dict_keys *keys_new(uint8_t log2_size) {
  uint8_t w = log2_size < 8 ? 0 : log2_size < 16 ? 1 : log2_size < 32 ? 2 : 3;
  Py_ssize_t size = (Py_ssize_t)1 << log2_size;
  size_t bytes = sizeof(dict_keys) + ((size_t)size << w) + sizeof(dict_entry) * (size_t)USABLE_FRACTION(size);
  dict_keys *k = (dict_keys *)wf_gc_alloc(bytes);
  k->log2_size = log2_size;
  k->log2_width = w;
  k->usable = USABLE_FRACTION(size);
  memset(k->indices, 0xff, (size_t)size << w);
  k->ob_base.ob_type = &dictkeys_storage_type; /* typed last: a leaf until then */
  return k;
}

static void keys_trace(void *o, wf_gc_tracer *t) {
  dict_keys *k = o;
  Py_ssize_t n = __atomic_load_n(&k->nentries, __ATOMIC_ACQUIRE);
  dict_entry *e = dk_entries(k);
  for (Py_ssize_t i = 0; i < n; i++) {
    wf_gc_visit(t, e[i].key);
    wf_gc_visit(t, e[i].value);
  }
}

static void dict_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, D(o)->ma_keys); }

static inline void lock(PyDictObject *d) { wf_lock_acquire(&d->lock); }
static inline void unlock(PyDictObject *d) { wf_lock_release(&d->lock); }
static inline dict_keys *load_keys(PyDictObject *d) { return WF_GC_LOAD(&d->ma_keys); }

/* The mutation counter takes process-unique values (blocks handed to each
 * thread), so that it doubles as the dict's key-set version for the
 * interpreter's caches (wf_dict_keys_version): equal versions of any two
 * dicts mean the same, unchanged key set (0: a dict never given a key). */
static _Atomic uint64_t mutation_blocks = 1;
static __thread uint64_t mutation_next, mutation_end;
static inline void bump_mutations(PyDictObject *d) {
  if (__builtin_expect(mutation_next == mutation_end, 0)) {
    mutation_next = atomic_fetch_add_explicit(&mutation_blocks, 1, memory_order_relaxed) << 16;
    mutation_end = mutation_next + (1u << 16);
  }
  __atomic_store_n(&d->mutations, mutation_next++, __ATOMIC_RELEASE);
}

/* ---- Key comparison without Python code ---- */

/* 1 str, 2 builtin number, 3 identity-compared, 0 anything else. */
static int key_kind(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  if (t == &wf_str_type) return 1;
  if (t == &wf_int_type || t == &wf_bool_type || t == &wf_float_type) return 2;
  if (t->tp_richcompare == wf_object_type.tp_richcompare) return 3;
  return 0;
}

/* 1 equal, 0 not, NEED_SLOW: needs Python-level comparison. */
static int eq_simple(PyObject *a, PyObject *b) {
  if (a == b) return 1;
  int ka = key_kind(a), kb = key_kind(b);
  if (!ka || !kb) return NEED_SLOW;
  if (ka != kb) return 0;
  if (ka == 1) return wf_str_equal(a, b);
  if (ka == 2) {
    int r = wf_object_richcompare_bool(a, b, Py_EQ);
    return r < 0 ? NEED_SLOW : r;
  }
  return 0;
}

/* Probe `k` without running Python code: the entry index, DKIX_EMPTY when
 * absent, NEED_SLOW when some candidate needs __eq__. */
static Py_ssize_t lookup_simple(dict_keys *k, PyObject *key, Py_hash_t hash) {
  if (!k) return DKIX_EMPTY;
  size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
  dict_entry *ep = dk_entries(k);
  bool slow = false;
  for (;;) {
    Py_ssize_t ix = ix_get(k, i);
    if (ix == DKIX_EMPTY) return slow ? NEED_SLOW : DKIX_EMPTY;
    if (ix >= 0) {
      dict_entry *e = &ep[ix];
      PyObject *ek = WF_GC_LOAD(&e->key);
      if (ek == key) return ix;
      if (ek && e->hash == hash) {
        int c = eq_simple(ek, key);
        if (c == 1) return ix;
        if (c == NEED_SLOW) slow = true;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* Probe with Python-level comparisons, outside any lock. Returns the entry
 * index or DKIX_EMPTY, and the table it belongs to in *kout; -4 on error. */
#define LOOKUP_ERROR (-4)
static Py_ssize_t lookup_generic(PyDictObject *d, PyObject *key, Py_hash_t hash, dict_keys **kout) {
  WF_GC_ROOT(d);
  WF_GC_ROOT(key);
restart:;
  dict_keys *k = load_keys(d);
  WF_GC_ROOT(k);
  *kout = k;
  if (!k) return DKIX_EMPTY;
  size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    Py_ssize_t ix = ix_get(k, i);
    if (ix == DKIX_EMPTY) return DKIX_EMPTY;
    if (ix >= 0) {
      dict_entry *e = &dk_entries(k)[ix];
      PyObject *ek = WF_GC_LOAD(&e->key);
      if (ek == key) return ix;
      if (ek && e->hash == hash) {
        int c = eq_simple(ek, key);
        if (c == NEED_SLOW) {
          WF_GC_ROOT(ek);
          c = wf_object_richcompare_bool(ek, key, Py_EQ);
          if (c < 0) return LOOKUP_ERROR;
          if (load_keys(d) != k || WF_GC_LOAD(&dk_entries(k)[ix].key) != ek) goto restart;
        }
        if (c == 1) return ix;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
}

/* Slot of the index array that holds entry ix (it is there). */
static size_t slot_of(dict_keys *k, Py_hash_t hash, Py_ssize_t ix) {
  size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
  while (ix_get(k, i) != ix) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

static size_t find_empty_slot(dict_keys *k, Py_hash_t hash) {
  size_t mask = (size_t)dk_size(k) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
  while (ix_get(k, i) >= 0) {
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

static uint8_t log2_for(Py_ssize_t minsize) {
  uint8_t l = 3;
  while (((Py_ssize_t)1 << l) < minsize) l++;
  return l;
}

/* Rebuild the table for at least `minsize` slots; live entries compacted. */
static void resize_locked(PyDictObject *d, Py_ssize_t minsize) {
  dict_keys *old = d->ma_keys;
  dict_keys *k = keys_new(log2_for(minsize));
  dict_entry *ne = dk_entries(k);
  Py_ssize_t n = 0;
  if (old) {
    dict_entry *oe = dk_entries(old);
    for (Py_ssize_t i = 0; i < old->nentries; i++) {
      if (!oe[i].value) continue;
      ne[n] = oe[i];
      ix_set(k, find_empty_slot(k, oe[i].hash), n);
      n++;
    }
  }
  k->nentries = n;
  k->usable -= n;
  bump_mutations(d);
  WF_GC_STORE(&d->ma_keys, k);
}

/* Insert or replace under the lock; ix from a lookup on the current table. */
static void insert_locked(PyDictObject *d, PyObject *key, Py_hash_t hash, PyObject *value, Py_ssize_t ix) {
  if (ix >= 0) {
    WF_GC_STORE(&dk_entries(d->ma_keys)[ix].value, value);
    return;
  }
  if (!d->ma_keys || d->ma_keys->usable <= 0) resize_locked(d, d->ma_used * 3);
  dict_keys *k = d->ma_keys;
  Py_ssize_t n = k->nentries;
  dict_entry *e = &dk_entries(k)[n];
  e->hash = hash;
  WF_GC_STORE(&e->key, key);
  WF_GC_STORE(&e->value, value);
  ix_set(k, find_empty_slot(k, hash), n);
  __atomic_store_n(&k->nentries, n + 1, __ATOMIC_RELEASE);
  k->usable--;
  __atomic_store_n(&d->ma_used, d->ma_used + 1, __ATOMIC_RELAXED);
  bump_mutations(d);
}

static void delete_locked(PyDictObject *d, Py_ssize_t ix, Py_hash_t hash) {
  dict_keys *k = d->ma_keys;
  dict_entry *e = &dk_entries(k)[ix];
  ix_set(k, slot_of(k, hash, ix), DKIX_DUMMY);
  WF_GC_STORE(&e->value, NULL);
  WF_GC_STORE(&e->key, NULL);
  __atomic_store_n(&d->ma_used, d->ma_used - 1, __ATOMIC_RELAXED);
  bump_mutations(d);
}

/* Find `key` for a mutation: returns with the lock held and *ix the entry
 * index (or DKIX_EMPTY) valid for d->ma_keys. -1 (lock not held) on error. */
static int locate_locked(PyDictObject *d, PyObject *key, Py_hash_t hash, Py_ssize_t *ix) {
  for (;;) {
    lock(d);
    Py_ssize_t r = lookup_simple(d->ma_keys, key, hash);
    if (r != NEED_SLOW) {
      *ix = r;
      return 0;
    }
    uint64_t m = d->mutations;
    dict_keys *k0 = d->ma_keys;
    unlock(d);
    dict_keys *k;
    r = lookup_generic(d, key, hash, &k);
    if (r == LOOKUP_ERROR) return -1;
    lock(d);
    if (d->ma_keys == k0 && k == k0 && d->mutations == m) {
      *ix = r;
      return 0;
    }
    unlock(d);
  }
}

static inline Py_hash_t key_hash(PyObject *key) {
  if (wf_str_check_exact(key)) {
    Py_hash_t h = __atomic_load_n(&((PyASCIIObject *)key)->hash, __ATOMIC_RELAXED);
    if (h != -1) return h;
  }
  return wf_object_hash(key);
}

/* ---- Public API ---------------------------------------------------------------------- */

PyObject *wf_dict_new(void) { return wf_object_alloc(&wf_dict_type, sizeof(PyDictObject)); }

Py_ssize_t wf_dict_size(PyObject *d) { return __atomic_load_n(&D(d)->ma_used, __ATOMIC_RELAXED); }

/* The value or NULL; *err set when an error occurred. */
static PyObject *getitem_hash(PyDictObject *d, PyObject *key, Py_hash_t hash, bool *err) {
  *err = false;
  dict_keys *k = load_keys(d);
  Py_ssize_t ix = lookup_simple(k, key, hash);
  if (ix == NEED_SLOW) {
    ix = lookup_generic(d, key, hash, &k);
    if (ix == LOOKUP_ERROR) {
      *err = true;
      return NULL;
    }
  }
  if (ix < 0) return NULL;
  return WF_GC_LOAD(&dk_entries(k)[ix].value);
}

PyObject *wf_dict_getitem_err(PyObject *d, PyObject *key) {
  Py_hash_t h = key_hash(key);
  if (h == -1) return NULL;
  bool err;
  return getitem_hash(D(d), key, h, &err);
}

PyObject *wf_dict_getitem(PyObject *d, PyObject *key) {
  PyObject *saved = wf_err_fetch();
  WF_GC_ROOT(saved);
  PyObject *r = wf_dict_getitem_err(d, key);
  wf_err_restore(saved);
  return r;
}

PyObject *wf_dict_getitem_cstr(PyObject *d, const char *key) {
  PyObject *k = wf_str_from_cstr(key);
  if (!k) return NULL;
  return wf_dict_getitem(d, k);
}

static int setitem_hash(PyDictObject *d, PyObject *key, Py_hash_t hash, PyObject *value) {
  Py_ssize_t ix;
  if (locate_locked(d, key, hash, &ix) < 0) return -1;
  insert_locked(d, key, hash, value, ix);
  unlock(d);
  return 0;
}

int wf_dict_setitem(PyObject *d, PyObject *key, PyObject *value) {
  WF_GC_ROOT(d);
  WF_GC_ROOT(key);
  WF_GC_ROOT(value);
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  return setitem_hash(D(d), key, h, value);
}

int wf_dict_setitem_cstr(PyObject *d, const char *key, PyObject *value) {
  WF_GC_ROOT(value);
  PyObject *k = wf_str_intern_cstr(key);
  return wf_dict_setitem(d, k, value);
}

/* Remove key; *old gets the value. 1 removed, 0 absent, -1 error. */
static int pop_hash(PyDictObject *d, PyObject *key, Py_hash_t hash, PyObject **old) {
  Py_ssize_t ix;
  if (locate_locked(d, key, hash, &ix) < 0) return -1;
  if (ix < 0) {
    unlock(d);
    return 0;
  }
  *old = dk_entries(d->ma_keys)[ix].value;
  delete_locked(d, ix, hash);
  unlock(d);
  return 1;
}

int wf_dict_delitem(PyObject *d, PyObject *key) {
  WF_GC_ROOT(d);
  WF_GC_ROOT(key);
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  PyObject *old;
  int r = pop_hash(D(d), key, h, &old);
  if (r < 0) return -1;
  if (r == 0) {
    wf_err_set_key(key);
    return -1;
  }
  return 0;
}

int wf_dict_contains(PyObject *d, PyObject *key) {
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  bool err;
  PyObject *v = getitem_hash(D(d), key, h, &err);
  if (err) return -1;
  return v != NULL;
}

bool wf_dict_next(PyObject *d, Py_ssize_t *pos, PyObject **key, PyObject **value) {
  dict_keys *k = load_keys(D(d));
  if (!k) return false;
  Py_ssize_t n = __atomic_load_n(&k->nentries, __ATOMIC_ACQUIRE);
  dict_entry *e = dk_entries(k);
  while (*pos < n) {
    Py_ssize_t i = (*pos)++;
    PyObject *v = WF_GC_LOAD(&e[i].value);
    PyObject *kk = WF_GC_LOAD(&e[i].key);
    if (v && kk) {
      if (key) *key = kk;
      if (value) *value = v;
      return true;
    }
  }
  return false;
}

PyObject *wf_dict_setdefault(PyObject *d, PyObject *key, PyObject *dflt) {
  WF_GC_ROOT(d);
  WF_GC_ROOT(key);
  WF_GC_ROOT(dflt);
  Py_hash_t h = key_hash(key);
  if (h == -1) return NULL;
  Py_ssize_t ix;
  if (locate_locked(D(d), key, h, &ix) < 0) return NULL;
  PyObject *r;
  if (ix >= 0) {
    r = dk_entries(D(d)->ma_keys)[ix].value;
  } else {
    insert_locked(D(d), key, h, dflt, ix);
    r = dflt;
  }
  unlock(D(d));
  return r;
}

/* A consistent copy of the live entries (keys and values), under the lock. */
static PyObject *snapshot_items(PyDictObject *d, Py_ssize_t *n) {
  lock(d);
  Py_ssize_t used = d->ma_used;
  PyObject *t = wf_tuple_new(2 * used);
  Py_ssize_t j = 0;
  if (d->ma_keys) {
    dict_entry *e = dk_entries(d->ma_keys);
    for (Py_ssize_t i = 0; i < d->ma_keys->nentries && j < used; i++)
      if (e[i].value) {
        WF_TUPLE_INIT(t, 2 * j, e[i].key);
        WF_TUPLE_INIT(t, 2 * j + 1, e[i].value);
        j++;
      }
  }
  unlock(d);
  *n = j;
  return t;
}

static void clear_locked(PyDictObject *d) {
  if (!d->ma_keys) return;
  WF_GC_STORE(&d->ma_keys, NULL);
  __atomic_store_n(&d->ma_used, 0, __ATOMIC_RELAXED);
  bump_mutations(d);
}

/* Merge the items of dict b into a (override: replace existing keys). */
static int merge_dict(PyObject *a, PyObject *b, bool override) {
  WF_GC_ROOT(a);
  Py_ssize_t n;
  PyObject *items = snapshot_items(D(b), &n);
  WF_GC_ROOT(items);
  dict_keys *bk = load_keys(D(b));
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *k = WF_TUPLE_GET(items, 2 * i), *v = WF_TUPLE_GET(items, 2 * i + 1);
    Py_hash_t h = -1;
    if (bk) { /* reuse the stored hash when the entry is found */
      for (Py_ssize_t j = 0; j < bk->nentries; j++)
        if (dk_entries(bk)[j].key == k) {
          h = dk_entries(bk)[j].hash;
          break;
        }
    }
    if (h == -1) h = key_hash(k);
    if (h == -1) return -1;
    if (override) {
      if (setitem_hash(D(a), k, h, v) < 0) return -1;
    } else {
      Py_ssize_t ix;
      if (locate_locked(D(a), k, h, &ix) < 0) return -1;
      if (ix < 0) insert_locked(D(a), k, h, v, ix);
      unlock(D(a));
    }
  }
  return 0;
}

PyObject *wf_dict_copy(PyObject *d) {
  PyObject *r = wf_dict_new();
  WF_GC_ROOT(r);
  PyDictObject *s = D(d);
  /* Copy the table as is when no other thread can be changing it meanwhile:
   * under the source's lock, entries are stable. */
  lock(s);
  dict_keys *k = s->ma_keys;
  if (k && s->ma_used) {
    dict_keys *nk = keys_new(k->nentries == s->ma_used ? k->log2_size : log2_for(s->ma_used * 3 / 2 + 1));
    if (USABLE_FRACTION(dk_size(nk)) < s->ma_used) nk = keys_new(log2_for(s->ma_used * 3));
    dict_entry *oe = dk_entries(k), *ne = dk_entries(nk);
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < k->nentries; i++) {
      if (!oe[i].value) continue;
      ne[n] = oe[i];
      ix_set(nk, find_empty_slot(nk, oe[i].hash), n);
      n++;
    }
    nk->nentries = n;
    nk->usable -= n;
    D(r)->ma_used = n;
    WF_GC_STORE(&D(r)->ma_keys, nk);
  }
  unlock(s);
  return r;
}

/* dict.update(other) / dict(other) for a mapping with keys() or an
 * iterable of pairs. */
static int update_arg(PyObject *d, PyObject *arg) {
  WF_GC_ROOT(d);
  WF_GC_ROOT(arg);
  if (wf_dict_check(arg) && WF_TYPE(arg)->tp_iter == wf_dict_type.tp_iter) return merge_dict(d, arg, true);
  PyObject *keysm = NULL;
  WF_GC_ROOT(keysm);
  if (wf_object_lookup_attr(arg, WF_ID(keys), &keysm) < 0) return -1;
  if (keysm) {
    PyObject *ks = wf_call_noargs(keysm);
    WF_GC_ROOT(ks);
    if (!ks) return -1;
    PyObject *it = wf_object_getiter(ks);
    WF_GC_ROOT(it);
    if (!it) return -1;
    PyObject *k = NULL;
    WF_GC_ROOT(k);
    while ((k = wf_iter_next(it))) {
      PyObject *v = wf_object_getitem(arg, k);
      if (!v || wf_dict_setitem(d, k, v) < 0) return -1;
    }
    return wf_err_occurred() ? -1 : 0;
  }
  PyObject *it = wf_object_getiter(arg);
  WF_GC_ROOT(it);
  if (!it) return -1;
  PyObject *item = NULL;
  WF_GC_ROOT(item);
  for (Py_ssize_t i = 0; (item = wf_iter_next(it)); i++) {
    PyObject *fast = NULL;
    WF_GC_ROOT(fast);
    if (wf_tuple_check(item) || wf_list_check(item)) {
      fast = wf_tuple_check(item) ? item : wf_sequence_tuple(item);
    } else {
      PyObject *iit = wf_object_getiter(item);
      if (!iit) {
        if (wf_err_matches(&wf_TypeError_type))
          wf_err_format(&wf_TypeError_type, "cannot convert dictionary update sequence element #%zd to a sequence", i);
        return -1;
      }
      fast = wf_sequence_tuple(iit);
    }
    if (!fast) return -1;
    Py_ssize_t n = WF_SIZE(fast);
    if (n != 2) {
      wf_err_format(&wf_ValueError_type, "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
      return -1;
    }
    if (wf_dict_setitem(d, WF_TUPLE_GET(fast, 0), WF_TUPLE_GET(fast, 1)) < 0) return -1;
  }
  return wf_err_occurred() ? -1 : 0;
}

int wf_dict_update(PyObject *d, PyObject *other) { return update_arg(d, other); }

int wf_dict_pop(PyObject *d, PyObject *key, PyObject **value) {
  WF_GC_ROOT(d);
  WF_GC_ROOT(key);
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  *value = NULL;
  return pop_hash(D(d), key, h, value);
}

int wf_dict_clear(PyObject *d) {
  lock(D(d));
  clear_locked(D(d));
  unlock(D(d));
  return 0;
}

PyObject *wf_dict_keys_list(PyObject *d) {
  Py_ssize_t n;
  PyObject *items = snapshot_items(D(d), &n);
  PyObject *l = wf_list_new(n);
  for (Py_ssize_t i = 0; i < n; i++) wf_list_set(l, i, WF_TUPLE_GET(items, 2 * i));
  return l;
}

/* ---- Slots ------------------------------------------------------------------------------ */

static PyObject *dict_repr(PyObject *self) {
  WF_GC_ROOT(self);
  Py_ssize_t n;
  PyObject *items = snapshot_items(D(self), &n);
  WF_GC_ROOT(items);
  if (n == 0) return wf_str_from_cstr("{}");
  int st = wf_repr_enter(self);
  if (st < 0) return NULL;
  if (st > 0) return wf_str_from_cstr("{...}");
  PyObject *parts = wf_tuple_new(n);
  WF_GC_ROOT(parts);
  PyObject *r = NULL;
  if (wf_enter_recursive(" while getting the repr of an object") < 0) goto out;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *ks = wf_object_repr(WF_TUPLE_GET(items, 2 * i));
    WF_GC_ROOT(ks);
    PyObject *vs = ks ? wf_object_repr(WF_TUPLE_GET(items, 2 * i + 1)) : NULL;
    if (!vs) {
      wf_leave_recursive();
      goto out;
    }
    WF_TUPLE_INIT(parts, i, wf_str_from_format("%U: %U", ks, vs));
  }
  wf_leave_recursive();
  PyObject *body = wf_str_join(wf_str_from_cstr(", "), parts);
  if (body) r = wf_str_from_format("{%U}", body);
out:
  wf_repr_leave(self);
  return r;
}

static Py_ssize_t dict_length(PyObject *self) { return wf_dict_size(self); }

static PyObject *dict_subscript(PyObject *self, PyObject *key) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(key);
  Py_hash_t h = key_hash(key);
  if (h == -1) return NULL;
  bool err;
  PyObject *v = getitem_hash(D(self), key, h, &err);
  if (v || err) return v;
  if (WF_TYPE(self) != &wf_dict_type) {
    int found;
    PyObject *r = wf_call_special(self, WF_ID(__missing__), &key, 1, &found);
    if (found) return r;
  }
  return wf_err_set_key(key);
}

static int dict_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
  return value ? wf_dict_setitem(self, key, value) : wf_dict_delitem(self, key);
}

static int dict_sq_contains(PyObject *self, PyObject *key) { return wf_dict_contains(self, key); }

static PyObject *dict_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_dict_check(a) || !wf_dict_check(b) || (op != Py_EQ && op != Py_NE)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  int eq = 1;
  if (wf_dict_size(a) != wf_dict_size(b)) {
    eq = 0;
  } else {
    Py_ssize_t n;
    PyObject *items = snapshot_items(D(a), &n);
    WF_GC_ROOT(items);
    for (Py_ssize_t i = 0; i < n && eq; i++) {
      PyObject *k = WF_TUPLE_GET(items, 2 * i), *av = WF_TUPLE_GET(items, 2 * i + 1);
      Py_hash_t h = key_hash(k);
      if (h == -1) return NULL;
      bool err;
      PyObject *bv = getitem_hash(D(b), k, h, &err);
      if (err) return NULL;
      if (!bv) {
        eq = 0;
        break;
      }
      WF_GC_ROOT(bv);
      int c = wf_object_richcompare_bool(av, bv, Py_EQ);
      if (c < 0) return NULL;
      eq = c;
    }
  }
  return wf_bool_from(op == Py_EQ ? eq : !eq);
}

static PyObject *dict_iter(PyObject *self);

static PyObject *dict_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  PyTypeObject *t = type;
  allocfunc a = t->tp_alloc ? t->tp_alloc : wf_type_generic_alloc;
  return a(type, 0);
}

static int dict_update_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                              const char *fname) {
  if (nargs > 1) {
    wf_err_format(&wf_TypeError_type, "%s expected at most 1 argument, got %zd", fname, nargs);
    return -1;
  }
  WF_GC_ROOT(self);
  if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
  if (kwnames)
    for (Py_ssize_t i = 0; i < WF_SIZE(kwnames); i++)
      if (wf_dict_setitem(self, WF_TUPLE_GET(kwnames, i), args[nargs + i]) < 0) return -1;
  return 0;
}

static int dict_init(PyObject *self, PyObject *args, PyObject *kwds) {
  Py_ssize_t n = WF_SIZE(args);
  if (n > 1) {
    wf_err_format(&wf_TypeError_type, "dict expected at most 1 argument, got %zd", n);
    return -1;
  }
  WF_GC_ROOT(self);
  WF_GC_ROOT(kwds);
  if (n == 1 && update_arg(self, WF_TUPLE_GET(args, 0)) < 0) return -1;
  if (kwds && merge_dict(self, kwds, true) < 0) return -1;
  return 0;
}

static PyObject *dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  if (nargs > 1) return wf_err_format(&wf_TypeError_type, "dict expected at most 1 argument, got %zd", nargs);
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  if (dict_update_common(d, args, nargs, kwnames, "dict") < 0) return NULL;
  return d;
}

static PyObject *dict_or(PyObject *a, PyObject *b) {
  if (!wf_dict_check(a) || !wf_dict_check(b)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(b);
  PyObject *r = wf_dict_copy(a);
  WF_GC_ROOT(r);
  if (WF_TYPE(a) != &wf_dict_type) {
    r = wf_call_one((PyObject *)WF_TYPE(a), a);
    if (!r) return NULL;
  }
  if (update_arg(r, b) < 0) return NULL;
  return r;
}

static PyObject *dict_ior(PyObject *a, PyObject *b) {
  if (update_arg(a, b) < 0) return NULL;
  return a;
}

/* ---- Methods ------------------------------------------------------------------------------ */

static PyObject *dict_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
  Py_hash_t h = key_hash(args[0]);
  if (h == -1) return NULL;
  bool err;
  PyObject *v = getitem_hash(D(self), args[0], h, &err);
  if (err) return NULL;
  return v ? v : nargs > 1 ? args[1] : WF_NONE;
}

static PyObject *dict_setdefault_m(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("setdefault", nargs, 1, 2) < 0) return NULL;
  return wf_dict_setdefault(self, args[0], nargs > 1 ? args[1] : WF_NONE);
}

static PyObject *dict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("pop", nargs, 1, 2) < 0) return NULL;
  PyObject *key = args[0], *dflt = nargs > 1 ? args[1] : NULL;
  WF_GC_ROOT(self);
  WF_GC_ROOT(key);
  WF_GC_ROOT(dflt);
  Py_hash_t h = key_hash(key);
  if (h == -1) return NULL;
  PyObject *old = NULL;
  int r = pop_hash(D(self), key, h, &old);
  if (r < 0) return NULL;
  if (r == 1) return old;
  if (dflt) return dflt;
  return wf_err_set_key(key);
}

static PyObject *dict_popitem(PyObject *self, PyObject *unused) {
  PyDictObject *d = D(self);
  lock(d);
  if (d->ma_used == 0) {
    unlock(d);
    return wf_err_set_object(&wf_KeyError_type, wf_str_from_cstr("popitem(): dictionary is empty"));
  }
  dict_keys *k = d->ma_keys;
  dict_entry *e = dk_entries(k);
  Py_ssize_t i = k->nentries - 1;
  while (i >= 0 && !e[i].value) i--;
  PyObject *key = e[i].key, *value = e[i].value;
  delete_locked(d, i, e[i].hash);
  unlock(d);
  return wf_tuple_pack(2, key, value);
}

static PyObject *dict_keys_m(PyObject *self, PyObject *unused);
static PyObject *dict_values_m(PyObject *self, PyObject *unused);
static PyObject *dict_items_m(PyObject *self, PyObject *unused);
static PyObject *dict_reversed(PyObject *self, PyObject *unused);

static PyObject *dict_update_m(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (dict_update_common(self, args, nargs, kwnames, "update") < 0) return NULL;
  return WF_NONE;
}

static PyObject *dict_clear(PyObject *self, PyObject *unused) {
  lock(D(self));
  clear_locked(D(self));
  unlock(D(self));
  return WF_NONE;
}

static PyObject *dict_copy_m(PyObject *self, PyObject *unused) { return wf_dict_copy(self); }

static PyObject *dict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("fromkeys", nargs, 1, 2) < 0) return NULL;
  PyObject *iterable = args[0], *value = nargs > 1 ? args[1] : WF_NONE;
  WF_GC_ROOT(iterable);
  WF_GC_ROOT(value);
  PyObject *d = wf_call_noargs(cls);
  WF_GC_ROOT(d);
  if (!d) return NULL;
  bool exact = WF_TYPE(d) == &wf_dict_type;
  PyObject *it = wf_object_getiter(iterable);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *k = NULL;
  WF_GC_ROOT(k);
  while ((k = wf_iter_next(it))) {
    int r = exact ? wf_dict_setitem(d, k, value) : wf_object_setitem(d, k, value);
    if (r < 0) return NULL;
  }
  return wf_err_occurred() ? NULL : d;
}

static PyObject *dict_contains_m(PyObject *self, PyObject *key) {
  int r = wf_dict_contains(self, key);
  if (r < 0) return NULL;
  return wf_bool_from(r);
}

static PyObject *dict_getitem_m(PyObject *self, PyObject *key) { return dict_subscript(self, key); }

static PyObject *dict_sizeof(PyObject *self, PyObject *unused) {
  dict_keys *k = load_keys(D(self));
  Py_ssize_t s = (Py_ssize_t)sizeof(PyDictObject) - (Py_ssize_t)sizeof(wf_lock) - (Py_ssize_t)sizeof(uint64_t);
  if (k)
    s += (Py_ssize_t)sizeof(dict_keys) - (Py_ssize_t)sizeof(PyObject) + 16 + (dk_size(k) << k->log2_width) +
         (Py_ssize_t)sizeof(dict_entry) * USABLE_FRACTION(dk_size(k));
  return wf_int_from_ssize(s);
}

static PyMethodDef dict_methods[] = {
    {"__contains__", dict_contains_m, METH_O | METH_COEXIST, "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_getitem_m, METH_O | METH_COEXIST, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", dict_sizeof, METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"get", (PyCFunction)(void (*)(void))dict_get, METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", (PyCFunction)(void (*)(void))dict_setdefault_m, METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in "
     "the dictionary, else default."},
    {"pop", (PyCFunction)(void (*)(void))dict_pop, METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return "
     "the default if given; otherwise,\nraise a KeyError."},
    {"popitem", dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", dict_keys_m, METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dict_items_m, METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dict_values_m, METH_NOARGS, "D.values() -> an object providing a view on D's values"},
    {"update", (PyCFunction)(void (*)(void))dict_update_m, METH_FASTCALL | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", (PyCFunction)(void (*)(void))dict_fromkeys, METH_FASTCALL | METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear, METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_m, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed, METH_NOARGS, "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", wf_class_getitem_generic, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}};

static PySequenceMethods dict_as_sequence = {.sq_contains = dict_sq_contains};
static PyMappingMethods dict_as_mapping = {
    .mp_length = dict_length, .mp_subscript = dict_subscript, .mp_ass_subscript = dict_ass_subscript};
static PyNumberMethods dict_as_number = {.nb_or = dict_or, .nb_inplace_or = dict_ior};

PyTypeObject wf_dict_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS |
                Py_TPFLAGS_MAPPING | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n"
              "    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the "
              "name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_alloc = wf_type_generic_alloc,
    .tp_new = dict_tp_new,
    .tp_vectorcall = dict_vectorcall,
    .wf = {.trace = dict_trace},
};

static PyTypeObject dictkeys_storage_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "weft.dict_keys_table",
    .tp_basicsize = sizeof(dict_keys),
    .wf = {.trace = keys_trace},
};

/* ---- Iterators ------------------------------------------------------------------------------ */

typedef struct {
  PyObject ob_base;
  PyObject *di_dict; /* NULL when exhausted */
  Py_ssize_t di_used;
  Py_ssize_t di_pos;
  Py_ssize_t len;
  int kind;     /* 0 keys, 1 values, 2 items */
  int reversed;
} dictiter;

static void dictiter_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((dictiter *)o)->di_dict); }

static PyTypeObject *iter_types[2][3] = {{&wf_dictiterkey_type, &wf_dictitervalue_type, &wf_dictiteritem_type},
                                         {&wf_dictrevkey_type, &wf_dictrevvalue_type, &wf_dictrevitem_type}};

static PyObject *dictiter_new(PyObject *d, int kind, int reversed) {
  dictiter *it = (dictiter *)wf_object_alloc(iter_types[reversed][kind], sizeof(dictiter));
  WF_GC_STORE(&it->di_dict, d);
  it->kind = kind;
  it->reversed = reversed;
  it->di_used = wf_dict_size(d);
  it->len = it->di_used;
  if (reversed) {
    dict_keys *k = load_keys(D(d));
    it->di_pos = k ? __atomic_load_n(&k->nentries, __ATOMIC_ACQUIRE) - 1 : -1;
  }
  return (PyObject *)it;
}

static PyObject *dictiter_next(PyObject *self) {
  dictiter *it = (dictiter *)self;
  PyObject *d = it->di_dict;
  if (!d) return NULL;
  if (it->di_used != wf_dict_size(d)) {
    it->di_used = -1;
    return wf_err_set_string(&wf_RuntimeError_type, "dictionary changed size during iteration");
  }
  dict_keys *k = load_keys(D(d));
  PyObject *key = NULL, *value = NULL;
  if (k) {
    Py_ssize_t n = __atomic_load_n(&k->nentries, __ATOMIC_ACQUIRE);
    dict_entry *e = dk_entries(k);
    if (!it->reversed) {
      Py_ssize_t i = it->di_pos;
      for (; i < n; i++) {
        value = WF_GC_LOAD(&e[i].value);
        key = WF_GC_LOAD(&e[i].key);
        if (value && key) break;
      }
      if (i >= n) goto fail;
      it->di_pos = i + 1;
    } else {
      Py_ssize_t i = it->di_pos < n ? it->di_pos : n - 1;
      for (; i >= 0; i--) {
        value = WF_GC_LOAD(&e[i].value);
        key = WF_GC_LOAD(&e[i].key);
        if (value && key) break;
      }
      if (i < 0) goto fail;
      it->di_pos = i - 1;
    }
  } else {
    goto fail;
  }
  if (it->len == 0) {
    wf_err_set_string(&wf_RuntimeError_type, "dictionary keys changed during iteration");
    goto fail;
  }
  it->len--;
  switch (it->kind) {
  case 0: return key;
  case 1: return value;
  default: return wf_tuple_pack(2, key, value);
  }
fail:
  it->di_dict = NULL;
  return NULL;
}

static PyObject *dictiter_length_hint(PyObject *self, PyObject *unused) {
  dictiter *it = (dictiter *)self;
  Py_ssize_t n = 0;
  if (it->di_dict && it->di_used == wf_dict_size(it->di_dict)) n = it->len;
  return wf_int_from_ssize(n);
}

static PyObject *self_iter(PyObject *self) { return self; }

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL}};

#define DICTITER_TYPE(var, name)                   \
  PyTypeObject var = {                             \
      .ob_base = {{0, &wf_type_type}, 0},          \
      .tp_name = name,                             \
      .tp_basicsize = sizeof(dictiter),            \
      .tp_getattro = wf_object_generic_getattr,    \
      .tp_flags = Py_TPFLAGS_DEFAULT,              \
      .tp_iter = self_iter,                        \
      .tp_iternext = dictiter_next,                \
      .tp_methods = dictiter_methods,              \
      .wf = {.trace = dictiter_trace},             \
  };
DICTITER_TYPE(wf_dictiterkey_type, "dict_keyiterator")
DICTITER_TYPE(wf_dictitervalue_type, "dict_valueiterator")
DICTITER_TYPE(wf_dictiteritem_type, "dict_itemiterator")
DICTITER_TYPE(wf_dictrevkey_type, "dict_reversekeyiterator")
DICTITER_TYPE(wf_dictrevvalue_type, "dict_reversevalueiterator")
DICTITER_TYPE(wf_dictrevitem_type, "dict_reverseitemiterator")

static PyObject *dict_iter(PyObject *self) { return dictiter_new(self, 0, 0); }
static PyObject *dict_reversed(PyObject *self, PyObject *unused) { return dictiter_new(self, 0, 1); }

/* ---- Views ------------------------------------------------------------------------------------ */

typedef struct {
  PyObject ob_base;
  PyObject *dv_dict;
} dictview;

static void dictview_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((dictview *)o)->dv_dict); }

static PyObject *view_new(PyObject *d, PyTypeObject *type) {
  dictview *v = (dictview *)wf_object_alloc(type, sizeof(dictview));
  WF_GC_STORE(&v->dv_dict, d);
  return (PyObject *)v;
}

static PyObject *dict_keys_m(PyObject *self, PyObject *unused) { return view_new(self, &wf_dictkeys_type); }
static PyObject *dict_values_m(PyObject *self, PyObject *unused) { return view_new(self, &wf_dictvalues_type); }
static PyObject *dict_items_m(PyObject *self, PyObject *unused) { return view_new(self, &wf_dictitems_type); }

static int view_kind(PyObject *v) {
  PyTypeObject *t = WF_TYPE(v);
  return t == &wf_dictkeys_type ? 0 : t == &wf_dictvalues_type ? 1 : 2;
}

static Py_ssize_t view_len(PyObject *self) { return wf_dict_size(((dictview *)self)->dv_dict); }
static PyObject *view_iter(PyObject *self) { return dictiter_new(((dictview *)self)->dv_dict, view_kind(self), 0); }
static PyObject *view_reversed(PyObject *self, PyObject *unused) {
  return dictiter_new(((dictview *)self)->dv_dict, view_kind(self), 1);
}

static PyObject *view_repr(PyObject *self) {
  WF_GC_ROOT(self);
  int st = wf_repr_enter(self);
  if (st < 0) return NULL;
  if (st > 0) return wf_str_from_cstr("...");
  PyObject *r = NULL;
  PyObject *l = wf_sequence_list(self);
  WF_GC_ROOT(l);
  if (l) {
    PyObject *lr = wf_object_repr(l);
    if (lr) r = wf_str_from_format("%s(%U)", WF_TYPE(self)->tp_name, lr);
  }
  wf_repr_leave(self);
  return r;
}

static int keys_contains(PyObject *self, PyObject *key) { return wf_dict_contains(((dictview *)self)->dv_dict, key); }

static int items_contains(PyObject *self, PyObject *item) {
  if (!wf_tuple_check(item) || WF_SIZE(item) != 2) return 0;
  WF_GC_ROOT(item);
  PyObject *d = ((dictview *)self)->dv_dict;
  PyObject *v = wf_dict_getitem_err(d, WF_TUPLE_GET(item, 0));
  if (!v) return wf_err_occurred() ? -1 : 0;
  return wf_object_richcompare_bool(v, WF_TUPLE_GET(item, 1), Py_EQ);
}

static PyObject *view_mapping(PyObject *self, void *c) { return wf_mappingproxy_new(((dictview *)self)->dv_dict); }

static bool setlike(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  return wf_anyset_check(o) || t == &wf_dictkeys_type || t == &wf_dictitems_type;
}

/* Every element of a is in b. */
static int all_contained_in(PyObject *a, PyObject *b) {
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  PyObject *it = wf_object_getiter(a);
  WF_GC_ROOT(it);
  if (!it) return -1;
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  while ((x = wf_iter_next(it))) {
    int c = wf_sequence_contains(b, x);
    if (c <= 0) return c;
  }
  return wf_err_occurred() ? -1 : 1;
}

static PyObject *view_richcompare(PyObject *self, PyObject *other, int op) {
  if (!setlike(other)) return WF_NOTIMPLEMENTED;
  Py_ssize_t ls = wf_object_length(self), lo = wf_object_length(other);
  if (ls < 0 || lo < 0) return NULL;
  int ok;
  switch (op) {
  case Py_NE:
  case Py_EQ:
    ok = ls == lo ? all_contained_in(self, other) : 0;
    if (ok >= 0 && op == Py_NE) ok = !ok;
    break;
  case Py_LT: ok = ls < lo ? all_contained_in(self, other) : 0; break;
  case Py_LE: ok = ls <= lo ? all_contained_in(self, other) : 0; break;
  case Py_GT: ok = ls > lo ? all_contained_in(other, self) : 0; break;
  default: ok = ls >= lo ? all_contained_in(other, self) : 0; break;
  }
  if (ok < 0) return NULL;
  return wf_bool_from(ok);
}

/* set(a) <op>= b, as CPython's dictviews_* do: a keys view contributes its
 * dict (so the set is built from a dict, with a dict's presizing). */
static PyObject *view_to_set(PyObject *v) {
  if (WF_TYPE(v) == &wf_dictkeys_type) v = ((dictview *)v)->dv_dict;
  return wf_set_new(v);
}
static PyObject *view_setop(PyObject *a, PyObject *b, const char *method) {
  WF_GC_ROOT(b);
  PyObject *s = view_to_set(a);
  WF_GC_ROOT(s);
  if (!s) return NULL;
  PyObject *r = wf_call_method_cstr(s, method, &b, 1);
  if (!r) return NULL;
  return s;
}
static PyObject *view_sub(PyObject *a, PyObject *b) { return view_setop(a, b, "difference_update"); }
static PyObject *view_or(PyObject *a, PyObject *b) { return view_setop(a, b, "update"); }
static PyObject *view_xor(PyObject *a, PyObject *b) { return view_setop(a, b, "symmetric_difference_update"); }

/* CPython's _PyDictView_Intersect: iterate the other operand, keep what the
 * view contains (the kept object is the other operand's). */
static PyObject *view_and(PyObject *self, PyObject *other) {
  if (!setlike(self) || (WF_TYPE(self) != &wf_dictkeys_type && WF_TYPE(self) != &wf_dictitems_type)) {
    PyObject *t = self;
    self = other;
    other = t;
  }
  WF_GC_ROOT(self);
  WF_GC_ROOT(other);
  Py_ssize_t ls = wf_object_length(self);
  if (ls < 0) return NULL;
  if (WF_TYPE(other) == &wf_set_type) {
    Py_ssize_t lo = wf_object_length(other);
    if (lo < 0) return NULL;
    if (ls <= lo) return wf_call_method_cstr(other, "intersection", &self, 1);
  }
  if (WF_TYPE(other) == &wf_dictkeys_type || WF_TYPE(other) == &wf_dictitems_type) {
    Py_ssize_t lo = wf_object_length(other);
    if (lo < 0) return NULL;
    if (lo > ls) {
      PyObject *t = self;
      self = other;
      other = t;
    }
  }
  PyObject *result = wf_set_new(NULL);
  WF_GC_ROOT(result);
  PyObject *it = wf_object_getiter(other);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  while ((x = wf_iter_next(it))) {
    int c = WF_TYPE(self) == &wf_dictkeys_type ? keys_contains(self, x) : items_contains(self, x);
    if (c < 0) return NULL;
    if (c && wf_set_add(result, x) < 0) return NULL;
  }
  return wf_err_occurred() ? NULL : result;
}

static PyObject *view_isdisjoint(PyObject *self, PyObject *other) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(other);
  PyObject *a = self, *b = other;
  if (setlike(other) && wf_object_length(other) > wf_object_length(self)) {
    a = other;
    b = self;
  }
  PyObject *it = wf_object_getiter(b == self ? other : self);
  (void)a;
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  PyObject *container = b == self ? self : other;
  while ((x = wf_iter_next(it))) {
    int c = wf_sequence_contains(container, x);
    if (c < 0) return NULL;
    if (c) return WF_FALSE;
  }
  return wf_err_occurred() ? NULL : WF_TRUE;
}

static PyGetSetDef view_getsets[] = {{"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
                                     {NULL, NULL, NULL, NULL, NULL}};
static PyMethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint, METH_O, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", view_reversed, METH_NOARGS, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL}};
static PyMethodDef values_methods[] = {
    {"__reversed__", view_reversed, METH_NOARGS, "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL}};

static PyNumberMethods setview_as_number = {
    .nb_subtract = view_sub, .nb_and = view_and, .nb_or = view_or, .nb_xor = view_xor};
static PySequenceMethods keys_as_sequence = {.sq_length = view_len, .sq_contains = keys_contains};
static PySequenceMethods items_as_sequence = {.sq_length = view_len, .sq_contains = items_contains};
static PySequenceMethods values_as_sequence = {.sq_length = view_len};

PyTypeObject wf_dictkeys_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(dictview),
    .tp_repr = view_repr,
    .tp_as_number = &setview_as_number,
    .tp_as_sequence = &keys_as_sequence,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_methods = setview_methods,
    .tp_getset = view_getsets,
    .wf = {.trace = dictview_trace},
};

PyTypeObject wf_dictitems_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(dictview),
    .tp_repr = view_repr,
    .tp_as_number = &setview_as_number,
    .tp_as_sequence = &items_as_sequence,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_methods = setview_methods,
    .tp_getset = view_getsets,
    .wf = {.trace = dictview_trace},
};

PyTypeObject wf_dictvalues_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(dictview),
    .tp_repr = view_repr,
    .tp_as_sequence = &values_as_sequence,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = view_iter,
    .tp_methods = values_methods,
    .tp_getset = view_getsets,
    .wf = {.trace = dictview_trace},
};

/* ---- Lookup hints for the interpreter's inline caches (interp group) ---- */

uint64_t wf_dict_keys_version(PyObject *d) { return __atomic_load_n(&D(d)->mutations, __ATOMIC_ACQUIRE); }

PyObject *wf_dict_lookup_hint(PyObject *d, PyObject *key, void **keys, Py_ssize_t *ix) {
  *keys = NULL;
  *ix = -1;
  Py_hash_t hash = key_hash(key);
  if (hash == -1) return NULL;
  dict_keys *k = load_keys(D(d));
  Py_ssize_t i = lookup_simple(k, key, hash);
  if (i == NEED_SLOW) {
    i = lookup_generic(D(d), key, hash, &k);
    if (i == LOOKUP_ERROR) return NULL;
  }
  if (i < 0) return NULL;
  PyObject *v = WF_GC_LOAD(&dk_entries(k)[i].value);
  if (v && WF_GC_LOAD(&dk_entries(k)[i].key) == key) { /* a hint only for the identical key object */
    *keys = k;
    *ix = i;
  }
  return v;
}

bool wf_dict_store_at(PyObject *d, Py_ssize_t ix, PyObject *key, PyObject *value) {
  PyDictObject *dd = D(d);
  lock(dd);
  dict_keys *k = dd->ma_keys;
  bool ok = k && ix >= 0 && ix < k->nentries && dk_entries(k)[ix].key == key && dk_entries(k)[ix].value;
  if (ok) WF_GC_STORE(&dk_entries(k)[ix].value, value);
  unlock(dd);
  return ok;
}
