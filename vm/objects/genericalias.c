/* types.GenericAlias: the result of list[int], dict[str, int], ... (PEP 585).
 * Attribute access other than its own is forwarded to the origin;
 * calling it instantiates the origin. */
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "genericalias.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *origin;
  PyObject *args;       /* tuple */
  PyObject *parameters; /* tuple, computed on first use */
  PyObject *weakreflist;
  bool starred;
} wf_ga;

#define GA(o) ((wf_ga *)(o))

static void ga_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, GA(o)->origin);
  wf_gc_visit(t, GA(o)->args);
  wf_gc_visit(t, GA(o)->parameters);
}

static PyObject *ga_new_impl(PyTypeObject *type, PyObject *origin, PyObject *args, bool starred) {
  WF_GC_ROOT(origin);
  WF_GC_ROOT(args);
  if (!wf_tuple_check(args)) args = wf_tuple_pack(1, args);
  allocfunc a = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  PyObject *g = a(type, 0);
  if (!g) return NULL;
  WF_GC_STORE(&GA(g)->origin, origin);
  WF_GC_STORE(&GA(g)->args, args);
  GA(g)->starred = starred;
  return g;
}

PyObject *wf_generic_alias_new(PyObject *origin, PyObject *args) {
  return ga_new_impl(&wf_generic_alias_type, origin, args, false);
}

/* ---- repr ---------------------------------------------------------------------------- */

static int put_repr(wf_strbuf *b, PyObject *o) {
  PyObject *r = wf_object_repr(o);
  if (!r) return -1;
  return wf_strbuf_put_str(b, r);
}

int wf_ga_repr_item(wf_strbuf *b, PyObject *p) {
  WF_GC_ROOT(p);
  if (p == WF_ELLIPSIS) return wf_strbuf_put_cstr(b, "...");
  if (WF_TYPE(p) == &wf_generic_alias_type) return put_repr(b, p);
  PyObject *tmp = NULL, *qualname = NULL, *module = NULL;
  WF_GC_ROOT(tmp);
  WF_GC_ROOT(qualname);
  WF_GC_ROOT(module);
  if (wf_object_lookup_attr(p, WF_ID(__origin__), &tmp) < 0) return -1;
  if (tmp) {
    if (wf_object_lookup_attr(p, WF_ID(__args__), &tmp) < 0) return -1;
    if (tmp) return put_repr(b, p);
  }
  if (wf_object_lookup_attr(p, WF_ID(__qualname__), &qualname) < 0) return -1;
  if (!qualname) return put_repr(b, p);
  if (wf_object_lookup_attr(p, WF_ID(__module__), &module) < 0) return -1;
  if (!module || module == WF_NONE) return put_repr(b, p);
  if (wf_str_check(module) && wf_str_equal_cstr(module, "builtins")) {
    PyObject *s = wf_object_str(qualname);
    return s ? wf_strbuf_put_str(b, s) : -1;
  }
  PyObject *s = wf_str_from_format("%S.%S", module, qualname);
  return s ? wf_strbuf_put_str(b, s) : -1;
}

