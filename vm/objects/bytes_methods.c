/* The methods bytes and bytearray share (python3.11's semantics and
 * messages). `self` is a bytes or a bytearray: a bytearray is read through a
 * snapshot taken under its lock, and results of the sequence type are made
 * of self's base type (bytes or bytearray). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

int wf_bytes_byte_value(PyObject *o);

typedef struct {
  const char *d;
  Py_ssize_t n;
  PyObject *keep;
} bv;

#define VIEW(self, v)                                                        \
  bv v = {NULL, 0, NULL};                                                    \
  WF_GC_ROOT(v.keep);                                                        \
  if (wf_byteslike_view((self), &v.d, &v.n, &v.keep) < 0) return NULL

static PyObject *mk(PyObject *self, const char *d, Py_ssize_t n) {
  if (wf_bytearray_check(self)) return wf_bytearray_from_data(d, n);
  return wf_bytes_from_data(d ? d : "", n);
}

static PyObject *mk_self(PyObject *self, bv *v) {
  if (wf_bytes_check_exact(self)) return self;
  return mk(self, v->d, v->n);
}

static inline bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
static inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline unsigned char to_lower(unsigned char c) { return is_upper(c) ? c + 32 : c; }
static inline unsigned char to_upper(unsigned char c) { return is_lower(c) ? c - 32 : c; }

/* ---- Case ------------------------------------------------------------------------ */

enum { C_LOWER, C_UPPER, C_SWAP, C_CAP, C_TITLE };

static PyObject *case_map(PyObject *self, int how) {
  VIEW(self, v);
  char *o = malloc((size_t)v.n + 1);
  if (!o) return wf_err_no_memory();
  bool prev_cased = false;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    unsigned char c = (unsigned char)v.d[i];
    switch (how) {
      case C_LOWER: c = to_lower(c); break;
      case C_UPPER: c = to_upper(c); break;
      case C_SWAP: c = is_upper(c) ? to_lower(c) : to_upper(c); break;
      case C_CAP: c = i == 0 ? to_upper(c) : to_lower(c); break;
      case C_TITLE:
        if (is_alpha(c)) {
          c = prev_cased ? to_lower(c) : to_upper(c);
          prev_cased = true;
        } else {
          prev_cased = false;
        }
        break;
    }
    o[i] = (char)c;
  }
  PyObject *r = mk(self, o, v.n);
  free(o);
  return r;
}

static PyObject *m_lower(PyObject *s, PyObject *u) { return case_map(s, C_LOWER); }
static PyObject *m_upper(PyObject *s, PyObject *u) { return case_map(s, C_UPPER); }
static PyObject *m_swapcase(PyObject *s, PyObject *u) { return case_map(s, C_SWAP); }
static PyObject *m_capitalize(PyObject *s, PyObject *u) { return case_map(s, C_CAP); }
static PyObject *m_title(PyObject *s, PyObject *u) { return case_map(s, C_TITLE); }

/* ---- Predicates -------------------------------------------------------------------- */

enum { P_ALNUM, P_ALPHA, P_ASCII, P_DIGIT, P_SPACE };

static PyObject *pred(PyObject *self, int which) {
  VIEW(self, v);
  if (v.n == 0) return wf_bool_from(which == P_ASCII);
  for (Py_ssize_t i = 0; i < v.n; i++) {
    unsigned char c = (unsigned char)v.d[i];
    bool ok;
    switch (which) {
      case P_ALNUM: ok = is_alpha(c) || is_digit(c); break;
      case P_ALPHA: ok = is_alpha(c); break;
      case P_ASCII: ok = c < 128; break;
      case P_DIGIT: ok = is_digit(c); break;
      default: ok = is_space(c); break;
    }
    if (!ok) return WF_FALSE;
  }
  return WF_TRUE;
}

static PyObject *m_isalnum(PyObject *s, PyObject *u) { return pred(s, P_ALNUM); }
static PyObject *m_isalpha(PyObject *s, PyObject *u) { return pred(s, P_ALPHA); }
static PyObject *m_isascii(PyObject *s, PyObject *u) { return pred(s, P_ASCII); }
static PyObject *m_isdigit(PyObject *s, PyObject *u) { return pred(s, P_DIGIT); }
static PyObject *m_isspace(PyObject *s, PyObject *u) { return pred(s, P_SPACE); }

static PyObject *m_islower(PyObject *self, PyObject *u) {
  VIEW(self, v);
  bool cased = false;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    if (is_upper((unsigned char)v.d[i])) return WF_FALSE;
    if (is_lower((unsigned char)v.d[i])) cased = true;
  }
  return wf_bool_from(cased);
}

static PyObject *m_isupper(PyObject *self, PyObject *u) {
  VIEW(self, v);
  bool cased = false;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    if (is_lower((unsigned char)v.d[i])) return WF_FALSE;
    if (is_upper((unsigned char)v.d[i])) cased = true;
  }
  return wf_bool_from(cased);
}

