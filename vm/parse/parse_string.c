/* String and number literals, and f-strings as python3.11 parses them.
 *
 * Adjacent STRING tokens form one atom.  Plain pieces are decoded (escapes
 * unless raw) and concatenated into one Constant; if any piece is an f-string the
 * result is a JoinedStr whose parts are Constants (merged literal text) and
 * FormattedValues.  As in 3.11, every part, nested format-spec JoinedStr and
 * FormattedValue carries the position of the whole atom, while the nodes inside a
 * replacement field are positioned by sub-parsing the field text wrapped in
 * parentheses, shifted to where the '{' is (on a later line of a multi-line
 * string, 3.11 also adds the string's start column: reproduced on purpose). */
#include "parser.h"
#include "wf_float.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int wf_parse_unicode_name(const char *name, size_t n, uint32_t *cp);
wf_node *wf_p_fstring_rule(parser *p);

/* ---- numbers ---- */

/* A literal's digits (underscores removed) as a correctly rounded double;
 * the tokenizer has validated the syntax. Overflow gives inf, as in Python. */
static double literal_double(const char *digits) {
  double d = 0;
  wf_float_parse(digits, strlen(digits), 0, &d, NULL);
  return d;
}

wf_node *wf_p_number(parser *p, wf_token *t) {
  int start = (int)(t - p->tok);
  wf_node *n = wf_p_node(p, WF_AST_Constant, start);
  n->end_lineno = t->end_lineno;
  n->end_col_offset = t->end_col;
  wf_const *c = wf_p_const(p, WF_CONST_INT);
  n->v.Constant.value = c;
  char stack[128];
  char *buf = t->n < (int)sizeof stack ? stack : malloc((size_t)t->n + 1);
  int k = 0;
  for (int i = 0; i < t->n; i++)
    if (t->s[i] != '_') buf[k++] = t->s[i];
  buf[k] = 0;
  char last = buf[k - 1];
  if (last == 'j' || last == 'J') {
    buf[k - 1] = 0;
    c->kind = WF_CONST_COMPLEX;
    c->f = literal_double(buf);
  } else if (k > 1 && buf[0] == '0' && strchr("xXoObB", buf[1])) {
    int base = (buf[1] | 0x20) == 'x' ? 16 : (buf[1] | 0x20) == 'o' ? 8 : 2;
    const char *d = buf + 2;
    while (*d == '0' && d[1]) d++;
    errno = 0;
    unsigned long long v = strtoull(d, NULL, base);
    if (errno == ERANGE || v > INT64_MAX) {
      c->big = wf_arena_strndup(p->arena, d, strlen(d));
      c->base = base;
    } else
      c->i = (int64_t)v;
  } else if (strpbrk(buf, ".eE")) {
    c->kind = WF_CONST_FLOAT;
    c->f = literal_double(buf);
  } else {
    const char *d = buf;
    while (*d == '0' && d[1]) d++;
    if (strlen(d) > 18) {
      c->big = wf_arena_strndup(p->arena, d, strlen(d));
      c->base = 10;
    } else
      c->i = strtoll(d, NULL, 10);
  }
  if (buf != stack) free(buf);
  return n;
}

/* ---- escapes ---- */

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Character index of byte offset `off` in s (for codec error positions). */
static long char_index(const char *s, size_t off) {
  long k = 0;
  for (size_t i = 0; i < off; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) k++;
  return k;
}

/* Decode s[0..n) with backslash escapes into b.  Returns -1 with the error set
 * (reported at the token after the string, as python3.11 does). */
