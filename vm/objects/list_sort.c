/* list.sort: a stable natural merge sort (timsort: runs, minimum run length
 * by binary insertion, merges kept balanced on a run stack, galloping mode
 * with an adaptive threshold). Written for Weft from the published
 * description of the algorithm.
 *
 * The items are taken out of the list for the sort (the list looks empty
 * meanwhile; a mutation is detected afterwards: "list modified during sort").
 * Every array the sort works on is a GC store rooted on the shadow stack:
 * comparisons may run Python code and so reach a safepoint. */
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "floatobject.h"
#include "int.h"
#include "list.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

wf_list_store *wf_list_sort_begin_(PyObject *self, Py_ssize_t *n);
int wf_list_sort_end_(PyObject *self, wf_list_store *s, Py_ssize_t n);

enum { KIND_GENERIC, KIND_FLOAT, KIND_INT, KIND_STR, KIND_TUPLE };
#define MIN_GALLOP 7
#define MAX_RUNS 96

/* A position in a pair of parallel arrays (keys, values); v is NULL when
 * the keys are the values. */
typedef struct {
  PyObject **k, **v;
} sl;

typedef struct {
  int kind;
  int elem_kind; /* KIND_TUPLE: the kind of every tuple's first item */
  Py_ssize_t min_gallop;
  wf_list_store *tk, *tv; /* merge temp (rooted by the caller) */
  Py_ssize_t tcap;
  bool has_values;
  int nruns;
  Py_ssize_t base[MAX_RUNS], len[MAX_RUNS];
} sortctx;

static inline sl at(sl s, Py_ssize_t i) { return (sl){s.k + i, s.v ? s.v + i : NULL}; }

static inline void put(sl d, Py_ssize_t i, sl s, Py_ssize_t j) {
  WF_GC_STORE(&d.k[i], s.k[j]);
  if (d.v) WF_GC_STORE(&d.v[i], s.v[j]);
}

static void move_arr(PyObject **d, PyObject **s, Py_ssize_t n) {
  if (n <= 0) return;
  if (__builtin_expect(atomic_load_explicit(&wf_gc_barrier_active, memory_order_relaxed), 0))
    for (Py_ssize_t i = 0; i < n; i++) wf_gc_barrier_record_(d[i]);
  memmove(d, s, (size_t)n * sizeof(PyObject *));
}

static inline void move(sl d, sl s, Py_ssize_t n) {
  move_arr(d.k, s.k, n);
  if (d.v) move_arr(d.v, s.v, n);
}

static void reverse_sl(sl s, Py_ssize_t n) {
  for (Py_ssize_t a = 0, b = n - 1; a < b; a++, b--) {
    PyObject *t = s.k[a];
    WF_GC_STORE(&s.k[a], s.k[b]);
    WF_GC_STORE(&s.k[b], t);
    if (s.v) {
      t = s.v[a];
      WF_GC_STORE(&s.v[a], s.v[b]);
      WF_GC_STORE(&s.v[b], t);
    }
  }
}

/* ---- Comparison -------------------------------------------------------------- */

static inline const void *str_data(PyObject *o) {
  PyASCIIObject *a = (PyASCIIObject *)o;
  if (a->state.ascii) return a + 1;
  return (PyCompactUnicodeObject *)o + 1;
}

static inline uint32_t str_at(const void *d, int kind, Py_ssize_t i) {
  return kind == 1 ? ((const uint8_t *)d)[i] : kind == 2 ? ((const uint16_t *)d)[i] : ((const uint32_t *)d)[i];
}

static int str_lt(PyObject *a, PyObject *b) {
  PyASCIIObject *x = (PyASCIIObject *)a, *y = (PyASCIIObject *)b;
  Py_ssize_t n = x->length < y->length ? x->length : y->length;
  const void *p = str_data(a), *q = str_data(b);
  int kx = x->state.kind, ky = y->state.kind;
  if (kx == 1 && ky == 1) {
    int c = memcmp(p, q, (size_t)n);
    if (c) return c < 0;
  } else {
    for (Py_ssize_t i = 0; i < n; i++) {
      uint32_t u = str_at(p, kx, i), w = str_at(q, ky, i);
      if (u != w) return u < w;
    }
  }
  return x->length < y->length;
}

