/* import.c - schedule import: format detection, the shared in-between form,
 * network checks (unknown activities, cycles), and the YAML writer.
 *
 * The readers (import_xer.c, import_mspdi.c) turn a source file into an
 * rc_imp_project whose durations and lags are already in working days of
 * the project calendar. This file gives every activity a unique id, checks
 * the links, and writes the project file of SPEC §2 with a comment beside
 * each value saying where it came from, plus the summary for stderr.
 *
 * Three-point ranges: a remaining duration D becomes
 *     [D x (1 + low/100), D, D x (1 + high/100)]
 * with low <= 0 <= high in percent (default -10, +25).
 */
#include "import.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------------ */

char *rc_imp_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

char *rc_imp_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = malloc((size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void rc_imp_note(rc_imp_project *p, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    size_t len = strlen(buf);
    if (p->notes_len + len + 2 > p->notes_cap) {
        size_t cap = p->notes_cap ? p->notes_cap * 2 : 1024;
        while (cap < p->notes_len + len + 2)
            cap *= 2;
        char *q = realloc(p->notes, cap);
        if (!q)
            return;
        p->notes = q;
        p->notes_cap = cap;
    }
    memcpy(p->notes + p->notes_len, buf, len);
    p->notes_len += len;
    p->notes[p->notes_len++] = '\n';
    p->notes[p->notes_len] = '\0';
}

/* Room for one more element in *ARR (N used of *CAP): the capacity doubles,
 * starting at FIRST. Returns 0, or -1 when memory ran out (*ARR unchanged). */
static int grow(void **arr, int n, int *cap, size_t elem, int first)
{
    if (n < *cap)
        return 0;
    int c = *cap ? *cap * 2 : first;
    void *q = realloc(*arr, (size_t)c * elem);
    if (!q)
        return -1;
    *arr = q;
    *cap = c;
    return 0;
}

rc_imp_task *rc_imp_add_task(rc_imp_project *p)
{
    if (grow((void **)&p->tasks, p->n_tasks, &p->cap_tasks, sizeof *p->tasks, 64))
        return NULL;
    rc_imp_task *t = &p->tasks[p->n_tasks++];
    memset(t, 0, sizeof *t);
    return t;
}

rc_imp_link *rc_imp_add_link(rc_imp_task *t)
{
    if (grow((void **)&t->links, t->n_links, &t->cap_links, sizeof *t->links, 4))
        return NULL;
    rc_imp_link *l = &t->links[t->n_links++];
    memset(l, 0, sizeof *l);
    l->pred = -1;
    return l;
}

int rc_imp_add_date(rc_imp_date **v, int *n, int *cap, rc_imp_date d)
{
    if (grow((void **)v, *n, cap, sizeof **v, 32))
        return -1;
    (*v)[(*n)++] = d;
    return 0;
}

/* Days from 1970-01-01 (H. Hinnant's civil-date algorithm). */
rc_imp_date rc_imp_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (rc_imp_date)(era * 146097 + (int)doe - 719468);
}

void rc_imp_civil_from_days(rc_imp_date z0, int *y, int *m, int *d)
{
    long z = (long)z0 + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

int rc_imp_weekday(rc_imp_date z)
{
    /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    int w = (int)(((long)z + 3) % 7);
    return w < 0 ? w + 7 : w;
}

static int parse_fixed_int(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int rc_imp_parse_datetime(const char *s, rc_imp_date *out, double *hours)
{
    int y, m, d;
    if (!s)
        return -1;
    while (*s == ' ')
        s++;
    if (strlen(s) < 10 || parse_fixed_int(s, 4, &y) || s[4] != '-' ||
        parse_fixed_int(s + 5, 2, &m) || s[7] != '-' ||
        parse_fixed_int(s + 8, 2, &d))
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    rc_imp_date z = rc_imp_days_from_civil(y, m, d);
    int y2, m2, d2;
    rc_imp_civil_from_days(z, &y2, &m2, &d2);
    if (y2 != y || m2 != m || d2 != d)
        return -1;
    double h = 0;
    const char *t = s + 10;
    if (*t == 'T' || *t == ' ') {
        int hh, mm;
        t++;
        if (strlen(t) >= 5 && !parse_fixed_int(t, 2, &hh) && t[2] == ':' &&
            !parse_fixed_int(t + 3, 2, &mm) && hh <= 24 && mm < 60)
            h = hh + mm / 60.0;
        else
            return -1;
    } else if (*t != '\0') {
        return -1;
    }
    *out = z;
    if (hours)
        *hours = h;
    return 0;
}

int rc_imp_parse_double(const char *s, double *out)
{
    if (!s)
        return -1;
    while (*s == ' ')
        s++;
    if (!*s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || !isfinite(v))
        return -1;
    while (*end == ' ')
        end++;
    if (*end)
        return -1;
    *out = v;
    return 0;
}

void rc_import_options_init(rc_import_options *o)
{
    o->range_low = -10;
    o->range_high = 25;
    o->convert_calendars = true;
}

/* ---- the output buffer ------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
    bool failed;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *q = realloc(b->s, cap);
        if (!q) {
            b->failed = true;
            return;
        }
        b->s = q;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof buf) {
        sb_put(b, buf, (size_t)n);
        return;
    }
    char *p = malloc((size_t)n + 1);
    if (!p) {
        b->failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_put(b, p, (size_t)n);
    free(p);
}

/* A number as YAML: up to 10 significant digits, no exponent, no "-0". */
static void fmt_num(char out[64], double v)
{
    if (fabs(v) < 5e-10)
        v = 0;
    snprintf(out, 64, "%.10g", v);
    if (strchr(out, 'e')) {
        snprintf(out, 64, "%.6f", v);
        char *e = out + strlen(out) - 1;
        while (e > out && *e == '0')
            *e-- = '\0';
        if (*e == '.')
            *e = '\0';
    }
}

static void sb_num(sbuf *b, double v)
{
    char t[64];
    fmt_num(t, v);
    sb_puts(b, t);
}

static void sb_date(sbuf *b, rc_imp_date z)
{
    int y, m, d;
    rc_imp_civil_from_days(z, &y, &m, &d);
    sb_printf(b, "%04d-%02d-%02d", y, m, d);
}

/* Decode one UTF-8 sequence at S (N bytes left); returns its length and the
 * code point, or 0 when the bytes are not valid UTF-8. */
static int utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int len;
    unsigned c, min;
    if ((s[0] & 0xE0) == 0xC0) { len = 2; c = s[0] & 0x1F; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { len = 3; c = s[0] & 0x0F; min = 0x800; }
    else if ((s[0] & 0xF8) == 0xF0) { len = 4; c = s[0] & 0x07; min = 0x10000; }
    else return 0;
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* A YAML double-quoted scalar: backslash, quote and control characters
 * escaped, other UTF-8 kept as it is, invalid bytes replaced by U+FFFD. */
static void sb_quoted(sbuf *b, const char *s)
{
    sb_put(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n > 0) {
        unsigned cp;
        int k = utf8_decode(p, n, &cp);
        if (k == 0) {
            sb_puts(b, "\xEF\xBF\xBD");
            p++;
            n--;
            continue;
        }
        if (cp == '"')
            sb_puts(b, "\\\"");
        else if (cp == '\\')
            sb_puts(b, "\\\\");
        else if (cp == '\n')
            sb_puts(b, "\\n");
        else if (cp == '\t')
            sb_puts(b, "\\t");
        else if (cp == '\r')
            sb_puts(b, "\\r");
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            sb_printf(b, "\\x%02X", cp);
        else if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
            sb_printf(b, "\\u%04X", cp);
        else
            sb_put(b, (const char *)p, (size_t)k);
        p += k;
        n -= (size_t)k;
    }
    sb_put(b, "\"", 1);
}

/* A comment: one line, no control characters. */
static void sb_comment(sbuf *b, const char *s)
{
    sb_puts(b, "  # ");
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        sb_put(b, c < 0x20 || c == 0x7F ? " " : p, 1);
    }
}

/* An id ([A-Za-z0-9_.-]+): plain when it starts with a letter or '_',
 * quoted otherwise so that YAML tools read "1.2" or "10" as text. */
static void sb_id(sbuf *b, const char *id)
{
    char c = id[0];
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')
        sb_puts(b, id);
    else
        sb_printf(b, "\"%s\"", id);
}

/* ---- ids ------------------------------------------------------------------ */

typedef struct {
    char **keys;
    int *vals;
    size_t cap;
} strmap;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int strmap_init(strmap *m, size_t n)
{
    m->cap = 16;
    while (m->cap < 2 * n + 16)
        m->cap *= 2;
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->vals = calloc(m->cap, sizeof *m->vals);
    return m->keys && m->vals ? 0 : -1;
}

static void strmap_free(strmap *m)
{
    free(m->keys);
    free(m->vals);
}

/* The value of KEY, or -1; with INSERT >= 0, insert KEY -> INSERT when
 * absent (the key is not copied). */
static int strmap_get(strmap *m, const char *key, int insert)
{
    size_t i = hash_str(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (strcmp(m->keys[i], key) == 0)
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    if (insert >= 0) {
        m->keys[i] = (char *)key;
        m->vals[i] = insert;
    }
    return -1;
}

static char *sanitize_id(const char *code)
{
    size_t n = code ? strlen(code) : 0;
    char *s = malloc(n + 8);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = code[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                  (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        if (ok)
            s[k++] = c;
        else if (k > 0 && s[k - 1] != '_')
            s[k++] = '_';
    }
    while (k > 0 && s[k - 1] == '_')
        k--;
    if (k == 0) {
        strcpy(s, "task");
        k = 4;
    }
    s[k] = '\0';
    return s;
}

/* ---- network checks ------------------------------------------------------ */

/* Resolve pred_key of every link into an index; unknown keys are errors.
 * Returns the number of errors. */
static int resolve_links(rc_imp_project *p, rc_diags *d)
{
    strmap m;
    if (strmap_init(&m, (size_t)p->n_tasks))
        return 1;
    int errs = 0;
    for (int i = 0; i < p->n_tasks; i++)
        if (p->tasks[i].key && strmap_get(&m, p->tasks[i].key, i) >= 0) {
            rc_error(d, ((rc_mark){p->tasks[i].line, 1}),
                     "activity key %s appears twice", p->tasks[i].key);
            errs++;
        }
    for (int i = 0; i < p->n_tasks; i++) {
        rc_imp_task *t = &p->tasks[i];
        for (int j = 0; j < t->n_links; j++) {
            rc_imp_link *l = &t->links[j];
            if (l->pred >= 0)
                continue;
            l->pred = l->pred_key ? strmap_get(&m, l->pred_key, -1) : -1;
            if (l->pred < 0) {
                rc_error(d, ((rc_mark){l->line, 1}),
                         "link to an unknown activity %s (successor %s)",
                         l->pred_key ? l->pred_key : "(none)",
                         t->code ? t->code : t->key);
                errs++;
            } else if (l->pred == i) {
                rc_error(d, ((rc_mark){l->line, 1}),
                         "activity %s is linked to itself",
                         t->code ? t->code : t->key);
                errs++;
                l->pred = -1;
            }
        }
    }
    strmap_free(&m);
    return errs;
}

/* Kahn's algorithm; a cycle left over is reported once, naming its members
 * and the line of one of its links. Returns the number of errors. */
static int check_cycles(rc_imp_project *p, rc_diags *d)
{
    int n = p->n_tasks;
    int *indeg = calloc((size_t)n + 1, sizeof *indeg);
    int *start = calloc((size_t)n + 1, sizeof *start);
    int nl = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < p->tasks[i].n_links; j++)
            if (p->tasks[i].links[j].pred >= 0)
                nl++;
    int *succ = malloc(((size_t)nl + 1) * sizeof *succ);
    int *queue = malloc(((size_t)n + 1) * sizeof *queue);
    int errs = 0;
    if (!indeg || !start || !succ || !queue) {
        errs = 1;
        goto out;
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < p->tasks[i].n_links; j++) {
            int q = p->tasks[i].links[j].pred;
            if (q >= 0) {
                start[q + 1]++;
                indeg[i]++;
            }
        }
    for (int i = 0; i < n; i++)
        start[i + 1] += start[i];
    {
        int *fill = calloc((size_t)n + 1, sizeof *fill);
        if (!fill) {
            errs = 1;
            goto out;
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p->tasks[i].n_links; j++) {
                int q = p->tasks[i].links[j].pred;
                if (q >= 0)
                    succ[start[q] + fill[q]++] = i;
            }
        free(fill);
    }
    int head = 0, tail = 0;
    for (int i = 0; i < n; i++)
        if (indeg[i] == 0)
            queue[tail++] = i;
    while (head < tail) {
        int v = queue[head++];
        for (int k = start[v]; k < start[v + 1]; k++)
            if (--indeg[succ[k]] == 0)
                queue[tail++] = succ[k];
    }
    if (tail < n) {
        /* walk predecessors inside the leftover set until one repeats */
        int v = -1;
        for (int i = 0; i < n && v < 0; i++)
            if (indeg[i] > 0)
                v = i;
        int *seen = queue; /* reuse: step at which each node was visited */
        for (int i = 0; i < n; i++)
            seen[i] = -1;
        int *path = start; /* no longer needed */
        int len = 0;
        while (seen[v] < 0) {
            seen[v] = len;
            path[len++] = v;
            int next = -1;
            for (int j = 0; j < p->tasks[v].n_links; j++) {
                int q = p->tasks[v].links[j].pred;
                if (q >= 0 && indeg[q] > 0) {
                    next = q;
                    break;
                }
            }
            if (next < 0)
                break;
            v = next;
        }
        int from = seen[v] >= 0 ? seen[v] : 0;
        char msg[900];
        size_t m = 0;
        msg[0] = '\0';
        for (int k = len - 1; k >= from && m < sizeof msg - 80; k--) {
            const rc_imp_task *t = &p->tasks[path[k]];
            m += (size_t)snprintf(msg + m, sizeof msg - m, "%s -> ",
                                  t->code ? t->code : t->key);
        }
        if (m < sizeof msg - 80)
            snprintf(msg + m, sizeof msg - m, "%s",
                     p->tasks[path[len - 1]].code ? p->tasks[path[len - 1]].code
                                                  : p->tasks[path[len - 1]].key);
        const rc_imp_task *t = &p->tasks[path[from]];
        int line = t->line;
        for (int j = 0; j < t->n_links; j++)
            if (t->links[j].pred >= 0 && indeg[t->links[j].pred] > 0) {
                line = t->links[j].line;
                break;
            }
        rc_error(d, ((rc_mark){line, 1}),
                 "the links form a cycle: %s (%d activities are in or after "
                 "cycles)", msg, n - tail);
        errs++;
    }
out:
    free(indeg);
    free(start);
    free(succ);
    free(queue);
    return errs;
}

/* Give every activity a unique id from its activity code. */
static int assign_ids(rc_imp_project *p)
{
    strmap m;
    if (strmap_init(&m, (size_t)p->n_tasks))
        return -1;
    int renamed = 0;
    for (int i = 0; i < p->n_tasks; i++) {
        rc_imp_task *t = &p->tasks[i];
        char *id = sanitize_id(t->code ? t->code : t->key);
        if (!id) {
            strmap_free(&m);
            return -1;
        }
        if (strmap_get(&m, id, -1) >= 0) {
            for (int k = 2;; k++) {
                char *alt = rc_imp_printf("%s-%d", id, k);
                if (!alt) {
                    free(id);
                    strmap_free(&m);
                    return -1;
                }
                if (strmap_get(&m, alt, -1) < 0) {
                    free(id);
                    id = alt;
                    break;
                }
                free(alt);
            }
        }
        if (t->code && strcmp(id, t->code) != 0)
            renamed++;
        t->id = id;
        strmap_get(&m, id, i);
    }
    strmap_free(&m);
    if (renamed)
        rc_imp_note(p, "%d activity codes changed to fit riskcast ids "
                       "([A-Za-z0-9_.-], unique); the original code is in the "
                       "comment beside each", renamed);
    return 0;
}

/* ---- writing ------------------------------------------------------------- */

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri",
                                         "sat", "sun"};
static const char *const link_names[4] = {"FS", "SS", "FF", "SF"};

static int cmp_date(const void *a, const void *b)
{
    rc_imp_date x = *(const rc_imp_date *)a, y = *(const rc_imp_date *)b;
    return x < y ? -1 : x > y;
}

static int sort_unique(rc_imp_date *v, int n)
{
    if (n <= 1)
        return n;
    qsort(v, (size_t)n, sizeof *v, cmp_date);
    int k = 1;
    for (int i = 1; i < n; i++)
        if (v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

/* Holidays as a flow list; runs of 3 or more consecutive days as {from, to}. */
static void write_dates(sbuf *b, const char *key, rc_imp_date *v, int n)
{
    sb_printf(b, "  %s:", key);
    if (n == 0) {
        sb_puts(b, " []\n");
        return;
    }
    sb_puts(b, "\n");
    for (int i = 0; i < n;) {
        int j = i;
        while (j + 1 < n && v[j + 1] == v[j] + 1)
            j++;
        sb_puts(b, "    - ");
        if (j - i >= 2) {
            sb_puts(b, "{from: ");
            sb_date(b, v[i]);
            sb_puts(b, ", to: ");
            sb_date(b, v[j]);
            sb_puts(b, "}\n");
            i = j + 1;
        } else {
            sb_date(b, v[i]);
            sb_puts(b, "\n");
            i++;
        }
    }
}

static void write_yaml(const rc_imp_project *p, const rc_import_options *o,
                       const char *format_name, sbuf *b)
{
    char lo[64], hi[64];
    fmt_num(lo, o->range_low);
    fmt_num(hi, o->range_high);
    sb_printf(b, "# riskcast project file imported from %s.\n", format_name);
    if (p->source_note) {
        sb_puts(b, "# Source: ");
        for (const char *q = p->source_note; *q; q++)
            sb_put(b, (unsigned char)*q < 0x20 ? " " : q, 1);
        sb_puts(b, "\n");
    }
    sb_printf(b, "# Each duration is a three-point range [min, likely, max] around the\n"
                 "# remaining duration (%s%%, %s%s%%): refine them, then fill the risk\n"
                 "# register at the end. Durations and lags are in working days of the\n"
                 "# project calendar below.\n",
              lo, o->range_high >= 0 ? "+" : "", hi);
    sb_puts(b, "version: 1\nproject:\n  name: ");
    sb_quoted(b, p->name ? p->name : "");
    sb_puts(b, "\n");
    if (p->has_start) {
        sb_puts(b, "  start: ");
        sb_date(b, p->start);
        if (p->start_note)
            sb_comment(b, p->start_note);
        sb_puts(b, "\n");
    }
    if (p->currency && *p->currency) {
        sb_puts(b, "  currency: ");
        sb_quoted(b, p->currency);
        sb_puts(b, "\n");
    }
    sb_puts(b, "  default_distribution: triangular\n");
    if (p->has_status) {
        sb_puts(b, "  status_date: ");
        sb_date(b, p->status);
        if (p->status_note)
            sb_comment(b, p->status_note);
        sb_puts(b, "\n");
    }
    sb_puts(b, "calendar:");
    if (p->calendar_note)
        sb_comment(b, p->calendar_note);
    sb_puts(b, "\n  workdays: [");
    bool first = true;
    for (int i = 0; i < 7; i++)
        if (p->workday[i]) {
            sb_printf(b, "%s%s", first ? "" : ", ", day_names[i]);
            first = false;
        }
    sb_puts(b, "]\n");
    write_dates(b, "holidays", p->holidays, p->n_holidays);
    if (p->n_extra)
        write_dates(b, "extra_workdays", p->extra, p->n_extra);

    sb_puts(b, p->n_tasks ? "tasks:\n" : "tasks: []  # nothing to import\n");
    for (int i = 0; i < p->n_tasks; i++) {
        const rc_imp_task *t = &p->tasks[i];
        sb_puts(b, "  - id: ");
        sb_id(b, t->id);
        if (t->src)
            sb_comment(b, t->src);
        sb_puts(b, "\n");
        if (t->name) {
            sb_puts(b, "    name: ");
            sb_quoted(b, t->name);
            sb_puts(b, "\n");
        }
        if (t->milestone) {
            sb_puts(b, "    milestone: true\n");
        } else if (t->done || t->duration <= 0 ||
                   (o->range_low == 0 && o->range_high == 0)) {
            sb_puts(b, "    duration: ");
            sb_num(b, t->duration);
            if (t->duration_note)
                sb_comment(b, t->duration_note);
            sb_puts(b, "\n");
        } else {
            double d = t->duration;
            sb_puts(b, "    duration: [");
            sb_num(b, d * (1 + o->range_low / 100));
            sb_puts(b, ", ");
            sb_num(b, d);
            sb_puts(b, ", ");
            sb_num(b, d * (1 + o->range_high / 100));
            sb_puts(b, "]");
            if (t->duration_note)
                sb_comment(b, t->duration_note);
            sb_puts(b, "\n");
        }
        if (t->other_calendar && t->calendar_note) {
            sb_puts(b, "    # ");
            for (const char *q = t->calendar_note; *q; q++)
                sb_put(b, (unsigned char)*q < 0x20 ? " " : q, 1);
            sb_puts(b, "\n");
        }
        if (t->done)
            sb_puts(b, "    done: true\n");
        else if (t->started)
            sb_puts(b, "    started: true\n");
        if (t->has_cost && !t->done) {
            sb_puts(b, "    cost: {fixed: ");
            sb_num(b, t->cost);
            sb_puts(b, "}");
            if (t->cost_note)
                sb_comment(b, t->cost_note);
            sb_puts(b, "\n");
        }
        if (t->has_actual_cost && t->done) {
            sb_puts(b, "    actual_cost: ");
            sb_num(b, t->actual_cost);
            if (t->cost_note)
                sb_comment(b, t->cost_note);
            sb_puts(b, "\n");
        }
        if (t->has_not_before) {
            sb_puts(b, "    not_before: ");
            sb_date(b, t->not_before);
            if (t->not_before_note)
                sb_comment(b, t->not_before_note);
            sb_puts(b, "\n");
        }
        int nl = 0;
        for (int j = 0; j < t->n_links; j++)
            if (t->links[j].pred >= 0)
                nl++;
        if (nl) {
            sb_puts(b, "    after:\n");
            for (int j = 0; j < t->n_links; j++) {
                const rc_imp_link *l = &t->links[j];
                if (l->pred < 0)
                    continue;
                const char *pid = p->tasks[l->pred].id;
                if (l->type == RC_IMP_FS && l->lag == 0 && !l->note) {
                    sb_puts(b, "      - ");
                    sb_id(b, pid);
                    sb_puts(b, "\n");
                    continue;
                }
                sb_puts(b, "      - {task: ");
                sb_id(b, pid);
                sb_printf(b, ", type: %s", link_names[l->type]);
                if (l->lag != 0) {
                    sb_puts(b, ", lag: ");
                    sb_num(b, l->lag);
                }
                sb_puts(b, "}");
                if (l->note)
                    sb_comment(b, l->note);
                sb_puts(b, "\n");
            }
        }
    }
    sb_puts(b,
            "risks: []\n"
            "# The risk register: replace `risks: []` above with entries like this one.\n"
            "# risks:\n"
            "#   - id: R1\n"
            "#     name: Ground conditions worse than surveyed\n"
            "#     owner: Site manager\n"
            "#     probability: 0.3\n"
            "#     impacts:\n"
            "#       - tasks: [TASK_ID]\n"
            "#         delay: [5, 10, 20]       # working days added to each listed task\n"
            "#         cost: [10000, 25000, 60000]\n"
            "#     mitigation:\n"
            "#       action: Extra boreholes before design freeze\n"
            "#       cost: 8000\n"
            "#       probability: 0.1\n");
}

static void write_summary(const rc_imp_project *p, const rc_import_options *o,
                          const char *format_name, const rc_import_result *c,
                          sbuf *b)
{
    sb_printf(b, "imported %s: %d activities (%d tasks, %d milestones), "
                 "%d links (%d FS, %d SS, %d FF, %d SF)\n",
              format_name, c->tasks, c->tasks - c->milestones, c->milestones,
              c->links, c->links_by_type[0], c->links_by_type[1],
              c->links_by_type[2], c->links_by_type[3]);
    sb_printf(b, "progress: %d done, %d in progress, %d not started\n",
              c->done, c->started, c->tasks - c->done - c->started);
    sb_printf(b, "calendar: %d working days a week, %d holidays, %d extra "
                 "working days (%d calendar%s in the source)\n",
              (int)(p->workday[0] + p->workday[1] + p->workday[2] +
                    p->workday[3] + p->workday[4] + p->workday[5] +
                    p->workday[6]),
              c->holidays, c->extra_workdays, c->calendars,
              c->calendars == 1 ? "" : "s");
    char lo[64], hi[64];
    fmt_num(lo, o->range_low);
    fmt_num(hi, o->range_high);
    sb_printf(b, "durations: three-point ranges %s%% / +%s%% around each "
                 "remaining duration\n", lo, hi);
    if (p->notes_len) {
        sb_puts(b, "not carried over or changed:\n");
        const char *s = p->notes;
        while (*s) {
            const char *e = strchr(s, '\n');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            sb_puts(b, "  - ");
            sb_put(b, s, n);
            sb_puts(b, "\n");
            s += n + (e ? 1 : 0);
        }
    }
}

/* ---- entry points -------------------------------------------------------- */

static void project_delete(rc_imp_project *p)
{
    for (int i = 0; i < p->n_tasks; i++) {
        rc_imp_task *t = &p->tasks[i];
        free(t->key); free(t->id); free(t->code); free(t->name); free(t->src);
        free(t->duration_note); free(t->cost_note); free(t->not_before_note);
        free(t->calendar_note);
        for (int j = 0; j < t->n_links; j++) {
            free(t->links[j].pred_key);
            free(t->links[j].note);
        }
        free(t->links);
    }
    free(p->tasks);
    free(p->name); free(p->currency); free(p->source_note);
    free(p->start_note); free(p->status_note); free(p->calendar_note);
    free(p->holidays); free(p->extra); free(p->notes);
    memset(p, 0, sizeof *p);
}

void rc_import_result_delete(rc_import_result *r)
{
    if (!r)
        return;
    free(r->yaml);
    free(r->summary);
    for (int i = 0; i < r->n_src; i++)
        free(r->src_ids[i]);
    free(r->src_ids);
    free(r->src_finish);
    free(r->src_done);
    free(r->src_other_cal);
    memset(r, 0, sizeof *r);
}

/* The format from the first bytes: XER starts with ERMHDR, MSPDI is XML. */
static int detect(const char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF &&
        (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
        i = 3;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
                       buf[i] == '\n'))
        i++;
    if (len - i >= 6 && memcmp(buf + i, "ERMHDR", 6) == 0)
        return RC_IMPORT_XER;
    if (len - i >= 1 && buf[i] == '<')
        return RC_IMPORT_MSPDI;
    return 0;
}

int rc_import_buffer(const char *buf, size_t len, const rc_import_options *o,
                     rc_import_result *out, rc_diags *d)
{
    rc_import_options defaults;
    if (!o) {
        rc_import_options_init(&defaults);
        o = &defaults;
    }
    memset(out, 0, sizeof *out);
    int fmt;
    if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
        /* UTF-16: libxml2 reads UTF-16 XML; an XER export never is */
        if (len >= 4 && (buf[2] == '<' || buf[3] == '<')) {
            fmt = RC_IMPORT_MSPDI;
        } else {
            rc_error(d, ((rc_mark){1, 1}),
                     "the file is UTF-16 text: export the XER again as "
                     "Windows-1252 or UTF-8 and import that");
            return 1;
        }
    } else {
        fmt = detect(buf, len);
    }
    if (!fmt) {
        rc_error(d, ((rc_mark){1, 1}),
                 "not a schedule riskcast can import: expected a Primavera P6 XER "
                 "file (first line ERMHDR) or Microsoft Project XML (root "
                 "element <Project>)");
        return 1;
    }
    rc_imp_project p;
    memset(&p, 0, sizeof p);
    p.hours_per_day = 8;
    for (int i = 0; i < 5; i++)
        p.workday[i] = true;
    size_t errs_before = d->n_errors;
    int rc = 1;
    const char *format_name = fmt == RC_IMPORT_XER ? "Primavera P6 XER"
                                                   : "Microsoft Project XML (MSPDI)";
    if (fmt == RC_IMPORT_XER)
        rc_imp_read_xer(buf, len, o, &p, d);
    else
        rc_imp_read_mspdi(buf, len, o, &p, d);
    if (d->n_errors > errs_before)
        goto done;
    resolve_links(&p, d);
    if (d->n_errors > errs_before)
        goto done;
    check_cycles(&p, d);
    if (d->n_errors > errs_before)
        goto done;
    if (assign_ids(&p))
        goto done;
    if (p.n_tasks == 0)
        rc_warning(d, ((rc_mark){1, 1}),
                   "no activities to import: the project file needs at least one "
                   "task before riskcast can check or run it");
    p.n_holidays = sort_unique(p.holidays, p.n_holidays);
    p.n_extra = sort_unique(p.extra, p.n_extra);

    rc_import_result c = p.counts;
    c.format = (rc_import_format)fmt;
    c.tasks = p.n_tasks;
    c.milestones = c.links = c.done = c.started = c.other_calendar_tasks = 0;
    memset(c.links_by_type, 0, sizeof c.links_by_type);
    for (int i = 0; i < p.n_tasks; i++) {
        const rc_imp_task *t = &p.tasks[i];
        c.milestones += t->milestone;
        c.done += t->done;
        c.started += !t->done && t->started;
        c.other_calendar_tasks += t->other_calendar;
        for (int j = 0; j < t->n_links; j++)
            if (t->links[j].pred >= 0) {
                c.links++;
                c.links_by_type[t->links[j].type]++;
            }
    }
    c.holidays = p.n_holidays;
    c.extra_workdays = p.n_extra;

    sbuf y = {0}, s = {0};
    write_yaml(&p, o, format_name, &y);
    write_summary(&p, o, format_name, &c, &s);
    if (y.failed || s.failed || !y.s || !s.s) {
        free(y.s);
        free(s.s);
        rc_error(d, ((rc_mark){0, 0}), "out of memory writing the project file");
        goto done;
    }
    c.src_ids = calloc((size_t)p.n_tasks + 1, sizeof *c.src_ids);
    c.src_finish = calloc((size_t)p.n_tasks + 1, sizeof *c.src_finish);
    c.src_done = calloc((size_t)p.n_tasks + 1, sizeof *c.src_done);
    c.src_other_cal = calloc((size_t)p.n_tasks + 1, sizeof *c.src_other_cal);
    if (!c.src_ids || !c.src_finish || !c.src_done || !c.src_other_cal) {
        free(c.src_ids); free(c.src_finish); free(c.src_done); free(c.src_other_cal);
        free(y.s);
        free(s.s);
        rc_error(d, ((rc_mark){0, 0}), "out of memory writing the project file");
        goto done;
    }
    for (int i = 0; i < p.n_tasks; i++) {
        c.src_ids[i] = p.tasks[i].id;   /* moved */
        p.tasks[i].id = NULL;
        c.src_finish[i] = p.tasks[i].has_src_finish ? p.tasks[i].src_finish : INT32_MIN;
        c.src_done[i] = p.tasks[i].done;
        c.src_other_cal[i] = p.tasks[i].other_calendar;
    }
    c.n_src = p.n_tasks;
    *out = c;
    out->yaml = y.s;
    out->len = y.len;
    out->summary = s.s;
    rc = 0;
done:
    project_delete(&p);
    return rc;
}

int rc_import_file(const char *path, const rc_import_options *o,
                   rc_import_result *out, rc_diags *d, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return 3;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "out of memory reading %s", path);
        return 3;
    }
    for (;;) {
        if (len == cap) {
            if (cap >= (size_t)256 * 1024 * 1024) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "%s is larger than 256 MiB", path);
                return 3;
            }
            char *q = realloc(buf, cap * 2 + 1);
            if (!q) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "out of memory reading %s", path);
                return 3;
            }
            buf = q;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        free(buf);
        fclose(f);
        return 3;
    }
    fclose(f);
    buf[len] = '\0';
    int rc = rc_import_buffer(buf, len, o, out, d);
    free(buf);
    return rc;
}
