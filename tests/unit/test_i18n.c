/* test_i18n.c - the report's message catalogs: complete, the same
 * placeholders in every language, safe in HTML, dates in each format. */
#include <string.h>

#include "i18n.h"
#include "test.h"

/* Bit k set when "{k+1}" occurs in S. */
static unsigned placeholders(const char *s)
{
    unsigned m = 0;
    for (; *s; s++)
        if (s[0] == '{' && s[1] >= '1' && s[1] <= '9' && s[2] == '}')
            m |= 1u << (s[1] - '1');
    return m;
}

TEST(every_message_present)
{
    for (const rc_catalog *const *c = rc_i18n_all(); *c; c++) {
        for (int k = 0; k < RC_M_COUNT; k++) {
            CHECK((*c)->msg[k] != NULL);
            if (!(*c)->msg[k])
                printf("  %s: message %d missing\n", (*c)->code, k);
        }
        for (int k = 0; k < 12; k++)
            CHECK((*c)->months[k] && *(*c)->months[k]);
        for (int k = 0; k < 7; k++)
            CHECK((*c)->weekdays[k] && *(*c)->weekdays[k]);
    }
}

TEST(same_placeholders)
{
    const rc_catalog *en = rc_i18n_catalog("en");
    for (const rc_catalog *const *c = rc_i18n_all(); *c; c++) {
        for (int k = 0; k < RC_M_COUNT; k++) {
            if (k == RC_M_DATE || k == RC_M_CHANCE_A || k == RC_M_CHANCE_AN)
                continue; /* languages may use different parts of the date or chance */
            if (!en->msg[k] || !(*c)->msg[k])
                continue;
            unsigned a = placeholders(en->msg[k]), b = placeholders((*c)->msg[k]);
            CHECK(a == b);
            if (a != b)
                printf("  %s: message %d: placeholders differ from English\n", (*c)->code, k);
        }
    }
}

TEST(html_safe)
{
    for (const rc_catalog *const *c = rc_i18n_all(); *c; c++)
        for (int k = 0; k < RC_M_COUNT; k++)
            if ((*c)->msg[k])
                CHECK(!strpbrk((*c)->msg[k], "<>&\""));
}

TEST(chinese_has_no_english_words)
{
    /* Chinese messages may hold P, PERT, Shapley and currency-neutral
     * symbols, but no other run of three Latin letters. */
    const rc_catalog *zh = rc_i18n_catalog("zh");
    for (int k = 0; k < RC_M_COUNT; k++) {
        const char *s = zh->msg[k];
        int run = 0;
        for (; s && *s; s++) {
            bool latin = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
            run = latin ? run + 1 : 0;
            if (run >= 3 && strncmp(s - 2, "PER", 3) && strncmp(s - 2, "ERT", 3) &&
                !strstr(zh->msg[k], "Shapley"))
                break;
        }
        CHECK(!s || !*s);
    }
}

TEST(dates)
{
    char b[64];
    rc_date d = rc_date_from_ymd(2027, 3, 24);
    rc_i18n_date(rc_i18n_catalog("en"), d, b, sizeof b);
    CHECK(!strcmp(b, "24 March 2027"));
    rc_i18n_date(rc_i18n_catalog("zh"), d, b, sizeof b);
    CHECK(!strcmp(b, "2027年3月24日"));
    rc_i18n_date(rc_i18n_catalog("zh"), rc_date_from_ymd(2028, 12, 1), b, sizeof b);
    CHECK(!strcmp(b, "2028年12月1日"));
    rc_i18n_date(rc_i18n_catalog(NULL), rc_date_from_ymd(2028, 2, 29), b, sizeof b);
    CHECK(!strcmp(b, "29 February 2028"));
    rc_i18n_date(rc_i18n_catalog("en"), d, b, 6); /* cut short, terminated */
    CHECK(!strcmp(b, "24 Ma"));
}

int main(void)
{
    RUN(every_message_present);
    RUN(same_placeholders);
    RUN(html_safe);
    RUN(chinese_has_no_english_words);
    RUN(dates);
    return TEST_END();
}
