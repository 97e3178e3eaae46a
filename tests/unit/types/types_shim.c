/* Checks of the runtime types (function companions, module, super,
 * traceback printing, GenericAlias/UnionType, SimpleNamespace) through
 * direct C calls. Each returns "" or a description of the first failure.
 * Expected values are python3.11's (see the comments). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "funcobject.h"
#include "genericalias.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "module.h"
#include "protocol.h"
#include "pylit.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

static char msg[4096];

#define CHECK(e)                   \
  do {                             \
    const char *r_ = (e);          \
    if (*r_) return r_;            \
  } while (0)

static const char *fail(const char *what, const char *got, const char *want) {
  snprintf(msg, sizeof msg, "%s: got [%s], want [%s]", what, got, want);
  return msg;
}

static const char *exc_text(void) {
  static char buf[1024];
  PyObject *e = wf_err_fetch();
  if (!e) return "(no exception)";
  WF_GC_ROOT(e);
  PyObject *s = wf_object_str(e);
  snprintf(buf, sizeof buf, "%s: %s", WF_TYPE(e)->tp_name, s ? wf_str_as_utf8(s, NULL) : "?");
  wf_err_clear();
  return buf;
}

/* repr(o) == want (o NULL: the pending exception is reported). */
static const char *repr_is(const char *what, PyObject *o, const char *want) {
  if (!o) return fail(what, exc_text(), want);
  PyObject *r = wf_object_repr(o);
  if (!r) return fail(what, exc_text(), want);
  const char *s = wf_str_as_utf8(r, NULL);
  if (strcmp(s, want) != 0) return fail(what, s, want);
  return "";
}

/* repr(o) starts with prefix and ends with suffix (addresses in between). */
static const char *repr_around(const char *what, PyObject *o, const char *prefix, const char *suffix) {
  if (!o) return fail(what, exc_text(), prefix);
  PyObject *r = wf_object_repr(o);
  if (!r) return fail(what, exc_text(), prefix);
  const char *s = wf_str_as_utf8(r, NULL);
  size_t n = strlen(s), np = strlen(prefix), ns = strlen(suffix);
  if (n < np + ns || strncmp(s, prefix, np) != 0 || strcmp(s + n - ns, suffix) != 0) return fail(what, s, prefix);
  return "";
}

/* o is NULL with "Type: message" pending. */
static const char *raises(const char *what, PyObject *o, const char *want) {
  if (o) {
    PyObject *r = wf_object_repr(o);
    return fail(what, r ? wf_str_as_utf8(r, NULL) : "?", want);
  }
  const char *got = exc_text();
  if (strcmp(got, want) != 0) return fail(what, got, want);
  return "";
}

static const char *int_raises(const char *what, int r, const char *want) {
  if (r >= 0) return fail(what, "no error", want);
  const char *got = exc_text();
  if (strcmp(got, want) != 0) return fail(what, got, want);
  return "";
}

static PyObject *getattr(PyObject *o, const char *name) { return wf_object_getattr_cstr(o, name); }

static PyObject *call(PyObject *f, int n, ...) {
  PyObject *args[8];
  va_list ap;
  va_start(ap, n);
  for (int i = 0; i < n; i++) args[i] = va_arg(ap, PyObject *);
  va_end(ap);
  return wf_call(f, args, (size_t)n, NULL);
}

/* echo(*args) -> args: shows what a call received. */
static PyObject *echo(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return wf_tuple_from_array(args, nargs); }
static PyObject *boom(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  return wf_err_set_string(&wf_ValueError_type, "boom");
}
static PyMethodDef echo_def = {"echo", (PyCFunction)(void (*)(void))echo, METH_FASTCALL, "echo doc"};
static PyMethodDef boom_def = {"boom", (PyCFunction)(void (*)(void))boom, METH_FASTCALL, NULL};
static PyMethodDef mod_defs[] = {{"echo", (PyCFunction)(void (*)(void))echo, METH_FASTCALL, "echo doc"},
                                 {NULL, NULL, 0, NULL}};

