/* bytearray: a mutable byte string (bytes.h). The bytes live in a GC-managed
 * buffer (a leaf object); every access to them takes the object's wf_lock
 * (plain byte loads racing with stores would be data races), and mutations
 * happen in one lock section, so each method is atomic. Methods shared with
 * bytes (bytes_methods.c) read a snapshot taken under the lock. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define BA(o) ((PyByteArrayObject *)(o))

typedef struct {
  PyObject ob_base;
  Py_ssize_t cap;
  char data[];
} bastore;

PyTypeObject wf_bytearray_store_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "bytearray_store",
    .tp_basicsize = sizeof(bastore),
    .tp_itemsize = 1,
};

static inline bastore *store_of(char *p) { return p ? (bastore *)(p - offsetof(bastore, data)) : NULL; }

static void ba_trace(void *obj, wf_gc_tracer *t) {
  wf_gc_visit(t, store_of(__atomic_load_n(&BA(obj)->ob_bytes, __ATOMIC_RELAXED)));
}

static inline void lock(PyObject *o) { wf_lock_acquire(&BA(o)->lock); }
static inline void unlock(PyObject *o) { wf_lock_release(&BA(o)->lock); }
static inline Py_ssize_t bsize(PyObject *o) { return __atomic_load_n(&BA(o)->ob_base.ob_size, __ATOMIC_RELAXED); }

/* Lock held. Resize to n bytes (contents kept up to min); -1 (no exception
 * set: raising is a safepoint) when exported and the size changes: the
 * caller raises with exports_error() after releasing the lock. */
static int resize_locked(PyObject *o, Py_ssize_t n) {
  PyByteArrayObject *b = BA(o);
  if (n == b->ob_base.ob_size) return 0;
  if (b->ob_exports > 0) return -1; /* the caller raises BufferError after unlocking */
  if (n + 1 > b->ob_alloc || n + 1 < b->ob_alloc / 2) {
    Py_ssize_t cap = n + 1;
    if (n > b->ob_base.ob_size) cap = n + (n >> 3) + 8;
    bastore *s = (bastore *)wf_object_alloc(&wf_bytearray_store_type, sizeof(bastore) + (size_t)cap);
    s->cap = cap;
    Py_ssize_t keep = b->ob_base.ob_size < n ? b->ob_base.ob_size : n;
    if (keep) memcpy(s->data, b->ob_bytes, (size_t)keep);
    WF_GC_STORE(&b->ob_bytes, s->data);
    b->ob_start = s->data;
    b->ob_alloc = cap;
  }
  __atomic_store_n(&b->ob_base.ob_size, n, __ATOMIC_RELAXED);
  b->ob_bytes[n] = 0;
  return 0;
}

static PyObject *alloc_ba(PyTypeObject *type) {
  PyObject *o = type == &wf_bytearray_type ? wf_object_alloc(type, sizeof(PyByteArrayObject)) : wf_type_generic_alloc(type, 0);
  if (!o) return NULL;
  /* Never a NULL buffer: an empty bytearray owns a 1-byte store (the NUL). */
  bastore *s = (bastore *)wf_object_alloc(&wf_bytearray_store_type, sizeof(bastore) + 1);
  s->cap = 1;
  WF_GC_STORE(&BA(o)->ob_bytes, s->data);
  BA(o)->ob_start = s->data;
  BA(o)->ob_alloc = 1;
  return o;
}

PyObject *wf_bytearray_from_data(const void *data, Py_ssize_t n) {
  PyObject *o = alloc_ba(&wf_bytearray_type);
  if (n > 0) {
    resize_locked(o, n);
    if (data)
      memcpy(BA(o)->ob_bytes, data, (size_t)n);
    else
      memset(BA(o)->ob_bytes, 0, (size_t)n);
  }
  return o;
}

Py_ssize_t wf_bytearray_size(PyObject *b) { return bsize(b); }

