/* The builtin exception hierarchy (CPython 3.11's layouts, messages, str
 * and repr). One static type per exception; the types with extra fields
 * (SyntaxError, ImportError, OSError, UnicodeError, SystemExit,
 * StopIteration, NameError, AttributeError, BaseExceptionGroup) have their
 * own new/init/str and members. Exception objects are mutable (args,
 * __context__, ...): fields are stored with WF_GC_STORE and read with
 * WF_GC_LOAD; there is no lock (each field store is atomic, as in CPython
 * where the GIL made each one atomic). */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include "exceptions.h"

#include <errno.h>
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

#define E(o) ((PyBaseExceptionObject *)(o))

static const char *short_name(PyTypeObject *t) {
  const char *s = strrchr(t->tp_name, '.');
  return s ? s + 1 : t->tp_name;
}

/* ---- Accessors ---- */

PyObject *wf_exc_get_context(PyObject *e) { return WF_GC_LOAD(&E(e)->context); }
void wf_exc_set_context(PyObject *e, PyObject *c) { WF_GC_STORE(&E(e)->context, c); }
PyObject *wf_exc_get_cause(PyObject *e) { return WF_GC_LOAD(&E(e)->cause); }
void wf_exc_set_cause(PyObject *e, PyObject *c) {
  WF_GC_STORE(&E(e)->cause, c);
  E(e)->suppress_context = 1;
}
PyObject *wf_exc_get_args(PyObject *e) { return WF_GC_LOAD(&E(e)->args); }
PyObject *wf_exc_get_traceback(PyObject *e) { return WF_GC_LOAD(&E(e)->traceback); }
void wf_exc_set_traceback(PyObject *e, PyObject *tb) { WF_GC_STORE(&E(e)->traceback, tb); }

/* ---- GC ---- */

static void exc_trace_base(PyBaseExceptionObject *e, wf_gc_tracer *t) {
  wf_gc_visit(t, e->dict);
  wf_gc_visit(t, e->args);
  wf_gc_visit(t, e->notes);
  wf_gc_visit(t, e->traceback);
  wf_gc_visit(t, e->context);
  wf_gc_visit(t, e->cause);
}
static void exc_trace(void *o, wf_gc_tracer *t) { exc_trace_base(o, t); }
#define TRACE_FIELDS(fn, T, ...)                          \
  static void fn(void *o, wf_gc_tracer *t) {              \
    T *e = o;                                             \
    exc_trace_base(o, t);                                 \
    PyObject *fs[] = {__VA_ARGS__};                       \
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++) \
      wf_gc_visit(t, fs[i]);                              \
  }
TRACE_FIELDS(group_trace, PyBaseExceptionGroupObject, e->msg, e->excs)
TRACE_FIELDS(syntax_trace, PySyntaxErrorObject, e->msg, e->filename, e->lineno, e->offset, e->end_lineno,
             e->end_offset, e->text, e->print_file_and_line)
TRACE_FIELDS(import_trace, PyImportErrorObject, e->msg, e->name, e->path)
TRACE_FIELDS(unicode_trace, PyUnicodeErrorObject, e->encoding, e->object, e->reason)
TRACE_FIELDS(sysexit_trace, PySystemExitObject, e->code)
TRACE_FIELDS(oserror_trace, PyOSErrorObject, e->myerrno, e->strerror, e->filename, e->filename2)
TRACE_FIELDS(stopiter_trace, PyStopIterationObject, e->value)
TRACE_FIELDS(name_trace, PyNameErrorObject, e->name)
TRACE_FIELDS(attr_trace, PyAttributeErrorObject, e->obj, e->name)

/* ---- BaseException ---- */

static PyObject *BaseException_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  allocfunc a = type->tp_alloc ? type->tp_alloc : wf_type_generic_alloc;
  PyObject *self = a(type, 0);
  WF_GC_STORE(&E(self)->args, args ? args : wf_tuple_new(0));
  return self;
}

static bool has_kw(PyObject *kwds) { return kwds && wf_dict_size(kwds) > 0; }

static int BaseException_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (has_kw(kwds)) {
    wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", WF_TYPE(self)->tp_name);
    return -1;
  }
  WF_GC_STORE(&E(self)->args, args);
  return 0;
}

static PyObject *BaseException_str(PyObject *self) {
  PyObject *args = wf_exc_get_args(self);
  switch (WF_SIZE(args)) {
  case 0: return wf_str_from_cstr("");
  case 1: return wf_object_str(WF_TUPLE_GET(args, 0));
  default: return wf_object_str(args);
  }
}

static PyObject *BaseException_repr(PyObject *self) {
  PyObject *args = wf_exc_get_args(self);
  const char *name = short_name(WF_TYPE(self));
  if (wf_type_has_flag(WF_TYPE(self), Py_TPFLAGS_HEAPTYPE)) name = WF_TYPE(self)->tp_name;
  if (WF_SIZE(args) == 1) return wf_str_from_format("%s(%R)", name, WF_TUPLE_GET(args, 0));
  return wf_str_from_format("%s%R", name, args);
}

