/* list: see list.h and docs/design.md "list under threads".
 *
 * Storage: a GC-managed wf_list_store (fixed capacity); the list's ob_item
 * points at its items. Mutations happen under the list's wf_lock; a resize
 * fills a new store and publishes it with a release store, so a lock-free
 * reader that loaded the old store keeps a valid (stale) view and keeps it
 * alive through the GC. Slots at and beyond ob_size are NULL in the current
 * store, so a reader that races with a shrink sees NULL and treats the index
 * as out of range.
 *
 * Nothing here reaches a safepoint while holding the lock: element
 * comparisons, iteration of other objects and reprs run outside it; an
 * operation that needs them computes first and then re-validates under the
 * lock (remove) or works on a snapshot (extend, +, compare).
 */
#include "list.h"

#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "vmthread.h"

/* ---- The store ------------------------------------------------------------- */

static void store_trace(void *obj, wf_gc_tracer *t) {
  wf_list_store *s = obj;
  for (Py_ssize_t i = 0; i < s->cap; i++) wf_gc_visit(t, __atomic_load_n(&s->items[i], __ATOMIC_RELAXED));
}

PyTypeObject wf_list_store_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "list_store",
    .tp_basicsize = sizeof(wf_list_store),
    .tp_itemsize = sizeof(PyObject *),
    .wf = {.trace = store_trace},
};

static wf_list_store *store_new(Py_ssize_t cap) {
  wf_list_store *s = (wf_list_store *)wf_object_alloc(&wf_list_store_type, sizeof(wf_list_store) + (size_t)cap * sizeof(PyObject *));
  s->cap = cap;
  return s;
}

static inline wf_list_store *store_of(PyObject **items) {
  return items ? (wf_list_store *)((char *)items - offsetof(wf_list_store, items)) : NULL;
}

#define L(o) ((PyListObject *)(o))

static inline Py_ssize_t lsize(PyListObject *l) { return __atomic_load_n(&l->ob_base.ob_size, __ATOMIC_ACQUIRE); }
static inline void set_lsize(PyListObject *l, Py_ssize_t n) { __atomic_store_n(&l->ob_base.ob_size, n, __ATOMIC_RELEASE); }

/* Lock-free read of item i: NULL when out of range (at the moment of the read). */
static PyObject *read_item(PyListObject *l, Py_ssize_t i) { return wf_list_read((PyObject *)l, i); }

static void list_trace(void *obj, wf_gc_tracer *t) {
  PyListObject *l = obj;
  wf_gc_visit(t, store_of(__atomic_load_n(&l->ob_item, __ATOMIC_RELAXED)));
}

/* Under the lock: make room for newsize items (items [0, min(old, newsize))
 * kept), set ob_size. New slots are NULL; the caller fills them. Slots
 * dropped by a shrink in place are cleared. */
static void resize_locked(PyListObject *l, Py_ssize_t newsize) {
  Py_ssize_t old = l->ob_base.ob_size;
  Py_ssize_t alloc = l->allocated;
  PyObject **items = l->ob_item;
  if (alloc >= newsize && newsize >= (alloc >> 1) && items) {
    for (Py_ssize_t i = newsize; i < old; i++) WF_GC_STORE(&items[i], NULL);
    set_lsize(l, newsize);
    return;
  }
  if (alloc < 0) alloc = 0;
  size_t na = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
  if ((size_t)(newsize - old) > na - (size_t)newsize) na = ((size_t)newsize + 3) & ~(size_t)3;
  if (newsize == 0) na = 0;
  if (na == 0) {
    WF_GC_STORE(&l->ob_item, NULL);
    l->allocated = 0;
    set_lsize(l, 0);
    return;
  }
  wf_list_store *s = store_new((Py_ssize_t)na);
  Py_ssize_t keep = old < newsize ? old : newsize;
  for (Py_ssize_t i = 0; i < keep; i++) WF_GC_STORE(&s->items[i], items[i]);
  WF_GC_STORE(&l->ob_item, s->items);
  l->allocated = (Py_ssize_t)na;
  set_lsize(l, newsize);
}

/* Under the lock: replace the contents with a fresh store holding items. */
static void install_locked(PyListObject *l, wf_list_store *s, Py_ssize_t n) {
  Py_ssize_t old = l->ob_base.ob_size;
  if (s && n > 0) {
    WF_GC_STORE(&l->ob_item, s->items);
    l->allocated = s->cap;
  } else {
    /* Clear the old store's slots so racing readers see "out of range". */
    PyObject **items = l->ob_item;
    if (items)
      for (Py_ssize_t i = 0; i < old && i < store_of(items)->cap; i++) WF_GC_STORE(&items[i], NULL);
    WF_GC_STORE(&l->ob_item, NULL);
    l->allocated = 0;
    n = 0;
  }
  set_lsize(l, n);
}

