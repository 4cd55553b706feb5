/* dist.h - probability distributions of uncertain quantities.
 *
 * Every uncertain number in a project file (durations, delays, scales, costs,
 * rates) is an rc_dist. Sampling is by inverse CDF from one uniform, so that
 * correlation (a Gaussian copula) and common random numbers are simple.
 */
#ifndef RC_DIST_H
#define RC_DIST_H

#include <math.h>
#include <stdbool.h>

typedef enum {
    RC_DIST_FIXED,      /* value = a */
    RC_DIST_UNIFORM,    /* min = a, max = c */
    RC_DIST_TRIANGULAR, /* min = a, likely = b, max = c */
    RC_DIST_PERT,       /* min = a, likely = b, max = c, lambda */
    RC_DIST_TRIGEN,     /* low = a, likely = b, high = c, low_pct, high_pct;
                           sampled as the triangular (tmin, b, tmax) */
    RC_DIST_NORMAL,     /* mean = a, sd = c */
    RC_DIST_LOGNORMAL,  /* mean = a, sd = c of the variable itself */
    RC_DIST_DISCRETE    /* values[], weights[] */
} rc_dist_kind;

#define RC_PERT_TABLE 1024   /* segments of a tabulated Beta inverse CDF */
#define RC_PERT_ROWS 64      /* rows of the shared tables, over the mode's position */
#define RC_PERT_SHAPES 32    /* distinct lambdas with a shared table; others get their own */

typedef struct {
    rc_dist_kind kind;
    double a, b, c;          /* see rc_dist_kind */
    double lambda;           /* PERT shape, default 4 */
    double low_pct, high_pct;/* TRIGEN percentiles, in (0, 100) */
    int n;                   /* DISCRETE: number of values */
    double *values;          /* DISCRETE: owned */
    double *weights;         /* DISCRETE: owned */
    /* filled by rc_dist_prepare(): */
    double p1, p2;           /* PERT alpha, beta; LOGNORMAL mu, sigma;
                                TRIGEN the triangular's min and max */
    double *cum;             /* DISCRETE: normalised cumulative weights; owned */
    float *table;            /* PERT without a shared table: RC_PERT_TABLE+1 points of
                                its Beta inverse CDF; owned */
    const float *shape;      /* PERT: the shared table for its lambda, RC_PERT_ROWS+1
                                rows (mode at 0, 1/64, ..., 1) of RC_PERT_TABLE+1 points;
                                not owned (lives as long as the program) */
    double shape_pos;        /* PERT: the mode's position (likely-min)/(max-min) x RC_PERT_ROWS */
} rc_dist;

/* The PERT quantile on [0, 1] at U: linear in U within a row, linear between
 * the two rows around the mode's position. Tables shared by every PERT of the
 * same lambda stay small enough to live in cache. */
static inline double rc_pert_unit(const rc_dist *d, double u)
{
    double x = u * RC_PERT_TABLE;
    int j = (int)x;
    if (j >= RC_PERT_TABLE)
        j = RC_PERT_TABLE - 1;
    double t = x - j;
    const float *r0, *r1;
    double fm;
    if (d->shape) {
        int r = (int)d->shape_pos;
        if (r >= RC_PERT_ROWS)
            r = RC_PERT_ROWS - 1;
        fm = d->shape_pos - r;
        r0 = d->shape + (long)r * (RC_PERT_TABLE + 1);
        r1 = r0 + RC_PERT_TABLE + 1;
    } else {
        r0 = r1 = d->table;
        fm = 0;
    }
    /* In the end segments the quantile is steep (x ~ u^(1/alpha) near 0,
     * 1 - x ~ (1-u)^(1/beta) near 1): follow that power law through the
     * segment's inner point instead of a straight line. */
    if (j == 0) {
        double y1 = r0[1] + fm * (r1[1] - r0[1]);
        return y1 * pow(t, 1 / d->p1);
    }
    if (j == RC_PERT_TABLE - 1) {
        double y = r0[j] + fm * (r1[j] - r0[j]);
        return 1 - (1 - y) * pow(1 - t, 1 / d->p2);
    }
    double y0 = r0[j] + t * (r0[j + 1] - r0[j]), y1 = r1[j] + t * (r1[j + 1] - r1[j]);
    return y0 + fm * (y1 - y0);
}

/* A fixed value. */
void rc_dist_fixed(rc_dist *d, double v);
/* Free what D owns and make it fixed 0. Accepts a zeroed struct. */
void rc_dist_delete(rc_dist *d);
/* Deep copy SRC into DST (DST is overwritten, not freed). Returns 0 or -1. */
int rc_dist_copy(rc_dist *dst, const rc_dist *src);

/* Check the parameters. Returns NULL when valid, else a static message
 * ("min > max", ...) describing the first problem. */
const char *rc_dist_check(const rc_dist *d);

/* Precompute what sampling needs (PERT table, lognormal parameters, trigen's
 * triangular, discrete cumulative weights). D must have passed rc_dist_check.
 * Returns 0, or -1 when memory ran out or trigen has no solution. */
int rc_dist_prepare(rc_dist *d);

/* The inverse CDF at U in (0, 1). */
double rc_dist_quantile(const rc_dist *d, double u);

/* The plan value: likely where there is one (fixed: the value; discrete: the
 * most weighted value, the first of equals), otherwise the median. */
double rc_dist_plan(const rc_dist *d);

/* True when every sample is the same number. */
bool rc_dist_is_fixed(const rc_dist *d);

/* Exact mean and variance where known in closed form (for tests and for the
 * summary of a register); returns false when not available. */
bool rc_dist_moments(const rc_dist *d, double *mean, double *var);

#endif
