/* bytes: the immutable byte string (bytes.h). The methods shared with
 * bytearray are in bytes_methods.c; %-formatting in bytes_format.c. */
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
#include "wf_hash.h"

#define B(o) ((PyBytesObject *)(o))
#define BYTES_HEADER offsetof(PyBytesObject, ob_sval)

/* ---- Static singletons: b'' and the 256 one-byte bytes ------------------------ */

typedef struct {
  PyVarObject ob_base;
  Py_hash_t ob_shash;
  char ob_sval[8];
} static_bytes;

static static_bytes empty_bytes;
static static_bytes char_bytes[256];

__attribute__((constructor)) static void init_static_bytes(void) {
  empty_bytes.ob_base.ob_base.ob_refcnt = 1;
  empty_bytes.ob_base.ob_base.ob_type = &wf_bytes_type;
  empty_bytes.ob_base.ob_size = 0;
  empty_bytes.ob_shash = 0;
  for (int c = 0; c < 256; c++) {
    static_bytes *b = &char_bytes[c];
    b->ob_base.ob_base.ob_refcnt = 1;
    b->ob_base.ob_base.ob_type = &wf_bytes_type;
    b->ob_base.ob_size = 1;
    b->ob_shash = -1;
    b->ob_sval[0] = (char)c;
  }
}

static PyObject *bytes_alloc(Py_ssize_t n) {
  if (n < 0 || (size_t)n > (size_t)WF_SSIZE_MAX - BYTES_HEADER - 1) return wf_err_no_memory();
  PyBytesObject *b = (PyBytesObject *)wf_object_alloc(&wf_bytes_type, BYTES_HEADER + (size_t)n + 1);
  b->ob_base.ob_size = n;
  b->ob_shash = -1;
  return (PyObject *)b;
}

PyObject *wf_bytes_from_data(const void *data, Py_ssize_t n) {
  if (data) {
    if (n == 0) return (PyObject *)&empty_bytes;
    if (n == 1) return (PyObject *)&char_bytes[*(const unsigned char *)data];
  }
  PyObject *b = bytes_alloc(n);
  if (b && data && n) memcpy(B(b)->ob_sval, data, (size_t)n);
  return b;
}

PyObject *wf_bytes_from_cstr(const char *s) { return wf_bytes_from_data(s, (Py_ssize_t)strlen(s)); }

/* ---- Bytes-like views ------------------------------------------------------------- */

bool wf_byteslike_check(PyObject *o) {
  extern PyTypeObject wf_memoryview_type;
  return wf_bytes_check(o) || wf_bytearray_check(o) || WF_TYPE(o) == &wf_memoryview_type;
}

int wf_memoryview_view_(PyObject *o, const char **data, Py_ssize_t *n, PyObject **keep);
int wf_bytearray_view_(PyObject *o, const char **data, Py_ssize_t *n, PyObject **keep);

int wf_byteslike_view(PyObject *o, const char **data, Py_ssize_t *n, PyObject **keep) {
  extern PyTypeObject wf_memoryview_type;
  if (wf_bytes_check(o)) {
    *data = B(o)->ob_sval;
    *n = WF_SIZE(o);
    *keep = o;
    return 0;
  }
  if (wf_bytearray_check(o)) return wf_bytearray_view_(o, data, n, keep);
  if (WF_TYPE(o) == &wf_memoryview_type) return wf_memoryview_view_(o, data, n, keep);
  wf_err_format(&wf_TypeError_type, "a bytes-like object is required, not '%.100s'", WF_TYPE(o)->tp_name);
  return -1;
}

/* ---- repr / hash / compare ------------------------------------------------------------ */

