/* memoryview over bytes and bytearray (vm/objects/memoryview.c): one
 * dimension, native single-character formats (B b c h H i I l L q Q n N f d ?).
 * While a view of a bytearray is alive (not released) the bytearray cannot
 * be resized, so the view's byte pointer stays valid; element reads and
 * writes take the bytearray's lock. Owned by the containers group. */
#ifndef WF_OBJECTS_MEMORYVIEW_H
#define WF_OBJECTS_MEMORYVIEW_H

#include "lock.h"
#include "object.h"

typedef struct {
  PyObject ob_base;
  PyObject *obj;        /* the exporter (bytes or bytearray); NULL once released */
  Py_ssize_t start;     /* byte offset of item 0 */
  Py_ssize_t len;       /* number of items */
  Py_ssize_t stride;    /* bytes between items */
  Py_ssize_t itemsize;
  char fmt;             /* struct format character */
  bool readonly;
  Py_hash_t hash;       /* -1 until computed */
  wf_lock lock;         /* guards release */
} wf_memoryview;

extern PyTypeObject wf_memoryview_type, wf_memoryview_iter_type;
static inline bool wf_memoryview_check(PyObject *o) { return WF_TYPE(o) == &wf_memoryview_type; }

PyObject *wf_memoryview_new(PyObject *obj); /* memoryview(obj) */

#endif
