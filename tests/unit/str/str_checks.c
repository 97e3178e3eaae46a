/* Direct checks of the str representation, interning under threads and the
 * UTF-8 cache across collections (tests/unit/str). */
#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "list.h"
#include "str.h"
#include "str_shim.h"
#include "thread.h"
#include "tuple.h"

#define CHECK(c)          \
  do {                    \
    if (!(c)) {           \
      *what = #c;         \
      return __LINE__;    \
    }                     \
  } while (0)

int str_checks_layout(const char **what) {
  str_shim_init();
  PyObject *e = wf_str_empty();
  CHECK(wf_str_len(e) == 0 && wf_str_is_ascii(e));
  CHECK(wf_str_from_cstr("") == e);
  CHECK(wf_str_from_char('A') == wf_str_from_char('A'));
  CHECK(wf_str_from_char(0xe9) == wf_str_from_cstr("\xc3\xa9"));
  PyObject *s = wf_str_from_cstr("\xc3\xa9");
  CHECK(wf_str_kind(s) == 1 && !wf_str_is_ascii(s));
  Py_ssize_t n;
  const char *u = wf_str_as_utf8(s, &n);
  CHECK(n == 2 && !memcmp(u, "\xc3\xa9", 2));
  uint32_t cps[] = {0x41, 0x42, 0x100, 0x10000};
  PyObject *a = wf_str_from_ucs4(cps, 2);
  CHECK(wf_str_is_ascii(a) && wf_str_kind(a) == 1 && (char *)wf_str_data(a) == (char *)a + sizeof(PyASCIIObject));
  PyObject *b = wf_str_from_ucs4(cps, 3);
  CHECK(wf_str_kind(b) == 2 && (char *)wf_str_data(b) == (char *)b + sizeof(PyCompactUnicodeObject));
  PyObject *c = wf_str_from_ucs4(cps, 4);
  /* Raising UnicodeEncodeError below is a safepoint: keep these alive. */
  WF_GC_ROOT(a);
  WF_GC_ROOT(b);
  WF_GC_ROOT(c);
  CHECK(wf_str_kind(c) == 4 && wf_str_len(c) == 4);
  PyObject *sub = wf_str_substr(c, 0, 2);
  CHECK(wf_str_kind(sub) == 1 && wf_str_is_ascii(sub) && wf_str_equal(sub, a));
  PyObject *cat = wf_str_concat(a, b);
  CHECK(wf_str_kind(cat) == 2 && wf_str_len(cat) == 5);
  CHECK(((uint16_t *)wf_str_data(cat))[5] == 0); /* NUL terminated */
  const char *u1 = wf_str_as_utf8(c, &n), *u2 = wf_str_as_utf8(c, NULL);
  CHECK(u1 == u2 && n == 1 + 1 + 2 + 4 && !memcmp(u1, "AB\xc4\x80\xf0\x90\x80\x80", 9));
  uint32_t sur[] = {0x61, 0xd800};
  PyObject *bad = wf_str_from_ucs4(sur, 2);
  CHECK(wf_str_as_utf8(bad, NULL) == NULL && wf_err_matches(&wf_UnicodeEncodeError_type));
  wf_err_clear();
  CHECK(wf_str_hash(e) == 0);
  Py_hash_t h = wf_str_hash(c);
  CHECK(h != -1 && ((PyASCIIObject *)c)->hash == h);
  CHECK(wf_str_compare(a, b) < 0 && wf_str_compare(b, a) > 0 && wf_str_compare(a, a) == 0);
  CHECK(wf_str_equal_cstr(a, "AB") && !wf_str_equal_cstr(a, "ABC"));
  PyObject *i1 = wf_str_intern_cstr("hello_intern"), *i2 = wf_str_intern(wf_str_from_cstr("hello_intern"));
  CHECK(i1 == i2 && ((PyASCIIObject *)i1)->state.interned);
  PyObject *f = wf_str_from_format("%s|%d|%5d|%-4d|%zd|%x|%c|%U|%.3s|%%|%lu|%p", "h\xc3\xa9", -5, 42, 7, (Py_ssize_t)-9,
                                   255u, 0x20ac, a, "abcdef", 12ul, (void *)0x1234);
  CHECK(f && wf_str_equal(f, wf_str_from_cstr("h\xc3\xa9|-5|   42|7   |-9|ff|\xe2\x82\xac|AB|abc|%|12|0x1234")));
  PyObject *r = wf_str_from_format("%R %S %A", b, b, b);
  CHECK(r && wf_str_equal(r, wf_str_from_cstr("'AB\xc4\x80' AB\xc4\x80 'AB\\u0100'")));
  PyObject *j = wf_str_join(wf_str_from_cstr(", "), wf_tuple_pack(3, a, b, c));
  CHECK(j && wf_str_len(j) == 2 + 2 + 3 + 2 + 4 && wf_str_kind(j) == 4);
  PyObject *rep = wf_str_repeat(b, 3);
  CHECK(rep && wf_str_len(rep) == 9 && wf_str_read_char(rep, 8) == 0x100);
  return 0;
}

