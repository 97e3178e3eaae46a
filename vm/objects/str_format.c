/* str formatting: wf_str_from_format (PyUnicode_FromFormat's formats),
 * printf-style `fmt % args`, str.__format__ (the format-spec mini-language
 * for strings, parsed by vm/lib's wf_format_spec_parse), and str.format /
 * str.format_map (replacement fields, auto/manual numbering, attribute and
 * item lookups, conversions, nested specs). Behaviour and messages are
 * python3.11's. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "protocol.h"
#include "str.h"
#include "str_internal.h"
#include "tuple.h"
#include "wf_float.h"
#include "wf_unicode.h"

/* ---- wf_str_from_format ------------------------------------------------------------- */

/* Append s (a str) truncated to prec code points (-1: all), padded to width. */
static int put_padded_str(wf_strbuf *b, PyObject *s, Py_ssize_t width, Py_ssize_t prec, bool left) {
  Py_ssize_t n = wf_str_len(s);
  if (prec >= 0 && n > prec) n = prec;
  Py_ssize_t pad = width > n ? width - n : 0;
  if (!left && wf_strbuf_fill(b, ' ', pad) < 0) return -1;
  if (wf_strbuf_put_substr(b, s, 0, n) < 0) return -1;
  if (left && wf_strbuf_fill(b, ' ', pad) < 0) return -1;
  return 0;
}

PyObject *wf_str_from_vformat(const char *fmt, va_list ap_in) {
  va_list ap;
  va_copy(ap, ap_in);
  wf_strbuf b;
  wf_strbuf_init(&b, 64);
  const char *p = fmt;
  while (*p) {
    if (*p != '%') {
      const char *q = p;
      while (*q && *q != '%') q++;
      if (wf_strbuf_put_utf8(&b, p, q - p) < 0) goto fail;
      p = q;
      continue;
    }
    const char *start = p++;
    if (*p == '%') {
      if (wf_strbuf_putc(&b, '%') < 0) goto fail;
      p++;
      continue;
    }
    bool left = false, zero = false;
    /* An absent precision is passed as -1 (none), so the 0 flag still pads. */
    while (*p == '-' || *p == '0') {
      if (*p == '-') left = true;
      else zero = true;
      p++;
    }
    Py_ssize_t width = -1, prec = -1;
    if (*p >= '0' && *p <= '9') {
      width = 0;
      while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
      p++;
      prec = 0;
      while (*p >= '0' && *p <= '9') prec = prec * 10 + (*p++ - '0');
    }
    int lmod = 0; /* 1 l, 2 ll, 3 z, 4 t, 5 j */
    if (p[0] == 'l' && p[1] == 'l') lmod = 2, p += 2;
    else if (*p == 'l') lmod = 1, p++;
    else if (*p == 'z') lmod = 3, p++;
    else if (*p == 't') lmod = 4, p++;
    else if (*p == 'j') lmod = 5, p++;
    char conv = *p;
    char tmp[96];
    int tl = -1;
    switch (conv) {
    case 'd':
    case 'i': {
      long long v;
      if (lmod == 1) v = va_arg(ap, long);
      else if (lmod == 2) v = va_arg(ap, long long);
      else if (lmod == 3) v = va_arg(ap, Py_ssize_t);
      else if (lmod == 4) v = va_arg(ap, ptrdiff_t);
      else if (lmod == 5) v = va_arg(ap, intmax_t);
      else v = va_arg(ap, int);
      tl = snprintf(tmp, sizeof tmp, left ? "%-*.*lld" : zero ? "%0*.*lld" : "%*.*lld",
                    (int)(width < 0 ? 0 : width), (int)prec, v);
      break;
    }
    case 'u':
    case 'x': {
      unsigned long long v;
      if (lmod == 1) v = va_arg(ap, unsigned long);
      else if (lmod == 2) v = va_arg(ap, unsigned long long);
      else if (lmod == 3) v = va_arg(ap, size_t);
      else if (lmod == 4) v = (unsigned long long)va_arg(ap, ptrdiff_t);
      else if (lmod == 5) v = va_arg(ap, uintmax_t);
      else v = va_arg(ap, unsigned int);
      const char *f = conv == 'u' ? (left ? "%-*.*llu" : zero ? "%0*.*llu" : "%*.*llu")
                                  : (left ? "%-*.*llx" : zero ? "%0*.*llx" : "%*.*llx");
      tl = snprintf(tmp, sizeof tmp, f, (int)(width < 0 ? 0 : width), (int)prec, v);
      break;
    }
    case 'p': {
      void *v = va_arg(ap, void *);
      tl = snprintf(tmp, sizeof tmp, "0x%" PRIxPTR, (uintptr_t)v);
      break;
    }
    case 'c': {
      int c = va_arg(ap, int);
      if (c < 0 || c > 0x10FFFF) {
        wf_err_set_string(&wf_OverflowError_type, "character argument not in range(0x110000)");
        goto fail;
      }
      Py_ssize_t pad = width > 1 ? width - 1 : 0;
      if ((!left && wf_strbuf_fill(&b, ' ', pad) < 0) || wf_strbuf_putc(&b, (uint32_t)c) < 0 ||
          (left && wf_strbuf_fill(&b, ' ', pad) < 0))
        goto fail;
      break;
    }
    case 's': {
      const char *s = va_arg(ap, const char *);
      if (!s) s = "(null)";
      Py_ssize_t n = 0;
      while (s[n] && (prec < 0 || n < prec)) n++;
      wf_strbuf sb;
      wf_strbuf_init(&sb, n);
      if (wf_strbuf_put_utf8(&sb, s, n) < 0) {
        wf_strbuf_free(&sb);
        goto fail;
      }
      PyObject *str = wf_strbuf_finish(&sb);
      if (!str || put_padded_str(&b, str, width, -1, left) < 0) goto fail;
      break;
    }
    case 'U':
    case 'V': {
      PyObject *o = va_arg(ap, PyObject *);
      const char *alt = conv == 'V' ? va_arg(ap, const char *) : NULL;
      if (!o && alt) {
        wf_strbuf sb;
        wf_strbuf_init(&sb, 0);
        if (wf_strbuf_put_utf8(&sb, alt, (Py_ssize_t)strlen(alt)) < 0) {
          wf_strbuf_free(&sb);
          goto fail;
        }
        o = wf_strbuf_finish(&sb);
        if (!o) goto fail;
      }
      if (!o || !wf_str_check(o)) {
        wf_err_bad_internal_call("wf_str_from_format %U");
        goto fail;
      }
      if (put_padded_str(&b, o, width, prec, left) < 0) goto fail;
      break;
    }
    case 'S':
    case 'R':
    case 'A': {
      PyObject *o = va_arg(ap, PyObject *);
      PyObject *s = conv == 'S' ? wf_object_str(o) : conv == 'R' ? wf_object_repr(o) : wf_object_ascii(o);
      if (!s || put_padded_str(&b, s, width, prec, left) < 0) goto fail;
      break;
    }
    default:
      /* Unknown: the rest of the format is copied as is (as CPython does). */
      if (wf_strbuf_put_utf8(&b, start, (Py_ssize_t)strlen(start)) < 0) goto fail;
      p = start + strlen(start);
      continue;
    }
    if (tl >= 0 && wf_strbuf_put_ascii(&b, tmp, tl < (int)sizeof tmp ? tl : (int)sizeof tmp - 1) < 0) goto fail;
    p++;
  }
  va_end(ap);
  return wf_strbuf_finish(&b);
fail:
  va_end(ap);
  wf_strbuf_free(&b);
  return NULL;
}

