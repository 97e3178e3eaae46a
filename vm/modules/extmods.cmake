# math, time, _thread, itertools (modules engineer).
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/math.c
  ${CMAKE_CURRENT_LIST_DIR}/time.c
  ${CMAKE_CURRENT_LIST_DIR}/thread.c
  ${CMAKE_CURRENT_LIST_DIR}/itertools.c
  ${CMAKE_CURRENT_LIST_DIR}/itertools_comb.c
)
