/* "Did you mean" for uncaught AttributeError and NameError, as python3.11
 * prints it after the message (traceback.c).
 *
 * The candidate closest to the missing name by a Levenshtein distance over
 * UTF-8 bytes in which an insertion, deletion or substitution costs 2 and a
 * change of case only 1, among at most 750 candidates; a candidate counts
 * only if no more than a third of the characters involved change.
 * Candidates: dir(obj) for AttributeError; for NameError the local
 * variable names, then the globals, then the builtins of the frame where it
 * was raised (the innermost traceback entry). */
#include <stdint.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "list.h"
#include "protocol.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"

#define MAX_CANDIDATES 750
#define MAX_NAME 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(unsigned char a, unsigned char b) {
  if ((a & 31) != (b & 31)) return MOVE_COST;
  if (a == b) return 0;
  unsigned char la = a >= 'A' && a <= 'Z' ? a + 32 : a, lb = b >= 'A' && b <= 'Z' ? b + 32 : b;
  return la == lb ? CASE_COST : MOVE_COST;
}

static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
  while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
  while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
  if (!na || !nb) return (na + nb) * MOVE_COST;
  if (na > MAX_NAME || nb > MAX_NAME) return max_cost + 1;
  if (nb < na) {
    const char *t = a;
    a = b, b = t;
    size_t tn = na;
    na = nb, nb = tn;
  }
  if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
  size_t row[MAX_NAME];
  for (size_t i = 0; i < na; i++) row[i] = (i + 1) * MOVE_COST;
  size_t result = 0;
  for (size_t j = 0; j < nb; j++) {
    size_t diag = j * MOVE_COST, minimum = SIZE_MAX;
    result = diag;
    for (size_t i = 0; i < na; i++) {
      size_t substitute = diag + substitution_cost((unsigned char)b[j], (unsigned char)a[i]);
      diag = row[i];
      size_t insert_delete = (result < diag ? result : diag) + MOVE_COST;
      result = insert_delete < substitute ? insert_delete : substitute;
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

/* The best candidate in `names` (a list of str), or NULL. */
static PyObject *closest(PyObject *names, PyObject *name) {
  Py_ssize_t n = wf_list_size(names);
  if (n >= MAX_CANDIDATES) return NULL;
  Py_ssize_t nlen;
  const char *s = wf_str_as_utf8(name, &nlen);
  if (!s) return NULL;
  PyObject *best = NULL;
  size_t best_dist = SIZE_MAX;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *c = wf_list_get(names, i);
    if (!c || !wf_str_check(c) || wf_str_equal(c, name)) continue;
    Py_ssize_t clen;
    const char *cs = wf_str_as_utf8(c, &clen);
    if (!cs) return NULL;
    size_t max = ((size_t)nlen + (size_t)clen + 3) * MOVE_COST / 6;
    if (best_dist - 1 < max) max = best_dist - 1;
    size_t d = distance(s, (size_t)nlen, cs, (size_t)clen, max);
    if (d > max) continue;
    if (!best || d < best_dist) {
      best = c;
      best_dist = d;
    }
  }
  return best;
}

static PyObject *closest_in(PyObject *container, PyObject *name) {
  if (!container) return NULL;
  PyObject *names = wf_sequence_list(container);
  return names ? closest(names, name) : NULL;
}

static PyObject *for_attribute_error(PyObject *exc) {
  PyAttributeErrorObject *e = (PyAttributeErrorObject *)exc;
  PyObject *obj = WF_GC_LOAD(&e->obj), *name = WF_GC_LOAD(&e->name);
  if (!obj || !name || !wf_str_check(name)) return NULL;
  WF_GC_ROOT(name);
  PyObject *names = wf_object_dir(obj);
  return names ? closest(names, name) : NULL;
}

static PyObject *for_name_error(PyObject *exc) {
  PyObject *name = WF_GC_LOAD(&((PyNameErrorObject *)exc)->name);
  PyObject *tb = wf_exc_get_traceback(exc);
  if (!name || !wf_str_check(name) || !tb || !wf_traceback_check(tb)) return NULL;
  while (((wf_traceback *)tb)->tb_next) tb = ((wf_traceback *)tb)->tb_next;
  wf_frameobject *f = (wf_frameobject *)((wf_traceback *)tb)->tb_frame;
  if (!f || !wf_frameobject_check((PyObject *)f)) return NULL;
  WF_GC_ROOT(name);
  WF_GC_ROOT(f);
  PyObject *r = f->f_code ? closest_in(wf_code_varnames((wf_code *)f->f_code), name) : NULL;
  if (!r && !wf_err_occurred()) r = closest_in(f->f_globals, name);
  if (!r && !wf_err_occurred()) r = closest_in(f->f_builtins, name);
  return r;
}

PyObject *wf_exc_suggestion(PyObject *exc) {
  PyObject *r = NULL;
  if (wf_object_type_check(exc, &wf_AttributeError_type))
    r = for_attribute_error(exc);
  else if (wf_object_type_check(exc, &wf_NameError_type))
    r = for_name_error(exc);
  if (!r) wf_err_clear();
  return r;
}
