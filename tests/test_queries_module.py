"""``nkgeo.query.canned``: reading ``#+`` headers and parameter lines, and binding parameter values."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nkgeo.errors import ParameterError, UnknownQueryError
from nkgeo.query.canned import Parameter, bind, catalogue, get, load_query, parse_header, parse_param

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

RANKED = """\
# A leading comment is allowed.
#+ summary: Cities ranked within a place,
#+ summary: best first.
#+ description: Answers Q1.
#+ cq: Q1, Q7
#+ tags: population, ranking ,
#+ param: scope (entity, default north-korea): The place ranked within.
#+ param: top (integer, default 10): How many.
#+ param: word (string): A word to look for.
#+ param: thing (iri, required): Any IRI.
#+ param: maybe (entity, optional): Left out when not given.

SELECT ?scope ?top ?word ?thing ?maybe WHERE {
#+ summary: not a header any more, the query has begun
}
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "ranked-cities.rq").write_text(RANKED, encoding="utf-8")
    (tmp_path / "plain.rq").write_text("ASK {}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("#+ summary: not a query\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def ranked(folder):
    return load_query(folder / "ranked-cities.rq")


def test_parse_header():
    assert parse_header(RANKED) == {
        "summary": ["Cities ranked within a place,", "best first."],
        "description": ["Answers Q1."],
        "cq": ["Q1, Q7"],
        "tags": ["population, ranking ,"],
        "param": [
            "scope (entity, default north-korea): The place ranked within.",
            "top (integer, default 10): How many.",
            "word (string): A word to look for.",
            "thing (iri, required): Any IRI.",
            "maybe (entity, optional): Left out when not given.",
        ],
    }


def test_parse_header_keys_fold_case_and_empty_values():
    assert parse_header("#+ Summary:\n#+TAGS:a\nSELECT * {}") == {"summary": [""], "tags": ["a"]}


def test_load_query(ranked, folder):
    assert ranked.name == "ranked-cities"
    assert ranked.path == folder / "ranked-cities.rq"
    assert ranked.text == RANKED
    assert ranked.summary == "Cities ranked within a place, best first."
    assert ranked.description == "Answers Q1."
    assert ranked.questions == ("Q1", "Q7")
    assert ranked.tags == ("population", "ranking")
    assert [p.name for p in ranked.params] == ["scope", "top", "word", "thing", "maybe"]
    assert ranked.param("top") == Parameter("top", "integer", "10", False, "How many.")
    assert ranked.param("nosuch") is None


def test_query_without_header(folder):
    plain = load_query(folder / "plain.rq")
    assert (plain.summary, plain.questions, plain.tags, plain.params) == ("", (), (), ())


def test_parse_param_with_a_class():
    assert parse_param("industry (entity nkgeo:Industry, default steel): The industry.") == Parameter(
        "industry", "entity", "steel", False, "The industry.", "https://w3id.org/nkgeo/ontology#Industry")
    assert parse_param("c (iri <http://example.org/C>, required): A C.").expects == "http://example.org/C"
    assert parse_param("c (iri owl:Class): Any class.").kind() == "iri owl:Class"


@pytest.mark.parametrize(("line", "message"), [
    ("n (integer nkgeo:City): Rows.", "q.rq: param n: only entity and iri parameters name a class, not integer"),
    ("x (entity nope:City): X.", "q.rq: param x: unknown prefix 'nope' in nope:City"),
])
def test_parse_param_with_a_bad_class(line, message):
    with pytest.raises(ParameterError) as error:
        parse_param(line, "q.rq: ")
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("place (entity, default north-korea): The place.", Parameter("place", "entity", "north-korea", False, "The place.")),
        ("n (integer, default 10): Rows.", Parameter("n", "integer", "10", False, "Rows.")),
        ("q (string): Text: with a colon.", Parameter("q", "string", None, False, "Text: with a colon.")),
        ("iri (iri, required): Any.", Parameter("iri", "iri", None, True, "Any.")),
        ("x (entity , optional) :  Spaced.", Parameter("x", "entity", None, False, "Spaced.")),
        ("label (string, default South Hamgyong Province): Multi-word default.",
         Parameter("label", "string", "South Hamgyong Province", False, "Multi-word default.")),
    ],
)
def test_parse_param(line, expected):
    assert parse_param(line) == expected


@pytest.mark.parametrize(("param", "signature"), [
    (Parameter("a", "entity", "x", False, ""), "[a=x]"),
    (Parameter("a", "entity", None, True, ""), "a"),
    (Parameter("a", "entity", None, False, ""), "[a]"),
])
def test_signature(param, signature):
    assert param.signature() == signature


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("place: no type", "q.rq: malformed param line 'place: no type'; expected 'name (type, default X): text'"),
        ("place (entity)", "q.rq: malformed param line 'place (entity)'; expected 'name (type, default X): text'"),
        ("9lives (integer): Starts with a digit.", "q.rq: malformed param line '9lives (integer): Starts with a digit.'; "
                                                   "expected 'name (type, default X): text'"),
        ("place (city, default x): Wrong type.", "q.rq: param place has unknown type 'city'"),
    ],
)
def test_parse_param_errors(line, message):
    with pytest.raises(ParameterError) as error:
        parse_param(line, "q.rq: ")
    assert str(error.value) == message


