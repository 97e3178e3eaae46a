/* str methods (everything in dir(str) that is not a slot, formatting or a
 * codec) and the method table. Messages follow python3.11's argument
 * clinic / PyArg_ParseTuple wording method by method. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "str.h"
#include "str_internal.h"
#include "tuple.h"
#include "typeobject.h"
#include "wf_unicode.h"

/* ---- Argument helpers ------------------------------------------------------------- */

/* Argument clinic wording: "center expected at least 1 argument, got 0". */
static int clinic_nargs(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max) {
  if (nargs < min) {
    wf_err_format(&wf_TypeError_type, "%s expected %s%zd argument%s, got %zd", name, min == max ? "" : "at least ", min,
                  min == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs > max) {
    wf_err_format(&wf_TypeError_type, "%s expected %s%zd argument%s, got %zd", name, min == max ? "" : "at most ", max,
                  max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

/* PyArg_ParseTuple wording: "count() takes at least 1 argument (0 given)". */
static int tuple_nargs(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max) {
  if (nargs < min) {
    wf_err_format(&wf_TypeError_type, "%s() takes at least %zd argument%s (%zd given)", name, min, min == 1 ? "" : "s",
                  nargs);
    return -1;
  }
  if (nargs > max) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %zd argument%s (%zd given)", name, max, max == 1 ? "" : "s",
                  nargs);
    return -1;
  }
  return 0;
}

/* Keyword parsing (all parameters optional, positional or keyword). */
static int kw_parse(const char *fname, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                    const char *const *names, int nnames, PyObject **out) {
  Py_ssize_t nkw = kwnames ? WF_SIZE(kwnames) : 0;
  for (int i = 0; i < nnames; i++) out[i] = NULL;
  if (nargs + nkw > nnames) {
    wf_err_format(&wf_TypeError_type, "%s() takes at most %d %sargument%s (%zd given)", fname, nnames,
                  nargs == 0 ? "keyword " : "", nnames == 1 ? "" : "s", nargs + nkw);
    return -1;
  }
  for (Py_ssize_t i = 0; i < nargs; i++) out[i] = args[i];
  for (Py_ssize_t k = 0; k < nkw; k++) {
    PyObject *key = WF_TUPLE_GET(kwnames, k);
    int which = -1;
    for (int j = 0; j < nnames; j++)
      if (wf_str_equal_cstr(key, names[j])) which = j;
    if (which < 0) {
      wf_err_format(&wf_TypeError_type, "%R is an invalid keyword argument for %s()", key, fname);
      return -1;
    }
    if (out[which]) {
      wf_err_format(&wf_TypeError_type, "argument for %s() given by name ('%s') and position (%d)", fname, names[which],
                    which + 1);
      return -1;
    }
    out[which] = args[nargs + k];
  }
  return 0;
}

/* An index argument converted exactly (argument clinic's Py_ssize_t). */
static int arg_ssize(PyObject *o, Py_ssize_t *out) {
  PyObject *i = wf_number_index(o);
  if (!i) return -1;
  Py_ssize_t v = wf_int_as_ssize(i);
  if (v == -1 && wf_err_occurred()) return -1;
  *out = v;
  return 0;
}

/* A C int argument (_PyLong_AsInt). */
static int arg_int(PyObject *o, int *out) {
  PyObject *i = wf_number_index(o);
  if (!i) return -1;
  Py_ssize_t v = wf_number_as_ssize_t(i, NULL);
  if (v == -1 && wf_err_occurred()) return -1;
  if (v > INT_MAX || v < INT_MIN) {
    wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C int");
    return -1;
  }
  *out = (int)v;
  return 0;
}

/* A slice index (None allowed; clamped). */
static int arg_slice_index(PyObject *o, Py_ssize_t *out) {
  if (!o || o == WF_NONE) return 0;
  if (!wf_index_check(o)) {
    wf_err_set_string(&wf_TypeError_type, "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  Py_ssize_t v = wf_number_as_ssize_t(o, NULL);
  if (v == -1 && wf_err_occurred()) return -1;
  *out = v;
  return 0;
}

static void adjust_indices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len) {
  if (*end > len) *end = len;
  else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

/* (sub[, start[, end]]) for count/find/index/...: sub must be str. */
static int parse_sub_args(const char *name, PyObject *const *args, Py_ssize_t nargs, PyObject **sub,
                          Py_ssize_t *start, Py_ssize_t *end) {
  if (tuple_nargs(name, nargs, 1, 3) < 0) return -1;
  *sub = args[0];
  *start = 0;
  *end = PTRDIFF_MAX;
  if (nargs > 1 && arg_slice_index(args[1], start) < 0) return -1;
  if (nargs > 2 && arg_slice_index(args[2], end) < 0) return -1;
  return 0;
}

static PyObject *need_str(PyObject *o) {
  return wf_err_format(&wf_TypeError_type, "must be str, not %.100s", WF_TYPE(o)->tp_name);
}

#define KIND(s) wf_str_kind(s)
#define DATA(s) wf_str_data(s)
#define LEN(s) wf_str_len(s)
#define READ(s, i) wf_str_read(KIND(s), DATA(s), (i))

/* An exact copy of self (self when exact). */
static PyObject *self_result(PyObject *self) { return wf_str_exact(self); }

/* ---- Predicates --------------------------------------------------------------------- */

#define PREDICATE(name, pred, empty)                                        \
  static PyObject *str_##name(PyObject *self, PyObject *unused) {           \
    Py_ssize_t n = LEN(self);                                               \
    if (n == 0) return wf_bool_from(empty);                                 \
    int k = KIND(self);                                                     \
    const void *d = DATA(self);                                             \
    for (Py_ssize_t i = 0; i < n; i++)                                      \
      if (!pred(wf_str_read(k, d, i))) return WF_FALSE;                     \
    return WF_TRUE;                                                         \
  }

PREDICATE(isalnum, wf_uc_isalnum, false)
PREDICATE(isalpha, wf_uc_isalpha, false)
PREDICATE(isdecimal, wf_uc_isdecimal, false)
PREDICATE(isdigit, wf_uc_isdigit, false)
PREDICATE(isnumeric, wf_uc_isnumeric, false)
PREDICATE(isspace, wf_uc_isspace, false)
PREDICATE(isprintable, wf_uc_isprintable, true)

static PyObject *str_isascii(PyObject *self, PyObject *unused) { return wf_bool_from(wf_str_is_ascii(self)); }

static PyObject *str_islower(PyObject *self, PyObject *unused) {
  Py_ssize_t n = LEN(self);
  bool cased = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = READ(self, i);
    if (wf_uc_isupper(c) || wf_uc_istitle(c)) return WF_FALSE;
    if (wf_uc_islower(c)) cased = true;
  }
  return wf_bool_from(cased);
}

static PyObject *str_isupper(PyObject *self, PyObject *unused) {
  Py_ssize_t n = LEN(self);
  bool cased = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = READ(self, i);
    if (wf_uc_islower(c) || wf_uc_istitle(c)) return WF_FALSE;
    if (wf_uc_isupper(c)) cased = true;
  }
  return wf_bool_from(cased);
}

static PyObject *str_istitle(PyObject *self, PyObject *unused) {
  Py_ssize_t n = LEN(self);
  bool cased = false, prev = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = READ(self, i);
    if (wf_uc_isupper(c) || wf_uc_istitle(c)) {
      if (prev) return WF_FALSE;
      prev = cased = true;
    } else if (wf_uc_islower(c)) {
      if (!prev) return WF_FALSE;
      prev = cased = true;
    } else
      prev = false;
  }
  return wf_bool_from(cased);
}

