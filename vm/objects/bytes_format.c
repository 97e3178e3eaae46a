/* bytes % args (printf-style formatting of bytes, PEP 461), as python3.11.
 *
 * The numeric conversions (%d %i %u %o %x %X %e %E %f %F %g %G) are delegated
 * to the str group's printf formatter (wf_str_mod_format) with a one-spec
 * format string and the resolved width/precision; its result is ASCII. The
 * rest (%b/%s, %a/%r, %c, mapping keys, '*' arguments, padding) is here. */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16, F_NONEG0 = 32 };

typedef struct {
  char *p;
  Py_ssize_t len, cap;
} obuf;

static int ob_reserve(obuf *o, Py_ssize_t extra) {
  if (extra > PTRDIFF_MAX - o->len) {
    wf_err_no_memory();
    return -1;
  }
  if (o->len + extra <= o->cap) return 0;
  Py_ssize_t nc = o->cap < 64 ? 64 : o->cap;
  while (nc < o->len + extra) nc = nc > PTRDIFF_MAX / 2 ? o->len + extra : nc * 2;
  char *np = realloc(o->p, (size_t)nc);
  if (!np) {
    wf_err_no_memory();
    return -1;
  }
  o->p = np;
  o->cap = nc;
  return 0;
}

static int ob_put(obuf *o, const char *s, Py_ssize_t n) {
  if (n <= 0) return 0;
  if (ob_reserve(o, n) < 0) return -1;
  memcpy(o->p + o->len, s, (size_t)n);
  o->len += n;
  return 0;
}

static int ob_fill(obuf *o, char c, Py_ssize_t n) {
  if (n <= 0) return 0;
  if (ob_reserve(o, n) < 0) return -1;
  memset(o->p + o->len, c, (size_t)n);
  o->len += n;
  return 0;
}

/* %b / %s: the bytes of v (a bytes object) or NULL. */
static PyObject *format_obj(PyObject *v) {
  if (wf_bytes_check(v)) return v;
  if (!wf_bytearray_check(v) && wf_type_lookup(WF_TYPE(v), WF_ID(__bytes__))) {
    PyObject *r = wf_call_method(v, WF_ID(__bytes__), NULL, 0);
    if (!r) return NULL;
    if (!wf_bytes_check(r))
      return wf_err_format(&wf_TypeError_type, "__bytes__ returned non-bytes (type %.200s)", WF_TYPE(r)->tp_name);
    return r;
  }
  if (wf_byteslike_check(v)) {
    const char *d;
    Py_ssize_t n;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(v, &d, &n, &keep) < 0) return NULL;
    return wf_bytes_from_data(d, n);
  }
  return wf_err_format(&wf_TypeError_type,
                       "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                       WF_TYPE(v)->tp_name);
}

/* %c: one byte from an int in range(256) or a bytes/bytearray of length 1. */
static int byte_converter(PyObject *v, char *out) {
  if (wf_bytes_check(v) && wf_bytes_size(v) == 1) {
    *out = wf_bytes_data(v)[0];
    return 0;
  }
  if (wf_bytearray_check(v) && wf_bytearray_size(v) == 1) {
    const char *d;
    Py_ssize_t n;
    PyObject *keep = NULL;
    WF_GC_ROOT(keep);
    if (wf_byteslike_view(v, &d, &n, &keep) < 0) return -1;
    if (n == 1) {
      *out = d[0];
      return 0;
    }
  }
  PyObject *iv = wf_int_check(v) ? v : wf_number_index(v);
  if (!iv) {
    if (wf_err_matches(&wf_TypeError_type))
      wf_err_set_string(&wf_TypeError_type, "%c requires an integer in range(256) or a single byte");
    return -1;
  }
  int64_t x;
  if (wf_int_as_int64(iv, &x) < 0) {
    wf_err_clear();
    x = -1;
  }
  if (x < 0 || x > 255) {
    wf_err_set_string(&wf_OverflowError_type, "%c arg not in range(256)");
    return -1;
  }
  *out = (char)x;
  return 0;
}

