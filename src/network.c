/* network.c - compile a model into flat arrays in topological order; the
 * deterministic plan; the forward and backward passes.
 *
 * Forward pass, for a task at position p with duration d:
 *   ES = max(min_start, FS: EF[q] + lag, SS: ES[q] + lag,
 *            FF: EF[q] + lag - d, SF: ES[q] + lag - d),   EF = ES + d.
 * Backward pass, every LF starting at the project duration D, in reverse
 * topological order (LS = LF - d of the successor p, predecessor q):
 *   FS: LF[q] <= LS[p] - lag        SS: LF[q] <= LS[p] - lag + d[q]
 *   FF: LF[q] <= LF[p] - lag        SF: LF[q] <= LF[p] - lag + d[q]
 * Total float = LF - EF; zero float (within RC_FLOAT_EPS relative to D)
 * makes a task critical.
 */
#include "network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include "rng.h"

/* Total float at or below this fraction of max(1, D) counts as zero. */

/* Alternating projections for repairing a correlation matrix. */
#define RC_HIGHAM_ITER 100
#define RC_HIGHAM_MIN_EIG 1e-8

static void effect_delete(rc_net_effect *e)
{
    for (int j = 0; j < e->n_impacts; j++)
        free(e->impacts[j].pos);
    free(e->impacts);
    memset(e, 0, sizeof *e);
}

void rc_net_free(rc_net *net)
{
    if (!net)
        return;
    free(net->model_idx);
    free(net->pos_of);
    free(net->dur);
    free(net->fixed);
    free(net->rate);
    free(net->dur_kind);
    free(net->dur_const);
    free(net->key);
    free(net->min_start);
    free(net->pred_start);
    free(net->pred_pos);
    free(net->pred_type);
    free(net->pred_lag);
    free(net->dominated);
    free(net->succ_start);
    free(net->succ_pos);
    free(net->nd_pos);
    free(net->inc_start);
    free(net->inc_slot);
    free(net->slot_risk);
    for (int r = 0; r < net->n_risks; r++) {
        rc_net_risk *k = &net->risks[r];
        effect_delete(&k->effect[0]);
        effect_delete(&k->effect[1]);
        free(k->touched);
    }
    free(net->risks);
    for (int g = 0; g < net->n_groups; g++)
        free(net->group_chol[g]);
    free(net->group_chol);
    free(net->group_start);
    free(net->group_pos);
    free(net->corr_group);
    free(net);
}

static int effect_compile(const rc_net *net, const rc_risk_effect *src, rc_net_effect *e)
{
    e->use_frequency = src->use_frequency;
    e->probability = src->probability;
    e->frequency = src->frequency;
    e->n_impacts = src->n_impacts;
    e->impacts = calloc((size_t)(src->n_impacts ? src->n_impacts : 1), sizeof *e->impacts);
    if (!e->impacts)
        return -1;
    for (int j = 0; j < src->n_impacts; j++) {
        const rc_impact *im = &src->impacts[j];
        rc_net_impact *ni = &e->impacts[j];
        ni->delay = im->has_delay ? &im->delay : NULL;
        ni->scale = im->has_scale ? &im->scale : NULL;
        ni->cost = im->has_cost ? &im->cost : NULL;
        ni->pos = malloc((size_t)(im->n_tasks ? im->n_tasks : 1) * sizeof *ni->pos);
        if (!ni->pos)
            return -1;
        for (int t = 0; t < im->n_tasks; t++) {
            int mi = im->task_idx ? im->task_idx[t] : -1;
            int p = mi >= 0 ? net->pos_of[mi] : -1;
            if (p >= 0)
                ni->pos[ni->n_pos++] = p;
        }
    }
    return 0;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* X = V max(ev, RC_HIGHAM_MIN_EIG) V^T, where A = V ev V^T (W is scratch). */
static int psd_floor(const gsl_matrix *A, gsl_matrix *X, gsl_matrix *W, gsl_matrix *V,
                     gsl_vector *ev, gsl_eigen_symmv_workspace *ws)
{
    size_t k = A->size1;
    gsl_matrix_memcpy(W, A);
    if (gsl_eigen_symmv(W, ev, V, ws))
        return -1;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j <= i; j++) {
            double s = 0;
            for (size_t l = 0; l < k; l++) {
                double e = gsl_vector_get(ev, l);
                if (e < RC_HIGHAM_MIN_EIG)
                    e = RC_HIGHAM_MIN_EIG;
                s += gsl_matrix_get(V, i, l) * e * gsl_matrix_get(V, j, l);
            }
            gsl_matrix_set(X, i, j, s);
            gsl_matrix_set(X, j, i, s);
        }
    return 0;
}

