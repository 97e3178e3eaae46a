/* Tokenizer: prepared source text -> token array.
 *
 * The whole file is tokenized up front into an array (the parser backtracks by
 * resetting an index).  This matches python3.11's priority between tokenizer and
 * parser errors: when the parser fails, CPython tokenizes the rest of the file and
 * reports any tokenizer error instead, so a tokenizer error anywhere wins.
 *
 * Logical lines: at the start of each physical line outside brackets the
 * indentation is measured twice, with tabs to multiples of 8 (col) and with tabs
 * as 1 (altcol); the two must order the same way as the enclosing levels or it is
 * a TabError.  Blank and comment-only lines produce nothing.  Inside brackets
 * newlines are ignored.  A backslash before a newline joins lines.  At the end
 * come NEWLINE (if needed), the pending DEDENTs and ENDMARKER; end of input inside
 * brackets produces EOF_IN_PAREN, which the parser turns into "'(' was never
 * closed".  Strings (including f-strings, as in 3.11) are single STRING tokens;
 * their contents are decoded by the parser (parse_string.c). */
#include "parse_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const wf_token_text[T_COUNT_] = {
#define X(n, s) s,
    WF_TOKENS(X)
#undef X
};

#define MAXINDENT 100
#define MAXLEVEL 200

void wf_perr_set(wf_perr *e, int type, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...) {
  if (e->set) return;
  e->set = 1;
  e->type = type;
  e->lineno = lineno;
  e->col = col;
  e->end_lineno = end_lineno;
  e->end_col = end_col;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
}

typedef struct tk {
  wf_source *src;
  const char *p, *end;
  const char *line_start;
  int lineno;
  wf_tokens *out;
  wf_perr *err;
  int indstack[MAXINDENT + 1], altstack[MAXINDENT + 1], indent;
  char parenstack[MAXLEVEL];
  int parenline[MAXLEVEL], parencol[MAXLEVEL], level;
  int pending; /* >0: INDENTs to emit, <0: DEDENTs */
  int at_bol;
  int cont_line; /* the current line continues a previous one (backslash) */
} tk;

static int col_of(tk *t, const char *p) { return (int)(p - t->line_start); }

static wf_token *emit(tk *t, int type, const char *s, int lineno, int col, const char *e) {
  if (t->out->n == t->out->cap) {
    t->out->cap = t->out->cap ? t->out->cap * 2 : 1024;
    t->out->v = realloc(t->out->v, sizeof(wf_token) * (size_t)t->out->cap);
    if (!t->out->v) {
      fputs("weft: out of memory\n", stderr);
      abort();
    }
  }
  wf_token *k = &t->out->v[t->out->n++];
  k->type = type;
  k->lineno = lineno;
  k->col = col;
  k->end_lineno = t->lineno;
  k->end_col = col_of(t, e);
  k->s = s;
  k->n = (int)(e - s);
  k->level = t->level;
  return k;
}

/* Tokens at the end of input: python3.11 puts them on the last line with an
 * unknown column (errors there point past the end of that line). */
static wf_token *emit_eof(tk *t, int type) {
  wf_token *k = emit(t, type, t->p, t->lineno, 0, t->p);
  k->lineno = k->end_lineno = t->src->nlines > 0 ? t->src->nlines : 1;
  k->col = k->end_col = -1;
  return k;
}

/* q points just past a '\n' */
static void newline_at(tk *t, const char *q) {
  t->lineno++;
  t->line_start = q;
}
#define newline(t) newline_at((t), (t)->p)

static int err(tk *t, int type, int lineno, int col, int end_lineno, int end_col, const char *msg) {
  wf_perr_set(t->err, type, lineno, col, end_lineno, end_col, "%s", msg);
  t->err->from_tokenizer = 1;
  return -1;
}

static int is_id_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}
static int is_id_char(unsigned char c) { return is_id_start(c) || (c >= '0' && c <= '9'); }

static const struct {
  const char *s;
  int type;
} keywords[] = {
#define X(n, s) {s, T_##n},
    WF_TOKENS(X)
#undef X
};

static int keyword_type(const char *s, int n) {
  if (n < 2 || n > 8) return T_NAME;
  for (int i = T_FIRST_KEYWORD; i < T_COUNT_; i++)
    if ((int)strlen(keywords[i].s) == n && memcmp(keywords[i].s, s, (size_t)n) == 0) return keywords[i].type;
  return T_NAME;
}

