/* test_sim.c - the Monte Carlo engine against exact answers.
 *
 * Every statistical check uses a fixed seed and a tolerance derived from the
 * Monte Carlo standard error, never tuned by hand (K_SE = 4 standard errors:
 * a correct engine fails one check with probability about 6e-5):
 *   - a mean: K_SE sd / sqrt(n);
 *   - a variance: K_SE sqrt((m4 - s^4) / n), m4 the sample's fourth central
 *     moment (the large-sample standard error of the sample variance);
 *   - a quantile x_q known exactly: the fraction of iterations <= x_q is
 *     within K_SE sqrt(q (1 - q) / n) of q (distribution-free); a reported
 *     P-q value v: the exact CDF at v is within K_SE sqrt(q (1-q) / n) + 1/n
 *     of q; a difference of P-q values (a contribution): K_SE times the
 *     order-statistic standard error sqrt(q (1 - q) / n) / f(x_q), with the
 *     density f known;
 *   - a probability p: K_SE sqrt(p (1 - p) / n);
 *   - a Spearman correlation rho: Fisher's z, |atanh(r) - atanh(rho)| within
 *     K_SE sqrt(1.06 / (n - 3)) (Fieller, Hartley and Pearson 1957).
 * The exact answers are computed in this file: closed forms, the product of
 * CDFs for the maximum of independent paths, and numerical convolution for
 * sums (each distribution's mass on cells of width h from its exact CDF,
 * convolved, then spread evenly over each cell: the CDF error is O(h^2),
 * below 1e-5 here, far inside the statistical tolerance).
 */
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>

#include "load.h"
#include "sim.h"
#include "test.h"
#include "text.h"

#define K_SE 4.0

#define HEAD "version: 1\nproject:\n  name: S\n  start: 2027-01-04\n"

/* ---- running a model --------------------------------------------------------- */

typedef struct {
    rc_model *m;
    rc_result r;
    rc_diags d;
    int ok;
    double *sorted;   /* the durations, sorted */
    double *csorted;  /* the costs, sorted */
} run_t;

typedef struct {
    long n;
    uint64_t seed;
    int threads;
    int analysis;
    int mitigated;
    double conf;
} opts_t;

