# The numbers group: int, bool, float, complex (docs/object-model.md).
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/int.c
  ${CMAKE_CURRENT_LIST_DIR}/int_arith.c
  ${CMAKE_CURRENT_LIST_DIR}/int_methods.c
  ${CMAKE_CURRENT_LIST_DIR}/int_format.c
  ${CMAKE_CURRENT_LIST_DIR}/bool.c
  ${CMAKE_CURRENT_LIST_DIR}/float.c
  ${CMAKE_CURRENT_LIST_DIR}/complex.c
)
