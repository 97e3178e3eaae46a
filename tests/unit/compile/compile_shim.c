/* C side of the compiler tests: compile files and snippets through
 * wf_compile_source and check the code objects' invariants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "compile.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "opcodes.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "tuple.h"

void compile_shim_init(void) { wf_runtime_init(); }

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t k;
  while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  *len = n;
  return buf;
}

static const char *utf8(PyObject *s) {
  const char *r = s && wf_str_check(s) ? wf_str_as_utf8(s, NULL) : NULL;
  return r ? r : "?";
}

/* Invariants of one code object (and its nested ones). */
static int check_code(wf_code *co, char *err, size_t errlen) {
  if (co->co_stacksize <= 0) {
    snprintf(err, errlen, "%s: stacksize %d", utf8(co->co_qualname), co->co_stacksize);
    return -1;
  }
  uint32_t prev_end = 0;
  for (int i = 0; i < co->co_nhandlers; i++) {
    const wf_code_handler *h = &co->co_handlers[i];
    if (h->start >= h->end || h->end > (uint32_t)co->co_nwords || h->handler >= (uint32_t)co->co_nwords ||
        h->start < prev_end || h->depth > co->co_stacksize) {
      snprintf(err, errlen, "%s: bad handler %d: %u-%u -> %u depth %u", utf8(co->co_qualname), i, h->start, h->end,
               h->handler, h->depth);
      return -1;
    }
    prev_end = h->end;
  }
  int ncache = 0;
  for (int off = 0; off < co->co_nwords;) {
    wf_opcode op = wf_instr_op(co->co_words[off]);
    if (op >= WF_OP_COUNT_) {
      snprintf(err, errlen, "%s: bad opcode at %d", utf8(co->co_qualname), off);
      return -1;
    }
    if (wf_opcode_has_cache[op]) {
      if (co->co_words[off + 1] != (uint32_t)ncache++) {
        snprintf(err, errlen, "%s: bad cache index at %d", utf8(co->co_qualname), off);
        return -1;
      }
    }
    off += 1 + wf_opcode_has_cache[op];
  }
  if (ncache != co->co_ncaches) {
    snprintf(err, errlen, "%s: ncaches %d != %d", utf8(co->co_qualname), ncache, co->co_ncaches);
    return -1;
  }
  for (Py_ssize_t i = 0; i < WF_SIZE(co->co_consts); i++) {
    PyObject *c = WF_TUPLE_GET(co->co_consts, i);
    if (wf_code_check(c) && check_code((wf_code *)c, err, errlen) < 0) return -1;
  }
  return 0;
}

/* 0: compiled and checked; -1: error in err. */
int compile_shim_file(const char *path, char *err, size_t errlen) {
  size_t len;
  char *src = slurp(path, &len);
  if (!src) {
    snprintf(err, errlen, "cannot read %s", path);
    return -1;
  }
  PyObject *fn = wf_str_from_cstr(path);
  WF_GC_ROOT(fn);
  PyObject *co = wf_compile_source(src, len, fn, WF_COMPILE_EXEC);
  free(src);
  if (!co) {
    PyObject *e = wf_err_fetch();
    WF_GC_ROOT(e);
    PyObject *r = e ? wf_object_repr(e) : NULL;
    snprintf(err, errlen, "%s: %s", path, r ? utf8(r) : "?");
    wf_err_clear();
    return -1;
  }
  return check_code((wf_code *)co, err, errlen);
}

/* Compile a snippet expected to fail: "Type|msg|lineno|offset" in out, or
 * "OK" when it compiles. */
void compile_shim_error(const char *src, char *out, size_t n) {
  PyObject *fn = wf_str_from_cstr("x.py");
  WF_GC_ROOT(fn);
  PyObject *co = wf_compile_source(src, strlen(src), fn, WF_COMPILE_EXEC);
  if (co) {
    snprintf(out, n, "OK");
    return;
  }
  PyObject *e = wf_err_fetch();
  WF_GC_ROOT(e);
  if (!e || !wf_type_is_subtype(WF_TYPE(e), &wf_SyntaxError_type)) {
    PyObject *r = e ? wf_object_repr(e) : NULL;
    snprintf(out, n, "not a SyntaxError: %s", r ? utf8(r) : "?");
    wf_err_clear();
    return;
  }
  PySyntaxErrorObject *se = (PySyntaxErrorObject *)e;
  PyObject *ln = se->lineno ? wf_object_repr(se->lineno) : NULL;
  WF_GC_ROOT(ln);
  PyObject *off = se->offset ? wf_object_repr(se->offset) : NULL;
  snprintf(out, n, "%s|%s|%s|%s", WF_TYPE(e)->tp_name, utf8(se->msg), ln ? utf8(ln) : "None",
           off ? utf8(off) : "None");
}
