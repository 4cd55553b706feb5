/* test_import.c - schedule import (MSPDI, P6 XER) -> project file.
 *
 * Round trips on the real sample files (counts of tasks and links by type,
 * lags converted exactly, calendar holidays, progress), hand-made fixtures
 * for each feature, golden outputs (REGEN=1 rewrites them), and malformed
 * inputs: every prefix of the fixtures must import or fail cleanly.
 * Every imported file is loaded back with the riskcast loader.
 * Run from the repository root (tests/run.sh does).
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "import.h"
#include "load.h"
#include "test.h"

#define DATA "tests/data/import/"

static int import_path(const char *path, const rc_import_options *o, rc_import_result *r,
                       rc_diags *d)
{
    char err[256] = "";
    rc_diags_init(d, path);
    int rc = rc_import_file(path, o, r, d, err, sizeof err);
    if (rc != 0) {
        for (size_t i = 0; i < d->n; i++)
            printf("  %s:%d:%d: %s\n", path, d->items[i].mark.line, d->items[i].mark.col,
                   d->items[i].msg);
        if (rc == 3)
            printf("  %s\n", err);
    }
    return rc;
}

/* Load the imported text with the project-file loader. */
static rc_model *load_back(const rc_import_result *r)
{
    rc_diags d;
    rc_diags_init(&d, "imported.yaml");
    rc_model *m = NULL;
    rc_load_status st = rc_load_buffer(r->yaml, r->len, &m, &d);
    if (st != RC_LOAD_OK)
        for (size_t i = 0; i < d.n; i++)
            printf("  imported.yaml:%d:%d: %s\n", d.items[i].mark.line,
                   d.items[i].mark.col, d.items[i].msg);
    rc_diags_delete(&d);
    return st == RC_LOAD_OK ? m : NULL;
}

static bool has(const rc_import_result *r, const char *s)
{
    bool ok = r->yaml && strstr(r->yaml, s) != NULL;
    if (!ok)
        printf("  missing from the output: %s\n", s);
    return ok;
}

static bool diag_has(const rc_diags *d, int line, const char *s)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i].sev == RC_SEV_ERROR && strstr(d->items[i].msg, s) &&
            (line < 0 || d->items[i].mark.line == line))
            return true;
    printf("  no error containing \"%s\" at line %d among %zu diagnostics\n", s, line, d->n);
    for (size_t i = 0; i < d->n; i++)
        printf("    %d:%d: %s\n", d->items[i].mark.line, d->items[i].mark.col, d->items[i].msg);
    return false;
}

static const rc_task *task(const rc_model *m, const char *id)
{
    int i = rc_model_find_task(m, id);
    return i >= 0 ? &m->tasks[i] : NULL;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[n] = '\0';
        *len = (size_t)n;
    }
    return b;
}

/* ---- the real samples ---------------------------------------------------- */

TEST(sp10_counts)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "SP10-cost-loaded.xer", NULL, &r, &d), 0);
    CHECK_INT(r.format, RC_IMPORT_XER);
    CHECK_INT(r.tasks, 3994 - 3);          /* the 3 level-of-effort left out */
    CHECK_INT(r.skipped_loe, 3);
    CHECK_INT(r.milestones, 1356);
    CHECK_INT(r.links, 5966 - 7);          /* 7 links touch level-of-effort */
    CHECK_INT(r.links_by_type[0], 5572);
    CHECK_INT(r.links_by_type[1], 263);
    CHECK_INT(r.links_by_type[2], 124);
    CHECK_INT(r.links_by_type[3], 0);
    CHECK_INT(r.dropped_links, 7);
    CHECK_INT(r.done, 523);
    CHECK_INT(r.started, 170);
    CHECK_INT(r.calendars, 6);
    CHECK_INT(r.other_calendar_tasks, 659 + 6 + 5);
    CHECK(has(&r, "  start: 2016-11-17"));
    CHECK(has(&r, "  status_date: 2017-09-16"));
    CHECK(has(&r, "CALENDAR 640"));
    CHECK(has(&r, "risks: []"));
    CHECK(strstr(r.summary, "3 level-of-effort") != NULL);
    CHECK(strstr(r.summary, "659 activities on calendar 641") != NULL);
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (m) {
        CHECK_INT(m->n_tasks, 3991);
        CHECK(m->has_status_date);
        int done = 0, started = 0, ms = 0;
        for (int i = 0; i < m->n_tasks; i++) {
            done += m->tasks[i].done;
            started += m->tasks[i].started;
            ms += m->tasks[i].milestone;
        }
        CHECK_INT(done, 523);
        CHECK_INT(started, 170);
        CHECK_INT(ms, 1356);
        /* P1EWCC-FWP03-5710: 346 h remaining on an 8-hour day */
        const rc_task *t = task(m, "P1EWCC-FWP03-5710");
        CHECK(t != NULL);
        if (t) {
            CHECK_NEAR(t->duration.b, 346.0 / 8, 1e-12);
            CHECK_NEAR(t->duration.a, 346.0 / 8 * 0.9, 1e-9);
            CHECK_NEAR(t->duration.c, 346.0 / 8 * 1.25, 1e-9);
            CHECK(t->has_not_before);
        }
        rc_model_free(m);
    }
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

