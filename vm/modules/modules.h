/* Builtin modules (vm/modules/, one module per file) and the import
 * machinery for them and for plain .py files (vm/import/import.c). */
#ifndef WF_MODULES_MODULES_H
#define WF_MODULES_MODULES_H

#include "object.h"

/* Creates and fills a builtin module; 0 / NULL with an exception. */
typedef PyObject *(*wf_module_init_fn)(void);
typedef struct wf_builtin_module {
  const char *name;
  wf_module_init_fn init;
} wf_builtin_module;
/* The table (vm/modules/config.c), NULL-name terminated. */
extern const wf_builtin_module wf_builtin_modules[];

/* Start-up after wf_runtime_init: create builtins and sys, set sys.argv
 * (argv[0] is the script path, "-c" or ""), sys.path[0] (the script's
 * directory or ""), the std streams. */
void wf_modules_init(int argc, char **argv);

/* The builtins module and its dict (borrowed, immortal). */
PyObject *wf_builtins_module(void);
PyObject *wf_builtins_dict(void);
/* The sys module (borrowed) and sys.<name> (borrowed or NULL, no exception). */
PyObject *wf_sys_module(void);
PyObject *wf_sys_get(const char *name);

/* Write a C string / a str to sys.stdout or sys.stderr (or fd 1/2 when the
 * attribute is missing). */
int wf_sys_write_stdout(PyObject *s);
int wf_sys_write_stderr_cstr(const char *s);
/* Flush sys.stdout and sys.stderr (at exit). */
void wf_sys_flush_std(void);

/* The __import__ machinery: sys.modules, builtin modules, then
 * <dir>/name.py and <dir>/name/__init__.py for each dir of sys.path.
 * Returns the module as IMPORT_NAME needs it (the top package when
 * fromlist is empty and the name is dotted). */
PyObject *wf_import_name(PyObject *name, PyObject *globals, PyObject *fromlist, int level);
/* import name (dotted), returning the named (innermost) module. */
PyObject *wf_import_module_cstr(const char *name);

/* Run a file as __main__: returns the exit status the process should use
 * (0, 1 after printing an uncaught exception, or SystemExit's code). */
int wf_run_main_file(const char *path);
int wf_run_main_string(const char *source, const char *filename);

#endif
