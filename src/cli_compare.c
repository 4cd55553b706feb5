/* cli_compare.c - `riskcast compare A.yaml B.yaml`: two versions of a plan
 * simulated on shared random numbers, printed side by side with the
 * differences, their intervals, what changed and one sentence for the client.
 * The numbers come from compare.c; this file parses, prints and exits. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_common.h"
#include "compare.h"
#include "fileio.h"
#include "load.h"
#include "output.h"
#include "sim.h"
#include "text.h"

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("riskcast: compare: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'riskcast compare --help'.\n", stderr);
    va_end(ap);
    return RC_EXIT_USAGE;
}

static const char *HELP =
    "Usage: riskcast compare A.yaml B.yaml [--iterations N|auto] [--seed S] [--threads T]\n"
    "       [--confidence C] [--mitigated] [--json PATH|-] [--lang en|zh] [--plots DIR]\n"
    "       [--independent] [--quiet]\n"
    "Simulate two versions of a plan (before and after a change request, say) with the\n"
    "same seed and iterations. Every task and risk id found in both files draws the same\n"
    "random numbers in both runs, so iteration i of A and iteration i of B are a pair and\n"
    "the differences B - A are sharp. Prints the plan, P50 and P(confidence) finish,\n"
    "working days and cost of each, the chances of meeting the deadline and budget, the\n"
    "differences with their 95% intervals, the tasks and risks added, removed or changed,\n"
    "and one sentence for the client (--lang zh: in Chinese).\n"
    "\n"
    "Settings come from A's file unless given here. --iterations auto sizes the run on A.\n"
    "\n"
    "Intervals (95%):\n"
    "  percentiles  bootstrap over the paired iterations: up to 1000 resamples of the\n"
    "               iteration indices, drawn from a fixed internal seed (the same on every\n"
    "               run), the same indices for A and B; the interval runs from the 2.5th\n"
    "               to the 97.5th percentile of the resampled differences\n"
    "  means and    mean +/- 1.96 sd(b_i - a_i) / sqrt(n)\n"
    "  chances\n"
    "The interval two independent runs would give (resampling A and B separately) is\n"
    "reported beside it in the JSON and compared in the summary.\n"
    "\n"
    "  --json PATH      {format: riskcast-compare-1, a, b, difference, ...} (- = stdout)\n"
    "  --plots DIR      compare-finish and compare-cost: both S-curves on one chart each\n"
    "                   (NAME.dat, NAME.gp, NAME.png; needs gnuplot-nox)\n"
    "  --independent    run B on its own seed (seed + 1) and use unpaired intervals:\n"
    "                   shows what the shared random numbers buy\n"
    "Exit codes: 0 success; 1 a file has errors; 2 usage; 3 a file could not be read or\n"
    "written, or gnuplot could not be run.\n";

/* ---- options ---------------------------------------------------------------------- */

typedef struct {
    const char *files[2];
    int n_files;
    long iterations; /* 0: not given; -1: auto */
    bool has_seed;
    uint64_t seed;
    int threads;
    double confidence; /* 0: not given */
    const char *json, *plots, *lang;
    bool mitigated, quiet, independent;
} cmp_opts;

static int parse_opts(int argc, char **argv, cmp_opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        bool takes = !strcmp(a, "--iterations") || !strcmp(a, "--seed") || !strcmp(a, "--threads") ||
                     !strcmp(a, "--confidence") || !strcmp(a, "--json") || !strcmp(a, "--plots") ||
                     !strcmp(a, "--lang");
        if (takes) {
            if (i + 1 >= argc)
                return usage_error("option %s needs a value", a);
            val = argv[++i];
        }
        unsigned long long v;
        if (!strcmp(a, "--iterations")) {
            if (!strcmp(val, "auto"))
                o->iterations = -1;
            else if (rc_cli_parse_ulong(val, (unsigned long long)RC_MAX_ITERATIONS, &v) || v < 1)
                return usage_error("--iterations takes a whole number from 1 to %ld, or 'auto'",
                                   RC_MAX_ITERATIONS);
            else
                o->iterations = (long)v;
        } else if (!strcmp(a, "--seed")) {
            if (rc_cli_parse_ulong(val, ULLONG_MAX, &v))
                return usage_error("--seed takes an unsigned 64-bit whole number");
            o->seed = v;
            o->has_seed = true;
        } else if (!strcmp(a, "--threads")) {
            if (rc_cli_parse_ulong(val, 256, &v) || v < 1)
                return usage_error("--threads takes a whole number from 1 to 256");
            o->threads = (int)v;
        } else if (!strcmp(a, "--confidence")) {
            char *end;
            errno = 0;
            double c = strtod(val, &end);
            if (errno || *end || !(c > 0 && c < 1))
                return usage_error("--confidence takes a number between 0 and 1 (exclusive)");
            o->confidence = c;
        } else if (!strcmp(a, "--json")) {
            o->json = val;
        } else if (!strcmp(a, "--plots")) {
            o->plots = val;
        } else if (!strcmp(a, "--lang")) {
            if (strcmp(val, "en") && strcmp(val, "zh"))
                return usage_error("--lang takes en or zh");
            o->lang = val;
        } else if (!strcmp(a, "--mitigated")) {
            o->mitigated = true;
        } else if (!strcmp(a, "--independent")) {
            o->independent = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = true;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else {
            if (o->n_files >= 2)
                return usage_error("unexpected argument '%s' (give two project files)", a);
            o->files[o->n_files++] = a;
        }
    }
    if (o->n_files < 2)
        return usage_error("missing %s", o->n_files ? "the second project file" : "the two project files");
    return 0;
}

