#!/usr/bin/env python3
"""Takt's scheduler against Google OR-Tools' CP-SAT on the job-shop benchmark instances.

For every instance, on the same machine, with the same time limit and the same number of
threads (one after the other, never at once):

  (a) `takt schedule --jobshop FILE --time-limit S --threads T --iterations 10000000000 --format json`
      (the time limit, not a number of steps, ends the search);
  (b) CP-SAT on the textbook model of the same file: one interval per operation (in the
      flexible job shop one optional interval per machine that can do it, exactly one
      present), no overlap per machine, each job's operations in order, the makespan
      minimised; `max_time_in_seconds` S, `num_workers` T.

Prints per instance the known optimum (or best known value), each one's makespan and gap to
it, CP-SAT's own lower bound, and at the end both mean gaps and their ratio. `--markdown`
prints the table as Markdown for the documentation. Installs ortools into a virtual
environment of its own on first use. Run from the repository root:

    python3 Benchmarks/peers/jobshop.py [--time-limit 10] [--threads 2] [--set la|ft|mk] [NAME ...]
    python3 Benchmarks/peers/jobshop.py --generate 2000x10x100 [--time-limit 10] [--threads 2]

With --generate, both solve one seeded plant of that size that takt generates and writes out
in the flexible format (machines always working, no setups, every job released at once, so
that the two models state the same problem); it prints both makespans and takt's first
schedule's time.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENV = os.path.join(HERE, ".venv-ortools")
DATA = os.path.join(ROOT, "datasets", "jobshop")


def ensure_packages():
    """Re-runs this script inside a virtual environment that has ortools."""
    python = os.path.join(ENV, "bin", "python")
    if sys.prefix != ENV:
        if not os.path.exists(python):
            venv.create(ENV, with_pip=True)
            subprocess.run([python, "-m", "pip", "install", "-q", "ortools"], check=True)
        os.execv(python, [python] + sys.argv)


def numbers(path):
    """The whole numbers of a file, lines starting with '#' (comments) left out."""
    with open(path) as f:
        return [int(token) for line in f if not line.lstrip().startswith("#") for token in line.split()]


def read_jobshop(path):
    """Per job, its operations, each a list of (machine, duration) choices."""
    values = numbers(path)
    jobs, machines = values[0], values[1]
    at, routes = 2, []
    for _ in range(jobs):
        route = []
        for _ in range(machines):
            route.append([(values[at], values[at + 1])])
            at += 2
        routes.append(route)
    return routes, machines


def read_flexible(path):
    """Brandimarte's format, machines numbered from 0 as in datasets/jobshop/brandimarte."""
    with open(path) as f:
        first = f.readline().split()
        # The first line may carry a third number, the mean machines per operation.
        values = [int(token) for token in f.read().split()]
    jobs, machines = int(first[0]), int(first[1])
    at, routes = 0, []
    for _ in range(jobs):
        count = values[at]
        at += 1
        route = []
        for _ in range(count):
            choices = values[at]
            at += 1
            modes = []
            for _ in range(choices):
                modes.append((values[at], values[at + 1]))
                at += 2
            route.append(modes)
        routes.append(route)
    return routes, machines


def cpsat(routes, machines, time_limit, threads):
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    horizon = sum(max(d for _, d in modes) for route in routes for modes in route)
    on_machine = [[] for _ in range(machines)]
    ends = []
    for j, route in enumerate(routes):
        previous_end = None
        for k, modes in enumerate(route):
            start = model.NewIntVar(0, horizon, f"s{j}_{k}")
            end = model.NewIntVar(0, horizon, f"e{j}_{k}")
            if len(modes) == 1:
                machine, duration = modes[0]
                interval = model.NewIntervalVar(start, duration, end, f"i{j}_{k}")
                on_machine[machine].append(interval)
            else:
                present = []
                for machine, duration in modes:
                    chosen = model.NewBoolVar(f"p{j}_{k}_{machine}")
                    interval = model.NewOptionalIntervalVar(start, duration, end, chosen, f"i{j}_{k}_{machine}")
                    on_machine[machine].append(interval)
                    present.append(chosen)
                model.AddExactlyOne(present)
            if previous_end is not None:
                model.Add(start >= previous_end)
            previous_end = end
        ends.append(previous_end)
    for intervals in on_machine:
        if len(intervals) > 1:
            model.AddNoOverlap(intervals)
    makespan = model.NewIntVar(0, horizon, "makespan")
    model.AddMaxEquality(makespan, ends)
    model.Minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = threads
    began = time.monotonic()
    status = solver.Solve(model)
    wall = time.monotonic() - began
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, None, wall
    return int(solver.ObjectiveValue()), int(solver.BestObjectiveBound()), wall


