/* compare.c - two versions of a plan side by side: paired differences with
 * their intervals, what changed between the files, and the S-curve charts.
 * The method is described in compare.h. */
#include "compare.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fileio.h"
#include "rng.h"
#include "text.h"

#define Z95 1.959963984540054
/* q n is computed in floating point; 0.8 * 10000 must count as 8000 (as in
 * stats.c), so a relative error of this size is forgiven before rounding up. */
#define QN_EPS 1e-12
#define NQ (RC_NPCT + 1) /* the percentiles of SPEC §3, then P(confidence) */

static long rank_k(long n, double q)
{
    double qn = q * (double)n;
    long k = (long)ceil(qn - QN_EPS * (qn > 1 ? qn : 1));
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return k;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ---- means and probabilities ------------------------------------------------------ */

/* Mean of b_i - a_i with its paired and unpaired 95% intervals. */
static void mean_diff(const double *a, const double *b, long n, double *mean, rc_interval *paired,
                      rc_interval *unpaired)
{
    double sa = 0, sb = 0, sd = 0;
    for (long i = 0; i < n; i++) {
        sa += a[i];
        sb += b[i];
        sd += b[i] - a[i];
    }
    double ma = sa / (double)n, mb = sb / (double)n, md = sd / (double)n;
    double va = 0, vb = 0, vd = 0;
    for (long i = 0; i < n; i++) {
        double x = a[i] - ma, y = b[i] - mb, z = b[i] - a[i] - md;
        va += x * x;
        vb += y * y;
        vd += z * z;
    }
    double dn = n > 1 ? (double)(n - 1) : 1;
    va /= dn;
    vb /= dn;
    vd /= dn;
    *mean = md;
    double h = Z95 * sqrt(vd / (double)n), hu = Z95 * sqrt((va + vb) / (double)n);
    paired->lo = md - h;
    paired->hi = md + h;
    unpaired->lo = md - hu;
    unpaired->hi = md + hu;
}

/* ---- the bootstrap of percentile differences -------------------------------------- */

typedef struct {
    double v;
    long i;
} vi;

static int cmp_vi(const void *a, const void *b)
{
    const vi *x = a, *y = b;
    if (x->v != y->v)
        return (x->v > y->v) - (x->v < y->v);
    return (x->i > y->i) - (x->i < y->i);
}

static vi *sorted_pairs(const double *x, long n)
{
    vi *p = malloc((size_t)n * sizeof *p);
    if (!p)
        return NULL;
    for (long i = 0; i < n; i++) {
        p[i].v = x[i];
        p[i].i = i;
    }
    qsort(p, (size_t)n, sizeof *p, cmp_vi);
    return p;
}

/* The NQ percentiles of the resample in which iteration i appears CNT[i]
 * times: walk the values in sorted order, summing the counts, and stop at each
 * target rank. RANK holds the targets ascending, SLOT where each one goes. */
static void walk(const vi *p, long n, const unsigned *cnt, const long *rank, const int *slot,
                 double *out)
{
    long cum = 0;
    int t = 0;
    for (long j = 0; j < n && t < NQ; j++) {
        cum += cnt[p[j].i];
        while (t < NQ && cum >= rank[t])
            out[slot[t++]] = p[j].v;
    }
    while (t < NQ) /* unreachable: the counts sum to n */
        out[slot[t++]] = p[n - 1].v;
}

/* 2.5th and 97.5th percentiles of X[0..m) (sorted in place). */
static rc_interval boot_interval(double *x, int m)
{
    qsort(x, (size_t)m, sizeof *x, cmp_double);
    long lo = (long)floor(0.025 * m), hi = (long)ceil(0.975 * m) - 1;
    if (lo < 0)
        lo = 0;
    if (hi >= m)
        hi = m - 1;
    rc_interval iv = {x[lo], x[hi]};
    return iv;
}

/* Percentile differences and their bootstrap intervals for durations
 * (var 0) and costs (var 1) at once, sharing the resamples. */
static int bootstrap(const rc_result *a, const rc_result *b, rc_compare *c)
{
    long n = a->iterations;
    int m = (int)(RC_COMPARE_BOOT_WORK / n);
    if (m > RC_COMPARE_BOOT_MAX)
        m = RC_COMPARE_BOOT_MAX;
    if (m < RC_COMPARE_BOOT_MIN)
        m = RC_COMPARE_BOOT_MIN;
    c->resamples = m;

    double q[NQ];
    for (int k = 0; k < RC_NPCT; k++)
        q[k] = rc_pct_keys[k] / 100.0;
    q[RC_NPCT] = c->confidence;
    long rank[NQ];
    int slot[NQ];
    for (int k = 0; k < NQ; k++)
        slot[k] = k;
    for (int x = 1; x < NQ; x++) /* insertion sort of the slots by q */
        for (int y = x; y > 0 && q[slot[y]] < q[slot[y - 1]]; y--) {
            int t = slot[y];
            slot[y] = slot[y - 1];
            slot[y - 1] = t;
        }
    for (int k = 0; k < NQ; k++)
        rank[k] = rank_k(n, q[slot[k]]);

    int ret = -1;
    vi *pa[2] = {0}, *pb[2] = {0};
    unsigned *cnt = NULL, *cnt2 = NULL;
    double *boot = NULL; /* [var][paired/unpaired][NQ][m] */
    pa[0] = sorted_pairs(a->duration, n);
    pb[0] = sorted_pairs(b->duration, n);
    pa[1] = sorted_pairs(a->cost, n);
    pb[1] = sorted_pairs(b->cost, n);
    cnt = malloc((size_t)n * sizeof *cnt);
    cnt2 = malloc((size_t)n * sizeof *cnt2);
    boot = malloc((size_t)2 * 2 * NQ * (size_t)m * sizeof *boot);
    if (!pa[0] || !pb[0] || !pa[1] || !pb[1] || !cnt || !cnt2 || !boot)
        goto done;

    /* the full-sample differences */
    for (int v = 0; v < 2; v++) {
        rc_diff *d = v ? &c->cst : &c->dur;
        for (int k = 0; k < NQ; k++) {
            long r = rank_k(n, q[k]) - 1;
            double x = pb[v][r].v - pa[v][r].v;
            if (k < RC_NPCT)
                d->pct[k] = x;
            else
                d->at_conf = x;
        }
    }

    uint64_t key = rc_rng_key(RC_COMPARE_BOOT_SEED, "compare.bootstrap");
    uint64_t key2 = rc_rng_key(RC_COMPARE_BOOT_SEED, "compare.bootstrap.unpaired");
    for (int s = 0; s < m; s++) {
        memset(cnt, 0, (size_t)n * sizeof *cnt);
        memset(cnt2, 0, (size_t)n * sizeof *cnt2);
        for (long i = 0; i < n; i++) {
            long j = (long)(rc_uniform(key, (uint64_t)s, (uint64_t)i) * (double)n);
            long j2 = (long)(rc_uniform(key2, (uint64_t)s, (uint64_t)i) * (double)n);
            cnt[j < n ? j : n - 1]++;
            cnt2[j2 < n ? j2 : n - 1]++;
        }
        for (int v = 0; v < 2; v++) {
            double qa[NQ], qb[NQ], qb2[NQ];
            walk(pa[v], n, cnt, rank, slot, qa);
            walk(pb[v], n, cnt, rank, slot, qb);
            walk(pb[v], n, cnt2, rank, slot, qb2);
            for (int k = 0; k < NQ; k++) {
                boot[(((size_t)v * 2 + 0) * NQ + k) * m + s] = qb[k] - qa[k];
                boot[(((size_t)v * 2 + 1) * NQ + k) * m + s] = qb2[k] - qa[k];
            }
        }
    }
    for (int v = 0; v < 2; v++) {
        rc_diff *d = v ? &c->cst : &c->dur;
        for (int k = 0; k < NQ; k++) {
            rc_interval ip = boot_interval(boot + (((size_t)v * 2 + 0) * NQ + k) * m, m);
            rc_interval iu = boot_interval(boot + (((size_t)v * 2 + 1) * NQ + k) * m, m);
            if (!c->paired)
                ip = iu;
            if (k < RC_NPCT) {
                d->pct_ci[k] = ip;
                d->pct_ci_unpaired[k] = iu;
            } else {
                d->at_conf_ci = ip;
                d->at_conf_ci_unpaired = iu;
            }
        }
    }
    ret = 0;
done:
    for (int v = 0; v < 2; v++) {
        free(pa[v]);
        free(pb[v]);
    }
    free(cnt);
    free(cnt2);
    free(boot);
    return ret;
}

/* Difference of the chances that x_i <= limit, with its interval. */
static int prob_diff(const rc_result *a, const rc_result *b, bool deadline, double *p, rc_interval *ci,
                     bool paired)
{
    long n = a->iterations;
    double *ia = malloc((size_t)n * sizeof *ia), *ib = malloc((size_t)n * sizeof *ib);
    if (!ia || !ib) {
        free(ia);
        free(ib);
        return -1;
    }
    const rc_model *ma = a->model, *mb = b->model;
    for (long i = 0; i < n; i++) {
        if (deadline) {
            ia[i] = rc_calendar_date(&ma->calendar, a->duration[i]) <= ma->deadline;
            ib[i] = rc_calendar_date(&mb->calendar, b->duration[i]) <= mb->deadline;
        } else {
            ia[i] = a->cost[i] <= ma->budget;
            ib[i] = b->cost[i] <= mb->budget;
        }
    }
    rc_interval pi, ui;
    mean_diff(ia, ib, n, p, &pi, &ui);
    *ci = paired ? pi : ui;
    free(ia);
    free(ib);
    return 0;
}

int rc_compare_results(const rc_result *a, const rc_result *b, bool paired, rc_compare *c)
{
    memset(c, 0, sizeof *c);
    if (a->iterations != b->iterations || a->iterations < 1)
        return -2;
    long n = a->iterations;
    c->n = n;
    c->paired = paired;
    c->confidence = a->confidence;
    mean_diff(a->duration, b->duration, n, &c->dur.mean, &c->dur.mean_ci, &c->dur.mean_ci_unpaired);
    mean_diff(a->cost, b->cost, n, &c->cst.mean, &c->cst.mean_ci, &c->cst.mean_ci_unpaired);
    if (!paired) {
        c->dur.mean_ci = c->dur.mean_ci_unpaired;
        c->cst.mean_ci = c->cst.mean_ci_unpaired;
    }
    c->dur.plan = b->plan_duration - a->plan_duration;
    c->cst.plan = b->plan_cost - a->plan_cost;
    if (bootstrap(a, b, c))
        return -1;
    for (int k = 0; k < RC_NPCT; k++)
        c->finish_pct_days[k] = (int)(b->finish_pct[k] - a->finish_pct[k]);
    c->finish_at_conf_days = (int)(b->finish_at_conf - a->finish_at_conf);
    c->finish_plan_days = (int)(b->plan_finish - a->plan_finish);
    c->deadline_probability = c->budget_probability = NAN;
    c->deadline_ci.lo = c->deadline_ci.hi = c->budget_ci.lo = c->budget_ci.hi = NAN;
    if (a->model->has_deadline && b->model->has_deadline &&
        prob_diff(a, b, true, &c->deadline_probability, &c->deadline_ci, paired))
        return -1;
    if (a->model->has_budget && b->model->has_budget &&
        prob_diff(a, b, false, &c->budget_probability, &c->budget_ci, paired))
        return -1;
    return 0;
}

/* ---- what changed --------------------------------------------------------------- */

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return !strcmp(a, b);
}

