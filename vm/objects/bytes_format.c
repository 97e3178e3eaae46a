/* bytes % args (printf-style formatting of bytes, PEP 461). */
#include "bytes.h"
#include "errors.h"

PyObject *wf_bytes_mod(PyObject *self, PyObject *args) {
  (void)self;
  (void)args;
  return wf_err_set_string(&wf_NotImplementedError_type, "bytes %-formatting (bytes.__mod__) is not implemented");
}
