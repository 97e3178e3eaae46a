/* Expressions, targets, call arguments and parameter lists (Python 3.11 grammar).
 *
 * One function per grammar rule of the language reference's PEG grammar, with
 * the precedence chain expression > disjunction > conjunction > inversion >
 * comparison > bitwise_or > xor > and > shift > sum > term > factor > power >
 * await_primary > primary > atom.  Left-recursive rules are loops.  Assignment
 * and for/with/comprehension targets are parsed as expressions (for targets:
 * as primaries) and then converted with wf_p_set_ctx, which accepts exactly the
 * shapes the grammar's star_targets / del_targets accept. */
#include "parser.h"

#include <string.h>

static wf_node *lambdef(parser *p);
static wf_node *atom(parser *p);
int wf_p_invalid_named_assign(parser *p, int start, wf_node *e);
static wf_node *slices(parser *p);
static wf_seq *for_if_clauses(parser *p);

static int is_comp_start(parser *p) { return at(p, T_K_for) || (at(p, T_K_async) && peek2(p)->type == T_K_for); }

/* try a rule; on plain failure restore the position */
#define TRY(call)                          \
  ({                                       \
    int save_ = p->pos;                    \
    wf_node *r_ = (call);                  \
    if (!r_ && !failed(p)) p->pos = save_; \
    r_;                                    \
  })

static wf_node *name_node(parser *p, wf_token *t, int ctx) {
  int start = (int)(t - p->tok);
  wf_node *n = wf_p_node(p, WF_AST_Name, start);
  n->end_lineno = t->end_lineno;
  n->end_col_offset = t->end_col;
  n->v.Name.id = wf_p_ident(p, t);
  n->v.Name.ctx = ctx;
  return n;
}

/* ---- expression ---- */

static int is_legacy_name(wf_node *e) {
  return e && e->kind == WF_AST_Name && (!strcmp(e->v.Name.id, "print") || !strcmp(e->v.Name.id, "exec"));
}

static int is_soft_keyword(wf_token *t) {
  return wf_tok_is_name(t, "match") || wf_tok_is_name(t, "case") || wf_tok_is_name(t, "_");
}

/* Second pass: python3.11's invalid_expression and invalid_legacy_expression,
 * given a = the disjunction at `start`.  Raises or leaves the position after a. */
static void invalid_expression(parser *p, int start, wf_node *a) {
  int after = p->pos;
  wf_token *t0 = &p->tok[start];
  int skip = (t0->type == T_NAME && p->tok[start + 1].type == T_STRING) || is_soft_keyword(t0);
  if (!skip && !at(p, T_K_if)) {
    p->invalid = 0;
    wf_node *b = wf_p_expression(p);
    p->invalid = 1;
    if (failed(p)) return;
    if (b && !is_legacy_name(a) && p->tok[p->pos - 1].level > 0) {
      wf_p_error_range(p, WF_EXC_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                       "invalid syntax. Perhaps you forgot a comma?");
      return;
    }
    p->pos = after;
  }
  if (at(p, T_K_if)) {
    p->pos++;
    wf_node *b = wf_p_disjunction(p);
    if (failed(p)) return;
    if (b && !at(p, T_K_else) && !at(p, T_COLON)) {
      wf_p_error_range(p, WF_EXC_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
                       "expected 'else' after 'if' expression");
      return;
    }
    p->pos = after;
  }
  /* invalid_legacy_expression: NAME !'(' star_expressions */
  if (t0->type == T_NAME && p->tok[start + 1].type != T_LPAR) {
    wf_node *n = wf_p_node(p, WF_AST_Name, start);
    n->end_lineno = t0->end_lineno;
    n->end_col_offset = t0->end_col;
    n->v.Name.id = wf_p_ident(p, t0);
    if (is_legacy_name(n)) {
      p->pos = start + 1;
      p->invalid = 0;
      wf_node *b = wf_p_star_expressions(p);
      p->invalid = 1;
      if (failed(p)) return;
      if (b) {
        wf_p_error_range(p, WF_EXC_SYNTAX, n->lineno, n->col_offset, b->end_lineno, b->end_col_offset,
                         "Missing parentheses in call to '%s'. Did you mean %s(...)?", n->v.Name.id, n->v.Name.id);
        return;
      }
    }
    p->pos = after;
  }
}

wf_node *wf_p_expression(parser *p) {
  ENTER();
  int start = p->pos;
  wf_node *r;
  if (at(p, T_K_lambda)) {
    r = lambdef(p);
    LEAVE();
    return r;
  }
  r = wf_p_disjunction(p);
  if (r && p->invalid) {
    invalid_expression(p, start, r);
    if (failed(p)) {
      LEAVE();
      return NULL;
    }
  }
  if (r && at(p, T_K_if)) {
    int save = p->pos;
    p->pos++;
    wf_node *test = wf_p_disjunction(p);
    if (test && accept(p, T_K_else)) {
      wf_node *orelse = wf_p_expression(p);
      if (orelse) {
        wf_node *n = wf_p_node(p, WF_AST_IfExp, start);
        n->v.IfExp.test = test;
        n->v.IfExp.body = r;
        n->v.IfExp.orelse = orelse;
        LEAVE();
        return n;
      }
    }
    if (failed(p)) {
      LEAVE();
      return NULL;
    }
    if (p->invalid) {
      /* invalid_expression: a conditional without 'else' */
      if (test && !at(p, T_K_else)) {
        LEAVE();
        return wf_p_error_range(p, WF_EXC_SYNTAX, r->lineno, r->col_offset, test->end_lineno, test->end_col_offset,
                                "expected 'else' after 'if' expression");
      }
    }
    p->pos = save;
  }
  LEAVE();
  return r;
}

