"""``nkgeo build`` and the compiled-dataset cache: built on demand, rebuilt when a source changes,
and clear one-line errors when a source is broken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nkgeo.build.cache import CompiledDataset

BUILT = re.compile(r"compiled (\d+) asserted \+ (\d+) inferred triples with (owlrl|nkgeo) in [\d.]+ s -> (\S+)\n")
NEW_CITY = """
graph:gazetteer {
    id:deltaton a nkgeo:City ;
        rdfs:label "Deltaton"@en ;
        nkgeo:locatedIn id:testland .
}
"""
CONTAINS = "SELECT ?place WHERE { id:testland nkgeo:contains ?place } ORDER BY ?place"


def builds(cache: Path) -> set[str]:
    return {p.name for p in cache.iterdir() if p.is_dir()}


def test_build_reports_what_it_compiled(invoke, compiled):
    result = invoke("build")
    assert result.exit_code == 0, result.output
    match = BUILT.fullmatch(result.output)
    assert match, result.output
    assert (int(match[1]), int(match[2])) == (compiled.meta["asserted_triples"], compiled.meta["inferred_triples"])
    assert int(match[1]) > 0 and int(match[2]) > 0
    assert Path(match[4]) == compiled.path


def test_build_force_rebuilds(invoke, tiny_project, tiny_cache):
    first = BUILT.fullmatch(invoke("build").output)
    meta = Path(first[4]) / "meta.json"
    before = meta.stat().st_mtime_ns
    result = invoke("build", "--force")
    assert result.exit_code == 0, result.output
    again = BUILT.fullmatch(result.output)
    assert again[4] == first[4] and again.groups()[:2] == first.groups()[:2]
    assert meta.stat().st_mtime_ns > before
    assert not [p for p in tiny_cache.iterdir() if p.name.startswith(".build-")]


def test_build_with_the_owlrl_reasoner_agrees(invoke, tiny_project):
    owlrl = BUILT.fullmatch(invoke("build", "--reasoner", "owlrl").output)
    ours = BUILT.fullmatch(invoke("build", "--reasoner", "nkgeo").output)
    assert (owlrl[3], ours[3]) == ("owlrl", "nkgeo")
    assert owlrl.groups()[:2] == ours.groups()[:2]
    assert owlrl[4] != ours[4]  # the reasoner is part of the cache key


def test_build_unknown_reasoner(invoke):
    result = invoke("build", "--reasoner", "hermit")
    assert result.exit_code == 2
    assert "Invalid value for '--reasoner'" in result.output


def test_rebuild_on_change(invoke, tiny_project, tiny_cache):
    before = invoke("sparql", CONTAINS, "--format", "csv")
    assert before.output.split() == ["place", "https://w3id.org/nkgeo/id/alphaville", "https://w3id.org/nkgeo/id/betaburg"]
    old = CompiledDataset.open().path
    with (tiny_project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write(NEW_CITY)
    after = invoke("sparql", CONTAINS, "--format", "csv", "--graph", "inferred")
    assert after.exit_code == 0, after.output
    assert "https://w3id.org/nkgeo/id/deltaton" in after.output.split()
    new = CompiledDataset.open().path
    assert new != old
    assert {old.name, new.name} <= builds(tiny_cache)
    assert invoke("show", "Deltaton", "--format", "json").exit_code == 0


def test_unchanged_sources_reuse_the_build(tiny_project):
    first = CompiledDataset.open().path
    mtime = (first / "dataset.nq").stat().st_mtime_ns
    assert CompiledDataset.open().path == first
    assert (first / "dataset.nq").stat().st_mtime_ns == mtime


# Broken sources


@pytest.mark.parametrize("command", [["build"], ["sparql", "ASK {}"], ["show", "alphaville"], ["stats"], ["export"]])
def test_broken_turtle(invoke, tiny_project, tiny_cache, command):
    (tiny_project / "ontology" / "broken.ttl").write_text("@prefix x: <http://example.org/> .\nx:a x:b .\n", encoding="utf-8")
    result = invoke(*command)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert re.fullmatch(r"Error: broken\.ttl does not parse: [^\n]+\n", result.stderr), result.stderr
    assert not [p for p in tiny_cache.iterdir() if p.name.startswith(".build-")]


def test_broken_trig(invoke, tiny_project):
    with (tiny_project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write("graph:gazetteer { id:alphaville a }\n")
    result = invoke("build")
    assert result.exit_code == 1
    assert re.fullmatch(r"Error: gazetteer\.trig does not parse: at line \d+ [^\n]+\n", result.output), result.output


def test_triples_outside_any_named_graph(invoke, tiny_project):
    (tiny_project / "graph" / "stray.trig").write_text(
        "@prefix id: <https://w3id.org/nkgeo/id/> .\nid:alphaville id:near id:betaburg .\n", encoding="utf-8"
    )
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == "Error: 1 triples of graph/ are outside any named graph; put them in a GRAPH block\n"


def test_missing_ontology_folder(invoke, tiny_project):
    for path in (tiny_project / "ontology").glob("*.ttl"):
        path.unlink()
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == f"Error: no ontology files (*.ttl) in {tiny_project / 'ontology'}\n"


def test_missing_graph_folder(invoke, tiny_project, monkeypatch):
    monkeypatch.setenv("NKGEO_HOME", str(tiny_project / "nowhere"))
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == f"Error: no ontology folder at {tiny_project / 'nowhere' / 'ontology'}\n"
