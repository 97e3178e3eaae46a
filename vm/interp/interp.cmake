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
