/* fileio.h - reading whole files with a size limit, and writing files
 * atomically: into a temporary file beside the target, flushed and renamed
 * into place, so that a failure never leaves a half-written output and the
 * previous version stays intact. */
#ifndef RC_FILEIO_H
#define RC_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Read PATH whole (at most LIMIT bytes). Returns the bytes (NUL-terminated,
 * caller frees) and sets *LEN, or NULL with ERR filled. */
char *rc_read_file(const char *path, size_t limit, size_t *len, char *err, size_t errlen);

/* An output file being written. */
typedef struct {
    FILE *f;
    char *path;     /* the final path */
    char *tmp;      /* the temporary path */
} rc_outfile;

/* Open a temporary file beside PATH. Returns 0 or -1 with ERR filled. */
int rc_out_open(rc_outfile *o, const char *path, char *err, size_t errlen);
/* Flush, fsync and rename into place. Returns 0 or -1 with ERR filled (the
 * temporary file is removed either way). */
int rc_out_commit(rc_outfile *o, char *err, size_t errlen);
/* Abandon: close and remove the temporary file. Accepts a zeroed struct. */
void rc_out_abort(rc_outfile *o);
/* Write LEN bytes of DATA to PATH atomically. */
int rc_write_file(const char *path, const char *data, size_t len, char *err, size_t errlen);

/* Remove every temporary file still open (for a signal handler's exit path:
 * only async-signal-safe calls). */
void rc_out_cleanup_all(void);

/* True when A and B name the same existing file. */
bool rc_same_file(const char *a, const char *b);

#endif
