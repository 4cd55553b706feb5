/* load.c - YAML project file -> rc_model, with a diagnostic for every error.
 *
 * Two passes. First libyaml's event parser builds a compact node tree (flat
 * arrays of nodes, child indices and scalar text) while bounding the depth,
 * the node count and refusing aliases, so that no input can make it crash,
 * hang or exhaust memory. Then the tree is walked top-down: every key, type
 * and value is checked against SPEC §2 and every problem is reported at the
 * node that caused it, so one run lists all the errors of a file.
 *
 * Distributions are collected while walking and checked at the end, because
 * project.default_distribution (how a bare [min, likely, max] is read) may
 * come after the tasks in the file.
 */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

/* The most YAML nodes a file may hold (about 24 bytes each). */
#define RC_MAX_NODES 16000000
/* Holiday days after expanding {from, to} ranges. */
#define RC_MAX_HOLIDAYS 1000000

/* ---- the node tree ---- */

enum { N_SCALAR, N_SEQ, N_MAP, N_BAD };

typedef struct {
    uint8_t kind;
    uint8_t plain;    /* scalar written without quotes */
    int32_t line, col;
    uint32_t n;       /* scalar: length; seq: items; map: pairs */
    size_t off;       /* scalar: into text; seq/map: into kids */
} node;

typedef struct {
    rc_dist *d;
    rc_mark mark;
    uint8_t role;
    uint8_t bare;     /* [min, likely, max]: read with default_distribution */
} dist_ref;

enum { ROLE_DURATION, ROLE_DELAY, ROLE_SCALE, ROLE_COST, ROLE_RATE };
static const char *const role_names[] = {"duration", "delay", "scale", "cost", "rate"};

typedef struct {
    rc_diags *d;
    const char *buf;
    size_t len;
    node *nodes;
    size_t n_nodes, cap_nodes;
    char *text;
    size_t n_text, cap_text;
    uint32_t *kids;
    size_t n_kids, cap_kids;
    uint32_t *pend;
    size_t n_pend, cap_pend;
    bool oom;

    rc_model *m;
    dist_ref *dists;
    size_t n_dists, cap_dists;
    long n_links;
    bool start_ok;
    /* per risk: what its mitigation replaces */
    uint8_t *mit_p, *mit_f, *mit_imp;
} loader;

static const rc_mark no_mark = {0, 0};

static void *grow(void *p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(p, c * elem);
    if (q)
        *cap = c;
    return q;
}

static rc_mark nmark(const node *n)
{
    rc_mark m = {n->line, n->col};
    return m;
}

static node *N(loader *L, uint32_t i) { return &L->nodes[i]; }
static const char *S(loader *L, const node *n) { return L->text + n->off; }
static node *kid(loader *L, const node *n, uint32_t i) { return N(L, L->kids[n->off + i]); }
static node *key_at(loader *L, const node *n, uint32_t i) { return kid(L, n, 2 * i); }
static node *val_at(loader *L, const node *n, uint32_t i) { return kid(L, n, 2 * i + 1); }

/* User text for a message: at most 60 bytes, control characters as '?'. */
static const char *show(const char *s, char *buf, size_t cap)
{
    size_t j = 0;
    for (size_t i = 0; s[i] && j + 4 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (j >= 60 && (c & 0xC0) != 0x80) {
            memcpy(buf + j, "...", 3);
            j += 3;
            break;
        }
        buf[j++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    buf[j] = '\0';
    return buf;
}

/* ---- pass 1: events -> tree ---- */

static int new_node(loader *L, int kind, const yaml_mark_t *mk, uint32_t *out)
{
    if (L->n_nodes >= RC_MAX_NODES) {
        rc_mark m = {(int)mk->line + 1, (int)mk->column + 1};
        rc_error(L->d, m, "the file has more than %d YAML nodes, the limit for a project file",
                 RC_MAX_NODES);
        return -1;
    }
    node *p = grow(L->nodes, &L->cap_nodes, L->n_nodes + 1, sizeof *p);
    if (!p) {
        L->oom = true;
        return -1;
    }
    L->nodes = p;
    node *n = &L->nodes[L->n_nodes];
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)kind;
    n->line = (int32_t)mk->line + 1;
    n->col = (int32_t)mk->column + 1;
    *out = (uint32_t)L->n_nodes++;
    return 0;
}

static int push_pending(loader *L, uint32_t idx)
{
    uint32_t *p = grow(L->pend, &L->cap_pend, L->n_pend + 1, sizeof *p);
    if (!p) {
        L->oom = true;
        return -1;
    }
    L->pend = p;
    L->pend[L->n_pend++] = idx;
    return 0;
}

typedef struct {
    uint32_t node;
    size_t base;   /* first pending child */
} frame;

typedef struct {
    const char *key;
    uint32_t pair;
} keyref;

static int cmp_keyref(const void *a, const void *b)
{
    const keyref *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return x->pair < y->pair ? -1 : x->pair > y->pair;
}

static void report_dup_key(loader *L, node *second, node *first)
{
    char b[80];
    rc_error(L->d, nmark(second), "duplicate key '%s' (first at line %d)",
             show(S(L, second), b, sizeof b), first->line);
    second->kind = N_BAD; /* the walkers skip it */
}

/* Keys must be scalars and unique within a mapping. */
static void check_map_keys(loader *L, node *map)
{
    uint32_t n = map->n;
    for (uint32_t i = 0; i < n; i++) {
        node *k = key_at(L, map, i);
        if (k->kind == N_SEQ || k->kind == N_MAP) {
            rc_error(L->d, nmark(k), "a key must be plain text, found %s",
                     k->kind == N_SEQ ? "a list" : "a mapping");
            k->kind = N_BAD;
        }
    }
    if (n <= 8) {
        for (uint32_t i = 1; i < n; i++) {
            node *k = key_at(L, map, i);
            if (k->kind != N_SCALAR)
                continue;
            for (uint32_t j = 0; j < i; j++) {
                node *f = key_at(L, map, j);
                if (f->kind == N_SCALAR && strcmp(S(L, f), S(L, k)) == 0) {
                    report_dup_key(L, k, f);
                    break;
                }
            }
        }
        return;
    }
    keyref *r = malloc(n * sizeof *r);
    if (!r) {
        L->oom = true;
        return;
    }
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; i++) {
        node *k = key_at(L, map, i);
        if (k->kind == N_SCALAR)
            r[m++] = (keyref){S(L, k), i};
    }
    qsort(r, m, sizeof *r, cmp_keyref);
    for (uint32_t i = 1; i < m; i++) {
        uint32_t f = i - 1;
        while (i < m && strcmp(r[i].key, r[f].key) == 0) {
            report_dup_key(L, key_at(L, map, r[i].pair), key_at(L, map, r[f].pair));
            i++;
        }
    }
    free(r);
}

static int close_container(loader *L, frame *f)
{
    size_t cnt = L->n_pend - f->base;
    uint32_t *k = grow(L->kids, &L->cap_kids, L->n_kids + cnt, sizeof *k);
    if (!k) {
        L->oom = true;
        return -1;
    }
    L->kids = k;
    memcpy(L->kids + L->n_kids, L->pend + f->base, cnt * sizeof *k);
    node *n = N(L, f->node);
    n->off = L->n_kids;
    n->n = (uint32_t)(n->kind == N_MAP ? cnt / 2 : cnt);
    L->n_kids += cnt;
    L->n_pend = f->base;
    if (n->kind == N_MAP)
        check_map_keys(L, n);
    return 0;
}

static rc_mark offset_mark(const char *buf, size_t len, size_t off)
{
    rc_mark m = {1, 1};
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++) {
        if (buf[i] == '\n') {
            m.line++;
            m.col = 1;
        } else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
            m.col++;
        }
    }
    return m;
}

static void yaml_problem(loader *L, yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "malformed YAML";
    if (p->error == YAML_MEMORY_ERROR) {
        L->oom = true;
        return;
    }
    if (p->error == YAML_READER_ERROR) {
        size_t off = p->problem_offset;
        bool trailing = strstr(problem, "trailing") || strstr(problem, "incomplete");
        if (trailing && off <= L->len) {
            /* point at the sequence's leading byte, not at the byte after */
            while (off > 0 && ((unsigned char)L->buf[off - 1] & 0xC0) == 0x80)
                off--;
            if (off > 0 && (unsigned char)L->buf[off - 1] >= 0xC0)
                off--;
        }
        rc_mark m = offset_mark(L->buf, L->len, off);
        if (p->problem_value >= 0 && !trailing)
            rc_error(L->d, m, "%s (byte 0x%02x); a project file is UTF-8 text", problem,
                     (unsigned)p->problem_value & 0xffu);
        else
            rc_error(L->d, m, "%s; a project file is UTF-8 text", problem);
        return;
    }
    rc_mark m = {(int)p->problem_mark.line + 1, (int)p->problem_mark.column + 1};
    if (p->context)
        rc_error(L->d, m, "YAML syntax: %s (%s at line %d)", problem, p->context,
                 (int)p->context_mark.line + 1);
    else
        rc_error(L->d, m, "YAML syntax: %s", problem);
}

