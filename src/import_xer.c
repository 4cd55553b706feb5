/* import_xer.c - Primavera P6 XER -> rc_imp_project.
 *
 * XER is tab-separated text: `ERMHDR` on the first line, then for each table
 * `%T NAME`, `%F field...`, `%R value...` rows, and `%E` at the end. Fields
 * may come in any order, so every value is looked up by field name. Text is
 * Windows-1252 (converted to UTF-8 here) unless the whole file is valid
 * UTF-8; lines end in CRLF or LF.
 *
 * Tables used: PROJECT (name, start, data date, calendar), PROJWBS (the
 * project's long name), CALENDAR (hours a day, work week and exceptions from
 * clndr_data), TASK (activities, progress, constraints, P6's own dates),
 * TASKPRED (links, lags in hours), TASKRSRC (costs), SCHEDOPTIONS (which
 * calendar lags are counted on).
 *
 * Units: P6 stores durations and lags in hours; an activity's hours become
 * working days by its calendar's day_hr_cnt. When its calendar has a
 * different number of working days a week than the project calendar (a
 * 7-day calendar in a Monday-Friday project), the days are rescaled by
 * (project days a week / its days a week) so that the elapsed time is kept.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the table reader ------------------------------------------------------- */

typedef struct {
    char **v;
    int n;
    int line;
} xrow;

typedef struct {
    const char *name;
    int line;
    char **fields;
    int nf;
    xrow *rows;
    int nrows, cap;
} xtable;

typedef struct {
    char *text;            /* the UTF-8 text, split in place */
    xtable *tabs;
    int ntabs, cap;
    char **cells;          /* one pool of cell pointers */
    size_t ncells, capcells;
    const char *header[10];
    int nheader;
} xfile;

static const char *const cp1252_hi[32] = {
    "\xE2\x82\xAC", "\xEF\xBF\xBD", "\xE2\x80\x9A", "\xC6\x92", "\xE2\x80\x9E",
    "\xE2\x80\xA6", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86", "\xE2\x80\xB0",
    "\xC5\xA0", "\xE2\x80\xB9", "\xC5\x92", "\xEF\xBF\xBD", "\xC5\xBD",
    "\xEF\xBF\xBD", "\xEF\xBF\xBD", "\xE2\x80\x98", "\xE2\x80\x99",
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\x93",
    "\xE2\x80\x94", "\xCB\x9C", "\xE2\x84\xA2", "\xC5\xA1", "\xE2\x80\xBA",
    "\xC5\x93", "\xEF\xBF\xBD", "\xC5\xBE", "\xC5\xB8"};

static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) { i++; continue; }
        int len;
        unsigned cp, min;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (i + (size_t)len > n)
            return false;
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += (size_t)len;
    }
    return true;
}

/* The text as UTF-8 (a copy): kept when valid UTF-8, else read as
 * Windows-1252. A NUL byte is an error (a binary or UTF-16 file). */
static char *to_utf8(const char *buf, size_t len, rc_diags *d, bool *converted)
{
    const unsigned char *s = (const unsigned char *)buf;
    int line = 1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            line++;
        else if (s[i] == 0) {
            rc_error(d, ((rc_mark){line, 1}),
                     "NUL byte in an XER file: this is not Windows-1252 or "
                     "UTF-8 text (a UTF-16 or binary file?)");
            return NULL;
        }
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        len -= 3;
    }
    *converted = !valid_utf8(s, len);
    size_t cap = *converted ? len * 3 + 1 : len + 1;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (!*converted || c < 0x80) {
            out[k++] = (char)c;
        } else if (c < 0xA0) {
            const char *u = cp1252_hi[c - 0x80];
            size_t n = strlen(u);
            memcpy(out + k, u, n);
            k += n;
        } else {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[k] = '\0';
    return out;
}

/* Split LINE at tabs into the cell pool; returns the index of the first
 * cell and the count in *N, or -1 on allocation failure. */
