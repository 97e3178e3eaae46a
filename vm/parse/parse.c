/* The front-end driver: source decoding, the two parser passes, and turning the
 * internal error into python3.11's SyntaxError fields and printed form.
 *
 * Decoding follows PEP 263 / python3.11: a UTF-8 BOM; a coding cookie on line 1,
 * or on line 2 when line 1 is blank or a comment; UTF-8 by default.  The text is
 * converted to UTF-8 and newlines are normalised (\r\n and \r to \n, and a final
 * \n is added) as CPython's string tokenizer does. */
#include "parser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codecs_table.h"

wf_node *wf_p_file(parser *p);
wf_node *wf_p_eval_file(parser *p);
wf_node *wf_p_interactive_file(parser *p);

const char *wf_exc_type_name(wf_exc_type t) {
  switch (t) {
    case WF_EXC_SYNTAX:
      return "SyntaxError";
    case WF_EXC_INDENTATION:
      return "IndentationError";
    case WF_EXC_TAB:
      return "TabError";
    case WF_EXC_RECURSION:
      return "RecursionError";
    case WF_EXC_MEMORY:
      return "MemoryError";
  }
  return "SyntaxError";
}

void wf_syntax_error_clear(wf_syntax_error *e) {
  free(e->msg);
  free(e->filename);
  free(e->text);
  memset(e, 0, sizeof *e);
}

static char *xstrndup(const char *s, size_t n) {
  char *r = malloc(n + 1);
  if (!r) abort();
  memcpy(r, s, n);
  r[n] = 0;
  return r;
}

/* ---- decoding ---- */

static int find_cookie(const char *line, const char *end, char *name, size_t cap) {
  const char *p = line;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
  if (p >= end || *p != '#') return 0;
  const char *eol = memchr(p, '\n', (size_t)(end - p));
  if (!eol) eol = end;
  for (const char *q = p; q + 6 < eol; q++) {
    if (memcmp(q, "coding", 6) == 0 && (q[6] == ':' || q[6] == '=')) {
      const char *r = q + 7;
      while (r < eol && (*r == ' ' || *r == '\t')) r++;
      size_t n = 0;
      while (r < eol && (isalnum((unsigned char)*r) || *r == '-' || *r == '_' || *r == '.') && n + 1 < cap)
        name[n++] = *r++;
      name[n] = 0;
      if (n) return 1;
    }
  }
  return 0;
}

static int line_is_blank_or_comment(const char *p, const char *end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
  return p >= end || *p == '#' || *p == '\n' || *p == '\r';
}

/* Python codec names: lowercase, '-' and ' ' as '_'. */
static const char *codec_canon(const char *name) {
  char n[64];
  size_t i;
  for (i = 0; name[i] && i + 1 < sizeof n; i++) {
    char c = (char)tolower((unsigned char)name[i]);
    n[i] = (c == '-' || c == ' ') ? '_' : c;
  }
  n[i] = 0;
  static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
  static const char *const latin1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1",       "8859", "cp819",
                                       "l1",      "latin",  "iso_ir_100", "iso_8859_1_1987", NULL};
  static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", NULL};
  for (int k = 0; utf8[k]; k++)
    if (!strcmp(n, utf8[k])) return "utf-8";
  for (int k = 0; latin1[k]; k++)
    if (!strcmp(n, latin1[k])) return "latin-1";
  for (int k = 0; ascii[k]; k++)
    if (!strcmp(n, ascii[k])) return "ascii";
  for (int k = 0; wf_codecs[k].name; k++)
    if (!strcmp(n, wf_codecs[k].name)) return wf_codecs[k].name;
  return NULL;
}

/* Returns the first invalid byte offset, or -1 if s is valid UTF-8. */
static long utf8_invalid(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t k;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF)
      k = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      k = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      k = 4, cp = c & 0x07;
    else
      return (long)i;
    if (i + k > n) return (long)i;
    for (size_t j = 1; j < k; j++) {
      if ((s[i + j] & 0xC0) != 0x80) return (long)i;
      cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return (long)i;
    i += k;
  }
  return -1;
}

