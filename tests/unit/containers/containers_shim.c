/* C shim for the container tests: decodes one vector line (gen_cases.py),
 * evaluates it through the runtime (attribute lookup + call, like the
 * interpreter would) and compares repr / exception with python3.11's. */
#include "containers_shim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "memoryview.h"
#include "protocol.h"
#include "range.h"
#include "runtime.h"
#include "set.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

void cont_init(void) { wf_runtime_init(); }

/* ---- Tokens --------------------------------------------------------------------- */

typedef struct {
  char **tok;
  int n, pos;
  PyObject *keep; /* a rooted list holding every object built */
} parser;

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* Decode hex into a malloc'd buffer (NUL-terminated); *n its length. */
static char *unhex(const char *h, Py_ssize_t *n) {
  size_t l = strlen(h) / 2;
  char *o = malloc(l + 1);
  for (size_t i = 0; i < l; i++) o[i] = (char)(hexval(h[2 * i]) * 16 + hexval(h[2 * i + 1]));
  o[l] = 0;
  *n = (Py_ssize_t)l;
  return o;
}

static PyObject *keep(parser *p, PyObject *o) {
  if (o) wf_list_append(p->keep, o);
  return o;
}

static PyObject *mod7(PyObject *self, PyObject *x) { return wf_number_binop(x, wf_int_from_ssize(7), WF_BINOP_MOD); }
static PyMethodDef mod7_def = {"mod7", (PyCFunction)mod7, METH_O, NULL};

static PyObject *parse_value(parser *p);

static PyObject *parse_seq(parser *p, int n, PyObject **items) {
  for (int i = 0; i < n; i++) {
    items[i] = parse_value(p);
    if (!items[i]) return NULL;
  }
  return WF_NONE;
}

static PyObject *parse_value(parser *p) {
  if (p->pos >= p->n) return wf_err_set_string(&wf_ValueError_type, "test vector: truncated");
  const char *t = p->tok[p->pos++];
  Py_ssize_t n;
  switch (t[0]) {
    case 'N': return WF_NONE;
    case 'T': return WF_TRUE;
    case 'F': return WF_FALSE;
    case 'i': return keep(p, wf_int_from_string(t + 2, (Py_ssize_t)strlen(t + 2), 10));
    case 'd': return keep(p, wf_float_from_double(strtod(t + 2, NULL)));
    case 's': {
      char *s = unhex(t + 2, &n);
      PyObject *o = wf_str_from_utf8(s, n);
      free(s);
      return keep(p, o);
    }
    case 'b':
    case 'B': {
      char *s = unhex(t + 2, &n);
      PyObject *o = t[0] == 'b' ? wf_bytes_from_data(s, n) : wf_bytearray_from_data(s, n);
      free(s);
      return keep(p, o);
    }
    case 'c': return keep(p, wf_cfunction_new(&mod7_def, NULL, NULL));
    case 'D': { /* a dict of the next n key/value pairs */
      int k = atoi(t + 1);
      PyObject *d = keep(p, wf_dict_new());
      if (!d) return NULL;
      for (int i = 0; i < k; i++) {
        PyObject *kk = parse_value(p);
        if (!kk) return NULL;
        PyObject *vv = parse_value(p);
        if (!vv || wf_dict_setitem(d, kk, vv) < 0) return NULL;
      }
      return d;
    }
    case 'Y':
      if (!strcmp(t + 2, "bytes")) return (PyObject *)&wf_bytes_type;
      if (!strcmp(t + 2, "bytearray")) return (PyObject *)&wf_bytearray_type;
      return wf_err_set_string(&wf_ValueError_type, "test vector: unknown type");
    case 'M': {
      PyObject *inner = parse_value(p);
      if (!inner) return NULL;
      return keep(p, wf_memoryview_new(inner));
    }
    case 'r':
    case 'x': {
      PyObject *v[3];
      if (!parse_seq(p, 3, v)) return NULL;
      return keep(p, t[0] == 'r' ? wf_range_new(v[0], v[1], v[2]) : wf_slice_new(v[0], v[1], v[2]));
    }
    case 'l':
    case 't':
    case 'S':
    case 'f': {
      int k = atoi(t + 1);
      PyObject **items = calloc((size_t)k + 1, sizeof(PyObject *));
      if (!parse_seq(p, k, items)) {
        free(items);
        return NULL;
      }
      PyObject *o = wf_list_from_array(items, k);
      free(items);
      keep(p, o);
      if (t[0] == 't') return keep(p, wf_list_as_tuple(o));
      if (t[0] == 'S') return keep(p, wf_set_new(o));
      if (t[0] == 'f') return keep(p, wf_frozenset_new(o));
      return o;
    }
  }
  return wf_err_format(&wf_ValueError_type, "test vector: bad token %s", t);
}

static char *repr_utf8(PyObject *o) {
  PyObject *r = wf_object_repr(o);
  if (!r) return NULL;
  Py_ssize_t n;
  const char *s = wf_str_as_utf8(r, &n);
  if (!s) return NULL;
  return strndup(s, (size_t)n);
}

/* list(o) by the iteration protocol. */
static PyObject *to_list(PyObject *o) { return wf_sequence_list(o); }