/* a < b for two keys of `kind` (not KIND_TUPLE); -1 on error. */
static int kind_lt(int kind, PyObject *a, PyObject *b) {
  switch (kind) {
    case KIND_FLOAT:
      return ((PyFloatObject *)a)->ob_fval < ((PyFloatObject *)b)->ob_fval;
    case KIND_INT: {
      int64_t x, y;
      if (wf_int_small_value(a, &x) && wf_int_small_value(b, &y)) return x < y;
      return wf_int_compare(a, b) < 0;
    }
    case KIND_STR:
      return str_lt(a, b);
  }
  return wf_object_richcompare_bool(a, b, Py_LT);
}

/* a == b for two keys of a specialised kind (NaN != NaN, as ==). */
static bool kind_eq(int kind, PyObject *a, PyObject *b) {
  switch (kind) {
    case KIND_FLOAT: return ((PyFloatObject *)a)->ob_fval == ((PyFloatObject *)b)->ob_fval;
    case KIND_INT: return wf_int_compare(a, b) == 0;
    default: return wf_str_equal(a, b);
  }
}

/* Tuples compare as tuple < tuple does: at the first item that differs
 * (==), by <; the first items, all of elem_kind, without the generic
 * protocol. */
static int tuple_lt(int elem_kind, PyObject *a, PyObject *b) {
  Py_ssize_t na = WF_SIZE(a), nb = WF_SIZE(b), n = na < nb ? na : nb, i = 0;
  for (; i < n; i++) {
    PyObject *x = WF_TUPLE_GET(a, i), *y = WF_TUPLE_GET(b, i);
    if (x == y) continue;
    if (i == 0 && elem_kind != KIND_GENERIC) {
      if (!kind_eq(elem_kind, x, y)) return kind_lt(elem_kind, x, y);
      continue;
    }
    int eq = wf_object_richcompare_bool(x, y, Py_EQ);
    if (eq < 0) return -1;
    if (!eq) return wf_object_richcompare_bool(x, y, Py_LT);
  }
  return na < nb;
}

static int lt(sortctx *c, PyObject *a, PyObject *b) {
  if (c->kind == KIND_TUPLE) return tuple_lt(c->elem_kind, a, b);
  return kind_lt(c->kind, a, b);
}

static int choose_kind(PyObject **k, Py_ssize_t n, int *elem_kind) {
  PyTypeObject *t = WF_TYPE(k[0]);
  for (Py_ssize_t i = 1; i < n; i++)
    if (WF_TYPE(k[i]) != t) return KIND_GENERIC;
  if (t == &wf_float_type) return KIND_FLOAT;
  if (t == &wf_int_type) return KIND_INT;
  if (t == &wf_str_type) {
    for (Py_ssize_t i = 0; i < n; i++)
      if (!((PyASCIIObject *)k[i])->state.compact) return KIND_GENERIC;
    return KIND_STR;
  }
  if (t == &wf_tuple_type) {
    PyObject **firsts = NULL;
    for (Py_ssize_t i = 0; i < n; i++)
      if (WF_SIZE(k[i]) == 0) return KIND_TUPLE; /* elem_kind stays generic */
    firsts = malloc(sizeof(PyObject *) * (size_t)n);
    if (!firsts) return KIND_TUPLE;
    for (Py_ssize_t i = 0; i < n; i++) firsts[i] = WF_TUPLE_GET(k[i], 0);
    int ek = KIND_GENERIC;
    *elem_kind = choose_kind(firsts, n, &ek);
    if (*elem_kind == KIND_TUPLE) *elem_kind = KIND_GENERIC;
    free(firsts);
    return KIND_TUPLE;
  }
  return KIND_GENERIC;
}

/* ---- Runs and insertion ----------------------------------------------------------- */

/* Length of the run starting at lo (< hi); a strictly descending run is
 * reversed in place. -1 on error. */
static Py_ssize_t count_run(sortctx *c, sl a, Py_ssize_t lo, Py_ssize_t hi) {
  if (lo + 1 == hi) return 1;
  Py_ssize_t i = lo + 1;
  int k = lt(c, a.k[i], a.k[lo]);
  if (k < 0) return -1;
  if (k) {
    for (i++; i < hi; i++) {
      k = lt(c, a.k[i], a.k[i - 1]);
      if (k < 0) return -1;
      if (!k) break;
    }
    reverse_sl(at(a, lo), i - lo);
  } else {
    for (i++; i < hi; i++) {
      k = lt(c, a.k[i], a.k[i - 1]);
      if (k < 0) return -1;
      if (k) break;
    }
  }
  return i - lo;
}

