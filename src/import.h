/* import.h - Microsoft Project XML (MSPDI) and Primavera P6 XER -> a riskcast
 * project file (the YAML text of SPEC §2).
 *
 * The format is detected from the content: an XML document whose root is
 * <Project> is MSPDI, a file whose first line starts with ERMHDR is XER.
 * Each reader fills an rc_imp_project (the common in-between form below);
 * import.c checks its network (unknown activities, cycles) and writes it as
 * YAML with a comment beside each value saying where it came from.
 *
 * The core never prints: problems with the input go into the rc_diags list
 * with the line (and column where known) of the source file.
 */
#ifndef RC_IMPORT_H
#define RC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef struct {
    double range_low, range_high;   /* percent, e.g. -10, 25 */
    /* Durations and lags of activities on a calendar other than the project
     * calendar are rescaled by the ratio of working days per week (a 7-day
     * calendar's 7 days become 5 working days of a Monday-Friday project
     * calendar), so that their elapsed time is kept. false keeps the
     * activity's own working-day count. */
    bool convert_calendars;
} rc_import_options;

/* -10, +25, convert_calendars on. */
void rc_import_options_init(rc_import_options *o);

typedef enum { RC_IMPORT_MSPDI = 1, RC_IMPORT_XER = 2 } rc_import_format;

typedef struct {
    char *yaml;            /* the project file text, NUL-terminated; owned */
    size_t len;
    char *summary;         /* human summary: what was imported, what was not
                              carried over, with counts; owned */
    rc_import_format format;
    int tasks;             /* activities written (milestones included) */
    int milestones;
    int links;             /* links written */
    int links_by_type[4];  /* FS, SS, FF, SF */
    int calendars;         /* calendars in the source */
    int other_calendar_tasks; /* written activities on another calendar */
    int holidays;          /* non-working exception days of the project calendar */
    int extra_workdays;
    int done, started;
    int skipped_summary;   /* MSPDI summary tasks / XER WBS summaries */
    int skipped_loe;       /* XER level-of-effort activities */
    int dropped_links;     /* links to activities left out */
    int constraints_kept;  /* start-no-earlier-than (not_before) */
    int constraints_dropped;
    /* The source tool's own forecast finish of each written activity, in
     * the order of the tasks in the YAML (for comparisons): ids[i] is the
     * id written, finish[i] days since 1970-01-01 or INT32_MIN when the
     * source gives none (P6: early_end_date, act_end_date when complete;
     * MSPDI: Finish). All owned. */
    char **src_ids;
    int32_t *src_finish;
    bool *src_done;
    bool *src_other_cal;   /* on a calendar other than the project calendar */
    int n_src;
} rc_import_result;

/* Import PATH. Returns 0 on success (*OUT filled; warnings may be in D),
 * 1 when the input has errors (all of them in D as FILE:LINE:COL; *OUT
 * empty), 3 when the file cannot be read (ERR says why). O may be NULL for
 * the defaults. The caller owns *OUT: rc_import_result_delete(). */
int rc_import_file(const char *path, const rc_import_options *o,
                   rc_import_result *out, rc_diags *d, char *err, size_t errlen);

/* The same on LEN bytes of BUF (not necessarily NUL-terminated). */
int rc_import_buffer(const char *buf, size_t len, const rc_import_options *o,
                     rc_import_result *out, rc_diags *d);

/* Free what R owns and zero it; accepts a zeroed struct. */
void rc_import_result_delete(rc_import_result *r);

/* ---- Private to the import module (import*.c) ---------------------------- */

typedef int32_t rc_imp_date;   /* days since 1970-01-01 */

typedef enum { RC_IMP_FS, RC_IMP_SS, RC_IMP_FF, RC_IMP_SF } rc_imp_link_type;

typedef struct {
    int pred;              /* index into project->tasks, -1 when unresolved */
    char *pred_key;        /* the source's key of the predecessor (owned) */
    rc_imp_link_type type;
    double lag;            /* working days of the project calendar */
    char *note;            /* where the lag came from (owned, may be NULL) */
    int line;              /* source line of the link */
} rc_imp_link;

typedef struct {
    char *key;             /* the source's own key (XER task_id, MSPDI UID); owned */
    char *id;              /* sanitized, unique id; owned (set by import.c) */
    char *code;            /* the activity code the id comes from; owned */
    char *name;            /* owned, may be NULL */
    char *src;             /* comment: where the activity came from; owned */
    int line;
    bool milestone, done, started;
    double duration;       /* remaining working days (project calendar) */
    char *duration_note;   /* owned */
    bool has_cost; double cost;           /* fixed cost at completion */
    char *cost_note;       /* owned */
    bool has_actual_cost; double actual_cost;
    bool has_not_before; rc_imp_date not_before;
    char *not_before_note; /* owned */
    bool other_calendar;
    char *calendar_note;   /* owned: the activity's own calendar when not the project's */
    rc_imp_link *links; int n_links, cap_links;
    /* the source tool's own forecast finish (for the comparison tools) */
    bool has_src_finish; rc_imp_date src_finish;
} rc_imp_task;

typedef struct {
    char *name;            /* owned */
    char *currency;        /* owned, may be NULL */
    char *source_note;     /* owned: "Primavera P6 XER 8.1 export ..." */
    bool has_start; rc_imp_date start;
    char *start_note;      /* owned */
    bool has_status; rc_imp_date status;
    char *status_note;     /* owned */
    bool workday[7];       /* 0 = Monday */
    rc_imp_date *holidays; int n_holidays, cap_holidays;
    rc_imp_date *extra; int n_extra, cap_extra;
    char *calendar_note;   /* owned */
    double hours_per_day;
    rc_imp_task *tasks; int n_tasks, cap_tasks;
    /* summary text: what was imported and what not (owned, growing) */
    char *notes; size_t notes_len, notes_cap;
    rc_import_result counts;   /* only the counters are used */
} rc_imp_project;

/* Shared helpers (import.c). */
rc_imp_task *rc_imp_add_task(rc_imp_project *p);
rc_imp_link *rc_imp_add_link(rc_imp_task *t);
int rc_imp_add_date(rc_imp_date **v, int *n, int *cap, rc_imp_date d);
void rc_imp_note(rc_imp_project *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *rc_imp_strdup(const char *s);
char *rc_imp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
rc_imp_date rc_imp_days_from_civil(int y, int m, int d);
void rc_imp_civil_from_days(rc_imp_date z, int *y, int *m, int *d);
int rc_imp_weekday(rc_imp_date z);   /* 0 = Monday */
/* Parse "YYYY-MM-DD" optionally followed by 'T' or ' ' and a time; the time
 * of day in hours goes to *HOURS when not NULL. Returns 0 or -1. */
int rc_imp_parse_datetime(const char *s, rc_imp_date *out, double *hours);
/* Strict number parse of the whole of S (spaces around allowed). 0 or -1. */
int rc_imp_parse_double(const char *s, double *out);

/* Readers: fill P from BUF; errors into D with lines. Return the number of
 * errors added (0 on success). */
int rc_imp_read_xer(const char *buf, size_t len, const rc_import_options *o,
                    rc_imp_project *p, rc_diags *d);
int rc_imp_read_mspdi(const char *buf, size_t len, const rc_import_options *o,
                      rc_imp_project *p, rc_diags *d);

#endif
