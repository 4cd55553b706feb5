#!/bin/sh
# advice.sh - the contingency advice: the reserve split adds up to the
# contingency (exactly, and with sampled orders), the recommended mitigation
# set beats funding none and funding all on a scenario where one mitigation is
# not worth its cost, a plan too large to split says so, and --iterations
# auto reaches its stated precision.
cd "$(dirname "$0")/../.." || exit 2
. tests/cli/lib.sh

# json_check NAME FILE PYTHON-EXPRESSION-LINES: d is the JSON document
json_check() {
    name=$1 file=$2 code=$3
    if python3 - "$file" "$code" >"$T_TMP/py" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
env = {"d": d, "abs": abs, "sum": sum, "min": min, "max": max}
exec(sys.argv[2], env)
PY
    then pass "$name"; else fail "$name" "$(cat "$T_TMP/py")"; fi
}

# spec example: two risks + the estimating uncertainty: exact Shapley values
run run tests/data/ok/spec_example.yaml --seed 7 --iterations 5000 --quiet --json "$T_TMP/spec.json"
expect_rc "spec example runs" 0
json_check "exact split adds up to the schedule contingency" "$T_TMP/spec.json" '
s = d["reserve_split"]["uncertainty_days"] + sum(r["reserve_share"]["schedule_days"] for r in d["risks"])
c = d["contingency"]["schedule_days"]
assert abs(s - c) < 1e-6 * max(1, abs(c)), (s, c)
assert d["reserve_split"]["permutations"] == -1, "expected the exact method"'
json_check "exact split adds up to the cost contingency" "$T_TMP/spec.json" '
s = d["reserve_split"]["uncertainty_cost"] + sum(r["reserve_share"]["cost"] for r in d["risks"])
c = d["contingency"]["cost"]
assert abs(s - c) < 1e-6 * max(1, abs(c)), (s, c)'
json_check "contingency is P(confidence) minus the plan" "$T_TMP/spec.json" '
assert abs(d["contingency"]["schedule_days"] - (d["duration"]["percentiles"]["P80"] - d["plan"]["duration"])) < 1e-9
assert abs(d["contingency"]["cost"] - (d["cost"]["percentiles"]["P80"] - d["plan"]["cost"])) < 1e-6'

# website: seven risks (sampled orders); R_dev_leaves' mitigation costs more than it saves
run run scenarios/website.yaml --seed 11 --iterations 6000 --quiet --json "$T_TMP/web.json"
expect_rc "website runs" 0
json_check "sampled split adds up to the contingency" "$T_TMP/web.json" '
for k, ck in (("uncertainty_days", "schedule_days"), ("uncertainty_cost", "cost")):
    part = "schedule_days" if ck == "schedule_days" else "cost"
    s = d["reserve_split"][k] + sum(r["reserve_share"][part] for r in d["risks"])
    c = d["contingency"][ck]
    assert abs(s - c) < 1e-6 * max(1, abs(c)), (k, s, c)
assert d["reserve_split"]["permutations"] > 0'
json_check "the mitigation not worth its cost is not recommended" "$T_TMP/web.json" '
r = {x["id"]: x for x in d["risks"]}
assert r["R_dev_leaves"]["mitigation"]["net_benefit"] < 0
assert "R_dev_leaves" not in d["recommended_mitigations"]["risks"]
assert r["R_dev_leaves"]["mitigation"]["recommended"] is False'
json_check "the recommended set beats funding none and funding all" "$T_TMP/web.json" '
m = d["recommended_mitigations"]
rec = m["total_cost"]["at_confidence"]
assert rec < m["none"]["total_cost"]["at_confidence"], (rec, m["none"])
assert rec < m["all"]["total_cost"]["at_confidence"], (rec, m["all"])
assert abs(m["cost"] - sum(x["mitigation"]["cost"] for x in d["risks"] if x["id"] in m["risks"])) < 1e-9'

# a plan too large to split at this many iterations: the summary and the
# JSON say so, and how many iterations allow it (the unit test checks that
# number against runs on both sides of it)
python3 tests/bench/gen_network.py --tasks 1000 --risks 30 --seed 1 >"$T_TMP/big.yaml"
run run "$T_TMP/big.yaml" --iterations 3000 --json "$T_TMP/big.json"
expect_rc "a plan too large to split runs" 0
json_check "the JSON says the split was left out, and up to how many iterations it is made" "$T_TMP/big.json" '
assert "reserve_split" not in d and all("reserve_share" not in r for r in d["risks"])
lo = d["left_out"]["reserve_split"]
assert lo["reason"] == "too much work" and 0 < lo["max_iterations"] < 3000, lo'
M=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["left_out"]["reserve_split"]["max_iterations"])' "$T_TMP/big.json" 2>/dev/null)
expect_out "the summary says the split was left out, and up to how many iterations it is made" \
    "  too much work at 3000 iterations (--iterations $M or fewer gives it)"

# --iterations auto: the P80 duration and cost known to +/-0.5%
run run tests/data/ok/spec_example.yaml --iterations auto --quiet --json "$T_TMP/auto.json"
expect_rc "--iterations auto runs" 0
json_check "--iterations auto reaches +/-0.5% on the P80" "$T_TMP/auto.json" '
n = d["iterations"]
assert n >= 2000, n
for key in ("duration", "cost"):
    lo, hi = d[key]["at_confidence_interval"]
    v = d[key]["at_confidence"]
    assert (hi - lo) / 2 <= 0.005 * abs(v) + 1e-12, (key, lo, hi, v, n)'
finish
