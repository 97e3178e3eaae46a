/* Ellipsis (...) and its type. A static immortal singleton. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "errors.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

static PyObject *ellipsis_repr(PyObject *o) { return WF_ID(Ellipsis); }
static PyObject *ellipsis_reduce(PyObject *o, PyObject *unused) { return WF_ID(Ellipsis); }

static PyObject *ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (WF_SIZE(args) || (kwds && wf_object_length(kwds) > 0))
    return wf_err_set_string(&wf_TypeError_type, "ellipsis takes no arguments");
  return WF_ELLIPSIS;
}

static PyMethodDef ellipsis_methods[] = {{"__reduce__", ellipsis_reduce, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};

PyTypeObject wf_ellipsis_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = ellipsis_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};

PyObject wf_Ellipsis_object = {0, &wf_ellipsis_type};
