/* stats.c - percentiles, moments and their precision.
 *
 * P-q of n samples is the smallest sample x with at least q n samples <= x:
 * in sorted order the k-th with k = ceil(q n) (1-based).
 * Its 95% confidence interval is distribution-free: the order statistics
 * j = floor(n q - z sqrt(n q (1-q))) and k = ceil(n q + z sqrt(n q (1-q)))
 * bracket the true quantile with probability about 95% (the binomial count of
 * samples below it, by its normal approximation; z = 1.959964).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim.h"

const int rc_pct_keys[RC_NPCT] = {5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95};

/* q n is computed in floating point; 0.8 * 10000 must count as 8000, so a
 * relative error of this size is forgiven before rounding up. */
#define RC_QN_EPS 1e-12
#define RC_Z95 1.959963984540054

static long rank_k(long n, double q)
{
    double qn = q * (double)n;
    long k = (long)ceil(qn - RC_QN_EPS * (qn > 1 ? qn : 1));
    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return k;
}

double rc_percentile_sorted(const double *sorted, long n, double q)
{
    if (n <= 0)
        return NAN;
    return sorted[rank_k(n, q) - 1];
}

/* The K-th smallest (from 0) of the N values X, which it reorders so that
 * the K first are no larger: Hoare's partition around the median of three.
 * One body for doubles and floats. */
#define RC_SELECT_KTH(name, T)                                                  \
    T name(T *x, long n, long k)                                                \
    {                                                                           \
        long lo = 0, hi = n - 1;                                                \
        while (lo < hi) {                                                       \
            long mid = lo + (hi - lo) / 2;                                      \
            T a = x[lo], b = x[mid], c = x[hi];                                 \
            T pivot = a < b ? (b < c ? b : (a < c ? c : a))                     \
                            : (a < c ? a : (b < c ? c : b));                    \
            long i = lo, j = hi;                                                \
            while (i <= j) {                                                    \
                while (x[i] < pivot)                                            \
                    i++;                                                        \
                while (x[j] > pivot)                                            \
                    j--;                                                        \
                if (i <= j) {                                                   \
                    T t = x[i];                                                 \
                    x[i] = x[j];                                                \
                    x[j] = t;                                                   \
                    i++, j--;                                                   \
                }                                                               \
            }                                                                   \
            if (k <= j)                                                         \
                hi = j;                                                         \
            else if (k >= i)                                                    \
                lo = i;                                                         \
            else                                                                \
                return x[k];                                                    \
        }                                                                       \
        return x[k];                                                            \
    }

static RC_SELECT_KTH(select_kth, double)
RC_SELECT_KTH(rc_select_kth_float, float)

double rc_select_percentile(double *x, long n, double q)
{
    if (n <= 0)
        return NAN;
    return select_kth(x, n, rank_k(n, q) - 1);
}

static rc_interval pct_ci(const double *sorted, long n, double q)
{
    double nq = (double)n * q, h = RC_Z95 * sqrt(nq * (1 - q));
    long j = (long)floor(nq - h), k = (long)ceil(nq + h);
    if (j < 1)
        j = 1;
    if (k > n)
        k = n;
    if (k < j)
        k = j;
    rc_interval iv = {sorted[j - 1], sorted[k - 1]};
    return iv;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int rc_stats_compute(const double *x, long n, double plan, double c, rc_stats *s)
{
    memset(s, 0, sizeof *s);
    if (n <= 0)
        return -1;
    double *sorted = malloc((size_t)n * sizeof *sorted);
    if (!sorted)
        return -1;
    memcpy(sorted, x, (size_t)n * sizeof *sorted);
    qsort(sorted, (size_t)n, sizeof *sorted, cmp_double);
    double sum = 0;
    for (long i = 0; i < n; i++)
        sum += x[i];
    s->mean = sum / (double)n;
    double ss = 0;
    for (long i = 0; i < n; i++)
        ss += (x[i] - s->mean) * (x[i] - s->mean);
    s->sd = n > 1 ? sqrt(ss / (double)(n - 1)) : 0;
    s->min = sorted[0];
    s->max = sorted[n - 1];
    for (int k = 0; k < RC_NPCT; k++) {
        double q = rc_pct_keys[k] / 100.0;
        s->pct[k] = rc_percentile_sorted(sorted, n, q);
        s->pct_ci[k] = pct_ci(sorted, n, q);
    }
    s->at_conf = rc_percentile_sorted(sorted, n, c);
    s->at_conf_ci = pct_ci(sorted, n, c);
    if (isnan(plan)) {
        s->plan_probability = NAN;
    } else {
        long lo = 0, hi = n; /* first index with sorted > plan */
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (sorted[mid] <= plan)
                lo = mid + 1;
            else
                hi = mid;
        }
        s->plan_probability = (double)lo / (double)n;
    }
    free(sorted);
    return 0;
}