static PyObject *s(const char *c) { return wf_str_from_cstr(c); }
static PyObject *i(long v) { return wf_int_from_ssize(v); }

/* A class made by type(name, bases, dict) (a Python class statement's work). */
static PyObject *make_class(const char *name, PyObject *bases, PyObject *dict) {
  WF_GC_ROOT(bases);
  WF_GC_ROOT(dict);
  if (!wf_dict_getitem_cstr(dict, "__module__")) wf_dict_setitem_cstr(dict, "__module__", s("__main__"));
  PyObject *n = s(name);
  WF_GC_ROOT(n);
  return wf_type_new(&wf_type_type, n, bases, dict, NULL);
}

const char *types_cell(void) {
  wf_runtime_init();
  PyObject *c = wf_cell_new(NULL);
  WF_GC_ROOT(c);
  CHECK(repr_around("empty cell", c, "<cell at 0x", ": empty>"));
  CHECK(raises("empty contents", getattr(c, "cell_contents"), "ValueError: Cell is empty"));
  PyObject *d = call((PyObject *)&wf_cell_type, 1, i(5));
  WF_GC_ROOT(d);
  CHECK(repr_around("full cell", d, "<cell at 0x", ">"));
  CHECK(repr_is("contents", getattr(d, "cell_contents"), "5"));
  CHECK(repr_is("empty < full", wf_object_richcompare(c, d, Py_LT), "True"));
  CHECK(repr_is("empty == full", wf_object_richcompare(c, d, Py_EQ), "False"));
  CHECK(repr_is("full == full", wf_object_richcompare(d, wf_cell_new(i(5)), Py_EQ), "True"));
  CHECK(repr_is("1 < 2", wf_object_richcompare(wf_cell_new(i(1)), wf_cell_new(i(2)), Py_LT), "True"));
  if (wf_object_setattr(c, s("cell_contents"), s("x")) < 0) return exc_text();
  CHECK(repr_is("set contents", getattr(c, "cell_contents"), "'x'"));
  if (wf_object_setattr(c, s("cell_contents"), NULL) < 0) return exc_text();
  CHECK(raises("deleted contents", getattr(c, "cell_contents"), "ValueError: Cell is empty"));
  if (wf_object_hash(c) != -1) return "cell is hashable";
  CHECK(raises("hash", NULL, "TypeError: unhashable type: 'cell'"));
  CHECK(raises("cell(1, 2)", call((PyObject *)&wf_cell_type, 2, i(1), i(2)),
               "TypeError: cell expected at most 1 argument, got 2"));
  return "";
}