static inline void lock(PyListObject *l) { wf_lock_acquire(&l->lock); }
static inline void unlock(PyListObject *l) { wf_lock_release(&l->lock); }

/* ---- Basic API ------------------------------------------------------------- */

static PyListObject *alloc_list(PyTypeObject *type) {
  if (type == &wf_list_type) return (PyListObject *)wf_object_alloc(type, sizeof(PyListObject));
  return (PyListObject *)wf_type_generic_alloc(type, 0);
}

PyObject *wf_list_new(Py_ssize_t n) {
  if (n < 0) return wf_err_bad_internal_call("wf_list_new");
  PyListObject *l = alloc_list(&wf_list_type);
  if (n > 0) {
    wf_list_store *s = store_new(n);
    for (Py_ssize_t i = 0; i < n; i++) s->items[i] = WF_NONE;
    l->ob_item = s->items;
    l->allocated = n;
    l->ob_base.ob_size = n;
  }
  return (PyObject *)l;
}

PyObject *wf_list_from_array(PyObject *const *items, Py_ssize_t n) {
  PyListObject *l = alloc_list(&wf_list_type);
  if (n > 0) {
    wf_list_store *s = store_new(n);
    for (Py_ssize_t i = 0; i < n; i++) s->items[i] = items[i];
    l->ob_item = s->items;
    l->allocated = n;
    l->ob_base.ob_size = n;
  }
  return (PyObject *)l;
}

Py_ssize_t wf_list_size(PyObject *l) { return lsize(L(l)); }

PyObject *wf_list_get(PyObject *l, Py_ssize_t i) {
  PyObject *v = read_item(L(l), i);
  if (!v) return wf_err_set_string(&wf_IndexError_type, "list index out of range");
  return v;
}

static int set_item(PyListObject *l, Py_ssize_t i, PyObject *v, const char *msg) {
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    unlock(l);
    wf_err_set_string(&wf_IndexError_type, msg);
    return -1;
  }
  WF_GC_STORE(&l->ob_item[i], v);
  unlock(l);
  return 0;
}

int wf_list_set(PyObject *l, Py_ssize_t i, PyObject *v) {
  if (i < 0) {
    wf_err_set_string(&wf_IndexError_type, "list assignment index out of range");
    return -1;
  }
  return set_item(L(l), i, v, "list assignment index out of range");
}

int wf_list_append(PyObject *lo, PyObject *item) {
  PyListObject *l = L(lo);
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  if (l->allocated > n && l->ob_item) {
    WF_GC_STORE(&l->ob_item[n], item);
    set_lsize(l, n + 1);
  } else {
    resize_locked(l, n + 1);
    WF_GC_STORE(&l->ob_item[n], item);
  }
  unlock(l);
  return 0;
}

wf_list_store *wf_list_snapshot(PyObject *lo, Py_ssize_t *np) {
  PyListObject *l = L(lo);
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  wf_list_store *s = NULL;
  if (n > 0) {
    s = store_new(n);
    for (Py_ssize_t i = 0; i < n; i++) s->items[i] = l->ob_item[i];
  }
  unlock(l);
  *np = n;
  return s;
}

bool wf_list_unpack_reversed(PyObject *lo, Py_ssize_t n, PyObject **out) {
  PyListObject *l = L(lo);
  lock(l);
  bool ok = l->ob_base.ob_size == n;
  if (ok)
    for (Py_ssize_t i = 0; i < n; i++) out[i] = l->ob_item[n - 1 - i];
  unlock(l);
  return ok;
}

PyObject *wf_list_as_tuple(PyObject *lo) {
  PyListObject *l = L(lo);
  lock(l); /* allocation is not a safepoint: the tuple is built under the lock */
  Py_ssize_t n = l->ob_base.ob_size;
  PyObject *t = wf_tuple_from_array(l->ob_item, n);
  unlock(l);
  return t;
}

PyObject *wf_list_get_slice(PyObject *lo, Py_ssize_t a, Py_ssize_t b) {
  PyListObject *l = L(lo);
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  if (a < 0) a = 0;
  if (b > n) b = n;
  if (b < a) b = a;
  PyObject *r = wf_list_from_array(l->ob_item ? l->ob_item + a : NULL, b - a);
  unlock(l);
  return r;
}

/* Insert the n items of src at position i (clamped), under one lock section. */
static void insert_many(PyListObject *l, Py_ssize_t i, PyObject *const *src, Py_ssize_t k) {
  if (k == 0) return;
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  resize_locked(l, n + k);
  PyObject **it = l->ob_item;
  for (Py_ssize_t j = n - 1; j >= i; j--) WF_GC_STORE(&it[j + k], it[j]);
  for (Py_ssize_t j = 0; j < k; j++) WF_GC_STORE(&it[i + j], src[j]);
  unlock(l);
}