/* ---- words ---------------------------------------------------------------------- */

typedef struct {
    const char *comparing, *with, *settings, *paired, *independent;
    const char *plan_finish, *finish, *plan_days, *days, *mean_days, *plan_cost, *cost, *mean_cost;
    const char *deadline, *budget, *diff, *interval, *cal_days, *pts;
    const char *changed_hdr, *nothing, *task, *risk, *project, *added, *removed, *changed, *more;
    const char *task_what[6], *risk_what[5], *proj_what[10];
    const char *in_words, *method, *pairing, *nowidth;
} words;

static const words EN = {
    "Comparing A", "     with B", "%ld iterations, seed %llu, confidence %d%%%s",
    "shared random numbers (paired iterations)", "independent runs (B on seed %llu)",
    "Plan finish", "P%d finish", "Plan working days", "P%d working days", "Mean working days",
    "Plan cost", "P%d cost", "Mean cost", "Chance by deadline", "Chance within budget", "B - A",
    "95% interval", "days", "pts",
    "What changed from A to B:", "  nothing: the tasks, risks and settings are the same\n", "task", "risk",
    "project", "added", "removed", "changed", "  ... and %d more (see --json)\n",
    {"duration", "links", "cost", "name", "not_before", "progress"},
    {"likelihood", "impacts", "mitigation", "closed", "description"},
    {"start", "deadline", "budget", "price", "overhead", "penalty", "calendar", "status date",
     "correlations", "currency"},
    "In plain words:",
    "Intervals: 95%%; percentiles by a bootstrap over the %s iterations (%d resamples, fixed\n"
    "internal seed); means and chances by mean +/- 1.96 sd/sqrt(n) of the differences.\n",
    "Pairing: the P%d working-days difference is known to +/-%s days; two independent runs\n"
    "would know it to +/-%s days (%s times wider).\n",
    "Pairing: A and B agree on every iteration's working days (a difference of exactly %s).\n",
};

static const words ZH = {
    "比较 A", "  与 B", "%ld 次迭代，种子 %llu，把握度 %d%%%s", "共用随机数（成对迭代）",
    "独立运行（B 用种子 %llu）", "计划完成", "P%d 完成", "计划工作日", "P%d 工作日", "平均工作日",
    "计划成本", "P%d 成本", "平均成本", "按期完成概率", "不超预算概率", "B - A", "95% 区间", "天",
    "点", "A 到 B 的变化：", "  无：任务、风险和设置都相同\n", "任务", "风险", "项目",
    "新增", "删除", "修改", "  ……另有 %d 项（见 --json）\n",
    {"工期", "依赖", "成本", "名称", "最早开始", "进度"},
    {"概率", "影响", "缓解措施", "关闭", "描述"},
    {"开始日期", "截止日期", "预算", "合同价", "间接费用", "罚金", "日历", "状态日期", "相关性",
     "货币"},
    "一句话：",
    "区间：95%%；百分位数差用%s迭代的自助法（%d 次重抽样，固定内部种子）；\n"
    "均值和概率差用 均值 ± 1.96 标准差/√n。\n",
    "成对：P%d 工作日之差精确到 ±%s 天；两次独立运行只能精确到 ±%s 天（宽 %s 倍）。\n",
    "成对：A 与 B 每次迭代的工作日之差都正好是 %s。\n",
};

static const char *JSON_TASK_WHAT[6] = {"duration", "links", "cost", "name", "not_before", "progress"};
static const char *JSON_RISK_WHAT[5] = {"likelihood", "impacts", "mitigation", "closed", "description"};
static const char *JSON_PROJ_WHAT[10] = {"start", "deadline", "budget", "price", "overhead_per_day",
                                         "penalty_per_day", "calendar", "status_date", "correlations",
                                         "currency"};

