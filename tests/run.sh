#!/bin/sh
# Runs every test: the unit binaries in $TEST_BIN_DIR, then the command-line
# tests (tests/cli/*.sh, each given $RISKCAST). Prints each binary's result and,
# last, the total as `N passed, N failed`. Exit status 0 only when nothing failed.
cd "$(dirname "$0")/.." || exit 2
: "${RISKCAST:=$PWD/riskcast}"
: "${TEST_BIN_DIR:=$PWD/build/tests}"
export RISKCAST
passed=0 failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tally() { # reads a log whose last `N passed, N failed` line counts
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "  (no result line: counted as one failure)"
        failed=$((failed + 1)); return
    fi
    p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
    passed=$((passed + p)); failed=$((failed + f))
}
for t in "$TEST_BIN_DIR"/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.o|*.d) continue ;; esac
    echo "== $(basename "$t")"
    "$t" >"$log" 2>&1; rc=$?
    grep -E '^(FAIL|  )' "$log"
    tail -n 1 "$log"
    tally
    [ $rc -ne 0 ] && ! grep -qE '^[0-9]+ passed, [1-9]' "$log" && { echo "  exit $rc"; failed=$((failed + 1)); }
done
for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    [ "$(basename "$t")" = lib.sh ] && continue
    echo "== $t"
    sh "$t" >"$log" 2>&1; rc=$?
    grep -E '^(FAIL|  )' "$log"
    tail -n 1 "$log"
    tally
    [ $rc -ne 0 ] && ! grep -qE '^[0-9]+ passed, [1-9]' "$log" && { echo "  exit $rc"; failed=$((failed + 1)); }
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