static PyObject *str_isidentifier(PyObject *self, PyObject *unused) {
  Py_ssize_t n = LEN(self);
  if (n == 0) return WF_FALSE;
  uint32_t c = READ(self, 0);
  if (!wf_uc_isxid_start(c) && c != '_') return WF_FALSE;
  for (Py_ssize_t i = 1; i < n; i++)
    if (!wf_uc_isxid_continue(READ(self, i))) return WF_FALSE;
  return WF_TRUE;
}

/* ---- Case mapping ---------------------------------------------------------------------- */

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_CAPITALIZE, CASE_TITLE, CASE_SWAP };

static int put_mapped(wf_strbuf *b, const uint32_t *m, int n) {
  for (int j = 0; j < n; j++)
    if (wf_strbuf_putc(b, m[j]) < 0) return -1;
  return 0;
}

static PyObject *case_map(PyObject *self, int mode) {
  Py_ssize_t n = LEN(self);
  int k = KIND(self);
  const void *d = DATA(self);
  if (wf_str_is_ascii(self) && mode != CASE_TITLE && mode != CASE_CAPITALIZE) {
    PyObject *r = wf_str_new(n, 127);
    if (!r || n == 0) return r;
    const uint8_t *s = d;
    uint8_t *o = DATA(r);
    for (Py_ssize_t i = 0; i < n; i++) {
      uint8_t c = s[i];
      bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
      if ((mode == CASE_LOWER || mode == CASE_FOLD) && up) c += 32;
      else if (mode == CASE_UPPER && lo) c -= 32;
      else if (mode == CASE_SWAP) c = up ? c + 32 : lo ? c - 32 : c;
      o[i] = c;
    }
    return r;
  }
  wf_strbuf b;
  wf_strbuf_init(&b, n);
  uint32_t m[WF_UC_CASE_MAX];
  bool prev_cased = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read(k, d, i);
    int cnt;
    switch (mode) {
    case CASE_LOWER: cnt = wf_uc_to_lower_at(d, k, (size_t)n, (size_t)i, m); break;
    case CASE_UPPER: cnt = wf_uc_to_upper(c, m); break;
    case CASE_FOLD: cnt = wf_uc_to_fold(c, m); break;
    case CASE_CAPITALIZE:
      cnt = i == 0 ? wf_uc_to_title(c, m) : wf_uc_to_lower_at(d, k, (size_t)n, (size_t)i, m);
      break;
    case CASE_TITLE:
      cnt = prev_cased ? wf_uc_to_lower_at(d, k, (size_t)n, (size_t)i, m) : wf_uc_to_title(c, m);
      prev_cased = wf_uc_iscased(c);
      break;
    default:
      if (wf_uc_isupper(c)) cnt = wf_uc_to_lower_at(d, k, (size_t)n, (size_t)i, m);
      else if (wf_uc_islower(c)) cnt = wf_uc_to_upper(c, m);
      else {
        m[0] = c;
        cnt = 1;
      }
      break;
    }
    if (put_mapped(&b, m, cnt) < 0) {
      wf_strbuf_free(&b);
      return NULL;
    }
  }
  return wf_strbuf_finish(&b);
}

static PyObject *str_lower(PyObject *self, PyObject *u) { return case_map(self, CASE_LOWER); }
static PyObject *str_upper(PyObject *self, PyObject *u) { return case_map(self, CASE_UPPER); }
static PyObject *str_casefold(PyObject *self, PyObject *u) { return case_map(self, CASE_FOLD); }
static PyObject *str_capitalize(PyObject *self, PyObject *u) { return case_map(self, CASE_CAPITALIZE); }
static PyObject *str_title(PyObject *self, PyObject *u) { return case_map(self, CASE_TITLE); }
static PyObject *str_swapcase(PyObject *self, PyObject *u) { return case_map(self, CASE_SWAP); }

/* ---- Padding ------------------------------------------------------------------------------- */

