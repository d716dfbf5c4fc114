"""nkgeo's performance benchmark: one command, one table of medians and ratios measured side by side.

    python bench/run.py                      # sizes 1e3 1e4 1e5 1e6, 7 runs (about 10 minutes)
    python bench/run.py --quick              # size 1e3, 1 run: checks that everything works
    python bench/run.py --sizes 1e3,1e5 --runs 5 --owlrl-max 1e4 --query derived-classes

What it measures, each stage in a process of its own (``bench/stages.py``), all in one run:

1. **Cold query** on the shipped graph: wall time from process start to exit (so to the last byte)
   of ``python -c pass``, of ``nkgeo query QUERY`` (a warm cache: the dataset is built first; a new
   process each time, with its bytecode cached as an installed package has it) and of
   ``bench/plain_rdflib.py QUERY``, what a user writes without nkgeo (rdflib parses, owlrl reasons,
   rdflib queries); their ratios against the targets (within 5x of ``python -c pass``; at least 20x
   faster than the plain script). The rows of both answers are counted: they must agree.
2. **Warm query**: the same query in a process that has the dataset open (median of 50).
3. **Build of the shipped graph** (``nkgeo build --force``: parse, reason, derivations, store,
   validation) with each part, validation alone (the shapes compiled into SPARQL and the checks, on
   the compiled store), pySHACL on the same triples (the reference), and the build with owlrl.
4. **Synthetic graphs** (``bench/synthetic.py``) of each size: loading the sources into pyoxigraph
   (triples per second), the engine's closure (encoding and fixpoint, with its peak memory), the
   whole build, owlrl's closure of the same input (up to ``--owlrl-max`` triples and
   ``--owlrl-timeout`` seconds: it is quadratic), validation in the build (every size), pySHACL on
   the same triples (up to ``--validate-max``), and the targets: 30x owlrl at 1e4, 1e6 closed in
   under 60 s and 2 GB, loading at 300,000 triples/s, 1e5 validated in under 10 s.

Peak memory is each stage's own ``ru_maxrss``. The machine's load average is printed: other work
on a 2-core machine slows every figure, so measure when it is quiet.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = {"cold_vs_python": 5.0, "plain_vs_cold": 20.0, "owlrl_speedup": 30.0, "closure_seconds": 60.0, "closure_mb": 2048.0,
           "load_per_second": 300_000, "validate_1e5_seconds": 10.0}


def size(text: str) -> int:
    return int(float(text))


def child_env(cache: Path, home: Path | None = None) -> dict:
    """The environment of a measured process: a private cache, bytecode cached as when installed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NKGEO_CACHE_DIR"] = str(cache)
    if home is not None:
        env["NKGEO_HOME"] = str(home)
    else:
        env.pop("NKGEO_HOME", None)
    return env


def wall(command: list[str], env: dict, timeout: float | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=True)
    return time.perf_counter() - started, done.stdout.decode("utf-8", "replace")


