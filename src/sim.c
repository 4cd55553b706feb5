/* sim.c - the Monte Carlo engine.
 *
 * One iteration i:
 *   1. each task's base duration: Q(u), u = uniform(task key, i, 0); tasks in
 *      a correlation group go through the Gaussian copula first:
 *      z = Phi^-1(u), w = L z (L the Cholesky factor of the normal
 *      correlations), u' = Phi(w);
 *   2. each open risk: K occurrences (Bernoulli: u < p; Poisson: the
 *      Poisson(lambda) quantile of u), each drawing every impact's delay,
 *      scale and cost afresh from its own draws;
 *   3. duration = max(0, base x product of scales + sum of delays);
 *   4. forward pass -> project duration D; backward pass -> criticality;
 *   5. cost = sum(fixed + rate x duration) + overhead x D + risk costs +
 *      late penalty + actual costs.
 * The loop does this for NL consecutive iterations side by side, each lane
 * with the operations of its iteration alone (iterate_lanes).
 * With the analysis, each "variant" (one risk left out, one mitigation
 * toggled) is evaluated in the same iteration, on the same random numbers,
 * only when the risk occurs in either version: a change on tasks with float
 * to spare leaves D alone; otherwise only the changed tasks that can reach
 * the longest path are re-evaluated, up to the last of them, and D' is read
 * off the links that cross past it (window_cut; when several tasks matter,
 * up to four such variants of an iteration are propagated side by side,
 * window_lanes). Variants whose
 * per-iteration arrays do not fit RC_VARIANT_BUDGET wait for pass 2, which
 * repeats the iterations. Pass 3 draws only the uniforms again, for the
 * sensitivity against the ranks of D.
 */
#include "sim.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "analysis.h"
#include "lanes.h"
#include "rng.h"

__extension__ typedef __int128 acc_t;

/* Sums across iterations are exact integers in units of 2^-32, so that their
 * value does not depend on the order in which threads add them. */
#define FP_ONE 4294967296.0
#define FP_CLAMP 1e18
static inline acc_t to_fp(double x)
{
    if (!(x < FP_CLAMP))
        x = x > 0 ? FP_CLAMP : 0; /* NaN -> 0 */
    if (x < -FP_CLAMP)
        x = -FP_CLAMP;
    return (acc_t)(x * FP_ONE);
}
static inline double from_fp(acc_t a) { return (double)a / FP_ONE; }

/* Samplers: each uncertain number the loop draws (a duration, a rate, a
 * fixed cost) gets its parameters copied into one 64-byte record, in
 * position order, so that the loop streams through them instead of reaching
 * into the model for each. Every kind computes exactly what
 * rc_dist_quantile() computes (SK_TRI, the inline triangular of durations,
 * groups its products differently; it has always been sampled so). */
enum { SK_OTHER, SK_TRI, SK_UNI, SK_PERT, SK_TRIQ, SK_NORM, SK_LOGN, SK_FIXED, SK_DISC3, SK_NKINDS };
typedef struct {
    double q[6];
    const float *r0, *r1;        /* PERT: the two table rows around its mode */
} smp;

/* The records of each impact's delay, scale and cost, per risk and effect. */
typedef struct {
    smp *s;          /* [3 x n_impacts]: delay, scale, cost of each impact */
    uint8_t *k;      /* their SK_* */
    double p0;       /* exp(-frequency): no occurrence (Poisson) */
} effect_smp;

/* SK_* and the record of D. */
static uint8_t smp_prepare(const rc_dist *d, smp *s)
{
    memset(s, 0, sizeof *s);
    double *q = s->q;
    switch (d->kind) {
    case RC_DIST_FIXED:
        q[0] = d->a;
        return SK_FIXED;
    case RC_DIST_UNIFORM:
        q[0] = d->a, q[1] = d->c - d->a;
        return SK_UNI;
    case RC_DIST_TRIANGULAR:
    case RC_DIST_TRIGEN: {
        double a = d->kind == RC_DIST_TRIGEN ? d->p1 : d->a, b = d->b;
        double c = d->kind == RC_DIST_TRIGEN ? d->p2 : d->c, w = c - a;
        q[0] = a;
        if (w <= 0)
            return SK_FIXED;
        q[1] = c, q[2] = (b - a) / w, q[3] = w, q[4] = b - a, q[5] = c - b;
        return SK_TRIQ;
    }
    case RC_DIST_PERT: {
        q[0] = d->a;
        if (!d->table && !d->shape)
            return SK_FIXED;
        q[1] = d->c - d->a, q[3] = 1 / d->p1, q[4] = 1 / d->p2;
        if (d->shape) {
            int r = (int)d->shape_pos;
            if (r >= RC_PERT_ROWS)
                r = RC_PERT_ROWS - 1;
            q[2] = d->shape_pos - r;
            s->r0 = d->shape + (long)r * (RC_PERT_TABLE + 1);
            s->r1 = s->r0 + RC_PERT_TABLE + 1;
        } else {
            s->r0 = s->r1 = d->table;
        }
        return SK_PERT;
    }
    case RC_DIST_NORMAL:
        q[0] = d->a, q[1] = d->c;
        return SK_NORM;
    case RC_DIST_LOGNORMAL:
        q[0] = d->p1, q[1] = d->p2;
        return SK_LOGN;
    case RC_DIST_DISCRETE:
        if (d->n < 1 || d->n > 3)
            return SK_OTHER;
        /* up to three values: the cumulative weights below the last one
         * (padded with +infinity, which no u exceeds), then the values */
        q[0] = q[1] = INFINITY;
        for (int k = 0; k < d->n - 1; k++)
            q[k] = d->cum[k];
        for (int k = 0; k < 3; k++)
            q[2 + k] = d->values[k < d->n ? k : d->n - 1];
        return SK_DISC3;
    default:
        return SK_OTHER;
    }
}

/* rc_pert_unit() from a record. */
static inline double smp_pert_unit(const smp *s, double u)
{
    double x = u * RC_PERT_TABLE;
    int j = (int)x;
    if (j >= RC_PERT_TABLE)
        j = RC_PERT_TABLE - 1;
    double t = x - j, fm = s->q[2];
    const float *r0 = s->r0, *r1 = s->r1;
    if (j == 0) {
        double y1 = r0[1] + fm * (r1[1] - r0[1]);
        return y1 * pow(t, s->q[3]);
    }
    if (j == RC_PERT_TABLE - 1) {
        double y = r0[j] + fm * (r1[j] - r0[j]);
        return 1 - (1 - y) * pow(1 - t, s->q[4]);
    }
    double y0 = r0[j] + t * (r0[j + 1] - r0[j]), y1 = r1[j] + t * (r1[j + 1] - r1[j]);
    return y0 + fm * (y1 - y0);
}

/* The quantile at U of the number sampled by record S of kind K (D: the
 * distribution itself, for the kinds without a record). */
static inline __attribute__((always_inline)) double smp_draw(uint8_t k, const smp *s, const rc_dist *d, double u)
{
    const double *q = s->q;
    switch (k) {
    case SK_TRI: /* a, c, F(likely), (c-a)(b-a), (c-a)(c-b) */
        return u < q[2] ? q[0] + sqrt(u * q[3]) : q[1] - sqrt((1 - u) * q[4]);
    case SK_TRIQ: /* a, c, F(likely), c-a, b-a, c-b: as tri_q() of dist.c */
        return u < q[2] ? q[0] + sqrt(u * q[3] * q[4]) : q[1] - sqrt((1 - u) * q[3] * q[5]);
    case SK_UNI:
        return q[0] + u * q[1];
    case SK_PERT:
        return q[0] + q[1] * smp_pert_unit(s, u);
    case SK_NORM:
        return q[0] + q[1] * gsl_cdf_ugaussian_Pinv(u);
    case SK_LOGN:
        return exp(q[0] + q[1] * gsl_cdf_ugaussian_Pinv(u));
    case SK_FIXED:
        return q[0];
    case SK_DISC3: /* the first value whose cumulative weight reaches u */
        return q[2 + (q[0] < u) + (q[1] < u)];
    default:
        return rc_dist_quantile(d, u);
    }
}
/* Per-position flags: the duration varies (sampled here), risks act on it,
 * the rate varies, the fixed cost varies, it is in a correlation group. */
enum { F_VAR = 1, F_INC = 2, F_RATEV = 4, F_FIXV = 8, F_GRP = 16 };

/* Iterations a thread takes at a time: 256, fewer on large networks (about
 * a million task-iterations a block, at least 8), so that the threads share
 * a few hundred iterations of a 10,000-task plan. A function of the network
 * alone: the block sums, and so the results, do not depend on the threads. */
static long block_size(int n)
{
    long b = 256;
    while (b > 8 && b * (long)n > (1L << 20))
        b /= 2;
    return b;
}
#define POISSON_DIRECT_MAX 500.0  /* above: normal approximation */

void rc_sim_options_init(rc_sim_options *o)
{
    memset(o, 0, sizeof *o);
    o->iterations = RC_DEFAULT_ITERATIONS;
    o->seed = RC_DEFAULT_SEED;
    o->confidence = RC_DEFAULT_CONFIDENCE;
    o->analysis = true;
    o->variants = true;
    o->shapley = true;
}

/* ---- shared context and per-thread state ---------------------------------- */

typedef struct {
    int risk;        /* index in net->risks */
    int mode;        /* 0: left out, 1: mitigation toggled */
    double *D, *C;   /* [N] */
} variant;

typedef struct ctx ctx;

/* A link as window_read() reads it: its lag, its source date (2 x the
 * predecessor's position, + 1 from its finish) and the successor's tail
 * (2 x its position, + 1 when the link binds its finish: ts->Ltail2). */
typedef struct {
    double lag;
    int src, xt;
} erec;

/* A variant of this iteration whose new duration needs a window over
 * several tasks (or that follows one): it waits for the others, and up to NL
 * of them are propagated side by side (window_lanes). */
typedef struct {
    int v;             /* index in c->vars */
    int lo, hi;        /* its window; lo < 0: it follows the variant before it */
    int r0, nr;        /* its changed tasks: ts->prel[r0 .. r0 + nr), new durations in ts->pdv */
    double part, mit;  /* its cost so far, its mitigation cost (see eval_variant) */
    double Dv;         /* the result */
} pending;

typedef struct {
    ctx *c;
    int id;
    /* the loop's lanes: [(n + 1) x NL], [slots x NL], [risks x NL]; Lesf
     * [2 (n + 1) x NL]: position p's start at 2p, its finish at 2p + 1 */
    double *Lbase, *Ldur, *Lesf, *Llf, *Lrate, *Lfixed, *Lsdelay, *Lsscale, *Lrisk_cost;
    int *Lrisk_k;
    uint64_t *Lhd;     /* [3 x max_impacts x NL]: impact_ctrs() of the lanes' iterations */
    double Ltime_cost[NL];
    /* one iteration: the copula's, a lane's for the variants */
    double *u, *base, *dur, *lf;
    double *esf;  /* [2(n + 1)]: start and finish of each position, side by side */
    double *slot_delay, *slot_scale, *slot_cost;  /* effect[0] per slot */
    int *risk_k;
    double *risk_cost;
    double *alt_delay, *alt_scale, *alt_cost;      /* one effect's impacts */
    double *dv, *vs, *vd;               /* a variant's durations of the touched tasks */
    uint64_t *mark;                     /* positions waiting to be re-evaluated */
    int *ulog_p, *dlog_p;               /* undo logs of window_cut: dates, durations */
    int *cl_p, *rel;                    /* a variant's changed tasks, the ones that matter */
    double *cl_f, *cl_d, *cl_u;         /* their float, how much shorter, longer a path gets */
    double *ulog_es, *ulog_ef, *dlog_v;
    /* the variants waiting for a window, and the lanes they are propagated in */
    pending *pend;
    int npend, *porder, *prel, nprel;
    double *pdv;
    double *Wesf, *Wdur;                /* [2(n + 1) x NL], [(n + 1) x NL] */
    bool wfilled;                       /* Wdur holds this iteration's durations */
    double *z, *w;
    /* in lanes, for the variants (paths_lanes): the longest path that ends
     * before p, the longest that starts after p, and (tail2, [2n x NL]) the
     * longest path on from the start of p (2p) and from its finish back to
     * its start (2p + 1): D - ls, D - lf */
    double *Lpmax, *Lsmax, *Ltail2;
    int lane;                           /* the lane the variants are evaluated in */
    double time_cost;                   /* this iteration's overhead and penalty */
    /* accumulators */
    int64_t *crit_count;
    acc_t *sum_dur, *sum_fin;
    int64_t *occ;
    acc_t *su, *su2, *sur;
    double *bd, *bf, *bu, *bu2, *bur;              /* this block's sums, in double */
} tstate;

struct ctx {
    const rc_model *m;
    const rc_net *net;
    long N;
    uint64_t *tkey, *rkey;
    double cost_const;
    uint8_t *fixed_var, *rate_var;
    double *fixed_val, *rate_val;
    int max_impacts, max_group;
    bool no_unc;     /* estimating uncertainty off: every value at its plan value */
    uint8_t *skind, *rkind, *fkind;  /* [n] how the duration, rate and fixed cost are sampled: SK_* */
    smp *sd, *sr, *sf;               /* [n] their records */
    effect_smp *esmp;                /* [2 x risks]: the records of effect[0] and [1] of each */
    uint8_t *flag;   /* [n] F_* */
    uint8_t *ffin;   /* [n] the task has an FF or SF predecessor link */
    int *sens_pos;   /* the positions pass 3 sums: duration varies, no risk acts on it */
    uint64_t *skey;  /* their keys, in that order */
    /* the durations of the first INC_K tasks risks act on (position order),
     * kept by pass 1 for their sensitivity: INC_K x N floats, or NULL */
    float *inc_col;
    int *inc_pos, inc_k;
    int kind_start[SK_NKINDS + 1];   /* kind_pos by SK_*: the positions whose duration varies */
    int *kind_pos;
    int *ratev_pos, n_ratev;         /* positions whose rate varies */
    int *cost_pos, n_cost;           /* positions with a rate or a varying fixed cost */
    int *grp_pos, n_grp;             /* ... whose duration the copula samples */
    int *fixv_pos, n_fixv;           /* ... whose fixed cost varies */
    /* the records and keys of kind_pos, ratev_pos and fixv_pos in their
     * order, so that the loop streams through them */
    smp *ksd, *ksr, *ksf;
    uint64_t *kkey, *krkey, *kfkey;
    /* predecessor links in groups of LG (2 or 4), padded with links from
     * position n (a task that never binds): lp_start[p] .. lp_start[p+1] */
    int lg, sg;
    int *lp_start;
    int *lp_src;     /* 2 x the predecessor's position, + 1 from its finish: into esf */
    int *ls_wmax;    /* [n] the word of mark that holds the last successor's bit */
    int *src_min;    /* [n+1] the least lp_src of the links into positions p and on (2 x p at most) */
    int *ls_start, *ls_pos;  /* successor links, padded the same way (with n, whose late finish is
                              * +infinity in the backward pass and factors 0, so never binds) */
    double *lp_lag;
    double *lp_tofin; /* 1: binds the successor's finish (FF, SF); else 0 */
    /* each successor link's lag, 1 - lp_tofin (the backward pass works from
     * the successor's late start) and 1 from the predecessor's start (SS,
     * SF) */
    double *ls_lag, *ls_ls, *ls_frst;
    int n_sens;
    int *edge_succ;  /* [m] the successor position of each predecessor link */
    uint8_t *e_fin;  /* [m] the link leaves the predecessor's finish (FS, FF) */
    uint8_t *e_tofin; /* [m] it binds the successor's finish (FF, SF) */
    erec *erec;      /* [m] each link as window_read() takes it (with the span lists) */
    int *span_start; /* [n+1] CSR: the links that jump over position p (NULL: none built) */
    int *span_edge;
    int *out_start;  /* [n+1] CSR: the links out of each position (their indices) */
    int *out_edge;
    bool light;      /* durations and costs only: no criticality, no sums */
    volatile sig_atomic_t *cancel_flag;
    double *D, *C;
    /* pass 2 */
    int pass;
    const double *rankD;
    variant *vars;
    int nv;
    int n_range;
    int *range_pos;
    float *range_fin;
    long range_n;
    /* scheduling */
    atomic_long next;
    atomic_long done_blocks;
    long n_blocks, block;
    int n_passes, pass_no;  /* passes over the iterations in all, and this one's index (progress) */
    const rc_sim_options *o;
};

