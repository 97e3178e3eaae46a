/* float_fmtspec.c — the format-spec mini-language and padding, shared by
 * float, int, complex and str __format__ (it lives in the float group only
 * because float needed it first).
 *
 * Parsing follows Python 3.11's grammar, left to right, each part optional:
 *     [[fill]align][sign][z][#][0][width][,|_][.precision][type]
 *   - fill is any code point, but only when the next one is an align char;
 *   - '0' (when no fill was given) means fill '0', and align '=' if no
 *     align was given and the type's default alignment is '>';
 *   - a second ',' or '_' is not special: it becomes the type (so ",,"
 *     reports "Cannot specify ',' with ','." as CPython does);
 *   - more than one code point left at the end is "Invalid format
 *     specifier"; exactly one is the type.
 * Padding of numbers lays out  [pad] sign prefix [0-pad] digits rest [pad];
 * with fill '0' and align '=', the zero padding goes through the grouping
 * so separators appear in it ("0,001,234.5"), and a group never starts
 * with a separator.
 */
#include "wf_float.h"

#include <stdio.h>
#include <string.h>

/* Decode one UTF-8 code point at s[*i] (lenient on bad input). */
static uint32_t decode(const char *s, size_t n, size_t *i) {
  unsigned char c = (unsigned char)s[*i];
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
  size_t k = 1;
  for (; k < (size_t)len && *i + k < n; k++)
    cp = (cp << 6) | ((unsigned char)s[*i + k] & 0x3F);
  *i += k;
  return cp;
}

