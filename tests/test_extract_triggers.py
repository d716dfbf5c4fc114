"""ontology/triggers.tsv: the trigger phrases as data, checked against the ontology, and used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from nkgeo.errors import SourceError
from nkgeo.extract import triggers

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "ontology" / "triggers.tsv"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "nkgeo.ttl", format="turtle")


def test_every_relation_and_class_is_a_term_of_the_ontology(ontology):
    loaded = triggers.parse(FILE.read_text(encoding="utf-8"))
    assert len(loaded) >= 30
    for trigger in loaded:
        assert (URIRef(trigger.relation), RDF.type, OWL.ObjectProperty) in ontology, trigger.pattern
        for cls in trigger.subject | trigger.object:
            assert (URIRef(cls), RDF.type, OWL.Class) in ontology, (trigger.line, cls)
        assert 0 < trigger.confidence <= 1


@pytest.mark.parametrize(
    ("pattern", "masked", "found"),
    [
        ("(belongs|belonged) to [the] {O}", "Set in a valley, ⟪1⟫ belongs to ⟪2⟫ and ⟪3⟫.", "belongs to ⟪2⟫ and ⟪3⟫"),
        ("on [the] [south|north] (bank|banks) of [the] {O}", "It stood on the south bank of the ⟪0⟫.", "on the south bank of the ⟪0⟫"),
        ("{S} [,] (in|within) [the] {O}", "⟪0⟫, in ⟪1⟫, mines coal", "⟪0⟫, in ⟪1⟫"),
        ("{S} [,] (in|within) [the] {O}", "⟪0⟫ in ⟪1⟫ mines coal", "⟪0⟫ in ⟪1⟫"),
        ("a few (kilometres|miles) from ... held by {O}", "a few kilometres from islands held by ⟪1⟫", "a few kilometres from islands held by ⟪1⟫"),
        ("(hilly|rugged) [terrain|country]", "a hilly terrain", "hilly terrain"),
        ("(hilly|rugged) [terrain|country]", "a hilly, wooded land", "hilly"),
    ],
)
def test_the_pattern_language(pattern, masked, found):
    match = triggers.compile_pattern(pattern).search(masked)
    assert match is not None and match.group(0) == found


def test_a_pattern_matches_whole_words_only():
    regex = triggers.compile_pattern("facing [the] {O}")
    assert regex.search("a city facing the ⟪0⟫")
    assert not regex.search("a city surfacing the ⟪0⟫")
    assert not triggers.compile_pattern("on the {O}").search("upon the ⟪0⟫")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("nkgeo:locatedIn\tPlace\tProvince\t0.8", "expected 5 tab-separated fields, found 4"),
        ("nkgeo:liesIn\tPlace\tProvince\t0.8\tin {O}", "liesIn"),
        ("nkgeo:locatedIn\tPlace\tProvinse\t0.8\tin {O}", "'Provinse' is not a class of the ontology"),
        ("rdfs:label\tPlace\tProvince\t0.8\tin {O}", "must be an nkgeo: property"),
        ("nkgeo:locatedIn\tPlace\tProvince\thigh\tin {O}", "could not convert"),
    ],
)
def test_a_bad_line_is_an_error_that_names_it(line, message):
    with pytest.raises(SourceError) as caught:
        triggers.parse("# header\n\n" + line + "\n")
    assert "triggers.tsv line 3" in str(caught.value) and message in str(caught.value)


def test_adding_a_relation_is_adding_a_line(tiny_project, invoke, tmp_path):
    """A project's own triggers.tsv is used: a phrase the shipped file lacks now yields its relation."""
    import spacy  # noqa: F401 - the test extra installs it: fail, never skip, without it
    text = "Cities of Testland\n\nAlphaville is twinned with the Gamma River.\n"
    path = tmp_path / "note.txt"
    path.write_text(text, encoding="utf-8")
    before = invoke("extract", str(path), "--format", "table").output
    assert "nkgeo:onRiver" not in before
    shutil.copy(FILE, tiny_project / "ontology" / "triggers.tsv")
    with (tiny_project / "ontology" / "triggers.tsv").open("a", encoding="utf-8") as handle:
        handle.write("nkgeo:onRiver\tPlace\tRiver\t0.8\tis twinned with [the] {O}\n")
    after = invoke("extract", str(path), "--format", "table").output
    rows = [[c.strip() for c in line.split("|")][:3] for line in after.splitlines() if "|" in line]
    assert ["id:alphaville", "nkgeo:onRiver", "id:gamma-river"] in rows


def test_a_project_without_the_file_uses_the_packages(tiny_project):
    assert not (tiny_project / "ontology" / "triggers.tsv").exists()
    assert triggers.trigger_file() == FILE
