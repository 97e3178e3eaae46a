/* `object`: the root of every MRO. Default repr/str/hash/compare, generic
 * attribute access (vm/core/protocol_attr.c), object.__new__/__init__ with
 * CPython's excess-argument rules, __dir__, __format__, __init_subclass__,
 * __subclasshook__, __class__. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "list.h"
#include "int.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_hash.h"

static PyObject *object_repr(PyObject *self) {
  PyTypeObject *type = WF_TYPE(self);
  PyObject *mod = NULL;
  if (wf_type_has_flag(type, Py_TPFLAGS_HEAPTYPE)) {
    mod = wf_dict_getitem(type->tp_dict, WF_ID(__module__));
  } else {
    const char *dot = strrchr(type->tp_name, '.');
    if (dot) mod = wf_str_from_utf8(type->tp_name, dot - type->tp_name);
  }
  PyObject *qn = wf_type_qualname(type);
  if (!qn) return NULL;
  if (mod && wf_str_check(mod) && !wf_str_equal_cstr(mod, "builtins"))
    return wf_str_from_format("<%U.%U object at %p>", mod, qn, self);
  return wf_str_from_format("<%s object at %p>", type->tp_name, self);
}

static PyObject *object_str(PyObject *self) {
  reprfunc f = WF_TYPE(self)->tp_repr;
  if (!f) f = object_repr;
  return f(self);
}

static Py_hash_t object_hash(PyObject *self) { return wf_hash_pointer(self); }

static PyObject *object_richcompare(PyObject *self, PyObject *other, int op) {
  switch (op) {
  case Py_EQ:
    return self == other ? WF_TRUE : WF_NOTIMPLEMENTED;
  case Py_NE: {
    richcmpfunc f = WF_TYPE(self)->tp_richcompare;
    if (!f) return WF_NOTIMPLEMENTED;
    PyObject *r = f(self, other, Py_EQ);
    if (r && r != WF_NOTIMPLEMENTED) {
      int t = wf_object_is_true(r);
      if (t < 0) return NULL;
      return wf_bool_from(!t);
    }
    return r;
  }
  default:
    return WF_NOTIMPLEMENTED;
  }
}

static int object_init(PyObject *self, PyObject *args, PyObject *kwds);

/* "Can't instantiate abstract class C with abstract methods a, b" (sorted). */
static PyObject *abstract_error(PyTypeObject *type) {
  PyObject *names = wf_object_getattr((PyObject *)type, WF_ID(__abstractmethods__));
  if (!names) return NULL;
  PyObject *sorted = wf_sequence_list(names);
  if (!sorted) return NULL;
  WF_GC_ROOT(sorted);
  if (wf_list_sort(sorted, NULL, false) < 0) return NULL;
  PyObject *sep = wf_str_from_cstr(", ");
  if (!sep) return NULL;
  PyObject *joined = wf_str_join(sep, sorted);
  if (!joined) return NULL;
  return wf_err_format(&wf_TypeError_type, "Can't instantiate abstract class %s with abstract method%s %U",
                       type->tp_name, wf_list_size(sorted) > 1 ? "s" : "", joined);
}

static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  bool excess = WF_SIZE(args) > 0 || (kwds && wf_dict_size(kwds) > 0);
  if (excess) {
    if (type->tp_new != object_new)
      return wf_err_set_string(&wf_TypeError_type, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->tp_init == object_init) return wf_err_format(&wf_TypeError_type, "%.200s() takes no arguments", type->tp_name);
  }
  if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) return abstract_error(type);
  allocfunc a = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  return a(type, 0);
}

