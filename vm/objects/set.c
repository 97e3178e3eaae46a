/* set and frozenset: see set.h. The probing and resizing reproduce
 * python3.11's observable behaviour (iteration order, pop order): a key's
 * home slot is hash & mask; from slot i, the slots i..i+9 are probed while
 * they fit in the table, then perturb >>= 5 and i = (5*i + 1 + perturb) &
 * mask. An insertion that meets dummies reuses the last dummy seen before
 * the first never-used slot. The table grows to the smallest power of two
 * (>= 8) above 4 * used (2 * used above 50000 entries) once 5 * fill >=
 * 3 * mask. */
#include "set.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_hash.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define MINSIZE 8

PyObject wf_set_dummy = {1, &wf_object_type};
#define DUMMY (&wf_set_dummy)

/* ---- Table store ------------------------------------------------------------- */

static void table_trace(void *obj, wf_gc_tracer *t) {
  wf_set_table *tb = obj;
  for (Py_ssize_t i = 0; i < tb->size; i++) wf_gc_visit(t, __atomic_load_n(&tb->e[i].key, __ATOMIC_RELAXED));
}

PyTypeObject wf_set_table_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "set_table",
    .tp_basicsize = sizeof(wf_set_table),
    .tp_itemsize = sizeof(setentry),
    .wf = {.trace = table_trace},
};

static setentry *table_new(Py_ssize_t size) {
  wf_set_table *t = (wf_set_table *)wf_object_alloc(&wf_set_table_type, sizeof(wf_set_table) + (size_t)size * sizeof(setentry));
  t->size = size;
  return t->e;
}

static inline wf_set_table *table_of(setentry *e) { return (wf_set_table *)((char *)e - offsetof(wf_set_table, e)); }

#define SO(o) ((PySetObject *)(o))

static inline void slock(PySetObject *so) {
  if (!so->frozen) wf_lock_acquire(&so->lock);
}
static inline void sunlock(PySetObject *so) {
  if (!so->frozen) wf_lock_release(&so->lock);
}

static void set_trace(void *obj, wf_gc_tracer *t) {
  PySetObject *so = obj;
  setentry *e = __atomic_load_n(&so->table, __ATOMIC_RELAXED);
  if (e) wf_gc_visit(t, table_of(e));
  wf_gc_visit(t, so->weakreflist);
}

static inline void entry_set(setentry *e, PyObject *key, Py_hash_t hash) {
  e->hash = hash;
  WF_GC_STORE(&e->key, key);
}

/* ---- Equality of keys under the lock ------------------------------------------ */

/* Decide a == b without running Python code: 1 / 0, or -1 when only the
 * generic comparison can tell. */
static int fast_eq(PyObject *a, PyObject *b) {
  PyTypeObject *ta = WF_TYPE(a), *tb = WF_TYPE(b);
  bool sa = ta == &wf_str_type || ta == &wf_int_type || ta == &wf_float_type || ta == &wf_bytes_type;
  bool sb = tb == &wf_str_type || tb == &wf_int_type || tb == &wf_float_type || tb == &wf_bytes_type;
  if (!sa || !sb) return -1;
  if (ta != tb) {
    /* int == float exactly, as CPython compares them (pure, no exception) */
    if (ta == &wf_int_type && tb == &wf_float_type) return wf_int_compare_double(a, ((PyFloatObject *)b)->ob_fval) == 0;
    if (ta == &wf_float_type && tb == &wf_int_type) return wf_int_compare_double(b, ((PyFloatObject *)a)->ob_fval) == 0;
    return 0;
  }
  if (ta == &wf_str_type) return wf_str_equal(a, b);
  if (ta == &wf_float_type) return ((PyFloatObject *)a)->ob_fval == ((PyFloatObject *)b)->ob_fval;
  if (ta == &wf_bytes_type)
    return wf_bytes_size(a) == wf_bytes_size(b) && memcmp(wf_bytes_data(a), wf_bytes_data(b), (size_t)wf_bytes_size(a)) == 0;
  return wf_int_compare(a, b) == 0;
}

enum { EQ_NO = 0, EQ_YES = 1, EQ_ERR = -1, EQ_RESTART = 2 };

/* Compare with the lock held; a generic comparison releases it. The caller
 * has rooted so and key. */
static int eq_locked(PySetObject *so, PyObject *startkey, PyObject *key) {
  if (startkey == key) return EQ_YES;
  int r = fast_eq(startkey, key);
  if (r >= 0) return r;
  uint64_t ver = so->version;
  setentry *t0 = so->table;
  sunlock(so);
  WF_GC_ROOT(startkey);
  int cmp = wf_object_richcompare_bool(startkey, key, Py_EQ);
  slock(so);
  if (cmp < 0) return EQ_ERR;
  if (so->table != t0 || so->version != ver) return EQ_RESTART;
  return cmp ? EQ_YES : EQ_NO;
}

/* ---- Core table operations (lock held) ------------------------------------------ */

