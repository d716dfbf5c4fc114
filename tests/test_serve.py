"""``nkgeo serve`` in process: the SPARQL endpoint, content negotiation, limits, refusals, the
service description, the pages, and ``--get``. Requests go through Starlette's TestClient (no
socket); tests/test_serve_http.py does the same over a real socket.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import rdflib
from starlette.testclient import TestClient

from nkgeo import namespaces as ns
from nkgeo.serve.app import Server, create_app
from nkgeo.serve.data import ServedData
from nkgeo.serve.settings import Settings

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
PORT_CITIES = "SELECT ?city WHERE { ?city a nkgeo:PortCity } ORDER BY ?city"
PORTS = ["chongjin", "hungnam", "nampo"]  # not Wonsan: once a major port, not a port city today
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def make_client(data, **settings) -> TestClient:
    return TestClient(create_app(Server(data, Settings(workers=1, **settings))))


@pytest.fixture(scope="module")
def client(compiled):
    with make_client(ServedData.from_compiled(compiled)) as test_client:
        yield test_client


def get(client, query: str, accept: str | None = None, **params):
    headers = {"Accept": accept} if accept else {}
    return client.get("/sparql", params={"query": query, **params}, headers=headers)


def cities(body: bytes) -> list[str]:
    data = json.loads(body)
    return [b["city"]["value"].rsplit("/", 1)[-1] for b in data["results"]["bindings"]]


# --- the query operation ---------------------------------------------------------------------


def test_select_by_get_answers_sparql_json_by_default(client):
    response = get(client, PORT_CITIES)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json; charset=utf-8"
    assert response.headers["vary"] == "Accept"
    assert cities(response.content) == PORTS


def test_select_by_form_post_and_by_direct_post(client):
    form = client.post("/sparql", data={"query": PORT_CITIES})
    direct = client.post("/sparql", content=PORT_CITIES.encode(), headers={"Content-Type": "application/sparql-query"})
    assert cities(form.content) == cities(direct.content) == PORTS


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*;q=0.3, text/tab-separated-values;q=0.8, */*;q=0.1", "text/tab-separated-values"),
    ("application/sparql-results+json;q=0, */*", "application/sparql-results+xml"),
    ("image/png, text/csv;q=0.2", "text/csv"),
])
def test_results_follow_the_accept_header_with_q_values(client, accept, media):
    response = get(client, PORT_CITIES, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media


def test_each_result_format_holds_the_same_solutions(client):
    parsed = {}
    for media, fmt in [("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                       ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                       ("text/tab-separated-values", ox.QueryResultsFormat.TSV)]:
        body = get(client, PORT_CITIES, media).content
        parsed[media] = [s["city"].value.rsplit("/", 1)[-1] for s in ox.parse_query_results(body, format=fmt)]
    csv = get(client, PORT_CITIES, "text/csv").content.decode().split("\r\n")
    assert csv[0] == "city"
    assert all(v == PORTS for v in parsed.values()), parsed
    assert [line.rsplit("/", 1)[-1] for line in csv[1:] if line] == PORTS


def test_nothing_acceptable_is_406_naming_what_is(client):
    response = get(client, PORT_CITIES, "image/png")
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


def test_ask_in_json_and_xml(client):
    ask = "ASK { id:hamhung nkgeo:locatedIn id:north-korea }"
    assert json.loads(get(client, ask).content) == {"head": {}, "boolean": True}
    assert "<boolean>true</boolean>" in get(client, ask, "application/sparql-results+xml").text


@pytest.mark.parametrize(("accept", "fmt"), [
    (None, "turtle"), ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
])
def test_construct_answers_rdf_in_the_asked_format(client, accept, fmt):
    query = "CONSTRUCT { id:hamhung rdfs:label ?l } WHERE { id:hamhung rdfs:label ?l }"
    response = get(client, query, accept)
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format=fmt)
    assert (rdflib.URIRef(ns.ID_NS + "hamhung"), rdflib.RDFS.label, rdflib.Literal("Hamhung", lang="en")) in graph


def test_construct_refuses_a_table_format(client):
    response = get(client, "CONSTRUCT WHERE { id:hamhung rdfs:label ?l }", "text/csv")
    assert response.status_code == 406


def test_format_parameter_overrides_accept(client):
    response = get(client, PORT_CITIES, "application/sparql-results+json", format="csv")
    assert response.headers["content-type"].startswith("text/csv")
    assert get(client, PORT_CITIES, format="nonsense").status_code == 400


def test_protocol_dataset_narrows_the_default_graph(client):
    inferred = get(client, "ASK { id:hamhung a nkgeo:ProvincialCapital }", **{"default-graph-uri": ns.INFERRED_GRAPH})
    asserted = get(client, "ASK { id:hamhung a nkgeo:ProvincialCapital }", **{"default-graph-uri": ns.GAZETTEER_GRAPH})
    assert json.loads(inferred.content)["boolean"] is True
    assert json.loads(asserted.content)["boolean"] is False


def test_named_graph_uri_limits_graph_patterns(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = get(client, query, **{"named-graph-uri": ns.GAZETTEER_GRAPH})
    graphs = [b["g"]["value"] for b in json.loads(response.content)["results"]["bindings"]]
    assert graphs == [ns.GAZETTEER_GRAPH]


def test_from_clause_is_honoured_without_protocol_dataset(client):
    query = f"ASK FROM <{ns.GAZETTEER_GRAPH}> {{ id:hamhung a nkgeo:ProvincialCapital }}"
    assert json.loads(get(client, query).content)["boolean"] is False


# --- refusals and errors ---------------------------------------------------------------------


@pytest.mark.parametrize("request_kwargs", [
    {"method": "GET", "url": "/sparql", "params": {"update": "CLEAR ALL"}},
    {"method": "POST", "url": "/sparql", "data": {"update": "CLEAR ALL"}},
    {"method": "POST", "url": "/sparql", "content": b"CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "POST", "url": "/sparql", "data": {"query": "INSERT DATA { <a:b> <a:c> <a:d> }"}},
    {"method": "GET", "url": "/sparql", "params": {"query": "PREFIX x: <http://x/>\n# a comment\nDROP ALL"}},
])
def test_updates_are_refused_with_403(client, request_kwargs):
    response = client.request(**request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text


DISGUISED_UPDATES = json.loads((Path(__file__).parent / "data" / "sparql" / "disguised-updates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("update", DISGUISED_UPDATES.values(), ids=DISGUISED_UPDATES.keys())
def test_disguised_updates_get_the_read_only_403(client, update):
    for response in (get(client, update), client.post("/sparql", content=update.encode("utf-8"),
                                                      headers={"Content-Type": "application/sparql-query"})):
        assert response.status_code == 403, response.text
        assert response.text.startswith("403 Forbidden: this endpoint is read-only: SPARQL Update is refused ("), response.text


def test_a_query_nested_too_deep_is_400_before_it_reaches_the_parser(client):
    """About 2,200 groups deep, pyoxigraph's parser overflows the worker's stack: refused first."""
    deep = "SELECT * WHERE " + "{" * 5000 + "}" * 5000
    response = client.post("/sparql", content=deep, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400
    assert response.text == "400 Bad Request: the query nests brackets 5000 deep, more than the limit of 200 (--max-depth)\n"
    assert get(client, "SELECT * WHERE " + "{" * 200 + "}" * 200).status_code == 200


def test_each_request_is_tokenised_once(client, monkeypatch):
    """The tokenizer once ran four times per request (update, SERVICE, form, FROM) and again in the
    worker (SELECT * order): now once, and what it found travels with the job."""
    from nkgeo.query import sparqltext

    calls = []
    original = sparqltext.iter_tokens
    monkeypatch.setattr(sparqltext, "iter_tokens", lambda *args, **kwargs: calls.append(1) or original(*args, **kwargs))
    response = get(client, "SELECT * WHERE { ?city a nkgeo:PortCity } ORDER BY ?city", accept="text/csv")
    assert response.status_code == 200
    assert len(calls) == 1


def test_the_depth_limit_is_a_setting(compiled):
    with make_client(ServedData.from_compiled(compiled), max_depth=20) as small:
        response = get(small, "ASK { FILTER(" + "(" * 30 + "true" + ")" * 30 + ") }")
        assert response.status_code == 400
        assert "more than the limit of 20 (--max-depth)" in response.text


def test_malformed_query_is_400_with_the_parser_message(client):
    response = get(client, "SELEC ?x WHERE {}")
    assert response.status_code == 400
    assert "malformed query: error at 1:" in response.text


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
])
def test_service_is_refused_unless_allowed(client, query):
    response = get(client, query)
    assert response.status_code == 403
    assert "--allow-service" in response.text


def test_the_word_service_elsewhere_is_not_a_service_call(client):
    query = 'SELECT ?x WHERE { BIND("SERVICE <http://x> {}" AS ?x) } # SERVICE in a comment'
    assert get(client, query).status_code == 200


def test_canned_queries_calling_service_are_refused_too(client):
    response = client.get("/query/wikidata-population-federated", headers={"Accept": "application/json"})
    assert response.status_code in (403, 404)  # 404 only if that query is ever removed


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"method": "PUT", "url": "/sparql", "params": {"query": "ASK {}"}}, 405),
    ({"method": "DELETE", "url": "/sparql"}, 405),
    ({"method": "POST", "url": "/sparql", "content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "POST", "url": "/sparql", "content": b"query=ASK%20%7B%7D"}, 415),
    ({"method": "POST", "url": "/sparql", "content": "ASK {}".encode("utf-16"),
      "headers": {"Content-Type": "application/sparql-query; charset=UTF-16"}}, 415),
    ({"method": "POST", "url": "/sparql", "content": b"\xff\xfe", "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ({"method": "GET", "url": "/sparql", "params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
    ({"method": "GET", "url": "/sparql", "params": {"query": "ASK {}", "default-graph-uri": "not an iri"}}, 400),
    ({"method": "POST", "url": "/sparql", "content": b"x" * (1 << 21), "headers": {"Content-Type": "application/sparql-query"}}, 413),
    ({"method": "GET", "url": "/sparql", "params": {"query": "  "}}, 400),
])
def test_bad_requests_get_a_4xx_and_a_message(client, kwargs, status):
    response = client.request(**kwargs)
    assert response.status_code == status
    assert response.text.startswith(f"{status} ")
    assert "Traceback" not in response.text


@pytest.mark.parametrize(("accept", "media"), [
    (None, "text/plain"), ("application/json", "application/json"), ("text/html,*/*;q=0.8", "text/html"),
])
def test_errors_come_in_the_format_the_client_prefers(client, accept, media):
    response = get(client, "SELEC", accept)
    assert response.status_code == 400
    assert response.headers["content-type"].split(";")[0] == media
    if media == "application/json":
        body = response.json()
        assert body["ok"] is False and body["status"] == 400 and body["error"].startswith("malformed query")


def test_time_limit_stops_a_query_and_the_server_goes_on(compiled):
    with make_client(ServedData.from_compiled(compiled), time_limit=1.0) as slow:
        started = time.monotonic()
        response = get(slow, SLOW)
        assert response.status_code == 503
        assert "time limit of 1 s" in response.text
        assert time.monotonic() - started < 10
        assert cities(get(slow, PORT_CITIES).content) == PORTS  # a fresh worker took over


def test_row_limit_gives_an_error_not_a_cut_result(compiled):
    with make_client(ServedData.from_compiled(compiled), max_rows=2) as small:
        response = get(small, PORT_CITIES)
        assert response.status_code == 500
        assert "more than 2 rows" in response.text and "LIMIT" in response.text
        assert cities(get(small, PORT_CITIES + " LIMIT 2").content) == PORTS[:2]
        construct = get(small, "CONSTRUCT WHERE { ?s a nkgeo:PortCity }")
        assert construct.status_code == 500 and "more than 2 triples" in construct.text


def test_allow_service_lets_service_through(compiled):
    with make_client(ServedData.from_compiled(compiled), allow_service=True) as open_client:
        response = get(open_client, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
        assert response.status_code == 500  # refused by the closed port, not by the server
        assert "query failed" in response.text


# --- service description and CORS ------------------------------------------------------------


def test_get_without_query_describes_the_service(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    service = graph.value(predicate=rdflib.RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == rdflib.URIRef("http://testserver/sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    formats = {str(o).rsplit("/", 1)[-1] for o in graph.objects(service, SD.resultFormat)}
    assert {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle"} <= formats
    names = {str(o) for o in graph.objects(None, SD.name)}
    assert {ns.INFERRED_GRAPH, ns.ONTOLOGY_GRAPH, ns.PROVENANCE_GRAPH, ns.GAZETTEER_GRAPH} <= names


def test_service_description_in_other_rdf_formats_and_html_for_browsers(client):
    nt = client.get("/sparql", headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert "sparql-service-description#Service" in nt.text
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html")
    assert "<textarea" in page.text


def test_cors_is_off_by_default_and_on_with_the_flag(client, compiled):
    assert "access-control-allow-origin" not in get(client, "ASK {}").headers
    with make_client(ServedData.from_compiled(compiled), cors=True) as cors:
        response = cors.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
        assert response.headers["access-control-allow-origin"] == "*"
        preflight = cors.options("/sparql", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
        assert preflight.status_code == 200


# --- entities, pages, canned queries ---------------------------------------------------------


@pytest.mark.parametrize(("accept", "suffix"), [
    ("text/html,application/xhtml+xml,*/*;q=0.8", "html"), ("*/*", "html"), (None, "html"),
    ("text/turtle", "ttl"), ("application/ld+json", "jsonld"), ("application/n-triples", "nt"), ("application/rdf+xml", "rdf"),
    ("text/turtle;q=0.4, application/ld+json", "jsonld"),
])
def test_entity_iris_answer_303_to_a_document_by_accept(client, accept, suffix):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/id/hamhung", headers=headers, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/id/hamhung.{suffix}"
    assert response.headers["vary"] == "Accept"


def test_entity_data_holds_its_facts(client):
    response = client.get("/id/hamhung", headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    hamhung = rdflib.URIRef(ns.ID_NS + "hamhung")
    assert (hamhung, rdflib.RDFS.label, rdflib.Literal("Hamhung", lang="en")) in graph
    assert (hamhung, rdflib.URIRef(ns.NKGEO.capitalOf), rdflib.URIRef(ns.ID_NS + "south-hamgyong-province")) in graph
    jsonld = client.get("/id/hamhung.jsonld")
    assert rdflib.Graph().parse(data=jsonld.content, format="json-ld").value(hamhung, rdflib.RDFS.label) is not None


def test_entity_page_shows_label_facts_sources_inferred_and_links(client, compiled):
    response = client.get("/id/hamhung", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "Content-Security-Policy" in response.headers
    page = response.text
    assert "<h1>Hamhung" in page
    assert 'href="/id/south-hamgyong-province"' in page  # a related entity, linked locally
    assert 'href="/doc/000_cbd80db4a2371350#chars-' in page  # a source document, at the passage
    assert "characters" in page and 'class="badge" href="/why?' in page
    korean = [r["k"].value for r in compiled.query(
        'SELECT ?k WHERE { id:hamhung skos:altLabel|rdfs:label ?k FILTER(LANG(?k) = "ko") }')]
    for name in korean:
        assert f'lang="ko">{name}<' in page
    external = [r["x"].value for r in compiled.query("SELECT ?x WHERE { id:hamhung owl:sameAs ?x }")]
    for iri in external:
        assert f'href="{iri}"' in page
    has_point = compiled.query("ASK { id:hamhung (wgs:lat|geo:hasGeometry) ?x }")
    assert ("<svg" in page) == bool(has_point)


def test_unknown_entity_is_404_with_the_closest_names(client):
    response = client.get("/id/hamhnug", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "Hamhung" in response.text
    assert client.get("/id/Hamhung", follow_redirects=False).status_code == 404
    assert "did you mean /id/hamhung" in client.get("/id/Hamhung").text


def test_find_redirects_a_name_to_its_page(client):
    response = client.get("/find", params={"name": "south hamgyong"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/id/south-hamgyong-province"
    assert client.get("/find", params={"name": "Atlantis"}).status_code == 404


def test_document_iris_dereference_too(client):
    response = client.get("/doc/000_cbd80db4a2371350", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "Source document" in response.text


def test_entity_page_summary_grouped_facts_and_references_quoted_once(client, corpus):
    import re

    page = client.get("/id/hamhung.html").text
    summary = page.split('<section class="summary card"', 1)[1].split("</section>", 1)[0]
    for term in ("Kind", "Province", "Population", "Coordinates", "Korean", "Revised Romanisation", "McCune–Reischauer", "Elsewhere"):
        assert f">{term}</dt>" in summary
    assert "South Hamgyong Province" in summary and "(inferred)" in summary  # inferred kinds marked
    facts = page.split("<h2>Facts</h2>", 1)[1].split("<h2>", 1)[0]
    headings = re.findall(r'<section class="group"><h3>(.*?)</h3>', facts)
    assert len(headings) > 10
    assert len(headings) == len(set(headings)), "each property once, its values together"
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", page)
    assert quotes and len(quotes) == len(set(quotes)), "each passage quoted once"
    numbers = [int(n) for n in re.findall(r'<li id="ref-(\d+)"', page)]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {int(n) for n in re.findall(r'href="#ref-(\d+)"', page)}
    assert cited == set(numbers)
    main, copies = page.split('<details class="copies">', 1)
    assert "schema:containedInPlace" not in main and "schema:containedInPlace" in copies.split("</details>")[0]
    assert ">restriction</h3>" in main and "largely closed to foreign visitors <a" in main  # stated and current: said once, in the legend
    assert "significant population growth unlikely unless broader reforms come (unlikely; future)" in main
    shown = re.sub(r"<[^>]+>", " ", main.split("<h2>Facts</h2>", 1)[1])  # what a reader sees: no raw prefixed names
    assert not re.search(r"\b(nkgeo|schema|gn|rdfs?|skos|owl|id|wd|dbr):\w", shown), re.findall(r"\b\w+:\w+", shown)[:5]


def test_document_page_lists_every_statement_with_offsets_and_what_it_leaves_out(client, compiled, corpus):
    page = client.get("/doc/000_cbd80db4a2371350.html").text
    document = next(iter(compiled.query("SELECT ?h ?n ?t WHERE { doc:000_cbd80db4a2371350 nkgeo:contentHash ?h ; "
                                        "nkgeo:characterCount ?n ; dcterms:title ?t }")))
    assert f"<h1>{document['t'].value}</h1>" in page and document["h"].value in page and f"{int(document['n'].value):,} characters" in page
    records = int(next(iter(compiled.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a nkgeo:Evidence ; "
                                           "nkgeo:inDocument doc:000_cbd80db4a2371350 }")))["n"].value)
    assert page.count('href="/evidence/') == records > 300
    assert "<h2>Passages left out</h2>" in page and "heading" in page.split("<h2>Passages left out</h2>")[1].lower()
    assert 'id="chars-32-136"' in page and "<blockquote>" in page


def test_evidence_iris_dereference_as_page_and_data(client):
    import rdflib

    record = "/evidence/000-1e637d28be3d"
    redirect = client.get(record, headers={"Accept": "text/turtle"}, follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == record + ".ttl"
    graph = rdflib.Graph().parse(data=client.get(record + ".ttl").content, format="turtle")
    subject = rdflib.URIRef(ns.EVIDENCE_NS + "000-1e637d28be3d")
    assert (subject, rdflib.RDF.subject, rdflib.URIRef(ns.ID_NS + "hamhung")) in graph
    page = client.get(record, headers={"Accept": "text/html"}).text
    assert "<h1>Evidence record</h1>" in page and 'href="/doc/000_cbd80db4a2371350#chars-' in page and ">stated<" in page
    assert client.get("/evidence/000-nothing", headers={"Accept": "text/html"}).status_code == 404


def test_inferred_facts_link_to_their_derivation(client):
    import html
    import re

    page = client.get("/id/hamhung.html").text
    link = html.unescape(re.search(r'href="(/why\?[^"]*IndustrialCity[^"]*)"', page).group(1))
    derivation = client.get(link)
    assert derivation.status_code == 200
    assert "inferred by cax-sco" in derivation.text and "asserted: " in derivation.text and "<blockquote>" in derivation.text
    assert client.get("/why", params={"s": ns.ID_NS + "hamhung"}).status_code == 400
    assert client.get("/why", params={"s": "not an iri", "p": "x", "o": "y"}).status_code == 400
    unknown = client.get("/why", params={"s": ns.ID_NS + "hamhung", "p": ns.RDF.type, "o": ns.NKGEO.River})
    assert unknown.status_code == 404


def test_home_page_lists_every_canned_query_with_a_form(client):
    from nkgeo.query.canned import catalogue

    page = client.get("/").text
    for query in catalogue().values():
        assert f'action="/query/{query.name}"' in page
        for param in query.params:
            assert f'name="{param.name}"' in page


def test_canned_query_as_a_table_and_as_data(client):
    page = client.get("/query/cities-with-industry", params={"industry": "metallurgy"}, headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "<table" in page.text and 'href="/id/kimchaek"' in page.text
    csv = client.get("/query/cities-with-industry", params={"industry": "metallurgy", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "https://w3id.org/nkgeo/id/kimchaek" in csv.text
    data = client.get("/query/capitals", headers={"Accept": "application/sparql-results+json"}).json()
    assert {b["capital"]["value"] for b in data["results"]["bindings"]} >= {ns.ID_NS + "pyongyang", ns.ID_NS + "hamhung"}


def test_canned_query_bad_parameters_are_400_and_unknown_query_404(client):
    unknown_entity = client.get("/query/cities-with-industry", params={"industry": "steeel"}, headers={"Accept": "application/json"})
    assert unknown_entity.status_code == 400 and "closest" in unknown_entity.json()["error"]
    assert client.get("/query/capitals", params={"nope": "1"}).status_code == 400
    missing = client.get("/query/entity", headers={"Accept": "text/html"})
    assert missing.status_code == 400 and "needs" in missing.text
    assert client.get("/query/capitalz").status_code == 404
    assert "capitals" in client.get("/query/capitalz").text


def test_ontology_page_and_data(client):
    assert client.get("/ontology", headers={"Accept": "text/html"}, follow_redirects=False).headers["location"] == "/ontology.html"
    page = client.get("/ontology.html").text
    assert 'id="City"' in page and "A large settlement" in page and 'id="locatedIn"' in page and "transitive" in page
    turtle = client.get("/ontology", headers={"Accept": "text/turtle"})
    graph = rdflib.Graph().parse(data=turtle.content, format="turtle")
    assert (rdflib.URIRef(ns.NKGEO.City), rdflib.RDF.type, rdflib.OWL.Class) in graph


def test_unknown_paths_are_404(client):
    response = client.get("/nothing-here", headers={"Accept": "application/json"})
    assert response.status_code == 404 and response.json()["ok"] is False


# --- serving files ---------------------------------------------------------------------------

MIXED_TTL = """@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:a rdfs:label "<script>alert(1)</script> & more"@en ; ex:p ex:b .
"""
MIXED_NQ = '<http://example.org/b> <http://example.org/q> "in a graph" <http://example.org/g1> .\n'
MIXED_TRIX = """<?xml version="1.0"?>
<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><uri>http://example.org/g2</uri>
<triple><uri>http://example.org/c</uri><uri>http://example.org/r</uri><plainLiteral>from trix</plainLiteral></triple></graph></TriX>
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "a.ttl").write_text(MIXED_TTL, encoding="utf-8")
    (tmp_path / "b.nq").write_text(MIXED_NQ, encoding="utf-8")
    (tmp_path / "c.trix").write_text(MIXED_TRIX, encoding="utf-8")
    return [tmp_path / "a.ttl", tmp_path / "b.nq", tmp_path / "c.trix"]


