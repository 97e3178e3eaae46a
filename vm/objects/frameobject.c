/* frame: the Python-visible view of a wf_frame (sys._getframe(),
 * tb_frame).  While the frame runs, the object reads it directly; when it
 * finishes (wf_frame_object_detach) the object keeps the code, globals,
 * last line, caller and a snapshot of the locals. */
#include "bytes.h"
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "funcobject.h"
#include "int.h"
#include "interp.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"
#include "typeobject.h"

#define FO(o) ((wf_frameobject *)(o))

static void frameobject_trace(void *o, wf_gc_tracer *t) {
  wf_frameobject *f = o;
  /* f->frame is on a thread's data stack or inside f->gen: not a heap object. */
  wf_gc_visit(t, f->f_back);
  wf_gc_visit(t, f->f_code);
  wf_gc_visit(t, f->f_globals);
  wf_gc_visit(t, f->f_builtins);
  wf_gc_visit(t, f->f_locals);
  wf_gc_visit(t, f->f_gen);
  wf_gc_visit(t, f->f_trace);
}

PyObject *wf_frame_object(wf_frame *f) {
  PyObject *fo = WF_GC_LOAD(&f->frame_obj);
  if (fo) return fo;
  wf_frameobject *o = (wf_frameobject *)wf_object_alloc(&wf_frame_type, sizeof(wf_frameobject));
  WF_GC_STORE(&o->f_code, (PyObject *)f->code);
  WF_GC_STORE(&o->f_globals, f->globals);
  WF_GC_STORE(&o->f_builtins, f->builtins);
  WF_GC_STORE(&o->f_gen, f->gen);
  o->f_lineno = -1;
  o->frame = f;
  WF_GC_STORE(&f->frame_obj, (PyObject *)o);
  return (PyObject *)o;
}

/* A dict of the frame's variables: plain locals, cell contents and (in
 * optimized code) free variables; unbound ones are left out. */
static PyObject *locals_snapshot(wf_frame *f) {
  if (f->locals) return f->locals;
  wf_code *co = f->code;
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  const uint8_t *kinds = (const uint8_t *)wf_bytes_data(co->co_localspluskinds);
  for (int i = 0; i < co->co_nlocalsplus; i++) {
    int kind = kinds[i];
    if ((kind & CO_FAST_FREE) && !(co->co_flags & CO_OPTIMIZED)) continue;
    PyObject *v = f->localsplus[i];
    if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && wf_cell_check(v)) v = wf_cell_get(v);
    if (!v) continue;
    if (wf_dict_setitem(d, WF_TUPLE_GET(co->co_localsplusnames, i), v) < 0) return NULL;
  }
  return d;
}

void wf_frame_object_detach(wf_frame *f) {
  PyObject *o = WF_GC_LOAD(&f->frame_obj);
  if (!o) return;
  WF_GC_ROOT(o);
  wf_frameobject *fo = FO(o);
  PyObject *exc = wf_err_fetch(); /* a frame often finishes by raising */
  WF_GC_ROOT(exc);
  fo->f_lineno = wf_frame_lineno(f);
  fo->f_lasti = f->lasti;
  PyObject *locals = locals_snapshot(f);
  if (!locals) wf_err_clear();
  WF_GC_STORE(&fo->f_locals, locals);
  if (f->previous) WF_GC_STORE(&fo->f_back, wf_frame_object(f->previous));
  __atomic_store_n(&fo->frame, NULL, __ATOMIC_RELEASE);
  WF_GC_STORE(&f->frame_obj, NULL);
  wf_err_restore(exc);
}

static wf_frame *live(PyObject *self) { return __atomic_load_n(&FO(self)->frame, __ATOMIC_ACQUIRE); }

int wf_frameobject_lineno(PyObject *self) {
  wf_frame *f = live(self);
  if (f) return wf_frame_lineno(f);
  return FO(self)->f_lineno;
}

