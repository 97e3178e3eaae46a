/* libFuzzer harness: any byte string through decoding, tokenizer, both parser
 * passes, error formatting and the AST dumper.  Must never crash, hang or leak.
 * Build: cmake -DWF_FUZZ=ON (clang) and run build/.../tests/parse/fuzz_parse
 * [corpus dir] (seed it with tests/parse/snippets.txt pieces or stdlib files). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  wf_arena arena;
  wf_arena_init(&arena);
  wf_syntax_error err;
  wf_node *mod = wf_parse_module((const char *)data, size, "<fuzz>", &arena, &err);
  if (mod) {
    size_t n;
    free(wf_ast_dump(mod, &n));
  } else {
    FILE *f = fopen("/dev/null", "w");
    if (f) {
      wf_syntax_error_print(&err, f);
      fclose(f);
    }
    wf_syntax_error_clear(&err);
  }
  wf_arena_free(&arena);
  return 0;
}
