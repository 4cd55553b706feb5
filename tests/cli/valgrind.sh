#!/bin/sh
# valgrind.sh - valgrind memcheck on every scenario (run), a few broken files
# (check) and an import: no invalid access, no definite or indirect leak.
# Skipped (one `ok ... skipped` line) when valgrind is not installed.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

if ! command -v valgrind >/dev/null 2>&1; then
    pass "valgrind: skipped (valgrind is not installed)"
    finish; exit $?
fi
# A sanitizer build cannot run under valgrind.
if nm "$RISKCAST" 2>/dev/null | grep -q '__asan_init\|__tsan_init'; then
    pass "valgrind: skipped (the program is a sanitizer build)"
    finish; exit $?
fi
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
# vg NAME EXPECTED-EXIT ARGS...: the command exits as expected, valgrind silent
vg() {
    name=$1 want=$2
    shift 2
    $VG "$RISKCAST" "$@" >"$T_TMP/out" 2>"$T_TMP/err"; RC=$?
    if [ "$RC" -eq "$want" ] && ! grep -q '^==[0-9]*==' "$T_TMP/err"; then
        pass "valgrind: $name"
    else
        fail "valgrind: $name" "exit $RC (want $want; 99 = valgrind found errors)" \
            "$(grep '^==[0-9]*==' "$T_TMP/err" | head -n 20)"
    fi
}
for f in scenarios/*.yaml; do
    vg "run $f" 0 run "$f" --iterations 300 --quiet --threads 2
done
vg "run with --json, --csv, --mitigated" 0 run scenarios/website.yaml --iterations 300 --quiet \
    --json "$T_TMP/out.json" --csv "$T_TMP/csv" --mitigated
for f in tests/data/bad/alias.yaml tests/data/bad/binary_junk.yaml tests/data/bad/bad_date.yaml \
         tests/data/bad/bad_id.yaml; do
    [ -f "$f" ] && vg "check $f" 1 check "$f"
done
vg "check a valid file" 0 check tests/data/ok/spec_example.yaml
vg "check a missing file" 3 check "$T_TMP/missing.yaml"
vg "import small.xer" 0 import tests/data/import/small.xer -q -o "$T_TMP/x.yaml"
vg "import small.xml" 0 import tests/data/import/small.xml -q -o "$T_TMP/m.yaml"
vg "import cycle.xer (errors)" 1 import tests/data/import/cycle.xer -q
vg "compare" 0 compare scenarios/website.yaml scenarios/website-change-request.yaml --iterations 300 --quiet
finish
