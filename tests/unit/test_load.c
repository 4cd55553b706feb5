/* test_load.c - the project-file loader: every form loads to the right
 * values, every diagnostic lands at the right line and column. */
#include <stdlib.h>
#include <time.h>

#include "load.h"
#include "test.h"

#define HEAD "version: 1\nproject:\n  name: T\n  start: 2027-01-04\n"

static rc_diags g_d;

/* Load SRC; on success returns the model (caller frees), else NULL.
 * Diagnostics stay in g_d until the next call. */
static rc_model *load(const char *src)
{
    rc_model *m = NULL;
    rc_diags_delete(&g_d);
    rc_diags_init(&g_d, "t.yaml");
    rc_load_status s = rc_load_buffer(src, strlen(src), &m, &g_d);
    if (s != RC_LOAD_OK && m)
        printf("  status %d but a model\n", (int)s);
    return m;
}

static void dump(void)
{
    for (size_t i = 0; i < g_d.n; i++)
        printf("    %d:%d: %s\n", g_d.items[i].mark.line, g_d.items[i].mark.col,
               g_d.items[i].msg);
}

/* True when an error at LINE:COL contains TEXT. */
static int has(int line, int col, const char *text)
{
    for (size_t i = 0; i < g_d.n; i++)
        if (g_d.items[i].sev == RC_SEV_ERROR && g_d.items[i].mark.line == line &&
            g_d.items[i].mark.col == col && strstr(g_d.items[i].msg, text))
            return 1;
    dump();
    return 0;
}

/* The number of warnings, and whether one at LINE:COL contains TEXT. */
static int n_warnings(void)
{
    int n = 0;
    for (size_t i = 0; i < g_d.n; i++)
        n += g_d.items[i].sev == RC_SEV_WARNING;
    return n;
}

static int has_warning(int line, int col, const char *text)
{
    for (size_t i = 0; i < g_d.n; i++)
        if (g_d.items[i].sev == RC_SEV_WARNING && g_d.items[i].mark.line == line &&
            g_d.items[i].mark.col == col && strstr(g_d.items[i].msg, text))
            return 1;
    dump();
    return 0;
}

/* The file SRC loads, with exactly N warnings. */
#define WARNS(src, n)                                                          \
    do {                                                                       \
        rc_model *m_ = load(src);                                              \
        CHECK(m_ != NULL);                                                     \
        rc_model_free(m_);                                                     \
        CHECK(n_warnings() == (n));                                            \
        if (n_warnings() != (n))                                               \
            dump();                                                            \
    } while (0)

/* The file SRC fails with an error at LINE:COL containing TEXT. */
#define BAD(src, line, col, text)                                              \
    do {                                                                       \
        rc_model *m_ = load(src);                                              \
        CHECK(m_ == NULL);                                                     \
        rc_model_free(m_);                                                     \
        CHECK(has(line, col, text));                                           \
    } while (0)