static void insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash) {
  size_t perturb = (size_t)hash, i = (size_t)hash & mask;
  setentry *e;
  for (;;) {
    e = &table[i];
    if (!e->key) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        e++;
        if (!e->key) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  entry_set(e, key, hash);
}

static void table_resize(PySetObject *so, Py_ssize_t minused) {
  size_t newsize = MINSIZE;
  while (newsize <= (size_t)minused) newsize <<= 1;
  setentry *old = so->table;
  size_t oldsize = (size_t)so->mask + 1;
  setentry *nt = table_new((Py_ssize_t)newsize);
  for (size_t i = 0; i < oldsize; i++) {
    PyObject *k = old[i].key;
    if (k && k != DUMMY) insert_clean(nt, newsize - 1, k, old[i].hash);
  }
  so->mask = (Py_ssize_t)newsize - 1;
  so->fill = so->used;
  WF_GC_STORE(&so->table, nt);
  so->version++;
}

static void ensure_table(PySetObject *so) {
  if (!so->table) {
    WF_GC_STORE(&so->table, table_new(MINSIZE));
    so->mask = MINSIZE - 1;
  }
}

/* Lock held. Index of key's entry, -1 when absent, -2 on error. */
static Py_ssize_t lookup_locked(PySetObject *so, PyObject *key, Py_hash_t hash) {
restart:;
  setentry *table = so->table;
  if (!table) return -1;
  size_t mask = (size_t)so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    size_t j = i;
    do {
      setentry *e = &table[j];
      if (!e->key) return -1;
      if (e->hash == hash && e->key != DUMMY) {
        int r = eq_locked(so, e->key, key);
        if (r == EQ_YES) return (Py_ssize_t)j;
        if (r == EQ_ERR) return -2;
        if (r == EQ_RESTART) goto restart;
      }
      j++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

/* Lock held. 0 added or present, -1 error. */
static int add_locked(PySetObject *so, PyObject *key, Py_hash_t hash) {
  ensure_table(so);
restart:;
  setentry *table = so->table, *freeslot = NULL, *e;
  size_t mask = (size_t)so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
  for (;;) {
    int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
    size_t j = i;
    do {
      e = &table[j];
      if (!e->key) goto found_unused;
      if (e->hash == hash && e->key != DUMMY) {
        int r = eq_locked(so, e->key, key);
        if (r == EQ_YES) return 0;
        if (r == EQ_ERR) return -1;
        if (r == EQ_RESTART) goto restart;
      } else if (e->key == DUMMY) {
        freeslot = e;
      }
      j++;
    } while (probes--);
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused:
  so->version++;
  if (freeslot) {
    so->used++;
    entry_set(freeslot, key, hash);
    return 0;
  }
  so->fill++;
  so->used++;
  entry_set(e, key, hash);
  if ((size_t)so->fill * 5 < mask * 3) return 0;
  table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
  return 0;
}

/* Lock held. 1 removed, 0 absent, -1 error. */
static int discard_locked(PySetObject *so, PyObject *key, Py_hash_t hash) {
  Py_ssize_t i = lookup_locked(so, key, hash);
  if (i == -2) return -1;
  if (i < 0) return 0;
  setentry *e = &so->table[i];
  e->hash = -1;
  WF_GC_STORE(&e->key, DUMMY);
  so->used--;
  so->version++;
  return 1;
}

static void clear_locked(PySetObject *so) {
  WF_GC_STORE(&so->table, table_new(MINSIZE));
  so->mask = MINSIZE - 1;
  so->fill = so->used = 0;
  so->version++;
}

/* ---- Unlocked entry points (so and key rooted here) -------------------------------- */

static int add_entry(PySetObject *so, PyObject *key, Py_hash_t hash) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  slock(so);
  int r = add_locked(so, key, hash);
  sunlock(so);
  return r;
}

static int contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  slock(so);
  Py_ssize_t i = lookup_locked(so, key, hash);
  sunlock(so);
  return i == -2 ? -1 : i >= 0;
}

static int discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  slock(so);
  int r = discard_locked(so, key, hash);
  sunlock(so);
  return r;
}

static inline Py_hash_t key_hash(PyObject *key) {
  if (WF_TYPE(key) == &wf_str_type) {
    Py_hash_t h = __atomic_load_n(&((PyASCIIObject *)key)->hash, __ATOMIC_RELAXED);
    if (h != -1) return h;
  }
  return wf_object_hash(key);
}

static int add_key(PySetObject *so, PyObject *key) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  return add_entry(so, key, h);
}

static int contains_key(PySetObject *so, PyObject *key) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  return contains_entry(so, key, h);
}

static int discard_key(PySetObject *so, PyObject *key) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  Py_hash_t h = key_hash(key);
  if (h == -1) return -1;
  return discard_entry(so, key, h);
}

/* ---- Views: a stable copy of another set's entries ------------------------------ */

typedef struct {
  setentry *e;      /* entries (may include NULL and dummy keys) */
  Py_ssize_t n;     /* number of entries (table size) */
  Py_ssize_t used;  /* active entries */
  Py_ssize_t fill;
  PyObject *keep;   /* the GC object holding e */
} setview;

/* Frozensets are used in place; sets are copied under their lock. The caller
 * roots v->keep. */
static void view_of(PySetObject *so, setview *v) {
  slock(so);
  if (!so->table) {
    v->e = NULL;
    v->n = v->used = v->fill = 0;
    v->keep = NULL;
  } else if (so->frozen) {
    v->e = so->table;
    v->n = so->mask + 1;
    v->used = so->used;
    v->fill = so->fill;
    v->keep = (PyObject *)table_of(so->table);
  } else {
    Py_ssize_t n = so->mask + 1;
    setentry *c = table_new(n);
    memcpy(c, so->table, (size_t)n * sizeof(setentry));
    v->e = c;
    v->n = n;
    v->used = so->used;
    v->fill = so->fill;
    v->keep = (PyObject *)table_of(c);
  }
  sunlock(so);
}

