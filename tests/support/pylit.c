/* pylit: recursive-descent evaluation of a Python expression subset (see
 * pylit.h). Evaluates while parsing; every intermediate object lives in a
 * rooted local or in the parser's rooted `stack` list, since evaluating
 * operators may reach safepoints. */
#include "pylit.h"

#include <ctype.h>
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
#include "range.h"
#include "runtime.h"
#include "set.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct parser {
  const char *s;
  size_t pos;
  bool skip; /* evaluating a branch that is not taken: parse only */
} parser;

static PyObject *builtins; /* name -> object; a GC global root */

static PyObject *syntax(parser *p, const char *what) {
  if (wf_err_occurred()) return NULL;
  return wf_err_format(&wf_SyntaxError_type, "pylit: %s at offset %zu in %s", what, p->pos, p->s);
}

static void ws(parser *p) {
  while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t') p->pos++;
}

static bool peek(parser *p, const char *tok) {
  ws(p);
  return strncmp(p->s + p->pos, tok, strlen(tok)) == 0;
}

static bool is_name_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

static bool accept_kw(parser *p, const char *kw) {
  ws(p);
  size_t n = strlen(kw);
  if (strncmp(p->s + p->pos, kw, n) == 0 && !is_name_char(p->s[p->pos + n])) {
    p->pos += n;
    return true;
  }
  return false;
}

/* An operator token that is not the prefix of a longer operator in `not_followed`. */
static bool accept_op(parser *p, const char *op, const char *not_followed) {
  ws(p);
  size_t n = strlen(op);
  if (strncmp(p->s + p->pos, op, n) != 0) return false;
  if (not_followed && p->s[p->pos + n] && strchr(not_followed, p->s[p->pos + n])) return false;
  p->pos += n;
  return true;
}

static bool expect(parser *p, const char *op) {
  if (accept_op(p, op, NULL)) return true;
  char buf[64];
  snprintf(buf, sizeof buf, "expected '%s'", op);
  syntax(p, buf);
  return false;
}

static PyObject *expr(parser *p);
static PyObject *or_test(parser *p);

/* Placeholder value while skipping a branch. */
#define SKIPVAL WF_NONE

/* ---- Literals ---- */

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static PyObject *string_lit(parser *p) {
  bool raw = false, bytes = false;
  while (strchr("rRbB", p->s[p->pos])) {
    if (p->s[p->pos] == 'r' || p->s[p->pos] == 'R') raw = true;
    else bytes = true;
    p->pos++;
  }
  char q = p->s[p->pos];
  bool triple = p->s[p->pos + 1] == q && p->s[p->pos + 2] == q;
  p->pos += triple ? 3 : 1;
  size_t cap = strlen(p->s) + 1, n = 0;
  uint32_t *buf = malloc(cap * sizeof(uint32_t));
  for (;;) {
    char c = p->s[p->pos];
    if (!c) {
      free(buf);
      return syntax(p, "unterminated string");
    }
    if (c == q && (!triple || (p->s[p->pos + 1] == q && p->s[p->pos + 2] == q))) {
      p->pos += triple ? 3 : 1;
      break;
    }
    if (c == '\\' && !raw) {
      char e = p->s[++p->pos];
      p->pos++;
      uint32_t v;
      switch (e) {
      case 'n': v = '\n'; break;
      case 't': v = '\t'; break;
      case 'r': v = '\r'; break;
      case 'a': v = 7; break;
      case 'b': v = 8; break;
      case 'f': v = 12; break;
      case 'v': v = 11; break;
      case '\\': v = '\\'; break;
      case '\'': v = '\''; break;
      case '"': v = '"'; break;
      case '\n': continue;
      case 'x': case 'u': case 'U': {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (bytes && e != 'x') {
          buf[n++] = '\\';
          v = (uint32_t)e;
          break;
        }
        v = 0;
        for (int i = 0; i < digits; i++) {
          int h = hexval(p->s[p->pos]);
          if (h < 0) {
            free(buf);
            return syntax(p, "bad escape");
          }
          v = v * 16 + (uint32_t)h;
          p->pos++;
        }
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          v = (uint32_t)(e - '0');
          for (int i = 0; i < 2 && p->s[p->pos] >= '0' && p->s[p->pos] <= '7'; i++) v = v * 8 + (uint32_t)(p->s[p->pos++] - '0');
        } else {
          buf[n++] = '\\';
          v = (uint32_t)(unsigned char)e;
        }
      }
      buf[n++] = v;
      continue;
    }
    /* UTF-8 source character */
    unsigned char u = (unsigned char)c;
    uint32_t cp;
    int extra = u < 0x80 ? 0 : u < 0xE0 ? 1 : u < 0xF0 ? 2 : 3;
    cp = extra == 0 ? u : extra == 1 ? (u & 0x1F) : extra == 2 ? (u & 0x0F) : (u & 0x07);
    p->pos++;
    for (int i = 0; i < extra; i++) cp = (cp << 6) | ((unsigned char)p->s[p->pos++] & 0x3F);
    buf[n++] = cp;
  }
  PyObject *r;
  if (bytes) {
    unsigned char *b = malloc(n + 1);
    for (size_t i = 0; i < n; i++) b[i] = (unsigned char)buf[i];
    r = wf_bytes_from_data(b, (Py_ssize_t)n);
    free(b);
  } else {
    r = wf_str_from_ucs4(buf, (Py_ssize_t)n);
  }
  free(buf);
  return r;
}

