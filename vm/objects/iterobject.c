/* callable_iterator: iter(callable, sentinel) calls callable until it
 * returns a value equal to sentinel. */
#include "errors.h"
#include "iterobject.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "tuple.h"
#include "typeobject.h"
#include "dict.h"

typedef struct {
  PyObject ob_base;
  PyObject *callable; /* NULL once exhausted */
  PyObject *sentinel;
} calliterobject;

static void calliter_trace(void *obj, wf_gc_tracer *t) {
  calliterobject *c = obj;
  wf_gc_visit(t, __atomic_load_n(&c->callable, __ATOMIC_RELAXED));
  wf_gc_visit(t, c->sentinel);
}

PyObject *wf_calliter_new(PyObject *callable, PyObject *sentinel) {
  calliterobject *c = (calliterobject *)wf_object_alloc(&wf_calliter_type, sizeof(calliterobject));
  WF_GC_STORE(&c->callable, callable);
  WF_GC_STORE(&c->sentinel, sentinel);
  return (PyObject *)c;
}

static PyObject *calliter_next(PyObject *self) {
  calliterobject *c = (calliterobject *)self;
  PyObject *callable = WF_GC_LOAD(&c->callable);
  if (!callable) return NULL;
  WF_GC_ROOT(self);
  PyObject *r = wf_call_noargs(callable);
  WF_GC_ROOT(r);
  if (!r) {
    if (wf_err_matches(&wf_StopIteration_type)) {
      wf_err_clear();
      WF_GC_STORE(&c->callable, NULL);
    }
    return NULL;
  }
  int eq = wf_object_richcompare_bool(r, c->sentinel, Py_EQ);
  if (eq < 0) return NULL;
  if (eq == 0) return r;
  WF_GC_STORE(&c->callable, NULL);
  return NULL;
}

static PyObject *iter_self(PyObject *self) { return self; }

static PyObject *calliter_reduce(PyObject *self, PyObject *unused) {
  calliterobject *c = (calliterobject *)self;
  PyObject *iter = wf_dict_getitem_cstr(wf_builtins_dict(), "iter");
  if (!iter) return wf_err_set_string(&wf_RuntimeError_type, "lost builtins.iter");
  PyObject *callable = WF_GC_LOAD(&c->callable);
  if (callable) return wf_tuple_pack(2, iter, wf_tuple_pack(2, callable, c->sentinel));
  return wf_tuple_pack(2, iter, wf_tuple_pack(1, wf_tuple_new(0)));
}

static PyMethodDef calliter_methods[] = {
    {"__reduce__", (PyCFunction)calliter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_calliter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_iter = iter_self,
    .tp_iternext = calliter_next,
    .tp_methods = calliter_methods,
    .wf = {.trace = calliter_trace},
};
WF_REGISTER_TYPE(wf_calliter_type);