static PyObject *m_istitle(PyObject *self, PyObject *u) {
  VIEW(self, v);
  bool cased = false, prev = false;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    unsigned char c = (unsigned char)v.d[i];
    if (is_upper(c)) {
      if (prev) return WF_FALSE;
      prev = cased = true;
    } else if (is_lower(c)) {
      if (!prev) return WF_FALSE;
      prev = cased = true;
    } else {
      prev = false;
    }
  }
  return wf_bool_from(cased);
}

/* ---- Searching ------------------------------------------------------------------------- */

/* Index of s in h[start:end) or -1; dir > 0 first, dir < 0 last. start/end
 * already clamped to [0, hn]. */
Py_ssize_t wf_bytes_find_data(const char *h, Py_ssize_t hn, const char *s, Py_ssize_t sn, Py_ssize_t start, Py_ssize_t end,
                              int dir) {
  (void)hn;
  if (end - start < sn) return -1;
  if (sn == 0) return dir > 0 ? start : end;
  if (dir > 0) {
    if (sn == 1) {
      const char *p = memchr(h + start, s[0], (size_t)(end - start));
      return p ? p - h : -1;
    }
    const char *p = memmem(h + start, (size_t)(end - start), s, (size_t)sn);
    return p ? p - h : -1;
  }
  for (Py_ssize_t i = end - sn; i >= start; i--)
    if (h[i] == s[0] && memcmp(h + i, s, (size_t)sn) == 0) return i;
  return -1;
}

static void adjust(Py_ssize_t n, Py_ssize_t *start, Py_ssize_t *end) {
  if (*end > n)
    *end = n;
  else if (*end < 0) {
    *end += n;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += n;
    if (*start < 0) *start = 0;
  }
}

/* Parse (sub[, start[, end]]): sub as bytes-like or int. */
static int parse_sub_args(const char *fname, PyObject *const *args, Py_ssize_t nargs, char *byte, bv *sub, Py_ssize_t *start,
                          Py_ssize_t *end) {
  if (nargs < 1) {
    wf_err_format(&wf_TypeError_type, "%s expected at least 1 argument, got %zd", fname, nargs);
    return -1;
  }
  if (nargs > 3) {
    wf_err_format(&wf_TypeError_type, "%s expected at most 3 arguments, got %zd", fname, nargs);
    return -1;
  }
  *start = 0;
  *end = WF_SSIZE_MAX;
  if (nargs > 1 && wf_slice_index(args[1], start) < 0) return -1;
  if (nargs > 2 && wf_slice_index(args[2], end) < 0) return -1;
  if (wf_index_check(args[0])) {
    int b = wf_bytes_byte_value(args[0]);
    if (b < 0) return -1;
    *byte = (char)b;
    sub->d = byte;
    sub->n = 1;
    return 0;
  }
  return wf_byteslike_view(args[0], &sub->d, &sub->n, &sub->keep);
}

static PyObject *find_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *fname, int dir, bool raise) {
  WF_GC_ROOT(self);
  bv sub = {NULL, 0, NULL};
  WF_GC_ROOT(sub.keep);
  char byte;
  Py_ssize_t start, end;
  if (parse_sub_args(fname, args, nargs, &byte, &sub, &start, &end) < 0) return NULL;
  VIEW(self, v);
  adjust(v.n, &start, &end);
  Py_ssize_t r = start > v.n ? -1 : wf_bytes_find_data(v.d, v.n, sub.d, sub.n, start, end, dir);
  if (r < 0 && raise) return wf_err_set_string(&wf_ValueError_type, "subsection not found");
  return wf_int_from_ssize(r);
}

static PyObject *m_find(PyObject *s, PyObject *const *a, Py_ssize_t n) { return find_impl(s, a, n, "find", 1, false); }
static PyObject *m_rfind(PyObject *s, PyObject *const *a, Py_ssize_t n) { return find_impl(s, a, n, "rfind", -1, false); }
static PyObject *m_index(PyObject *s, PyObject *const *a, Py_ssize_t n) { return find_impl(s, a, n, "index", 1, true); }
static PyObject *m_rindex(PyObject *s, PyObject *const *a, Py_ssize_t n) { return find_impl(s, a, n, "rindex", -1, true); }

static PyObject *m_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  WF_GC_ROOT(self);
  bv sub = {NULL, 0, NULL};
  WF_GC_ROOT(sub.keep);
  char byte;
  Py_ssize_t start, end;
  if (parse_sub_args("count", args, nargs, &byte, &sub, &start, &end) < 0) return NULL;
  VIEW(self, v);
  adjust(v.n, &start, &end);
  if (start > v.n) return wf_int_from_ssize(0);
  if (sub.n == 0) return wf_int_from_ssize(start <= end ? end - start + 1 : 0);
  Py_ssize_t c = 0, i = start;
  for (;;) {
    Py_ssize_t r = wf_bytes_find_data(v.d, v.n, sub.d, sub.n, i, end, 1);
    if (r < 0) break;
    c++;
    i = r + sub.n;
  }
  return wf_int_from_ssize(c);
}

