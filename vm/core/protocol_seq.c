/* Container and iteration protocol: len, subscripts, `in`, list()/tuple()
 * of iterables, iter()/next(), and the sequence iterator that iter() gives
 * objects with only __getitem__. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

Py_ssize_t wf_object_length(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  if (t->tp_as_sequence && t->tp_as_sequence->sq_length) return t->tp_as_sequence->sq_length(o);
  if (t->tp_as_mapping && t->tp_as_mapping->mp_length) return t->tp_as_mapping->mp_length(o);
  wf_err_format(&wf_TypeError_type, "object of type '%.200s' has no len()", t->tp_name);
  return -1;
}

Py_ssize_t wf_object_length_hint(PyObject *o, Py_ssize_t dflt) {
  PyTypeObject *t = WF_TYPE(o);
  if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) || (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
    Py_ssize_t n = wf_object_length(o);
    if (n >= 0) return n;
    if (!wf_err_matches(&wf_TypeError_type)) return -1;
    wf_err_clear();
  }
  int found;
  PyObject *r = wf_call_special(o, WF_ID(__length_hint__), NULL, 0, &found);
  if (!found) return dflt;
  if (!r) {
    if (wf_err_matches(&wf_TypeError_type)) {
      wf_err_clear();
      return dflt;
    }
    return -1;
  }
  if (r == WF_NOTIMPLEMENTED) return dflt;
  if (!wf_int_check(r)) {
    wf_err_format(&wf_TypeError_type, "__length_hint__ must be an integer, not %.100s", WF_TYPE(r)->tp_name);
    return -1;
  }
  Py_ssize_t n = wf_int_as_ssize(r);
  if (n == -1 && wf_err_occurred()) return -1;
  if (n < 0) {
    wf_err_set_string(&wf_ValueError_type, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

static PyObject *seq_index_item(PyObject *o, PyObject *key, ssizeargfunc item) {
  Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
  if (i == -1 && wf_err_occurred()) return NULL;
  if (i < 0) {
    PySequenceMethods *sq = WF_TYPE(o)->tp_as_sequence;
    if (sq->sq_length) {
      Py_ssize_t n = sq->sq_length(o);
      if (n < 0) return NULL;
      i += n;
    }
  }
  return item(o, i);
}

PyObject *wf_object_getitem(PyObject *o, PyObject *key) {
  PyTypeObject *t = WF_TYPE(o);
  if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript) return t->tp_as_mapping->mp_subscript(o, key);
  if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
    if (wf_index_check(key)) return seq_index_item(o, key, t->tp_as_sequence->sq_item);
    return wf_err_format(&wf_TypeError_type, "sequence index must be integer, not '%.200s'", WF_TYPE(key)->tp_name);
  }
  if (wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS)) {
    WF_GC_ROOT(o);
    /* type[int] (PEP 585): type itself has no __class_getitem__. */
    if (o == (PyObject *)&wf_type_type) return wf_class_getitem_generic(o, key);
    WF_GC_ROOT(key);
    PyObject *f = NULL;
    WF_GC_ROOT(f);
    if (wf_object_lookup_attr(o, WF_ID(__class_getitem__), &f) < 0) return NULL;
    if (f) return wf_call_one(f, key);
    return wf_err_format(&wf_TypeError_type, "type '%.200s' is not subscriptable", ((PyTypeObject *)o)->tp_name);
  }
  return wf_err_format(&wf_TypeError_type, "'%.200s' object is not subscriptable", t->tp_name);
}

static int ass_item(PyObject *o, PyObject *key, PyObject *value) {
  PyTypeObject *t = WF_TYPE(o);
  if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript) return t->tp_as_mapping->mp_ass_subscript(o, key, value);
  if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
    if (wf_index_check(key)) {
      Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
      if (i == -1 && wf_err_occurred()) return -1;
      if (i < 0 && t->tp_as_sequence->sq_length) {
        Py_ssize_t n = t->tp_as_sequence->sq_length(o);
        if (n < 0) return -1;
        i += n;
      }
      return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    wf_err_format(&wf_TypeError_type, "sequence index must be integer, not '%.200s'", WF_TYPE(key)->tp_name);
    return -1;
  }
  if (value)
    wf_err_format(&wf_TypeError_type, "'%.200s' object does not support item assignment", t->tp_name);
  else if (t->tp_as_sequence && wf_index_check(key)) /* CPython's sequence path words it so */
    wf_err_format(&wf_TypeError_type, "'%.200s' object doesn't support item deletion", t->tp_name);
  else
    wf_err_format(&wf_TypeError_type, "'%.200s' object does not support item deletion", t->tp_name);
  return -1;
}

