"""``nkgeo show`` says what the documents say as they say it: certainty, claims, references.

The real graph checks coverage (every triple with evidence about a place is in its
description); a tiny project with two documents that disagree, a claim and a build record of an
inferred triple's certainty (``graph:inferred-provenance``, the interface with the build) checks
the wording exactly.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import TINY_TRIG

DOCUMENTS_TRIG = """\
@prefix doc: <https://w3id.org/nkgeo/doc/> .
@prefix ev: <https://w3id.org/nkgeo/evidence/> .
@prefix graph: <https://w3id.org/nkgeo/graph/> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

graph:doc-900_a { id:alphaville nkgeo:hasIndustry id:tin .
                  id:alphaville nkgeo:hasRestriction id:alphaville-closed .
                  id:alphaville-closed a nkgeo:Restriction ; rdfs:label "Alphaville: closed to foreign visitors"@en . }
graph:doc-901_b { id:alphaville nkgeo:hasIndustry id:tin . }
graph:gazetteer { id:tin a nkgeo:Industry ; rdfs:label "tin industry"@en .
                  id:tin-board a prov:Agent ; rdfs:label "the Tin Board"@en . }
graph:provenance {
    doc:900_a a nkgeo:SourceDocument ; dcterms:title "Document A" ; nkgeo:documentGraph graph:doc-900_a .
    doc:901_b a nkgeo:SourceDocument ; dcterms:title "Document B" ; nkgeo:documentGraph graph:doc-901_b .
    ev:a1 a nkgeo:Evidence ; rdf:subject id:alphaville ; rdf:predicate nkgeo:hasIndustry ; rdf:object id:tin ;
        nkgeo:inDocument doc:900_a ; nkgeo:startOffset 0 ; nkgeo:endOffset 10 ;
        nkgeo:assertionMode nkgeo:Believed ; nkgeo:temporalStatus nkgeo:Formerly ; prov:wasAttributedTo id:tin-board .
    ev:b1 a nkgeo:Evidence ; rdf:subject id:alphaville ; rdf:predicate nkgeo:hasIndustry ; rdf:object id:tin ;
        nkgeo:inDocument doc:901_b ; nkgeo:startOffset 5 ; nkgeo:endOffset 20 ;
        nkgeo:assertionMode nkgeo:Stated ; nkgeo:temporalStatus nkgeo:Current .
    ev:a2 a nkgeo:Evidence ; rdf:subject id:alphaville ; rdf:predicate nkgeo:hasRestriction ; rdf:object id:alphaville-closed ;
        nkgeo:inDocument doc:900_a ; nkgeo:startOffset 11 ; nkgeo:endOffset 40 ;
        nkgeo:assertionMode nkgeo:Stated ; nkgeo:temporalStatus nkgeo:Current ; nkgeo:qualifier "largely" .
    ev:a3 a nkgeo:Evidence ; rdf:subject id:alphaville-closed ; rdf:predicate rdf:type ; rdf:object nkgeo:Restriction ;
        nkgeo:inDocument doc:900_a ; nkgeo:startOffset 11 ; nkgeo:endOffset 40 ;
        nkgeo:assertionMode nkgeo:Stated ; nkgeo:temporalStatus nkgeo:Current .
}
graph:inferred-provenance {
    ev:inferred-test a nkgeo:InferenceRecord ; rdf:subject id:alphaville ; rdf:predicate rdf:type ; rdf:object nkgeo:Settlement ;
        nkgeo:assertionMode nkgeo:Believed ; nkgeo:temporalStatus nkgeo:Current ; nkgeo:rule "cax-sco" .
}
"""


def _json(result) -> dict:
    """The JSON document of the output (the tiny graph does not conform to the shapes: a warning follows)."""
    assert result.exit_code == 0, result.output
    return json.JSONDecoder().raw_decode(result.output)[0]


@pytest.fixture
def documents_project(tiny_project):
    (tiny_project / "graph" / "gazetteer.trig").write_text(TINY_TRIG, encoding="utf-8")
    (tiny_project / "graph" / "900_a.trig").write_text(DOCUMENTS_TRIG, encoding="utf-8")
    return tiny_project


def test_two_documents_keep_both_records_and_the_strongest_is_the_summary(invoke, documents_project):
    data = _json(invoke("show", "alphaville", "--format", "json", "--no-quote"))
    tin = next(f for f in data["facts"] if f["object"] == "id:tin")
    assert (tin["certainty"]["mode"], tin["certainty"]["holds"]) == ("stated", "current")
    notes = sorted(s["certainty"]["note"] for s in tin["sources"])
    assert notes == ["", "believed by the Tin Board; formerly"]
    assert {(r["n"], r["document"], r["start"], r["end"]) for r in data["references"]} >= {(1, "900_a", 0, 10), (2, "901_b", 5, 20)}


def test_text_words_each_record_and_the_claim_under_its_kind(invoke, documents_project):
    lines = invoke("show", "alphaville", "--no-quote").output.splitlines()
    assert "    id:tin (tin industry)  believed by the Tin Board; formerly [1]; [2]" in lines
    claims = lines.index("Claims:")
    assert lines[claims + 1:claims + 3] == ["  restriction", "    closed to foreign visitors — largely (stated; now)  [3]"]


def test_an_inferred_fact_shows_the_certainty_of_its_build_record(invoke, documents_project):
    data = _json(invoke("show", "alphaville", "--format", "json"))
    settlement = next(f for f in data["facts"] if f["object"] == "nkgeo:Settlement")
    assert settlement["inferred"] and settlement["certainty"]["mode"] == "believed"
    place = next(f for f in data["facts"] if f["object"] == "nkgeo:Place")  # no record: stated and current
    assert place["inferred"] and place["certainty"]["stated_current"]
    assert "    nkgeo:Settlement (settlement)  (believed)" in invoke("show", "alphaville").output.splitlines()


def test_stated_current_keeps_only_stated_present_facts(invoke, documents_project):
    data = _json(invoke("show", "alphaville", "--format", "json", "--stated-current"))
    objects = {f["object"] for f in data["facts"]}
    assert "id:tin" in objects  # one document states it as a present fact
    assert "nkgeo:Settlement" not in objects and "nkgeo:Place" in objects
    assert [c["text"] for c in data["claims"]] == ["closed to foreign visitors"]
    assert all(f["certainty"]["stated_current"] for f in data["facts"] + data["links"] + data["claims"])


def _about_places(compiled) -> dict[str, set[tuple[str, str, str]]]:
    """Every triple with evidence whose subject or object is a place, or whose subject is a claim a
    place has, by place IRI."""
    from nkgeo import rdfio

    query = """
    SELECT DISTINCT ?place ?s ?p ?o WHERE {
      GRAPH graph:provenance { ?ev a nkgeo:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
      { ?s a nkgeo:Place BIND(?s AS ?place) }
      UNION
      { ?o a nkgeo:Place BIND(?o AS ?place) }
      UNION
      { ?place a nkgeo:Place ; ?link ?s . ?s a nkgeo:Claim . GRAPH ?g { ?place ?link ?s } FILTER(?g != graph:inferred) }
    }"""
    found: dict[str, set] = {}
    for row in compiled.query(query):
        found.setdefault(row["place"].value, set()).add(tuple(rdfio.display(row[v]) for v in ("s", "p", "o")))
    return found


def test_every_statement_of_both_documents_is_in_the_description_of_its_place(compiled):
    from nkgeo.explain.show import describe

    expected = _about_places(compiled)
    assert len(expected) > 40 and sum(map(len, expected.values())) > 800
    missing = []
    for place, triples in sorted(expected.items()):
        description = describe(compiled, place, quote_documents=False)
        shown = {(f["subject"], f["predicate"], f["object"]) for f in description["facts"] + description["links"]}
        for claim in description["claims"]:
            shown.add((claim["subject"], claim["predicate"], claim["object"]))
            shown.update((p["subject"], p["predicate"], p["object"]) for p in claim["parts"])
        for entry in description["facts"] + [p for c in description["claims"] for p in (c, *c["parts"])]:
            assert all("ref" in s for s in entry["sources"] if "document" in s)
        missing += [(place, t) for t in triples - shown]
    assert not missing, missing[:10]


def test_hamhung_claims_are_one_line_each_under_their_kind(invoke):
    data = json.loads(invoke("show", "Hamhung", "--format", "json", "--no-quote").output)
    kinds = {c["kind"] for c in data["claims"]}
    assert {"condition", "restriction", "trend", "population estimate"} <= kinds
    assert len({c["object"] for c in data["claims"]}) == len(data["claims"])  # one line per claim node
    closed = next(c for c in data["claims"] if "foreign visitors" in c["text"])
    assert closed["kind"] == "restriction" and closed["certainty"]["how_and_when"] == "stated; now"
    text = invoke("show", "Hamhung", "--no-quote").output
    assert "    largely closed to foreign visitors (stated; now)  [" in text
    assert "schema:containedInPlace" not in text.split("Copies (")[0]  # alignment copies folded onto one line


def test_each_passage_is_quoted_once(invoke, corpus):
    text = invoke("show", "Hamhung").output
    quotes = [line.strip() for line in text.splitlines() if line.strip().startswith('"')]
    assert quotes and len(quotes) == len(set(quotes))
