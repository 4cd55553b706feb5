/* text.c - text for people: number and date formatting, display width of
 * UTF-8 text (CJK characters take two columns), and the run summary. */
#include "text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- a growing string ------------------------------------------------------ */

void rc_sb_init(rc_sb *b)
{
    b->s = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void rc_sb_printf(rc_sb *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        b->failed = true;
        return;
    }
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            va_end(ap2);
            b->failed = true;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
}

void rc_sb_puts(rc_sb *b, const char *s)
{
    rc_sb_printf(b, "%s", s);
}

char *rc_sb_take(rc_sb *b)
{
    if (b->failed) {
        free(b->s);
        rc_sb_init(b);
        return NULL;
    }
    if (!b->s)
        return strdup("");
    char *s = b->s;
    rc_sb_init(b);
    return s;
}

/* ---- display width ------------------------------------------------------------ */

static int cp_width(unsigned cp)
{
    if (cp == 0)
        return 0;
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0; /* combining marks, zero-width spaces, variation selectors */
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Decode one UTF-8 sequence at S; returns its length (1 for an invalid byte,
 * which counts as one column). */
static int utf8_next(const char *s, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    int n = (u[0] & 0xE0) == 0xC0 ? 2 : (u[0] & 0xF0) == 0xE0 ? 3 : (u[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (!n) {
        *cp = '?';
        return 1;
    }
    unsigned c = u[0] & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = '?';
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    *cp = c;
    return n;
}

int rc_display_width(const char *s)
{
    int w = 0;
    while (s && *s) {
        unsigned cp;
        s += utf8_next(s, &cp);
        w += cp_width(cp);
    }
    return w;
}

void rc_sb_pad(rc_sb *b, const char *s, int width)
{
    /* cut at a character boundary when too wide, marking the cut with '~' */
    int w = 0;
    const char *p = s ? s : "";
    const char *end = p;
    int total = rc_display_width(p);
    while (*end) {
        unsigned cp;
        int n = utf8_next(end, &cp);
        int cw = cp_width(cp);
        if (total > width && w + cw > width - 1)
            break;
        w += cw;
        end += n;
    }
    rc_sb_printf(b, "%.*s", (int)(end - p), p);
    if (total > width) {
        rc_sb_puts(b, "~");
        w++;
    }
    for (; w < width; w++)
        rc_sb_puts(b, " ");
}

/* ---- numbers ---------------------------------------------------------------------- */

void rc_fmt_money(char *out, size_t n, double v)
{
    if (!isfinite(v)) {
        snprintf(out, n, "-");
        return;
    }
    double a = fabs(v);
    long long whole = llround(a);
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", whole);
    char buf[48];
    int len = (int)strlen(digits), k = 0;
    if (v < 0 && whole != 0)
        buf[k++] = '-';
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = digits[i];
    }
    buf[k] = 0;
    snprintf(out, n, "%s", buf);
}

void rc_fmt_days(char *out, size_t n, double v)
{
    if (!isfinite(v))
        snprintf(out, n, "-");
    else
        snprintf(out, n, "%.1f", fabs(v) < 0.05 ? 0.0 : v);
}

void rc_fmt_pct(char *out, size_t n, double p)
{
    if (!isfinite(p))
        snprintf(out, n, "-");
    else if (p > 0 && p < 0.01)
        snprintf(out, n, "<1%%");
    else if (p < 1 && p > 0.99)
        snprintf(out, n, ">99%%");
    else
        snprintf(out, n, "%.0f%%", p * 100);
}

/* A schedule change below this many working days prints as 0.0: not "time". */
#define RC_TEXT_MIN_DAYS 0.05

/* ---- the run summary --------------------------------------------------------------- */

static const char *rname(const rc_risk_result *x)
{
    return x->name ? x->name : x->id;
}

/* "WHAT is left out", and on the next line why: at ITERATIONS it is more
 * work than the engine allows itself (analysis.c); the most iterations
 * that allow it, MAX (0: none). */
static void left_out(rc_sb *b, const char *what, long iterations, long max)
{
    rc_sb_printf(b, "  %s is left out:\n", what);
    if (max > 0)
        rc_sb_printf(b, "  too much work at %ld iterations (--iterations %ld or fewer gives it)\n", iterations,
                     max);
    else
        rc_sb_puts(b, "  too much work for this plan at any number of iterations\n");
}

char *rc_summary_text(const rc_result *r)
{
    const rc_model *m = r->model;
    rc_sb b;
    rc_sb_init(&b);
    char s1[64], s2[64], s3[64], s4[64];
    char d1[11], d2[11], d3[11];
    int conf = (int)lround(r->confidence * 100);
    const char *cur = m->currency && *m->currency ? m->currency : "";

    rc_sb_printf(&b, "%s\n", *m->name ? m->name : "(unnamed project)");
    rc_sb_printf(&b, "%ld iterations, seed %llu, confidence %d%%%s\n\n", r->iterations,
                 (unsigned long long)r->seed, conf, r->mitigated ? ", every mitigation applied" : "");

    char hdr[16];
    snprintf(hdr, sizeof hdr, "P%d", conf);
    rc_sb_printf(&b, "%-20s %14s %14s %14s\n", "", "Plan", "P50", hdr);
    rc_date_format(r->plan_finish, d1);
    rc_date_format(r->finish_pct[5], d2);
    rc_date_format(r->finish_at_conf, d3);
    rc_sb_printf(&b, "%-20s %14s %14s %14s\n", "Finish date", d1, d2, d3);
    rc_fmt_days(s1, sizeof s1, r->plan_duration);
    rc_fmt_days(s2, sizeof s2, r->dur.pct[5]);
    rc_fmt_days(s3, sizeof s3, r->dur.at_conf);
    rc_sb_printf(&b, "%-20s %14s %14s %14s\n", "Working days", s1, s2, s3);
    char lab[64];
    snprintf(lab, sizeof lab, "Cost%s%s%s", *cur ? " (" : "", cur, *cur ? ")" : "");
    rc_fmt_money(s1, sizeof s1, r->plan_cost);
    rc_fmt_money(s2, sizeof s2, r->cst.pct[5]);
    rc_fmt_money(s3, sizeof s3, r->cst.at_conf);
    rc_sb_pad(&b, lab, 20);
    rc_sb_printf(&b, " %14s %14s %14s\n\n", s1, s2, s3);

    rc_fmt_pct(s1, sizeof s1, r->finish_plan_probability);
    rc_fmt_pct(s2, sizeof s2, r->cst.plan_probability);
    rc_sb_printf(&b, "Chance the plan holds:      finish by %s %s, cost within plan %s\n", d1, s1, s2);
    if (m->has_deadline) {
        rc_date_format(m->deadline, d1);
        rc_fmt_pct(s1, sizeof s1, r->deadline_probability);
        rc_sb_printf(&b, "Chance of the deadline:     %s by %s\n", s1, d1);
    }
    if (m->has_budget) {
        rc_fmt_money(s2, sizeof s2, m->budget);
        rc_fmt_pct(s1, sizeof s1, r->budget_probability);
        rc_sb_printf(&b, "Chance of the budget:       %s within %s%s%s\n", s1, s2, *cur ? " " : "", cur);
    }
    if (m->has_deadline && m->has_budget) {
        rc_fmt_pct(s1, sizeof s1, r->joint_probability);
        rc_sb_printf(&b, "Chance of both at once:     %s\n", s1);
    }
    if (m->has_price) {
        rc_fmt_money(s1, sizeof s1, m->price);
        rc_fmt_pct(s2, sizeof s2, r->loss_probability);
        rc_fmt_money(s3, sizeof s3, r->margin.pct[5]);
        rc_sb_printf(&b, "At the price %s%s%s: chance of a loss %s, median margin %s", s1, *cur ? " " : "", cur, s2, s3);
        rc_fmt_money(s1, sizeof s1, r->margin.pct[1]);
        rc_fmt_money(s2, sizeof s2, r->margin.pct[9]);
        rc_sb_printf(&b, " (P10 %s to P90 %s)\n", s1, s2);
        rc_fmt_money(s1, sizeof s1, r->price_at_confidence);
        rc_sb_printf(&b, "Price with no loss at %d%% confidence: %s%s%s\n", conf, s1, *cur ? " " : "", cur);
    }

    rc_fmt_days(s1, sizeof s1, r->contingency_days);
    rc_date_format(r->contingency_finish, d1);
    rc_fmt_money(s2, sizeof s2, r->contingency_cost);
    rc_sb_printf(&b, "\nContingency to hold at %d%%: %s working days (promise %s) and %s%s%s\n",
                 conf, s1, d1, s2, *cur ? " " : "", cur);
    if (r->has_shapley && r->n_risks == 0) {
        rc_sb_puts(&b, "  all of it estimating uncertainty: the register has no open risks\n");
    } else if (r->has_shapley) {
        rc_fmt_days(s1, sizeof s1, r->shapley_base_days);
        rc_fmt_money(s2, sizeof s2, r->shapley_base_cost);
        rc_sb_printf(&b, "  of which estimating uncertainty %s days and %s; the risks the rest\n"
                         "  (their reserve shares below, Shapley values%s; the shares add up)\n",
                     s1, s2, r->shapley_perms > 0 ? " from sampled orders" : "");
    } else if (r->shapley_left_out) {
        left_out(&b, "Its split between the risks and the estimating uncertainty", r->iterations,
                 r->shapley_max_iterations);
    }

    /* risks ranked by schedule contribution (then cost) */
    int nr = r->n_risks;
    if (nr > 0) {
        int *ord = malloc((size_t)nr * sizeof *ord);
        if (ord) {
            for (int k = 0; k < nr; k++)
                ord[k] = k;
            for (int a = 1; a < nr; a++) { /* insertion sort: stable */
                int t = ord[a], j = a;
                while (j > 0) {
                    const rc_risk_result *x = &r->risks[ord[j - 1]], *y = &r->risks[t];
                    double kx = x->schedule_contribution, ky = y->schedule_contribution;
                    if (ky > kx || (ky == kx && y->cost_contribution > x->cost_contribution)) {
                        ord[j] = ord[j - 1];
                        j--;
                    } else {
                        break;
                    }
                }
                ord[j] = t;
            }
            int show = nr < 8 ? nr : 8;
            int idw = 4;
            for (int k = 0; k < nr; k++)
                if (rc_display_width(r->risks[k].id) > idw)
                    idw = rc_display_width(r->risks[k].id);
            if (idw > 16)
                idw = 16;
            rc_sb_printf(&b, "\nRisks that drive it (what each adds to the P%d):\n", conf);
            rc_sb_puts(&b, "  ");
            rc_sb_pad(&b, "id", idw);
            rc_sb_puts(&b, " ");
            rc_sb_pad(&b, "risk", 32);
            rc_sb_printf(&b, " %7s %7s %10s", "occurs", "days", "cost");
            if (r->has_shapley)
                rc_sb_printf(&b, "   reserve share: %5s %10s", "days", "cost");
            rc_sb_puts(&b, "\n");
            for (int a = 0; a < show; a++) {
                const rc_risk_result *x = &r->risks[ord[a]];
                rc_sb_puts(&b, "  ");
                rc_sb_pad(&b, x->id, idw);
                rc_sb_puts(&b, " ");
                rc_sb_pad(&b, rname(x), 32);
                rc_fmt_pct(s1, sizeof s1, x->occurrence);
                rc_fmt_days(s2, sizeof s2, x->schedule_contribution);
                rc_fmt_money(s3, sizeof s3, x->cost_contribution);
                rc_sb_printf(&b, " %7s %7s %10s", s1, s2, s3);
                if (r->has_shapley) {
                    rc_fmt_days(s4, sizeof s4, x->shapley_days);
                    rc_fmt_money(s1, sizeof s1, x->shapley_cost);
                    rc_sb_printf(&b, "                  %5s %10s", s4, s1);
                }
                rc_sb_puts(&b, "\n");
            }
            if (nr > show)
                rc_sb_printf(&b, "  ... and %d more (see --json or --csv)\n", nr - show);
            free(ord);
        }
    }

    /* most critical tasks */
    {
        int shown = 0;
        rc_sb_puts(&b, "\nMost critical tasks (share of iterations on the critical path; milestones left out):\n");
        char *used = calloc((size_t)(r->n_tasks ? r->n_tasks : 1), 1);
        int tw = 12;
        for (int i = 0; i < r->n_tasks; i++)
            if (r->tasks[i].active && rc_display_width(r->tasks[i].id) > tw)
                tw = rc_display_width(r->tasks[i].id);
        if (tw > 24)
            tw = 24;
        for (int a = 0; used && a < 5; a++) {
            int best = -1;
            for (int i = 0; i < r->n_tasks; i++)
                if (!used[i] && r->tasks[i].active && r->tasks[i].plan_duration > 0 &&
                    (best < 0 || r->tasks[i].criticality > r->tasks[best].criticality))
                    best = i;
            if (best < 0 || r->tasks[best].criticality <= 0)
                break;
            used[best] = 1;
            const rc_task_result *t = &r->tasks[best];
            rc_sb_puts(&b, "  ");
            rc_sb_pad(&b, t->id, tw);
            rc_sb_puts(&b, " ");
            rc_sb_pad(&b, t->name ? t->name : "", 36 - (tw - 12));
            rc_fmt_pct(s1, sizeof s1, t->criticality);
            rc_sb_printf(&b, " %5s", s1);
            if (t->has_sensitivity)
                rc_sb_printf(&b, "   sensitivity %+.2f", t->sensitivity);
            rc_sb_puts(&b, "\n");
            shown++;
        }
        free(used);
        if (!shown)
            rc_sb_puts(&b, "  (none)\n");
    }

    /* mitigations */
    int nm = 0;
    for (int k = 0; k < nr; k++)
        nm += r->risks[k].has_mitigation;
    if (nm) {
        rc_sb_printf(&b, "\nMitigations (%s, at P%d; net = cost saved - its cost):\n",
                     r->mitigated ? "what each one applied is worth" : "what each one would change", conf);
        for (int k = 0; k < nr; k++) {
            const rc_risk_result *x = &r->risks[k];
            if (!x->has_mitigation)
                continue;
            rc_fmt_money(s1, sizeof s1, x->mitigation.cost);
            rc_fmt_days(s2, sizeof s2, x->mitigation.schedule_benefit);
            rc_fmt_money(s3, sizeof s3, x->mitigation.cost_benefit);
            rc_fmt_money(s4, sizeof s4, x->mitigation.net_benefit);
            rc_sb_puts(&b, "  ");
            rc_sb_pad(&b, x->id, 14);
            rc_sb_printf(&b, " costs %s, saves %s days and %s: net %s%s -> %s\n", s1, s2, s3,
                         x->mitigation.net_benefit > 0 ? "+" : "", s4,
                         x->recommended ? "fund it"
                         : x->mitigation.net_benefit > 0 ? "pays for itself"
                         : x->mitigation.schedule_benefit >= RC_TEXT_MIN_DAYS ? "buys time, costs money"
                                                                            : "not worth it");
        }
        if (r->has_rec && r->n_recommended > 0) {
            rc_fmt_days(s1, sizeof s1, r->rec_dur.at_conf);
            rc_fmt_money(s2, sizeof s2, r->rec_cst.at_conf);
            rc_fmt_money(s3, sizeof s3, r->rec_cost);
            rc_sb_printf(&b, "  With the recommended set (%d, costing %s): P%d %s days, %s%s%s\n",
                         r->n_recommended, s3, conf, s1, s2, *cur ? " " : "", cur);
        } else if (r->rec_left_out) {
            left_out(&b, "The recommended set of mitigations", r->iterations, r->rec_max_iterations);
        }
    }

    /* precision */
    rc_date_format((rc_date)r->finish_at_conf_ci.lo, d1);
    rc_date_format((rc_date)r->finish_at_conf_ci.hi, d2);
    rc_fmt_money(s1, sizeof s1, r->cst.at_conf_ci.lo);
    rc_fmt_money(s2, sizeof s2, r->cst.at_conf_ci.hi);
    rc_sb_printf(&b, "\nPrecision: 95%% interval of the P%d from %ld iterations\n"
                     "  finish %s to %s, cost %s to %s\n", conf, r->iterations, d1, d2, s1, s2);
    if (r->corr_repaired)
        rc_sb_puts(&b, "Note: inconsistent correlations were replaced by the nearest consistent set.\n");
    return rc_sb_take(&b);
}
