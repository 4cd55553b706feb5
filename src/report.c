/* report.c - the client report of SPEC §5: one self-contained HTML file.
 *
 * Order (the client reads the answer first): the answer (finish and cost at
 * the plan, P50 and P(confidence); deadline, budget), price and margin, the
 * contingency and its Shapley split, the risks that drive it, the chance
 * curve, the schedule with ranges, the mitigations worth paying for, the
 * risk register with its probability x impact view, how precise the figures
 * are, and the assumptions.
 *
 * Every word comes from the catalog of the chosen language (i18n.c); every
 * number from the result. Text from the project file is HTML-escaped and
 * wrapped in <span class="n"> so that tests can tell it from the report's
 * own words. Each figure shown is wrapped in
 *   <span class="v" data-k="PATH" data-v="RAW">shown</span>
 * where PATH names the same figure in the JSON result (`run --json`):
 * dotted object keys, risks addressed by id as risks[ID], arrays by index as
 * [0]; RAW is the unrounded number (%.17g), ISO date or true/false.
 *
 * Charts are drawn as SVG by rc_plot_all into a private temporary directory,
 * read back, cleaned (no prolog, DOCTYPE, comments, scripts, titles,
 * namespace declarations or external URLs; ids prefixed per chart so that
 * seven inline charts do not collide) and inlined; the directory is removed.
 */
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calendar.h"
#include "fileio.h"
#include "i18n.h"
#include "plot.h"
#include "text.h"

#define RC_CHART_LIMIT (64L * 1024 * 1024) /* largest chart file read back */

enum { CH_FINISH, CH_COST, CH_TORNADO, CH_CRIT, CH_JCL, CH_MATRIX, CH_GANTT, CH_N };
static const char *const chart_names[CH_N] = {"finish", "cost", "tornado", "criticality",
                                              "jcl", "risk-matrix", "gantt"};

typedef struct {
    rc_sb b;                  /* the document */
    const rc_catalog *c;
    const rc_result *r;
    const rc_model *m;
    int conf;                 /* the confidence in percent */
    char **pool;              /* strings made for this document; freed at the end */
    size_t npool, cappool;
    bool oom;
    char *chart[CH_N];        /* cleaned SVG, or NULL */
} ctx;

/* ---- strings ------------------------------------------------------------------------ */

static const char *keep(ctx *x, char *s)
{
    if (!s) {
        x->oom = true;
        return "";
    }
    if (x->npool == x->cappool) {
        size_t cap = x->cappool ? 2 * x->cappool : 256;
        char **p = realloc(x->pool, cap * sizeof *p);
        if (!p) {
            free(s);
            x->oom = true;
            return "";
        }
        x->pool = p;
        x->cappool = cap;
    }
    x->pool[x->npool++] = s;
    return s;
}

static const char *fmt(ctx *x, const char *f, ...) __attribute__((format(printf, 2, 3)));
static const char *fmt(ctx *x, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    if (n < 0)
        return "";
    char *s = malloc((size_t)n + 1);
    if (s) {
        va_start(ap, f);
        vsnprintf(s, (size_t)n + 1, f, ap);
        va_end(ap);
    }
    return keep(x, s);
}

static void esc_to(rc_sb *b, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        rc_sb_printf(b, "%.*s%s", (int)(s - run), run, rep);
        run = s + 1;
    }
    rc_sb_puts(b, run);
}

/* Text from the project file: escaped and marked. */
static const char *U(ctx *x, const char *s)
{
    rc_sb t;
    rc_sb_init(&t);
    rc_sb_puts(&t, "<span class=\"n\">");
    esc_to(&t, s ? s : "");
    rc_sb_puts(&t, "</span>");
    return keep(x, rc_sb_take(&t));
}

static const char *M(ctx *x, rc_msg k)
{
    return x->c->msg[k];
}

/* Expand template K with N arguments ({1}..{9}). */
static const char *tplv(ctx *x, rc_msg k, int n, const char **args)
{
    rc_sb t;
    rc_sb_init(&t);
    const char *s = M(x, k), *run = s;
    for (; *s; s++) {
        if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}') {
            int i = s[1] - '1';
            rc_sb_printf(&t, "%.*s%s", (int)(s - run), run, i < n && args[i] ? args[i] : "");
            s += 2;
            run = s + 1;
        }
    }
    rc_sb_puts(&t, run);
    return keep(x, rc_sb_take(&t));
}

#define T(x, k, ...) tplv((x), (k), (int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *)), \
                          (const char *[]){__VA_ARGS__})

static void put(ctx *x, const char *s)
{
    rc_sb_puts(&x->b, s);
}

static void putf(ctx *x, const char *f, ...) __attribute__((format(printf, 2, 3)));
static void putf(ctx *x, const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *s = malloc((size_t)n + 1);
    if (!s) {
        x->oom = true;
        return;
    }
    va_start(ap, f);
    vsnprintf(s, (size_t)n + 1, f, ap);
    va_end(ap);
    rc_sb_puts(&x->b, s);
    free(s);
}

/* ---- figures ------------------------------------------------------------------------ */

/* A figure as shown, with its machine-readable twin. */
static const char *V(ctx *x, const char *key, const char *raw, const char *html)
{
    return fmt(x, "<span class=\"v\" data-k=\"%s\" data-v=\"%s\">%s</span>", key, raw, html);
}

static const char *raw_num(ctx *x, double v)
{
    return isfinite(v) ? fmt(x, "%.17g", v) : "null";
}

static const char *raw_date(ctx *x, rc_date d)
{
    char b[11];
    rc_date_format(d, b);
    return fmt(x, "%s", b);
}

static const char *date_text(ctx *x, rc_date d)
{
    char b[96];
    rc_i18n_date(x->c, d, b, sizeof b);
    return fmt(x, "<span class=\"d\">%s</span>", b);
}

static const char *vdate(ctx *x, const char *key, rc_date d)
{
    return V(x, key, raw_date(x, d), date_text(x, d));
}

/* The rounding unit for amounts like V: three significant figures, never
 * below one currency unit. */
static double money_unit(double v)
{
    double a = fabs(v);
    if (!isfinite(a) || a < 1000)
        return 1;
    return pow(10, floor(log10(a)) - 2);
}

static const char *money_text(ctx *x, double v, double unit)
{
    char b[64];
    rc_fmt_money(b, sizeof b, isfinite(v) ? round(v / unit) * unit : v);
    const char *cur = x->m->currency;
    if (!cur || !*cur)
        return fmt(x, "%s", b);
    return T(x, RC_M_MONEY, fmt(x, "<span class=\"num\">%s</span>", b), U(x, cur));
}

/* A simulated amount: rounded to three significant figures. */
static const char *vmoney(ctx *x, const char *key, double v)
{
    return V(x, key, raw_num(x, v), money_text(x, v, money_unit(v)));
}

