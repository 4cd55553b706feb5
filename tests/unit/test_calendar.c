/* test_calendar.c - working-day offsets <-> dates, civil dates, parsing. */
#include <stdlib.h>

#include "calendar.h"
#include "test.h"

static rc_date D(const char *s)
{
    rc_date d = 0;
    if (rc_date_parse(s, &d) != 0)
        printf("  bad date in test: %s\n", s);
    return d;
}

static const char *F(rc_date d)
{
    static char buf[4][11];
    static int i;
    i = (i + 1) % 4;
    rc_date_format(d, buf[i]);
    return buf[i];
}

TEST(civil_dates)
{
    CHECK_INT(rc_date_from_ymd(1970, 1, 1), 0);
    CHECK_INT(rc_date_from_ymd(2000, 3, 1), 11017);
    CHECK_INT(rc_date_weekday(0), 3); /* Thursday */
    CHECK_INT(rc_date_weekday(D("2027-01-04")), 0); /* a Monday */
    CHECK_INT(rc_date_weekday(D("1969-12-31")), 2);
    int y, m, d;
    for (rc_date x = -800000; x < 800000; x += 997) {
        rc_date_to_ymd(x, &y, &m, &d);
        CHECK_INT(rc_date_from_ymd(y, m, d), x);
    }
    CHECK_STR(F(D("2027-02-28")), "2027-02-28");
}

TEST(date_parse_strict)
{
    rc_date d;
    CHECK(rc_date_parse("2024-02-29", &d) == 0);  /* leap year */
    CHECK(rc_date_parse("2000-02-29", &d) == 0);  /* divisible by 400 */
    CHECK(rc_date_parse("1900-02-29", &d) != 0);  /* divisible by 100 */
    CHECK(rc_date_parse("2027-02-29", &d) != 0);
    CHECK(rc_date_parse("2027-02-30", &d) != 0);
    CHECK(rc_date_parse("2027-04-31", &d) != 0);
    CHECK(rc_date_parse("2027-13-01", &d) != 0);
    CHECK(rc_date_parse("2027-00-10", &d) != 0);
    CHECK(rc_date_parse("2027-01-00", &d) != 0);
    CHECK(rc_date_parse("2027-1-04", &d) != 0);
    CHECK(rc_date_parse("2027-01-04 ", &d) != 0);
    CHECK(rc_date_parse("2027/01/04", &d) != 0);
    CHECK(rc_date_parse("", &d) != 0);
    CHECK(rc_date_parse("+027-01-04", &d) != 0);
    CHECK(rc_date_parse("2027-12-31", &d) == 0);
    CHECK_INT(d - D("2027-01-01"), 364);
}

static void mon_fri(rc_calendar *c, const char *start)
{
    rc_calendar_init(c);
    CHECK(rc_calendar_compile(c, D(start)) == 0);
}

TEST(weekends)
{
    rc_calendar c;
    mon_fri(&c, "2027-01-04");
    CHECK_STR(F(rc_calendar_day(&c, 0)), "2027-01-04");
    CHECK_STR(F(rc_calendar_day(&c, 4)), "2027-01-08");
    CHECK_STR(F(rc_calendar_day(&c, 5)), "2027-01-11");
    /* SPEC: a 5-day task starting on a Monday finishes on Friday */
    CHECK_STR(F(rc_calendar_date(&c, 5)), "2027-01-08");
    CHECK_STR(F(rc_calendar_date(&c, 0)), "2027-01-04");
    CHECK_STR(F(rc_calendar_date(&c, -3)), "2027-01-04");
    CHECK_STR(F(rc_calendar_date(&c, 0.2)), "2027-01-04");
    CHECK_STR(F(rc_calendar_date(&c, 5.01)), "2027-01-11");
    CHECK_INT(rc_calendar_offset(&c, D("2027-01-09")), 5); /* Saturday -> Monday */
    CHECK_INT(rc_calendar_offset(&c, D("2027-01-11")), 5);
    CHECK(!rc_calendar_is_workday(&c, D("2027-01-09")));
    rc_calendar_delete(&c);
}

TEST(start_on_weekend)
{
    rc_calendar c;
    mon_fri(&c, "2027-01-02"); /* Saturday */
    CHECK_STR(F(c.start), "2027-01-04");
    CHECK_STR(F(rc_calendar_day(&c, 0)), "2027-01-04");
    CHECK_INT(rc_calendar_offset(&c, D("2027-01-02")), 0);
    CHECK_INT(rc_calendar_offset(&c, D("2027-01-03")), 0);
    CHECK_INT(rc_calendar_offset(&c, D("2027-01-01")), -1); /* Friday before */
    CHECK_INT(rc_calendar_offset(&c, D("2026-12-28")), -5);
    CHECK_STR(F(rc_calendar_day(&c, -1)), "2027-01-01");
    CHECK_STR(F(rc_calendar_day(&c, -5)), "2026-12-28");
    rc_calendar_delete(&c);
}

static void set_list(rc_date **a, int *n, const char *const *dates)
{
    int k = 0;
    while (dates[k])
        k++;
    *a = malloc((size_t)k * sizeof **a);
    for (int i = 0; i < k; i++)
        (*a)[i] = D(dates[i]);
    *n = k;
}

