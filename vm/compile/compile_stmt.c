/* Code generation for statements: assignments, control flow, try/except/
 * finally, except*, with, imports, classes (CPython 3.11's sequences and
 * exception-table blocks). */
#include <string.h>

#include "compile_internal.h"
#include "errors.h"
#include "int.h"
#include "protocol.h"
#include "str.h"
#include "tuple.h"

int wf_cg_binop(wf_cc *cc, int op, int inplace);

int wf_cg_stmts(wf_cc *cc, wf_seq *s) {
  for (intptr_t i = 0; s && i < s->n; i++) TRY(wf_cg_stmt(cc, s->items[i]));
  return 0;
}

int wf_cg_call_exit_with_nones(wf_cc *cc) {
  TRY(wf_cg_load_none(cc));
  TRY(wf_cg_load_none(cc));
  TRY(wf_cg_load_none(cc));
  return wf_cg_op(cc, WF_OP_CALL, 2);
}

static int pop_except_and_reraise(wf_cc *cc) {
  TRY(wf_cg_op(cc, WF_OP_COPY, 3));
  TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
  return wf_cg_op(cc, WF_OP_RERAISE, 1);
}

/* ---- unwinding for return / break / continue ---- */

static int unwind_fblock(wf_cc *cc, wf_fblock *fb, int preserve_tos) {
  switch (fb->type) {
  case FB_WHILE:
  case FB_EXCEPTION_HANDLER:
  case FB_EXCEPTION_GROUP_HANDLER:
  case FB_ASYNC_COMP_GEN: return 0;
  case FB_FOR:
    if (preserve_tos) TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  case FB_TRY_EXCEPT: return wf_cg_op(cc, P_POP_BLOCK, 0);
  case FB_FINALLY_TRY:
    TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
    if (preserve_tos) TRY(wf_cg_push_fblock(cc, FB_POP_VALUE, NULL, NULL, NULL));
    TRY(wf_cg_stmts(cc, (wf_seq *)fb->datum));
    if (preserve_tos) wf_cg_pop_fblock(cc);
    return 0;
  case FB_FINALLY_END:
    if (preserve_tos) TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    if (preserve_tos) TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
    return wf_cg_op(cc, WF_OP_POP_EXCEPT, 0);
  case FB_WITH:
  case FB_ASYNC_WITH:
    wf_cg_setloc(cc, fb->datum);
    TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
    if (preserve_tos) TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    TRY(wf_cg_call_exit_with_nones(cc));
    if (fb->type == FB_ASYNC_WITH) {
      TRY(wf_cg_op(cc, WF_OP_GET_AWAITABLE, 2));
      TRY(wf_cg_load_none(cc));
      TRY(wf_cg_add_yield_from(cc, 1));
    }
    TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    wf_cg_unsetloc(cc);
    return 0;
  case FB_HANDLER_CLEANUP:
    if (fb->datum) TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
    if (preserve_tos) TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
    TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
    if (fb->datum) {
      TRY(wf_cg_load_none(cc));
      TRY(wf_cg_nameop(cc, fb->datum, WF_AST_Store));
      TRY(wf_cg_nameop(cc, fb->datum, WF_AST_Del));
    }
    return 0;
  case FB_POP_VALUE:
    if (preserve_tos) TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  }
  return 0;
}

int wf_cg_unwind_fblock_stack(wf_cc *cc, int preserve_tos, wf_fblock **loop) {
  wf_unit *u = cc->u;
  if (u->nfb == 0) return 0;
  wf_fblock *top = &u->fb[u->nfb - 1];
  if (top->type == FB_EXCEPTION_GROUP_HANDLER)
    return wf_cg_error(cc, "'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top->type == FB_WHILE || top->type == FB_FOR)) {
    *loop = top;
    return 0;
  }
  wf_fblock copy = *top;
  u->nfb--;
  TRY(unwind_fblock(cc, &copy, preserve_tos));
  TRY(wf_cg_unwind_fblock_stack(cc, preserve_tos, loop));
  u->fb[u->nfb++] = copy;
  return 0;
}

static int cg_return(wf_cc *cc, wf_node *s) {
  wf_node *v = s->v.Return.value;
  int preserve_tos = v && v->kind != WF_AST_Constant;
  wf_unit *u = cc->u;
  if (u->ste->type != ST_FUNCTION) return wf_cg_error(cc, "'return' outside function");
  if (v && u->ste->coroutine && u->ste->generator) return wf_cg_error(cc, "'return' with value in async generator");
  if (preserve_tos) {
    TRY(wf_cg_expr(cc, v));
  } else if (v) {
    wf_cg_setloc(cc, v);
    TRY(wf_cg_op(cc, WF_OP_NOP, 0));
  }
  if (!v || v->lineno != s->lineno) {
    wf_cg_setloc(cc, s);
    TRY(wf_cg_op(cc, WF_OP_NOP, 0));
  }
  TRY(wf_cg_unwind_fblock_stack(cc, preserve_tos, NULL));
  if (!v) {
    TRY(wf_cg_load_none(cc));
  } else if (!preserve_tos) {
    PyObject *o = wf_cg_constant(cc, v->v.Constant.value);
    if (!o) return -1;
    TRY(wf_cg_load_const(cc, o));
  }
  TRY(wf_cg_op(cc, WF_OP_RETURN_VALUE, 0));
  wf_cg_next(cc);
  return 0;
}