/* ---- indentation ---- */

/* At the beginning of a line outside brackets: measure indentation, skip blank
 * lines; sets t->pending.  Returns -1 on error. */
static int line_start(tk *t) {
  for (;;) {
    int col = 0, altcol = 0;
    const char *p = t->p;
    for (;; p++) {
      if (*p == ' ')
        col++, altcol++;
      else if (*p == '\t') {
        col = (col / 8 + 1) * 8;
        altcol = altcol + 1;
      } else if (*p == '\f')
        col = altcol = 0;
      else
        break;
    }
    if (p >= t->end) {
      t->p = p;
      return 0;
    }
    if (*p == '#' || *p == '\n' || (*p == '\\' && p[1] == '\n' && 0)) {
      /* blank or comment-only line: no indentation processing */
      while (p < t->end && *p != '\n') p++;
      if (p < t->end) {
        t->p = p + 1;
        newline(t);
        continue;
      }
      t->p = p;
      return 0;
    }
    t->p = p;
    if (col == t->indstack[t->indent]) {
      if (altcol != t->altstack[t->indent])
        return err(t, WF_EXC_TAB, t->lineno, -1, t->lineno, -1, "inconsistent use of tabs and spaces in indentation");
    } else if (col > t->indstack[t->indent]) {
      if (t->indent + 1 >= MAXINDENT)
        return err(t, WF_EXC_INDENTATION, t->lineno, -1, t->lineno, -1, "too many levels of indentation");
      if (altcol <= t->altstack[t->indent])
        return err(t, WF_EXC_TAB, t->lineno, -1, t->lineno, -1, "inconsistent use of tabs and spaces in indentation");
      t->pending++;
      t->indent++;
      t->indstack[t->indent] = col;
      t->altstack[t->indent] = altcol;
    } else {
      while (t->indent > 0 && col < t->indstack[t->indent]) {
        t->pending--;
        t->indent--;
      }
      if (col != t->indstack[t->indent]) {
        const char *e = memchr(t->line_start, '\n', (size_t)(t->end - t->line_start));
        int len = e ? (int)(e - t->line_start) + 1 : (int)(t->end - t->line_start);
        return err(t, WF_EXC_INDENTATION, t->lineno, WF_RAW_OFFSET(len), t->lineno, WF_RAW_OFFSET(-1),
                   "unindent does not match any outer indentation level");
      }
      if (altcol != t->altstack[t->indent])
        return err(t, WF_EXC_TAB, t->lineno, -1, t->lineno, -1, "inconsistent use of tabs and spaces in indentation");
    }
    return 0;
  }
}

/* ---- numbers ---- */

static int lookahead(const char *p, const char *s) { return strncmp(p, s, strlen(s)) == 0; }

/* After a number, *p is the next character.  Returns -1 (error set) when a letter
 * glues onto the literal, except before the keywords that may follow a number. */
static int end_of_number(tk *t, const char *start, const char *p, const char *kind) {
  unsigned char c = (unsigned char)*p;
  int r = 0;
  if (c == 'a')
    r = lookahead(p + 1, "nd");
  else if (c == 'e')
    r = lookahead(p + 1, "lse");
  else if (c == 'f')
    r = lookahead(p + 1, "or");
  else if (c == 'i')
    r = p[1] == 'f' || p[1] == 'n' || p[1] == 's';
  else if (c == 'o')
    r = p[1] == 'r';
  else if (c == 'n')
    r = lookahead(p + 1, "ot");
  if (r) return 0;
  if (is_id_char(c)) {
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    (void)start;
    return err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p) - 1, t->lineno, col_of(t, p) - 1, msg);
  }
  return 0;
}

/* Decimal digits with single underscores between them; returns the end or NULL. */
static const char *decimal_tail(tk *t, const char *start, const char *p) {
  for (;;) {
    while (*p >= '0' && *p <= '9') p++;
    if (*p != '_') return p;
    p++;
    if (!(*p >= '0' && *p <= '9')) {
      (void)start;
      err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p) - 1, t->lineno, col_of(t, p) - 1, "invalid decimal literal");
      return NULL;
    }
  }
}

