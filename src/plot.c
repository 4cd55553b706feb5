/* plot.c - the charts of SPEC §4.
 *
 * For each chart NAME this writes NAME.dat (the numbers, with a comment
 * saying what each column is) and NAME.gp into the output directory, then
 * runs gnuplot on every script as a child process with the directory as its
 * working directory. NAME.gp is a short header of `set` commands and
 * variables for this run (terminal, output name, titles in the chosen
 * language, the values to mark) followed by the template plots/NAME.gp, so a
 * user can restyle the template or the script and rerun `gnuplot NAME.gp`.
 *
 * Everything is bounded: histograms have at most RC_PLOT_BINS bars, the
 * S-curves at most RC_PLOT_CURVE points, the scatter at most
 * RC_PLOT_JCL_POINTS points, the ranked charts their top N rows, labels
 * RC_PLOT_LABEL_COLS display columns, and gnuplot's messages are read up to
 * RC_PLOT_STDERR_KEEP bytes.
 */
#include "plot.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "fileio.h"
#include "text.h"

#ifndef RC_DATADIR
#define RC_DATADIR "/usr/local/share/riskcast"
#endif

#define RC_PLOT_BINS 40               /* bars of a histogram, at most */
#define RC_PLOT_CURVE 400             /* points of the cost S-curve */
#define RC_PLOT_MAX_DAYS 4000         /* points of the finish S-curve, at most */
#define RC_PLOT_JCL_POINTS 5000       /* points of the scatter, at most */
#define RC_PLOT_TOP_RISKS 15          /* tornado rows per panel */
#define RC_PLOT_TOP_TASKS 20          /* criticality rows */
#define RC_PLOT_MATRIX_RISKS 20       /* risk-matrix risks per panel */
#define RC_PLOT_GANTT_TASKS 40        /* gantt rows when no ranges were kept */
#define RC_PLOT_LABEL_COLS 34         /* display columns of a row label */
#define RC_PLOT_TITLE_COLS 90         /* display columns of the project name in a subtitle */
#define RC_PLOT_TEMPLATE_BYTES (256 * 1024)
#define RC_PLOT_STDERR_KEEP 4096
#define RC_PLOT_TIMEOUT_S 300         /* a gnuplot run taking longer is stopped */
#define RC_PLOT_FONT "Noto Sans CJK SC,10"
#define RC_PLOT_CHAR_PX 7.0           /* width of one display column at that font, pixels */

/* ---- the words on the charts, one table per language ------------------------- */

typedef struct {
    const char *sims;                 /* "%s simulations" */
    const char *finish_title, *finish_x, *finish_y_day, *finish_y_bin, *finish_y2;
    const char *finish_hist_day, *finish_hist_bin, *finish_curve;
    const char *plan, *deadline, *budget, *price, *status;
    const char *cost_title, *cost_x, *cost_x_k, *cost_x_m, *cost_y, *cost_y2, *cost_hist, *cost_curve;
    const char *tornado_title, *tornado_sub_all, *tornado_sub_top;
    const char *tornado_days, *tornado_cost, *tornado_none, *tornado_days_unit;
    const char *crit_title, *crit_sub_all, *crit_sub_top, *crit_left, *crit_right, *crit_none;
    const char *jcl_title_joint, *jcl_title, *jcl_x, *jcl_points_all, *jcl_points_some, *jcl_conf;
    const char *matrix_title, *matrix_sub_all, *matrix_sub_top, *matrix_days, *matrix_cost, *matrix_x;
    const char *matrix_before, *matrix_after, *matrix_none, *matrix_low, *matrix_high;
    const char *gantt_title, *gantt_sub, *gantt_bar, *gantt_crit, *gantt_range, *gantt_milestone, *gantt_none;
    int key_width;                    /* extra key width for wide characters */
} rc_plot_text;

static const rc_plot_text text_en = {
    .sims = "%s simulations",
    .finish_title = "Chance of finishing by each date",
    .finish_x = "Finish date",
    .finish_y_day = "Simulations finishing that day (%)",
    .finish_y_bin = "Simulations finishing in the period (%)",
    .finish_y2 = "Chance of finishing by that date (%)",
    .finish_hist_day = "Share of simulations finishing on the day",
    .finish_hist_bin = "Share of simulations finishing in the period",
    .finish_curve = "Chance of finishing by the date (right axis)",
    .plan = "Plan", .deadline = "Deadline", .budget = "Budget", .price = "Price",
    .status = "Status date",
    .cost_title = "Chance of staying within each cost",
    .cost_x = "Project cost (%s)",
    .cost_x_k = "Project cost (thousand %s)",
    .cost_x_m = "Project cost (million %s)",
    .cost_y = "Simulations with a cost in the range (%)",
    .cost_y2 = "Chance the cost is at most that amount (%)",
    .cost_hist = "Share of simulations with a cost in the range",
    .cost_curve = "Chance the cost is at most the amount (right axis)",
    .tornado_title = "Which risks push the P%d finish and cost",
    .tornado_sub_all = "what each risk adds to the P%d, all %d risks",
    .tornado_sub_top = "what each risk adds to the P%d, the top %d of %d risks",
    .tornado_days = "Working days added to the P%d duration",
    .tornado_cost = "Added to the P%d cost (%s)",
    .tornado_none = "No open risks in the register",
    .tornado_days_unit = "d",
    .crit_title = "Tasks most likely to delay the project",
    .crit_sub_all = "all %d tasks, most critical first",
    .crit_sub_top = "the %d most critical of %d tasks",
    .crit_left = "Chance of being on the critical path (%)",
    .crit_right = "Sensitivity (rank correlation with the project duration)",
    .crit_none = "No tasks left to simulate",
    .jcl_title_joint = "Chance of finishing by the deadline within budget: %s",
    .jcl_title = "Cost against finish date",
    .jcl_x = "Finish date",
    .jcl_points_all = "One simulation (all %s)",
    .jcl_points_some = "One simulation (%s of %s shown)",
    .jcl_conf = "P%d finish and cost",
    .matrix_title = "Risk register: probability and impact, before and after mitigation",
    .matrix_sub_all = "all %d open risks; arrows show what the planned mitigation changes",
    .matrix_sub_top = "the %d risks with the largest exposure of %d; arrows show what the planned mitigation changes",
    .matrix_days = "Schedule impact when it occurs (working days)",
    .matrix_cost = "Cost impact when it occurs (%s)",
    .matrix_x = "Probability of occurring (%)",
    .matrix_before = "Before mitigation",
    .matrix_after = "After mitigation",
    .matrix_none = "No risk with this kind of impact",
    .matrix_low = "low", .matrix_high = "high",
    .gantt_title = "Plan and likely finish range of the most critical tasks",
    .gantt_sub = "%d of %d tasks, in order of planned start",
    .gantt_bar = "Planned dates",
    .gantt_crit = "Planned dates, on the plan's critical path",
    .gantt_range = "Likely finish (P10 to P90; dot: average)",
    .gantt_milestone = "Planned milestone",
    .gantt_none = "No tasks left to simulate",
    .key_width = 0,
};

