"""ontology/certainty.tsv: how a sentence hedges, dates or attributes a claim, carried onto the
candidates' evidence records (issue 10's certainty model) rather than only into free text."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError
from nkgeo.extract import Candidates, certainty
from nkgeo.extract.document import decode_document
from nkgeo.extract.output import term

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "ontology" / "certainty.tsv"


def run(extractor, text: str):
    document = decode_document("test.txt", "test.txt", f"Cities of North Korea\n\n{text}\n".encode())
    return extractor.extract(document)


def fact(extraction, predicate: str):
    [found] = [f for f in extraction.facts if term(f.p) == predicate]
    return found


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "nkgeo.ttl", format="turtle")


def test_every_value_is_a_member_of_its_scheme(ontology):
    cues = certainty.parse(FILE.read_text(encoding="utf-8"))
    assert len(cues) >= 25
    for cue in cues:
        for value, cls in ((cue.mode, ns.NKGEO.AssertionMode), (cue.status, ns.NKGEO.TemporalStatus), (cue.frequency, ns.NKGEO.Frequency)):
            if value:
                assert (URIRef(value), RDF.type, URIRef(cls)) in ontology, (cue.line, value)
        assert 0 < cue.factor <= 1


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Believed\t-\t-\t-\t0.8\tclause", "expected 7 tab-separated fields, found 6"),
        ("Belived\t-\t-\t-\t0.8\tclause\tbelieved to", "'Belived' is not a term"),
        ("Believed\t-\t-\t-\t0.8\tparagraph\tbelieved to", "the scope is one of clause, sentence"),
    ],
)
def test_a_bad_line_is_an_error_that_names_it(line, message):
    with pytest.raises(SourceError) as caught:
        certainty.parse("# header\n" + line + "\n")
    assert "certainty.tsv line 2" in str(caught.value) and message in str(caught.value)


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("Sinpo is believed to have a naval base.", "Believed"),
        ("Sinpo is often considered a fishing town.", "Considered"),
        ("Sinpo is thought to have a naval base.", "Thought"),
        ("It is understood that Sinpo has a naval base.", "Understood"),
        ("Sinpo reportedly has a naval base.", "Reported"),
        ("Sinpo has an estimated 150,000 people.", "Estimated"),
        ("Sinpo may have a naval base.", "Possible"),
        ("Sinpo plans to build a naval base.", "Projected"),
        ("Sinpo is being developed into a naval base.", "Projected"),
        ("Sinpo aspires to become a tourist resort.", "Aspired"),
        ("Sinpo does not have a naval base.", "Negated"),
        ("Sinpo has a naval base.", None),
    ],
)
def test_a_hedge_maps_to_an_assertion_mode(sentence, mode):
    reading = certainty.read(sentence, sentence.index("a naval base") if "naval" in sentence else len(sentence) - 1)
    assert reading.mode == (getattr(ns.NKGEO, mode) if mode else None)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Uiju was once the seat of the province.", "Formerly"),
        ("Uiju was formerly the seat of the province.", "Formerly"),
        ("Uiju used to be the seat of the province.", "Formerly"),
        ("Uiju is no longer the seat of the province.", "Formerly"),
        ("Uiju has been the seat of the province since 1923.", "Since"),
        ("Uiju has long been the seat of the province.", "Since"),
        ("Uiju has become the seat of the province in recent years.", "Recent"),
        ("Uiju is the seat of the province.", None),
    ],
)
def test_a_time_word_maps_to_a_temporal_status(sentence, status):
    reading = certainty.read(sentence, sentence.index("seat"))
    assert reading.status == (getattr(ns.NKGEO, status) if status else None)
    assert reading.holds_now == (status not in ("Formerly",))


@pytest.mark.parametrize(
    ("sentence", "agent", "mode"),
    [
        ("According to external estimates, the city has 700,000 people.", "external-estimators", "Estimated"),
        ("Outside analysts estimate that the city has 700,000 people.", "external-estimators", "Estimated"),
        ("Defectors report that the city has no heating in winter.", "defectors", "Reported"),
        ("According to foreign media, the city has no heating in winter.", "foreign-media", "Reported"),
        ("State media say the city has new housing.", "government-of-north-korea", "Reported"),
    ],
)
def test_an_attribution_names_its_agent(sentence, agent, mode):
    reading = certainty.read(sentence, sentence.index("the city has") + 9)
    assert reading.agent == ns.ID_NS + agent
    assert reading.mode == getattr(ns.NKGEO, mode)


def test_a_frequency_is_read_in_its_clause():
    sentence = "Power is cut every winter, and the trains run on time."
    assert certainty.read(sentence, sentence.index("cut")).frequency == ns.NKGEO.Regularly
    assert certainty.read(sentence, sentence.index("trains")).frequency is None
    assert certainty.read("The roads are occasionally closed.", 10).frequency == ns.NKGEO.Occasionally


def test_the_longer_cue_wins_and_a_hedge_stays_in_its_clause():
    assert certainty.read("The port is no longer used.", 18).mode is None  # "no longer" is not a negation
    sentence = "Sariwon is the capital of the province, and is considered the ninth-largest city."
    assert certainty.read(sentence, sentence.index("capital")).mode is None
    assert certainty.read(sentence, sentence.index("ninth")).mode == ns.NKGEO.Considered


def test_evidence_records_carry_mode_status_and_attribution(extractor):
    found = run(extractor, "According to external estimates, Hamhung has about 700,000 inhabitants.")
    record = fact(found, "nkgeo:populationEstimate")
    assert record.reading.mode == ns.NKGEO.Estimated and record.reading.agent == ns.ID_NS + "external-estimators"
    graphs = dict((g, rows) for g, rows, _order in Candidates([found]).graphs())
    provenance = graphs[ns.PROVENANCE_GRAPH]
    [evidence] = [s for s, p, o in provenance if p == ns.RDF.predicate and o == ns.NKGEO.populationEstimate]
    mine = {(p, o) for s, p, o in provenance if s == evidence}
    assert (ns.NKGEO.assertionMode, ns.NKGEO.Estimated) in mine
    assert (ns.NKGEO.temporalStatus, ns.NKGEO.Current) in mine
    assert (ns.PROV.wasAttributedTo, ns.ID_NS + "external-estimators") in mine


def test_a_plain_statement_is_stated_and_current(extractor):
    found = run(extractor, "Hamhung is the capital of South Hamgyong Province.")
    graphs = dict((g, rows) for g, rows, _order in Candidates([found]).graphs())
    modes = {o for s, p, o in graphs[ns.PROVENANCE_GRAPH] if p == ns.NKGEO.assertionMode}
    statuses = {o for s, p, o in graphs[ns.PROVENANCE_GRAPH] if p == ns.NKGEO.temporalStatus}
    assert modes == {ns.NKGEO.Stated} and statuses == {ns.NKGEO.Current}


def test_an_agent_the_graph_does_not_know_is_not_named(extractor):
    found = run(extractor, "Defectors say that Hamhung has about 700,000 inhabitants.")
    record = fact(found, "nkgeo:populationEstimate")
    assert record.reading.mode == ns.NKGEO.Reported and record.reading.agent is None
    assert "defectors say" in record.reading.qualifier
    assert ns.ID_NS + "defectors" not in found.entities


def test_a_former_capital_is_not_a_present_capital(extractor):
    found = run(extractor, "Hamhung was formerly the capital of South Hamgyong Province.")
    record = fact(found, "nkgeo:formerCapitalOf")
    assert record.reading.status == ns.NKGEO.Formerly and not record.reading.holds_now
    assert not [f for f in found.facts if f.p == ns.NKGEO.capitalOf]


def test_a_former_port_makes_no_port_city_today(extractor):
    # hasPort defines PortCity: a port the city no longer has is its former role, not a present triple
    found = run(extractor, "The city of Kimchaek was once a major port on the east coast of the country.")
    assert fact(found, "nkgeo:formerRole").reading.status == ns.NKGEO.Formerly
    assert not [f for f in found.facts if f.p == ns.NKGEO.hasPort or f.o == ns.NKGEO.Port]
    types = [f for f in found.facts if f.p == ns.RDF.type and f.s == ns.ID_NS + "kimchaek"]
    assert types and all(f.reading.holds_now for f in types)  # still a city: only its role is past


def test_a_name_is_not_attributed_to_whoever_the_sentence_quotes(extractor):
    found = run(extractor, "State television called the new dams a victory for South Hamgyong Province.")
    types = [f for f in found.facts if f.p == ns.RDF.type and f.s == ns.ID_NS + "south-hamgyong-province"]
    assert all(f.reading.agent is None for f in types)


def test_a_rank_from_a_list_s_numbering_is_implied_and_says_so(extractor):
    text = "1. Pyongyang\n\nThe capital.\n\n2. Hamhung\n\nAn industrial city."
    document = decode_document("test.txt", "test.txt", f"The 2 biggest cities in North Korea\n\n{text}\n".encode())
    found = extractor.extract(document)
    ranks = [f for f in found.facts if f.p == ns.NKGEO.populationRank]
    assert ranks and all(f.reading.mode == ns.NKGEO.Implied and f.reading.form == ns.NKGEO.ListNumbering for f in ranks)
    provenance = dict((g, rows) for g, rows, _order in Candidates([found]).graphs())[ns.PROVENANCE_GRAPH]
    assert (ns.NKGEO.expressedThrough, ns.NKGEO.ListNumbering) in {(p, o) for s, p, o in provenance}
    stated = [f for f in run(extractor, "Chongjin is the third-largest city in North Korea.").facts if f.p == ns.NKGEO.populationRank]
    assert stated and stated[0].reading.mode is None
