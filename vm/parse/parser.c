/* Statements, blocks, and the parser's node/list helpers (Python 3.11 grammar).
 * See parser.h for the backtracking and error-pass conventions. */
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void tok_cols(parser *p, wf_token *t, int *c, int *ec);

/* ---- helpers ---- */

int wf_tok_is_name(wf_token *t, const char *s) {
  size_t n = strlen(s);
  return t->type == T_NAME && (size_t)t->n == n && memcmp(t->s, s, n) == 0;
}

static wf_token *last_nonws(parser *p) {
  int i = p->pos - 1;
  while (i > 0) {
    int ty = p->tok[i].type;
    if (ty != T_NEWLINE && ty != T_INDENT && ty != T_DEDENT && ty != T_ENDMARKER) break;
    i--;
  }
  if (i < 0) i = 0;
  return &p->tok[i];
}

void wf_p_span_tokens(parser *p, wf_node *n, int start) {
  wf_token *s = &p->tok[start];
  wf_token *e = last_nonws(p);
  n->lineno = s->lineno;
  n->col_offset = s->col;
  n->end_lineno = e->end_lineno;
  n->end_col_offset = e->end_col;
}

wf_node *wf_p_node(parser *p, int kind, int start) {
  wf_node *n = wf_arena_alloc(p->arena, offsetof(wf_node, v) + 8 * (size_t)wf_ast_kinds[kind].nfields);
  n->kind = (uint32_t)kind;
  wf_p_span_tokens(p, n, start);
  return n;
}

wf_const *wf_p_const(parser *p, int kind) {
  wf_const *c = wf_arena_alloc(p->arena, sizeof *c);
  c->kind = kind;
  return c;
}

void wf_vec_push(vec *a, void *x) {
  if (a->n == a->cap) {
    if (!a->v) {
      a->v = a->inl;
      a->cap = 8;
    } else {
      int cap = a->cap * 2;
      void **nv = malloc(sizeof(void *) * (size_t)cap);
      if (!nv) {
        fputs("weft: out of memory\n", stderr);
        abort();
      }
      memcpy(nv, a->v, sizeof(void *) * (size_t)a->n);
      if (a->v != a->inl) free(a->v);
      a->v = nv;
      a->cap = cap;
    }
  }
  a->v[a->n++] = x;
}

void wf_vec_free(vec *a) {
  if (a->v && a->v != a->inl) free(a->v);
  a->v = NULL;
  a->n = a->cap = 0;
}

wf_seq *wf_vec_seq(parser *p, vec *a) {
  wf_seq *s = wf_arena_alloc(p->arena, sizeof(wf_seq) + sizeof(void *) * (size_t)a->n);
  s->n = a->n;
  if (a->n) memcpy(s->items, a->v, sizeof(void *) * (size_t)a->n);
  return s;
}

wf_seq *wf_seq1(parser *p, void *x) {
  wf_seq *s = wf_arena_alloc(p->arena, sizeof(wf_seq) + sizeof(void *));
  s->n = 1;
  s->items[0] = x;
  return s;
}

wf_seq *wf_seq_empty(parser *p) { return wf_arena_alloc(p->arena, sizeof(wf_seq)); }

int wf_p_enter(parser *p) {
  if (++p->depth > WF_MAX_DEPTH) {
    p->depth--;
    if (!p->err->set) {
      wf_perr_set(p->err, WF_EXC_MEMORY, 0, -1, 0, -1, "%s", "");
    }
    return -1;
  }
  return 0;
}

/* ---- errors ---- */

void *wf_p_error_range(parser *p, int type, int l, int c, int el, int ec, const char *fmt, ...) {
  if (p->err->set) return NULL;
  va_list ap;
  va_start(ap, fmt);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wf_perr_set(p->err, type, l, c, el, ec, "%s", msg);
  return NULL;
}

void *wf_p_error_tok(parser *p, int type, wf_token *t, const char *fmt, ...) {
  if (p->err->set) return NULL;
  va_list ap;
  va_start(ap, fmt);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int c, ec;
  tok_cols(p, t, &c, &ec);
  wf_perr_set(p->err, type, t->lineno, c, t->end_lineno, ec, "%s", msg);
  return NULL;
}

void *wf_p_error_node(parser *p, int type, const wf_node *n, const char *fmt, ...) {
  if (p->err->set) return NULL;
  va_list ap;
  va_start(ap, fmt);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wf_perr_set(p->err, type, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, "%s", msg);
  return NULL;
}

