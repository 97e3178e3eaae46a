/* Code generation for the match statement (PEP 634), as CPython 3.11:
 * each pattern leaves captured values on the stack, failing jumps go to
 * "fail_pop" blocks that pop what the pattern had pushed so far. */
#include <string.h>

#include "compile_internal.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

typedef struct pctx {
  const char **stores;
  int nstores, cstores;
  int allow_irrefutable;
  wf_blk **fail_pop;
  int fail_pop_size;
  int on_top;
} pctx;

#define WILDCARD(p) ((p)->kind == WF_AST_MatchAs && !(p)->v.MatchAs.pattern && !(p)->v.MatchAs.name)
#define WILDCARD_STAR(p) ((p)->kind == WF_AST_MatchStar && !(p)->v.MatchStar.name)

static int pattern(wf_cc *cc, wf_node *p, pctx *pc);

static void stores_append(wf_cc *cc, pctx *pc, const char *name) {
  if (pc->nstores == pc->cstores) {
    int nc = pc->cstores ? pc->cstores * 2 : 8;
    const char **x = wf_arena_alloc(&cc->arena, sizeof(char *) * (size_t)nc);
    if (pc->nstores) memcpy(x, pc->stores, sizeof(char *) * (size_t)pc->nstores);
    pc->stores = x;
    pc->cstores = nc;
  }
  pc->stores[pc->nstores++] = name;
}

static int stores_index(pctx *pc, const char *name) {
  for (int i = 0; i < pc->nstores; i++)
    if (strcmp(pc->stores[i], name) == 0) return i;
  return -1;
}

static int ensure_fail_pop(wf_cc *cc, pctx *pc, int n) {
  int size = n + 1;
  if (size <= pc->fail_pop_size) return 0;
  wf_blk **x = wf_arena_alloc(&cc->arena, sizeof(void *) * (size_t)size);
  if (pc->fail_pop_size) memcpy(x, pc->fail_pop, sizeof(void *) * (size_t)pc->fail_pop_size);
  while (pc->fail_pop_size < size) x[pc->fail_pop_size++] = wf_cg_newblk(cc);
  pc->fail_pop = x;
  return 0;
}

static int jump_to_fail_pop(wf_cc *cc, pctx *pc, int op) {
  int pops = pc->on_top + pc->nstores;
  TRY(ensure_fail_pop(cc, pc, pops));
  return wf_cg_jump(cc, op, pc->fail_pop[pops]);
}

static int emit_and_reset_fail_pop(wf_cc *cc, pctx *pc) {
  if (!pc->fail_pop_size) return 0;
  while (--pc->fail_pop_size) {
    wf_cg_use(cc, pc->fail_pop[pc->fail_pop_size]);
    TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  }
  wf_cg_use(cc, pc->fail_pop[0]);
  pc->fail_pop = NULL;
  return 0;
}

static int rotate(wf_cc *cc, int count) {
  while (1 < count) TRY(wf_cg_op(cc, WF_OP_SWAP, count--));
  return 0;
}

static int store_name(wf_cc *cc, const char *n, pctx *pc) {
  if (!n) return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  if (strcmp(n, "__debug__") == 0) return wf_cg_error(cc, "cannot assign to __debug__");
  if (stores_index(pc, n) >= 0) return wf_cg_error(cc, "multiple assignments to name '%s' in pattern", n);
  TRY(rotate(cc, pc->on_top + pc->nstores + 1));
  stores_append(cc, pc, n);
  return 0;
}

static int subpattern(wf_cc *cc, wf_node *p, pctx *pc) {
  int allow = pc->allow_irrefutable;
  pc->allow_irrefutable = 1;
  TRY(pattern(cc, p, pc));
  pc->allow_irrefutable = allow;
  return 0;
}

static int load_int(wf_cc *cc, Py_ssize_t v) { return wf_cg_load_const(cc, wf_int_from_ssize(v)); }