/* Build the tree. Returns 0 with *ROOT set, 1 when there is no document, or
 * -1 after reporting an error. */
static int build_tree(loader *L, uint32_t *root)
{
    yaml_parser_t p;
    yaml_event_t ev;
    frame stack[RC_MAX_DEPTH + 1];
    int depth = 0, docs = 0, rc = 1;
    bool have_root = false;

    if (!yaml_parser_initialize(&p)) {
        L->oom = true;
        return -1;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)L->buf, L->len);
    for (;;) {
        if (!yaml_parser_parse(&p, &ev)) {
            yaml_problem(L, &p);
            rc = -1;
            break;
        }
        yaml_event_type_t t = ev.type;
        uint32_t idx = 0;
        bool done_node = false;
        rc_mark em = {(int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1};
        switch (t) {
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                rc_error(L->d, em, "a project file holds one YAML document; found a second");
                rc = -1;
            }
            break;
        case YAML_SCALAR_EVENT: {
            if (new_node(L, N_SCALAR, &ev.start_mark, &idx) != 0) {
                rc = -1;
                break;
            }
            size_t n = ev.data.scalar.length;
            char *tx = grow(L->text, &L->cap_text, L->n_text + n + 1, 1);
            if (!tx) {
                L->oom = true;
                rc = -1;
                break;
            }
            L->text = tx;
            memcpy(L->text + L->n_text, ev.data.scalar.value, n);
            L->text[L->n_text + n] = '\0';
            node *nd = N(L, idx);
            nd->off = L->n_text;
            nd->n = (uint32_t)strlen(L->text + L->n_text); /* stops at an embedded NUL */
            nd->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            L->n_text += n + 1;
            done_node = true;
            break;
        }
        case YAML_ALIAS_EVENT:
            rc_error(L->d, em, "YAML aliases are not supported in project files");
            if (new_node(L, N_BAD, &ev.start_mark, &idx) != 0) {
                rc = -1;
                break;
            }
            done_node = true;
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (depth >= RC_MAX_DEPTH) {
                rc_error(L->d, em, "nesting deeper than %d levels", RC_MAX_DEPTH);
                rc = -1;
                break;
            }
            if (new_node(L, t == YAML_SEQUENCE_START_EVENT ? N_SEQ : N_MAP, &ev.start_mark,
                         &idx) != 0) {
                rc = -1;
                break;
            }
            stack[depth].node = idx;
            stack[depth].base = L->n_pend;
            depth++;
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            if (close_container(L, &stack[depth]) != 0) {
                rc = -1;
                break;
            }
            idx = stack[depth].node;
            done_node = true;
            break;
        default:
            break;
        }
        if (rc == -1) {
            yaml_event_delete(&ev);
            break;
        }
        if (done_node) {
            if (depth > 0) {
                if (push_pending(L, idx) != 0) {
                    yaml_event_delete(&ev);
                    rc = -1;
                    break;
                }
            } else {
                *root = idx;
                have_root = true;
            }
        }
        yaml_event_delete(&ev);
        if (t == YAML_STREAM_END_EVENT) {
            rc = have_root ? 0 : 1;
            break;
        }
    }
    yaml_parser_delete(&p);
    return rc;
}

/* ---- pass 2 helpers: types and values ---- */

static bool is_null(loader *L, const node *n)
{
    if (n->kind != N_SCALAR || !n->plain)
        return false;
    const char *s = S(L, n);
    return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
           !strcmp(s, "NULL");
}

/* Strict decimal number: [+-]digits[.digits][e[+-]digits]; no hex, inf, nan. */
static int parse_double(const char *s, double *out)
{
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    bool digit = false;
    for (const char *q = p; *q; q++) {
        if (*q >= '0' && *q <= '9')
            digit = true;
        else if (!strchr(".eE+-", *q))
            return -1;
    }
    if (!digit || (!(*p >= '0' && *p <= '9') && !(*p == '.' && p[1] >= '0' && p[1] <= '9')))
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end)
        return -1;
    if (errno == ERANGE && fabs(v) >= 1)
        return -2;
    if (!isfinite(v))
        return -2;
    *out = v == 0 ? 0 : v; /* no -0 */
    return 0;
}

static int parse_u64(const char *s, uint64_t *out)
{
    const char *p = s;
    if (*p == '+')
        p++;
    if (!*p)
        return -1;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, 10);
    if (*end)
        return -1;
    if (errno == ERANGE)
        return -2;
    *out = v;
    return 0;
}

static const char *describe(loader *L, const node *n, char *b, size_t cap)
{
    char t[80];
    double v;
    switch (n->kind) {
    case N_SEQ:
        return "a list";
    case N_MAP:
        return "a mapping";
    case N_BAD:
        return "an alias";
    default:
        break;
    }
    if (is_null(L, n))
        return "nothing";
    if (n->plain && (!strcmp(S(L, n), "true") || !strcmp(S(L, n), "false")))
        return "a boolean";
    if (n->plain && parse_double(S(L, n), &v) == 0)
        return "a number";
    snprintf(b, cap, "%stext '%s'", n->plain ? "" : "quoted ", show(S(L, n), t, sizeof t));
    return b;
}

static void wrong_type(loader *L, const node *n, const char *what, const char *expected)
{
    char b[120];
    if (n->kind == N_BAD)
        return; /* already reported */
    rc_error(L->d, nmark(n), "%s: expected %s, found %s", what, expected,
             describe(L, n, b, sizeof b));
}

static bool want_map(loader *L, const node *n, const char *what)
{
    if (n->kind == N_MAP)
        return true;
    wrong_type(L, n, what, "a mapping");
    return false;
}

static bool want_seq(loader *L, const node *n, const char *what)
{
    if (n->kind == N_SEQ)
        return true;
    wrong_type(L, n, what, "a list");
    return false;
}

static bool get_number(loader *L, const node *n, const char *what, double *out)
{
    if (n->kind == N_SCALAR && n->plain) {
        int r = parse_double(S(L, n), out);
        if (r == 0)
            return true;
        if (r == -2) {
            char b[80];
            rc_error(L->d, nmark(n), "%s: the number '%s' is out of range", what,
                     show(S(L, n), b, sizeof b));
            return false;
        }
    }
    wrong_type(L, n, what, "a number");
    return false;
}

/* A number within [lo, hi]; HI may be INFINITY. */
static bool get_number_in(loader *L, const node *n, const char *what, double lo, double hi,
                          const char *range, double *out)
{
    double v;
    if (!get_number(L, n, what, &v))
        return false;
    if (v < lo || v > hi) {
        rc_error(L->d, nmark(n), "%s must be %s, found %g", what, range, v);
        return false;
    }
    *out = v;
    return true;
}

static bool get_bool(loader *L, const node *n, const char *what, bool *out)
{
    if (n->kind == N_SCALAR && n->plain) {
        if (!strcmp(S(L, n), "true")) {
            *out = true;
            return true;
        }
        if (!strcmp(S(L, n), "false")) {
            *out = false;
            return true;
        }
    }
    wrong_type(L, n, what, "true or false");
    return false;
}

/* Free text: any scalar; NULL for nothing or on error. */
static char *get_text(loader *L, const node *n, const char *what)
{
    if (n->kind != N_SCALAR) {
        wrong_type(L, n, what, "text");
        return NULL;
    }
    if (is_null(L, n))
        return NULL;
    char *s = strdup(S(L, n));
    if (!s)
        L->oom = true;
    return s;
}

static bool get_date(loader *L, const node *n, const char *what, rc_date *out)
{
    if (n->kind != N_SCALAR || is_null(L, n)) {
        wrong_type(L, n, what, "a date (YYYY-MM-DD)");
        return false;
    }
    if (rc_date_parse(S(L, n), out) != 0) {
        char b[80];
        rc_error(L->d, nmark(n), "%s: invalid date '%s'; expected YYYY-MM-DD, a real calendar date",
                 what, show(S(L, n), b, sizeof b));
        return false;
    }
    return true;
}

static bool valid_id(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-'))
            return false;
    }
    return true;
}

