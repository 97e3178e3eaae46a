/* Internals of the compiler: the symbol table (symtable.c), the code
 * generator (compile*.c) and the assembler (assemble.c).  Everything here
 * lives in one wf_arena per compilation; Python objects created on the way
 * (constants, names) are kept alive by a rooted list (wf_cc.keep). */
#ifndef WF_COMPILE_INTERNAL_H
#define WF_COMPILE_INTERNAL_H

#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "code.h"
#include "compile.h"
#include "object.h"
#include "opcodes.h"

/* ---- a string -> int map over arena memory ---- */
typedef struct wf_smap {
  const char **keys;
  int *vals;
  int cap, n;
  /* insertion order */
  const char **order;
  int ocap;
} wf_smap;

int wf_smap_get(const wf_smap *m, const char *k, int dflt);
int *wf_smap_slot(wf_arena *a, wf_smap *m, const char *k, int init); /* inserts init when absent */
#define WF_SMAP_HAS(m, k) (wf_smap_get((m), (k), -1) != -1)

struct wf_cc;
/* ---- symbol table ---- */
#define DEF_GLOBAL 1
#define DEF_LOCAL 2
#define DEF_PARAM 4
#define DEF_NONLOCAL 8
#define DEF_USE 16
#define DEF_FREE 32
#define DEF_FREE_CLASS 64
#define DEF_IMPORT 128
#define DEF_ANNOT 256
#define DEF_COMP_ITER 512
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)
#define SCOPE_OFFSET 11
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)

enum { SC_NONE = 0, SC_LOCAL = 1, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };
enum { ST_FUNCTION, ST_CLASS, ST_MODULE };
enum { COMP_NONE, COMP_GENEXP, COMP_LISTCOMP, COMP_DICTCOMP, COMP_SETCOMP };

typedef struct wf_ste wf_ste;
struct wf_ste {
  int type;
  const char *name;
  const void *key; /* the AST node */
  wf_smap symbols; /* name -> flags (scope in bits >= SCOPE_OFFSET) */
  const char **varnames; /* parameters, in order */
  int nvarnames, cvarnames;
  wf_ste **children;
  int nchildren, cchildren;
  unsigned nested : 1, generator : 1, coroutine : 1, varargs : 1, varkeywords : 1, returns_value : 1,
      child_free : 1, free : 1, needs_class_closure : 1, comp_iter_target : 1, has_docstring : 1;
  int comprehension; /* COMP_* */
  int comp_iter_expr;
  int lineno, col, end_lineno, end_col;
  const char *private_; /* class name for mangling, inherited */
};

typedef struct wf_symtable {
  wf_arena *arena;
  wf_ste *top;
  wf_ste *cur;
  wf_ste **stack;
  int nstack, cstack;
  /* node -> ste */
  const void **mkeys;
  wf_ste **mvals;
  int mcap, mn;
  const char *private_;
  int future_annotations;
  /* error */
  int err;
} wf_symtable;

/* Builds the table; 0 or -1 with SyntaxError set (wf_cc_error). */
int wf_symtable_build(wf_symtable *st, wf_node *mod, struct wf_cc *cc);
wf_ste *wf_symtable_lookup(wf_symtable *st, const void *key);
int wf_ste_scope(wf_ste *ste, const char *name); /* SC_* */
int wf_ste_flags(wf_ste *ste, const char *name);
/* _Py_Mangle: returns name or an arena copy "_Class__name". */
const char *wf_mangle(wf_arena *a, const char *priv, const char *name);

/* ---- compilation-wide state ---- */
typedef struct wf_cc {
  wf_arena arena;
  PyObject *filename;
  const char *src; /* source text or NULL (for error text lines) */
  size_t srclen;
  PyObject *keep; /* list: keeps created objects alive */
  wf_symtable st;
  int future_annotations;
  int ff_line, ff_col; /* the last valid `from __future__` import */
  int interactive;
  struct wf_unit *u;
  int nest;
} wf_cc;

/* Raise SyntaxError at the given AST position (1-based line, 0-based byte
 * column as in the AST). Returns -1. */
int wf_cc_error(wf_cc *cc, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...);
/* Keep an object alive for the whole compilation (returns it, NULL passes). */
PyObject *wf_cc_keep(wf_cc *cc, PyObject *o);

#endif

/* ---- code generation (compile.c, compile_expr.c, compile_stmt.c) ---- */
/* Pseudo instructions, resolved by the assembler. */
enum {
  P_JUMP = WF_OP_COUNT_, /* JUMP_FORWARD or JUMP_BACKWARD */
  P_SETUP_FINALLY,       /* push an exception handler (no lasti) */
  P_SETUP_CLEANUP,       /* push an exception handler that pushes lasti */
  P_SETUP_WITH,          /* same, entered with __exit__ below the result */
  P_POP_BLOCK,           /* pop the handler */
  P_COUNT_
};

typedef struct wf_blk wf_blk;
typedef struct wf_instr {
  int op, arg;
  wf_blk *target;
  wf_blk *handler; /* set by the assembler */
  int line, end_line, col, end_col;
} wf_instr;

struct wf_blk {
  wf_instr *ins;
  int n, cap;
  wf_blk *next;  /* layout order */
  wf_blk *all;   /* allocation list */
  int startdepth, offset, preserve_lasti, visited;
  wf_blk **exstack;
  int exn;
};

