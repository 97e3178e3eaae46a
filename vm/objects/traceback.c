/* traceback: the entries of an exception's __traceback__, and printing an
 * uncaught exception exactly as python3.11 does (the chain, the entries
 * with their source lines and 3.11's ~~~^^^ position markers, the final
 * "Type: message" line, SyntaxError's special form, RecursionError's
 * collapsed repeats). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code.h"
#include "descr.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "funcobject.h"
#include "int.h"
#include "list.h"
#include "modules.h"
#include "parse/parse.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "traceback.h"
#include "tuple.h"
#include "typeobject.h"

#define TB(o) ((wf_traceback *)(o))

PyObject *wf_traceback_new(PyObject *next, PyObject *frame, int lasti, int lineno) {
  wf_traceback *tb = (wf_traceback *)wf_object_alloc(&wf_traceback_type, sizeof(wf_traceback));
  WF_GC_STORE(&tb->tb_next, next);
  WF_GC_STORE(&tb->tb_frame, frame);
  tb->tb_lasti = lasti;
  tb->tb_lineno = lineno;
  return (PyObject *)tb;
}

void wf_traceback_add_frame(wf_frame *f) {
  PyObject *exc = wf_err_current();
  if (!exc || !wf_exc_check(exc)) return;
  WF_GC_ROOT(exc);
  PyObject *fo = wf_frame_object(f);
  WF_GC_ROOT(fo);
  PyObject *next = wf_exc_get_traceback(exc);
  if (next && !wf_traceback_check(next)) next = NULL;
  PyObject *tb = wf_traceback_new(next, fo, f->lasti, wf_frame_lineno(f));
  wf_exc_set_traceback(exc, tb);
}

static void traceback_trace(void *o, wf_gc_tracer *t) {
  wf_gc_visit(t, TB(o)->tb_next);
  wf_gc_visit(t, TB(o)->tb_frame);
}

static PyObject *get_next(PyObject *self, void *c) {
  PyObject *n = WF_GC_LOAD(&TB(self)->tb_next);
  return n ? n : WF_NONE;
}

static int set_next(PyObject *self, PyObject *v, void *c) {
  if (!v) {
    wf_err_set_string(&wf_TypeError_type, "can't delete tb_next attribute");
    return -1;
  }
  if (v == WF_NONE) {
    WF_GC_STORE(&TB(self)->tb_next, NULL);
    return 0;
  }
  if (!wf_traceback_check(v)) {
    wf_err_format(&wf_TypeError_type, "expected traceback object, got '%s'", WF_TYPE(v)->tp_name);
    return -1;
  }
  for (PyObject *p = v; p; p = WF_GC_LOAD(&TB(p)->tb_next))
    if (p == self) {
      wf_err_set_string(&wf_ValueError_type, "traceback loop detected");
      return -1;
    }
  WF_GC_STORE(&TB(self)->tb_next, v);
  return 0;
}

static PyObject *traceback_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  static const char *const names[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
  PyObject *a[4];
  if (wf_arg_unpack_tuple_dict("TracebackType", args, kwds, names, 4, a) < 0) return NULL;
  if (a[0] != WF_NONE && !wf_traceback_check(a[0]))
    return wf_err_format(&wf_TypeError_type, "expected traceback object or None, got '%s'", WF_TYPE(a[0])->tp_name);
  if (!wf_frameobject_check(a[1]))
    return wf_err_format(&wf_TypeError_type, "TracebackType() argument 'tb_frame' must be frame, not %s",
                         WF_TYPE(a[1])->tp_name);
  WF_GC_ROOT(a[0]);
  WF_GC_ROOT(a[1]);
  WF_GC_ROOT(a[3]);
  Py_ssize_t lasti = wf_number_as_ssize_t(a[2], &wf_OverflowError_type);
  if (lasti == -1 && wf_err_occurred()) return NULL;
  Py_ssize_t lineno = wf_number_as_ssize_t(a[3], &wf_OverflowError_type);
  if (lineno == -1 && wf_err_occurred()) return NULL;
  return wf_traceback_new(a[0] == WF_NONE ? NULL : a[0], a[1], (int)lasti, (int)lineno);
}

static PyGetSetDef traceback_getsets[] = {
    {"tb_next", get_next, set_next, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef traceback_members[] = {
    {"tb_frame", T_OBJECT, offsetof(wf_traceback, tb_frame), READONLY, NULL},
    {"tb_lasti", T_INT, offsetof(wf_traceback, tb_lasti), READONLY, NULL},
    {"tb_lineno", T_INT, offsetof(wf_traceback, tb_lineno), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_traceback_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "traceback",
    .tp_basicsize = sizeof(wf_traceback),
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\nCreate a new traceback object.",
    .tp_members = traceback_members,
    .tp_getset = traceback_getsets,
    .tp_new = traceback_tp_new,
    .wf = {.trace = traceback_trace},
};
WF_REGISTER_TYPE(wf_traceback_type);

/* ---- Printing ------------------------------------------------------------------------ */

