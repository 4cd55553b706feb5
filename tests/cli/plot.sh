#!/bin/sh
# plot.sh - `riskcast plot`: every chart of SPEC §4 for every worked example
# and the spec's example file, as PNG and SVG; the data behind the finish
# S-curve agrees with the JSON result; each script redraws its chart by hand;
# Chinese text renders without gnuplot warnings; large registers and plans
# are cut to their top rows and say so; without gnuplot the data and scripts
# are still written and the exit code is 3.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

CHARTS="finish cost tornado criticality jcl risk-matrix gantt"
ITER=2000

if ! command -v gnuplot >/dev/null 2>&1; then
    echo "gnuplot is not installed: only the no-gnuplot tests run"
    NO_GNUPLOT=1
fi

# (sh has no local variables: the helpers use names of their own, never f or n)
# check_charts NAME DIR EXT: every chart, its data and script, a real image
check_charts() {
    missing="" bad=""
    for c in $CHARTS; do
        for cf in "$2/$c.dat" "$2/$c.gp" "$2/$c.$3"; do
            [ -s "$cf" ] || missing="$missing $(basename "$cf")"
        done
        img="$2/$c.$3"
        [ -s "$img" ] || continue
        size=$(wc -c <"$img")
        if [ "$3" = png ]; then
            magic=$(od -An -tx1 -N8 "$img" | tr -d ' \n')
            [ "$magic" = 89504e470d0a1a0a ] || bad="$bad $c.png(magic $magic)"
        else
            head -c 200 "$img" | grep -q '<svg' || bad="$bad $c.svg(no <svg)"
            tail -c 100 "$img" | grep -q '</svg>' || bad="$bad $c.svg(not closed)"
        fi
        [ "$size" -ge 8000 ] || bad="$bad $c.$3(only $size bytes)"
    done
    if [ -z "$missing$bad" ]; then pass "$1: all charts"; else fail "$1: all charts" "missing:$missing" "bad:$bad"; fi
}

# check_scurve NAME DIR JSON: the S-curve at the P(confidence) finish date
# reaches the confidence there and not the working day before (the P-q rule)
check_scurve() {
    msg=$(python3 - "$2/finish.dat" "$3" <<'EOF'
import json, sys
dat, res = sys.argv[1], json.load(open(sys.argv[2]))
conf = res["confidence"] * 100
date = res["contingency"]["finish"]
blocks = open(dat).read().split("\n\n\n")
rows = [l.split() for l in blocks[1].splitlines() if l.strip() and not l.startswith("#")]
cum = {d: float(v) for d, v in rows}
if date not in cum:
    print("P(confidence) date %s is not on the S-curve" % date); sys.exit()
before = [float(v) for d, v in rows if d < date]
prev = before[-1] if before else 0.0
if not cum[date] >= conf - 1e-9:
    print("S-curve at %s is %.4f, below the confidence %.4f" % (date, cum[date], conf))
elif not prev < conf:
    print("S-curve reaches %.4f before %s" % (prev, date))
EOF
)
    if [ -z "$msg" ]; then pass "$1: S-curve at the P(confidence) finish"; else fail "$1: S-curve at the P(confidence) finish" "$msg"; fi
}

# check_redraw NAME DIR EXT: `gnuplot finish.gp` by hand in DIR draws the same file
check_redraw() {
    cp "$2/finish.$3" "$T_TMP/before.$3"
    rm -f "$2/finish.$3"
    (cd "$2" && gnuplot finish.gp) >"$T_TMP/gp.err" 2>&1
    if [ -s "$2/finish.$3" ] && cmp -s "$2/finish.$3" "$T_TMP/before.$3"; then
        pass "$1: gnuplot finish.gp redraws finish.$3"
    else
        fail "$1: gnuplot finish.gp redraws finish.$3" "$(head -c 600 "$T_TMP/gp.err")"
    fi
}

# check_quiet NAME DIR: every script runs by hand without a gnuplot warning
check_quiet() {
    out=""
    for c in $CHARTS; do
        (cd "$2" && gnuplot "$c.gp") >"$T_TMP/gp.err" 2>&1 || out="$out $c.gp(exit $?)"
        if grep -qi 'warning' "$T_TMP/gp.err"; then
            out="$out $c.gp: $(grep -i -m1 warning "$T_TMP/gp.err")"
        fi
    done
    if [ -z "$out" ]; then pass "$1: no gnuplot warnings"; else fail "$1: no gnuplot warnings" "$out"; fi
}

