/* C shim for the str tests: decodes one vector line (gen_str_cases.py's
 * encoding), runs the operation by calling the str type's own C functions
 * (method table, slots, wf_str_* contract), and renders the result the way
 * the generator does (repr, or exception type + message). */
#include "str_shim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "wf_float.h"

extern PyMethodDef wf_str_methods[];

/* Objects the shim holds across calls: a registered root. */
#define NROOTS 64
static PyObject *roots[NROOTS];
static int nroots;

static void scan_roots(wf_gc_tracer *t, void *arg) {
  (void)arg;
  for (int i = 0; i < nroots; i++) wf_gc_visit(t, roots[i]);
}

static PyObject *keep(PyObject *o) {
  if (o && nroots < NROOTS) roots[nroots++] = o;
  return o;
}

void str_shim_init(void) {
  static int done;
  if (done) return;
  done = 1;
  wf_runtime_init();
  wf_gc_add_root_scanner(scan_roots, NULL);
}

/* ---- output buffer ---- */
typedef struct {
  char *p;
  size_t len, cap;
} obuf;

static void oput(obuf *o, const char *s, size_t n) {
  if (o->len + n + 1 > o->cap) {
    o->cap = (o->len + n + 1) * 2;
    o->p = realloc(o->p, o->cap);
  }
  memcpy(o->p + o->len, s, n);
  o->len += n;
  o->p[o->len] = 0;
}
static void oputs(obuf *o, const char *s) { oput(o, s, strlen(s)); }

/* ---- decoding arguments ---- */

static PyObject *decode_arg(const char *f, size_t n);

static PyObject *decode_seq(const char *f, size_t n, bool tuple) {
  PyObject *items[256];
  size_t cnt = 0;
  int base = nroots;
  size_t i = 0;
  while (i < n && cnt < 256) {
    size_t j = i;
    while (j < n && f[j] != ';') j++;
    items[cnt] = keep(decode_arg(f + i, j - i));
    if (!items[cnt]) return NULL;
    cnt++;
    i = j + 1;
  }
  PyObject *r;
  if (tuple) r = wf_tuple_from_array(items, (Py_ssize_t)cnt);
  else {
    r = wf_list_new(0);
    for (size_t k = 0; r && k < cnt; k++)
      if (wf_list_append(r, items[k]) < 0) r = NULL;
  }
  nroots = base;
  return r;
}

static PyObject *decode_arg(const char *f, size_t n) {
  char tmp[512];
  switch (f[0]) {
  case 's': {
    uint32_t *cps = malloc((n + 1) * sizeof(uint32_t));
    size_t cnt = 0, i = 1;
    while (i < n) {
      uint32_t v = 0;
      while (i < n && f[i] != ',') {
        char c = f[i++];
        v = v * 16 + (uint32_t)(c <= '9' ? c - '0' : c - 'a' + 10);
      }
      cps[cnt++] = v;
      i++;
    }
    PyObject *r = wf_str_from_ucs4(cps, (Py_ssize_t)cnt);
    free(cps);
    return r;
  }
  case 'b': {
    size_t m = (n - 1) / 2;
    char *b = malloc(m + 1);
    for (size_t i = 0; i < m; i++) {
      char h = f[1 + 2 * i], l = f[2 + 2 * i];
      b[i] = (char)(((h <= '9' ? h - '0' : h - 'a' + 10) << 4) | (l <= '9' ? l - '0' : l - 'a' + 10));
    }
    PyObject *r = wf_bytes_from_data(b, (Py_ssize_t)m);
    free(b);
    return r;
  }
  case 'i': {
    if (n - 1 < 24) {
      memcpy(tmp, f + 1, n - 1);
      tmp[n - 1] = 0;
      errno = 0;
      long long v = strtoll(tmp, NULL, 10);
      if (errno == 0) return wf_int_from_int64(v);
    }
    return wf_int_from_string(f + 1, (Py_ssize_t)(n - 1), 10);
  }
  case 'f': {
    memcpy(tmp, f + 1, n - 1);
    tmp[n - 1] = 0;
    double d;
    if (!strcmp(tmp, "inf")) d = __builtin_inf();
    else if (!strcmp(tmp, "-inf")) d = -__builtin_inf();
    else if (!strcmp(tmp, "nan")) d = __builtin_nan("");
    else d = strtod(tmp, NULL);
    return wf_float_from_double(d);
  }
  case 'N': return WF_NONE;
  case 'B': return wf_bool_from(f[1] == '1');
  case 'T': return decode_seq(f + 1, n - 1, true);
  case 'L': return decode_seq(f + 1, n - 1, false);
  case 'D': {
    PyObject *d = keep(wf_dict_new());
    int base = nroots;
    size_t i = 1;
    while (i < n) {
      size_t j = i;
      while (j < n && f[j] != ';') j++;
      size_t e = i;
      while (e < j && f[e] != '=') e++;
      PyObject *k = keep(decode_arg(f + i, e - i));
      PyObject *v = keep(decode_arg(f + e + 1, j - e - 1));
      if (!k || !v || wf_dict_setitem(d, k, v) < 0) return NULL;
      nroots = base;
      i = j + 1;
    }
    nroots = base - 1;
    return d;
  }
  case 'S': {
    PyObject *parts[3] = {NULL, NULL, NULL};
    size_t i = 1;
    for (int p = 0; p < 3; p++) {
      size_t j = i;
      while (j < n && f[j] != ':') j++;
      if (j > i) {
        memcpy(tmp, f + i, j - i);
        tmp[j - i] = 0;
        parts[p] = wf_int_from_int64(strtoll(tmp, NULL, 10));
      }
      i = j + 1;
    }
    return wf_slice_new(parts[0], parts[1], parts[2]);
  }
  }
  fprintf(stderr, "str_shim: bad argument encoding %.*s\n", (int)n, f);
  abort();
}

