/* Opcode numbers, names and encoding helpers (the table is opcodes.def). */
#ifndef WF_COMPILE_OPCODES_H
#define WF_COMPILE_OPCODES_H

#include <stdint.h>

#include "opcodes.def"

typedef enum wf_opcode {
#define WF_OP_ENUM_(name, cache) WF_OP_##name,
  WF_OPCODES(WF_OP_ENUM_)
#undef WF_OP_ENUM_
      WF_OP_COUNT_
} wf_opcode;

_Static_assert(WF_OP_COUNT_ <= 256, "an opcode is 8 bits");

#define WF_OPARG_MAX ((1u << 24) - 1)
/* BINARY_OP: augmented assignment (x += y) uses the in-place slot. */
#define WF_BINOP_INPLACE_ARG 0x100

static inline uint32_t wf_instr_make(wf_opcode op, uint32_t arg) { return (uint32_t)op | (arg << 8); }
static inline wf_opcode wf_instr_op(uint32_t w) { return (wf_opcode)(w & 0xff); }
static inline uint32_t wf_instr_arg(uint32_t w) { return w >> 8; }

/* 1 when the instruction is followed by a cache-index word. */
extern const uint8_t wf_opcode_has_cache[WF_OP_COUNT_];
extern const char *const wf_opcode_names[WF_OP_COUNT_];

/* Rewrite the first instruction of each fusable pair in words[0, n) into
 * its pair opcode (opcodes.def, "pairs"); offsets do not change. */
void wf_opcodes_pair(uint32_t *words, int n);
/* The instruction a pair opcode starts with (op itself otherwise). */
wf_opcode wf_opcode_unpaired(wf_opcode op);

#endif