/* An amount at a given unit (tables whose rows should round alike). */
static const char *vmoney_u(ctx *x, const char *key, double v, double unit)
{
    return V(x, key, raw_num(x, v), money_text(x, v, unit));
}

static const char *days_num(ctx *x, double v, bool fine)
{
    if (!isfinite(v))
        return "-";
    if (!fine && fabs(v) >= 10)
        return fmt(x, "%.0f", v);
    char b[32];
    rc_fmt_days(b, sizeof b, v);
    return fmt(x, "%s", b);
}

/* "12 working days" */
static const char *vdays(ctx *x, const char *key, double v)
{
    return V(x, key, raw_num(x, v), T(x, RC_M_UNIT_DAYS, days_num(x, v, false)));
}

/* a bare number of days in a table cell */
static const char *vdays_n(ctx *x, const char *key, double v, bool fine)
{
    return V(x, key, raw_num(x, v), days_num(x, v, fine));
}

static const char *pct_text(ctx *x, double p)
{
    char b[16];
    rc_fmt_pct(b, sizeof b, p);
    return fmt(x, "%s", b);
}

static const char *vpct(ctx *x, const char *key, double p)
{
    return V(x, key, raw_num(x, p), pct_text(x, p));
}

/* A chance in plain words: "an 8 in 10 chance", "a 1 in 8 chance". The
 * simple fraction nearest P in ratio is chosen from tenths, one-in-N and a
 * few near-certainties. */
static const char *chance_text(ctx *x, double p)
{
    if (!isfinite(p))
        return "-";
    if (p < 0.001)
        return M(x, RC_M_CHANCE_NONE);
    if (p > 0.999)
        return M(x, RC_M_CHANCE_ALL);
    static const int cand[][2] = {
        {1, 10}, {2, 10}, {3, 10}, {4, 10}, {5, 10}, {6, 10}, {7, 10}, {8, 10}, {9, 10},
        {1, 3}, {2, 3}, {3, 4}, {1, 4}, {1, 6}, {1, 7}, {1, 8}, {1, 9}, {1, 12}, {1, 15},
        {1, 20}, {1, 25}, {1, 30}, {1, 40}, {1, 50}, {1, 100}, {1, 200}, {1, 500}, {1, 1000},
        {17, 20}, {19, 20}, {49, 50}, {99, 100}, {199, 200}, {999, 1000},
    };
    int best = 0;
    double bd = INFINITY;
    for (size_t i = 0; i < sizeof cand / sizeof cand[0]; i++) {
        double q = (double)cand[i][0] / cand[i][1];
        /* near one, compare the chance of the opposite, so 97% is not "9 in 10" */
        double dd = p > 0.5 ? fabs(log((1 - p) / (1 - q))) : fabs(log(p / q));
        if (dd < bd - 1e-12) {
            bd = dd;
            best = (int)i;
        }
    }
    int k = cand[best][0];
    /* English article: numbers said with a leading vowel sound */
    bool an = k == 8 || k == 11 || k == 18 || (k >= 80 && k < 90);
    return T(x, an ? RC_M_CHANCE_AN : RC_M_CHANCE_A, fmt(x, "%d", k), fmt(x, "%d", cand[best][1]),
             pct_text(x, p));
}

static const char *vchance(ctx *x, const char *key, double p)
{
    return V(x, key, raw_num(x, p), chance_text(x, p));
}

/* A count, shown with thousands separators. */
static const char *vcount(ctx *x, const char *key, long n)
{
    char s[32];
    rc_fmt_money(s, sizeof s, (double)n);
    return V(x, key, fmt(x, "%ld", n), s);
}

/* The sentence that says a part is left out as more work than the engine
 * allows itself at this many iterations: WITH_MAX naming the most that
 * allow it (MAX, from the JSON at KEY), ANY when none does. */
static const char *left_out(ctx *x, rc_msg with_max, rc_msg any, const char *key, long max)
{
    if (max <= 0)
        return M(x, any);
    return T(x, with_max, vcount(x, "iterations", x->r->iterations), vcount(x, key, max));
}

static const char *rname(ctx *x, const rc_risk_result *k)
{
    return U(x, k->name ? k->name : k->id);
}

static const char *tname(ctx *x, int idx)
{
    const rc_task *t = &x->m->tasks[idx];
    return U(x, t->name ? t->name : t->id);
}

/* Risk result indices ordered by KEY descending (stable). */
static int *order_risks(const rc_result *r, double (*key)(const rc_risk_result *))
{
    int n = r->n_risks;
    int *ord = malloc((size_t)(n > 0 ? n : 1) * sizeof *ord);
    if (!ord)
        return NULL;
    for (int k = 0; k < n; k++)
        ord[k] = k;
    for (int a = 1; a < n; a++) {
        int t = ord[a], j = a;
        while (j > 0 && key(&r->risks[t]) > key(&r->risks[ord[j - 1]])) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = t;
    }
    return ord;
}

static double key_contrib(const rc_risk_result *k)
{
    return k->schedule_contribution + 1e-9 * k->cost_contribution;
}

static double key_shapley(const rc_risk_result *k)
{
    return k->shapley_days + 1e-9 * k->shapley_cost;
}

/* ---- charts ------------------------------------------------------------------------- */

static bool starts(const char *s, const char *p)
{
    return strncasecmp(s, p, strlen(p)) == 0;
}

/* Copy the start tag at S (just after '<' and its name) into B, cleaning its
 * attributes; returns the position after the closing '>'. */
