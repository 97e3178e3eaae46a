# sysimport: sys, the std streams, the builtin module table, import and
# running __main__ (vm/modules/modules.h).
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/config.c
  ${CMAKE_CURRENT_LIST_DIR}/structseq.c
  ${CMAKE_CURRENT_LIST_DIR}/stdio.c
  ${CMAKE_CURRENT_LIST_DIR}/sys.c
  ${CMAKE_CURRENT_LIST_DIR}/run.c
  ${CMAKE_SOURCE_DIR}/vm/import/import.c
)