#define VIEW_FOR(v, ent)                                   \
  for (setentry *ent = (v).e; ent && ent < (v).e + (v).n; ent++) \
    if (ent->key && ent->key != DUMMY)

/* set_merge: add every entry of other (a view) to so. */
static int merge_view(PySetObject *so, setview *v) {
  WF_GC_ROOT(so);
  if (v->used == 0) return 0;
  slock(so);
  ensure_table(so);
  if ((so->fill + v->used) * 5 >= so->mask * 3) table_resize(so, (so->used + v->used) * 2);
  if (so->fill == 0 && so->mask + 1 == v->n && v->fill == v->used) {
    for (Py_ssize_t i = 0; i < v->n; i++) entry_set(&so->table[i], v->e[i].key, v->e[i].hash);
    so->fill = v->fill;
    so->used = v->used;
    so->version++;
    sunlock(so);
    return 0;
  }
  if (so->fill == 0) {
    VIEW_FOR(*v, e) insert_clean(so->table, (size_t)so->mask, e->key, e->hash);
    so->fill = so->used = v->used;
    so->version++;
    sunlock(so);
    return 0;
  }
  int rc = 0;
  VIEW_FOR(*v, e) {
    if (add_locked(so, e->key, e->hash) < 0) {
      rc = -1;
      break;
    }
  }
  sunlock(so);
  return rc;
}

static int update_internal(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if (wf_anyset_check(other)) {
    if ((PyObject *)so == other) return 0;
    setview v;
    view_of(SO(other), &v);
    WF_GC_ROOT(v.keep);
    return merge_view(so, &v);
  }
  if (WF_TYPE(other) == &wf_dict_type) {
    Py_ssize_t n = wf_dict_size(other);
    slock(so);
    ensure_table(so);
    if ((so->fill + n) * 5 >= so->mask * 3) table_resize(so, (so->used + n) * 2);
    sunlock(so);
    PyObject *keys = wf_dict_keys_list(other);
    if (!keys) return -1;
    WF_GC_ROOT(keys);
    for (Py_ssize_t i = 0; i < wf_list_size(keys); i++)
      if (add_key(so, wf_list_get(keys, i)) < 0) return -1;
    return 0;
  }
  PyObject *it = wf_object_getiter(other);
  if (!it) return -1;
  WF_GC_ROOT(it);
  for (;;) {
    PyObject *k = wf_iter_next(it);
    if (!k) return wf_err_occurred() ? -1 : 0;
    if (add_key(so, k) < 0) return -1;
  }
}

/* ---- Construction ---------------------------------------------------------------- */

static PySetObject *alloc_set(PyTypeObject *type) {
  PySetObject *so;
  if (type == &wf_set_type || type == &wf_frozenset_type)
    so = (PySetObject *)wf_object_alloc(type, sizeof(PySetObject));
  else
    so = (PySetObject *)wf_type_generic_alloc(type, 0);
  if (!so) return NULL;
  so->frozen = wf_type_is_subtype(type, &wf_frozenset_type) || type == &wf_frozenset_type;
  so->hash = -1;
  WF_GC_STORE(&so->table, table_new(MINSIZE));
  so->mask = MINSIZE - 1;
  return so;
}

static PyObject *make_new_set(PyTypeObject *type, PyObject *iterable) {
  WF_GC_ROOT(iterable);
  PySetObject *so = alloc_set(type);
  if (!so) return NULL;
  WF_GC_ROOT(so);
  if (iterable && update_internal(so, iterable) < 0) return NULL;
  return (PyObject *)so;
}

static PyObject *make_new_set_basetype(PyTypeObject *type, PyObject *iterable) {
  if (type != &wf_set_type && type != &wf_frozenset_type)
    type = wf_type_is_subtype(type, &wf_set_type) ? &wf_set_type : &wf_frozenset_type;
  return make_new_set(type, iterable);
}

PyObject *wf_set_new(PyObject *iterable) { return make_new_set(&wf_set_type, iterable); }

PyObject *wf_frozenset_new(PyObject *iterable) {
  if (iterable && WF_TYPE(iterable) == &wf_frozenset_type) return iterable;
  return make_new_set(&wf_frozenset_type, iterable);
}

static PyObject *set_copy(PyObject *so) { return make_new_set_basetype(WF_TYPE(so), so); }

/* ---- Public API ----------------------------------------------------------------- */

Py_ssize_t wf_set_size(PyObject *s) { return __atomic_load_n(&SO(s)->used, __ATOMIC_RELAXED); }
int wf_set_add(PyObject *s, PyObject *key) { return add_key(SO(s), key); }
int wf_set_contains(PyObject *s, PyObject *key) { return contains_key(SO(s), key); }
int wf_set_discard(PyObject *s, PyObject *key) { return discard_key(SO(s), key); }
int wf_set_update(PyObject *s, PyObject *it) { return update_internal(SO(s), it); }

int wf_set_clear(PyObject *s) {
  slock(SO(s));
  clear_locked(SO(s));
  sunlock(SO(s));
  return 0;
}

