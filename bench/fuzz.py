"""Fuzz nkgeo's inputs at length: SPARQL (CLI and endpoint), RDF files, documents, candidates
files and HTTP requests (see ``tests/fuzz/harness.py``, which the tests run briefly).

Prints the cases tried, the tracebacks, the crashes and the hangs (a case past its time limit),
per kind, then each failing case with how to reproduce it; exits 1 if any. Network: 127.0.0.1
only (the HTTP cases go to a server this starts and stops).

    python bench/fuzz.py --cases 100000                    # every kind, shared as WEIGHTS says
    python bench/fuzz.py --kinds rdf,http --cases 2000 --seed 7
    python bench/fuzz.py --kinds documents --index 4123    # one case again, and its bytes
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fuzz")]

import harness  # noqa: E402

# The share of the cases each kind gets: the costly kinds (documents, the CLI) fewer.
WEIGHTS = {"sparql": 0.2, "endpoint": 0.15, "rdf": 0.25, "documents": 0.05, "candidates": 0.15, "http": 0.2}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10000, help="cases in all, shared among the kinds (default 10000)")
    parser.add_argument("--kinds", default=",".join(harness.KINDS), help=f"which kinds, comma-separated (default all: {','.join(harness.KINDS)})")
    parser.add_argument("--seed", type=int, default=0, help="the seed the cases are made from (default 0)")
    parser.add_argument("--first", type=int, default=0, help="the index of the first case of each kind (default 0)")
    parser.add_argument("--index", type=int, help="run only this case (of each kind given) and print its bytes")
    parser.add_argument("--time-limit", type=float, default=harness.TIME_LIMIT, help=f"seconds a case may take (default {harness.TIME_LIMIT:g})")
    parser.add_argument("--log", help="where the children and the server write their log (default: nkgeo-fuzz.log in the temp folder)")
    parser.add_argument("--json", help="write the figures and the failing cases to this file too")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = sorted(set(kinds) - set(harness.KINDS))
    if unknown:
        parser.error(f"unknown kinds {', '.join(unknown)}; choose among {', '.join(harness.KINDS)}")
    if args.index is not None:
        counts, first = {kind: 1 for kind in kinds}, args.index
        for kind in kinds:
            print(harness.make_case(kind, args.seed, args.index).describe(width=2000))
    else:
        share = sum(WEIGHTS[k] for k in kinds)
        counts, first = {kind: max(1, round(args.cases * WEIGHTS[kind] / share)) for kind in kinds}, args.first
    started = time.monotonic()
    last = [started]

    def progress(kind: str, done: int, count: int, figures) -> None:
        if time.monotonic() - last[0] > 30:
            last[0] = time.monotonic()
            print(f"  {kind}: {done}/{count} cases, {len(figures.failures)} failures so far, {time.monotonic() - started:.0f} s",
                  file=sys.stderr, flush=True)

    figures = harness.run(counts, args.seed, args.time_limit, args.log, progress, first)
    print(figures.report())
    if args.json:
        Path(args.json).write_text(json.dumps({
            "seed": args.seed, "cases": figures.cases, "statuses": figures.statuses, "seconds": figures.seconds,
            "failures": [{"kind": c.kind, "index": c.index, "status": o.status, "detail": o.detail, "case": c.describe(2000)}
                         for c, o in figures.failures],
        }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
