/* Calling Python functions: argument binding with CPython's TypeError
 * messages, wf_function_vectorcall, and wf_eval_code for module, class and
 * exec code. */
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "module.h"
#include "runtime.h"
#include "errors.h"
#include "gen.h"
#include "interp_internal.h"
#include "modules.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

/* Slot stores: a generator's frame lives in the heap (barrier), a stack
 * frame does not. */
static inline void set_slot(wf_frame *f, Py_ssize_t i, PyObject *v, bool heap) {
  if (heap)
    WF_GC_STORE(&f->localsplus[i], v);
  else
    f->localsplus[i] = v;
}

static PyObject *qualname_of(wf_function *func) {
  return func->func_qualname ? func->func_qualname : ((wf_code *)func->func_code)->co_qualname;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static PyObject *format_names(PyObject **names, Py_ssize_t n) {
  wf_strbuf b;
  wf_strbuf_init(&b, 32);
  for (Py_ssize_t i = 0; i < n; i++) {
    if (i > 0) {
      if (n == 2)
        wf_strbuf_put_cstr(&b, " and ");
      else if (i == n - 1)
        wf_strbuf_put_cstr(&b, ", and ");
      else
        wf_strbuf_put_cstr(&b, ", ");
    }
    wf_strbuf_putc(&b, '\'');
    wf_strbuf_put_str(&b, names[i]);
    wf_strbuf_putc(&b, '\'');
  }
  return wf_strbuf_finish(&b);
}

static int missing_arguments(wf_frame *f, wf_function *func, Py_ssize_t from, Py_ssize_t to, bool kwonly,
                             PyObject *kwdefaults) {
  wf_code *co = f->code;
  PyObject *buf[64];
  PyObject **names = buf;
  Py_ssize_t n = 0;
  for (Py_ssize_t i = from; i < to; i++) {
    if (f->localsplus[i]) continue;
    PyObject *name = WF_TUPLE_GET(co->co_localsplusnames, i);
    if (kwonly && kwdefaults && wf_dict_getitem(kwdefaults, name)) continue;
    if (n < 64) names[n] = name;
    n++;
  }
  if (n == 0) return 0;
  PyObject *s = format_names(names, n < 64 ? n : 64);
  if (!s) return -1;
  wf_err_format(&wf_TypeError_type, "%U() missing %zd required %s argument%s: %U", qualname_of(func), n,
                kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s", s);
  return -1;
}

static void too_many_positional(wf_frame *f, wf_function *func, Py_ssize_t given) {
  wf_code *co = f->code;
  Py_ssize_t kwonly_given = 0;
  for (Py_ssize_t i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
    if (f->localsplus[i]) kwonly_given++;
  Py_ssize_t defcount = func->func_defaults ? WF_SIZE(func->func_defaults) : 0;
  char sig[64], kwsig[96] = "";
  bool plural;
  if (defcount) {
    snprintf(sig, sizeof sig, "from %d to %d", (int)(co->co_argcount - defcount), (int)co->co_argcount);
    plural = true;
  } else {
    snprintf(sig, sizeof sig, "%d", (int)co->co_argcount);
    plural = co->co_argcount != 1;
  }
  if (kwonly_given)
    snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zd keyword-only argument%s)", given != 1 ? "s" : "",
             kwonly_given, kwonly_given != 1 ? "s" : "");
  wf_err_format(&wf_TypeError_type, "%U() takes %s positional argument%s but %zd%s %s given", qualname_of(func), sig,
                plural ? "s" : "", given, kwsig, given == 1 && !kwonly_given ? "was" : "were");
}

/* A keyword matched a positional-only name: the CPython error listing all
 * of them, or 0 when none does. */
static int posonly_as_keyword(wf_frame *f, wf_function *func, PyObject *kwnames) {
  wf_code *co = f->code;
  wf_strbuf b;
  bool any = false;
  wf_strbuf_init(&b, 32);
  for (Py_ssize_t k = 0; k < co->co_posonlyargcount; k++) {
    PyObject *pname = WF_TUPLE_GET(co->co_localsplusnames, k);
    for (Py_ssize_t j = 0; j < WF_SIZE(kwnames); j++) {
      PyObject *kn = WF_TUPLE_GET(kwnames, j);
      if (kn == pname || (wf_str_check(kn) && wf_str_equal(kn, pname))) {
        if (any) wf_strbuf_put_cstr(&b, ", ");
        wf_strbuf_put_str(&b, pname);
        any = true;
        break;
      }
    }
  }
  if (!any) {
    wf_strbuf_free(&b);
    return 0;
  }
  PyObject *s = wf_strbuf_finish(&b);
  if (!s) return -1;
  wf_err_format(&wf_TypeError_type, "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                qualname_of(func), s);
  return -1;
}

int wf_bind_args(wf_frame *f, wf_function *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                 bool heap) {
  wf_code *co = f->code;
  Py_ssize_t argcount = co->co_argcount;
  Py_ssize_t total = argcount + co->co_kwonlyargcount;
  int flags = co->co_flags;
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  PyObject *kwdict = NULL;
  if (flags & CO_VARKEYWORDS) {
    kwdict = wf_dict_new();
    set_slot(f, total + ((flags & CO_VARARGS) ? 1 : 0), kwdict, heap);
  }
  Py_ssize_t n = nargs > argcount ? argcount : nargs;
  for (Py_ssize_t i = 0; i < n; i++) set_slot(f, i, args[i], heap);
  if (flags & CO_VARARGS) {
    PyObject *rest = nargs > n ? wf_tuple_from_array(args + n, nargs - n) : wf_tuple_new(0);
    if (!rest) return -1;
    set_slot(f, total, rest, heap);
  }
  PyObject *const *names = nkw ? WF_TUPLE_ITEMS(co->co_localsplusnames) : NULL;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kn = WF_TUPLE_GET(kwnames, k);
    PyObject *value = args[nargs + k];
    Py_ssize_t j;
    for (j = co->co_posonlyargcount; j < total; j++)
      if (names[j] == kn) goto found;
    if (!wf_str_check(kn)) {
      wf_err_format(&wf_TypeError_type, "%U() keywords must be strings", qualname_of(func));
      return -1;
    }
    for (j = co->co_posonlyargcount; j < total; j++)
      if (wf_str_equal(names[j], kn)) goto found;
    if (kwdict) {
      if (wf_dict_setitem(kwdict, kn, value) < 0) return -1;
      continue;
    }
    if (posonly_as_keyword(f, func, kwnames) < 0) return -1;
    wf_err_format(&wf_TypeError_type, "%U() got an unexpected keyword argument '%U'", qualname_of(func), kn);
    return -1;
  found:
    if (f->localsplus[j]) {
      wf_err_format(&wf_TypeError_type, "%U() got multiple values for argument '%U'", qualname_of(func), names[j]);
      return -1;
    }
    set_slot(f, j, value, heap);
  }
  if (nargs > argcount && !(flags & CO_VARARGS)) {
    too_many_positional(f, func, nargs);
    return -1;
  }
  if (nargs < argcount) {
    Py_ssize_t defcount = func->func_defaults ? WF_SIZE(func->func_defaults) : 0;
    Py_ssize_t m = argcount - defcount;
    if (missing_arguments(f, func, nargs, m, false, NULL) < 0) return -1;
    for (Py_ssize_t i = nargs > m ? nargs : m; i < argcount; i++)
      if (!f->localsplus[i]) set_slot(f, i, WF_TUPLE_GET(func->func_defaults, i - m), heap);
  }
  if (co->co_kwonlyargcount) {
    PyObject *kwdefs = func->func_kwdefaults;
    bool missing = false;
    for (Py_ssize_t i = argcount; i < total; i++) {
      if (f->localsplus[i]) continue;
      PyObject *dv = kwdefs ? wf_dict_getitem(kwdefs, WF_TUPLE_GET(co->co_localsplusnames, i)) : NULL;
      if (dv)
        set_slot(f, i, dv, heap);
      else
        missing = true;
    }
    if (missing && missing_arguments(f, func, argcount, total, true, NULL) < 0) return -1;
  }
  return 0;
}

PyObject *wf_function_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwnames) {
  wf_function *func = (wf_function *)callable;
  wf_code *co = (wf_code *)func->func_code;
  Py_ssize_t nargs = wf_vectorcall_nargs(nargsf);
  if (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))
    return wf_gen_new_for_call(func, args, nargs, kwnames);
  wf_frame *f = wf_frame_push(co, callable, func->func_globals, func->func_builtins, NULL);
  if (!f) return NULL;
  if (wf_bind_args(f, func, args, nargs, kwnames, false) < 0) {
    wf_frame_pop(f);
    return NULL;
  }
  PyObject *r = wf_eval_frame(f, NULL, false);
  wf_frame_pop(f);
  return r;
}