/* "¥14,000", "$14,000", "CHF 14,000" (absolute value). */
static void money_words(char *out, size_t n, const char *cur, double v)
{
    char num[64];
    rc_fmt_money(num, sizeof num, fabs(v));
    const char *sym = NULL;
    if (!strcmp(cur, "CNY") || !strcmp(cur, "RMB") || !strcmp(cur, "JPY"))
        sym = "¥";
    else if (!strcmp(cur, "USD"))
        sym = "$";
    else if (!strcmp(cur, "EUR"))
        sym = "€";
    else if (!strcmp(cur, "GBP"))
        sym = "£";
    if (sym)
        snprintf(out, n, "%s%s", sym, num);
    else if (*cur && ((unsigned char)*cur >= 0x80 || !((*cur >= 'A' && *cur <= 'Z') || (*cur >= 'a' && *cur <= 'z'))))
        snprintf(out, n, "%s%s", cur, num); /* already a symbol */
    else if (*cur)
        snprintf(out, n, "%s %s", cur, num);
    else
        snprintf(out, n, "%s", num);
}

static const char *MONTHS[12] = {"January", "February", "March",     "April",   "May",      "June",
                                 "July",    "August",   "September", "October", "November", "December"};

static void date_words(char *out, size_t n, rc_date d, bool zh, bool year)
{
    int y, m, dd;
    rc_date_to_ymd(d, &y, &m, &dd);
    if (zh) {
        if (year)
            snprintf(out, n, "%d年%d月%d日", y, m, dd);
        else
            snprintf(out, n, "%d月%d日", m, dd);
    } else if (year) {
        snprintf(out, n, "%d %s %d", dd, MONTHS[m - 1], y);
    } else {
        snprintf(out, n, "%d %s", dd, MONTHS[m - 1]);
    }
}

/* The sentence for the client. */
static void sentence(rc_sb *b, const rc_result *ra, const rc_result *rb, const rc_compare *c, bool zh)
{
    int conf = (int)lround(ra->confidence * 100);
    rc_date da = ra->finish_at_conf, db = rb->finish_at_conf;
    int ya, yb, mo, dd;
    rc_date_to_ymd(da, &ya, &mo, &dd);
    rc_date_to_ymd(db, &yb, &mo, &dd);
    char sa[64], sb[64], money[96];
    date_words(sa, sizeof sa, da, zh, ya != yb);
    date_words(sb, sizeof sb, db, zh, ya != yb);
    const char *cur = rb->model->currency ? rb->model->currency : "";
    double dc = c->cst.at_conf;
    long long rounded = llround(dc);
    money_words(money, sizeof money, cur, dc);
    char at[96];
    money_words(at, sizeof at, cur, rb->cst.at_conf);
    if (zh) {
        rc_sb_puts(b, "这项变更");
        if (db > da)
            rc_sb_printf(b, "把有%d%%把握承诺的完成日期从%s推迟到%s，", conf, sa, sb);
        else if (db < da)
            rc_sb_printf(b, "把有%d%%把握承诺的完成日期从%s提前到%s，", conf, sa, sb);
        else
            rc_sb_printf(b, "不改变有%d%%把握承诺的完成日期（%s），", conf, sa);
        if (rounded > 0)
            rc_sb_printf(b, "并使该把握度下的成本增加%s。\n", money);
        else if (rounded < 0)
            rc_sb_printf(b, "并使该把握度下的成本减少%s。\n", money);
        else
            rc_sb_printf(b, "该把握度下的成本不变（%s）。\n", at);
        return;
    }
    if (db > da)
        rc_sb_printf(b, "This change moves the date we can promise with %d%% confidence from %s to %s", conf, sa, sb);
    else if (db < da)
        rc_sb_printf(b, "This change brings the date we can promise with %d%% confidence forward from %s to %s",
                     conf, sa, sb);
    else
        rc_sb_printf(b, "This change leaves the date we can promise with %d%% confidence at %s", conf, sa);
    if (rounded > 0)
        rc_sb_printf(b, " and adds %s at that confidence.\n", money);
    else if (rounded < 0)
        rc_sb_printf(b, " and saves %s at that confidence.\n", money);
    else
        rc_sb_printf(b, " and leaves the cost at that confidence unchanged (%s).\n", at);
}

/* ---- the summary ---------------------------------------------------------------- */

#define LW 22 /* label column */
#define VW 13 /* value columns */
#define DW 13 /* difference column */

/* A space, then S right-aligned in WIDTH display columns. */
static void rpad(rc_sb *b, const char *s, int width)
{
    int w = rc_display_width(s);
    rc_sb_puts(b, " ");
    for (; w < width; w++)
        rc_sb_puts(b, " ");
    rc_sb_puts(b, s);
}

static void row(rc_sb *b, const char *label, const char *va, const char *vb, const char *d, const char *iv)
{
    rc_sb_pad(b, label, LW);
    rpad(b, va, VW);
    rpad(b, vb, VW);
    rpad(b, d, DW);
    if (iv && *iv)
        rc_sb_printf(b, "  %s", iv);
    rc_sb_puts(b, "\n");
}