static char *get_id(loader *L, const node *n, const char *what)
{
    if (n->kind != N_SCALAR || is_null(L, n)) {
        wrong_type(L, n, what, "an id");
        return NULL;
    }
    if (!valid_id(S(L, n))) {
        char b[80];
        rc_error(L->d, nmark(n),
                 "invalid id '%s': ids use only letters, digits, '_', '.' and '-'",
                 show(S(L, n), b, sizeof b));
        return NULL;
    }
    char *s = strdup(S(L, n));
    if (!s)
        L->oom = true;
    return s;
}

/* ---- keys ---- */

static int edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    int prev[41], cur[41];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c)
                c = prev[j] + 1;
            if (cur[j - 1] + 1 < c)
                c = cur[j - 1] + 1;
            cur[j] = c;
        }
        memcpy(prev, cur, sizeof prev);
    }
    return prev[lb];
}

/* The closest of NAMES within edit distance 2, or NULL. */
static const char *suggest(const char *s, const char *const *names)
{
    const char *best = NULL;
    int bd = 3;
    for (int i = 0; names[i]; i++) {
        int dd = edit_distance(s, names[i]);
        if (dd < bd) {
            bd = dd;
            best = names[i];
        }
    }
    return best;
}

static void join(char *out, size_t cap, const char *const *names)
{
    out[0] = '\0';
    for (int i = 0; names[i]; i++) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", i ? ", " : "", names[i]);
    }
}

static void check_keys(loader *L, const node *map, const char *what, const char *const *allowed)
{
    for (uint32_t i = 0; i < map->n; i++) {
        node *k = key_at(L, map, i);
        if (k->kind != N_SCALAR)
            continue;
        bool ok = false;
        for (int j = 0; allowed[j]; j++)
            if (!strcmp(S(L, k), allowed[j])) {
                ok = true;
                break;
            }
        if (ok)
            continue;
        char list[400], b[80], hint[80] = "";
        join(list, sizeof list, allowed);
        const char *s = suggest(S(L, k), allowed);
        if (s)
            snprintf(hint, sizeof hint, "; did you mean '%s'?", s);
        rc_error(L->d, nmark(k), "unknown key '%s' in %s; allowed: %s%s",
                 show(S(L, k), b, sizeof b), what, list, hint);
    }
}

/* The value of KEY in MAP (NULL when absent); *KEY_NODE gets the key. */
static node *get(loader *L, const node *map, const char *key, node **key_node)
{
    for (uint32_t i = 0; i < map->n; i++) {
        node *k = key_at(L, map, i);
        if (k->kind == N_SCALAR && !strcmp(S(L, k), key)) {
            if (key_node)
                *key_node = k;
            return val_at(L, map, i);
        }
    }
    return NULL;
}

static void missing(loader *L, const node *map, const char *key, const char *what)
{
    rc_error(L->d, nmark(map), "missing key '%s' in %s", key, what);
}

/* ---- distributions ---- */

static void add_dist(loader *L, rc_dist *d, const node *n, int role, bool bare)
{
    dist_ref *p = grow(L->dists, &L->cap_dists, L->n_dists + 1, sizeof *p);
    if (!p) {
        L->oom = true;
        return;
    }
    L->dists = p;
    L->dists[L->n_dists++] = (dist_ref){d, nmark(n), (uint8_t)role, (uint8_t)bare};
}

static const char *const dist_names[] = {"fixed", "uniform", "triangular", "pert", "trigen",
                                         "normal", "lognormal", "discrete", NULL};
static const char *const keys_fixed[] = {"dist", "value", NULL};
static const char *const keys_uniform[] = {"dist", "min", "max", NULL};
static const char *const keys_tri[] = {"dist", "min", "likely", "max", NULL};
static const char *const keys_pert[] = {"dist", "min", "likely", "max", "lambda", NULL};
static const char *const keys_trigen[] = {"dist", "low", "likely", "high", "low_pct",
                                          "high_pct", NULL};
static const char *const keys_normal[] = {"dist", "mean", "sd", NULL};
static const char *const keys_discrete[] = {"dist", "values", "weights", NULL};

/* A required number KEY of distribution mapping MAP. */
static bool dist_num(loader *L, const node *map, const char *key, const char *what,
                     double *out)
{
    node *v = get(L, map, key, NULL);
    if (!v) {
        missing(L, map, key, what);
        return false;
    }
    char w[80];
    snprintf(w, sizeof w, "%s", key);
    return get_number(L, v, w, out);
}

static bool number_list(loader *L, const node *n, const char *what, double **out, int *cnt)
{
    if (!want_seq(L, n, what))
        return false;
    if (n->n == 0 || n->n > RC_MAX_DISCRETE) {
        rc_error(L->d, nmark(n), "%s: expected 1 to %d numbers, found %u", what,
                 RC_MAX_DISCRETE, n->n);
        return false;
    }
    double *v = malloc(n->n * sizeof *v);
    if (!v) {
        L->oom = true;
        return false;
    }
    bool ok = true;
    for (uint32_t i = 0; i < n->n; i++)
        ok &= get_number(L, kid(L, n, i), what, &v[i]);
    if (!ok) {
        free(v);
        return false;
    }
    *out = v;
    *cnt = (int)n->n;
    return true;
}

/* Parse a distribution (any form of SPEC §2) into OUT (initialised fixed 0). */
static void parse_dist(loader *L, const node *n, rc_dist *out, int role)
{
    const char *what = role_names[role];
    rc_dist_fixed(out, 0);
    if (n->kind == N_SCALAR) {
        double v;
        if (get_number(L, n, what, &v)) {
            rc_dist_fixed(out, v);
            add_dist(L, out, n, role, false);
        }
        return;
    }
    if (n->kind == N_SEQ) {
        if (n->n != 3) {
            rc_error(L->d, nmark(n), "%s: a [min, likely, max] list needs 3 numbers, found %u",
                     what, n->n);
            return;
        }
        double v[3];
        bool ok = true;
        for (int i = 0; i < 3; i++)
            ok &= get_number(L, kid(L, n, (uint32_t)i), what, &v[i]);
        if (!ok)
            return;
        out->kind = RC_DIST_TRIANGULAR;
        out->a = v[0];
        out->b = v[1];
        out->c = v[2];
        add_dist(L, out, n, role, true);
        return;
    }
    if (n->kind != N_MAP) {
        wrong_type(L, n, what, "a number, [min, likely, max] or a distribution mapping");
        return;
    }
    node *kn = get(L, n, "dist", NULL);
    if (!kn) {
        char list[200];
        join(list, sizeof list, dist_names);
        rc_error(L->d, nmark(n), "missing key 'dist' in %s distribution (one of %s)", what,
                 list);
        return;
    }
    if (kn->kind != N_SCALAR) {
        wrong_type(L, kn, "dist", "a distribution name");
        return;
    }
    const char *name = S(L, kn);
    int k = -1;
    for (int i = 0; dist_names[i]; i++)
        if (!strcmp(name, dist_names[i]))
            k = i;
    if (k < 0) {
        char list[200], b[80], hint[80] = "";
        join(list, sizeof list, dist_names);
        const char *s = suggest(name, dist_names);
        if (s)
            snprintf(hint, sizeof hint, "; did you mean '%s'?", s);
        rc_error(L->d, nmark(kn), "unknown distribution '%s'; known: %s%s",
                 show(name, b, sizeof b), list, hint);
        return;
    }
    static const char *const *const keysets[] = {keys_fixed, keys_uniform, keys_tri,
                                                 keys_pert, keys_trigen, keys_normal,
                                                 keys_normal, keys_discrete};
    char dw[64];
    snprintf(dw, sizeof dw, "%s distribution", dist_names[k]);
    check_keys(L, n, dw, keysets[k]);
    rc_dist d;
    rc_dist_fixed(&d, 0);
    bool ok = true;
    switch (k) {
    case 0:
        d.kind = RC_DIST_FIXED;
        ok = dist_num(L, n, "value", dw, &d.a);
        d.b = d.c = d.a;
        break;
    case 1:
        d.kind = RC_DIST_UNIFORM;
        ok &= dist_num(L, n, "min", dw, &d.a);
        ok &= dist_num(L, n, "max", dw, &d.c);
        d.b = 0.5 * (d.a + d.c);
        break;
    case 2:
    case 3:
        d.kind = k == 2 ? RC_DIST_TRIANGULAR : RC_DIST_PERT;
        ok &= dist_num(L, n, "min", dw, &d.a);
        ok &= dist_num(L, n, "likely", dw, &d.b);
        ok &= dist_num(L, n, "max", dw, &d.c);
        if (k == 3) {
            node *lv = get(L, n, "lambda", NULL);
            if (lv)
                ok &= get_number_in(L, lv, "lambda", 0, INFINITY, ">= 0", &d.lambda);
        }
        break;
    case 4:
        d.kind = RC_DIST_TRIGEN;
        ok &= dist_num(L, n, "low", dw, &d.a);
        ok &= dist_num(L, n, "likely", dw, &d.b);
        ok &= dist_num(L, n, "high", dw, &d.c);
        ok &= dist_num(L, n, "low_pct", dw, &d.low_pct);
        ok &= dist_num(L, n, "high_pct", dw, &d.high_pct);
        break;
    case 5:
    case 6:
        d.kind = k == 5 ? RC_DIST_NORMAL : RC_DIST_LOGNORMAL;
        ok &= dist_num(L, n, "mean", dw, &d.a);
        ok &= dist_num(L, n, "sd", dw, &d.c);
        d.b = d.a;
        break;
    case 7: {
        d.kind = RC_DIST_DISCRETE;
        node *vn = get(L, n, "values", NULL), *wn = get(L, n, "weights", NULL);
        int nv = 0, nw = 0;
        if (!vn)
            missing(L, n, "values", dw);
        if (!wn)
            missing(L, n, "weights", dw);
        ok = vn && wn;
        if (vn)
            ok &= number_list(L, vn, "values", &d.values, &nv);
        if (wn)
            ok &= number_list(L, wn, "weights", &d.weights, &nw);
        if (ok && nv != nw) {
            rc_error(L->d, nmark(wn), "weights: %d weights for %d values; give one weight per value",
                     nw, nv);
            ok = false;
        }
        d.n = nv;
        break;
    }
    }
    if (!ok) {
        rc_dist_delete(&d);
        return;
    }
    *out = d;
    add_dist(L, out, n, role, false);
}

