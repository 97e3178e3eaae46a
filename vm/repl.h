/* The interactive prompt (vm/repl.c). */
#ifndef WF_REPL_H
#define WF_REPL_H

/* Run the read-eval-print loop on stdin until EOF or SystemExit; returns
 * the exit status. */
int wf_run_interactive(void);

#endif
