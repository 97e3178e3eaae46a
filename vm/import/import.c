/* The import machinery (see README.md here): sys.modules, builtin modules
 * (wf_builtin_modules), and source modules and packages found on sys.path
 * (or a package's __path__). No importlib: specs and loaders are None.
 *
 * Threads: a module's body must run once even when several threads import
 * it at the same time. An "importing" table (name -> owner thread) guarded
 * by a pthread mutex records the modules being loaded; a thread that finds
 * another thread's entry waits on a condition variable in the native state
 * and then looks at sys.modules again. The owner re-entering (a circular
 * import) gets the partially initialised module from sys.modules, as does a
 * thread whose wait would close a cycle of waiting importers (CPython's
 * deadlock avoidance). The table is only consulted while some import is in
 * progress (an atomic count), so importing an already loaded module costs a
 * dict lookup. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compile.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "interp.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "sys_internal.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- The importing table --------------------------------------------------------- */

typedef struct importing {
  struct importing *next;
  char *name;
  wf_thread_t *owner;
} importing;

typedef struct waiter {
  struct waiter *next;
  wf_thread_t *thread;
  importing *on;
} waiter;

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t table_cond = PTHREAD_COND_INITIALIZER;
static importing *table;          /* under table_mu */
static waiter *waiters;           /* under table_mu */
static _Atomic int active_imports; /* entries in `table` */

void wf_import_init(void) {}

static importing *find_entry(const char *name) {
  for (importing *e = table; e; e = e->next)
    if (!strcmp(e->name, name)) return e;
  return NULL;
}

static importing *waiting_on(wf_thread_t *t) {
  for (waiter *w = waiters; w; w = w->next)
    if (w->thread == t) return w->on;
  return NULL;
}

/* Would waiting for `e` close a cycle of threads waiting for each other? */
static bool has_deadlock(importing *e) {
  wf_thread_t *self = wf_thread_self();
  wf_thread_t *t = e->owner;
  for (int guard = 0; guard < 1000 && t; guard++) {
    if (t == self) return true;
    importing *w = waiting_on(t);
    if (!w) return false;
    t = w->owner;
  }
  return false;
}

enum { ACQUIRED, REENTERED };

/* Returns ACQUIRED (this thread now owns the entry) or REENTERED (the
 * caller should use whatever sys.modules holds), or -1 on memory error. */
static int acquire_entry(const char *name) {
  wf_mutex_lock_safepoint_aware(&table_mu);
  for (;;) {
    importing *e = find_entry(name);
    if (!e) {
      e = malloc(sizeof *e);
      char *copy = strdup(name);
      if (!e || !copy) {
        free(e);
        free(copy);
        pthread_mutex_unlock(&table_mu);
        wf_err_no_memory();
        return -1;
      }
      e->name = copy;
      e->owner = wf_thread_self();
      e->next = table;
      table = e;
      atomic_fetch_add(&active_imports, 1);
      pthread_mutex_unlock(&table_mu);
      return ACQUIRED;
    }
    if (e->owner == wf_thread_self() || has_deadlock(e)) {
      pthread_mutex_unlock(&table_mu);
      return REENTERED;
    }
    waiter w = {waiters, wf_thread_self(), e};
    waiters = &w;
    wf_thread_enter_native();
    pthread_cond_wait(&table_cond, &table_mu);
    /* Leaving may park for a stop-the-world while holding table_mu: the
     * stopping thread never takes it except through the safepoint-aware
     * path, so it cannot be waiting for us. */
    wf_thread_leave_native();
    for (waiter **p = &waiters; *p; p = &(*p)->next)
      if (*p == &w) {
        *p = w.next;
        break;
      }
  }
}

static void release_entry(const char *name) {
  wf_mutex_lock_safepoint_aware(&table_mu);
  for (importing **p = &table; *p; p = &(*p)->next) {
    if (!strcmp((*p)->name, name) && (*p)->owner == wf_thread_self()) {
      importing *e = *p;
      *p = e->next;
      free(e->name);
      free(e);
      atomic_fetch_sub(&active_imports, 1);
      break;
    }
  }
  pthread_cond_broadcast(&table_cond);
  pthread_mutex_unlock(&table_mu);
}