static const char *clean_attrs(rc_sb *b, const char *s, const char *prefix)
{
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (!*s)
            return s;
        if (*s == '>' || (*s == '/' && s[1] == '>')) {
            rc_sb_puts(b, *s == '/' ? "/>" : ">");
            return s + (*s == '/' ? 2 : 1);
        }
        const char *name = s;
        while (*s && *s != '=' && *s != '>' && *s != '/' && *s != ' ' && *s != '\t' && *s != '\n' &&
               *s != '\r')
            s++;
        size_t nl = (size_t)(s - name);
        if (nl == 0) { /* a stray '/' */
            s++;
            continue;
        }
        const char *val = NULL;
        size_t vl = 0;
        if (*s == '=') {
            s++;
            char q = *s;
            if (q == '"' || q == '\'') {
                val = ++s;
                while (*s && *s != q)
                    s++;
                vl = (size_t)(s - val);
                if (*s)
                    s++;
            } else {
                val = s;
                while (*s && *s != '>' && *s != ' ' && *s != '\t' && *s != '\n')
                    s++;
                vl = (size_t)(s - val);
            }
        }
        if (nl >= 5 && !strncmp(name, "xmlns", 5))
            continue;
        if (val) {
            char *v = strndup(val, vl);
            if (!v) {
                b->failed = true;
                return s;
            }
            bool external = strstr(v, "http:") || strstr(v, "https:") || strstr(v, "//");
            if (external) {
                free(v);
                continue;
            }
            rc_sb_printf(b, " %.*s=\"", (int)nl, name);
            bool is_id = nl == 2 && !strncmp(name, "id", 2);
            bool is_href = nl >= 4 && !strncmp(name + nl - 4, "href", 4);
            if (is_id || (is_href && v[0] == '#'))
                rc_sb_printf(b, "%s%s", is_href ? "#" : "", prefix);
            const char *p = v + (is_href && v[0] == '#');
            /* url(#x) references inside any attribute */
            for (;;) {
                const char *u = strstr(p, "url(#");
                size_t upto = u ? (size_t)(u - p) + 5 : strlen(p);
                for (size_t i = 0; i < upto;) {
                    size_t run = strcspn(p + i, "\"");
                    if (run > upto - i)
                        run = upto - i;
                    rc_sb_printf(b, "%.*s", (int)run, p + i);
                    i += run;
                    if (i < upto) {
                        rc_sb_puts(b, "&quot;");
                        i++;
                    }
                }
                if (!u)
                    break;
                rc_sb_puts(b, prefix);
                p = u + 5;
            }
            rc_sb_puts(b, "\"");
            free(v);
        } else {
            rc_sb_printf(b, " %.*s", (int)nl, name);
        }
    }
}

/* The SVG document SRC cleaned for inlining, ids prefixed with PREFIX.
 * Caller frees; NULL when there is no <svg> element or memory ran out. */
static char *clean_svg(const char *src, const char *prefix)
{
    const char *s = strstr(src, "<svg");
    if (!s)
        return NULL;
    rc_sb b;
    rc_sb_init(&b);
    while (*s) {
        if (*s != '<') {
            const char *lt = strchr(s, '<');
            size_t n = lt ? (size_t)(lt - s) : strlen(s);
            rc_sb_printf(&b, "%.*s", (int)n, s);
            s += n;
            continue;
        }
        if (starts(s, "<!--")) {
            const char *e = strstr(s, "-->");
            s = e ? e + 3 : s + strlen(s);
        } else if (starts(s, "<![CDATA[")) {
            const char *e = strstr(s, "]]>");
            size_t n = e ? (size_t)(e - s) + 3 : strlen(s);
            rc_sb_printf(&b, "%.*s", (int)n, s);
            s += n;
        } else if (s[1] == '!' || s[1] == '?') {
            const char *e = strchr(s, '>');
            s = e ? e + 1 : s + strlen(s);
        } else if (starts(s, "<script") || starts(s, "<title") || starts(s, "<desc") ||
                   starts(s, "<metadata")) {
            char close[16];
            size_t nl = strcspn(s + 1, " \t\n\r/>");
            snprintf(close, sizeof close, "</%.*s>", (int)(nl < 10 ? nl : 10), s + 1);
            const char *gt = strchr(s, '>');
            if (gt && gt[-1] == '/') {
                s = gt + 1;
            } else {
                const char *e = strstr(s, close);
                s = e ? e + strlen(close) : s + strlen(s);
            }
        } else if (s[1] == '/') {
            const char *e = strchr(s, '>');
            size_t n = e ? (size_t)(e - s) + 1 : strlen(s);
            rc_sb_printf(&b, "%.*s", (int)n, s);
            s += n;
            if (starts(s - n, "</svg>") && !strstr(s, "<svg"))
                break; /* the outer element ended */
        } else {
            size_t nl = strcspn(s + 1, " \t\n\r/>");
            rc_sb_printf(&b, "<%.*s", (int)nl, s + 1);
            s = clean_attrs(&b, s + 1 + nl, prefix);
        }
    }
    return rc_sb_take(&b);
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(p);
            else
                unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* Draw the charts into a temporary directory and keep them cleaned. */
static int load_charts(ctx *x, const char *lang, char *err, size_t errlen)
{
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/riskcast-report-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        snprintf(err, errlen, "cannot create a temporary directory for the charts (%s): %s", dir,
                 strerror(errno));
        return -1;
    }
    rc_plot_options po = {dir, true, lang, NULL};
    char perr[1024] = "";
    rc_plot_status ps = rc_plot_all(x->r, &po, perr, sizeof perr);
    if (ps != RC_PLOT_OK) {
        remove_tree(dir);
        snprintf(err, errlen, "cannot draw the report's charts: %s", perr);
        return ps == RC_PLOT_GNUPLOT ? -2 : -1;
    }
    for (int k = 0; k < CH_N; k++) {
        char p[4200], e2[256], prefix[16];
        snprintf(p, sizeof p, "%s/%s.svg", dir, chart_names[k]);
        size_t len;
        char *svg = rc_read_file(p, RC_CHART_LIMIT, &len, e2, sizeof e2);
        if (!svg)
            continue; /* a chart this project has no data for */
        snprintf(prefix, sizeof prefix, "c%d-", k);
        x->chart[k] = clean_svg(svg, prefix);
        free(svg);
    }
    remove_tree(dir);
    return 0;
}

static void figure(ctx *x, int k, const char *caption)
{
    if (!x->chart[k])
        return;
    putf(x, "<figure class=\"chart-%s\"><div class=\"chart\">", chart_names[k]);
    put(x, x->chart[k]);
    putf(x, "</div><figcaption>%s</figcaption></figure>\n", caption);
}

/* ---- the document ------------------------------------------------------------------- */