static void fmt_signed_days(char *out, size_t n, double v)
{
    char s[48];
    rc_fmt_days(s, sizeof s, v);
    snprintf(out, n, "%s%s", (isfinite(v) && strcmp(s, "0.0") && v > 0) ? "+" : "", s);
}

static void fmt_signed_money(char *out, size_t n, double v)
{
    char s[48];
    rc_fmt_money(s, sizeof s, v);
    snprintf(out, n, "%s%s", (isfinite(v) && llround(v) > 0) ? "+" : "", s);
}

static void fmt_iv(char *out, size_t n, rc_interval iv, bool money)
{
    char lo[64], hi[64];
    if (money) {
        fmt_signed_money(lo, sizeof lo, iv.lo);
        fmt_signed_money(hi, sizeof hi, iv.hi);
    } else {
        fmt_signed_days(lo, sizeof lo, iv.lo);
        fmt_signed_days(hi, sizeof hi, iv.hi);
    }
    snprintf(out, n, "[%s, %s]", lo, hi);
}

static void days_row(rc_sb *b, const char *label, double a, double bb, double d, const rc_interval *iv)
{
    char sa[64], sb[64], sd[64], si[160] = "";
    rc_fmt_days(sa, sizeof sa, a);
    rc_fmt_days(sb, sizeof sb, bb);
    fmt_signed_days(sd, sizeof sd, d);
    if (iv)
        fmt_iv(si, sizeof si, *iv, false);
    row(b, label, sa, sb, sd, si);
}

static void money_row(rc_sb *b, const char *label, double a, double bb, double d, const rc_interval *iv)
{
    char sa[64], sb[64], sd[64], si[160] = "";
    rc_fmt_money(sa, sizeof sa, a);
    rc_fmt_money(sb, sizeof sb, bb);
    fmt_signed_money(sd, sizeof sd, d);
    if (iv)
        fmt_iv(si, sizeof si, *iv, true);
    row(b, label, sa, sb, sd, si);
}

static void date_row(rc_sb *b, const words *w, const char *label, rc_date a, rc_date bb)
{
    char sa[11], sb[11], sd[64];
    rc_date_format(a, sa);
    rc_date_format(bb, sb);
    int d = (int)(bb - a);
    snprintf(sd, sizeof sd, "%s%d %s", d > 0 ? "+" : "", d, w->cal_days);
    row(b, label, sa, sb, sd, "");
}

static void prob_row(rc_sb *b, const words *w, const char *label, double pa, double pb, double d,
                     rc_interval iv)
{
    char sa[64], sb[64], sd[64], si[160];
    rc_fmt_pct(sa, sizeof sa, pa);
    rc_fmt_pct(sb, sizeof sb, pb);
    double pts = d * 100;
    snprintf(sd, sizeof sd, "%s%.1f %s", pts > 0.05 ? "+" : "", fabs(pts) < 0.05 ? 0.0 : pts, w->pts);
    double lo = iv.lo * 100, hi = iv.hi * 100;
    snprintf(si, sizeof si, "[%+.1f, %+.1f]", fabs(lo) < 0.05 ? 0.0 : lo, fabs(hi) < 0.05 ? 0.0 : hi);
    row(b, label, sa, sb, sd, si);
}

static void what_list(rc_sb *b, unsigned what, const char *const *names, int n)
{
    int first = 1;
    for (int k = 0; k < n; k++)
        if (what & (1u << k)) {
            rc_sb_printf(b, "%s%s", first ? "" : ", ", names[k]);
            first = 0;
        }
}

#define MAX_CHANGES_SHOWN 30