void wf_p_eof_in_paren(parser *p, wf_token *t) {
  if (p->err->set || p->in_fstring) return;
  wf_perr_set(p->err, WF_EXC_SYNTAX, t->lineno, t->col, t->lineno, -1, "'%c' was never closed", t->s[0]);
}

/* Error columns of a token; tokens at the end of input have no column and
 * python3.11 points just past the end of the last line. */
static void tok_cols(parser *p, wf_token *t, int *c, int *ec) {
  if (t->col >= 0) {
    *c = t->col;
    *ec = t->end_col;
    return;
  }
  int len = 0;
  if (t->lineno >= 1 && t->lineno <= p->src->nlines) {
    const char *s = p->src->lines[t->lineno - 1];
    const char *e = strchr(s, '\n');
    len = e ? (int)(e - s) + 1 : (int)strlen(s);
  }
  *c = WF_RAW_OFFSET(len);
  *ec = WF_RAW_OFFSET(-1);
}

void *wf_p_error_toks(parser *p, int type, wf_token *a, wf_token *b, const char *fmt, ...) {
  if (p->err->set) return NULL;
  va_list ap;
  va_start(ap, fmt);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  int c, ec, c2, ec2;
  tok_cols(p, a, &c, &ec);
  tok_cols(p, b, &c2, &ec2);
  wf_perr_set(p->err, type, a->lineno, c, b->end_lineno, ec2, "%s", msg);
  return NULL;
}

/* RAISE_SYNTAX_ERROR without a location: the furthest token looked at. */
void *wf_p_error_last(parser *p, int type, const char *fmt, ...) {
  if (p->err->set) return NULL;
  va_list ap;
  va_start(ap, fmt);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  wf_token *t = &p->tok[p->maxpos];
  int c, ec;
  tok_cols(p, t, &c, &ec);
  wf_perr_set(p->err, type, t->lineno, c, t->end_lineno, ec, "%s", msg);
  return NULL;
}
#define error_last wf_p_error_last

/* ---- statements ---- */

static int statement(parser *p, vec *out);
static wf_node *simple_stmt(parser *p);
static int simple_stmts(parser *p, vec *out);

static wf_node *stmt_node(parser *p, int kind, int start) { return wf_p_node(p, kind, start); }

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
wf_seq *wf_p_block(parser *p, const char *what, int what_line) {
  VEC(body);
  if (accept(p, T_NEWLINE)) {
    if (!accept(p, T_INDENT)) {
      if (p->invalid && what && !strcmp(what, "'case' statement")) {
        wf_token *t = &p->tok[p->maxpos];
        return wf_p_error_range(p, WF_EXC_INDENTATION, t->lineno, t->col, t->lineno, t->col,
                                "expected an indented block after %s on line %d", what, what_line);
      }
      if (p->invalid && what)
        return error_last(p, WF_EXC_INDENTATION, "expected an indented block after %s on line %d", what, what_line);
      return NULL;
    }
    while (!at(p, T_DEDENT)) {
      if (at(p, T_ENDMARKER)) return NULL;
      if (statement(p, &body) < 0) return NULL;
    }
    accept(p, T_DEDENT);
  } else {
    if (simple_stmts(p, &body) < 0) {
      if (p->invalid && what && !failed(p) && 0) return NULL;
      return NULL;
    }
  }
  return wf_vec_seq(p, &body);
}

static int expect_colon(parser *p) {
  if (accept(p, T_COLON)) return 1;
  if (p->invalid) error_last(p, WF_EXC_SYNTAX, "expected ':'");
  return 0;
}

static wf_seq *else_block(parser *p) {
  if (!at(p, T_K_else)) return wf_seq_empty(p);
  wf_token *t = accept(p, T_K_else);
  if (!expect_colon(p)) return NULL;
  return wf_p_block(p, "'else' statement", t->lineno);
}

static wf_node *if_stmt(parser *p) {
  int start = p->pos;
  wf_token *kw = peek(p);
  p->pos++;
  wf_node *test = wf_p_named_expression(p);
  if (!test || !expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, kw->type == T_K_if ? "'if' statement" : "'elif' statement", kw->lineno);
  if (!body) return NULL;
  wf_seq *orelse;
  if (at(p, T_K_elif)) {
    wf_node *e = if_stmt(p);
    if (!e) return NULL;
    orelse = wf_seq1(p, e);
  } else {
    orelse = else_block(p);
    if (!orelse) return NULL;
  }
  wf_node *n = stmt_node(p, WF_AST_If, start);
  n->v.If.test = test;
  n->v.If.body = body;
  n->v.If.orelse = orelse;
  return n;
}