static const char css[] =
    "@page{size:A4;margin:16mm 15mm 18mm 15mm}\n"
    "*{box-sizing:border-box}\n"
    "html{font-family:\"Noto Sans CJK SC\",\"Noto Sans SC\",\"Noto Sans\",sans-serif;color:#1d2433;"
    "font-size:10.5pt;line-height:1.5;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{max-width:182mm;margin:0 auto;padding:10mm 4mm}\n"
    "@media print{body{padding:0;max-width:none}}\n"
    "header{border-bottom:3px solid #1f5fa8;margin-bottom:5mm;padding-bottom:2mm}\n"
    ".kicker{letter-spacing:.06em;color:#1f5fa8;font-weight:700;font-size:9pt;margin:0;"
    "text-transform:uppercase}\n"
    "h1{font-size:20pt;line-height:1.25;margin:1mm 0 1mm}\n"
    ".sub{color:#5b6475;margin:0}\n"
    "h2{font-size:14pt;color:#1f5fa8;border-bottom:1px solid #d5dae3;padding-bottom:1mm;"
    "margin:7mm 0 3mm;break-after:avoid;page-break-after:avoid}\n"
    "h3{font-size:11.5pt;margin:5mm 0 2mm;break-after:avoid;page-break-after:avoid}\n"
    "p{margin:0 0 2.5mm}\n"
    "p.intro{break-after:avoid;page-break-after:avoid}\n"
    ".keep,figure,.lead,tr,.key{break-inside:avoid;page-break-inside:avoid}\n"
    ".lead{font-size:12.5pt;background:#eef3fa;border-left:4px solid #1f5fa8;padding:3mm 4mm;margin:2mm 0 3mm}\n"
    ".lead p{margin:0 0 1.5mm}.lead p:last-child{margin:0}\n"
    "ul.targets{margin:0 0 3mm;padding-left:5mm}ul.targets li{margin:0 0 1mm}\n"
    "table{border-collapse:collapse;width:100%;margin:2mm 0 4mm;font-size:9.5pt}\n"
    "th,td{border-bottom:1px solid #d5dae3;padding:1.2mm 2mm;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word}\n"
    "thead th{background:#eef3fa;font-weight:700;vertical-align:bottom}\n"
    "thead{display:table-header-group}\n"
    "td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "thead th.num{white-space:normal}\n"
    "thead th{word-break:keep-all}\n"
    "td.st{white-space:nowrap}\n"
    "table.matrix td:first-child,table.mit td:first-child,table.drivers td:first-child{min-width:42mm}\n"
    "table.matrix thead tr:first-child th[colspan]{text-align:center;border-left:2px solid #fff}\n"
    "table.key td,table.key th{font-size:10.5pt;padding:1.8mm 2.5mm}\n"
    "table.key td.hi{font-weight:700;background:#eef3fa}\n"
    "tr.total td{font-weight:700;border-top:2px solid #1d2433}\n"
    "tr.closed td{color:#8a91a0}\n"
    "tr.rec td{background:#f1f8ee}\n"
    ".imp{margin:0 0 1mm}.imp:last-child{margin:0}\n"
    "figure{margin:3mm 0 5mm}\n"
    ".chart svg{display:block;width:100%;height:auto;max-height:115mm;margin:0 auto}\n"
    "figcaption{color:#5b6475;font-size:9pt;margin-top:1mm}\n"
    ".note{color:#5b6475;font-size:9pt}\n"
    "dl.assume{display:grid;grid-template-columns:62mm 1fr;gap:1.2mm 4mm;margin:0 0 4mm}\n"
    "dl.assume dt{color:#5b6475}dl.assume dd{margin:0}\n"
    "footer{margin-top:8mm;border-top:1px solid #d5dae3;padding-top:2mm;color:#5b6475;font-size:8.5pt}\n"
    ".d,.num{white-space:nowrap}\n";

static void h2(ctx *x, const char *id, rc_msg k)
{
    putf(x, "<section id=\"%s\">\n<h2>%s</h2>\n", id, M(x, k));
}

static void end_section(ctx *x)
{
    put(x, "</section>\n");
}

static void answer(ctx *x)
{
    const rc_result *r = x->r;
    const rc_model *m = x->m;
    h2(x, "answer", RC_M_H_ANSWER);
    put(x, "<div class=\"lead\">\n<p>");
    put(x, T(x, RC_M_ANS_FINISH, vchance(x, "confidence", r->confidence),
             vdate(x, "finish.at_confidence", r->finish_at_conf), vdate(x, "plan.finish", r->plan_finish),
             vchance(x, "finish.plan_probability", r->finish_plan_probability)));
    put(x, "</p>\n<p>");
    put(x, T(x, RC_M_ANS_COST, vchance(x, "confidence", r->confidence),
             vmoney(x, "cost.at_confidence", r->cst.at_conf), vmoney(x, "plan.cost", r->plan_cost),
             vchance(x, "cost.plan_probability", r->cst.plan_probability)));
    put(x, "</p>\n</div>\n<p>");
    put(x, T(x, RC_M_ANS_MIDDLE, vdate(x, "finish.percentiles.P50", r->finish_pct[5]),
             vmoney(x, "cost.percentiles.P50", r->cst.pct[5])));
    put(x, "</p>\n");
    if (m->has_deadline || m->has_budget) {
        put(x, "<ul class=\"targets\">\n");
        if (m->has_deadline)
            putf(x, "<li>%s</li>\n",
                 T(x, RC_M_ANS_DEADLINE, vchance(x, "deadline.probability", r->deadline_probability),
                   vdate(x, "deadline.date", m->deadline)));
        if (m->has_budget)
            putf(x, "<li>%s</li>\n",
                 T(x, RC_M_ANS_BUDGET, vchance(x, "budget.probability", r->budget_probability),
                   V(x, "budget.amount", raw_num(x, m->budget), money_text(x, m->budget, 1))));
        if (m->has_deadline && m->has_budget)
            putf(x, "<li>%s</li>\n",
                 T(x, RC_M_ANS_JOINT, vchance(x, "joint_probability", r->joint_probability)));
        put(x, "</ul>\n");
    }
    const char *pc = fmt(x, "%d", x->conf);
    putf(x, "<table class=\"key\"><thead><tr><th></th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
            "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
         M(x, RC_M_TH_PLAN), M(x, RC_M_TH_P50), T(x, RC_M_TH_PC, pc));
    putf(x, "<tr><th>%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num hi\">%s</td></tr>\n",
         M(x, RC_M_ROW_FINISH), vdate(x, "plan.finish", r->plan_finish),
         vdate(x, "finish.percentiles.P50", r->finish_pct[5]),
         vdate(x, "finish.at_confidence", r->finish_at_conf));
    putf(x, "<tr><th>%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num hi\">%s</td></tr>\n",
         M(x, RC_M_ROW_DAYS), vdays_n(x, "plan.duration", r->plan_duration, false),
         vdays_n(x, "duration.percentiles.P50", r->dur.pct[5], false),
         vdays_n(x, "duration.at_confidence", r->dur.at_conf, false));
    double u = money_unit(r->cst.at_conf);
    putf(x, "<tr><th>%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num hi\">%s</td></tr>\n",
         M(x, RC_M_ROW_COST), vmoney_u(x, "plan.cost", r->plan_cost, u),
         vmoney_u(x, "cost.percentiles.P50", r->cst.pct[5], u),
         vmoney_u(x, "cost.at_confidence", r->cst.at_conf, u));
    put(x, "</tbody></table>\n");
    putf(x, "<p class=\"note\">%s</p>\n", T(x, RC_M_NOTE_PCT, pc));
    end_section(x);
}