/* The Poisson(LAMBDA) quantile of U; P0 is exp(-LAMBDA), computed once. */
static long poisson_quantile(double u, double lambda, double p0)
{
    if (lambda <= 0)
        return 0;
    if (lambda > POISSON_DIRECT_MAX) {
        double k = floor(lambda + sqrt(lambda) * gsl_cdf_ugaussian_Pinv(u) + 0.5);
        return k > 0 ? (long)k : 0;
    }
    double p = p0, cdf = p;
    long k = 0;
    while (cdf < u && k < 100000) {
        k++;
        p *= lambda / (double)k;
        cdf += p;
        if (p == 0 && (double)k > lambda)
            break;
    }
    return k;
}

/* The records of effect E's impacts. Returns 0 or -1. */
static int effect_smp_init(effect_smp *es, const rc_net_effect *e)
{
    size_t n = (size_t)(e->n_impacts ? 3 * e->n_impacts : 1);
    es->s = calloc(n, sizeof *es->s);
    es->k = calloc(n, 1);
    if (!es->s || !es->k)
        return -1;
    es->p0 = exp(-e->frequency);
    for (int j = 0; j < e->n_impacts; j++) {
        const rc_net_impact *im = &e->impacts[j];
        const rc_dist *d[3] = {im->delay, im->scale, im->cost};
        for (int a = 0; a < 3; a++)
            if (d[a])
                es->k[3 * j + a] = smp_prepare(d[a], &es->s[3 * j + a]);
    }
    return 0;
}

/* The draw of impact J's delay (A = 0), scale (1) or cost (2) in
 * occurrence K of a risk (draw 0 decides the occurrences). */
static inline uint64_t impact_draw(long k, int j, int a)
{
    return 1 + ((uint64_t)k << 32) + 4 * (uint64_t)j + (uint64_t)a;
}

/* Occurrences of effect E (records ES) in iteration I, given its first
 * uniform U0 (rc_uniform(KEY, I, 0)), and its per-impact totals. */
static int sample_effect(const rc_net_effect *e, const effect_smp *es, uint64_t key, long i, double u0,
                         double *delay, double *scale, double *cost)
{
    long K = e->use_frequency ? poisson_quantile(u0, e->frequency, es->p0) : (u0 < e->probability);
    for (int j = 0; j < e->n_impacts; j++)
        delay[j] = 0, scale[j] = 1, cost[j] = 0;
    for (long k = 0; k < K; k++)
        for (int j = 0; j < e->n_impacts; j++) {
            const rc_net_impact *im = &e->impacts[j];
            if (im->delay)
                delay[j] += smp_draw(es->k[3 * j], &es->s[3 * j], im->delay,
                                     rc_uniform(key, (uint64_t)i, impact_draw(k, j, 0)));
            if (im->scale)
                scale[j] *= smp_draw(es->k[3 * j + 1], &es->s[3 * j + 1], im->scale,
                                     rc_uniform(key, (uint64_t)i, impact_draw(k, j, 1)));
            if (im->cost)
                cost[j] += smp_draw(es->k[3 * j + 2], &es->s[3 * j + 2], im->cost,
                                    rc_uniform(key, (uint64_t)i, impact_draw(k, j, 2)));
        }
    return K > 0x7fffffff ? 0x7fffffff : (int)K;
}

/* The Gaussian copula of the correlation groups GL[0..NG) (GL NULL: all of
 * them): the group's uniforms become u' = Phi(L Phi^-1(u)); with BASE the
 * base durations follow. */
static void copula(ctx *c, tstate *ts, long i, bool base, const int *gl, int ng)
{
    const rc_net *net = c->net;
    if (!gl)
        ng = net->n_groups;
    for (int a0 = 0; a0 < ng; a0++) {
        int g = gl ? gl[a0] : a0;
        int k = net->group_start[g + 1] - net->group_start[g];
        const int *gp = net->group_pos + net->group_start[g];
        const double *L = net->group_chol[g];
        for (int a = 0; a < k; a++)
            ts->z[a] = gsl_cdf_ugaussian_Pinv(rc_uniform(c->tkey[gp[a]], (uint64_t)i, 0));
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int b = 0; b <= a; b++)
                s += L[a * k + b] * ts->z[b];
            ts->w[a] = s;
        }
        for (int a = 0; a < k; a++) {
            int p = gp[a];
            double u = gsl_cdf_ugaussian_P(ts->w[a]);
            if (u <= 0)
                u = 0x1p-53;
            if (u >= 1)
                u = 1 - 0x1p-53;
            if (net->dur_kind[p]) {
                ts->u[p] = u;
                if (base)
                    ts->base[p] = rc_dist_quantile(net->dur[p], u);
            }
        }
    }
}

/* ---- the loop: NL iterations side by side -----------------------------------
 * Passes 1 and 2 run NL consecutive iterations together. Every per-task
 * number of the loop is kept for the NL of them next to each other
 * (x[p * NL + j] for iteration i + j), so that a task's records, links and
 * factors are read once for all of them and its arithmetic is done on all
 * lanes at once (lanes.h). */

/* smp_draw() of record S of kind K for the NL uniforms U, into OUT[0..NL):
 * the triangular, uniform and normal kinds on all lanes at once (the side
 * of the triangle's mode each U falls on chosen without a branch to
 * mispredict). */
static inline __attribute__((always_inline)) void smp_draw_lanes(uint8_t k, const smp *s, const rc_dist *d,
                                                                 const double *u, double *out)
{
    const double *q = s->q;
    vd U = VAT(u), lo, hi;
    switch (k) {
    case SK_TRI:
        lo = U * q[3], hi = (1 - U) * q[4];
        break;
    case SK_TRIQ:
        lo = U * q[3] * q[4], hi = (1 - U) * q[3] * q[5];
        break;
    case SK_UNI:
        VAT(out) = q[0] + U * q[1];
        return;
    case SK_PERT: {
        /* smp_pert_unit() between the table's ends: its entries read lane
         * by lane, the interpolation on all lanes (the differences of two
         * entries are taken in float, as there) */
        vd x = U * RC_PERT_TABLE, jd, a0, d0, b0, e0;
        const float *r0 = s->r0, *r1 = s->r1;
        bool edge = false;
        for (int l = 0; l < NL; l++) {
            int j = (int)x[l];
            if (j >= RC_PERT_TABLE)
                j = RC_PERT_TABLE - 1;
            edge |= j == 0 || j == RC_PERT_TABLE - 1;
            jd[l] = j;
            a0[l] = r0[j], d0[l] = r0[j + 1] - r0[j];
            b0[l] = r1[j], e0[l] = r1[j + 1] - r1[j];
        }
        if (edge) {
            for (int j = 0; j < NL; j++)
                out[j] = smp_draw(k, s, d, u[j]);
            return;
        }
        vd t = x - jd, y0 = a0 + t * d0, y1 = b0 + t * e0;
        VAT(out) = q[0] + q[1] * (y0 + q[2] * (y1 - y0));
        return;
    }
    case SK_NORM: {
        double z[NL];
        norm_inv_lanes(u, z);
        VAT(out) = q[0] + q[1] * VAT(z);
        return;
    }
    case SK_LOGN: {
        double z[NL];
        norm_inv_lanes(u, z);
        vd x = q[0] + q[1] * VAT(z);
        for (int j = 0; j < NL; j++)
            out[j] = exp(x[j]);
        return;
    }
    default:
        for (int j = 0; j < NL; j++)
            out[j] = smp_draw(k, s, d, u[j]);
        return;
    }
    /* the square root of the side each u falls on, once */
    vm m = U < q[2];
    vd r = VSEL(m, lo, hi);
    for (int j = 0; j < NL; j++)
        r[j] = sqrt(r[j]);
    lo = q[0] + r, hi = q[1] - r;
    VAT(out) = VSEL(m, lo, hi);
}

/* Duration *D of position P, in the lanes, with the risks that act on it:
 * their scales, then their delays (the lanes' slots); the caller holds it
 * at 0 (the forward pass, and the sensitivity's resampling). */
static inline __attribute__((always_inline)) void impacts_lanes(const rc_net *net, const tstate *ts, int p, vd *d)
{
    vd sc = VSPLAT(1), de = VSPLAT(0);
    for (int e = net->inc_start[p]; e < net->inc_start[p + 1]; e++) {
        sc *= VAT(ts->Lsscale + (size_t)net->inc_slot[e] * NL);
        de += VAT(ts->Lsdelay + (size_t)net->inc_slot[e] * NL);
    }
    *d = *d * sc + de;
}

/* The forward pass of iterate_lanes() with links in groups of LG (a
 * constant where it is inlined): each task's duration, its start and
 * finish, and the latest finish into DV. */
static inline __attribute__((always_inline)) void forward_lanes(const ctx *c, tstate *ts, const int lg,
                                                                vd *Dv_io)
{
    const rc_net *net = c->net;
    int n = net->n;
    const int *ls = c->lp_start;
    vd Dv = *Dv_io;
    double *esf = ts->Lesf;
    for (int p = 0; p < n; p++) {
        vd d = VAT(ts->Lbase + (size_t)p * NL);
        if (c->flag[p] & F_INC)
            impacts_lanes(net, ts, p, &d);
        d = (vd)((vm)d & (d > 0)); /* d > 0 ? d : 0 */
        VAT(ts->Ldur + (size_t)p * NL) = d;
        /* links in groups (of 2 or 4), padded with links from a task that
         * never binds: from the start or finish (read where the link's
         * source is, lp_src: starts and finishes side by side), to the
         * start or finish by factors 0 and 1, so neither the link type nor
         * the number of links is a branch */
        vd s = VSPLAT(net->min_start[p]);
        for (int e = ls[p]; e < ls[p + 1]; e += lg) {
#pragma GCC unroll 4
            for (int k = e; k < e + lg; k++) {
                vd x = VAT(esf + (size_t)c->lp_src[k] * NL) + c->lp_lag[k] - c->lp_tofin[k] * d;
                s = VMAX(x, s);
            }
        }
        vd f = s + d;
        VAT(esf + (size_t)(2 * p) * NL) = s;
        VAT(esf + (size_t)(2 * p + 1) * NL) = f;
        Dv = VMAX(f, Dv);
    }
    *Dv_io = Dv;
}

/* The counters of the draws of a risk's impacts in iterations IT[0..NL),
 * for risk_lanes(): HD[(3k + a) x NL + j] = rc_uniform_ctr(IT[j],
 * impact_draw(0, k, a)), the draws sample_effect() takes for impact k in
 * the first occurrence. */
static void impact_ctrs(const ctx *c, const long *it, uint64_t *hd)
{
    for (int k = 0; k < c->max_impacts; k++)
        for (int a = 0; a < 3; a++)
            for (int j = 0; j < NL; j++)
                hd[(size_t)(3 * k + a) * NL + (size_t)j] = rc_uniform_ctr((uint64_t)it[j], impact_draw(0, k, a));
}

/* Risk Q's effect in iterations IT[0..NL) (U0: their first uniforms; HD:
 * impact_ctrs()): its impacts into the lanes of its slots from SLOT
 * (Lsdelay, Lsscale), each lane's occurrences into K and cost into COST.
 * A risk with a probability occurs at most once, where U0 is below it:
 * where it does not, sample_effect() would give no delay, scale 1 and no
 * cost; where it does, each impact's draws as sample_effect() takes them
 * (0 + delay, 1 x scale, 0 + cost). When it occurs in any lane, the draws
 * are computed on all lanes at once and each lane takes its own value or
 * the no-occurrence one. A risk with a frequency goes through
 * sample_effect() lane by lane. */
static inline __attribute__((always_inline)) void risk_lanes(const ctx *c, tstate *ts, int q, int slot,
                                                             const long *it, const double *u0,
                                                             const uint64_t *hd, int *K, double *cost)
{
    const rc_net_effect *e = &c->net->risks[q].effect[0];
    if (!e->use_frequency) {
        const effect_smp *es = &c->esmp[2 * q];
        vm occ = VAT(u0) < e->probability;
        bool any = false;
        for (int j = 0; j < NL; j++)
            any |= occ[j] != 0;
        vd vc = VSPLAT(0);
        for (int k = 0; k < e->n_impacts; k++) {
            const rc_net_impact *im = &e->impacts[k];
            vd de = VSPLAT(0), sc = VSPLAT(1), co = VSPLAT(0);
            if (any) {
                double u[NL], x[NL];
                if (im->delay) {
                    uniform_lanes(c->rkey[q], hd + (size_t)(3 * k) * NL, u);
                    smp_draw_lanes(es->k[3 * k], &es->s[3 * k], im->delay, u, x);
                    de = VSEL(occ, VSPLAT(0) + VAT(x), de);
                }
                if (im->scale) {
                    uniform_lanes(c->rkey[q], hd + (size_t)(3 * k + 1) * NL, u);
                    smp_draw_lanes(es->k[3 * k + 1], &es->s[3 * k + 1], im->scale, u, x);
                    sc = VSEL(occ, VSPLAT(1) * VAT(x), sc);
                }
                if (im->cost) {
                    uniform_lanes(c->rkey[q], hd + (size_t)(3 * k + 2) * NL, u);
                    smp_draw_lanes(es->k[3 * k + 2], &es->s[3 * k + 2], im->cost, u, x);
                    co = VSEL(occ, VSPLAT(0) + VAT(x), co);
                }
            }
            vc += co; /* each impact's cost in turn, +0 without one, as the scalar code */
            VAT(ts->Lsdelay + (size_t)(slot + k) * NL) = de;
            VAT(ts->Lsscale + (size_t)(slot + k) * NL) = sc;
        }
        for (int j = 0; j < NL; j++)
            K[j] = occ[j] != 0, cost[j] = vc[j];
        return;
    }
    for (int j = 0; j < NL; j++) {
        K[j] = sample_effect(e, &c->esmp[2 * q], c->rkey[q], it[j], u0[j], ts->slot_delay, ts->slot_scale,
                             ts->slot_cost);
        cost[j] = 0;
        for (int k = 0; k < e->n_impacts; k++) {
            cost[j] += ts->slot_cost[k];
            ts->Lsdelay[(size_t)(slot + k) * NL + j] = ts->slot_delay[k];
            ts->Lsscale[(size_t)(slot + k) * NL + j] = ts->slot_scale[k];
        }
    }
}

/* Pass 1's work for iterations IT[0..NL) in the lanes of TS: the risks and
 * the sampled numbers, then one pass in topological order (apply the risks,
 * cost, schedule). Sets D[j] and C[j] of each. */
