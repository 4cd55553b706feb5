/* fileio.c - bounded reads and atomic writes. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *rc_read_file(const char *path, size_t limit, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        snprintf(err, errlen, "is a directory, not a file");
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            if (cap >= limit) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "the file is larger than the limit of %zu MiB",
                         limit / (1024 * 1024));
                return NULL;
            }
            size_t ncap = cap * 2 > limit ? limit : cap * 2;
            char *p = realloc(buf, ncap + 1);
            if (!p) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "out of memory");
                return NULL;
            }
            buf = p;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                int e = errno;
                free(buf);
                fclose(f);
                snprintf(err, errlen, "read error: %s", strerror(e ? e : EIO));
                return NULL;
            }
            if (n == cap && cap >= limit) {
                /* exactly at the limit: more bytes follow only if a read gets one */
                int ch = fgetc(f);
                if (ch != EOF) {
                    free(buf);
                    fclose(f);
                    snprintf(err, errlen, "the file is larger than the limit of %zu MiB",
                             limit / (1024 * 1024));
                    return NULL;
                }
            }
            if (n < cap || feof(f))
                break;
        }
    }
    fclose(f);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Temporary files open now, for the interrupt path. */
#define RC_MAX_OPEN_OUT 64
static char *volatile open_tmp[RC_MAX_OPEN_OUT];

static void track(char *tmp, int add)
{
    for (int i = 0; i < RC_MAX_OPEN_OUT; i++) {
        if (add && !open_tmp[i]) {
            open_tmp[i] = tmp;
            return;
        }
        if (!add && open_tmp[i] == tmp) {
            open_tmp[i] = NULL;
            return;
        }
    }
}

void rc_out_cleanup_all(void)
{
    for (int i = 0; i < RC_MAX_OPEN_OUT; i++)
        if (open_tmp[i])
            unlink(open_tmp[i]);
}

int rc_out_open(rc_outfile *o, const char *path, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    /* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in
     * place: renaming a temporary file over it would replace the device
     * node itself (as root) and a partial write to it means nothing. */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(err, errlen, "cannot write: it is a directory");
            return -1;
        }
        o->path = strdup(path);
        o->f = o->path ? fopen(path, "wb") : NULL;
        if (!o->f) {
            snprintf(err, errlen, "cannot write: %s", o->path ? strerror(errno) : "out of memory");
            rc_out_abort(o);
            return -1;
        }
        return 0;
    }
    size_t n = strlen(path) + 32;
    o->path = strdup(path);
    o->tmp = malloc(n);
    if (!o->path || !o->tmp) {
        rc_out_abort(o);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* beside the target, so that rename() stays on one file system */
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    snprintf(o->tmp, n, "%.*s.%s.tmpXXXXXX", dirlen, path, slash ? slash + 1 : path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write: %s", strerror(errno));
        free(o->tmp);
        o->tmp = NULL;
        rc_out_abort(o);
        return -1;
    }
    fchmod(fd, 0644 & ~0); /* mkstemp makes 0600; outputs are ordinary files */
    o->f = fdopen(fd, "wb");
    if (!o->f) {
        snprintf(err, errlen, "cannot write: %s", strerror(errno));
        close(fd);
        rc_out_abort(o);
        return -1;
    }
    track(o->tmp, 1);
    return 0;
}

int rc_out_commit(rc_outfile *o, char *err, size_t errlen)
{
    int e = 0;
    errno = 0;
    if (fflush(o->f) != 0 || ferror(o->f))
        e = errno ? errno : EIO;
    if (!e && fsync(fileno(o->f)) != 0 && errno != EINVAL && errno != EROFS)
        e = errno;
    if (fclose(o->f) != 0 && !e)
        e = errno ? errno : EIO;
    o->f = NULL;
    if (!e && o->tmp && rename(o->tmp, o->path) != 0)
        e = errno;
    if (e) {
        snprintf(err, errlen, "cannot write: %s", strerror(e));
        rc_out_abort(o);
        return -1;
    }
    track(o->tmp, 0);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return 0;
}

void rc_out_abort(rc_outfile *o)
{
    if (!o)
        return;
    if (o->f)
        fclose(o->f);
    if (o->tmp) {
        unlink(o->tmp);
        track(o->tmp, 0);
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

int rc_write_file(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    rc_outfile o;
    if (rc_out_open(&o, path, err, errlen))
        return -1;
    if (len && fwrite(data, 1, len, o.f) != len) {
        snprintf(err, errlen, "cannot write: %s", strerror(errno ? errno : EIO));
        rc_out_abort(&o);
        return -1;
    }
    return rc_out_commit(&o, err, errlen);
}

bool rc_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