def test_malformed_param_line_names_the_file(tmp_path):
    (tmp_path / "bad.rq").write_text("#+ param: x integer\nASK {}\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"^bad\.rq: malformed param line 'x integer'"):
        catalogue(tmp_path)


def test_catalogue_is_sorted_and_reads_only_rq(folder):
    assert list(catalogue(folder)) == ["plain", "ranked-cities"]


def test_get(folder):
    assert get("plain", folder).name == "plain"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("ranked-city", "no canned query named 'ranked-city'; did you mean ranked-cities?"),
        ("zzz", "no canned query named 'zzz'; 'nkgeo queries' lists them"),
    ],
)
def test_get_unknown(folder, name, message):
    with pytest.raises(UnknownQueryError) as error:
        get(name, folder)
    assert str(error.value) == message


# Binding


def resolver(calls: list, kinds: list | None = None):
    def resolve(text: str, expects: str | None = None) -> str:
        calls.append(text)
        if kinds is not None:
            kinds.append(expects)
        if text == "nowhere":
            from nkgeo.errors import UnknownEntityError

            raise UnknownEntityError("no entity named 'nowhere'")
        return "https://w3id.org/nkgeo/id/" + text.lower().replace(" ", "-")

    return resolve


def test_bind_defaults_and_given_values(ranked):
    calls: list = []
    terms = bind(ranked, {"thing": "id:x", "word": "steel", "top": "3"}, resolver(calls))
    assert terms == {
        "scope": ox.NamedNode("https://w3id.org/nkgeo/id/north-korea"),
        "top": ox.Literal("3", datatype=XSD_INTEGER),
        "word": ox.Literal("steel"),
        "thing": ox.NamedNode("https://w3id.org/nkgeo/id/id:x"),
    }
    assert calls == ["north-korea", "id:x"]  # only entity and iri values are resolved


def test_bind_passes_the_class_a_parameter_expects(tmp_path):
    (tmp_path / "q.rq").write_text("#+ param: place (entity nkgeo:Country, default north-korea): A country.\n"
                                   "#+ param: other (entity, optional): Anything.\nSELECT ?place ?other {}\n", encoding="utf-8")
    kinds: list = []
    bind(load_query(tmp_path / "q.rq"), {"other": "x"}, resolver([], kinds))
    assert kinds == ["https://w3id.org/nkgeo/ontology#Country", None]


def test_bind_entity_by_name(ranked):
    terms = bind(ranked, {"thing": "x", "scope": "South Hamgyong"}, resolver([]))
    assert terms["scope"] == ox.NamedNode("https://w3id.org/nkgeo/id/south-hamgyong")


def test_bind_integer_is_normalised(ranked):
    assert bind(ranked, {"thing": "x", "top": " 007 "}, resolver([]))["top"] == ox.Literal("7", datatype=XSD_INTEGER)


@pytest.mark.parametrize("value", ["ten", "1.5", ""])
def test_bind_integer_type_error(ranked, value):
    with pytest.raises(ParameterError) as error:
        bind(ranked, {"thing": "x", "top": value}, resolver([]))
    assert str(error.value) == f"parameter top must be an integer, not {value!r}"


def test_bind_unknown_parameter(ranked):
    with pytest.raises(ParameterError) as error:
        bind(ranked, {"thing": "x", "limit": "5", "zone": "y"}, resolver([]))
    assert str(error.value) == "query ranked-cities has no parameter 'limit'; it takes: scope, top, word, thing, maybe"


def test_bind_parameter_of_a_query_without_any(folder):
    with pytest.raises(ParameterError) as error:
        bind(load_query(folder / "plain.rq"), {"x": "1"}, resolver([]))
    assert str(error.value) == "query plain has no parameter 'x'; it takes: no parameters"


def test_bind_missing_required_parameter(ranked):
    with pytest.raises(ParameterError) as error:
        bind(ranked, {}, resolver([]))
    assert str(error.value) == "query ranked-cities needs -p thing VALUE (Any IRI.)"


def test_bind_unknown_entity(ranked):
    from nkgeo.errors import UnknownEntityError

    with pytest.raises(UnknownEntityError):
        bind(ranked, {"thing": "x", "scope": "nowhere"}, resolver([]))


def test_bound_values_are_terms_not_text(ranked):
    """A value is substituted as a term: quotes or braces in it cannot change the query."""
    store = ox.Store()
    terms = bind(ranked, {"thing": "x", "word": '"} UNION { ?s ?p ?o'}, resolver([]))
    [row] = list(store.query("SELECT ?word WHERE { }", substitutions={ox.Variable("word"): terms["word"]}))
    assert row["word"] == ox.Literal('"} UNION { ?s ?p ?o')
