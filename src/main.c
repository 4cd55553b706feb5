/* main.c - the riskcast command line: options, commands, exit codes.
 * The only layer that prints or exits (with cli_*.c). */
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
#include "fileio.h"
#include "load.h"
#include "network.h"
#include "output.h"
#include "plot.h"
#include "report.h"
#include "sim.h"
#include "text.h"

#ifndef RC_VERSION
#define RC_VERSION "1.0.0"
#endif

void rc_cli_print_diags(FILE *f, const rc_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const rc_diag *x = &d->items[i];
        const char *sev = x->sev == RC_SEV_ERROR ? "error" : "warning";
        if (x->mark.line > 0)
            fprintf(f, "%s:%d:%d: %s: %s\n", d->file, x->mark.line, x->mark.col, sev, x->msg);
        else
            fprintf(f, "%s: %s: %s\n", d->file, sev, x->msg);
    }
    if (d->n_dropped)
        fprintf(f, "%s: note: %zu more diagnostics not shown\n", d->file, d->n_dropped);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("riskcast: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\nTry 'riskcast --help'.\n", stderr);
    va_end(ap);
    return RC_EXIT_USAGE;
}

static const char *HELP =
    "riskcast - Monte Carlo schedule and cost risk for project plans\n"
    "\n"
    "Usage:\n"
    "  riskcast check  FILE                      validate only; print diagnostics and the plan\n"
    "  riskcast run    FILE [options]            simulate; print the summary\n"
    "  riskcast plot   FILE -o DIR [options]     simulate and write the charts into DIR\n"
    "  riskcast report FILE -o OUT.html [--lang en|zh] [options]\n"
    "  riskcast import SCHEDULE [-o OUT.yaml] [--range LOW,HIGH]\n"
    "  riskcast compare A.yaml B.yaml [options]  two versions of a plan on shared random numbers\n"
    "  riskcast --help | --version | COMMAND --help\n"
    "\n"
    "Options of run, plot, report and compare:\n"
    "  --iterations N   iterations (default: the file's, else 10000); 'auto' simulates\n"
    "                   until the P(confidence) duration and cost are known to +/-0.5%\n"
    "  --seed S         random seed, unsigned 64-bit (default: the file's, else 20270104)\n"
    "  --threads T      threads (default: every processor); results do not depend on it\n"
    "  --confidence C   0 < C < 1 (default: the file's, else 0.8)\n"
    "  --json PATH      write the JSON result (- = stdout; the summary then goes to stderr)\n"
    "  --csv DIR        (run, plot, report) per-iteration samples and per-task and\n"
    "                   per-risk tables\n"
    "  --mitigated      simulate with every planned mitigation applied\n"
    "  --plots DIR      (run) also draw the charts into DIR; (compare) both S-curves\n"
    "  --independent    (compare) run B on its own seed: what shared numbers buy\n"
    "  --format png|svg (plot) chart format, default png\n"
    "  --lang en|zh     (report, compare) language, default en\n"
    "  --quiet          print no summary\n"
    "\n"
    "Exit codes: 0 success; 1 the input file has errors; 2 usage error;\n"
    "3 a file could not be read or written, or gnuplot could not be run;\n"
    "130 interrupted (no partial output is left).\n";

/* ---- option parsing shared by run, plot, report, compare --------------------- */

typedef struct {
    const char *files[2];
    int n_files;
    long iterations;      /* 0: not given; -1: auto */
    bool has_seed;
    uint64_t seed;
    int threads;
    double confidence;    /* 0: not given */
    const char *json, *csv, *plots, *out, *format, *lang;
    bool mitigated, quiet;
} run_opts;