static bool dist_eq(const rc_dist *x, const rc_dist *y)
{
    if (x->kind != y->kind)
        return false;
    switch (x->kind) {
    case RC_DIST_FIXED:
        return x->a == y->a;
    case RC_DIST_UNIFORM:
    case RC_DIST_NORMAL:
    case RC_DIST_LOGNORMAL:
        return x->a == y->a && x->c == y->c;
    case RC_DIST_TRIANGULAR:
        return x->a == y->a && x->b == y->b && x->c == y->c;
    case RC_DIST_PERT:
        return x->a == y->a && x->b == y->b && x->c == y->c && x->lambda == y->lambda;
    case RC_DIST_TRIGEN:
        return x->a == y->a && x->b == y->b && x->c == y->c && x->low_pct == y->low_pct &&
               x->high_pct == y->high_pct;
    case RC_DIST_DISCRETE:
        if (x->n != y->n)
            return false;
        for (int i = 0; i < x->n; i++)
            if (x->values[i] != y->values[i] || x->weights[i] != y->weights[i])
                return false;
        return true;
    }
    return false;
}

static int cmp_link(const void *p, const void *q)
{
    const rc_link *x = *(const rc_link *const *)p, *y = *(const rc_link *const *)q;
    int s = strcmp(x->task, y->task);
    if (s)
        return s;
    if (x->type != y->type)
        return (int)x->type - (int)y->type;
    return (x->lag > y->lag) - (x->lag < y->lag);
}

