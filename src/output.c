/* output.c - the JSON result (SPEC §3, through jansson) and the CSV tables. */
#include "output.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *date_str(rc_date d)
{
    char b[11];
    rc_date_format(d, b);
    return json_string(b);
}

static json_t *pct_obj(const double *v)
{
    json_t *o = json_object();
    char key[8];
    for (int k = 0; k < RC_NPCT; k++) {
        snprintf(key, sizeof key, "P%d", rc_pct_keys[k]);
        json_object_set_new(o, key, num(v[k]));
    }
    return o;
}

static json_t *ci_obj(const rc_stats *s, double conf)
{
    json_t *o = json_object();
    char key[16];
    for (int k = 0; k < RC_NPCT; k++) {
        snprintf(key, sizeof key, "P%d", rc_pct_keys[k]);
        json_object_set_new(o, key, json_pack("[o,o]", num(s->pct_ci[k].lo), num(s->pct_ci[k].hi)));
    }
    (void)conf;
    return o;
}

static json_t *stats_obj(const rc_stats *s, double conf)
{
    json_t *o = json_object();
    json_object_set_new(o, "mean", num(s->mean));
    json_object_set_new(o, "sd", num(s->sd));
    json_object_set_new(o, "min", num(s->min));
    json_object_set_new(o, "max", num(s->max));
    json_object_set_new(o, "percentiles", pct_obj(s->pct));
    json_object_set_new(o, "plan_probability", num(s->plan_probability));
    json_object_set_new(o, "at_confidence", num(s->at_conf));
    json_object_set_new(o, "at_confidence_interval",
                        json_pack("[o,o]", num(s->at_conf_ci.lo), num(s->at_conf_ci.hi)));
    json_object_set_new(o, "percentile_intervals", ci_obj(s, conf));
    return o;
}

static json_t *seed_value(uint64_t seed)
{
    if (seed <= (uint64_t)INT64_MAX)
        return json_integer((json_int_t)seed);
    char b[24];
    snprintf(b, sizeof b, "%llu", (unsigned long long)seed);
    return json_string(b); /* beyond a JSON integer's safe range: the decimal digits */
}

