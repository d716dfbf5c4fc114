"""Nothing the documents do not say, and no hedge flattened (issue 10, section 3): one test per fault.

Each test asks the compiled dataset (asserted and inferred, reasoned by ``nkgeo build``) whether the
fault is back: a triple reasoning must not derive, a model that must hold, or a query answer. The
reasoning tests on tiny graphs name the OWL 2 RL rule they rely on.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_competency import query, slug

from nkgeo import namespaces as ns

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ask(compiled):
    def run(text: str, graphs: str = "all") -> bool:
        return bool(compiled.query(f"ASK {{ {text} }}", graphs=graphs))

    return run


@pytest.fixture(scope="module")
def select(compiled):
    def run(text: str) -> list[dict[str, str]]:
        solutions = compiled.query(text)
        names = [v.value for v in solutions.variables]
        return [{name: row[name].value for name in names if row[name] is not None} for row in solutions]

    return run


# ------------------------------------------------------------------------------------------
# Wonsan: once a major port, not a port city today
# ------------------------------------------------------------------------------------------


def test_wonsan_is_no_present_day_port_city(ask):
    assert not ask("id:wonsan a nkgeo:PortCity")
    assert not ask("id:wonsan nkgeo:hasPort ?port")
    assert ask("id:wonsan nkgeo:formerRole id:major-port")
    assert ask("""GRAPH graph:provenance { ?ev rdf:subject id:wonsan ; rdf:predicate nkgeo:formerRole ;
                  nkgeo:temporalStatus nkgeo:Formerly ; nkgeo:holdsDuring id:japanese-rule }""")


def test_wonsan_aspires_to_tourism_it_does_not_have(ask):
    assert not ask("id:wonsan nkgeo:hasRole id:tourist-destination")
    assert not ask("id:wonsan nkgeo:hasIndustry id:tourism")
    assert ask("""id:wonsan nkgeo:aspiredRole id:tourist-destination .
                  GRAPH graph:provenance { ?ev rdf:subject id:wonsan ; rdf:predicate nkgeo:aspiredRole ;
                      nkgeo:assertionMode nkgeo:Aspired ; nkgeo:temporalStatus nkgeo:Future }""")


# ------------------------------------------------------------------------------------------
# Industries
# ------------------------------------------------------------------------------------------


def test_industrial_city_follows_only_from_goods_producing_branches(select):
    rows = select("SELECT DISTINCT ?city WHERE { ?city a nkgeo:IndustrialCity }")
    assert {slug(r["city"]) for r in rows} == {"chongjin", "hamhung", "hyesan", "kimchaek", "nampo", "sinuiju"}
    # Hungnam (maritime trade), Rason and Wonsan have no goods-producing industry.


def test_cls_svf1_a_narrower_branch_of_an_industrial_sector_is_one(ask):
    """cls-svf1: T(?x, owl:someValuesFrom, ?y), T(?x, owl:onProperty, ?p), T(?u, ?p, ?v), T(?v, rdf:type, ?y)
    imply T(?u, rdf:type, ?x): steel is below metallurgy, heavy industry and manufacturing."""
    assert ask("id:steel a nkgeo:IndustrialSector")
    assert not ask("id:tourism a nkgeo:IndustrialSector")
    assert not ask("id:maritime-trade a nkgeo:IndustrialSector")


def test_rason_has_no_industries_and_no_unstated_status(ask):
    assert not ask("id:rason nkgeo:hasIndustry ?industry")
    assert ask("id:rason nkgeo:investmentIn id:logistics-infrastructure")
    assert not ask("GRAPH ?g { ?zone nkgeo:zoneStatus nkgeo:Operating }")


def test_copper_is_production_not_mining(ask):
    assert ask('id:copper rdfs:label "copper production"@en')
    assert not ask("id:copper skos:broader+ id:mining")


# ------------------------------------------------------------------------------------------
# Places and institutions
# ------------------------------------------------------------------------------------------


def test_songdowon_camp_is_a_cultural_site_not_a_school(ask):
    assert ask("id:wonsan nkgeo:hasCulturalSite id:songdowon-international-childrens-camp")
    assert not ask("id:songdowon-international-childrens-camp a nkgeo:EducationalInstitution")


def test_mount_paektu_is_associated_with_hyesan_not_in_it(ask):
    assert not ask("id:mount-paektu nkgeo:locatedIn ?anywhere")
    assert not ask("id:hyesan nkgeo:contains id:mount-paektu")
    assert ask("id:hyesan nkgeo:associatedSite id:mount-paektu . id:mount-paektu nkgeo:siteAssociatedWith id:hyesan")
    assert ask("GRAPH graph:provenance { ?ev rdf:object id:mount-paektu ; skos:editorialNote ?note }")


def test_institutions_stay_out_of_place_containment(ask):
    # (A historic academy kept as a landmark, such as Songgyungwan, is a place too, and lies in its city.)
    not_a_place = "FILTER NOT EXISTS { ?organisation a nkgeo:Place }"
    assert not ask(f"?organisation a nkgeo:Organization ; nkgeo:locatedIn ?place {not_a_place}")
    assert not ask(f"?place nkgeo:contains ?organisation . ?organisation a nkgeo:Organization {not_a_place}")
    assert not ask(f"?place schema:containsPlace ?organisation . ?organisation a nkgeo:Organization {not_a_place}")
    assert ask("id:kimchaek-university-of-technology nkgeo:basedIn id:kimchaek ; schema:location id:kimchaek")


def test_mansudae_grand_monuments_resolves(invoke):
    result = invoke("show", "Mansudae Grand Monuments", "--format", "json", "--no-quote")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["iri"] == ns.ID_NS + "mansudae-grand-monument"


def test_ranks_from_the_list_numbering_say_so(select):
    rows = select("""SELECT ?city ?form ?mode WHERE {
        ?city nkgeo:populationRank ?ranking . ?ranking nkgeo:rank ?rank FILTER(?rank >= 3)
        GRAPH graph:provenance { ?ev rdf:subject ?city ; rdf:predicate nkgeo:populationRank ; rdf:object ?ranking ;
                                     nkgeo:assertionMode ?mode . OPTIONAL { ?ev nkgeo:expressedThrough ?form } } }""")
    assert {slug(r["city"]) for r in rows} == {"chongjin", "nampo", "wonsan", "sinuiju", "kaesong", "hyesan", "rason", "kimchaek"}
    # Ranks 3 to 10 rest on the list's numbering only: every record says so, none states them in words.
    assert {(r.get("form"), r["mode"]) for r in rows} == {(ns.NKGEO.ListNumbering, ns.NKGEO.Implied)}


# ------------------------------------------------------------------------------------------
# Time
# ------------------------------------------------------------------------------------------


def test_the_reconstruction_lies_within_the_1950s_and_after_the_war(ask):
    assert ask("GRAPH graph:doc-001_96b58870d0b32f5b { id:reconstruction-of-hamhung nkgeo:timeQualifier nkgeo:WithinSpan }")
    assert ask("id:reconstruction-of-hamhung nkgeo:after id:korean-war")
    assert not any(r["aspect"].startswith("time") for r in query("contested-claims"))


CONFLICT = """
@prefix graph: <https://w3id.org/nkgeo/graph/> .
@prefix doc: <https://w3id.org/nkgeo/doc/> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