/* Links as a set: the same predecessors, types and lags in any order.
 * Returns 1 equal, 0 different, -1 out of memory. */
static int links_eq(const rc_task *x, const rc_task *y)
{
    if (x->n_after != y->n_after)
        return 0;
    int n = x->n_after;
    if (n == 0)
        return 1;
    const rc_link **px = malloc((size_t)n * sizeof *px), **py = malloc((size_t)n * sizeof *py);
    if (!px || !py) {
        free(px);
        free(py);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        px[i] = &x->after[i];
        py[i] = &y->after[i];
    }
    qsort(px, (size_t)n, sizeof *px, cmp_link);
    qsort(py, (size_t)n, sizeof *py, cmp_link);
    int eq = 1;
    for (int i = 0; i < n && eq; i++)
        eq = cmp_link(&px[i], &py[i]) == 0;
    free(px);
    free(py);
    return eq;
}

static bool ids_eq(char **x, int nx, char **y, int ny)
{
    if (nx != ny)
        return false;
    for (int i = 0; i < nx; i++)
        if (strcmp(x[i], y[i]))
            return false;
    return true;
}

static bool likelihood_eq(const rc_risk_effect *x, const rc_risk_effect *y)
{
    if (x->use_frequency != y->use_frequency)
        return false;
    return x->use_frequency ? x->frequency == y->frequency : x->probability == y->probability;
}