/* Lowest value a distribution can take, for the sign checks (normal: none). */
static bool dist_lowest(const rc_dist *d, double *lo)
{
    switch (d->kind) {
    case RC_DIST_NORMAL:
        return false;
    case RC_DIST_LOGNORMAL:
        *lo = 0;
        return true;
    case RC_DIST_DISCRETE:
        *lo = INFINITY;
        for (int i = 0; i < d->n; i++)
            if (d->values[i] < *lo)
                *lo = d->values[i];
        return true;
    default:
        *lo = d->a;
        return true;
    }
}

/* Resolve bare triples and check every distribution. */
static void finish_dists(loader *L)
{
    for (size_t i = 0; i < L->n_dists; i++) {
        dist_ref *r = &L->dists[i];
        if (r->bare)
            r->d->kind = L->m->default_dist;
        const char *msg = rc_dist_check(r->d);
        if (msg) {
            rc_error(L->d, r->mark, "invalid %s distribution: %s", role_names[r->role], msg);
            continue;
        }
        double lo;
        if ((r->role == ROLE_DURATION || r->role == ROLE_SCALE) && dist_lowest(r->d, &lo) &&
            lo < 0) {
            rc_error(L->d, r->mark, "a %s cannot be negative (lowest value %g)",
                     role_names[r->role], lo);
            continue;
        }
        /* A trigen's fitted triangle starts below `low` (low_pct percent of it
         * lies there), so its sign is known only once fitted. The fit only
         * sets p1, p2; prepare_all() fits it again. */
        if ((r->role == ROLE_DURATION || r->role == ROLE_SCALE) &&
            r->d->kind == RC_DIST_TRIGEN && rc_dist_prepare(r->d) == 0 && r->d->p1 < 0)
            rc_error(L->d, r->mark,
                     "this trigen's fitted minimum is %.4g (below 0): %ss cannot be negative; "
                     "raise low or low_pct",
                     r->d->p1, role_names[r->role]);
    }
}

/* ---- sections ---- */

static const char *const top_keys[] = {"version", "project", "calendar", "simulation",
                                       "tasks", "risks", "correlations", NULL};
static const char *const project_keys[] = {"name", "start", "currency", "deadline",
                                           "budget", "price", "overhead_per_day",
                                           "penalty_per_day", "default_distribution",
                                           "status_date", NULL};
static const char *const calendar_keys[] = {"workdays", "holidays", "extra_workdays", NULL};
static const char *const sim_keys[] = {"iterations", "seed", "confidence", NULL};
static const char *const task_keys[] = {"id", "name", "duration", "cost", "after",
                                        "not_before", "milestone", "done", "started",
                                        "actual_cost", NULL};
static const char *const cost_keys[] = {"fixed", "rate", NULL};
static const char *const link_keys[] = {"task", "type", "lag", NULL};
static const char *const risk_keys[] = {"id", "name", "owner", "category", "trigger",
                                        "response", "probability", "frequency", "impacts",
                                        "closed", "mitigation", NULL};
static const char *const impact_keys[] = {"tasks", "delay", "scale", "cost", NULL};
static const char *const mitigation_keys[] = {"action", "cost", "probability", "frequency",
                                              "impacts", NULL};
static const char *const corr_keys[] = {"tasks", "coefficient", NULL};
static const char *const weekday_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun",
                                            NULL};
static const char *const dist_defaults[] = {"triangular", "pert", NULL};
static const char *const link_types[] = {"FS", "SS", "FF", "SF", NULL};

static void parse_project(loader *L, const node *p)
{
    rc_model *m = L->m;
    node *v, *k;
    check_keys(L, p, "project", project_keys);
    if ((v = get(L, p, "name", NULL))) {
        char *s = get_text(L, v, "name");
        if (s) {
            free(m->name);
            m->name = s;
        }
    }
    if ((v = get(L, p, "currency", NULL))) {
        char *s = get_text(L, v, "currency");
        if (s) {
            free(m->currency);
            m->currency = s;
        }
    }
    if ((v = get(L, p, "start", NULL)))
        L->start_ok = get_date(L, v, "start", &m->start);
    else
        missing(L, p, "start", "project");
    if ((v = get(L, p, "deadline", NULL))) {
        m->has_deadline = get_date(L, v, "deadline", &m->deadline);
        if (m->has_deadline && L->start_ok && m->deadline < m->start)
            rc_error(L->d, nmark(v), "the deadline is before the project start");
    }
    if ((v = get(L, p, "status_date", NULL))) {
        m->has_status_date = get_date(L, v, "status_date", &m->status_date);
        if (m->has_status_date && L->start_ok && m->status_date < m->start)
            rc_error(L->d, nmark(v), "the status date is before the project start");
        if (!m->has_status_date)
            m->has_status_date = true; /* reported; do not also flag done/started */
    }
    if ((v = get(L, p, "budget", NULL)))
        m->has_budget = get_number_in(L, v, "budget", 0, INFINITY, ">= 0", &m->budget);
    if ((v = get(L, p, "price", NULL)))
        m->has_price = get_number_in(L, v, "price", 0, INFINITY, ">= 0", &m->price);
    if ((v = get(L, p, "overhead_per_day", NULL)))
        get_number_in(L, v, "overhead_per_day", 0, INFINITY, ">= 0", &m->overhead_per_day);
    if ((v = get(L, p, "penalty_per_day", NULL)))
        get_number_in(L, v, "penalty_per_day", 0, INFINITY, ">= 0", &m->penalty_per_day);
    if ((v = get(L, p, "default_distribution", &k))) {
        if (v->kind == N_SCALAR && !strcmp(S(L, v), "triangular"))
            m->default_dist = RC_DIST_TRIANGULAR;
        else if (v->kind == N_SCALAR && !strcmp(S(L, v), "pert"))
            m->default_dist = RC_DIST_PERT;
        else if (v->kind == N_SCALAR) {
            char b[80], hint[80] = "";
            const char *s = suggest(S(L, v), dist_defaults);
            if (s)
                snprintf(hint, sizeof hint, "; did you mean '%s'?", s);
            rc_error(L->d, nmark(v), "default_distribution must be triangular or pert, found '%s'%s",
                     show(S(L, v), b, sizeof b), hint);
        } else
            wrong_type(L, v, "default_distribution", "triangular or pert");
    }
}

static int cmp_date(const void *a, const void *b)
{
    rc_date x = *(const rc_date *)a, y = *(const rc_date *)b;
    return (x > y) - (x < y);
}

static int sort_unique(rc_date *a, int n)
{
    if (n == 0)
        return 0;
    qsort(a, (size_t)n, sizeof *a, cmp_date);
    int k = 1;
    for (int i = 1; i < n; i++)
        if (a[i] != a[k - 1])
            a[k++] = a[i];
    return k;
}

