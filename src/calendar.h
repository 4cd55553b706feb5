/* calendar.h - working-day offsets <-> dates.
 *
 * Dates are day numbers: days since 1970-01-01 (proleptic Gregorian).
 * Time in a project runs in working days from day 0, the first working day at
 * or after project.start. The working day with index k (k = 0, 1, ...) is the
 * (k+1)-th working day. An offset f > 0 ends on the date of the ceil(f)-th
 * working day, i.e. working day index ceil(f) - 1; f = 0 is day 0's date.
 * A date maps to the offset at which work on it starts: the index of the
 * first working day at or after that date.
 */
#ifndef RC_CALENDAR_H
#define RC_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t rc_date; /* days since 1970-01-01 */

typedef struct {
    bool workday[7];      /* 0 = Monday .. 6 = Sunday */
    rc_date *holidays;    /* sorted, unique; owned */
    int n_holidays;
    rc_date *extra;       /* sorted, unique working days outside the week pattern; owned */
    int n_extra;
    /* compiled by rc_calendar_compile(): */
    rc_date start;        /* day 0 */
    rc_date *days;        /* days[k] = date of working day index k, for k < n_days */
    int n_days;
    int per_week;         /* working days in the week pattern (>= 1) */
} rc_calendar;

/* A Monday-to-Friday calendar with no holidays, not yet compiled. */
void rc_calendar_init(rc_calendar *c);
void rc_calendar_delete(rc_calendar *c);

/* Compile the lookup table from project start DATE. Returns 0, or -1 when the
 * calendar has no working day at all or memory ran out. */
int rc_calendar_compile(rc_calendar *c, rc_date start);

/* True when DATE is a working day. */
bool rc_calendar_is_workday(const rc_calendar *c, rc_date date);

/* The date of working day index K (K >= 0). */
rc_date rc_calendar_day(const rc_calendar *c, int64_t k);

/* The date on which offset F ends (the rule above). F < 0 counts as 0. */
rc_date rc_calendar_date(const rc_calendar *c, double f);

/* The offset of DATE: the index of the first working day at or after it
 * (negative before day 0: minus the working days from DATE to day 0). */
int64_t rc_calendar_offset(const rc_calendar *c, rc_date date);

/* Civil date helpers. */
rc_date rc_date_from_ymd(int y, int m, int d);
void rc_date_to_ymd(rc_date date, int *y, int *m, int *d);
/* 0 = Monday .. 6 = Sunday */
int rc_date_weekday(rc_date date);
/* Parse "YYYY-MM-DD" strictly (a real calendar date). Returns 0 or -1. */
int rc_date_parse(const char *s, rc_date *out);
/* Write "YYYY-MM-DD" (11 bytes with the terminator). */
void rc_date_format(rc_date date, char out[11]);

#endif
