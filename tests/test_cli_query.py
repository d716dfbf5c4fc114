"""``nkgeo queries`` and ``nkgeo query``: the catalogue of canned queries and running one with parameters."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))

CITIES_OF = """\
#+ summary: Cities of a place, by label.
#+ description: A parameter is bound by substitution, so the query projects it (pyoxigraph requires it).
#+ tags: test
#+ param: place (entity, default testland): The place the cities lie in.
#+ param: maxlen (integer, default 20): The longest label shown.

SELECT ?city ?label ?place ?maxlen WHERE {
  ?city a nkgeo:City ; nkgeo:locatedIn ?place ; rdfs:label ?label .
  FILTER(STRLEN(?label) <= ?maxlen)
} ORDER BY ?label
"""

LABEL_OF = """\
#+ summary: The label of one thing.
#+ cq: T1
#+ param: thing (entity, required): The thing to label.

SELECT ?thing ?label WHERE { ?thing rdfs:label ?label }
"""

CITIES_IN = """\
#+ summary: The cities of a country.
#+ description: The parameter names its class, so only countries are found by name
#+ description: and suggested.
#+ tags: test, kinds
#+ param: country (entity nkgeo:Country, default testland): The country.

# A comment of the query stays with its SPARQL.
SELECT ?city ?country WHERE { ?city a nkgeo:City ; nkgeo:locatedIn ?country } ORDER BY ?city
"""


@pytest.fixture
def tiny_queries(tiny_project):
    folder = tiny_project / "queries"
    (folder / "cities-of.rq").write_text(CITIES_OF, encoding="utf-8")
    (folder / "label-of.rq").write_text(LABEL_OF, encoding="utf-8")
    return folder


@pytest.fixture
def kinds_query(tiny_queries):
    (tiny_queries / "cities-in.rq").write_text(CITIES_IN, encoding="utf-8")
    return tiny_queries


# nkgeo queries


def test_queries_lists_every_shipped_query(invoke):
    assert SHIPPED, "no queries/*.rq"
    result = invoke("queries")
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.output.splitlines()] == SHIPPED


def test_queries_json(invoke):
    result = invoke("queries", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [q["name"] for q in data] == SHIPPED
    assert all(q["summary"] for q in data)
    assert set(data[0]) == {"name", "summary", "description", "questions", "tags", "params", "sparql"}
    assert all(q["description"] and "SELECT" in q["sparql"] and "#+" not in q["sparql"] for q in data)
    industry = next(q for q in data if q["name"] == "cities-with-industry")["params"][0]
    assert industry == {"name": "industry", "type": "entity", "class": "nkgeo:Industry", "default": "steel", "required": False,
                        "description": "The industry, by name or IRI; narrower industries count too."}


def test_queries_exact_output(invoke, tiny_queries):
    result = invoke("queries")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "cities-of  Cities of a place, by label.  params: [place=testland] [maxlen=20]\n"
        "label-of   The label of one thing. [T1]  params: thing\n"
    )


def test_queries_json_exact_params(invoke, tiny_queries):
    data = json.loads(invoke("queries", "--format", "json").output)
    assert data[1] == {
        "name": "label-of",
        "summary": "The label of one thing.",
        "description": "",
        "questions": ["T1"],
        "tags": [],
        "params": [{"name": "thing", "type": "entity", "class": None, "default": None, "required": True,
                    "description": "The thing to label."}],
        "sparql": "SELECT ?thing ?label WHERE { ?thing rdfs:label ?label }\n",
    }


# nkgeo queries NAME


def test_queries_name_shows_the_query_in_full(invoke, kinds_query):
    result = invoke("queries", "cities-in")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "cities-in: The cities of a country.\n"
        "\n"
        "The parameter names its class, so only countries are found by name and suggested.\n"
        "\n"
        "tags: test, kinds\n"
        "\n"
        "parameters:\n"
        "  country (entity nkgeo:Country, default testland)\n"
        "      The country.\n"
        "\n"
        "run: nkgeo query cities-in\n"
        "\n"
        "sparql:\n"
        "  # A comment of the query stays with its SPARQL.\n"
        "  SELECT ?city ?country WHERE { ?city a nkgeo:City ; nkgeo:locatedIn ?country } ORDER BY ?city\n"
    )


def test_queries_name_of_a_query_with_a_required_parameter(invoke, tiny_queries):
    result = invoke("queries", "label-of")
    assert result.exit_code == 0, result.output
    assert "answers: T1\n" in result.output
    assert "  thing (entity, required)\n      The thing to label.\n" in result.output
    assert "run: nkgeo query label-of -p thing VALUE\n" in result.output


def test_queries_name_json_is_the_entry_of_the_list(invoke, kinds_query):
    one = json.loads(invoke("queries", "cities-in", "--format", "json").output)
    assert one == next(q for q in json.loads(invoke("queries", "--format", "json").output) if q["name"] == "cities-in")
    assert one["params"][0]["class"] == "nkgeo:Country"
    assert one["sparql"].startswith("# A comment of the query stays with its SPARQL.\nSELECT ?city")


def test_queries_name_of_every_shipped_query(invoke):
    for name in SHIPPED:
        result = invoke("queries", name)
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"{name}: ") and "\nsparql:\n" in result.output


def test_queries_unknown_name(invoke, tiny_queries):
    result = invoke("queries", "label-off")
    assert (result.exit_code, result.output) == (1, "Error: no canned query named 'label-off'; did you mean label-of?\n")


def test_queries_in_an_empty_folder(invoke, tiny_project):
    result = invoke("queries")
    assert (result.exit_code, result.output) == (0, "")


def test_queries_unknown_format(invoke):
    result = invoke("queries", "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_queries_malformed_param_line(invoke, tiny_queries):
    (tiny_queries / "broken.rq").write_text("#+ param: place entity\nSELECT * {}\n", encoding="utf-8")
    result = invoke("queries")
    assert result.exit_code == 1
    assert result.output == (
        "Error: broken.rq: malformed param line 'place entity'; expected 'name (type, default X): text'\n"
    )


# nkgeo query


def test_query_biggest_cities_csv(invoke):
    result = invoke("query", "biggest-cities", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows, result.output
    assert {"rank", "city"} <= set(rows[0])
    assert rows[0]["rank"] == "1"
    assert rows[0]["city"] == "https://w3id.org/nkgeo/id/pyongyang"
    ranks = [int(row["rank"]) for row in rows]
    assert ranks == sorted(ranks)


def test_query_table_ends_with_row_count(invoke):
    result = invoke("query", "biggest-cities")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:2] == ["rank", "city"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[-1] == f"({len(lines) - 3} rows)"


def test_query_exact_table(invoke, tiny_queries):
    result = invoke("query", "cities-of")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "city           label       place        maxlen\n"
        "-------------  ----------  -----------  ------\n"
        "id:alphaville  Alphaville  id:testland  20\n"
        "id:betaburg    Betaburg    id:testland  20\n"
        "(2 rows)\n"
    )


def test_query_parameters_are_bound(invoke, tiny_queries):
    result = invoke("query", "cities-of", "-p", "place", "Testland", "--param", "maxlen", "9", "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "?city\t?label\t?place\t?maxlen\n"
        "<https://w3id.org/nkgeo/id/betaburg>\t\"Betaburg\"@en\t<https://w3id.org/nkgeo/id/testland>\t9\n"
    )


def test_query_entity_parameter_by_any_name(invoke, tiny_queries):
    outputs = {invoke("query", "label-of", "-p", "thing", name, "--format", "csv").output
               for name in ("gamma river", "Gamma", "id:gamma-river", "https://w3id.org/nkgeo/id/gamma-river")}
    assert outputs == {"thing,label\nhttps://w3id.org/nkgeo/id/gamma-river,Gamma River\n"}  # CRLF, as click shows it


def test_query_output_file(invoke, tiny_queries, tmp_path):
    target = tmp_path / "out.md"
    result = invoke("query", "cities-of", "--format", "md", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote 2 rows (md, 148 bytes) to {target}\n")
    assert target.read_text(encoding="utf-8") == (
        "| city | label | place | maxlen |\n|---|---|---|---|\n"
        "| id:alphaville | Alphaville | id:testland | 20 |\n| id:betaburg | Betaburg | id:testland | 20 |\n"
    )


def test_query_unknown_name_suggests_close_names(invoke):
    result = invoke("query", "biggest-citys")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no canned query named 'biggest-citys'; did you mean biggest-cities")
    assert isinstance(result.exception, SystemExit)


def test_query_unknown_name_exact(invoke, tiny_queries):
    assert invoke("query", "citys-of").output == "Error: no canned query named 'citys-of'; did you mean cities-of?\n"
    assert invoke("query", "zzz").output == "Error: no canned query named 'zzz'; 'nkgeo queries' lists them\n"


def test_query_unknown_parameter(invoke, tiny_queries):
    result = invoke("query", "cities-of", "-p", "country", "testland")
    assert result.exit_code == 1
    assert result.output == "Error: query cities-of has no parameter 'country'; it takes: place, maxlen\n"


def test_query_unknown_parameter_of_a_shipped_query(invoke):
    result = invoke("query", "biggest-cities", "-p", "nosuch", "x")
    assert result.exit_code == 1
    assert result.output.startswith("Error: query biggest-cities has no parameter 'nosuch'; it takes: ")


def test_query_missing_required_parameter(invoke, tiny_queries):
    result = invoke("query", "label-of")
    assert result.exit_code == 1
    assert result.output == "Error: query label-of needs -p thing VALUE (The thing to label.)\n"


def test_query_integer_parameter_type_error(invoke, tiny_queries):
    result = invoke("query", "cities-of", "-p", "maxlen", "ten")
    assert result.exit_code == 1
    assert result.output == "Error: parameter maxlen must be an integer, not 'ten'\n"


def test_query_parameter_given_twice(invoke, tiny_queries):
    result = invoke("query", "cities-of", "-p", "maxlen", "5", "-p", "maxlen", "6")
    assert result.exit_code == 1
    assert result.output == "Error: parameter 'maxlen' is given twice\n"


def test_query_unknown_entity_parameter(invoke, tiny_queries):
    result = invoke("query", "cities-of", "-p", "place", "Alphavile")
    assert result.exit_code == 1
    assert result.output == "Error: no entity named 'Alphavile'; closest: Alphaville\n"


def test_query_unknown_format(invoke, tiny_queries):
    result = invoke("query", "cities-of", "--format", "yaml")
    assert result.exit_code == 1
    assert result.output == "Error: unknown result format 'yaml'; choose one of table, markdown, json, xml, csv, tsv\n"


def test_query_missing_name(invoke):
    result = invoke("query")
    assert result.exit_code == 2
    assert "Missing argument 'NAME'" in result.output


def test_query_refuses_a_canned_query_nested_too_deep(invoke, tiny_project):
    """A canned query is a file anyone may edit: it passes the same guard as any query, on the fast
    path too (which leaves it to click, having written nothing)."""
    from nkgeo import main

    (tiny_project / "queries" / "deep.rq").write_text("#+ summary: too deep\nSELECT * WHERE " + "{" * 3000 + "}" * 3000 + "\n",
                                                      encoding="utf-8")
    assert main.run_query("deep", [], "table", "all", None) is False
    result = invoke("query", "deep")
    assert result.exit_code == 1
    assert result.output == "Error: the query nests brackets 3000 deep, more than the limit of 200 (--max-depth)\n"


# Parameters of a kind: resolution and suggestions among things of that class only


def test_a_name_of_another_kind_is_not_taken(invoke, kinds_query):
    result = invoke("query", "cities-in", "-p", "country", "Alphaville")
    assert result.exit_code == 1
    assert result.output == "Error: no country named 'Alphaville' ('Alphaville' is id:alphaville, not a country); the countries are: Testland\n"


def test_suggestions_are_of_the_kind_asked_for(invoke, kinds_query):
    result = invoke("query", "cities-in", "-p", "country", "Testlnd")
    assert (result.exit_code, result.output) == (1, "Error: no country named 'Testlnd'; closest countries: Testland\n")
    # Without a class, the same kind of typo is matched against every name.
    assert invoke("query", "cities-of", "-p", "place", "Alphavile").output == "Error: no entity named 'Alphavile'; closest: Alphaville\n"


def test_a_name_of_the_kind_is_resolved(invoke, kinds_query):
    for name in ("Testland", "testland", "id:testland"):
        result = invoke("query", "cities-in", "-p", "country", name, "--format", "csv")
        assert result.output == "city,country\nhttps://w3id.org/nkgeo/id/alphaville,https://w3id.org/nkgeo/id/testland\n" \
            "https://w3id.org/nkgeo/id/betaburg,https://w3id.org/nkgeo/id/testland\n", name


def test_an_empty_result_says_the_parameter_was_of_the_wrong_kind(invoke, kinds_query):
    """An IRI is taken as given; when nothing comes back, stderr says it was not of the expected kind."""
    result = invoke("query", "cities-in", "-p", "country", "id:alphaville")
    assert result.exit_code == 0
    assert result.stdout == "city  country\n----  -------\n(0 rows)\n"
    assert result.stderr == ("note: the result is empty, and country is id:alphaville, which is not a country (nkgeo:Country), "
                             "the kind of thing it expects\n")


def test_an_empty_result_of_the_right_kind_says_nothing(invoke, kinds_query, tiny_project):
    (tiny_project / "graph" / "more.trig").write_text(
        "@prefix graph: <https://w3id.org/nkgeo/graph/> . @prefix id: <https://w3id.org/nkgeo/id/> .\n"
        "@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "graph:gazetteer { id:emptyland a nkgeo:Country ; rdfs:label \"Emptyland\"@en . }\n", encoding="utf-8")
    result = invoke("query", "cities-in", "-p", "country", "Emptyland")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "city  country\n----  -------\n(0 rows)\n", "")


def test_coal_as_an_industry_suggests_industries_not_the_coast(invoke):
    """The issue's case: 'coal' is closest to 'coast' among all names, but the parameter wants an industry."""
    result = invoke("query", "cities-with-industry", "-p", "industry", "coal")
    assert result.exit_code == 1
    message = result.output
    assert message.startswith("Error: no industry named 'coal'; the industries are: ")
    assert "coast" not in message.lower()
    listed = message.split("are: ", 1)[1].rstrip("\n").split(", ")
    assert {"steel industry", "metallurgy", "mining", "textile industry"} <= set(listed)
    assert invoke("query", "cities-with-industry", "-p", "industry", "steeel").output == (
        "Error: no industry named 'steeel'; closest industries: steel industry\n")


