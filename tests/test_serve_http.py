"""``nkgeo serve`` over a real socket on 127.0.0.1: SPARQLWrapper as a client, plain HTTP for
headers and status codes, nkgeo's own ``--endpoint`` client against it (every canned query gives
the same answer as locally), ``nkgeo push`` reporting failures, and the load benchmark.
"""

from __future__ import annotations

import http.client
import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from test_stores import group_concat_variables

from nkgeo import namespaces as ns
from nkgeo.query.canned import catalogue
from nkgeo.serve.launch import ServerProcess, free_port

ROOT = Path(__file__).resolve().parents[1]
CANNED = [q for q in catalogue().values() if "network" not in q.tags]
SAMPLES = {"document": "doc:000_cbd80db4a2371350", "entity": "hamhung", "subject": "hamhung", "place": "hamhung"}


@pytest.fixture(scope="module")
def server(compiled):
    """``nkgeo serve`` on a free port; ``compiled`` first, so the child finds the dataset built."""
    with ServerProcess(["--workers", "2"]) as running:
        yield running


def request(server, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# --- plain HTTP ------------------------------------------------------------------------------


def test_status_and_headers_over_the_wire(server):
    status, headers, body = request(server, "GET", "/sparql?query=" + quote("ASK {}"), headers={"Accept": "application/sparql-results+xml"})
    assert status == 200
    assert headers["content-type"] == "application/sparql-results+xml; charset=utf-8"
    assert headers["vary"] == "Accept"
    assert "access-control-allow-origin" not in headers
    assert "server" not in headers
    assert b"<boolean>true</boolean>" in body


@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), [
    ("GET", "/sparql?update=CLEAR%20ALL", None, {}, 403),
    ("POST", "/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"}, 403),
    ("POST", "/sparql", b"ASK {}", {}, 415),
    ("PUT", "/sparql?query=ASK%7B%7D", None, {}, 405),
    ("GET", "/sparql?query=ASK%20%7B", None, {}, 400),
    ("GET", "/sparql?query=ASK%7B%7D", None, {"Accept": "image/png"}, 406),
    ("GET", "/id/nowhere-at-all", None, {}, 404),
])
def test_refusals_over_the_wire(server, method, path, body, headers, status):
    got, _headers, text = request(server, method, path, body, headers)
    assert got == status, text
    assert b"Traceback" not in text


def test_entity_redirect_over_the_wire(server):
    status, headers, _ = request(server, "GET", "/id/hamhung", headers={"Accept": "text/turtle"})
    assert status == 303
    assert headers["location"] == "/id/hamhung.ttl"
    assert headers["vary"] == "Accept"


# --- SPARQLWrapper ---------------------------------------------------------------------------


def test_sparqlwrapper_select_ask_construct(server):
    import SPARQLWrapper as sparqlwrapper

    wrapper = sparqlwrapper.SPARQLWrapper(server.url + "/sparql")
    wrapper.setReturnFormat(sparqlwrapper.JSON)
    wrapper.setQuery(f"PREFIX nkgeo: <{ns.NKGEO_NS}> SELECT ?city WHERE {{ ?city a nkgeo:PortCity }} ORDER BY ?city")
    bindings = wrapper.query().convert()["results"]["bindings"]
    assert [b["city"]["value"].rsplit("/", 1)[-1] for b in bindings] == ["chongjin", "hungnam", "nampo"]

    wrapper.setMethod(sparqlwrapper.POST)
    wrapper.setQuery(f"ASK {{ <{ns.ID_NS}hamhung> <{ns.NKGEO.locatedIn}> <{ns.ID_NS}north-korea> }}")
    assert wrapper.query().convert()["boolean"] is True

    wrapper.setReturnFormat(sparqlwrapper.XML)
    wrapper.setQuery(f"SELECT ?l WHERE {{ <{ns.ID_NS}hamhung> <{ns.RDFS.label}> ?l }}")
    assert "Hamhung" in wrapper.query().convert().toxml()

    wrapper.setReturnFormat(sparqlwrapper.TURTLE)
    wrapper.setQuery(f"CONSTRUCT {{ <{ns.ID_NS}hamhung> ?p ?o }} WHERE {{ <{ns.ID_NS}hamhung> ?p ?o }}")
    import rdflib

    graph = rdflib.Graph().parse(data=wrapper.query().convert(), format="turtle")
    assert len(graph) > 10