static long split_cells(xfile *x, char *line, int *n)
{
    long first = (long)x->ncells;
    int count = 0;
    char *p = line;
    for (;;) {
        if (x->ncells == x->capcells) {
            size_t cap = x->capcells ? x->capcells * 2 : 4096;
            char **q = realloc(x->cells, cap * sizeof *q);
            if (!q)
                return -1;
            x->cells = q;
            x->capcells = cap;
        }
        x->cells[x->ncells++] = p;
        count++;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    *n = count;
    return first;
}

typedef struct {
    long first;
    int n;
} cellref;

static void xfile_free(xfile *x)
{
    for (int i = 0; i < x->ntabs; i++)
        free(x->tabs[i].rows);
    free(x->tabs);
    free(x->cells);
    free(x->text);
}

/* Read the tables. Cell pointers are stored as offsets while the pool
 * grows and fixed up at the end. */
static int xfile_read(xfile *x, const char *buf, size_t len, rc_diags *d,
                      bool *converted)
{
    memset(x, 0, sizeof *x);
    x->text = to_utf8(buf, len, d, converted);
    if (!x->text)
        return d->n_errors ? 1 : -1;
    int errs = 0;
    char *p = x->text;
    int line = 0;
    bool seen_header = false, seen_end = false;
    xtable *cur = NULL;
    /* rows keep (first cell, count) in v/n until fix-up */
    while (*p) {
        line++;
        char *e = strchr(p, '\n');
        char *next = e ? e + 1 : p + strlen(p);
        if (e)
            *e = '\0';
        size_t l = strlen(p);
        if (l && p[l - 1] == '\r')
            p[--l] = '\0';
        if (l == 0) {
            p = next;
            continue;
        }
        if (seen_end) {
            rc_warning(d, ((rc_mark){line, 1}), "text after the %%E end marker ignored");
            break;
        }
        if (!seen_header) {
            if (strncmp(p, "ERMHDR", 6) != 0) {
                rc_error(d, ((rc_mark){line, 1}), "an XER file starts with ERMHDR");
                return 1;
            }
            seen_header = true;
            int n;
            long f = split_cells(x, p, &n);
            if (f < 0)
                return -1;
            x->nheader = 0;
            for (int i = 0; i < n && i < 10; i++)
                x->header[x->nheader++] = (const char *)(intptr_t)(f + i);
            p = next;
            continue;
        }
        if (p[0] != '%' || !(p[1] == 'T' || p[1] == 'F' || p[1] == 'R' || p[1] == 'E') ||
            !(p[2] == '\t' || p[2] == '\0')) {
            rc_error(d, ((rc_mark){line, 1}),
                     "expected a %%T, %%F, %%R or %%E line (a truncated or "
                     "edited file?)");
            if (++errs >= 20)
                return errs;
            p = next;
            continue;
        }
        char kind = p[1];
        char *rest = p[2] ? p + 3 : p + 2;
        if (kind == 'E') {
            seen_end = true;
        } else if (kind == 'T') {
            if (x->ntabs == x->cap) {
                int cap = x->cap ? x->cap * 2 : 32;
                xtable *q = realloc(x->tabs, (size_t)cap * sizeof *q);
                if (!q)
                    return -1;
                x->tabs = q;
                x->cap = cap;
            }
            cur = &x->tabs[x->ntabs++];
            memset(cur, 0, sizeof *cur);
            cur->name = rest;
            cur->line = line;
            cur->nf = -1;
        } else if (kind == 'F') {
            if (!cur) {
                rc_error(d, ((rc_mark){line, 1}), "%%F field names before any %%T table");
                errs++;
            } else if (cur->nf >= 0) {
                rc_error(d, ((rc_mark){line, 1}), "a second %%F line in table %s",
                         cur->name);
                errs++;
            } else {
                int n;
                long f = split_cells(x, rest, &n);
                if (f < 0)
                    return -1;
                cur->fields = (char **)(intptr_t)f;
                cur->nf = n;
            }
        } else { /* R */
            if (!cur || cur->nf < 0) {
                rc_error(d, ((rc_mark){line, 1}), "%%R row before the %%F field names");
                errs++;
            } else {
                int n;
                long f = split_cells(x, rest, &n);
                if (f < 0)
                    return -1;
                if (n > cur->nf) {
                    rc_error(d, ((rc_mark){line, 1}),
                             "row of table %s has %d values for %d fields",
                             cur->name, n, cur->nf);
                    errs++;
                }
                if (cur->nrows == cur->cap) {
                    int cap = cur->cap ? cur->cap * 2 : 64;
                    xrow *q = realloc(cur->rows, (size_t)cap * sizeof *q);
                    if (!q)
                        return -1;
                    cur->rows = q;
                    cur->cap = cap;
                }
                xrow *r = &cur->rows[cur->nrows++];
                r->v = (char **)(intptr_t)f;
                r->n = n < cur->nf ? n : cur->nf;
                r->line = line;
            }
        }
        if (errs >= 20)
            return errs;
        p = next;
    }
    if (!seen_header) {
        rc_error(d, ((rc_mark){1, 1}), "empty file: an XER file starts with ERMHDR");
        return 1;
    }
    if (!seen_end) {
        rc_error(d, ((rc_mark){line, 1}),
                 "the file ends without the %%E end marker: it is truncated "
                 "(export it again)");
        errs++;
    }
    /* fix up offsets into pointers */
    for (int i = 0; i < x->nheader; i++)
        x->header[i] = x->cells[(intptr_t)x->header[i]];
    for (int i = 0; i < x->ntabs; i++) {
        xtable *t = &x->tabs[i];
        if (t->nf >= 0)
            t->fields = x->cells + (intptr_t)t->fields;
        else
            t->nf = 0;
        for (int k = 0; k < t->nrows; k++)
            t->rows[k].v = x->cells + (intptr_t)t->rows[k].v;
    }
    return errs;
}

static xtable *find_table(xfile *x, const char *name)
{
    for (int i = 0; i < x->ntabs; i++)
        if (strcmp(x->tabs[i].name, name) == 0)
            return &x->tabs[i];
    return NULL;
}

static int field(const xtable *t, const char *name)
{
    if (!t)
        return -1;
    for (int i = 0; i < t->nf; i++)
        if (strcmp(t->fields[i], name) == 0)
            return i;
    return -1;
}

/* The value of field index F in row R ("" when absent). */
static const char *val(const xrow *r, int f)
{
    return f >= 0 && f < r->n ? r->v[f] : "";
}

/* ---- calendars ----------------------------------------------------------- */

typedef struct {
    const char *id;
    const char *name;
    double day_hours;      /* day_hr_cnt */
    bool workday[7];       /* 0 = Monday */
    int per_week;
    rc_imp_date *off;      /* non-working exception days; owned */
    int n_off, cap_off;
    rc_imp_date *on;       /* working exception days on a non-working weekday */
    int n_on, cap_on;
    int n_changed;         /* exceptions that only change the hours */
    double day_end;        /* latest end of work on a weekday, hours (17 when unknown) */
    int n_tasks;           /* imported activities on it */
    bool parsed;
} xcal;

/* clndr_data is a tree of nodes `(0||NAME(PARAMS)(CHILDREN...))`. */
typedef struct cnode {
    const char *name; size_t name_len;
    const char *params; size_t params_len;
    struct cnode *kids; int nkids;
} cnode;

static void cnode_free(cnode *n)
{
    for (int i = 0; i < n->nkids; i++)
        cnode_free(&n->kids[i]);
    free(n->kids);
}

static void skip_ws(const char **s)
{
    while (**s == ' ' || **s == '\t' || **s == '\r' || **s == '\n' || **s == 0x7F)
        (*s)++;
}

/* Parse one node at *S; returns 0 or -1. DEPTH bounds the recursion. */
static int cnode_parse(const char **s, cnode *n, int depth)
{
    memset(n, 0, sizeof *n);
    if (depth > 16)
        return -1;
    skip_ws(s);
    if (**s != '(')
        return -1;
    (*s)++;
    const char *h = *s;
    while (**s && **s != '(' && **s != ')')
        (*s)++;
    if (**s != '(')
        return -1;
    const char *bar = NULL;
    for (const char *q = h; q + 1 < *s; q++)
        if (q[0] == '|' && q[1] == '|')
            bar = q + 2;
    n->name = bar ? bar : h;
    n->name_len = (size_t)(*s - n->name);
    (*s)++;
    n->params = *s;
    while (**s && **s != ')')
        (*s)++;
    if (**s != ')')
        return -1;
    n->params_len = (size_t)(*s - n->params);
    (*s)++;
    skip_ws(s);
    if (**s != '(')
        return -1;
    (*s)++;
    int cap = 0;
    for (;;) {
        skip_ws(s);
        if (**s == ')')
            break;
        if (**s != '(')
            goto fail;
        if (n->nkids == cap) {
            cap = cap ? cap * 2 : 8;
            cnode *q = realloc(n->kids, (size_t)cap * sizeof *q);
            if (!q)
                goto fail;
            n->kids = q;
        }
        if (cnode_parse(s, &n->kids[n->nkids], depth + 1)) {
            n->nkids++;
            goto fail;
        }
        n->nkids++;
    }
    (*s)++;
    skip_ws(s);
    if (**s != ')')
        goto fail;
    (*s)++;
    return 0;
fail:
    cnode_free(n);
    memset(n, 0, sizeof *n);
    return -1;
}

static bool cname(const cnode *n, const char *s)
{
    return n->name_len == strlen(s) && strncmp(n->name, s, n->name_len) == 0;
}

static const cnode *cfind(const cnode *n, const char *name)
{
    for (int i = 0; i < n->nkids; i++)
        if (cname(&n->kids[i], name))
            return &n->kids[i];
    for (int i = 0; i < n->nkids; i++) {
        const cnode *r = cfind(&n->kids[i], name);
        if (r)
            return r;
    }
    return NULL;
}

/* Working hours in the children `(0||k(s|08:00|f|16:00)())` of N. */
static double work_hours(const cnode *n, double *day_end)
{
    double total = 0;
    for (int i = 0; i < n->nkids; i++) {
        const cnode *k = &n->kids[i];
        char buf[64];
        size_t len = k->params_len < sizeof buf - 1 ? k->params_len : sizeof buf - 1;
        memcpy(buf, k->params, len);
        buf[len] = '\0';
        int sh, sm, fh, fm;
        const char *s = strstr(buf, "s|"), *f = strstr(buf, "f|");
        if (s && f && sscanf(s + 2, "%d:%d", &sh, &sm) == 2 &&
            sscanf(f + 2, "%d:%d", &fh, &fm) == 2) {
            double end = fh + fm / 60.0;
            if (fh == 0 && fm == 0)
                end = 24;   /* 00:00 as the end of the day */
            double h = end - (sh + sm / 60.0);
            if (h > 0)
                total += h;
            if (h > 0 && day_end && end > *day_end)
                *day_end = end;
        }
    }
    return total;
}

/* Parse a CALENDAR row's clndr_data into C. Returns 0 or -1. */
static int parse_clndr_data(const char *data, xcal *c)
{
    const char *s = data;
    cnode root;
    if (cnode_parse(&s, &root, 0))
        return -1;
    const cnode *dow = cfind(&root, "DaysOfWeek");
    if (dow) {
        for (int i = 0; i < dow->nkids; i++) {
            const cnode *k = &dow->kids[i];
            int day = (k->name_len == 1 && k->name[0] >= '1' && k->name[0] <= '7')
                          ? k->name[0] - '1' : -1;   /* 1 = Sunday */
            if (day < 0)
                continue;
            int mon0 = (day + 6) % 7;
            double end = 0;
            c->workday[mon0] = work_hours(k, &end) > 0;
            if (c->workday[mon0] && (c->day_end == 0 || end > c->day_end))
                c->day_end = end;
        }
    }
    const cnode *exc = cfind(&root, "Exceptions");
    if (exc) {
        for (int i = 0; i < exc->nkids; i++) {
            const cnode *k = &exc->kids[i];
            char buf[32];
            size_t len = k->params_len < sizeof buf - 1 ? k->params_len : sizeof buf - 1;
            memcpy(buf, k->params, len);
            buf[len] = '\0';
            const char *dp = strstr(buf, "d|");
            if (!dp)
                continue;
            double serial;
            if (rc_imp_parse_double(dp + 2, &serial) || serial < 1 || serial > 200000)
                continue;
            /* day numbers count from 1899-12-30 (the spreadsheet epoch) */
            rc_imp_date z = rc_imp_days_from_civil(1899, 12, 30) + (rc_imp_date)serial;
            bool works = work_hours(k, NULL) > 0;
            bool normally = c->workday[rc_imp_weekday(z)];
            if (!works)
                rc_imp_add_date(&c->off, &c->n_off, &c->cap_off, z);
            else if (!normally)
                rc_imp_add_date(&c->on, &c->n_on, &c->cap_on, z);
            else
                c->n_changed++;
        }
    }
    cnode_free(&root);
    c->per_week = 0;
    for (int i = 0; i < 7; i++)
        c->per_week += c->workday[i];
    return dow ? 0 : -1;
}

/* ---- task lookup by task_id (sorted array) ---------------------------------- */

typedef struct {
    const char *id;
    int idx;               /* index into p->tasks, or a negative skip reason */
    const char *cal;       /* clndr_id */
} tkey;

enum { SKIP_LOE = -2, SKIP_WBS = -3, SKIP_OTHER_PROJECT = -4 };

static int cmp_tkey(const void *a, const void *b)
{
    return strcmp(((const tkey *)a)->id, ((const tkey *)b)->id);
}

static const tkey *find_tkey(const tkey *v, int n, const char *id)
{
    tkey k = {id, 0, NULL};
    return bsearch(&k, v, (size_t)n, sizeof *v, cmp_tkey);
}

static xcal *find_cal(xcal *c, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(c[i].id, id) == 0)
            return &c[i];
    return NULL;
}