/* ---- Errors ---------------------------------------------------------------------- */

static PyObject *module_not_found(PyObject *name, const char *fmt, ...) {
  WF_GC_ROOT(name);
  va_list ap;
  va_start(ap, fmt);
  PyObject *msg = wf_str_from_vformat(fmt, ap);
  va_end(ap);
  if (!msg) return NULL;
  wf_err_set_object(&wf_ModuleNotFoundError_type, msg);
  PyObject *exc = wf_err_current();
  if (exc && wf_object_type_check(exc, &wf_ImportError_type))
    WF_GC_STORE(&((PyImportErrorObject *)exc)->name, name);
  return NULL;
}

/* ---- Finding and loading ---------------------------------------------------------- */

static PyObject *modules(void) { return wf_sys_modules_dict(); }

/* Read a whole file into a malloc'd buffer (native state). NULL + errno. */
static char *read_file(const char *path, size_t *len) {
  char *buf = NULL;
  int err = 0;
  WF_NATIVE_REGION {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      err = errno;
    } else {
      size_t cap = 1 << 14, n = 0;
      buf = malloc(cap);
      for (;;) {
        if (!buf) {
          err = ENOMEM;
          break;
        }
        if (n == cap) {
          char *nb = realloc(buf, cap * 2);
          if (!nb) {
            free(buf);
            buf = NULL;
            err = ENOMEM;
            break;
          }
          buf = nb;
          cap *= 2;
        }
        ssize_t k = read(fd, buf + n, cap - n);
        if (k < 0) {
          if (errno == EINTR) continue;
          err = errno;
          free(buf);
          buf = NULL;
          break;
        }
        if (k == 0) break;
        n += (size_t)k;
      }
      close(fd);
      *len = n;
    }
  }
  if (!buf) errno = err;
  return buf;
}

enum found_kind { FOUND_NONE, FOUND_MODULE, FOUND_PACKAGE, FOUND_NAMESPACE };

static bool is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}
static bool is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Look for `tail` in directory `dir` (C strings only: runs native).
 * Fills `file` (the .py or __init__.py) and `pkgdir`. */
static enum found_kind find_in_dir(const char *dir, const char *tail, char *file, char *pkgdir) {
  enum found_kind k = FOUND_NONE;
  WF_NATIVE_REGION {
    snprintf(pkgdir, PATH_MAX, "%s/%s", dir, tail);
    snprintf(file, PATH_MAX, "%s/__init__.py", pkgdir);
    if (is_file(file)) {
      k = FOUND_PACKAGE;
    } else {
      bool ns = is_dir(pkgdir);
      snprintf(file, PATH_MAX, "%s/%s.py", dir, tail);
      if (is_file(file))
        k = FOUND_MODULE;
      else if (ns)
        k = FOUND_NAMESPACE;
    }
  }
  return k;
}

/* A sys.path entry as an absolute directory ("" is the current one). */
static int entry_dir(PyObject *entry, char *out) {
  const char *e = wf_str_as_utf8(entry, NULL);
  if (!e) {
    wf_err_clear();
    return -1;
  }
  if (strlen(e) >= PATH_MAX - 256) return -1;
  if (*e == '/') {
    strcpy(out, e);
  } else {
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return -1;
    if (!*e || !strcmp(e, "."))
      snprintf(out, PATH_MAX, "%s", cwd);
    else if (snprintf(out, PATH_MAX, "%s/%s", cwd, e) >= PATH_MAX)
      return -1;
  }
  size_t n = strlen(out);
  while (n > 1 && out[n - 1] == '/') out[--n] = 0;
  return 0;
}

/* Run the source file `path` as module `name` (sys.modules[name] while it
 * runs; removed on failure). Returns the module (sys.modules' entry). */