graph:doc-a { id:war a nkgeo:War ; nkgeo:startYear "1950"^^xsd:gYear ; nkgeo:endYear "1953"^^xsd:gYear .
              id:rebuilding nkgeo:after id:war . }
graph:doc-b { id:rebuilding a nkgeo:Reconstruction ; nkgeo:startYear "1950"^^xsd:gYear ; nkgeo:endYear "1959"^^xsd:gYear ; QUALIFIER }
graph:doc-c { id:famine a nkgeo:Famine ; nkgeo:startYear "1990"^^xsd:gYear ; nkgeo:endYear "1994"^^xsd:gYear . }
graph:doc-d { id:famine a nkgeo:Famine ; nkgeo:startYear "1996"^^xsd:gYear ; nkgeo:endYear "1999"^^xsd:gYear ; nkgeo:timeQualifier nkgeo:WithinSpan . }
graph:provenance {
    doc:a nkgeo:documentGraph graph:doc-a ; dcterms:title "A" .
    doc:b nkgeo:documentGraph graph:doc-b ; dcterms:title "B" .
    doc:c nkgeo:documentGraph graph:doc-c ; dcterms:title "C" .
    doc:d nkgeo:documentGraph graph:doc-d ; dcterms:title "D" .
}
graph:gazetteer { id:war rdfs:label "the war"@en . }
"""


@pytest.mark.parametrize(("qualifier", "conflicts"), [
    ("nkgeo:timeQualifier nkgeo:ExactSpan", True),  # "from 1950" and "after the war (1950-1953)": a real conflict
    ("nkgeo:timeQualifier nkgeo:WithinSpan", False),  # "in the 1950s" and "after the war": both can hold
    ("nkgeo:timeSpanLabel \"1950s\"", True),  # no qualifier: the years are read as the exact span
], ids=["exact", "within", "unqualified"])
def test_contested_claims_find_real_conflicts_of_time(tiny_project, invoke, qualifier, conflicts):
    (tiny_project / "graph" / "conflict.trig").write_text(CONFLICT.replace("QUALIFIER", qualifier), encoding="utf-8")
    shutil.copy(ROOT / "queries" / "contested-claims.rq", tiny_project / "queries")
    result = invoke("query", "contested-claims", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(result.stdout)["results"]["bindings"]]
    after = [(slug(r["subject"]), r["claimA"], r["claimB"]) for r in rows if r["aspect"].startswith("time: after")]
    assert after == ([("rebuilding", "after the war, which ended in 1953", "from 1950 to 1959")] if conflicts else [])
    # Two documents whose spans for the famine do not overlap (1990-1994 exact, within 1996-1999).
    spans = [(slug(r["subject"]), r["claimA"], r["claimB"], r["sourceA"], r["sourceB"]) for r in rows if "overlap" in r["aspect"]]
    assert spans == [("famine", "1990 to 1994", "1996 to 1999", "C", "D")]


# ------------------------------------------------------------------------------------------
# The ontology
# ------------------------------------------------------------------------------------------


def test_nickname_is_no_alternative_label(ask):
    assert not ask("nkgeo:nickname rdfs:subPropertyOf skos:altLabel")
    assert not ask('id:chongjin skos:altLabel "City of Iron"@en')
    assert ask('id:chongjin nkgeo:nickname "City of Iron"@en')


@pytest.mark.parametrize(("asserted", "inferred"), [
    ("id:wonsan nkgeo:hasFacility id:wonsan-airport", "id:wonsan-airport nkgeo:facilityOf id:wonsan"),
    ("id:nampo nkgeo:southwestOf id:pyongyang", "id:pyongyang nkgeo:northeastOf id:nampo"),
    ("id:renaming-of-songjin nkgeo:renamedPlace id:kimchaek", "id:kimchaek nkgeo:renamedThrough id:renaming-of-songjin"),
], ids=["facility", "south-west", "renaming"])
def test_prp_inv1_the_missing_inverses(ask, asserted, inferred):
    """prp-inv1: T(?p1, owl:inverseOf, ?p2) and T(?x, ?p1, ?y) imply T(?y, ?p2, ?x)."""
    assert ask(asserted, graphs="asserted")
    assert ask(inferred, graphs="inferred")


def test_border_city_definition_and_axioms_agree(ask):
    # Rason borders China and Russia; it is a border city by the borders axiom alone.
    assert not ask("id:rason nkgeo:nearBorderWith ?country")
    assert ask("id:rason a nkgeo:BorderCity")


def test_prov_alignments_fit_their_domains(ask):
    assert not ask("nkgeo:rebuiltWithHelpOf rdfs:subPropertyOf prov:wasAssociatedWith")
    assert not ask("nkgeo:initiatedBy rdfs:subPropertyOf prov:wasAttributedTo")
    assert not ask("?event a nkgeo:HistoricalEvent , prov:Activity")
    # Outside provenance nothing is attributed or associated in PROV's sense.
    assert not ask("GRAPH ?g { ?s prov:wasAttributedTo|prov:wasAssociatedWith ?o } FILTER(?g != graph:provenance)")
    assert ask("id:reconstruction-of-hamhung nkgeo:participant id:east-germany")


def test_no_class_is_matched_with_a_wikidata_property(ask):
    assert not ask("?class a owl:Class ; skos:closeMatch ?match FILTER(STRSTARTS(STR(?match), 'http://www.wikidata.org/entity/P'))")


def test_a_ranking_places_no_city(ask):
    assert not ask("nkgeo:rankedWithin rdfs:subPropertyOf nkgeo:locatedIn")
    assert ask("id:kaesong nkgeo:rankedWithin id:north-korea")
    # Kaesong lies in North Korea by the list that ranks it, as its evidence says.
    assert ask("""GRAPH graph:provenance { ?ev rdf:subject id:kaesong ; rdf:predicate nkgeo:locatedIn ; rdf:object id:north-korea ;
                                              nkgeo:expressedThrough nkgeo:ListNumbering }""")
