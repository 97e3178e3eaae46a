/* The std streams: a text stream type named _io.TextIOWrapper over a file
 * descriptor (sys.stdin, sys.stdout, sys.stderr), UTF-8, newline="\n" (no
 * translation, as CPython's std streams on POSIX).
 *
 * Threads and the GC: the mutable part of a stream (buffers, flags) lives
 * in a malloc'd stdio_state outside the heap, guarded by a pthread mutex
 * taken with wf_mutex_lock_safepoint_aware. Blocking read/write syscalls run
 * in the native state while holding that mutex and touch only the malloc'd
 * state (never a heap object). Decoding and encoding happen outside the
 * mutex; only memcpy to or from the state's buffers happens inside it.
 *
 * Buffering: writes accumulate in the state's buffer; it is written out
 * when it reaches WBUF_SIZE, on flush(), after every write when
 * write_through (stderr, PYTHONUNBUFFERED), or when line_buffering and the
 * text holds "\n" or "\r" (stdout on a tty). */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bytes.h"
#include "dict.h"
#include "errors.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

#define WBUF_SIZE 8192
#define RCHUNK 65536

typedef struct stdio_state {
  struct stdio_state *next; /* all states, so leak checkers see them reachable */
  pthread_mutex_t mu;
  int fd;
  bool readable, writable;
  bool line_buffering, write_through;
  _Atomic bool closed;
  char *wbuf;
  size_t wlen, wcap;
  char *rbuf; /* unread input: rbuf[rpos .. rlen) */
  size_t rpos, rlen, rcap;
  bool eof; /* the last read returned 0 (a later read may still give more, as on a tty) */
} stdio_state;

typedef struct wf_stdio {
  PyObject ob_base;
  stdio_state *st;
  PyObject *name, *mode, *errors;
} wf_stdio;

#define SIO(o) ((wf_stdio *)(o))

static stdio_state *_Atomic all_states;

static void stdio_trace(void *obj, wf_gc_tracer *t) {
  wf_stdio *s = obj;
  wf_gc_visit(t, s->name);
  wf_gc_visit(t, s->mode);
  wf_gc_visit(t, s->errors);
}

/* ---- io.UnsupportedOperation ------------------------------------------------ */

static PyObject *unsupported_op;