static int cg_break_continue(wf_cc *cc, int is_break) {
  wf_fblock *loop = NULL;
  TRY(wf_cg_unwind_fblock_stack(cc, 0, &loop));
  if (!loop) return wf_cg_error(cc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
  if (is_break) {
    TRY(unwind_fblock(cc, loop, 0));
    TRY(wf_cg_jump(cc, P_JUMP, loop->exit));
  } else {
    TRY(wf_cg_jump(cc, P_JUMP, loop->block));
  }
  wf_cg_next(cc);
  return 0;
}

/* ---- loops and conditionals ---- */

static int cg_for(wf_cc *cc, wf_node *s) {
  wf_blk *start = wf_cg_newblk(cc), *body = wf_cg_newblk(cc), *cleanup = wf_cg_newblk(cc), *end = wf_cg_newblk(cc);
  TRY(wf_cg_push_fblock(cc, FB_FOR, start, end, NULL));
  TRY(wf_cg_expr(cc, s->v.For.iter));
  TRY(wf_cg_op(cc, WF_OP_GET_ITER, 0));
  wf_cg_use(cc, start);
  TRY(wf_cg_jump(cc, WF_OP_FOR_ITER, cleanup));
  wf_cg_use(cc, body);
  TRY(wf_cg_expr(cc, s->v.For.target));
  TRY(wf_cg_stmts(cc, s->v.For.body));
  wf_cg_unsetloc(cc);
  TRY(wf_cg_jump(cc, P_JUMP, start));
  wf_cg_use(cc, cleanup);
  wf_cg_pop_fblock(cc);
  TRY(wf_cg_stmts(cc, s->v.For.orelse));
  wf_cg_use(cc, end);
  return 0;
}

static int cg_async_for(wf_cc *cc, wf_node *s) {
  if (cc->u->scope != U_ASYNC_FUNCTION) return wf_cg_error(cc, "'async for' outside async function");
  wf_blk *start = wf_cg_newblk(cc), *except = wf_cg_newblk(cc), *end = wf_cg_newblk(cc);
  TRY(wf_cg_expr(cc, s->v.AsyncFor.iter));
  TRY(wf_cg_op(cc, WF_OP_GET_AITER, 0));
  wf_cg_use(cc, start);
  TRY(wf_cg_push_fblock(cc, FB_FOR, start, end, NULL));
  TRY(wf_cg_jump(cc, P_SETUP_FINALLY, except));
  TRY(wf_cg_op(cc, WF_OP_GET_ANEXT, 0));
  TRY(wf_cg_load_none(cc));
  TRY(wf_cg_add_yield_from(cc, 1));
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_expr(cc, s->v.AsyncFor.target));
  TRY(wf_cg_stmts(cc, s->v.AsyncFor.body));
  TRY(wf_cg_jump(cc, P_JUMP, start));
  wf_cg_pop_fblock(cc);
  wf_cg_use(cc, except);
  wf_cg_unsetloc(cc);
  TRY(wf_cg_op(cc, WF_OP_END_ASYNC_FOR, 0));
  TRY(wf_cg_stmts(cc, s->v.AsyncFor.orelse));
  wf_cg_use(cc, end);
  return 0;
}

static int cg_while(wf_cc *cc, wf_node *s) {
  wf_blk *loop = wf_cg_newblk(cc), *body = wf_cg_newblk(cc), *end = wf_cg_newblk(cc), *anchor = wf_cg_newblk(cc);
  wf_cg_use(cc, loop);
  TRY(wf_cg_push_fblock(cc, FB_WHILE, loop, end, NULL));
  TRY(wf_cg_jump_if(cc, s->v.While.test, anchor, 0));
  wf_cg_use(cc, body);
  TRY(wf_cg_stmts(cc, s->v.While.body));
  wf_cg_setloc(cc, s->v.While.test);
  TRY(wf_cg_jump(cc, P_JUMP, loop));
  wf_cg_pop_fblock(cc);
  wf_cg_use(cc, anchor);
  TRY(wf_cg_stmts(cc, s->v.While.orelse));
  wf_cg_use(cc, end);
  return 0;
}

static int cg_if(wf_cc *cc, wf_node *s) {
  wf_blk *end = wf_cg_newblk(cc);
  wf_blk *next = s->v.If.orelse->n ? wf_cg_newblk(cc) : end;
  TRY(wf_cg_jump_if(cc, s->v.If.test, next, 0));
  TRY(wf_cg_stmts(cc, s->v.If.body));
  if (s->v.If.orelse->n) {
    TRY(wf_cg_jump(cc, P_JUMP, end));
    wf_cg_use(cc, next);
    TRY(wf_cg_stmts(cc, s->v.If.orelse));
  }
  wf_cg_use(cc, end);
  return 0;
}

/* ---- try ---- */