static PyObject *number_lit(parser *p) {
  size_t start = p->pos;
  const char *s = p->s;
  bool is_float = false;
  if (s[p->pos] == '0' && s[p->pos + 1] && strchr("xXoObB", s[p->pos + 1])) {
    p->pos += 2;
    while (isxdigit((unsigned char)s[p->pos]) || s[p->pos] == '_') p->pos++;
  } else {
    while (isdigit((unsigned char)s[p->pos]) || s[p->pos] == '_') p->pos++;
    if (s[p->pos] == '.' && s[p->pos + 1] != '.') {
      is_float = true;
      p->pos++;
      while (isdigit((unsigned char)s[p->pos]) || s[p->pos] == '_') p->pos++;
    }
    if ((s[p->pos] == 'e' || s[p->pos] == 'E') &&
        (isdigit((unsigned char)s[p->pos + 1]) ||
         ((s[p->pos + 1] == '+' || s[p->pos + 1] == '-') && isdigit((unsigned char)s[p->pos + 2])))) {
      is_float = true;
      p->pos += 2;
      while (isdigit((unsigned char)s[p->pos]) || s[p->pos] == '_') p->pos++;
    }
  }
  bool imag = s[p->pos] == 'j' || s[p->pos] == 'J';
  size_t len = p->pos - start;
  char *text = malloc(len + 1);
  size_t k = 0;
  for (size_t i = start; i < p->pos; i++)
    if (s[i] != '_') text[k++] = s[i];
  text[k] = 0;
  if (imag) p->pos++;
  PyObject *r;
  if (imag) {
    r = wf_complex_from_doubles(0.0, strtod(text, NULL));
  } else if (is_float) {
    r = wf_float_from_double(strtod(text, NULL));
  } else {
    r = wf_int_from_string(s + start, (Py_ssize_t)len, 0);
  }
  free(text);
  return r;
}

/* ---- Displays ---- */

/* Items up to `close`; *is_tuple tells whether a comma appeared. Returns a list. */
static PyObject *expr_list(parser *p, const char *close, bool *had_comma) {
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  *had_comma = false;
  while (!peek(p, close)) {
    if (accept_op(p, "*", "*")) {
      PyObject *it = or_test(p);
      if (!it) return NULL;
      if (!p->skip && wf_list_extend(l, it) < 0) return NULL;
    } else {
      PyObject *v = expr(p);
      if (!v) return NULL;
      if (wf_list_append(l, v) < 0) return NULL;
    }
    if (!accept_op(p, ",", NULL)) break;
    *had_comma = true;
  }
  if (!expect(p, close)) return NULL;
  return l;
}

static PyObject *brace_display(parser *p) {
  if (accept_op(p, "}", NULL)) return wf_dict_new();
  PyObject *first = expr(p);
  WF_GC_ROOT(first);
  if (!first) return NULL;
  if (accept_op(p, ":", NULL)) {
    PyObject *d = wf_dict_new();
    WF_GC_ROOT(d);
    PyObject *v = expr(p);
    if (!v) return NULL;
    if (!p->skip && wf_object_setitem(d, first, v) < 0) return NULL;
    while (accept_op(p, ",", NULL)) {
      if (peek(p, "}")) break;
      PyObject *k = expr(p);
      WF_GC_ROOT(k);
      if (!k || !expect(p, ":")) return NULL;
      PyObject *val = expr(p);
      if (!val) return NULL;
      if (!p->skip && wf_object_setitem(d, k, val) < 0) return NULL;
    }
    if (!expect(p, "}")) return NULL;
    return d;
  }
  PyObject *l = wf_list_new(0);
  WF_GC_ROOT(l);
  wf_list_append(l, first);
  while (accept_op(p, ",", NULL)) {
    if (peek(p, "}")) break;
    PyObject *v = expr(p);
    if (!v) return NULL;
    wf_list_append(l, v);
  }
  if (!expect(p, "}")) return NULL;
  if (p->skip) return SKIPVAL;
  return wf_set_new(l);
}

