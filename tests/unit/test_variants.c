/* test_variants.c - risk contributions and mitigation values against
 * separate simulations, on random networks.
 *
 * The engine evaluates each risk left out and each mitigation toggled
 * inside the simulation, with shortcuts (a change on tasks with float to
 * spare keeps the duration; only the changed tasks that can reach the
 * longest path are re-evaluated, up to the last of them, and the duration is
 * read off the links that cross past it). A separate simulation of the model
 * without the risk (or with the mitigation applied) uses the same random
 * numbers, so P(c) must agree to rounding (1e-9 relative) at every
 * confidence, and the register's impact x probability must be the mean of
 * the per-iteration differences. 40 networks of 10-120 tasks with a share
 * of FF and SF links of up to 40%, every link type, negative lags, not_before
 * dates, a status date, milestones, delays, scales below and above 1,
 * Poisson risks, and mitigations that change the likelihood, the impacts or
 * both; and 4 smaller networks with the tolerance 1e-9 relative alone.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "load.h"
#include "sim.h"
#include "test.h"

#define NETWORKS 40
#define HEAD "version: 1\nproject:\n  name: S\n  start: 2027-01-04\n"

static unsigned long long st; /* the generator's state */
static double rnd(void)
{
    unsigned long long z = (st += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1p-53;
}

/* The project file of random network SEED; *NRISK its risk count. */
static char *gen(unsigned long long seed, int *nrisk)
{
    st = seed * 7919;
    int n = 10 + (int)(rnd() * 110), win = 2 + (int)(rnd() * 14), nr = 2 + (int)(rnd() * 12);
    double pff = rnd() * 0.4;
    size_t cap = 1 << 20, len = 0;
    char *y = malloc(cap);
#define E(...) (len += (size_t)snprintf(y + len, cap - len, __VA_ARGS__))
    E("version: 1\nproject:\n  name: S\n  start: 2027-01-04\n  overhead_per_day: 100\n"
      "  deadline: 2027-04-01\n  penalty_per_day: 50\n");
    if (rnd() < 0.3)
        E("  status_date: 2027-01-11\n");
    E("tasks:\n");
    for (int i = 0; i < n; i++) {
        double lo = 1 + (int)(rnd() * 6);
        double r = rnd();
        if (r < 0.5)
            E("  - id: t%d\n    duration: [%g, %g, %g]\n", i, lo, lo + 1, lo + 2 + (int)(rnd() * 8));
        else if (r < 0.7)
            E("  - id: t%d\n    duration: {dist: pert, min: %g, likely: %g, max: %g}\n", i, lo, lo + 2,
              lo + 9);
        else if (r < 0.8)
            E("  - id: t%d\n    duration: %g\n", i, lo);
        else if (r < 0.9)
            E("  - id: t%d\n    duration: {dist: lognormal, mean: %g, sd: 1.5}\n", i, lo + 2);
        else
            E("  - id: t%d\n    milestone: true\n", i);
        if (rnd() < 0.3)
            E("    cost: {rate: [80, 100, 130]}\n");
        if (rnd() < 0.1)
            E("    not_before: 2027-0%d-%02d\n", 1 + (int)(rnd() * 3), 4 + (int)(rnd() * 20));
        int k = i == 0 ? 0 : 1 + (int)(rnd() * 4);
        int used[4] = {-1, -1, -1, -1}, nu = 0;
        for (int j = 0; j < k; j++) {
            int q = i - 1 - (int)(rnd() * (i < win ? i : win));
            int dup = 0;
            for (int a = 0; a < nu; a++)
                dup |= used[a] == q;
            if (dup)
                continue;
            used[nu++] = q;
        }
        if (nu) {
            E("    after: [");
            for (int j = 0; j < nu; j++) {
                double t = rnd();
                const char *ty = t < pff * 0.5 ? "FF" : t < pff ? "SF" : t < pff + 0.15 ? "SS" : "FS";
                static const double lag[] = {0, 0, 0, 1, -1, 2.5, -0.5, 3};
                E("%s{task: t%d, type: %s, lag: %g}", j ? ", " : "", used[j], ty, lag[(int)(rnd() * 8)]);
            }
            E("]\n");
        }
    }
    E("risks:\n");
    for (int r = 0; r < nr; r++) {
        E("  - id: r%d\n", r);
        if (rnd() < 0.3)
            E("    frequency: %.2f\n", 0.3 + rnd());
        else
            E("    probability: %.2f\n", 0.1 + 0.6 * rnd());
        int nt = 1 + (int)(rnd() * 4);
        E("    impacts:\n");
        for (int j = 0; j < 1 + (rnd() < 0.3); j++) {
            E("      - tasks: [");
            for (int a = 0; a < nt; a++)
                E("%st%d", a ? ", " : "", (int)(rnd() * n));
            double x = rnd();
            if (x < 0.5)
                E("]\n        delay: [1, %d, %d]\n", 2 + (int)(rnd() * 5), 8 + (int)(rnd() * 20));
            else if (x < 0.75)
                E("]\n        scale: [1.1, 1.5, 2.5]\n");
            else
                E("]\n        scale: [0.2, 0.5, 0.9]\n");
            if (rnd() < 0.5)
                E("        cost: [100, 500, 2000]\n");
        }
        if (rnd() < 0.5) {
            E("    mitigation:\n      cost: 300\n");
            double x = rnd();
            if (x < 0.4)
                E("      probability: 0.1\n");
            else if (x < 0.55)
                E("      frequency: 0.5\n");
            if (rnd() < 0.5)
                E("      impacts: [{tasks: [t%d, t%d], delay: [0.5, 1, 3]}]\n", (int)(rnd() * n),
                  (int)(rnd() * n));
        }
    }
#undef E
    *nrisk = nr;
    return y;
}

/* The small networks: 40 tasks, 8 risks, every link type, negative lags,
 * not_before dates, a status date (odd seeds), delays, scales below and above
 * 1, Poisson risks, mitigations that change the likelihood or act on other
 * tasks. */
static uint64_t vr_state;
static double vr_rnd(void)
{
    uint64_t z = (vr_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1p-53;
}

static char *variant_yaml(uint64_t seed, int n, int nr)
{
    vr_state = seed;
    size_t cap = 1 << 16, len = 0;
    char *y = malloc(cap);
#define EMIT(...) (len += (size_t)snprintf(y + len, cap - len, __VA_ARGS__))
    EMIT("%s  overhead_per_day: 100\n  deadline: 2027-03-01\n  penalty_per_day: 50\n%stasks:\n", HEAD,
         seed % 2 ? "  status_date: 2027-01-08\n" : "");
    for (int i = 0; i < n; i++) {
        double lo = 1 + (int)(vr_rnd() * 5);
        EMIT("  - id: t%d\n    duration: [%g, %g, %g]\n    cost: {rate: [80, 100, 130]}\n", i, lo,
             lo + 1, lo + 2 + (int)(vr_rnd() * 6));
        if (vr_rnd() < 0.15) /* paths that start late */
            EMIT("    not_before: 2027-0%d-%02d\n", 1 + (int)(vr_rnd() * 3), 4 + (int)(vr_rnd() * 20));
        int k = i == 0 ? 0 : 1 + (int)(vr_rnd() * 3);
        if (k)
            EMIT("    after: [");
        int used[3] = {-1, -1, -1};
        for (int j = 0; j < k; j++) {
            int q = i - 1 - (int)(vr_rnd() * (i < 10 ? i : 10));
            if (q == used[0] || q == used[1])
                continue;
            used[j] = q;
            static const char *const ty[] = {"FS", "FS", "FS", "SS", "FF", "SF"};
            static const double lag[] = {0, 0, 1, -1, 2.5, -0.5};
            EMIT("%s{task: t%d, type: %s, lag: %g}", j ? ", " : "", q, ty[(int)(vr_rnd() * 6)],
                 lag[(int)(vr_rnd() * 6)]);
        }
        if (k)
            EMIT("]\n");
    }
    EMIT("risks:\n");
    for (int r = 0; r < nr; r++) {
        EMIT("  - id: r%d\n", r);
        if (vr_rnd() < 0.3)
            EMIT("    frequency: 0.8\n");
        else
            EMIT("    probability: %.2f\n", 0.2 + 0.5 * vr_rnd());
        int a = (int)(vr_rnd() * n), b = (int)(vr_rnd() * n);
        double x = vr_rnd();
        if (x < 0.5)
            EMIT("    impacts: [{tasks: [t%d, t%d], delay: [1, 3, 8], cost: 500}]\n", a, b);
        else if (x < 0.75)
            EMIT("    impacts: [{tasks: [t%d], scale: [1.1, 1.5, 2.5]}, {tasks: [t%d], delay: 2}]\n", a, b);
        else
            EMIT("    impacts: [{tasks: [t%d, t%d], scale: [0.2, 0.4, 0.6]}]\n", a, b);
        double m = vr_rnd();
        if (m < 0.35)
            EMIT("    mitigation: {cost: 300, probability: 0.1}\n");
        else if (m < 0.6) /* a mitigation that acts on other tasks */
            EMIT("    mitigation: {cost: 300, impacts: [{tasks: [t%d], delay: [0.5, 1, 3]}]}\n",
                 (int)(vr_rnd() * n));
    }
#undef EMIT
    return y;
}

static int sim(const rc_model *m, double conf, const uint8_t *inc, const uint8_t *mit, int analysis,
               long iterations, uint64_t seed, rc_result *r)
{
    rc_sim_options so;
    rc_sim_options_init(&so);
    so.iterations = iterations;
    so.seed = seed;
    so.threads = 2;
    so.analysis = analysis;
    so.shapley = false;
    so.confidence = conf;
    so.include_mask = inc;
    so.mitigate_mask = mit;
    return rc_simulate(m, &so, r, NULL);
}

typedef struct {
    int checks, moved;  /* comparisons, and those with a non-zero contribution */
} tally;

/* The model of YAML (NULL, with a failed check, when it does not load). */
static rc_model *load_yaml(char *yaml)
{
    rc_diags d;
    rc_diags_init(&d, "variants.yaml");
    rc_model *m = NULL;
    int ok = rc_load_buffer(yaml, strlen(yaml), &m, &d) == RC_LOAD_OK;
    CHECK(ok);
    free(yaml);
    rc_diags_delete(&d);
    if (!ok) {
        rc_model_free(m);
        return NULL;
    }
    return m;
}

/* Every risk and mitigation of M at confidence CONF against separate runs:
 * equal within 1e-9 relative plus ABS_D days, ABS_C of cost. */
static void check_model(const rc_model *m, double conf, long iterations, uint64_t seed, double abs_d,
                        double abs_c, tally *t)
{
    int mr = m->n_risks;
    uint8_t *inc = malloc((size_t)mr), *mit = calloc((size_t)mr, 1);
    rc_result base;
    int ok = sim(m, conf, NULL, NULL, 1, iterations, seed, &base) == 0;
    CHECK(ok);
    for (int k = 0; ok && k < base.n_risks; k++) {
        const rc_risk_result *rr = &base.risks[k];
        memset(inc, 1, (size_t)mr);
        inc[rr->model_idx] = 0;
        rc_result out;
        if (sim(m, conf, inc, NULL, 0, iterations, seed, &out)) {
            CHECK(0);
            continue;
        }
        double tol = 1e-9 * fabs(base.dur.at_conf) + abs_d, ctol = 1e-9 * fabs(base.cst.at_conf) + abs_c;
        double want = base.dur.at_conf - out.dur.at_conf;
        CHECK_NEAR(rr->schedule_contribution, want, tol);
        CHECK_NEAR(rr->cost_contribution, base.cst.at_conf - out.cst.at_conf, ctol);
        double sd = 0;
        for (long i = 0; i < base.iterations; i++)
            sd += base.duration[i] - out.duration[i];
        CHECK_NEAR(rr->impact_days_before * rr->prob_before, sd / (double)base.iterations, tol);
        t->checks++;
        t->moved += want != 0;
        rc_result_delete(&out);
        if (!rr->has_mitigation)
            continue;
        mit[rr->model_idx] = 1;
        rc_result mo;
        int e = sim(m, conf, NULL, mit, 0, iterations, seed, &mo);
        mit[rr->model_idx] = 0;
        if (e) {
            CHECK(0);
            continue;
        }
        CHECK_NEAR(rr->mitigation.schedule_benefit, base.dur.at_conf - mo.dur.at_conf, tol);
        CHECK_NEAR(rr->mitigation.cost_benefit, base.cst.at_conf - (mo.cst.at_conf - rr->mitigation.cost),
                   ctol);
        t->checks++;
        rc_result_delete(&mo);
    }
    if (ok)
        rc_result_delete(&base);
    free(inc), free(mit);
}

static tally big;

/* Every risk and mitigation of random network SEED at confidence CONF. */
static void check_network(unsigned long long seed, double conf)
{
    int nr;
    rc_model *m = load_yaml(gen(seed, &nr));
    if (m)
        check_model(m, conf, 2000, 7, 1e-12, 1e-6, &big);
    rc_model_free(m);
}

/* The small networks at P50, P80 and P95, 3,000 iterations. */
TEST(small_networks_equal_separate_runs)
{
    const double confs[] = {0.5, 0.8, 0.95};
    tally t = {0, 0};
    for (uint64_t seed = 1; seed <= 4; seed++) {
        rc_model *m = load_yaml(variant_yaml(seed, 40, 8));
        for (int c = 0; m && c < 3; c++)
            check_model(m, confs[c], 3000, 99, 0, 0, &t);
        rc_model_free(m);
    }
    /* the check covered risks that move P(c), not only ones that cannot */
    CHECK(t.checks > 100);
    CHECK(t.moved > 20);
}

TEST(contributions_equal_separate_runs_p50)
{
    for (unsigned long long s = 1; s <= NETWORKS; s++)
        check_network(s, 0.5);
}

TEST(contributions_equal_separate_runs_p80)
{
    for (unsigned long long s = 1; s <= NETWORKS; s++)
        check_network(s, 0.8);
}

TEST(contributions_equal_separate_runs_p95)
{
    for (unsigned long long s = 1; s <= NETWORKS; s++)
        check_network(s, 0.95);
}

/* the networks exercise the shortcuts, not only risks that cannot matter */
TEST(the_check_covered_moving_risks)
{
    printf("    %d comparisons, %d with a non-zero contribution\n", big.checks, big.moved);
    CHECK(big.checks > 1000);
    CHECK(big.moved > big.checks / 4);
}

int main(void)
{
    RUN(small_networks_equal_separate_runs);
    RUN(contributions_equal_separate_runs_p50);
    RUN(contributions_equal_separate_runs_p80);
    RUN(contributions_equal_separate_runs_p95);
    RUN(the_check_covered_moving_risks);
    return TEST_END();
}