static int parse_run_opts(int argc, char **argv, const char *cmd, int want_files, run_opts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
#define NEEDS_VALUE()                                                          \
    do {                                                                       \
        if (i + 1 >= argc)                                                     \
            return usage_error("%s: option %s needs a value", cmd, a);         \
        val = argv[++i];                                                       \
    } while (0)
        if (!strcmp(a, "--iterations")) {
            NEEDS_VALUE();
            unsigned long long v;
            if (!strcmp(val, "auto"))
                o->iterations = -1;
            else if (rc_cli_parse_ulong(val, (unsigned long long)RC_MAX_ITERATIONS, &v) || v < 1)
                return usage_error("%s: --iterations takes a whole number from 1 to %ld, or 'auto'",
                                   cmd, RC_MAX_ITERATIONS);
            else
                o->iterations = (long)v;
        } else if (!strcmp(a, "--seed")) {
            NEEDS_VALUE();
            unsigned long long v;
            if (rc_cli_parse_ulong(val, ULLONG_MAX, &v))
                return usage_error("%s: --seed takes an unsigned 64-bit whole number", cmd);
            o->seed = v;
            o->has_seed = true;
        } else if (!strcmp(a, "--threads")) {
            NEEDS_VALUE();
            unsigned long long v;
            if (rc_cli_parse_ulong(val, 256, &v) || v < 1)
                return usage_error("%s: --threads takes a whole number from 1 to 256", cmd);
            o->threads = (int)v;
        } else if (!strcmp(a, "--confidence")) {
            NEEDS_VALUE();
            char *end;
            errno = 0;
            double c = strtod(val, &end);
            if (errno || *end || !(c > 0 && c < 1))
                return usage_error("%s: --confidence takes a number between 0 and 1 (exclusive)", cmd);
            o->confidence = c;
        } else if (!strcmp(a, "--json")) {
            NEEDS_VALUE();
            o->json = val;
        } else if (!strcmp(a, "--csv")) {
            NEEDS_VALUE();
            o->csv = val;
        } else if (!strcmp(a, "--plots")) {
            NEEDS_VALUE();
            o->plots = val;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
            NEEDS_VALUE();
            o->out = val;
        } else if (!strcmp(a, "--format")) {
            NEEDS_VALUE();
            if (strcmp(val, "png") && strcmp(val, "svg"))
                return usage_error("%s: --format takes png or svg", cmd);
            o->format = val;
        } else if (!strcmp(a, "--lang")) {
            NEEDS_VALUE();
            if (strcmp(val, "en") && strcmp(val, "zh"))
                return usage_error("%s: --lang takes en or zh", cmd);
            o->lang = val;
        } else if (!strcmp(a, "--mitigated")) {
            o->mitigated = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = true;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("%s: unknown option '%s'", cmd, a);
        } else {
            if (o->n_files >= want_files)
                return usage_error("%s: unexpected argument '%s'", cmd, a);
            o->files[o->n_files++] = a;
        }
#undef NEEDS_VALUE
    }
    if (o->n_files < want_files)
        return usage_error("%s: missing %s", cmd, want_files == 2 ? "the two project files" : "the project file");
    return 0;
}

/* ---- loading ---------------------------------------------------------------- */

/* ---- check ------------------------------------------------------------------ */