static void price(ctx *x)
{
    const rc_result *r = x->r;
    if (!x->m->has_price)
        return;
    h2(x, "price", RC_M_H_PRICE);
    double u = money_unit(x->m->price);
    putf(x, "<p>%s</p>\n",
         T(x, RC_M_PRICE_LOSS, V(x, "price.amount", raw_num(x, x->m->price), money_text(x, x->m->price, 1)),
           vpct(x, "price.loss_probability", r->loss_probability)));
    putf(x, "<p>%s</p>\n",
         T(x, RC_M_PRICE_MARGIN, vmoney_u(x, "price.margin.percentiles.P50", r->margin.pct[5], u),
           vmoney_u(x, "price.margin.percentiles.P10", r->margin.pct[1], u),
           vmoney_u(x, "price.margin.percentiles.P90", r->margin.pct[9], u)));
    putf(x, "<p>%s</p>\n",
         T(x, RC_M_PRICE_SAFE, vmoney(x, "price.price_at_confidence", r->price_at_confidence),
           vpct(x, "confidence", r->confidence)));
    end_section(x);
}

static void contingency(ctx *x)
{
    const rc_result *r = x->r;
    h2(x, "contingency", RC_M_H_CONT);
    putf(x, "<p>%s</p>\n",
         T(x, RC_M_CONT_HOLD, vpct(x, "confidence", r->confidence),
           vdays(x, "contingency.schedule_days", r->contingency_days),
           vmoney(x, "contingency.cost", r->contingency_cost),
           vdate(x, "contingency.finish", r->contingency_finish), vdate(x, "plan.finish", r->plan_finish),
           vmoney(x, "cost.at_confidence", r->cst.at_conf), vmoney(x, "plan.cost", r->plan_cost)));
    putf(x, "<p>%s</p>\n", M(x, RC_M_CONT_WHY));
    if (r->has_shapley) {
        putf(x, "<p>%s</p>\n", M(x, RC_M_CONT_SPLIT));
        double u = money_unit(r->contingency_cost);
        double total = r->contingency_days;
        putf(x, "<table class=\"split keep\"><thead><tr><th>%s</th><th class=\"num\">%s</th>"
                "<th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
             M(x, RC_M_TH_SOURCE), M(x, RC_M_TH_DAYS), M(x, RC_M_TH_COST), M(x, RC_M_TH_SHARE));
        putf(x, "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
             M(x, RC_M_ROW_UNCERT), vdays_n(x, "reserve_split.uncertainty_days", r->shapley_base_days, true),
             vmoney_u(x, "reserve_split.uncertainty_cost", r->shapley_base_cost, u),
             total > 0 ? pct_text(x, r->shapley_base_days / total) : "-");
        int *ord = order_risks(r, key_shapley);
        for (int i = 0; ord && i < r->n_risks; i++) {
            const rc_risk_result *k = &r->risks[ord[i]];
            putf(x, "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
                 rname(x, k),
                 vdays_n(x, fmt(x, "risks[%s].reserve_share.schedule_days", k->id), k->shapley_days, true),
                 vmoney_u(x, fmt(x, "risks[%s].reserve_share.cost", k->id), k->shapley_cost, u),
                 total > 0 ? pct_text(x, k->shapley_days / total) : "-");
        }
        if (!ord)
            x->oom = true;
        free(ord);
        putf(x, "<tr class=\"total\"><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td></td></tr>\n",
             M(x, RC_M_ROW_TOTAL), vdays_n(x, "contingency.schedule_days", r->contingency_days, true),
             vmoney_u(x, "contingency.cost", r->contingency_cost, u));
        put(x, "</tbody></table>\n");
    } else if (r->shapley_left_out) {
        putf(x, "<p>%s</p>\n", left_out(x, RC_M_CONT_SPLIT_OUT, RC_M_CONT_SPLIT_OUT_ANY,
                                        "left_out.reserve_split.max_iterations", r->shapley_max_iterations));
    }
    end_section(x);
}

static void drivers(ctx *x)
{
    const rc_result *r = x->r;
    const char *pc = fmt(x, "%d", x->conf);
    h2(x, "drivers", RC_M_H_DRIVERS);
    if (r->n_risks == 0) {
        putf(x, "<p>%s</p>\n", M(x, RC_M_DRIVERS_NONE));
        end_section(x);
        return;
    }
    putf(x, "<p class=\"intro\">%s</p>\n", T(x, RC_M_DRIVERS_INTRO, pc));
    figure(x, CH_TORNADO, T(x, RC_M_FIG_TORNADO, pc));
    double umax = 0;
    for (int k = 0; k < r->n_risks; k++)
        umax = fmax(umax, fabs(r->risks[k].cost_contribution));
    double u = money_unit(umax);
    putf(x, "<table class=\"drivers\"><thead><tr><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
            "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
         M(x, RC_M_TH_RISK), M(x, RC_M_TH_OCCURS), T(x, RC_M_TH_ADDS_DAYS, pc), T(x, RC_M_TH_ADDS_COST, pc));
    int *ord = order_risks(r, key_contrib);
    for (int i = 0; ord && i < r->n_risks; i++) {
        const rc_risk_result *k = &r->risks[ord[i]];
        putf(x, "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
             rname(x, k), vpct(x, fmt(x, "risks[%s].occurrence", k->id), k->occurrence),
             vdays_n(x, fmt(x, "risks[%s].schedule_contribution", k->id), k->schedule_contribution, true),
             vmoney_u(x, fmt(x, "risks[%s].cost_contribution", k->id), k->cost_contribution, u));
    }
    if (!ord)
        x->oom = true;
    free(ord);
    put(x, "</tbody></table>\n");
    end_section(x);
}

static void curve(ctx *x)
{
    const rc_result *r = x->r;
    h2(x, "curve", RC_M_H_CURVE);
    putf(x, "<p class=\"intro\">%s</p>\n", M(x, RC_M_CURVE_INTRO));
    figure(x, CH_FINISH, M(x, RC_M_FIG_FINISH));
    double u = money_unit(r->cst.pct[RC_NPCT - 1]);
    putf(x, "<table class=\"pct keep\"><thead><tr><th class=\"num\">%s</th><th class=\"num\">%s</th>"
            "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
         M(x, RC_M_TH_CHANCE), M(x, RC_M_TH_FINISH_BY), M(x, RC_M_TH_COST_AT_MOST));
    for (int k = 1; k < RC_NPCT; k++) {
        int q = rc_pct_keys[k];
        putf(x, "<tr><td class=\"num\">%d%%</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n", q,
             vdate(x, fmt(x, "finish.percentiles.P%d", q), r->finish_pct[k]),
             vmoney_u(x, fmt(x, "cost.percentiles.P%d", q), r->cst.pct[k], u));
    }
    put(x, "</tbody></table>\n");
    figure(x, CH_COST, M(x, RC_M_FIG_COST));
    figure(x, CH_JCL, M(x, RC_M_FIG_JCL));
    end_section(x);
}