static PyObject *pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, uint32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return self_result(self);
  Py_ssize_t n = LEN(self);
  if (left > PTRDIFF_MAX - n - right) return wf_err_set_string(&wf_OverflowError_type, "padded string is too long");
  wf_strbuf b;
  wf_strbuf_init(&b, 0);
  uint32_t m = wf_str_is_ascii(self) ? 127 : wf_str_max_char(KIND(self), DATA(self), n);
  if (wf_strbuf_reserve(&b, left + n + right, fill > m ? fill : m) < 0 || wf_strbuf_fill(&b, fill, left) < 0 ||
      wf_strbuf_put_str(&b, self) < 0 || wf_strbuf_fill(&b, fill, right) < 0) {
    wf_strbuf_free(&b);
    return NULL;
  }
  return wf_strbuf_finish(&b);
}

static int parse_width_fill(const char *name, PyObject *const *args, Py_ssize_t nargs, Py_ssize_t *width,
                            uint32_t *fill) {
  if (clinic_nargs(name, nargs, 1, 2) < 0) return -1;
  if (arg_ssize(args[0], width) < 0) return -1;
  *fill = ' ';
  if (nargs > 1) {
    PyObject *f = args[1];
    if (!wf_str_check(f)) {
      wf_err_format(&wf_TypeError_type, "The fill character must be a unicode character, not %.100s",
                    WF_TYPE(f)->tp_name);
      return -1;
    }
    if (LEN(f) != 1) {
      wf_err_set_string(&wf_TypeError_type, "The fill character must be exactly one character long");
      return -1;
    }
    *fill = READ(f, 0);
  }
  return 0;
}

static PyObject *str_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  Py_ssize_t width;
  uint32_t fill;
  if (parse_width_fill("center", args, nargs, &width, &fill) < 0) return NULL;
  Py_ssize_t marg = width - LEN(self);
  if (marg <= 0) return self_result(self);
  Py_ssize_t left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}

static PyObject *str_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  Py_ssize_t width;
  uint32_t fill;
  if (parse_width_fill("ljust", args, nargs, &width, &fill) < 0) return NULL;
  return pad(self, 0, width - LEN(self), fill);
}

static PyObject *str_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  Py_ssize_t width;
  uint32_t fill;
  if (parse_width_fill("rjust", args, nargs, &width, &fill) < 0) return NULL;
  return pad(self, width - LEN(self), 0, fill);
}

static PyObject *str_zfill(PyObject *self, PyObject *arg) {
  Py_ssize_t width;
  if (arg_ssize(arg, &width) < 0) return NULL;
  Py_ssize_t n = LEN(self), fill = width - n;
  if (fill <= 0) return self_result(self);
  PyObject *r = pad(self, fill, 0, '0');
  if (!r) return NULL;
  /* r is fresh (fill > 0): move a leading sign in front of the zeros. */
  int k = KIND(r);
  void *d = DATA(r);
  uint32_t c = wf_str_read(k, d, fill);
  if (c == '+' || c == '-') {
    wf_str_write(k, d, 0, c);
    wf_str_write(k, d, fill, '0');
  }
  return r;
}

static PyObject *str_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"tabsize"};
  PyObject *out[1];
  if (kw_parse("expandtabs", args, nargs, kwnames, names, 1, out) < 0) return NULL;
  int tabsize = 8;
  if (out[0] && arg_int(out[0], &tabsize) < 0) return NULL;
  Py_ssize_t n = LEN(self);
  int k = KIND(self);
  const void *d = DATA(self);
  bool any = false;
  for (Py_ssize_t i = 0; i < n && !any; i++) any = wf_str_read(k, d, i) == '\t';
  if (!any) return self_result(self);
  wf_strbuf b;
  wf_strbuf_init(&b, n + 16);
  Py_ssize_t col = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read(k, d, i);
    int rc;
    if (c == '\t') {
      if (tabsize > 0) {
        Py_ssize_t incr = tabsize - (col % tabsize);
        col += incr;
        rc = wf_strbuf_fill(&b, ' ', incr);
      } else
        rc = 0;
    } else {
      col++;
      if (c == '\n' || c == '\r') col = 0;
      rc = wf_strbuf_putc(&b, c);
    }
    if (rc < 0) {
      wf_strbuf_free(&b);
      return NULL;
    }
  }
  return wf_strbuf_finish(&b);
}

/* ---- Searching ------------------------------------------------------------------------------- */

static Py_ssize_t count_impl(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end, Py_ssize_t maxcount) {
  Py_ssize_t n = LEN(self), m = LEN(sub);
  adjust_indices(&start, &end, n);
  if (end - start < m) return 0;
  if (m == 0) return end - start + 1 < maxcount ? end - start + 1 : maxcount;
  Py_ssize_t cnt = 0, i = start;
  while (cnt < maxcount) {
    Py_ssize_t p = wf_str_find(self, sub, i, end, 1);
    if (p < 0) break;
    cnt++;
    i = p + m;
  }
  return cnt;
}

static PyObject *str_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  PyObject *sub;
  Py_ssize_t start, end;
  if (parse_sub_args("count", args, nargs, &sub, &start, &end) < 0) return NULL;
  if (!wf_str_check(sub)) return need_str(sub);
  return wf_int_from_ssize(count_impl(self, sub, start, end, PTRDIFF_MAX));
}

static Py_ssize_t find_impl(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int dir) {
  Py_ssize_t n = LEN(self);
  adjust_indices(&start, &end, n);
  if (end - start < LEN(sub)) return -1;
  return wf_str_find(self, sub, start, end, dir);
}

static PyObject *find_common(const char *name, PyObject *self, PyObject *const *args, Py_ssize_t nargs, int dir,
                             bool raise) {
  PyObject *sub;
  Py_ssize_t start, end;
  if (parse_sub_args(name, args, nargs, &sub, &start, &end) < 0) return NULL;
  if (!wf_str_check(sub)) return need_str(sub);
  Py_ssize_t r = find_impl(self, sub, start, end, dir);
  if (r < 0 && raise) return wf_err_set_string(&wf_ValueError_type, "substring not found");
  return wf_int_from_ssize(r);
}