/* Snapshot for readers: a bytes copy (the view stays valid while it lives). */
int wf_bytearray_view_(PyObject *o, const char **data, Py_ssize_t *n, PyObject **keep) {
  lock(o);
  PyObject *s = wf_bytes_from_data(BA(o)->ob_bytes, BA(o)->ob_base.ob_size);
  unlock(o);
  *keep = s;
  *data = wf_bytes_data(s);
  *n = wf_bytes_size(s);
  return 0;
}

/* Replace [lo, hi) with src[0..k) under the lock (the source is a private copy). */
static int splice_locked(PyObject *o, Py_ssize_t lo, Py_ssize_t hi, const char *src, Py_ssize_t k) {
  Py_ssize_t n = BA(o)->ob_base.ob_size;
  Py_ssize_t d = k - (hi - lo);
  if (d != 0 && BA(o)->ob_exports > 0) return -1;
  if (d > 0) {
    if (resize_locked(o, n + d) < 0) return -1;
    memmove(BA(o)->ob_bytes + hi + d, BA(o)->ob_bytes + hi, (size_t)(n - hi));
  } else if (d < 0) {
    memmove(BA(o)->ob_bytes + hi + d, BA(o)->ob_bytes + hi, (size_t)(n - hi));
    if (resize_locked(o, n + d) < 0) return -1;
  }
  if (k) memcpy(BA(o)->ob_bytes + lo, src, (size_t)k);
  return 0;
}

static int exports_error(void) {
  wf_err_set_string(&wf_BufferError_type, "Existing exports of data: object cannot be re-sized");
  return -1;
}

/* The bytes to assign from a value (bytes-like or iterable of ints): a
 * malloc'd copy. */
static int value_bytes(PyObject *v, char **out, Py_ssize_t *n, const char *bad_msg) {
  if (wf_byteslike_check(v)) {
    const char *d;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(v, &d, n, &keep) < 0) return -1;
    *out = malloc((size_t)*n + 1);
    if (!*out) {
      wf_err_no_memory();
      return -1;
    }
    memcpy(*out, d, (size_t)*n);
    return 0;
  }
  int wf_bytes_collect_ints(PyObject *iterable, char **out, Py_ssize_t *np);
  if (bad_msg && (wf_index_check(v) || wf_str_check(v) || !WF_TYPE(v)->tp_iter)) {
    wf_err_set_string(&wf_TypeError_type, bad_msg);
    return -1;
  }
  return wf_bytes_collect_ints(v, out, n);
}

/* ---- Slots --------------------------------------------------------------------------- */

PyObject *wf_bytes_repr_data(const char *d, Py_ssize_t n, const char *prefix, const char *suffix);
PyObject *wf_bytes_compare_data(const char *a, Py_ssize_t na, const char *b, Py_ssize_t nb, int op);
int wf_bytes_contains_data(const char *d, Py_ssize_t n, PyObject *x);
int wf_bytes_byte_value(PyObject *o);

static PyObject *ba_repr(PyObject *self) {
  const char *d;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  wf_bytearray_view_(self, &d, &n, &keep);
  char prefix[128];
  snprintf(prefix, sizeof prefix, "%.100s(", WF_TYPE(self)->tp_name);
  return wf_bytes_repr_data(d, n, prefix, ")");
}

static Py_ssize_t ba_len(PyObject *self) { return bsize(self); }

static PyObject *ba_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_byteslike_check(a) || !wf_byteslike_check(b)) return WF_NOTIMPLEMENTED;
  const char *da, *db;
  Py_ssize_t na, nb;
  PyObject *ka = NULL, *kb = NULL;
  WF_GC_ROOT(ka);
  WF_GC_ROOT(kb);
  if (wf_byteslike_view(a, &da, &na, &ka) < 0 || wf_byteslike_view(b, &db, &nb, &kb) < 0) return NULL;
  return wf_bytes_compare_data(da, na, db, nb, op);
}