PyObject *wf_io_unsupported_operation(void) {
  PyObject *t = __atomic_load_n(&unsupported_op, __ATOMIC_ACQUIRE);
  if (t) return t;
  PyObject *bases = wf_tuple_pack(2, (PyObject *)&wf_OSError_type, (PyObject *)&wf_ValueError_type);
  WF_GC_ROOT(bases);
  PyObject *dict = wf_dict_new();
  WF_GC_ROOT(dict);
  PyObject *mod = wf_str_from_cstr("io");
  if (wf_dict_setitem_cstr(dict, "__module__", mod) < 0) return NULL;
  PyObject *name = wf_str_from_cstr("UnsupportedOperation");
  WF_GC_ROOT(name);
  t = wf_type_new(&wf_type_type, name, bases, dict, NULL);
  if (!t) return NULL;
  PyObject *expected = NULL;
  /* Racers may each build one; the first published wins and stays rooted. */
  if (__atomic_compare_exchange_n(&unsupported_op, &expected, t, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    wf_gc_add_global_root((void **)&unsupported_op);
    return t;
  }
  return expected;
}

static PyObject *raise_unsupported(const char *msg) {
  PyObject *t = wf_io_unsupported_operation();
  if (!t) return NULL;
  return wf_err_set_string((PyTypeObject *)t, msg);
}

/* ---- Raw I/O on the state (caller holds st->mu) -------------------------------- */

/* Write out the buffer; returns 0 or an errno value. The buffer is emptied
 * either way (a broken pipe must not fail again at every later write). */
static int flush_locked(stdio_state *st) {
  int err = 0;
  size_t off = 0;
  WF_NATIVE_REGION {
    while (off < st->wlen) {
      ssize_t k = write(st->fd, st->wbuf + off, st->wlen - off);
      if (k < 0) {
        if (errno == EINTR) continue;
        err = errno;
        break;
      }
      off += (size_t)k;
    }
  }
  st->wlen = 0;
  return err;
}

/* Read more input into rbuf; returns bytes read (0 at EOF) or -errno. */
static ssize_t fill_locked(stdio_state *st) {
  if (st->rpos > 0 && st->rpos == st->rlen) st->rpos = st->rlen = 0;
  if (st->rcap - st->rlen < RCHUNK) {
    if (st->rpos > 0) {
      memmove(st->rbuf, st->rbuf + st->rpos, st->rlen - st->rpos);
      st->rlen -= st->rpos;
      st->rpos = 0;
    }
    if (st->rcap - st->rlen < RCHUNK) {
      size_t cap = st->rcap ? st->rcap * 2 : RCHUNK;
      while (cap - st->rlen < RCHUNK) cap *= 2;
      char *nb = realloc(st->rbuf, cap);
      if (!nb) return -ENOMEM;
      st->rbuf = nb;
      st->rcap = cap;
    }
  }
  ssize_t k;
  WF_NATIVE_REGION {
    do k = read(st->fd, st->rbuf + st->rlen, RCHUNK);
    while (k < 0 && errno == EINTR);
    if (k < 0) k = -errno;
  }
  if (k > 0) st->rlen += (size_t)k;
  st->eof = k == 0;
  return k;
}

static void lock_state(stdio_state *st) { wf_mutex_lock_safepoint_aware(&st->mu); }
static void unlock_state(stdio_state *st) { pthread_mutex_unlock(&st->mu); }

static PyObject *raise_errno(int err) { return wf_err_set_from_errno(&wf_OSError_type, err, NULL); }

static int check_open(PyObject *self, bool dot) {
  if (atomic_load(&SIO(self)->st->closed)) {
    wf_err_set_string(&wf_ValueError_type, dot ? "I/O operation on closed file." : "I/O operation on closed file");
    return -1;
  }
  return 0;
}

/* ---- Writing ------------------------------------------------------------------ */

/* Append n bytes (copied from heap or C memory while RUNNING) and flush as
 * the buffering mode asks. 0 or -1 with the exception set. */
static int write_bytes(stdio_state *st, const char *data, size_t n, bool has_newline) {
  lock_state(st);
  if (st->wlen + n > st->wcap) {
    size_t cap = st->wcap ? st->wcap : WBUF_SIZE;
    while (cap < st->wlen + n) cap *= 2;
    char *nb = realloc(st->wbuf, cap);
    if (!nb) {
      unlock_state(st);
      wf_err_no_memory();
      return -1;
    }
    st->wbuf = nb;
    st->wcap = cap;
  }
  memcpy(st->wbuf + st->wlen, data, n);
  st->wlen += n;
  int err = 0;
  if (st->write_through || (st->line_buffering && has_newline) || st->wlen >= WBUF_SIZE) err = flush_locked(st);
  unlock_state(st);
  if (err) {
    raise_errno(err);
    return -1;
  }
  return 0;
}

static PyObject *m_write(PyObject *self, PyObject *s) {
  WF_GC_ROOT(self);
  WF_GC_ROOT(s);
  if (check_open(self, true) < 0) return NULL;
  stdio_state *st = SIO(self)->st;
  if (!st->writable) return raise_unsupported("not writable");
  if (!wf_str_check(s)) return wf_err_format(&wf_TypeError_type, "write() argument must be str, not %.200s",
                                             WF_TYPE(s)->tp_name);
  Py_ssize_t n;
  const char *data = wf_str_as_utf8(s, &n);
  PyObject *enc = NULL;
  WF_GC_ROOT(enc);
  if (!data) {
    const char *errors = wf_str_as_utf8(SIO(self)->errors, NULL);
    if (!wf_err_matches(&wf_UnicodeEncodeError_type) || !errors || !strcmp(errors, "strict")) return NULL;
    wf_err_clear();
    enc = wf_str_encode(s, "utf-8", errors);
    if (!enc) return NULL;
    data = wf_bytes_data(enc);
    n = wf_bytes_size(enc);
  }
  bool nl = memchr(data, '\n', (size_t)n) || memchr(data, '\r', (size_t)n);
  if (write_bytes(st, data, (size_t)n, nl) < 0) return NULL;
  return wf_int_from_ssize(wf_str_len(s));
}

int wf_stdio_flush(PyObject *self) {
  stdio_state *st = SIO(self)->st;
  if (check_open(self, true) < 0) return -1;
  lock_state(st);
  int err = st->wlen ? flush_locked(st) : 0;
  unlock_state(st);
  if (err) {
    raise_errno(err);
    return -1;
  }
  return 0;
}

static PyObject *m_flush(PyObject *self, PyObject *unused) {
  if (wf_stdio_flush(self) < 0) return NULL;
  return WF_NONE;
}

static PyObject *m_writelines(PyObject *self, PyObject *lines) {
  WF_GC_ROOT(self);
  if (check_open(self, true) < 0) return NULL;
  PyObject *it = wf_object_getiter(lines);
  if (!it) return NULL;
  WF_GC_ROOT(it);
  PyObject *item;
  while ((item = wf_iter_next(it))) {
    if (!m_write(self, item)) return NULL;
  }
  if (wf_err_occurred()) return NULL;
  return WF_NONE;
}

/* ---- Reading ------------------------------------------------------------------ */

static bool is_lead(char c) { return ((unsigned char)c & 0xC0) != 0x80; }

/* Byte offset just past `nchars` code points of rbuf from rpos, if the
 * buffer holds that many complete ones (the following lead byte or EOF
 * marks the end); else (size_t)-1. */
static size_t char_end(stdio_state *st, size_t nchars) {
  size_t count = 0;
  for (size_t i = st->rpos; i < st->rlen; i++) {
    if (is_lead(st->rbuf[i])) {
      if (count == nchars) return i;
      count++;
    }
  }
  if (count == nchars && st->eof) return st->rlen;
  return (size_t)-1;
}

/* Take up to `limit` chars (-1: no limit) ending after the first '\n'
 * (line) or only at the limit/EOF (!line). Returns a malloc'd copy in *out
 * and its length, or -1 with an errno in *err. */
static int take_locked(stdio_state *st, bool line, Py_ssize_t limit, char **out, size_t *outlen, int *err) {
  size_t scanned = st->rpos;
  for (;;) {
    size_t end = (size_t)-1;
    if (line) {
      char *nl = scanned < st->rlen ? memchr(st->rbuf + scanned, '\n', st->rlen - scanned) : NULL;
      if (nl) end = (size_t)(nl - st->rbuf) + 1;
      scanned = st->rlen;
    }
    if (limit >= 0) {
      size_t lim_end = char_end(st, (size_t)limit);
      if (lim_end != (size_t)-1 && (end == (size_t)-1 || lim_end < end)) end = lim_end;
    }
    if (end == (size_t)-1 && st->eof && st->rlen == st->rpos) end = st->rlen;
    if (end != (size_t)-1) {
      size_t n = end - st->rpos;
      *out = malloc(n ? n : 1);
      if (!*out) {
        *err = ENOMEM;
        return -1;
      }
      memcpy(*out, st->rbuf + st->rpos, n);
      *outlen = n;
      st->rpos = end;
      st->eof = false; /* a tty may give more after an EOF */
      return 0;
    }
    size_t before = st->rpos;
    ssize_t k = fill_locked(st);
    scanned -= before - st->rpos; /* the buffer may have moved down */
    if (k < 0) {
      *err = (int)-k;
      return -1;
    }
    if (k == 0) {
      /* EOF: the rest, whatever it is. */
      size_t n = st->rlen - st->rpos;
      *out = malloc(n ? n : 1);
      if (!*out) {
        *err = ENOMEM;
        return -1;
      }
      memcpy(*out, st->rbuf + st->rpos, n);
      *outlen = n;
      st->rpos = st->rlen;
      st->eof = false;
      return 0;
    }
  }
}

static PyObject *do_read(PyObject *self, bool line, Py_ssize_t limit) {
  WF_GC_ROOT(self);
  if (check_open(self, true) < 0) return NULL;
  stdio_state *st = SIO(self)->st;
  if (!st->readable) return raise_unsupported("not readable");
  if (limit == 0) return wf_str_empty();
  char *buf = NULL;
  size_t n = 0;
  int err = 0;
  lock_state(st);
  int r = take_locked(st, line, limit, &buf, &n, &err);
  unlock_state(st);
  if (r < 0) return raise_errno(err);
  const char *errors = wf_str_as_utf8(SIO(self)->errors, NULL);
  PyObject *s = wf_str_decode(buf, (Py_ssize_t)n, "utf-8", errors ? errors : "strict");
  free(buf);
  return s;
}

static int size_arg(PyObject *arg, bool none_ok, Py_ssize_t *out) {
  *out = -1;
  if (!arg || (none_ok && arg == WF_NONE)) return 0;
  if (!wf_index_check(arg)) {
    if (none_ok)
      wf_err_format(&wf_TypeError_type, "argument should be integer or None, not '%.200s'", WF_TYPE(arg)->tp_name);
    else
      wf_err_format(&wf_TypeError_type, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(arg)->tp_name);
    return -1;
  }
  *out = wf_number_as_ssize_t(arg, &wf_OverflowError_type);
  if (*out == -1 && wf_err_occurred()) return -1;
  if (*out < 0) *out = -1;
  return 0;
}

static PyObject *m_read(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("read", nargs, 0, 1) < 0) return NULL;
  Py_ssize_t n;
  if (size_arg(nargs ? args[0] : NULL, true, &n) < 0) return NULL;
  return do_read(self, false, n);
}