static int is_digit_in(int c, int base) {
  if (base == 16) return isxdigit(c);
  if (base == 8) return c >= '0' && c <= '7';
  return c == '0' || c == '1';
}

static const char *number(tk *t, const char *s) {
  const char *p = s;
  if (*p == '0' && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'O' || p[1] == 'b' || p[1] == 'B')) {
    char k = (char)(p[1] | 0x20);
    int base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
    const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
    p += 2;
    do {
      if (*p == '_') p++;
      if (!is_digit_in((unsigned char)*p, base)) {
        char msg[64];
        int c0 = col_of(t, p) - 1;
        if (base != 16 && *p >= '0' && *p <= '9') {
          snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *p, kind);
          c0++;
        } else
          snprintf(msg, sizeof msg, "invalid %s literal", kind);
        err(t, WF_EXC_SYNTAX, t->lineno, c0, t->lineno, c0, msg);
        return NULL;
      }
      while (is_digit_in((unsigned char)*p, base)) p++;
    } while (*p == '_');
    if (base != 16 && *p >= '0' && *p <= '9') {
      char msg[64];
      snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *p, kind);
      err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p), t->lineno, col_of(t, p), msg);
      return NULL;
    }
    if (end_of_number(t, s, p, kind) < 0) return NULL;
    return p;
  }
  int is_float = 0;
  if (*p == '0') {
    /* zeros, then maybe more digits (only valid for floats/imaginary) */
    int nonzero = 0;
    for (;;) {
      while (*p == '0') p++;
      if (*p != '_') break;
      p++;
      if (!(*p >= '0' && *p <= '9')) {
        err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p) - 1, t->lineno, col_of(t, p) - 1, "invalid decimal literal");
        return NULL;
      }
    }
    const char *zeros_end = p;
    if (*p >= '0' && *p <= '9') {
      nonzero = 1;
      p = decimal_tail(t, s, p);
      if (!p) return NULL;
    }
    if (*p == '.' || *p == 'e' || *p == 'E' || *p == 'j' || *p == 'J') {
      /* fall through to the fraction/exponent part */
    } else if (nonzero) {
      err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, s), t->lineno, col_of(t, zeros_end),
          "leading zeros in decimal integer literals are not permitted; "
          "use an 0o prefix for octal integers");
      return NULL;
    } else {
      if (end_of_number(t, s, p, "decimal") < 0) return NULL;
      return p;
    }
  } else if (*p != '.') {
    p = decimal_tail(t, s, p);
    if (!p) return NULL;
  }
  if (*p == '.') {
    is_float = 1;
    p++;
    if (*p >= '0' && *p <= '9') {
      p = decimal_tail(t, s, p);
      if (!p) return NULL;
    }
  }
  if (*p == 'e' || *p == 'E') {
    const char *e = p;
    p++;
    if (*p == '+' || *p == '-') p++;
    if (!(*p >= '0' && *p <= '9')) {
      /* not an exponent after all: the number ends before the 'e' */
      p = e;
      if (end_of_number(t, s, p, "decimal") < 0) return NULL;
      return p;
    }
    p = decimal_tail(t, s, p);
    if (!p) return NULL;
    is_float = 1;
  }
  if (*p == 'j' || *p == 'J') {
    p++;
    if (end_of_number(t, s, p, "imaginary") < 0) return NULL;
    return p;
  }
  if (end_of_number(t, s, p, "decimal") < 0) return NULL;
  (void)is_float;
  return p;
}

/* ---- strings ---- */

