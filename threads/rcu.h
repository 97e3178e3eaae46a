/* RCU (liburcu QSBR) for memory the GC does not manage: inline-cache
 * records, JIT stubs, replaced code. Readers need no lock: a RUNNING thread is
 * an online QSBR reader and every safepoint poll may be a quiescent state; the
 * NATIVE and PARKED states are offline. Writers publish with
 * wf_rcu_publish and hand the old record to wf_rcu_retire, whose callback runs
 * on the reclaimer thread after a grace period.
 */
#ifndef WF_THREADS_RCU_H
#define WF_THREADS_RCU_H

#include <stdatomic.h>

typedef struct wf_rcu_head {
  struct wf_rcu_head *next;
  void (*fn)(struct wf_rcu_head *);
} wf_rcu_head;

/* Run fn(head) after every thread that might hold a reference to the
 * enclosing record has passed a quiescent state. Callable from any thread. */
void wf_rcu_retire(wf_rcu_head *head, void (*fn)(wf_rcu_head *));

/* Wait until every callback retired before this call has run. The caller
 * must not be RUNNING with the world stopped; it waits in the NATIVE state. */
void wf_rcu_barrier(void);

/* Publication: release store / acquire load of a pointer. */
#define wf_rcu_publish(pp, v) __atomic_store_n((pp), (v), __ATOMIC_RELEASE)
#define wf_rcu_read(pp) __atomic_load_n((pp), __ATOMIC_ACQUIRE)
#define wf_rcu_exchange(pp, v) __atomic_exchange_n((pp), (v), __ATOMIC_ACQ_REL)

/* Used by threads/ itself. */
void wf_rcu_init(void);
void wf_rcu_register_thread(void);   /* registers offline */
void wf_rcu_unregister_thread(void);
void wf_rcu_thread_offline(void);
void wf_rcu_thread_online(void);
void wf_rcu_quiescent(void);

#endif