/* ---- Attributes ---------------------------------------------------------------------- */

static PyObject *get_back(PyObject *self, void *c) {
  wf_frame *f = live(self);
  if (f) return f->previous ? wf_frame_object(f->previous) : WF_NONE;
  PyObject *b = WF_GC_LOAD(&FO(self)->f_back);
  return b ? b : WF_NONE;
}

static PyObject *get_locals(PyObject *self, void *c) {
  wf_frame *f = live(self);
  if (f) return locals_snapshot(f);
  PyObject *l = WF_GC_LOAD(&FO(self)->f_locals);
  return l ? l : wf_dict_new();
}

static PyObject *get_lineno(PyObject *self, void *c) {
  int n = wf_frameobject_lineno(self);
  if (n < 0) return WF_NONE;
  return wf_int_from_ssize(n);
}

static PyObject *get_lasti(PyObject *self, void *c) {
  wf_frame *f = live(self);
  return wf_int_from_ssize(f ? f->lasti : FO(self)->f_lasti);
}

static PyObject *get_trace(PyObject *self, void *c) {
  PyObject *t = WF_GC_LOAD(&FO(self)->f_trace);
  return t ? t : WF_NONE;
}
static int set_trace(PyObject *self, PyObject *v, void *c) {
  WF_GC_STORE(&FO(self)->f_trace, v == WF_NONE ? NULL : v);
  return 0;
}

static PyObject *get_true(PyObject *self, void *c) { return WF_TRUE; }
static PyObject *get_false(PyObject *self, void *c) { return WF_FALSE; }
static int set_ignored(PyObject *self, PyObject *v, void *c) {
  if (!v || !wf_bool_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "attribute value type must be bool");
    return -1;
  }
  return 0;
}

static PyObject *frame_repr(PyObject *self) {
  wf_code *co = (wf_code *)FO(self)->f_code;
  return wf_str_from_format("<frame at %p, file %R, line %d, code %U>", self, co->co_filename,
                            wf_frameobject_lineno(self), co->co_name);
}

static PyObject *frame_clear(PyObject *self, PyObject *unused) {
  wf_frame *f = live(self);
  if (f) {
    if (f->state == WF_FRAME_EXECUTING || !f->gen)
      return wf_err_set_string(&wf_RuntimeError_type, "cannot clear an executing frame");
    return wf_err_set_string(&wf_NotImplementedError_type, "frame.clear() of a suspended generator frame");
  }
  WF_GC_STORE(&FO(self)->f_locals, NULL);
  return WF_NONE;
}

static PyMethodDef frame_methods[] = {
    {"clear", (PyCFunction)frame_clear, METH_NOARGS, "F.clear(): clear most references held by the frame"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef frame_members[] = {
    {"f_code", T_OBJECT, offsetof(wf_frameobject, f_code), READONLY, NULL},
    {"f_globals", T_OBJECT, offsetof(wf_frameobject, f_globals), READONLY, NULL},
    {"f_builtins", T_OBJECT, offsetof(wf_frameobject, f_builtins), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef frame_getsets[] = {
    {"f_back", get_back, NULL, NULL, NULL},
    {"f_locals", get_locals, NULL, NULL, NULL},
    {"f_lineno", get_lineno, NULL, NULL, NULL},
    {"f_lasti", get_lasti, NULL, NULL, NULL},
    {"f_trace", get_trace, set_trace, NULL, NULL},
    {"f_trace_lines", get_true, set_ignored, NULL, NULL},
    {"f_trace_opcodes", get_false, set_ignored, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_frame_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "frame",
    .tp_basicsize = sizeof(wf_frameobject),
    .tp_repr = frame_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_methods = frame_methods,
    .tp_members = frame_members,
    .tp_getset = frame_getsets,
    .wf = {.trace = frameobject_trace},
};
WF_REGISTER_TYPE(wf_frame_type);
