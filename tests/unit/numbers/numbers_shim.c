/* C side of the numbers vector test: evaluates the lines that
 * gen_vectors.py writes (see its docstring for the format) through the
 * runtime's protocol functions (wf_number_binop, wf_object_richcompare,
 * wf_call, ...), so that int/float/complex are exercised the way the
 * interpreter uses them, including reflected operations between types.
 *
 * Defined values live in a table of fixed blocks whose slots are GC global
 * roots; the objects of one line are rooted on the shadow stack. */
#include "numbers_shim.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "typeobject.h"
#include "wf_float.h"

#define BLOCK 1024
#define MAXBLOCKS 64
static PyObject **blocks[MAXBLOCKS];

static PyObject **value_slot(long idx, bool create) {
  long b = idx / BLOCK;
  if (b < 0 || b >= MAXBLOCKS) return NULL;
  if (!blocks[b]) {
    if (!create) return NULL;
    blocks[b] = calloc(BLOCK, sizeof(PyObject *));
    for (int i = 0; i < BLOCK; i++) wf_gc_add_global_root((void **)&blocks[b][i]);
  }
  return &blocks[b][idx % BLOCK];
}

void wf_numtest_init(void) {
  wf_runtime_init();
  /* Until vm/core/runtime.c lists the number types in builtin_types
   * (wf_type_ready is idempotent). */
  PyTypeObject *types[] = {&wf_int_type, &wf_bool_type, &wf_float_type, &wf_complex_type};
  for (size_t i = 0; i < 4; i++)
    if (wf_type_ready(types[i]) < 0) abort();
  wf_int_set_max_str_digits(0);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static char *unhex(const char *s, size_t n, size_t *out_n) {
  char *buf = malloc(n / 2 + 1);
  for (size_t i = 0; i + 1 < n; i += 2) buf[i / 2] = (char)(hexval(s[i]) * 16 + hexval(s[i + 1]));
  buf[n / 2] = 0;
  *out_n = n / 2;
  return buf;
}

static double parse_hexfloat(const char *s, size_t n) {
  double d = 0;
  if (wf_float_fromhex(s, n, &d) == WF_FLOAT_INVALID) {
    /* float.hex() writes inf / nan / -inf as such */
    if (n >= 3 && memcmp(s + (s[0] == '-'), "inf", 3) == 0) return s[0] == '-' ? -INFINITY : INFINITY;
    return NAN;
  }
  return d;
}

/* Decode one token; NULL with an exception on failure to build it. */
static PyObject *decode(const char *s, size_t n) {
  if (n == 1 && s[0] == 'T') return WF_TRUE;
  if (n == 1 && s[0] == 'X') return WF_FALSE;
  if (n == 1 && s[0] == 'N') return WF_NONE;
  if (s[0] == 'T') {
    if (n == 4 && !memcmp(s, "Tint", 4)) return (PyObject *)&wf_int_type;
    if (n == 6 && !memcmp(s, "Tfloat", 6)) return (PyObject *)&wf_float_type;
    if (n == 8 && !memcmp(s, "Tcomplex", 8)) return (PyObject *)&wf_complex_type;
    if (n == 5 && !memcmp(s, "Tbool", 5)) return (PyObject *)&wf_bool_type;
    return NULL;
  }
  if (s[0] == '$') {
    PyObject **slot = value_slot(strtol(s + 2, NULL, 10), false);
    return slot ? *slot : NULL;
  }
  if (s[0] == 'I') return wf_int_from_string(s + 1, (Py_ssize_t)n - 1, 10);
  if (s[0] == 'F') return wf_float_from_double(parse_hexfloat(s + 1, n - 1));
  if (s[0] == 'C') {
    const char *comma = memchr(s, ',', n);
    double re = parse_hexfloat(s + 1, (size_t)(comma - s - 1));
    double im = parse_hexfloat(comma + 1, n - (size_t)(comma + 1 - s));
    return wf_complex_from_doubles(re, im);
  }
  if (s[0] == 'S' || s[0] == 'B' || s[0] == 'A') {
    size_t m;
    char *buf = unhex(s + 1, n - 1, &m);
    PyObject *r = s[0] == 'S' ? wf_str_from_utf8(buf, (Py_ssize_t)m)
                  : s[0] == 'B' ? wf_bytes_from_data(buf, (Py_ssize_t)m)
                                : wf_bytearray_from_data(buf, (Py_ssize_t)m);
    free(buf);
    return r;
  }
  if (s[0] == 'L') {
    PyObject *l = wf_list_new(0);
    WF_GC_ROOT(l);
    const char *p = s + 1, *end = s + n;
    while (p < end) {
      char *q;
      long v = strtol(p, &q, 10);
      if (wf_list_append(l, wf_int_from_int64(v)) < 0) return NULL;
      p = q + (q < end && *q == ',');
    }
    return l;
  }
  return NULL;
}

static uint32_t crc32_of(const char *s, size_t n) {
  static uint32_t table[256];
  if (!table[1])
    for (uint32_t i = 0; i < 256; i++) {
      uint32_t c = i;
      for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      table[i] = c;
    }
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) c = table[(c ^ (unsigned char)s[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

static const struct {
  const char *name;
  int kind; /* 0 binop, 1 compare */
  int code;
} binops[] = {
    {"add", 0, WF_BINOP_ADD}, {"sub", 0, WF_BINOP_SUB}, {"mul", 0, WF_BINOP_MUL},
    {"truediv", 0, WF_BINOP_TRUEDIV}, {"floordiv", 0, WF_BINOP_FLOORDIV}, {"mod", 0, WF_BINOP_MOD},
    {"divmod", 0, WF_BINOP_DIVMOD}, {"pow", 0, WF_BINOP_POW}, {"lshift", 0, WF_BINOP_LSHIFT},
    {"rshift", 0, WF_BINOP_RSHIFT}, {"and", 0, WF_BINOP_AND}, {"or", 0, WF_BINOP_OR},
    {"xor", 0, WF_BINOP_XOR}, {"lt", 1, Py_LT}, {"le", 1, Py_LE}, {"eq", 1, Py_EQ},
    {"ne", 1, Py_NE}, {"gt", 1, Py_GT}, {"ge", 1, Py_GE},
};

static PyObject *apply(const char *op, PyObject **a, int na) {
  for (size_t i = 0; i < sizeof binops / sizeof binops[0]; i++)
    if (!strcmp(op, binops[i].name) && na == 2)
      return binops[i].kind == 0 ? wf_number_binop(a[0], a[1], (wf_binop)binops[i].code)
                                 : wf_object_richcompare(a[0], a[1], binops[i].code);
  if (!strcmp(op, "pow3")) return wf_number_power(a[0], a[1], a[2]);
  if (!strcmp(op, "neg")) return wf_number_negative(a[0]);
  if (!strcmp(op, "pos")) return wf_number_positive(a[0]);
  if (!strcmp(op, "abs")) return wf_number_absolute(a[0]);
  if (!strcmp(op, "invert")) return wf_number_invert(a[0]);
  if (!strcmp(op, "hash")) {
    Py_hash_t h = wf_object_hash(a[0]);
    if (h == -1) return NULL;
    return wf_int_from_ssize(h);
  }
  if (!strcmp(op, "repr")) return wf_object_repr(a[0]);
  if (!strcmp(op, "str")) return wf_object_str(a[0]);
  if (!strcmp(op, "format")) return wf_object_format(a[0], a[1]);
  if (!strcmp(op, "call")) return wf_call(a[0], a + 1, (size_t)(na - 1), NULL);
  if (!strcmp(op, "meth")) return wf_call_method(a[1], a[0], a + 2, (size_t)(na - 2));
  if (!strcmp(op, "attr")) return wf_object_getattr(a[1], a[0]);
  return wf_err_format(&wf_NotImplementedError_type, "numbers test: unknown op %s", op);
}

static void describe(char *out, size_t cap, const char *kind, const char *text, size_t n) {
  snprintf(out, cap, "%s%.*s", kind, (int)(n > 400 ? 400 : n), text);
}

int wf_numtest_line(const char *line, char *got, size_t gotcap, char *want, size_t wantcap) {
  got[0] = want[0] = 0;
  size_t len = strlen(line);
  if (len < 2) return 0;
  if (line[0] == 'v') {
    const char *name = line + 2, *sp = strchr(name, ' ');
    if (!sp) return -1;
    PyObject **slot = value_slot(strtol(name + 1, NULL, 10), true);
    PyObject *v = decode(sp + 1, strlen(sp + 1));
    if (!v) {
      wf_err_clear();
      snprintf(got, gotcap, "cannot decode value %s", name);
      return -1;
    }
    *slot = v;
    return 0;
  }
  if (line[0] != 't') return 0;
  /* t SECTION OP ARG... = EXPECT */
  char op[32];
  const char *p = strchr(line + 2, ' ') + 1;
  const char *sp = strchr(p, ' ');
  snprintf(op, sizeof op, "%.*s", (int)(sp - p), p);
  PyObject *a[8] = {0};
  WF_GC_ROOT(a[0]);
  WF_GC_ROOT(a[1]);
  WF_GC_ROOT(a[2]);
  WF_GC_ROOT(a[3]);
  WF_GC_ROOT(a[4]);
  WF_GC_ROOT(a[5]);
  WF_GC_ROOT(a[6]);
  WF_GC_ROOT(a[7]);
  int na = 0;
  p = sp + 1;
  while (!(p[0] == '=' && p[1] == ' ')) {
    sp = strchr(p, ' ');
    if (na == 8) return -1;
    a[na] = decode(p, (size_t)(sp - p));
    if (!a[na]) {
      wf_err_clear();
      snprintf(got, gotcap, "cannot decode argument %.*s", (int)(sp - p > 60 ? 60 : sp - p), p);
      return -1;
    }
    na++;
    p = sp + 1;
  }
  const char *exp = p + 2;
  size_t expn = strlen(exp);
  while (expn && (exp[expn - 1] == '\n' || exp[expn - 1] == '\r')) expn--;

  PyObject *res = apply(op, a, na);
  WF_GC_ROOT(res);
  char kind;
  const char *text = NULL;
  Py_ssize_t tn = 0;
  char tname[64] = "";
  if (res) {
    PyObject *r = wf_object_repr(res);
    if (!r) return -1;
    text = wf_str_as_utf8(r, &tn);
    kind = 'R';
    if (exp[0] == 'H') {
      char buf[64];
      snprintf(buf, sizeof buf, "H%zd:%u", tn, crc32_of(text, (size_t)tn));
      describe(got, gotcap, "R", text, (size_t)tn);
      snprintf(want, wantcap, "%.*s", (int)expn, exp);
      return strlen(buf) == expn && !memcmp(buf, exp, expn) ? 0 : 1;
    }
  } else {
    PyObject *exc = wf_err_fetch();
    WF_GC_ROOT(exc);
    snprintf(tname, sizeof tname, "%s", exc ? WF_TYPE(exc)->tp_name : "?");
    PyObject *m = exc ? wf_object_str(exc) : NULL;
    if (!m) {
      wf_err_clear();
      text = "<str(exc) failed>";
      tn = (Py_ssize_t)strlen(text);
    } else {
      text = wf_str_as_utf8(m, &tn);
      if (!text) {
        wf_err_clear();
        text = "<undecodable>";
        tn = (Py_ssize_t)strlen(text);
      }
    }
    kind = 'E';
  }
  /* Expected text. */
  size_t wn;
  char *wtext;
  bool ok;
  if (exp[0] == 'E') {
    const char *colon = memchr(exp, ':', expn);
    wtext = unhex(colon + 1, expn - (size_t)(colon + 1 - exp), &wn);
    snprintf(want, wantcap, "E%.*s: %.*s", (int)(colon - exp - 1), exp + 1, (int)(wn > 400 ? 400 : wn), wtext);
    ok = kind == 'E' && strlen(tname) == (size_t)(colon - exp - 1) && !memcmp(tname, exp + 1, strlen(tname)) &&
         wn == (size_t)tn && !memcmp(wtext, text, wn);
  } else if (exp[0] == 'R') {
    wtext = unhex(exp + 1, expn - 1, &wn);
    describe(want, wantcap, "R", wtext, wn);
    ok = kind == 'R' && wn == (size_t)tn && !memcmp(wtext, text, wn);
  } else {
    wtext = NULL;
    snprintf(want, wantcap, "%.*s", (int)expn, exp);
    ok = false;
  }
  free(wtext);
  if (kind == 'E') {
    char tmp[600];
    snprintf(tmp, sizeof tmp, "E%s: %.*s", tname, (int)(tn > 400 ? 400 : tn), text);
    snprintf(got, gotcap, "%s", tmp);
  } else {
    describe(got, gotcap, "R", text, (size_t)tn);
  }
  return ok ? 0 : 1;
}
