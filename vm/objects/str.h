/* str: CPython 3.11's PEP 393 compact layout (vm/objects/str.c and
 * str_*.c). The layout below is the ABI extensions see. Contract used by the
 * rest of the runtime; the str helper owns this file and may add to it.
 *
 * Representation
 *   - Exact str instances are compact: the code points follow the header
 *     (PyASCIIObject when state.ascii, else PyCompactUnicodeObject), NUL
 *     terminated, in the canonical kind (the narrowest of 1/2/4 bytes that
 *     holds every code point).
 *   - Instances of str subclasses are "non-compact" (state.compact == 0): a
 *     PyUnicodeObject whose data.any points into the same allocation, after
 *     tp_basicsize of the subtype (so the subtype's dict/slots come first).
 *   - The empty string and the 256 one-character latin-1 strings are static
 *     and immortal (wf_str_empty(), wf_str_from_char(c) for c < 256).
 *   - The hash (-1 until computed) and, for non-ASCII strings, the UTF-8
 *     buffer (a GC leaf object traced by the str) are caches set lazily:
 *     hash by an atomic store of the value every racer computes, utf8 by a
 *     compare-and-swap (the first buffer wins).
 * str objects are immutable once published: a function that returns a new
 * str from wf_str_new() fills it before handing it out.
 */
#ifndef WF_OBJECTS_STR_H
#define WF_OBJECTS_STR_H

#include <stdarg.h>
#include <string.h>

#include "object.h"

typedef struct {
  PyObject ob_base;
  Py_ssize_t length;  /* code points */
  Py_hash_t hash;     /* -1 until computed; racing writers store the same value */
  struct {
    unsigned int interned : 2;
    unsigned int kind : 3;   /* 1, 2 or 4 bytes per code point */
    unsigned int compact : 1;
    unsigned int ascii : 1;
    unsigned int ready : 1;  /* always 1 (CPython 3.11's PyUnicode_IS_READY) */
    unsigned int : 24;
  } state;
  wchar_t *wstr; /* always NULL in Weft */
} PyASCIIObject;

typedef struct {
  PyASCIIObject _base;
  Py_ssize_t utf8_length;
  char *utf8; /* cached UTF-8 (for non-ASCII compact strings), or NULL */
  Py_ssize_t wstr_length;
} PyCompactUnicodeObject;

/* Instances of str subclasses (not compact): data.any points into the
 * instance itself, after the subtype's tp_basicsize. */
typedef struct {
  PyCompactUnicodeObject _base;
  union {
    void *any;
    uint8_t *latin1;
    uint16_t *ucs2;
    uint32_t *ucs4;
  } data;
} PyUnicodeObject;

#define WF_STR_INTERNED_NOT 0
#define WF_STR_INTERNED_MORTAL 1
#define WF_STR_INTERNED_IMMORTAL 2

extern PyTypeObject wf_str_type, wf_str_iterator_type;

static inline bool wf_str_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_UNICODE_SUBCLASS); }
static inline bool wf_str_check_exact(PyObject *o) { return WF_TYPE(o) == &wf_str_type; }

PyObject *wf_str_from_utf8(const char *s, Py_ssize_t n); /* strict; UnicodeDecodeError */
PyObject *wf_str_from_cstr(const char *s);               /* UTF-8, NUL-terminated */
PyObject *wf_str_from_ucs4(const uint32_t *cps, Py_ssize_t n);
/* PyUnicode_FromFormat's formats (see vm/core/errors.h wf_err_format). */
PyObject *wf_str_from_format(const char *fmt, ...);
PyObject *wf_str_from_vformat(const char *fmt, va_list ap);
/* The UTF-8 bytes (cached in the object; valid while the str lives). NULL +
 * UnicodeEncodeError for lone surrogates. *len may be NULL. */
const char *wf_str_as_utf8(PyObject *s, Py_ssize_t *len);
Py_ssize_t wf_str_length(PyObject *s);
uint32_t wf_str_read_char(PyObject *s, Py_ssize_t i);
/* Interned (process-wide unique) version of s; s itself if it becomes the
 * canonical one. Interned strings live for the whole process. A subclass
 * instance is replaced by an exact str with the same value. */
PyObject *wf_str_intern(PyObject *s);
PyObject *wf_str_intern_cstr(const char *s);
bool wf_str_equal(PyObject *a, PyObject *b);          /* both str */
bool wf_str_equal_cstr(PyObject *a, const char *s);   /* ASCII s */
Py_hash_t wf_str_hash(PyObject *s);
PyObject *wf_str_concat(PyObject *a, PyObject *b);
PyObject *wf_str_join(PyObject *sep, PyObject *iterable);
/* repr() of a str, with Python's quoting and escapes. */
PyObject *wf_str_repr(PyObject *s);

/* ---- Additions (str group) ------------------------------------------------ */

