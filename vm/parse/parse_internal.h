/* Front-end internals shared by the tokenizer, parser, string decoder and dumper.
 * Not for use outside vm/parse (the public interface is parse.h). */
#ifndef WF_PARSE_INTERNAL_H
#define WF_PARSE_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "parse.h"

/* ---- growable byte buffer (malloc'd) ---- */
typedef struct wf_buf {
  char *data;
  size_t len, cap;
} wf_buf;
void wf_buf_grow(wf_buf *b, size_t extra);
void wf_buf_put(wf_buf *b, const char *s, size_t n);
void wf_buf_puts(wf_buf *b, const char *s);
void wf_buf_put_utf8(wf_buf *b, uint32_t c); /* one code point, UTF-8 encoded */
void wf_buf_printf(wf_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

size_t wf_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int wf_parse_isprintable(uint32_t cp);
void wf_parse_float_repr(wf_buf *b, double x, int add_dot0);

/* ---- tokens ---- */
#define WF_TOKENS(X)                                                                                                   \
  X(ENDMARKER, "")                                                                                                     \
  X(NAME, "") X(NUMBER, "") X(STRING, "") X(NEWLINE, "") X(INDENT, "") X(DEDENT, "") X(LPAR, "(") X(RPAR, ")") X(      \
      LSQB, "[") X(RSQB, "]") X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")         \
      X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%")  \
          X(LBRACE, "{") X(RBRACE, "}") X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") X(GREATEREQUAL, ">=")    \
              X(TILDE, "~") X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")              \
                  X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=")    \
                      X(AMPEREQUAL, "&=") X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")         \
                          X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") X(DOUBLESLASH, "//")                     \
                              X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=") X(RARROW, "->")                   \
                                  X(ELLIPSIS, "...") X(COLONEQUAL, ":=") X(EXCLAMATION, "!") X(ERRORTOKEN, "")         \
                                      X(EOF_IN_PAREN, "") X(K_False, "False") X(K_None, "None") X(K_True, "True")      \
                                          X(K_and, "and") X(K_as, "as") X(K_assert, "assert") X(K_async, "async")      \
                                              X(K_await, "await") X(K_break, "break") X(K_class, "class")              \
                                                  X(K_continue, "continue") X(K_def, "def") X(K_del, "del")            \
                                                      X(K_elif, "elif") X(K_else, "else") X(K_except, "except")        \
                                                          X(K_finally, "finally") X(K_for, "for") X(K_from, "from") X( \
                                                              K_global, "global") X(K_if, "if") X(K_import, "import")  \
                                                              X(K_in, "in") X(K_is, "is") X(K_lambda, "lambda")        \
                                                                  X(K_nonlocal, "nonlocal") X(K_not, "not")            \
                                                                      X(K_or, "or") X(K_pass, "pass")                  \
                                                                          X(K_raise, "raise") X(K_return, "return")    \
                                                                              X(K_try, "try") X(K_while, "while")      \
                                                                                  X(K_with, "with")                    \
                                                                                      X(K_yield, "yield")

enum {
#define X(n, s) T_##n,
  WF_TOKENS(X)
#undef X
      T_COUNT_
};
#define T_FIRST_KEYWORD T_K_False
extern const char *const wf_token_text[T_COUNT_];

typedef struct wf_token {
  int type;
  int level;                            /* bracket depth after this token */
  int lineno, col, end_lineno, end_col; /* col: 0-based byte offset in its line */
  const char *s;                        /* text in the prepared source */
  int n;
} wf_token;

/* The prepared source: UTF-8, newlines normalised to \n, ending with \n. */
typedef struct wf_source {
  const char *filename;
  const char *text;
  size_t len;
  const char **lines; /* lines[i] = start of line i+1 */
  int nlines;
  int line_shift; /* f-string sub-parse: added to every line number */
  int col_shift;  /* f-string sub-parse: added to columns on the first line */
} wf_source;

typedef struct wf_tokens {
  wf_token *v;
  int n, cap;
} wf_tokens;

/* An error column given as python3.11's final 1-based offset (no conversion). */
#define WF_RAW_OFFSET(n) (-1000000 + (n))

/* The error being built, in source terms (byte columns); turned into a
 * wf_syntax_error by wf_parse_error_finish. */
typedef struct wf_perr {
  int set;
  int type;                             /* WF_EXC_* */
  int lineno, col, end_lineno, end_col; /* col < 0: unknown */
  char msg[512];
  int from_tokenizer;
} wf_perr;

int wf_tokenize(wf_source *src, wf_arena *arena, wf_tokens *out, wf_perr *err);
void wf_perr_set(wf_perr *e, int type, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#endif