/* s: start of the token (prefix); q: the opening quote.  Returns the end. */
static const char *string(tk *t, const char *s, const char *q, int *start_line) {
  char quote = *q;
  int triple = q[1] == quote && q[2] == quote;
  const char *p = q + (triple ? 3 : 1);
  int line0 = t->lineno;
  const char *line0_start = t->line_start;
  *start_line = line0;
  for (;;) {
    if (p >= t->end) {
      char msg[96];
      t->lineno = t->src->nlines;
      if (triple)
        snprintf(msg, sizeof msg, "unterminated triple-quoted string literal (detected at line %d)", t->lineno);
      else
        snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", t->lineno);
      err(t, WF_EXC_SYNTAX, line0, (int)(s - line0_start), line0, (int)(s - line0_start), msg);
      return NULL;
    }
    char c = *p++;
    if (c == quote) {
      if (!triple) return p;
      if (p[0] == quote && p[1] == quote) return p + 2;
    } else if (c == '\n') {
      if (!triple) {
        char msg[96];
        snprintf(msg, sizeof msg, "unterminated string literal (detected at line %d)", t->lineno);
        err(t, WF_EXC_SYNTAX, line0, (int)(s - line0_start), line0, (int)(s - line0_start), msg);
        return NULL;
      }
      newline_at(t, p);
    } else if (c == '\\') {
      if (p < t->end) {
        if (*p == '\n') {
          p++;
          newline_at(t, p);
        } else
          p++;
      }
    }
  }
}

/* ---- operators ---- */

static int op3(const char *p) {
  if (p[0] == '*' && p[1] == '*' && p[2] == '=') return T_DOUBLESTAREQUAL;
  if (p[0] == '.' && p[1] == '.' && p[2] == '.') return T_ELLIPSIS;
  if (p[0] == '/' && p[1] == '/' && p[2] == '=') return T_DOUBLESLASHEQUAL;
  if (p[0] == '<' && p[1] == '<' && p[2] == '=') return T_LEFTSHIFTEQUAL;
  if (p[0] == '>' && p[1] == '>' && p[2] == '=') return T_RIGHTSHIFTEQUAL;
  return -1;
}

static int op2(const char *p) {
  switch (p[0]) {
    case '!':
      if (p[1] == '=') return T_NOTEQUAL;
      break;
    case '%':
      if (p[1] == '=') return T_PERCENTEQUAL;
      break;
    case '&':
      if (p[1] == '=') return T_AMPEREQUAL;
      break;
    case '*':
      if (p[1] == '*') return T_DOUBLESTAR;
      if (p[1] == '=') return T_STAREQUAL;
      break;
    case '+':
      if (p[1] == '=') return T_PLUSEQUAL;
      break;
    case '-':
      if (p[1] == '=') return T_MINEQUAL;
      if (p[1] == '>') return T_RARROW;
      break;
    case '/':
      if (p[1] == '/') return T_DOUBLESLASH;
      if (p[1] == '=') return T_SLASHEQUAL;
      break;
    case ':':
      if (p[1] == '=') return T_COLONEQUAL;
      break;
    case '<':
      if (p[1] == '<') return T_LEFTSHIFT;
      if (p[1] == '=') return T_LESSEQUAL;
      if (p[1] == '>') return T_NOTEQUAL;
      break;
    case '=':
      if (p[1] == '=') return T_EQEQUAL;
      break;
    case '>':
      if (p[1] == '=') return T_GREATEREQUAL;
      if (p[1] == '>') return T_RIGHTSHIFT;
      break;
    case '@':
      if (p[1] == '=') return T_ATEQUAL;
      break;
    case '^':
      if (p[1] == '=') return T_CIRCUMFLEXEQUAL;
      break;
    case '|':
      if (p[1] == '=') return T_VBAREQUAL;
      break;
  }
  return -1;
}

static int op1(char c) {
  switch (c) {
    case '(':
      return T_LPAR;
    case ')':
      return T_RPAR;
    case '[':
      return T_LSQB;
    case ']':
      return T_RSQB;
    case ':':
      return T_COLON;
    case ',':
      return T_COMMA;
    case ';':
      return T_SEMI;
    case '+':
      return T_PLUS;
    case '-':
      return T_MINUS;
    case '*':
      return T_STAR;
    case '/':
      return T_SLASH;
    case '|':
      return T_VBAR;
    case '&':
      return T_AMPER;
    case '<':
      return T_LESS;
    case '>':
      return T_GREATER;
    case '=':
      return T_EQUAL;
    case '.':
      return T_DOT;
    case '%':
      return T_PERCENT;
    case '{':
      return T_LBRACE;
    case '}':
      return T_RBRACE;
    case '~':
      return T_TILDE;
    case '^':
      return T_CIRCUMFLEX;
    case '@':
      return T_AT;
    case '!':
      return T_EXCLAMATION;
  }
  return T_ERRORTOKEN;
}

