# The types group: function, method, cell, staticmethod/classmethod,
# property, super, module, frame, traceback, GenericAlias, UnionType,
# SimpleNamespace. Each file is listed once it compiles.
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/function.c
  ${CMAKE_CURRENT_LIST_DIR}/method.c
  ${CMAKE_CURRENT_LIST_DIR}/cell.c
  ${CMAKE_CURRENT_LIST_DIR}/funcdescr.c
  ${CMAKE_CURRENT_LIST_DIR}/property.c
  ${CMAKE_CURRENT_LIST_DIR}/super.c
  ${CMAKE_CURRENT_LIST_DIR}/module.c
  ${CMAKE_CURRENT_LIST_DIR}/frameobject.c
  ${CMAKE_CURRENT_LIST_DIR}/traceback.c
  ${CMAKE_CURRENT_LIST_DIR}/suggestions.c
  ${CMAKE_CURRENT_LIST_DIR}/genericalias.c
  ${CMAKE_CURRENT_LIST_DIR}/unionobject.c
  ${CMAKE_CURRENT_LIST_DIR}/namespace.c
)