static PyObject *starts_ends(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *fname, bool ends) {
  if (wf_arg_check_positional(fname, nargs, 1, 3) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t start = 0, end = WF_SSIZE_MAX;
  if (nargs > 1 && wf_slice_index(args[1], &start) < 0) return NULL;
  if (nargs > 2 && wf_slice_index(args[2], &end) < 0) return NULL;
  VIEW(self, v);
  adjust(v.n, &start, &end);
  PyObject *x = args[0];
  Py_ssize_t cnt = wf_tuple_check(x) ? WF_SIZE(x) : 1;
  for (Py_ssize_t k = 0; k < cnt; k++) {
    PyObject *p = wf_tuple_check(x) ? WF_TUPLE_GET(x, k) : x;
    bv pv = {NULL, 0, NULL};
    WF_GC_ROOT(pv.keep);
    if (!wf_byteslike_check(p)) {
      if (wf_tuple_check(x))
        return wf_err_format(&wf_TypeError_type, "a bytes-like object is required, not '%.100s'", WF_TYPE(p)->tp_name);
      return wf_err_format(&wf_TypeError_type, "%s first arg must be bytes or a tuple of bytes, not %.100s", fname, WF_TYPE(p)->tp_name);
    }
    if (wf_byteslike_view(p, &pv.d, &pv.n, &pv.keep) < 0) return NULL;
    if (start > v.n || end - start < pv.n) continue;
    const char *at = ends ? v.d + end - pv.n : v.d + start;
    if (pv.n == 0 || memcmp(at, pv.d, (size_t)pv.n) == 0) return WF_TRUE;
  }
  return WF_FALSE;
}

static PyObject *m_startswith(PyObject *s, PyObject *const *a, Py_ssize_t n) { return starts_ends(s, a, n, "startswith", false); }
static PyObject *m_endswith(PyObject *s, PyObject *const *a, Py_ssize_t n) { return starts_ends(s, a, n, "endswith", true); }

/* ---- Stripping ----------------------------------------------------------------------------- */

static PyObject *strip_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *fname, bool left, bool right) {
  if (wf_arg_check_positional(fname, nargs, 0, 1) < 0) return NULL;
  WF_GC_ROOT(self);
  bv cv = {NULL, 0, NULL};
  WF_GC_ROOT(cv.keep);
  bool ws = nargs == 0 || args[0] == WF_NONE;
  if (!ws && wf_byteslike_view(args[0], &cv.d, &cv.n, &cv.keep) < 0) return NULL;
  VIEW(self, v);
  Py_ssize_t a = 0, b = v.n;
#define STRIPPABLE(c) (ws ? is_space((unsigned char)(c)) : (cv.n > 0 && memchr(cv.d, (c), (size_t)cv.n) != NULL))
  if (left)
    while (a < b && STRIPPABLE(v.d[a])) a++;
  if (right)
    while (b > a && STRIPPABLE(v.d[b - 1])) b--;
#undef STRIPPABLE
  if (a == 0 && b == v.n) return mk_self(self, &v);
  return mk(self, v.d + a, b - a);
}

static PyObject *m_strip(PyObject *s, PyObject *const *a, Py_ssize_t n) { return strip_impl(s, a, n, "strip", true, true); }
static PyObject *m_lstrip(PyObject *s, PyObject *const *a, Py_ssize_t n) { return strip_impl(s, a, n, "lstrip", true, false); }
static PyObject *m_rstrip(PyObject *s, PyObject *const *a, Py_ssize_t n) { return strip_impl(s, a, n, "rstrip", false, true); }

/* ---- Splitting ----------------------------------------------------------------------------- */

static int append_piece(PyObject *list, PyObject *self, const char *d, Py_ssize_t n) {
  PyObject *p = mk(self, d, n);
  if (!p) return -1;
  return wf_list_append(list, p);
}