static const rc_plot_text text_zh = {
    .sims = "%s 次模拟",
    .finish_title = "各日期前完工的概率",
    .finish_x = "完工日期",
    .finish_y_day = "当天完工的模拟占比（%）",
    .finish_y_bin = "该时段完工的模拟占比（%）",
    .finish_y2 = "在该日期前完工的概率（%）",
    .finish_hist_day = "当天完工的模拟占比",
    .finish_hist_bin = "该时段完工的模拟占比",
    .finish_curve = "在该日期前完工的概率（右轴）",
    .plan = "计划", .deadline = "截止日期", .budget = "预算", .price = "合同价",
    .status = "状态日期",
    .cost_title = "成本不超过各金额的概率",
    .cost_x = "项目成本（%s）",
    .cost_x_k = "项目成本（千 %s）",
    .cost_x_m = "项目成本（百万 %s）",
    .cost_y = "成本落在该区间的模拟占比（%）",
    .cost_y2 = "成本不超过该金额的概率（%）",
    .cost_hist = "成本落在该区间的模拟占比",
    .cost_curve = "成本不超过该金额的概率（右轴）",
    .tornado_title = "哪些风险推高了 P%d 工期和成本",
    .tornado_sub_all = "每项风险对 P%d 的增加量，共 %d 项风险",
    .tornado_sub_top = "每项风险对 P%1$d 的增加量，%3$d 项风险中影响最大的 %2$d 项",
    .tornado_days = "P%d 工期增加的工作日",
    .tornado_cost = "P%d 成本增加额（%s）",
    .tornado_none = "风险登记册中没有未关闭的风险",
    .tornado_days_unit = "天",
    .crit_title = "最可能拖延项目的任务",
    .crit_sub_all = "全部 %d 项任务，最关键的在前",
    .crit_sub_top = "%2$d 项任务中最关键的 %1$d 项",
    .crit_left = "位于关键路径上的概率（%）",
    .crit_right = "敏感度（与项目工期的秩相关系数）",
    .crit_none = "没有需要模拟的任务",
    .jcl_title_joint = "在截止日期前且不超预算完工的概率：%s",
    .jcl_title = "成本与完工日期",
    .jcl_x = "完工日期",
    .jcl_points_all = "一次模拟（共 %s 次）",
    .jcl_points_some = "一次模拟（显示 %2$s 次中的 %1$s 次）",
    .jcl_conf = "P%d 完工日期与成本",
    .matrix_title = "风险登记册：缓解前后的概率与影响",
    .matrix_sub_all = "全部 %d 项未关闭风险；箭头表示计划的缓解措施带来的变化",
    .matrix_sub_top = "%2$d 项风险中风险敞口最大的 %1$d 项；箭头表示计划的缓解措施带来的变化",
    .matrix_days = "发生时的进度影响（工作日）",
    .matrix_cost = "发生时的成本影响（%s）",
    .matrix_x = "发生概率（%）",
    .matrix_before = "缓解前",
    .matrix_after = "缓解后",
    .matrix_none = "没有此类影响的风险",
    .matrix_low = "低", .matrix_high = "高",
    .gantt_title = "最关键任务的计划与可能完工范围",
    .gantt_sub = "%2$d 项任务中的 %1$d 项，按计划开始日期排列",
    .gantt_bar = "计划日期",
    .gantt_crit = "计划日期（计划关键路径上）",
    .gantt_range = "可能完工范围（P10 至 P90；圆点：平均）",
    .gantt_milestone = "计划里程碑",
    .gantt_none = "没有需要模拟的任务",
    .key_width = 6,
};

/* ---- text helpers ---------------------------------------------------------------- */

static int cp_cols(unsigned cp)
{
    if (cp < 0x300)
        return 1;
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Length of the valid UTF-8 sequence at S (0: invalid), its code point in *CP. */
static int utf8_seq(const unsigned char *s, unsigned *cp)
{
    int n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
          : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (!n)
        return 0;
    unsigned c = n == 1 ? s[0] : (unsigned)(s[0] & (0x7F >> n));
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
        return 0;
    *cp = c;
    return n;
}

/* Copy S into OUT (OUTLEN bytes) as one line of label text: control
 * characters become spaces and invalid bytes '?', double quotes become single
 * ones (a data file column is double-quoted), runs of spaces shrink, and text
 * wider than COLS display columns is cut with an ellipsis. */
static void clean_text(const char *s, int cols, char *out, size_t outlen)
{
    size_t o = 0, keep = 0;           /* keep: the cut point for COLS - 1 columns */
    int w = 0;
    bool space = true, cut = false;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        unsigned cp;
        int n = utf8_seq(p, &cp);
        const char *src = (const char *)p;
        char one = 0;
        if (n == 0) {
            one = '?';
            n = 1;
            cp = '?';
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
            one = ' ';
            cp = ' ';
        } else if (cp == '"') {
            one = '\'';
        }
        p += n;
        if (cp == ' ') {
            if (space)
                continue;
            space = true;
        } else {
            space = false;
        }
        int cw = cp_cols(cp);
        size_t len = one ? 1 : (size_t)n;
        if (w + cw > cols || o + len + 4 >= outlen) {
            cut = true;
            break;
        }
        if (one)
            out[o] = one;
        else
            memcpy(out + o, src, len);
        o += len;
        w += cw;
        if (w <= cols - 1)
            keep = o;
    }
    if (cut)
        o = keep;
    while (o > 0 && out[o - 1] == ' ')
        o--;
    if (cut) {
        memcpy(out + o, "\xE2\x80\xA6", 3); /* an ellipsis */
        o += 3;
    }
    out[o] = 0;
}

static int text_cols(const char *s)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp;
        int n = utf8_seq(p, &cp);
        if (!n) {
            n = 1;
            cp = '?';
        }
        w += cp_cols(cp);
        p += n;
    }
    return w;
}

/* A gnuplot string literal: single-quoted, quotes doubled (no escapes apply). */
static void gp_str(rc_sb *b, const char *s)
{
    rc_sb_puts(b, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '\'')
            rc_sb_puts(b, "''");
        else
            rc_sb_printf(b, "%c", *p);
    }
    rc_sb_puts(b, "'");
}

/* name = 'value' */
static void gp_var(rc_sb *b, const char *name, const char *value)
{
    rc_sb_printf(b, "%s = ", name);
    gp_str(b, value);
    rc_sb_puts(b, "\n");
}

/* "ID name" as a row label, cleaned and cut. */
static void row_label(const char *id, const char *name, char *out, size_t outlen)
{
    char buf[512];
    if (name && *name)
        snprintf(buf, sizeof buf, "%.120s %.380s", id ? id : "", name);
    else
        snprintf(buf, sizeof buf, "%.200s", id ? id : "");
    clean_text(buf, RC_PLOT_LABEL_COLS, out, outlen);
}

static void fmt_date(rc_date d, char out[11])
{
    rc_date_format(d, out);
}

static void fmt_count(char *out, size_t n, long v)
{
    rc_fmt_money(out, n, (double)v);
}

static int conf_pct(const rc_result *r)
{
    double c = r->confidence * 100;
    return (int)floor(c + 0.5);
}

/* "P80" or "P87.5" */
static void conf_key(const rc_result *r, char *out, size_t n)
{
    double c = r->confidence * 100;
    if (fabs(c - floor(c + 0.5)) < 1e-9)
        snprintf(out, n, "P%d", (int)floor(c + 0.5));
    else
        snprintf(out, n, "P%g", c);
}

/* ---- the header every script starts with ------------------------------------------- */

typedef struct {
    const rc_result *r;
    const rc_plot_options *o;
    const rc_plot_text *t;
    bool zh;
    char subtitle[512];               /* project name and simulation count */
    double cost_scale;                /* the cost axes are in units of this */
    char cost_label[256];             /* "Project cost (thousand CNY)" */
    char cur[64];                     /* the currency label, cleaned */
} plot_ctx;

static void header(rc_sb *b, const plot_ctx *c, const char *name, const char *what, int w, int h)
{
    const char *ext = c->o->svg ? "svg" : "png";
    rc_sb_printf(b, "# %s.gp - riskcast chart: %s\n", name, what);
    rc_sb_printf(b, "# Draw it again with `gnuplot %s.gp` in this directory. The settings\n"
                    "# down to the template line are this run's; the rest is plots/%s.gp.\n",
                 name, name);
    rc_sb_puts(b, "set encoding utf8\n");
    if (c->o->svg)
        rc_sb_printf(b, "set terminal svg size %d,%d dynamic dashed font \"%s\" noenhanced background rgb 'white'\n",
                     w, h, RC_PLOT_FONT);
    else
        rc_sb_printf(b, "set terminal pngcairo size %d,%d font \"%s\" noenhanced background rgb 'white'\n",
                     w, h, RC_PLOT_FONT);
    /* riskcast itself passes rc_output, a temporary file renamed into place
     * once gnuplot succeeds, so a failed or interrupted drawing never leaves
     * a half-written chart; by hand the chart is written directly */
    rc_sb_printf(b, "set output (exists('rc_output') ? rc_output : '%s.%s')\n", name, ext);
    rc_sb_printf(b, "data = '%s.dat'\n", name);
    rc_sb_printf(b, "width = %d\nheight = %d\n", w, h);
    rc_sb_printf(b, "key_width = %d\n", c->t->key_width);
    gp_var(b, "subtitle", c->subtitle);
}

static void header_end(rc_sb *b, const char *name)
{
    rc_sb_printf(b, "# ---- template plots/%s.gp\n", name);
}

/* Marks (vertical lines with labels) as gnuplot arrays. */
typedef struct {
    double x;                         /* a date or an amount */
    char text[160];
    int dt;                           /* dash type */
    int off;                          /* -1, +1: beyond the axis on that side (drawn at the edge) */
} plot_mark;

