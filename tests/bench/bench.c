/* bench.c - the riskcast benchmark (`make bench`, `make bench BENCH_QUICK=1`).
 *
 * For synthetic networks of 1,000, 10,000 and 100,000 tasks (about three
 * predecessors each, mixed distributions, one risk per ten tasks, a few
 * correlation groups) and for the real networks in the repository (PSPLIB
 * j120 with three-point estimates 0.8d / d / 1.5d around each duration, the
 * XER sample through `riskcast import`) it times rc_simulate:
 *
 *   base      analysis = false (pass 1: durations, costs, criticality)
 *   analysis  analysis = true, variants = false (plus sensitivity and the
 *             finish ranges: the full analysis of the base simulation)
 *   full      analysis = true, variants = true (plus risk contributions and
 *             mitigation values)
 *
 * with 1 thread and with every processor, and prints task-iterations per
 * second (tasks x iterations / seconds), the median of several runs. Beside
 * them it times the yardstick of the speed target, a bare scalar loop of one
 * uniform, one inverse triangular CDF and the forward pass on the same
 * networks (bare_seconds). On the
 * 1,000-task network it also times the reserve split (shapley = true) once
 * per run. Peak memory is the ru_maxrss of a child process (this program
 * re-executed in --sim mode, and the riskcast binary itself), collected
 * with wait4.
 *
 * Targets are reported as PASS or FAIL; the exit status is 0 whatever the
 * timings (only a setup error, such as a model that does not load, exits 1).
 *
 *   bench [--quick] [--long] [--riskcast PATH] [--data DIR] [--work DIR]
 *         (--long: also the 10,000-task network at 1,000,000 iterations with
 *         criticality and sensitivity to its end, for peak memory: minutes)
 *   bench --sim FILE ITERATIONS THREADS base|analysis|full|shapley   (one simulation)
 *   bench --bare FILE ITERATIONS             (the yardstick alone)
 *   bench --gen TASKS FILE                   (write a synthetic network)
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "network.h"
#include "rng.h"
#include "sim.h"

/* ---- small helpers ---------------------------------------------------------- */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *x, int n)
{
    qsort(x, (size_t)n, sizeof *x, cmp_double);
    return n % 2 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
}

typedef struct {
    char *s;
    size_t len, cap;
} buf;

static void bprintf(buf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (k < 0)
            die("formatting failed");
        if (b->s && b->len + (size_t)k < b->cap) {
            b->len += (size_t)k;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 1 << 16;
        while (cap < b->len + (size_t)k + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s)
            die("out of memory");
        b->s = s;
        b->cap = cap;
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        bprintf(&b, "%.*s", (int)k, chunk);
    fclose(f);
    if (!b.s)
        bprintf(&b, "%s", "");
    *len = b.len;
    return b.s;
}

static void write_file(const char *path, const buf *b)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b->s, 1, b->len, f) != b->len || fclose(f) != 0)
        die("cannot write %s: %s", path, strerror(errno));
}

/* ---- the synthetic network -------------------------------------------------- */

static uint64_t rng_state;

static uint64_t rnd_u64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double rnd(void) { return (double)(rnd_u64() >> 11) * 0x1.0p-53; }
static double rnd_in(double lo, double hi) { return lo + (hi - lo) * rnd(); }
static int rnd_int(int lo, int hi) { return lo + (int)(rnd() * (hi - lo + 1)); }
static double round1(double x) { return round(x * 10) / 10; }

/* WANT draws of a task among N into OUT, repeats dropped; returns how many
 * are left. */
static int pick_tasks(int *out, int want, int n)
{
    int k = 0;
    for (int j = 0; j < want; j++) {
        int t = rnd_int(0, n - 1), dup = 0;
        for (int q = 0; q < k; q++)
            dup |= out[q] == t;
        if (!dup)
            out[k++] = t;
    }
    return k;
}

/* A three-point-ish estimate in one of the distribution forms, for a task of
 * typical length around ML days. */
static void gen_duration(buf *b, double lo)
{
    double ml = round1(lo * rnd_in(1.1, 1.6));
    double hi = round1(ml * rnd_in(1.2, 2.5));
    double r = rnd();
    if (r < 0.35)
        bprintf(b, "    duration: [%g, %g, %g]\n", lo, ml, hi);
    else if (r < 0.60)
        bprintf(b, "    duration: {dist: pert, min: %g, likely: %g, max: %g}\n", lo, ml, hi);
    else if (r < 0.70)
        bprintf(b, "    duration: {dist: uniform, min: %g, max: %g}\n", lo, hi);
    else if (r < 0.80)
        bprintf(b, "    duration: {dist: lognormal, mean: %g, sd: %g}\n", ml, round1((hi - lo) / 4) + 0.1);
    else if (r < 0.85)
        bprintf(b, "    duration: {dist: normal, mean: %g, sd: %g}\n", ml, round1((hi - lo) / 6) + 0.1);
    else if (r < 0.90)
        bprintf(b, "    duration: {dist: trigen, low: %g, likely: %g, high: %g, low_pct: 10, high_pct: 90}\n",
                lo, ml, hi);
    else if (r < 0.95)
        bprintf(b, "    duration: {dist: discrete, values: [%g, %g, %g], weights: [1, 3, 1]}\n", lo, ml, hi);
    else
        bprintf(b, "    duration: %g\n", ml);
}

/* Project file text: N tasks, N/10 risks, layered links (one to five
 * predecessors, three on average, mostly among the recent tasks, every link
 * type, some lags), costs on a fifth of the tasks, correlation groups. The
 * same N and SEED always give the same text. */