int wf_object_setitem(PyObject *o, PyObject *key, PyObject *value) { return ass_item(o, key, value); }
int wf_object_delitem(PyObject *o, PyObject *key) { return ass_item(o, key, NULL); }

PyObject *wf_sequence_getitem(PyObject *o, Py_ssize_t i) {
  PyTypeObject *t = WF_TYPE(o);
  if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
    if (i < 0 && t->tp_as_sequence->sq_length) {
      Py_ssize_t n = t->tp_as_sequence->sq_length(o);
      if (n < 0) return NULL;
      i += n;
    }
    return t->tp_as_sequence->sq_item(o, i);
  }
  if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
    return wf_err_format(&wf_TypeError_type, "%.200s is not a sequence", t->tp_name);
  return wf_err_format(&wf_TypeError_type, "'%.200s' object does not support indexing", t->tp_name);
}

int wf_sequence_iter_search_contains(PyObject *seq, PyObject *value) {
  WF_GC_ROOT(value);
  PyObject *it = wf_object_getiter(seq);
  WF_GC_ROOT(it);
  if (!it) {
    if (wf_err_matches(&wf_TypeError_type)) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "argument of type '%.200s' is not iterable", WF_TYPE(seq)->tp_name);
    }
    return -1;
  }
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  while ((x = wf_iter_next(it))) {
    int c = wf_object_richcompare_bool(x, value, Py_EQ);
    if (c != 0) return c;
  }
  return wf_err_occurred() ? -1 : 0;
}

int wf_sequence_contains(PyObject *container, PyObject *item) {
  PySequenceMethods *sq = WF_TYPE(container)->tp_as_sequence;
  if (sq && sq->sq_contains) return sq->sq_contains(container, item);
  return wf_sequence_iter_search_contains(container, item);
}

PyObject *wf_sequence_list(PyObject *iterable) {
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  if (wf_list_extend(l, iterable) < 0) return NULL;
  return l;
}

PyObject *wf_sequence_tuple(PyObject *iterable) {
  if (WF_TYPE(iterable) == &wf_tuple_type) return iterable;
  if (wf_list_check(iterable)) return wf_list_as_tuple(iterable);
  PyObject *l = wf_sequence_list(iterable);
  if (!l) return NULL;
  return wf_list_as_tuple(l);
}

/* ---- Iteration ---- */

PyObject *wf_object_getiter(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  if (t->tp_iter) {
    PyObject *r = t->tp_iter(o);
    if (r && !wf_iter_check(r))
      return wf_err_format(&wf_TypeError_type, "iter() returned non-iterator of type '%.100s'", WF_TYPE(r)->tp_name);
    return r;
  }
  if (t->tp_as_sequence && t->tp_as_sequence->sq_item && !wf_dict_check(o)) return wf_seqiter_new(o);
  return wf_err_format(&wf_TypeError_type, "'%.200s' object is not iterable", t->tp_name);
}

bool wf_iter_check(PyObject *o) {
  iternextfunc f = WF_TYPE(o)->tp_iternext;
  return f != NULL;
}

PyObject *wf_iter_next(PyObject *it) {
  iternextfunc f = WF_TYPE(it)->tp_iternext;
  if (!f) return wf_err_format(&wf_TypeError_type, "'%.200s' object is not an iterator", WF_TYPE(it)->tp_name);
  PyObject *r = f(it);
  if (!r && wf_err_matches(&wf_StopIteration_type)) wf_err_clear();
  return r;
}

/* ---- iterator over __getitem__ ---- */

typedef struct {
  PyObject ob_base;
  Py_ssize_t index;
  PyObject *seq; /* NULL when exhausted */
} seqiter;

static void seqiter_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((seqiter *)o)->seq); }

PyObject *wf_seqiter_new(PyObject *seq) {
  seqiter *it = (seqiter *)wf_object_alloc(&wf_seqiter_type, sizeof(seqiter));
  WF_GC_STORE(&it->seq, seq);
  return (PyObject *)it;
}

static PyObject *seqiter_next(PyObject *self) {
  seqiter *it = (seqiter *)self;
  PyObject *seq = WF_GC_LOAD(&it->seq);
  if (!seq) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t i = __atomic_fetch_add(&it->index, 1, __ATOMIC_RELAXED);
  PyObject *r = wf_sequence_getitem(seq, i);
  if (r) return r;
  if (wf_err_matches(&wf_IndexError_type) || wf_err_matches(&wf_StopIteration_type)) {
    wf_err_clear();
    WF_GC_STORE(&it->seq, NULL);
  }
  return NULL;
}

static PyObject *self_iter(PyObject *self) { return self; }

PyTypeObject wf_seqiter_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiter),
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = self_iter,
    .tp_iternext = seqiter_next,
    .wf = {.trace = seqiter_trace},
};
