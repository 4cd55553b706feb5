/* analysis.c - where the reserve comes from, and which mitigations to fund.
 *
 * Reserve split (Shapley values). The players are the open risks and the
 * estimating uncertainty U (the spread of the three-point estimates). For a
 * coalition S, v(S) is the P(confidence) duration (and cost) of the model with
 * only the risks in S, and with the estimates at their plan values unless U is
 * in S; v(empty) is the plan itself and v(all) the simulated P(confidence), so
 *     sum of the Shapley values = P(confidence) - plan = the contingency.
 * phi_i = sum over S not holding i of |S|! (n-|S|-1)! / n! (v(S+i) - v(S)),
 * exactly (every coalition) for up to RC_SHAPLEY_EXACT players, otherwise
 * estimated from sampled permutations (each with its reverse), every one of
 * which telescopes to v(all) - v(empty), so the parts add up either way. All
 * coalitions run on the same random numbers (common random numbers).
 *
 * Recommended mitigations. On the P(confidence) total cost (which holds the
 * schedule through overhead and penalty) including the mitigations' own
 * costs: take the mitigations in order of their own net benefit (best first)
 * and keep each one that lowers that cost given the ones kept before it; then
 * keep the best of that set, none and all. K mitigations take K + 2 runs.
 */
#include "analysis.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

/* Coalitions are simulated in full (every iteration). Work is counted in
 * task-iterations; past the budget the split falls back to fewer permutations,
 * and without room for two it is left out, with the most iterations that
 * would allow it in the result (and so is the recommended set, past its
 * own budget). */
#define RC_SHAPLEY_EXACT 6
#define RC_SHAPLEY_PERMS 12
#define RC_SHAPLEY_BUDGET 1.5e8
#define RC_RECOMMEND_BUDGET 1.5e8

typedef struct {
    const rc_model *m;
    const rc_sim_options *o;
    uint8_t *include;       /* per model risk */
    uint8_t *mitigate;      /* per model risk */
} evaluator;

/* v(coalition): P(confidence) duration and cost. Returns 0, -1, or 1 (cancelled). */
static int evaluate(evaluator *e, bool uncertainty, rc_stats *dur, rc_stats *cst)
{
    rc_sim_options q = *e->o;
    q.analysis = false;
    q.shapley = false;
    q.light = true;
    q.progress = NULL;
    q.include_mask = e->include;
    q.mitigate_mask = e->mitigate;
    q.no_uncertainty = !uncertainty;
    rc_result t;
    int rc = rc_simulate(e->m, &q, &t, NULL);
    if (rc)
        return rc;
    *dur = t.dur;
    *cst = t.cst;
    rc_result_delete(&t);
    return 0;
}

/* The work of one coalition run, in task-iterations: the iterations, plus
 * compiling the network for it, which measures like about 10 + risks/10
 * iterations of the same network. */
static double eval_work(const rc_model *m, long iterations)
{
    double tasks = m->n_tasks > 0 ? (double)m->n_tasks : 1;
    return tasks * ((double)iterations + 10 + m->n_risks / 10.0);
}

/* Whether the split's sampled orders (at least two, of N - 1 coalition runs
 * each, PER_EVAL the work of one) take more than BUDGET. */
static bool split_too_large(int n, double per_eval, double budget)
{
    return 2 * ((double)(n - 1) * per_eval) > budget;
}

/* Whether the search for the recommended set (NM + 2 runs at least) does. */
static bool rec_too_large(int nm, double per_eval, double budget)
{
    return (double)(nm + 2) * per_eval > budget;
}

/* The most iterations at which TOO_LARGE(K, work of one run, BUDGET) is
 * false, for a result left out as too large at ITERATIONS: 0 when not even
 * one iteration fits. */
static long max_iterations(const rc_model *m, bool (*too_large)(int, double, double), int k, double budget,
                           long iterations)
{
    long lo = 0, hi = iterations - 1; /* lo fits (or is 0), hi + 1 does not */
    while (lo < hi) {
        long mid = lo + (hi - lo + 1) / 2;
        if (too_large(k, eval_work(m, mid), budget))
            hi = mid - 1;
        else
            lo = mid;
    }
    return lo;
}