const char *types_method(void) {
  wf_runtime_init();
  PyObject *f = wf_cfunction_new(&echo_def, NULL, NULL);
  WF_GC_ROOT(f);
  PyObject *m = wf_method_new(f, i(5));
  WF_GC_ROOT(m);
  CHECK(repr_is("m(1, 2)", call(m, 2, i(1), i(2)), "(5, 1, 2)"));
  CHECK(repr_is("m()", call(m, 0), "(5,)"));
  /* args[-1] lent by the caller */
  PyObject *buf[4] = {NULL, i(1), i(2), i(3)};
  WF_GC_ROOT(buf[1]);
  vectorcallfunc vc = ((wf_method *)m)->vectorcall;
  CHECK(repr_is("offset call", vc(m, buf + 1, 3 | WF_VECTORCALL_ARGUMENTS_OFFSET, NULL), "(5, 1, 2, 3)"));
  if (buf[0] != NULL) return "args[-1] not restored";
  /* many arguments: heap copy */
  PyObject *many[12];
  for (int k = 0; k < 12; k++) many[k] = i(k);
  CHECK(repr_is("12 args", wf_call(m, many, 12, NULL), "(5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)"));
  CHECK(repr_is("repr", m, "<bound method echo of 5>"));
  CHECK(repr_is("__func__", getattr(m, "__func__"), "<built-in function echo>"));
  CHECK(repr_is("__self__", getattr(m, "__self__"), "5"));
  CHECK(repr_is("__name__", getattr(m, "__name__"), "'echo'"));
  CHECK(repr_is("__doc__", getattr(m, "__doc__"), "'echo doc'"));
  CHECK(repr_is("__class__", getattr(m, "__class__"), "<class 'method'>"));
  CHECK(repr_is("eq", wf_object_richcompare(m, wf_method_new(f, i(5)), Py_EQ), "True"));
  CHECK(repr_is("ne self", wf_object_richcompare(m, wf_method_new(f, i(6)), Py_EQ), "False"));
  if (wf_object_hash(m) != wf_object_hash(wf_method_new(f, i(5)))) return "hash differs";
  CHECK(raises("missing attr", getattr(m, "zz"), "AttributeError: 'builtin_function_or_method' object has no attribute 'zz'"));
  CHECK(int_raises("set attr", wf_object_setattr(m, s("x"), i(1)), "AttributeError: 'method' object has no attribute 'x'"));
  CHECK(raises("method(1, 2)", call((PyObject *)&wf_method_type, 2, i(1), i(2)),
               "TypeError: first argument must be callable"));
  CHECK(raises("method(f, None)", call((PyObject *)&wf_method_type, 2, f, WF_NONE),
               "TypeError: instance must not be None"));
  CHECK(repr_is("method(f, 3)", call((PyObject *)&wf_method_type, 2, f, i(3)), "<bound method echo of 3>"));
  return "";
}

const char *types_funcdescr(void) {
  wf_runtime_init();
  PyObject *f = wf_cfunction_new(&echo_def, NULL, NULL);
  WF_GC_ROOT(f);
  PyObject *sm = call((PyObject *)&wf_staticmethod_type, 1, f);
  WF_GC_ROOT(sm);
  CHECK(repr_is("repr", sm, "<staticmethod(<built-in function echo>)>"));
  CHECK(repr_is("get", WF_TYPE(sm)->tp_descr_get(sm, WF_NONE, (PyObject *)&wf_int_type), "<built-in function echo>"));
  CHECK(repr_is("call", call(sm, 1, i(1)), "(1,)"));
  CHECK(repr_is("__wrapped__", getattr(sm, "__wrapped__"), "<built-in function echo>"));
  CHECK(repr_is("__func__", getattr(sm, "__func__"), "<built-in function echo>"));
  CHECK(repr_is("__name__", getattr(sm, "__name__"), "'echo'"));
  CHECK(repr_is("__doc__", getattr(sm, "__doc__"), "'echo doc'"));
  CHECK(repr_is("__isabstractmethod__", getattr(sm, "__isabstractmethod__"), "False"));
  CHECK(raises("no args", call((PyObject *)&wf_staticmethod_type, 0), "TypeError: staticmethod expected 1 argument, got 0"));
  PyObject *sm1 = call((PyObject *)&wf_staticmethod_type, 1, i(1));
  CHECK(repr_is("staticmethod(1)", sm1, "<staticmethod(1)>"));
  PyObject *cm = call((PyObject *)&wf_classmethod_type, 1, f);
  WF_GC_ROOT(cm);
  CHECK(repr_is("cm repr", cm, "<classmethod(<built-in function echo>)>"));
  PyObject *bound = WF_TYPE(cm)->tp_descr_get(cm, i(3), NULL);
  WF_GC_ROOT(bound);
  CHECK(repr_is("cm get", bound, "<bound method echo of <class 'int'>>"));
  CHECK(repr_is("cm call", call(bound, 1, i(1)), "(<class 'int'>, 1)"));
  CHECK(raises("cm not callable", call(cm, 0), "TypeError: 'classmethod' object is not callable"));
  /* classmethod over another descriptor: its __get__(type, type) */
  PyObject *p = wf_property_new(f, NULL, NULL, NULL);
  WF_GC_ROOT(p);
  PyObject *cmp = wf_classmethod_new(p);
  CHECK(repr_is("cm(property)", WF_TYPE(cmp)->tp_descr_get(cmp, i(3), NULL), "(<class 'int'>,)"));
  return "";
}

