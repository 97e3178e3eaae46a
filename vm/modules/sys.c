/* The sys module: interpreter state visible to Python (python3.11's names,
 * values and messages), the std streams, and the hooks (excepthook,
 * displayhook, unraisablehook, breakpointhook).
 *
 * The module is created once by wf_modules_init (wf_sys_create) and lives
 * for the whole process: its module object, dict and sys.modules dict are
 * GC global roots. */
#define _GNU_SOURCE
#include <float.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "set.h"
#include "str.h"
#include "sys_internal.h"
#include "tuple.h"
#include "typeobject.h"
#include "vmthread.h"

#define WF_PY_MAJOR 3
#define WF_PY_MINOR 11
#define WF_PY_MICRO 2
#define WF_HEXVERSION ((WF_PY_MAJOR << 24) | (WF_PY_MINOR << 16) | (WF_PY_MICRO << 8) | 0xF0)
/* Weft's own version (sys.implementation.version). */
#define WF_IMPL_MAJOR 0
#define WF_IMPL_MINOR 1
#define WF_IMPL_MICRO 0

static PyObject *sys_mod, *sys_dict, *modules_dict;
static PyTypeObject *version_info_type, *flags_type, *float_info_type, *int_info_type, *hash_info_type,
    *thread_info_type, *unraisable_args_type;
const char *wf_sys_progname = "weft";
/* sys.setswitchinterval: kept only to be read back (no GIL to switch). */
static _Atomic double switch_interval = 0.005;

static PyObject *builtins_mod, *builtins_dict;

PyObject *wf_builtins_module(void) { return builtins_mod; }
PyObject *wf_builtins_dict(void) { return builtins_dict; }

void wf_sys_set_builtins(PyObject *b) {
  builtins_mod = b;
  wf_gc_add_global_root((void **)&builtins_mod);
  builtins_dict = wf_module_get_dict(b);
  wf_gc_add_global_root((void **)&builtins_dict);
}

PyObject *wf_sys_module(void) { return sys_mod; }
PyObject *wf_sys_modules_dict(void) { return modules_dict; }
PyObject *wf_sys_get(const char *name) { return sys_dict ? wf_dict_getitem_cstr(sys_dict, name) : NULL; }
PyObject *wf_sys_init(void) { return sys_mod; }

/* ---- Writing to the std streams from C ------------------------------------------- */

static int raw_write(int fd, const char *s, size_t n) {
  int rc = 0;
  WF_NATIVE_REGION {
    while (n > 0) {
      ssize_t k = write(fd, s, n);
      if (k <= 0) {
        rc = -1;
        break;
      }
      s += k;
      n -= (size_t)k;
    }
  }
  return rc;
}

static int write_to(const char *attr, int fd, PyObject *s) {
  WF_GC_ROOT(s);
  PyObject *stream = wf_sys_get(attr);
  if (!stream || stream == WF_NONE) {
    Py_ssize_t n;
    const char *data = wf_str_as_utf8(s, &n);
    if (!data) return -1;
    /* Copy out of the heap before entering the native state. */
    char *copy = malloc((size_t)n + 1);
    if (!copy) return -1;
    memcpy(copy, data, (size_t)n);
    int rc = raw_write(fd, copy, (size_t)n);
    free(copy);
    return rc;
  }
  PyObject *r = wf_call_method_cstr(stream, "write", &s, 1);
  return r ? 0 : -1;
}

int wf_sys_write_stdout(PyObject *s) { return write_to("stdout", 1, s); }

int wf_sys_write_stderr_cstr(const char *s) {
  PyObject *str = wf_str_decode(s, (Py_ssize_t)strlen(s), "utf-8", "backslashreplace");
  if (!str) return -1;
  return write_to("stderr", 2, str);
}

static int flush_stream(const char *attr) {
  PyObject *stream = wf_sys_get(attr);
  if (!stream || stream == WF_NONE) return 0;
  WF_GC_ROOT(stream);
  if (WF_TYPE(stream) == &wf_stdio_type) {
    /* A closed std stream has nothing to flush at exit. */
    PyObject *closed = wf_object_getattr_cstr(stream, "closed");
    if (closed == WF_TRUE) return 0;
    if (!closed) wf_err_clear();
  }
  PyObject *r = wf_call_method_cstr(stream, "flush", NULL, 0);
  return r ? 0 : -1;
}

