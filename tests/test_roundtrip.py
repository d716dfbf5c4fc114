"""The exported graph survives format changes: Turtle -> JSON-LD -> Turtle is isomorphic, and an
independent JSON-LD processor (pyld) reads our JSON-LD as the same dataset as the N-Quads export."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic, to_isomorphic

from nkgeo.query.export import export
from nkgeo.rdfio import jsonld_context


@pytest.fixture(scope="module")
def turtle(compiled) -> bytes:
    return export(compiled, "turtle")


@pytest.fixture(scope="module")
def jsonld_doc(compiled) -> dict:
    return json.loads(export(compiled, "json-ld"))


@pytest.fixture(scope="module")
def nquads(compiled) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=export(compiled, "nquads"), format="nquads")
    return dataset


def by_name(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def lower_language_tags(graph: Graph) -> Graph:
    """The graph with language tags in lower case: they are case-insensitive (BCP 47, RDF 1.1
    section 3.3), and pyld lowercases them (``ko-Latn`` becomes ``ko-latn``)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def test_turtle_jsonld_turtle_is_isomorphic(turtle):
    original = Graph().parse(data=turtle, format="turtle")
    assert len(original) > 1000
    as_jsonld = original.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    back = Graph().parse(data=as_jsonld, format="json-ld")
    again = Graph().parse(data=back.serialize(format="longturtle"), format="turtle")
    assert to_isomorphic(again) == to_isomorphic(original)


def test_jsonld_export_read_by_pyld_is_the_nquads_export(jsonld_doc, nquads):
    from pyld import jsonld

    text = jsonld.to_rdf(jsonld_doc, {"format": "application/n-quads"})
    theirs = Dataset()
    theirs.parse(data=text, format="nquads")
    assert len(theirs.default_graph) == 0
    ours, read = by_name(nquads), by_name(theirs)
    assert sorted(read) == sorted(ours)
    for name, graph in ours.items():
        assert len(read[name]) == len(graph), name
        assert isomorphic(lower_language_tags(read[name]), lower_language_tags(graph)), name


def test_jsonld_export_parsed_by_rdflib_is_the_nquads_export(compiled, nquads):
    dataset = Dataset()
    dataset.parse(data=export(compiled, "json-ld"), format="json-ld")
    ours, read = by_name(nquads), by_name(dataset)
    assert sorted(read) == sorted(ours)
    assert all(isomorphic(read[name], graph) for name, graph in ours.items())


def test_jsonld_uses_the_shipped_context(jsonld_doc):
    shipped = jsonld_context()
    assert jsonld_doc["@context"] == shipped
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            keys.update(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(jsonld_doc["@graph"])
    assert {"label", "locatedIn", "@id", "@type", "@graph"} <= keys
    assert "http://www.w3.org/2000/01/rdf-schema#label" not in keys
    assert "nkgeo:locatedIn" not in keys
    graph_names = {node["@id"] for node in jsonld_doc["@graph"] if "@graph" in node}
    assert {"graph:ontology", "graph:inferred", "graph:provenance", "graph:gazetteer"} <= graph_names


def test_jsonld_compacts_our_iris(jsonld_doc):
    ids = {node["@id"] for graph in jsonld_doc["@graph"] for node in graph.get("@graph", [])}
    assert "id:hamhung" in ids
    assert not any(i.startswith("https://w3id.org/nkgeo/id/") for i in ids)
