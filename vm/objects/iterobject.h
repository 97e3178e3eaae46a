/* The iterator types of the builtins module: enumerate (enumerate.c), zip
 * (zip.c), map (map.c), filter (filter.c), reversed (reversed.c) and
 * callable_iterator, iter(callable, sentinel) (iterobject.c).
 *
 * Threads: several threads may advance one iterator.  None of them crashes;
 * enumerate/reversed/callable_iterator hand out each index at most once,
 * map/filter/zip deliver whatever their underlying iterators deliver. */
#ifndef WF_OBJECTS_ITEROBJECT_H
#define WF_OBJECTS_ITEROBJECT_H

#include "object.h"

extern PyTypeObject wf_enumerate_type, wf_zip_type, wf_map_type, wf_filter_type, wf_reversed_type, wf_calliter_type;

/* iter(callable, sentinel): a new callable_iterator. */
PyObject *wf_calliter_new(PyObject *callable, PyObject *sentinel);
/* reversed(seq) as the builtin does it (__reversed__ or the sequence
 * protocol); TypeError "'T' object is not reversible". */
PyObject *wf_reversed_new(PyObject *seq);

#endif