json_t *rc_result_to_json(const rc_result *r)
{
    const rc_model *m = r->model;
    const rc_calendar *cal = &m->calendar;
    json_t *j = json_object();
    if (!j)
        return NULL;
    json_object_set_new(j, "format", json_string("riskcast-result-1"));
    json_object_set_new(j, "project", json_string(m->name ? m->name : ""));
    json_object_set_new(j, "iterations", json_integer(r->iterations));
    json_object_set_new(j, "seed", seed_value(r->seed));
    json_object_set_new(j, "confidence", num(r->confidence));
    json_object_set_new(j, "mitigated", json_boolean(r->mitigated));
    json_object_set_new(j, "currency", json_string(m->currency ? m->currency : ""));
    json_object_set_new(j, "plan", json_pack("{s:o,s:o,s:o}", "duration", num(r->plan_duration),
                                             "finish", date_str(r->plan_finish), "cost",
                                             num(r->plan_cost)));
    json_object_set_new(j, "duration", stats_obj(&r->dur, r->confidence));
    {
        json_t *f = json_object(), *p = json_object();
        char key[8];
        for (int k = 0; k < RC_NPCT; k++) {
            snprintf(key, sizeof key, "P%d", rc_pct_keys[k]);
            json_object_set_new(p, key, date_str(r->finish_pct[k]));
        }
        json_object_set_new(f, "percentiles", p);
        json_object_set_new(f, "plan_probability", num(r->finish_plan_probability));
        json_object_set_new(f, "min", date_str(r->finish_min));
        json_object_set_new(f, "max", date_str(r->finish_max));
        json_object_set_new(f, "at_confidence", date_str(r->finish_at_conf));
        json_object_set_new(f, "at_confidence_interval",
                            json_pack("[o,o]", date_str((rc_date)r->finish_at_conf_ci.lo),
                                      date_str((rc_date)r->finish_at_conf_ci.hi)));
        json_object_set_new(j, "finish", f);
    }
    json_object_set_new(j, "cost", stats_obj(&r->cst, r->confidence));
    if (m->has_deadline)
        json_object_set_new(j, "deadline", json_pack("{s:o,s:o}", "date", date_str(m->deadline),
                                                     "probability", num(r->deadline_probability)));
    else
        json_object_set_new(j, "deadline", json_null());
    if (m->has_budget)
        json_object_set_new(j, "budget", json_pack("{s:o,s:o}", "amount", num(m->budget),
                                                   "probability", num(r->budget_probability)));
    else
        json_object_set_new(j, "budget", json_null());
    json_object_set_new(j, "joint_probability", num(r->joint_probability));
    if (m->has_price) {
        json_t *mg = json_object();
        json_object_set_new(mg, "mean", num(r->margin.mean));
        json_object_set_new(mg, "sd", num(r->margin.sd));
        json_object_set_new(mg, "percentiles", pct_obj(r->margin.pct));
        json_object_set_new(j, "price",
                            json_pack("{s:o,s:o,s:o,s:o}", "amount", num(m->price), "loss_probability",
                                      num(r->loss_probability), "margin", mg,
                                      "price_at_confidence", num(r->price_at_confidence)));
    } else {
        json_object_set_new(j, "price", json_null());
    }
    json_object_set_new(j, "contingency",
                        json_pack("{s:o,s:o,s:o,s:o}", "confidence", num(r->confidence),
                                  "schedule_days", num(r->contingency_days), "finish",
                                  date_str(r->contingency_finish), "cost",
                                  num(r->contingency_cost)));
    json_t *tasks = json_array();
    for (int i = 0; i < r->n_tasks; i++) {
        const rc_task_result *t = &r->tasks[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(t->id));
        json_object_set_new(o, "name", t->name ? json_string(t->name) : json_null());
        json_object_set_new(o, "criticality", num(t->active ? t->criticality : 0));
        json_object_set_new(o, "sensitivity", t->has_sensitivity ? num(t->sensitivity) : json_null());
        json_object_set_new(o, "duration_mean", t->active ? num(t->duration_mean) : json_null());
        json_object_set_new(o, "finish_mean", t->active ? num(t->finish_mean) : json_null());
        json_object_set_new(o, "finish_mean_date",
                            t->active ? date_str(rc_calendar_date(cal, t->finish_mean)) : json_null());
        json_object_set_new(o, "done", json_boolean(!t->active));
        json_object_set_new(o, "plan_finish", t->active ? num(t->plan_finish) : json_null());
        if (t->has_range)
            json_object_set_new(o, "finish_range",
                                json_pack("{s:o,s:o}", "P10", num(t->finish_p10), "P90", num(t->finish_p90)));
        json_array_append_new(tasks, o);
    }
    json_object_set_new(j, "tasks", tasks);
    json_t *risks = json_array();
    for (int k = 0; k < r->n_risks; k++) {
        const rc_risk_result *x = &r->risks[k];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", x->name ? json_string(x->name) : json_null());
        json_object_set_new(o, "occurrence", num(x->occurrence));
        json_object_set_new(o, "schedule_contribution", num(x->schedule_contribution));
        json_object_set_new(o, "cost_contribution", num(x->cost_contribution));
        if (x->has_mitigation)
            json_object_set_new(o, "mitigation",
                                json_pack("{s:o,s:o,s:o,s:o,s:b}", "cost", num(x->mitigation.cost),
                                          "schedule_benefit", num(x->mitigation.schedule_benefit),
                                          "cost_benefit", num(x->mitigation.cost_benefit),
                                          "net_benefit", num(x->mitigation.net_benefit),
                                          "recommended", x->recommended));
        else
            json_object_set_new(o, "mitigation", json_null());
        if (r->has_shapley)
            json_object_set_new(o, "reserve_share", json_pack("{s:o,s:o}", "schedule_days",
                                                              num(x->shapley_days), "cost",
                                                              num(x->shapley_cost)));
        json_array_append_new(risks, o);
    }
    json_object_set_new(j, "risks", risks);
    if (r->has_shapley)
        json_object_set_new(j, "reserve_split",
                            json_pack("{s:s,s:i,s:o,s:o}", "method",
                                      "Shapley values on common random numbers (sampled permutations)",
                                      "permutations", r->shapley_perms, "uncertainty_days",
                                      num(r->shapley_base_days), "uncertainty_cost",
                                      num(r->shapley_base_cost)));
    if (r->has_rec) {
        json_t *ids = json_array();
        for (int k = 0; k < r->n_risks; k++)
            if (r->risks[k].recommended)
                json_array_append_new(ids, json_string(r->risks[k].id));
        json_t *o = json_object();
        json_object_set_new(o, "risks", ids);
        json_object_set_new(o, "cost", num(r->rec_cost));
        json_object_set_new(o, "duration", json_pack("{s:o,s:o}", "P50", num(r->rec_dur.pct[5]),
                                                     "at_confidence", num(r->rec_dur.at_conf)));
        json_object_set_new(o, "total_cost", json_pack("{s:o,s:o}", "P50", num(r->rec_cst.pct[5]),
                                                       "at_confidence", num(r->rec_cst.at_conf)));
        json_object_set_new(o, "none", json_pack("{s:{s:o,s:o},s:{s:o,s:o}}", "duration", "P50",
                                                 num(r->none_dur.pct[5]), "at_confidence",
                                                 num(r->none_dur.at_conf), "total_cost", "P50",
                                                 num(r->none_cst.pct[5]), "at_confidence",
                                                 num(r->none_cst.at_conf)));
        json_object_set_new(o, "all", json_pack("{s:{s:o,s:o},s:{s:o,s:o}}", "duration", "P50",
                                                num(r->all_dur.pct[5]), "at_confidence",
                                                num(r->all_dur.at_conf), "total_cost", "P50",
                                                num(r->all_cst.pct[5]), "at_confidence",
                                                num(r->all_cst.at_conf)));
        json_object_set_new(j, "recommended_mitigations", o);
    }
    /* what was asked for but left out as more work than the engine allows
     * itself at this many iterations, and the most that allow it (0: none) */
    if (r->shapley_left_out || r->rec_left_out) {
        json_t *lo = json_object();
        if (r->shapley_left_out)
            json_object_set_new(lo, "reserve_split", json_pack("{s:s,s:I}", "reason", "too much work",
                                                               "max_iterations",
                                                               (json_int_t)r->shapley_max_iterations));
        if (r->rec_left_out)
            json_object_set_new(lo, "recommended_mitigations",
                                json_pack("{s:s,s:I}", "reason", "too much work", "max_iterations",
                                          (json_int_t)r->rec_max_iterations));
        json_object_set_new(j, "left_out", lo);
    }
    return j;
}