int rc_cmd_check(int argc, char **argv)
{
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs("Usage: riskcast check FILE\n"
              "Validate a project file: every error as FILE:LINE:COL: error: MESSAGE.\n"
              "A valid file prints its counts, the deterministic plan (duration, finish\n"
              "date, cost) and its critical path. Exit 0 valid, 1 errors, 3 unreadable.\n",
              stdout);
        return 0;
    }
    if (argc != 2 || argv[1][0] == '-')
        return usage_error("check: expected exactly one project file");
    rc_model *m = NULL;
    int code = rc_cli_load_model(argv[1], &m);
    if (code)
        return code;
    rc_diags d;
    rc_diags_init(&d, argv[1]);
    rc_net *net = rc_net_compile(m, false, &d);
    rc_cli_print_diags(stderr, &d);
    rc_diags_delete(&d);
    rc_plan plan;
    if (!net || rc_plan_compute(net, &plan)) {
        fprintf(stderr, "riskcast: out of memory\n");
        rc_net_free(net);
        rc_model_free(m);
        return RC_EXIT_IO;
    }
    int open_risks = 0, done = 0, started = 0, links = 0;
    for (int r = 0; r < m->n_risks; r++)
        open_risks += !m->risks[r].closed;
    for (int t = 0; t < m->n_tasks; t++) {
        done += m->tasks[t].done;
        started += m->tasks[t].started;
        links += m->tasks[t].n_after;
    }
    char fin[11], start[11];
    rc_date_format(plan.finish, fin);
    rc_date_format(rc_calendar_day(&m->calendar, 0), start);
    printf("%s: ok\n", argv[1]);
    printf("  project     %s\n", m->name);
    printf("  tasks       %d (%d links", m->n_tasks, links);
    if (m->has_status_date)
        printf(", %d done, %d started", done, started);
    printf(")\n  risks       %d (%d open)\n", m->n_risks, open_risks);
    char money[64];
    rc_fmt_money(money, sizeof money, plan.cost);
    printf("  plan        %.4g working days from %s, finish %s, cost %s%s%s\n", plan.duration,
           start, fin, money, *m->currency ? " " : "", m->currency);
    int *chain = malloc((size_t)(net->n ? net->n : 1) * sizeof *chain);
    int nc = chain ? rc_plan_chain(net, &plan, chain) : 0, total = 0;
    for (int p = 0; p < net->n; p++)
        total += plan.critical[p];
    printf("  critical path ");
    for (int k = 0; k < nc && k < 30; k++)
        printf("%s%s", k ? " -> " : "", m->tasks[net->model_idx[chain[k]]].id);
    if (nc > 30)
        printf(" ... (%d tasks)", nc);
    printf("%s\n", nc ? "" : "(none)");
    if (total > nc)
        printf("              %d more task%s with zero float (parallel or start-driven)\n",
               total - nc, total - nc == 1 ? "" : "s");
    free(chain);
    rc_plan_delete(&plan);
    rc_net_free(net);
    rc_model_free(m);
    return 0;
}

/* ---- run, plot, report -------------------------------------------------------- */

static void progress_cb(void *ctx, double f)
{
    (void)ctx;
    fprintf(stderr, "\rsimulating %3d%%", (int)(f * 100));
    fflush(stderr);
}

/* Settings from the file, overridden by the command line. */
static void sim_settings(const rc_model *m, const run_opts *ro, rc_sim_options *so)
{
    rc_sim_options_init(so);
    if (m->has_iterations)
        so->iterations = m->iterations;
    if (ro->iterations > 0)
        so->iterations = ro->iterations;
    if (m->has_seed)
        so->seed = m->seed;
    if (ro->has_seed)
        so->seed = ro->seed;
    if (m->has_confidence)
        so->confidence = m->confidence;
    if (ro->confidence > 0)
        so->confidence = ro->confidence;
    so->threads = ro->threads;
    so->mitigated = ro->mitigated;
    so->cancel = &rc_cli_interrupted;
    if (isatty(STDERR_FILENO) && !ro->quiet) {
        so->progress = progress_cb;
    }
}

/* Refuse an output path that names the input. */
static int refuse_input(const char *out, const char *in)
{
    if (out && strcmp(out, "-") && rc_same_file(out, in)) {
        usage_error("the output '%s' is the input file; refusing to overwrite it", out);
        return 1;
    }
    return 0;
}

/* Refuse a simulation whose estimated memory is above RC_MAX_SIM_BYTES
 * (ITERATIONS -1: --iterations auto). Prints why; returns 1 when refused. */
static int too_much_memory(const char *cmd, const rc_model *m, long iterations, int threads)
{
    unsigned long long need = rc_sim_memory(m, iterations, threads);
    if (need <= RC_MAX_SIM_BYTES)
        return 0;
    long n = iterations > 0 ? iterations : RC_AUTO_MAX;
    long th = threads > 0 ? threads : sysconf(_SC_NPROCESSORS_ONLN);
    th = th < 1 ? 1 : th > 256 ? 256 : th;
    fprintf(stderr,
            "riskcast: %s: %ld iterations of %d tasks on %ld thread%s would need about %.1f GiB, "
            "more than the limit of %llu GiB for one simulation; use fewer iterations "
            "(--iterations) or threads (--threads)\n",
            cmd, n, m->n_tasks, th, th == 1 ? "" : "s", (double)need / (1024.0 * 1024 * 1024),
            RC_MAX_SIM_BYTES >> 30);
    return 1;
}

enum { MODE_RUN, MODE_PLOT, MODE_REPORT };

