/* Private interface between builtins.c and builtins_exec.c. */
#ifndef WF_MODULES_BUILTINS_INTERNAL_H
#define WF_MODULES_BUILTINS_INTERNAL_H

#include "object.h"

/* Keyword-only arguments: match kwnames (values at kwvalues) to `names`
 * (NULL-terminated); out[i] NULL when absent.  Unknown names raise
 * "'x' is an invalid keyword argument for f()". */
int wf_builtins_kwonly(const char *fname, PyObject *const *kwvalues, PyObject *kwnames, const char *const *names,
                       PyObject **out);
/* Argument clinic's parsing (CPython 3.11 messages): `names` NULL-terminated,
 * the first maxpos may be positional, the first min are required. */
int wf_builtins_clinic(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                       const char *const *names, Py_ssize_t maxpos, Py_ssize_t min, PyObject **out);
/* type(o).<name> bound to o (CPython's _PyObject_LookupSpecial); NULL
 * without an exception when missing. */
PyObject *wf_builtins_lookup_special(PyObject *o, PyObject *name);

/* builtins_site.c: exit, quit, help. */
int wf_builtins_add_site(PyObject *mod);

/* builtins_exec.c */
PyObject *wf_builtins_globals(PyObject *m, PyObject *unused);
PyObject *wf_builtins_locals(PyObject *m, PyObject *unused);
PyObject *wf_builtins_vars(PyObject *m, PyObject *const *args, Py_ssize_t nargs);
PyObject *wf_builtins_dir(PyObject *m, PyObject *const *args, Py_ssize_t nargs);
PyObject *wf_builtins_compile(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);
PyObject *wf_builtins_exec(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);
PyObject *wf_builtins_eval(PyObject *m, PyObject *const *args, Py_ssize_t nargs);
PyObject *wf_builtins_build_class(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);
PyObject *wf_builtins_import(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames);

#endif