static PyObject *ga_repr(PyObject *self) {
  WF_GC_ROOT(self);
  wf_strbuf b;
  wf_strbuf_init(&b, 32);
  if (GA(self)->starred) wf_strbuf_putc(&b, '*');
  if (wf_ga_repr_item(&b, GA(self)->origin) < 0) goto fail;
  wf_strbuf_putc(&b, '[');
  PyObject *args = GA(self)->args;
  if (WF_SIZE(args) == 0) wf_strbuf_put_cstr(&b, "()");
  for (Py_ssize_t i = 0; i < WF_SIZE(args); i++) {
    if (i) wf_strbuf_put_cstr(&b, ", ");
    if (wf_ga_repr_item(&b, WF_TUPLE_GET(args, i)) < 0) goto fail;
  }
  wf_strbuf_putc(&b, ']');
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

/* ---- parameters and substitution ---------------------------------------------------- */

static int tuple_index(PyObject *t, PyObject *o) {
  for (Py_ssize_t i = 0; i < WF_SIZE(t); i++)
    if (WF_TUPLE_GET(t, i) == o) return (int)i;
  return -1;
}

PyObject *wf_ga_make_parameters(PyObject *args) {
  WF_GC_ROOT(args);
  PyObject *params = wf_list_new(0);
  WF_GC_ROOT(params);
  for (Py_ssize_t i = 0; i < WF_SIZE(args); i++) {
    PyObject *t = WF_TUPLE_GET(args, i), *sub = NULL;
    WF_GC_ROOT(t);
    WF_GC_ROOT(sub);
    if (wf_type_has_flag(WF_TYPE(t), Py_TPFLAGS_TYPE_SUBCLASS)) continue; /* a class is never a parameter */
    if (wf_object_lookup_attr(t, WF_ID(__typing_subst__), &sub) < 0) return NULL;
    if (sub) {
      int found = wf_sequence_contains(params, t);
      if (found < 0) return NULL;
      if (!found && wf_list_append(params, t) < 0) return NULL;
      continue;
    }
    if (wf_object_lookup_attr(t, WF_ID(__parameters__), &sub) < 0) return NULL;
    if (sub && wf_tuple_check(sub)) {
      for (Py_ssize_t j = 0; j < WF_SIZE(sub); j++) {
        int found = wf_sequence_contains(params, WF_TUPLE_GET(sub, j));
        if (found < 0) return NULL;
        if (!found && wf_list_append(params, WF_TUPLE_GET(sub, j)) < 0) return NULL;
      }
    }
  }
  return wf_list_as_tuple(params);
}

static PyObject *ga_parameters(PyObject *self) {
  PyObject *p = WF_GC_LOAD(&GA(self)->parameters);
  if (p) return p;
  WF_GC_ROOT(self);
  p = wf_ga_make_parameters(GA(self)->args);
  if (!p) return NULL;
  WF_GC_STORE(&GA(self)->parameters, p);
  return p;
}

/* alias[x, ...]: replace each type variable by its argument (via the
 * variable's __typing_subst__), recursing into generic arguments. */
static PyObject *subs_args(PyObject *self, PyObject *item, PyObject *args) {
  PyObject *params = ga_parameters(self);
  if (!params) return NULL;
  WF_GC_ROOT(params);
  Py_ssize_t np = WF_SIZE(params);
  if (np == 0) return wf_err_format(&wf_TypeError_type, "%R is not a generic class", self);
  PyObject *items = wf_tuple_check(item) ? item : wf_tuple_pack(1, item);
  WF_GC_ROOT(items);
  Py_ssize_t ni = WF_SIZE(items);
  if (ni != np)
    return wf_err_format(&wf_TypeError_type, "Too %s arguments for %R; actual %zd, expected %zd",
                         ni > np ? "many" : "few", self, ni, np);
  PyObject *out = wf_tuple_new(WF_SIZE(args));
  WF_GC_ROOT(out);
  for (Py_ssize_t i = 0; i < WF_SIZE(args); i++) {
    PyObject *a = WF_TUPLE_GET(args, i), *r = NULL, *sub = NULL;
    WF_GC_ROOT(r);
    WF_GC_ROOT(sub);
    int k = tuple_index(params, a);
    if (k >= 0) {
      if (wf_object_lookup_attr(a, WF_ID(__typing_subst__), &sub) < 0) return NULL;
      r = sub ? wf_call_one(sub, WF_TUPLE_GET(items, k)) : WF_TUPLE_GET(items, k);
      if (!r) return NULL;
    } else if (!wf_type_has_flag(WF_TYPE(a), Py_TPFLAGS_TYPE_SUBCLASS) &&
               wf_object_lookup_attr(a, WF_ID(__parameters__), &sub) > 0 && wf_tuple_check(sub) && WF_SIZE(sub) > 0) {
      PyObject *subitems = wf_tuple_new(WF_SIZE(sub));
      WF_GC_ROOT(subitems);
      for (Py_ssize_t j = 0; j < WF_SIZE(sub); j++) {
        int kk = tuple_index(params, WF_TUPLE_GET(sub, j));
        WF_TUPLE_INIT(subitems, j, kk >= 0 ? WF_TUPLE_GET(items, kk) : WF_TUPLE_GET(sub, j));
      }
      r = wf_object_getitem(a, WF_SIZE(subitems) == 1 ? WF_TUPLE_GET(subitems, 0) : subitems);
      if (!r) return NULL;
    } else {
      if (wf_err_occurred()) return NULL;
      r = a;
    }
    WF_TUPLE_INIT(out, i, r);
  }
  return out;
}

static PyObject *ga_getitem(PyObject *self, PyObject *item) {
  WF_GC_ROOT(self);
  PyObject *args = subs_args(self, item, GA(self)->args);
  if (!args) return NULL;
  return ga_new_impl(WF_TYPE(self), GA(self)->origin, args, GA(self)->starred);
}

/* ---- Slots -------------------------------------------------------------------------- */

static const char *const own_attrs[] = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                                        "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
                                        "__reduce__", "__copy__", "__deepcopy__", NULL};

static PyObject *ga_getattro(PyObject *self, PyObject *name) {
  if (wf_str_check(name)) {
    bool own = false;
    for (int i = 0; own_attrs[i]; i++)
      if (wf_str_equal_cstr(name, own_attrs[i])) own = true;
    if (!own) return wf_object_getattr(GA(self)->origin, name);
  }
  return wf_object_generic_getattr(self, name);
}

