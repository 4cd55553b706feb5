/* compare.h - two versions of a plan side by side (SPEC §7).
 *
 * Both versions are simulated with the same seed and iteration count. The
 * random numbers are a pure function of (seed, task or risk id, iteration,
 * draw), so iteration i of A and iteration i of B share the numbers of every
 * id the two files have in common: the per-iteration differences b_i - a_i
 * are paired, and most of the sampling noise cancels in them.
 *
 * Differences are always B minus A. Every difference carries a 95% interval:
 *   - a mean: mean(d) +/- 1.96 sd(d) / sqrt(n) over the paired differences
 *     d_i = b_i - a_i (independent runs: sqrt(var(a)/n + var(b)/n));
 *   - a percentile: a bootstrap over the iterations. Each resample draws n
 *     iteration indices with replacement (from a fixed internal seed, so the
 *     interval is the same on every run) and takes the same indices in A and
 *     B, keeping the pairs together; the interval runs from the 2.5th to the
 *     97.5th percentile of the resampled differences. The same resamples with
 *     B's indices drawn separately give the interval two independent runs
 *     would have had, reported beside it.
 * Probabilities (deadline, budget) are means of 0/1 indicators and get the
 * mean's interval.
 *
 * This module never prints. rc_compare_plot() writes the two S-curve charts
 * and runs gnuplot as a child process.
 */
#ifndef RC_COMPARE_H
#define RC_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "plot.h"
#include "sim.h"

#define RC_COMPARE_BOOT_MAX 1000       /* bootstrap resamples (fewer for huge runs) */
#define RC_COMPARE_BOOT_MIN 200
#define RC_COMPARE_BOOT_WORK 50000000L /* resamples x iterations kept under this */
#define RC_COMPARE_BOOT_SEED 0x5eedc0debULL

/* The difference B - A of one per-iteration quantity. */
typedef struct {
    double mean;
    rc_interval mean_ci;
    rc_interval mean_ci_unpaired;      /* what two independent runs would give */
    double pct[RC_NPCT];
    rc_interval pct_ci[RC_NPCT];
    rc_interval pct_ci_unpaired[RC_NPCT];
    double at_conf;                    /* P(confidence) of B - P(confidence) of A */
    rc_interval at_conf_ci, at_conf_ci_unpaired;
    double plan;                       /* the plans' difference */
} rc_diff;

typedef struct {
    long n;
    bool paired;                       /* false: B ran on its own seed */
    int resamples;                     /* bootstrap resamples used */
    double confidence;
    rc_diff dur, cst;
    /* finish dates: calendar days from A's date to B's */
    int finish_pct_days[RC_NPCT];
    int finish_at_conf_days;
    int finish_plan_days;
    /* NaN where either file lacks a deadline (budget) */
    double deadline_probability, budget_probability;
    rc_interval deadline_ci, budget_ci;
} rc_compare;

/* Compare results A and B (same iteration count). PAIRED says whether they
 * share their random numbers (it chooses which interval is the reported one;
 * both are computed). Returns 0, -1 when memory ran out, or -2 when the
 * iteration counts differ. */
int rc_compare_results(const rc_result *a, const rc_result *b, bool paired, rc_compare *c);

/* ---- what changed between the files ----------------------------------------- */

typedef enum { RC_CHANGE_ADDED, RC_CHANGE_REMOVED, RC_CHANGE_CHANGED } rc_change_kind;

/* what changed in a task */
enum {
    RC_TASK_DURATION = 1 << 0,   /* duration distribution or milestone */
    RC_TASK_LINKS = 1 << 1,      /* predecessors, types or lags */
    RC_TASK_COST = 1 << 2,       /* fixed cost or rate */
    RC_TASK_NAME = 1 << 3,
    RC_TASK_NOT_BEFORE = 1 << 4,
    RC_TASK_PROGRESS = 1 << 5    /* done, started, actual cost */
};
/* what changed in a risk */
enum {
    RC_RISK_LIKELIHOOD = 1 << 0, /* probability or frequency */
    RC_RISK_IMPACTS = 1 << 1,    /* tasks, delays, scales, costs */
    RC_RISK_MITIGATION = 1 << 2, /* action, cost or mitigated effect; added or removed */
    RC_RISK_CLOSED = 1 << 3,
    RC_RISK_NAME = 1 << 4        /* name, owner, category, trigger, response */
};
/* what changed in the project settings */
enum {
    RC_PROJ_START = 1 << 0,
    RC_PROJ_DEADLINE = 1 << 1,
    RC_PROJ_BUDGET = 1 << 2,
    RC_PROJ_PRICE = 1 << 3,
    RC_PROJ_OVERHEAD = 1 << 4,
    RC_PROJ_PENALTY = 1 << 5,
    RC_PROJ_CALENDAR = 1 << 6,
    RC_PROJ_STATUS = 1 << 7,
    RC_PROJ_CORRELATIONS = 1 << 8,
    RC_PROJ_CURRENCY = 1 << 9
};

typedef struct {
    bool risk;                   /* a risk, else a task */
    rc_change_kind kind;
    const char *id, *name;       /* borrowed from the model that has it (B when both) */
    unsigned what;               /* RC_TASK_* or RC_RISK_* when changed */
} rc_change;

typedef struct {
    rc_change *items;            /* owned: tasks in B's order (removed ones after),
                                    then risks likewise */
    int n;
    unsigned project;            /* RC_PROJ_* */
} rc_model_diff;

/* Compare the two models by id. Returns 0 or -1 when memory ran out. The
 * diff borrows strings from A and B: free it before them. */
int rc_model_diff_compute(const rc_model *a, const rc_model *b, rc_model_diff *d);
void rc_model_diff_delete(rc_model_diff *d);

/* ---- charts -------------------------------------------------------------------- */

typedef struct {
    const char *dir;             /* must exist */
    const char *lang;            /* "en" or "zh" */
    const char *label_a, *label_b;  /* legend entries (UTF-8) */
} rc_compare_plot_options;

/* Write compare-finish and compare-cost (NAME.dat, NAME.gp, then NAME.png by
 * gnuplot) into o->dir: both S-curves on one chart each, with the
 * P(confidence) line. RC_PLOT_GNUPLOT when gnuplot is missing or failed (the
 * data and scripts are written); ERR says what happened. */
rc_plot_status rc_compare_plot(const rc_result *a, const rc_result *b,
                               const rc_compare_plot_options *o, char *err, size_t errlen);

#endif
