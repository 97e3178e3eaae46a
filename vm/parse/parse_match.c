/* The match statement and its patterns (PEP 634 grammar of Python 3.11).
 *
 * `match` and `case` are soft keywords: the statement parser tries
 * wf_p_match_stmt when a statement starts with the name `match` and falls back
 * to an expression statement when it fails without an error. */
#include "parser.h"

#include <string.h>

static wf_node *pattern(parser *p);
static wf_node *closed_pattern(parser *p);

static wf_node *pnode(parser *p, int kind, int start) { return wf_p_node(p, kind, start); }

static int is_soft(parser *p, const char *s) { return wf_tok_is_name(peek(p), s); }

/* NAME not '_' and not followed by '.', '(' or '=' */
static wf_token *capture_target(parser *p) {
  wf_token *t = peek(p);
  if (t->type != T_NAME || wf_tok_is_name(t, "_")) return NULL;
  int n = peek2(p)->type;
  if (n == T_DOT || n == T_LPAR || n == T_EQUAL) return NULL;
  p->pos++;
  return t;
}

static wf_node *name_load(parser *p, wf_token *t) {
  int start = (int)(t - p->tok);
  wf_node *n = wf_p_node(p, WF_AST_Name, start);
  n->lineno = t->lineno;
  n->col_offset = t->col;
  n->end_lineno = t->end_lineno;
  n->end_col_offset = t->end_col;
  n->v.Name.id = wf_p_ident(p, t);
  n->v.Name.ctx = WF_AST_Load;
  return n;
}

/* name_or_attr: NAME ('.' NAME)* */
static wf_node *name_or_attr(parser *p) {
  int start = p->pos;
  wf_token *t = accept(p, T_NAME);
  if (!t) return NULL;
  wf_node *e = name_load(p, t);
  while (at(p, T_DOT) && peek2(p)->type == T_NAME) {
    p->pos++;
    wf_token *a = accept(p, T_NAME);
    wf_node *n = wf_p_node(p, WF_AST_Attribute, start);
    n->v.Attribute.value = e;
    n->v.Attribute.attr = wf_p_ident(p, a);
    n->v.Attribute.ctx = WF_AST_Load;
    e = n;
  }
  return e;
}

/* signed_number ['+'|'-' NUMBER (imaginary)] ; strings ; None/True/False handled by caller */
static wf_node *literal_expr(parser *p) {
  int start = p->pos;
  wf_token *t = peek(p);
  if (t->type == T_STRING) return wf_p_strings(p);
  wf_node *num;
  if (t->type == T_MINUS) {
    p->pos++;
    wf_token *nt = accept(p, T_NUMBER);
    if (!nt) return NULL;
    wf_node *v = wf_p_number(p, nt);
    num = wf_p_node(p, WF_AST_UnaryOp, start);
    num->v.UnaryOp.op = WF_AST_USub;
    num->v.UnaryOp.operand = v;
  } else if (t->type == T_NUMBER) {
    p->pos++;
    num = wf_p_number(p, t);
  } else
    return NULL;
  if (at(p, T_PLUS) || at(p, T_MINUS)) {
    int op = at(p, T_PLUS) ? WF_AST_Add : WF_AST_Sub;
    /* complex_number: signed_real_number ('+'|'-') imaginary_number */
    wf_node *real = num->kind == WF_AST_UnaryOp ? num->v.UnaryOp.operand : num;
    if (real->v.Constant.value->kind == WF_CONST_COMPLEX) return NULL;
    p->pos++;
    wf_token *it = accept(p, T_NUMBER);
    if (!it) return NULL;
    wf_node *imag = wf_p_number(p, it);
    if (imag->v.Constant.value->kind != WF_CONST_COMPLEX) return NULL;
    wf_node *b = wf_p_node(p, WF_AST_BinOp, start);
    b->v.BinOp.left = num;
    b->v.BinOp.op = op;
    b->v.BinOp.right = imag;
    return b;
  }
  return num;
}

