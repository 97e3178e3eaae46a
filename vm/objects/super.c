/* super: attribute lookup along the MRO of an object's type, starting after
 * a given class.  Zero-argument super() reads the calling frame: its first
 * argument and its __class__ free variable. */
#include "descr.h"
#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "interp.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyTypeObject *type;     /* the class to start after */
  PyObject *obj;          /* the instance or class, or NULL (unbound) */
  PyTypeObject *obj_type; /* the type whose MRO is searched */
} wf_super;

#define S(o) ((wf_super *)(o))

static bool is_type(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS); }

static void super_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, S(o)->type);
  wf_gc_visit(t, S(o)->obj);
  wf_gc_visit(t, S(o)->obj_type);
}

/* The type whose MRO to search for super(type, obj), or NULL + TypeError. */
static PyTypeObject *supercheck(PyTypeObject *type, PyObject *obj) {
  if (is_type(obj) && wf_type_is_subtype((PyTypeObject *)obj, type)) return (PyTypeObject *)obj;
  if (wf_type_is_subtype(WF_TYPE(obj), type)) return WF_TYPE(obj);
  WF_GC_ROOT(type);
  WF_GC_ROOT(obj);
  PyObject *cls = NULL;
  if (wf_object_lookup_attr(obj, WF_ID(__class__), &cls) < 0) return NULL;
  if (cls && is_type(cls) && (PyTypeObject *)cls != WF_TYPE(obj) && wf_type_is_subtype((PyTypeObject *)cls, type))
    return (PyTypeObject *)cls;
  wf_err_set_string(&wf_TypeError_type, "super(type, obj): obj must be an instance or subtype of type");
  return NULL;
}

/* super() inside a method: (the __class__ cell's class, the first argument). */
static int super_from_frame(PyTypeObject **type_out, PyObject **obj_out) {
  wf_frame *f = wf_frame_current();
  if (!f) {
    wf_err_set_string(&wf_RuntimeError_type, "super(): no current frame");
    return -1;
  }
  wf_code *co = f->code;
  if (co->co_argcount == 0) {
    wf_err_set_string(&wf_RuntimeError_type, "super(): no arguments");
    return -1;
  }
  const uint8_t *kinds = (const uint8_t *)wf_bytes_data(co->co_localspluskinds);
  PyObject *first = f->localsplus[0];
  if (first && (kinds[0] & CO_FAST_CELL) && wf_cell_check(first)) first = wf_cell_get(first);
  if (!first) {
    wf_err_set_string(&wf_RuntimeError_type, "super(): arg[0] deleted");
    return -1;
  }
  Py_ssize_t i = co->co_nlocalsplus - 1;
  for (; i >= 0; i--) {
    if (!(kinds[i] & CO_FAST_FREE)) continue;
    if (wf_str_equal_cstr(WF_TUPLE_GET(co->co_localsplusnames, i), "__class__")) break;
  }
  if (i < 0) {
    wf_err_set_string(&wf_RuntimeError_type, "super(): __class__ cell not found");
    return -1;
  }
  PyObject *cell = f->localsplus[i];
  if (!cell || !wf_cell_check(cell)) {
    wf_err_set_string(&wf_RuntimeError_type, "super(): bad __class__ cell");
    return -1;
  }
  PyObject *cls = wf_cell_get(cell);
  if (!cls) {
    wf_err_set_string(&wf_RuntimeError_type, "super(): empty __class__ cell");
    return -1;
  }
  if (!is_type(cls)) {
    wf_err_format(&wf_RuntimeError_type, "super(): __class__ is not a type (%s)", WF_TYPE(cls)->tp_name);
    return -1;
  }
  *type_out = (PyTypeObject *)cls;
  *obj_out = first;
  return 0;
}

static int super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(type);
  WF_GC_ROOT(obj);
  PyTypeObject *obj_type = NULL;
  if (obj == WF_NONE) obj = NULL;
  if (obj) {
    obj_type = supercheck(type, obj);
    if (!obj_type) return -1;
  }
  WF_GC_STORE(&S(self)->type, type);
  WF_GC_STORE(&S(self)->obj, obj);
  WF_GC_STORE(&S(self)->obj_type, obj_type);
  return 0;
}