static opts_t O(long n, int analysis)
{
    opts_t o = {n, 20270104, 2, analysis, 0, 0.8};
    return o;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double *sorted_copy(const double *x, long n)
{
    double *s = malloc((size_t)n * sizeof *s);
    memcpy(s, x, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_d);
    return s;
}

static run_t run(const char *yaml, opts_t o)
{
    run_t t;
    memset(&t, 0, sizeof t);
    rc_diags_init(&t.d, "sim.yaml");
    if (rc_load_buffer(yaml, strlen(yaml), &t.m, &t.d) != RC_LOAD_OK) {
        for (size_t i = 0; i < t.d.n; i++)
            printf("    %d:%d: %s\n", t.d.items[i].mark.line, t.d.items[i].mark.col,
                   t.d.items[i].msg);
        return t;
    }
    rc_sim_options so;
    rc_sim_options_init(&so);
    so.iterations = o.n;
    so.seed = o.seed;
    so.threads = o.threads;
    so.analysis = o.analysis;
    so.shapley = false;
    so.mitigated = o.mitigated;
    so.confidence = o.conf;
    if (rc_simulate(t.m, &so, &t.r, &t.d) != 0)
        return t;
    t.ok = 1;
    t.sorted = sorted_copy(t.r.duration, t.r.iterations);
    t.csorted = sorted_copy(t.r.cost, t.r.iterations);
    return t;
}

static void done(run_t *t)
{
    if (t->ok)
        rc_result_delete(&t->r);
    rc_model_free(t->m);
    rc_diags_delete(&t->d);
    free(t->sorted);
    free(t->csorted);
}

static const rc_task_result *task(const run_t *t, const char *id)
{
    for (int i = 0; i < t->r.n_tasks; i++)
        if (strcmp(t->r.tasks[i].id, id) == 0)
            return &t->r.tasks[i];
    return NULL;
}

static const rc_risk_result *risk(const run_t *t, const char *id)
{
    for (int i = 0; i < t->r.n_risks; i++)
        if (strcmp(t->r.risks[i].id, id) == 0)
            return &t->r.risks[i];
    return NULL;
}

/* ---- statistics of samples ------------------------------------------------------ */

static double ecdf(const double *sorted, long n, double v)
{
    long lo = 0, hi = n;
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (sorted[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (double)lo / (double)n;
}

static double se_p(double p, long n) { return sqrt(p * (1 - p) / (double)n); }

/* Sample mean and variance of X within K_SE standard errors of MEAN, VAR. */
static void check_mean_var(const double *x, long n, double mean, double var)
{
    double s = 0;
    for (long i = 0; i < n; i++)
        s += x[i];
    double m = s / (double)n, s2 = 0, s4 = 0;
    for (long i = 0; i < n; i++) {
        double e = (x[i] - m) * (x[i] - m);
        s2 += e;
        s4 += e * e;
    }
    double v = s2 / (double)(n - 1), m4 = s4 / (double)n;
    CHECK_NEAR(m, mean, K_SE * sqrt(var / (double)n));
    CHECK_NEAR(v, var, K_SE * sqrt(fmax(m4 - v * v, 0) / (double)n));
}

static const double qs[] = {0.05, 0.1, 0.25, 0.5, 0.75, 0.8, 0.9, 0.95};
#define NQ ((int)(sizeof qs / sizeof qs[0]))

/* ---- exact distributions written out -------------------------------------------- */

typedef enum { D_UNI, D_TRI, D_PERT } dkind;
typedef struct {
    dkind k;
    double a, b, c, lambda;
} dspec;

static double d_cdf(const dspec *d, double x)
{
    double a = d->a, b = d->b, c = d->c;
    if (x <= a)
        return 0;
    if (x >= c)
        return 1;
    switch (d->k) {
    case D_UNI:
        return (x - a) / (c - a);
    case D_TRI:
        return x <= b ? (x - a) * (x - a) / ((c - a) * (b - a))
                      : 1 - (c - x) * (c - x) / ((c - a) * (c - b));
    default: {
        double w = c - a;
        return gsl_cdf_beta_P((x - a) / w, 1 + d->lambda * (b - a) / w, 1 + d->lambda * (c - b) / w);
    }
    }
}

static double d_pdf(const dspec *d, double x)
{
    double a = d->a, b = d->b, c = d->c;
    if (x <= a || x >= c)
        return 0;
    switch (d->k) {
    case D_UNI:
        return 1 / (c - a);
    case D_TRI:
        return x <= b ? 2 * (x - a) / ((c - a) * (b - a)) : 2 * (c - x) / ((c - a) * (c - b));
    default: {
        double w = c - a;
        return gsl_ran_beta_pdf((x - a) / w, 1 + d->lambda * (b - a) / w,
                                1 + d->lambda * (c - b) / w) / w;
    }
    }
}

static double d_mean(const dspec *d)
{
    switch (d->k) {
    case D_UNI: return (d->a + d->c) / 2;
    case D_TRI: return (d->a + d->b + d->c) / 3;
    default: return (d->a + d->lambda * d->b + d->c) / (d->lambda + 2);
    }
}

static double d_var(const dspec *d)
{
    double a = d->a, b = d->b, c = d->c;
    switch (d->k) {
    case D_UNI: return (c - a) * (c - a) / 12;
    case D_TRI: return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    default: {
        double m = d_mean(d);
        return (m - a) * (c - m) / (d->lambda + 3);
    }
    }
}

/* x with F(x) = q, F increasing and continuous on [lo, hi]. */
static double solve_cdf(double (*F)(const void *, double), const void *ctx, double q,
                        double lo, double hi)
{
    for (int i = 0; i < 200; i++) {
        double mid = 0.5 * (lo + hi);
        if (F(ctx, mid) < q)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

static double d_cdf_v(const void *d, double x) { return d_cdf(d, x); }
static double d_quantile(const dspec *d, double q) { return solve_cdf(d_cdf_v, d, q, d->a, d->c); }

/* Lattice distributions for sums: mass m[k] at origin + k h. */
typedef struct {
    double origin, h;
    long n;
    double *m;
} lattice;

#define LAT_H 0.002

static lattice discretize(const dspec *d)
{
    lattice L;
    L.h = LAT_H;
    L.n = (long)ceil((d->c - d->a) / L.h);
    L.origin = d->a + L.h / 2;
    L.m = calloc((size_t)L.n, sizeof *L.m);
    for (long k = 0; k < L.n; k++)
        L.m[k] = d_cdf(d, d->a + (double)(k + 1) * L.h) - d_cdf(d, d->a + (double)k * L.h);
    return L;
}

static lattice convolve(lattice a, lattice b)
{
    lattice L;
    L.h = a.h;
    L.origin = a.origin + b.origin;
    L.n = a.n + b.n - 1;
    L.m = calloc((size_t)L.n, sizeof *L.m);
    for (long i = 0; i < a.n; i++)
        for (long j = 0; j < b.n; j++)
            L.m[i + j] += a.m[i] * b.m[j];
    return L;
}

/* The CDF with each point's mass spread evenly over its cell. */
static double lattice_cdf(const void *p, double t)
{
    const lattice *L = p;
    double s = 0;
    for (long k = 0; k < L->n; k++) {
        double lo = L->origin + (double)k * L->h - L->h / 2;
        if (t >= lo + L->h)
            s += L->m[k];
        else if (t > lo)
            s += L->m[k] * (t - lo) / L->h;
        else
            break;
    }
    return s;
}

/* ---- tests ------------------------------------------------------------------------ */

/* A serial chain: the project duration is the sum of three durations. */
TEST(serial_chain_sum_by_convolution)
{
    dspec A = {D_TRI, 2.385, 4.117, 8.93, 0}, B = {D_PERT, 3.21, 5.5, 12.4, 4},
          C = {D_TRI, 1.1, 1.9, 3.7, 0};
    const long n = 50000;
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: A, duration: [2.385, 4.117, 8.93]}\n"
        "  - {id: B, duration: {dist: pert, min: 3.21, likely: 5.5, max: 12.4}, after: [A]}\n"
        "  - {id: C, duration: {dist: triangular, min: 1.1, likely: 1.9, max: 3.7}, after: [B]}\n",
        O(n, 0));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    double mean = d_mean(&A) + d_mean(&B) + d_mean(&C), var = d_var(&A) + d_var(&B) + d_var(&C);
    check_mean_var(t.r.duration, n, mean, var);
    CHECK_NEAR(t.r.dur.mean, mean, K_SE * sqrt(var / n));
    /* a sum of bounded variables has kurtosis below 3: the sample variance's
     * standard error is below var sqrt(2 / n) */
    CHECK_NEAR(t.r.dur.sd * t.r.dur.sd, var, K_SE * var * sqrt(2.0 / n));
    lattice la = discretize(&A), lb = discretize(&B), lc = discretize(&C);
    lattice ab = convolve(la, lb), abc = convolve(ab, lc);
    for (int k = 0; k < NQ; k++) {
        double x = solve_cdf(lattice_cdf, &abc, qs[k], 6, 26);
        CHECK_NEAR(ecdf(t.sorted, n, x), qs[k], K_SE * se_p(qs[k], n));
    }
    for (int k = 0; k < RC_NPCT; k++) {
        double q = rc_pct_keys[k] / 100.0;
        CHECK_NEAR(lattice_cdf(&abc, t.r.dur.pct[k]), q, K_SE * se_p(q, n) + 1.0 / n);
    }
    /* the plan: the sum of the likely values, and the chance of meeting it */
    CHECK_NEAR(t.r.plan_duration, 4.117 + 5.5 + 1.9, 1e-12);
    double pp = lattice_cdf(&abc, t.r.plan_duration);
    CHECK_NEAR(t.r.dur.plan_probability, pp, K_SE * se_p(pp, n));
    /* per task: the mean duration; all critical */
    const dspec *ds[3] = {&A, &B, &C};
    const char *ids[3] = {"A", "B", "C"};
    for (int i = 0; i < 3; i++) {
        const rc_task_result *tr = task(&t, ids[i]);
        CHECK_NEAR(tr->duration_mean, d_mean(ds[i]), K_SE * sqrt(d_var(ds[i]) / n));
        CHECK(tr->criticality == 1.0);
    }
    free(la.m), free(lb.m), free(lc.m), free(ab.m), free(abc.m);
    done(&t);
}

/* Parallel paths into a milestone: the project duration is the maximum of
 * independent durations, whose CDF is the product of their CDFs (merge
 * bias). Path i is critical when it is the longest: probability
 * integral of f_i(x) prod_{j != i} F_j(x) dx. */
static const dspec par[3] = {{D_TRI, 4.3, 6.1, 11.2, 0}, {D_PERT, 5.0, 6.5, 9.8, 4}, {D_UNI, 3.9, 0, 10.7, 0}};

static double max_cdf(const void *ctx, double x)
{
    (void)ctx;
    return d_cdf(&par[0], x) * d_cdf(&par[1], x) * d_cdf(&par[2], x);
}

TEST(parallel_paths_max_and_criticality)
{
    const long n = 50000;
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: P1, duration: [4.3, 6.1, 11.2]}\n"
        "  - {id: P2, duration: {dist: pert, min: 5.0, likely: 6.5, max: 9.8}}\n"
        "  - {id: P3, duration: {dist: uniform, min: 3.9, max: 10.7}}\n"
        "  - {id: end, milestone: true, after: [P1, P2, P3]}\n",
        O(n, 1));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    for (int k = 0; k < NQ; k++) {
        double x = solve_cdf(max_cdf, NULL, qs[k], 3.9, 11.2);
        CHECK_NEAR(ecdf(t.sorted, n, x), qs[k], K_SE * se_p(qs[k], n));
    }
    /* exact mean = 3.9 + integral over [3.9, 11.2] of (1 - F(x)) dx, and
     * each path's criticality, by the midpoint rule (step 1e-4) */
    double mean = 3.9, crit[3] = {0, 0, 0}, h = 1e-4;
    for (double x = 3.9 + h / 2; x < 11.2; x += h) {
        double F[3] = {d_cdf(&par[0], x), d_cdf(&par[1], x), d_cdf(&par[2], x)};
        mean += (1 - F[0] * F[1] * F[2]) * h;
        for (int i = 0; i < 3; i++)
            crit[i] += d_pdf(&par[i], x) * F[(i + 1) % 3] * F[(i + 2) % 3] * h;
    }
    CHECK_NEAR(t.r.dur.mean, mean, K_SE * t.r.dur.sd / sqrt(n));
    /* merge bias: the mean of the maximum exceeds every path's mean */
    CHECK(mean > d_mean(&par[0]) + 0.5);
    CHECK_NEAR(crit[0] + crit[1] + crit[2], 1, 1e-4);
    const char *ids[3] = {"P1", "P2", "P3"};
    for (int i = 0; i < 3; i++)
        CHECK_NEAR(task(&t, ids[i])->criticality, crit[i], K_SE * se_p(crit[i], n));
    CHECK(task(&t, "end")->criticality == 1.0);
    done(&t);
}

/* One Bernoulli risk with a continuous delay: the duration is a mixture,
 * 10.37 with probability 0.7, else 10.37 + delay. Its P-q is exactly 10.37
 * for q < 0.7 and 10.37 + Qdelay((q - 0.7) / 0.3) above. */
TEST(bernoulli_risk_mixture)
{
    const long n = 50000;
    const double p = 0.3, base = 10.37;
    dspec dl = {D_TRI, 2.1, 4.6, 9.8, 0}, cs = {D_TRI, 1000, 2500, 6000, 0};
    opts_t o = O(n, 1);
    o.conf = 0.9;
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: T, duration: 10.37}\n"
        "risks:\n"
        "  - id: R\n"
        "    probability: 0.3\n"
        "    impacts:\n"
        "      - {tasks: [T], delay: [2.1, 4.6, 9.8], cost: [1000, 2500, 6000]}\n",
        o);
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    const rc_risk_result *rr = risk(&t, "R");
    CHECK_NEAR(rr->occurrence, p, K_SE * se_p(p, n));
    for (int k = 0; k < RC_NPCT; k++)
        if (rc_pct_keys[k] <= 60)
            CHECK(t.r.dur.pct[k] == base);
    for (int k = 0; k < NQ; k++) {
        if (qs[k] < 0.75)
            continue;
        double x = base + d_quantile(&dl, (qs[k] - (1 - p)) / p);
        CHECK_NEAR(ecdf(t.sorted, n, x), qs[k], K_SE * se_p(qs[k], n));
        double y = d_quantile(&cs, (qs[k] - (1 - p)) / p);
        CHECK_NEAR(ecdf(t.csorted, n, y), qs[k], K_SE * se_p(qs[k], n));
    }
    CHECK_NEAR(t.r.dur.plan_probability, 1 - p, K_SE * se_p(p, n));
    CHECK_NEAR(t.r.cst.mean, p * d_mean(&cs),
               K_SE * sqrt(p * (d_var(&cs) + d_mean(&cs) * d_mean(&cs))) / sqrt(n));
    /* its contribution to P90: the P90 with it minus 10.37; the tolerance is
     * the order-statistic standard error of P90 with density p f(x_q) */
    double u = (0.9 - (1 - p)) / p, xd = d_quantile(&dl, u), xc = d_quantile(&cs, u);
    double sd = sqrt(0.9 * 0.1 / n) / (p * d_pdf(&dl, xd)),
           sc = sqrt(0.9 * 0.1 / n) / (p * d_pdf(&cs, xc));
    CHECK_NEAR(rr->schedule_contribution, xd, K_SE * sd);
    CHECK_NEAR(rr->cost_contribution, xc, K_SE * sc);
    CHECK_NEAR(t.r.dur.at_conf, base + xd, K_SE * sd);
    CHECK_NEAR(t.r.contingency_days, xd, K_SE * sd);      /* the plan is 10.37 */
    CHECK_NEAR(t.r.contingency_cost, xc, K_SE * sc);      /* the plan cost is 0 */
    done(&t);
}