wf_node *wf_p_named_expression(parser *p) {
  ENTER();
  int start = p->pos;
  if (at(p, T_NAME) && peek2(p)->type == T_COLONEQUAL) {
    wf_token *t = accept(p, T_NAME);
    accept(p, T_COLONEQUAL);
    wf_node *v = wf_p_expression(p);
    LEAVE();
    if (!v) return NULL;
    wf_node *n = wf_p_node(p, WF_AST_NamedExpr, start);
    n->v.NamedExpr.target = name_node(p, t, WF_AST_Store);
    n->v.NamedExpr.value = v;
    return n;
  }
  wf_node *e = wf_p_expression(p);
  LEAVE();
  if (e && at(p, T_COLONEQUAL)) {
    if (p->invalid) {
      const char *what = wf_p_expr_name(e);
      return wf_p_error_node(p, WF_EXC_SYNTAX, e, "cannot use assignment expressions with %s", what);
    }
    p->pos = start;
    return NULL;
  }
  if (e && p->invalid && at(p, T_EQUAL) && wf_p_invalid_named_assign(p, start, e)) return NULL;
  return e;
}

static int is_bitwise_level(wf_node *e) {
  switch (e->kind) {
    case WF_AST_Compare:
    case WF_AST_BoolOp:
    case WF_AST_IfExp:
    case WF_AST_Lambda:
      return 0;
    case WF_AST_UnaryOp:
      return e->v.UnaryOp.op != WF_AST_Not;
  }
  return 1;
}

/* invalid_named_expression, alternatives 2 and 3: `e` (parsed from start) is
 * followed by '='.  Returns 1 with the error raised, else 0 (position kept). */
int wf_p_invalid_named_assign(parser *p, int start, wf_node *e) {
  if (!is_bitwise_level(e)) return 0;
  int after = p->pos;
  wf_token *t0 = &p->tok[start];
  p->pos++;
  wf_node *b = wf_p_bitwise_or(p);
  if (failed(p)) return 1;
  if (!b || at(p, T_EQUAL) || at(p, T_COLONEQUAL)) {
    p->pos = after;
    return 0;
  }
  if (t0->type == T_NAME && e->kind == WF_AST_Name && e->col_offset == t0->col && e->lineno == t0->lineno) {
    wf_p_error_range(p, WF_EXC_SYNTAX, e->lineno, e->col_offset, b->end_lineno, b->end_col_offset,
                     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return 1;
  }
  /* !(list|tuple|genexp|'True'|'None'|'False') */
  int excluded = t0->type == T_K_True || t0->type == T_K_None || t0->type == T_K_False;
  if (t0->type == T_LSQB || t0->type == T_LPAR) {
    int save = p->pos;
    p->pos = start;
    p->invalid = 0;
    wf_node *at0 = atom(p);
    p->invalid = 1;
    excluded |= at0 && (at0->kind == WF_AST_List || at0->kind == WF_AST_GeneratorExp ||
                        (at0->kind == WF_AST_Tuple && at0->col_offset == t0->col && at0->lineno == t0->lineno));
    p->pos = save;
  }
  if (!excluded) {
    wf_p_error_node(p, WF_EXC_SYNTAX, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                    wf_p_expr_name(e));
    return 1;
  }
  p->pos = after;
  return 0;
}

static wf_node *starred(parser *p, int full_expression) {
  int start = p->pos;
  accept(p, T_STAR);
  wf_node *v = full_expression ? wf_p_expression(p) : wf_p_bitwise_or(p);
  if (!v) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_Starred, start);
  n->v.Starred.value = v;
  n->v.Starred.ctx = WF_AST_Load;
  return n;
}

static wf_node *star_expression(parser *p) {
  if (at(p, T_STAR)) return starred(p, 0);
  return wf_p_expression(p);
}

wf_node *wf_p_star_named_expression(parser *p) {
  if (at(p, T_STAR)) return starred(p, 0);
  return wf_p_named_expression(p);
}

static wf_node *tuple_of(parser *p, int start, vec *elts) {
  wf_node *n = wf_p_node(p, WF_AST_Tuple, start);
  n->v.Tuple.elts = wf_vec_seq(p, elts);
  n->v.Tuple.ctx = WF_AST_Load;
  return n;
}

/* a (',' a)* [','], making a Tuple when there is a comma */
static wf_node *comma_list(parser *p, wf_node *(*item)(parser *)) {
  int start = p->pos;
  wf_node *e = item(p);
  if (!e || !at(p, T_COMMA)) return e;
  VEC(elts);
  wf_vec_push(&elts, e);
  while (accept(p, T_COMMA)) {
    int save = p->pos;
    wf_node *x = item(p);
    if (!x) {
      if (failed(p)) return NULL;
      p->pos = save;
      break;
    }
    wf_vec_push(&elts, x);
  }
  return tuple_of(p, start, &elts);
}

wf_node *wf_p_star_expressions(parser *p) { return comma_list(p, star_expression); }

wf_node *wf_p_yield_expr(parser *p) {
  int start = p->pos;
  accept(p, T_K_yield);
  if (accept(p, T_K_from)) {
    wf_node *v = wf_p_expression(p);
    if (!v) return NULL;
    wf_node *n = wf_p_node(p, WF_AST_YieldFrom, start);
    n->v.YieldFrom.value = v;
    return n;
  }
  wf_node *v = NULL;
  int save = p->pos;
  if (!at(p, T_RPAR) && !at(p, T_NEWLINE) && !at(p, T_EQUAL) && !at(p, T_SEMI) && !at(p, T_RSQB) && !at(p, T_RBRACE) &&
      !at(p, T_COMMA)) {
    v = wf_p_star_expressions(p);
    if (!v) {
      if (failed(p)) return NULL;
      p->pos = save;
    }
  }
  wf_node *n = wf_p_node(p, WF_AST_Yield, start);
  n->v.Yield.value = v;
  return n;
}

/* ---- boolean and comparison ---- */

static wf_node *conjunction(parser *p);
static wf_node *inversion(parser *p);
static wf_node *comparison(parser *p);

