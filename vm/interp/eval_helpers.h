/* Helpers of the eval loop (eval_helpers.c). */
#ifndef WF_INTERP_EVAL_HELPERS_H
#define WF_INTERP_EVAL_HELPERS_H

#include "interp_internal.h"

PyObject *wf_eval_unbound_local(wf_code *co, int i);
PyObject *wf_eval_unbound_deref(wf_code *co, int i);
PyObject *wf_eval_name_error(PyObject *name);
PyObject *wf_eval_load_name(wf_frame *f, PyObject *name);
PyObject *wf_eval_load_classderef(wf_frame *f, int i);
int wf_eval_store_name(wf_frame *f, PyObject *name, PyObject *v);
int wf_eval_delete_name(wf_frame *f, PyObject *name);
int wf_eval_delete_global(wf_frame *f, PyObject *name);
PyObject *wf_eval_build_map(PyObject *const *items, Py_ssize_t n);
PyObject *wf_eval_build_const_key_map(PyObject *const *values, PyObject *keys);
PyObject *wf_eval_build_set(PyObject *const *items, Py_ssize_t n);
PyObject *wf_eval_build_string(PyObject *const *items, Py_ssize_t n);
int wf_eval_list_extend(PyObject *list, PyObject *iterable);
int wf_eval_set_update(PyObject *set, PyObject *iterable);
int wf_eval_dict_update(PyObject *dict, PyObject *update);
int wf_eval_dict_merge(PyObject *func, PyObject *dict, PyObject *update);
int wf_eval_unpack(PyObject *seq, Py_ssize_t before, Py_ssize_t after, PyObject **out);
PyObject *wf_eval_format_value(PyObject *v, int conv, PyObject *spec);
PyObject *wf_eval_make_function(PyObject *code, PyObject *globals, PyObject *const *extra, int flags);
int wf_eval_exc_match(PyObject *exc, PyObject *t);
int wf_eval_eg_match(PyObject *exc, PyObject *t, PyObject **match, PyObject **rest);
void wf_eval_do_raise(PyObject *exc, PyObject *cause);
int wf_eval_before_with(PyObject *mgr, bool is_async, PyObject **out);
PyObject *wf_eval_with_except_start(PyObject *exit, PyObject *val);
PyObject *wf_eval_import_name(wf_frame *f, PyObject *name, PyObject *fromlist, PyObject *level);
PyObject *wf_eval_import_from(PyObject *module, PyObject *name);
int wf_eval_import_star(wf_frame *f, PyObject *module);
PyObject *wf_eval_match_keys(PyObject *subject, PyObject *keys);
PyObject *wf_eval_copy_dict_without_keys(PyObject *subject, PyObject *keys);
PyObject *wf_eval_match_class(PyObject *subject, PyObject *type, Py_ssize_t nargs, PyObject *kwargs);
PyObject *wf_eval_get_awaitable(PyObject *o, int where);
PyObject *wf_eval_get_aiter(PyObject *o);
PyObject *wf_eval_get_anext(PyObject *aiter);
int wf_eval_print_expr(PyObject *v);
PyObject *wf_eval_call_ex(PyObject *func, PyObject *args, PyObject *kwargs);
int wf_eval_setup_annotations(wf_frame *f);

#endif
