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
 * both. (test_sim.c has a smaller version of this check.)
 */
#include <math.h>
#include <stdlib.h>

#include "load.h"
#include "sim.h"
#include "test.h"

#define NETWORKS 40

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

static int sim(const rc_model *m, double conf, const uint8_t *inc, const uint8_t *mit, int analysis,
               rc_result *r)
{
    rc_sim_options so;
    rc_sim_options_init(&so);
    so.iterations = 2000;
    so.seed = 7;
    so.threads = 2;
    so.analysis = analysis;
    so.shapley = false;
    so.confidence = conf;
    so.include_mask = inc;
    so.mitigate_mask = mit;
    return rc_simulate(m, &so, r, NULL);
}

static int checks, moved;

/* Every risk and mitigation of network SEED at confidence CONF. */
static void check_network(unsigned long long seed, double conf)
{
    int nr;
    char *y = gen(seed, &nr);
    rc_diags d;
    rc_diags_init(&d, "variants.yaml");
    rc_model *m = NULL;
    int ok = rc_load_buffer(y, strlen(y), &m, &d) == RC_LOAD_OK;
    CHECK(ok);
    free(y);
    rc_diags_delete(&d);
    if (!ok) {
        rc_model_free(m);
        return;
    }
    int mr = m->n_risks;
    uint8_t *inc = malloc((size_t)mr), *mit = calloc((size_t)mr, 1);
    rc_result base;
    ok = sim(m, conf, NULL, NULL, 1, &base) == 0;
    CHECK(ok);
    for (int k = 0; ok && k < base.n_risks; k++) {
        const rc_risk_result *rr = &base.risks[k];
        memset(inc, 1, (size_t)mr);
        inc[rr->model_idx] = 0;
        rc_result out;
        if (sim(m, conf, inc, NULL, 0, &out)) {
            CHECK(0);
            continue;
        }
        double tol = 1e-9 * fabs(base.dur.at_conf) + 1e-12;
        double want = base.dur.at_conf - out.dur.at_conf;
        CHECK_NEAR(rr->schedule_contribution, want, tol);
        CHECK_NEAR(rr->cost_contribution, base.cst.at_conf - out.cst.at_conf,
                   1e-9 * fabs(base.cst.at_conf) + 1e-6);
        double sd = 0;
        for (long i = 0; i < base.iterations; i++)
            sd += base.duration[i] - out.duration[i];
        CHECK_NEAR(rr->impact_days_before * rr->prob_before, sd / (double)base.iterations, tol);
        checks++;
        moved += want != 0;
        rc_result_delete(&out);
        if (!rr->has_mitigation)
            continue;
        mit[rr->model_idx] = 1;
        rc_result mo;
        int e = sim(m, conf, NULL, mit, 0, &mo);
        mit[rr->model_idx] = 0;
        if (e) {
            CHECK(0);
            continue;
        }
        CHECK_NEAR(rr->mitigation.schedule_benefit, base.dur.at_conf - mo.dur.at_conf, tol);
        CHECK_NEAR(rr->mitigation.cost_benefit, base.cst.at_conf - (mo.cst.at_conf - rr->mitigation.cost),
                   1e-9 * fabs(base.cst.at_conf) + 1e-6);
        checks++;
        rc_result_delete(&mo);
    }
    if (ok)
        rc_result_delete(&base);
    free(inc), free(mit);
    rc_model_free(m);
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
    printf("    %d comparisons, %d with a non-zero contribution\n", checks, moved);
    CHECK(checks > 1000);
    CHECK(moved > checks / 4);
}

int main(void)
{
    RUN(contributions_equal_separate_runs_p50);
    RUN(contributions_equal_separate_runs_p80);
    RUN(contributions_equal_separate_runs_p95);
    RUN(the_check_covered_moving_risks);
    return TEST_END();
}