static void gen_network(buf *b, int n, uint64_t seed)
{
    rng_state = seed * 0x2545f4914f6cdd1dULL + (uint64_t)n;
    int nr = n / 10;
    bprintf(b, "version: 1\nproject:\n  name: generated %d tasks %d risks\n", n, nr);
    bprintf(b, "  start: 2027-01-04\n  currency: EUR\n  overhead_per_day: 1500\n"
               "  deadline: 2029-06-29\n  penalty_per_day: 2000\n  budget: 5000000\n");
    bprintf(b, "calendar:\n  holidays: [2027-05-03, {from: 2027-10-01, to: 2027-10-07}, 2028-01-03]\n");
    bprintf(b, "tasks:\n");
    for (int i = 0; i < n; i++) {
        bprintf(b, "  - id: t%d\n", i);
        gen_duration(b, round1(rnd_in(1, 8)));
        if (rnd() < 0.2) {
            int rate = rnd_int(5, 30) * 50;
            bprintf(b, "    cost: {fixed: %d, rate: [%d, %d, %d]}\n", rnd_int(1, 50) * 100,
                    rate * 4 / 5, rate, rate * 3 / 2);
        }
        if (i == 0)
            continue;
        static const int npred[] = {1, 2, 3, 3, 4, 5};
        int k = npred[rnd_int(0, 5)], preds[5], np = 0;
        for (int j = 0; j < k; j++) {
            int back = 1 + (int)(-12.0 * log(1.0 - rnd()));
            int p = back > i ? 0 : i - back;
            int dup = 0;
            for (int q = 0; q < np; q++)
                dup |= preds[q] == p;
            if (!dup)
                preds[np++] = p;
        }
        bprintf(b, "    after: [");
        for (int j = 0; j < np; j++) {
            double r = rnd();
            if (r < 0.8)
                bprintf(b, "%st%d", j ? ", " : "", preds[j]);
            else {
                static const double lags[] = {0, 1, 2, -1, 0.5};
                const char *type = r < 0.9 ? "SS" : r < 0.97 ? "FF" : "SF";
                bprintf(b, "%s{task: t%d, type: %s, lag: %g}", j ? ", " : "", preds[j], type,
                        lags[rnd_int(0, 4)]);
            }
        }
        bprintf(b, "]\n");
    }
    if (nr)
        bprintf(b, "risks:\n");
    for (int k = 0; k < nr; k++) {
        bprintf(b, "  - id: r%d\n    name: generated risk %d\n", k, k);
        if (rnd() < 0.2)
            bprintf(b, "    frequency: %.2f\n", rnd_in(0.2, 1.5));
        else
            bprintf(b, "    probability: %.2f\n", rnd_in(0.05, 0.6));
        int hit[4], nh = pick_tasks(hit, rnd_int(1, 4), n);
        bprintf(b, "    impacts:\n      - tasks: [");
        for (int j = 0; j < nh; j++)
            bprintf(b, "%st%d", j ? ", " : "", hit[j]);
        bprintf(b, "]\n");
        if (rnd() < 0.3)
            bprintf(b, "        scale: [1.05, %.2f, %.2f]\n", rnd_in(1.1, 1.4), rnd_in(1.5, 2.0));
        else {
            int d = rnd_int(1, 10);
            bprintf(b, "        delay: [%d, %d, %d]\n", d, 2 * d, 4 * d);
        }
        if (rnd() < 0.5) {
            int c = rnd_int(1, 20) * 1000;
            bprintf(b, "        cost: [%d, %d, %d]\n", c, 2 * c, 5 * c);
        }
        if (rnd() < 0.4)
            bprintf(b, "    mitigation:\n      cost: %d\n      probability: %.2f\n",
                    rnd_int(1, 10) * 1000, rnd_in(0.01, 0.05));
    }
    int groups = n / 250 < 2 ? 2 : n / 250 > 40 ? 40 : n / 250;
    bprintf(b, "correlations:\n");
    for (int g = 0; g < groups; g++) {
        int ids[5], ni = pick_tasks(ids, rnd_int(2, 5), n);
        if (ni < 2)
            ids[ni++] = ids[0] == 0 ? 1 : 0;
        bprintf(b, "  - {tasks: [");
        for (int j = 0; j < ni; j++)
            bprintf(b, "%st%d", j ? ", " : "", ids[j]);
        bprintf(b, "], coefficient: %.2f}\n", rnd_in(0.2, 0.7));
    }
}

/* ---- PSPLIB j120 -> three-point estimates ----------------------------------- */

#define SM_MAXJOBS 200