def test_sparqlwrapper_sees_a_bad_query_as_such(server):
    import SPARQLWrapper as sparqlwrapper
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    wrapper = sparqlwrapper.SPARQLWrapper(server.url + "/sparql")
    wrapper.setReturnFormat(sparqlwrapper.JSON)
    wrapper.setQuery("SELECT ?x WHERE { ?x")
    with pytest.raises(QueryBadFormed):
        wrapper.query()


# --- nkgeo's own client: --endpoint ----------------------------------------------------------


def rows_of(json_text: str, concatenated: set[str] = frozenset()) -> list:
    """The solutions, sorted; a GROUP_CONCAT's parts (``concatenated``) sorted too, since SPARQL leaves
    their order to the engine and two stores of the same data may differ."""
    data = json.loads(json_text)
    if "boolean" in data:
        return [data["boolean"]]

    def normal(name: str, term: dict) -> dict:
        if name in concatenated:
            return {**term, "value": " | ".join(sorted(term["value"].split(" | ")))}
        return term

    return sorted(json.dumps({k: normal(k, v) for k, v in b.items()}, sort_keys=True) for b in data["results"]["bindings"])


@pytest.mark.parametrize("query", CANNED, ids=[q.name for q in CANNED])
def test_every_canned_query_answers_the_same_through_the_endpoint(server, invoke, query):
    args = ["query", query.name, "--format", "json"]
    for param in query.params:
        if param.required:
            args += ["-p", param.name, SAMPLES[param.name]]
    local = invoke(*args)
    remote = invoke(*args, "--endpoint", server.url + "/sparql")
    assert local.exit_code == 0, local.output
    assert remote.exit_code == 0, remote.output
    concatenated = group_concat_variables(query.text)
    assert rows_of(remote.output, concatenated) == rows_of(local.output, concatenated)


def test_sparql_endpoint_option_prints_like_local(server, invoke):
    query = "SELECT ?city WHERE { ?city a nkgeo:PortCity } ORDER BY ?city"
    local = invoke("sparql", query)
    remote = invoke("sparql", query, "--endpoint", server.url + "/sparql")
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output
    construct = invoke("sparql", "CONSTRUCT WHERE { id:hamhung rdfs:label ?l }", "--format", "nt", "--endpoint", server.url + "/sparql")
    assert construct.exit_code == 0, construct.output
    assert construct.output == f'<{ns.ID_NS}hamhung> <{ns.RDFS.label}> "Hamhung"@en .\n'


def test_graph_option_goes_to_the_endpoint_as_the_dataset(server, invoke):
    query = "ASK { id:hamhung a nkgeo:ProvincialCapital }"
    assert invoke("sparql", query, "--graph", "inferred", "--endpoint", server.url + "/sparql").output == "yes\n"
    assert invoke("sparql", query, "--graph", "asserted", "--endpoint", server.url + "/sparql").output == "no\n"