PyObject *wf_set_pop(PyObject *s) {
  PySetObject *so = SO(s);
  slock(so);
  if (so->used == 0) {
    sunlock(so);
    return wf_err_set_string(&wf_KeyError_type, "pop from an empty set");
  }
  setentry *t = so->table;
  Py_ssize_t i = so->finger & so->mask;
  while (!t[i].key || t[i].key == DUMMY) {
    i++;
    if (i > so->mask) i = 0;
  }
  PyObject *k = t[i].key;
  t[i].hash = -1;
  WF_GC_STORE(&t[i].key, DUMMY);
  so->used--;
  so->finger = i + 1;
  so->version++;
  sunlock(so);
  return k;
}

bool wf_set_next(PyObject *s, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash) {
  PySetObject *so = SO(s);
  bool found = false;
  slock(so);
  Py_ssize_t i = *pos;
  while (so->table && i <= so->mask) {
    setentry *e = &so->table[i++];
    if (e->key && e->key != DUMMY) {
      *key = e->key;
      if (hash) *hash = e->hash;
      found = true;
      break;
    }
  }
  *pos = i;
  sunlock(so);
  return found;
}

/* ---- Set algebra (python3.11's algorithms, for identical results and order) ------- */

static PyObject *set_intersection(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if ((PyObject *)so == other) return set_copy((PyObject *)so);
  PyObject *result = make_new_set_basetype(WF_TYPE(so), NULL);
  WF_GC_ROOT(result);
  if (wf_anyset_check(other)) {
    PySetObject *a = so, *b = SO(other);
    if (wf_set_size((PyObject *)b) > wf_set_size((PyObject *)a)) {
      PySetObject *t = a;
      a = b;
      b = t;
    }
    WF_GC_ROOT(a);
    /* iterate b, probe a */
    setview v;
    view_of(b, &v);
    WF_GC_ROOT(v.keep);
    VIEW_FOR(v, e) {
      int r = contains_entry(a, e->key, e->hash);
      if (r < 0) return NULL;
      if (r && add_entry(SO(result), e->key, e->hash) < 0) return NULL;
    }
    return result;
  }
  PyObject *it = wf_object_getiter(other);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  for (;;) {
    PyObject *k = wf_iter_next(it);
    if (!k) return wf_err_occurred() ? NULL : result;
    WF_GC_ROOT(k);
    Py_hash_t h = key_hash(k);
    if (h == -1) return NULL;
    int r = contains_entry(so, k, h);
    if (r < 0) return NULL;
    if (r && add_entry(SO(result), k, h) < 0) return NULL;
  }
}

static int difference_update_internal(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if ((PyObject *)so == other) return wf_set_clear((PyObject *)so);
  if (wf_anyset_check(other)) {
    if ((wf_set_size(other) >> 3) > wf_set_size((PyObject *)so)) {
      other = set_intersection(so, other);
      if (!other) return -1;
    }
    setview v;
    view_of(SO(other), &v);
    WF_GC_ROOT(v.keep);
    VIEW_FOR(v, e) if (discard_entry(so, e->key, e->hash) < 0) return -1;
  } else {
    PyObject *it = wf_object_getiter(other);
    if (!it) return -1;
    WF_GC_ROOT(it);
    for (;;) {
      PyObject *k = wf_iter_next(it);
      if (!k) {
        if (wf_err_occurred()) return -1;
        break;
      }
      if (discard_key(so, k) < 0) return -1;
    }
  }
  slock(so);
  if ((size_t)(so->fill - so->used) > (size_t)so->mask / 4) table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
  sunlock(so);
  return 0;
}

static PyObject *copy_and_difference(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(other);
  PyObject *r = set_copy((PyObject *)so);
  if (!r) return NULL;
  WF_GC_ROOT(r);
  if (difference_update_internal(SO(r), other) < 0) return NULL;
  return r;
}

static PyObject *set_difference(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  Py_ssize_t other_size;
  bool is_dict = WF_TYPE(other) == &wf_dict_type;
  if (wf_anyset_check(other))
    other_size = wf_set_size(other);
  else if (is_dict)
    other_size = wf_dict_size(other);
  else
    return copy_and_difference(so, other);
  if ((wf_set_size((PyObject *)so) >> 2) > other_size) return copy_and_difference(so, other);
  PyObject *result = make_new_set_basetype(WF_TYPE(so), NULL);
  WF_GC_ROOT(result);
  setview v;
  view_of(so, &v);
  WF_GC_ROOT(v.keep);
  VIEW_FOR(v, e) {
    int r;
    if (is_dict) {
      r = wf_dict_contains(other, e->key);
    } else {
      r = contains_entry(SO(other), e->key, e->hash);
    }
    if (r < 0) return NULL;
    if (!r && add_entry(SO(result), e->key, e->hash) < 0) return NULL;
  }
  return result;
}

static int symmetric_difference_update(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if ((PyObject *)so == other) return wf_set_clear((PyObject *)so);
  PyObject *otherset = NULL;
  WF_GC_ROOT(otherset);
  if (WF_TYPE(other) == &wf_dict_type) {
    PyObject *keys = wf_dict_keys_list(other);
    if (!keys) return -1;
    WF_GC_ROOT(keys);
    for (Py_ssize_t i = 0; i < wf_list_size(keys); i++) {
      PyObject *k = wf_list_get(keys, i);
      WF_GC_ROOT(k);
      Py_hash_t h = key_hash(k);
      if (h == -1) return -1;
      int r = discard_entry(so, k, h);
      if (r < 0) return -1;
      if (r == 0 && add_entry(so, k, h) < 0) return -1;
    }
    return 0;
  }
  if (wf_anyset_check(other))
    otherset = other;
  else if (!(otherset = make_new_set_basetype(WF_TYPE(so), other)))
    return -1;
  setview v;
  view_of(SO(otherset), &v);
  WF_GC_ROOT(v.keep);
  VIEW_FOR(v, e) {
    int r = discard_entry(so, e->key, e->hash);
    if (r < 0) return -1;
    if (r == 0 && add_entry(so, e->key, e->hash) < 0) return -1;
  }
  return 0;
}

