/* The object protocol: repr/str/ascii/format/hash, rich comparison with
 * reflection, truth, isinstance/issubclass, attribute access (generic
 * getattr/setattr over descriptors and the instance dict), dir. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
#include "vmthread.h"
#include "wf_hash.h"

PyObject *wf_object_repr(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  if (!t->tp_repr) return wf_str_from_format("<%s object at %p>", t->tp_name, o);
  if (wf_enter_recursive(" while getting the repr of an object") < 0) return NULL;
  PyObject *r = t->tp_repr(o);
  wf_leave_recursive();
  if (r && !wf_str_check(r))
    return wf_err_format(&wf_TypeError_type, "__repr__ returned non-string (type %.200s)", WF_TYPE(r)->tp_name);
  return r;
}

PyObject *wf_object_str(PyObject *o) {
  if (wf_str_check_exact(o)) return o;
  PyTypeObject *t = WF_TYPE(o);
  if (!t->tp_str) return wf_object_repr(o);
  if (wf_enter_recursive(" while getting the str of an object") < 0) return NULL;
  PyObject *r = t->tp_str(o);
  wf_leave_recursive();
  if (r && !wf_str_check(r))
    return wf_err_format(&wf_TypeError_type, "__str__ returned non-string (type %.200s)", WF_TYPE(r)->tp_name);
  return r;
}

PyObject *wf_object_ascii(PyObject *o) {
  PyObject *r = wf_object_repr(o);
  if (!r) return NULL;
  Py_ssize_t n = wf_str_length(r);
  bool ascii = true;
  for (Py_ssize_t i = 0; i < n && ascii; i++)
    if (wf_str_read_char(r, i) >= 128) ascii = false;
  if (ascii) return r;
  /* Escape non-ASCII as \xhh, \uhhhh, \Uhhhhhhhh. */
  size_t cap = (size_t)n * 10 + 1, len = 0;
  char *buf = malloc(cap);
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read_char(r, i);
    if (c < 128)
      buf[len++] = (char)c;
    else if (c < 0x100)
      len += (size_t)snprintf(buf + len, cap - len, "\\x%02x", c);
    else if (c < 0x10000)
      len += (size_t)snprintf(buf + len, cap - len, "\\u%04x", c);
    else
      len += (size_t)snprintf(buf + len, cap - len, "\\U%08x", c);
  }
  PyObject *s = wf_str_from_utf8(buf, (Py_ssize_t)len);
  free(buf);
  return s;
}

PyObject *wf_object_format(PyObject *o, PyObject *spec) {
  WF_GC_ROOT(o);
  if (!spec) spec = wf_str_from_cstr("");
  WF_GC_ROOT(spec);
  if (wf_str_check_exact(o) && wf_str_length(spec) == 0) return o;
  int found;
  PyObject *r = wf_call_special(o, WF_ID(__format__), &spec, 1, &found);
  if (!found)
    return wf_err_format(&wf_TypeError_type, "Type %.100s doesn't define __format__", WF_TYPE(o)->tp_name);
  if (r && !wf_str_check(r))
    return wf_err_format(&wf_TypeError_type, "__format__ must return a str, not %.200s", WF_TYPE(r)->tp_name);
  return r;
}

Py_hash_t wf_object_hash_not_implemented(PyObject *o) {
  wf_err_format(&wf_TypeError_type, "unhashable type: '%.200s'", WF_TYPE(o)->tp_name);
  return -1;
}

Py_hash_t wf_object_hash(PyObject *o) {
  hashfunc f = WF_TYPE(o)->tp_hash;
  if (!f) return wf_object_hash_not_implemented(o);
  return f(o);
}

static const int swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static PyObject *do_richcompare(PyObject *v, PyObject *w, int op) {
  richcmpfunc f;
  PyObject *r;
  bool checked_reverse = false;
  if (WF_TYPE(v) != WF_TYPE(w) && wf_type_is_subtype(WF_TYPE(w), WF_TYPE(v)) && (f = WF_TYPE(w)->tp_richcompare)) {
    checked_reverse = true;
    r = f(w, v, swapped_op[op]);
    if (r != WF_NOTIMPLEMENTED) return r;
  }
  if ((f = WF_TYPE(v)->tp_richcompare)) {
    r = f(v, w, op);
    if (r != WF_NOTIMPLEMENTED) return r;
  }
  if (!checked_reverse && (f = WF_TYPE(w)->tp_richcompare)) {
    r = f(w, v, swapped_op[op]);
    if (r != WF_NOTIMPLEMENTED) return r;
  }
  switch (op) {
  case Py_EQ: return wf_bool_from(v == w);
  case Py_NE: return wf_bool_from(v != w);
  default:
    return wf_err_format(&wf_TypeError_type, "'%s' not supported between instances of '%.100s' and '%.100s'",
                         opstrings[op], WF_TYPE(v)->tp_name, WF_TYPE(w)->tp_name);
  }
}

