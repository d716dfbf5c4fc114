"""An inferred triple is as certain as the weakest premise of its derivation (nkgeo.build.certainty).

The build writes one nkgeo:InferenceRecord in graph:inferred-provenance for each inferred triple
below "stated, current": the weakest assertion mode of its premises and, when a premise does not
hold now, that premise's temporal status. These tests build a tiny project whose one document
states facts with hedges and times, then read the records back; the shipped graph's examples are
in tests/test_cli_why.py.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.build import certainty, pipeline
from nkgeo.sources import Sources

# Two documents about the tiny graph's cities (tests/conftest.py); ev:b-* are the second's records.
DOCUMENTS = """\
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix doc: <https://w3id.org/nkgeo/doc/> .
@prefix ev: <https://w3id.org/nkgeo/evidence/> .
@prefix graph: <https://w3id.org/nkgeo/graph/> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

graph:gazetteer {
    id:alpha-port a nkgeo:Port ;
        rdfs:label "Alpha Port"@en .
    id:beta-port a nkgeo:Port ;
        rdfs:label "Beta Port"@en .
    id:betaburg nkgeo:hasPort id:beta-port .
}

graph:doc-a {
    id:alphaville nkgeo:populationIncludes id:miners ;
        nkgeo:hasPort id:alpha-port .
    id:betaburg nkgeo:hasPort id:beta-port ;
        nkgeo:hasCondition id:beta-shortage, id:beta-decay .
}

graph:doc-b {
    id:betaburg nkgeo:hasCondition id:beta-shortage, id:beta-decay .
}