/* Nearest correlation matrix (Higham 2002, alternating projections with
 * Dykstra's correction) of the k x k symmetric matrix A, in place. */
static int higham_repair(gsl_matrix *A)
{
    size_t k = A->size1;
    int rc = -1;
    gsl_matrix *Y = gsl_matrix_alloc(k, k), *R = gsl_matrix_alloc(k, k),
               *X = gsl_matrix_alloc(k, k), *V = gsl_matrix_alloc(k, k),
               *W = gsl_matrix_alloc(k, k), *S = gsl_matrix_calloc(k, k);
    gsl_vector *ev = gsl_vector_alloc(k);
    gsl_eigen_symmv_workspace *ws = gsl_eigen_symmv_alloc(k);
    if (!Y || !R || !X || !V || !W || !S || !ev || !ws)
        goto done;
    gsl_matrix_memcpy(Y, A);
    for (int it = 0; it < RC_HIGHAM_ITER; it++) {
        gsl_matrix_memcpy(R, Y);
        gsl_matrix_sub(R, S);                 /* R = Y - S */
        if (psd_floor(R, X, W, V, ev, ws))
            goto done;
        gsl_matrix_memcpy(S, X);
        gsl_matrix_sub(S, R);                 /* S = X - R */
        gsl_matrix_memcpy(Y, X);
        for (size_t i = 0; i < k; i++)
            gsl_matrix_set(Y, i, i, 1.0);     /* unit diagonal */
    }
    /* a final eigenvalue floor and rescale, so that Cholesky succeeds */
    if (psd_floor(Y, X, W, V, ev, ws))
        goto done;
    for (size_t i = 0; i < k; i++)
        for (size_t j = 0; j < k; j++)
            gsl_matrix_set(A, i, j, gsl_matrix_get(X, i, j) /
                           sqrt(gsl_matrix_get(X, i, i) * gsl_matrix_get(X, j, j)));
    rc = 0;
done:
    gsl_matrix_free(Y), gsl_matrix_free(R), gsl_matrix_free(X);
    gsl_matrix_free(V), gsl_matrix_free(W), gsl_matrix_free(S);
    gsl_vector_free(ev);
    gsl_eigen_symmv_free(ws);
    return rc;
}