static PyObject *eval_call(parser *p, PyObject *recv, const char *method, PyObject **args, int nargs, PyObject *kwnames) {
  if (!strcmp(method, "$hash")) {
    Py_hash_t h = wf_object_hash(recv);
    if (h == -1) return NULL;
    return wf_int_from_int64(h);
  }
  if (!strcmp(method, "$list")) return to_list(recv);
  if (!strcmp(method, "$revlist")) {
    PyObject *it = wf_call_method_cstr(recv, "__reversed__", NULL, 0);
    if (!it) return NULL;
    keep(p, it);
    return to_list(it);
  }
  if (!strcmp(method, "$setops")) {
    PyObject *ops = args[0];
    for (Py_ssize_t i = 0; i < wf_list_size(ops); i++) {
      PyObject *pair = wf_list_get(ops, i);
      PyObject *op = WF_TUPLE_GET(pair, 0), *key = WF_TUPLE_GET(pair, 1);
      int r = wf_int_sign(op) ? wf_set_add(recv, key) : wf_set_discard(recv, key);
      if (r < 0) return NULL;
    }
    PyObject *l = wf_list_new(0);
    Py_ssize_t pos = 0;
    PyObject *k;
    while (wf_set_next(recv, &pos, &k, NULL)) wf_list_append(l, k);
    return l;
  }
  PyObject *m = wf_object_getattr_cstr(recv, method);
  if (!m) return NULL;
  keep(p, m);
  return wf_call(m, args, (size_t)nargs, kwnames);
}

int cont_run_line(const char *line, char *msg, size_t cap) {
  char *buf = strdup(line);
  char *toks[4096];
  int n = 0;
  for (char *s = strtok(buf, " \n"); s && n < 4096; s = strtok(NULL, " \n")) toks[n++] = s;
  parser p = {toks, n, 0, NULL};
  p.keep = wf_list_new(0);
  WF_GC_ROOT(p.keep);
  int rc = -1;
  PyObject *args[64];
  PyObject *recv = parse_value(&p);
  const char *method = NULL;
  PyObject *kwnames = NULL, *res = NULL;
  WF_GC_ROOT(kwnames);
  WF_GC_ROOT(res);
  if (!recv) goto parse_error;
  method = toks[p.pos++];
  int nargs = atoi(toks[p.pos++]);
  for (int i = 0; i < nargs; i++)
    if (!(args[i] = parse_value(&p))) goto parse_error;
  int nkw = atoi(toks[p.pos++]);
  if (nkw) {
    kwnames = keep(&p, wf_tuple_new(nkw));
    for (int i = 0; i < nkw; i++) {
      Py_ssize_t ln;
      char *name = unhex(toks[p.pos++], &ln);
      WF_TUPLE_INIT(kwnames, i, keep(&p, wf_str_from_utf8(name, ln)));
      free(name);
      if (!(args[nargs + i] = parse_value(&p))) goto parse_error;
    }
  }
  if (strcmp(toks[p.pos++], "=>")) goto parse_error;
  const char *expect = toks[p.pos++];
  const char *after = p.pos < n ? toks[p.pos] : NULL;
  res = eval_call(&p, recv, method, args, nargs, kwnames);
  if (expect[0] == 'R') {
    Py_ssize_t el;
    char *exp = unhex(expect + 2, &el);
    if (!res) {
      PyObject *e = wf_err_fetch();
      WF_GC_ROOT(e);
      PyObject *s = wf_object_str(e);
      const char *su = s ? wf_str_as_utf8(s, NULL) : "?";
      snprintf(msg, cap, "%s: expected %s, raised %s: %s", method, exp, WF_TYPE(e)->tp_name, su ? su : "?");
      wf_err_clear();
      free(exp);
      rc = 1;
      goto out;
    }
    char *got = repr_utf8(res);
    if (!got || strcmp(got, exp)) {
      snprintf(msg, cap, "%s: expected %s, got %s", method, exp, got ? got : "<repr failed>");
      wf_err_clear();
      free(got);
      free(exp);
      rc = 1;
      goto out;
    }
    free(got);
    free(exp);
    if (after && after[0] == 'A') {
      char *ea = unhex(after + 2, &el);
      char *ga = repr_utf8(recv);
      if (!ga || strcmp(ga, ea)) {
        snprintf(msg, cap, "%s: receiver afterwards: expected %s, got %s", method, ea, ga ? ga : "<repr failed>");
        wf_err_clear();
        free(ga);
        free(ea);
        rc = 1;
        goto out;
      }
      free(ga);
      free(ea);
    }
    rc = 0;
    goto out;
  } else {
    /* E:<type>:<hex msg> */
    char *ty = strdup(expect + 2);
    char *colon = strchr(ty, ':');
    Py_ssize_t ml;
    char *emsg = unhex(colon ? colon + 1 : "", &ml);
    if (colon) *colon = 0;
    if (res) {
      char *got = repr_utf8(res);
      snprintf(msg, cap, "%s: expected %s: %s, got result %s", method, ty, emsg, got ? got : "?");
      wf_err_clear();
      free(got);
      rc = 1;
    } else {
      PyObject *e = wf_err_fetch();
      WF_GC_ROOT(e);
      PyObject *s = wf_object_str(e);
      const char *su = s ? wf_str_as_utf8(s, NULL) : NULL;
      if (strcmp(WF_TYPE(e)->tp_name, ty) || !su || strcmp(su, emsg)) {
        snprintf(msg, cap, "%s: expected %s: %s, raised %s: %s", method, ty, emsg, WF_TYPE(e)->tp_name, su ? su : "?");
        rc = 1;
      } else {
        rc = 0;
      }
      wf_err_clear();
    }
    free(ty);
    free(emsg);
    goto out;
  }
parse_error : {
  PyObject *e = wf_err_fetch();
  snprintf(msg, cap, "cannot decode the vector (%s)", e ? WF_TYPE(e)->tp_name : "format");
  rc = -1;
}
out:
  free(buf);
  return rc;
}
