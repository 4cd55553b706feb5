/* model.c - the project model's lifecycle, id lookup and resolution of the
 * ids a file writes (links, impacts, correlations) into task indices, with
 * the checks that need the whole model: unique ids, unknown ids, self-links
 * and dependency cycles. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

static const rc_mark no_mark = {0, 0};

/* ---- lifecycle ---- */

rc_model *rc_model_alloc(void)
{
    rc_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->version = 1;
    m->default_dist = RC_DIST_TRIANGULAR;
    rc_calendar_init(&m->calendar);
    return m;
}

static void free_impacts(rc_impact *im, int n)
{
    if (!im)
        return;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < im[i].n_tasks; j++)
            free(im[i].tasks[j]);
        free(im[i].tasks);
        free(im[i].task_idx);
        free(im[i].task_marks);
        rc_dist_delete(&im[i].delay);
        rc_dist_delete(&im[i].scale);
        rc_dist_delete(&im[i].cost);
    }
    free(im);
}

void rc_model_free(rc_model *m)
{
    if (!m)
        return;
    free(m->name);
    free(m->currency);
    rc_calendar_delete(&m->calendar);
    for (int i = 0; i < m->n_tasks; i++) {
        rc_task *t = &m->tasks[i];
        free(t->id);
        free(t->name);
        rc_dist_delete(&t->duration);
        rc_dist_delete(&t->cost_fixed);
        rc_dist_delete(&t->cost_rate);
        for (int j = 0; j < t->n_after; j++)
            free(t->after[j].task);
        free(t->after);
    }
    free(m->tasks);
    for (int i = 0; i < m->n_risks; i++) {
        rc_risk *r = &m->risks[i];
        free(r->id);
        free(r->name);
        free(r->owner);
        free(r->category);
        free(r->trigger);
        free(r->response);
        free(r->mitigation_action);
        free_impacts(r->effect.impacts, r->effect.n_impacts);
        free_impacts(r->mitigated.impacts, r->mitigated.n_impacts);
    }
    free(m->risks);
    for (int i = 0; i < m->n_corrs; i++) {
        rc_correlation *c = &m->corrs[i];
        for (int j = 0; j < c->n_tasks; j++)
            free(c->tasks[j]);
        free(c->tasks);
        free(c->task_idx);
        free(c->task_marks);
    }
    free(m->corrs);
    free(m);
}

int rc_model_find_task(const rc_model *m, const char *id)
{
    for (int i = 0; i < m->n_tasks; i++)
        if (m->tasks[i].id && strcmp(m->tasks[i].id, id) == 0)
            return i;
    return -1;
}

/* ---- id map: open addressing, linear probing, FNV-1a ---- */

static size_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return (size_t)(h ^ (h >> 29));
}

int rc_idmap_init(rc_idmap *m, size_t expected)
{
    size_t cap = 16;
    while (cap < expected * 2 + 1)
        cap *= 2;
    m->keys = calloc(cap, sizeof *m->keys);
    m->vals = calloc(cap, sizeof *m->vals);
    m->cap = cap;
    m->n = 0;
    if (!m->keys || !m->vals) {
        rc_idmap_delete(m);
        return -1;
    }
    return 0;
}

void rc_idmap_delete(rc_idmap *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

static int idmap_grow(rc_idmap *m)
{
    rc_idmap n;
    if (rc_idmap_init(&n, m->cap) != 0) /* doubles: cap >= 2 * old cap */
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            rc_idmap_put(&n, m->keys[i], m->vals[i]);
    rc_idmap_delete(m);
    *m = n;
    return 0;
}

int rc_idmap_put(rc_idmap *m, const char *key, int val)
{
    if (m->cap == 0 && rc_idmap_init(m, 8) != 0)
        return -2;
    if ((m->n + 1) * 2 > m->cap && idmap_grow(m) != 0)
        return -2;
    size_t mask = m->cap - 1, i = hash_str(key) & mask;
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & mask;
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    return -1;
}

int rc_idmap_get(const rc_idmap *m, const char *key)
{
    if (m->cap == 0)
        return -1;
    size_t mask = m->cap - 1, i = hash_str(key) & mask;
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & mask;
    }
    return -1;
}

/* ---- resolution ---- */

/* Map values: task i -> i; risk j -> -(j + 3). */
#define RISK_VAL(j) (-((j) + 3))

static int lookup_task(const rc_idmap *ids, const char *id,
                       rc_mark mark, rc_diags *d, int *errors)
{
    int v = rc_idmap_get(ids, id);
    if (v >= 0)
        return v;
    if (v <= RISK_VAL(0))
        rc_error(d, mark, "unknown task '%s' ('%s' is a risk)", id, id);
    else
        rc_error(d, mark, "unknown task '%s'", id);
    (*errors)++;
    return -1;
}