static int pattern_sequence(wf_cc *cc, wf_node *p, pctx *pc) {
  wf_seq *pats = p->v.MatchSequence.patterns;
  intptr_t size = pats->n, star = -1;
  int only_wildcard = 1, star_wildcard = 0;
  for (intptr_t i = 0; i < size; i++) {
    wf_node *q = pats->items[i];
    if (q->kind == WF_AST_MatchStar) {
      if (star >= 0) return wf_cg_error(cc, "multiple starred names in sequence pattern");
      star_wildcard = WILDCARD_STAR(q);
      only_wildcard &= star_wildcard;
      star = i;
      continue;
    }
    only_wildcard &= WILDCARD(q);
  }
  pc->on_top++;
  TRY(wf_cg_op(cc, WF_OP_MATCH_SEQUENCE, 0));
  TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE));
  if (star < 0) {
    TRY(wf_cg_op(cc, WF_OP_GET_LEN, 0));
    TRY(load_int(cc, size));
    TRY(wf_cg_op(cc, WF_OP_COMPARE_OP, Py_EQ));
    TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE));
  } else if (size - 1) {
    TRY(wf_cg_op(cc, WF_OP_GET_LEN, 0));
    TRY(load_int(cc, size - 1));
    TRY(wf_cg_op(cc, WF_OP_COMPARE_OP, Py_GE));
    TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE));
  }
  pc->on_top--;
  if (only_wildcard) return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  if (star_wildcard) {
    pc->on_top++;
    for (intptr_t i = 0; i < size; i++) {
      wf_node *q = pats->items[i];
      if (WILDCARD(q) || i == star) continue;
      TRY(wf_cg_op(cc, WF_OP_COPY, 1));
      if (i < star) {
        TRY(load_int(cc, i));
      } else {
        TRY(wf_cg_op(cc, WF_OP_GET_LEN, 0));
        TRY(load_int(cc, size - i));
        TRY(wf_cg_op(cc, WF_OP_BINARY_OP, WF_BINOP_SUB));
      }
      TRY(wf_cg_op(cc, WF_OP_BINARY_SUBSCR, 0));
      TRY(subpattern(cc, q, pc));
    }
    pc->on_top--;
    return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  }
  /* unpack */
  if (star >= 0) {
    if (star >= (1 << 8) || size - star - 1 >= (1 << 16))
      return wf_cg_error(cc, "too many expressions in star-unpacking sequence pattern");
    TRY(wf_cg_op(cc, WF_OP_UNPACK_EX, (int)(star + ((size - star - 1) << 8))));
  } else {
    TRY(wf_cg_op(cc, WF_OP_UNPACK_SEQUENCE, (int)size));
  }
  pc->on_top += (int)size;
  for (intptr_t i = 0; i < size; i++) {
    pc->on_top--;
    TRY(subpattern(cc, pats->items[i], pc));
  }
  return 0;
}

static int const_equal(const wf_const *a, const wf_const *b) {
  if (a->kind != b->kind) {
    /* 1 == 1.0 == True as dict keys */
    return 0;
  }
  switch (a->kind) {
  case WF_CONST_INT:
    if (a->big || b->big) return a->big && b->big && a->base == b->base && strcmp(a->big, b->big) == 0;
    return a->i == b->i;
  case WF_CONST_FLOAT:
  case WF_CONST_COMPLEX: return a->f == b->f;
  case WF_CONST_STR:
  case WF_CONST_BYTES: return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
  case WF_CONST_OBJECT: return wf_object_richcompare_bool(a->obj, b->obj, Py_EQ) == 1;
  default: return 1;
  }
}