PyObject *wf_str_from_format(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  PyObject *r = wf_str_from_vformat(fmt, ap);
  va_end(ap);
  return r;
}

/* ---- printf-style formatting: fmt % args -------------------------------------------------- */

typedef struct {
  bool minus, plus, space, alt, zero;
  Py_ssize_t width; /* -1 absent */
  int prec;         /* -1 absent */
} pct_spec;

/* Pad text (a str) per flags; numeric: zero padding goes after the sign and
 * `prefix_len` prefix characters. */
static int pct_put(wf_strbuf *b, const pct_spec *sp, PyObject *text, bool numeric, Py_ssize_t signpre) {
  Py_ssize_t n = wf_str_len(text);
  Py_ssize_t pad = sp->width > n ? sp->width - n : 0;
  if (pad == 0) return wf_strbuf_put_str(b, text);
  if (sp->minus) {
    if (wf_strbuf_put_str(b, text) < 0) return -1;
    return wf_strbuf_fill(b, ' ', pad);
  }
  if (numeric && sp->zero) {
    if (wf_strbuf_put_substr(b, text, 0, signpre) < 0 || wf_strbuf_fill(b, '0', pad) < 0) return -1;
    return wf_strbuf_put_substr(b, text, signpre, n);
  }
  if (wf_strbuf_fill(b, ' ', pad) < 0) return -1;
  return wf_strbuf_put_str(b, text);
}

