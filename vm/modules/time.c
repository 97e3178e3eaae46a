/* The time module: clocks, sleep, struct_time and the calendar functions
 * (gmtime, localtime, mktime, strftime, asctime, ctime), python3.11's
 * behaviour on Linux. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dict.h"
#include "errors.h"
#include "floatobject.h"
#include "funcobject.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "modules.h"
#include "protocol.h"
#include "runtime.h"
#include "str.h"
#include "thread.h"
#include "tuple.h"
#include "typeobject.h"

/* ---- Clocks ---------------------------------------------------------------------------- */

static int64_t clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static PyObject *secs(int64_t ns) { return wf_float_from_double((double)ns / 1e9); }

#define CLOCK_FNS(name, id)                                                                         \
  static PyObject *t_##name(PyObject *self, PyObject *unused) {                                      \
    (void)self, (void)unused;                                                                         \
    return secs(clock_ns(id));                                                                        \
  }                                                                                                   \
  static PyObject *t_##name##_ns(PyObject *self, PyObject *unused) {                                 \
    (void)self, (void)unused;                                                                         \
    return wf_int_from_int64(clock_ns(id));                                                           \
  }

CLOCK_FNS(time, CLOCK_REALTIME)
CLOCK_FNS(monotonic, CLOCK_MONOTONIC)
CLOCK_FNS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FNS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FNS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static PyObject *t_get_clock_info(PyObject *self, PyObject *arg) {
  (void)self, (void)arg;
  return wf_err_set_string(&wf_NotImplementedError_type, "time.get_clock_info() is not implemented");
}

/* ---- sleep ----------------------------------------------------------------------------- */

/* A seconds argument as nanoseconds (float or integer), rounding up as
 * CPython's timeouts do. */
static int seconds_to_ns(PyObject *o, int64_t *out) {
  if (wf_float_check(o)) {
    double d = wf_float_value(o);
    if (isnan(d)) {
      wf_err_set_string(&wf_ValueError_type, "Invalid value NaN (not a number)");
      return -1;
    }
    d = ceil(d * 1e9);
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
      wf_err_set_string(&wf_OverflowError_type, "timestamp too large to convert to C _PyTime_t");
      return -1;
    }
    *out = (int64_t)d;
    return 0;
  }
  PyObject *i = wf_number_index(o);
  if (!i) return -1;
  int64_t v;
  if (wf_int_as_int64(i, &v) < 0 || __builtin_mul_overflow(v, 1000000000, out)) {
    wf_err_clear();
    wf_err_set_string(&wf_OverflowError_type, "timestamp too large to convert to C _PyTime_t");
    return -1;
  }
  return 0;
}

static PyObject *t_sleep(PyObject *self, PyObject *arg) {
  (void)self;
  int64_t ns;
  if (seconds_to_ns(arg, &ns) < 0) return NULL;
  if (ns < 0) return wf_err_set_string(&wf_ValueError_type, "sleep length must be non-negative");
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  int64_t total = deadline.tv_nsec + ns % 1000000000;
  deadline.tv_sec += (time_t)(ns / 1000000000 + total / 1000000000);
  deadline.tv_nsec = (long)(total % 1000000000);
  /* Not touching the heap while asleep: the GC need not wait for us. */
  WF_NATIVE_REGION {
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL) == EINTR) {
    }
  }
  return WF_NONE;
}

/* ---- struct_time ----------------------------------------------------------------------- */

/* A tuple subclass of 9 visible items with two hidden ones after them
 * (tm_zone, tm_gmtoff): instances are always allocated with 11 slots and
 * ob_size 9, and the type's trace visits all 11. */
enum { N_SEQ = 9, N_ALL = 11 };
static const char *const field_names[N_ALL] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min", "tm_sec",
                                               "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};
PyTypeObject wf_struct_time_type;

static void struct_time_trace(void *o, wf_gc_tracer *t) {
  PyTupleObject *tp = o;
  for (Py_ssize_t i = 0; i < N_ALL; i++) wf_gc_visit(t, __atomic_load_n(&tp->ob_item[i], __ATOMIC_RELAXED));
}

