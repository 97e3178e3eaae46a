/* memoryview: see memoryview.h. */
#include "memoryview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_hash.h"

#define MV(o) ((wf_memoryview *)(o))

void wf_bytearray_lock_(PyObject *o);
void wf_bytearray_unlock_(PyObject *o);
PyObject *wf_bytes_hex_data(const char *d, Py_ssize_t n, PyObject *sepo, PyObject *bpso);

static void mv_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, __atomic_load_n(&MV(obj)->obj, __ATOMIC_RELAXED)); }

static Py_ssize_t fmt_size(char f) {
  switch (f) {
    case 'B': case 'b': case 'c': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
  }
  return 0;
}

static bool is_bytearray(PyObject *o) { return wf_bytearray_check(o); }

static char *base_ptr(PyObject *o) {
  return is_bytearray(o) ? ((PyByteArrayObject *)o)->ob_bytes : wf_bytes_data(o);
}

static PyObject *released_error(void) {
  return wf_err_set_string(&wf_ValueError_type, "operation forbidden on released memoryview object");
}

#define CHECK_RELEASED(m, ret)  \
  if (!WF_GC_LOAD(&(m)->obj)) { \
    released_error();           \
    return ret;                 \
  }

static wf_memoryview *make_view(PyObject *exporter, Py_ssize_t start, Py_ssize_t len, Py_ssize_t stride, char fmt, bool ro) {
  if (is_bytearray(exporter)) {
    Py_buffer b;
    wf_bytearray_type.tp_as_buffer->bf_getbuffer(exporter, &b, 0);
  }
  wf_memoryview *m = (wf_memoryview *)wf_object_alloc(&wf_memoryview_type, sizeof(wf_memoryview));
  WF_GC_STORE(&m->obj, exporter);
  m->start = start;
  m->len = len;
  m->stride = stride;
  m->fmt = fmt;
  m->itemsize = fmt_size(fmt);
  m->readonly = ro;
  m->hash = -1;
  return m;
}

PyObject *wf_memoryview_new(PyObject *o) {
  if (wf_memoryview_check(o)) {
    wf_memoryview *src = MV(o);
    CHECK_RELEASED(src, NULL);
    return (PyObject *)make_view(src->obj, src->start, src->len, src->stride, src->fmt, src->readonly);
  }
  if (wf_bytes_check(o)) return (PyObject *)make_view(o, 0, wf_bytes_size(o), 1, 'B', true);
  if (is_bytearray(o)) return (PyObject *)make_view(o, 0, wf_bytearray_size(o), 1, 'B', false);
  return wf_err_format(&wf_TypeError_type, "memoryview: a bytes-like object is required, not '%.200s'", WF_TYPE(o)->tp_name);
}

/* The bytes of a contiguous-or-strided view, copied (malloc'd). */
static char *copy_bytes(wf_memoryview *m, Py_ssize_t *nbytes) {
  PyObject *o = m->obj;
  Py_ssize_t n = m->len * m->itemsize;
  char *out = malloc((size_t)n + 1);
  if (!out) {
    wf_err_no_memory();
    return NULL;
  }
  bool ba = is_bytearray(o);
  if (ba) wf_bytearray_lock_(o);
  char *p = base_ptr(o) + m->start;
  for (Py_ssize_t i = 0; i < m->len; i++) memcpy(out + i * m->itemsize, p + i * m->stride, (size_t)m->itemsize);
  if (ba) wf_bytearray_unlock_(o);
  *nbytes = n;
  return out;
}

int wf_memoryview_view_(PyObject *o, const char **data, Py_ssize_t *n, PyObject **keep) {
  wf_memoryview *m = MV(o);
  CHECK_RELEASED(m, -1);
  Py_ssize_t nb;
  char *c = copy_bytes(m, &nb);
  if (!c) return -1;
  PyObject *b = wf_bytes_from_data(c, nb);
  free(c);
  *keep = b;
  *data = wf_bytes_data(b);
  *n = nb;
  return 0;
}

