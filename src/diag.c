/* diag.c - the diagnostics list. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RC_DIAG_MAX_DEFAULT 1000

void rc_diags_init(rc_diags *d, const char *file)
{
    memset(d, 0, sizeof *d);
    d->file = strdup(file ? file : "<input>");
    d->max_items = RC_DIAG_MAX_DEFAULT;
}

void rc_diags_delete(rc_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        free(d->items[i].msg);
    free(d->items);
    free(d->file);
    memset(d, 0, sizeof *d);
}

void rc_diag_add(rc_diags *d, rc_severity sev, rc_mark m, const char *fmt, ...)
{
    if (sev == RC_SEV_ERROR)
        d->n_errors++;
    if (d->n >= d->max_items) {
        d->n_dropped++;
        return;
    }
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        rc_diag *p = realloc(d->items, cap * sizeof *p);
        if (!p) {
            d->n_dropped++;
            return;
        }
        d->items = p;
        d->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *msg = strdup(buf);
    if (!msg) {
        d->n_dropped++;
        return;
    }
    d->items[d->n].sev = sev;
    d->items[d->n].mark = m;
    d->items[d->n].msg = msg;
    d->n++;
}

void rc_diags_sort(rc_diags *d)
{
    /* insertion sort: stable, and lists are short */
    for (size_t i = 1; i < d->n; i++) {
        rc_diag t = d->items[i];
        size_t j = i;
        while (j > 0 && (d->items[j - 1].mark.line > t.mark.line ||
                         (d->items[j - 1].mark.line == t.mark.line &&
                          d->items[j - 1].mark.col > t.mark.col))) {
            d->items[j] = d->items[j - 1];
            j--;
        }
        d->items[j] = t;
    }
}