/* ---- rendering results ---- */

static void put_escaped_utf8(obuf *o, PyObject *s) {
  /* safe_msg of the generator: surrogates as \uXXXX, then \\ \t \n \r escaped. */
  Py_ssize_t n = wf_str_length(s);
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read_char(s, i);
    char b[16];
    if (c >= 0xD800 && c <= 0xDFFF) {
      snprintf(b, sizeof b, "\\\\u%04x", c);
      oputs(o, b);
    } else if (c == '\\') oputs(o, "\\\\");
    else if (c == '\t') oputs(o, "\\t");
    else if (c == '\n') oputs(o, "\\n");
    else if (c == '\r') oputs(o, "\\r");
    else {
      int l;
      if (c < 0x80) b[0] = (char)c, l = 1;
      else if (c < 0x800) b[0] = (char)(0xC0 | (c >> 6)), b[1] = (char)(0x80 | (c & 63)), l = 2;
      else if (c < 0x10000)
        b[0] = (char)(0xE0 | (c >> 12)), b[1] = (char)(0x80 | ((c >> 6) & 63)), b[2] = (char)(0x80 | (c & 63)), l = 3;
      else
        b[0] = (char)(0xF0 | (c >> 18)), b[1] = (char)(0x80 | ((c >> 12) & 63)), b[2] = (char)(0x80 | ((c >> 6) & 63)),
        b[3] = (char)(0x80 | (c & 63)), l = 4;
      oput(o, b, (size_t)l);
    }
  }
}

/* repr of a result into a str-free UTF-8 buffer (already escaped). */
static int repr_into(obuf *o, PyObject *v);

static int repr_seq(obuf *o, PyObject *const *items, Py_ssize_t n, const char *open, const char *close, bool tuple) {
  oputs(o, open);
  for (Py_ssize_t i = 0; i < n; i++) {
    if (i) oputs(o, ", ");
    if (repr_into(o, items[i]) < 0) return -1;
  }
  if (tuple && n == 1) oputs(o, ",");
  oputs(o, close);
  return 0;
}