static wf_node *while_stmt(parser *p) {
  int start = p->pos;
  wf_token *kw = accept(p, T_K_while);
  wf_node *test = wf_p_named_expression(p);
  if (!test || !expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, "'while' statement", kw->lineno);
  if (!body) return NULL;
  wf_seq *orelse = else_block(p);
  if (!orelse) return NULL;
  wf_node *n = stmt_node(p, WF_AST_While, start);
  n->v.While.test = test;
  n->v.While.body = body;
  n->v.While.orelse = orelse;
  return n;
}

static wf_node *for_stmt(parser *p) {
  int start = p->pos;
  int is_async = accept(p, T_K_async) != NULL;
  wf_token *kw = accept(p, T_K_for);
  if (!kw) return NULL;
  wf_node *target = wf_p_star_targets(p);
  if (!target) {
    if (p->invalid && !failed(p)) {
      int save = p->pos;
      wf_node *e = wf_p_star_expressions(p);
      if (e) {
        wf_node *bad = wf_p_invalid_target(e, WF_AST_Store);
        if (bad) return wf_p_error_node(p, WF_EXC_SYNTAX, bad, "cannot assign to %s", wf_p_expr_name(bad));
      }
      if (!failed(p)) p->pos = save;
    }
    return NULL;
  }
  if (!accept(p, T_K_in)) {
    if (p->invalid) return NULL;
    return NULL;
  }
  wf_node *iter = wf_p_star_expressions(p);
  if (!iter || !expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, "'for' statement", kw->lineno);
  if (!body) return NULL;
  wf_seq *orelse = else_block(p);
  if (!orelse) return NULL;
  wf_node *n = stmt_node(p, is_async ? WF_AST_AsyncFor : WF_AST_For, start);
  n->v.For.target = target;
  n->v.For.iter = iter;
  n->v.For.body = body;
  n->v.For.orelse = orelse;
  return n;
}

static wf_node *with_item(parser *p) {
  wf_node *e = wf_p_expression(p);
  if (!e) return NULL;
  wf_node *var = NULL;
  if (at(p, T_K_as)) {
    int save = p->pos;
    p->pos++;
    var = wf_p_star_target(p);
    int t = peek(p)->type;
    if (var && p->invalid && t == T_NEWLINE) t = T_COLON;
    if (!var || !(t == T_COMMA || t == T_RPAR || t == T_COLON)) {
      if (failed(p)) return NULL;
      if (p->invalid) {
        p->pos = save + 1;
        int s2 = p->pos;
        wf_node *x = wf_p_expression(p);
        if (x && (at(p, T_COMMA) || at(p, T_RPAR) || at(p, T_COLON))) {
          wf_node *bad = wf_p_invalid_target(x, WF_AST_Store);
          if (bad) return wf_p_error_node(p, WF_EXC_SYNTAX, bad, "cannot assign to %s", wf_p_expr_name(bad));
        }
        if (!failed(p)) p->pos = s2;
      }
      p->pos = save;
      var = NULL;
      return NULL;
    }
  }
  wf_node *n = wf_arena_alloc(p->arena, sizeof(wf_node));
  n->kind = WF_AST_withitem;
  n->v.withitem.context_expr = e;
  n->v.withitem.optional_vars = var;
  return n;
}

static wf_node *with_stmt(parser *p) {
  int start = p->pos;
  int is_async = accept(p, T_K_async) != NULL;
  wf_token *kw = accept(p, T_K_with);
  if (!kw) return NULL;
  VEC(items);
  int done = 0;
  if (at(p, T_LPAR)) {
    /* '(' ','.with_item+ ','? ')' ':' */
    int save = p->pos;
    p->pos++;
    for (;;) {
      wf_node *it = with_item(p);
      if (!it) break;
      wf_vec_push(&items, it);
      if (!accept(p, T_COMMA)) break;
      if (at(p, T_RPAR)) break;
    }
    if (failed(p)) return NULL;
    if (items.n > 0 && accept(p, T_RPAR) && at(p, T_COLON))
      done = 1;
    else if (p->invalid && items.n > 0 && p->tok[p->pos - 1].type == T_RPAR && at(p, T_NEWLINE))
      return error_last(p, WF_EXC_SYNTAX, "expected ':'");
    else {
      p->pos = save;
      items.n = 0;
    }
  }
  if (!done) {
    for (;;) {
      wf_node *it = with_item(p);
      if (!it) return NULL;
      wf_vec_push(&items, it);
      if (!accept(p, T_COMMA)) break;
    }
  }
  if (!expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, "'with' statement", kw->lineno);
  if (!body) return NULL;
  wf_node *n = stmt_node(p, is_async ? WF_AST_AsyncWith : WF_AST_With, start);
  n->v.With.items = wf_vec_seq(p, &items);
  n->v.With.body = body;
  return n;
}