def test_files_are_served_with_their_named_graphs(files):
    data = ServedData.from_files(files)
    assert data.named_graphs() == ["http://example.org/g1", "http://example.org/g2"]
    with make_client(data) as served:
        query = "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
        rows = [(b["g"]["value"], b["o"]["value"]) for b in json.loads(get(served, query).content)["results"]["bindings"]]
        assert rows == [("http://example.org/g1", "in a graph"), ("http://example.org/g2", "from trix")]
        union = json.loads(get(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").content)
        assert union["results"]["bindings"][0]["n"]["value"] == "4"


def test_pages_escape_what_the_data_says(files):
    with make_client(ServedData.from_files(files)) as served:
        page = served.get("/sparql", params={"query": "SELECT ?l WHERE { ?s rdfs:label ?l }"}, headers={"Accept": "text/html"}).text
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_unreadable_files_are_one_line_errors(tmp_path):
    from nkgeo.errors import NkgeoError

    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    (tmp_path / "data.weird").write_text("x", encoding="utf-8")
    with pytest.raises(NkgeoError, match="bad.ttl does not parse"):
        ServedData.from_files([tmp_path / "bad.ttl"])
    with pytest.raises(NkgeoError, match="cannot tell the RDF format of data.weird"):
        ServedData.from_files([tmp_path / "data.weird"])
    with pytest.raises(NkgeoError, match="no file"):
        ServedData.from_files([tmp_path / "missing.ttl"])


# --- the command line ------------------------------------------------------------------------


def test_serve_get_prints_the_response(invoke):
    result = invoke("serve", "--get", "/sparql?query=" + quote(PORT_CITIES), "--accept", "text/csv")
    assert result.exit_code == 0, result.output
    assert result.output.replace("\r\n", "\n").splitlines() == ["city"] + [ns.ID_NS + c for c in PORTS]


def test_serve_get_follows_the_303_and_shows_headers(invoke):
    result = invoke("serve", "--get", "/id/hamhung", "--accept", "application/n-triples", "--headers")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("HTTP/1.1 200 OK\n")
    assert "content-type: application/n-triples" in result.output
    assert f"<{ns.ID_NS}hamhung> <{ns.RDFS.label}> \"Hamhung\"@en ." in result.output


def test_serve_get_of_an_error_exits_1(invoke):
    result = invoke("serve", "--get", "/sparql?query=SELEC")
    assert result.exit_code == 1
    assert "400 Bad Request: malformed query" in result.output


def test_serve_max_depth_option(invoke):
    deep = "ASK { FILTER(" + "(" * 10 + "true" + ")" * 10 + ") }"
    result = invoke("serve", "--max-depth", "5", "--get", "/sparql?query=" + quote(deep))
    assert result.exit_code == 1
    assert result.output == "400 Bad Request: the query nests brackets 12 deep, more than the limit of 5 (--max-depth)\n"


@pytest.mark.parametrize(("args", "message"), [
    (["--get", "id/hamhung"], "--get takes a path that starts with /"),
    (["--max-depth", "0", "--get", "/"], "--max-depth must be at least 1"),
    (["--time-limit", "0", "--get", "/"], "--time-limit must be a positive number"),
    (["--workers", "0", "--get", "/"], "--workers must be at least 1"),
    (["--accept", "text/turtle"], "--accept and --headers go with --get PATH"),
    (["--graph", "inferred", "x.ttl", "--get", "/"], "with FILE... the default graph is the union"),
])
def test_serve_bad_options_are_one_line_errors(invoke, args, message):
    result = invoke("serve", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_serve_without_the_extra_says_how_to_install_it(invoke, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_uvicorn(name, *args, **kwargs):
        if name == "uvicorn":
            raise ImportError("No module named 'uvicorn'", name="uvicorn")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_uvicorn)
    result = invoke("serve", "--get", "/")
    assert result.exit_code == 1
    assert result.output == "Error: nkgeo serve needs the 'serve' extra: pip install 'nkgeo[serve]' (Starlette, uvicorn and Jinja2); missing: uvicorn\n"


def test_port_in_use_is_a_one_line_error(invoke):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = invoke("serve", "--port", str(port))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot listen on 127.0.0.1:{port}: ")


def test_entity_page_summary_keeps_the_other_english_names(client, compiled):
    names = {r["n"].value for r in compiled.query('SELECT ?n WHERE { id:juche-tower skos:altLabel ?n FILTER(LANG(?n) = "en") }')}
    summary = client.get("/id/juche-tower.html").text.split('<section class="summary card"', 1)[1].split("</section>", 1)[0]
    assert names and ">Also called</dt>" in summary and all(name in summary for name in names)
