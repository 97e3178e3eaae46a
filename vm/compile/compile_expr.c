/* Code generation for expressions: operators, displays, calls, attribute
 * and subscript access, assignment targets, comprehensions, lambdas,
 * f-strings, yield/await (CPython 3.11's instruction sequences). */
#include <string.h>

#include "compile_internal.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "str.h"
#include "set.h"
#include "tuple.h"

#define STACK_USE_GUARANTEE 30

static int cg_expr1(wf_cc *cc, wf_node *e);

int wf_cg_expr(wf_cc *cc, wf_node *e) {
  wf_unit *u = cc->u;
  int l = u->line, el = u->end_line, c = u->col, ec = u->end_col;
  wf_cg_setloc(cc, e);
  int r = cg_expr1(cc, e);
  u = cc->u;
  u->line = l;
  u->end_line = el;
  u->col = c;
  u->end_col = ec;
  return r;
}

int wf_cg_exprs(wf_cc *cc, wf_seq *s) {
  for (intptr_t i = 0; s && i < s->n; i++) TRY(wf_cg_expr(cc, s->items[i]));
  return 0;
}

static int binop_arg(int op) {
  switch (op) {
  case WF_AST_Add: return WF_BINOP_ADD;
  case WF_AST_Sub: return WF_BINOP_SUB;
  case WF_AST_Mult: return WF_BINOP_MUL;
  case WF_AST_MatMult: return WF_BINOP_MATMUL;
  case WF_AST_Div: return WF_BINOP_TRUEDIV;
  case WF_AST_FloorDiv: return WF_BINOP_FLOORDIV;
  case WF_AST_Mod: return WF_BINOP_MOD;
  case WF_AST_Pow: return WF_BINOP_POW;
  case WF_AST_LShift: return WF_BINOP_LSHIFT;
  case WF_AST_RShift: return WF_BINOP_RSHIFT;
  case WF_AST_BitAnd: return WF_BINOP_AND;
  case WF_AST_BitOr: return WF_BINOP_OR;
  case WF_AST_BitXor: return WF_BINOP_XOR;
  default: return 0;
  }
}

int wf_cg_binop(wf_cc *cc, int op, int inplace) {
  return wf_cg_op(cc, WF_OP_BINARY_OP, binop_arg(op) | (inplace ? WF_BINOP_INPLACE_ARG : 0));
}

static int compare_op(wf_cc *cc, intptr_t op) {
  switch (op) {
  case WF_AST_Eq: return wf_cg_op(cc, WF_OP_COMPARE_OP, Py_EQ);
  case WF_AST_NotEq: return wf_cg_op(cc, WF_OP_COMPARE_OP, Py_NE);
  case WF_AST_Lt: return wf_cg_op(cc, WF_OP_COMPARE_OP, Py_LT);
  case WF_AST_LtE: return wf_cg_op(cc, WF_OP_COMPARE_OP, Py_LE);
  case WF_AST_Gt: return wf_cg_op(cc, WF_OP_COMPARE_OP, Py_GT);
  case WF_AST_GtE: return wf_cg_op(cc, WF_OP_COMPARE_OP, Py_GE);
  case WF_AST_Is: return wf_cg_op(cc, WF_OP_IS_OP, 0);
  case WF_AST_IsNot: return wf_cg_op(cc, WF_OP_IS_OP, 1);
  case WF_AST_In: return wf_cg_op(cc, WF_OP_CONTAINS_OP, 0);
  case WF_AST_NotIn: return wf_cg_op(cc, WF_OP_CONTAINS_OP, 1);
  default: return 0;
  }
}

static int cg_compare(wf_cc *cc, wf_node *e) {
  wf_seq *ops = e->v.Compare.ops, *cmps = e->v.Compare.comparators;
  intptr_t n = ops->n - 1;
  TRY(wf_cg_expr(cc, e->v.Compare.left));
  if (n == 0) {
    TRY(wf_cg_expr(cc, cmps->items[0]));
    return compare_op(cc, (intptr_t)ops->items[0]);
  }
  wf_blk *cleanup = wf_cg_newblk(cc);
  for (intptr_t i = 0; i < n; i++) {
    TRY(wf_cg_expr(cc, cmps->items[i]));
    TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    TRY(wf_cg_op(cc, WF_OP_COPY, 2));
    TRY(compare_op(cc, (intptr_t)ops->items[i]));
    TRY(wf_cg_jump(cc, WF_OP_JUMP_IF_FALSE_OR_POP, cleanup));
  }
  TRY(wf_cg_expr(cc, cmps->items[n]));
  TRY(compare_op(cc, (intptr_t)ops->items[n]));
  wf_blk *end = wf_cg_newblk(cc);
  TRY(wf_cg_jump(cc, P_JUMP, end));
  wf_cg_use(cc, cleanup);
  TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  wf_cg_use(cc, end);
  return 0;
}