static PyObject *split_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, bool rev) {
  static const char *const names[] = {"sep", "maxsplit", NULL};
  PyObject *a[2] = {NULL, NULL};
  if (wf_arg_unpack(rev ? "rsplit" : "split", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t maxsplit = -1;
  if (a[1]) {
    maxsplit = wf_number_as_ssize_t(a[1], &wf_OverflowError_type);
    if (maxsplit == -1 && wf_err_occurred()) return NULL;
  }
  if (maxsplit < 0) maxsplit = WF_SSIZE_MAX;
  bv sep = {NULL, 0, NULL};
  WF_GC_ROOT(sep.keep);
  bool ws = !a[0] || a[0] == WF_NONE;
  if (!ws) {
    if (wf_byteslike_view(a[0], &sep.d, &sep.n, &sep.keep) < 0) return NULL;
    if (sep.n == 0) return wf_err_set_string(&wf_ValueError_type, "empty separator");
  }
  VIEW(self, v);
  PyObject *list = wf_list_new(0);
  WF_GC_ROOT(list);
  Py_ssize_t count = 0;
  if (ws) {
    if (!rev) {
      Py_ssize_t i = 0;
      while (i < v.n) {
        while (i < v.n && is_space((unsigned char)v.d[i])) i++;
        if (i == v.n) break;
        if (count == maxsplit) {
          Py_ssize_t j = v.n;
          while (j > i && is_space((unsigned char)v.d[j - 1])) j--;
          if (i == 0 && j == v.n && wf_bytes_check_exact(self)) {
            wf_list_append(list, self);
          } else if (append_piece(list, self, v.d + i, j - i) < 0)
            return NULL;
          break;
        }
        Py_ssize_t j = i;
        while (j < v.n && !is_space((unsigned char)v.d[j])) j++;
        if (i == 0 && j == v.n && wf_bytes_check_exact(self))
          wf_list_append(list, self);
        else if (append_piece(list, self, v.d + i, j - i) < 0)
          return NULL;
        count++;
        i = j;
      }
    } else {
      Py_ssize_t i = v.n;
      while (i > 0) {
        while (i > 0 && is_space((unsigned char)v.d[i - 1])) i--;
        if (i == 0) break;
        if (count == maxsplit) {
          Py_ssize_t j = 0;
          while (j < i && is_space((unsigned char)v.d[j])) j++;
          if (append_piece(list, self, v.d + j, i - j) < 0) return NULL;
          break;
        }
        Py_ssize_t j = i;
        while (j > 0 && !is_space((unsigned char)v.d[j - 1])) j--;
        if (append_piece(list, self, v.d + j, i - j) < 0) return NULL;
        count++;
        i = j;
      }
      wf_list_reverse(list);
    }
    return list;
  }
  if (!rev) {
    Py_ssize_t i = 0;
    while (count < maxsplit) {
      Py_ssize_t r = wf_bytes_find_data(v.d, v.n, sep.d, sep.n, i, v.n, 1);
      if (r < 0) break;
      if (append_piece(list, self, v.d + i, r - i) < 0) return NULL;
      i = r + sep.n;
      count++;
    }
    if (i == 0 && wf_bytes_check_exact(self))
      wf_list_append(list, self);
    else if (append_piece(list, self, v.d + i, v.n - i) < 0)
      return NULL;
  } else {
    Py_ssize_t j = v.n;
    while (count < maxsplit) {
      Py_ssize_t r = wf_bytes_find_data(v.d, v.n, sep.d, sep.n, 0, j, -1);
      if (r < 0) break;
      if (append_piece(list, self, v.d + r + sep.n, j - r - sep.n) < 0) return NULL;
      j = r;
      count++;
    }
    if (j == v.n && wf_bytes_check_exact(self))
      wf_list_append(list, self);
    else if (append_piece(list, self, v.d, j) < 0)
      return NULL;
    wf_list_reverse(list);
  }
  return list;
}

static PyObject *m_split(PyObject *s, PyObject *const *a, Py_ssize_t n, PyObject *kw) { return split_impl(s, a, n, kw, false); }
static PyObject *m_rsplit(PyObject *s, PyObject *const *a, Py_ssize_t n, PyObject *kw) { return split_impl(s, a, n, kw, true); }

static PyObject *m_splitlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"keepends", NULL};
  PyObject *a[1] = {NULL};
  if (wf_arg_unpack("splitlines", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  WF_GC_ROOT(self);
  int keep = 0;
  if (a[0]) {
    keep = wf_object_is_true(a[0]);
    if (keep < 0) return NULL;
  }
  VIEW(self, v);
  PyObject *list = wf_list_new(0);
  WF_GC_ROOT(list);
  Py_ssize_t i = 0;
  while (i < v.n) {
    Py_ssize_t j = i;
    while (j < v.n && v.d[j] != '\n' && v.d[j] != '\r') j++;
    Py_ssize_t eol = j;
    if (j < v.n) {
      if (v.d[j] == '\r' && j + 1 < v.n && v.d[j + 1] == '\n')
        j += 2;
      else
        j++;
      if (keep) eol = j;
    }
    if (i == 0 && j == v.n && eol == v.n && wf_bytes_check_exact(self))
      wf_list_append(list, self);
    else if (append_piece(list, self, v.d + i, eol - i) < 0)
      return NULL;
    i = j;
  }
  return list;
}

static PyObject *partition_impl(PyObject *self, PyObject *sepo, bool rev) {
  WF_GC_ROOT(self);
  bv sep = {NULL, 0, NULL};
  WF_GC_ROOT(sep.keep);
  if (wf_byteslike_view(sepo, &sep.d, &sep.n, &sep.keep) < 0) return NULL;
  if (sep.n == 0) return wf_err_set_string(&wf_ValueError_type, "empty separator");
  VIEW(self, v);
  Py_ssize_t r = wf_bytes_find_data(v.d, v.n, sep.d, sep.n, 0, v.n, rev ? -1 : 1);
  PyObject *a = NULL, *b = NULL, *c = NULL;
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  WF_GC_ROOT(c);
  if (r < 0) {
    PyObject *whole = mk_self(self, &v);
    PyObject *e1 = mk(self, "", 0);
    WF_GC_ROOT(whole);
    WF_GC_ROOT(e1);
    PyObject *e2 = mk(self, "", 0);
    return rev ? wf_tuple_pack(3, e1, e2, whole) : wf_tuple_pack(3, whole, e1, e2);
  }
  a = mk(self, v.d, r);
  b = wf_bytes_check(sepo) && !wf_bytearray_check(self) ? (wf_bytes_check_exact(sepo) ? sepo : mk(self, sep.d, sep.n)) : mk(self, sep.d, sep.n);
  c = mk(self, v.d + r + sep.n, v.n - r - sep.n);
  return wf_tuple_pack(3, a, b, c);
}

static PyObject *m_partition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, false); }
static PyObject *m_rpartition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, true); }