static bool is_mapping(PyObject *o) {
  PyMappingMethods *mp = WF_TYPE(o)->tp_as_mapping;
  return mp && mp->mp_subscript && !wf_tuple_check(o) && !wf_bytes_check(o) && !wf_str_check(o);
}

/* Is the float text (sign, digits, '.', exponent) a zero mantissa? */
static bool zero_mantissa(const char *s, Py_ssize_t n) {
  for (Py_ssize_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == 'e' || c == 'E') break;
    if (c >= '1' && c <= '9') return false;
    if (c == 'n' || c == 'i' || c == 'N' || c == 'I') return false; /* nan, inf */
  }
  return true;
}

/* One numeric conversion through str's printf formatter: the formatted,
 * padded text as a str, or NULL. */
static PyObject *format_number(PyObject *v, char conv, int flags, Py_ssize_t width, int prec) {
  char spec[96];
  int k = 0;
  spec[k++] = '%';
  if (flags & F_LJUST) spec[k++] = '-';
  if (flags & F_SIGN) spec[k++] = '+';
  if (flags & F_BLANK) spec[k++] = ' ';
  if (flags & F_ALT) spec[k++] = '#';
  if (flags & F_ZERO) spec[k++] = '0';
  if (width >= 0) k += snprintf(spec + k, sizeof spec - (size_t)k, "%zd", width);
  if (prec >= 0) k += snprintf(spec + k, sizeof spec - (size_t)k, ".%d", prec);
  spec[k++] = conv;
  PyObject *arg = v, *fmt = NULL, *tup = NULL;
  WF_GC_ROOT(arg);
  WF_GC_ROOT(fmt);
  WF_GC_ROOT(tup);
  if (strchr("eEfFgG", conv)) {
    /* As python3.11's bytes formatting: any conversion error becomes this. */
    double x = wf_float_as_double(v);
    if (x == -1.0 && wf_err_occurred()) {
      wf_err_format(&wf_TypeError_type, "float argument required, not %.200s", WF_TYPE(v)->tp_name);
      return NULL;
    }
    if ((flags & F_NONEG0) && (x < 0 || (x == 0 && signbit(x)))) {
      /* 'z': a negative value that rounds to zero is formatted as positive. */
      char probe[32];
      int pk = snprintf(probe, sizeof probe, "%%%s.%d%c", (flags & F_ALT) ? "#" : "", prec < 0 ? 6 : prec, conv);
      fmt = wf_str_from_ascii(probe, pk);
      if (!fmt) return NULL;
      PyObject *fv = wf_float_from_double(x);
      if (!fv) return NULL;
      tup = wf_tuple_pack(1, fv);
      if (!tup) return NULL;
      PyObject *t = wf_str_mod_format(fmt, tup);
      if (!t) return NULL;
      Py_ssize_t tn;
      const char *ts = wf_str_as_utf8(t, &tn);
      if (!ts) return NULL;
      if (zero_mantissa(ts, tn)) x = -x;
    }
    arg = wf_float_from_double(x);
    if (!arg) return NULL;
  }
  fmt = wf_str_from_ascii(spec, k);
  if (!fmt) return NULL;
  tup = wf_tuple_pack(1, arg);
  if (!tup) return NULL;
  return wf_str_mod_format(fmt, tup);
}