TEST(spec_example)
{
    rc_model *m = load(HEAD
        "  currency: CNY\n"
        "  deadline: 2027-03-31\n"
        "  budget: 120000\n"
        "  price: 150000\n"
        "  overhead_per_day: 800\n"
        "  penalty_per_day: 1000\n"
        "  status_date: 2027-02-15\n"
        "calendar:\n"
        "  workdays: [mon, tue, wed, thu, fri]\n"
        "  holidays: [2027-02-10, {from: 2027-02-11, to: 2027-02-17}]\n"
        "  extra_workdays: [2027-02-07]\n"
        "simulation:\n"
        "  iterations: 10000\n"
        "  seed: 18446744073709551615\n"
        "  confidence: 0.8\n"
        "tasks:\n"
        "  - id: design\n"
        "    name: UI design\n"
        "    duration: [4, 6, 10]\n"
        "    cost: {fixed: 3000, rate: 1200}\n"
        "    after: [reqs]\n"
        "  - id: build\n"
        "    duration: {dist: pert, min: 10, likely: 15, max: 25}\n"
        "    after: [{task: design, type: SS, lag: 2}]\n"
        "  - id: launch\n"
        "    milestone: true\n"
        "    after: [build]\n"
        "  - id: reqs\n"
        "    duration: 4\n"
        "    done: true\n"
        "    actual_cost: 5200\n"
        "    not_before: 2027-01-05\n"
        "  - id: test\n"
        "    duration: [3, 5, 9]\n"
        "    started: true\n"
        "    cost: 700\n"
        "risks:\n"
        "  - id: R1\n"
        "    name: Scope\n"
        "    owner: PM\n"
        "    probability: 0.4\n"
        "    impacts:\n"
        "      - tasks: [build]\n"
        "        delay: [2, 5, 12]\n"
        "        cost: [3000, 8000, 15000]\n"
        "    mitigation:\n"
        "      action: Sign-off\n"
        "      cost: 2000\n"
        "      probability: 0.15\n"
        "  - id: R2\n"
        "    frequency: 2\n"
        "    closed: true\n"
        "    impacts:\n"
        "      - tasks: [build, test]\n"
        "        scale: [1.1, 1.3, 1.6]\n"
        "    mitigation:\n"
        "      impacts:\n"
        "        - tasks: [test]\n"
        "          scale: 1.05\n"
        "correlations:\n"
        "  - tasks: [build, test]\n"
        "    coefficient: 0.6\n");
    CHECK(m != NULL);
    if (!m) {
        dump();
        return;
    }
    CHECK_STR(m->name, "T");
    CHECK_STR(m->currency, "CNY");
    CHECK(m->has_deadline && m->has_budget && m->has_price && m->has_status_date);
    CHECK_NEAR(m->budget, 120000, 0);
    CHECK_NEAR(m->overhead_per_day, 800, 0);
    CHECK_INT(m->calendar.n_holidays, 8);
    CHECK_INT(m->calendar.n_extra, 1);
    CHECK(m->has_seed && m->seed == 18446744073709551615ULL);
    CHECK_INT(m->iterations, 10000);
    CHECK_NEAR(m->confidence, 0.8, 0);
    CHECK_INT(m->n_tasks, 5);
    rc_task *t = &m->tasks[0];
    CHECK_STR(t->id, "design");
    CHECK_STR(t->name, "UI design");
    CHECK_INT(t->duration.kind, RC_DIST_TRIANGULAR);
    CHECK_NEAR(t->duration.a, 4, 0);
    CHECK_NEAR(t->duration.b, 6, 0);
    CHECK_NEAR(t->duration.c, 10, 0);
    CHECK_NEAR(t->cost_fixed.a, 3000, 0);
    CHECK_NEAR(t->cost_rate.a, 1200, 0);
    CHECK_INT(t->n_after, 1);
    CHECK_INT(t->after[0].pred, 3);
    CHECK_INT(t->after[0].type, RC_LINK_FS);
    CHECK_INT(t->mark.line, 21);
    CHECK_INT(t->id_mark.line, 21);
    CHECK_INT(t->id_mark.col, 9);
    CHECK_INT(t->duration_mark.line, 23);
    t = &m->tasks[1];
    CHECK_INT(t->duration.kind, RC_DIST_PERT);
    CHECK_NEAR(t->duration.lambda, 4, 0);
    CHECK(t->duration.table != NULL || t->duration.shape != NULL); /* prepared */
    CHECK_INT(t->after[0].type, RC_LINK_SS);
    CHECK_NEAR(t->after[0].lag, 2, 0);
    CHECK_INT(t->after[0].mark.line, 28);
    CHECK(m->tasks[2].milestone);
    CHECK(m->tasks[3].done && m->tasks[3].has_not_before);
    CHECK_NEAR(m->tasks[3].actual_cost, 5200, 0);
    CHECK(m->tasks[4].started);
    CHECK_NEAR(m->tasks[4].cost_fixed.a, 700, 0);
    CHECK_INT(m->n_risks, 2);
    rc_risk *r = &m->risks[0];
    CHECK_STR(r->owner, "PM");
    CHECK(!r->effect.use_frequency);
    CHECK_NEAR(r->effect.probability, 0.4, 0);
    CHECK_INT(r->effect.n_impacts, 1);
    CHECK(r->effect.impacts[0].has_delay && r->effect.impacts[0].has_cost);
    CHECK(!r->effect.impacts[0].has_scale);
    CHECK_INT(r->effect.impacts[0].task_idx[0], 1);
    CHECK(r->has_mitigation);
    CHECK_STR(r->mitigation_action, "Sign-off");
    CHECK_NEAR(r->mitigation_cost, 2000, 0);
    CHECK_NEAR(r->mitigated.probability, 0.15, 0);
    CHECK_INT(r->mitigated.n_impacts, 1); /* copied */
    CHECK(r->mitigated.impacts != r->effect.impacts);
    CHECK(r->mitigated.impacts[0].tasks[0] != r->effect.impacts[0].tasks[0]);
    CHECK_STR(r->mitigated.impacts[0].tasks[0], "build");
    CHECK_INT(r->mitigated.impacts[0].task_idx[0], 1);
    CHECK_NEAR(r->mitigated.impacts[0].delay.c, 12, 0);
    r = &m->risks[1];
    CHECK(r->closed);
    CHECK(r->effect.use_frequency);
    CHECK_NEAR(r->effect.frequency, 2, 0);
    CHECK(r->mitigated.use_frequency); /* kept */
    CHECK_NEAR(r->mitigated.frequency, 2, 0);
    CHECK_INT(r->mitigated.n_impacts, 1); /* replaced */
    CHECK_INT(r->mitigated.impacts[0].n_tasks, 1);
    CHECK_INT(r->mitigated.impacts[0].task_idx[0], 4);
    CHECK_INT(m->n_corrs, 1);
    CHECK_INT(m->corrs[0].task_idx[0], 1);
    CHECK_INT(m->corrs[0].task_idx[1], 4);
    CHECK_NEAR(m->corrs[0].coefficient, 0.6, 0);
    CHECK_STR(m->calendar.start == 20822 ? "ok" : "no", "ok"); /* 2027-01-04 */
    rc_model_free(m);
}