static PyObject *struct_time_new_items(PyObject *const *items, Py_ssize_t n) {
  PyVarObject *o = wf_object_alloc_var(&wf_struct_time_type, N_ALL);
  for (Py_ssize_t i = 0; i < N_ALL; i++) WF_TUPLE_INIT(o, i, i < n ? items[i] : WF_NONE);
  o->ob_size = N_SEQ;
  return (PyObject *)o;
}

static PyObject *struct_time_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
  (void)type;
  static const char *const names[] = {"sequence", "dict", NULL};
  PyObject *o[2] = {0};
  if (wf_arg_unpack_tuple_dict("struct_time", args, kwds, names, 1, o) < 0) return NULL;
  PyObject *tup = wf_sequence_tuple(o[0]);
  if (!tup) {
    if (wf_err_matches(&wf_TypeError_type)) {
      wf_err_clear();
      return wf_err_set_string(&wf_TypeError_type, "constructor requires a sequence");
    }
    return NULL;
  }
  Py_ssize_t n = WF_SIZE(tup);
  if (n < N_SEQ)
    return wf_err_format(&wf_TypeError_type, "time.struct_time() takes an at least 9-sequence (%zd-sequence given)", n);
  if (n > N_ALL)
    return wf_err_format(&wf_TypeError_type, "time.struct_time() takes an at most 11-sequence (%zd-sequence given)", n);
  WF_GC_ROOT(tup);
  PyObject *res = struct_time_new_items(WF_TUPLE_ITEMS(tup), n);
  /* Hidden fields may also come from the dict argument. */
  if (o[1] && o[1] != WF_NONE && wf_dict_check(o[1])) {
    for (Py_ssize_t i = n < N_SEQ ? N_SEQ : n; i < N_ALL; i++) {
      PyObject *v = wf_dict_getitem_cstr(o[1], field_names[i]);
      if (v) WF_TUPLE_INIT(res, i, v);
    }
  }
  return res;
}

static PyObject *struct_time_repr(PyObject *self) {
  WF_GC_ROOT(self);
  wf_strbuf b;
  wf_strbuf_init(&b, 128);
  if (wf_strbuf_put_cstr(&b, "time.struct_time(") < 0) goto fail;
  for (Py_ssize_t i = 0; i < N_SEQ; i++) {
    if (i && wf_strbuf_put_cstr(&b, ", ") < 0) goto fail;
    if (wf_strbuf_put_cstr(&b, field_names[i]) < 0 || wf_strbuf_putc(&b, '=') < 0) goto fail;
    PyObject *r = wf_object_repr(WF_TUPLE_GET(self, i));
    if (!r || wf_strbuf_put_str(&b, r) < 0) goto fail;
  }
  if (wf_strbuf_putc(&b, ')') < 0) goto fail;
  return wf_strbuf_finish(&b);
fail:
  wf_strbuf_free(&b);
  return NULL;
}

static PyObject *struct_time_reduce(PyObject *self, PyObject *unused) {
  (void)unused;
  WF_GC_ROOT(self);
  PyObject *tup = wf_tuple_from_array(WF_TUPLE_ITEMS(self), N_SEQ);
  WF_GC_ROOT(tup);
  PyObject *d = wf_dict_new();
  WF_GC_ROOT(d);
  for (Py_ssize_t i = N_SEQ; i < N_ALL; i++)
    if (wf_dict_setitem_cstr(d, field_names[i], WF_TUPLE_GET(self, i)) < 0) return NULL;
  PyObject *args = wf_tuple_pack(2, tup, d);
  return wf_tuple_pack(2, (PyObject *)&wf_struct_time_type, args);
}

