/* load.h - YAML project file -> rc_model, with a diagnostic for every error.
 *
 * The loader reads the whole file with libyaml's event API into a small node
 * tree (depth, size and alias expansion bounded), then walks the tree,
 * checking every key, type and value and keeping every node's mark.
 */
#ifndef RC_LOAD_H
#define RC_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

typedef enum {
    RC_LOAD_OK = 0,        /* *out is a valid model (warnings may be in D) */
    RC_LOAD_INVALID = 1,   /* the file has errors, all of them in D; *out is NULL */
    RC_LOAD_IO = 3         /* the file could not be read; ERR says why; *out is NULL */
} rc_load_status;

/* Load PATH. On RC_LOAD_OK the caller owns *OUT (rc_model_free). */
rc_load_status rc_load_file(const char *path, rc_model **out, rc_diags *d,
                            char *err, size_t errlen);

/* Load LEN bytes of BUF (not necessarily NUL-terminated). */
rc_load_status rc_load_buffer(const char *buf, size_t len, rc_model **out,
                              rc_diags *d);

#endif