TEST(distribution_forms)
{
    rc_model *m = load(HEAD
        "tasks:\n"
        "  - {id: a, duration: 3.5}\n"
        "  - {id: b, duration: {dist: fixed, value: 2}}\n"
        "  - {id: c, duration: {dist: uniform, min: 1, max: 3}}\n"
        "  - {id: d, duration: {dist: triangular, min: 1, likely: 2, max: 4}}\n"
        "  - {id: e, duration: {dist: pert, min: 1, likely: 2, max: 4, lambda: 2.5}}\n"
        "  - {id: f, duration: {dist: trigen, low: 3, likely: 4, high: 8, low_pct: 10, high_pct: 90}}\n"
        "  - {id: g, duration: {dist: normal, mean: 5, sd: 1.5}}\n"
        "  - {id: h, duration: {dist: lognormal, mean: 5, sd: 2}}\n"
        "  - {id: i, duration: {dist: discrete, values: [1, 2, 5], weights: [1, 3, 1]}}\n"
        "  - {id: j, duration: [1, 2, 3]}\n"
        "  - {id: k, duration: 1e1, cost: {dist: uniform, min: 10, max: 20}}\n");
    CHECK(m != NULL);
    if (!m) {
        dump();
        return;
    }
    rc_task *t = m->tasks;
    CHECK_INT(t[0].duration.kind, RC_DIST_FIXED);
    CHECK_NEAR(t[0].duration.a, 3.5, 0);
    CHECK_INT(t[1].duration.kind, RC_DIST_FIXED);
    CHECK_NEAR(t[1].duration.a, 2, 0);
    CHECK_INT(t[2].duration.kind, RC_DIST_UNIFORM);
    CHECK_NEAR(t[2].duration.c, 3, 0);
    CHECK_INT(t[3].duration.kind, RC_DIST_TRIANGULAR);
    CHECK_INT(t[4].duration.kind, RC_DIST_PERT);
    CHECK_NEAR(t[4].duration.lambda, 2.5, 0);
    CHECK_INT(t[5].duration.kind, RC_DIST_TRIGEN);
    CHECK_NEAR(t[5].duration.low_pct, 10, 0);
    CHECK_NEAR(t[5].duration.high_pct, 90, 0);
    CHECK(t[5].duration.p1 >= 0 && t[5].duration.p1 < 3 && t[5].duration.p2 > 8); /* prepared */
    CHECK_INT(t[6].duration.kind, RC_DIST_NORMAL);
    CHECK_NEAR(t[6].duration.c, 1.5, 0);
    CHECK_INT(t[7].duration.kind, RC_DIST_LOGNORMAL);
    CHECK_INT(t[8].duration.kind, RC_DIST_DISCRETE);
    CHECK_INT(t[8].duration.n, 3);
    CHECK_NEAR(t[8].duration.weights[1], 3, 0);
    CHECK(t[8].duration.cum != NULL);
    CHECK_INT(t[9].duration.kind, RC_DIST_TRIANGULAR);
    CHECK_NEAR(t[10].duration.a, 10, 0);
    CHECK_INT(t[10].cost_fixed.kind, RC_DIST_UNIFORM);
    rc_model_free(m);
}

TEST(default_distribution_after_tasks)
{
    rc_model *m = load("version: 1\n"
                       "tasks:\n"
                       "  - {id: a, duration: [1, 2, 3]}\n"
                       "project:\n"
                       "  start: 2027-01-04\n"
                       "  default_distribution: pert\n");
    CHECK(m != NULL);
    if (m)
        CHECK_INT(m->tasks[0].duration.kind, RC_DIST_PERT);
    rc_model_free(m);
}

TEST(defaults)
{
    rc_model *m = load(HEAD "tasks:\n  - {id: a, duration: 1}\n");
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK_STR(m->currency, "");
    CHECK(!m->has_deadline && !m->has_seed && !m->has_iterations && !m->has_confidence);
    CHECK_INT(m->default_dist, RC_DIST_TRIANGULAR);
    CHECK(m->calendar.workday[0] && !m->calendar.workday[5]);
    CHECK_INT(m->tasks[0].n_after, 0);
    CHECK_NEAR(m->tasks[0].cost_fixed.a, 0, 0);
    rc_model_free(m);
}