PyObject *wf_object_richcompare(PyObject *a, PyObject *b, int op) {
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  if (wf_enter_recursive(" in comparison") < 0) return NULL;
  PyObject *r = do_richcompare(a, b, op);
  wf_leave_recursive();
  return r;
}

int wf_object_richcompare_bool(PyObject *a, PyObject *b, int op) {
  if (a == b) {
    if (op == Py_EQ) return 1;
    if (op == Py_NE) return 0;
  }
  PyObject *r = wf_object_richcompare(a, b, op);
  if (!r) return -1;
  if (r == WF_TRUE) return 1;
  if (r == WF_FALSE) return 0;
  return wf_object_is_true(r);
}

int wf_object_is_true(PyObject *o) {
  if (o == WF_TRUE) return 1;
  if (o == WF_FALSE || o == WF_NONE) return 0;
  PyTypeObject *t = WF_TYPE(o);
  Py_ssize_t r;
  if (t->tp_as_number && t->tp_as_number->nb_bool)
    r = t->tp_as_number->nb_bool(o);
  else if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
    r = t->tp_as_mapping->mp_length(o);
  else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
    r = t->tp_as_sequence->sq_length(o);
  else
    return 1;
  return r > 0 ? 1 : (int)r;
}

int wf_object_not(PyObject *o) {
  int r = wf_object_is_true(o);
  return r < 0 ? r : !r;
}

bool wf_callable(PyObject *o) { return WF_TYPE(o)->tp_call != NULL; }

/* ---- isinstance / issubclass ---- */

static PyObject *abstract_get_bases(PyObject *cls) {
  PyObject *bases = NULL;
  WF_GC_ROOT(bases);
  if (wf_object_lookup_attr(cls, WF_ID(__bases__), &bases) < 0) return NULL;
  if (bases && !wf_tuple_check(bases)) return NULL;
  return bases;
}

static int abstract_issubclass(PyObject *derived, PyObject *cls, int depth) {
  if (depth > 1000) {
    wf_err_set_string(&wf_RecursionError_type, "maximum recursion depth exceeded in __subclasscheck__");
    return -1;
  }
  WF_GC_ROOT(derived);
  WF_GC_ROOT(cls);
  for (;;) {
    if (derived == cls) return 1;
    PyObject *bases = abstract_get_bases(derived);
    if (!bases) return wf_err_occurred() ? -1 : 0;
    Py_ssize_t n = WF_SIZE(bases);
    if (n == 0) return 0;
    if (n == 1) {
      derived = WF_TUPLE_GET(bases, 0);
      continue;
    }
    WF_GC_ROOT(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
      int r = abstract_issubclass(WF_TUPLE_GET(bases, i), cls, depth + 1);
      if (r != 0) return r;
    }
    return 0;
  }
}

static bool is_type(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS); }

static int check_class(PyObject *cls, const char *error) {
  PyObject *b = abstract_get_bases(cls);
  if (!b) {
    if (!wf_err_occurred() || wf_err_matches(&wf_AttributeError_type)) {
      wf_err_clear();
      wf_err_set_string(&wf_TypeError_type, error);
    }
    return 0;
  }
  return 1;
}

static int recursive_isinstance(PyObject *inst, PyObject *cls) {
  if (is_type(cls)) {
    if (wf_object_type_check(inst, (PyTypeObject *)cls)) return 1;
    PyObject *c = NULL;
    WF_GC_ROOT(c);
    if (wf_object_lookup_attr(inst, WF_ID(__class__), &c) < 0) return -1;
    if (c && c != (PyObject *)WF_TYPE(inst) && is_type(c))
      return wf_type_is_subtype((PyTypeObject *)c, (PyTypeObject *)cls);
    return 0;
  }
  WF_GC_ROOT(inst);
  WF_GC_ROOT(cls);
  if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
  PyObject *c = NULL;
  WF_GC_ROOT(c);
  if (wf_object_lookup_attr(inst, WF_ID(__class__), &c) < 0) return -1;
  if (!c) return 0;
  return abstract_issubclass(c, cls, 0);
}

