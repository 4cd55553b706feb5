#!/bin/sh
# check.sh - golden tests of `riskcast check` diagnostics.
#
# Each tests/data/bad/NAME.yaml is a small broken project file; NAME.expect
# holds the first diagnostic line expected on stderr, without the file name
# prefix (LINE:COL: error: MESSAGE). `riskcast check` must exit 1 and print
# FILE:LINE:COL: error: MESSAGE exactly. Every tests/data/ok/*.yaml must
# check clean (exit 0, no error line); when tests/data/ok/NAME.expect exists
# it holds the warnings expected on stderr (LINE:COL: warning: MESSAGE, all
# of them, in order), and a file without one must print no warning.
#
# REGEN=1 sh tests/cli/check.sh rewrites the .expect files from the current
# output (review the diff before committing).
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

for f in tests/data/bad/*.yaml; do
    name=${f%.yaml}
    run check "$f"
    got=$(grep -m1 ': error: ' "$T_TMP/err")
    if [ -n "$REGEN" ]; then
        printf '%s\n' "${got#"$f":}" >"$name.expect"
        pass "regen $(basename "$f")"
        continue
    fi
    expect_rc "check $(basename "$f") exits 1" 1
    want="$f:$(cat "$name.expect")"
    if grep -qxF -- "$want" "$T_TMP/err"; then
        pass "check $(basename "$f") diagnostic"
    else
        fail "check $(basename "$f") diagnostic" "want: $want" "got:  $got"
    fi
done

for f in tests/data/ok/*.yaml; do
    run check "$f"
    expect_rc "check $(basename "$f") exits 0" 0
    if grep -q ': error: ' "$T_TMP/err"; then
        fail "check $(basename "$f") has no errors" "stderr: $(head -c 600 "$T_TMP/err")"
    else
        pass "check $(basename "$f") has no errors"
    fi
    name=${f%.yaml}
    got=$(grep ': warning: ' "$T_TMP/err" | sed "s|^$f:||")
    if [ -n "$REGEN" ] && [ -e "$name.expect" ]; then
        printf '%s\n' "$got" >"$name.expect"
        continue
    fi
    want=""
    [ -e "$name.expect" ] && want=$(cat "$name.expect")
    if [ "$got" = "$want" ]; then
        pass "check $(basename "$f") warnings"
    else
        fail "check $(basename "$f") warnings" "want: $want" "got:  $got"
    fi
    if [ -n "$want" ]; then
        expect_out "check $(basename "$f") prints the plan despite warnings" "$f: ok"
    fi
done

# every error of a file in one run
run check tests/data/bad/five_errors.yaml
n=$(grep -c ': error: ' "$T_TMP/err")
if [ "$n" -eq 5 ]; then pass "five errors reported"; else fail "five errors reported" "found $n"; fi

# a file that cannot be read is exit 3, not a diagnostic
run check tests/data/no-such-file.yaml
expect_rc "missing file exits 3" 3
run check tests/data
expect_rc "directory exits 3" 3

# a generated 200,000-task file checks clean, quickly
gen="$T_TMP/big.yaml"
awk 'BEGIN {
    print "version: 1"; print "project:"; print "  start: 2027-01-04"; print "tasks:"
    for (i = 0; i < 200000; i++) {
        printf "  - id: t%d\n    duration: [%d, %d, %d]\n", i, 1 + i % 3, 4 + i % 3, 9
        if (i > 0) printf "    after: [t%d]\n", (i * 7919) % i
    }
}' >"$gen"
run check "$gen"
expect_rc "200000-task file checks" 0

finish
