"""The pure parts of serving, without a server: reading SPARQL text, binding parameters with VALUES,
the result writers, and content negotiation."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.query import sparqltext
from nkgeo.query.canned import catalogue
from nkgeo.serve import formats, negotiation

# --- reading SPARQL text ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "operation"), [
    ("SELECT * WHERE {}", "SELECT"),
    ("prefix x: <http://x/>\nBASE <http://b/>\n# SELECT\nconstruct {} where {}", "CONSTRUCT"),
    ("  ask {}", "ASK"),
    ("DESCRIBE <http://x>", "DESCRIBE"),
    ("PREFIX : <http://x/> INSERT DATA { :a :b :c }", "INSERT"),
    ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ("CLEAR ALL", "CLEAR"),
    ("# only a comment", None),
    ("", None),
])
def test_operation_is_the_first_keyword_after_the_prologue(text, operation):
    assert sparqltext.operation(text) == operation


@pytest.mark.parametrize(("text", "update"), [
    ("LOAD <http://x>", True), ("drop graph <http://g>", True), ("SELECT ?insert WHERE { ?insert ?p ?o }", False),
    ('SELECT * WHERE { ?s ?p "DELETE" }', False), ("PREFIX insert: <http://x/> SELECT * WHERE { ?s insert:p ?o }", False),
])
def test_updates_are_told_from_queries(text, update):
    assert sparqltext.is_update(text) is update


@pytest.mark.parametrize(("text", "calls"), [
    ("SELECT * WHERE { SERVICE <http://x> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { service silent ?e { ?s ?p ?o } }", True),
    ("SELECT * WHERE{SERVICE<http://x>{?s ?p ?o}}", True),
    ("SELECT * WHERE { \\u0053ERVICE <http://x> { ?s ?p ?o } }", True),  # a pre-parser could decode it
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x> {}" }', False),
    ("SELECT * WHERE { ?s ?p '''multi\nSERVICE\nline''' }", False),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> { }", False),
    ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:SERVICE ?service }", False),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3 && ?p > 2) SERVICE <http://x> { } }", True),
])
def test_service_calls_are_found_whatever_surrounds_them(text, calls):
    assert sparqltext.uses_service(text) is calls


def test_dataset_clauses_and_prefixes():
    text = "PREFIX a: <http://a/>\nSELECT * FROM <http://g> WHERE { ?s a:p ?o ; nkgeo:q id:x }"
    assert sparqltext.has_dataset_clause(text)
    assert not sparqltext.has_dataset_clause("SELECT ?from WHERE { ?from ?p ?o }")
    assert sparqltext.declared_prefixes(text) == {"a": "http://a/"}
    completed = sparqltext.with_prefixes(text, ns.PREFIXES)
    assert completed.startswith(f"PREFIX nkgeo: <{ns.NKGEO_NS}>\nPREFIX id: <{ns.ID_NS}>\n")
    assert completed.count("PREFIX a:") == 1


# --- binding parameters with VALUES ----------------------------------------------------------

NASTY = [
    'x" } ; DROP ALL ; #',
    "a\\u0022b",
    "back\\slash\\",
    "line\nbreak\ttab\rreturn",
    "\\U0001F600 and \\u005C",
    "quote ' and ''' and \"\"\"",
    "함흥 and 咸興",
    "\x01control\x7f",
]


@pytest.mark.parametrize("value", NASTY)
def test_a_bound_string_reads_back_as_itself(value):
    store = ox.Store()
    for literal in (ox.Literal(value), ox.Literal(value, language="ko"), ox.Literal(value, datatype=ox.NamedNode(ns.XSD.token))):
        text = sparqltext.inject_values("SELECT ?x WHERE { }", {"x": literal})
        assert [row["x"] for row in store.query(text)] == [literal], text


def test_a_bound_string_survives_a_pre_parser_that_decodes_escapes():
    """SPARQL 1.1 section 19.2 lets an engine decode \\u escapes before parsing: the text must mean
    the same either way."""
    store = ox.Store()
    for value in NASTY:
        text = sparqltext.inject_values("SELECT ?x WHERE { }", {"x": ox.Literal(value)})
        decoded = sparqltext.decode_codepoints(text)
        assert [row["x"].value for row in store.query(decoded)] == [value], decoded


def test_values_refuse_what_cannot_be_written():
    from nkgeo.errors import QueryError

    with pytest.raises(QueryError):
        sparqltext.values_block({"x y": ox.Literal("a")})
    with pytest.raises(QueryError):
        sparqltext.values_block({"x": ox.BlankNode("b")})
    with pytest.raises(QueryError):
        sparqltext.sparql_iri("http://x/a b")


@pytest.mark.parametrize(("text", "where"), [
    ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE { VALUES"),
    ("SELECT ?x { ?x ?p ?o }", "SELECT ?x { VALUES"),
    ("SELECT (COUNT(*) AS ?n) ?x WHERE { ?x ?p ?o } GROUP BY ?x", "GROUP BY ?x"),
    ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", "WHERE { VALUES"),
    ("CONSTRUCT { ?x ?p ?o } { ?x ?p ?o }", "} { VALUES"),
    ("CONSTRUCT WHERE { ?x ?p ?o }", "}\nVALUES"),
    ("ASK { ?x ?p ?o }", "ASK { VALUES"),
])
def test_values_go_first_in_the_where_group(text, where):
    bound = sparqltext.inject_values(text, {"x": ox.NamedNode("http://x/a")})
    assert where in bound
    ox.Store().query(bound)  # still a valid query


CANNED = [q for q in catalogue().values() if "network" not in q.tags]


@pytest.mark.parametrize("query", CANNED, ids=[q.name for q in CANNED])
def test_values_binding_gives_what_substitution_gives(compiled, query):
    """Every canned query, with its parameters, answers the same bound by VALUES (as for a remote
    endpoint) as bound by pyoxigraph's substitutions (as locally)."""
    from test_stores import group_concat_variables

    from nkgeo.query.canned import bind
    from nkgeo.query.names import NameIndex
    from nkgeo.query.remote import remote_text

    samples = {"document": "doc:000_cbd80db4a2371350", "entity": "hamhung", "subject": "hamhung", "place": "hamhung",
               "predicate": "nkgeo:capitalOf", "class": "nkgeo:PortCity"}
    given = {p.name: samples[p.name] for p in query.params if p.required or p.name in ("predicate", "class")}
    terms = bind(query, given, NameIndex.from_dataset(compiled).resolve)
    local = compiled.query(query.text, substitutions=terms)
    remote = compiled.store.query(remote_text(query.text, terms), use_default_graph_as_union=True)
    concatenated = group_concat_variables(query.text)  # their parts come in the engine's order

    def cell(term, concat: bool) -> str:
        if concat and term is not None:
            return " | ".join(sorted(term.value.split(" | ")))
        return str(term)

    def row(solution, variables):
        return tuple(cell(solution[v], v.value in concatenated) for v in variables)

    local_rows = sorted(row(s, local.variables) for s in local)
    remote_rows = sorted(row(s, remote.variables) for s in remote)
    assert local_rows == remote_rows
    assert local_rows or not query.params, f"{query.name} gives no rows to compare"


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
    body = formats.SOLUTION_WRITERS[fmt](["a", "b"], rows)
    parsed = ox.parse_query_results(body, format=parse_as)
    assert [v.value for v in parsed.variables] == ["a", "b"]
    assert [[s["a"], s["b"]] for s in parsed] == rows


