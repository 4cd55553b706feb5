/* cli_common.c - helpers shared by the command-line front ends. */
#include "cli_common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "fileio.h"
#include "load.h"
#include "output.h"

volatile sig_atomic_t rc_cli_interrupted;

static void on_signal(int sig)
{
    rc_cli_interrupted = sig;
}

void rc_cli_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int rc_cli_interrupted_exit(void)
{
    rc_out_cleanup_all();
    fprintf(stderr, "\nriskcast: interrupted; no output was written\n");
    return 128 + (rc_cli_interrupted ? (int)rc_cli_interrupted : SIGINT);
}

int rc_cli_parse_ulong(const char *s, unsigned long long max, unsigned long long *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = v;
    return 0;
}

int rc_cli_load_model(const char *file, rc_model **m)
{
    rc_diags d;
    rc_diags_init(&d, file);
    char err[512] = "";
    rc_load_status st = rc_load_file(file, m, &d, err, sizeof err);
    rc_diags_sort(&d);
    rc_cli_print_diags(stderr, &d);
    int code = RC_EXIT_OK;
    if (st == RC_LOAD_IO) {
        fprintf(stderr, "riskcast: %s: %s\n", file, err);
        code = RC_EXIT_IO;
    } else if (st != RC_LOAD_OK) {
        fprintf(stderr, "riskcast: %s: %zu error%s\n", file, d.n_errors, d.n_errors == 1 ? "" : "s");
        code = RC_EXIT_INPUT;
    }
    rc_diags_delete(&d);
    return code;
}

int rc_cli_ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
    /* like mkdir -p: the missing parents first */
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path)
        return errno = ENAMETOOLONG, -1;
    memcpy(path, dir, n + 1);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = 0;
        if (stat(path, &st) != 0) {
            if (mkdir(path, 0777) != 0 && errno != EEXIST)
                return -1;
        } else if (!S_ISDIR(st.st_mode)) {
            return errno = ENOTDIR, -1;
        }
        *p = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

int rc_cli_ensure_parent(const char *file)
{
    const char *slash = strrchr(file, '/');
    if (!slash || slash == file)
        return 0;
    char dir[4096];
    size_t n = (size_t)(slash - file);
    if (n >= sizeof dir)
        return errno = ENAMETOOLONG, -1;
    memcpy(dir, file, n);
    dir[n] = 0;
    return rc_cli_ensure_dir(dir);
}

int rc_cli_write_json(json_t *j, const char *path)
{
    char *s = j ? rc_json_dump(j) : NULL;
    json_decref(j);
    if (!s) {
        fprintf(stderr, "riskcast: out of memory writing JSON\n");
        return RC_EXIT_IO;
    }
    int code = RC_EXIT_OK;
    if (!strcmp(path, "-")) {
        fputs(s, stdout);
        fputc('\n', stdout);
    } else {
        char err[1200];
        size_t len = strlen(s);
        s[len] = '\n'; /* the terminator's place: the file ends with a newline */
        if (rc_write_file(path, s, len + 1, err, sizeof err)) {
            fprintf(stderr, "riskcast: %s: %s\n", path, err);
            code = RC_EXIT_IO;
        }
    }
    free(s);
    return code;
}