const char *types_property(void) {
  wf_runtime_init();
  PyObject *f = wf_cfunction_new(&echo_def, NULL, NULL);
  WF_GC_ROOT(f);
  PyObject *p = call((PyObject *)&wf_property_type, 1, f);
  WF_GC_ROOT(p);
  CHECK(repr_is("__doc__ from fget", getattr(p, "__doc__"), "'echo doc'"));
  CHECK(repr_is("fget", getattr(p, "fget"), "<built-in function echo>"));
  CHECK(repr_is("fset", getattr(p, "fset"), "None"));
  CHECK(repr_is("get", WF_TYPE(p)->tp_descr_get(p, i(7), NULL), "(7,)"));
  PyObject *p2 = wf_call_method_cstr(p, "setter", &f, 1);
  WF_GC_ROOT(p2);
  CHECK(repr_is("setter", getattr(p2, "fset"), "<built-in function echo>"));
  CHECK(repr_is("setter doc", getattr(p2, "__doc__"), "'echo doc'"));
  if (WF_TYPE(p2)->tp_descr_set(p2, i(1), i(2)) < 0) return exc_text();
  /* in a class: names in the messages */
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  wf_dict_setitem_cstr(d, "x", call((PyObject *)&wf_property_type, 0));
  wf_dict_setitem_cstr(d, "y", p);
  PyObject *C = make_class("C", wf_tuple_new(0), d);
  WF_GC_ROOT(C);
  if (!C) return exc_text();
  PyObject *c = call(C, 0);
  WF_GC_ROOT(c);
  CHECK(raises("no getter", getattr(c, "x"), "AttributeError: property 'x' of 'C' object has no getter"));
  CHECK(int_raises("no setter", wf_object_setattr(c, s("y"), i(1)),
                   "AttributeError: property 'y' of 'C' object has no setter"));
  CHECK(int_raises("no deleter", wf_object_setattr(c, s("y"), NULL),
                   "AttributeError: property 'y' of 'C' object has no deleter"));
  CHECK(repr_around("getter call", getattr(c, "y"), "(<__main__.C object at 0x", ">,)"));
  PyObject *p3 = wf_property_new(f, NULL, NULL, NULL);
  CHECK(int_raises("unnamed", WF_TYPE(p3)->tp_descr_set(p3, i(1), i(2)), "AttributeError: property of 'int' object has no setter"));
  CHECK(raises("5 args", call((PyObject *)&wf_property_type, 5, f, f, f, f, f),
               "TypeError: property() takes at most 4 arguments (5 given)"));
  /* a subclass keeps __doc__ in the instance dict */
  PyObject *pd = wf_dict_new();
  WF_GC_ROOT(pd);
  PyObject *P = make_class("P", wf_tuple_pack(1, (PyObject *)&wf_property_type), pd);
  WF_GC_ROOT(P);
  if (!P) return exc_text();
  PyObject *q = call(P, 1, f);
  WF_GC_ROOT(q);
  CHECK(repr_is("subclass __dict__", getattr(q, "__dict__"), "{'__doc__': 'echo doc'}"));
  CHECK(repr_is("subclass getter type", getattr(wf_call_method_cstr(q, "getter", &f, 1), "__class__"),
                "<class '__main__.P'>"));
  return "";
}

