/* The compiler: AST (vm/parse) -> code objects (vm/objects/code.h).
 * symtable.c builds the scopes (locals, cells, free variables, globals,
 * class and comprehension scopes, as CPython 3.11's symtable); compile*.c
 * emits the instructions of opcodes.def with the exception table. */
#ifndef WF_COMPILE_COMPILE_H
#define WF_COMPILE_COMPILE_H

#include <stddef.h>

#include "ast.h"
#include "object.h"

typedef enum wf_compile_mode {
  WF_COMPILE_EXEC,   /* a module / exec(): returns None */
  WF_COMPILE_EVAL,   /* one expression: returns its value */
  WF_COMPILE_SINGLE, /* interactive: expression statements call PRINT_EXPR */
} wf_compile_mode;

/* Compile a parsed tree (Module for EXEC/SINGLE, Expression for EVAL).
 * Returns a code object, or NULL with SyntaxError set (compile-time errors:
 * 'return' outside function, nonlocal errors, ... with python3.11's
 * messages, filename, line and offset). */
PyObject *wf_compile_ast(wf_node *tree, PyObject *filename, wf_compile_mode mode);

/* Parse and compile source text (bytes, as the file holds them): the
 * `compile()` builtin, exec/eval of strings, the main script, imports.
 * A syntax error becomes a SyntaxError/IndentationError/TabError instance
 * with msg, filename, lineno, offset, text, end_lineno, end_offset set. */
PyObject *wf_compile_source(const char *src, size_t len, PyObject *filename, wf_compile_mode mode);

#endif