/* A Poisson risk: K ~ Poisson(1.37) occurrences, each adding 2.5 days and
 * 800; then a continuous delay drawn afresh at each occurrence (compound
 * Poisson: mean lambda E[X], variance lambda E[X^2]). */
TEST(poisson_risk)
{
    const long n = 50000;
    const double lam = 1.37;
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: T, duration: 7.25}\n"
        "risks:\n"
        "  - id: R\n"
        "    frequency: 1.37\n"
        "    impacts:\n"
        "      - {tasks: [T], delay: 2.5, cost: 800}\n",
        O(n, 0));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    long bad = 0;
    for (long i = 0; i < n; i++)     /* the cost follows the count */
        bad += fabs(t.r.cost[i] - 800.0 * (t.r.duration[i] - 7.25) / 2.5) > 1e-9;
    CHECK_INT(bad, 0);
    for (unsigned k = 0; k <= 6; k++) {
        long cnt = 0;
        for (long i = 0; i < n; i++)
            cnt += t.r.duration[i] == 7.25 + 2.5 * k;
        double pk = gsl_ran_poisson_pdf(k, lam);
        CHECK_NEAR((double)cnt / n, pk, K_SE * se_p(pk, n));
    }
    CHECK_NEAR(risk(&t, "R")->occurrence, 1 - exp(-lam), K_SE * se_p(1 - exp(-lam), n));
    done(&t);

    dspec u = {D_UNI, 1.2, 0, 4.7, 0};
    t = run(HEAD
        "tasks:\n"
        "  - {id: T, duration: 7.25}\n"
        "risks:\n"
        "  - id: R\n"
        "    frequency: 1.37\n"
        "    impacts:\n"
        "      - {tasks: [T], delay: {dist: uniform, min: 1.2, max: 4.7}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    double ex = d_mean(&u), ex2 = d_var(&u) + ex * ex;
    /* reusing one draw for all K occurrences would add lam^2 Var(X) = 1.92 */
    check_mean_var(t.r.duration, n, 7.25 + lam * ex, lam * ex2);
    done(&t);
}

/* One impact entry draws one delay for all its tasks; two entries draw two. */
TEST(one_impact_one_draw_for_every_listed_task)
{
    const long n = 50000;
    const double vu = (3.0 - 1.0) * (3.0 - 1.0) / 12;
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: A, duration: 5.17}\n"
        "  - {id: B, duration: 3.0, after: [A]}\n"
        "risks:\n"
        "  - id: R\n"
        "    probability: 1\n"
        "    impacts:\n"
        "      - {tasks: [A, B], delay: {dist: uniform, min: 1, max: 3}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (t.ok)
        check_mean_var(t.r.duration, n, 8.17 + 4, 4 * vu);     /* 8.17 + 2 d */
    done(&t);
    t = run(HEAD
        "tasks:\n"
        "  - {id: A, duration: 5.17}\n"
        "  - {id: B, duration: 3.0, after: [A]}\n"
        "risks:\n"
        "  - id: R\n"
        "    probability: 1\n"
        "    impacts:\n"
        "      - {tasks: [A], delay: {dist: uniform, min: 1, max: 3}}\n"
        "      - {tasks: [B], delay: {dist: uniform, min: 1, max: 3}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (t.ok)
        check_mean_var(t.r.duration, n, 8.17 + 4, 2 * vu);     /* d1 + d2 */
    done(&t);
}

/* Scale multiplies the sampled base duration; delays add after scaling; the
 * result is never below 0. */
