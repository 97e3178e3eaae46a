/* `from __future__ import annotations`: annotations become the source text
 * of the expression as CPython 3.11's ast unparser writes it (the usual
 * annotation forms; others raise NotImplementedError). */
#include <string.h>

#include "compile_internal.h"
#include "errors.h"
#include "protocol.h"
#include "str.h"

enum { PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_BOR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM,
       PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM };

static int up(wf_cc *cc, wf_strbuf *b, wf_node *e, int level);

static int put(wf_strbuf *b, const char *s) { return wf_strbuf_put_utf8(b, s, (Py_ssize_t)strlen(s)); }

static int up_seq(wf_cc *cc, wf_strbuf *b, wf_seq *s, int level) {
  for (intptr_t i = 0; i < s->n; i++) {
    if (i) TRY(put(b, ", "));
    TRY(up(cc, b, s->items[i], level));
  }
  return 0;
}

static const char *binop_str(int op, int *pr) {
  switch (op) {
  case WF_AST_Add: *pr = PR_ARITH; return " + ";
  case WF_AST_Sub: *pr = PR_ARITH; return " - ";
  case WF_AST_Mult: *pr = PR_TERM; return " * ";
  case WF_AST_MatMult: *pr = PR_TERM; return " @ ";
  case WF_AST_Div: *pr = PR_TERM; return " / ";
  case WF_AST_Mod: *pr = PR_TERM; return " % ";
  case WF_AST_LShift: *pr = PR_SHIFT; return " << ";
  case WF_AST_RShift: *pr = PR_SHIFT; return " >> ";
  case WF_AST_BitOr: *pr = PR_BOR; return " | ";
  case WF_AST_BitXor: *pr = PR_BXOR; return " ^ ";
  case WF_AST_BitAnd: *pr = PR_BAND; return " & ";
  case WF_AST_FloorDiv: *pr = PR_TERM; return " // ";
  default: *pr = PR_POWER; return " ** ";
  }
}

static const char *cmp_str(intptr_t op) {
  switch (op) {
  case WF_AST_Eq: return " == ";
  case WF_AST_NotEq: return " != ";
  case WF_AST_Lt: return " < ";
  case WF_AST_LtE: return " <= ";
  case WF_AST_Gt: return " > ";
  case WF_AST_GtE: return " >= ";
  case WF_AST_Is: return " is ";
  case WF_AST_IsNot: return " is not ";
  case WF_AST_In: return " in ";
  default: return " not in ";
  }
}