static PyObject *set_symmetric_difference(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  PyObject *otherset = make_new_set_basetype(WF_TYPE(so), other);
  if (!otherset) return NULL;
  WF_GC_ROOT(otherset);
  if (symmetric_difference_update(SO(otherset), (PyObject *)so) < 0) return NULL;
  return otherset;
}

static int set_issubset_int(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if (!wf_anyset_check(other)) {
    other = make_new_set(&wf_set_type, other);
    if (!other) return -1;
  }
  if (wf_set_size((PyObject *)so) > wf_set_size(other)) return 0;
  setview v;
  view_of(so, &v);
  WF_GC_ROOT(v.keep);
  VIEW_FOR(v, e) {
    int r = contains_entry(SO(other), e->key, e->hash);
    if (r <= 0) return r;
  }
  return 1;
}

static int set_issuperset_int(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if (wf_anyset_check(other)) return set_issubset_int(SO(other), (PyObject *)so);
  PyObject *it = wf_object_getiter(other);
  if (!it) return -1;
  WF_GC_ROOT(it);
  for (;;) {
    PyObject *k = wf_iter_next(it);
    if (!k) return wf_err_occurred() ? -1 : 1;
    int r = contains_key(so, k);
    if (r <= 0) return r;
  }
}

static int set_isdisjoint_int(PySetObject *so, PyObject *other) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(other);
  if ((PyObject *)so == other) return wf_set_size((PyObject *)so) == 0;
  if (wf_anyset_check(other)) {
    PySetObject *a = so, *b = SO(other);
    if (wf_set_size((PyObject *)b) > wf_set_size((PyObject *)a)) {
      PySetObject *t = a;
      a = b;
      b = t;
    }
    WF_GC_ROOT(a);
    setview v;
    view_of(b, &v);
    WF_GC_ROOT(v.keep);
    VIEW_FOR(v, e) {
      int r = contains_entry(a, e->key, e->hash);
      if (r < 0) return -1;
      if (r) return 0;
    }
    return 1;
  }
  PyObject *it = wf_object_getiter(other);
  if (!it) return -1;
  WF_GC_ROOT(it);
  for (;;) {
    PyObject *k = wf_iter_next(it);
    if (!k) return wf_err_occurred() ? -1 : 1;
    int r = contains_key(so, k);
    if (r < 0) return -1;
    if (r) return 0;
  }
}

/* Swap the contents of a and b (set_swap_bodies): a is a set being updated
 * in place, b a fresh private result. */
static void swap_bodies(PySetObject *a, PySetObject *b) {
  slock(a);
  setentry *t = a->table;
  Py_ssize_t fill = a->fill, used = a->used, mask = a->mask;
  WF_GC_STORE(&a->table, b->table);
  a->fill = b->fill;
  a->used = b->used;
  a->mask = b->mask;
  a->version++;
  WF_GC_STORE(&b->table, t);
  b->fill = fill;
  b->used = used;
  b->mask = mask;
  sunlock(a);
}

/* ---- Python-visible methods -------------------------------------------------------- */

static PyObject *bool_or_null(int r) { return r < 0 ? NULL : wf_bool_from(r); }

/* For __contains__/remove/discard: a set key that is unhashable is looked up
 * as a frozenset. */
static int with_frozen_key(PySetObject *so, PyObject *key, int (*op)(PySetObject *, PyObject *)) {
  WF_GC_ROOT(so);
  WF_GC_ROOT(key);
  int r = op(so, key);
  if (r < 0 && wf_set_check(key) && wf_err_matches(&wf_TypeError_type)) {
    wf_err_clear();
    PyObject *fk = make_new_set(&wf_frozenset_type, key);
    if (!fk) return -1;
    r = op(so, fk);
  }
  return r;
}

static int set_contains(PyObject *self, PyObject *key) { return with_frozen_key(SO(self), key, contains_key); }

static PyObject *m_contains(PyObject *self, PyObject *key) { return bool_or_null(set_contains(self, key)); }

static PyObject *m_add(PyObject *self, PyObject *key) { return add_key(SO(self), key) < 0 ? NULL : WF_NONE; }

static PyObject *m_discard(PyObject *self, PyObject *key) {
  return with_frozen_key(SO(self), key, discard_key) < 0 ? NULL : WF_NONE;
}

static PyObject *m_remove(PyObject *self, PyObject *key) {
  int r = with_frozen_key(SO(self), key, discard_key);
  if (r < 0) return NULL;
  if (r == 0) return wf_err_set_key(key);
  return WF_NONE;
}

static PyObject *m_pop(PyObject *self, PyObject *unused) { return wf_set_pop(self); }

static PyObject *m_clear(PyObject *self, PyObject *unused) {
  wf_set_clear(self);
  return WF_NONE;
}

static PyObject *m_copy(PyObject *self, PyObject *unused) {
  if (WF_TYPE(self) == &wf_frozenset_type) return self;
  return set_copy(self);
}