int wf_list_insert(PyObject *l, Py_ssize_t i, PyObject *v) {
  insert_many(L(l), i, &v, 1);
  return 0;
}

PyObject *wf_list_pop(PyObject *lo, Py_ssize_t i) {
  PyListObject *l = L(lo);
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  if (n == 0) {
    unlock(l);
    return wf_err_set_string(&wf_IndexError_type, "pop from empty list");
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    unlock(l);
    return wf_err_set_string(&wf_IndexError_type, "pop index out of range");
  }
  PyObject **it = l->ob_item;
  PyObject *v = it[i];
  for (Py_ssize_t j = i; j < n - 1; j++) WF_GC_STORE(&it[j], it[j + 1]);
  resize_locked(l, n - 1);
  unlock(l);
  return v;
}

int wf_list_reverse(PyObject *lo) {
  PyListObject *l = L(lo);
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  PyObject **it = l->ob_item;
  for (Py_ssize_t a = 0, b = n - 1; a < b; a++, b--) {
    PyObject *t = it[a];
    WF_GC_STORE(&it[a], it[b]);
    WF_GC_STORE(&it[b], t);
  }
  unlock(l);
  return 0;
}

int wf_list_clear(PyObject *lo) {
  PyListObject *l = L(lo);
  lock(l);
  install_locked(l, NULL, 0);
  unlock(l);
  return 0;
}

/* Delete the items [lo, hi) (already clamped) under the lock. */
static void del_range_locked(PyListObject *l, Py_ssize_t lo, Py_ssize_t hi) {
  Py_ssize_t n = l->ob_base.ob_size;
  Py_ssize_t d = hi - lo;
  if (d <= 0) return;
  PyObject **it = l->ob_item;
  for (Py_ssize_t j = lo; j + d < n; j++) WF_GC_STORE(&it[j], it[j + d]);
  resize_locked(l, n - d);
}

/* ---- Collecting an iterable into a store (outside any lock) ---------------- */

/* The items of any iterable as a GC store (*n items). For lists and tuples a
 * snapshot; otherwise iterates (may run Python code). NULL + error, or NULL
 * with *n == 0 for empty. `iterable` must be rooted by the caller. */
static int collect_items(PyObject *iterable, wf_list_store **out, Py_ssize_t *np) {
  *out = NULL;
  *np = 0;
  if (wf_list_check(iterable)) {
    *out = wf_list_snapshot(iterable, np);
    return 0;
  }
  if (wf_tuple_check(iterable)) {
    Py_ssize_t n = WF_SIZE(iterable);
    if (n > 0) {
      wf_list_store *s = store_new(n);
      for (Py_ssize_t i = 0; i < n; i++) s->items[i] = WF_TUPLE_GET(iterable, i);
      *out = s;
      *np = n;
    }
    return 0;
  }
  PyObject *it = wf_object_getiter(iterable);
  if (!it) return -1;
  WF_GC_ROOT(it);
  wf_list_store *s = NULL;
  WF_GC_ROOT(s);
  Py_ssize_t n = 0;
  for (;;) {
    PyObject *v = wf_iter_next(it);
    if (!v) {
      if (wf_err_occurred()) return -1;
      break;
    }
    if (!s || n == s->cap) {
      Py_ssize_t nc = s ? s->cap * 2 : 8;
      wf_list_store *ns = store_new(nc);
      for (Py_ssize_t i = 0; i < n; i++) ns->items[i] = s->items[i];
      s = ns;
    }
    WF_GC_STORE(&s->items[n], v);
    n++;
  }
  *out = s;
  *np = n;
  return 0;
}

int wf_list_extend(PyObject *lo, PyObject *iterable) {
  WF_GC_ROOT(lo);
  wf_list_store *s;
  Py_ssize_t n;
  if (collect_items(iterable, &s, &n) < 0) return -1;
  if (n == 0) return 0;
  PyListObject *l = L(lo);
  lock(l);
  Py_ssize_t m = l->ob_base.ob_size;
  resize_locked(l, m + n);
  for (Py_ssize_t i = 0; i < n; i++) WF_GC_STORE(&l->ob_item[m + i], s->items[i]);
  unlock(l);
  return 0;
}

/* ---- repr recursion guard ---------------------------------------------------- */

static __thread PyObject **repr_stack;
static __thread int repr_len, repr_cap;

int wf_repr_enter(PyObject *o) {
  for (int i = 0; i < repr_len; i++)
    if (repr_stack[i] == o) return 1;
  if (repr_len == repr_cap) {
    int nc = repr_cap ? repr_cap * 2 : 16;
    PyObject **ns = realloc(repr_stack, (size_t)nc * sizeof(PyObject *));
    if (!ns) {
      wf_err_no_memory();
      return -1;
    }
    repr_stack = ns;
    repr_cap = nc;
  }
  repr_stack[repr_len++] = o;
  return 0;
}