static int repr_into(obuf *o, PyObject *v) {
  char b[64];
  if (v == WF_NONE) oputs(o, "None");
  else if (v == WF_TRUE) oputs(o, "True");
  else if (v == WF_FALSE) oputs(o, "False");
  else if (wf_str_check(v)) {
    PyObject *r = wf_str_repr(v);
    if (!r) return -1;
    put_escaped_utf8(o, r);
  } else if (wf_int_check(v)) {
    int64_t x;
    if (wf_int_as_int64(v, &x) == 0) {
      snprintf(b, sizeof b, "%lld", (long long)x);
      oputs(o, b);
    } else {
      wf_err_clear();
      PyObject *r = wf_object_repr(v);
      if (!r) return -1;
      put_escaped_utf8(o, r);
    }
  } else if (WF_TYPE(v) == &wf_float_type) {
    wf_float_repr(((PyFloatObject *)v)->ob_fval, b, sizeof b);
    oputs(o, b);
  } else if (wf_bytes_check(v)) {
    const unsigned char *d = (const unsigned char *)wf_bytes_data(v);
    Py_ssize_t n = wf_bytes_size(v);
    bool sq = false, dq = false;
    for (Py_ssize_t i = 0; i < n; i++) sq |= d[i] == '\'', dq |= d[i] == '"';
    char q = (sq && !dq) ? '"' : '\'';
    oputs(o, "b");
    oput(o, &q, 1);
    for (Py_ssize_t i = 0; i < n; i++) {
      unsigned c = d[i];
      if (c == (unsigned)q || c == '\\') snprintf(b, sizeof b, "\\\\%s", c == '\\' ? "\\\\" : (char[]){(char)c, 0});
      else if (c == '\t') snprintf(b, sizeof b, "\\\\t");
      else if (c == '\n') snprintf(b, sizeof b, "\\\\n");
      else if (c == '\r') snprintf(b, sizeof b, "\\\\r");
      else if (c < 0x20 || c >= 0x7f) snprintf(b, sizeof b, "\\\\x%02x", c);
      else b[0] = (char)c, b[1] = 0;
      oputs(o, b);
    }
    oput(o, &q, 1);
  } else if (wf_tuple_check(v)) {
    return repr_seq(o, WF_TUPLE_ITEMS(v), WF_SIZE(v), "(", ")", true);
  } else if (wf_list_check(v)) {
    PyObject *t = wf_list_as_tuple(v);
    if (!t) return -1;
    return repr_seq(o, WF_TUPLE_ITEMS(t), WF_SIZE(t), "[", "]", false);
  } else if (wf_dict_check(v)) {
    Py_ssize_t pos = 0, i = 0;
    PyObject *k, *x;
    oputs(o, "{");
    while (wf_dict_next(v, &pos, &k, &x)) {
      if (i++) oputs(o, ", ");
      if (repr_into(o, k) < 0) return -1;
      oputs(o, ": ");
      if (repr_into(o, x) < 0) return -1;
    }
    oputs(o, "}");
  } else {
    PyObject *r = wf_object_repr(v);
    if (!r) return -1;
    put_escaped_utf8(o, r);
  }
  return 0;
}

static void cp_escape(char *b, size_t cap, uint32_t c) {
  if (c <= 0xFF) snprintf(b, cap, "\\x%02x", c);
  else if (c <= 0xFFFF) snprintf(b, cap, "\\u%04x", c);
  else snprintf(b, cap, "\\U%08x", c);
}

/* str(exc) as python3.11 computes it (for the exception types str raises). */
static PyObject *exc_message(PyObject *exc) {
  PyObject *args = wf_exc_get_args(exc);
  PyTypeObject *t = WF_TYPE(exc);
  if (!args || !wf_tuple_check(args)) return wf_str_from_cstr("<no args>");
  Py_ssize_t n = WF_SIZE(args);
  if ((t == &wf_UnicodeEncodeError_type || t == &wf_UnicodeDecodeError_type) && n == 5) {
    const char *enc = wf_str_as_utf8(WF_TUPLE_GET(args, 0), NULL);
    PyObject *obj = WF_TUPLE_GET(args, 1);
    Py_ssize_t start = wf_int_as_ssize(WF_TUPLE_GET(args, 2)), end = wf_int_as_ssize(WF_TUPLE_GET(args, 3));
    PyObject *reason = WF_TUPLE_GET(args, 4);
    char b[64];
    if (t == &wf_UnicodeEncodeError_type) {
      if (end == start + 1) {
        cp_escape(b, sizeof b, wf_str_read_char(obj, start));
        return wf_str_from_format("'%s' codec can't encode character '%s' in position %zd: %U", enc, b, start, reason);
      }
      return wf_str_from_format("'%s' codec can't encode characters in position %zd-%zd: %U", enc, start, end - 1,
                                reason);
    }
    if (end == start + 1)
      return wf_str_from_format("'%s' codec can't decode byte 0x%02x in position %zd: %U", enc,
                                (unsigned)(unsigned char)wf_bytes_data(obj)[start], start, reason);
    return wf_str_from_format("'%s' codec can't decode bytes in position %zd-%zd: %U", enc, start, end - 1, reason);
  }
  if (n == 0) return wf_str_empty();
  if (n == 1) {
    PyObject *a = WF_TUPLE_GET(args, 0);
    if (t == &wf_KeyError_type || !wf_str_check(a)) {
      obuf o = {0};
      if (repr_into(&o, a) < 0) return NULL;
      PyObject *r = wf_str_from_utf8(o.p ? o.p : "", (Py_ssize_t)o.len);
      free(o.p);
      return r; /* already escaped: caller must not escape again */
    }
    return a;
  }
  return wf_object_str(exc);
}