static int decode_escapes(parser *p, wf_buf *b, const char *s, size_t n, int bytes) {
  const char *e = s + n;
  const char *q = s;
  while (q < e) {
    if (*q != '\\') {
      const char *r = q;
      while (r < e && *r != '\\') r++;
      wf_buf_put(b, q, (size_t)(r - q));
      q = r;
      continue;
    }
    const char *esc = q;
    q++;
    if (q >= e) {
      if (bytes)
        wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "(value error) Trailing \\ in string");
      else
        wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p),
                       "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in "
                       "position %ld: \\ at end of string",
                       char_index(s, (size_t)(esc - s)));
      return -1;
    }
    char c = *q++;
    switch (c) {
      case '\n':
        break;
      case '\\':
        wf_buf_put(b, "\\", 1);
        break;
      case '\'':
        wf_buf_put(b, "'", 1);
        break;
      case '"':
        wf_buf_put(b, "\"", 1);
        break;
      case 'a':
        wf_buf_put(b, "\a", 1);
        break;
      case 'b':
        wf_buf_put(b, "\b", 1);
        break;
      case 'f':
        wf_buf_put(b, "\f", 1);
        break;
      case 'n':
        wf_buf_put(b, "\n", 1);
        break;
      case 'r':
        wf_buf_put(b, "\r", 1);
        break;
      case 't':
        wf_buf_put(b, "\t", 1);
        break;
      case 'v':
        wf_buf_put(b, "\v", 1);
        break;
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7': {
        uint32_t v = (uint32_t)(c - '0');
        for (int i = 0; i < 2 && q < e && *q >= '0' && *q <= '7'; i++) v = v * 8 + (uint32_t)(*q++ - '0');
        if (bytes) {
          char ch = (char)(v & 0xFF);
          wf_buf_put(b, &ch, 1);
        } else
          wf_buf_put_utf8(b, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (bytes && c != 'x') {
          wf_buf_put(b, esc, 2);
          break;
        }
        int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        int i;
        for (i = 0; i < digits && q < e && hexval((unsigned char)*q) >= 0; i++)
          v = v * 16 + (uint32_t)hexval((unsigned char)*q++);
        long pos = char_index(s, (size_t)(esc - s));
        if (i < digits) {
          if (bytes)
            wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "(value error) invalid \\x escape at position %ld",
                           (long)(esc - s));
          else
            wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p),
                           "(unicode error) 'unicodeescape' codec can't decode bytes in "
                           "position %ld-%ld: truncated \\%s escape",
                           pos, pos + 1 + i,
                           c == 'x'   ? "xXX"
                           : c == 'u' ? "uXXXX"
                                      : "UXXXXXXXX");
          return -1;
        }
        if (v > 0x10FFFF) {
          wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p),
                         "(unicode error) 'unicodeescape' codec can't decode bytes in "
                         "position %ld-%ld: illegal Unicode character",
                         pos, pos + 1 + digits);
          return -1;
        }
        if (bytes) {
          char ch = (char)v;
          wf_buf_put(b, &ch, 1);
        } else
          wf_buf_put_utf8(b, v);
        break;
      }
      case 'N': {
        if (bytes) {
          wf_buf_put(b, esc, 2);
          break;
        }
        long pos = char_index(s, (size_t)(esc - s));
        const char *close = NULL;
        if (q < e && *q == '{') {
          close = memchr(q, '}', (size_t)(e - q));
        }
        uint32_t v;
        if (!close || close == q + 1) {
          wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p),
                         "(unicode error) 'unicodeescape' codec can't decode bytes in "
                         "position %ld-%ld: malformed \\N character escape",
                         pos, close ? pos + (long)(close - esc) : pos + 1 + (q < e && *q == '{'));
          return -1;
        }
        if (wf_parse_unicode_name(q + 1, (size_t)(close - q - 1), &v) < 0) {
          wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p),
                         "(unicode error) 'unicodeescape' codec can't decode bytes in "
                         "position %ld-%ld: unknown Unicode character name",
                         pos, pos + char_index(esc, (size_t)(close - esc)));
          return -1;
        }
        wf_buf_put_utf8(b, v);
        q = close + 1;
        break;
      }
      default:
        wf_buf_put(b, esc, 2);
        break;
    }
  }
  return 0;
}

/* ---- f-strings ---- */

typedef struct fstate {
  parser *p;
  wf_buf lit; /* pending literal text */
  int has_lit;
  vec parts;
  int first, last; /* token range of the whole atom (positions of parts) */
  const char *kind;
  wf_token *t; /* the token being parsed */
  int raw;
} fstate;

static wf_node *span_node2(fstate *st, int kind, wf_token *a, wf_token *b) {
  parser *p = st->p;
  wf_node *n = wf_arena_alloc(p->arena, sizeof(wf_node));
  n->kind = (uint32_t)kind;
  n->lineno = a->lineno;
  n->col_offset = a->col;
  n->end_lineno = b->end_lineno;
  n->end_col_offset = b->end_col;
  return n;
}

static wf_node *span_node(fstate *st, int kind) {
  return span_node2(st, kind, &st->p->tok[st->first], &st->p->tok[st->last]);
}

/* The pending literal becomes a Constant spanning a..b (the whole atom, except
 * for the text ending a format spec: that spans the spec's token, as in 3.11). */
static void flush_literal_span(fstate *st, vec *parts, wf_token *a, wf_token *b) {
  if (st->lit.len == 0) return;
  wf_node *c = span_node2(st, WF_AST_Constant, a, b);
  wf_const *k = wf_p_const(st->p, WF_CONST_STR);
  k->s = wf_arena_strndup(st->p->arena, st->lit.data, st->lit.len);
  k->n = st->lit.len;
  c->v.Constant.value = k;
  c->v.Constant.kind = st->kind;
  wf_vec_push(parts, c);
  st->lit.len = 0;
}