typedef struct printer {
  wf_strbuf out;
  char *file_path; /* the last source file read (a one-entry cache) */
  char *file_data;
  size_t file_len;
  bool file_ok;
  int group_depth; /* exception group nesting: lines get a "  | " margin per level */
  bool need_close;
} printer;

static void put(printer *p, const char *s) { wf_strbuf_put_utf8(&p->out, s, (Py_ssize_t)strlen(s)); }
static void put_str(printer *p, PyObject *s) { wf_strbuf_put_str(&p->out, s); }

/* The margin of a line inside an exception group: two spaces per level,
 * then `m` ('|', or '+' for the outermost group's header) and a space. */
static void put_margin(printer *p, char m) {
  if (!p->group_depth) return;
  wf_strbuf_fill(&p->out, ' ', 2 * p->group_depth);
  wf_strbuf_putc(&p->out, (uint32_t)m);
  wf_strbuf_putc(&p->out, ' ');
}

/* A section is rendered into its own buffer, then copied out with a margin
 * before each line (the first line's margin is `first`). */
static void begin_section(printer *p, wf_strbuf *saved) {
  *saved = p->out;
  wf_strbuf_init(&p->out, 128);
}
static void end_section(printer *p, wf_strbuf *saved, char first) {
  PyObject *text = wf_strbuf_finish(&p->out);
  p->out = *saved;
  if (!text) {
    wf_err_clear();
    return;
  }
  WF_GC_ROOT(text);
  Py_ssize_t n = wf_str_length(text), start = 0;
  while (start < n) {
    Py_ssize_t end = start;
    while (end < n && wf_str_read_char(text, end) != '\n') end++;
    if (end < n) end++;
    put_margin(p, start == 0 ? first : '|');
    wf_strbuf_put_substr(&p->out, text, start, end);
    start = end;
  }
}

/* Line `lineno` (1-based) of the file, without its newline; false if unreadable. */
static bool source_line(printer *p, const char *path, int lineno, const char **line, size_t *len) {
  if (!p->file_path || strcmp(p->file_path, path) != 0) {
    free(p->file_path);
    free(p->file_data);
    p->file_path = strdup(path);
    p->file_data = NULL;
    p->file_len = 0;
    p->file_ok = false;
    FILE *fp = path[0] != '<' ? fopen(path, "rb") : NULL;
    if (fp) {
      size_t cap = 8192, n = 0;
      char *buf = malloc(cap);
      size_t r;
      while ((r = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += r;
        if (n == cap) buf = realloc(buf, cap *= 2);
      }
      fclose(fp);
      p->file_data = buf;
      p->file_len = n;
      p->file_ok = true;
    }
  }
  if (!p->file_ok || lineno < 1) return false;
  const char *s = p->file_data, *end = s + p->file_len;
  for (int i = 1; i < lineno; i++) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) return false;
    s = nl + 1;
  }
  if (s >= end) return false;
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
  if (n > 0 && s[n - 1] == '\r') n--;
  *line = s;
  *len = n;
  return true;
}