int wf_cg_jump_if(wf_cc *cc, wf_node *e, wf_blk *next, int cond) {
  switch (e->kind) {
  case WF_AST_UnaryOp:
    if (e->v.UnaryOp.op == WF_AST_Not) return wf_cg_jump_if(cc, e->v.UnaryOp.operand, next, !cond);
    break;
  case WF_AST_BoolOp: {
    wf_seq *s = e->v.BoolOp.values;
    intptr_t n = s->n - 1;
    int cond2 = e->v.BoolOp.op == WF_AST_Or;
    wf_blk *next2 = next;
    if (!cond2 != !cond) next2 = wf_cg_newblk(cc);
    for (intptr_t i = 0; i < n; i++) TRY(wf_cg_jump_if(cc, s->items[i], next2, cond2));
    TRY(wf_cg_jump_if(cc, s->items[n], next, cond));
    if (next2 != next) wf_cg_use(cc, next2);
    return 0;
  }
  case WF_AST_IfExp: {
    wf_blk *end = wf_cg_newblk(cc), *next2 = wf_cg_newblk(cc);
    TRY(wf_cg_jump_if(cc, e->v.IfExp.test, next2, 0));
    TRY(wf_cg_jump_if(cc, e->v.IfExp.body, next, cond));
    TRY(wf_cg_jump(cc, P_JUMP, end));
    wf_cg_use(cc, next2);
    TRY(wf_cg_jump_if(cc, e->v.IfExp.orelse, next, cond));
    wf_cg_use(cc, end);
    return 0;
  }
  case WF_AST_Compare: {
    wf_seq *ops = e->v.Compare.ops, *cmps = e->v.Compare.comparators;
    intptr_t n = ops->n - 1;
    if (n > 0) {
      wf_unit *u = cc->u;
      int l = u->line, el = u->end_line, c = u->col, ec = u->end_col;
      wf_cg_setloc(cc, e);
      wf_blk *cleanup = wf_cg_newblk(cc);
      TRY(wf_cg_expr(cc, e->v.Compare.left));
      for (intptr_t i = 0; i < n; i++) {
        TRY(wf_cg_expr(cc, cmps->items[i]));
        TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
        TRY(wf_cg_op(cc, WF_OP_COPY, 2));
        TRY(compare_op(cc, (intptr_t)ops->items[i]));
        TRY(wf_cg_jump(cc, WF_OP_POP_JUMP_IF_FALSE, cleanup));
      }
      TRY(wf_cg_expr(cc, cmps->items[n]));
      TRY(compare_op(cc, (intptr_t)ops->items[n]));
      TRY(wf_cg_jump(cc, cond ? WF_OP_POP_JUMP_IF_TRUE : WF_OP_POP_JUMP_IF_FALSE, next));
      wf_blk *end = wf_cg_newblk(cc);
      TRY(wf_cg_jump(cc, P_JUMP, end));
      wf_cg_use(cc, cleanup);
      TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
      if (!cond) TRY(wf_cg_jump(cc, P_JUMP, next));
      wf_cg_use(cc, end);
      u->line = l;
      u->end_line = el;
      u->col = c;
      u->end_col = ec;
      return 0;
    }
    break;
  }
  default: break;
  }
  TRY(wf_cg_expr(cc, e));
  return wf_cg_jump(cc, cond ? WF_OP_POP_JUMP_IF_TRUE : WF_OP_POP_JUMP_IF_FALSE, next);
}

/* A tuple constant from a list of Constant nodes, or NULL (no error) if
 * some item is not a constant. */
static PyObject *const_tuple(wf_cc *cc, wf_seq *s, intptr_t begin, intptr_t end, int *err) {
  *err = 0;
  for (intptr_t i = begin; i < end; i++) {
    wf_node *x = s->items[i];
    if (!x || x->kind != WF_AST_Constant) return NULL;
  }
  PyObject *t = wf_cc_keep(cc, wf_tuple_new(end - begin));
  if (!t) {
    *err = 1;
    return NULL;
  }
  for (intptr_t i = begin; i < end; i++) {
    PyObject *o = wf_cg_constant(cc, ((wf_node *)s->items[i])->v.Constant.value);
    if (!o) {
      *err = 1;
      return NULL;
    }
    WF_TUPLE_INIT(t, i - begin, o);
  }
  return t;
}

static int starunpack_helper(wf_cc *cc, wf_seq *elts, int pushed, int build, int add, int extend, int tuple) {
  intptr_t n = elts->n;
  if (tuple && !pushed && n > 0) {
    int err;
    PyObject *t = const_tuple(cc, elts, 0, n, &err);
    if (err) return -1;
    if (t) return wf_cg_load_const(cc, t);
  }
  if (n > 2 && !(tuple && !pushed)) {
    /* More than two constants: build empty, then extend by one constant, as
     * python3.11 does.  A set's constant is a frozenset rebuilt from its own
     * iteration order (as 3.11's constant merging does), so that the set
     * built from it iterates in python3.11's order. */
    int err;
    PyObject *t = const_tuple(cc, elts, 0, n, &err);
    if (err) return -1;
    if (t) {
      if (build == WF_OP_BUILD_SET) {
        PyObject *once = wf_cc_keep(cc, wf_frozenset_new(t));
        PyObject *items = once ? wf_cc_keep(cc, wf_sequence_list(once)) : NULL;
        t = items ? wf_cc_keep(cc, wf_frozenset_new(items)) : NULL;
        if (!t) return -1;
      }
      TRY(wf_cg_op(cc, build, pushed));
      TRY(wf_cg_load_const(cc, t));
      TRY(wf_cg_op(cc, extend, 1));
      if (tuple) TRY(wf_cg_op(cc, WF_OP_LIST_TO_TUPLE, 0));
      return 0;
    }
  }
  int big = n + pushed > STACK_USE_GUARANTEE;
  int seen_star = 0;
  for (intptr_t i = 0; i < n; i++)
    if (((wf_node *)elts->items[i])->kind == WF_AST_Starred) seen_star = 1;
  if (!seen_star && !big) {
    TRY(wf_cg_exprs(cc, elts));
    if (tuple) return wf_cg_op(cc, WF_OP_BUILD_TUPLE, (int)n + pushed);
    return wf_cg_op(cc, build, (int)n + pushed);
  }
  int built = 0;
  if (big) {
    TRY(wf_cg_op(cc, build, pushed));
    built = 1;
  }
  for (intptr_t i = 0; i < n; i++) {
    wf_node *elt = elts->items[i];
    if (elt->kind == WF_AST_Starred) {
      if (!built) {
        TRY(wf_cg_op(cc, build, (int)i + pushed));
        built = 1;
      }
      TRY(wf_cg_expr(cc, elt->v.Starred.value));
      TRY(wf_cg_op(cc, extend, 1));
    } else {
      TRY(wf_cg_expr(cc, elt));
      if (built) TRY(wf_cg_op(cc, add, 1));
    }
  }
  if (tuple) TRY(wf_cg_op(cc, WF_OP_LIST_TO_TUPLE, 0));
  return 0;
}

static int unpack_helper(wf_cc *cc, wf_seq *elts) {
  intptr_t n = elts->n;
  int seen_star = 0;
  for (intptr_t i = 0; i < n; i++) {
    wf_node *elt = elts->items[i];
    if (elt->kind == WF_AST_Starred && !seen_star) {
      if (i >= (1 << 8) || n - i - 1 >= (1 << 16))
        return wf_cg_error(cc, "too many expressions in star-unpacking assignment");
      TRY(wf_cg_op(cc, WF_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8))));
      seen_star = 1;
    } else if (elt->kind == WF_AST_Starred) {
      return wf_cg_error(cc, "multiple starred expressions in assignment");
    }
  }
  if (!seen_star) TRY(wf_cg_op(cc, WF_OP_UNPACK_SEQUENCE, (int)n));
  return 0;
}

