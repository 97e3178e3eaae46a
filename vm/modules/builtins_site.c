/* exit, quit and help: CPython's site module puts them into builtins
 * (_sitebuiltins.Quitter and _Helper); Weft has no site module, so the
 * builtins module carries them. */
#include "builtins_internal.h"
#include "dict.h"
#include "errors.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

typedef struct {
  PyObject ob_base;
  PyObject *name; /* "exit" / "quit" */
  PyObject *eof;  /* "Ctrl-D (i.e. EOF)" */
} quitter;

static void quitter_trace(void *obj, wf_gc_tracer *t) {
  quitter *q = obj;
  wf_gc_visit(t, q->name);
  wf_gc_visit(t, q->eof);
}

static PyObject *quitter_repr(PyObject *self) {
  quitter *q = (quitter *)self;
  return wf_str_from_format("Use %U() or %U to exit", q->name, q->eof);
}

/* exit(code=None): close sys.stdin (errors ignored), raise SystemExit(code). */
static PyObject *quitter_tp_call(PyObject *self, PyObject *args, PyObject *kwds) {
  Py_ssize_t n = WF_SIZE(args), nkw = kwds ? wf_dict_size(kwds) : 0;
  PyObject *code = n > 0 ? WF_TUPLE_GET(args, 0) : NULL;
  if (nkw == 1 && !code) code = wf_dict_getitem_cstr(kwds, "code");
  if (n + nkw > 1 || (nkw && !code))
    return wf_err_format(&wf_TypeError_type,
                         "Quitter.__call__() takes from 1 to 2 positional arguments but %zd were given", n + nkw + 1);
  if (!code) code = WF_NONE;
  WF_GC_ROOT(code);
  PyObject *in = wf_sys_get("stdin");
  if (in && in != WF_NONE && !wf_call_method_cstr(in, "close", NULL, 0)) wf_err_clear();
  return wf_err_set_object(&wf_SystemExit_type, code);
}

static PyMemberDef quitter_members[] = {
    {"name", T_OBJECT, offsetof(quitter, name), READONLY, NULL},
    {"eof", T_OBJECT, offsetof(quitter, eof), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject wf_quitter_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(quitter),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_repr = quitter_repr,
    .tp_call = quitter_tp_call,
    .tp_members = quitter_members,
    .wf = {.trace = quitter_trace},
};
WF_REGISTER_TYPE(wf_quitter_type);

static PyObject *helper_repr(PyObject *self) {
  return wf_str_from_cstr("Type help() for interactive help, or help(object) for help about object.");
}

static PyObject *helper_call(PyObject *self, PyObject *args, PyObject *kwds) {
  return wf_err_set_string(&wf_NotImplementedError_type, "help() needs the pydoc module (standard library issue)");
}

static PyTypeObject wf_helper_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "_sitebuiltins._Helper",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_repr = helper_repr,
    .tp_call = helper_call,
};
WF_REGISTER_TYPE(wf_helper_type);

int wf_builtins_add_site(PyObject *mod) {
  WF_GC_ROOT(mod);
  const char *names[] = {"exit", "quit"};
  for (int i = 0; i < 2; i++) {
    quitter *q = (quitter *)wf_object_alloc(&wf_quitter_type, sizeof(quitter));
    WF_GC_ROOT(q);
    PyObject *name = wf_str_from_cstr(names[i]);
    WF_GC_STORE(&q->name, name);
    PyObject *eof = wf_str_from_cstr("Ctrl-D (i.e. EOF)");
    WF_GC_STORE(&q->eof, eof);
    if (wf_module_add(mod, names[i], (PyObject *)q) < 0) return -1;
  }
  PyObject *h = wf_object_alloc(&wf_helper_type, sizeof(PyObject));
  return wf_module_add(mod, "help", h);
}