static bool push_date(loader *L, rc_date **a, int *n, size_t *cap, rc_date x)
{
    rc_date *p = grow(*a, cap, (size_t)*n + 1, sizeof *p);
    if (!p) {
        L->oom = true;
        return false;
    }
    *a = p;
    (*a)[(*n)++] = x;
    return true;
}

static void parse_calendar(loader *L, const node *c)
{
    rc_calendar *cal = &L->m->calendar;
    node *v;
    check_keys(L, c, "calendar", calendar_keys);
    if ((v = get(L, c, "workdays", NULL)) && want_seq(L, v, "workdays")) {
        bool wd[7] = {0};
        for (uint32_t i = 0; i < v->n; i++) {
            node *x = kid(L, v, i);
            if (x->kind != N_SCALAR) {
                wrong_type(L, x, "workdays", "a day (mon, tue, wed, thu, fri, sat, sun)");
                continue;
            }
            int k = -1;
            for (int j = 0; j < 7; j++)
                if (!strcmp(S(L, x), weekday_names[j]))
                    k = j;
            if (k < 0) {
                char b[80], hint[80] = "";
                const char *s = suggest(S(L, x), weekday_names);
                if (s)
                    snprintf(hint, sizeof hint, "; did you mean '%s'?", s);
                rc_error(L->d, nmark(x),
                         "unknown day '%s'; days are mon, tue, wed, thu, fri, sat, sun%s",
                         show(S(L, x), b, sizeof b), hint);
                continue;
            }
            wd[k] = true;
        }
        int cnt = 0;
        for (int j = 0; j < 7; j++)
            cnt += wd[j];
        if (cnt == 0)
            rc_error(L->d, nmark(v), "workdays: the week needs at least one working day");
        else
            memcpy(cal->workday, wd, sizeof wd);
    }
    size_t cap = 0;
    if ((v = get(L, c, "holidays", NULL)) && want_seq(L, v, "holidays")) {
        long total = 0;
        for (uint32_t i = 0; i < v->n; i++) {
            node *x = kid(L, v, i);
            rc_date a, b;
            if (x->kind == N_MAP) {
                static const char *const range_keys[] = {"from", "to", NULL};
                check_keys(L, x, "holiday range", range_keys);
                node *f = get(L, x, "from", NULL), *t = get(L, x, "to", NULL);
                if (!f)
                    missing(L, x, "from", "holiday range");
                if (!t)
                    missing(L, x, "to", "holiday range");
                if (!f || !t)
                    continue;
                bool ok = get_date(L, f, "from", &a);
                ok &= get_date(L, t, "to", &b);
                if (!ok)
                    continue;
                if (b < a) {
                    rc_error(L->d, nmark(t), "holiday range ends before it starts");
                    continue;
                }
            } else if (x->kind == N_SCALAR) {
                if (!get_date(L, x, "holidays", &a))
                    continue;
                b = a;
            } else {
                wrong_type(L, x, "holidays", "a date or {from, to}");
                continue;
            }
            total += (long)b - a + 1;
            if (total > RC_MAX_HOLIDAYS) {
                rc_error(L->d, nmark(x), "more than %d holiday days, the limit", RC_MAX_HOLIDAYS);
                break;
            }
            for (rc_date d = a; d <= b; d++)
                if (!push_date(L, &cal->holidays, &cal->n_holidays, &cap, d))
                    return;
        }
        cal->n_holidays = sort_unique(cal->holidays, cal->n_holidays);
    }
    cap = 0;
    if ((v = get(L, c, "extra_workdays", NULL)) && want_seq(L, v, "extra_workdays")) {
        if (v->n > RC_MAX_HOLIDAYS) {
            rc_error(L->d, nmark(v), "more than %d extra working days, the limit", RC_MAX_HOLIDAYS);
            return;
        }
        for (uint32_t i = 0; i < v->n; i++) {
            rc_date a;
            if (get_date(L, kid(L, v, i), "extra_workdays", &a) &&
                !push_date(L, &cal->extra, &cal->n_extra, &cap, a))
                return;
        }
        cal->n_extra = sort_unique(cal->extra, cal->n_extra);
    }
}

static void parse_simulation(loader *L, const node *s)
{
    rc_model *m = L->m;
    node *v;
    check_keys(L, s, "simulation", sim_keys);
    if ((v = get(L, s, "iterations", NULL))) {
        uint64_t u;
        int r = v->kind == N_SCALAR && v->plain ? parse_u64(S(L, v), &u) : -1;
        if (r == -1)
            wrong_type(L, v, "iterations", "a whole number");
        else if (r == -2 || u < 1 || u > (uint64_t)RC_MAX_ITERATIONS)
            rc_error(L->d, nmark(v), "iterations must be between 1 and %ld",
                     (long)RC_MAX_ITERATIONS);
        else {
            m->has_iterations = true;
            m->iterations = (long)u;
        }
    }
    if ((v = get(L, s, "seed", NULL))) {
        uint64_t u;
        int r = v->kind == N_SCALAR && v->plain ? parse_u64(S(L, v), &u) : -1;
        if (r == -1)
            wrong_type(L, v, "seed", "a whole number from 0 to 18446744073709551615");
        else if (r == -2)
            rc_error(L->d, nmark(v), "seed must be an unsigned 64-bit integer "
                                     "(0 to 18446744073709551615)");
        else {
            m->has_seed = true;
            m->seed = u;
        }
    }
    if ((v = get(L, s, "confidence", NULL))) {
        double c;
        if (get_number(L, v, "confidence", &c)) {
            if (!(c > 0 && c < 1))
                rc_error(L->d, nmark(v), "confidence must lie strictly between 0 and 1, found %g", c);
            else {
                m->has_confidence = true;
                m->confidence = c;
            }
        }
    }
}

static void parse_link(loader *L, const node *x, rc_task *t)
{
    rc_link *l = &t->after[t->n_after];
    memset(l, 0, sizeof *l);
    l->pred = -1;
    l->mark = nmark(x);
    if (x->kind == N_MAP) {
        check_keys(L, x, "link", link_keys);
        node *tv = get(L, x, "task", NULL), *v;
        bool ok = true;
        if (!tv) {
            missing(L, x, "task", "link");
            ok = false;
        } else if (!(l->task = get_id(L, tv, "task")))
            ok = false;
        else
            l->mark = nmark(tv);
        if ((v = get(L, x, "type", NULL))) {
            int k = -1;
            if (v->kind == N_SCALAR)
                for (int j = 0; link_types[j]; j++)
                    if (!strcmp(S(L, v), link_types[j]))
                        k = j;
            if (k < 0) {
                char b[120];
                rc_error(L->d, nmark(v), "type: expected FS, SS, FF or SF, found %s",
                         describe(L, v, b, sizeof b));
                ok = false;
            } else
                l->type = (rc_link_type)k;
        }
        if ((v = get(L, x, "lag", NULL)))
            ok &= get_number(L, v, "lag", &l->lag);
        if (!ok) {
            free(l->task);
            l->task = NULL;
            return;
        }
    } else {
        if (!(l->task = get_id(L, x, "after")))
            return;
    }
    if (++L->n_links > RC_MAX_LINKS) {
        if (L->n_links == RC_MAX_LINKS + 1)
            rc_error(L->d, nmark(x), "more than %d links, the limit", RC_MAX_LINKS);
        free(l->task);
        l->task = NULL;
        return;
    }
    t->n_after++;
}