static PyObject *ba_concat(PyObject *a, PyObject *b) {
  if (!wf_byteslike_check(b))
    return wf_err_format(&wf_TypeError_type, "can't concat %.100s to %.100s", WF_TYPE(b)->tp_name, WF_TYPE(a)->tp_name);
  const char *da, *db;
  Py_ssize_t na, nb;
  PyObject *ka = NULL, *kb = NULL;
  WF_GC_ROOT(ka);
  WF_GC_ROOT(kb);
  if (wf_byteslike_view(a, &da, &na, &ka) < 0 || wf_byteslike_view(b, &db, &nb, &kb) < 0) return NULL;
  PyObject *r = wf_bytearray_from_data(NULL, na + nb);
  memcpy(BA(r)->ob_bytes, da, (size_t)na);
  memcpy(BA(r)->ob_bytes + na, db, (size_t)nb);
  return r;
}

static PyObject *ba_inplace_concat(PyObject *a, PyObject *b) {
  if (!wf_byteslike_check(b))
    return wf_err_format(&wf_TypeError_type, "can't concat %.100s to %.100s", WF_TYPE(b)->tp_name, WF_TYPE(a)->tp_name);
  const char *db;
  Py_ssize_t nb;
  PyObject *kb = NULL;
  WF_GC_ROOT(kb);
  if (wf_byteslike_view(b, &db, &nb, &kb) < 0) return NULL;
  lock(a);
  Py_ssize_t n = BA(a)->ob_base.ob_size;
  int rc = resize_locked(a, n + nb);
  if (rc == 0) memcpy(BA(a)->ob_bytes + n, db, (size_t)nb);
  unlock(a);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : a;
}

static PyObject *ba_repeat(PyObject *self, Py_ssize_t k) {
  const char *d;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  wf_bytearray_view_(self, &d, &n, &keep);
  if (k < 0) k = 0;
  if (n && k > WF_SSIZE_MAX / n) return wf_err_no_memory();
  PyObject *r = wf_bytearray_from_data(NULL, n * k);
  for (Py_ssize_t i = 0; i < k; i++) memcpy(BA(r)->ob_bytes + i * n, d, (size_t)n);
  return r;
}

static PyObject *ba_inplace_repeat(PyObject *self, Py_ssize_t k) {
  if (k < 0) k = 0;
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  if (n && k > WF_SSIZE_MAX / n) {
    unlock(self);
    return wf_err_no_memory();
  }
  int rc = resize_locked(self, n * k);
  if (rc == 0)
    for (Py_ssize_t i = 1; i < k; i++) memcpy(BA(self)->ob_bytes + i * n, BA(self)->ob_bytes, (size_t)n);
  unlock(self);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : self;
}

static PyObject *ba_item(PyObject *self, Py_ssize_t i) {
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  int v = (i >= 0 && i < n) ? (unsigned char)BA(self)->ob_bytes[i] : -1;
  unlock(self);
  if (v < 0) return wf_err_set_string(&wf_IndexError_type, "bytearray index out of range");
  return wf_int_from_ssize(v);
}

static int ba_contains(PyObject *self, PyObject *x) {
  const char *d;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  WF_GC_ROOT(x);
  wf_bytearray_view_(self, &d, &n, &keep);
  return wf_bytes_contains_data(d, n, x);
}