static PyObject *exec_source(PyObject *name, const char *path, PyObject *pkg_path, PyObject *package) {
  WF_GC_ROOT(name);
  WF_GC_ROOT(pkg_path);
  WF_GC_ROOT(package);
  size_t len = 0;
  char *src = read_file(path, &len);
  PyObject *fname = wf_str_decode(path, (Py_ssize_t)strlen(path), "utf-8", "surrogateescape");
  WF_GC_ROOT(fname);
  if (!src) {
    int err = errno;
    if (!fname) return NULL;
    return wf_err_set_from_errno(&wf_OSError_type, err, fname);
  }
  if (!fname) {
    free(src);
    return NULL;
  }
  PyObject *mod = wf_module_new(name);
  WF_GC_ROOT(mod);
  if (!mod) {
    free(src);
    return NULL;
  }
  PyObject *d = wf_module_get_dict(mod);
  WF_GC_ROOT(d);
  if (wf_dict_setitem_cstr(d, "__file__", fname) < 0 || wf_dict_setitem_cstr(d, "__cached__", WF_NONE) < 0 ||
      wf_dict_setitem_cstr(d, "__package__", package) < 0 ||
      wf_dict_setitem_cstr(d, "__builtins__", wf_builtins_dict()) < 0 ||
      (pkg_path && wf_dict_setitem_cstr(d, "__path__", pkg_path) < 0)) {
    free(src);
    return NULL;
  }
  PyObject *code = wf_compile_source(src, len, fname, WF_COMPILE_EXEC);
  free(src);
  if (!code) return NULL;
  WF_GC_ROOT(code);
  if (wf_dict_setitem(modules(), name, mod) < 0) return NULL;
  PyObject *r = wf_eval_code(code, d, NULL, NULL);
  if (!r) {
    PyObject *exc = wf_err_fetch();
    WF_GC_ROOT(exc);
    PyObject *unused;
    if (wf_dict_pop(modules(), name, &unused) < 0) wf_err_clear();
    wf_err_restore(exc);
    return NULL;
  }
  /* A module may replace itself in sys.modules. */
  PyObject *final = wf_dict_getitem_err(modules(), name);
  if (!final) {
    if (!wf_err_occurred()) wf_err_format(&wf_KeyError_type, "%R", name);
    return NULL;
  }
  return final;
}

static PyObject *namespace_module(PyObject *name, PyObject *portions) {
  WF_GC_ROOT(portions);
  PyObject *mod = wf_module_new(name);
  if (!mod) return NULL;
  WF_GC_ROOT(mod);
  PyObject *d = wf_module_get_dict(mod);
  if (wf_dict_setitem_cstr(d, "__path__", portions) < 0 || wf_dict_setitem_cstr(d, "__package__", name) < 0 ||
      wf_dict_setitem_cstr(d, "__file__", WF_NONE) < 0)
    return NULL;
  if (wf_dict_setitem(modules(), name, mod) < 0) return NULL;
  return mod;
}

static const wf_builtin_module *find_builtin(const char *name) {
  for (const wf_builtin_module *m = wf_builtin_modules; m->name; m++)
    if (!strcmp(m->name, name)) return m;
  return NULL;
}

/* Find and load module `name` (not in sys.modules); `parent` is the parent
 * package or NULL. */