def test_a_city_as_an_industry(invoke):
    assert invoke("query", "cities-with-industry", "-p", "industry", "Hamhung").output.startswith(
        "Error: no industry named 'Hamhung' ('Hamhung' is id:hamhung, not an industry); the industries are: ")
    result = invoke("query", "cities-with-industry", "-p", "industry", "id:hamhung")
    assert result.exit_code == 0 and result.stdout.endswith("(0 rows)\n")
    assert "industry is id:hamhung, which is not an industry (nkgeo:Industry)" in result.stderr


# Tables for a terminal


def test_a_table_fits_the_terminal(invoke, tiny_queries, monkeypatch):
    from nkgeo.query import results

    monkeypatch.setattr(results, "terminal_width", lambda stream: 40)
    assert invoke("query", "cities-of").stdout == (
        "city       label      place      maxlen\n"
        "---------  ---------  ---------  ------\n"
        "id:alphav  Alphavill  id:testla  20\n"
        "ille       e          nd\n"
        "id:betabu  Betaburg   id:testla  20\n"
        "rg                    nd\n"
        "(2 rows)\n"
    )
    assert invoke("query", "cities-of", "--fit", "truncate").stdout == (
        "city       label      place      maxlen\n"
        "---------  ---------  ---------  ------\n"
        "id:alpha…  Alphavil…  id:testl…  20\n"
        "id:betab…  Betaburg   id:testl…  20\n"
        "(2 rows)\n"
    )
    assert "id:alphaville  Alphaville  id:testland  20\n" in invoke("query", "cities-of", "--fit", "off").stdout
    assert "id:alphav  Alphavill" in invoke("sparql", "SELECT ?city ?label ?place ?maxlen WHERE { ?city a nkgeo:City ; "
                                            "rdfs:label ?label ; nkgeo:locatedIn ?place BIND(20 AS ?maxlen) } ORDER BY ?city").stdout


def test_a_table_not_for_a_terminal_keeps_whole_cells(invoke, tiny_queries):
    from nkgeo.query import results

    assert results.terminal_width(__import__("io").StringIO()) is None
    assert "id:alphaville  Alphaville  id:testland  20\n" in invoke("query", "cities-of").stdout
