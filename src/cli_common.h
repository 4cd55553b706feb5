/* cli_common.h - what the command-line front ends share: the interrupt flag,
 * strict number parsing, loading a project file with its diagnostics printed,
 * output directories, and the exit path of an interrupted run. */
#ifndef RC_CLI_COMMON_H
#define RC_CLI_COMMON_H

#include <signal.h>

#include <jansson.h>

#include "model.h"

/* Set by SIGINT / SIGTERM (the signal number); the engine polls it. */
extern volatile sig_atomic_t rc_cli_interrupted;
void rc_cli_install_signals(void);
/* Remove partial outputs, say so, and return the exit code (128 + signal). */
int rc_cli_interrupted_exit(void);

/* A whole number 0..MAX, digits only. Returns 0 or -1. */
int rc_cli_parse_ulong(const char *s, unsigned long long max, unsigned long long *out);

/* Load FILE, printing its diagnostics. Returns the exit code; *M on success. */
int rc_cli_load_model(const char *file, rc_model **m);

/* DIR exists as a directory afterwards (created with its missing parents,
 * like mkdir -p). 0 or -1 (errno). */
int rc_cli_ensure_dir(const char *dir);
/* The directory FILE goes into exists afterwards. 0 or -1 (errno). */
int rc_cli_ensure_parent(const char *file);

/* Serialise J (a new reference, released here; NULL = out of memory) to
 * PATH atomically, or to stdout when PATH is "-". Prints any failure.
 * Returns the exit code. */
int rc_cli_write_json(json_t *j, const char *path);

#endif
