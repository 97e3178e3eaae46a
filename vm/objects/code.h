/* Code objects: the compiled form of a module, class body, function,
 * lambda or comprehension (vm/objects/code.c; built by vm/compile).
 *
 * Immutable once built and published, except the inline caches, which the
 * interpreter swaps atomically (vm/interp/ic.h).  co_code holds the
 * instruction words (vm/compile/opcodes.def).
 *
 * localsplus: a frame's variable slots are [locals..., cells..., frees...]:
 *   - the first co_nlocals slots are the plain locals, arguments first
 *     (co_argcount positional incl. positional-only, then co_kwonlyargcount
 *     keyword-only, then *args if CO_VARARGS, then **kwargs if
 *     CO_VARKEYWORDS);
 *   - an argument that is also a cell variable keeps its argument slot with
 *     kind LOCAL|CELL (MAKE_CELL wraps the value at entry); the other cell
 *     variables follow the locals (kind CELL);
 *   - the last co_nfreevars slots are free variables (kind FREE), filled by
 *     COPY_FREE_VARS from the function's closure (in co_freevars order).
 *   co_localsplusnames names every slot, co_localspluskinds (bytes) gives
 *   each slot's kind bits. */
#ifndef WF_OBJECTS_CODE_H
#define WF_OBJECTS_CODE_H

#include "object.h"

/* co_flags (CPython 3.11 values) */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_NOFREE 0x0040
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_FUTURE_ANNOTATIONS 0x1000000

/* localsplus kinds (CPython 3.11 values) */
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

/* Source position of the instructions from `start` (word offset) up to the
 * next entry's start.  Columns are 0-based UTF-8 byte offsets as in the AST;
 * line 0 / col -1 = unknown. */
typedef struct wf_code_loc {
  uint32_t start;
  int32_t line, end_line;
  int32_t col, end_col;
} wf_code_loc;

/* Exception table entry (CPython 3.11 semantics): an exception raised by an
 * instruction at word offset in [start, end) pops the value stack down to
 * `depth` items, pushes the offset of the raising instruction as an int if
 * `lasti` is set, pushes the exception, and jumps to `handler`.  Entries
 * are sorted by start and do not overlap. */
typedef struct wf_code_handler {
  uint32_t start, end, handler;
  uint16_t depth;
  uint16_t lasti;
} wf_code_handler;

typedef struct wf_code {
  PyObject ob_base;
  int32_t co_argcount;        /* positional parameters incl. positional-only */
  int32_t co_posonlyargcount;
  int32_t co_kwonlyargcount;
  int32_t co_flags;
  int32_t co_nlocalsplus;     /* all slots */
  int32_t co_nlocals;         /* plain locals (slots with CO_FAST_LOCAL) */
  int32_t co_ncellvars;       /* slots with CO_FAST_CELL */
  int32_t co_nfreevars;
  int32_t co_stacksize;       /* max value-stack depth */
  int32_t co_firstlineno;
  int32_t co_ncaches;         /* inline cache slots */
  int32_t co_nwords;          /* instruction words */
  int32_t co_nlocs, co_nhandlers;
  const uint32_t *co_words;   /* points into co_code's buffer */
  const wf_code_loc *co_locs; /* points into co_linetable's buffer */
  const wf_code_handler *co_handlers; /* into co_exceptiontable's buffer */
  PyObject *co_code;          /* wf_rawbuf_type: the words */
  PyObject *co_linetable;     /* wf_rawbuf_type: wf_code_loc[co_nlocs] */
  PyObject *co_exceptiontable;/* wf_rawbuf_type: wf_code_handler[co_nhandlers] */
  PyObject *co_consts;        /* tuple */
  PyObject *co_names;         /* tuple of str (globals, attributes, imports) */
  PyObject *co_localsplusnames; /* tuple of str */
  PyObject *co_localspluskinds; /* bytes */
  PyObject *co_filename, *co_name, *co_qualname; /* str */
  /* Inline caches: co_ncaches atomic pointers to immutable records
   * (vm/interp/ic.h), allocated on first execution.  Not traced: records
   * live outside the GC heap and are reclaimed through RCU. */
  void *_Atomic co_caches;
  /* Per-code counters for tiering (the JIT): calls and back-edges. */
  _Atomic uint32_t co_warmth;
} wf_code;

/* A heuristic count: threads may lose each other's increments, which costs
 * nothing, while an atomic add would cost ~7 ns at every call. */
static inline void wf_code_warm(wf_code *co) {
  atomic_store_explicit(&co->co_warmth, atomic_load_explicit(&co->co_warmth, memory_order_relaxed) + 1,
                        memory_order_relaxed);
}

extern PyTypeObject wf_code_type;
static inline bool wf_code_check(PyObject *o) { return WF_TYPE(o) == &wf_code_type; }

/* The parts the compiler hands over (arrays are copied). */
typedef struct wf_code_parts {
  int argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno, ncaches;
  const uint32_t *words;
  int nwords;
  const wf_code_loc *locs;
  int nlocs;
  const wf_code_handler *handlers;
  int nhandlers;
  PyObject *consts, *names, *localsplusnames, *localspluskinds; /* tuple, tuple, tuple, bytes */
  PyObject *filename, *name, *qualname;
} wf_code_parts;

/* Build a code object (counts nlocals/ncellvars/nfreevars from the kinds). */
PyObject *wf_code_new(const wf_code_parts *parts);

/* Source line of the instruction at word offset `offset` (-1: unknown). */
int wf_code_line_of(const wf_code *co, int offset);
/* Full location of the instruction at `offset` (NULL: unknown). */
const wf_code_loc *wf_code_loc_of(const wf_code *co, int offset);
/* The handler covering `offset`, or NULL. */
const wf_code_handler *wf_code_handler_of(const wf_code *co, int offset);

/* Names of the slot kinds, for co_varnames / co_cellvars / co_freevars. */
PyObject *wf_code_varnames(wf_code *co);  /* tuple: locals */
PyObject *wf_code_cellvars(wf_code *co);
PyObject *wf_code_freevars(wf_code *co);

/* dis-like listing, for `weft -X dis FILE` and compiler tests. */
PyObject *wf_code_disassemble(wf_code *co); /* a str */

#endif