static PyObject *m_update(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  WF_GC_ROOT(self);
  for (Py_ssize_t i = 0; i < n; i++)
    if (update_internal(SO(self), args[i]) < 0) return NULL;
  return WF_NONE;
}

static PyObject *m_union(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  WF_GC_ROOT(self);
  PyObject *r = set_copy(self);
  if (!r) return NULL;
  WF_GC_ROOT(r);
  for (Py_ssize_t i = 0; i < n; i++) {
    if (args[i] == self) continue;
    if (update_internal(SO(r), args[i]) < 0) return NULL;
  }
  return r;
}

static PyObject *intersection_multi(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  WF_GC_ROOT(self);
  if (n == 0) return set_copy(self);
  PyObject *r = self;
  WF_GC_ROOT(r);
  for (Py_ssize_t i = 0; i < n; i++) {
    r = set_intersection(SO(r), args[i]);
    if (!r) return NULL;
  }
  return r;
}

static PyObject *m_intersection(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  return intersection_multi(self, args, n);
}

static PyObject *m_intersection_update(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  WF_GC_ROOT(self);
  PyObject *t = intersection_multi(self, args, n);
  if (!t) return NULL;
  swap_bodies(SO(self), SO(t));
  return WF_NONE;
}

static PyObject *m_difference(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  WF_GC_ROOT(self);
  if (n == 0) return set_copy(self);
  PyObject *r = set_difference(SO(self), args[0]);
  if (!r) return NULL;
  WF_GC_ROOT(r);
  for (Py_ssize_t i = 1; i < n; i++)
    if (difference_update_internal(SO(r), args[i]) < 0) return NULL;
  return r;
}

static PyObject *m_difference_update(PyObject *self, PyObject *const *args, Py_ssize_t n) {
  WF_GC_ROOT(self);
  for (Py_ssize_t i = 0; i < n; i++)
    if (difference_update_internal(SO(self), args[i]) < 0) return NULL;
  return WF_NONE;
}

static PyObject *m_symmetric_difference(PyObject *self, PyObject *other) {
  return set_symmetric_difference(SO(self), other);
}

static PyObject *m_symmetric_difference_update(PyObject *self, PyObject *other) {
  return symmetric_difference_update(SO(self), other) < 0 ? NULL : WF_NONE;
}

static PyObject *m_issubset(PyObject *self, PyObject *other) { return bool_or_null(set_issubset_int(SO(self), other)); }
static PyObject *m_issuperset(PyObject *self, PyObject *other) { return bool_or_null(set_issuperset_int(SO(self), other)); }
static PyObject *m_isdisjoint(PyObject *self, PyObject *other) { return bool_or_null(set_isdisjoint_int(SO(self), other)); }

static PyObject *set_keys_list(PyObject *self) {
  setview v;
  view_of(SO(self), &v);
  WF_GC_ROOT(v.keep);
  PyObject *l = wf_list_new(0);
  VIEW_FOR(v, e) wf_list_append(l, e->key);
  return l;
}

static PyObject *m_reduce(PyObject *self, PyObject *unused) {
  WF_GC_ROOT(self);
  PyObject *keys = set_keys_list(self);
  WF_GC_ROOT(keys);
  PyObject *args = wf_tuple_pack(1, keys);
  WF_GC_ROOT(args);
  PyObject *state = WF_NONE;
  WF_GC_ROOT(state);
  if (WF_TYPE(self) != &wf_set_type && WF_TYPE(self) != &wf_frozenset_type) {
    PyObject *d = NULL;
    PyObject *name = wf_str_from_cstr("__dict__");
    int r = wf_object_lookup_attr(self, name, &d);
    if (r < 0) return NULL;
    if (r > 0 && d) state = d;
  }
  return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), args, state);
}

static PyObject *m_sizeof(PyObject *self, PyObject *unused) {
  Py_ssize_t size = SO(self)->mask + 1;
  Py_ssize_t r = 200 + (size > MINSIZE ? size * (Py_ssize_t)sizeof(setentry) : 0);
  return wf_int_from_ssize(r);
}

/* ---- Slots ----------------------------------------------------------------------- */

static PyObject *set_repr(PyObject *self) {
  WF_GC_ROOT(self);
  const char *tn = WF_TYPE(self)->tp_name;
  int st = wf_repr_enter(self);
  if (st < 0) return NULL;
  if (st > 0) return wf_str_from_format("%s(...)", tn);
  PyObject *res = NULL;
  if (wf_set_size(self) == 0) {
    res = wf_str_from_format("%s()", tn);
  } else {
    PyObject *keys = set_keys_list(self);
    WF_GC_ROOT(keys);
    PyObject *lr = wf_object_repr(keys);
    if (lr) {
      WF_GC_ROOT(lr);
      Py_ssize_t n = wf_str_length(lr);
      /* strip the brackets: build "{" + lr[1:-1] + "}" */
      uint32_t *cps = malloc((size_t)(n > 0 ? n : 1) * sizeof(uint32_t));
      if (!cps) {
        wf_err_no_memory();
      } else {
        for (Py_ssize_t i = 0; i < n; i++) cps[i] = wf_str_read_char(lr, i);
        cps[0] = '{';
        cps[n - 1] = '}';
        PyObject *body = wf_str_from_ucs4(cps, n);
        free(cps);
        if (body) {
          if (WF_TYPE(self) == &wf_set_type)
            res = body;
          else
            res = wf_str_from_format("%s(%U)", tn, body);
        }
      }
    }
  }
  wf_repr_leave(self);
  return res;
}