static PyObject *load(PyObject *name, const char *cname, PyObject *parent) {
  WF_GC_ROOT(name);
  WF_GC_ROOT(parent);
  const char *dot = strrchr(cname, '.');
  const char *tail = dot ? dot + 1 : cname;
  PyObject *paths = NULL;
  WF_GC_ROOT(paths);
  if (!parent) {
    const wf_builtin_module *b = find_builtin(cname);
    if (b) {
      if (!b->init) return wf_err_format(&wf_ImportError_type, "builtin module %s has no init function", cname);
      PyObject *m = b->init();
      if (!m) return NULL;
      WF_GC_ROOT(m);
      if (wf_dict_setitem(modules(), name, m) < 0) return NULL;
      return m;
    }
    paths = wf_sys_get("path");
    if (!paths || !wf_list_check(paths))
      return wf_err_set_string(&wf_ImportError_type, "sys.path must be a list of directory names");
  } else {
    if (wf_object_lookup_attr(parent, WF_ID(__path__), &paths) < 0) return NULL;
    if (!paths) {
      PyObject *pname = wf_str_from_utf8(cname, dot - cname);
      if (!pname) return NULL;
      return module_not_found(name, "No module named %R; %R is not a package", name, pname);
    }
  }
  PyObject *seq = wf_sequence_list(paths);
  if (!seq) return NULL;
  WF_GC_ROOT(seq);
  PyObject *portions = NULL;
  WF_GC_ROOT(portions);
  char *dir = malloc(PATH_MAX), *file = malloc(PATH_MAX), *pkgdir = malloc(PATH_MAX);
  PyObject *result = NULL;
  if (!dir || !file || !pkgdir) {
    wf_err_no_memory();
    goto done;
  }
  for (Py_ssize_t i = 0; i < wf_list_size(seq); i++) {
    PyObject *entry = wf_list_get(seq, i);
    if (!entry || !wf_str_check(entry) || entry_dir(entry, dir) < 0) continue;
    enum found_kind k = find_in_dir(dir, tail, file, pkgdir);
    if (k == FOUND_NONE) continue;
    if (k == FOUND_NAMESPACE) {
      if (!portions && !(portions = wf_list_new(0))) goto done;
      PyObject *p = wf_str_decode(pkgdir, (Py_ssize_t)strlen(pkgdir), "utf-8", "surrogateescape");
      if (!p || wf_list_append(portions, p) < 0) goto done;
      continue;
    }
    PyObject *package, *pkg_path = NULL;
    WF_GC_ROOT(pkg_path);
    if (k == FOUND_PACKAGE) {
      package = name;
      PyObject *p = wf_str_decode(pkgdir, (Py_ssize_t)strlen(pkgdir), "utf-8", "surrogateescape");
      if (!p) goto done;
      pkg_path = wf_list_from_array(&p, 1);
    } else {
      package = dot ? wf_str_from_utf8(cname, dot - cname) : wf_str_empty();
      if (!package) goto done;
    }
    result = exec_source(name, file, pkg_path, package);
    goto done;
  }
  if (portions) {
    result = namespace_module(name, portions);
    goto done;
  }
  module_not_found(name, "No module named %R", name);
done:
  free(dir);
  free(file);
  free(pkgdir);
  return result;
}

/* Import one module by its full name whose parent is already imported. */
static PyObject *import_one(PyObject *name, PyObject *parent) {
  WF_GC_ROOT(name);
  WF_GC_ROOT(parent);
  const char *cname = wf_str_as_utf8(name, NULL);
  if (!cname) return NULL;
  for (;;) {
    PyObject *m = wf_dict_getitem_err(modules(), name);
    if (!m && wf_err_occurred()) return NULL;
    if (m == WF_NONE) return module_not_found(name, "import of %U halted; None in sys.modules", name);
    if (m && atomic_load(&active_imports) == 0) return m;
    WF_GC_ROOT(m);
    int r = acquire_entry(cname);
    if (r < 0) return NULL;
    if (r == REENTERED) {
      if (m) return m;
      return load(name, cname, parent);
    }
    m = wf_dict_getitem_err(modules(), name);
    if (m || wf_err_occurred()) {
      release_entry(cname);
      if (m == WF_NONE) return module_not_found(name, "import of %U halted; None in sys.modules", name);
      return m;
    }
    m = load(name, cname, parent);
    if (m && parent) {
      /* The submodule becomes an attribute of its package. */
      const char *dot = strrchr(cname, '.');
      PyObject *tail = wf_str_from_cstr(dot + 1);
      if (!tail || wf_object_setattr(parent, tail, m) < 0) m = NULL;
    }
    release_entry(cname);
    return m;
  }
}

