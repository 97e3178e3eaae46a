/* slice: the object and the index arithmetic of sequences (slice.h). */
#include "slice.h"

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define S(o) ((PySliceObject *)(o))

PyObject *wf_slice_new(PyObject *start, PyObject *stop, PyObject *step) {
  PySliceObject *s = (PySliceObject *)wf_object_alloc(&wf_slice_type, sizeof(PySliceObject));
  WF_GC_STORE(&s->start, start ? start : WF_NONE);
  WF_GC_STORE(&s->stop, stop ? stop : WF_NONE);
  WF_GC_STORE(&s->step, step ? step : WF_NONE);
  return (PyObject *)s;
}

int wf_slice_index(PyObject *v, Py_ssize_t *pi) {
  if (v == WF_NONE) return 0;
  int64_t small;
  if (wf_int_check_exact(v) && wf_int_small_value(v, &small)) { /* the usual case, no clamping needed */
    *pi = (Py_ssize_t)small;
    return 0;
  }
  if (!wf_index_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  Py_ssize_t x = wf_number_as_ssize_t(v, NULL);
  if (x == -1 && wf_err_occurred()) return -1;
  *pi = x;
  return 0;
}

int wf_slice_unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step) {
  PySliceObject *s = S(slice);
  WF_GC_ROOT(s);
  if (s->step == WF_NONE) {
    *step = 1;
  } else {
    if (wf_slice_index(s->step, step) < 0) return -1;
    if (*step == 0) {
      wf_err_set_string(&wf_ValueError_type, "slice step cannot be zero");
      return -1;
    }
    if (*step < -WF_SSIZE_MAX) *step = -WF_SSIZE_MAX;
  }
  *start = *step < 0 ? WF_SSIZE_MAX : 0;
  if (wf_slice_index(s->start, start) < 0) return -1;
  *stop = *step < 0 ? WF_SSIZE_MIN : WF_SSIZE_MAX;
  if (wf_slice_index(s->stop, stop) < 0) return -1;
  return 0;
}

Py_ssize_t wf_slice_adjust(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

/* ---- Slots ------------------------------------------------------------------- */

static void slice_trace(void *obj, wf_gc_tracer *t) {
  PySliceObject *s = obj;
  wf_gc_visit(t, s->start);
  wf_gc_visit(t, s->stop);
  wf_gc_visit(t, s->step);
}

static PyObject *slice_repr(PyObject *self) {
  return wf_str_from_format("slice(%R, %R, %R)", S(self)->start, S(self)->stop, S(self)->step);
}

static PyObject *slice_richcompare(PyObject *v, PyObject *w, int op) {
  if (!wf_slice_check(v) || !wf_slice_check(w)) return WF_NOTIMPLEMENTED;
  if (v == w) {
    switch (op) {
      case Py_EQ: case Py_LE: case Py_GE: return WF_TRUE;
      case Py_NE: case Py_LT: case Py_GT: return WF_FALSE;
    }
  }
  PyObject *a = wf_tuple_pack(3, S(v)->start, S(v)->stop, S(v)->step);
  WF_GC_ROOT(a);
  PyObject *b = wf_tuple_pack(3, S(w)->start, S(w)->stop, S(w)->step);
  WF_GC_ROOT(b);
  return wf_object_richcompare(a, b, op);
}

static PyObject *slice_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (kwds && wf_type_has_flag(WF_TYPE(kwds), Py_TPFLAGS_DICT_SUBCLASS)) {
    if (wf_dict_size(kwds) > 0) return wf_err_set_string(&wf_TypeError_type, "slice() takes no keyword arguments");
  }
  Py_ssize_t n = WF_SIZE(args);
  if (n < 1) return wf_err_set_string(&wf_TypeError_type, "slice expected at least 1 argument, got 0");
  if (n > 3) return wf_err_format(&wf_TypeError_type, "slice expected at most 3 arguments, got %zd", n);
  if (n == 1) return wf_slice_new(NULL, WF_TUPLE_GET(args, 0), NULL);
  return wf_slice_new(WF_TUPLE_GET(args, 0), WF_TUPLE_GET(args, 1), n == 3 ? WF_TUPLE_GET(args, 2) : NULL);
}

static PyObject *m_indices(PyObject *self, PyObject *len) {
  WF_GC_ROOT(self);
  if (!wf_index_check(len))
    return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(len)->tp_name);
  Py_ssize_t n = wf_number_as_ssize_t(len, &wf_OverflowError_type);
  if (n == -1 && wf_err_occurred()) return NULL;
  if (n < 0) return wf_err_set_string(&wf_ValueError_type, "length should not be negative");
  Py_ssize_t start, stop, step;
  if (wf_slice_unpack(self, &start, &stop, &step) < 0) return NULL;
  wf_slice_adjust(n, &start, &stop, step);
  PyObject *a = wf_int_from_ssize(start);
  WF_GC_ROOT(a);
  PyObject *b = wf_int_from_ssize(stop);
  WF_GC_ROOT(b);
  PyObject *c = wf_int_from_ssize(step);
  return wf_tuple_pack(3, a, b, c);
}

static PyObject *m_reduce(PyObject *self, PyObject *unused) {
  PyObject *args = wf_tuple_pack(3, S(self)->start, S(self)->stop, S(self)->step);
  return wf_tuple_pack(2, (PyObject *)&wf_slice_type, args);
}

static PyMethodDef slice_methods[] = {
    {"indices", (PyCFunction)m_indices, METH_O, NULL},
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef slice_members[] = {
    {"start", T_OBJECT, offsetof(PySliceObject, start), READONLY, NULL},
    {"stop", T_OBJECT, offsetof(PySliceObject, stop), READONLY, NULL},
    {"step", T_OBJECT, offsetof(PySliceObject, step), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_slice_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_repr = slice_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_tp_new,
    .wf = {.trace = slice_trace},
};
