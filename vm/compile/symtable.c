/* The symbol table: scopes of every name, as CPython 3.11's symtable.c
 * decides them (two passes: collect definitions and uses per block, then
 * resolve LOCAL / GLOBAL_EXPLICIT / GLOBAL_IMPLICIT / FREE / CELL from the
 * innermost block outwards). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compile_internal.h"

/* ---- string map ---- */

static uint32_t shash(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
  return h;
}

int wf_smap_get(const wf_smap *m, const char *k, int dflt) {
  if (!m->cap) return dflt;
  uint32_t i = shash(k) & (uint32_t)(m->cap - 1);
  for (;;) {
    if (!m->keys[i]) return dflt;
    if (strcmp(m->keys[i], k) == 0) return m->vals[i];
    i = (i + 1) & (uint32_t)(m->cap - 1);
  }
}

int *wf_smap_slot(wf_arena *a, wf_smap *m, const char *k, int init) {
  if ((m->n + 1) * 2 > m->cap) {
    int ncap = m->cap ? m->cap * 2 : 16;
    const char **nk = wf_arena_alloc(a, sizeof(char *) * (size_t)ncap);
    int *nv = wf_arena_alloc(a, sizeof(int) * (size_t)ncap);
    for (int j = 0; j < m->cap; j++) {
      if (!m->keys[j]) continue;
      uint32_t i = shash(m->keys[j]) & (uint32_t)(ncap - 1);
      while (nk[i]) i = (i + 1) & (uint32_t)(ncap - 1);
      nk[i] = m->keys[j];
      nv[i] = m->vals[j];
    }
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
  }
  uint32_t i = shash(k) & (uint32_t)(m->cap - 1);
  for (;;) {
    if (!m->keys[i]) break;
    if (strcmp(m->keys[i], k) == 0) return &m->vals[i];
    i = (i + 1) & (uint32_t)(m->cap - 1);
  }
  m->keys[i] = k;
  m->vals[i] = init;
  m->n++;
  if (m->n > m->ocap) {
    int nc = m->ocap ? m->ocap * 2 : 16;
    const char **no = wf_arena_alloc(a, sizeof(char *) * (size_t)nc);
    if (m->ocap) memcpy(no, m->order, sizeof(char *) * (size_t)m->ocap);
    m->order = no;
    m->ocap = nc;
  }
  m->order[m->n - 1] = k;
  return &m->vals[i];
}

/* sets: value 1 present, 0 absent (discarded) */
static void set_add(wf_arena *a, wf_smap *s, const char *k) { *wf_smap_slot(a, s, k, 1) = 1; }
static int set_has(const wf_smap *s, const char *k) { return wf_smap_get(s, k, 0) != 0; }
static void set_discard(wf_arena *a, wf_smap *s, const char *k) {
  if (set_has(s, k)) *wf_smap_slot(a, s, k, 0) = 0;
}
static void set_update(wf_arena *a, wf_smap *dst, const wf_smap *src) {
  for (int i = 0; src && i < src->n; i++)
    if (set_has(src, src->order[i])) set_add(a, dst, src->order[i]);
}
static wf_smap set_copy(wf_arena *a, const wf_smap *src) {
  wf_smap s = {0};
  set_update(a, &s, src);
  return s;
}

/* ---- mangling ---- */

const char *wf_mangle(wf_arena *a, const char *priv, const char *name) {
  if (!priv || name[0] != '_' || name[1] != '_') return name;
  size_t n = strlen(name);
  if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
  if (strchr(name, '.')) return name;
  while (*priv == '_') priv++;
  if (!*priv) return name;
  size_t pn = strlen(priv);
  char *r = wf_arena_alloc(a, pn + n + 2);
  r[0] = '_';
  memcpy(r + 1, priv, pn);
  memcpy(r + 1 + pn, name, n + 1);
  return r;
}

/* ---- building ---- */

typedef struct dirpos {
  const wf_ste *ste;
  const char *name;
  int l, c, el, ec;
} dirpos;

typedef struct {
  wf_symtable *st;
  wf_cc *cc;
  dirpos *dirs;
  int ndirs, cdirs;
} V;

#define A (v->st->arena)
#define ERR(n, ...) wf_cc_error(v->cc, (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset, __VA_ARGS__)