static bool impacts_eq(const rc_risk_effect *x, const rc_risk_effect *y)
{
    if (x->n_impacts != y->n_impacts)
        return false;
    for (int k = 0; k < x->n_impacts; k++) {
        const rc_impact *p = &x->impacts[k], *q = &y->impacts[k];
        if (!ids_eq(p->tasks, p->n_tasks, q->tasks, q->n_tasks) || p->has_delay != q->has_delay ||
            p->has_scale != q->has_scale || p->has_cost != q->has_cost)
            return false;
        if ((p->has_delay && !dist_eq(&p->delay, &q->delay)) ||
            (p->has_scale && !dist_eq(&p->scale, &q->scale)) ||
            (p->has_cost && !dist_eq(&p->cost, &q->cost)))
            return false;
    }
    return true;
}

static int task_changes(const rc_task *x, const rc_task *y, unsigned *what)
{
    unsigned w = 0;
    if (!dist_eq(&x->duration, &y->duration) || x->milestone != y->milestone)
        w |= RC_TASK_DURATION;
    int le = links_eq(x, y);
    if (le < 0)
        return -1;
    if (!le)
        w |= RC_TASK_LINKS;
    if (!dist_eq(&x->cost_fixed, &y->cost_fixed) || !dist_eq(&x->cost_rate, &y->cost_rate))
        w |= RC_TASK_COST;
    if (!str_eq(x->name, y->name))
        w |= RC_TASK_NAME;
    if (x->has_not_before != y->has_not_before || (x->has_not_before && x->not_before != y->not_before))
        w |= RC_TASK_NOT_BEFORE;
    if (x->done != y->done || x->started != y->started || x->actual_cost != y->actual_cost)
        w |= RC_TASK_PROGRESS;
    *what = w;
    return 0;
}