int wf_object_isinstance(PyObject *o, PyObject *cls) {
  if (WF_TYPE(o) == (PyTypeObject *)cls) return 1;
  WF_GC_ROOT(o);
  WF_GC_ROOT(cls);
  if (is_type(cls) && WF_TYPE(cls) == &wf_type_type) return recursive_isinstance(o, cls);
  if (wf_tuple_check(cls)) {
    if (wf_enter_recursive(" in __instancecheck__") < 0) return -1;
    int r = 0;
    for (Py_ssize_t i = 0; i < WF_SIZE(cls) && r == 0; i++) r = wf_object_isinstance(o, WF_TUPLE_GET(cls, i));
    wf_leave_recursive();
    return r;
  }
  PyObject *checker = wf_type_lookup(WF_TYPE(cls), WF_ID(__instancecheck__));
  if (checker) {
    if (wf_enter_recursive(" in __instancecheck__") < 0) return -1;
    int found;
    PyObject *r = wf_call_special(cls, WF_ID(__instancecheck__), &o, 1, &found);
    wf_leave_recursive();
    if (!r) return -1;
    return wf_object_is_true(r);
  }
  return recursive_isinstance(o, cls);
}

static int recursive_issubclass(PyObject *derived, PyObject *cls) {
  if (is_type(cls) && is_type(derived)) return wf_type_is_subtype((PyTypeObject *)derived, (PyTypeObject *)cls);
  WF_GC_ROOT(derived);
  WF_GC_ROOT(cls);
  if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")) return -1;
  return abstract_issubclass(derived, cls, 0);
}

int wf_object_issubclass(PyObject *derived, PyObject *cls) {
  WF_GC_ROOT(derived);
  WF_GC_ROOT(cls);
  if (is_type(cls) && WF_TYPE(cls) == &wf_type_type) {
    if (derived == cls) return 1;
    return recursive_issubclass(derived, cls);
  }
  if (wf_tuple_check(cls)) {
    if (wf_enter_recursive(" in __subclasscheck__") < 0) return -1;
    int r = 0;
    for (Py_ssize_t i = 0; i < WF_SIZE(cls) && r == 0; i++) r = wf_object_issubclass(derived, WF_TUPLE_GET(cls, i));
    wf_leave_recursive();
    return r;
  }
  if (wf_type_lookup(WF_TYPE(cls), WF_ID(__subclasscheck__))) {
    if (wf_enter_recursive(" in __subclasscheck__") < 0) return -1;
    PyObject *r = wf_call_special(cls, WF_ID(__subclasscheck__), &derived, 1, NULL);
    wf_leave_recursive();
    if (!r) return -1;
    return wf_object_is_true(r);
  }
  return recursive_issubclass(derived, cls);
}

/* ---- Attributes ---- */

