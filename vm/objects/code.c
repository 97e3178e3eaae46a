/* code: the compiled form of a module, class body, function, lambda or
 * comprehension (layout in code.h; built by vm/compile). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "code.h"
#include "descr.h"
#include "errors.h"
#include "int.h"
#include "opcodes.h"
#include "protocol.h"
#include "runtime.h"
#include "slots.h"
#include "str.h"
#include "tuple.h"
#include "typeobject.h"

static PyObject *rawbuf(const void *data, size_t n) {
  PyObject *b = wf_object_alloc(&wf_rawbuf_type, sizeof(PyObject) + n + 8);
  if (!b) return NULL;
  if (n) memcpy((char *)(b + 1), data, n);
  return b;
}

PyObject *wf_code_new(const wf_code_parts *p) {
  PyObject *words = rawbuf(p->words, sizeof(uint32_t) * (size_t)p->nwords);
  if (!words) return NULL;
  WF_GC_ROOT(words);
  PyObject *locs = rawbuf(p->locs, sizeof(wf_code_loc) * (size_t)p->nlocs);
  if (!locs) return NULL;
  WF_GC_ROOT(locs);
  PyObject *hs = rawbuf(p->handlers, sizeof(wf_code_handler) * (size_t)p->nhandlers);
  if (!hs) return NULL;
  WF_GC_ROOT(hs);
  wf_code *co = (wf_code *)wf_object_alloc(&wf_code_type, sizeof(wf_code));
  if (!co) return NULL;
  co->co_argcount = p->argcount;
  co->co_posonlyargcount = p->posonlyargcount;
  co->co_kwonlyargcount = p->kwonlyargcount;
  co->co_flags = p->flags;
  co->co_stacksize = p->stacksize;
  co->co_firstlineno = p->firstlineno;
  co->co_ncaches = p->ncaches;
  co->co_nwords = p->nwords;
  co->co_nlocs = p->nlocs;
  co->co_nhandlers = p->nhandlers;
  Py_ssize_t n = WF_SIZE(p->localsplusnames);
  co->co_nlocalsplus = (int32_t)n;
  const unsigned char *k = (const unsigned char *)wf_bytes_data(p->localspluskinds);
  for (Py_ssize_t i = 0; i < n; i++) {
    if (k[i] & CO_FAST_LOCAL) co->co_nlocals++;
    if (k[i] & CO_FAST_CELL) co->co_ncellvars++;
    if (k[i] & CO_FAST_FREE) co->co_nfreevars++;
  }
  WF_GC_STORE(&co->co_code, words);
  WF_GC_STORE(&co->co_linetable, locs);
  WF_GC_STORE(&co->co_exceptiontable, hs);
  co->co_words = (const uint32_t *)(words + 1);
  co->co_locs = (const wf_code_loc *)(locs + 1);
  co->co_handlers = (const wf_code_handler *)(hs + 1);
  WF_GC_STORE(&co->co_consts, p->consts);
  WF_GC_STORE(&co->co_names, p->names);
  WF_GC_STORE(&co->co_localsplusnames, p->localsplusnames);
  WF_GC_STORE(&co->co_localspluskinds, p->localspluskinds);
  WF_GC_STORE(&co->co_filename, p->filename);
  WF_GC_STORE(&co->co_name, p->name);
  WF_GC_STORE(&co->co_qualname, p->qualname);
  return (PyObject *)co;
}

const wf_code_loc *wf_code_loc_of(const wf_code *co, int offset) {
  int lo = 0, hi = co->co_nlocs - 1, best = -1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if ((int)co->co_locs[mid].start <= offset) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (best < 0 || co->co_locs[best].line <= 0) return NULL;
  return &co->co_locs[best];
}

int wf_code_line_of(const wf_code *co, int offset) {
  const wf_code_loc *l = wf_code_loc_of(co, offset);
  return l ? l->line : -1;
}

const wf_code_handler *wf_code_handler_of(const wf_code *co, int offset) {
  int lo = 0, hi = co->co_nhandlers - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    const wf_code_handler *h = &co->co_handlers[mid];
    if ((uint32_t)offset < h->start) hi = mid - 1;
    else if ((uint32_t)offset >= h->end) lo = mid + 1;
    else return h;
  }
  return NULL;
}

static PyObject *names_of_kind(wf_code *co, int kind, int exclude) {
  const unsigned char *k = (const unsigned char *)wf_bytes_data(co->co_localspluskinds);
  Py_ssize_t n = WF_SIZE(co->co_localsplusnames), m = 0;
  for (Py_ssize_t i = 0; i < n; i++)
    if ((k[i] & kind) && !(k[i] & exclude)) m++;
  PyObject *t = wf_tuple_new(m);
  if (!t) return NULL;
  m = 0;
  for (Py_ssize_t i = 0; i < n; i++)
    if ((k[i] & kind) && !(k[i] & exclude)) WF_TUPLE_INIT(t, m++, WF_TUPLE_GET(co->co_localsplusnames, i));
  return t;
}

PyObject *wf_code_varnames(wf_code *co) { return names_of_kind(co, CO_FAST_LOCAL, 0); }
PyObject *wf_code_cellvars(wf_code *co) { return names_of_kind(co, CO_FAST_CELL, 0); }
PyObject *wf_code_freevars(wf_code *co) { return names_of_kind(co, CO_FAST_FREE, 0); }

/* ---- disassembly ---- */

