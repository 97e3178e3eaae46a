/* None and its type. A static immortal singleton. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "errors.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "wf_hash.h"

static PyObject *none_repr(PyObject *o) { return WF_ID(None); }
static int none_bool(PyObject *o) { return 0; }
static Py_hash_t none_hash(PyObject *o) { return wf_hash_pointer(o); }

static PyObject *none_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (WF_SIZE(args) || (kwds && wf_object_length(kwds) > 0))
    return wf_err_set_string(&wf_TypeError_type, "NoneType takes no arguments");
  return WF_NONE;
}

static PyNumberMethods none_as_number = {.nb_bool = none_bool};

PyTypeObject wf_NoneType_type = {
    .ob_base = {{0, &wf_type_type}, 0},
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = none_new,
};

PyObject wf_None_object = {0, &wf_NoneType_type};
