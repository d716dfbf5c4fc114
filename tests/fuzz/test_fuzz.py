"""The fuzzer, briefly: a fixed set of cases of each kind (seed 0), a few seconds each, must give
no traceback, no crash and no hang. ``python bench/fuzz.py --cases 100000`` runs it at length.

A failure the fuzzer found in another branch's code is kept as its reproducer, an
``xfail(strict=True)`` test naming the branch that fixes it: it turns red once the fix is merged
(then remove the mark).
"""

from __future__ import annotations

import harness
import pytest

CASES = {"sparql": 60, "endpoint": 100, "rdf": 400, "documents": 15, "candidates": 80, "http": 60}


def failures(figures: harness.Figures) -> str:
    return "\n".join(f"{outcome.status}: {case.describe()}\n    {outcome.detail[-400:]}" for case, outcome in figures.failures)


@pytest.mark.parametrize("kind", harness.KINDS)
def test_fuzz_briefly(kind, compiled, tmp_path):
    figures = harness.run({kind: CASES[kind]}, seed=0, log_path=str(tmp_path / "fuzz.log"))
    assert figures.cases[kind] == CASES[kind]
    assert sum(figures.statuses[kind].get(s, 0) for s in ("ok", "refused")) > 0
    assert not figures.failures, failures(figures)


def test_the_cases_are_the_same_in_every_process():
    assert harness.make_case("rdf", 0, 7).data == harness.make_case("rdf", 0, 7).data
    assert harness.make_case("http", 3, 1).data != harness.make_case("http", 4, 1).data


def test_extractor_takes_its_own_mask_characters(compiled):
    outcome = harness.run_documents(harness.Case("documents", 0, "⟪0⟫ Hamhung is a city. ⟪1⟫ ⟪0⟫".encode() * 3))
    assert outcome.status in ("ok", "refused"), outcome.detail
