/* Constant folding over the AST before code generation, as CPython 3.11's
 * AST optimizer does it (same cases, same size limits, so that programs
 * see the same constants and the same identities):
 *   - unary -, +, ~ and `not` of a constant; a binary operator on two
 *     constants, unless the result could be huge (ints over 128 bits,
 *     sequences over 256 items or 4096 characters) or the operator is % on
 *     a str/bytes left side (formatting stays at run time);
 *   - a tuple display of constants (Load context) and a subscript of two
 *     constants (Load context);
 *   - a list or set display of constants iterated by `for`, a
 *     comprehension, or the right side of `in` / `not in` becomes a tuple or
 *     frozenset constant.
 * An operation that raises (1/0) is left for run time. Annotations are not
 * folded under `from __future__ import annotations` (they become strings).
 * A folded node becomes a Constant of kind WF_CONST_OBJECT. */
#include <string.h>

#include "compile_internal.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "set.h"
#include "str.h"
#include "bytes.h"
#include "tuple.h"

#define MAX_INT_BITS 128
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

/* The constant a Constant node holds, or NULL (not a constant, or an error). */
static PyObject *const_of(wf_cc *cc, wf_node *n) {
  if (!n || n->kind != WF_AST_Constant) return NULL;
  return wf_cg_constant(cc, n->v.Constant.value);
}

static int make_const(wf_cc *cc, wf_node *n, PyObject *value) {
  if (!value) {
    wf_err_clear(); /* left for run time, which raises it */
    return 0;
  }
  wf_const *k = wf_arena_alloc(&cc->arena, sizeof *k);
  memset(k, 0, sizeof *k);
  k->kind = WF_CONST_OBJECT;
  k->obj = wf_cc_keep(cc, value);
  if (!k->obj) return -1;
  n->kind = WF_AST_Constant;
  n->v.Constant.value = k;
  n->v.Constant.kind = NULL;
  return 0;
}

static bool is_int(PyObject *o) { return wf_int_check(o); }
static bool is_text(PyObject *o) { return wf_str_check(o) || wf_bytes_check(o); }

/* Items of a tuple/frozenset, counted through nested tuples and frozensets:
 * -1 once above limit. */
static Py_ssize_t complexity(PyObject *o, Py_ssize_t limit) {
  if (!wf_tuple_check(o)) return limit;
  for (Py_ssize_t i = 0; i < WF_SIZE(o) && limit >= 0; i++) {
    limit -= 1;
    limit = complexity(WF_TUPLE_GET(o, i), limit);
  }
  return limit;
}

static PyObject *safe_multiply(PyObject *a, PyObject *b) {
  if (is_int(a) && is_int(b)) {
    if (wf_int_bit_length(a) + wf_int_bit_length(b) > MAX_INT_BITS) return NULL;
  } else if (is_int(a) && (wf_tuple_check(b) || is_text(b))) {
    Py_ssize_t size = wf_object_length(b);
    if (size < 0) return NULL;
    if (size) {
      Py_ssize_t n = wf_int_as_ssize(a);
      if (n == -1 && wf_err_occurred()) return NULL;
      Py_ssize_t limit = wf_tuple_check(b) ? MAX_COLLECTION_SIZE : MAX_STR_SIZE;
      if (n < 0 || n > limit / size) return NULL;
      if (n && wf_tuple_check(b) && complexity(b, MAX_TOTAL_ITEMS / n) < 0) return NULL;
    }
  } else if (is_int(b) && (wf_tuple_check(a) || is_text(a))) {
    return safe_multiply(b, a);
  }
  return wf_number_binop(a, b, WF_BINOP_MUL);
}

static PyObject *safe_power(PyObject *a, PyObject *b) {
  if (is_int(a) && is_int(b) && wf_object_is_true(a) == 1 && wf_int_sign(b) > 0) {
    uint64_t abits = wf_int_bit_length(a);
    Py_ssize_t bbits = wf_int_as_ssize(b);
    if (bbits == -1 && wf_err_occurred()) return NULL;
    if (abits > MAX_INT_BITS / (uint64_t)bbits) return NULL;
  }
  return wf_number_power(a, b, WF_NONE);
}

static PyObject *safe_lshift(PyObject *a, PyObject *b) {
  if (is_int(a) && is_int(b) && wf_object_is_true(a) == 1 && wf_object_is_true(b) == 1) {
    uint64_t abits = wf_int_bit_length(a);
    Py_ssize_t bbits = wf_int_as_ssize(b);
    if (bbits == -1 && wf_err_occurred()) return NULL;
    if (bbits > MAX_INT_BITS || abits > (uint64_t)(MAX_INT_BITS - bbits)) return NULL;
  }
  return wf_number_binop(a, b, WF_BINOP_LSHIFT);
}

static int fold_binop(wf_cc *cc, wf_node *n) {
  PyObject *a = const_of(cc, n->v.BinOp.left), *b = a ? const_of(cc, n->v.BinOp.right) : NULL;
  if (!a || !b) return 0;
  PyObject *r;
  switch (n->v.BinOp.op) {
  case WF_AST_Add: r = wf_number_binop(a, b, WF_BINOP_ADD); break;
  case WF_AST_Sub: r = wf_number_binop(a, b, WF_BINOP_SUB); break;
  case WF_AST_Mult: r = safe_multiply(a, b); break;
  case WF_AST_Div: r = wf_number_binop(a, b, WF_BINOP_TRUEDIV); break;
  case WF_AST_FloorDiv: r = wf_number_binop(a, b, WF_BINOP_FLOORDIV); break;
  case WF_AST_Mod: r = is_text(a) ? NULL : wf_number_binop(a, b, WF_BINOP_MOD); break;
  case WF_AST_Pow: r = safe_power(a, b); break;
  case WF_AST_LShift: r = safe_lshift(a, b); break;
  case WF_AST_RShift: r = wf_number_binop(a, b, WF_BINOP_RSHIFT); break;
  case WF_AST_BitOr: r = wf_number_binop(a, b, WF_BINOP_OR); break;
  case WF_AST_BitXor: r = wf_number_binop(a, b, WF_BINOP_XOR); break;
  case WF_AST_BitAnd: r = wf_number_binop(a, b, WF_BINOP_AND); break;
  default: return 0; /* @ */
  }
  return make_const(cc, n, r);
}

