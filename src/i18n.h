/* i18n.h - the message catalogs of the client report: one table per
 * language (English, Chinese) holding every heading, label, sentence
 * template, month and weekday name and the date format.
 *
 * Templates: "{1}" .. "{9}" stand for arguments supplied by the caller (in
 * any order the language needs). Catalog text is plain text safe in HTML
 * (no '<', '>' or '&'); arguments are already HTML.
 */
#ifndef RC_I18N_H
#define RC_I18N_H

#include <stddef.h>

#include "calendar.h"

typedef enum {
    /* document */
    RC_M_DOC_TITLE, RC_M_FORECAST_AT, RC_M_PLAN_FROM, RC_M_UNNAMED, RC_M_MITIGATED_RUN,
    RC_M_FOOTER, RC_M_NO_CHART,
    /* the answer */
    RC_M_H_ANSWER, RC_M_ANS_FINISH, RC_M_ANS_COST, RC_M_ANS_MIDDLE,
    RC_M_ANS_DEADLINE, RC_M_ANS_BUDGET, RC_M_ANS_JOINT,
    RC_M_TH_PLAN, RC_M_TH_P50, RC_M_TH_PC, RC_M_ROW_FINISH, RC_M_ROW_DAYS, RC_M_ROW_COST,
    RC_M_NOTE_PCT,
    /* chance phrases */
    RC_M_CHANCE_A, RC_M_CHANCE_AN, RC_M_CHANCE_NONE, RC_M_CHANCE_ALL,
    /* price */
    RC_M_H_PRICE, RC_M_PRICE_LOSS, RC_M_PRICE_MARGIN, RC_M_PRICE_SAFE,
    /* contingency */
    RC_M_H_CONT, RC_M_CONT_HOLD, RC_M_CONT_WHY, RC_M_CONT_SPLIT, RC_M_TH_SOURCE, RC_M_TH_DAYS,
    RC_M_TH_COST, RC_M_TH_SHARE, RC_M_ROW_UNCERT, RC_M_ROW_TOTAL, RC_M_CONT_SPLIT_OUT,
    RC_M_CONT_SPLIT_OUT_ANY,
    /* drivers */
    RC_M_H_DRIVERS, RC_M_DRIVERS_INTRO, RC_M_DRIVERS_NONE, RC_M_TH_RISK, RC_M_TH_OCCURS,
    RC_M_TH_ADDS_DAYS, RC_M_TH_ADDS_COST, RC_M_FIG_TORNADO,
    /* chance curve */
    RC_M_H_CURVE, RC_M_CURVE_INTRO, RC_M_FIG_FINISH, RC_M_FIG_COST, RC_M_FIG_JCL, RC_M_TH_CHANCE,
    RC_M_TH_FINISH_BY, RC_M_TH_COST_AT_MOST,
    /* gantt */
    RC_M_H_GANTT, RC_M_GANTT_INTRO, RC_M_FIG_GANTT, RC_M_FIG_CRIT,
    /* mitigations */
    RC_M_H_MITIG, RC_M_MIT_INTRO, RC_M_TH_ACTION, RC_M_TH_MCOST, RC_M_TH_SAVES_DAYS,
    RC_M_TH_SAVES_COST, RC_M_TH_NET, RC_M_TH_RECOMMENDED, RC_M_YES, RC_M_NO, RC_M_MIT_REC,
    RC_M_MIT_REC_NONE, RC_M_MIT_NONE, RC_M_MIT_REC_OUT, RC_M_MIT_REC_OUT_ANY,
    /* register */
    RC_M_H_REGISTER, RC_M_REG_INTRO, RC_M_TH_ID, RC_M_TH_OWNER, RC_M_TH_PROB, RC_M_TH_IMPACTS,
    RC_M_TH_MITIGATION, RC_M_TH_STATUS, RC_M_ST_OPEN, RC_M_ST_CLOSED, RC_M_PROB_FREQ,
    RC_M_IMP_ON, RC_M_IMP_DELAY, RC_M_IMP_SCALE, RC_M_IMP_COST, RC_M_MIT_ACTION_COST,
    RC_M_DIST_RANGE, RC_M_DIST_LIKELY, RC_M_DIST_NORMAL, RC_M_DIST_CHOICE,
    RC_M_H_MATRIX, RC_M_MATRIX_INTRO, RC_M_FIG_MATRIX, RC_M_TH_BEFORE, RC_M_TH_AFTER,
    /* precision */
    RC_M_H_PRECISION, RC_M_PREC_INTRO, RC_M_PREC_FINISH, RC_M_PREC_DAYS, RC_M_PREC_COST,
    RC_M_TH_FROM, RC_M_TH_TO, RC_M_PREC_NOTE,
    /* assumptions */
    RC_M_H_ASSUME, RC_M_AS_ITER, RC_M_AS_SEED, RC_M_AS_CONF, RC_M_AS_START, RC_M_AS_STATUS,
    RC_M_AS_WEEK, RC_M_AS_HOL, RC_M_AS_HOL_MANY, RC_M_AS_EXTRA, RC_M_AS_DIST, RC_M_DIST_TRI,
    RC_M_DIST_PERT, RC_M_AS_OVERHEAD, RC_M_AS_PENALTY, RC_M_AS_CORR, RC_M_AS_CORR_N,
    RC_M_AS_CORR_REPAIRED, RC_M_AS_DONE, RC_M_AS_TASKS, RC_M_AS_TASKS_N, RC_M_AS_METHOD, RC_M_AS_METHOD_TEXT,
    RC_M_NONE,
    /* small pieces */
    RC_M_MONEY, RC_M_UNIT_DAYS, RC_M_RANGE, RC_M_LIST_SEP, RC_M_COLON, RC_M_ITEM_SEP,
    RC_M_DATE,
    RC_M_COUNT
} rc_msg;

typedef struct {
    const char *code;          /* "en", "zh" */
    const char *html_lang;     /* the lang attribute of the document */
    const char *const *msg;    /* RC_M_COUNT entries */
    const char *months[12];
    const char *weekdays[7];   /* Monday first */
} rc_catalog;

/* The catalog of LANG ("en" or "zh"); English for NULL or anything else. */
const rc_catalog *rc_i18n_catalog(const char *lang);
/* Every catalog, NULL-terminated (for tests). */
const rc_catalog *const *rc_i18n_all(void);

/* DATE in the catalog's format (en: 24 March 2027; zh: 2027年3月24日). */
void rc_i18n_date(const rc_catalog *c, rc_date date, char *out, size_t n);

#endif
