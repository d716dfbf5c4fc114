"""``nkgeo.query.results``: tables for people, and the SPARQL result formats (the one writer of the CLI and the endpoint)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.errors import FormatError
from nkgeo.query.results import (
    TooManyRows,
    format_solutions,
    format_triples,
    is_solutions,
    render_table,
    solution_format,
    solution_rows,
    write_solutions,
)

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


@pytest.mark.parametrize(("name", "native"), [("csv", "CSV"), ("tsv", "TSV"), ("json", "JSON"), ("srj", "JSON"), ("CSV", "CSV")])
def test_standard_formats_give_pyoxigraphs_bytes_here(store, name, native):
    """For these terms (no booleans, lower-case tags) CSV, TSV and JSON are byte for byte what pyoxigraph writes."""
    ours = format_solutions(run(store, SELECT), name)
    theirs = run(store, SELECT).serialize(format=getattr(ox.QueryResultsFormat, native))
    assert theirs
    assert ours == (theirs if theirs.endswith(b"\n") else theirs + b"\n")  # text output ends its last line


@pytest.mark.parametrize(("name", "native"), [("json", "JSON"), ("xml", "XML"), ("srx", "XML"), ("tsv", "TSV")])
def test_standard_formats_parse_back_to_the_solutions(store, name, native):
    ours = ox.parse_query_results(format_solutions(run(store, SELECT), name), format=getattr(ox.QueryResultsFormat, native))
    variables = [v.value for v in ours.variables]
    assert variables == ["city", "label", "n"]
    assert [[s[v] for v in variables] for s in ours] == [[s[v] for v in variables] for s in run(store, SELECT)]


def test_xml_layout(store):
    assert format_solutions(run(store, "SELECT ?n ?x WHERE { ?c nkgeo:population ?n }"), "xml").decode() == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
        "<head>\n"
        '<variable name="n"/>\n'
        '<variable name="x"/>\n'
        "</head>\n"
        "<results>\n"
        '<result><binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">768551</literal></binding></result>\n'
        "</results>\n"
        "</sparql>\n"
    )


def test_language_tags_in_their_bcp47_case():
    rows = [[ox.Literal("Hamheung", language="ko-Latn-x-rr")], [ox.Literal("Hamhung", language="en-gb")]]
    assert b'"xml:lang":"ko-Latn-x-rr"' in write_solutions(["x"], rows, "json")
    assert b'xml:lang="en-GB"' in write_solutions(["x"], rows, "xml")
    assert write_solutions(["x"], rows, "tsv") == b'?x\n"Hamheung"@ko-Latn-x-rr\n"Hamhung"@en-GB\n'


def test_select_star_lists_the_variables_in_order_of_appearance(store):
    text = "SELECT * WHERE { ?city rdfs:label ?label . ?city a ?type }"
    variables, rows = solution_rows(run(store, text), text)
    assert variables == ["city", "label", "type"]
    assert len(rows) == 2


def test_solution_rows_stop_past_the_limit(store):
    assert len(solution_rows(run(store, SELECT), limit=3)[1]) == 3
    with pytest.raises(TooManyRows):
        solution_rows(run(store, SELECT), limit=2)


@pytest.mark.parametrize(
    ("fmt", "yes", "no"),
    [("table", b"yes\n", b"no\n"), ("markdown", b"yes\n", b"no\n"), ("json", b'{"head":{},"boolean":true}\n', b'{"head":{},"boolean":false}\n')],
)
def test_ask(store, fmt, yes, no):
    assert format_solutions(run(store, "ASK { id:hamhung a nkgeo:City }"), fmt) == yes
    assert format_solutions(run(store, "ASK { id:hamhung a nkgeo:Port }"), fmt) == no


def test_ask_standard_formats(store):
    ask = "ASK { id:hamhung a nkgeo:City }"
    assert format_solutions(run(store, ask), "csv") == format_solutions(run(store, ask), "tsv") == b"true\n"
    assert bool(ox.parse_query_results(format_solutions(run(store, ask), "xml"), format=ox.QueryResultsFormat.XML)) is True


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


def test_unknown_formats():
    with pytest.raises(FormatError, match=r"^unknown result format 'yaml'; choose one of table, markdown, json, xml, csv, tsv$"):
        solution_format("yaml")
    with pytest.raises(FormatError, match=r"^unknown RDF format 'n3'; choose one of turtle \(ttl\), "):
        format_triples([], "n3")


def test_render_table_pads_to_the_widest_cell():
    assert render_table(["a", "bb"], [["xyz", ""], ["", "1"]]) == "a    bb\n---  --\nxyz\n     1\n(2 rows)\n"


# Tables that fit a terminal


def test_render_table_without_a_width_keeps_every_cell_whole():
    rows = [["id:south-hamgyong-province", "South Hamgyong Province"]]
    assert render_table(["area", "label"], rows) == render_table(["area", "label"], rows, 10, "off") == (
        "area                        label\n"
        "--------------------------  -----------------------\n"
        "id:south-hamgyong-province  South Hamgyong Province\n"
        "(1 row)\n"
    )


def test_render_table_wraps_the_widest_columns_first():
    rows = [["1", "id:south-hamgyong-province", "South Hamgyong Province"]]
    assert render_table(["n", "area", "label"], rows, 36) == (
        "n  area             label\n"
        "-  ---------------  ---------------\n"
        "1  id:south-        South Hamgyong\n"
        "   hamgyong-        Province\n"
        "   province\n"
        "(1 row)\n"
    )


def test_render_table_truncates_with_an_ellipsis():
    rows = [["1", "id:south-hamgyong-province", "South Hamgyong Province"]]
    assert render_table(["n", "area", "label"], rows, 36, "truncate") == (
        "n  area             label\n"
        "-  ---------------  ---------------\n"
        "1  id:south-hamgy…  South Hamgyong…\n"
        "(1 row)\n"
    )


def test_render_table_counts_hangul_as_two_columns():
    from nkgeo.query.results import display_width

    table = render_table(["name"], [["함경남도 함흥시 흥남구역"]], 12)
    assert table == "name\n------------\n함경남도\n함흥시\n흥남구역\n(1 row)\n"
    assert all(display_width(line) <= 12 for line in table.splitlines())


def test_a_table_too_wide_even_at_its_floors_stays_whole_in_its_headers():
    """No column goes below its header (or 8 columns): a very narrow terminal gets a wider table, not a broken header."""
    from nkgeo.query.results import fitted_widths

    assert fitted_widths(["population", "x"], [20, 30], 10) == [10, 8]
    assert fitted_widths(["a", "b"], [3, 4], 100) == [3, 4]
    assert fitted_widths(["a", "b"], [30, 30], 40) == [20, 20]


def test_wrapped_breaks_long_words_and_never_loops():
    from nkgeo.query.results import wrapped

    assert wrapped("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrapped("", 4) == [""]
    assert wrapped("한국", 1) == ["한", "국"]  # a wide character on a one-column line still moves on
    assert wrapped("a b  c", 3) == ["a b", "c"]


def test_terminal_width_is_none_but_for_a_terminal(monkeypatch):
    import io

    from nkgeo.query.results import terminal_width

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert terminal_width(io.StringIO()) is None
    monkeypatch.setenv("COLUMNS", "77")
    assert terminal_width(Terminal()) == 77