static int assignment_helper(wf_cc *cc, wf_seq *elts) {
  TRY(unpack_helper(cc, elts));
  for (intptr_t i = 0; i < elts->n; i++) {
    wf_node *elt = elts->items[i];
    TRY(wf_cg_expr(cc, elt->kind != WF_AST_Starred ? elt : elt->v.Starred.value));
  }
  return 0;
}

static int subdict(wf_cc *cc, wf_node *e, intptr_t begin, intptr_t end) {
  intptr_t n = end - begin;
  int big = n * 2 > STACK_USE_GUARANTEE;
  wf_seq *keys = e->v.Dict.keys, *vals = e->v.Dict.values;
  if (n > 1 && !big) {
    int err;
    PyObject *kt = const_tuple(cc, keys, begin, end, &err);
    if (err) return -1;
    if (kt) {
      for (intptr_t i = begin; i < end; i++) TRY(wf_cg_expr(cc, vals->items[i]));
      TRY(wf_cg_load_const(cc, kt));
      return wf_cg_op(cc, WF_OP_BUILD_CONST_KEY_MAP, (int)n);
    }
  }
  if (big) TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
  for (intptr_t i = begin; i < end; i++) {
    TRY(wf_cg_expr(cc, keys->items[i]));
    TRY(wf_cg_expr(cc, vals->items[i]));
    if (big) TRY(wf_cg_op(cc, WF_OP_MAP_ADD, 1));
  }
  if (!big) TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, (int)n));
  return 0;
}

static int cg_dict(wf_cc *cc, wf_node *e) {
  intptr_t n = e->v.Dict.values->n, elements = 0;
  int have = 0;
  for (intptr_t i = 0; i < n; i++) {
    if (e->v.Dict.keys->items[i] == NULL) {
      if (elements) {
        TRY(subdict(cc, e, i - elements, i));
        if (have) TRY(wf_cg_op(cc, WF_OP_DICT_UPDATE, 1));
        have = 1;
        elements = 0;
      }
      if (!have) {
        TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
        have = 1;
      }
      TRY(wf_cg_expr(cc, e->v.Dict.values->items[i]));
      TRY(wf_cg_op(cc, WF_OP_DICT_UPDATE, 1));
    } else if (elements * 2 > STACK_USE_GUARANTEE) {
      TRY(subdict(cc, e, i - elements, i + 1));
      if (have) TRY(wf_cg_op(cc, WF_OP_DICT_UPDATE, 1));
      have = 1;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    TRY(subdict(cc, e, n - elements, n));
    if (have) TRY(wf_cg_op(cc, WF_OP_DICT_UPDATE, 1));
    have = 1;
  }
  if (!have) TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
  return 0;
}

/* ---- calls ---- */

static int validate_keywords(wf_cc *cc, wf_seq *kws) {
  for (intptr_t i = 0; i < kws->n; i++) {
    wf_node *k = kws->items[i];
    if (!k->v.keyword.arg) continue;
    if (strcmp(k->v.keyword.arg, "__debug__") == 0) {
      return wf_cg_error(cc, "cannot assign to __debug__");
    }
    for (intptr_t j = i + 1; j < kws->n; j++) {
      wf_node *o = kws->items[j];
      if (o->v.keyword.arg && strcmp(o->v.keyword.arg, k->v.keyword.arg) == 0) {
        wf_cg_setloc(cc, o);
        return wf_cg_error(cc, "keyword argument repeated: %s", k->v.keyword.arg);
      }
    }
  }
  return 0;
}

static int kw_names(wf_cc *cc, wf_seq *kws, intptr_t begin, intptr_t end) {
  PyObject *t = wf_cc_keep(cc, wf_tuple_new(end - begin));
  if (!t) return -1;
  for (intptr_t i = begin; i < end; i++) {
    PyObject *s = wf_cg_ident(cc, ((wf_node *)kws->items[i])->v.keyword.arg);
    if (!s) return -1;
    WF_TUPLE_INIT(t, i - begin, s);
  }
  return wf_cg_const(cc, t);
}

static int subkwargs(wf_cc *cc, wf_seq *kws, intptr_t begin, intptr_t end) {
  intptr_t n = end - begin;
  int big = n * 2 > STACK_USE_GUARANTEE;
  if (n > 1 && !big) {
    for (intptr_t i = begin; i < end; i++) TRY(wf_cg_expr(cc, ((wf_node *)kws->items[i])->v.keyword.value));
    int k = kw_names(cc, kws, begin, end);
    TRY(k);
    TRY(wf_cg_op(cc, WF_OP_LOAD_CONST, k));
    return wf_cg_op(cc, WF_OP_BUILD_CONST_KEY_MAP, (int)n);
  }
  if (big) TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
  for (intptr_t i = begin; i < end; i++) {
    wf_node *k = kws->items[i];
    PyObject *s = wf_cg_ident(cc, k->v.keyword.arg);
    if (!s) return -1;
    TRY(wf_cg_load_const(cc, s));
    TRY(wf_cg_expr(cc, k->v.keyword.value));
    if (big) TRY(wf_cg_op(cc, WF_OP_MAP_ADD, 1));
  }
  if (!big) TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, (int)n));
  return 0;
}