static int prepare(const char *data, size_t len, wf_source *src, wf_arena *arena, wf_perr *err) {
  int bom = 0;
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    bom = 1;
    data += 3;
    len -= 3;
  }
  const char *end = data + len;
  char cookie[64] = "";
  const char *l2 = memchr(data, '\n', len);
  if (!find_cookie(data, end, cookie, sizeof cookie) && l2 && line_is_blank_or_comment(data, end))
    find_cookie(l2 + 1, end, cookie, sizeof cookie);
  const char *enc = "utf-8";
  if (cookie[0]) {
    /* python3.11's get_normal_name first */
    char low[64];
    size_t i;
    for (i = 0; cookie[i] && i < 63; i++) low[i] = (char)(cookie[i] == '_' ? '-' : tolower((unsigned char)cookie[i]));
    low[i] = 0;
    int normal_utf8 = !strcmp(low, "utf-8") || !strncmp(low, "utf-8-", 6);
    if (bom && !normal_utf8) {
      wf_perr_set(err, WF_EXC_SYNTAX, 0, -1, 0, -1, "encoding problem: %s with BOM", cookie);
      return -1;
    }
    if (normal_utf8)
      enc = "utf-8";
    else if (!strcmp(low, "latin-1") || !strcmp(low, "iso-8859-1") || !strcmp(low, "iso-latin-1") ||
             !strncmp(low, "latin-1-", 8) || !strncmp(low, "iso-8859-1-", 11) || !strncmp(low, "iso-latin-1-", 12))
      enc = "latin-1";
    else {
      enc = codec_canon(cookie);
      if (!enc) {
        wf_perr_set(err, WF_EXC_SYNTAX, 0, -1, 0, -1, "encoding problem: %s", cookie);
        return -1;
      }
    }
    if (bom && strcmp(enc, "utf-8") != 0) {
      wf_perr_set(err, WF_EXC_SYNTAX, 0, -1, 0, -1, "encoding problem: %s with BOM", cookie);
      return -1;
    }
  }
  wf_buf b = {0};
  wf_buf_grow(&b, len + 2);
  if (!strcmp(enc, "utf-8")) {
    long bad = utf8_invalid((const unsigned char *)data, len);
    if (bad >= 0) {
      int line = 1;
      for (long i = 0; i < bad; i++) line += data[i] == '\n';
      wf_perr_set(err, WF_EXC_SYNTAX, 0, -1, 0, -1,
                  "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                  "declared; see https://peps.python.org/pep-0263/ for details",
                  (unsigned char)data[bad], src->filename, line);
      err->end_lineno = line; /* the line, for tree comparisons */
      free(b.data);
      return -1;
    }
    wf_buf_put(&b, data, len);
  } else {
    const uint16_t *table = NULL;
    for (int k = 0; wf_codecs[k].name; k++)
      if (!strcmp(enc, wf_codecs[k].name)) table = wf_codecs[k].high;
    for (size_t i = 0; i < len; i++) {
      unsigned char c = (unsigned char)data[i];
      if (c < 0x80)
        wf_buf_put(&b, (const char *)&c, 1);
      else if (!strcmp(enc, "ascii")) {
        wf_perr_set(err, WF_EXC_SYNTAX, 0, -1, 0, -1,
                    "(unicode error) 'ascii' codec can't decode byte 0x%02x in position %zu: "
                    "ordinal not in range(128)",
                    c, i);
        free(b.data);
        return -1;
      } else
        wf_buf_put_utf8(&b, table ? table[c - 0x80] : c);
    }
  }
  /* newlines */
  char *t = wf_arena_alloc(arena, b.len + 2);
  size_t n = 0;
  for (size_t i = 0; i < b.len; i++) {
    char c = b.data[i];
    if (c == '\r') {
      t[n++] = '\n';
      if (i + 1 < b.len && b.data[i + 1] == '\n') i++;
    } else
      t[n++] = c;
  }
  free(b.data);
  if (n == 0 || t[n - 1] != '\n') t[n++] = '\n';
  t[n] = 0;
  src->text = t;
  src->len = n;
  int nl = 0;
  for (size_t i = 0; i < n; i++) nl += t[i] == '\n';
  src->lines = wf_arena_alloc(arena, sizeof(char *) * (size_t)(nl + 2));
  int k = 0;
  src->lines[k++] = t;
  for (size_t i = 0; i < n; i++)
    if (t[i] == '\n') src->lines[k++] = t + i + 1;
  src->nlines = nl;
  return 0;
}

/* ---- error finishing ---- */

static long line_len(wf_source *src, int lineno) {
  if (lineno < 1 || lineno > src->nlines) return 0;
  const char *s = src->lines[lineno - 1];
  const char *e = strchr(s, '\n');
  return e ? (long)(e - s) + 1 : (long)strlen(s);
}

