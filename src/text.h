/* text.h - text for people: number formatting, the display width of UTF-8
 * text (CJK takes two columns), and the run summary. Builds strings; never
 * prints. */
#ifndef RC_TEXT_H
#define RC_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "sim.h"

/* A growing string; on allocation failure it remembers and take() gives NULL. */
typedef struct {
    char *s;
    size_t len, cap;
    bool failed;
} rc_sb;

void rc_sb_init(rc_sb *b);
void rc_sb_printf(rc_sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rc_sb_puts(rc_sb *b, const char *s);
/* S padded (or cut, with '~') to WIDTH display columns. */
void rc_sb_pad(rc_sb *b, const char *s, int width);
/* The string (caller frees), or NULL when an allocation failed. */
char *rc_sb_take(rc_sb *b);

/* Columns S takes in a terminal. */
int rc_display_width(const char *s);

/* 123,457 (rounded to whole units, thousands separated) */
void rc_fmt_money(char *out, size_t n, double v);
/* 12.3 */
void rc_fmt_days(char *out, size_t n, double v);
/* 42%, <1%, >99% */
void rc_fmt_pct(char *out, size_t n, double p);

/* The run summary of R (caller frees; NULL when out of memory). */
char *rc_summary_text(const rc_result *r);

#endif