static void map_put(wf_symtable *st, const void *key, wf_ste *ste) {
  if ((st->mn + 1) * 2 > st->mcap) {
    int ncap = st->mcap ? st->mcap * 2 : 64;
    const void **nk = wf_arena_alloc(st->arena, sizeof(void *) * (size_t)ncap);
    wf_ste **nv = wf_arena_alloc(st->arena, sizeof(void *) * (size_t)ncap);
    for (int j = 0; j < st->mcap; j++) {
      if (!st->mkeys[j]) continue;
      uint32_t i = (uint32_t)(((uintptr_t)st->mkeys[j] >> 3) * 2654435761u) & (uint32_t)(ncap - 1);
      while (nk[i]) i = (i + 1) & (uint32_t)(ncap - 1);
      nk[i] = st->mkeys[j];
      nv[i] = st->mvals[j];
    }
    st->mkeys = nk;
    st->mvals = nv;
    st->mcap = ncap;
  }
  uint32_t i = (uint32_t)(((uintptr_t)key >> 3) * 2654435761u) & (uint32_t)(st->mcap - 1);
  while (st->mkeys[i]) i = (i + 1) & (uint32_t)(st->mcap - 1);
  st->mkeys[i] = key;
  st->mvals[i] = ste;
  st->mn++;
}

wf_ste *wf_symtable_lookup(wf_symtable *st, const void *key) {
  if (!st->mcap) return NULL;
  uint32_t i = (uint32_t)(((uintptr_t)key >> 3) * 2654435761u) & (uint32_t)(st->mcap - 1);
  while (st->mkeys[i]) {
    if (st->mkeys[i] == key) return st->mvals[i];
    i = (i + 1) & (uint32_t)(st->mcap - 1);
  }
  return NULL;
}

int wf_ste_flags(wf_ste *ste, const char *name) { return wf_smap_get(&ste->symbols, name, 0); }
int wf_ste_scope(wf_ste *ste, const char *name) { return (wf_smap_get(&ste->symbols, name, 0) >> SCOPE_OFFSET) & 7; }

static void enter_block(V *v, const char *name, int type, const void *key, const wf_node *n) {
  wf_symtable *st = v->st;
  wf_ste *ste = wf_arena_alloc(A, sizeof *ste);
  ste->type = type;
  ste->name = name;
  ste->key = key;
  if (n) {
    ste->lineno = n->lineno;
    ste->col = n->col_offset;
    ste->end_lineno = n->end_lineno;
    ste->end_col = n->end_col_offset;
  }
  wf_ste *prev = st->cur;
  if (prev) {
    ste->comp_iter_expr = prev->comp_iter_expr;
    if (prev->nested || prev->type == ST_FUNCTION) ste->nested = 1;
    if (prev->nchildren == prev->cchildren) {
      int nc = prev->cchildren ? prev->cchildren * 2 : 4;
      wf_ste **c = wf_arena_alloc(A, sizeof(void *) * (size_t)nc);
      if (prev->nchildren) memcpy(c, prev->children, sizeof(void *) * (size_t)prev->nchildren);
      prev->children = c;
      prev->cchildren = nc;
    }
    prev->children[prev->nchildren++] = ste;
  }
  ste->private_ = st->private_;
  if (st->nstack == st->cstack) {
    int nc = st->cstack ? st->cstack * 2 : 16;
    wf_ste **s = wf_arena_alloc(A, sizeof(void *) * (size_t)nc);
    if (st->nstack) memcpy(s, st->stack, sizeof(void *) * (size_t)st->nstack);
    st->stack = s;
    st->cstack = nc;
  }
  st->stack[st->nstack++] = ste;
  st->cur = ste;
  if (!st->top) st->top = ste;
  map_put(st, key, ste);
}

static void exit_block(V *v) {
  v->st->nstack--;
  v->st->cur = v->st->nstack ? v->st->stack[v->st->nstack - 1] : NULL;
}

static void add_varname(V *v, wf_ste *ste, const char *name) {
  if (ste->nvarnames == ste->cvarnames) {
    int nc = ste->cvarnames ? ste->cvarnames * 2 : 8;
    const char **x = wf_arena_alloc(A, sizeof(char *) * (size_t)nc);
    if (ste->nvarnames) memcpy(x, ste->varnames, sizeof(char *) * (size_t)ste->nvarnames);
    ste->varnames = x;
    ste->cvarnames = nc;
  }
  ste->varnames[ste->nvarnames++] = name;
}

static int add_def_helper(V *v, const char *name, int flag, wf_ste *ste, const wf_node *loc) {
  const char *mangled = wf_mangle(A, v->st->private_, name);
  int *slot = wf_smap_slot(A, &ste->symbols, mangled, 0);
  int val = *slot;
  if ((flag & DEF_PARAM) && (val & DEF_PARAM))
    return ERR(loc, "duplicate argument '%s' in function definition", name);
  val |= flag;
  if (ste->comp_iter_target) {
    if (val & (DEF_GLOBAL | DEF_NONLOCAL))
      return ERR(loc, "comprehension inner loop cannot rebind assignment expression target '%s'", name);
    val |= DEF_COMP_ITER;
  }
  *slot = val;
  if (flag & DEF_PARAM) {
    add_varname(v, ste, mangled);
  } else if (flag & DEF_GLOBAL) {
    int *g = wf_smap_slot(A, &v->st->top->symbols, mangled, 0);
    *g |= flag;
  }
  return 0;
}

