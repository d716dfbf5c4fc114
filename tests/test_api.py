"""The Python API (nkgeo.open, query, sparql, entity): its docstring examples, rows as dicts, DataFrames, errors."""

from __future__ import annotations

import datetime
import doctest
import subprocess
import sys

import pytest

import nkgeo
from nkgeo import api, resources
from nkgeo.errors import NkgeoError, ParameterError, QueryError, UnknownEntityError, UnknownQueryError


@pytest.fixture(scope="module")
def kg(compiled):
    return nkgeo.open()


def test_the_docstring_examples_hold():
    results = doctest.testmod(api, optionflags=doctest.ELLIPSIS)
    assert results.attempted >= 8 and results.failed == 0


def test_import_nkgeo_stays_light():
    """``nkgeo query`` starts through the package: importing it must not bring rdflib, pyoxigraph or click."""
    code = "import sys, nkgeo; print(sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'pyoxigraph', 'click', 'pandas')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out == "[]\n"


def test_a_canned_query_gives_rows_as_dicts(kg):
    rows = kg.query("biggest-cities")
    assert rows.columns == ["rank", "city", "cityLabel", "scope", "scopeLabel", "sources"]
    assert rows[0]["rank"] == 1 and rows[0]["city"] == "https://w3id.org/nkgeo/id/pyongyang"
    assert all(isinstance(row["rank"], int) for row in rows)


def test_entity_parameters_take_any_name(kg):
    by_slug = kg.query("cities-with-industry", industry="steel")
    by_label = kg.query("cities-with-industry", industry="Steel")
    assert by_slug == by_label and {row["cityLabel"] for row in by_slug} >= {"Chongjin", "Kimchaek"}
    assert kg.query("population-estimates", place="함흥") == kg.query("population-estimates", place="hamhung")


def test_construct_gives_triples_and_ask_a_bool(kg):
    triples = kg.sparql("CONSTRUCT { id:hamhung nkgeo:capitalOf ?p } WHERE { id:hamhung nkgeo:capitalOf ?p }")
    assert triples.columns == ["subject", "predicate", "object"]
    assert triples == [{"subject": "https://w3id.org/nkgeo/id/hamhung", "predicate": "https://w3id.org/nkgeo/ontology#capitalOf",
                        "object": "https://w3id.org/nkgeo/id/south-hamgyong-province"}]
    assert kg.sparql("ASK { id:hamhung nkgeo:capitalOf id:north-korea }") is False


def test_graphs_narrow_the_default_graph(kg):
    text = "SELECT ?c WHERE { id:kimchaek a ?c } ORDER BY ?c"
    asserted = {row["c"] for row in kg.sparql(text, graphs="asserted")}
    inferred = {row["c"] for row in kg.sparql(text, graphs="inferred")}
    assert "https://w3id.org/nkgeo/ontology#SteelTown" in inferred - asserted


def test_an_entity_has_its_facts_and_sources(kg):
    hamhung = kg.entity("Hamhŭng")
    assert (hamhung.iri, hamhung.id, hamhung.label) == ("https://w3id.org/nkgeo/id/hamhung", "id:hamhung", "Hamhung")
    capital = next(f for f in hamhung.facts if f["predicate"] == "nkgeo:capitalOf")
    assert capital["object_label"] == "South Hamgyong Province"
    assert any(s.get("document") for s in capital["sources"])
    assert hamhung.documents == sorted(hamhung.documents) and len(hamhung.documents) == 2
    assert str(hamhung).startswith("Hamhung  (id:hamhung)\n\nFacts:\n")
    closed = next(c for c in hamhung.claims if "foreign visitors" in c["text"])
    assert closed["kind"] == "restriction" and closed["certainty"]["stated_current"]
    assert all(f["certainty"]["stated_current"] for f in kg.entity("hamhung", stated_current=True).facts)
    assert all(not f["inferred"] for f in kg.entity("hamhung", inferred=False).facts)


def test_to_dataframe(kg):
    import pandas  # in the 'test' extra

    frame = kg.query("capitals").to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == kg.query("capitals").columns and len(frame) == len(kg.query("capitals"))


def test_to_dataframe_without_pandas(kg, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(NkgeoError, match=r"^pandas is not installed; install it with: pip install pandas$"):
        kg.query("capitals").to_dataframe()


def test_values_become_python_values():
    import pyoxigraph as ox

    def literal(text, datatype):
        return ox.Literal(text, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#" + datatype))

    assert api.value(literal("42", "integer")) == 42
    assert api.value(literal("2.5", "double")) == 2.5
    assert api.value(literal("41.79556", "decimal")) == 41.79556
    assert api.value(literal("true", "boolean")) is True
    assert api.value(literal("1950-06-25", "date")) == datetime.date(1950, 6, 25)
    assert api.value(literal("1950", "gYear")) == 1950
    assert api.value(ox.Literal("함흥", language="ko")) == "함흥"
    assert api.value(ox.NamedNode("https://w3id.org/nkgeo/id/hamhung")) == "https://w3id.org/nkgeo/id/hamhung"
    assert api.value(None) is None


def test_open_a_project_folder(tiny_project, monkeypatch):
    monkeypatch.setattr(resources, "_chosen", None)
    kg = nkgeo.open(tiny_project)
    assert kg.sparql("SELECT ?c WHERE { ?c a nkgeo:City } ORDER BY ?c") == [
        {"c": "https://w3id.org/nkgeo/id/alphaville"}, {"c": "https://w3id.org/nkgeo/id/betaburg"}]
    assert kg.queries() == {}
    assert resources.project_dir() == tiny_project.resolve()


# Bad input: the library's one-line errors


def test_errors(kg):
    with pytest.raises(UnknownQueryError, match="no canned query named 'biggest-city'; did you mean biggest-cities"):
        kg.query("biggest-city")
    with pytest.raises(ParameterError, match="has no parameter 'town'"):
        kg.query("cities-with-industry", town="steel")
    with pytest.raises(UnknownEntityError, match="closest: Hamhung"):
        kg.entity("Hamhnug")
    with pytest.raises(QueryError, match="SPARQL Update is not allowed"):
        kg.sparql("INSERT DATA { id:a id:b id:c }")
    with pytest.raises(QueryError, match="malformed query"):
        kg.sparql("SELEC ?x WHERE {}")


def test_open_a_folder_that_is_no_project(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "_chosen", None)
    with pytest.raises(NkgeoError, match="is not an nkgeo project"):
        nkgeo.open(tmp_path)