static PyObject *m_readline(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("readline", nargs, 0, 1) < 0) return NULL;
  Py_ssize_t n;
  if (size_arg(nargs ? args[0] : NULL, false, &n) < 0) return NULL;
  return do_read(self, true, n);
}

static PyObject *m_readlines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (wf_arg_check_positional("readlines", nargs, 0, 1) < 0) return NULL;
  Py_ssize_t hint;
  if (size_arg(nargs ? args[0] : NULL, true, &hint) < 0) return NULL;
  WF_GC_ROOT(self);
  PyObject *list = wf_list_new(0);
  WF_GC_ROOT(list);
  Py_ssize_t total = 0;
  for (;;) {
    PyObject *line = do_read(self, true, -1);
    if (!line) return NULL;
    if (wf_str_len(line) == 0) break;
    if (wf_list_append(list, line) < 0) return NULL;
    total += wf_str_len(line);
    if (hint > 0 && total >= hint) break;
  }
  return list;
}

static PyObject *stdio_iter(PyObject *self) {
  if (check_open(self, true) < 0) return NULL;
  return self;
}

static PyObject *stdio_iternext(PyObject *self) {
  PyObject *line = do_read(self, true, -1);
  if (!line || wf_str_len(line) > 0) return line;
  return NULL; /* exhausted, no exception */
}