static int up(wf_cc *cc, wf_strbuf *b, wf_node *e, int level) {
  switch (e->kind) {
  case WF_AST_Name: return put(b, e->v.Name.id);
  case WF_AST_Constant: {
    const wf_const *k = e->v.Constant.value;
    if (k->kind == WF_CONST_ELLIPSIS) return put(b, "...");
    PyObject *o = wf_cg_constant(cc, k);
    if (!o) return -1;
    PyObject *r = wf_object_repr(o);
    if (!r) return -1;
    const char *s = wf_str_as_utf8(r, NULL);
    if (!s) return -1;
    if (!strcmp(s, "inf")) s = "1e309";
    return put(b, s);
  }
  case WF_AST_Attribute: {
    wf_node *v = e->v.Attribute.value;
    TRY(up(cc, b, v, PR_ATOM));
    int sp = v->kind == WF_AST_Constant && v->v.Constant.value->kind == WF_CONST_INT;
    TRY(put(b, sp ? " ." : "."));
    return put(b, e->v.Attribute.attr);
  }
  case WF_AST_Subscript:
    TRY(up(cc, b, e->v.Subscript.value, PR_ATOM));
    TRY(put(b, "["));
    if (e->v.Subscript.slice->kind == WF_AST_Tuple && e->v.Subscript.slice->v.Tuple.elts->n) {
      wf_seq *s = e->v.Subscript.slice->v.Tuple.elts;
      TRY(up_seq(cc, b, s, PR_TEST));
      if (s->n == 1) TRY(put(b, ","));
    } else {
      TRY(up(cc, b, e->v.Subscript.slice, PR_TUPLE));
    }
    return put(b, "]");
  case WF_AST_Slice:
    if (e->v.Slice.lower) TRY(up(cc, b, e->v.Slice.lower, PR_TEST));
    TRY(put(b, ":"));
    if (e->v.Slice.upper) TRY(up(cc, b, e->v.Slice.upper, PR_TEST));
    if (e->v.Slice.step) {
      TRY(put(b, ":"));
      TRY(up(cc, b, e->v.Slice.step, PR_TEST));
    }
    return 0;
  case WF_AST_BinOp: {
    int pr;
    const char *op = binop_str((int)e->v.BinOp.op, &pr);
    int rassoc = e->v.BinOp.op == WF_AST_Pow;
    if (level > pr) TRY(put(b, "("));
    TRY(up(cc, b, e->v.BinOp.left, pr + rassoc));
    TRY(put(b, op));
    TRY(up(cc, b, e->v.BinOp.right, pr + !rassoc));
    if (level > pr) TRY(put(b, ")"));
    return 0;
  }
  case WF_AST_UnaryOp: {
    int pr = e->v.UnaryOp.op == WF_AST_Not ? PR_NOT : PR_FACTOR;
    const char *op = e->v.UnaryOp.op == WF_AST_Not ? "not " : e->v.UnaryOp.op == WF_AST_Invert ? "~"
                                                          : e->v.UnaryOp.op == WF_AST_USub     ? "-"
                                                                                                : "+";
    if (level > pr) TRY(put(b, "("));
    TRY(put(b, op));
    TRY(up(cc, b, e->v.UnaryOp.operand, pr));
    if (level > pr) TRY(put(b, ")"));
    return 0;
  }
  case WF_AST_BoolOp: {
    int pr = e->v.BoolOp.op == WF_AST_And ? PR_AND : PR_OR;
    if (level > pr) TRY(put(b, "("));
    for (intptr_t i = 0; i < e->v.BoolOp.values->n; i++) {
      if (i) TRY(put(b, pr == PR_AND ? " and " : " or "));
      TRY(up(cc, b, e->v.BoolOp.values->items[i], pr + 1));
    }
    if (level > pr) TRY(put(b, ")"));
    return 0;
  }
  case WF_AST_Compare:
    if (level > PR_CMP) TRY(put(b, "("));
    TRY(up(cc, b, e->v.Compare.left, PR_CMP + 1));
    for (intptr_t i = 0; i < e->v.Compare.ops->n; i++) {
      TRY(put(b, cmp_str((intptr_t)e->v.Compare.ops->items[i])));
      TRY(up(cc, b, e->v.Compare.comparators->items[i], PR_CMP + 1));
    }
    if (level > PR_CMP) TRY(put(b, ")"));
    return 0;
  case WF_AST_IfExp:
    if (level > PR_TEST) TRY(put(b, "("));
    TRY(up(cc, b, e->v.IfExp.body, PR_TEST + 1));
    TRY(put(b, " if "));
    TRY(up(cc, b, e->v.IfExp.test, PR_TEST + 1));
    TRY(put(b, " else "));
    TRY(up(cc, b, e->v.IfExp.orelse, PR_TEST));
    if (level > PR_TEST) TRY(put(b, ")"));
    return 0;
  case WF_AST_Tuple:
    if (!e->v.Tuple.elts->n) return put(b, "()");
    if (level > PR_TUPLE) TRY(put(b, "("));
    TRY(up_seq(cc, b, e->v.Tuple.elts, PR_TEST));
    if (e->v.Tuple.elts->n == 1) TRY(put(b, ","));
    if (level > PR_TUPLE) TRY(put(b, ")"));
    return 0;
  case WF_AST_List:
    TRY(put(b, "["));
    TRY(up_seq(cc, b, e->v.List.elts, PR_TEST));
    return put(b, "]");
  case WF_AST_Set:
    if (!e->v.Set.elts->n) return put(b, "{*()}");
    TRY(put(b, "{"));
    TRY(up_seq(cc, b, e->v.Set.elts, PR_TEST));
    return put(b, "}");
  case WF_AST_Dict:
    TRY(put(b, "{"));
    for (intptr_t i = 0; i < e->v.Dict.values->n; i++) {
      if (i) TRY(put(b, ", "));
      wf_node *k = e->v.Dict.keys->items[i];
      if (k) {
        TRY(up(cc, b, k, PR_TEST));
        TRY(put(b, ": "));
        TRY(up(cc, b, e->v.Dict.values->items[i], PR_TEST));
      } else {
        TRY(put(b, "**"));
        TRY(up(cc, b, e->v.Dict.values->items[i], PR_BOR));
      }
    }
    return put(b, "}");
  case WF_AST_Starred:
    TRY(put(b, "*"));
    return up(cc, b, e->v.Starred.value, PR_BOR);
  case WF_AST_Call: {
    TRY(up(cc, b, e->v.Call.func, PR_ATOM));
    TRY(put(b, "("));
    int first = 1;
    for (intptr_t i = 0; i < e->v.Call.args->n; i++) {
      if (!first) TRY(put(b, ", "));
      first = 0;
      TRY(up(cc, b, e->v.Call.args->items[i], PR_TEST));
    }
    for (intptr_t i = 0; i < e->v.Call.keywords->n; i++) {
      wf_node *k = e->v.Call.keywords->items[i];
      if (!first) TRY(put(b, ", "));
      first = 0;
      if (k->v.keyword.arg) {
        TRY(put(b, k->v.keyword.arg));
        TRY(put(b, "="));
      } else {
        TRY(put(b, "**"));
      }
      TRY(up(cc, b, k->v.keyword.value, PR_TEST));
    }
    return put(b, ")");
  }
  default:
    wf_err_format(&wf_NotImplementedError_type, "compiler: stringized annotation of a %s expression",
                  wf_ast_kinds[e->kind].name);
    return -1;
  }
}

int wf_cg_annotations_str(wf_cc *cc, wf_node *e) {
  wf_strbuf b;
  wf_strbuf_init(&b, 32);
  if (up(cc, &b, e, PR_TEST) < 0) {
    wf_strbuf_free(&b);
    return -1;
  }
  PyObject *s = wf_cc_keep(cc, wf_strbuf_finish(&b));
  if (!s) return -1;
  return wf_cg_load_const(cc, s);
}