static PyObject *ga_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_generic_alias_check(a) || !wf_generic_alias_check(b) || (op != Py_EQ && op != Py_NE))
    return WF_NOTIMPLEMENTED;
  if (GA(a)->starred != GA(b)->starred) return wf_bool_from(op == Py_NE);
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  int eq = wf_object_richcompare_bool(GA(a)->origin, GA(b)->origin, Py_EQ);
  if (eq < 0) return NULL;
  if (!eq) return wf_bool_from(op == Py_NE);
  return wf_object_richcompare(GA(a)->args, GA(b)->args, op);
}

static Py_hash_t ga_hash(PyObject *self) {
  WF_GC_ROOT(self);
  Py_hash_t h0 = wf_object_hash(GA(self)->origin);
  if (h0 == -1) return -1;
  Py_hash_t h1 = wf_object_hash(GA(self)->args);
  if (h1 == -1) return -1;
  Py_hash_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

static PyObject *ga_call(PyObject *self, PyObject *args, PyObject *kwds) {
  WF_GC_ROOT(self);
  PyObject *obj = wf_call_tuple_dict(GA(self)->origin, args, kwds);
  if (!obj) return NULL;
  WF_GC_ROOT(obj);
  if (wf_object_setattr(obj, WF_ID(__orig_class__), self) < 0) {
    if (!wf_err_matches(&wf_AttributeError_type) && !wf_err_matches(&wf_TypeError_type)) return NULL;
    wf_err_clear();
  }
  return obj;
}

static PyObject *ga_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (kwds && wf_dict_size(kwds) > 0 && type == &wf_generic_alias_type)
    return wf_err_set_string(&wf_TypeError_type, "GenericAlias() takes no keyword arguments");
  if (wf_arg_check_positional("GenericAlias", WF_SIZE(args), 2, 2) < 0) return NULL;
  return ga_new_impl(type, WF_TUPLE_GET(args, 0), WF_TUPLE_GET(args, 1), false);
}

static PyObject *m_mro_entries(PyObject *self, PyObject *bases) { return wf_tuple_pack(1, GA(self)->origin); }

static PyObject *m_instancecheck(PyObject *self, PyObject *o) {
  return wf_err_set_string(&wf_TypeError_type, "isinstance() argument 2 cannot be a parameterized generic");
}
static PyObject *m_subclasscheck(PyObject *self, PyObject *o) {
  return wf_err_set_string(&wf_TypeError_type, "issubclass() argument 2 cannot be a parameterized generic");
}

static PyObject *m_reduce(PyObject *self, PyObject *unused) {
  PyObject *a = wf_tuple_pack(2, GA(self)->origin, GA(self)->args);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), a);
}

static PyObject *m_dir(PyObject *self, PyObject *unused) {
  WF_GC_ROOT(self);
  PyObject *d = wf_object_dir(GA(self)->origin);
  if (!d) return NULL;
  WF_GC_ROOT(d);
  for (int i = 0; own_attrs[i]; i++) {
    PyObject *n = wf_str_from_cstr(own_attrs[i]);
    int c = wf_sequence_contains(d, n);
    if (c < 0) return NULL;
    if (!c && wf_list_append(d, n) < 0) return NULL;
  }
  return d;
}

static PyObject *get_parameters(PyObject *self, void *c) { return ga_parameters(self); }
static PyObject *get_unpacked(PyObject *self, void *c) { return wf_bool_from(GA(self)->starred); }
static PyObject *get_unpacked_args(PyObject *self, void *c) {
  if (GA(self)->starred && GA(self)->origin == (PyObject *)&wf_tuple_type) return GA(self)->args;
  return WF_NONE;
}

static PyObject *ga_or(PyObject *a, PyObject *b) { return wf_union_type_or(a, b); }

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", (PyCFunction)m_mro_entries, METH_O, NULL},
    {"__instancecheck__", (PyCFunction)m_instancecheck, METH_O, NULL},
    {"__subclasscheck__", (PyCFunction)m_subclasscheck, METH_O, NULL},
    {"__reduce__", (PyCFunction)m_reduce, METH_NOARGS, NULL},
    {"__dir__", (PyCFunction)m_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ga_members[] = {
    {"__origin__", T_OBJECT, offsetof(wf_ga, origin), READONLY, NULL},
    {"__args__", T_OBJECT, offsetof(wf_ga, args), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef ga_getsets[] = {
    {"__parameters__", get_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__unpacked__", get_unpacked, NULL, NULL, NULL},
    {"__typing_unpacked_tuple_args__", get_unpacked_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods ga_as_mapping = {.mp_subscript = ga_getitem};
static PyNumberMethods ga_as_number = {.nb_or = ga_or};

PyTypeObject wf_generic_alias_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(wf_ga),
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ "
              "is (int,).",
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(wf_ga, weakreflist),
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getsets,
    .tp_new = ga_tp_new,
    .wf = {.trace = ga_trace},
};
WF_REGISTER_TYPE(wf_generic_alias_type);