int wf_cg_call_helper(wf_cc *cc, int n, wf_seq *args, wf_seq *keywords) {
  TRY(validate_keywords(cc, keywords));
  intptr_t nelts = args->n, nkw = keywords->n;
  int ex = nelts + nkw * 2 > STACK_USE_GUARANTEE;
  for (intptr_t i = 0; !ex && i < nelts; i++)
    if (((wf_node *)args->items[i])->kind == WF_AST_Starred) ex = 1;
  for (intptr_t i = 0; !ex && i < nkw; i++)
    if (!((wf_node *)keywords->items[i])->v.keyword.arg) ex = 1;
  if (!ex) {
    TRY(wf_cg_exprs(cc, args));
    if (nkw) {
      for (intptr_t i = 0; i < nkw; i++) TRY(wf_cg_expr(cc, ((wf_node *)keywords->items[i])->v.keyword.value));
      int k = kw_names(cc, keywords, 0, nkw);
      TRY(k);
      TRY(wf_cg_op(cc, WF_OP_KW_NAMES, k));
    }
    return wf_cg_op(cc, WF_OP_CALL, n + (int)nelts + (int)nkw);
  }
  if (n == 0 && nelts == 1 && ((wf_node *)args->items[0])->kind == WF_AST_Starred) {
    TRY(wf_cg_expr(cc, ((wf_node *)args->items[0])->v.Starred.value));
  } else {
    TRY(starunpack_helper(cc, args, n, WF_OP_BUILD_LIST, WF_OP_LIST_APPEND, WF_OP_LIST_EXTEND, 1));
  }
  if (nkw) {
    int have = 0;
    intptr_t nseen = 0;
    for (intptr_t i = 0; i < nkw; i++) {
      wf_node *kw = keywords->items[i];
      if (!kw->v.keyword.arg) {
        if (nseen) {
          TRY(subkwargs(cc, keywords, i - nseen, i));
          if (have) TRY(wf_cg_op(cc, WF_OP_DICT_MERGE, 1));
          have = 1;
          nseen = 0;
        }
        if (!have) {
          TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
          have = 1;
        }
        TRY(wf_cg_expr(cc, kw->v.keyword.value));
        TRY(wf_cg_op(cc, WF_OP_DICT_MERGE, 1));
      } else {
        nseen++;
      }
    }
    if (nseen) {
      TRY(subkwargs(cc, keywords, nkw - nseen, nkw));
      if (have) TRY(wf_cg_op(cc, WF_OP_DICT_MERGE, 1));
    }
  }
  return wf_cg_op(cc, WF_OP_CALL_FUNCTION_EX, nkw > 0);
}

static int is_global_load(wf_cc *cc, wf_node *f) {
  if (f->kind != WF_AST_Name || strcmp(f->v.Name.id, "__debug__") == 0) return 0;
  wf_unit *u = cc->u;
  int sc = wf_ste_scope(u->ste, wf_cg_mangle(cc, f->v.Name.id));
  return sc == SC_GLOBAL_EXPLICIT || (sc == SC_GLOBAL_IMPLICIT && u->ste->type == ST_FUNCTION);
}

static int cg_call(wf_cc *cc, wf_node *e) {
  wf_node *f = e->v.Call.func;
  wf_seq *args = e->v.Call.args, *kws = e->v.Call.keywords;
  if (f->kind == WF_AST_Attribute && f->v.Attribute.ctx == WF_AST_Load &&
      args->n + kws->n + (kws->n != 0) < STACK_USE_GUARANTEE) {
    int ok = 1;
    for (intptr_t i = 0; ok && i < args->n; i++)
      if (((wf_node *)args->items[i])->kind == WF_AST_Starred) ok = 0;
    for (intptr_t i = 0; ok && i < kws->n; i++)
      if (!((wf_node *)kws->items[i])->v.keyword.arg) ok = 0;
    if (ok) {
      TRY(validate_keywords(cc, kws));
      wf_cg_setloc(cc, e);
      TRY(wf_cg_expr(cc, f->v.Attribute.value));
      wf_unit *u = cc->u;
      int l = u->line;
      u->line = f->end_lineno;
      TRY(wf_cg_op(cc, WF_OP_LOAD_METHOD, wf_cg_name_index(cc, f->v.Attribute.attr)));
      u->line = l;
      TRY(wf_cg_exprs(cc, args));
      if (kws->n) {
        for (intptr_t i = 0; i < kws->n; i++) TRY(wf_cg_expr(cc, ((wf_node *)kws->items[i])->v.keyword.value));
        int k = kw_names(cc, kws, 0, kws->n);
        TRY(k);
        TRY(wf_cg_op(cc, WF_OP_KW_NAMES, k));
      }
      u->line = f->end_lineno;
      int r = wf_cg_op(cc, WF_OP_CALL, (int)(args->n + kws->n));
      u->line = l;
      return r;
    }
  }
  if (is_global_load(cc, f)) {
    wf_cg_setloc(cc, f);
    int i = wf_cg_name_index(cc, f->v.Name.id);
    TRY(wf_cg_op(cc, WF_OP_LOAD_GLOBAL, (i << 1) | 1));
    wf_cg_setloc(cc, e);
  } else {
    wf_cg_setloc(cc, f);
    TRY(wf_cg_op(cc, WF_OP_PUSH_NULL, 0));
    wf_cg_setloc(cc, e);
    TRY(wf_cg_expr(cc, f));
  }
  return wf_cg_call_helper(cc, 0, args, kws);
}

/* ---- f-strings ---- */

static int cg_formatted(wf_cc *cc, wf_node *e) {
  TRY(wf_cg_expr(cc, e->v.FormattedValue.value));
  int oparg = 0;
  switch (e->v.FormattedValue.conversion) {
  case 's': oparg = 1; break;
  case 'r': oparg = 2; break;
  case 'a': oparg = 3; break;
  default: oparg = 0;
  }
  if (e->v.FormattedValue.format_spec) {
    TRY(wf_cg_expr(cc, e->v.FormattedValue.format_spec));
    oparg |= 4;
  }
  return wf_cg_op(cc, WF_OP_FORMAT_VALUE, oparg);
}

static int cg_joined(wf_cc *cc, wf_node *e) {
  wf_seq *v = e->v.JoinedStr.values;
  if (v->n > STACK_USE_GUARANTEE) {
    /* ''.join([...]) */
    PyObject *empty = wf_cc_keep(cc, wf_str_from_cstr(""));
    if (!empty) return -1;
    TRY(wf_cg_load_const(cc, empty));
    TRY(wf_cg_op(cc, WF_OP_LOAD_METHOD, wf_cg_name_index(cc, "join")));
    TRY(wf_cg_op(cc, WF_OP_BUILD_LIST, 0));
    for (intptr_t i = 0; i < v->n; i++) {
      TRY(wf_cg_expr(cc, v->items[i]));
      TRY(wf_cg_op(cc, WF_OP_LIST_APPEND, 1));
    }
    return wf_cg_op(cc, WF_OP_CALL, 1);
  }
  TRY(wf_cg_exprs(cc, v));
  if (v->n != 1) TRY(wf_cg_op(cc, WF_OP_BUILD_STRING, (int)v->n));
  return 0;
}

/* ---- yield / await ---- */