/* The line after the one containing HEAD, skipping SKIP more lines. */
static char *after_line(char *s, const char *head, int skip)
{
    char *p = strstr(s, head);
    for (int i = 0; p && i <= skip; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return p;
}

/* Append the project file of the .sm file PATH to B (tasks prefixed PFX so
 * several instances can share one file). Returns the number of jobs or -1. */
static int sm_yaml(const char *path, buf *b)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text)
        return -1;
    static int dur[SM_MAXJOBS + 1], nsucc[SM_MAXJOBS + 1], succ[SM_MAXJOBS + 1][SM_MAXJOBS];
    int n = -1, pronr, jobs;
    char *p = after_line(text, "PROJECT INFORMATION:", 1);
    if (!p || sscanf(p, "%d %d", &pronr, &jobs) != 2 || jobs + 2 > SM_MAXJOBS)
        goto out;
    n = jobs + 2;
    p = after_line(text, "PRECEDENCE RELATIONS:", 1);
    for (int j = 1; j <= n; j++) {
        int nr, modes, ns, used;
        if (!p || sscanf(p, "%d %d %d%n", &nr, &modes, &ns, &used) != 3 || nr != j || ns >= SM_MAXJOBS)
            goto bad;
        char *q = p + used;
        nsucc[j] = ns;
        for (int k = 0; k < ns; k++) {
            if (sscanf(q, "%d%n", &succ[j][k], &used) != 1 || succ[j][k] < 1 || succ[j][k] > n)
                goto bad;
            q += used;
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    p = after_line(text, "REQUESTS/DURATIONS:", 2);
    for (int j = 1; j <= n; j++) {
        int nr, mode;
        if (!p || sscanf(p, "%d %d %d", &nr, &mode, &dur[j]) != 3 || nr != j)
            goto bad;
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    bprintf(b, "version: 1\nproject:\n  name: PSPLIB %s\n  start: 2027-01-04\ntasks:\n", path);
    for (int j = 1; j <= n; j++) {
        bprintf(b, "  - id: j%d\n", j);
        if (dur[j] == 0)
            bprintf(b, "    duration: 0\n");
        else
            bprintf(b, "    duration: [%g, %d, %g]\n", 0.8 * dur[j], dur[j], 1.5 * dur[j]);
        int first = 1;
        for (int i = 1; i <= n; i++)
            for (int k = 0; k < nsucc[i]; k++)
                if (succ[i][k] == j) {
                    bprintf(b, "%sj%d", first ? "    after: [" : ", ", i);
                    first = 0;
                }
        if (!first)
            bprintf(b, "]\n");
    }
    goto out;
bad:
    n = -1;
out:
    free(text);
    return n;
}

/* ---- timing ------------------------------------------------------------------- */

static rc_model *load_text(const char *text, size_t len, const char *what)
{
    rc_diags d;
    rc_diags_init(&d, what);
    rc_model *m = NULL;
    if (rc_load_buffer(text, len, &m, &d) != RC_LOAD_OK) {
        for (size_t i = 0; i < d.n; i++)
            fprintf(stderr, "%s:%d:%d: %s\n", what, d.items[i].mark.line, d.items[i].mark.col,
                    d.items[i].msg);
        die("%s does not load", what);
    }
    rc_diags_delete(&d);
    return m;
}

/* load_text() of the file at PATH. */
static rc_model *load_path(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    if (!text)
        die("cannot read %s", path);
    rc_model *m = load_text(text, len, path);
    free(text);
    return m;
}

enum { BASE, ANALYSIS, FULL, SHAPLEY };

static volatile sig_atomic_t cancel_flag;
/* the last run of time_sim() has a reserve split; if left out, the most
 * iterations at which the engine makes it (0: none) */
static int last_split;
static long last_split_max;
static double progress_done;

static void on_progress(void *ctx, double fraction) { progress_done = fraction; }
static void on_alarm(int sig) { cancel_flag = 1; }

/* Seconds of one rc_simulate of M (negative: cancelled). */
static double time_sim(const rc_model *m, int kind, long iterations, int threads)
{
    rc_sim_options o;
    rc_sim_options_init(&o);
    o.iterations = iterations;
    o.seed = 20270104;
    o.threads = threads;
    o.analysis = kind != BASE;
    o.variants = kind == FULL || kind == SHAPLEY;
    o.shapley = kind == SHAPLEY;
    o.cancel = &cancel_flag;
    o.progress = on_progress;
    rc_result r;
    double t0 = now();
    int rc = rc_simulate(m, &o, &r, NULL);
    double t = now() - t0;
    static const char *kinds[] = {"base", "analysis", "full", "full+reserve split"};
    fprintf(stderr, "bench: %d tasks, %s, %ld iterations, %d thread(s): %.3f s%s\n", m->n_tasks,
            kinds[kind], iterations, threads, t, rc == 1 ? " (cancelled)" : "");
    if (rc < 0)
        die("rc_simulate ran out of memory");
    last_split = rc == 0 && r.has_shapley;
    last_split_max = rc == 0 && r.shapley_left_out ? r.shapley_max_iterations : 0;
    rc_result_delete(&r);
    return rc == 1 ? -t : t;
}

/* Median seconds of RUNS simulations of the NM models MS (summed). */
static double median_sim(rc_model **ms, int nm, int kind, long iterations, int threads, int runs)
{
    double t[16];
    for (int k = 0; k < runs; k++) {
        t[k] = 0;
        for (int i = 0; i < nm; i++)
            t[k] += time_sim(ms[i], kind, iterations, threads);
    }
    return median(t, runs);
}

/* The largest of 1, 2, 5 x 10^k at most X. */
static long round_125(double x)
{
    long p = 1;
    while (p * 10 <= x)
        p *= 10;
    return x >= 5 * p ? 5 * p : x >= 2 * p ? 2 * p : p;
}

/* Iterations for one measurement: NOMINAL, or fewer when one run with every
 * thread would take longer than BUDGET seconds. Pilot runs of 1, 10, 100, ...
 * iterations give a fixed cost and a cost per iteration (two-point fit). */
static double pilot_s;   /* the first pilot's seconds */

static long pick_iterations(rc_model **ms, int nm, int kind, long nominal, double budget, int threads)
{
    long it = 1;
    double t = pilot_s = median_sim(ms, nm, kind, it, threads, 1);
    for (;;) {
        if (it >= nominal || t > budget)
            return it;
        long it2 = it * 10 > nominal ? nominal : it * 10;
        double t2 = median_sim(ms, nm, kind, it2, threads, 1);
        if (it2 == nominal && t2 <= 1.5 * budget)
            return nominal;
        if (t2 > budget / 4 || it2 == nominal) {
            double per = (t2 - t) / (double)(it2 - it);
            if (per < 1e-3 * t2 / (double)it2)
                per = 1e-3 * t2 / (double)it2;
            double fixed = t2 - per * (double)it2;
            if (fixed < 0)
                fixed = 0;
            double want = (budget - fixed) / per;
            long est = want < 1 ? 1 : round_125(want);
            long lo = t2 <= budget ? it2 : it;
            return est > nominal ? nominal : est < lo ? lo : est;
        }
        it = it2;
        t = t2;
    }
}

/* ---- child processes: peak memory and wall time ------------------------------ */

typedef struct {
    double seconds;
    long maxrss_kb;
    int status;
} child_result;

/* Run ARGV[0] with stdout to OUT (NULL: /dev/null); its wall time, peak RSS
 * and exit status. */
static child_result run_child(char *const argv[], const char *out)
{
    child_result cr = {0, 0, -1};
    fflush(NULL);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        die("fork: %s", strerror(errno));
    if (pid == 0) {
        if (!freopen(out ? out : "/dev/null", "w", stdout))
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    struct rusage ru;
    int st;
    while (wait4(pid, &st, 0, &ru) < 0)
        if (errno != EINTR)
            die("wait4: %s", strerror(errno));
    cr.seconds = now() - t0;
    cr.maxrss_kb = ru.ru_maxrss;
    cr.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return cr;
}

/* --sim FILE ITERATIONS THREADS base|analysis|full|shapley: one simulation; prints
 * its seconds. The peak-memory measurements run this in a child. */
static int sim_main(char **argv)
{
    rc_model *m = load_path(argv[0]);
    int kind = !strcmp(argv[3], "base")       ? BASE
               : !strcmp(argv[3], "analysis") ? ANALYSIS
               : !strcmp(argv[3], "full")     ? FULL
                                              : SHAPLEY;
    const char *cap = getenv("BENCH_CAP");
    if (cap && atoi(cap) > 0) {
        signal(SIGALRM, on_alarm);
        alarm((unsigned)atoi(cap));
    }
    double t = time_sim(m, kind, atol(argv[1]), atoi(argv[2]));
    /* seconds (negative: cancelled), progress fraction, the engine's memory estimate */
    printf("%.3f %.4f %.1f\n", t, t < 0 ? progress_done : 1.0,
           (double)rc_sim_memory(m, atol(argv[1]), atoi(argv[2])) / (1024.0 * 1024.0));
    rc_model_free(m);
    return 0;
}

/* ---- the header ----------------------------------------------------------------- */

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = 0;
}

static void cmd_line(const char *cmd, char *out, size_t n)
{
    snprintf(out, n, "?");
    FILE *p = popen(cmd, "r");
    if (!p)
        return;
    if (!fgets(out, (int)n, p))
        snprintf(out, n, "?");
    pclose(p);
    trim(out);
}

static void cpu_model(char *out, size_t n)
{
    snprintf(out, n, "?");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "model name", 10)) {
            char *c = strchr(line, ':');
            if (c) {
                snprintf(out, n, "%s", c + 2);
                trim(out);
            }
            break;
        }
    fclose(f);
}