/* ---- running one case ---- */

static PyMethodDef *find_method(const char *name) {
  for (PyMethodDef *m = wf_str_methods; m->ml_name; m++)
    if (!strcmp(m->ml_name, name)) return m;
  return NULL;
}

static PyObject *run(const char *op, PyObject *self, PyObject **args, int nargs, PyObject **kwv, const char **kwn,
                     int nkw) {
  PyTypeObject *t = &wf_str_type;
  if (!strcmp(op, "__repr__")) return wf_str_repr(self);
  if (!strcmp(op, "__str__")) return t->tp_str(self);
  if (!strcmp(op, "__len__")) return wf_int_from_ssize(t->tp_as_sequence->sq_length(self));
  if (!strcmp(op, "__hash__")) return wf_int_from_int64(wf_str_hash(self));
  if (!strcmp(op, "__iter__")) {
    PyObject *it = keep(t->tp_iter(self));
    PyObject *l = keep(wf_list_new(0));
    PyObject *x;
    while ((x = WF_TYPE(it)->tp_iternext(it)))
      if (wf_list_append(l, x) < 0) return NULL;
    return wf_err_occurred() ? NULL : l;
  }
  if (!strcmp(op, "__getitem__")) return t->tp_as_mapping->mp_subscript(self, args[0]);
  if (!strcmp(op, "__contains__")) {
    int r = t->tp_as_sequence->sq_contains(self, args[0]);
    return r < 0 ? NULL : wf_bool_from(r);
  }
  if (!strcmp(op, "__add__")) return t->tp_as_sequence->sq_concat(self, args[0]);
  if (!strcmp(op, "__mul__")) {
    Py_ssize_t n = wf_int_as_ssize(args[0]);
    if (n == -1 && wf_err_occurred()) return NULL;
    return t->tp_as_sequence->sq_repeat(self, n);
  }
  if (!strcmp(op, "__mod__")) return t->tp_as_number->nb_remainder(self, args[0]);
  static const char *const cmps[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  for (int i = 0; i < 6; i++)
    if (!strcmp(op, cmps[i])) return t->tp_richcompare(self, args[0], i);
  if (!strcmp(op, "decode")) {
    const char *enc = nargs > 0 ? wf_str_as_utf8(args[0], NULL) : NULL;
    const char *err = nargs > 1 ? wf_str_as_utf8(args[1], NULL) : NULL;
    return wf_str_decode(wf_bytes_data(self), wf_bytes_size(self), enc, err);
  }
  PyMethodDef *m = find_method(op);
  if (!m) {
    fprintf(stderr, "str_shim: unknown op %s\n", op);
    abort();
  }
  int flags = m->ml_flags & ~(METH_STATIC | METH_CLASS | METH_COEXIST);
  if (m->ml_flags & METH_STATIC) self = NULL;
  switch (flags) {
  case METH_NOARGS: return m->ml_meth(self, NULL);
  case METH_O: return m->ml_meth(self, args[0]);
  case METH_FASTCALL: {
    if (nkw) return wf_err_format(&wf_TypeError_type, "str.%s() takes no keyword arguments", op);
    return ((_PyCFunctionFast)(void (*)(void))m->ml_meth)(self, args, nargs);
  }
  case METH_FASTCALL | METH_KEYWORDS: {
    PyObject *all[32];
    for (int i = 0; i < nargs; i++) all[i] = args[i];
    PyObject *kwnames = NULL;
    if (nkw) {
      kwnames = keep(wf_tuple_new(nkw));
      for (int i = 0; i < nkw; i++) {
        PyObject *nm = wf_str_from_cstr(kwn[i]);
        WF_TUPLE_INIT(kwnames, i, nm);
        all[nargs + i] = kwv[i];
      }
    }
    return ((_PyCFunctionFastWithKeywords)(void (*)(void))m->ml_meth)(self, all, nargs, kwnames);
  }
  case METH_VARARGS | METH_KEYWORDS: {
    PyObject *tup = keep(wf_tuple_from_array(args, nargs));
    PyObject *kw = NULL;
    if (nkw) {
      kw = keep(wf_dict_new());
      for (int i = 0; i < nkw; i++)
        if (wf_dict_setitem_cstr(kw, kwn[i], kwv[i]) < 0) return NULL;
    }
    return ((PyCFunctionWithKeywords)(void (*)(void))m->ml_meth)(self, tup, kw);
  }
  }
  fprintf(stderr, "str_shim: unsupported flags for %s\n", op);
  abort();
}

char *str_shim_run(const char *line, const char **expected) {
  nroots = 0;
  char op[64];
  const char *p = line;
  const char *tab = strchr(p, '\t');
  size_t ol = (size_t)(tab - p);
  memcpy(op, p, ol);
  op[ol] = 0;
  p = tab + 1;
  PyObject *self = NULL, *args[32], *kwv[8];
  char kwbuf[8][32];
  const char *kwn[8];
  int nargs = 0, nkw = 0;
  for (;;) {
    if (*p == '=' || *p == '!') break;
    const char *e = strchr(p, '\t');
    size_t n = (size_t)(e - p);
    if (*p == 'k') {
      const char *eq = memchr(p, '=', n);
      size_t nl = (size_t)(eq - p - 1);
      memcpy(kwbuf[nkw], p + 1, nl);
      kwbuf[nkw][nl] = 0;
      kwn[nkw] = kwbuf[nkw];
      kwv[nkw] = keep(decode_arg(eq + 1, n - nl - 2));
      if (!kwv[nkw]) goto setup_error;
      nkw++;
    } else {
      PyObject *v = keep(decode_arg(p, n));
      if (!v) goto setup_error;
      if (!self) self = v;
      else args[nargs++] = v;
    }
    p = e + 1;
  }
  *expected = p;
  obuf o = {0};
  PyObject *r = keep(run(op, self, args, nargs, kwv, kwn, nkw));
  if (r) {
    oputs(&o, "=");
    if (repr_into(&o, r) < 0) r = NULL;
  }
  if (!r) {
    o.len = 0;
    PyObject *exc = keep(wf_err_fetch());
    if (!exc) {
      oputs(&o, "!<NULL without exception>");
      return o.p;
    }
    oputs(&o, "!");
    oputs(&o, WF_TYPE(exc)->tp_name);
    oputs(&o, "\t");
    PyObject *msg = keep(exc_message(exc));
    if (!msg) {
      wf_err_clear();
      oputs(&o, "<message failed>");
    } else {
      PyObject *args0 = wf_exc_get_args(exc);
      bool pre_escaped = WF_TYPE(exc) == &wf_KeyError_type ||
                         (args0 && WF_SIZE(args0) == 1 && !wf_str_check(WF_TUPLE_GET(args0, 0)));
      if (pre_escaped) {
        const char *u = wf_str_as_utf8(msg, NULL);
        oputs(&o, u ? u : "?");
      } else
        put_escaped_utf8(&o, msg);
    }
  }
  if (!o.p) oputs(&o, "");
  return o.p;
setup_error:
  *expected = strrchr(line, '\t') ? line : line;
  {
    obuf e = {0};
    oputs(&e, "!<setup failed>");
    wf_err_clear();
    return e.p;
  }
}

