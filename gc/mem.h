/* Runtime memory that the GC does not manage: jemalloc's extended API, or
 * libc malloc in sanitizer builds so that ASan and TSan check it too. */
#ifndef WF_GC_MEM_H
#define WF_GC_MEM_H

#include <stddef.h>

void *wf_mem_alloc(size_t size);          /* aborts on exhaustion */
void *wf_mem_calloc(size_t size);
void *wf_mem_realloc(void *p, size_t old_size, size_t new_size);
void wf_mem_free(void *p, size_t size);   /* size: as allocated, or 0 */
size_t wf_mem_usable_size(void *p);

#endif