/* The machine's processor time so far, in clock ticks: all of it, and the
 * part a hypervisor gave to other guests (steal; Linux, /proc/stat). 0: unknown. */
static int cpu_ticks(unsigned long long *total, unsigned long long *steal)
{
    FILE *f = fopen("/proc/stat", "r");
    unsigned long long v[8] = {0};
    int k = f ? fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                       &v[4], &v[5], &v[6], &v[7])
              : 0;
    if (f)
        fclose(f);
    if (k != 8)
        return 0;
    *total = 0;
    for (int i = 0; i < 8; i++)
        *total += v[i];
    *steal = v[7];
    return 1;
}

static void loadavg(char *out, size_t n)
{
    double l[3] = {0, 0, 0};
    if (getloadavg(l, 3) == 3)
        snprintf(out, n, "%.2f %.2f %.2f", l[0], l[1], l[2]);
    else
        snprintf(out, n, "?");
}

/* ---- the report ------------------------------------------------------------------- */

typedef struct {
    const char *name;
    long tasks;          /* summed over the instances */
    int risks;
    long it_base, it_an, it_full;
    double base1, baseN, an1, anN, full1, fullN; /* median seconds */
} row;

static int nthreads;
static double budget;    /* seconds for one run with every thread */

static double mtips(const row *r, long it, double s) { return (double)r->tasks * (double)it / s / 1e6; }
/* full / base, per iteration */
static double overhead(const row *r, double full, double base)
{
    return (full / (double)r->it_full) / (base / (double)r->it_base);
}
static double overhead_an(const row *r, double full, double an)
{
    return (full / (double)r->it_full) / (an / (double)r->it_an);
}

static void print_row(const row *r)
{
    printf("| %s | %ld | %d | %ld | %.3f | %.3f | %ld | %.3f | %.3f | %ld | %.3f | %.3f | %.3g | %.3g | %.3g | %.3g "
           "| %.3g | %.3g | %.2f | %.2f | %.2f | %.3g | %.3g |\n",
           r->name, r->tasks, r->risks, r->it_base, r->base1, r->baseN, r->it_an, r->an1, r->anN,
           r->it_full, r->full1, r->fullN, mtips(r, r->it_base, r->base1), mtips(r, r->it_base, r->baseN),
           mtips(r, r->it_an, r->an1), mtips(r, r->it_an, r->anN), mtips(r, r->it_full, r->full1),
           mtips(r, r->it_full, r->fullN), r->base1 / r->baseN, r->an1 / r->anN, r->full1 / r->fullN,
           overhead(r, r->fullN, r->baseN), overhead_an(r, r->fullN, r->anN));
    fflush(stdout);
}

/* Times of KIND at *IT iterations; a single iteration that already takes
 * over four budgets is timed once (the pilot) per thread count. */
static void measure_kind(rc_model **ms, int nm, int kind, long nominal, int runs, long *it,
                         double *t1, double *tN, int *single)
{
    *it = pick_iterations(ms, nm, kind, nominal, budget, nthreads);
    if (*it == 1 && pilot_s > 4 * budget) {
        *single = 1;
        *tN = pilot_s;
        *t1 = median_sim(ms, nm, kind, 1, 1, 1);
        return;
    }
    /* 1 thread and every thread in turn, so that a slow spell of the
     * machine falls on both and their ratio holds */
    double a1[16], aN[16];
    for (int k = 0; k < runs; k++) {
        a1[k] = aN[k] = 0;
        for (int i = 0; i < nm; i++)
            aN[k] += time_sim(ms[i], kind, *it, nthreads);
        for (int i = 0; i < nm; i++)
            a1[k] += time_sim(ms[i], kind, *it, 1);
    }
    *tN = median(aN, runs);
    *t1 = median(a1, runs);
}

static int n_single;