TEST(diagnostics_structure)
{
    BAD("", 1, 1, "the file is empty; a project file starts with `version: 1`");
    BAD("# only a comment\n", 1, 1, "the file is empty");
    BAD("version: 2\n", 1, 10, "unsupported version 2; this riskcast reads version 1");
    BAD("- a\n- b\n", 1, 1, "a project file is a mapping");
    BAD("just text\n", 1, 1, "found text 'just text'");
    BAD(HEAD "tasks:\n  - id: a\n    duraton: 3\n", 7, 5,
        "unknown key 'duraton' in task; allowed: id, name, duration");
    CHECK(has(7, 5, "did you mean 'duration'?"));
    BAD(HEAD "tasks:\n  - id: a\n    colour: 3\n    duration: 1\n", 7, 5, "unknown key 'colour'");
    for (size_t i = 0; i < g_d.n; i++)
        CHECK(strstr(g_d.items[i].msg, "did you mean") == NULL);
    BAD(HEAD "tasks:\n  - id: a\n    duration: 3\n    duration: 4\n", 8, 5,
        "duplicate key 'duration' (first at line 7)");
    BAD(HEAD "  a1: 1\n  a2: 1\n  a3: 1\n  a4: 1\n  a5: 1\n  a6: 1\n  a7: 1\n  a3: 2\n"
             "tasks:\n  - {id: a, duration: 1}\n",
        12, 3, "duplicate key 'a3' (first at line 7)");
    BAD(HEAD "simulation:\n  iterations: [1]\ntasks:\n  - {id: a, duration: 1}\n", 6, 15,
        "iterations: expected a whole number, found a list");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {x: 1}\n", 7, 15, "missing key 'dist'");
    BAD(HEAD "tasks:\n  - id: a\n    duration: abc\n", 7, 15,
        "expected a number, found text 'abc'");
    BAD(HEAD "tasks:\n  - id: a\n    duration: \"5\"\n", 7, 15, "found quoted text '5'");
    BAD("version: 1\nproject:\n  name: x\ntasks:\n  - {id: a, duration: 1}\n", 3, 3,
        "missing key 'start' in project");
    BAD("version: 1\ntasks:\n  - {id: a, duration: 1}\n", 1, 1, "missing key 'project'");
    BAD(HEAD "tasks:\n  - name: x\n    duration: 1\n", 6, 5, "missing key 'id' in task");
    BAD(HEAD "tasks:\n  - id: a\n", 6, 5, "missing key 'duration' in task 'a'");
    BAD(HEAD "tasks:\n  - id: a b\n    duration: 1\n", 6, 9, "invalid id 'a b'");
    BAD(HEAD "tasks:\n  - id: 'a/b'\n    duration: 1\n", 6, 9, "invalid id");
}

TEST(diagnostics_values)
{
    BAD(HEAD "tasks:\n  - id: a\n    duration: 1\n    not_before: 2027-02-30\n", 8, 17,
        "invalid date '2027-02-30'");
    BAD(HEAD "tasks:\n  - id: a\n    milestone: true\n    duration: 3\n", 8, 5,
        "a milestone has no duration");
    BAD(HEAD "tasks:\n  - id: a\n    duration: 3\n    done: true\n", 8, 5,
        "needs project.status_date");
    BAD(HEAD "  status_date: 2027-02-01\ntasks:\n  - id: a\n    duration: 3\n    done: true\n"
             "    started: true\n", 10, 5, "both done and started");
    BAD(HEAD "tasks:\n  - id: a\n    duration: 3\n    milestone: yes\n", 8, 16,
        "expected true or false");
    BAD(HEAD "tasks:\n  - id: a\n    duration: .inf\n", 7, 15, "expected a number");
    BAD(HEAD "tasks:\n  - id: a\n    duration: .nan\n", 7, 15, "expected a number");
    BAD(HEAD "tasks:\n  - id: a\n    duration: nan\n", 7, 15, "expected a number");
    BAD(HEAD "tasks:\n  - id: a\n    duration: 0x10\n", 7, 15, "expected a number");
    BAD(HEAD "tasks:\n  - id: a\n    duration: 1e999\n", 7, 15, "out of range");
    BAD(HEAD "tasks:\n  - id: a\n    duration: 1_000\n", 7, 15, "expected a number");
    BAD(HEAD "tasks:\n  - id: a\n    duration: [-1, 2, 3]\n", 7, 15,
        "a duration cannot be negative");
    BAD(HEAD "tasks:\n  - id: a\n    duration: [1, 2]\n", 7, 15, "needs 3 numbers");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: triangular, min: 5, likely: 3, max: 9}\n",
        7, 15, "invalid duration distribution: likely < min");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: pret, min: 1, likely: 2, max: 3}\n", 7,
        22, "did you mean 'pert'?");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: pert, min: 1, likely: 2, max: 3, lambda: -1}\n",
        7, 63, "lambda must be >= 0");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: pert, min: 1, likly: 2, max: 3}\n", 7,
        36, "did you mean 'likely'?");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: trigen, low: 2, likely: 4, high: 8, "
             "low_pct: 90, high_pct: 10}\n", 7, 15, "low_pct must be below high_pct");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: normal, mean: 3, sd: -1}\n", 7, 15,
        "sd < 0");
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: discrete, values: [1, 2], weights: [1]}\n",
        7, 57, "one weight per value");
    BAD(HEAD "tasks:\n  - id: a\n    duration: 1\n    after: [{task: a, type: XX}]\n", 8, 29,
        "expected FS, SS, FF or SF");
    BAD(HEAD "simulation:\n  seed: 18446744073709551616\ntasks:\n  - {id: a, duration: 1}\n",
        6, 9, "unsigned 64-bit");
    BAD(HEAD "simulation:\n  seed: -1\ntasks:\n  - {id: a, duration: 1}\n", 6, 9,
        "expected a whole number");
    BAD(HEAD "simulation:\n  iterations: 0\ntasks:\n  - {id: a, duration: 1}\n", 6, 15,
        "iterations must be between 1 and");
    BAD(HEAD "simulation:\n  iterations: 1.5\ntasks:\n  - {id: a, duration: 1}\n", 6, 15,
        "expected a whole number");
    BAD(HEAD "simulation:\n  confidence: 1\ntasks:\n  - {id: a, duration: 1}\n", 6, 15,
        "strictly between 0 and 1");
    BAD(HEAD "calendar:\n  workdays: [mon, wend]\ntasks:\n  - {id: a, duration: 1}\n", 6,
        19, "did you mean 'wed'?");
    BAD(HEAD "calendar:\n  workdays: []\ntasks:\n  - {id: a, duration: 1}\n", 6, 13,
        "at least one working day");
    BAD(HEAD "calendar:\n  holidays: [{from: 2027-02-10, to: 2027-02-01}]\ntasks:\n"
             "  - {id: a, duration: 1}\n", 6, 37, "ends before it starts");
    BAD(HEAD "  default_distribution: normal\ntasks:\n  - {id: a, duration: 1}\n", 5, 25,
        "triangular or pert");
}