static int cg_try_except(wf_cc *cc, wf_node *s) {
  wf_blk *body = wf_cg_newblk(cc), *except = wf_cg_newblk(cc), *end = wf_cg_newblk(cc), *cleanup = wf_cg_newblk(cc);
  TRY(wf_cg_jump(cc, P_SETUP_FINALLY, except));
  wf_cg_use(cc, body);
  TRY(wf_cg_push_fblock(cc, FB_TRY_EXCEPT, body, NULL, NULL));
  TRY(wf_cg_stmts(cc, s->v.Try.body));
  wf_cg_pop_fblock(cc);
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_stmts(cc, s->v.Try.orelse));
  TRY(wf_cg_jump(cc, P_JUMP, end));
  wf_seq *hs = s->v.Try.handlers;
  wf_cg_use(cc, except);
  wf_cg_unsetloc(cc);
  TRY(wf_cg_jump(cc, P_SETUP_CLEANUP, cleanup));
  TRY(wf_cg_op(cc, WF_OP_PUSH_EXC_INFO, 0));
  TRY(wf_cg_push_fblock(cc, FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
  for (intptr_t i = 0; i < hs->n; i++) {
    wf_node *h = hs->items[i];
    wf_cg_setloc(cc, h);
    if (!h->v.ExceptHandler.type && i < hs->n - 1) return wf_cg_error(cc, "default 'except:' must be last");
    wf_blk *next = wf_cg_newblk(cc);
    if (h->v.ExceptHandler.type) {
      TRY(wf_cg_expr(cc, h->v.ExceptHandler.type));
      TRY(wf_cg_op(cc, WF_OP_CHECK_EXC_MATCH, 0));
      TRY(wf_cg_jump(cc, WF_OP_POP_JUMP_IF_FALSE, next));
    }
    const char *name = h->v.ExceptHandler.name;
    if (name) {
      wf_blk *cleanup_end = wf_cg_newblk(cc), *cleanup_body = wf_cg_newblk(cc);
      TRY(wf_cg_nameop(cc, name, WF_AST_Store));
      TRY(wf_cg_jump(cc, P_SETUP_CLEANUP, cleanup_end));
      wf_cg_use(cc, cleanup_body);
      TRY(wf_cg_push_fblock(cc, FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
      TRY(wf_cg_stmts(cc, h->v.ExceptHandler.body));
      wf_cg_pop_fblock(cc);
      wf_cg_unsetloc(cc);
      TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
      TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
      TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
      TRY(wf_cg_load_none(cc));
      TRY(wf_cg_nameop(cc, name, WF_AST_Store));
      TRY(wf_cg_nameop(cc, name, WF_AST_Del));
      TRY(wf_cg_jump(cc, P_JUMP, end));
      wf_cg_use(cc, cleanup_end);
      TRY(wf_cg_load_none(cc));
      TRY(wf_cg_nameop(cc, name, WF_AST_Store));
      TRY(wf_cg_nameop(cc, name, WF_AST_Del));
      TRY(wf_cg_op(cc, WF_OP_RERAISE, 1));
    } else {
      wf_blk *cleanup_body = wf_cg_newblk(cc);
      TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
      wf_cg_use(cc, cleanup_body);
      TRY(wf_cg_push_fblock(cc, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
      TRY(wf_cg_stmts(cc, h->v.ExceptHandler.body));
      wf_cg_pop_fblock(cc);
      wf_cg_unsetloc(cc);
      TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
      TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
      TRY(wf_cg_jump(cc, P_JUMP, end));
    }
    wf_cg_use(cc, next);
  }
  wf_cg_unsetloc(cc);
  wf_cg_pop_fblock(cc);
  TRY(wf_cg_op(cc, WF_OP_RERAISE, 0));
  wf_cg_use(cc, cleanup);
  TRY(pop_except_and_reraise(cc));
  wf_cg_use(cc, end);
  return 0;
}

static int cg_try_star_except(wf_cc *cc, wf_node *s) {
  wf_blk *body = wf_cg_newblk(cc), *except = wf_cg_newblk(cc), *orelse = wf_cg_newblk(cc), *end = wf_cg_newblk(cc),
         *cleanup = wf_cg_newblk(cc), *reraise_star = wf_cg_newblk(cc);
  TRY(wf_cg_jump(cc, P_SETUP_FINALLY, except));
  wf_cg_use(cc, body);
  TRY(wf_cg_push_fblock(cc, FB_TRY_EXCEPT, body, NULL, NULL));
  TRY(wf_cg_stmts(cc, s->v.TryStar.body));
  wf_cg_pop_fblock(cc);
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_jump(cc, P_JUMP, orelse));
  wf_seq *hs = s->v.TryStar.handlers;
  wf_cg_use(cc, except);
  wf_cg_unsetloc(cc);
  TRY(wf_cg_jump(cc, P_SETUP_CLEANUP, cleanup));
  TRY(wf_cg_op(cc, WF_OP_PUSH_EXC_INFO, 0));
  TRY(wf_cg_push_fblock(cc, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, NULL));
  for (intptr_t i = 0; i < hs->n; i++) {
    wf_node *h = hs->items[i];
    wf_cg_setloc(cc, h);
    wf_blk *exc = wf_cg_newblk(cc), *except_with_error = wf_cg_newblk(cc), *no_match = wf_cg_newblk(cc);
    if (i == 0) {
      TRY(wf_cg_op(cc, WF_OP_COPY, 1));
      TRY(wf_cg_op(cc, WF_OP_BUILD_LIST, 0));
      TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    }
    if (h->v.ExceptHandler.type) {
      TRY(wf_cg_expr(cc, h->v.ExceptHandler.type));
      TRY(wf_cg_op(cc, WF_OP_CHECK_EG_MATCH, 0));
      TRY(wf_cg_op(cc, WF_OP_COPY, 1));
      TRY(wf_cg_jump(cc, WF_OP_POP_JUMP_IF_NONE, no_match));
    }
    wf_blk *cleanup_end = wf_cg_newblk(cc), *cleanup_body = wf_cg_newblk(cc);
    const char *name = h->v.ExceptHandler.name;
    if (name) TRY(wf_cg_nameop(cc, name, WF_AST_Store));
    else TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    TRY(wf_cg_jump(cc, P_SETUP_CLEANUP, cleanup_end));
    wf_cg_use(cc, cleanup_body);
    TRY(wf_cg_push_fblock(cc, FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
    TRY(wf_cg_stmts(cc, h->v.ExceptHandler.body));
    wf_cg_pop_fblock(cc);
    TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
    if (name) {
      TRY(wf_cg_load_none(cc));
      TRY(wf_cg_nameop(cc, name, WF_AST_Store));
      TRY(wf_cg_nameop(cc, name, WF_AST_Del));
    }
    TRY(wf_cg_jump(cc, P_JUMP, exc));
    wf_cg_use(cc, cleanup_end);
    if (name) {
      TRY(wf_cg_load_none(cc));
      TRY(wf_cg_nameop(cc, name, WF_AST_Store));
      TRY(wf_cg_nameop(cc, name, WF_AST_Del));
    }
    TRY(wf_cg_op(cc, WF_OP_LIST_APPEND, 3));
    TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    TRY(wf_cg_jump(cc, P_JUMP, except_with_error));
    wf_cg_use(cc, exc);
    TRY(wf_cg_op(cc, WF_OP_NOP, 0));
    TRY(wf_cg_jump(cc, P_JUMP, except_with_error));
    wf_cg_use(cc, no_match);
    TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
    wf_cg_use(cc, except_with_error);
    if (i == hs->n - 1) {
      TRY(wf_cg_op(cc, WF_OP_LIST_APPEND, 1));
      TRY(wf_cg_jump(cc, P_JUMP, reraise_star));
    }
  }
  wf_cg_unsetloc(cc);
  wf_cg_pop_fblock(cc);
  wf_blk *reraise = wf_cg_newblk(cc);
  wf_cg_use(cc, reraise_star);
  TRY(wf_cg_op(cc, WF_OP_PREP_RERAISE_STAR, 0));
  TRY(wf_cg_op(cc, WF_OP_COPY, 1));
  TRY(wf_cg_jump(cc, WF_OP_POP_JUMP_IF_NOT_NONE, reraise));
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
  TRY(wf_cg_jump(cc, P_JUMP, end));
  wf_cg_use(cc, reraise);
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
  TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
  TRY(wf_cg_op(cc, WF_OP_RERAISE, 0));
  wf_cg_use(cc, cleanup);
  TRY(pop_except_and_reraise(cc));
  wf_cg_use(cc, orelse);
  TRY(wf_cg_stmts(cc, s->v.TryStar.orelse));
  wf_cg_use(cc, end);
  return 0;
}

static int cg_try_finally(wf_cc *cc, wf_node *s, int star) {
  wf_blk *body = wf_cg_newblk(cc), *end = wf_cg_newblk(cc), *exit = wf_cg_newblk(cc), *cleanup = wf_cg_newblk(cc);
  TRY(wf_cg_jump(cc, P_SETUP_FINALLY, end));
  wf_cg_use(cc, body);
  TRY(wf_cg_push_fblock(cc, FB_FINALLY_TRY, body, end, s->v.Try.finalbody));
  if (s->v.Try.handlers->n) TRY(star ? cg_try_star_except(cc, s) : cg_try_except(cc, s));
  else TRY(wf_cg_stmts(cc, s->v.Try.body));
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  wf_cg_pop_fblock(cc);
  TRY(wf_cg_stmts(cc, s->v.Try.finalbody));
  TRY(wf_cg_jump(cc, P_JUMP, exit));
  wf_cg_use(cc, end);
  wf_cg_unsetloc(cc);
  TRY(wf_cg_jump(cc, P_SETUP_CLEANUP, cleanup));
  TRY(wf_cg_op(cc, WF_OP_PUSH_EXC_INFO, 0));
  TRY(wf_cg_push_fblock(cc, FB_FINALLY_END, end, NULL, NULL));
  TRY(wf_cg_stmts(cc, s->v.Try.finalbody));
  wf_cg_pop_fblock(cc);
  TRY(wf_cg_op(cc, WF_OP_RERAISE, 0));
  wf_cg_use(cc, cleanup);
  TRY(pop_except_and_reraise(cc));
  wf_cg_use(cc, exit);
  return 0;
}

/* ---- with ---- */

static int with_except_finish(wf_cc *cc, wf_blk *cleanup) {
  wf_blk *exit = wf_cg_newblk(cc);
  TRY(wf_cg_jump(cc, WF_OP_POP_JUMP_IF_TRUE, exit));
  TRY(wf_cg_op(cc, WF_OP_RERAISE, 2));
  wf_cg_use(cc, cleanup);
  TRY(pop_except_and_reraise(cc));
  wf_cg_use(cc, exit);
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  TRY(wf_cg_op(cc, WF_OP_POP_EXCEPT, 0));
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  return wf_cg_op(cc, WF_OP_POP_TOP, 0);
}

static int cg_with(wf_cc *cc, wf_node *s, intptr_t pos, int async) {
  if (async && cc->u->scope != U_ASYNC_FUNCTION) return wf_cg_error(cc, "'async with' outside async function");
  wf_node *item = s->v.With.items->items[pos];
  wf_blk *body = wf_cg_newblk(cc), *final = wf_cg_newblk(cc), *exit = wf_cg_newblk(cc), *cleanup = wf_cg_newblk(cc);
  TRY(wf_cg_expr(cc, item->v.withitem.context_expr));
  if (async) {
    TRY(wf_cg_op(cc, WF_OP_BEFORE_ASYNC_WITH, 0));
    TRY(wf_cg_op(cc, WF_OP_GET_AWAITABLE, 1));
    TRY(wf_cg_load_none(cc));
    TRY(wf_cg_add_yield_from(cc, 1));
  } else {
    TRY(wf_cg_op(cc, WF_OP_BEFORE_WITH, 0));
  }
  TRY(wf_cg_jump(cc, P_SETUP_WITH, final));
  wf_cg_use(cc, body);
  TRY(wf_cg_push_fblock(cc, async ? FB_ASYNC_WITH : FB_WITH, body, final, s));
  if (item->v.withitem.optional_vars) TRY(wf_cg_expr(cc, item->v.withitem.optional_vars));
  else TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  pos++;
  if (pos == s->v.With.items->n) TRY(wf_cg_stmts(cc, s->v.With.body));
  else TRY(cg_with(cc, s, pos, async));
  wf_cg_unsetloc(cc);
  TRY(wf_cg_op(cc, P_POP_BLOCK, 0));
  wf_cg_pop_fblock(cc);
  wf_cg_setloc(cc, s);
  TRY(wf_cg_call_exit_with_nones(cc));
  if (async) {
    TRY(wf_cg_op(cc, WF_OP_GET_AWAITABLE, 2));
    TRY(wf_cg_load_none(cc));
    TRY(wf_cg_add_yield_from(cc, 1));
  }
  TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
  TRY(wf_cg_jump(cc, P_JUMP, exit));
  wf_cg_use(cc, final);
  TRY(wf_cg_jump(cc, P_SETUP_CLEANUP, cleanup));
  TRY(wf_cg_op(cc, WF_OP_PUSH_EXC_INFO, 0));
  TRY(wf_cg_op(cc, WF_OP_WITH_EXCEPT_START, 0));
  if (async) {
    TRY(wf_cg_op(cc, WF_OP_GET_AWAITABLE, 2));
    TRY(wf_cg_load_none(cc));
    TRY(wf_cg_add_yield_from(cc, 1));
  }
  TRY(with_except_finish(cc, cleanup));
  wf_cg_use(cc, exit);
  return 0;
}

/* ---- imports ---- */

static int raw_name_index(wf_cc *cc, const char *name) {
  /* IMPORT_FROM of a dotted "import a.b as c" is not mangled */
  const char *save = cc->u->private_;
  cc->u->private_ = NULL;
  int i = wf_cg_name_index(cc, name);
  cc->u->private_ = save;
  return i;
}

static int cg_import(wf_cc *cc, wf_node *s) {
  wf_seq *names = s->v.Import.names;
  for (intptr_t i = 0; i < names->n; i++) {
    wf_node *a = names->items[i];
    wf_cg_setloc(cc, a);
    TRY(wf_cg_load_const(cc, wf_int_from_ssize(0)));
    TRY(wf_cg_load_none(cc));
    TRY(wf_cg_op(cc, WF_OP_IMPORT_NAME, wf_cg_name_index(cc, a->v.alias.name)));
    const char *name = a->v.alias.name;
    const char *dot = strchr(name, '.');
    if (a->v.alias.asname) {
      if (dot) {
        for (;;) {
          const char *pos = dot + 1;
          dot = strchr(pos, '.');
          const char *attr = dot ? wf_arena_strndup(&cc->arena, pos, (size_t)(dot - pos)) : pos;
          TRY(wf_cg_op(cc, WF_OP_IMPORT_FROM, raw_name_index(cc, attr)));
          if (!dot) break;
          TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
          TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
        }
        TRY(wf_cg_nameop(cc, a->v.alias.asname, WF_AST_Store));
        TRY(wf_cg_op(cc, WF_OP_POP_TOP, 0));
      } else {
        TRY(wf_cg_nameop(cc, a->v.alias.asname, WF_AST_Store));
      }
    } else {
      const char *store = dot ? wf_arena_strndup(&cc->arena, name, (size_t)(dot - name)) : name;
      TRY(wf_cg_nameop(cc, store, WF_AST_Store));
    }
  }
  return 0;
}

static int cg_import_from(wf_cc *cc, wf_node *s) {
  wf_seq *names = s->v.ImportFrom.names;
  TRY(wf_cg_load_const(cc, wf_int_from_ssize(s->v.ImportFrom.level)));
  PyObject *t = wf_cc_keep(cc, wf_tuple_new(names->n));
  if (!t) return -1;
  for (intptr_t i = 0; i < names->n; i++) {
    PyObject *nm = wf_cg_ident(cc, ((wf_node *)names->items[i])->v.alias.name);
    if (!nm) return -1;
    WF_TUPLE_INIT(t, i, nm);
  }
  const char *mod = s->v.ImportFrom.module;
  if (mod && strcmp(mod, "__future__") == 0 && s->v.ImportFrom.level == 0 &&
      (cc->nest > 1 || s->lineno > cc->ff_line || (s->lineno == cc->ff_line && s->col_offset > cc->ff_col)))
    return wf_cg_error(cc, "from __future__ imports must occur at the beginning of the file");
  TRY(wf_cg_load_const(cc, t));
  TRY(wf_cg_op(cc, WF_OP_IMPORT_NAME, wf_cg_name_index(cc, mod ? mod : "")));
  for (intptr_t i = 0; i < names->n; i++) {
    wf_node *a = names->items[i];
    if (i == 0 && a->v.alias.name[0] == '*') return wf_cg_op(cc, WF_OP_IMPORT_STAR, 0);
    TRY(wf_cg_op(cc, WF_OP_IMPORT_FROM, wf_cg_name_index(cc, a->v.alias.name)));
    TRY(wf_cg_nameop(cc, a->v.alias.asname ? a->v.alias.asname : a->v.alias.name, WF_AST_Store));
  }
  return wf_cg_op(cc, WF_OP_POP_TOP, 0);
}

/* ---- assignments ---- */

static int cg_augassign(wf_cc *cc, wf_node *s) {
  wf_node *e = s->v.AugAssign.target;
  wf_unit *u = cc->u;
  int l = u->line, el = u->end_line, c = u->col, ec = u->end_col;
  wf_cg_setloc(cc, e);
  switch (e->kind) {
  case WF_AST_Attribute:
    TRY(wf_cg_expr(cc, e->v.Attribute.value));
    TRY(wf_cg_op(cc, WF_OP_COPY, 1));
    TRY(wf_cg_op(cc, WF_OP_LOAD_ATTR, wf_cg_name_index(cc, e->v.Attribute.attr)));
    break;
  case WF_AST_Subscript:
    TRY(wf_cg_expr(cc, e->v.Subscript.value));
    TRY(wf_cg_expr(cc, e->v.Subscript.slice));
    TRY(wf_cg_op(cc, WF_OP_COPY, 2));
    TRY(wf_cg_op(cc, WF_OP_COPY, 2));
    TRY(wf_cg_op(cc, WF_OP_BINARY_SUBSCR, 0));
    break;
  case WF_AST_Name: TRY(wf_cg_nameop(cc, e->v.Name.id, WF_AST_Load)); break;
  default: wf_err_format(&wf_SystemError_type, "invalid node type for augmented assignment"); return -1;
  }
  u->line = l, u->end_line = el, u->col = c, u->end_col = ec;
  TRY(wf_cg_expr(cc, s->v.AugAssign.value));
  TRY(wf_cg_binop(cc, (int)s->v.AugAssign.op, 1));
  wf_cg_setloc(cc, e);
  switch (e->kind) {
  case WF_AST_Attribute:
    TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    return wf_cg_op(cc, WF_OP_STORE_ATTR, wf_cg_name_index(cc, e->v.Attribute.attr));
  case WF_AST_Subscript:
    TRY(wf_cg_op(cc, WF_OP_SWAP, 3));
    TRY(wf_cg_op(cc, WF_OP_SWAP, 2));
    return wf_cg_op(cc, WF_OP_STORE_SUBSCR, 0);
  default:
    if (strcmp(e->v.Name.id, "__debug__") == 0) return wf_cg_error(cc, "cannot assign to __debug__");
    return wf_cg_nameop(cc, e->v.Name.id, WF_AST_Store);
  }
}

static int check_ann_expr(wf_cc *cc, wf_node *e) {
  TRY(wf_cg_expr(cc, e));
  return wf_cg_op(cc, WF_OP_POP_TOP, 0);
}

static int check_ann_subscr(wf_cc *cc, wf_node *e) {
  if (e->kind == WF_AST_Slice) {
    if (e->v.Slice.lower) TRY(check_ann_expr(cc, e->v.Slice.lower));
    if (e->v.Slice.upper) TRY(check_ann_expr(cc, e->v.Slice.upper));
    if (e->v.Slice.step) TRY(check_ann_expr(cc, e->v.Slice.step));
    return 0;
  }
  if (e->kind == WF_AST_Tuple) {
    for (intptr_t i = 0; i < e->v.Tuple.elts->n; i++) TRY(check_ann_subscr(cc, e->v.Tuple.elts->items[i]));
    return 0;
  }
  return check_ann_expr(cc, e);
}

static int cg_annassign(wf_cc *cc, wf_node *s) {
  wf_node *t = s->v.AnnAssign.target;
  if (s->v.AnnAssign.value) {
    TRY(wf_cg_expr(cc, s->v.AnnAssign.value));
    TRY(wf_cg_expr(cc, t));
  }
  int modcls = cc->u->scope == U_MODULE || cc->u->scope == U_CLASS;
  switch (t->kind) {
  case WF_AST_Name:
    if (strcmp(t->v.Name.id, "__debug__") == 0) return wf_cg_error(cc, "cannot assign to __debug__");
    if (s->v.AnnAssign.simple && modcls) {
      if (cc->future_annotations) TRY(wf_cg_annotations_str(cc, s->v.AnnAssign.annotation));
      else TRY(wf_cg_expr(cc, s->v.AnnAssign.annotation));
      TRY(wf_cg_op(cc, WF_OP_LOAD_NAME, wf_cg_name_index(cc, "__annotations__")));
      PyObject *m = wf_cg_ident(cc, wf_cg_mangle(cc, t->v.Name.id));
      if (!m) return -1;
      TRY(wf_cg_load_const(cc, m));
      TRY(wf_cg_op(cc, WF_OP_STORE_SUBSCR, 0));
    }
    break;
  case WF_AST_Attribute:
    if (!s->v.AnnAssign.value) TRY(check_ann_expr(cc, t->v.Attribute.value));
    break;
  case WF_AST_Subscript:
    if (!s->v.AnnAssign.value) {
      TRY(check_ann_expr(cc, t->v.Subscript.value));
      TRY(check_ann_subscr(cc, t->v.Subscript.slice));
    }
    break;
  default: wf_err_format(&wf_SystemError_type, "invalid node type for annotated assignment"); return -1;
  }
  if (!s->v.AnnAssign.simple && !cc->future_annotations && modcls)
    TRY(check_ann_expr(cc, s->v.AnnAssign.annotation));
  return 0;
}

/* ---- classes and bodies ---- */

static int find_ann(wf_seq *stmts) {
  for (intptr_t i = 0; stmts && i < stmts->n; i++) {
    wf_node *s = stmts->items[i];
    switch (s->kind) {
    case WF_AST_AnnAssign: return 1;
    case WF_AST_For:
    case WF_AST_AsyncFor:
      if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse)) return 1;
      break;
    case WF_AST_While:
      if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse)) return 1;
      break;
    case WF_AST_If:
      if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse)) return 1;
      break;
    case WF_AST_With:
    case WF_AST_AsyncWith:
      if (find_ann(s->v.With.body)) return 1;
      break;
    case WF_AST_Try:
    case WF_AST_TryStar:
      for (intptr_t j = 0; j < s->v.Try.handlers->n; j++)
        if (find_ann(((wf_node *)s->v.Try.handlers->items[j])->v.ExceptHandler.body)) return 1;
      if (find_ann(s->v.Try.body) || find_ann(s->v.Try.finalbody) || find_ann(s->v.Try.orelse)) return 1;
      break;
    case WF_AST_Match:
      for (intptr_t j = 0; j < s->v.Match.cases->n; j++)
        if (find_ann(((wf_node *)s->v.Match.cases->items[j])->v.match_case.body)) return 1;
      break;
    default: break;
    }
  }
  return 0;
}