static PyObject *str_find(PyObject *self, PyObject *const *a, Py_ssize_t n) { return find_common("find", self, a, n, 1, false); }
static PyObject *str_rfind(PyObject *self, PyObject *const *a, Py_ssize_t n) { return find_common("rfind", self, a, n, -1, false); }
static PyObject *str_index(PyObject *self, PyObject *const *a, Py_ssize_t n) { return find_common("index", self, a, n, 1, true); }
static PyObject *str_rindex(PyObject *self, PyObject *const *a, Py_ssize_t n) { return find_common("rindex", self, a, n, -1, true); }

static int tailmatch(PyObject *self, PyObject *sub, Py_ssize_t start, Py_ssize_t end, bool suffix) {
  Py_ssize_t n = LEN(self), m = LEN(sub);
  adjust_indices(&start, &end, n);
  end -= m;
  if (end < start) return 0;
  if (m == 0) return 1;
  Py_ssize_t off = suffix ? end : start;
  int ks = KIND(self), km = KIND(sub);
  const void *ds = DATA(self), *dm = DATA(sub);
  if (ks == km) return memcmp((const char *)ds + off * ks, dm, (size_t)(m * ks)) == 0;
  for (Py_ssize_t i = 0; i < m; i++)
    if (wf_str_read(ks, ds, off + i) != wf_str_read(km, dm, i)) return 0;
  return 1;
}

static PyObject *startsend(const char *name, PyObject *self, PyObject *const *args, Py_ssize_t nargs, bool suffix) {
  PyObject *sub;
  Py_ssize_t start, end;
  if (parse_sub_args(name, args, nargs, &sub, &start, &end) < 0) return NULL;
  if (wf_tuple_check(sub)) {
    for (Py_ssize_t i = 0; i < WF_SIZE(sub); i++) {
      PyObject *s = WF_TUPLE_GET(sub, i);
      if (!wf_str_check(s))
        return wf_err_format(&wf_TypeError_type, "tuple for %s must only contain str, not %.100s", name,
                             WF_TYPE(s)->tp_name);
      if (tailmatch(self, s, start, end, suffix)) return WF_TRUE;
    }
    return WF_FALSE;
  }
  if (!wf_str_check(sub))
    return wf_err_format(&wf_TypeError_type, "%s first arg must be str or a tuple of str, not %.100s", name,
                         WF_TYPE(sub)->tp_name);
  return wf_bool_from(tailmatch(self, sub, start, end, suffix));
}

static PyObject *str_startswith(PyObject *self, PyObject *const *a, Py_ssize_t n) { return startsend("startswith", self, a, n, false); }
static PyObject *str_endswith(PyObject *self, PyObject *const *a, Py_ssize_t n) { return startsend("endswith", self, a, n, true); }

/* ---- Stripping ------------------------------------------------------------------------------- */

static bool in_chars(PyObject *chars, uint32_t c) {
  Py_ssize_t n = LEN(chars);
  int k = KIND(chars);
  const void *d = DATA(chars);
  for (Py_ssize_t i = 0; i < n; i++)
    if (wf_str_read(k, d, i) == c) return true;
  return false;
}

static PyObject *strip_common(const char *name, PyObject *self, PyObject *const *args, Py_ssize_t nargs, bool left,
                              bool right) {
  if (clinic_nargs(name, nargs, 0, 1) < 0) return NULL;
  PyObject *chars = nargs ? args[0] : WF_NONE;
  if (chars != WF_NONE && !wf_str_check(chars))
    return wf_err_format(&wf_TypeError_type, "%s arg must be None or str", name);
  Py_ssize_t n = LEN(self), i = 0, j = n;
  int k = KIND(self);
  const void *d = DATA(self);
  if (chars == WF_NONE) {
    if (left)
      while (i < j && wf_uc_isspace(wf_str_read(k, d, i))) i++;
    if (right)
      while (j > i && wf_uc_isspace(wf_str_read(k, d, j - 1))) j--;
  } else {
    if (left)
      while (i < j && in_chars(chars, wf_str_read(k, d, i))) i++;
    if (right)
      while (j > i && in_chars(chars, wf_str_read(k, d, j - 1))) j--;
  }
  return wf_str_substr(self, i, j);
}

static PyObject *str_strip(PyObject *self, PyObject *const *a, Py_ssize_t n) { return strip_common("strip", self, a, n, true, true); }
static PyObject *str_lstrip(PyObject *self, PyObject *const *a, Py_ssize_t n) { return strip_common("lstrip", self, a, n, true, false); }
static PyObject *str_rstrip(PyObject *self, PyObject *const *a, Py_ssize_t n) { return strip_common("rstrip", self, a, n, false, true); }

static PyObject *str_removeprefix(PyObject *self, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "removeprefix() argument must be str, not %.100s", WF_TYPE(arg)->tp_name);
  if (tailmatch(self, arg, 0, PTRDIFF_MAX, false)) return wf_str_substr(self, LEN(arg), LEN(self));
  return self_result(self);
}

static PyObject *str_removesuffix(PyObject *self, PyObject *arg) {
  if (!wf_str_check(arg))
    return wf_err_format(&wf_TypeError_type, "removesuffix() argument must be str, not %.100s", WF_TYPE(arg)->tp_name);
  if (LEN(arg) && tailmatch(self, arg, 0, PTRDIFF_MAX, true)) return wf_str_substr(self, 0, LEN(self) - LEN(arg));
  return self_result(self);
}

/* ---- Splitting -------------------------------------------------------------------------------- */

static int append_sub(PyObject *list, PyObject *self, Py_ssize_t i, Py_ssize_t j) {
  PyObject *s = wf_str_substr(self, i, j);
  if (!s) return -1;
  return wf_list_append(list, s);
}