static int cmp_mark(const void *a, const void *b)
{
    const plot_mark *x = a, *y = b;
    return (x->x > y->x) - (x->x < y->x);
}

/* The axis range [*FROM, *TO] for values spread over [LO, HI]: widened to
 * take in the marks within one span of it (the span at least MINSPAN), plus
 * PAD_FRAC of the width on each side (at least MINPAD). A mark further out
 * would squeeze the data into a sliver: it is drawn at the edge instead, its
 * text pointing the way with an arrow. */
static void fit_marks(plot_mark *m, int n, double lo, double hi, double minspan, double pad_frac,
                      double minpad, double *from, double *to)
{
    double span = fmax(hi - lo, minspan);
    double a = lo, b = hi;
    for (int i = 0; i < n; i++)
        if (m[i].x >= lo - span && m[i].x <= hi + span) {
            a = fmin(a, m[i].x);
            b = fmax(b, m[i].x);
        }
    double pad = fmax((b - a) * pad_frac, minpad);
    *from = a - pad;
    *to = b + pad;
    for (int i = 0; i < n; i++) {
        m[i].off = m[i].x < *from ? -1 : m[i].x > *to ? 1 : 0;
        if (m[i].off) {
            char t[sizeof m[i].text];
            snprintf(t, sizeof t, m[i].off < 0 ? "\xE2\x86\x90 %s" : "%s \xE2\x86\x92", m[i].text);
            memcpy(m[i].text, t, sizeof t);
            m[i].x = m[i].off < 0 ? *from : *to;
        }
    }
}

static void write_marks(rc_sb *b, plot_mark *m, int n, bool dates)
{
    qsort(m, (size_t)n, sizeof *m, cmp_mark);
    rc_sb_printf(b, "mark_n = %d\n", n);
    rc_sb_printf(b, "array mark_x[%d]\narray mark_text[%d]\narray mark_dt[%d]\narray mark_off[%d]\n",
                 n > 0 ? n : 1, n > 0 ? n : 1, n > 0 ? n : 1, n > 0 ? n : 1);
    for (int i = 0; i < n; i++) {
        if (dates) {
            char d[11];
            fmt_date((rc_date)m[i].x, d);
            rc_sb_printf(b, "mark_x[%d] = '%s'\n", i + 1, d);
        } else {
            rc_sb_printf(b, "mark_x[%d] = %.6f\n", i + 1, m[i].x);
        }
        rc_sb_printf(b, "mark_text[%d] = ", i + 1);
        gp_str(b, m[i].text);
        rc_sb_printf(b, "\nmark_dt[%d] = %d\nmark_off[%d] = %d\n", i + 1, m[i].dt, i + 1, m[i].off);
    }
}

/* ---- finish -------------------------------------------------------------------------- */

/* The working-day index on whose date offset F ends (the calendar's rule). */
static int64_t end_day(double f)
{
    if (!(f > 0))
        return 0;
    if (f > 1e15)
        f = 1e15;
    return (int64_t)ceil(f) - 1;
}

static int chart_finish(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_calendar *cal = &r->model->calendar;
    const rc_plot_text *t = c->t;
    long n = r->iterations;
    int64_t lo = end_day(r->dur.min), hi = end_day(r->dur.max);
    for (long i = 0; i < n; i++) { /* the stored extremes, but be sure */
        int64_t k = end_day(r->duration[i]);
        if (k < lo)
            lo = k;
        if (k > hi)
            hi = k;
    }
    int64_t span = hi - lo + 1;
    /* the S-curve: one point per working day, or per group of G days when
     * the range is wider than RC_PLOT_MAX_DAYS */
    int64_t g = (span + RC_PLOT_MAX_DAYS - 1) / RC_PLOT_MAX_DAYS;
    if (g < 1)
        g = 1;
    int ng = (int)((span + g - 1) / g);
    long *cnt = calloc((size_t)ng, sizeof *cnt);
    if (!cnt)
        return -1;
    for (long i = 0; i < n; i++)
        cnt[(end_day(r->duration[i]) - lo) / g]++;
    /* histogram bars of BW working days (a multiple of G) */
    int64_t bw = (span + RC_PLOT_BINS - 1) / RC_PLOT_BINS;
    bw = (bw + g - 1) / g * g;
    if (bw < 1)
        bw = 1;
    int64_t per = bw / g;

    char d1[11], d2[11];
    rc_sb_printf(dat, "# finish.dat - riskcast: the finish date of %ld simulations\n", n);
    rc_sb_puts(dat, "# index 0, the histogram: first date, last date of the period, % of simulations finishing in it\n");
    for (int k = 0; k < ng; k += (int)per) {
        long s = 0;
        for (int j = k; j < ng && j < k + per; j++)
            s += cnt[j];
        int64_t last = lo + (int64_t)(k + per) * g - 1;
        if (last > hi)
            last = hi;
        fmt_date(rc_calendar_day(cal, lo + (int64_t)k * g), d1);
        fmt_date(rc_calendar_day(cal, last), d2);
        rc_sb_printf(dat, "%s %s %.4f\n", d1, d2, 100.0 * (double)s / (double)n);
    }
    rc_sb_puts(dat, "\n\n# index 1, the S-curve: date, % of simulations finished by the end of that day\n");
    fmt_date(rc_calendar_day(cal, lo > 0 ? lo - 1 : 0), d1);
    if (lo > 0)
        rc_sb_printf(dat, "%s 0\n", d1);
    long cum = 0;
    for (int k = 0; k < ng; k++) {
        cum += cnt[k];
        int64_t last = lo + (int64_t)(k + 1) * g - 1;
        if (last > hi)
            last = hi;
        if (cnt[k] == 0 && k + 1 < ng && g == 1)
            continue;   /* a day nobody finishes on: the step stays flat */
        fmt_date(rc_calendar_day(cal, last), d1);
        rc_sb_printf(dat, "%s %.4f\n", d1, 100.0 * (double)cum / (double)n);
    }
    free(cnt);

    /* marks and range */
    char ck[16], v[64];
    conf_key(r, ck, sizeof ck);
    plot_mark m[5];
    int nm = 0;
    rc_date xmin = rc_calendar_day(cal, lo), xmax = rc_calendar_day(cal, hi);
    fmt_date(r->plan_finish, d1);
    m[nm].x = r->plan_finish;
    snprintf(m[nm].text, sizeof m[nm].text, "%s %s", t->plan, d1);
    m[nm++].dt = 1;
    if (r->model->has_deadline) {
        char p[16];
        rc_fmt_pct(p, sizeof p, r->deadline_probability);
        fmt_date(r->model->deadline, d1);
        m[nm].x = r->model->deadline;
        snprintf(m[nm].text, sizeof m[nm].text, "%s %s (%s)", t->deadline, d1, p);
        m[nm++].dt = 2;
    }
    fmt_date(r->finish_pct[5], d1);
    m[nm].x = r->finish_pct[5];
    snprintf(m[nm].text, sizeof m[nm].text, "P50 %s", d1);
    m[nm++].dt = 3;
    fmt_date(r->finish_at_conf, d1);
    m[nm].x = r->finish_at_conf;
    snprintf(m[nm].text, sizeof m[nm].text, "%s %s", ck, d1);
    m[nm++].dt = 4;
    double from, to;
    fit_marks(m, nm, xmin, xmax, 10, 0.05, 2, &from, &to);
    xmin = (rc_date)floor(from);
    xmax = (rc_date)ceil(to);
    for (int i = 0; i < nm; i++)
        m[i].x = floor(m[i].x);

    header(gp, c, "finish", "histogram of the finish date and the chance of finishing by each date", 1100, 650);
    gp_var(gp, "title_text", t->finish_title);
    gp_var(gp, "x_label", t->finish_x);
    gp_var(gp, "y_label", bw == 1 ? t->finish_y_day : t->finish_y_bin);
    gp_var(gp, "y2_label", t->finish_y2);
    gp_var(gp, "hist_key", bw == 1 ? t->finish_hist_day : t->finish_hist_bin);
    gp_var(gp, "curve_key", t->finish_curve);
    fmt_date(xmin, d1);
    fmt_date(xmax, d2);
    gp_var(gp, "x_from", d1);
    gp_var(gp, "x_to", d2);
    snprintf(v, sizeof v, "%s", ck);
    gp_var(gp, "conf_key", v);
    fmt_date(r->finish_pct[5], d1);
    gp_var(gp, "p50", d1);
    fmt_date(r->finish_at_conf, d1);
    gp_var(gp, "p_conf", d1);
    rc_sb_printf(gp, "confidence = %.6g\n", r->confidence);
    write_marks(gp, m, nm, true);
    header_end(gp, "finish");
    return 0;
}