static int add_def(V *v, const char *name, int flag, const wf_node *loc) {
  return add_def_helper(v, name, flag, v->st->cur, loc);
}

static void record_directive(V *v, const char *name, const wf_node *n) {
  if (v->ndirs == v->cdirs) {
    int nc = v->cdirs ? v->cdirs * 2 : 16;
    dirpos *d = wf_arena_alloc(A, sizeof(dirpos) * (size_t)nc);
    if (v->ndirs) memcpy(d, v->dirs, sizeof(dirpos) * (size_t)v->ndirs);
    v->dirs = d;
    v->cdirs = nc;
  }
  v->dirs[v->ndirs++] = (dirpos){v->st->cur, wf_mangle(A, v->st->private_, name), n->lineno, n->col_offset,
                                 n->end_lineno, n->end_col_offset};
}

static int visit_expr(V *v, wf_node *e);
static int visit_stmt(V *v, wf_node *s);
static int visit_pattern(V *v, wf_node *p);

static int visit_exprs(V *v, wf_seq *s) {
  for (intptr_t i = 0; s && i < s->n; i++)
    if (s->items[i] && visit_expr(v, s->items[i]) < 0) return -1;
  return 0;
}
static int visit_stmts(V *v, wf_seq *s) {
  for (intptr_t i = 0; s && i < s->n; i++)
    if (visit_stmt(v, s->items[i]) < 0) return -1;
  return 0;
}

static int visit_annotation(V *v, wf_node *ann) {
  if (!ann) return 0;
  if (v->st->future_annotations) return 0; /* strings: no names used */
  return visit_expr(v, ann);
}

static int visit_argannotations(V *v, wf_seq *args) {
  for (intptr_t i = 0; args && i < args->n; i++) {
    wf_node *a = args->items[i];
    if (visit_annotation(v, a->v.arg.annotation) < 0) return -1;
  }
  return 0;
}

static int visit_annotations(V *v, wf_node *args, wf_node *returns) {
  if (visit_argannotations(v, args->v.arguments.args) < 0) return -1;
  if (args->v.arguments.vararg && visit_annotation(v, args->v.arguments.vararg->v.arg.annotation) < 0) return -1;
  if (args->v.arguments.kwarg && visit_annotation(v, args->v.arguments.kwarg->v.arg.annotation) < 0) return -1;
  if (visit_argannotations(v, args->v.arguments.posonlyargs) < 0) return -1;
  if (visit_argannotations(v, args->v.arguments.kwonlyargs) < 0) return -1;
  return visit_annotation(v, returns);
}

static int visit_params(V *v, wf_seq *args) {
  for (intptr_t i = 0; args && i < args->n; i++) {
    wf_node *a = args->items[i];
    if (add_def(v, a->v.arg.arg, DEF_PARAM, a) < 0) return -1;
  }
  return 0;
}

static int visit_arguments(V *v, wf_node *a) {
  if (visit_params(v, a->v.arguments.posonlyargs) < 0 || visit_params(v, a->v.arguments.args) < 0 ||
      visit_params(v, a->v.arguments.kwonlyargs) < 0)
    return -1;
  if (a->v.arguments.vararg) {
    if (add_def(v, a->v.arguments.vararg->v.arg.arg, DEF_PARAM, a->v.arguments.vararg) < 0) return -1;
    v->st->cur->varargs = 1;
  }
  if (a->v.arguments.kwarg) {
    if (add_def(v, a->v.arguments.kwarg->v.arg.arg, DEF_PARAM, a->v.arguments.kwarg) < 0) return -1;
    v->st->cur->varkeywords = 1;
  }
  return 0;
}

static int visit_function(V *v, wf_node *s, int async) {
  wf_node *args = s->v.FunctionDef.args;
  if (add_def(v, s->v.FunctionDef.name, DEF_LOCAL, s) < 0) return -1;
  if (visit_exprs(v, args->v.arguments.defaults) < 0 || visit_exprs(v, args->v.arguments.kw_defaults) < 0) return -1;
  if (visit_annotations(v, args, s->v.FunctionDef.returns) < 0) return -1;
  if (visit_exprs(v, s->v.FunctionDef.decorator_list) < 0) return -1;
  enter_block(v, s->v.FunctionDef.name, ST_FUNCTION, s, s);
  if (async) v->st->cur->coroutine = 1;
  if (visit_arguments(v, args) < 0 || visit_stmts(v, s->v.FunctionDef.body) < 0) return -1;
  exit_block(v);
  return 0;
}

static int visit_alias(V *v, wf_node *a) {
  const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
  const char *dot = strchr(name, '.');
  if (dot) name = wf_arena_strndup(A, name, (size_t)(dot - name));
  if (strcmp(name, "*") == 0) {
    if (v->st->cur->type != ST_MODULE) return ERR(a, "import * only allowed at module level");
    return 0;
  }
  return add_def(v, name, DEF_IMPORT, a);
}