static wf_node *boolop(parser *p, int optok, int op, wf_node *(*sub)(parser *)) {
  int start = p->pos;
  wf_node *e = sub(p);
  if (!e || !at(p, optok)) return e;
  VEC(vals);
  wf_vec_push(&vals, e);
  while (at(p, optok)) {
    int save = p->pos;
    p->pos++;
    wf_node *x = sub(p);
    if (!x) {
      if (failed(p)) return NULL;
      p->pos = save;
      break;
    }
    wf_vec_push(&vals, x);
  }
  if (vals.n == 1) return e;
  wf_node *n = wf_p_node(p, WF_AST_BoolOp, start);
  n->v.BoolOp.op = op;
  n->v.BoolOp.values = wf_vec_seq(p, &vals);
  return n;
}

wf_node *wf_p_disjunction(parser *p) {
  int start = p->pos;
  if (p->memo_end) {
    int m = p->memo_end[start];
    if (m > 0) {
      p->pos = m - 1;
      return p->memo_node[start];
    }
    if (m < 0) return NULL;
  }
  ENTER();
  wf_node *r = boolop(p, T_K_or, WF_AST_Or, conjunction);
  LEAVE();
  if (p->memo_end && !failed(p)) {
    p->memo_end[start] = r ? p->pos + 1 : -1;
    p->memo_node[start] = r;
  }
  return r;
}
static wf_node *conjunction(parser *p) { return boolop(p, T_K_and, WF_AST_And, inversion); }

static wf_node *inversion(parser *p) {
  if (at(p, T_K_not)) {
    ENTER();
    int start = p->pos;
    p->pos++;
    wf_node *e = inversion(p);
    LEAVE();
    if (!e) return NULL;
    wf_node *n = wf_p_node(p, WF_AST_UnaryOp, start);
    n->v.UnaryOp.op = WF_AST_Not;
    n->v.UnaryOp.operand = e;
    return n;
  }
  return comparison(p);
}

static int cmp_op(parser *p, int *ntok) {
  wf_token *t = peek(p);
  *ntok = 1;
  switch (t->type) {
    case T_EQEQUAL:
      return WF_AST_Eq;
    case T_NOTEQUAL:
      return t->n == 2 && t->s[0] == '!' ? WF_AST_NotEq : 0;
    case T_LESSEQUAL:
      return WF_AST_LtE;
    case T_LESS:
      return WF_AST_Lt;
    case T_GREATEREQUAL:
      return WF_AST_GtE;
    case T_GREATER:
      return WF_AST_Gt;
    case T_K_in:
      return WF_AST_In;
    case T_K_not:
      if (peek2(p)->type == T_K_in) {
        *ntok = 2;
        return WF_AST_NotIn;
      }
      return 0;
    case T_K_is:
      if (peek2(p)->type == T_K_not) {
        *ntok = 2;
        return WF_AST_IsNot;
      }
      return WF_AST_Is;
  }
  return 0;
}

static wf_node *comparison(parser *p) {
  int start = p->pos;
  wf_node *e = wf_p_bitwise_or(p);
  if (!e) return NULL;
  int ntok, op = cmp_op(p, &ntok);
  if (!op) return e;
  VEC(ops);
  VEC(cmps);
  while (op) {
    int save = p->pos;
    p->pos += ntok;
    wf_node *x = wf_p_bitwise_or(p);
    if (!x) {
      if (failed(p)) return NULL;
      p->pos = save;
      break;
    }
    wf_vec_push(&ops, (void *)(intptr_t)op);
    wf_vec_push(&cmps, x);
    op = cmp_op(p, &ntok);
  }
  if (ops.n == 0) return e;
  wf_node *n = wf_p_node(p, WF_AST_Compare, start);
  n->v.Compare.left = e;
  n->v.Compare.ops = wf_vec_seq(p, &ops);
  n->v.Compare.comparators = wf_vec_seq(p, &cmps);
  return n;
}

/* ---- binary operators ---- */

static wf_node *factor(parser *p);

static int binop_of(int type, int level) {
  switch (level) {
    case 0:
      return type == T_VBAR ? WF_AST_BitOr : 0;
    case 1:
      return type == T_CIRCUMFLEX ? WF_AST_BitXor : 0;
    case 2:
      return type == T_AMPER ? WF_AST_BitAnd : 0;
    case 3:
      return type == T_LEFTSHIFT ? WF_AST_LShift : type == T_RIGHTSHIFT ? WF_AST_RShift : 0;
    case 4:
      return type == T_PLUS ? WF_AST_Add : type == T_MINUS ? WF_AST_Sub : 0;
    case 5:
      switch (type) {
        case T_STAR:
          return WF_AST_Mult;
        case T_SLASH:
          return WF_AST_Div;
        case T_DOUBLESLASH:
          return WF_AST_FloorDiv;
        case T_PERCENT:
          return WF_AST_Mod;
        case T_AT:
          return WF_AST_MatMult;
      }
      return 0;
  }
  return 0;
}

static wf_node *binary(parser *p, int level) {
  int start = p->pos;
  wf_node *e = level == 5 ? factor(p) : binary(p, level + 1);
  if (!e) return NULL;
  int op;
  while ((op = binop_of(peek(p)->type, level))) {
    int save = p->pos;
    p->pos++;
    wf_node *r = level == 5 ? factor(p) : binary(p, level + 1);
    if (!r) {
      if (failed(p)) return NULL;
      p->pos = save;
      break;
    }
    wf_node *n = wf_p_node(p, WF_AST_BinOp, start);
    n->v.BinOp.left = e;
    n->v.BinOp.op = op;
    n->v.BinOp.right = r;
    e = n;
  }
  return e;
}

wf_node *wf_p_bitwise_or(parser *p) {
  ENTER();
  wf_node *r = binary(p, 0);
  LEAVE();
  return r;
}

static wf_node *power(parser *p);