def known_values():
    """Instance → (lower bound, best known): optima.csv, and brandimarte/bounds.csv."""
    known = {}
    with open(os.path.join(DATA, "optima.csv")) as f:
        for row in csv.DictReader(f):
            known[row["instance"]] = (int(row["optimum"]), int(row["optimum"]))
    with open(os.path.join(DATA, "brandimarte", "bounds.csv")) as f:
        for row in csv.DictReader(f):
            known[row["instance"]] = (int(row["lower_bound"]), int(row["best_known"]))
    return known


def main():
    ensure_packages()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--set", choices=["la", "ft", "mk"], default="la")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--generate", metavar="JOBSxOPERATIONSxMACHINES",
                        help="a generated plain flexible plant instead of the benchmark files, e.g. 2000x10x100")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    if args.generate:
        return generated(args)

    subprocess.run(["swift", "build", "-c", "release", "--product", "takt"], cwd=ROOT, check=True, capture_output=True)
    takt = os.path.join(ROOT, ".build", "release", "takt")
    known = known_values()
    names = args.names or sorted(n for n in known if n.startswith(args.set))
    rows = []
    for name in names:
        flexible = name.startswith("mk")
        path = os.path.join(DATA, "brandimarte", name + ".txt") if flexible else os.path.join(DATA, name)
        # Steps without end: the time limit, as for CP-SAT, ends the search.
        command = [takt, "schedule", "--jobshop", path, "--time-limit", str(args.time_limit), "--threads", str(args.threads),
                   "--iterations", "10000000000", "--format", "json"] + (["--flexible"] if flexible else [])
        began = time.monotonic()
        out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        takt_wall = time.monotonic() - began
        takt_makespan = json.loads(out)["makespan"]
        routes, machines = (read_flexible if flexible else read_jobshop)(path)
        peer, peer_bound, peer_wall = cpsat(routes, machines, args.time_limit, args.threads)
        low, best = known[name]
        rows.append((name, best, low == best, takt_makespan, takt_wall, peer, peer_bound, peer_wall))
        if not args.markdown:
            print(f"{name:6} known {best:6}  takt {takt_makespan:6} {gap(takt_makespan, best):6.2f}% {takt_wall:5.1f} s"
                  f"   cp-sat {peer if peer is not None else '-':>6} {gap(peer, best):6.2f}% {peer_wall:5.1f} s (bound {peer_bound})",
                  flush=True)
    takt_mean = sum(gap(r[3], r[1]) for r in rows) / len(rows)
    peer_mean = sum(gap(r[5], r[1]) for r in rows) / len(rows)
    if args.markdown:
        print(f"| instance | known | Takt | gap | CP-SAT | gap | CP-SAT bound |")
        print(f"|---|---:|---:|---:|---:|---:|---:|")
        for name, best, optimal, mine, _, peer, bound, _ in rows:
            print(f"| {name} | {best}{'' if optimal else ' (best known)'} | {mine} | {gap(mine, best):.2f}% | {peer} | {gap(peer, best):.2f}% | {bound} |")
        print(f"| **mean** | | | **{takt_mean:.2f}%** | | **{peer_mean:.2f}%** | |")
    print(f"\nmean gap to the known value: takt {takt_mean:.2f}%, cp-sat {peer_mean:.2f}%"
          f" (ratio {takt_mean / peer_mean if peer_mean > 0 else float('inf'):.2f});"
          f" {args.time_limit:g} s and {args.threads} threads each, {len(rows)} instances")


def generated(args):
    """Takt and CP-SAT on one generated plant (machines always working, no setups, every job
    released at once: what both models state the same way), which takt writes out first."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "takt"], cwd=ROOT, check=True, capture_output=True)
    takt = os.path.join(ROOT, ".build", "release", "takt")
    import tempfile
    path = os.path.join(tempfile.mkdtemp(prefix="takt-jobshop-"), "plant.fjs")
    command = [takt, "schedule", "--generate", args.generate, "--plain", "--write-problem", path, "--time-limit", str(args.time_limit),
               "--threads", str(args.threads), "--iterations", "10000000000", "--progress", "--format", "json"]
    began = time.monotonic()
    run = subprocess.run(command, check=True, capture_output=True, text=True)
    takt_wall = time.monotonic() - began
    result = json.loads(run.stdout)
    curve = [line for line in run.stderr.splitlines() if " run " in line]
    routes, machines = read_flexible(path)
    peer, bound, peer_wall = cpsat(routes, machines, args.time_limit, args.threads)
    print(f"generated {args.generate}: {result['operations']} operations, {machines} machines; "
          f"{args.time_limit:g} s and {args.threads} threads each")
    print(f"takt   makespan {result['makespan']:8}  {takt_wall:5.1f} s  (first schedule {curve[0].split()[0]} s: "
          f"{curve[0].split()[-1]}; lower bound {result['lower_bound']})")
    print(f"cp-sat makespan {peer if peer is not None else 'none':>8}  {peer_wall:5.1f} s  (bound {bound})")
    if peer is not None:
        print(f"takt / cp-sat: {result['makespan'] / peer:.3f}")


def gap(value, best):
    return float("nan") if value is None else 100.0 * (value - best) / best


if __name__ == "__main__":
    main()