static wf_node *except_block(parser *p, int star) {
  int start = p->pos;
  wf_token *kw = accept(p, T_K_except);
  wf_node *type = NULL;
  const char *name = NULL;
  if (star) accept(p, T_STAR);
  if (star && p->invalid && (at(p, T_COLON) || at(p, T_NEWLINE)))
    return error_last(p, WF_EXC_SYNTAX, "expected one or more exception types");
  if (!at(p, T_COLON) || star) {
    type = wf_p_expression(p);
    if (!type) return NULL;
    if (at(p, T_COMMA)) {
      if (p->invalid) {
        int s = p->pos;
        p->pos = (int)(kw - p->tok) + 1 + star;
        wf_node *e = wf_p_star_expressions(p);
        if (e && (at(p, T_COLON) || at(p, T_K_as)))
          return wf_p_error_node(p, WF_EXC_SYNTAX, e, "multiple exception types must be parenthesized");
        if (!failed(p)) p->pos = s;
      }
      return NULL;
    }
    if (accept(p, T_K_as)) {
      wf_token *t = accept(p, T_NAME);
      if (!t) return NULL;
      name = wf_p_ident(p, t);
    }
  }
  if (!expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, star ? "'except*' statement" : "'except' statement", kw->lineno);
  if (!body) return NULL;
  wf_node *n = stmt_node(p, WF_AST_ExceptHandler, start);
  n->v.ExceptHandler.type = type;
  n->v.ExceptHandler.name = name;
  n->v.ExceptHandler.body = body;
  return n;
}

static wf_node *try_stmt(parser *p) {
  int start = p->pos;
  wf_token *kw = accept(p, T_K_try);
  if (!expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, "'try' statement", kw->lineno);
  if (!body) return NULL;
  VEC(handlers);
  int star = -1;
  while (at(p, T_K_except)) {
    int this_star = peek2(p)->type == T_STAR;
    if (star >= 0 && this_star != star) {
      if (p->invalid) {
        wf_token *e = peek(p);
        return wf_p_error_toks(p, WF_EXC_SYNTAX, e, this_star ? peek2(p) : e,
                               "cannot have both 'except' and 'except*' on the same 'try'");
      }
      return NULL;
    }
    star = this_star;
    wf_node *h = except_block(p, star);
    if (!h) return NULL;
    wf_vec_push(&handlers, h);
  }
  wf_seq *orelse = wf_seq_empty(p), *final = wf_seq_empty(p);
  if (handlers.n > 0) {
    orelse = else_block(p);
    if (!orelse) return NULL;
  }
  if (at(p, T_K_finally)) {
    wf_token *f = accept(p, T_K_finally);
    if (!expect_colon(p)) return NULL;
    final = wf_p_block(p, "'finally' statement", f->lineno);
    if (!final) return NULL;
  } else if (handlers.n == 0) {
    if (p->invalid) return error_last(p, WF_EXC_SYNTAX, "expected 'except' or 'finally' block");
    return NULL;
  }
  wf_node *n = stmt_node(p, star == 1 ? WF_AST_TryStar : WF_AST_Try, start);
  n->v.Try.body = body;
  n->v.Try.handlers = wf_vec_seq(p, &handlers);
  n->v.Try.orelse = orelse;
  n->v.Try.finalbody = final;
  return n;
}

static wf_seq *decorators(parser *p) {
  VEC(decs);
  while (accept(p, T_AT)) {
    wf_node *e = wf_p_named_expression(p);
    if (!e || !accept(p, T_NEWLINE)) return NULL;
    wf_vec_push(&decs, e);
  }
  return wf_vec_seq(p, &decs);
}

static wf_node *funcdef(parser *p, wf_seq *decs) {
  int start = p->pos;
  int is_async = accept(p, T_K_async) != NULL;
  wf_token *kw = accept(p, T_K_def);
  if (!kw) return NULL;
  wf_token *name = accept(p, T_NAME);
  if (!name) return NULL;
  if (!accept(p, T_LPAR)) return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "expected '('");
  wf_node *args = wf_p_arguments_node(p, 0);
  if (!args || !accept(p, T_RPAR)) return NULL;
  wf_node *returns = NULL;
  if (accept(p, T_RARROW)) {
    returns = wf_p_expression(p);
    if (!returns) return NULL;
  }
  if (!expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, "function definition", kw->lineno);
  if (!body) return NULL;
  wf_node *n = stmt_node(p, is_async ? WF_AST_AsyncFunctionDef : WF_AST_FunctionDef, start);
  n->v.FunctionDef.name = wf_p_ident(p, name);
  n->v.FunctionDef.args = args;
  n->v.FunctionDef.body = body;
  n->v.FunctionDef.decorator_list = decs;
  n->v.FunctionDef.returns = returns;
  return n;
}

