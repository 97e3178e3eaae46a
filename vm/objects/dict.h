/* dict (vm/objects/dict.c): insertion-ordered, CPython 3.11's layout and
 * probing (so iteration order matches python3.11). One-word lock for
 * mutation, lock-free reads over GC-managed storage (see docs/design.md).
 * Contract used by the rest of the runtime. */
#ifndef WF_OBJECTS_DICT_H
#define WF_OBJECTS_DICT_H

#include "object.h"

extern PyTypeObject wf_dict_type;
static inline bool wf_dict_check(PyObject *o) { return wf_type_has_flag(WF_TYPE(o), Py_TPFLAGS_DICT_SUBCLASS); }

PyObject *wf_dict_new(void);
/* Borrowed value or NULL. _getitem swallows errors from __eq__/__hash__ as
 * CPython's PyDict_GetItem does; _getitem_err returns NULL with an exception
 * on error and NULL without one when missing. */
PyObject *wf_dict_getitem(PyObject *d, PyObject *key);
PyObject *wf_dict_getitem_err(PyObject *d, PyObject *key);
PyObject *wf_dict_getitem_cstr(PyObject *d, const char *key);
int wf_dict_setitem(PyObject *d, PyObject *key, PyObject *value);
int wf_dict_setitem_cstr(PyObject *d, const char *key, PyObject *value);
int wf_dict_delitem(PyObject *d, PyObject *key); /* KeyError if missing */
int wf_dict_contains(PyObject *d, PyObject *key);
Py_ssize_t wf_dict_size(PyObject *d);
/* Iterate: pos starts at 0; returns false at the end. Borrowed key/value. */
bool wf_dict_next(PyObject *d, Py_ssize_t *pos, PyObject **key, PyObject **value);
PyObject *wf_dict_copy(PyObject *d);
int wf_dict_update(PyObject *d, PyObject *other); /* dict.update(other) */
PyObject *wf_dict_keys_list(PyObject *d);
/* setdefault: the existing value or `dflt` after inserting it (borrowed). */
PyObject *wf_dict_setdefault(PyObject *d, PyObject *key, PyObject *dflt);

/* Additions (core group). */
extern PyTypeObject wf_dictkeys_type, wf_dictvalues_type, wf_dictitems_type, wf_dictiterkey_type,
    wf_dictitervalue_type, wf_dictiteritem_type, wf_dictrevkey_type, wf_dictrevvalue_type, wf_dictrevitem_type;
/* pop: 1 and *value (borrowed) when removed, 0 when absent, -1 on error. */
int wf_dict_pop(PyObject *d, PyObject *key, PyObject **value);
int wf_dict_clear(PyObject *d);

/* Additions (interp group): lookups for inline caches.
 * The key-set version: process-unique, changes whenever a key is added or
 * removed (or the table is rebuilt); value replacement keeps it. */
uint64_t wf_dict_keys_version(PyObject *d);
/* d[key] (borrowed) or NULL (an exception set only on error); on a hit,
 * the keys table and entry index identify the entry for wf_dict_value_at. */
PyObject *wf_dict_lookup_hint(PyObject *d, PyObject *key, void **keys, Py_ssize_t *ix);
/* wf_dict_value_at and wf_dict_find_str (inline readers): dict_layout.h.
 * Store value into entry ix if it still holds `key` (the very object);
 * false (nothing stored) otherwise. */
bool wf_dict_store_at(PyObject *d, Py_ssize_t ix, PyObject *key, PyObject *value);

#endif
