/* The front end's use of the Unicode database (vm/lib/wf_unicode.h):
 * identifier checks and NFKC normalisation (PEP 3131), \N{...} escapes, and
 * isprintable for repr(). */
#include "parser.h"
#include "wf_unicode.h"

#include <stdlib.h>
#include <string.h>

int wf_parse_isprintable(uint32_t cp) { return wf_uc_isprintable(cp); }

int wf_parse_unicode_name(const char *name, size_t n, uint32_t *cp) {
  int32_t r = wf_uc_lookup(name, n);
  if (r < 0) return -1;
  *cp = (uint32_t)r;
  return 0;
}

/* python3.11's verify_identifier: returns -1 if valid, else the byte offset of
 * the first code point that cannot start/continue an identifier (in *bad). */
int wf_parse_check_identifier(const char *s, size_t n, uint32_t *bad) {
  size_t i = 0;
  int first = 1;
  while (i < n) {
    uint32_t c;
    size_t k = wf_utf8_decode((const unsigned char *)s + i, n - i, &c);
    int ok = first ? (c == '_' || wf_uc_isxid_start(c)) : wf_uc_isxid_continue(c);
    if (!ok) {
      *bad = c;
      return (int)i;
    }
    first = 0;
    i += k;
  }
  return -1;
}

const char *wf_p_ident(parser *p, wf_token *t) {
  int ascii = 1;
  for (int i = 0; i < t->n; i++)
    if ((unsigned char)t->s[i] >= 0x80) {
      ascii = 0;
      break;
    }
  if (ascii) return wf_arena_strndup(p->arena, t->s, (size_t)t->n);
  /* NFKC */
  uint32_t *cps = malloc(sizeof(uint32_t) * (size_t)t->n);
  size_t ncp = 0;
  for (int i = 0; i < t->n;) {
    uint32_t c;
    i += (int)wf_utf8_decode((const unsigned char *)t->s + i, (size_t)(t->n - i), &c);
    cps[ncp++] = c;
  }
  size_t outn;
  uint32_t *norm = wf_uc_normalize_alloc(WF_UC_NFKC, cps, ncp, &outn);
  wf_buf b = {0};
  if (norm) {
    for (size_t i = 0; i < outn; i++) wf_buf_put_utf8(&b, norm[i]);
    free(norm);
  } else
    wf_buf_put(&b, t->s, (size_t)t->n);
  free(cps);
  const char *r = wf_arena_strndup(p->arena, b.data ? b.data : "", b.len);
  free(b.data);
  return r;
}