static void gantt(ctx *x)
{
    if (!x->chart[CH_GANTT] && !x->chart[CH_CRIT])
        return;
    h2(x, "gantt", RC_M_H_GANTT);
    putf(x, "<p class=\"intro\">%s</p>\n", M(x, RC_M_GANTT_INTRO));
    figure(x, CH_GANTT, M(x, RC_M_FIG_GANTT));
    figure(x, CH_CRIT, M(x, RC_M_FIG_CRIT));
    end_section(x);
}

static void mitigations(ctx *x)
{
    const rc_result *r = x->r;
    const char *pc = fmt(x, "%d", x->conf);
    h2(x, "mitigations", RC_M_H_MITIG);
    int n = 0;
    double umax = 0;
    for (int k = 0; k < r->n_risks; k++)
        if (r->risks[k].has_mitigation) {
            n++;
            const rc_mitigation_value *v = &r->risks[k].mitigation;
            umax = fmax(umax, fmax(fabs(v->cost_benefit), fabs(v->net_benefit)));
        }
    if (n == 0) {
        putf(x, "<p>%s</p>\n", M(x, RC_M_MIT_NONE));
        end_section(x);
        return;
    }
    putf(x, "<p>%s</p>\n", T(x, RC_M_MIT_INTRO, pc));
    double u = money_unit(umax);
    putf(x, "<table class=\"mit\"><thead><tr><th>%s</th><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
            "<th class=\"num\">%s</th><th class=\"num\">%s</th><th>%s</th></tr></thead>\n<tbody>\n",
         M(x, RC_M_TH_RISK), M(x, RC_M_TH_ACTION), M(x, RC_M_TH_MCOST), M(x, RC_M_TH_SAVES_DAYS),
         M(x, RC_M_TH_SAVES_COST), M(x, RC_M_TH_NET), M(x, RC_M_TH_RECOMMENDED));
    for (int k = 0; k < r->n_risks; k++) {
        const rc_risk_result *rk = &r->risks[k];
        if (!rk->has_mitigation)
            continue;
        const rc_risk *mr = &x->m->risks[rk->model_idx];
        const rc_mitigation_value *v = &rk->mitigation;
        bool rec = r->has_rec && rk->recommended;
        putf(x, "<tr%s><td>%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
                "<td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td></tr>\n",
             rec ? " class=\"rec\"" : "", rname(x, rk), mr->mitigation_action ? U(x, mr->mitigation_action) : "",
             V(x, fmt(x, "risks[%s].mitigation.cost", rk->id), raw_num(x, v->cost), money_text(x, v->cost, 1)),
             vdays_n(x, fmt(x, "risks[%s].mitigation.schedule_benefit", rk->id), v->schedule_benefit, true),
             vmoney_u(x, fmt(x, "risks[%s].mitigation.cost_benefit", rk->id), v->cost_benefit, u),
             vmoney_u(x, fmt(x, "risks[%s].mitigation.net_benefit", rk->id), v->net_benefit, u),
             r->has_rec ? V(x, fmt(x, "risks[%s].mitigation.recommended", rk->id), rec ? "true" : "false",
                            M(x, rec ? RC_M_YES : RC_M_NO))
                        : "");
    }
    put(x, "</tbody></table>\n");
    if (r->has_rec && r->n_recommended > 0) {
        rc_sb names;
        rc_sb_init(&names);
        int i = 0;
        for (int k = 0; k < r->n_risks; k++) {
            const rc_risk_result *rk = &r->risks[k];
            if (!rk->recommended)
                continue;
            if (i++)
                rc_sb_puts(&names, M(x, RC_M_LIST_SEP));
            const rc_risk *mr = &x->m->risks[rk->model_idx];
            rc_sb_puts(&names, mr->mitigation_action ? U(x, mr->mitigation_action) : rname(x, rk));
        }
        const char *list = keep(x, rc_sb_take(&names));
        putf(x, "<p>%s</p>\n",
             T(x, RC_M_MIT_REC, list, vmoney(x, "recommended_mitigations.cost", r->rec_cost), pc,
               vdays(x, "duration.at_confidence", r->dur.at_conf),
               vdays(x, "recommended_mitigations.duration.at_confidence", r->rec_dur.at_conf),
               vmoney(x, "cost.at_confidence", r->cst.at_conf),
               vmoney(x, "recommended_mitigations.total_cost.at_confidence", r->rec_cst.at_conf)));
    } else if (r->has_rec) {
        putf(x, "<p>%s</p>\n", T(x, RC_M_MIT_REC_NONE, pc));
    } else if (r->rec_left_out) {
        putf(x, "<p>%s</p>\n", left_out(x, RC_M_MIT_REC_OUT, RC_M_MIT_REC_OUT_ANY,
                                        "left_out.recommended_mitigations.max_iterations", r->rec_max_iterations));
    }
    end_section(x);
}

/* A distribution in words: "2 to 12, most likely 5". MONEY: amounts. */
static const char *dist_text(ctx *x, const rc_dist *d, bool money)
{
#define NUM(v) (money ? money_text(x, (v), 1) : fmt(x, "%g", (v)))
    switch (d->kind) {
    case RC_DIST_FIXED:
        return NUM(d->a);
    case RC_DIST_UNIFORM:
        return T(x, RC_M_DIST_RANGE, NUM(d->a), NUM(d->c));
    case RC_DIST_TRIANGULAR:
    case RC_DIST_PERT:
    case RC_DIST_TRIGEN:
        return T(x, RC_M_DIST_LIKELY, NUM(d->a), NUM(d->b), NUM(d->c));
    case RC_DIST_NORMAL:
    case RC_DIST_LOGNORMAL:
        return T(x, RC_M_DIST_NORMAL, NUM(d->a), NUM(d->c));
    case RC_DIST_DISCRETE: {
        rc_sb t;
        rc_sb_init(&t);
        for (int i = 0; i < d->n && i < 12; i++) {
            if (i)
                rc_sb_puts(&t, M(x, RC_M_LIST_SEP));
            rc_sb_puts(&t, NUM(d->values[i]));
        }
        if (d->n > 12)
            rc_sb_puts(&t, M(x, RC_M_LIST_SEP));
        if (d->n > 12)
            rc_sb_puts(&t, "…");
        return T(x, RC_M_DIST_CHOICE, keep(x, rc_sb_take(&t)));
    }
    }
    return "";
#undef NUM
}

