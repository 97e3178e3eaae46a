/* The compiler's core: compilation units (one per code object), emitting
 * instructions into basic blocks, constants and names, the assembler
 * (stack depth, exception table, locations, code objects), SyntaxErrors,
 * and the entry points of compile.h. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "compile_internal.h"
#include "errors.h"
#include "exceptions.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "parse.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

/* ---- errors ---- */

static PyObject *source_line(wf_cc *cc, int lineno) {
  if (!cc->src || lineno < 1) return NULL;
  const char *p = cc->src, *end = cc->src + cc->srclen;
  for (int l = 1; l < lineno && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return NULL;
    p = nl + 1;
  }
  if (p >= end) return NULL;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  size_t n = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
  PyObject *s = wf_str_from_utf8(p, (Py_ssize_t)n);
  if (!s) wf_err_clear();
  return s;
}

static int raise_syntax(PyTypeObject *type, const char *msg, PyObject *filename, int lineno, int offset, PyObject *text,
                        int end_lineno, int end_offset) {
  PyObject *m = wf_str_from_cstr(msg);
  if (!m) return -1;
  WF_GC_ROOT(m);
  PyObject *items[6];
  items[0] = filename ? filename : WF_NONE;
  items[1] = wf_int_from_ssize(lineno);
  WF_GC_ROOT(items[1]);
  items[2] = wf_int_from_ssize(offset);
  WF_GC_ROOT(items[2]);
  items[3] = text ? text : WF_NONE;
  items[4] = wf_int_from_ssize(end_lineno);
  WF_GC_ROOT(items[4]);
  items[5] = wf_int_from_ssize(end_offset);
  WF_GC_ROOT(items[5]);
  if (!items[1] || !items[2] || !items[4] || !items[5]) return -1;
  PyObject *loc = wf_tuple_from_array(items, 6);
  if (!loc) return -1;
  WF_GC_ROOT(loc);
  PyObject *args[2] = {m, loc};
  PyObject *exc = wf_call((PyObject *)type, args, 2, NULL);
  if (!exc) return -1;
  wf_err_set_exc(exc);
  return -1;
}

int wf_cc_error(wf_cc *cc, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  PyObject *text = source_line(cc, lineno);
  WF_GC_ROOT(text);
  return raise_syntax(&wf_SyntaxError_type, buf, cc->filename, lineno, col + 1, text, end_lineno, end_col + 1);
}

int wf_cg_error(wf_cc *cc, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  wf_unit *u = cc->u;
  return wf_cc_error(cc, u->line, u->col, u->end_line, u->end_col, "%s", buf);
}

PyObject *wf_cc_keep(wf_cc *cc, PyObject *o) {
  if (o && wf_list_append(cc->keep, o) < 0) return NULL;
  return o;
}

/* ---- blocks and instructions ---- */

wf_blk *wf_cg_newblk(wf_cc *cc) {
  wf_blk *b = wf_arena_alloc(&cc->arena, sizeof *b);
  b->all = cc->u->blocks;
  cc->u->blocks = b;
  b->startdepth = -1;
  return b;
}

void wf_cg_use(wf_cc *cc, wf_blk *b) {
  cc->u->cur->next = b;
  cc->u->cur = b;
}

void wf_cg_next(wf_cc *cc) { wf_cg_use(cc, wf_cg_newblk(cc)); }

static int is_terminator(int op) {
  return op == P_JUMP || op == WF_OP_JUMP_FORWARD || op == WF_OP_JUMP_BACKWARD || op == WF_OP_RETURN_VALUE ||
         op == WF_OP_RAISE_VARARGS || op == WF_OP_RERAISE;
}

static wf_instr *add_instr(wf_cc *cc) {
  wf_unit *u = cc->u;
  wf_blk *b = u->cur;
  if (b->n && is_terminator(b->ins[b->n - 1].op)) {
    wf_cg_next(cc);
    b = u->cur;
  }
  if (b->n == b->cap) {
    int nc = b->cap ? b->cap * 2 : 8;
    wf_instr *x = wf_arena_alloc(&cc->arena, sizeof(wf_instr) * (size_t)nc);
    if (b->n) memcpy(x, b->ins, sizeof(wf_instr) * (size_t)b->n);
    b->ins = x;
    b->cap = nc;
  }
  wf_instr *i = &b->ins[b->n++];
  memset(i, 0, sizeof *i);
  if (u->line > 0) {
    i->line = u->line;
    i->end_line = u->end_line;
    i->col = u->col;
    i->end_col = u->end_col;
    u->last_line = u->line;
    u->last_end_line = u->end_line;
    u->last_col = u->col;
    u->last_end_col = u->end_col;
  } else {
    i->line = u->last_line;
    i->end_line = u->last_end_line;
    i->col = u->last_col;
    i->end_col = u->last_end_col;
  }
  return i;
}

int wf_cg_op(wf_cc *cc, int op, int arg) {
  if (arg < 0 || (unsigned)arg > WF_OPARG_MAX) {
    wf_err_format(&wf_SystemError_type, "too many arguments for %s", op < WF_OP_COUNT_ ? wf_opcode_names[op] : "op");
    return -1;
  }
  /* `a, b = x, y` (and three names): swap instead of building a tuple and
   * unpacking it, as CPython's optimizer does. */
  wf_blk *b = cc->u->cur;
  if (op == WF_OP_UNPACK_SEQUENCE && arg >= 1 && arg <= 3 && b->n && b->ins[b->n - 1].op == WF_OP_BUILD_TUPLE &&
      b->ins[b->n - 1].arg == arg) {
    if (arg == 1) b->n--;
    else b->ins[b->n - 1].op = WF_OP_SWAP;
    return 0;
  }
  wf_instr *i = add_instr(cc);
  i->op = op;
  i->arg = arg;
  return 0;
}

int wf_cg_jump(wf_cc *cc, int op, wf_blk *target) {
  wf_instr *i = add_instr(cc);
  i->op = op;
  i->target = target;
  return 0;
}

void wf_cg_setloc(wf_cc *cc, const wf_node *n) {
  wf_unit *u = cc->u;
  u->line = n->lineno;
  u->end_line = n->end_lineno;
  u->col = n->col_offset;
  u->end_col = n->end_col_offset;
}