static wf_node *star_pattern(parser *p) {
  int start = p->pos;
  accept(p, T_STAR);
  const char *name = NULL;
  if (is_soft(p, "_"))
    p->pos++;
  else {
    wf_token *t = capture_target(p);
    if (!t) return NULL;
    name = wf_p_ident(p, t);
  }
  wf_node *n = pnode(p, WF_AST_MatchStar, start);
  n->v.MatchStar.name = name;
  return n;
}

static wf_node *maybe_star_pattern(parser *p) {
  if (at(p, T_STAR)) return star_pattern(p);
  return pattern(p);
}

/* items until `close`; returns count, -1 on failure; *comma set if any comma seen */
static int pattern_list(parser *p, int close, vec *out, int *comma) {
  *comma = 0;
  while (!at(p, close)) {
    wf_node *x = maybe_star_pattern(p);
    if (!x) return -1;
    wf_vec_push(out, x);
    if (!accept(p, T_COMMA)) break;
    *comma = 1;
  }
  return out->n;
}

static wf_node *mapping_pattern(parser *p) {
  int start = p->pos;
  accept(p, T_LBRACE);
  VEC(keys);
  VEC(pats);
  const char *rest = NULL;
  while (!at(p, T_RBRACE)) {
    if (at(p, T_DOUBLESTAR)) {
      p->pos++;
      wf_token *t = capture_target(p);
      if (!t) return NULL;
      rest = wf_p_ident(p, t);
      accept(p, T_COMMA);
      break;
    }
    wf_node *k;
    wf_token *t = peek(p);
    int s = p->pos;
    if (t->type == T_K_None || t->type == T_K_True || t->type == T_K_False) {
      p->pos++;
      k = wf_p_node(p, WF_AST_Constant, s);
      k->v.Constant.value = wf_p_const(p, t->type == T_K_None   ? WF_CONST_NONE
                                          : t->type == T_K_True ? WF_CONST_TRUE
                                                                : WF_CONST_FALSE);
    } else if (t->type == T_NAME) {
      k = name_or_attr(p);
      if (!k || k->kind != WF_AST_Attribute) return NULL;
    } else {
      k = literal_expr(p);
      if (!k) return NULL;
    }
    if (!accept(p, T_COLON)) return NULL;
    wf_node *v = pattern(p);
    if (!v) return NULL;
    wf_vec_push(&keys, k);
    wf_vec_push(&pats, v);
    if (!accept(p, T_COMMA)) break;
  }
  if (!accept(p, T_RBRACE)) return NULL;
  wf_node *n = pnode(p, WF_AST_MatchMapping, start);
  n->v.MatchMapping.keys = wf_vec_seq(p, &keys);
  n->v.MatchMapping.patterns = wf_vec_seq(p, &pats);
  n->v.MatchMapping.rest = rest;
  return n;
}

static wf_node *class_pattern(parser *p, int start, wf_node *cls) {
  accept(p, T_LPAR);
  VEC(pats);
  VEC(kwnames);
  VEC(kwpats);
  while (!at(p, T_RPAR)) {
    if (at(p, T_NAME) && peek2(p)->type == T_EQUAL) {
      wf_token *t = accept(p, T_NAME);
      p->pos++;
      wf_node *v = pattern(p);
      if (!v) return NULL;
      wf_vec_push(&kwnames, (void *)wf_p_ident(p, t));
      wf_vec_push(&kwpats, v);
    } else {
      if (kwnames.n > 0) {
        if (p->invalid) {
          int s = p->pos;
          wf_node *v = pattern(p);
          if (v) return wf_p_error_node(p, WF_EXC_SYNTAX, v, "positional patterns follow keyword patterns");
          p->pos = s;
        }
        return NULL;
      }
      wf_node *v = pattern(p);
      if (!v) return NULL;
      wf_vec_push(&pats, v);
    }
    if (!accept(p, T_COMMA)) break;
  }
  if (!accept(p, T_RPAR)) return NULL;
  wf_node *n = pnode(p, WF_AST_MatchClass, start);
  n->v.MatchClass.cls = cls;
  n->v.MatchClass.patterns = wf_vec_seq(p, &pats);
  n->v.MatchClass.kwd_attrs = wf_vec_seq(p, &kwnames);
  n->v.MatchClass.kwd_patterns = wf_vec_seq(p, &kwpats);
  return n;
}