int wf_sys_flush_std_status(void) {
  int rc = 0;
  PyObject *saved = wf_err_fetch();
  WF_GC_ROOT(saved);
  if (flush_stream("stdout") < 0) {
    PyObject *exc = wf_err_fetch();
    WF_GC_ROOT(exc);
    wf_sys_write_unraisable(exc, NULL, wf_sys_get("stdout"));
    rc = -1;
  }
  if (flush_stream("stderr") < 0) wf_err_clear();
  wf_err_restore(saved);
  return rc;
}

void wf_sys_flush_std(void) { (void)wf_sys_flush_std_status(); }

/* ---- Exceptions --------------------------------------------------------------------- */

static PyObject *exc_triple(PyObject *exc) {
  if (!exc || exc == WF_NONE) return wf_tuple_pack(3, WF_NONE, WF_NONE, WF_NONE);
  PyObject *tb = wf_exc_get_traceback(exc);
  return wf_tuple_pack(3, (PyObject *)WF_TYPE(exc), exc, tb ? tb : WF_NONE);
}

void wf_sys_print_exception(PyObject *exc) {
  WF_GC_ROOT(exc);
  PyObject *hook = wf_sys_get("excepthook");
  WF_GC_ROOT(hook);
  PyObject *orig = wf_sys_get("__excepthook__");
  if (hook && hook != orig && hook != WF_NONE) {
    PyObject *args = exc_triple(exc);
    WF_GC_ROOT(args);
    PyObject *r = wf_call(hook, WF_TUPLE_ITEMS(args), 3, NULL);
    if (r) return;
    PyObject *err = wf_err_fetch();
    WF_GC_ROOT(err);
    wf_sys_write_stderr_cstr("Error in sys.excepthook:\n");
    wf_exception_print(err);
    wf_sys_write_stderr_cstr("\nOriginal exception was:\n");
  } else if (!hook || hook == WF_NONE) {
    wf_sys_write_stderr_cstr("sys.excepthook is missing\n");
  }
  wf_exception_print(exc);
}

static PyObject *sys_excepthook(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("excepthook", nargs, 3, 3) < 0) return NULL;
  PyObject *v = args[1];
  WF_GC_ROOT(v);
  if (!wf_exc_check(v)) {
    /* python3.11 prints "TypeError: print_exception(): Exception expected for value, T found". */
    PyObject *msg = wf_str_from_format("TypeError: print_exception(): Exception expected for value, %s found\n",
                                       WF_TYPE(v)->tp_name);
    if (msg) wf_sys_write_stderr_cstr(wf_str_as_utf8(msg, NULL));
    return WF_NONE;
  }
  if (args[2] != WF_NONE && wf_exc_get_traceback(v) != args[2]) wf_exc_set_traceback(v, args[2]);
  wf_exception_print(v);
  return WF_NONE;
}

static void write_unraisable_default(PyObject *exc, PyObject *msg, PyObject *obj) {
  WF_GC_ROOT(exc);
  WF_GC_ROOT(msg);
  WF_GC_ROOT(obj);
  PyObject *line = NULL;
  WF_GC_ROOT(line);
  if (obj && obj != WF_NONE) {
    PyObject *rep = wf_object_repr(obj);
    if (!rep) {
      wf_err_clear();
      rep = wf_str_from_cstr("<object repr() failed>");
    }
    if (msg && msg != WF_NONE)
      line = wf_str_from_format("%S: %U\n", msg, rep);
    else
      line = wf_str_from_format("Exception ignored in: %U\n", rep);
  } else if (msg && msg != WF_NONE) {
    line = wf_str_from_format("%S:\n", msg);
  }
  if (line && write_to("stderr", 2, line) < 0) wf_err_clear();
  if (!line) wf_err_clear();
  if (exc && exc != WF_NONE) wf_exception_print(exc);
  PyObject *err = wf_sys_get("stderr");
  if (err && err != WF_NONE) {
    if (!wf_call_method_cstr(err, "flush", NULL, 0)) wf_err_clear();
  }
}

