#!/usr/bin/env python3
"""Takt against glpsol, HiGHS and PuLP on the same generated instance.

Generates a scenario with `takt generate`, keeps it to what the straightforward order x period
model describes (every order open, no sales plan beyond the orders, no subcontracting), then:

  (a) `takt plan --method exact`, end to end (load, plan, print the plan as JSON);
  (b) the order x period LP of the instance, exported as MPS by the library
      (`takt export --model orders`), solved by glpsol;
  (c) the same MPS solved by HiGHS (highspy);
  (d) the same MPS read and solved by PuLP with GLPK (glpsol underneath).

Prints each one's wall time and peak memory, the ratio to Takt, and whether its objective
agrees with Takt's (relative difference <= 1e-6). Installs highspy and pulp into a virtual
environment of its own on first use. Run from the repository root:

    python3 Benchmarks/peers/compare.py [--orders 2000] [--products 20] [--periods 12] [--seed 1]
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENV = os.path.join(HERE, ".venv")


def ensure_packages():
    """Re-runs this script inside a virtual environment that has highspy and pulp."""
    python = os.path.join(ENV, "bin", "python")
    if sys.prefix != ENV:
        if not os.path.exists(python):
            venv.create(ENV, with_pip=True)
            subprocess.run([python, "-m", "pip", "install", "-q", "highspy", "pulp"], check=True)
        os.execv(python, [python] + sys.argv)


def measured(command):
    """Runs a command once; returns (wall seconds, its own peak resident MB, stdout)."""
    with tempfile.TemporaryFile(mode="w+") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            sys.exit(f"{' '.join(command)} failed:\n{errors.read()}")
    return wall, usage.ru_maxrss / 1024, out


def in_process(function):
    """Runs a function in a child process (so its memory is its own): (wall, peak MB, result)."""
    read, write = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        result = function()
        # A solver run as a child process (PuLP's glpsol) counts too.
        peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        os.write(write, json.dumps([result, peak]).encode())
        os._exit(0)
    os.close(write)
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.wait4(pid, 0)
    wall = time.perf_counter() - start
    result, peak = json.loads(data)
    return wall, peak / 1024, result


def rewrite(path, change):
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
    for row in rows:
        change(row)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def keep_to_orders(folder):
    """Open orders only; no sales plan, no subcontracting, no alternative work centers."""
    rewrite(os.path.join(folder, "orders.csv"), lambda row: row.update(status="open", frozen_period=""))
    rewrite(os.path.join(folder, "routings.csv"), lambda row: row.update(alternatives=""))
    for name in ("sales_plan.csv", "subcontractors.csv"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                header = f.readline()
            with open(path, "w", encoding="utf-8") as f:
                f.write(header)


def main():
    ensure_packages()
    import highspy
    import pulp

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=2000)
    parser.add_argument("--products", type=int, default=20)
    parser.add_argument("--periods", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "takt"], cwd=ROOT, check=True, capture_output=True)
    takt = os.path.join(ROOT, ".build", "release", "takt")
    work = tempfile.mkdtemp(prefix="takt-peers-")
    scenario = os.path.join(work, "scenario")
    subprocess.run([takt, "generate", "--orders", str(args.orders), "--products", str(args.products),
                    "--families", str(max(1, args.products // 10)), "--periods", str(args.periods), "--period", "month",
                    "--seed", str(args.seed), "--out", scenario], check=True, capture_output=True)
    keep_to_orders(scenario)
    mps = os.path.join(work, "orders.mps")
    subprocess.run([takt, "export", scenario, "--model", "orders", "--out", mps], check=True, capture_output=True)

    results = []
    wall, peak, out = measured([takt, "plan", scenario, "--method", "exact", "--format", "json"])
    results.append(("(a) takt plan, end to end", wall, peak, json.loads(out)["objective"]))

    wall, peak, _ = measured(["glpsol", "--freemps", mps, "-o", os.path.join(work, "glpsol.txt")])
    with open(os.path.join(work, "glpsol.txt")) as f:
        line = next(l for l in f if l.startswith("Objective:"))
    results.append(("(b) order x period LP, glpsol", wall, peak, float(line.split("=")[1].split()[0])))

    def highs():
        h = highspy.Highs()
        h.silent()
        h.setOptionValue("output_flag", False)
        h.readModel(mps)
        h.run()
        return h.getInfo().objective_function_value

    wall, peak, value = in_process(highs)
    results.append(("(c) the same MPS, HiGHS", wall, peak, value))

    def with_pulp():
        _, problem = pulp.LpProblem.fromMPS(mps, sense=pulp.LpMinimize)
        problem.solve(pulp.GLPK_CMD(msg=False))
        return pulp.value(problem.objective)

    wall, peak, value = in_process(with_pulp)
    results.append(("(d) the same MPS, PuLP + GLPK", wall, peak, value))

    columns = sum(1 for line in open(mps) if line.startswith(" q"))
    print(f"instance: {args.orders} orders, {args.products} products, {args.periods} months, seed {args.seed}; "
          f"order x period LP from takt export ({os.path.getsize(mps) / 1e6:.1f} MB MPS)")
    print(f"machine: {os.uname().sysname} {os.uname().machine}, {os.cpu_count()} cores")
    takt_wall, takt_objective = results[0][1], results[0][3]
    print(f"{'run':34} {'wall s':>8} {'peak MB':>8} {'x Takt':>7} {'objective':>18}  agrees")
    for name, wall, peak, objective in results:
        agrees = abs(objective - takt_objective) <= 1e-6 * max(1, abs(takt_objective))
        print(f"{name:34} {wall:8.2f} {peak:8.0f} {wall / takt_wall:7.1f} {objective:18.4f}  {'yes' if agrees else 'NO'}")


if __name__ == "__main__":
    main()
