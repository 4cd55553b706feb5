/* dist.c - distributions: parameter checks, inverse CDFs, plan values.
 *
 * Every sampler is an inverse CDF of one uniform u in (0, 1):
 *   uniform      a + u (c - a)
 *   triangular   F(b) = (b-a)/(c-a) = fc;  u < fc: a + sqrt(u (c-a)(b-a))
 *                                         else   c - sqrt((1-u)(c-a)(c-b))
 *   pert         a + (c-a) * BetaInv(u; alpha, beta),
 *                alpha = 1 + lambda (b-a)/(c-a), beta = 1 + lambda (c-b)/(c-a);
 *                BetaInv is tabulated once (RC_PERT_TABLE segments, linear
 *                interpolation), since GSL's inverse Beta CDF is slow.
 *   trigen       the triangular (tmin, b, tmax) whose low_pct and high_pct
 *                percentiles are a and c; tmin, tmax solved by bisection.
 *   normal       a + c Phi^-1(u)
 *   lognormal    exp(mu + sigma Phi^-1(u)), sigma^2 = ln(1 + sd^2/mean^2),
 *                mu = ln(mean) - sigma^2 / 2
 *   discrete     the first value whose cumulative normalised weight >= u
 */
#include "dist.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include <gsl/gsl_cdf.h>

void rc_dist_fixed(rc_dist *d, double v)
{
    memset(d, 0, sizeof *d);
    d->kind = RC_DIST_FIXED;
    d->a = d->b = d->c = v;
    d->lambda = 4;
}

void rc_dist_delete(rc_dist *d)
{
    if (!d)
        return;
    free(d->values);
    free(d->weights);
    free(d->cum);
    free(d->table);
    rc_dist_fixed(d, 0);
}

static double *dup_doubles(const double *p, int n)
{
    if (!p || n <= 0)
        return NULL;
    double *q = malloc((size_t)n * sizeof *q);
    if (q)
        memcpy(q, p, (size_t)n * sizeof *q);
    return q;
}

int rc_dist_copy(rc_dist *dst, const rc_dist *src)
{
    *dst = *src;
    dst->values = dup_doubles(src->values, src->n);
    dst->weights = dup_doubles(src->weights, src->n);
    dst->cum = dup_doubles(src->cum, src->n);
    dst->table = NULL;
    if (src->table) {
        dst->table = malloc((RC_PERT_TABLE + 1) * sizeof *dst->table);
        if (dst->table)
            memcpy(dst->table, src->table, (RC_PERT_TABLE + 1) * sizeof *dst->table);
    }
    if ((src->values && !dst->values) || (src->weights && !dst->weights) ||
        (src->cum && !dst->cum) || (src->table && !dst->table)) {
        rc_dist_delete(dst);
        return -1;
    }
    return 0;
}

static bool finite3(const rc_dist *d)
{
    return isfinite(d->a) && isfinite(d->b) && isfinite(d->c);
}

const char *rc_dist_check(const rc_dist *d)
{
    switch (d->kind) {
    case RC_DIST_FIXED:
        return isfinite(d->a) ? NULL : "the value must be a finite number";
    case RC_DIST_UNIFORM:
        if (!isfinite(d->a) || !isfinite(d->c))
            return "min and max must be finite numbers";
        return d->a <= d->c ? NULL : "min > max";
    case RC_DIST_TRIANGULAR:
    case RC_DIST_PERT:
        if (!finite3(d))
            return "min, likely and max must be finite numbers";
        if (d->a > d->c)
            return "min > max";
        if (d->b < d->a)
            return "likely < min";
        if (d->b > d->c)
            return "likely > max";
        if (d->kind == RC_DIST_PERT && !(d->lambda >= 0 && isfinite(d->lambda)))
            return "lambda must be >= 0";
        return NULL;
    case RC_DIST_TRIGEN:
        if (!finite3(d))
            return "low, likely and high must be finite numbers";
        if (d->a > d->c)
            return "low > high";
        if (d->b < d->a)
            return "likely < low";
        if (d->b > d->c)
            return "likely > high";
        if (!(d->low_pct > 0 && d->low_pct < 100 && d->high_pct > 0 && d->high_pct < 100))
            return "low_pct and high_pct must lie strictly between 0 and 100";
        if (!(d->low_pct < d->high_pct))
            return "low_pct must be below high_pct";
        return NULL;
    case RC_DIST_NORMAL:
        if (!isfinite(d->a) || !isfinite(d->c))
            return "mean and sd must be finite numbers";
        return d->c >= 0 ? NULL : "sd < 0";
    case RC_DIST_LOGNORMAL:
        if (!isfinite(d->a) || !isfinite(d->c))
            return "mean and sd must be finite numbers";
        if (d->c < 0)
            return "sd < 0";
        return d->a > 0 ? NULL : "a lognormal's mean must be > 0";
    case RC_DIST_DISCRETE: {
        if (d->n <= 0 || !d->values || !d->weights)
            return "values and weights must be non-empty lists of the same length";
        if (d->n > 0 && d->n > 10000)
            return "too many values (the limit is 10000)";
        double sum = 0;
        for (int i = 0; i < d->n; i++) {
            if (!isfinite(d->values[i]) || !isfinite(d->weights[i]))
                return "values and weights must be finite numbers";
            if (d->weights[i] < 0)
                return "weights must be >= 0";
            sum += d->weights[i];
        }
        return sum > 0 && isfinite(sum) ? NULL : "the weights must have a positive sum";
    }
    }
    return "unknown distribution";
}