static int parse_split_args(const char *name, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                            PyObject **sep, Py_ssize_t *maxsplit) {
  static const char *const names[] = {"sep", "maxsplit"};
  PyObject *out[2];
  if (kw_parse(name, args, nargs, kwnames, names, 2, out) < 0) return -1;
  *sep = out[0] ? out[0] : WF_NONE;
  *maxsplit = -1;
  if (out[1] && arg_ssize(out[1], maxsplit) < 0) return -1;
  if (*maxsplit < 0) *maxsplit = PTRDIFF_MAX;
  if (*sep != WF_NONE) {
    if (!wf_str_check(*sep)) {
      wf_err_format(&wf_TypeError_type, "must be str or None, not %.100s", WF_TYPE(*sep)->tp_name);
      return -1;
    }
    if (LEN(*sep) == 0) {
      wf_err_set_string(&wf_ValueError_type, "empty separator");
      return -1;
    }
  }
  return 0;
}

static PyObject *str_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  PyObject *sep;
  Py_ssize_t maxsplit;
  if (parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
  PyObject *list = wf_list_new(0);
  if (!list) return NULL;
  Py_ssize_t n = LEN(self), i = 0;
  int k = KIND(self);
  const void *d = DATA(self);
  if (sep == WF_NONE) {
    while (maxsplit-- > 0) {
      while (i < n && wf_uc_isspace(wf_str_read(k, d, i))) i++;
      if (i == n) break;
      Py_ssize_t j = i;
      while (i < n && !wf_uc_isspace(wf_str_read(k, d, i))) i++;
      if (append_sub(list, self, j, i) < 0) return NULL;
    }
    if (i < n) {
      while (i < n && wf_uc_isspace(wf_str_read(k, d, i))) i++;
      if (i != n && append_sub(list, self, i, n) < 0) return NULL;
    }
    return list;
  }
  Py_ssize_t m = LEN(sep);
  if (k == 1 && m == 1 && KIND(sep) == 1) {
    /* one Latin-1 separator character: memchr (the common s.split(",")) */
    const uint8_t *b = d, c = *(const uint8_t *)DATA(sep);
    const uint8_t *q;
    while (maxsplit-- > 0 && (q = memchr(b + i, c, (size_t)(n - i)))) {
      if (append_sub(list, self, i, q - b) < 0) return NULL;
      i = q - b + 1;
    }
    if (append_sub(list, self, i, n) < 0) return NULL;
    return list;
  }
  while (maxsplit-- > 0) {
    Py_ssize_t p = wf_str_find(self, sep, i, n, 1);
    if (p < 0) break;
    if (append_sub(list, self, i, p) < 0) return NULL;
    i = p + m;
  }
  if (append_sub(list, self, i, n) < 0) return NULL;
  return list;
}

static int list_reverse(PyObject *list) {
  Py_ssize_t n = wf_list_size(list);
  for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
    PyObject *a = wf_list_get(list, i), *b = wf_list_get(list, j);
    if (wf_list_set(list, i, b) < 0 || wf_list_set(list, j, a) < 0) return -1;
  }
  return 0;
}

static PyObject *str_rsplit(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  PyObject *sep;
  Py_ssize_t maxsplit;
  if (parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0) return NULL;
  PyObject *list = wf_list_new(0);
  if (!list) return NULL;
  Py_ssize_t n = LEN(self), i = n;
  int k = KIND(self);
  const void *d = DATA(self);
  if (sep == WF_NONE) {
    while (maxsplit-- > 0) {
      while (i > 0 && wf_uc_isspace(wf_str_read(k, d, i - 1))) i--;
      if (i == 0) break;
      Py_ssize_t j = i;
      while (i > 0 && !wf_uc_isspace(wf_str_read(k, d, i - 1))) i--;
      if (append_sub(list, self, i, j) < 0) return NULL;
    }
    if (i > 0) {
      while (i > 0 && wf_uc_isspace(wf_str_read(k, d, i - 1))) i--;
      if (i != 0 && append_sub(list, self, 0, i) < 0) return NULL;
    }
  } else {
    Py_ssize_t m = LEN(sep);
    while (maxsplit-- > 0) {
      Py_ssize_t p = wf_str_find(self, sep, 0, i, -1);
      if (p < 0) break;
      if (append_sub(list, self, p + m, i) < 0) return NULL;
      i = p;
    }
    if (append_sub(list, self, 0, i) < 0) return NULL;
  }
  if (list_reverse(list) < 0) return NULL;
  return list;
}

static PyObject *str_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"keepends"};
  PyObject *out[1];
  if (kw_parse("splitlines", args, nargs, kwnames, names, 1, out) < 0) return NULL;
  int keepends = 0;
  if (out[0] && arg_int(out[0], &keepends) < 0) return NULL;
  PyObject *list = wf_list_new(0);
  if (!list) return NULL;
  Py_ssize_t n = LEN(self), i = 0;
  int k = KIND(self);
  const void *d = DATA(self);
  while (i < n) {
    Py_ssize_t j = i;
    while (i < n && !wf_uc_islinebreak(wf_str_read(k, d, i))) i++;
    Py_ssize_t eol = i;
    if (i < n) {
      if (wf_str_read(k, d, i) == '\r' && i + 1 < n && wf_str_read(k, d, i + 1) == '\n') i += 2;
      else i++;
      if (keepends) eol = i;
    }
    if (append_sub(list, self, j, eol) < 0) return NULL;
  }
  return list;
}

