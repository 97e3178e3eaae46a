# The core group: runtime start-up, errors, the object protocol, type
# objects and descriptors, object/None/NotImplemented/Ellipsis, exceptions,
# tuple, dict (docs/object-model.md).
list(APPEND WF_RUNTIME_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/runtime.c
  ${CMAKE_CURRENT_LIST_DIR}/errors.c
  ${CMAKE_CURRENT_LIST_DIR}/slots.c
  ${CMAKE_CURRENT_LIST_DIR}/args.c
  ${CMAKE_CURRENT_LIST_DIR}/protocol_object.c
  ${CMAKE_CURRENT_LIST_DIR}/protocol_call.c
  ${CMAKE_CURRENT_LIST_DIR}/protocol_number.c
  ${CMAKE_CURRENT_LIST_DIR}/protocol_seq.c
  ${CMAKE_SOURCE_DIR}/vm/objects/typeobject.c
  ${CMAKE_SOURCE_DIR}/vm/objects/descr_method.c
  ${CMAKE_SOURCE_DIR}/vm/objects/descr_getset.c
  ${CMAKE_SOURCE_DIR}/vm/objects/descr_wrapper.c
  ${CMAKE_SOURCE_DIR}/vm/objects/descr_proxy.c
  ${CMAKE_SOURCE_DIR}/vm/objects/baseobject.c
  ${CMAKE_SOURCE_DIR}/vm/objects/none.c
  ${CMAKE_SOURCE_DIR}/vm/objects/notimplemented.c
  ${CMAKE_SOURCE_DIR}/vm/objects/ellipsis.c
  ${CMAKE_SOURCE_DIR}/vm/objects/exceptions.c
  ${CMAKE_SOURCE_DIR}/vm/objects/exceptions_group.c
  ${CMAKE_SOURCE_DIR}/vm/objects/tuple.c
  ${CMAKE_SOURCE_DIR}/vm/objects/dict.c
)