/* Lags converted exactly: with the day counts kept, every lag is its hours
 * over 8, and the lags sum to the file's (220 non-zero, 89170 h, 56
 * negative, counted independently from TASKPRED). */
TEST(sp10_lags_exact)
{
    rc_import_options o;
    rc_import_options_init(&o);
    o.convert_calendars = false;
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "SP10-cost-loaded.xer", &o, &r, &d), 0);
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (m) {
        int n = 0, neg = 0;
        double hours = 0;
        bool whole = true;
        for (int i = 0; i < m->n_tasks; i++)
            for (int j = 0; j < m->tasks[i].n_after; j++) {
                double lag = m->tasks[i].after[j].lag;
                if (lag == 0)
                    continue;
                n++;
                neg += lag < 0;
                double h = lag * 8;
                whole = whole && fabs(h - floor(h + 0.5)) < 1e-6;
                hours += h;
            }
        CHECK_INT(n, 220);
        CHECK_INT(neg, 56);
        CHECK_NEAR(hours, 89170, 1e-4);
        CHECK(whole);
        rc_model_free(m);
    }
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

/* Import speed is measured by `make bench`, not here: timings in unit tests
 * fail on a busy machine. This checks the whole file imports cleanly. */
TEST(sp10_imports)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "SP10-cost-loaded.xer", NULL, &r, &d), 0);
    CHECK_INT(d.n_errors, 0);
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(xer_percent_complete)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "percent-complete-8.4.xer", NULL, &r, &d), 0);
    CHECK_INT(r.tasks, 12);
    CHECK_INT(r.started, 9);
    CHECK_INT(r.done, 0);
    CHECK_INT(r.links, 0);
    CHECK_INT(r.holidays, 24);
    CHECK(strstr(r.summary, "no TASKPRED table") != NULL);
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (m)
        CHECK_INT(m->calendar.n_holidays, 24);
    rc_model_free(m);
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(xer_resource_costs)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "resource-rates-test.xer", NULL, &r, &d), 0);
    CHECK_INT(r.tasks, 1);
    CHECK(has(&r, "cost: {fixed: 27600}"));
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (m)
        CHECK_NEAR(m->tasks[0].cost_fixed.a, 27600, 1e-9);
    rc_model_free(m);
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(mspdi_relations)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "mspdirelations.xml", NULL, &r, &d), 0);
    CHECK_INT(r.format, RC_IMPORT_MSPDI);
    CHECK_INT(r.tasks, 5);
    CHECK_INT(r.skipped_summary, 1);
    CHECK_INT(r.links, 4);
    for (int k = 0; k < 4; k++)
        CHECK_INT(r.links_by_type[k], 1);
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (m) {
        const rc_task *t = task(m, "3");   /* SS, LinkLag 4800 = 480 min = 1 day */
        CHECK(t && t->n_after == 1 && t->after[0].type == RC_LINK_SS);
        if (t && t->n_after == 1)
            CHECK_NEAR(t->after[0].lag, 1, 1e-12);
        t = task(m, "4");
        CHECK(t && t->n_after == 1 && t->after[0].type == RC_LINK_FF);
        t = task(m, "5");
        CHECK(t && t->n_after == 1 && t->after[0].type == RC_LINK_SF);
        t = task(m, "1");
        CHECK(t && fabs(t->duration.b - 1) < 1e-12);
    }
    rc_model_free(m);
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(mspdi_calendars_file)
{
    /* only the project summary task: imports with a warning, writes tasks: [] */
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "calendar-calendars-project2019-mspdi.xml", NULL, &r, &d), 0);
    CHECK_INT(r.tasks, 0);
    CHECK_INT(r.calendars, 5);
    CHECK(has(&r, "tasks: []"));
    CHECK(d.n == 1 && d.items[0].sev == RC_SEV_WARNING);
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