static wf_node *classdef(parser *p, wf_seq *decs) {
  int start = p->pos;
  wf_token *kw = accept(p, T_K_class);
  wf_token *name = accept(p, T_NAME);
  if (!name) return NULL;
  wf_seq *bases = NULL, *kws = NULL;
  if (accept(p, T_LPAR)) {
    if (wf_p_call_args(p, &bases, &kws) < 0 || !accept(p, T_RPAR)) return NULL;
  } else {
    bases = wf_seq_empty(p);
    kws = wf_seq_empty(p);
  }
  if (!expect_colon(p)) return NULL;
  wf_seq *body = wf_p_block(p, "class definition", kw->lineno);
  if (!body) return NULL;
  wf_node *n = stmt_node(p, WF_AST_ClassDef, start);
  n->v.ClassDef.name = wf_p_ident(p, name);
  n->v.ClassDef.bases = bases;
  n->v.ClassDef.keywords = kws;
  n->v.ClassDef.body = body;
  n->v.ClassDef.decorator_list = decs;
  return n;
}

static wf_node *compound_stmt(parser *p) {
  wf_token *t = peek(p);
  switch (t->type) {
    case T_AT: {
      wf_seq *decs = decorators(p);
      if (!decs) return NULL;
      if (at(p, T_K_class)) return classdef(p, decs);
      return funcdef(p, decs);
    }
    case T_K_def:
      return funcdef(p, wf_seq_empty(p));
    case T_K_class:
      return classdef(p, wf_seq_empty(p));
    case T_K_if:
      return if_stmt(p);
    case T_K_while:
      return while_stmt(p);
    case T_K_for:
      return for_stmt(p);
    case T_K_with:
      return with_stmt(p);
    case T_K_try:
      return try_stmt(p);
    case T_K_async: {
      int n = peek2(p)->type;
      if (n == T_K_def) return funcdef(p, wf_seq_empty(p));
      if (n == T_K_for) return for_stmt(p);
      if (n == T_K_with) return with_stmt(p);
      return NULL;
    }
  }
  return NULL;
}

static int is_compound_start(parser *p) {
  switch (peek(p)->type) {
    case T_AT:
    case T_K_def:
    case T_K_class:
    case T_K_if:
    case T_K_while:
    case T_K_for:
    case T_K_with:
    case T_K_try:
      return 1;
    case T_K_async: {
      int n = peek2(p)->type;
      return n == T_K_def || n == T_K_for || n == T_K_with;
    }
  }
  return 0;
}

/* ---- simple statements ---- */

static const char *dotted_name(parser *p) {
  wf_token *t = accept(p, T_NAME);
  if (!t) return NULL;
  if (!at(p, T_DOT)) return wf_p_ident(p, t);
  wf_buf b = {0};
  wf_buf_puts(&b, wf_p_ident(p, t));
  while (at(p, T_DOT) && peek2(p)->type == T_NAME) {
    p->pos++;
    wf_token *n = accept(p, T_NAME);
    wf_buf_put(&b, ".", 1);
    wf_buf_puts(&b, wf_p_ident(p, n));
  }
  char *r = wf_arena_strndup(p->arena, b.data, b.len);
  free(b.data);
  return r;
}

static wf_node *alias(parser *p, int dotted) {
  int start = p->pos;
  const char *name;
  if (dotted)
    name = dotted_name(p);
  else {
    wf_token *t = accept(p, T_NAME);
    name = t ? wf_p_ident(p, t) : NULL;
  }
  if (!name) return NULL;
  const char *as = NULL;
  if (accept(p, T_K_as)) {
    wf_token *t = accept(p, T_NAME);
    if (!t) return NULL;
    as = wf_p_ident(p, t);
  }
  wf_node *n = wf_p_node(p, WF_AST_alias, start);
  n->v.alias.name = name;
  n->v.alias.asname = as;
  return n;
}