PyObject *wf_bytes_repr_data(const char *d, Py_ssize_t n, const char *prefix, const char *suffix) {
  /* bytearray's repr (a prefix) escapes every single quote, as CPython's does. */
  bool escape_sq = prefix[0] != 0;
  bool sq = false, dq = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    if (d[i] == '\'') sq = true;
    if (d[i] == '"') dq = true;
  }
  char quote = (sq && !dq) ? '"' : '\'';
  size_t pl = strlen(prefix), sl = strlen(suffix);
  size_t cap = pl + sl + 4 + (size_t)n * 4;
  char *out = malloc(cap);
  if (!out) return wf_err_no_memory();
  size_t k = 0;
  memcpy(out, prefix, pl);
  k += pl;
  out[k++] = 'b';
  out[k++] = quote;
  static const char hexd[] = "0123456789abcdef";
  for (Py_ssize_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)d[i];
    if (c == (unsigned char)quote || c == '\\' || (escape_sq && c == '\'')) {
      out[k++] = '\\';
      out[k++] = (char)c;
    } else if (c == '\t') {
      out[k++] = '\\';
      out[k++] = 't';
    } else if (c == '\n') {
      out[k++] = '\\';
      out[k++] = 'n';
    } else if (c == '\r') {
      out[k++] = '\\';
      out[k++] = 'r';
    } else if (c < 32 || c >= 127) {
      out[k++] = '\\';
      out[k++] = 'x';
      out[k++] = hexd[c >> 4];
      out[k++] = hexd[c & 15];
    } else {
      out[k++] = (char)c;
    }
  }
  out[k++] = quote;
  memcpy(out + k, suffix, sl);
  k += sl;
  PyObject *r = wf_str_from_ascii(out, (Py_ssize_t)k);
  free(out);
  return r;
}

PyObject *wf_bytes_repr(PyObject *b) { return wf_bytes_repr_data(B(b)->ob_sval, WF_SIZE(b), "", ""); }

Py_hash_t wf_bytes_hash(PyObject *b) {
  Py_hash_t h = __atomic_load_n(&B(b)->ob_shash, __ATOMIC_RELAXED);
  if (h != -1) return h;
  h = wf_hash_bytes(B(b)->ob_sval, (size_t)WF_SIZE(b));
  __atomic_store_n(&B(b)->ob_shash, h, __ATOMIC_RELAXED);
  return h;
}

/* Compare two byte strings with op. */
PyObject *wf_bytes_compare_data(const char *a, Py_ssize_t na, const char *b, Py_ssize_t nb, int op) {
  if (op == Py_EQ || op == Py_NE) {
    bool eq = na == nb && (na == 0 || memcmp(a, b, (size_t)na) == 0);
    return wf_bool_from(op == Py_EQ ? eq : !eq);
  }
  Py_ssize_t m = na < nb ? na : nb;
  int c = m ? memcmp(a, b, (size_t)m) : 0;
  if (c == 0) c = na < nb ? -1 : na > nb ? 1 : 0;
  bool r;
  switch (op) {
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_GT: r = c > 0; break;
    default: r = c >= 0; break;
  }
  return wf_bool_from(r);
}

static PyObject *bytes_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_bytes_check(a) || !wf_bytes_check(b)) return WF_NOTIMPLEMENTED;
  if (a == b && (op == Py_EQ || op == Py_NE)) return wf_bool_from(op == Py_EQ);
  return wf_bytes_compare_data(B(a)->ob_sval, WF_SIZE(a), B(b)->ob_sval, WF_SIZE(b), op);
}

/* ---- Sequence ------------------------------------------------------------------------- */

static Py_ssize_t bytes_len(PyObject *self) { return WF_SIZE(self); }

PyObject *wf_bytes_concat(PyObject *a, PyObject *b) {
  const char *da, *db;
  Py_ssize_t na, nb;
  PyObject *ka = NULL, *kb = NULL;
  WF_GC_ROOT(ka);
  WF_GC_ROOT(kb);
  if (!wf_byteslike_check(a) || !wf_byteslike_check(b)) {
    PyObject *bad = wf_byteslike_check(a) ? b : a;
    return wf_err_format(&wf_TypeError_type, "can't concat %.100s to %.100s", WF_TYPE(bad)->tp_name, WF_TYPE(a)->tp_name);
  }
  if (wf_byteslike_view(a, &da, &na, &ka) < 0 || wf_byteslike_view(b, &db, &nb, &kb) < 0) return NULL;
  if (nb == 0 && wf_bytes_check_exact(a)) return a;
  if (na == 0 && wf_bytes_check_exact(b)) return b;
  if (na > WF_SSIZE_MAX - nb) return wf_err_no_memory();
  PyObject *r = bytes_alloc(na + nb);
  if (!r) return NULL;
  memcpy(B(r)->ob_sval, da, (size_t)na);
  memcpy(B(r)->ob_sval + na, db, (size_t)nb);
  return r;
}