static void effect_impacts(ctx *x, const rc_risk_effect *e)
{
    for (int i = 0; i < e->n_impacts; i++) {
        const rc_impact *im = &e->impacts[i];
        rc_sb t;
        rc_sb_init(&t);
        for (int j = 0; j < im->n_tasks; j++) {
            if (j)
                rc_sb_puts(&t, M(x, RC_M_LIST_SEP));
            int ti = im->task_idx ? im->task_idx[j] : -1;
            rc_sb_puts(&t, ti >= 0 ? tname(x, ti) : U(x, im->tasks[j]));
        }
        const char *on = T(x, RC_M_IMP_ON, keep(x, rc_sb_take(&t)));
        rc_sb p;
        rc_sb_init(&p);
        int np = 0;
        if (im->has_delay) {
            rc_sb_puts(&p, T(x, RC_M_IMP_DELAY, dist_text(x, &im->delay, false)));
            np++;
        }
        if (im->has_scale) {
            if (np++)
                rc_sb_puts(&p, M(x, RC_M_LIST_SEP));
            rc_sb_puts(&p, T(x, RC_M_IMP_SCALE, dist_text(x, &im->scale, false)));
        }
        if (im->has_cost) {
            if (np++)
                rc_sb_puts(&p, M(x, RC_M_LIST_SEP));
            rc_sb_puts(&p, T(x, RC_M_IMP_COST, dist_text(x, &im->cost, true)));
        }
        putf(x, "<div class=\"imp\">%s%s%s</div>", on, M(x, RC_M_COLON), keep(x, rc_sb_take(&p)));
    }
}

static void register_table(ctx *x)
{
    const rc_model *m = x->m;
    const rc_result *r = x->r;
    h2(x, "register", RC_M_H_REGISTER);
    putf(x, "<p>%s</p>\n", M(x, RC_M_REG_INTRO));
    putf(x, "<table class=\"register\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"num\">%s</th>"
            "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
         M(x, RC_M_TH_ID), M(x, RC_M_TH_RISK), M(x, RC_M_TH_OWNER), M(x, RC_M_TH_PROB), M(x, RC_M_TH_IMPACTS),
         M(x, RC_M_TH_MITIGATION), M(x, RC_M_TH_STATUS));
    for (int i = 0; i < m->n_risks; i++) {
        const rc_risk *k = &m->risks[i];
        const char *prob = k->effect.use_frequency ? T(x, RC_M_PROB_FREQ, fmt(x, "%g", k->effect.frequency))
                                                   : pct_text(x, k->effect.probability);
        putf(x, "<tr%s><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td><td>",
             k->closed ? " class=\"closed\"" : "", U(x, k->id), k->name ? U(x, k->name) : "",
             k->owner ? U(x, k->owner) : "", prob);
        effect_impacts(x, &k->effect);
        put(x, "</td><td>");
        if (k->has_mitigation)
            put(x, T(x, RC_M_MIT_ACTION_COST, k->mitigation_action ? U(x, k->mitigation_action) : "",
                     money_text(x, k->mitigation_cost, 1)));
        putf(x, "</td><td class=\"st\">%s</td></tr>\n", M(x, k->closed ? RC_M_ST_CLOSED : RC_M_ST_OPEN));
    }
    put(x, "</tbody></table>\n");

    if (r->n_risks > 0) {
        putf(x, "<h3>%s</h3>\n<p class=\"intro\">%s</p>\n", M(x, RC_M_H_MATRIX), M(x, RC_M_MATRIX_INTRO));
        figure(x, CH_MATRIX, M(x, RC_M_FIG_MATRIX));
        double umax = 0;
        for (int k = 0; k < r->n_risks; k++)
            umax = fmax(umax, fabs(r->risks[k].impact_cost_before));
        double u = money_unit(umax);
        putf(x, "<table class=\"matrix\"><thead><tr><th rowspan=\"2\">%s</th><th colspan=\"3\">%s</th>"
                "<th colspan=\"3\">%s</th></tr>\n<tr><th class=\"num\">%s</th><th class=\"num\">%s</th>"
                "<th class=\"num\">%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
                "<th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
             M(x, RC_M_TH_RISK), M(x, RC_M_TH_BEFORE), M(x, RC_M_TH_AFTER), M(x, RC_M_TH_CHANCE),
             M(x, RC_M_TH_DAYS), M(x, RC_M_TH_COST), M(x, RC_M_TH_CHANCE), M(x, RC_M_TH_DAYS), M(x, RC_M_TH_COST));
        for (int i = 0; i < r->n_risks; i++) {
            const rc_risk_result *k = &r->risks[i];
            putf(x, "<tr><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td>",
                 rname(x, k), pct_text(x, k->prob_before), days_num(x, k->impact_days_before, true),
                 money_text(x, k->impact_cost_before, u));
            if (k->has_mitigation)
                putf(x, "<td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
                     pct_text(x, k->prob_after), days_num(x, k->impact_days_after, true),
                     money_text(x, k->impact_cost_after, u));
            else
                put(x, "<td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">-</td></tr>\n");
        }
        put(x, "</tbody></table>\n");
    }
    end_section(x);
}

static void precision(ctx *x)
{
    const rc_result *r = x->r;
    const char *pc = fmt(x, "%d", x->conf);
    h2(x, "precision", RC_M_H_PRECISION);
    putf(x, "<p>%s</p>\n", T(x, RC_M_PREC_INTRO, vcount(x, "iterations", r->iterations)));
    putf(x, "<table class=\"prec keep\"><thead><tr><th></th><th class=\"num\">%s</th><th class=\"num\">%s</th>"
            "</tr></thead>\n<tbody>\n",
         M(x, RC_M_TH_FROM), M(x, RC_M_TH_TO));
    putf(x, "<tr><th>%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n", T(x, RC_M_PREC_FINISH, pc),
         vdate(x, "finish.at_confidence_interval[0]", (rc_date)r->finish_at_conf_ci.lo),
         vdate(x, "finish.at_confidence_interval[1]", (rc_date)r->finish_at_conf_ci.hi));
    putf(x, "<tr><th>%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n", T(x, RC_M_PREC_DAYS, pc),
         vdays_n(x, "duration.at_confidence_interval[0]", r->dur.at_conf_ci.lo, true),
         vdays_n(x, "duration.at_confidence_interval[1]", r->dur.at_conf_ci.hi, true));
    /* the interval's ends rounded finely enough to tell them apart */
    double w = fabs(r->cst.at_conf_ci.hi - r->cst.at_conf_ci.lo);
    double u = fmin(money_unit(r->cst.at_conf), w > 0 ? money_unit(w) : 1);
    putf(x, "<tr><th>%s</th><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n", T(x, RC_M_PREC_COST, pc),
         vmoney_u(x, "cost.at_confidence_interval[0]", r->cst.at_conf_ci.lo, u),
         vmoney_u(x, "cost.at_confidence_interval[1]", r->cst.at_conf_ci.hi, u));
    put(x, "</tbody></table>\n");
    putf(x, "<p class=\"note\">%s</p>\n", M(x, RC_M_PREC_NOTE));
    end_section(x);
}

/* Dates (sorted) in words, runs of consecutive days as ranges; many runs
 * are summarised as a count with the first and last. */
static void dates_list(ctx *x, const rc_date *d, int n)
{
    int runs = 0;
    for (int i = 0; i < n; i++)
        runs += i == 0 || d[i] != d[i - 1] + 1;
    if (n == 0) {
        put(x, M(x, RC_M_NONE));
    } else if (runs <= 8) {
        for (int i = 0, k = 0; i < n;) {
            int j = i;
            while (j + 1 < n && d[j + 1] == d[j] + 1)
                j++;
            if (k++)
                put(x, M(x, RC_M_LIST_SEP));
            put(x, j > i ? T(x, RC_M_RANGE, date_text(x, d[i]), date_text(x, d[j])) : date_text(x, d[i]));
            i = j + 1;
        }
    } else {
        put(x, T(x, RC_M_AS_HOL_MANY, fmt(x, "%d", n), date_text(x, d[0]), date_text(x, d[n - 1])));
    }
}

static void assumptions(ctx *x)
{
    const rc_result *r = x->r;
    const rc_model *m = x->m;
    h2(x, "assumptions", RC_M_H_ASSUME);
    put(x, "<dl class=\"assume keep\">\n");
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_METHOD), M(x, RC_M_AS_METHOD_TEXT));
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_ITER), vcount(x, "iterations", r->iterations));
    const char *seed = fmt(x, "%llu", (unsigned long long)r->seed);
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_SEED), V(x, "seed", seed, seed));
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_CONF), vpct(x, "confidence", r->confidence));
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_START), date_text(x, m->start));
    if (m->has_status_date)
        putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_STATUS), date_text(x, m->status_date));
    putf(x, "<dt>%s</dt><dd>", M(x, RC_M_AS_WEEK));
    for (int d = 0, i = 0; d < 7; d++)
        if (m->calendar.workday[d])
            putf(x, "%s%s", i++ ? M(x, RC_M_LIST_SEP) : "", x->c->weekdays[d]);
    put(x, "</dd>\n");
    putf(x, "<dt>%s</dt><dd>", M(x, RC_M_AS_HOL));
    dates_list(x, m->calendar.holidays, m->calendar.n_holidays);
    put(x, "</dd>\n");
    if (m->calendar.n_extra > 0) {
        putf(x, "<dt>%s</dt><dd>", M(x, RC_M_AS_EXTRA));
        dates_list(x, m->calendar.extra, m->calendar.n_extra);
        put(x, "</dd>\n");
    }
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_DIST),
         M(x, m->default_dist == RC_DIST_PERT ? RC_M_DIST_PERT : RC_M_DIST_TRI));
    if (m->overhead_per_day > 0)
        putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_OVERHEAD), money_text(x, m->overhead_per_day, 1));
    if (m->penalty_per_day > 0)
        putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_PENALTY), money_text(x, m->penalty_per_day, 1));
    putf(x, "<dt>%s</dt><dd>%s", M(x, RC_M_AS_CORR),
         m->n_corrs ? T(x, RC_M_AS_CORR_N, fmt(x, "%d", m->n_corrs)) : M(x, RC_M_NONE));
    if (r->corr_repaired)
        putf(x, "%s%s", M(x, RC_M_ITEM_SEP), M(x, RC_M_AS_CORR_REPAIRED));
    put(x, "</dd>\n");
    int open = 0, done = 0;
    for (int i = 0; i < m->n_risks; i++)
        open += !m->risks[i].closed;
    putf(x, "<dt>%s</dt><dd>%s</dd>\n", M(x, RC_M_AS_TASKS),
         T(x, RC_M_AS_TASKS_N, fmt(x, "%d", m->n_tasks), fmt(x, "%d", open)));
    for (int i = 0; i < m->n_tasks; i++)
        done += m->has_status_date && m->tasks[i].done;
    if (done) {
        putf(x, "<dt>%s</dt><dd>", M(x, RC_M_AS_DONE));
        for (int i = 0, j = 0; i < m->n_tasks && j < 20; i++)
            if (m->tasks[i].done) {
                putf(x, "%s%s", j ? M(x, RC_M_LIST_SEP) : "", tname(x, i));
                if (++j == 20 && done > 20)
                    put(x, M(x, RC_M_LIST_SEP)), put(x, "…");
            }
        put(x, "</dd>\n");
    }
    put(x, "</dl>\n");
    end_section(x);
}

