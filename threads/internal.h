/* Private to threads/: the glue between thread.c, safepoint.c and rcu.c. */
#ifndef WF_THREADS_INTERNAL_H
#define WF_THREADS_INTERNAL_H

#include "thread.h"

void wf_thread_park_(wf_thread_t *self);
void wf_threads_for_each_locked_(void (*fn)(wf_thread_t *, void *), void *arg);
void wf_safepoint_thread_attached_(wf_thread_t *t);
void wf_rcu_poll_(wf_thread_t *self);

#endif