static wf_node *factor(parser *p) {
  int t = peek(p)->type;
  int op = t == T_PLUS ? WF_AST_UAdd : t == T_MINUS ? WF_AST_USub : t == T_TILDE ? WF_AST_Invert : 0;
  if (!op) return power(p);
  ENTER();
  int start = p->pos;
  p->pos++;
  wf_node *e = factor(p);
  LEAVE();
  if (!e) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_UnaryOp, start);
  n->v.UnaryOp.op = op;
  n->v.UnaryOp.operand = e;
  return n;
}

static wf_node *power(parser *p) {
  int start = p->pos;
  wf_node *e;
  if (at(p, T_K_await)) {
    p->pos++;
    wf_node *v = wf_p_primary(p);
    if (!v) return NULL;
    e = wf_p_node(p, WF_AST_Await, start);
    e->v.Await.value = v;
  } else {
    e = wf_p_primary(p);
    if (!e) return NULL;
  }
  if (at(p, T_DOUBLESTAR)) {
    int save = p->pos;
    p->pos++;
    wf_node *r = factor(p);
    if (!r) {
      if (failed(p)) return NULL;
      p->pos = save;
      return e;
    }
    wf_node *n = wf_p_node(p, WF_AST_BinOp, start);
    n->v.BinOp.left = e;
    n->v.BinOp.op = WF_AST_Pow;
    n->v.BinOp.right = r;
    return n;
  }
  return e;
}

/* ---- primary ---- */

static wf_node *atom(parser *p);

static wf_node *genexp_in_parens(parser *p, int start, wf_node *elt) {
  wf_seq *gens = for_if_clauses(p);
  if (!gens || !accept(p, T_RPAR)) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_GeneratorExp, start);
  n->v.GeneratorExp.elt = elt;
  n->v.GeneratorExp.generators = gens;
  return n;
}

wf_node *wf_p_primary(parser *p) {
  ENTER();
  int start = p->pos;
  wf_node *e = atom(p);
  if (!e) {
    LEAVE();
    return NULL;
  }
  for (;;) {
    int t = peek(p)->type;
    if (t == T_DOT) {
      wf_token *nm = peek2(p);
      if (nm->type != T_NAME) break;
      p->pos += 2;
      wf_node *n = wf_p_node(p, WF_AST_Attribute, start);
      n->v.Attribute.value = e;
      n->v.Attribute.attr = wf_p_ident(p, nm);
      n->v.Attribute.ctx = WF_AST_Load;
      e = n;
    } else if (t == T_LPAR) {
      int save = p->pos;
      p->pos++;
      wf_seq *args = NULL, *kws = NULL;
      if (wf_p_call_args(p, &args, &kws) < 0 || !accept(p, T_RPAR)) {
        if (!failed(p)) p->pos = save;
        break;
      }
      wf_node *n = wf_p_node(p, WF_AST_Call, start);
      n->v.Call.func = e;
      n->v.Call.args = args;
      n->v.Call.keywords = kws;
      e = n;
    } else if (t == T_LSQB) {
      int save = p->pos;
      p->pos++;
      wf_node *s = slices(p);
      if (!s || !accept(p, T_RSQB)) {
        if (!failed(p)) p->pos = save;
        break;
      }
      wf_node *n = wf_p_node(p, WF_AST_Subscript, start);
      n->v.Subscript.value = e;
      n->v.Subscript.slice = s;
      n->v.Subscript.ctx = WF_AST_Load;
      e = n;
    } else
      break;
  }
  LEAVE();
  if (failed(p)) return NULL;
  return e;
}

/* ---- slices ---- */

static wf_node *opt_expression(parser *p) {
  int t = peek(p)->type;
  if (t == T_COLON || t == T_COMMA || t == T_RSQB) return NULL;
  return TRY(wf_p_expression(p));
}

static wf_node *slice(parser *p) {
  int start = p->pos;
  if (at(p, T_STAR)) return starred(p, 1);
  wf_node *lower = NULL;
  if (!at(p, T_COLON)) {
    /* named_expression, unless a ':' follows an expression */
    wf_node *e = wf_p_named_expression(p);
    if (!e) return NULL;
    if (!at(p, T_COLON)) return e;
    if (e->kind == WF_AST_NamedExpr && e->col_offset == p->tok[start].col && e->lineno == p->tok[start].lineno)
      return NULL;
    lower = e;
  }
  accept(p, T_COLON);
  wf_node *upper = opt_expression(p);
  if (failed(p)) return NULL;
  wf_node *step = NULL;
  if (accept(p, T_COLON)) {
    step = opt_expression(p);
    if (failed(p)) return NULL;
  }
  wf_node *n = wf_p_node(p, WF_AST_Slice, start);
  n->v.Slice.lower = lower;
  n->v.Slice.upper = upper;
  n->v.Slice.step = step;
  return n;
}

static wf_node *slices(parser *p) {
  int start = p->pos;
  wf_node *e = slice(p);
  if (!e) return NULL;
  if (!at(p, T_COMMA) && e->kind != WF_AST_Starred) return e;
  VEC(elts);
  wf_vec_push(&elts, e);
  while (accept(p, T_COMMA)) {
    if (at(p, T_RSQB)) break;
    wf_node *x = slice(p);
    if (!x) return NULL;
    wf_vec_push(&elts, x);
  }
  return tuple_of(p, start, &elts);
}

/* ---- atoms ---- */

static wf_node *constant(parser *p, int start, int kind) {
  wf_node *n = wf_p_node(p, WF_AST_Constant, start);
  n->v.Constant.value = wf_p_const(p, kind);
  return n;
}