void wf_cg_unsetloc(wf_cc *cc) { cc->u->line = -1; }

/* ---- constants ---- */

/* binary-safe key for the dedupe map: \0 -> \1\1, \1 -> \1\2 */
typedef struct kbuf {
  char *p;
  size_t n, cap;
} kbuf;
static void kput(kbuf *k, const void *data, size_t n) {
  const unsigned char *d = data;
  for (size_t i = 0; i < n; i++) {
    if (k->n + 3 > k->cap) {
      k->cap = k->cap ? k->cap * 2 : 64;
      k->p = realloc(k->p, k->cap);
    }
    if (d[i] == 0) {
      k->p[k->n++] = 1;
      k->p[k->n++] = 1;
    } else if (d[i] == 1) {
      k->p[k->n++] = 1;
      k->p[k->n++] = 2;
    } else {
      k->p[k->n++] = (char)d[i];
    }
  }
}
static void kputs_(kbuf *k, const char *s) { kput(k, s, strlen(s)); }

static int const_key(kbuf *k, PyObject *o) {
  PyTypeObject *t = WF_TYPE(o);
  char tag[64];
  snprintf(tag, sizeof tag, "<%p>", (void *)t);
  kputs_(k, tag);
  if (o == WF_TRUE || o == WF_FALSE) kputs_(k, o == WF_TRUE ? "T" : "F");
  if (o == WF_NONE || o == WF_TRUE || o == WF_FALSE || o == WF_ELLIPSIS) return 0;
  if (t == &wf_str_type) {
    Py_ssize_t n;
    const char *s = wf_str_as_utf8(o, &n);
    if (!s) {
      /* lone surrogates: key by the code points */
      wf_err_clear();
      char b[32];
      snprintf(b, sizeof b, "%p", (void *)o);
      kputs_(k, b);
      return 0;
    }
    kput(k, s, (size_t)n);
    return 0;
  }
  if (t == &wf_bytes_type) {
    kput(k, wf_bytes_data(o), (size_t)wf_bytes_size(o));
    return 0;
  }
  if (t == &wf_float_type) {
    double d = ((PyFloatObject *)o)->ob_fval;
    kput(k, &d, sizeof d);
    return 0;
  }
  if (t == &wf_complex_type) {
    Py_complex c = ((PyComplexObject *)o)->cval;
    kput(k, &c, sizeof c);
    return 0;
  }
  if (t == &wf_int_type) {
    PyObject *r = wf_object_repr(o);
    if (!r) return -1;
    kputs_(k, wf_str_as_utf8(r, NULL));
    return 0;
  }
  if (t == &wf_tuple_type) {
    kputs_(k, "(");
    for (Py_ssize_t i = 0; i < WF_SIZE(o); i++) {
      kputs_(k, ",");
      TRY(const_key(k, WF_TUPLE_GET(o, i)));
    }
    kputs_(k, ")");
    return 0;
  }
  snprintf(tag, sizeof tag, "%p", (void *)o); /* code objects: never shared */
  kputs_(k, tag);
  return 0;
}

int wf_cg_const(wf_cc *cc, PyObject *o) {
  if (!o) return -1;
  wf_unit *u = cc->u;
  if (!wf_cc_keep(cc, o)) return -1;
  kbuf k = {0};
  if (const_key(&k, o) < 0) {
    free(k.p);
    return -1;
  }
  kput(&k, "", 0);
  char *key = wf_arena_strndup(&cc->arena, k.p ? k.p : "", k.n);
  free(k.p);
  int idx = wf_smap_get(&u->consts_map, key, -1);
  if (idx >= 0) return idx;
  if (u->nconsts == u->cconsts) {
    int nc = u->cconsts ? u->cconsts * 2 : 16;
    PyObject **x = wf_arena_alloc(&cc->arena, sizeof(PyObject *) * (size_t)nc);
    if (u->nconsts) memcpy(x, u->consts, sizeof(PyObject *) * (size_t)u->nconsts);
    u->consts = x;
    u->cconsts = nc;
  }
  u->consts[u->nconsts] = o;
  *wf_smap_slot(&cc->arena, &u->consts_map, key, 0) = u->nconsts;
  return u->nconsts++;
}

int wf_cg_load_const(wf_cc *cc, PyObject *o) {
  int i = wf_cg_const(cc, o);
  TRY(i);
  return wf_cg_op(cc, WF_OP_LOAD_CONST, i);
}

int wf_cg_load_none(wf_cc *cc) { return wf_cg_load_const(cc, WF_NONE); }

static PyObject *str_from_wtf8(const char *s, size_t n) {
  /* fast path: no encoded surrogates (ED A0..BF xx) */
  int sur = 0;
  for (size_t i = 0; i + 1 < n; i++)
    if ((unsigned char)s[i] == 0xED && ((unsigned char)s[i + 1] & 0xE0) == 0xA0) {
      sur = 1;
      break;
    }
  if (!sur) return wf_str_from_utf8(s, (Py_ssize_t)n);
  uint32_t *cps = malloc(sizeof(uint32_t) * (n + 1));
  size_t m = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp;
    int len;
    if (c < 0x80) cp = c, len = 1;
    else if (c < 0xE0) cp = c & 0x1F, len = 2;
    else if (c < 0xF0) cp = c & 0x0F, len = 3;
    else cp = c & 0x07, len = 4;
    for (int j = 1; j < len && i + (size_t)j < n; j++) cp = (cp << 6) | ((unsigned char)s[i + (size_t)j] & 0x3F);
    cps[m++] = cp;
    i += (size_t)len;
  }
  PyObject *r = wf_str_from_ucs4(cps, (Py_ssize_t)m);
  free(cps);
  return r;
}