static PyObject *ba_subscript(PyObject *self, PyObject *key) {
  if (wf_index_check(key)) {
    WF_GC_ROOT(self);
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += bsize(self);
    return ba_item(self, i);
  }
  if (wf_slice_check(key)) {
    Py_ssize_t start, stop, step;
    WF_GC_ROOT(self);
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    lock(self);
    Py_ssize_t n = wf_slice_adjust(BA(self)->ob_base.ob_size, &start, &stop, step);
    PyObject *r = wf_bytearray_from_data(NULL, n > 0 ? n : 0);
    for (Py_ssize_t i = 0, j = start; i < n; i++, j += step) BA(r)->ob_bytes[i] = BA(self)->ob_bytes[j];
    unlock(self);
    return r;
  }
  return wf_err_format(&wf_TypeError_type, "bytearray indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
}

static int ba_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(value);
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return -1;
    int v = 0;
    if (value) {
      if (!wf_index_check(value)) {
        wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(value)->tp_name);
        return -1;
      }
      v = wf_bytes_byte_value(value);
      if (v < 0) return -1;
    }
    lock(self);
    Py_ssize_t n = BA(self)->ob_base.ob_size;
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      unlock(self);
      wf_err_set_string(&wf_IndexError_type, "bytearray index out of range");
      return -1;
    }
    int rc = 0;
    if (value)
      BA(self)->ob_bytes[i] = (char)v;
    else
      rc = splice_locked(self, i, i + 1, NULL, 0);
    unlock(self);
    return rc < 0 ? exports_error() : 0;
  }
  if (!wf_slice_check(key)) {
    wf_err_format(&wf_TypeError_type, "bytearray indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
    return -1;
  }
  Py_ssize_t start, stop, step;
  if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
  char *src = NULL;
  Py_ssize_t k = 0;
  if (value && value_bytes(value, &src, &k, "can assign only bytes, buffers, or iterables of ints in range(0, 256)") < 0) return -1;
  if (value && k == 0 && step != 1) value = NULL; /* b[::2] = b'' deletes, as CPython */
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  Py_ssize_t cnt = wf_slice_adjust(n, &start, &stop, step);
  int rc = 0;
  if (step == 1) {
    if (stop < start) stop = start;
    rc = splice_locked(self, start, stop, src, k);
  } else if (!value) {
    if (cnt > 0) {
      if (step < 0) {
        start = start + step * (cnt - 1);
        step = -step;
      }
      char *b = BA(self)->ob_bytes;
      Py_ssize_t w = start, dels = 0, next = start;
      for (Py_ssize_t r = start; r < n; r++) {
        if (dels < cnt && r == next) {
          dels++;
          next += step;
          continue;
        }
        b[w++] = b[r];
      }
      if (BA(self)->ob_exports > 0)
        rc = -1;
      else
        rc = resize_locked(self, n - cnt);
    }
  } else if (k != cnt) {
    rc = -2;
  } else {
    for (Py_ssize_t i = 0, j = start; i < cnt; i++, j += step) BA(self)->ob_bytes[j] = src[i];
  }
  unlock(self);
  free(src);
  if (rc == -2) {
    wf_err_format(&wf_ValueError_type, "attempt to assign bytes of size %zd to extended slice of size %zd", k, cnt);
    return -1;
  }
  return rc < 0 ? exports_error() : 0;
}

static int ba_init(PyObject *self, PyObject *args, PyObject *kwds) {
  /* bytearray(x, encoding, errors): reuse bytes(), then copy in. */
  WF_GC_ROOT(self);
  Py_ssize_t nargs = args ? WF_SIZE(args) : 0;
  PyObject *src = NULL;
  WF_GC_ROOT(src);
  if (nargs == 1 && (!kwds || wf_dict_size(kwds) == 0)) {
    PyObject *x = WF_TUPLE_GET(args, 0);
    if (wf_index_check(x)) {
      Py_ssize_t n = wf_number_as_ssize_t(x, &wf_OverflowError_type);
      if (n == -1 && wf_err_occurred()) return -1;
      if (n < 0) {
        wf_err_set_string(&wf_ValueError_type, "negative count");
        return -1;
      }
      lock(self);
      int rc = resize_locked(self, 0);
      if (rc == 0) rc = resize_locked(self, n);
      if (rc == 0) memset(BA(self)->ob_bytes, 0, (size_t)n);
      unlock(self);
      return rc < 0 ? exports_error() : 0;
    }
  }
  if (nargs > 0 || (kwds && wf_dict_size(kwds) > 0)) {
    src = wf_bytes_type.tp_new(&wf_bytes_type, args, kwds);
    if (!src) return -1;
  }
  lock(self);
  int rc = splice_locked(self, 0, BA(self)->ob_base.ob_size, src ? wf_bytes_data(src) : NULL, src ? wf_bytes_size(src) : 0);
  unlock(self);
  return rc < 0 ? exports_error() : 0;
}