void wf_sys_write_unraisable(PyObject *exc, const char *cmsg, PyObject *obj) {
  PyObject *saved = wf_err_fetch();
  WF_GC_ROOT(saved);
  WF_GC_ROOT(exc);
  WF_GC_ROOT(obj);
  PyObject *msg = cmsg ? wf_str_from_cstr(cmsg) : WF_NONE;
  WF_GC_ROOT(msg);
  PyObject *hook = wf_sys_get("unraisablehook");
  WF_GC_ROOT(hook);
  if (hook && hook != WF_NONE && hook != wf_sys_get("__unraisablehook__") && unraisable_args_type) {
    PyObject *tb = exc ? wf_exc_get_traceback(exc) : NULL;
    PyObject *items[5] = {exc ? (PyObject *)WF_TYPE(exc) : WF_NONE, exc ? exc : WF_NONE, tb ? tb : WF_NONE, msg,
                          obj ? obj : WF_NONE};
    PyObject *args = wf_structseq_new(unraisable_args_type, items);
    WF_GC_ROOT(args);
    if (wf_call_one(hook, args)) {
      wf_err_restore(saved);
      return;
    }
    wf_err_clear();
  }
  write_unraisable_default(exc, msg, obj);
  wf_err_restore(saved);
}

static PyObject *sys_unraisablehook(PyObject *self, PyObject *arg) {
  if (WF_TYPE(arg) != unraisable_args_type)
    return wf_err_set_string(&wf_TypeError_type, "sys.unraisablehook argument type must be UnraisableHookArgs");
  WF_GC_ROOT(arg);
  write_unraisable_default(WF_TUPLE_GET(arg, 1), WF_TUPLE_GET(arg, 3), WF_TUPLE_GET(arg, 4));
  return WF_NONE;
}

static PyObject *sys_exc_info(PyObject *self, PyObject *unused) { return exc_triple(wf_vm()->handled_exc); }

static PyObject *sys_exception(PyObject *self, PyObject *unused) {
  PyObject *e = wf_vm()->handled_exc;
  return e ? e : WF_NONE;
}

static PyObject *sys_exit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("exit", nargs, 0, 1) < 0) return NULL;
  return wf_err_set_object(&wf_SystemExit_type, nargs ? args[0] : NULL);
}

/* ---- Hooks ------------------------------------------------------------------------- */

static PyObject *sys_displayhook(PyObject *self, PyObject *o) {
  if (o == WF_NONE) return WF_NONE;
  WF_GC_ROOT(o);
  PyObject *bdict = wf_builtins_dict();
  WF_GC_ROOT(bdict);
  if (bdict && wf_dict_setitem_cstr(bdict, "_", WF_NONE) < 0) return NULL;
  PyObject *out = wf_sys_get("stdout");
  if (!out || out == WF_NONE) return wf_err_set_string(&wf_RuntimeError_type, "lost sys.stdout");
  WF_GC_ROOT(out);
  PyObject *rep = wf_object_repr(o);
  if (!rep) return NULL;
  WF_GC_ROOT(rep);
  if (!wf_call_method_cstr(out, "write", &rep, 1)) return NULL;
  PyObject *nl = wf_str_from_char('\n');
  if (!wf_call_method_cstr(out, "write", &nl, 1)) return NULL;
  if (bdict && wf_dict_setitem_cstr(bdict, "_", o) < 0) return NULL;
  return WF_NONE;
}

static PyObject *sys_breakpointhook(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  const char *env = getenv("PYTHONBREAKPOINT");
  if (env && !strcmp(env, "0")) return WF_NONE;
  return wf_err_set_string(&wf_NotImplementedError_type, "breakpoint() (pdb) is not supported by Weft yet");
}

static PyObject *sys_settrace(PyObject *self, PyObject *f) {
  if (f == WF_NONE) return WF_NONE;
  return wf_err_set_string(&wf_NotImplementedError_type, "sys.settrace() with a trace function is not supported by "
                                                         "Weft yet");
}