static PyObject *bytes_repeat(PyObject *self, Py_ssize_t k) {
  Py_ssize_t n = WF_SIZE(self);
  if (k < 0) k = 0;
  if (k == 1 && wf_bytes_check_exact(self)) return self;
  if (n && k > WF_SSIZE_MAX / n) return wf_err_no_memory();
  if (n * k == 0) return (PyObject *)&empty_bytes;
  PyObject *r = bytes_alloc(n * k);
  if (!r) return NULL;
  char *o = B(r)->ob_sval;
  for (Py_ssize_t i = 0; i < k; i++) memcpy(o + i * n, B(self)->ob_sval, (size_t)n);
  return r;
}

static PyObject *bytes_item(PyObject *self, Py_ssize_t i) {
  if (i < 0 || i >= WF_SIZE(self)) return wf_err_set_string(&wf_IndexError_type, "index out of range");
  return wf_int_from_ssize((unsigned char)B(self)->ob_sval[i]);
}

/* A byte value from an int-like object for `in`, count, find...: 0..255, or
 * -1 with ValueError "byte must be in range(0, 256)". */
int wf_bytes_byte_value(PyObject *o) {
  Py_ssize_t v = wf_number_as_ssize_t(o, NULL);
  if (v == -1 && wf_err_occurred()) return -1;
  if (v < 0 || v > 255) {
    wf_err_set_string(&wf_ValueError_type, "byte must be in range(0, 256)");
    return -1;
  }
  return (int)v;
}

Py_ssize_t wf_bytes_find_data(const char *h, Py_ssize_t hn, const char *s, Py_ssize_t sn, Py_ssize_t start, Py_ssize_t end,
                              int dir);

int wf_bytes_contains_data(const char *d, Py_ssize_t n, PyObject *x) {
  if (wf_index_check(x)) {
    int v = wf_bytes_byte_value(x);
    if (v < 0) return -1;
    return n > 0 && memchr(d, v, (size_t)n) != NULL;
  }
  const char *s;
  Py_ssize_t sn;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  if (wf_byteslike_view(x, &s, &sn, &keep) < 0) return -1;
  return wf_bytes_find_data(d, n, s, sn, 0, n, 1) >= 0;
}

static int bytes_contains(PyObject *self, PyObject *x) {
  WF_GC_ROOT(self);
  return wf_bytes_contains_data(B(self)->ob_sval, WF_SIZE(self), x);
}

static PyObject *bytes_subscript(PyObject *self, PyObject *key) {
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += WF_SIZE(self);
    return bytes_item(self, i);
  }
  if (wf_slice_check(key)) {
    Py_ssize_t start, stop, step;
    WF_GC_ROOT(self);
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    Py_ssize_t n = wf_slice_adjust(WF_SIZE(self), &start, &stop, step);
    if (n <= 0) return (PyObject *)&empty_bytes;
    if (step == 1) {
      if (n == WF_SIZE(self) && wf_bytes_check_exact(self)) return self;
      return wf_bytes_from_data(B(self)->ob_sval + start, n);
    }
    PyObject *r = bytes_alloc(n);
    if (!r) return NULL;
    for (Py_ssize_t i = 0, j = start; i < n; i++, j += step) B(r)->ob_sval[i] = B(self)->ob_sval[j];
    if (n == 1) return wf_bytes_from_data(B(r)->ob_sval, 1);
    return r;
  }
  return wf_err_format(&wf_TypeError_type, "byte indices must be integers or slices, not %.200s", WF_TYPE(key)->tp_name);
}

/* ---- Construction ---------------------------------------------------------------------- */

