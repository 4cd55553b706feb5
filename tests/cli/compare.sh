#!/bin/sh
# compare.sh - `riskcast compare A B`: differences on shared random numbers.
#
# Fixtures in tests/data/compare/ (each file says what it changes from base.yaml):
#   unrelated.yaml       a task that is never critical and costs nothing
#   delay.yaml           a certain 2.5-day delay on build, which is always critical
#   change-request.yaml  an extra feature task on the critical path plus its risk
#   changed.yaml         one change of each kind the diff must name
# The seed comes from the files (7), so every number here replays exactly.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh
D=tests/data/compare

# py FILE EXPR: evaluate EXPR with j = the JSON in FILE; prints the result
py() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
# check NAME FILE EXPR: pass when EXPR is true
check() {
    got=$(py "$2" "$3" 2>&1)
    if [ "$got" = "True" ]; then pass "$1"; else fail "$1" "expression: $3" "gave: $(printf '%s' "$got" | head -c 600)"; fi
}

# ---- usage --------------------------------------------------------------------------
run compare --help
expect_rc "help exits 0" 0
expect_out "help states the interval method" "bootstrap"
run compare "$D/base.yaml"
expect_rc "one file is a usage error" 2
run compare "$D/base.yaml" "$D/base.yaml" "$D/base.yaml"
expect_rc "three files is a usage error" 2
run compare "$D/base.yaml" "$D/base.yaml" --lang fr
expect_rc "--lang fr is a usage error" 2
run compare "$D/base.yaml" "$D/base.yaml" --csv "$T_TMP/csv"
expect_rc "unknown option is a usage error" 2
run compare "$D/base.yaml" "$D/base.yaml" --json "$D/base.yaml"
expect_rc "refuses to overwrite an input" 2
run compare "$D/base.yaml" tests/data/bad/five_errors.yaml
expect_rc "a broken B exits 1" 1
expect_err "B's diagnostics are printed" "five_errors.yaml:"
run compare "$D/no-such.yaml" "$D/base.yaml"
expect_rc "a missing A exits 3" 3

# ---- a file against itself: exactly zero ---------------------------------------------
run compare "$D/base.yaml" "$D/base.yaml" --json "$T_TMP/self.json"
expect_rc "self compare exits 0" 0
J=$T_TMP/self.json
check "self: format" "$J" "j['format'] == 'riskcast-compare-1' and j['a']['format'] == 'riskcast-result-1' and j['b']['format'] == 'riskcast-result-1'"
check "self: every duration difference is 0" "$J" "all(v == 0 for v in j['difference']['duration']['percentiles'].values()) and j['difference']['duration']['mean'] == 0"
check "self: every cost difference is 0" "$J" "all(v == 0 for v in j['difference']['cost']['percentiles'].values()) and j['difference']['cost']['mean'] == 0"
check "self: every interval is [0, 0]" "$J" "all(iv == [0, 0] for v in ('duration', 'cost') for iv in j['difference'][v]['percentile_intervals'].values()) and j['difference']['duration']['mean_interval'] == [0, 0]"
check "self: deadline and budget differences are 0" "$J" "j['difference']['deadline_probability'] == 0 and j['difference']['budget_probability'] == 0"
check "self: nothing changed" "$J" "j['changes'] == {'tasks': [], 'risks': [], 'project': []}"
check "self: the two results are identical" "$J" "j['a']['duration'] == j['b']['duration'] and j['a']['cost'] == j['b']['cost']"
expect_out "self: the sentence says nothing moves" "leaves the date we can promise with 80% confidence"

# ---- an unrelated task that is never critical changes nothing --------------------------
run compare "$D/base.yaml" "$D/unrelated.yaml" --json "$T_TMP/u.json"
expect_rc "unrelated exits 0" 0
J=$T_TMP/u.json
check "unrelated: duration differences are exactly 0" "$J" "all(v == 0 for v in j['difference']['duration']['percentiles'].values()) and j['difference']['duration']['mean'] == 0"
check "unrelated: cost differences are exactly 0" "$J" "all(v == 0 for v in j['difference']['cost']['percentiles'].values()) and j['difference']['cost']['mean'] == 0"
check "unrelated: the task is listed as added" "$J" "j['changes']['tasks'] == [{'id': 'extra', 'name': 'Unrelated side task', 'change': 'added'}]"
expect_out "unrelated: summary lists it" "added    extra"