static wf_node *paren_atom(parser *p) {
  int start = p->pos;
  accept(p, T_LPAR);
  if (accept(p, T_RPAR)) {
    VEC(none);
    return tuple_of(p, start, &none);
  }
  if (at(p, T_K_yield)) {
    wf_node *y = wf_p_yield_expr(p);
    if (!y || !accept(p, T_RPAR)) return NULL;
    return y;
  }
  wf_node *e = wf_p_star_named_expression(p);
  if (!e) return NULL;
  if (is_comp_start(p)) {
    if (e->kind == WF_AST_Starred) return NULL;
    return genexp_in_parens(p, start, e);
  }
  if (accept(p, T_RPAR)) {
    if (e->kind == WF_AST_Starred) {
      if (p->invalid) return wf_p_error_node(p, WF_EXC_SYNTAX, e, "cannot use starred expression here");
      return NULL;
    }
    return e;
  }
  if (!at(p, T_COMMA)) return NULL;
  VEC(elts);
  wf_vec_push(&elts, e);
  while (accept(p, T_COMMA)) {
    if (at(p, T_RPAR)) break;
    wf_node *x = wf_p_star_named_expression(p);
    if (!x) return NULL;
    wf_vec_push(&elts, x);
  }
  if (!accept(p, T_RPAR)) return NULL;
  return tuple_of(p, start, &elts);
}

static wf_node *list_atom(parser *p) {
  int start = p->pos;
  accept(p, T_LSQB);
  VEC(elts);
  if (!at(p, T_RSQB)) {
    wf_node *e = wf_p_star_named_expression(p);
    if (!e) return NULL;
    if (is_comp_start(p)) {
      if (e->kind == WF_AST_Starred) return NULL;
      wf_seq *gens = for_if_clauses(p);
      if (!gens || !accept(p, T_RSQB)) return NULL;
      wf_node *n = wf_p_node(p, WF_AST_ListComp, start);
      n->v.ListComp.elt = e;
      n->v.ListComp.generators = gens;
      return n;
    }
    wf_vec_push(&elts, e);
    while (accept(p, T_COMMA)) {
      if (at(p, T_RSQB)) break;
      wf_node *x = wf_p_star_named_expression(p);
      if (!x) return NULL;
      wf_vec_push(&elts, x);
    }
  }
  if (!accept(p, T_RSQB)) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_List, start);
  n->v.List.elts = wf_vec_seq(p, &elts);
  n->v.List.ctx = WF_AST_Load;
  return n;
}

static wf_node *brace_atom(parser *p) {
  int start = p->pos;
  accept(p, T_LBRACE);
  VEC(keys);
  VEC(vals);
  if (accept(p, T_RBRACE)) {
    wf_node *n = wf_p_node(p, WF_AST_Dict, start);
    n->v.Dict.keys = wf_seq_empty(p);
    n->v.Dict.values = wf_seq_empty(p);
    return n;
  }
  int is_dict;
  wf_node *first = NULL;
  if (at(p, T_DOUBLESTAR)) {
    is_dict = 1;
  } else {
    first = wf_p_star_named_expression(p);
    if (!first) return NULL;
    is_dict = at(p, T_COLON);
    if (is_dict && first->kind == WF_AST_NamedExpr && first->col_offset == p->tok[start + 1].col &&
        first->lineno == p->tok[start + 1].lineno)
      return NULL;
    if (is_dict && first->kind == WF_AST_Starred) return NULL;
  }
  if (!is_dict) {
    if (is_comp_start(p)) {
      if (first->kind == WF_AST_Starred) return NULL;
      wf_seq *gens = for_if_clauses(p);
      if (!gens || !accept(p, T_RBRACE)) return NULL;
      wf_node *n = wf_p_node(p, WF_AST_SetComp, start);
      n->v.SetComp.elt = first;
      n->v.SetComp.generators = gens;
      return n;
    }
    wf_vec_push(&keys, first);
    while (accept(p, T_COMMA)) {
      if (at(p, T_RBRACE)) break;
      wf_node *x = wf_p_star_named_expression(p);
      if (!x) return NULL;
      wf_vec_push(&keys, x);
    }
    if (!accept(p, T_RBRACE)) return NULL;
    wf_node *n = wf_p_node(p, WF_AST_Set, start);
    n->v.Set.elts = wf_vec_seq(p, &keys);
    return n;
  }
  /* dict */
  int first_item = 1;
  for (;;) {
    if (!first_item) {
      if (!accept(p, T_COMMA)) break;
      if (at(p, T_RBRACE)) break;
    }
    if (at(p, T_DOUBLESTAR)) {
      p->pos++;
      wf_node *v = wf_p_bitwise_or(p);
      if (!v) return NULL;
      wf_vec_push(&keys, NULL);
      wf_vec_push(&vals, v);
    } else {
      wf_node *k = first_item && first ? first : wf_p_expression(p);
      if (!k || !accept(p, T_COLON)) return NULL;
      wf_node *v = wf_p_expression(p);
      if (!v) return NULL;
      if (first_item && first && is_comp_start(p)) {
        wf_seq *gens = for_if_clauses(p);
        if (!gens || !accept(p, T_RBRACE)) return NULL;
        wf_node *n = wf_p_node(p, WF_AST_DictComp, start);
        n->v.DictComp.key = k;
        n->v.DictComp.value = v;
        n->v.DictComp.generators = gens;
        return n;
      }
      wf_vec_push(&keys, k);
      wf_vec_push(&vals, v);
    }
    first_item = 0;
  }
  if (!accept(p, T_RBRACE)) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_Dict, start);
  n->v.Dict.keys = wf_vec_seq(p, &keys);
  n->v.Dict.values = wf_vec_seq(p, &vals);
  return n;
}

static wf_node *atom(parser *p) {
  wf_token *t = peek(p);
  int start = p->pos;
  switch (t->type) {
    case T_NAME:
      p->pos++;
      return name_node(p, t, WF_AST_Load);
    case T_K_True:
      p->pos++;
      return constant(p, start, WF_CONST_TRUE);
    case T_K_False:
      p->pos++;
      return constant(p, start, WF_CONST_FALSE);
    case T_K_None:
      p->pos++;
      return constant(p, start, WF_CONST_NONE);
    case T_ELLIPSIS:
      p->pos++;
      return constant(p, start, WF_CONST_ELLIPSIS);
    case T_NUMBER:
      p->pos++;
      return wf_p_number(p, t);
    case T_STRING:
      return wf_p_strings(p);
    case T_LPAR: {
      ENTER();
      wf_node *r = paren_atom(p);
      LEAVE();
      return r;
    }
    case T_LSQB: {
      ENTER();
      wf_node *r = list_atom(p);
      LEAVE();
      return r;
    }
    case T_LBRACE: {
      ENTER();
      wf_node *r = brace_atom(p);
      LEAVE();
      return r;
    }
  }
  return NULL;
}