static PyObject *exc_get_args(PyObject *self, void *c) { return wf_exc_get_args(self); }
static int exc_set_args(PyObject *self, PyObject *v, void *c) {
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "args may not be deleted");
    return -1;
  }
  PyObject *t = wf_sequence_tuple(v);
  if (!t) return -1;
  WF_GC_STORE(&E(self)->args, t);
  return 0;
}
static PyObject *exc_get_tb(PyObject *self, void *c) {
  PyObject *tb = wf_exc_get_traceback(self);
  return tb ? tb : WF_NONE;
}
static int exc_set_tb(PyObject *self, PyObject *v, void *c) {
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "__traceback__ may not be deleted");
    return -1;
  }
  if (v != WF_NONE) {
    /* Traceback objects come with the interpreter (issue 6). */
    wf_err_set_string(&wf_TypeError_type, "__traceback__ must be a traceback or None");
    return -1;
  }
  WF_GC_STORE(&E(self)->traceback, NULL);
  return 0;
}
static PyObject *exc_get_context(PyObject *self, void *c) {
  PyObject *x = wf_exc_get_context(self);
  return x ? x : WF_NONE;
}
static int exc_set_context(PyObject *self, PyObject *v, void *c) {
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "__context__ may not be deleted");
    return -1;
  }
  if (v == WF_NONE)
    v = NULL;
  else if (!wf_exc_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "exception context must be None or derive from BaseException");
    return -1;
  }
  WF_GC_STORE(&E(self)->context, v);
  return 0;
}
static PyObject *exc_get_cause(PyObject *self, void *c) {
  PyObject *x = wf_exc_get_cause(self);
  return x ? x : WF_NONE;
}
static int exc_set_cause(PyObject *self, PyObject *v, void *c) {
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "__cause__ may not be deleted");
    return -1;
  }
  if (v == WF_NONE)
    v = NULL;
  else if (!wf_exc_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "exception cause must be None or derive from BaseException");
    return -1;
  }
  wf_exc_set_cause(self, v);
  return 0;
}
static PyObject *exc_get_dict(PyObject *self, void *c) { return wf_object_get_dict(self); }
static int exc_set_dict(PyObject *self, PyObject *v, void *c) {
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "__dict__ may not be deleted");
    return -1;
  }
  if (!wf_dict_check(v)) {
    wf_err_set_string(&wf_TypeError_type, "__dict__ must be a dictionary");
    return -1;
  }
  WF_GC_STORE(&E(self)->dict, v);
  return 0;
}

static PyGetSetDef exc_getsets[] = {{"__dict__", exc_get_dict, exc_set_dict, NULL, NULL},
                                    {"args", exc_get_args, exc_set_args, NULL, NULL},
                                    {"__traceback__", exc_get_tb, exc_set_tb, NULL, NULL},
                                    {"__context__", exc_get_context, exc_set_context, "exception context", NULL},
                                    {"__cause__", exc_get_cause, exc_set_cause, "exception cause", NULL},
                                    {NULL, NULL, NULL, NULL, NULL}};

static PyMemberDef exc_members[] = {
    {"__suppress_context__", T_BOOL, offsetof(PyBaseExceptionObject, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL}};

static PyObject *exc_with_traceback(PyObject *self, PyObject *tb) {
  if (exc_set_tb(self, tb, NULL) < 0) return NULL;
  return self;
}

static PyObject *exc_add_note(PyObject *self, PyObject *note) {
  if (!wf_str_check(note))
    return wf_err_format(&wf_TypeError_type, "note must be a str, not '%s'", WF_TYPE(note)->tp_name);
  WF_GC_ROOT(self);
  WF_GC_ROOT(note);
  PyObject *dict = wf_object_get_dict(self);
  WF_GC_ROOT(dict);
  PyObject *notes = wf_dict_getitem(dict, WF_ID(__notes__));
  if (!notes) {
    notes = wf_list_new(0);
    if (wf_dict_setitem(dict, WF_ID(__notes__), notes) < 0) return NULL;
  } else if (!wf_list_check(notes)) {
    return wf_err_set_string(&wf_TypeError_type, "Cannot add note: __notes__ is not a list");
  }
  if (wf_list_append(notes, note) < 0) return NULL;
  return WF_NONE;
}

static PyObject *exc_reduce(PyObject *self, PyObject *unused) {
  PyObject *args = wf_exc_get_args(self);
  PyObject *d = WF_GC_LOAD(&E(self)->dict);
  if (d && wf_dict_size(d)) return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), args, d);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), args);
}

static PyObject *exc_setstate(PyObject *self, PyObject *state) {
  if (state == WF_NONE) return WF_NONE;
  if (!wf_dict_check(state)) return wf_err_set_string(&wf_TypeError_type, "state is not a dictionary");
  WF_GC_ROOT(self);
  WF_GC_ROOT(state);
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (wf_dict_next(state, &pos, &k, &v))
    if (wf_object_setattr(self, k, v) < 0) return NULL;
  return WF_NONE;
}