/* Append "a -> " style text to BUF, keeping it bounded. */
static void cat_bounded(char *buf, size_t cap, const char *s)
{
    size_t n = strlen(buf), k = strlen(s);
    if (n + k + 1 > cap)
        return;
    memcpy(buf + n, s, k + 1);
}

/* Find and report the dependency cycles. Kahn's algorithm over every link
 * removes all tasks that are not in or behind a cycle; from each remaining
 * task, walking to a remaining predecessor must come back on itself. */
static int find_cycles(rc_model *m, rc_diags *d)
{
    int n = m->n_tasks, errors = 0;
    if (n == 0)
        return 0;
    int *indeg = calloc((size_t)n, sizeof *indeg);
    int *start = calloc((size_t)n + 1, sizeof *start);
    int *stamp = calloc((size_t)n, sizeof *stamp);
    int *queue = malloc((size_t)n * sizeof *queue);
    int *path = malloc((size_t)n * sizeof *path);
    int *path_link = malloc((size_t)n * sizeof *path_link);
    int *succ = NULL;
    size_t n_edges = 0;
    if (!indeg || !start || !stamp || !queue || !path || !path_link)
        goto done;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m->tasks[i].n_after; j++) {
            int p = m->tasks[i].after[j].pred;
            if (p >= 0 && p != i) {
                start[p + 1]++;
                indeg[i]++;
                n_edges++;
            }
        }
    for (int i = 0; i < n; i++)
        start[i + 1] += start[i];
    succ = malloc((n_edges ? n_edges : 1) * sizeof *succ);
    if (!succ)
        goto done;
    {
        int *fill = queue; /* reuse as a write cursor per node */
        for (int i = 0; i < n; i++)
            fill[i] = start[i];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m->tasks[i].n_after; j++) {
                int p = m->tasks[i].after[j].pred;
                if (p >= 0 && p != i)
                    succ[fill[p]++] = i;
            }
    }
    int head = 0, tail = 0;
    for (int i = 0; i < n; i++)
        if (indeg[i] == 0)
            queue[tail++] = i;
    while (head < tail) {
        int v = queue[head++];
        for (int e = start[v]; e < start[v + 1]; e++)
            if (--indeg[succ[e]] == 0)
                queue[tail++] = succ[e];
    }
    if (tail == n)
        goto done;

    /* indeg[v] > 0 now marks the tasks left over */
    int walk = 0;
    for (int s = 0; s < n; s++) {
        if (indeg[s] == 0 || stamp[s])
            continue;
        walk++;
        int len = 0, v = s;
        while (!stamp[v]) {
            stamp[v] = walk;
            path[len] = v;
            int next = -1, link = -1;
            for (int j = 0; j < m->tasks[v].n_after; j++) {
                int p = m->tasks[v].after[j].pred;
                if (p >= 0 && p != v && indeg[p] > 0) {
                    next = p;
                    link = j;
                    break;
                }
            }
            path_link[len++] = link;
            if (next < 0)
                break; /* cannot happen: a left-over task has a left-over predecessor */
            v = next;
        }
        if (stamp[v] != walk)
            continue; /* ran into a cycle found by an earlier walk */
        int p0 = 0;
        while (path[p0] != v)
            p0++;
        /* path[i+1] is a predecessor of path[i]: the dependency order is
         * path[p0] -> path[len-1] -> ... -> path[p0+1] -> path[p0] */
        char buf[800] = "dependency cycle: ";
        const size_t cap = sizeof buf - 8;
        cat_bounded(buf, cap, m->tasks[path[p0]].id);
        for (int i = len - 1; i >= p0; i--) {
            if (strlen(buf) + strlen(m->tasks[path[i]].id) + 5 > cap) {
                cat_bounded(buf, sizeof buf, " -> ...");
                break;
            }
            cat_bounded(buf, cap, " -> ");
            cat_bounded(buf, cap, m->tasks[path[i]].id);
        }
        /* the link of path[p0] on its predecessor path[p0+1] (or the last) */
        int at = p0 + 1 < len ? p0 : len - 1;
        rc_link *l = &m->tasks[path[at]].after[path_link[at]];
        rc_error(d, l->mark, "%s", buf);
        errors++;
    }

done:
    free(indeg);
    free(start);
    free(stamp);
    free(queue);
    free(path);
    free(path_link);
    free(succ);
    return errors;
}

static int resolve_list(rc_model *m, const rc_idmap *ids, char **names,
                        int **idx, const rc_mark *marks, int n, rc_diags *d,
                        int *errors)
{
    if (!*idx && n > 0) {
        *idx = calloc((size_t)n, sizeof **idx);
        if (!*idx)
            return -1;
    }
    for (int j = 0; j < n; j++)
        (*idx)[j] = lookup_task(ids, names[j], marks ? marks[j] : no_mark,
                                d, errors);
    return 0;
}

