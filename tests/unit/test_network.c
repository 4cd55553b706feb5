/* test_network.c - the compiled network and the deterministic plan against
 * schedules computed by hand: every link type with positive, zero and
 * negative lags, not_before, the status date (done and started tasks), plan
 * values of every distribution, total float, and the time-dependent costs
 * (overhead per working day, penalty per calendar day late).
 *
 * Calendar used below (the default, Monday-Friday from Monday 2027-01-04):
 * working day index 0..4 = Jan 4..8, 5..9 = Jan 11..15, 10..14 = Jan 18..22.
 */
#include <stdlib.h>

#include "load.h"
#include "network.h"
#include "test.h"

#define HEAD "version: 1\nproject:\n  name: N\n  start: 2027-01-04\n"

typedef struct {
    rc_model *m;
    rc_net *net;
    rc_plan plan;
    int ok;
} fixture;

static fixture build(const char *yaml)
{
    fixture f;
    memset(&f, 0, sizeof f);
    rc_diags d;
    rc_diags_init(&d, "net.yaml");
    if (rc_load_buffer(yaml, strlen(yaml), &f.m, &d) != RC_LOAD_OK) {
        for (size_t i = 0; i < d.n; i++)
            printf("    %d:%d: %s\n", d.items[i].mark.line, d.items[i].mark.col, d.items[i].msg);
        rc_diags_delete(&d);
        return f;
    }
    rc_diags_delete(&d);
    f.net = rc_net_compile(f.m, false, NULL);
    f.ok = f.net && rc_plan_compute(f.net, &f.plan) == 0;
    return f;
}

static void teardown(fixture *f)
{
    if (f->net)
        rc_plan_delete(&f->plan);
    rc_net_free(f->net);
    rc_model_free(f->m);
}

static int pos(const fixture *f, const char *id)
{
    int i = rc_model_find_task(f->m, id);
    return i >= 0 ? f->net->pos_of[i] : -2;
}

/* ES, EF and the critical flag of task ID in the plan. */
#define CHECK_TASK(f, id, want_es, want_ef, want_crit)                                        \
    do {                                                                       \
        int p_ = pos(&(f), id);                                                \
        CHECK(p_ >= 0);                                                        \
        if (p_ >= 0) {                                                         \
            CHECK_NEAR((f).plan.es[p_], want_es, 1e-12);                            \
            CHECK_NEAR((f).plan.ef[p_], want_ef, 1e-12);                            \
            CHECK_INT((f).plan.critical[p_], want_crit);                            \
        }                                                                      \
    } while (0)

static rc_date ymd(int y, int m, int d) { return rc_date_from_ymd(y, m, d); }

/* Forward:  FS ES >= EF[q] + lag; SS ES >= ES[q] + lag; FF EF >= EF[q] + lag;
 * SF EF >= ES[q] + lag; ES >= 0.
 *   A 4.5                         ES 0     EF 4.5
 *   B 3.25 FS A +1.5              ES 6     EF 9.25
 *   C 2.75 SS A +2                ES 2     EF 4.75
 *   D 5.5  FF A -1.25 -> ES -2.25, held at 0: ES 0 EF 5.5
 *   E 1.75 SF C +3 -> EF >= 5     ES 3.25  EF 5
 *   F 2    FS B -2.5              ES 6.75  EF 8.75
 *   G milestone after B, D, F     ES 9.25  EF 9.25
 *   H 3    FF E +4.5 (EF >= 9.5), SS C -1 (ES >= 1): ES 6.5 EF 9.5
 * Project 9.5 (H), ending on working day 10 = Fri 2027-01-15.
 * Backward from 9.5: H critical; FF E +4.5 gives LF(E) = 5 = EF(E): critical;
 * SF C +3: LF(C) <= LF(E) - 3 + d(C) = 4.75 = EF(C): critical; SS A +2:
 * LF(A) <= LS(C) - 2 + d(A) = 4.5: critical. G, B, F have 0.25 of float, D 4. */
static const char *links_yaml =
    HEAD
    "tasks:\n"
    "  - {id: A, duration: 4.5}\n"
    "  - {id: B, duration: 3.25, after: [{task: A, type: FS, lag: 1.5}]}\n"
    "  - {id: C, duration: 2.75, after: [{task: A, type: SS, lag: 2}]}\n"
    "  - {id: D, duration: 5.5, after: [{task: A, type: FF, lag: -1.25}]}\n"
    "  - {id: E, duration: 1.75, after: [{task: C, type: SF, lag: 3}]}\n"
    "  - {id: F, duration: 2, after: [{task: B, lag: -2.5}]}\n"
    "  - {id: G, milestone: true, after: [B, D, F]}\n"
    "  - {id: H, duration: 3, after: [{task: E, type: FF, lag: 4.5}, {task: C, type: SS, lag: -1}]}\n";