static int visit_stmt(V *v, wf_node *s) {
  wf_symtable *st = v->st;
  switch (s->kind) {
  case WF_AST_FunctionDef: return visit_function(v, s, 0);
  case WF_AST_AsyncFunctionDef: return visit_function(v, s, 1);
  case WF_AST_ClassDef: {
    if (add_def(v, s->v.ClassDef.name, DEF_LOCAL, s) < 0) return -1;
    if (visit_exprs(v, s->v.ClassDef.bases) < 0) return -1;
    for (intptr_t i = 0; i < s->v.ClassDef.keywords->n; i++)
      if (visit_expr(v, ((wf_node *)s->v.ClassDef.keywords->items[i])->v.keyword.value) < 0) return -1;
    if (visit_exprs(v, s->v.ClassDef.decorator_list) < 0) return -1;
    enter_block(v, s->v.ClassDef.name, ST_CLASS, s, s);
    const char *tmp = st->private_;
    st->private_ = s->v.ClassDef.name;
    st->cur->private_ = st->private_;
    if (visit_stmts(v, s->v.ClassDef.body) < 0) return -1;
    st->private_ = tmp;
    exit_block(v);
    return 0;
  }
  case WF_AST_Return:
    if (s->v.Return.value) {
      if (visit_expr(v, s->v.Return.value) < 0) return -1;
      st->cur->returns_value = 1;
    }
    return 0;
  case WF_AST_Delete: return visit_exprs(v, s->v.Delete.targets);
  case WF_AST_Assign:
    if (visit_exprs(v, s->v.Assign.targets) < 0) return -1;
    return visit_expr(v, s->v.Assign.value);
  case WF_AST_AnnAssign: {
    wf_node *t = s->v.AnnAssign.target;
    if (t->kind == WF_AST_Name) {
      int cur = wf_smap_get(&st->cur->symbols, wf_mangle(A, st->private_, t->v.Name.id), 0);
      if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->top && s->v.AnnAssign.simple)
        return ERR(s, cur & DEF_GLOBAL ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal",
                   t->v.Name.id);
      if (s->v.AnnAssign.simple) {
        if (add_def(v, t->v.Name.id, DEF_ANNOT | DEF_LOCAL, t) < 0) return -1;
      } else if (s->v.AnnAssign.value) {
        if (add_def(v, t->v.Name.id, DEF_LOCAL, t) < 0) return -1;
      }
    } else if (visit_expr(v, t) < 0) {
      return -1;
    }
    if (visit_annotation(v, s->v.AnnAssign.annotation) < 0) return -1;
    if (s->v.AnnAssign.value && visit_expr(v, s->v.AnnAssign.value) < 0) return -1;
    return 0;
  }
  case WF_AST_AugAssign:
    if (visit_expr(v, s->v.AugAssign.target) < 0) return -1;
    return visit_expr(v, s->v.AugAssign.value);
  case WF_AST_For:
  case WF_AST_AsyncFor:
    if (visit_expr(v, s->v.For.target) < 0 || visit_expr(v, s->v.For.iter) < 0) return -1;
    if (visit_stmts(v, s->v.For.body) < 0) return -1;
    return visit_stmts(v, s->v.For.orelse);
  case WF_AST_While:
    if (visit_expr(v, s->v.While.test) < 0 || visit_stmts(v, s->v.While.body) < 0) return -1;
    return visit_stmts(v, s->v.While.orelse);
  case WF_AST_If:
    if (visit_expr(v, s->v.If.test) < 0 || visit_stmts(v, s->v.If.body) < 0) return -1;
    return visit_stmts(v, s->v.If.orelse);
  case WF_AST_Match:
    if (visit_expr(v, s->v.Match.subject) < 0) return -1;
    for (intptr_t i = 0; i < s->v.Match.cases->n; i++) {
      wf_node *c = s->v.Match.cases->items[i];
      if (visit_pattern(v, c->v.match_case.pattern) < 0) return -1;
      if (c->v.match_case.guard && visit_expr(v, c->v.match_case.guard) < 0) return -1;
      if (visit_stmts(v, c->v.match_case.body) < 0) return -1;
    }
    return 0;
  case WF_AST_Raise:
    if (s->v.Raise.exc && visit_expr(v, s->v.Raise.exc) < 0) return -1;
    if (s->v.Raise.cause && visit_expr(v, s->v.Raise.cause) < 0) return -1;
    return 0;
  case WF_AST_Try:
  case WF_AST_TryStar:
    if (visit_stmts(v, s->v.Try.body) < 0 || visit_stmts(v, s->v.Try.orelse) < 0) return -1;
    for (intptr_t i = 0; i < s->v.Try.handlers->n; i++) {
      wf_node *h = s->v.Try.handlers->items[i];
      if (h->v.ExceptHandler.type && visit_expr(v, h->v.ExceptHandler.type) < 0) return -1;
      if (h->v.ExceptHandler.name && add_def(v, h->v.ExceptHandler.name, DEF_LOCAL, h) < 0) return -1;
      if (visit_stmts(v, h->v.ExceptHandler.body) < 0) return -1;
    }
    return visit_stmts(v, s->v.Try.finalbody);
  case WF_AST_Assert:
    if (visit_expr(v, s->v.Assert.test) < 0) return -1;
    if (s->v.Assert.msg && visit_expr(v, s->v.Assert.msg) < 0) return -1;
    return 0;
  case WF_AST_Import:
    for (intptr_t i = 0; i < s->v.Import.names->n; i++)
      if (visit_alias(v, s->v.Import.names->items[i]) < 0) return -1;
    return 0;
  case WF_AST_ImportFrom:
    for (intptr_t i = 0; i < s->v.ImportFrom.names->n; i++)
      if (visit_alias(v, s->v.ImportFrom.names->items[i]) < 0) return -1;
    return 0;
  case WF_AST_Global:
  case WF_AST_Nonlocal: {
    int g = s->kind == WF_AST_Global;
    wf_seq *names = s->v.Global.names;
    for (intptr_t i = 0; i < names->n; i++) {
      const char *name = names->items[i];
      int cur = wf_smap_get(&st->cur->symbols, wf_mangle(A, st->private_, name), 0);
      if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
        const char *msg;
        if (cur & DEF_PARAM)
          msg = g ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
        else if (cur & DEF_USE)
          msg = g ? "name '%s' is used prior to global declaration" : "name '%s' is used prior to nonlocal declaration";
        else if (cur & DEF_ANNOT)
          msg = g ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
        else
          msg = g ? "name '%s' is assigned to before global declaration"
                  : "name '%s' is assigned to before nonlocal declaration";
        return ERR(s, msg, name);
      }
      if (add_def(v, name, g ? DEF_GLOBAL : DEF_NONLOCAL, s) < 0) return -1;
      record_directive(v, name, s);
    }
    return 0;
  }
  case WF_AST_Expr: return visit_expr(v, s->v.Expr.value);
  case WF_AST_With:
  case WF_AST_AsyncWith:
    for (intptr_t i = 0; i < s->v.With.items->n; i++) {
      wf_node *it = s->v.With.items->items[i];
      if (visit_expr(v, it->v.withitem.context_expr) < 0) return -1;
      if (it->v.withitem.optional_vars && visit_expr(v, it->v.withitem.optional_vars) < 0) return -1;
    }
    return visit_stmts(v, s->v.With.body);
  default: return 0;
  }
}

