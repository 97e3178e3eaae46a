/* bool: a subclass of int with exactly two static instances, True and
 * False (int-shaped: ob_size 1 / 0, digit 1 / 0). & | ^ of two bools give
 * a bool; everything else is int's. bool cannot be subclassed. */
#include "dict.h"
#include "errors.h"
#include "int_internal.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* The objects are PyLongObjects; int.h declares them as PyObject (the
 * header object), so they are defined under private names and exported
 * through aliases of the declared type. */
static PyLongObject true_obj = {{{1, &wf_bool_type}, 1}, {1}};
static PyLongObject false_obj = {{{1, &wf_bool_type}, 0}, {0}};
extern PyObject wf_True_object __attribute__((alias("true_obj")));
extern PyObject wf_False_object __attribute__((alias("false_obj")));

static PyObject *bool_repr(PyObject *o) { return wf_str_from_cstr(o == WF_TRUE ? "True" : "False"); }

static PyObject *bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (kwds && wf_dict_size(kwds) > 0) return wf_err_set_string(&wf_TypeError_type, "bool() takes no keyword arguments");
  Py_ssize_t n = args ? WF_SIZE(args) : 0;
  if (n > 1) return wf_err_format(&wf_TypeError_type, "bool expected at most 1 argument, got %zd", n);
  if (n == 0) return WF_FALSE;
  int t = wf_object_is_true(WF_TUPLE_GET(args, 0));
  if (t < 0) return NULL;
  return wf_bool_from(t);
}

#define BOOLOP(name, op, intfn)                                          \
  static PyObject *name(PyObject *a, PyObject *b) {                      \
    if (wf_bool_check(a) && wf_bool_check(b)) return wf_bool_from((a == WF_TRUE) op(b == WF_TRUE)); \
    if (!wf_int_check(a) || !wf_int_check(b)) return WF_NOTIMPLEMENTED;  \
    return intfn(a, b);                                                  \
  }
BOOLOP(bool_and, &, wf_int_and)
BOOLOP(bool_or, |, wf_int_or)
BOOLOP(bool_xor, ^, wf_int_xor)

static PyNumberMethods bool_as_number;

/* bool's number table is int's with & | ^ replaced; filled once before
 * the type is made ready (a constructor: static data only). */
__attribute__((constructor)) static void bool_init_number(void) {
  bool_as_number = wf_int_as_number_;
  bool_as_number.nb_and = bool_and;
  bool_as_number.nb_or = bool_or;
  bool_as_number.nb_xor = bool_xor;
}

PyTypeObject wf_bool_type = {
    .ob_base = {.ob_base = {.ob_refcnt = 1, .ob_type = &wf_type_type}},
    .tp_name = "bool",
    .tp_basicsize = offsetof(PyLongObject, ob_digit),
    .tp_itemsize = sizeof(digit),
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_base = &wf_int_type,
    .tp_new = bool_new,
};