/* ---- hand-made fixtures ---------------------------------------------------- */

TEST(xer_small_features)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "small.xer", NULL, &r, &d), 0);
    CHECK_INT(d.n_errors, 0);
    CHECK_INT(r.tasks, 8);
    CHECK_INT(r.milestones, 2);
    CHECK_INT(r.skipped_loe, 1);
    CHECK_INT(r.links, 8);
    CHECK_INT(r.links_by_type[0], 5);
    CHECK_INT(r.links_by_type[1], 1);
    CHECK_INT(r.links_by_type[2], 1);
    CHECK_INT(r.links_by_type[3], 1);
    CHECK_INT(r.done, 1);
    CHECK_INT(r.started, 1);
    CHECK_INT(r.holidays, 6);
    CHECK_INT(r.extra_workdays, 1);
    CHECK_INT(r.constraints_kept, 2);
    CHECK_INT(r.constraints_dropped, 1);
    /* Windows-1252 en dash and e-acute as UTF-8 */
    CHECK(has(&r, "name: \"Design \xE2\x80\x93 phase \xC3\xA9\""));
    CHECK(has(&r, "name: \"Build \\\"core\\\"\""));
    CHECK(has(&r, "    - {from: 2023-12-25, to: 2023-12-27}\n"));
    CHECK(has(&r, "  extra_workdays:\n    - 2024-01-06\n"));
    CHECK(has(&r, "currency: \"EUR\""));
    CHECK(strstr(r.summary, "1 level-of-effort") != NULL);
    CHECK(strstr(r.summary, "CS_ALAP") != NULL);
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (!m)
        goto out;
    const rc_task *t = task(m, "A100");
    CHECK(t && t->done && fabs(t->actual_cost - 700) < 1e-9);
    t = task(m, "A110");   /* 36 h remaining, costs actual 300 + remaining 700 */
    CHECK(t && t->started && fabs(t->duration.b - 4.5) < 1e-12 &&
          fabs(t->cost_fixed.a - 1000) < 1e-9);
    t = task(m, "A120");
    CHECK(t && t->has_not_before);
    if (t && t->n_after == 1) {
        CHECK(t->after[0].type == RC_LINK_SS);
        CHECK_NEAR(t->after[0].lag, 1.5, 1e-12);   /* 12 h */
    } else {
        CHECK(0);
    }
    t = task(m, "A130");   /* finish milestone, Finish On 16:00 = the end of 2024-03-01 */
    CHECK(t && t->milestone && t->has_not_before);
    if (t) {
        int y, mo, dd;
        rc_date_to_ymd(t->not_before, &y, &mo, &dd);
        CHECK(y == 2024 && mo == 3 && dd == 2);
        CHECK_INT(t->n_after, 2);
        if (t->n_after >= 1) {
            CHECK(t->after[0].type == RC_LINK_FF);
            CHECK_NEAR(t->after[0].lag, -1, 1e-12);
        }
    }
    t = task(m, "A140");
    CHECK(t && t->milestone && t->n_after == 1 && t->after[0].type == RC_LINK_SF);
    t = task(m, "A160");   /* 56 h on a 7-day calendar = 7 days = 5 project days */
    CHECK(t && fabs(t->duration.b - 5) < 1e-12);
    t = task(m, "A_170_x");   /* code "A 170/x"; lag 14 h on the 7-day calendar */
    CHECK(t && t->n_after == 1 && fabs(t->after[0].lag - 1.25) < 1e-12);
    CHECK(task(m, "A120-2") != NULL);   /* a second "A120" */
    CHECK(task(m, "A150") == NULL);     /* level of effort */
    CHECK_INT(m->calendar.n_holidays, 6);
    CHECK_INT(m->calendar.n_extra, 1);
    rc_model_free(m);
