/* Exception instance layouts (CPython 3.11's PyBaseExceptionObject and the
 * subclasses with extra fields) and helpers (vm/objects/exceptions.c). */
#ifndef WF_OBJECTS_EXCEPTIONS_H
#define WF_OBJECTS_EXCEPTIONS_H

#include "errors.h"
#include "object.h"

#define WF_EXC_HEAD    \
  PyObject ob_base;    \
  PyObject *dict;      \
  PyObject *args;      \
  PyObject *notes;     \
  PyObject *traceback; \
  PyObject *context;   \
  PyObject *cause;     \
  char suppress_context;

typedef struct {
  WF_EXC_HEAD
} PyBaseExceptionObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *msg;
  PyObject *excs;
} PyBaseExceptionGroupObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *msg, *filename, *lineno, *offset, *end_lineno, *end_offset, *text, *print_file_and_line;
} PySyntaxErrorObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *msg, *name, *path;
} PyImportErrorObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *encoding, *object;
  Py_ssize_t start, end;
  PyObject *reason;
} PyUnicodeErrorObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *code;
} PySystemExitObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *myerrno, *strerror, *filename, *filename2;
  Py_ssize_t written; /* BlockingIOError's characters_written, -1 if unset */
} PyOSErrorObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *value;
} PyStopIterationObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *name;
} PyNameErrorObject;

typedef struct {
  WF_EXC_HEAD
  PyObject *obj, *name;
} PyAttributeErrorObject;

static inline bool wf_exc_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_BASE_EXC_SUBCLASS); }
static inline bool wf_exc_type_check(PyObject *o) {
  return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_TYPE_SUBCLASS) &&
         wf_type_has_flag((PyTypeObject *)o, Py_TPFLAGS_BASE_EXC_SUBCLASS);
}

/* After every type is ready (errno map, ...). */
void wf_exceptions_init(void);

/* Accessors (no checks beyond the type flag). */
PyObject *wf_exc_get_context(PyObject *exc);
void wf_exc_set_context(PyObject *exc, PyObject *ctx); /* ctx NULL clears */
PyObject *wf_exc_get_cause(PyObject *exc);
void wf_exc_set_cause(PyObject *exc, PyObject *cause); /* also sets __suppress_context__ */
PyObject *wf_exc_get_args(PyObject *exc);
PyObject *wf_exc_get_traceback(PyObject *exc);
void wf_exc_set_traceback(PyObject *exc, PyObject *tb);

/* OSError(errno, strerror[, filename]) with the errno -> subclass mapping. */
PyObject *wf_err_set_from_errno(PyTypeObject *type, int err, PyObject *filename);

/* StopIteration(value) raised (value NULL: no args). */
PyObject *wf_err_set_stop_iteration(PyObject *value);

/* Exception groups (exceptions_group.c).  Split `exc` by `matcher` (an
 * exception type, a tuple of them, or a predicate) into *match and *rest
 * (each NULL when empty; *rest only computed when want_rest), as
 * BaseExceptionGroup.split.  A non-group exc is matched as a leaf.  0 / -1. */
int wf_exc_group_split(PyObject *exc, PyObject *matcher, bool want_rest, PyObject **match, PyObject **rest);
/* PREP_RERAISE_STAR: from the exception that entered a try/except* (orig)
 * and the list of exceptions raised or re-raised by its clauses (None for
 * clauses that raised nothing), the exception to propagate, or None. */
PyObject *wf_exc_group_prep_reraise_star(PyObject *orig, PyObject *excs);

/* AttributeError "'T' object has no attribute 'name'" with .obj and .name set. */
PyObject *wf_err_no_attribute(PyObject *obj, PyObject *name);

#endif
