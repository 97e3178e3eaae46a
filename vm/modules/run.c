/* Start-up of the module system and running the main program as __main__
 * (python3.11's behaviour for `python FILE`, `python -c CODE` and a
 * program on stdin: sys.path[0], the __main__ module's attributes, the
 * exit status of an uncaught exception or SystemExit, the final flush). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "interp.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "str.h"
#include "sys_internal.h"
#include "thread.h"

static void fatal(const char *what) {
  PyObject *exc = wf_err_fetch();
  fprintf(stderr, "weft: fatal error during start-up: %s\n", what);
  if (exc) wf_exception_print(exc);
  exit(1);
}

static PyObject *decode_path(const char *p) {
  return wf_str_decode(p, (Py_ssize_t)strlen(p), "utf-8", "surrogateescape");
}

void wf_modules_init(int argc, char **argv) {
  if (wf_builtins_module()) return;
  /* As CPython: a write to a closed pipe raises BrokenPipeError rather than
   * killing the process. */
  signal(SIGPIPE, SIG_IGN);
  wf_sys_progname = program_invocation_name;
  wf_import_init();
  if (wf_sys_create(argc, argv) < 0) fatal("cannot create the sys module");
  wf_sys_progname = program_invocation_name;
  PyObject *b = wf_builtins_init();
  if (!b) fatal("cannot create the builtins module");
  wf_sys_set_builtins(b);
  if (wf_dict_setitem_cstr(wf_sys_modules_dict(), "builtins", b) < 0) fatal("sys.modules");
  /* sys.path: the script's directory (absolute, symlinks resolved) or ''
   * for -c, stdin and the REPL; then the stdlib directory of python3.11 for
   * simple pure-Python modules. */
  PyObject *path = wf_sys_get("path");
  WF_GC_ROOT(path);
  PyObject *first = NULL;
  WF_GC_ROOT(first);
  const char *script = argc > 0 ? argv[0] : "";
  if (script && *script && strcmp(script, "-c") && strcmp(script, "-") && strcmp(script, "-m")) {
    char *copy = strdup(script);
    char *slash = copy ? strrchr(copy, '/') : NULL;
    struct stat st;
    const char *dir = ".";
    if (copy && stat(script, &st) == 0 && S_ISDIR(st.st_mode))
      dir = copy; /* a directory with __main__.py */
    else if (slash)
      *slash = 0, dir = *copy ? copy : "/";
    char real[PATH_MAX];
    first = decode_path(realpath(dir, real) ? real : dir);
    free(copy);
  } else {
    first = wf_str_empty();
  }
  if (!first || wf_list_append(path, first) < 0) fatal("sys.path");
  PyObject *stdlib = wf_str_from_cstr("/usr/lib/python3.11");
  if (!stdlib || wf_list_append(path, stdlib) < 0) fatal("sys.path");
}

/* ---- Exit status of an uncaught exception ---------------------------------------- */

static int handle_system_exit(PyObject *exc) {
  WF_GC_ROOT(exc);
  PyObject *code = ((PySystemExitObject *)exc)->code;
  WF_GC_ROOT(code);
  if (!code || code == WF_NONE) return 0;
  if (wf_int_check(code)) {
    int64_t v;
    if (wf_int_as_int64(code, &v) < 0) {
      wf_err_clear();
      return -1 & 0xff;
    }
    return (int)v & 0xff;
  }
  PyObject *s = wf_object_str(code);
  if (!s) {
    wf_err_clear();
    return 1;
  }
  WF_GC_ROOT(s);
  PyObject *err = wf_sys_get("stderr");
  if (err && err != WF_NONE) {
    /* Flush stdout first so the message follows the program's output. */
    wf_sys_flush_std_status();
    PyObject *nl = wf_str_from_format("%U\n", s);
    if (!nl || !wf_call_method_cstr(err, "write", &nl, 1)) wf_err_clear();
  } else {
    const char *c = wf_str_as_utf8(s, NULL);
    if (c) wf_sys_write_stderr_cstr(c), wf_sys_write_stderr_cstr("\n");
    wf_err_clear();
  }
  return 1;
}

int wf_run_exit_status(void) {
  PyObject *exc = wf_err_fetch();
  if (!exc) return 0;
  if (!wf_object_type_check(exc, &wf_SystemExit_type)) {
    wf_err_restore(exc);
    return -1;
  }
  return handle_system_exit(exc);
}