static PyObject *sys_setprofile(PyObject *self, PyObject *f) {
  if (f == WF_NONE) return WF_NONE;
  return wf_err_set_string(&wf_NotImplementedError_type, "sys.setprofile() with a profile function is not "
                                                         "supported by Weft yet");
}

static PyObject *sys_return_none(PyObject *self, PyObject *unused) { return WF_NONE; }
static PyObject *sys_return_false(PyObject *self, PyObject *unused) { return WF_FALSE; }

static PyObject *sys_audit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (nargs < 1) return wf_err_set_string(&wf_TypeError_type, "audit() missing 1 required positional argument: 'event'");
  if (!wf_str_check(args[0]))
    return wf_err_format(&wf_TypeError_type, "expected 'event' to be a string, not '%.200s'", WF_TYPE(args[0])->tp_name);
  return WF_NONE;
}

static PyObject *sys_addaudithook(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"hook", NULL};
  PyObject *a[1];
  if (wf_arg_unpack("addaudithook", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  return WF_NONE; /* no audit events are raised yet */
}

static PyObject *sys_call_tracing(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("call_tracing", nargs, 2, 2) < 0) return NULL;
  if (!wf_tuple_check(args[1]))
    return wf_err_format(&wf_TypeError_type, "call_tracing() argument 2 must be tuple, not %.200s",
                         WF_TYPE(args[1])->tp_name);
  return wf_call_tuple_dict(args[0], args[1], NULL);
}

/* ---- Limits and sizes ------------------------------------------------------------- */

static int as_c_int(PyObject *o, int *out) {
  if (!wf_index_check(o)) {
    wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(o)->tp_name);
    return -1;
  }
  PyObject *i = wf_number_index(o);
  if (!i) return -1;
  int64_t v;
  if (wf_int_as_int64(i, &v) < 0 || v > INT_MAX || v < INT_MIN) {
    wf_err_clear();
    wf_err_set_string(&wf_OverflowError_type, v > 0 || wf_int_sign(i) > 0 ? "Python int too large to convert to C int"
                                                                          : "Python int too large to convert to C int");
    return -1;
  }
  *out = (int)v;
  return 0;
}

static PyObject *sys_getrecursionlimit(PyObject *self, PyObject *unused) {
  return wf_int_from_ssize(wf_recursion_limit_get());
}

static PyObject *sys_setrecursionlimit(PyObject *self, PyObject *arg) {
  int limit;
  if (as_c_int(arg, &limit) < 0) return NULL;
  if (limit < 1) return wf_err_set_string(&wf_ValueError_type, "recursion limit must be greater or equal than 1");
  /* python3.11 counts the C call of setrecursionlimit itself. */
  int depth = wf_vm()->py_depth + 1;
  if (depth >= limit)
    return wf_err_format(&wf_RecursionError_type,
                         "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", limit,
                         depth);
  wf_recursion_limit_set(limit);
  return WF_NONE;
}

static PyObject *sys_getswitchinterval(PyObject *self, PyObject *unused) {
  return wf_float_from_double(atomic_load(&switch_interval));
}

static PyObject *sys_setswitchinterval(PyObject *self, PyObject *arg) {
  if (!wf_float_check(arg) && !wf_index_check(arg) && !wf_type_lookup(WF_TYPE(arg), WF_ID(__float__)))
    return wf_err_format(&wf_TypeError_type, "must be real number, not %.200s", WF_TYPE(arg)->tp_name);
  double d = wf_float_as_double(arg);
  if (d == -1.0 && wf_err_occurred()) return NULL;
  if (!(d > 0.0)) return wf_err_set_string(&wf_ValueError_type, "switch interval must be strictly positive");
  atomic_store(&switch_interval, d);
  return WF_NONE;
}

static PyObject *sys_get_int_max_str_digits(PyObject *self, PyObject *unused) {
  return wf_int_from_ssize(wf_int_get_max_str_digits());
}

