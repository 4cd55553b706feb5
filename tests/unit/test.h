/* test.h - a tiny unit-test harness.
 *
 * Each test binary defines tests with TEST(name) and lists them in main()
 * with RUN(name). A failed CHECK prints FILE:LINE and the expression and marks
 * the current test failed; the test goes on. The last line a binary prints is
 * `N passed, N failed`, which tests/run.sh adds up.
 */
#ifndef RC_TEST_H
#define RC_TEST_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int t_failed_now, t_passed, t_failed;
static const char *t_name;

#define TEST(name) static void name(void)
#define RUN(name)                                                              \
    do {                                                                       \
        t_failed_now = 0;                                                      \
        t_name = #name;                                                        \
        name();                                                                \
        if (t_failed_now) {                                                    \
            t_failed++;                                                        \
            printf("FAIL %s\n", #name);                                        \
        } else {                                                               \
            t_passed++;                                                        \
            printf("ok   %s\n", #name);                                        \
        }                                                                      \
        fflush(stdout);                                                        \
    } while (0)
#define TEST_END()                                                             \
    (printf("%d passed, %d failed\n", t_passed, t_failed), t_failed ? 1 : 0)

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("  %s:%d: %s: CHECK(%s)\n", __FILE__, __LINE__, t_name,    \
                   #cond);                                                     \
            t_failed_now = 1;                                                  \
        }                                                                      \
    } while (0)
/* |a - b| <= tol, printing both values on failure */
#define CHECK_NEAR(a, b, tol)                                                  \
    do {                                                                       \
        double a_ = (a), b_ = (b), t_ = (tol);                                 \
        if (!(fabs(a_ - b_) <= t_)) {                                          \
            printf("  %s:%d: %s: %s = %.10g, %s = %.10g, |diff| %.3g > %.3g\n", \
                   __FILE__, __LINE__, t_name, #a, a_, #b, b_, fabs(a_ - b_),  \
                   t_);                                                        \
            t_failed_now = 1;                                                  \
        }                                                                      \
    } while (0)
#define CHECK_INT(a, b)                                                        \
    do {                                                                       \
        long long a_ = (long long)(a), b_ = (long long)(b);                    \
        if (a_ != b_) {                                                        \
            printf("  %s:%d: %s: %s = %lld, expected %lld\n", __FILE__,        \
                   __LINE__, t_name, #a, a_, b_);                              \
            t_failed_now = 1;                                                  \
        }                                                                      \
    } while (0)
#define CHECK_STR(a, b)                                                        \
    do {                                                                       \
        const char *a_ = (a), *b_ = (b);                                       \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                               \
            printf("  %s:%d: %s: %s = \"%s\", expected \"%s\"\n", __FILE__,    \
                   __LINE__, t_name, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
            t_failed_now = 1;                                                  \
        }                                                                      \
    } while (0)

#endif