static PyMethodDef exc_methods[] = {
    {"__reduce__", exc_reduce, METH_NOARGS, NULL},
    {"__setstate__", exc_setstate, METH_O, NULL},
    {"with_traceback", exc_with_traceback, METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, METH_O, "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL}};

/* ---- Type definitions ---- */

#define EXC_TYPE(NAME, BASE, STRUCT, NEW, INIT, STR, REPR, TRACE, METHODS, MEMBERS, GETSETS, DOC)                \
  PyTypeObject wf_##NAME##_type = {                                                                               \
      .ob_base = {{0, &wf_type_type}, 0},                                                                         \
      .tp_name = #NAME,                                                                                           \
      .tp_basicsize = sizeof(STRUCT),                                                                             \
      .tp_repr = REPR,                                                                                            \
      .tp_str = STR,                                                                                              \
      .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS, \
      .tp_doc = DOC,                                                                                              \
      .tp_methods = METHODS,                                                                                      \
      .tp_members = MEMBERS,                                                                                      \
      .tp_getset = GETSETS,                                                                                       \
      .tp_base = BASE,                                                                                            \
      .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),                                                     \
      .tp_init = INIT,                                                                                            \
      .tp_alloc = wf_type_generic_alloc,                                                                          \
      .tp_new = NEW,                                                                                              \
      .wf = {.trace = TRACE},                                                                                     \
  };
