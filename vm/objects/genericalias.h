/* types.GenericAlias (list[int], PEP 585) and types.UnionType (int | str,
 * PEP 604): vm/objects/genericalias.c, unionobject.c. */
#ifndef WF_OBJECTS_GENERICALIAS_H
#define WF_OBJECTS_GENERICALIAS_H

#include "object.h"
#include "str.h"

extern PyTypeObject wf_generic_alias_type, wf_union_type;
static inline bool wf_generic_alias_check(PyObject *o) { return wf_object_type_check(o, &wf_generic_alias_type); }
static inline bool wf_union_check(PyObject *o) { return WF_TYPE(o) == &wf_union_type; }

/* origin[args]: args a tuple, or one object (made a 1-tuple). */
PyObject *wf_generic_alias_new(PyObject *origin, PyObject *args);
/* a | b for types, None, GenericAlias and unions (type.__or__/__ror__):
 * the union, the single type when both sides are the same, or
 * NotImplemented. */
PyObject *wf_union_type_or(PyObject *a, PyObject *b);

/* Shared by both: the repr of one argument as 3.11 writes it (`int`,
 * `mod.C`, `...`, `list[int]`). 0 or -1. */
int wf_ga_repr_item(wf_strbuf *b, PyObject *o);
/* The type variables among args (objects with __typing_subst__, and the
 * __parameters__ of generic arguments), as a tuple without duplicates. */
PyObject *wf_ga_make_parameters(PyObject *args);

#endif