static wf_node *closed_pattern(parser *p) {
  ENTER();
  int start = p->pos;
  wf_token *t = peek(p);
  wf_node *r = NULL;
  switch (t->type) {
    case T_K_None:
    case T_K_True:
    case T_K_False: {
      p->pos++;
      r = pnode(p, WF_AST_MatchSingleton, start);
      r->v.MatchSingleton.value = wf_p_const(p, t->type == T_K_None   ? WF_CONST_NONE
                                                : t->type == T_K_True ? WF_CONST_TRUE
                                                                      : WF_CONST_FALSE);
      break;
    }
    case T_NUMBER:
    case T_MINUS:
    case T_STRING: {
      wf_node *v = literal_expr(p);
      if (!v) break;
      if (v->kind != WF_AST_JoinedStr && !(at(p, T_PLUS) || at(p, T_MINUS))) {
        r = pnode(p, WF_AST_MatchValue, start);
        r->v.MatchValue.value = v;
      }
      break;
    }
    case T_NAME: {
      if (wf_tok_is_name(t, "_") && peek2(p)->type != T_DOT && peek2(p)->type != T_LPAR) {
        p->pos++;
        r = pnode(p, WF_AST_MatchAs, start);
        break;
      }
      wf_token *c = capture_target(p);
      if (c) {
        r = pnode(p, WF_AST_MatchAs, start);
        r->v.MatchAs.name = wf_p_ident(p, c);
        break;
      }
      wf_node *e = name_or_attr(p);
      if (!e) break;
      if (at(p, T_LPAR)) {
        r = class_pattern(p, start, e);
        break;
      }
      if (e->kind == WF_AST_Attribute && !at(p, T_DOT) && !at(p, T_EQUAL)) {
        r = pnode(p, WF_AST_MatchValue, start);
        r->v.MatchValue.value = e;
      }
      break;
    }
    case T_LPAR: {
      p->pos++;
      if (accept(p, T_RPAR)) {
        r = pnode(p, WF_AST_MatchSequence, start);
        r->v.MatchSequence.patterns = wf_seq_empty(p);
        break;
      }
      VEC(items);
      int comma;
      if (pattern_list(p, T_RPAR, &items, &comma) < 0 || !accept(p, T_RPAR)) break;
      if (items.n == 1 && !comma && ((wf_node *)items.v[0])->kind != WF_AST_MatchStar) {
        r = items.v[0]; /* group pattern */
        break;
      }
      r = pnode(p, WF_AST_MatchSequence, start);
      r->v.MatchSequence.patterns = wf_vec_seq(p, &items);
      break;
    }
    case T_LSQB: {
      p->pos++;
      VEC(items);
      int comma;
      if (pattern_list(p, T_RSQB, &items, &comma) < 0 || !accept(p, T_RSQB)) break;
      r = pnode(p, WF_AST_MatchSequence, start);
      r->v.MatchSequence.patterns = wf_vec_seq(p, &items);
      break;
    }
    case T_LBRACE:
      r = mapping_pattern(p);
      break;
  }
  LEAVE();
  return r;
}

/* or_pattern ['as' NAME] */
static wf_node *pattern(parser *p) {
  int start = p->pos;
  wf_node *first = closed_pattern(p);
  if (!first) return NULL;
  wf_node *r = first;
  if (at(p, T_VBAR)) {
    VEC(alts);
    wf_vec_push(&alts, first);
    while (accept(p, T_VBAR)) {
      wf_node *x = closed_pattern(p);
      if (!x) return NULL;
      wf_vec_push(&alts, x);
    }
    r = pnode(p, WF_AST_MatchOr, start);
    r->v.MatchOr.patterns = wf_vec_seq(p, &alts);
  }
  if (at(p, T_K_as)) {
    p->pos++;
    wf_token *t = capture_target(p);
    if (!t) {
      if (p->invalid && !failed(p)) {
        if (is_soft(p, "_")) return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "cannot use '_' as a target");
      }
      return NULL;
    }
    wf_node *n = pnode(p, WF_AST_MatchAs, start);
    n->v.MatchAs.pattern = r;
    n->v.MatchAs.name = wf_p_ident(p, t);
    return n;
  }
  return r;
}

