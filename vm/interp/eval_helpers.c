/* The slower parts of instructions, out of the eval loop: each helper
 * roots what it holds across safepoints (the loop itself never uses
 * WF_GC_ROOT: its operands stay on the traced value stack). */
#include <string.h>

#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "eval_helpers.h"
#include "exceptions.h"
#include "floatobject.h"
#include "gen.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- names ---- */

PyObject *wf_eval_unbound_local(wf_code *co, int i) {
  PyObject *name = WF_TUPLE_GET(co->co_localsplusnames, i);
  return wf_err_format(&wf_UnboundLocalError_type,
                       "cannot access local variable '%U' where it is not associated with a value", name);
}

PyObject *wf_eval_unbound_deref(wf_code *co, int i) {
  PyObject *name = WF_TUPLE_GET(co->co_localsplusnames, i);
  if (i >= co->co_nlocalsplus - co->co_nfreevars)
    return wf_err_format(&wf_NameError_type,
                         "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                         name);
  return wf_eval_unbound_local(co, i);
}

PyObject *wf_eval_name_error(PyObject *name) {
  wf_err_format(&wf_NameError_type, "name '%U' is not defined", name);
  PyObject *e = wf_err_current();
  if (e && wf_object_type_check(e, &wf_NameError_type)) WF_GC_STORE(&((PyNameErrorObject *)e)->name, name);
  return NULL;
}

/* mapping[key] with KeyError turned into "absent" (NULL, no exception). */
static PyObject *mapping_get(PyObject *m, PyObject *key) {
  if (WF_TYPE(m) == &wf_dict_type) return wf_dict_getitem_err(m, key);
  PyObject *v = wf_object_getitem(m, key);
  if (!v && wf_err_matches(&wf_KeyError_type)) wf_err_clear();
  return v;
}

PyObject *wf_eval_load_name(wf_frame *f, PyObject *name) {
  WF_GC_ROOT(name);
  if (!f->locals) return wf_err_format(&wf_SystemError_type, "no locals when loading %R", name);
  PyObject *v = mapping_get(f->locals, name);
  if (v || wf_err_occurred()) return v;
  v = wf_dict_getitem_err(f->globals, name);
  if (v || wf_err_occurred()) return v;
  v = mapping_get(f->builtins, name);
  if (v || wf_err_occurred()) return v;
  return wf_eval_name_error(name);
}

PyObject *wf_eval_load_classderef(wf_frame *f, int i) {
  PyObject *name = WF_TUPLE_GET(f->code->co_localsplusnames, i);
  if (f->locals) {
    PyObject *v = mapping_get(f->locals, name);
    if (v || wf_err_occurred()) return v;
  }
  PyObject *v = wf_cell_get(f->localsplus[i]);
  if (!v) return wf_eval_unbound_deref(f->code, i);
  return v;
}

int wf_eval_store_name(wf_frame *f, PyObject *name, PyObject *v) {
  if (!f->locals) {
    wf_err_format(&wf_SystemError_type, "no locals found when storing %R", name);
    return -1;
  }
  if (WF_TYPE(f->locals) == &wf_dict_type) return wf_dict_setitem(f->locals, name, v);
  return wf_object_setitem(f->locals, name, v);
}

int wf_eval_delete_name(wf_frame *f, PyObject *name) {
  WF_GC_ROOT(name);
  if (!f->locals) {
    wf_err_format(&wf_SystemError_type, "no locals when deleting %R", name);
    return -1;
  }
  if (wf_object_delitem(f->locals, name) < 0) {
    if (wf_err_matches(&wf_KeyError_type)) {
      wf_err_clear();
      wf_eval_name_error(name);
    }
    return -1;
  }
  return 0;
}

int wf_eval_delete_global(wf_frame *f, PyObject *name) {
  WF_GC_ROOT(name);
  if (wf_dict_delitem(f->globals, name) < 0) {
    if (wf_err_matches(&wf_KeyError_type)) {
      wf_err_clear();
      wf_eval_name_error(name);
    }
    return -1;
  }
  return 0;
}

/* ---- building ---- */

PyObject *wf_eval_build_map(PyObject *const *items, Py_ssize_t n) {
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  for (Py_ssize_t i = 0; i < n; i++)
    if (wf_dict_setitem(d, items[2 * i], items[2 * i + 1]) < 0) return NULL;
  return d;
}

PyObject *wf_eval_build_const_key_map(PyObject *const *values, PyObject *keys) {
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  WF_GC_ROOT(keys);
  for (Py_ssize_t i = 0; i < WF_SIZE(keys); i++)
    if (wf_dict_setitem(d, WF_TUPLE_GET(keys, i), values[i]) < 0) return NULL;
  return d;
}

PyObject *wf_eval_build_set(PyObject *const *items, Py_ssize_t n) {
  PyObject *s = wf_set_new(NULL);
  if (!s) return NULL;
  WF_GC_ROOT(s);
  for (Py_ssize_t i = 0; i < n; i++)
    if (wf_set_add(s, items[i]) < 0) return NULL;
  return s;
}

PyObject *wf_eval_build_string(PyObject *const *items, Py_ssize_t n) {
  wf_strbuf b;
  Py_ssize_t len = 0;
  for (Py_ssize_t i = 0; i < n; i++) len += wf_str_len(items[i]);
  wf_strbuf_init(&b, len);
  for (Py_ssize_t i = 0; i < n; i++)
    if (wf_strbuf_put_str(&b, items[i]) < 0) {
      wf_strbuf_free(&b);
      return NULL;
    }
  return wf_strbuf_finish(&b);
}

static PyObject *funcstr(PyObject *func) {
  PyObject *qn;
  WF_GC_ROOT(func);
  if (wf_object_lookup_attr(func, WF_ID(__qualname__), &qn) <= 0) {
    wf_err_clear();
    return wf_object_str(func);
  }
  WF_GC_ROOT(qn);
  PyObject *mod;
  if (wf_object_lookup_attr(func, WF_ID(__module__), &mod) > 0 && mod != WF_NONE && wf_str_check(mod) &&
      !wf_str_equal_cstr(mod, "builtins"))
    return wf_str_from_format("%U.%U()", mod, qn);
  wf_err_clear();
  return wf_str_from_format("%U()", qn);
}

int wf_eval_list_extend(PyObject *list, PyObject *iterable) {
  WF_GC_ROOT(iterable);
  if (wf_list_extend(list, iterable) < 0) {
    if (wf_err_matches(&wf_TypeError_type) && !WF_TYPE(iterable)->tp_iter &&
        !(WF_TYPE(iterable)->tp_as_sequence && WF_TYPE(iterable)->tp_as_sequence->sq_item)) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "Value after * must be an iterable, not %.200s", WF_TYPE(iterable)->tp_name);
    }
    return -1;
  }
  return 0;
}

