/* calendar.c - working-day offsets <-> dates.
 *
 * A date is a working day when it is listed in `extra`, or when its weekday is
 * a working day of the week pattern; a holiday is never a working day (a
 * holiday wins over an extra working day on the same date).
 *
 * rc_calendar_compile() tabulates the working days from day 0 up to a year
 * past the last holiday or extra working day. Past the table only the weekly
 * pattern applies, so working day k is found in O(1) by whole weeks
 * (per_week working days per 7 days) plus at most 6 single steps. Offsets of
 * dates in the table are a binary search; past it, a count of pattern days.
 */
#include "calendar.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The table reaches this many days past the last holiday or extra day. */
#define RC_CAL_MARGIN 366

/* ---- civil dates (H. Hinnant's days_from_civil / civil_from_days) ---- */

rc_date rc_date_from_ymd(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;                                   /* [0, 399] */
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
    return (rc_date)(era * 146097 + doe - 719468);
}

void rc_date_to_ymd(rc_date date, int *y, int *m, int *d)
{
    long z = (long)date + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

int rc_date_weekday(rc_date date)
{
    /* 1970-01-01 was a Thursday (3 with Monday = 0) */
    long w = ((long)date + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

int rc_date_parse(const char *s, rc_date *out)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *out = rc_date_from_ymd(y, m, d);
    return 0;
}

void rc_date_format(rc_date date, char out[11])
{
    int y, m, d;
    rc_date_to_ymd(date, &y, &m, &d);
    if (y < 0 || y > 9999) {
        /* outside ISO's four digits: clamp rather than overflow the buffer */
        strcpy(out, y < 0 ? "0000-01-01" : "9999-12-31");
        return;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* ---- the calendar ---- */

void rc_calendar_init(rc_calendar *c)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < 5; i++)
        c->workday[i] = true;
    c->per_week = 5;
}

void rc_calendar_delete(rc_calendar *c)
{
    if (!c)
        return;
    free(c->holidays);
    free(c->extra);
    free(c->days);
    memset(c, 0, sizeof *c);
}

/* Index of the first element >= X in sorted A[0..n). */
static int lower_bound(const rc_date *a, int n, rc_date x)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool contains(const rc_date *a, int n, rc_date x)
{
    int i = lower_bound(a, n, x);
    return i < n && a[i] == x;
}

bool rc_calendar_is_workday(const rc_calendar *c, rc_date date)
{
    if (contains(c->holidays, c->n_holidays, date))
        return false;
    if (contains(c->extra, c->n_extra, date))
        return true;
    return c->workday[rc_date_weekday(date)];
}

/* Working days of the week pattern alone in [a, b), a <= b. */
static int64_t pattern_count(const rc_calendar *c, int64_t a, int64_t b)
{
    int64_t n = b - a, weeks = n / 7, cnt = weeks * c->per_week;
    int w = rc_date_weekday((rc_date)(a % 7)); /* weekday depends on a mod 7 only */
    for (int64_t i = 0; i < n - weeks * 7; i++)
        cnt += c->workday[(w + i) % 7];
    return cnt;
}

/* Working days in [a, b), a <= b, holidays and extra days included. Costs
 * O(log n + the holidays and extra days inside the range). */
static int64_t work_count(const rc_calendar *c, rc_date a, rc_date b)
{
    int64_t cnt = pattern_count(c, a, b);
    for (int i = lower_bound(c->holidays, c->n_holidays, a);
         i < c->n_holidays && c->holidays[i] < b; i++)
        if (c->workday[rc_date_weekday(c->holidays[i])])
            cnt--;
    for (int i = lower_bound(c->extra, c->n_extra, a);
         i < c->n_extra && c->extra[i] < b; i++)
        if (!c->workday[rc_date_weekday(c->extra[i])] &&
            !contains(c->holidays, c->n_holidays, c->extra[i]))
            cnt++;
    return cnt;
}

int rc_calendar_compile(rc_calendar *c, rc_date start)
{
    int per_week = 0;
    for (int i = 0; i < 7; i++)
        per_week += c->workday[i];
    free(c->days);
    c->days = NULL;
    c->n_days = 0;
    c->per_week = per_week;
    if (per_week == 0)
        return -1;

    rc_date last = start;
    if (c->n_holidays && c->holidays[c->n_holidays - 1] > last)
        last = c->holidays[c->n_holidays - 1];
    if (c->n_extra && c->extra[c->n_extra - 1] > last)
        last = c->extra[c->n_extra - 1];
    rc_date end = last + RC_CAL_MARGIN;

    /* day 0: the first working day at or after start */
    rc_date d0 = start;
    while (!rc_calendar_is_workday(c, d0) && d0 < end)
        d0++;
    if (!rc_calendar_is_workday(c, d0))
        return -1; /* unreachable with per_week >= 1 and a year of margin */
    c->start = d0;

    int64_t n = work_count(c, d0, end) + 1;
    c->days = malloc((size_t)n * sizeof *c->days);
    if (!c->days)
        return -1;
    /* one walk over the dates with a cursor into each sorted list (not a
     * binary search per date: a holiday thousands of years out makes the
     * table millions of days long) */
    int k = 0;
    int ih = lower_bound(c->holidays, c->n_holidays, d0);
    int ie = lower_bound(c->extra, c->n_extra, d0);
    int wd = rc_date_weekday(d0);
    for (rc_date x = d0; x < end && k < n; x++, wd = wd == 6 ? 0 : wd + 1) {
        while (ih < c->n_holidays && c->holidays[ih] < x)
            ih++;
        while (ie < c->n_extra && c->extra[ie] < x)
            ie++;
        bool work = ih < c->n_holidays && c->holidays[ih] == x ? false
                    : ie < c->n_extra && c->extra[ie] == x   ? true
                                                              : c->workday[wd];
        if (work)
            c->days[k++] = x;
    }
    /* Past `end` no holiday or extra day remains, so the last entry is a
     * working day of the week pattern: extrapolation starts from it. */
    c->n_days = k;
    return 0;
}

static rc_date clamp_date(int64_t x)
{
    if (x > INT32_MAX)
        return INT32_MAX;
    if (x < INT32_MIN)
        return INT32_MIN;
    return (rc_date)x;
}

rc_date rc_calendar_day(const rc_calendar *c, int64_t k)
{
    if (c->n_days == 0)
        return c->start;
    if (k >= 0 && k < c->n_days)
        return c->days[k];
    if (k < 0) {
        /* Before day 0: the date x with exactly -k working days in [x, day 0).
         * In 7q days there are at least q*per_week - n_holidays working days. */
        int64_t want = -k;
        int64_t span = 7 * ((want + c->n_holidays) / c->per_week + 2);
        if (span > (int64_t)c->start - INT32_MIN)
            return INT32_MIN;
        rc_date lo = (rc_date)(c->start - span), hi = c->start - 1;
        /* largest x in [lo, hi] with work_count(x, day 0) >= want */
        while (lo < hi) {
            rc_date mid = (rc_date)(lo + ((int64_t)hi - lo + 1) / 2);
            if (work_count(c, mid, c->start) >= want)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }
    /* Past the table: whole weeks, then single pattern days. */
    int64_t r = k - (c->n_days - 1);
    int64_t q = r / c->per_week, rem = r % c->per_week;
    if (q > ((int64_t)INT32_MAX - c->days[c->n_days - 1]) / 7)
        return INT32_MAX;
    int64_t x = (int64_t)c->days[c->n_days - 1] + 7 * q;
    int w = rc_date_weekday((rc_date)x);
    while (rem > 0) {
        x++;
        w = (w + 1) % 7;
        if (c->workday[w])
            rem--;
    }
    return clamp_date(x);
}

rc_date rc_calendar_date(const rc_calendar *c, double f)
{
    if (!(f > 0))
        return rc_calendar_day(c, 0);
    if (f > 4e18)
        return rc_calendar_day(c, INT64_MAX / 2);
    return rc_calendar_day(c, (int64_t)ceil(f) - 1);
}

int64_t rc_calendar_offset(const rc_calendar *c, rc_date date)
{
    if (c->n_days == 0)
        return 0;
    if (date <= c->start)
        return -work_count(c, date, c->start);
    if (date <= c->days[c->n_days - 1])
        return lower_bound(c->days, c->n_days, date);
    /* past the table only the pattern applies */
    rc_date last = c->days[c->n_days - 1];
    return (c->n_days - 1) + pattern_count(c, last, date);
}