static PyObject *partition_common(PyObject *self, PyObject *sep, bool reverse) {
  if (!wf_str_check(sep)) return need_str(sep);
  if (LEN(sep) == 0) return wf_err_set_string(&wf_ValueError_type, "empty separator");
  Py_ssize_t n = LEN(self);
  Py_ssize_t p = wf_str_find(self, sep, 0, n, reverse ? -1 : 1);
  PyObject *e = wf_str_empty();
  if (p < 0) {
    PyObject *s = self_result(self);
    if (!s) return NULL;
    return reverse ? wf_tuple_pack(3, e, e, s) : wf_tuple_pack(3, s, e, e);
  }
  PyObject *a = wf_str_substr(self, 0, p);
  if (!a) return NULL;
  PyObject *b = wf_str_substr(self, p + LEN(sep), n);
  if (!b) return NULL;
  PyObject *m = wf_str_exact(sep);
  if (!m) return NULL;
  return wf_tuple_pack(3, a, m, b);
}

static PyObject *str_partition(PyObject *self, PyObject *sep) { return partition_common(self, sep, false); }
static PyObject *str_rpartition(PyObject *self, PyObject *sep) { return partition_common(self, sep, true); }

/* ---- replace ---------------------------------------------------------------------------------- */

static PyObject *str_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (clinic_nargs("replace", nargs, 2, 3) < 0) return NULL;
  PyObject *old = args[0], *new = args[1];
  if (!wf_str_check(old))
    return wf_err_format(&wf_TypeError_type, "replace() argument 1 must be str, not %.100s", WF_TYPE(old)->tp_name);
  if (!wf_str_check(new))
    return wf_err_format(&wf_TypeError_type, "replace() argument 2 must be str, not %.100s", WF_TYPE(new)->tp_name);
  Py_ssize_t count = -1;
  if (nargs > 2 && arg_ssize(args[2], &count) < 0) return NULL;
  if (count < 0) count = PTRDIFF_MAX;
  Py_ssize_t n = LEN(self), m = LEN(old);
  if (count == 0 || m > n) return self_result(self);
  wf_strbuf b;
  wf_strbuf_init(&b, n);
  int rc = 0;
  if (m == 0) {
    Py_ssize_t i = 0;
    for (; i < n && count > 0; i++, count--) {
      if ((rc = wf_strbuf_put_str(&b, new)) < 0 || (rc = wf_strbuf_putc(&b, READ(self, i))) < 0) break;
    }
    if (rc == 0 && count > 0) rc = wf_strbuf_put_str(&b, new);
    if (rc == 0) rc = wf_strbuf_put_substr(&b, self, i, n);
  } else {
    Py_ssize_t i = 0, done = 0;
    while (done < count) {
      Py_ssize_t p = wf_str_find(self, old, i, n, 1);
      if (p < 0) break;
      if ((rc = wf_strbuf_put_substr(&b, self, i, p)) < 0 || (rc = wf_strbuf_put_str(&b, new)) < 0) break;
      i = p + m;
      done++;
    }
    if (rc == 0 && done == 0) {
      wf_strbuf_free(&b);
      return self_result(self);
    }
    if (rc == 0) rc = wf_strbuf_put_substr(&b, self, i, n);
  }
  if (rc < 0) {
    wf_strbuf_free(&b);
    return NULL;
  }
  return wf_strbuf_finish(&b);
}

/* ---- join --------------------------------------------------------------------------------------- */

PyObject *wf_str_join(PyObject *sep, PyObject *iterable) {
  PyObject *seq;
  if (wf_tuple_check(iterable)) seq = iterable;
  else if (wf_list_check(iterable)) seq = wf_list_as_tuple(iterable); /* a snapshot */
  else {
    /* PySequence_Fast: only a failing iter() is reworded. */
    PyObject *it = wf_object_getiter(iterable);
    if (!it) {
      if (wf_err_matches(&wf_TypeError_type)) wf_err_set_string(&wf_TypeError_type, "can only join an iterable");
      return NULL;
    }
    seq = wf_sequence_tuple(it);
  }
  if (!seq) return NULL;
  Py_ssize_t cnt = WF_SIZE(seq);
  if (cnt == 0) return wf_str_empty();
  PyObject *const *items = WF_TUPLE_ITEMS(seq);
  if (cnt == 1 && wf_str_check_exact(items[0])) return items[0];
  Py_ssize_t seplen = LEN(sep), total = 0;
  uint32_t maxchar = wf_str_is_ascii(sep) ? 0 : wf_str_max_char(KIND(sep), DATA(sep), seplen);
  bool ascii = wf_str_is_ascii(sep);
  for (Py_ssize_t i = 0; i < cnt; i++) {
    PyObject *it = items[i];
    if (!wf_str_check(it))
      return wf_err_format(&wf_TypeError_type, "sequence item %zd: expected str instance, %.80s found", i,
                           WF_TYPE(it)->tp_name);
    Py_ssize_t l = LEN(it);
    if (l > PTRDIFF_MAX - total - (i ? seplen : 0))
      return wf_err_set_string(&wf_OverflowError_type, "join() result is too long for a Python string");
    total += l + (i ? seplen : 0);
    if (!wf_str_is_ascii(it)) {
      ascii = false;
      int k = KIND(it);
      uint32_t km = k == 1 ? 0xFF : k == 2 ? 0xFFFF : 0x10FFFF;
      if (km > maxchar) {
        uint32_t m = wf_str_max_char(k, DATA(it), l);
        if (m > maxchar) maxchar = m;
      }
    }
  }
  if (ascii) maxchar = 127;
  else if (maxchar < 128) maxchar = 128; /* non-ASCII latin-1 somewhere */
  PyObject *r = wf_str_new(total, maxchar);
  if (!r || total == 0) return r;
  int rk = KIND(r);
  char *out = DATA(r);
  Py_ssize_t pos = 0;
  for (Py_ssize_t i = 0; i < cnt; i++) {
    if (i && seplen) {
      wf_str_copy_kind(rk, out + pos * rk, KIND(sep), DATA(sep), seplen);
      pos += seplen;
    }
    PyObject *it = items[i];
    wf_str_copy_kind(rk, out + pos * rk, KIND(it), DATA(it), LEN(it));
    pos += LEN(it);
  }
  return r;
}