int wf_eval_set_update(PyObject *set, PyObject *iterable) {
  WF_GC_ROOT(set);
  PyObject *it = wf_object_getiter(iterable);
  if (!it) return -1;
  WF_GC_ROOT(it);
  for (;;) {
    PyObject *v = wf_iter_next(it);
    if (!v) return wf_err_occurred() ? -1 : 0;
    if (wf_set_add(set, v) < 0) return -1;
  }
}

int wf_eval_dict_update(PyObject *dict, PyObject *update) {
  WF_GC_ROOT(update);
  if (wf_dict_update(dict, update) < 0) {
    if (wf_err_matches(&wf_AttributeError_type)) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "'%.200s' object is not a mapping", WF_TYPE(update)->tp_name);
    }
    return -1;
  }
  return 0;
}

/* ** in a call: keys must be str and new. */
int wf_eval_dict_merge(PyObject *func, PyObject *dict, PyObject *update) {
  WF_GC_ROOT(func);
  WF_GC_ROOT(dict);
  WF_GC_ROOT(update);
  PyObject *keys = NULL;
  WF_GC_ROOT(keys);
  if (wf_dict_check(update)) {
    keys = wf_dict_keys_list(update);
  } else {
    PyObject *m;
    int found = wf_object_lookup_attr(update, WF_ID(keys), &m);
    if (found < 0) return -1;
    if (!found) {
      PyObject *fs = funcstr(func);
      if (!fs) return -1;
      wf_err_format(&wf_TypeError_type, "%U argument after ** must be a mapping, not %.200s", fs,
                    WF_TYPE(update)->tp_name);
      return -1;
    }
    PyObject *k = wf_call_noargs(m);
    if (!k) return -1;
    keys = wf_sequence_list(k);
  }
  if (!keys) return -1;
  for (Py_ssize_t i = 0; i < wf_list_size(keys); i++) {
    PyObject *k = wf_list_get(keys, i);
    if (!k) return -1;
    WF_GC_ROOT(k);
    if (!wf_str_check(k)) {
      wf_err_set_string(&wf_TypeError_type, "keywords must be strings");
      return -1;
    }
    int has = wf_dict_contains(dict, k);
    if (has < 0) return -1;
    if (has) {
      PyObject *fs = funcstr(func);
      if (!fs) return -1;
      wf_err_format(&wf_TypeError_type, "%U got multiple values for keyword argument '%U'", fs, k);
      return -1;
    }
    PyObject *v = wf_object_getitem(update, k);
    if (!v) return -1;
    if (wf_dict_setitem(dict, k, v) < 0) return -1;
  }
  return 0;
}

