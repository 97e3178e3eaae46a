/* Splitting exception groups: BaseExceptionGroup.split/subgroup and the
 * two operations of `except*` (CHECK_EG_MATCH's split and
 * PREP_RERAISE_STAR's merge), with python3.11's semantics:
 *   - a group splits recursively into the part whose leaves match and the
 *     rest; each non-empty part is rebuilt with exc.derive(list) and gets the
 *     original's __traceback__, __cause__, __context__ and __notes__;
 *   - a group that matches as a whole is returned itself.
 * Matching is by exception type (a type or a tuple of types), by predicate,
 * or (internally, for the re-raise merge) by identity with a set of leaves. */
#include <string.h>

#include "exceptions.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_LEAVES } match_kind;

static bool is_exc_type(PyObject *o) { return wf_exc_type_check(o); }

static int matcher_kind(PyObject *m, match_kind *kind) {
  if (is_exc_type(m)) {
    *kind = MATCH_TYPE;
    return 0;
  }
  if (WF_TYPE(m) == &wf_tuple_type) {
    for (Py_ssize_t i = 0; i < WF_SIZE(m); i++)
      if (!is_exc_type(WF_TUPLE_GET(m, i))) goto bad;
    *kind = MATCH_TYPE;
    return 0;
  }
  if (wf_callable(m)) {
    *kind = MATCH_PREDICATE;
    return 0;
  }
bad:
  wf_err_set_string(&wf_TypeError_type, "expected a function, exception type or tuple of exception types");
  return -1;
}

/* 1, 0 or -1 */
static int leaf_matches(PyObject *exc, PyObject *m, match_kind kind) {
  switch (kind) {
  case MATCH_TYPE: return wf_object_isinstance(exc, m);
  case MATCH_PREDICATE: {
    PyObject *r = wf_call_one(m, exc);
    return r ? wf_object_is_true(r) : -1;
  }
  case MATCH_LEAVES:
    for (Py_ssize_t i = 0; i < wf_list_size(m); i++)
      if (wf_list_get(m, i) == exc) return 1;
    return 0;
  }
  return 0;
}

static bool is_group(PyObject *o) { return wf_object_type_check(o, &wf_BaseExceptionGroup_type); }
static PyObject *group_excs(PyObject *g) { return ((PyBaseExceptionGroupObject *)g)->excs; }

/* eg.derive(items) with eg's metadata copied. */
static PyObject *derive_and_copy(PyObject *eg, PyObject *items) {
  WF_GC_ROOT(eg);
  PyObject *r = wf_call_method(eg, WF_ID(derive), &items, 1);
  if (!r) return NULL;
  WF_GC_ROOT(r);
  if (!is_group(r)) return wf_err_set_string(&wf_TypeError_type, "derive must return an instance of BaseExceptionGroup");
  wf_exc_set_traceback(r, wf_exc_get_traceback(eg));
  WF_GC_STORE(&((PyBaseExceptionObject *)r)->cause, wf_exc_get_cause(eg));
  wf_exc_set_context(r, wf_exc_get_context(eg));
  PyObject *notes;
  if (wf_object_lookup_attr(eg, WF_ID(__notes__), &notes) < 0) return NULL;
  if (notes) {
    WF_GC_ROOT(notes);
    if (WF_TYPE(notes)->tp_as_sequence && WF_TYPE(notes)->tp_as_sequence->sq_item) {
      PyObject *copy = wf_sequence_list(notes);
      if (!copy || wf_object_setattr(r, WF_ID(__notes__), copy) < 0) return NULL;
    }
  }
  return r;
}