static PyMethodDef struct_time_methods[] = {
    {"__reduce__", (PyCFunction)struct_time_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define MEMBER(i, name) {name, T_OBJECT, offsetof(PyTupleObject, ob_item) + (i) * sizeof(PyObject *), READONLY, NULL}
static PyMemberDef struct_time_members[N_ALL + 1] = {
    MEMBER(0, "tm_year"), MEMBER(1, "tm_mon"),   MEMBER(2, "tm_mday"),  MEMBER(3, "tm_hour"),
    MEMBER(4, "tm_min"),  MEMBER(5, "tm_sec"),   MEMBER(6, "tm_wday"),  MEMBER(7, "tm_yday"),
    MEMBER(8, "tm_isdst"), MEMBER(9, "tm_zone"), MEMBER(10, "tm_gmtoff"), {NULL, 0, 0, 0, NULL},
};

PyTypeObject wf_struct_time_type = {
    .ob_base = {{1, &wf_type_type}, 0},
    .tp_name = "time.struct_time",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_repr = struct_time_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS,
    .tp_doc = "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
              " accepted by asctime(), mktime() and strftime().",
    .tp_methods = struct_time_methods,
    .tp_members = struct_time_members,
    .tp_base = &wf_tuple_type,
    .tp_new = struct_time_tp_new,
    .wf = {.trace = struct_time_trace},
};
WF_REGISTER_TYPE(wf_struct_time_type);

static bool struct_time_ready;

static int struct_time_init_type(void) {
  if (__atomic_load_n(&struct_time_ready, __ATOMIC_ACQUIRE)) return 0;
  if (wf_type_ready(&wf_struct_time_type) < 0) return -1;
  PyObject *dict = wf_struct_time_type.tp_dict;
  PyObject *names = wf_tuple_new(N_SEQ);
  WF_GC_ROOT(names);
  for (Py_ssize_t i = 0; i < N_SEQ; i++) {
    PyObject *s = wf_str_from_cstr(field_names[i]);
    WF_TUPLE_INIT(names, i, s);
  }
  if (wf_dict_setitem_cstr(dict, "n_fields", wf_int_from_ssize(N_ALL)) < 0 ||
      wf_dict_setitem_cstr(dict, "n_sequence_fields", wf_int_from_ssize(N_SEQ)) < 0 ||
      wf_dict_setitem_cstr(dict, "n_unnamed_fields", wf_int_from_ssize(0)) < 0 ||
      wf_dict_setitem_cstr(dict, "__match_args__", names) < 0)
    return -1;
  wf_type_modified(&wf_struct_time_type);
  __atomic_store_n(&struct_time_ready, true, __ATOMIC_RELEASE);
  return 0;
}

static PyObject *tm_to_struct(const struct tm *tm, const char *zone, long gmtoff) {
  PyObject *items[N_ALL] = {0};
  int vals[N_SEQ] = {tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
                     tm->tm_min, tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst};
  for (int i = 0; i < N_SEQ; i++) items[i] = wf_int_from_ssize(vals[i]); /* all small: immortal */
  PyObject *z = zone ? wf_str_decode(zone, (Py_ssize_t)strlen(zone), "utf-8", "surrogateescape") : NULL;
  if (zone && !z) return NULL;
  WF_GC_ROOT(z);
  items[9] = z ? z : WF_NONE;
  items[10] = wf_int_from_int64(gmtoff);
  PyObject *g = items[10];
  WF_GC_ROOT(g);
  return struct_time_new_items(items, N_ALL);
}

/* ---- gmtime / localtime ---------------------------------------------------------------- */

static PyObject *os_error(int err) {
  PyObject *e = wf_int_from_ssize(err);
  WF_GC_ROOT(e);
  PyObject *msg = wf_str_from_cstr(strerror(err));
  WF_GC_ROOT(msg);
  PyObject *args = wf_tuple_pack(2, e, msg);
  PyObject *exc = wf_call_tuple_dict((PyObject *)&wf_OSError_type, args, NULL);
  if (!exc) return NULL;
  return wf_err_set_exc(exc);
}

/* A timestamp argument (None: now) as a time_t, flooring floats. */
static int timestamp_arg(PyObject *o, time_t *out) {
  if (!o || o == WF_NONE) {
    *out = time(NULL);
    return 0;
  }
  if (wf_float_check(o)) {
    double d = wf_float_value(o);
    if (isnan(d)) {
      wf_err_set_string(&wf_ValueError_type, "Invalid value NaN (not a number)");
      return -1;
    }
    d = floor(d);
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      wf_err_set_string(&wf_OverflowError_type, "timestamp out of range for platform time_t");
      return -1;
    }
    *out = (time_t)d;
    return 0;
  }
  PyObject *i = wf_number_index(o);
  if (!i) return -1;
  int64_t v;
  if (wf_int_as_int64(i, &v) < 0) {
    wf_err_clear();
    wf_err_set_string(&wf_OverflowError_type, "timestamp out of range for platform time_t");
    return -1;
  }
  *out = (time_t)v;
  return 0;
}

static PyObject *t_gmtime(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("gmtime", nargs, 0, 1) < 0) return NULL;
  if (struct_time_init_type() < 0) return NULL;
  time_t t;
  if (timestamp_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
  struct tm tm;
  errno = 0;
  if (!gmtime_r(&t, &tm)) return os_error(errno ? errno : EOVERFLOW);
  return tm_to_struct(&tm, "GMT", 0);
}

static PyObject *t_localtime(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("localtime", nargs, 0, 1) < 0) return NULL;
  if (struct_time_init_type() < 0) return NULL;
  time_t t;
  if (timestamp_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
  struct tm tm;
  errno = 0;
  if (!localtime_r(&t, &tm)) return os_error(errno ? errno : EOVERFLOW);
  return tm_to_struct(&tm, tm.tm_zone, tm.tm_gmtoff);
}

/* A struct_time or 9-tuple argument as a struct tm (fields as given, not
 * checked); `fname` for the message. zone_out: kept alive by the argument. */
static int tuple_to_tm(PyObject *o, const char *fname, struct tm *tm) {
  memset(tm, 0, sizeof *tm);
  if (!wf_tuple_check(o)) {
    wf_err_set_string(&wf_TypeError_type, "Tuple or struct_time argument required");
    return -1;
  }
  if (WF_SIZE(o) != N_SEQ) {
    wf_err_format(&wf_TypeError_type, "%s(): illegal time tuple argument", fname);
    return -1;
  }
  int v[N_SEQ];
  WF_GC_ROOT(o);
  for (int i = 0; i < N_SEQ; i++) {
    PyObject *item = WF_TUPLE_GET(o, i);
    if (wf_float_check(item)) {
      wf_err_set_string(&wf_TypeError_type, "'float' object cannot be interpreted as an integer");
      return -1;
    }
    PyObject *n = wf_number_index(item);
    if (!n) return -1;
    int64_t x;
    if (wf_int_as_int64(n, &x) < 0 || x > INT32_MAX || x < INT32_MIN) {
      wf_err_clear();
      wf_err_set_string(&wf_OverflowError_type, "Python int too large to convert to C int");
      return -1;
    }
    v[i] = (int)x;
  }
  tm->tm_year = v[0] - 1900;
  tm->tm_mon = v[1] - 1;
  tm->tm_mday = v[2];
  tm->tm_hour = v[3];
  tm->tm_min = v[4];
  tm->tm_sec = v[5];
  tm->tm_wday = (v[6] + 1) % 7; /* C's remainder: negative stays negative (checked by check_tm) */
  tm->tm_yday = v[7] - 1;
  tm->tm_isdst = v[8];
  if (WF_TYPE(o) == &wf_struct_time_type) {
    PyObject *z = WF_TUPLE_ITEMS(o)[9], *g = WF_TUPLE_ITEMS(o)[10];
    if (wf_str_check(z)) tm->tm_zone = wf_str_as_utf8(z, NULL);
    if (wf_int_check(g)) {
      int64_t off;
      if (wf_int_as_int64(g, &off) == 0) tm->tm_gmtoff = off;
      else wf_err_clear();
    }
  }
  return 0;
}

/* CPython's checks of a time tuple for strftime/asctime (after the
 * zero-means-default adjustments). */
static int check_tm(struct tm *tm) {
  if (tm->tm_mon == -1) tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11) goto month;
  if (tm->tm_mday == 0) tm->tm_mday = 1;
  else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
    wf_err_set_string(&wf_ValueError_type, "day of month out of range");
    return -1;
  }
  if (tm->tm_hour < 0 || tm->tm_hour > 23) {
    wf_err_set_string(&wf_ValueError_type, "hour out of range");
    return -1;
  }
  if (tm->tm_min < 0 || tm->tm_min > 59) {
    wf_err_set_string(&wf_ValueError_type, "minute out of range");
    return -1;
  }
  if (tm->tm_sec < 0 || tm->tm_sec > 61) {
    wf_err_set_string(&wf_ValueError_type, "seconds out of range");
    return -1;
  }
  if (tm->tm_yday == -1) tm->tm_yday = 0;
  else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
    wf_err_set_string(&wf_ValueError_type, "day of year out of range");
    return -1;
  }
  if (tm->tm_isdst < -1) tm->tm_isdst = -1;
  else if (tm->tm_isdst > 1) tm->tm_isdst = 1;
  return 0;