PyObject *wf_cg_constant(wf_cc *cc, const wf_const *k) {
  PyObject *o;
  switch (k->kind) {
  case WF_CONST_NONE: return WF_NONE;
  case WF_CONST_TRUE: return WF_TRUE;
  case WF_CONST_FALSE: return WF_FALSE;
  case WF_CONST_ELLIPSIS: return WF_ELLIPSIS;
  case WF_CONST_INT:
    if (k->big) o = wf_int_from_string(k->big, (Py_ssize_t)strlen(k->big), k->base);
    else o = wf_int_from_int64(k->i);
    break;
  case WF_CONST_FLOAT: o = wf_float_from_double(k->f); break;
  case WF_CONST_COMPLEX: o = wf_complex_from_doubles(0.0, k->f); break;
  case WF_CONST_STR: o = str_from_wtf8(k->s, k->n); break;
  case WF_CONST_BYTES: o = wf_bytes_from_data(k->s, (Py_ssize_t)k->n); break;
  case WF_CONST_OBJECT: return k->obj;
  default: return wf_err_format(&wf_SystemError_type, "unknown constant kind %d", (int)k->kind);
  }
  return wf_cc_keep(cc, o);
}

PyObject *wf_cg_ident(wf_cc *cc, const char *s) {
  PyObject *o = wf_str_from_utf8(s, (Py_ssize_t)strlen(s));
  if (!o) return NULL;
  o = wf_str_intern(o);
  return wf_cc_keep(cc, o);
}

const char *wf_cg_mangle(wf_cc *cc, const char *name) { return wf_mangle(&cc->arena, cc->u->private_, name); }

static int add_name(wf_cc *cc, wf_smap *m, const char ***arr, int *n, int *cap, const char *name) {
  int i = wf_smap_get(m, name, -1);
  if (i >= 0) return i;
  if (*n == *cap) {
    int nc = *cap ? *cap * 2 : 16;
    const char **x = wf_arena_alloc(&cc->arena, sizeof(char *) * (size_t)nc);
    if (*n) memcpy(x, *arr, sizeof(char *) * (size_t)*n);
    *arr = x;
    *cap = nc;
  }
  (*arr)[*n] = name;
  *wf_smap_slot(&cc->arena, m, name, 0) = *n;
  return (*n)++;
}

int wf_cg_name_index(wf_cc *cc, const char *name) {
  wf_unit *u = cc->u;
  return add_name(cc, &u->names_map, &u->names, &u->nnames, &u->cnames, wf_cg_mangle(cc, name));
}

static int var_index(wf_cc *cc, const char *mangled) {
  wf_unit *u = cc->u;
  return add_name(cc, &u->varmap, &u->varnames, &u->nvar, &u->cvar, mangled);
}

int wf_cg_nameop(wf_cc *cc, const char *name, int ctx) {
  wf_unit *u = cc->u;
  const char *mangled = wf_cg_mangle(cc, name);
  int scope = wf_ste_scope(u->ste, mangled);
  int is_func = u->ste->type == ST_FUNCTION;
  enum { OPN, OPF, OPG, OPD } optype = OPN;
  int arg = 0;
  if (scope == SC_FREE) {
    optype = OPD;
    arg = u->ncell + wf_smap_get(&u->freemap, mangled, 0);
  } else if (scope == SC_CELL) {
    optype = OPD;
    arg = wf_smap_get(&u->cellmap, mangled, 0);
  } else if (scope == SC_LOCAL) {
    if (is_func) optype = OPF;
  } else if (scope == SC_GLOBAL_IMPLICIT) {
    if (is_func) optype = OPG;
  } else if (scope == SC_GLOBAL_EXPLICIT) {
    optype = OPG;
  }
  int L = ctx == WF_AST_Load, S = ctx == WF_AST_Store;
  switch (optype) {
  case OPD:
    return wf_cg_op(cc,
                    L ? (u->ste->type == ST_CLASS ? WF_OP_LOAD_CLASSDEREF : WF_OP_LOAD_DEREF)
                    : S ? WF_OP_STORE_DEREF
                        : WF_OP_DELETE_DEREF,
                    arg);
  case OPF: return wf_cg_op(cc, L ? WF_OP_LOAD_FAST : S ? WF_OP_STORE_FAST : WF_OP_DELETE_FAST, var_index(cc, mangled));
  case OPG: {
    int i = add_name(cc, &u->names_map, &u->names, &u->nnames, &u->cnames, mangled);
    if (L) return wf_cg_op(cc, WF_OP_LOAD_GLOBAL, i << 1);
    return wf_cg_op(cc, S ? WF_OP_STORE_GLOBAL : WF_OP_DELETE_GLOBAL, i);
  }
  default: {
    int i = add_name(cc, &u->names_map, &u->names, &u->nnames, &u->cnames, mangled);
    return wf_cg_op(cc, L ? WF_OP_LOAD_NAME : S ? WF_OP_STORE_NAME : WF_OP_DELETE_NAME, i);
  }
  }
}

/* ---- frame blocks ---- */

int wf_cg_push_fblock(wf_cc *cc, int type, wf_blk *b, wf_blk *exit, const void *datum) {
  wf_unit *u = cc->u;
  if (u->nfb >= WF_MAX_FBLOCKS) return wf_cg_error(cc, "too many statically nested blocks");
  u->fb[u->nfb++] = (wf_fblock){type, b, exit, datum};
  return 0;
}

void wf_cg_pop_fblock(wf_cc *cc) { cc->u->nfb--; }