static PyObject *atom(parser *p) {
  ws(p);
  char c = p->s[p->pos];
  if (c == '(') {
    p->pos++;
    bool comma;
    PyObject *l = expr_list(p, ")", &comma);
    if (!l) return NULL;
    if (!comma && wf_list_size(l) == 1) return wf_list_get(l, 0);
    return wf_list_as_tuple(l);
  }
  if (c == '[') {
    p->pos++;
    bool comma;
    return expr_list(p, "]", &comma);
  }
  if (c == '{') {
    p->pos++;
    return brace_display(p);
  }
  if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)p->s[p->pos + 1]))) return number_lit(p);
  if (c == '\'' || c == '"') {
    PyObject *acc = string_lit(p);
    WF_GC_ROOT(acc);
    /* adjacent literals concatenate */
    for (;;) {
      ws(p);
      size_t save = p->pos;
      while (strchr("rRbB", p->s[p->pos]) && p->s[p->pos]) p->pos++;
      if (p->s[p->pos] != '\'' && p->s[p->pos] != '"') {
        p->pos = save;
        break;
      }
      p->pos = save;
      PyObject *next = string_lit(p);
      if (!acc || !next) return NULL;
      acc = wf_number_binop(acc, next, WF_BINOP_ADD);
    }
    return acc;
  }
  if (accept_op(p, "...", NULL)) return WF_ELLIPSIS;
  if (isalpha((unsigned char)c) || c == '_') {
    size_t start = p->pos;
    /* string prefixes */
    size_t q = p->pos;
    while (q - start < 2 && strchr("rRbB", p->s[q])) q++;
    if (q > start && (p->s[q] == '\'' || p->s[q] == '"')) {
      PyObject *acc = string_lit(p);
      return acc;
    }
    while (is_name_char(p->s[p->pos])) p->pos++;
    PyObject *name = wf_str_from_utf8(p->s + start, (Py_ssize_t)(p->pos - start));
    if (!name) return NULL;
    PyObject *v = wf_dict_getitem(builtins, name);
    if (!v) return wf_err_format(&wf_NameError_type, "name '%U' is not defined", name);
    return v;
  }
  return syntax(p, "unexpected character");
}

/* ---- Trailers ---- */

static PyObject *subscript_item(parser *p) {
  PyObject *parts[3] = {WF_NONE, WF_NONE, WF_NONE};
  WF_GC_ROOT(parts[0]);
  WF_GC_ROOT(parts[1]);
  WF_GC_ROOT(parts[2]);
  bool is_slice = false;
  int k = 0;
  if (!peek(p, ":")) {
    parts[0] = expr(p);
    if (!parts[0]) return NULL;
  }
  while (accept_op(p, ":", NULL)) {
    is_slice = true;
    if (++k > 2) return syntax(p, "bad slice");
    if (!peek(p, ":") && !peek(p, "]") && !peek(p, ",")) {
      parts[k] = expr(p);
      if (!parts[k]) return NULL;
    }
  }
  if (!is_slice) return parts[0];
  return wf_slice_new(parts[0], parts[1], parts[2]);
}