month:
  wf_err_set_string(&wf_ValueError_type, "month out of range");
  return -1;
}

/* The time argument of strftime/asctime: a tuple, or now (localtime). */
static int time_arg(PyObject *o, const char *fname, struct tm *tm) {
  if (!o) {
    time_t t = time(NULL);
    localtime_r(&t, tm);
    return 0;
  }
  if (tuple_to_tm(o, fname, tm) < 0) return -1;
  if (tm->tm_wday < 0) {
    wf_err_set_string(&wf_ValueError_type, "day of week out of range");
    return -1;
  }
  return check_tm(tm);
}

static PyObject *t_strftime(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("strftime", nargs, 1, 2) < 0) return NULL;
  if (!wf_str_check(args[0]))
    return wf_err_format(&wf_TypeError_type, "strftime() argument 1 must be str, not %.50s", WF_TYPE(args[0])->tp_name);
  struct tm tm;
  if (time_arg(nargs > 1 ? args[1] : NULL, "strftime", &tm) < 0) return NULL;
  Py_ssize_t flen;
  const char *fmt = wf_str_as_utf8(args[0], &flen);
  if (!fmt) return NULL;
  if (flen == 0) return wf_str_from_cstr("");
  if (memchr(fmt, 0, (size_t)flen))
    return wf_err_set_string(&wf_ValueError_type, "embedded null character");
  for (size_t size = 1024;; size *= 2) {
    char *buf = malloc(size);
    if (!buf) return wf_err_no_memory();
    size_t n = strftime(buf, size, fmt, &tm);
    if (n > 0 || size >= 256 * (size_t)flen + 1024) {
      PyObject *r = wf_str_decode(buf, (Py_ssize_t)n, "utf-8", "surrogateescape");
      free(buf);
      return r;
    }
    free(buf);
  }
}