/* patterns: open_sequence_pattern | pattern */
static wf_node *patterns(parser *p) {
  int start = p->pos;
  wf_node *first = maybe_star_pattern(p);
  if (!first) return NULL;
  if (!at(p, T_COMMA) && first->kind != WF_AST_MatchStar) return first;
  VEC(items);
  wf_vec_push(&items, first);
  while (accept(p, T_COMMA)) {
    if (at(p, T_COLON) || at(p, T_K_if)) break;
    wf_node *x = maybe_star_pattern(p);
    if (!x) return NULL;
    wf_vec_push(&items, x);
  }
  wf_node *n = pnode(p, WF_AST_MatchSequence, start);
  n->v.MatchSequence.patterns = wf_vec_seq(p, &items);
  return n;
}

static wf_node *case_block(parser *p) {
  wf_token *kw = peek(p);
  p->pos++;
  wf_node *pat = patterns(p);
  if (!pat) return NULL;
  wf_node *guard = NULL;
  if (accept(p, T_K_if)) {
    guard = wf_p_named_expression(p);
    if (!guard) return NULL;
  }
  if (!accept(p, T_COLON)) {
    if (p->invalid) return wf_p_error_tok(p, WF_EXC_SYNTAX, &p->tok[p->maxpos], "expected ':'");
    return NULL;
  }
  wf_seq *body = wf_p_block(p, "'case' statement", kw->lineno);
  if (!body) return NULL;
  wf_node *n = wf_arena_alloc(p->arena, sizeof(wf_node));
  n->kind = WF_AST_match_case;
  n->v.match_case.pattern = pat;
  n->v.match_case.guard = guard;
  n->v.match_case.body = body;
  return n;
}

wf_node *wf_p_match_stmt(parser *p) {
  int start = p->pos;
  wf_token *kw = peek(p);
  p->pos++;
  /* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
  int s = p->pos;
  wf_node *subject = wf_p_star_named_expression(p);
  if (!subject) return NULL;
  if (at(p, T_COMMA)) {
    VEC(elts);
    wf_vec_push(&elts, subject);
    while (accept(p, T_COMMA)) {
      if (at(p, T_COLON)) break;
      wf_node *x = wf_p_star_named_expression(p);
      if (!x) return NULL;
      wf_vec_push(&elts, x);
    }
    subject = wf_p_node(p, WF_AST_Tuple, s);
    subject->v.Tuple.elts = wf_vec_seq(p, &elts);
    subject->v.Tuple.ctx = WF_AST_Load;
  } else if (subject->kind == WF_AST_Starred)
    return NULL;
  if (!accept(p, T_COLON)) {
    if (p->invalid && at(p, T_NEWLINE)) return wf_p_error_last(p, WF_EXC_SYNTAX, "expected ':'");
    return NULL;
  }
  if (!accept(p, T_NEWLINE)) return NULL;
  if (!accept(p, T_INDENT)) {
    if (p->invalid) {
      wf_token *t = &p->tok[p->maxpos];
      return wf_p_error_range(p, WF_EXC_INDENTATION, t->lineno, t->col, t->lineno, t->col,
                              "expected an indented block after 'match' statement on line %d", kw->lineno);
    }
    return NULL;
  }
  VEC(cases);
  while (is_soft(p, "case")) {
    wf_node *c = case_block(p);
    if (!c) return NULL;
    wf_vec_push(&cases, c);
  }
  if (cases.n == 0 || !accept(p, T_DEDENT)) return NULL;
  wf_node *n = wf_p_node(p, WF_AST_Match, start);
  n->v.Match.subject = subject;
  n->v.Match.cases = wf_vec_seq(p, &cases);
  return n;
}
