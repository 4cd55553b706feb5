/* output.h - result writers: the JSON object of SPEC §3 and the CSV tables.
 * These build text; writing it to a file (atomically) is fileio.h's job. */
#ifndef RC_OUTPUT_H
#define RC_OUTPUT_H

#include <jansson.h>

#include "sim.h"

/* The SPEC §3 object (new reference). NULL when memory ran out. */
json_t *rc_result_to_json(const rc_result *r);
/* Serialise with the project's settings (indent 2, keys in insertion order,
 * 12 significant digits). Caller frees. */
char *rc_json_dump(const json_t *j);

/* Write the CSV tables into directory DIR: iterations.csv, tasks.csv,
 * risks.csv, each through a temporary file renamed into place. Returns 0 or
 * -1 with ERR filled. */
int rc_write_csv(const rc_result *r, const char *dir, char *err, size_t errlen);

#endif
