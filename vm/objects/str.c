/* str core: allocation (PEP 393 compact layout, canonical kind), the static
 * strings, construction from UTF-8/latin-1/UCS-4, the cached hash and UTF-8
 * buffer, comparison, concatenation, repetition, subscripts, containment,
 * repr, the code-point buffer (wf_strbuf), the str iterator and the type
 * object. Methods: str_methods.c; formatting: str_format.c; codecs:
 * str_codecs.c; interning: str_intern.c. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "slice.h"
#include "str.h"
#include "str_internal.h"
#include "tuple.h"
#include "dict.h"
#include "typeobject.h"
#include "wf_hash.h"
#include "wf_unicode.h"

/* ---- The UTF-8 cache buffer: a GC leaf object ------------------------------ */

typedef struct {
  PyObject ob_base;
  char data[];
} str_utf8buf;

/* Never visible to Python: the GC ignores its (static) type pointer. */
PyTypeObject wf_str_utf8buf_type = {
    .tp_name = "str_utf8_buffer",
    .tp_basicsize = sizeof(str_utf8buf),
};

/* ---- Static strings ------------------------------------------------------------ */

#define STR_IMMORTAL_REFCNT ((Py_ssize_t)1 << 40)

typedef struct {
  PyASCIIObject base;
  uint8_t data[8];
} str_static_ascii;

typedef struct {
  PyCompactUnicodeObject base;
  uint8_t data[8];
  char utf8[8];
} str_static_latin1;

_Static_assert(offsetof(str_static_ascii, data) == sizeof(PyASCIIObject), "ascii data follows the header");
_Static_assert(offsetof(str_static_latin1, data) == sizeof(PyCompactUnicodeObject), "data follows the header");

static str_static_ascii str_empty_obj;
static str_static_ascii str_ascii_chars[128];
static str_static_latin1 str_latin1_chars[128];

static void init_ascii_header(PyASCIIObject *a, Py_ssize_t len) {
  a->ob_base.ob_refcnt = STR_IMMORTAL_REFCNT;
  a->ob_base.ob_type = &wf_str_type;
  a->length = len;
  a->hash = -1;
  a->state.kind = 1;
  a->state.compact = 1;
  a->state.ascii = 1;
  a->state.ready = 1;
}

__attribute__((constructor)) static void str_static_init(void) {
  init_ascii_header(&str_empty_obj.base, 0);
  for (int c = 0; c < 128; c++) {
    init_ascii_header(&str_ascii_chars[c].base, 1);
    str_ascii_chars[c].data[0] = (uint8_t)c;
  }
  for (int i = 0; i < 128; i++) {
    str_static_latin1 *s = &str_latin1_chars[i];
    uint32_t c = 128u + (uint32_t)i;
    init_ascii_header(&s->base._base, 1);
    s->base._base.state.ascii = 0;
    s->data[0] = (uint8_t)c;
    s->utf8[0] = (char)(0xC0 | (c >> 6));
    s->utf8[1] = (char)(0x80 | (c & 0x3F));
    s->base.utf8 = s->utf8;
    s->base.utf8_length = 2;
  }
}

PyObject *wf_str_empty(void) { return (PyObject *)&str_empty_obj; }

bool wf_str_is_static(PyObject *s) {
  uintptr_t p = (uintptr_t)s;
  return s == (PyObject *)&str_empty_obj ||
         (p >= (uintptr_t)&str_ascii_chars[0] && p < (uintptr_t)&str_ascii_chars[128]) ||
         (p >= (uintptr_t)&str_latin1_chars[0] && p < (uintptr_t)&str_latin1_chars[128]);
}

static PyObject *char_static(uint32_t c) {
  return c < 128 ? (PyObject *)&str_ascii_chars[c] : (PyObject *)&str_latin1_chars[c - 128];
}

/* ---- Allocation ------------------------------------------------------------------ */

/* Above this many bytes of character data we raise MemoryError instead of
 * asking the heap (which aborts when the system refuses). */
#define STR_MAX_BYTES ((Py_ssize_t)1 << 36)

static PyObject *str_alloc(Py_ssize_t n, int kind, bool ascii) {
  if (n < 0 || n > STR_MAX_BYTES / kind) {
    wf_err_no_memory();
    return NULL;
  }
  size_t head = ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
  PyASCIIObject *a = (PyASCIIObject *)wf_object_alloc(&wf_str_type, head + (size_t)(n + 1) * (size_t)kind);
  a->length = n;
  a->hash = -1;
  a->state.kind = (unsigned)kind;
  a->state.compact = 1;
  a->state.ascii = ascii;
  a->state.ready = 1;
  /* The data (and its NUL) is zeroed by the allocator. */
  return (PyObject *)a;
}

PyObject *wf_str_new(Py_ssize_t n, uint32_t maxchar) {
  if (n == 0) return wf_str_empty();
  return str_alloc(n, wf_str_kind_for(maxchar), maxchar < 128);
}