/* Sort [lo, hi) given that [lo, start) is sorted. */
static int binary_insertion(sortctx *c, sl a, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t start) {
  for (Py_ssize_t i = start; i < hi; i++) {
    Py_ssize_t l = lo, r = i;
    PyObject *pivot = a.k[i];
    while (l < r) {
      Py_ssize_t m = l + ((r - l) >> 1);
      int k = lt(c, pivot, a.k[m]);
      if (k < 0) return -1;
      if (k)
        r = m;
      else
        l = m + 1;
    }
    if (l == i) continue;
    PyObject *pv = a.v ? a.v[i] : NULL;
    move(at(a, l + 1), at(a, l), i - l);
    WF_GC_STORE(&a.k[l], pivot);
    if (a.v) WF_GC_STORE(&a.v[l], pv);
  }
  return 0;
}

/* ---- Galloping ---------------------------------------------------------------------- */

/* k such that a[k-1] < key <= a[k] (count of items < key). */
static Py_ssize_t gallop_left(sortctx *c, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint) {
  Py_ssize_t lastofs = 0, ofs = 1, maxofs;
  int k = lt(c, a[hint], key);
  if (k < 0) return -1;
  if (k) {
    maxofs = n - hint;
    while (ofs < maxofs) {
      k = lt(c, a[hint + ofs], key);
      if (k < 0) return -1;
      if (!k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxofs;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    maxofs = hint + 1;
    while (ofs < maxofs) {
      k = lt(c, a[hint - ofs], key);
      if (k < 0) return -1;
      if (k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxofs;
    }
    if (ofs > maxofs) ofs = maxofs;
    Py_ssize_t t = lastofs;
    lastofs = hint - ofs;
    ofs = hint - t;
  }
  lastofs++;
  while (lastofs < ofs) {
    Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
    k = lt(c, a[m], key);
    if (k < 0) return -1;
    if (k)
      lastofs = m + 1;
    else
      ofs = m;
  }
  return ofs;
}

/* k such that a[k-1] <= key < a[k] (count of items <= key). */
static Py_ssize_t gallop_right(sortctx *c, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint) {
  Py_ssize_t lastofs = 0, ofs = 1, maxofs;
  int k = lt(c, key, a[hint]);
  if (k < 0) return -1;
  if (k) {
    maxofs = hint + 1;
    while (ofs < maxofs) {
      k = lt(c, key, a[hint - ofs]);
      if (k < 0) return -1;
      if (!k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxofs;
    }
    if (ofs > maxofs) ofs = maxofs;
    Py_ssize_t t = lastofs;
    lastofs = hint - ofs;
    ofs = hint - t;
  } else {
    maxofs = n - hint;
    while (ofs < maxofs) {
      k = lt(c, key, a[hint + ofs]);
      if (k < 0) return -1;
      if (k) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
      if (ofs <= 0) ofs = maxofs;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  lastofs++;
  while (lastofs < ofs) {
    Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
    k = lt(c, key, a[m]);
    if (k < 0) return -1;
    if (k)
      ofs = m;
    else
      lastofs = m + 1;
  }
  return ofs;
}

/* ---- Merging ------------------------------------------------------------------------ */

static sl tmp_sl(sortctx *c, Py_ssize_t need) {
  if (c->tcap < need) {
    Py_ssize_t cap = need < 256 ? 256 : need;
    wf_list_store *k = (wf_list_store *)wf_object_alloc(&wf_list_store_type, sizeof(wf_list_store) + (size_t)cap * sizeof(PyObject *));
    k->cap = cap;
    c->tk = k;
    if (c->has_values) {
      wf_list_store *v = (wf_list_store *)wf_object_alloc(&wf_list_store_type, sizeof(wf_list_store) + (size_t)cap * sizeof(PyObject *));
      v->cap = cap;
      c->tv = v;
    }
    c->tcap = cap;
  }
  return (sl){c->tk->items, c->has_values ? c->tv->items : NULL};
}

/* Merge the adjacent runs a[pa, pa+na) and a[pa+na, pa+na+nb), na <= nb. */
static int merge_lo(sortctx *c, sl a, Py_ssize_t pa, Py_ssize_t na, Py_ssize_t nb) {
  sl t = tmp_sl(c, na);
  move(t, at(a, pa), na);
  Py_ssize_t dest = pa, ia = 0, ib = pa + na, k, result = 0;
  Py_ssize_t min_gallop = c->min_gallop;
  put(a, dest++, a, ib++);
  if (--nb == 0) goto done;
  if (na == 1) goto copy_b;
  for (;;) {
    Py_ssize_t acount = 0, bcount = 0;
    for (;;) {
      k = lt(c, a.k[ib], t.k[ia]);
      if (k < 0) goto fail;
      if (k) {
        put(a, dest++, a, ib++);
        bcount++;
        acount = 0;
        if (--nb == 0) goto done;
        if (bcount >= min_gallop) break;
      } else {
        put(a, dest++, t, ia++);
        acount++;
        bcount = 0;
        if (--na == 1) goto copy_b;
        if (acount >= min_gallop) break;
      }
    }
    min_gallop++;
    do {
      min_gallop -= min_gallop > 1;
      c->min_gallop = min_gallop;
      k = gallop_right(c, a.k[ib], t.k + ia, na, 0);
      if (k < 0) goto fail;
      acount = k;
      if (k) {
        move(at(a, dest), at(t, ia), k);
        dest += k;
        ia += k;
        na -= k;
        if (na == 1) goto copy_b;
        if (na == 0) goto done;
      }
      put(a, dest++, a, ib++);
      if (--nb == 0) goto done;
      k = gallop_left(c, t.k[ia], a.k + ib, nb, 0);
      if (k < 0) goto fail;
      bcount = k;
      if (k) {
        move(at(a, dest), at(a, ib), k);
        dest += k;
        ib += k;
        nb -= k;
        if (nb == 0) goto done;
      }
      put(a, dest++, t, ia++);
      if (--na == 1) goto copy_b;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    min_gallop++;
    c->min_gallop = min_gallop;
  }
fail:
  result = -1;
done:
  if (na) move(at(a, dest), at(t, ia), na);
  return (int)result;
copy_b:
  move(at(a, dest), at(a, ib), nb);
  put(a, dest + nb, t, ia);
  return 0;
}

/* Merge a[pa, pa+na) and a[pb, pb+nb), pb = pa+na, na > nb: from the right. */
static int merge_hi(sortctx *c, sl a, Py_ssize_t pa, Py_ssize_t na, Py_ssize_t nb) {
  Py_ssize_t pb = pa + na;
  sl t = tmp_sl(c, nb);
  move(t, at(a, pb), nb);
  Py_ssize_t dest = pb + nb - 1, ia = pa + na - 1, ib = nb - 1, k, result = 0;
  Py_ssize_t min_gallop = c->min_gallop;
  put(a, dest--, a, ia--);
  if (--na == 0) goto done;
  if (nb == 1) goto copy_a;
  for (;;) {
    Py_ssize_t acount = 0, bcount = 0;
    for (;;) {
      k = lt(c, t.k[ib], a.k[ia]);
      if (k < 0) goto fail;
      if (k) {
        put(a, dest--, a, ia--);
        acount++;
        bcount = 0;
        if (--na == 0) goto done;
        if (acount >= min_gallop) break;
      } else {
        put(a, dest--, t, ib--);
        bcount++;
        acount = 0;
        if (--nb == 1) goto copy_a;
        if (bcount >= min_gallop) break;
      }
    }
    min_gallop++;
    do {
      min_gallop -= min_gallop > 1;
      c->min_gallop = min_gallop;
      k = gallop_right(c, t.k[ib], a.k + pa, na, na - 1);
      if (k < 0) goto fail;
      k = na - k;
      acount = k;
      if (k) {
        dest -= k;
        ia -= k;
        move(at(a, dest + 1), at(a, ia + 1), k);
        na -= k;
        if (na == 0) goto done;
      }
      put(a, dest--, t, ib--);
      if (--nb == 1) goto copy_a;
      k = gallop_left(c, a.k[ia], t.k, nb, nb - 1);
      if (k < 0) goto fail;
      k = nb - k;
      bcount = k;
      if (k) {
        dest -= k;
        ib -= k;
        move(at(a, dest + 1), at(t, ib + 1), k);
        nb -= k;
        if (nb == 1) goto copy_a;
        if (nb == 0) goto done;
      }
      put(a, dest--, a, ia--);
      if (--na == 0) goto done;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    min_gallop++;
    c->min_gallop = min_gallop;
  }
fail:
  result = -1;
done:
  if (nb) move(at(a, dest - nb + 1), t, nb);
  return (int)result;
copy_a:
  dest -= na;
  ia -= na;
  move(at(a, dest + 1), at(a, ia + 1), na);
  put(a, dest, t, ib);
  return 0;
}

static int merge_at(sortctx *c, sl a, int i) {
  Py_ssize_t pa = c->base[i], na = c->len[i], pb = c->base[i + 1], nb = c->len[i + 1];
  c->len[i] = na + nb;
  if (i == c->nruns - 3) {
    c->base[i + 1] = c->base[i + 2];
    c->len[i + 1] = c->len[i + 2];
  }
  c->nruns--;
  Py_ssize_t k = gallop_right(c, a.k[pb], a.k + pa, na, 0);
  if (k < 0) return -1;
  pa += k;
  na -= k;
  if (na == 0) return 0;
  nb = gallop_left(c, a.k[pa + na - 1], a.k + pb, nb, nb - 1);
  if (nb <= 0) return (int)nb;
  return na <= nb ? merge_lo(c, a, pa, na, nb) : merge_hi(c, a, pa, na, nb);
}

static int merge_collapse(sortctx *c, sl a) {
  while (c->nruns > 1) {
    int n = c->nruns - 2;
    Py_ssize_t *L = c->len;
    if ((n > 0 && L[n - 1] <= L[n] + L[n + 1]) || (n > 1 && L[n - 2] <= L[n - 1] + L[n])) {
      if (L[n - 1] < L[n + 1]) n--;
    } else if (L[n] > L[n + 1]) {
      break;
    }
    if (merge_at(c, a, n) < 0) return -1;
  }
  return 0;
}

static int merge_force(sortctx *c, sl a) {
  while (c->nruns > 1) {
    int n = c->nruns - 2;
    if (n > 0 && c->len[n - 1] < c->len[n + 1]) n--;
    if (merge_at(c, a, n) < 0) return -1;
  }
  return 0;
}

static Py_ssize_t min_run(Py_ssize_t n) {
  Py_ssize_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

static int timsort(sortctx *c, sl a, Py_ssize_t n) {
  if (n < 2) return 0;
  Py_ssize_t mr = min_run(n), lo = 0, rem = n;
  c->min_gallop = MIN_GALLOP;
  do {
    Py_ssize_t r = count_run(c, a, lo, lo + rem);
    if (r < 0) return -1;
    if (r < mr) {
      Py_ssize_t force = rem <= mr ? rem : mr;
      if (binary_insertion(c, a, lo, lo + force, lo + r) < 0) return -1;
      r = force;
    }
    c->base[c->nruns] = lo;
    c->len[c->nruns] = r;
    c->nruns++;
    if (merge_collapse(c, a) < 0) return -1;
    lo += r;
    rem -= r;
  } while (rem);
  return merge_force(c, a);
}

int wf_list_sort(PyObject *self, PyObject *key, bool reverse) {
  WF_GC_ROOT(self);
  if (key == WF_NONE) key = NULL;
  WF_GC_ROOT(key);
  Py_ssize_t n;
  wf_list_store *vals = wf_list_sort_begin_(self, &n);
  WF_GC_ROOT(vals);
  wf_list_store *keys = NULL;
  WF_GC_ROOT(keys);
  sortctx c = {0};
  WF_GC_ROOT(c.tk);
  WF_GC_ROOT(c.tv);
  int rc = 0;
  if (n > 1 || (key && n > 0)) {
    sl a;
    if (key) {
      keys = (wf_list_store *)wf_object_alloc(&wf_list_store_type, sizeof(wf_list_store) + (size_t)n * sizeof(PyObject *));
      keys->cap = n;
      for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = wf_call_one(key, vals->items[i]);
        if (!k) {
          rc = -1;
          break;
        }
        WF_GC_STORE(&keys->items[i], k);
      }
      a = (sl){keys->items, vals->items};
      c.has_values = true;
    } else {
      a = (sl){vals->items, NULL};
    }
    if (rc == 0) {
      if (reverse) reverse_sl(a, n);
      c.kind = choose_kind(a.k, n, &c.elem_kind);
      rc = timsort(&c, a, n);
      if (reverse) reverse_sl(a, n);
    }
  }
  int modified = wf_list_sort_end_(self, vals, n);
  if (modified && rc == 0) {
    wf_err_set_string(&wf_ValueError_type, "list modified during sort");
    rc = -1;
  }
  return rc;
}