/* ---- cost ------------------------------------------------------------------------------ */

static int chart_cost(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_model *mo = r->model;
    const rc_plot_text *t = c->t;
    long n = r->iterations;
    double lo = r->cst.min, hi = r->cst.max;
    for (long i = 0; i < n; i++) {
        if (r->cost[i] < lo)
            lo = r->cost[i];
        if (r->cost[i] > hi)
            hi = r->cost[i];
    }
    double w = (hi - lo) / RC_PLOT_CURVE;
    if (!(w > 0))
        w = fmax(fabs(lo) * 1e-3, 1.0) / RC_PLOT_CURVE;
    long cnt[RC_PLOT_CURVE];
    memset(cnt, 0, sizeof cnt);
    for (long i = 0; i < n; i++) {
        long k = (long)floor((r->cost[i] - lo) / w);
        if (k < 0)
            k = 0;
        if (k >= RC_PLOT_CURVE)
            k = RC_PLOT_CURVE - 1;
        cnt[k]++;
    }
    int per = RC_PLOT_CURVE / RC_PLOT_BINS;
    rc_sb_printf(dat, "# cost.dat - riskcast: the cost of %ld simulations (%s)\n", n, c->cur);
    rc_sb_puts(dat, "# index 0, the histogram: from, to, % of simulations with a cost in the range\n");
    for (int k = 0; k < RC_PLOT_CURVE; k += per) {
        long s = 0;
        for (int j = k; j < k + per; j++)
            s += cnt[j];
        rc_sb_printf(dat, "%.2f %.2f %.4f\n", lo + k * w, lo + (k + per) * w, 100.0 * (double)s / (double)n);
    }
    rc_sb_puts(dat, "\n\n# index 1, the S-curve: amount, % of simulations costing at most about that\n");
    rc_sb_printf(dat, "%.2f 0\n", lo);
    long cum = 0;
    for (int k = 0; k < RC_PLOT_CURVE; k++) {
        cum += cnt[k];
        rc_sb_printf(dat, "%.2f %.4f\n", lo + (k + 1) * w, 100.0 * (double)cum / (double)n);
    }

    char ck[16], a[48], p[16];
    conf_key(r, ck, sizeof ck);
    plot_mark m[5];
    int nm = 0;
    rc_fmt_money(a, sizeof a, r->plan_cost);
    m[nm].x = r->plan_cost;
    snprintf(m[nm].text, sizeof m[nm].text, "%s %s", t->plan, a);
    m[nm++].dt = 1;
    if (mo->has_budget) {
        rc_fmt_money(a, sizeof a, mo->budget);
        rc_fmt_pct(p, sizeof p, r->budget_probability);
        m[nm].x = mo->budget;
        snprintf(m[nm].text, sizeof m[nm].text, "%s %s (%s)", t->budget, a, p);
        m[nm++].dt = 2;
    }
    if (mo->has_price) {
        rc_fmt_money(a, sizeof a, mo->price);
        m[nm].x = mo->price;
        snprintf(m[nm].text, sizeof m[nm].text, "%s %s", t->price, a);
        m[nm++].dt = 5;
    }
    rc_fmt_money(a, sizeof a, r->cst.pct[5]);
    m[nm].x = r->cst.pct[5];
    snprintf(m[nm].text, sizeof m[nm].text, "P50 %s", a);
    m[nm++].dt = 3;
    rc_fmt_money(a, sizeof a, r->cst.at_conf);
    m[nm].x = r->cst.at_conf;
    snprintf(m[nm].text, sizeof m[nm].text, "%s %s", ck, a);
    m[nm++].dt = 4;
    double xmin, xmax;
    fit_marks(m, nm, lo, hi, fmax(fabs(hi) * 0.02, 1.0), 0.05, fmax(fabs(hi) * 0.01, 1.0), &xmin, &xmax);

    header(gp, c, "cost", "histogram of the project cost and the chance of staying within each amount", 1100, 650);
    gp_var(gp, "title_text", t->cost_title);
    gp_var(gp, "x_label", c->cost_label);
    gp_var(gp, "y_label", t->cost_y);
    gp_var(gp, "y2_label", t->cost_y2);
    gp_var(gp, "hist_key", t->cost_hist);
    gp_var(gp, "curve_key", t->cost_curve);
    rc_sb_printf(gp, "cost_scale = %.17g\n", c->cost_scale);
    rc_sb_printf(gp, "x_from = %.6f\nx_to = %.6f\n", xmin, xmax);
    write_marks(gp, m, nm, false);
    header_end(gp, "cost");
    return 0;
}

/* ---- tornado --------------------------------------------------------------------------- */

/* Rows to rank: sorted by K1, then K2, both descending, then by index. */
typedef struct {
    double k1, k2;
    int idx;
} rank_row;

