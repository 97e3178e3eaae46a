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
