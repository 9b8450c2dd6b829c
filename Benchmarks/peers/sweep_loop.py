#!/usr/bin/env python3
"""`takt sweep` against a loop of `takt plan --scenario` calls, on the same points.

Writes a sweep of the sample plant (demand 0.8 to 1.175 in 16 steps x overtime limits x0,
x0.5, x1, x2 x subcontractor SC-NB offered or withdrawn x holding cost x1 or x1.5: 256
points) and the same points as one overlay file each, then times, with the release binary:

  (a) `takt sweep SWEEP` in one process on every core;
  (b) two shards, `--shard-index 0` and `1` of 2, run at once, then `takt sweep merge`;
  (c) `takt plan datasets/sample-plant --scenario POINT.json` for every point, one after another.

Checks that (b) gives the bytes of (a) and that every plan of (c) has the objective (a) says
(the total cost may differ where plans tie: a sweep's point keeps the base plan on ties), and
prints the times and ratios. Run from the repository root after `swift build -c release`:

    python3 Benchmarks/peers/sweep_loop.py [--points 256] [--quantities relaxed|whole]
"""
import argparse
import csv
import io
import json
import os
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TAKT = os.path.join(ROOT, ".build", "release", "takt")
PLANT = os.path.join(ROOT, "datasets", "sample-plant")


def table(name):
    with open(os.path.join(PLANT, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def axes():
    centers, pools, products = table("work_centers.csv"), table("labor_pools.csv"), table("products.csv")
    demand = [("%.3f" % (0.8 + 0.025 * k), {"demand": [{"factor": round(0.8 + 0.025 * k, 3)}]}) for k in range(16)]
    overtime = []
    for factor in (0, 0.5, 1, 2):
        overtime.append(("x%g" % factor, {
            "work_centers": [{"id": c["id"], "overtime_hours_max": float(c["overtime_hours_max"] or 0) * factor} for c in centers],
            "labor_pools": [{"id": p["id"], "overtime_hours_max": float(p["overtime_hours_max"] or 0) * factor} for p in pools],
        }))
    sub = [("offered", {}), ("withdrawn", {"subcontractors_unavailable": ["SC-NB"]})]
    holding = [("x1", {}), ("x1.5", {"products": [{"id": p["id"], "holding_cost": float(p["holding_cost"]) * 1.5} for p in products]})]
    return [("demand", demand), ("overtime", overtime), ("subcontracting", sub), ("holding", holding)]


def merged(fragments):
    out = {}
    for fragment in fragments:
        for key, value in fragment.items():
            out[key] = out.get(key, []) + value
    return out


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=256)
    parser.add_argument("--quantities", default="relaxed")
    options = parser.parse_args()
    grid = axes()
    work = tempfile.mkdtemp(prefix="takt-sweep-loop-")
    sweep = os.path.join(work, "sweep.json")
    with open(sweep, "w") as f:
        json.dump({"name": "loop", "base": PLANT, "kpis": ["objective", "total cost"],
                   "grid": [{"name": name, "values": [dict(v, label=label) for label, v in values]} for name, values in grid]}, f)
    # The points in the sweep's order: the last axis fastest.
    points = [[]]
    for _, values in grid:
        points = [p + [v] for p in points for v in values]
    points = points[:options.points]
    q = ["--quantities", options.quantities]

    start = time.monotonic()
    one = run([TAKT, "sweep", sweep, "--format", "csv", "--out", os.path.join(work, "one")] + q).stdout
    t_one = time.monotonic() - start

    start = time.monotonic()
    shards = [subprocess.Popen([TAKT, "sweep", sweep, "--shard-index", str(i), "--shard-count", "2", "--out", os.path.join(work, "shards")] + q,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(2)]
    assert all(p.wait() == 0 for p in shards)
    two = run([TAKT, "sweep", "merge", os.path.join(work, "shards"), "--format", "csv"]).stdout
    t_two = time.monotonic() - start
    assert two == one, "the merged shards differ from the one-process run"

    costs = [float(row["objective"]) for row in csv.DictReader(io.StringIO(one))]
    start = time.monotonic()
    for i, point in enumerate(points):
        overlay = os.path.join(work, "point-%d.json" % i)
        with open(overlay, "w") as f:
            json.dump(merged([v for _, v in point]), f)
        plan = json.loads(run([TAKT, "plan", PLANT, "--scenario", overlay, "--format", "json"] + q).stdout)
        total = plan["objective"]
        assert abs(total - costs[i]) <= 1e-6 * max(1, abs(costs[i])), (i, total, costs[i])
    t_loop = (time.monotonic() - start) * len(costs) / len(points)

    n = len(costs)
    print("%d points of the sample plant, %s quantities (the loop timed on %d points, scaled)" % (n, options.quantities, len(points)))
    print("  takt sweep, one process      %7.2f s  %6.1f ms a point" % (t_one, 1000 * t_one / n))
    print("  2 shards at once + merge     %7.2f s  %6.1f ms a point  (%.2fx the one process)" % (t_two, 1000 * t_two / n, t_two / t_one))
    print("  loop of takt plan calls      %7.2f s  %6.1f ms a point  (%.1fx the one process)" % (t_loop, 1000 * t_loop / n, t_loop / t_one))


if __name__ == "__main__":
    main()
