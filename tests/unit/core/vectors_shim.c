/* Differential checks against the python3.11 vectors of gen_vectors.py. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "errors.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "pylit.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"

/* The vectors are computed with PYTHONHASHSEED=0. */
__attribute__((constructor)) static void set_hash_seed(void) { setenv("PYTHONHASHSEED", "0", 1); }

static void unescape(char *s) {
  char *o = s;
  for (char *p = s; *p; p++) {
    if (*p == '\\' && p[1] == '\\') {
      *o++ = '\\';
      p++;
    } else if (*p == '\\' && p[1] == 'n') {
      *o++ = '\n';
      p++;
    } else {
      *o++ = *p;
    }
  }
  *o = 0;
}

static void note(char *report, size_t cap, const char *fmt, const char *a, const char *b, const char *c) {
  size_t used = strlen(report);
  if (used + 200 < cap) snprintf(report + used, cap - used, fmt, a, b, c);
}

/* Returns the number of cases; *fails gets the mismatches; the first few
 * are described in report. */
long core_run_exprs(const char *path, long *fails, char *report, size_t cap) {
  wf_runtime_init();
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char *line = NULL;
  size_t lcap = 0;
  long n = 0;
  *fails = 0;
  report[0] = 0;
  while (getline(&line, &lcap, f) > 0) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    char *want = tab + 1;
    want[strcspn(want, "\n")] = 0;
    unescape(want);
    if (getenv("WF_CORE_TRACE")) fprintf(stderr, "%s\n", line);
    char *got = wf_test_eval_repr(line);
    n++;
    if (strcmp(got, want) != 0) {
      (*fails)++;
      if (*fails <= 40) note(report, cap, "  %s\n      got:  %s\n      want: %s\n", line, got, want);
    }
    free(got);
    WF_SAFEPOINT_POLL();
  }
  free(line);
  fclose(f);
  return n;
}

long core_run_dictops(const char *path, long *fails, char *report, size_t cap) {
  wf_runtime_init();
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char *line = NULL;
  size_t lcap = 0;
  long n = 0;
  *fails = 0;
  report[0] = 0;
  while (getline(&line, &lcap, f) > 0) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = 0;
    char *want = tab + 1;
    want[strcspn(want, "\n")] = 0;
    unescape(want);
    PyObject *d = wf_dict_new();
    WF_GC_ROOT(d);
    long opno = 0;
    char *save = NULL;
    for (char *op = strtok_r(line, "|", &save); op; op = strtok_r(NULL, "|", &save)) {
      opno++;
      PyObject *k = op[1] ? wf_test_eval(op + 2) : NULL;
      WF_GC_ROOT(k);
      switch (op[0]) {
      case 's': wf_dict_setitem(d, k, wf_int_from_ssize(opno)); break;
      case 'd': {
        PyObject *v;
        wf_dict_pop(d, k, &v);
        break;
      }
      case 'p': wf_call_method_cstr(d, "popitem", NULL, 0); break;
      case 'c': wf_dict_setdefault(d, k, wf_int_from_ssize(opno)); break;
      case 'x': d = wf_dict_copy(d); break;
      }
      if (wf_err_occurred()) wf_err_clear();
      WF_SAFEPOINT_POLL();
    }
    PyObject *items = wf_call_method_cstr(d, "items", NULL, 0);
    PyObject *l = items ? wf_sequence_list(items) : NULL;
    PyObject *r = l ? wf_object_repr(l) : NULL;
    const char *got = r ? wf_str_as_utf8(r, NULL) : "<error>";
    n++;
    if (strcmp(got, want) != 0) {
      (*fails)++;
      if (*fails <= 5) note(report, cap, "  case %s\n      got:  %s\n      want: %s\n", "", got, want);
    }
    wf_err_clear();
  }
  free(line);
  fclose(f);
  return n;
}