static PyObject *format_asctime(const struct tm *tm) {
  static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[96];
  snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", wday[((tm->tm_wday % 7) + 7) % 7], mon[tm->tm_mon],
           tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
  return wf_str_from_cstr(buf);
}

static PyObject *t_asctime(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("asctime", nargs, 0, 1) < 0) return NULL;
  struct tm tm;
  if (time_arg(nargs ? args[0] : NULL, "asctime", &tm) < 0) return NULL;
  return format_asctime(&tm);
}

static PyObject *t_ctime(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
  (void)self;
  if (wf_arg_check_positional("ctime", nargs, 0, 1) < 0) return NULL;
  time_t t;
  if (timestamp_arg(nargs ? args[0] : NULL, &t) < 0) return NULL;
  struct tm tm;
  errno = 0;
  if (!localtime_r(&t, &tm)) return os_error(errno ? errno : EOVERFLOW);
  return format_asctime(&tm);
}

static PyObject *t_mktime(PyObject *self, PyObject *arg) {
  (void)self;
  struct tm tm;
  if (tuple_to_tm(arg, "mktime", &tm) < 0) return NULL;
  tm.tm_wday = -1; /* sentinel: mktime() sets it on success */
  time_t t = mktime(&tm);
  if (t == (time_t)-1 && tm.tm_wday == -1)
    return wf_err_set_string(&wf_OverflowError_type, "mktime argument out of range");
  return wf_float_from_double((double)t);
}

