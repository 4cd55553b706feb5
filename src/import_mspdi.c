/* import_mspdi.c - Microsoft Project XML (MSPDI) -> rc_imp_project.
 *
 * MSPDI (also written by ProjectLibre, GanttProject and TaskJuggler) is one
 * <Project> element holding project settings, <Calendars>, <Tasks> and
 * <Resources>. Read with libxml2 (no network, no entity expansion).
 *
 * Units: Duration and RemainingDuration are ISO 8601 working time
 * ("PT16H0M0S"), turned into days by the file's MinutesPerDay. LinkLag is in
 * tenths of a minute of working time, except when LagFormat says percent
 * (19, 20: LinkLag is then the percentage of the predecessor's duration) or
 * elapsed time (4, 6, 8, 10, 12: calendar time, converted with the project
 * calendar's working days a week). Link types: 0 FF, 1 FS, 2 SF, 3 SS.
 */
#include "import.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    rc_diags *d;
    int n;
} xml_errs;

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
    xml_errs *x = ctx;
    if (!e || e->level < XML_ERR_ERROR || x->n >= 20)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    size_t l = strlen(msg);
    while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' '))
        msg[--l] = '\0';
    rc_error(x->d, ((rc_mark){e->line > 0 ? e->line : 1, e->int2 > 0 ? e->int2 : 1}),
             "XML: %s", msg);
    x->n++;
}

static void silent(void *ctx, const char *fmt, ...) { (void)ctx; (void)fmt; }

static bool is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, name))
            return c;
    return NULL;
}

/* The text of child NAME (owned by the caller via xmlFree), or NULL. */
static char *text(const xmlNode *n, const char *name)
{
    xmlNode *c = child(n, name);
    if (!c)
        return NULL;
    xmlChar *s = xmlNodeGetContent(c);
    if (!s)
        return NULL;
    /* trim */
    char *p = (char *)s;
    size_t l = strlen(p);
    while (l && (p[l - 1] == ' ' || p[l - 1] == '\n' || p[l - 1] == '\r' || p[l - 1] == '\t'))
        p[--l] = '\0';
    size_t k = 0;
    while (p[k] == ' ' || p[k] == '\n' || p[k] == '\r' || p[k] == '\t')
        k++;
    if (k)
        memmove(p, p + k, l - k + 1);
    return p;
}

static bool num(const xmlNode *n, const char *name, double *out)
{
    char *s = text(n, name);
    if (!s)
        return false;
    bool ok = rc_imp_parse_double(s, out) == 0;
    xmlFree(s);
    return ok;
}

static bool flag(const xmlNode *n, const char *name)
{
    char *s = text(n, name);
    bool v = s && (strcmp(s, "1") == 0 || strcmp(s, "true") == 0);
    if (s)
        xmlFree(s);
    return v;
}

static bool date(const xmlNode *n, const char *name, rc_imp_date *out, char **raw)
{
    char *s = text(n, name);
    if (!s)
        return false;
    bool ok = *s && rc_imp_parse_datetime(s, out, NULL) == 0;
    if (ok && raw)
        *raw = rc_imp_strdup(s);
    xmlFree(s);
    return ok;
}

/* ISO 8601 duration "PnYnMnDTnHnMnS" -> minutes. Days count as DAY_MIN
 * minutes of working time (MSPDI writes hours; days appear in hand-made
 * files). Returns 0 or -1. */
static int iso_minutes(const char *s, double day_min, double *out)
{
    if (!s)
        return -1;
    bool neg = false;
    if (*s == '-') {
        neg = true;
        s++;
    }
    if (*s != 'P')
        return -1;
    s++;
    bool in_time = false, any = false;
    double total = 0;
    while (*s) {
        if (*s == 'T') {
            in_time = true;
            s++;
            continue;
        }
        char *end;
        double v = strtod(s, &end);
        if (end == s || v < 0)
            return -1;
        char u = *end;
        if (!u)
            return -1;
        if (!in_time) {
            if (u == 'D') total += v * day_min;
            else if (u == 'W') total += v * day_min * 5;
            else return -1;   /* years and months have no fixed length */
        } else {
            if (u == 'H') total += v * 60;
            else if (u == 'M') total += v;
            else if (u == 'S') total += v / 60;
            else return -1;
        }
        any = true;
        s = end + 1;
    }
    if (!any)
        return -1;
    *out = neg ? -total : total;
    return 0;
}