def test_writers_match_pyoxigraph_on_real_results(compiled):
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o LIMIT 300"
    variables = ["s", "p", "o"]
    rows = [[s[v] for v in variables] for s in compiled.store.query(query, use_default_graph_as_union=True)]
    for fmt, parse_as in [("json", ox.QueryResultsFormat.JSON), ("xml", ox.QueryResultsFormat.XML)]:
        ours = ox.parse_query_results(formats.SOLUTION_WRITERS[fmt](variables, rows), format=parse_as)
        theirs = ox.parse_query_results(compiled.store.query(query, use_default_graph_as_union=True).serialize(format=parse_as),
                                        format=parse_as)
        assert [[s[v] for v in variables] for s in ours] == [[s[v] for v in variables] for s in theirs]


def test_csv_quotes_and_writes_crlf():
    body = formats.solutions_csv(["a", "b"], [[ox.Literal("x,y"), ox.Literal('say "hi"')], [ox.BlankNode("b1"), None]])
    assert body == b'a,b\r\n"x,y","say ""hi"""\r\n_:b1,\r\n'


def test_booleans():
    assert formats.boolean_json(True) == b'{"head": {}, "boolean": true}\n'
    assert bool(ox.parse_query_results(formats.boolean_xml(False), format=ox.QueryResultsFormat.XML)) is False


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
