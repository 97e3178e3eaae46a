/* Developer modes of the `weft` command (vm/devtools.c). */
#ifndef WF_DEVTOOLS_H
#define WF_DEVTOOLS_H

#include <stddef.h>

/* Run `weft -X mode path`; returns the exit status. */
int wf_devtools_main(const char *mode, const char *path);
/* The whole file in a malloc'd buffer (NULL if unreadable). */
char *wf_devtools_read_file(const char *path, size_t *len);

#endif