/* ---- comprehensions ---- */

static wf_seq *for_if_clauses(parser *p) {
  VEC(gens);
  while (is_comp_start(p)) {
    int is_async = accept(p, T_K_async) != NULL;
    accept(p, T_K_for);
    int tstart = p->pos;
    wf_node *target = wf_p_star_targets(p);
    if (!target && p->invalid && !failed(p)) {
      p->pos = tstart;
      p->invalid = 0;
      wf_node *e = wf_p_star_expressions(p);
      p->invalid = 1;
      wf_node *bad = e ? wf_p_invalid_target(e, WF_AST_Store) : NULL;
      if (bad) return wf_p_error_node(p, WF_EXC_SYNTAX, bad, "cannot assign to %s", wf_p_expr_name(bad));
    }
    if (!target || !accept(p, T_K_in)) return NULL;
    wf_node *iter = wf_p_disjunction(p);
    if (!iter) return NULL;
    VEC(ifs);
    while (accept(p, T_K_if)) {
      wf_node *c = wf_p_disjunction(p);
      if (!c) return NULL;
      wf_vec_push(&ifs, c);
    }
    wf_node *n = wf_arena_alloc(p->arena, sizeof(wf_node));
    n->kind = WF_AST_comprehension;
    n->v.comprehension.target = target;
    n->v.comprehension.iter = iter;
    n->v.comprehension.ifs = wf_vec_seq(p, &ifs);
    n->v.comprehension.is_async = is_async;
    wf_vec_push(&gens, n);
  }
  return wf_vec_seq(p, &gens);
}

/* ---- lambda ---- */

static wf_node *lambdef(parser *p) {
  int start = p->pos;
  accept(p, T_K_lambda);
  wf_node *args = wf_p_arguments_node(p, 1);
  if (!args || !accept(p, T_COLON)) return NULL;
  wf_node *body = wf_p_expression(p);
  if (!body) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_Lambda, start);
  n->v.Lambda.args = args;
  n->v.Lambda.body = body;
  return n;
}

/* ---- parameters ---- */

static wf_node *param(parser *p, int is_lambda, int star) {
  int start = p->pos;
  wf_token *t = accept(p, T_NAME);
  if (!t) return NULL;
  wf_node *ann = NULL;
  if (!is_lambda && accept(p, T_COLON)) {
    ann = star ? star_expression(p) : wf_p_expression(p);
    if (!ann) return NULL;
  }
  wf_node *n = wf_p_node(p, WF_AST_arg, start);
  n->v.arg.arg = wf_p_ident(p, t);
  n->v.arg.annotation = ann;
  return n;
}

wf_node *wf_p_arguments_node(parser *p, int is_lambda) {
  int end = is_lambda ? T_COLON : T_RPAR;
  VEC(posonly);
  VEC(args);
  VEC(defaults);
  VEC(kwonly);
  VEC(kwdefaults);
  wf_node *vararg = NULL, *kwarg = NULL;
  int seen_slash = 0, seen_star = 0, bare_star_pending = 0;
  while (!at(p, end)) {
    wf_token *t = peek(p);
    if (kwarg) {
      if (p->invalid) return wf_p_error_tok(p, WF_EXC_SYNTAX, t, "arguments cannot follow var-keyword argument");
      return NULL;
    }
    if (is_lambda && p->invalid && t->type == T_LPAR) {
      int save = p->pos;
      p->pos++;
      while (accept(p, T_NAME) && accept(p, T_COMMA))
        ;
      wf_token *r = accept(p, T_RPAR);
      if (r) return wf_p_error_toks(p, WF_EXC_SYNTAX, t, r, "Lambda expression parameters cannot be parenthesized");
      p->pos = save;
    }
    if (t->type == T_SLASH) {
      if (seen_slash || seen_star || args.n == 0) {
        if (p->invalid) {
          if (seen_slash) return wf_p_error_tok(p, WF_EXC_SYNTAX, t, "/ may appear only once");
          if (seen_star) return wf_p_error_tok(p, WF_EXC_SYNTAX, t, "/ must be ahead of *");
          return wf_p_error_tok(p, WF_EXC_SYNTAX, t, "at least one argument must precede /");
        }
        return NULL;
      }
      p->pos++;
      seen_slash = 1;
      for (int i = 0; i < args.n; i++) wf_vec_push(&posonly, args.v[i]);
      args.n = 0;
    } else if (t->type == T_STAR) {
      if (seen_star) {
        if (p->invalid) return wf_p_error_tok(p, WF_EXC_SYNTAX, t, "* argument may appear only once");
        return NULL;
      }
      p->pos++;
      seen_star = 1;
      if (at(p, T_COMMA) || at(p, end)) {
        bare_star_pending = 1;
        if (at(p, end) || (peek2(p)->type == T_DOUBLESTAR) || (is_lambda && peek2(p)->type == T_COLON)) {
          if (p->invalid) {
            if (is_lambda) {
              if (at(p, T_COMMA)) peek2(p);
              return wf_p_error_last(p, WF_EXC_SYNTAX, "named arguments must follow bare *");
            }
            return wf_p_error_tok(p, WF_EXC_SYNTAX, t, "named arguments must follow bare *");
          }
          return NULL;
        }
      } else {
        vararg = param(p, is_lambda, 1);
        if (!vararg) {
          if (p->invalid && !failed(p) && at(p, T_EQUAL))
            return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p),
                                  is_lambda ? "var-positional argument cannot have default value"
                                            : "var-positional argument cannot have default value");
          return NULL;
        }
        if (at(p, T_EQUAL)) {
          if (p->invalid)
            return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "var-positional argument cannot have default value");
          return NULL;
        }
      }
    } else if (t->type == T_DOUBLESTAR) {
      p->pos++;
      kwarg = param(p, is_lambda, 0);
      if (!kwarg) return NULL;
      if (at(p, T_EQUAL)) {
        if (p->invalid)
          return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "var-keyword argument cannot have default value");
        return NULL;
      }
      if (bare_star_pending && kwonly.n == 0) return NULL;
    } else {
      wf_node *a = param(p, is_lambda, 0);
      if (!a) return NULL;
      wf_node *d = NULL;
      if (accept(p, T_EQUAL)) {
        d = wf_p_expression(p);
        if (!d) return NULL;
      }
      if (seen_star) {
        wf_vec_push(&kwonly, a);
        wf_vec_push(&kwdefaults, d);
      } else {
        if (!d && defaults.n > 0) {
          if (p->invalid) return wf_p_error_node(p, WF_EXC_SYNTAX, a, "non-default argument follows default argument");
          return NULL;
        }
        if (d) wf_vec_push(&defaults, d);
        wf_vec_push(&args, a);
      }
    }
    if (!accept(p, T_COMMA)) break;
  }
  if (bare_star_pending && kwonly.n == 0) {
    if (p->invalid) return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "named arguments must follow bare *");
    return NULL;
  }
  if (kwarg && !at(p, end)) return NULL;
  wf_node *n = wf_arena_alloc(p->arena, sizeof(wf_node));
  n->kind = WF_AST_arguments;
  n->v.arguments.posonlyargs = wf_vec_seq(p, &posonly);
  n->v.arguments.args = wf_vec_seq(p, &args);
  n->v.arguments.vararg = vararg;
  n->v.arguments.kwonlyargs = wf_vec_seq(p, &kwonly);
  n->v.arguments.kw_defaults = wf_vec_seq(p, &kwdefaults);
  n->v.arguments.kwarg = kwarg;
  n->v.arguments.defaults = wf_vec_seq(p, &defaults);
  return n;
}