static PyObject *unpack(char fmt, const char *p) {
  switch (fmt) {
    case 'B': return wf_int_from_ssize(*(const uint8_t *)p);
    case 'b': return wf_int_from_ssize(*(const int8_t *)p);
    case 'c': return wf_bytes_from_data(p, 1);
    case '?': return wf_bool_from(*p != 0);
    case 'h': { int16_t v; memcpy(&v, p, 2); return wf_int_from_ssize(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return wf_int_from_ssize(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return wf_int_from_ssize(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return wf_int_from_ssize(v); }
    case 'l': case 'q': case 'n': { int64_t v; memcpy(&v, p, 8); return wf_int_from_int64(v); }
    case 'L': case 'Q': case 'N': case 'P': { uint64_t v; memcpy(&v, p, 8); return wf_int_from_uint64(v); }
    case 'f': { float v; memcpy(&v, p, 4); return wf_float_from_double(v); }
    case 'd': { double v; memcpy(&v, p, 8); return wf_float_from_double(v); }
  }
  return wf_err_format(&wf_NotImplementedError_type, "memoryview: format %c not supported", fmt);
}

/* Encode v for fmt into out (itemsize bytes). */
static int pack(char fmt, PyObject *v, char *out) {
  char fs[2] = {fmt, 0};
  if (fmt == 'c') {
    if (!wf_bytes_check(v) || wf_bytes_size(v) != 1) {
      wf_err_format(&wf_TypeError_type, "memoryview: invalid type for format '%s'", fs);
      return -1;
    }
    out[0] = wf_bytes_data(v)[0];
    return 0;
  }
  if (fmt == 'f' || fmt == 'd') {
    double d = wf_float_as_double(v);
    if (d == -1.0 && wf_err_occurred()) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "memoryview: invalid type for format '%s'", fs);
      return -1;
    }
    if (fmt == 'f') {
      float f = (float)d;
      memcpy(out, &f, 4);
    } else {
      memcpy(out, &d, 8);
    }
    return 0;
  }
  if (fmt == '?') {
    int t = wf_object_is_true(v);
    if (t < 0) return -1;
    out[0] = (char)t;
    return 0;
  }
  if (!wf_index_check(v)) {
    wf_err_format(&wf_TypeError_type, "memoryview: invalid type for format '%s'", fs);
    return -1;
  }
  PyObject *iv = wf_number_index(v);
  if (!iv) return -1;
  WF_GC_ROOT(iv);
  int64_t x;
  bool ok = wf_int_as_int64(iv, &x) == 0;
  bool uns = fmt == 'B' || fmt == 'H' || fmt == 'I' || fmt == 'L' || fmt == 'Q' || fmt == 'N' || fmt == 'P';
  if (!ok && uns && (fmt == 'L' || fmt == 'Q' || fmt == 'N' || fmt == 'P')) {
    wf_err_clear();
    double d = wf_int_as_double(iv);
    ok = !wf_err_occurred() && d >= 0 && d < 18446744073709551616.0;
    if (ok) {
      /* exact: compare via uint64 round trip */
      PyObject *h = wf_number_binop(iv, wf_int_from_int64(32), WF_BINOP_RSHIFT);
      int64_t hi = 0, lo = 0;
      PyObject *l = h ? wf_number_binop(iv, wf_int_from_int64(0xffffffff), WF_BINOP_AND) : NULL;
      if (!l || wf_int_as_int64(h, &hi) < 0 || wf_int_as_int64(l, &lo) < 0) return -1;
      uint64_t u = ((uint64_t)hi << 32) | (uint64_t)lo;
      memcpy(out, &u, 8);
      return 0;
    }
  }
  if (!ok) wf_err_clear();
  Py_ssize_t size = fmt_size(fmt);
  int64_t lo, hi;
  if (uns) {
    lo = 0;
    hi = size == 8 ? INT64_MAX : (int64_t)((1ULL << (size * 8)) - 1);
  } else {
    lo = size == 8 ? INT64_MIN : -(int64_t)(1ULL << (size * 8 - 1));
    hi = size == 8 ? INT64_MAX : (int64_t)((1ULL << (size * 8 - 1)) - 1);
  }
  if (!ok || x < lo || x > hi) {
    wf_err_format(&wf_ValueError_type, "memoryview: invalid value for format '%s'", fs);
    return -1;
  }
  switch (size) {
    case 1: { int8_t v8 = (int8_t)x; memcpy(out, &v8, 1); break; }
    case 2: { int16_t v16 = (int16_t)x; memcpy(out, &v16, 2); break; }
    case 4: { int32_t v32 = (int32_t)x; memcpy(out, &v32, 4); break; }
    default: memcpy(out, &x, 8); break;
  }
  return 0;
}

static PyObject *item_at(wf_memoryview *m, Py_ssize_t i) {
  char buf[8];
  PyObject *o = m->obj;
  bool ba = is_bytearray(o);
  if (ba) wf_bytearray_lock_(o);
  memcpy(buf, base_ptr(o) + m->start + i * m->stride, (size_t)m->itemsize);
  if (ba) wf_bytearray_unlock_(o);
  return unpack(m->fmt, buf);
}

/* ---- Slots ------------------------------------------------------------------------------ */

static Py_ssize_t mv_len(PyObject *self) {
  CHECK_RELEASED(MV(self), -1);
  return MV(self)->len;
}

static PyObject *mv_subscript(PyObject *self, PyObject *key) {
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, NULL);
  if (wf_index_check(key)) {
    WF_GC_ROOT(m);
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += m->len;
    if (i < 0 || i >= m->len) return wf_err_set_string(&wf_IndexError_type, "index out of bounds on dimension 1");
    return item_at(m, i);
  }
  if (wf_slice_check(key)) {
    WF_GC_ROOT(m);
    Py_ssize_t start, stop, step;
    if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    Py_ssize_t n = wf_slice_adjust(m->len, &start, &stop, step);
    return (PyObject *)make_view(m->obj, m->start + start * m->stride, n, m->stride * step, m->fmt, m->readonly);
  }
  if (key == WF_ELLIPSIS) return self;
  if (wf_tuple_check(key)) return wf_err_set_string(&wf_NotImplementedError_type, "multi-dimensional sub-views are not implemented");
  return wf_err_set_string(&wf_TypeError_type, "memoryview: invalid slice key");
}