PyObject *wf_bytes_mod(PyObject *self, PyObject *args) {
  PyObject *cur = args, *dict = NULL, *v = NULL, *temp = NULL, *key = NULL;
  WF_GC_ROOT(self);
  WF_GC_ROOT(args);
  WF_GC_ROOT(cur);
  WF_GC_ROOT(dict);
  WF_GC_ROOT(v);
  WF_GC_ROOT(temp);
  WF_GC_ROOT(key);
  /* A private copy of the format: the loop below reaches safepoints. */
  Py_ssize_t fmtlen = wf_bytes_size(self);
  char *fmtcopy = malloc((size_t)fmtlen + 1);
  if (!fmtcopy) return wf_err_no_memory();
  memcpy(fmtcopy, wf_bytes_data(self), (size_t)fmtlen);
  fmtcopy[fmtlen] = 0;
  const char *format = fmtcopy, *fmt = fmtcopy;
  Py_ssize_t fmtcnt = fmtlen;
  obuf out = {0};
  if (ob_reserve(&out, fmtlen + 16) < 0) goto fail;

  Py_ssize_t arglen, argidx;
  if (wf_tuple_check(args)) {
    arglen = WF_SIZE(args);
    argidx = 0;
  } else {
    arglen = -1;
    argidx = -2;
  }
  if (is_mapping(args)) dict = args;

#define NEXT_ARG(dst)                                                                      \
  do {                                                                                     \
    if (argidx < arglen) {                                                                 \
      argidx++;                                                                            \
      (dst) = arglen < 0 ? cur : WF_TUPLE_GET(cur, argidx - 1);                            \
    } else {                                                                               \
      wf_err_set_string(&wf_TypeError_type, "not enough arguments for format string");     \
      goto fail;                                                                           \
    }                                                                                      \
  } while (0)

  while (--fmtcnt >= 0) {
    if (*fmt != '%') {
      const char *pos = memchr(fmt + 1, '%', (size_t)fmtcnt);
      Py_ssize_t len = pos ? pos - fmt : fmtcnt + 1;
      if (ob_put(&out, fmt, len) < 0) goto fail;
      fmt += len;
      fmtcnt -= len - 1;
      continue;
    }
    /* A format specifier. */
    int flags = 0;
    Py_ssize_t width = -1;
    int prec = -1;
    char c = '\0';
    fmt++;
    if (fmtcnt > 0 && *fmt == '%') { /* "%%" */
      if (ob_put(&out, "%", 1) < 0) goto fail;
      fmt++;
      fmtcnt--;
      continue;
    }
    if (fmtcnt > 0 && *fmt == '(') {
      if (!dict) {
        wf_err_set_string(&wf_TypeError_type, "format requires a mapping");
        goto fail;
      }
      ++fmt;
      --fmtcnt;
      const char *keystart = fmt;
      int pcount = 1;
      while (pcount > 0 && --fmtcnt >= 0) {
        if (*fmt == ')') --pcount;
        else if (*fmt == '(') ++pcount;
        fmt++;
      }
      if (fmtcnt < 0 || pcount > 0) {
        wf_err_set_string(&wf_ValueError_type, "incomplete format key");
        goto fail;
      }
      key = wf_bytes_from_data(keystart, fmt - keystart - 1);
      if (!key) goto fail;
      cur = wf_object_getitem(dict, key);
      if (!cur) goto fail;
      arglen = -1;
      argidx = -2;
    }
    /* Flags. */
    while (--fmtcnt >= 0) {
      c = *fmt++;
      if (c == '-') flags |= F_LJUST;
      else if (c == '+') flags |= F_SIGN;
      else if (c == ' ') flags |= F_BLANK;
      else if (c == '#') flags |= F_ALT;
      else if (c == '0') flags |= F_ZERO;
      else if (c == 'z') flags |= F_NONEG0;
      else break;
    }
    /* Width. */
    if (c == '*') {
      NEXT_ARG(v);
      if (!wf_int_check(v)) {
        wf_err_set_string(&wf_TypeError_type, "* wants int");
        goto fail;
      }
      width = wf_number_as_ssize_t(v, &wf_OverflowError_type);
      if (width == -1 && wf_err_occurred()) {
        if (wf_err_matches(&wf_OverflowError_type))
          wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C ssize_t");
        goto fail;
      }
      if (width < 0) {
        flags |= F_LJUST;
        width = width == PTRDIFF_MIN ? PTRDIFF_MAX : -width;
      }
      if (--fmtcnt >= 0) c = *fmt++;
    } else if (c >= '0' && c <= '9') {
      width = c - '0';
      while (--fmtcnt >= 0) {
        c = *fmt++;
        if (!(c >= '0' && c <= '9')) break;
        if (width > (PTRDIFF_MAX - (c - '0')) / 10) {
          wf_err_set_string(&wf_ValueError_type, "width too big");
          goto fail;
        }
        width = width * 10 + (c - '0');
      }
    }
    /* Precision. */
    if (c == '.') {
      prec = 0;
      if (--fmtcnt >= 0) c = *fmt++;
      if (c == '*') {
        NEXT_ARG(v);
        if (!wf_int_check(v)) {
          wf_err_set_string(&wf_TypeError_type, "* wants int");
          goto fail;
        }
        Py_ssize_t pv = wf_number_as_ssize_t(v, &wf_OverflowError_type);
        if (pv == -1 && wf_err_occurred()) {
          if (wf_err_matches(&wf_OverflowError_type)) {
            wf_err_clear();
            pv = PTRDIFF_MAX;
          } else {
            goto fail;
          }
        }
        if (pv > INT_MAX || pv < INT_MIN) {
          wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C int");
          goto fail;
        }
        prec = pv < 0 ? 0 : (int)pv;
        if (--fmtcnt >= 0) c = *fmt++;
      } else if (c >= '0' && c <= '9') {
        prec = c - '0';
        while (--fmtcnt >= 0) {
          c = *fmt++;
          if (!(c >= '0' && c <= '9')) break;
          if (prec > (INT_MAX - (c - '0')) / 10) {
            wf_err_set_string(&wf_ValueError_type, "precision too big");
            goto fail;
          }
          prec = prec * 10 + (c - '0');
        }
      }
    }
    if (fmtcnt >= 0 && (c == 'h' || c == 'l' || c == 'L')) {
      if (--fmtcnt >= 0) c = *fmt++;
    }
    if (fmtcnt < 0) {
      wf_err_set_string(&wf_ValueError_type, "incomplete format");
      goto fail;
    }
    NEXT_ARG(v);

    const char *pbuf = NULL;
    Py_ssize_t len = 0;
    char onechar;
    temp = NULL;
    switch (c) {
      case 'r':
      case 'a': {
        temp = wf_object_ascii(v);
        if (!temp) goto fail;
        pbuf = wf_str_as_utf8(temp, &len);
        if (!pbuf) goto fail;
        if (prec >= 0 && len > prec) len = prec;
        break;
      }
      case 's':
      case 'b':
        temp = format_obj(v);
        if (!temp) goto fail;
        pbuf = wf_bytes_data(temp);
        len = wf_bytes_size(temp);
        if (prec >= 0 && len > prec) len = prec;
        break;
      case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        /* Fully padded by the str formatter. */
        temp = format_number(v, c == 'i' ? 'd' : c, flags, width, prec); /* errors say %d */
        if (!temp) goto fail;
        Py_ssize_t tn;
        const char *ts = wf_str_as_utf8(temp, &tn);
        if (!ts || ob_put(&out, ts, tn) < 0) goto fail;
        temp = v = NULL;
        continue;
      }
      case 'c':
        if (byte_converter(v, &onechar) < 0) goto fail;
        pbuf = &onechar;
        len = 1;
        break;
      default:
        if ((unsigned char)c >= 0x80) wf_err_set_string(&wf_ValueError_type, "");
        else
          wf_err_format(&wf_ValueError_type, "unsupported format character '%c' (0x%x) at index %zd", (int)c,
                        (unsigned)(unsigned char)c, (Py_ssize_t)(fmt - 1 - format));
        goto fail;
    }
    if (width < len) width = len;
    if (!(flags & F_LJUST) && ob_fill(&out, ' ', width - len) < 0) goto fail;
    /* pbuf may point into temp (rooted) or onechar. */
    if (ob_put(&out, pbuf, len) < 0) goto fail;
    if ((flags & F_LJUST) && ob_fill(&out, ' ', width - len) < 0) goto fail;
    temp = v = NULL;
  }
  if (argidx < arglen && !dict) {
    wf_err_set_string(&wf_TypeError_type, "not all arguments converted during bytes formatting");
    goto fail;
  }
#undef NEXT_ARG
  {
    PyObject *r = wf_bytes_from_data(out.p, out.len);
    free(out.p);
    free(fmtcopy);
    return r;
  }
fail:
  free(out.p);
  free(fmtcopy);
  return NULL;
}