static void flush_literal(fstate *st, vec *parts) {
  flush_literal_span(st, parts, &st->p->tok[st->first], &st->p->tok[st->last]);
}

static int add_literal(fstate *st, const char *s, size_t n) {
  if (n == 0) return 0;
  if (st->raw) {
    wf_buf_put(&st->lit, s, n);
    return 0;
  }
  return decode_escapes(st->p, &st->lit, s, n, 0);
}

static void *fs_error(fstate *st, const char *msg) {
  return wf_p_error_tok(st->p, WF_EXC_SYNTAX, peek(st->p), "%s", msg);
}

static int fstring_parse(fstate *st, const char **str, const char *end, int lvl, vec *parts);

static int find_expr(fstate *st, const char **str, const char *end, int lvl, vec *parts) {
  parser *p = st->p;
  if (lvl >= 2) {
    fs_error(st, "f-string: expressions nested too deeply");
    return -1;
  }
  const char *s = *str + 1;
  const char *expr_start = s;
  char stack[200];
  int depth = 0;
  char quote = 0;
  int triple = 0;
  for (; s < end; s++) {
    char ch = *s;
    if (ch == '\\') {
      fs_error(st, "f-string expression part cannot include a backslash");
      return -1;
    }
    if (quote) {
      if (ch == quote) {
        if (triple) {
          if (s + 2 < end && s[1] == ch && s[2] == ch) {
            s += 2;
            quote = 0;
          }
        } else
          quote = 0;
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (s + 2 < end && s[1] == ch && s[2] == ch) {
        triple = 1;
        s += 2;
      } else
        triple = 0;
      quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (depth >= 200) {
        fs_error(st, "f-string: too many nested parenthesis");
        return -1;
      }
      stack[depth++] = ch;
    } else if (ch == '#') {
      fs_error(st, "f-string expression part cannot include '#'");
      return -1;
    } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (s + 1 < end) {
        char nx = s[1];
        if ((ch == '!' && nx == '=') || (ch == '=' && nx == '=') || (ch == '<' && nx == '=') ||
            (ch == '>' && nx == '=')) {
          s++;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      char msg[96];
      if (!depth) {
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
        fs_error(st, msg);
        return -1;
      }
      char o = stack[--depth];
      if (!((o == '(' && ch == ')') || (o == '[' && ch == ']') || (o == '{' && ch == '}'))) {
        snprintf(msg, sizeof msg, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, o);
        fs_error(st, msg);
        return -1;
      }
    }
  }
  const char *expr_end = s;
  if (quote) {
    fs_error(st, "f-string: unterminated string");
    return -1;
  }
  if (depth) {
    char msg[64];
    snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack[depth - 1]);
    fs_error(st, msg);
    return -1;
  }
  if (s >= end) goto unexpected_end;
  /* all whitespace? */
  {
    const char *w = expr_start;
    while (w < expr_end && (*w == ' ' || *w == '\t' || *w == '\n' || *w == '\f' || *w == '\r')) w++;
    if (w == expr_end) {
      fs_error(st, "f-string: empty expression not allowed");
      return -1;
    }
  }
  /* location of the field: lines before '{' and the column shift */
  wf_token *t = st->t;
  const char *brace = expr_start - 1;
  int lines = 0, cols = 0;
  {
    int newline_after_brace = 1;
    for (const char *w = expr_start; w < end && *w != '}' && *w != '\n'; w++) {
      if (*w != ' ' && *w != '\t' && *w != '\f') {
        newline_after_brace = 0;
        break;
      }
    }
    if (!newline_after_brace) {
      const char *w = brace;
      while (w > t->s && *w != '\n') w--;
      cols += (int)(brace - w);
      if (*w == '\n') cols -= 1;
    }
    for (const char *w = t->s; w < brace; w++)
      if (*w == '\n') lines++;
  }
  wf_node *value = wf_p_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), t->lineno + lines,
                                     (lines == 0 ? t->col : 0) + cols);
  if (!value) return -1;
  int has_debug = 0;
  if (*s == '=') {
    s++;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r' || *s == '\v')) s++;
    if (s >= end) goto unexpected_end;
    wf_buf_put(&st->lit, expr_start, (size_t)(s - expr_start));
    has_debug = 1;
  }
  int conversion = -1;
  if (*s == '!') {
    s++;
    if (s >= end) goto unexpected_end;
    conversion = (unsigned char)*s++;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      fs_error(st, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return -1;
    }
  }
  wf_node *spec = NULL;
  if (s >= end) goto unexpected_end;
  if (*s == ':') {
    s++;
    if (s >= end) goto unexpected_end;
    VEC(specparts);
    /* the spec's own literal text starts fresh */
    wf_buf saved = st->lit;
    st->lit = (wf_buf){0};
    int r = fstring_parse(st, &s, end, lvl + 1, &specparts);
    if (r == 0) flush_literal_span(st, &specparts, st->t, st->t);
    free(st->lit.data);
    st->lit = saved;
    if (r < 0) return -1;
    spec = span_node2(st, WF_AST_JoinedStr, st->t, st->t);
    spec->v.JoinedStr.values = wf_vec_seq(p, &specparts);
  }
  if (s >= end || *s != '}') goto unexpected_end;
  s++;
  if (has_debug && !spec && conversion == -1) conversion = 'r';
  flush_literal(st, parts);
  wf_node *fv = span_node(st, WF_AST_FormattedValue);
  fv->v.FormattedValue.value = value;
  fv->v.FormattedValue.conversion = conversion;
  fv->v.FormattedValue.format_spec = spec;
  wf_vec_push(parts, fv);
  *str = s;
  return 0;