PyObject *wf_eval_code(PyObject *code, PyObject *globals, PyObject *locals, PyObject *closure) {
  if (!wf_code_check(code)) return wf_err_bad_internal_call("wf_eval_code");
  wf_code *co = (wf_code *)code;
  if (!locals) locals = globals;
  Py_ssize_t nfree = co->co_nfreevars;
  if (nfree && (!closure || WF_SIZE(closure) < nfree))
    return wf_err_set_string(&wf_TypeError_type, "code object requires a closure of the right length");
  if (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    /* As CPython: a function of the code, called without arguments, makes
     * the generator (exec() drops it, eval() returns it). */
    wf_function *fn = (wf_function *)wf_function_new(code, globals, NULL);
    if (!fn) return NULL;
    WF_GC_ROOT(fn);
    if (nfree) WF_GC_STORE(&fn->func_closure, closure);
    return wf_gen_new_for_call(fn, NULL, 0, NULL);
  }
  wf_frame *f = wf_frame_push(co, NULL, globals, wf_function_builtins_for(globals), (co->co_flags & CO_NEWLOCALS) ? NULL : locals);
  if (!f) return NULL;
  for (Py_ssize_t i = 0; i < nfree; i++) f->localsplus[co->co_nlocalsplus - nfree + i] = WF_TUPLE_GET(closure, i);
  PyObject *r = wf_eval_frame(f, NULL, false);
  wf_frame_pop(f);
  return r;
}