static wf_node *import_stmt(parser *p) {
  int start = p->pos;
  VEC(names);
  if (accept(p, T_K_import)) {
    do {
      wf_node *a = alias(p, 1);
      if (!a) return NULL;
      wf_vec_push(&names, a);
    } while (accept(p, T_COMMA));
    wf_node *n = stmt_node(p, WF_AST_Import, start);
    n->v.Import.names = wf_vec_seq(p, &names);
    return n;
  }
  accept(p, T_K_from);
  int level = 0;
  for (;;) {
    if (accept(p, T_DOT))
      level++;
    else if (accept(p, T_ELLIPSIS))
      level += 3;
    else
      break;
  }
  const char *module = NULL;
  if (!at(p, T_K_import) || level == 0) {
    module = dotted_name(p);
    if (!module) return NULL;
  }
  if (!accept(p, T_K_import)) return NULL;
  if (at(p, T_STAR)) {
    int s = p->pos;
    p->pos++;
    wf_node *a = wf_p_node(p, WF_AST_alias, s);
    a->v.alias.name = "*";
    wf_vec_push(&names, a);
  } else {
    int paren = accept(p, T_LPAR) != NULL;
    for (;;) {
      wf_node *a = alias(p, 0);
      if (!a) return NULL;
      wf_vec_push(&names, a);
      if (!accept(p, T_COMMA)) break;
      if (paren && at(p, T_RPAR)) break;
      if (!paren && !at(p, T_NAME)) {
        if (p->invalid)
          return error_last(p, WF_EXC_SYNTAX, "trailing comma not allowed without surrounding parentheses");
        return NULL;
      }
    }
    if (paren && !accept(p, T_RPAR)) return NULL;
  }
  wf_node *n = stmt_node(p, WF_AST_ImportFrom, start);
  n->v.ImportFrom.module = module;
  n->v.ImportFrom.names = wf_vec_seq(p, &names);
  n->v.ImportFrom.level = level;
  return n;
}

static int augassign_op(int type) {
  switch (type) {
    case T_PLUSEQUAL:
      return WF_AST_Add;
    case T_MINEQUAL:
      return WF_AST_Sub;
    case T_STAREQUAL:
      return WF_AST_Mult;
    case T_ATEQUAL:
      return WF_AST_MatMult;
    case T_SLASHEQUAL:
      return WF_AST_Div;
    case T_PERCENTEQUAL:
      return WF_AST_Mod;
    case T_AMPEREQUAL:
      return WF_AST_BitAnd;
    case T_VBAREQUAL:
      return WF_AST_BitOr;
    case T_CIRCUMFLEXEQUAL:
      return WF_AST_BitXor;
    case T_LEFTSHIFTEQUAL:
      return WF_AST_LShift;
    case T_RIGHTSHIFTEQUAL:
      return WF_AST_RShift;
    case T_DOUBLESTAREQUAL:
      return WF_AST_Pow;
    case T_DOUBLESLASHEQUAL:
      return WF_AST_FloorDiv;
  }
  return 0;
}

static wf_node *rhs(parser *p) {
  if (at(p, T_K_yield)) return wf_p_yield_expr(p);
  return wf_p_star_expressions(p);
}

static void *invalid_assign_target(parser *p, wf_node *e, int aug) {
  if (aug)
    return wf_p_error_node(p, WF_EXC_SYNTAX, e, "'%s' is an illegal expression for augmented assignment",
                           wf_p_expr_name(e));
  if (e->kind == WF_AST_Yield || e->kind == WF_AST_YieldFrom)
    return wf_p_error_node(p, WF_EXC_SYNTAX, e, "assignment to yield expression not possible");
  wf_node *bad = wf_p_invalid_target(e, WF_AST_Store);
  if (!bad) return error_last(p, WF_EXC_SYNTAX, "invalid syntax");
  return wf_p_error_node(p, WF_EXC_SYNTAX, bad, "cannot assign to %s", wf_p_expr_name(bad));
}

/* Second pass, a statement that is not a valid assignment: python3.11 first
 * tries star_named_expression at the statement start (invalid_named_expression
 * may fire there), then the invalid_assignment messages. */
static void *invalid_assignment(parser *p, int start, wf_node *cur, int aug) {
  int save = p->pos;
  p->pos = start;
  if (wf_p_star_named_expression(p)) {
    while (!failed(p) && accept(p, T_COMMA)) {
      if (!wf_p_star_named_expression(p)) break;
    }
  }
  if (failed(p)) return NULL;
  p->pos = save;
  return invalid_assign_target(p, cur, aug);
}