static unsigned risk_changes(const rc_risk *x, const rc_risk *y)
{
    unsigned w = 0;
    if (!likelihood_eq(&x->effect, &y->effect))
        w |= RC_RISK_LIKELIHOOD;
    if (!impacts_eq(&x->effect, &y->effect))
        w |= RC_RISK_IMPACTS;
    if (x->has_mitigation != y->has_mitigation ||
        (x->has_mitigation &&
         (x->mitigation_cost != y->mitigation_cost || !str_eq(x->mitigation_action, y->mitigation_action) ||
          !likelihood_eq(&x->mitigated, &y->mitigated) || !impacts_eq(&x->mitigated, &y->mitigated))))
        w |= RC_RISK_MITIGATION;
    if (x->closed != y->closed)
        w |= RC_RISK_CLOSED;
    if (!str_eq(x->name, y->name) || !str_eq(x->owner, y->owner) || !str_eq(x->category, y->category) ||
        !str_eq(x->trigger, y->trigger) || !str_eq(x->response, y->response))
        w |= RC_RISK_NAME;
    return w;
}

static bool calendar_eq(const rc_calendar *x, const rc_calendar *y)
{
    if (memcmp(x->workday, y->workday, sizeof x->workday) || x->n_holidays != y->n_holidays ||
        x->n_extra != y->n_extra)
        return false;
    for (int i = 0; i < x->n_holidays; i++)
        if (x->holidays[i] != y->holidays[i])
            return false;
    for (int i = 0; i < x->n_extra; i++)
        if (x->extra[i] != y->extra[i])
            return false;
    return true;
}

static unsigned project_changes(const rc_model *a, const rc_model *b)
{
    unsigned w = 0;
    if (a->start != b->start)
        w |= RC_PROJ_START;
    if (a->has_deadline != b->has_deadline || (a->has_deadline && a->deadline != b->deadline))
        w |= RC_PROJ_DEADLINE;
    if (a->has_budget != b->has_budget || (a->has_budget && a->budget != b->budget))
        w |= RC_PROJ_BUDGET;
    if (a->has_price != b->has_price || (a->has_price && a->price != b->price))
        w |= RC_PROJ_PRICE;
    if (a->overhead_per_day != b->overhead_per_day)
        w |= RC_PROJ_OVERHEAD;
    if (a->penalty_per_day != b->penalty_per_day)
        w |= RC_PROJ_PENALTY;
    if (!calendar_eq(&a->calendar, &b->calendar))
        w |= RC_PROJ_CALENDAR;
    if (a->has_status_date != b->has_status_date ||
        (a->has_status_date && a->status_date != b->status_date))
        w |= RC_PROJ_STATUS;
    if (!str_eq(a->currency, b->currency))
        w |= RC_PROJ_CURRENCY;
    bool ceq = a->n_corrs == b->n_corrs;
    for (int i = 0; ceq && i < a->n_corrs; i++)
        ceq = a->corrs[i].coefficient == b->corrs[i].coefficient &&
              ids_eq(a->corrs[i].tasks, a->corrs[i].n_tasks, b->corrs[i].tasks, b->corrs[i].n_tasks);
    if (!ceq)
        w |= RC_PROJ_CORRELATIONS;
    return w;
}