static void measure(row *r, rc_model **ms, int nm, long nominal, int runs)
{
    int single = 0;
    measure_kind(ms, nm, BASE, nominal, runs, &r->it_base, &r->base1, &r->baseN, &single);
    measure_kind(ms, nm, ANALYSIS, nominal, runs, &r->it_an, &r->an1, &r->anN, &single);
    measure_kind(ms, nm, FULL, nominal, runs, &r->it_full, &r->full1, &r->fullN, &single);
    n_single += single;
}

static const char *verdict(int ok) { return ok ? "PASS" : "FAIL"; }

typedef struct {
    long iterations;
    double seconds, done, estimate_mb, peak_mb;
    int finished;
    const char *kind;
} peak;

/* Peak RSS of one simulation of KIND (full, analysis) of FILE in a child,
 * stopped after CAP seconds. */
static peak measure_peak(const char *self, const char *file, long iterations, int cap,
                         const char *work, const char *kind)
{
    peak pk = {iterations, 0, 0, 0, 0, 0, kind};
    char it[32], th[16], capenv[32], out[1024];
    snprintf(it, sizeof it, "%ld", iterations);
    snprintf(th, sizeof th, "%d", nthreads);
    snprintf(capenv, sizeof capenv, "%d", cap);
    snprintf(out, sizeof out, "%s/peak.out", work);
    setenv("BENCH_CAP", capenv, 1);
    char *av[] = {(char *)self, "--sim", (char *)file, it, th, (char *)kind, NULL};
    child_result cr = run_child(av, out);
    unsetenv("BENCH_CAP");
    if (cr.status)
        die("the peak-memory child exited with %d", cr.status);
    FILE *f = fopen(out, "r");
    if (!f || fscanf(f, "%lf %lf %lf", &pk.seconds, &pk.done, &pk.estimate_mb) != 3)
        die("cannot read %s", out);
    fclose(f);
    pk.finished = pk.seconds >= 0;
    pk.seconds = fabs(pk.seconds);
    pk.peak_mb = (double)cr.maxrss_kb / 1024;
    return pk;
}

static void print_peak(const peak *pk)
{
    printf("| %s, synthetic 10000 | %ld | %.1f | %s | %.1f | %.1f |\n",
           !strcmp(pk->kind, "full") ? "full analysis" : "criticality and sensitivity", pk->iterations,
           pk->seconds, pk->finished ? "finished" : "stopped", pk->peak_mb, pk->estimate_mb);
    if (!pk->finished)
        printf("|  (stopped at the time cap, %.1f%% done by the progress callback) | | | | | |\n",
               100 * pk->done);
    fflush(stdout);
}

/* The yardstick the speed target is set against, "a bare single-threaded
 * loop of one uniform, one inverse triangular CDF and the forward pass",
 * on M's network: per iteration and task one uniform of the engine's
 * generator, the inverse CDF of a triangular (the minimum, most likely and
 * maximum of a triangular or PERT, the triangular of a TRIGEN; for other
 * kinds 0.8, 1 and 1.5 x the plan value), then its start from its
 * predecessor links (their types and lags, no branch on them) and its
 * finish. Scalar, one thread, no risks, costs, correlations, criticality or
 * sensitivity. Returns the median seconds of RUNS runs of IT iterations,
 * and the mean project duration into *MEAN (the loop's result, so that it
 * is computed). */
static volatile double bare_kept;

/* A where MASK is all ones, else B, without a branch. Which side of its
 * mode a triangular's uniform falls is a coin flip the processor cannot
 * predict; written as a branch (GCC keeps `left ? x : y` one here), the
 * loop waits on a misprediction for about half the tasks and runs at
 * about 60% of this speed. */
static inline double pick(uint64_t mask, double a, double b)
{
    uint64_t x, y;
    memcpy(&x, &a, sizeof x);
    memcpy(&y, &b, sizeof y);
    x = (x & mask) | (y & ~mask);
    memcpy(&a, &x, sizeof a);
    return a;
}

static double bare_seconds(const rc_model *m, long it, int runs, double *mean)
{
    rc_net *net = rc_net_compile(m, false, NULL);
    if (!net)
        die("out of memory");
    int n = net->n, nl = net->m;
    double *lo = malloc(sizeof *lo * (size_t)(n + 1)), *hi = malloc(sizeof *hi * (size_t)(n + 1));
    double *fm = malloc(sizeof *fm * (size_t)(n + 1)), *wl = malloc(sizeof *wl * (size_t)(n + 1));
    double *wh = malloc(sizeof *wh * (size_t)(n + 1)), *esf = malloc(sizeof *esf * 2 * (size_t)(n + 1));
    int *src = malloc(sizeof *src * (size_t)(nl + 1));
    double *lag = malloc(sizeof *lag * (size_t)(nl + 1)), *tofin = malloc(sizeof *tofin * (size_t)(nl + 1));
    if (!lo || !hi || !fm || !wl || !wh || !esf || !src || !lag || !tofin)
        die("out of memory");
    for (int p = 0; p < n; p++) {
        const rc_dist *d = net->dur[p];
        double a, b, c;
        if (d->kind == RC_DIST_TRIANGULAR || d->kind == RC_DIST_PERT)
            a = d->a, b = d->b, c = d->c;
        else if (d->kind == RC_DIST_TRIGEN)
            a = d->p1, b = d->b, c = d->p2;
        else
            b = rc_dist_plan(d), a = 0.8 * b, c = 1.5 * b;
        if (!(c > a))
            c = a + 1e-9;
        lo[p] = a, hi[p] = c, fm[p] = (b - a) / (c - a);
        wl[p] = (c - a) * (b - a), wh[p] = (c - a) * (c - b);
    }
    /* each link: its source's start (2q) or finish (2q + 1) in esf, its
     * lag, and 1 where it binds the successor's finish */
    for (int e = 0; e < nl; e++) {
        int ty = net->pred_type[e];
        src[e] = 2 * net->pred_pos[e] + (ty == RC_LINK_FS || ty == RC_LINK_FF);
        lag[e] = net->pred_lag[e];
        tofin[e] = ty == RC_LINK_FF || ty == RC_LINK_SF;
    }
    double t[16], sink = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        for (long i = 0; i < it; i++) {
            double D = 0;
            uint64_t ctr = rc_uniform_ctr((uint64_t)i, 0);
            for (int p = 0; p < n; p++) {
                double u = rc_uniform_at(net->key[p], ctr);
                uint64_t left = -(uint64_t)(u < fm[p]);
                double sq = sqrt(pick(left, u * wl[p], (1 - u) * wh[p]));
                double d = pick(left, lo[p] + sq, hi[p] - sq);
                double s = net->min_start[p];
                for (int e = net->pred_start[p]; e < net->pred_start[p + 1]; e++) {
                    double x = esf[src[e]] + lag[e] - tofin[e] * d;
                    s = x > s ? x : s;
                }
                esf[2 * p] = s, esf[2 * p + 1] = s + d;
                D = s + d > D ? s + d : D;
            }
            sink += D;
        }
        t[r] = now() - t0;
    }
    *mean = sink / runs / (double)it;
    bare_kept = *mean; /* the loop's result leaves the function, whatever inlining does */
    free(lo), free(hi), free(fm), free(wl), free(wh), free(esf), free(src), free(lag), free(tofin);
    rc_net_free(net);
    return median(t, runs);
}