void wf_repr_leave(PyObject *o) {
  for (int i = repr_len - 1; i >= 0; i--)
    if (repr_stack[i] == o) {
      memmove(&repr_stack[i], &repr_stack[i + 1], (size_t)(repr_len - i - 1) * sizeof(PyObject *));
      repr_len--;
      return;
    }
}

/* ---- Slots ---------------------------------------------------------------- */

static PyObject *list_repr(PyObject *self) {
  WF_GC_ROOT(self);
  if (lsize(L(self)) == 0) return wf_str_from_cstr("[]");
  int r = wf_repr_enter(self);
  if (r < 0) return NULL;
  if (r > 0) return wf_str_from_cstr("[...]");
  PyObject *parts = wf_list_new(0), *res = NULL, *v = NULL;
  WF_GC_ROOT(parts);
  WF_GC_ROOT(v);
  if (wf_enter_recursive(" while getting the repr of an object") < 0) goto out;
  for (Py_ssize_t i = 0;; i++) {
    v = read_item(L(self), i);
    if (!v) break;
    PyObject *s = wf_object_repr(v);
    if (!s) goto out_rec;
    wf_list_append(parts, s);
  }
  {
    PyObject *sep = wf_str_from_cstr(", ");
    WF_GC_ROOT(sep);
    PyObject *body = wf_str_join(sep, parts);
    if (!body) goto out_rec;
    WF_GC_ROOT(body);
    PyObject *lb = wf_str_from_cstr("[");
    WF_GC_ROOT(lb);
    PyObject *t = wf_str_concat(lb, body);
    if (!t) goto out_rec;
    WF_GC_ROOT(t);
    PyObject *rb = wf_str_from_cstr("]");
    res = wf_str_concat(t, rb);
  }
out_rec:
  wf_leave_recursive();
out:
  wf_repr_leave(self);
  return res;
}

static Py_ssize_t list_length(PyObject *self) { return lsize(L(self)); }

static PyObject *list_item(PyObject *self, Py_ssize_t i) {
  PyObject *v = read_item(L(self), i);
  if (!v) return wf_err_set_string(&wf_IndexError_type, "list index out of range");
  return v;
}

static int list_contains(PyObject *self, PyObject *x) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(x);
  PyObject *v = NULL;
  WF_GC_ROOT(v);
  for (Py_ssize_t i = 0;; i++) {
    v = read_item(L(self), i);
    if (!v) return 0;
    int c = wf_object_richcompare_bool(v, x, Py_EQ);
    if (c != 0) return c;
  }
}

static PyObject *list_concat(PyObject *a, PyObject *b) {
  if (!wf_list_check(b))
    return wf_err_format(&wf_TypeError_type, "can only concatenate list (not \"%.200s\") to list", WF_TYPE(b)->tp_name);
  /* Each operand is copied under its own lock straight into the result's
   * store (allocation is not a safepoint, so nothing here needs rooting). */
  PyListObject *la = L(a), *lb = L(b);
  lock(la);
  Py_ssize_t na = la->ob_base.ob_size, cap = na + lsize(lb);
  wf_list_store *s = cap ? store_new(cap) : NULL;
  for (Py_ssize_t i = 0; i < na; i++) s->items[i] = la->ob_item[i];
  unlock(la);
  lock(lb);
  Py_ssize_t nb = lb->ob_base.ob_size;
  if (na + nb > cap) { /* b grew meanwhile */
    wf_list_store *t = store_new(na + nb);
    for (Py_ssize_t i = 0; i < na; i++) t->items[i] = s->items[i];
    s = t;
  }
  for (Py_ssize_t i = 0; i < nb; i++) s->items[na + i] = lb->ob_item[i];
  unlock(lb);
  if (na + nb == 0) return wf_list_new(0);
  PyListObject *l = alloc_list(&wf_list_type);
  l->ob_item = s->items;
  l->allocated = s->cap;
  l->ob_base.ob_size = na + nb;
  return (PyObject *)l;
}

static wf_list_store *repeat_store(wf_list_store *src, Py_ssize_t n, Py_ssize_t k, Py_ssize_t *out_n) {
  *out_n = 0;
  if (n == 0 || k <= 0) return NULL;
  if (n > WF_SSIZE_MAX / (Py_ssize_t)sizeof(PyObject *) / k) {
    wf_err_no_memory();
    return (wf_list_store *)-1;
  }
  wf_list_store *s = store_new(n * k);
  for (Py_ssize_t r = 0; r < k; r++)
    for (Py_ssize_t i = 0; i < n; i++) s->items[r * n + i] = src->items[i];
  *out_n = n * k;
  return s;
}