static int cmp_rank(const void *a, const void *b)
{
    const rank_row *x = a, *y = b;
    if (x->k1 != y->k1)
        return x->k1 < y->k1 ? 1 : -1;
    if (x->k2 != y->k2)
        return x->k2 < y->k2 ? 1 : -1;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

static double nan_low(double v)
{
    return isfinite(v) ? v : -HUGE_VAL;
}

/* Left margin (screen fraction) for labels of COLS display columns in a chart W pixels wide. */
static double label_margin(int cols, int w)
{
    return (cols * RC_PLOT_CHAR_PX + 24.0) / (double)w;
}

static int chart_tornado(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_plot_text *t = c->t;
    int nr = r->n_risks;
    int shown = nr < RC_PLOT_TOP_RISKS ? nr : RC_PLOT_TOP_RISKS;
    rank_row *rk = malloc((size_t)(nr > 0 ? nr : 1) * sizeof *rk);
    if (!rk)
        return -1;
    int cols = 4;
    rc_sb_printf(dat, "# tornado.dat - riskcast: what each risk adds to the P(confidence) (%d of %d risks)\n",
                 shown, nr);
    for (int which = 0; which < 2; which++) {
        for (int i = 0; i < nr; i++) {
            const rc_risk_result *x = &r->risks[i];
            rk[i].k1 = nan_low(which ? x->cost_contribution : x->schedule_contribution);
            rk[i].k2 = nan_low(which ? x->schedule_contribution : x->cost_contribution);
            rk[i].idx = i;
        }
        qsort(rk, (size_t)nr, sizeof *rk, cmp_rank);
        rc_sb_printf(dat, "%s# index %d, %s: row (1 at the bottom), \"risk\", value, \"value as text\"\n",
                     which ? "\n\n" : "", which, which ? "cost added" : "working days added");
        for (int k = 0; k < shown; k++) {
            const rc_risk_result *x = &r->risks[rk[k].idx];
            char lab[256], vt[64];
            row_label(x->id, x->name, lab, sizeof lab);
            int lc = text_cols(lab);
            if (lc > cols)
                cols = lc;
            double v = which ? x->cost_contribution : x->schedule_contribution;
            if (which)
                rc_fmt_money(vt, sizeof vt, v);
            else
                snprintf(vt, sizeof vt, "%.1f %s", v, t->tornado_days_unit);
            rc_sb_printf(dat, "%d \"%s\" %.6f \"%s\"\n", shown - k, lab, v, vt);
        }
    }
    free(rk);

    char ck[16], buf[512];
    conf_key(r, ck, sizeof ck);
    int cp = conf_pct(r);
    header(gp, c, "tornado", "risks ranked by what they add to the P(confidence) duration and cost",
           1400, 280 + 34 * (shown > 4 ? shown : 4));
    snprintf(buf, sizeof buf, t->tornado_title, cp);
    gp_var(gp, "title_text", buf);
    if (nr > shown)
        snprintf(buf, sizeof buf, t->tornado_sub_top, cp, shown, nr);
    else
        snprintf(buf, sizeof buf, t->tornado_sub_all, cp, nr);
    gp_var(gp, "ranked_note", buf);
    snprintf(buf, sizeof buf, t->tornado_days, cp);
    gp_var(gp, "days_label", buf);
    snprintf(buf, sizeof buf, t->tornado_cost, cp, c->cur);
    gp_var(gp, "cost_label", buf);
    gp_var(gp, "none_text", t->tornado_none);
    gp_var(gp, "conf_key", ck);
    rc_sb_printf(gp, "rows = %d\n", shown);
    rc_sb_printf(gp, "label_margin = %.4f   # screen width taken by the risk names of a panel\n",
                 label_margin(cols, 1400));
    header_end(gp, "tornado");
    return 0;
}

/* ---- criticality ------------------------------------------------------------------------- */

/* Rank key of a task: criticality, then the size of its sensitivity. */
static void crit_key(const rc_task_result *x, int i, rank_row *row)
{
    row->k1 = nan_low(x->criticality);
    row->k2 = x->has_sensitivity ? nan_low(fabs(x->sensitivity)) : -1;
    row->idx = i;
}

static int chart_criticality(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_plot_text *t = c->t;
    /* milestones are left out: they take no time, so their 100% says nothing */
    int na = 0;
    for (int i = 0; i < r->n_tasks; i++)
        na += r->tasks[i].active && !r->model->tasks[i].milestone;
    rank_row *rk = malloc((size_t)(na > 0 ? na : 1) * sizeof *rk);
    if (!rk)
        return -1;
    na = 0;
    for (int i = 0; i < r->n_tasks; i++)
        if (r->tasks[i].active && !r->model->tasks[i].milestone)
            crit_key(&r->tasks[i], i, &rk[na++]);
    qsort(rk, (size_t)na, sizeof *rk, cmp_rank);
    int shown = na < RC_PLOT_TOP_TASKS ? na : RC_PLOT_TOP_TASKS;
    int cols = 4;
    rc_sb_printf(dat, "# criticality.dat - riskcast: the %d most critical of %d tasks\n", shown, na);
    rc_sb_puts(dat, "# row (1 at the bottom), \"task\", criticality (%), sensitivity (NaN: the duration never varies), \"sensitivity as text\"\n");
    for (int k = 0; k < shown; k++) {
        const rc_task_result *x = &r->tasks[rk[k].idx];
        char lab[256], st[32];
        row_label(x->id, x->name, lab, sizeof lab);
        int lc = text_cols(lab);
        if (lc > cols)
            cols = lc;
        if (x->has_sensitivity && isfinite(x->sensitivity)) {
            snprintf(st, sizeof st, "%+.2f", x->sensitivity);
            rc_sb_printf(dat, "%d \"%s\" %.4f %.6f \"%s\"\n", shown - k, lab, 100 * x->criticality,
                         x->sensitivity, st);
        } else {
            rc_sb_printf(dat, "%d \"%s\" %.4f NaN \"-\"\n", shown - k, lab, 100 * x->criticality);
        }
    }
    free(rk);

    char buf[512];
    header(gp, c, "criticality", "the most critical tasks with their criticality and sensitivity",
           1300, 280 + 30 * (shown > 4 ? shown : 4));
    gp_var(gp, "title_text", t->crit_title);
    if (na > shown)
        snprintf(buf, sizeof buf, t->crit_sub_top, shown, na);
    else
        snprintf(buf, sizeof buf, t->crit_sub_all, na);
    gp_var(gp, "ranked_note", buf);
    gp_var(gp, "crit_label", t->crit_left);
    gp_var(gp, "sens_label", t->crit_right);
    gp_var(gp, "none_text", t->crit_none);
    rc_sb_printf(gp, "rows = %d\n", shown);
    rc_sb_printf(gp, "label_margin = %.4f   # screen width taken by the task names\n", label_margin(cols, 1300));
    header_end(gp, "criticality");
    return 0;
}

/* ---- jcl -------------------------------------------------------------------------------- */

/* A fixed jitter in [-0.35, 0.35] day for iteration I, to spread the points of one date. */
static double jitter(long i)
{
    uint64_t z = (uint64_t)i * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return ((double)(z >> 11) / 9007199254740992.0 - 0.5) * 0.7;
}

static int chart_jcl(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_model *mo = r->model;
    const rc_calendar *cal = &mo->calendar;
    const rc_plot_text *t = c->t;
    long n = r->iterations;
    long step = (n + RC_PLOT_JCL_POINTS - 1) / RC_PLOT_JCL_POINTS;
    if (step < 1)
        step = 1;
    long shown = (n + step - 1) / step;
    char d[11];
    rc_sb_printf(dat, "# jcl.dat - riskcast: finish date and cost of %ld of %ld simulations (every %ld%s)\n",
                 shown, n, step, step == 1 ? "" : "th");
    rc_sb_puts(dat, "# finish date, cost, jitter (days, to spread the points of one date), iteration\n");
    for (long i = 0; i < n; i += step) {
        fmt_date(rc_calendar_date(cal, r->duration[i]), d);
        rc_sb_printf(dat, "%s %.2f %.3f %ld\n", d, r->cost[i], jitter(i), i);
    }

    char buf[512], a[48], b2[48], p[16], ck[16];
    conf_key(r, ck, sizeof ck);
    header(gp, c, "jcl", "cost against finish date, with the deadline, the budget and the joint probability",
           1100, 700);
    if (isfinite(r->joint_probability)) {
        rc_fmt_pct(p, sizeof p, r->joint_probability);
        snprintf(buf, sizeof buf, t->jcl_title_joint, p);
    } else {
        snprintf(buf, sizeof buf, "%s", t->jcl_title);
    }
    gp_var(gp, "title_text", buf);
    gp_var(gp, "x_label", t->jcl_x);
    snprintf(buf, sizeof buf, "%s", c->cost_label);
    gp_var(gp, "y_label", buf);
    fmt_count(a, sizeof a, shown);
    fmt_count(b2, sizeof b2, n);
    if (shown < n)
        snprintf(buf, sizeof buf, t->jcl_points_some, a, b2);
    else
        snprintf(buf, sizeof buf, t->jcl_points_all, b2);
    gp_var(gp, "points_key", buf);
    rc_sb_printf(gp, "cost_scale = %.17g\n", c->cost_scale);
    /* the ranges: the sample, widened for the deadline, the budget and the
     * plan unless they are far out (then drawn at the edge, see fit_marks) */
    plot_mark mx[2], my[2];
    memset(mx, 0, sizeof mx);
    memset(my, 0, sizeof my);
    mx[0].x = mo->has_deadline ? mo->deadline : r->plan_finish;
    mx[1].x = r->plan_finish;
    my[0].x = mo->has_budget ? mo->budget : r->plan_cost;
    my[1].x = r->plan_cost;
    double x0, x1, y0, y1;
    fit_marks(mx, 2, rc_calendar_date(cal, r->dur.min), rc_calendar_date(cal, r->dur.max), 10, 0.05, 2, &x0, &x1);
    fit_marks(my, 2, r->cst.min, r->cst.max, fmax(fabs(r->cst.max) * 0.02, 1.0), 0.06,
              fmax(fabs(r->cst.max) * 0.01, 1.0), &y0, &y1);
    x0 = floor(x0);
    x1 = ceil(x1);
    fmt_date((rc_date)x0, d);
    gp_var(gp, "x_from", d);
    fmt_date((rc_date)x1, d);
    gp_var(gp, "x_to", d);
    rc_sb_printf(gp, "y_from = %.6f\ny_to = %.6f\n", y0, y1);
    rc_sb_printf(gp, "has_deadline = %d\n", mo->has_deadline);
    if (mo->has_deadline) {
        fmt_date(mo->deadline, d);
        rc_fmt_pct(p, sizeof p, r->deadline_probability);
        snprintf(buf, sizeof buf, "%s%s %s (%s)%s", mx[0].off < 0 ? "\xE2\x86\x90 " : "", t->deadline, d, p,
                 mx[0].off > 0 ? " \xE2\x86\x92" : "");
        gp_var(gp, "deadline", d);
        gp_var(gp, "deadline_text", buf);
        rc_sb_printf(gp, "deadline_off = %d   # -1, 1: beyond the x axis on that side\n", mx[0].off);
    }
    rc_sb_printf(gp, "has_budget = %d\n", mo->has_budget);
    if (mo->has_budget) {
        rc_fmt_money(a, sizeof a, mo->budget);
        rc_fmt_pct(p, sizeof p, r->budget_probability);
        snprintf(buf, sizeof buf, "%s%s %s (%s)", my[0].off < 0 ? "\xE2\x86\x93 " : my[0].off > 0 ? "\xE2\x86\x91 " : "",
                 t->budget, a, p);
        rc_sb_printf(gp, "budget = %.6f\n", mo->budget);
        gp_var(gp, "budget_text", buf);
        rc_sb_printf(gp, "budget_off = %d   # -1, 1: beyond the y axis on that side\n", my[0].off);
    }
    /* the plan's point, moved to the edge when far out */
    double px = mx[1].off ? (mx[1].off < 0 ? x0 : x1 - 1) : r->plan_finish;
    double py = my[1].off ? my[1].x : r->plan_cost;
    fmt_date((rc_date)px, d);
    gp_var(gp, "plan_date", d);
    rc_sb_printf(gp, "plan_cost = %.6f\n", py);
    fmt_date(r->plan_finish, d);
    rc_fmt_money(a, sizeof a, r->plan_cost);
    snprintf(buf, sizeof buf, "%s %s, %s%s", t->plan, d, a,
             mx[1].off < 0 ? " \xE2\x86\x90" : mx[1].off > 0 ? " \xE2\x86\x92" : my[1].off < 0 ? " \xE2\x86\x93"
             : my[1].off > 0 ? " \xE2\x86\x91" : "");
    gp_var(gp, "plan_text", buf);
    fmt_date(r->finish_at_conf, d);
    gp_var(gp, "conf_date", d);
    rc_sb_printf(gp, "conf_cost = %.6f\n", r->cst.at_conf);
    snprintf(buf, sizeof buf, t->jcl_conf, conf_pct(r));
    gp_var(gp, "conf_key_text", buf);
    rc_fmt_money(a, sizeof a, r->cst.at_conf);
    snprintf(buf, sizeof buf, "%s %s, %s", ck, d, a);
    gp_var(gp, "conf_text", buf);
    header_end(gp, "jcl");
    return 0;
}

/* ---- risk matrix ---------------------------------------------------------------------------- */

static double finite0(double v)
{
    return isfinite(v) ? v : 0;
}

static int chart_matrix(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_plot_text *t = c->t;
    int nr = r->n_risks;
    rank_row *rk = malloc((size_t)(nr > 0 ? nr : 1) * sizeof *rk);
    if (!rk)
        return -1;
    int shown[2] = {0, 0}, with[2] = {0, 0};
    rc_sb_printf(dat, "# risk-matrix.dat - riskcast: the register before and after mitigation (%d open risks)\n", nr);
    for (int which = 0; which < 2; which++) {
        int m = 0;
        for (int i = 0; i < nr; i++) {
            const rc_risk_result *x = &r->risks[i];
            double ib = which ? x->impact_cost_before : x->impact_days_before;
            double ia = which ? x->impact_cost_after : x->impact_days_after;
            if (finite0(ib) != 0 || (x->has_mitigation && finite0(ia) != 0)) {
                /* exposure: probability x impact */
                rk[m].k1 = finite0(x->prob_before) * finite0(ib);
                rk[m].k2 = finite0(ib);
                rk[m++].idx = i;
            }
        }
        qsort(rk, (size_t)m, sizeof *rk, cmp_rank);
        with[which] = m;
        shown[which] = m < RC_PLOT_MATRIX_RISKS ? m : RC_PLOT_MATRIX_RISKS;
        rc_sb_printf(dat, "%s# index %d, %s: \"risk id\", probability before (%%), impact before, "
                          "probability after (%%), impact after, mitigated (1/0)\n",
                     which ? "\n\n" : "", which, which ? "cost impact" : "schedule impact (working days)");
        for (int k = 0; k < shown[which]; k++) {
            const rc_risk_result *x = &r->risks[rk[k].idx];
            char lab[128];
            clean_text(x->id, 16, lab, sizeof lab);
            double pb = 100 * finite0(x->prob_before);
            double ib = finite0(which ? x->impact_cost_before : x->impact_days_before);
            double pa = x->has_mitigation ? 100 * finite0(x->prob_after) : pb;
            double ia = x->has_mitigation ? finite0(which ? x->impact_cost_after : x->impact_days_after) : ib;
            rc_sb_printf(dat, "\"%s\" %.4f %.6f %.4f %.6f %d\n", lab, pb, ib, pa, ia, x->has_mitigation);
        }
        if (shown[which] == 0) /* gnuplot needs a row to draw an empty panel */
            rc_sb_puts(dat, "# (none)\n\"\" NaN NaN NaN NaN 0\n");
    }
    free(rk);

    char buf[512];
    header(gp, c, "risk-matrix", "the register on a probability x impact grid, before and after mitigation",
           1400, 700);
    gp_var(gp, "title_text", t->matrix_title);
    int most = with[0] > with[1] ? 0 : 1;
    if (with[0] > shown[0] || with[1] > shown[1])
        snprintf(buf, sizeof buf, t->matrix_sub_top, shown[most], nr);
    else
        snprintf(buf, sizeof buf, t->matrix_sub_all, nr);
    gp_var(gp, "ranked_note", buf);
    gp_var(gp, "days_label", t->matrix_days);
    snprintf(buf, sizeof buf, t->matrix_cost, c->cur);
    gp_var(gp, "cost_label", buf);
    gp_var(gp, "x_label", t->matrix_x);
    gp_var(gp, "before_key", t->matrix_before);
    gp_var(gp, "after_key", t->matrix_after);
    gp_var(gp, "none_text", t->matrix_none);
    gp_var(gp, "low_text", t->matrix_low);
    gp_var(gp, "high_text", t->matrix_high);
    rc_sb_printf(gp, "rows_days = %d\nrows_cost = %d\n", shown[0], shown[1]);
    header_end(gp, "risk-matrix");
    return 0;
}

/* ---- gantt -------------------------------------------------------------------------------- */

static int chart_gantt(const plot_ctx *c, rc_sb *dat, rc_sb *gp)
{
    const rc_result *r = c->r;
    const rc_model *mo = r->model;
    const rc_calendar *cal = &mo->calendar;
    const rc_plot_text *t = c->t;
    int na = 0, nrange = 0;
    for (int i = 0; i < r->n_tasks; i++) {
        na += r->tasks[i].active;
        nrange += r->tasks[i].active && r->tasks[i].has_range;
    }
    rank_row *rk = malloc((size_t)(na > 0 ? na : 1) * sizeof *rk);
    if (!rk)
        return -1;
    int m = 0;
    if (nrange > 0) {
        for (int i = 0; i < r->n_tasks; i++)
            if (r->tasks[i].active && r->tasks[i].has_range)
                rk[m++].idx = i;
    } else {
        /* no ranges kept (analysis off): the most critical tasks, without ranges */
        for (int i = 0; i < r->n_tasks; i++)
            if (r->tasks[i].active)
                crit_key(&r->tasks[i], i, &rk[m++]);
        qsort(rk, (size_t)m, sizeof *rk, cmp_rank);
        if (m > RC_PLOT_GANTT_TASKS)
            m = RC_PLOT_GANTT_TASKS;
    }
    /* in order of planned start, then planned finish (keys negated: ascending) */
    for (int k = 0; k < m; k++) {
        const rc_task_result *x = &r->tasks[rk[k].idx];
        rk[k].k1 = -nan_low(x->plan_start);
        rk[k].k2 = -nan_low(x->plan_finish);
    }
    qsort(rk, (size_t)m, sizeof *rk, cmp_rank);
    int cols = 4;
    rc_date xmin = INT32_MAX, xmax = INT32_MIN;
    rc_sb_printf(dat, "# gantt.dat - riskcast: the plan of %d of %d tasks with their likely finish range\n", m, na);
    rc_sb_puts(dat, "# row (1 at the bottom), \"task\", planned start, planned finish (last day), finish P10, "
                    "finish P90, average finish, on the plan's critical path (1/0), milestone (1/0)\n");
    for (int k = 0; k < m; k++) {
        const rc_task_result *x = &r->tasks[rk[k].idx];
        char lab[256], s[11], f[11], p10[11], p90[11], fm[11];
        row_label(x->id, x->name, lab, sizeof lab);
        int lc = text_cols(lab);
        if (lc > cols)
            cols = lc;
        double ps = x->plan_start > 0 ? x->plan_start : 0;
        rc_date ds = rc_calendar_day(cal, (int64_t)floor(ps + 1e-9));
        rc_date df = rc_calendar_date(cal, x->plan_finish);
        bool milestone = mo->tasks[x->model_idx].milestone || x->plan_finish - x->plan_start <= 0 || df < ds;
        if (milestone)
            ds = df;
        fmt_date(ds, s);
        fmt_date(df, f);
        if (ds < xmin)
            xmin = ds;
        if (df > xmax)
            xmax = df;
        if (x->has_range) {
            rc_date a = rc_calendar_date(cal, x->finish_p10), b = rc_calendar_date(cal, x->finish_p90);
            fmt_date(a, p10);
            fmt_date(b, p90);
            fmt_date(rc_calendar_date(cal, x->finish_mean), fm);
            if (a < xmin)
                xmin = a;
            if (b > xmax)
                xmax = b;
            rc_sb_printf(dat, "%d \"%s\" %s %s %s %s %s %d %d\n", m - k, lab, s, f, p10, p90, fm,
                         x->plan_critical, milestone);
        } else {
            rc_sb_printf(dat, "%d \"%s\" %s %s ? ? ? %d %d\n", m - k, lab, s, f, x->plan_critical, milestone);
        }
    }
    free(rk);
    if (m == 0)
        xmin = xmax = rc_calendar_day(cal, 0);

    char buf[512], d[11], p[16];
    header(gp, c, "gantt", "the plan's bars with each task's P10-P90 finish range", 1300,
           300 + 26 * (m > 8 ? m : 8));
    gp_var(gp, "title_text", t->gantt_title);
    snprintf(buf, sizeof buf, t->gantt_sub, m, na);
    gp_var(gp, "ranked_note", buf);
    gp_var(gp, "bar_key", t->gantt_bar);
    gp_var(gp, "crit_key", t->gantt_crit);
    gp_var(gp, "range_key", nrange > 0 ? t->gantt_range : "");
    gp_var(gp, "milestone_key", t->gantt_milestone);
    gp_var(gp, "none_text", t->gantt_none);
    rc_sb_printf(gp, "rows = %d\n", m);
    rc_sb_printf(gp, "label_margin = %.4f   # screen width taken by the task names\n", label_margin(cols, 1300));
    plot_mark mk[3];
    int nm = 0;
    if (mo->has_deadline) {
        fmt_date(mo->deadline, d);
        rc_fmt_pct(p, sizeof p, r->deadline_probability);
        mk[nm].x = mo->deadline;
        snprintf(mk[nm].text, sizeof mk[nm].text, "%s %s (%s)", t->deadline, d, p);
        mk[nm++].dt = 2;
    }
    if (mo->has_status_date) {
        fmt_date(mo->status_date, d);
        mk[nm].x = mo->status_date;
        snprintf(mk[nm].text, sizeof mk[nm].text, "%s %s", t->status, d);
        mk[nm++].dt = 3;
    }
    double from, to;
    fit_marks(mk, nm, xmin, xmax, 10, 0.04, 2, &from, &to);
    for (int i = 0; i < nm; i++)
        mk[i].x = floor(mk[i].x);
    fmt_date((rc_date)floor(from), d);
    gp_var(gp, "x_from", d);
    fmt_date((rc_date)ceil(to), d);
    gp_var(gp, "x_to", d);
    write_marks(gp, mk, nm, true);
    header_end(gp, "gantt");
    return 0;
}

/* ---- templates ------------------------------------------------------------------------------ */

static bool has_templates(const char *dir)
{
    char p[PATH_MAX];
    if (snprintf(p, sizeof p, "%s/finish.gp", dir) >= (int)sizeof p)
        return false;
    return access(p, R_OK) == 0;
}

/* Find the directory of the templates: O->templates, $RISKCAST_PLOTS, beside
 * the executable (plots/, ../share/riskcast/plots, and the source tree's
 * plots/ one or two levels up, for builds run in place), RC_DATADIR/plots. */
static int find_templates(const rc_plot_options *o, char *out, size_t outlen)
{
    if (o->templates) {
        snprintf(out, outlen, "%s", o->templates);
        return has_templates(out) ? 0 : -1;
    }
    const char *env = getenv("RISKCAST_PLOTS");
    if (env && *env) {
        snprintf(out, outlen, "%s", env);
        return has_templates(out) ? 0 : -1;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            static const char *const rel[] = {"/plots", "/../share/riskcast/plots", "/../plots", "/../../plots"};
            for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
                if (snprintf(out, outlen, "%s%s", exe, rel[i]) < (int)outlen && has_templates(out))
                    return 0;
            }
        }
    }
    snprintf(out, outlen, "%s/plots", RC_DATADIR);
    return has_templates(out) ? 0 : -1;
}

