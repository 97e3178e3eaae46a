/* The `weft` command: python3.11's command line for running programs.
 *
 *   weft FILE [ARG...]     run FILE as __main__
 *   weft -c CODE [ARG...]  run CODE
 *   weft [-]               run the program read from stdin; an interactive
 *                          prompt when stdin is a terminal
 *   weft -X MODE FILE      developer tools (vm/devtools.c)
 *   weft --version         "Python 3.11.x (weft)"
 * Options before the program: -u (unbuffered std streams), -E, -s, -S, -B
 * (accepted; Weft reads no PYTHON* variables besides PYTHONHASHSEED).
 * sys.argv is the program and its arguments, as python3.11 sets it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "devtools.h"
#include "repl.h"
#include "interp.h"
#include "modules.h"
#include "runtime.h"

static int usage(void) {
  fputs("usage: weft [option] ... [-c cmd | file | -] [arg] ...\n"
        "  -c cmd : program passed in as string\n"
        "  file   : program read from script file\n"
        "  -      : program read from stdin (default; interactive mode if a tty)\n"
        "  -X dump-ast|syntax-error|dis FILE, -X parse-bench LIST : developer tools\n",
        stderr);
  return 2;
}

/* Read all of stdin (the program when it is not a terminal). */
static char *read_stdin(void) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  size_t k;
  while ((k = fread(buf + n, 1, cap - n, stdin)) > 0) {
    n += k;
    if (n == cap) buf = realloc(buf, (cap *= 2) + 1);
  }
  buf[n] = 0;
  return buf;
}

static void start(int argc, char **argv) {
  wf_runtime_init();
  wf_interp_init();
  wf_modules_init(argc, argv);
}

int main(int argc, char **argv) {
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-X")) {
      if (i + 2 >= argc) return usage();
      return wf_devtools_main(argv[i + 1], argv[i + 2]);
    }
    if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
      puts("Python 3.11.2 (weft)");
      return 0;
    }
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage();
      return 0;
    }
    if (!strcmp(a, "-c")) {
      if (i + 1 >= argc) {
        fputs("Argument expected for the -c option\n", stderr);
        return usage();
      }
      const char *code = argv[i + 1];
      /* sys.argv = ['-c', args...] */
      argv[i + 1] = "-c";
      start(argc - i - 1, argv + i + 1);
      int rc = wf_run_main_string(code, "<string>");
      return rc;
    }
    if (!strcmp(a, "-m")) {
      fputs("weft: -m needs the standard import system (not implemented yet)\n", stderr);
      return 2;
    }
    if (!strcmp(a, "-u")) setenv("PYTHONUNBUFFERED", "1", 1);
    if (strcmp(a, "-u") && strcmp(a, "-E") && strcmp(a, "-s") && strcmp(a, "-S") && strcmp(a, "-B") &&
        strcmp(a, "-I")) {
      fprintf(stderr, "Unknown option: %s\n", a);
      return usage();
    }
  }
  if (i < argc && strcmp(argv[i], "-")) {
    start(argc - i, argv + i);
    return wf_run_main_file(argv[i]);
  }
  /* stdin: sys.argv = [''] or ['-', args...] */
  char *empty = "";
  if (i >= argc) {
    start(1, &empty);
  } else {
    start(argc - i, argv + i);
  }
  if (isatty(0)) return wf_run_interactive();
  char *src = read_stdin();
  int rc = wf_run_main_string(src, "<stdin>");
  free(src);
  return rc;
}