TEST(every_link_type_and_lag_sign)
{
    fixture f = build(links_yaml);
    CHECK(f.ok);
    if (!f.ok)
        return;
    CHECK_INT(f.net->n, 8);
    CHECK_TASK(f, "A", 0, 4.5, 1);
    CHECK_TASK(f, "B", 6, 9.25, 0);
    CHECK_TASK(f, "C", 2, 4.75, 1);
    CHECK_TASK(f, "D", 0, 5.5, 0);
    CHECK_TASK(f, "E", 3.25, 5, 1);
    CHECK_TASK(f, "F", 6.75, 8.75, 0);
    CHECK_TASK(f, "G", 9.25, 9.25, 0);
    CHECK_TASK(f, "H", 6.5, 9.5, 1);
    CHECK_NEAR(f.plan.duration, 9.5, 1e-12);
    CHECK(f.plan.finish == ymd(2027, 1, 15));
    /* topological order: every predecessor sits before its successor */
    for (int p = 0; p < f.net->n; p++)
        for (int e = f.net->pred_start[p]; e < f.net->pred_start[p + 1]; e++)
            CHECK(f.net->pred_pos[e] < p);
    teardown(&f);
}

TEST(forward_pass_with_other_durations)
{
    /* the same network, A 8 and C 6: B FS A +1.5: 9.5..12.75; C SS A +2:
     * 2..8; D FF A -1.25: EF >= 6.75, ES 1.25; E SF C +3: EF >= 5, ES 3.25;
     * F FS B -2.5: 10.25..12.25; G 12.75; H FF E +4.5: ES 6.5 (SS C -1: 1).
     * Project 12.75; critical A, B, G (LF(A) = LS(B) - 1.5 = 8 = EF(A)). */
    fixture f = build(links_yaml);
    CHECK(f.ok);
    if (!f.ok)
        return;
    const char *ids = "ABCDEFGH";
    double d[8] = {8, 3.25, 6, 5.5, 1.75, 2, 0, 3};
    double want_es[8] = {0, 9.5, 2, 1.25, 3.25, 10.25, 12.75, 6.5};
    double dur[8], es[8], ef[8];
    for (int k = 0; k < 8; k++) {
        char id[2] = {ids[k], 0};
        dur[pos(&f, id)] = d[k];
    }
    double D = rc_net_forward(f.net, dur, es, ef);
    CHECK_NEAR(D, 12.75, 1e-12);
    for (int k = 0; k < 8; k++) {
        char id[2] = {ids[k], 0};
        CHECK_NEAR(es[pos(&f, id)], want_es[k], 1e-12);
        CHECK_NEAR(ef[pos(&f, id)], want_es[k] + d[k], 1e-12);
    }
    /* backward */
    double lf[8];
    uint8_t crit[8];
    rc_net_backward(f.net, dur, ef, D, lf, crit);
    int want_crit[8] = {1, 1, 0, 0, 0, 0, 1, 0};
    for (int k = 0; k < 8; k++) {
        char id[2] = {ids[k], 0};
        CHECK_INT(crit[pos(&f, id)], want_crit[k]);
    }
    CHECK_NEAR(lf[pos(&f, "F")], 12.75, 1e-12);   /* float 0.5 */
    CHECK_NEAR(lf[pos(&f, "D")], 12.75, 1e-12);
    CHECK_NEAR(lf[pos(&f, "E")], 8.25, 1e-12);    /* FF H +4.5: LF(H) - 4.5 */
    CHECK_NEAR(lf[pos(&f, "C")], 11.25, 1e-12);   /* SF E +3: LF(E) - 3 + d(C) */
    teardown(&f);
}

TEST(not_before)
{
    /* X: not before Saturday Jan 9 -> the next working day, Mon Jan 11 = 5.
     * Y: FS X. Z: not before a date before the start: 0.
     * V: FS X and not before Tue Jan 5 (1): the link wins, 7.
     * W: not before Wed Jan 13 (7), FS Z: 7. */
    fixture f = build(HEAD
        "tasks:\n"
        "  - {id: X, duration: 2, not_before: 2027-01-09}\n"
        "  - {id: Y, duration: 1, after: [X]}\n"
        "  - {id: Z, duration: 1.5, not_before: 2026-12-28}\n"
        "  - {id: V, duration: 0.5, not_before: 2027-01-05, after: [X]}\n"
        "  - {id: W, duration: 2.25, not_before: 2027-01-13, after: [Z]}\n");
    CHECK(f.ok);
    if (!f.ok)
        return;
    CHECK_TASK(f, "X", 5, 7, 0);    /* LF = LS(Y) = 8.25: float 1.25 */
    CHECK_TASK(f, "Y", 7, 8, 0);
    CHECK_TASK(f, "Z", 0, 1.5, 0);
    CHECK_TASK(f, "V", 7, 7.5, 0);
    CHECK_TASK(f, "W", 7, 9.25, 1);
    CHECK_NEAR(f.plan.duration, 9.25, 1e-12);
    CHECK(f.plan.finish == ymd(2027, 1, 15)); /* ceil(9.25) = 10th working day */
    teardown(&f);
}