static PyObject *t_tzset(PyObject *self, PyObject *unused);

/* timezone, altzone, daylight, tzname from January and July of this year. */
static int init_timezone(PyObject *m) {
  tzset();
  const time_t year = (365 * 24 + 6) * 3600;
  time_t t = (time(NULL) / year) * year;
  struct tm jan, jul;
  localtime_r(&t, &jan);
  t += year / 2;
  localtime_r(&t, &jul);
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  char janname[16], julname[16];
  snprintf(janname, sizeof janname, "%s", jan.tm_zone ? jan.tm_zone : "");
  snprintf(julname, sizeof julname, "%s", jul.tm_zone ? jul.tm_zone : "");
  long tz, alt;
  const char *n0, *n1;
  if (janzone < julzone) { /* DST is reversed in the southern hemisphere */
    tz = julzone, alt = janzone, n0 = julname, n1 = janname;
  } else {
    tz = janzone, alt = julzone, n0 = janname, n1 = julname;
  }
  PyObject *a = wf_str_decode(n0, (Py_ssize_t)strlen(n0), "utf-8", "surrogateescape");
  if (!a) return -1;
  WF_GC_ROOT(a);
  PyObject *b = wf_str_decode(n1, (Py_ssize_t)strlen(n1), "utf-8", "surrogateescape");
  if (!b) return -1;
  WF_GC_ROOT(b);
  if (wf_module_add(m, "timezone", wf_int_from_int64(tz)) < 0 || wf_module_add(m, "altzone", wf_int_from_int64(alt)) < 0 ||
      wf_module_add(m, "daylight", wf_int_from_ssize(janzone != julzone)) < 0 ||
      wf_module_add(m, "tzname", wf_tuple_pack(2, a, b)) < 0)
    return -1;
  return 0;
}

static PyObject *time_module; /* for tzset (a GC root) */

static PyObject *t_tzset(PyObject *self, PyObject *unused) {
  (void)self, (void)unused;
  PyObject *m = time_module;
  if (m && init_timezone(m) < 0) return NULL;
  return WF_NONE;
}

/* ---- The module ----------------------------------------------------------------------- */

#define NOARGS(name) {#name, (PyCFunction)t_##name, METH_NOARGS, NULL}
#define FC(name) {#name, (PyCFunction)(void (*)(void))t_##name, METH_FASTCALL, NULL}

static PyMethodDef time_functions[] = {
    NOARGS(time), NOARGS(time_ns), NOARGS(monotonic), NOARGS(monotonic_ns), NOARGS(perf_counter),
    NOARGS(perf_counter_ns), NOARGS(process_time), NOARGS(process_time_ns), NOARGS(thread_time),
    NOARGS(thread_time_ns), NOARGS(tzset),
    {"sleep", (PyCFunction)t_sleep, METH_O, NULL},
    {"mktime", (PyCFunction)t_mktime, METH_O, NULL},
    {"get_clock_info", (PyCFunction)t_get_clock_info, METH_O, NULL},
    FC(gmtime), FC(localtime), FC(strftime), FC(asctime), FC(ctime),
    {NULL, NULL, 0, NULL},
};

PyObject *wf_time_init(void) {
  if (struct_time_init_type() < 0) return NULL;
  PyObject *m = wf_module_new_cstr("time");
  if (!m) return NULL;
  WF_GC_ROOT(m);
  if (wf_module_add_functions(m, time_functions) < 0) return NULL;
  if (wf_module_add(m, "struct_time", (PyObject *)&wf_struct_time_type) < 0) return NULL;
  if (init_timezone(m) < 0) return NULL;
  if (!time_module) {
    time_module = m;
    wf_gc_add_global_root((void **)&time_module);
  }
  return m;
}
