/* Interning: one process-wide open-addressing set of exact str objects,
 * guarded by a wf_lock (nothing inside reaches a safepoint: hashing and
 * comparing exact strs runs no Python code; allocation never collects).
 * The table is a GC root (scanned while the world is stopped, when no
 * thread can be inside the lock section). Interned strings live forever. */
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "lock.h"
#include "str.h"
#include "str_internal.h"

static struct {
  wf_lock lock;
  PyObject **slots; /* NULL = empty */
  size_t mask;      /* capacity - 1 (a power of two) */
  size_t used;
  bool root_registered;
} intern_table;

static void intern_scan(wf_gc_tracer *t, void *arg) {
  (void)arg;
  PyObject **slots = intern_table.slots;
  if (!slots) return;
  for (size_t i = 0; i <= intern_table.mask; i++)
    if (slots[i]) wf_gc_visit(t, slots[i]);
}

static void intern_register_root(void) {
  if (!__atomic_load_n(&intern_table.root_registered, __ATOMIC_ACQUIRE)) {
    bool expected = false;
    if (__atomic_compare_exchange_n(&intern_table.root_registered, &expected, true, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE))
      wf_gc_add_root_scanner(intern_scan, NULL);
  }
}

void wf_str_init(void) { intern_register_root(); }

/* Under the lock. Returns false if out of memory. */
static bool intern_grow(void) {
  size_t ncap = intern_table.slots ? (intern_table.mask + 1) * 2 : 1024;
  PyObject **ns = calloc(ncap, sizeof(PyObject *));
  if (!ns) return false;
  PyObject **old = intern_table.slots;
  size_t oldcap = old ? intern_table.mask + 1 : 0;
  for (size_t i = 0; i < oldcap; i++) {
    PyObject *s = old[i];
    if (!s) continue;
    size_t j = (size_t)wf_str_hash(s) & (ncap - 1);
    while (ns[j]) j = (j + 1) & (ncap - 1);
    ns[j] = s;
  }
  intern_table.slots = ns;
  intern_table.mask = ncap - 1;
  free(old);
  return true;
}

static void mark_interned(PyObject *s) {
  if (wf_str_is_static(s)) {
    ((PyASCIIObject *)s)->state.interned = WF_STR_INTERNED_IMMORTAL;
    return;
  }
  /* Set the two `interned` bits of the state word with an atomic OR: other
   * threads may read the (unchanged) kind/ascii bits concurrently. */
  PyASCIIObject probe = {0};
  probe.state.interned = WF_STR_INTERNED_IMMORTAL;
  uint32_t bits;
  memcpy(&bits, &probe.state, sizeof bits);
  __atomic_fetch_or((uint32_t *)&((PyASCIIObject *)s)->state, bits, __ATOMIC_RELAXED);
}

PyObject *wf_str_intern(PyObject *s) {
  if (!wf_str_check_exact(s)) {
    s = wf_str_exact(s);
    if (!s) return NULL;
  }
  if (((PyASCIIObject *)s)->state.interned) return s; /* a set bit is never cleared */
  intern_register_root();
  Py_hash_t h = wf_str_hash(s);
  wf_lock_acquire(&intern_table.lock);
  if ((intern_table.used + 1) * 2 > (intern_table.slots ? intern_table.mask + 1 : 0)) {
    if (!intern_grow()) {
      wf_lock_release(&intern_table.lock);
      return wf_err_no_memory();
    }
  }
  size_t j = (size_t)h & intern_table.mask;
  PyObject *found;
  while ((found = intern_table.slots[j])) {
    if (wf_str_hash(found) == h && wf_str_equal(found, s)) {
      wf_lock_release(&intern_table.lock);
      return found;
    }
    j = (j + 1) & intern_table.mask;
  }
  intern_table.slots[j] = s;
  intern_table.used++;
  mark_interned(s);
  wf_lock_release(&intern_table.lock);
  return s;
}

PyObject *wf_str_intern_cstr(const char *c) {
  PyObject *s = wf_str_from_cstr(c);
  if (!s) return NULL;
  return wf_str_intern(s);
}

/* Number of interned strings (for tests). */
size_t wf_str_intern_count(void) {
  wf_lock_acquire(&intern_table.lock);
  size_t n = intern_table.used;
  wf_lock_release(&intern_table.lock);
  return n;
}
