/* The builtins that deal with frames, code and classes: globals, locals,
 * vars, dir, compile, exec, eval, __build_class__, __import__. */
#include <string.h>

#include "builtins_internal.h"
#include "bytes.h"
#include "code.h"
#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "funcobject.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- Frames ---- */

/* The locals of frame f: its locals mapping (module, class body, exec), or
 * for a function the dict of its bound local, cell and free variables.  As
 * in CPython 3.11 a function frame keeps one dict (in f->locals, which
 * optimized code never reads), refreshed by each call, so that what exec()
 * stores there is seen by the next locals(). */
static PyObject *frame_locals(wf_frame *f) {
  wf_code *co = f->code;
  if (!(co->co_flags & CO_OPTIMIZED)) return f->locals;
  PyObject *d = f->locals;
  if (!d) {
    d = wf_dict_new();
    WF_GC_STORE(&f->locals, d);
  }
  WF_GC_ROOT(d);
  const uint8_t *kinds = (const uint8_t *)wf_bytes_data(co->co_localspluskinds);
  for (int32_t i = 0; i < co->co_nlocalsplus; i++) {
    int k = kinds[i];
    PyObject *v = f->localsplus[i];
    if (v && (k & (CO_FAST_CELL | CO_FAST_FREE)) && wf_cell_check(v)) v = wf_cell_get(v);
    PyObject *name = WF_TUPLE_GET(co->co_localsplusnames, i);
    /* Exact str keys: no Python code runs. */
    if (v) {
      if (wf_dict_setitem(d, name, v) < 0) return NULL;
    } else if (wf_dict_contains(d, name) > 0) {
      if (wf_dict_delitem(d, name) < 0) return NULL;
    }
  }
  return d;
}

static wf_frame *current_frame(const char *what) {
  wf_frame *f = wf_frame_current();
  if (!f) wf_err_format(&wf_SystemError_type, "%s(): no current frame", what);
  return f;
}

PyObject *wf_builtins_globals(PyObject *m, PyObject *unused) {
  wf_frame *f = current_frame("globals");
  return f ? f->globals : NULL;
}

PyObject *wf_builtins_locals(PyObject *m, PyObject *unused) {
  wf_frame *f = current_frame("locals");
  if (!f) return NULL;
  PyObject *l = frame_locals(f);
  if (!l && !wf_err_occurred()) wf_err_set_string(&wf_SystemError_type, "locals(): no locals");
  return l;
}

PyObject *wf_builtins_vars(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("vars", nargs, 0, 1) < 0) return NULL;
  if (nargs == 0) return wf_builtins_locals(m, NULL);
  PyObject *d;
  int k = wf_object_lookup_attr(args[0], WF_ID(__dict__), &d);
  if (k < 0) return NULL;
  if (k == 0) return wf_err_set_string(&wf_TypeError_type, "vars() argument must have __dict__ attribute");
  return d;
}

PyObject *wf_builtins_dir(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("dir", nargs, 0, 1) < 0) return NULL;
  if (nargs == 1) return wf_object_dir(args[0]);
  PyObject *loc = wf_builtins_locals(m, NULL);
  WF_GC_ROOT(loc);
  if (!loc) return NULL;
  PyObject *names;
  if (wf_dict_check(loc)) {
    names = wf_dict_keys_list(loc);
  } else {
    PyObject *keys = wf_call_method_cstr(loc, "keys", NULL, 0);
    if (!keys) return NULL;
    names = wf_sequence_list(keys);
  }
  WF_GC_ROOT(names);
  if (!names || wf_list_sort(names, NULL, false) < 0) return NULL;
  return names;
}

/* ---- Source text ---- */

/* The bytes of a str/bytes/buffer source for exec/eval/compile; *keep holds
 * the object owning them.  `what` names the accepted kinds in the message. */
static const char *source_text(PyObject *src, const char *fname, const char *what, Py_ssize_t *len, PyObject **keep) {
  const char *s;
  Py_ssize_t n;
  if (wf_str_check(src)) {
    s = wf_str_as_utf8(src, &n);
    if (!s) return NULL;
    *keep = src;
  } else if (wf_byteslike_check(src)) {
    if (wf_byteslike_view(src, &s, &n, keep) < 0) return NULL;
  } else {
    wf_err_format(&wf_TypeError_type, "%s() arg 1 must be a %s object", fname, what);
    return NULL;
  }
  if (memchr(s, 0, (size_t)n)) {
    wf_err_set_string(&wf_ValueError_type, "source code string cannot contain null bytes");
    return NULL;
  }
  *len = n;
  return s;
}

