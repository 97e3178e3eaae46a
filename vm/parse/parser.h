/* Recursive-descent parser internals (shared by parse_*.c).
 *
 * The parser walks the token array with backtracking: a rule saves p->pos,
 * tries an alternative, and on failure restores it.  A rule returns NULL on
 * failure; it sets p->err only for definite errors (which end the parse), never
 * for a failed alternative.  When the whole parse fails without an error, the
 * driver runs a second pass with p->invalid set, in which the rules also try the
 * erroneous forms people write and raise python3.11's specific messages (the
 * "invalid_*" rules of CPython's grammar); if nothing specific is found, the
 * error is "invalid syntax" at the furthest token the first pass looked at.
 *
 * Positions: a node spans from the first token its rule consumed to the last
 * consumed token that is not NEWLINE/INDENT/DEDENT (as CPython's EXTRA). */
#ifndef WF_PARSE_PARSER_H
#define WF_PARSE_PARSER_H

#include "parse_internal.h"

#define WF_MAX_DEPTH 6000 /* rule nesting; beyond it python3.11 raises MemoryError */

typedef struct parser {
  wf_source *src;
  wf_token *tok;
  int ntok, pos, maxpos;
  wf_arena *arena;
  wf_perr *err;
  int depth;
  int invalid;       /* second pass: try the invalid_* forms */
  int fstring_depth; /* nesting of f-string sub-parses */
  int in_fstring;    /* this parser parses an f-string expression */
  /* disjunction memo, per token position (as CPython memoizes it): keeps the
   * second pass and failing alternatives linear.  memo_end[i]: 0 unknown,
   * -1 failed, else end position + 1.  Reset between passes. */
  int *memo_end;
  wf_node **memo_node;
} parser;

/* ---- token access ---- */
void wf_p_eof_in_paren(parser *p, wf_token *t);
/* Looking at the end of input inside brackets is python3.11's "'(' was never
 * closed" at once (its tokenizer raises it when the token is fetched). */
static inline wf_token *peek(parser *p) {
  if (p->pos > p->maxpos) p->maxpos = p->pos;
  wf_token *t = &p->tok[p->pos];
  if (__builtin_expect(t->type == T_EOF_IN_PAREN, 0)) wf_p_eof_in_paren(p, t);
  return t;
}
static inline int at(parser *p, int type) { return peek(p)->type == type; }
static inline wf_token *peek2(parser *p) {
  int i = p->pos + 1 < p->ntok ? p->pos + 1 : p->ntok - 1;
  if (i > p->maxpos) p->maxpos = i;
  wf_token *t = &p->tok[i];
  if (__builtin_expect(t->type == T_EOF_IN_PAREN, 0)) wf_p_eof_in_paren(p, t);
  return t;
}
static inline wf_token *accept(parser *p, int type) {
  wf_token *t = peek(p);
  if (t->type != type) return NULL;
  if (p->pos < p->ntok - 1) p->pos++;
  return t;
}
static inline int failed(parser *p) { return p->err->set; }
int wf_tok_is_name(wf_token *t, const char *s); /* NAME token spelled s (soft keywords) */

/* ---- nodes and lists ---- */
wf_node *wf_p_node(parser *p, int kind, int start); /* span tokens [start, pos) */
wf_node *wf_p_node_at(parser *p, int kind, wf_node *from, wf_node *to);
void wf_p_span_tokens(parser *p, wf_node *n, int start);
const char *wf_p_ident(parser *p, wf_token *t); /* NAME text (NFKC) */
wf_const *wf_p_const(parser *p, int kind);

typedef struct vec {
  void **v;
  int n, cap;
  void *inl[8];
} vec;
void wf_vec_push(vec *a, void *x);
void wf_vec_free(vec *a);
wf_seq *wf_vec_seq(parser *p, vec *a);
wf_seq *wf_seq1(parser *p, void *x);
wf_seq *wf_seq_empty(parser *p);
#define VEC(name) __attribute__((cleanup(wf_vec_free))) vec name = {.v = NULL, .n = 0, .cap = 0}

/* ---- errors ---- */
/* Raise at a token / node range; returns NULL. */
void *wf_p_error_tok(parser *p, int type, wf_token *t, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void *wf_p_error_node(parser *p, int type, const wf_node *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void *wf_p_error_range(parser *p, int type, int l, int c, int el, int ec, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
int wf_p_enter(parser *p);
#define ENTER()                         \
  do {                                  \
    if (wf_p_enter(p) < 0) return NULL; \
  } while (0)
#define LEAVE() (p->depth--)

void *wf_p_error_last(parser *p, int type, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* error at tokens a..b */
void *wf_p_error_toks(parser *p, int type, wf_token *a, wf_token *b, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- rules (parse_expr.c) ---- */
wf_node *wf_p_expression(parser *p);
wf_node *wf_p_named_expression(parser *p);
wf_node *wf_p_star_expressions(parser *p);
wf_node *wf_p_star_named_expression(parser *p);
wf_node *wf_p_yield_expr(parser *p);
wf_node *wf_p_disjunction(parser *p);
wf_node *wf_p_bitwise_or(parser *p);
wf_node *wf_p_primary(parser *p);
wf_node *wf_p_star_targets(parser *p);
wf_node *wf_p_star_target(parser *p);
wf_node *wf_p_arguments_node(parser *p, int is_lambda); /* parameters -> `arguments` */
int wf_p_call_args(parser *p, wf_seq **args, wf_seq **keywords);
wf_node *wf_p_set_ctx(parser *p, wf_node *e, int ctx); /* NULL if not a valid target */
const char *wf_p_expr_name(wf_node *e);                /* "function call", ... */
wf_node *wf_p_invalid_target(wf_node *e, int ctx);     /* first offending subexpr */

/* ---- statements (parser.c) and patterns (parse_match.c) ---- */
wf_seq *wf_p_block(parser *p, const char *what, int what_line);
wf_node *wf_p_match_stmt(parser *p);

/* ---- strings (parse_string.c) ---- */
wf_node *wf_p_strings(parser *p); /* one or more adjacent STRING tokens */
wf_node *wf_p_number(parser *p, wf_token *t);

/* f-string sub-parse: parse `text` as "(text)" with the position shift; */
wf_node *wf_p_fstring_expr(parser *p, const char *text, size_t n, int line, int col);

#endif
