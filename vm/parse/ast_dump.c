/* ast.dump(tree, include_attributes=True), byte for byte as python3.11 prints it.
 *
 * The walk is generic over the generated field table (ast_nodes.def): for each
 * field in _fields order print `name=value`, skipping optional fields (ONODE,
 * OIDENT, OSTR) that are NULL, then the four position attributes for kinds that
 * have them.  Values are printed with Python's repr rules: str and bytes choose
 * their quote as repr() does and escape non-printable characters; floats use the
 * shortest round-trip digits with repr's fixed/exponent switch; ints of any size
 * print in decimal. */
#include "ast.h"
#include "parse_internal.h"
#include "wf_bigint.h"
#include "wf_float.h"
#include "wf_unicode.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_(name, cat, attrs, fields) static const char *const name##_fnames[] = {fields NULL};
#define F_(t, n) #n,
WF_AST_NODES(N_, F_)
#undef N_
#undef F_
#define N_(name, cat, attrs, fields) static const unsigned char name##_ftypes[] = {fields 0};
#define F_(t, n) WF_F_##t,
WF_AST_NODES(N_, F_)
#undef N_
#undef F_

const wf_ast_kind_info wf_ast_kinds[WF_AST_COUNT_] = {
#define N_(name, cat, attrs, fields) \
  [WF_AST_##                         \
      name] = {#name, #cat, attrs, (int)(sizeof name##_fnames / sizeof(char *)) - 1, name##_fnames, name##_ftypes},
#define F_(t, n)
    WF_AST_NODES(N_, F_)
#undef N_
#undef F_
};

/* Every field is one word: check the layout rule the dumper relies on. */
#define N_(name, cat, attrs, fields) \
  _Static_assert(sizeof(((wf_node *)0)->v.name) == 8 * (sizeof name##_ftypes - 1), #name);
#define F_(t, n)
WF_AST_NODES(N_, F_)
#undef N_
#undef F_

/* ---- output buffer ---- */

void wf_buf_grow(wf_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap * 2 : 4096;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p) {
    fputs("weft: out of memory\n", stderr);
    abort();
  }
  b->data = p;
  b->cap = cap;
}

void wf_buf_put(wf_buf *b, const char *s, size_t n) {
  wf_buf_grow(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}

void wf_buf_puts(wf_buf *b, const char *s) { wf_buf_put(b, s, strlen(s)); }

void wf_buf_put_utf8(wf_buf *b, uint32_t c) {
  char t[4];
  wf_buf_put(b, t, wf_uc_utf8_encode(c, t));
}

void wf_buf_printf(wf_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < (int)sizeof tmp) {
    wf_buf_put(b, tmp, (size_t)n);
    return;
  }
  wf_buf_grow(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* ---- repr of constants ---- */

/* Decode one generalized-UTF-8 sequence (surrogates allowed); returns its length. */
size_t wf_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80 || n < 2) {
    *cp = c;
    return 1;
  }
  if (c < 0xE0) {
    *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0 || n < 4) {
    if (n < 3) {
      *cp = c;
      return 1;
    }
    *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  return 4;
}

static void repr_str(wf_buf *b, const char *s, size_t n) {
  int sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
  char q = (sq && !dq) ? '"' : '\'';
  wf_buf_grow(b, n + 2);
  b->data[b->len++] = q;
  const unsigned char *p = (const unsigned char *)s, *e = p + n;
  while (p < e) {
    uint32_t c;
    size_t k = wf_utf8_decode(p, (size_t)(e - p), &c);
    if (c == (uint32_t)q || c == '\\') {
      char t[2] = {'\\', (char)c};
      wf_buf_put(b, t, 2);
    } else if (c == '\t')
      wf_buf_put(b, "\\t", 2);
    else if (c == '\n')
      wf_buf_put(b, "\\n", 2);
    else if (c == '\r')
      wf_buf_put(b, "\\r", 2);
    else if (c < 0x7F && c >= 0x20)
      wf_buf_put(b, (const char *)p, 1);
    else if (c < 0x80)
      wf_buf_printf(b, "\\x%02x", c);
    else if (wf_parse_isprintable(c))
      wf_buf_put(b, (const char *)p, k);
    else if (c < 0x100)
      wf_buf_printf(b, "\\x%02x", c);
    else if (c < 0x10000)
      wf_buf_printf(b, "\\u%04x", c);
    else
      wf_buf_printf(b, "\\U%08x", c);
    p += k;
  }
  wf_buf_put(b, &q, 1);
}

static void repr_bytes(wf_buf *b, const char *s, size_t n) {
  int sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
  char q = (sq && !dq) ? '"' : '\'';
  wf_buf_put(b, "b", 1);
  wf_buf_put(b, &q, 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == (unsigned char)q || c == '\\') {
      char t[2] = {'\\', (char)c};
      wf_buf_put(b, t, 2);
    } else if (c == '\t')
      wf_buf_put(b, "\\t", 2);
    else if (c == '\n')
      wf_buf_put(b, "\\n", 2);
    else if (c == '\r')
      wf_buf_put(b, "\\r", 2);
    else if (c < 0x20 || c >= 0x7F)
      wf_buf_printf(b, "\\x%02x", c);
    else
      wf_buf_put(b, (const char *)&c, 1);
  }
  wf_buf_put(b, &q, 1);
}

/* Python's repr(float); for the imaginary part of a complex, repr without ".0". */
void wf_parse_float_repr(wf_buf *b, double x, int add_dot0) {
  char tmp[64];
  size_t n = add_dot0 ? wf_float_repr(x, tmp, sizeof tmp) : wf_float_to_string(x, 'r', 0, 0, tmp, sizeof tmp);
  wf_buf_put(b, tmp, n);
}

/* Decimal text of a big literal (digits in `base`, no prefix or sign). */
static void repr_bigint(wf_buf *b, const char *digits, int base) {
  size_t nd = strlen(digits);
  uint32_t *v = malloc(wf_bigint_from_str_size(nd, base) * sizeof *v);
  ptrdiff_t sv = 0;
  if (!v || wf_bigint_from_str(v, &sv, digits, nd, base, 0, NULL) != WF_BIGINT_OK) {
    fputs("weft: bad integer literal reached the AST dumper\n", stderr);
    abort();
  }
  size_t cap = wf_bigint_to_str_size(v, sv, 10), n = 0;
  wf_buf_grow(b, cap);
  wf_bigint_to_str(b->data + b->len, &n, v, sv, 10, 0);
  b->len += n;
  b->data[b->len] = 0;
  free(v);
}

static void repr_const(wf_buf *b, const wf_const *c) {
  switch (c->kind) {
    case WF_CONST_NONE:
      wf_buf_puts(b, "None");
      break;
    case WF_CONST_TRUE:
      wf_buf_puts(b, "True");
      break;
    case WF_CONST_FALSE:
      wf_buf_puts(b, "False");
      break;
    case WF_CONST_ELLIPSIS:
      wf_buf_puts(b, "Ellipsis");
      break;
    case WF_CONST_INT:
      if (c->big)
        repr_bigint(b, c->big, c->base);
      else
        wf_buf_printf(b, "%" PRId64, c->i);
      break;
    case WF_CONST_FLOAT:
      wf_parse_float_repr(b, c->f, 1);
      break;
    case WF_CONST_COMPLEX:
      wf_parse_float_repr(b, c->f, 0);
      wf_buf_put(b, "j", 1);
      break;
    case WF_CONST_STR:
      repr_str(b, c->s, c->n);
      break;
    case WF_CONST_BYTES:
      repr_bytes(b, c->s, c->n);
      break;
    case WF_CONST_OBJECT: /* folded by the compiler, after any dump */
      wf_buf_puts(b, "<folded>");
      break;
  }
}

/* ---- the walk ---- */

static void dump(wf_buf *b, const wf_node *n);

static void dump_field(wf_buf *b, int type, const void *word) {
  switch (type) {
    case WF_F_NODE:
    case WF_F_ONODE:
      dump(b, *(wf_node *const *)word);
      break;
    case WF_F_IDENT:
    case WF_F_OIDENT:
    case WF_F_STR:
    case WF_F_OSTR: {
      const char *s = *(const char *const *)word;
      repr_str(b, s, strlen(s));
      break;
    }
    case WF_F_CONST:
      repr_const(b, *(wf_const *const *)word);
      break;
    case WF_F_INT:
      wf_buf_printf(b, "%" PRIdPTR, *(const intptr_t *)word);
      break;
    case WF_F_ENUM:
      wf_buf_puts(b, wf_ast_kinds[*(const intptr_t *)word].name);
      wf_buf_puts(b, "()");
      break;
    case WF_F_SEQ:
    case WF_F_IDENTS:
    case WF_F_ENUMS: {
      const wf_seq *s = *(wf_seq *const *)word;
      int et = type == WF_F_SEQ ? WF_F_NODE : type == WF_F_IDENTS ? WF_F_IDENT : WF_F_ENUM;
      wf_buf_put(b, "[", 1);
      for (intptr_t i = 0; s && i < s->n; i++) {
        if (i) wf_buf_put(b, ", ", 2);
        if (et == WF_F_ENUM) {
          intptr_t k = (intptr_t)s->items[i];
          dump_field(b, et, &k);
        } else
          dump_field(b, et, &s->items[i]);
      }
      wf_buf_put(b, "]", 1);
      break;
    }
  }
}

static void dump(wf_buf *b, const wf_node *n) {
  if (!n) {
    wf_buf_puts(b, "None");
    return;
  }
  const wf_ast_kind_info *k = &wf_ast_kinds[n->kind];
  wf_buf_puts(b, k->name);
  wf_buf_put(b, "(", 1);
  const char *v = (const char *)&n->v;
  int first = 1;
  for (int i = 0; i < k->nfields; i++) {
    int t = k->field_types[i];
    const void *word = v + 8 * i;
    if ((t == WF_F_ONODE || t == WF_F_OIDENT || t == WF_F_OSTR) && !*(void *const *)word) continue;
    if (!first) wf_buf_put(b, ", ", 2);
    first = 0;
    wf_buf_puts(b, k->field_names[i]);
    wf_buf_put(b, "=", 1);
    dump_field(b, t, word);
  }
  if (k->has_attributes)
    wf_buf_printf(b, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d", first ? "" : ", ", n->lineno,
                  n->col_offset, n->end_lineno, n->end_col_offset);
  wf_buf_put(b, ")", 1);
}

char *wf_ast_dump(const wf_node *n, size_t *len) {
  wf_buf b = {0};
  wf_buf_grow(&b, 0);
  dump(&b, n);
  if (len) *len = b.len;
  return b.data;
}