static PyObject *sys_set_int_max_str_digits(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                            PyObject *kwnames) {
  static const char *const names[] = {"maxdigits", NULL};
  PyObject *a[1];
  if (wf_arg_unpack("set_int_max_str_digits", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  int n;
  if (as_c_int(a[0], &n) < 0) return NULL;
  if (n != 0 && n < 640) return wf_err_set_string(&wf_ValueError_type, "maxdigits must be 0 or larger than 640");
  wf_int_set_max_str_digits(n);
  return WF_NONE;
}

static PyObject *sys_getsizeof(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"object", "default", NULL};
  PyObject *a[2];
  if (wf_arg_unpack("getsizeof", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  PyObject *o = a[0], *dflt = a[1];
  WF_GC_ROOT(o);
  WF_GC_ROOT(dflt);
  PyObject *r = wf_call_method_cstr(o, "__sizeof__", NULL, 0);
  if (!r) {
    if (dflt && wf_err_matches(&wf_TypeError_type)) {
      wf_err_clear();
      return dflt;
    }
    if (wf_err_matches(&wf_AttributeError_type)) {
      wf_err_clear();
      return wf_err_format(&wf_TypeError_type, "Type %.100s doesn't define __sizeof__", WF_TYPE(o)->tp_name);
    }
    return NULL;
  }
  Py_ssize_t n = wf_number_as_ssize_t(r, &wf_OverflowError_type);
  if (n == -1 && wf_err_occurred()) return NULL;
  if (n < 0) return wf_err_set_string(&wf_ValueError_type, "__sizeof__() should return >= 0");
  /* CPython adds its GC header for GC-tracked types. */
  if (wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_HAVE_GC)) n += 16;
  return wf_int_from_ssize(n);
}

static PyObject *sys_intern(PyObject *self, PyObject *s) {
  if (!wf_str_check_exact(s))
    return wf_err_format(&wf_TypeError_type, "intern() argument must be str, not %.200s", WF_TYPE(s)->tp_name);
  return wf_str_intern(s);
}

static PyObject *sys_getdefaultencoding(PyObject *self, PyObject *unused) { return wf_str_from_cstr("utf-8"); }
static PyObject *sys_getfsencodeerrors(PyObject *self, PyObject *unused) {
  return wf_str_from_cstr("surrogateescape");
}

static PyObject *sys_getframe(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("_getframe", nargs, 0, 1) < 0) return NULL;
  int depth = 0;
  if (nargs && as_c_int(args[0], &depth) < 0) return NULL;
  wf_frame *f = wf_frame_current();
  while (f && depth > 0) {
    f = f->previous;
    depth--;
  }
  if (!f) return wf_err_set_string(&wf_ValueError_type, "call stack is not deep enough");
  return wf_frame_object(f);
}

static PyObject *sys_getrefcount(PyObject *self, PyObject *o) {
  /* No reference counts in Weft: CPython's answer for a fresh object. */
  return wf_int_from_ssize(2);
}

static PyMethodDef sys_methods[] = {
    {"exit", (PyCFunction)(void (*)(void))sys_exit, METH_FASTCALL, NULL},
    {"exc_info", sys_exc_info, METH_NOARGS, NULL},
    {"exception", sys_exception, METH_NOARGS, NULL},
    {"excepthook", (PyCFunction)(void (*)(void))sys_excepthook, METH_FASTCALL, NULL},
    {"displayhook", sys_displayhook, METH_O, NULL},
    {"unraisablehook", sys_unraisablehook, METH_O, NULL},
    {"breakpointhook", (PyCFunction)(void (*)(void))sys_breakpointhook, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"settrace", sys_settrace, METH_O, NULL},
    {"setprofile", sys_setprofile, METH_O, NULL},
    {"gettrace", sys_return_none, METH_NOARGS, NULL},
    {"getprofile", sys_return_none, METH_NOARGS, NULL},
    {"is_finalizing", sys_return_false, METH_NOARGS, NULL},
    {"audit", (PyCFunction)(void (*)(void))sys_audit, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"addaudithook", (PyCFunction)(void (*)(void))sys_addaudithook, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"call_tracing", (PyCFunction)(void (*)(void))sys_call_tracing, METH_FASTCALL, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O, NULL},
    {"getswitchinterval", sys_getswitchinterval, METH_NOARGS, NULL},
    {"setswitchinterval", sys_setswitchinterval, METH_O, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS, NULL},
    {"set_int_max_str_digits", (PyCFunction)(void (*)(void))sys_set_int_max_str_digits, METH_FASTCALL | METH_KEYWORDS,
     NULL},
    {"getsizeof", (PyCFunction)(void (*)(void))sys_getsizeof, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"getrefcount", sys_getrefcount, METH_O, NULL},
    {"intern", sys_intern, METH_O, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_getfsencodeerrors, METH_NOARGS, NULL},
    {"_getframe", (PyCFunction)(void (*)(void))sys_getframe, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- Creation --------------------------------------------------------------------- */

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial", NULL};
static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits", NULL};
static const char *const float_info_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                                "dig", "mant_dig", "epsilon", "radix", "rounds", NULL};
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                              "str_digits_check_threshold", NULL};
static const char *const hash_info_fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                               "hash_bits", "seed_bits", "cutoff", NULL};
static const char *const thread_info_fields[] = {"name", "lock", "version", NULL};
static const char *const unraisable_fields[] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object",
                                                NULL};

