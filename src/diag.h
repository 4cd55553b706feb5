/* diag.h - a list of diagnostics (file, line, column, severity, message).
 *
 * The core never prints: every problem found in a user's input is appended
 * here with the position of the offending node, and the CLI prints the list
 * in the compiler form `FILE:LINE:COL: error: MESSAGE`.
 */
#ifndef RC_DIAG_H
#define RC_DIAG_H

#include <stddef.h>

typedef enum { RC_SEV_WARNING, RC_SEV_ERROR } rc_severity;

typedef struct {
    int line;            /* 1-based; 0 when the problem has no position */
    int col;             /* 1-based; 0 when the problem has no position */
} rc_mark;

typedef struct {
    rc_severity sev;
    rc_mark mark;
    char *msg;           /* owned */
} rc_diag;

typedef struct {
    char *file;          /* owned: the name diagnostics are reported against */
    rc_diag *items;      /* owned */
    size_t n, cap;
    size_t n_errors;
    size_t max_items;    /* further diagnostics are counted, not stored */
    size_t n_dropped;
} rc_diags;

/* Initialise an empty list reported against FILE (copied). */
void rc_diags_init(rc_diags *d, const char *file);
/* Free everything the list owns; accepts a zeroed struct. */
void rc_diags_delete(rc_diags *d);
/* Append a diagnostic (printf-style message). Never fails visibly: on
 * allocation failure the diagnostic is counted as dropped. */
void rc_diag_add(rc_diags *d, rc_severity sev, rc_mark m, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
#define rc_error(d, m, ...) rc_diag_add((d), RC_SEV_ERROR, (m), __VA_ARGS__)
#define rc_warning(d, m, ...) rc_diag_add((d), RC_SEV_WARNING, (m), __VA_ARGS__)

/* Sort the list by position (stable: same position keeps insertion order). */
void rc_diags_sort(rc_diags *d);

#endif