static PyObject *list_repeat(PyObject *self, Py_ssize_t k) {
  Py_ssize_t n, m;
  wf_list_store *src = wf_list_snapshot(self, &n);
  wf_list_store *s = repeat_store(src, n, k, &m);
  if (s == (wf_list_store *)-1) return NULL;
  PyListObject *l = alloc_list(&wf_list_type);
  if (s) {
    l->ob_item = s->items;
    l->allocated = s->cap;
    l->ob_base.ob_size = m;
  }
  return (PyObject *)l;
}

static PyObject *list_inplace_concat(PyObject *self, PyObject *other) {
  if (wf_list_extend(self, other) < 0) return NULL;
  return self;
}

static PyObject *list_inplace_repeat(PyObject *self, Py_ssize_t k) {
  Py_ssize_t n, m;
  wf_list_store *src = wf_list_snapshot(self, &n);
  wf_list_store *s = repeat_store(src, n, k, &m);
  if (s == (wf_list_store *)-1) return NULL;
  lock(L(self));
  install_locked(L(self), s, m);
  unlock(L(self));
  return self;
}

static int list_ass_item(PyObject *self, Py_ssize_t i, PyObject *v) {
  PyListObject *l = L(self);
  if (v) return set_item(l, i, v, "list assignment index out of range");
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    unlock(l);
    wf_err_set_string(&wf_IndexError_type, "list assignment index out of range");
    return -1;
  }
  del_range_locked(l, i, i + 1);
  unlock(l);
  return 0;
}

static PyObject *slice_get(PyListObject *l, PyObject *slice) {
  Py_ssize_t start, stop, step;
  if (wf_slice_unpack(slice, &start, &stop, &step) < 0) return NULL;
  lock(l);
  Py_ssize_t n = wf_slice_adjust(l->ob_base.ob_size, &start, &stop, step);
  PyObject *r;
  if (n <= 0) {
    r = wf_list_new(0);
  } else if (step == 1) {
    r = wf_list_from_array(l->ob_item + start, n);
  } else {
    wf_list_store *s = store_new(n);
    for (Py_ssize_t i = 0, j = start; i < n; i++, j += step) s->items[i] = l->ob_item[j];
    PyListObject *nl = alloc_list(&wf_list_type);
    nl->ob_item = s->items;
    nl->allocated = n;
    nl->ob_base.ob_size = n;
    r = (PyObject *)nl;
  }
  unlock(l);
  return r;
}

static PyObject *list_subscript(PyObject *self, PyObject *key) {
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += lsize(L(self));
    return list_item(self, i);
  }
  if (wf_slice_check(key)) return slice_get(L(self), key);
  return wf_err_format(&wf_TypeError_type, "list indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
}

static int slice_assign(PyListObject *l, PyObject *slice, PyObject *value) {
  Py_ssize_t start, stop, step;
  WF_GC_ROOT(l);
  WF_GC_ROOT(value);
  if (wf_slice_unpack(slice, &start, &stop, &step) < 0) return -1;
  wf_list_store *s = NULL;
  Py_ssize_t k = 0;
  WF_GC_ROOT(s);
  if (value) {
    if (!wf_list_check(value) && !wf_tuple_check(value)) {
      /* Iterables other than list/tuple: "can only assign an iterable" if not iterable. */
      PyObject *it = wf_object_getiter(value);
      if (!it) {
        if (wf_err_matches(&wf_TypeError_type)) {
          wf_err_clear();
          wf_err_set_string(&wf_TypeError_type, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
        }
        return -1;
      }
      value = it;
    }
    if (collect_items(value, &s, &k) < 0) return -1;
  }
  lock(l);
  Py_ssize_t n = l->ob_base.ob_size;
  Py_ssize_t cnt = wf_slice_adjust(n, &start, &stop, step);
  if (step == 1) {
    if (stop < start) stop = start;
    Py_ssize_t d = k - (stop - start); /* growth */
    if (d < 0) {
      PyObject **it = l->ob_item;
      for (Py_ssize_t i = 0; i < k; i++) WF_GC_STORE(&it[start + i], s->items[i]);
      del_range_locked(l, start + k, stop);
    } else {
      if (d > 0) {
        resize_locked(l, n + d);
        PyObject **it = l->ob_item;
        for (Py_ssize_t j = n - 1; j >= stop; j--) WF_GC_STORE(&it[j + d], it[j]);
      }
      PyObject **it = l->ob_item;
      for (Py_ssize_t i = 0; i < k; i++) WF_GC_STORE(&it[start + i], s->items[i]);
    }
    unlock(l);
    return 0;
  }
  if (!value) {
    /* Extended deletion: compact in one pass. */
    if (cnt <= 0) {
      unlock(l);
      return 0;
    }
    if (step < 0) {
      /* Normalise to a positive step over the same items. */
      start = start + step * (cnt - 1);
      step = -step;
    }
    PyObject **it = l->ob_item;
    Py_ssize_t w = start, next_del = start, dels = 0;
    for (Py_ssize_t r = start; r < n; r++) {
      if (dels < cnt && r == next_del) {
        dels++;
        next_del += step;
        continue;
      }
      WF_GC_STORE(&it[w], it[r]);
      w++;
    }
    resize_locked(l, n - cnt);
    unlock(l);
    return 0;
  }
  if (k != cnt) {
    unlock(l);
    wf_err_format(&wf_ValueError_type, "attempt to assign sequence of size %zd to extended slice of size %zd", k, cnt);
    return -1;
  }
  for (Py_ssize_t i = 0, j = start; i < cnt; i++, j += step) WF_GC_STORE(&l->ob_item[j], s->items[i]);
  unlock(l);
  return 0;
}

static int list_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return -1;
    return list_ass_item(self, i, value);
  }
  if (wf_slice_check(key)) return slice_assign(L(self), key, value);
  wf_err_format(&wf_TypeError_type, "list indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
  return -1;
}

