"""``nkgeo.query.results``: tables for people, and the SPARQL result formats exactly as pyoxigraph writes them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.errors import FormatError
from nkgeo.query.results import format_solutions, format_triples, is_solutions, rdf_format, render_table, solution_format, term_text

TURTLE = """
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:hamhung a nkgeo:City ; rdfs:label "Hamhung"@en ; nkgeo:population 768551 .
id:sinpo a nkgeo:City ; rdfs:label "Sinpo | port"@en .
id:nowhere a nkgeo:City .
"""
SELECT = "SELECT ?city ?label ?n WHERE { ?city a nkgeo:City OPTIONAL { ?city rdfs:label ?label } OPTIONAL { ?city nkgeo:population ?n } } ORDER BY ?city"
CONSTRUCT = "CONSTRUCT { ?city rdfs:label ?label } WHERE { ?city rdfs:label ?label }"


@pytest.fixture(scope="module")
def store():
    store = ox.Store()
    store.load(TURTLE.encode(), format=ox.RdfFormat.TURTLE)
    return store


def run(store, text):
    return store.query(text, prefixes=dict(ns.PREFIXES))


def test_table(store):
    assert format_solutions(run(store, SELECT), "table").decode() == (
        "city        label         n\n"
        "----------  ------------  ------\n"
        "id:hamhung  Hamhung       768551\n"
        "id:nowhere\n"
        "id:sinpo    Sinpo | port\n"
        "(3 rows)\n"
    )


def test_table_of_no_rows_and_of_one(store):
    assert format_solutions(run(store, "SELECT ?x WHERE { ?x a nkgeo:Port }"), "table") == b"x\n-\n(0 rows)\n"
    assert format_solutions(run(store, "SELECT ?x WHERE { ?x nkgeo:population ?n }"), "table") == (
        b"x\n----------\nid:hamhung\n(1 row)\n"
    )


def test_markdown(store):
    expected = (
        "| city | label | n |\n"
        "|---|---|---|\n"
        "| id:hamhung | Hamhung | 768551 |\n"
        "| id:nowhere |  |  |\n"
        "| id:sinpo | Sinpo \\| port |  |\n"
    )
    assert format_solutions(run(store, SELECT), "markdown").decode() == expected
    assert format_solutions(run(store, SELECT), "md").decode() == expected


@pytest.mark.parametrize(
    ("name", "native"),
    [("csv", "CSV"), ("tsv", "TSV"), ("json", "JSON"), ("xml", "XML"), ("srj", "JSON"), ("srx", "XML"), ("CSV", "CSV")],
)
def test_standard_formats_are_what_pyoxigraph_writes(store, name, native):
    ours = format_solutions(run(store, SELECT), name)
    theirs = run(store, SELECT).serialize(format=getattr(ox.QueryResultsFormat, native))
    assert theirs
    assert ours == (theirs if theirs.endswith(b"\n") else theirs + b"\n")  # text output ends its last line


@pytest.mark.parametrize(
    ("fmt", "yes", "no"),
    [("table", b"yes\n", b"no\n"), ("markdown", b"yes\n", b"no\n"), ("json", b'{"head":{},"boolean":true}\n', b'{"head":{},"boolean":false}\n')],
)
def test_ask(store, fmt, yes, no):
    assert format_solutions(run(store, "ASK { id:hamhung a nkgeo:City }"), fmt) == yes
    assert format_solutions(run(store, "ASK { id:hamhung a nkgeo:Port }"), fmt) == no


@pytest.mark.parametrize("name", ["csv", "tsv", "xml"])
def test_ask_standard_formats(store, name):
    ask = "ASK { id:hamhung a nkgeo:City }"
    theirs = run(store, ask).serialize(format=getattr(ox.QueryResultsFormat, name.upper()))
    assert format_solutions(run(store, ask), name) == (theirs if theirs.endswith(b"\n") else theirs + b"\n")


def test_construct_as_table(store):
    assert format_triples(run(store, CONSTRUCT), "table").decode() == (
        "subject     predicate   object\n"
        "----------  ----------  ------------\n"
        "id:hamhung  rdfs:label  Hamhung\n"
        "id:sinpo    rdfs:label  Sinpo | port\n"
        "(2 rows)\n"
    )


@pytest.mark.parametrize("fmt", ["turtle", "ttl", "nt", "nq", "trig", "xml", "json-ld"])
def test_construct_in_rdf_formats_parses_back(store, fmt):
    data = format_triples(run(store, CONSTRUCT), fmt)
    native = getattr(ox.RdfFormat, {"turtle": "TURTLE", "ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG",
                                    "xml": "RDF_XML", "json-ld": "JSON_LD"}[fmt])
    back = {(q.subject, q.predicate, q.object) for q in ox.parse(input=data, format=native)}
    assert back == {(t.subject, t.predicate, t.object) for t in run(store, CONSTRUCT)}


def test_construct_turtle_uses_our_prefixes(store):
    text = format_triples(run(store, CONSTRUCT), "turtle").decode()
    assert "@prefix id: <https://w3id.org/nkgeo/id/> ." in text
    assert 'id:hamhung rdfs:label "Hamhung"@en .' in text


def test_is_solutions(store):
    assert is_solutions(run(store, SELECT)) and is_solutions(run(store, "ASK {}"))
    assert not is_solutions(run(store, CONSTRUCT))


@pytest.mark.parametrize(("name", "key"), [("md", "markdown"), ("JSON", "json"), ("srx", "xml"), ("table", "table")])
def test_solution_format_aliases(name, key):
    assert solution_format(name) == key


@pytest.mark.parametrize(("name", "key"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("n-quads", "nquads"), ("rdf", "xml"), ("NT", "nt")])
def test_rdf_format_aliases(name, key):
    assert rdf_format(name) == key


def test_unknown_formats():
    with pytest.raises(FormatError, match=r"^unknown result format 'yaml'; choose one of table, markdown, json, xml, csv, tsv$"):
        solution_format("yaml")
    with pytest.raises(FormatError, match=r"^unknown RDF format 'n3'; choose one of turtle \(ttl\), "):
        rdf_format("n3")


@pytest.mark.parametrize(
    ("term", "text"),
    [
        (ox.NamedNode("https://w3id.org/nkgeo/id/hamhung"), "id:hamhung"),
        (ox.NamedNode("http://example.org/x"), "<http://example.org/x>"),
        (ox.Literal("Hamhung", language="en"), "Hamhung"),
        (ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), "3"),
        (ox.BlankNode("b0"), "_:b0"),
        (None, ""),
    ],
)
def test_term_text(term, text):
    assert term_text(term) == text


def test_term_text_in_full():
    assert term_text(ox.NamedNode("https://w3id.org/nkgeo/id/hamhung"), compact=False) == "https://w3id.org/nkgeo/id/hamhung"


def test_render_table_pads_to_the_widest_cell():
    assert render_table(["a", "bb"], [["xyz", ""], ["", "1"]]) == "a    bb\n---  --\nxyz\n     1\n(2 rows)\n"