static int check_name(PyObject *name) {
  if (!wf_str_check(name)) {
    wf_err_format(&wf_TypeError_type, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
    return -1;
  }
  return 0;
}

PyObject *wf_object_getattr(PyObject *o, PyObject *name) {
  if (check_name(name) < 0) return NULL;
  PyTypeObject *t = WF_TYPE(o);
  if (t->tp_getattro) return t->tp_getattro(o, name);
  if (t->tp_getattr) {
    const char *s = wf_str_as_utf8(name, NULL);
    if (!s) return NULL;
    return t->tp_getattr(o, (char *)s);
  }
  return wf_err_format(&wf_AttributeError_type, "'%.50s' object has no attribute '%U'", t->tp_name, name);
}

PyObject *wf_object_getattr_cstr(PyObject *o, const char *name) {
  WF_GC_ROOT(o);
  PyObject *n = wf_str_intern_cstr(name);
  return wf_object_getattr(o, n);
}

int wf_object_lookup_attr(PyObject *o, PyObject *name, PyObject **result) {
  PyObject *r = wf_object_getattr(o, name);
  if (r) {
    *result = r;
    return 1;
  }
  *result = NULL;
  if (wf_err_matches(&wf_AttributeError_type)) {
    wf_err_clear();
    return 0;
  }
  return -1;
}

int wf_object_hasattr(PyObject *o, PyObject *name) {
  PyObject *r;
  int k = wf_object_lookup_attr(o, name, &r);
  return k;
}

int wf_object_setattr(PyObject *o, PyObject *name, PyObject *value) {
  if (check_name(name) < 0) return -1;
  PyTypeObject *t = WF_TYPE(o);
  if (wf_str_check_exact(name)) name = wf_str_intern(name);
  if (t->tp_setattro) return t->tp_setattro(o, name, value);
  if (t->tp_setattr) {
    const char *s = wf_str_as_utf8(name, NULL);
    if (!s) return -1;
    return t->tp_setattr(o, (char *)s, value);
  }
  if (!t->tp_getattro && !t->tp_getattr)
    wf_err_format(&wf_TypeError_type, "'%.100s' object has no attributes (%s .%U)", t->tp_name,
                  value ? "assign to" : "del", name);
  else
    wf_err_format(&wf_TypeError_type, "'%.100s' object has only read-only attributes (%s .%U)", t->tp_name,
                  value ? "assign to" : "del", name);
  return -1;
}

PyObject *wf_object_generic_getattr(PyObject *o, PyObject *name) {
  if (check_name(name) < 0) return NULL;
  PyTypeObject *t = WF_TYPE(o);
  WF_GC_ROOT(o);
  WF_GC_ROOT(name);
  PyObject *descr = wf_type_lookup(t, name);
  WF_GC_ROOT(descr);
  descrgetfunc f = NULL;
  if (descr) {
    f = WF_TYPE(descr)->tp_descr_get;
    if (f && WF_TYPE(descr)->tp_descr_set) return f(descr, o, (PyObject *)t);
  }
  PyObject **dp = wf_object_dict_ptr(o);
  if (dp) {
    PyObject *d = WF_GC_LOAD(dp);
    if (d) {
      PyObject *v = wf_dict_getitem_err(d, name);
      if (v) return v;
      if (wf_err_occurred()) return NULL;
    }
  }
  if (f) return f(descr, o, (PyObject *)t);
  if (descr) return descr;
  return wf_err_no_attribute(o, name);
}

int wf_object_generic_setattr(PyObject *o, PyObject *name, PyObject *value) {
  if (check_name(name) < 0) return -1;
  PyTypeObject *t = WF_TYPE(o);
  WF_GC_ROOT(o);
  WF_GC_ROOT(name);
  WF_GC_ROOT(value);
  PyObject *descr = wf_type_lookup(t, name);
  if (descr && WF_TYPE(descr)->tp_descr_set) return WF_TYPE(descr)->tp_descr_set(descr, o, value);
  PyObject **dp = wf_object_dict_ptr(o);
  if (!dp) {
    if (descr)
      wf_err_format(&wf_AttributeError_type, "'%.100s' object attribute '%U' is read-only", t->tp_name, name);
    else
      wf_err_no_attribute(o, name);
    return -1;
  }
  PyObject *d = wf_object_get_dict(o);
  if (value) return wf_dict_setitem(d, name, value);
  if (wf_dict_delitem(d, name) < 0) {
    if (wf_err_matches(&wf_KeyError_type)) {
      wf_err_clear();
      wf_err_no_attribute(o, name);
    }
    return -1;
  }
  return 0;
}

PyObject *wf_object_dir(PyObject *o) {
  WF_GC_ROOT(o);
  int found;
  PyObject *r = wf_call_special(o, WF_ID(__dir__), NULL, 0, &found);
  if (!found) return wf_err_set_string(&wf_TypeError_type, "object does not provide __dir__");
  if (!r) return NULL;
  PyObject *l = wf_sequence_list(r);
  WF_GC_ROOT(l);
  if (!l) return NULL;
  if (wf_list_sort(l, NULL, false) < 0) return NULL;
  return l;
}

int wf_object_get_method(PyObject *o, PyObject *name, PyObject **method) {
  PyTypeObject *t = WF_TYPE(o);
  *method = NULL;
  if (t->tp_getattro != wf_object_generic_getattr || !wf_str_check(name)) {
    PyObject *r = wf_object_getattr(o, name);
    if (!r) return -1;
    *method = r;
    return 0;
  }
  WF_GC_ROOT(o);
  WF_GC_ROOT(name);
  PyObject *descr = wf_type_lookup(t, name);
  WF_GC_ROOT(descr);
  if (descr && wf_type_has_flag(WF_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
    PyObject **dp = wf_object_dict_ptr(o);
    PyObject *d = dp ? WF_GC_LOAD(dp) : NULL;
    PyObject *v = d ? wf_dict_getitem_err(d, name) : NULL;
    if (v) {
      *method = v;
      return 0;
    }
    if (wf_err_occurred()) return -1;
    *method = descr;
    return 1;
  }
  PyObject *r = wf_object_generic_getattr(o, name);
  if (!r) return -1;
  *method = r;
  return 0;
}
