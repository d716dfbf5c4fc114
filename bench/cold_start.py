"""Cold-start time of the CLI, against Python itself, measured side by side in one run.

    python bench/cold_start.py [--runs 9]

Prints the median wall time (process start to exit) of ``python -c pass``,
``nkgeo query biggest-cities`` with a warm cache, and a full rebuild (parse + reason + compile),
and the ratio of the query to bare Python. Figures, not assertions: the machines are noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def wall(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    env = dict(os.environ, NKGEO_CACHE_DIR=tempfile.mkdtemp(prefix="nkgeo-bench-"))
    nkgeo = [sys.executable, "-m", "nkgeo"]
    build = [wall([*nkgeo, "build", "--force"], env) for _ in range(3)]
    python = [wall([sys.executable, "-c", "pass"], env) for _ in range(args.runs)]
    query = [wall([*nkgeo, "query", "biggest-cities"], env) for _ in range(args.runs)]
    rows = [
        ("python -c pass", statistics.median(python)),
        ("nkgeo query biggest-cities (cold process, warm cache)", statistics.median(query)),
        ("nkgeo build --force (parse + reason + compile)", statistics.median(build)),
    ]
    for name, seconds in rows:
        print(f"{name:<55} {seconds * 1000:8.1f} ms")
    print(f"{'ratio query / python -c pass':<55} {rows[1][1] / rows[0][1]:8.1f} x")


if __name__ == "__main__":
    main()
