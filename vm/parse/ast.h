/* The AST: python3.11's `ast` node kinds, fields and positions, in an arena.
 *
 * One struct, wf_node, holds every node kind; `kind` selects the member of the
 * union `v` named after the Python class (n->v.BinOp.left).  The table of kinds and
 * fields is ast_nodes.def, generated from python3.11's ast module.  Every field is
 * one pointer-sized word (node pointer, list pointer, identifier, constant pointer
 * or integer), so the field at index i of a kind is at byte offset 8*i of `v`; the
 * dumper walks the table with that rule.
 *
 * Singleton kinds (Load, Store, Del, the operators) are never allocated: ENUM
 * fields hold the wf_ast_kind value itself, and cmpop lists hold kinds cast to
 * pointers.  Positions: lineno/end_lineno are 1-based lines, col_offset/
 * end_col_offset are 0-based UTF-8 byte offsets, as in CPython.  Nodes without
 * positions (arguments, comprehension, withitem, match_case, ...) leave them 0. */
#ifndef WF_PARSE_AST_H
#define WF_PARSE_AST_H

#include <stddef.h>
#include <stdint.h>

#include "ast_nodes.def"

typedef enum wf_ast_kind {
  WF_AST_NONE_ = 0,
#define N_(name, cat, attrs, fields) WF_AST_##name,
#define F_(t, n)
  WF_AST_NODES(N_, F_)
#undef N_
#undef F_
      WF_AST_COUNT_
} wf_ast_kind;

/* A list: n items, each a node pointer (or identifier, or cmpop kind). */
typedef struct wf_seq {
  intptr_t n;
  void *items[];
} wf_seq;

typedef enum wf_const_kind {
  WF_CONST_NONE,
  WF_CONST_TRUE,
  WF_CONST_FALSE,
  WF_CONST_ELLIPSIS,
  WF_CONST_INT,     /* i when big == NULL; otherwise the digits in `big` */
  WF_CONST_FLOAT,   /* f */
  WF_CONST_COMPLEX, /* 0 + f*j */
  WF_CONST_STR,     /* UTF-8 (surrogates encoded as 3-byte sequences) in s[0..n) */
  WF_CONST_BYTES,   /* s[0..n) */
  WF_CONST_OBJECT,  /* obj: a value folded by the compiler (never made by the parser) */
} wf_const_kind;

typedef struct wf_const {
  wf_const_kind kind;
  int base; /* WF_CONST_INT with big: 2, 8, 10 or 16 */
  int64_t i;
  double f;
  const char *big; /* WF_CONST_INT too large for int64: digits (no prefix, no '_') */
  const char *s;
  size_t n;
  void *obj; /* WF_CONST_OBJECT: the PyObject, kept alive by the compiler */
} wf_const;

typedef struct wf_node wf_node;
typedef wf_node *wf_ft_NODE, *wf_ft_ONODE;
typedef wf_seq *wf_ft_SEQ, *wf_ft_IDENTS, *wf_ft_ENUMS;
typedef const char *wf_ft_IDENT, *wf_ft_OIDENT, *wf_ft_STR, *wf_ft_OSTR;
typedef wf_const *wf_ft_CONST;
typedef intptr_t wf_ft_INT, wf_ft_ENUM;

struct wf_node {
  uint32_t kind; /* wf_ast_kind */
  int lineno, col_offset, end_lineno, end_col_offset;
  union {
#define N_(name, cat, attrs, fields) \
  struct {                           \
    fields                           \
  } name;
#define F_(t, n) wf_ft_##t n;
    WF_AST_NODES(N_, F_)
#undef N_
#undef F_
  } v;
};

/* Field descriptors, for generic walks (the dumper, tests). */
typedef enum wf_field_type {
  WF_F_NODE,
  WF_F_ONODE,
  WF_F_SEQ,
  WF_F_IDENT,
  WF_F_OIDENT,
  WF_F_IDENTS,
  WF_F_STR,
  WF_F_OSTR,
  WF_F_CONST,
  WF_F_INT,
  WF_F_ENUM,
  WF_F_ENUMS,
} wf_field_type;

typedef struct wf_ast_kind_info {
  const char *name;
  const char *category; /* "expr", "stmt", "operator", ... */
  int has_attributes;   /* lineno, col_offset, end_lineno, end_col_offset */
  int nfields;
  const char *const *field_names;
  const unsigned char *field_types;
} wf_ast_kind_info;

extern const wf_ast_kind_info wf_ast_kinds[WF_AST_COUNT_];

/* Dump a tree exactly as python3.11's ast.dump(tree, include_attributes=True).
 * Returns a malloc'd NUL-terminated string (caller frees); *len gets its length. */
char *wf_ast_dump(const wf_node *n, size_t *len);

#endif