/* Collect an iterable of ints 0..255 into a malloc'd buffer. */
int wf_bytes_collect_ints(PyObject *iterable, char **out, Py_ssize_t *np) {
  WF_GC_ROOT(iterable);
  *out = NULL;
  *np = 0;
  PyObject *it = wf_object_getiter(iterable);
  if (!it) return -1;
  WF_GC_ROOT(it);
  Py_ssize_t n = 0, cap = 16;
  char *buf = malloc((size_t)cap);
  if (!buf) {
    wf_err_no_memory();
    return -1;
  }
  for (;;) {
    PyObject *v = wf_iter_next(it);
    if (!v) {
      if (wf_err_occurred()) goto fail;
      break;
    }
    if (!wf_index_check(v)) {
      wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(v)->tp_name);
      goto fail;
    }
    Py_ssize_t x = wf_number_as_ssize_t(v, NULL);
    if (x == -1 && wf_err_occurred()) goto fail;
    if (x < 0 || x > 255) {
      wf_err_set_string(&wf_ValueError_type, "bytes must be in range(0, 256)");
      goto fail;
    }
    if (n == cap) {
      cap *= 2;
      char *nb = realloc(buf, (size_t)cap);
      if (!nb) {
        wf_err_no_memory();
        goto fail;
      }
      buf = nb;
    }
    buf[n++] = (char)x;
  }
  *out = buf;
  *np = n;
  return 0;
fail:
  free(buf);
  return -1;
}

PyObject *wf_bytes_from_object(PyObject *o) {
  WF_GC_ROOT(o);
  if (wf_bytes_check_exact(o)) return o;
  if (wf_byteslike_check(o)) {
    const char *d;
    Py_ssize_t n;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(o, &d, &n, &keep) < 0) return NULL;
    return wf_bytes_from_data(d, n);
  }
  if (wf_str_check(o)) return wf_err_set_string(&wf_TypeError_type, "cannot convert 'str' object to bytes");
  if (wf_list_check(o) || wf_tuple_check(o) || WF_TYPE(o)->tp_iter) {
    char *buf;
    Py_ssize_t n;
    if (!WF_TYPE(o)->tp_iter && !wf_list_check(o) && !wf_tuple_check(o)) goto bad;
    if (wf_bytes_collect_ints(o, &buf, &n) < 0) return NULL;
    PyObject *r = wf_bytes_from_data(buf, n);
    free(buf);
    return r;
  }
bad:
  return wf_err_format(&wf_TypeError_type, "cannot convert '%.200s' object to bytes", WF_TYPE(o)->tp_name);
}

PyObject *wf_bytes_decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors) {
  return wf_str_decode(s, n, encoding, errors);
}

static PyObject *bytes_subtype_new(PyTypeObject *type, PyObject *b) {
  if (type == &wf_bytes_type) return b;
  WF_GC_ROOT(b);
  Py_ssize_t n = WF_SIZE(b);
  PyBytesObject *r = (PyBytesObject *)wf_type_generic_alloc(type, n + 1);
  if (!r) return NULL;
  r->ob_base.ob_size = n;
  r->ob_shash = -1;
  memcpy(r->ob_sval, B(b)->ob_sval, (size_t)n);
  return (PyObject *)r;
}

