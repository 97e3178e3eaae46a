/* Smoke checks of the core spine, as C functions returning "" or a message. */
#include <stdio.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

static char msg[512];

static const char *repr_is(PyObject *o, const char *want) {
  if (!o) {
    PyObject *e = wf_err_fetch();
    PyObject *r = e ? wf_object_repr(e) : NULL;
    snprintf(msg, sizeof msg, "NULL with %s", r ? wf_str_as_utf8(r, NULL) : "?");
    return msg;
  }
  PyObject *r = wf_object_repr(o);
  if (!r) return "repr failed";
  const char *s = wf_str_as_utf8(r, NULL);
  if (strcmp(s, want) != 0) {
    snprintf(msg, sizeof msg, "got %s, want %s", s, want);
    return msg;
  }
  return "";
}

const char *core_smoke(void) {
  wf_runtime_init();
  const char *e;
  PyObject *t = wf_tuple_pack(2, wf_int_from_ssize(1), wf_str_from_cstr("a"));
  if (*(e = repr_is(t, "(1, 'a')"))) return e;
  PyObject *d = wf_dict_new();
  wf_dict_setitem(d, wf_str_from_cstr("x"), t);
  wf_dict_setitem(d, wf_int_from_ssize(3), WF_NONE);
  if (*(e = repr_is(d, "{'x': (1, 'a'), 3: None}"))) return e;
  if (*(e = repr_is((PyObject *)&wf_dict_type, "<class 'dict'>"))) return e;
  if (*(e = repr_is(wf_object_getattr_cstr((PyObject *)&wf_object_type, "__eq__"), "<slot wrapper '__eq__' of 'object' objects>"))) return e;
  return "";
}