static int pattern_mapping(wf_cc *cc, wf_node *p, pctx *pc) {
  wf_seq *keys = p->v.MatchMapping.keys, *pats = p->v.MatchMapping.patterns;
  intptr_t size = keys->n;
  const char *star_target = p->v.MatchMapping.rest;
  pc->on_top++;
  TRY(wf_cg_op(cc, WF_OP_MATCH_MAPPING, 0));
  TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE));
  if (!size && !star_target) {
    pc->on_top--;
    return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  }
  if (size) {
    TRY(wf_cg_op(cc, WF_OP_GET_LEN, 0));
    TRY(load_int(cc, size));
    TRY(wf_cg_op(cc, WF_OP_COMPARE_OP, Py_GE));
    TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE));
  }
  for (intptr_t i = 0; i < size; i++) {
    wf_node *k = keys->items[i];
    if (k->kind == WF_AST_Constant) {
      for (intptr_t j = 0; j < i; j++) {
        wf_node *o = keys->items[j];
        if (o->kind == WF_AST_Constant && const_equal(o->v.Constant.value, k->v.Constant.value)) {
          PyObject *v = wf_cg_constant(cc, k->v.Constant.value);
          PyObject *r = v ? wf_object_repr(v) : NULL;
          if (!r) return -1;
          return wf_cg_error(cc, "mapping pattern checks duplicate key (%s)", wf_str_as_utf8(r, NULL));
        }
      }
    } else if (k->kind != WF_AST_Attribute && k->kind != WF_AST_UnaryOp && k->kind != WF_AST_BinOp) {
      return wf_cg_error(cc, "mapping pattern keys may only match literals and attribute lookups");
    }
    TRY(wf_cg_expr(cc, k));
  }
  TRY(wf_cg_op(cc, WF_OP_BUILD_TUPLE, (int)size));
  TRY(wf_cg_op(cc, WF_OP_MATCH_KEYS, 0));
  pc->on_top += 2;
  TRY(wf_cg_op(cc, WF_OP_COPY, 1));
  TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_NONE));
  TRY(wf_cg_op(cc, WF_OP_UNPACK_SEQUENCE, (int)size));
  pc->on_top += (int)size - 1;
  for (intptr_t i = 0; i < size; i++) {
    pc->on_top--;
    TRY(subpattern(cc, pats->items[i], pc));
  }
  pc->on_top -= 2;
  if (star_target) {
    TRY(wf_cg_op(cc, WF_OP_BUILD_MAP, 0));
    TRY(wf_cg_op(cc, WF_OP_SWAP, 3));
    TRY(wf_cg_op(cc, WF_OP_DICT_UPDATE, 2));
    TRY(wf_cg_op(cc, WF_OP_UNPACK_SEQUENCE, (int)size));
    while (size) {
      TRY(wf_cg_op(cc, WF_OP_COPY, (int)(1 + size--)));
      TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
      TRY(wf_cg_op(cc, WF_OP_DELETE_SUBSCR, 0));
    }
    return store_name(cc, star_target, pc);
  }
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  return wf_cg_op(cc, WF_OP_POP_TOP, 0);
}

static int pattern_class(wf_cc *cc, wf_node *p, pctx *pc) {
  wf_seq *pats = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs, *kpats = p->v.MatchClass.kwd_patterns;
  intptr_t nargs = pats->n, nattrs = attrs->n;
  for (intptr_t i = 0; i < nattrs; i++) {
    const char *a = attrs->items[i];
    if (strcmp(a, "__debug__") == 0) {
      wf_cg_setloc(cc, kpats->items[i]);
      return wf_cg_error(cc, "cannot assign to __debug__");
    }
    for (intptr_t j = i + 1; j < nattrs; j++)
      if (strcmp(a, attrs->items[j]) == 0) {
        wf_cg_setloc(cc, kpats->items[j]);
        return wf_cg_error(cc, "attribute name repeated in class pattern: %s", a);
      }
  }
  wf_cg_setloc(cc, p);
  TRY(wf_cg_expr(cc, p->v.MatchClass.cls));
  PyObject *names = wf_cc_keep(cc, wf_tuple_new(nattrs));
  if (!names) return -1;
  for (intptr_t i = 0; i < nattrs; i++) {
    PyObject *s = wf_cg_ident(cc, attrs->items[i]);
    if (!s) return -1;
    WF_TUPLE_INIT(names, i, s);
  }
  TRY(wf_cg_load_const(cc, names));
  TRY(wf_cg_op(cc, WF_OP_MATCH_CLASS, (int)nargs));
  TRY(wf_cg_op(cc, WF_OP_COPY, 1));
  TRY(wf_cg_load_none(cc));
  TRY(wf_cg_op(cc, WF_OP_IS_OP, 1));
  pc->on_top++;
  TRY(jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE));
  TRY(wf_cg_op(cc, WF_OP_UNPACK_SEQUENCE, (int)(nargs + nattrs)));
  pc->on_top += (int)(nargs + nattrs) - 1;
  for (intptr_t i = 0; i < nargs + nattrs; i++) {
    pc->on_top--;
    wf_node *q = i < nargs ? pats->items[i] : kpats->items[i - nargs];
    if (WILDCARD(q)) {
      TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
      continue;
    }
    TRY(subpattern(cc, q, pc));
  }
  return 0;
}

