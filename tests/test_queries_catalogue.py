"""The canned queries in ``queries/*.rq``: headers, parameters, and that both engines parse them.

Each file starts with ``#+ key: value`` header lines (summary, description, cq, tags, param), then
its own PREFIX declarations, then one SPARQL 1.1 query. A parameter is the SPARQL variable of the
same name, bound by the engine (pyoxigraph ``substitutions``), which requires the variable to be
projected by the SELECT; the oxigraph test below binds every parameter to catch a query that
does not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"
QUERY_FILES = sorted(QUERY_DIR.glob("*.rq"))

HEADER_KEYS = {"summary", "description", "cq", "tags", "param"}
PARAM_TYPES = {"string", "integer", "entity", "iri"}
HEADER_LINE = re.compile(r"^#\+ (?P<key>[a-z]+): (?P<value>\S.*)$")
PARAM_LINE = re.compile(
    r"^(?P<name>[a-z][a-z0-9_]*) \((?P<type>[a-z]+)(?: (?P<class>[a-z]+:[A-Za-z]\w*))?(?:, (?P<mode>required|optional|default \S[^)]*))?\): "
    r"(?P<text>\S.*)$"
)
COMPETENCY_QUESTIONS = {f"Q{n}" for n in range(1, 15)}

# A dummy term for each parameter type, to bind every parameter in the parse test.
DUMMY = {
    "string": ("literal", "x"),
    "integer": ("integer", "1"),
    "entity": ("iri", "https://w3id.org/nkgeo/id/hamhung"),
    "iri": ("iri", "https://w3id.org/nkgeo/ontology#capitalOf"),
}


def header(path: Path) -> dict[str, list[str]]:
    """The header lines of a query as key -> values, checking their form on the way."""
    found: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.startswith("#+"):
            break
        match = HEADER_LINE.match(line)
        assert match, f"{path.name}:{number}: malformed header line {line!r}"
        found.setdefault(match.group("key"), []).append(match.group("value"))
    return found


def body(path: Path) -> str:
    """The query without its header lines and comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    return "\n".join(lines)


def params(path: Path) -> list[re.Match]:
    return [PARAM_LINE.match(value) for value in header(path).get("param", [])]


def tags(path: Path) -> set[str]:
    return {t.strip() for value in header(path).get("tags", []) for t in value.split(",")}


# Queries tagged "network" (federated, SERVICE) reach the internet: parsed and bound here, never run.
NETWORK_QUERIES = [path for path in QUERY_FILES if "network" in tags(path)]