/* ---- scopes ---- */

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int wf_cg_enter_scope(wf_cc *cc, const char *name, int scope, const void *key, int lineno) {
  wf_unit *u = wf_arena_alloc(&cc->arena, sizeof *u);
  u->parent = cc->u;
  u->ste = wf_symtable_lookup(&cc->st, key);
  if (!u->ste) {
    wf_err_format(&wf_SystemError_type, "no symtable entry for %s", name);
    return -1;
  }
  u->scope = scope;
  u->name = name;
  u->firstlineno = lineno;
  u->private_ = cc->u ? cc->u->private_ : NULL;
  u->line = lineno;
  for (int i = 0; i < u->ste->nvarnames; i++)
    add_name(cc, &u->varmap, &u->varnames, &u->nvar, &u->cvar, u->ste->varnames[i]);
  /* cells and frees, sorted by name */
  wf_smap *sy = &u->ste->symbols;
  int nc = 0, nf = 0;
  const char **cells = wf_arena_alloc(&cc->arena, sizeof(char *) * (size_t)(sy->n + 1));
  const char **frees = wf_arena_alloc(&cc->arena, sizeof(char *) * (size_t)(sy->n + 1));
  for (int i = 0; i < sy->n; i++) {
    const char *k = sy->order[i];
    int f = wf_smap_get(sy, k, 0), sc = (f >> SCOPE_OFFSET) & 7;
    if (sc == SC_CELL) cells[nc++] = k;
    if (sc == SC_FREE || (f & DEF_FREE_CLASS)) frees[nf++] = k;
  }
  qsort(cells, (size_t)nc, sizeof(char *), cmp_str);
  qsort(frees, (size_t)nf, sizeof(char *), cmp_str);
  if (u->ste->needs_class_closure) cells[nc++] = "__class__";
  u->cells = cells;
  u->ncell = nc;
  u->frees = frees;
  u->nfree = nf;
  for (int i = 0; i < nc; i++) *wf_smap_slot(&cc->arena, &u->cellmap, cells[i], 0) = i;
  for (int i = 0; i < nf; i++) *wf_smap_slot(&cc->arena, &u->freemap, frees[i], 0) = i;
  /* qualname (compiler_set_qualname) */
  wf_unit *par = cc->u;
  if (scope != U_MODULE) {
    const char *base = NULL;
    int force_global = 0;
    if (par && par->scope != U_MODULE) {
      if (scope == U_FUNCTION || scope == U_ASYNC_FUNCTION || scope == U_CLASS) {
        const char *m = wf_mangle(&cc->arena, par->private_, name);
        if (wf_ste_scope(par->ste, m) == SC_GLOBAL_EXPLICIT) force_global = 1;
      }
      if (!force_global) {
        if (par->scope == U_FUNCTION || par->scope == U_ASYNC_FUNCTION || par->scope == U_LAMBDA) {
          size_t n = strlen(par->qualname);
          char *b = wf_arena_alloc(&cc->arena, n + 10);
          memcpy(b, par->qualname, n);
          memcpy(b + n, ".<locals>", 10);
          base = b;
        } else {
          base = par->qualname;
        }
      }
    }
    if (base) {
      size_t bn = strlen(base), nn = strlen(name);
      char *q = wf_arena_alloc(&cc->arena, bn + nn + 2);
      memcpy(q, base, bn);
      q[bn] = '.';
      memcpy(q + bn + 1, name, nn + 1);
      u->qualname = q;
    } else {
      u->qualname = name;
    }
  } else {
    u->qualname = name;
  }
  cc->u = u;
  u->entry = u->cur = wf_cg_newblk(cc);
  cc->nest++;
  return 0;
}

void wf_cg_exit_scope(wf_cc *cc) {
  cc->u = cc->u->parent;
  cc->nest--;
}

int wf_cg_closure_index(wf_cc *cc, const char *name) {
  wf_unit *u = cc->u;
  if (u->scope == U_CLASS && strcmp(name, "__class__") == 0) return wf_smap_get(&u->cellmap, name, 0);
  int i = wf_smap_get(&u->cellmap, name, -1);
  if (i >= 0) return i;
  i = wf_smap_get(&u->freemap, name, -1);
  if (i >= 0) return u->ncell + i;
  wf_err_format(&wf_SystemError_type, "compiler: no cell for free variable '%s' in %s", name, u->name);
  return -1;
}

int wf_cg_make_closure(wf_cc *cc, PyObject *code, int flags) {
  wf_code *co = (wf_code *)code;
  if (co->co_nfreevars) {
    PyObject *names = co->co_localsplusnames;
    Py_ssize_t n = WF_SIZE(names);
    for (Py_ssize_t i = n - co->co_nfreevars; i < n; i++) {
      const char *nm = wf_str_as_utf8(WF_TUPLE_GET(names, i), NULL);
      int idx = wf_cg_closure_index(cc, nm);
      TRY(idx);
      TRY(wf_cg_op(cc, WF_OP_LOAD_CLOSURE, idx));
    }
    TRY(wf_cg_op(cc, WF_OP_BUILD_TUPLE, co->co_nfreevars));
    flags |= 8;
  }
  TRY(wf_cg_load_const(cc, code));
  return wf_cg_op(cc, WF_OP_MAKE_FUNCTION, flags);
}

/* ---- the assembler ---- */

static int popcount4(int x) { return (x & 1) + ((x >> 1) & 1) + ((x >> 2) & 1) + ((x >> 3) & 1); }