int wf_cg_add_yield_from(wf_cc *cc, int await) {
  (void)await;
  wf_blk *send = wf_cg_newblk(cc), *exit = wf_cg_newblk(cc);
  wf_cg_use(cc, send);
  TRY(wf_cg_jump(cc, WF_OP_SEND, exit));
  TRY(wf_cg_op(cc, WF_OP_YIELD_VALUE, 0));
  TRY(wf_cg_jump(cc, P_JUMP, send));
  wf_cg_use(cc, exit);
  return 0;
}

int wf_cg_yield(wf_cc *cc) {
  if (cc->u->ste->generator && cc->u->ste->coroutine) TRY(wf_cg_op(cc, WF_OP_ASYNC_GEN_WRAP, 0));
  return wf_cg_op(cc, WF_OP_YIELD_VALUE, 0);
}

int wf_cg_is_top_level_await(wf_cc *cc) {
  (void)cc;
  return 0;
}

/* ---- functions, lambdas, comprehensions ---- */

static int cg_default_arguments(wf_cc *cc, wf_node *args) {
  int flags = 0;
  wf_seq *d = args->v.arguments.defaults;
  if (d && d->n) {
    TRY(wf_cg_exprs(cc, d));
    TRY(wf_cg_op(cc, WF_OP_BUILD_TUPLE, (int)d->n));
    flags |= 1;
  }
  wf_seq *ko = args->v.arguments.kwonlyargs, *kd = args->v.arguments.kw_defaults;
  int nk = 0;
  for (intptr_t i = 0; ko && i < ko->n; i++)
    if (kd->items[i]) nk++;
  if (nk) {
    PyObject *keys = wf_cc_keep(cc, wf_tuple_new(nk));
    if (!keys) return -1;
    int j = 0;
    for (intptr_t i = 0; i < ko->n; i++) {
      if (!kd->items[i]) continue;
      PyObject *s = wf_cg_ident(cc, wf_cg_mangle(cc, ((wf_node *)ko->items[i])->v.arg.arg));
      if (!s) return -1;
      WF_TUPLE_INIT(keys, j++, s);
      TRY(wf_cg_expr(cc, kd->items[i]));
    }
    TRY(wf_cg_load_const(cc, keys));
    TRY(wf_cg_op(cc, WF_OP_BUILD_CONST_KEY_MAP, nk));
    flags |= 2;
  }
  return flags;
}

static int check_debug_args(wf_cc *cc, wf_seq *args) {
  for (intptr_t i = 0; args && i < args->n; i++) {
    wf_node *a = args->items[i];
    if (strcmp(a->v.arg.arg, "__debug__") == 0) {
      return wf_cg_error(cc, "cannot assign to __debug__");
    }
  }
  return 0;
}

static int check_debug_arguments(wf_cc *cc, wf_node *args) {
  TRY(check_debug_args(cc, args->v.arguments.posonlyargs));
  TRY(check_debug_args(cc, args->v.arguments.args));
  TRY(check_debug_args(cc, args->v.arguments.kwonlyargs));
  wf_node *va = args->v.arguments.vararg, *kw = args->v.arguments.kwarg;
  if (va && strcmp(va->v.arg.arg, "__debug__") == 0) return wf_cg_error(cc, "cannot assign to __debug__");
  if (kw && strcmp(kw->v.arg.arg, "__debug__") == 0) {
    return wf_cg_error(cc, "cannot assign to __debug__");
  }
  return 0;
}

static int cg_argannotation(wf_cc *cc, const char *id, wf_node *ann, int *len) {
  if (!ann) return 0;
  PyObject *m = wf_cg_ident(cc, wf_cg_mangle(cc, id));
  if (!m) return -1;
  TRY(wf_cg_load_const(cc, m));
  if (cc->future_annotations) {
    TRY(wf_cg_annotations_str(cc, ann));
  } else if (ann->kind == WF_AST_Starred) {
    TRY(wf_cg_expr(cc, ann->v.Starred.value));
    TRY(wf_cg_op(cc, WF_OP_UNPACK_SEQUENCE, 1));
  } else {
    TRY(wf_cg_expr(cc, ann));
  }
  *len += 2;
  return 0;
}

static int cg_argannotations(wf_cc *cc, wf_seq *args, int *len) {
  for (intptr_t i = 0; args && i < args->n; i++) {
    wf_node *a = args->items[i];
    TRY(cg_argannotation(cc, a->v.arg.arg, a->v.arg.annotation, len));
  }
  return 0;
}

static int cg_annotations(wf_cc *cc, wf_node *args, wf_node *returns) {
  int len = 0;
  TRY(cg_argannotations(cc, args->v.arguments.args, &len));
  TRY(cg_argannotations(cc, args->v.arguments.posonlyargs, &len));
  wf_node *va = args->v.arguments.vararg, *kw = args->v.arguments.kwarg;
  if (va && va->v.arg.annotation) TRY(cg_argannotation(cc, va->v.arg.arg, va->v.arg.annotation, &len));
  TRY(cg_argannotations(cc, args->v.arguments.kwonlyargs, &len));
  if (kw && kw->v.arg.annotation) TRY(cg_argannotation(cc, kw->v.arg.arg, kw->v.arg.annotation, &len));
  TRY(cg_argannotation(cc, "return", returns, &len));
  if (len) {
    TRY(wf_cg_op(cc, WF_OP_BUILD_TUPLE, len));
    return 1;
  }
  return 0;
}

static const char *docstring_of(wf_seq *body) {
  if (!body || !body->n) return NULL;
  wf_node *s = body->items[0];
  if (s->kind != WF_AST_Expr) return NULL;
  wf_node *v = s->v.Expr.value;
  if (v->kind != WF_AST_Constant || v->v.Constant.value->kind != WF_CONST_STR) return NULL;
  return "";
}

