/* cell: the box of a variable shared between a function and its closures. */
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "int.h"
#include "funcobject.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

PyObject *wf_cell_new(PyObject *value) {
  wf_cell *c = (wf_cell *)wf_object_alloc(&wf_cell_type, sizeof(wf_cell));
  if (value) WF_GC_STORE(&c->ob_ref, value);
  return (PyObject *)c;
}

static void cell_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, ((wf_cell *)o)->ob_ref); }

static PyObject *cell_repr(PyObject *self) {
  PyObject *v = wf_cell_get(self);
  if (!v) return wf_str_from_format("<cell at %p: empty>", self);
  return wf_str_from_format("<cell at %p: %.80s object at %p>", self, WF_TYPE(v)->tp_name, v);
}

/* Cells compare by content; an empty cell sorts before a full one. */
static PyObject *cell_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_cell_check(a) || !wf_cell_check(b)) return WF_NOTIMPLEMENTED;
  PyObject *x = wf_cell_get(a), *y = wf_cell_get(b);
  if (x && y) return wf_object_richcompare(x, y, op);
  int c = (x != NULL) - (y != NULL);
  bool r;
  switch (op) {
  case Py_EQ: r = c == 0; break;
  case Py_NE: r = c != 0; break;
  case Py_LT: r = c < 0; break;
  case Py_LE: r = c <= 0; break;
  case Py_GT: r = c > 0; break;
  default: r = c >= 0; break;
  }
  return wf_bool_from(r);
}

static PyObject *get_contents(PyObject *self, void *c) {
  PyObject *v = wf_cell_get(self);
  if (!v) return wf_err_set_string(&wf_ValueError_type, "Cell is empty");
  return v;
}
static int set_contents(PyObject *self, PyObject *v, void *c) {
  wf_cell_set(self, v);
  return 0;
}

static PyObject *cell_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type;
  if (kwds && wf_dict_size(kwds) > 0) return wf_err_set_string(&wf_TypeError_type, "cell() takes no keyword arguments");
  if (wf_arg_check_positional("cell", WF_SIZE(args), 0, 1) < 0) return NULL;
  return wf_cell_new(WF_SIZE(args) ? WF_TUPLE_GET(args, 0) : NULL);
}

static PyGetSetDef cell_getsets[] = {
    {"cell_contents", get_contents, set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_cell_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "cell",
    .tp_basicsize = sizeof(wf_cell),
    .tp_repr = cell_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will "
              "be empty,\n    and \n further attempts to access its cell_contents attribute will\n    raise a "
              "ValueError.",
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsets,
    .tp_new = cell_tp_new,
    .wf = {.trace = cell_trace},
};
WF_REGISTER_TYPE(wf_cell_type);
