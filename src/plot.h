/* plot.h - the charts of SPEC §4: data files, gnuplot scripts from the
 * templates in plots/, and gnuplot run as a child process on each script. */
#ifndef RC_PLOT_H
#define RC_PLOT_H

#include <stdbool.h>
#include <stddef.h>

#include "sim.h"

typedef struct {
    const char *dir;        /* output directory (created if missing) */
    bool svg;               /* SVG instead of PNG */
    const char *lang;       /* "en" or "zh": axis titles and labels */
    const char *templates;  /* directory of the .gp templates; NULL: the default search */
} rc_plot_options;

typedef enum {
    RC_PLOT_OK = 0,
    RC_PLOT_IO = -1,        /* a file could not be written (ERR says which) */
    RC_PLOT_GNUPLOT = -2    /* gnuplot missing or failed; data and scripts were written */
} rc_plot_status;

/* Write every chart into o->dir. */
rc_plot_status rc_plot_all(const rc_result *r, const rc_plot_options *o, char *err, size_t errlen);

#endif