LANES_TARGET static void iterate_lanes(ctx *c, tstate *ts, const long *it, double *D, double *C)
{
    const rc_net *net = c->net;
    double rcost[NL];
    uint64_t h0[NL];
    for (int j = 0; j < NL; j++) {
        if (!c->no_unc && net->n_groups) {
            copula(c, ts, it[j], true, NULL, 0);
            for (int a = 0; a < c->n_grp; a++)
                ts->Lbase[(size_t)c->grp_pos[a] * NL + j] = ts->base[c->grp_pos[a]];
        }
        h0[j] = rc_uniform_ctr((uint64_t)it[j], 0);
        rcost[j] = 0;
    }
    impact_ctrs(c, it, ts->Lhd);
    /* the risks, each on all lanes (each lane's costs added in order of risk) */
    for (int r = 0, slot = 0; r < net->n_risks; r++) {
        const rc_net_effect *e = &net->risks[r].effect[0];
        double u0[NL];
        uniform_lanes(c->rkey[r], h0, u0);
        int K[NL];
        double rc[NL];
        risk_lanes(c, ts, r, slot, it, u0, ts->Lhd, K, rc);
        for (int j = 0; j < NL; j++) {
            ts->Lrisk_k[(size_t)r * NL + j] = K[j];
            ts->Lrisk_cost[(size_t)r * NL + j] = rc[j];
            rcost[j] += rc[j];
        }
        slot += e->n_impacts;
    }
    /* the sampled numbers, kind by kind (a loop per kind, not a branch per
     * task). Constant durations, rates and fixed costs were put in place by
     * tstate_preset and are never overwritten. */
    if (!c->no_unc) {
        double u[NL];
        uint64_t h1[NL], h2[NL];
        for (int j = 0; j < NL; j++) {
            h1[j] = rc_uniform_ctr((uint64_t)it[j], 1);
            h2[j] = rc_uniform_ctr((uint64_t)it[j], 2);
        }
        for (int k = 0; k < SK_NKINDS; k++) {
            for (int a = c->kind_start[k]; a < c->kind_start[k + 1]; a++) {
                int p = c->kind_pos[a];
                uniform_lanes(c->kkey[a], h0, u);
                smp_draw_lanes((uint8_t)k, &c->ksd[a], net->dur[p], u, ts->Lbase + (size_t)p * NL);
            }
        }
        for (int a = 0; a < c->n_ratev; a++) { /* in order of kind */
            int p = c->ratev_pos[a];
            uniform_lanes(c->krkey[a], h2, u);
            smp_draw_lanes(c->rkind[p], &c->ksr[a], net->rate[p], u, ts->Lrate + (size_t)p * NL);
        }
        for (int a = 0; a < c->n_fixv; a++) {
            int p = c->fixv_pos[a];
            uniform_lanes(c->kfkey[a], h1, u);
            smp_draw_lanes(c->fkind[p], &c->ksf[a], net->fixed[p], u, ts->Lfixed + (size_t)p * NL);
        }
    }
    vd tcost = VSPLAT(0), Dv = VSPLAT(net->status_offset);
    if (c->lg == 4) /* the group size a constant in each copy of the loop */
        forward_lanes(c, ts, 4, &Dv);
    else
        forward_lanes(c, ts, 2, &Dv);
    for (int a = 0; a < c->n_cost; a++) { /* in order of position */
        size_t x = (size_t)c->cost_pos[a] * NL;
        tcost += VAT(ts->Lrate + x) * VAT(ts->Ldur + x);
        tcost += VAT(ts->Lfixed + x);
    }
    for (int j = 0; j < NL; j++) {
        D[j] = Dv[j];
        ts->Ltime_cost[j] = rc_net_time_cost(net, D[j]);
        C[j] = c->cost_const + tcost[j] + rcost[j] + ts->Ltime_cost[j];
    }
}

/* The project duration read off a window from LO to HI that holds every
 * changed task, given the window's new starts and finishes (the start of
 * position p at DATES[2p x STRIDE], its finish at DATES[(2p + 1) x
 * STRIDE], from position WLO on; before WLO they are the iteration's own,
 * ts->esf; after HI the durations are this iteration's own): the longest
 * of the paths that end before LO, the new finishes from LO to HI, the
 * paths that start after HI, and the paths along the links that cross HI
 * followed by the old longest path on from where they land. Within TOL of
 * D it is D. */
static double window_read(const ctx *c, const tstate *ts, const double *dates, size_t stride, int wlo,
                          int lo, int hi, double D, double tol)
{
    const rc_net *net = c->net;
    /* the finishes from LO to HI: only those no successor dominates (a
     * dominated one's successor finishes no earlier, inside the window or
     * through a link across HI) */
    size_t j = (size_t)ts->lane;
    double Dv = ts->Lpmax[(size_t)lo * NL + j];
    int a = 0, b = net->n_nd;
    while (a < b) {
        int mid = (a + b) / 2;
        if (net->nd_pos[mid] < lo)
            a = mid + 1;
        else
            b = mid;
    }
    for (; a < net->n_nd && net->nd_pos[a] <= hi; a++) {
        double f = dates[(size_t)(2 * net->nd_pos[a] + 1) * stride];
        Dv = f > Dv ? f : Dv;
    }
    double sx = ts->Lsmax[(size_t)hi * NL + j];
    Dv = sx > Dv ? sx : Dv;
    for (int pass = 0; c->span_start && pass < 2; pass++) {
        /* the links over HI (and SS, SF out of it), then FS, FF out of HI */
        int k0 = pass ? c->out_start[hi] : c->span_start[hi];
        int k1 = pass ? c->out_start[hi + 1] : c->span_start[hi + 1];
        for (int k = k0; k < k1; k++) {
            int e = pass ? c->out_edge[k] : c->span_edge[k];
            if (pass && !c->e_fin[e])
                continue; /* SS, SF out of HI: listed over HI already */
            /* the old longest path on from the start of the successor (or,
             * for a link that binds its finish, from its finish back to its
             * start): Ltail2 */
            const erec *er = &c->erec[e];
            double y = (er->src < 2 * wlo ? ts->esf[er->src] : dates[(size_t)er->src * stride]) + er->lag +
                       ts->Ltail2[(size_t)er->xt * NL + j];
            Dv = y > Dv ? y : Dv;
        }
    }
    return fabs(Dv - D) <= tol ? D : Dv;
}

/* The project duration when the tasks REL[0..NREL) (distinct positions)
 * take their new durations ts->dv and every other task keeps its own.
 *
 * They are re-evaluated in topological order with everything their change
 * moves, as far as the last of them (HI). Beyond HI no duration changes, so
 * every path that goes on past HI is its longest path to a link that
 * crosses from HI or before to after HI, plus the old longest path on from
 * where that link arrives. The result is the longest of: the paths that end
 * before the first of them (LO), unchanged; the new finishes from LO to HI;
 * the paths along those links; and the paths that start after HI,
 * unchanged. Equal to a full propagation up to rounding (within TOL of D it
 * is D). */
static double window_cut(const ctx *c, tstate *ts, const int *rel, int nrel, double D, double tol)
{
    const rc_net *net = c->net;
    uint64_t *mark = ts->mark;
    double *esf = ts->esf, *dur = ts->dur;
    int lo = INT32_MAX, hi = -1, nd = 0, nu = 0;
    /* dates and durations are changed in place; the undo logs restore them */
    for (int t = 0; t < nrel; t++) {
        int p = rel[t];
        ts->dlog_p[nd] = p, ts->dlog_v[nd++] = dur[p];
        dur[p] = ts->dv[p];
        mark[p >> 6] |= 1ULL << (p & 63);
        lo = p < lo ? p : lo;
        hi = p > hi ? p : hi;
    }
    if (!c->span_start)
        hi = net->n - 1; /* no lists of links over positions: to the end */
    int whi = hi >> 6, wmax = whi;
    for (int w = lo >> 6; w <= whi; w++) {
        uint64_t x;
        while ((x = mark[w]) != 0) { /* a successor in this word sets its bit: re-read */
            int p = (w << 6) + __builtin_ctzll(x);
            if (p > hi)
                break;
            mark[w] = x & (x - 1);
            /* as in forward_lanes() */
            double s = net->min_start[p], d = dur[p];
            for (int e = c->lp_start[p]; e < c->lp_start[p + 1]; e += c->lg)
                for (int k = e; k < e + c->lg; k++) {
                    double y = esf[c->lp_src[k]] + c->lp_lag[k] - c->lp_tofin[k] * d;
                    s = y > s ? y : s;
                }
            if (s == esf[2 * p] && s + d == esf[2 * p + 1])
                continue; /* unchanged: the change stops here */
            ts->ulog_p[nu] = p, ts->ulog_es[nu] = esf[2 * p], ts->ulog_ef[nu++] = esf[2 * p + 1];
            esf[2 * p] = s;
            esf[2 * p + 1] = s + d;
            for (int e = c->ls_start[p]; e < c->ls_start[p + 1]; e += c->sg) /* padded with n */
                for (int k = e; k < e + c->sg; k++) {
                    int q = c->ls_pos[k];
                    mark[q >> 6] |= 1ULL << (q & 63);
                }
            wmax = c->ls_wmax[p] > wmax ? c->ls_wmax[p] : wmax;
        }
    }
    for (int w = whi; w <= wmax; w++) /* past the window: drop what is left */
        mark[w] = 0;
    double Dv = window_read(c, ts, esf, 1, 0, lo, hi, D, tol);
    while (nu > 0) {
        nu--;
        esf[2 * ts->ulog_p[nu]] = ts->ulog_es[nu], esf[2 * ts->ulog_p[nu] + 1] = ts->ulog_ef[nu];
    }
    while (nd > 0) {
        nd--;
        dur[ts->dlog_p[nd]] = ts->dlog_v[nd];
    }
    return Dv;
}

/* Evaluate variant V in iteration I, after the loop's passes (lane_extract).
 * Returns the variant's project duration. */
static double eval_variant(ctx *c, tstate *ts, int vi, long i, double D, double C, double d_out)
{
    const variant *v = &c->vars[vi];
    const rc_net *net = c->net;
    const rc_net_risk *rk = &net->risks[v->risk];
    int Kb = ts->risk_k[v->risk], Ka = 0;
    const rc_net_effect *alt = &rk->effect[1];
    double alt_cost = 0, mit = v->mode == 1 && rk->mit0 ? rk->alt_cost : 0;
    if (v->mode == 1) {
        Ka = sample_effect(alt, &c->esmp[2 * v->risk + 1], c->rkey[v->risk], i,
                           rc_uniform(c->rkey[v->risk], (uint64_t)i, 0), ts->alt_delay,
                           ts->alt_scale, ts->alt_cost);
        for (int j = 0; j < alt->n_impacts; j++)
            alt_cost += ts->alt_cost[j];
    }
    if (Kb == 0 && Ka == 0) {
        v->D[i] = D;
        v->C[i] = C - mit;
        return D;
    }
    /* new durations of the touched tasks */
    for (int t = 0; t < rk->n_touched; t++) {
        int p = rk->touched[t];
        ts->vs[p] = 1, ts->vd[p] = 0;
    }
    if (Ka > 0)
        for (int j = 0; j < alt->n_impacts; j++)
            for (int t = 0; t < alt->impacts[j].n_pos; t++) {
                int p = alt->impacts[j].pos[t];
                ts->vs[p] *= ts->alt_scale[j];
                ts->vd[p] += ts->alt_delay[j];
            }
    double dcost = 0, min_float = INFINITY, grow = 0, shrink = 0, tol = 1e-7 * (D > 1 ? D : 1);
    int nc = 0, star = -1; /* the changed tasks (ts->cl_*); the one with the least float */
    for (int t = 0; t < rk->n_touched; t++) {
        int p = rk->touched[t];
        double sc = 1, de = 0;
        for (int e = net->inc_start[p]; e < net->inc_start[p + 1]; e++) {
            int s = net->inc_slot[e];
            if (net->slot_risk[s] == v->risk)
                continue;
            sc *= ts->slot_scale[s];
            de += ts->slot_delay[s];
        }
        size_t x = (size_t)p * NL + (size_t)ts->lane;
        double d = ts->Lbase[x] * sc * ts->vs[p] + de + ts->vd[p];
        if (!(d > 0))
            d = 0;
        ts->dv[p] = d;
        dcost += ts->Lrate[x] * (d - ts->dur[p]);
        if (d != ts->dur[p]) {
            double fl = ts->lf[p] - ts->esf[2 * p + 1], dd = d - ts->dur[p];
            /* how much longer (shorter) a path through P can get: by the
             * increase (decrease); with an FF or SF link into P, whose start
             * then moves against its duration, by the change either way */
            double up = c->ffin[p] || dd > 0 ? fabs(dd) : 0, down = c->ffin[p] || dd < 0 ? fabs(dd) : 0;
            grow += up;
            /* only a task on a longest path (no float) can shorten one */
            if (fl <= tol)
                shrink += down;
            if (fl < min_float)
                min_float = fl, star = nc;
            ts->cl_p[nc] = p, ts->cl_f[nc] = fl, ts->cl_d[nc] = down, ts->cl_u[nc++] = up;
        }
    }
    double Dv, part = C + dcost - ts->risk_cost[v->risk] + alt_cost - ts->time_cost;
    if (v->mode == 1 && Ka == 0) {
        /* the mitigated risk does not occur: the schedule is the one of the
         * risk left out, evaluated just before (D_OUT; NaN: it waits for a
         * window, and so does this one) */
        if (isnan(d_out)) {
            ts->pend[ts->npend++] = (pending){.v = vi, .lo = -1, .part = part, .mit = mit};
            return NAN;
        }
        Dv = d_out;
    } else if (nc == 0 || min_float > grow + tol) {
        /* Every path through a changed task has at least that task's total
         * float and grows by at most GROW (a duration enters a path at most
         * once, with a plus sign, except that an FF or SF link into a task
         * makes its start move against its duration). With more float than
         * that on every changed task, no path through one reaches D and the
         * chain that made D is untouched: the duration stays D, bit for bit. */
        Dv = D;
    } else {
        /* First the change of the task with the least float alone (D1: the
         * exact duration of that smaller variant). Then which other changed
         * tasks can matter: D' >= D - SHRINK (what the changed tasks without
         * float, the only ones on a longest path, can take off it), and
         * D' >= D1 - what the others can take off the path that made D1
         * (only tasks with float <= D - D1 + the first task's change can be
         * on it). A changed task with more float than D - that bound + GROW
         * carries no path that reaches D', before or after its change.
         * (No float compares, STAR < 0, only on a schedule that overflowed
         * to infinity: the first changed task then.) */
        if (star < 0)
            star = 0;
        int p0 = ts->cl_p[star];
        double D1 = window_cut(c, ts, &p0, 1, D, tol);
        double b = D - D1 + ts->cl_d[star] + ts->cl_u[star] + tol, s2 = 0;
        for (int k = 0; k < nc; k++)
            if (k != star && ts->cl_f[k] <= b)
                s2 += ts->cl_d[k];
        double lb = D - shrink > D1 - s2 ? D - shrink : D1 - s2, thr = D - lb + grow + tol;
        int nr = 0;
        ts->rel[nr++] = p0;
        for (int k = 0; k < nc; k++)
            if (k != star && ts->cl_f[k] <= thr)
                ts->rel[nr++] = ts->cl_p[k];
        if (nr == 1) {
            Dv = D1;
        } else if (!c->span_start) {
            Dv = window_cut(c, ts, ts->rel, nr, D, tol);
        } else { /* wait for the others of this iteration (window_lanes) */
            pending *pd = &ts->pend[ts->npend++];
            *pd = (pending){.v = vi, .lo = INT32_MAX, .hi = -1, .r0 = ts->nprel, .nr = nr,
                            .part = part, .mit = mit};
            for (int k = 0; k < nr; k++) {
                int p = ts->rel[k];
                ts->prel[ts->nprel] = p, ts->pdv[ts->nprel++] = ts->dv[p];
                pd->lo = p < pd->lo ? p : pd->lo;
                pd->hi = p > pd->hi ? p : pd->hi;
            }
            return NAN;
        }
    }
    v->D[i] = Dv;
    v->C[i] = part + (Dv == D ? ts->time_cost : rc_net_time_cost(net, Dv)) - mit;
    return Dv;
}

/* window_lanes()'s propagation from LO to HI, links in groups of LG (a
 * constant where it is inlined). */
static inline __attribute__((always_inline)) void window_sweep(const ctx *c, tstate *ts, int lo, int hi,
                                                               const int lg)
{
    const rc_net *net = c->net;
    double *W = ts->Wesf;
    const double *Wd = ts->Wdur, *esf = ts->esf;
    /* the dates it reads before LO (from the least source of the links into
     * LO and on: a bound that needs no scan of the window, and costs one
     * store per date even when a single link reaches far back) */
    for (int x = c->src_min[lo]; x < 2 * lo; x++) {
        vd v = VSPLAT(esf[x]);
        memcpy(W + (size_t)x * NL, &v, sizeof v);
    }
    for (int p = lo; p <= hi; p++) {
        /* as in window_cut() */
        vd s = VSPLAT(net->min_start[p]), d = VAT(Wd + (size_t)p * NL);
        for (int e = c->lp_start[p]; e < c->lp_start[p + 1]; e += lg)
#pragma GCC unroll 4
            for (int q = e; q < e + lg; q++) {
                vd y = VAT(W + (size_t)c->lp_src[q] * NL) + c->lp_lag[q] - c->lp_tofin[q] * d;
                s = VMAX(y, s);
            }
        VAT(W + (size_t)(2 * p) * NL) = s;
        VAT(W + (size_t)(2 * p + 1) * NL) = s + d;
    }
}

/* The new durations of up to NL waiting variants PB[0..K) of iteration I,
 * side by side: the durations in every lane (Wdur) with each lane's
 * changed tasks, every task of the union of their windows again (its dates
 * into Wesf; before the union's start they are the iteration's own, read
 * from ts->esf), then for each lane what window_cut() reads off its own
 * window. */