static int run_like(int argc, char **argv, int mode)
{
    const char *cmd = mode == MODE_RUN ? "run" : mode == MODE_PLOT ? "plot" : "report";
    if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        if (mode == MODE_RUN)
            fputs("Usage: riskcast run FILE [--iterations N|auto] [--seed S] [--threads T]\n"
                  "       [--confidence C] [--json PATH|-] [--csv DIR] [--plots DIR] [--mitigated] [--quiet]\n"
                  "Simulate the plan and print what the finish date and cost really look like:\n"
                  "plan vs P50 vs P(confidence), the chances of meeting the plan, deadline and\n"
                  "budget, the contingency to hold, the risks that drive it, the most critical\n"
                  "tasks and the mitigations that pay for themselves.\n", stdout);
        else if (mode == MODE_PLOT)
            fputs("Usage: riskcast plot FILE -o DIR [--format png|svg] [run options]\n"
                  "Simulate and draw the charts (finish, cost, tornado, criticality, jcl,\n"
                  "risk-matrix, gantt) into DIR, each with its NAME.dat and NAME.gp beside it.\n", stdout);
        else
            fputs("Usage: riskcast report FILE -o OUT.html [--lang en|zh] [run options]\n"
                  "Simulate and write a self-contained HTML report for the client.\n", stdout);
        return 0;
    }
    run_opts ro;
    int code = parse_run_opts(argc, argv, cmd, 1, &ro);
    if (code)
        return code;
    if (mode != MODE_RUN && !ro.out)
        return usage_error("%s: -o %s is required", cmd, mode == MODE_PLOT ? "DIR" : "OUT.html");
    if (mode == MODE_RUN && ro.out)
        return usage_error("run: -o is for plot and report; use --json, --csv or --plots");
    if (refuse_input(ro.json, ro.files[0]) || refuse_input(ro.out, ro.files[0]))
        return RC_EXIT_USAGE;
    /* output directories first: a missing one should not cost a simulation */
    const char *dirs[2] = {ro.csv, mode == MODE_PLOT ? ro.out : ro.plots};
    for (int k = 0; k < 2; k++)
        if (dirs[k] && rc_cli_ensure_dir(dirs[k])) {
            fprintf(stderr, "riskcast: %s: cannot create the directory: %s\n", dirs[k], strerror(errno));
            return RC_EXIT_IO;
        }
    const char *files[2] = {ro.json && strcmp(ro.json, "-") ? ro.json : NULL,
                            mode == MODE_REPORT ? ro.out : NULL};
    for (int k = 0; k < 2; k++)
        if (files[k] && rc_cli_ensure_parent(files[k])) {
            fprintf(stderr, "riskcast: %s: cannot create its directory: %s\n", files[k], strerror(errno));
            return RC_EXIT_IO;
        }
    /* from here on an interrupt is noticed (a large file takes a while to load) */
    rc_cli_install_signals();
    rc_model *m = NULL;
    code = rc_cli_load_model(ro.files[0], &m);
    if (code)
        return code;
    if (rc_cli_interrupted) {
        rc_model_free(m);
        return rc_cli_interrupted_exit();
    }
    rc_sim_options so;
    sim_settings(m, &ro, &so);
    if (too_much_memory(cmd, m, ro.iterations == -1 ? -1 : so.iterations, so.threads)) {
        rc_model_free(m);
        return RC_EXIT_USAGE;
    }
    rc_result r;
    rc_diags d;
    rc_diags_init(&d, ro.files[0]);
    int st;
    if (ro.iterations == -1)
        st = rc_simulate_auto(m, &so, &r, &d);
    else
        st = rc_simulate(m, &so, &r, &d);
    if (so.progress)
        fputs("\r                \r", stderr);
    rc_cli_print_diags(stderr, &d);
    rc_diags_delete(&d);
    if (st == 1 || rc_cli_interrupted) {
        if (st == 0)
            rc_result_delete(&r);
        rc_model_free(m);
        return rc_cli_interrupted_exit();
    }
    if (st < 0) {
        fprintf(stderr, "riskcast: out of memory while simulating\n");
        rc_model_free(m);
        return RC_EXIT_IO;
    }
    char err[1200];
    code = RC_EXIT_OK;
    FILE *sumf = stdout;
    if (ro.json) {
        code = rc_cli_write_json(rc_result_to_json(&r), ro.json);
        if (!strcmp(ro.json, "-"))
            sumf = stderr;
    }
    if (!code && ro.csv) {
        if (rc_cli_ensure_dir(ro.csv)) {
            fprintf(stderr, "riskcast: %s: cannot create the directory: %s\n", ro.csv, strerror(errno));
            code = RC_EXIT_IO;
        } else if (rc_write_csv(&r, ro.csv, err, sizeof err)) {
            fprintf(stderr, "riskcast: %s\n", err);
            code = RC_EXIT_IO;
        }
    }
    const char *plot_dir = mode == MODE_PLOT ? ro.out : ro.plots;
    if (!code && plot_dir) {
        rc_plot_options po = {plot_dir, ro.format && !strcmp(ro.format, "svg"),
                              ro.lang ? ro.lang : "en", NULL};
        if (rc_cli_ensure_dir(plot_dir)) {
            fprintf(stderr, "riskcast: %s: cannot create the directory: %s\n", plot_dir, strerror(errno));
            code = RC_EXIT_IO;
        } else {
            rc_plot_status ps = rc_plot_all(&r, &po, err, sizeof err);
            if (ps != RC_PLOT_OK) {
                fprintf(stderr, "riskcast: %s\n", err);
                code = RC_EXIT_IO;
            }
        }
    }
    if (!code && mode == MODE_REPORT) {
        int rs = rc_report_write(&r, ro.out, ro.lang ? ro.lang : "en", err, sizeof err);
        if (rs) {
            fprintf(stderr, "riskcast: %s\n", err);
            code = RC_EXIT_IO;
        }
    }
    if (rc_cli_interrupted) {
        rc_result_delete(&r);
        rc_model_free(m);
        return rc_cli_interrupted_exit();
    }
    if (!ro.quiet) {
        char *text = rc_summary_text(&r);
        if (text)
            fputs(text, sumf);
        free(text);
        if (mode == MODE_PLOT && !code)
            fprintf(sumf, "\nCharts written to %s/\n", ro.out);
        if (mode == MODE_REPORT && !code)
            fprintf(sumf, "\nReport written to %s\n", ro.out);
    }
    rc_result_delete(&r);
    rc_model_free(m);
    return code;
}

