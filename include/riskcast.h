/* riskcast.h - the engine's public API.
 *
 * Load a project file into a model, simulate it, read the results, and turn
 * them into JSON, CSV, charts or a report. The library never prints or exits:
 * every problem in an input comes back as a diagnostic with a line and column
 * (diag.h), every other failure as a return code.
 *
 *   rc_model *m; rc_diags d; rc_diags_init(&d, path);
 *   if (rc_load_file(path, &m, &d, err, sizeof err) == RC_LOAD_OK) {
 *       rc_sim_options o; rc_sim_options_init(&o);
 *       rc_result r;
 *       if (rc_simulate(m, &o, &r, &d) == 0) { ... r.dur.at_conf ...; rc_result_delete(&r); }
 *       rc_model_free(m);
 *   }
 *   rc_diags_delete(&d);
 *
 * Ownership is stated in each header: *_alloc / *_free pair for heap objects,
 * *_init / *_delete for caller-owned structs, and every free accepts NULL.
 */
#ifndef RISKCAST_H
#define RISKCAST_H

#include "diag.h"     /* diagnostics: file, line, column, severity, message */
#include "calendar.h" /* working-day offsets <-> dates */
#include "dist.h"     /* distributions: checks, inverse CDFs, plan values */
#include "model.h"    /* the project model */
#include "load.h"     /* YAML project file -> model */
#include "network.h"  /* compiled network and the deterministic plan */
#include "sim.h"      /* the Monte Carlo engine and its results */
#include "analysis.h" /* reserve split and recommended mitigations */
#include "output.h"   /* JSON and CSV */
#include "plot.h"     /* charts through gnuplot */
#include "report.h"   /* the client report */
#include "import.h"   /* MS Project XML and Primavera XER */
#include "compare.h"  /* two versions of a plan */

#define RISKCAST_VERSION "1.0.0"

#endif