uint32_t wf_str_max_char(int kind, const void *data, Py_ssize_t n) {
  uint32_t m = 0;
  if (kind == 1) {
    const uint8_t *p = data;
    for (Py_ssize_t i = 0; i < n; i++)
      if (p[i] > m) m = p[i];
  } else if (kind == 2) {
    const uint16_t *p = data;
    for (Py_ssize_t i = 0; i < n; i++)
      if (p[i] > m) m = p[i];
  } else {
    const uint32_t *p = data;
    for (Py_ssize_t i = 0; i < n; i++)
      if (p[i] > m) m = p[i];
  }
  return m;
}

/* Copy n code points between buffers of possibly different kinds (the
 * destination must be wide enough). */
void wf_str_copy_kind(int dkind, void *dst, int skind, const void *src, Py_ssize_t n) {
  if (dkind == skind) {
    memcpy(dst, src, (size_t)n * (size_t)dkind);
    return;
  }
  if (skind == 1 && dkind == 2) {
    const uint8_t *s = src; uint16_t *d = dst;
    for (Py_ssize_t i = 0; i < n; i++) d[i] = s[i];
  } else if (skind == 1 && dkind == 4) {
    const uint8_t *s = src; uint32_t *d = dst;
    for (Py_ssize_t i = 0; i < n; i++) d[i] = s[i];
  } else if (skind == 2 && dkind == 4) {
    const uint16_t *s = src; uint32_t *d = dst;
    for (Py_ssize_t i = 0; i < n; i++) d[i] = s[i];
  } else {
    for (Py_ssize_t i = 0; i < n; i++) wf_str_write(dkind, dst, i, wf_str_read(skind, src, i));
  }
}

PyObject *wf_str_from_kind(int kind, const void *data, Py_ssize_t n) {
  if (n == 0) return wf_str_empty();
  uint32_t m = wf_str_max_char(kind, data, n);
  if (n == 1 && m < 256) return char_static(m);
  PyObject *s = wf_str_new(n, m);
  if (!s) return NULL;
  wf_str_copy_kind(wf_str_kind(s), wf_str_data(s), kind, data, n);
  return s;
}

PyObject *wf_str_from_ascii(const char *p, Py_ssize_t n) {
  if (n == 0) return wf_str_empty();
  if (n == 1) return char_static((uint8_t)p[0]);
  PyObject *s = str_alloc(n, 1, true);
  if (!s) return NULL;
  memcpy(wf_str_data(s), p, (size_t)n);
  return s;
}

PyObject *wf_str_from_latin1(const uint8_t *p, Py_ssize_t n) { return wf_str_from_kind(1, p, n); }

PyObject *wf_str_from_ucs4(const uint32_t *cps, Py_ssize_t n) {
  for (Py_ssize_t i = 0; i < n; i++)
    if (cps[i] > WF_UC_MAX) return wf_err_set_string(&wf_ValueError_type, "character U+110000 is not in range [U+0000; U+10ffff]");
  return wf_str_from_kind(4, cps, n);
}

PyObject *wf_str_from_char(uint32_t c) {
  if (c < 256) return char_static(c);
  if (c > WF_UC_MAX) return wf_err_format(&wf_ValueError_type, "chr() arg not in range(0x110000)");
  PyObject *s = wf_str_new(1, c);
  if (!s) return NULL;
  wf_str_write(wf_str_kind(s), wf_str_data(s), 0, c);
  return s;
}

static bool all_ascii(const uint8_t *p, Py_ssize_t n) {
  Py_ssize_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ULL) return false;
  }
  for (; i < n; i++)
    if (p[i] & 0x80) return false;
  return true;
}

PyObject *wf_str_from_utf8(const char *s, Py_ssize_t n) {
  if (all_ascii((const uint8_t *)s, n)) return wf_str_from_ascii(s, n);
  return wf_str_decode(s, n, "utf-8", "strict");
}

PyObject *wf_str_from_cstr(const char *s) { return wf_str_from_utf8(s, (Py_ssize_t)strlen(s)); }

PyObject *wf_str_exact(PyObject *s) {
  if (wf_str_check_exact(s)) return s;
  return wf_str_from_kind(wf_str_kind(s), wf_str_data(s), wf_str_len(s));
}

/* A new instance of a str subtype holding the value of exact str s. */
PyObject *wf_str_subtype_from(PyTypeObject *type, PyObject *s) {
  Py_ssize_t n = wf_str_len(s);
  int kind = wf_str_kind(s);
  size_t base = (size_t)type->tp_basicsize;
  if (base < sizeof(PyUnicodeObject)) base = sizeof(PyUnicodeObject);
  base = (base + 7) & ~(size_t)7;
  PyUnicodeObject *u = (PyUnicodeObject *)wf_object_alloc(type, base + (size_t)(n + 1) * (size_t)kind);
  PyASCIIObject *a = &u->_base._base;
  a->length = n;
  a->hash = -1;
  a->state.kind = (unsigned)kind;
  a->state.compact = 0;
  a->state.ascii = wf_str_is_ascii(s);
  a->state.ready = 1;
  u->data.any = (char *)u + base;
  memcpy(u->data.any, wf_str_data(s), (size_t)n * (size_t)kind);
  if (a->state.ascii) {
    u->_base.utf8 = u->data.any;
    u->_base.utf8_length = n;
  }
  return (PyObject *)u;
}