/* ---- unpacking ---- */

/* Unpack `seq` into out[0..before) + a list + out[..after) (star when
 * after >= 0), items in order (the caller pushes them reversed). */
int wf_eval_unpack(PyObject *seq, Py_ssize_t before, Py_ssize_t after, PyObject **out) {
  WF_GC_ROOT(seq);
  PyObject *it = wf_object_getiter(seq);
  if (!it) {
    if (wf_err_matches(&wf_TypeError_type) && !WF_TYPE(seq)->tp_iter &&
        !(WF_TYPE(seq)->tp_as_sequence && WF_TYPE(seq)->tp_as_sequence->sq_item)) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "cannot unpack non-iterable %.200s object", WF_TYPE(seq)->tp_name);
    }
    return -1;
  }
  WF_GC_ROOT(it);
  for (Py_ssize_t i = 0; i < before; i++) {
    PyObject *v = wf_iter_next(it);
    if (!v) {
      if (wf_err_occurred()) return -1;
      if (after < 0)
        wf_err_format(&wf_ValueError_type, "not enough values to unpack (expected %zd, got %zd)", before, i);
      else
        wf_err_format(&wf_ValueError_type, "not enough values to unpack (expected at least %zd, got %zd)",
                      before + after, i);
      return -1;
    }
    out[i] = v; /* out points into the traced value stack */
  }
  if (after < 0) {
    PyObject *v = wf_iter_next(it);
    if (v) {
      wf_err_format(&wf_ValueError_type, "too many values to unpack (expected %zd)", before);
      return -1;
    }
    return wf_err_occurred() ? -1 : 0;
  }
  PyObject *rest = wf_sequence_list(it);
  if (!rest) return -1;
  out[before] = rest;
  Py_ssize_t n = wf_list_size(rest);
  if (n < after) {
    wf_err_format(&wf_ValueError_type, "not enough values to unpack (expected at least %zd, got %zd)",
                  before + after, before + n);
    return -1;
  }
  for (Py_ssize_t i = 0; i < after; i++) out[before + 1 + i] = wf_list_get(rest, n - after + i);
  /* shrink the list to the starred part */
  while (after-- > 0)
    if (!wf_list_pop(rest, -1)) return -1;
  return 0;
}

/* ---- FORMAT_VALUE ---- */

PyObject *wf_eval_format_value(PyObject *v, int conv, PyObject *spec) {
  WF_GC_ROOT(spec);
  switch (conv) {
  case 1: v = wf_object_str(v); break;
  case 2: v = wf_object_repr(v); break;
  case 3: v = wf_object_ascii(v); break;
  default: break;
  }
  if (!v) return NULL;
  if (!spec && wf_str_check_exact(v)) return v;
  return wf_object_format(v, spec);
}

/* ---- functions ---- */

PyObject *wf_eval_make_function(PyObject *code, PyObject *globals, PyObject *const *extra, int flags) {
  WF_GC_ROOT(code);
  PyObject *fn = wf_function_new(code, globals, NULL);
  if (!fn) return NULL;
  wf_function *f = (wf_function *)fn;
  int k = 0;
  if (flags & 1) WF_GC_STORE(&f->func_defaults, extra[k++]);
  if (flags & 2) WF_GC_STORE(&f->func_kwdefaults, extra[k++]);
  if (flags & 4) {
    PyObject *ann = extra[k++];
    if (wf_tuple_check(ann)) {
      WF_GC_ROOT(fn);
      WF_GC_ROOT(ann);
      PyObject *d = wf_dict_new();
      WF_GC_ROOT(d);
      for (Py_ssize_t i = 0; i + 1 < WF_SIZE(ann); i += 2)
        if (wf_dict_setitem(d, WF_TUPLE_GET(ann, i), WF_TUPLE_GET(ann, i + 1)) < 0) return NULL;
      ann = d;
    }
    WF_GC_STORE(&f->func_annotations, ann);
  }
  if (flags & 8) WF_GC_STORE(&f->func_closure, extra[k++]);
  return fn;
}