/* ---- running gnuplot --------------------------------------------------------------------------- */

static bool gnuplot_on_path(void)
{
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    char p[PATH_MAX];
    while (*path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        if (len == 0)
            snprintf(p, sizeof p, "./gnuplot");
        else if (len < sizeof p - 10)
            snprintf(p, sizeof p, "%.*s/gnuplot", (int)len, path);
        else
            p[0] = 0;
        struct stat st;
        if (p[0] && stat(p, &st) == 0 && S_ISREG(st.st_mode) && access(p, X_OK) == 0)
            return true;
        if (!end)
            break;
        path = end + 1;
    }
    return false;
}

typedef struct {
    const char *name;
    pid_t pid;
    FILE *err;                        /* gnuplot's stderr */
    rc_outfile out;                   /* the chart, written as a temporary file */
    int status;
    bool done;
} plot_child;

static pid_t spawn(const char *dir, const char *script, const char *setout, FILE *err)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    /* the child: only async-signal-safe calls until exec */
    int fd = fileno(err);
    int nul = open("/dev/null", O_RDONLY);
    if (nul >= 0) {
        dup2(nul, 0);
        close(nul);
    }
    dup2(fd, 1);
    dup2(fd, 2);
    if (chdir(dir) != 0)
        _exit(126);
    char *const argv[] = {"gnuplot", "-e", (char *)setout, (char *)script, NULL};
    execvp("gnuplot", argv);
    _exit(127);
}