/* ---- Accessors ------------------------------------------------------------------- */

Py_ssize_t wf_str_length(PyObject *s) { return wf_str_len(s); }

uint32_t wf_str_read_char(PyObject *s, Py_ssize_t i) { return wf_str_read(wf_str_kind(s), wf_str_data(s), i); }

/* ---- UTF-8 ------------------------------------------------------------------------- */

/* UTF-8 length of a buffer; -1 and *bad the index of the first surrogate. */
static Py_ssize_t utf8_size(int kind, const void *data, Py_ssize_t n, Py_ssize_t *bad) {
  Py_ssize_t size = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read(kind, data, i);
    if (c < 0x80) size += 1;
    else if (c < 0x800) size += 2;
    else if (c < 0x10000) {
      if (c >= 0xD800 && c < 0xE000) {
        *bad = i;
        return -1;
      }
      size += 3;
    } else size += 4;
  }
  return size;
}

const char *wf_str_as_utf8(PyObject *s, Py_ssize_t *len) {
  PyASCIIObject *a = (PyASCIIObject *)s;
  if (a->state.ascii) {
    if (len) *len = a->length;
    return wf_str_data(s);
  }
  PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)s;
  char *u = WF_GC_LOAD(&c->utf8);
  if (u) {
    if (len) *len = __atomic_load_n(&c->utf8_length, __ATOMIC_RELAXED);
    return u;
  }
  int kind = wf_str_kind(s);
  const void *data = wf_str_data(s);
  Py_ssize_t bad = 0;
  Py_ssize_t size = utf8_size(kind, data, a->length, &bad);
  if (size < 0) {
    Py_ssize_t end = bad + 1;
    while (end < a->length) {
      uint32_t ch = wf_str_read(kind, data, end);
      if (ch < 0xD800 || ch >= 0xE000) break;
      end++;
    }
    wf_str_raise_encode_error("utf-8", s, bad, end, "surrogates not allowed");
    return NULL;
  }
  str_utf8buf *buf = (str_utf8buf *)wf_object_alloc(&wf_str_utf8buf_type, sizeof(str_utf8buf) + (size_t)size + 1);
  char *p = buf->data;
  for (Py_ssize_t i = 0; i < a->length; i++) p += wf_uc_utf8_encode(wf_str_read(kind, data, i), p);
  *p = 0;
  __atomic_store_n(&c->utf8_length, size, __ATOMIC_RELAXED);
  char *expected = NULL;
  if (!__atomic_compare_exchange_n(&c->utf8, &expected, buf->data, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    if (len) *len = size;
    return expected; /* another thread published an identical buffer first */
  }
  if (len) *len = size;
  return buf->data;
}

/* ---- Hash, equality, order --------------------------------------------------------- */

Py_hash_t wf_str_hash(PyObject *s) {
  PyASCIIObject *a = (PyASCIIObject *)s;
  Py_hash_t h = __atomic_load_n(&a->hash, __ATOMIC_RELAXED);
  if (h != -1) return h;
  Py_ssize_t n = a->length;
  const void *d = wf_str_data(s);
  if (n == 0) h = 0;
  else if (a->state.kind == 1) h = wf_hash_latin1(d, (size_t)n);
  else if (a->state.kind == 2) h = wf_hash_ucs2(d, (size_t)n);
  else h = wf_hash_ucs4(d, (size_t)n);
  __atomic_store_n(&a->hash, h, __ATOMIC_RELAXED);
  return h;
}

bool wf_str_equal(PyObject *a, PyObject *b) {
  if (a == b) return true;
  Py_ssize_t n = wf_str_len(a);
  if (n != wf_str_len(b)) return false;
  int k = wf_str_kind(a);
  if (k != wf_str_kind(b)) return false;
  Py_hash_t ha = __atomic_load_n(&((PyASCIIObject *)a)->hash, __ATOMIC_RELAXED);
  Py_hash_t hb = __atomic_load_n(&((PyASCIIObject *)b)->hash, __ATOMIC_RELAXED);
  if (ha != -1 && hb != -1 && ha != hb) return false;
  return memcmp(wf_str_data(a), wf_str_data(b), (size_t)n * (size_t)k) == 0;
}

bool wf_str_equal_cstr(PyObject *a, const char *s) {
  size_t n = strlen(s);
  if ((size_t)wf_str_len(a) != n) return false;
  int k = wf_str_kind(a);
  const void *d = wf_str_data(a);
  if (k == 1) return memcmp(d, s, n) == 0;
  for (size_t i = 0; i < n; i++)
    if (wf_str_read(k, d, (Py_ssize_t)i) != (uint8_t)s[i]) return false;
  return true;
}