static int mv_ass_subscript(PyObject *self, PyObject *key, PyObject *value) {
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, -1);
  if (m->readonly) {
    wf_err_set_string(&wf_TypeError_type, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    wf_err_set_string(&wf_TypeError_type, "cannot delete memory");
    return -1;
  }
  WF_GC_ROOT(m);
  WF_GC_ROOT(value);
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return -1;
    if (i < 0) i += m->len;
    if (i < 0 || i >= m->len) {
      wf_err_set_string(&wf_IndexError_type, "index out of bounds on dimension 1");
      return -1;
    }
    char buf[8];
    if (pack(m->fmt, value, buf) < 0) return -1;
    wf_bytearray_lock_(m->obj);
    memcpy(base_ptr(m->obj) + m->start + i * m->stride, buf, (size_t)m->itemsize);
    wf_bytearray_unlock_(m->obj);
    return 0;
  }
  if (!wf_slice_check(key)) {
    wf_err_set_string(&wf_TypeError_type, "memoryview: invalid slice key");
    return -1;
  }
  Py_ssize_t start, stop, step;
  if (wf_slice_unpack(key, &start, &stop, &step) < 0) return -1;
  Py_ssize_t n = wf_slice_adjust(m->len, &start, &stop, step);
  const char *d;
  Py_ssize_t nb;
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  if (wf_byteslike_view(value, &d, &nb, &keep) < 0) return -1;
  if (nb != n * m->itemsize) {
    wf_err_set_string(&wf_ValueError_type, "memoryview assignment: lvalue and rvalue have different structures");
    return -1;
  }
  wf_bytearray_lock_(m->obj);
  char *p = base_ptr(m->obj) + m->start;
  for (Py_ssize_t i = 0; i < n; i++) memcpy(p + (start + i * step) * m->stride, d + i * m->itemsize, (size_t)m->itemsize);
  wf_bytearray_unlock_(m->obj);
  return 0;
}

