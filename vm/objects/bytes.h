/* bytes and bytearray (vm/objects/bytes*.c, bytearray*.c): CPython 3.11's
 * layouts. Contract used by the rest of the runtime (owned by the
 * containers group). */
#ifndef WF_OBJECTS_BYTES_H
#define WF_OBJECTS_BYTES_H

#include "lock.h"
#include "object.h"

/* bytes: immutable once published; ob_sval holds ob_size bytes plus a NUL.
 * ob_shash is -1 until computed (racing writers store the same value). */
typedef struct {
  PyVarObject ob_base;
  Py_hash_t ob_shash;
  char ob_sval[1];
} PyBytesObject;

extern PyTypeObject wf_bytes_type, wf_bytes_iter_type;
static inline bool wf_bytes_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_BYTES_SUBCLASS); }
static inline bool wf_bytes_check_exact(PyObject *o) { return WF_TYPE(o) == &wf_bytes_type; }

/* A new bytes of n bytes copied from data (data NULL: n zero bytes, to be
 * filled through wf_bytes_data before the object is shared). The empty bytes
 * and the 256 one-byte bytes are static singletons when data != NULL. */
PyObject *wf_bytes_from_data(const void *data, Py_ssize_t n);
PyObject *wf_bytes_from_cstr(const char *s);
static inline char *wf_bytes_data(PyObject *b) { return ((PyBytesObject *)b)->ob_sval; }
static inline Py_ssize_t wf_bytes_size(PyObject *b) { return ((PyVarObject *)b)->ob_size; }
PyObject *wf_bytes_concat(PyObject *a, PyObject *b); /* bytes + bytes-like */
PyObject *wf_bytes_repr(PyObject *b);                 /* b'...' */
Py_hash_t wf_bytes_hash(PyObject *b);
/* bytes(o) for any object: bytes-like, int count, iterable of ints. */
PyObject *wf_bytes_from_object(PyObject *o);
/* bytes.decode(encoding, errors) for utf-8 / ascii / latin-1 (and aliases);
 * other codecs raise NotImplementedError (LookupError for unknown names). */
PyObject *wf_bytes_decode(const char *s, Py_ssize_t n, const char *encoding, const char *errors);

/* bytearray: storage is a GC-managed byte buffer; ob_bytes/ob_start point
 * into it. Every access to the bytes takes the object's lock (byte reads of
 * a buffer being written are not word-atomic). ob_exports counts live buffer
 * exports (memoryview): while non-zero the buffer cannot be resized. */
typedef struct {
  PyVarObject ob_base;
  Py_ssize_t ob_alloc;
  char *ob_bytes;
  char *ob_start;
  Py_ssize_t ob_exports;
  wf_lock lock;
} PyByteArrayObject;

extern PyTypeObject wf_bytearray_type, wf_bytearray_iter_type;
static inline bool wf_bytearray_check(PyObject *o) { return wf_object_type_check(o, &wf_bytearray_type); }
PyObject *wf_bytearray_from_data(const void *data, Py_ssize_t n);
Py_ssize_t wf_bytearray_size(PyObject *b);

/* The bytes of any bytes-like object as a (pointer, length) that stays valid
 * while `*keep` is rooted: for bytes the object itself, for bytearray and
 * memoryview a snapshot copy. 0, or -1 with TypeError
 * "a bytes-like object is required, not 'T'". */
int wf_byteslike_view(PyObject *o, const char **data, Py_ssize_t *n, PyObject **keep);
bool wf_byteslike_check(PyObject *o);

#endif