const char *types_super(void) {
  wf_runtime_init();
  PyObject *f = wf_cfunction_new(&echo_def, NULL, NULL);
  WF_GC_ROOT(f);
  PyObject *da = wf_dict_new();
  WF_GC_ROOT(da);
  wf_dict_setitem_cstr(da, "x", i(1));
  wf_dict_setitem_cstr(da, "p", wf_property_new(f, NULL, NULL, NULL));
  wf_dict_setitem_cstr(da, "cm", wf_classmethod_new(f));
  PyObject *A = make_class("A", wf_tuple_new(0), da);
  WF_GC_ROOT(A);
  PyObject *db = wf_dict_new();
  WF_GC_ROOT(db);
  wf_dict_setitem_cstr(db, "x", i(2));
  PyObject *B = make_class("B", wf_tuple_pack(1, A), db);
  WF_GC_ROOT(B);
  if (!A || !B) return exc_text();
  PyObject *b = call(B, 0);
  WF_GC_ROOT(b);
  PyObject *sup = call((PyObject *)&wf_super_type, 2, B, b);
  WF_GC_ROOT(sup);
  CHECK(repr_is("repr", sup, "<super: <class 'B'>, <B object>>"));
  CHECK(repr_is("x", getattr(sup, "x"), "1"));
  CHECK(repr_around("property", getattr(sup, "p"), "(<__main__.B object at", ">,)"));
  CHECK(repr_is("classmethod", call(getattr(sup, "cm"), 0), "(<class '__main__.B'>,)"));
  CHECK(repr_is("__thisclass__", getattr(sup, "__thisclass__"), "<class '__main__.B'>"));
  CHECK(repr_is("__self_class__", getattr(sup, "__self_class__"), "<class '__main__.B'>"));
  CHECK(repr_is("__class__", getattr(sup, "__class__"), "<class 'super'>"));
  CHECK(raises("missing", getattr(sup, "nope"), "AttributeError: 'super' object has no attribute 'nope'"));
  PyObject *st = call((PyObject *)&wf_super_type, 2, B, B);
  CHECK(repr_is("super(B, B)", st, "<super: <class 'B'>, <B object>>"));
  CHECK(repr_is("super(B, B).x", getattr(st, "x"), "1"));
  PyObject *unbound = call((PyObject *)&wf_super_type, 1, B);
  WF_GC_ROOT(unbound);
  CHECK(repr_is("super(B)", unbound, "<super: <class 'B'>, NULL>"));
  CHECK(repr_is("super(B).__get__(b)", WF_TYPE(unbound)->tp_descr_get(unbound, b, NULL), "<super: <class 'B'>, <B object>>"));
  CHECK(raises("super(1)", call((PyObject *)&wf_super_type, 1, i(1)),
               "TypeError: super() argument 1 must be a type, not int"));
  CHECK(raises("super(B, 1)", call((PyObject *)&wf_super_type, 2, B, i(1)),
               "TypeError: super(type, obj): obj must be an instance or subtype of type"));
  CHECK(raises("super(B, A)", call((PyObject *)&wf_super_type, 2, B, A),
               "TypeError: super(type, obj): obj must be an instance or subtype of type"));
  CHECK(raises("3 args", call((PyObject *)&wf_super_type, 3, B, b, b),
               "TypeError: super() expected at most 2 arguments, got 3"));
  if (!wf_frame_current())
    CHECK(raises("no frame", call((PyObject *)&wf_super_type, 0), "RuntimeError: super(): no current frame"));
  return "";
}

