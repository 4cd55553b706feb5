#!/bin/sh
# report.sh - `riskcast report`: the client report in English and Chinese.
#
# For tests/data/ok/spec_example.yaml and every scenarios/*.yaml, with a fixed
# seed: `run --json` and `report --lang en|zh` of the same run; report_check.py
# compares every figure of the report (its data-k/data-v spans) with the JSON,
# checks the language (no CJK in en outside text from the file, no English
# catalog text in zh), self-containment, unique ids and section order. Then
# headless chromium renders each report (screenshot and PDF) with no console
# errors (skipped when chromium is absent). A plan too large for the reserve
# split and the recommended set says so. Also: text from the file is
# escaped, errors map to exit 3, a failed run leaves no output file.
#
# KEEP=DIR keeps the reports, screenshots and PDFs in DIR for a look.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

SEED=4242
ITER=3000
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
# The sanitizer pass of `make test-all` sets this: the rendering checks the
# HTML, not the C code, and already ran in the optimised pass.
[ -n "$RISKCAST_SKIP_BROWSER" ] && CHROMIUM=""
if ! command -v python3 >/dev/null 2>&1; then
    fail "python3 is needed for the report checks (make deps)"
    finish
    exit 1
fi

# check_html NAME HTML JSON LANG: report_check.py's lines as passes and failures
check_html() {
    python3 tests/cli/report_check.py "$2" "$3" "$4" src/i18n.c >"$T_TMP/check" 2>&1 || {
        fail "$1: report_check.py ran" "$(head -c 600 "$T_TMP/check")"; return; }
    sed "s/\t/\t$1: /" "$T_TMP/check" >"$T_TMP/check2"
    tally_lines "$T_TMP/check2"
}

# render NAME HTML: headless chromium, screenshot and PDF, no console errors.
# Writes PASS/FAIL lines to HTML.render (renders run four at a time).
render() {
    base=${2%.html}
    log="$base.render"
    : >"$log"
    for what in screenshot print-to-pdf; do
        prof=$(mktemp -d)
        if [ $what = screenshot ]; then file=$base.png; size="--window-size=1240,1754"; else file=$base.pdf; size=""; fi
        # shellcheck disable=SC2086
        timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$prof" --enable-logging=stderr --v=0 "--$what=$file" $size "file://$2" \
            >"$base.$what.out" 2>"$base.$what.err"
        crc=$?
        rm -rf "$prof"
        if [ $crc -eq 0 ] && [ -s "$file" ]; then
            printf 'PASS\t%s: chromium %s\n' "$1" $what >>"$log"
        else
            printf 'FAIL\t%s: chromium %s\texit %s: %s\n' "$1" $what $crc "$(tail -n 2 "$base.$what.err" | tr '\n\t' '  ')" >>"$log"
        fi
        if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR' "$base.$what.err" >"$base.bad"; then
            printf 'FAIL\t%s: no console errors (%s)\t%s\n' "$1" $what "$(head -n 3 "$base.bad" | tr '\n\t' '  ')" >>"$log"
        else
            printf 'PASS\t%s: no console errors (%s)\n' "$1" $what >>"$log"
        fi
    done
    if command -v pdfinfo >/dev/null 2>&1 && [ -s "$base.pdf" ]; then
        size=$(pdfinfo "$base.pdf" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p')
        case "$size" in
        59[45]*x84[12]*) printf 'PASS\t%s: PDF pages are A4\n' "$1" >>"$log" ;;
        *) printf 'FAIL\t%s: PDF pages are A4\tpage size %s\n' "$1" "$size" >>"$log" ;;
        esac
    fi
}

# tally FILE: PASS/FAIL lines into the counts
tally_lines() {
    while IFS="$(printf '\t')" read -r st name detail; do
        case "$st" in
        PASS) pass "$name" ;;
        FAIL) fail "$name" "$detail" ;;
        *) fail "checker output" "$st $name $detail" ;;
        esac
    done <"$1"
}

