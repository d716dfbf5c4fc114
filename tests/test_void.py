"""``nkgeo void``: the VoID description agrees with ``nkgeo stats`` and with the links file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

ROOT = Path(__file__).resolve().parents[1]
VOID = Namespace("http://rdfs.org/ns/void#")
NKGEO = URIRef("https://w3id.org/nkgeo/void#nkgeo")
TARGETS = {"wikidata": "http://www.wikidata.org/entity/", "geonames": "https://sws.geonames.org/", "dbpedia": "http://dbpedia.org/resource/"}
OLD_STATS_KEYS = {"classes", "object_properties", "datatype_properties", "asserted_triples", "inferred_triples", "triples_per_graph",
                  "evidence_per_document", "entities_per_class", "reasoner", "build_seconds", "canned_queries"}


@pytest.fixture(scope="module")
def stats():
    from click.testing import CliRunner

    from nkgeo.cli import cli

    result = CliRunner().invoke(cli, ["stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def void_graph() -> Graph:
    from click.testing import CliRunner

    from nkgeo.cli import cli

    result = CliRunner().invoke(cli, ["void"])
    assert result.exit_code == 0, result.output
    return Graph().parse(data=result.output, format="turtle")


@pytest.fixture(scope="module")
def links_per_dataset() -> dict[str, int]:
    """Counted from graph/links.trig and graph/geonames.trig (the GeoNames gazetteer's ids) directly."""
    dataset = Dataset()
    dataset.parse(ROOT / "graph" / "links.trig", format="trig")
    dataset.parse(ROOT / "graph" / "geonames.trig", format="trig")
    targets = [str(o) for _, _, o in dataset.graph(URIRef("https://w3id.org/nkgeo/graph/links"))]
    return {name: sum(t.startswith(ns) for t in targets) for name, ns in TARGETS.items()}


def value(graph: Graph, subject, predicate) -> int:
    literal = graph.value(subject, predicate)
    assert isinstance(literal, Literal) and literal.datatype == XSD.integer, (predicate, literal)
    return int(literal)


def test_void_counts_equal_stats(void_graph, stats):
    assert (NKGEO, RDF.type, VOID.Dataset) in void_graph
    assert value(void_graph, NKGEO, VOID.triples) == stats["asserted_triples"] + stats["inferred_triples"]
    assert value(void_graph, NKGEO, VOID.triples) == stats["void"]["triples"]
    for key, predicate in (("entities", VOID.entities), ("classes", VOID.classes), ("properties", VOID.properties),
                           ("distinct_subjects", VOID.distinctSubjects), ("distinct_objects", VOID.distinctObjects)):
        assert value(void_graph, NKGEO, predicate) == stats["void"][key], key
    assert stats["void"]["entities"] >= stats["entities_per_class"]["nkgeo:City"] > 0


def test_one_linkset_per_dataset_with_its_count(void_graph, stats, links_per_dataset):
    linksets = set(void_graph.subjects(RDF.type, VOID.Linkset))
    assert len(linksets) == 3
    seen = {}
    for linkset in linksets:
        target = void_graph.value(linkset, VOID.objectsTarget)
        assert void_graph.value(linkset, VOID.subjectsTarget) == NKGEO
        assert (NKGEO, VOID.subset, linkset) in void_graph
        name = str(target).rsplit("#", 1)[-1]
        assert void_graph.value(target, VOID.uriSpace) == Literal(TARGETS[name])
        assert set(void_graph.objects(linkset, VOID.target)) == {NKGEO, target}
        predicates = set(void_graph.objects(linkset, VOID.linkPredicate))
        assert predicates and predicates <= {URIRef("http://www.w3.org/2002/07/owl#sameAs"), URIRef("http://www.w3.org/2004/02/skos/core#exactMatch"),
                                             URIRef("http://www.w3.org/2004/02/skos/core#closeMatch")}
        seen[name] = value(void_graph, linkset, VOID.triples)
    assert seen == links_per_dataset == stats["links"]
    assert all(n > 0 for n in seen.values())


def test_void_describes_the_dataset(void_graph):
    vocabularies = {str(v) for v in void_graph.objects(NKGEO, VOID.vocabulary)}
    for namespace in ("https://w3id.org/nkgeo/ontology#", "http://www.w3.org/2004/02/skos/core#", "http://www.opengis.net/ont/geosparql#",
                      "http://www.w3.org/2003/01/geo/wgs84_pos#", "http://www.w3.org/2002/07/owl#", "http://www.w3.org/ns/prov#"):
        assert namespace in vocabularies, namespace
    assert not any(v.startswith("https://w3id.org/nkgeo/id/") for v in vocabularies)
    examples = set(void_graph.objects(NKGEO, VOID.exampleResource))
    assert URIRef("https://w3id.org/nkgeo/id/pyongyang") in examples
    assert void_graph.value(NKGEO, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    sources = {str(s) for s in void_graph.objects(NKGEO, DCTERMS.source)}
    assert {"https://w3id.org/nkgeo/doc/000_cbd80db4a2371350", "https://w3id.org/nkgeo/doc/001_96b58870d0b32f5b"} <= sources
    assert void_graph.value(NKGEO, VOID.sparqlEndpoint) is None, "no endpoint unless one is given"
    assert void_graph.value(NKGEO, VOID.uriSpace) == Literal("https://w3id.org/nkgeo/id/")


def test_void_with_an_endpoint_and_a_dump_as_json_ld(invoke, tmp_path):
    path = tmp_path / "void.jsonld"
    result = invoke("void", "--format", "json-ld", "--sparql-endpoint", "http://localhost:7878/sparql", "--data-dump",
                    "https://example.org/nkgeo.nq", "-o", str(path))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(path, format="json-ld")
    assert graph.value(NKGEO, VOID.sparqlEndpoint) == URIRef("http://localhost:7878/sparql")
    assert graph.value(NKGEO, VOID.dataDump) == URIRef("https://example.org/nkgeo.nq")
    assert result.stderr == f"wrote {len(graph)} triples (json-ld, {round(path.stat().st_size / 1024)} KB) to {path}\n"


def test_stats_json_is_backward_compatible(stats):
    assert OLD_STATS_KEYS <= set(stats)
    assert set(stats["links"]) == set(TARGETS)
    assert set(stats["void"]) == {"triples", "entities", "classes", "properties", "distinct_subjects", "distinct_objects"}


def test_stats_text_has_the_links_and_void_sections(invoke, stats):
    text = invoke("stats").output
    assert "links to other datasets" in text and "VoID figures" in text
    for name, count in stats["links"].items():
        assert f"  {name:<40} {count}\n" in text


def test_void_bad_format(invoke):
    result = invoke("void", "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