enum {
  FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH, FB_ASYNC_WITH, FB_HANDLER_CLEANUP,
  FB_POP_VALUE, FB_EXCEPTION_HANDLER, FB_EXCEPTION_GROUP_HANDLER, FB_ASYNC_COMP_GEN
};
typedef struct wf_fblock {
  int type;
  wf_blk *block, *exit;
  const void *datum; /* FINALLY_TRY: wf_seq *finalbody; WITH: the stmt; HANDLER_CLEANUP: the name */
} wf_fblock;

enum { U_MODULE, U_CLASS, U_FUNCTION, U_ASYNC_FUNCTION, U_LAMBDA, U_COMPREHENSION };
#define WF_MAX_FBLOCKS 20

typedef struct wf_unit {
  struct wf_unit *parent;
  wf_ste *ste;
  int scope;
  const char *name, *qualname, *private_;
  wf_smap consts_map;
  PyObject **consts;
  int nconsts, cconsts;
  wf_smap names_map;
  const char **names;
  int nnames, cnames;
  wf_smap varmap;
  const char **varnames;
  int nvar, cvar;
  wf_smap cellmap, freemap;
  const char **cells, **frees;
  int ncell, nfree;
  int argcount, posonly, kwonly;
  int firstlineno;
  wf_blk *entry, *cur, *blocks;
  wf_fblock fb[WF_MAX_FBLOCKS];
  int nfb;
  int line, end_line, col, end_col;
  int last_line, last_end_line, last_col, last_end_col;
  int ncaches;
} wf_unit;

#define TRY(x)                  \
  do {                          \
    if ((x) < 0) return -1;     \
  } while (0)

wf_blk *wf_cg_newblk(wf_cc *cc);
void wf_cg_use(wf_cc *cc, wf_blk *b);        /* continue emitting into b (b follows the current block) */
void wf_cg_next(wf_cc *cc);                  /* start a new block following the current one */
int wf_cg_op(wf_cc *cc, int op, int arg);
int wf_cg_jump(wf_cc *cc, int op, wf_blk *target);
void wf_cg_setloc(wf_cc *cc, const wf_node *n);
void wf_cg_unsetloc(wf_cc *cc);
int wf_cg_const(wf_cc *cc, PyObject *o); /* index in co_consts (dedupes) */
int wf_cg_load_const(wf_cc *cc, PyObject *o);
int wf_cg_load_none(wf_cc *cc);
PyObject *wf_cg_constant(wf_cc *cc, const wf_const *k); /* AST constant -> object */
PyObject *wf_cg_ident(wf_cc *cc, const char *s);        /* interned str */
int wf_cg_name_index(wf_cc *cc, const char *name);       /* co_names (mangled) */
int wf_cg_nameop(wf_cc *cc, const char *name, int ctx);
int wf_cg_error(wf_cc *cc, const char *fmt, ...);        /* SyntaxError at the current location */
int wf_cg_push_fblock(wf_cc *cc, int type, wf_blk *b, wf_blk *exit, const void *datum);
void wf_cg_pop_fblock(wf_cc *cc);
int wf_cg_enter_scope(wf_cc *cc, const char *name, int scope, const void *key, int lineno);
PyObject *wf_cg_assemble(wf_cc *cc, int add_none); /* code object of the current unit */
void wf_cg_exit_scope(wf_cc *cc);
int wf_cg_make_closure(wf_cc *cc, PyObject *code, int flags);
int wf_cg_closure_index(wf_cc *cc, const char *name); /* the cell/free index for LOAD_CLOSURE */
const char *wf_cg_mangle(wf_cc *cc, const char *name);

int wf_cg_expr(wf_cc *cc, wf_node *e);
int wf_cg_exprs(wf_cc *cc, wf_seq *s);
int wf_cg_stmt(wf_cc *cc, wf_node *s);
int wf_cg_stmts(wf_cc *cc, wf_seq *s);
int wf_cg_jump_if(wf_cc *cc, wf_node *e, wf_blk *target, int cond);
int wf_cg_call_helper(wf_cc *cc, int n, wf_seq *args, wf_seq *keywords);
int wf_cg_add_yield_from(wf_cc *cc, int await);
int wf_cg_yield(wf_cc *cc);
int wf_cg_call_exit_with_nones(wf_cc *cc);
int wf_cg_annotations_str(wf_cc *cc, wf_node *e); /* future annotations: load the annotation as a str */
int wf_cg_match(wf_cc *cc, wf_node *s);
int wf_cg_unwind_fblock_stack(wf_cc *cc, int preserve_tos, wf_fblock **loop);
int wf_cg_function(wf_cc *cc, wf_node *s, int async);
int wf_cg_class(wf_cc *cc, wf_node *s);
int wf_cg_lambda(wf_cc *cc, wf_node *e);
int wf_cg_comprehension(wf_cc *cc, wf_node *e);
int wf_cg_is_top_level_await(wf_cc *cc);
int wf_cg_body(wf_cc *cc, wf_seq *body, int module); /* docstring, then statements */
int wf_cg_binop(wf_cc *cc, int op, int inplace);
/* Constant folding over the tree, before the symbol table (compile_fold.c). */
int wf_cg_fold(wf_cc *cc, wf_node *tree);
