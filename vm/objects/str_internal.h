/* Private declarations shared by the str files (str.c, str_*.c). */
#ifndef WF_OBJECTS_STR_INTERNAL_H
#define WF_OBJECTS_STR_INTERNAL_H

#include "str.h"
#include "wf_unicode.h"

extern PyTypeObject wf_str_utf8buf_type;
extern PyMethodDef wf_str_methods[];

bool wf_str_is_static(PyObject *s);
void wf_str_copy_kind(int dkind, void *dst, int skind, const void *src, Py_ssize_t n);
/* A str-subtype instance holding the value of the str s. */
PyObject *wf_str_subtype_from(PyTypeObject *type, PyObject *s);

/* UTF-8: encode one code point (1..4 bytes; surrogates encoded as 3 bytes);
 * decode one strict sequence (length or 0 when malformed). */
int wf_utf8_decode_one(const uint8_t *p, Py_ssize_t n, uint32_t *out);

/* Raise UnicodeEncodeError(encoding, s, start, end, reason) /
 * UnicodeDecodeError(encoding, bytes(data[0:n]), start, end, reason). */
void wf_str_raise_encode_error(const char *encoding, PyObject *s, Py_ssize_t start, Py_ssize_t end, const char *reason);
void wf_str_raise_decode_error(const char *encoding, const char *data, Py_ssize_t n, Py_ssize_t start, Py_ssize_t end,
                               const char *reason);

/* Substring search over raw buffers: index in hay or -1. */
Py_ssize_t wf_str_find_raw(int kind, const void *hay, Py_ssize_t n, int nkind, const void *needle, Py_ssize_t m,
                           int direction);

/* If key is a slice: 1 with the adjusted indices and slice length; 0 when
 * key is not a slice; -1 on error. */
int wf_str_slice_indices(PyObject *key, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step,
                         Py_ssize_t *slicelen);

/* str(obj, encoding, errors): obj must be bytes-like. */
PyObject *wf_str_decode_object(PyObject *obj, const char *encoding, const char *errors);

/* The % operator slot (str % args; NotImplemented when the left operand is
 * not a str). */
PyObject *wf_str_nb_remainder(PyObject *a, PyObject *b);

#endif
