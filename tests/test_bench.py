"""bench/run.py works: its quick mode (the smallest synthetic size, one run) prints the whole table.

A benchmark is not a test: the figures are not checked against the targets here (the machine may be
busy), only that every part ran and printed its line, and that the cold-query answers of nkgeo and
of the plain rdflib + owlrl script agree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_prints_the_table(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NKGEO_HOME", "NKGEO_CACHE_DIR")}
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--json", str(tmp_path / "figures.json")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    for line in (
        r"python -c pass +[\d.]+ ms",
        r"nkgeo query derived-classes +[\d.]+ ms +[\d.]+x python -c pass",
        r"plain rdflib \+ owlrl \(bench/plain_rdflib\.py\) +[\d.]+ m?s +nkgeo is \d+x faster",
        r"rows: nkgeo / plain +18 / 18 +\(same\)",  # the derived classes of the shipped graph
        r"warm query \(dataset open, median of 50\) +[\d.]+ ms",
        r"nkgeo build \(median of 1\) +[\d.]+ m?s +\(parse [\d.]+, reason [\d.]+, derivations [\d.]+, store [\d.]+, validate [\d.]+ s\)",
        r"validation alone \(compiled shapes \+ SPARQL checks\) +[\d.]+ m?s +conforms: True",
        r"pySHACL on the same triples \(the reference\) +[\d.]+ m?s +conforms: True",
        r" +1,\d{3} +[\d,]+ +[\d,]+ \| +[\d,]+ +[\d,]+ +[\d.]+ +\d+ \| +[\d.]+ +\d+ +[\d.]+ \| +[\d.]+ +\d+x \| +[\d.]+ +[\d.]+",
        r"cold query within 5x of python -c pass: [\d.]+x +(ok|MISSED)",
    ):
        assert re.search(line, out), f"no line like {line!r} in:\n{out}"
    assert (tmp_path / "figures.json").is_file()