char *rc_json_dump(const json_t *j)
{
    return json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
}

/* CSV: RFC 4180 quoting of text fields. */
static void csv_text(FILE *f, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static int csv_file(const char *dir, const char *name, rc_outfile *o, char *err, size_t errlen)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
        snprintf(err, errlen, "%s: path too long", dir);
        return -1;
    }
    if (rc_out_open(o, path, err, errlen)) {
        char e2[256];
        snprintf(e2, sizeof e2, "%s", err);
        snprintf(err, errlen, "%.1024s: %s", path, e2);
        return -1;
    }
    return 0;
}

static int csv_done(rc_outfile *o, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", o->path);
    if (rc_out_commit(o, err, errlen)) {
        char e2[256];
        snprintf(e2, sizeof e2, "%s", err);
        snprintf(err, errlen, "%.1024s: %s", path, e2);
        return -1;
    }
    return 0;
}

int rc_write_csv(const rc_result *r, const char *dir, char *err, size_t errlen)
{
    const rc_calendar *cal = &r->model->calendar;
    rc_outfile o;
    char d[11];
    if (csv_file(dir, "iterations.csv", &o, err, errlen))
        return -1;
    fputs("iteration,duration_days,finish,cost\n", o.f);
    for (long i = 0; i < r->iterations; i++) {
        rc_date_format(rc_calendar_date(cal, r->duration[i]), d);
        fprintf(o.f, "%ld,%.10g,%s,%.10g\n", i + 1, r->duration[i], d, r->cost[i]);
    }
    if (csv_done(&o, err, errlen))
        return -1;
    if (csv_file(dir, "tasks.csv", &o, err, errlen))
        return -1;
    fputs("id,name,done,plan_start,plan_finish,plan_finish_date,criticality,sensitivity,"
          "duration_mean,finish_mean,finish_mean_date\n", o.f);
    for (int i = 0; i < r->n_tasks; i++) {
        const rc_task_result *t = &r->tasks[i];
        csv_text(o.f, t->id);
        fputc(',', o.f);
        csv_text(o.f, t->name);
        if (!t->active) {
            fputs(",yes,,,,,,,,\n", o.f);
            continue;
        }
        rc_date_format(rc_calendar_date(cal, t->plan_finish), d);
        fprintf(o.f, ",no,%.10g,%.10g,%s,%.6g,", t->plan_start, t->plan_finish, d, t->criticality);
        if (t->has_sensitivity)
            fprintf(o.f, "%.6g", t->sensitivity);
        rc_date_format(rc_calendar_date(cal, t->finish_mean), d);
        fprintf(o.f, ",%.10g,%.10g,%s\n", t->duration_mean, t->finish_mean, d);
    }
    if (csv_done(&o, err, errlen))
        return -1;
    if (csv_file(dir, "risks.csv", &o, err, errlen))
        return -1;
    fputs("id,name,occurrence,schedule_contribution,cost_contribution,mitigation_cost,"
          "schedule_benefit,cost_benefit,net_benefit\n", o.f);
    for (int k = 0; k < r->n_risks; k++) {
        const rc_risk_result *x = &r->risks[k];
        csv_text(o.f, x->id);
        fputc(',', o.f);
        csv_text(o.f, x->name);
        fprintf(o.f, ",%.6g,%.10g,%.10g", x->occurrence, x->schedule_contribution, x->cost_contribution);
        if (x->has_mitigation)
            fprintf(o.f, ",%.10g,%.10g,%.10g,%.10g\n", x->mitigation.cost,
                    x->mitigation.schedule_benefit, x->mitigation.cost_benefit,
                    x->mitigation.net_benefit);
        else
            fputs(",,,,\n", o.f);
    }
    return csv_done(&o, err, errlen);
}