unexpected_end:
  fs_error(st, "f-string: expecting '}'");
  return -1;
}

/* Parse f-string text from *str; at lvl > 0 stop at the '}' closing a spec. */
static int fstring_parse(fstate *st, const char **str, const char *end, int lvl, vec *parts) {
  const char *s = *str;
  for (;;) {
    const char *lit_start = s;
    int again = 0;
    while (s < end) {
      char ch = *s++;
      if (!st->raw && ch == '\\' && s < end) {
        ch = *s++;
        if (ch == 'N') {
          if (s < end && *s++ == '{') {
            while (s < end && *s++ != '}')
              ;
            continue;
          }
          break;
        }
      }
      if (ch == '{' || ch == '}') {
        if (lvl == 0) {
          if (s < end && *s == ch) {
            if (add_literal(st, lit_start, (size_t)(s - lit_start)) < 0) return -1;
            s++;
            again = 1;
            break;
          }
          if (ch == '}') {
            fs_error(st, "f-string: single '}' is not allowed");
            return -1;
          }
        }
        s--;
        break;
      }
    }
    if (again) continue;
    if (add_literal(st, lit_start, (size_t)(s - lit_start)) < 0) return -1;
    if (s >= end || *s == '}') break;
    if (find_expr(st, &s, end, lvl, parts) < 0) return -1;
  }
  if (lvl == 0 && s < end) {
    fs_error(st, "f-string: unexpected end of string");
    return -1;
  }
  if (lvl != 0 && (s >= end || *s != '}')) {
    fs_error(st, "f-string: expecting '}'");
    return -1;
  }
  *str = s;
  return 0;
}

/* ---- the strings atom ---- */

wf_node *wf_p_strings(parser *p) {
  int first = p->pos;
  while (at(p, T_STRING)) p->pos++;
  int last = p->pos - 1;
  peek(p); /* python3.11 looks at the token after the strings */
  int any_bytes = 0, any_str = 0, any_f = 0;
  for (int i = first; i <= last; i++) {
    wf_token *t = &p->tok[i];
    for (const char *c = t->s; *c != '"' && *c != '\''; c++) {
      char d = (char)(*c | 0x20);
      if (d == 'b') any_bytes = 1;
      if (d == 'f') any_f = 1;
    }
    if (!(t->s[0] == 'b' || t->s[0] == 'B' || ((t->s[0] | 0x20) == 'r' && (t->s[1] | 0x20) == 'b'))) any_str = 1;
  }
  if (any_bytes && any_str) return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "cannot mix bytes and nonbytes literals");
  fstate st;
  memset(&st, 0, sizeof st);
  st.p = p;
  st.first = first;
  st.last = last;
  st.kind = (p->tok[first].s[0] == 'u' || p->tok[first].s[0] == 'U') ? "u" : NULL;
  VEC(parts);
  for (int i = first; i <= last; i++) {
    wf_token *t = &p->tok[i];
    const char *q = t->s;
    int raw = 0, f = 0, bytes = 0;
    while (*q != '"' && *q != '\'') {
      char d = (char)(*q | 0x20);
      raw |= d == 'r';
      f |= d == 'f';
      bytes |= d == 'b';
      q++;
    }
    int ql = (q[1] == *q && q[2] == *q && q + 3 <= t->s + t->n - 3) ? 3 : 1;
    const char *body = q + ql, *bend = t->s + t->n - ql;
    if (bytes) {
      for (const char *c = body; c < bend; c++)
        if ((unsigned char)*c >= 0x80) {
          free(st.lit.data);
          return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "bytes can only contain ASCII literal characters");
        }
    }
    st.raw = raw;
    st.t = t;
    int r;
    if (f) {
      const char *s = body;
      r = fstring_parse(&st, &s, bend, 0, &parts);
    } else if (raw)
      r = (wf_buf_put(&st.lit, body, (size_t)(bend - body)), 0);
    else
      r = decode_escapes(p, &st.lit, body, (size_t)(bend - body), bytes);
    if (r < 0) {
      free(st.lit.data);
      return NULL;
    }
  }
  wf_node *n;
  if (any_f) {
    flush_literal(&st, &parts);
    n = span_node(&st, WF_AST_JoinedStr);
    n->v.JoinedStr.values = wf_vec_seq(p, &parts);
  } else {
    n = span_node(&st, WF_AST_Constant);
    wf_const *k = wf_p_const(p, any_bytes ? WF_CONST_BYTES : WF_CONST_STR);
    k->s = st.lit.len ? wf_arena_strndup(p->arena, st.lit.data, st.lit.len) : "";
    k->n = st.lit.len;
    n->v.Constant.value = k;
    n->v.Constant.kind = st.kind;
  }
  free(st.lit.data);
  return n;
}