if [ -z "$NO_GNUPLOT" ]; then
    for f in scenarios/*.yaml tests/data/ok/spec_example.yaml; do
        [ -f "$f" ] || continue
        n=$(basename "$f" .yaml)
        d="$T_TMP/$n-png"
        run plot "$f" -o "$d" --iterations $ITER --json "$T_TMP/$n.json" --quiet
        expect_rc "$n: plot exits 0" 0
        check_charts "$n png" "$d" png
        check_scurve "$n" "$d" "$T_TMP/$n.json"
        check_redraw "$n" "$d" png
        d="$T_TMP/$n-svg"
        run plot "$f" -o "$d" --iterations $ITER --format svg --quiet
        expect_rc "$n: plot --format svg exits 0" 0
        check_charts "$n svg" "$d" svg
        check_redraw "$n" "$d" svg
        # Chinese labels (the spec's project has a Chinese name; so do the examples)
        d="$T_TMP/$n-zh"
        run plot "$f" -o "$d" --iterations $ITER --lang zh --quiet
        expect_rc "$n: plot --lang zh exits 0" 0
        check_charts "$n zh" "$d" png
        check_quiet "$n zh" "$d"
        if grep -q "完工日期" "$d/finish.gp"; then pass "$n zh: Chinese titles"; else fail "$n zh: Chinese titles"; fi
    done
    check_quiet "spec_example en" "$T_TMP/spec_example-png"
fi

# ---- a large plan and register: top N, said in the titles --------------------
python3 - "$T_TMP/big.yaml" <<'EOF'
import sys
out = open(sys.argv[1], "w")
w = out.write
w("version: 1\nproject:\n  name: 大型项目 \"Big\" plan's test \\ 4000 tasks\n  start: 2027-01-04\n")
w("  currency: CNY\n  deadline: 2027-09-30\n  budget: 9000000\n")
w("tasks:\n")
n = 4000
for i in range(n):
    w("  - id: t%d\n    name: 任务 %d \"quoted\" it's a rather long task name to be cut\n" % (i, i))
    lo = 1 + i % 3
    w("    duration: [%d, %d, %d]\n    cost: {rate: %d}\n" % (lo, lo + i % 4, lo + i % 4 + 1 + i % 7, 100 + i % 50))
    if i >= 10:
        w("    after: [t%d, t%d]\n" % (i - 10 + (i % 3), (i * 7919) % (i - 5)))
w("risks:\n")
for k in range(45):
    w("  - id: R%d\n    name: 风险 %d with a long name that will not fit\n    probability: %.2f\n" % (k, k, 0.05 + (k % 9) * 0.1))
    w("    impacts:\n      - tasks: [t%d]\n        delay: [1, %d, %d]\n        cost: [1000, %d, %d]\n" % (3990 - k * 37, 2 + k % 5, 6 + k % 9, 5000 + k * 300, 20000 + k * 500))
    if k % 3 == 0:
        w("    mitigation:\n      cost: 500\n      probability: 0.02\n")
EOF
if [ -z "$NO_GNUPLOT" ]; then
    d="$T_TMP/big"
    run plot "$T_TMP/big.yaml" -o "$d" --iterations 6000 --lang zh --quiet
    expect_rc "big: plot exits 0" 0
    check_charts "big" "$d" png
    rows() { grep -v '^#' "$1" | grep -c . ; }
    n=$(awk 'BEGIN{RS="\n\n\n"} NR==1' "$d/tornado.dat" | grep -vc '^#')
    if [ "$n" -eq 15 ]; then pass "big: tornado keeps the top 15"; else fail "big: tornado keeps the top 15" "$n rows"; fi
    if grep -q "45 项风险中影响最大的 15 项" "$d/tornado.gp"; then pass "big: tornado title says top 15 of 45"
    else fail "big: tornado title says top 15 of 45" "$(grep ranked_note "$d/tornado.gp")"; fi
    n=$(rows "$d/criticality.dat")
    if [ "$n" -eq 20 ]; then pass "big: criticality keeps the top 20"; else fail "big: criticality keeps the top 20" "$n rows"; fi
    if grep -q "4000 项任务中最关键的 20 项" "$d/criticality.gp"; then pass "big: criticality title says 20 of 4000"
    else fail "big: criticality title says 20 of 4000" "$(grep ranked_note "$d/criticality.gp")"; fi
    n=$(rows "$d/gantt.dat")
    if [ "$n" -ge 1 ] && [ "$n" -le 40 ]; then pass "big: gantt has at most 40 rows"; else fail "big: gantt has at most 40 rows" "$n rows"; fi
    n=$(rows "$d/jcl.dat")
    if [ "$n" -le 5000 ] && [ "$n" -ge 2500 ]; then pass "big: jcl samples at most 5,000 points"; else fail "big: jcl samples at most 5,000 points" "$n rows"; fi
    if grep -q "显示 6,000 次中的 3,000 次" "$d/jcl.gp"; then pass "big: jcl says how many points"; else fail "big: jcl says how many points"; fi
    n=$(awk 'BEGIN{RS="\n\n\n"} NR==1' "$d/risk-matrix.dat" | grep -vc '^#')
    if [ "$n" -eq 20 ]; then pass "big: risk matrix keeps the top 20"; else fail "big: risk matrix keeps the top 20" "$n rows"; fi
    check_quiet "big zh" "$d"
    if grep -q '…' "$d/criticality.dat" && ! grep -q 'cut"' "$d/criticality.dat"; then
        pass "big: long names cut with an ellipsis"
    else
        fail "big: long names cut with an ellipsis" "$(sed -n 3p "$d/criticality.dat")"
    fi
fi

# ---- no risks: the tornado and the matrix say so -----------------------------
cat >"$T_TMP/norisk.yaml" <<'EOF'
version: 1
project:
  name: No risks
  start: 2027-03-01
tasks:
  - id: a
    duration: [2, 3, 5]
  - id: b
    duration: 4
    after: [a]
EOF
if [ -z "$NO_GNUPLOT" ]; then
    d="$T_TMP/norisk"
    run plot "$T_TMP/norisk.yaml" -o "$d" --iterations 500 --quiet
    expect_rc "no risks: plot exits 0" 0
    check_charts "no risks" "$d" png
    check_quiet "no risks" "$d"
    if grep -q "No open risks" "$d/tornado.gp"; then pass "no risks: tornado says so"; else fail "no risks: tornado says so"; fi
fi

# ---- without gnuplot: data and scripts written, exit 3, what to install ---------
d="$T_TMP/nognuplot"
PATH=/nonexistent "$RISKCAST" plot tests/data/ok/spec_example.yaml -o "$d" --iterations 500 --quiet \
    >"$T_TMP/out" 2>"$T_TMP/err"
RC=$?
expect_rc "no gnuplot: exit 3" 3
expect_err "no gnuplot: says to install gnuplot-nox" "gnuplot-nox"
missing=""
for c in $CHARTS; do
    [ -s "$d/$c.dat" ] || missing="$missing $c.dat"
    [ -s "$d/$c.gp" ] || missing="$missing $c.gp"
done
if [ -z "$missing" ]; then pass "no gnuplot: data and scripts written"; else fail "no gnuplot: data and scripts written" "missing:$missing"; fi

# ---- templates: RISKCAST_PLOTS is honoured, a missing or broken one fails --------
mkdir -p "$T_TMP/tpl-empty"
RISKCAST_PLOTS="$T_TMP/tpl-empty" "$RISKCAST" plot tests/data/ok/spec_example.yaml -o "$T_TMP/t1" \
    --iterations 300 --quiet >"$T_TMP/out" 2>"$T_TMP/err"
RC=$?
expect_rc "no templates: exit 3" 3
expect_err "no templates: names RISKCAST_PLOTS" "RISKCAST_PLOTS"
if [ -z "$NO_GNUPLOT" ]; then
    mkdir -p "$T_TMP/tpl"
    cp plots/*.gp "$T_TMP/tpl/"
    printf '\nset label 99 "restyled by hand" at graph 0.5, graph 0.5\nreplot\n' >>"$T_TMP/tpl/finish.gp"
    RISKCAST_PLOTS="$T_TMP/tpl" "$RISKCAST" plot tests/data/ok/spec_example.yaml -o "$T_TMP/t2" \
        --iterations 300 --quiet >"$T_TMP/out" 2>"$T_TMP/err"
    RC=$?
    expect_rc "restyled template: exit 0" 0
    if grep -q "restyled by hand" "$T_TMP/t2/finish.gp"; then pass "restyled template: used"; else fail "restyled template: used"; fi
    printf 'plot this is not gnuplot\n' >>"$T_TMP/tpl/gantt.gp"
    RISKCAST_PLOTS="$T_TMP/tpl" "$RISKCAST" plot tests/data/ok/spec_example.yaml -o "$T_TMP/t3" \
        --iterations 300 --quiet >"$T_TMP/out" 2>"$T_TMP/err"
    RC=$?
    expect_rc "broken template: exit 3" 3
    expect_err "broken template: names the script" "gantt.gp"
fi

# ---- run --plots draws the same charts -----------------------------------------
if [ -z "$NO_GNUPLOT" ]; then
    run run tests/data/ok/spec_example.yaml --plots "$T_TMP/runplots" --iterations 500 --quiet
    expect_rc "run --plots: exit 0" 0
    check_charts "run --plots" "$T_TMP/runplots" png
fi

finish