static PyObject *str_join(PyObject *self, PyObject *iterable) { return wf_str_join(self, iterable); }

/* ---- translate / maketrans -------------------------------------------------------------------- */

static PyObject *str_translate(PyObject *self, PyObject *table) {
  Py_ssize_t n = LEN(self);
  wf_strbuf b;
  wf_strbuf_init(&b, n);
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = READ(self, i);
    PyObject *key = wf_int_from_ssize((Py_ssize_t)c);
    if (!key) goto fail;
    WF_GC_ROOT(key);
    PyObject *v = wf_object_getitem(table, key);
    if (!v) {
      if (!wf_err_matches(&wf_LookupError_type)) goto fail;
      wf_err_clear();
      if (wf_strbuf_putc(&b, c) < 0) goto fail;
      continue;
    }
    if (v == WF_NONE) continue;
    if (wf_int_check(v)) {
      Py_ssize_t x = wf_number_as_ssize_t(v, NULL);
      if (x < 0 || x > 0x10FFFF) {
        wf_err_set_string(&wf_ValueError_type, "character mapping must be in range(0x110000)");
        goto fail;
      }
      if (wf_strbuf_putc(&b, (uint32_t)x) < 0) goto fail;
    } else if (wf_str_check(v)) {
      if (wf_strbuf_put_str(&b, v) < 0) goto fail;
    } else {
      wf_err_set_string(&wf_TypeError_type, "character mapping must return integer, None or str");
      goto fail;
    }
  }
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

static PyObject *str_maketrans(PyObject *unused, PyObject *const *args, Py_ssize_t nargs) {
  if (clinic_nargs("maketrans", nargs, 1, 3) < 0) return NULL;
  PyObject *x = args[0];
  PyObject *d = wf_dict_new();
  if (!d) return NULL;
  WF_GC_ROOT(d);
  if (nargs == 1) {
    if (!wf_dict_check(x))
      return wf_err_set_string(&wf_TypeError_type, "if you give only one argument to maketrans it must be a dict");
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (wf_dict_next(x, &pos, &k, &v)) {
      PyObject *key;
      if (wf_str_check(k)) {
        if (LEN(k) != 1)
          return wf_err_set_string(&wf_ValueError_type, "string keys in translate table must be of length 1");
        key = wf_int_from_ssize(READ(k, 0));
      } else if (wf_int_check(k))
        key = k;
      else
        return wf_err_set_string(&wf_TypeError_type, "keys in translate table must be strings or integers");
      if (!key || wf_dict_setitem(d, key, v) < 0) return NULL;
    }
    return d;
  }
  PyObject *y = args[1];
  if (!wf_str_check(x))
    return wf_err_set_string(&wf_TypeError_type, "first maketrans argument must be a string if there is a second argument");
  if (!wf_str_check(y))
    return wf_err_format(&wf_TypeError_type, "maketrans() argument 2 must be str, not %.100s", WF_TYPE(y)->tp_name);
  if (nargs > 2 && !wf_str_check(args[2]))
    return wf_err_format(&wf_TypeError_type, "maketrans() argument 3 must be str, not %.100s", WF_TYPE(args[2])->tp_name);
  if (LEN(x) != LEN(y))
    return wf_err_set_string(&wf_ValueError_type, "the first two maketrans arguments must have equal length");
  for (Py_ssize_t i = 0; i < LEN(x); i++) {
    PyObject *k = wf_int_from_ssize(READ(x, i));
    if (!k) return NULL;
    PyObject *v = wf_int_from_ssize(READ(y, i));
    if (!v || wf_dict_setitem(d, k, v) < 0) return NULL;
  }
  if (nargs > 2) {
    PyObject *z = args[2];
    for (Py_ssize_t i = 0; i < LEN(z); i++) {
      PyObject *k = wf_int_from_ssize(READ(z, i));
      if (!k || wf_dict_setitem(d, k, WF_NONE) < 0) return NULL;
    }
  }
  return d;
}

/* ---- encode, misc ------------------------------------------------------------------------------ */

static PyObject *str_encode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"encoding", "errors"};
  PyObject *out[2];
  if (kw_parse("encode", args, nargs, kwnames, names, 2, out) < 0) return NULL;
  const char *enc = NULL, *errs = NULL;
  if (out[0]) {
    if (!wf_str_check(out[0]))
      return wf_err_format(&wf_TypeError_type, "encode() argument 'encoding' must be str, not %.100s",
                           WF_TYPE(out[0])->tp_name);
    if (!(enc = wf_str_as_utf8(out[0], NULL))) return NULL;
  }
  if (out[1]) {
    if (!wf_str_check(out[1]))
      return wf_err_format(&wf_TypeError_type, "encode() argument 'errors' must be str, not %.100s",
                           WF_TYPE(out[1])->tp_name);
    if (!(errs = wf_str_as_utf8(out[1], NULL))) return NULL;
  }
  return wf_str_encode(self, enc, errs);
}

static PyObject *str_getnewargs(PyObject *self, PyObject *unused) {
  PyObject *s = wf_str_exact(self);
  if (!s) return NULL;
  if (s == self) s = wf_str_from_kind(KIND(self), DATA(self), LEN(self));
  return wf_tuple_pack(1, s);
}

static PyObject *str_sizeof(PyObject *self, PyObject *unused) {
  Py_ssize_t size;
  PyASCIIObject *a = (PyASCIIObject *)self;
  if (a->state.compact)
    size = (a->state.ascii ? (Py_ssize_t)sizeof(PyASCIIObject) : (Py_ssize_t)sizeof(PyCompactUnicodeObject)) +
           (a->length + 1) * a->state.kind;
  else
    size = WF_TYPE(self)->tp_basicsize + (a->length + 1) * a->state.kind;
  if (!a->state.ascii) {
    PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)self;
    if (WF_GC_LOAD(&c->utf8)) size += __atomic_load_n(&c->utf8_length, __ATOMIC_RELAXED) + 1;
  }
  return wf_int_from_ssize(size);
}