int wf_cg_body(wf_cc *cc, wf_seq *stmts, int module) {
  intptr_t i = 0;
  if (cc->u->scope == U_MODULE && stmts->n) wf_cg_setloc(cc, stmts->items[0]);
  if (find_ann(stmts)) TRY(wf_cg_op(cc, WF_OP_SETUP_ANNOTATIONS, 0));
  if (!stmts->n) return 0;
  wf_node *st = stmts->items[0];
  if (module && st->kind == WF_AST_Expr && st->v.Expr.value->kind == WF_AST_Constant &&
      st->v.Expr.value->v.Constant.value->kind == WF_CONST_STR) {
    i = 1;
    TRY(wf_cg_expr(cc, st->v.Expr.value));
    wf_cg_unsetloc(cc);
    TRY(wf_cg_nameop(cc, "__doc__", WF_AST_Store));
  }
  for (; i < stmts->n; i++) TRY(wf_cg_stmt(cc, stmts->items[i]));
  return 0;
}

int wf_cg_class(wf_cc *cc, wf_node *s) {
  wf_seq *decos = s->v.ClassDef.decorator_list;
  int firstlineno = s->lineno;
  if (decos->n) firstlineno = ((wf_node *)decos->items[0])->lineno;
  TRY(wf_cg_exprs(cc, decos));
  TRY(wf_cg_enter_scope(cc, s->v.ClassDef.name, U_CLASS, s, firstlineno));
  wf_unit *u = cc->u;
  u->private_ = s->v.ClassDef.name;
  wf_cg_setloc(cc, s);
  TRY(wf_cg_nameop(cc, "__name__", WF_AST_Load));
  TRY(wf_cg_nameop(cc, "__module__", WF_AST_Store));
  PyObject *qn = wf_cc_keep(cc, wf_str_from_cstr(u->qualname));
  if (!qn) return -1;
  TRY(wf_cg_load_const(cc, qn));
  TRY(wf_cg_nameop(cc, "__qualname__", WF_AST_Store));
  TRY(wf_cg_body(cc, s->v.ClassDef.body, 1));
  wf_cg_unsetloc(cc);
  if (u->ste->needs_class_closure) {
    TRY(wf_cg_op(cc, WF_OP_LOAD_CLOSURE, wf_smap_get(&u->cellmap, "__class__", 0)));
    TRY(wf_cg_op(cc, WF_OP_COPY, 1));
    TRY(wf_cg_nameop(cc, "__classcell__", WF_AST_Store));
  } else {
    TRY(wf_cg_load_none(cc));
  }
  TRY(wf_cg_op(cc, WF_OP_RETURN_VALUE, 0));
  PyObject *co = wf_cg_assemble(cc, 1);
  if (!co) return -1;
  wf_cg_exit_scope(cc);
  wf_cg_setloc(cc, s);
  TRY(wf_cg_op(cc, WF_OP_PUSH_NULL, 0));
  TRY(wf_cg_op(cc, WF_OP_LOAD_BUILD_CLASS, 0));
  TRY(wf_cg_make_closure(cc, co, 0));
  PyObject *nm = wf_cg_ident(cc, s->v.ClassDef.name);
  if (!nm) return -1;
  TRY(wf_cg_load_const(cc, nm));
  TRY(wf_cg_call_helper(cc, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
  for (intptr_t i = 0; i < decos->n; i++) TRY(wf_cg_op(cc, WF_OP_CALL, 0));
  return wf_cg_nameop(cc, s->v.ClassDef.name, WF_AST_Store);
}

/* ---- the statement switch ---- */

static int cg_stmt1(wf_cc *cc, wf_node *s) {
  switch (s->kind) {
  case WF_AST_FunctionDef: return wf_cg_function(cc, s, 0);
  case WF_AST_AsyncFunctionDef: return wf_cg_function(cc, s, 1);
  case WF_AST_ClassDef: return wf_cg_class(cc, s);
  case WF_AST_Return: return cg_return(cc, s);
  case WF_AST_Delete: return wf_cg_exprs(cc, s->v.Delete.targets);
  case WF_AST_Assign: {
    wf_seq *t = s->v.Assign.targets;
    TRY(wf_cg_expr(cc, s->v.Assign.value));
    for (intptr_t i = 0; i < t->n; i++) {
      if (i < t->n - 1) TRY(wf_cg_op(cc, WF_OP_COPY, 1));
      TRY(wf_cg_expr(cc, t->items[i]));
    }
    return 0;
  }
  case WF_AST_AugAssign: return cg_augassign(cc, s);
  case WF_AST_AnnAssign: return cg_annassign(cc, s);
  case WF_AST_For: return cg_for(cc, s);
  case WF_AST_AsyncFor: return cg_async_for(cc, s);
  case WF_AST_While: return cg_while(cc, s);
  case WF_AST_If: return cg_if(cc, s);
  case WF_AST_With: return cg_with(cc, s, 0, 0);
  case WF_AST_AsyncWith: return cg_with(cc, s, 0, 1);
  case WF_AST_Match: return wf_cg_match(cc, s);
  case WF_AST_Raise: {
    int n = 0;
    if (s->v.Raise.exc) {
      TRY(wf_cg_expr(cc, s->v.Raise.exc));
      n++;
      if (s->v.Raise.cause) {
        TRY(wf_cg_expr(cc, s->v.Raise.cause));
        n++;
      }
    }
    TRY(wf_cg_op(cc, WF_OP_RAISE_VARARGS, n));
    wf_cg_next(cc);
    return 0;
  }
  case WF_AST_Try:
    if (s->v.Try.finalbody->n) return cg_try_finally(cc, s, 0);
    return cg_try_except(cc, s);
  case WF_AST_TryStar:
    if (s->v.TryStar.finalbody->n) return cg_try_finally(cc, s, 1);
    return cg_try_star_except(cc, s);
  case WF_AST_Assert: {
    wf_blk *end = wf_cg_newblk(cc);
    TRY(wf_cg_jump_if(cc, s->v.Assert.test, end, 1));
    TRY(wf_cg_op(cc, WF_OP_LOAD_ASSERTION_ERROR, 0));
    if (s->v.Assert.msg) {
      TRY(wf_cg_expr(cc, s->v.Assert.msg));
      TRY(wf_cg_op(cc, WF_OP_CALL, 0));
    }
    TRY(wf_cg_op(cc, WF_OP_RAISE_VARARGS, 1));
    wf_cg_use(cc, end);
    return 0;
  }
  case WF_AST_Import: return cg_import(cc, s);
  case WF_AST_ImportFrom: return cg_import_from(cc, s);
  case WF_AST_Global:
  case WF_AST_Nonlocal: return 0;
  case WF_AST_Expr: {
    wf_node *v = s->v.Expr.value;
    if (cc->interactive && cc->nest <= 1) {
      TRY(wf_cg_expr(cc, v));
      return wf_cg_op(cc, WF_OP_PRINT_EXPR, 0);
    }
    if (v->kind == WF_AST_Constant) return wf_cg_op(cc, WF_OP_NOP, 0);
    TRY(wf_cg_expr(cc, v));
    wf_cg_unsetloc(cc);
    return wf_cg_op(cc, WF_OP_POP_TOP, 0);
  }
  case WF_AST_Pass: return wf_cg_op(cc, WF_OP_NOP, 0);
  case WF_AST_Break: return cg_break_continue(cc, 1);
  case WF_AST_Continue: return cg_break_continue(cc, 0);
  default:
    wf_err_format(&wf_SystemError_type, "compiler: unexpected statement kind %s", wf_ast_kinds[s->kind].name);
    return -1;
  }
}

int wf_cg_stmt(wf_cc *cc, wf_node *s) {
  wf_cg_setloc(cc, s);
  return cg_stmt1(cc, s);
}
