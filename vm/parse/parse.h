/* The Weft front end: Python 3.11 source text -> AST (see README.md).
 *
 * wf_parse_module decodes the source (BOM, PEP 263 cookie), tokenizes it and
 * parses the whole file into an AST in `arena`.  On a syntax error it returns
 * NULL and fills *err the way python3.11 fills a SyntaxError: type
 * (SyntaxError, IndentationError or TabError), msg, 1-based line, 1-based
 * character offset, end position, and the source line.  Thread-safe: all
 * state lives in the arena and the call's locals. */
#ifndef WF_PARSE_H
#define WF_PARSE_H

#include <stddef.h>
#include <stdio.h>

#include "arena.h"
#include "ast.h"

typedef enum wf_exc_type {
  WF_EXC_SYNTAX,
  WF_EXC_INDENTATION,
  WF_EXC_TAB,
  WF_EXC_RECURSION, /* RecursionError (deep nesting beyond the parser's limit) */
  WF_EXC_MEMORY,    /* MemoryError */
} wf_exc_type;

typedef struct wf_syntax_error {
  wf_exc_type type;
  char *msg;      /* malloc'd */
  char *filename; /* malloc'd */
  int lineno;     /* 0 if unknown */
  int offset;     /* 1-based character offset, 0 if unknown */
  int end_lineno;
  int end_offset;
  char *text; /* malloc'd source line (ends with \n) or NULL */
} wf_syntax_error;

/* Parse a module (mode 'exec').  Returns the Module node, or NULL with *err set. */
wf_node *wf_parse_module(const char *data, size_t len, const char *filename, wf_arena *arena, wf_syntax_error *err);

/* Parse 'eval' input (an Expression node: expressions NEWLINE* ENDMARKER) and
 * 'single' input (an Interactive node holding the statements). */
wf_node *wf_parse_expression(const char *data, size_t len, const char *filename, wf_arena *arena, wf_syntax_error *err);
wf_node *wf_parse_interactive(const char *data, size_t len, const char *filename, wf_arena *arena,
                              wf_syntax_error *err);

/* "SyntaxError", "IndentationError", ... */
const char *wf_exc_type_name(wf_exc_type t);
/* Print as python3.11 prints an uncaught SyntaxError (File line, source line,
 * carets, "SyntaxError: msg"). */
void wf_syntax_error_print(const wf_syntax_error *e, FILE *f);
void wf_syntax_error_clear(wf_syntax_error *e);

#endif
