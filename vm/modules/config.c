/* The table of builtin modules (modules.h): name and init function of each
 * module compiled into weft. Owners of a new module ask the sysimport
 * engineer (or the lead) to add its line here once its file is listed in a
 * CMake fragment, and declare its init function in modules.h. "builtins"
 * and "sys" are created at start-up by wf_modules_init; their entries
 * return the existing modules. */
#include "modules.h"

static PyObject *builtins_existing(void) { return wf_builtins_module(); }

const wf_builtin_module wf_builtin_modules[] = {
    {"builtins", builtins_existing},
    {"sys", wf_sys_init},
    {"math", wf_math_init},
    {"time", wf_time_init},
    {"_thread", wf_thread_module_init},
    {"itertools", wf_itertools_init},
    {NULL, NULL},
};