/* The status for the exception raised by the main program (fetched). */
static int handle_exception(PyObject *exc) {
  WF_GC_ROOT(exc);
  if (wf_object_type_check(exc, &wf_SystemExit_type)) return handle_system_exit(exc);
  wf_sys_print_exception(exc);
  if (wf_err_occurred()) wf_err_clear();
  if (wf_object_type_check(exc, &wf_KeyboardInterrupt_type)) {
    /* As python3.11: die by SIGINT so the parent shell sees the interrupt. */
    wf_sys_flush_std_status();
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
    return 130;
  }
  return 1;
}

static int finish(int status) {
  if (wf_sys_flush_std_status() < 0 && status == 0) status = 120;
  return status;
}

/* ---- __main__ ------------------------------------------------------------------- */

static PyObject *main_module(PyObject *file) {
  WF_GC_ROOT(file);
  PyObject *m = wf_module_new_cstr("__main__");
  if (!m) return NULL;
  WF_GC_ROOT(m);
  PyObject *d = wf_module_get_dict(m);
  WF_GC_ROOT(d);
  PyObject *ann = wf_dict_new();
  if (wf_dict_setitem_cstr(d, "__annotations__", ann) < 0 ||
      wf_dict_setitem_cstr(d, "__builtins__", wf_builtins_module()) < 0)
    return NULL;
  if (file && (wf_dict_setitem_cstr(d, "__file__", file) < 0 || wf_dict_setitem_cstr(d, "__cached__", WF_NONE) < 0))
    return NULL;
  if (wf_dict_setitem_cstr(wf_sys_modules_dict(), "__main__", m) < 0) return NULL;
  return m;
}

static int run_source(const char *src, size_t len, PyObject *filename, bool set_file) {
  WF_GC_ROOT(filename);
  PyObject *m = main_module(set_file ? filename : NULL);
  WF_GC_ROOT(m);
  PyObject *code = m ? wf_compile_source(src, len, filename, WF_COMPILE_EXEC) : NULL;
  WF_GC_ROOT(code);
  PyObject *r = code ? wf_eval_code(code, wf_module_get_dict(m), NULL, NULL) : NULL;
  int status = 0;
  if (!r) {
    PyObject *exc = wf_err_fetch();
    status = exc ? handle_exception(exc) : 1;
  }
  return finish(status);
}

static char *slurp_fd(int fd, size_t *len, int *err) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    *err = ENOMEM;
    return NULL;
  }
  for (;;) {
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) {
        free(buf);
        *err = ENOMEM;
        return NULL;
      }
      buf = nb;
    }
    ssize_t k = read(fd, buf + n, cap - n);
    if (k < 0) {
      if (errno == EINTR) continue;
      *err = errno;
      free(buf);
      return NULL;
    }
    if (k == 0) break;
    n += (size_t)k;
  }
  *len = n;
  return buf;
}

int wf_run_main_file(const char *path) {
  char abs[PATH_MAX + 32];
  if (path[0] == '/') {
    snprintf(abs, sizeof abs, "%s", path);
  } else {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
    const char *p = path;
    while (p[0] == '.' && p[1] == '/') p += 2;
    snprintf(abs, sizeof abs, "%s/%s", cwd, p);
  }
  struct stat st;
  if (stat(abs, &st) == 0 && S_ISDIR(st.st_mode)) {
    size_t n = strlen(abs);
    snprintf(abs + n, sizeof abs - n, "/__main__.py");
    if (stat(abs, &st) != 0) {
      fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", wf_sys_progname, path);
      return 1;
    }
  }
  size_t len = 0;
  int err = 0;
  char *src = NULL;
  WF_NATIVE_REGION {
    int fd = open(abs, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
      err = errno;
    else {
      src = slurp_fd(fd, &len, &err);
      close(fd);
    }
  }
  if (!src) {
    fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", wf_sys_progname, abs, err, strerror(err));
    return 2;
  }
  PyObject *filename = decode_path(abs);
  if (!filename) {
    free(src);
    return handle_exception(wf_err_fetch());
  }
  int rc = run_source(src, len, filename, true);
  free(src);
  return rc;
}

int wf_run_main_string(const char *source, const char *filename) {
  PyObject *fname = wf_str_from_cstr(filename);
  if (!fname) return handle_exception(wf_err_fetch());
  bool is_stdin = !strcmp(filename, "<stdin>");
  if (source) return run_source(source, strlen(source), fname, is_stdin);
  /* source NULL: read the program from standard input. */
  size_t len = 0;
  int err = 0;
  char *src = NULL;
  WF_NATIVE_REGION { src = slurp_fd(0, &len, &err); }
  if (!src) {
    fprintf(stderr, "%s: can't read the program from stdin: %s\n", wf_sys_progname, strerror(err));
    return 2;
  }
  WF_GC_ROOT(fname);
  int rc = run_source(src, len, fname, true);
  free(src);
  return rc;
}