TEST(scale_impacts)
{
    const long n = 50000;
    dspec A = {D_TRI, 4.1, 6.3, 9.7, 0};
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: A, duration: [4.1, 6.3, 9.7]}\n"
        "risks:\n"
        "  - id: R\n"
        "    probability: 0.42\n"
        "    impacts:\n"
        "      - {tasks: [A], scale: 1.35}\n",
        O(n, 0));
    CHECK(t.ok);
    if (t.ok) {
        double es = 0.58 + 0.42 * 1.35, es2 = 0.58 + 0.42 * 1.35 * 1.35;
        double ea = d_mean(&A), ea2 = d_var(&A) + ea * ea;
        check_mean_var(t.r.duration, n, es * ea, es2 * ea2 - es * es * ea * ea);
    }
    done(&t);
    /* 4 x 1.5 x 1.2 + 2 = 9.2 in every iteration (not (4 + 2) x 1.8) */
    t = run(HEAD
        "tasks:\n"
        "  - {id: A, duration: 4}\n"
        "  - {id: Z, duration: 10}\n"
        "risks:\n"
        "  - {id: X, probability: 1, impacts: [{tasks: [A], scale: 1.5}]}\n"
        "  - {id: Y, probability: 1, impacts: [{tasks: [A], delay: 2}]}\n"
        "  - {id: W, probability: 1, impacts: [{tasks: [A], scale: 1.2}]}\n"
        "  - {id: V, probability: 1, impacts: [{tasks: [Z], delay: -25}]}\n",
        O(1000, 0));
    CHECK(t.ok);
    if (t.ok) {
        CHECK_NEAR(t.r.dur.min, 9.2, 1e-12);
        CHECK_NEAR(t.r.dur.max, 9.2, 1e-12);
        CHECK_NEAR(task(&t, "A")->duration_mean, 9.2, 1e-9);
        CHECK(task(&t, "Z")->duration_mean == 0);   /* 10 - 25, held at 0 */
    }
    done(&t);
}

/* Each distribution through the project file: a single task's duration has
 * the distribution's mean and quantiles (this also checks how the loader
 * reads each form). */
TEST(every_distribution_end_to_end)
{
    const long n = 20000;
    /* closed-form quantiles for the kinds that have them */
    double sig = sqrt(log(1 + (3.127 / 8.315) * (3.127 / 8.315))), mu = log(8.315) - sig * sig / 2;
    dspec pert = {D_PERT, 2.385, 4.117, 11.73, 2.719}, pert4 = {D_PERT, 1.5, 2.25, 6.0, 4},
          tri = {D_TRI, 1.237, 3.862, 9.415, 0}, uni = {D_UNI, 2.385, 0, 7.913, 0};
    const char *form[8] = {
        "{dist: pert, min: 2.385, likely: 4.117, max: 11.73, lambda: 2.719}",
        "[1.237, 3.862, 9.415]",
        "{dist: uniform, min: 2.385, max: 7.913}",
        "{dist: normal, mean: 12.37, sd: 2.419}",
        "{dist: lognormal, mean: 8.315, sd: 3.127}",
        "{dist: discrete, values: [1.5, 2.75, 4.125], weights: [3, 7, 10]}",
        "{dist: trigen, low: 3.107, likely: 4.712, high: 8.943, low_pct: 10, high_pct: 90}",
        "[1.5, 2.25, 6.0]", /* with default_distribution: pert */
    };
    for (int k = 0; k < 8; k++) {
        char y[1024];
        snprintf(y, sizeof y, HEAD "%s" "tasks:\n  - id: T\n    duration: %s\n",
                 k == 7 ? "  default_distribution: pert\n" : "", form[k]);
        run_t t = run(y, O(n, 0));
        CHECK(t.ok);
        if (!t.ok) {
            done(&t);
            continue;
        }
        for (int j = 0; j < NQ; j++) {
            double q = qs[j], x = NAN, m = 0, v = 0;
            switch (k) {
            case 0: x = d_quantile(&pert, q); m = d_mean(&pert); v = d_var(&pert); break;
            case 1: x = d_quantile(&tri, q); m = d_mean(&tri); v = d_var(&tri); break;
            case 2: x = d_quantile(&uni, q); m = d_mean(&uni); v = d_var(&uni); break;
            case 3: x = 12.37 + 2.419 * gsl_cdf_ugaussian_Pinv(q); m = 12.37; v = 2.419 * 2.419; break;
            case 4: x = exp(mu + sig * gsl_cdf_ugaussian_Pinv(q)); m = 8.315; v = 3.127 * 3.127; break;
            case 5: m = (1.5 * 3 + 2.75 * 7 + 4.125 * 10) / 20;
                    v = (1.5 * 1.5 * 3 + 2.75 * 2.75 * 7 + 4.125 * 4.125 * 10) / 20 - m * m; break;
            case 6: break;
            case 7: x = d_quantile(&pert4, q); m = d_mean(&pert4); v = d_var(&pert4); break;
            }
            if (j == 0 && k != 6)
                check_mean_var(t.r.duration, n, m, v);
            if (!isnan(x))
                CHECK_NEAR(ecdf(t.sorted, n, x), q, K_SE * se_p(q, n));
        }
        if (k == 5) {   /* frequencies of the values */
            CHECK_NEAR(ecdf(t.sorted, n, 1.5), 0.15, K_SE * se_p(0.15, n));
            CHECK_NEAR(ecdf(t.sorted, n, 2.75), 0.5, K_SE * se_p(0.5, n));
            CHECK(t.r.dur.max == 4.125 && t.r.dur.min == 1.5);
        }
        if (k == 6) {   /* trigen: 10% below low, 90% below high */
            CHECK_NEAR(ecdf(t.sorted, n, 3.107), 0.1, K_SE * se_p(0.1, n));
            CHECK_NEAR(ecdf(t.sorted, n, 8.943), 0.9, K_SE * se_p(0.9, n));
            CHECK(t.r.dur.min < 3.107 && t.r.dur.max > 8.943);
        }
        done(&t);
    }
}

/* Cost = fixed + rate x duration + overhead x project duration + risk costs. */
TEST(costs_rates_overhead)
{
    const long n = 50000;
    run_t t = run(HEAD
        "  overhead_per_day: 85.5\n"
        "tasks:\n"
        "  - {id: T, duration: [3.3, 5.2, 9.1], cost: {fixed: 1234.5, rate: 317.25}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (t.ok) {
        long bad = 0;
        for (long i = 0; i < n; i++)
            bad += fabs(t.r.cost[i] - (1234.5 + (317.25 + 85.5) * t.r.duration[i])) > 1e-9 * t.r.cost[i];
        CHECK_INT(bad, 0);
        CHECK_NEAR(t.r.plan_cost, 1234.5 + (317.25 + 85.5) * 5.2, 1e-9);
    }
    done(&t);
    /* uncertain fixed cost and rate, independent of the duration:
     * E[C] = E[fixed] + E[rate] E[d] + 85.5 E[d] + E[d2] x 40 (fixed rate) */
    dspec d = {D_TRI, 3.3, 5.2, 9.1, 0}, fx = {D_UNI, 900, 0, 1100, 0}, rt = {D_TRI, 200, 250, 410, 0};
    t = run(HEAD
        "  overhead_per_day: 85.5\n"
        "tasks:\n"
        "  - id: T\n"
        "    duration: [3.3, 5.2, 9.1]\n"
        "    cost: {fixed: {dist: uniform, min: 900, max: 1100}, rate: [200, 250, 410]}\n"
        "  - {id: U, duration: 2.5, after: [T], cost: {rate: 40}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (t.ok) {
        double mean = d_mean(&fx) + d_mean(&rt) * d_mean(&d) + 85.5 * (d_mean(&d) + 2.5) + 40 * 2.5;
        CHECK_NEAR(t.r.cst.mean, mean, K_SE * t.r.cst.sd / sqrt(n));
        CHECK_NEAR(t.r.plan_cost, 1000 + 250 * 5.2 + 85.5 * 7.7 + 100, 1e-9);
    }
    done(&t);
}