/* ---- Other methods ------------------------------------------------------------- */

static PyObject *m_fileno(PyObject *self, PyObject *unused) {
  if (check_open(self, false) < 0) return NULL;
  return wf_int_from_ssize(SIO(self)->st->fd);
}

static PyObject *m_isatty(PyObject *self, PyObject *unused) {
  if (check_open(self, false) < 0) return NULL;
  return wf_bool_from(isatty(SIO(self)->st->fd));
}

static PyObject *m_readable(PyObject *self, PyObject *unused) {
  if (check_open(self, false) < 0) return NULL;
  return wf_bool_from(SIO(self)->st->readable);
}

static PyObject *m_writable(PyObject *self, PyObject *unused) {
  if (check_open(self, false) < 0) return NULL;
  return wf_bool_from(SIO(self)->st->writable);
}

static PyObject *m_seekable(PyObject *self, PyObject *unused) {
  if (check_open(self, false) < 0) return NULL;
  return wf_bool_from(lseek(SIO(self)->st->fd, 0, SEEK_CUR) != -1);
}

static PyObject *m_unseekable(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  if (check_open(self, false) < 0) return NULL;
  return raise_unsupported("underlying stream is not seekable");
}

static PyObject *m_close(PyObject *self, PyObject *unused) {
  stdio_state *st = SIO(self)->st;
  if (atomic_load(&st->closed)) return WF_NONE;
  int err = 0;
  if (st->writable) {
    lock_state(st);
    if (st->wlen) err = flush_locked(st);
    unlock_state(st);
  }
  /* closefd=False, as CPython's std streams: the descriptor stays open. */
  atomic_store(&st->closed, true);
  if (err) return raise_errno(err);
  return WF_NONE;
}