static PyObject *list_richcompare(PyObject *v, PyObject *w, int op) {
  if (!wf_list_check(v) || !wf_list_check(w)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(v);
  WF_GC_ROOT(w);
  if ((op == Py_EQ || op == Py_NE) && lsize(L(v)) != lsize(L(w))) return wf_bool_from(op == Py_NE);
  Py_ssize_t i;
  PyObject *a = NULL, *b = NULL;
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  for (i = 0;; i++) {
    a = read_item(L(v), i);
    b = read_item(L(w), i);
    if (!a || !b) break;
    if (a == b) continue;
    int k = wf_object_richcompare_bool(a, b, Py_EQ);
    if (k < 0) return NULL;
    if (!k) break;
  }
  if (!a || !b) {
    Py_ssize_t vs = lsize(L(v)), ws = lsize(L(w));
    bool r;
    switch (op) {
      case Py_LT: r = vs < ws; break;
      case Py_LE: r = vs <= ws; break;
      case Py_EQ: r = vs == ws; break;
      case Py_NE: r = vs != ws; break;
      case Py_GT: r = vs > ws; break;
      default: r = vs >= ws; break;
    }
    return wf_bool_from(r);
  }
  if (op == Py_EQ) return WF_FALSE;
  if (op == Py_NE) return WF_TRUE;
  return wf_object_richcompare(a, b, op);
}

static PyObject *list_iter(PyObject *self);

static PyObject *list_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  return (PyObject *)alloc_list(type);
}

static int list_init(PyObject *self, PyObject *args, PyObject *kwds) {
  Py_ssize_t n = args ? WF_SIZE(args) : 0;
  if (kwds && wf_type_has_flag(WF_TYPE(kwds), Py_TPFLAGS_DICT_SUBCLASS) && WF_TYPE(self) == &wf_list_type) {
    if (wf_dict_size(kwds) > 0) {
      wf_err_set_string(&wf_TypeError_type, "list() takes no keyword arguments");
      return -1;
    }
  }
  if (n > 1) {
    wf_err_format(&wf_TypeError_type, "list expected at most 1 argument, got %zd", n);
    return -1;
  }
  wf_list_clear(self);
  if (n == 1) return wf_list_extend(self, WF_TUPLE_GET(args, 0));
  return 0;
}

/* ---- Methods ----------------------------------------------------------------- */

static PyObject *m_append(PyObject *self, PyObject *v) {
  wf_list_append(self, v);
  return WF_NONE;
}

static PyObject *m_extend(PyObject *self, PyObject *v) {
  if (wf_list_extend(self, v) < 0) return NULL;
  return WF_NONE;
}

static PyObject *m_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("insert", nargs, 2, 2) < 0) return NULL;
  WF_GC_ROOT(self);
  PyObject *v = args[1];
  WF_GC_ROOT(v);
  Py_ssize_t i = wf_number_as_ssize_t(args[0], &wf_OverflowError_type);
  if (i == -1 && wf_err_occurred()) return NULL;
  wf_list_insert(self, i, v);
  return WF_NONE;
}

static PyObject *m_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("pop", nargs, 0, 1) < 0) return NULL;
  Py_ssize_t i = -1;
  if (nargs == 1) {
    WF_GC_ROOT(self);
    i = wf_number_as_ssize_t(args[0], &wf_OverflowError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
  }
  return wf_list_pop(self, i);
}