const char *types_module(void) {
  wf_runtime_init();
  PyObject *m = wf_module_new_cstr("m");
  WF_GC_ROOT(m);
  CHECK(repr_is("repr", m, "<module 'm'>"));
  CHECK(repr_is("__dict__", getattr(m, "__dict__"),
                "{'__name__': 'm', '__doc__': None, '__package__': None, '__loader__': None, '__spec__': None}"));
  CHECK(raises("missing", getattr(m, "x"), "AttributeError: module 'm' has no attribute 'x'"));
  if (wf_module_add(m, "x", i(3)) < 0) return exc_text();
  CHECK(repr_is("added", getattr(m, "x"), "3"));
  if (wf_module_add_functions(m, mod_defs) < 0) return exc_text();
  CHECK(repr_is("function", getattr(m, "echo"), "<built-in function echo>"));
  CHECK(repr_is("call", call(getattr(m, "echo"), 1, i(1)), "(1,)"));
  CHECK(repr_is("__module__", getattr(getattr(m, "echo"), "__module__"), "'m'"));
  CHECK(repr_is("__self__", getattr(getattr(m, "echo"), "__self__"), "<module 'm'>"));
  CHECK(repr_is("dir", wf_object_dir(m),
                "['__doc__', '__loader__', '__name__', '__package__', '__spec__', 'echo', 'x']"));
  wf_object_setattr(m, s("__file__"), s("/a/b.py"));
  CHECK(repr_is("file repr", m, "<module 'm' from '/a/b.py'>"));
  wf_object_setattr(m, s("__name__"), NULL);
  CHECK(repr_is("no name", m, "<module '?' from '/a/b.py'>"));
  CHECK(raises("missing, no name", getattr(m, "y"), "AttributeError: module has no attribute 'y'"));
  PyObject *m2 = call((PyObject *)&wf_module_type, 2, s("k"), s("doc"));
  WF_GC_ROOT(m2);
  CHECK(repr_is("module(k, doc)", getattr(m2, "__doc__"), "'doc'"));
  wf_object_setattr(m2, s("__getattr__"), wf_cfunction_new(&echo_def, NULL, NULL));
  CHECK(repr_is("__getattr__", getattr(m2, "zz"), "('zz',)"));
  CHECK(repr_is("__annotations__", getattr(m2, "__annotations__"), "{}"));
  CHECK(raises("module(1)", call((PyObject *)&wf_module_type, 1, i(1)),
               "TypeError: module() argument 'name' must be str, not int"));
  PyObject *md = wf_dict_new();
  WF_GC_ROOT(md);
  PyObject *MM = make_class("MM", wf_tuple_pack(1, (PyObject *)&wf_module_type), md);
  WF_GC_ROOT(MM);
  if (!MM) return exc_text();
  PyObject *mm = call(MM, 1, s("sub"));
  WF_GC_ROOT(mm);
  CHECK(repr_is("subclass", mm, "<module 'sub'>"));
  wf_object_setattr(mm, s("q"), i(1));
  CHECK(repr_is("subclass attr", getattr(mm, "q"), "1"));
  return "";
}

const char *types_namespace(void) {
  wf_runtime_init();
  PyObject *kw = wf_dict_new();
  WF_GC_ROOT(kw);
  wf_dict_setitem_cstr(kw, "a", i(1));
  wf_dict_setitem_cstr(kw, "b", s("x"));
  PyObject *n = wf_namespace_new(kw);
  WF_GC_ROOT(n);
  CHECK(repr_is("repr", n, "namespace(a=1, b='x')"));
  CHECK(repr_is("attr", getattr(n, "b"), "'x'"));
  wf_object_setattr(n, s("c"), n);
  CHECK(repr_is("recursive", n, "namespace(a=1, b='x', c=namespace(...))"));
  wf_object_setattr(n, s("c"), NULL);
  CHECK(repr_is("eq", wf_object_richcompare(n, wf_namespace_new(kw), Py_EQ), "True"));
  CHECK(raises("positional", call((PyObject *)&wf_namespace_type, 1, i(1)),
               "TypeError: no positional arguments expected"));
  CHECK(raises("missing", getattr(n, "zz"), "AttributeError: 'types.SimpleNamespace' object has no attribute 'zz'"));
  CHECK(repr_is("empty", call((PyObject *)&wf_namespace_type, 0), "namespace()"));
  return "";
}

const char *types_generic(void) {
  wf_runtime_init();
  PyObject *ga = wf_object_getitem((PyObject *)&wf_tuple_type, (PyObject *)&wf_int_type);
  WF_GC_ROOT(ga);
  CHECK(repr_is("tuple[int]", ga, "tuple[int]"));
  CHECK(repr_is("call", call(ga, 1, wf_list_from_array((PyObject *[]){i(1), i(2)}, 2)), "(1, 2)"));
  CHECK(int_raises("isinstance", wf_object_isinstance(ga, ga),
                   "TypeError: isinstance() argument 2 cannot be a parameterized generic"));
  PyObject *u = wf_number_binop((PyObject *)&wf_int_type, WF_NONE, WF_BINOP_OR);
  WF_GC_ROOT(u);
  CHECK(repr_is("int | None", u, "int | None"));
  CHECK(repr_is("isinstance", wf_bool_from(wf_object_isinstance(WF_NONE, u) == 1), "True"));
  return "";
}

