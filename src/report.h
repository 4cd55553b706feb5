/* report.h - the client report of SPEC §5: one self-contained HTML file. */
#ifndef RC_REPORT_H
#define RC_REPORT_H

#include <stddef.h>

#include "sim.h"

/* Write the report for R to PATH in LANG ("en" or "zh"). Charts are drawn
 * with gnuplot into a temporary directory and inlined. Returns 0, -1 when a
 * file could not be written, -2 when gnuplot is missing or failed (ERR says). */
int rc_report_write(const rc_result *r, const char *path, const char *lang,
                    char *err, size_t errlen);

#endif