static int split_rec(PyObject *exc, PyObject *m, match_kind kind, bool want_rest, PyObject **match, PyObject **rest) {
  *match = *rest = NULL;
  WF_GC_ROOT(exc);
  WF_GC_ROOT(m);
  int whole = kind == MATCH_LEAVES && is_group(exc) ? 0 : leaf_matches(exc, m, kind);
  if (whole < 0) return -1;
  if (whole) {
    *match = exc;
    return 0;
  }
  if (!is_group(exc)) {
    if (want_rest) *rest = exc;
    return 0;
  }
  PyObject *matches = wf_list_new(0), *rests = NULL, *excs = group_excs(exc);
  WF_GC_ROOT(matches);
  WF_GC_ROOT(rests);
  WF_GC_ROOT(excs);
  if (want_rest) rests = wf_list_new(0);
  for (Py_ssize_t i = 0; i < WF_SIZE(excs); i++) {
    PyObject *sub_match, *sub_rest;
    if (split_rec(WF_TUPLE_GET(excs, i), m, kind, want_rest, &sub_match, &sub_rest) < 0) return -1;
    WF_GC_ROOT(sub_rest);
    if (sub_match && wf_list_append(matches, sub_match) < 0) return -1;
    if (sub_rest && wf_list_append(rests, sub_rest) < 0) return -1;
  }
  PyObject *mg = NULL;
  WF_GC_ROOT(mg);
  if (wf_list_size(matches) && !(mg = derive_and_copy(exc, matches))) return -1;
  if (want_rest && wf_list_size(rests) && !(*rest = derive_and_copy(exc, rests))) return -1;
  *match = mg;
  return 0;
}

int wf_exc_group_split(PyObject *exc, PyObject *matcher, bool want_rest, PyObject **match, PyObject **rest) {
  match_kind kind;
  if (matcher_kind(matcher, &kind) < 0) return -1;
  return split_rec(exc, matcher, kind, want_rest, match, rest);
}

/* ---- except* ---- */

static int collect_leaves(PyObject *exc, PyObject *out) {
  if (!is_group(exc)) return wf_list_append(out, exc);
  PyObject *excs = group_excs(exc);
  for (Py_ssize_t i = 0; i < WF_SIZE(excs); i++)
    if (collect_leaves(WF_TUPLE_GET(excs, i), out) < 0) return -1;
  return 0;
}

/* A re-raise keeps the original's metadata (derive_and_copy copied it);
 * a new raise does not. */
static bool same_metadata(PyObject *a, PyObject *b) {
  PyBaseExceptionObject *x = (PyBaseExceptionObject *)a, *y = (PyBaseExceptionObject *)b;
  return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

PyObject *wf_exc_group_prep_reraise_star(PyObject *orig, PyObject *excs) {
  WF_GC_ROOT(orig);
  WF_GC_ROOT(excs);
  Py_ssize_t n = wf_list_size(excs);
  if (n == 0) return WF_NONE;
  if (!is_group(orig)) {
    /* A naked exception was wrapped for except*: one clause ran at most. */
    for (Py_ssize_t i = 0; i < n; i++)
      if (wf_list_get(excs, i) != WF_NONE) return wf_list_get(excs, i);
    return WF_NONE;
  }
  PyObject *raised = wf_list_new(0), *reraised_leaves = wf_list_new(0);
  WF_GC_ROOT(raised);
  WF_GC_ROOT(reraised_leaves);
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *e = wf_list_get(excs, i);
    if (e == WF_NONE) continue;
    int r = same_metadata(e, orig) ? collect_leaves(e, reraised_leaves) : wf_list_append(raised, e);
    if (r < 0) return NULL;
  }
  PyObject *reraised = NULL, *unused = NULL;
  WF_GC_ROOT(reraised);
  if (wf_list_size(reraised_leaves) &&
      split_rec(orig, reraised_leaves, MATCH_LEAVES, false, &reraised, &unused) < 0)
    return NULL;
  if (wf_list_size(raised) == 0) return reraised ? reraised : WF_NONE;
  /* Anything newly raised is wrapped in a group, even alone. */
  if (reraised && wf_list_append(raised, reraised) < 0) return NULL;
  PyObject *args[2] = {wf_str_from_cstr(""), raised};
  return wf_call((PyObject *)&wf_BaseExceptionGroup_type, args, 2, NULL);
}