/* Stack effect; jump = 1 for the branch taken. */
static int stack_effect(int op, int arg, int jump) {
  switch (op) {
  case WF_OP_NOP: return 0;
  case WF_OP_POP_TOP: return -1;
  case WF_OP_PUSH_NULL: return 1;
  case WF_OP_COPY: return 1;
  case WF_OP_SWAP: return 0;
  case WF_OP_LOAD_CONST: return 1;
  case WF_OP_RETURN_VALUE: return -1;
  case WF_OP_LOAD_FAST: return 1;
  case WF_OP_STORE_FAST: return -1;
  case WF_OP_DELETE_FAST: return 0;
  case WF_OP_MAKE_CELL: return 0;
  case WF_OP_COPY_FREE_VARS: return 0;
  case WF_OP_LOAD_CLOSURE:
  case WF_OP_LOAD_DEREF:
  case WF_OP_LOAD_CLASSDEREF: return 1;
  case WF_OP_STORE_DEREF: return -1;
  case WF_OP_DELETE_DEREF: return 0;
  case WF_OP_LOAD_NAME: return 1;
  case WF_OP_STORE_NAME: return -1;
  case WF_OP_DELETE_NAME: return 0;
  case WF_OP_LOAD_GLOBAL: return 1 + (arg & 1);
  case WF_OP_STORE_GLOBAL: return -1;
  case WF_OP_DELETE_GLOBAL: return 0;
  case WF_OP_LOAD_ATTR: return 0;
  case WF_OP_STORE_ATTR: return -2;
  case WF_OP_DELETE_ATTR: return -1;
  case WF_OP_LOAD_METHOD: return 1;
  case WF_OP_BINARY_SUBSCR: return -1;
  case WF_OP_STORE_SUBSCR: return -3;
  case WF_OP_DELETE_SUBSCR: return -2;
  case WF_OP_BUILD_SLICE: return arg == 3 ? -2 : -1;
  case WF_OP_BINARY_OP: return -1;
  case WF_OP_UNARY_POSITIVE:
  case WF_OP_UNARY_NEGATIVE:
  case WF_OP_UNARY_NOT:
  case WF_OP_UNARY_INVERT: return 0;
  case WF_OP_COMPARE_OP:
  case WF_OP_IS_OP:
  case WF_OP_CONTAINS_OP: return -1;
  case WF_OP_JUMP_FORWARD:
  case WF_OP_JUMP_BACKWARD:
  case P_JUMP: return 0;
  case WF_OP_POP_JUMP_IF_FALSE:
  case WF_OP_POP_JUMP_IF_TRUE:
  case WF_OP_POP_JUMP_IF_NONE:
  case WF_OP_POP_JUMP_IF_NOT_NONE: return -1;
  case WF_OP_JUMP_IF_FALSE_OR_POP:
  case WF_OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
  case WF_OP_GET_ITER: return 0;
  case WF_OP_FOR_ITER: return jump ? -1 : 1;
  case WF_OP_BUILD_TUPLE:
  case WF_OP_BUILD_LIST:
  case WF_OP_BUILD_SET:
  case WF_OP_BUILD_STRING: return 1 - arg;
  case WF_OP_BUILD_MAP: return 1 - 2 * arg;
  case WF_OP_BUILD_CONST_KEY_MAP: return -arg;
  case WF_OP_LIST_APPEND:
  case WF_OP_SET_ADD: return -1;
  case WF_OP_MAP_ADD: return -2;
  case WF_OP_LIST_EXTEND:
  case WF_OP_SET_UPDATE:
  case WF_OP_DICT_UPDATE:
  case WF_OP_DICT_MERGE: return -1;
  case WF_OP_LIST_TO_TUPLE: return 0;
  case WF_OP_UNPACK_SEQUENCE: return arg - 1;
  case WF_OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
  case WF_OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
  case WF_OP_KW_NAMES: return 0;
  case WF_OP_CALL: return -arg - 1;
  case WF_OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
  case WF_OP_MAKE_FUNCTION: return -popcount4(arg);
  case WF_OP_LOAD_BUILD_CLASS: return 1;
  case WF_OP_SETUP_ANNOTATIONS: return 0;
  case WF_OP_IMPORT_NAME: return -1;
  case WF_OP_IMPORT_FROM: return 1;
  case WF_OP_IMPORT_STAR: return -1;
  case WF_OP_LOAD_ASSERTION_ERROR: return 1;
  case WF_OP_PRINT_EXPR: return -1;
  case WF_OP_RAISE_VARARGS: return -arg;
  case WF_OP_RERAISE: return -1;
  case WF_OP_PUSH_EXC_INFO: return 1;
  case WF_OP_POP_EXCEPT: return -1;
  case WF_OP_CHECK_EXC_MATCH:
  case WF_OP_CHECK_EG_MATCH: return 0;
  case WF_OP_PREP_RERAISE_STAR: return -1;
  case WF_OP_WITH_EXCEPT_START:
  case WF_OP_BEFORE_WITH:
  case WF_OP_BEFORE_ASYNC_WITH: return 1;
  case WF_OP_YIELD_VALUE: return 0;
  case WF_OP_SEND: return jump ? -1 : 0;
  case WF_OP_GET_YIELD_FROM_ITER:
  case WF_OP_GET_AWAITABLE:
  case WF_OP_GET_AITER: return 0;
  case WF_OP_GET_ANEXT: return 1;
  case WF_OP_END_ASYNC_FOR: return -2;
  case WF_OP_ASYNC_GEN_WRAP: return 0;
  case WF_OP_GET_LEN:
  case WF_OP_MATCH_MAPPING:
  case WF_OP_MATCH_SEQUENCE:
  case WF_OP_MATCH_KEYS: return 1;
  case WF_OP_MATCH_CLASS: return -2;
  case WF_OP_COPY_DICT_WITHOUT_KEYS: return 0;
  case P_SETUP_FINALLY: return jump ? 1 : 0;
  case P_SETUP_CLEANUP: return jump ? 2 : 0;
  case P_SETUP_WITH: return jump ? 1 : 0;
  case P_POP_BLOCK: return 0;
  default: return 0;
  }
}

static int has_target(int op) {
  return op == P_JUMP || op == WF_OP_JUMP_FORWARD || op == WF_OP_JUMP_BACKWARD || op == WF_OP_POP_JUMP_IF_FALSE ||
         op == WF_OP_POP_JUMP_IF_TRUE || op == WF_OP_POP_JUMP_IF_NONE || op == WF_OP_POP_JUMP_IF_NOT_NONE ||
         op == WF_OP_JUMP_IF_FALSE_OR_POP || op == WF_OP_JUMP_IF_TRUE_OR_POP || op == WF_OP_FOR_ITER ||
         op == WF_OP_SEND || op == P_SETUP_FINALLY || op == P_SETUP_CLEANUP || op == P_SETUP_WITH;
}

static int is_setup(int op) { return op == P_SETUP_FINALLY || op == P_SETUP_CLEANUP || op == P_SETUP_WITH; }

typedef struct wl {
  wf_blk **v;
  int n, cap;
} wl;
static void wl_push(wl *w, wf_blk *b) {
  if (w->n == w->cap) {
    w->cap = w->cap ? w->cap * 2 : 64;
    w->v = realloc(w->v, sizeof(void *) * (size_t)w->cap);
  }
  w->v[w->n++] = b;
}

static int depth_push(wl *w, wf_blk *b, int depth) {
  if (b->startdepth < 0) {
    b->startdepth = depth;
    wl_push(w, b);
  } else if (b->startdepth != depth) {
    wf_err_format(&wf_SystemError_type, "compiler: inconsistent stack depth (%d vs %d)", b->startdepth, depth);
    return -1;
  }
  return 0;
}

