/* sim.h - the Monte Carlo engine and its results.
 *
 * rc_simulate() runs the base simulation (pass 1: every iteration's duration,
 * finish and cost; criticality by a backward pass; per-task finish ranges;
 * each risk left out and each mitigation toggled, on the same random
 * numbers) and the sensitivity (pass 3, against the ranks of the duration),
 * then fills an rc_result with every figure of SPEC §3. Memory is O(tasks +
 * iterations x variants in one chunk): variants whose per-iteration arrays
 * exceed RC_VARIANT_BUDGET bytes wait for pass 2, in chunks.
 *
 * Determinism: every random number is a pure function of (seed, id,
 * iteration, draw); per-iteration outputs are stored by iteration index and
 * every sum across iterations is accumulated in exact fixed point, so the
 * results are byte-identical whatever the thread count.
 */
#ifndef RC_SIM_H
#define RC_SIM_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "network.h"

#define RC_NPCT 11
extern const int rc_pct_keys[RC_NPCT];   /* 5, 10, 20, ..., 90, 95 */

#define RC_VARIANT_BUDGET (96L * 1024 * 1024)
#define RC_RANGE_TASKS 40            /* tasks whose finish range is kept (gantt) */
#define RC_RANGE_ITER 100000L        /* iterations used for those ranges */

typedef struct {
    long iterations;
    uint64_t seed;
    double confidence;
    int threads;                     /* <= 0: every processor */
    bool mitigated;                  /* simulate with every mitigation applied */
    bool analysis;                   /* sensitivity, finish ranges and (with `variants`)
                                        risk contributions and mitigation values */
    bool variants;                   /* with analysis: each risk left out, each
                                        mitigation toggled (default true) */
    bool shapley;                    /* the advice: split the reserve across risks
                                        (Shapley) and recommend mitigations */
    int shapley_perms;               /* permutations sampled for Shapley (0: default) */
    double advice_budget;            /* the split's and the recommendation's budget of work,
                                        in task-iterations (0: analysis.c's; for tests) */
    const uint8_t *mitigate_mask;    /* per model risk: simulate it mitigated (NULL: `mitigated`) */
    const uint8_t *include_mask;     /* per model risk: 0 leaves it out (NULL: every open risk) */
    bool no_uncertainty;             /* every estimate at its plan value (for the reserve split) */
    bool light;                      /* durations and costs only: no criticality, no analysis */
    volatile sig_atomic_t *cancel;   /* set non-zero to stop early; may be NULL */
    /* may be NULL; called from the calling thread with the share of the
     * simulation's passes over the iterations done so far, which only goes
     * up and reaches 1 at the end of the last pass (unless cancelled); the
     * work after the passes (the sensitivity of the tasks risks act on, the
     * reserve split) comes after it */
    void (*progress)(void *ctx, double fraction);
    void *progress_ctx;
} rc_sim_options;

void rc_sim_options_init(rc_sim_options *o);

typedef struct {
    double lo, hi;
} rc_interval;

/* Statistics of one per-iteration quantity. */
typedef struct {
    double mean, sd, min, max;
    double pct[RC_NPCT];
    rc_interval pct_ci[RC_NPCT];     /* 95% order-statistic confidence intervals */
    double at_conf;                  /* P(confidence) */
    rc_interval at_conf_ci;
    double plan_probability;         /* fraction <= the plan's value (NaN: none) */
} rc_stats;

typedef struct {
    int model_idx;
    const char *id, *name;           /* borrowed from the model */
    bool active;                     /* false: done before the status date */
    double criticality;
    bool has_sensitivity;
    double sensitivity;
    double duration_mean;            /* working days */
    double finish_mean;              /* offset */
    double plan_start, plan_finish;  /* offsets */
    double plan_duration;
    bool plan_critical;
    bool has_range;                  /* finish P10/P90 kept for this task */
    double finish_p10, finish_p90;   /* offsets */
} rc_task_result;

typedef struct {
    double cost, schedule_benefit, cost_benefit, net_benefit;
} rc_mitigation_value;

typedef struct {
    int model_idx;
    const char *id, *name;           /* borrowed */
    double occurrence;
    double schedule_contribution, cost_contribution;
    bool has_mitigation;
    rc_mitigation_value mitigation;
    /* register view: probability of at least one occurrence, and the mean
     * impact on the project (working days, cost) in the iterations where it
     * occurs; before and after the mitigation */
    double prob_before, impact_days_before, impact_cost_before;
    double prob_after, impact_days_after, impact_cost_after;
    /* Shapley split of the reserve (schedule days, cost) */
    double shapley_days, shapley_cost;
    bool recommended;                /* in the recommended mitigation set */
} rc_risk_result;