/* ---- call arguments ---- */

/* After '(' of a call: fills args/keywords, stops before ')'.  Returns -1 on failure. */
int wf_p_call_args(parser *p, wf_seq **args_out, wf_seq **kws_out) {
  VEC(args);
  VEC(kws);
  int open = p->pos - 1;
  int seen_kw = 0, seen_dstar = 0;
  while (!at(p, T_RPAR)) {
    int start = p->pos;
    wf_token *t = peek(p);
    if (t->type == T_STAR) {
      wf_node *s = starred(p, 1);
      if (!s) return -1;
      if (seen_dstar) {
        if (p->invalid) {
          wf_token *a = &p->tok[open + 1], *b = &p->tok[start - 2];
          wf_p_error_toks(p, WF_EXC_SYNTAX, a, b, "iterable argument unpacking follows keyword argument unpacking");
        }
        return -1;
      }
      wf_vec_push(&args, s);
    } else if (t->type == T_DOUBLESTAR) {
      p->pos++;
      wf_node *v = wf_p_expression(p);
      if (!v) return -1;
      wf_node *k = wf_p_node(p, WF_AST_keyword, start);
      k->v.keyword.arg = NULL;
      k->v.keyword.value = v;
      wf_vec_push(&kws, k);
      seen_dstar = 1;
    } else if (t->type == T_NAME && peek2(p)->type == T_EQUAL) {
      p->pos += 2;
      wf_node *v = wf_p_expression(p);
      if (!v) return -1;
      if (p->invalid && is_comp_start(p)) {
        wf_p_error_toks(p, WF_EXC_SYNTAX, t, &p->tok[start + 1],
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return -1;
      }
      wf_node *k = wf_p_node(p, WF_AST_keyword, start);
      k->v.keyword.arg = wf_p_ident(p, t);
      k->v.keyword.value = v;
      wf_vec_push(&kws, k);
      seen_kw = 1;
    } else if (p->invalid && (t->type == T_K_True || t->type == T_K_False || t->type == T_K_None) &&
               peek2(p)->type == T_EQUAL) {
      wf_p_error_toks(p, WF_EXC_SYNTAX, t, peek2(p), "cannot assign to %s", wf_token_text[t->type]);
      return -1;
    } else {
      wf_node *e =
          (t->type == T_NAME && peek2(p)->type == T_COLONEQUAL) ? wf_p_named_expression(p) : wf_p_expression(p);
      if (!e) return -1;
      if (is_comp_start(p)) {
        wf_seq *gens = for_if_clauses(p);
        if (!gens) return -1;
        if (args.n == 0 && kws.n == 0 && at(p, T_RPAR)) {
          wf_node *g = wf_p_node(p, WF_AST_GeneratorExp, open);
          wf_token *r = peek(p);
          g->end_lineno = r->end_lineno;
          g->end_col_offset = r->end_col;
          g->v.GeneratorExp.elt = e;
          g->v.GeneratorExp.generators = gens;
          wf_vec_push(&args, g);
          break;
        }
        if (p->invalid) {
          wf_node *g = wf_p_node(p, WF_AST_GeneratorExp, start);
          wf_p_error_node(p, WF_EXC_SYNTAX, g, "Generator expression must be parenthesized");
        }
        return -1;
      }
      if (at(p, T_EQUAL)) {
        if (p->invalid)
          wf_p_error_range(p, WF_EXC_SYNTAX, e->lineno, e->col_offset, peek(p)->end_lineno, peek(p)->end_col,
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
        return -1;
      }
      if (seen_kw || seen_dstar) {
        if (p->invalid) {
          /* python3.11 reports these at the furthest token it looked at */
          int save = p->pos;
          while (!at(p, T_RPAR) && !at(p, T_NEWLINE) && !at(p, T_ENDMARKER) && accept(p, T_COMMA)) {
            if (!wf_p_expression(p)) break;
          }
          peek(p);
          p->pos = save;
          wf_p_error_last(p, WF_EXC_SYNTAX,
                          seen_dstar ? "positional argument follows keyword argument unpacking"
                                     : "positional argument follows keyword argument");
        }
        return -1;
      }
      wf_vec_push(&args, e);
    }
    if (!accept(p, T_COMMA)) break;
  }
  *args_out = wf_vec_seq(p, &args);
  *kws_out = wf_vec_seq(p, &kws);
  return 0;
}

/* ---- targets ---- */

static wf_node *target_atom(parser *p) {
  /* target_with_star_atom: a primary that is a Name, Attribute, Subscript or a
   * parenthesized/bracketed target list */
  int start = p->pos;
  wf_node *e = wf_p_primary(p);
  if (!e) return NULL;
  if (!wf_p_set_ctx(p, e, WF_AST_Store)) {
    p->pos = start;
    return NULL;
  }
  return e;
}

wf_node *wf_p_star_target(parser *p) {
  if (at(p, T_STAR)) {
    int start = p->pos;
    p->pos++;
    if (at(p, T_STAR)) return NULL;
    ENTER();
    wf_node *v = wf_p_star_target(p);
    LEAVE();
    if (!v) return NULL;
    wf_node *n = wf_p_node(p, WF_AST_Starred, start);
    n->v.Starred.value = v;
    n->v.Starred.ctx = WF_AST_Store;
    return n;
  }
  return target_atom(p);
}

wf_node *wf_p_star_targets(parser *p) {
  int start = p->pos;
  wf_node *e = comma_list(p, wf_p_star_target);
  if (e && e->kind == WF_AST_Tuple && p->tok[start].type != T_LPAR)
    e->v.Tuple.ctx = WF_AST_Store;
  else if (e && e->kind == WF_AST_Tuple)
    wf_p_set_ctx(p, e, WF_AST_Store);
  return e;
}

wf_node *wf_p_set_ctx(parser *p, wf_node *e, int ctx) {
  (void)p;
  switch (e->kind) {
    case WF_AST_Name:
      e->v.Name.ctx = ctx;
      return e;
    case WF_AST_Attribute:
      e->v.Attribute.ctx = ctx;
      return e;
    case WF_AST_Subscript:
      e->v.Subscript.ctx = ctx;
      return e;
    case WF_AST_Starred:
      if (ctx == WF_AST_Del) return NULL;
      e->v.Starred.ctx = ctx;
      return wf_p_set_ctx(p, e->v.Starred.value, ctx) ? e : NULL;
    case WF_AST_Tuple:
    case WF_AST_List: {
      wf_seq *s = e->kind == WF_AST_Tuple ? e->v.Tuple.elts : e->v.List.elts;
      for (intptr_t i = 0; i < s->n; i++)
        if (!wf_p_set_ctx(p, s->items[i], ctx)) return NULL;
      if (e->kind == WF_AST_Tuple)
        e->v.Tuple.ctx = ctx;
      else
        e->v.List.ctx = ctx;
      return e;
    }
  }
  return NULL;
}

/* The subexpression that makes e an invalid target (CPython's
 * _PyPegen_get_invalid_target), or NULL if e is valid. */
wf_node *wf_p_invalid_target(wf_node *e, int ctx) {
  switch (e->kind) {
    case WF_AST_Name:
    case WF_AST_Attribute:
    case WF_AST_Subscript:
      return NULL;
    case WF_AST_Starred:
      if (ctx == WF_AST_Del) return e;
      return wf_p_invalid_target(e->v.Starred.value, ctx);
    case WF_AST_Tuple:
    case WF_AST_List: {
      wf_seq *s = e->kind == WF_AST_Tuple ? e->v.Tuple.elts : e->v.List.elts;
      for (intptr_t i = 0; i < s->n; i++) {
        wf_node *r = wf_p_invalid_target(s->items[i], ctx);
        if (r) return r;
      }
      return NULL;
    }
    case WF_AST_Compare:
      /* 'for x in y' parsed as a comparison: the left side is the target */
      if (ctx == WF_AST_Store && e->v.Compare.ops->n > 0 && (intptr_t)e->v.Compare.ops->items[0] == WF_AST_In)
        return wf_p_invalid_target(e->v.Compare.left, ctx);
      return e;
  }
  return e;
}

const char *wf_p_expr_name(wf_node *e) {
  switch (e->kind) {
    case WF_AST_Attribute:
      return "attribute";
    case WF_AST_Subscript:
      return "subscript";
    case WF_AST_Starred:
      return "starred";
    case WF_AST_Name:
      return "name";
    case WF_AST_List:
      return "list";
    case WF_AST_Tuple:
      return "tuple";
    case WF_AST_Lambda:
      return "lambda";
    case WF_AST_Call:
      return "function call";
    case WF_AST_BoolOp:
    case WF_AST_BinOp:
    case WF_AST_UnaryOp:
      return "expression";
    case WF_AST_GeneratorExp:
      return "generator expression";
    case WF_AST_Yield:
    case WF_AST_YieldFrom:
      return "yield expression";
    case WF_AST_Await:
      return "await expression";
    case WF_AST_ListComp:
      return "list comprehension";
    case WF_AST_SetComp:
      return "set comprehension";
    case WF_AST_DictComp:
      return "dict comprehension";
    case WF_AST_Dict:
      return "dict literal";
    case WF_AST_Set:
      return "set display";
    case WF_AST_JoinedStr:
    case WF_AST_FormattedValue:
      return "f-string expression";
    case WF_AST_Constant: {
      wf_const *c = e->v.Constant.value;
      if (c->kind == WF_CONST_NONE) return "None";
      if (c->kind == WF_CONST_TRUE) return "True";
      if (c->kind == WF_CONST_FALSE) return "False";
      if (c->kind == WF_CONST_ELLIPSIS) return "ellipsis";
      return "literal";
    }
    case WF_AST_Compare:
      return "comparison";
    case WF_AST_IfExp:
      return "conditional expression";
    case WF_AST_NamedExpr:
      return "named expression";
  }
  return "expression";
}
