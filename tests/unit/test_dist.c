/* test_dist.c - every distribution against its true mean, sd and quantiles.
 *
 * Samples are drawn the way the engine draws them: the inverse CDF
 * (rc_dist_quantile) of the counter-based uniforms of rng.h, with fixed keys,
 * so every run sees the same numbers. Tolerances are Monte Carlo standard
 * errors, never tuned by hand:
 *   - a mean: K_SE sd / sqrt(n);
 *   - a variance: K_SE sqrt((m4 - s^4) / n), the large-sample standard error
 *     of the sample variance, with the fourth central moment m4 estimated
 *     from the same sample;
 *   - a quantile x_q known exactly: the fraction of samples <= x_q is within
 *     K_SE sqrt(q (1 - q) / n) of q (binomial, distribution-free);
 *   - a probability p: K_SE sqrt(p (1 - p) / n).
 * K_SE = 4: a correct engine fails one such check with probability about
 * 6e-5. The exact answers are written out in the test from the textbook
 * formulas (not read back from the engine), with high-entropy parameters.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "dist.h"
#include "lanes.h"
#include "rng.h"
#include "test.h"

#define K_SE 4.0
#define NS 100000L

static const double qs[] = {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
#define NQ ((int)(sizeof qs / sizeof qs[0]))

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* N samples of D from the uniforms of key TAG, sorted. Caller frees. */
static double *draw(const rc_dist *d, long n, const char *tag)
{
    double *x = malloc((size_t)n * sizeof *x);
    uint64_t key = rc_rng_key(20270104, tag);
    for (long i = 0; i < n; i++)
        x[i] = rc_dist_quantile(d, rc_uniform(key, (uint64_t)i, 0));
    qsort(x, (size_t)n, sizeof *x, cmp_d);
    return x;
}

