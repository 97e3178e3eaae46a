/* Struct sequences: tuple subclasses with named read-only fields
 * (sys.version_info, sys.flags, sys.float_info, time.struct_time, ...).
 *
 * Each type is a PyTypeObject allocated with calloc (outside the GC heap,
 * so immortal like a static type) whose base is tuple; instances have the
 * tuple layout, so every tuple operation works on them. The fields are
 * READONLY T_OBJECT members at the item offsets ("readonly attribute" on
 * assignment, as python3.11). */
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "list.h"
#include "modules.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

static Py_ssize_t nfields(PyTypeObject *t) {
  Py_ssize_t n = 0;
  for (PyMemberDef *m = t->tp_members; m && m->name; m++) n++;
  return n;
}

PyObject *wf_structseq_new(PyTypeObject *type, PyObject *const *items) {
  Py_ssize_t n = nfields(type);
  PyObject *o = (PyObject *)wf_object_alloc_var(type, n);
  for (Py_ssize_t i = 0; i < n; i++) WF_TUPLE_INIT(o, i, items[i]);
  return o;
}

static PyObject *structseq_repr(PyObject *self) {
  PyTypeObject *t = WF_TYPE(self);
  WF_GC_ROOT(self);
  int r = wf_repr_enter(self);
  if (r < 0) return NULL;
  if (r > 0) return wf_str_from_format("%s(...)", t->tp_name);
  wf_strbuf b;
  wf_strbuf_init(&b, 64);
  PyObject *res = NULL;
  if (wf_strbuf_put_cstr(&b, t->tp_name) < 0 || wf_strbuf_putc(&b, '(') < 0) goto done;
  Py_ssize_t i = 0;
  for (PyMemberDef *m = t->tp_members; m && m->name && i < WF_SIZE(self); m++, i++) {
    if (i && wf_strbuf_put_cstr(&b, ", ") < 0) goto done;
    if (wf_strbuf_put_cstr(&b, m->name) < 0 || wf_strbuf_putc(&b, '=') < 0) goto done;
    PyObject *rep = wf_object_repr(WF_TUPLE_GET(self, i));
    if (!rep) goto done;
    if (wf_strbuf_put_str(&b, rep) < 0) goto done;
  }
  if (wf_strbuf_putc(&b, ')') < 0) goto done;
  res = wf_strbuf_finish(&b);
  b.data = NULL;
done:
  if (b.data) wf_strbuf_free(&b);
  wf_repr_leave(self);
  return res;
}

static PyObject *structseq_reduce(PyObject *self, PyObject *unused) {
  PyObject *tup = wf_tuple_from_array(WF_TUPLE_ITEMS(self), WF_SIZE(self));
  WF_GC_ROOT(tup);
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  PyObject *args = wf_tuple_pack(2, tup, d);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), args);
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", (PyCFunction)structseq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* type(sequence, dict=None) for types that allow it. */
static PyObject *structseq_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  Py_ssize_t nargs = WF_SIZE(args);
  if (kwds && wf_dict_size(kwds) > 0) {
    PyObject *k = NULL, *v = NULL;
    Py_ssize_t pos = 0;
    wf_dict_next(kwds, &pos, &k, &v);
    if (!wf_str_equal_cstr(k, "sequence") && !wf_str_equal_cstr(k, "dict"))
      return wf_err_format(&wf_TypeError_type, "%s() got an unexpected keyword argument '%U'", type->tp_name, k);
  }
  PyObject *seq = nargs > 0 ? WF_TUPLE_GET(args, 0) : (kwds ? wf_dict_getitem_cstr(kwds, "sequence") : NULL);
  if (!seq) return wf_err_format(&wf_TypeError_type, "%s() missing required argument 'sequence' (pos 1)", type->tp_name);
  if (nargs > 2)
    return wf_err_format(&wf_TypeError_type, "%s() takes at most 2 arguments (%zd given)", type->tp_name, nargs);
  PyObject *tup = wf_sequence_tuple(seq);
  if (!tup) {
    if (wf_err_matches(&wf_TypeError_type)) {
      wf_err_clear();
      return wf_err_format(&wf_TypeError_type, "constructor requires a sequence");
    }
    return NULL;
  }
  Py_ssize_t n = nfields(type);
  if (WF_SIZE(tup) != n) {
    return wf_err_format(&wf_TypeError_type, "%s() takes a %zd-sequence (%zd-sequence given)", type->tp_name, n,
                         WF_SIZE(tup));
  }
  return wf_structseq_new(type, WF_TUPLE_ITEMS(tup));
}

PyTypeObject *wf_structseq_new_type(const wf_structseq_desc *desc) {
  Py_ssize_t n = 0;
  while (desc->fields[n]) n++;
  PyTypeObject *t = calloc(1, sizeof(PyTypeObject));
  PyMemberDef *members = calloc((size_t)n + 1, sizeof(PyMemberDef));
  if (!t || !members) abort();
  for (Py_ssize_t i = 0; i < n; i++) {
    members[i].name = desc->fields[i];
    members[i].type = T_OBJECT;
    members[i].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *));
    members[i].flags = READONLY;
  }
  t->ob_base.ob_base.ob_refcnt = 1;
  t->ob_base.ob_base.ob_type = &wf_type_type;
  t->tp_name = desc->name;
  t->tp_basicsize = wf_tuple_type.tp_basicsize;
  t->tp_itemsize = wf_tuple_type.tp_itemsize;
  t->tp_repr = structseq_repr;
  t->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS |
                (desc->allow_new ? 0 : Py_TPFLAGS_DISALLOW_INSTANTIATION);
  t->tp_doc = desc->doc;
  t->tp_methods = structseq_methods;
  t->tp_members = members;
  t->tp_base = &wf_tuple_type;
  if (desc->allow_new) t->tp_new = structseq_tp_new;
  if (wf_type_ready(t) < 0) return NULL;
  /* Class attributes of CPython's struct sequences. */
  PyObject *dict = t->tp_dict;
  PyObject *names = wf_tuple_new(n);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *s = wf_str_from_cstr(desc->fields[i]);
    WF_TUPLE_INIT(names, i, s);
  }
  WF_GC_ROOT(names);
  PyObject *nf = wf_int_from_ssize(n);
  if (wf_dict_setitem_cstr(dict, "n_fields", nf) < 0 || wf_dict_setitem_cstr(dict, "n_sequence_fields", nf) < 0 ||
      wf_dict_setitem_cstr(dict, "n_unnamed_fields", wf_int_from_ssize(0)) < 0 ||
      wf_dict_setitem_cstr(dict, "__match_args__", names) < 0)
    return NULL;
  wf_type_modified(t);
  return t;
}