int wf_cg_function(wf_cc *cc, wf_node *s, int async) {
  wf_node *args = s->v.FunctionDef.args;
  wf_seq *decos = s->v.FunctionDef.decorator_list, *body = s->v.FunctionDef.body;
  TRY(check_debug_arguments(cc, args));
  TRY(wf_cg_exprs(cc, decos));
  int firstlineno = s->lineno;
  if (decos->n) firstlineno = ((wf_node *)decos->items[0])->lineno;
  int flags = cg_default_arguments(cc, args);
  TRY(flags);
  int ann = cg_annotations(cc, args, s->v.FunctionDef.returns);
  TRY(ann);
  if (ann) flags |= 4;
  TRY(wf_cg_enter_scope(cc, s->v.FunctionDef.name, async ? U_ASYNC_FUNCTION : U_FUNCTION, s, firstlineno));
  wf_unit *u = cc->u;
  int has_doc = docstring_of(body) != NULL;
  if (has_doc) {
    PyObject *d = wf_cg_constant(cc, ((wf_node *)body->items[0])->v.Expr.value->v.Constant.value);
    if (!d || wf_cg_const(cc, d) < 0) return -1;
  } else {
    TRY(wf_cg_const(cc, WF_NONE));
  }
  u->argcount = (int)args->v.arguments.args->n;
  u->posonly = (int)args->v.arguments.posonlyargs->n;
  u->argcount += u->posonly;
  u->kwonly = (int)args->v.arguments.kwonlyargs->n;
  for (intptr_t i = has_doc; i < body->n; i++) TRY(wf_cg_stmt(cc, body->items[i]));
  PyObject *co = wf_cg_assemble(cc, 1);
  if (!co) return -1;
  wf_cg_exit_scope(cc);
  wf_cg_setloc(cc, s);
  TRY(wf_cg_make_closure(cc, co, flags));
  for (intptr_t i = 0; i < decos->n; i++) TRY(wf_cg_op(cc, WF_OP_CALL, 0));
  return wf_cg_nameop(cc, s->v.FunctionDef.name, WF_AST_Store);
}

int wf_cg_lambda(wf_cc *cc, wf_node *e) {
  wf_node *args = e->v.Lambda.args;
  TRY(check_debug_arguments(cc, args));
  int flags = cg_default_arguments(cc, args);
  TRY(flags);
  TRY(wf_cg_enter_scope(cc, "<lambda>", U_LAMBDA, e, e->lineno));
  wf_unit *u = cc->u;
  TRY(wf_cg_const(cc, WF_NONE));
  u->argcount = (int)args->v.arguments.args->n;
  u->posonly = (int)args->v.arguments.posonlyargs->n;
  u->argcount += u->posonly;
  u->kwonly = (int)args->v.arguments.kwonlyargs->n;
  TRY(wf_cg_expr(cc, e->v.Lambda.body));
  TRY(wf_cg_op(cc, WF_OP_RETURN_VALUE, 0));
  PyObject *co = wf_cg_assemble(cc, 1);
  if (!co) return -1;
  wf_cg_exit_scope(cc);
  return wf_cg_make_closure(cc, co, flags);
}

static int comp_generator(wf_cc *cc, wf_seq *gens, int idx, int depth, wf_node *elt, wf_node *val, int type);

static int comp_element(wf_cc *cc, int depth, wf_node *elt, wf_node *val, int type) {
  switch (type) {
  case COMP_GENEXP:
    TRY(wf_cg_expr(cc, elt));
    TRY(wf_cg_yield(cc));
    return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  case COMP_LISTCOMP:
    TRY(wf_cg_expr(cc, elt));
    return wf_cg_op(cc, WF_OP_LIST_APPEND, depth + 1);
  case COMP_SETCOMP:
    TRY(wf_cg_expr(cc, elt));
    return wf_cg_op(cc, WF_OP_SET_ADD, depth + 1);
  default:
    TRY(wf_cg_expr(cc, elt));
    TRY(wf_cg_expr(cc, val));
    return wf_cg_op(cc, WF_OP_MAP_ADD, depth + 1);
  }
}

static int sync_comp_generator(wf_cc *cc, wf_seq *gens, int idx, int depth, wf_node *elt, wf_node *val, int type) {
  wf_node *gen = gens->items[idx];
  wf_blk *start = wf_cg_newblk(cc), *if_cleanup = wf_cg_newblk(cc), *anchor = wf_cg_newblk(cc);
  if (idx == 0) {
    TRY(wf_cg_op(cc, WF_OP_LOAD_FAST, 0));
  } else {
    TRY(wf_cg_expr(cc, gen->v.comprehension.iter));
    TRY(wf_cg_op(cc, WF_OP_GET_ITER, 0));
  }
  depth++;
  wf_cg_use(cc, start);
  TRY(wf_cg_jump(cc, WF_OP_FOR_ITER, anchor));
  TRY(wf_cg_expr(cc, gen->v.comprehension.target));
  wf_seq *ifs = gen->v.comprehension.ifs;
  for (intptr_t i = 0; i < ifs->n; i++) TRY(wf_cg_jump_if(cc, ifs->items[i], if_cleanup, 0));
  if (idx + 1 < gens->n) TRY(comp_generator(cc, gens, idx + 1, depth, elt, val, type));
  else TRY(comp_element(cc, depth, elt, val, type));
  wf_cg_use(cc, if_cleanup);
  TRY(wf_cg_jump(cc, P_JUMP, start));
  wf_cg_use(cc, anchor);
  return 0;
}

static int async_comp_generator(wf_cc *cc, wf_seq *gens, int idx, int depth, wf_node *elt, wf_node *val, int type) {
  wf_node *gen = gens->items[idx];
  wf_blk *start = wf_cg_newblk(cc), *except = wf_cg_newblk(cc), *if_cleanup = wf_cg_newblk(cc);
  if (idx == 0) {
    TRY(wf_cg_op(cc, WF_OP_LOAD_FAST, 0));
  } else {
    TRY(wf_cg_expr(cc, gen->v.comprehension.iter));
    TRY(wf_cg_op(cc, WF_OP_GET_AITER, 0));
  }
  wf_cg_use(cc, start);
  TRY(wf_cg_push_fblock(cc, FB_ASYNC_COMP_GEN, start, NULL, NULL));
  TRY(wf_cg_jump(cc, P_SETUP_FINALLY, except));
  TRY(wf_cg_op(cc, WF_OP_GET_ANEXT, 0));
  TRY(wf_cg_load_none(cc));
  TRY(wf_cg_add_yield_from(cc, 1));
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_expr(cc, gen->v.comprehension.target));
  wf_seq *ifs = gen->v.comprehension.ifs;
  for (intptr_t i = 0; i < ifs->n; i++) TRY(wf_cg_jump_if(cc, ifs->items[i], if_cleanup, 0));
  depth++;
  if (idx + 1 < gens->n) TRY(comp_generator(cc, gens, idx + 1, depth, elt, val, type));
  else TRY(comp_element(cc, depth, elt, val, type));
  wf_cg_use(cc, if_cleanup);
  TRY(wf_cg_jump(cc, P_JUMP, start));
  wf_cg_pop_fblock(cc);
  wf_cg_use(cc, except);
  TRY(wf_cg_op(cc, WF_OP_END_ASYNC_FOR, 0));
  return 0;
}