static wf_node *expr_stmt(parser *p) {
  int start = p->pos;
  wf_node *e = rhs(p);
  if (!e) return NULL;
  int t = peek(p)->type;
  if (t == T_COLON) {
    int simple;
    if (e->kind == WF_AST_Name)
      simple = p->tok[start].type == T_NAME;
    else if (e->kind == WF_AST_Attribute || e->kind == WF_AST_Subscript)
      simple = 0;
    else {
      if (p->invalid) {
        if (e->kind == WF_AST_Tuple)
          return wf_p_error_node(p, WF_EXC_SYNTAX, e, "only single target (not tuple) can be annotated");
        if (e->kind == WF_AST_List)
          return wf_p_error_node(p, WF_EXC_SYNTAX, e, "only single target (not list) can be annotated");
        return wf_p_error_node(p, WF_EXC_SYNTAX, e, "illegal target for annotation");
      }
      return NULL;
    }
    p->pos++;
    wf_node *ann = wf_p_expression(p);
    if (!ann) return NULL;
    wf_node *value = NULL;
    if (accept(p, T_EQUAL)) {
      value = rhs(p);
      if (!value) return NULL;
    }
    wf_p_set_ctx(p, e, WF_AST_Store);
    wf_node *n = stmt_node(p, WF_AST_AnnAssign, start);
    n->v.AnnAssign.target = e;
    n->v.AnnAssign.annotation = ann;
    n->v.AnnAssign.value = value;
    n->v.AnnAssign.simple = simple;
    return n;
  }
  if (t == T_EQUAL) {
    VEC(targets);
    wf_node *cur = e;
    while (accept(p, T_EQUAL)) {
      if (cur->kind == WF_AST_Yield || cur->kind == WF_AST_YieldFrom || !wf_p_set_ctx(p, cur, WF_AST_Store)) {
        if (p->invalid) return invalid_assignment(p, start, cur, 0);
        return NULL;
      }
      wf_vec_push(&targets, cur);
      cur = rhs(p);
      if (!cur) return NULL;
    }
    wf_node *n = stmt_node(p, WF_AST_Assign, start);
    n->v.Assign.targets = wf_vec_seq(p, &targets);
    n->v.Assign.value = cur;
    return n;
  }
  int op = augassign_op(t);
  if (op) {
    if (!(e->kind == WF_AST_Name || e->kind == WF_AST_Attribute || e->kind == WF_AST_Subscript)) {
      if (p->invalid) return invalid_assignment(p, start, e, 1);
      return NULL;
    }
    p->pos++;
    wf_node *v = rhs(p);
    if (!v) return NULL;
    wf_p_set_ctx(p, e, WF_AST_Store);
    wf_node *n = stmt_node(p, WF_AST_AugAssign, start);
    n->v.AugAssign.target = e;
    n->v.AugAssign.op = op;
    n->v.AugAssign.value = v;
    return n;
  }
  wf_node *n = stmt_node(p, WF_AST_Expr, start);
  n->v.Expr.value = e;
  return n;
}

static wf_seq *names_list(parser *p) {
  VEC(names);
  do {
    wf_token *t = accept(p, T_NAME);
    if (!t) return NULL;
    wf_vec_push(&names, (void *)wf_p_ident(p, t));
  } while (accept(p, T_COMMA));
  return wf_vec_seq(p, &names);
}

static wf_node *del_target_list(parser *p, wf_seq **out) {
  VEC(targets);
  int save = p->pos;
  for (;;) {
    int s = p->pos;
    wf_node *e = wf_p_primary(p);
    if (!e) break;
    if (!wf_p_set_ctx(p, e, WF_AST_Del)) {
      p->pos = s;
      break;
    }
    wf_vec_push(&targets, e);
    if (!accept(p, T_COMMA)) break;
    if (at(p, T_SEMI) || at(p, T_NEWLINE)) break;
  }
  if (failed(p) || targets.n == 0 || !(at(p, T_SEMI) || at(p, T_NEWLINE))) {
    if (p->invalid && !failed(p)) {
      p->pos = save;
      wf_node *e = wf_p_star_expressions(p);
      if (e) {
        wf_node *bad = wf_p_invalid_target(e, WF_AST_Del);
        if (bad) return wf_p_error_node(p, WF_EXC_SYNTAX, bad, "cannot delete %s", wf_p_expr_name(bad));
      }
    }
    return NULL;
  }
  *out = wf_vec_seq(p, &targets);
  return (wf_node *)*out;
}