/* --bare FILE ITERATIONS: bare_seconds() of FILE, 5 runs. */
static int bare_main(char **argv)
{
    rc_model *m = load_path(argv[0]);
    long it = atol(argv[1]);
    double mean, s = bare_seconds(m, it, 5, &mean);
    printf("%.3f s, %.1f million task-iterations/s (mean project duration %.3f)\n", s,
           (double)m->n_tasks * (double)it / s / 1e6, mean);
    rc_model_free(m);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 6 && !strcmp(argv[1], "--sim"))
        return sim_main(argv + 2);
    if (argc == 4 && !strcmp(argv[1], "--bare"))
        return bare_main(argv + 2);
    if (argc == 4 && !strcmp(argv[1], "--gen")) {
        buf b = {0};
        gen_network(&b, atoi(argv[2]), 1);
        write_file(argv[3], &b);
        free(b.s);
        return 0;
    }
    int quick = 0, longrun = 0;
    const char *riskcast = "./riskcast", *data = "tests/data", *work = "build/bench";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--quick"))
            quick = 1;
        else if (!strcmp(argv[i], "--long"))
            longrun = 1;
        else if (!strcmp(argv[i], "--riskcast") && i + 1 < argc)
            riskcast = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--work") && i + 1 < argc)
            work = argv[++i];
        else
            die("usage: bench [--quick] [--long] [--riskcast PATH] [--data DIR] [--work DIR]\n"
                "       bench --sim FILE ITERATIONS THREADS base|analysis|full|shapley\n"
                "       bench --bare FILE ITERATIONS\n"
                "       bench --gen TASKS FILE");
    }
    mkdir(work, 0777);
    nthreads = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (nthreads < 1)
        nthreads = 1;
    char self[4096];
    ssize_t sl = readlink("/proc/self/exe", self, sizeof self - 1);
    if (sl <= 0)
        die("cannot find this program: %s", strerror(errno));
    self[sl] = 0;

    char machine[80], cpu[256], commit[64], dirty[64], date[64], la0[64], la1[64];
    struct utsname un;
    snprintf(machine, sizeof machine, "%s", uname(&un) == 0 ? un.machine : "?");
    cpu_model(cpu, sizeof cpu);
    cmd_line("git rev-parse --short HEAD 2>/dev/null", commit, sizeof commit);
    cmd_line("git status --porcelain --untracked-files=no -- src include 2>/dev/null | wc -l", dirty,
             sizeof dirty);
    time_t tt = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&tt));
    loadavg(la0, sizeof la0);
    unsigned long long tick0 = 0, steal0 = 0, tick1 = 0, steal1 = 0;
    int ticks = cpu_ticks(&tick0, &steal0);
    double t_start = now();

    int runs = quick ? 3 : 5, runs_big = quick ? 1 : 3;
    budget = quick ? 0.25 : 2.0;
    int cap = quick ? 5 : 60;
    static const int sizes[3] = {1000, 10000, 100000};
    static const long nominal[3] = {10000, 10000, 1000};
    long peak_iters[2] = {100000, 1000000};

    printf("# riskcast benchmark%s\n\n", quick ? " (quick)" : "");
    printf("- date: %s\n- commit: %s%s\n- machine: %s, %s, %d processors\n", date, commit,
           strcmp(dirty, "0") ? " (with uncommitted changes in src/ or include/)" : "", machine,
           cpu, nthreads);
    printf("- load average at start (1, 5, 15 min): %s\n", la0);
    printf("- base = pass 1 (durations, costs, criticality by a backward pass); analysis = base + "
           "sensitivity and finish ranges (the full analysis of the base simulation); full = analysis "
           "+ risk contributions and mitigation values (no reserve split)\n");
    printf("- times in seconds: median of %d runs (%d for the 100,000-task network) with 1 thread "
           "(1T) and %d threads (%dT), the two run in turn; Mti/s = million task-iterations per second = tasks x "
           "iterations / seconds; xN = 1T time / %dT time; full/base and full/an = time per "
           "iteration of full over base and over analysis, %dT\n",
           runs, runs_big, nthreads, nthreads, nthreads, nthreads);
    printf("- iterations: 10,000 (100,000-task network: 1,000), reduced (1-2-5 steps) where one "
           "%dT run would take over %.2g s, estimated from pilot runs of 1, 10, 100, ... iterations (fixed cost + cost per iteration; a single iteration over %.2g s is "
           "timed once per thread count instead of a median)\n\n",
           nthreads, budget, 4 * budget);
    printf("| network | tasks | risks | base iter | base 1T s | base %dT s | an iter | an 1T s | an %dT s "
           "| full iter | full 1T s | full %dT s | base 1T Mti/s | base %dT Mti/s | an 1T Mti/s | an %dT "
           "Mti/s | full 1T Mti/s | full %dT Mti/s | base x%d | an x%d | full x%d | full/base | full/an |\n",
           nthreads, nthreads, nthreads, nthreads, nthreads, nthreads, nthreads, nthreads, nthreads);
    printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    fflush(stdout);

    row rows[8];
    int nrows = 0;
    char gen_path[3][512];
    long shapley_it = 0;
    int shapley_split = 0;
    double shapley_s = 0, bare_mtis[2] = {0, 0}, bare_ratio[2] = {0, 0};
    for (int s = 0; s < 3; s++) {
        buf b = {0};
        gen_network(&b, sizes[s], 1);
        snprintf(gen_path[s], sizeof gen_path[s], "%s/gen-%d.yaml", work, sizes[s]);
        write_file(gen_path[s], &b);
        if (quick && s == 2) {
            free(b.s);
            continue;
        }
        rc_model *m = load_text(b.s, b.len, gen_path[s]);
        free(b.s);
        static char names[3][32];
        snprintf(names[s], sizeof names[s], "synthetic %d", sizes[s]);
        row *r = &rows[nrows++];
        memset(r, 0, sizeof *r);
        r->name = names[s];
        r->tasks = m->n_tasks;
        r->risks = m->n_risks;
        measure(r, &m, 1, nominal[s], s == 2 ? runs_big : runs);
        print_row(r);
        if (s == 0) {
            /* the engine leaves the split out where it would take more
             * than its budget of work (analysis.c), and the run is then
             * only the full analysis: then the largest 1-2-5 step at which
             * the engine says it still splits */
            shapley_it = pick_iterations(&m, 1, SHAPLEY, nominal[s], budget, nthreads);
            time_sim(m, SHAPLEY, shapley_it, nthreads);
            if (!last_split)
                shapley_it = last_split_max > 0 ? round_125((double)last_split_max) : 1;
            shapley_s = median_sim(&m, 1, SHAPLEY, shapley_it, nthreads, quick ? 1 : 3);
            shapley_split = last_split;
        }
        if (s < 2) {
            /* the yardstick, at the analysis's iterations, each run beside
             * one of the analysis on every thread: the machine's speed
             * changes by up to half within minutes, and a pair run in turn
             * shares it */
            double tb[16], ratio[16], mean;
            for (int k = 0; k < runs; k++) {
                tb[k] = bare_seconds(m, r->it_an, 1, &mean);
                ratio[k] = tb[k] / time_sim(m, ANALYSIS, r->it_an, nthreads);
            }
            bare_mtis[s] = mtips(r, r->it_an, median(tb, runs));
            bare_ratio[s] = median(ratio, runs);
        }
        rc_model_free(m);
    }

    /* PSPLIB j120: the first instances in name order, each its own model. */
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/psplib/j120", data);
    struct dirent **ents = NULL;
    int ne = scandir(dir, &ents, NULL, versionsort);
    int want = quick ? 3 : 10, nm = 0;
    rc_model *pm[16];
    long ptasks = 0;
    for (int i = 0; i < ne; i++) {
        size_t l = strlen(ents[i]->d_name);
        if (nm < want && l > 3 && !strcmp(ents[i]->d_name + l - 3, ".sm")) {
            char path[2048];
            snprintf(path, sizeof path, "%s/%s", dir, ents[i]->d_name);
            buf b = {0};
            if (sm_yaml(path, &b) < 0)
                die("cannot read %s", path);
            pm[nm] = load_text(b.s, b.len, path);
            ptasks += pm[nm]->n_tasks;
            nm++;
            free(b.s);
        }
        free(ents[i]);
    }
    free(ents);
    static char pname[64];
    if (nm) {
        snprintf(pname, sizeof pname, "PSPLIB j120 (%d files, each run in turn)", nm);
        row *r = &rows[nrows++];
        memset(r, 0, sizeof *r);
        r->name = pname;
        r->tasks = ptasks;
        measure(r, pm, nm, 10000, runs);
        print_row(r);
        for (int i = 0; i < nm; i++)
            rc_model_free(pm[i]);
    } else
        printf("| PSPLIB j120: no .sm files in %s |\n", dir);

    /* XER: riskcast import, then the same measurements on its output. */
    char xer[1024], xyaml[1024];
    snprintf(xer, sizeof xer, "%s/import/SP10-cost-loaded.xer", data);
    snprintf(xyaml, sizeof xyaml, "%s/SP10-cost-loaded.yaml", work);
    double imp[16], import_s = 0;
    int imp_ok = access(xer, R_OK) == 0;
    for (int k = 0; imp_ok && k < runs; k++) {
        char *av[] = {(char *)riskcast, "import", xer, "-o", xyaml, NULL};
        child_result cr = run_child(av, NULL);
        imp_ok = cr.status == 0;
        imp[k] = cr.seconds;
    }
    row *xr = NULL;
    if (imp_ok) {
        import_s = median(imp, runs);
        rc_model *m = load_path(xyaml);
        xr = &rows[nrows++];
        memset(xr, 0, sizeof *xr);
        xr->name = "XER SP10-cost-loaded (imported)";
        xr->tasks = m->n_tasks;
        xr->risks = m->n_risks;
        measure(xr, &m, 1, 10000, runs);
        print_row(xr);
        rc_model_free(m);
    } else
        printf("| XER: %s could not be imported with %s |\n", xer, riskcast);

    /* Peak memory: full analysis of the 10,000-task network in a child. */
    printf("\nPeak memory (ru_maxrss of a child process, %dT, full analysis; a run still going "
           "after %d s is stopped through the cancel flag; estimate = the engine's rc_sim_memory):\n\n",
           nthreads, cap);
    printf("| run | iterations | seconds | | peak MB | estimate MB |\n|---|--:|--:|---|--:|--:|\n");
    peak pk[2];
    for (int k = 0; k < 2; k++) {
        pk[k] = measure_peak(self, gen_path[1], peak_iters[k], cap, work, "full");
        print_peak(&pk[k]);
    }
    /* --long: the 1,000,000-iteration run to its end, with criticality and
     * sensitivity (the full analysis at that size takes hours: its variants
     * run in chunks that each repeat the iterations) */
    peak pl = {0, 0, 0, 0, 0, 0, "analysis"};
    if (longrun) {
        pl = measure_peak(self, gen_path[1], peak_iters[1], 3600, work, "analysis");
        print_peak(&pl);
    }

    /* Targets. */
    row *r1 = &rows[0], *r10 = &rows[1];
    printf("\nTargets (PASS/FAIL is informative; the exit status is 0 either way):\n\n");
    double v = mtips(r10, r10->it_an, r10->anN);
    printf("- %s: the full analysis of the base simulation (criticality, sensitivity), %dT, 10,000-task "
           "network: %.2f million task-iterations/s (target >= 150; %ld iterations); with risk "
           "contributions and mitigation values as well: %.3g\n",
           verdict(v >= 150), nthreads, v, r10->it_an, mtips(r10, r10->it_full, r10->fullN));
    printf("- the target's yardstick, \"a bare single-threaded loop of one uniform, one inverse "
           "triangular CDF and the forward pass\" (scalar, on the same networks, triangulars in place "
           "of their distributions, no risks, costs, correlations or criticality; `bench --bare`): "
           "%.1f million task-iterations/s on the 10,000-task network, %.1f on the 1,000 (the target "
           "was set where it did about 145, i.e. at 1.03 x it). The full analysis of the base "
           "simulation, %dT, runs at %.2f x it on the 10,000-task network, %.2f x on the 1,000 "
           "(medians of %d pairs run in turn)\n",
           bare_mtis[1], bare_mtis[0], nthreads, bare_ratio[1], bare_ratio[0], runs);
    printf("- %s: %dT vs 1T, analysis, 10,000-task network: x%.2f (target >= 1.8); base x%.2f, full x%.2f\n",
           verdict(r10->an1 / r10->anN >= 1.8), nthreads, r10->an1 / r10->anN, r10->base1 / r10->baseN,
           r10->full1 / r10->fullN);
    double ov = overhead(r1, r1->fullN, r1->baseN);
    printf("- %s: risk contributions and mitigation values, %d risks, 1,000-task network: "
           "full / base = %.2f per iteration, %dT (1T: %.2f; full / analysis %.2f) (target <= 3; base "
           "at %ld, full at %ld iterations%s)\n",
           verdict(ov <= 3), r1->risks, ov, nthreads, overhead(r1, r1->full1, r1->base1),
           overhead_an(r1, r1->fullN, r1->anN), r1->it_base, r1->it_full,
           r1->it_full < 10000 ? ", not the 10,000 of the target" : "");
    if (pk[1].finished)
        printf("- %s: peak memory, 10,000-task network, %ld iterations: %.1f MB (target <= 300 MB)\n",
               verdict(pk[1].peak_mb <= 300), pk[1].iterations, pk[1].peak_mb);
    else if (pl.finished)
        printf("- %s: peak memory, 10,000-task network, %ld iterations, with criticality and "
               "sensitivity: %.1f MB in %.0f s (target <= 300 MB); the full analysis was stopped "
               "after %d s at %.1f MB, the engine's estimate for it %.1f MB\n",
               verdict(pl.peak_mb <= 300), pl.iterations, pl.peak_mb, pl.seconds, cap, pk[1].peak_mb,
               pk[1].estimate_mb);
    else
        printf("- FAIL: peak memory, 10,000-task network, %ld iterations: not shown, the run did not "
               "finish in %d s (peak %.1f MB when stopped at %.1f%%; the engine's estimate %.1f MB) "
               "(target <= 300 MB; --long, or make bench BENCH_LONG=1, runs the analysis at that "
               "size to its end)\n",
               pk[1].iterations, cap, pk[1].peak_mb, 100 * pk[1].done, pk[1].estimate_mb);
    printf("- peak memory against iterations: %.1f MB at %ld, %.1f MB at %ld iterations (x%.2f for "
           "x%.0f the iterations%s)\n",
           pk[0].peak_mb, pk[0].iterations, pk[1].peak_mb, pk[1].iterations,
           pk[1].peak_mb / pk[0].peak_mb, (double)pk[1].iterations / (double)pk[0].iterations,
           pk[0].finished && pk[1].finished ? "" : "; stopped runs understate it");
    printf("\nAlso measured:\n\n");
    /* (no figure per iteration: the split has a large part that does not
     * grow with the iterations, and a short run would be all of it) */
    printf("- reserve split (Shapley) with the full analysis, 1,000-task network, %ld iteration(s)%s, "
           "%dT: %.3f s",
           shapley_it,
           shapley_split ? " (no more than the engine still splits at: past its own budget of work "
                           "it leaves the split out)"
                         : ", the split left out by the engine even so",
           nthreads, shapley_s);
    if (shapley_it == r1->it_full)
        printf(" (the full analysis alone at as many iterations: %.3f s)", r1->fullN);
    printf("\n");
    if (xr)
        printf("- riskcast import of SP10-cost-loaded.xer: %.3f s (median); import + full analysis at "
               "%ld iterations, %dT: %.3f s\n",
               import_s, xr->it_full, nthreads, import_s + xr->fullN);
    if (n_single)
        printf("- %d measurement(s) above ran a single iteration once (no median)\n", n_single);
    if (quick)
        printf("- quick mode: no 100,000-task network, %d runs, %.2g s per run\n", runs, budget);
    loadavg(la1, sizeof la1);
    printf("- load average at end (1, 5, 15 min): %s; benchmark time %.0f s\n", la1, now() - t_start);
    if (ticks && cpu_ticks(&tick1, &steal1) && tick1 > tick0)
        printf("- processor time the host gave to other machines meanwhile (steal): %.1f%% (on a shared "
               "virtual machine the timings above are slower and noisier by about as much)\n",
               100.0 * (double)(steal1 - steal0) / (double)(tick1 - tick0));
    return 0;
}