static bool number_check(PyObject *v) {
  PyNumberMethods *nb = WF_TYPE(v)->tp_as_number;
  if (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) return true;
  return WF_TYPE(v) == &wf_complex_type;
}

/* %d %i %u %o %x %X: the formatted text as a str, or NULL. */
/* The digits of u in base 8, 10 or 16, written at the end of buf[80]
 * (snprintf's format parsing cost more than the conversion). Returns the count. */
static Py_ssize_t utoa_base(char buf[80], uint64_t u, unsigned base, bool upper) {
  const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char *p = buf + 80;
  do {
    *--p = dig[u % base];
    u /= base;
  } while (u);
  return buf + 80 - p;
}

static PyObject *pct_format_int(PyObject *v, char conv, const pct_spec *sp, Py_ssize_t *signpre) {
  PyObject *iobj = v;
  WF_GC_ROOT(iobj);
  if (!wf_int_check(v)) {
    if (conv == 'o' || conv == 'x' || conv == 'X') {
      iobj = wf_number_index(v);
      if (!iobj) {
        if (wf_err_matches(&wf_TypeError_type))
          wf_err_format(&wf_TypeError_type, "%%%c format: an integer is required, not %.200s", conv, WF_TYPE(v)->tp_name);
        return NULL;
      }
    } else {
      if (!number_check(v))
        return wf_err_format(&wf_TypeError_type, "%%%c format: a real number is required, not %.200s", conv,
                             WF_TYPE(v)->tp_name);
      iobj = wf_number_long(v);
      if (!iobj) return NULL;
    }
  }
  /* Digits of |value| and the sign. */
  char small[80];
  const char *digits;
  Py_ssize_t dn;
  bool neg;
  PyObject *big = NULL;
  WF_GC_ROOT(big);
  int64_t x;
  if (wf_int_as_int64(iobj, &x) == 0) {
    neg = x < 0;
    uint64_t ux = neg ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    dn = utoa_base(small, ux, conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10, conv == 'X');
    digits = small + sizeof small - dn;
  } else {
    wf_err_clear();
    char code[2] = {conv == 'o' ? 'o' : conv == 'x' ? 'x' : conv == 'X' ? 'X' : 'd', 0};
    PyObject *spec = wf_str_from_ascii(code, 1);
    if (!spec) return NULL;
    PyObject *exact = wf_int_check_exact(iobj) ? iobj : wf_number_long(iobj);
    if (!exact) return NULL;
    big = wf_object_format(exact, spec);
    if (!big) return NULL;
    digits = wf_str_as_utf8(big, &dn);
    neg = dn > 0 && digits[0] == '-';
    if (neg) digits++, dn--;
  }
  wf_strbuf b;
  wf_strbuf_init(&b, dn + 8);
  int rc = 0;
  if (neg) rc = wf_strbuf_putc(&b, '-');
  else if (sp->plus) rc = wf_strbuf_putc(&b, '+');
  else if (sp->space) rc = wf_strbuf_putc(&b, ' ');
  if (rc == 0 && sp->alt && conv != 'd' && conv != 'i' && conv != 'u') {
    char pre[2] = {'0', conv};
    rc = wf_strbuf_put_ascii(&b, pre, 2);
  }
  *signpre = b.len;
  if (rc == 0 && sp->prec > dn) rc = wf_strbuf_fill(&b, '0', sp->prec - dn);
  if (rc == 0) rc = wf_strbuf_put_ascii(&b, digits, dn);
  if (rc < 0) {
    wf_strbuf_free(&b);
    return NULL;
  }
  return wf_strbuf_finish(&b);
}

static PyObject *pct_format_float(PyObject *v, char conv, const pct_spec *sp, Py_ssize_t *signpre) {
  double x = wf_float_as_double(v);
  if (x == -1.0 && wf_err_occurred()) return NULL;
  unsigned flags = 0;
  if (sp->alt) flags |= WF_DTSF_ALT;
  if (sp->plus) flags |= WF_DTSF_SIGN;
  else if (sp->space) flags |= WF_DTSF_SPACE;
  int prec = sp->prec < 0 ? 6 : sp->prec;
  size_t need = wf_float_to_string(x, conv, prec, flags, NULL, 0);
  char stackbuf[128];
  char *buf = need < sizeof stackbuf ? stackbuf : malloc(need + 1);
  if (!buf) return wf_err_no_memory();
  wf_float_to_string(x, conv, prec, flags, buf, need + 1);
  *signpre = (buf[0] == '-' || buf[0] == '+' || buf[0] == ' ') ? 1 : 0;
  PyObject *r = wf_str_from_ascii(buf, (Py_ssize_t)need);
  if (buf != stackbuf) free(buf);
  return r;
}

