# The builtins module and its iterator types (enumerate, zip, map, filter,
# reversed, callable_iterator). Each file is listed once it compiles.
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/builtins.c
  ${CMAKE_CURRENT_LIST_DIR}/builtins_exec.c
  ${CMAKE_CURRENT_LIST_DIR}/builtins_site.c
  ${CMAKE_SOURCE_DIR}/vm/objects/enumerate.c
  ${CMAKE_SOURCE_DIR}/vm/objects/zip.c
  ${CMAKE_SOURCE_DIR}/vm/objects/map.c
  ${CMAKE_SOURCE_DIR}/vm/objects/filter.c
  ${CMAKE_SOURCE_DIR}/vm/objects/reversed.c
  ${CMAKE_SOURCE_DIR}/vm/objects/iterobject.c
)
