/* compare_p6.c - import a P6 XER (or MSPDI) schedule, compute riskcast's
 * deterministic plan, and compare every open activity's planned finish date
 * with the finish the source tool stored in the file (P6: TASK
 * early_end_date). Prints counts of exact matches, overall and for the
 * activities on the project calendar and on other calendars, with and
 * without the rescaling of other calendars' day counts.
 *
 *   sh tests/import/compare_p6.sh [SCHEDULE]     (builds and runs this)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "import.h"
#include "load.h"
#include "network.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int compare(const char *path, bool convert)
{
    rc_import_options o;
    rc_import_options_init(&o);
    o.convert_calendars = convert;
    rc_diags d;
    rc_diags_init(&d, path);
    rc_import_result r;
    char err[256];
    double t0 = now();
    int rc = rc_import_file(path, &o, &r, &d, err, sizeof err);
    double t1 = now();
    if (rc) {
        fprintf(stderr, "import failed (%d): %s\n", rc, err);
        return 1;
    }
    rc_model *m = NULL;
    rc_diags dl;
    rc_diags_init(&dl, "imported.yaml");
    if (rc_load_buffer(r.yaml, r.len, &m, &dl) != RC_LOAD_OK) {
        for (size_t i = 0; i < dl.n; i++)
            fprintf(stderr, "imported.yaml:%d:%d: %s\n", dl.items[i].mark.line,
                    dl.items[i].mark.col, dl.items[i].msg);
        return 1;
    }
    double t2 = now();
    rc_net *net = rc_net_compile(m, false, &dl);
    rc_plan plan;
    if (!net || rc_plan_compute(net, &plan)) {
        fprintf(stderr, "plan failed\n");
        return 1;
    }
    double t3 = now();
    int n_instant = 0, n_open = 0, match = 0, within1 = 0, early = 0, late = 0;
    int n_cal[2] = {0, 0}, match_cal[2] = {0, 0};
    rc_date p6_last = 0;
    FILE *csv = fopen(convert ? "build/compare_p6.csv" : "build/compare_p6_keep.csv", "w");
    if (csv)
        fprintf(csv, "id,riskcast_finish,source_finish,other_calendar\n");
    for (int i = 0; i < r.n_src; i++) {
        if (r.src_done[i] || r.src_finish[i] == INT32_MIN)
            continue;
        int idx = rc_model_find_task(m, r.src_ids[i]);
        int pos = idx >= 0 ? net->pos_of[idx] : -1;
        if (pos < 0)
            continue;
        rc_date f = rc_calendar_date(&m->calendar, plan.ef[pos]);
        rc_date want = r.src_finish[i];
        if (want > p6_last)
            p6_last = want;
        int oc = r.src_other_cal[i] ? 1 : 0;
        if (csv) {
            char a[11], b[11];
            rc_date_format(f, a);
            rc_date_format(want, b);
            fprintf(csv, "%s,%s,%s,%d\n", r.src_ids[i], a, b, oc);
        }
        n_open++;
        n_cal[oc]++;
        /* a milestone at a whole offset k is both the end of working day k-1
         * (riskcast's date) and the start of working day k (P6's date for a
         * start milestone): the same instant */
        double ef = plan.ef[pos];
        bool same_instant = m->tasks[idx].milestone && ef > 0 &&
                            fabs(ef - floor(ef + 0.5)) < 1e-9 &&
                            rc_calendar_day(&m->calendar, (int64_t)floor(ef + 0.5)) == want;
        if (same_instant)
            n_instant++;
        if (f == want || same_instant) {
            match++;
            match_cal[oc]++;
        } else if (f < want) {
            early++;
        } else {
            late++;
        }
        int64_t a = rc_calendar_offset(&m->calendar, f), b = rc_calendar_offset(&m->calendar, want);
        if (a - b <= 1 && b - a <= 1)
            within1++;
    }
    if (csv)
        fclose(csv);
    char fin[11], p6fin[11];
    rc_date_format(plan.finish, fin);
    rc_date_format(p6_last, p6fin);
    printf("%s (%s other calendars' day counts):\n", path,
           convert ? "rescaling" : "keeping");
    printf("  open activities compared   %d\n", n_open);
    printf("  finish date equal to the source's %d (%.1f%%); within 1 working day %d; "
           "earlier %d, later %d\n", match, 100.0 * match / (n_open ? n_open : 1),
           within1, early, late);
    printf("  (of which %d milestones at the same instant: the end of the working day\n"
           "   before the date the source shows, which is the start of that day)\n", n_instant);
    printf("  on the project calendar    %d of %d equal\n", match_cal[0], n_cal[0]);
    printf("  on other calendars         %d of %d equal\n", match_cal[1], n_cal[1]);
    printf("  project finish             riskcast %s, source %s\n", fin, p6fin);
    printf("  times: import %.3f s, load %.3f s, plan %.3f s\n", t1 - t0, t2 - t1, t3 - t2);
    rc_plan_delete(&plan);
    rc_net_free(net);
    rc_model_free(m);
    rc_diags_delete(&dl);
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "tests/data/import/SP10-cost-loaded.xer";
    return compare(path, true) | compare(path, false);
}
