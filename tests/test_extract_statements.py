"""ontology/statements.tsv and aspects.tsv: issue 10's kinds of statement read from ordinary English,
in the curated graph's shape (a claim node with its kind, aspect, direction...), on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError
from nkgeo.extract import statements
from nkgeo.extract.document import decode_document
from nkgeo.extract.output import term

ROOT = Path(__file__).resolve().parents[1]


def run(extractor, text: str):
    document = decode_document("test.txt", "test.txt", f"Cities of North Korea\n\n{text}\n".encode())
    return extractor.extract(document)


def triples(extraction, minimum: float = 0.5) -> set[tuple[str, str, str]]:
    return {(term(f.s), "rdf:type" if f.p == ns.RDF.type else term(f.p), term(f.o)) for f in extraction.facts if f.confidence >= minimum}


def claim(extraction, subject: str, predicate: str) -> dict[str, set[str]]:
    """The parts of the one claim ``subject predicate ?node`` (predicate -> objects, compact)."""
    got = triples(extraction)
    [node] = [o for s, p, o in got if s == subject and p == predicate]
    parts: dict[str, set[str]] = {}
    for s, p, o in got:
        if s == node:
            parts.setdefault(p, set()).add(o)
    return parts


@pytest.fixture(scope="module")
def schemes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "schemes.ttl", format="turtle")


def test_every_term_is_of_the_ontology_and_known_concepts_have_the_right_class(schemes):
    found, aspects = statements.load()
    assert len(found) >= 50 and len(aspects) >= 40
    for statement in found:
        value_class = statement.value_class
        if statement.value and (URIRef(statement.value), None, None) in schemes:
            assert (URIRef(statement.value), RDF.type, URIRef(value_class)) in schemes, statement.line
    for aspect in set(aspects.values()):
        if (URIRef(aspect), None, None) in schemes:
            assert (URIRef(aspect), RDF.type, URIRef(ns.NKGEO.Aspect)) in schemes, aspect


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("nkgeo:hasCondition\tCondition\tshortage\t{A}\t-\t-", "expected 7 tab-separated fields, found 6"),
        ("nkgeo:hasCondition\tTrend\tshortage\t{A}\t-\t-\tshortage of {A}", "does not take a claim of class Trend"),
        ("nkgeo:locatedIn\t-\tshortage\t-\t-\t-\tshortage", "is not a plain statement"),
        ("nkgeo:hasCondition\tCondition\tshortage\t{A}\t-\t-\tshortages", "the pattern has no {A}"),
        ("nkgeo:hasTrend\tTrend\t-\tpopulation-size\tUpwards\t-\tgrew", "'Upwards' is not a direction"),
    ],
)
def test_a_bad_line_is_an_error_that_names_it(line, message):
    with pytest.raises(SourceError) as caught:
        statements.parse("# header\n" + line + "\n", {"power": ns.ID_NS + "electricity"})
    assert "statements.tsv line 2" in str(caught.value) and message in str(caught.value)


def test_a_shortage_is_a_condition_with_its_aspect(extractor):
    parts = claim(run(extractor, "Hamhung suffers from chronic shortages of electricity."), "id:hamhung", "nkgeo:hasCondition")
    assert parts["rdf:type"] == {"nkgeo:Condition"}
    assert parts["nkgeo:kind"] == {"id:shortage"} and parts["nkgeo:aspect"] == {"id:electricity"}


@pytest.mark.parametrize(
    ("text", "kind", "aspect"),
    [
        ("Chongjin has unreliable water supplies.", "id:unreliable-provision", "id:water-supply"),
        ("Chongjin is known for its crumbling housing.", "id:decay", "id:housing"),
        ("Chongjin still relies on outdated infrastructure.", "id:outdated", "id:infrastructure"),
        ("Chongjin has seen improvements to the roads.", "id:improvement", "id:roads"),
        ("In Chongjin food shortages are common.", "id:shortage", "id:food-supply"),
    ],
)
def test_conditions_of_supplies_and_infrastructure(extractor, text, kind, aspect):
    parts = claim(run(extractor, text), "id:chongjin", "nkgeo:hasCondition")
    assert parts["nkgeo:kind"] == {kind} and parts["nkgeo:aspect"] == {aspect}


def test_a_restriction_closed_to_foreign_visitors(extractor):
    parts = claim(run(extractor, "Chongjin remains largely closed to foreign visitors."), "id:chongjin", "nkgeo:hasRestriction")
    assert parts["rdf:type"] == {"nkgeo:Restriction"} and parts["nkgeo:kind"] == {"id:closed-to-visitors"}


def test_movement_that_needs_authorisation(extractor):
    parts = claim(run(extractor, "Residents of Chongjin need a travel permit to leave the city."), "id:chongjin", "nkgeo:hasRestriction")
    assert parts["nkgeo:kind"] == {"id:authorisation-required"} and parts["nkgeo:aspect"] == {"id:movement"}


def test_a_population_decline_with_its_period_is_past(extractor):
    found = run(extractor, "Between 1993 and 2008 Chongjin lost people.")
    parts = claim(found, "id:chongjin", "nkgeo:hasTrend")
    assert parts["nkgeo:direction"] == {"nkgeo:Decline"} and parts["nkgeo:aspect"] == {"id:population-size"}
    assert parts["nkgeo:startYear"] == {'"1993"^^xsd:gYear'} and parts["nkgeo:endYear"] == {'"2008"^^xsd:gYear'}
    [link] = [f for f in found.facts if f.p == ns.NKGEO.hasTrend]
    assert link.reading.status == ns.NKGEO.Past and not link.reading.holds_now


def test_growth_and_stability(extractor):
    assert claim(run(extractor, "Chongjin grew into a major port city."), "id:chongjin", "nkgeo:hasTrend")["nkgeo:direction"] == {"nkgeo:Growth"}
    stable = claim(run(extractor, "Chongjin is a port city. Its population has remained stable."), "id:chongjin", "nkgeo:hasTrend")
    assert stable["nkgeo:direction"] == {"nkgeo:Stability"}


def test_a_comparison_has_its_other_side(extractor):
    parts = claim(run(extractor, "Chongjin is poorer than Pyongyang."), "id:chongjin", "nkgeo:hasComparison")
    assert parts["nkgeo:comparedWith"] == {"id:pyongyang"}
    assert parts["nkgeo:aspect"] == {"id:wealth"} and parts["nkgeo:direction"] == {"nkgeo:Less"}


def test_a_comparison_without_its_other_side_is_not_proposed(extractor):
    got = triples(run(extractor, "Chongjin is poorer than it used to be."))
    assert not [t for t in got if t[1] == "nkgeo:hasComparison"]


def test_a_superlative_one_among_several_within_a_scope(extractor):
    parts = claim(run(extractor, "Chongjin has one of the largest ports in North Korea."), "id:chongjin", "nkgeo:hasSuperlative")
    assert parts["nkgeo:withinScope"] == {"id:north-korea"} and parts["nkgeo:oneAmongSeveral"] == {"true"}
    assert parts["nkgeo:aspect"] == {"id:physical-size"}


@pytest.mark.parametrize(
    ("text", "predicate", "value"),
    [
        ("Chongjin lies in a mountainous region.", "nkgeo:hasCharacteristic", "id:mountainous"),
        ("Chongjin has long, harsh winters.", "nkgeo:hasCharacteristic", "id:harsh-winters"),
        ("Chongjin is a coastal city.", "nkgeo:hasCharacteristic", "id:coastal-location"),
        ("Hamhung has a dam built to control floods.", "nkgeo:hasPurpose", "id:flood-control"),
        ("Chongjin is known mainly through defectors.", "nkgeo:knownThrough", "id:defector-reports"),
        ("Chongjin has been studied through satellite imagery.", "nkgeo:knownThrough", "id:satellite-imagery"),
    ],
)
def test_plain_statements(extractor, text, predicate, value):
    subject = "id:hamhung" if "Hamhung" in text else "id:chongjin"
    assert (subject, predicate, value) in triples(run(extractor, text))


def test_a_concept_the_graph_lacks_is_proposed_with_a_label(extractor):
    found = run(extractor, "Chongjin sits in a narrow valley.")
    assert ("id:chongjin", "nkgeo:hasCharacteristic", "id:valley-setting") in triples(found)
    assert found.entities[ns.ID_NS + "valley-setting"] == ("valley setting", (ns.NKGEO.Characteristic,))


def test_a_negated_condition_is_not_a_candidate(extractor):
    found = run(extractor, "Chongjin does not have shortages of electricity.")
    links = [f for f in found.facts if f.p == ns.NKGEO.hasCondition]
    assert links and all(f.reading.negated and f.confidence < 0.5 for f in links)


def test_a_list_of_aspects_gives_one_claim_each(extractor):
    got = triples(run(extractor, "In Chongjin access to medicine, technology and educational resources is limited."))
    nodes = {o for s, p, o in got if s == "id:chongjin" and p == "nkgeo:hasCondition"}
    aspects = {o for s, p, o in got if s in nodes and p == "nkgeo:aspect"}
    assert aspects == {"id:medicine", "id:technology", "id:educational-resources"} and len(nodes) == 3


def test_an_explicit_subject(extractor):
    parts = claim(run(extractor, "Over the past decade the population of Chongjin has remained relatively stable."), "id:chongjin", "nkgeo:hasTrend")
    assert parts["nkgeo:direction"] == {"nkgeo:Stability"}


def test_a_reported_condition(extractor):
    found = run(extractor, "Chongjin is a port city, with reports of food shortages.")
    [link] = [f for f in found.facts if f.p == ns.NKGEO.hasCondition]
    assert link.reading.mode == ns.NKGEO.Reported


def test_a_role_that_no_longer_holds_is_a_former_role(extractor):
    found = run(extractor, "Chongjin was once a major port.")
    got = triples(found)
    assert ("id:chongjin", "nkgeo:formerRole", "id:major-port") in got
    assert not [t for t in got if t[1] == "nkgeo:hasRole"]


def test_a_role_aspired_to_is_an_aspired_role(extractor):
    got = triples(run(extractor, "Chongjin aspires to become a major tourist destination."), minimum=0.0)
    assert ("id:chongjin", "nkgeo:aspiredRole", "id:tourist-destination") in got
    assert not [t for t in got if t[1] == "nkgeo:hasRole"]


def test_the_words_of_a_source_of_knowledge_do_not_hedge_it(extractor):
    found = run(extractor, "Chongjin is known mostly through reports from defectors.")
    [link] = [f for f in found.facts if f.p == ns.NKGEO.knownThrough]
    assert link.s == ns.ID_NS + "chongjin" and link.reading.mode is None


def test_a_parenthesis_is_not_the_subject(extractor):
    got = triples(run(extractor, "Sariwon, a town in South Hamgyong Province, grew into a major industrial city."))
    assert ("id:sariwon", "nkgeo:hasTrend", "id:sariwon-growth-population-size") in got
    assert not [t for t in got if t[0] == "id:south-hamgyong-province" and t[1] == "nkgeo:hasTrend"]


def test_hardship_curated_visits_and_the_most_closed(extractor):
    hardship = claim(run(extractor, "In Chongjin life is notably difficult."), "id:chongjin", "nkgeo:hasCondition")
    assert hardship["nkgeo:kind"] == {"id:hardship"}
    visits = claim(run(extractor, "Chongjin shows visitors a curated version of the city."), "id:chongjin", "nkgeo:hasRestriction")
    assert visits["nkgeo:kind"] == {"id:curated-visits"}
    closed = claim(run(extractor, "Chongjin is one of the most closed cities in North Korea."), "id:chongjin", "nkgeo:hasSuperlative")
    assert closed["nkgeo:aspect"] == {"id:closedness"} and closed["nkgeo:withinScope"] == {"id:north-korea"}
