/* str: CPython 3.11's PEP 393 compact layout (vm/objects/str.c and
 * str_*.c). The layout below is the ABI extensions see. Contract used by the
 * rest of the runtime; the str helper owns this file and may add to it. */
#ifndef WF_OBJECTS_STR_H
#define WF_OBJECTS_STR_H

#include <stdarg.h>

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
    unsigned int : 25;
  } state;
  wchar_t *wstr; /* always NULL in Weft */
} PyASCIIObject;

typedef struct {
  PyASCIIObject _base;
  Py_ssize_t utf8_length;
  char *utf8; /* cached UTF-8 (for non-ASCII compact strings), or NULL */
  Py_ssize_t wstr_length;
} PyCompactUnicodeObject;

extern PyTypeObject wf_str_type;

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
 * canonical one. Interned strings live for the whole process. */
PyObject *wf_str_intern(PyObject *s);
PyObject *wf_str_intern_cstr(const char *s);
bool wf_str_equal(PyObject *a, PyObject *b);          /* both str */
bool wf_str_equal_cstr(PyObject *a, const char *s);   /* ASCII s */
Py_hash_t wf_str_hash(PyObject *s);
PyObject *wf_str_concat(PyObject *a, PyObject *b);
PyObject *wf_str_join(PyObject *sep, PyObject *iterable);
/* repr() of a str, with Python's quoting and escapes. */
PyObject *wf_str_repr(PyObject *s);

#endif
