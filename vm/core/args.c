/* Argument checking for C methods, with CPython's argument-clinic messages. */
#include <stdio.h>
#include <stdlib.h>

#include "int.h"
#include "runtime.h"
#include "vmthread.h"
#include <string.h>

#include "errors.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

int wf_arg_check_positional(const char *fname, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max) {
  if (nargs < min) {
    if (min == max)
      wf_err_format(&wf_TypeError_type, "%s expected %zd argument%s, got %zd", fname, min, min == 1 ? "" : "s", nargs);
    else
      wf_err_format(&wf_TypeError_type, "%s expected at least %zd argument%s, got %zd", fname, min,
                    min == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs > max) {
    if (min == max)
      wf_err_format(&wf_TypeError_type, "%s expected %zd argument%s, got %zd", fname, max, max == 1 ? "" : "s", nargs);
    else
      wf_err_format(&wf_TypeError_type, "%s expected at most %zd argument%s, got %zd", fname, max,
                    max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

int wf_arg_no_keywords(const char *fname, PyObject *kwnames) {
  if (kwnames && WF_SIZE(kwnames) > 0) {
    wf_err_format(&wf_TypeError_type, "%s() takes no keyword arguments", fname);
    return -1;
  }
  return 0;
}

int wf_arg_unpack(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                  const char *const *names, Py_ssize_t min, PyObject **out) {
  Py_ssize_t n = 0, npos_only = 0;
  while (names[n]) {
    if (names[n][0] == '\0') npos_only = n + 1;
    n++;
  }
  if (nargs > n) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %zd argument%s (%zd given)", fname, n, n == 1 ? "" : "s",
                  nargs + (kwnames ? WF_SIZE(kwnames) : 0));
    return -1;
  }
  for (Py_ssize_t i = 0; i < n; i++) out[i] = i < nargs ? args[i] : NULL;
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *kn = WF_TUPLE_GET(kwnames, k);
    Py_ssize_t i = npos_only;
    for (; i < n; i++)
      if (wf_str_equal_cstr(kn, names[i])) break;
    if (i == n) {
      wf_err_format(&wf_TypeError_type, "%s() got an unexpected keyword argument '%U'", fname, kn);
      return -1;
    }
    if (out[i]) {
      wf_err_format(&wf_TypeError_type, "argument for %s() given by name ('%s') and position (%zd)", fname, names[i],
                    i + 1);
      return -1;
    }
    out[i] = args[nargs + k];
  }
  for (Py_ssize_t i = 0; i < min; i++)
    if (!out[i]) {
      if (i < npos_only || names[i][0] == '\0')
        wf_err_format(&wf_TypeError_type, "%s() missing required argument (pos %zd)", fname, i + 1);
      else
        wf_err_format(&wf_TypeError_type, "%s() missing required argument '%s' (pos %zd)", fname, names[i], i + 1);
      return -1;
    }
  return 0;
}
