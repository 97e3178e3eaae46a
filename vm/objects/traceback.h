/* Frame objects and traceback entries (vm/objects/frameobject.c,
 * traceback.c); the public entry points are in vm/interp/interp.h. */
#ifndef WF_OBJECTS_TRACEBACK_H
#define WF_OBJECTS_TRACEBACK_H

#include "interp.h"
#include "object.h"

typedef struct wf_frameobject {
  PyObject ob_base;
  wf_frame *frame;     /* the live frame, NULL once detached */
  PyObject *f_back;    /* caller's frame object, set at detach */
  PyObject *f_code, *f_globals, *f_builtins;
  PyObject *f_locals;  /* snapshot, set at detach */
  PyObject *f_gen;     /* the generator owning the frame (keeps it alive) */
  PyObject *f_trace;
  int f_lineno, f_lasti; /* at detach */
} wf_frameobject;

/* PyTracebackObject */
typedef struct wf_traceback {
  PyObject ob_base;
  PyObject *tb_next;  /* traceback or NULL */
  PyObject *tb_frame; /* frame object */
  int tb_lasti;       /* word offset of the instruction */
  int tb_lineno;
} wf_traceback;

static inline bool wf_traceback_check(PyObject *o) { return WF_TYPE(o) == &wf_traceback_type; }
static inline bool wf_frameobject_check(PyObject *o) { return WF_TYPE(o) == &wf_frame_type; }

/* The line a frame object is at (live or detached); -1 unknown. */
int wf_frameobject_lineno(PyObject *frame);
/* A traceback entry (next may be NULL). */
PyObject *wf_traceback_new(PyObject *next, PyObject *frame, int lasti, int lineno);

/* The "Did you mean" name for an AttributeError or NameError, or NULL
 * (suggestions.c; never leaves an exception set). */
PyObject *wf_exc_suggestion(PyObject *exc);

#endif
