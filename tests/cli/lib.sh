# lib.sh - helpers for command-line tests. Source it; call ok/fail through
# `expect`, and `finish` last. $RISKCAST is the program under test.
: "${RISKCAST:?RISKCAST must name the program}"
T_PASSED=0 T_FAILED=0
T_TMP=$(mktemp -d)
trap 'rm -rf "$T_TMP"' EXIT
pass() { T_PASSED=$((T_PASSED + 1)); echo "ok   $1"; }
fail() { T_FAILED=$((T_FAILED + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "  $l"; done; }
# run CMD...: runs riskcast with the arguments, sets $OUT, $ERR, $RC
run() { "$RISKCAST" "$@" >"$T_TMP/out" 2>"$T_TMP/err"; RC=$?; OUT=$(cat "$T_TMP/out"); ERR=$(cat "$T_TMP/err"); }
# expect_rc NAME CODE
expect_rc() { if [ "$RC" -eq "$2" ]; then pass "$1"; else fail "$1" "exit $RC, expected $2" "stderr: $(head -c 600 "$T_TMP/err")"; fi; }
# expect_err NAME TEXT: stderr contains TEXT (fixed string)
expect_err() { if grep -qF -- "$2" "$T_TMP/err"; then pass "$1"; else fail "$1" "stderr lacks: $2" "stderr: $(head -c 600 "$T_TMP/err")"; fi; }
expect_out() { if grep -qF -- "$2" "$T_TMP/out"; then pass "$1"; else fail "$1" "stdout lacks: $2" "stdout: $(head -c 600 "$T_TMP/out")"; fi; }
finish() { echo "$T_PASSED passed, $T_FAILED failed"; [ "$T_FAILED" -eq 0 ]; }