static PyObject *mv_repr(PyObject *self) {
  if (!WF_GC_LOAD(&MV(self)->obj)) return wf_str_from_format("<released memory at %p>", self);
  return wf_str_from_format("<memory at %p>", self);
}

static Py_hash_t mv_hash(PyObject *self) {
  wf_memoryview *m = MV(self);
  if (m->hash != -1) return m->hash;
  CHECK_RELEASED(m, -1);
  if (!m->readonly) {
    wf_err_set_string(&wf_ValueError_type, "cannot hash writable memoryview object");
    return -1;
  }
  if (m->fmt != 'B' && m->fmt != 'b' && m->fmt != 'c') {
    wf_err_set_string(&wf_ValueError_type, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  Py_ssize_t nb;
  char *c = copy_bytes(m, &nb);
  if (!c) return -1;
  Py_hash_t h = wf_hash_bytes(c, (size_t)nb);
  free(c);
  m->hash = h;
  return h;
}

static PyObject *m_tolist(PyObject *self, PyObject *u) {
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, NULL);
  WF_GC_ROOT(m);
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  for (Py_ssize_t i = 0; i < m->len; i++) {
    PyObject *v = item_at(m, i);
    if (!v) return NULL;
    wf_list_append(l, v);
  }
  return l;
}

static void do_release(wf_memoryview *m);

static PyObject *mv_richcompare(PyObject *a, PyObject *b, int op) {
  if (op != Py_EQ && op != Py_NE) return WF_NOTIMPLEMENTED;
  if (!wf_memoryview_check(a)) {
    PyObject *t = a;
    a = b;
    b = t;
  }
  wf_memoryview *m = MV(a);
  if (a == b) return wf_bool_from(op == Py_EQ);
  if (!WF_GC_LOAD(&m->obj) || (wf_memoryview_check(b) && !WF_GC_LOAD(&MV(b)->obj))) return wf_bool_from(op == Py_NE);
  if (!wf_byteslike_check(b)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  PyObject *la = m_tolist(a, NULL);
  if (!la) return NULL;
  WF_GC_ROOT(la);
  PyObject *lb = NULL;
  WF_GC_ROOT(lb);
  if (wf_memoryview_check(b)) {
    lb = m_tolist(b, NULL);
  } else {
    PyObject *mv = wf_memoryview_new(b);
    if (!mv) return NULL;
    WF_GC_ROOT(mv);
    lb = m_tolist(mv, NULL);
    do_release(MV(mv)); /* temporary view: drop its export */
  }
  if (!lb) return NULL;
  return wf_object_richcompare(la, lb, op);
}

/* ---- Methods ------------------------------------------------------------------------------ */

static PyObject *m_tobytes(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"order", NULL};
  PyObject *a[1] = {NULL};
  if (wf_arg_unpack("tobytes", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, NULL);
  Py_ssize_t nb;
  char *c = copy_bytes(m, &nb);
  if (!c) return NULL;
  PyObject *r = wf_bytes_from_data(c, nb);
  free(c);
  return r;
}

static PyObject *m_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"sep", "bytes_per_sep", NULL};
  PyObject *a[2] = {NULL, NULL};
  if (wf_arg_unpack("hex", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, NULL);
  Py_ssize_t nb;
  char *c = copy_bytes(m, &nb);
  if (!c) return NULL;
  PyObject *r = wf_bytes_hex_data(c, nb, a[0], a[1]);
  free(c);
  return r;
}

static void do_release(wf_memoryview *m) {
  wf_lock_acquire(&m->lock);
  PyObject *o = m->obj;
  if (o) {
    WF_GC_STORE(&m->obj, NULL);
    if (is_bytearray(o)) wf_bytearray_type.tp_as_buffer->bf_releasebuffer(o, NULL);
  }
  wf_lock_release(&m->lock);
}

static PyObject *m_release(PyObject *self, PyObject *u) {
  do_release(MV(self));
  return WF_NONE;
}

static PyObject *m_enter(PyObject *self, PyObject *u) {
  CHECK_RELEASED(MV(self), NULL);
  return self;
}

static PyObject *m_exit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  do_release(MV(self));
  return WF_NONE;
}