static int encode(uint32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

static int is_align(uint32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Decimal integer at s[*i]: 0 none, 1 ok, -1 overflow of int64. */
static int get_int(const char *s, size_t n, size_t *i, int64_t *v) {
  int any = 0;
  int64_t acc = 0;
  while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
    int d = s[*i] - '0';
    if (acc > (INT64_MAX - d) / 10) return -1;
    acc = acc * 10 + d;
    (*i)++;
    any = 1;
  }
  *v = acc;
  return any;
}

int wf_format_spec_parse(const char *spec, size_t n, uint32_t default_type,
                         char default_align, wf_format_spec *out) {
  wf_format_spec f;
  memset(&f, 0, sizeof f);
  f.fill = ' ';
  f.align = default_align;
  f.width = -1;
  f.precision = -1;
  f.type = default_type;
  size_t pos = 0;
  if (n > 0) {
    size_t p1 = 0;
    uint32_t c0 = decode(spec, n, &p1);
    size_t p2 = p1;
    uint32_t c1 = p1 < n ? decode(spec, n, &p2) : 0;
    if (p1 < n && is_align(c1)) {
      f.fill = c0;
      f.align = (char)c1;
      f.fill_specified = f.align_specified = true;
      pos = p2;
    } else if (is_align(c0)) {
      f.align = (char)c0;
      f.align_specified = true;
      pos = p1;
    }
  }
  if (pos < n && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
    f.sign = spec[pos++];
  if (pos < n && spec[pos] == 'z') {
    f.no_neg_0 = true;
    pos++;
  }
  if (pos < n && spec[pos] == '#') {
    f.alternate = true;
    pos++;
  }
  if (!f.fill_specified && pos < n && spec[pos] == '0') {
    f.fill = '0';
    if (!f.align_specified && default_align == '>') f.align = '=';
    pos++;
  }
  int64_t v;
  int r = get_int(spec, n, &pos, &v);
  if (r < 0) return WF_FMT_ERR_TOO_MANY_DIGITS;
  if (r > 0) f.width = v;
  if (pos < n && spec[pos] == ',') {
    f.grouping = ',';
    pos++;
  }
  if (pos < n && spec[pos] == '_') {
    if (f.grouping) return WF_FMT_ERR_GROUPING_BOTH;
    f.grouping = '_';
    pos++;
  }
  if (pos < n && spec[pos] == ',' && f.grouping == '_')
    return WF_FMT_ERR_GROUPING_BOTH;
  if (pos < n && spec[pos] == '.') {
    pos++;
    r = get_int(spec, n, &pos, &v);
    if (r < 0) return WF_FMT_ERR_TOO_MANY_DIGITS;
    if (r == 0) return WF_FMT_ERR_MISSING_PRECISION;
    f.precision = v;
  }
  if (pos < n) {
    size_t q = pos;
    uint32_t t = decode(spec, n, &q);
    if (q < n) return WF_FMT_ERR_INVALID;
    f.type = t;
  }
  if (f.grouping) {
    switch (f.type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
    case 'F': case 0:
      break;
    case 'b': case 'o': case 'x': case 'X':
      if (f.grouping == '_') break;
      /* fall through */
    default:
      *out = f;
      return WF_FMT_ERR_GROUPING_TYPE;
    }
  }
  *out = f;
  return WF_FMT_OK;
}

/* ------------------------------------------------------------ messages */

static size_t put_code(char *b, uint32_t c) {
  /* CPython prints the char itself when 32 < c < 128, else \x<hex>. */
  if (c > 32 && c < 128) {
    b[0] = (char)c;
    b[1] = 0;
    return 1;
  }
  return (size_t)snprintf(b, 16, "\\x%x", (unsigned)c);
}

size_t wf_format_error_text(int err, const wf_format_spec *fs,
                            const char *spec, size_t spec_n,
                            const char *type_name, const char *what,
                            char *buf, size_t cap) {
  char code[16];
  int r = 0;
  switch (err) {
  case WF_FMT_ERR_INVALID:
    r = snprintf(buf, cap, "Invalid format specifier '%.*s' for object of type '%s'",
                 (int)spec_n, spec, type_name);
    break;
  case WF_FMT_ERR_TOO_MANY_DIGITS:
    r = snprintf(buf, cap, "Too many decimal digits in format string");
    break;
  case WF_FMT_ERR_MISSING_PRECISION:
    r = snprintf(buf, cap, "Format specifier missing precision");
    break;
  case WF_FMT_ERR_GROUPING_BOTH:
    r = snprintf(buf, cap, "Cannot specify both ',' and '_'.");
    break;
  case WF_FMT_ERR_GROUPING_TYPE:
    put_code(code, fs->type);
    r = snprintf(buf, cap, "Cannot specify '%c' with '%s'.", fs->grouping, code);
    break;
  case WF_FMT_ERR_UNKNOWN_CODE:
    put_code(code, fs->type);
    r = snprintf(buf, cap, "Unknown format code '%s' for object of type '%s'",
                 code, type_name);
    break;
  case WF_FMT_ERR_SIGN:
    r = snprintf(buf, cap, "Sign not allowed in %s format specifier", what);
    break;
  case WF_FMT_ERR_ALTERNATE:
    r = snprintf(buf, cap, "Alternate form (#) not allowed in %s format specifier", what);
    break;
  case WF_FMT_ERR_EQ_ALIGN:
    r = snprintf(buf, cap, "'=' alignment not allowed in %s format specifier", what);
    break;
  case WF_FMT_ERR_NO_NEG_0:
    r = snprintf(buf, cap, "Negative zero coercion (z) not allowed in %s format specifier", what);
    break;
  case WF_FMT_ERR_PRECISION:
    r = snprintf(buf, cap, "Precision not allowed in %s format specifier", what);
    break;
  case WF_FMT_ERR_ZERO_PAD:
    r = snprintf(buf, cap, "Zero padding is not allowed in %s format specifier", what);
    break;
  case WF_FMT_ERR_PRECISION_TOO_BIG:
    r = snprintf(buf, cap, "precision too big");
    break;
  default:
    r = snprintf(buf, cap, "bad format spec");
    break;
  }
  return r < 0 ? 0 : (size_t)r;
}

/* ------------------------------------------------------------- padding */

typedef struct {
  char *buf;
  size_t cap, len;
} out;

static void put(out *o, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (o->len < o->cap) o->buf[o->len] = s[i];
    o->len++;
  }
}

static void put_fill(out *o, const char *f, int flen, int64_t count) {
  for (int64_t i = 0; i < count; i++) put(o, f, (size_t)flen);
}

static size_t finish(out *o) {
  if (o->cap) o->buf[o->len < o->cap ? o->len : o->cap - 1] = 0;
  return o->len;
}

/* Length of the grouped digits: groups of g from the right, the leftmost
   possibly shorter; zero-padded on the left until at least min_width
   chars; never starting with a separator. */
static size_t grouped_len(size_t nd, int64_t min_width, int g) {
  int64_t rem = (int64_t)nd, mw = min_width;
  size_t len = 0;
  for (;;) {
    int64_t l = rem > mw ? rem : mw;
    if (l < 1) l = 1;
    if (l > g) l = g;
    len += (size_t)l;
    rem -= l;
    mw -= l;
    if (rem <= 0 && mw <= 0) break;
    len++;
    mw--;
  }
  return len;
}

/* Counting from the right (0 = last char), every (g+1)th char is the
   separator; the others are digits, '0' beyond the given ones. */
static void emit_grouped(out *o, const char *dig, size_t nd, int64_t min_width,
                         int g, char sep) {
  size_t total = grouped_len(nd, min_width, g);
  for (size_t pos = 0; pos < total; pos++) {
    size_t from_right = total - 1 - pos;
    char c;
    if ((from_right + 1) % (size_t)(g + 1) == 0) {
      c = sep;
    } else {
      size_t digit_idx = from_right - from_right / (size_t)(g + 1);
      c = digit_idx < nd ? dig[nd - 1 - digit_idx] : '0';
    }
    put(o, &c, 1);
  }
}

size_t wf_format_pad_number(const wf_format_spec *fs,
                            const wf_format_number *num, char *buf,
                            size_t cap) {
  out o = {buf, cap, 0};
  char sign = 0;
  if (num->negative)
    sign = '-';
  else if (fs->sign == '+' || fs->sign == ' ')
    sign = fs->sign;
  int64_t fixed = (sign ? 1 : 0) + (int64_t)num->prefix_len + (int64_t)num->rest_len;
  int group = fs->grouping && num->int_len > 0 && num->group_size > 0;
  int64_t min_width = 0;
  if (fs->fill == '0' && fs->align == '=' && fs->width > fixed)
    min_width = fs->width - fixed;
  size_t dlen;
  if (group)
    dlen = grouped_len(num->int_len, min_width, num->group_size);
  else
    dlen = num->int_len > (size_t)min_width ? num->int_len : (size_t)min_width;
  int64_t total = fixed + (int64_t)dlen;
  int64_t pad = fs->width > total ? fs->width - total : 0;
  int64_t left = 0, right = 0, mid = 0;
  switch (fs->align) {
  case '<': right = pad; break;
  case '^': left = pad / 2; right = pad - left; break;
  case '=': mid = pad; break;
  default: left = pad; break;
  }
  char fill[4];
  int flen = encode(fs->fill, fill);
  put_fill(&o, fill, flen, left);
  if (sign) put(&o, &sign, 1);
  put(&o, num->prefix, num->prefix_len);
  put_fill(&o, fill, flen, mid);
  if (group) {
    emit_grouped(&o, num->int_digits, num->int_len, min_width, num->group_size,
                 fs->grouping);
  } else {
    for (size_t i = num->int_len; i < dlen; i++) put(&o, "0", 1);
    put(&o, num->int_digits, num->int_len);
  }
  put(&o, num->rest, num->rest_len);
  put_fill(&o, fill, flen, right);
  return finish(&o);
}

size_t wf_format_pad_text(const wf_format_spec *fs, const char *text,
                          size_t len, size_t ncp, char *buf, size_t cap) {
  out o = {buf, cap, 0};
  int64_t pad = fs->width > (int64_t)ncp ? fs->width - (int64_t)ncp : 0;
  int64_t left = 0, right = 0;
  switch (fs->align) {
  case '>': case '=': left = pad; break;
  case '^': left = pad / 2; right = pad - left; break;
  default: right = pad; break;
  }
  char fill[4];
  int flen = encode(fs->fill, fill);
  put_fill(&o, fill, flen, left);
  put(&o, text, len);
  put_fill(&o, fill, flen, right);
  return finish(&o);
}
