/* property: a data descriptor calling fget/fset/fdel (subclassable). */
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *prop_get, *prop_set, *prop_del, *prop_doc, *prop_name;
  int getter_doc; /* the doc came from fget.__doc__ */
} wf_property;

#define P(o) ((wf_property *)(o))

static void property_trace(void *o, wf_gc_tracer *t) {
  wf_property *p = o;
  wf_gc_visit(t, p->prop_get);
  wf_gc_visit(t, p->prop_set);
  wf_gc_visit(t, p->prop_del);
  wf_gc_visit(t, p->prop_doc);
  wf_gc_visit(t, p->prop_name);
}

static const char *short_type_name(PyObject *o) {
  const char *n = WF_TYPE(o)->tp_name, *dot = strrchr(n, '.');
  return dot ? dot + 1 : n;
}

/* "property 'x' of 'C' object has no setter" (no name: "property of ..."). */
static void missing(PyObject *self, PyObject *obj, const char *what) {
  PyObject *name = P(self)->prop_name;
  if (name)
    wf_err_format(&wf_AttributeError_type, "property %R of '%s' object has no %s", name, short_type_name(obj), what);
  else
    wf_err_format(&wf_AttributeError_type, "property of '%s' object has no %s", short_type_name(obj), what);
}

static PyObject *property_get(PyObject *self, PyObject *obj, PyObject *type) {
  if (!obj || obj == WF_NONE) return self;
  PyObject *g = WF_GC_LOAD(&P(self)->prop_get);
  if (!g) {
    missing(self, obj, "getter");
    return NULL;
  }
  return wf_call_one(g, obj);
}

static int property_set(PyObject *self, PyObject *obj, PyObject *value) {
  PyObject *f = value ? WF_GC_LOAD(&P(self)->prop_set) : WF_GC_LOAD(&P(self)->prop_del);
  if (!f) {
    missing(self, obj, value ? "setter" : "deleter");
    return -1;
  }
  PyObject *args[2] = {obj, value};
  PyObject *r = wf_call(f, args, value ? 2 : 1, NULL);
  return r ? 0 : -1;
}

static int property_init_impl(PyObject *self, PyObject *fget, PyObject *fset, PyObject *fdel, PyObject *doc) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(fget);
  WF_GC_ROOT(doc);
  wf_property *p = P(self);
  if (fget == WF_NONE) fget = NULL;
  if (fset == WF_NONE) fset = NULL;
  if (fdel == WF_NONE) fdel = NULL;
  WF_GC_STORE(&p->prop_get, fget);
  WF_GC_STORE(&p->prop_set, fset);
  WF_GC_STORE(&p->prop_del, fdel);
  WF_GC_STORE(&p->prop_doc, NULL);
  p->getter_doc = 0;
  PyObject *pdoc = NULL;
  WF_GC_ROOT(pdoc);
  if (doc && doc != WF_NONE) {
    pdoc = doc;
  } else if (fget) {
    int rc = wf_object_lookup_attr(fget, WF_ID(__doc__), &pdoc);
    if (rc < 0) return -1;
    if (pdoc == WF_NONE) pdoc = NULL;
    if (pdoc) p->getter_doc = 1;
  }
  if (WF_TYPE(self) == &wf_property_type) {
    WF_GC_STORE(&p->prop_doc, pdoc);
    return 0;
  }
  /* A subclass keeps __doc__ in the instance dict: the class's own __doc__
   * would shadow the member otherwise. */
  if (wf_object_setattr(self, WF_ID(__doc__), pdoc ? pdoc : WF_NONE) < 0) {
    if (!p->getter_doc && wf_err_matches(&wf_AttributeError_type)) {
      wf_err_clear();
      return 0;
    }
    return -1;
  }
  return 0;
}

PyObject *wf_property_new(PyObject *fget, PyObject *fset, PyObject *fdel, PyObject *doc) {
  WF_GC_ROOT(fget);
  WF_GC_ROOT(fset);
  WF_GC_ROOT(fdel);
  WF_GC_ROOT(doc);
  PyObject *p = wf_object_alloc(&wf_property_type, sizeof(wf_property));
  WF_GC_ROOT(p);
  if (property_init_impl(p, fget, fset, fdel, doc) < 0) return NULL;
  return p;
}

