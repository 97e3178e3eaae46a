# The compiler (vm/compile) and the code object type.
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/opcodes.c
  ${CMAKE_CURRENT_LIST_DIR}/symtable.c
  ${CMAKE_CURRENT_LIST_DIR}/compile.c
  ${CMAKE_CURRENT_LIST_DIR}/compile_expr.c
  ${CMAKE_CURRENT_LIST_DIR}/compile_stmt.c
  ${CMAKE_CURRENT_LIST_DIR}/compile_match.c
  ${CMAKE_CURRENT_LIST_DIR}/compile_unparse.c
  ${CMAKE_CURRENT_LIST_DIR}/compile_fold.c
  ${CMAKE_SOURCE_DIR}/vm/objects/code.c)