static int push(rc_model_diff *d, int *cap, rc_change ch)
{
    if (d->n == *cap) {
        int nc = *cap ? *cap * 2 : 16;
        rc_change *p = realloc(d->items, (size_t)nc * sizeof *p);
        if (!p)
            return -1;
        d->items = p;
        *cap = nc;
    }
    d->items[d->n++] = ch;
    return 0;
}

/* Ids of A's tasks (RISKS false) or risks into MAP. */
static int index_ids(const rc_model *m, bool risks, rc_idmap *map)
{
    int n = risks ? m->n_risks : m->n_tasks;
    if (rc_idmap_init(map, (size_t)n + 1))
        return -1;
    for (int i = 0; i < n; i++)
        if (rc_idmap_put(map, risks ? m->risks[i].id : m->tasks[i].id, i) == -2)
            return -1;
    return 0;
}

int rc_model_diff_compute(const rc_model *a, const rc_model *b, rc_model_diff *d)
{
    memset(d, 0, sizeof *d);
    int cap = 0;
    rc_idmap mp = {0};
    char *seen = NULL;
    d->project = project_changes(a, b);
    for (int pass = 0; pass < 2; pass++) {
        bool risks = pass == 1;
        int na = risks ? a->n_risks : a->n_tasks, nb = risks ? b->n_risks : b->n_tasks;
        if (index_ids(a, risks, &mp))
            goto error;
        seen = calloc((size_t)na + 1, 1);
        if (!seen)
            goto error;
        for (int j = 0; j < nb; j++) {
            const char *id = risks ? b->risks[j].id : b->tasks[j].id;
            const char *name = risks ? b->risks[j].name : b->tasks[j].name;
            int i = rc_idmap_get(&mp, id);
            rc_change ch = {risks, RC_CHANGE_ADDED, id, name, 0};
            if (i >= 0) {
                seen[i] = 1;
                ch.kind = RC_CHANGE_CHANGED;
                if (risks)
                    ch.what = risk_changes(&a->risks[i], &b->risks[j]);
                else if (task_changes(&a->tasks[i], &b->tasks[j], &ch.what))
                    goto error;
                if (!ch.what)
                    continue;
            }
            if (push(d, &cap, ch))
                goto error;
        }
        for (int i = 0; i < na; i++) {
            if (seen[i])
                continue;
            rc_change ch = {risks, RC_CHANGE_REMOVED, risks ? a->risks[i].id : a->tasks[i].id,
                            risks ? a->risks[i].name : a->tasks[i].name, 0};
            if (push(d, &cap, ch))
                goto error;
        }
        free(seen);
        seen = NULL;
        rc_idmap_delete(&mp);
        memset(&mp, 0, sizeof mp);
    }
    return 0;
error:
    free(seen);
    rc_idmap_delete(&mp);
    rc_model_diff_delete(d);
    return -1;
}

void rc_model_diff_delete(rc_model_diff *d)
{
    if (!d)
        return;
    free(d->items);
    memset(d, 0, sizeof *d);
}

/* ---- charts --------------------------------------------------------------------- */

#define CURVE_POINTS 500 /* points of each S-curve in the data file */

/* S in a gnuplot single-quoted string: quotes doubled, control characters
 * dropped. */
static void gp_quote(rc_sb *b, const char *s)
{
    rc_sb_puts(b, "'");
    for (; s && *s; s++) {
        if (*s == '\'')
            rc_sb_puts(b, "''");
        else if ((unsigned char)*s >= 0x20)
            rc_sb_printf(b, "%c", *s);
    }
    rc_sb_puts(b, "'");
}