typedef struct sbuf {
  char *p;
  size_t n, cap;
} sbuf;
static void sput(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sput(sbuf *b, const char *fmt, ...) {
  va_list ap;
  for (;;) {
    va_start(ap, fmt);
    int k = vsnprintf(b->p ? b->p + b->n : NULL, b->p ? b->cap - b->n : 0, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if (b->p && b->n + (size_t)k < b->cap) {
      b->n += (size_t)k;
      return;
    }
    b->cap = (b->cap + (size_t)k + 256) * 2;
    b->p = realloc(b->p, b->cap);
  }
}

static const char *str_utf8(PyObject *s) {
  const char *r = wf_str_as_utf8(s, NULL);
  if (!r) {
    wf_err_clear();
    return "?";
  }
  return r;
}

static int dis1(sbuf *b, wf_code *co) {
  sput(b, "Disassembly of <code object %s, file \"%s\", line %d>:\n", str_utf8(co->co_name), str_utf8(co->co_filename),
       co->co_firstlineno);
  sput(b, "  argcount=%d posonly=%d kwonly=%d flags=0x%x stacksize=%d nlocals=%d cells=%d frees=%d\n", co->co_argcount,
       co->co_posonlyargcount, co->co_kwonlyargcount, co->co_flags, co->co_stacksize, co->co_nlocals,
       co->co_ncellvars, co->co_nfreevars);
  int lastline = -2;
  for (int off = 0; off < co->co_nwords;) {
    uint32_t w = co->co_words[off];
    wf_opcode op = wf_opcode_unpaired(wf_instr_op(w)); /* as compiled */
    uint32_t arg = wf_instr_arg(w);
    if (op >= WF_OP_COUNT_) {
      sput(b, "%6d ??? %u\n", off, (unsigned)w);
      off++;
      continue;
    }
    int line = wf_code_line_of(co, off);
    if (line != lastline) sput(b, "%4d ", line);
    else sput(b, "     ");
    lastline = line;
    sput(b, "%6d %-22s %u", off, wf_opcode_names[op], (unsigned)arg);
    PyObject *info = NULL;
    switch (op) {
    case WF_OP_LOAD_CONST:
    case WF_OP_KW_NAMES:
      if (arg < (uint32_t)WF_SIZE(co->co_consts)) info = WF_TUPLE_GET(co->co_consts, arg);
      break;
    case WF_OP_LOAD_NAME:
    case WF_OP_STORE_NAME:
    case WF_OP_DELETE_NAME:
    case WF_OP_STORE_GLOBAL:
    case WF_OP_DELETE_GLOBAL:
    case WF_OP_LOAD_ATTR:
    case WF_OP_STORE_ATTR:
    case WF_OP_DELETE_ATTR:
    case WF_OP_LOAD_METHOD:
    case WF_OP_IMPORT_NAME:
    case WF_OP_IMPORT_FROM:
      if (arg < (uint32_t)WF_SIZE(co->co_names)) info = WF_TUPLE_GET(co->co_names, arg);
      break;
    case WF_OP_LOAD_GLOBAL:
      if ((arg >> 1) < (uint32_t)WF_SIZE(co->co_names)) info = WF_TUPLE_GET(co->co_names, arg >> 1);
      break;
    case WF_OP_LOAD_FAST:
    case WF_OP_STORE_FAST:
    case WF_OP_DELETE_FAST:
    case WF_OP_MAKE_CELL:
    case WF_OP_LOAD_CLOSURE:
    case WF_OP_LOAD_DEREF:
    case WF_OP_LOAD_CLASSDEREF:
    case WF_OP_STORE_DEREF:
    case WF_OP_DELETE_DEREF:
      if (arg < (uint32_t)co->co_nlocalsplus) info = WF_TUPLE_GET(co->co_localsplusnames, arg);
      break;
    default: break;
    }
    if (info) {
      PyObject *r = wf_object_repr(info);
      if (!r) return -1;
      sput(b, " (%s)", str_utf8(r));
    }
    sput(b, "\n");
    off += 1 + wf_opcode_has_cache[op];
  }
  if (co->co_nhandlers) {
    sput(b, "ExceptionTable:\n");
    for (int i = 0; i < co->co_nhandlers; i++) {
      const wf_code_handler *h = &co->co_handlers[i];
      sput(b, "  %u to %u -> %u [%u]%s\n", h->start, h->end, h->handler, h->depth, h->lasti ? " lasti" : "");
    }
  }
  for (Py_ssize_t i = 0; i < WF_SIZE(co->co_consts); i++) {
    PyObject *c = WF_TUPLE_GET(co->co_consts, i);
    if (wf_code_check(c)) {
      sput(b, "\n");
      if (dis1(b, (wf_code *)c) < 0) return -1;
    }
  }
  return 0;
}

PyObject *wf_code_disassemble(wf_code *co) {
  sbuf b = {0};
  WF_GC_ROOT(co);
  if (dis1(&b, co) < 0) {
    free(b.p);
    return NULL;
  }
  PyObject *r = wf_str_from_utf8(b.p ? b.p : "", (Py_ssize_t)b.n);
  free(b.p);
  return r;
}

/* ---- the type ---- */

static void code_trace(void *o, wf_gc_tracer *t) {
  wf_code *co = o;
  wf_gc_visit(t, co->co_code);
  wf_gc_visit(t, co->co_linetable);
  wf_gc_visit(t, co->co_exceptiontable);
  wf_gc_visit(t, co->co_consts);
  wf_gc_visit(t, co->co_names);
  wf_gc_visit(t, co->co_localsplusnames);
  wf_gc_visit(t, co->co_localspluskinds);
  wf_gc_visit(t, co->co_filename);
  wf_gc_visit(t, co->co_name);
  wf_gc_visit(t, co->co_qualname);
}

static PyObject *code_repr(PyObject *self) {
  wf_code *co = (wf_code *)self;
  return wf_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name, self, co->co_filename,
                            co->co_firstlineno);
}

#define CO(self) ((wf_code *)(self))
static PyObject *g_name(PyObject *s, void *c) { return CO(s)->co_name; }
static PyObject *g_qualname(PyObject *s, void *c) { return CO(s)->co_qualname; }
static PyObject *g_filename(PyObject *s, void *c) { return CO(s)->co_filename; }
static PyObject *g_firstlineno(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_firstlineno); }
static PyObject *g_argcount(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_argcount); }
static PyObject *g_posonly(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_posonlyargcount); }
static PyObject *g_kwonly(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_kwonlyargcount); }
static PyObject *g_flags(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_flags); }
static PyObject *g_consts(PyObject *s, void *c) { return CO(s)->co_consts; }
static PyObject *g_names(PyObject *s, void *c) { return CO(s)->co_names; }
static PyObject *g_varnames(PyObject *s, void *c) { return wf_code_varnames(CO(s)); }
static PyObject *g_cellvars(PyObject *s, void *c) { return wf_code_cellvars(CO(s)); }
static PyObject *g_freevars(PyObject *s, void *c) { return wf_code_freevars(CO(s)); }
static PyObject *g_nlocals(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_nlocals); }
static PyObject *g_stacksize(PyObject *s, void *c) { return wf_int_from_ssize(CO(s)->co_stacksize); }

