/* test_psplib.c - the deterministic plan on the 1,080 PSPLIB networks.
 *
 * Each tests/data/psplib/{j30,j120} .sm file (see the README there) lists
 * jobs with durations and successors, and states the network's critical-path
 * length as MPM-Time. For every file the test writes a project file with one
 * task per job (fixed duration, finish-to-start links to its predecessors),
 * loads it, compiles the network and computes the plan: the plan's duration
 * must equal MPM-Time exactly, the sink must be critical, and every task's
 * early start must satisfy its links.
 *
 * The data directory is tests/data/psplib from the repository root (where
 * `make test` runs), or $RC_PSPLIB_DIR.
 */
#include <dirent.h>
#include <stdlib.h>

#include "load.h"
#include "network.h"
#include "test.h"

#define MAXJOBS 200

typedef struct {
    int n, mpm;
    int dur[MAXJOBS + 1];
    int nsucc[MAXJOBS + 1];
    int succ[MAXJOBS + 1][MAXJOBS];
} sm_file;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)len + 1);
    if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[len] = 0;
    fclose(f);
    return buf;
}

/* The line after the one starting with HEAD, skipping SKIP more lines. */
static char *after_line(char *s, const char *head, int skip)
{
    char *p = strstr(s, head);
    if (!p)
        return NULL;
    for (int i = 0; i <= skip; i++) {
        p = strchr(p, '\n');
        if (!p)
            return NULL;
        p++;
    }
    return p;
}

/* Parse a .sm file. Returns 0 or -1. */
static int sm_parse(const char *path, sm_file *sm)
{
    char *text = slurp(path);
    if (!text)
        return -1;
    int rc = -1;
    memset(sm, 0, sizeof *sm);
    char *p = after_line(text, "PROJECT INFORMATION:", 1);
    int pronr, jobs, rel, due, tard;
    if (!p || sscanf(p, "%d %d %d %d %d %d", &pronr, &jobs, &rel, &due, &tard, &sm->mpm) != 6)
        goto out;
    sm->n = jobs + 2; /* with the dummy source and sink */
    if (sm->n > MAXJOBS)
        goto out;
    p = after_line(text, "PRECEDENCE RELATIONS:", 1);
    for (int j = 1; p && j <= sm->n; j++) {
        int nr, modes, ns, used;
        if (sscanf(p, "%d %d %d%n", &nr, &modes, &ns, &used) != 3 || nr != j || ns >= MAXJOBS)
            goto out;
        char *q = p + used;
        sm->nsucc[j] = ns;
        for (int k = 0; k < ns; k++) {
            int s;
            if (sscanf(q, "%d%n", &s, &used) != 1 || s < 1 || s > sm->n)
                goto out;
            sm->succ[j][k] = s;
            q += used;
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    p = after_line(text, "REQUESTS/DURATIONS:", 2);
    for (int j = 1; p && j <= sm->n; j++) {
        int nr, mode, d;
        if (sscanf(p, "%d %d %d", &nr, &mode, &d) != 3 || nr != j)
            goto out;
        sm->dur[j] = d;
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    rc = p ? 0 : -1;
out:
    free(text);
    return rc;
}

/* A project file of SM: task jK per job, fixed durations, FS links. */
static char *sm_yaml(const sm_file *sm)
{
    size_t cap = 4096 + (size_t)sm->n * 64 + (size_t)sm->n * MAXJOBS * 8, len = 0;
    char *y = malloc(cap);
    if (!y)
        return NULL;
    len += (size_t)snprintf(y + len, cap - len,
                            "version: 1\nproject:\n  start: 2027-01-04\ntasks:\n");
    for (int j = 1; j <= sm->n; j++) {
        len += (size_t)snprintf(y + len, cap - len, "  - id: j%d\n    duration: %d\n", j,
                                sm->dur[j]);
        int first = 1;
        for (int i = 1; i <= sm->n; i++)
            for (int k = 0; k < sm->nsucc[i]; k++)
                if (sm->succ[i][k] == j) {
                    len += (size_t)snprintf(y + len, cap - len, "%sj%d", first ? "    after: [" : ", ", i);
                    first = 0;
                }
        if (!first)
            len += (size_t)snprintf(y + len, cap - len, "]\n");
    }
    return y;
}

static const char *data_dir(void)
{
    const char *d = getenv("RC_PSPLIB_DIR");
    return d ? d : "tests/data/psplib";
}

/* Checks every .sm file of SUB; returns how many were checked. */
static int check_set(const char *sub, int *failures)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", data_dir(), sub);
    DIR *dp = opendir(dir);
    if (!dp) {
        printf("  cannot open %s\n", dir);
        return 0;
    }
    static sm_file sm;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        size_t L = strlen(e->d_name);
        if (L < 4 || strcmp(e->d_name + L - 3, ".sm") != 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        count++;
        if (sm_parse(path, &sm) != 0) {
            printf("  %s: cannot parse\n", path);
            (*failures)++;
            continue;
        }
        char *y = sm_yaml(&sm);
        rc_model *m = NULL;
        rc_diags d;
        rc_diags_init(&d, path);
        if (!y || rc_load_buffer(y, strlen(y), &m, &d) != RC_LOAD_OK) {
            printf("  %s: the generated project file does not load\n", path);
            (*failures)++;
            free(y);
            rc_diags_delete(&d);
            continue;
        }
        rc_net *net = rc_net_compile(m, false, NULL);
        rc_plan plan;
        int bad = !net || net->n != sm.n || rc_plan_compute(net, &plan) != 0;
        if (!bad) {
            if (plan.duration != (double)sm.mpm) {
                printf("  %s: plan %g, MPM-Time %d\n", path, plan.duration, sm.mpm);
                bad = 1;
            }
            /* the sink (the last job) ends the project and is critical */
            int sink = net->pos_of[sm.n - 1];
            if (plan.ef[sink] != (double)sm.mpm || !plan.critical[sink])
                bad = 1;
            /* every link is met; at least one link or day 0 binds each start */
            for (int i = 0; i < sm.n && !bad; i++) {
                int pi = net->pos_of[i];
                double need = 0;
                for (int k = 0; k < sm.nsucc[i + 1]; k++) {
                    int ps = net->pos_of[sm.succ[i + 1][k] - 1];
                    if (plan.es[ps] < plan.ef[pi])
                        bad = 1;
                }
                for (int q = 1; q <= sm.n; q++)
                    for (int k = 0; k < sm.nsucc[q]; k++)
                        if (sm.succ[q][k] == i + 1 && plan.ef[net->pos_of[q - 1]] > need)
                            need = plan.ef[net->pos_of[q - 1]];
                if (plan.es[pi] != need)
                    bad = 1;
            }
            rc_plan_delete(&plan);
        }
        if (bad) {
            printf("  %s: wrong plan\n", path);
            (*failures)++;
        }
        rc_net_free(net);
        rc_model_free(m);
        rc_diags_delete(&d);
        free(y);
    }
    closedir(dp);
    return count;
}

TEST(j30_all_480)
{
    int fails = 0, n = check_set("j30", &fails);
    CHECK_INT(n, 480);
    CHECK_INT(fails, 0);
}

TEST(j120_all_600)
{
    int fails = 0, n = check_set("j120", &fails);
    CHECK_INT(n, 600);
    CHECK_INT(fails, 0);
}

int main(void)
{
    RUN(j30_all_480);
    RUN(j120_all_600);
    return TEST_END();
}