static double *sorted_copy(const double *x, long n)
{
    double *s = malloc((size_t)n * sizeof *s);
    if (!s)
        return NULL;
    memcpy(s, x, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    return s;
}

/* Run gnuplot on SCRIPT inside DIR. 0 ok; -1 not found; -2 it failed. */
static int run_gnuplot(const char *dir, const char *script, int *status)
{
    pid_t pid = fork();
    if (pid < 0)
        return -2;
    if (pid == 0) {
        if (chdir(dir))
            _exit(126);
        execlp("gnuplot", "gnuplot", script, (char *)NULL);
        _exit(errno == ENOENT ? 127 : 126);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -2;
    *status = st;
    if (WIFEXITED(st) && WEXITSTATUS(st) == 127)
        return -1;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return -2;
    return 0;
}

static int write_text(const char *dir, const char *name, rc_sb *b, char *err, size_t errlen)
{
    char *s = rc_sb_take(b);
    if (!s) {
        snprintf(err, errlen, "out of memory writing %s", name);
        return -1;
    }
    size_t len = strlen(s);
    size_t plen = strlen(dir) + strlen(name) + 2;
    char *path = malloc(plen);
    if (!path) {
        free(s);
        snprintf(err, errlen, "out of memory writing %s", name);
        return -1;
    }
    snprintf(path, plen, "%s/%s", dir, name);
    int r = rc_write_file(path, s, len, err, errlen);
    free(path);
    free(s);
    return r;
}

/* One chart: FINISH (dates) or cost. */
static rc_plot_status one_chart(const rc_result *a, const rc_result *b, const rc_compare_plot_options *o,
                                bool finish, char *err, size_t errlen)
{
    const char *name = finish ? "compare-finish" : "compare-cost";
    bool zh = o->lang && !strcmp(o->lang, "zh");
    long n = a->iterations;
    double *sa = sorted_copy(finish ? a->duration : a->cost, n);
    double *sb = sorted_copy(finish ? b->duration : b->cost, n);
    if (!sa || !sb) {
        free(sa);
        free(sb);
        snprintf(err, errlen, "out of memory drawing %s", name);
        return RC_PLOT_IO;
    }
    rc_sb d;
    rc_sb_init(&d);
    rc_sb_printf(&d, "# %s.dat - S-curves of A and B: cumulative probability, A's %s, B's %s\n", name,
                 finish ? "finish date" : "cost", finish ? "finish date" : "cost");
    long k = n < CURVE_POINTS ? n : CURVE_POINTS;
    for (long j = 0; j <= k; j++) {
        double q = (double)j / (double)k;
        long r = j == 0 ? 0 : rank_k(n, q) - 1;
        if (finish) {
            char da[11], db[11];
            rc_date_format(rc_calendar_date(&a->model->calendar, sa[r]), da);
            rc_date_format(rc_calendar_date(&b->model->calendar, sb[r]), db);
            rc_sb_printf(&d, "%.6f %s %s\n", q, da, db);
        } else {
            rc_sb_printf(&d, "%.6f %.6f %.6f\n", q, sa[r], sb[r]);
        }
    }
    free(sa);
    free(sb);
    char fname[64];
    snprintf(fname, sizeof fname, "%s.dat", name);
    if (write_text(o->dir, fname, &d, err, errlen))
        return RC_PLOT_IO;

    int conf = (int)lround(a->confidence * 100);
    const char *cur = a->model->currency && *a->model->currency ? a->model->currency : "";
    rc_sb g;
    rc_sb_init(&g);
    rc_sb_printf(&g, "# %s.gp - %s S-curves of two versions of a plan (riskcast compare).\n"
                     "# Rerun with: gnuplot %s.gp\n",
                 name, finish ? "finish date" : "cost", name);
    rc_sb_printf(&g, "set terminal pngcairo noenhanced font 'Noto Sans CJK SC,10' size 1000,600\n"
                     "set output '%s.png'\n", name);
    char title[256];
    if (finish)
        snprintf(title, sizeof title, "%s", zh ? "完成日期：A 与 B" : "Finish date: A and B");
    else
        snprintf(title, sizeof title, zh ? "成本：A 与 B%s%s%s" : "Cost: A and B%s%s%s",
                 *cur ? " (" : "", cur, *cur ? ")" : "");
    rc_sb_puts(&g, "set title ");
    gp_quote(&g, title);
    rc_sb_puts(&g, "\n");
    if (finish) {
        rc_sb_printf(&g, "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset format x '%s'\n",
                     zh ? "%m-%d" : "%d %b");
        rc_sb_printf(&g, "set xlabel '%s'\n", zh ? "完成日期" : "Finish date");
        rc_sb_printf(&g, "set ylabel '%s'\n", zh ? "在此之前完成的概率 (%)" : "Chance of finishing by then (%)");
    } else {
        rc_sb_puts(&g, "set format x '%.0f'\n");
        rc_sb_printf(&g, "set xlabel '%s'\n", zh ? "成本" : "Cost");
        rc_sb_printf(&g, "set ylabel '%s'\n", zh ? "成本不超过此值的概率 (%)" : "Chance of costing at most this (%)");
    }
    rc_sb_printf(&g, "set yrange [0:100]\nset grid\nset key left top box width 2\n"
                     "set arrow from graph 0, first %d to graph 1, first %d nohead dashtype 2 lc rgb '#888888'\n"
                     "set label 'P%d' at graph 0.01, first %d\n",
                 conf, conf, conf, conf + 2);
    rc_sb_printf(&g, "plot '%s.dat' using 2:($1*100) with steps lw 2 lc rgb '#1f77b4' title ", name);
    gp_quote(&g, o->label_a ? o->label_a : "A");
    rc_sb_printf(&g, ", \\\n     '' using 3:($1*100) with steps lw 2 lc rgb '#d62728' title ");
    gp_quote(&g, o->label_b ? o->label_b : "B");
    rc_sb_puts(&g, "\n");
    snprintf(fname, sizeof fname, "%s.gp", name);
    if (write_text(o->dir, fname, &g, err, errlen))
        return RC_PLOT_IO;

    int st = 0;
    int rr = run_gnuplot(o->dir, fname, &st);
    if (rr == -1) {
        snprintf(err, errlen, "gnuplot is not installed (install the package gnuplot-nox); "
                              "the data and scripts are in %s/", o->dir);
        return RC_PLOT_GNUPLOT;
    }
    if (rr) {
        if (WIFEXITED(st))
            snprintf(err, errlen, "gnuplot failed on %s/%s (exit %d)", o->dir, fname, WEXITSTATUS(st));
        else
            snprintf(err, errlen, "gnuplot failed on %s/%s", o->dir, fname);
        return RC_PLOT_GNUPLOT;
    }
    return RC_PLOT_OK;
}

rc_plot_status rc_compare_plot(const rc_result *a, const rc_result *b, const rc_compare_plot_options *o,
                               char *err, size_t errlen)
{
    if (a->iterations != b->iterations || a->iterations < 1) {
        snprintf(err, errlen, "the two results have different iteration counts");
        return RC_PLOT_IO;
    }
    rc_plot_status s1 = one_chart(a, b, o, true, err, errlen);
    if (s1 == RC_PLOT_IO)
        return s1;
    char err2[512] = "";
    rc_plot_status s2 = one_chart(a, b, o, false, s1 == RC_PLOT_OK ? err : err2, s1 == RC_PLOT_OK ? errlen : sizeof err2);
    if (s2 == RC_PLOT_IO) {
        if (s1 != RC_PLOT_OK)
            snprintf(err, errlen, "%s", err2);
        return s2;
    }
    return s1 != RC_PLOT_OK ? s1 : s2;
}