/* Late penalty per calendar day after the deadline, and the probability of
 * finishing on or before it. Deadline Fri 2027-01-15 = working day 10: a
 * duration D finishes on or before it iff D <= 10; D in (10, 11] ends on
 * Monday (3 days late), (11, 12] Tuesday (4), (12, 13] Wednesday (5). */
TEST(penalty_by_calendar_day_and_deadline_probability)
{
    const long n = 50000;
    const double a = 8.3, c = 12.9;
    run_t t = run(HEAD
        "  deadline: 2027-01-15\n"
        "  penalty_per_day: 1000\n"
        "tasks:\n"
        "  - {id: T, duration: {dist: uniform, min: 8.3, max: 12.9}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    long bad = 0, ontime = 0;
    for (long i = 0; i < n; i++) {
        double D = t.r.duration[i];
        int late = D <= 10 ? 0 : D <= 11 ? 3 : D <= 12 ? 4 : 5;
        bad += t.r.cost[i] != 1000.0 * late;
        ontime += D <= 10;
    }
    CHECK_INT(bad, 0);
    double p = (10 - a) / (c - a);
    CHECK_NEAR(t.r.deadline_probability, (double)ontime / n, 0);
    CHECK_NEAR(t.r.deadline_probability, p, K_SE * se_p(p, n));
    done(&t);
}

/* Budget, price and joint probabilities when cost = 1000 x duration,
 * duration uniform on [8.3, 12.9]: P(cost <= B) = (B/1000 - 8.3) / 4.6. */
TEST(budget_price_joint)
{
    const long n = 50000;
    const double a = 8.3, c = 12.9, w = c - a;
    run_t t = run(HEAD
        "  deadline: 2027-01-15\n"
        "  budget: 10500\n"
        "  price: 11700\n"
        "tasks:\n"
        "  - {id: T, duration: {dist: uniform, min: 8.3, max: 12.9}, cost: {rate: 1000}}\n",
        O(n, 0));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    double pb = (10.5 - a) / w, pl = (c - 11.7) / w, pd = (10 - a) / w;
    CHECK_NEAR(t.r.budget_probability, pb, K_SE * se_p(pb, n));
    CHECK_NEAR(t.r.loss_probability, pl, K_SE * se_p(pl, n));
    CHECK_NEAR(t.r.margin.mean, 11700 - 1000 * (a + c) / 2, K_SE * 1000 * w / sqrt(12.0 * n));
    /* deadline (D <= 10) and budget (D <= 10.5) together: D <= 10 */
    CHECK_NEAR(t.r.joint_probability, pd, K_SE * se_p(pd, n));
    long both = 0, under = 0;
    for (long i = 0; i < n; i++) {
        both += t.r.duration[i] <= 10 && t.r.cost[i] <= 10500;
        under += t.r.cost[i] <= 10500;
    }
    CHECK_NEAR(t.r.joint_probability, (double)both / n, 0);
    CHECK_NEAR(t.r.budget_probability, (double)under / n, 0);
    /* the price at which the margin is >= 0 with probability 0.8: cost P80,
     * exactly 1000 (8.3 + 0.8 x 4.6) = 11980 */
    double x = t.r.price_at_confidence;
    CHECK(ecdf(t.csorted, n, x) >= 0.8);
    CHECK(ecdf(t.csorted, n, nextafter(x, 0)) < 0.8);
    CHECK_NEAR((x / 1000 - a) / w, 0.8, K_SE * se_p(0.8, n) + 1.0 / n);
    /* without deadline, budget or price: NaN */
    done(&t);
    t = run(HEAD "tasks:\n  - {id: T, duration: 3}\n", O(100, 0));
    CHECK(t.ok);
    if (t.ok)
        CHECK(isnan(t.r.deadline_probability) && isnan(t.r.budget_probability) &&
              isnan(t.r.joint_probability) && isnan(t.r.loss_probability));
    done(&t);
}

/* Correlated normal durations in a chain: the sum has variance
 * s1^2 + s2^2 + 2 r s1 s2 with r = 2 sin(pi rho / 6), the normal correlation
 * of the copula for Spearman rho. */
TEST(correlated_normals_sd_of_sum)
{
    const long n = 100000;
    const double s1 = 3.17, s2 = 2.41, rho = 0.55, r = 2 * sin(M_PI * rho / 6);
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: A, duration: {dist: normal, mean: 20.5, sd: 3.17}}\n"
        "  - {id: B, duration: {dist: normal, mean: 15.3, sd: 2.41}, after: [A]}\n"
        "correlations:\n"
        "  - {tasks: [A, B], coefficient: 0.55}\n",
        O(n, 0));
    CHECK(t.ok);
    if (t.ok) {
        double var = s1 * s1 + s2 * s2 + 2 * r * s1 * s2;
        /* a normal sum: the sample variance has standard error var sqrt(2/n) */
        CHECK_NEAR(t.r.dur.mean, 35.8, K_SE * sqrt(var / n));
        CHECK_NEAR(t.r.dur.sd * t.r.dur.sd, var, K_SE * var * sqrt(2.0 / n));
        /* independence would give s1^2 + s2^2: far outside */
        CHECK(fabs(t.r.dur.sd * t.r.dur.sd - (s1 * s1 + s2 * s2)) > 10 * var * sqrt(2.0 / n));
    }
    done(&t);
}

/* The Spearman rank correlation reached equals the coefficient. When B
 * always ends the project, A's sensitivity (Spearman of A's duration with
 * the project duration) is the Spearman correlation of A and B. */
static void spearman_case(double rho, const char *coef)
{
    const long n = 100000;
    char y[1024];
    snprintf(y, sizeof y, HEAD
        "tasks:\n"
        "  - {id: A, duration: {dist: uniform, min: 1.0, max: 2.0}}\n"
        "  - {id: B, duration: [10.0, 13.7, 20.0]}\n"
        "correlations:\n"
        "  - {tasks: [A, B], coefficient: %s}\n", coef);
    run_t t = run(y, O(n, 1));
    CHECK(t.ok);
    if (t.ok) {
        const rc_task_result *a = task(&t, "A"), *b = task(&t, "B");
        CHECK(a->has_sensitivity && b->has_sensitivity);
        CHECK_NEAR(atanh(a->sensitivity), atanh(rho), K_SE * sqrt(1.06 / (n - 3)));
        CHECK(b->sensitivity > 0.9999);
        CHECK(!t.r.corr_repaired);
    }
    done(&t);
}

TEST(correlation_reaches_spearman_coefficient)
{
    spearman_case(0.5, "0.5");
    spearman_case(-0.35, "-0.35");
    spearman_case(0.8, "0.8");
}

TEST(inconsistent_correlations_repaired)
{
    run_t t = run(HEAD
        "tasks:\n"
        "  - {id: X, duration: [1, 2, 3]}\n"
        "  - {id: Y, duration: [1, 2, 3]}\n"
        "  - {id: Z, duration: [1, 2, 3]}\n"
        "correlations:\n"
        "  - {tasks: [X, Y], coefficient: 0.9}\n"
        "  - {tasks: [Y, Z], coefficient: 0.9}\n"
        "  - {tasks: [X, Z], coefficient: -0.9}\n",
        O(2000, 0));
    CHECK(t.ok);
    if (t.ok) {
        CHECK(t.r.corr_repaired);
        int warned = 0;
        for (size_t i = 0; i < t.d.n; i++)
            warned += t.d.items[i].sev == RC_SEV_WARNING;
        CHECK(warned == 1);
    }
    done(&t);
}