static PyObject *I(Py_ssize_t v) { return wf_int_from_ssize(v); }
static PyObject *S(const char *s) { return wf_str_from_cstr(s); }

static int set(const char *name, PyObject *v) {
  if (!v) return -1;
  return wf_dict_setitem_cstr(sys_dict, name, v);
}

static PyObject *make_version(int major, int minor, int micro) {
  PyObject *items[5] = {I(major), I(minor), I(micro), NULL, I(0)};
  items[3] = S("final");
  return wf_structseq_new(version_info_type, items);
}

static PyObject *make_implementation(void) {
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  PyObject *ver = make_version(WF_IMPL_MAJOR, WF_IMPL_MINOR, WF_IMPL_MICRO);
  if (wf_dict_setitem_cstr(d, "name", S("weft")) < 0 || wf_dict_setitem_cstr(d, "cache_tag", WF_NONE) < 0 ||
      wf_dict_setitem_cstr(d, "version", ver) < 0 ||
      wf_dict_setitem_cstr(d, "hexversion", I((WF_IMPL_MAJOR << 24) | (WF_IMPL_MINOR << 16) |
                                             (WF_IMPL_MICRO << 8) | 0xA0)) < 0 ||
      wf_dict_setitem_cstr(d, "_multiarch", S("x86_64-linux-gnu")) < 0)
    return NULL;
  return wf_namespace_new(d);
}

static bool env_set(const char *name) {
  const char *v = getenv(name);
  return v && *v;
}

/* python3.11 uses errors='surrogateescape' for stdin/stdout under the C
 * locale and its UTF-8 coercion targets, 'strict' otherwise. */
static const char *stdio_errors(void) {
  const char *loc = getenv("LC_ALL");
  if (!loc || !*loc) loc = getenv("LC_CTYPE");
  if (!loc || !*loc) loc = getenv("LANG");
  if (!loc || !*loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strcmp(loc, "C.UTF-8") ||
      !strcmp(loc, "C.utf8") || !strcmp(loc, "UTF-8"))
    return "surrogateescape";
  return "strict";
}

static int make_streams(void) {
  const char *errs = stdio_errors();
  bool unbuffered = env_set("PYTHONUNBUFFERED");
  PyObject *in = wf_stdio_new(0, "<stdin>", "r", errs, isatty(0), false);
  WF_GC_ROOT(in);
  PyObject *out = wf_stdio_new(1, "<stdout>", "w", errs, isatty(1), unbuffered);
  WF_GC_ROOT(out);
  PyObject *err = wf_stdio_new(2, "<stderr>", "w", "backslashreplace", isatty(2), true);
  WF_GC_ROOT(err);
  if (set("stdin", in) < 0 || set("stdout", out) < 0 || set("stderr", err) < 0 || set("__stdin__", in) < 0 ||
      set("__stdout__", out) < 0 || set("__stderr__", err) < 0)
    return -1;
  return 0;
}