/* ---- the reader -------------------------------------------------------------- */

int rc_imp_read_xer(const char *buf, size_t len, const rc_import_options *o,
                    rc_imp_project *p, rc_diags *d)
{
    size_t errs0 = d->n_errors;
    xfile x;
    bool converted = false;
    xcal *cals = NULL;
    tkey *keys = NULL;
    int ncals = 0, nkeys = 0;
    int r = xfile_read(&x, buf, len, d, &converted);
    if (r < 0) {
        rc_error(d, ((rc_mark){0, 0}), "out of memory reading the XER file");
        goto out;
    }
    if (r > 0)
        goto out;

    xtable *proj = find_table(&x, "PROJECT");
    xtable *task = find_table(&x, "TASK");
    xtable *pred = find_table(&x, "TASKPRED");
    xtable *cal = find_table(&x, "CALENDAR");
    xtable *rsrc = find_table(&x, "TASKRSRC");
    xtable *wbs = find_table(&x, "PROJWBS");
    xtable *sched = find_table(&x, "SCHEDOPTIONS");
    int last_line = 1;
    for (int i = 0; i < x.ntabs; i++)
        last_line = x.tabs[i].line;
    if (!proj || proj->nrows == 0) {
        rc_error(d, ((rc_mark){last_line, 1}), "no PROJECT table (or it has no rows)");
        goto out;
    }
    if (!task) {
        rc_error(d, ((rc_mark){last_line, 1}), "no TASK table: nothing to import");
        goto out;
    }
    const char *need[] = {"task_id", "task_code", "task_type", "status_code",
                          "target_drtn_hr_cnt", "remain_drtn_hr_cnt"};
    for (size_t i = 0; i < sizeof need / sizeof *need; i++)
        if (field(task, need[i]) < 0)
            rc_error(d, ((rc_mark){task->line + 1, 1}),
                     "table TASK has no field %s", need[i]);
    if (pred) {
        const char *needp[] = {"task_id", "pred_task_id", "pred_type"};
        for (size_t i = 0; i < sizeof needp / sizeof *needp; i++)
            if (field(pred, needp[i]) < 0)
                rc_error(d, ((rc_mark){pred->line + 1, 1}),
                         "table TASKPRED has no field %s", needp[i]);
    }
    if (d->n_errors > errs0)
        goto out;

    /* the project */
    const xrow *pr = &proj->rows[0];
    const char *proj_id = val(pr, field(proj, "proj_id"));
    const char *short_name = val(pr, field(proj, "proj_short_name"));
    if (proj->nrows > 1)
        rc_imp_note(p, "the file holds %d projects; only the first, %s, was "
                       "imported", proj->nrows, short_name);
    const char *long_name = NULL;
    if (wbs) {
        int fp = field(wbs, "proj_id"), fn = field(wbs, "proj_node_flag"),
            fw = field(wbs, "wbs_name");
        for (int i = 0; i < wbs->nrows; i++)
            if (strcmp(val(&wbs->rows[i], fn), "Y") == 0 &&
                strcmp(val(&wbs->rows[i], fp), proj_id) == 0) {
                long_name = val(&wbs->rows[i], fw);
                break;
            }
    }
    if (long_name && *long_name && strcmp(long_name, short_name) != 0)
        p->name = rc_imp_printf("%s (%s)", long_name, short_name);
    else
        p->name = rc_imp_strdup(short_name);
    p->currency = x.nheader >= 9 ? rc_imp_strdup(x.header[8]) : NULL;
    p->source_note = rc_imp_printf(
        "P6 %s export of %s, project %s (proj_id %s)%s",
        x.nheader > 1 ? x.header[1] : "?", x.nheader > 2 ? x.header[2] : "?",
        short_name, proj_id, converted ? ", text converted from Windows-1252" : "");
    {
        rc_imp_date z;
        const char *s = val(pr, field(proj, "plan_start_date"));
        if (!rc_imp_parse_datetime(s, &z, NULL)) {
            p->has_start = true;
            p->start = z;
            p->start_note = rc_imp_printf("PROJECT plan_start_date %s", s);
        }
        const char *fields[] = {"last_recalc_date", "next_data_date"};
        for (int i = 0; i < 2 && !p->has_status; i++) {
            s = val(pr, field(proj, fields[i]));
            if (!rc_imp_parse_datetime(s, &z, NULL)) {
                p->has_status = true;
                p->status = z;
                p->status_note = rc_imp_printf("PROJECT %s %s (the data date)",
                                               fields[i], s);
            }
        }
    }

    /* calendars */
    if (cal && cal->nrows) {
        cals = calloc((size_t)cal->nrows, sizeof *cals);
        if (!cals)
            goto oom;
        int fi = field(cal, "clndr_id"), fn = field(cal, "clndr_name"),
            fh = field(cal, "day_hr_cnt"), fd = field(cal, "clndr_data");
        for (int i = 0; i < cal->nrows; i++) {
            xcal *c = &cals[ncals++];
            const xrow *row = &cal->rows[i];
            c->id = val(row, fi);
            c->name = val(row, fn);
            for (int k = 0; k < 5; k++)
                c->workday[k] = true;
            c->per_week = 5;
            c->day_end = 0;
            if (rc_imp_parse_double(val(row, fh), &c->day_hours) || c->day_hours <= 0)
                c->day_hours = 8;
            const char *data = val(row, fd);
            if (*data) {
                if (parse_clndr_data(data, c) == 0)
                    c->parsed = true;
                else
                    rc_warning(d, ((rc_mark){row->line, 1}),
                               "calendar %s: clndr_data not understood; taken as "
                               "Monday-Friday without holidays", c->id);
            }
            if (c->day_end <= 0)
                c->day_end = 17;
            if (c->per_week == 0) {
                rc_warning(d, ((rc_mark){row->line, 1}),
                           "calendar %s has no working day; taken as Monday-Friday",
                           c->id);
                for (int k = 0; k < 7; k++)
                    c->workday[k] = k < 5;
                c->per_week = 5;
            }
        }
    } else {
        rc_imp_note(p, "no CALENDAR table: Monday-Friday, 8 hours a day, no holidays");
    }
    p->counts.calendars = ncals;

    /* activities: first a sorted key list for links, with the skip reasons */
    int ft_id = field(task, "task_id"), ft_code = field(task, "task_code"),
        ft_name = field(task, "task_name"), ft_type = field(task, "task_type"),
        ft_status = field(task, "status_code"), ft_cal = field(task, "clndr_id"),
        ft_proj = field(task, "proj_id"), ft_target = field(task, "target_drtn_hr_cnt"),
        ft_remain = field(task, "remain_drtn_hr_cnt"), ft_cstr = field(task, "cstr_type"),
        ft_cstr_date = field(task, "cstr_date"), ft_cstr2 = field(task, "cstr_type2"),
        ft_cstr_date2 = field(task, "cstr_date2"),
        ft_early_end = field(task, "early_end_date"),
        ft_act_end = field(task, "act_end_date");
    keys = calloc((size_t)task->nrows + 1, sizeof *keys);
    if (!keys)
        goto oom;
    int n_loe = 0, n_wbs = 0, n_other_proj = 0;
    for (int i = 0; i < task->nrows; i++) {
        const xrow *row = &task->rows[i];
        const char *type = val(row, ft_type);
        tkey *k = &keys[nkeys++];
        k->id = val(row, ft_id);
        k->cal = val(row, ft_cal);
        k->idx = i;  /* row index for now */
        if (ft_proj >= 0 && strcmp(val(row, ft_proj), proj_id) != 0) {
            k->idx = SKIP_OTHER_PROJECT;
            n_other_proj++;
        } else if (strcmp(type, "TT_LOE") == 0) {
            k->idx = SKIP_LOE;
            n_loe++;
        } else if (strcmp(type, "TT_WBS") == 0) {
            k->idx = SKIP_WBS;
            n_wbs++;
        } else if (k->cal && *k->cal) {
            xcal *c = find_cal(cals, ncals, k->cal);
            if (c)
                c->n_tasks++;
        }
    }

    /* the project calendar: the one most activities use (P6's project
     * default when no activity uses a calendar of the file) */
    const char *proj_cal_id = val(pr, field(proj, "clndr_id"));
    xcal *pc = find_cal(cals, ncals, proj_cal_id);
    for (int i = 0; i < ncals; i++)
        if (!pc || cals[i].n_tasks > pc->n_tasks)
            pc = &cals[i];
    int n_imported = task->nrows - n_loe - n_wbs - n_other_proj;
    if (pc) {
        for (int k = 0; k < 7; k++)
            p->workday[k] = pc->workday[k];
        p->hours_per_day = pc->day_hours;
        for (int i = 0; i < pc->n_off; i++)
            rc_imp_add_date(&p->holidays, &p->n_holidays, &p->cap_holidays, pc->off[i]);
        for (int i = 0; i < pc->n_on; i++)
            rc_imp_add_date(&p->extra, &p->n_extra, &p->cap_extra, pc->on[i]);
        p->calendar_note = rc_imp_printf(
            "CALENDAR %s \"%s\", %g h a day; used by %d of %d activities%s",
            pc->id, pc->name, pc->day_hours, pc->n_tasks, n_imported,
            strcmp(pc->id, proj_cal_id) == 0 ? " (the project default)" : "");
        if (strcmp(pc->id, proj_cal_id) != 0) {
            xcal *def = find_cal(cals, ncals, proj_cal_id);
            rc_imp_note(p, "project calendar: CALENDAR %s \"%s\", used by %d "
                           "activities, instead of the project default %s%s%s%s "
                           "(used by %d)", pc->id, pc->name, pc->n_tasks,
                        proj_cal_id, def ? " \"" : "", def ? def->name : "",
                        def ? "\"" : "", def ? def->n_tasks : 0);
        }
        if (pc->n_changed)
            rc_imp_note(p, "calendar exceptions that only change working hours "
                           "(not whole days), left out: %d", pc->n_changed);
    }

    /* costs per task from TASKRSRC */
    int fr_task = field(rsrc, "task_id"), fr_target = field(rsrc, "target_cost"),
        fr_act_reg = field(rsrc, "act_reg_cost"), fr_act_ot = field(rsrc, "act_ot_cost"),
        fr_remain = field(rsrc, "remain_cost");
    double *c_target = calloc((size_t)task->nrows + 1, sizeof *c_target);
    double *c_act = calloc((size_t)task->nrows + 1, sizeof *c_act);
    double *c_rem = calloc((size_t)task->nrows + 1, sizeof *c_rem);
    int *c_n = calloc((size_t)task->nrows + 1, sizeof *c_n);
    if (!c_target || !c_act || !c_rem || !c_n) {
        free(c_target); free(c_act); free(c_rem); free(c_n);
        goto oom;
    }
    /* keys sorted for lookup; remember row index in idx (>= 0) */
    qsort(keys, (size_t)nkeys, sizeof *keys, cmp_tkey);
    for (int i = 1; i < nkeys; i++)
        if (strcmp(keys[i].id, keys[i - 1].id) == 0) {
            int row = keys[i].idx >= 0 ? keys[i].idx : 0;
            rc_error(d, ((rc_mark){task->rows[row].line, 1}),
                     "task_id %s appears twice in TASK", keys[i].id);
        }
    int n_rsrc_unknown = 0;
    if (rsrc) {
        for (int i = 0; i < rsrc->nrows; i++) {
            const xrow *row = &rsrc->rows[i];
            const tkey *k = find_tkey(keys, nkeys, val(row, fr_task));
            if (!k) {
                n_rsrc_unknown++;
                continue;
            }
            if (k->idx < 0)
                continue;
            double v;
            if (!rc_imp_parse_double(val(row, fr_target), &v)) c_target[k->idx] += v;
            if (!rc_imp_parse_double(val(row, fr_act_reg), &v)) c_act[k->idx] += v;
            if (!rc_imp_parse_double(val(row, fr_act_ot), &v)) c_act[k->idx] += v;
            if (!rc_imp_parse_double(val(row, fr_remain), &v)) c_rem[k->idx] += v;
            c_n[k->idx]++;
        }
    }
    if (n_rsrc_unknown)
        rc_imp_note(p, "%d resource assignments (TASKRSRC) name activities not in "
                       "TASK; their costs were left out", n_rsrc_unknown);

    /* activities */
    int cstr_dropped[16] = {0};
    const char *cstr_names[16] = {0};
    int n_cstr_names = 0, n_must = 0;
    int *row_to_task = malloc(((size_t)task->nrows + 1) * sizeof *row_to_task);
    if (!row_to_task) {
        free(c_target); free(c_act); free(c_rem); free(c_n);
        goto oom;
    }
    for (int i = 0; i < task->nrows; i++) {
        row_to_task[i] = -1;
        const xrow *row = &task->rows[i];
        const tkey *k = find_tkey(keys, nkeys, val(row, ft_id));
        if (!k || k->idx < 0)
            continue;
        rc_imp_task *t = rc_imp_add_task(p);
        if (!t)
            goto oom2;
        row_to_task[i] = p->n_tasks - 1;
        const char *type = val(row, ft_type), *status = val(row, ft_status);
        t->key = rc_imp_strdup(val(row, ft_id));
        t->code = rc_imp_strdup(*val(row, ft_code) ? val(row, ft_code) : val(row, ft_id));
        t->name = *val(row, ft_name) ? rc_imp_strdup(val(row, ft_name)) : NULL;
        t->line = row->line;
        t->milestone = strcmp(type, "TT_Mile") == 0 || strcmp(type, "TT_FinMile") == 0;
        t->done = strcmp(status, "TK_Complete") == 0;
        t->started = strcmp(status, "TK_Active") == 0;
        if (strcmp(type, "TT_Task") != 0 && strcmp(type, "TT_Rsrc") != 0 && !t->milestone)
            rc_warning(d, ((rc_mark){row->line, 1}),
                       "activity %s: task_type %s imported as a task", t->code, type);
        if (!t->done && !t->started && strcmp(status, "TK_NotStart") != 0)
            rc_warning(d, ((rc_mark){row->line, 1}),
                       "activity %s: status_code %s taken as not started", t->code,
                       status);
        /* the activity's calendar */
        xcal *c = find_cal(cals, ncals, val(row, ft_cal));
        if (!c)
            c = pc;
        if (*val(row, ft_cal) && !find_cal(cals, ncals, val(row, ft_cal)) && ncals)
            rc_warning(d, ((rc_mark){row->line, 1}),
                       "activity %s: calendar %s is not in CALENDAR; the project "
                       "calendar is used", t->code, val(row, ft_cal));
        double day_h = c ? c->day_hours : p->hours_per_day;
        double scale = 1;
        if (c && pc && c != pc) {
            t->other_calendar = true;
            if (o->convert_calendars && c->per_week != pc->per_week)
                scale = (double)pc->per_week / c->per_week;
            t->calendar_note = rc_imp_printf(
                "own calendar %s \"%s\" (%d days a week)%s", c->id, c->name,
                c->per_week, scale != 1 ? ": days rescaled to the project week" : "");
        }
        /* duration */
        const char *dfield = t->done ? "target_drtn_hr_cnt" : "remain_drtn_hr_cnt";
        const char *ds = val(row, t->done ? ft_target : ft_remain);
        double hours;
        if (rc_imp_parse_double(ds, &hours) || hours < 0) {
            if (!t->milestone && !t->done) {
                rc_error(d, ((rc_mark){row->line, 1}),
                         "activity %s: %s is not a number of hours: \"%s\"", t->code,
                         dfield, ds);
                continue;
            }
            hours = 0;
        }
        t->duration = hours / day_h * scale;
        if (!t->milestone) {
            if (scale != 1)
                t->duration_note = rc_imp_printf("%s %g h / %g h a day x %d/%d",
                                                 dfield, hours, day_h, pc->per_week,
                                                 c->per_week);
            else
                t->duration_note = rc_imp_printf("%s %g h / %g h a day", dfield,
                                                 hours, day_h);
        }
        /* costs */
        int ri = k->idx;
        if (c_n[ri]) {
            if (t->done) {
                double a = c_act[ri] != 0 ? c_act[ri] : c_target[ri];
                if (a != 0) {
                    t->has_actual_cost = true;
                    t->actual_cost = a;
                }
            } else {
                double total = c_act[ri] + c_rem[ri];
                if (total == 0)
                    total = c_target[ri];
                if (total != 0) {
                    t->has_cost = true;
                    t->cost = total;
                }
            }
            if (t->has_cost || t->has_actual_cost)
                t->cost_note = rc_imp_printf(
                    "TASKRSRC, %d assignment%s: target_cost %.2f, actual %.2f, "
                    "remaining %.2f", c_n[ri], c_n[ri] == 1 ? "" : "s", c_target[ri],
                    c_act[ri], c_rem[ri]);
        }
        /* constraints (only where they still matter: not started) */
        const char *ct[2] = {val(row, ft_cstr), val(row, ft_cstr2)};
        for (int q = 0; q < 2; q++) {
            if (!*ct[q] || t->done || t->started)
                continue;
            bool start_c = strcmp(ct[q], "CS_MSOA") == 0 || strcmp(ct[q], "CS_MSO") == 0 ||
                           strcmp(ct[q], "CS_MANDSTART") == 0;
            /* a milestone's finish is its start */
            bool fin_c = t->milestone && (strcmp(ct[q], "CS_MEOA") == 0 ||
                                          strcmp(ct[q], "CS_MEO") == 0 ||
                                          strcmp(ct[q], "CS_MANDFIN") == 0);
            if (start_c || fin_c) {
                rc_imp_date z;
                double h;
                const char *s = val(row, q == 0 ? ft_cstr_date : ft_cstr_date2);
                if (!rc_imp_parse_datetime(s, &z, &h)) {
                    /* at or after the end of the working day: the next day */
                    double end = c ? c->day_end : 17;
                    bool next = h >= end;
                    if (!t->has_not_before || z + next > t->not_before)
                        t->not_before = z + next;
                    t->has_not_before = true;
                    bool exact = strcmp(ct[q], "CS_MSOA") == 0 || strcmp(ct[q], "CS_MEOA") == 0;
                    free(t->not_before_note);
                    t->not_before_note = rc_imp_printf(
                        "cstr_type%s %s, cstr_date%s %s%s%s%s", q ? "2" : "", ct[q],
                        q ? "2" : "", s, fin_c ? " (a milestone: its finish is its start)" : "",
                        next ? " (the end of that working day: from the next day)" : "",
                        exact ? "" : " (only its earliest date kept)");
                    p->counts.constraints_kept++;
                    if (!exact)
                        n_must++;
                    continue;
                }
            }
            int w = 0;
            while (w < n_cstr_names && strcmp(cstr_names[w], ct[q]) != 0)
                w++;
            if (w == n_cstr_names && n_cstr_names < 16)
                cstr_names[n_cstr_names++] = ct[q];
            if (w < 16)
                cstr_dropped[w]++;
            p->counts.constraints_dropped++;
        }
        /* P6's own finish, for comparisons */
        const char *fin = val(row, t->done ? ft_act_end : ft_early_end);
        if (!rc_imp_parse_datetime(fin, &t->src_finish, NULL))
            t->has_src_finish = true;
        t->src = rc_imp_printf("TASK line %d: task_id %s, %s, %s%s%s", row->line,
                               t->key, type, status,
                               strcmp(t->code, val(row, ft_code)) ? ", code " : "",
                               strcmp(t->code, val(row, ft_code)) ? val(row, ft_code) : "");
    }
    for (int w = 0; w < n_cstr_names; w++)
        rc_imp_note(p, "%d constraints %s left out (only start-on-or-after, and "
                       "finish-on-or-after on milestones, are carried over, as not_before)", cstr_dropped[w], cstr_names[w]);
    if (n_must)
        rc_imp_note(p, "%d start-on / finish-on / mandatory constraints kept only as "
                       "their earliest date (not_before)", n_must);

    /* links */
    if (!pred) {
        rc_imp_note(p, "no TASKPRED table: the activities have no links");
    } else {
        int fs = field(pred, "task_id"), fp = field(pred, "pred_task_id"),
            fty = field(pred, "pred_type"), fl = field(pred, "lag_hr_cnt"),
            fpp = field(pred, "pred_proj_id"), fsp = field(pred, "proj_id");
        const char *lag_cal = sched ? val(&sched->rows[0],
                                          field(sched, "sched_calendar_on_relationship_lag"))
                                    : "";
        if (sched && sched->nrows == 0)
            lag_cal = "";
        int n_drop_loe = 0, n_drop_ext = 0;
        for (int i = 0; i < pred->nrows; i++) {
            const xrow *row = &pred->rows[i];
            const char *sid = val(row, fs), *pid = val(row, fp);
            const tkey *ks = find_tkey(keys, nkeys, sid);
            const tkey *kp = find_tkey(keys, nkeys, pid);
            bool external = fpp >= 0 && fsp >= 0 && strcmp(val(row, fpp), val(row, fsp)) != 0;
            if ((!ks || !kp) && external) {
                n_drop_ext++;
                continue;
            }
            if (!ks || !kp) {
                rc_error(d, ((rc_mark){row->line, 1}),
                         "TASKPRED link %s -> %s: no activity with task_id %s in TASK",
                         pid, sid, !kp ? pid : sid);
                continue;
            }
            if (ks->idx < 0 || kp->idx < 0) {
                if (ks->idx == SKIP_OTHER_PROJECT || kp->idx == SKIP_OTHER_PROJECT)
                    n_drop_ext++;
                else
                    n_drop_loe++;
                continue;
            }
            int succ = row_to_task[ks->idx], predi = row_to_task[kp->idx];
            if (succ < 0 || predi < 0)
                continue;   /* an activity already reported as an error */
            rc_imp_task *t = &p->tasks[succ];
            const char *ty = val(row, fty);
            rc_imp_link_type lt;
            if (strcmp(ty, "PR_FS") == 0) lt = RC_IMP_FS;
            else if (strcmp(ty, "PR_SS") == 0) lt = RC_IMP_SS;
            else if (strcmp(ty, "PR_FF") == 0) lt = RC_IMP_FF;
            else if (strcmp(ty, "PR_SF") == 0) lt = RC_IMP_SF;
            else {
                rc_error(d, ((rc_mark){row->line, 1}),
                         "TASKPRED link %s -> %s: unknown pred_type \"%s\" (expected "
                         "PR_FS, PR_SS, PR_FF or PR_SF)", pid, sid, ty);
                continue;
            }
            double lag_h = 0;
            const char *ls = val(row, fl);
            if (*ls && rc_imp_parse_double(ls, &lag_h)) {
                rc_error(d, ((rc_mark){row->line, 1}),
                         "TASKPRED link %s -> %s: lag_hr_cnt is not a number: \"%s\"",
                         pid, sid, ls);
                continue;
            }
            rc_imp_link *l = rc_imp_add_link(t);
            if (!l)
                goto oom2;
            l->pred_key = rc_imp_strdup(pid);
            l->pred = predi;
            l->type = lt;
            l->line = row->line;
            if (lag_h != 0) {
                /* the lag counts on the calendar P6 is told to use */
                const char *lc = strcmp(lag_cal, "rcal_Successor") == 0 ? ks->cal
                                 : strcmp(lag_cal, "rcal_ProjDefault") == 0 ? proj_cal_id
                                 : kp->cal;
                xcal *c = find_cal(cals, ncals, lc);
                if (!c)
                    c = pc;
                double day_h = c ? c->day_hours : p->hours_per_day, scale = 1;
                int per_week = c ? c->per_week : 5;
                if (strcmp(lag_cal, "rcal_24Hour") == 0) {
                    day_h = 24;
                    per_week = 7;
                }
                if (pc && o->convert_calendars && per_week != pc->per_week)
                    scale = (double)pc->per_week / per_week;
                l->lag = lag_h / day_h * scale;
                if (scale != 1)
                    l->note = rc_imp_printf("lag_hr_cnt %g h / %g h a day x %d/%d",
                                            lag_h, day_h, pc->per_week, per_week);
                else
                    l->note = rc_imp_printf("lag_hr_cnt %g h / %g h a day", lag_h, day_h);
            }
        }
        if (n_drop_loe)
            rc_imp_note(p, "%d links to or from level-of-effort or WBS-summary "
                           "activities dropped", n_drop_loe);
        if (n_drop_ext)
            rc_imp_note(p, "%d links to activities of other projects dropped",
                        n_drop_ext);
        p->counts.dropped_links = n_drop_loe + n_drop_ext;
    }
    if (n_loe)
        rc_imp_note(p, "%d level-of-effort activities left out: their dates span "
                       "their links, they carry no logic of their own", n_loe);
    if (n_wbs)
        rc_imp_note(p, "%d WBS-summary activities left out", n_wbs);
    if (n_other_proj)
        rc_imp_note(p, "%d activities of other projects left out", n_other_proj);
    p->counts.skipped_loe = n_loe;
    p->counts.skipped_summary = n_wbs;

    /* calendars other than the project's */
    for (int i = 0; i < ncals; i++) {
        xcal *c = &cals[i];
        if (c == pc || c->n_tasks == 0)
            continue;
        bool same_week = true;
        for (int k = 0; k < 7; k++)
            same_week = same_week && c->workday[k] == pc->workday[k];
        rc_imp_note(p, "%d activities on calendar %s \"%s\" (%d days a week, %d "
                       "holidays%s): riskcast has one project calendar%s",
                    c->n_tasks, c->id, c->name, c->per_week, c->n_off,
                    same_week ? ", same week" : "",
                    !same_week && o->convert_calendars
                        ? "; their durations and lags were rescaled to the project week"
                        : "; they follow the project calendar");
    }
    rc_imp_note(p, "resource assignments, resource levelling, activity codes, "
                   "UDFs and baselines are not carried over");

oom2:
    free(c_target); free(c_act); free(c_rem); free(c_n);
    free(row_to_task);
    if (0) {
oom:
        rc_error(d, ((rc_mark){0, 0}), "out of memory importing the XER file");
    }
out:
    for (int i = 0; i < ncals; i++) {
        free(cals[i].off);
        free(cals[i].on);
    }
    free(cals);
    free(keys);
    xfile_free(&x);
    return (int)(d->n_errors - errs0);
}