static char *summary(const rc_result *ra, const rc_result *rb, const rc_compare *c, const rc_model_diff *md,
                     const cmp_opts *o, bool zh)
{
    const words *w = zh ? &ZH : &EN;
    const rc_model *ma = ra->model, *mb = rb->model;
    int conf = (int)lround(ra->confidence * 100);
    rc_sb b;
    rc_sb_init(&b);
    char lab[128], mode[128];
    rc_sb_printf(&b, "%s: %s (%s)\n", w->comparing, o->files[0], *ma->name ? ma->name : "-");
    rc_sb_printf(&b, "%s: %s (%s)\n", w->with, o->files[1], *mb->name ? mb->name : "-");
    if (c->paired)
        snprintf(mode, sizeof mode, "%s%s", zh ? "；" : "; ", w->paired);
    else {
        char t[96];
        snprintf(t, sizeof t, w->independent, (unsigned long long)rb->seed);
        snprintf(mode, sizeof mode, "%s%s", zh ? "；" : "; ", t);
    }
    rc_sb_printf(&b, w->settings, ra->iterations, (unsigned long long)ra->seed, conf,
                 ra->mitigated ? (zh ? "，采取全部缓解措施" : ", every mitigation applied") : "");
    rc_sb_printf(&b, "%s\n\n", mode);

    char ia[32], ib[32];
    snprintf(ia, sizeof ia, "A");
    snprintf(ib, sizeof ib, "B");
    row(&b, "", ia, ib, w->diff, w->interval);

    date_row(&b, w, w->plan_finish, ra->plan_finish, rb->plan_finish);
    snprintf(lab, sizeof lab, w->finish, 50);
    date_row(&b, w, lab, ra->finish_pct[5], rb->finish_pct[5]);
    snprintf(lab, sizeof lab, w->finish, conf);
    date_row(&b, w, lab, ra->finish_at_conf, rb->finish_at_conf);

    days_row(&b, w->plan_days, ra->plan_duration, rb->plan_duration, c->dur.plan, NULL);
    snprintf(lab, sizeof lab, w->days, 50);
    days_row(&b, lab, ra->dur.pct[5], rb->dur.pct[5], c->dur.pct[5], &c->dur.pct_ci[5]);
    snprintf(lab, sizeof lab, w->days, conf);
    days_row(&b, lab, ra->dur.at_conf, rb->dur.at_conf, c->dur.at_conf, &c->dur.at_conf_ci);
    days_row(&b, w->mean_days, ra->dur.mean, rb->dur.mean, c->dur.mean, &c->dur.mean_ci);

    const char *cur = mb->currency && *mb->currency ? mb->currency : "";
    char cl[96];
    snprintf(cl, sizeof cl, "%s%s%s%s", w->plan_cost, *cur ? " (" : "", cur, *cur ? ")" : "");
    money_row(&b, cl, ra->plan_cost, rb->plan_cost, c->cst.plan, NULL);
    snprintf(lab, sizeof lab, w->cost, 50);
    money_row(&b, lab, ra->cst.pct[5], rb->cst.pct[5], c->cst.pct[5], &c->cst.pct_ci[5]);
    snprintf(lab, sizeof lab, w->cost, conf);
    money_row(&b, lab, ra->cst.at_conf, rb->cst.at_conf, c->cst.at_conf, &c->cst.at_conf_ci);
    money_row(&b, w->mean_cost, ra->cst.mean, rb->cst.mean, c->cst.mean, &c->cst.mean_ci);

    if (ma->has_deadline || mb->has_deadline) {
        char d1[11], d2[11];
        if (ma->has_deadline && mb->has_deadline && ma->deadline == mb->deadline) {
            rc_date_format(ma->deadline, d1);
            snprintf(lab, sizeof lab, zh ? "%s 前完成概率" : "Chance by %s", d1);
        } else {
            snprintf(lab, sizeof lab, "%s", w->deadline);
        }
        if (!isnan(c->deadline_probability)) {
            prob_row(&b, w, lab, ra->deadline_probability, rb->deadline_probability, c->deadline_probability,
                     c->deadline_ci);
        } else {
            char sa[16], sb[16];
            rc_fmt_pct(sa, sizeof sa, ra->deadline_probability);
            rc_fmt_pct(sb, sizeof sb, rb->deadline_probability);
            row(&b, lab, sa, sb, "-", "");
        }
        if (ma->has_deadline && mb->has_deadline && ma->deadline != mb->deadline) {
            rc_date_format(ma->deadline, d1);
            rc_date_format(mb->deadline, d2);
            row(&b, "", d1, d2, "", "");
        }
    }
    if (ma->has_budget || mb->has_budget) {
        if (!isnan(c->budget_probability)) {
            prob_row(&b, w, w->budget, ra->budget_probability, rb->budget_probability, c->budget_probability,
                     c->budget_ci);
        } else {
            char sa[16], sb[16];
            rc_fmt_pct(sa, sizeof sa, ra->budget_probability);
            rc_fmt_pct(sb, sizeof sb, rb->budget_probability);
            row(&b, w->budget, sa, sb, "-", "");
        }
        if (ma->has_budget && mb->has_budget && ma->budget != mb->budget) {
            char s1[64], s2[64];
            rc_fmt_money(s1, sizeof s1, ma->budget);
            rc_fmt_money(s2, sizeof s2, mb->budget);
            row(&b, "", s1, s2, "", "");
        }
    }

    /* what changed */
    rc_sb_printf(&b, "\n%s\n", w->changed_hdr);
    if (!md->n && !md->project)
        rc_sb_puts(&b, w->nothing);
    for (int i = 0; i < md->n && i < MAX_CHANGES_SHOWN; i++) {
        const rc_change *ch = &md->items[i];
        rc_sb_puts(&b, "  ");
        rc_sb_pad(&b, ch->risk ? w->risk : w->task, 7);
        rc_sb_puts(&b, " ");
        rc_sb_pad(&b, ch->kind == RC_CHANGE_ADDED ? w->added : ch->kind == RC_CHANGE_REMOVED ? w->removed
                                                                                          : w->changed,
                  8);
        rc_sb_puts(&b, " ");
        rc_sb_pad(&b, ch->id, 14);
        if (ch->kind == RC_CHANGE_CHANGED) {
            rc_sb_puts(&b, " ");
            if (ch->risk)
                what_list(&b, ch->what, w->risk_what, 5);
            else
                what_list(&b, ch->what, w->task_what, 6);
        } else if (ch->name) {
            rc_sb_printf(&b, " %s", ch->name);
        }
        rc_sb_puts(&b, "\n");
    }
    if (md->n > MAX_CHANGES_SHOWN)
        rc_sb_printf(&b, w->more, md->n - MAX_CHANGES_SHOWN);
    if (md->project) {
        rc_sb_puts(&b, "  ");
        rc_sb_pad(&b, w->project, 7);
        rc_sb_puts(&b, " ");
        rc_sb_pad(&b, w->changed, 8);
        rc_sb_puts(&b, " ");
        what_list(&b, md->project, w->proj_what, 10);
        rc_sb_puts(&b, "\n");
    }

    rc_sb_printf(&b, "\n%s%s", w->in_words, zh ? "" : " ");
    sentence(&b, ra, rb, c, zh);

    rc_sb_puts(&b, "\n");
    rc_sb_printf(&b, w->method, c->paired ? (zh ? "成对" : "paired") : (zh ? "独立" : "independent"),
                 c->resamples);
    if (c->paired) {
        double hp = (c->dur.at_conf_ci.hi - c->dur.at_conf_ci.lo) / 2;
        double hu = (c->dur.at_conf_ci_unpaired.hi - c->dur.at_conf_ci_unpaired.lo) / 2;
        char s1[32], s2[32], s3[32];
        if (hp > 0) {
            snprintf(s1, sizeof s1, "%.2g", hp);
            snprintf(s2, sizeof s2, "%.2g", hu);
            snprintf(s3, sizeof s3, "%.1f", hu / hp);
            rc_sb_printf(&b, w->pairing, conf, s1, s2, s3);
        } else {
            fmt_signed_days(s1, sizeof s1, c->dur.at_conf);
            rc_sb_printf(&b, w->nowidth, s1);
        }
    }
    return rc_sb_take(&b);
}