/* Fraction of the sorted X that are <= V. */
static double ecdf(const double *x, long n, double v)
{
    long lo = 0, hi = n;
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (x[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (double)lo / (double)n;
}

/* Sample mean and variance of X within their standard errors of MEAN, VAR. */
static void check_moments(const double *x, long n, double mean, double var)
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

/* The fraction of samples <= x_q is q, for each exact quantile XQ[k] of qs[k]. */
static void check_quantiles(const double *x, long n, const double *xq)
{
    for (int k = 0; k < NQ; k++)
        CHECK_NEAR(ecdf(x, n, xq[k]), qs[k], K_SE * sqrt(qs[k] * (1 - qs[k]) / (double)n));
}

static rc_dist make(rc_dist_kind kind, double a, double b, double c)
{
    rc_dist d;
    rc_dist_fixed(&d, 0);
    d.kind = kind;
    d.a = a, d.b = b, d.c = c;
    return d;
}

/* rc_dist_moments agrees with the exact MEAN and VAR. */
static void check_engine_moments(const rc_dist *d, double mean, double var)
{
    double m = NAN, v = NAN;
    CHECK(rc_dist_moments(d, &m, &v));
    CHECK_NEAR(m, mean, 1e-9 * (1 + fabs(mean)));
    CHECK_NEAR(v, var, 1e-9 * (1 + var));
}

TEST(uniform)
{
    double a = 2.385, c = 7.913;
    rc_dist d = make(RC_DIST_UNIFORM, a, 0, c);
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double mean = (a + c) / 2, var = (c - a) * (c - a) / 12, xq[NQ];
    for (int k = 0; k < NQ; k++)
        xq[k] = a + qs[k] * (c - a);
    double *x = draw(&d, NS, "uniform");
    CHECK(x[0] >= a && x[NS - 1] <= c);
    check_moments(x, NS, mean, var);
    check_quantiles(x, NS, xq);
    check_engine_moments(&d, mean, var);
    CHECK_NEAR(rc_dist_plan(&d), (a + c) / 2, 1e-12); /* no likely: the median */
    free(x);
    rc_dist_delete(&d);
}

/* The triangular CDF and quantile, from the density 2(x-a)/((c-a)(b-a)) on
 * [a, b] and 2(c-x)/((c-a)(c-b)) on [b, c]. */
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

static double tri_quantile(double a, double b, double c, double q)
{
    double fb = (b - a) / (c - a);
    return q <= fb ? a + sqrt(q * (c - a) * (b - a)) : c - sqrt((1 - q) * (c - a) * (c - b));
}

TEST(triangular)
{
    double a = 1.237, b = 3.862, c = 9.415;
    rc_dist d = make(RC_DIST_TRIANGULAR, a, b, c);
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double mean = (a + b + c) / 3, var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    double xq[NQ];
    for (int k = 0; k < NQ; k++)
        xq[k] = tri_quantile(a, b, c, qs[k]);
    double *x = draw(&d, NS, "triangular");
    check_moments(x, NS, mean, var);
    check_quantiles(x, NS, xq);
    check_engine_moments(&d, mean, var);
    CHECK_NEAR(rc_dist_plan(&d), b, 0);
    /* the inverse CDF inverts the CDF everywhere, both sides of the mode */
    for (double u = 0.0005; u < 1; u += 0.0173)
        CHECK_NEAR(tri_cdf(a, b, c, rc_dist_quantile(&d, u)), u, 1e-12);
    free(x);
    rc_dist_delete(&d);
    /* a mode at either end */
    rc_dist l = make(RC_DIST_TRIANGULAR, a, a, c), r = make(RC_DIST_TRIANGULAR, a, c, c);
    for (double u = 0.0005; u < 1; u += 0.0173) {
        CHECK_NEAR(rc_dist_quantile(&l, u), c - sqrt((1 - u) * (c - a) * (c - a)), 1e-12);
        CHECK_NEAR(rc_dist_quantile(&r, u), a + sqrt(u * (c - a) * (c - a)), 1e-12);
    }
}

/* PERT: Beta(alpha, beta) on [a, c], alpha = 1 + lambda (b-a)/(c-a),
 * beta = 1 + lambda (c-b)/(c-a); mean (a + lambda b + c) / (lambda + 2),
 * variance (mean - a)(c - mean) / (lambda + 3). */
static void pert_case(double a, double b, double c, double lambda, const char *tag)
{
    rc_dist d = make(RC_DIST_PERT, a, b, c);
    d.lambda = lambda;
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double w = c - a, al = 1 + lambda * (b - a) / w, be = 1 + lambda * (c - b) / w;
    double mean = (a + lambda * b + c) / (lambda + 2), var = (mean - a) * (c - mean) / (lambda + 3);
    double xq[NQ];
    for (int k = 0; k < NQ; k++)
        xq[k] = a + w * gsl_cdf_beta_Pinv(qs[k], al, be);
    double *x = draw(&d, NS, tag);
    check_moments(x, NS, mean, var);
    check_quantiles(x, NS, xq);
    check_engine_moments(&d, mean, var);
    CHECK_NEAR(rc_dist_plan(&d), b, 0);
    /* The tabulated inverse CDF interpolates between exact points
     * u = i / RC_PERT_TABLE; being monotone, its value at u lies between
     * those of the neighbouring points, so F(Q(u)) is within one table step
     * of u (plus the float rounding of the table, far smaller). */
    double step = 1.0 / RC_PERT_TABLE;
    for (double u = 1e-6; u < 1; u += 0.00731) {
        double y = (rc_dist_quantile(&d, u) - a) / w;
        CHECK_NEAR(gsl_cdf_beta_P(y, al, be), u, step + 1e-6);
    }
    free(x);
    rc_dist_delete(&d);
}

TEST(pert_lambda_4) { pert_case(2.385, 4.117, 11.73, 4, "pert4"); }
TEST(pert_lambda_2_719) { pert_case(3.141, 3.592, 8.276, 2.719, "pert2719"); }
TEST(pert_lambda_0_is_uniform)
{
    pert_case(1.618, 5.0, 7.389, 0, "pert0");
    rc_dist d = make(RC_DIST_PERT, 1.618, 5.0, 7.389);
    d.lambda = 0;
    rc_dist_prepare(&d);
    for (double u = 0.01; u < 1; u += 0.0613)
        CHECK_NEAR(rc_dist_quantile(&d, u), 1.618 + u * (7.389 - 1.618), 1e-6);
    rc_dist_delete(&d);
}

TEST(trigen)
{
    /* a triangular whose 10th and 90th percentiles are 3.107 and 8.943 */
    double low = 3.107, likely = 4.712, high = 8.943, lp = 10, hp = 90;
    rc_dist d = make(RC_DIST_TRIGEN, low, likely, high);
    d.low_pct = lp, d.high_pct = hp;
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double t0 = d.p1, t1 = d.p2;
    CHECK(t0 < low && t1 > high);
    /* the defining property, exactly */
    CHECK_NEAR(tri_cdf(t0, likely, t1, low), lp / 100, 1e-9);
    CHECK_NEAR(tri_cdf(t0, likely, t1, high), hp / 100, 1e-9);
    double *x = draw(&d, NS, "trigen");
    /* and statistically: the samples' own percentiles */
    CHECK_NEAR(ecdf(x, NS, low), lp / 100, K_SE * sqrt(0.1 * 0.9 / NS));
    CHECK_NEAR(ecdf(x, NS, high), hp / 100, K_SE * sqrt(0.9 * 0.1 / NS));
    double mean = (t0 + likely + t1) / 3,
           var = (t0 * t0 + likely * likely + t1 * t1 - t0 * likely - t0 * t1 - likely * t1) / 18;
    double xq[NQ];
    for (int k = 0; k < NQ; k++)
        xq[k] = tri_quantile(t0, likely, t1, qs[k]);
    check_moments(x, NS, mean, var);
    check_quantiles(x, NS, xq);
    check_engine_moments(&d, mean, var);
    CHECK_NEAR(rc_dist_plan(&d), likely, 0);
    free(x);
    rc_dist_delete(&d);

    /* asymmetric percentiles, and a likely equal to low */
    rc_dist e = make(RC_DIST_TRIGEN, 2.5, 2.5, 6.25);
    e.low_pct = 5, e.high_pct = 80;
    CHECK_INT(rc_dist_prepare(&e), 0);
    CHECK_NEAR(tri_cdf(e.p1, 2.5, e.p2, 2.5), 0.05, 1e-9);
    CHECK_NEAR(tri_cdf(e.p1, 2.5, e.p2, 6.25), 0.80, 1e-9);
    rc_dist_delete(&e);
}

TEST(normal)
{
    double mu = 12.37, sd = 2.419;
    rc_dist d = make(RC_DIST_NORMAL, mu, 0, sd);
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double xq[NQ];
    for (int k = 0; k < NQ; k++)
        xq[k] = mu + sd * gsl_cdf_ugaussian_Pinv(qs[k]);
    double *x = draw(&d, NS, "normal");
    check_moments(x, NS, mu, sd * sd);
    check_quantiles(x, NS, xq);
    check_engine_moments(&d, mu, sd * sd);
    CHECK_NEAR(rc_dist_plan(&d), mu, 0);
    free(x);
    rc_dist_delete(&d);
}

/* Lognormal given the mean m and sd s of the variable itself:
 * sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2/2; the median is e^mu. */
TEST(lognormal_from_mean_sd)
{
    double m = 8.315, s = 3.127;
    rc_dist d = make(RC_DIST_LOGNORMAL, m, 0, s);
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double sig = sqrt(log(1 + s * s / (m * m))), mu = log(m) - sig * sig / 2;
    double xq[NQ];
    for (int k = 0; k < NQ; k++)
        xq[k] = exp(mu + sig * gsl_cdf_ugaussian_Pinv(qs[k]));
    double *x = draw(&d, NS, "lognormal");
    CHECK(x[0] > 0);
    check_moments(x, NS, m, s * s);
    check_quantiles(x, NS, xq);
    check_engine_moments(&d, m, s * s);
    CHECK_NEAR(rc_dist_plan(&d), exp(mu), 1e-12 * exp(mu));
    free(x);
    rc_dist_delete(&d);
}

TEST(discrete)
{
    double v[] = {1.5, 2.75, 4.125, 7.5, 9.0}, w[] = {0.15, 0.35, 0.2, 0.3, 0};
    rc_dist d;
    rc_dist_fixed(&d, 0);
    d.kind = RC_DIST_DISCRETE;
    d.n = 5;
    d.values = malloc(sizeof v), d.weights = malloc(sizeof w);
    memcpy(d.values, v, sizeof v), memcpy(d.weights, w, sizeof w);
    CHECK(rc_dist_check(&d) == NULL);
    CHECK_INT(rc_dist_prepare(&d), 0);
    double mean = 0, var = 0;
    for (int i = 0; i < 5; i++)
        mean += w[i] * v[i];
    for (int i = 0; i < 5; i++)
        var += w[i] * (v[i] - mean) * (v[i] - mean);
    double *x = draw(&d, NS, "discrete");
    check_moments(x, NS, mean, var);
    check_engine_moments(&d, mean, var);
    /* each value's frequency is its weight; a zero weight never occurs */
    for (int i = 0; i < 5; i++) {
        long cnt = 0;
        for (long j = 0; j < NS; j++)
            cnt += x[j] == v[i];
        CHECK_NEAR((double)cnt / NS, w[i], K_SE * sqrt(w[i] * (1 - w[i]) / NS));
    }
    CHECK(x[NS - 1] == 7.5);
    /* exact steps of the inverse CDF: the first value whose cumulative weight >= u */
    CHECK(rc_dist_quantile(&d, 0.1499) == 1.5);
    CHECK(rc_dist_quantile(&d, 0.1501) == 2.75);
    CHECK(rc_dist_quantile(&d, 0.6999) == 4.125);
    CHECK(rc_dist_quantile(&d, 0.7001) == 7.5);
    CHECK(rc_dist_quantile(&d, 0.999999) == 7.5);
    CHECK(rc_dist_quantile(&d, 1 - 0x1p-54) == 7.5); /* the largest uniform */
    CHECK(rc_dist_plan(&d) == 2.75); /* the most weighted value */
    /* ties: the first of the most weighted */
    d.weights[0] = 0.35;
    CHECK(rc_dist_plan(&d) == 1.5);
    /* unnormalised weights mean the same */
    for (int i = 0; i < 5; i++)
        d.weights[i] = w[i] * 7.25;
    CHECK_INT(rc_dist_prepare(&d), 0);
    CHECK(rc_dist_quantile(&d, 0.1499) == 1.5);
    CHECK(rc_dist_quantile(&d, 0.7001) == 7.5);
    free(x);
    rc_dist_delete(&d);
}

TEST(fixed_and_degenerate)
{
    rc_dist d;
    rc_dist_fixed(&d, 6.283);
    CHECK(rc_dist_is_fixed(&d));
    CHECK(rc_dist_quantile(&d, 0.37) == 6.283);
    CHECK(rc_dist_plan(&d) == 6.283);
    rc_dist p = make(RC_DIST_PERT, 4.5, 4.5, 4.5);
    p.lambda = 4;
    CHECK_INT(rc_dist_prepare(&p), 0);
    CHECK(rc_dist_is_fixed(&p));
    CHECK(rc_dist_quantile(&p, 0.77) == 4.5);
    rc_dist t = make(RC_DIST_TRIANGULAR, 2.2, 2.2, 2.2);
    CHECK(rc_dist_is_fixed(&t));
    CHECK(rc_dist_quantile(&t, 0.3) == 2.2);
    rc_dist n = make(RC_DIST_NORMAL, 3.3, 0, 0);
    CHECK(rc_dist_is_fixed(&n));
    CHECK(rc_dist_quantile(&n, 0.9) == 3.3);
    rc_dist tri = make(RC_DIST_TRIANGULAR, 1, 2, 3);
    CHECK(!rc_dist_is_fixed(&tri));
    rc_dist_delete(&p);
}

TEST(checks_reject_bad_parameters)
{
    rc_dist d = make(RC_DIST_TRIANGULAR, 5, 4, 9);
    CHECK(rc_dist_check(&d) != NULL);               /* likely < min */
    d = make(RC_DIST_TRIANGULAR, 5, 10, 9);
    CHECK(rc_dist_check(&d) != NULL);               /* likely > max */
    d = make(RC_DIST_UNIFORM, 9, 0, 5);
    CHECK(rc_dist_check(&d) != NULL);               /* min > max */
    d = make(RC_DIST_PERT, 1, 2, 3);
    d.lambda = -0.5;
    CHECK(rc_dist_check(&d) != NULL);
    d = make(RC_DIST_NORMAL, 1, 0, -0.1);
    CHECK(rc_dist_check(&d) != NULL);               /* sd < 0 */
    d = make(RC_DIST_LOGNORMAL, -1, 0, 1);
    CHECK(rc_dist_check(&d) != NULL);               /* mean <= 0 */
    d = make(RC_DIST_TRIGEN, 1, 2, 3);
    d.low_pct = 90, d.high_pct = 10;
    CHECK(rc_dist_check(&d) != NULL);
    d.low_pct = 0, d.high_pct = 90;
    CHECK(rc_dist_check(&d) != NULL);
    d = make(RC_DIST_UNIFORM, NAN, 0, 5);
    CHECK(rc_dist_check(&d) != NULL);
    double v[] = {1, 2}, w[] = {0, 0};
    d = make(RC_DIST_DISCRETE, 0, 0, 0);
    d.n = 2, d.values = v, d.weights = w;
    CHECK(rc_dist_check(&d) != NULL);               /* no positive weight */
    w[1] = -1;
    CHECK(rc_dist_check(&d) != NULL);               /* negative weight */
}

/* The loop's lane-wise uniforms and normal quantiles (lanes.h) are the same
 * bits as the scalar ones: rc_uniform_at() and GSL's inverse, on a million
 * uniforms, both sides of the central part's edges (|u - 1/2| = 0.425) and
 * the extremes the copula clamps to. */
TEST(lanes_are_the_scalar_bits)
{
    long bad_u = 0, bad_z = 0;
    uint64_t key = rc_rng_key(7, "lanes");
    for (long i = 0; i < 1000000; i += NL) {
        uint64_t h[NL];
        double u[NL], z[NL];
        for (int j = 0; j < NL; j++)
            h[j] = rc_uniform_ctr((uint64_t)(i + j), 0);
        uniform_lanes(key, h, u);
        for (int j = 0; j < NL; j++)
            bad_u += memcmp(&u[j], &(double){rc_uniform_at(key, h[j])}, sizeof(double)) != 0;
        norm_inv_lanes(u, z);
        for (int j = 0; j < NL; j++)
            bad_z += memcmp(&z[j], &(double){gsl_cdf_ugaussian_Pinv(u[j])}, sizeof(double)) != 0;
    }
    CHECK_INT(bad_u, 0);
    CHECK_INT(bad_z, 0);
    const double edge[] = {0.075, 0.925, 0.5, 0x1p-53, 1 - 0x1p-53, 0.3, 0.9999};
    for (int e = 0; e < (int)(sizeof edge / sizeof edge[0]); e++) {
        double u[NL] = {nextafter(edge[e], 0), edge[e], nextafter(edge[e], 1), 1 - edge[e]}, z[NL];
        norm_inv_lanes(u, z);
        for (int j = 0; j < NL; j++)
            CHECK(memcmp(&z[j], &(double){gsl_cdf_ugaussian_Pinv(u[j])}, sizeof(double)) == 0);
    }
}

int main(void)
{
    RUN(uniform);
    RUN(triangular);
    RUN(pert_lambda_4);
    RUN(pert_lambda_2_719);
    RUN(pert_lambda_0_is_uniform);
    RUN(trigen);
    RUN(normal);
    RUN(lognormal_from_mean_sd);
    RUN(discrete);
    RUN(fixed_and_degenerate);
    RUN(checks_reject_bad_parameters);
    RUN(lanes_are_the_scalar_bits);
    return TEST_END();
}