TEST(diagnostics_risks)
{
#define T1 "tasks:\n  - {id: a, duration: 1}\n  - {id: b, duration: 1}\n"
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    frequency: 2\n"
                "    impacts: [{tasks: [a], delay: 1}]\n", 11, 5, "not both");
    BAD(HEAD T1 "risks:\n  - id: R1\n    impacts: [{tasks: [a], delay: 1}]\n", 9, 5,
        "missing key 'probability'");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 1.5\n    impacts: [{tasks: [a], delay: 1}]\n",
        10, 18, "probability must be between 0 and 1");
    BAD(HEAD T1 "risks:\n  - id: R1\n    frequency: -1\n    impacts: [{tasks: [a], delay: 1}]\n",
        10, 16, "frequency must be between 0 and 1000");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [a]}]\n", 11,
        15, "at least one of delay, scale, cost");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{delay: 1}]\n", 11,
        15, "missing key 'tasks' in impact");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [], delay: 1}]\n",
        11, 23, "expected at least 1 task id");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [zz], delay: 1}]\n",
        11, 24, "unknown task 'zz'");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [a], scale: -1}]\n",
        11, 35, "a scale cannot be negative");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [a], delay: 1}]\n"
                "    mitigation:\n      cost: -5\n", 13, 13, "cost must be >= 0");
    BAD(HEAD T1 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [a], delay: 1}]\n"
                "    mitigation:\n      impacts: [{tasks: [q], delay: 1}]\n", 13, 26,
        "unknown task 'q'");
    BAD(HEAD T1 "risks:\n  - id: a\n    probability: 0.5\n    impacts: [{tasks: [a], delay: 1}]\n",
        9, 9, "ids are unique across tasks and risks");
    CHECK(has(9, 9, "line 6"));
    BAD(HEAD T1 "correlations:\n  - tasks: [a]\n    coefficient: 0.5\n", 9, 12,
        "expected at least 2 task ids");
    BAD(HEAD T1 "correlations:\n  - tasks: [a, a]\n    coefficient: 0.5\n", 9, 16,
        "listed twice");
    BAD(HEAD T1 "correlations:\n  - tasks: [a, zz]\n    coefficient: 0.5\n", 9, 16,
        "unknown task 'zz'");
    BAD(HEAD T1 "correlations:\n  - tasks: [a, b]\n    coefficient: -1.5\n", 10, 18,
        "between -1 and 1");
#undef T1
}