TEST(status_date)
{
    /* status Wed 2027-01-13 = offset 7. A done (leaves; its link is met and
     * its actual cost counted). B started: 3.5 days remain, from 7.
     * C FS A: 7..9. D FS B: 10.5..11.75. E not before Mon Jan 18 (10).
     * Plan cost: 1234.5 (actual) + B 100 + 10 x 3.5 + overhead 20 x 11.75. */
    fixture f = build(HEAD
        "  status_date: 2027-01-13\n"
        "  overhead_per_day: 20\n"
        "tasks:\n"
        "  - {id: A, duration: 4, done: true, actual_cost: 1234.5}\n"
        "  - {id: B, duration: 3.5, started: true, after: [A], cost: {fixed: 100, rate: 10}}\n"
        "  - {id: C, duration: 2, after: [A]}\n"
        "  - {id: D, duration: 1.25, after: [B]}\n"
        "  - {id: E, duration: 0.5, not_before: 2027-01-18}\n"
        "  - {id: F, duration: 1}\n");
    CHECK(f.ok);
    if (!f.ok)
        return;
    CHECK_INT(f.net->n, 5);
    CHECK_INT(pos(&f, "A"), -1);
    CHECK_NEAR(f.net->status_offset, 7, 0);
    CHECK_TASK(f, "B", 7, 10.5, 1);
    CHECK_TASK(f, "C", 7, 9, 0);
    CHECK_TASK(f, "D", 10.5, 11.75, 1);
    CHECK_TASK(f, "E", 10, 10.5, 0);
    CHECK_TASK(f, "F", 7, 8, 0);    /* no link: the status date */
    CHECK_NEAR(f.plan.duration, 11.75, 1e-12);
    CHECK_NEAR(f.plan.cost, 1234.5 + 100 + 35 + 20 * 11.75, 1e-9);
    CHECK_NEAR(f.net->actual_cost, 1234.5, 0);
    teardown(&f);

    /* everything done: the forecast is the status date itself */
    f = build(HEAD
        "  status_date: 2027-01-13\n"
        "tasks:\n"
        "  - {id: A, duration: 4, done: true, actual_cost: 99.25}\n");
    CHECK(f.ok);
    if (f.ok) {
        CHECK_INT(f.net->n, 0);
        CHECK_NEAR(f.plan.duration, 7, 0);
        CHECK_NEAR(f.plan.cost, 99.25, 0);
        teardown(&f);
    }

    /* without a status date, done and started change nothing */
    f = build(HEAD
        "tasks:\n"
        "  - {id: A, duration: 4}\n"
        "  - {id: B, duration: 3.5, after: [A]}\n");
    CHECK(f.ok);
    if (f.ok) {
        CHECK_TASK(f, "B", 4, 7.5, 1);
        teardown(&f);
    }
}

TEST(plan_values_of_every_distribution)
{
    /* a chain; the plan uses likely where there is one, else the median:
     * 3.25 + 4.5 + 2.75 + (1.5 + 6.5) / 2 + 5.125 + 2.5 + 8.315 / sqrt(1 + (3.127/8.315)^2)
     * + 2.75 (most weighted) + 6 (fixed) + 0 (milestone) */
    fixture f = build(HEAD
        "tasks:\n"
        "  - {id: t1, duration: [1, 3.25, 9]}\n"
        "  - {id: t2, duration: {dist: pert, min: 2, likely: 4.5, max: 11, lambda: 2.5}, after: [t1]}\n"
        "  - {id: t3, duration: {dist: triangular, min: 1, likely: 2.75, max: 4}, after: [t2]}\n"
        "  - {id: t4, duration: {dist: uniform, min: 1.5, max: 6.5}, after: [t3]}\n"
        "  - {id: t5, duration: {dist: trigen, low: 3, likely: 5.125, high: 8, low_pct: 10, high_pct: 90}, after: [t4]}\n"
        "  - {id: t6, duration: {dist: normal, mean: 2.5, sd: 0.75}, after: [t5]}\n"
        "  - {id: t7, duration: {dist: lognormal, mean: 8.315, sd: 3.127}, after: [t6]}\n"
        "  - {id: t8, duration: {dist: discrete, values: [1.5, 2.75, 4], weights: [2, 5, 3]}, after: [t7]}\n"
        "  - {id: t9, duration: {dist: fixed, value: 6}, after: [t8]}\n"
        "  - {id: t10, milestone: true, after: [t9]}\n");
    CHECK(f.ok);
    if (!f.ok)
        return;
    double med7 = 8.315 / sqrt(1 + (3.127 / 8.315) * (3.127 / 8.315));
    double want = 3.25 + 4.5 + 2.75 + 4 + 5.125 + 2.5 + med7 + 2.75 + 6;
    CHECK_NEAR(f.plan.duration, want, 1e-9);
    int p7 = pos(&f, "t7");
    CHECK_NEAR(f.plan.ef[p7] - f.plan.es[p7], med7, 1e-9);
    for (int p = 0; p < f.net->n; p++)
        CHECK_INT(f.plan.critical[p], 1);   /* a chain: all critical */
    teardown(&f);
}