/* ---- calendars ---------------------------------------------------------------- */

static xmlNode *find_calendar(xmlNode *cals, const char *uid)
{
    for (xmlNode *c = cals ? cals->children : NULL; c; c = c->next) {
        if (!is(c, "Calendar"))
            continue;
        char *u = text(c, "UID");
        bool m = u && strcmp(u, uid) == 0;
        if (u)
            xmlFree(u);
        if (m)
            return c;
    }
    return NULL;
}

/* Add the days FROM..TO (at most ~10 years) to the holiday or extra list. */
static void add_period(rc_imp_project *p, rc_imp_date from, rc_imp_date to, bool working)
{
    if (to < from || to - from > 3660)
        return;
    for (rc_imp_date z = from; z <= to; z++) {
        bool normally = p->workday[rc_imp_weekday(z)];
        if (!working && normally)
            rc_imp_add_date(&p->holidays, &p->n_holidays, &p->cap_holidays, z);
        else if (working && !normally)
            rc_imp_add_date(&p->extra, &p->n_extra, &p->cap_extra, z);
    }
}

/* Apply calendar C (its base calendars first) to P. */
static void apply_calendar(rc_imp_project *p, xmlNode *cals, xmlNode *c, int depth,
                           int *n_recurring, int *n_workweeks)
{
    if (!c || depth > 8)
        return;
    char *base = text(c, "BaseCalendarUID");
    if (base && strcmp(base, "-1") != 0) {
        char *uid = text(c, "UID");
        if (!uid || strcmp(uid, base) != 0)
            apply_calendar(p, cals, find_calendar(cals, base), depth + 1, n_recurring,
                           n_workweeks);
        if (uid)
            xmlFree(uid);
    }
    if (base)
        xmlFree(base);
    xmlNode *wd = child(c, "WeekDays");
    /* week pattern first, exceptions after (they depend on it) */
    for (int pass = 0; pass < 2; pass++)
        for (xmlNode *w = wd ? wd->children : NULL; w; w = w->next) {
            if (!is(w, "WeekDay"))
                continue;
            double type;
            if (!num(w, "DayType", &type))
                continue;
            bool working = flag(w, "DayWorking");
            if (pass == 0 && type >= 1 && type <= 7) {
                p->workday[((int)type + 5) % 7] = working;   /* 1 = Sunday */
            } else if (pass == 1 && type == 0) {
                xmlNode *tp = child(w, "TimePeriod");
                rc_imp_date a, b;
                if (tp && date(tp, "FromDate", &a, NULL) && date(tp, "ToDate", &b, NULL))
                    add_period(p, a, b, working);
            }
        }
    xmlNode *ex = child(c, "Exceptions");
    for (xmlNode *e = ex ? ex->children : NULL; e; e = e->next) {
        if (!is(e, "Exception"))
            continue;
        double type = 1, occ = 1;
        num(e, "Type", &type);
        num(e, "Occurrences", &occ);
        xmlNode *tp = child(e, "TimePeriod");
        rc_imp_date a, b;
        if (!tp || !date(tp, "FromDate", &a, NULL) || !date(tp, "ToDate", &b, NULL))
            continue;
        if (type != 1 && occ > 1) {
            (*n_recurring)++;  /* yearly / monthly / weekly patterns */
            continue;
        }
        add_period(p, a, b, flag(e, "DayWorking"));
    }
    xmlNode *ww = child(c, "WorkWeeks");
    for (xmlNode *w = ww ? ww->children : NULL; w; w = w->next)
        if (is(w, "WorkWeek"))
            (*n_workweeks)++;
}

/* ---- tasks ---------------------------------------------------------------------- */

typedef struct {
    double pct;            /* percent lag, to apply once durations are known */
    int task, link;
} pct_fix;