# ---- a known effect: a fixed 2.5-day delay on an always-critical task -------------------
run compare "$D/base.yaml" "$D/delay.yaml" --json "$T_TMP/d.json"
expect_rc "delay exits 0" 0
J=$T_TMP/d.json
check "delay: every duration percentile moves by 2.5" "$J" "all(abs(v - 2.5) < 1e-9 for v in j['difference']['duration']['percentiles'].values())"
check "delay: the mean moves by 2.5" "$J" "abs(j['difference']['duration']['mean'] - 2.5) < 1e-9"
check "delay: the percentile intervals are [2.5, 2.5]" "$J" "all(abs(iv[0] - 2.5) < 1e-9 and abs(iv[1] - 2.5) < 1e-9 for iv in j['difference']['duration']['percentile_intervals'].values())"
check "delay: every cost percentile moves by 2.5 x (800 + 100)" "$J" "all(abs(v - 2250) < 1e-6 for v in j['difference']['cost']['percentiles'].values())"
check "delay: the plan does not move (risks are not in the plan)" "$J" "j['difference']['duration']['plan'] == 0"
check "delay: the risk is listed as added" "$J" "[r['id'] for r in j['changes']['risks'] if r['change'] == 'added'] == ['R_hold']"
check "delay: the sentence has the two dates" "$J" "j['sentence']['en'].startswith('This change moves the date we can promise with 80% confidence from ')"

# ---- pairing: much narrower than two independent runs ----------------------------------
run compare "$D/base.yaml" "$D/change-request.yaml" --json "$T_TMP/p.json"
expect_rc "change request exits 0" 0
run compare "$D/base.yaml" "$D/change-request.yaml" --independent --json "$T_TMP/i.json"
expect_rc "--independent exits 0" 0
check "independent: B ran on another seed" "$T_TMP/i.json" "j['b']['seed'] == j['a']['seed'] + 1 and not j['method']['paired']"
for v in duration cost; do
    P=$(py "$T_TMP/p.json" "j['difference']['$v']['mean_interval'][1] - j['difference']['$v']['mean_interval'][0]")
    I=$(py "$T_TMP/i.json" "j['difference']['$v']['mean_interval'][1] - j['difference']['$v']['mean_interval'][0]")
    if python3 -c "import sys; sys.exit(not (0 < 3 * $P < $I))"; then pass "paired $v mean interval $P < 1/3 of independent $I"
    else fail "paired $v mean interval $P < 1/3 of independent $I"; fi
    for q in P50 P80; do
        P=$(py "$T_TMP/p.json" "j['difference']['$v']['percentile_intervals']['$q'][1] - j['difference']['$v']['percentile_intervals']['$q'][0]")
        I=$(py "$T_TMP/i.json" "j['difference']['$v']['percentile_intervals']['$q'][1] - j['difference']['$v']['percentile_intervals']['$q'][0]")
        if python3 -c "import sys; sys.exit(not (0 < 1.5 * $P < $I))"; then pass "paired $v $q interval $P < 1/1.5 of independent $I"
        else fail "paired $v $q interval $P < 1/1.5 of independent $I"; fi
    done
done
check "the independent estimate in a paired run is wider too" "$T_TMP/p.json" "(lambda d: d['independent_runs']['mean_interval'][1] - d['independent_runs']['mean_interval'][0] > 3 * (d['mean_interval'][1] - d['mean_interval'][0]))(j['difference']['duration'])"
check "change request: the differences lie inside their intervals" "$T_TMP/p.json" "all(iv[0] <= j['difference'][v]['percentiles'][k] <= iv[1] for v in ('duration', 'cost') for k, iv in j['difference'][v]['percentile_intervals'].items())"
check "change request: changes named" "$T_TMP/p.json" "[(t['id'], t['change']) for t in j['changes']['tasks']] == [('feature', 'added'), ('test', 'changed')] and j['changes']['tasks'][1]['what'] == ['links']"

# ---- determinism ---------------------------------------------------------------------
run compare "$D/base.yaml" "$D/change-request.yaml" --threads 1 --json "$T_TMP/t1.json" --quiet
run compare "$D/base.yaml" "$D/change-request.yaml" --threads 3 --json "$T_TMP/t3.json" --quiet
if cmp -s "$T_TMP/t1.json" "$T_TMP/t3.json" && cmp -s "$T_TMP/t1.json" "$T_TMP/p.json"; then
    pass "same JSON byte for byte whatever the thread count, run after run"
else
    fail "same JSON byte for byte whatever the thread count, run after run"
fi