static int pattern_or(wf_cc *cc, wf_node *p, pctx *pc) {
  wf_blk *end = wf_cg_newblk(cc);
  wf_seq *alts = p->v.MatchOr.patterns;
  pctx old = *pc;
  const char **control = NULL;
  int ncontrol = 0;
  for (intptr_t i = 0; i < alts->n; i++) {
    wf_node *alt = alts->items[i];
    wf_cg_setloc(cc, alt);
    pc->stores = NULL;
    pc->nstores = pc->cstores = 0;
    pc->allow_irrefutable = (i == alts->n - 1) && old.allow_irrefutable;
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    pc->on_top = 0;
    TRY(wf_cg_op(cc, WF_OP_COPY, 1));
    TRY(pattern(cc, alt, pc));
    int nst = pc->nstores;
    if (!i) {
      control = pc->stores;
      ncontrol = nst;
    } else if (nst != ncontrol) {
      return wf_cg_error(cc, "alternative patterns bind different names");
    } else if (nst) {
      int icontrol = nst;
      while (icontrol--) {
        int istores = stores_index(pc, control[icontrol]);
        if (istores < 0) return wf_cg_error(cc, "alternative patterns bind different names");
        if (icontrol != istores) {
          int rotations = istores + 1;
          /* rotated = stores[:rotations]; del stores[:rotations]; stores[icontrol-istores:icontrol-istores] = rotated */
          const char **tmp = wf_arena_alloc(&cc->arena, sizeof(char *) * (size_t)nst);
          const char **rest = pc->stores + rotations;
          int nrest = nst - rotations, at = icontrol - istores, k = 0;
          for (int j = 0; j < at; j++) tmp[k++] = rest[j];
          for (int j = 0; j < rotations; j++) tmp[k++] = pc->stores[j];
          for (int j = at; j < nrest; j++) tmp[k++] = rest[j];
          memcpy(pc->stores, tmp, sizeof(char *) * (size_t)nst);
          while (rotations--) TRY(rotate(cc, icontrol + 1));
        }
      }
    }
    TRY(wf_cg_jump(cc, P_JUMP, end));
    TRY(emit_and_reset_fail_pop(cc, pc));
  }
  *pc = old;
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  TRY(jump_to_fail_pop(cc, pc, P_JUMP));
  wf_cg_use(cc, end);
  int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
  for (int i = 0; i < ncontrol; i++) {
    TRY(rotate(cc, nrots));
    if (stores_index(pc, control[i]) >= 0)
      return wf_cg_error(cc, "multiple assignments to name '%s' in pattern", control[i]);
    stores_append(cc, pc, control[i]);
  }
  return wf_cg_op(cc, WF_OP_POP_TOP, 0);
}

