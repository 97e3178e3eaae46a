/* The `weft` command.
 *
 *   weft FILE              parse FILE; on a syntax error print it as python3.11
 *                          does and exit 1; otherwise (for now) exit 2, since
 *                          executing programs is issue 6
 *   weft -X dump-ast FILE  print ast.dump(tree, include_attributes=True)
 *   weft -X parse-bench LIST
 *                          parse every file named in LIST (one path a line) and
 *                          print the total parse time (bench/parse)
 *   weft -X syntax-error FILE
 *                          print the SyntaxError fields on one line
 *                          (type|lineno|offset|end_lineno|end_offset|msg), for tests */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parse/parse.h"

static char *read_file(const char *path, size_t *len) {
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
  char *names = read_file(list, &llen);
  if (!names) return 2;
  names = realloc(names, llen + 1);
  names[llen] = 0;
  double total = 0;
  int nfiles = 0, nerr = 0;
  size_t bytes = 0;
  for (char *line = strtok(names, "\n"); line; line = strtok(NULL, "\n")) {
    size_t len;
    char *data = read_file(line, &len);
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

static int usage(void) {
  fputs("usage: weft [-X dump-ast | -X syntax-error | -X parse-bench] FILE\n", stderr);
  return 2;
}

int main(int argc, char **argv) {
  const char *mode = NULL, *path = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-X") && i + 1 < argc)
      mode = argv[++i];
    else if (!path)
      path = argv[i];
    else
      return usage();
  }
  if (!path) return usage();
  if (mode && !strcmp(mode, "parse-bench")) return parse_bench(path);
  if (mode && strcmp(mode, "dump-ast") && strcmp(mode, "syntax-error")) return usage();
  size_t len;
  char *data = read_file(path, &len);
  if (!data) {
    fprintf(stderr, "weft: can't open file '%s'\n", path);
    return 2;
  }
  wf_arena arena;
  wf_arena_init(&arena);
  wf_syntax_error err;
  wf_node *mod = wf_parse_module(data, len, path, &arena, &err);
  int rc;
  if (!mod) {
    if (mode && !strcmp(mode, "syntax-error"))
      printf("%s|%d|%d|%d|%d|%s\n", wf_exc_type_name(err.type), err.lineno, err.offset, err.end_lineno, err.end_offset,
             err.msg);
    else
      wf_syntax_error_print(&err, stderr);
    wf_syntax_error_clear(&err);
    rc = 1;
  } else if (mode && !strcmp(mode, "dump-ast")) {
    size_t n;
    char *s = wf_ast_dump(mod, &n);
    fwrite(s, 1, n, stdout);
    fputc('\n', stdout);
    free(s);
    rc = 0;
  } else if (mode) {
    puts("OK");
    rc = 0;
  } else {
    fputs("weft: executing programs is not implemented yet (issue 6)\n", stderr);
    rc = 2;
  }
  wf_arena_free(&arena);
  free(data);
  return rc;
}