static bool is_mapping(PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  return t->tp_as_mapping && t->tp_as_mapping->mp_subscript;
}

/* globals['__builtins__'] = the current builtins dict, when missing. */
static int ensure_builtins(PyObject *globals) {
  int r = wf_dict_contains(globals, WF_ID(__builtins__));
  if (r != 0) return r < 0 ? -1 : 0;
  wf_frame *f = wf_frame_current();
  PyObject *b = f && f->builtins ? f->builtins : wf_builtins_dict();
  if (!b) b = wf_builtins_module();
  if (!b) return 0;
  return wf_dict_setitem(globals, WF_ID(__builtins__), b);
}

static PyObject *string_filename(void) { return wf_str_from_cstr("<string>"); }

/* ---- compile ---- */

#define PYCF_ONLY_AST 0x0400
#define PYCF_MASK 0x1ff0000 /* the __future__ flags */
#define PYCF_MASK_OBSOLETE 0x0010
#define PYCF_COMPILE_MASK (0x0400 | 0x1000 | 0x2000 | 0x0200 | 0x4000)

static PyObject *fs_filename(PyObject *fn) {
  if (wf_str_check(fn)) return fn;
  if (wf_bytes_check(fn)) return wf_str_decode(wf_bytes_data(fn), wf_bytes_size(fn), "utf-8", "surrogateescape");
  PyObject *fspath = wf_type_lookup(WF_TYPE(fn), WF_ID(__fspath__));
  if (fspath) {
    PyObject *r = wf_call_method(fn, WF_ID(__fspath__), NULL, 0);
    WF_GC_ROOT(r);
    if (!r) return NULL;
    if (wf_str_check(r) || wf_bytes_check(r)) return fs_filename(r);
    return wf_err_format(&wf_TypeError_type, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                         WF_TYPE(fn)->tp_name, WF_TYPE(r)->tp_name);
  }
  return wf_err_format(&wf_TypeError_type, "expected str, bytes or os.PathLike object, not %.200s",
                       WF_TYPE(fn)->tp_name);
}

PyObject *wf_builtins_compile(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"source",   "filename",         "mode", "flags", "dont_inherit",
                                      "optimize", "_feature_version", NULL};
  PyObject *a[7];
  if (wf_builtins_clinic("compile", args, nargs, kwnames, names, 6, 3, a) < 0) return NULL;
  PyObject *source = a[0], *mode = a[2];
  WF_GC_ROOT(source);
  WF_GC_ROOT(mode);
  PyObject *filename = fs_filename(a[1]);
  WF_GC_ROOT(filename);
  if (!filename) return NULL;
  if (!wf_str_check(mode))
    return wf_err_format(&wf_TypeError_type, "compile() argument 'mode' must be str, not %.200s",
                         WF_TYPE(mode)->tp_name);
  WF_GC_ROOT(a[3]);
  WF_GC_ROOT(a[4]);
  WF_GC_ROOT(a[5]);
  int64_t flags = 0, optimize = -1;
  if (a[3]) {
    PyObject *v = wf_number_index(a[3]);
    if (!v || wf_int_as_int64(v, &flags) < 0) return NULL;
  }
  if (a[5]) {
    PyObject *v = wf_number_index(a[5]);
    if (!v || wf_int_as_int64(v, &optimize) < 0) return NULL;
  }
  if (a[4] && wf_object_is_true(a[4]) < 0) return NULL;
  if (flags & ~(int64_t)(PYCF_MASK | PYCF_MASK_OBSOLETE | PYCF_COMPILE_MASK))
    return wf_err_set_string(&wf_ValueError_type, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) return wf_err_set_string(&wf_ValueError_type, "compile(): invalid optimize value");
  wf_compile_mode cmode;
  if (wf_str_equal_cstr(mode, "exec"))
    cmode = WF_COMPILE_EXEC;
  else if (wf_str_equal_cstr(mode, "eval"))
    cmode = WF_COMPILE_EVAL;
  else if (wf_str_equal_cstr(mode, "single"))
    cmode = WF_COMPILE_SINGLE;
  else if (wf_str_equal_cstr(mode, "func_type")) {
    if (!(flags & PYCF_ONLY_AST))
      return wf_err_set_string(&wf_ValueError_type, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    return wf_err_set_string(&wf_NotImplementedError_type, "compile() to an AST (ast.PyCF_ONLY_AST) is not supported");
  } else
    return wf_err_set_string(&wf_ValueError_type, "compile() mode must be 'exec', 'eval' or 'single'");
  if (flags & PYCF_ONLY_AST)
    return wf_err_set_string(&wf_NotImplementedError_type, "compile() to an AST (ast.PyCF_ONLY_AST) is not supported");
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  Py_ssize_t len;
  const char *text = source_text(source, "compile", "string, bytes or AST", &len, &keep);
  if (!text) {
    if (wf_err_matches(&wf_TypeError_type)) {
      wf_err_clear();
      wf_err_set_string(&wf_TypeError_type, "compile() arg 1 must be a string, bytes or AST object");
    }
    return NULL;
  }
  return wf_compile_source(text, (size_t)len, filename, cmode);
}