TEST(actual_cost_needs_status_date)
{
    /* without a status date the whole cost is forecast: an error at the key */
    BAD(HEAD "tasks:\n  - id: a\n    duration: 3\n    actual_cost: 100\n", 8, 5,
        "actual_cost needs project.status_date (it is what a task has cost up to that date)");
    BAD(HEAD "tasks:\n  - {id: a, duration: 3, done: true, actual_cost: 100}\n", 6, 38,
        "actual_cost needs project.status_date");
#define SD HEAD "  status_date: 2027-01-11\n"
    /* done or started: what it has cost so far, no warning */
    WARNS(SD "tasks:\n  - {id: a, duration: 3, done: true, actual_cost: 100}\n"
             "  - {id: b, duration: 3, started: true, actual_cost: 50}\n", 0);
    rc_model *m = load(SD "tasks:\n  - {id: a, duration: 3, done: true, actual_cost: 100}\n");
    CHECK(m && m->tasks[0].actual_cost == 100);
    rc_model_free(m);
    /* neither: a warning at the key */
    WARNS(SD "tasks:\n  - id: a\n    duration: 3\n    actual_cost: 100\n", 1);
    CHECK(has_warning(9, 5, "neither done nor started"));
}

TEST(closed_risk_optional_fields)
{
#define T1 "tasks:\n  - {id: a, duration: 1}\n  - {id: b, duration: 1}\n"
    rc_model *m = load(HEAD T1 "risks:\n  - id: R1\n    closed: true\n"
                               "  - {id: R2, closed: true, frequency: 2}\n");
    CHECK(m != NULL);
    CHECK(m && m->n_risks == 2 && m->risks[0].closed && m->risks[1].closed);
    rc_model_free(m);
    CHECK(n_warnings() == 0);
    /* still checked when given */
    BAD(HEAD T1 "risks:\n  - id: R1\n    closed: true\n    frequency: -1\n", 11, 16,
        "frequency must be between 0 and 1000");
    BAD(HEAD T1 "risks:\n  - id: R1\n    closed: true\n    impacts: [{tasks: [zz], delay: 1}]\n",
        11, 24, "unknown task 'zz'");
    BAD(HEAD T1 "risks:\n  - id: R1\n    closed: true\n    probability: 0.2\n    frequency: 1\n",
        12, 5, "not both");
    /* an open risk still needs one */
    BAD(HEAD T1 "risks:\n  - id: R1\n    closed: false\n    impacts: [{tasks: [a], delay: 1}]\n",
        9, 5, "missing key 'probability'");
#undef T1
}

TEST(trigen_fitted_minimum)
{
    /* low 0.5 with 20% below it: the fitted triangle starts near -2.88 */
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: trigen, low: 0.5, likely: 2, high: 6, "
             "low_pct: 20, high_pct: 90}\n", 7, 15,
        "this trigen's fitted minimum is -2.881 (below 0): durations cannot be negative; "
        "raise low or low_pct");
    BAD(HEAD "tasks:\n  - {id: a, duration: 2}\nrisks:\n  - id: R1\n    probability: 0.5\n"
             "    impacts: [{tasks: [a], scale: {dist: trigen, low: 0.2, likely: 1, high: 3, "
             "low_pct: 20, high_pct: 80}}]\n", 10, 35, "scales cannot be negative");
    /* a delay or a cost may be negative: no such check */
    WARNS(HEAD "tasks:\n  - {id: a, duration: 2}\nrisks:\n  - id: R1\n    probability: 0.5\n"
               "    impacts: [{tasks: [a], delay: {dist: trigen, low: 0.5, likely: 2, high: 6, "
               "low_pct: 20, high_pct: 90}}]\n", 0);
    /* a fit that stays above 0 loads, and is fitted */
    BAD(HEAD "tasks:\n  - id: a\n    duration: {dist: trigen, low: 2, likely: 4, high: 8, "
             "low_pct: 10, high_pct: 90}\n", 7, 15, "fitted minimum is -0.1045 (below 0)");
    rc_model *m = load(HEAD "tasks:\n  - id: a\n    duration: {dist: trigen, low: 3, likely: 4, "
                            "high: 8, low_pct: 10, high_pct: 90}\n");
    CHECK(m != NULL);
    CHECK(m && m->tasks[0].duration.p1 >= 0 && m->tasks[0].duration.p1 < 3);
    CHECK(m && m->tasks[0].duration.p2 > 8);
    rc_model_free(m);
}

