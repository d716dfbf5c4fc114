"""The one table of RDF formats and the one bridge between pyoxigraph and rdflib (nkgeo/rdfio.py)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import FormatError


@pytest.mark.parametrize("name, expected", [("ttl", "turtle"), ("TURTLE", "turtle"), ("nq", "nquads"), ("jsonld", "json-ld"),
                                            ("rdf", "xml"), ("n-triples", "nt")])
def test_formats_by_name_or_alias(name, expected):
    assert rdfio.rdf_format(name).name == expected


def test_unknown_format_lists_the_choices():
    with pytest.raises(FormatError, match="unknown RDF format 'yaml'; choose one of turtle"):
        rdfio.rdf_format("yaml")


def test_read_only_formats_are_not_written():
    assert rdfio.rdf_format("trix", writing=False).name == "trix"
    with pytest.raises(FormatError):
        rdfio.rdf_format("trix")


def test_format_of_path():
    assert rdfio.format_of_path("a/b.TTL").name == "turtle"
    assert rdfio.format_of_path("x.nq").keeps_graphs
    assert rdfio.format_of_path("x.txt") is None


@pytest.mark.parametrize(
    "oxigraph, rdflib_term",
    [
        (ox.NamedNode("https://w3id.org/nkgeo/id/hamhung"), URIRef("https://w3id.org/nkgeo/id/hamhung")),
        (ox.BlankNode("b1"), BNode("b1")),
        (ox.Literal("x"), Literal("x")),
        (ox.Literal("함흥", language="ko"), Literal("함흥", lang="ko")),
        (ox.Literal("7", datatype=ox.NamedNode(ns.XSD.integer)), Literal("7", datatype=URIRef(ns.XSD.integer))),
        (ox.Literal("line one\n  PREFIX x: <y>", datatype=ox.NamedNode(ns.XSD.string)), Literal("line one\n  PREFIX x: <y>")),
    ],
)
def test_bridge_round_trips(oxigraph, rdflib_term):
    assert rdfio.to_rdflib(oxigraph) == rdflib_term
    assert rdfio.from_rdflib(rdflib_term) == oxigraph


def test_display():
    assert rdfio.display(ox.NamedNode(ns.NKGEO.City)) == "nkgeo:City"
    assert rdfio.display(URIRef(ns.ID_NS + "hamhung")) == "id:hamhung"
    assert rdfio.display(ox.Literal("7", datatype=ox.NamedNode(ns.XSD.integer))) == "7"
    assert rdfio.display(Literal("Hamhung", lang="en")) == "Hamhung"
    assert rdfio.display(None) == ""