/* 1-based character offset of byte column col (clipped like python3.11). */
static int char_offset(wf_source *src, int lineno, int col) {
  if (lineno < 1 || lineno > src->nlines) return col + 1;
  const char *s = src->lines[lineno - 1];
  long len = line_len(src, lineno);
  if (col > len) col = (int)len;
  int k = 0;
  for (int i = 0; i < col; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) k++;
  return k + 1;
}

static void finish_error(wf_source *src, wf_perr *e, const char *filename, wf_syntax_error *out) {
  memset(out, 0, sizeof *out);
  out->type = (wf_exc_type)e->type;
  out->msg = xstrndup(e->msg, strlen(e->msg));
  if (e->lineno == 0) {
    /* encoding errors: no location (python prints only the message) */
    out->lineno = e->end_lineno;
    return;
  }
  out->filename = xstrndup(filename, strlen(filename));
  out->lineno = e->lineno;
  out->end_lineno = e->end_lineno;
  if (e->col >= 0)
    out->offset = char_offset(src, e->lineno, e->col);
  else if (e->col <= -500000)
    out->offset = e->col + 1000000;
  else
    out->offset = 1;
  if (e->end_col >= 0)
    out->end_offset = char_offset(src, e->end_lineno, e->end_col);
  else if (e->end_col <= -500000)
    out->end_offset = e->end_col + 1000000;
  else
    out->end_offset = 0;
  if (e->lineno >= 1 && e->lineno <= src->nlines) {
    const char *s = src->lines[e->lineno - 1];
    out->text = xstrndup(s, (size_t)line_len(src, e->lineno));
  }
}

/* AST depth check: python3.11's ast construction recursion limit. */
static int too_deep(const wf_node *n, int depth);
static int too_deep_field(int type, const void *word, int depth) {
  if (type == WF_F_NODE || type == WF_F_ONODE) {
    const wf_node *c = *(wf_node *const *)word;
    return c && too_deep(c, depth + 1);
  }
  if (type == WF_F_SEQ) {
    const wf_seq *s = *(wf_seq *const *)word;
    for (intptr_t i = 0; s && i < s->n; i++)
      if (s->items[i] && too_deep(s->items[i], depth + 1)) return 1;
  }
  return 0;
}
#define WF_MAX_AST_DEPTH 2990
static int too_deep(const wf_node *n, int depth) {
  if (depth > WF_MAX_AST_DEPTH) return 1;
  const wf_ast_kind_info *k = &wf_ast_kinds[n->kind];
  const char *v = (const char *)&n->v;
  for (int i = 0; i < k->nfields; i++)
    if (too_deep_field(k->field_types[i], v + 8 * i, depth)) return 1;
  return 0;
}

static wf_node *parse_with(const char *data, size_t len, const char *filename, wf_arena *arena, wf_syntax_error *out,
                           wf_node *(*rule)(parser *p));

wf_node *wf_parse_module(const char *data, size_t len, const char *filename, wf_arena *arena, wf_syntax_error *out) {
  return parse_with(data, len, filename, arena, out, wf_p_file);
}

wf_node *wf_parse_expression(const char *data, size_t len, const char *filename, wf_arena *arena,
                             wf_syntax_error *out) {
  return parse_with(data, len, filename, arena, out, wf_p_eval_file);
}

wf_node *wf_parse_interactive(const char *data, size_t len, const char *filename, wf_arena *arena,
                              wf_syntax_error *out) {
  return parse_with(data, len, filename, arena, out, wf_p_interactive_file);
}

