/* lanes.h - the simulation loop's arithmetic on NL iterations side by side.
 *
 * GCC's vector types: SSE2, or AVX2 where the processor has it (the loop's
 * functions are built twice, LANES_TARGET). A lane does the operations of
 * its iteration alone, in the same order and without contraction (the
 * build has -ffp-contract=off), so each lane's result is the same bits as
 * the scalar code's for that iteration.
 */
#ifndef RC_LANES_H
#define RC_LANES_H

#include <stdint.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#define NL 4 /* iterations side by side in the loop */

typedef double vd __attribute__((vector_size(NL * sizeof(double))));
typedef int64_t vm __attribute__((vector_size(NL * sizeof(int64_t))));
typedef double vd_at __attribute__((vector_size(NL * sizeof(double)), aligned(sizeof(double)), may_alias));
typedef uint64_t vq __attribute__((vector_size(NL * sizeof(uint64_t))));
#define VAT(x) (*(vd_at *)(x))                      /* the NL lanes at x */
#define VSPLAT(a) ((a) - (vd){0})                    /* a in every lane (x - 0 is x) */
#define VSEL(m, x, y) ((vd)(((m) & (vm)(x)) | (~(m) & (vm)(y))))  /* m ? x : y */
#define VMAX(x, y) VSEL((x) > (y), x, y)             /* x > y ? x : y, as the scalar code */
#define VMIN(x, y) VSEL((x) < (y), x, y)

/* The NL x NL transpose of rows R[0..NL) (R[t][j]: lane j of row t) into
 * columns C[j][t]: four tasks' lanes turned into one vector per lane, so
 * that sums taken lane by lane in order run on four tasks at once. */
#if NL != 4
#error "lanes_transpose() is written for four lanes"
#endif
#define VSHUF(a, b, i, j, k, l) __builtin_shufflevector(a, b, i, j, k, l)
static inline __attribute__((always_inline)) void lanes_transpose(const vd *r, vd *c)
{
    vd t0 = VSHUF(r[0], r[1], 0, 4, 2, 6), t1 = VSHUF(r[0], r[1], 1, 5, 3, 7);
    vd t2 = VSHUF(r[2], r[3], 0, 4, 2, 6), t3 = VSHUF(r[2], r[3], 1, 5, 3, 7);
    c[0] = VSHUF(t0, t2, 0, 1, 4, 5), c[1] = VSHUF(t1, t3, 0, 1, 4, 5);
    c[2] = VSHUF(t0, t2, 2, 3, 6, 7), c[3] = VSHUF(t1, t3, 2, 3, 6, 7);
}

/* The loop's functions: an AVX2 clone beside the default one (define
 * LANES_TARGET empty to build the default alone). Not under the address
 * and thread sanitizers: the clone's resolver runs while the program is
 * loaded, before their run-time is ready (a crash under ThreadSanitizer). */
#ifndef LANES_TARGET
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define LANES_TARGET __attribute__((target_clones("avx2", "default")))
#else
#define LANES_TARGET
#endif
#endif

/* rc_uniform_at(KEY, H[j]) of rng.h in each lane OUT[j], the same bits:
 * z >> 11 (below 2^53) is converted exactly from its two halves, each put
 * in the mantissa of a power of two and that power taken off. */
static inline __attribute__((always_inline)) void uniform_lanes(uint64_t key, const uint64_t *h, double *out)
{
    vq z;
    memcpy(&z, h, sizeof z);
    z += key;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z = (z ^ (z >> 31)) >> 11;
    vq lo = (z & 0xffffffffULL) | 0x4330000000000000ULL;  /* 2^52 + lo */
    vq hi = (z >> 32) | 0x4530000000000000ULL;            /* 2^84 + hi x 2^32 */
    vd x, y;
    memcpy(&x, &hi, sizeof x);
    memcpy(&y, &lo, sizeof y);
    x = (x - 0x1.00000001p84) + y;                        /* hi x 2^32 - 2^52 + 2^52 + lo */
    VAT(out) = (x + 0.5) * 0x1p-53;
}

/* gsl_cdf_ugaussian_Pinv(U[j]) in each lane Z[j], the same bits. GSL uses
 * Wichura's AS 241; in its central part, |u - 1/2| <= 0.425 (85% of the
 * uniforms), that is one rational function of (u - 1/2)^2, evaluated here
 * on all lanes with GSL's coefficients in GSL's order (gaussinv.c: small(),
 * rat_eval()). A lane outside it is left to GSL, which takes a logarithm. */
static inline __attribute__((always_inline)) void norm_inv_lanes(const double *u, double *z)
{
    static const double a[8] = {3.387132872796366608, 133.14166789178437745,
                                1971.5909503065514427, 13731.693765509461125,
                                45921.953931549871457, 67265.770927008700853,
                                33430.575583588128105, 2509.0809287301226727};
    static const double b[8] = {1.0, 42.313330701600911252,
                                687.1870074920579083, 5394.1960214247511077,
                                21213.794301586595867, 39307.89580009271061,
                                28729.085735721942674, 5226.495278852854561};
    vd q = VAT(u) - 0.5, r = 0.180625 - q * q;
    vd nu = VSPLAT(a[7]), de = VSPLAT(b[7]);
    for (int i = 7; i > 0; i--) {
        nu = r * nu + a[i - 1];
        de = r * de + b[i - 1];
    }
    vm central = (q <= 0.425) & (q >= -0.425);
    VAT(z) = q * (nu / de);
    for (int j = 0; j < NL; j++)
        if (!central[j])
            z[j] = gsl_cdf_ugaussian_Pinv(u[j]);
}

#endif