TEST(time_costs_overhead_and_penalty_by_calendar_day)
{
    /* deadline Fri 2027-01-15 (working day 10); penalty 1000 per calendar day
     * after it; overhead 50 per working day of the project. */
    fixture f = build(HEAD
        "  deadline: 2027-01-15\n"
        "  overhead_per_day: 50\n"
        "  penalty_per_day: 1000\n"
        "tasks:\n"
        "  - {id: A, duration: 10.25, cost: {fixed: 400, rate: 30}}\n");
    CHECK(f.ok);
    if (!f.ok)
        return;
    CHECK_NEAR(rc_net_time_cost(f.net, 9.5), 50 * 9.5, 1e-9);     /* Fri: on time */
    CHECK_NEAR(rc_net_time_cost(f.net, 10), 50 * 10.0, 1e-9);     /* Fri: on time */
    CHECK_NEAR(rc_net_time_cost(f.net, 10.25), 50 * 10.25 + 3000, 1e-9); /* Mon */
    CHECK_NEAR(rc_net_time_cost(f.net, 11), 50 * 11.0 + 3000, 1e-9);     /* Mon */
    CHECK_NEAR(rc_net_time_cost(f.net, 11.5), 50 * 11.5 + 4000, 1e-9);   /* Tue */
    CHECK_NEAR(rc_net_time_cost(f.net, 15.5), 50 * 15.5 + 10000, 1e-9);  /* Mon Jan 25 */
    /* the plan: 10.25 days ends Monday: 3 days late */
    CHECK_NEAR(f.plan.duration, 10.25, 0);
    CHECK(f.plan.finish == ymd(2027, 1, 18));
    CHECK_NEAR(f.plan.cost, 400 + 30 * 10.25 + 50 * 10.25 + 3000, 1e-9);
    teardown(&f);

    /* a deadline on a Saturday: Monday is 2 calendar days late */
    f = build(HEAD
        "  deadline: 2027-01-16\n"
        "  penalty_per_day: 1000\n"
        "tasks:\n"
        "  - {id: A, duration: 10.25}\n");
    CHECK(f.ok);
    if (f.ok) {
        CHECK_NEAR(rc_net_time_cost(f.net, 10), 0, 0);
        CHECK_NEAR(rc_net_time_cost(f.net, 10.25), 2000, 1e-9);
        CHECK_NEAR(f.plan.cost, 2000, 1e-9);
        teardown(&f);
    }
}

TEST(holidays_move_not_before_and_finish)
{
    /* holidays Jan 6-7: working days are Jan 4, 5, 8, 11, ... */
    fixture f = build(HEAD
        "calendar:\n"
        "  holidays: [{from: 2027-01-06, to: 2027-01-07}]\n"
        "tasks:\n"
        "  - {id: A, duration: 2.5, not_before: 2027-01-06}\n");
    CHECK(f.ok);
    if (!f.ok)
        return;
    CHECK_TASK(f, "A", 2, 4.5, 1);            /* Jan 8 is working day 2 */
    CHECK(f.plan.finish == ymd(2027, 1, 12)); /* ceil(4.5) = 5th: Jan 12 */
    teardown(&f);
}

int main(void)
{
    RUN(every_link_type_and_lag_sign);
    RUN(forward_pass_with_other_durations);
    RUN(not_before);
    RUN(status_date);
    RUN(plan_values_of_every_distribution);
    RUN(time_costs_overhead_and_penalty_by_calendar_day);
    RUN(holidays_move_not_before_and_finish);
    return TEST_END();
}