static int comp_generator(wf_cc *cc, wf_seq *gens, int idx, int depth, wf_node *elt, wf_node *val, int type) {
  wf_node *gen = gens->items[idx];
  if (gen->v.comprehension.is_async) return async_comp_generator(cc, gens, idx, depth, elt, val, type);
  return sync_comp_generator(cc, gens, idx, depth, elt, val, type);
}

int wf_cg_comprehension(wf_cc *cc, wf_node *e) {
  int type;
  const char *name;
  wf_seq *gens;
  wf_node *elt, *val = NULL;
  switch (e->kind) {
  case WF_AST_GeneratorExp:
    type = COMP_GENEXP, name = "<genexpr>", gens = e->v.GeneratorExp.generators, elt = e->v.GeneratorExp.elt;
    break;
  case WF_AST_ListComp:
    type = COMP_LISTCOMP, name = "<listcomp>", gens = e->v.ListComp.generators, elt = e->v.ListComp.elt;
    break;
  case WF_AST_SetComp:
    type = COMP_SETCOMP, name = "<setcomp>", gens = e->v.SetComp.generators, elt = e->v.SetComp.elt;
    break;
  default:
    type = COMP_DICTCOMP, name = "<dictcomp>", gens = e->v.DictComp.generators, elt = e->v.DictComp.key;
    val = e->v.DictComp.value;
    break;
  }
  int parent_scope = cc->u->scope;
  wf_node *outer = gens->items[0];
  TRY(wf_cg_enter_scope(cc, name, U_COMPREHENSION, e, e->lineno));
  wf_cg_setloc(cc, e);
  wf_unit *u = cc->u;
  int is_async_gen = u->ste->coroutine;
  if (is_async_gen && type != COMP_GENEXP && parent_scope != U_ASYNC_FUNCTION && parent_scope != U_COMPREHENSION &&
      !wf_cg_is_top_level_await(cc))
    return wf_cg_error(cc, "asynchronous comprehension outside of an asynchronous function");
  u->argcount = 1;
  if (type == COMP_LISTCOMP) TRY(wf_cg_op(cc, WF_OP_BUILD_LIST, 0));
  else if (type == COMP_SETCOMP) TRY(wf_cg_op(cc, WF_OP_BUILD_SET, 0));
  else if (type == COMP_DICTCOMP) TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
  TRY(comp_generator(cc, gens, 0, 0, elt, val, type));
  if (type != COMP_GENEXP) TRY(wf_cg_op(cc, WF_OP_RETURN_VALUE, 0));
  PyObject *co = wf_cg_assemble(cc, 1);
  if (!co) return -1;
  wf_cg_exit_scope(cc);
  TRY(wf_cg_make_closure(cc, co, 0));
  TRY(wf_cg_expr(cc, outer->v.comprehension.iter));
  TRY(wf_cg_op(cc, outer->v.comprehension.is_async ? WF_OP_GET_AITER : WF_OP_GET_ITER, 0));
  TRY(wf_cg_op(cc, WF_OP_CALL, 0));
  if (is_async_gen && type != COMP_GENEXP) {
    TRY(wf_cg_op(cc, WF_OP_GET_AWAITABLE, 0));
    TRY(wf_cg_load_none(cc));
    TRY(wf_cg_add_yield_from(cc, 1));
  }
  return 0;
}

/* ---- the expression switch ---- */

static int cg_slice(wf_cc *cc, wf_node *s) {
  int n = 2;
  if (s->v.Slice.lower) TRY(wf_cg_expr(cc, s->v.Slice.lower));
  else TRY(wf_cg_load_none(cc));
  if (s->v.Slice.upper) TRY(wf_cg_expr(cc, s->v.Slice.upper));
  else TRY(wf_cg_load_none(cc));
  if (s->v.Slice.step) {
    n++;
    TRY(wf_cg_expr(cc, s->v.Slice.step));
  }
  return wf_cg_op(cc, WF_OP_BUILD_SLICE, n);
}

static int cg_name(wf_cc *cc, wf_node *e) {
  const char *id = e->v.Name.id;
  int ctx = (int)e->v.Name.ctx;
  if (strcmp(id, "__debug__") == 0) {
    if (ctx == WF_AST_Load) return wf_cg_load_const(cc, WF_TRUE);
    return wf_cg_error(cc, ctx == WF_AST_Store ? "cannot assign to __debug__" : "cannot delete __debug__");
  }
  return wf_cg_nameop(cc, id, ctx);
}

