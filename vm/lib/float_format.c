/* float_format.c — float.__format__: the type-specific half of format().
 *
 * Mirrors Python 3.11's float formatting rules:
 *   - no type: repr-style shortest digits with ".0" added to integers, or,
 *     with a precision, 'g' that keeps one digit after the point and
 *     switches to exponent form one digit earlier ("1.23e+02" for '.3');
 *   - 'n' is 'g' (C locale: no grouping, '.' point);
 *   - '%' multiplies by 100 in double arithmetic, formats as 'f', adds '%';
 *   - default precision 6;
 *   - inf/nan take part in fill/align/zero-padding but not in grouping.
 * Digits come from wf_float_to_string (float_dtoa.c); layout from
 * wf_format_pad_number (float_fmtspec.c).
 */
#include "wf_float.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

int wf_float_format(double x, const wf_format_spec *fs, char *buf, size_t cap,
                    size_t *len) {
  uint32_t t = fs->type;
  switch (t) {
  case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
  case 'n': case '%':
    break;
  default:
    return WF_FMT_ERR_UNKNOWN_CODE;
  }
  if (fs->precision > INT_MAX) return WF_FMT_ERR_PRECISION_TOO_BIG;
  unsigned flags = 0;
  if (fs->alternate) flags |= WF_DTSF_ALT;
  if (fs->no_neg_0) flags |= WF_DTSF_NO_NEG_0;
  int64_t default_precision = 6;
  if (t == 0) {
    flags |= WF_DTSF_ADD_DOT_0;
    t = 'r';
    default_precision = 0;
  }
  if (t == 'n') t = 'g';
  int add_pct = 0;
  if (t == '%') {
    t = 'f';
    x *= 100;
    add_pct = 1;
  }
  int64_t precision = fs->precision;
  if (precision < 0)
    precision = default_precision;
  else if (t == 'r')
    t = 'g';

  char small[512];
  char *body = small;
  size_t blen = wf_float_to_string(x, (char)t, precision, flags, small,
                                   sizeof small - 1);
  if (blen >= sizeof small - 1) {
    body = malloc(blen + 2);
    if (!body) return WF_FMT_ERR_NO_MEMORY;
    wf_float_to_string(x, (char)t, precision, flags, body, blen + 1);
  }
  if (add_pct) body[blen++] = '%';
  wf_format_number num;
  memset(&num, 0, sizeof num);
  size_t i = 0;
  if (blen && body[0] == '-') {
    num.negative = true;
    i = 1;
  }
  num.int_digits = body + i;
  size_t j = i;
  while (j < blen && body[j] >= '0' && body[j] <= '9') j++;
  num.int_len = j - i;
  num.rest = body + j;
  num.rest_len = blen - j;
  num.group_size = 3;
  *len = wf_format_pad_number(fs, &num, buf, cap);
  if (body != small) free(body);
  return WF_FMT_OK;
}
