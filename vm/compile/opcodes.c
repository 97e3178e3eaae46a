/* The opcode tables declared in opcodes.h (from opcodes.def). */
#include "opcodes.h"

const uint8_t wf_opcode_has_cache[WF_OP_COUNT_] = {
#define WF_OP_CACHE_(name, cache) cache,
    WF_OPCODES(WF_OP_CACHE_)
#undef WF_OP_CACHE_
};

const char *const wf_opcode_names[WF_OP_COUNT_] = {
#define WF_OP_NAME_(name, cache) #name,
    WF_OPCODES(WF_OP_NAME_)
#undef WF_OP_NAME_
};

static wf_opcode pair_of(wf_opcode first, wf_opcode second) {
  switch (first) {
  case WF_OP_LOAD_FAST:
    return second == WF_OP_LOAD_FAST ? WF_OP_LOAD_FAST__LOAD_FAST
           : second == WF_OP_LOAD_CONST ? WF_OP_LOAD_FAST__LOAD_CONST
                                        : first;
  case WF_OP_LOAD_CONST: return second == WF_OP_LOAD_FAST ? WF_OP_LOAD_CONST__LOAD_FAST : first;
  case WF_OP_STORE_FAST:
    return second == WF_OP_LOAD_FAST ? WF_OP_STORE_FAST__LOAD_FAST
           : second == WF_OP_STORE_FAST ? WF_OP_STORE_FAST__STORE_FAST
                                        : first;
  default: return first;
  }
}

wf_opcode wf_opcode_unpaired(wf_opcode op) {
  switch (op) {
  case WF_OP_LOAD_FAST__LOAD_FAST:
  case WF_OP_LOAD_FAST__LOAD_CONST: return WF_OP_LOAD_FAST;
  case WF_OP_LOAD_CONST__LOAD_FAST: return WF_OP_LOAD_CONST;
  case WF_OP_STORE_FAST__LOAD_FAST:
  case WF_OP_STORE_FAST__STORE_FAST: return WF_OP_STORE_FAST;
  default: return op;
  }
}

void wf_opcodes_pair(uint32_t *words, int n) {
  for (int off = 0; off < n;) {
    wf_opcode op = wf_instr_op(words[off]);
    int next = off + 1 + wf_opcode_has_cache[op];
    if (next < n) {
      /* the next instruction is still unrewritten: this loop only moves forward */
      wf_opcode p = pair_of(op, wf_instr_op(words[next]));
      if (p != op) words[off] = wf_instr_make(p, wf_instr_arg(words[off]));
    }
    off = next;
  }
}