static int fold_unaryop(wf_cc *cc, wf_node *n) {
  PyObject *a = const_of(cc, n->v.UnaryOp.operand);
  if (!a) return 0;
  PyObject *r;
  switch (n->v.UnaryOp.op) {
  case WF_AST_USub: r = wf_number_negative(a); break;
  case WF_AST_UAdd: r = wf_number_positive(a); break;
  case WF_AST_Invert: r = wf_number_invert(a); break;
  case WF_AST_Not: {
    int t = wf_object_not(a);
    r = t < 0 ? NULL : wf_bool_from(t);
    break;
  }
  default: return 0;
  }
  return make_const(cc, n, r);
}

/* A tuple of the constants of elts, or NULL when one is not a constant. */
static PyObject *const_tuple_of(wf_cc *cc, wf_seq *elts) {
  intptr_t n = elts ? elts->n : 0;
  for (intptr_t i = 0; i < n; i++)
    if (((wf_node *)elts->items[i])->kind != WF_AST_Constant) return NULL;
  PyObject **items = wf_arena_alloc(&cc->arena, sizeof(PyObject *) * (size_t)(n + 1));
  for (intptr_t i = 0; i < n; i++)
    if (!(items[i] = const_of(cc, elts->items[i]))) return NULL; /* each kept alive by the compiler */
  return wf_tuple_from_array(items, n);
}

static int fold_tuple(wf_cc *cc, wf_node *n) {
  if (n->v.Tuple.ctx != WF_AST_Load) return 0;
  PyObject *t = const_tuple_of(cc, n->v.Tuple.elts);
  return t ? make_const(cc, n, t) : 0;
}

static int fold_subscript(wf_cc *cc, wf_node *n) {
  if (n->v.Subscript.ctx != WF_AST_Load) return 0;
  PyObject *c = const_of(cc, n->v.Subscript.value), *k = c ? const_of(cc, n->v.Subscript.slice) : NULL;
  if (!c || !k) return 0;
  return make_const(cc, n, wf_object_getitem(c, k));
}

/* An iterated list display of constants: a tuple; a set display: a frozenset. */
static int fold_iter(wf_cc *cc, wf_node *n) {
  if (!n) return 0;
  if (n->kind == WF_AST_List) {
    PyObject *t = const_tuple_of(cc, n->v.List.elts);
    return t ? make_const(cc, n, t) : 0;
  }
  if (n->kind == WF_AST_Set) {
    PyObject *t = const_tuple_of(cc, n->v.Set.elts);
    return t ? make_const(cc, n, wf_frozenset_new(t)) : 0;
  }
  return 0;
}

static int fold_compare(wf_cc *cc, wf_node *n) {
  wf_seq *ops = n->v.Compare.ops, *cmps = n->v.Compare.comparators;
  intptr_t last = ops->n - 1;
  intptr_t op = (intptr_t)ops->items[last];
  if (op == WF_AST_In || op == WF_AST_NotIn) return fold_iter(cc, cmps->items[last]);
  return 0;
}

static int fold_node(wf_cc *cc, wf_node *n);

static bool is_annotation_field(wf_cc *cc, const wf_node *n, const char *field) {
  if (!cc->future_annotations) return false;
  if (n->kind == WF_AST_arg || n->kind == WF_AST_AnnAssign) return strcmp(field, "annotation") == 0;
  if (n->kind == WF_AST_FunctionDef || n->kind == WF_AST_AsyncFunctionDef) return strcmp(field, "returns") == 0;
  return false;
}

static int fold_children(wf_cc *cc, wf_node *n) {
  const wf_ast_kind_info *k = &wf_ast_kinds[n->kind];
  char *v = (char *)&n->v;
  for (int i = 0; i < k->nfields; i++) {
    int t = k->field_types[i];
    if (t != WF_F_NODE && t != WF_F_ONODE && t != WF_F_SEQ) continue;
    if (is_annotation_field(cc, n, k->field_names[i])) continue;
    if (t == WF_F_SEQ) {
      wf_seq *s = *(wf_seq **)(v + 8 * i);
      for (intptr_t j = 0; s && j < s->n; j++)
        if (s->items[j] && fold_node(cc, s->items[j]) < 0) return -1;
    } else {
      wf_node *c = *(wf_node **)(v + 8 * i);
      if (c && fold_node(cc, c) < 0) return -1;
    }
  }
  return 0;
}

static int fold_node(wf_cc *cc, wf_node *n) {
  if (fold_children(cc, n) < 0) return -1;
  switch (n->kind) {
  case WF_AST_BinOp: return fold_binop(cc, n);
  case WF_AST_UnaryOp: return fold_unaryop(cc, n);
  case WF_AST_Tuple: return fold_tuple(cc, n);
  case WF_AST_Subscript: return fold_subscript(cc, n);
  case WF_AST_Compare: return fold_compare(cc, n);
  case WF_AST_For: return fold_iter(cc, n->v.For.iter);
  case WF_AST_comprehension: return fold_iter(cc, n->v.comprehension.iter);
  default: return 0;
  }
}

int wf_cg_fold(wf_cc *cc, wf_node *tree) { return fold_node(cc, tree); }