/* ---- wf_exception_print (no sys module here: it writes to fd 2) ---- */

static char *capture_print(PyObject *exc) {
  fflush(stderr);
  char path[] = "/tmp/wf_types_tbXXXXXX";
  int fd = mkstemp(path);
  int saved = dup(2);
  dup2(fd, 2);
  wf_exception_print(exc);
  dup2(saved, 2);
  close(saved);
  lseek(fd, 0, SEEK_SET);
  static char buf[8192];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  buf[n > 0 ? n : 0] = 0;
  close(fd);
  unlink(path);
  return buf;
}

static const char *prints(const char *what, PyObject *exc, const char *want) {
  if (!exc) return fail(what, exc_text(), want);
  const char *got = capture_print(exc);
  if (strcmp(got, want) != 0) return fail(what, got, want);
  return "";
}

static PyObject *syntax_error(PyObject *msg, PyObject *file, PyObject *line, PyObject *off, PyObject *text,
                              PyObject *eline, PyObject *eoff) {
  PyObject *det = wf_tuple_pack(6, file, line, off, text, eline, eoff);
  WF_GC_ROOT(det);
  return call((PyObject *)&wf_SyntaxError_type, 2, msg, det);
}

const char *types_exception_print(void) {
  wf_runtime_init();
  CHECK(prints("plain", call((PyObject *)&wf_ValueError_type, 1, s("bad")), "ValueError: bad\n"));
  CHECK(prints("empty", call((PyObject *)&wf_ValueError_type, 0), "ValueError\n"));
  CHECK(prints("KeyError", call((PyObject *)&wf_KeyError_type, 1, s("k")), "KeyError: 'k'\n"));
  PyObject *t = s("  abc def ghi\n");
  WF_GC_ROOT(t);
  PyObject *f = s("f.py");
  WF_GC_ROOT(f);
  /* the python3.11 outputs of raise SyntaxError("bad", (...)) */
  CHECK(prints("se1", syntax_error(s("bad"), f, i(3), i(5), t, i(3), i(9)),
               "  File \"f.py\", line 3\n    abc def ghi\n      ^^^^\nSyntaxError: bad\n"));
  CHECK(prints("se2", syntax_error(s("bad"), f, i(3), i(5), t, i(3), i(5)),
               "  File \"f.py\", line 3\n    abc def ghi\n      ^\nSyntaxError: bad\n"));
  CHECK(prints("se3", syntax_error(s("bad"), f, i(3), i(5), t, i(3), i(0)),
               "  File \"f.py\", line 3\n    abc def ghi\n      ^\nSyntaxError: bad\n"));
  CHECK(prints("se4", syntax_error(s("bad"), f, i(3), i(5), t, i(4), i(2)),
               "  File \"f.py\", line 3\n    abc def ghi\n      ^^^^^^^^^\nSyntaxError: bad\n"));
  CHECK(prints("se5", syntax_error(s("bad"), f, i(3), i(1), t, i(3), i(2)),
               "  File \"f.py\", line 3\n    abc def ghi\nSyntaxError: bad\n"));
  CHECK(prints("se6", syntax_error(s("bad"), f, i(3), i(40), s("abc\n"), i(3), i(50)),
               "  File \"f.py\", line 3\n    abc\n       ^\nSyntaxError: bad\n"));
  CHECK(prints("se7", syntax_error(s("bad"), f, i(3), WF_NONE, s("abc\n"), WF_NONE, WF_NONE),
               "  File \"f.py\", line 3\n    abc\nSyntaxError: bad\n"));
  CHECK(prints("se8", syntax_error(s("bad"), WF_NONE, WF_NONE, WF_NONE, WF_NONE, WF_NONE, WF_NONE), "SyntaxError: bad\n"));
  CHECK(prints("se9", syntax_error(s("bad"), f, i(3), i(6), s("ab\ncd ef\n"), i(3), i(8)),
               "  File \"f.py\", line 3\n    cd ef\n      ^^\nSyntaxError: bad\n"));
  CHECK(prints("se10", syntax_error(s("bad"), f, i(3), i(2), s("abc"), i(3), i(3)),
               "  File \"f.py\", line 3\n    abc\n     ^\nSyntaxError: bad\n"));
  CHECK(prints("se11", syntax_error(s("bad"), f, WF_NONE, WF_NONE, WF_NONE, WF_NONE, WF_NONE),
               "SyntaxError: bad (f.py)\n"));
  CHECK(prints("se12", syntax_error(WF_NONE, s("f"), i(3), i(2), s("abc"), i(3), i(3)),
               "  File \"f\", line 3\n    abc\n     ^\nSyntaxError\n"));
  /* chains */
  PyObject *k = call((PyObject *)&wf_KeyError_type, 1, s("k"));
  WF_GC_ROOT(k);
  PyObject *v = call((PyObject *)&wf_ValueError_type, 1, s("v"));
  WF_GC_ROOT(v);
  wf_exc_set_cause(v, k);
  PyObject *e = call((PyObject *)&wf_TypeError_type, 1, s("e"));
  WF_GC_ROOT(e);
  wf_exc_set_context(e, v);
  CHECK(prints("chain", e,
               "KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n"
               "ValueError: v\n\nDuring handling of the above exception, another exception occurred:\n\n"
               "TypeError: e\n"));
  wf_exc_set_context(k, e); /* a cycle stops */
  CHECK(prints("cycle", e,
               "KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n"
               "ValueError: v\n\nDuring handling of the above exception, another exception occurred:\n\n"
               "TypeError: e\n"));
  /* module-qualified names, failing str() */
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  wf_dict_setitem_cstr(d, "__module__", s("mod"));
  wf_dict_setitem_cstr(d, "__str__", wf_cfunction_new(&boom_def, NULL, NULL));
  PyObject *E = make_class("E", wf_tuple_pack(1, (PyObject *)&wf_Exception_type), d);
  WF_GC_ROOT(E);
  if (!E) return exc_text();
  CHECK(prints("str fails", call(E, 0), "mod.E: <exception str() failed>\n"));
  PyObject *n = call((PyObject *)&wf_ValueError_type, 1, s("a"));
  WF_GC_ROOT(n);
  wf_object_setattr(n, s("__notes__"), wf_list_from_array((PyObject *[]){s("n1"), i(2)}, 2));
  CHECK(prints("notes", n, "ValueError: a\nn1\n2\n"));
  return "";
}