static int stackdepth(wf_blk *entry, int *maxp) {
  wl w = {0};
  int maxd = 0;
  entry->startdepth = 0;
  wl_push(&w, entry);
  while (w.n) {
    wf_blk *b = w.v[--w.n];
    int depth = b->startdepth;
    int falls = 1;
    for (int i = 0; i < b->n; i++) {
      wf_instr *in = &b->ins[i];
      int nd = depth + stack_effect(in->op, in->arg, 0);
      if (nd < 0) {
        free(w.v);
        wf_err_format(&wf_SystemError_type, "compiler: negative stack depth at %s",
                      in->op < WF_OP_COUNT_ ? wf_opcode_names[in->op] : "pseudo");
        return -1;
      }
      if (nd > maxd) maxd = nd;
      if (has_target(in->op)) {
        int td = depth + stack_effect(in->op, in->arg, 1);
        if (td > maxd) maxd = td;
        if (is_setup(in->op) && in->op != P_SETUP_FINALLY) in->target->preserve_lasti = 1;
        if (depth_push(&w, in->target, td) < 0) {
          free(w.v);
          return -1;
        }
      }
      depth = nd;
      if (is_terminator(in->op)) {
        falls = 0;
        break;
      }
    }
    if (falls && b->next && depth_push(&w, b->next, depth) < 0) {
      free(w.v);
      return -1;
    }
  }
  free(w.v);
  *maxp = maxd;
  return 0;
}

static wf_blk **ex_copy(wf_cc *cc, wf_blk **s, int n) {
  wf_blk **r = wf_arena_alloc(&cc->arena, sizeof(void *) * (size_t)(n + 1));
  if (n) memcpy(r, s, sizeof(void *) * (size_t)n);
  return r;
}

static void ex_give(wf_cc *cc, wl *w, wf_blk *b, wf_blk **s, int n) {
  if (b->visited) return;
  b->visited = 1;
  b->exstack = ex_copy(cc, s, n);
  b->exn = n;
  wl_push(w, b);
}

static void label_exception_targets(wf_cc *cc, wf_blk *entry) {
  wl w = {0};
  ex_give(cc, &w, entry, NULL, 0);
  wf_blk **stack = NULL;
  int cap = 0;
  while (w.n) {
    wf_blk *b = w.v[--w.n];
    int n = b->exn;
    if (n + b->n + 1 > cap) {
      cap = n + b->n + 16;
      stack = realloc(stack, sizeof(void *) * (size_t)cap);
    }
    if (n) memcpy(stack, b->exstack, sizeof(void *) * (size_t)n);
    int falls = 1;
    for (int i = 0; i < b->n; i++) {
      wf_instr *in = &b->ins[i];
      if (is_setup(in->op)) {
        ex_give(cc, &w, in->target, stack, n);
        stack[n++] = in->target;
      } else if (in->op == P_POP_BLOCK) {
        if (n) n--;
      } else {
        in->handler = n ? stack[n - 1] : NULL;
        if (has_target(in->op)) ex_give(cc, &w, in->target, stack, n);
      }
      if (is_terminator(in->op)) {
        falls = 0;
        break;
      }
    }
    if (falls && b->next) ex_give(cc, &w, b->next, stack, n);
  }
  free(stack);
  free(w.v);
}

static int instr_size(int op) {
  if (op == P_SETUP_FINALLY || op == P_SETUP_CLEANUP || op == P_SETUP_WITH || op == P_POP_BLOCK) return 0;
  if (op == P_JUMP) return 1;
  return 1 + wf_opcode_has_cache[op];
}

static PyObject *names_tuple(wf_cc *cc, const char **names, int n) {
  PyObject *t = wf_cc_keep(cc, wf_tuple_new(n));
  if (!t) return NULL;
  for (int i = 0; i < n; i++) {
    PyObject *s = wf_cg_ident(cc, names[i]);
    if (!s) return NULL;
    WF_TUPLE_INIT(t, i, s);
  }
  return t;
}

static int compute_flags(wf_cc *cc, wf_unit *u) {
  wf_ste *ste = u->ste;
  int flags = 0;
  if (ste->type == ST_FUNCTION) {
    flags |= CO_NEWLOCALS | CO_OPTIMIZED;
    if (ste->nested) flags |= CO_NESTED;
    if (ste->generator && !ste->coroutine) flags |= CO_GENERATOR;
    if (!ste->generator && ste->coroutine) flags |= CO_COROUTINE;
    if (ste->generator && ste->coroutine) flags |= CO_ASYNC_GENERATOR;
    if (ste->varargs) flags |= CO_VARARGS;
    if (ste->varkeywords) flags |= CO_VARKEYWORDS;
  }
  if (cc->future_annotations) flags |= CO_FUTURE_ANNOTATIONS;
  return flags;
}