static PyObject *ba_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) { return alloc_ba(type); }

/* ---- Mutating methods ------------------------------------------------------------------------ */

static PyObject *m_append(PyObject *self, PyObject *x) {
  if (!wf_index_check(x))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(x)->tp_name);
  WF_GC_ROOT(self);
  int v = wf_bytes_byte_value(x);
  if (v < 0) return NULL;
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  int rc = resize_locked(self, n + 1);
  if (rc == 0) BA(self)->ob_bytes[n] = (char)v;
  unlock(self);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : WF_NONE;
}

static PyObject *m_extend(PyObject *self, PyObject *x) {
  WF_GC_ROOT(self);
  char *src;
  Py_ssize_t k;
  if (!wf_byteslike_check(x) && !WF_TYPE(x)->tp_iter && !wf_str_check(x))
    return wf_err_format(&wf_TypeError_type, "can't extend bytearray with %.100s", WF_TYPE(x)->tp_name);
  if (value_bytes(x, &src, &k, NULL) < 0) return NULL;
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  int rc = splice_locked(self, n, n, src, k);
  unlock(self);
  free(src);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : WF_NONE;
}

static PyObject *m_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("insert", nargs, 2, 2) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t i = wf_number_as_ssize_t(args[0], &wf_OverflowError_type);
  if (i == -1 && wf_err_occurred()) return NULL;
  if (!wf_index_check(args[1]))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(args[1])->tp_name);
  int v = wf_bytes_byte_value(args[1]);
  if (v < 0) return NULL;
  char c = (char)v;
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  int rc = splice_locked(self, i, i, &c, 1);
  unlock(self);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : WF_NONE;
}

static PyObject *m_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("pop", nargs, 0, 1) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t i = -1;
  if (nargs) {
    i = wf_number_as_ssize_t(args[0], &wf_OverflowError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
  }
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  if (n == 0) {
    unlock(self);
    return wf_err_set_string(&wf_IndexError_type, "pop from empty bytearray");
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    unlock(self);
    return wf_err_set_string(&wf_IndexError_type, "pop index out of range");
  }
  int v = (unsigned char)BA(self)->ob_bytes[i];
  int rc = splice_locked(self, i, i + 1, NULL, 0);
  unlock(self);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : wf_int_from_ssize(v);
}

static PyObject *m_remove(PyObject *self, PyObject *x) {
  if (!wf_index_check(x))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(x)->tp_name);
  WF_GC_ROOT(self);
  int v = wf_bytes_byte_value(x);
  if (v < 0) return NULL;
  lock(self);
  Py_ssize_t n = BA(self)->ob_base.ob_size;
  char *p = n ? memchr(BA(self)->ob_bytes, v, (size_t)n) : NULL;
  int rc = 0;
  if (p) rc = splice_locked(self, p - BA(self)->ob_bytes, p - BA(self)->ob_bytes + 1, NULL, 0);
  unlock(self);
  if (!p) return wf_err_set_string(&wf_ValueError_type, "value not found in bytearray");
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : WF_NONE;
}

static PyObject *m_reverse(PyObject *self, PyObject *u) {
  lock(self);
  char *b = BA(self)->ob_bytes;
  for (Py_ssize_t i = 0, j = BA(self)->ob_base.ob_size - 1; i < j; i++, j--) {
    char t = b[i];
    b[i] = b[j];
    b[j] = t;
  }
  unlock(self);
  return WF_NONE;
}