static Py_ssize_t set_len(PyObject *self) { return wf_set_size(self); }

static Py_hash_t frozenset_hash(PyObject *self) {
  PySetObject *so = SO(self);
  Py_hash_t h = __atomic_load_n(&so->hash, __ATOMIC_RELAXED);
  if (h != -1) return h;
  Py_ssize_t n = so->used, k = 0;
  wf_hash_t stackbuf[64];
  wf_hash_t *hs = n <= 64 ? stackbuf : malloc((size_t)n * sizeof(wf_hash_t));
  if (!hs) {
    wf_err_no_memory();
    return -1;
  }
  for (Py_ssize_t i = 0; i <= so->mask; i++)
    if (so->table[i].key && so->table[i].key != DUMMY) hs[k++] = so->table[i].hash;
  h = wf_hash_frozenset(hs, (size_t)k);
  if (hs != stackbuf) free(hs);
  __atomic_store_n(&so->hash, h, __ATOMIC_RELAXED);
  return h;
}

static PyObject *set_richcompare(PyObject *v, PyObject *w, int op) {
  if (!wf_anyset_check(w)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(v);
  WF_GC_ROOT(w);
  Py_ssize_t nv = wf_set_size(v), nw = wf_set_size(w);
  int r;
  switch (op) {
    case Py_EQ:
      if (nv != nw) return WF_FALSE;
      if (SO(v)->frozen && SO(w)->frozen && SO(v)->hash != -1 && SO(w)->hash != -1 && SO(v)->hash != SO(w)->hash)
        return WF_FALSE;
      return bool_or_null(set_issubset_int(SO(v), w));
    case Py_NE:
      if (nv != nw) return WF_TRUE;
      r = set_issubset_int(SO(v), w);
      return r < 0 ? NULL : wf_bool_from(!r);
    case Py_LE:
      return bool_or_null(set_issubset_int(SO(v), w));
    case Py_GE:
      return bool_or_null(set_issuperset_int(SO(v), w));
    case Py_LT:
      if (nv >= nw) return WF_FALSE;
      return bool_or_null(set_issubset_int(SO(v), w));
    case Py_GT:
      if (nv <= nw) return WF_FALSE;
      return bool_or_null(set_issuperset_int(SO(v), w));
  }
  return WF_NOTIMPLEMENTED;
}

static PyObject *nb_sub(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(a) || !wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  return set_difference(SO(a), b);
}
static PyObject *nb_and(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(a) || !wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  return set_intersection(SO(a), b);
}
static PyObject *nb_xor(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(a) || !wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  return set_symmetric_difference(SO(a), b);
}
static PyObject *nb_or(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(a) || !wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(b);
  PyObject *r = set_copy(a);
  if (!r || a == b) return r;
  WF_GC_ROOT(r);
  if (update_internal(SO(r), b) < 0) return NULL;
  return r;
}
static PyObject *nb_isub(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  return difference_update_internal(SO(a), b) < 0 ? NULL : a;
}
static PyObject *nb_iand(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(a);
  PyObject *t = set_intersection(SO(a), b);
  if (!t) return NULL;
  swap_bodies(SO(a), SO(t));
  return a;
}
static PyObject *nb_ixor(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  return symmetric_difference_update(SO(a), b) < 0 ? NULL : a;
}
static PyObject *nb_ior(PyObject *a, PyObject *b) {
  if (!wf_anyset_check(b)) return WF_NOTIMPLEMENTED;
  return update_internal(SO(a), b) < 0 ? NULL : a;
}

static int no_kwargs(const char *name, PyObject *kwds) {
  if (kwds && wf_dict_check(kwds) && wf_dict_size(kwds) > 0) {
    wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

static PyObject *set_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (type == &wf_set_type && no_kwargs("set", kwds) < 0) return NULL;
  return (PyObject *)alloc_set(type);
}

static int set_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (no_kwargs(WF_TYPE(self)->tp_name, kwds) < 0) return -1;
  Py_ssize_t n = WF_SIZE(args);
  if (n > 1) {
    wf_err_format(&wf_TypeError_type, "set expected at most 1 argument, got %zd", n);
    return -1;
  }
  WF_GC_ROOT(self);
  WF_GC_ROOT(args);
  wf_set_clear(self);
  if (n == 1) return update_internal(SO(self), WF_TUPLE_GET(args, 0));
  return 0;
}

static PyObject *frozenset_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (type == &wf_frozenset_type && no_kwargs("frozenset", kwds) < 0) return NULL;
  Py_ssize_t n = WF_SIZE(args);
  if (n > 1) return wf_err_format(&wf_TypeError_type, "frozenset expected at most 1 argument, got %zd", n);
  PyObject *it = n ? WF_TUPLE_GET(args, 0) : NULL;
  if (type == &wf_frozenset_type && it && WF_TYPE(it) == &wf_frozenset_type) return it;
  return make_new_set(type, it);
}

/* ---- Iterator ----------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  PyObject *set; /* NULL when exhausted */
  Py_ssize_t used; /* size at creation */
  Py_ssize_t pos;
  Py_ssize_t len;  /* items remaining (length hint) */
  wf_lock lock;
} setiter;

static void setiter_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, __atomic_load_n(&((setiter *)obj)->set, __ATOMIC_RELAXED)); }