static int visit_pattern(V *v, wf_node *p) {
  switch (p->kind) {
  case WF_AST_MatchValue: return visit_expr(v, p->v.MatchValue.value);
  case WF_AST_MatchSequence:
  case WF_AST_MatchOr:
    for (intptr_t i = 0; i < p->v.MatchSequence.patterns->n; i++)
      if (visit_pattern(v, p->v.MatchSequence.patterns->items[i]) < 0) return -1;
    return 0;
  case WF_AST_MatchStar:
    if (p->v.MatchStar.name) return add_def(v, p->v.MatchStar.name, DEF_LOCAL, p);
    return 0;
  case WF_AST_MatchMapping:
    if (visit_exprs(v, p->v.MatchMapping.keys) < 0) return -1;
    for (intptr_t i = 0; i < p->v.MatchMapping.patterns->n; i++)
      if (visit_pattern(v, p->v.MatchMapping.patterns->items[i]) < 0) return -1;
    if (p->v.MatchMapping.rest) return add_def(v, p->v.MatchMapping.rest, DEF_LOCAL, p);
    return 0;
  case WF_AST_MatchClass:
    if (visit_expr(v, p->v.MatchClass.cls) < 0) return -1;
    for (intptr_t i = 0; i < p->v.MatchClass.patterns->n; i++)
      if (visit_pattern(v, p->v.MatchClass.patterns->items[i]) < 0) return -1;
    for (intptr_t i = 0; i < p->v.MatchClass.kwd_patterns->n; i++)
      if (visit_pattern(v, p->v.MatchClass.kwd_patterns->items[i]) < 0) return -1;
    return 0;
  case WF_AST_MatchAs:
    if (p->v.MatchAs.pattern && visit_pattern(v, p->v.MatchAs.pattern) < 0) return -1;
    if (p->v.MatchAs.name) return add_def(v, p->v.MatchAs.name, DEF_LOCAL, p);
    return 0;
  default: return 0;
  }
}