static PyObject *str_list(int n, char **v) {
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  for (int i = 0; i < n; i++) {
    PyObject *s = wf_str_decode(v[i], (Py_ssize_t)strlen(v[i]), "utf-8", "surrogateescape");
    if (!s || wf_list_append(l, s) < 0) return NULL;
  }
  return l;
}

static PyObject *builtin_names(void) {
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  for (const wf_builtin_module *m = wf_builtin_modules; m->name; m++)
    if (wf_list_append(l, S(m->name)) < 0) return NULL;
  if (wf_list_sort(l, NULL, false) < 0) return NULL;
  return wf_list_as_tuple(l);
}

static int make_infos(void) {
  PyObject *v;
  {
    PyObject *items[18];
    for (int i = 0; i < 18; i++) items[i] = I(0);
    items[4] = I(env_set("PYTHONDONTWRITEBYTECODE"));
    items[11] = I(1);            /* hash_randomization */
    items[13] = WF_FALSE;        /* dev_mode */
    items[16] = WF_FALSE;        /* safe_path */
    items[17] = I(-1);           /* int_max_str_digits */
    if (env_set("PYTHONHASHSEED") && !strcmp(getenv("PYTHONHASHSEED"), "0")) items[11] = I(0);
    v = wf_structseq_new(flags_type, items);
    if (set("flags", v) < 0) return -1;
  }
  {
    PyObject *items[11] = {wf_float_from_double(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP),
                           wf_float_from_double(DBL_MIN), I(DBL_MIN_EXP), I(DBL_MIN_10_EXP), I(DBL_DIG),
                           I(DBL_MANT_DIG), wf_float_from_double(DBL_EPSILON), I(FLT_RADIX), I(FLT_ROUNDS)};
    v = wf_structseq_new(float_info_type, items);
    WF_GC_ROOT(v);
    if (set("float_info", v) < 0) return -1;
  }
  {
    PyObject *items[4] = {I(30), I(4), I(4300), I(640)};
    if (set("int_info", wf_structseq_new(int_info_type, items)) < 0) return -1;
  }
  {
    PyObject *items[9] = {I(64), wf_int_from_int64(((int64_t)1 << 61) - 1), I(314159), I(0), I(1000003),
                          S("siphash13"), I(64), I(128), I(0)};
    v = wf_structseq_new(hash_info_type, items);
    WF_GC_ROOT(v);
    if (set("hash_info", v) < 0) return -1;
  }
  {
    PyObject *items[3] = {S("pthread"), S("mutex+cond"), WF_NONE};
    v = wf_structseq_new(thread_info_type, items);
    WF_GC_ROOT(v);
    if (set("thread_info", v) < 0) return -1;
  }
  return 0;
}

static int make_types(void) {
  static const wf_structseq_desc descs[] = {
      {"sys.version_info", "sys.version_info\n\nVersion information as a named tuple.", version_info_fields, false},
      {"sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment vars.", flags_fields,
       false},
      {"sys.float_info", "sys.float_info\n\nA named tuple holding information about the float type.",
       float_info_fields, false},
      {"sys.int_info", "sys.int_info\n\nA named tuple that holds information about Python's\ninternal "
                       "representation of integers.",
       int_info_fields, false},
      {"sys.hash_info", "hash_info\n\nA named tuple providing parameters used for computing\nhashes.",
       hash_info_fields, false},
      {"sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
       thread_info_fields, false},
      {"UnraisableHookArgs", "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
       unraisable_fields, false},
  };
  PyTypeObject **out[] = {&version_info_type, &flags_type,       &float_info_type,     &int_info_type,
                          &hash_info_type,    &thread_info_type, &unraisable_args_type};
  for (size_t i = 0; i < sizeof descs / sizeof descs[0]; i++)
    if (!*out[i] && !(*out[i] = wf_structseq_new_type(&descs[i]))) return -1;
  return 0;
}

static PyObject *executable_path(void) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return wf_str_empty();
  return wf_str_decode(buf, n, "utf-8", "surrogateescape");
}