static PyObject *m_toreadonly(PyObject *self, PyObject *u) {
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, NULL);
  return (PyObject *)make_view(m->obj, m->start, m->len, m->stride, m->fmt, true);
}

static PyObject *m_cast(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"format", "shape", NULL};
  PyObject *a[2] = {NULL, NULL};
  if (wf_arg_unpack("cast", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  wf_memoryview *m = MV(self);
  CHECK_RELEASED(m, NULL);
  if (a[1]) return wf_err_set_string(&wf_NotImplementedError_type, "memoryview.cast with a shape (multi-dimensional views) is not implemented");
  if (!wf_str_check(a[0])) return wf_err_set_string(&wf_TypeError_type, "memoryview: format argument must be a string");
  Py_ssize_t fl = wf_str_length(a[0]);
  uint32_t f = fl == 1 ? wf_str_read_char(a[0], 0) : (fl == 2 && wf_str_read_char(a[0], 0) == '@') ? wf_str_read_char(a[0], 1) : 0;
  if (f > 127 || fmt_size((char)f) == 0)
    return wf_err_set_string(&wf_ValueError_type, "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  bool src_byte = m->fmt == 'B' || m->fmt == 'b' || m->fmt == 'c';
  bool dst_byte = f == 'B' || f == 'b' || f == 'c';
  if (!src_byte && !dst_byte) return wf_err_set_string(&wf_TypeError_type, "memoryview: cannot cast between two non-byte formats");
  if (m->stride != m->itemsize) return wf_err_set_string(&wf_TypeError_type, "memoryview: casts are restricted to C-contiguous views");
  Py_ssize_t nbytes = m->len * m->itemsize, isz = fmt_size((char)f);
  if (nbytes % isz) return wf_err_set_string(&wf_TypeError_type, "memoryview: length is not a multiple of itemsize");
  return (PyObject *)make_view(m->obj, m->start, nbytes / isz, isz, (char)f, m->readonly);
}

/* ---- Getters -------------------------------------------------------------------------------- */

static PyObject *g_obj(PyObject *self, void *c) {
  PyObject *o = WF_GC_LOAD(&MV(self)->obj);
  return o ? o : released_error();
}
static PyObject *g_nbytes(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_int_from_ssize(MV(self)->len * MV(self)->itemsize);
}
static PyObject *g_readonly(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_bool_from(MV(self)->readonly);
}
static PyObject *g_itemsize(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_int_from_ssize(MV(self)->itemsize);
}
static PyObject *g_format(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  char f[2] = {MV(self)->fmt, 0};
  return wf_str_from_cstr(f);
}
static PyObject *g_ndim(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_int_from_ssize(1);
}
static PyObject *g_shape(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_tuple_pack(1, wf_int_from_ssize(MV(self)->len));
}
static PyObject *g_strides(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_tuple_pack(1, wf_int_from_ssize(MV(self)->stride));
}
static PyObject *g_suboffsets(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_tuple_new(0);
}
static PyObject *g_released(PyObject *self, void *c) { return wf_bool_from(WF_GC_LOAD(&MV(self)->obj) == NULL); }
static PyObject *g_contig(PyObject *self, void *c) {
  CHECK_RELEASED(MV(self), NULL);
  return wf_bool_from(MV(self)->stride == MV(self)->itemsize || MV(self)->len <= 1);
}

static PyGetSetDef mv_getset[] = {
    {"obj", g_obj, NULL, NULL, NULL},
    {"nbytes", g_nbytes, NULL, NULL, NULL},
    {"readonly", g_readonly, NULL, NULL, NULL},
    {"itemsize", g_itemsize, NULL, NULL, NULL},
    {"format", g_format, NULL, NULL, NULL},
    {"ndim", g_ndim, NULL, NULL, NULL},
    {"shape", g_shape, NULL, NULL, NULL},
    {"strides", g_strides, NULL, NULL, NULL},
    {"suboffsets", g_suboffsets, NULL, NULL, NULL},
    {"released", g_released, NULL, NULL, NULL},
    {"c_contiguous", g_contig, NULL, NULL, NULL},
    {"f_contiguous", g_contig, NULL, NULL, NULL},
    {"contiguous", g_contig, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define FAST (PyCFunction)(void (*)(void))

static PyMethodDef mv_methods[] = {
    {"release", (PyCFunction)m_release, METH_NOARGS, NULL},
    {"tobytes", FAST m_tobytes, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"hex", FAST m_hex, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"tolist", (PyCFunction)m_tolist, METH_NOARGS, NULL},
    {"cast", FAST m_cast, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"toreadonly", (PyCFunction)m_toreadonly, METH_NOARGS, NULL},
    {"__enter__", (PyCFunction)m_enter, METH_NOARGS, NULL},
    {"__exit__", FAST m_exit, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *mv_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"object", NULL};
  PyObject *a[1] = {NULL};
  Py_ssize_t nargs = WF_SIZE(args);
  if (kwds && wf_dict_size(kwds) > 0) {
    PyObject *v = wf_dict_getitem_cstr(kwds, "object");
    if (!v || wf_dict_size(kwds) > 1 || nargs > 0)
      return wf_err_set_string(&wf_TypeError_type, "memoryview() got an unexpected keyword argument");
    return wf_memoryview_new(v);
  }
  if (wf_arg_unpack("memoryview", &WF_TUPLE_GET(args, 0), nargs, NULL, names, 1, a) < 0) return NULL;
  return wf_memoryview_new(a[0]);
}

/* ---- Iterator ------------------------------------------------------------------------------------ */

typedef struct {
  PyObject ob_base;
  PyObject *view;
  Py_ssize_t index;
  wf_lock lock;
} mviter;

static void mviter_trace(void *obj, wf_gc_tracer *t) { wf_gc_visit(t, __atomic_load_n(&((mviter *)obj)->view, __ATOMIC_RELAXED)); }

static PyObject *mv_iter(PyObject *self) {
  CHECK_RELEASED(MV(self), NULL);
  mviter *it = (mviter *)wf_object_alloc(&wf_memoryview_iter_type, sizeof(mviter));
  WF_GC_STORE(&it->view, self);
  return (PyObject *)it;
}

static PyObject *mviter_next(PyObject *self) {
  mviter *it = (mviter *)self;
  WF_GC_ROOT(it);
  wf_lock_acquire(&it->lock);
  PyObject *v = it->view;
  Py_ssize_t i = -1;
  if (v) {
    if (!WF_GC_LOAD(&MV(v)->obj)) {
      wf_lock_release(&it->lock);
      return released_error();
    }
    if (it->index < MV(v)->len)
      i = it->index++;
    else
      WF_GC_STORE(&it->view, NULL);
  }
  wf_lock_release(&it->lock);
  if (i < 0) return NULL;
  return item_at(MV(v), i);
}

static PyObject *iter_self(PyObject *self) { return self; }

PyTypeObject wf_memoryview_iter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(mviter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_iter = iter_self,
    .tp_iternext = mviter_next,
    .wf = {.trace = mviter_trace},
};

static PySequenceMethods mv_as_sequence = {.sq_length = mv_len};
static PyMappingMethods mv_as_mapping = {.mp_length = mv_len, .mp_subscript = mv_subscript, .mp_ass_subscript = mv_ass_subscript};

PyTypeObject wf_memoryview_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(wf_memoryview),
    .tp_repr = mv_repr,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_hash = mv_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_richcompare = mv_richcompare,
    .tp_iter = mv_iter,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
    .tp_new = mv_tp_new,
    .wf = {.trace = mv_trace},
};