/* Validate a non-ASCII identifier (python3.11: NFKC, then str.isidentifier). */
int wf_parse_check_identifier(const char *s, size_t n, uint32_t *bad);

static int check_identifier(tk *t, const char *s, const char *e) {
  uint32_t bad;
  int k = wf_parse_check_identifier(s, (size_t)(e - s), &bad);
  if (k < 0) return 0;
  /* bad is the first invalid code point, at byte offset k */
  char msg[80];
  if (wf_parse_isprintable(bad))
    snprintf(msg, sizeof msg, "invalid character '%.*s' (U+%04X)",
             (int)wf_utf8_decode((const unsigned char *)s + k, (size_t)(e - s - k), &bad), s + k, bad);
  else
    snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", bad);
  return err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, s + k), t->lineno, col_of(t, s + k), msg);
}

/* ---- main loop ---- */

static int next_token(tk *t) {
  for (;;) {
    if (t->at_bol) {
      t->at_bol = 0;
      if (t->level == 0 && !t->cont_line) {
        if (line_start(t) < 0) return -1;
      }
      t->cont_line = 0;
    }
    if (t->pending) {
      const char *p = t->p;
      if (t->pending > 0) {
        t->pending--;
        wf_token *k = emit(t, T_INDENT, t->line_start, t->lineno, 0, p);
        k->col = -1;
        k->end_col = -1;
      } else {
        t->pending++;
        emit(t, T_DEDENT, p, t->lineno, col_of(t, p), p);
      }
      return 0;
    }
    const char *p = t->p;
    while (*p == ' ' || *p == '\t' || *p == '\f') p++;
    if (*p == '#') {
      while (p < t->end && *p != '\n') p++;
    }
    t->p = p;
    if (p >= t->end) {
      if (t->level > 0) {
        emit(t, T_EOF_IN_PAREN, p, t->lineno, col_of(t, p), p);
        return 1;
      }
      if (t->out->n > 0 && t->out->v[t->out->n - 1].type != T_NEWLINE && t->out->v[t->out->n - 1].type != T_DEDENT) {
        emit(t, T_NEWLINE, p, t->lineno, col_of(t, p), p);
        return 0;
      }
      while (t->indent > 0) {
        t->indent--;
        emit_eof(t, T_DEDENT);
      }
      emit_eof(t, T_ENDMARKER);
      return 1;
    }
    unsigned char c = (unsigned char)*p;
    if (c == '\n') {
      t->p = p + 1;
      int blank = t->out->n == 0 || t->out->v[t->out->n - 1].type == T_NEWLINE ||
                  t->out->v[t->out->n - 1].type == T_INDENT || t->out->v[t->out->n - 1].type == T_DEDENT;
      if (t->level > 0 || blank) {
        newline(t);
        t->at_bol = 1;
        continue;
      }
      wf_token *k = emit(t, T_NEWLINE, p, t->lineno, col_of(t, p), p);
      (void)k;
      newline(t);
      t->at_bol = 1;
      return 0;
    }
    if (c == '\\') {
      if (p[1] == '\n') {
        t->p = p + 2;
        newline(t);
        if (t->p >= t->end)
          return err(t, WF_EXC_SYNTAX, t->lineno - 1, WF_RAW_OFFSET((int)(p - t->src->lines[t->lineno - 2]) + 2),
                     t->lineno - 1, WF_RAW_OFFSET(-1), "unexpected EOF while parsing");
        t->at_bol = 1;
        t->cont_line = 1;
        continue;
      }
      return err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p) + 1, t->lineno, -1,
                 "unexpected character after line continuation character");
    }
    if (c == 0) return err(t, WF_EXC_SYNTAX, t->lineno, -1, t->lineno, -1, "source code cannot contain null bytes");
    if (is_id_start(c)) {
      /* string prefix? */
      const char *q = p;
      int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
      for (;;) {
        char d = (char)(*q | 0x20);
        if (d == 'b' && !saw_b && !saw_u && !saw_f)
          saw_b = 1;
        else if (d == 'u' && !saw_b && !saw_u && !saw_r && !saw_f)
          saw_u = 1;
        else if (d == 'r' && !saw_r && !saw_u)
          saw_r = 1;
        else if (d == 'f' && !saw_f && !saw_b && !saw_u)
          saw_f = 1;
        else
          break;
        q++;
      }
      if (q > p && (*q == '"' || *q == '\'')) {
        int sl;
        int startcol = col_of(t, p);
        const char *e = string(t, p, q, &sl);
        if (!e) return -1;
        t->p = e;
        emit(t, T_STRING, p, sl, startcol, e);
        return 0;
      }
      const char *e = p;
      int nonascii = 0;
      while (is_id_char((unsigned char)*e)) {
        nonascii |= (unsigned char)*e >= 128;
        e++;
      }
      if (nonascii && check_identifier(t, p, e) < 0) return -1;
      t->p = e;
      emit(t, nonascii ? T_NAME : keyword_type(p, (int)(e - p)), p, t->lineno, col_of(t, p), e);
      return 0;
    }
    if ((c >= '0' && c <= '9') || (c == '.' && p[1] >= '0' && p[1] <= '9')) {
      const char *e = number(t, p);
      if (!e) return -1;
      t->p = e;
      emit(t, T_NUMBER, p, t->lineno, col_of(t, p), e);
      return 0;
    }
    if (c == '"' || c == '\'') {
      int sl;
      int startcol = col_of(t, p);
      const char *e = string(t, p, p, &sl);
      if (!e) return -1;
      t->p = e;
      emit(t, T_STRING, p, sl, startcol, e);
      return 0;
    }
    int type = op3(p), len = 3;
    if (type < 0) {
      type = op2(p);
      len = 2;
    }
    if (type < 0) {
      type = op1((char)c);
      len = 1;
    }
    if (type == T_ERRORTOKEN && c >= 128) {
      /* unreachable: non-ASCII starts identifiers */
    }
    if (type == T_LPAR || type == T_LSQB || type == T_LBRACE) {
      if (t->level >= MAXLEVEL)
        return err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p), t->lineno, col_of(t, p), "too many nested parentheses");
      t->parenstack[t->level] = (char)c;
      t->parenline[t->level] = t->lineno;
      t->parencol[t->level] = col_of(t, p);
      t->level++;
    } else if (type == T_RPAR || type == T_RSQB || type == T_RBRACE) {
      char msg[128];
      if (t->level == 0) {
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        return err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p), t->lineno, col_of(t, p), msg);
      }
      t->level--;
      char o = t->parenstack[t->level];
      if (!((o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}'))) {
        if (t->parenline[t->level] != t->lineno)
          snprintf(msg, sizeof msg,
                   "closing parenthesis '%c' does not match opening parenthesis '%c' "
                   "on line %d",
                   c, o, t->parenline[t->level]);
        else
          snprintf(msg, sizeof msg, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
        return err(t, WF_EXC_SYNTAX, t->lineno, col_of(t, p), t->lineno, col_of(t, p), msg);
      }
    }
    t->p = p + len;
    emit(t, type, p, t->lineno, col_of(t, p), p + len);
    return 0;
  }
}