/* A single risk with known answers at confidence 0.8: task 10 days at 100 a
 * day; the risk (probability 0.35) adds 4 days and 2500. P80 with it: 14
 * days and 10 x 100 + 4 x 100 + 2500 = 3900 (only 65% of iterations have
 * neither); without it 10 and 1000: contributions 4 and 2900. Mitigated to
 * probability 0.1, the P80 is back to 10 and 1000: benefits 4 and 2900,
 * net 2900 - 750 (the same figures whichever version is simulated). */
static const char *single_risk =
    HEAD
    "tasks:\n"
    "  - {id: T, duration: 10, cost: {rate: 100}}\n"
    "risks:\n"
    "  - id: R\n"
    "    probability: 0.35\n"
    "    impacts:\n"
    "      - {tasks: [T], delay: 4, cost: 2500}\n"
    "    mitigation: {action: fix it, cost: 750, probability: 0.1}\n";

TEST(contribution_and_mitigation_known_answers)
{
    const long n = 20000;
    for (int mit = 0; mit < 2; mit++) {
        opts_t o = O(n, 1);
        o.mitigated = mit;
        run_t t = run(single_risk, o);
        CHECK(t.ok);
        if (!t.ok) {
            done(&t);
            continue;
        }
        const rc_risk_result *rr = risk(&t, "R");
        CHECK(rr->has_mitigation);
        CHECK_NEAR(rr->mitigation.cost, 750, 0);
        CHECK_NEAR(rr->mitigation.schedule_benefit, 4, 1e-9);
        CHECK_NEAR(rr->mitigation.cost_benefit, 2900, 1e-9);
        CHECK_NEAR(rr->mitigation.net_benefit, 2150, 1e-9);
        if (!mit) {
            CHECK_NEAR(t.r.dur.at_conf, 14, 1e-9);
            CHECK_NEAR(t.r.cst.at_conf, 3900, 1e-9);
            CHECK_NEAR(rr->schedule_contribution, 4, 1e-9);
            CHECK_NEAR(rr->cost_contribution, 2900, 1e-9);
            CHECK_NEAR(rr->occurrence, 0.35, K_SE * se_p(0.35, n));
            /* the register: when it occurs it adds 4 days and 2900 */
            CHECK_NEAR(rr->prob_before, 0.35, K_SE * se_p(0.35, n));
            CHECK_NEAR(rr->prob_after, 0.1, K_SE * se_p(0.1, n));
            CHECK_NEAR(rr->impact_days_before, 4, 1e-6);
            CHECK_NEAR(rr->impact_cost_before, 2900, 1e-6);
        } else {
            /* simulated mitigated: 10 days and 1000 + the mitigation's 750 at
             * P80 (its cost counts when mitigations are applied); the risk
             * adds nothing to P80 */
            CHECK_NEAR(t.r.dur.at_conf, 10, 1e-9);
            CHECK_NEAR(t.r.cst.at_conf, 1750, 1e-9);
            CHECK_NEAR(t.r.plan_cost, 1750, 1e-9);
            CHECK_NEAR(rr->schedule_contribution, 0, 1e-9);
            CHECK_NEAR(rr->occurrence, 0.1, K_SE * se_p(0.1, n));
        }
        done(&t);
    }
}

/* With a status date the forecast starts there; done tasks add their
 * actual cost to every iteration. Status Wed 2027-01-13 = offset 7. */
TEST(status_date_reforecast)
{
    const long n = 50000;
    dspec B = {D_TRI, 2.2, 3.1, 5.9, 0}, C = {D_PERT, 1.5, 2.5, 4.75, 4};
    run_t t = run(HEAD
        "  status_date: 2027-01-13\n"
        "tasks:\n"
        "  - {id: A, duration: [3, 4, 8], done: true, actual_cost: 5000}\n"
        "  - {id: B, duration: [2.2, 3.1, 5.9], started: true, after: [A], cost: {rate: 120}}\n"
        "  - {id: C, duration: {dist: pert, min: 1.5, likely: 2.5, max: 4.75}, after: [B]}\n"
        "  - {id: E, duration: [0.5, 1, 2]}\n",
        O(n, 0));
    CHECK(t.ok);
    if (!t.ok)
        { done(&t); return; }
    double mean = 7 + d_mean(&B) + d_mean(&C), var = d_var(&B) + d_var(&C);
    check_mean_var(t.r.duration, n, mean, var);
    CHECK(t.r.dur.min >= 7 + 2.2 + 1.5);
    CHECK(!task(&t, "A")->active);
    CHECK(task(&t, "B")->criticality == 1.0);
    CHECK(task(&t, "E")->criticality == 0.0);          /* 7 + 2 < 7 + 3.7 */
    CHECK_NEAR(task(&t, "E")->finish_mean, 7 + 3.5 / 3, K_SE * sqrt(0.0972 / n) + 1e-9);
    CHECK_NEAR(t.r.cst.mean, 5000 + 120 * d_mean(&B), K_SE * 120 * sqrt(d_var(&B) / n));
    CHECK(t.r.cst.min >= 5000 + 120 * 2.2);
    CHECK_NEAR(t.r.plan_duration, 7 + 3.1 + 2.5, 1e-12);
    done(&t);
}

/* ---- determinism -------------------------------------------------------------------- */

static const char *det_yaml =
    HEAD
    "  deadline: 2027-03-01\n"
    "  budget: 60000\n"
    "  overhead_per_day: 300\n"
    "  penalty_per_day: 500\n"
    "tasks:\n"
    "  - {id: a, duration: [3, 5, 9], cost: {fixed: 1000, rate: [300, 400, 650]}}\n"
    "  - {id: b, duration: {dist: pert, min: 4, likely: 6, max: 13}, after: [a]}\n"
    "  - {id: c, duration: {dist: lognormal, mean: 5, sd: 2}, after: [{task: a, type: SS, lag: 1}]}\n"
    "  - {id: d, duration: [2, 3, 7], after: [b, c], cost: {rate: 500}}\n"
    "  - {id: e, duration: {dist: normal, mean: 8, sd: 1.5}, after: [{task: c, type: FF, lag: 2}]}\n"
    "  - {id: f, milestone: true, after: [d, e]}\n"
    "risks:\n"
    "  - id: r1\n"
    "    probability: 0.4\n"
    "    impacts: [{tasks: [b], delay: [1, 3, 8], cost: [500, 1000, 4000]}]\n"
    "    mitigation: {cost: 300, probability: 0.1}\n"
    "  - id: r2\n"
    "    frequency: 0.8\n"
    "    impacts: [{tasks: [c, d], scale: [1.05, 1.2, 1.6]}]\n"
    "  - id: r3\n"
    "    probability: 0.25\n"
    "    impacts: [{tasks: [e], delay: {dist: discrete, values: [1, 4], weights: [3, 1]}}]\n"
    "correlations:\n"
    "  - {tasks: [a, b, d], coefficient: 0.45}\n";