static void resolve_impacts(rc_model *m, const rc_idmap *ids, rc_impact *im,
                            int n, rc_diags *d, int *errors)
{
    for (int i = 0; i < n; i++)
        resolve_list(m, ids, im[i].tasks, &im[i].task_idx, im[i].task_marks,
                     im[i].n_tasks, d, errors);
}

/* Impacts the mitigation copied from the risk keep the marks of the risk's
 * own impacts: an unknown id there was reported already. */
static bool mark_in_effect(const rc_risk *r, rc_mark mk)
{
    for (int i = 0; i < r->effect.n_impacts; i++)
        for (int j = 0; j < r->effect.impacts[i].n_tasks; j++) {
            rc_mark e = r->effect.impacts[i].task_marks
                            ? r->effect.impacts[i].task_marks[j]
                            : no_mark;
            if (e.line == mk.line && e.col == mk.col)
                return true;
        }
    return false;
}

static void resolve_mitigated(rc_model *m, const rc_idmap *ids, rc_risk *r,
                              rc_diags *d, int *errors)
{
    for (int i = 0; i < r->mitigated.n_impacts; i++) {
        rc_impact *im = &r->mitigated.impacts[i];
        if (!im->task_idx && im->n_tasks > 0) {
            im->task_idx = calloc((size_t)im->n_tasks, sizeof *im->task_idx);
            if (!im->task_idx)
                return;
        }
        for (int j = 0; j < im->n_tasks; j++) {
            rc_mark mk = im->task_marks ? im->task_marks[j] : no_mark;
            int v = rc_idmap_get(ids, im->tasks[j]);
            if (v >= 0 || !mark_in_effect(r, mk))
                im->task_idx[j] = lookup_task(ids, im->tasks[j], mk, d, errors);
            else
                im->task_idx[j] = -1;
        }
    }
}

int rc_model_resolve(rc_model *m, rc_diags *d)
{
    int errors = 0;
    rc_idmap ids = {0};
    if (rc_idmap_init(&ids, (size_t)m->n_tasks + (size_t)m->n_risks) != 0) {
        rc_error(d, no_mark, "out of memory");
        return 1;
    }

    for (int i = 0; i < m->n_tasks; i++) {
        rc_task *t = &m->tasks[i];
        if (!t->id)
            continue;
        int v = rc_idmap_put(&ids, t->id, i);
        if (v >= 0) {
            rc_error(d, t->id_mark,
                     "duplicate id '%s': already used by the task at line %d",
                     t->id, m->tasks[v].id_mark.line);
            errors++;
        }
    }
    for (int j = 0; j < m->n_risks; j++) {
        rc_risk *r = &m->risks[j];
        if (!r->id)
            continue;
        int v = rc_idmap_put(&ids, r->id, RISK_VAL(j));
        if (v >= 0) {
            rc_error(d, r->id_mark,
                     "duplicate id '%s': already used by the task at line %d "
                     "(ids are unique across tasks and risks)",
                     r->id, m->tasks[v].id_mark.line);
            errors++;
        } else if (v <= RISK_VAL(0)) {
            rc_error(d, r->id_mark,
                     "duplicate id '%s': already used by the risk at line %d",
                     r->id, m->risks[-v - 3].id_mark.line);
            errors++;
        }
    }

    for (int i = 0; i < m->n_tasks; i++) {
        rc_task *t = &m->tasks[i];
        for (int j = 0; j < t->n_after; j++) {
            rc_link *l = &t->after[j];
            l->pred = lookup_task(&ids, l->task, l->mark, d, &errors);
            if (l->pred == i) {
                rc_error(d, l->mark, "task '%s' cannot follow itself", t->id);
                errors++;
            }
        }
    }
    for (int j = 0; j < m->n_risks; j++) {
        rc_risk *r = &m->risks[j];
        resolve_impacts(m, &ids, r->effect.impacts, r->effect.n_impacts, d, &errors);
        if (r->has_mitigation && r->mitigated.impacts != r->effect.impacts)
            resolve_mitigated(m, &ids, r, d, &errors);
    }
    for (int k = 0; k < m->n_corrs; k++) {
        rc_correlation *c = &m->corrs[k];
        resolve_list(m, &ids, c->tasks, &c->task_idx, c->task_marks, c->n_tasks, d,
                     &errors);
        /* distinct tasks: a small map per correlation */
        rc_idmap seen = {0};
        if (rc_idmap_init(&seen, (size_t)c->n_tasks) == 0) {
            for (int j = 0; j < c->n_tasks; j++)
                if (rc_idmap_put(&seen, c->tasks[j], j) >= 0) {
                    rc_error(d, c->task_marks ? c->task_marks[j] : c->mark,
                             "task '%s' is listed twice in this correlation",
                             c->tasks[j]);
                    errors++;
                }
            rc_idmap_delete(&seen);
        }
    }
    rc_idmap_delete(&ids);

    errors += find_cycles(m, d);
    return errors;
}