TEST(holidays_and_extra_days)
{
    rc_calendar c;
    rc_calendar_init(&c);
    /* Spring Festival style: a week off, a Sunday worked before it */
    static const char *const hol[] = {"2027-02-10", "2027-02-11", "2027-02-12", "2027-02-15",
                                      "2027-02-16", "2027-02-17", NULL};
    static const char *const extra[] = {"2027-02-07", NULL};
    set_list(&c.holidays, &c.n_holidays, hol);
    set_list(&c.extra, &c.n_extra, extra);
    CHECK(rc_calendar_compile(&c, D("2027-02-01")) == 0);
    CHECK(rc_calendar_is_workday(&c, D("2027-02-07")));
    CHECK(!rc_calendar_is_workday(&c, D("2027-02-10")));
    /* Feb 1-5 (0-4), Sun 7 (5), Mon 8 (6), Tue 9 (7), then Feb 18 (8) */
    CHECK_STR(F(rc_calendar_day(&c, 5)), "2027-02-07");
    CHECK_STR(F(rc_calendar_day(&c, 7)), "2027-02-09");
    CHECK_STR(F(rc_calendar_day(&c, 8)), "2027-02-18");
    CHECK_INT(rc_calendar_offset(&c, D("2027-02-10")), 8);
    CHECK_INT(rc_calendar_offset(&c, D("2027-02-06")), 5);
    rc_calendar_delete(&c);
}

TEST(custom_week)
{
    rc_calendar c;
    rc_calendar_init(&c);
    c.workday[5] = true; /* six-day week */
    CHECK(rc_calendar_compile(&c, D("2027-01-04")) == 0);
    CHECK_INT(c.per_week, 6);
    CHECK_STR(F(rc_calendar_day(&c, 5)), "2027-01-09");
    CHECK_STR(F(rc_calendar_day(&c, 6)), "2027-01-11");
    rc_calendar_delete(&c);

    rc_calendar_init(&c);
    for (int i = 0; i < 7; i++)
        c.workday[i] = false;
    CHECK(rc_calendar_compile(&c, D("2027-01-04")) == -1);
    rc_calendar_delete(&c);
}

TEST(leap_year_days)
{
    rc_calendar c;
    rc_calendar_init(&c);
    for (int i = 0; i < 7; i++)
        c.workday[i] = true;
    CHECK(rc_calendar_compile(&c, D("2028-02-27")) == 0);
    CHECK_STR(F(rc_calendar_day(&c, 2)), "2028-02-29");
    CHECK_STR(F(rc_calendar_day(&c, 3)), "2028-03-01");
    CHECK_STR(F(rc_calendar_day(&c, 366)), "2029-02-27");
    rc_calendar_delete(&c);
}

/* Brute force over 10 years, far past the table: day(k) and offset(date)
 * agree with counting working days one by one, both ways. */
TEST(extrapolation_matches_brute_force)
{
    rc_calendar c;
    rc_calendar_init(&c);
    c.workday[2] = false; /* Mon, Tue, Thu, Fri */
    c.workday[6] = true;  /* and Sunday */
    static const char *const hol[] = {"2027-01-06", "2027-03-01", "2027-05-02", "2027-12-24",
                                      NULL};
    static const char *const extra[] = {"2027-01-13", "2027-02-06", NULL};
    set_list(&c.holidays, &c.n_holidays, hol);
    set_list(&c.extra, &c.n_extra, extra);
    CHECK(rc_calendar_compile(&c, D("2027-01-04")) == 0);
    CHECK(c.n_days < 600); /* the table stops a year after the last holiday */
    int64_t k = 0;
    int bad_day = 0, bad_off = 0;
    for (rc_date x = c.start; x < c.start + 3653; x++) {
        if (rc_calendar_offset(&c, x) != k)
            bad_off++;
        if (rc_calendar_is_workday(&c, x)) {
            if (rc_calendar_day(&c, k) != x)
                bad_day++;
            k++;
        }
    }
    CHECK_INT(bad_day, 0);
    CHECK_INT(bad_off, 0);
    /* before day 0 */
    k = 0;
    bad_day = bad_off = 0;
    for (rc_date x = c.start - 1; x > c.start - 400; x--) {
        if (rc_calendar_is_workday(&c, x)) {
            k--;
            if (rc_calendar_day(&c, k) != x)
                bad_day++;
        }
        if (rc_calendar_offset(&c, x) != (rc_calendar_is_workday(&c, x) ? k : k))
            bad_off++;
    }
    CHECK_INT(bad_day, 0);
    CHECK_INT(bad_off, 0);
    /* huge indices do not overflow or hang */
    CHECK(rc_calendar_day(&c, INT64_MAX / 4) == INT32_MAX);
    CHECK(rc_calendar_date(&c, 1e300) == INT32_MAX);
    rc_calendar_delete(&c);
}

TEST(offset_date_round_trip)
{
    rc_calendar c;
    mon_fri(&c, "2027-01-04");
    for (int64_t k = 0; k < 5000; k += 7) {
        rc_date d = rc_calendar_day(&c, k);
        CHECK_INT(rc_calendar_offset(&c, d), k);
        CHECK_INT(rc_calendar_date(&c, (double)k + 1), d);
    }
    rc_calendar_delete(&c);
}

int main(void)
{
    RUN(civil_dates);
    RUN(date_parse_strict);
    RUN(weekends);
    RUN(start_on_weekend);
    RUN(holidays_and_extra_days);
    RUN(custom_week);
    RUN(leap_year_days);
    RUN(extrapolation_matches_brute_force);
    RUN(offset_date_round_trip);
    return TEST_END();
}
