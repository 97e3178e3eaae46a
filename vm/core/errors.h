/* The exception state of the current thread, and raising errors from C.
 *
 * Convention (as CPython): a function that fails sets the current exception
 * and returns NULL (object results) or -1 (int results). The current
 * exception is always a normalized exception instance (never a type/value
 * pair). It lives in the thread's wf_vmthread and is a GC root.
 */
#ifndef WF_CORE_ERRORS_H
#define WF_CORE_ERRORS_H

#include <stdarg.h>

#include "object.h"

/* The builtin exception types (vm/objects/exceptions.c). */
#define WF_EXCEPTION_TYPES(X)                                                     \
  X(BaseException) X(BaseExceptionGroup) X(Exception) X(GeneratorExit)           \
  X(KeyboardInterrupt) X(SystemExit) X(ArithmeticError) X(AssertionError)        \
  X(AttributeError) X(BufferError) X(EOFError) X(ExceptionGroup)                  \
  X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) X(ImportError)     \
  X(ModuleNotFoundError) X(LookupError) X(IndexError) X(KeyError) X(MemoryError) \
  X(NameError) X(UnboundLocalError) X(OSError) X(BlockingIOError)                \
  X(ChildProcessError) X(ConnectionError) X(BrokenPipeError)                     \
  X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError)    \
  X(FileExistsError) X(FileNotFoundError) X(InterruptedError)                    \
  X(IsADirectoryError) X(NotADirectoryError) X(PermissionError)                  \
  X(ProcessLookupError) X(TimeoutError) X(ReferenceError) X(RuntimeError)        \
  X(NotImplementedError) X(RecursionError) X(StopAsyncIteration) X(StopIteration)\
  X(SyntaxError) X(IndentationError) X(TabError) X(SystemError) X(TypeError)     \
  X(ValueError) X(UnicodeError) X(UnicodeDecodeError) X(UnicodeEncodeError)      \
  X(UnicodeTranslateError) X(Warning) X(BytesWarning) X(DeprecationWarning)      \
  X(EncodingWarning) X(FutureWarning) X(ImportWarning)                           \
  X(PendingDeprecationWarning) X(ResourceWarning) X(RuntimeWarning)              \
  X(SyntaxWarning) X(UnicodeWarning) X(UserWarning)

#define WF_DECLARE_EXC(name) extern PyTypeObject wf_##name##_type;
WF_EXCEPTION_TYPES(WF_DECLARE_EXC)
#undef WF_DECLARE_EXC

/* The current exception instance, or NULL. (Borrowed: valid until the next
 * safepoint unless stored somewhere rooted.) */
PyObject *wf_err_current(void);
/* Its type, or NULL (CPython's PyErr_Occurred). */
PyTypeObject *wf_err_occurred(void);
/* Is the current exception an instance of `type` (or a subclass)? */
bool wf_err_matches(PyTypeObject *type);

/* Raise: each returns NULL for `return wf_err_...(...)` in object functions. */
PyObject *wf_err_set_exc(PyObject *exc);                      /* an instance */
PyObject *wf_err_set_object(PyTypeObject *type, PyObject *value); /* type(value) or type(*value) if tuple */
PyObject *wf_err_set_string(PyTypeObject *type, const char *msg);
/* printf-like, with the formats of PyUnicode_FromFormat: %s %d %i %u %ld %lu
 * %lld %llu %zd %zu %x %p %c %% %U (str object) %S (str()) %R (repr())
 * %A (ascii()) %V, and precision on %s/%U/%S/%R/%A (e.g. %.200s). */
PyObject *wf_err_format(PyTypeObject *type, const char *fmt, ...);
PyObject *wf_err_vformat(PyTypeObject *type, const char *fmt, va_list ap);
PyObject *wf_err_no_memory(void);
PyObject *wf_err_bad_internal_call(const char *where);
/* KeyError(key) (the key is the single argument, even if it is a tuple). */
PyObject *wf_err_set_key(PyObject *key);

/* Take the current exception out of the thread state (NULL if none). */
PyObject *wf_err_fetch(void);
/* Put an exception back (NULL clears). */
void wf_err_restore(PyObject *exc);
void wf_err_clear(void);

/* Chain: set `exc`'s __context__ to the exception being handled (used when
 * raising inside an except block). */
void wf_err_chain_context(PyObject *exc, PyObject *context);

#endif
