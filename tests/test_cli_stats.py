"""``nkgeo stats``: what the graph holds, counted."""

from __future__ import annotations

import json


def test_stats_json(invoke, compiled):
    result = invoke("stats", "--format", "json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["asserted_triples"] > 0
    assert figures["inferred_triples"] > 0
    assert figures["inferred_triples"] == compiled.meta["inferred_triples"]
    assert figures["asserted_triples"] == compiled.meta["asserted_triples"]
    assert figures["triples_per_graph"]["graph:inferred"] == figures["inferred_triples"]
    assert figures["classes"] > 0 and figures["object_properties"] > 0 and figures["datatype_properties"] > 0
    assert figures["evidence_per_document"] and all(n > 0 for n in figures["evidence_per_document"].values())
    assert figures["entities_per_class"]["nkgeo:City"] > 0
    assert figures["canned_queries"] > 0
    assert figures["reasoner"] in ("nkgeo", "owlrl")


def test_stats_text_of_a_tiny_project(invoke, tiny_project):
    result = invoke("stats")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split("  ")[0] for line in lines[:5]] == [
        "classes", "object properties", "datatype properties", "asserted triples", "inferred triples",
    ]
    assert lines[4].endswith("(reasoner: nkgeo)")
    assert "  graph:gazetteer                          14" in lines
    assert "  nkgeo:City                               2" in lines
    assert "  nkgeo:Country                            1" in lines
    assert lines[lines.index("evidence records per document:") + 1] == ""
    assert lines[-1] == "canned queries       0"


def test_stats_unknown_format(invoke):
    result = invoke("stats", "--format", "csv")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