static int pattern(wf_cc *cc, wf_node *p, pctx *pc) {
  wf_cg_setloc(cc, p);
  switch (p->kind) {
  case WF_AST_MatchValue: {
    wf_node *v = p->v.MatchValue.value;
    if (v->kind != WF_AST_Constant && v->kind != WF_AST_Attribute && v->kind != WF_AST_UnaryOp &&
        v->kind != WF_AST_BinOp)
      return wf_cg_error(cc, "patterns may only match literals and attribute lookups");
    TRY(wf_cg_expr(cc, v));
    TRY(wf_cg_op(cc, WF_OP_COMPARE_OP, Py_EQ));
    return jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE);
  }
  case WF_AST_MatchSingleton: {
    PyObject *o = wf_cg_constant(cc, p->v.MatchSingleton.value);
    if (!o) return -1;
    TRY(wf_cg_load_const(cc, o));
    TRY(wf_cg_op(cc, WF_OP_IS_OP, 0));
    return jump_to_fail_pop(cc, pc, WF_OP_POP_JUMP_IF_FALSE);
  }
  case WF_AST_MatchSequence: return pattern_sequence(cc, p, pc);
  case WF_AST_MatchMapping: return pattern_mapping(cc, p, pc);
  case WF_AST_MatchClass: return pattern_class(cc, p, pc);
  case WF_AST_MatchStar: return store_name(cc, p->v.MatchStar.name, pc);
  case WF_AST_MatchAs:
    if (!p->v.MatchAs.pattern) {
      if (!pc->allow_irrefutable) {
        if (p->v.MatchAs.name)
          return wf_cg_error(cc, "name capture '%s' makes remaining patterns unreachable", p->v.MatchAs.name);
        return wf_cg_error(cc, "wildcard makes remaining patterns unreachable");
      }
      return store_name(cc, p->v.MatchAs.name, pc);
    }
    pc->on_top++;
    TRY(wf_cg_op(cc, WF_OP_COPY, 1));
    TRY(pattern(cc, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(cc, p->v.MatchAs.name, pc);
  case WF_AST_MatchOr: return pattern_or(cc, p, pc);
  default: wf_err_format(&wf_SystemError_type, "compiler: unexpected pattern"); return -1;
  }
}

int wf_cg_match(wf_cc *cc, wf_node *s) {
  TRY(wf_cg_expr(cc, s->v.Match.subject));
  wf_blk *end = wf_cg_newblk(cc);
  wf_seq *cases = s->v.Match.cases;
  intptr_t n = cases->n;
  wf_node *m = cases->items[n - 1];
  int has_default = WILDCARD(m->v.match_case.pattern) && 1 < n;
  pctx pc;
  for (intptr_t i = 0; i < n - has_default; i++) {
    m = cases->items[i];
    wf_cg_setloc(cc, m->v.match_case.pattern);
    if (i != n - has_default - 1) TRY(wf_cg_op(cc, WF_OP_COPY, 1));
    memset(&pc, 0, sizeof pc);
    pc.allow_irrefutable = m->v.match_case.guard != NULL || i == n - 1;
    TRY(pattern(cc, m->v.match_case.pattern, &pc));
    for (int k = 0; k < pc.nstores; k++) TRY(wf_cg_nameop(cc, pc.stores[k], WF_AST_Store));
    if (m->v.match_case.guard) {
      TRY(ensure_fail_pop(cc, &pc, 0));
      TRY(wf_cg_jump_if(cc, m->v.match_case.guard, pc.fail_pop[0], 0));
    }
    if (i != n - has_default - 1) TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    TRY(wf_cg_stmts(cc, m->v.match_case.body));
    TRY(wf_cg_jump(cc, P_JUMP, end));
    wf_cg_setloc(cc, m->v.match_case.pattern);
    TRY(emit_and_reset_fail_pop(cc, &pc));
  }
  if (has_default) {
    m = cases->items[n - 1];
    wf_cg_setloc(cc, m->v.match_case.pattern);
    if (n == 1) TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    else TRY(wf_cg_op(cc, WF_OP_NOP, 0));
    if (m->v.match_case.guard) TRY(wf_cg_jump_if(cc, m->v.match_case.guard, end, 0));
    TRY(wf_cg_stmts(cc, m->v.match_case.body));
  }
  wf_cg_use(cc, end);
  return 0;
}