static void parse_task(loader *L, const node *n, rc_task *t)
{
    rc_model *m = L->m;
    node *v, *k;
    rc_dist_fixed(&t->duration, 0);
    rc_dist_fixed(&t->cost_fixed, 0);
    rc_dist_fixed(&t->cost_rate, 0);
    t->mark = nmark(n);
    t->id_mark = t->mark;
    t->duration_mark = t->mark;
    if (!want_map(L, n, "task"))
        return;
    check_keys(L, n, "task", task_keys);
    if ((v = get(L, n, "id", NULL))) {
        t->id = get_id(L, v, "id");
        t->id_mark = nmark(v);
    } else
        missing(L, n, "id", "task");
    char what[120], b[80];
    snprintf(what, sizeof what, "task '%s'", t->id ? show(t->id, b, sizeof b) : "?");
    if ((v = get(L, n, "name", NULL)))
        t->name = get_text(L, v, "name");
    if ((v = get(L, n, "milestone", NULL)))
        get_bool(L, v, "milestone", &t->milestone);
    node *dur = get(L, n, "duration", &k);
    if (t->milestone && dur) {
        rc_error(L->d, nmark(k), "a milestone has no duration (milestone: true means duration 0)");
    } else if (dur) {
        t->duration_mark = nmark(dur);
        parse_dist(L, dur, &t->duration, ROLE_DURATION);
    } else if (!t->milestone) {
        rc_error(L->d, nmark(n), "missing key 'duration' in %s (required unless milestone: true)",
                 what);
    }
    if ((v = get(L, n, "cost", NULL))) {
        if (v->kind == N_MAP && !get(L, v, "dist", NULL)) {
            node *c;
            check_keys(L, v, "cost", cost_keys);
            if ((c = get(L, v, "fixed", NULL)))
                parse_dist(L, c, &t->cost_fixed, ROLE_COST);
            if ((c = get(L, v, "rate", NULL)))
                parse_dist(L, c, &t->cost_rate, ROLE_RATE);
        } else {
            parse_dist(L, v, &t->cost_fixed, ROLE_COST);
        }
    }
    if ((v = get(L, n, "after", NULL))) {
        if (v->kind == N_SCALAR && !is_null(L, v)) {
            t->after = calloc(1, sizeof *t->after);
            if (!t->after) {
                L->oom = true;
                return;
            }
            parse_link(L, v, t);
        } else if (want_seq(L, v, "after") && v->n > 0) {
            t->after = calloc(v->n, sizeof *t->after);
            if (!t->after) {
                L->oom = true;
                return;
            }
            for (uint32_t i = 0; i < v->n; i++)
                parse_link(L, kid(L, v, i), t);
        }
    }
    if ((v = get(L, n, "not_before", NULL)))
        t->has_not_before = get_date(L, v, "not_before", &t->not_before);
    node *kd = NULL, *ks = NULL;
    if ((v = get(L, n, "done", &kd)) && get_bool(L, v, "done", &t->done) && t->done &&
        !m->has_status_date)
        rc_error(L->d, nmark(kd), "done: needs project.status_date (the date progress is measured at)");
    if ((v = get(L, n, "started", &ks)) && get_bool(L, v, "started", &t->started) &&
        t->started && !m->has_status_date)
        rc_error(L->d, nmark(ks), "started: needs project.status_date (the date progress is measured at)");
    if (t->done && t->started)
        rc_error(L->d, nmark(ks), "a task cannot be both done and started");
    node *ka = NULL;
    if ((v = get(L, n, "actual_cost", &ka)) &&
        get_number_in(L, v, "actual_cost", 0, INFINITY, ">= 0", &t->actual_cost)) {
        /* without a status date the task's whole cost is forecast: adding
         * what it has cost so far would count it twice */
        if (!m->has_status_date) {
            rc_error(L->d, nmark(ka), "actual_cost needs project.status_date (it is what a "
                                      "task has cost up to that date)");
            t->actual_cost = 0;
        } else if (!t->done && !t->started) {
            rc_warning(L->d, nmark(ka),
                       "actual_cost on a task that is neither done nor started: it is added "
                       "to the cost on top of the task's own forecast cost");
        }
    }
}

/* A list of task ids with their marks. */
static bool parse_id_list(loader *L, const node *v, const char *what, int min_n, char ***ids,
                          rc_mark **marks, int *n)
{
    if (!want_seq(L, v, what))
        return false;
    if ((int)v->n < min_n || v->n > (uint32_t)RC_MAX_TASKS) {
        rc_error(L->d, nmark(v), "%s: expected at least %d task id%s, found %u", what, min_n,
                 min_n == 1 ? "" : "s", v->n);
        return false;
    }
    *ids = calloc(v->n, sizeof **ids);
    *marks = calloc(v->n, sizeof **marks);
    if (!*ids || !*marks) {
        L->oom = true;
        return false;
    }
    *n = 0;
    bool ok = true;
    for (uint32_t i = 0; i < v->n; i++) {
        node *x = kid(L, v, i);
        char *s = get_id(L, x, what);
        if (!s) {
            ok = false;
            continue;
        }
        (*ids)[*n] = s;
        (*marks)[*n] = nmark(x);
        (*n)++;
    }
    return ok;
}

static void parse_impacts(loader *L, const node *v, rc_risk_effect *e)
{
    if (!want_seq(L, v, "impacts"))
        return;
    if (v->n == 0) {
        rc_error(L->d, nmark(v), "impacts: a risk needs at least one impact");
        return;
    }
    e->impacts = calloc(v->n, sizeof *e->impacts);
    if (!e->impacts) {
        L->oom = true;
        return;
    }
    e->n_impacts = (int)v->n;
    for (uint32_t i = 0; i < v->n; i++) {
        node *x = kid(L, v, i), *f;
        rc_impact *im = &e->impacts[i];
        rc_dist_fixed(&im->delay, 0);
        rc_dist_fixed(&im->scale, 1);
        rc_dist_fixed(&im->cost, 0);
        im->mark = nmark(x);
        if (!want_map(L, x, "impact"))
            continue;
        check_keys(L, x, "impact", impact_keys);
        if ((f = get(L, x, "tasks", NULL)))
            parse_id_list(L, f, "tasks", 1, &im->tasks, &im->task_marks, &im->n_tasks);
        else
            missing(L, x, "tasks", "impact");
        if ((f = get(L, x, "delay", NULL))) {
            im->has_delay = true;
            parse_dist(L, f, &im->delay, ROLE_DELAY);
        }
        if ((f = get(L, x, "scale", NULL))) {
            im->has_scale = true;
            parse_dist(L, f, &im->scale, ROLE_SCALE);
        }
        if ((f = get(L, x, "cost", NULL))) {
            im->has_cost = true;
            parse_dist(L, f, &im->cost, ROLE_COST);
        }
        if (!im->has_delay && !im->has_scale && !im->has_cost)
            rc_error(L->d, nmark(x), "an impact needs at least one of delay, scale, cost");
    }
}

/* probability | frequency of a risk or a mitigation. */
static void parse_likelihood(loader *L, const node *map, rc_risk_effect *e, bool *has_p,
                             bool *has_f)
{
    node *p = get(L, map, "probability", NULL), *f = get(L, map, "frequency", NULL), *kf;
    *has_p = *has_f = false;
    if (p && f) {
        get(L, map, "frequency", &kf);
        rc_error(L->d, nmark(kf), "give either probability or frequency, not both");
        return;
    }
    if (p && get_number_in(L, p, "probability", 0, 1, "between 0 and 1", &e->probability)) {
        e->use_frequency = false;
        *has_p = true;
    }
    if (f && get_number_in(L, f, "frequency", 0, RC_MAX_FREQUENCY, "between 0 and 1000",
                           &e->frequency)) {
        e->use_frequency = true;
        *has_f = true;
    }
}

static void parse_risk(loader *L, const node *n, rc_risk *r, int ri)
{
    node *v;
    r->mark = nmark(n);
    r->id_mark = r->mark;
    if (!want_map(L, n, "risk"))
        return;
    check_keys(L, n, "risk", risk_keys);
    if ((v = get(L, n, "id", NULL))) {
        r->id = get_id(L, v, "id");
        r->id_mark = nmark(v);
    } else
        missing(L, n, "id", "risk");
    static const char *const texts[] = {"name", "owner", "category", "trigger", "response"};
    char **dst[] = {&r->name, &r->owner, &r->category, &r->trigger, &r->response};
    for (int i = 0; i < 5; i++)
        if ((v = get(L, n, texts[i], NULL)))
            *dst[i] = get_text(L, v, texts[i]);
    if ((v = get(L, n, "closed", NULL)))
        get_bool(L, v, "closed", &r->closed);
    bool hp, hf;
    parse_likelihood(L, n, &r->effect, &hp, &hf);
    /* a closed risk leaves the simulation: what it would do is optional
     * (and still checked when given) */
    if (!get(L, n, "probability", NULL) && !get(L, n, "frequency", NULL) && !r->closed)
        rc_error(L->d, nmark(n), "missing key 'probability' (or 'frequency') in risk");
    if ((v = get(L, n, "impacts", NULL)))
        parse_impacts(L, v, &r->effect);
    else if (!r->closed)
        missing(L, n, "impacts", "risk");
    node *mk;
    if ((v = get(L, n, "mitigation", &mk))) {
        r->mitigation_mark = nmark(mk);
        if (!want_map(L, v, "mitigation"))
            return;
        r->has_mitigation = true;
        r->mitigation_mark = nmark(v);
        check_keys(L, v, "mitigation", mitigation_keys);
        node *f;
        if ((f = get(L, v, "action", NULL)))
            r->mitigation_action = get_text(L, f, "action");
        if ((f = get(L, v, "cost", NULL)))
            get_number_in(L, f, "cost", 0, INFINITY, ">= 0", &r->mitigation_cost);
        parse_likelihood(L, v, &r->mitigated, &hp, &hf);
        L->mit_p[ri] = hp;
        L->mit_f[ri] = hf;
        if ((f = get(L, v, "impacts", NULL))) {
            L->mit_imp[ri] = 1;
            parse_impacts(L, f, &r->mitigated);
        }
    }
}