static PyGetSetDef code_getsets[] = {
    {"co_name", g_name, NULL, NULL, NULL},
    {"co_qualname", g_qualname, NULL, NULL, NULL},
    {"co_filename", g_filename, NULL, NULL, NULL},
    {"co_firstlineno", g_firstlineno, NULL, NULL, NULL},
    {"co_argcount", g_argcount, NULL, NULL, NULL},
    {"co_posonlyargcount", g_posonly, NULL, NULL, NULL},
    {"co_kwonlyargcount", g_kwonly, NULL, NULL, NULL},
    {"co_flags", g_flags, NULL, NULL, NULL},
    {"co_consts", g_consts, NULL, NULL, NULL},
    {"co_names", g_names, NULL, NULL, NULL},
    {"co_varnames", g_varnames, NULL, NULL, NULL},
    {"co_cellvars", g_cellvars, NULL, NULL, NULL},
    {"co_freevars", g_freevars, NULL, NULL, NULL},
    {"co_nlocals", g_nlocals, NULL, NULL, NULL},
    {"co_stacksize", g_stacksize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject wf_code_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "code",
    .tp_basicsize = sizeof(wf_code),
    .tp_repr = code_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_getset = code_getsets,
    .wf = {.trace = code_trace},
};
WF_REGISTER_TYPE(wf_code_type);