/* The first line of gnuplot's messages worth showing (bounded). */
static void first_message(FILE *f, char *out, size_t outlen)
{
    char buf[RC_PLOT_STDERR_KEEP + 1];
    rewind(f);
    size_t n = fread(buf, 1, RC_PLOT_STDERR_KEEP, f);
    buf[n] = 0;
    /* gnuplot echoes the failing line, then a line with the message: keep the
     * last non-empty lines, joined */
    char *p = buf;
    while (*p == '\n' || *p == ' ')
        p++;
    size_t o = 0;
    for (; *p && o + 1 < outlen; p++)
        out[o++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
}

static rc_plot_status run_all(const char *dir, const char *const *names, int n, bool svg,
                              char *err, size_t errlen)
{
    plot_child ch[16];
    int started = 0;
    rc_plot_status st = RC_PLOT_OK;
    for (int i = 0; i < n; i++) {
        ch[i].name = names[i];
        ch[i].done = false;
        char chart[PATH_MAX], oerr[300];
        snprintf(chart, sizeof chart, "%s/%s.%s", dir, names[i], svg ? "svg" : "png");
        if (rc_out_open(&ch[i].out, chart, oerr, sizeof oerr)) {
            snprintf(err, errlen, "%s: %s", chart, oerr);
            st = RC_PLOT_IO;
            break;
        }
        ch[i].err = tmpfile();
        if (!ch[i].err) {
            snprintf(err, errlen, "cannot create a temporary file for gnuplot's messages: %s", strerror(errno));
            rc_out_abort(&ch[i].out);
            st = RC_PLOT_IO;
            break;
        }
        char script[256], setout[PATH_MAX + 32];
        snprintf(script, sizeof script, "%s.gp", names[i]);
        /* the temporary name is the basename (gnuplot runs in DIR); mkstemp's
         * letters and digits need no quoting */
        const char *target = ch[i].out.tmp ? ch[i].out.tmp : ch[i].out.path; /* a device */
        const char *base = strrchr(target, '/');
        snprintf(setout, sizeof setout, "rc_output='%s'", base ? base + 1 : target);
        fflush(NULL);
        ch[i].pid = spawn(dir, script, setout, ch[i].err);
        if (ch[i].pid < 0) {
            rc_out_abort(&ch[i].out);
            fclose(ch[i].err);
            snprintf(err, errlen, "cannot start gnuplot: %s", strerror(errno));
            st = RC_PLOT_GNUPLOT;
            break;
        }
        started++;
    }
    /* wait for every child, stopping those that take too long */
    time_t deadline = time(NULL) + RC_PLOT_TIMEOUT_S;
    int left = started;
    while (left > 0) {
        for (int i = 0; i < started; i++) {
            if (ch[i].done)
                continue;
            int s;
            pid_t w = waitpid(ch[i].pid, &s, WNOHANG);
            if (w == ch[i].pid || (w < 0 && errno == ECHILD)) {
                ch[i].status = w == ch[i].pid ? s : -1;
                ch[i].done = true;
                left--;
            }
        }
        if (left == 0)
            break;
        if (time(NULL) > deadline) {
            for (int i = 0; i < started; i++)
                if (!ch[i].done) {
                    kill(ch[i].pid, SIGKILL);
                    waitpid(ch[i].pid, NULL, 0);
                    ch[i].status = -2;
                    ch[i].done = true;
                }
            break;
        }
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    for (int i = 0; i < started; i++) {
        if (st == RC_PLOT_OK) {
            int s = ch[i].status;
            char msg[600];
            first_message(ch[i].err, msg, sizeof msg);
            if (s == -2) {
                snprintf(err, errlen, "gnuplot took longer than %d s on %s/%s.gp and was stopped",
                         RC_PLOT_TIMEOUT_S, dir, ch[i].name);
                st = RC_PLOT_GNUPLOT;
            } else if (s == -1 || !WIFEXITED(s) || WEXITSTATUS(s) != 0) {
                if (WIFEXITED(s) && WEXITSTATUS(s) == 127)
                    snprintf(err, errlen, "gnuplot was not found; install it with: apt-get install gnuplot-nox");
                else
                    snprintf(err, errlen, "gnuplot failed on %s/%s.gp: %s", dir, ch[i].name,
                             msg[0] ? msg : "no message");
                st = RC_PLOT_GNUPLOT;
            } else {
                struct stat sb;
                char cerr[300];
                const char *target = ch[i].out.tmp ? ch[i].out.tmp : ch[i].out.path;
                if (stat(target, &sb) != 0 || (ch[i].out.tmp && sb.st_size == 0)) {
                    snprintf(err, errlen, "gnuplot did not write %s%s%s", ch[i].out.path,
                             msg[0] ? ": " : "", msg);
                    st = RC_PLOT_GNUPLOT;
                } else {
                    /* rc_out_commit frees the paths: keep the name for the message */
                    char chart[PATH_MAX];
                    snprintf(chart, sizeof chart, "%s", ch[i].out.path);
                    if (rc_out_commit(&ch[i].out, cerr, sizeof cerr)) {
                        snprintf(err, errlen, "%s: %s", chart, cerr);
                        st = RC_PLOT_IO;
                    }
                }
            }
        }
        rc_out_abort(&ch[i].out);   /* no-op once committed */
        fclose(ch[i].err);
    }
    return st;
}

/* ---- all of it ------------------------------------------------------------------------------------ */

typedef int (*chart_fn)(const plot_ctx *c, rc_sb *dat, rc_sb *gp);

static const struct {
    const char *name;
    chart_fn fn;
} charts[] = {
    {"finish", chart_finish},
    {"cost", chart_cost},
    {"tornado", chart_tornado},
    {"criticality", chart_criticality},
    {"jcl", chart_jcl},
    {"risk-matrix", chart_matrix},
    {"gantt", chart_gantt},
};
#define N_CHARTS ((int)(sizeof charts / sizeof charts[0]))

static void setup_ctx(plot_ctx *c, const rc_result *r, const rc_plot_options *o)
{
    memset(c, 0, sizeof *c);
    c->r = r;
    c->o = o;
    c->zh = o->lang && !strcmp(o->lang, "zh");
    c->t = c->zh ? &text_zh : &text_en;
    char name[400], sims[64], num[32];
    clean_text(r->model->name, RC_PLOT_TITLE_COLS, name, sizeof name);
    fmt_count(num, sizeof num, r->iterations);
    snprintf(sims, sizeof sims, c->t->sims, num);
    if (name[0])
        snprintf(c->subtitle, sizeof c->subtitle, "%s \xC2\xB7 %s", name, sims);
    else
        snprintf(c->subtitle, sizeof c->subtitle, "%s", sims);
    clean_text(r->model->currency, 12, c->cur, sizeof c->cur);
    /* cost axes in thousands or millions when the amounts are large */
    double big = fmax(fabs(r->cst.max), fabs(r->cst.min));
    if (r->model->has_budget)
        big = fmax(big, fabs(r->model->budget));
    if (r->model->has_price)
        big = fmax(big, fabs(r->model->price));
    const char *fmt = c->t->cost_x;
    c->cost_scale = 1;
    if (big >= 1e7) {
        c->cost_scale = 1e6;
        fmt = c->t->cost_x_m;
    } else if (big >= 1e4) {
        c->cost_scale = 1e3;
        fmt = c->t->cost_x_k;
    }
    char cur[64];
    snprintf(cur, sizeof cur, "%s", c->cur);
    if (!cur[0] && c->cost_scale == 1) {
        /* no currency label and no unit: drop the parenthesis */
        snprintf(c->cost_label, sizeof c->cost_label, "%s", c->zh ? "项目成本" : "Project cost");
    } else {
        snprintf(c->cost_label, sizeof c->cost_label, fmt, cur);
        /* "(thousand )" without a currency label: tidy the space */
        char *sp = strstr(c->cost_label, " )");
        if (sp)
            memmove(sp, sp + 1, strlen(sp + 1) + 1);
        sp = strstr(c->cost_label, " \xEF\xBC\x89");
        if (sp)
            memmove(sp, sp + 1, strlen(sp + 1) + 1);
    }
}

rc_plot_status rc_plot_all(const rc_result *r, const rc_plot_options *o, char *err, size_t errlen)
{
    if (!r || !o || !o->dir || !r->model || r->iterations <= 0 || !r->duration || !r->cost) {
        snprintf(err, errlen, "there are no simulation results to draw");
        return RC_PLOT_IO;
    }
    char tdir[PATH_MAX];
    if (find_templates(o, tdir, sizeof tdir)) {
        snprintf(err, errlen, "cannot find the chart templates (%s/finish.gp); set RISKCAST_PLOTS to the "
                              "directory holding riskcast's plots/*.gp", tdir);
        return RC_PLOT_IO;
    }
    plot_ctx c;
    setup_ctx(&c, r, o);
    const char *names[N_CHARTS];
    char ferr[600];
    for (int i = 0; i < N_CHARTS; i++) {
        const char *name = charts[i].name;
        names[i] = name;
        char path[PATH_MAX];
        if (snprintf(path, sizeof path, "%s/%s.gp", tdir, name) >= (int)sizeof path) {
            snprintf(err, errlen, "%s: the path is too long", tdir);
            return RC_PLOT_IO;
        }
        size_t tlen = 0;
        char *tmpl = rc_read_file(path, RC_PLOT_TEMPLATE_BYTES, &tlen, ferr, sizeof ferr);
        if (!tmpl) {
            snprintf(err, errlen, "%s: %s", path, ferr);
            return RC_PLOT_IO;
        }
        rc_sb dat, gp;
        rc_sb_init(&dat);
        rc_sb_init(&gp);
        int rc = charts[i].fn(&c, &dat, &gp);
        rc_sb_printf(&gp, "%s", tmpl);
        if (tlen > 0 && tmpl[tlen - 1] != '\n')
            rc_sb_puts(&gp, "\n");
        free(tmpl);
        char *dtext = rc_sb_take(&dat), *gtext = rc_sb_take(&gp);
        if (rc || !dtext || !gtext) {
            free(dtext);
            free(gtext);
            snprintf(err, errlen, "out of memory while writing the %s chart", name);
            return RC_PLOT_IO;
        }
        int w = 0;
        if (snprintf(path, sizeof path, "%s/%s.dat", o->dir, name) >= (int)sizeof path) {
            w = -1;
            snprintf(ferr, sizeof ferr, "the path is too long");
        }
        if (!w)
            w = rc_write_file(path, dtext, strlen(dtext), ferr, sizeof ferr);
        if (!w) {
            if (snprintf(path, sizeof path, "%s/%s.gp", o->dir, name) >= (int)sizeof path)
                w = -1;
            else
                w = rc_write_file(path, gtext, strlen(gtext), ferr, sizeof ferr);
        }
        free(dtext);
        free(gtext);
        if (w) {
            snprintf(err, errlen, "%s: %s", path, ferr);
            return RC_PLOT_IO;
        }
    }
    if (!gnuplot_on_path()) {
        snprintf(err, errlen, "gnuplot was not found; install it with: apt-get install gnuplot-nox "
                              "(the data and scripts are in %s)", o->dir);
        return RC_PLOT_GNUPLOT;
    }
    return run_all(o->dir, names, N_CHARTS, o->svg, err, errlen);
}