static int copy_impact(rc_impact *dst, const rc_impact *src)
{
    memset(dst, 0, sizeof *dst);
    *dst = *src;
    dst->tasks = NULL;
    dst->task_idx = NULL;
    dst->task_marks = NULL;
    dst->n_tasks = 0;
    rc_dist_fixed(&dst->delay, 0);
    rc_dist_fixed(&dst->scale, 1);
    rc_dist_fixed(&dst->cost, 0);
    if (rc_dist_copy(&dst->delay, &src->delay) || rc_dist_copy(&dst->scale, &src->scale) ||
        rc_dist_copy(&dst->cost, &src->cost))
        return -1;
    if (src->n_tasks > 0) {
        dst->tasks = calloc((size_t)src->n_tasks, sizeof *dst->tasks);
        dst->task_marks = malloc((size_t)src->n_tasks * sizeof *dst->task_marks);
        if (!dst->tasks || !dst->task_marks)
            return -1;
        memcpy(dst->task_marks, src->task_marks, (size_t)src->n_tasks * sizeof *dst->task_marks);
        for (int j = 0; j < src->n_tasks; j++) {
            dst->tasks[j] = strdup(src->tasks[j]);
            dst->n_tasks = j + 1;
            if (!dst->tasks[j])
                return -1;
        }
    }
    return 0;
}

/* The mitigated effect: fields the mitigation gives replace the risk's. */
static void build_mitigated(loader *L, rc_risk *r, int ri)
{
    rc_risk_effect *me = &r->mitigated;
    if (!L->mit_p[ri] && !L->mit_f[ri]) {
        me->use_frequency = r->effect.use_frequency;
        me->probability = r->effect.probability;
        me->frequency = r->effect.frequency;
    } else {
        /* one replaces both */
        if (L->mit_p[ri])
            me->frequency = 0;
        else
            me->probability = 0;
    }
    if (!L->mit_imp[ri] && r->effect.n_impacts > 0) {
        me->impacts = calloc((size_t)r->effect.n_impacts, sizeof *me->impacts);
        if (!me->impacts) {
            L->oom = true;
            return;
        }
        for (int i = 0; i < r->effect.n_impacts; i++) {
            me->n_impacts = i + 1;
            if (copy_impact(&me->impacts[i], &r->effect.impacts[i]) != 0) {
                L->oom = true;
                return;
            }
        }
    }
}

static void parse_correlation(loader *L, const node *n, rc_correlation *c)
{
    node *v;
    c->mark = nmark(n);
    if (!want_map(L, n, "correlation"))
        return;
    check_keys(L, n, "correlation", corr_keys);
    if ((v = get(L, n, "tasks", NULL)))
        parse_id_list(L, v, "tasks", 2, &c->tasks, &c->task_marks, &c->n_tasks);
    else
        missing(L, n, "tasks", "correlation");
    if ((v = get(L, n, "coefficient", NULL)))
        get_number_in(L, v, "coefficient", -1, 1, "between -1 and 1", &c->coefficient);
    else
        missing(L, n, "coefficient", "correlation");
}

/* ---- the whole file ---- */

static void lint_model(loader *L);

static void load_tree(loader *L, const node *root)
{
    rc_model *m = L->m;
    node *v;
    if (root->kind != N_MAP) {
        char b[120];
        rc_error(L->d, nmark(root),
                 "a project file is a mapping of keys (version, project, tasks, ...); found %s",
                 describe(L, root, b, sizeof b));
        return;
    }
    if ((v = get(L, root, "version", NULL))) {
        uint64_t u;
        int r = v->kind == N_SCALAR && v->plain ? parse_u64(S(L, v), &u) : -1;
        if (r == -1) {
            wrong_type(L, v, "version", "the whole number 1");
            return;
        }
        if (r == -2 || u != 1) {
            char b[80];
            rc_error(L->d, nmark(v), "unsupported version %s; this riskcast reads version 1",
                     show(S(L, v), b, sizeof b));
            return;
        }
    } else
        rc_error(L->d, nmark(root), "missing key 'version' at the top; a project file starts with `version: 1`");
    check_keys(L, root, "the project file", top_keys);

    if ((v = get(L, root, "project", NULL))) {
        if (want_map(L, v, "project"))
            parse_project(L, v);
    } else
        rc_error(L->d, nmark(root), "missing key 'project' (with at least its start date)");
    if ((v = get(L, root, "simulation", NULL)) && want_map(L, v, "simulation"))
        parse_simulation(L, v);
    if ((v = get(L, root, "calendar", NULL)) && want_map(L, v, "calendar"))
        parse_calendar(L, v);

    if ((v = get(L, root, "tasks", NULL))) {
        if (want_seq(L, v, "tasks")) {
            if (v->n > (uint32_t)RC_MAX_TASKS)
                rc_error(L->d, nmark(v), "more than %d tasks, the limit", RC_MAX_TASKS);
            else if (v->n == 0)
                rc_error(L->d, nmark(v), "tasks: a project needs at least one task");
            else if (!(m->tasks = calloc(v->n, sizeof *m->tasks)))
                L->oom = true;
            else {
                m->n_tasks = (int)v->n;
                for (uint32_t i = 0; i < v->n; i++)
                    parse_task(L, kid(L, v, i), &m->tasks[i]);
            }
        }
    } else
        rc_error(L->d, nmark(root), "missing key 'tasks' (the list of tasks)");

    if ((v = get(L, root, "risks", NULL)) && !is_null(L, v) && want_seq(L, v, "risks")) {
        if (v->n > (uint32_t)RC_MAX_RISKS)
            rc_error(L->d, nmark(v), "more than %d risks, the limit", RC_MAX_RISKS);
        else if (v->n > 0) {
            m->risks = calloc(v->n, sizeof *m->risks);
            L->mit_p = calloc(v->n, 1);
            L->mit_f = calloc(v->n, 1);
            L->mit_imp = calloc(v->n, 1);
            if (!m->risks || !L->mit_p || !L->mit_f || !L->mit_imp)
                L->oom = true;
            else {
                m->n_risks = (int)v->n;
                for (uint32_t i = 0; i < v->n; i++)
                    parse_risk(L, kid(L, v, i), &m->risks[i], (int)i);
            }
        }
    }
    if ((v = get(L, root, "correlations", NULL)) && !is_null(L, v) &&
        want_seq(L, v, "correlations") && v->n > 0) {
        if (!(m->corrs = calloc(v->n, sizeof *m->corrs)))
            L->oom = true;
        else {
            m->n_corrs = (int)v->n;
            for (uint32_t i = 0; i < v->n; i++)
                parse_correlation(L, kid(L, v, i), &m->corrs[i]);
        }
    }
    if (L->oom)
        return;

    finish_dists(L);
    if (L->start_ok && rc_calendar_compile(&m->calendar, m->start) != 0)
        L->oom = true; /* the week has a working day (checked), so only memory */
    for (int i = 0; i < m->n_risks && !L->oom; i++)
        if (m->risks[i].has_mitigation)
            build_mitigated(L, &m->risks[i], i);
    if (L->oom)
        return;
    rc_model_resolve(m, L->d);
    lint_model(L);
}

/* ---- warnings: valid input that does not do what it seems to ---- */

static bool task_is_done(const rc_model *m, int i)
{
    return i >= 0 && m->has_status_date && m->tasks[i].done;
}

static void lint_impacts(loader *L, const rc_impact *im, int n)
{
    rc_model *m = L->m;
    for (int i = 0; i < n; i++) {
        if (!im[i].task_idx)
            continue;
        for (int j = 0; j < im[i].n_tasks; j++) {
            int t = im[i].task_idx[j];
            if (t < 0)
                continue;
            rc_mark mk = im[i].task_marks ? im[i].task_marks[j] : im[i].mark;
            char b[80];
            const char *id = show(m->tasks[t].id, b, sizeof b);
            if (task_is_done(m, t))
                rc_warning(L->d, mk, "task '%s' is done: this impact has no effect on it", id);
            else if (m->tasks[t].milestone && im[i].has_delay)
                rc_warning(L->d, mk,
                           "task '%s' is a milestone: a delay turns it into a real task "
                           "(it lasts the delay when the risk occurs)",
                           id);
        }
    }
}

