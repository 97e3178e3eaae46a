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
/* With SystemExit as the current exception: clear it and return the exit
 * status it asks for (None -> 0, an int -> it, anything else is printed to
 * stderr -> 1).  Used by wf_run_main_* and the interactive prompt. */
int wf_run_exit_status(void);

/* ---- Additions (sysimport) ---- */

/* Init functions of the builtin modules listed in wf_builtin_modules
 * (vm/modules/config.c); each is defined by its module's file. */
PyObject *wf_builtins_init(void);      /* vm/modules/builtins*.c (builtins engineer) */
PyObject *wf_sys_init(void);           /* vm/modules/sys.c: returns the sys module made by wf_modules_init */
PyObject *wf_math_init(void);          /* modules engineer */
PyObject *wf_time_init(void);
PyObject *wf_thread_module_init(void);
PyObject *wf_itertools_init(void);

/* Struct sequences (vm/modules/structseq.c): tuple subclasses with named
 * read-only fields, as sys.version_info or time.struct_time. The type is
 * created once (not in the GC heap, immortal) and made ready. */
typedef struct wf_structseq_desc {
  const char *name;           /* "sys.version_info": module.name */
  const char *doc;
  const char *const *fields;  /* NULL-terminated; static storage */
  bool allow_new;             /* type(seq) allowed (time.struct_time), else "cannot create" */
} wf_structseq_desc;
PyTypeObject *wf_structseq_new_type(const wf_structseq_desc *desc);
/* A new instance from n_fields items (borrowed pointers copied in). */
PyObject *wf_structseq_new(PyTypeObject *type, PyObject *const *items);

/* The std stream type _io.TextIOWrapper over a file descriptor
 * (vm/modules/stdio.c). mode "r" or "w"; name like "<stdout>". */
extern PyTypeObject wf_stdio_type;
PyObject *wf_stdio_new(int fd, const char *name, const char *mode, const char *errors, bool line_buffering,
                       bool write_through);
/* Flush one std stream object; 0 or -1 with the exception set. */
int wf_stdio_flush(PyObject *stream);
/* io.UnsupportedOperation (created on first use; borrowed, immortal). */
PyObject *wf_io_unsupported_operation(void);

/* sys.excepthook's work without looking it up; sys.unraisablehook's
 * format: "Exception ignored in: <obj repr>" then the exception. `obj` may
 * be NULL; `msg` NULL means "Exception ignored in". Clears nothing: pass
 * the exception. */
void wf_sys_write_unraisable(PyObject *exc, const char *msg, PyObject *obj);
/* The dict sys.modules was created with (borrowed). */
PyObject *wf_sys_modules_dict(void);

#endif