/* ---- JSON ----------------------------------------------------------------------- */

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *iv_json(rc_interval iv)
{
    return json_pack("[o,o]", num(iv.lo), num(iv.hi));
}

static json_t *diff_json(const rc_diff *d)
{
    json_t *o = json_object(), *p = json_object(), *pi = json_object(), *pu = json_object();
    char key[8];
    for (int k = 0; k < RC_NPCT; k++) {
        snprintf(key, sizeof key, "P%d", rc_pct_keys[k]);
        json_object_set_new(p, key, num(d->pct[k]));
        json_object_set_new(pi, key, iv_json(d->pct_ci[k]));
        json_object_set_new(pu, key, iv_json(d->pct_ci_unpaired[k]));
    }
    json_object_set_new(o, "mean", num(d->mean));
    json_object_set_new(o, "percentiles", p);
    json_object_set_new(o, "plan", num(d->plan));
    json_object_set_new(o, "at_confidence", num(d->at_conf));
    json_object_set_new(o, "mean_interval", iv_json(d->mean_ci));
    json_object_set_new(o, "percentile_intervals", pi);
    json_object_set_new(o, "at_confidence_interval", iv_json(d->at_conf_ci));
    json_object_set_new(o, "independent_runs",
                        json_pack("{s:o,s:o,s:o}", "mean_interval", iv_json(d->mean_ci_unpaired),
                                  "percentile_intervals", pu, "at_confidence_interval",
                                  iv_json(d->at_conf_ci_unpaired)));
    return o;
}

static json_t *what_json(unsigned what, const char *const *names, int n)
{
    json_t *a = json_array();
    for (int k = 0; k < n; k++)
        if (what & (1u << k))
            json_array_append_new(a, json_string(names[k]));
    return a;
}