/* Formatting entry points (str_format.c). */
PyObject *wf_str_method_format(PyObject *self, PyObject *args, PyObject *kwargs);
PyObject *wf_str_method_format_map(PyObject *self, PyObject *mapping);
PyObject *wf_str_method_dunder_format(PyObject *self, PyObject *spec);

#define NOARGS(name, fn, doc) {name, (PyCFunction)(fn), METH_NOARGS, doc}
#define FAST(name, fn, doc) {name, (PyCFunction)(void (*)(void))(fn), METH_FASTCALL, doc}
#define FASTKW(name, fn, doc) {name, (PyCFunction)(void (*)(void))(fn), METH_FASTCALL | METH_KEYWORDS, doc}
#define ONE(name, fn, doc) {name, (PyCFunction)(fn), METH_O, doc}

PyMethodDef wf_str_methods[] = {
    FASTKW("encode", str_encode, "Encode the string using the codec registered for encoding."),
    NOARGS("capitalize", str_capitalize, "Return a capitalized version of the string."),
    NOARGS("casefold", str_casefold, "Return a version of the string suitable for caseless comparisons."),
    FAST("center", str_center, "Return a centered string of length width."),
    FAST("count", str_count, "S.count(sub[, start[, end]]) -> int"),
    FAST("endswith", str_endswith, "S.endswith(suffix[, start[, end]]) -> bool"),
    FASTKW("expandtabs", str_expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    FAST("find", str_find, "S.find(sub[, start[, end]]) -> int"),
    {"format", (PyCFunction)(void (*)(void))wf_str_method_format, METH_VARARGS | METH_KEYWORDS,
     "S.format(*args, **kwargs) -> str"},
    ONE("format_map", wf_str_method_format_map, "S.format_map(mapping) -> str"),
    ONE("__format__", wf_str_method_dunder_format, "Return a formatted version of the string as described by format_spec."),
    FAST("index", str_index, "S.index(sub[, start[, end]]) -> int"),
    NOARGS("isascii", str_isascii, "Return True if all characters in the string are ASCII, False otherwise."),
    NOARGS("islower", str_islower, "Return True if the string is a lowercase string, False otherwise."),
    NOARGS("isupper", str_isupper, "Return True if the string is an uppercase string, False otherwise."),
    NOARGS("istitle", str_istitle, "Return True if the string is a title-cased string, False otherwise."),
    NOARGS("isspace", str_isspace, "Return True if the string is a whitespace string, False otherwise."),
    NOARGS("isdecimal", str_isdecimal, "Return True if the string is a decimal string, False otherwise."),
    NOARGS("isdigit", str_isdigit, "Return True if the string is a digit string, False otherwise."),
    NOARGS("isnumeric", str_isnumeric, "Return True if the string is a numeric string, False otherwise."),
    NOARGS("isalpha", str_isalpha, "Return True if the string is an alphabetic string, False otherwise."),
    NOARGS("isalnum", str_isalnum, "Return True if the string is an alpha-numeric string, False otherwise."),
    NOARGS("isidentifier", str_isidentifier, "Return True if the string is a valid Python identifier, False otherwise."),
    NOARGS("isprintable", str_isprintable, "Return True if the string is printable, False otherwise."),
    ONE("join", str_join, "Concatenate any number of strings."),
    FAST("ljust", str_ljust, "Return a left-justified string of length width."),
    NOARGS("lower", str_lower, "Return a copy of the string converted to lowercase."),
    FAST("lstrip", str_lstrip, "Return a copy of the string with leading whitespace removed."),
    {"maketrans", (PyCFunction)(void (*)(void))str_maketrans, METH_FASTCALL | METH_STATIC,
     "Return a translation table usable for str.translate()."},
    ONE("partition", str_partition, "Partition the string into three parts using the given separator."),
    FAST("replace", str_replace, "Return a copy with all occurrences of substring old replaced by new."),
    ONE("removeprefix", str_removeprefix, "Return a str with the given prefix string removed if present."),
    ONE("removesuffix", str_removesuffix, "Return a str with the given suffix string removed if present."),
    FAST("rfind", str_rfind, "S.rfind(sub[, start[, end]]) -> int"),
    FAST("rindex", str_rindex, "S.rindex(sub[, start[, end]]) -> int"),
    FAST("rjust", str_rjust, "Return a right-justified string of length width."),
    FAST("rstrip", str_rstrip, "Return a copy of the string with trailing whitespace removed."),
    ONE("rpartition", str_rpartition, "Partition the string into three parts using the given separator."),
    FASTKW("rsplit", str_rsplit, "Return a list of the substrings in the string, using sep as the separator string."),
    FASTKW("split", str_split, "Return a list of the substrings in the string, using sep as the separator string."),
    FASTKW("splitlines", str_splitlines, "Return a list of the lines in the string, breaking at line boundaries."),
    FAST("startswith", str_startswith, "S.startswith(prefix[, start[, end]]) -> bool"),
    FAST("strip", str_strip, "Return a copy of the string with leading and trailing whitespace removed."),
    NOARGS("swapcase", str_swapcase, "Convert uppercase characters to lowercase and lowercase characters to uppercase."),
    NOARGS("title", str_title, "Return a version of the string where each word is titlecased."),
    ONE("translate", str_translate, "Replace each character in the string using the given translation table."),
    NOARGS("upper", str_upper, "Return a copy of the string converted to uppercase."),
    ONE("zfill", str_zfill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
    NOARGS("__sizeof__", str_sizeof, "Return the size of the string in memory, in bytes."),
    NOARGS("__getnewargs__", str_getnewargs, NULL),
    {NULL, NULL, 0, NULL},
};