static wf_node *parse_with(const char *data, size_t len, const char *filename, wf_arena *arena, wf_syntax_error *out,
                           wf_node *(*rule)(parser *p)) {
  memset(out, 0, sizeof *out);
  wf_source src;
  memset(&src, 0, sizeof src);
  src.filename = filename;
  wf_perr err;
  memset(&err, 0, sizeof err);
  if (prepare(data, len, &src, arena, &err) < 0) {
    finish_error(&src, &err, filename, out);
    return NULL;
  }
  wf_tokens toks = {0};
  wf_node *mod = NULL;
  if (wf_tokenize(&src, arena, &toks, &err) == 0) {
    parser p;
    memset(&p, 0, sizeof p);
    p.src = &src;
    p.tok = toks.v;
    p.ntok = toks.n;
    p.arena = arena;
    p.err = &err;
    p.memo_end = calloc((size_t)toks.n, sizeof(int));
    p.memo_node = calloc((size_t)toks.n, sizeof(wf_node *));
    mod = rule(&p);
    if (!mod && !err.set) {
      int maxpos = p.maxpos;
      /* second pass: specific messages (p.maxpos keeps growing: python3.11's
       * token buffer is shared by both passes) */
      p.pos = 0;
      p.depth = 0;
      p.invalid = 1;
      memset(p.memo_end, 0, sizeof(int) * (size_t)toks.n);
      rule(&p);
      if (!err.set) {
        wf_token *t = &toks.v[maxpos];
        if (t->type == T_EOF_IN_PAREN || (t->type == T_ENDMARKER && 0)) {
          wf_perr_set(&err, WF_EXC_SYNTAX, t->lineno, t->col, t->lineno, -1, "'%c' was never closed", t->s[0]);
        } else if (t->type == T_INDENT) {
          const char *ls = src.lines[t->lineno - 1];
          int c = 0;
          while (ls[c] == ' ' || ls[c] == '\t' || ls[c] == '\f') c++;
          wf_perr_set(&err, WF_EXC_INDENTATION, t->lineno, WF_RAW_OFFSET(c), t->lineno, WF_RAW_OFFSET(-1),
                      "unexpected indent");
        } else if (t->type == T_DEDENT) {
          wf_perr_set(&err, WF_EXC_INDENTATION, t->lineno, t->col, t->end_lineno, t->end_col, "unexpected unindent");
        } else {
          p.maxpos = maxpos;
          wf_p_error_last(&p, WF_EXC_SYNTAX, "invalid syntax");
        }
      }
    }
    if (!mod) {
      /* python3.11 then tokenizes the rest of the file: an unclosed bracket
       * opened before the error's line wins */
      wf_token *last = &toks.v[toks.n - 1];
      if (last->type == T_EOF_IN_PAREN && err.type != WF_EXC_MEMORY && toks.v[p.maxpos].lineno > last->lineno &&
          !err.from_tokenizer) {
        memset(&err, 0, sizeof err);
        wf_perr_set(&err, WF_EXC_SYNTAX, last->lineno, last->col, last->lineno, -1, "'%c' was never closed",
                    last->s[0]);
      }
    }
    free(p.memo_end);
    free(p.memo_node);
  }
  free(toks.v);
  if (mod && too_deep(mod, 0)) {
    mod = NULL;
    memset(&err, 0, sizeof err);
    wf_perr_set(&err, WF_EXC_RECURSION, 0, -1, 0, -1, "maximum recursion depth exceeded during ast construction");
  }
  if (!mod) {
    if (err.type == WF_EXC_MEMORY || err.type == WF_EXC_RECURSION) {
      memset(out, 0, sizeof *out);
      out->type = (wf_exc_type)err.type;
      out->msg = xstrndup(err.msg, strlen(err.msg));
      return NULL;
    }
    finish_error(&src, &err, filename, out);
  }
  return mod;
}

/* ---- printing ---- */

void wf_syntax_error_print(const wf_syntax_error *e, FILE *f) {
  if (e->filename && e->lineno > 0) {
    fprintf(f, "  File \"%s\", line %d\n", e->filename, e->lineno);
    if (e->text) {
      long offset = e->offset, end_offset = e->end_offset;
      /* character length of the text */
      long line_size = 0;
      for (const char *c = e->text; *c; c++)
        if (((unsigned char)*c & 0xC0) != 0x80) line_size++;
      if (e->end_lineno > e->lineno) end_offset = line_size;
      if (end_offset > line_size + 1) end_offset = line_size + 1;
      long reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
      const char *text = e->text;
      offset--;
      while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
      }
      long len = 0;
      for (const char *c = text; *c; c++)
        if (((unsigned char)*c & 0xC0) != 0x80) len++;
      if (len > 0 && text[strlen(text) - 1] == '\n') len--;
      if (offset > len) offset = len;
      fputs("    ", f);
      fputs(text, f);
      if (!*text || text[strlen(text) - 1] != '\n') fputc('\n', f);
      if (offset >= 0) {
        fputs("    ", f);
        while (--offset >= 0) fputc(' ', f);
        for (long i = 0; i < reps; i++) fputc('^', f);
        fputc('\n', f);
      }
    }
  }
  /* Python prints a bare type name for an exception without a message. */
  if (e->msg && *e->msg) fprintf(f, "%s: %s\n", wf_exc_type_name(e->type), e->msg);
  else fprintf(f, "%s\n", wf_exc_type_name(e->type));
}