int rc_imp_read_mspdi(const char *buf, size_t len, const rc_import_options *o,
                      rc_imp_project *p, rc_diags *d)
{
    size_t errs0 = d->n_errors;
    xml_errs xe = {d, 0};
    xmlSetStructuredErrorFunc(&xe, on_xml_error);
    xmlSetGenericErrorFunc(NULL, silent);
    if (len > (size_t)0x7fffffff) {
        rc_error(d, ((rc_mark){0, 0}), "the XML file is too large");
        return 1;
    }
    xmlDoc *doc = xmlReadMemory(buf, (int)len, "schedule.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    pct_fix *fixes = NULL;
    int nfix = 0, capfix = 0;
    char **skipped = NULL;
    int nskipped = 0, capskipped = 0;
    char *cal_uid = NULL;
    if (!doc) {
        if (d->n_errors == errs0)
            rc_error(d, ((rc_mark){1, 1}), "XML: the document could not be read");
        return (int)(d->n_errors - errs0);
    }
    if (d->n_errors > errs0)
        goto out;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!is(root, "Project")) {
        rc_error(d, ((rc_mark){root ? (int)xmlGetLineNo(root) : 1, 1}),
                 "the root element is <%s>, not <Project>: not Microsoft Project XML",
                 root ? (const char *)root->name : "(none)");
        goto out;
    }
    xmlNode *tasks = child(root, "Tasks");
    if (!tasks) {
        rc_error(d, ((rc_mark){(int)xmlGetLineNo(root), 1}),
                 "no <Tasks> element: nothing to import");
        goto out;
    }

    /* project settings */
    double day_min = 480, week_min = 2400;
    if (!num(root, "MinutesPerDay", &day_min) || day_min <= 0)
        day_min = 480;
    if (!num(root, "MinutesPerWeek", &week_min) || week_min <= 0)
        week_min = day_min * 5;
    p->hours_per_day = day_min / 60;
    char *s = text(root, "Title");
    if (!s || !*s) {
        if (s)
            xmlFree(s);
        s = text(root, "Name");
    }
    p->name = rc_imp_strdup(s ? s : "");
    if (s)
        xmlFree(s);
    s = text(root, "CurrencyCode");
    p->currency = s ? rc_imp_strdup(s) : NULL;
    if (s)
        xmlFree(s);
    s = text(root, "SaveVersion");
    p->source_note = rc_imp_printf("MSPDI SaveVersion %s, %g minutes a day",
                                   s ? s : "?", day_min);
    if (s)
        xmlFree(s);
    char *raw = NULL;
    if (date(root, "StartDate", &p->start, &raw)) {
        p->has_start = true;
        p->start_note = rc_imp_printf("StartDate %s", raw);
        free(raw);
        raw = NULL;
    }

    /* the project calendar */
    xmlNode *cals = child(root, "Calendars");
    for (xmlNode *c = cals ? cals->children : NULL; c; c = c->next)
        p->counts.calendars += is(c, "Calendar");
    cal_uid = text(root, "CalendarUID");
    xmlNode *pcal = cal_uid ? find_calendar(cals, cal_uid) : NULL;
    int n_recurring = 0, n_workweeks = 0;
    if (pcal) {
        for (int k = 0; k < 7; k++)
            p->workday[k] = k < 5;
        apply_calendar(p, cals, pcal, 0, &n_recurring, &n_workweeks);
        char *cn = text(pcal, "Name");
        p->calendar_note = rc_imp_printf("Calendar UID %s \"%s\" (the project "
                                         "calendar), %g h a day", cal_uid,
                                         cn ? cn : "", p->hours_per_day);
        if (cn)
            xmlFree(cn);
        int nw = 0;
        for (int k = 0; k < 7; k++)
            nw += p->workday[k];
        if (nw == 0) {
            rc_warning(d, ((rc_mark){(int)xmlGetLineNo(pcal), 1}),
                       "the project calendar has no working day; Monday-Friday used");
            for (int k = 0; k < 7; k++)
                p->workday[k] = k < 5;
        }
    } else {
        rc_imp_note(p, "no project calendar found (CalendarUID %s): Monday-Friday, "
                       "no holidays", cal_uid ? cal_uid : "absent");
    }
    if (n_recurring)
        rc_imp_note(p, "recurring calendar exceptions left out: %d", n_recurring);
    if (n_workweeks)
        rc_imp_note(p, "%d alternative work weeks (WorkWeeks) of the project "
                       "calendar left out", n_workweeks);
    int per_week = 0;
    for (int k = 0; k < 7; k++)
        per_week += p->workday[k];

    /* tasks: pass 1 collects; summary UIDs remembered for link dropping */
    int n_summary = 0, n_null = 0, n_inactive = 0, n_other_cal = 0;
    int cstr_dropped[8] = {0};
    static const char *const cstr_names[8] = {
        "as soon as possible", "as late as possible", "must start on",
        "must finish on", "start no earlier than", "start no later than",
        "finish no earlier than", "finish no later than"};
    bool any_progress = false;
    for (xmlNode *tn = tasks->children; tn; tn = tn->next) {
        if (!is(tn, "Task"))
            continue;
        int line = (int)xmlGetLineNo(tn);
        char *uid = text(tn, "UID");
        if (flag(tn, "IsNull")) {
            n_null++;
            if (uid)
                xmlFree(uid);
            continue;
        }
        if (!uid || !*uid) {
            rc_error(d, ((rc_mark){line, 1}), "a <Task> without a <UID>");
            if (uid)
                xmlFree(uid);
            continue;
        }
        bool summary = flag(tn, "Summary");
        char *active = text(tn, "Active");
        bool inactive = active && strcmp(active, "0") == 0;
        if (active)
            xmlFree(active);
        if (summary || inactive) {
            if (summary) n_summary++; else n_inactive++;
            if (nskipped == capskipped) {
                capskipped = capskipped ? capskipped * 2 : 16;
                char **q = realloc(skipped, (size_t)capskipped * sizeof *q);
                if (!q) {
                    xmlFree(uid);
                    goto oom;
                }
                skipped = q;
            }
            skipped[nskipped++] = rc_imp_strdup(uid);
            xmlFree(uid);
            continue;
        }
        rc_imp_task *t = rc_imp_add_task(p);
        if (!t) {
            xmlFree(uid);
            goto oom;
        }
        t->key = rc_imp_strdup(uid);
        xmlFree(uid);
        t->line = line;
        char *wbs = text(tn, "WBS"), *id = text(tn, "ID"), *name = text(tn, "Name");
        if (wbs && *wbs)
            t->code = rc_imp_strdup(wbs);
        else if (id && *id)
            t->code = rc_imp_printf("T%s", id);
        else
            t->code = rc_imp_printf("UID%s", t->key);
        t->name = name && *name ? rc_imp_strdup(name) : NULL;
        t->src = rc_imp_printf("Task line %d: UID %s, ID %s%s%s", line, t->key,
                               id ? id : "?", wbs && *wbs ? ", WBS " : "",
                               wbs && *wbs ? wbs : "");
        if (wbs) xmlFree(wbs);
        if (id) xmlFree(id);
        if (name) xmlFree(name);
        t->milestone = flag(tn, "Milestone");
        if (date(tn, "Finish", &t->src_finish, NULL))
            t->has_src_finish = true;

        /* progress */
        double pct = 0;
        num(tn, "PercentComplete", &pct);
        rc_imp_date as, af;
        bool has_as = date(tn, "ActualStart", &as, NULL);
        bool has_af = date(tn, "ActualFinish", &af, NULL);
        t->done = pct >= 100 || has_af;
        t->started = !t->done && (pct > 0 || has_as);
        any_progress = any_progress || t->done || t->started;

        /* duration */
        double dmin = 0;
        char *ds = text(tn, "Duration");
        bool ok = ds && iso_minutes(ds, day_min, &dmin) == 0 && dmin >= 0;
        if (ds && !ok)
            rc_error(d, ((rc_mark){line, 1}),
                     "task UID %s: Duration \"%s\" is not an ISO 8601 duration "
                     "such as PT16H0M0S", t->key, ds);
        const char *which = "Duration";
        if (t->started) {
            char *rs = text(tn, "RemainingDuration");
            double rmin;
            if (rs && iso_minutes(rs, day_min, &rmin) == 0 && rmin >= 0) {
                dmin = rmin;
                which = "RemainingDuration";
                if (ds)
                    xmlFree(ds);
                ds = rs;
                rs = NULL;
            } else {
                dmin = dmin * (1 - pct / 100);
                which = "Duration x (1 - PercentComplete)";
            }
            if (rs)
                xmlFree(rs);
        }
        t->duration = dmin / day_min;
        if (!t->milestone)
            t->duration_note = rc_imp_printf("%s %s = %g min / %g min a day", which,
                                             ds ? ds : "absent", dmin, day_min);
        if (ds)
            xmlFree(ds);
        if (t->milestone && dmin > 0)
            rc_imp_note(p, "task UID %s is a milestone with a duration; imported as "
                           "a milestone (duration 0)", t->key);

        /* costs */
        double cost = 0, fixed = 0, actual = 0;
        bool has_c = num(tn, "Cost", &cost), has_f = num(tn, "FixedCost", &fixed),
             has_a = num(tn, "ActualCost", &actual);
        if (t->done) {
            double a = has_a && actual != 0 ? actual : cost;
            if (a != 0) {
                t->has_actual_cost = true;
                t->actual_cost = a;
                t->cost_note = rc_imp_printf(has_a && actual != 0 ? "ActualCost" : "Cost");
            }
        } else if ((has_c && cost != 0) || (has_f && fixed != 0)) {
            t->has_cost = true;
            t->cost = has_c && cost != 0 ? cost : fixed;
            t->cost_note = rc_imp_printf(has_c && cost != 0
                                             ? "Cost (fixed and resource costs at completion)"
                                             : "FixedCost");
        }

        /* constraints */
        double ct = 0;
        if (num(tn, "ConstraintType", &ct) && ct > 0 && ct < 8 && !t->done && !t->started) {
            rc_imp_date cd;
            char *craw = NULL;
            if ((ct == 4 || ct == 2) && date(tn, "ConstraintDate", &cd, &craw)) {
                t->has_not_before = true;
                t->not_before = cd;
                t->not_before_note = rc_imp_printf(
                    "ConstraintType %d (%s), ConstraintDate %s", (int)ct,
                    cstr_names[(int)ct], craw);
                free(craw);
                p->counts.constraints_kept++;
            } else {
                cstr_dropped[(int)ct]++;
                p->counts.constraints_dropped++;
            }
        }

        /* own calendar */
        char *tc = text(tn, "CalendarUID");
        if (tc && strcmp(tc, "-1") != 0 && (!cal_uid || strcmp(tc, cal_uid) != 0)) {
            t->other_calendar = true;
            xmlNode *cn = find_calendar(cals, tc);
            char *nm = cn ? text(cn, "Name") : NULL;
            t->calendar_note = rc_imp_printf("own calendar UID %s \"%s\": the project "
                                             "calendar is used", tc, nm ? nm : "");
            if (nm)
                xmlFree(nm);
            n_other_cal++;
        }
        if (tc)
            xmlFree(tc);

        /* links */
        for (xmlNode *ln = tn->children; ln; ln = ln->next) {
            if (!is(ln, "PredecessorLink"))
                continue;
            int lline = (int)xmlGetLineNo(ln);
            char *pu = text(ln, "PredecessorUID");
            if (!pu || !*pu) {
                rc_error(d, ((rc_mark){lline, 1}),
                         "task UID %s: a <PredecessorLink> without <PredecessorUID>",
                         t->key);
                if (pu)
                    xmlFree(pu);
                continue;
            }
            if (flag(ln, "CrossProject")) {
                p->counts.dropped_links++;
                xmlFree(pu);
                continue;
            }
            bool to_skipped = false;
            for (int k = 0; k < nskipped && !to_skipped; k++)
                to_skipped = strcmp(skipped[k], pu) == 0;
            if (to_skipped) {
                p->counts.dropped_links++;
                xmlFree(pu);
                continue;
            }
            double type = 1, lag = 0, fmt = 7;
            bool has_type = num(ln, "Type", &type);
            num(ln, "LinkLag", &lag);
            num(ln, "LagFormat", &fmt);
            rc_imp_link_type lt;
            if (!has_type || type == 1) lt = RC_IMP_FS;
            else if (type == 0) lt = RC_IMP_FF;
            else if (type == 2) lt = RC_IMP_SF;
            else if (type == 3) lt = RC_IMP_SS;
            else {
                rc_error(d, ((rc_mark){lline, 1}),
                         "task UID %s: link Type %g is not 0 (FF), 1 (FS), 2 (SF) "
                         "or 3 (SS)", t->key, type);
                xmlFree(pu);
                continue;
            }
            rc_imp_link *l = rc_imp_add_link(t);
            if (!l) {
                xmlFree(pu);
                goto oom;
            }
            l->pred_key = rc_imp_strdup(pu);
            xmlFree(pu);
            l->type = lt;
            l->line = lline;
            int f = (int)fmt;
            if (f >= 35 && f <= 52)
                f -= 32;   /* the "estimated" variants */
            if (lag != 0) {
                if (f == 19 || f == 20) {
                    if (nfix == capfix) {
                        capfix = capfix ? capfix * 2 : 16;
                        pct_fix *q = realloc(fixes, (size_t)capfix * sizeof *q);
                        if (!q)
                            goto oom;
                        fixes = q;
                    }
                    fixes[nfix++] = (pct_fix){lag, p->n_tasks - 1, t->n_links - 1};
                    l->note = rc_imp_printf("LinkLag %g%% of the predecessor's duration",
                                            lag);
                } else if (f == 4 || f == 6 || f == 8 || f == 10 || f == 12) {
                    double days = lag / 10 / 1440;
                    l->lag = days * per_week / 7;
                    l->note = rc_imp_printf("LinkLag %g tenths of a minute, elapsed "
                                            "(LagFormat %d): %g calendar days x %d/7",
                                            lag, (int)fmt, days, per_week);
                } else {
                    l->lag = lag / 10 / day_min;
                    l->note = rc_imp_printf("LinkLag %g tenths of a minute / %g min a day",
                                            lag, day_min);
                }
            }
        }
    }
    if (d->n_errors > errs0)
        goto out;
    /* percent lags: a share of the predecessor's duration (unknown
     * predecessors are reported by import.c) */
    for (int i = 0; i < nfix; i++) {
        rc_imp_link *l = &p->tasks[fixes[i].task].links[fixes[i].link];
        for (int k = 0; k < p->n_tasks; k++)
            if (strcmp(p->tasks[k].key, l->pred_key) == 0) {
                l->lag = fixes[i].pct / 100 * p->tasks[k].duration;
                break;
            }
    }

    /* status date: StatusDate, else CurrentDate when there is progress */
    if (date(root, "StatusDate", &p->status, &raw)) {
        p->has_status = true;
        p->status_note = rc_imp_printf("StatusDate %s", raw);
        free(raw);
        raw = NULL;
    } else if (any_progress && date(root, "CurrentDate", &p->status, &raw)) {
        p->has_status = true;
        p->status_note = rc_imp_printf("CurrentDate %s (no StatusDate in the file)", raw);
        free(raw);
        raw = NULL;
    }
    if (!p->has_start) {
        rc_imp_date first = 0;
        bool any = false;
        for (xmlNode *tn = tasks->children; tn; tn = tn->next) {
            rc_imp_date z;
            if (is(tn, "Task") && date(tn, "Start", &z, NULL) && (!any || z < first)) {
                first = z;
                any = true;
            }
        }
        if (any) {
            p->has_start = true;
            p->start = first;
            p->start_note = rc_imp_printf("the earliest task Start (no StartDate)");
        }
    }

    if (n_summary)
        rc_imp_note(p, "%d summary tasks left out (their dates come from their "
                       "subtasks)", n_summary);
    if (n_inactive)
        rc_imp_note(p, "%d inactive tasks left out", n_inactive);
    if (n_null)
        rc_imp_note(p, "%d blank (IsNull) task rows skipped", n_null);
    if (p->counts.dropped_links)
        rc_imp_note(p, "%d links to summary, inactive or other projects' tasks "
                       "dropped", p->counts.dropped_links);
    for (int k = 1; k < 8; k++)
        if (cstr_dropped[k])
            rc_imp_note(p, "%d \"%s\" constraints left out (only start no earlier "
                           "than is carried over, as not_before)",
                        cstr_dropped[k], cstr_names[k]);
    int n_mso = 0;
    for (int i = 0; i < p->n_tasks; i++)
        n_mso += p->tasks[i].not_before_note &&
                 strstr(p->tasks[i].not_before_note, "must start on") != NULL;
    if (n_mso)
        rc_imp_note(p, "%d \"must start on\" constraints kept only as their "
                       "earliest start (not_before)", n_mso);
    if (n_other_cal)
        rc_imp_note(p, "%d tasks have their own calendar: riskcast has one project "
                       "calendar, which they follow", n_other_cal);
    p->counts.skipped_summary = n_summary;
    p->counts.other_calendar_tasks = n_other_cal;
    rc_imp_note(p, "resources, assignments, resource levelling, baselines and "
                   "custom fields are not carried over");
    if (0) {
oom:
        rc_error(d, ((rc_mark){0, 0}), "out of memory importing the XML file");
    }
out:
    for (int k = 0; k < nskipped; k++)
        free(skipped[k]);
    free(skipped);
    free(fixes);
    if (cal_uid)
        xmlFree(cal_uid);
    xmlFreeDoc(doc);
    (void)o;
    (void)week_min;
    return (int)(d->n_errors - errs0);
}