static PyObject *m_remove(PyObject *self, PyObject *x) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(x);
  PyListObject *l = L(self);
  for (;;) {
    Py_ssize_t i;
    PyObject *v = NULL;
    WF_GC_ROOT(v);
    for (i = 0;; i++) {
      v = read_item(l, i);
      if (!v) return wf_err_set_string(&wf_ValueError_type, "list.remove(x): x not in list");
      int c = v == x ? 1 : wf_object_richcompare_bool(v, x, Py_EQ);
      if (c < 0) return NULL;
      if (c) break;
    }
    /* Re-validate: the item found must still be at i. */
    lock(l);
    if (i < l->ob_base.ob_size && l->ob_item[i] == v) {
      del_range_locked(l, i, i + 1);
      unlock(l);
      return WF_NONE;
    }
    unlock(l);
  }
}

static PyObject *m_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs < 1 || nargs > 3) {
    if (nargs < 1) return wf_err_format(&wf_TypeError_type, "index expected at least 1 argument, got %zd", nargs);
    return wf_err_format(&wf_TypeError_type, "index expected at most 3 arguments, got %zd", nargs);
  }
  WF_GC_ROOT(self);
  PyObject *x = args[0];
  WF_GC_ROOT(x);
  Py_ssize_t start = 0, stop = WF_SSIZE_MAX;
  for (int k = 1; k < nargs; k++) {
    PyObject *a = args[k];
    if (!wf_index_check(a)) {
      wf_err_set_string(&wf_TypeError_type, "slice indices must be integers or have an __index__ method");
      return NULL;
    }
    if (wf_slice_index(a, k == 1 ? &start : &stop) < 0) return NULL;
  }
  Py_ssize_t n = lsize(L(self));
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  PyObject *v = NULL;
  WF_GC_ROOT(v);
  for (Py_ssize_t i = start; i < stop; i++) {
    v = read_item(L(self), i);
    if (!v) break;
    int c = v == x ? 1 : wf_object_richcompare_bool(v, x, Py_EQ);
    if (c < 0) return NULL;
    if (c) return wf_int_from_ssize(i);
  }
  return wf_err_format(&wf_ValueError_type, "%R is not in list", x);
}

static PyObject *m_count(PyObject *self, PyObject *x) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(x);
  Py_ssize_t c = 0;
  PyObject *v = NULL;
  WF_GC_ROOT(v);
  for (Py_ssize_t i = 0;; i++) {
    v = read_item(L(self), i);
    if (!v) break;
    int k = v == x ? 1 : wf_object_richcompare_bool(v, x, Py_EQ);
    if (k < 0) return NULL;
    c += k;
  }
  return wf_int_from_ssize(c);
}

static PyObject *m_reverse(PyObject *self, PyObject *unused) {
  wf_list_reverse(self);
  return WF_NONE;
}

static PyObject *m_copy(PyObject *self, PyObject *unused) { return wf_list_get_slice(self, 0, WF_SSIZE_MAX); }

static PyObject *m_clear(PyObject *self, PyObject *unused) {
  wf_list_clear(self);
  return WF_NONE;
}

static PyObject *m_sort(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (nargs > 0) return wf_err_set_string(&wf_TypeError_type, "sort() takes no positional arguments");
  PyObject *key = NULL, *rev = NULL;
  Py_ssize_t nk = kwnames ? WF_SIZE(kwnames) : 0;
  for (Py_ssize_t i = 0; i < nk; i++) {
    PyObject *name = WF_TUPLE_GET(kwnames, i);
    if (wf_str_equal_cstr(name, "key"))
      key = args[nargs + i];
    else if (wf_str_equal_cstr(name, "reverse"))
      rev = args[nargs + i];
    else
      return wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for sort()", name);
  }
  WF_GC_ROOT(self);
  WF_GC_ROOT(key);
  bool reverse = false;
  if (rev) {
    /* reverse is an int (as CPython's clinic "i" converter). */
    Py_ssize_t r = wf_number_as_ssize_t(rev, &wf_OverflowError_type);
    if (r == -1 && wf_err_occurred()) return NULL;
    reverse = r != 0;
  }
  if (wf_list_sort(self, key, reverse) < 0) return NULL;
  return WF_NONE;
}

static PyObject *m_reversed(PyObject *self, PyObject *unused);

static PyObject *m_sizeof(PyObject *self, PyObject *unused) {
  Py_ssize_t a = L(self)->allocated;
  if (a < 0) a = 0;
  return wf_int_from_ssize((Py_ssize_t)sizeof(PyListObject) - (Py_ssize_t)sizeof(wf_lock) + a * (Py_ssize_t)sizeof(PyObject *));
}

static PyObject *m_getitem(PyObject *self, PyObject *key) { return list_subscript(self, key); }