/* Characters in the first `nbytes` bytes of UTF-8 text. */
static Py_ssize_t utf8_chars(const char *s, size_t nbytes) {
  Py_ssize_t n = 0;
  for (size_t i = 0; i < nbytes; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

/* 3.11's secondary markers: the operator of a binary operation or the
 * [subscript] of a subscription, as byte offsets into the segment. */
static bool segment_anchors(const char *seg, size_t n, size_t *left, size_t *right) {
  wf_arena arena;
  wf_arena_init(&arena);
  wf_syntax_error err;
  memset(&err, 0, sizeof err);
  bool found = false;
  wf_node *mod = wf_parse_module(seg, n, "<string>", &arena, &err);
  if (!mod) {
    wf_syntax_error_clear(&err);
  } else if (mod->v.Module.body && mod->v.Module.body->n == 1) {
    wf_node *st = mod->v.Module.body->items[0];
    if (st->kind == WF_AST_Expr) {
      wf_node *e = st->v.Expr.value;
      if (e->kind == WF_AST_BinOp) {
        size_t lo = (size_t)e->v.BinOp.left->end_col_offset, hi = (size_t)e->v.BinOp.right->col_offset;
        for (size_t i = lo; i < hi && i < n; i++) {
          if (is_ws(seg[i]) || seg[i] == ')') continue;
          *left = i;
          *right = i + 1;
          if (i + 1 < hi && !is_ws(seg[i + 1])) ++*right;
          found = true;
          break;
        }
      } else if (e->kind == WF_AST_Subscript) {
        size_t i = (size_t)e->v.Subscript.value->end_col_offset;
        while (i < n && (is_ws(seg[i]) || seg[i] == ')')) i++;
        size_t j = (size_t)e->v.Subscript.slice->end_col_offset;
        while (j < n && seg[j] != ']') j++;
        if (i < n && j < n) {
          *left = i;
          *right = j + 1;
          found = true;
        }
      }
    }
  }
  wf_arena_free(&arena);
  return found;
}

/* The marker line under a source line (line[0..len), `lead` bytes of
 * indentation stripped when printed). */
static void put_markers(printer *p, const char *line, size_t len, size_t lead, const wf_code_loc *loc, int lineno) {
  if (!loc || loc->line != lineno || loc->col < 0 || loc->end_col < 0 || loc->end_line < loc->line) return;
  size_t start = (size_t)loc->col, end;
  bool multi = loc->end_line != loc->line;
  if (multi) {
    end = len;
    while (end > 0 && is_ws(line[end - 1])) end--;
  } else {
    end = (size_t)loc->end_col;
  }
  if (end > len) end = len;
  if (start < lead || start >= end) return;
  size_t la = 0, ra = 0;
  bool anchors = !multi && segment_anchors(line + start, end - start, &la, &ra);
  if (!anchors && start == lead && end == len) return;
  Py_ssize_t pad = utf8_chars(line + lead, start - lead);
  Py_ssize_t width = utf8_chars(line + start, end - start);
  Py_ssize_t lc = anchors ? utf8_chars(line + start, la) : 0, rc = anchors ? utf8_chars(line + start, ra) : 0;
  wf_strbuf_fill(&p->out, ' ', 4 + pad);
  for (Py_ssize_t i = 0; i < width; i++) wf_strbuf_putc(&p->out, !anchors || (i >= lc && i < rc) ? '^' : '~');
  put(p, "\n");
}

static void put_entry(printer *p, wf_traceback *tb) {
  wf_frameobject *fo = (wf_frameobject *)tb->tb_frame;
  wf_code *co = (wf_code *)fo->f_code;
  char num[32];
  snprintf(num, sizeof num, "%d", tb->tb_lineno);
  put(p, "  File \"");
  put_str(p, co->co_filename);
  put(p, "\", line ");
  put(p, num);
  put(p, ", in ");
  put_str(p, co->co_name);
  put(p, "\n");
  const char *line;
  size_t len;
  if (!source_line(p, wf_str_as_utf8(co->co_filename, NULL), tb->tb_lineno, &line, &len)) return;
  size_t lead = 0;
  while (lead < len && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f')) lead++;
  if (lead == len) return;
  put(p, "    ");
  wf_strbuf_put_utf8(&p->out, line + lead, (Py_ssize_t)(len - lead));
  put(p, "\n");
  put_markers(p, line, len, lead, wf_code_loc_of(co, tb->tb_lasti), tb->tb_lineno);
}

#define RECURSIVE_CUTOFF 3

static void put_repeated(printer *p, long cnt) {
  if (cnt <= RECURSIVE_CUTOFF) return;
  char buf[96];
  cnt -= RECURSIVE_CUTOFF;
  snprintf(buf, sizeof buf, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
  put(p, buf);
}

static void put_traceback(printer *p, PyObject *tb, const char *header) {
  long limit = 1000;
  PyObject *lim = wf_sys_get("tracebacklimit");
  if (lim && wf_int_check(lim)) {
    int64_t v;
    if (wf_int_as_int64(lim, &v) < 0) {
      wf_err_clear();
      v = wf_int_sign(lim) > 0 ? INT64_MAX : 0;
    }
    if (v <= 0) return;
    limit = v > 1000000000 ? 1000000000 : (long)v;
  }
  long depth = 0;
  for (PyObject *t = tb; t; t = TB(t)->tb_next) depth++;
  put(p, header);
  PyObject *last_file = NULL, *last_name = NULL;
  int last_line = -1;
  long cnt = 0;
  for (PyObject *t = tb; t; t = TB(t)->tb_next) {
    if (depth-- > limit) continue;
    wf_code *co = (wf_code *)((wf_frameobject *)TB(t)->tb_frame)->f_code;
    int line = TB(t)->tb_lineno;
    if (!last_file || !wf_str_equal(last_file, co->co_filename) || line != last_line ||
        !wf_str_equal(last_name, co->co_name)) {
      put_repeated(p, cnt);
      last_file = co->co_filename;
      last_name = co->co_name;
      last_line = line;
      cnt = 0;
    }
    if (++cnt > RECURSIVE_CUTOFF) continue;
    put_entry(p, TB(t));
  }
  put_repeated(p, cnt);
}

/* str(o) into the output; false (and no exception) if it fails. */
static bool put_object_str(printer *p, PyObject *o, bool *empty) {
  PyObject *s = wf_object_str(o);
  if (!s) {
    wf_err_clear();
    return false;
  }
  *empty = wf_str_length(s) == 0;
  put_str(p, s);
  return true;
}

/* SyntaxError's "File" line, source text and carets. Returns the object to
 * print after "SyntaxError: " (msg), or NULL to print the exception as usual. */
static PyObject *put_syntax_error(printer *p, PyObject *exc) {
  PySyntaxErrorObject *se = (PySyntaxErrorObject *)exc;
  if (!se->lineno || !wf_int_check(se->lineno)) return NULL;
  Py_ssize_t lineno = wf_int_as_ssize(se->lineno);
  if (lineno == -1 && wf_err_occurred()) {
    wf_err_clear();
    return NULL;
  }
  Py_ssize_t offset = -1, end_lineno = lineno, end_offset = -1;
  if (se->offset && wf_int_check(se->offset)) offset = wf_int_as_ssize(se->offset);
  if (se->end_lineno && wf_int_check(se->end_lineno)) end_lineno = wf_int_as_ssize(se->end_lineno);
  if (se->end_offset && wf_int_check(se->end_offset))
    end_offset = wf_int_as_ssize(se->end_offset);
  else
    end_offset = offset;
  if (wf_err_occurred()) wf_err_clear();
  char num[32];
  snprintf(num, sizeof num, "%zd", lineno);
  put(p, "  File \"");
  if (se->filename && se->filename != WF_NONE && wf_str_check(se->filename))
    put_str(p, se->filename);
  else
    put(p, "<string>");
  put(p, "\", line ");
  put(p, num);
  put(p, "\n");
  if (se->text && wf_str_check(se->text)) {
    /* As 3.11: strip the indentation, keep offsets (1-based) in step, skip
     * to the physical line holding the offset, clip, draw the carets. */
    Py_ssize_t n = wf_str_length(se->text);
    uint32_t *t = malloc(sizeof(uint32_t) * (size_t)(n + 1));
    for (Py_ssize_t i = 0; i < n; i++) t[i] = wf_str_read_char(se->text, i);
    if (end_lineno > lineno) end_offset = n;
    if (end_offset > n + 1) end_offset = n + 1;
    Py_ssize_t off = offset - 1, eoff = end_offset - 1, s = 0;
    while (s < n && (t[s] == ' ' || t[s] == '\t' || t[s] == '\f')) {
      s++;
      off--;
      eoff--;
    }
    Py_ssize_t len = n - s;
    if (len > 0 && t[n - 1] == '\n') len--;
    if (off > len) off = len;
    for (;;) {
      Py_ssize_t nl = -1;
      for (Py_ssize_t i = s; i < n; i++)
        if (t[i] == '\n') {
          nl = i - s;
          break;
        }
      if (nl < 0 || nl >= off) break;
      s += nl + 1;
      len -= nl + 1;
      off -= nl + 1;
      eoff -= nl + 1;
    }
    put(p, "    ");
    Py_ssize_t e = s;
    while (e < n && t[e] != '\n') e++;
    for (Py_ssize_t i = s; i < e; i++) wf_strbuf_putc(&p->out, t[i]);
    put(p, "\n");
    if (off >= 0 && offset >= 0) {
      wf_strbuf_fill(&p->out, ' ', 4 + off);
      Py_ssize_t carets = eoff - off;
      if (carets < 1) carets = 1;
      wf_strbuf_fill(&p->out, '^', carets);
      put(p, "\n");
    }
    free(t);
  }
  return se->msg ? se->msg : WF_NONE;
}

static void put_notes(printer *p, PyObject *exc) {
  PyObject *notes = NULL;
  WF_GC_ROOT(notes);
  if (wf_object_lookup_attr(exc, WF_ID(__notes__), &notes) <= 0) {
    wf_err_clear();
    return;
  }
  if (wf_list_check(notes) || wf_tuple_check(notes) || wf_str_check(notes)) {
    PyObject *seq = wf_sequence_tuple(notes);
    WF_GC_ROOT(seq);
    if (!seq) {
      wf_err_clear();
      return;
    }
    for (Py_ssize_t i = 0; i < WF_SIZE(seq); i++) {
      PyObject *note = WF_TUPLE_GET(seq, i);
      bool empty;
      wf_strbuf saved;
      begin_section(p, &saved);
      if (wf_str_check(note))
        put_str(p, note);
      else if (!put_object_str(p, note, &empty))
        put(p, "<note str() failed>");
      put(p, "\n");
      end_section(p, &saved, '|');
    }
  } else {
    put_margin(p, '|');
    PyObject *r = wf_object_repr(notes);
    if (r) {
      put_str(p, r);
    } else {
      wf_err_clear();
      put(p, "<__notes__ repr() failed>");
    }
    put(p, "\n");
  }
}

static void put_exception(printer *p, PyObject *exc) {
  WF_GC_ROOT(exc);
  if (!wf_exc_check(exc)) {
    put(p, "TypeError: print_exception(): Exception expected for value, ");
    put(p, WF_TYPE(exc)->tp_name);
    put(p, " found\n");
    return;
  }
  PyObject *tb = wf_exc_get_traceback(exc);
  if (tb && wf_traceback_check(tb)) {
    bool group = wf_object_type_check(exc, &wf_BaseExceptionGroup_type);
    wf_strbuf saved;
    begin_section(p, &saved);
    put_traceback(p, tb,
                  group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
    end_section(p, &saved, group && p->group_depth == 1 ? '+' : '|');
  }
  PyObject *value = exc;
  WF_GC_ROOT(value);
  if (wf_object_type_check(exc, &wf_SyntaxError_type)) {
    wf_strbuf saved;
    begin_section(p, &saved);
    PyObject *m = put_syntax_error(p, exc);
    end_section(p, &saved, '|');
    if (m) value = m;
  }
  put_margin(p, '|');
  PyTypeObject *type = WF_TYPE(exc);
  PyObject *mod = NULL;
  WF_GC_ROOT(mod);
  if (wf_object_lookup_attr((PyObject *)type, WF_ID(__module__), &mod) < 0) wf_err_clear();
  if (!mod || !wf_str_check(mod)) {
    put(p, "<unknown>.");
  } else if (!wf_str_equal_cstr(mod, "builtins") && !wf_str_equal_cstr(mod, "__main__")) {
    put_str(p, mod);
    put(p, ".");
  }
  PyObject *qn = wf_type_qualname(type);
  if (qn && wf_str_check(qn))
    put_str(p, qn);
  else {
    wf_err_clear();
    put(p, type->tp_name);
  }
  if (value != WF_NONE) {
    PyObject *s = wf_object_str(value);
    if (!s) {
      wf_err_clear();
      put(p, ": <exception str() failed>");
    } else if (wf_str_length(s) > 0) {
      put(p, ": ");
      put_str(p, s);
    }
  }
  PyObject *suggestion = wf_exc_suggestion(exc);
  if (suggestion) {
    put(p, ". Did you mean: '");
    put_str(p, suggestion);
    put(p, "'?");
  }
  put(p, "\n");
  put_notes(p, exc);
}

#define MAX_CHAIN 1000
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

static void put_chain(printer *p, PyObject *exc, PyObject *seen, int depth);

/* An exception group as python3.11 prints it: its traceback and message,
 * then each member in a numbered box, nested groups indented further. */
static void put_group(printer *p, PyObject *exc, PyObject *seen, int depth) {
  WF_GC_ROOT(exc);
  char buf[96];
  if (p->group_depth > MAX_GROUP_DEPTH) {
    put_margin(p, '|');
    snprintf(buf, sizeof buf, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
    put(p, buf);
    return;
  }
  if (p->group_depth == 0) p->group_depth = 1;
  put_exception(p, exc);
  PyObject *excs = ((PyBaseExceptionGroupObject *)exc)->excs;
  WF_GC_ROOT(excs);
  Py_ssize_t total = excs && wf_tuple_check(excs) ? WF_SIZE(excs) : 0;
  Py_ssize_t n = total > MAX_GROUP_WIDTH ? MAX_GROUP_WIDTH + 1 : total;
  p->need_close = false;
  for (Py_ssize_t i = 0; i < n; i++) {
    bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
    if (last) p->need_close = true; /* unless a nested group draws the closing line */
    wf_strbuf_fill(&p->out, ' ', 2 * p->group_depth);
    if (truncated) snprintf(buf, sizeof buf, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
    else snprintf(buf, sizeof buf, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
    put(p, buf);
    p->group_depth++;
    if (!truncated) {
      put_chain(p, WF_TUPLE_GET(excs, i), seen, depth + 1);
    } else {
      Py_ssize_t rest = total - MAX_GROUP_WIDTH;
      put_margin(p, '|');
      snprintf(buf, sizeof buf, "and %zd more exception%s\n", rest, rest > 1 ? "s" : "");
      put(p, buf);
    }
    if (last && p->need_close) {
      wf_strbuf_fill(&p->out, ' ', 2 * p->group_depth);
      put(p, "+------------------------------------\n");
      p->need_close = false;
    }
    p->group_depth--;
  }
  if (p->group_depth == 1) p->group_depth = 0;
}

/* "The above exception ..." between two links of a chain, with margins. */
static void put_chain_message(printer *p, const char *msg) {
  put_margin(p, '|');
  put(p, "\n");
  put_margin(p, '|');
  put(p, msg);
  put_margin(p, '|');
  put(p, "\n");
}

static void put_chain(printer *p, PyObject *exc, PyObject *seen, int depth) {
  WF_GC_ROOT(exc);
  if (wf_exc_check(exc) && depth < MAX_CHAIN) {
    PyObject *id = wf_int_from_uint64((uint64_t)(uintptr_t)exc);
    wf_dict_setitem(seen, id, WF_NONE);
    PyObject *cause = wf_exc_get_cause(exc);
    PyObject *ctx = wf_exc_get_context(exc);
    WF_GC_ROOT(cause);
    WF_GC_ROOT(ctx);
    bool need_close = p->need_close;
    if (cause && cause != WF_NONE && wf_exc_check(cause) &&
        !wf_dict_getitem(seen, wf_int_from_uint64((uint64_t)(uintptr_t)cause))) {
      put_chain(p, cause, seen, depth + 1);
      p->need_close = need_close;
      put_chain_message(p, "The above exception was the direct cause of the following exception:\n");
    } else if (ctx && ctx != WF_NONE && wf_exc_check(ctx) && !((PyBaseExceptionObject *)exc)->suppress_context &&
               !wf_dict_getitem(seen, wf_int_from_uint64((uint64_t)(uintptr_t)ctx))) {
      put_chain(p, ctx, seen, depth + 1);
      p->need_close = need_close;
      put_chain_message(p, "During handling of the above exception, another exception occurred:\n");
    }
  }
  if (wf_exc_check(exc) && wf_object_type_check(exc, &wf_BaseExceptionGroup_type) && depth < MAX_CHAIN)
    put_group(p, exc, seen, depth);
  else
    put_exception(p, exc);
}

static void write_out(PyObject *text) {
  WF_GC_ROOT(text);
  PyObject *err = wf_sys_get("stderr");
  WF_GC_ROOT(err);
  if (err && err != WF_NONE) {
    PyObject *r = wf_call_method_cstr(err, "write", &text, 1);
    if (r) {
      r = wf_call_method_cstr(err, "flush", NULL, 0);
      if (!r) wf_err_clear();
      return;
    }
    wf_err_clear();
  }
  Py_ssize_t n;
  const char *s = wf_str_as_utf8(text, &n);
  if (!s) {
    wf_err_clear();
    return;
  }
  while (n > 0) {
    ssize_t w = write(2, s, (size_t)n);
    if (w <= 0) break;
    s += w;
    n -= w;
  }
}

void wf_exception_print(PyObject *exc) {
  WF_GC_ROOT(exc);
  PyObject *saved = wf_err_fetch();
  WF_GC_ROOT(saved);
  printer p;
  memset(&p, 0, sizeof p);
  wf_strbuf_init(&p.out, 256);
  PyObject *seen = wf_dict_new();
  WF_GC_ROOT(seen);
  put_chain(&p, exc, seen, 0);
  free(p.file_path);
  free(p.file_data);
  PyObject *text = wf_strbuf_finish(&p.out);
  if (text) write_out(text);
  wf_err_clear();
  wf_err_restore(saved);
}