static PyObject *call_args(parser *p, PyObject *f) {
  WF_GC_ROOT(f);
  PyObject *args = wf_list_new(0);
  WF_GC_ROOT(args);
  PyObject *kw = wf_dict_new();
  WF_GC_ROOT(kw);
  while (!peek(p, ")")) {
    ws(p);
    size_t save = p->pos;
    if (accept_op(p, "**", NULL)) {
      PyObject *m = or_test(p);
      if (!m) return NULL;
      if (!p->skip && wf_dict_update(kw, m) < 0) return NULL;
    } else if (accept_op(p, "*", NULL)) {
      PyObject *it = or_test(p);
      if (!it) return NULL;
      if (!p->skip && wf_list_extend(args, it) < 0) return NULL;
    } else {
      size_t s = p->pos;
      while (is_name_char(p->s[p->pos])) p->pos++;
      size_t e = p->pos;
      ws(p);
      if (e > s && p->s[p->pos] == '=' && p->s[p->pos + 1] != '=') {
        p->pos++;
        PyObject *name = wf_str_from_utf8(p->s + s, (Py_ssize_t)(e - s));
        WF_GC_ROOT(name);
        PyObject *v = expr(p);
        if (!v) return NULL;
        if (wf_dict_setitem(kw, name, v) < 0) return NULL;
      } else {
        p->pos = save;
        PyObject *v = expr(p);
        if (!v) return NULL;
        wf_list_append(args, v);
      }
    }
    if (!accept_op(p, ",", NULL)) break;
  }
  if (!expect(p, ")")) return NULL;
  if (p->skip) return SKIPVAL;
  PyObject *t = wf_list_as_tuple(args);
  return wf_call_tuple_dict(f, t, wf_dict_size(kw) ? kw : NULL);
}

static PyObject *primary(parser *p) {
  PyObject *v = atom(p);
  WF_GC_ROOT(v);
  for (;;) {
    if (!v) return NULL;
    if (accept_op(p, ".", ".")) {
      ws(p);
      size_t s = p->pos;
      while (is_name_char(p->s[p->pos])) p->pos++;
      if (p->pos == s) return syntax(p, "expected a name");
      PyObject *name = wf_str_from_utf8(p->s + s, (Py_ssize_t)(p->pos - s));
      if (p->skip) continue;
      v = wf_object_getattr(v, name);
    } else if (accept_op(p, "(", NULL)) {
      v = call_args(p, v);
    } else if (accept_op(p, "[", NULL)) {
      PyObject *l = wf_list_new(0);
      WF_GC_ROOT(l);
      bool comma = false;
      for (;;) {
        PyObject *item = subscript_item(p);
        if (!item) return NULL;
        wf_list_append(l, item);
        if (!accept_op(p, ",", NULL)) break;
        comma = true;
        if (peek(p, "]")) break;
      }
      if (!expect(p, "]")) return NULL;
      if (p->skip) continue;
      PyObject *key = comma ? wf_list_as_tuple(l) : wf_list_get(l, 0);
      v = wf_object_getitem(v, key);
    } else {
      return v;
    }
  }
}

/* ---- Operators ---- */

static PyObject *factor(parser *p);

static PyObject *power(parser *p) {
  PyObject *base = primary(p);
  WF_GC_ROOT(base);
  if (!base) return NULL;
  if (accept_op(p, "**", NULL)) {
    PyObject *e = factor(p);
    if (!e) return NULL;
    if (p->skip) return SKIPVAL;
    return wf_number_power(base, e, WF_NONE);
  }
  return base;
}

static PyObject *factor(parser *p) {
  if (accept_op(p, "-", NULL)) {
    PyObject *v = factor(p);
    return !v || p->skip ? v : wf_number_negative(v);
  }
  if (accept_op(p, "+", NULL)) {
    PyObject *v = factor(p);
    return !v || p->skip ? v : wf_number_positive(v);
  }
  if (accept_op(p, "~", NULL)) {
    PyObject *v = factor(p);
    return !v || p->skip ? v : wf_number_invert(v);
  }
  return power(p);
}

typedef struct {
  const char *tok, *not_followed;
  wf_binop op;
} binop_tok;

static PyObject *binary_level(parser *p, int level);

static const binop_tok levels[][5] = {
    {{"|", "=", WF_BINOP_OR}},
    {{"^", "=", WF_BINOP_XOR}},
    {{"&", "=", WF_BINOP_AND}},
    {{"<<", "=", WF_BINOP_LSHIFT}, {">>", "=", WF_BINOP_RSHIFT}},
    {{"+", "=", WF_BINOP_ADD}, {"-", "=", WF_BINOP_SUB}},
    {{"//", "=", WF_BINOP_FLOORDIV}, {"*", "*=", WF_BINOP_MUL}, {"/", "/=", WF_BINOP_TRUEDIV},
     {"%", "=", WF_BINOP_MOD}, {"@", "=", WF_BINOP_MATMUL}},
};
#define NLEVELS ((int)(sizeof levels / sizeof levels[0]))