graph:provenance {
    doc:a a nkgeo:SourceDocument ;
        dcterms:title "Document A" ;
        nkgeo:documentGraph graph:doc-a .
    doc:b a nkgeo:SourceDocument ;
        dcterms:title "Document B" ;
        nkgeo:documentGraph graph:doc-b .

    ev:a-1 a nkgeo:Evidence ;
        rdf:subject id:alphaville ; rdf:predicate nkgeo:populationIncludes ; rdf:object id:miners ;
        nkgeo:inDocument doc:a ; nkgeo:startOffset 0 ; nkgeo:endOffset 10 ;
        nkgeo:assertionMode nkgeo:Believed ; nkgeo:temporalStatus nkgeo:Current .
    ev:a-2 a nkgeo:Evidence ;
        rdf:subject id:alphaville ; rdf:predicate nkgeo:hasPort ; rdf:object id:alpha-port ;
        nkgeo:inDocument doc:a ; nkgeo:startOffset 11 ; nkgeo:endOffset 20 ;
        nkgeo:assertionMode nkgeo:Stated ; nkgeo:temporalStatus nkgeo:Formerly .
    ev:a-3 a nkgeo:Evidence ;
        rdf:subject id:betaburg ; rdf:predicate nkgeo:hasPort ; rdf:object id:beta-port ;
        nkgeo:inDocument doc:a ; nkgeo:startOffset 21 ; nkgeo:endOffset 30 ;
        nkgeo:assertionMode nkgeo:Stated ; nkgeo:temporalStatus nkgeo:Formerly .
    ev:a-4 a nkgeo:Evidence ;
        rdf:subject id:betaburg ; rdf:predicate nkgeo:hasCondition ; rdf:object id:beta-shortage ;
        nkgeo:inDocument doc:a ; nkgeo:startOffset 31 ; nkgeo:endOffset 40 ;
        nkgeo:assertionMode nkgeo:Considered ; nkgeo:temporalStatus nkgeo:Current .
    ev:a-5 a nkgeo:Evidence ;
        rdf:subject id:betaburg ; rdf:predicate nkgeo:hasCondition ; rdf:object id:beta-decay ;
        nkgeo:inDocument doc:a ; nkgeo:startOffset 41 ; nkgeo:endOffset 50 ;
        nkgeo:assertionMode nkgeo:Believed ; nkgeo:temporalStatus nkgeo:Current .
    ev:b-1 a nkgeo:Evidence ;
        rdf:subject id:betaburg ; rdf:predicate nkgeo:hasCondition ; rdf:object id:beta-shortage ;
        nkgeo:inDocument doc:b ; nkgeo:startOffset 0 ; nkgeo:endOffset 10 ;
        nkgeo:assertionMode nkgeo:Stated ; nkgeo:temporalStatus nkgeo:Current .
    ev:b-2 a nkgeo:Evidence ;
        rdf:subject id:betaburg ; rdf:predicate nkgeo:hasCondition ; rdf:object id:beta-decay ;
        nkgeo:inDocument doc:b ; nkgeo:startOffset 11 ; nkgeo:endOffset 20 ;
        nkgeo:assertionMode nkgeo:Considered ; nkgeo:temporalStatus nkgeo:Current .
}
"""

RECORDS = """
SELECT ?record ?s ?p ?o ?mode ?status ?rule WHERE {
  GRAPH <https://w3id.org/nkgeo/graph/inferred-provenance> {
    ?record a <https://w3id.org/nkgeo/ontology#InferenceRecord> ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o ;
        <https://w3id.org/nkgeo/ontology#assertionMode> ?mode ;
        <https://w3id.org/nkgeo/ontology#temporalStatus> ?status ;
        <https://w3id.org/nkgeo/ontology#rule> ?rule .
  }
}
"""


def _build(project, tmp_path) -> tuple[dict, dict]:
    """Build the project; its meta and its records as (subject, predicate, object) local names ->
    (mode, status, rule) local names."""
    target = tmp_path / "out"
    meta = pipeline.build(Sources.discover(project / "ontology", project / "graph"), target)
    store = ox.Store()
    store.load(path=str(target / "dataset.nq"), format=ox.RdfFormat.N_QUADS)

    def local(term) -> str:
        return re.split(r"[/#]", term.value)[-1]

    records = {}
    for row in store.query(RECORDS):
        key = (local(row["s"]), local(row["p"]), local(row["o"]))
        assert key not in records, f"two records for {key}"
        assert row["record"].value == certainty.record_iri(f"{row['s']} {row['p']} {row['o']}")
        records[key] = (local(row["mode"]), local(row["status"]), row["rule"].value)
    inferred = {(local(q.subject), local(q.predicate), local(q.object))
                for q in store.quads_for_pattern(None, None, None, ox.NamedNode(ns.INFERRED_GRAPH))}
    assert set(records) <= inferred, "a record for a triple that graph:inferred does not hold"
    return meta, records


@pytest.fixture
def documents(tiny_project):
    (tiny_project / "graph" / "documents.trig").write_text(DOCUMENTS, encoding="utf-8")
    return tiny_project


def test_no_evidence_no_records(tiny_project, tmp_path):
    """Reference data is stated and current: a graph without evidence gets no record at all."""
    meta, records = _build(tiny_project, tmp_path)
    assert records == {}
    assert ns.INFERENCE_GRAPH not in meta["graphs"]


def test_hedged_premise_gives_hedged_conclusion(documents, tmp_path):
    """prp-rng: Alphaville's population is *believed* to include miners, so the miners are a
    demographic group with that certainty, and so on up the subclasses."""
    _meta, records = _build(documents, tmp_path)
    assert records[("miners", "type", "DemographicGroup")] == ("Believed", "Current", "prp-rng")
    superclasses = {o for (s, p, o), value in records.items() if (s, p) == ("miners", "type") and value[:2] == ("Believed", "Current")}
    assert len(superclasses) > 1, records


def test_former_premise_gives_former_conclusion(documents, tmp_path):
    """Alphaville formerly had its port: it formerly contained it, and was formerly a port city."""
    _meta, records = _build(documents, tmp_path)
    assert records[("alphaville", "contains", "alpha-port")] == ("Stated", "Formerly", "prp-spo1")
    assert records[("alphaville", "type", "PortCity")][:2] == ("Stated", "Formerly")


def test_strongest_record_is_the_summary(documents, tmp_path):
    """Two documents state each of Betaburg's conditions: considered and stated gives stated (no
    record for what follows), believed and considered gives considered."""
    _meta, records = _build(documents, tmp_path)
    assert ("betaburg", "hasClaim", "beta-shortage") not in records
    assert records[("betaburg", "hasClaim", "beta-decay")] == ("Considered", "Current", "prp-spo1")


@pytest.mark.parametrize("reference_first", [True, False])
def test_reference_data_states_it_plainly(documents, tmp_path, reference_first):
    """The gazetteer gives Betaburg its port as reference data: the document's "formerly" does not
    make what follows from it a thing of the past, whichever the build reads first."""
    if not reference_first:
        path = documents / "graph" / "documents.trig"
        reference = "    id:betaburg nkgeo:hasPort id:beta-port .\n"
        path.write_text(path.read_text(encoding="utf-8").replace(reference, ""), encoding="utf-8")
        prefixes = "".join(line + "\n" for line in DOCUMENTS.splitlines() if line.startswith("@prefix"))
        (documents / "graph" / "zz-reference.trig").write_text(f"{prefixes}\ngraph:gazetteer {{\n{reference}}}\n", encoding="utf-8")
    _meta, records = _build(documents, tmp_path)
    assert ("alphaville", "contains", "alpha-port") in records  # the same pattern without reference data
    assert not [key for key in records if key[0] == "betaburg" and key[2] in ("beta-port", "PortCity")], records


def test_check_reports_a_present_class_from_a_past_fact(documents, tmp_path):
    """inferred-class-not-current: a city that formerly had a port is no port city today."""
    meta, _records = _build(documents, tmp_path)
    assert meta["validation"]["conforms"] is False
    report = json.loads((tmp_path / "out" / pipeline.VALIDATION_FILE).read_text(encoding="utf-8"))
    found = {(v["name"], v["focus"], v["value"]) for v in report["violations"] if v["name"] == "inferred-class-not-current"}
    assert ("inferred-class-not-current", "id:alphaville", "nkgeo:PortCity") in found
    assert not [f for f in found if f[1] != "id:alphaville"], found


PAST_RECORDS = """
SELECT ?s ?p ?o WHERE {
  GRAPH graph:inferred-provenance { ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; nkgeo:temporalStatus ?t }
  ?t nkgeo:holdsNow false .
}
"""


def test_shipped_graph_conforms_to_the_check(compiled):
    """The shipped graph has inferred triples of the past (Hamhung rebuilt after the war), none of
    them a class membership: "formerly" claims (Wonsan's port) are recorded as such."""
    names = {v.name for v in compiled.validation.violations}
    assert "inferred-class-not-current" not in names
    past = {(row["s"].value, row["p"].value, row["o"].value) for row in compiled.query(PAST_RECORDS)}
    assert (ns.ID_NS + "hamhung", ns.NKGEO.rebuiltThrough, ns.ID_NS + "reconstruction-of-hamhung") in past
    assert not [triple for triple in past if triple[1] == ns.RDF.type]
    assert bool(compiled.query("ASK { id:wonsan a nkgeo:PortCity }")) is False
    assert bool(compiled.query("ASK { id:wonsan nkgeo:formerRole id:major-port }")) is True


# Queries that return inferred facts show their certainty


def _rows(invoke, *args) -> list[dict]:
    import csv
    import io

    result = invoke("query", *args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def test_inferred_facts_carry_their_certainty(invoke):
    rows = _rows(invoke, "inferred-facts", "-p", "entity", "hamhung")
    found = {(row["property"].rsplit("#", 1)[-1], row["value"].rsplit("/", 1)[-1]): (row["certainty"], row["holds"]) for row in rows}
    assert found[("hasClaim", "hamhung-population-like-other-cities")] == ("believed", "current")
    assert found[("rebuiltThrough", "reconstruction-of-hamhung")] == ("stated", "past")
    assert found[("hasClaim", "hamhung-rank-2-north-korea")] == ("stated", "current")
    assert all(row["entity"] == ns.ID_NS + "hamhung" for row in rows)

    plain = _rows(invoke, "inferred-facts", "-p", "entity", "hamhung", "-p", "stated_current", "1")
    assert plain, "no stated, current inferred fact about Hamhung"
    assert {(r["certainty"], r["holds"]) for r in plain} == {("stated", "current")}
    assert len(plain) == sum((r["certainty"], r["holds"]) == ("stated", "current") for r in rows) < len(rows)

    hedged = _rows(invoke, "inferred-facts", "-p", "entity", "hamhung", "-p", "min_certainty", "7")
    assert hedged and min(int(r["certaintyRank"]) for r in hedged) >= 7


def test_derived_classes_carry_their_certainty(invoke):
    rows = _rows(invoke, "derived-classes")
    assert rows and all(row["certainty"] and row["holds"] for row in rows)
    assert len(_rows(invoke, "derived-classes", "--graph", "inferred")) == len(rows)
    plain = _rows(invoke, "derived-classes", "-p", "stated_current", "1")
    assert plain == [row | {"stated_current": "1"} for row in rows if (row["certainty"], row["holds"]) == ("stated", "current")]


def test_inferred_rows_of_other_queries_carry_their_certainty(invoke):
    """An inferred row is as certain as its weakest premise: Hungnam is *considered* part of
    Hamhung's metropolitan area, in both directions; stated_current 1 leaves both out."""
    rows = _rows(invoke, "satellites-and-metro-areas")
    found = {(r["subject"].rsplit("/", 1)[-1], r["relation"].rsplit("#", 1)[-1]): (r["status"], r["certainty"], r["holds"]) for r in rows}
    assert found[("hamhung", "metropolitanAreaIncludes")] == ("inferred", "considered", "current")
    assert found[("hungnam", "inMetropolitanAreaOf")] == ("asserted", "considered", "current")
    assert found[("kimchaek", "satelliteOf")] == ("asserted", "stated", "current")
    plain = _rows(invoke, "satellites-and-metro-areas", "-p", "stated_current", "1")
    assert {r["subject"].rsplit("/", 1)[-1] for r in plain} == {"kimchaek", "chongjin"}


def test_a_document_s_facts_say_how_each_sentence_asserts_them(invoke):
    rows = _rows(invoke, "document-facts", "-p", "document", "doc:000_cbd80db4a2371350")
    found = {(r["subject"].rsplit("/", 1)[-1], r["predicate"].rsplit("#", 1)[-1], r["object"].rsplit("/", 1)[-1], r["startOffset"]):
             (r["certainty"], r["holds"]) for r in rows}
    assert found[("hamhung", "destroyedIn", "korean-war", "5270")] == ("stated", "past")
    assert ("believed", "current") in found.values() and ("estimated", "current") in found.values()
    assert all(r["certainty"] and r["holds"] for r in rows)  # every record of a curated document has both
    plain = _rows(invoke, "document-facts", "-p", "document", "doc:000_cbd80db4a2371350", "-p", "stated_current", "1")
    assert plain and {r["certainty"] for r in plain} == {"stated"} and "past" not in {r["holds"] for r in plain}
    assert len(plain) < len(rows)