out:
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(xer_keep_calendar_days)
{
    rc_import_options o;
    rc_import_options_init(&o);
    o.convert_calendars = false;
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "small.xer", &o, &r, &d), 0);
    CHECK(has(&r, "duration: [6.3, 7, 8.75]  # remain_drtn_hr_cnt 56 h / 8 h a day\n"));
    CHECK(has(&r, "{task: A160, type: FS, lag: 1.75}"));
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(range_option)
{
    rc_import_options o;
    rc_import_options_init(&o);
    o.range_low = -20;
    o.range_high = 50;
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "small.xer", &o, &r, &d), 0);
    CHECK(has(&r, "duration: [2.4, 3, 4.5]"));
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
    o.range_low = o.range_high = 0;
    CHECK_INT(import_path(DATA "small.xer", &o, &r, &d), 0);
    CHECK(has(&r, "    duration: 3  #"));
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(mspdi_small_features)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(DATA "small.xml", NULL, &r, &d), 0);
    CHECK_INT(r.tasks, 5);
    CHECK_INT(r.milestones, 1);
    CHECK_INT(r.skipped_summary, 2);
    CHECK_INT(r.links, 5);
    CHECK_INT(r.dropped_links, 1);   /* to the summary task */
    CHECK_INT(r.done, 1);
    CHECK_INT(r.started, 1);
    CHECK_INT(r.holidays, 3);
    CHECK_INT(r.extra_workdays, 1);
    CHECK_INT(r.other_calendar_tasks, 1);
    CHECK_INT(r.constraints_kept, 1);
    CHECK_INT(r.constraints_dropped, 1);
    CHECK(has(&r, "status_date: 2024-12-09"));
    rc_model *m = load_back(&r);
    CHECK(m != NULL);
    if (!m)
        goto out;
    CHECK_STR(m->name, "\xE5\xAE\x98\xE7\xBD\x91\xE6\x94\xB9\xE7\x89\x88 \"Website\" & shop");
    CHECK_STR(m->currency, "CNY");
    const rc_task *t = task(m, "1.1");   /* 15 h at 450 min a day */
    CHECK(t && t->done && fabs(t->duration.a - 2) < 1e-12 &&
          fabs(t->actual_cost - 1600) < 1e-9);
    t = task(m, "1.2");                  /* remaining PT22H30M = 3 days */
    CHECK(t && t->started && fabs(t->duration.b - 3) < 1e-12);
    CHECK(t && t->name && strcmp(t->name, "Design <UI>") == 0);
    t = task(m, "2");                    /* SS, LinkLag 9000 = 900 min = 2 days */
    CHECK(t && t->has_not_before && t->n_after == 1 && t->after[0].type == RC_LINK_SS &&
          fabs(t->after[0].lag - 2) < 1e-12);
    t = task(m, "3");                    /* FF, 50% of Build's 4 days */
    CHECK(t && t->n_after == 1 && t->after[0].type == RC_LINK_FF &&
          fabs(t->after[0].lag - 2) < 1e-12);
    t = task(m, "4");                    /* SF 2 elapsed days = 10/7; FS -4500 = -1 */
    CHECK(t && t->milestone && t->n_after == 2);
    if (t && t->n_after == 2) {
        CHECK(t->after[0].type == RC_LINK_SF);
        CHECK_NEAR(t->after[0].lag, 10.0 / 7, 1e-9);
        CHECK_NEAR(t->after[1].lag, -1, 1e-12);
    }
    rc_model_free(m);
out:
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

/* ---- golden outputs ----------------------------------------------------------- */