LANES_TARGET static void window_lanes(const ctx *c, tstate *ts, pending *const *pb, int k, double D, double tol)
{
    const rc_net *net = c->net;
    int n = net->n, lo = INT32_MAX, hi = -1;
    double *W = ts->Wesf, *Wd = ts->Wdur;
    if (!ts->wfilled) {
        const double *dur = ts->dur;
        for (int p = 0; p <= n; p++) {
            vd v = VSPLAT(dur[p]);
            memcpy(Wd + (size_t)p * NL, &v, sizeof v);
        }
        ts->wfilled = true;
    }
    for (int l = 0; l < k; l++) {
        const pending *pd = pb[l];
        for (int r = pd->r0; r < pd->r0 + pd->nr; r++)
            Wd[(size_t)ts->prel[r] * NL + (size_t)l] = ts->pdv[r];
        lo = pd->lo < lo ? pd->lo : lo;
        hi = pd->hi > hi ? pd->hi : hi;
    }
    if (c->lg == 4)
        window_sweep(c, ts, lo, hi, 4);
    else
        window_sweep(c, ts, lo, hi, 2);
    /* what window_cut() reads off each lane's own window: up to its HI the
     * lane's dates are those of its own window (before its LO nothing of it
     * moved), so its duration is the one window_cut() gives, bit for bit */
    for (int l = 0; l < k; l++)
        pb[l]->Dv = window_read(c, ts, W + l, NL, lo, pb[l]->lo, pb[l]->hi, D, tol);
    /* back to this iteration's schedule in every lane */
    for (int l = 0; l < k; l++)
        for (int r = pb[l]->r0; r < pb[l]->r0 + pb[l]->nr; r++)
            VAT(Wd + (size_t)ts->prel[r] * NL) = VSPLAT(ts->dur[ts->prel[r]]);
}

/* The variants of iteration I that waited (eval_variant): their windows NL
 * at a time, in order of where they start, then their results. */
static void settle_pending(ctx *c, tstate *ts, long i, double D)
{
    const rc_net *net = c->net;
    double tol = 1e-7 * (D > 1 ? D : 1);
    int nw = 0;
    for (int a = 0; a < ts->npend; a++) { /* the windows, by their start */
        if (ts->pend[a].lo < 0)
            continue;
        int b = nw++;
        while (b > 0 && ts->pend[ts->porder[b - 1]].lo > ts->pend[a].lo) {
            ts->porder[b] = ts->porder[b - 1];
            b--;
        }
        ts->porder[b] = a;
    }
    pending *pb[NL];
    for (int a = 0; a < nw; a += NL) {
        int k = nw - a < NL ? nw - a : NL;
        for (int l = 0; l < k; l++)
            pb[l] = &ts->pend[ts->porder[a + l]];
        window_lanes(c, ts, pb, k, D, tol);
    }
    for (int a = 0; a < ts->npend; a++) { /* in order: a follower after its leader */
        pending *pd = &ts->pend[a];
        if (pd->lo < 0)
            pd->Dv = pd[-1].Dv;
        variant *v = &c->vars[pd->v];
        v->D[i] = pd->Dv;
        v->C[i] = pd->part + (pd->Dv == D ? ts->time_cost : rc_net_time_cost(net, pd->Dv)) - pd->mit;
    }
    ts->npend = ts->nprel = 0;
    ts->wfilled = false;
}

/* The backward pass of the lanes (what rc_net_backward computes, without a
 * branch on the link type: each link's bound by factors 0 and 1, successor
 * links in groups of SG padded with position n): late finishes into
 * ts->Llf; with SUMS, for the first CNT lanes, each task's zero total float
 * counted and its duration and finish added to this block's sums,
 * iteration by iteration. */
static inline __attribute__((always_inline)) void backward_links(const ctx *c, tstate *ts, const double *D,
                                                                 bool sums, int cnt, const int sg)
{
    const rc_net *net = c->net;
    int n = net->n;
    double *lf = ts->Llf;
    const double *dur = ts->Ldur, *esf = ts->Lesf;
    vd Dv = VAT(D), eps;
    VAT(lf + (size_t)n * NL) = VSPLAT(INFINITY); /* the padding successor */
    for (int j = 0; j < NL; j++)
        eps[j] = RC_FLOAT_EPS * (D[j] > 1 ? D[j] : 1);
    const int *lss = c->ls_start;
    /* with all lanes kept, the sums of four tasks at a time (below) */
    int n4 = sums && cnt == NL ? n / 4 * 4 : 0;
    for (int p = n - 1; p >= 0; p--) {
        /* the late finish of p from its successors' (final: later in the
         * order): the least of D and each link's bound, kept in a
         * register. The push order this replaced (each task lowering its
         * predecessors' late finishes) gave the same bits: no bound is -0,
         * D is never NaN, and a NaN bound (an infinite duration) never
         * replaces the least so far */
        vd dp = VAT(dur + (size_t)p * NL), lfp = Dv;
        for (int e = lss[p]; e < lss[p + 1]; e += sg) {
#pragma GCC unroll 4
            for (int k = e; k < e + sg; k++) {
                size_t q = (size_t)c->ls_pos[k] * NL;
                vd v = (VAT(lf + q) - c->ls_ls[k] * VAT(dur + q)) - c->ls_lag[k] + c->ls_frst[k] * dp;
                lfp = VMIN(v, lfp);
            }
        }
        VAT(lf + (size_t)p * NL) = lfp;
        if (p < n4 && p % 4 == 0) {
            /* tasks p to p + 3: their lanes turned into columns, each
             * task's sums taking the lanes in order as below */
            vd m[4], ef[4], d[4], col[4];
            for (int t = 0; t < 4; t++) {
                size_t x = (size_t)(p + t) * NL;
                d[t] = VAT(dur + x);
                ef[t] = VAT(esf + 2 * x + NL);
                m[t] = (vd)((VAT(lf + x) - ef[t]) <= eps);
            }
            vm cc;
            memcpy(&cc, ts->crit_count + p, sizeof cc);
            lanes_transpose(m, col);
            cc -= (vm)col[0] + (vm)col[1] + (vm)col[2] + (vm)col[3]; /* -1: critical */
            memcpy(ts->crit_count + p, &cc, sizeof cc);
            lanes_transpose(ef, col);
            vd bf = VAT(ts->bf + p);
            bf += col[0], bf += col[1], bf += col[2], bf += col[3];
            VAT(ts->bf + p) = bf;
            lanes_transpose(d, col);
            vd bd = VAT(ts->bd + p);
            bd += col[0], bd += col[1], bd += col[2], bd += col[3];
            VAT(ts->bd + p) = bd;
        } else if (sums && p >= n4) {
            vd ef = VAT(esf + (size_t)(2 * p + 1) * NL);
            vm crit = (lfp - ef) <= eps;
            double bd = ts->bd[p], bf = ts->bf[p];
            int64_t cc = 0;
            for (int j = 0; j < cnt; j++) {
                cc -= crit[j];
                bd += dp[j];
                bf += ef[j];
            }
            ts->crit_count[p] += cc, ts->bd[p] = bd, ts->bf[p] = bf;
        }
    }
}

LANES_TARGET static void backward_lanes(const ctx *c, tstate *ts, const double *D, bool sums, int cnt)
{
    if (c->sg == 4) /* the successors' group size */
        backward_links(c, ts, D, sums, cnt, 4);
    else
        backward_links(c, ts, D, sums, cnt, 2);
}

/* For the variants, in every lane: the longest path that ends before each
 * position p (the latest finish there), the longest that starts after it
 * (its earliest allowed start plus the longest path from that start), and
 * the tails window_read() adds to a link across a window's end. */
LANES_TARGET static void paths_lanes(const ctx *c, tstate *ts, const double *D)
{
    const rc_net *net = c->net;
    int n = net->n;
    vd a = VSPLAT(net->status_offset), Dv = VAT(D);
    for (int p = 0; p < n; p++) {
        size_t x = (size_t)p * NL;
        VAT(ts->Lpmax + x) = a;
        vd f = VAT(ts->Lesf + 2 * x + NL);
        a = VMAX(f, a);
    }
    a = VSPLAT(-INFINITY);
    for (int p = n - 1; p >= 0; p--) {
        size_t x = (size_t)p * NL;
        VAT(ts->Lsmax + x) = a;
        vd lf = VAT(ts->Llf + x), tail = Dv - (lf - VAT(ts->Ldur + x)), y = net->min_start[p] + tail;
        VAT(ts->Ltail2 + 2 * x) = tail;
        VAT(ts->Ltail2 + 2 * x + NL) = Dv - lf;
        a = VMAX(y, a);
    }
}

/* Lane J of the loop's arrays into TS's one-iteration arrays, for the
 * variants (window_cut changes them in place). */
static void lane_extract(const ctx *c, tstate *ts, int j)
{
    const rc_net *net = c->net;
    for (int p = 0; p < net->n; p++) {
        size_t x = (size_t)p * NL + (size_t)j, y = (size_t)(2 * p) * NL + (size_t)j;
        ts->dur[p] = ts->Ldur[x];
        ts->esf[2 * p] = ts->Lesf[y];
        ts->esf[2 * p + 1] = ts->Lesf[y + NL];
        ts->lf[p] = ts->Llf[x];
    }
    for (int s = 0; s < net->n_slots; s++) {
        ts->slot_delay[s] = ts->Lsdelay[(size_t)s * NL + (size_t)j];
        ts->slot_scale[s] = ts->Lsscale[(size_t)s * NL + (size_t)j];
    }
    for (int r = 0; r < net->n_risks; r++) {
        ts->risk_k[r] = ts->Lrisk_k[(size_t)r * NL + (size_t)j];
        ts->risk_cost[r] = ts->Lrisk_cost[(size_t)r * NL + (size_t)j];
    }
    ts->time_cost = ts->Ltime_cost[j];
    ts->lane = j;
}


/* The uniforms of the NL lanes of sensitivity task A into U. */
static inline __attribute__((always_inline)) void sens_uniforms(const ctx *c, const tstate *ts, int a,
                                                                const uint64_t *h, double *u)
{
    int p = c->sens_pos[a];
    if (c->flag[p] & F_GRP)
        memcpy(u, ts->Lbase + (size_t)p * NL, NL * sizeof *u);
    else
        uniform_lanes(c->skey[a], h, u);
}

/* Pass 3's sums of iterations I0 to I1 (see run_block), task by task in
 * order of sensitivity (bu[a] is sens_pos[a]'s). */
LANES_TARGET static void sums_lanes(ctx *c, tstate *ts, long i0, long i1)
{
    const rc_net *net = c->net;
    for (long i = i0; i < i1; i += NL) {
        /* sensitivity only: the uniforms suffice, of the tasks whose
         * duration varies and no risk changes (the others are sampled
         * again and ranked by sensitivity_with_risks); NL iterations at
         * a time, each task's sums taking them in order */
        int cnt = i1 - i < NL ? (int)(i1 - i) : NL;
        double rk[NL];
        uint64_t h[NL];
        for (int j = cnt; j < NL; j++) /* lanes past the block: never added */
            h[j] = 0;
        for (int j = 0; j < cnt; j++) {
            if (net->n_groups) {
                copula(c, ts, i + j, false, NULL, 0);
                for (int a = 0; a < c->n_grp; a++)
                    ts->Lbase[(size_t)c->grp_pos[a] * NL + (size_t)j] = ts->u[c->grp_pos[a]];
            }
            rk[j] = c->rankD[i + j];
            h[j] = rc_uniform_ctr((uint64_t)(i + j), 0);
        }
        /* with all lanes kept, four tasks at a time: their uniforms
         * turned into one vector per lane, each task's sums taking the
         * lanes in order as below */
        int a = 0;
        if (cnt == NL)
            for (; a + 4 <= c->n_sens; a += 4) {
                vd r[4], col[4];
                for (int t = 0; t < 4; t++)
                    sens_uniforms(c, ts, a + t, h, (double *)&r[t]);
                lanes_transpose(r, col);
                vd b = VAT(ts->bu + a), b2 = VAT(ts->bu2 + a), br = VAT(ts->bur + a);
                for (int j = 0; j < NL; j++) {
                    b += col[j];
                    b2 += col[j] * col[j];
                    br += col[j] * rk[j];
                }
                VAT(ts->bu + a) = b, VAT(ts->bu2 + a) = b2, VAT(ts->bur + a) = br;
            }
        for (; a < c->n_sens; a++) {
            double u[NL], b = ts->bu[a], b2 = ts->bu2[a], br = ts->bur[a];
            sens_uniforms(c, ts, a, h, u);
            for (int j = 0; j < cnt; j++) {
                b += u[j];
                b2 += u[j] * u[j];
                br += u[j] * rk[j];
            }
            ts->bu[a] = b, ts->bu2[a] = b2, ts->bur[a] = br;
        }
    }
}

/* Sums across iterations: each block adds its iterations in order in double,
 * then its block total goes into the exact fixed-point accumulator. Blocks are
 * fixed ranges of iterations, so the result does not depend on which thread
 * ran which block. */
static void run_block(ctx *c, tstate *ts, long i0, long i1)
{
    const rc_net *net = c->net;
    int n = net->n;
    size_t nb = (size_t)n * sizeof(double);
    bool sums1 = c->pass == 1 && !c->light;
    bool sums3 = c->pass == 3;
    if (sums1) {
        memset(ts->bd, 0, nb);
        memset(ts->bf, 0, nb);
    }
    if (sums3) {
        memset(ts->bu, 0, nb);
        memset(ts->bu2, 0, nb);
        memset(ts->bur, 0, nb);
        sums_lanes(c, ts, i0, i1);
        for (int a = 0; a < c->n_sens; a++) {
            int p = c->sens_pos[a];
            ts->su[p] += to_fp(ts->bu[a]);
            ts->su2[p] += to_fp(ts->bu2[a]);
            ts->sur[p] += to_fp(ts->bur[a]);
        }
        return;
    }
    for (long i = i0; i < i1; i += NL) {
        /* NL iterations at a time; past the block's end the lanes repeat
         * its last iteration, and nothing of them is kept */
        int cnt = i1 - i < NL ? (int)(i1 - i) : NL;
        long it[NL];
        double D[NL], C[NL];
        for (int j = 0; j < NL; j++)
            it[j] = i + (j < cnt ? j : cnt - 1);
        iterate_lanes(c, ts, it, D, C);
        if (c->pass == 1) {
            for (int j = 0; j < cnt; j++) {
                c->D[i + j] = D[j];
                c->C[i + j] = C[j];
            }
            if (c->light)
                continue;
        }
        backward_lanes(c, ts, D, c->pass == 1, cnt);
        if (c->pass == 1) {
            /* column by column: the lanes' iterations are next to each other */
            for (int a = 0; a < c->inc_k; a++) {
                float *col = c->inc_col + (size_t)a * (size_t)c->N + (size_t)i;
                const double *dl = ts->Ldur + (size_t)c->inc_pos[a] * NL;
                for (int j = 0; j < cnt; j++)
                    col[j] = (float)dl[j];
            }
            for (int r = 0; r < net->n_risks; r++)
                for (int j = 0; j < cnt; j++)
                    ts->occ[r] += ts->Lrisk_k[(size_t)r * NL + (size_t)j] > 0;
            for (int k = 0; k < c->n_range; k++)
                for (int j = 0; j < cnt && i + j < c->range_n; j++) {
                    size_t y = (size_t)(2 * c->range_pos[k] + 1) * NL + (size_t)j; /* its finish */
                    c->range_fin[(size_t)k * (size_t)c->range_n + (size_t)(i + j)] = (float)ts->Lesf[y];
                }
        }
        if (c->nv)
            paths_lanes(c, ts, D);
        for (int j = 0; j < cnt; j++) {
            long ij = i + j;
            if (c->nv == 0)
                continue;
            lane_extract(c, ts, j);
            double d_out = D[j];
            for (int v = 0; v < c->nv; v++) /* a mitigation variant follows its risk's */
                d_out = eval_variant(c, ts, v, ij, D[j], C[j], d_out);
            if (ts->npend)
                settle_pending(c, ts, ij, D[j]);
        }
    }
    if (sums1)
        for (int p = 0; p < n; p++) {
            ts->sum_dur[p] += to_fp(ts->bd[p]);
            ts->sum_fin[p] += to_fp(ts->bf[p]);
        }
}