@pytest.mark.parametrize(("args", "message"), [
    (["sparql", "SELEC ?x", "--endpoint", "{url}/sparql"], "answered 400 Bad Request: 400 Bad Request: malformed query: error at 1:"),
    (["sparql", "ASK {}", "--endpoint", "http://127.0.0.1:{free}/sparql"], "Error: cannot reach http://127.0.0.1:"),
    (["sparql", "ASK {}", "--endpoint", "ftp://example.org/sparql"], "Error: 'ftp://example.org/sparql' is not an http:// or https:// URL"),
    (["sparql", "ASK {}", "--endpoint", "{url}/nowhere"], "answered 404 Not Found"),
    (["query", "cities-with-industry", "-p", "industry", "steeel", "--endpoint", "{url}/sparql"], "closest"),
])
def test_endpoint_errors_are_one_line(server, invoke, args, message):
    args = [a.replace("{url}", server.url).replace("{free}", str(free_port())) for a in args]
    result = invoke(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") == 1


# --- nkgeo push ------------------------------------------------------------------------------


class GraphStoreStub(http.server.BaseHTTPRequestHandler):
    """A Graph Store endpoint that takes every graph but graph:inferred, and records what came."""

    received: dict[str, int] = {}
    requests: list[tuple[str, str, int]] = []  # (method, graph, body bytes)

    def do_PUT(self):  # noqa: N802 - http.server's name
        self._take(replace=True)

    def do_POST(self):  # noqa: N802 - the protocol's merge: the parts after the first of a large graph
        self._take(replace=False)

    def _take(self, replace: bool):
        from urllib.parse import parse_qs, urlsplit

        graph = parse_qs(urlsplit(self.path).query)["graph"][0]
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).requests.append((self.command, graph, len(body)))
        if graph == ns.INFERRED_GRAPH:
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"disk full")
            return
        type(self).received[graph] = body.count(b"\n") + (0 if replace else type(self).received.get(graph, 0))
        self.send_response(201 if replace else 204)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_push_reports_each_graph_and_a_partial_failure(invoke, compiled):
    stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), GraphStoreStub)
    thread = threading.Thread(target=stub.serve_forever, daemon=True)
    thread.start()
    try:
        result = invoke("push", "--endpoint", f"http://127.0.0.1:{stub.server_port}/store")
    finally:
        stub.shutdown()
        stub.server_close()
    graphs = compiled.named_graphs()
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == len(graphs) + 1
    assert any(line.startswith("graph:inferred") and "500 Internal Server Error" in line and "FAILED: disk full" in line for line in lines)
    assert lines[-1].startswith(f"Error: pushed {len(graphs) - 1} of {len(graphs)} graphs (")
    assert lines[-1].endswith("failed: graph:inferred")
    sizes = compiled.meta["graphs"]
    for graph, count in GraphStoreStub.received.items():
        assert count == sum(1 for _ in compiled.store.quads_for_pattern(None, None, None, __import__("pyoxigraph").NamedNode(graph)))
    assert set(GraphStoreStub.received) == set(graphs) - {ns.INFERRED_GRAPH}
    assert sizes
    # A graph larger than one part goes as a PUT and then POSTs, each body within the limit.
    from nkgeo.query.remote import PUSH_PART_BYTES

    provenance = [(m, n) for m, g, n in GraphStoreStub.requests if g == ns.PROVENANCE_GRAPH]
    assert [m for m, _n in provenance] == ["PUT"] + ["POST"] * (len(provenance) - 1) and len(provenance) > 1
    assert all(n <= PUSH_PART_BYTES for _m, n in provenance)


def test_push_parts_keep_blank_nodes_together():
    from nkgeo.query.remote import _parts

    lines = [f"<http://x/s{i}> <http://x/p> <http://x/o> .\n".encode() for i in range(100)]
    blank = [b"_:b0 <http://x/p> <http://x/o> .\n", b"<http://x/s> <http://x/p> _:b0 .\n"]
    parts = _parts(b"".join(lines[:50] + blank + lines[50:]), limit=500)
    assert len(parts) > 5 and all(len(p) <= 500 for p in parts[1:])
    assert all(line in parts[0] for line in blank) and not any(b"_:" in p for p in parts[1:])
    assert sorted(b"".join(parts).splitlines()) == sorted(b"".join(lines + blank).splitlines())