static PyObject *set_iter(PyObject *self) {
  setiter *it = (setiter *)wf_object_alloc(&wf_set_iter_type, sizeof(setiter));
  WF_GC_STORE(&it->set, self);
  it->used = wf_set_size(self);
  it->len = it->used;
  return (PyObject *)it;
}

static PyObject *setiter_next(PyObject *self) {
  setiter *it = (setiter *)self;
  wf_lock_acquire(&it->lock);
  PyObject *s = it->set, *key = NULL;
  if (!s) goto out;
  PySetObject *so = SO(s);
  slock(so);
  if (it->used != so->used) {
    sunlock(so);
    it->used = -1;
    wf_lock_release(&it->lock);
    return wf_err_set_string(&wf_RuntimeError_type, "Set changed size during iteration");
  }
  Py_ssize_t i = it->pos;
  while (i <= so->mask) {
    setentry *e = &so->table[i++];
    if (e->key && e->key != DUMMY) {
      key = e->key;
      break;
    }
  }
  sunlock(so);
  it->pos = i;
  if (key)
    it->len--;
  else
    WF_GC_STORE(&it->set, NULL);
out:
  wf_lock_release(&it->lock);
  return key;
}

static PyObject *setiter_self(PyObject *self) { return self; }

static PyObject *setiter_len(PyObject *self, PyObject *unused) {
  setiter *it = (setiter *)self;
  Py_ssize_t n = 0;
  PyObject *s = WF_GC_LOAD(&it->set);
  if (s && it->used == wf_set_size(s)) n = it->len;
  return wf_int_from_ssize(n);
}

static PyObject *setiter_reduce(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "pickling set iterators (__reduce__) is not implemented");
}

static PyMethodDef setiter_methods[] = {
    {"__length_hint__", (PyCFunction)setiter_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)setiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_set_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = setiter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
    .wf = {.trace = setiter_trace},
};

/* ---- Type objects -------------------------------------------------------------------- */

#define FAST (PyCFunction)(void (*)(void))

static PyMethodDef set_methods[] = {
    {"add", (PyCFunction)m_add, METH_O, NULL},
    {"clear", (PyCFunction)m_clear, METH_NOARGS, NULL},
    {"__contains__", (PyCFunction)m_contains, METH_O | METH_COEXIST, NULL},
    {"copy", (PyCFunction)m_copy, METH_NOARGS, NULL},
    {"discard", (PyCFunction)m_discard, METH_O, NULL},
    {"difference", FAST m_difference, METH_FASTCALL, NULL},
    {"difference_update", FAST m_difference_update, METH_FASTCALL, NULL},
    {"intersection", FAST m_intersection, METH_FASTCALL, NULL},
    {"intersection_update", FAST m_intersection_update, METH_FASTCALL, NULL},
    {"isdisjoint", (PyCFunction)m_isdisjoint, METH_O, NULL},
    {"issubset", (PyCFunction)m_issubset, METH_O, NULL},
    {"issuperset", (PyCFunction)m_issuperset, METH_O, NULL},
    {"pop", (PyCFunction)m_pop, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, NULL},
    {"remove", (PyCFunction)m_remove, METH_O, NULL},
    {"__sizeof__", (PyCFunction)m_sizeof, METH_NOARGS, NULL},
    {"symmetric_difference", (PyCFunction)m_symmetric_difference, METH_O, NULL},
    {"symmetric_difference_update", (PyCFunction)m_symmetric_difference_update, METH_O, NULL},
    {"union", FAST m_union, METH_FASTCALL, NULL},
    {"update", FAST m_update, METH_FASTCALL, NULL},
    {"__class_getitem__", (PyCFunction)wf_class_getitem_generic, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef frozenset_methods[] = {
    {"__contains__", (PyCFunction)m_contains, METH_O | METH_COEXIST, NULL},
    {"copy", (PyCFunction)m_copy, METH_NOARGS, NULL},
    {"difference", FAST m_difference, METH_FASTCALL, NULL},
    {"intersection", FAST m_intersection, METH_FASTCALL, NULL},
    {"isdisjoint", (PyCFunction)m_isdisjoint, METH_O, NULL},
    {"issubset", (PyCFunction)m_issubset, METH_O, NULL},
    {"issuperset", (PyCFunction)m_issuperset, METH_O, NULL},
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)m_sizeof, METH_NOARGS, NULL},
    {"symmetric_difference", (PyCFunction)m_symmetric_difference, METH_O, NULL},
    {"union", FAST m_union, METH_FASTCALL, NULL},
    {"__class_getitem__", (PyCFunction)wf_class_getitem_generic, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods set_as_number = {
    .nb_subtract = nb_sub,
    .nb_and = nb_and,
    .nb_xor = nb_xor,
    .nb_or = nb_or,
    .nb_inplace_subtract = nb_isub,
    .nb_inplace_and = nb_iand,
    .nb_inplace_xor = nb_ixor,
    .nb_inplace_or = nb_ior,
};

static PyNumberMethods frozenset_as_number = {
    .nb_subtract = nb_sub,
    .nb_and = nb_and,
    .nb_xor = nb_xor,
    .nb_or = nb_or,
};

static PySequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

PyTypeObject wf_set_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.",
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_new = set_tp_new,
    .wf = {.trace = set_trace},
};

PyTypeObject wf_frozenset_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.",
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_new = frozenset_tp_new,
    .wf = {.trace = set_trace},
};