TEST(warnings_no_effect)
{
#define T3 SD "tasks:\n  - {id: a, duration: 3, done: true}\n  - {id: b, duration: 2, after: [a]}\n" \
           "  - {id: c, duration: 2, after: [a]}\n  - {id: m, milestone: true, after: [b, c]}\n"
    /* lines: 6 tasks, 7 a, 8 b, 9 c, 10 m, 11 risks|correlations */
    WARNS(T3 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [b, a], delay: 1}]\n",
          1);
    CHECK(has_warning(14, 27, "task 'a' is done: this impact has no effect on it"));
    /* a mitigation's own impacts too; its copies of the risk's are not warned twice */
    WARNS(T3 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [b], delay: 1}]\n"
             "    mitigation: {impacts: [{tasks: [a], delay: 1}]}\n", 1);
    CHECK(has_warning(15, 37, "task 'a' is done"));
    WARNS(T3 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [a], delay: 1}]\n"
             "    mitigation: {probability: 0.1}\n", 1);
    /* a closed risk does nothing anyway */
    WARNS(T3 "risks:\n  - id: R1\n    closed: true\n    impacts: [{tasks: [a, m], delay: 1}]\n",
          0);
    /* a delay on a milestone makes it a task; a scale or cost on it is harmless */
    WARNS(T3 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [m], delay: 1}]\n",
          1);
    CHECK(has_warning(14, 24, "task 'm' is a milestone: a delay turns it into a real task"));
    WARNS(T3 "risks:\n  - id: R1\n    probability: 0.5\n    impacts: [{tasks: [m], scale: 2, cost: 5}]\n",
          0);
    /* correlations */
    WARNS(T3 "correlations:\n  - tasks: [b, a, m]\n    coefficient: 0.5\n", 2);
    CHECK(has_warning(12, 16, "task 'a' is done: correlating it has no effect"));
    CHECK(has_warning(12, 19, "task 'm' is a milestone (duration 0): correlating it has no effect"));
    WARNS(T3 "correlations:\n  - tasks: [b, c]\n    coefficient: 0.5\n", 0);
#undef T3
}

TEST(warnings_correlation_pair_twice)
{
#define T4 "tasks:\n  - {id: a, duration: 1}\n  - {id: b, duration: 1}\n  - {id: c, duration: 1}\n" \
           "  - {id: d, duration: 1}\ncorrelations:\n"
    /* correlation entries start at lines 11, 13, 15 */
    WARNS(HEAD T4 "  - {tasks: [a, b, c], coefficient: 0.5}\n"
                  "  - {tasks: [d, a], coefficient: 0.2}\n"
                  "  - {tasks: [c, a], coefficient: 0.8}\n", 1);
    CHECK(has_warning(13, 5, "tasks 'a' and 'c' are also correlated at line 11: the coefficient "
                             "here (0.8, line 13) replaces that one (0.5)"));
    /* three times: each later one names the one before it */
    WARNS(HEAD T4 "  - {tasks: [a, b], coefficient: 0.1}\n"
                  "  - {tasks: [b, a], coefficient: 0.2}\n"
                  "  - {tasks: [a, b, d], coefficient: 0.3}\n", 2);
    CHECK(has_warning(12, 5, "also correlated at line 11"));
    CHECK(has_warning(13, 5, "also correlated at line 12: the coefficient here (0.3, line 13) "
                             "replaces that one (0.2)"));
    /* disjoint pairs sharing a task are fine */
    WARNS(HEAD T4 "  - {tasks: [a, b], coefficient: 0.1}\n"
                  "  - {tasks: [b, c], coefficient: 0.2}\n"
                  "  - {tasks: [c, d, a], coefficient: 0.3}\n", 0);
#undef T4
#undef SD
}

TEST(diagnostics_links)
{
    BAD(HEAD "tasks:\n  - {id: a, duration: 1}\n  - {id: a, duration: 2}\n", 7, 10,
        "duplicate id 'a': already used by the task at line 6");
    BAD(HEAD "tasks:\n  - {id: a, duration: 1, after: [nope]}\n", 6, 34, "unknown task 'nope'");
    BAD(HEAD "tasks:\n  - {id: a, duration: 1, after: [a]}\n", 6, 34,
        "task 'a' cannot follow itself");
    BAD(HEAD "tasks:\n"
             "  - id: a\n    duration: 1\n    after: [c]\n"
             "  - id: b\n    duration: 1\n    after: [a]\n"
             "  - id: c\n    duration: 1\n    after: [{task: b, type: FF}]\n",
        8, 13, "dependency cycle: a -> b -> c -> a");
    /* two separate cycles, each named once; a task hanging off one is not */
    rc_model *m = load(HEAD "tasks:\n"
                            "  - {id: a, duration: 1, after: [b]}\n"
                            "  - {id: b, duration: 1, after: [a]}\n"
                            "  - {id: c, duration: 1, after: [a, d]}\n"
                            "  - {id: d, duration: 1, after: [e]}\n"
                            "  - {id: e, duration: 1, after: [d]}\n");
    CHECK(m == NULL);
    CHECK_INT(g_d.n_errors, 2);
    rc_model_free(m);
}