static void *worker(void *arg)
{
    tstate *ts = arg;
    ctx *c = ts->c;
    for (;;) {
        if (c->o->cancel && *c->o->cancel)
            break;
        long b = atomic_fetch_add(&c->next, 1);
        if (b >= c->n_blocks)
            break;
        long i0 = b * c->block, i1 = i0 + c->block < c->N ? i0 + c->block : c->N;
        run_block(c, ts, i0, i1);
        long done = atomic_fetch_add(&c->done_blocks, 1) + 1;
        if (ts->id == 0 && c->o->progress)
            c->o->progress(c->o->progress_ctx,
                           ((double)c->pass_no + (double)done / (double)c->n_blocks) / (double)c->n_passes);
    }
    return NULL;
}

static void tstate_delete(tstate *ts)
{
    free(ts->Lbase), free(ts->Ldur), free(ts->Lesf), free(ts->Llf), free(ts->Lrate);
    free(ts->Lfixed), free(ts->Lsdelay), free(ts->Lsscale), free(ts->Lrisk_cost), free(ts->Lrisk_k);
    free(ts->Lhd);
    free(ts->u), free(ts->base), free(ts->dur), free(ts->esf), free(ts->lf);
    free(ts->slot_delay), free(ts->slot_scale), free(ts->slot_cost);
    free(ts->risk_k), free(ts->risk_cost);
    free(ts->alt_delay), free(ts->alt_scale), free(ts->alt_cost);
    free(ts->dv), free(ts->vs), free(ts->vd), free(ts->mark);
    free(ts->ulog_p), free(ts->dlog_p), free(ts->ulog_es), free(ts->ulog_ef), free(ts->dlog_v);
    free(ts->cl_p), free(ts->rel), free(ts->cl_f), free(ts->cl_d), free(ts->cl_u);
    free(ts->pend), free(ts->porder), free(ts->prel), free(ts->pdv), free(ts->Wesf), free(ts->Wdur);
    free(ts->z), free(ts->w), free(ts->Lpmax), free(ts->Lsmax), free(ts->Ltail2);
    free(ts->crit_count), free(ts->sum_dur), free(ts->sum_fin), free(ts->occ);
    free(ts->su), free(ts->su2), free(ts->sur);
    free(ts->bd), free(ts->bf), free(ts->bu), free(ts->bu2), free(ts->bur);
}

static int tstate_init(tstate *ts, ctx *c, int id)
{
    memset(ts, 0, sizeof *ts);
    ts->c = c;
    ts->id = id;
    const rc_net *net = c->net;
    size_t n = (size_t)(net->n ? net->n : 1), ns = (size_t)(net->n_slots ? net->n_slots : 1);
    size_t nr = (size_t)(net->n_risks ? net->n_risks : 1), ni = (size_t)(c->max_impacts ? c->max_impacts : 1);
    size_t ng = (size_t)(c->max_group ? c->max_group : 1);
    size_t nt = 1; /* the changed tasks of all variants at most */
    for (int k = 0; k < net->n_risks; k++)
        nt += 2 * (size_t)net->risks[k].n_touched;
#define A(f, cnt) ((ts->f = calloc((cnt), sizeof *ts->f)) != NULL)
    if (!(A(Lbase, NL * (n + 1)) && A(Ldur, NL * (n + 1)) && A(Lesf, 2 * NL * (n + 1)) &&
          A(Llf, NL * (n + 1)) && A(Lrate, NL * (n + 1)) && A(Lfixed, NL * (n + 1)) &&
          A(Lsdelay, NL * ns) && A(Lsscale, NL * ns) && A(Lrisk_cost, NL * nr) &&
          A(Lrisk_k, NL * nr) && A(Lhd, 3 * NL * ni) &&
          A(u, n) && A(base, n) && A(dur, n + 1) && A(esf, 2 * (n + 1)) && A(lf, n + 1) &&
          A(slot_delay, ns) && A(slot_scale, ns) &&
          A(slot_cost, ns) && A(risk_k, nr) && A(risk_cost, nr) && A(alt_delay, ni) &&
          A(alt_scale, ni) && A(alt_cost, ni) && A(dv, n) &&
          A(vs, n) && A(vd, n) && A(mark, n / 64 + 2) && A(ulog_p, n) && A(dlog_p, n) &&
          A(ulog_es, n) && A(ulog_ef, n) && A(dlog_v, n) && A(cl_p, n) && A(rel, n) &&
          A(cl_f, n) && A(cl_d, n) && A(cl_u, n) &&
          A(pend, 2 * nr) && A(porder, 2 * nr) && A(prel, nt) && A(pdv, nt) &&
          A(Wesf, 2 * NL * (n + 1)) && A(Wdur, NL * (n + 1)) && A(z, ng) && A(w, ng) && A(Lpmax, NL * n) &&
          A(Lsmax, NL * n) && A(Ltail2, 2 * NL * n) &&
          A(crit_count, n) && A(sum_dur, n) && A(sum_fin, n) && A(occ, nr) && A(su, n) &&
          A(su2, n) && A(sur, n) && A(bd, n) && A(bf, n) && A(bu, n) && A(bu2, n) &&
          A(bur, n))) {
        tstate_delete(ts);
        return -1;
    }
#undef A
    return 0;
}

/* Run FN on each of the NT jobs, job 0 on this thread. */
static void run_jobs(void *(*fn)(void *), void *jobs, size_t size, int nt)
{
    pthread_t th[256];
    char *j = jobs;
    int started = 0;
    for (int t = 1; t < nt; t++) {
        if (pthread_create(&th[t], NULL, fn, j + (size_t)t * size) != 0)
            break;
        started = t;
    }
    fn(j);
    for (int t = 1; t <= started; t++)
        pthread_join(th[t], NULL);
    for (int t = started + 1; t < nt; t++) /* could not start: run here */
        fn(j + (size_t)t * size);
}

/* One pass over the iterations: the threads take blocks in turn. The
 * progress callback hears the share of all the passes done, each pass
 * counting alike, so that it only goes up: from thread 0 as it finishes a
 * block (it runs on this thread), and here at the end of the pass, whichever
 * thread ran its last block. */
static void run_pass(ctx *c, tstate *ts, int nthreads)
{
    atomic_store(&c->next, 0);
    atomic_store(&c->done_blocks, 0);
    run_jobs(worker, ts, sizeof *ts, nthreads);
    c->pass_no++;
    if (c->o->progress && !(c->o->cancel && *c->o->cancel))
        c->o->progress(c->o->progress_ctx, (double)c->pass_no / (double)c->n_passes);
}

/* ---- results ---------------------------------------------------------------- */

void rc_result_delete(rc_result *r)
{
    if (!r)
        return;
    free(r->critical_path);
    free(r->duration);
    free(r->cost);
    free(r->tasks);
    free(r->risks);
    memset(r, 0, sizeof *r);
}

typedef struct {
    double x;
    long i;
} vi_pair;

static int cmp_pair(const void *a, const void *b)
{
    const vi_pair *p = a, *q = b;
    if (p->x < q->x) return -1;
    if (p->x > q->x) return 1;
    return (p->i > q->i) - (p->i < q->i);
}

/* Mid-ranks (1-based) of X. */
static double *mid_ranks(const double *x, long n)
{
    vi_pair *v = malloc((size_t)n * sizeof *v);
    double *rk = malloc((size_t)n * sizeof *rk);
    if (!v || !rk) {
        free(v), free(rk);
        return NULL;
    }
    for (long i = 0; i < n; i++)
        v[i].x = x[i], v[i].i = i;
    qsort(v, (size_t)n, sizeof *v, cmp_pair);
    for (long a = 0; a < n;) {
        long b = a;
        while (b + 1 < n && v[b + 1].x == v[a].x)
            b++;
        double r = 0.5 * (double)(a + b) + 1;
        for (long k = a; k <= b; k++)
            rk[v[k].i] = r;
        a = b + 1;
    }
    free(v);
    return rk;
}

/* Sensitivity of the tasks that risk events act on. Their sampled duration is
 * base x scales + delays, whose rank is not the rank of the base uniform, so
 * their durations are sampled again (only the task and the risks acting on
 * it: no schedule), ranked, and correlated with the rank of the project
 * duration. Tasks go in chunks of at most RC_SENS_BUDGET bytes of samples;
 * the threads share each chunk's iterations, then its tasks. */
#define RC_SENS_BUDGET (64L * 1024 * 1024)

typedef struct {
    ctx *c;
    tstate *ts;
    rc_result *r;
    const double *rankD;
    double mr, vr;
    const int *list, *slot0;
    const int *wl, *groups;  /* the risks and correlation groups the chunk's tasks need */
    int nw, ng;
    int a0, k, nthreads, id;
    float *col;
    uint64_t *keys, *tmp;   /* [N] each: this thread's sort buffers */
    int rc;
} sens_job;

/* radix_sort_hi32() with digits of BITS bits (a constant where it is
 * inlined): all the counts in one read, then a pass per digit that not
 * every key shares. */
static inline __attribute__((always_inline)) uint64_t *radix_passes(uint64_t *x, uint64_t *tmp, long n,
                                                                     const int bits)
{
    enum { MAXB = 1 << 11 };
    const int np = (32 + bits - 1) / bits, nb = 1 << bits;
    const uint64_t mask = (uint64_t)nb - 1;
    _Static_assert(RC_MAX_ITERATIONS <= UINT32_MAX, "a count of keys fits 32 bits");
    uint32_t cnt[4][MAXB + 1];
    for (int d = 0; d < np; d++)
        memset(cnt[d], 0, (size_t)(nb + 1) * sizeof cnt[d][0]);
    for (long i = 0; i < n; i++) {
        uint64_t k = x[i] >> 32;
#pragma GCC unroll 4
        for (int d = 0; d < np; d++)
            cnt[d][((k >> (bits * d)) & mask) + 1]++;
    }
    for (int d = 0; d < np; d++) {
        int shift = 32 + bits * d;
        if (cnt[d][((x[0] >> shift) & mask) + 1] == n)
            continue; /* every key has this digit: the order stays */
        uint32_t *c = cnt[d];
        for (int b = 0; b < nb; b++)
            c[b + 1] += c[b];
        for (long i = 0; i < n; i++)
            tmp[c[(x[i] >> shift) & mask]++] = x[i];
        uint64_t *t = x;
        x = tmp, tmp = t;
    }
    return x;
}

/* Sort the N keys (float bits << 32 | iteration) by their upper 32 bits,
 * stably (LSD radix): three passes of 11 bits, or for fewer keys than
 * their 3 x 2048 counts are worth, four of 8. A pass costs about a dozen
 * cycles a key (each scatter waits on its count), summing the counts
 * about one a count: from 1,024 keys the pass saved outweighs the counts
 * (measured: 5-14% of the analysis at 2,000 and 4,000 iterations).
 * Returns X or TMP, whichever holds the result. */
static uint64_t *radix_sort_hi32(uint64_t *x, uint64_t *tmp, long n)
{
    return n >= 1024 ? radix_passes(x, tmp, n, 11) : radix_passes(x, tmp, n, 8);
}

/* sens_sample()'s durations of iterations I to I + CNT - 1, side by side
 * (past CNT the lanes repeat the last one, and nothing of them is kept):
 * each lane's correlation groups (scalar), the chunk's risks on all lanes
 * at once as in iterate_lanes(), each task's sample and the risks acting on
 * it as in forward_lanes(), so each lane's duration is the one the loop
 * gives. The loop's lane arrays serve as scratch: the passes are over. */
LANES_TARGET static void sens_sample_lanes(sens_job *j, long i, int cnt)
{
    ctx *c = j->c;
    tstate *ts = j->ts;
    const rc_net *net = c->net;
    size_t N = (size_t)c->N;
    uint64_t h0[NL];
    long it[NL];
    for (int l = 0; l < NL; l++) {
        it[l] = i + (l < cnt ? l : cnt - 1);
        if (j->ng) {
            copula(c, ts, it[l], true, j->groups, j->ng);
            for (int a = 0; a < j->k; a++) {
                int p = j->list[j->a0 + a];
                if (c->flag[p] & F_GRP)
                    ts->Lbase[(size_t)p * NL + (size_t)l] = ts->base[p];
            }
        }
        h0[l] = rc_uniform_ctr((uint64_t)it[l], 0);
    }
    impact_ctrs(c, it, ts->Lhd);
    for (int a = 0; a < j->nw; a++) {
        int q = j->wl[a], slot = j->slot0[q];
        double u0[NL];
        uniform_lanes(c->rkey[q], h0, u0);
        int K[NL];
        double rc[NL];
        risk_lanes(c, ts, q, slot, it, u0, ts->Lhd, K, rc);
    }
    for (int a = 0; a < j->k; a++) {
        int p = j->list[j->a0 + a];
        double x[NL];
        if (c->flag[p] & F_VAR) {
            double u[NL];
            uniform_lanes(c->tkey[p], h0, u);
            smp_draw_lanes(c->skind[p], &c->sd[p], net->dur[p], u, x);
        } else if (c->flag[p] & F_GRP) {
            memcpy(x, ts->Lbase + (size_t)p * NL, sizeof x);
        } else {
            VAT(x) = VSPLAT(net->dur_const[p]);
        }
        vd d = VAT(x);
        impacts_lanes(net, ts, p, &d);
        d = (vd)((vm)d & (d > 0)); /* d > 0 ? d : 0 */
        float *col = j->col + (size_t)a * N + (size_t)i;
        for (int l = 0; l < cnt; l++)
            col[l] = (float)d[l];
    }
}

static void *sens_sample(void *arg)
{
    sens_job *j = arg;
    ctx *c = j->c;
    long N = c->N, i0 = N * j->id / j->nthreads, i1 = N * (j->id + 1) / j->nthreads;
    for (long i = i0; i < i1; i += NL) {
        if (c->cancel_flag && *c->cancel_flag) {
            j->rc = 1;
            break;
        }
        sens_sample_lanes(j, i, i1 - i < NL ? (int)(i1 - i) : NL);
    }
    return NULL;
}

static void *sens_rank(void *arg)
{
    sens_job *j = arg;
    ctx *c = j->c;
    const rc_net *net = c->net;
    long N = c->N;
    for (int a = j->id; a < j->k; a += j->nthreads) {
        const float *x = j->col + (size_t)a * (size_t)N;
        for (long i = 0; i < N; i++) {
            uint32_t bits;
            memcpy(&bits, &x[i], sizeof bits); /* >= 0: the bits order as the values */
            j->keys[i] = (uint64_t)bits << 32 | (uint64_t)i;
        }
        const uint64_t *ks = radix_sort_hi32(j->keys, j->tmp, N);
        rc_task_result *tr = &j->r->tasks[net->model_idx[j->list[j->a0 + a]]];
        tr->has_sensitivity = false;
        if ((ks[0] >> 32) == (ks[N - 1] >> 32) || j->vr <= 0)
            continue; /* never varies */
        /* mid-ranks of the task's durations, and their Pearson
         * correlation with the project duration's ranks */
        double st = 0, st2 = 0, stD = 0;
        for (long a1 = 0; a1 < N;) {
            long b1 = a1;
            while (b1 + 1 < N && (ks[b1 + 1] >> 32) == (ks[a1] >> 32))
                b1++;
            double rk = 0.5 * (double)(a1 + b1) + 1;
            for (long q = a1; q <= b1; q++) {
                st += rk, st2 += rk * rk;
                stD += rk * j->rankD[(long)(ks[q] & 0xffffffffu)];
            }
            a1 = b1 + 1;
        }
        double mt = st / (double)N, vt = st2 / (double)N - mt * mt;
        if (vt <= 0)
            continue;
        tr->has_sensitivity = true;
        tr->sensitivity = (stD / (double)N - mt * j->mr) / sqrt(vt * j->vr);
    }
    return NULL;
}


/* The per-variant results, shared by the threads (variant V goes to
 * thread V mod NTHREADS). */
typedef struct {
    ctx *c;
    rc_result *r;
    variant *all;
    int v0, nv, id, nthreads;
    bool mitigated;
    double conf;
} variant_job;

/* The register view of each effect of a risk (from its left-out variant):
 * how often it occurs and its mean project impact, against the risk left
 * out, when it does. P(c) of the variants comes after (it reorders them). */