/* import a.b.c: each prefix in order; returns the innermost module. */
static PyObject *import_dotted(PyObject *name) {
  WF_GC_ROOT(name);
  Py_ssize_t n = wf_str_len(name);
  if (n == 0) return wf_err_set_string(&wf_ValueError_type, "Empty module name");
  /* Fast path: already imported. */
  PyObject *m = wf_dict_getitem_err(modules(), name);
  if (m && m != WF_NONE && atomic_load(&active_imports) == 0) return m;
  if (!m && wf_err_occurred()) return NULL;
  PyObject *parent = NULL;
  WF_GC_ROOT(parent);
  Py_ssize_t start = 0;
  for (;;) {
    Py_ssize_t dot = wf_str_find(name, wf_str_from_char('.'), start, n, 1);
    Py_ssize_t end = dot < 0 ? n : dot;
    if (end == start) return module_not_found(name, "No module named %R", name);
    PyObject *prefix = wf_str_substr(name, 0, end);
    if (!prefix) return NULL;
    PyObject *mod = import_one(prefix, parent);
    if (!mod) return NULL;
    if (dot < 0) return mod;
    parent = mod;
    start = dot + 1;
  }
}

/* ---- __import__ ---------------------------------------------------------------------- */

/* The absolute name for a relative import of `name` at `level` from the
 * module whose globals are given. */
static PyObject *resolve_name(PyObject *name, PyObject *globals, int level) {
  WF_GC_ROOT(name);
  WF_GC_ROOT(globals);
  if (!globals || !wf_dict_check(globals)) return wf_err_set_string(&wf_KeyError_type, "'__name__' not in globals");
  PyObject *package = wf_dict_getitem_cstr(globals, "__package__");
  WF_GC_ROOT(package);
  if (package && package != WF_NONE && !wf_str_check(package))
    return wf_err_set_string(&wf_TypeError_type, "package must be a string");
  if (!package || package == WF_NONE) {
    PyObject *modname = wf_dict_getitem_cstr(globals, "__name__");
    if (!modname) return wf_err_set_string(&wf_KeyError_type, "'__name__' not in globals");
    if (!wf_str_check(modname)) return wf_err_set_string(&wf_TypeError_type, "__name__ must be a string");
    if (wf_dict_getitem_cstr(globals, "__path__")) {
      package = modname;
    } else {
      Py_ssize_t dot = wf_str_find(modname, wf_str_from_char('.'), 0, wf_str_len(modname), -1);
      package = dot < 0 ? wf_str_empty() : wf_str_substr(modname, 0, dot);
      if (!package) return NULL;
    }
  }
  if (wf_str_len(package) == 0)
    return wf_err_set_string(&wf_ImportError_type, "attempted relative import with no known parent package");
  Py_ssize_t end = wf_str_len(package);
  for (int i = 1; i < level; i++) {
    Py_ssize_t dot = wf_str_find(package, wf_str_from_char('.'), 0, end, -1);
    if (dot < 0) return wf_err_set_string(&wf_ImportError_type, "attempted relative import beyond top-level package");
    end = dot;
  }
  PyObject *base = wf_str_substr(package, 0, end);
  if (!base) return NULL;
  if (wf_str_len(name) == 0) return base;
  return wf_str_from_format("%U.%U", base, name);
}

static PyObject *handle_fromlist(PyObject *module, PyObject *fromlist, bool recursive);