# ---- what changed ---------------------------------------------------------------------
run compare "$D/base.yaml" "$D/changed.yaml" --json "$T_TMP/c.json"
expect_rc "changed exits 0" 0
J=$T_TMP/c.json
check "changed: build's duration" "$J" "{'id': 'build', 'name': None, 'change': 'changed', 'what': ['duration']} in j['changes']['tasks']"
check "changed: test's links" "$J" "{'id': 'test', 'name': None, 'change': 'changed', 'what': ['links']} in j['changes']['tasks']"
check "changed: docs removed" "$J" "{'id': 'docs', 'name': None, 'change': 'removed'} in j['changes']['tasks']"
check "changed: R1's likelihood and mitigation" "$J" "j['changes']['risks'] == [{'id': 'R1', 'name': 'Build rework', 'change': 'changed', 'what': ['likelihood', 'mitigation']}]"
check "changed: project deadline and budget" "$J" "j['changes']['project'] == ['deadline', 'budget']"
check "changed: no budget in B gives a null difference" "$J" "j['difference']['budget_probability'] is None and j['difference']['deadline_probability'] is not None"

# ---- output forms ------------------------------------------------------------------------
run compare "$D/base.yaml" "$D/delay.yaml" --json -
expect_rc "--json - exits 0" 0
if printf '%s' "$OUT" | python3 -c "import json,sys; json.load(sys.stdin)" 2>/dev/null; then pass "--json - writes only JSON to stdout"
else fail "--json - writes only JSON to stdout"; fi
expect_err "--json -: the summary goes to stderr" "In plain words:"
run compare "$D/base.yaml" "$D/delay.yaml" --lang zh
expect_rc "--lang zh exits 0" 0
expect_out "--lang zh: the sentence in Chinese" "这项变更把有80%把握承诺的完成日期从"
expect_out "--lang zh: the table in Chinese" "P80 工作日"
run compare "$D/base.yaml" "$D/delay.yaml" --quiet
if [ -z "$OUT" ]; then pass "--quiet prints nothing"; else fail "--quiet prints nothing" "stdout: $OUT"; fi

# ---- charts -------------------------------------------------------------------------------
if command -v gnuplot >/dev/null 2>&1; then
    run compare "$D/base.yaml" "$D/change-request.yaml" --plots "$T_TMP/plots" --quiet
    expect_rc "--plots exits 0" 0
    for n in compare-finish compare-cost; do
        if [ -s "$T_TMP/plots/$n.dat" ] && [ -s "$T_TMP/plots/$n.gp" ] && [ -s "$T_TMP/plots/$n.png" ]; then
            pass "--plots writes $n.dat, .gp and .png"
        else
            fail "--plots writes $n.dat, .gp and .png" "$(ls "$T_TMP/plots" 2>&1)"
        fi
    done
    if grep -q "Noto Sans CJK SC" "$T_TMP/plots/compare-finish.gp"; then pass "chart font is Noto Sans CJK SC"
    else fail "chart font is Noto Sans CJK SC"; fi
fi
PATH=/nonexistent "$RISKCAST" compare "$D/base.yaml" "$D/change-request.yaml" --plots "$T_TMP/nognu" --quiet \
    >"$T_TMP/out" 2>"$T_TMP/err"
RC=$?
expect_rc "without gnuplot exits 3" 3
expect_err "without gnuplot names gnuplot-nox" "gnuplot-nox"
if [ -s "$T_TMP/nognu/compare-finish.dat" ] && [ -s "$T_TMP/nognu/compare-finish.gp" ] &&
    [ -s "$T_TMP/nognu/compare-cost.dat" ] && [ -s "$T_TMP/nognu/compare-cost.gp" ]; then
    pass "without gnuplot the data and scripts are written"
else
    fail "without gnuplot the data and scripts are written" "$(ls "$T_TMP/nognu" 2>&1)"
fi

# ---- the scenario pair ----------------------------------------------------------------------
if [ -f scenarios/website.yaml ] && [ -f scenarios/website-change-request.yaml ]; then
    run compare scenarios/website.yaml scenarios/website-change-request.yaml --iterations 2000 --json "$T_TMP/w.json"
    expect_rc "scenario pair exits 0" 0
    expect_out "scenario pair names the new task" "added    crm_form"
    check "scenario pair: the change request costs money and time" "$T_TMP/w.json" "j['difference']['cost']['at_confidence'] > 0 and j['difference']['duration']['at_confidence'] > 0"
fi

finish