/* ---- exec / eval ---- */

/* Default globals/locals from the calling frame. */
static int frame_namespaces(PyObject **globals, PyObject **locals) {
  wf_frame *f = wf_frame_current();
  if (!f) return 0;
  *globals = f->globals;
  if (!*locals) {
    *locals = frame_locals(f);
    if (!*locals && wf_err_occurred()) return -1;
  }
  return 0;
}

PyObject *wf_builtins_exec(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (nargs < 1)
    return wf_err_format(&wf_TypeError_type, "exec() takes at least 1 positional argument (%zd given)", nargs);
  if (nargs > 3)
    return wf_err_format(&wf_TypeError_type, "exec() takes at most 3 positional arguments (%zd given)", nargs);
  static const char *const names[] = {"closure", NULL};
  PyObject *closure = NULL;
  if (wf_builtins_kwonly("exec", args + nargs, kwnames, names, &closure) < 0) return NULL;
  PyObject *source = args[0];
  PyObject *globals = nargs > 1 && args[1] != WF_NONE ? args[1] : NULL;
  PyObject *locals = nargs > 2 && args[2] != WF_NONE ? args[2] : NULL;
  WF_GC_ROOT(source);
  WF_GC_ROOT(globals);
  WF_GC_ROOT(locals);
  WF_GC_ROOT(closure);
  if (!globals) {
    if (frame_namespaces(&globals, &locals) < 0) return NULL;
    if (!globals || !locals) return wf_err_set_string(&wf_SystemError_type, "globals and locals cannot be NULL");
  } else if (!locals) {
    locals = globals;
  }
  if (!wf_dict_check(globals))
    return wf_err_format(&wf_TypeError_type, "exec() globals must be a dict, not %.100s", WF_TYPE(globals)->tp_name);
  if (!is_mapping(locals))
    return wf_err_format(&wf_TypeError_type, "locals must be a mapping or None, not %.100s", WF_TYPE(locals)->tp_name);
  if (ensure_builtins(globals) < 0) return NULL;
  if (closure == WF_NONE) closure = NULL;
  PyObject *code = NULL;
  WF_GC_ROOT(code);
  if (wf_code_check(source)) {
    code = source;
    Py_ssize_t nfree = ((wf_code *)code)->co_nfreevars;
    if (nfree == 0) {
      if (closure) return wf_err_set_string(&wf_TypeError_type, "cannot use a closure with this code object");
    } else {
      bool ok = closure && WF_TYPE(closure) == &wf_tuple_type && WF_SIZE(closure) == nfree;
      for (Py_ssize_t i = 0; ok && i < nfree; i++) ok = wf_cell_check(WF_TUPLE_GET(closure, i));
      if (!ok) return wf_err_format(&wf_TypeError_type, "code object requires a closure of exactly length %zd", nfree);
    }
  } else {
    if (closure) return wf_err_set_string(&wf_TypeError_type, "closure can only be used when source is a code object");
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    Py_ssize_t len;
    const char *text = source_text(source, "exec", "string, bytes or code", &len, &keep);
    if (!text) return NULL;
    PyObject *fn = string_filename();
    WF_GC_ROOT(fn);
    code = wf_compile_source(text, (size_t)len, fn, WF_COMPILE_EXEC);
    if (!code) return NULL;
  }
  PyObject *r = wf_eval_code(code, globals, locals, closure);
  if (!r) return NULL;
  return WF_NONE;
}