static PyObject *pct_format_char(PyObject *v) {
  if (wf_str_check(v)) {
    if (wf_str_len(v) != 1) return wf_err_set_string(&wf_TypeError_type, "%c requires int or char");
    return wf_str_from_char(wf_str_read_char(v, 0));
  }
  if (!wf_int_check(v)) return wf_err_set_string(&wf_TypeError_type, "%c requires int or char");
  int64_t x;
  if (wf_int_as_int64(v, &x) < 0) {
    wf_err_clear();
    x = -1;
  }
  if (x < 0 || x > 0x10FFFF) return wf_err_set_string(&wf_OverflowError_type, "%c arg not in range(0x110000)");
  return wf_str_from_char((uint32_t)x);
}

static bool is_mapping(PyObject *o) {
  PyMappingMethods *mp = WF_TYPE(o)->tp_as_mapping;
  return mp && mp->mp_subscript && !wf_tuple_check(o) && !wf_str_check(o);
}

PyObject *wf_str_mod_format(PyObject *fmt, PyObject *args) {
  Py_ssize_t n = wf_str_len(fmt);
  int k = wf_str_kind(fmt);
  const void *d = wf_str_data(fmt);
  PyObject *dict = is_mapping(args) ? args : NULL;
  Py_ssize_t arglen, argidx = 0;
  if (wf_tuple_check(args)) arglen = WF_SIZE(args);
  else arglen = -1; /* a single argument */
  wf_strbuf b;
  wf_strbuf_init(&b, n + 16);
  PyObject *v = NULL, *text = NULL, *key = NULL;
  WF_GC_ROOT(v);
  WF_GC_ROOT(text);
  WF_GC_ROOT(key);
#define RD(i) wf_str_read(k, d, (i))
#define NEXT_ARG()                                                                                   \
  ({                                                                                                 \
    PyObject *a_ = NULL;                                                                             \
    if (arglen < 0 && argidx == 0) {                                                                 \
      argidx = -1;                                                                                   \
      a_ = args;                                                                                     \
    } else if (arglen >= 0 && argidx < arglen) {                                                     \
      a_ = WF_TUPLE_GET(args, argidx++);                                                             \
    }                                                                                                \
    if (!a_) {                                                                                       \
      wf_err_set_string(&wf_TypeError_type, "not enough arguments for format string");              \
      goto fail;                                                                                     \
    }                                                                                                \
    a_;                                                                                              \
  })
  Py_ssize_t i = 0;
  while (i < n) {
    Py_ssize_t j = i;
    while (j < n && RD(j) != '%') j++;
    if (j > i && wf_strbuf_put_substr(&b, fmt, i, j) < 0) goto fail;
    i = j;
    if (i >= n) break;
    i++; /* the '%' */
    if (i < n && RD(i) == '%') {
      if (wf_strbuf_putc(&b, '%') < 0) goto fail;
      i++;
      continue;
    }
    bool from_key = false;
    if (i < n && RD(i) == '(') {
      if (!dict) {
        wf_err_set_string(&wf_TypeError_type, "format requires a mapping");
        goto fail;
      }
      Py_ssize_t depth = 1, ks = ++i;
      while (i < n && depth > 0) {
        uint32_t c = RD(i);
        if (c == ')') depth--;
        else if (c == '(') depth++;
        i++;
      }
      if (depth > 0) {
        wf_err_set_string(&wf_ValueError_type, "incomplete format key");
        goto fail;
      }
      key = wf_str_substr(fmt, ks, i - 1);
      if (!key) goto fail;
      v = wf_object_getitem(dict, key);
      if (!v) goto fail;
      from_key = true;
      arglen = -1;
      argidx = -2;
    }
    pct_spec sp = {.width = -1, .prec = -1};
    for (; i < n; i++) {
      uint32_t c = RD(i);
      if (c == '-') sp.minus = true;
      else if (c == '+') sp.plus = true;
      else if (c == ' ') sp.space = true;
      else if (c == '#') sp.alt = true;
      else if (c == '0') sp.zero = true;
      else break;
    }
    if (i < n && RD(i) == '*') {
      PyObject *w = NEXT_ARG();
      if (!wf_int_check(w)) {
        wf_err_set_string(&wf_TypeError_type, "* wants int");
        goto fail;
      }
      Py_ssize_t wv = wf_number_as_ssize_t(w, &wf_OverflowError_type);
      if (wv == -1 && wf_err_occurred()) goto fail;
      if (wv < 0) {
        sp.minus = true;
        wv = wv == PTRDIFF_MIN ? PTRDIFF_MAX : -wv;
      }
      sp.width = wv;
      i++;
    } else if (i < n && RD(i) >= '0' && RD(i) <= '9') {
      sp.width = 0;
      while (i < n && RD(i) >= '0' && RD(i) <= '9') {
        Py_ssize_t dg = RD(i) - '0';
        if (sp.width > (PTRDIFF_MAX - dg) / 10) {
          wf_err_set_string(&wf_ValueError_type, "width too big");
          goto fail;
        }
        sp.width = sp.width * 10 + dg;
        i++;
      }
    }
    if (i < n && RD(i) == '.') {
      i++;
      sp.prec = 0;
      if (i < n && RD(i) == '*') {
        PyObject *w = NEXT_ARG();
        if (!wf_int_check(w)) {
          wf_err_set_string(&wf_TypeError_type, "* wants int");
          goto fail;
        }
        Py_ssize_t pv = wf_number_as_ssize_t(w, &wf_OverflowError_type);
        if (pv == -1 && wf_err_occurred()) goto fail;
        if (pv > INT_MAX || pv < INT_MIN) {
          wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C int");
          goto fail;
        }
        sp.prec = pv < 0 ? 0 : (int)pv;
        i++;
      } else {
        while (i < n && RD(i) >= '0' && RD(i) <= '9') {
          int dg = (int)(RD(i) - '0');
          if (sp.prec > (INT_MAX - dg) / 10) {
            wf_err_set_string(&wf_ValueError_type, "precision too big");
            goto fail;
          }
          sp.prec = sp.prec * 10 + dg;
          i++;
        }
      }
    }
    if (i < n && (RD(i) == 'h' || RD(i) == 'l' || RD(i) == 'L')) i++;
    if (i >= n) {
      wf_err_set_string(&wf_ValueError_type, "incomplete format");
      goto fail;
    }
    uint32_t conv = RD(i++);
    if (!from_key) v = NEXT_ARG();
    Py_ssize_t signpre = 0;
    bool numeric = false;
    switch (conv) {
    case 's':
    case 'r':
    case 'a':
      text = conv == 's' ? wf_object_str(v) : conv == 'r' ? wf_object_repr(v) : wf_object_ascii(v);
      if (!text) goto fail;
      if (sp.prec >= 0 && wf_str_len(text) > sp.prec) {
        text = wf_str_substr(text, 0, sp.prec);
        if (!text) goto fail;
      }
      break;
    case 'c':
      text = pct_format_char(v);
      if (!text) goto fail;
      break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      text = pct_format_int(v, (char)conv, &sp, &signpre);
      if (!text) goto fail;
      numeric = true;
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      text = pct_format_float(v, (char)conv, &sp, &signpre);
      if (!text) goto fail;
      numeric = true;
      break;
    default:
      wf_err_format(&wf_ValueError_type, "unsupported format character '%c' (0x%x) at index %zd",
                    (conv >= 32 && conv <= 126) ? (int)conv : '?', (unsigned)conv, i - 1);
      goto fail;
    }
    if (pct_put(&b, &sp, text, numeric, signpre) < 0) goto fail;
    v = text = NULL;
  }
  if (argidx < arglen && !dict) {
    wf_err_set_string(&wf_TypeError_type, "not all arguments converted during string formatting");
    goto fail;
  }
  if (arglen < 0 && argidx == 0 && !dict) {
    wf_err_set_string(&wf_TypeError_type, "not all arguments converted during string formatting");
    goto fail;
  }
#undef RD
#undef NEXT_ARG
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

PyObject *wf_str_nb_remainder(PyObject *a, PyObject *b) {
  if (!wf_str_check(a)) return WF_NOTIMPLEMENTED;
  return wf_str_mod_format(a, b);
}

/* ---- str.__format__ -------------------------------------------------------------------------- */

static PyObject *fmt_error(int err, const wf_format_spec *fs, PyObject *spec, const char *su, Py_ssize_t sn) {
  if (err == WF_FMT_ERR_INVALID)
    return wf_err_format(&wf_ValueError_type, "Invalid format specifier '%U' for object of type 'str'", spec);
  if (err == WF_FMT_ERR_SIGN && fs->sign == ' ')
    return wf_err_set_string(&wf_ValueError_type, "Space not allowed in string format specifier");
  char msg[256];
  wf_format_error_text(err, fs, su, (size_t)sn, "str", "string", msg, sizeof msg);
  return wf_err_set_string(err == WF_FMT_ERR_NO_MEMORY ? &wf_MemoryError_type : &wf_ValueError_type, msg);
}

/* UTF-8 of a spec, surrogates encoded as 3 bytes (the parser only needs to
 * find the code points again). malloc'd. */
static char *spec_utf8(PyObject *spec, Py_ssize_t *len) {
  Py_ssize_t n = wf_str_len(spec);
  char *buf = malloc((size_t)n * 4 + 1);
  if (!buf) return NULL;
  char *p = buf;
  for (Py_ssize_t i = 0; i < n; i++) p += wf_uc_utf8_encode(wf_str_read_char(spec, i), p);
  *p = 0;
  *len = p - buf;
  return buf;
}

PyObject *wf_str_format_spec(PyObject *s, PyObject *spec) {
  if (wf_str_len(spec) == 0) return wf_str_exact(s);
  Py_ssize_t sn;
  char *su = spec_utf8(spec, &sn);
  if (!su) return wf_err_no_memory();
  wf_format_spec fs;
  int err = wf_format_spec_parse(su, (size_t)sn, 's', '<', &fs);
  if (err == WF_FMT_OK) {
    if (fs.type != 's') err = WF_FMT_ERR_UNKNOWN_CODE;
    else if (fs.sign) err = WF_FMT_ERR_SIGN;
    else if (fs.no_neg_0) err = WF_FMT_ERR_NO_NEG_0;
    else if (fs.alternate) err = WF_FMT_ERR_ALTERNATE;
    else if (fs.align == '=') err = WF_FMT_ERR_EQ_ALIGN;
  }
  if (err != WF_FMT_OK) {
    fmt_error(err, &fs, spec, su, sn);
    free(su);
    return NULL;
  }
  free(su);
  Py_ssize_t n = wf_str_len(s);
  if (fs.precision >= 0 && n > fs.precision) n = (Py_ssize_t)fs.precision;
  Py_ssize_t pad = fs.width > n ? (Py_ssize_t)fs.width - n : 0;
  if (pad == 0 && n == wf_str_len(s)) return wf_str_exact(s);
  Py_ssize_t left = fs.align == '>' ? pad : fs.align == '^' ? pad / 2 : 0;
  wf_strbuf b;
  wf_strbuf_init(&b, 0);
  if (wf_strbuf_reserve(&b, n + pad, fs.fill) < 0 || wf_strbuf_fill(&b, fs.fill, left) < 0 ||
      wf_strbuf_put_substr(&b, s, 0, n) < 0 || wf_strbuf_fill(&b, fs.fill, pad - left) < 0) {
    wf_strbuf_free(&b);
    return NULL;
  }
  return wf_strbuf_finish(&b);
}

PyObject *wf_str_method_dunder_format(PyObject *self, PyObject *spec) {
  if (!wf_str_check(spec))
    return wf_err_format(&wf_TypeError_type, "__format__() argument must be str, not %.100s", WF_TYPE(spec)->tp_name);
  return wf_str_format_spec(self, spec);
}

/* ---- str.format / str.format_map ----------------------------------------------------------------- */

enum { AUTO_INIT, AUTO_AUTO, AUTO_MANUAL };

typedef struct {
  PyObject *args;   /* tuple, or NULL for format_map */
  PyObject *kwargs; /* dict / mapping, or NULL */
  int auto_state;
  Py_ssize_t auto_next;
} fmt_ctx;

/* Decimal value of s[a:b) (Unicode decimals allowed); -1 if not all
 * decimal or empty; -2 with ValueError on overflow. */
static Py_ssize_t get_integer(PyObject *s, Py_ssize_t a, Py_ssize_t b) {
  if (a >= b) return -1;
  Py_ssize_t acc = 0;
  for (Py_ssize_t i = a; i < b; i++) {
    int dg = wf_uc_decimal(wf_str_read_char(s, i));
    if (dg < 0) return -1;
    if (acc > (PTRDIFF_MAX - dg) / 10) {
      wf_err_set_string(&wf_ValueError_type, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + dg;
  }
  return acc;
}

/* The object named by field s[a:b) ("0", "name", "0.attr[key]", ""). */
static PyObject *get_field(fmt_ctx *c, PyObject *s, Py_ssize_t a, Py_ssize_t b) {
  Py_ssize_t i = a;
  while (i < b) {
    uint32_t ch = wf_str_read_char(s, i);
    if (ch == '.' || ch == '[') break;
    i++;
  }
  Py_ssize_t idx = get_integer(s, a, i);
  if (idx == -2) return NULL;
  PyObject *obj = NULL;
  WF_GC_ROOT(obj);
  if (i == a) {
    if (c->auto_state == AUTO_MANUAL)
      return wf_err_set_string(&wf_ValueError_type,
                               "cannot switch from manual field specification to automatic field numbering");
    c->auto_state = AUTO_AUTO;
    idx = c->auto_next++;
  } else if (idx >= 0) {
    if (c->auto_state == AUTO_AUTO)
      return wf_err_set_string(&wf_ValueError_type,
                               "cannot switch from automatic field numbering to manual field specification");
    c->auto_state = AUTO_MANUAL;
  }
  if (idx < 0) {
    PyObject *key = wf_str_substr(s, a, i);
    if (!key) return NULL;
    WF_GC_ROOT(key);
    if (!c->kwargs) return wf_err_set_key(key);
    obj = wf_object_getitem(c->kwargs, key);
  } else {
    if (!c->args) return wf_err_set_string(&wf_ValueError_type, "Format string contains positional fields");
    if (idx >= WF_SIZE(c->args))
      return wf_err_format(&wf_IndexError_type, "Replacement index %zd out of range for positional args tuple", idx);
    obj = WF_TUPLE_GET(c->args, idx);
  }
  if (!obj) return NULL;
  /* The rest: .name and [key] parts. */
  while (i < b) {
    uint32_t ch = wf_str_read_char(s, i++);
    Py_ssize_t ns = i, ne;
    bool attr;
    if (ch == '.') {
      attr = true;
      while (i < b) {
        uint32_t x = wf_str_read_char(s, i);
        if (x == '.' || x == '[') break;
        i++;
      }
      ne = i;
    } else if (ch == '[') {
      attr = false;
      while (i < b && wf_str_read_char(s, i) != ']') i++;
      if (i >= b) return wf_err_set_string(&wf_ValueError_type, "Missing ']' in format string");
      ne = i++;
    } else
      return wf_err_set_string(&wf_ValueError_type, "Only '.' or '[' may follow ']' in format field specifier");
    if (ns == ne) return wf_err_set_string(&wf_ValueError_type, "Empty attribute in format string");
    PyObject *name = wf_str_substr(s, ns, ne);
    if (!name) return NULL;
    WF_GC_ROOT(name);
    if (attr) {
      obj = wf_object_getattr(obj, name);
    } else {
      Py_ssize_t ix = get_integer(s, ns, ne);
      if (ix == -2) return NULL;
      if (ix >= 0) {
        PyObject *ko = wf_int_from_ssize(ix);
        if (!ko) return NULL;
        WF_GC_ROOT(ko);
        obj = wf_object_getitem(obj, ko);
      } else
        obj = wf_object_getitem(obj, name);
    }
    if (!obj) return NULL;
  }
  return obj;
}

static int render(fmt_ctx *c, PyObject *s, Py_ssize_t a, Py_ssize_t b, int depth, wf_strbuf *out);

static int render_field(fmt_ctx *c, PyObject *s, Py_ssize_t fa, Py_ssize_t fb, uint32_t conv, Py_ssize_t sa,
                        Py_ssize_t sb, bool expand, int depth, wf_strbuf *out) {
  PyObject *obj = get_field(c, s, fa, fb);
  if (!obj) return -1;
  WF_GC_ROOT(obj);
  if (conv) {
    if (conv == 'r') obj = wf_object_repr(obj);
    else if (conv == 's') obj = wf_object_str(obj);
    else if (conv == 'a') obj = wf_object_ascii(obj);
    else {
      if (conv > 32 && conv < 127) wf_err_format(&wf_ValueError_type, "Unknown conversion specifier %c", (int)conv);
      else wf_err_format(&wf_ValueError_type, "Unknown conversion specifier \\x%x", (unsigned)conv);
      return -1;
    }
    if (!obj) return -1;
  }
  PyObject *spec = NULL;
  WF_GC_ROOT(spec);
  if (expand) {
    wf_strbuf sbuf;
    wf_strbuf_init(&sbuf, sb - sa);
    if (render(c, s, sa, sb, depth - 1, &sbuf) < 0) {
      wf_strbuf_free(&sbuf);
      return -1;
    }
    spec = wf_strbuf_finish(&sbuf);
  } else
    spec = wf_str_substr(s, sa, sb);
  if (!spec) return -1;
  PyObject *r = (wf_str_check_exact(obj)) ? wf_str_format_spec(obj, spec) : wf_object_format(obj, spec);
  if (!r) return -1;
  return wf_strbuf_put_str(out, r);
}

static int render(fmt_ctx *c, PyObject *s, Py_ssize_t a, Py_ssize_t b, int depth, wf_strbuf *out) {
  if (depth <= 0) {
    wf_err_set_string(&wf_ValueError_type, "Max string recursion exceeded");
    return -1;
  }
  Py_ssize_t i = a;
  while (i < b) {
    /* Literal text up to a brace. */
    Py_ssize_t lit = i;
    uint32_t ch = 0;
    bool markup = false;
    while (i < b) {
      ch = wf_str_read_char(s, i++);
      if (ch == '{' || ch == '}') {
        markup = true;
        break;
      }
    }
    bool at_end = i >= b;
    Py_ssize_t litend = i;
    if (markup) {
      if (ch == '}' && (at_end || wf_str_read_char(s, i) != '}')) {
        wf_err_set_string(&wf_ValueError_type, "Single '}' encountered in format string");
        return -1;
      }
      if (at_end && ch == '{') {
        wf_err_set_string(&wf_ValueError_type, "Single '{' encountered in format string");
        return -1;
      }
      if (wf_str_read_char(s, i) == ch) {
        i++; /* doubled brace: literal text including one brace */
        markup = false;
      } else
        litend--;
    }
    if (litend > lit && wf_strbuf_put_substr(out, s, lit, litend) < 0) return -1;
    if (!markup) continue;
    /* A replacement field: name up to '!', ':' or '}' ('[...]' skipped). */
    Py_ssize_t fa = i;
    ch = 0;
    while (i < b) {
      ch = wf_str_read_char(s, i++);
      if (ch == '{') {
        wf_err_set_string(&wf_ValueError_type, "unexpected '{' in field name");
        return -1;
      }
      if (ch == '[') {
        while (i < b && wf_str_read_char(s, i) != ']') i++;
        continue;
      }
      if (ch == '}' || ch == ':' || ch == '!') break;
    }
    Py_ssize_t fb = i - 1;
    uint32_t conv = 0;
    Py_ssize_t sa = i, sbnd = i;
    bool expand = false;
    if (ch == '!' || ch == ':') {
      bool done = false;
      if (ch == '!') {
        if (i >= b) {
          wf_err_set_string(&wf_ValueError_type, "end of string while looking for conversion specifier");
          return -1;
        }
        conv = wf_str_read_char(s, i++);
        if (i < b) {
          uint32_t x = wf_str_read_char(s, i++);
          if (x == '}') done = true;
          else if (x != ':') {
            wf_err_set_string(&wf_ValueError_type, "expected ':' after conversion specifier");
            return -1;
          }
        }
      }
      if (!done) {
        sa = i;
        int count = 1;
        bool closed = false;
        while (i < b) {
          uint32_t x = wf_str_read_char(s, i++);
          if (x == '{') {
            expand = true;
            count++;
          } else if (x == '}') {
            if (--count == 0) {
              closed = true;
              break;
            }
          }
        }
        if (!closed) {
          wf_err_set_string(&wf_ValueError_type, "unmatched '{' in format spec");
          return -1;
        }
        sbnd = i - 1;
      } else
        sa = sbnd = i;
    } else if (ch != '}') {
      wf_err_set_string(&wf_ValueError_type, "expected '}' before end of string");
      return -1;
    }
    if (render_field(c, s, fa, fb, conv, sa, sbnd, expand, depth, out) < 0) return -1;
  }
  return 0;
}

static PyObject *do_format(PyObject *self, PyObject *args, PyObject *kwargs) {
  fmt_ctx c = {.args = args, .kwargs = kwargs, .auto_state = AUTO_INIT, .auto_next = 0};
  wf_strbuf b;
  wf_strbuf_init(&b, wf_str_len(self) + 16);
  if (render(&c, self, 0, wf_str_len(self), 2, &b) < 0) {
    wf_strbuf_free(&b);
    return NULL;
  }
  return wf_strbuf_finish(&b);
}

PyObject *wf_str_format_method(PyObject *fmt, PyObject *args, PyObject *kwargs) { return do_format(fmt, args, kwargs); }

PyObject *wf_str_method_format(PyObject *self, PyObject *args, PyObject *kwargs) {
  if (kwargs && wf_dict_size(kwargs) == 0) kwargs = NULL;
  return do_format(self, args ? args : wf_tuple_new(0), kwargs);
}

PyObject *wf_str_method_format_map(PyObject *self, PyObject *mapping) { return do_format(self, NULL, mapping); }
