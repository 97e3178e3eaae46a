/* pylit: a small evaluator of Python expressions over literals, for
 * differential tests of the builtin types (docs/object-model.md "Tests").
 *
 *   literals    int (dec/hex/oct/bin, underscores), float, imaginary (1j),
 *               str and bytes (quotes ' " ''' """, prefixes r b rb br, escapes
 *               \n \t \r \\ \' \" \a \b \f \v \0 \ooo \xhh \uXXXX \UXXXXXXXX),
 *               tuple, list, dict, set, None, True, False, ..., NotImplemented
 *   operators   or and not, comparisons (chained, in, not in, is, is not),
 *               | ^ & << >> + - * / // % @ **, unary + - ~, if-else
 *   trailers    expr.name, calls f(a, b, k=v, *it), subscripts and slices
 *   names       builtin types (int str ... object type, exception classes) and
 *               functions: len repr str hash format divmod pow abs min max sum
 *               sorted isinstance issubclass iter next getattr hasattr setattr
 *               callable id ascii chr ord any all reversed enumerate zip map-free
 *
 * wf_test_eval returns the value, or NULL with the Python exception set (a
 * SyntaxError for text pylit cannot parse). The caller must have called
 * wf_runtime_init() and be an attached RUNNING thread.
 *
 * wf_test_eval_repr formats the outcome the way the vector generators do:
 * repr(value), or "!ExcName: str(exc)" for an exception. The result is
 * malloc'd (free it). */
#ifndef WF_TESTS_PYLIT_H
#define WF_TESTS_PYLIT_H

#ifdef __cplusplus
extern "C" {
#endif

struct _object *wf_test_eval(const char *expr);
char *wf_test_eval_repr(const char *expr);

#ifdef __cplusplus
}
#endif

#endif