static json_t *compare_json(const rc_result *ra, const rc_result *rb, const rc_compare *c,
                            const rc_model_diff *md, const char *sentence_en, const char *sentence_zh)
{
    json_t *j = json_object();
    json_object_set_new(j, "format", json_string("riskcast-compare-1"));
    json_object_set_new(j, "a", rc_result_to_json(ra));
    json_object_set_new(j, "b", rc_result_to_json(rb));
    json_t *d = json_object();
    json_object_set_new(d, "duration", diff_json(&c->dur));
    json_object_set_new(d, "cost", diff_json(&c->cst));
    json_object_set_new(d, "deadline_probability", num(c->deadline_probability));
    json_object_set_new(d, "budget_probability", num(c->budget_probability));
    json_object_set_new(d, "deadline_probability_interval",
                        isnan(c->deadline_probability) ? json_null() : iv_json(c->deadline_ci));
    json_object_set_new(d, "budget_probability_interval",
                        isnan(c->budget_probability) ? json_null() : iv_json(c->budget_ci));
    json_t *f = json_object(), *fp = json_object();
    char key[8];
    for (int k = 0; k < RC_NPCT; k++) {
        snprintf(key, sizeof key, "P%d", rc_pct_keys[k]);
        json_object_set_new(fp, key, json_integer(c->finish_pct_days[k]));
    }
    json_object_set_new(f, "unit", json_string("calendar days"));
    json_object_set_new(f, "plan", json_integer(c->finish_plan_days));
    json_object_set_new(f, "percentiles", fp);
    json_object_set_new(f, "at_confidence", json_integer(c->finish_at_conf_days));
    json_object_set_new(d, "finish", f);
    json_object_set_new(j, "difference", d);
    json_object_set_new(
        j, "method",
        json_pack("{s:b,s:f,s:s,s:i,s:s}", "paired", c->paired, "interval", 0.95, "percentiles",
                  c->paired ? "bootstrap over paired iterations (same indices for A and B), 2.5th-97.5th "
                              "percentiles of the resampled differences"
                            : "bootstrap with A and B resampled independently",
                  "resamples", c->resamples, "means",
                  c->paired ? "mean +/- 1.96 sd(b_i - a_i)/sqrt(n)"
                            : "mean +/- 1.96 sqrt(var(a)/n + var(b)/n)"));
    json_t *ch = json_object(), *tasks = json_array(), *risks = json_array();
    static const char *kinds[] = {"added", "removed", "changed"};
    for (int i = 0; i < md->n; i++) {
        const rc_change *x = &md->items[i];
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(x->id));
        json_object_set_new(o, "name", x->name ? json_string(x->name) : json_null());
        json_object_set_new(o, "change", json_string(kinds[x->kind]));
        if (x->kind == RC_CHANGE_CHANGED)
            json_object_set_new(o, "what", x->risk ? what_json(x->what, JSON_RISK_WHAT, 5)
                                                   : what_json(x->what, JSON_TASK_WHAT, 6));
        json_array_append_new(x->risk ? risks : tasks, o);
    }
    json_object_set_new(ch, "tasks", tasks);
    json_object_set_new(ch, "risks", risks);
    json_object_set_new(ch, "project", what_json(md->project, JSON_PROJ_WHAT, 10));
    json_object_set_new(j, "changes", ch);
    json_object_set_new(j, "sentence", json_pack("{s:s,s:s}", "en", sentence_en ? sentence_en : "",
                                                 "zh", sentence_zh ? sentence_zh : ""));
    return j;
}

static char *sentence_text(const rc_result *ra, const rc_result *rb, const rc_compare *c, bool zh)
{
    rc_sb b;
    rc_sb_init(&b);
    sentence(&b, ra, rb, c, zh);
    char *s = rc_sb_take(&b);
    if (s && *s && s[strlen(s) - 1] == '\n')
        s[strlen(s) - 1] = 0;
    return s;
}

/* ---- the command ------------------------------------------------------------------ */