/* the same tasks and risks in another order */
static const char *det_yaml_reordered =
    HEAD
    "  deadline: 2027-03-01\n"
    "  budget: 60000\n"
    "  overhead_per_day: 300\n"
    "  penalty_per_day: 500\n"
    "tasks:\n"
    "  - {id: f, milestone: true, after: [d, e]}\n"
    "  - {id: e, duration: {dist: normal, mean: 8, sd: 1.5}, after: [{task: c, type: FF, lag: 2}]}\n"
    "  - {id: d, duration: [2, 3, 7], after: [b, c], cost: {rate: 500}}\n"
    "  - {id: c, duration: {dist: lognormal, mean: 5, sd: 2}, after: [{task: a, type: SS, lag: 1}]}\n"
    "  - {id: b, duration: {dist: pert, min: 4, likely: 6, max: 13}, after: [a]}\n"
    "  - {id: a, duration: [3, 5, 9], cost: {fixed: 1000, rate: [300, 400, 650]}}\n"
    "risks:\n"
    "  - id: r3\n"
    "    probability: 0.25\n"
    "    impacts: [{tasks: [e], delay: {dist: discrete, values: [1, 4], weights: [3, 1]}}]\n"
    "  - id: r2\n"
    "    frequency: 0.8\n"
    "    impacts: [{tasks: [d, c], scale: [1.05, 1.2, 1.6]}]\n"
    "  - id: r1\n"
    "    probability: 0.4\n"
    "    impacts: [{tasks: [b], delay: [1, 3, 8], cost: [500, 1000, 4000]}]\n"
    "    mitigation: {cost: 300, probability: 0.1}\n"
    "correlations:\n"
    "  - {tasks: [d, a, b], coefficient: 0.45}\n";

/* Same results, field by field (tasks and risks matched by id). */
static int same_results(const run_t *x, const run_t *y)
{
    const rc_result *a = &x->r, *b = &y->r;
    long n = a->iterations;
    if (n != b->iterations || memcmp(a->duration, b->duration, (size_t)n * sizeof(double)) ||
        memcmp(a->cost, b->cost, (size_t)n * sizeof(double)))
        return 0;
    if (memcmp(&a->dur, &b->dur, sizeof a->dur) || memcmp(&a->cst, &b->cst, sizeof a->cst) ||
        a->deadline_probability != b->deadline_probability ||
        a->budget_probability != b->budget_probability || a->n_tasks != b->n_tasks ||
        a->n_risks != b->n_risks)
        return 0;
    for (int i = 0; i < a->n_tasks; i++) {
        const rc_task_result *p = &a->tasks[i], *q = task(y, p->id);
        if (!q || p->criticality != q->criticality || p->sensitivity != q->sensitivity ||
            p->duration_mean != q->duration_mean || p->finish_mean != q->finish_mean ||
            p->finish_p10 != q->finish_p10 || p->finish_p90 != q->finish_p90)
            return 0;
    }
    for (int i = 0; i < a->n_risks; i++) {
        const rc_risk_result *p = &a->risks[i], *q = risk(y, p->id);
        if (!q || p->occurrence != q->occurrence ||
            p->schedule_contribution != q->schedule_contribution ||
            p->cost_contribution != q->cost_contribution ||
            memcmp(&p->mitigation, &q->mitigation, sizeof p->mitigation) ||
            p->impact_days_before != q->impact_days_before)
            return 0;
    }
    return 1;
}

TEST(determinism_threads_runs_seed_order)
{
    opts_t o = O(5000, 1);   /* not a multiple of the 256-iteration blocks */
    o.threads = 1;
    run_t ref = run(det_yaml, o);
    CHECK(ref.ok);
    if (!ref.ok)
        { done(&ref); return; }
    CHECK(ref.r.corr_repaired == false);
    const int th[] = {1, 2, 3, 8};
    for (int k = 0; k < 4; k++) {
        o.threads = th[k];
        run_t t = run(det_yaml, o);
        CHECK(t.ok && same_results(&ref, &t));
        done(&t);
    }
    /* the task and risk order in the file changes nothing */
    o.threads = 3;
    run_t t = run(det_yaml_reordered, o);
    CHECK(t.ok && same_results(&ref, &t));
    done(&t);
    /* another seed changes the numbers */
    o.seed = 20270105;
    t = run(det_yaml, o);
    CHECK(t.ok && !same_results(&ref, &t));
    if (t.ok)
        CHECK(memcmp(ref.r.duration, t.r.duration, 5000 * sizeof(double)) != 0);
    done(&t);
    done(&ref);
}

/* An iteration's numbers do not depend on how many iterations run: the loop
 * runs four iterations side by side, and a count that leaves a partial group
 * (or a partial block) repeats the last iteration in the spare lanes
 * without keeping anything of them. */
TEST(iteration_independent_of_the_count)
{
    opts_t o = O(5000, 1);
    o.threads = 2;
    run_t ref = run(det_yaml, o);
    CHECK(ref.ok);
    const long counts[] = {4099, 257, 6, 3, 1};
    for (int k = 0; ref.ok && k < 5; k++) {
        o.n = counts[k];
        run_t t = run(det_yaml, o);
        CHECK(t.ok);
        if (t.ok) {
            CHECK(memcmp(ref.r.duration, t.r.duration, (size_t)counts[k] * sizeof(double)) == 0);
            CHECK(memcmp(ref.r.cost, t.r.cost, (size_t)counts[k] * sizeof(double)) == 0);
        }
        done(&t);
    }
    done(&ref);
}

/* Sensitivity ranks the task's sampled duration, risk events included.
 * A lone task is the project: its duration and the project's have the same
 * ranks, so the Spearman coefficient is exactly 1 however much of its
 * variation comes from a risk. A fixed-duration task that a risk delays
 * varies, so it has a sensitivity (positive: it is the only task). */
TEST(sensitivity_includes_risk_events)
{
    run_t t = run("version: 1\n"
                  "project: {name: s, start: 2027-01-04}\n"
                  "tasks:\n"
                  "  - {id: A, duration: {dist: uniform, min: 1.13, max: 2.27}}\n"
                  "risks:\n"
                  "  - {id: R, probability: 0.47, impacts: [{tasks: [A], delay: 10.3}]}\n",
                  O(20000, 1));
    const rc_task_result *a = task(&t, "A");
    CHECK(a && a->has_sensitivity);
    if (a)
        CHECK_NEAR(a->sensitivity, 1, 1e-9);
    done(&t);
    t = run("version: 1\n"
            "project: {name: s, start: 2027-01-04}\n"
            "tasks:\n"
            "  - {id: A, duration: 10}\n"
            "risks:\n"
            "  - {id: R, probability: 0.31, impacts: [{tasks: [A], delay: [1, 4, 6]}]}\n",
            O(20000, 1));
    a = task(&t, "A");
    CHECK(a && a->has_sensitivity);
    if (a)
        CHECK(a->sensitivity > 0.99);
    done(&t);
}

/* A duration that overflows to infinity (1e10 days scaled by 1e300): the
 * project never ends, a start-to-start successor still starts a day after
 * it, and the variants (every float is then NaN) stay inside their arrays
 * (the sanitizer build checks that). */
TEST(infinite_duration)
{
    run_t t = run(HEAD "tasks:\n"
                       "  - {id: a, duration: 1e10}\n"
                       "  - {id: b, duration: 2, after: [{task: a, type: SS, lag: 1}]}\n"
                       "risks:\n"
                       "  - {id: r, probability: 1, impacts: [{tasks: [a], scale: 1e300}]}\n",
                  O(9, 1));
    CHECK(t.ok);
    if (t.ok) {
        CHECK(isinf(t.r.duration[0]) && isinf(t.r.duration[8]));
        const rc_task_result *b = task(&t, "b");
        CHECK(b && b->finish_mean == 3);
    }
    done(&t);
}

