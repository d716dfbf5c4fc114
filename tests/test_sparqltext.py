"""Reading SPARQL text without a parser (``nkgeo.query.sparqltext``): tokens, the operation, updates
in disguise, SERVICE, the nesting depth, and parameters bound with VALUES, for the CLI, the endpoint
and remote endpoints alike."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.query import sparqltext
from nkgeo.query.canned import catalogue

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
    from nkgeo.query.store import graph_terms

    samples = {"document": "doc:000_cbd80db4a2371350", "entity": "hamhung", "subject": "hamhung", "place": "hamhung",
               "predicate": "nkgeo:capitalOf", "class": "nkgeo:PortCity"}
    given = {p.name: samples[p.name] for p in query.params if p.required or p.name in ("predicate", "class")}
    terms = bind(query, given, NameIndex.from_dataset(compiled).resolve)
    local = compiled.query(query.text, substitutions=terms)
    remote = compiled.store.query(remote_text(query.text, terms), default_graph=graph_terms(compiled.default_graph()))
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


# --- updates in disguise ---------------------------------------------------------------------

DISGUISED_UPDATES = json.loads((Path(__file__).parent / "data" / "sparql" / "disguised-updates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", DISGUISED_UPDATES.values(), ids=DISGUISED_UPDATES.keys())
def test_disguised_updates_are_updates(text):
    analysis = sparqltext.analyse(text)
    assert analysis.is_update
    assert analysis.update_keyword in ("INSERT", "DELETE", "DROP")
    assert analysis.form is None


def test_the_disguises_are_updates_to_pyoxigraph_or_malformed_queries():
    """The list is honest: the ones pyoxigraph reads as updates run as updates, and none is a query."""
    for name, text in DISGUISED_UPDATES.items():
        with pytest.raises(SyntaxError):
            ox.Store().query(text)
        if name in ("hash in a PREFIX IRI", "no space before the group", "prefix glued to PREFIX", "name glued to PREFIX"):
            ox.Store().update(text)


@pytest.mark.parametrize("text", [
    'SELECT * WHERE { ?s ?p "\\u0049NSERT" }',
    "SELECT * WHERE { ?s rdfs:label \"함흥\" }",
    "SELECT ?delete WHERE { ?delete ?p ?o }",
    "PREFIX:<http://example.org/> SELECT * WHERE { ?s :p ?o }",
    "ASK { <urn:a> <urn:b> \"\ufeffINSERT\" }",
])
def test_queries_that_look_a_little_like_updates_are_queries(text):
    analysis = sparqltext.analyse(text)
    assert not analysis.is_update
    assert analysis.form in ("SELECT", "ASK")


def test_the_query_form_reads_past_a_glued_prologue():
    assert sparqltext.analyse("PREFIX:<http://example.org/> CONSTRUCT WHERE { ?s ?p ?o }").form == "CONSTRUCT"
    assert sparqltext.analyse("BASE<http://example.org/>DESCRIBE<a>").form == "DESCRIBE"


# --- nesting depth ---------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "depth"), [
    ("SELECT * WHERE { }", 1),
    ("SELECT * WHERE { ?s ?p ?o FILTER((?o > 1) && (?o < 3)) }", 3),
    ("SELECT * WHERE { ?s ?p [ ?q ( 1 ( 2 ) ) ] }", 4),
    ("SELECT * WHERE { << << ?a ?b ?c >> ?d ?e >> ?f ?g }", 3),
    ('SELECT * WHERE { ?s ?p "{{{{" } # ((((', 1),
    ("SELECT * WHERE { ?s ?p <http://x/((> }", 1),
    ("SELECT * WHERE }}}} {{ }", 2),  # stray closers do not let a query go deeper unseen
    ("", 0),
])
def test_depth_counts_brackets_outside_strings_iris_and_comments(text, depth):
    assert sparqltext.analyse(text).depth == depth


def test_check_refuses_past_the_limit_in_one_line():
    from nkgeo.errors import QueryError

    deep = sparqltext.analyse("SELECT * WHERE " + "{" * 201 + "}" * 201)
    sparqltext.analyse("SELECT * WHERE " + "{" * 200 + "}" * 200).check_depth(200)
    with pytest.raises(QueryError, match=r"^the query nests brackets 201 deep, more than the limit of 200 \(--max-depth\)$"):
        deep.check_depth(200)
    deep.check_depth(201)


# --- linear time -----------------------------------------------------------------------------
# The tokenizer once backtracked on a run of dotted words (``a.a.a...``: is it a prefix ``a.a.a:``?)
# and on unterminated strings, so 32 KB took 21 s: these inputs of 256 KiB would have taken more
# than 20 minutes each. ``bench/sparqltext.py`` prints the timings, up to the endpoint's 1 MiB.

SIZE = 1 << 18
HOSTILE = {
    "dotted words": ("a." * (SIZE // 2), SIZE),
    "dotted words ending in a prefix": ("a." * (SIZE // 2 - 2) + "a:b", None),
    "escaped quotes": ("'\\" * (SIZE // 2), None),
    "unterminated long strings": ("'''x" * (SIZE // 4), None),
    "unclosed IRIs": ("<a" * (SIZE // 2), None),
    "question marks": ("?" * SIZE, SIZE),
    "nested groups": ("{" * SIZE, SIZE),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_of_the_body_limit_tokenises_in_one_pass(name):
    text, count = HOSTILE[name]
    found = sparqltext.tokens(text, skip_space=False)
    assert "".join(t.text for t in found) == text  # every character in exactly one token
    assert all(a.start + len(a.text) == b.start for a, b in zip(found, found[1:], strict=False))
    if count is not None:
        assert len(found) == count


def test_a_dotted_run_gives_the_tokens_the_grammar_gives():
    found = [(t.kind, t.text) for t in sparqltext.tokens("a.b.SERVICE ex.a:b.c x:y.")]
    assert found == [("name", "a"), ("punct", "."), ("name", "b"), ("punct", "."), ("name", "SERVICE"),
                     ("name", "ex.a:b.c"), ("name", "x:y.")]
    assert sparqltext.analyse("SELECT * WHERE { ?s ?p ?o.SERVICE <http://x> {} }").uses_service


def test_an_unterminated_string_runs_to_the_end_of_its_line():
    found = [(t.kind, t.text) for t in sparqltext.tokens("ASK { ?s ?p 'open\nSERVICE <x> {} }")]
    assert ("unterminated", "'open") in found and ("name", "SERVICE") in found


@pytest.mark.parametrize(("text", "order"), [
    ("SELECT * WHERE { ?b ?a ?c . ?a ?d ?b }", ["b", "a", "c", "d"]),
    ("PREFIX x: <http://x/> select distinct * { ?z x:p ?y }", ["z", "y"]),
    ("SELECT REDUCED * { ?q ?r ?q }", ["q", "r"]),
    ("SELECT ?b ?a WHERE { ?a ?p ?b }", None),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", None),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", None),
    ("ASK { ?s ?p ?o }", None),
])
def test_star_order_is_the_order_of_appearance(text, order):
    assert sparqltext.analyse(text).star_order == order


def test_the_analysis_keeps_no_tokens():
    """A megabyte of text may hold a million tokens: the analysis keeps only what it found."""
    analysis = sparqltext.analyse("SELECT * WHERE { ?s ?p ?o } " + "a." * 1000)
    assert not any(isinstance(value, list) and len(value) > 10 for value in analysis._asdict().values())


@pytest.mark.parametrize("text", ["SELECT * WHERE " + "{" * 201 + "}" * 201, "ASK { FILTER(" + "(" * 300 + "1" + ")" * 300 + ") }",
                                  "SELECT * WHERE { ?s ?p ?o }", 'ASK { ?s ?p "' + "{" * 500 + '" }',
                                  "SELECT * WHERE { " + "<< " * 201 + "?s ?p ?o" + " >>" * 201 + " ?q ?r }"])
def test_may_nest_deeper_is_a_bound_of_the_depth(text):
    if sparqltext.analyse(text).depth > 200:
        assert sparqltext.may_nest_deeper(text, 200)
    assert sparqltext.may_nest_deeper("{" * 201, 200) and not sparqltext.may_nest_deeper("{" * 200, 200)