/* Triangular inverse CDF with min a, mode b, max c. */
static inline double tri_q(double a, double b, double c, double u)
{
    double w = c - a;
    if (w <= 0)
        return a;
    double fc = (b - a) / w;
    if (u < fc)
        return a + sqrt(u * w * (b - a));
    return c - sqrt((1 - u) * w * (c - b));
}

static double tri_cdf(double a, double b, double c, double x)
{
    if (x <= a)
        return 0;
    if (x >= c)
        return 1;
    if (x <= b)
        return (x - a) * (x - a) / ((c - a) * (b - a));
    return 1 - (c - x) * (c - x) / ((c - a) * (c - b));
}

/* Trigen: find (tmin, tmax) with tmin <= low, tmax >= high such that the
 * triangular (tmin, b, tmax) has F(low) = p and F(high) = q. For a given tmin
 * the tmax meeting F(high) = q is found by bisection; tmin then by bisection
 * on F(low) - p, which decreases as tmin falls. */
#define TRIGEN_ITER 200
static double trigen_tmax(double tmin, double b, double high, double q)
{
    /* F(high) falls as tmax grows; F(high)=1 at tmax=high */
    double lo = high, hi = high + 1;
    if (q >= 1)
        return high;
    double span = (high > tmin ? high - tmin : 1);
    hi = high + span;
    for (int i = 0; i < TRIGEN_ITER && tri_cdf(tmin, b, hi, high) > q; i++)
        hi = high + (hi - high) * 2;
    for (int i = 0; i < TRIGEN_ITER; i++) {
        double mid = 0.5 * (lo + hi), lo0 = lo, hi0 = hi;
        if (tri_cdf(tmin, b, mid, high) > q)
            lo = mid;
        else
            hi = mid;
        if (lo == lo0 && hi == hi0)
            break; /* a fixed point: every further step is this one */
    }
    return 0.5 * (lo + hi);
}

static int trigen_solve(rc_dist *d)
{
    double low = d->a, b = d->b, high = d->c;
    double p = d->low_pct / 100, q = d->high_pct / 100;
    if (high <= low) { /* degenerate: a point */
        d->p1 = d->p2 = low;
        return 0;
    }
    /* F(low) grows as tmin falls (from 0 at tmin = low). */
    double span = high - low;
    double lo = low - span, hi = low;
    int guard = 0;
    while (tri_cdf(lo, b, trigen_tmax(lo, b, high, q), low) < p) {
        lo = low - (low - lo) * 2;
        if (++guard > TRIGEN_ITER)
            return -1;
    }
    for (int i = 0; i < TRIGEN_ITER; i++) {
        double mid = 0.5 * (lo + hi), lo0 = lo, hi0 = hi;
        if (tri_cdf(mid, b, trigen_tmax(mid, b, high, q), low) < p)
            hi = mid;
        else
            lo = mid;
        if (lo == lo0 && hi == hi0)
            break; /* a fixed point, as in trigen_tmax() */
    }
    d->p1 = 0.5 * (lo + hi);
    d->p2 = trigen_tmax(d->p1, b, high, q);
    return isfinite(d->p1) && isfinite(d->p2) ? 0 : -1;
}

/* The Beta(alpha, beta) inverse CDF on RC_PERT_TABLE+1 equally spaced
 * probabilities. With alpha, beta >= 1 (always so for PERT) the density
 * x^(alpha-1) (1-x)^(beta-1) is bounded, so its integral on a grid of
 * BETA_GRID cells (trapezoids, normalised to end at exactly 1) is the CDF to
 * about 1e-6, and the quantiles follow by linear interpolation in that CDF.
 * This is some hundred times faster than GSL's iterative inverse. */
