/* test_fuzz_regress.c - replays the inputs the fuzzers once broke the
 * program with (tests/fuzz/regress/{load,xer,mspdi}/), without libFuzzer,
 * through the same entry points as the harnesses in tests/fuzz/. Each file
 * must go through without a crash; the sanitizer build (`make
 * SANITIZER=address,undefined test`) turns any memory error or leak into a
 * failure. Paths are relative to the repository root (tests/run.sh runs
 * from there). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fileio.h"
#include "fuzz/fuzz_import.h"
#include "load.h"
#include "model.h"
#include "test.h"

static void load_one(const char *buf, size_t len)
{
    rc_diags d;
    rc_diags_init(&d, "regress.yaml");
    rc_model *m = NULL;
    if (rc_load_buffer(buf, len, &m, &d) == RC_LOAD_OK)
        rc_model_free(m);
    rc_diags_delete(&d);
}

/* Feeds every regular file of DIR to ONE; returns how many, -1 when DIR
 * cannot be opened. */
static int replay(const char *dir, void (*one)(const char *, size_t))
{
    DIR *dh = opendir(dir);
    if (!dh)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dh))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char err[256];
        char *buf = rc_read_file(path, (size_t)64 << 20, &len, err, sizeof err);
        if (!buf)
            continue;   /* a subdirectory or an unreadable file */
        printf("# replay %s (%zu bytes)\n", path, len);
        one(buf, len);
        free(buf);
        n++;
    }
    closedir(dh);
    return n;
}

TEST(regress_load)  { CHECK(replay("tests/fuzz/regress/load", load_one) >= 0); }
TEST(regress_xer)   { CHECK(replay("tests/fuzz/regress/xer", rc_fuzz_import_one) >= 0); }
TEST(regress_mspdi) { CHECK(replay("tests/fuzz/regress/mspdi", rc_fuzz_import_one) >= 0); }

/* The harnesses' seeds go through too: the corpus the campaigns start from
 * must itself be clean. */
TEST(seeds) {
    CHECK(replay("tests/fuzz/seeds/load", load_one) >= 0);
    CHECK(replay("tests/fuzz/seeds/xer", rc_fuzz_import_one) >= 0);
    CHECK(replay("tests/fuzz/seeds/mspdi", rc_fuzz_import_one) >= 0);
}

int main(void)
{
    RUN(regress_load);
    RUN(regress_xer);
    RUN(regress_mspdi);
    RUN(seeds);
    return TEST_END();
}
