/* int.__format__: the format-spec mini-language for ints (vm/lib's parser
 * and padding, wf_float_format for the float presentation types).
 *
 *   ''             str(self) (so bool formats as 'True')
 *   b o x X d n    digits of |self| in the base ('n' is 'd': C locale),
 *                  '#' adds 0b/0o/0x/0X, grouping ',' or '_' (every 4
 *                  digits for b/o/x/X), sign, fill/align/width, '=' and 0
 *   c              the character chr(self) (no sign, no '#')
 *   e E f F g G %  float(self) formatted as a float (OverflowError if the
 *                  int does not fit)
 * Errors: python3.11's ValueError texts. */
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "floatobject.h"
#include "int_internal.h"
#include "wf_unicode.h"
#include "protocol.h"
#include "str.h"
#include "wf_float.h"

static PyObject *spec_error(PyObject *o, int err, const wf_format_spec *fs, const char *spec, Py_ssize_t n) {
  if (err == WF_FMT_ERR_NO_MEMORY) return wf_err_no_memory();
  char msg[512];
  wf_format_error_text(err, fs, spec, (size_t)n, WF_TYPE(o)->tp_name, "integer", msg, sizeof msg);
  return wf_err_set_string(&wf_ValueError_type, msg);
}

static PyObject *pad_number(const wf_format_spec *fs, const wf_format_number *num) {
  char small[256];
  size_t len = wf_format_pad_number(fs, num, small, sizeof small);
  if (len < sizeof small) return wf_str_from_utf8(small, (Py_ssize_t)len);
  char *big = malloc(len + 1);
  if (!big) return wf_err_no_memory();
  wf_format_pad_number(fs, num, big, len + 1);
  PyObject *r = wf_str_from_utf8(big, (Py_ssize_t)len);
  free(big);
  return r;
}

PyObject *wf_int_format(PyObject *o, const char *spec, Py_ssize_t n) {
  if (n == 0) return wf_object_str(o);
  wf_format_spec fs;
  int err = wf_format_spec_parse(spec, (size_t)n, 'd', '>', &fs);
  if (err != WF_FMT_OK) return spec_error(o, err, &fs, spec, n);
  uint32_t t = fs.type;
  switch (t) {
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
    double d = wf_int_as_double(o);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    PyObject *f = wf_float_from_double(d);
    return wf_float_format_spec(f, spec, n);
  }
  case 'b': case 'o': case 'x': case 'X': case 'd': case 'n': case 'c':
    break;
  default:
    return spec_error(o, WF_FMT_ERR_UNKNOWN_CODE, &fs, spec, n);
  }
  if (fs.precision >= 0) return spec_error(o, WF_FMT_ERR_PRECISION, &fs, spec, n);
  if (fs.no_neg_0) return spec_error(o, WF_FMT_ERR_NO_NEG_0, &fs, spec, n);
  wf_format_number num = {0};
  if (t == 'c') {
    if (fs.sign) return wf_err_set_string(&wf_ValueError_type, "Sign not allowed with integer format specifier 'c'");
    if (fs.alternate)
      return wf_err_set_string(&wf_ValueError_type, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t v;
    if (wf_int_as_int64(o, &v) < 0) return NULL; /* "Python int too large to convert to C long" */
    if (v < 0 || v > 0x10FFFF) return wf_err_set_string(&wf_OverflowError_type, "%c arg not in range(0x110000)");
    /* One character: padded as text (widths count code points). */
    char ch[4];
    size_t chn = wf_uc_utf8_encode((uint32_t)v, ch);
    wf_format_spec tfs = fs;
    if (tfs.align == '=') tfs.align = '>';
    size_t len = wf_format_pad_text(&tfs, ch, chn, 1, NULL, 0);
    char *out = malloc(len + 1);
    if (!out) return wf_err_no_memory();
    wf_format_pad_text(&tfs, ch, chn, 1, out, len + 1);
    PyObject *r = wf_str_from_utf8(out, (Py_ssize_t)len);
    free(out);
    return r;
  }
  int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
  size_t cap = wf_bigint_to_str_size(LONG_DIGITS(o), WF_SIZE(o), base) + 1;
  char *digits = malloc(cap);
  if (!digits) return wf_err_no_memory();
  size_t nd;
  int limit = wf_int_get_max_str_digits();
  int st = wf_bigint_to_str(digits, &nd, LONG_DIGITS(o), (ptrdiff_t)long_ndigits(o), base, (size_t)limit);
  if (st) {
    free(digits);
    if (st == WF_BIGINT_ESTR_LIMIT_TO_STR) {
      char msg[256];
      wf_bigint_format_error(msg, sizeof msg, st, limit, 0, "");
      return wf_err_set_string(&wf_ValueError_type, msg);
    }
    return wf_int_raise_status_(st);
  }
  if (t == 'X')
    for (size_t i = 0; i < nd; i++)
      if (digits[i] >= 'a' && digits[i] <= 'z') digits[i] = (char)(digits[i] - 'a' + 'A');
  static const char *prefixes[] = {"0b", "0o", "0x", "0X"};
  if (fs.alternate && base != 10) {
    num.prefix = prefixes[t == 'b' ? 0 : t == 'o' ? 1 : t == 'x' ? 2 : 3];
    num.prefix_len = 2;
  }
  num.negative = WF_SIZE(o) < 0;
  num.int_digits = digits;
  num.int_len = nd;
  num.group_size = base == 10 ? 3 : 4;
  PyObject *r = pad_number(&fs, &num);
  free(digits);
  return r;
}