static PyObject *binary_level(parser *p, int level) {
  if (level == NLEVELS) return factor(p);
  PyObject *v = binary_level(p, level + 1);
  WF_GC_ROOT(v);
  for (;;) {
    if (!v) return NULL;
    const binop_tok *hit = NULL;
    for (int i = 0; i < 5 && levels[level][i].tok; i++)
      if (accept_op(p, levels[level][i].tok, levels[level][i].not_followed)) {
        hit = &levels[level][i];
        break;
      }
    if (!hit) return v;
    PyObject *w = binary_level(p, level + 1);
    if (!w) return NULL;
    if (!p->skip) v = wf_number_binop(v, w, hit->op);
  }
}

static PyObject *comparison(parser *p) {
  PyObject *left = binary_level(p, 0);
  WF_GC_ROOT(left);
  if (!left) return NULL;
  PyObject *result = NULL;
  WF_GC_ROOT(result);
  for (;;) {
    int op = -1, kind = 0; /* kind 1 in, 2 not in, 3 is, 4 is not */
    if (accept_op(p, "==", NULL)) op = Py_EQ;
    else if (accept_op(p, "!=", NULL)) op = Py_NE;
    else if (accept_op(p, "<=", NULL)) op = Py_LE;
    else if (accept_op(p, ">=", NULL)) op = Py_GE;
    else if (accept_op(p, "<", "<")) op = Py_LT;
    else if (accept_op(p, ">", ">")) op = Py_GT;
    else if (accept_kw(p, "in")) kind = 1;
    else if (accept_kw(p, "not")) {
      if (!accept_kw(p, "in")) return syntax(p, "expected 'in'");
      kind = 2;
    } else if (accept_kw(p, "is")) kind = accept_kw(p, "not") ? 4 : 3;
    else break;
    PyObject *right = binary_level(p, 0);
    WF_GC_ROOT(right);
    if (!right) return NULL;
    if (!p->skip && (!result || wf_object_is_true(result) == 1)) {
      PyObject *r;
      if (kind == 0) r = wf_object_richcompare(left, right, op);
      else if (kind <= 2) {
        int c = wf_sequence_contains(right, left);
        if (c < 0) return NULL;
        r = wf_bool_from(kind == 1 ? c : !c);
      } else r = wf_bool_from(kind == 3 ? left == right : left != right);
      if (!r) return NULL;
      result = r;
    }
    left = right;
  }
  return result ? result : left;
}

static PyObject *not_test(parser *p) {
  if (accept_kw(p, "not")) {
    PyObject *v = not_test(p);
    if (!v || p->skip) return v;
    int t = wf_object_not(v);
    return t < 0 ? NULL : wf_bool_from(t);
  }
  return comparison(p);
}

static PyObject *and_test(parser *p) {
  PyObject *v = not_test(p);
  WF_GC_ROOT(v);
  while (v && accept_kw(p, "and")) {
    bool was = p->skip;
    int t = was ? 1 : wf_object_is_true(v);
    if (t < 0) return NULL;
    if (!t) p->skip = true;
    PyObject *w = not_test(p);
    p->skip = was;
    if (!w) return NULL;
    if (t) v = w;
  }
  return v;
}

static PyObject *or_test(parser *p) {
  PyObject *v = and_test(p);
  WF_GC_ROOT(v);
  while (v && accept_kw(p, "or")) {
    bool was = p->skip;
    int t = was ? 0 : wf_object_is_true(v);
    if (t < 0) return NULL;
    if (t) p->skip = true;
    PyObject *w = and_test(p);
    p->skip = was;
    if (!w) return NULL;
    if (!t) v = w;
  }
  return v;
}

static PyObject *expr(parser *p) {
  PyObject *v = or_test(p);
  WF_GC_ROOT(v);
  if (!v) return NULL;
  if (accept_kw(p, "if")) {
    bool was = p->skip;
    PyObject *c = or_test(p);
    if (!c) return NULL;
    int t = was ? 1 : wf_object_is_true(c);
    if (t < 0) return NULL;
    if (!accept_kw(p, "else")) return syntax(p, "expected 'else'");
    p->skip = was || t;
    PyObject *o = expr(p);
    p->skip = was;
    if (!o) return NULL;
    return t ? v : o;
  }
  return v;
}

/* ---- Builtin functions ---- */

#define ARGN(name, lo, hi) \
  if (wf_arg_check_positional(name, nargs, lo, hi) < 0) return NULL