PyObject *wf_builtins_eval(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("eval", nargs, 1, 3) < 0) return NULL;
  PyObject *source = args[0];
  PyObject *globals = nargs > 1 && args[1] != WF_NONE ? args[1] : NULL;
  PyObject *locals = nargs > 2 && args[2] != WF_NONE ? args[2] : NULL;
  WF_GC_ROOT(source);
  WF_GC_ROOT(globals);
  WF_GC_ROOT(locals);
  if (locals && !is_mapping(locals)) return wf_err_set_string(&wf_TypeError_type, "locals must be a mapping");
  if (globals && !wf_dict_check(globals))
    return wf_err_set_string(&wf_TypeError_type, is_mapping(globals)
                                                     ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                     : "globals must be a dict");
  if (!globals) {
    if (frame_namespaces(&globals, &locals) < 0) return NULL;
  } else if (!locals) {
    locals = globals;
  }
  if (!globals || !locals)
    return wf_err_set_string(&wf_TypeError_type, "eval must be given globals and locals when called without a frame");
  if (ensure_builtins(globals) < 0) return NULL;
  if (wf_code_check(source)) {
    if (((wf_code *)source)->co_nfreevars > 0)
      return wf_err_set_string(&wf_TypeError_type, "code object passed to eval() may not contain free variables");
    return wf_eval_code(source, globals, locals, NULL);
  }
  PyObject *keep = NULL;
  WF_GC_ROOT(keep);
  Py_ssize_t len;
  const char *text = source_text(source, "eval", "string, bytes or code", &len, &keep);
  if (!text) return NULL;
  while (len > 0 && (*text == ' ' || *text == '\t')) text++, len--;
  PyObject *fn = string_filename();
  WF_GC_ROOT(fn);
  PyObject *code = wf_compile_source(text, (size_t)len, fn, WF_COMPILE_EVAL);
  WF_GC_ROOT(code);
  if (!code) return NULL;
  return wf_eval_code(code, globals, locals, NULL);
}

/* ---- __build_class__ ---- */

/* PEP 560: replace each non-class base by what its __mro_entries__ returns.
 * Returns `bases` itself when nothing changes. */
static PyObject *update_bases(PyObject *bases) {
  WF_GC_ROOT(bases);
  Py_ssize_t n = WF_SIZE(bases);
  PyObject *out = NULL, *meth = NULL, *entries = NULL;
  WF_GC_ROOT(out);
  WF_GC_ROOT(meth);
  WF_GC_ROOT(entries);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *base = WF_TUPLE_GET(bases, i);
    if (wf_object_type_check(base, &wf_type_type)) {
      if (out && wf_list_append(out, base) < 0) return NULL;
      continue;
    }
    int k = wf_object_lookup_attr(base, WF_ID(__mro_entries__), &meth);
    if (k < 0) return NULL;
    if (k == 0) {
      if (out && wf_list_append(out, base) < 0) return NULL;
      continue;
    }
    entries = wf_call_one(meth, bases);
    if (!entries) return NULL;
    if (!wf_tuple_check(entries)) return wf_err_set_string(&wf_TypeError_type, "__mro_entries__ must return a tuple");
    if (!out) {
      out = wf_list_from_array(WF_TUPLE_ITEMS(bases), i);
      if (!out) return NULL;
    }
    if (wf_list_extend(out, entries) < 0) return NULL;
  }
  if (!out) return bases;
  return wf_list_as_tuple(out);
}