static int find_root(int *parent, int x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static int compile_correlations(rc_net *net, rc_diags *d)
{
    const rc_model *m = net->model;
    int n = net->n;
    net->corr_group = malloc((size_t)(n ? n : 1) * sizeof *net->corr_group);
    int *parent = malloc((size_t)(n ? n : 1) * sizeof *parent);
    int *in = calloc((size_t)(n ? n : 1), 1 * sizeof *in);
    if (!net->corr_group || !parent || !in) {
        free(parent), free(in);
        return -1;
    }
    for (int p = 0; p < n; p++)
        parent[p] = p, net->corr_group[p] = -1;
    for (int c = 0; c < m->n_corrs; c++) {
        const rc_correlation *co = &m->corrs[c];
        int first = -1;
        for (int t = 0; t < co->n_tasks; t++) {
            int mi = co->task_idx ? co->task_idx[t] : -1;
            int p = mi >= 0 ? net->pos_of[mi] : -1;
            if (p < 0)
                continue;
            in[p] = 1;
            if (first < 0)
                first = p;
            else
                parent[find_root(parent, p)] = find_root(parent, first);
        }
    }
    /* groups of two or more positions */
    int *root_group = malloc((size_t)(n ? n : 1) * sizeof *root_group);
    int *count = calloc((size_t)(n ? n : 1), sizeof *count);
    if (!root_group || !count)
        goto oom;
    for (int p = 0; p < n; p++)
        root_group[p] = -1;
    for (int p = 0; p < n; p++)
        if (in[p])
            count[find_root(parent, p)]++;
    int ng = 0;
    for (int p = 0; p < n; p++)
        if (in[p] && count[find_root(parent, p)] >= 2 && root_group[find_root(parent, p)] < 0)
            root_group[find_root(parent, p)] = ng++;
    net->n_groups = ng;
    net->group_start = calloc((size_t)ng + 1, sizeof *net->group_start);
    net->group_chol = calloc((size_t)(ng ? ng : 1), sizeof *net->group_chol);
    int total = 0;
    for (int p = 0; p < n; p++)
        if (in[p] && root_group[find_root(parent, p)] >= 0)
            total++;
    net->group_pos = malloc((size_t)(total ? total : 1) * sizeof *net->group_pos);
    if (!net->group_start || !net->group_chol || !net->group_pos)
        goto oom;
    for (int p = 0; p < n; p++)
        if (in[p] && root_group[find_root(parent, p)] >= 0)
            net->group_start[root_group[find_root(parent, p)] + 1]++;
    for (int g = 0; g < ng; g++)
        net->group_start[g + 1] += net->group_start[g];
    {
        int *fill = calloc((size_t)(ng ? ng : 1), sizeof *fill);
        if (!fill)
            goto oom;
        for (int p = 0; p < n; p++) {
            int g = in[p] ? root_group[find_root(parent, p)] : -1;
            if (g < 0)
                continue;
            net->group_pos[net->group_start[g] + fill[g]++] = p;
            net->corr_group[p] = g;
        }
        free(fill);
    }
    /* each group's matrix: normal correlation 2 sin(pi rho_s / 6) */
    for (int g = 0; g < ng; g++) {
        int k = net->group_start[g + 1] - net->group_start[g];
        const int *gp = net->group_pos + net->group_start[g];
        gsl_matrix *A = gsl_matrix_alloc((size_t)k, (size_t)k);
        if (!A)
            goto oom;
        gsl_matrix_set_identity(A);
        rc_mark where = {0, 0};
        for (int c = 0; c < m->n_corrs; c++) {
            const rc_correlation *co = &m->corrs[c];
            double r = 2 * sin(M_PI * co->coefficient / 6);
            for (int s = 0; s < co->n_tasks; s++)
                for (int t = 0; t < co->n_tasks; t++) {
                    if (s == t || !co->task_idx)
                        continue;
                    int ps = co->task_idx[s] >= 0 ? net->pos_of[co->task_idx[s]] : -1;
                    int pt = co->task_idx[t] >= 0 ? net->pos_of[co->task_idx[t]] : -1;
                    if (ps < 0 || pt < 0 || net->corr_group[ps] != g)
                        continue;
                    int i = (int)((const int *)bsearch(&ps, gp, (size_t)k, sizeof *gp, cmp_int) - gp);
                    int j = (int)((const int *)bsearch(&pt, gp, (size_t)k, sizeof *gp, cmp_int) - gp);
                    gsl_matrix_set(A, (size_t)i, (size_t)j, r);
                    where = co->mark;
                }
        }
        gsl_matrix *L = gsl_matrix_alloc((size_t)k, (size_t)k);
        if (!L) {
            gsl_matrix_free(A);
            goto oom;
        }
        gsl_matrix_memcpy(L, A);
        if (gsl_linalg_cholesky_decomp1(L) != GSL_SUCCESS) {
            if (higham_repair(A) != 0) {
                gsl_matrix_free(A), gsl_matrix_free(L);
                goto oom;
            }
            gsl_matrix_memcpy(L, A);
            if (gsl_linalg_cholesky_decomp1(L) != GSL_SUCCESS) {
                gsl_matrix_free(A), gsl_matrix_free(L);
                goto oom;
            }
            net->corr_repaired = true;
            if (d)
                rc_warning(d, where,
                           "the correlations of these %d tasks are inconsistent (no "
                           "joint distribution has them); using the nearest consistent "
                           "matrix instead", k);
        }
        net->group_chol[g] = malloc((size_t)k * (size_t)k * sizeof(double));
        if (!net->group_chol[g]) {
            gsl_matrix_free(A), gsl_matrix_free(L);
            goto oom;
        }
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
                net->group_chol[g][i * k + j] = j <= i ? gsl_matrix_get(L, (size_t)i, (size_t)j) : 0;
        gsl_matrix_free(A), gsl_matrix_free(L);
    }
    free(parent), free(in), free(root_group), free(count);
    return 0;
oom:
    free(parent), free(in), free(root_group), free(count);
    return -1;
}

rc_net *rc_net_compile(const rc_model *m, bool mitigated, rc_diags *d)
{
    return rc_net_compile_ex(m, mitigated, NULL, NULL, d);
}

rc_net *rc_net_compile_ex(const rc_model *m, bool mitigated, const uint8_t *mitigate,
                          const uint8_t *include, rc_diags *d)
{
    gsl_set_error_handler_off();
    rc_net *net = calloc(1, sizeof *net);
    if (!net)
        return NULL;
    net->model = m;
    int N = m->n_tasks;
    size_t nz = (size_t)(N ? N : 1);
    net->pos_of = malloc(nz * sizeof *net->pos_of);
    int *indeg = calloc(nz, sizeof *indeg);
    int *queue = malloc(nz * sizeof *queue);
    int *sstart = calloc(nz + 1, sizeof *sstart);
    int *succ = NULL, *succ_fill = NULL;
    if (!net->pos_of || !indeg || !queue || !sstart)
        goto oom;

    if (m->has_status_date)
        net->status_offset = (double)rc_calendar_offset(&m->calendar, m->status_date);
    for (int i = 0; i < N; i++) {
        net->actual_cost += m->tasks[i].actual_cost;
    }
    /* links among active tasks: successor lists by model index */
#define ACTIVE(i) (!(m->has_status_date && m->tasks[i].done))
    long nlinks = 0;
    for (int i = 0; i < N; i++) {
        if (!ACTIVE(i))
            continue;
        for (int l = 0; l < m->tasks[i].n_after; l++) {
            int q = m->tasks[i].after[l].pred;
            if (q >= 0 && ACTIVE(q) && q != i) {
                sstart[q + 1]++;
                indeg[i]++;
                nlinks++;
            }
        }
    }
    for (int i = 0; i < N; i++)
        sstart[i + 1] += sstart[i];
    succ = malloc((size_t)(nlinks ? nlinks : 1) * sizeof *succ);
    succ_fill = calloc(nz, sizeof *succ_fill);
    if (!succ || !succ_fill)
        goto oom;
    for (int i = 0; i < N; i++) {
        if (!ACTIVE(i))
            continue;
        for (int l = 0; l < m->tasks[i].n_after; l++) {
            int q = m->tasks[i].after[l].pred;
            if (q >= 0 && ACTIVE(q) && q != i)
                succ[sstart[q] + succ_fill[q]++] = i;
        }
    }
    /* Kahn's algorithm, in file order among ready tasks */
    int head = 0, tail = 0, n = 0;
    for (int i = 0; i < N; i++) {
        net->pos_of[i] = -1;
        if (ACTIVE(i) && indeg[i] == 0)
            queue[tail++] = i;
    }
    while (head < tail) {
        int i = queue[head++];
        net->pos_of[i] = n++;
        for (int s = sstart[i]; s < sstart[i + 1]; s++)
            if (--indeg[succ[s]] == 0)
                queue[tail++] = succ[s];
    }
    /* a cycle would leave tasks unplaced: the loader rejects cycles, so any
     * task left here is simply dropped from the order */
    net->n = n;
    size_t nn = (size_t)(n ? n : 1);
    net->model_idx = malloc(nn * sizeof *net->model_idx);
    net->dur = malloc(nn * sizeof *net->dur);
    net->fixed = malloc(nn * sizeof *net->fixed);
    net->rate = malloc(nn * sizeof *net->rate);
    net->dur_kind = malloc(nn);
    net->dur_const = malloc(nn * sizeof *net->dur_const);
    net->key = malloc(nn * sizeof *net->key);
    net->min_start = malloc(nn * sizeof *net->min_start);
    net->pred_start = calloc(nn + 1, sizeof *net->pred_start);
    net->dominated = calloc(nn, 1);
    net->pred_pos = malloc((size_t)(nlinks ? nlinks : 1) * sizeof *net->pred_pos);
    net->pred_type = malloc((size_t)(nlinks ? nlinks : 1));
    net->pred_lag = malloc((size_t)(nlinks ? nlinks : 1) * sizeof *net->pred_lag);
    if (!net->model_idx || !net->dur || !net->fixed || !net->rate || !net->dur_kind ||
        !net->dur_const || !net->key || !net->min_start || !net->pred_start ||
        !net->dominated || !net->pred_pos || !net->pred_type || !net->pred_lag)
        goto oom;
    for (int i = 0; i < N; i++) {
        int p = net->pos_of[i];
        if (p < 0)
            continue;
        const rc_task *t = &m->tasks[i];
        net->model_idx[p] = i;
        net->dur[p] = &t->duration;
        net->fixed[p] = &t->cost_fixed;
        net->rate[p] = &t->cost_rate;
        net->dur_kind[p] = (t->milestone || rc_dist_is_fixed(&t->duration)) ? 0 : 1;
        net->dur_const[p] = t->milestone ? 0 : fmax(0, rc_dist_plan(&t->duration));
        net->key[p] = rc_rng_key(0, t->id); /* re-keyed with the seed by the simulation */
        double ms = net->status_offset;
        if (t->has_not_before) {
            double nb = (double)rc_calendar_offset(&m->calendar, t->not_before);
            if (nb > ms)
                ms = nb;
        }
        net->min_start[p] = ms > 0 ? ms : 0;
    }
    /* predecessor CSR by position */
    int m_links = 0;
    for (int p = 0; p < n; p++) {
        const rc_task *t = &m->tasks[net->model_idx[p]];
        net->pred_start[p] = m_links;
        for (int l = 0; l < t->n_after; l++) {
            const rc_link *lk = &t->after[l];
            int q = lk->pred >= 0 ? net->pos_of[lk->pred] : -1;
            if (q < 0 || q == p)
                continue;
            net->pred_pos[m_links] = q;
            net->pred_type[m_links] = (uint8_t)lk->type;
            net->pred_lag[m_links] = lk->lag;
            if ((lk->type == RC_LINK_FS || lk->type == RC_LINK_FF) && lk->lag >= 0)
                net->dominated[q] = 1;
            m_links++;
        }
    }
    net->pred_start[n] = m_links;
    net->m = m_links;
    if (m->has_deadline)
        net->deadline_date = m->deadline;

    /* risks: the open ones */
    int nr = 0;
#define RISK_IN(r) (!m->risks[r].closed && (!include || include[r]))
    for (int r = 0; r < m->n_risks; r++)
        if (RISK_IN(r))
            nr++;
    net->risks = calloc((size_t)(nr ? nr : 1), sizeof *net->risks);
    if (!net->risks)
        goto oom;
    net->n_risks = nr;
    int k = 0;
    for (int r = 0; r < m->n_risks; r++) {
        const rc_risk *rk = &m->risks[r];
        if (!RISK_IN(r))
            continue;
        bool mit = mitigate ? mitigate[r] != 0 : mitigated;
        rc_net_risk *nr_ = &net->risks[k++];
        nr_->model_idx = r;
        nr_->key = rc_rng_key(0, rk->id);
        nr_->has_alt = rk->has_mitigation;
        nr_->alt_cost = rk->mitigation_cost;
        nr_->mit0 = mit && rk->has_mitigation;
        if (nr_->mit0)
            net->mitigation_cost += rk->mitigation_cost;
        const rc_risk_effect *e0 = (mit && rk->has_mitigation) ? &rk->mitigated : &rk->effect;
        const rc_risk_effect *e1 = (mit && rk->has_mitigation) ? &rk->effect
                                   : (rk->has_mitigation ? &rk->mitigated : &rk->effect);
        if (effect_compile(net, e0, &nr_->effect[0]) || effect_compile(net, e1, &nr_->effect[1]))
            goto oom;
    }
    /* impact slots of effect[0] and the incidence lists per position */
    net->inc_start = calloc(nn + 1, sizeof *net->inc_start);
    if (!net->inc_start)
        goto oom;
    int n_slots = 0;
    long n_inc = 0;
    for (int r = 0; r < nr; r++) {
        const rc_net_effect *e = &net->risks[r].effect[0];
        n_slots += e->n_impacts;
        for (int j = 0; j < e->n_impacts; j++)
            for (int t = 0; t < e->impacts[j].n_pos; t++) {
                net->inc_start[e->impacts[j].pos[t] + 1]++;
                n_inc++;
            }
    }
    net->n_slots = n_slots;
    net->slot_risk = malloc((size_t)(n_slots ? n_slots : 1) * sizeof *net->slot_risk);
    net->inc_slot = malloc((size_t)(n_inc ? n_inc : 1) * sizeof *net->inc_slot);
    int *inc_fill = calloc(nn, sizeof *inc_fill);
    if (!net->slot_risk || !net->inc_slot || !inc_fill) {
        free(inc_fill);
        goto oom;
    }
    for (int p = 0; p < n; p++)
        net->inc_start[p + 1] += net->inc_start[p];
    int slot = 0;
    for (int r = 0; r < nr; r++) {
        const rc_net_effect *e = &net->risks[r].effect[0];
        for (int j = 0; j < e->n_impacts; j++, slot++) {
            net->slot_risk[slot] = r;
            for (int t = 0; t < e->impacts[j].n_pos; t++) {
                int p = e->impacts[j].pos[t];
                net->inc_slot[net->inc_start[p] + inc_fill[p]++] = slot;
            }
        }
    }
    free(inc_fill);

    /* successor lists by position, the positions that can hold the project
     * finish, and per risk the positions it touches */
    net->succ_start = calloc(nn + 1, sizeof *net->succ_start);
    net->succ_pos = malloc((size_t)(m_links ? m_links : 1) * sizeof *net->succ_pos);
    net->nd_pos = malloc(nn * sizeof *net->nd_pos);
    uint32_t *stamp = calloc(nn, sizeof *stamp);
    int *fill = calloc(nn, sizeof *fill);
    if (!net->succ_start || !net->succ_pos || !net->nd_pos || !stamp || !fill) {
        free(stamp), free(fill);
        goto oom;
    }
    for (int e = 0; e < m_links; e++)
        net->succ_start[net->pred_pos[e] + 1]++;
    for (int p = 0; p < n; p++)
        net->succ_start[p + 1] += net->succ_start[p];
    for (int p = 0; p < n; p++)
        for (int e = net->pred_start[p]; e < net->pred_start[p + 1]; e++) {
            int q = net->pred_pos[e];
            net->succ_pos[net->succ_start[q] + fill[q]++] = p;
        }
    free(fill);
    for (int p = 0; p < n; p++)
        if (!net->dominated[p])
            net->nd_pos[net->n_nd++] = p;
    for (int r = 0; r < nr; r++) {
        rc_net_risk *rk = &net->risks[r];
        uint32_t tok = (uint32_t)r + 1;
        int nt = 0;
        for (int s = 0; s < 2; s++)
            for (int j = 0; j < rk->effect[s].n_impacts; j++)
                nt += rk->effect[s].impacts[j].n_pos;
        rk->touched = malloc((size_t)(nt ? nt : 1) * sizeof *rk->touched);
        if (!rk->touched) {
            free(stamp);
            goto oom;
        }
        for (int s = 0; s < 2; s++)
            for (int j = 0; j < rk->effect[s].n_impacts; j++)
                for (int t = 0; t < rk->effect[s].impacts[j].n_pos; t++) {
                    int p = rk->effect[s].impacts[j].pos[t];
                    if (stamp[p] != tok) {
                        stamp[p] = tok;
                        rk->touched[rk->n_touched++] = p;
                    }
                }
        qsort(rk->touched, (size_t)rk->n_touched, sizeof *rk->touched, cmp_int);
    }
    free(stamp);
    if (compile_correlations(net, d))
        goto oom;
    free(indeg), free(queue), free(sstart), free(succ), free(succ_fill);
    return net;
oom:
    free(indeg), free(queue), free(sstart), free(succ), free(succ_fill);
    rc_net_free(net);
    return NULL;
#undef ACTIVE
#undef RISK_IN
}

double rc_net_forward(const rc_net *net, const double *dur, double *es, double *ef)
{
    double D = net->status_offset;
    const int *ps = net->pred_start;
    for (int p = 0; p < net->n; p++) {
        double s = net->min_start[p], d = dur[p];
        for (int e = ps[p]; e < ps[p + 1]; e++) {
            int q = net->pred_pos[e];
            double lag = net->pred_lag[e], v;
            switch (net->pred_type[e]) {
            case RC_LINK_FS: v = ef[q] + lag; break;
            case RC_LINK_SS: v = es[q] + lag; break;
            case RC_LINK_FF: v = ef[q] + lag - d; break;
            default:         v = es[q] + lag - d; break;
            }
            if (v > s)
                s = v;
        }
        es[p] = s;
        ef[p] = s + d;
        if (s + d > D)
            D = s + d;
    }
    return D;
}

void rc_net_backward(const rc_net *net, const double *dur, const double *ef,
                     double D, double *lf, uint8_t *crit)
{
    int n = net->n;
    for (int p = 0; p < n; p++)
        lf[p] = D;
    double eps = RC_FLOAT_EPS * (D > 1 ? D : 1);
    const int *ps = net->pred_start;
    for (int p = n - 1; p >= 0; p--) {
        double lfp = lf[p], ls = lfp - dur[p];
        crit[p] = (lfp - ef[p]) <= eps;
        for (int e = ps[p]; e < ps[p + 1]; e++) {
            int q = net->pred_pos[e];
            double lag = net->pred_lag[e], v;
            switch (net->pred_type[e]) {
            case RC_LINK_FS: v = ls - lag; break;
            case RC_LINK_SS: v = ls - lag + dur[q]; break;
            case RC_LINK_FF: v = lfp - lag; break;
            default:         v = lfp - lag + dur[q]; break;
            }
            if (v < lf[q])
                lf[q] = v;
        }
    }
}

double rc_net_time_cost(const rc_net *net, double duration)
{
    const rc_model *m = net->model;
    double c = m->overhead_per_day * duration;
    if (m->has_deadline && m->penalty_per_day != 0) {
        rc_date f = rc_calendar_date(&m->calendar, duration);
        if (f > m->deadline)
            c += m->penalty_per_day * (double)(f - m->deadline);
    }
    return c;
}

int rc_plan_compute(const rc_net *net, rc_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    int n = net->n;
    size_t nn = (size_t)(n ? n : 1);
    double *dur = malloc(nn * sizeof *dur), *lf = malloc(nn * sizeof *lf);
    plan->lf = lf;
    plan->es = malloc(nn * sizeof *plan->es);
    plan->ef = malloc(nn * sizeof *plan->ef);
    plan->critical = malloc(nn);
    if (!dur || !lf || !plan->es || !plan->ef || !plan->critical) {
        free(dur);
        rc_plan_delete(plan);
        return -1;
    }
    double cost = net->actual_cost + net->mitigation_cost;
    for (int p = 0; p < n; p++) {
        const rc_task *t = &net->model->tasks[net->model_idx[p]];
        dur[p] = t->milestone ? 0 : fmax(0, rc_dist_plan(&t->duration));
        cost += rc_dist_plan(&t->cost_fixed) + rc_dist_plan(&t->cost_rate) * dur[p];
    }
    plan->duration = rc_net_forward(net, dur, plan->es, plan->ef);
    rc_net_backward(net, dur, plan->ef, plan->duration, lf, plan->critical);
    plan->finish = rc_calendar_date(&net->model->calendar, plan->duration);
    plan->cost = cost + rc_net_time_cost(net, plan->duration);
    free(dur);
    return 0;
}

void rc_plan_delete(rc_plan *plan)
{
    if (!plan)
        return;
    free(plan->es);
    free(plan->ef);
    free(plan->critical);
    free(plan->lf);
    memset(plan, 0, sizeof *plan);
}

/* The plan's driving chain: from the task that finishes last, back through
 * the predecessor whose link is tight (it sets the start or finish) and whose
 * float is zero, to a task that nothing drives. Writes positions in forward
 * order into OUT (capacity net->n) and returns how many. */
int rc_plan_chain(const rc_net *net, const rc_plan *plan, int *out)
{
    int n = net->n, p = -1, k = 0;
    double eps = 1e-9 * (plan->duration > 1 ? plan->duration : 1);
    for (int q = 0; q < n; q++)
        if (plan->critical[q] && fabs(plan->ef[q] - plan->duration) <= eps &&
            (p < 0 || plan->ef[q] - plan->es[q] > plan->ef[p] - plan->es[p]))
            p = q;
    while (p >= 0 && k < n) {
        out[k++] = p;
        int next = -1;
        double d = plan->ef[p] - plan->es[p];
        for (int e = net->pred_start[p]; e < net->pred_start[p + 1] && next < 0; e++) {
            int q = net->pred_pos[e];
            if (!plan->critical[q])
                continue;
            double lag = net->pred_lag[e], v;
            switch (net->pred_type[e]) {
            case RC_LINK_FS: v = plan->ef[q] + lag; break;
            case RC_LINK_SS: v = plan->es[q] + lag; break;
            case RC_LINK_FF: v = plan->ef[q] + lag - d; break;
            default:         v = plan->es[q] + lag - d; break;
            }
            if (fabs(v - plan->es[p]) <= eps)
                next = q;
        }
        p = next;
    }
    for (int a = 0, b = k - 1; a < b; a++, b--) {
        int t = out[a];
        out[a] = out[b];
        out[b] = t;
    }
    return k;
}