int rc_analysis_shapley(const rc_model *m, const rc_sim_options *o, rc_result *r)
{
    int nr = r->n_risks, n = nr + 1; /* player nr is U */
    r->has_shapley = false;
    r->shapley_left_out = false;
    double budget = o->advice_budget > 0 ? o->advice_budget : RC_SHAPLEY_BUDGET;
    double per_eval = eval_work(m, r->iterations);
    evaluator e = {m, o, NULL, NULL};
    e.include = calloc((size_t)(m->n_risks ? m->n_risks : 1), 1);
    e.mitigate = calloc((size_t)(m->n_risks ? m->n_risks : 1), 1);
    double *phi_d = calloc((size_t)n, sizeof *phi_d), *phi_c = calloc((size_t)n, sizeof *phi_c);
    int *perm = malloc((size_t)n * sizeof *perm);
    int rc = -1;
    if (!e.include || !e.mitigate || !phi_d || !phi_c || !perm)
        goto out;
    for (int k = 0; k < m->n_risks; k++)
        e.mitigate[k] = (uint8_t)(r->mitigated && m->risks[k].has_mitigation);
    double v0d = r->plan_duration, v0c = r->plan_cost, vad = r->dur.at_conf, vac = r->cst.at_conf;
    if (n == 1) {
        phi_d[0] = vad - v0d;
        phi_c[0] = vac - v0c;
        r->shapley_perms = 0;
    } else if (n <= RC_SHAPLEY_EXACT && (double)(1 << n) * per_eval <= budget) {
        int ns = 1 << n;
        double *vd = malloc((size_t)ns * sizeof *vd), *vc = malloc((size_t)ns * sizeof *vc);
        if (!vd || !vc) {
            free(vd), free(vc);
            goto out;
        }
        for (int s = 0; s < ns; s++) {
            if (s == 0) {
                vd[s] = v0d, vc[s] = v0c;
                continue;
            }
            if (s == ns - 1) {
                vd[s] = vad, vc[s] = vac;
                continue;
            }
            for (int k = 0; k < nr; k++)
                e.include[r->risks[k].model_idx] = (uint8_t)((s >> k) & 1);
            rc_stats sd, sc;
            int x = evaluate(&e, (s >> nr) & 1, &sd, &sc);
            if (x) {
                free(vd), free(vc);
                rc = x;
                goto out;
            }
            vd[s] = sd.at_conf, vc[s] = sc.at_conf;
        }
        /* weights |S|! (n-|S|-1)! / n! */
        double *w = malloc((size_t)n * sizeof *w);
        if (!w) {
            free(vd), free(vc);
            goto out;
        }
        for (int k = 0; k < n; k++)
            w[k] = exp(lgamma(k + 1.0) + lgamma((double)(n - k)) - lgamma(n + 1.0));
        for (int i = 0; i < n; i++)
            for (int s = 0; s < ns; s++) {
                if ((s >> i) & 1)
                    continue;
                int size = __builtin_popcount((unsigned)s);
                phi_d[i] += w[size] * (vd[s | (1 << i)] - vd[s]);
                phi_c[i] += w[size] * (vc[s | (1 << i)] - vc[s]);
            }
        free(w), free(vd), free(vc);
        r->shapley_perms = -1; /* exact */
    } else {
        int perms = RC_SHAPLEY_PERMS;
        double cost1 = (double)(n - 1) * per_eval; /* evaluations per permutation */
        while (perms > 2 && perms * cost1 > budget)
            perms -= 2;
        if (split_too_large(n, per_eval, budget)) { /* the loop above ended at two orders */
            r->shapley_left_out = true; /* too large to split: left out */
            r->shapley_max_iterations = max_iterations(m, split_too_large, n, budget, r->iterations);
            rc = 0;
            goto out;
        }
        uint64_t st = rc_mix64(o->seed ^ 0x5ba91eULL);
        for (int p = 0; p < perms; p++) {
            if (p % 2 == 0) {
                for (int i = 0; i < n; i++)
                    perm[i] = i;
                for (int i = n - 1; i > 0; i--) { /* Fisher-Yates */
                    st = rc_mix64(st + 0x9e3779b97f4a7c15ULL);
                    int j = (int)(st % (uint64_t)(i + 1));
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                }
            } else { /* the reverse: antithetic */
                for (int i = 0; i < n / 2; i++) {
                    int t = perm[i];
                    perm[i] = perm[n - 1 - i];
                    perm[n - 1 - i] = t;
                }
            }
            memset(e.include, 0, (size_t)m->n_risks);
            bool unc = false;
            double pd = v0d, pc = v0c;
            for (int a = 0; a < n; a++) {
                int i = perm[a];
                if (i == nr)
                    unc = true;
                else
                    e.include[r->risks[i].model_idx] = 1;
                double cd, cc;
                if (a == n - 1) {
                    cd = vad, cc = vac;
                } else {
                    rc_stats sd, sc;
                    int x = evaluate(&e, unc, &sd, &sc);
                    if (x) {
                        rc = x;
                        goto out;
                    }
                    cd = sd.at_conf, cc = sc.at_conf;
                }
                phi_d[i] += (cd - pd) / perms;
                phi_c[i] += (cc - pc) / perms;
                pd = cd, pc = cc;
            }
        }
        r->shapley_perms = perms;
    }
    for (int k = 0; k < nr; k++) {
        r->risks[k].shapley_days = phi_d[k];
        r->risks[k].shapley_cost = phi_c[k];
    }
    r->shapley_base_days = phi_d[nr];
    r->shapley_base_cost = phi_c[nr];
    r->has_shapley = true;
    rc = 0;
out:
    free(e.include), free(e.mitigate), free(phi_d), free(phi_c), free(perm);
    return rc;
}