/* ---- Replace and friends ------------------------------------------------------------------- */

static PyObject *m_replace(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("replace", nargs, 2, 3) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t maxc = -1;
  if (nargs == 3) {
    maxc = wf_number_as_ssize_t(args[2], &wf_OverflowError_type);
    if (maxc == -1 && wf_err_occurred()) return NULL;
  }
  if (maxc < 0) maxc = WF_SSIZE_MAX;
  bv o = {NULL, 0, NULL}, nw = {NULL, 0, NULL};
  WF_GC_ROOT(o.keep);
  WF_GC_ROOT(nw.keep);
  if (wf_byteslike_view(args[0], &o.d, &o.n, &o.keep) < 0) return NULL;
  if (wf_byteslike_view(args[1], &nw.d, &nw.n, &nw.keep) < 0) return NULL;
  VIEW(self, v);
  /* Count matches first. */
  Py_ssize_t cnt = 0;
  if (o.n == 0) {
    cnt = v.n + 1 < maxc ? v.n + 1 : maxc;
  } else {
    Py_ssize_t i = 0;
    while (cnt < maxc) {
      Py_ssize_t r = wf_bytes_find_data(v.d, v.n, o.d, o.n, i, v.n, 1);
      if (r < 0) break;
      cnt++;
      i = r + o.n;
    }
  }
  if (cnt == 0) return mk_self(self, &v);
  Py_ssize_t total = v.n + cnt * (nw.n - o.n);
  char *out = malloc((size_t)total + 1);
  if (!out) return wf_err_no_memory();
  Py_ssize_t k = 0, i = 0;
  for (Py_ssize_t c = 0; c < cnt; c++) {
    Py_ssize_t r;
    if (o.n == 0) {
      r = i;
    } else {
      r = wf_bytes_find_data(v.d, v.n, o.d, o.n, i, v.n, 1);
    }
    memcpy(out + k, v.d + i, (size_t)(r - i));
    k += r - i;
    memcpy(out + k, nw.d, (size_t)nw.n);
    k += nw.n;
    if (o.n == 0) {
      if (r < v.n) out[k++] = v.d[r];
      i = r + 1;
    } else {
      i = r + o.n;
    }
  }
  if (i < v.n) {
    memcpy(out + k, v.d + i, (size_t)(v.n - i));
    k += v.n - i;
  }
  PyObject *res = mk(self, out, k);
  free(out);
  return res;
}

static PyObject *remove_fix(PyObject *self, PyObject *arg, bool suffix) {
  WF_GC_ROOT(self);
  bv p = {NULL, 0, NULL};
  WF_GC_ROOT(p.keep);
  if (wf_byteslike_view(arg, &p.d, &p.n, &p.keep) < 0) return NULL;
  VIEW(self, v);
  if (p.n > 0 && p.n <= v.n) {
    if (!suffix && memcmp(v.d, p.d, (size_t)p.n) == 0) return mk(self, v.d + p.n, v.n - p.n);
    if (suffix && memcmp(v.d + v.n - p.n, p.d, (size_t)p.n) == 0) return mk(self, v.d, v.n - p.n);
  }
  return mk_self(self, &v);
}

static PyObject *m_removeprefix(PyObject *s, PyObject *a) { return remove_fix(s, a, false); }
static PyObject *m_removesuffix(PyObject *s, PyObject *a) { return remove_fix(s, a, true); }

/* ---- Padding ------------------------------------------------------------------------------- */