static wf_node *simple_stmt(parser *p) {
  int start = p->pos;
  wf_token *t = peek(p);
  wf_node *n;
  switch (t->type) {
    case T_K_pass:
      p->pos++;
      return stmt_node(p, WF_AST_Pass, start);
    case T_K_break:
      p->pos++;
      return stmt_node(p, WF_AST_Break, start);
    case T_K_continue:
      p->pos++;
      return stmt_node(p, WF_AST_Continue, start);
    case T_K_return: {
      p->pos++;
      wf_node *v = NULL;
      if (!at(p, T_NEWLINE) && !at(p, T_SEMI)) {
        v = wf_p_star_expressions(p);
        if (!v) return NULL;
      }
      n = stmt_node(p, WF_AST_Return, start);
      n->v.Return.value = v;
      return n;
    }
    case T_K_raise: {
      p->pos++;
      wf_node *exc = NULL, *cause = NULL;
      if (!at(p, T_NEWLINE) && !at(p, T_SEMI)) {
        exc = wf_p_expression(p);
        if (!exc) return NULL;
        if (accept(p, T_K_from)) {
          cause = wf_p_expression(p);
          if (!cause) return NULL;
        }
      }
      n = stmt_node(p, WF_AST_Raise, start);
      n->v.Raise.exc = exc;
      n->v.Raise.cause = cause;
      return n;
    }
    case T_K_global:
    case T_K_nonlocal: {
      p->pos++;
      wf_seq *names = names_list(p);
      if (!names) return NULL;
      n = stmt_node(p, t->type == T_K_global ? WF_AST_Global : WF_AST_Nonlocal, start);
      n->v.Global.names = names;
      return n;
    }
    case T_K_del: {
      p->pos++;
      wf_seq *targets;
      if (!del_target_list(p, &targets)) return NULL;
      n = stmt_node(p, WF_AST_Delete, start);
      n->v.Delete.targets = targets;
      return n;
    }
    case T_K_assert: {
      p->pos++;
      wf_node *test = wf_p_expression(p), *msg = NULL;
      if (!test) return NULL;
      if (accept(p, T_COMMA)) {
        msg = wf_p_expression(p);
        if (!msg) return NULL;
      }
      n = stmt_node(p, WF_AST_Assert, start);
      n->v.Assert.test = test;
      n->v.Assert.msg = msg;
      return n;
    }
    case T_K_import:
    case T_K_from:
      return import_stmt(p);
  }
  return expr_stmt(p);
}

static int simple_stmts(parser *p, vec *out) {
  for (;;) {
    wf_node *s = simple_stmt(p);
    if (!s) return -1;
    wf_vec_push(out, s);
    if (accept(p, T_NEWLINE)) return 0;
    if (!accept(p, T_SEMI)) return -1;
    if (accept(p, T_NEWLINE)) return 0;
  }
}

static int statement(parser *p, vec *out) {
  if (is_compound_start(p)) {
    wf_node *s = compound_stmt(p);
    if (!s) return -1;
    wf_vec_push(out, s);
    return 0;
  }
  if (wf_tok_is_name(peek(p), "match")) {
    int save = p->pos;
    wf_node *s = wf_p_match_stmt(p);
    if (s) {
      wf_vec_push(out, s);
      return 0;
    }
    if (failed(p)) return -1;
    p->pos = save;
  }
  return simple_stmts(p, out);
}

/* file: [statements] ENDMARKER */
wf_node *wf_p_file(parser *p) {
  VEC(body);
  while (!at(p, T_ENDMARKER)) {
    if (statement(p, &body) < 0) return NULL;
  }
  wf_node *m = wf_arena_alloc(p->arena, sizeof(wf_node));
  m->kind = WF_AST_Module;
  m->v.Module.body = wf_vec_seq(p, &body);
  m->v.Module.type_ignores = wf_seq_empty(p);
  return m;
}

/* eval: expressions NEWLINE* ENDMARKER */
wf_node *wf_p_eval_file(parser *p) {
  wf_node *e = wf_p_star_expressions(p);
  if (!e) return NULL;
  while (accept(p, T_NEWLINE))
    ;
  if (!at(p, T_ENDMARKER)) return NULL;
  wf_node *m = wf_arena_alloc(p->arena, sizeof(wf_node));
  m->kind = WF_AST_Expression;
  m->v.Expression.body = e;
  return m;
}

/* interactive: statements ENDMARKER (an Interactive node) */
wf_node *wf_p_interactive_file(parser *p) {
  VEC(body);
  while (!at(p, T_ENDMARKER)) {
    if (accept(p, T_NEWLINE)) continue;
    if (statement(p, &body) < 0) return NULL;
  }
  wf_node *m = wf_arena_alloc(p->arena, sizeof(wf_node));
  m->kind = WF_AST_Interactive;
  m->v.Interactive.body = wf_vec_seq(p, &body);
  return m;
}

/* fstring: star_expressions (over the "(expr)" text of one replacement field) */
wf_node *wf_p_fstring_rule(parser *p) {
  wf_node *e = wf_p_star_expressions(p);
  if (!e) return NULL;
  while (accept(p, T_NEWLINE))
    ;
  if (!at(p, T_ENDMARKER)) return NULL;
  return e;
}
