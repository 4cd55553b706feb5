#!/usr/bin/env python3
"""gen_network.py - print a generated riskcast project file (YAML) for benchmarks.

    python3 tests/bench/gen_network.py --tasks 2000 --risks 30 --seed 1 > big.yaml

The network is layered like real schedules: tasks in file order, each linked
to one to three earlier tasks chosen mostly among the recent ones (so paths
are long and merge often), with every link type and some lags; durations are
three-point estimates, some PERT; a tenth of the tasks carry costs. Risks hit
a few tasks each, with delays, scales, costs, some Poisson frequencies and
some mitigations; a few correlation groups tie task durations together.
The same arguments always print the same file.
"""
import argparse
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--risks", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--iterations", type=int, default=0,
                    help="write simulation.iterations (0: leave it out)")
    a = ap.parse_args()
    if a.tasks < 1 or a.risks < 0:
        ap.error("--tasks must be >= 1 and --risks >= 0")
    rnd = random.Random(a.seed)
    out = []
    w = out.append
    w("version: 1")
    w("project:")
    w(f"  name: generated {a.tasks} tasks {a.risks} risks seed {a.seed}")
    w("  start: 2027-01-04")
    w("  currency: CNY")
    w("  overhead_per_day: 1500")
    w("  deadline: 2029-06-29")
    w("  penalty_per_day: 2000")
    w("  budget: 5000000")
    w("calendar:")
    w("  holidays: [2027-05-03, {from: 2027-10-01, to: 2027-10-07}, 2028-01-03]")
    if a.iterations:
        w("simulation:")
        w(f"  iterations: {a.iterations}")
    w("tasks:")
    for i in range(a.tasks):
        w(f"  - id: t{i}")
        lo = round(rnd.uniform(1, 8), 1)
        ml = round(lo * rnd.uniform(1.1, 1.6), 1)
        hi = round(ml * rnd.uniform(1.2, 2.5), 1)
        if rnd.random() < 0.3:
            w(f"    duration: {{dist: pert, min: {lo}, likely: {ml}, max: {hi}}}")
        elif rnd.random() < 0.05:
            w(f"    duration: {ml}")
        else:
            w(f"    duration: [{lo}, {ml}, {hi}]")
        if rnd.random() < 0.1:
            w(f"    cost: {{fixed: {rnd.randint(1, 50) * 100}, rate: {rnd.randint(5, 30) * 50}}}")
        if i > 0:
            preds = set()
            for _ in range(rnd.choice((1, 1, 2, 2, 3))):
                back = min(i, 1 + int(rnd.expovariate(1 / 12)))
                preds.add(i - back)
            links = []
            for p in sorted(preds):
                r = rnd.random()
                if r < 0.8:
                    links.append(f"t{p}")
                else:
                    kind = "SS" if r < 0.9 else "FF" if r < 0.97 else "SF"
                    lag = rnd.choice((0, 1, 2, -1, 0.5))
                    links.append(f"{{task: t{p}, type: {kind}, lag: {lag}}}")
            w(f"    after: [{', '.join(links)}]")
    if a.risks:
        w("risks:")
    for k in range(a.risks):
        w(f"  - id: r{k}")
        w(f"    name: generated risk {k}")
        if rnd.random() < 0.2:
            w(f"    frequency: {round(rnd.uniform(0.2, 1.5), 2)}")
        else:
            w(f"    probability: {round(rnd.uniform(0.05, 0.6), 2)}")
        w("    impacts:")
        hit = sorted(rnd.sample(range(a.tasks), min(a.tasks, rnd.randint(1, 4))))
        tasks = ", ".join(f"t{t}" for t in hit)
        if rnd.random() < 0.3:
            w(f"      - tasks: [{tasks}]")
            w(f"        scale: [1.05, {round(rnd.uniform(1.1, 1.4), 2)}, {round(rnd.uniform(1.5, 2.0), 2)}]")
        else:
            d = rnd.randint(1, 10)
            w(f"      - tasks: [{tasks}]")
            w(f"        delay: [{d}, {d * 2}, {d * 4}]")
        if rnd.random() < 0.5:
            c = rnd.randint(1, 20) * 1000
            w(f"        cost: [{c}, {c * 2}, {c * 5}]")
        if rnd.random() < 0.4:
            w("    mitigation:")
            w(f"      cost: {rnd.randint(1, 10) * 1000}")
            w(f"      probability: {round(rnd.uniform(0.01, 0.05), 2)}")
    groups = min(a.tasks // 50, 5)
    if groups:
        w("correlations:")
        for _ in range(groups):
            ids = sorted(rnd.sample(range(a.tasks), min(a.tasks, 4)))
            w(f"  - {{tasks: [{', '.join(f't{t}' for t in ids)}], coefficient: {round(rnd.uniform(0.2, 0.7), 2)}}}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