PyObject *wf_cg_assemble(wf_cc *cc, int add_none) {
  wf_unit *u = cc->u;
  /* implicit return at the end */
  wf_blk *last = u->cur;
  if (!(last->n && is_terminator(last->ins[last->n - 1].op)) || 1) {
    wf_cg_unsetloc(cc);
    if (add_none && wf_cg_load_none(cc) < 0) return NULL;
    if (wf_cg_op(cc, WF_OP_RETURN_VALUE, 0) < 0) return NULL;
  }
  /* prefix: cells and free variables */
  int nvar = u->nvar;
  if (u->ncell || u->nfree) {
    wf_blk *pre = wf_cg_newblk(cc);
    wf_blk *save = u->cur;
    u->cur = pre;
    u->line = u->firstlineno;
    u->end_line = u->firstlineno;
    u->col = u->end_col = -1;
    for (int i = 0; i < u->ncell; i++)
      if (wf_cg_op(cc, WF_OP_MAKE_CELL, i) < 0) return NULL;
    if (u->nfree && wf_cg_op(cc, WF_OP_COPY_FREE_VARS, u->nfree) < 0) return NULL;
    u->cur = save;
    pre->next = u->entry;
    u->entry = pre;
  }
  /* localsplus */
  int ncell_extra = 0;
  int *cellslot = wf_arena_alloc(&cc->arena, sizeof(int) * (size_t)(u->ncell + 1));
  for (int i = 0; i < u->ncell; i++) {
    int vi = wf_smap_get(&u->varmap, u->cells[i], -1);
    cellslot[i] = vi >= 0 ? vi : nvar + ncell_extra++;
  }
  int nlp = nvar + ncell_extra + u->nfree;
  int maxdepth = 0;
  if (stackdepth(u->entry, &maxdepth) < 0) return NULL;
  label_exception_targets(cc, u->entry);
  /* offsets */
  int off = 0;
  for (wf_blk *b = u->entry; b; b = b->next) {
    if (b->startdepth < 0) continue;
    b->offset = off;
    for (int i = 0; i < b->n; i++) off += instr_size(b->ins[i].op);
  }
  int nwords = off;
  uint32_t *words = calloc((size_t)nwords + 1, sizeof(uint32_t));
  wf_code_loc *locs = calloc((size_t)nwords + 1, sizeof(wf_code_loc));
  wf_code_handler *hs = calloc((size_t)nwords + 1, sizeof(wf_code_handler));
  int nlocs = 0, nh = 0, ncaches = 0;
  off = 0;
  for (wf_blk *b = u->entry; b; b = b->next) {
    if (b->startdepth < 0) continue;
    for (int i = 0; i < b->n; i++) {
      wf_instr *in = &b->ins[i];
      int sz = instr_size(in->op);
      if (!sz) continue;
      int op = in->op, arg = in->arg;
      if (op == P_JUMP) op = in->target->offset <= off ? WF_OP_JUMP_BACKWARD : WF_OP_JUMP_FORWARD;
      if (has_target(op)) arg = in->target->offset;
      switch (op) {
      case WF_OP_MAKE_CELL:
      case WF_OP_LOAD_CLOSURE:
      case WF_OP_LOAD_DEREF:
      case WF_OP_LOAD_CLASSDEREF:
      case WF_OP_STORE_DEREF:
      case WF_OP_DELETE_DEREF: arg = arg < u->ncell ? cellslot[arg] : nvar + ncell_extra + (arg - u->ncell); break;
      default: break;
      }
      words[off] = wf_instr_make((wf_opcode)op, (uint32_t)arg);
      if (sz == 2) words[off + 1] = (uint32_t)ncaches++;
      /* location */
      wf_code_loc l = {(uint32_t)off, in->line, in->end_line, in->col, in->end_col};
      if (l.line <= 0) l = (wf_code_loc){(uint32_t)off, 0, 0, -1, -1};
      if (!nlocs || locs[nlocs - 1].line != l.line || locs[nlocs - 1].end_line != l.end_line ||
          locs[nlocs - 1].col != l.col || locs[nlocs - 1].end_col != l.end_col)
        locs[nlocs++] = l;
      /* handler */
      if (in->handler) {
        wf_blk *h = in->handler;
        uint16_t depth = (uint16_t)(h->startdepth - 1 - h->preserve_lasti);
        if (nh && hs[nh - 1].end == (uint32_t)off && hs[nh - 1].handler == (uint32_t)h->offset &&
            hs[nh - 1].depth == depth && hs[nh - 1].lasti == h->preserve_lasti) {
          hs[nh - 1].end = (uint32_t)(off + sz);
        } else {
          hs[nh++] = (wf_code_handler){(uint32_t)off, (uint32_t)(off + sz), (uint32_t)h->offset, depth,
                                       (uint16_t)h->preserve_lasti};
        }
      }
      off += sz;
    }
  }
  wf_opcodes_pair(words, nwords);
  PyObject *result = NULL;
  PyObject *consts = wf_cc_keep(cc, wf_tuple_from_array(u->consts, u->nconsts));
  PyObject *names = consts ? names_tuple(cc, u->names, u->nnames) : NULL;
  const char **lpn = wf_arena_alloc(&cc->arena, sizeof(char *) * (size_t)(nlp + 1));
  unsigned char *kinds = wf_arena_alloc(&cc->arena, (size_t)nlp + 1);
  for (int i = 0; i < nvar; i++) {
    lpn[i] = u->varnames[i];
    kinds[i] = CO_FAST_LOCAL;
  }
  for (int i = 0; i < u->ncell; i++) {
    lpn[cellslot[i]] = u->cells[i];
    kinds[cellslot[i]] |= CO_FAST_CELL;
  }
  for (int i = 0; i < u->nfree; i++) {
    lpn[nvar + ncell_extra + i] = u->frees[i];
    kinds[nvar + ncell_extra + i] = CO_FAST_FREE;
  }
  PyObject *lpnames = names ? names_tuple(cc, lpn, nlp) : NULL;
  PyObject *lpkinds = lpnames ? wf_cc_keep(cc, wf_bytes_from_data(kinds, nlp)) : NULL;
  PyObject *name = lpkinds ? wf_cg_ident(cc, u->name) : NULL;
  PyObject *qualname = name ? wf_cc_keep(cc, wf_str_from_cstr(u->qualname ? u->qualname : u->name)) : NULL;
  if (qualname) {
    wf_code_parts p = {
        .argcount = u->argcount,
        .posonlyargcount = u->posonly,
        .kwonlyargcount = u->kwonly,
        .flags = compute_flags(cc, u),
        .stacksize = maxdepth ? maxdepth : 1,
        .firstlineno = u->firstlineno,
        .ncaches = ncaches,
        .words = words,
        .nwords = nwords,
        .locs = locs,
        .nlocs = nlocs,
        .handlers = hs,
        .nhandlers = nh,
        .consts = consts,
        .names = names,
        .localsplusnames = lpnames,
        .localspluskinds = lpkinds,
        .filename = cc->filename,
        .name = name,
        .qualname = qualname,
    };
    result = wf_cc_keep(cc, wf_code_new(&p));
  }
  free(words);
  free(locs);
  free(hs);
  return result;
}

/* ---- future features ---- */