int rc_analysis_recommend(const rc_model *m, const rc_sim_options *o, rc_result *r)
{
    r->has_rec = false;
    r->rec_left_out = false;
    int nm = 0;
    for (int k = 0; k < r->n_risks; k++)
        nm += r->risks[k].has_mitigation;
    if (nm == 0)
        return 0;
    double per_eval = eval_work(m, r->iterations);
    double budget = o->advice_budget > 0 ? o->advice_budget : RC_RECOMMEND_BUDGET;
    if (rec_too_large(nm, per_eval, budget)) { /* too large: left out */
        r->rec_left_out = true;
        r->rec_max_iterations = max_iterations(m, rec_too_large, nm, budget, r->iterations);
        return 0;
    }
    size_t mr = (size_t)(m->n_risks ? m->n_risks : 1);
    evaluator e = {m, o, calloc(mr, 1), calloc(mr, 1)};
    uint8_t *best_set = calloc(mr, 1), *all_set = calloc(mr, 1);
    int rc = -1;
    if (!e.include || !e.mitigate || !best_set || !all_set)
        goto out;
    for (int k = 0; k < m->n_risks; k++)
        e.include[k] = 1;
    /* none */
    rc_stats d_none, c_none, d_best, c_best, sd, sc;
    int x = evaluate(&e, true, &d_none, &c_none);
    if (x) {
        rc = x;
        goto out;
    }
    d_best = d_none, c_best = c_none;
    double best = c_none.at_conf;
    /* forward selection in order of each mitigation's own net benefit */
    int *ord = malloc((size_t)r->n_risks * sizeof *ord);
    if (!ord)
        goto out;
    int no = 0;
    for (int k = 0; k < r->n_risks; k++)
        if (r->risks[k].has_mitigation)
            ord[no++] = k;
    for (int a = 1; a < no; a++) { /* insertion sort, stable, best first */
        int t = ord[a], j = a;
        while (j > 0 && r->risks[ord[j - 1]].mitigation.net_benefit < r->risks[t].mitigation.net_benefit) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = t;
    }
    for (int a = 0; a < no; a++) {
        int mi = r->risks[ord[a]].model_idx;
        e.mitigate[mi] = 1;
        x = evaluate(&e, true, &sd, &sc);
        if (x) {
            free(ord);
            rc = x;
            goto out;
        }
        if (sc.at_conf < best || (sc.at_conf == best && sd.at_conf < d_best.at_conf)) {
            best = sc.at_conf, d_best = sd, c_best = sc;
        } else {
            e.mitigate[mi] = 0;
        }
    }
    free(ord);
    memcpy(best_set, e.mitigate, mr);
    /* all */
    for (int k = 0; k < r->n_risks; k++)
        if (r->risks[k].has_mitigation)
            all_set[r->risks[k].model_idx] = 1;
    memcpy(e.mitigate, all_set, mr);
    x = evaluate(&e, true, &sd, &sc);
    if (x) {
        rc = x;
        goto out;
    }
    r->all_dur = sd;
    r->all_cst = sc;
    if (sc.at_conf < best) {
        best = sc.at_conf, d_best = sd, c_best = sc;
        memcpy(best_set, all_set, mr);
    }
    r->n_recommended = 0;
    r->rec_cost = 0;
    for (int k = 0; k < r->n_risks; k++) {
        int mi = r->risks[k].model_idx;
        r->risks[k].recommended = best_set[mi] != 0;
        if (best_set[mi]) {
            r->n_recommended++;
            r->rec_cost += m->risks[mi].mitigation_cost;
        }
    }
    r->rec_dur = d_best;
    r->rec_cst = c_best;
    r->none_dur = d_none;
    r->none_cst = c_none;
    r->has_rec = true;
    rc = 0;
out:
    free(e.include), free(e.mitigate), free(best_set), free(all_set);
    return rc;
}