TEST(diagnostics_robustness)
{
    BAD(HEAD "tasks:\n  - id: a\n    duration: &d 1\n  - id: b\n    duration: *d\n", 9, 15,
        "YAML aliases are not supported in project files");
    {
        char buf[600] = HEAD "tasks:\n  - id: a\n    duration: ";
        size_t n = strlen(buf);
        for (int i = 0; i < 80; i++)
            buf[n++] = '[';
        for (int i = 0; i < 80; i++)
            buf[n++] = ']';
        buf[n] = '\0';
        rc_model *m = load(buf);
        CHECK(m == NULL);
        CHECK(g_d.n == 1 && strstr(g_d.items[0].msg, "nesting deeper than 64 levels"));
    }
    BAD(HEAD "tasks:\n  - id: a\n    name: caf\xe9\n    duration: 1\n", 7, 14, "invalid trailing UTF-8 octet");
    BAD("\x00\x01\x02\xff junk", 1, 1, ""); /* strlen: an empty buffer */
    {
        static const char junk[] = "\x01\x02\xfe\xff\x00 junk";
        rc_model *m = NULL;
        rc_diags_delete(&g_d);
        rc_diags_init(&g_d, "t.yaml");
        CHECK(rc_load_buffer(junk, sizeof junk - 1, &m, &g_d) == RC_LOAD_INVALID);
        CHECK(m == NULL);
        CHECK(g_d.n_errors >= 1);
    }
    BAD(HEAD "tasks:\n  - id: a\n    duration: [1, 2\n", 8, 1, "YAML syntax");
    BAD(HEAD "tasks:\n  - {id: a, duration: 1}\n---\nversion: 1\n", 7, 1, "one YAML document");
    {
        /* the size limit is checked before anything is read */
        rc_model *m = NULL;
        rc_diags_delete(&g_d);
        rc_diags_init(&g_d, "t.yaml");
        CHECK(rc_load_buffer("", (size_t)RC_MAX_FILE_BYTES + 1, &m, &g_d) == RC_LOAD_INVALID);
        CHECK(has(1, 1, "268435456 bytes"));
    }
    {
        rc_model *m = NULL;
        char err[200];
        rc_diags_delete(&g_d);
        rc_diags_init(&g_d, "x");
        CHECK(rc_load_file("/nonexistent/riskcast.yaml", &m, &g_d, err, sizeof err) ==
              RC_LOAD_IO);
        CHECK(strstr(err, "No such file") != NULL);
        CHECK(rc_load_file("/", &m, &g_d, err, sizeof err) == RC_LOAD_IO);
        CHECK(strstr(err, "directory") != NULL);
        CHECK(m == NULL);
    }
}

TEST(error_count)
{
    rc_model *m = load("version: 1\nproject:\n  start: 2027-01-04\n  budget: abc\n"
                       "tasks:\n  - id: a\n    duration: 3\n    colour: red\n    after: [zz]\n"
                       "  - id: 'b!'\n    duration: [3, 2, 1]\n");
    CHECK(m == NULL);
    CHECK_INT(g_d.n_errors, 5);
    CHECK(has(4, 11, "budget"));
    CHECK(has(8, 5, "colour"));
    CHECK(has(9, 13, "zz"));
    CHECK(has(10, 9, "b!"));
    CHECK(has(11, 15, "min > max"));
    /* sorted by position */
    for (size_t i = 1; i < g_d.n; i++)
        CHECK(g_d.items[i - 1].mark.line <= g_d.items[i].mark.line);
}

TEST(big_file_loads_fast)
{
    const int n = 200000;
    size_t cap = (size_t)n * 80 + 100, len = 0;
    char *buf = malloc(cap);
    len += (size_t)sprintf(buf, "version: 1\nproject:\n  start: 2027-01-04\ntasks:\n");
    for (int i = 0; i < n; i++) {
        len += (size_t)sprintf(buf + len, "  - id: t%d\n    duration: [%d, %d, 9]\n", i,
                               1 + i % 3, 4 + i % 3);
        if (i > 0)
            len += (size_t)sprintf(buf + len, "    after: [t%d]\n", (int)((i * 7919L) % i));
    }
    rc_model *m = NULL;
    rc_diags_delete(&g_d);
    rc_diags_init(&g_d, "big.yaml");
    clock_t c0 = clock();
    rc_load_status s = rc_load_buffer(buf, len, &m, &g_d);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    CHECK_INT(s, RC_LOAD_OK);
    CHECK(m && m->n_tasks == n);
    if (m)
        CHECK_INT(m->tasks[n - 1].after[0].pred, (int)(((n - 1) * 7919L) % (n - 1)));
    printf("note: 200000 tasks loaded in %.2f s\n", secs);
    CHECK(secs < 20); /* generous: sanitizer builds are slow */
    rc_model_free(m);
    free(buf);
}

int main(void)
{
    RUN(spec_example);
    RUN(distribution_forms);
    RUN(default_distribution_after_tasks);
    RUN(defaults);
    RUN(diagnostics_structure);
    RUN(diagnostics_values);
    RUN(diagnostics_risks);
    RUN(actual_cost_needs_status_date);
    RUN(closed_risk_optional_fields);
    RUN(trigen_fitted_minimum);
    RUN(warnings_no_effect);
    RUN(warnings_correlation_pair_twice);
    RUN(diagnostics_links);
    RUN(diagnostics_robustness);
    RUN(error_count);
    RUN(big_file_loads_fast);
    rc_diags_delete(&g_d);
    return TEST_END();
}
