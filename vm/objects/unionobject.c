/* types.UnionType: int | str (PEP 604).  Nested unions are flattened,
 * duplicates removed, None stored as NoneType; isinstance/issubclass test
 * each member in turn. */
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "genericalias.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *args;       /* tuple */
  PyObject *parameters; /* tuple, computed on first use */
} wf_union;

#define U(o) ((wf_union *)(o))

static void union_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, U(o)->args);
  wf_gc_visit(t, U(o)->parameters);
}

static bool is_unionable(PyObject *o) {
  return o == WF_NONE || wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS) || wf_generic_alias_check(o) ||
         wf_union_check(o);
}

/* Append o (or a union's members) to list l, skipping duplicates: generic
 * aliases compare with ==, everything else by identity. */
static int add_member(PyObject *l, PyObject *o) {
  if (wf_union_check(o)) {
    PyObject *args = U(o)->args;
    WF_GC_ROOT(args);
    WF_GC_ROOT(l);
    for (Py_ssize_t i = 0; i < WF_SIZE(args); i++)
      if (add_member(l, WF_TUPLE_GET(args, i)) < 0) return -1;
    return 0;
  }
  if (o == WF_NONE) o = (PyObject *)&wf_NoneType_type;
  WF_GC_ROOT(l);
  WF_GC_ROOT(o);
  Py_ssize_t n = wf_list_size(l);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *x = wf_list_get(l, i);
    if (x == o) return 0;
    if (wf_generic_alias_check(x) && wf_generic_alias_check(o)) {
      int eq = wf_object_richcompare_bool(x, o, Py_EQ);
      if (eq < 0) return -1;
      if (eq) return 0;
    }
  }
  return wf_list_append(l, o);
}

PyObject *wf_union_type_or(PyObject *a, PyObject *b) {
  if (!is_unionable(a) || !is_unionable(b)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  if (add_member(l, a) < 0 || add_member(l, b) < 0) return NULL;
  if (wf_list_size(l) == 1) return wf_list_get(l, 0);
  PyObject *args = wf_list_as_tuple(l);
  WF_GC_ROOT(args);
  wf_union *u = (wf_union *)wf_object_alloc(&wf_union_type, sizeof(wf_union));
  WF_GC_STORE(&u->args, args);
  return (PyObject *)u;
}

static PyObject *union_or(PyObject *a, PyObject *b) { return wf_union_type_or(a, b); }

static PyObject *union_repr(PyObject *self) {
  WF_GC_ROOT(self);
  wf_strbuf b;
  wf_strbuf_init(&b, 32);
  PyObject *args = U(self)->args;
  for (Py_ssize_t i = 0; i < WF_SIZE(args); i++) {
    if (i) wf_strbuf_put_cstr(&b, " | ");
    PyObject *p = WF_TUPLE_GET(args, i);
    if (p == (PyObject *)&wf_NoneType_type) {
      wf_strbuf_put_cstr(&b, "None");
    } else if (wf_ga_repr_item(&b, p) < 0) {
      wf_strbuf_free(&b);
      return NULL;
    }
  }
  return wf_strbuf_finish(&b);
}

static PyObject *union_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_union_check(a) || !wf_union_check(b) || (op != Py_EQ && op != Py_NE)) return WF_NOTIMPLEMENTED;
  WF_GC_ROOT(b);
  PyObject *sa = wf_frozenset_new(U(a)->args);
  if (!sa) return NULL;
  WF_GC_ROOT(sa);
  PyObject *sb = wf_frozenset_new(U(b)->args);
  if (!sb) return NULL;
  return wf_object_richcompare(sa, sb, op);
}

static Py_hash_t union_hash(PyObject *self) {
  PyObject *s = wf_frozenset_new(U(self)->args);
  if (!s) return -1;
  return wf_object_hash(s);
}

static PyObject *union_parameters(PyObject *self) {
  PyObject *p = WF_GC_LOAD(&U(self)->parameters);
  if (p) return p;
  WF_GC_ROOT(self);
  p = wf_ga_make_parameters(U(self)->args);
  if (!p) return NULL;
  WF_GC_STORE(&U(self)->parameters, p);
  return p;
}

static PyObject *union_getitem(PyObject *self, PyObject *item) {
  PyObject *params = union_parameters(self);
  if (!params) return NULL;
  if (WF_SIZE(params) == 0) return wf_err_format(&wf_TypeError_type, "%R is not a generic class", self);
  return wf_err_set_string(&wf_NotImplementedError_type, "substituting type variables in a union (X | Y)[...]");
}

/* isinstance(o, A | B): each member in turn (a parameterized generic
 * raises when reached). */
static PyObject *check_members(PyObject *self, PyObject *o, bool sub) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(o);
  PyObject *args = U(self)->args;
  for (Py_ssize_t i = 0; i < WF_SIZE(args); i++) {
    PyObject *arg = WF_TUPLE_GET(args, i);
    if (wf_generic_alias_check(arg))
      return wf_err_format(&wf_TypeError_type, "%s() argument 2 cannot be a parameterized generic",
                           sub ? "issubclass" : "isinstance");
    int r = sub ? wf_object_issubclass(o, arg) : wf_object_isinstance(o, arg);
    if (r < 0) return NULL;
    if (r) return WF_TRUE;
  }
  return WF_FALSE;
}

static PyObject *m_instancecheck(PyObject *self, PyObject *o) { return check_members(self, o, false); }
static PyObject *m_subclasscheck(PyObject *self, PyObject *o) {
  if (!wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS))
    return wf_err_set_string(&wf_TypeError_type, "issubclass() arg 1 must be a class");
  return check_members(self, o, true);
}

static PyObject *get_parameters(PyObject *self, void *c) { return union_parameters(self); }

static PyMethodDef union_methods[] = {
    {"__instancecheck__", (PyCFunction)m_instancecheck, METH_O, NULL},
    {"__subclasscheck__", (PyCFunction)m_subclasscheck, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef union_members[] = {
    {"__args__", T_OBJECT, offsetof(wf_union, args), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef union_getsets[] = {
    {"__parameters__", get_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods union_as_number = {.nb_or = union_or};
static PyMappingMethods union_as_mapping = {.mp_subscript = union_getitem};

PyTypeObject wf_union_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(wf_union),
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_hash = union_hash,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_richcompare = union_richcompare,
    .tp_methods = union_methods,
    .tp_members = union_members,
    .tp_getset = union_getsets,
    .wf = {.trace = union_trace},
};
WF_REGISTER_TYPE(wf_union_type);