static void golden(const char *in, const char *gold)
{
    rc_import_result r;
    rc_diags d;
    CHECK_INT(import_path(in, NULL, &r, &d), 0);
    if (!r.yaml)
        goto out;
    if (getenv("REGEN")) {
        FILE *f = fopen(gold, "wb");
        CHECK(f != NULL);
        if (f) {
            fwrite(r.yaml, 1, r.len, f);
            fputs("# --- summary (stderr) ---\n", f);
            for (const char *s = r.summary; *s;) {
                const char *e = strchr(s, '\n');
                size_t n = e ? (size_t)(e - s + 1) : strlen(s);
                fputs("# ", f);
                fwrite(s, 1, n, f);
                s += n;
            }
            fclose(f);
        }
        goto out;
    }
    size_t n;
    char *want = slurp(gold, &n);
    CHECK(want != NULL);
    if (want) {
        const char *mark = strstr(want, "# --- summary (stderr) ---\n");
        size_t yl = mark ? (size_t)(mark - want) : n;
        bool same = yl == r.len && memcmp(want, r.yaml, yl) == 0;
        if (!same)
            printf("  %s differs from %s (REGEN=1 rewrites it)\n", in, gold);
        CHECK(same);
    }
    free(want);
out:
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(golden_outputs)
{
    golden(DATA "small.xer", DATA "small.xer.golden.yaml");
    golden(DATA "small.xml", DATA "small.xml.golden.yaml");
    golden(DATA "mspdirelations.xml", DATA "mspdirelations.golden.yaml");
}

/* ---- malformed inputs ------------------------------------------------------- */

static void expect_error(const char *path, int line, const char *text)
{
    rc_import_result r;
    rc_diags d;
    char err[256];
    rc_diags_init(&d, path);
    CHECK_INT(rc_import_file(path, NULL, &r, &d, err, sizeof err), 1);
    CHECK(r.yaml == NULL);
    CHECK(diag_has(&d, line, text));
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
}

TEST(malformed_files)
{
    expect_error(DATA "truncated.xer", 18, "truncated");
    expect_error(DATA "cycle.xer", -1, "cycle: ");
    expect_error(DATA "unknown-link.xer", 31, "no activity with task_id 9999");
    expect_error(DATA "no-task.xer", -1, "no TASK table");
    expect_error(DATA "cycle.xml", 70, "cycle");
    expect_error(DATA "unknown-link.xml", 76, "unknown activity 42");
    expect_error(DATA "truncated.xml", 68, "XML:");
    expect_error(DATA "not-project.xml", 2, "not <Project>");
    rc_import_result r;
    rc_diags d;
    char err[256];
    rc_diags_init(&d, "missing");
    CHECK_INT(rc_import_file(DATA "no-such-file.xer", NULL, &r, &d, err, sizeof err), 3);
    CHECK(strstr(err, "no-such-file") != NULL);
    rc_diags_delete(&d);
}

TEST(malformed_buffers)
{
#define S(x) x, sizeof x - 1
    static const struct { const char *buf; size_t len; const char *text; } cases[] = {
        {S(""), "not a schedule"},
        {S("hello\n"), "not a schedule"},
        {S("\xFF\xFE" "E\0R\0M\0H\0D\0R\0"), "UTF-16"},
        {S("ERMHDR\t8.1\n%R\tx\n%E\n"), "before the %F"},
        {S("ERMHDR\t8.1\n%T\tTASK\n%F\ttask_id\n%R\t1\t2\n%E\n"), "2 values for 1 fields"},
        {S("ERMHDR\t8.1\n%T\tTASK\n%F\ttask_id\n%R\t1\n%E\n"), "no PROJECT table"},
        {S("ERMHDR\t8.1\n\0\n%E\n"), "NUL byte"},
        {S("ERMHDR\t8.1\nbogus\n%E\n"), "expected a %T"},
        {S("<Project><Tasks><Task><UID>1</UID><Duration>P3X</Duration></Task></Tasks></Project>"), "ISO 8601"},
    };
#undef S
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        rc_import_result r;
        rc_diags d;
        rc_diags_init(&d, "buf");
        CHECK_INT(rc_import_buffer(cases[i].buf, cases[i].len, NULL, &r, &d), 1);
        CHECK(diag_has(&d, -1, cases[i].text));
        rc_import_result_delete(&r);
        rc_diags_delete(&d);
    }
}

/* Every prefix of the fixtures imports or fails with an error: no crash, and
 * an error always carries a line. */
static void prefixes(const char *path, size_t step)
{
    size_t n;
    char *buf = slurp(path, &n);
    CHECK(buf != NULL);
    if (!buf)
        return;
    int bad = 0;
    for (size_t k = 0; k < n; k += step) {
        rc_import_result r;
        rc_diags d;
        rc_diags_init(&d, path);
        int rc = rc_import_buffer(buf, k, NULL, &r, &d);
        if (rc == 1 && d.n_errors == 0)
            bad++;
        if (rc == 0 && !r.yaml)
            bad++;
        for (size_t i = 0; i < d.n; i++)
            if (d.items[i].sev == RC_SEV_ERROR && d.items[i].mark.line <= 0 &&
                !strstr(d.items[i].msg, "memory"))
                bad++;
        rc_import_result_delete(&r);
        rc_diags_delete(&d);
    }
    CHECK_INT(bad, 0);
    free(buf);
}

TEST(every_prefix)
{
    prefixes(DATA "small.xer", 1);
    prefixes(DATA "small.xml", 7);
    prefixes(DATA "percent-complete-8.4.xer", 13);
}

int main(void)
{
    RUN(sp10_counts);
    RUN(sp10_lags_exact);
    RUN(sp10_imports);
    RUN(xer_percent_complete);
    RUN(xer_resource_costs);
    RUN(mspdi_relations);
    RUN(mspdi_calendars_file);
    RUN(xer_small_features);
    RUN(xer_keep_calendar_days);
    RUN(range_option);
    RUN(mspdi_small_features);
    RUN(golden_outputs);
    RUN(malformed_files);
    RUN(malformed_buffers);
    RUN(every_prefix);
    return TEST_END();
}