static void *variant_register(void *arg)
{
    variant_job *j = arg;
    ctx *c = j->c;
    const rc_net *net = c->net;
    long N = c->N;
    rc_result *r = j->r;
    for (int v = j->v0 + j->id; v < j->v0 + j->nv; v += j->nthreads) {
        if (j->all[v].mode != 0)
            continue;
        int k = j->all[v].risk;
        rc_risk_result *rr = &r->risks[k];
        const rc_net_risk *nk = &net->risks[k];
        for (int e = 0; e < (nk->has_alt ? 2 : 1); e++) {
            const double *De = e == 0 ? r->duration : j->all[v + 1].D;
            const double *Ce = e == 0 ? r->cost : j->all[v + 1].C;
            const rc_net_effect *ef = &nk->effect[e];
            acc_t sdays = 0, scost = 0;
            long cnt = 0;
            for (long i = 0; i < N; i++) {
                double u0 = rc_uniform(c->rkey[k], (uint64_t)i, 0);
                int occ = ef->use_frequency ? poisson_quantile(u0, ef->frequency, c->esmp[2 * k + e].p0) > 0
                                            : u0 < ef->probability;
                if (!occ)
                    continue;
                cnt++;
                sdays += to_fp(De[i] - j->all[v].D[i]);
                scost += to_fp(Ce[i] - j->all[v].C[i]);
            }
            double pr = (double)cnt / (double)N;
            double id = cnt ? from_fp(sdays) / (double)cnt : 0;
            double ic = cnt ? from_fp(scost) / (double)cnt : 0;
            /* effect[0] is the registered risk unless --mitigated */
            int before = (e == 0) != (j->mitigated && nk->has_alt);
            if (before)
                rr->prob_before = pr, rr->impact_days_before = id, rr->impact_cost_before = ic;
            else
                rr->prob_after = pr, rr->impact_days_after = id, rr->impact_cost_after = ic;
        }
        if (!nk->has_alt) {
            rr->prob_after = rr->prob_before;
            rr->impact_days_after = rr->impact_days_before;
            rr->impact_cost_after = rr->impact_cost_before;
        }
    }
    return NULL;
}

/* P(c) of each variant's duration and cost; turned into contributions and
 * benefits by rc_simulate. */
static void *variant_select(void *arg)
{
    variant_job *j = arg;
    long N = j->c->N;
    for (int v = j->v0 + j->id; v < j->v0 + j->nv; v += j->nthreads) {
        rc_risk_result *rr = &j->r->risks[j->all[v].risk];
        double pd = rc_select_percentile(j->all[v].D, N, j->conf);
        double pc = rc_select_percentile(j->all[v].C, N, j->conf);
        if (j->all[v].mode == 0)
            rr->schedule_contribution = pd, rr->cost_contribution = pc;
        else
            rr->mitigation.schedule_benefit = pd, rr->mitigation.cost_benefit = pc;
    }
    return NULL;
}

static int sensitivity_with_risks(ctx *c, tstate *ts, int nthreads, rc_result *r, const double *rankD)
{
    const rc_net *net = c->net;
    long N = c->N;
    int n = net->n, nr = net->n_risks;
    int *list = malloc((size_t)(n ? n : 1) * sizeof *list);
    int *slot0 = malloc((size_t)(nr ? nr : 1) * sizeof *slot0);
    int *wl = malloc((size_t)(nr ? nr : 1) * sizeof *wl);
    int *gl = malloc((size_t)(net->n_groups ? net->n_groups : 1) * sizeof *gl);
    uint8_t *want = calloc((size_t)(nr ? nr : 1), 1);
    uint8_t *gwant = calloc((size_t)(net->n_groups ? net->n_groups : 1), 1);
    sens_job *jobs = calloc((size_t)nthreads, sizeof *jobs);
    if (!list || !slot0 || !wl || !gl || !want || !gwant || !jobs) {
        free(list), free(slot0), free(wl), free(gl), free(want), free(gwant), free(jobs);
        return -1;
    }
    int nl = 0;
    for (int p = 0; p < n; p++)
        if (c->flag[p] & F_INC)
            list[nl++] = p;
    for (int k = 0, s = 0; k < nr; k++) {
        slot0[k] = s;
        s += net->risks[k].effect[0].n_impacts;
    }
    double sr = 0, sr2 = 0;
    for (long i = 0; i < N; i++)
        sr += rankD[i], sr2 += rankD[i] * rankD[i];
    double mr = sr / (double)N, vr = sr2 / (double)N - mr * mr;
    long per = RC_SENS_BUDGET / ((long)sizeof(float) * N);
    if (per < 1)
        per = 1;
    int rc = 0;
    float *col = NULL;
    for (int t = 0; t < nthreads; t++) {
        jobs[t] = (sens_job){.c = c, .ts = &ts[t], .r = r, .rankD = rankD, .mr = mr, .vr = vr,
                             .list = list, .slot0 = slot0, .wl = wl, .groups = gl,
                             .nthreads = nthreads, .id = t};
        jobs[t].keys = malloc((size_t)N * sizeof(uint64_t));
        jobs[t].tmp = malloc((size_t)N * sizeof(uint64_t));
        if (!jobs[t].keys || !jobs[t].tmp)
            rc = -1;
    }
    for (int a0 = 0; !rc && a0 < nl; a0 += (int)per) {
        int k = nl - a0 < per ? nl - a0 : (int)per;
        bool kept = a0 == 0 && c->inc_col && c->inc_k > 0; /* pass 1 kept these */
        if (kept) {
            k = c->inc_k;
            per = k;
        }
        col = kept ? c->inc_col : malloc((size_t)k * (size_t)N * sizeof *col);
        if (!col) {
            rc = -1;
            break;
        }
        /* only the risks and correlation groups of these tasks, in order */
        memset(want, 0, (size_t)nr);
        if (net->n_groups)
            memset(gwant, 0, (size_t)net->n_groups);
        for (int a = 0; a < k; a++) {
            int p = list[a0 + a];
            if (c->flag[p] & F_GRP)
                gwant[net->corr_group[p]] = 1;
            for (int e = net->inc_start[p]; e < net->inc_start[p + 1]; e++)
                want[net->slot_risk[net->inc_slot[e]]] = 1;
        }
        int nw = 0, ng = 0;
        for (int q = 0; q < nr; q++)
            if (want[q])
                wl[nw++] = q;
        for (int g = 0; g < net->n_groups; g++)
            if (gwant[g])
                gl[ng++] = g;
        for (int t = 0; t < nthreads; t++)
            jobs[t].a0 = a0, jobs[t].k = k, jobs[t].nw = nw, jobs[t].ng = ng, jobs[t].col = col,
            jobs[t].rc = 0;
        if (!kept)
            run_jobs(sens_sample, jobs, sizeof *jobs, nthreads);
        for (int t = 0; t < nthreads; t++)
            if (jobs[t].rc)
                rc = jobs[t].rc;
        if (!rc)
            run_jobs(sens_rank, jobs, sizeof *jobs, nthreads);
        if (!kept)
            free(col);
        col = NULL;
        if (kept) { /* the rest in chunks of the usual size */
            per = RC_SENS_BUDGET / ((long)sizeof(float) * N);
            per = per < 1 ? 1 : per;
            a0 = c->inc_k - (int)per; /* the loop adds per */
        }
    }
    for (int t = 0; t < nthreads; t++)
        free(jobs[t].keys), free(jobs[t].tmp);
    free(col), free(list), free(slot0), free(wl), free(gl), free(want), free(gwant), free(jobs);
    return rc;
}

static int nproc(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 256 ? 256 : n) : 1;
}

unsigned long long rc_sim_memory(const rc_model *m, long iterations, int threads)
{
    unsigned long long n = (unsigned long long)(iterations > 0 ? iterations : RC_AUTO_MAX);
    unsigned long long th = (unsigned long long)(threads > 0 ? (threads > 256 ? 256 : threads) : nproc());
    unsigned long long tasks = (unsigned long long)(m->n_tasks > 0 ? m->n_tasks : 1);
    unsigned long long range_it = n < (unsigned long long)RC_RANGE_ITER ? n : (unsigned long long)RC_RANGE_ITER;
    unsigned long long slots = 0, listed = 0; /* impacts, and the tasks they list */
    for (int r = 0; r < m->n_risks; r++)
        for (int s = 0; s < (m->risks[r].has_mitigation ? 2 : 1); s++) {
            const rc_risk_effect *e = s ? &m->risks[r].mitigated : &m->risks[r].effect;
            slots += (unsigned long long)e->n_impacts;
            for (int k = 0; k < e->n_impacts; k++)
                listed += (unsigned long long)e->impacts[k].n_tasks;
        }
    unsigned long long risks = (unsigned long long)m->n_risks, links = 0;
    for (int t = 0; t < m->n_tasks; t++)
        links += (unsigned long long)m->tasks[t].n_after;
    return n * (RC_SIM_BYTES_PER_ITER + th * RC_SIM_BYTES_PER_ITER_THREAD) +
           tasks * (th * RC_SIM_BYTES_PER_TASK + RC_SIM_BYTES_PER_TASK_SHARED) +
           links * RC_SIM_BYTES_PER_LINK_SHARED +
           th * (risks * RC_SIM_BYTES_PER_RISK_THREAD + slots * RC_SIM_BYTES_PER_SLOT_THREAD +
                 listed * RC_SIM_BYTES_PER_LISTED_THREAD) +
           4ULL * RC_SPAN_BUDGET + (unsigned long long)RC_VARIANT_BUDGET +
           (unsigned long long)RC_SENS_KEEP_BUDGET +
           4ULL * RC_RANGE_TASKS * range_it;
}

/* The links that jump over each position p: from a task before p to a task
 * after it, and the SS and SF links out of p itself (they leave p's start, so
 * a path along them does not take p's duration). A variant that changes one
 * task's duration needs the longest path avoiding that duration; it is the
 * longest of the paths that end before p, start after p, or take one of
 * these links (see window_cut). Not built when the lists would exceed
 * RC_SPAN_BUDGET entries (links spanning much of a long network): the
 * variants then propagate to the end instead. Returns 0 or -1 (memory). */
static int build_spans(ctx *c)
{
    const rc_net *net = c->net;
    int n = net->n, m = net->m;
    c->edge_succ = malloc((size_t)(m ? m : 1) * sizeof *c->edge_succ);
    if (!c->edge_succ)
        return -1;
    long total = 0;
    for (int w = 0; w < n; w++)
        for (int e = net->pred_start[w]; e < net->pred_start[w + 1]; e++) {
            int u = net->pred_pos[e];
            c->edge_succ[e] = w;
            total += w - u - 1;
            if (net->pred_type[e] == RC_LINK_SS || net->pred_type[e] == RC_LINK_SF)
                total++;
        }
    if (total > RC_SPAN_BUDGET)
        return 0;
    c->erec = malloc((size_t)(m ? m : 1) * sizeof *c->erec);
    if (!c->erec)
        return -1;
    for (int e = 0; e < m; e++)
        c->erec[e] = (erec){.lag = net->pred_lag[e], .src = 2 * net->pred_pos[e] + c->e_fin[e],
                            .xt = 2 * c->edge_succ[e] + c->e_tofin[e]};
    int *cnt = calloc((size_t)n + 1, sizeof *cnt);
    c->span_start = malloc(((size_t)n + 1) * sizeof *c->span_start);
    c->span_edge = malloc((size_t)(total ? total : 1) * sizeof *c->span_edge);
    if (!cnt || !c->span_start || !c->span_edge) {
        free(cnt);
        free(c->span_start), free(c->span_edge);
        c->span_start = c->span_edge = NULL;
        return -1;
    }
    /* counts by difference array, then prefix sums */
    for (int e = 0; e < m; e++) {
        int u = net->pred_pos[e], w = c->edge_succ[e];
        bool own = net->pred_type[e] == RC_LINK_SS || net->pred_type[e] == RC_LINK_SF;
        int lo = own ? u : u + 1;
        if (lo < w) {
            cnt[lo]++;
            cnt[w]--;
        }
    }
    int run = 0;
    c->span_start[0] = 0;
    for (int p = 0; p < n; p++) {
        run += cnt[p];
        c->span_start[p + 1] = c->span_start[p] + run;
    }
    memcpy(cnt, c->span_start, (size_t)n * sizeof *cnt);
    for (int e = 0; e < m; e++) {
        int u = net->pred_pos[e], w = c->edge_succ[e];
        bool own = net->pred_type[e] == RC_LINK_SS || net->pred_type[e] == RC_LINK_SF;
        for (int p = own ? u : u + 1; p < w; p++)
            c->span_edge[cnt[p]++] = e;
    }
    /* the links out of each position */
    c->out_start = calloc((size_t)n + 1, sizeof *c->out_start);
    c->out_edge = malloc((size_t)(m ? m : 1) * sizeof *c->out_edge);
    if (!c->out_start || !c->out_edge) {
        free(cnt);
        return -1;
    }
    for (int e = 0; e < m; e++)
        c->out_start[net->pred_pos[e] + 1]++;
    for (int p = 0; p < n; p++)
        c->out_start[p + 1] += c->out_start[p];
    memcpy(cnt, c->out_start, (size_t)n * sizeof *cnt);
    for (int e = 0; e < m; e++)
        c->out_edge[cnt[net->pred_pos[e]]++] = e;
    free(cnt);
    return 0;
}

/* Links per group (2 or 4) for lists whose counts per position are
 * START[p+1] - START[p]: the size with the fewer padded links plus about
 * five links' worth for each position that needs more than one group (the
 * loop's exit then goes either way). */
static int group_size(const int *start, int n)
{
    long best = -1;
    int g = 4;
    for (int k = 2; k <= 4; k += 2) {
        long cost = 0;
        for (int p = 0; p < n; p++) {
            int d = start[p + 1] - start[p];
            cost += (d + k - 1) / k * k + (d > k ? 5 : 0);
        }
        if (best < 0 || cost < best)
            best = cost, g = k;
    }
    return g;
}

/* The loop's lists: positions by sampler kind, those whose rate or fixed
 * cost varies, and the links in padded groups. Returns 0 or -1. */