int wf_sys_create(int argc, char **argv) {
  if (sys_mod) return 0;
  if (argc > 0 && argv && argv[0]) {
    /* The command name as invoked, for messages ("weft: can't open file ..."). */
    wf_sys_progname = argv[0];
  }
  if (make_types() < 0) return -1;
  PyObject *m = wf_module_new_cstr("sys");
  if (!m) return -1;
  sys_mod = m;
  wf_gc_add_global_root((void **)&sys_mod);
  sys_dict = wf_module_get_dict(m);
  wf_gc_add_global_root((void **)&sys_dict);
  modules_dict = wf_dict_new();
  wf_gc_add_global_root((void **)&modules_dict);
  if (wf_module_add_functions(m, sys_methods) < 0) return -1;
  if (set("modules", modules_dict) < 0 || wf_dict_setitem_cstr(modules_dict, "sys", m) < 0) return -1;
  /* The original hooks, as CPython keeps them. */
  static const char *const hooks[] = {"excepthook", "displayhook", "unraisablehook", "breakpointhook", NULL};
  for (int i = 0; hooks[i]; i++) {
    char dunder[64];
    snprintf(dunder, sizeof dunder, "__%s__", hooks[i]);
    if (set(dunder, wf_dict_getitem_cstr(sys_dict, hooks[i])) < 0) return -1;
  }
  /* argv: the script and its arguments (wf_modules_init gets them so). */
  PyObject *v = str_list(argc > 0 ? argc : 0, argv);
  if (!v) return -1;
  if (argc == 0 && wf_list_append(v, wf_str_empty()) < 0) return -1;
  if (set("argv", v) < 0) return -1;
  if (set("orig_argv", wf_list_from_array(NULL, 0)) < 0) return -1;
  if (set("path", wf_list_new(0)) < 0) return -1;
  if (set("meta_path", wf_list_new(0)) < 0 || set("path_hooks", wf_list_new(0)) < 0 ||
      set("path_importer_cache", wf_dict_new()) < 0 || set("warnoptions", wf_list_new(0)) < 0 ||
      set("_xoptions", wf_dict_new()) < 0)
    return -1;
  if (make_streams() < 0) return -1;
  char version[256];
  snprintf(version, sizeof version, "%d.%d.%d (weft %d.%d.%d, " __DATE__ ", " __TIME__ ") [Clang %d.%d.%d]",
           WF_PY_MAJOR, WF_PY_MINOR, WF_PY_MICRO, WF_IMPL_MAJOR, WF_IMPL_MINOR, WF_IMPL_MICRO, __clang_major__,
           __clang_minor__, __clang_patchlevel__);
  if (set("version", S(version)) < 0) return -1;
  if (set("version_info", make_version(WF_PY_MAJOR, WF_PY_MINOR, WF_PY_MICRO)) < 0) return -1;
  if (set("hexversion", I(WF_HEXVERSION)) < 0 || set("api_version", I(1013)) < 0) return -1;
  if (set("implementation", make_implementation()) < 0) return -1;
  if (set("platform", S("linux")) < 0 || set("byteorder", S("little")) < 0) return -1;
  if (set("maxsize", I(PTRDIFF_MAX)) < 0 || set("maxunicode", I(0x10FFFF)) < 0) return -1;
  if (set("float_repr_style", S("short")) < 0 || set("abiflags", S("")) < 0 || set("platlibdir", S("lib")) < 0)
    return -1;
  v = executable_path();
  if (!v || set("executable", v) < 0 || set("_base_executable", v) < 0) return -1;
  if (set("prefix", S("/usr")) < 0 || set("base_prefix", S("/usr")) < 0 || set("exec_prefix", S("/usr")) < 0 ||
      set("base_exec_prefix", S("/usr")) < 0 || set("pycache_prefix", WF_NONE) < 0)
    return -1;
  if (set("copyright", S("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
                         "Weft: a Python 3.11 implementation without a GIL.")) < 0)
    return -1;
  if (set("dont_write_bytecode", wf_bool_from(env_set("PYTHONDONTWRITEBYTECODE"))) < 0) return -1;
  if (set("builtin_module_names", builtin_names()) < 0) return -1;
  if (make_infos() < 0) return -1;
  return 0;
}
