/* network.h - the compiled network: the model's tasks, links and risks in flat
 * arrays in topological order, ready for the simulation loop, plus the
 * deterministic plan (one forward pass on plan values, no risk events).
 *
 * Tasks that are `done` (with a status date) leave the network: their links
 * count as met and their actual cost is a constant. Closed risks leave it too.
 * Positions p = 0 .. n-1 are in topological order of all links.
 */
#ifndef RC_NETWORK_H
#define RC_NETWORK_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/* One impact of a compiled risk effect. */
typedef struct {
    const rc_dist *delay, *scale, *cost;   /* NULL when absent; borrowed */
    int *pos;                               /* positions of the listed tasks (active only); owned */
    int n_pos;
} rc_net_impact;

typedef struct {
    bool use_frequency;
    double probability, frequency;
    rc_net_impact *impacts;                 /* owned */
    int n_impacts;
} rc_net_effect;

typedef struct {
    int model_idx;             /* index in model->risks */
    uint64_t key;
    rc_net_effect effect[2];   /* [0] simulated, [1] the alternative (mitigation toggled) */
    bool has_alt;              /* the risk has a mitigation */
    double alt_cost;           /* the mitigation's cost */
    bool mit0;                 /* effect[0] is the mitigated one (its cost is paid) */
    int *touched;              /* positions touched by either effect, ascending; owned */
    int n_touched;
} rc_net_risk;

typedef struct {
    const rc_model *model;     /* borrowed */
    int n;                     /* active tasks */
    int *model_idx;            /* [n] position -> model task index; owned */
    int *pos_of;               /* [model n_tasks] model index -> position, -1 if done; owned */
    const rc_dist **dur, **fixed, **rate;   /* [n] borrowed */
    uint8_t *dur_kind;         /* [n] 0 fixed, 1 varies */
    double *dur_const;         /* [n] value when fixed */
    uint64_t *key;             /* [n] */
    double *min_start;         /* [n] max(0, not_before, status date) offsets */
    /* predecessor links, CSR by successor position */
    int *pred_start;           /* [n+1] */
    int *pred_pos;             /* [m] */
    uint8_t *pred_type;        /* [m] rc_link_type */
    double *pred_lag;          /* [m] */
    int m;
    /* successor links, CSR by predecessor position */
    int *succ_start;           /* [n+1] */
    int *succ_pos;             /* [m] */
    /* tasks whose finish can be the project finish: no successor link (FS or
     * FF with lag >= 0) forces a successor to finish no earlier */
    uint8_t *dominated;        /* [n] */
    int *nd_pos;               /* the positions not dominated; owned */
    int n_nd;
    /* risk impacts acting on each position, CSR: global impact slot ids */
    int *inc_start;            /* [n+1] */
    int *inc_slot;             /* slot = index into the per-iteration impact arrays */
    int n_slots;               /* impacts of effect[0] of every risk */
    int *slot_risk;            /* [n_slots] risk index (in risks[]) */
    rc_net_risk *risks;        /* owned */
    int n_risks;
    /* correlation groups: connected components, each with its Cholesky factor */
    int n_groups;
    int *group_start;          /* [n_groups+1] into group_pos */
    int *group_pos;            /* positions */
    double **group_chol;       /* lower-triangular k x k, row-major; owned */
    int *corr_group;           /* [n] group index or -1 */
    bool corr_repaired;        /* some matrix was not positive definite and was repaired */
    /* costs and time constants */
    double actual_cost;        /* sum of actual_cost of every task */
    double mitigation_cost;    /* the costs of the mitigations simulated as applied */
    double status_offset;      /* 0 without a status date */
    double deadline_date;      /* rc_date, when the model has a deadline */
} rc_net;

/* Compile M. MITIGATED chooses which effect is simulated (effect[0]).
 * Warnings (a repaired correlation matrix) go to D. Returns NULL when memory
 * ran out. The model must outlive the network. */
rc_net *rc_net_compile(const rc_model *m, bool mitigated, rc_diags *d);
/* The same with a choice per model risk: MITIGATE[r] != 0 simulates risk r
 * mitigated (NULL: as MITIGATED says); INCLUDE[r] == 0 leaves it out (NULL:
 * every open risk). */
rc_net *rc_net_compile_ex(const rc_model *m, bool mitigated, const uint8_t *mitigate,
                          const uint8_t *include, rc_diags *d);
void rc_net_free(rc_net *net);

/* The deterministic plan. */
typedef struct {
    double duration;           /* working days */
    rc_date finish;
    double cost;
    double *es, *ef;           /* [n] early start/finish per position; owned */
    double *lf;                /* [n] late finish (total float = lf - ef); owned */
    uint8_t *critical;         /* [n] zero total float; owned */
} rc_plan;

int rc_plan_compute(const rc_net *net, rc_plan *plan);
void rc_plan_delete(rc_plan *plan);
/* The plan's driving (critical) chain, as positions in order; returns the
 * count. OUT has room for net->n. */
int rc_plan_chain(const rc_net *net, const rc_plan *plan, int *out);

/* One forward pass: ES/EF from durations DUR. Returns the project duration
 * (the latest finish; the status offset when no task is active). */
double rc_net_forward(const rc_net *net, const double *dur, double *es, double *ef);
/* Zero total float: within RC_FLOAT_EPS x max(D, 1) of zero. */
#define RC_FLOAT_EPS 1e-9

/* One backward pass: for each position set CRIT[p] = 1 when its total float
 * is zero (within a tolerance relative to the duration D). LF is scratch [n]. */
void rc_net_backward(const rc_net *net, const double *dur, const double *ef,
                     double d, double *lf, uint8_t *crit);

/* Cost terms that depend on the project duration: overhead and late penalty. */
double rc_net_time_cost(const rc_net *net, double duration);

#endif