int wf_str_compare(PyObject *a, PyObject *b) {
  if (a == b) return 0;
  Py_ssize_t na = wf_str_len(a), nb = wf_str_len(b), n = na < nb ? na : nb;
  int ka = wf_str_kind(a), kb = wf_str_kind(b);
  const void *da = wf_str_data(a), *db = wf_str_data(b);
  if (ka == 1 && kb == 1) {
    int r = memcmp(da, db, (size_t)n);
    if (r) return r < 0 ? -1 : 1;
  } else {
    for (Py_ssize_t i = 0; i < n; i++) {
      uint32_t x = wf_str_read(ka, da, i), y = wf_str_read(kb, db, i);
      if (x != y) return x < y ? -1 : 1;
    }
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

static PyObject *str_richcompare(PyObject *a, PyObject *b, int op) {
  if (!wf_str_check(a) || !wf_str_check(b)) return WF_NOTIMPLEMENTED;
  bool r;
  if (op == Py_EQ || op == Py_NE) {
    r = wf_str_equal(a, b);
    if (op == Py_NE) r = !r;
  } else {
    int c = wf_str_compare(a, b);
    switch (op) {
    case Py_LT: r = c < 0; break;
    case Py_LE: r = c <= 0; break;
    case Py_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
  }
  return wf_bool_from(r);
}

static Py_hash_t str_tp_hash(PyObject *s) { return wf_str_hash(s); }

/* ---- Concatenation, repetition, substrings ------------------------------------------ */

PyObject *wf_str_concat(PyObject *a, PyObject *b) {
  if (!wf_str_check(a) || !wf_str_check(b)) {
    PyObject *bad = wf_str_check(a) ? b : a;
    return wf_err_format(&wf_TypeError_type, "can only concatenate str (not \"%.200s\") to str", WF_TYPE(bad)->tp_name);
  }
  Py_ssize_t na = wf_str_len(a), nb = wf_str_len(b);
  if (na == 0 && wf_str_check_exact(b)) return b;
  if (nb == 0 && wf_str_check_exact(a)) return a;
  if (na > PTRDIFF_MAX - nb) return wf_err_set_string(&wf_OverflowError_type, "strings are too large to concat");
  int ka = wf_str_kind(a), kb = wf_str_kind(b);
  uint32_t m;
  bool ascii = wf_str_is_ascii(a) && wf_str_is_ascii(b);
  if (ascii) m = 127;
  else {
    int k = ka > kb ? ka : kb;
    m = k == 1 ? 255 : k == 2 ? 0xFFFF : 0x10FFFF;
  }
  PyObject *r = wf_str_new(na + nb, m);
  if (!r) return NULL;
  int kr = wf_str_kind(r);
  char *d = wf_str_data(r);
  wf_str_copy_kind(kr, d, ka, wf_str_data(a), na);
  wf_str_copy_kind(kr, d + na * kr, kb, wf_str_data(b), nb);
  return r;
}

PyObject *wf_str_repeat(PyObject *s, Py_ssize_t n) {
  Py_ssize_t len = wf_str_len(s);
  if (n <= 0 || len == 0) return wf_str_empty();
  if (n == 1) return wf_str_exact(s);
  if (len > PTRDIFF_MAX / n) return wf_err_set_string(&wf_OverflowError_type, "repeated string is too long");
  Py_ssize_t total = len * n;
  int k = wf_str_kind(s);
  PyObject *r = str_alloc(total, k, wf_str_is_ascii(s));
  if (!r) return NULL;
  char *d = wf_str_data(r);
  const char *src = wf_str_data(s);
  size_t unit = (size_t)len * (size_t)k, all = (size_t)total * (size_t)k;
  if (len == 1 && k == 1) {
    memset(d, src[0], all);
    return r;
  }
  memcpy(d, src, unit);
  size_t done = unit;
  while (done < all) {
    size_t c = done <= all - done ? done : all - done;
    memcpy(d + done, d, c);
    done += c;
  }
  return r;
}

PyObject *wf_str_substr(PyObject *s, Py_ssize_t start, Py_ssize_t end) {
  Py_ssize_t n = wf_str_len(s);
  if (start < 0) start = 0;
  if (end > n) end = n;
  if (start >= end) return wf_str_empty();
  if (start == 0 && end == n && wf_str_check_exact(s)) return s;
  int k = wf_str_kind(s);
  const char *d = (const char *)wf_str_data(s) + start * k;
  if (wf_str_is_ascii(s)) return wf_str_from_ascii(d, end - start);
  return wf_str_from_kind(k, d, end - start);
}

/* ---- Search (shared with str_methods.c) -------------------------------------------- */

Py_ssize_t wf_str_find_raw(int kind, const void *hay, Py_ssize_t n, int nkind, const void *needle, Py_ssize_t m,
                           int direction) {
  if (m == 0) return direction > 0 ? 0 : n;
  if (m > n) return -1;
  if (nkind > kind) {
    /* A needle wider than the haystack can only match if its code points fit. */
    if (wf_str_max_char(nkind, needle, m) > (kind == 1 ? 0xFFu : 0xFFFFu)) return -1;
  }
  uint32_t first = wf_str_read(nkind, needle, 0);
  if (kind == 1 && nkind == 1) {
    const uint8_t *h = hay, *nd = needle;
    if (direction > 0) {
      const uint8_t *p = h, *end = h + (n - m) + 1;
      while (p < end) {
        p = memchr(p, nd[0], (size_t)(end - p));
        if (!p) return -1;
        if (memcmp(p, nd, (size_t)m) == 0) return p - h;
        p++;
      }
      return -1;
    }
    for (Py_ssize_t i = n - m; i >= 0; i--)
      if (h[i] == nd[0] && memcmp(h + i, nd, (size_t)m) == 0) return i;
    return -1;
  }
  if (direction > 0) {
    for (Py_ssize_t i = 0; i + m <= n; i++) {
      if (wf_str_read(kind, hay, i) != first) continue;
      Py_ssize_t j = 1;
      while (j < m && wf_str_read(kind, hay, i + j) == wf_str_read(nkind, needle, j)) j++;
      if (j == m) return i;
    }
  } else {
    for (Py_ssize_t i = n - m; i >= 0; i--) {
      if (wf_str_read(kind, hay, i) != first) continue;
      Py_ssize_t j = 1;
      while (j < m && wf_str_read(kind, hay, i + j) == wf_str_read(nkind, needle, j)) j++;
      if (j == m) return i;
    }
  }
  return -1;
}

Py_ssize_t wf_str_find(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction) {
  Py_ssize_t n = wf_str_len(s);
  if (end > n) end = n;
  if (start < 0) start = 0;
  if (end - start < wf_str_len(sub)) return -1;
  int k = wf_str_kind(s);
  Py_ssize_t r = wf_str_find_raw(k, (const char *)wf_str_data(s) + start * k, end - start, wf_str_kind(sub),
                                 wf_str_data(sub), wf_str_len(sub), direction);
  return r < 0 ? -1 : r + start;
}

bool wf_str_contains(PyObject *s, PyObject *sub) { return wf_str_find(s, sub, 0, wf_str_len(s), 1) >= 0; }

static int str_sq_contains(PyObject *s, PyObject *sub) {
  if (!wf_str_check(sub)) {
    wf_err_format(&wf_TypeError_type, "'in <string>' requires string as left operand, not %.100s", WF_TYPE(sub)->tp_name);
    return -1;
  }
  return wf_str_contains(s, sub);
}

/* ---- repr ------------------------------------------------------------------------------ */

static PyObject *repr_impl(PyObject *s, bool ascii_only) {
  Py_ssize_t n = wf_str_len(s);
  int k = wf_str_kind(s);
  const void *d = wf_str_data(s);
  bool has_sq = false, has_dq = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read(k, d, i);
    if (c == '\'') has_sq = true;
    else if (c == '"') has_dq = true;
  }
  uint32_t quote = (has_sq && !has_dq) ? '"' : '\'';
  wf_strbuf b;
  wf_strbuf_init(&b, n + 2);
  static const char hexd[] = "0123456789abcdef";
  if (wf_strbuf_putc(&b, quote) < 0) goto fail;
  for (Py_ssize_t i = 0; i < n; i++) {
    uint32_t c = wf_str_read(k, d, i);
    char esc[12];
    int el = 0;
    if (c == quote || c == '\\') {
      esc[0] = '\\', esc[1] = (char)c, el = 2;
    } else if (c == '\t') {
      esc[0] = '\\', esc[1] = 't', el = 2;
    } else if (c == '\n') {
      esc[0] = '\\', esc[1] = 'n', el = 2;
    } else if (c == '\r') {
      esc[0] = '\\', esc[1] = 'r', el = 2;
    } else if (c < 0x20 || c == 0x7F) {
      esc[0] = '\\', esc[1] = 'x', esc[2] = hexd[c >> 4], esc[3] = hexd[c & 15], el = 4;
    } else if (c < 0x7F) {
      if (wf_strbuf_putc(&b, c) < 0) goto fail;
      continue;
    } else if (!ascii_only && wf_uc_isprintable(c)) {
      if (wf_strbuf_putc(&b, c) < 0) goto fail;
      continue;
    } else if (c <= 0xFF) {
      esc[0] = '\\', esc[1] = 'x', esc[2] = hexd[c >> 4], esc[3] = hexd[c & 15], el = 4;
    } else if (c <= 0xFFFF) {
      esc[0] = '\\', esc[1] = 'u';
      for (int j = 0; j < 4; j++) esc[2 + j] = hexd[(c >> (12 - 4 * j)) & 15];
      el = 6;
    } else {
      esc[0] = '\\', esc[1] = 'U';
      for (int j = 0; j < 8; j++) esc[2 + j] = hexd[(c >> (28 - 4 * j)) & 15];
      el = 10;
    }
    if (wf_strbuf_put_ascii(&b, esc, el) < 0) goto fail;
  }
  if (wf_strbuf_putc(&b, quote) < 0) goto fail;
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

PyObject *wf_str_repr(PyObject *s) { return repr_impl(s, false); }
PyObject *wf_str_ascii_repr(PyObject *s) { return repr_impl(s, true); }

static PyObject *str_tp_str(PyObject *s) { return wf_str_exact(s); }

/* ---- Sequence and mapping slots ------------------------------------------------------- */

static Py_ssize_t str_sq_length(PyObject *s) { return wf_str_len(s); }

static PyObject *str_sq_item(PyObject *s, Py_ssize_t i) {
  Py_ssize_t n = wf_str_len(s);
  if (i < 0 || i >= n) return wf_err_set_string(&wf_IndexError_type, "string index out of range");
  return wf_str_from_char(wf_str_read_char(s, i));
}

static PyObject *str_sq_repeat(PyObject *s, Py_ssize_t n) { return wf_str_repeat(s, n); }

static PyObject *str_sq_concat(PyObject *a, PyObject *b) { return wf_str_concat(a, b); }

static PyObject *str_mp_subscript(PyObject *s, PyObject *key) {
  if (wf_index_check(key)) {
    Py_ssize_t i = wf_number_as_ssize_t(key, &wf_IndexError_type);
    if (i == -1 && wf_err_occurred()) return NULL;
    if (i < 0) i += wf_str_len(s);
    return str_sq_item(s, i);
  }
  Py_ssize_t start, stop, step, len;
  int r = wf_str_slice_indices(key, wf_str_len(s), &start, &stop, &step, &len);
  if (r < 0) return NULL;
  if (r == 0)
    return wf_err_format(&wf_TypeError_type, "string indices must be integers, not '%.200s'", WF_TYPE(key)->tp_name);
  if (step == 1) return wf_str_substr(s, start, start + len);
  if (len <= 0) return wf_str_empty();
  int k = wf_str_kind(s);
  const void *d = wf_str_data(s);
  uint32_t m = 0;
  for (Py_ssize_t i = 0, j = start; i < len; i++, j += step) {
    uint32_t c = wf_str_read(k, d, j);
    if (c > m) m = c;
  }
  if (len == 1) return wf_str_from_char(m);
  PyObject *res = wf_str_new(len, m);
  if (!res) return NULL;
  int rk = wf_str_kind(res);
  void *rd = wf_str_data(res);
  for (Py_ssize_t i = 0, j = start; i < len; i++, j += step) wf_str_write(rk, rd, i, wf_str_read(k, d, j));
  return res;
}

int wf_str_slice_indices(PyObject *key, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step,
                         Py_ssize_t *slicelen) {
  if (!wf_slice_check(key)) return 0;
  if (wf_slice_unpack(key, start, stop, step) < 0) return -1;
  *slicelen = wf_slice_adjust(length, start, stop, *step);
  return 1;
}

/* ---- The code-point buffer ---------------------------------------------------------------- */

void wf_strbuf_init(wf_strbuf *b, Py_ssize_t hint) {
  b->data = NULL;
  b->kind = 1;
  b->maxchar = 0;
  b->len = 0;
  b->cap = 0;
  if (hint > 0 && hint < (1 << 20)) {
    b->data = malloc((size_t)hint);
    if (b->data) b->cap = hint;
  }
}

void wf_strbuf_free(wf_strbuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

int wf_strbuf_reserve(wf_strbuf *b, Py_ssize_t extra, uint32_t maxchar) {
  int nk = wf_str_kind_for(maxchar);
  if (extra < 0 || b->len > STR_MAX_BYTES - extra) {
    wf_err_no_memory();
    return -1;
  }
  Py_ssize_t need = b->len + extra;
  if (nk > b->kind) {
    Py_ssize_t cap = need > b->cap ? need : b->cap;
    if (cap < 16) cap = 16;
    void *nd = malloc((size_t)cap * (size_t)nk);
    if (!nd) {
      wf_err_no_memory();
      return -1;
    }
    wf_str_copy_kind(nk, nd, b->kind, b->data, b->len);
    free(b->data);
    b->data = nd;
    b->kind = nk;
    b->cap = cap;
  }
  if (maxchar > b->maxchar) b->maxchar = maxchar;
  if (need > b->cap) {
    Py_ssize_t cap = b->cap < 16 ? 16 : b->cap;
    while (cap < need) cap = cap + cap / 2 + 16;
    void *nd = realloc(b->data, (size_t)cap * (size_t)b->kind);
    if (!nd) {
      wf_err_no_memory();
      return -1;
    }
    b->data = nd;
    b->cap = cap;
  }
  return 0;
}

int wf_strbuf_putc(wf_strbuf *b, uint32_t c) {
  if (b->len >= b->cap || c > b->maxchar) {
    if (wf_strbuf_reserve(b, 1, c) < 0) return -1;
  }
  wf_str_write(b->kind, b->data, b->len++, c);
  return 0;
}

int wf_strbuf_put_ascii(wf_strbuf *b, const char *s, Py_ssize_t n) {
  if (wf_strbuf_reserve(b, n, 0x7F) < 0) return -1;
  if (b->kind == 1) memcpy((char *)b->data + b->len, s, (size_t)n);
  else wf_str_copy_kind(b->kind, (char *)b->data + b->len * b->kind, 1, s, n);
  b->len += n;
  return 0;
}

int wf_strbuf_put_cstr(wf_strbuf *b, const char *s) { return wf_strbuf_put_ascii(b, s, (Py_ssize_t)strlen(s)); }

int wf_strbuf_put_kind(wf_strbuf *b, int kind, const void *data, Py_ssize_t n) {
  if (n == 0) return 0;
  uint32_t m = wf_str_max_char(kind, data, n);
  if (wf_strbuf_reserve(b, n, m) < 0) return -1;
  wf_str_copy_kind(b->kind, (char *)b->data + b->len * b->kind, kind, data, n);
  b->len += n;
  return 0;
}

int wf_strbuf_put_substr(wf_strbuf *b, PyObject *s, Py_ssize_t start, Py_ssize_t end) {
  if (end <= start) return 0;
  int k = wf_str_kind(s);
  const char *d = (const char *)wf_str_data(s) + start * k;
  if (wf_str_is_ascii(s)) return wf_strbuf_put_ascii(b, d, end - start);
  return wf_strbuf_put_kind(b, k, d, end - start);
}

int wf_strbuf_put_str(wf_strbuf *b, PyObject *s) { return wf_strbuf_put_substr(b, s, 0, wf_str_len(s)); }

int wf_strbuf_fill(wf_strbuf *b, uint32_t c, Py_ssize_t n) {
  if (n <= 0) return 0;
  if (wf_strbuf_reserve(b, n, c) < 0) return -1;
  if (b->kind == 1) memset((char *)b->data + b->len, (int)c, (size_t)n);
  else
    for (Py_ssize_t i = 0; i < n; i++) wf_str_write(b->kind, b->data, b->len + i, c);
  b->len += n;
  return 0;
}

/* Lenient UTF-8 (for wf_str_from_format's C strings): invalid bytes give U+FFFD. */
int wf_strbuf_put_utf8(wf_strbuf *b, const char *s, Py_ssize_t n) {
  const uint8_t *p = (const uint8_t *)s;
  Py_ssize_t i = 0;
  while (i < n) {
    Py_ssize_t j = i;
    while (j < n && p[j] < 0x80) j++;
    if (j > i && wf_strbuf_put_ascii(b, (const char *)p + i, j - i) < 0) return -1;
    i = j;
    if (i >= n) break;
    uint32_t c;
    int used = wf_utf8_decode_one(p + i, n - i, &c);
    if (used <= 0) {
      c = 0xFFFD;
      used = 1;
    }
    if (wf_strbuf_putc(b, c) < 0) return -1;
    i += used;
  }
  return 0;
}

PyObject *wf_strbuf_finish(wf_strbuf *b) {
  PyObject *r;
  if (b->kind == 1 && b->maxchar < 128) r = wf_str_from_ascii(b->data, b->len);
  else if (b->len == 1) r = wf_str_from_char(wf_str_read(b->kind, b->data, 0));
  else r = wf_str_from_kind(b->kind, b->data, b->len);
  wf_strbuf_free(b);
  return r;
}

/* Decode one well-formed UTF-8 sequence (strict: no surrogates, no overlongs):
 * its length, or 0 if malformed. */
int wf_utf8_decode_one(const uint8_t *p, Py_ssize_t n, uint32_t *out) {
  uint8_t c = p[0];
  if (c < 0x80) {
    *out = c;
    return 1;
  }
  if (c < 0xC2 || c > 0xF4) return 0;
  if (c < 0xE0) {
    if (n < 2 || (p[1] & 0xC0) != 0x80) return 0;
    *out = ((uint32_t)(c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;
    if (c == 0xED && p[1] > 0x9F) return 0;
    *out = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return 3;
  }
  if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
  if (c == 0xF0 && p[1] < 0x90) return 0;
  if (c == 0xF4 && p[1] > 0x8F) return 0;
  *out = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  return 4;
}

/* ---- The iterator --------------------------------------------------------------------------- */

typedef struct {
  PyObject ob_base;
  PyObject *str;      /* NULL once exhausted */
  Py_ssize_t index;   /* advanced atomically: each item is handed out once */
} str_iterator;

static void str_iterator_trace(void *o, wf_gc_tracer *t) { wf_gc_visit(t, WF_GC_LOAD(&((str_iterator *)o)->str)); }

static PyObject *str_iter(PyObject *s) {
  str_iterator *it = (str_iterator *)wf_object_alloc(&wf_str_iterator_type, sizeof(str_iterator));
  WF_GC_STORE(&it->str, s);
  it->index = 0;
  return (PyObject *)it;
}

static PyObject *str_iterator_next(PyObject *o) {
  str_iterator *it = (str_iterator *)o;
  PyObject *s = WF_GC_LOAD(&it->str);
  if (!s) return NULL;
  Py_ssize_t i = __atomic_fetch_add(&it->index, 1, __ATOMIC_RELAXED);
  if (i >= wf_str_len(s)) {
    __atomic_store_n(&it->index, wf_str_len(s), __ATOMIC_RELAXED);
    WF_GC_STORE(&it->str, NULL);
    return NULL;
  }
  return wf_str_from_char(wf_str_read_char(s, i));
}

static PyObject *str_iterator_self(PyObject *o) { return o; }

static PyObject *str_iterator_length_hint(PyObject *o, PyObject *unused) {
  str_iterator *it = (str_iterator *)o;
  PyObject *s = WF_GC_LOAD(&it->str);
  Py_ssize_t r = 0;
  if (s) {
    r = wf_str_len(s) - __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    if (r < 0) r = 0;
  }
  return wf_int_from_ssize(r);
}

static PyObject *str_iterator_reduce(PyObject *o, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "str_iterator.__reduce__ (pickling iterators) is not implemented");
}

static PyMethodDef str_iterator_methods[] = {
    {"__length_hint__", (PyCFunction)str_iterator_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)str_iterator_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject wf_str_iterator_type = {
    .ob_base = {.ob_base = {.ob_refcnt = STR_IMMORTAL_REFCNT, .ob_type = &wf_type_type}},
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(str_iterator),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_iter = str_iterator_self,
    .tp_iternext = str_iterator_next,
    .tp_methods = str_iterator_methods,
    .wf = {.trace = str_iterator_trace},
};

/* ---- Construction: str(object='') / str(object=b'', encoding, errors) ------------------------ */

PyObject *wf_str_from_object(PyObject *obj) {
  if (!obj) return wf_str_empty();
  if (wf_str_check_exact(obj)) return obj;
  PyObject *r = wf_object_str(obj);
  if (!r) return NULL;
  return wf_str_exact(r);
}

static PyObject *str_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"object", "encoding", "errors"};
  Py_ssize_t nargs = args ? WF_SIZE(args) : 0;
  PyObject *out[3] = {NULL, NULL, NULL};
  if (nargs > 3) return wf_err_format(&wf_TypeError_type, "str() takes at most 3 arguments (%zd given)", nargs);
  for (Py_ssize_t i = 0; i < nargs; i++) out[i] = WF_TUPLE_GET(args, i);
  if (kwds) {
    Py_ssize_t pos = 0, total = nargs;
    PyObject *k, *v;
    while (wf_dict_next(kwds, &pos, &k, &v)) {
      int which = -1;
      for (int j = 0; j < 3; j++)
        if (wf_str_check(k) && wf_str_equal_cstr(k, names[j])) which = j;
      if (which < 0)
        return wf_err_format(&wf_TypeError_type, "%R is an invalid keyword argument for str()", k);
      if (out[which])
        return wf_err_format(&wf_TypeError_type, "argument for str() given by name ('%s') and position (%d)",
                             names[which], which + 1);
      out[which] = v;
      total++;
    }
    if (total > 3) return wf_err_format(&wf_TypeError_type, "str() takes at most 3 arguments (%zd given)", total);
  }
  PyObject *obj = out[0], *enc = out[1], *errs = out[2];
  PyObject *res;
  if (!enc && !errs) {
    res = wf_str_from_object(obj);
  } else {
    const char *encoding = NULL, *errors = NULL;
    if (enc) {
      if (!wf_str_check(enc))
        return wf_err_format(&wf_TypeError_type, "str() argument 'encoding' must be str, not %.50s", WF_TYPE(enc)->tp_name);
      encoding = wf_str_as_utf8(enc, NULL);
      if (!encoding) return NULL;
    }
    if (errs) {
      if (!wf_str_check(errs))
        return wf_err_format(&wf_TypeError_type, "str() argument 'errors' must be str, not %.50s", WF_TYPE(errs)->tp_name);
      errors = wf_str_as_utf8(errs, NULL);
      if (!errors) return NULL;
    }
    if (!obj) res = wf_str_empty();
    else res = wf_str_decode_object(obj, encoding, errors);
  }
  if (!res || type == &wf_str_type) return res;
  return wf_str_subtype_from(type, res);
}

/* ---- The type ------------------------------------------------------------------------------- */

static void str_trace(void *o, wf_gc_tracer *t) {
  PyASCIIObject *a = o;
  if (a->state.ascii) return;
  char *u = WF_GC_LOAD(&((PyCompactUnicodeObject *)o)->utf8);
  if (u) wf_gc_visit(t, u - offsetof(str_utf8buf, data));
}

static PySequenceMethods str_as_sequence = {
    .sq_length = str_sq_length,
    .sq_concat = str_sq_concat,
    .sq_repeat = str_sq_repeat,
    .sq_item = str_sq_item,
    .sq_contains = str_sq_contains,
};

static PyMappingMethods str_as_mapping = {
    .mp_length = str_sq_length,
    .mp_subscript = str_mp_subscript,
};

static PyNumberMethods str_as_number = {
    .nb_remainder = wf_str_nb_remainder,
};

static PyObject *str_tp_repr(PyObject *s) { return wf_str_repr(s); }

PyTypeObject wf_str_type = {
    .ob_base = {.ob_base = {.ob_refcnt = STR_IMMORTAL_REFCNT, .ob_type = &wf_type_type}},
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_repr = str_tp_repr,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_hash = str_tp_hash,
    .tp_str = str_tp_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to sys.getdefaultencoding().\n"
              "errors defaults to 'strict'.",
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_methods = wf_str_methods,
    .tp_new = str_tp_new,
    .wf = {.trace = str_trace},
};