/* ---- interning from 8 threads ---- */

#define NT 8
#define NNAMES 2000
static PyObject *interned[NT][NNAMES];

static void scan_interned(wf_gc_tracer *t, void *arg) {
  (void)arg;
  for (int i = 0; i < NT; i++)
    for (int j = 0; j < NNAMES; j++) wf_gc_visit(t, interned[i][j]);
}

static void intern_worker(void *arg) {
  int id = (int)(intptr_t)arg;
  char buf[64];
  for (int k = 0; k < NNAMES; k++) {
    int j = (k * 7 + id * 13) % NNAMES;
    snprintf(buf, sizeof buf, j % 3 ? "name_%d" : "n\xc3\xa9m\xe2\x82\xac_%d", j);
    interned[id][j] = wf_str_intern(wf_str_from_cstr(buf));
  }
}

int str_checks_intern_threads(const char **what) {
  str_shim_init();
  static int registered;
  if (!registered++) wf_gc_add_root_scanner(scan_interned, NULL);
  wf_os_thread_t th[NT];
  for (int i = 0; i < NT; i++) CHECK(wf_thread_start(&th[i], intern_worker, (void *)(intptr_t)i) == 0);
  for (int i = 0; i < NT; i++) wf_thread_join(th[i]);
  wf_gc_collect();
  char buf[64];
  for (int j = 0; j < NNAMES; j++) {
    for (int i = 1; i < NT; i++) CHECK(interned[i][j] == interned[0][j]);
    snprintf(buf, sizeof buf, j % 3 ? "name_%d" : "n\xc3\xa9m\xe2\x82\xac_%d", j);
    CHECK(wf_str_equal(interned[0][j], wf_str_from_cstr(buf)));
    CHECK(wf_str_intern_cstr(buf) == interned[0][j]);
  }
  return 0;
}

/* ---- the UTF-8 cache and collections ---- */

static PyObject *gc_list;
int str_checks_gc(const char **what) {
  str_shim_init();
  static int registered;
  if (!registered++) wf_gc_add_global_root((void **)&gc_list);
  gc_list = wf_list_new(0);
  char buf[64];
  for (int i = 0; i < 3000; i++) {
    snprintf(buf, sizeof buf, "\xce\xa3%d\xf0\x9f\x98\x80%d", i, i * 7);
    PyObject *s = wf_str_from_cstr(buf);
    CHECK(s && wf_str_as_utf8(s, NULL));
    CHECK(wf_list_append(gc_list, s) == 0);
    /* garbage in between */
    for (int k = 0; k < 5; k++) wf_str_as_utf8(wf_str_from_cstr(buf), NULL);
    if (i % 500 == 0) wf_gc_collect();
  }
  wf_gc_collect();
  wf_gc_collect();
  for (int i = 0; i < 3000; i++) {
    snprintf(buf, sizeof buf, "\xce\xa3%d\xf0\x9f\x98\x80%d", i, i * 7);
    Py_ssize_t n;
    const char *u = wf_str_as_utf8(wf_list_get(gc_list, i), &n);
    CHECK(u && n == (Py_ssize_t)strlen(buf) && !memcmp(u, buf, (size_t)n));
  }
  gc_list = NULL;
  return 0;
}
