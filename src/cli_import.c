/* cli_import.c - `riskcast import SCHEDULE [-o OUT.yaml] [--range LOW,HIGH]`.
 *
 * Reads a Microsoft Project XML or Primavera P6 XER file and writes a
 * riskcast project file to stdout or to OUT (through a temporary file in
 * the same directory, renamed into place, so a failed run never leaves half
 * a file). The summary of what was imported and what was not goes to stderr.
 * Exit codes of SPEC §1: 0 ok, 1 input errors, 2 usage, 3 file errors.
 */
#include "cli.h"
#include "fileio.h"
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "Usage: riskcast import SCHEDULE [-o OUT.yaml] [--range LOW,HIGH]\n"
    "\n"
    "Reads Microsoft Project XML (MSPDI) or a Primavera P6 XER export and writes\n"
    "a riskcast project file: tasks, milestones, links with their types and lags,\n"
    "the project calendar, costs, progress and the status date. Each remaining\n"
    "duration D becomes the range [D x (1+LOW/100), D, D x (1+HIGH/100)].\n"
    "\n"
    "  -o, --output OUT.yaml  write the project file there (default: stdout)\n"
    "  --range LOW,HIGH       percent around each duration (default -10,25)\n"
    "  --keep-calendar-days   keep the day counts of activities on calendars\n"
    "                         with another work week (default: rescale them to\n"
    "                         the project week, keeping their elapsed time)\n"
    "  -q, --quiet            no summary on stderr\n"
    "  -h, --help             this help\n";

static int parse_range(const char *s, double *lo, double *hi)
{
    char *end;
    errno = 0;
    double a = strtod(s, &end);
    if (errno || end == s || *end != ',')
        return -1;
    const char *t = end + 1;
    double b = strtod(t, &end);
    if (errno || end == t || *end)
        return -1;
    if (!(a > -100 && a <= 0 && b >= 0 && b <= 1000))
        return -1;
    *lo = a;
    *hi = b;
    return 0;
}

int rc_cmd_import(int argc, char **argv)
{
    const char *in = NULL, *out = NULL;
    bool quiet = false;
    rc_import_options o;
    rc_import_options_init(&o);
    /* argv[0] is the command name ("import") */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return RC_EXIT_OK;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (++i >= argc) {
                fprintf(stderr, "riskcast import: %s needs a file name\n%s", a, usage);
                return RC_EXIT_USAGE;
            }
            out = argv[i];
        } else if (strncmp(a, "--output=", 9) == 0) {
            out = a + 9;
        } else if (strcmp(a, "--range") == 0 || strncmp(a, "--range=", 8) == 0) {
            const char *v = a[7] == '=' ? a + 8 : (++i < argc ? argv[i] : NULL);
            if (!v || parse_range(v, &o.range_low, &o.range_high)) {
                fprintf(stderr, "riskcast import: --range wants LOW,HIGH in percent "
                                "with -100 < LOW <= 0 <= HIGH, e.g. --range -10,25\n");
                return RC_EXIT_USAGE;
            }
        } else if (strcmp(a, "--keep-calendar-days") == 0) {
            o.convert_calendars = false;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "riskcast import: unknown option %s\n%s", a, usage);
            return RC_EXIT_USAGE;
        } else if (!in) {
            in = a;
        } else {
            fprintf(stderr, "riskcast import: one schedule at a time (%s and %s)\n",
                    in, a);
            return RC_EXIT_USAGE;
        }
    }
    if (!in) {
        fprintf(stderr, "riskcast import: which schedule?\n%s", usage);
        return RC_EXIT_USAGE;
    }
    if (out && strcmp(out, "-") == 0)
        out = NULL;
    if (out) {
        struct stat si, so;
        if (strcmp(in, out) == 0 ||
            (stat(in, &si) == 0 && stat(out, &so) == 0 && si.st_dev == so.st_dev &&
             si.st_ino == so.st_ino)) {
            fprintf(stderr, "riskcast import: -o %s would overwrite the schedule "
                            "being imported\n", out);
            return RC_EXIT_USAGE;
        }
    }

    rc_diags d;
    rc_diags_init(&d, in);
    rc_import_result r;
    char err[512] = "";
    int rc = rc_import_file(in, &o, &r, &d, err, sizeof err);
    rc_diags_sort(&d);
    rc_cli_print_diags(stderr, &d);
    if (rc == 3) {
        fprintf(stderr, "riskcast: %s\n", err);
        rc_diags_delete(&d);
        return RC_EXIT_IO;
    }
    if (rc != 0) {
        rc_diags_delete(&d);
        return RC_EXIT_INPUT;
    }
    int code = RC_EXIT_OK;
    if (out) {
        /* through a temporary file renamed into place (removed on interrupt) */
        if (rc_write_file(out, r.yaml, r.len, err, sizeof err)) {
            fprintf(stderr, "riskcast: %s: %s\n", out, err);
            code = RC_EXIT_IO;
        }
    } else {
        if (fwrite(r.yaml, 1, r.len, stdout) != r.len || fflush(stdout) != 0) {
            fprintf(stderr, "riskcast: cannot write to stdout: %s\n", strerror(errno));
            code = RC_EXIT_IO;
        }
    }
    if (code == RC_EXIT_OK && !quiet) {
        fputs(r.summary, stderr);
        if (out)
            fprintf(stderr, "wrote %s\n", out);
    }
    rc_import_result_delete(&r);
    rc_diags_delete(&d);
    return code;
}