static PyObject *pad_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs, const char *fname, int how) {
  if (wf_arg_check_positional(fname, nargs, 1, 2) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t width = wf_number_as_ssize_t(args[0], &wf_OverflowError_type);
  if (width == -1 && wf_err_occurred()) return NULL;
  char fill = ' ';
  if (nargs == 2) {
    PyObject *f = args[1];
    if (wf_bytes_check(f) && WF_SIZE(f) == 1)
      fill = wf_bytes_data(f)[0];
    else if (wf_bytearray_check(f) && wf_bytearray_size(f) == 1)
      fill = ((PyByteArrayObject *)f)->ob_start[0];
    else
      return wf_err_format(&wf_TypeError_type, "%s() argument 2 must be a byte string of length 1, not %.50s", fname,
                           WF_TYPE(f)->tp_name);
  }
  VIEW(self, v);
  if (width <= v.n) return mk_self(self, &v);
  Py_ssize_t padn = width - v.n, left;
  if (how == 0)
    left = 0; /* ljust */
  else if (how == 1)
    left = padn; /* rjust */
  else
    left = padn / 2 + (padn & width & 1); /* center, as CPython */
  char *out = malloc((size_t)width);
  if (!out) return wf_err_no_memory();
  memset(out, fill, (size_t)width);
  memcpy(out + left, v.d, (size_t)v.n);
  PyObject *r = mk(self, out, width);
  free(out);
  return r;
}

static PyObject *m_ljust(PyObject *s, PyObject *const *a, Py_ssize_t n) { return pad_impl(s, a, n, "ljust", 0); }
static PyObject *m_rjust(PyObject *s, PyObject *const *a, Py_ssize_t n) { return pad_impl(s, a, n, "rjust", 1); }
static PyObject *m_center(PyObject *s, PyObject *const *a, Py_ssize_t n) { return pad_impl(s, a, n, "center", 2); }

static PyObject *m_zfill(PyObject *self, PyObject *arg) {
  WF_GC_ROOT(self);
  Py_ssize_t width = wf_number_as_ssize_t(arg, &wf_OverflowError_type);
  if (width == -1 && wf_err_occurred()) return NULL;
  VIEW(self, v);
  if (width <= v.n) return mk_self(self, &v);
  Py_ssize_t fill = width - v.n;
  char *out = malloc((size_t)width);
  if (!out) return wf_err_no_memory();
  memset(out, '0', (size_t)fill);
  memcpy(out + fill, v.d, (size_t)v.n);
  if (v.n > 0 && (v.d[0] == '+' || v.d[0] == '-')) {
    out[0] = v.d[0];
    out[fill] = '0';
  }
  PyObject *r = mk(self, out, width);
  free(out);
  return r;
}

static PyObject *m_expandtabs(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"tabsize", NULL};
  PyObject *a[1] = {NULL};
  if (wf_arg_unpack("expandtabs", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  WF_GC_ROOT(self);
  Py_ssize_t ts = 8;
  if (a[0]) {
    ts = wf_number_as_ssize_t(a[0], &wf_OverflowError_type);
    if (ts == -1 && wf_err_occurred()) return NULL;
  }
  VIEW(self, v);
  Py_ssize_t total = 0, col = 0;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    if (v.d[i] == '\t') {
      if (ts > 0) {
        Py_ssize_t inc = ts - col % ts;
        total += inc;
        col += inc;
      }
    } else {
      total++;
      col++;
      if (v.d[i] == '\n' || v.d[i] == '\r') col = 0;
    }
  }
  char *out = malloc((size_t)total + 1);
  if (!out) return wf_err_no_memory();
  Py_ssize_t k = 0;
  col = 0;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    if (v.d[i] == '\t') {
      if (ts > 0) {
        Py_ssize_t inc = ts - col % ts;
        memset(out + k, ' ', (size_t)inc);
        k += inc;
        col += inc;
      }
    } else {
      out[k++] = v.d[i];
      col++;
      if (v.d[i] == '\n' || v.d[i] == '\r') col = 0;
    }
  }
  PyObject *r = mk(self, out, k);
  free(out);
  return r;
}

/* ---- join ------------------------------------------------------------------------------------- */

static PyObject *m_join(PyObject *self, PyObject *iterable) {
  WF_GC_ROOT(self);
  PyObject *items = wf_sequence_list(iterable);
  if (!items) return NULL;
  WF_GC_ROOT(items);
  VIEW(self, v);
  Py_ssize_t n = wf_list_size(items), total = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *it = wf_list_get(items, i);
    if (!it) return NULL;
    if (!wf_byteslike_check(it))
      return wf_err_format(&wf_TypeError_type, "sequence item %zd: expected a bytes-like object, %.80s found", i, WF_TYPE(it)->tp_name);
    const char *d;
    Py_ssize_t m;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(it, &d, &m, &keep) < 0) return NULL;
    total += m + (i ? v.n : 0);
  }
  if (n == 1 && wf_bytes_check_exact(wf_list_get(items, 0)) && !wf_bytearray_check(self)) return wf_list_get(items, 0);
  char *out = malloc((size_t)total + 1);
  if (!out) return wf_err_no_memory();
  Py_ssize_t k = 0;
  for (Py_ssize_t i = 0; i < n && k <= total; i++) {
    const char *d;
    Py_ssize_t m;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(wf_list_get(items, i), &d, &m, &keep) < 0) {
      free(out);
      return NULL;
    }
    if (i) {
      memcpy(out + k, v.d, (size_t)v.n);
      k += v.n;
    }
    if (k + m > total) m = total - k; /* an item grew meanwhile (bytearray) */
    memcpy(out + k, d, (size_t)m);
    k += m;
  }
  PyObject *r = mk(self, out, k);
  free(out);
  return r;
}

/* ---- hex / fromhex ------------------------------------------------------------------------------ */

