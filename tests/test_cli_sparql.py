"""``nkgeo sparql``: any read-only query, from an argument, a file or stdin, over a chosen graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nkgeo.rdfio import jsonld_context

CAPITALS = "SELECT ?city ?label WHERE { ?city a nkgeo:ProvincialCapital ; rdfs:label ?label } ORDER BY ?label"
CAPITALS_JSON = {
    "head": {"vars": ["city", "label"]},
    "results": {
        "bindings": [
            {"city": {"type": "uri", "value": "https://w3id.org/nkgeo/id/chongjin"},
             "label": {"type": "literal", "value": "Chongjin", "xml:lang": "en"}},
            {"city": {"type": "uri", "value": "https://w3id.org/nkgeo/id/hamhung"},
             "label": {"type": "literal", "value": "Hamhung", "xml:lang": "en"}},
        ]
    },
}
STEEL_TOWN = "ASK { id:kimchaek a nkgeo:SteelTown }"
LOCATED = "ASK { id:hamhung nkgeo:locatedIn id:north-korea }"
LABEL = "CONSTRUCT { id:hamhung rdfs:label ?l } WHERE { id:hamhung rdfs:label ?l }"


def test_sparql_from_argument(invoke):
    result = invoke("sparql", CAPITALS)
    assert result.exit_code == 0, result.output
    assert result.output == (
        "city         label\n"
        "-----------  --------\n"
        "id:chongjin  Chongjin\n"
        "id:hamhung   Hamhung\n"
        "(2 rows)\n"
    )


def test_sparql_json_parses(invoke):
    result = invoke("sparql", CAPITALS, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == CAPITALS_JSON


def test_sparql_from_file(invoke, tmp_path):
    path = tmp_path / "capitals.rq"
    path.write_text(f"# the provincial capitals\n{CAPITALS}\n", encoding="utf-8")
    result = invoke("sparql", "-f", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == CAPITALS_JSON


@pytest.mark.parametrize("args", [["-"], ["-f", "-"]], ids=["dash", "file-dash"])
def test_sparql_from_stdin(invoke, args):
    result = invoke("sparql", *args, "--format", "json", input=CAPITALS)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == CAPITALS_JSON


def test_sparql_with_its_own_prefixes(invoke):
    query = "PREFIX c: <https://w3id.org/nkgeo/id/> PREFIX n: <https://w3id.org/nkgeo/ontology#> ASK { c:hamhung a n:City }"
    assert invoke("sparql", query).output == "yes\n"


@pytest.mark.parametrize(
    ("query", "graph", "answer"),
    [
        (STEEL_TOWN, "all", "yes"),
        (STEEL_TOWN, "asserted", "no"),
        (STEEL_TOWN, "inferred", "yes"),
        (LOCATED, "all", "yes"),
        (LOCATED, "asserted", "yes"),
        (LOCATED, "inferred", "no"),
    ],
)
def test_sparql_graph_choice(invoke, query, graph, answer):
    """kimchaek is a steel town by inference only; hamhung lies in North Korea by assertion only."""
    result = invoke("sparql", query, "--graph", graph)
    assert result.exit_code == 0, result.output
    assert result.output == f"{answer}\n"


def test_sparql_ask_json(invoke):
    result = invoke("sparql", STEEL_TOWN, "--graph", "asserted", "--format", "json")
    assert json.loads(result.output) == {"head": {}, "boolean": False}


def test_sparql_construct_table_and_rdf(invoke):
    assert invoke("sparql", LABEL).output == (
        "subject     predicate   object\n"
        "----------  ----------  -------\n"
        "id:hamhung  rdfs:label  Hamhung\n"
        "(1 row)\n"
    )
    turtle = invoke("sparql", LABEL, "--format", "ttl").output
    assert turtle.splitlines()[-1] == 'id:hamhung rdfs:label "Hamhung"@en .'
    document = json.loads(invoke("sparql", LABEL, "--format", "json").output)  # JSON-LD, compacted with the shipped context
    assert document["@graph"] == [{"@id": "id:hamhung", "label": {"en": "Hamhung"}}]
    assert document["@context"] == jsonld_context()


def test_sparql_output_file(invoke, tmp_path):
    target = tmp_path / "answer.csv"
    result = invoke("sparql", CAPITALS, "--format", "csv", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote 2 rows (csv, 100 bytes) to {target}\n")
    assert target.read_bytes() == (
        b"city,label\r\nhttps://w3id.org/nkgeo/id/chongjin,Chongjin\r\nhttps://w3id.org/nkgeo/id/hamhung,Hamhung\r\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["answer.csv"]


def test_sparql_output_file_of_a_graph_and_of_a_boolean(invoke, tmp_path):
    target = tmp_path / "answer.ttl"
    result = invoke("sparql", "CONSTRUCT { ?c a nkgeo:PortCity } WHERE { ?c a nkgeo:PortCity }", "--format", "turtle", "-o", str(target))
    assert result.stderr == f"wrote 3 triples (turtle, {target.stat().st_size} bytes) to {target}\n"  # Wonsan was a port, it is not one
    result = invoke("sparql", "ASK { id:hamhung a nkgeo:City }", "--format", "json", "-o", str(target))
    assert result.stderr == f"wrote the answer yes (json, {target.stat().st_size} bytes) to {target}\n"


# Bad input


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ("SELECT ?x WHERE { ?x a }", "1:"),
        ("SELECT ?x WHERE {\n  ?x a nkgeo:City .\n  FILTER( }", "3:"),
        ("SELEKT ?x WHERE { ?x ?p ?o }", "1:"),
    ],
)
def test_sparql_malformed(invoke, query, position):
    result = invoke("sparql", query)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a traceback
    assert result.stdout == ""
    assert re.fullmatch(r"Error: malformed query: error at (\d+):(\d+): [^\n]+\n", result.stderr), result.stderr
    assert result.stderr.startswith(f"Error: malformed query: error at {position}")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { id:a nkgeo:near id:b }",
        "PREFIX x: <http://example.org/> INSERT DATA { x:a x:b x:c }",
        "# a comment\nprefix x: <http://example.org/>\nBASE <http://example.org/>\ninsert data { x:a x:b x:c }",
        "DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "LOAD <http://example.org/data.ttl>",
    ],
)
def test_sparql_update_is_refused(invoke, update):
    result = invoke("sparql", update)
    assert result.exit_code == 1
    keyword = re.search(r"\b(insert|delete|clear|load)\b", update, re.I).group(1).upper()
    assert result.output == (
        f"Error: SPARQL Update ({keyword}) is not allowed: the graph is read-only from the CLI; edit the files in graph/\n"
    )


def test_sparql_update_from_stdin_is_refused(invoke):
    result = invoke("sparql", "-", input="PREFIX x: <http://example.org/>\nINSERT DATA { x:a x:b x:c }\n")
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL Update (INSERT) is not allowed")


def test_sparql_unreadable_file(invoke, tmp_path):
    missing = tmp_path / "missing.rq"
    result = invoke("sparql", "-f", str(missing))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot read query file {missing}: No such file or directory\n"


def test_sparql_file_is_a_directory(invoke, tmp_path):
    result = invoke("sparql", "-f", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot read query file {tmp_path}: Is a directory\n"


def test_sparql_file_not_utf8(invoke, tmp_path):
    path = tmp_path / "latin1.rq"
    path.write_bytes("ASK { ?s rdfs:label \"Pjöngjang\" }".encode("latin-1"))
    result = invoke("sparql", "-f", str(path))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot read query file {path}: 'utf-8' codec can't decode")


def test_sparql_no_query(invoke):
    result = invoke("sparql")
    assert result.exit_code == 1
    assert result.output == "Error: no query: give one as an argument, with -f FILE, or - for stdin\n"


def test_sparql_query_and_file(invoke, tmp_path):
    result = invoke("sparql", "ASK {}", "-f", str(tmp_path / "q.rq"))
    assert result.exit_code == 1
    assert result.output == "Error: give the query as an argument or with -f FILE, not both\n"


def test_sparql_unknown_format(invoke):
    result = invoke("sparql", CAPITALS, "--format", "yaml")
    assert result.exit_code == 1
    assert result.output == "Error: unknown result format 'yaml'; choose one of table, markdown, json, xml, csv, tsv\n"


def test_sparql_solution_format_for_a_graph_result(invoke):
    result = invoke("sparql", LABEL, "--format", "csv")
    assert result.exit_code == 1
    assert result.output == "Error: csv is a format for SELECT/ASK results; a graph result takes an RDF format such as turtle\n"


def test_sparql_unknown_graph_choice(invoke):
    result = invoke("sparql", CAPITALS, "--graph", "ontology")
    assert result.exit_code == 2
    assert "Invalid value for '--graph'" in result.output


def test_sparql_failure_while_reading_results_is_one_line(invoke):
    """pyoxigraph evaluates lazily: a SERVICE that cannot be reached fails while the rows are read."""
    result = invoke("sparql", "SELECT * WHERE { SERVICE <http://nkgeo.invalid/sparql> { ?s ?p ?o } }")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert re.fullmatch(r"Error: query failed: [^\n]+\n", result.output)


# Updates in disguise (tests/data/sparql/disguised-updates.json): each is an update to pyoxigraph's
# update parser, or would be once its escapes are decoded and its invisible or full-width characters
# read as a person reads them; each must get the read-only message, never "malformed query".
DISGUISED_UPDATES = json.loads((Path(__file__).parent / "data" / "sparql" / "disguised-updates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("update", DISGUISED_UPDATES.values(), ids=DISGUISED_UPDATES.keys())
def test_sparql_disguised_update_gets_the_read_only_message(invoke, update):
    result = invoke("sparql", update)
    assert result.exit_code == 1
    assert re.fullmatch(r"Error: SPARQL Update \((INSERT|DELETE|DROP)\) is not allowed: the graph is read-only from the CLI; "
                        r"edit the files in graph/\n", result.output), result.output


def nested(depth: int) -> str:
    return "SELECT * WHERE " + "{" * depth + "}" * depth


def test_sparql_refuses_a_query_nested_too_deep(invoke):
    """pyoxigraph's parser recurses: about 2,200 groups deep it overflows the stack and the process
    dies (SIGSEGV). The query is refused before it reaches the parser."""
    result = invoke("sparql", nested(5000))
    assert result.exit_code == 1
    assert result.output == "Error: the query nests brackets 5000 deep, more than the limit of 200 (--max-depth)\n"


def test_sparql_depth_limit_is_a_setting(invoke):
    assert invoke("sparql", nested(200), "--format", "csv").exit_code == 0
    assert invoke("sparql", nested(201)).output == "Error: the query nests brackets 201 deep, more than the limit of 200 (--max-depth)\n"
    assert invoke("sparql", nested(201), "--max-depth", "300", "--format", "csv").exit_code == 0
    deep = "ASK { FILTER(" + "(" * 30 + "true" + ")" * 30 + ") }"
    assert invoke("sparql", deep, "--max-depth", "20").output == (
        "Error: the query nests brackets 32 deep, more than the limit of 20 (--max-depth)\n")


def test_sparql_depth_of_brackets_in_strings_and_comments_does_not_count(invoke):
    text = 'ASK { ?s ?p "' + "{" * 500 + '" } # ' + "(" * 500
    result = invoke("sparql", text, "--format", "json")
    assert result.exit_code == 0, result.output