/* Raw access. kind is 1, 2 or 4; data holds length code points + a NUL. */
static inline int wf_str_kind(PyObject *s) { return (int)((PyASCIIObject *)s)->state.kind; }
static inline bool wf_str_is_ascii(PyObject *s) { return ((PyASCIIObject *)s)->state.ascii; }
static inline void *wf_str_data(PyObject *s) {
  PyASCIIObject *a = (PyASCIIObject *)s;
  if (!a->state.compact) return ((PyUnicodeObject *)s)->data.any;
  if (a->state.ascii) return (void *)(a + 1);
  return (void *)((PyCompactUnicodeObject *)s + 1);
}
static inline Py_ssize_t wf_str_len(PyObject *s) { return ((PyASCIIObject *)s)->length; }
static inline uint32_t wf_str_read(int kind, const void *data, Py_ssize_t i) {
  if (kind == 1) return ((const uint8_t *)data)[i];
  if (kind == 2) return ((const uint16_t *)data)[i];
  return ((const uint32_t *)data)[i];
}
static inline void wf_str_write(int kind, void *data, Py_ssize_t i, uint32_t c) {
  if (kind == 1)
    ((uint8_t *)data)[i] = (uint8_t)c;
  else if (kind == 2)
    ((uint16_t *)data)[i] = (uint16_t)c;
  else
    ((uint32_t *)data)[i] = c;
}
/* Largest code point of a buffer (0 for an empty one). */
uint32_t wf_str_max_char(int kind, const void *data, Py_ssize_t n);
/* Kind for a largest code point. */
static inline int wf_str_kind_for(uint32_t maxchar) { return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4; }

/* The static immortal empty string. */
PyObject *wf_str_empty(void);
/* A new exact str of n code points for largest code point maxchar
 * (canonical kind), data uninitialised except the NUL: fill it with
 * wf_str_write before anyone else sees the object. n == 0 gives the static
 * empty string. OverflowError/MemoryError for absurd n. */
PyObject *wf_str_new(Py_ssize_t n, uint32_t maxchar);
/* One code point (static for c < 256). c > 0x10FFFF: ValueError. */
PyObject *wf_str_from_char(uint32_t c);
PyObject *wf_str_from_ascii(const char *s, Py_ssize_t n); /* s must be ASCII */
PyObject *wf_str_from_latin1(const uint8_t *s, Py_ssize_t n);
/* From a buffer of any kind; narrows to the canonical kind. */
PyObject *wf_str_from_kind(int kind, const void *data, Py_ssize_t n);
/* s[start:end] (clamped); s itself when the whole exact string. */
PyObject *wf_str_substr(PyObject *s, Py_ssize_t start, Py_ssize_t end);
/* An exact str equal to s (s itself when exact). */
PyObject *wf_str_exact(PyObject *s);
/* Code-point order: <0, 0, >0. */
int wf_str_compare(PyObject *a, PyObject *b);
/* s * n (n <= 0 gives ""). */
PyObject *wf_str_repeat(PyObject *s, Py_ssize_t n);
/* Find sub in s[start:end): index or -1 (direction > 0 forward, < 0 backward). */
Py_ssize_t wf_str_find(PyObject *s, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction);
/* `sub in s` for str sub. */
bool wf_str_contains(PyObject *s, PyObject *sub);
/* ascii(obj) body for a str: repr with non-ASCII escaped. */
PyObject *wf_str_ascii_repr(PyObject *s);
/* fmt % args (printf-style formatting). */
PyObject *wf_str_mod_format(PyObject *fmt, PyObject *args);
/* str.__format__(spec) for a str value (spec a str). */
PyObject *wf_str_format_spec(PyObject *s, PyObject *spec);
/* str.format(*args, **kwargs) (kwargs a dict or NULL). */
PyObject *wf_str_format_method(PyObject *fmt, PyObject *args, PyObject *kwargs);
/* s.encode(encoding, errors) -> bytes; encoding/errors NULL = utf-8/strict. */
PyObject *wf_str_encode(PyObject *s, const char *encoding, const char *errors);
/* bytes -> str; encoding/errors NULL = utf-8/strict. */
PyObject *wf_str_decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors);
/* str(obj) (obj NULL gives ""), always an exact str. */
PyObject *wf_str_from_object(PyObject *obj);

/* A growable code-point buffer that widens its kind as needed (malloc'd, no
 * object references: safe across safepoints). Functions returning int give
 * 0 or -1 with MemoryError/OverflowError set. */
typedef struct wf_strbuf {
  void *data;
  int kind;
  uint32_t maxchar;
  Py_ssize_t len, cap;
} wf_strbuf;
void wf_strbuf_init(wf_strbuf *b, Py_ssize_t hint);
int wf_strbuf_reserve(wf_strbuf *b, Py_ssize_t extra, uint32_t maxchar);
int wf_strbuf_putc(wf_strbuf *b, uint32_t c);
int wf_strbuf_put_ascii(wf_strbuf *b, const char *s, Py_ssize_t n);
int wf_strbuf_put_cstr(wf_strbuf *b, const char *s); /* ASCII */
int wf_strbuf_put_utf8(wf_strbuf *b, const char *s, Py_ssize_t n); /* lenient: bad bytes -> U+FFFD */
int wf_strbuf_put_kind(wf_strbuf *b, int kind, const void *data, Py_ssize_t n);
int wf_strbuf_put_str(wf_strbuf *b, PyObject *s); /* whole str */
int wf_strbuf_put_substr(wf_strbuf *b, PyObject *s, Py_ssize_t start, Py_ssize_t end);
int wf_strbuf_fill(wf_strbuf *b, uint32_t c, Py_ssize_t n);
PyObject *wf_strbuf_finish(wf_strbuf *b); /* frees the buffer; a new exact str */
void wf_strbuf_free(wf_strbuf *b);

/* Start-up (called by wf_runtime_init before other threads run): the
 * static strings' type, the intern table's GC root. Idempotent. */
void wf_str_init(void);

#endif