#define SIMPLE(NAME, BASE, DOC) \
  EXC_TYPE(NAME, &wf_##BASE##_type, PyBaseExceptionObject, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, DOC)

EXC_TYPE(BaseException, &wf_object_type, PyBaseExceptionObject, BaseException_new, BaseException_init,
         BaseException_str, BaseException_repr, exc_trace, exc_methods, exc_members, exc_getsets,
         "Common base class for all exceptions")
SIMPLE(Exception, BaseException, "Common base class for all non-exit exceptions.")
SIMPLE(TypeError, Exception, "Inappropriate argument type.")
SIMPLE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
SIMPLE(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
SIMPLE(EOFError, Exception, "Read beyond end of file.")
SIMPLE(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
SIMPLE(LookupError, Exception, "Base class for lookup errors.")
SIMPLE(IndexError, LookupError, "Sequence index out of range.")
SIMPLE(ValueError, Exception, "Inappropriate argument value (of correct type).")
SIMPLE(AssertionError, Exception, "Assertion failed.")
SIMPLE(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE(FloatingPointError, ArithmeticError, "Floating point operation failed.")
SIMPLE(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE(ZeroDivisionError, ArithmeticError, "Second argument to a division or modulo operation was zero.")
SIMPLE(SystemError, Exception,
       "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the "
       "traceback,\nthe Python version, and the hardware/OS platform and version.")
SIMPLE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE(MemoryError, Exception, "Out of memory.")
SIMPLE(BufferError, Exception, "Buffer error.")
SIMPLE(UnicodeError, ValueError, "Unicode related error.")
SIMPLE(Warning, Exception, "Base class for warning categories.")
SIMPLE(UserWarning, Warning, "Base class for warnings generated by user code.")
SIMPLE(EncodingWarning, Warning, "Base class for warnings about encodings.")
SIMPLE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE(PendingDeprecationWarning, Warning,
       "Base class for warnings about features which will be deprecated\nin the future.")
SIMPLE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE(FutureWarning, Warning,
       "Base class for warnings about constructs that will change semantically\nin the future.")
SIMPLE(ImportWarning, Warning, "Base class for warnings about probable mistakes in module imports")
SIMPLE(UnicodeWarning, Warning,
       "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.")
SIMPLE(BytesWarning, Warning, "Base class for warnings about bytes and buffer related problems, mostly\nrelated to "
                              "conversion from str or comparing to str.")
SIMPLE(ResourceWarning, Warning, "Base class for warnings about resource usage.")

/* ---- KeyError ---- */
static PyObject *KeyError_str(PyObject *self) {
  PyObject *args = wf_exc_get_args(self);
  if (WF_SIZE(args) == 1) return wf_object_repr(WF_TUPLE_GET(args, 0));
  return BaseException_str(self);
}
EXC_TYPE(KeyError, &wf_LookupError_type, PyBaseExceptionObject, NULL, NULL, KeyError_str, NULL, NULL, NULL, NULL, NULL,
         "Mapping key not found.")

/* ---- StopIteration ---- */
static int StopIteration_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  WF_GC_STORE(&((PyStopIterationObject *)self)->value, WF_SIZE(args) ? WF_TUPLE_GET(args, 0) : WF_NONE);
  return 0;
}
static PyMemberDef StopIteration_members[] = {
    {"value", T_OBJECT, offsetof(PyStopIterationObject, value), 0, "generator return value"}, {NULL, 0, 0, 0, NULL}};
EXC_TYPE(StopIteration, &wf_Exception_type, PyStopIterationObject, NULL, StopIteration_init, NULL, NULL, stopiter_trace,
         NULL, StopIteration_members, NULL, "Signal the end from iterator.__next__().")

PyObject *wf_err_set_stop_iteration(PyObject *value) {
  if (!value) return wf_err_set_object(&wf_StopIteration_type, NULL);
  PyObject *t = wf_tuple_pack(1, value);
  return wf_err_set_object(&wf_StopIteration_type, t);
}

/* ---- SystemExit ---- */
static int SystemExit_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  Py_ssize_t n = WF_SIZE(args);
  WF_GC_STORE(&((PySystemExitObject *)self)->code, n == 0 ? NULL : n == 1 ? WF_TUPLE_GET(args, 0) : args);
  return 0;
}
static PyMemberDef SystemExit_members[] = {
    {"code", T_OBJECT, offsetof(PySystemExitObject, code), 0, "exception code"}, {NULL, 0, 0, 0, NULL}};
EXC_TYPE(SystemExit, &wf_BaseException_type, PySystemExitObject, NULL, SystemExit_init, NULL, NULL, sysexit_trace, NULL,
         SystemExit_members, NULL, "Request to exit from the interpreter.")

/* ---- keyword-taking errors: ImportError, NameError, AttributeError ---- */

/* Take the allowed keywords out of kwds into out[]; error on others. */
static int take_kwargs(PyObject *self, PyObject *kwds, const char *const *names, PyObject **out) {
  if (!kwds) return 0;
  Py_ssize_t pos = 0;
  PyObject *k, *v;
  while (wf_dict_next(kwds, &pos, &k, &v)) {
    int i = 0;
    for (; names[i]; i++)
      if (wf_str_check(k) && wf_str_equal_cstr(k, names[i])) break;
    if (!names[i]) {
      wf_err_format(&wf_TypeError_type, "'%U' is an invalid keyword argument for %s()", k, WF_TYPE(self)->tp_name);
      return -1;
    }
    out[i] = v;
  }
  return 0;
}

static int ImportError_init(PyObject *self, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"name", "path", NULL};
  PyObject *vals[2] = {NULL, NULL};
  if (take_kwargs(self, kwds, names, vals) < 0) return -1;
  WF_GC_STORE(&E(self)->args, args);
  PyImportErrorObject *e = (PyImportErrorObject *)self;
  WF_GC_STORE(&e->name, vals[0]);
  WF_GC_STORE(&e->path, vals[1]);
  WF_GC_STORE(&e->msg, WF_SIZE(args) == 1 ? WF_TUPLE_GET(args, 0) : NULL);
  return 0;
}
static PyObject *ImportError_str(PyObject *self) {
  PyImportErrorObject *e = (PyImportErrorObject *)self;
  if (e->msg && wf_str_check(e->msg)) return e->msg;
  return BaseException_str(self);
}
static PyMemberDef ImportError_members[] = {
    {"msg", T_OBJECT, offsetof(PyImportErrorObject, msg), 0, "exception message"},
    {"name", T_OBJECT, offsetof(PyImportErrorObject, name), 0, "module name"},
    {"path", T_OBJECT, offsetof(PyImportErrorObject, path), 0, "module path"},
    {NULL, 0, 0, 0, NULL}};
EXC_TYPE(ImportError, &wf_Exception_type, PyImportErrorObject, NULL, ImportError_init, ImportError_str, NULL,
         import_trace, NULL, ImportError_members, NULL, "Import can't find module, or can't find name in module.")
EXC_TYPE(ModuleNotFoundError, &wf_ImportError_type, PyImportErrorObject, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         "Module not found.")

static int NameError_init(PyObject *self, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"name", NULL};
  PyObject *vals[1] = {NULL};
  if (take_kwargs(self, kwds, names, vals) < 0) return -1;
  WF_GC_STORE(&E(self)->args, args);
  WF_GC_STORE(&((PyNameErrorObject *)self)->name, vals[0]);
  return 0;
}
static PyMemberDef NameError_members[] = {
    {"name", T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"}, {NULL, 0, 0, 0, NULL}};
EXC_TYPE(NameError, &wf_Exception_type, PyNameErrorObject, NULL, NameError_init, NULL, NULL, name_trace, NULL,
         NameError_members, NULL, "Name not found globally.")
EXC_TYPE(UnboundLocalError, &wf_NameError_type, PyNameErrorObject, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         "Local name referenced but not bound to a value.")

static int AttributeError_init(PyObject *self, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"name", "obj", NULL};
  PyObject *vals[2] = {NULL, NULL};
  if (take_kwargs(self, kwds, names, vals) < 0) return -1;
  WF_GC_STORE(&E(self)->args, args);
  WF_GC_STORE(&((PyAttributeErrorObject *)self)->name, vals[0]);
  WF_GC_STORE(&((PyAttributeErrorObject *)self)->obj, vals[1]);
  return 0;
}
static PyMemberDef AttributeError_members[] = {
    {"name", T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, "attribute name"},
    {"obj", T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL}};
EXC_TYPE(AttributeError, &wf_Exception_type, PyAttributeErrorObject, NULL, AttributeError_init, NULL, NULL, attr_trace,
         NULL, AttributeError_members, NULL, "Attribute not found.")

PyObject *wf_err_no_attribute(PyObject *obj, PyObject *name) {
  WF_GC_ROOT(obj);
  WF_GC_ROOT(name);
  wf_err_format(&wf_AttributeError_type, "'%.50s' object has no attribute '%U'", WF_TYPE(obj)->tp_name, name);
  PyObject *e = wf_err_current();
  if (e && WF_TYPE(e) == &wf_AttributeError_type) {
    WF_GC_STORE(&((PyAttributeErrorObject *)e)->name, name);
    WF_GC_STORE(&((PyAttributeErrorObject *)e)->obj, obj);
  }
  return NULL;
}

/* ---- SyntaxError ---- */
static int SyntaxError_init(PyObject *self, PyObject *args, PyObject *kwds) {
  if (BaseException_init(self, args, kwds) < 0) return -1;
  PySyntaxErrorObject *e = (PySyntaxErrorObject *)self;
  Py_ssize_t n = WF_SIZE(args);
  if (n >= 1) WF_GC_STORE(&e->msg, WF_TUPLE_GET(args, 0));
  if (n == 2) {
    PyObject *info = wf_sequence_tuple(WF_TUPLE_GET(args, 1));
    if (!info) return -1;
    Py_ssize_t m = WF_SIZE(info);
    if (m < 4 || m > 6) {
      wf_err_set_string(&wf_IndexError_type, "tuple index out of range");
      return -1;
    }
    WF_GC_STORE(&e->filename, WF_TUPLE_GET(info, 0));
    WF_GC_STORE(&e->lineno, WF_TUPLE_GET(info, 1));
    WF_GC_STORE(&e->offset, WF_TUPLE_GET(info, 2));
    WF_GC_STORE(&e->text, WF_TUPLE_GET(info, 3));
    if (m > 4) WF_GC_STORE(&e->end_lineno, WF_TUPLE_GET(info, 4));
    if (m > 5) WF_GC_STORE(&e->end_offset, WF_TUPLE_GET(info, 5));
  }
  return 0;
}
static PyObject *SyntaxError_str(PyObject *self) {
  PySyntaxErrorObject *e = (PySyntaxErrorObject *)self;
  PyObject *msg = e->msg ? wf_object_str(e->msg) : wf_str_from_cstr("None");
  if (!msg) return NULL;
  WF_GC_ROOT(msg);
  PyObject *fname = NULL;
  if (e->filename && wf_str_check(e->filename)) {
    const char *u = wf_str_as_utf8(e->filename, NULL);
    if (!u) return NULL;
    const char *slash = strrchr(u, '/');
    fname = slash ? wf_str_from_cstr(slash + 1) : e->filename;
  }
  bool have_line = e->lineno && wf_int_check(e->lineno);
  if (fname && have_line) return wf_str_from_format("%U (%U, line %S)", msg, fname, e->lineno);
  if (fname) return wf_str_from_format("%U (%U)", msg, fname);
  if (have_line) return wf_str_from_format("%U (line %S)", msg, e->lineno);
  return msg;
}
static PyMemberDef SyntaxError_members[] = {
    {"msg", T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, "exception offset"},
    {"text", T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0, "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL}};
EXC_TYPE(SyntaxError, &wf_Exception_type, PySyntaxErrorObject, NULL, SyntaxError_init, SyntaxError_str, NULL,
         syntax_trace, NULL, SyntaxError_members, NULL, "Invalid syntax.")
EXC_TYPE(IndentationError, &wf_SyntaxError_type, PySyntaxErrorObject, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         "Improper indentation.")
EXC_TYPE(TabError, &wf_IndentationError_type, PySyntaxErrorObject, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
         "Improper mixture of spaces and tabs.")

/* ---- OSError ---- */
static PyTypeObject *errno_type(PyObject *err) {
  Py_ssize_t e = wf_int_check(err) ? wf_int_as_ssize(err) : -1;
  if (e == -1 && wf_err_occurred()) {
    wf_err_clear();
    return NULL;
  }
  switch (e) {
  case EAGAIN: case EALREADY: case EINPROGRESS: return &wf_BlockingIOError_type;
  case ECHILD: return &wf_ChildProcessError_type;
  case EPIPE: case ESHUTDOWN: return &wf_BrokenPipeError_type;
  case ECONNABORTED: return &wf_ConnectionAbortedError_type;
  case ECONNREFUSED: return &wf_ConnectionRefusedError_type;
  case ECONNRESET: return &wf_ConnectionResetError_type;
  case EEXIST: return &wf_FileExistsError_type;
  case ENOENT: return &wf_FileNotFoundError_type;
  case EISDIR: return &wf_IsADirectoryError_type;
  case ENOTDIR: return &wf_NotADirectoryError_type;
  case EINTR: return &wf_InterruptedError_type;
  case EACCES: case EPERM: return &wf_PermissionError_type;
  case ESRCH: return &wf_ProcessLookupError_type;
  case ETIMEDOUT: return &wf_TimeoutError_type;
  default: return NULL;
  }
}

static PyObject *OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  if (has_kw(kwds) && type->tp_init == wf_OSError_type.tp_init) {
    return wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", type->tp_name);
  }
  WF_GC_ROOT(args);
  Py_ssize_t n = WF_SIZE(args);
  if (type == &wf_OSError_type && n >= 2) {
    PyTypeObject *t = errno_type(WF_TUPLE_GET(args, 0));
    if (t) type = t;
  }
  PyObject *self = BaseException_new(type, args, kwds);
  WF_GC_ROOT(self);
  PyOSErrorObject *e = (PyOSErrorObject *)self;
  e->written = -1;
  if (n >= 2 && n <= 5) {
    WF_GC_STORE(&e->myerrno, WF_TUPLE_GET(args, 0));
    WF_GC_STORE(&e->strerror, WF_TUPLE_GET(args, 1));
    if (n >= 3) {
      PyObject *fn = WF_TUPLE_GET(args, 2);
      if (fn != WF_NONE) {
        if (type == &wf_BlockingIOError_type && wf_index_check(fn)) {
          e->written = wf_number_as_ssize_t(fn, &wf_ValueError_type);
          if (e->written == -1 && wf_err_occurred()) return NULL;
        } else {
          WF_GC_STORE(&e->filename, fn);
          if (n == 5) WF_GC_STORE(&e->filename2, WF_TUPLE_GET(args, 4));
        }
        WF_GC_STORE(&E(self)->args, wf_tuple_slice(args, 0, 2));
      }
    }
  }
  return self;
}
static int OSError_init(PyObject *self, PyObject *args, PyObject *kwds) { return 0; }
static PyObject *OSError_str(PyObject *self) {
  PyOSErrorObject *e = (PyOSErrorObject *)self;
  if (e->filename) {
    if (e->filename2)
      return wf_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror, e->filename, e->filename2);
    return wf_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
  }
  if (e->myerrno && e->strerror) return wf_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
  return BaseException_str(self);
}
static PyObject *OSError_get_written(PyObject *self, void *c) {
  PyOSErrorObject *e = (PyOSErrorObject *)self;
  if (e->written == -1) return wf_err_set_string(&wf_AttributeError_type, "characters_written");
  return wf_int_from_ssize(e->written);
}
static int OSError_set_written(PyObject *self, PyObject *v, void *c) {
  PyOSErrorObject *e = (PyOSErrorObject *)self;
  if (!v) {
    if (e->written == -1) {
      wf_err_set_string(&wf_AttributeError_type, "characters_written");
      return -1;
    }
    e->written = -1;
    return 0;
  }
  Py_ssize_t n = wf_number_as_ssize_t(v, &wf_ValueError_type);
  if (n == -1 && wf_err_occurred()) return -1;
  e->written = n;
  return 0;
}
static PyObject *OSError_reduce(PyObject *self, PyObject *unused) {
  PyOSErrorObject *e = (PyOSErrorObject *)self;
  PyObject *args = wf_exc_get_args(self);
  WF_GC_ROOT(args);
  if (WF_SIZE(args) == 2 && e->filename) {
    args = e->filename2 ? wf_tuple_pack(5, WF_TUPLE_GET(args, 0), WF_TUPLE_GET(args, 1), e->filename, WF_NONE, e->filename2)
                        : wf_tuple_pack(3, WF_TUPLE_GET(args, 0), WF_TUPLE_GET(args, 1), e->filename);
  }
  PyObject *d = WF_GC_LOAD(&e->dict);
  if (d && wf_dict_size(d)) return wf_tuple_pack(3, (PyObject *)WF_TYPE(self), args, d);
  return wf_tuple_pack(2, (PyObject *)WF_TYPE(self), args);
}
static PyMethodDef OSError_methods[] = {{"__reduce__", OSError_reduce, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};

static PyMemberDef OSError_members[] = {
    {"errno", T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", T_OBJECT, offsetof(PyOSErrorObject, filename), 0, "exception filename"},
    {"filename2", T_OBJECT, offsetof(PyOSErrorObject, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL}};
static PyGetSetDef OSError_getsets[] = {
    {"characters_written", OSError_get_written, OSError_set_written, NULL, NULL}, {NULL, NULL, NULL, NULL, NULL}};
EXC_TYPE(OSError, &wf_Exception_type, PyOSErrorObject, OSError_new, OSError_init, OSError_str, NULL, oserror_trace,
         OSError_methods, OSError_members, OSError_getsets, "Base class for I/O related errors.")
#define OSSUB(NAME, BASE, DOC)                                                                                  \
  EXC_TYPE(NAME, &wf_##BASE##_type, PyOSErrorObject, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, DOC)
OSSUB(BlockingIOError, OSError, "I/O operation would block.")
OSSUB(ConnectionError, OSError, "Connection error.")
OSSUB(ChildProcessError, OSError, "Child process error.")
OSSUB(BrokenPipeError, ConnectionError, "Broken pipe.")
OSSUB(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OSSUB(ConnectionRefusedError, ConnectionError, "Connection refused.")
OSSUB(ConnectionResetError, ConnectionError, "Connection reset.")
OSSUB(FileExistsError, OSError, "File already exists.")
OSSUB(FileNotFoundError, OSError, "File not found.")
OSSUB(IsADirectoryError, OSError, "Operation doesn't work on directories.")
OSSUB(NotADirectoryError, OSError, "Operation only works on directories.")
OSSUB(InterruptedError, OSError, "Interrupted by signal.")
OSSUB(PermissionError, OSError, "Not enough permissions.")
OSSUB(ProcessLookupError, OSError, "Process not found.")
OSSUB(TimeoutError, OSError, "Timeout expired.")

PyObject *wf_err_set_from_errno(PyTypeObject *type, int err, PyObject *filename) {
  WF_GC_ROOT(filename);
  PyObject *no = wf_int_from_ssize(err);
  WF_GC_ROOT(no);
  PyObject *msg = wf_str_from_cstr(err ? strerror(err) : "Error");
  PyObject *args = filename ? wf_tuple_pack(3, no, msg, filename) : wf_tuple_pack(2, no, msg);
  return wf_err_set_object(type, args);
}

/* ---- Unicode errors ---- */
static void char_escape(char *buf, size_t n, uint32_t c) {
  if (c < 0x100)
    snprintf(buf, n, "\\x%02x", c);
  else if (c < 0x10000)
    snprintf(buf, n, "\\u%04x", c);
  else
    snprintf(buf, n, "\\U%08x", c);
}

static int unicode_fields(PyObject *self, PyObject *args, int nobj) {
  if (BaseException_init(self, args, NULL) < 0) return -1;
  PyUnicodeErrorObject *e = (PyUnicodeErrorObject *)self;
  Py_ssize_t n = WF_SIZE(args);
  Py_ssize_t need = nobj == 3 ? 4 : 5;
  if (n != need) {
    wf_err_format(&wf_TypeError_type, "function takes exactly %zd arguments (%zd given)", need, n);
    return -1;
  }
  Py_ssize_t i = 0;
  if (nobj != 3) WF_GC_STORE(&e->encoding, WF_TUPLE_GET(args, i++));
  WF_GC_STORE(&e->object, WF_TUPLE_GET(args, i++));
  e->start = wf_number_as_ssize_t(WF_TUPLE_GET(args, i++), &wf_OverflowError_type);
  if (e->start == -1 && wf_err_occurred()) return -1;
  e->end = wf_number_as_ssize_t(WF_TUPLE_GET(args, i++), &wf_OverflowError_type);
  if (e->end == -1 && wf_err_occurred()) return -1;
  WF_GC_STORE(&e->reason, WF_TUPLE_GET(args, i));
  return 0;
}
static int UnicodeEncodeError_init(PyObject *self, PyObject *args, PyObject *kwds) { return unicode_fields(self, args, 5); }
static int UnicodeDecodeError_init(PyObject *self, PyObject *args, PyObject *kwds) { return unicode_fields(self, args, 5); }
static int UnicodeTranslateError_init(PyObject *self, PyObject *args, PyObject *kwds) {
  return unicode_fields(self, args, 3);
}
static PyObject *UnicodeEncodeError_str(PyObject *self) {
  PyUnicodeErrorObject *e = (PyUnicodeErrorObject *)self;
  if (!e->object) return wf_str_from_cstr("");
  PyObject *reason = wf_object_str(e->reason);
  WF_GC_ROOT(reason);
  PyObject *enc = reason ? wf_object_str(e->encoding) : NULL;
  if (!enc) return NULL;
  if (wf_str_check(e->object) && e->start < wf_str_length(e->object) && e->end == e->start + 1) {
    char buf[16];
    char_escape(buf, sizeof buf, wf_str_read_char(e->object, e->start));
    return wf_str_from_format("'%U' codec can't encode character '%s' in position %zd: %U", enc, buf, e->start, reason);
  }
  return wf_str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U", enc, e->start, e->end - 1,
                            reason);
}
static PyObject *UnicodeDecodeError_str(PyObject *self) {
  PyUnicodeErrorObject *e = (PyUnicodeErrorObject *)self;
  if (!e->object) return wf_str_from_cstr("");
  PyObject *reason = wf_object_str(e->reason);
  WF_GC_ROOT(reason);
  PyObject *enc = reason ? wf_object_str(e->encoding) : NULL;
  if (!enc) return NULL;
  if (e->end == e->start + 1) {
    PyObject *b = wf_sequence_getitem(e->object, e->start);
    if (!b) return NULL;
    Py_ssize_t byte = wf_int_as_ssize(b);
    return wf_str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", enc, (int)byte, e->start,
                              reason);
  }
  return wf_str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", enc, e->start, e->end - 1, reason);
}
static PyObject *UnicodeTranslateError_str(PyObject *self) {
  PyUnicodeErrorObject *e = (PyUnicodeErrorObject *)self;
  if (!e->object) return wf_str_from_cstr("");
  PyObject *reason = wf_object_str(e->reason);
  if (!reason) return NULL;
  if (wf_str_check(e->object) && e->start < wf_str_length(e->object) && e->end == e->start + 1) {
    char buf[16];
    char_escape(buf, sizeof buf, wf_str_read_char(e->object, e->start));
    return wf_str_from_format("can't translate character '%s' in position %zd: %U", buf, e->start, reason);
  }
  return wf_str_from_format("can't translate characters in position %zd-%zd: %U", e->start, e->end - 1, reason);
}
static PyMemberDef UnicodeError_members[] = {
    {"encoding", T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, "exception object"},
    {"start", T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, "exception start"},
    {"end", T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, "exception end"},
    {"reason", T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL}};
EXC_TYPE(UnicodeEncodeError, &wf_UnicodeError_type, PyUnicodeErrorObject, NULL, UnicodeEncodeError_init,
         UnicodeEncodeError_str, NULL, unicode_trace, NULL, UnicodeError_members, NULL, "Unicode encoding error.")
EXC_TYPE(UnicodeDecodeError, &wf_UnicodeError_type, PyUnicodeErrorObject, NULL, UnicodeDecodeError_init,
         UnicodeDecodeError_str, NULL, unicode_trace, NULL, UnicodeError_members, NULL, "Unicode decoding error.")
EXC_TYPE(UnicodeTranslateError, &wf_UnicodeError_type, PyUnicodeErrorObject, NULL, UnicodeTranslateError_init,
         UnicodeTranslateError_str, NULL, unicode_trace, NULL, UnicodeError_members, NULL, "Unicode translation error.")

/* ---- BaseExceptionGroup / ExceptionGroup ---- */
static PyObject *BaseExceptionGroup_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  WF_GC_ROOT(args);
  if (has_kw(kwds)) return wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", type->tp_name);
  if (WF_SIZE(args) != 2)
    return wf_err_format(&wf_TypeError_type, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                         WF_SIZE(args));
  PyObject *msg = WF_TUPLE_GET(args, 0), *seq = WF_TUPLE_GET(args, 1);
  if (!wf_str_check(msg))
    return wf_err_format(&wf_TypeError_type, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                         WF_TYPE(msg)->tp_name);
  bool is_seq = WF_TYPE(seq)->tp_as_sequence && WF_TYPE(seq)->tp_as_sequence->sq_item && !wf_dict_check(seq);
  PyObject *excs = is_seq ? wf_sequence_tuple(seq) : NULL;
  if (!is_seq || !excs || WF_SIZE(excs) == 0) {
    if (is_seq && !excs) return NULL;
    return wf_err_set_string(&wf_ValueError_type, "second argument (exceptions) must be a non-empty sequence");
  }
  WF_GC_ROOT(excs);
  bool nested_base = false;
  for (Py_ssize_t i = 0; i < WF_SIZE(excs); i++) {
    PyObject *x = WF_TUPLE_GET(excs, i);
    if (!wf_exc_check(x))
      return wf_err_format(&wf_ValueError_type, "Item %zd of second argument (exceptions) is not an exception", i);
    if (!wf_object_type_check(x, &wf_Exception_type)) nested_base = true;
  }
  if (type == &wf_BaseExceptionGroup_type) {
    if (!nested_base) type = &wf_ExceptionGroup_type;
  } else if (type == &wf_ExceptionGroup_type) {
    if (nested_base) return wf_err_set_string(&wf_TypeError_type, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && !wf_type_is_subtype(type, &wf_Exception_type)) {
  } else if (nested_base) {
    return wf_err_format(&wf_TypeError_type, "Cannot nest BaseExceptions in '%.200s'", type->tp_name);
  }
  PyObject *self = BaseException_new(type, args, NULL);
  PyBaseExceptionGroupObject *g = (PyBaseExceptionGroupObject *)self;
  WF_GC_STORE(&g->msg, msg);
  WF_GC_STORE(&g->excs, excs);
  return self;
}
static int BaseExceptionGroup_init(PyObject *self, PyObject *args, PyObject *kwds) {
  WF_GC_STORE(&E(self)->args, args);
  return 0;
}
static PyObject *BaseExceptionGroup_str(PyObject *self) {
  PyBaseExceptionGroupObject *g = (PyBaseExceptionGroupObject *)self;
  Py_ssize_t n = WF_SIZE(g->excs);
  return wf_str_from_format("%S (%zd sub-exception%s)", g->msg, n, n > 1 ? "s" : "");
}
static PyObject *BaseExceptionGroup_derive(PyObject *self, PyObject *excs) {
  PyObject *argv[2] = {((PyBaseExceptionGroupObject *)self)->msg, excs};
  return wf_call((PyObject *)&wf_BaseExceptionGroup_type, argv, 2, NULL);
}
static PyObject *BaseExceptionGroup_split(PyObject *self, PyObject *arg) {
  PyObject *match, *rest;
  if (wf_exc_group_split(self, arg, true, &match, &rest) < 0) return NULL;
  return wf_tuple_pack(2, match ? match : WF_NONE, rest ? rest : WF_NONE);
}
static PyObject *BaseExceptionGroup_subgroup(PyObject *self, PyObject *arg) {
  PyObject *match, *rest;
  if (wf_exc_group_split(self, arg, false, &match, &rest) < 0) return NULL;
  return match ? match : WF_NONE;
}
static PyMemberDef BaseExceptionGroup_members[] = {
    {"message", T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), READONLY, "exception message"},
    {"exceptions", T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), READONLY, "nested exceptions"},
    {NULL, 0, 0, 0, NULL}};
static PyMethodDef BaseExceptionGroup_methods[] = {{"derive", BaseExceptionGroup_derive, METH_O, NULL},
                                                   {"split", BaseExceptionGroup_split, METH_O, NULL},
                                                   {"subgroup", BaseExceptionGroup_subgroup, METH_O, NULL},
                                                   {NULL, NULL, 0, NULL}};
EXC_TYPE(BaseExceptionGroup, &wf_BaseException_type, PyBaseExceptionGroupObject, BaseExceptionGroup_new,
         BaseExceptionGroup_init, BaseExceptionGroup_str, NULL, group_trace, BaseExceptionGroup_methods,
         BaseExceptionGroup_members, NULL, "A combination of multiple unrelated exceptions.")
/* ExceptionGroup(BaseExceptionGroup, Exception): two bases, set up in wf_exceptions_init's caller order. */
EXC_TYPE(ExceptionGroup, &wf_BaseExceptionGroup_type, PyBaseExceptionGroupObject, NULL, NULL, NULL, NULL, NULL, NULL,
         NULL, NULL, NULL)

/* ExceptionGroup's bases are (BaseExceptionGroup, Exception): set before
 * the types are readied (wf_type_ready keeps a preset tp_bases). */
void wf_exceptions_init(void) {
  wf_BaseException_type.tp_getattro = wf_object_generic_getattr;
  wf_BaseException_type.tp_setattro = wf_object_generic_setattr;
  if (!wf_ExceptionGroup_type.tp_bases)
    wf_ExceptionGroup_type.tp_bases =
        wf_tuple_pack(2, (PyObject *)&wf_BaseExceptionGroup_type, (PyObject *)&wf_Exception_type);
}
