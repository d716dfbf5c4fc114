"""One result writer: ``nkgeo sparql --format F`` and the endpoint (``nkgeo serve --get /sparql?query=...``
with the matching Accept header) give the same bytes for the same query (issue 9: they used to differ)."""

from __future__ import annotations

from urllib.parse import quote

import pytest

FORMATS = {  # --format -> Accept
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
QUERIES = {
    # Hangul, language tags in their BCP 47 case (ko-Latn-x-rr), unbound values, SELECT * in order of appearance.
    "names": "SELECT * WHERE { VALUES ?place { id:hamhung id:hyesan id:kimchaek id:sonbong } ?place skos:altLabel ?name "
             "OPTIONAL { ?place nkgeo:capitalOf ?province } } ORDER BY ?place ?name",
    # Blank nodes (the ontology's restrictions) and an unbound column.
    "blank nodes": "SELECT ?c ?p ?r ?label WHERE { ?r owl:someValuesFrom ?c ; owl:onProperty ?p OPTIONAL { ?r rdfs:label ?label } } "
                   "ORDER BY ?c ?p",
    # Typed literals: decimals and years.
    "datatypes": "SELECT ?place ?lat ?start WHERE { { ?place wgs:lat ?lat } UNION { ?place nkgeo:startYear ?start } } "
                 "ORDER BY ?place ?lat ?start LIMIT 30",
    "ask": "ASK { id:hamhung skos:altLabel ?name FILTER(LANG(?name) = 'ko') }",
}


@pytest.fixture(scope="module")
def answers():
    """Each query in each format, from the CLI and from the endpoint (run once: the server starts a worker each time)."""
    from click.testing import CliRunner

    from nkgeo.cli import cli

    runner = CliRunner()
    out = {}
    for name, query in QUERIES.items():
        for fmt, accept in FORMATS.items():
            local = runner.invoke(cli, ["sparql", query, "--format", fmt])
            served = runner.invoke(cli, ["serve", "--get", "/sparql?query=" + quote(query), "--accept", accept])
            assert local.exit_code == 0, local.output
            assert served.exit_code == 0, served.output
            out[name, fmt] = (local.stdout_bytes, served.stdout_bytes)
    return out


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", list(QUERIES))
def test_cli_and_endpoint_write_the_same_bytes(answers, name, fmt):
    local, served = answers[name, fmt]
    assert local and local == served


def test_the_queries_hold_what_they_are_meant_to(answers):
    names = answers["names", "tsv"][0].decode("utf-8")
    assert names.startswith("?place\t?name\t?province\n")
    assert "@ko-Latn-x-rr" in names and '"함흥"@ko' in names
    assert "\t\n" in names  # an unbound ?province
    assert "\t_:b0\t" in answers["blank nodes", "tsv"][0].decode("utf-8")
    datatypes = answers["datatypes", "tsv"][0].decode("utf-8")
    assert "^^<http://www.w3.org/2001/XMLSchema#gYear>" in datatypes
    assert answers["ask", "json"][0] == b'{"head":{},"boolean":true}\n'
