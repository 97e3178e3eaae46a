/* Private interface between sys.c, run.c and import.c (sysimport). */
#ifndef WF_MODULES_SYS_INTERNAL_H
#define WF_MODULES_SYS_INTERNAL_H

#include "object.h"

/* Create the sys module (argv as wf_modules_init gets it; builtins already
 * made). 0 or -1. */
int wf_sys_create(int argc, char **argv);
/* Record the builtins module (wf_builtins_module/wf_builtins_dict). */
void wf_sys_set_builtins(PyObject *builtins);
/* Print an uncaught exception through sys.excepthook (falls back to
 * wf_exception_print when the hook is missing or fails). */
void wf_sys_print_exception(PyObject *exc);
/* Flush sys.stdout and sys.stderr; -1 if flushing stdout failed (the
 * error was reported as unraisable), else 0. */
int wf_sys_flush_std_status(void);
/* The command name for messages ("weft"), from argv[0] of the process. */
extern const char *wf_sys_progname;

/* Import machinery set-up (import.c): the per-module import locks. */
void wf_import_init(void);

#endif