static void progress_cb(void *ctx, double f)
{
    fprintf(stderr, "\rsimulating %s %3d%%", (const char *)ctx, (int)(f * 100));
    fflush(stderr);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int rc_cmd_compare(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(HELP, stdout);
        return 0;
    }
    cmp_opts o;
    int code = parse_opts(argc, argv, &o);
    if (code)
        return code;
    if (o.json && strcmp(o.json, "-") && (rc_same_file(o.json, o.files[0]) || rc_same_file(o.json, o.files[1])))
        return usage_error("the output '%s' is an input file; refusing to overwrite it", o.json);
    bool zh = o.lang && !strcmp(o.lang, "zh");

    rc_model *ma = NULL, *mb = NULL;
    int ca = rc_cli_load_model(o.files[0], &ma);
    int cb = rc_cli_load_model(o.files[1], &mb);
    if (ca || cb) {
        rc_model_free(ma);
        rc_model_free(mb);
        return ca ? ca : cb;
    }

    /* settings: A's file, overridden by the command line */
    rc_sim_options so;
    rc_sim_options_init(&so);
    if (ma->has_iterations)
        so.iterations = ma->iterations;
    if (o.iterations > 0)
        so.iterations = o.iterations;
    if (ma->has_seed)
        so.seed = ma->seed;
    if (o.has_seed)
        so.seed = o.seed;
    if (ma->has_confidence)
        so.confidence = ma->confidence;
    if (o.confidence > 0)
        so.confidence = o.confidence;
    so.threads = o.threads;
    so.mitigated = o.mitigated;
    so.cancel = &rc_cli_interrupted;
    bool progress = isatty(STDERR_FILENO) && !o.quiet;
    if (((mb->has_seed && mb->seed != so.seed && !o.has_seed) ||
         (mb->has_iterations && mb->iterations != so.iterations && o.iterations == 0) ||
         (mb->has_confidence && mb->confidence != so.confidence && o.confidence == 0)) &&
        !o.quiet)
        fprintf(stderr, "riskcast: note: %s's simulation settings are not used: both files run with "
                        "%s's (or the command line's)\n",
                o.files[1], o.files[0]);
    /* both results are held at once: the two estimates add up */
    long it = o.iterations == -1 ? -1 : so.iterations;
    unsigned long long need = rc_sim_memory(ma, it, so.threads) + rc_sim_memory(mb, it, so.threads);
    if (need > RC_MAX_SIM_BYTES) {
        fprintf(stderr, "riskcast: compare: %ld iterations of %d and %d tasks would need about "
                        "%.1f GiB, more than the limit of %llu GiB for a simulation; use fewer "
                        "iterations (--iterations) or threads (--threads)\n",
                it > 0 ? it : RC_AUTO_MAX, ma->n_tasks, mb->n_tasks,
                (double)need / (1024.0 * 1024 * 1024), RC_MAX_SIM_BYTES >> 30);
        rc_model_free(ma);
        rc_model_free(mb);
        return RC_EXIT_USAGE;
    }
    rc_cli_install_signals();

    rc_result ra, rb;
    memset(&ra, 0, sizeof ra);
    memset(&rb, 0, sizeof rb);
    int have_a = 0, have_b = 0;
    rc_diags d;
    rc_diags_init(&d, o.files[0]);
    if (progress) {
        so.progress = progress_cb;
        so.progress_ctx = (void *)"A";
    }
    int st = o.iterations == -1 ? rc_simulate_auto(ma, &so, &ra, &d) : rc_simulate(ma, &so, &ra, &d);
    have_a = st == 0;
    rc_cli_print_diags(stderr, &d);
    rc_diags_delete(&d);
    if (st == 0 && !rc_cli_interrupted) {
        so.iterations = ra.iterations;
        if (o.independent)
            so.seed = so.seed + 1;
        so.progress_ctx = (void *)"B";
        rc_diags_init(&d, o.files[1]);
        st = rc_simulate(mb, &so, &rb, &d);
        have_b = st == 0;
        rc_cli_print_diags(stderr, &d);
        rc_diags_delete(&d);
    }
    if (progress)
        fputs("\r                      \r", stderr);
    code = RC_EXIT_OK;
    rc_compare cmp;
    rc_model_diff md;
    memset(&cmp, 0, sizeof cmp);
    memset(&md, 0, sizeof md);
    char *sen_en = NULL, *sen_zh = NULL;
    if (st == 1 || rc_cli_interrupted) {
        code = rc_cli_interrupted_exit();
        goto done;
    }
    if (st < 0) {
        fprintf(stderr, "riskcast: out of memory while simulating\n");
        code = RC_EXIT_IO;
        goto done;
    }
    if (rc_compare_results(&ra, &rb, !o.independent, &cmp) || rc_model_diff_compute(ma, mb, &md)) {
        fprintf(stderr, "riskcast: out of memory while comparing\n");
        code = RC_EXIT_IO;
        goto done;
    }
    sen_en = sentence_text(&ra, &rb, &cmp, false);
    sen_zh = sentence_text(&ra, &rb, &cmp, true);

    char err[1200];
    FILE *sumf = stdout;
    if (o.json) {
        code = rc_cli_write_json(compare_json(&ra, &rb, &cmp, &md, sen_en, sen_zh), o.json);
        if (!strcmp(o.json, "-"))
            sumf = stderr;
    }
    if (!code && o.plots) {
        char la[600], lb[600];
        snprintf(la, sizeof la, "A: %s", base_name(o.files[0]));
        snprintf(lb, sizeof lb, "B: %s", base_name(o.files[1]));
        rc_compare_plot_options po = {o.plots, zh ? "zh" : "en", la, lb};
        if (rc_cli_ensure_dir(o.plots)) {
            fprintf(stderr, "riskcast: %s: cannot create the directory: %s\n", o.plots, strerror(errno));
            code = RC_EXIT_IO;
        } else if (rc_compare_plot(&ra, &rb, &po, err, sizeof err) != RC_PLOT_OK) {
            fprintf(stderr, "riskcast: %s\n", err);
            code = RC_EXIT_IO;
        }
    }
    if (rc_cli_interrupted) {
        code = rc_cli_interrupted_exit();
        goto done;
    }
    if (!o.quiet) {
        char *text = summary(&ra, &rb, &cmp, &md, &o, zh);
        if (text)
            fputs(text, sumf);
        else
            fprintf(stderr, "riskcast: out of memory writing the summary\n");
        free(text);
        if (o.plots && !code)
            fprintf(sumf, "\n%s %s/\n", zh ? "图表已写入" : "Charts written to", o.plots);
    }
done:
    free(sen_en);
    free(sen_zh);
    rc_model_diff_delete(&md);
    if (have_a)
        rc_result_delete(&ra);
    if (have_b)
        rc_result_delete(&rb);
    rc_model_free(ma);
    rc_model_free(mb);
    return code;
}
