# The containers group: list, set/frozenset, range, slice, bytes, bytearray,
# memoryview (+ their iterators). Each file is listed once it compiles.
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/list.c
  ${CMAKE_CURRENT_LIST_DIR}/list_sort.c
  ${CMAKE_CURRENT_LIST_DIR}/slice.c
  ${CMAKE_CURRENT_LIST_DIR}/set.c
  ${CMAKE_CURRENT_LIST_DIR}/range.c
  ${CMAKE_CURRENT_LIST_DIR}/bytes.c
  ${CMAKE_CURRENT_LIST_DIR}/bytes_methods.c
  ${CMAKE_CURRENT_LIST_DIR}/bytes_format.c
  ${CMAKE_CURRENT_LIST_DIR}/bytearray.c
  ${CMAKE_CURRENT_LIST_DIR}/memoryview.c
)