jobs=0 rendered=""
files="tests/data/ok/spec_example.yaml"
for f in scenarios/*.yaml; do
    [ -f "$f" ] && files="$files $f"
done

for f in $files; do
    b=$(basename "$f" .yaml)
    run run "$f" --seed $SEED --iterations $ITER --json "$T_TMP/$b.json" --quiet
    expect_rc "$b: run --json" 0
    for lang in en zh; do
        html="$T_TMP/$b.$lang.html"
        run report "$f" -o "$html" --lang $lang --seed $SEED --iterations $ITER --quiet
        expect_rc "$b: report --lang $lang" 0
        if [ ! -s "$html" ]; then
            fail "$b: report --lang $lang written"
            continue
        fi
        check_html "$b $lang" "$html" "$T_TMP/$b.json" $lang
        if [ -n "$CHROMIUM" ]; then
            render "$b $lang" "$html" &
            jobs=$((jobs + 1))
            [ $((jobs % 4)) -eq 0 ] && wait
        fi
        rendered="$rendered $html"
    done
done
wait
if [ -z "$CHROMIUM" ]; then
    if [ -n "$RISKCAST_SKIP_BROWSER" ]; then
        echo "skipped: rendering in headless chromium (RISKCAST_SKIP_BROWSER is set)"
    else
        echo "skipped: rendering in headless chromium (chromium is not installed)"
    fi
else
    for html in $rendered; do
        tally_lines "${html%.html}.render"
    done
fi
if [ -n "$KEEP" ]; then
    mkdir -p "$KEEP" && cp "$T_TMP"/*.html "$T_TMP"/*.json "$T_TMP"/*.png "$T_TMP"/*.pdf "$KEEP"/ 2>/dev/null
fi

# a plan too large for the reserve split and the recommended set at this many
# iterations: the report says so in both languages, with the iterations that
# allow them (checked against the JSON like every other figure)
# (120 tasks, 50 risks, 21 mitigations: the split fits up to 12,485
# iterations, the set up to 54,332; few names, so that the checker's
# language pass stays quick)
python3 tests/bench/gen_network.py --tasks 120 --risks 50 --seed 2 >"$T_TMP/big.yaml"
run run "$T_TMP/big.yaml" --seed $SEED --iterations 60000 --json "$T_TMP/big.json" --quiet
expect_rc "large plan: run --json" 0
for lang in en zh; do
    run report "$T_TMP/big.yaml" -o "$T_TMP/big.$lang.html" --lang $lang --seed $SEED --iterations 60000 --quiet
    expect_rc "large plan: report --lang $lang" 0
    check_html "large plan $lang" "$T_TMP/big.$lang.html" "$T_TMP/big.json" $lang
done
for key in left_out.reserve_split.max_iterations left_out.recommended_mitigations.max_iterations; do
    for lang in en zh; do
        if grep -q "data-k=\"$key\"" "$T_TMP/big.$lang.html"; then
            pass "large plan $lang: the report says $key"
        else
            fail "large plan $lang: the report says $key"
        fi
    done
done

# the same run twice gives the same report, byte for byte
run report tests/data/ok/spec_example.yaml -o "$T_TMP/once.html" --lang zh --seed $SEED --iterations $ITER --quiet
run report tests/data/ok/spec_example.yaml -o "$T_TMP/again.html" --lang zh --seed $SEED --iterations $ITER --quiet
if cmp -s "$T_TMP/again.html" "$T_TMP/once.html"; then
    pass "report is reproducible"
else
    fail "report is reproducible" "two runs with seed $SEED differ"
fi

# text from the file is escaped, wherever it appears
cat >"$T_TMP/esc.yaml" <<'EOF'
version: 1
project:
  name: 'Tom & Jerry <b>bold</b> "quoted"'
  start: 2027-01-04
  currency: '<i>€</i>'
tasks:
  - id: a
    name: '<script>alert(1)</script> & co'
    duration: [2, 3, 5]
  - id: b
    name: "O'Brien's <img src=x onerror=alert(1)>"
    duration: [1, 2, 4]
    after: [a]
risks:
  - id: R1
    name: 'Supplier <late> & "slow"'
    owner: '<u>ops</u>'
    probability: 0.3
    impacts:
      - tasks: [b]
        delay: [1, 2, 3]
    mitigation:
      action: 'Pay <more> & hope'
      cost: 10
      probability: 0.1
EOF
for lang in en zh; do
    run report "$T_TMP/esc.yaml" -o "$T_TMP/esc.$lang.html" --lang $lang --seed 1 --iterations 500 --quiet
    expect_rc "escaping $lang: report" 0
    h="$T_TMP/esc.$lang.html"
    if grep -qE '<(b|i|u|script|img|late|more)[ >]' "$h"; then
        fail "escaping $lang: no markup from the file" "$(grep -oE '<(b|i|u|script|img|late|more)[ >][^<]{0,40}' "$h" | head -n 3)"
    else
        pass "escaping $lang: no markup from the file"
    fi
    if grep -qF 'Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;' "$h" &&
        grep -qF 'Supplier &lt;late&gt; &amp; &quot;slow&quot;' "$h" &&
        grep -qF 'Pay &lt;more&gt; &amp; hope' "$h"; then
        pass "escaping $lang: names shown escaped"
    else
        fail "escaping $lang: names shown escaped"
    fi
done

# errors: an unwritable output (its directory would be under a file) is exit 3
# and names the file; a missing directory is simply created
: > "$T_TMP/afile"
run report tests/data/ok/spec_example.yaml -o "$T_TMP/afile/sub/r.html" --seed 1 --iterations 500 --quiet
expect_rc "unwritable output exits 3" 3
expect_err "unwritable output named" "$T_TMP/afile/sub/r.html"

# without gnuplot: exit 3, a message, and no report file
if true; then
    PATH=/nonexistent "$RISKCAST" report tests/data/ok/spec_example.yaml -o "$T_TMP/nognu.html" --seed 1 \
        --iterations 500 --quiet >"$T_TMP/out" 2>"$T_TMP/err"
    RC=$?
    expect_rc "without gnuplot exits 3" 3
    expect_err "without gnuplot says so" "gnuplot"
    if [ -e "$T_TMP/nognu.html" ]; then fail "without gnuplot no report file"; else pass "without gnuplot no report file"; fi
fi

# bad --lang is a usage error
run report tests/data/ok/spec_example.yaml -o "$T_TMP/x.html" --lang fr
expect_rc "--lang fr exits 2" 2

finish
