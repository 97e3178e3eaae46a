# The str group: str (PEP 393 compact layout), its iterator, methods,
# formatting, codecs (utf-8/ascii/latin-1) and interning. Each file is
# listed once it compiles.
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/str.c
  ${CMAKE_CURRENT_LIST_DIR}/str_methods.c
  ${CMAKE_CURRENT_LIST_DIR}/str_format.c
  ${CMAKE_CURRENT_LIST_DIR}/str_codecs.c
  ${CMAKE_CURRENT_LIST_DIR}/str_intern.c
)