int rc_cmd_run(int argc, char **argv)
{
    return run_like(argc, argv, MODE_RUN);
}

static int cmd_plot(int argc, char **argv) { return run_like(argc, argv, MODE_PLOT); }
static int cmd_report(int argc, char **argv) { return run_like(argc, argv, MODE_REPORT); }

static int dispatch(int argc, char **argv);

/* Output that could not be written (a full disk, a closed pipe) is an error
 * too, whatever the command did. */
int main(int argc, char **argv)
{
    int code = dispatch(argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "riskcast: cannot write to standard output: %s\n",
                strerror(errno ? errno : EIO));
        if (code == RC_EXIT_OK)
            code = RC_EXIT_IO;
    }
    return code;
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("missing command (check, run, plot, report, import, compare)");
    const char *c = argv[1];
    if (!strcmp(c, "--help") || !strcmp(c, "-h") || !strcmp(c, "help")) {
        fputs(HELP, stdout);
        return 0;
    }
    if (!strcmp(c, "--version")) {
        printf("riskcast %s (project file format version 1)\n", RC_VERSION);
        return 0;
    }
    if (!strcmp(c, "check"))
        return rc_cmd_check(argc - 1, argv + 1);
    if (!strcmp(c, "run"))
        return rc_cmd_run(argc - 1, argv + 1);
    if (!strcmp(c, "plot"))
        return cmd_plot(argc - 1, argv + 1);
    if (!strcmp(c, "report"))
        return cmd_report(argc - 1, argv + 1);
    if (!strcmp(c, "import"))
        return rc_cmd_import(argc - 1, argv + 1);
    if (!strcmp(c, "compare"))
        return rc_cmd_compare(argc - 1, argv + 1);
    return usage_error("unknown command '%s'", c);
}