typedef struct {
    const rc_model *model;           /* borrowed */
    long iterations;
    uint64_t seed;
    double confidence;
    int threads;
    bool mitigated;
    bool cancelled;
    /* the plan */
    double plan_duration, plan_cost;
    rc_date plan_finish;
    int *critical_path;              /* model task indices of the plan's critical path, in order; owned */
    int n_critical_path;
    /* per iteration (owned), by iteration index */
    double *duration, *cost;
    rc_stats dur, cst;
    rc_date finish_pct[RC_NPCT], finish_at_conf, finish_min, finish_max;
    rc_interval finish_at_conf_ci;   /* dates, as numbers */
    double finish_plan_probability;
    /* targets */
    double deadline_probability;     /* NaN without a deadline */
    double deadline_offset;          /* working days available to the deadline */
    double budget_probability;       /* NaN without a budget */
    double joint_probability;        /* NaN unless both */
    double loss_probability;         /* NaN without a price */
    rc_stats margin;                 /* price - cost, when there is a price */
    double price_at_confidence;
    /* contingency */
    double contingency_days, contingency_cost;
    rc_date contingency_finish;
    /* Shapley split: the estimating uncertainty's share (the risks' are per risk) */
    bool has_shapley;
    double shapley_base_days, shapley_base_cost;
    int shapley_perms;
    /* the split, or the recommended set, was asked for but left out as more
     * work than its budget (analysis.c) at this many iterations; the most
     * iterations that allow it (0: none) */
    bool shapley_left_out, rec_left_out;
    long shapley_max_iterations, rec_max_iterations;
    /* recommended mitigation set */
    int n_recommended;
    double rec_cost;                 /* their costs together */
    rc_stats rec_dur, rec_cst;       /* the model with the recommended set applied
                                        (cost includes the mitigations' costs) */
    rc_stats none_dur, none_cst;     /* the model with no mitigation applied */
    rc_stats all_dur, all_cst;       /* ... and with every one (costs included) */
    bool has_rec;
    rc_task_result *tasks;           /* every model task, in file order; owned */
    int n_tasks;
    rc_risk_result *risks;           /* open risks, in file order; owned */
    int n_risks;
    bool corr_repaired;
} rc_result;

/* Simulate model M (already loaded and valid). Returns 0, -1 when memory ran
 * out, 1 when cancelled. Warnings (repaired correlations) go to D (may be
 * NULL). The caller frees R with rc_result_delete. */
int rc_simulate(const rc_model *m, const rc_sim_options *o, rc_result *r, rc_diags *d);
void rc_result_delete(rc_result *r);

/* Statistics of N values X (any order), with the plan value PLAN (NaN for
 * none) and confidence C. SORTED is scratch of N doubles (may be NULL:
 * allocated). Returns 0 or -1. */
int rc_stats_compute(const double *x, long n, double plan, double c, rc_stats *s);

/* The P-q value of N unsorted values X, which it reorders (quickselect). */
double rc_select_percentile(double *x, long n, double q);

/* The K-th smallest (from 0) of N floats X, which it reorders so that the K
 * first are no larger (quickselect). */
float rc_select_kth_float(float *x, long n, long k);

/* The P-q value of sorted values: the smallest x with at least q n values <= x. */
double rc_percentile_sorted(const double *sorted, long n, double q);



/* --iterations auto: simulate 2,000 iterations, then double, until the 95%
 * intervals of the P(confidence) duration and cost are within
 * RC_AUTO_PRECISION of their values (or RC_AUTO_MAX iterations); then run the
 * full analysis at that count. r->iterations tells how many it took. */
#define RC_AUTO_PRECISION 0.005
#define RC_AUTO_START 2000L
#define RC_AUTO_MAX 2000000L
int rc_simulate_auto(const rc_model *m, const rc_sim_options *o, rc_result *r, rc_diags *d);

/* Memory a simulation may take. rc_sim_memory() estimates the peak bytes of
 * rc_simulate(M, ...) with ITERATIONS iterations (<= 0: the --iterations auto
 * ceiling RC_AUTO_MAX) on THREADS threads (<= 0: every processor):
 * RC_SIM_BYTES_PER_ITER for the per-iteration arrays (duration and cost, a
 * chunk of at least two risk variants, the sorted and ranked copies) and
 * RC_SIM_BYTES_PER_ITER_THREAD per thread (the sort keys of the
 * sensitivity), a per-thread workspace of RC_SIM_BYTES_PER_TASK per task
 * and, for the risks, RC_SIM_BYTES_PER_RISK_THREAD per risk,
 * RC_SIM_BYTES_PER_SLOT_THREAD per impact (of the risk and of its
 * mitigation) and RC_SIM_BYTES_PER_LISTED_THREAD per task an impact lists,
 * the sampling records, their copies in the loop's order and the
 * per-task results, RC_SIM_BYTES_PER_TASK_SHARED per task, the loop's link
 * arrays (padded to groups of 2 or 4), the successor lists and the
 * windows' link records, RC_SIM_BYTES_PER_LINK_SHARED per link, the lists
 * of links over each position (at most RC_SPAN_BUDGET entries of 4 bytes),
 * the variant budget, the durations pass 1 keeps for the sensitivity of the
 * tasks risks act on (RC_SENS_KEEP_BUDGET) and the finish ranges kept for
 * the gantt (a float per task and iteration, RC_RANGE_TASKS x at most
 * RC_RANGE_ITER). Callers
 * refuse a run above RC_MAX_SIM_BYTES (doc/limits.md). */
#define RC_MAX_SIM_BYTES (8ULL << 30)
#define RC_SIM_BYTES_PER_ITER 80ULL
#define RC_SIM_BYTES_PER_ITER_THREAD 16ULL
#define RC_SIM_BYTES_PER_TASK 736ULL
#define RC_SIM_BYTES_PER_TASK_SHARED 640ULL
#define RC_SIM_BYTES_PER_LINK_SHARED 128ULL
#define RC_SIM_BYTES_PER_RISK_THREAD 176ULL
#define RC_SIM_BYTES_PER_SLOT_THREAD 96ULL
#define RC_SIM_BYTES_PER_LISTED_THREAD 24ULL
#define RC_SPAN_BUDGET (4L * 1024 * 1024)
#define RC_SENS_KEEP_BUDGET (32L * 1024 * 1024)  /* durations pass 1 keeps for the sensitivity */
unsigned long long rc_sim_memory(const rc_model *m, long iterations, int threads);

#endif