static int build_loop_lists(ctx *c)
{
    const rc_net *net = c->net;
    int n = net->n;
    size_t nn = (size_t)(n ? n : 1);
    c->kind_pos = malloc(nn * sizeof *c->kind_pos);
    c->ratev_pos = malloc(nn * sizeof *c->ratev_pos);
    c->fixv_pos = malloc(nn * sizeof *c->fixv_pos);
    c->grp_pos = malloc(nn * sizeof *c->grp_pos);
    c->cost_pos = malloc(nn * sizeof *c->cost_pos);
    c->lp_start = malloc((nn + 1) * sizeof *c->lp_start);
    if (!c->kind_pos || !c->ratev_pos || !c->fixv_pos || !c->grp_pos || !c->cost_pos || !c->lp_start)
        return -1;
    /* the others add rate 0 x duration and fixed cost 0 to the iteration's
     * cost: nothing (its running sum starts at +0 and is never -0) */
    for (int p = 0; p < n; p++)
        if ((c->flag[p] & (F_RATEV | F_FIXV)) || c->rate_val[p] != 0)
            c->cost_pos[c->n_cost++] = p;
    int k0 = 0;
    for (int k = 0; k < SK_NKINDS; k++) {
        c->kind_start[k] = k0;
        for (int p = 0; p < n; p++)
            if ((c->flag[p] & F_VAR) && c->skind[p] == k)
                c->kind_pos[k0++] = p;
    }
    c->kind_start[SK_NKINDS] = k0;
    for (int k = 0; k < SK_NKINDS; k++) /* by kind: the loop's branch on it is predictable */
        for (int p = 0; p < n; p++) {
            if ((c->flag[p] & F_RATEV) && c->rkind[p] == k)
                c->ratev_pos[c->n_ratev++] = p;
            if ((c->flag[p] & F_FIXV) && c->fkind[p] == k)
                c->fixv_pos[c->n_fixv++] = p;
        }
    c->ksd = malloc((size_t)(k0 ? k0 : 1) * sizeof *c->ksd);
    c->ksr = malloc((size_t)(c->n_ratev ? c->n_ratev : 1) * sizeof *c->ksr);
    c->ksf = malloc((size_t)(c->n_fixv ? c->n_fixv : 1) * sizeof *c->ksf);
    c->kkey = malloc((size_t)(k0 ? k0 : 1) * sizeof *c->kkey);
    c->krkey = malloc((size_t)(c->n_ratev ? c->n_ratev : 1) * sizeof *c->krkey);
    c->kfkey = malloc((size_t)(c->n_fixv ? c->n_fixv : 1) * sizeof *c->kfkey);
    if (!c->ksd || !c->ksr || !c->ksf || !c->kkey || !c->krkey || !c->kfkey)
        return -1;
    for (int a = 0; a < k0; a++)
        c->ksd[a] = c->sd[c->kind_pos[a]], c->kkey[a] = c->tkey[c->kind_pos[a]];
    for (int a = 0; a < c->n_ratev; a++)
        c->ksr[a] = c->sr[c->ratev_pos[a]], c->krkey[a] = c->tkey[c->ratev_pos[a]];
    for (int a = 0; a < c->n_fixv; a++)
        c->ksf[a] = c->sf[c->fixv_pos[a]], c->kfkey[a] = c->tkey[c->fixv_pos[a]];
    free(c->sr), free(c->sf); /* nothing else reads the rates' and fixed costs' records by position */
    c->sr = c->sf = NULL;
    c->skey = malloc((size_t)(c->n_sens ? c->n_sens : 1) * sizeof *c->skey);
    if (!c->skey)
        return -1;
    for (int a = 0; a < c->n_sens; a++)
        c->skey[a] = c->tkey[c->sens_pos[a]];
    for (int p = 0; p < n; p++)
        if (c->flag[p] & F_GRP)
            c->grp_pos[c->n_grp++] = p;
    c->lg = group_size(net->pred_start, n);
    c->sg = group_size(net->succ_start, n);
    long m4 = 0;
    for (int p = 0; p < n; p++) {
        c->lp_start[p] = (int)m4;
        m4 += (net->pred_start[p + 1] - net->pred_start[p] + c->lg - 1) / c->lg * c->lg;
    }
    c->lp_start[n] = (int)m4;
    size_t mm = (size_t)(m4 ? m4 : 1);
    c->lp_lag = calloc(mm, sizeof *c->lp_lag);
    c->lp_tofin = calloc(mm, sizeof *c->lp_tofin);
    c->lp_src = malloc(mm * sizeof *c->lp_src);
    c->ls_wmax = malloc(nn * sizeof *c->ls_wmax);
    if (!c->lp_lag || !c->lp_tofin || !c->lp_src || !c->ls_wmax)
        return -1;
    long s4 = 0;
    c->ls_start = malloc((nn + 1) * sizeof *c->ls_start);
    if (!c->ls_start)
        return -1;
    for (int p = 0; p < n; p++) {
        c->ls_start[p] = (int)s4;
        s4 += (net->succ_start[p + 1] - net->succ_start[p] + c->sg - 1) / c->sg * c->sg;
    }
    c->ls_start[n] = (int)s4;
    size_t ms = (size_t)(s4 ? s4 : 1);
    c->ls_pos = malloc(ms * sizeof *c->ls_pos);
    c->ls_lag = calloc(ms, sizeof *c->ls_lag);
    c->ls_ls = calloc(ms, sizeof *c->ls_ls);
    c->ls_frst = calloc(ms, sizeof *c->ls_frst);
    int *fill = calloc(nn, sizeof *fill);
    if (!c->ls_pos || !c->ls_lag || !c->ls_ls || !c->ls_frst || !fill) {
        free(fill);
        return -1;
    }
    for (int p = 0; p < n; p++) /* in the order of net->succ_pos */
        for (int e = net->pred_start[p]; e < net->pred_start[p + 1]; e++) {
            int q = net->pred_pos[e];
            int k = c->ls_start[q] + fill[q]++;
            c->ls_pos[k] = p;
            c->ls_lag[k] = net->pred_lag[e];
            c->ls_ls[k] = !c->e_tofin[e];
            c->ls_frst[k] = !c->e_fin[e];
        }
    for (int p = 0; p < n; p++) {
        int k = c->ls_start[p] + fill[p];
        while (k < c->ls_start[p + 1])
            c->ls_pos[k++] = n; /* lag and factors 0 */
        c->ls_wmax[p] = 0;
        for (k = c->ls_start[p]; k < c->ls_start[p + 1]; k++)
            c->ls_wmax[p] = c->ls_pos[k] >> 6 > c->ls_wmax[p] ? c->ls_pos[k] >> 6 : c->ls_wmax[p];
    }
    free(fill);
    c->src_min = malloc((nn + 1) * sizeof *c->src_min);
    if (!c->src_min)
        return -1;
    c->src_min[n] = 2 * n;
    for (int p = n - 1; p >= 0; p--) {
        int m = c->src_min[p + 1] < 2 * p ? c->src_min[p + 1] : 2 * p;
        for (int e = net->pred_start[p]; e < net->pred_start[p + 1]; e++) {
            int src = 2 * net->pred_pos[e] + c->e_fin[e];
            m = src < m ? src : m;
        }
        c->src_min[p] = m;
    }
    for (int p = 0; p < n; p++) {
        int k = c->lp_start[p];
        for (int e = net->pred_start[p]; e < net->pred_start[p + 1]; e++, k++) {
            c->lp_lag[k] = net->pred_lag[e];
            c->lp_tofin[k] = c->e_tofin[e];
            c->lp_src[k] = 2 * net->pred_pos[e] + c->e_fin[e];
        }
        for (; k < c->lp_start[p + 1]; k++) /* padding: from position n, never binds */
            c->lp_src[k] = 2 * n;
    }
    return 0;
}

/* Put in place the numbers of TS that the loop never samples: position n
 * (the padding task: it starts and ends at -infinity), constant durations,
 * rates and fixed costs (all of them without estimating uncertainty). */
static void tstate_preset(tstate *ts, const ctx *c)
{
    const rc_net *net = c->net;
    int n = net->n;
    ts->esf[2 * n] = ts->esf[2 * n + 1] = -INFINITY;
    ts->dur[n] = 0;
    for (int j = 0; j < NL; j++) {
        ts->Lesf[(size_t)(2 * n) * NL + j] = ts->Lesf[(size_t)(2 * n + 1) * NL + j] = -INFINITY;
        ts->Ldur[(size_t)n * NL + j] = 0;
        /* window_lanes never writes the padding task's dates */
        ts->Wesf[(size_t)(2 * n) * NL + j] = ts->Wesf[(size_t)(2 * n + 1) * NL + j] = -INFINITY;
        for (int p = 0; p < n; p++) {
            size_t x = (size_t)p * NL + (size_t)j;
            ts->Lbase[x] = net->dur_const[p];
            ts->Lrate[x] = (c->flag[p] & F_RATEV) && !c->no_unc ? 0 : c->rate_val[p];
            ts->Lfixed[x] = !(c->flag[p] & F_FIXV) ? 0 : c->no_unc ? c->fixed_val[p] : 0;
        }
    }
}

/* How many of the variants from V0 on fit RC_VARIANT_BUDGET (whole risks,
 * at least one). */
static int chunk_length(const variant *all, int v0, int nvar, long N)
{
    long per_chunk = RC_VARIANT_BUDGET / (long)(2 * sizeof(double) * (size_t)N);
    if (per_chunk < 2)
        per_chunk = 2; /* a risk's two variants always share a chunk */
    int nv = 0;
    while (v0 + nv < nvar) {
        int w = (v0 + nv + 1 < nvar && all[v0 + nv + 1].risk == all[v0 + nv].risk) ? 2 : 1;
        if (nv > 0 && nv + w > per_chunk)
            break;
        nv += w;
    }
    return nv;
}

/* Allocate the per-iteration arrays of the variants from V0 on that fit
 * RC_VARIANT_BUDGET (chunk_length), and make them C's current chunk.
 * Returns 0 or -1. */
static int variant_chunk(ctx *c, variant *all, int v0, int nvar, long N)
{
    int nv = chunk_length(all, v0, nvar, N);
    for (int v = v0; v < v0 + nv; v++) {
        all[v].D = malloc((size_t)N * sizeof(double));
        all[v].C = malloc((size_t)N * sizeof(double));
        if (!all[v].D || !all[v].C)
            return -1;
    }
    c->vars = all + v0;
    c->nv = nv;
    return 0;
}