/* ---- exceptions ---- */

static bool valid_catch(PyObject *t) {
  if (wf_tuple_check(t)) {
    for (Py_ssize_t i = 0; i < WF_SIZE(t); i++)
      if (!wf_exc_type_check(WF_TUPLE_GET(t, i))) return false;
    return true;
  }
  return wf_exc_type_check(t);
}

static bool given_matches(PyObject *exc, PyObject *t) {
  if (wf_tuple_check(t)) {
    for (Py_ssize_t i = 0; i < WF_SIZE(t); i++)
      if (given_matches(exc, WF_TUPLE_GET(t, i))) return true;
    return false;
  }
  return wf_type_is_subtype(WF_TYPE(exc), (PyTypeObject *)t);
}

int wf_eval_exc_match(PyObject *exc, PyObject *t) {
  if (!valid_catch(t)) {
    wf_err_set_string(&wf_TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return given_matches(exc, t);
}

static bool is_group_type(PyObject *t) {
  return wf_exc_type_check(t) && wf_type_is_subtype((PyTypeObject *)t, &wf_BaseExceptionGroup_type);
}

int wf_eval_eg_match(PyObject *exc, PyObject *t, PyObject **match, PyObject **rest) {
  if (!valid_catch(t)) {
    wf_err_set_string(&wf_TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  bool grp = is_group_type(t);
  if (wf_tuple_check(t))
    for (Py_ssize_t i = 0; i < WF_SIZE(t); i++) grp = grp || is_group_type(WF_TUPLE_GET(t, i));
  if (grp) {
    wf_err_set_string(&wf_TypeError_type,
                      "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
  }
  *match = *rest = NULL;
  if (exc == WF_NONE) {
    *match = *rest = WF_NONE;
    return 0;
  }
  WF_GC_ROOT(exc);
  WF_GC_ROOT(t);
  if (!wf_object_type_check(exc, &wf_BaseExceptionGroup_type) && given_matches(exc, t)) {
    /* a naked exception matched: wrap it in a group */
    bool is_exc = wf_object_type_check(exc, &wf_Exception_type);
    PyObject *excs = wf_tuple_pack(1, exc);
    WF_GC_ROOT(excs);
    PyObject *args[2] = {wf_str_empty(), excs};
    PyObject *g = wf_call(is_exc ? (PyObject *)&wf_ExceptionGroup_type : (PyObject *)&wf_BaseExceptionGroup_type,
                          args, 2, NULL);
    if (!g) return -1;
    PyObject *tb = wf_exc_get_traceback(exc);
    if (tb) wf_exc_set_traceback(g, tb);
    *match = g;
    *rest = WF_NONE;
    return 0;
  }
  PyObject *m = NULL, *r = NULL;
  if (wf_exc_group_split(exc, t, true, &m, &r) < 0) return -1;
  *match = m ? m : WF_NONE;
  *rest = r ? r : WF_NONE;
  return 0;
}

/* RAISE_VARARGS with 1 or 2 operands: sets the exception. */
void wf_eval_do_raise(PyObject *exc, PyObject *cause) {
  WF_GC_ROOT(exc);
  WF_GC_ROOT(cause);
  if (wf_exc_type_check(exc)) {
    PyObject *type = exc;
    WF_GC_ROOT(type);
    exc = wf_call_noargs(type);
    if (!exc) return;
    if (!wf_exc_check(exc)) {
      wf_err_format(&wf_TypeError_type, "calling %R should have returned an instance of BaseException, not %R", type,
                    WF_TYPE(exc));
      return;
    }
  } else if (!wf_exc_check(exc)) {
    wf_err_set_string(&wf_TypeError_type, "exceptions must derive from BaseException");
    return;
  }
  if (cause) {
    if (wf_exc_type_check(cause)) {
      cause = wf_call_noargs(cause);
      if (!cause) return;
      if (!wf_exc_check(cause)) {
        wf_err_set_string(&wf_TypeError_type, "exception causes must derive from BaseException");
        return;
      }
    } else if (cause == WF_NONE) {
      cause = NULL;
    } else if (!wf_exc_check(cause)) {
      wf_err_set_string(&wf_TypeError_type, "exception causes must derive from BaseException");
      return;
    }
    wf_exc_set_cause(exc, cause);
  }
  wf_err_set_exc(exc);
}

/* ---- with ---- */

/* type(o).name bound to o, or NULL (no exception) when missing. */
static PyObject *special_bound(PyObject *o, PyObject *name) {
  PyObject *d = wf_type_lookup(WF_TYPE(o), name);
  if (!d) return NULL;
  descrgetfunc g = WF_TYPE(d)->tp_descr_get;
  if (!g) return d;
  return g(d, o, (PyObject *)WF_TYPE(o));
}

/* BEFORE_WITH / BEFORE_ASYNC_WITH: out[0] = bound exit, out[1] = enter(). */
int wf_eval_before_with(PyObject *mgr, bool is_async, PyObject **out) {
  WF_GC_ROOT(mgr);
  PyObject *enter = special_bound(mgr, is_async ? WF_ID(__aenter__) : WF_ID(__enter__));
  if (!enter) {
    if (!wf_err_occurred())
      wf_err_format(&wf_TypeError_type, "'%.200s' object does not support the %scontext manager protocol",
                    WF_TYPE(mgr)->tp_name, is_async ? "asynchronous " : "");
    return -1;
  }
  WF_GC_ROOT(enter);
  PyObject *exit = special_bound(mgr, is_async ? WF_ID(__aexit__) : WF_ID(__exit__));
  if (!exit) {
    if (!wf_err_occurred())
      wf_err_format(&wf_TypeError_type,
                    "'%.200s' object does not support the %scontext manager protocol (missed %s method)",
                    WF_TYPE(mgr)->tp_name, is_async ? "asynchronous " : "", is_async ? "__aexit__" : "__exit__");
    return -1;
  }
  out[0] = exit; /* into the traced value stack */
  PyObject *r = wf_call_noargs(enter);
  if (!r) return -1;
  out[1] = r;
  return 0;
}

PyObject *wf_eval_with_except_start(PyObject *exit, PyObject *val) {
  PyObject *tb = wf_exc_get_traceback(val);
  PyObject *args[3] = {(PyObject *)WF_TYPE(val), val, tb ? tb : WF_NONE};
  return wf_call(exit, args, 3, NULL);
}

/* ---- imports ---- */

static bool is_builtin_import(PyObject *f) {
  if (WF_TYPE(f) != &wf_builtin_function_type) return false;
  wf_cfunction *c = (wf_cfunction *)f;
  return c->m_ml && !strcmp(c->m_ml->ml_name, "__import__") && c->m_self == wf_builtins_module();
}

PyObject *wf_eval_import_name(wf_frame *f, PyObject *name, PyObject *fromlist, PyObject *level) {
  WF_GC_ROOT(name);
  WF_GC_ROOT(fromlist);
  WF_GC_ROOT(level);
  PyObject *imp = mapping_get(f->builtins, WF_ID(__import__));
  if (!imp) {
    if (!wf_err_occurred()) wf_err_set_string(&wf_ImportError_type, "__import__ not found");
    return NULL;
  }
  if (is_builtin_import(imp)) {
    Py_ssize_t lv = wf_int_as_ssize(level);
    if (lv == -1 && wf_err_occurred()) return NULL;
    return wf_import_name(name, f->globals, fromlist, (int)lv);
  }
  PyObject *args[5] = {name, f->globals, f->locals ? f->locals : WF_NONE, fromlist, level};
  return wf_call(imp, args, 5, NULL);
}

PyObject *wf_eval_import_from(PyObject *module, PyObject *name) {
  WF_GC_ROOT(module);
  WF_GC_ROOT(name);
  PyObject *v;
  int found = wf_object_lookup_attr(module, name, &v);
  if (found < 0) return NULL;
  if (found) return v;
  PyObject *pkgname;
  if (wf_object_lookup_attr(module, WF_ID(__name__), &pkgname) <= 0 || !wf_str_check(pkgname)) {
    wf_err_clear();
    pkgname = NULL;
  }
  WF_GC_ROOT(pkgname);
  if (pkgname) {
    PyObject *full = wf_str_from_format("%U.%U", pkgname, name);
    if (!full) return NULL;
    PyObject *mods = wf_sys_get("modules");
    if (mods) {
      PyObject *m = mapping_get(mods, full);
      if (m) return m;
      wf_err_clear();
    }
  }
  PyObject *path;
  if (wf_object_lookup_attr(module, WF_ID(__file__), &path) <= 0 || !wf_str_check(path)) {
    wf_err_clear();
    path = NULL;
  }
  if (!pkgname) pkgname = wf_str_from_cstr("<unknown module name>");
  if (path)
    wf_err_format(&wf_ImportError_type, "cannot import name '%U' from '%U' (%U)", name, pkgname, path);
  else
    wf_err_format(&wf_ImportError_type, "cannot import name '%U' from '%U' (unknown location)", name, pkgname);
  PyObject *e = wf_err_current();
  if (e && wf_object_type_check(e, &wf_ImportError_type)) {
    WF_GC_STORE(&((PyImportErrorObject *)e)->name, pkgname);
    WF_GC_STORE(&((PyImportErrorObject *)e)->path, path);
  }
  return NULL;
}

int wf_eval_import_star(wf_frame *f, PyObject *module) {
  WF_GC_ROOT(module);
  if (!f->locals) {
    wf_err_set_string(&wf_SystemError_type, "no locals found during 'import *'");
    return -1;
  }
  PyObject *all;
  int found = wf_object_lookup_attr(module, WF_ID(__all__), &all);
  if (found < 0) return -1;
  bool skip_private = !found;
  PyObject *names = NULL;
  WF_GC_ROOT(names);
  if (found) {
    names = wf_sequence_list(all);
  } else {
    PyObject *d;
    found = wf_object_lookup_attr(module, WF_ID(__dict__), &d);
    if (found < 0) return -1;
    if (!found) {
      wf_err_set_string(&wf_ImportError_type, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    names = wf_dict_check(d) ? wf_dict_keys_list(d) : wf_sequence_list(d);
  }
  if (!names) return -1;
  for (Py_ssize_t i = 0; i < wf_list_size(names); i++) {
    PyObject *n = wf_list_get(names, i);
    if (!n) return -1;
    WF_GC_ROOT(n);
    if (skip_private && wf_str_check(n) && wf_str_len(n) > 0 && wf_str_read_char(n, 0) == '_') continue;
    PyObject *v = wf_object_getattr(module, n);
    if (!v) return -1;
    if (wf_eval_store_name(f, n, v) < 0) return -1;
  }
  return 0;
}

/* ---- pattern matching ---- */

PyObject *wf_eval_match_keys(PyObject *subject, PyObject *keys) {
  WF_GC_ROOT(subject);
  WF_GC_ROOT(keys);
  Py_ssize_t n = WF_SIZE(keys);
  if (n == 0) return wf_tuple_new(0);
  PyObject *get = wf_object_getattr(subject, WF_ID(get));
  if (!get) return NULL;
  WF_GC_ROOT(get);
  PyObject *seen = wf_set_new(NULL);
  WF_GC_ROOT(seen);
  PyObject *values = wf_tuple_new(n);
  WF_GC_ROOT(values);
  PyObject *dummy = wf_object_alloc(&wf_object_type, sizeof(PyObject));
  WF_GC_ROOT(dummy);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *k = WF_TUPLE_GET(keys, i);
    int dup = wf_set_contains(seen, k);
    if (dup < 0) return NULL;
    if (dup) return wf_err_format(&wf_ValueError_type, "mapping pattern checks duplicate key (%R)", k);
    if (wf_set_add(seen, k) < 0) return NULL;
    PyObject *args[2] = {k, dummy};
    PyObject *v = wf_call(get, args, 2, NULL);
    if (!v) return NULL;
    if (v == dummy) return WF_NONE;
    WF_TUPLE_INIT(values, i, v);
  }
  return values;
}

PyObject *wf_eval_copy_dict_without_keys(PyObject *subject, PyObject *keys) {
  WF_GC_ROOT(subject);
  WF_GC_ROOT(keys);
  PyObject *rest = wf_dict_new();
  WF_GC_ROOT(rest);
  if (wf_dict_update(rest, subject) < 0) return NULL;
  for (Py_ssize_t i = 0; i < WF_SIZE(keys); i++)
    if (wf_dict_delitem(rest, WF_TUPLE_GET(keys, i)) < 0) return NULL;
  return rest;
}

static PyObject *match_attr(PyObject *subject, PyObject *name, PyObject *seen, PyObject *type) {
  int dup = wf_set_contains(seen, name);
  if (dup < 0) return NULL;
  if (dup)
    return wf_err_format(&wf_TypeError_type, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
  if (wf_set_add(seen, name) < 0) return NULL;
  PyObject *v;
  int found = wf_object_lookup_attr(subject, name, &v);
  if (found <= 0) return NULL;
  return v;
}

/* MATCH_CLASS: the attributes tuple, or NULL (no exception: no match). */
PyObject *wf_eval_match_class(PyObject *subject, PyObject *type, Py_ssize_t nargs, PyObject *kwargs) {
  WF_GC_ROOT(subject);
  WF_GC_ROOT(type);
  WF_GC_ROOT(kwargs);
  if (!wf_type_has_flag(WF_TYPE(type), Py_TPFLAGS_TYPE_SUBCLASS))
    return wf_err_set_string(&wf_TypeError_type, "called match pattern must be a type");
  int inst = wf_object_isinstance(subject, type);
  if (inst <= 0) return NULL;
  PyObject *seen = wf_set_new(NULL);
  WF_GC_ROOT(seen);
  Py_ssize_t nkw = WF_SIZE(kwargs);
  PyObject *attrs = wf_tuple_new(nargs + nkw);
  WF_GC_ROOT(attrs);
  if (nargs) {
    bool match_self = false;
    PyObject *margs;
    int found = wf_object_lookup_attr(type, WF_ID(__match_args__), &margs);
    if (found < 0) return NULL;
    WF_GC_ROOT(margs);
    if (found) {
      if (!wf_tuple_check(margs))
        return wf_err_format(&wf_TypeError_type, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, WF_TYPE(margs)->tp_name);
    } else {
      margs = wf_tuple_new(0);
      match_self = wf_type_has_flag((PyTypeObject *)type, Py_TPFLAGS_MATCH_SELF);
    }
    Py_ssize_t allowed = match_self ? 1 : WF_SIZE(margs);
    if (allowed < nargs)
      return wf_err_format(&wf_TypeError_type, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                           ((PyTypeObject *)type)->tp_name, allowed, allowed == 1 ? "" : "s", nargs);
    if (match_self) {
      WF_TUPLE_INIT(attrs, 0, subject);
    } else {
      for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *name = WF_TUPLE_GET(margs, i);
        if (!wf_str_check(name))
          return wf_err_format(&wf_TypeError_type, "__match_args__ elements must be strings (got %s)",
                               WF_TYPE(name)->tp_name);
        PyObject *v = match_attr(subject, name, seen, type);
        if (!v) return NULL;
        WF_TUPLE_INIT(attrs, i, v);
      }
    }
  }
  for (Py_ssize_t i = 0; i < nkw; i++) {
    PyObject *v = match_attr(subject, WF_TUPLE_GET(kwargs, i), seen, type);
    if (!v) return NULL;
    WF_TUPLE_INIT(attrs, nargs + i, v);
  }
  return attrs;
}

/* ---- async ---- */

PyObject *wf_eval_get_awaitable(PyObject *o, int where) {
  WF_GC_ROOT(o);
  PyObject *it = wf_coro_get_awaitable_iter(o);
  if (!it) {
    if (where && wf_err_matches(&wf_TypeError_type) && !(WF_TYPE(o)->tp_as_async && WF_TYPE(o)->tp_as_async->am_await) &&
        !wf_type_lookup(WF_TYPE(o), WF_ID(__await__))) {
      wf_err_clear();
      wf_err_format(&wf_TypeError_type, "'async with' received an object from %s that does not implement __await__: %.100s",
                    where == 1 ? "__aenter__" : "__aexit__", WF_TYPE(o)->tp_name);
    }
    return NULL;
  }
  if (WF_TYPE(it) == &wf_coro_type && wf_frame_yieldfrom(wf_gen_frame(it)))
    return wf_err_set_string(&wf_RuntimeError_type, "coroutine is being awaited already");
  return it;
}

PyObject *wf_eval_get_aiter(PyObject *o) {
  WF_GC_ROOT(o);
  PyTypeObject *t = WF_TYPE(o);
  PyObject *it;
  if (t->tp_as_async && t->tp_as_async->am_aiter) {
    it = t->tp_as_async->am_aiter(o);
  } else {
    PyObject *m = special_bound(o, WF_ID(__aiter__));
    if (!m) {
      if (!wf_err_occurred())
        wf_err_format(&wf_TypeError_type, "'async for' requires an object with __aiter__ method, got %.100s",
                      t->tp_name);
      return NULL;
    }
    it = wf_call_noargs(m);
  }
  if (!it) return NULL;
  PyTypeObject *it_t = WF_TYPE(it);
  if (!(it_t->tp_as_async && it_t->tp_as_async->am_anext) && !wf_type_lookup(it_t, WF_ID(__anext__)))
    return wf_err_format(&wf_TypeError_type,
                         "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                         it_t->tp_name);
  return it;
}

PyObject *wf_eval_get_anext(PyObject *aiter) {
  WF_GC_ROOT(aiter);
  PyTypeObject *t = WF_TYPE(aiter);
  PyObject *next;
  if (t->tp_as_async && t->tp_as_async->am_anext) {
    next = t->tp_as_async->am_anext(aiter);
  } else {
    PyObject *m = special_bound(aiter, WF_ID(__anext__));
    if (!m) {
      if (!wf_err_occurred())
        wf_err_format(&wf_TypeError_type, "'async for' requires an iterator with __anext__ method, got %.100s",
                      t->tp_name);
      return NULL;
    }
    next = wf_call_noargs(m);
  }
  if (!next) return NULL;
  if (t == &wf_async_gen_type) return next;
  PyObject *aw = wf_coro_get_awaitable_iter(next);
  if (!aw) {
    wf_err_clear();
    return wf_err_format(&wf_TypeError_type, "'async for' received an invalid object from __anext__: %.100s",
                         WF_TYPE(next)->tp_name);
  }
  return aw;
}

int wf_eval_print_expr(PyObject *v) {
  WF_GC_ROOT(v);
  PyObject *hook = wf_sys_get("displayhook");
  if (!hook) {
    wf_err_set_string(&wf_RuntimeError_type, "lost sys.displayhook");
    return -1;
  }
  return wf_call_one(hook, v) ? 0 : -1;
}

PyObject *wf_eval_call_ex(PyObject *func, PyObject *args, PyObject *kwargs) {
  WF_GC_ROOT(func);
  WF_GC_ROOT(args);
  WF_GC_ROOT(kwargs);
  if (!wf_tuple_check(args)) {
    if (!WF_TYPE(args)->tp_iter && !(WF_TYPE(args)->tp_as_sequence && WF_TYPE(args)->tp_as_sequence->sq_item)) {
      PyObject *fs = funcstr(func);
      if (!fs) return NULL;
      return wf_err_format(&wf_TypeError_type, "%U argument after * must be an iterable, not %.200s", fs,
                           WF_TYPE(args)->tp_name);
    }
    args = wf_sequence_tuple(args);
    if (!args) return NULL;
  }
  if (kwargs && !wf_dict_check(kwargs)) {
    PyObject *d = wf_dict_new();
    WF_GC_ROOT(d);
    if (wf_eval_dict_merge(func, d, kwargs) < 0) return NULL;
    kwargs = d;
  }
  if (kwargs) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (wf_dict_next(kwargs, &pos, &k, &v))
      if (!wf_str_check(k)) return wf_err_set_string(&wf_TypeError_type, "keywords must be strings");
  }
  return wf_call_tuple_dict(func, args, kwargs);
}

int wf_eval_setup_annotations(wf_frame *f) {
  if (!f->locals) {
    wf_err_set_string(&wf_SystemError_type, "no locals found when setting up annotations");
    return -1;
  }
  PyObject *locals = f->locals;
  WF_GC_ROOT(locals);
  PyObject *a = mapping_get(locals, WF_ID(__annotations__));
  if (a) return 0;
  if (wf_err_occurred()) return -1;
  PyObject *d = wf_dict_new();
  if (WF_TYPE(locals) == &wf_dict_type) return wf_dict_setitem(locals, WF_ID(__annotations__), d);
  return wf_object_setitem(locals, WF_ID(__annotations__), d);
}
