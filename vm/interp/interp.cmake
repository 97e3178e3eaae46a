# The interpreter (vm/interp) and the generator objects (vm/objects/gen*.c).
# Each file is listed once it compiles.
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/frame.c
  ${CMAKE_CURRENT_LIST_DIR}/call.c
  ${CMAKE_CURRENT_LIST_DIR}/eval.c
  ${CMAKE_CURRENT_LIST_DIR}/eval_helpers.c
  ${CMAKE_CURRENT_LIST_DIR}/ic.c
  ${CMAKE_SOURCE_DIR}/vm/objects/gen.c
  ${CMAKE_SOURCE_DIR}/vm/objects/gen_async.c
)

# The eval loop's computed gotos: clang 18+ stops duplicating a block into
# more than 16 predecessors, which merges every DISPATCH() into one shared
# indirect jump (one branch-predictor entry for all opcodes: 13 indirect
# jumps in wf_eval_frame instead of one per handler). Lift the limits for
# this file only.
if(CMAKE_C_COMPILER_ID MATCHES "Clang")
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/eval.c PROPERTIES COMPILE_FLAGS
    "-mllvm -tail-dup-pred-size=1000 -mllvm -tail-dup-succ-size=1000")
endif()