static int cg_expr1(wf_cc *cc, wf_node *e) {
  switch (e->kind) {
  case WF_AST_NamedExpr:
    TRY(wf_cg_expr(cc, e->v.NamedExpr.value));
    TRY(wf_cg_op(cc, WF_OP_COPY, 1));
    return wf_cg_expr(cc, e->v.NamedExpr.target);
  case WF_AST_BoolOp: {
    wf_blk *end = wf_cg_newblk(cc);
    int jop = e->v.BoolOp.op == WF_AST_And ? WF_OP_JUMP_IF_FALSE_OR_POP : WF_OP_JUMP_IF_TRUE_OR_POP;
    wf_seq *s = e->v.BoolOp.values;
    for (intptr_t i = 0; i < s->n - 1; i++) {
      TRY(wf_cg_expr(cc, s->items[i]));
      TRY(wf_cg_jump(cc, jop, end));
    }
    TRY(wf_cg_expr(cc, s->items[s->n - 1]));
    wf_cg_use(cc, end);
    return 0;
  }
  case WF_AST_BinOp:
    TRY(wf_cg_expr(cc, e->v.BinOp.left));
    TRY(wf_cg_expr(cc, e->v.BinOp.right));
    return wf_cg_binop(cc, (int)e->v.BinOp.op, 0);
  case WF_AST_UnaryOp:
    TRY(wf_cg_expr(cc, e->v.UnaryOp.operand));
    switch (e->v.UnaryOp.op) {
    case WF_AST_Invert: return wf_cg_op(cc, WF_OP_UNARY_INVERT, 0);
    case WF_AST_Not: return wf_cg_op(cc, WF_OP_UNARY_NOT, 0);
    case WF_AST_UAdd: return wf_cg_op(cc, WF_OP_UNARY_POSITIVE, 0);
    default: return wf_cg_op(cc, WF_OP_UNARY_NEGATIVE, 0);
    }
  case WF_AST_Lambda: return wf_cg_lambda(cc, e);
  case WF_AST_IfExp: {
    wf_blk *end = wf_cg_newblk(cc), *next = wf_cg_newblk(cc);
    TRY(wf_cg_jump_if(cc, e->v.IfExp.test, next, 0));
    TRY(wf_cg_expr(cc, e->v.IfExp.body));
    TRY(wf_cg_jump(cc, P_JUMP, end));
    wf_cg_use(cc, next);
    TRY(wf_cg_expr(cc, e->v.IfExp.orelse));
    wf_cg_use(cc, end);
    return 0;
  }
  case WF_AST_Dict: return cg_dict(cc, e);
  case WF_AST_Set:
    return starunpack_helper(cc, e->v.Set.elts, 0, WF_OP_BUILD_SET, WF_OP_SET_ADD, WF_OP_SET_UPDATE, 0);
  case WF_AST_GeneratorExp:
  case WF_AST_ListComp:
  case WF_AST_SetComp:
  case WF_AST_DictComp: return wf_cg_comprehension(cc, e);
  case WF_AST_Yield:
    if (cc->u->ste->type != ST_FUNCTION) return wf_cg_error(cc, "'yield' outside function");
    if (e->v.Yield.value) TRY(wf_cg_expr(cc, e->v.Yield.value));
    else TRY(wf_cg_load_none(cc));
    return wf_cg_yield(cc);
  case WF_AST_YieldFrom:
    if (cc->u->ste->type != ST_FUNCTION) return wf_cg_error(cc, "'yield' outside function");
    if (cc->u->scope == U_ASYNC_FUNCTION) return wf_cg_error(cc, "'yield from' inside async function");
    TRY(wf_cg_expr(cc, e->v.YieldFrom.value));
    TRY(wf_cg_op(cc, WF_OP_GET_YIELD_FROM_ITER, 0));
    TRY(wf_cg_load_none(cc));
    return wf_cg_add_yield_from(cc, 0);
  case WF_AST_Await:
    if (!wf_cg_is_top_level_await(cc)) {
      if (cc->u->ste->type != ST_FUNCTION) return wf_cg_error(cc, "'await' outside function");
      if (cc->u->scope != U_ASYNC_FUNCTION && cc->u->scope != U_COMPREHENSION)
        return wf_cg_error(cc, "'await' outside async function");
    }
    TRY(wf_cg_expr(cc, e->v.Await.value));
    TRY(wf_cg_op(cc, WF_OP_GET_AWAITABLE, 0));
    TRY(wf_cg_load_none(cc));
    return wf_cg_add_yield_from(cc, 1);
  case WF_AST_Compare: return cg_compare(cc, e);
  case WF_AST_Call: return cg_call(cc, e);
  case WF_AST_FormattedValue: return cg_formatted(cc, e);
  case WF_AST_JoinedStr: return cg_joined(cc, e);
  case WF_AST_Constant: {
    PyObject *o = wf_cg_constant(cc, e->v.Constant.value);
    if (!o) return -1;
    return wf_cg_load_const(cc, o);
  }
  case WF_AST_Attribute: {
    int ctx = (int)e->v.Attribute.ctx;
    TRY(wf_cg_expr(cc, e->v.Attribute.value));
    int i = wf_cg_name_index(cc, e->v.Attribute.attr);
    if (e->end_lineno != cc->u->line) {
      cc->u->line = e->end_lineno;
    }
    if (ctx == WF_AST_Load) return wf_cg_op(cc, WF_OP_LOAD_ATTR, i);
    if (ctx == WF_AST_Store) return wf_cg_op(cc, WF_OP_STORE_ATTR, i);
    return wf_cg_op(cc, WF_OP_DELETE_ATTR, i);
  }
  case WF_AST_Subscript: {
    int ctx = (int)e->v.Subscript.ctx;
    TRY(wf_cg_expr(cc, e->v.Subscript.value));
    TRY(wf_cg_expr(cc, e->v.Subscript.slice));
    if (ctx == WF_AST_Load) return wf_cg_op(cc, WF_OP_BINARY_SUBSCR, 0);
    if (ctx == WF_AST_Store) return wf_cg_op(cc, WF_OP_STORE_SUBSCR, 0);
    return wf_cg_op(cc, WF_OP_DELETE_SUBSCR, 0);
  }
  case WF_AST_Starred:
    if (e->v.Starred.ctx == WF_AST_Store) return wf_cg_error(cc, "starred assignment target must be in a list or tuple");
    return wf_cg_error(cc, "can't use starred expression here");
  case WF_AST_Slice: return cg_slice(cc, e);
  case WF_AST_Name: return cg_name(cc, e);
  case WF_AST_List:
    if (e->v.List.ctx == WF_AST_Store) return assignment_helper(cc, e->v.List.elts);
    if (e->v.List.ctx == WF_AST_Load)
      return starunpack_helper(cc, e->v.List.elts, 0, WF_OP_BUILD_LIST, WF_OP_LIST_APPEND, WF_OP_LIST_EXTEND, 0);
    return wf_cg_exprs(cc, e->v.List.elts);
  case WF_AST_Tuple:
    if (e->v.Tuple.ctx == WF_AST_Store) return assignment_helper(cc, e->v.Tuple.elts);
    if (e->v.Tuple.ctx == WF_AST_Load)
      return starunpack_helper(cc, e->v.Tuple.elts, 0, WF_OP_BUILD_LIST, WF_OP_LIST_APPEND, WF_OP_LIST_EXTEND, 1);
    return wf_cg_exprs(cc, e->v.Tuple.elts);
  default:
    wf_err_format(&wf_SystemError_type, "compiler: unexpected expression kind %s", wf_ast_kinds[e->kind].name);
    return -1;
  }
}
