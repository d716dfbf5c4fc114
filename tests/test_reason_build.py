"""The compiled dataset of ``nkgeo build``: its derivations file, its store, and finding it cheaply.

``derivations.bin`` holds the terms and, per derived triple, its ids, rule and premises; it is read
back as a mapping from a triple key (N-Triples terms) to its rule and premise keys, which ``nkgeo
why`` walks. A build is found again by a stamp of the inputs (name, size, mtime, inode of each
file) without reading them; a large build is an on-disk store that queries open read-only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nkgeo import sources
from nkgeo.build import pipeline
from nkgeo.build.cache import CompiledDataset, compiled_path
from nkgeo.sources import Sources


def test_derivations_read_back(compiled):
    found = compiled.derivations
    derivations = found["derivations"]
    assert set(found) >= {"rules", "blank_nodes", "derivations", "rule_names"}
    key = "<https://w3id.org/nkgeo/id/kimchaek> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/nkgeo/ontology#SteelTown>"
    assert key in derivations and derivations.get(key)["rule"] == "cax-sco"
    assert derivations[key]["premises"][1].startswith("<https://w3id.org/nkgeo/id/kimchaek> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> _:")
    assert len(list(derivations)) == len(derivations) == len(dict(derivations.items())) > compiled.meta["inferred_triples"]
    assert "<urn:x> <urn:y> <urn:z>" not in derivations and derivations.get("<urn:x> <urn:y> <urn:z>") is None


def test_meta_has_the_closure_figures(compiled):
    meta = compiled.meta
    assert meta["reasoner"] == "nkgeo" and meta["consistent"] is True
    # A store on disk once the sources pass the size at which opening it beats loading dataset.nq.
    size = sum(Path(source).stat().st_size for source in meta["sources"])
    assert meta["store"] == ("disk" if size >= pipeline.DISK_STORE_BYTES else "memory")
    assert meta["closure_triples"] > meta["reasoning_input_triples"] > 0
    assert set(meta["seconds"]) >= {"parse", "reason", "derivations", "store", "total"}


def test_unchanged_sources_are_found_without_reading_them(tiny_project, monkeypatch):
    first = compiled_path()

    def no_hashing(self, reasoner):
        raise AssertionError("the sources were read again")

    monkeypatch.setattr(Sources, "fingerprint", no_hashing)
    assert compiled_path() == first


def test_touched_sources_are_hashed_again_and_reuse_the_build(tiny_project):
    first = compiled_path()
    mtime = (first / "dataset.nq").stat().st_mtime_ns
    source = tiny_project / "graph" / "gazetteer.trig"
    source.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")  # same bytes, a new mtime
    assert compiled_path() == first
    assert (first / "dataset.nq").stat().st_mtime_ns == mtime


def test_a_large_build_is_an_on_disk_store(tiny_project, monkeypatch, invoke):
    monkeypatch.setattr(pipeline, "DISK_STORE_BYTES", 0)
    compiled = CompiledDataset.open(rebuild=True)
    assert compiled.meta["store"] == "disk" and (compiled.path / "store").is_dir()
    result = invoke("sparql", "SELECT ?place WHERE { id:testland nkgeo:contains ?place } ORDER BY ?place", "--format", "csv")
    assert result.output.split() == ["place", "https://w3id.org/nkgeo/id/alphaville", "https://w3id.org/nkgeo/id/betaburg"]


def test_an_inconsistent_graph_still_builds(tiny_project):
    """OWL 2 RL reports inconsistency (cax-dw here) rather than failing: the build records it."""
    (tiny_project / "graph" / "clash.trig").write_text(
        "@prefix graph: <https://w3id.org/nkgeo/graph/> . @prefix id: <https://w3id.org/nkgeo/id/> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .\n"
        "graph:gazetteer { nkgeo:River owl:disjointWith nkgeo:City . id:gamma-river a nkgeo:City . }\n",
        encoding="utf-8",
    )
    compiled = CompiledDataset.open(rebuild=True)
    assert compiled.meta["consistent"] is False
    assert [rule for rule, _premises in compiled.derivations["inconsistencies"]] == ["cax-dw"]


@pytest.mark.parametrize("name", ["trace", "nkgeo"])
def test_reasoner_names(name):
    assert sources.reasoner_name(name) == "nkgeo"
