/* NotImplemented and its type. A static immortal singleton. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "errors.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

static PyObject *ni_repr(PyObject *o) { return WF_ID(NotImplemented); }
/* 3.11 also emits a DeprecationWarning here; Weft has no warnings module yet. */
static int ni_bool(PyObject *o) { return 1; }
static PyObject *ni_reduce(PyObject *o, PyObject *unused) { return WF_ID(NotImplemented); }

static PyObject *ni_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (WF_SIZE(args) || (kwds && wf_object_length(kwds) > 0))
    return wf_err_set_string(&wf_TypeError_type, "NotImplementedType takes no arguments");
  return WF_NOTIMPLEMENTED;
}

static PyMethodDef ni_methods[] = {{"__reduce__", ni_reduce, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static PyNumberMethods ni_as_number = {.nb_bool = ni_bool};

PyTypeObject wf_NotImplementedType_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = ni_repr,
    .tp_as_number = &ni_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ni_methods,
    .tp_new = ni_new,
};

PyObject wf_NotImplemented_object = {0, &wf_NotImplementedType_type};