static PyObject *b_len(PyObject *m, PyObject *o) {
  Py_ssize_t n = wf_object_length(o);
  return n < 0 ? NULL : wf_int_from_ssize(n);
}
static PyObject *b_repr(PyObject *m, PyObject *o) { return wf_object_repr(o); }
static PyObject *b_ascii(PyObject *m, PyObject *o) { return wf_object_ascii(o); }
static PyObject *b_hash(PyObject *m, PyObject *o) {
  Py_hash_t h = wf_object_hash(o);
  return h == -1 ? NULL : wf_int_from_ssize(h);
}
static PyObject *b_id(PyObject *m, PyObject *o) { return wf_int_from_uint64((uint64_t)(uintptr_t)o); }
static PyObject *b_callable(PyObject *m, PyObject *o) { return wf_bool_from(wf_callable(o)); }
static PyObject *b_abs(PyObject *m, PyObject *o) { return wf_number_absolute(o); }
static PyObject *b_iter(PyObject *m, PyObject *o) { return wf_object_getiter(o); }
static PyObject *b_dir(PyObject *m, PyObject *o) { return wf_object_dir(o); }
static PyObject *b_format(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("format", 1, 2);
  return wf_object_format(args[0], nargs > 1 ? args[1] : NULL);
}
static PyObject *b_divmod(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("divmod", 2, 2);
  return wf_number_binop(args[0], args[1], WF_BINOP_DIVMOD);
}
static PyObject *b_pow(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("pow", 2, 3);
  return wf_number_power(args[0], args[1], nargs > 2 ? args[2] : WF_NONE);
}
static PyObject *b_isinstance(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("isinstance", 2, 2);
  int r = wf_object_isinstance(args[0], args[1]);
  return r < 0 ? NULL : wf_bool_from(r);
}
static PyObject *b_issubclass(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("issubclass", 2, 2);
  int r = wf_object_issubclass(args[0], args[1]);
  return r < 0 ? NULL : wf_bool_from(r);
}
static PyObject *b_getattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("getattr", 2, 3);
  if (nargs == 2) return wf_object_getattr(args[0], args[1]);
  PyObject *r;
  int k = wf_object_lookup_attr(args[0], args[1], &r);
  if (k < 0) return NULL;
  return k ? r : args[2];
}
static PyObject *b_hasattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("hasattr", 2, 2);
  int k = wf_object_hasattr(args[0], args[1]);
  return k < 0 ? NULL : wf_bool_from(k);
}
static PyObject *b_setattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("setattr", 3, 3);
  return wf_object_setattr(args[0], args[1], args[2]) < 0 ? NULL : WF_NONE;
}
static PyObject *b_next(PyObject *m, PyObject *const *args, Py_ssize_t nargs) {
  ARGN("next", 1, 2);
  PyObject *r = wf_iter_next(args[0]);
  if (r || wf_err_occurred()) return r;
  if (nargs > 1) return args[1];
  return wf_err_set_object(&wf_StopIteration_type, NULL);
}
static PyObject *b_sorted(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"", "key", "reverse", NULL};
  PyObject *a[3];
  if (wf_arg_unpack("sorted", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  PyObject *l = wf_sequence_list(a[0]);
  WF_GC_ROOT(l);
  if (!l) return NULL;
  int rev = a[2] ? wf_object_is_true(a[2]) : 0;
  if (rev < 0 || wf_list_sort(l, a[1], rev) < 0) return NULL;
  return l;
}
static PyObject *minmax(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op, const char *name) {
  static const char *const names[] = {"key", "default", NULL};
  PyObject *kw[2] = {NULL, NULL};
  if (kwnames && wf_arg_unpack(name, args + nargs, 0, kwnames, names, 0, kw) < 0) return NULL;
  if (nargs == 0) return wf_err_format(&wf_TypeError_type, "%s expected at least 1 argument, got 0", name);
  PyObject *seq = nargs == 1 ? args[0] : wf_tuple_from_array(args, nargs);
  WF_GC_ROOT(seq);
  if (nargs > 1 && kw[1])
    return wf_err_format(&wf_TypeError_type, "Cannot specify a default for %s() with multiple positional arguments",
                         name);
  PyObject *it = wf_object_getiter(seq);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *best = NULL, *bestkey = NULL, *x = NULL, *k = NULL;
  WF_GC_ROOT(best);
  WF_GC_ROOT(bestkey);
  WF_GC_ROOT(x);
  WF_GC_ROOT(k);
  while ((x = wf_iter_next(it))) {
    k = kw[0] && kw[0] != WF_NONE ? wf_call_one(kw[0], x) : x;
    if (!k) return NULL;
    if (!best) {
      best = x;
      bestkey = k;
      continue;
    }
    int c = wf_object_richcompare_bool(k, bestkey, op);
    if (c < 0) return NULL;
    if (c) {
      best = x;
      bestkey = k;
    }
  }
  if (wf_err_occurred()) return NULL;
  if (!best) {
    if (kw[1]) return kw[1];
    return wf_err_format(&wf_ValueError_type, "%s() arg is an empty sequence", name);
  }
  return best;
}
static PyObject *b_min(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  return minmax(args, nargs, kwnames, Py_LT, "min");
}
static PyObject *b_max(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  return minmax(args, nargs, kwnames, Py_GT, "max");
}
static PyObject *b_sum(PyObject *m, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"", "start", NULL};
  PyObject *a[2];
  if (wf_arg_unpack("sum", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  PyObject *acc = a[1] ? a[1] : wf_int_from_ssize(0);
  WF_GC_ROOT(acc);
  if (wf_str_check(acc))
    return wf_err_set_string(&wf_TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
  PyObject *it = wf_object_getiter(a[0]);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  while ((x = wf_iter_next(it))) {
    acc = wf_number_binop(acc, x, WF_BINOP_ADD);
    if (!acc) return NULL;
  }
  return wf_err_occurred() ? NULL : acc;
}
static PyObject *b_anyall(PyObject *o, int want) {
  PyObject *it = wf_object_getiter(o);
  WF_GC_ROOT(it);
  if (!it) return NULL;
  PyObject *x = NULL;
  WF_GC_ROOT(x);
  while ((x = wf_iter_next(it))) {
    int t = wf_object_is_true(x);
    if (t < 0) return NULL;
    if (t == want) return wf_bool_from(want);
  }
  return wf_err_occurred() ? NULL : wf_bool_from(!want);
}
static PyObject *b_any(PyObject *m, PyObject *o) { return b_anyall(o, 1); }
static PyObject *b_all(PyObject *m, PyObject *o) { return b_anyall(o, 0); }
static PyObject *b_chr(PyObject *m, PyObject *o) {
  Py_ssize_t c = wf_number_as_ssize_t(o, &wf_OverflowError_type);
  if (c == -1 && wf_err_occurred()) return NULL;
  if (c < 0 || c > 0x10ffff) return wf_err_set_string(&wf_ValueError_type, "chr() arg not in range(0x110000)");
  uint32_t cp = (uint32_t)c;
  return wf_str_from_ucs4(&cp, 1);
}
static PyObject *b_ord(PyObject *m, PyObject *o) {
  if (wf_str_check(o)) {
    if (wf_str_length(o) != 1)
      return wf_err_format(&wf_TypeError_type, "ord() expected a character, but string of length %zd found",
                           wf_str_length(o));
    return wf_int_from_ssize(wf_str_read_char(o, 0));
  }
  return wf_err_format(&wf_TypeError_type, "ord() expected string of length 1, but %s found", WF_TYPE(o)->tp_name);
}
static PyObject *b_reversed(PyObject *m, PyObject *o) {
  WF_GC_ROOT(o);
  PyObject *f = wf_type_lookup(WF_TYPE(o), WF_ID(__reversed__));
  if (f) return wf_call_method(o, WF_ID(__reversed__), NULL, 0);
  PyObject *l = wf_sequence_list(o);
  WF_GC_ROOT(l);
  if (!l || wf_list_reverse(l) < 0) return NULL;
  return wf_object_getiter(l);
}

static PyMethodDef builtin_defs[] = {
    {"len", b_len, METH_O, NULL},
    {"repr", b_repr, METH_O, NULL},
    {"ascii", b_ascii, METH_O, NULL},
    {"hash", b_hash, METH_O, NULL},
    {"id", b_id, METH_O, NULL},
    {"callable", b_callable, METH_O, NULL},
    {"abs", b_abs, METH_O, NULL},
    {"iter", b_iter, METH_O, NULL},
    {"dir", b_dir, METH_O, NULL},
    {"any", b_any, METH_O, NULL},
    {"all", b_all, METH_O, NULL},
    {"chr", b_chr, METH_O, NULL},
    {"ord", b_ord, METH_O, NULL},
    {"reversed", b_reversed, METH_O, NULL},
    {"format", (PyCFunction)(void (*)(void))b_format, METH_FASTCALL, NULL},
    {"divmod", (PyCFunction)(void (*)(void))b_divmod, METH_FASTCALL, NULL},
    {"pow", (PyCFunction)(void (*)(void))b_pow, METH_FASTCALL, NULL},
    {"isinstance", (PyCFunction)(void (*)(void))b_isinstance, METH_FASTCALL, NULL},
    {"issubclass", (PyCFunction)(void (*)(void))b_issubclass, METH_FASTCALL, NULL},
    {"getattr", (PyCFunction)(void (*)(void))b_getattr, METH_FASTCALL, NULL},
    {"hasattr", (PyCFunction)(void (*)(void))b_hasattr, METH_FASTCALL, NULL},
    {"setattr", (PyCFunction)(void (*)(void))b_setattr, METH_FASTCALL, NULL},
    {"next", (PyCFunction)(void (*)(void))b_next, METH_FASTCALL, NULL},
    {"sorted", (PyCFunction)(void (*)(void))b_sorted, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"min", (PyCFunction)(void (*)(void))b_min, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"max", (PyCFunction)(void (*)(void))b_max, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"sum", (PyCFunction)(void (*)(void))b_sum, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}};

static void init_builtins(void) {
  if (builtins) return;
  PyObject *d = wf_dict_new();
  builtins = d;
  wf_gc_add_global_root((void **)&builtins);
  PyObject *modname = wf_str_from_cstr("builtins");
  for (PyMethodDef *m = builtin_defs; m->ml_name; m++)
    wf_dict_setitem_cstr(d, m->ml_name, wf_cfunction_new(m, NULL, modname));
  struct {
    const char *name;
    PyObject *v;
  } objs[] = {{"None", WF_NONE},
              {"True", WF_TRUE},
              {"False", WF_FALSE},
              {"Ellipsis", WF_ELLIPSIS},
              {"NotImplemented", WF_NOTIMPLEMENTED},
              {"int", (PyObject *)&wf_int_type},
              {"bool", (PyObject *)&wf_bool_type},
              {"float", (PyObject *)&wf_float_type},
              {"complex", (PyObject *)&wf_complex_type},
              {"str", (PyObject *)&wf_str_type},
              {"bytes", (PyObject *)&wf_bytes_type},
              {"bytearray", (PyObject *)&wf_bytearray_type},
              {"tuple", (PyObject *)&wf_tuple_type},
              {"list", (PyObject *)&wf_list_type},
              {"dict", (PyObject *)&wf_dict_type},
              {"set", (PyObject *)&wf_set_type},
              {"frozenset", (PyObject *)&wf_frozenset_type},
              {"range", (PyObject *)&wf_range_type},
              {"slice", (PyObject *)&wf_slice_type},
              {"object", (PyObject *)&wf_object_type},
              {"type", (PyObject *)&wf_type_type},
              {NULL, NULL}};
  for (int i = 0; objs[i].name; i++) wf_dict_setitem_cstr(d, objs[i].name, objs[i].v);
#define WF_EXC_NAME(name) wf_dict_setitem_cstr(d, #name, (PyObject *)&wf_##name##_type);
  WF_EXCEPTION_TYPES(WF_EXC_NAME)
#undef WF_EXC_NAME
}

PyObject *wf_test_eval(const char *text) {
  wf_runtime_init();
  init_builtins();
  parser p = {text, 0, false};
  PyObject *v = expr(&p);
  WF_GC_ROOT(v);
  if (!v) {
    if (!wf_err_occurred()) syntax(&p, "parse error");
    return NULL;
  }
  ws(&p);
  if (p.s[p.pos] != '\0' && p.s[p.pos] != '\n') return syntax(&p, "trailing text");
  return v;
}

char *wf_test_eval_repr(const char *text) {
  PyObject *v = wf_test_eval(text);
  PyObject *r;
  if (v) {
    r = wf_object_repr(v);
    if (!r) goto exc;
    const char *u = wf_str_as_utf8(r, NULL);
    return strdup(u ? u : "<utf8?>");
  }
exc:;
  PyObject *e = wf_err_fetch();
  WF_GC_ROOT(e);
  PyObject *s = e ? wf_object_str(e) : NULL;
  if (!s) {
    wf_err_clear();
    s = wf_str_from_cstr("<str failed>");
  }
  const char *u = wf_str_as_utf8(s, NULL);
  const char *tn = e ? WF_TYPE(e)->tp_name : "?";
  size_t n = strlen(tn) + strlen(u ? u : "") + 4;
  char *out = malloc(n);
  snprintf(out, n, "!%s: %s", tn, u ? u : "");
  return out;
}