/* The most derived metaclass of meta and the types of the bases. */
static PyTypeObject *calculate_metaclass(PyTypeObject *meta, PyObject *bases) {
  PyTypeObject *winner = meta;
  for (Py_ssize_t i = 0; i < WF_SIZE(bases); i++) {
    PyTypeObject *t = WF_TYPE(WF_TUPLE_GET(bases, i));
    if (wf_type_is_subtype(winner, t)) continue;
    if (wf_type_is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    wf_err_set_string(&wf_TypeError_type,
                      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                      "metaclasses of all its bases");
    return NULL;
  }
  return winner;
}

PyObject *wf_builtins_build_class(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  if (nargs < 2) return wf_err_set_string(&wf_TypeError_type, "__build_class__: not enough arguments");
  PyObject *func = args[0], *name = args[1];
  WF_GC_ROOT(func);
  WF_GC_ROOT(name);
  if (!wf_function_check(func))
    return wf_err_set_string(&wf_TypeError_type, "__build_class__: func must be a function");
  if (!wf_str_check(name)) return wf_err_set_string(&wf_TypeError_type, "__build_class__: name is not a string");
  PyObject *orig_bases = wf_tuple_from_array(args + 2, nargs - 2);
  WF_GC_ROOT(orig_bases);
  PyObject *bases = update_bases(orig_bases);
  WF_GC_ROOT(bases);
  if (!bases) return NULL;

  /* The keywords other than metaclass go to __prepare__ and the metaclass. */
  PyObject *meta = NULL, *mkw = NULL;
  WF_GC_ROOT(meta);
  WF_GC_ROOT(mkw);
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kn = WF_TUPLE_GET(kwnames, k), *v = args[nargs + k];
    if (wf_str_equal_cstr(kn, "metaclass")) {
      meta = v;
      continue;
    }
    if (!mkw) mkw = wf_dict_new();
    if (wf_dict_setitem(mkw, kn, v) < 0) return NULL;
  }
  bool isclass = false;
  if (meta) {
    isclass = wf_object_type_check(meta, &wf_type_type);
  } else {
    meta = WF_SIZE(bases) == 0 ? (PyObject *)&wf_type_type : (PyObject *)WF_TYPE(WF_TUPLE_GET(bases, 0));
    isclass = true;
  }
  if (isclass) {
    meta = (PyObject *)calculate_metaclass((PyTypeObject *)meta, bases);
    if (!meta) return NULL;
  }

  PyObject *prep = NULL, *ns = NULL;
  WF_GC_ROOT(prep);
  WF_GC_ROOT(ns);
  int k = wf_object_lookup_attr(meta, WF_ID(__prepare__), &prep);
  if (k < 0) return NULL;
  if (k == 0) {
    ns = wf_dict_new();
  } else {
    PyObject *pargs = wf_tuple_pack(2, name, bases);
    WF_GC_ROOT(pargs);
    ns = wf_call_tuple_dict(prep, pargs, mkw);
    if (!ns) return NULL;
  }
  if (!is_mapping(ns))
    return wf_err_format(&wf_TypeError_type, "%.200s.__prepare__() must return a mapping, not %.200s",
                         isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>", WF_TYPE(ns)->tp_name);

  wf_function *fn = (wf_function *)func;
  PyObject *cell = wf_eval_code(fn->func_code, fn->func_globals, ns, fn->func_closure);
  WF_GC_ROOT(cell);
  if (!cell) return NULL;
  if (!wf_cell_check(cell)) {
    /* The body may leave the __class__ cell in the namespace only. */
    cell = NULL;
    if (wf_dict_check(ns)) {
      PyObject *c = wf_dict_getitem(ns, WF_ID(__classcell__));
      if (c && wf_cell_check(c)) cell = c;
    }
  }
  if (bases != orig_bases && wf_object_setitem(ns, WF_ID(__orig_bases__), orig_bases) < 0) return NULL;
  PyObject *margs = wf_tuple_pack(3, name, bases, ns);
  WF_GC_ROOT(margs);
  PyObject *cls = wf_call_tuple_dict(meta, margs, mkw);
  WF_GC_ROOT(cls);
  if (!cls) return NULL;
  if (cell && wf_object_type_check(cls, &wf_type_type)) {
    PyObject *got = wf_cell_get(cell);
    if (!got) {
      /* type.__new__ that leaves __classcell__ in the class dict did not fill the cell: do its part. */
      PyObject *tdict = ((PyTypeObject *)cls)->tp_dict;
      if (tdict && wf_dict_check(tdict) && wf_dict_getitem(tdict, WF_ID(__classcell__)) == cell) {
        wf_cell_set(cell, cls);
        if (wf_object_setattr(cls, WF_ID(__classcell__), NULL) < 0) return NULL;
        got = cls;
      }
    }
    if (got != cls) {
      if (!got)
        return wf_err_format(
            &wf_RuntimeError_type,
            "__class__ not set defining %.200R as %.200R. Was __classcell__ propagated to type.__new__?", name, cls);
      return wf_err_format(&wf_TypeError_type, "__class__ set to %.200R defining %.200R as %.200R", got, name, cls);
    }
  }
  return cls;
}

/* ---- __import__ ---- */

PyObject *wf_builtins_import(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
  PyObject *a[5];
  if (wf_builtins_clinic("__import__", args, nargs, kwnames, names, 5, 1, a) < 0) return NULL;
  int level = 0;
  if (a[4]) {
    if (wf_float_check(a[4]))
      return wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer",
                           WF_TYPE(a[4])->tp_name);
    Py_ssize_t v = wf_number_as_ssize_t(a[4], &wf_OverflowError_type);
    if (v == -1 && wf_err_occurred()) return NULL;
    if (v < INT32_MIN || v > INT32_MAX)
      return wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C int");
    level = (int)v;
  }
  if (!wf_str_check(a[0])) return wf_err_set_string(&wf_TypeError_type, "module name must be a string");
  if (level < 0) return wf_err_set_string(&wf_ValueError_type, "level must be >= 0");
  if (level == 0 && wf_str_length(a[0]) == 0) return wf_err_set_string(&wf_ValueError_type, "Empty module name");
  PyObject *globals = a[1] && a[1] != WF_NONE ? a[1] : NULL;
  return wf_import_name(a[0], globals, a[3], level);
}
