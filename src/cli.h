/* cli.h - the command-line layer: the only code that prints or exits.
 * main.c dispatches to one function per command; each returns the exit code
 * of SPEC §1 (0 ok, 1 input errors, 2 usage, 3 file or gnuplot failure). */
#ifndef RC_CLI_H
#define RC_CLI_H

#include <stdio.h>

#include "diag.h"

enum { RC_EXIT_OK = 0, RC_EXIT_INPUT = 1, RC_EXIT_USAGE = 2, RC_EXIT_IO = 3 };

int rc_cmd_check(int argc, char **argv);
int rc_cmd_run(int argc, char **argv);      /* run, plot and report */
int rc_cmd_import(int argc, char **argv);
int rc_cmd_compare(int argc, char **argv);

/* Print every diagnostic of D to F as FILE:LINE:COL: error: MESSAGE. */
void rc_cli_print_diags(FILE *f, const rc_diags *d);

#endif