def median_wall(command: list[str], env: dict, runs: int, warm_up: bool = True) -> tuple[float, str]:
    if warm_up:
        wall(command, env)
    results = [wall(command, env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), results[-1][1]


def stage(name: str, project: Path, env: dict, *extra: str, timeout: float | None = None) -> dict | None:
    """Run one bench/stages.py stage; None when it ran out of time."""
    try:
        _, out = wall([sys.executable, str(HERE / "stages.py"), name, str(project), *extra], env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.strip().splitlines()[-1])


def nkgeo_command() -> list[str]:
    script = Path(sys.executable).parent / "nkgeo"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nkgeo"]


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def check(ok: bool) -> str:
    return "ok" if ok else "MISSED"


class Table:
    def __init__(self):
        self.lines: list[str] = []

    def add(self, text: str = "") -> None:
        self.lines.append(text)
        print(text, flush=True)


def cold_and_build(table: Table, args, cache: Path) -> dict:
    env = child_env(cache)
    nkgeo = nkgeo_command()
    subprocess.run([*nkgeo, "build"], env=env, check=True, stdout=subprocess.DEVNULL)
    python, _ = median_wall([sys.executable, "-c", "pass"], env, args.runs)
    query, query_out = median_wall([*nkgeo, "query", args.query, "--format", "csv"], env, args.runs)
    plain_runs = max(1, min(args.runs, 3))
    plain, plain_out = median_wall([sys.executable, str(HERE / "plain_rdflib.py"), args.query], env, plain_runs, warm_up=False)
    rows_nkgeo = len(query_out.splitlines()) - 1
    rows_plain = int(plain_out.split()[0])
    warm = stage("warm", ROOT, env, args.query, "50")
    figures = {"python": python, "query": query, "plain": plain}
    table.add(f"Cold query on the shipped graph ({args.runs} runs; plain script {plain_runs}): nkgeo query {args.query}")
    table.add(f"  {'python -c pass':<52}{fmt_ms(python):>10}")
    ratio = query / python
    table.add(f"  {'nkgeo query ' + args.query:<52}{fmt_ms(query):>10}   {ratio:5.1f}x python -c pass   (target <= 5x: {check(ratio <= 5)})")
    speedup = plain / query
    table.add(f"  {'plain rdflib + owlrl (bench/plain_rdflib.py)':<52}{fmt_ms(plain):>10}   "
              f"nkgeo is {speedup:.0f}x faster   (target >= 20x: {check(speedup >= 20)})")
    table.add(f"  {'rows: nkgeo / plain':<52}{rows_nkgeo:>5} / {rows_plain:<5} ({'same' if rows_nkgeo == rows_plain else 'DIFFERENT'})")
    table.add(f"  {'warm query (dataset open, median of 50)':<52}{fmt_ms(warm['seconds']):>10}")
    figures.update(cold_vs_python=ratio, plain_vs_cold=speedup, warm=warm["seconds"])

    builds = []
    for _ in range(args.runs):
        builds.append(stage("build", ROOT, env))
    build = sorted(builds, key=lambda b: b["seconds"]["total"])[len(builds) // 2]
    parts = ", ".join(f"{k} {build['seconds'][k]:.3f}" for k in ("parse", "reason", "derivations", "store", "validate"))
    validate = stage("validate", ROOT, env)
    reference = stage("pyshacl", ROOT, env)
    table.add("")
    table.add(f"Build of the shipped graph ({build['asserted_triples']} asserted triples, {build['reasoning_input_triples']} reasoned, "
              f"{build['inferred_triples']} inferred)")
    table.add(f"  {'nkgeo build (median of ' + str(args.runs) + ')':<52}{fmt_ms(build['seconds']['total']):>10}   ({parts} s)")
    table.add(f"  {'validation alone (compiled shapes + SPARQL checks)':<52}{fmt_ms(validate['seconds']):>10}   conforms: {validate['conforms']}")
    table.add(f"  {'pySHACL on the same triples (the reference)':<52}{fmt_ms(reference['seconds']):>10}   conforms: {reference['conforms']}")
    if not args.quick:
        owlrl_build = stage("build", ROOT, env, "owlrl")
        table.add(f"  {'nkgeo build --reasoner owlrl':<52}{fmt_ms(owlrl_build['seconds']['total']):>10}   (reason {owlrl_build['seconds']['reason']:.2f} s)")
    figures["build"] = build
    return figures


def synthetic(table: Table, args, work: Path) -> list[dict]:
    rows = []
    table.add("")
    table.add(f"Synthetic graphs (bench/synthetic.py, seed {args.seed}; triples = data triples, the ontology's ~1,200 apart)")
    header = (f"  {'triples':>9} {'load/s':>9} {'load nq/s':>9} | {'input':>8} {'closure':>9} {'closure s':>9} {'peak MB':>8} | "
              f"{'build s':>8} {'build MB':>8} {'query ms':>8} | {'owlrl s':>8} {'speed-up':>8} | {'validate':>8} {'pySHACL':>8}")
    table.add(header)
    for n in args.sizes:
        project = work / f"synthetic-{n}"
        subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--triples", str(n), "--seed", str(args.seed), "--out", str(project)],
                       check=True, stdout=subprocess.DEVNULL)
        env = child_env(work / f"cache-{n}", project)
        load = stage("load", project, env)
        closures = [stage("reason", project, env) for _ in range(args.runs if n <= 100_000 else max(1, min(args.runs, 3)))]
        closure = sorted(closures, key=lambda c: c["seconds"])[len(closures) // 2]
        build = stage("build", project, env)
        compiled_load = stage("loadnq", project, env, str(Path(build["path"]) / "dataset.nq"))
        city = json.loads((project / "synthetic.json").read_text(encoding="utf-8"))["first_city"]
        query, _ = median_wall([*nkgeo_command(), "query", "entity", "-p", "entity", city, "--format", "csv"], env, args.runs)
        owlrl = stage("owlrl", project, env, timeout=args.owlrl_timeout) if n <= args.owlrl_max else None
        owlrl_text = "-" if n > args.owlrl_max else (f">{args.owlrl_timeout:.0f}" if owlrl is None else f"{owlrl['seconds']:.2f}")
        speedup = owlrl["seconds"] / closure["seconds"] if owlrl else None
        validate = build["seconds"]["validate"]
        reference = stage("pyshacl", project, env, timeout=args.owlrl_timeout) if n <= args.validate_max else None
        reference_text = "-" if n > args.validate_max else (f">{args.owlrl_timeout:.0f}" if reference is None else f"{reference['seconds']:.2f}")
        table.add(f"  {n:>9,} {load['per_second']:>9,} {compiled_load['per_second']:>9,} | {closure['input']:>8,} {closure['closure']:>9,} "
                  f"{closure['seconds']:>9.2f} {closure['peak_mb']:>8.0f} | {build['seconds']['total']:>8.2f} {build['peak_mb']:>8.0f} {query * 1000:>8.1f} | "
                  f"{owlrl_text:>8} "
                  f"{(f'{speedup:.0f}x' if speedup else '-'):>8} | {validate:>8.2f} {reference_text:>8}")
        rows.append({"triples": n, "load": load, "load_compiled": compiled_load, "closure": closure, "build": build, "query": query,
                     "owlrl": owlrl, "speedup": speedup, "validate": validate, "pyshacl": reference})
        shutil.rmtree(project, ignore_errors=True)
        shutil.rmtree(work / f"cache-{n}", ignore_errors=True)
    table.add("  load/s: pyoxigraph loads the sources (TriG, validated) into an in-memory store; load nq/s: the compiled")
    table.add("  dataset.nq (sources + inferred), as a query loads it when the store is not on disk (lenient: nkgeo wrote it).")
    table.add("  input: triples reasoned (all but provenance). closure: input + derived. closure s: the engine reads, encodes and")
    table.add("  closes it (median). build: nkgeo build --force (parse + reason + derivations + store + validation; the store on disk from")
    table.add("  500 KB of sources). query ms: a cold 'nkgeo query entity -p entity CITY' (one city's facts, both ways) on that")
    table.add("  build (median). owlrl s:")
    table.add(f"  owlrl's closure of the same input (sizes up to {args.owlrl_max:,}; '>' = stopped at the time cap). validate: the")
    table.add("  build's validation (compiled shapes + SPARQL checks on the store, asserted + inferred triples). pySHACL: the")
    table.add(f"  reference on the same triples (sizes up to {args.validate_max:,}). '-': not run.")
    return rows


def targets(table: Table, cold: dict, rows: list[dict]) -> None:
    table.add("")
    table.add("Targets")
    table.add(f"  cold query within 5x of python -c pass: {cold['cold_vs_python']:.1f}x  {check(cold['cold_vs_python'] <= 5)}")
    table.add(f"  cold query 20x faster than rdflib + owlrl: {cold['plain_vs_cold']:.0f}x  {check(cold['plain_vs_cold'] >= 20)}")
    by_size = {row["triples"]: row for row in rows}
    if 10_000 in by_size and by_size[10_000]["speedup"]:
        s = by_size[10_000]["speedup"]
        table.add(f"  reasoning 30x faster than owlrl at 1e4: {s:.0f}x  {check(s >= 30)}")
    if 100_000 in by_size:
        v = by_size[100_000]["validate"]
        table.add(f"  1e5 validated in under 10 s: {v:.2f} s  {check(v < TARGETS['validate_1e5_seconds'])}")
    if 1_000_000 in by_size:
        c = by_size[1_000_000]["closure"]
        ok = c["seconds"] < 60 and c["peak_mb"] < 2048
        table.add(f"  1e6 closed in under 60 s and 2 GB: {c['seconds']:.1f} s, {c['peak_mb']:.0f} MB  {check(ok)}"
                  f"  (whole build {by_size[1_000_000]['build']['seconds']['total']:.1f} s, {by_size[1_000_000]['build']['peak_mb']:.0f} MB)")
        rate = by_size[1_000_000]["load"]["per_second"]
        compiled = by_size[1_000_000]["load_compiled"]["per_second"]
        table.add(f"  loading 1e6 at 300,000 triples/s or better: {compiled:,}/s  {check(compiled >= 300_000)}  (compiled dataset.nq"
                  f" into memory; the sources, parsed and validated once per build: {rate:,}/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e3,1e4,1e5,1e6", help="Synthetic sizes in triples, comma-separated (default 1e3,1e4,1e5,1e6).")
    parser.add_argument("--runs", type=int, default=7, help="Runs per timing; the median is shown (default 7).")
    parser.add_argument("--quick", action="store_true", help="Size 1e3 and one run: a check that the benchmark works.")
    parser.add_argument("--query", default="derived-classes", help="The canned query of the cold-start comparison.")
    parser.add_argument("--owlrl-max", type=size, default=10_000, help="Largest size owlrl closes (default 1e4).")
    parser.add_argument("--owlrl-timeout", type=float, default=600, help="Seconds before owlrl (or validation) is stopped.")
    parser.add_argument("--validate-max", type=size, default=10_000, help="Largest size validated with pySHACL (default 1e4).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="Also write the figures as JSON to this file.")
    args = parser.parse_args()
    args.sizes = [size(s) for s in args.sizes.split(",") if s]
    if args.quick:
        args.sizes, args.runs = [min(args.sizes)], 1
        args.owlrl_max = min(args.owlrl_max, args.sizes[0])
        args.validate_max = min(args.validate_max, args.sizes[0])
    import pyoxigraph

    table = Table()
    table.add(f"nkgeo benchmark: {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"pyoxigraph {getattr(pyoxigraph, '__version__', '?')}, load average {os.getloadavg()[0]:.2f}")
    table.add(f"command: python bench/run.py {' '.join(sys.argv[1:])}".rstrip())
    table.add("")
    work = Path(tempfile.mkdtemp(prefix="nkgeo-bench-"))
    try:
        cold = cold_and_build(table, args, work / "cache")
        rows = synthetic(table, args, work)
        targets(table, cold, rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table.add(f"load average at the end {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"cold": cold, "synthetic": rows, "table": table.lines}, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