static PyMethodDef list_methods[] = {
    {"__getitem__", (PyCFunction)m_getitem, METH_O | METH_COEXIST, NULL},
    {"__reversed__", (PyCFunction)m_reversed, METH_NOARGS, NULL},
    {"__sizeof__", (PyCFunction)m_sizeof, METH_NOARGS, NULL},
    {"clear", (PyCFunction)m_clear, METH_NOARGS, NULL},
    {"copy", (PyCFunction)m_copy, METH_NOARGS, NULL},
    {"append", (PyCFunction)m_append, METH_O, NULL},
    {"insert", (PyCFunction)(void (*)(void))m_insert, METH_FASTCALL, NULL},
    {"extend", (PyCFunction)m_extend, METH_O, NULL},
    {"pop", (PyCFunction)(void (*)(void))m_pop, METH_FASTCALL, NULL},
    {"remove", (PyCFunction)m_remove, METH_O, NULL},
    {"index", (PyCFunction)(void (*)(void))m_index, METH_FASTCALL, NULL},
    {"count", (PyCFunction)m_count, METH_O, NULL},
    {"reverse", (PyCFunction)m_reverse, METH_NOARGS, NULL},
    {"sort", (PyCFunction)(void (*)(void))m_sort, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"__class_getitem__", (PyCFunction)wf_class_getitem_generic, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

PyTypeObject wf_list_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS |
                Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_new = list_tp_new,
    .wf = {.trace = list_trace},
};

/* ---- Iterators ----------------------------------------------------------------- */

typedef wf_listiter listiter;

static void iter_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, __atomic_load_n(&((listiter *)obj)->seq, __ATOMIC_RELAXED)); }

static PyObject *list_iter(PyObject *self) {
  listiter *it = (listiter *)wf_object_alloc(&wf_list_iter_type, sizeof(listiter));
  WF_GC_STORE(&it->seq, self);
  return (PyObject *)it;
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *listiter_next(PyObject *self) { return wf_listiter_next(self); }

static PyObject *listiter_len(PyObject *self, PyObject *unused) {
  listiter *it = (listiter *)self;
  Py_ssize_t n = 0;
  PyObject *seq = WF_GC_LOAD(&it->seq);
  if (seq) {
    n = lsize(L(seq)) - it->index;
    if (n < 0) n = 0;
  }
  return wf_int_from_ssize(n);
}

static PyObject *listiter_reduce(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "pickling list iterators (__reduce__) is not implemented");
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", (PyCFunction)listiter_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)listiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_list_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
    .wf = {.trace = iter_trace},
};

static PyObject *m_reversed(PyObject *self, PyObject *unused) {
  listiter *it = (listiter *)wf_object_alloc(&wf_list_reviter_type, sizeof(listiter));
  WF_GC_STORE(&it->seq, self);
  it->index = lsize(L(self)) - 1;
  return (PyObject *)it;
}

static PyObject *listrev_next(PyObject *self) {
  listiter *it = (listiter *)self;
  wf_lock_acquire(&it->lock);
  PyObject *seq = it->seq, *v = NULL;
  if (seq) {
    v = it->index >= 0 ? read_item(L(seq), it->index) : NULL;
    if (v) {
      it->index--;
    } else {
      it->index = -1;
      WF_GC_STORE(&it->seq, NULL);
    }
  }
  wf_lock_release(&it->lock);
  return v;
}

static PyObject *listrev_len(PyObject *self, PyObject *unused) {
  listiter *it = (listiter *)self;
  Py_ssize_t n = 0;
  PyObject *seq = WF_GC_LOAD(&it->seq);
  if (seq && it->index >= 0 && it->index < lsize(L(seq))) n = it->index + 1;
  return wf_int_from_ssize(n);
}

static PyMethodDef listrev_methods[] = {
    {"__length_hint__", (PyCFunction)listrev_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)listiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_list_reviter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = iter_self,
    .tp_iternext = listrev_next,
    .tp_methods = listrev_methods,
    .wf = {.trace = iter_trace},
};

/* ---- Sorting support for list_sort.c ------------------------------------------ */

/* Take the items out for sorting: the list becomes empty with allocated = -1
 * (CPython's "being sorted" marker); any mutation meanwhile changes it. */
wf_list_store *wf_list_sort_begin_(PyObject *self, Py_ssize_t *n) {
  PyListObject *l = L(self);
  lock(l);
  Py_ssize_t m = l->ob_base.ob_size;
  wf_list_store *s = store_of(l->ob_item);
  /* The store may be shared with racing readers: sort a private copy. */
  wf_list_store *c = NULL;
  if (m > 0) {
    c = store_new(m);
    for (Py_ssize_t i = 0; i < m; i++) c->items[i] = s->items[i];
  }
  install_locked(l, NULL, 0);
  l->allocated = -1;
  unlock(l);
  *n = m;
  return c;
}

/* Put the sorted items back; returns 1 if the list was modified meanwhile
 * (its interim contents are dropped, as in CPython). */
int wf_list_sort_end_(PyObject *self, wf_list_store *s, Py_ssize_t n) {
  PyListObject *l = L(self);
  lock(l);
  int modified = l->allocated != -1;
  install_locked(l, s, n);
  unlock(l);
  return modified;
}