int wf_tokenize(wf_source *src, wf_arena *arena, wf_tokens *out, wf_perr *e) {
  (void)arena;
  tk t;
  memset(&t, 0, sizeof t);
  t.src = src;
  t.p = src->text;
  t.end = src->text + src->len;
  t.line_start = src->text;
  t.lineno = 1;
  t.out = out;
  t.err = e;
  t.at_bol = 1;
  int r;
  while ((r = next_token(&t)) == 0)
    ;
  if (r < 0) return -1;
  /* paren state for "'(' was never closed" */
  if (t.level > 0) {
    wf_token *k = &out->v[out->n - 1];
    /* stash the innermost open bracket in the EOF token */
    k->lineno = t.parenline[t.level - 1];
    k->col = t.parencol[t.level - 1];
    k->end_lineno = k->lineno;
    k->end_col = k->col + 1;
    k->s = src->lines[k->lineno - 1] + k->col;
    k->n = 1;
  }
  if (src->line_shift || src->col_shift) {
    for (int i = 0; i < out->n; i++) {
      wf_token *k = &out->v[i];
      if (k->lineno == 1) k->col += src->col_shift;
      if (k->end_lineno == 1) k->end_col += src->col_shift;
      k->lineno += src->line_shift;
      k->end_lineno += src->line_shift;
    }
  }
  return 0;
}