PyObject *wf_bytes_hex_data(const char *d, Py_ssize_t n, PyObject *sepo, PyObject *bpso) {
  char sep = 0;
  Py_ssize_t bps = 1;
  if (sepo) {
    if (wf_str_check(sepo)) {
      if (wf_str_length(sepo) != 1) return wf_err_set_string(&wf_ValueError_type, "sep must be length 1.");
      uint32_t c = wf_str_read_char(sepo, 0);
      if (c > 127) return wf_err_set_string(&wf_ValueError_type, "sep must be ASCII.");
      sep = (char)c;
    } else if (wf_bytes_check(sepo)) {
      if (WF_SIZE(sepo) != 1) return wf_err_set_string(&wf_ValueError_type, "sep must be length 1.");
      sep = wf_bytes_data(sepo)[0];
      if ((unsigned char)sep > 127) return wf_err_set_string(&wf_ValueError_type, "sep must be ASCII.");
    } else {
      return wf_err_set_string(&wf_TypeError_type, "sep must be str or bytes.");
    }
    if (bpso) {
      bps = wf_number_as_ssize_t(bpso, &wf_OverflowError_type);
      if (bps == -1 && wf_err_occurred()) return NULL;
    }
  }
  static const char hexd[] = "0123456789abcdef";
  Py_ssize_t abs_bps = bps < 0 ? -bps : bps;
  Py_ssize_t nsep = (sep && abs_bps > 0 && n > 0) ? (n - 1) / abs_bps : 0;
  Py_ssize_t total = 2 * n + nsep;
  char *out = malloc((size_t)total + 1);
  if (!out) return wf_err_no_memory();
  Py_ssize_t k = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    if (nsep && i > 0) {
      /* bps > 0: groups counted from the right; < 0: from the left. */
      bool cut = bps > 0 ? ((n - i) % abs_bps == 0) : (i % abs_bps == 0);
      if (cut) out[k++] = sep;
    }
    unsigned char c = (unsigned char)d[i];
    out[k++] = hexd[c >> 4];
    out[k++] = hexd[c & 15];
  }
  PyObject *r = wf_str_from_ascii(out, k);
  free(out);
  return r;
}

static PyObject *m_hex(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"sep", "bytes_per_sep", NULL};
  PyObject *a[2] = {NULL, NULL};
  if (wf_arg_unpack("hex", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  WF_GC_ROOT(self);
  VIEW(self, v);
  return wf_bytes_hex_data(v.d, v.n, a[0], a[1]);
}

static int hexval(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
  return -1;
}

static PyObject *m_fromhex(PyObject *cls, PyObject *s) {
  if (!wf_str_check(s)) return wf_err_format(&wf_TypeError_type, "fromhex() argument must be str, not %.50s", WF_TYPE(s)->tp_name);
  WF_GC_ROOT(cls);
  Py_ssize_t n = wf_str_length(s);
  char *out = malloc((size_t)n / 2 + 1);
  if (!out) return wf_err_no_memory();
  Py_ssize_t k = 0, i = 0;
  while (i < n) {
    uint32_t c = wf_str_read_char(s, i);
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      i++;
      continue;
    }
    int hi = hexval(c);
    if (hi < 0) goto bad;
    if (i + 1 >= n) {
      i++;
      goto bad;
    }
    int lo = hexval(wf_str_read_char(s, i + 1));
    if (lo < 0) {
      i++;
      goto bad;
    }
    out[k++] = (char)(hi * 16 + lo);
    i += 2;
  }
  PyObject *r;
  if ((PyTypeObject *)cls == &wf_bytearray_type)
    r = wf_bytearray_from_data(out, k);
  else
    r = wf_bytes_from_data(out, k);
  free(out);
  if (r && (PyTypeObject *)cls != &wf_bytes_type && (PyTypeObject *)cls != &wf_bytearray_type) return wf_call_one(cls, r);
  return r;
bad:
  free(out);
  return wf_err_format(&wf_ValueError_type, "non-hexadecimal number found in fromhex() arg at position %zd", i);
}

/* ---- translate / maketrans ------------------------------------------------------------------------ */

static PyObject *m_translate(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"", "delete", NULL};
  PyObject *a[2] = {NULL, NULL};
  if (wf_arg_unpack("translate", args, nargs, kwnames, names, 1, a) < 0) return NULL;
  WF_GC_ROOT(self);
  bv tb = {NULL, 0, NULL}, del = {NULL, 0, NULL};
  WF_GC_ROOT(tb.keep);
  WF_GC_ROOT(del.keep);
  if (a[0] != WF_NONE) {
    if (wf_byteslike_view(a[0], &tb.d, &tb.n, &tb.keep) < 0) return NULL;
    if (tb.n != 256) return wf_err_set_string(&wf_ValueError_type, "translation table must be 256 characters long");
  }
  if (a[1] && wf_byteslike_view(a[1], &del.d, &del.n, &del.keep) < 0) return NULL;
  VIEW(self, v);
  bool delset[256] = {false};
  for (Py_ssize_t i = 0; i < del.n; i++) delset[(unsigned char)del.d[i]] = true;
  char *out = malloc((size_t)v.n + 1);
  if (!out) return wf_err_no_memory();
  Py_ssize_t k = 0;
  bool changed = false;
  for (Py_ssize_t i = 0; i < v.n; i++) {
    unsigned char c = (unsigned char)v.d[i];
    if (delset[c]) {
      changed = true;
      continue;
    }
    char o = tb.d ? tb.d[c] : (char)c;
    if (o != (char)c) changed = true;
    out[k++] = o;
  }
  PyObject *r = changed ? mk(self, out, k) : mk_self(self, &v);
  free(out);
  return r;
}