static PyObject *m_clear(PyObject *self, PyObject *u) {
  lock(self);
  int rc = resize_locked(self, 0);
  unlock(self);
  if (rc < 0) exports_error();
  return rc < 0 ? NULL : WF_NONE;
}

static PyObject *m_copy(PyObject *self, PyObject *u) {
  lock(self);
  PyObject *r = wf_bytearray_from_data(BA(self)->ob_bytes, BA(self)->ob_base.ob_size);
  unlock(self);
  return r;
}

static PyObject *m_alloc(PyObject *self, PyObject *u) { return wf_int_from_ssize(BA(self)->ob_alloc); }

static PyObject *m_sizeof(PyObject *self, PyObject *u) {
  return wf_int_from_ssize(56 + BA(self)->ob_alloc);
}

static PyObject *m_reduce(PyObject *self, PyObject *u) {
  WF_GC_ROOT(self);
  const char *d;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  wf_bytearray_view_(self, &d, &n, &keep);
  PyObject *s = wf_str_from_latin1((const uint8_t *)d, n);
  WF_GC_ROOT(s);
  PyObject *enc = wf_str_from_cstr("latin-1");
  WF_GC_ROOT(enc);
  PyObject *args = wf_tuple_pack(2, s, enc);
  WF_GC_ROOT(args);
  PyObject *state = WF_NONE;
  if (WF_TYPE(self) != &wf_bytearray_type) {
    PyObject *dct = NULL;
    if (wf_object_lookup_attr(self, WF_ID(__dict__), &dct) < 0) return NULL;
    if (dct) state = dct;
  }
  return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), args, state);
}

static PyObject *m_reduce_ex(PyObject *self, PyObject *proto) { return m_reduce(self, NULL); }

/* ---- Iterator --------------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  PyObject *seq;
  Py_ssize_t index;
  wf_lock lock;
} baiter;

static void baiter_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, __atomic_load_n(&((baiter *)obj)->seq, __ATOMIC_RELAXED)); }

static PyObject *ba_iter(PyObject *self) {
  baiter *it = (baiter *)wf_object_alloc(&wf_bytearray_iter_type, sizeof(baiter));
  WF_GC_STORE(&it->seq, self);
  return (PyObject *)it;
}

static PyObject *baiter_next(PyObject *self) {
  baiter *it = (baiter *)self;
  int v = -1;
  wf_lock_acquire(&it->lock);
  PyObject *s = it->seq;
  if (s) {
    lock(s);
    if (it->index < BA(s)->ob_base.ob_size) v = (unsigned char)BA(s)->ob_bytes[it->index++];
    unlock(s);
    if (v < 0) WF_GC_STORE(&it->seq, NULL);
  }
  wf_lock_release(&it->lock);
  return v < 0 ? NULL : wf_int_from_ssize(v);
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *baiter_len(PyObject *self, PyObject *u) {
  baiter *it = (baiter *)self;
  PyObject *s = WF_GC_LOAD(&it->seq);
  Py_ssize_t n = s ? bsize(s) - it->index : 0;
  return wf_int_from_ssize(n < 0 ? 0 : n);
}

static PyObject *baiter_reduce(PyObject *self, PyObject *u) {
  return wf_err_set_string(&wf_NotImplementedError_type, "pickling bytearray iterators (__reduce__) is not implemented");
}

static PyMethodDef baiter_methods[] = {
    {"__length_hint__", (PyCFunction)baiter_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)baiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_bytearray_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(baiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = iter_self,
    .tp_iternext = baiter_next,
    .tp_methods = baiter_methods,
    .wf = {.trace = baiter_trace},
};

/* ---- Buffer protocol ------------------------------------------------------------------------------ */

static int ba_getbuffer(PyObject *self, Py_buffer *view, int flags) {
  lock(self);
  if (!BA(self)->ob_bytes) resize_locked(self, 0);
  BA(self)->ob_exports++;
  view->buf = BA(self)->ob_bytes;
  view->len = BA(self)->ob_base.ob_size;
  unlock(self);
  view->obj = self;
  view->itemsize = 1;
  view->readonly = 0;
  view->ndim = 1;
  view->format = "B";
  view->shape = NULL;
  view->strides = NULL;
  view->suboffsets = NULL;
  view->internal = NULL;
  return 0;
}