/* The progress callback hears the share of the whole simulation done: with
 * the analysis, pass 1 then pass 3, each ending on its share; with
 * --iterations auto, the trial runs and then the last run. It never starts
 * again from 0. */
static double pg_seen[4096];
static int pg_n;
static void pg_record(void *ctx, double f)
{
    (void)ctx;
    if (pg_n < 4096)
        pg_seen[pg_n++] = f;
}

/* The values seen go up, stay in [0, 1] and end at 1. */
static int pg_up_to_one(void)
{
    int up = pg_n > 0 && pg_seen[pg_n - 1] == 1;
    for (int k = 0; k < pg_n; k++)
        up &= pg_seen[k] >= 0 && pg_seen[k] <= 1 && (k == 0 || pg_seen[k] >= pg_seen[k - 1]);
    return up;
}

TEST(progress_only_goes_up)
{
    const char *yaml = HEAD "tasks:\n"
                            "  - {id: a, duration: [1, 2, 4]}\n"
                            "  - {id: b, duration: [2, 3, 5], after: [a]}\n"
                            "  - {id: c, duration: [1, 2, 6], after: [a]}\n"
                            "  - {id: d, duration: [1, 1, 2], after: [b, c]}\n"
                            "risks:\n"
                            "  - id: r\n    probability: 0.4\n"
                            "    impacts: [{tasks: [b, c], delay: [1, 2, 3]}]\n"
                            "    mitigation: {cost: 100, probability: 0.1}\n";
    rc_model *m = NULL;
    rc_diags d;
    rc_diags_init(&d, "sim.yaml");
    CHECK(rc_load_buffer(yaml, strlen(yaml), &m, &d) == RC_LOAD_OK);
    rc_diags_delete(&d);
    if (!m)
        return;
    for (int threads = 1; threads <= 3; threads++) {
        rc_sim_options so;
        rc_sim_options_init(&so);
        so.iterations = 5000;
        so.threads = threads < 3 ? threads : 2;
        so.shapley = false;
        so.progress = pg_record;
        pg_n = 0;
        rc_result r;
        CHECK((threads < 3 ? rc_simulate(m, &so, &r, NULL) : rc_simulate_auto(m, &so, &r, NULL)) == 0);
        rc_result_delete(&r);
        CHECK(pg_up_to_one());
        int half = 0, below = 0, above = 0;
        for (int k = 0; k < pg_n; k++) {
            half += pg_seen[k] == 0.5;
            below += pg_seen[k] < 0.5;
            above += pg_seen[k] > 0.5 && pg_seen[k] < 1;
        }
        if (threads < 3)
            CHECK(half > 0); /* the end of pass 1 */
        if (threads != 2) /* one thread runs every block; auto: the trials, then the last run */
            CHECK(below > 0 && above > 0);
    }
    rc_model_free(m);
}

/* Past its budget of work the engine leaves the reserve split and the
 * recommended set out and says at most how many iterations allow them: at
 * that many they are there, at one more they are left out again. A small
 * budget (advice_budget) keeps the runs short. */
static double advice_budget = 1e5;
static int advice_run(const rc_model *m, long n, rc_result *r)
{
    rc_sim_options so;
    rc_sim_options_init(&so);
    so.iterations = n;
    so.threads = 2;
    so.advice_budget = advice_budget;
    return rc_simulate(m, &so, r, NULL);
}

TEST(advice_left_out_names_the_iterations_that_allow_it)
{
    rc_sb y;
    rc_sb_init(&y);
    rc_sb_puts(&y, HEAD "tasks:\n");
    for (int i = 0; i < 10; i++)
        rc_sb_printf(&y, "  - {id: t%d, duration: [2, 3, %d]%s%s}\n", i, 5 + i, i ? ", after: [t" : "",
                     i ? (i % 3 ? "0]" : "1]") : "");
    rc_sb_puts(&y, "risks:\n");
    for (int k = 0; k < 7; k++) /* eight players: sampled orders */
        rc_sb_printf(&y, "  - id: r%d\n    probability: 0.3\n    impacts: [{tasks: [t%d], delay: [1, 2, 4]}]\n%s",
                     k, k + 2, k < 3 ? "    mitigation: {cost: 10, probability: 0.1}\n" : "");
    char *yaml = rc_sb_take(&y);
    rc_model *m = NULL;
    rc_diags d;
    rc_diags_init(&d, "sim.yaml");
    CHECK(rc_load_buffer(yaml, strlen(yaml), &m, &d) == RC_LOAD_OK);
    rc_diags_delete(&d);
    free(yaml);
    if (!m)
        return;
    rc_result r;
    CHECK(advice_run(m, 5000, &r) == 0);
    long ms = r.shapley_max_iterations, mr = r.rec_max_iterations;
    CHECK(!r.has_shapley && r.shapley_left_out && ms > 0 && ms < 5000);
    CHECK(!r.has_rec && r.rec_left_out && mr > ms && mr < 5000);
    rc_result_delete(&r);
    CHECK(advice_run(m, ms, &r) == 0); /* the split is there, and so is the set */
    CHECK(r.has_shapley && !r.shapley_left_out && r.has_rec && !r.rec_left_out);
    rc_result_delete(&r);
    CHECK(advice_run(m, ms + 1, &r) == 0);
    CHECK(!r.has_shapley && r.shapley_left_out && r.shapley_max_iterations == ms && r.has_rec);
    rc_result_delete(&r);
    CHECK(advice_run(m, mr, &r) == 0);
    CHECK(r.has_rec && !r.rec_left_out);
    rc_result_delete(&r);
    CHECK(advice_run(m, mr + 1, &r) == 0);
    CHECK(!r.has_rec && r.rec_left_out && r.rec_max_iterations == mr);
    rc_result_delete(&r);
    advice_budget = 100; /* less than one iteration's work: none allows them */
    CHECK(advice_run(m, 10, &r) == 0);
    CHECK(r.shapley_left_out && r.shapley_max_iterations == 0 && r.rec_left_out && r.rec_max_iterations == 0);
    rc_result_delete(&r);
    advice_budget = 1e5;
    rc_model_free(m);
}

int main(void)
{
    RUN(serial_chain_sum_by_convolution);
    RUN(parallel_paths_max_and_criticality);
    RUN(bernoulli_risk_mixture);
    RUN(poisson_risk);
    RUN(one_impact_one_draw_for_every_listed_task);
    RUN(scale_impacts);
    RUN(every_distribution_end_to_end);
    RUN(costs_rates_overhead);
    RUN(penalty_by_calendar_day_and_deadline_probability);
    RUN(budget_price_joint);
    RUN(correlated_normals_sd_of_sum);
    RUN(correlation_reaches_spearman_coefficient);
    RUN(inconsistent_correlations_repaired);
    RUN(contribution_and_mitigation_known_answers);
    RUN(status_date_reforecast);
    RUN(determinism_threads_runs_seed_order);
    RUN(iteration_independent_of_the_count);
    RUN(sensitivity_includes_risk_events);
    RUN(infinite_duration);
    RUN(progress_only_goes_up);
    RUN(advice_left_out_names_the_iterations_that_allow_it);
    return TEST_END();
}