static void document(ctx *x)
{
    const rc_model *m = x->m;
    const char *name = m->name && *m->name ? m->name : NULL;
    putf(x, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
         x->c->html_lang);
    if (name) {
        esc_to(&x->b, name);
        put(x, " - ");
    }
    putf(x, "%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", M(x, RC_M_DOC_TITLE), css);
    putf(x, "<p class=\"kicker\">%s</p>\n<h1>%s</h1>\n", M(x, RC_M_DOC_TITLE),
         name ? U(x, name) : M(x, RC_M_UNNAMED));
    putf(x, "<p class=\"sub\">%s</p>\n",
         m->has_status_date ? T(x, RC_M_FORECAST_AT, date_text(x, m->status_date))
                            : T(x, RC_M_PLAN_FROM, date_text(x, m->start)));
    if (x->r->mitigated)
        putf(x, "<p class=\"sub\">%s</p>\n", M(x, RC_M_MITIGATED_RUN));
    put(x, "</header>\n<main>\n");
    answer(x);
    price(x);
    contingency(x);
    drivers(x);
    curve(x);
    gantt(x);
    mitigations(x);
    register_table(x);
    precision(x);
    assumptions(x);
    putf(x, "</main>\n<footer>%s</footer>\n</body>\n</html>\n", M(x, RC_M_FOOTER));
}

int rc_report_write(const rc_result *r, const char *path, const char *lang, char *err, size_t errlen)
{
    ctx x;
    memset(&x, 0, sizeof x);
    rc_sb_init(&x.b);
    x.c = rc_i18n_catalog(lang);
    x.r = r;
    x.m = r->model;
    x.conf = (int)lround(r->confidence * 100);
    int rc = load_charts(&x, x.c->code, err, errlen);
    if (rc == 0) {
        document(&x);
        char *html = rc_sb_take(&x.b);
        if (!html || x.oom) {
            snprintf(err, errlen, "%s: out of memory writing the report", path);
            rc = -1;
        } else if (rc_write_file(path, html, strlen(html), err, errlen)) {
            char e2[1024];
            snprintf(e2, sizeof e2, "%s", err);
            snprintf(err, errlen, "%s: %s", path, e2);
            rc = -1;
        }
        free(html);
    } else {
        free(rc_sb_take(&x.b));
    }
    for (size_t i = 0; i < x.npool; i++)
        free(x.pool[i]);
    free(x.pool);
    for (int k = 0; k < CH_N; k++)
        free(x.chart[k]);
    return rc;
}