#define BETA_GRID 8192
static double beta_lx[BETA_GRID + 1], beta_l1x[BETA_GRID + 1];
static pthread_once_t beta_once = PTHREAD_ONCE_INIT;

static void beta_grid_init(void)
{
    for (int j = 0; j <= BETA_GRID; j++) {
        double x = (double)j / BETA_GRID;
        beta_lx[j] = j == 0 ? -INFINITY : log(x);
        beta_l1x[j] = j == BETA_GRID ? -INFINITY : log1p(-x);
    }
}

static int beta_table(double alpha, double beta, float *table)
{
    double *cdf = malloc((BETA_GRID + 1) * sizeof *cdf);
    if (!cdf)
        return -1;
    pthread_once(&beta_once, beta_grid_init);
    double prev = 0, run = 0;
    for (int j = 0; j <= BETA_GRID; j++) {
        double e = (alpha - 1) * (alpha == 1 ? 0 : beta_lx[j]) +
                   (beta - 1) * (beta == 1 ? 0 : beta_l1x[j]);
        double f = exp(e);
        if (j > 0)
            run += 0.5 * (prev + f);
        cdf[j] = run;
        prev = f;
    }
    for (int j = 0; j <= BETA_GRID; j++)
        cdf[j] /= run;
    int j = 0;
    table[0] = 0;
    table[RC_PERT_TABLE] = 1;
    for (int i = 1; i < RC_PERT_TABLE; i++) {
        double u = (double)i / RC_PERT_TABLE;
        while (j < BETA_GRID - 1 && cdf[j + 1] < u)
            j++;
        double span = cdf[j + 1] - cdf[j];
        double t = span > 0 ? (u - cdf[j]) / span : 0;
        table[i] = (float)(((double)j + t) / BETA_GRID);
    }
    free(cdf);
    return 0;
}

/* Shared tables, one per lambda, built on first use and kept for the life of
 * the program (at most RC_PERT_SHAPES of them). */
static struct {
    double lambda;
    float *rows;
} shapes[RC_PERT_SHAPES];
static int n_shapes;
static pthread_mutex_t shapes_mu = PTHREAD_MUTEX_INITIALIZER;

static const float *pert_shape(double lambda)
{
    const float *found = NULL;
    pthread_mutex_lock(&shapes_mu);
    for (int i = 0; i < n_shapes && !found; i++)
        if (shapes[i].lambda == lambda)
            found = shapes[i].rows;
    if (!found && n_shapes < RC_PERT_SHAPES) {
        float *rows = malloc((size_t)(RC_PERT_ROWS + 1) * (RC_PERT_TABLE + 1) * sizeof *rows);
        int ok = rows != NULL;
        for (int r = 0; ok && r <= RC_PERT_ROWS; r++) {
            double m = (double)r / RC_PERT_ROWS;
            ok = beta_table(1 + lambda * m, 1 + lambda * (1 - m),
                            rows + (size_t)r * (RC_PERT_TABLE + 1)) == 0;
        }
        if (ok) {
            shapes[n_shapes].lambda = lambda;
            shapes[n_shapes].rows = rows;
            n_shapes++;
            found = rows;
        } else {
            free(rows);
        }
    }
    pthread_mutex_unlock(&shapes_mu);
    return found;
}

int rc_dist_prepare(rc_dist *d)
{
    switch (d->kind) {
    case RC_DIST_PERT: {
        double w = d->c - d->a;
        if (w <= 0)
            return 0; /* a point: no table needed */
        d->p1 = 1 + d->lambda * (d->b - d->a) / w;
        d->p2 = 1 + d->lambda * (d->c - d->b) / w;
        d->shape = pert_shape(d->lambda);
        d->shape_pos = (d->b - d->a) / w * RC_PERT_ROWS;
        if (d->shape)
            return 0;
        free(d->table);
        d->table = malloc((RC_PERT_TABLE + 1) * sizeof *d->table);
        if (!d->table)
            return -1;
        return beta_table(d->p1, d->p2, d->table);
    }
    case RC_DIST_LOGNORMAL: {
        double s2 = log1p((d->c * d->c) / (d->a * d->a));
        d->p2 = sqrt(s2);
        d->p1 = log(d->a) - s2 / 2;
        return 0;
    }
    case RC_DIST_TRIGEN:
        return trigen_solve(d);
    case RC_DIST_DISCRETE: {
        free(d->cum);
        d->cum = malloc((size_t)d->n * sizeof *d->cum);
        if (!d->cum)
            return -1;
        double sum = 0, run = 0;
        for (int i = 0; i < d->n; i++)
            sum += d->weights[i];
        for (int i = 0; i < d->n; i++) {
            run += d->weights[i];
            d->cum[i] = run / sum;
        }
        d->cum[d->n - 1] = 1;
        return 0;
    }
    default:
        return 0;
    }
}