static PyObject *m_maketrans(PyObject *unused, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("maketrans", nargs, 2, 2) < 0) return NULL;
  bv f = {NULL, 0, NULL}, t = {NULL, 0, NULL};
  WF_GC_ROOT(f.keep);
  WF_GC_ROOT(t.keep);
  if (wf_byteslike_view(args[0], &f.d, &f.n, &f.keep) < 0) return NULL;
  if (wf_byteslike_view(args[1], &t.d, &t.n, &t.keep) < 0) return NULL;
  if (f.n != t.n) return wf_err_set_string(&wf_ValueError_type, "maketrans arguments must have same length");
  char table[256];
  for (int i = 0; i < 256; i++) table[i] = (char)i;
  for (Py_ssize_t i = 0; i < f.n; i++) table[(unsigned char)f.d[i]] = t.d[i];
  return wf_bytes_from_data(table, 256);
}

/* ---- decode --------------------------------------------------------------------------------------- */

static PyObject *m_decode(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"encoding", "errors", NULL};
  PyObject *a[2] = {NULL, NULL};
  if (wf_arg_unpack("decode", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  WF_GC_ROOT(self);
  const char *enc = NULL, *err = NULL;
  for (int i = 0; i < 2; i++) {
    if (!a[i]) continue;
    if (!wf_str_check(a[i]))
      return wf_err_format(&wf_TypeError_type, "decode() argument '%s' must be str, not %.50s", names[i], WF_TYPE(a[i])->tp_name);
    const char *s = wf_str_as_utf8(a[i], NULL);
    if (!s) return NULL;
    if (i == 0)
      enc = s;
    else
      err = s;
  }
  VIEW(self, v);
  return wf_str_decode(v.d, v.n, enc, err);
}

#define FAST (PyCFunction)(void (*)(void))

PyMethodDef wf_bytes_shared_methods[] = {
    {"capitalize", (PyCFunction)m_capitalize, METH_NOARGS, NULL},
    {"center", FAST m_center, METH_FASTCALL, NULL},
    {"count", FAST m_count, METH_FASTCALL, NULL},
    {"decode", FAST m_decode, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"endswith", FAST m_endswith, METH_FASTCALL, NULL},
    {"expandtabs", FAST m_expandtabs, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"find", FAST m_find, METH_FASTCALL, NULL},
    {"fromhex", (PyCFunction)m_fromhex, METH_O | METH_CLASS, NULL},
    {"hex", FAST m_hex, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"index", FAST m_index, METH_FASTCALL, NULL},
    {"isalnum", (PyCFunction)m_isalnum, METH_NOARGS, NULL},
    {"isalpha", (PyCFunction)m_isalpha, METH_NOARGS, NULL},
    {"isascii", (PyCFunction)m_isascii, METH_NOARGS, NULL},
    {"isdigit", (PyCFunction)m_isdigit, METH_NOARGS, NULL},
    {"islower", (PyCFunction)m_islower, METH_NOARGS, NULL},
    {"isspace", (PyCFunction)m_isspace, METH_NOARGS, NULL},
    {"istitle", (PyCFunction)m_istitle, METH_NOARGS, NULL},
    {"isupper", (PyCFunction)m_isupper, METH_NOARGS, NULL},
    {"join", (PyCFunction)m_join, METH_O, NULL},
    {"ljust", FAST m_ljust, METH_FASTCALL, NULL},
    {"lower", (PyCFunction)m_lower, METH_NOARGS, NULL},
    {"lstrip", FAST m_lstrip, METH_FASTCALL, NULL},
    {"maketrans", FAST m_maketrans, METH_FASTCALL | METH_STATIC, NULL},
    {"partition", (PyCFunction)m_partition, METH_O, NULL},
    {"removeprefix", (PyCFunction)m_removeprefix, METH_O, NULL},
    {"removesuffix", (PyCFunction)m_removesuffix, METH_O, NULL},
    {"replace", FAST m_replace, METH_FASTCALL, NULL},
    {"rfind", FAST m_rfind, METH_FASTCALL, NULL},
    {"rindex", FAST m_rindex, METH_FASTCALL, NULL},
    {"rjust", FAST m_rjust, METH_FASTCALL, NULL},
    {"rpartition", (PyCFunction)m_rpartition, METH_O, NULL},
    {"rsplit", FAST m_rsplit, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"rstrip", FAST m_rstrip, METH_FASTCALL, NULL},
    {"split", FAST m_split, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"splitlines", FAST m_splitlines, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"startswith", FAST m_startswith, METH_FASTCALL, NULL},
    {"strip", FAST m_strip, METH_FASTCALL, NULL},
    {"swapcase", (PyCFunction)m_swapcase, METH_NOARGS, NULL},
    {"title", (PyCFunction)m_title, METH_NOARGS, NULL},
    {"translate", FAST m_translate, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"upper", (PyCFunction)m_upper, METH_NOARGS, NULL},
    {"zfill", (PyCFunction)m_zfill, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