/* pylit vectors (gen_vectors.py) */
static void unescape(char *p0) {
  char *o = p0;
  for (char *p = p0; *p; p++) {
    if (*p == '\\' && p[1] == '\\') {
      *o++ = '\\';
      p++;
    } else if (*p == '\\' && p[1] == 'n') {
      *o++ = '\n';
      p++;
    } else {
      *o++ = *p;
    }
  }
  *o = 0;
}

long types_run_exprs(const char *path, long *fails, char *report, size_t cap) {
  wf_runtime_init();
  FILE *fp = fopen(path, "r");
  if (!fp) return -1;
  char *line = NULL;
  size_t lcap = 0;
  long n = 0;
  *fails = 0;
  report[0] = 0;
  while (getline(&line, &lcap, fp) > 0) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    char *want = tab + 1;
    want[strcspn(want, "\n")] = 0;
    unescape(want);
    char *got = wf_test_eval_repr(line);
    n++;
    if (strcmp(got, want) != 0) {
      (*fails)++;
      size_t used = strlen(report);
      if (*fails <= 40 && used + 300 < cap)
        snprintf(report + used, cap - used, "  %s\n      got:  %s\n      want: %s\n", line, got, want);
    }
    free(got);
    WF_SAFEPOINT_POLL();
  }
  free(line);
  fclose(fp);
  return n;
}
