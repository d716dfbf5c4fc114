"""The pure parts of serving, without a server: the result writers and content negotiation
(reading SPARQL text is tests/test_sparqltext.py)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.query import results
from nkgeo.serve import negotiation

# --- result writers --------------------------------------------------------------------------

TERMS = [
    ox.NamedNode("http://example.org/a?b=c&d"),
    ox.BlankNode("b0"),
    ox.Literal("plain"),
    ox.Literal("함흥", language="ko"),
    ox.Literal('quote " back\\slash\nnew line\ttab'),
    ox.Literal("42", datatype=ox.NamedNode(ns.XSD.integer)),
    ox.Literal("4.2", datatype=ox.NamedNode(ns.XSD.decimal)),
    ox.Literal("1.0E6", datatype=ox.NamedNode(ns.XSD.double)),
    ox.Literal("x", datatype=ox.NamedNode("http://example.org/dt")),
    ox.Literal("<&>", language="en-GB"),
]


@pytest.mark.parametrize(("fmt", "parse_as"), [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML),
                                               ("tsv", ox.QueryResultsFormat.TSV)])
def test_writers_round_trip_every_kind_of_term(fmt, parse_as):
    rows = [[term, None if i % 3 == 0 else term] for i, term in enumerate(TERMS)]
    body = results.write_solutions(["a", "b"], rows, fmt)
    parsed = ox.parse_query_results(body, format=parse_as)
    assert [v.value for v in parsed.variables] == ["a", "b"]
    assert [[s["a"], s["b"]] for s in parsed] == rows


def test_writers_match_pyoxigraph_on_real_results(compiled):
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 300"
    variables = ["s", "p", "o"]
    rows = [[s[v] for v in variables] for s in compiled.store.query(query, use_default_graph_as_union=True)]
    for fmt, parse_as in [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)]:
        ours = ox.parse_query_results(results.write_solutions(variables, rows, fmt), format=parse_as)
        theirs = ox.parse_query_results(compiled.store.query(query, use_default_graph_as_union=True).serialize(format=parse_as),
                                        format=parse_as)
        assert blank_labels_in_order([[s[v] for v in variables] for s in ours]) == blank_labels_in_order(
            [[s[v] for v in variables] for s in theirs])


def blank_labels_in_order(rows: list[list]) -> list[list]:
    """The rows with blank nodes labelled b0, b1... in order of appearance (a result's labels are its own)."""
    labels: dict = {}
    return [[ox.BlankNode(labels.setdefault(t.value, f"b{len(labels)}")) if isinstance(t, ox.BlankNode) else t for t in row]
            for row in rows]


def test_csv_quotes_and_writes_crlf():
    body = results.write_solutions(["a", "b"], [[ox.Literal("x,y"), ox.Literal('say "hi"')], [ox.BlankNode("x7"), None]], "csv")
    assert body == b'a,b\r\n"x,y","say ""hi"""\r\n_:b0,\r\n'


def test_booleans():
    assert results.write_boolean(True, "json") == b'{"head":{},"boolean":true}\n'
    assert bool(ox.parse_query_results(results.write_boolean(False, "xml"), format=ox.QueryResultsFormat.XML)) is False


# --- content negotiation ---------------------------------------------------------------------


@pytest.mark.parametrize(("accept", "chosen"), [
    (None, "application/sparql-results+json"),
    ("", "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("text/tab-separated-values, text/csv", "text/csv"),  # equal q: the server's order
    ("text/csv;q=0.1, text/tab-separated-values;q=0.2", "text/tab-separated-values"),
    ("application/xml;q=0.9, */*;q=0.1", "application/xml"),
    ("text/*;q=0, */*;q=0.5", "application/sparql-results+json"),
    ("application/sparql-results+json; charset=utf-8", "application/sparql-results+json"),
    ("image/png", None),
    ("text/csv;q=0", None),
    ("garbage;;, ,", "application/sparql-results+json"),  # nothing readable: as if there were no header
    ("TEXT/CSV", "text/csv"),
    ("text/csv;q=abc, application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_negotiate(accept, chosen):
    assert negotiation.negotiate(accept, negotiation.SOLUTION_TYPES) == chosen


def test_the_most_specific_range_decides():
    # text/csv is refused outright even though text/* is welcome.
    assert negotiation.negotiate("text/*;q=0.9, text/csv;q=0", negotiation.SOLUTION_TYPES) == "text/tab-separated-values"


def test_format_parameter_and_content_type():
    assert negotiation.format_parameter("ttl", negotiation.GRAPH_TYPES) == "text/turtle"
    assert negotiation.format_parameter("text/csv", negotiation.SOLUTION_TYPES) == "text/csv"
    assert negotiation.format_parameter("png", negotiation.SOLUTION_TYPES) is None
    assert negotiation.format_parameter("json", negotiation.GRAPH_TYPES) == "application/ld+json"
    assert negotiation.format_parameter("json", negotiation.SOLUTION_TYPES) == "application/sparql-results+json"
    assert negotiation.content_type("text/turtle") == "text/turtle; charset=utf-8"
    assert negotiation.content_type("application/sparql-results+json") == "application/sparql-results+json; charset=utf-8"