static int extend_namedexpr_scope(V *v, wf_node *e) {
  wf_symtable *st = v->st;
  const char *name = e->v.Name.id;
  for (int i = st->nstack - 1; i >= 0; i--) {
    wf_ste *ste = st->stack[i];
    if (ste->comprehension) {
      if (wf_smap_get(&ste->symbols, name, 0) & DEF_COMP_ITER)
        return ERR(e, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
      continue;
    }
    if (ste->type == ST_FUNCTION) {
      int f = wf_smap_get(&ste->symbols, name, 0);
      if (add_def(v, name, (f & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, e) < 0) return -1;
      record_directive(v, name, e);
      return add_def_helper(v, name, DEF_LOCAL, ste, e);
    }
    if (ste->type == ST_MODULE) {
      if (add_def(v, name, DEF_GLOBAL, e) < 0) return -1;
      record_directive(v, name, e);
      return add_def_helper(v, name, DEF_GLOBAL, ste, e);
    }
    if (ste->type == ST_CLASS)
      return ERR(e, "assignment expression within a comprehension cannot be used in a class body");
  }
  return 0;
}

static int handle_comprehension(V *v, wf_node *e, const char *name, int kind, wf_seq *gens, wf_node *elt,
                                wf_node *value) {
  wf_symtable *st = v->st;
  wf_node *outer = gens->items[0];
  st->cur->comp_iter_expr++;
  if (visit_expr(v, outer->v.comprehension.iter) < 0) return -1;
  st->cur->comp_iter_expr--;
  enter_block(v, name, ST_FUNCTION, e, e);
  st->cur->comprehension = kind;
  if (outer->v.comprehension.is_async) st->cur->coroutine = 1;
  if (add_def(v, ".0", DEF_PARAM, e) < 0) return -1;
  st->cur->comp_iter_target = 1;
  if (visit_expr(v, outer->v.comprehension.target) < 0) return -1;
  st->cur->comp_iter_target = 0;
  if (visit_exprs(v, outer->v.comprehension.ifs) < 0) return -1;
  for (intptr_t i = 1; i < gens->n; i++) {
    wf_node *g = gens->items[i];
    st->cur->comp_iter_target = 1;
    if (visit_expr(v, g->v.comprehension.target) < 0) return -1;
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (visit_expr(v, g->v.comprehension.iter) < 0) return -1;
    st->cur->comp_iter_expr--;
    if (visit_exprs(v, g->v.comprehension.ifs) < 0) return -1;
    if (g->v.comprehension.is_async) st->cur->coroutine = 1;
  }
  if (value && visit_expr(v, value) < 0) return -1;
  if (visit_expr(v, elt) < 0) return -1;
  int is_gen = kind == COMP_GENEXP;
  st->cur->generator = is_gen;
  int is_async = st->cur->coroutine && !is_gen;
  exit_block(v);
  if (is_async) st->cur->coroutine = 1;
  return 0;
}

static int raise_if_comprehension(V *v, wf_node *e) {
  int k = v->st->cur->comprehension;
  if (!k) return 0;
  return ERR(e, k == COMP_LISTCOMP  ? "'yield' inside list comprehension"
                : k == COMP_SETCOMP ? "'yield' inside set comprehension"
                : k == COMP_DICTCOMP ? "'yield' inside dict comprehension"
                                     : "'yield' inside generator expression");
}

static int visit_expr(V *v, wf_node *e) {
  wf_symtable *st = v->st;
  switch (e->kind) {
  case WF_AST_NamedExpr:
    if (st->cur->comp_iter_expr > 0)
      return ERR(e, "assignment expression cannot be used in a comprehension iterable expression");
    if (st->cur->comprehension && extend_namedexpr_scope(v, e->v.NamedExpr.target) < 0) return -1;
    if (visit_expr(v, e->v.NamedExpr.value) < 0) return -1;
    return visit_expr(v, e->v.NamedExpr.target);
  case WF_AST_BoolOp: return visit_exprs(v, e->v.BoolOp.values);
  case WF_AST_BinOp:
    if (visit_expr(v, e->v.BinOp.left) < 0) return -1;
    return visit_expr(v, e->v.BinOp.right);
  case WF_AST_UnaryOp: return visit_expr(v, e->v.UnaryOp.operand);
  case WF_AST_Lambda: {
    wf_node *args = e->v.Lambda.args;
    if (visit_exprs(v, args->v.arguments.defaults) < 0 || visit_exprs(v, args->v.arguments.kw_defaults) < 0) return -1;
    enter_block(v, "lambda", ST_FUNCTION, e, e);
    if (visit_arguments(v, args) < 0 || visit_expr(v, e->v.Lambda.body) < 0) return -1;
    exit_block(v);
    return 0;
  }
  case WF_AST_IfExp:
    if (visit_expr(v, e->v.IfExp.test) < 0 || visit_expr(v, e->v.IfExp.body) < 0) return -1;
    return visit_expr(v, e->v.IfExp.orelse);
  case WF_AST_Dict:
    if (visit_exprs(v, e->v.Dict.keys) < 0) return -1;
    return visit_exprs(v, e->v.Dict.values);
  case WF_AST_Set: return visit_exprs(v, e->v.Set.elts);
  case WF_AST_GeneratorExp:
    return handle_comprehension(v, e, "genexpr", COMP_GENEXP, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt,
                                NULL);
  case WF_AST_ListComp:
    return handle_comprehension(v, e, "listcomp", COMP_LISTCOMP, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
  case WF_AST_SetComp:
    return handle_comprehension(v, e, "setcomp", COMP_SETCOMP, e->v.SetComp.generators, e->v.SetComp.elt, NULL);
  case WF_AST_DictComp:
    return handle_comprehension(v, e, "dictcomp", COMP_DICTCOMP, e->v.DictComp.generators, e->v.DictComp.key,
                                e->v.DictComp.value);
  case WF_AST_Yield:
    if (e->v.Yield.value && visit_expr(v, e->v.Yield.value) < 0) return -1;
    st->cur->generator = 1;
    return raise_if_comprehension(v, e);
  case WF_AST_YieldFrom:
    if (visit_expr(v, e->v.YieldFrom.value) < 0) return -1;
    st->cur->generator = 1;
    return raise_if_comprehension(v, e);
  case WF_AST_Await:
    if (visit_expr(v, e->v.Await.value) < 0) return -1;
    st->cur->coroutine = 1;
    return 0;
  case WF_AST_Compare:
    if (visit_expr(v, e->v.Compare.left) < 0) return -1;
    return visit_exprs(v, e->v.Compare.comparators);
  case WF_AST_Call:
    if (visit_expr(v, e->v.Call.func) < 0 || visit_exprs(v, e->v.Call.args) < 0) return -1;
    for (intptr_t i = 0; i < e->v.Call.keywords->n; i++)
      if (visit_expr(v, ((wf_node *)e->v.Call.keywords->items[i])->v.keyword.value) < 0) return -1;
    return 0;
  case WF_AST_FormattedValue:
    if (visit_expr(v, e->v.FormattedValue.value) < 0) return -1;
    if (e->v.FormattedValue.format_spec) return visit_expr(v, e->v.FormattedValue.format_spec);
    return 0;
  case WF_AST_JoinedStr: return visit_exprs(v, e->v.JoinedStr.values);
  case WF_AST_Attribute: return visit_expr(v, e->v.Attribute.value);
  case WF_AST_Subscript:
    if (visit_expr(v, e->v.Subscript.value) < 0) return -1;
    return visit_expr(v, e->v.Subscript.slice);
  case WF_AST_Starred: return visit_expr(v, e->v.Starred.value);
  case WF_AST_Slice:
    if (e->v.Slice.lower && visit_expr(v, e->v.Slice.lower) < 0) return -1;
    if (e->v.Slice.upper && visit_expr(v, e->v.Slice.upper) < 0) return -1;
    if (e->v.Slice.step && visit_expr(v, e->v.Slice.step) < 0) return -1;
    return 0;
  case WF_AST_Name:
    if (add_def(v, e->v.Name.id, e->v.Name.ctx == WF_AST_Load ? DEF_USE : DEF_LOCAL, e) < 0) return -1;
    if (e->v.Name.ctx == WF_AST_Load && st->cur->type == ST_FUNCTION && strcmp(e->v.Name.id, "super") == 0)
      return add_def(v, "__class__", DEF_USE, e);
    return 0;
  case WF_AST_List:
  case WF_AST_Tuple: return visit_exprs(v, e->v.List.elts);
  default: return 0;
  }
}

/* ---- analysis ---- */

static int error_at_directive(V *v, wf_ste *ste, const char *name, const char *fmt) {
  for (int i = 0; i < v->ndirs; i++) {
    dirpos *d = &v->dirs[i];
    if (d->ste == ste && strcmp(d->name, name) == 0)
      return wf_cc_error(v->cc, d->l, d->c, d->el, d->ec, fmt, name);
  }
  return wf_cc_error(v->cc, ste->lineno, ste->col, ste->end_lineno, ste->end_col, fmt, name);
}

static int analyze_name(V *v, wf_ste *ste, wf_smap *scopes, const char *name, int flags, wf_smap *bound,
                        wf_smap *local, wf_smap *free, wf_smap *global) {
  wf_arena *a = A;
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) return error_at_directive(v, ste, name, "name '%s' is nonlocal and global");
    *wf_smap_slot(a, scopes, name, 0) = SC_GLOBAL_EXPLICIT;
    set_add(a, global, name);
    if (bound) set_discard(a, bound, name);
    return 0;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) return error_at_directive(v, ste, name, "nonlocal declaration not allowed at module level");
    if (!set_has(bound, name)) return error_at_directive(v, ste, name, "no binding for nonlocal '%s' found");
    *wf_smap_slot(a, scopes, name, 0) = SC_FREE;
    ste->free = 1;
    set_add(a, free, name);
    return 0;
  }
  if (flags & DEF_BOUND) {
    *wf_smap_slot(a, scopes, name, 0) = SC_LOCAL;
    set_add(a, local, name);
    set_discard(a, global, name);
    return 0;
  }
  if (bound && set_has(bound, name)) {
    *wf_smap_slot(a, scopes, name, 0) = SC_FREE;
    ste->free = 1;
    set_add(a, free, name);
    return 0;
  }
  if (global && set_has(global, name)) {
    *wf_smap_slot(a, scopes, name, 0) = SC_GLOBAL_IMPLICIT;
    return 0;
  }
  if (ste->nested) ste->free = 1;
  *wf_smap_slot(a, scopes, name, 0) = SC_GLOBAL_IMPLICIT;
  return 0;
}