static int import_from_item(PyObject *module, PyObject *x, bool recursive) {
  WF_GC_ROOT(module);
  WF_GC_ROOT(x);
  PyObject *modname = wf_object_getattr(module, WF_ID(__name__));
  if (!modname) return -1;
  WF_GC_ROOT(modname);
  if (!wf_str_check(x)) {
    if (recursive)
      wf_err_format(&wf_TypeError_type, "Item in %U.__all__ must be str, not %.100s", modname, WF_TYPE(x)->tp_name);
    else
      wf_err_format(&wf_TypeError_type, "Item in ``from list'' must be str, not %.100s", WF_TYPE(x)->tp_name);
    return -1;
  }
  if (wf_str_equal_cstr(x, "*")) {
    if (recursive) return 0;
    PyObject *all = NULL;
    if (wf_object_lookup_attr(module, WF_ID(__all__), &all) < 0) return -1;
    if (all && !handle_fromlist(module, all, true)) return -1;
    return 0;
  }
  PyObject *has = NULL;
  if (wf_object_lookup_attr(module, x, &has) < 0) return -1;
  if (has) return 0;
  PyObject *full = wf_str_from_format("%U.%U", modname, x);
  if (!full) return -1;
  WF_GC_ROOT(full);
  if (import_dotted(full)) return 0;
  /* A missing submodule is not an error here: IMPORT_FROM reports it. */
  PyObject *exc = wf_err_current();
  if (exc && wf_object_type_check(exc, &wf_ModuleNotFoundError_type)) {
    PyObject *ename = ((PyImportErrorObject *)exc)->name;
    if (ename && wf_str_check(ename) && wf_str_equal(ename, full) && !wf_dict_getitem(modules(), full)) {
      wf_err_clear();
      return 0;
    }
  }
  return -1;
}

static PyObject *handle_fromlist(PyObject *module, PyObject *fromlist, bool recursive) {
  WF_GC_ROOT(module);
  PyObject *items = wf_sequence_list(fromlist);
  if (!items) return NULL;
  WF_GC_ROOT(items);
  for (Py_ssize_t i = 0; i < wf_list_size(items); i++) {
    PyObject *x = wf_list_get(items, i);
    if (!x || import_from_item(module, x, recursive) < 0) return NULL;
  }
  return module;
}

PyObject *wf_import_name(PyObject *name, PyObject *globals, PyObject *fromlist, int level) {
  WF_GC_ROOT(name);
  WF_GC_ROOT(globals);
  WF_GC_ROOT(fromlist);
  if (!wf_str_check(name))
    return wf_err_format(&wf_TypeError_type, "module name must be str, not %.100s", WF_TYPE(name)->tp_name);
  if (level < 0) return wf_err_set_string(&wf_ValueError_type, "level must be >= 0");
  PyObject *absname = name;
  WF_GC_ROOT(absname);
  if (level > 0) {
    absname = resolve_name(name, globals, level);
    if (!absname) return NULL;
  } else if (wf_str_len(name) == 0) {
    return wf_err_set_string(&wf_ValueError_type, "Empty module name");
  }
  PyObject *mod = import_dotted(absname);
  if (!mod) return NULL;
  WF_GC_ROOT(mod);
  int has_from = 0;
  if (fromlist && fromlist != WF_NONE) {
    has_from = wf_object_is_true(fromlist);
    if (has_from < 0) return NULL;
  }
  if (!has_from) {
    Py_ssize_t n = wf_str_len(name);
    if (level == 0 || n > 0) {
      Py_ssize_t dot = wf_str_find(name, wf_str_from_char('.'), 0, n, 1);
      if (dot < 0) return mod;
      if (level == 0) {
        PyObject *top = wf_str_substr(name, 0, dot);
        if (!top) return NULL;
        return import_dotted(top);
      }
      /* Relative `import` without fromlist cannot be written in source;
       * __import__('a.b', g, l, [], 1) returns the package of the first part. */
      Py_ssize_t cut = n - dot;
      PyObject *full = wf_str_substr(absname, 0, wf_str_len(absname) - cut);
      if (!full) return NULL;
      PyObject *m = wf_dict_getitem_err(modules(), full);
      if (!m && !wf_err_occurred()) wf_err_format(&wf_KeyError_type, "%R not in sys.modules as expected", full);
      return m;
    }
    return mod;
  }
  PyObject *path = NULL;
  if (wf_object_lookup_attr(mod, WF_ID(__path__), &path) < 0) return NULL;
  if (!path) return mod;
  return handle_fromlist(mod, fromlist, false);
}

PyObject *wf_import_module_cstr(const char *name) {
  PyObject *s = wf_str_from_cstr(name);
  if (!s) return NULL;
  return import_dotted(s);
}