static int property_init(PyObject *self, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
  if (WF_SIZE(args) > 4) {
    wf_err_format(&wf_TypeError_type, "property() takes at most 4 arguments (%zd given)",
                  WF_SIZE(args) + (kwds ? wf_dict_size(kwds) : 0));
    return -1;
  }
  if (kwds) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (wf_dict_next(kwds, &pos, &k, &v)) {
      bool ok = false;
      for (int i = 0; names[i]; i++)
        if (wf_str_check(k) && wf_str_equal_cstr(k, names[i])) ok = true;
      if (!ok) {
        wf_err_format(&wf_TypeError_type, "%R is an invalid keyword argument for property()", k);
        return -1;
      }
    }
  }
  PyObject *a[4];
  if (wf_arg_unpack_tuple_dict("property", args, kwds, names, 0, a) < 0) return -1;
  return property_init_impl(self, a[0], a[1], a[2], a[3]);
}

/* getter/setter/deleter: a copy of the property (of the same type) with one
 * function replaced. */
static PyObject *property_copy(PyObject *self, PyObject *get, PyObject *set, PyObject *del) {
  wf_property *old = P(self);
  WF_GC_ROOT(self);
  if (!get) get = old->prop_get ? old->prop_get : WF_NONE;
  if (!set) set = old->prop_set ? old->prop_set : WF_NONE;
  if (!del) del = old->prop_del ? old->prop_del : WF_NONE;
  PyObject *doc;
  if (old->getter_doc && get != WF_NONE)
    doc = WF_NONE; /* take the new getter's __doc__ */
  else
    doc = old->prop_doc ? old->prop_doc : WF_NONE;
  PyObject *args[4] = {get, set, del, doc};
  PyObject *n = wf_call((PyObject *)WF_TYPE(self), args, 4, NULL);
  if (n && wf_object_type_check(n, &wf_property_type)) WF_GC_STORE(&P(n)->prop_name, old->prop_name);
  return n;
}

static PyObject *m_getter(PyObject *self, PyObject *f) { return property_copy(self, f, NULL, NULL); }
static PyObject *m_setter(PyObject *self, PyObject *f) { return property_copy(self, NULL, f, NULL); }
static PyObject *m_deleter(PyObject *self, PyObject *f) { return property_copy(self, NULL, NULL, f); }

static PyObject *m_set_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (nargs != 2)
    return wf_err_format(&wf_TypeError_type, "__set_name__() takes 2 positional arguments but %zd were given", nargs);
  WF_GC_STORE(&P(self)->prop_name, args[1]);
  return WF_NONE;
}

static PyObject *get_isabstract(PyObject *self, void *c) {
  WF_GC_ROOT(self);
  PyObject *fs[3] = {P(self)->prop_get, P(self)->prop_set, P(self)->prop_del};
  for (int i = 0; i < 3; i++) {
    if (!fs[i]) continue;
    PyObject *v = NULL;
    int r = wf_object_lookup_attr(fs[i], WF_ID(__isabstractmethod__), &v);
    if (r < 0) return NULL;
    if (r == 0) continue;
    int t = wf_object_is_true(v);
    if (t < 0) return NULL;
    if (t) return WF_TRUE;
  }
  return WF_FALSE;
}

static PyMethodDef property_methods[] = {
    {"getter", (PyCFunction)m_getter, METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", (PyCFunction)m_setter, METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", (PyCFunction)m_deleter, METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", (PyCFunction)(void (*)(void))m_set_name, METH_FASTCALL, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef property_members[] = {
    {"fget", T_OBJECT, offsetof(wf_property, prop_get), READONLY, NULL},
    {"fset", T_OBJECT, offsetof(wf_property, prop_set), READONLY, NULL},
    {"fdel", T_OBJECT, offsetof(wf_property, prop_del), READONLY, NULL},
    {"__doc__", T_OBJECT, offsetof(wf_property, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef property_getsets[] = {
    {"__isabstractmethod__", get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_property_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "property",
    .tp_basicsize = sizeof(wf_property),
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute value\n  fset\n"
              "    function to be used for setting an attribute value\n  fdel\n"
              "    function to be used for del'ing an attribute\n  doc\n    docstring\n\n"
              "Typical use is to define a managed attribute x:\n\nclass C(object):\n    def getx(self): return "
              "self._x\n    def setx(self, value): self._x = value\n    def delx(self): del self._x\n"
              "    x = property(getx, setx, delx, \"I'm the 'x' property.\")",
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsets,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_new = wf_type_generic_new,
    .wf = {.trace = property_trace},
};
WF_REGISTER_TYPE(wf_property_type);