static int object_init(PyObject *self, PyObject *args, PyObject *kwds) {
  PyTypeObject *type = WF_TYPE(self);
  bool excess = WF_SIZE(args) > 0 || (kwds && wf_dict_size(kwds) > 0);
  if (excess) {
    if (type->tp_init != object_init) {
      wf_err_set_string(&wf_TypeError_type, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->tp_new == object_new) {
      wf_err_format(&wf_TypeError_type, "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                    type->tp_name);
      return -1;
    }
  }
  return 0;
}

static PyObject *object_get_class(PyObject *self, void *c) { return (PyObject *)WF_TYPE(self); }
static int object_set_class(PyObject *self, PyObject *value, void *c) {
  if (!value) {
    wf_err_set_string(&wf_TypeError_type, "can't delete __class__ attribute");
    return -1;
  }
  wf_err_set_string(&wf_NotImplementedError_type, "__class__ assignment is not supported by Weft yet");
  return -1;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL}, {NULL, NULL, NULL, NULL, NULL}};

static int merge_class_dict(PyObject *dict, PyObject *cls, int depth) {
  if (depth > 100) return 0;
  PyObject *cd = NULL;
  WF_GC_ROOT(cd);
  if (wf_object_lookup_attr(cls, WF_ID(__dict__), &cd) < 0) return -1;
  if (cd) {
    if (wf_dict_check(cd)) {
      if (wf_dict_update(dict, cd) < 0) return -1;
    } else {
      PyObject *keys = wf_call_method_cstr(cd, "keys", NULL, 0);
      WF_GC_ROOT(keys);
      PyObject *it = keys ? wf_object_getiter(keys) : NULL;
      WF_GC_ROOT(it);
      if (!it) return -1;
      PyObject *k = NULL;
      WF_GC_ROOT(k);
      while ((k = wf_iter_next(it))) {
        PyObject *v = wf_object_getitem(cd, k);
        if (!v || wf_dict_setitem(dict, k, v) < 0) return -1;
      }
      if (wf_err_occurred()) return -1;
    }
  }
  PyObject *bases = NULL;
  WF_GC_ROOT(bases);
  if (wf_object_lookup_attr(cls, WF_ID(__bases__), &bases) < 0) return -1;
  if (bases && wf_tuple_check(bases))
    for (Py_ssize_t i = 0; i < WF_SIZE(bases); i++)
      if (merge_class_dict(dict, WF_TUPLE_GET(bases, i), depth + 1) < 0) return -1;
  return 0;
}

static PyObject *object_dir(PyObject *self, PyObject *unused) {
  WF_GC_ROOT(self);
  PyObject *d = NULL;
  WF_GC_ROOT(d);
  if (wf_object_lookup_attr(self, WF_ID(__dict__), &d) < 0) return NULL;
  PyObject *dict = d && wf_dict_check(d) ? wf_dict_copy(d) : wf_dict_new();
  WF_GC_ROOT(dict);
  PyObject *cls = NULL;
  WF_GC_ROOT(cls);
  if (wf_object_lookup_attr(self, WF_ID(__class__), &cls) < 0) return NULL;
  if (cls && merge_class_dict(dict, cls, 0) < 0) return NULL;
  return wf_dict_keys_list(dict);
}

static PyObject *object_format(PyObject *self, PyObject *spec) {
  if (!wf_str_check(spec))
    return wf_err_format(&wf_TypeError_type, "__format__() argument must be str, not %.200s", WF_TYPE(spec)->tp_name);
  if (wf_str_length(spec) > 0)
    return wf_err_format(&wf_TypeError_type, "unsupported format string passed to %.200s.__format__",
                         WF_TYPE(self)->tp_name);
  return wf_object_str(self);
}

static PyObject *object_init_subclass(PyObject *cls, PyObject *unused) { return WF_NONE; }

static PyObject *object_subclasshook(PyObject *cls, PyObject *const *args, Py_ssize_t nargs) {
  return WF_NOTIMPLEMENTED;
}

static PyObject *object_sizeof(PyObject *self, PyObject *unused) {
  PyTypeObject *t = WF_TYPE(self);
  Py_ssize_t size = t->tp_basicsize;
  if (t->tp_itemsize) {
    Py_ssize_t n = WF_SIZE(self);
    size += (n < 0 ? -n : n) * t->tp_itemsize;
  }
  return wf_int_from_ssize(size);
}

static PyObject *object_reduce_ex(PyObject *self, PyObject *proto) {
  return wf_err_set_string(&wf_NotImplementedError_type, "object.__reduce_ex__ (pickling) is not supported by Weft yet");
}
static PyObject *object_reduce(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "object.__reduce__ (pickling) is not supported by Weft yet");
}
static PyObject *object_getstate(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "object.__getstate__ is not supported by Weft yet");
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object_reduce_ex, METH_O, "Helper for pickle."},
    {"__reduce__", object_reduce, METH_NOARGS, "Helper for pickle."},
    {"__getstate__", object_getstate, METH_NOARGS, "Helper for pickle."},
    {"__subclasshook__", (PyCFunction)(void (*)(void))object_subclasshook, METH_CLASS | METH_FASTCALL,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", object_init_subclass, METH_CLASS | METH_NOARGS,
     "This method is called when a class is subclassed."},
    {"__format__", object_format, METH_O, "Default object formatter."},
    {"__sizeof__", object_sizeof, METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, METH_NOARGS, "Default dir() implementation."},
    {NULL, NULL, 0, NULL}};

PyTypeObject wf_object_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new "
              "featureless\ninstance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = object_init,
    .tp_alloc = wf_type_generic_alloc,
    .tp_new = object_new,
};