/* ---- f-string replacement field sub-parse ---- */

wf_node *wf_p_fstring_expr(parser *p, const char *text, size_t n, int line, int col) {
  if (p->fstring_depth > 20)
    return wf_p_error_tok(p, WF_EXC_SYNTAX, peek(p), "f-string: expressions nested too deeply");
  char *buf = wf_arena_alloc(p->arena, n + 4);
  buf[0] = '(';
  memcpy(buf + 1, text, n);
  buf[n + 1] = ')';
  buf[n + 2] = '\n';
  buf[n + 3] = 0;
  /* line table for the sub-source */
  int nlines = 1;
  for (size_t i = 0; i < n + 2; i++) nlines += buf[i] == '\n';
  const char **lines = wf_arena_alloc(p->arena, sizeof(char *) * (size_t)(nlines + 1));
  int li = 0;
  lines[li++] = buf;
  for (size_t i = 0; i < n + 2; i++)
    if (buf[i] == '\n') lines[li++] = buf + i + 1;
  wf_source src = {p->src->filename, buf, n + 3, lines, li, line - 1, col};
  wf_tokens toks = {0};
  wf_perr err;
  memset(&err, 0, sizeof err);
  wf_node *r = NULL;
  if (wf_tokenize(&src, p->arena, &toks, &err) == 0) {
    parser sub;
    memset(&sub, 0, sizeof sub);
    sub.src = &src;
    sub.tok = toks.v;
    sub.ntok = toks.n;
    sub.arena = p->arena;
    sub.err = &err;
    sub.depth = p->depth;
    sub.fstring_depth = p->fstring_depth + 1;
    sub.in_fstring = 1;
    sub.memo_end = calloc((size_t)toks.n, sizeof(int));
    sub.memo_node = calloc((size_t)toks.n, sizeof(wf_node *));
    r = wf_p_fstring_rule(&sub);
    if (!r && !err.set) {
      sub.pos = 0;
      sub.invalid = 1;
      memset(sub.memo_end, 0, sizeof(int) * (size_t)toks.n);
      int maxpos = sub.maxpos;
      wf_p_fstring_rule(&sub);
      if (!err.set) {
        wf_token *t = &toks.v[maxpos];
        wf_perr_set(&err, WF_EXC_SYNTAX, t->lineno, t->col, t->end_lineno, t->end_col, "invalid syntax");
      }
    }
    free(sub.memo_end);
    free(sub.memo_node);
  }
  free(toks.v);
  if (!r) {
    if (!p->err->set) {
      *p->err = err;
      if (err.type == WF_EXC_SYNTAX && strncmp(err.msg, "f-string", 8) != 0) {
        char m[512];
        snprintf(m, sizeof m, "f-string: %s", err.msg);
        memcpy(p->err->msg, m, sizeof m);
      }
      p->err->from_tokenizer = 0;
      /* python3.11 reports sub-parser errors in the coordinates of the
       * "(expr)" text: undo the column shift */
      if (p->err->col >= 0) p->err->col -= col;
      if (p->err->end_col >= 0) p->err->end_col -= col;
    }
    return NULL;
  }
  return r;
}
