/* The interactive prompt (`weft` with a terminal on stdin).
 *
 * Reads a statement a line at a time (">>> " then "... " on stderr, as
 * python3.11 does), compiles it in 'single' mode, runs it in __main__ and
 * prints any exception.  A statement is complete when it compiles, or, for a
 * compound statement or an unclosed bracket, at the first empty line. */
#include "repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "interp.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "str.h"

/* Errors that mean "the statement goes on": more lines are needed. */
static bool needs_more_input(PyObject *exc) {
  if (!wf_object_type_check(exc, &wf_SyntaxError_type)) return false;
  PyObject *msg = wf_object_str(exc);
  if (!msg) {
    wf_err_clear();
    return false;
  }
  Py_ssize_t n;
  const char *s = wf_str_as_utf8(msg, &n);
  return s && (strstr(s, "unexpected EOF") || strstr(s, "was never closed") || strstr(s, "expected an indented block") ||
               strstr(s, "incomplete input") || strstr(s, "unterminated triple-quoted"));
}

static char *read_line(const char *prompt) {
  wf_sys_flush_std();
  fputs(prompt, stderr);
  fflush(stderr);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  WF_NATIVE_REGION { n = getline(&line, &cap, stdin); }
  if (n < 0) {
    free(line);
    return NULL;
  }
  return line;
}

/* Compile the buffer: a code object, NULL with *more set when incomplete,
 * or NULL with the exception printed. */
static PyObject *compile_chunk(const char *src, size_t len, PyObject *filename, bool final, bool *more) {
  *more = false;
  PyObject *code = wf_compile_source(src, len, filename, WF_COMPILE_SINGLE);
  if (code) return code;
  PyObject *exc = wf_err_fetch();
  WF_GC_ROOT(exc);
  if (!final && needs_more_input(exc)) {
    *more = true;
    return NULL;
  }
  wf_exception_print(exc);
  return NULL;
}

int wf_run_interactive(void) {
  if (wf_run_main_string("", "<stdin>") != 0) return 1;
  PyObject *modules = wf_sys_get("modules");
  PyObject *main = modules ? wf_dict_getitem_cstr(modules, "__main__") : NULL;
  if (!main) return 1;
  PyObject *globals = wf_module_get_dict(main);
  PyObject *filename = wf_str_from_cstr("<stdin>");
  WF_GC_ROOT(globals);
  WF_GC_ROOT(filename);
  fprintf(stderr, "Python 3.11.2 (weft) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
  size_t cap = 1024, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    char *line = read_line(len ? "... " : ">>> ");
    if (!line) {
      fputc('\n', stderr);
      break;
    }
    size_t n = strlen(line);
    bool blank = strspn(line, " \t\r\n") == n;
    if (len + n + 1 > cap) buf = realloc(buf, cap = 2 * (len + n + 1));
    memcpy(buf + len, line, n);
    len += n;
    buf[len] = 0;
    free(line);
    /* A statement of several lines (a compound statement, an open bracket)
     * ends at an empty line. */
    bool continued = len > n;
    if (continued && !blank) continue;
    bool more;
    PyObject *code = compile_chunk(buf, len, filename, continued, &more);
    if (more) continue;
    len = 0;
    if (!code) continue;
    PyObject *r = wf_eval_code(code, globals, NULL, NULL);
    if (!r) {
      PyObject *exc = wf_err_fetch();
      if (wf_object_type_check(exc, &wf_SystemExit_type)) {
        wf_err_restore(exc);
        free(buf);
        return wf_run_exit_status();
      }
      wf_exception_print(exc);
    }
  }
  free(buf);
  wf_sys_flush_std();
  return 0;
}
