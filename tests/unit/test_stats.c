/* test_stats.c - percentiles (SPEC §2: the P-q value of n samples is the
 * smallest sample x with at least q n samples <= x), moments, the plan
 * probability, and the coverage of the percentiles' confidence intervals
 * against its exact binomial value. */
#include <stdlib.h>

#include <gsl/gsl_cdf.h>

#include "rng.h"
#include "sim.h"
#include "test.h"

#define K_SE 4.0   /* standard errors allowed to a statistical check */

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The definition, by brute force: the smallest x in X with at least q n
 * values <= x (q n compared exactly, in integers where q = num/den). */
static double pq_brute(const double *x, long n, long num, long den)
{
    double best = INFINITY;
    for (long i = 0; i < n; i++) {
        long cnt = 0;
        for (long j = 0; j < n; j++)
            cnt += x[j] <= x[i];
        if (cnt * den >= num * n && x[i] < best)
            best = x[i];
    }
    return best;
}

TEST(percentile_definition)
{
    double s[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    CHECK(rc_percentile_sorted(s, 10, 0.8) == 8);   /* 8 of 10 <= 8 */
    CHECK(rc_percentile_sorted(s, 10, 0.81) == 9);
    CHECK(rc_percentile_sorted(s, 10, 0.05) == 1);  /* 0.5 of a sample: the first */
    CHECK(rc_percentile_sorted(s, 10, 0.5) == 5);
    CHECK(rc_percentile_sorted(s, 10, 0.95) == 10);
    CHECK(rc_percentile_sorted(s, 10, 1.0) == 10);
    CHECK(rc_percentile_sorted(s, 1, 0.3) == 1);
    CHECK(isnan(rc_percentile_sorted(s, 0, 0.5)));
    /* ties: 3 of 5 are <= 2 */
    double t[5] = {1, 2, 2, 2, 3};
    CHECK(rc_percentile_sorted(t, 5, 0.5) == 2);
    CHECK(rc_percentile_sorted(t, 5, 0.8) == 2);
    CHECK(rc_percentile_sorted(t, 5, 0.81) == 3);
    /* q n that floating point puts a hair above an integer: 0.07 x 100 is
     * 7.000000000000001 in doubles, yet exactly 7 samples suffice */
    double h[100];
    for (int i = 0; i < 100; i++)
        h[i] = i + 1;
    CHECK(0.07 * 100 > 7.0);
    CHECK(rc_percentile_sorted(h, 100, 0.07) == 7);
    CHECK(rc_percentile_sorted(h, 100, 0.29) == 29);
    CHECK(rc_percentile_sorted(h, 100, 0.57) == 57);
    for (int k = 1; k < 100; k++)
        CHECK(rc_percentile_sorted(h, 100, k / 100.0) == k);
}

TEST(percentile_against_brute_force)
{
    /* random lengths and values (with ties), every SPEC percentile */
    uint64_t key = rc_rng_key(7, "pct");
    int bad = 0;
    for (int rep = 0; rep < 300; rep++) {
        long n = 1 + (long)(rc_uniform(key, (uint64_t)rep, 0) * 137);
        double *x = malloc((size_t)n * sizeof *x);
        for (long i = 0; i < n; i++)
            x[i] = floor(rc_uniform(key, (uint64_t)rep, (uint64_t)i + 1) * 23) * 0.375;
        qsort(x, (size_t)n, sizeof *x, cmp_d);
        for (int k = 0; k < RC_NPCT; k++) {
            double got = rc_percentile_sorted(x, n, rc_pct_keys[k] / 100.0);
            if (got != pq_brute(x, n, rc_pct_keys[k], 100))
                bad++;
        }
        free(x);
    }
    CHECK_INT(bad, 0);
}

TEST(stats_compute)
{
    double x[] = {4.25, 1.5, 9.75, 3.0, 3.0, 7.125, 2.5, 8.0};
    long n = 8;
    rc_stats s;
    CHECK_INT(rc_stats_compute(x, n, 3.0, 0.8, &s), 0);
    double mean = 0, ss = 0;
    for (long i = 0; i < n; i++)
        mean += x[i];
    mean /= n;
    for (long i = 0; i < n; i++)
        ss += (x[i] - mean) * (x[i] - mean);
    CHECK_NEAR(s.mean, mean, 1e-12);
    CHECK_NEAR(s.sd, sqrt(ss / (n - 1)), 1e-12);
    CHECK(s.min == 1.5 && s.max == 9.75);
    CHECK_NEAR(s.plan_probability, 4.0 / 8, 0);   /* 1.5, 2.5, 3, 3 are <= 3 */
    CHECK(s.at_conf == 8.0);                       /* 0.8 x 8 = 6.4: the 7th */
    double sorted[8];
    memcpy(sorted, x, sizeof sorted);
    qsort(sorted, 8, sizeof *sorted, cmp_d);
    for (int k = 0; k < RC_NPCT; k++) {
        CHECK(s.pct[k] == pq_brute(x, n, rc_pct_keys[k], 100));
        CHECK(s.pct_ci[k].lo <= s.pct[k] && s.pct[k] <= s.pct_ci[k].hi);
    }
    CHECK_INT(rc_stats_compute(x, n, NAN, 0.5, &s), 0);
    CHECK(isnan(s.plan_probability));
    CHECK(s.at_conf == 3.0);
    /* below every sample, above every sample */
    rc_stats_compute(x, n, 1.0, 0.8, &s);
    CHECK(s.plan_probability == 0);
    rc_stats_compute(x, n, 9.75, 0.8, &s);
    CHECK(s.plan_probability == 1);
    CHECK(rc_stats_compute(x, 0, 1, 0.8, &s) != 0);
}

/* The 95% interval of a percentile is [X(j), X(k)] with j, k order
 * statistics; for continuous data it covers the true quantile x_q exactly
 * when j <= B <= k - 1, B ~ Binomial(n, q) the count of samples <= x_q.
 * The test finds j and k from the interval's end points and compares the
 * coverage over R replications with that binomial probability, within K_SE
 * binomial standard errors. */
TEST(percentile_interval_coverage)
{
    const long n = 1000;
    const int R = 4000;
    const double qv[] = {0.1, 0.5, 0.8, 0.95};
    uint64_t key = rc_rng_key(11, "coverage");
    double *x = malloc((size_t)n * sizeof *x), *sorted = malloc((size_t)n * sizeof *sorted);
    for (int a = 0; a < 4; a++) {
        double q = qv[a];
        int covered = 0;
        long j = 0, k = 0;
        for (int rep = 0; rep < R; rep++) {
            for (long i = 0; i < n; i++)
                x[i] = rc_uniform(key, (uint64_t)rep, (uint64_t)i); /* x_q = q */
            rc_stats s;
            rc_stats_compute(x, n, NAN, q, &s);
            covered += s.at_conf_ci.lo <= q && q <= s.at_conf_ci.hi;
            if (rep == 0) {
                memcpy(sorted, x, (size_t)n * sizeof *x);
                qsort(sorted, (size_t)n, sizeof *sorted, cmp_d);
                for (long i = 0; i < n; i++) {
                    if (sorted[i] == s.at_conf_ci.lo)
                        j = i + 1;
                    if (sorted[i] == s.at_conf_ci.hi)
                        k = i + 1;
                }
                CHECK(j < k);
            }
        }
        double exact = gsl_cdf_binomial_P((unsigned)(k - 1), q, (unsigned)n) -
                       (j > 0 ? gsl_cdf_binomial_P((unsigned)(j - 1), q, (unsigned)n) : 0);
        CHECK(exact > 0.94 && exact < 0.97);   /* it is a 95% interval */
        CHECK_NEAR((double)covered / R, exact, K_SE * sqrt(exact * (1 - exact) / R));
    }
    free(x);
    free(sorted);
}

int main(void)
{
    RUN(percentile_definition);
    RUN(percentile_against_brute_force);
    RUN(stats_compute);
    RUN(percentile_interval_coverage);
    return TEST_END();
}