static int super_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (kwds && wf_dict_size(kwds) > 0) {
    wf_err_set_string(&wf_TypeError_type, "super() takes no keyword arguments");
    return -1;
  }
  if (wf_arg_check_positional("super()", WF_SIZE(args), 0, 2) < 0) return -1;
  PyTypeObject *type;
  PyObject *obj = NULL;
  if (WF_SIZE(args) == 0) {
    if (super_from_frame(&type, &obj) < 0) return -1;
  } else {
    PyObject *t = WF_TUPLE_GET(args, 0);
    if (!is_type(t)) {
      wf_err_format(&wf_TypeError_type, "super() argument 1 must be a type, not %.200s", WF_TYPE(t)->tp_name);
      return -1;
    }
    type = (PyTypeObject *)t;
    if (WF_SIZE(args) == 2) obj = WF_TUPLE_GET(args, 1);
  }
  return super_init_impl(self, type, obj);
}

static PyObject *super_getattro(PyObject *self, PyObject *name) {
  wf_super *su = S(self);
  PyTypeObject *start = su->obj_type;
  if (!start || !wf_str_check(name) || wf_str_equal_cstr(name, "__class__"))
    return wf_object_generic_getattr(self, name);
  PyObject *mro = start->tp_mro;
  if (!mro) return wf_object_generic_getattr(self, name);
  Py_ssize_t n = WF_SIZE(mro), i = 0;
  for (; i + 1 < n; i++)
    if (WF_TUPLE_GET(mro, i) == (PyObject *)su->type) break;
  for (i++; i < n; i++) {
    PyTypeObject *base = (PyTypeObject *)WF_TUPLE_GET(mro, i);
    PyObject *dict = base->tp_dict;
    if (!dict) continue;
    PyObject *res = wf_dict_getitem_err(dict, name);
    if (!res) {
      if (wf_err_occurred()) return NULL;
      continue;
    }
    descrgetfunc g = WF_TYPE(res)->tp_descr_get;
    if (!g) return res;
    /* obj is a class when super(C, C2): bind like a class attribute. */
    PyObject *inst = su->obj == (PyObject *)start ? NULL : su->obj;
    return g(res, inst, (PyObject *)start);
  }
  return wf_object_generic_getattr(self, name);
}

static PyObject *super_descr_get(PyObject *self, PyObject *obj, PyObject *type) {
  wf_super *su = S(self);
  if (!obj || obj == WF_NONE || su->obj) return self;
  if (WF_TYPE(self) != &wf_super_type) {
    PyObject *args[2] = {(PyObject *)su->type, obj};
    return wf_call((PyObject *)WF_TYPE(self), args, 2, NULL);
  }
  PyObject *n = wf_object_alloc(&wf_super_type, sizeof(wf_super));
  if (super_init_impl(n, su->type, obj) < 0) return NULL;
  return n;
}

static PyObject *super_repr(PyObject *self) {
  wf_super *su = S(self);
  const char *tn = su->type ? su->type->tp_name : "NULL";
  if (su->obj_type) return wf_str_from_format("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
  return wf_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static PyMemberDef super_members[] = {
    {"__thisclass__", T_OBJECT, offsetof(wf_super, type), READONLY, "the class invoking super()"},
    {"__self__", T_OBJECT, offsetof(wf_super, obj), READONLY, "the instance invoking super(); may be None"},
    {"__self_class__", T_OBJECT, offsetof(wf_super, obj_type), READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_super_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "super",
    .tp_basicsize = sizeof(wf_super),
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
              "Typical use to call a cooperative superclass method:\nclass C(B):\n    def meth(self, arg):\n"
              "        super().meth(arg)\nThis works for class methods too:\nclass C(B):\n    @classmethod\n"
              "    def cmeth(cls, arg):\n        super().cmeth(arg)\n",
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = wf_type_generic_new,
    .wf = {.trace = super_trace},
};
WF_REGISTER_TYPE(wf_super_type);
