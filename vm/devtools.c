/* Developer modes of the `weft` command (-X ...): front-end and compiler
 * tools used by tests and benchmarks.
 *
 *   weft -X dump-ast FILE      ast.dump(tree, include_attributes=True)
 *   weft -X syntax-error FILE  the SyntaxError fields on one line
 *                              (type|lineno|offset|end_lineno|end_offset|msg), or OK
 *   weft -X parse-bench LIST   parse every file named in LIST (one path a line)
 *                              and print the total parse time (bench/parse)
 *   weft -X dis FILE           compile FILE and list its code objects */
#include "devtools.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "code.h"
#include "compile.h"
#include "errors.h"
#include "interp.h"
#include "parse/parse.h"
#include "runtime.h"
#include "str.h"

char *wf_devtools_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (n == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
    size_t k = fread(buf + n, 1, cap - n, f);
    if (k == 0) break;
    n += k;
  }
  fclose(f);
  *len = n;
  return buf;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Parse each listed file (read outside the timed region); print seconds. */
static int parse_bench(const char *list) {
  size_t llen;
  char *names = wf_devtools_read_file(list, &llen);
  if (!names) return 2;
  names = realloc(names, llen + 1);
  names[llen] = 0;
  double total = 0;
  int nfiles = 0, nerr = 0;
  size_t bytes = 0;
  for (char *line = strtok(names, "\n"); line; line = strtok(NULL, "\n")) {
    size_t len;
    char *data = wf_devtools_read_file(line, &len);
    if (!data) continue;
    wf_arena arena;
    wf_arena_init(&arena);
    wf_syntax_error err;
    double t0 = now();
    wf_node *mod = wf_parse_module(data, len, line, &arena, &err);
    total += now() - t0;
    if (!mod) {
      nerr++;
      wf_syntax_error_clear(&err);
    }
    wf_arena_free(&arena);
    free(data);
    nfiles++;
    bytes += len;
  }
  free(names);
  printf("%d files, %zu bytes, %d rejected, %.3f s\n", nfiles, bytes, nerr, total);
  return 0;
}


static int dump_or_check(const char *mode, const char *path) {
  size_t len;
  char *data = wf_devtools_read_file(path, &len);
  if (!data) {
    fprintf(stderr, "weft: can't open file '%s'\n", path);
    return 2;
  }
  wf_arena arena;
  wf_arena_init(&arena);
  wf_syntax_error err;
  wf_node *mod = wf_parse_module(data, len, path, &arena, &err);
  int rc = 0;
  if (!mod) {
    if (!strcmp(mode, "syntax-error"))
      printf("%s|%d|%d|%d|%d|%s\n", wf_exc_type_name(err.type), err.lineno, err.offset, err.end_lineno, err.end_offset,
             err.msg);
    else
      wf_syntax_error_print(&err, stderr);
    wf_syntax_error_clear(&err);
    rc = 1;
  } else if (!strcmp(mode, "dump-ast")) {
    size_t n;
    char *s = wf_ast_dump(mod, &n);
    fwrite(s, 1, n, stdout);
    fputc('\n', stdout);
    free(s);
  } else {
    puts("OK");
  }
  wf_arena_free(&arena);
  free(data);
  return rc;
}

/* Compile FILE and print the disassembly of its code objects. */
static int dis(const char *path) {
  size_t len;
  char *data = wf_devtools_read_file(path, &len);
  if (!data) {
    fprintf(stderr, "weft: can't open file '%s'\n", path);
    return 2;
  }
  wf_runtime_init();
  wf_interp_init();
  PyObject *filename = wf_str_from_cstr(path);
  WF_GC_ROOT(filename);
  PyObject *code = wf_compile_source(data, len, filename, WF_COMPILE_EXEC);
  free(data);
  if (!code) {
    wf_exception_print(wf_err_current());
    return 1;
  }
  PyObject *text = wf_code_disassemble((wf_code *)code);
  if (!text) {
    wf_exception_print(wf_err_current());
    return 1;
  }
  Py_ssize_t n;
  const char *utf8 = wf_str_as_utf8(text, &n);
  if (!utf8) {
    wf_exception_print(wf_err_current());
    return 1;
  }
  fwrite(utf8, 1, (size_t)n, stdout);
  return 0;
}

int wf_devtools_main(const char *mode, const char *path) {
  if (!strcmp(mode, "parse-bench")) return parse_bench(path);
  if (!strcmp(mode, "dump-ast") || !strcmp(mode, "syntax-error")) return dump_or_check(mode, path);
  if (!strcmp(mode, "dis")) return dis(path);
  fprintf(stderr, "weft: unknown -X mode '%s' (dump-ast, syntax-error, parse-bench, dis)\n", mode);
  return 2;
}