static PyObject *m_enter(PyObject *self, PyObject *unused) {
  if (check_open(self, false) < 0) return NULL;
  return self;
}

static PyObject *m_exit(PyObject *self, PyObject *const *args, Py_ssize_t nargs) { return m_close(self, NULL); }

static PyObject *m_detach(PyObject *self, PyObject *unused) {
  return wf_err_set_string(&wf_NotImplementedError_type, "TextIOWrapper.detach() is not supported by Weft yet");
}

static PyObject *m_reconfigure(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
  static const char *const names[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
  PyObject *a[5];
  if (wf_arg_check_positional("reconfigure", nargs, 0, 0) < 0) return NULL;
  if (wf_arg_unpack("reconfigure", args, nargs, kwnames, names, 0, a) < 0) return NULL;
  WF_GC_ROOT(self);
  if (a[0] && a[0] != WF_NONE) {
    const char *e = wf_str_check(a[0]) ? wf_str_as_utf8(a[0], NULL) : NULL;
    if (!e || (strcasecmp(e, "utf-8") && strcasecmp(e, "utf8") && strcasecmp(e, "utf_8")))
      return wf_err_set_string(&wf_NotImplementedError_type,
                               "reconfigure(encoding=...) other than UTF-8 is not supported by Weft yet");
  }
  if (a[2] && a[2] != WF_NONE && !(wf_str_check(a[2]) && wf_str_equal_cstr(a[2], "\n")))
    return wf_err_set_string(&wf_NotImplementedError_type,
                             "reconfigure(newline=...) is not supported by Weft yet");
  if (a[1] && a[1] != WF_NONE) {
    if (!wf_str_check(a[1]))
      return wf_err_format(&wf_TypeError_type, "reconfigure() argument 'errors' must be str or None, not %.200s",
                           WF_TYPE(a[1])->tp_name);
    WF_GC_STORE(&SIO(self)->errors, a[1]);
  }
  stdio_state *st = SIO(self)->st;
  int lb = -1, wt = -1;
  if (a[3] && a[3] != WF_NONE && (lb = wf_object_is_true(a[3])) < 0) return NULL;
  if (a[4] && a[4] != WF_NONE && (wt = wf_object_is_true(a[4])) < 0) return NULL;
  lock_state(st);
  int err = st->wlen ? flush_locked(st) : 0;
  if (lb >= 0) st->line_buffering = lb;
  if (wt >= 0) st->write_through = wt;
  unlock_state(st);
  if (err) return raise_errno(err);
  return WF_NONE;
}

static PyMethodDef stdio_methods[] = {
    {"write", (PyCFunction)m_write, METH_O, NULL},
    {"flush", (PyCFunction)m_flush, METH_NOARGS, NULL},
    {"writelines", (PyCFunction)m_writelines, METH_O, NULL},
    {"read", (PyCFunction)(void (*)(void))m_read, METH_FASTCALL, NULL},
    {"readline", (PyCFunction)(void (*)(void))m_readline, METH_FASTCALL, NULL},
    {"readlines", (PyCFunction)(void (*)(void))m_readlines, METH_FASTCALL, NULL},
    {"fileno", (PyCFunction)m_fileno, METH_NOARGS, NULL},
    {"isatty", (PyCFunction)m_isatty, METH_NOARGS, NULL},
    {"readable", (PyCFunction)m_readable, METH_NOARGS, NULL},
    {"writable", (PyCFunction)m_writable, METH_NOARGS, NULL},
    {"seekable", (PyCFunction)m_seekable, METH_NOARGS, NULL},
    {"tell", (PyCFunction)(void (*)(void))m_unseekable, METH_FASTCALL, NULL},
    {"seek", (PyCFunction)(void (*)(void))m_unseekable, METH_FASTCALL, NULL},
    {"truncate", (PyCFunction)(void (*)(void))m_unseekable, METH_FASTCALL, NULL},
    {"close", (PyCFunction)m_close, METH_NOARGS, NULL},
    {"detach", (PyCFunction)m_detach, METH_NOARGS, NULL},
    {"reconfigure", (PyCFunction)(void (*)(void))m_reconfigure, METH_FASTCALL | METH_KEYWORDS, NULL},
    {"__enter__", (PyCFunction)m_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)(void (*)(void))m_exit, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- Attributes ---------------------------------------------------------------- */

static PyObject *g_name(PyObject *self, void *c) { return SIO(self)->name; }
static PyObject *g_mode(PyObject *self, void *c) { return SIO(self)->mode; }
static PyObject *g_errors(PyObject *self, void *c) { return SIO(self)->errors; }
static PyObject *g_encoding(PyObject *self, void *c) { return wf_str_from_cstr("utf-8"); }
static PyObject *g_closed(PyObject *self, void *c) { return wf_bool_from(atomic_load(&SIO(self)->st->closed)); }
static PyObject *g_line_buffering(PyObject *self, void *c) { return wf_bool_from(SIO(self)->st->line_buffering); }
static PyObject *g_write_through(PyObject *self, void *c) { return wf_bool_from(SIO(self)->st->write_through); }
static PyObject *g_newlines(PyObject *self, void *c) { return WF_NONE; }
static PyObject *g_buffer(PyObject *self, void *c) {
  return wf_err_set_string(&wf_NotImplementedError_type, "the binary buffer of the std streams (sys.stdout.buffer) "
                                                         "is not supported by Weft yet");
}

static PyGetSetDef stdio_getset[] = {
    {"name", g_name, NULL, NULL, NULL},
    {"mode", g_mode, NULL, NULL, NULL},
    {"errors", g_errors, NULL, NULL, NULL},
    {"encoding", g_encoding, NULL, NULL, NULL},
    {"closed", g_closed, NULL, NULL, NULL},
    {"line_buffering", g_line_buffering, NULL, NULL, NULL},
    {"write_through", g_write_through, NULL, NULL, NULL},
    {"newlines", g_newlines, NULL, NULL, NULL},
    {"buffer", g_buffer, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *stdio_repr(PyObject *self) {
  return wf_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>", SIO(self)->name, SIO(self)->mode);
}

PyTypeObject wf_stdio_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(wf_stdio),
    .tp_repr = stdio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "Character and line based layer over a file descriptor (the std streams).",
    .tp_iter = stdio_iter,
    .tp_iternext = stdio_iternext,
    .tp_methods = stdio_methods,
    .tp_getset = stdio_getset,
    .wf = {.trace = stdio_trace},
};
WF_REGISTER_TYPE(wf_stdio_type);

PyObject *wf_stdio_new(int fd, const char *name, const char *mode, const char *errors, bool line_buffering,
                       bool write_through) {
  stdio_state *st = calloc(1, sizeof *st);
  if (!st) return wf_err_no_memory();
  pthread_mutex_init(&st->mu, NULL);
  st->next = atomic_load(&all_states);
  while (!atomic_compare_exchange_weak(&all_states, &st->next, st)) {
  }
  st->fd = fd;
  st->readable = strchr(mode, 'r') != NULL;
  st->writable = strchr(mode, 'w') != NULL || strchr(mode, 'a') != NULL;
  st->line_buffering = line_buffering;
  st->write_through = write_through;
  wf_stdio *s = (wf_stdio *)wf_object_alloc(&wf_stdio_type, sizeof(wf_stdio));
  s->st = st; /* malloc'd, never freed: std streams live as long as the process */
  WF_GC_ROOT(s);
  PyObject *v = wf_str_from_cstr(name);
  WF_GC_STORE(&s->name, v);
  v = wf_str_from_cstr(mode);
  WF_GC_STORE(&s->mode, v);
  v = wf_str_from_cstr(errors);
  WF_GC_STORE(&s->errors, v);
  return (PyObject *)s;
}