static PyObject *bytes_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"source", "encoding", "errors", NULL};
  Py_ssize_t nargs = WF_SIZE(args);
  PyObject *kwv[3] = {NULL, NULL, NULL};
  /* Flatten into the vectorcall form for wf_arg_unpack. */
  Py_ssize_t nk = kwds ? wf_dict_size(kwds) : 0;
  PyObject *flat[8];
  PyObject *kwnames = NULL;
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwds);
  WF_GC_ROOT(kwnames);
  if (nargs > 3) return wf_err_format(&wf_TypeError_type, "bytes() takes at most 3 arguments (%zd given)", nargs + nk);
  if (nargs + nk > 3) return wf_err_format(&wf_TypeError_type, "bytes() takes at most 3 arguments (%zd given)", nargs + nk);
  for (Py_ssize_t i = 0; i < nargs; i++) flat[i] = WF_TUPLE_GET(args, i);
  if (nk) {
    kwnames = wf_tuple_new(nk);
    Py_ssize_t pos = 0, i = 0;
    PyObject *k, *v;
    while (wf_dict_next(kwds, &pos, &k, &v)) {
      WF_TUPLE_INIT(kwnames, i, k);
      flat[nargs + i] = v;
      i++;
    }
  }
  if (wf_arg_unpack("bytes", flat, nargs, kwnames, names, 0, kwv) < 0) return NULL;
  PyObject *x = kwv[0], *enc = kwv[1], *err = kwv[2];
  WF_GC_ROOT(x);
  PyObject *r = NULL;
  WF_GC_ROOT(r);
  if (!x) {
    if (enc || err) return wf_err_set_string(&wf_TypeError_type, enc ? "encoding without a string argument" : "errors without a string argument");
    return bytes_subtype_new(type, (PyObject *)&empty_bytes);
  }
  if (enc || err) {
    if (!wf_str_check(x)) return wf_err_set_string(&wf_TypeError_type, enc ? "encoding without a string argument" : "errors without a string argument");
    const char *e = NULL, *er = NULL;
    if (enc) {
      if (!wf_str_check(enc)) return wf_err_format(&wf_TypeError_type, "bytes() argument 'encoding' must be str, not %.50s", WF_TYPE(enc)->tp_name);
      if (!(e = wf_str_as_utf8(enc, NULL))) return NULL;
    }
    if (err) {
      if (!wf_str_check(err)) return wf_err_format(&wf_TypeError_type, "bytes() argument 'errors' must be str, not %.50s", WF_TYPE(err)->tp_name);
      if (!(er = wf_str_as_utf8(err, NULL))) return NULL;
    }
    if (!enc) return wf_err_set_string(&wf_TypeError_type, "string argument without an encoding");
    r = wf_str_encode(x, e, er);
    if (!r) return NULL;
    return bytes_subtype_new(type, r);
  }
  if (wf_str_check(x)) return wf_err_set_string(&wf_TypeError_type, "string argument without an encoding");
  /* __bytes__ */
  if (!wf_bytes_check_exact(x) && wf_type_lookup(WF_TYPE(x), WF_ID(__bytes__))) {
    r = wf_call_method(x, WF_ID(__bytes__), NULL, 0);
    if (!r) return NULL;
    if (!wf_bytes_check(r))
      return wf_err_format(&wf_TypeError_type, "__bytes__ returned non-bytes (type %.200s)", WF_TYPE(r)->tp_name);
    return bytes_subtype_new(type, r);
  }
  if (wf_index_check(x)) {
    Py_ssize_t n = wf_number_as_ssize_t(x, &wf_OverflowError_type);
    if (n == -1 && wf_err_occurred()) return NULL;
    if (n < 0) return wf_err_set_string(&wf_ValueError_type, "negative count");
    r = bytes_alloc(n);
    if (!r) return NULL;
    return bytes_subtype_new(type, r);
  }
  if (!wf_byteslike_check(x) && !WF_TYPE(x)->tp_iter && !(WF_TYPE(x)->tp_as_sequence && WF_TYPE(x)->tp_as_sequence->sq_item))
    return wf_err_format(&wf_TypeError_type, "cannot convert '%.200s' object to bytes", WF_TYPE(x)->tp_name);
  if (!wf_byteslike_check(x)) {
    char *buf;
    Py_ssize_t n;
    if (wf_bytes_collect_ints(x, &buf, &n) < 0) return NULL;
    r = wf_bytes_from_data(buf, n);
    free(buf);
  } else {
    r = wf_bytes_from_object(x);
  }
  if (!r) return NULL;
  return bytes_subtype_new(type, r);
}