static int check_future(wf_cc *cc, wf_seq *body) {
  int done = 0;
  intptr_t i = 0;
  if (body && body->n) {
    wf_node *s = body->items[0];
    if (s->kind == WF_AST_Expr && s->v.Expr.value->kind == WF_AST_Constant &&
        s->v.Expr.value->v.Constant.value->kind == WF_CONST_STR)
      i = 1;
  }
  for (; body && i < body->n; i++) {
    wf_node *s = body->items[i];
    if (s->kind == WF_AST_ImportFrom && s->v.ImportFrom.module && strcmp(s->v.ImportFrom.module, "__future__") == 0 &&
        s->v.ImportFrom.level == 0) {
      if (done)
        return wf_cc_error(cc, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                           "from __future__ imports must occur at the beginning of the file");
      for (intptr_t j = 0; j < s->v.ImportFrom.names->n; j++) {
        wf_node *a = s->v.ImportFrom.names->items[j];
        const char *f = a->v.alias.name;
        cc->ff_line = s->lineno;
        cc->ff_col = s->col_offset;
        if (strcmp(f, "annotations") == 0) {
          cc->future_annotations = 1;
        } else if (strcmp(f, "nested_scopes") == 0 || strcmp(f, "generators") == 0 || strcmp(f, "division") == 0 ||
                   strcmp(f, "absolute_import") == 0 || strcmp(f, "with_statement") == 0 ||
                   strcmp(f, "print_function") == 0 || strcmp(f, "unicode_literals") == 0 ||
                   strcmp(f, "generator_stop") == 0) {
        } else if (strcmp(f, "braces") == 0) {
          return wf_cc_error(cc, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, "not a chance");
        } else if (strcmp(f, "barry_as_FLUFL") == 0) {
          return wf_cc_error(cc, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                             "Weft does not implement barry_as_FLUFL");
        } else {
          return wf_cc_error(cc, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                             "future feature %s is not defined", f);
        }
      }
    } else {
      done = 1;
    }
  }
  return 0;
}

/* ---- entry points ---- */

static PyObject *compile_mod(wf_cc *cc, wf_node *mod, wf_compile_mode mode) {
  if (wf_cg_enter_scope(cc, "<module>", U_MODULE, mod, 1) < 0) return NULL;
  wf_unit *u = cc->u;
  u->line = 1;
  u->end_line = 1;
  u->col = 0;
  u->end_col = 0;
  int add_none = 1;
  if (mod->kind == WF_AST_Module) {
    if (wf_cg_body(cc, mod->v.Module.body, 1) < 0) return NULL;
  } else if (mod->kind == WF_AST_Interactive) {
    cc->interactive = 1;
    if (wf_cg_body(cc, mod->v.Interactive.body, 0) < 0) return NULL;
  } else if (mod->kind == WF_AST_Expression) {
    wf_cg_setloc(cc, mod->v.Expression.body);
    if (wf_cg_expr(cc, mod->v.Expression.body) < 0) return NULL;
    add_none = 0;
  } else {
    return wf_err_format(&wf_SystemError_type, "compile: unexpected mod kind");
  }
  PyObject *co = wf_cg_assemble(cc, add_none);
  wf_cg_exit_scope(cc);
  return co;
}

static PyObject *compile_tree(wf_node *tree, PyObject *filename, wf_compile_mode mode, const char *src, size_t len) {
  wf_cc cc;
  memset(&cc, 0, sizeof cc);
  wf_arena_init(&cc.arena);
  PyObject *keep = wf_list_new(0);
  WF_GC_ROOT(keep);
  PyObject *fn = filename;
  WF_GC_ROOT(fn);
  PyObject *result = NULL;
  WF_GC_ROOT(result);
  if (!keep) goto done;
  cc.keep = keep;
  cc.filename = filename;
  cc.src = src;
  cc.srclen = len;
  cc.st.arena = &cc.arena;
  cc.ff_line = cc.ff_col = -1;
  if (tree->kind == WF_AST_Module && check_future(&cc, tree->v.Module.body) < 0) goto done;
  if (tree->kind == WF_AST_Interactive && check_future(&cc, tree->v.Interactive.body) < 0) goto done;
  if (wf_cg_fold(&cc, tree) < 0) goto done;
  if (wf_symtable_build(&cc.st, tree, &cc) < 0) goto done;
  result = compile_mod(&cc, tree, mode);
done:
  wf_arena_free(&cc.arena);
  return result;
}

PyObject *wf_compile_ast(wf_node *tree, PyObject *filename, wf_compile_mode mode) {
  return compile_tree(tree, filename, mode, NULL, 0);
}

PyObject *wf_compile_source(const char *src, size_t len, PyObject *filename, wf_compile_mode mode) {
  wf_arena arena;
  wf_arena_init(&arena);
  wf_syntax_error err;
  const char *fname = filename ? wf_str_as_utf8(filename, NULL) : "<string>";
  if (!fname) {
    wf_err_clear();
    fname = "<string>";
  }
  wf_node *tree;
  if (mode == WF_COMPILE_EVAL) tree = wf_parse_expression(src, len, fname, &arena, &err);
  else if (mode == WF_COMPILE_SINGLE) tree = wf_parse_interactive(src, len, fname, &arena, &err);
  else tree = wf_parse_module(src, len, fname, &arena, &err);
  PyObject *result = NULL;
  if (!tree) {
    if (err.type == WF_EXC_MEMORY) {
      wf_err_no_memory();
    } else if (err.type == WF_EXC_RECURSION) {
      wf_err_set_string(&wf_RecursionError_type, err.msg ? err.msg : "maximum recursion depth exceeded");
    } else {
      PyTypeObject *t = err.type == WF_EXC_INDENTATION ? &wf_IndentationError_type
                        : err.type == WF_EXC_TAB       ? &wf_TabError_type
                                                       : &wf_SyntaxError_type;
      PyObject *text = NULL;
      WF_GC_ROOT(text);
      if (err.text) {
        text = wf_str_from_utf8(err.text, (Py_ssize_t)strlen(err.text));
        if (!text) wf_err_clear();
      }
      raise_syntax(t, err.msg ? err.msg : "invalid syntax", filename, err.lineno, err.offset, text, err.end_lineno,
                   err.end_offset);
    }
    wf_syntax_error_clear(&err);
  } else {
    result = compile_tree(tree, filename, mode, src, len);
  }
  wf_arena_free(&arena);
  return result;
}