double rc_dist_quantile(const rc_dist *d, double u)
{
    switch (d->kind) {
    case RC_DIST_FIXED:
        return d->a;
    case RC_DIST_UNIFORM:
        return d->a + u * (d->c - d->a);
    case RC_DIST_TRIANGULAR:
        return tri_q(d->a, d->b, d->c, u);
    case RC_DIST_PERT:
        if (!d->table && !d->shape)
            return d->a;
        return d->a + (d->c - d->a) * rc_pert_unit(d, u);
    case RC_DIST_TRIGEN:
        return tri_q(d->p1, d->b, d->p2, u);
    case RC_DIST_NORMAL:
        return d->a + d->c * gsl_cdf_ugaussian_Pinv(u);
    case RC_DIST_LOGNORMAL:
        return exp(d->p1 + d->p2 * gsl_cdf_ugaussian_Pinv(u));
    case RC_DIST_DISCRETE: {
        int lo = 0, hi = d->n - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (d->cum[mid] >= u)
                hi = mid;
            else
                lo = mid + 1;
        }
        return d->values[lo];
    }
    }
    return d->a;
}

double rc_dist_plan(const rc_dist *d)
{
    switch (d->kind) {
    case RC_DIST_FIXED:
        return d->a;
    case RC_DIST_UNIFORM:
        return 0.5 * (d->a + d->c);
    case RC_DIST_TRIANGULAR:
    case RC_DIST_PERT:
    case RC_DIST_TRIGEN:
        return d->b;
    case RC_DIST_NORMAL:
        return d->a;
    case RC_DIST_LOGNORMAL:
        return exp(d->p1); /* the median */
    case RC_DIST_DISCRETE: {
        int best = 0;
        for (int i = 1; i < d->n; i++)
            if (d->weights[i] > d->weights[best])
                best = i;
        return d->n > 0 ? d->values[best] : 0;
    }
    }
    return d->a;
}

bool rc_dist_is_fixed(const rc_dist *d)
{
    switch (d->kind) {
    case RC_DIST_FIXED:
        return true;
    case RC_DIST_UNIFORM:
    case RC_DIST_TRIANGULAR:
    case RC_DIST_PERT:
    case RC_DIST_TRIGEN:
        return d->a == d->c;
    case RC_DIST_NORMAL:
    case RC_DIST_LOGNORMAL:
        return d->c == 0;
    case RC_DIST_DISCRETE: {
        int nz = 0;
        double v = 0;
        for (int i = 0; i < d->n; i++)
            if (d->weights[i] > 0) {
                if (nz && d->values[i] != v)
                    return false;
                v = d->values[i];
                nz = 1;
            }
        return true;
    }
    }
    return false;
}

bool rc_dist_moments(const rc_dist *d, double *mean, double *var)
{
    double a = d->a, b = d->b, c = d->c;
    switch (d->kind) {
    case RC_DIST_FIXED:
        *mean = a, *var = 0;
        return true;
    case RC_DIST_UNIFORM:
        *mean = (a + c) / 2, *var = (c - a) * (c - a) / 12;
        return true;
    case RC_DIST_TRIANGULAR:
        *mean = (a + b + c) / 3;
        *var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
        return true;
    case RC_DIST_TRIGEN: {
        double lo = d->p1, hi = d->p2;
        *mean = (lo + b + hi) / 3;
        *var = (lo * lo + b * b + hi * hi - lo * b - lo * hi - b * hi) / 18;
        return true;
    }
    case RC_DIST_PERT: {
        if (c <= a) {
            *mean = a, *var = 0;
            return true;
        }
        double al = d->p1, be = d->p2, w = c - a;
        *mean = a + w * al / (al + be);
        *var = w * w * al * be / ((al + be) * (al + be) * (al + be + 1));
        return true;
    }
    case RC_DIST_NORMAL:
    case RC_DIST_LOGNORMAL:
        *mean = a, *var = c * c;
        return true;
    case RC_DIST_DISCRETE: {
        double sw = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < d->n; i++) {
            sw += d->weights[i];
            s1 += d->weights[i] * d->values[i];
        }
        if (sw <= 0)
            return false;
        *mean = s1 / sw;
        for (int i = 0; i < d->n; i++)
            s2 += d->weights[i] * (d->values[i] - *mean) * (d->values[i] - *mean);
        *var = s2 / sw;
        return true;
    }
    }
    return false;
}