def test_push_to_a_read_only_endpoint_fails_every_graph(server, invoke):
    result = invoke("push", "--endpoint", server.url + "/sparql", "--graph", "gazetteer")
    assert result.exit_code == 1
    assert "405 Method Not Allowed" in result.output
    assert "Error: pushed 0 of 1 graphs (0 triples)" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--graph", "nope"], "Error: no graph 'nope' in the dataset; it has "),
    (["--password", "dba"], "Error: give --password with --user (or use --token)"),
    (["--password"], "Error: give --password with --user (or use --token)"),
    (["--user", "a", "--password", "b", "--token", "t"], "Error: give --user/--password or --token, not both"),
])
def test_push_bad_options(invoke, args, message):
    result = invoke("push", "--endpoint", "http://127.0.0.1:9/store", *args)
    assert result.exit_code == 1
    assert result.output.startswith(message)


class AuthenticatedStore(http.server.BaseHTTPRequestHandler):
    """A Graph Store endpoint behind Basic authentication (user dba, password s3cret), as Virtuoso's is."""

    received: list[str] = []

    def do_PUT(self):  # noqa: N802 - http.server's name
        import base64
        from urllib.parse import parse_qs, urlsplit

        self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Authorization") != "Basic " + base64.b64encode(b"dba:s3cret").decode():
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="store"')
            self.end_headers()
            return
        type(self).received.append(parse_qs(urlsplit(self.path).query)["graph"][0])
        self.send_response(201)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def store_url():
    stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AuthenticatedStore)
    thread = threading.Thread(target=stub.serve_forever, daemon=True)
    thread.start()
    AuthenticatedStore.received = []
    yield f"http://127.0.0.1:{stub.server_port}/store"
    stub.shutdown()
    stub.server_close()


def test_push_takes_the_password_from_nkgeo_password(invoke, store_url, monkeypatch):
    monkeypatch.setenv("NKGEO_PASSWORD", "s3cret")
    result = invoke("push", "--endpoint", store_url, "--user", "dba", "--graph", "names")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("pushed 1 of 1 graphs (")
    assert "s3cret" not in result.output
    assert AuthenticatedStore.received == [ns.GRAPH_NS + "names"]


def test_push_asks_for_the_password_when_none_is_set(invoke, store_url, monkeypatch):
    monkeypatch.delenv("NKGEO_PASSWORD", raising=False)
    result = invoke("push", "--endpoint", store_url, "--user", "dba", "--graph", "names", input="s3cret\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Password for dba: \n"  # asked on stderr, and not echoed
    assert result.stdout.splitlines()[-1].startswith("pushed 1 of 1 graphs (")


def test_push_password_without_a_value_asks_even_when_the_variable_is_set(invoke, store_url, monkeypatch):
    monkeypatch.setenv("NKGEO_PASSWORD", "wrong")
    result = invoke("push", "--endpoint", store_url, "--user", "dba", "--password", "--graph", "names", input="s3cret\n")
    assert result.exit_code == 0, result.output
    assert result.stderr == "Password for dba: \n"


def test_push_with_a_wrong_password_fails_every_graph(invoke, store_url, monkeypatch):
    monkeypatch.setenv("NKGEO_PASSWORD", "wrong")
    result = invoke("push", "--endpoint", store_url, "--user", "dba", "--graph", "names")
    assert result.exit_code == 1
    assert "401 Unauthorized" in result.output and "Error: pushed 0 of 1 graphs" in result.output
    assert AuthenticatedStore.received == []


# --- under load ------------------------------------------------------------------------------


def test_load_benchmark_runs_without_errors(compiled):
    """bench/serve_load.py for 3 seconds (its default is a minute): no errors, bounded memory."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "serve_load.py"), "--seconds", "3", "--json"],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(result.stdout)
    print(json.dumps(figures))  # visible with pytest -s
    assert figures["errors"] == 0
    assert figures["requests"] > 20
    assert figures["latency_ms"]["p50"] > 0
    assert figures["rss_mb"]["end"] < figures["rss_mb"]["start"] + 150