static int analyze_block(V *v, wf_ste *ste, wf_smap *bound, wf_smap *free, wf_smap *global);

static int analyze_child(V *v, wf_ste *child, wf_smap *bound, wf_smap *free, wf_smap *global, wf_smap *child_free) {
  wf_smap tb = set_copy(A, bound), tf = set_copy(A, free), tg = set_copy(A, global);
  if (analyze_block(v, child, &tb, &tf, &tg) < 0) return -1;
  set_update(A, child_free, &tf);
  return 0;
}

static int analyze_block(V *v, wf_ste *ste, wf_smap *bound, wf_smap *free, wf_smap *global) {
  wf_arena *a = A;
  wf_smap local = {0}, scopes = {0}, newglobal = {0}, newfree = {0}, newbound = {0}, allfree = {0};
  if (ste->type == ST_CLASS) {
    set_update(a, &newglobal, global);
    if (bound) set_update(a, &newbound, bound);
  }
  for (int i = 0; i < ste->symbols.n; i++) {
    const char *name = ste->symbols.order[i];
    if (analyze_name(v, ste, &scopes, name, wf_smap_get(&ste->symbols, name, 0), bound, &local, free, global) < 0)
      return -1;
  }
  if (ste->type != ST_CLASS) {
    if (ste->type == ST_FUNCTION) set_update(a, &newbound, &local);
    if (bound) set_update(a, &newbound, bound);
    set_update(a, &newglobal, global);
  } else {
    set_add(a, &newbound, "__class__");
  }
  for (int i = 0; i < ste->nchildren; i++) {
    wf_ste *c = ste->children[i];
    if (analyze_child(v, c, &newbound, &newfree, &newglobal, &allfree) < 0) return -1;
    if (c->free || c->child_free) ste->child_free = 1;
  }
  set_update(a, &newfree, &allfree);
  if (ste->type == ST_FUNCTION) {
    /* analyze_cells */
    for (int i = 0; i < scopes.n; i++) {
      const char *name = scopes.order[i];
      if (wf_smap_get(&scopes, name, 0) != SC_LOCAL) continue;
      if (!set_has(&newfree, name)) continue;
      *wf_smap_slot(a, &scopes, name, 0) = SC_CELL;
      set_discard(a, &newfree, name);
    }
  } else if (ste->type == ST_CLASS) {
    if (set_has(&newfree, "__class__")) {
      set_discard(a, &newfree, "__class__");
      ste->needs_class_closure = 1;
    }
  }
  /* update_symbols */
  for (int i = 0; i < ste->symbols.n; i++) {
    const char *name = ste->symbols.order[i];
    int *slot = wf_smap_slot(a, &ste->symbols, name, 0);
    *slot |= wf_smap_get(&scopes, name, 0) << SCOPE_OFFSET;
  }
  for (int i = 0; i < newfree.n; i++) {
    const char *name = newfree.order[i];
    if (!set_has(&newfree, name)) continue;
    int f = wf_smap_get(&ste->symbols, name, -1);
    if (f != -1) {
      if (ste->type == ST_CLASS && (f & (DEF_BOUND | DEF_GLOBAL)))
        *wf_smap_slot(a, &ste->symbols, name, 0) = f | DEF_FREE_CLASS;
      continue;
    }
    if (bound && !set_has(bound, name)) continue;
    *wf_smap_slot(a, &ste->symbols, name, 0) = SC_FREE << SCOPE_OFFSET;
  }
  set_update(a, free, &newfree);
  return 0;
}

int wf_symtable_build(wf_symtable *st, wf_node *mod, wf_cc *cc) {
  V vv = {.st = st, .cc = cc};
  V *v = &vv;
  st->future_annotations = cc->future_annotations;
  enter_block(v, "top", ST_MODULE, mod, NULL);
  int r = 0;
  if (mod->kind == WF_AST_Module)
    r = visit_stmts(v, mod->v.Module.body);
  else if (mod->kind == WF_AST_Interactive)
    r = visit_stmts(v, mod->v.Interactive.body);
  else if (mod->kind == WF_AST_Expression)
    r = visit_expr(v, mod->v.Expression.body);
  if (r < 0) return -1;
  exit_block(v);
  wf_smap free = {0}, global = {0};
  return analyze_block(v, st->top, NULL, &free, &global);
}