int rc_simulate(const rc_model *m, const rc_sim_options *o, rc_result *r, rc_diags *d)
{
    gsl_set_error_handler_off();
    memset(r, 0, sizeof *r);
    int rc = -1;
    long N = o->iterations > 0 ? o->iterations : 1;
    int nthreads = o->threads > 0 ? o->threads : nproc();
    if (nthreads > 256)
        nthreads = 256;
    ctx c;
    memset(&c, 0, sizeof c);
    tstate *ts = NULL;
    double *ranks = NULL;
    variant *all = NULL;
    int nvar = 0;
    rc_plan plan;
    memset(&plan, 0, sizeof plan);
    rc_net *net = rc_net_compile_ex(m, o->mitigated, o->mitigate_mask, o->include_mask, d);
    if (!net)
        return -1;
    long block = block_size(net->n), n_blocks = (N + block - 1) / block;
    if (nthreads > n_blocks)
        nthreads = (int)n_blocks;
    r->model = m;
    r->iterations = N;
    r->seed = o->seed;
    r->confidence = o->confidence;
    r->threads = nthreads;
    r->mitigated = o->mitigated;
    r->corr_repaired = net->corr_repaired;

    c.m = m;
    c.net = net;
    c.N = N;
    c.o = o;
    c.n_blocks = n_blocks;
    c.block = block;
    int n = net->n;
    size_t nn = (size_t)(n ? n : 1), nr = (size_t)(net->n_risks ? net->n_risks : 1);
    c.tkey = malloc(nn * sizeof *c.tkey);
    c.rkey = malloc(nr * sizeof *c.rkey);
    c.fixed_var = calloc(nn, 1);
    c.rate_var = calloc(nn, 1);
    c.fixed_val = calloc(nn, sizeof *c.fixed_val);
    c.skind = calloc(nn, 1);
    c.rkind = calloc(nn, 1);
    c.fkind = calloc(nn, 1);
    c.sd = calloc(nn, sizeof *c.sd);
    c.sr = calloc(nn, sizeof *c.sr);
    c.sf = calloc(nn, sizeof *c.sf);
    c.esmp = calloc(2 * nr, sizeof *c.esmp);
    c.flag = calloc(nn, 1);
    c.ffin = calloc(nn, 1);
    c.sens_pos = calloc(nn, sizeof *c.sens_pos);
    size_t mm = (size_t)(net->m ? net->m : 1);
    c.e_fin = calloc(mm, 1);
    c.e_tofin = calloc(mm, 1);
    c.rate_val = calloc(nn, sizeof *c.rate_val);
    r->duration = malloc((size_t)N * sizeof *r->duration);
    r->cost = malloc((size_t)N * sizeof *r->cost);
    if (!c.tkey || !c.rkey || !c.skind || !c.flag || !c.ffin || !c.sens_pos || !c.e_fin ||
        !c.e_tofin || !c.rkind || !c.fkind || !c.sd || !c.sr || !c.sf || !c.esmp || !c.fixed_var ||
        !c.rate_var || !c.fixed_val || !c.rate_val || !r->duration || !r->cost)
        goto out;
    c.D = r->duration;
    c.C = r->cost;
    c.cost_const = net->actual_cost + net->mitigation_cost;
    c.no_unc = o->no_uncertainty;
    c.cancel_flag = o->cancel;
    c.light = o->light;
    for (int p = 0; p < n; p++) {
        const rc_task *t = &m->tasks[net->model_idx[p]];
        c.tkey[p] = rc_rng_key(o->seed, t->id);
        c.fixed_var[p] = !rc_dist_is_fixed(&t->cost_fixed);
        c.rate_var[p] = !rc_dist_is_fixed(&t->cost_rate);
        c.fixed_val[p] = rc_dist_plan(&t->cost_fixed);
        c.rate_val[p] = rc_dist_plan(&t->cost_rate);
        const rc_dist *dd = net->dur[p];
        bool grp = net->corr_group && net->corr_group[p] >= 0 && net->dur_kind[p];
        c.flag[p] = (uint8_t)((net->dur_kind[p] && !grp ? F_VAR : 0) | (grp ? F_GRP : 0) |
                              (net->inc_start[p] < net->inc_start[p + 1] ? F_INC : 0) |
                              (c.rate_var[p] ? F_RATEV : 0) | (c.fixed_var[p] ? F_FIXV : 0));
        if (dd->kind == RC_DIST_TRIANGULAR && dd->c > dd->a) {
            double *q = c.sd[p].q;
            c.skind[p] = SK_TRI;
            q[0] = dd->a, q[1] = dd->c, q[2] = (dd->b - dd->a) / (dd->c - dd->a);
            q[3] = (dd->c - dd->a) * (dd->b - dd->a), q[4] = (dd->c - dd->a) * (dd->c - dd->b);
        } else {
            c.skind[p] = smp_prepare(dd, &c.sd[p]);
        }
        c.rkind[p] = smp_prepare(net->rate[p], &c.sr[p]);
        c.fkind[p] = smp_prepare(net->fixed[p], &c.sf[p]);
        if (!c.fixed_var[p])
            c.cost_const += c.fixed_val[p];
        for (int e = net->pred_start[p]; e < net->pred_start[p + 1]; e++) {
            int ty = net->pred_type[e];
            if (ty == RC_LINK_FF || ty == RC_LINK_SF)
                c.ffin[p] = 1;
            c.e_fin[e] = ty == RC_LINK_FS || ty == RC_LINK_FF;
            c.e_tofin[e] = ty == RC_LINK_FF || ty == RC_LINK_SF;
        }
    }
    for (int k = 0; k < net->n_risks; k++) {
        c.rkey[k] = rc_rng_key(o->seed, m->risks[net->risks[k].model_idx].id);
        for (int s = 0; s < 2; s++)
            if (effect_smp_init(&c.esmp[2 * k + s], &net->risks[k].effect[s]))
                goto out;
        for (int s = 0; s < 2; s++)
            if (net->risks[k].effect[s].n_impacts > c.max_impacts)
                c.max_impacts = net->risks[k].effect[s].n_impacts;
    }
    for (int p = 0; p < n; p++)
        if (net->dur_kind[p] && !(c.flag[p] & F_INC))
            c.sens_pos[c.n_sens++] = p;
    if (build_loop_lists(&c))
        goto out;
    for (int g = 0; g < net->n_groups; g++)
        if (net->group_start[g + 1] - net->group_start[g] > c.max_group)
            c.max_group = net->group_start[g + 1] - net->group_start[g];

    ts = calloc((size_t)nthreads, sizeof *ts);
    if (!ts)
        goto out;
    for (int t = 0; t < nthreads; t++)
        if (tstate_init(&ts[t], &c, t)) {
            for (int u = 0; u < t; u++)
                tstate_delete(&ts[u]);
            free(ts);
            ts = NULL;
            goto out;
        } else {
            tstate_preset(&ts[t], &c);
        }

    /* the plan */
    if (rc_plan_compute(net, &plan))
        goto out;
    r->plan_duration = plan.duration;
    r->plan_cost = plan.cost;
    r->plan_finish = plan.finish;
    r->critical_path = malloc(nn * sizeof *r->critical_path);
    if (!r->critical_path)
        goto out;
    r->n_critical_path = rc_plan_chain(net, &plan, r->critical_path);
    for (int k = 0; k < r->n_critical_path; k++)
        r->critical_path[k] = net->model_idx[r->critical_path[k]];

    /* the tasks whose finish ranges are kept (for the gantt): the least total
     * float in the plan first, then the latest planned finish */
    if (o->analysis && !o->light) {
        int want = n < RC_RANGE_TASKS ? n : RC_RANGE_TASKS;
        c.range_pos = malloc((size_t)(want ? want : 1) * sizeof *c.range_pos);
        c.range_n = N < RC_RANGE_ITER ? N : RC_RANGE_ITER;
        c.range_fin = malloc((size_t)(want ? want : 1) * (size_t)c.range_n * sizeof *c.range_fin);
        char *taken = calloc(nn, 1);
        if (!c.range_pos || !c.range_fin || !taken) {
            free(taken);
            goto out;
        }
        for (int k = 0; k < want; k++) {
            int best = -1;
            for (int p = 0; p < n; p++) {
                if (taken[p])
                    continue;
                double fp = plan.lf[p] - plan.ef[p], fb = best < 0 ? 0 : plan.lf[best] - plan.ef[best];
                if (best < 0 || fp < fb || (fp == fb && plan.ef[p] > plan.ef[best]))
                    best = p;
            }
            taken[best] = 1;
            c.range_pos[k] = best;
        }
        free(taken);
        c.n_range = want;
    }

    /* the variants: every risk left out; every mitigation toggled. The first
     * chunk of them is evaluated in pass 1 itself, the others (when the
     * per-iteration arrays of all would exceed RC_VARIANT_BUDGET) in pass 2. */
    if (o->analysis && !o->light && o->variants) {
        for (int k = 0; k < net->n_risks; k++)
            nvar += 1 + (net->risks[k].has_alt ? 1 : 0);
        all = calloc((size_t)(nvar ? nvar : 1), sizeof *all);
        if (!all)
            goto out;
        for (int k = 0, v = 0; k < net->n_risks; k++) {
            all[v].risk = k, all[v].mode = 0, v++;
            if (net->risks[k].has_alt)
                all[v].risk = k, all[v].mode = 1, v++;
        }
        if (nvar && (variant_chunk(&c, all, 0, nvar, N) || build_spans(&c)))
            goto out;
    }
    /* pass 1, pass 2 for each chunk of variants after the first, pass 3 */
    c.n_passes = 1;
    if (o->analysis && !o->light) {
        c.n_passes++;
        for (int v0 = c.nv; v0 < nvar; v0 += chunk_length(all, v0, nvar, N))
            c.n_passes++;
    }

    /* pass 1 keeps the durations of the tasks risks act on (as many as fit
     * RC_SENS_KEEP_BUDGET) for their sensitivity, which otherwise samples
     * them again */
    if (o->analysis && !o->light) {
        long fit = RC_SENS_KEEP_BUDGET / ((long)sizeof(float) * N);
        c.inc_pos = malloc(nn * sizeof *c.inc_pos);
        if (!c.inc_pos)
            goto out;
        for (int p = 0; p < n && c.inc_k < fit; p++)
            if (c.flag[p] & F_INC)
                c.inc_pos[c.inc_k++] = p;
        if (c.inc_k > 0) {
            c.inc_col = malloc((size_t)c.inc_k * (size_t)N * sizeof *c.inc_col);
            if (!c.inc_col)
                goto out;
        }
    }

    /* pass 1 */
    c.pass = 1;
    run_pass(&c, ts, nthreads);
    if (o->cancel && *o->cancel) {
        rc = 1;
        r->cancelled = true;
        goto out;
    }

    if (o->light) {
        /* only the P(confidence) values are wanted: select, do not sort */
        double *tmp = malloc((size_t)N * sizeof *tmp);
        if (!tmp)
            goto out;
        memcpy(tmp, r->duration, (size_t)N * sizeof *tmp);
        r->dur.at_conf = rc_select_percentile(tmp, N, o->confidence);
        r->dur.pct[5] = rc_select_percentile(tmp, N, 0.5); /* P50 */
        memcpy(tmp, r->cost, (size_t)N * sizeof *tmp);
        r->cst.at_conf = rc_select_percentile(tmp, N, o->confidence);
        r->cst.pct[5] = rc_select_percentile(tmp, N, 0.5);
        free(tmp);
        rc = 0;
        goto out;
    }

    /* per-task results */
    r->n_tasks = m->n_tasks;
    r->tasks = calloc((size_t)(m->n_tasks ? m->n_tasks : 1), sizeof *r->tasks);
    r->n_risks = net->n_risks;
    r->risks = calloc(nr, sizeof *r->risks);
    if (!r->tasks || !r->risks)
        goto out;
    for (int i = 0; i < m->n_tasks; i++) {
        rc_task_result *tr = &r->tasks[i];
        tr->model_idx = i;
        tr->id = m->tasks[i].id;
        tr->name = m->tasks[i].name;
        int p = net->pos_of[i];
        tr->active = p >= 0;
        if (p < 0)
            continue;
        int64_t cc = 0;
        acc_t sd = 0, sf = 0;
        for (int t = 0; t < nthreads; t++) {
            cc += ts[t].crit_count[p];
            sd += ts[t].sum_dur[p];
            sf += ts[t].sum_fin[p];
        }
        tr->criticality = (double)cc / (double)N;
        tr->duration_mean = from_fp(sd) / (double)N;
        tr->finish_mean = from_fp(sf) / (double)N;
        tr->plan_start = plan.es[p];
        tr->plan_finish = plan.ef[p];
        tr->plan_duration = plan.ef[p] - plan.es[p];
        tr->plan_critical = plan.critical[p];
    }
    for (int k = 0; k < net->n_risks; k++) {
        rc_risk_result *rr = &r->risks[k];
        const rc_risk *rk = &m->risks[net->risks[k].model_idx];
        rr->model_idx = net->risks[k].model_idx;
        rr->id = rk->id;
        rr->name = rk->name;
        int64_t oc = 0;
        for (int t = 0; t < nthreads; t++)
            oc += ts[t].occ[k];
        rr->occurrence = (double)oc / (double)N;
        rr->has_mitigation = rk->has_mitigation;
    }

    /* pass 2: the variants that did not fit pass 1; pass 3: sensitivity */
    if (o->analysis && !o->light) {
        ranks = mid_ranks(r->duration, N);
        if (!ranks)
            goto out;
        c.rankD = ranks;
        int v0 = 0, ok = 1;
        while (ok && v0 < nvar) {
            int nv = c.nv;
            if (v0 > 0) { /* pass 2 for this chunk */
                if (variant_chunk(&c, all, v0, nvar, N)) {
                    ok = 0;
                    break;
                }
                nv = c.nv;
                c.pass = 2;
                run_pass(&c, ts, nthreads);
                if (o->cancel && *o->cancel) {
                    ok = 0;
                    break;
                }
            }
            /* the register view of each variant, then (the arrays are
             * reordered) P(c) of each; the threads share the variants */
            variant_job vj[256];
            for (int t = 0; t < nthreads; t++)
                vj[t] = (variant_job){.c = &c, .r = r, .all = all, .v0 = v0, .nv = nv,
                                      .mitigated = o->mitigated, .conf = o->confidence,
                                      .id = t, .nthreads = nthreads};
            run_jobs(variant_register, vj, sizeof *vj, nthreads);
            run_jobs(variant_select, vj, sizeof *vj, nthreads);
            for (int v = v0; v < v0 + nv; v++) {
                free(all[v].D), free(all[v].C);
                all[v].D = all[v].C = NULL;
            }
            v0 += nv;
        }
        c.nv = 0;
        if (ok) {
            c.pass = 3;
            run_pass(&c, ts, nthreads);
            if (o->cancel && *o->cancel)
                ok = 0;
        }
        if (!ok) {
            if (o->cancel && *o->cancel) {
                rc = 1;
                r->cancelled = true;
            }
            goto out;
        }
        /* sensitivity: Pearson correlation of u with the mid-rank of D */
        double sr = 0, sr2 = 0;
        for (long i = 0; i < N; i++)
            sr += ranks[i], sr2 += ranks[i] * ranks[i];
        double mr = sr / (double)N, vr = sr2 / (double)N - mr * mr;
        for (int p = 0; p < n; p++) {
            rc_task_result *tr = &r->tasks[net->model_idx[p]];
            if (!net->dur_kind[p] || vr <= 0)
                continue;
            acc_t su = 0, su2 = 0, sur = 0;
            for (int t = 0; t < nthreads; t++)
                su += ts[t].su[p], su2 += ts[t].su2[p], sur += ts[t].sur[p];
            double mu = from_fp(su) / (double)N, vu = from_fp(su2) / (double)N - mu * mu;
            double cov = from_fp(sur) / (double)N - mu * mr;
            if (vu <= 0)
                continue;
            tr->has_sensitivity = true;
            tr->sensitivity = cov / sqrt(vu * vr);
        }
        {
            int x = sensitivity_with_risks(&c, ts, nthreads, r, ranks);
            if (x) {
                rc = x;
                r->cancelled = x == 1;
                goto out;
            }
        }
        /* finish ranges */
        for (int k = 0; k < c.n_range; k++) {
            float *f = c.range_fin + (size_t)k * (size_t)c.range_n;
            rc_task_result *tr = &r->tasks[net->model_idx[c.range_pos[k]]];
            tr->has_range = true;
            long k10 = (long)ceil(0.1 * (double)c.range_n - 1e-9), k90 = (long)ceil(0.9 * (double)c.range_n - 1e-9);
            if (k10 < 1) k10 = 1;
            if (k90 < 1) k90 = 1;
            /* the k90-th smallest, then the k10-th among those before it */
            tr->finish_p90 = rc_select_kth_float(f, c.range_n, k90 - 1);
            tr->finish_p10 = rc_select_kth_float(f, k90, k10 - 1);
        }
    }

    /* the base statistics */
    if (rc_stats_compute(r->duration, N, r->plan_duration, o->confidence, &r->dur) ||
        rc_stats_compute(r->cost, N, r->plan_cost, o->confidence, &r->cst))
        goto out;
    for (int k = 0; k < RC_NPCT; k++)
        r->finish_pct[k] = rc_calendar_date(&m->calendar, r->dur.pct[k]);
    r->finish_at_conf = rc_calendar_date(&m->calendar, r->dur.at_conf);
    r->finish_min = rc_calendar_date(&m->calendar, r->dur.min);
    r->finish_max = rc_calendar_date(&m->calendar, r->dur.max);
    r->finish_at_conf_ci.lo = rc_calendar_date(&m->calendar, r->dur.at_conf_ci.lo);
    r->finish_at_conf_ci.hi = rc_calendar_date(&m->calendar, r->dur.at_conf_ci.hi);
    {
        long ok_f = 0;
        for (long i = 0; i < N; i++)
            ok_f += rc_calendar_date(&m->calendar, r->duration[i]) <= r->plan_finish;
        r->finish_plan_probability = (double)ok_f / (double)N;
    }
    r->contingency_days = r->dur.at_conf - r->plan_duration;
    r->contingency_cost = r->cst.at_conf - r->plan_cost;
    r->contingency_finish = r->finish_at_conf;
    r->deadline_probability = r->budget_probability = r->joint_probability = NAN;
    r->loss_probability = r->price_at_confidence = NAN;
    if (m->has_deadline) {
        long k = 0;
        for (long i = 0; i < N; i++)
            k += rc_calendar_date(&m->calendar, r->duration[i]) <= m->deadline;
        r->deadline_probability = (double)k / (double)N;
        /* the working days that end on or before the deadline */
        r->deadline_offset = (double)rc_calendar_offset(&m->calendar, m->deadline + 1);
    }
    if (m->has_budget) {
        long k = 0;
        for (long i = 0; i < N; i++)
            k += r->cost[i] <= m->budget;
        r->budget_probability = (double)k / (double)N;
    }
    if (m->has_deadline && m->has_budget) {
        long k = 0;
        for (long i = 0; i < N; i++)
            k += rc_calendar_date(&m->calendar, r->duration[i]) <= m->deadline &&
                 r->cost[i] <= m->budget;
        r->joint_probability = (double)k / (double)N;
    }
    if (m->has_price) {
        double *mg = malloc((size_t)N * sizeof *mg);
        if (!mg)
            goto out;
        long k = 0;
        for (long i = 0; i < N; i++) {
            mg[i] = m->price - r->cost[i];
            k += r->cost[i] > m->price;
        }
        r->loss_probability = (double)k / (double)N;
        int e = rc_stats_compute(mg, N, m->price - r->plan_cost, o->confidence, &r->margin);
        free(mg);
        if (e)
            goto out;
        r->price_at_confidence = r->cst.at_conf;
    }
    if (o->analysis && !o->light && o->variants) {
        for (int k = 0; k < r->n_risks; k++) {
            rc_risk_result *rr = &r->risks[k];
            rr->schedule_contribution = r->dur.at_conf - rr->schedule_contribution;
            rr->cost_contribution = r->cst.at_conf - rr->cost_contribution;
            if (rr->has_mitigation) {
                /* the alternative: mitigated (or, under --mitigated, not) */
                double sgn = o->mitigated ? -1 : 1;
                rr->mitigation.cost = m->risks[rr->model_idx].mitigation_cost;
                rr->mitigation.schedule_benefit = sgn * (r->dur.at_conf - rr->mitigation.schedule_benefit);
                rr->mitigation.cost_benefit = sgn * (r->cst.at_conf - rr->mitigation.cost_benefit);
                if (net->risks[k].mit0) /* before the mitigation's own cost */
                    rr->mitigation.cost_benefit += rr->mitigation.cost;
                rr->mitigation.net_benefit = rr->mitigation.cost_benefit - rr->mitigation.cost;
            }
        }
    }
    if (o->analysis && !o->light) {
        /* the advice: reserve split and recommended mitigations (reruns) */
        int x = o->shapley ? rc_analysis_shapley(m, o, r) : 0;
        if (!x && o->shapley)
            x = rc_analysis_recommend(m, o, r);
        if (x) {
            rc = x;
            r->cancelled = x == 1;
            goto out;
        }
    }
    rc = 0;
out:
    if (ts) {
        for (int t = 0; t < nthreads; t++)
            tstate_delete(&ts[t]);
        free(ts);
    }
    free(ranks);
    for (int v = 0; all && v < nvar; v++)
        free(all[v].D), free(all[v].C);
    free(all);
    free(c.skind), free(c.rkind), free(c.fkind), free(c.sd), free(c.sr), free(c.sf);
    free(c.flag), free(c.ffin), free(c.sens_pos), free(c.skey), free(c.inc_col), free(c.inc_pos);
    free(c.kind_pos), free(c.ratev_pos), free(c.cost_pos), free(c.fixv_pos), free(c.ksd), free(c.ksr), free(c.ksf);
    free(c.kkey), free(c.krkey), free(c.kfkey), free(c.src_min), free(c.grp_pos), free(c.lp_start);
    free(c.ls_start), free(c.ls_pos);
    free(c.lp_lag), free(c.lp_tofin), free(c.ls_lag), free(c.ls_ls), free(c.ls_frst);
    free(c.lp_src), free(c.ls_wmax);
    for (int k = 0; c.esmp && k < 2 * (int)nr; k++)
        free(c.esmp[k].s), free(c.esmp[k].k);
    free(c.esmp);
    free(c.e_fin), free(c.e_tofin);
    free(c.edge_succ), free(c.erec), free(c.span_start), free(c.span_edge), free(c.out_start), free(c.out_edge);
    free(c.tkey), free(c.rkey), free(c.fixed_var), free(c.rate_var), free(c.fixed_val),
        free(c.rate_val), free(c.range_pos), free(c.range_fin);
    rc_plan_delete(&plan);
    rc_net_free(net);
    if (rc != 0)
        rc_result_delete(r);
    return rc;
}

/* Half-width of the 95% interval of P(c), relative to |P(c)|. */
static double rel_halfwidth(const rc_stats *s)
{
    double scale = fabs(s->at_conf);
    if (scale == 0)
        return s->at_conf_ci.hi - s->at_conf_ci.lo == 0 ? 0 : INFINITY;
    return 0.5 * (s->at_conf_ci.hi - s->at_conf_ci.lo) / scale;
}

/* The caller's progress callback, told F of a run as LO + SPAN x F. */
typedef struct {
    void (*fn)(void *, double);
    void *ctx;
    double lo, span;
} progress_part;

static void progress_scaled(void *arg, double f)
{
    progress_part *pp = arg;
    pp->fn(pp->ctx, pp->lo + pp->span * f);
}

int rc_simulate_auto(const rc_model *m, const rc_sim_options *o, rc_result *r, rc_diags *d)
{
    rc_sim_options q = *o;
    q.analysis = false;
    q.shapley = false;
    /* progress: the k-th trial run (k = 0, 1, ...) takes [1/2 - 1/2^(k+1),
     * 1/2 - 1/2^(k+2)), the last run [1/2, 1], so that it only goes up
     * however many trials there are */
    progress_part pp = {o->progress, o->progress_ctx, 0, 0.25};
    if (o->progress) {
        q.progress = progress_scaled;
        q.progress_ctx = &pp;
    }
    long n = RC_AUTO_START;
    for (;;) {
        q.iterations = n;
        rc_result t;
        int rc = rc_simulate(m, &q, &t, NULL);
        if (rc)
            return rc;
        int precise = rel_halfwidth(&t.dur) <= RC_AUTO_PRECISION &&
                      rel_halfwidth(&t.cst) <= RC_AUTO_PRECISION;
        rc_result_delete(&t);
        if (precise || n >= RC_AUTO_MAX)
            break;
        n = n * 2 > RC_AUTO_MAX ? RC_AUTO_MAX : n * 2;
        pp.lo += pp.span;
        pp.span /= 2;
    }
    rc_sim_options f = *o;
    f.iterations = n;
    f.progress = q.progress, f.progress_ctx = q.progress_ctx;
    pp.lo = 0.5, pp.span = 0.5;
    return rc_simulate(m, &f, r, d);
}