def test_the_glob_matched_the_queries():
    assert QUERY_DIR.is_dir(), QUERY_DIR
    assert len(QUERY_FILES) >= 14, [p.name for p in QUERY_FILES]


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_name_is_kebab_case(path):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", path.stem), path.name


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_header_has_summary_description_and_tags(path):
    found = header(path)
    assert set(found) <= HEADER_KEYS, f"unknown header keys {set(found) - HEADER_KEYS}"
    assert len(found.get("summary", [])) == 1, "exactly one summary line"
    assert found.get("description"), "a description is required"
    tags = [t.strip() for value in found.get("tags", []) for t in value.split(",")]
    assert tags and all(tags), f"tags must be a comma-separated, non-empty list: {tags}"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_header_comes_first(path):
    """Header lines sit at the very top; none is lost further down the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    top = 0
    while top < len(lines) and lines[top].startswith("#+"):
        top += 1
    assert top > 0, "the file must start with #+ header lines"
    assert not any(line.startswith("#+") for line in lines[top:]), "a #+ line after the header"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_params_are_well_formed(path):
    names = []
    for value, match in zip(header(path).get("param", []), params(path), strict=True):
        assert match, f"malformed param line {value!r}; expected 'name (type[, required|optional|default X]): text'"
        assert match.group("type") in PARAM_TYPES, f"unknown param type {match.group('type')!r}"
        name = match.group("name")
        names.append(name)
        assert re.search(rf"\?{name}\b", body(path)), f"param {name} is not the variable ?{name} of the query"
    assert len(names) == len(set(names)), f"a param is declared twice: {names}"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_cq_values_name_competency_questions(path):
    for value in header(path).get("cq", []):
        for item in value.split(","):
            assert item.strip() in COMPETENCY_QUESTIONS, f"unknown competency question {item.strip()!r}"


def test_the_competency_questions_are_all_covered():
    covered = {
        item.strip() for path in QUERY_FILES for value in header(path).get("cq", []) for item in value.split(",")
    }
    assert COMPETENCY_QUESTIONS <= covered, f"no canned query answers {sorted(COMPETENCY_QUESTIONS - covered)}"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_parses_with_rdflib(path):
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_parses_and_binds_with_pyoxigraph(path):
    """An empty store runs the query with every parameter bound: syntax, prefixes and projection."""
    import pyoxigraph as ox

    substitutions = {}
    for match in params(path):
        kind, value = DUMMY[match.group("type")]
        if kind == "iri":
            term = ox.NamedNode(value)
        elif kind == "integer":
            term = ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
        else:
            term = ox.Literal(value)
        substitutions[ox.Variable(match.group("name"))] = term
    # No prefixes are given to the engine: each query must declare its own.
    result = ox.Store().query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True, substitutions=substitutions)
    if path in NETWORK_QUERIES:
        return  # parsed and bound; evaluating it (reading the result) would call the remote service
    assert list(result) == []


def test_there_is_a_federated_query_and_it_says_it_needs_the_network():
    assert NETWORK_QUERIES, "no canned query is tagged network"
    for path in NETWORK_QUERIES:
        assert "federated" in tags(path), path.name
        assert "SERVICE" in body(path), path.name
        assert "network access" in " ".join(header(path)["description"]), path.name


def test_no_test_runs_a_network_query():
    """The suite runs offline: no test runs a network query through the CLI (``query NAME``) or the
    library (``get(NAME)``, ``load_query``). A test may still name one to check that it is refused
    (the SPARQL server answers 403 to a SERVICE call)."""
    for test_file in sorted(Path(__file__).parent.glob("test_*.py")):
        text = test_file.read_text(encoding="utf-8")
        for path in NETWORK_QUERIES:
            name = re.escape(path.stem)
            runs = re.search(rf"""["']query["']\s*,\s*["']{name}["']|get\(\s*["']{name}["']|{name}\.rq""", text)
            assert not runs, f"{test_file.name} runs the network query {path.stem}: {runs.group(0)!r}"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_select_results_are_ordered(path):
    text = body(path)
    if re.search(r"^\s*SELECT\b", text, re.MULTILINE | re.IGNORECASE):
        assert re.search(r"^ORDER BY\b", text, re.MULTILINE), "a SELECT query needs a top-level ORDER BY"


def test_nkgeo_reads_the_same_catalogue():
    """The package's own reader agrees with the checks above on names and parameters."""
    from nkgeo.query import canned

    catalogue = canned.catalogue(QUERY_DIR)
    assert sorted(catalogue) == sorted(p.stem for p in QUERY_FILES)
    for path in QUERY_FILES:
        query = catalogue[path.stem]
        assert query.summary and query.description and query.tags
        assert [p.name for p in query.params] == [m.group("name") for m in params(path)]
        for param, match in zip(query.params, params(path), strict=True):
            assert param.type == match.group("type")
            mode = match.group("mode") or "optional"
            assert param.required == (mode == "required")
            assert param.default == (mode[len("default "):] if mode.startswith("default ") else None)


def test_listed_subproperties_of_located_in_match_the_ontology():
    """Two queries list the subproperties of nkgeo:locatedIn instead of using rdfs:subPropertyOf+ (Virtuoso 7.2
    finds nothing for that path inside an OPTIONAL); the lists must follow the ontology."""
    import rdflib

    nkgeo = "https://w3id.org/nkgeo/ontology#"
    ontology = rdflib.Graph().parse(QUERY_DIR.parent / "ontology" / "nkgeo.ttl")
    subprops = {
        str(p).split("#")[1]
        for p in ontology.transitive_subjects(rdflib.RDFS.subPropertyOf, rdflib.URIRef(nkgeo + "locatedIn"))
    }
    blocks = []
    for name in ("cities-in-country", "special-zones"):
        text = (QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8")
        blocks += re.findall(r"VALUES \?\w+ \{([^}]*)\}", text)
    assert blocks
    for block in blocks:
        listed = set(re.findall(r"nkgeo:(\w+)", block))
        assert listed - {"locatedIn"} == subprops - {"locatedIn"}, block


@pytest.mark.parametrize("path", [p for p in QUERY_FILES if any(m.group("class") for m in params(p))], ids=lambda p: p.stem)
def test_a_parameter_class_is_a_class_and_its_default_of_that_class(path, compiled):
    """``industry (entity nkgeo:Industry, default steel)``: the class exists, and the default names a
    thing of it (the CLI resolves names among things of that class only)."""
    from nkgeo import namespaces as ns
    from nkgeo.query.canned import load_query
    from nkgeo.query.names import Resolver

    resolver = Resolver(compiled)
    for param in load_query(path).params:
        if param.expects is None:
            continue
        vocabulary = param.expects.startswith((ns.OWL_NS, ns.RDFS_NS))  # owl:Class is not declared a class of itself
        assert vocabulary or compiled.query(f"ASK {{ <{param.expects}> a owl:Class }}"), f"{param.name}: {ns.compact(param.expects)} is not a class"
        if param.default is not None:
            assert resolver.index.is_a(resolver(param.default, param.expects), param.expects), param.name


def test_some_parameters_name_their_class():
    """The industry of cities-with-industry is the issue's example: -p industry coal must suggest industries."""
    from nkgeo.query import canned

    assert canned.catalogue(QUERY_DIR)["cities-with-industry"].param("industry").expects == "https://w3id.org/nkgeo/ontology#Industry"