static void ba_releasebuffer(PyObject *self, Py_buffer *view) {
  lock(self);
  BA(self)->ob_exports--;
  unlock(self);
}

static PyBufferProcs ba_as_buffer = {.bf_getbuffer = ba_getbuffer, .bf_releasebuffer = ba_releasebuffer};

/* Lock helpers for memoryview.c. */
void wf_bytearray_lock_(PyObject *o) { lock(o); }
void wf_bytearray_unlock_(PyObject *o) { unlock(o); }

/* ---- Type ---------------------------------------------------------------------------------------- */

extern PyMethodDef wf_bytes_shared_methods[];

static PyMethodDef ba_own_methods[] = {
    {"__alloc__", (PyCFunction)m_alloc, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, NULL},
    {"__reduce_ex__", (PyCFunction)m_reduce_ex, METH_O, NULL},
    {"__sizeof__", (PyCFunction)m_sizeof, METH_NOARGS, NULL},
    {"append", (PyCFunction)m_append, METH_O, NULL},
    {"clear", (PyCFunction)m_clear, METH_NOARGS, NULL},
    {"copy", (PyCFunction)m_copy, METH_NOARGS, NULL},
    {"extend", (PyCFunction)m_extend, METH_O, NULL},
    {"insert", (PyCFunction)(void (*)(void))m_insert, METH_FASTCALL, NULL},
    {"pop", (PyCFunction)(void (*)(void))m_pop, METH_FASTCALL, NULL},
    {"remove", (PyCFunction)m_remove, METH_O, NULL},
    {"reverse", (PyCFunction)m_reverse, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef ba_methods[80];

__attribute__((constructor)) static void init_ba_methods(void) {
  int k = 0;
  for (PyMethodDef *m = ba_own_methods; m->ml_name; m++) ba_methods[k++] = *m;
  for (PyMethodDef *m = wf_bytes_shared_methods; m->ml_name && k < 79; m++) ba_methods[k++] = *m;
  ba_methods[k] = (PyMethodDef){NULL, NULL, 0, NULL};
}

PyObject *wf_bytes_mod(PyObject *self, PyObject *args);

static PyObject *ba_nb_mod(PyObject *a, PyObject *b) {
  if (!wf_bytearray_check(a)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(b);
  const char *d;
  Py_ssize_t n;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  wf_bytearray_view_(a, &d, &n, &keep);
  PyObject *r = wf_bytes_mod(keep, b);
  if (!r) return NULL;
  return wf_bytearray_from_data(wf_bytes_data(r), wf_bytes_size(r));
}

static PyNumberMethods ba_as_number = {.nb_remainder = ba_nb_mod};

static PySequenceMethods ba_as_sequence = {
    .sq_length = ba_len,
    .sq_concat = ba_concat,
    .sq_repeat = ba_repeat,
    .sq_item = ba_item,
    .sq_contains = ba_contains,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
};

static PyMappingMethods ba_as_mapping = {
    .mp_length = ba_len,
    .mp_subscript = ba_subscript,
    .mp_ass_subscript = ba_ass_subscript,
};

PyTypeObject wf_bytearray_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_repr = ba_repr,
    .tp_as_number = &ba_as_number,
    .tp_as_sequence = &ba_as_sequence,
    .tp_as_mapping = &ba_as_mapping,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_str = ba_repr,
    .tp_as_buffer = &ba_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n"
              "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
              "  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer",
    .tp_richcompare = ba_richcompare,
    .tp_iter = ba_iter,
    .tp_methods = ba_methods,
    .tp_init = ba_init,
    .tp_new = ba_tp_new,
    .wf = {.trace = ba_trace},
};