/* ---- Iterator -------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  PyObject *seq;
  Py_ssize_t index;
  wf_lock lock;
} bytesiter;

static void bytesiter_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, __atomic_load_n(&((bytesiter *)obj)->seq, __ATOMIC_RELAXED)); }

static PyObject *bytes_iter(PyObject *self) {
  bytesiter *it = (bytesiter *)wf_object_alloc(&wf_bytes_iter_type, sizeof(bytesiter));
  WF_GC_STORE(&it->seq, self);
  return (PyObject *)it;
}

static PyObject *bytesiter_next(PyObject *self) {
  bytesiter *it = (bytesiter *)self;
  int v = -1;
  wf_lock_acquire(&it->lock);
  PyObject *s = it->seq;
  if (s) {
    if (it->index < WF_SIZE(s))
      v = (unsigned char)B(s)->ob_sval[it->index++];
    else
      WF_GC_STORE(&it->seq, NULL);
  }
  wf_lock_release(&it->lock);
  return v < 0 ? NULL : wf_int_from_ssize(v);
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *bytesiter_len(PyObject *self, PyObject *unused) {
  bytesiter *it = (bytesiter *)self;
  PyObject *s = WF_GC_LOAD(&it->seq);
  return wf_int_from_ssize(s ? WF_SIZE(s) - it->index : 0);
}

static PyObject *bytesiter_reduce(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "pickling bytes iterators (__reduce__) is not implemented");
}

static PyMethodDef bytesiter_methods[] = {
    {"__length_hint__", (PyCFunction)bytesiter_len, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)bytesiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_bytes_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytesiter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = iter_self,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
    .wf = {.trace = bytesiter_trace},
};

/* ---- Buffer protocol ---------------------------------------------------------------------- */

static int bytes_getbuffer(PyObject *self, Py_buffer *view, int flags) {
  view->buf = B(self)->ob_sval;
  view->obj = self;
  view->len = WF_SIZE(self);
  view->itemsize = 1;
  view->readonly = 1;
  view->ndim = 1;
  view->format = "B";
  view->shape = NULL;
  view->strides = NULL;
  view->suboffsets = NULL;
  view->internal = NULL;
  return 0;
}

static PyBufferProcs bytes_as_buffer = {.bf_getbuffer = bytes_getbuffer};

/* ---- Methods only bytes has ---------------------------------------------------------------- */

static PyObject *m_getnewargs(PyObject *self, PyObject *unused) {
  PyObject *c = wf_bytes_from_data(B(self)->ob_sval, WF_SIZE(self));
  return wf_tuple_pack(1, c);
}

static PyObject *m_bytes(PyObject *self, PyObject *unused) {
  if (wf_bytes_check_exact(self)) return self;
  return wf_bytes_from_data(B(self)->ob_sval, WF_SIZE(self));
}

extern PyMethodDef wf_bytes_shared_methods[];
PyObject *wf_bytes_mod(PyObject *self, PyObject *args);

static PyMethodDef bytes_own_methods[] = {
    {"__getnewargs__", (PyCFunction)m_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", (PyCFunction)m_bytes, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* tp_methods: the shared table plus bytes' own, concatenated at start-up. */
static PyMethodDef bytes_methods[64];

__attribute__((constructor)) static void init_bytes_methods(void) {
  int k = 0;
  for (PyMethodDef *m = bytes_own_methods; m->ml_name; m++) bytes_methods[k++] = *m;
  for (PyMethodDef *m = wf_bytes_shared_methods; m->ml_name && k < 63; m++) bytes_methods[k++] = *m;
  bytes_methods[k] = (PyMethodDef){NULL, NULL, 0, NULL};
}

static PyObject *bytes_nb_mod(PyObject *a, PyObject *b) {
  if (!wf_bytes_check(a)) return WF_NOTIMPLEMENTED;
  return wf_bytes_mod(a, b);
}

static PyNumberMethods bytes_as_number = {.nb_remainder = bytes_nb_mod};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_len,
    .sq_concat = wf_bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_len,
    .mp_subscript = bytes_subscript,
};

static Py_hash_t bytes_hash_slot(PyObject *self) { return wf_bytes_hash(self); }
static PyObject *bytes_repr_slot(PyObject *self) { return wf_bytes_repr(self); }

PyTypeObject wf_bytes_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "bytes",
    .tp_basicsize = BYTES_HEADER + 1,
    .tp_itemsize = 1,
    .tp_repr = bytes_repr_slot,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash_slot,
    .tp_str = bytes_repr_slot,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n"
              "  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n"
              "  - any object implementing the buffer API.\n  - an integer",
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_tp_new,
};