/* A task pair in a correlation, for finding pairs given twice. */
typedef struct {
    uint64_t key;     /* (lower index + 1) << 32 | (higher index + 1); 0 = empty */
    int corr;         /* the latest correlation giving it */
} pair_slot;

#define RC_MAX_PAIR_CHECK (1L << 22)

static void lint_correlations(loader *L)
{
    rc_model *m = L->m;
    char b[80], b2[80];
    /* how many correlations each task is in: only tasks in two or more can
     * form a pair given twice */
    int *count = calloc((size_t)(m->n_tasks ? m->n_tasks : 1), sizeof *count);
    if (!count) {
        L->oom = true;
        return;
    }
    long pairs = 0;
    for (int c = 0; c < m->n_corrs; c++) {
        const rc_correlation *co = &m->corrs[c];
        if (!co->task_idx)
            continue;
        for (int j = 0; j < co->n_tasks; j++) {
            int t = co->task_idx[j];
            if (t < 0)
                continue;
            count[t]++;
            rc_mark mk = co->task_marks ? co->task_marks[j] : co->mark;
            const char *id = show(m->tasks[t].id, b, sizeof b);
            if (task_is_done(m, t))
                rc_warning(L->d, mk, "task '%s' is done: correlating it has no effect", id);
            else if (m->tasks[t].milestone)
                rc_warning(L->d, mk,
                           "task '%s' is a milestone (duration 0): correlating it has no effect",
                           id);
        }
    }
    for (int c = 0; c < m->n_corrs; c++) {
        const rc_correlation *co = &m->corrs[c];
        long k = 0;
        for (int j = 0; co->task_idx && j < co->n_tasks; j++)
            k += co->task_idx[j] >= 0 && count[co->task_idx[j]] >= 2;
        pairs += k * (k - 1) / 2;
    }
    if (pairs == 0 || pairs > RC_MAX_PAIR_CHECK) {
        free(count);
        return;
    }
    size_t cap = 16;
    while (cap < (size_t)pairs * 2)
        cap *= 2;
    pair_slot *tab = calloc(cap, sizeof *tab);
    if (!tab) {
        free(count);
        L->oom = true;
        return;
    }
    for (int c = 0; c < m->n_corrs; c++) {
        const rc_correlation *co = &m->corrs[c];
        for (int s = 0; co->task_idx && s < co->n_tasks; s++) {
            int a = co->task_idx[s];
            if (a < 0 || count[a] < 2)
                continue;
            for (int t = s + 1; t < co->n_tasks; t++) {
                int bb = co->task_idx[t];
                if (bb < 0 || bb == a || count[bb] < 2)
                    continue;
                int lo = a < bb ? a : bb, hi = a < bb ? bb : a;
                uint64_t key = ((uint64_t)(lo + 1) << 32) | (uint64_t)(hi + 1);
                size_t h = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (cap - 1);
                while (tab[h].key && tab[h].key != key)
                    h = (h + 1) & (cap - 1);
                if (!tab[h].key) {
                    tab[h].key = key;
                    tab[h].corr = c;
                    continue;
                }
                const rc_correlation *prev = &m->corrs[tab[h].corr];
                if (tab[h].corr != c)
                    rc_warning(L->d, co->mark,
                               "tasks '%s' and '%s' are also correlated at line %d: the "
                               "coefficient here (%g, line %d) replaces that one (%g)",
                               show(m->tasks[lo].id, b, sizeof b),
                               show(m->tasks[hi].id, b2, sizeof b2), prev->mark.line,
                               co->coefficient, co->mark.line, prev->coefficient);
                tab[h].corr = c;
            }
        }
    }
    free(tab);
    free(count);
}

static void lint_model(loader *L)
{
    rc_model *m = L->m;
    for (int j = 0; j < m->n_risks; j++) {
        rc_risk *r = &m->risks[j];
        if (r->closed)
            continue; /* it leaves the simulation: its impacts do nothing anyway */
        lint_impacts(L, r->effect.impacts, r->effect.n_impacts);
        if (r->has_mitigation && L->mit_imp[j]) /* its own impacts, not copies */
            lint_impacts(L, r->mitigated.impacts, r->mitigated.n_impacts);
    }
    lint_correlations(L);
}

/* Prepare every distribution for sampling (only on an error-free model). */
static void prepare_all(loader *L)
{
    for (size_t i = 0; i < L->n_dists; i++)
        if (rc_dist_prepare(L->dists[i].d) != 0)
            rc_error(L->d, L->dists[i].mark, "the %s distribution cannot be set up%s",
                     role_names[L->dists[i].role],
                     L->dists[i].d->kind == RC_DIST_TRIGEN
                         ? ": no triangular has these percentiles"
                         : " (out of memory)");
    for (int j = 0; j < L->m->n_risks; j++) {
        rc_risk *r = &L->m->risks[j];
        if (!r->has_mitigation || L->mit_imp[j])
            continue;
        for (int i = 0; i < r->mitigated.n_impacts; i++) {
            rc_impact *im = &r->mitigated.impacts[i];
            if (rc_dist_prepare(&im->delay) || rc_dist_prepare(&im->scale) ||
                rc_dist_prepare(&im->cost))
                rc_error(L->d, r->mitigation_mark, "out of memory");
        }
    }
}

rc_load_status rc_load_buffer(const char *buf, size_t len, rc_model **out, rc_diags *d)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.d = d;
    L.buf = buf;
    L.len = len;
    *out = NULL;
    size_t errors0 = d->n_errors;
    static const rc_mark first = {1, 1};

    if (len > (size_t)RC_MAX_FILE_BYTES) {
        rc_error(d, first, "the file is larger than %ld bytes, the limit for a project file",
                 (long)RC_MAX_FILE_BYTES);
        return RC_LOAD_INVALID;
    }
    size_t i = 0;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
        i++;
    if (i == len) {
        rc_error(d, first, "the file is empty; a project file starts with `version: 1`");
        return RC_LOAD_INVALID;
    }

    L.m = rc_model_alloc();
    if (!L.m)
        L.oom = true;
    uint32_t root = 0;
    int r = L.m ? build_tree(&L, &root) : -1;
    if (r == 1 || (r == 0 && is_null(&L, N(&L, root))))
        rc_error(d, first, "the file is empty; a project file starts with `version: 1`");
    else if (r == 0) {
        L.m->name = strdup("");
        L.m->currency = strdup("");
        if (!L.m->name || !L.m->currency)
            L.oom = true;
        else
            load_tree(&L, N(&L, root));
    }
    if (!L.oom && d->n_errors == errors0)
        prepare_all(&L);
    if (L.oom)
        rc_error(d, no_mark, "out of memory while reading the project file");

    free(L.nodes);
    free(L.text);
    free(L.kids);
    free(L.pend);
    free(L.dists);
    free(L.mit_p);
    free(L.mit_f);
    free(L.mit_imp);
    rc_diags_sort(d);
    if (d->n_errors != errors0) {
        rc_model_free(L.m);
        return RC_LOAD_INVALID;
    }
    *out = L.m;
    return RC_LOAD_OK;
}

rc_load_status rc_load_file(const char *path, rc_model **out, rc_diags *d, char *err,
                            size_t errlen)
{
    *out = NULL;
    if (err && errlen)
        err[0] = '\0';
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        if (err)
            snprintf(err, errlen, "%s", strerror(errno));
        return RC_LOAD_IO;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (err)
            snprintf(err, errlen, "%s", strerror(EISDIR));
        close(fd);
        return RC_LOAD_IO;
    }
    size_t cap = 0, len = 0;
    char *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        st.st_size <= RC_MAX_FILE_BYTES)
        cap = (size_t)st.st_size + 1;
    else
        cap = 65536;
    buf = malloc(cap);
    if (!buf) {
        if (err)
            snprintf(err, errlen, "%s", strerror(ENOMEM));
        close(fd);
        return RC_LOAD_IO;
    }
    for (;;) {
        if (len == cap) {
            if (cap > (size_t)RC_MAX_FILE_BYTES)
                break;
            size_t nc = cap * 2;
            if (nc > (size_t)RC_MAX_FILE_BYTES + 1)
                nc = (size_t)RC_MAX_FILE_BYTES + 1;
            char *nb = realloc(buf, nc);
            if (!nb) {
                free(buf);
                close(fd);
                if (err)
                    snprintf(err, errlen, "%s", strerror(ENOMEM));
                return RC_LOAD_IO;
            }
            buf = nb;
            cap = nc;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            if (err)
                snprintf(err, errlen, "%s", strerror(e));
            return RC_LOAD_IO;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    rc_load_status s = rc_load_buffer(buf, len, out, d);
    free(buf);
    return s;
}
