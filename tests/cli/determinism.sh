#!/bin/sh
# determinism.sh - the same file, seed and iteration count give the same JSON,
# byte for byte, whatever the thread count, run after run, and whatever the
# order of tasks and risks in the file; another seed gives other numbers.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

f=tests/data/ok/spec_example.yaml
for t in 1 2 3 8; do
    run run "$f" --json - --quiet --threads "$t"
    expect_rc "run --threads $t exits 0" 0
    cp "$T_TMP/out" "$T_TMP/t$t.json"
done
for t in 2 3 8; do
    if cmp -s "$T_TMP/t1.json" "$T_TMP/t$t.json"; then
        pass "JSON with --threads $t equals --threads 1"
    else
        fail "JSON with --threads $t equals --threads 1" "$(diff "$T_TMP/t1.json" "$T_TMP/t$t.json" | head -n 8)"
    fi
done
if [ -s "$T_TMP/t1.json" ] && grep -q '"riskcast-result-1"' "$T_TMP/t1.json"; then
    pass "the JSON is a result"
else
    fail "the JSON is a result" "$(head -c 300 "$T_TMP/t1.json")"
fi

run run "$f" --json - --quiet --threads 2
if cmp -s "$T_TMP/out" "$T_TMP/t2.json"; then pass "a second run is identical"; else fail "a second run is identical"; fi

run run "$f" --json - --quiet --threads 2 --seed 2
expect_rc "run --seed 2 exits 0" 0
if cmp -s "$T_TMP/out" "$T_TMP/t2.json"; then fail "another seed changes the JSON"; else pass "another seed changes the JSON"; fi

# The same project with tasks, risks and list entries in reverse order: the
# output lists tasks and risks in file order, so compare them matched by id.
awk '
    function flush() { if (item != "") { items[n++] = item; item = "" } }
    /^(tasks|risks|correlations):/ { flush(); for (i = n - 1; i >= 0; i--) printf "%s", items[i]; n = 0; sect = 1; print; next }
    sect && /^  - / { flush(); item = $0 "\n"; next }
    sect && /^    / { item = item $0 "\n"; next }
    sect && /^[^ #]/ { flush(); for (i = n - 1; i >= 0; i--) printf "%s", items[i]; n = 0; sect = 0 }
    !sect { print; next }
    { item = item $0 "\n" }
    END { flush(); for (i = n - 1; i >= 0; i--) printf "%s", items[i] }
' "$f" >"$T_TMP/reordered.yaml"
first_task() { grep -m1 -A0 '^  - id:' "$1"; }
if [ "$(first_task "$T_TMP/reordered.yaml")" != "$(first_task "$f")" ]; then
    pass "the reordered copy differs in order"
else
    fail "the reordered copy differs in order"
fi
run run "$T_TMP/reordered.yaml" --json - --quiet --threads 3
expect_rc "run reordered exits 0" 0
# normalise: the top-level fields as they are, tasks and risks sorted by id
norm() {
    python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("tasks", "risks"):
    if isinstance(r.get(k), list):
        r[k] = sorted(r[k], key=lambda x: x["id"])
print(json.dumps(r, sort_keys=True, ensure_ascii=False))
' "$1"
}
if command -v python3 >/dev/null 2>&1; then
    norm "$T_TMP/t1.json" >"$T_TMP/a.norm"
    norm "$T_TMP/out" >"$T_TMP/b.norm"
    if [ -s "$T_TMP/a.norm" ] && cmp -s "$T_TMP/a.norm" "$T_TMP/b.norm"; then
        pass "task and risk order in the file changes no number"
    else
        fail "task and risk order in the file changes no number" "$(diff "$T_TMP/a.norm" "$T_TMP/b.norm" | head -c 600)"
    fi
else
    # without python3: the project-level figures must still agree
    a=$(grep -v '"id"\|"name"' "$T_TMP/t1.json" | sed -n '1,/"tasks"/p')
    b=$(grep -v '"id"\|"name"' "$T_TMP/out" | sed -n '1,/"tasks"/p')
    if [ "$a" = "$b" ]; then pass "task and risk order changes no project figure"; else fail "task and risk order changes no project figure"; fi
fi

finish
