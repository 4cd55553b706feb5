/* model.h - the in-memory project model: tasks, links, risks, correlations,
 * calendar and settings, as loaded from a project file (load.c) or built by
 * hand in tests. Every element keeps the mark of the YAML node it came from.
 *
 * Ownership: an rc_model owns every string, array and distribution inside it;
 * rc_model_free() releases all of it.
 */
#ifndef RC_MODEL_H
#define RC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "diag.h"
#include "dist.h"

typedef enum { RC_LINK_FS, RC_LINK_SS, RC_LINK_FF, RC_LINK_SF } rc_link_type;

typedef struct {
    char *task;            /* the predecessor's id, as written; owned */
    int pred;              /* its index in model->tasks, set by rc_model_resolve() */
    rc_link_type type;
    double lag;            /* working days, may be negative */
    rc_mark mark;
} rc_link;

typedef struct {
    char *id;              /* owned */
    char *name;            /* owned; NULL when not given */
    rc_mark mark;          /* the task's mapping */
    rc_mark id_mark;
    rc_dist duration;      /* working days (remaining, for a started task) */
    rc_mark duration_mark;
    bool milestone;
    rc_dist cost_fixed;    /* fixed 0 when not given */
    rc_dist cost_rate;     /* per working day of the task; fixed 0 when not given */
    rc_link *after;        /* owned */
    int n_after;
    bool has_not_before;
    rc_date not_before;
    bool done, started;
    double actual_cost;    /* 0 when not given */
} rc_task;

typedef struct {
    char **tasks;          /* ids as written; owned */
    int *task_idx;         /* set by rc_model_resolve(); owned */
    rc_mark *task_marks;   /* owned */
    int n_tasks;
    bool has_delay, has_scale, has_cost;
    rc_dist delay;         /* working days added to each listed task */
    rc_dist scale;         /* multiplies each listed task's sampled duration */
    rc_dist cost;          /* added to the project cost, once per occurrence */
    rc_mark mark;
} rc_impact;

/* The part of a risk a mitigation may replace. */
typedef struct {
    bool use_frequency;    /* Poisson(frequency) occurrences, else Bernoulli(probability) */
    double probability;
    double frequency;
    rc_impact *impacts;    /* owned */
    int n_impacts;
} rc_risk_effect;

typedef struct {
    char *id;              /* owned */
    char *name, *owner, *category, *trigger, *response;  /* owned; NULL when absent */
    rc_mark mark, id_mark;
    bool closed;
    rc_risk_effect effect;       /* as registered */
    bool has_mitigation;
    char *mitigation_action;     /* owned; NULL when absent */
    double mitigation_cost;
    rc_risk_effect mitigated;    /* the effect with the mitigation applied:
                                    the fields it names replace those of `effect`,
                                    the rest are copies */
    rc_mark mitigation_mark;
} rc_risk;

typedef struct {
    char **tasks;          /* owned */
    int *task_idx;         /* set by rc_model_resolve(); owned */
    rc_mark *task_marks;   /* owned */
    int n_tasks;
    double coefficient;    /* Spearman rank correlation of every pair */
    rc_mark mark;
} rc_correlation;

typedef struct {
    int version;
    char *name;            /* owned; never NULL after loading ("" when absent) */
    rc_date start;
    char *currency;        /* owned; never NULL after loading ("" when absent) */
    bool has_deadline;  rc_date deadline;
    bool has_budget;    double budget;
    bool has_price;     double price;
    double overhead_per_day;
    double penalty_per_day;
    rc_dist_kind default_dist;       /* RC_DIST_TRIANGULAR or RC_DIST_PERT */
    bool has_status_date; rc_date status_date;
    rc_calendar calendar;

    /* simulation: settings from the file (the command line overrides) */
    bool has_iterations; long iterations;
    bool has_seed;       uint64_t seed;
    bool has_confidence; double confidence;

    rc_task *tasks;        int n_tasks;
    rc_risk *risks;        int n_risks;
    rc_correlation *corrs; int n_corrs;
} rc_model;

/* Defaults used when the file and the command line say nothing. */
#define RC_DEFAULT_ITERATIONS 10000L
#define RC_DEFAULT_SEED 20270104ULL
#define RC_DEFAULT_CONFIDENCE 0.8

/* Input limits (documented in README: each one is named in its error). */
#define RC_MAX_FILE_BYTES   (256L * 1024 * 1024)
#define RC_MAX_DEPTH        64
#define RC_MAX_TASKS        1000000
#define RC_MAX_RISKS        100000
#define RC_MAX_LINKS        4000000
#define RC_MAX_ITERATIONS   100000000L
#define RC_MAX_FREQUENCY    1000.0
#define RC_MAX_DISCRETE     10000

rc_model *rc_model_alloc(void);
void rc_model_free(rc_model *m);

/* Find a task by id; -1 when absent. (Linear scan; the loader builds a hash
 * table for large files.) */
int rc_model_find_task(const rc_model *m, const char *id);

/* Resolve link and impact and correlation task ids into indices, reporting
 * duplicate ids (unique across tasks and risks), unknown ids, self-links,
 * tasks listed twice in one correlation and dependency cycles (naming the
 * cycle, over links of every type) into D. Returns the number of errors
 * added. O(n) expected in the number of tasks, links and risks. */
int rc_model_resolve(rc_model *m, rc_diags *d);

/* A hash table from id strings to ints (open addressing). Keys are not
 * copied: they must outlive the map. Used for id lookups in large files. */
typedef struct {
    const char **keys;
    int *vals;
    size_t cap, n;
} rc_idmap;

/* Returns 0, or -1 when memory ran out. */
int rc_idmap_init(rc_idmap *m, size_t expected);
void rc_idmap_delete(rc_idmap *m);
/* Insert KEY -> VAL unless KEY is present. Returns -1 when inserted, the
 * existing value when KEY was present, or -2 when memory ran out.
 * Values must be >= 0 or < -2 to be told apart. */
int rc_idmap_put(rc_idmap *m, const char *key, int val);
/* The value of KEY, or -1 when absent. */
int rc_idmap_get(const rc_idmap *m, const char *key);

#endif
