"""A seeded fuzzer for nkgeo's inputs: SPARQL (the CLI and the endpoint), RDF files (every format,
as ``nkgeo serve FILE`` reads them), documents (``nkgeo extract``), candidates files (the check
``nkgeo merge`` runs first) and HTTP requests (raw bytes over a socket to a real server).

Every case is made from ``(seed, kind, index)`` alone (:func:`make_case`): mutations of a small
corpus of good inputs (the canned queries, the dataset in each format, the bench documents...)
with "interesting" tokens spliced in, and shapes known to hurt parsers (deep nesting, long runs,
entities, odd Unicode). So a failure is reproduced by its index: ``python bench/fuzz.py --kind K
--index N``.

The cases run in a child process (``python tests/fuzz/harness.py --child``) that calls what the
command calls, in process (click's CliRunner, the ASGI app through ``launch.request``, ``rdfio``,
the extractor, ``check_candidates``), one case at a time, and says what happened: ``ok``,
``refused`` (the one-line error a user should get) or ``traceback`` (anything else: an exception
that is no NkgeoError, a 500 the server did not mean, a traceback in the output). The parent
gives each case a time limit: past it the case is a **hang** (the child is killed and restarted),
unless it is a CLI query that the endpoint, which has a time limit, stops at its limit too: that
is a valid query that takes long (the CLI has no time limit, by design), counted as ``slow``;
a child that dies (a signal, an exit code the CLI does not document) is a **crash**, as is a
query worker that dies, or a server that resets a connection without an answer. HTTP cases go
from the parent to ``nkgeo serve`` on 127.0.0.1 (a free port), started and stopped here.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
import select
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("sparql", "endpoint", "rdf", "documents", "candidates", "http")
CLI_EXIT_CODES = (0, 1, 2)  # success, an error (Error: ...), a usage error (click); validate's 2 too
TIME_LIMIT = 20.0  # seconds a case may take, past which it is a hang
SERVER_ARGS = ["--workers", "1", "--time-limit", "2", "--request-timeout", "0.5"]
MAX_DOCUMENT = 8192  # bytes of a fuzzed document (nkgeo extract is not linear in every shape yet)


@dataclass
class Case:
    kind: str
    index: int
    data: bytes
    params: dict = field(default_factory=dict)

    def describe(self, width: int = 160) -> str:
        shown = repr(self.data[:width]) + (f"... ({len(self.data)} bytes)" if len(self.data) > width else "")
        return f"{self.kind} #{self.index} {json.dumps(self.params, ensure_ascii=False)[:200]} {shown}"


@dataclass
class Outcome:
    status: str  # ok, refused, traceback, crash, hang
    detail: str = ""


# --- the corpora and the tokens mutations splice in -------------------------------------------

SPARQL_TOKENS = [
    "{", "}", "(", ")", "[", "]", "<<", ">>", ".", ";", ",", "*", "?x", "$y", "_:b", "a", "<http://example.org/x>", "<>", "<", ">",
    "'", '"', '"""', "'''", "\\", "\\u0049NSERT", "\\U00000044ELETE", "#", "\n", "\u200b", "\ufeff", "ＩＮＳＥＲＴ", "SERVICE", "INSERT DATA",
    "DELETE WHERE", "LOAD <http://example.org/>", "CLEAR ALL", "WITH", "FROM <urn:x>", "FROM NAMED <urn:y>", "GRAPH ?g", "OPTIONAL",
    "UNION", "MINUS", "FILTER(", "BIND(", "VALUES ?x {", "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "LIMIT 99999999999999999999",
    "OFFSET -1", "ORDER BY", "GROUP BY", "HAVING", "COUNT(*)", "1e99999", "-0.0", '"x"^^xsd:integer', '"x"@ko-Latn-x-rr', "@@", "nkgeo:",
    "id:hamhung", "rdf:type", "^^", "||", "&&", "!", "REGEX(?x, \"(a+)+$\")", "STRLEN(", "SUBSTR(", "xsd:dateTime(\"x\")", "?", "$",
    "PREFIX p: <http://e/>", "BASE <x:>", "\x00", "\U0001F600", "함흥", "%", "+", "/", "|", "^", b"\xff", b"\xed\xb3\xbf",
]
RDF_TOKENS = [
    "<", ">", "{", "}", "[", "]", "(", ")", '"', "'", "@prefix", "@base", "PREFIX", "_:b", "^^", "@en", "@", ".", ";", ",", "\\", "\\u0000",
    "\\U0010FFFF", "\\uD800", "<!ENTITY e \"x\">", "<!DOCTYPE r [", "]>", "&e;", "&amp;", "&#0;", "&#x10FFFF;", "<![CDATA[", "]]>", "<!--",
    "-->", "<?xml version=\"1.0\"?>", "rdf:parseType=\"Collection\"", "rdf:parseType=\"Literal\"", "xml:lang=\"\"", "xml:base=\"x\"",
    '"@context"', '"@id"', '"@graph"', '"@list"', '"@type"', '"@value"', '"@language"', '"@reverse"', '"@included"', '"@nest"',
    '"@context": "http://127.0.0.1:1/ctx.jsonld"', '"@version": 1.1', "null", "true", "1e400", "-0", "<<", ">>", "\x00", "\xff", "\n",
    "\r", "\t", "\u2028", "\ufeff", "함흥", "%", "%zz", "<http://e/a b>", "<urn:x>", "<javascript:x>", "GRAPH", "a",
]
DOCUMENT_TOKENS = [
    "Hamhung", "Pyongyang", " River", " Province", "the city of ", "the capital of ", "North Korea", "Kim Il Sung", "\n\n", ". ", ", ",
    "⟪0⟫", "⟪", "⟫", "\u200b", "\ufeff", "\x00", "\r\n", "\t", "함흥", "Hamhŭng", "Ch'ŏngjin", "(", ")", '"', "“", "”", "—", "...",
    "1950", "768,551", "about ", "not ", "perhaps ", "Sinuiju Special Administrative Region", "A" * 40, "Aa " * 30,
]
HTTP_TOKENS = [
    b"\r\n", b"\n", b"\r", b" ", b"\t", b":", b"\x00", b"\xff", b"%", b"%00", b"%0d%0a", b"%ff", b"%", b"/", b"?", b"#", b"HTTP/1.0",
    b"HTTP/1.1", b"HTTP/9.9", b"HTTP/2.0", b"Content-Length: 5\r\n", b"Content-Length: -1\r\n", b"Content-Length: 99999999999999999999\r\n",
    b"Transfer-Encoding: chunked\r\n", b"Transfer-Encoding: gzip\r\n", b"Host: \r\n", b"Host: a b\r\n", b"Host: [::1\r\n",
    b"Expect: 100-continue\r\n", b"Connection: keep-alive\r\n", b"Accept: */*;q=x\r\n", b"Accept: text/html\r\n",
    b"Accept: application/json\r\n", b"Content-Type: application/sparql-query; charset=latin-1\r\n", b"Upgrade: websocket\r\n",
    b"Connection: Upgrade\r\n", b"0\r\n\r\n", b"ffffffffffffffff\r\n", b"\xc3\x28", "함흥".encode(), b"<script>",
]
PATHS = ["/sparql", "/sparql/", "/", "/query/capitals", "/query/cities-with-industry", "/id/hamhung", "/id/hamhung.html", "/id/hamhung.ttl",
         "/doc/000_cbd80db4a2371350", "/ontology", "/ontology.ttl", "/ontology.html", "/find", "/favicon.ico", "/nowhere"]
ACCEPTS = ["application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/html",
           "text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples", "application/n-quads", "application/trig",
           "*/*", "image/png", "text/*;q=0.1, */*;q=0", "application/json", ""]
RESULT_FORMATS = ["table", "markdown", "csv", "tsv", "json", "xml", "turtle", "nt", "nquads", "trig", "json-ld", "bogus"]
RDF_FORMATS = ["turtle", "nt", "nquads", "trig", "json-ld", "xml", "n3", "trix"]
TRIX = ('<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><uri>https://w3id.org/nkgeo/graph/x</uri><triple>'
        '<uri>https://w3id.org/nkgeo/id/hamhung</uri><uri>http://www.w3.org/2000/01/rdf-schema#label</uri>'
        '<plainLiteral xml:lang="en">Hamhung</plainLiteral></triple><triple><uri>https://w3id.org/nkgeo/id/hamhung</uri>'
        '<uri>https://w3id.org/nkgeo/ontology#populationValue</uri><typedLiteral datatype="http://www.w3.org/2001/XMLSchema#integer">'
        '768551</typedLiteral></triple></graph></TriX>')
N3 = "@prefix : <http://example.org/> .\n:a :b :c .\n{ :a :b ?x } => { ?x a :C } .\n:d :e ( 1 2 [ :f :g ] ) .\n"


@functools.cache
def sparql_seeds() -> list[str]:
    from nkgeo.resources import queries_dir

    queries = [p.read_text(encoding="utf-8") for p in sorted(queries_dir().glob("*.rq"))]
    disguised = json.loads((ROOT / "tests" / "data" / "sparql" / "disguised-updates.json").read_text(encoding="utf-8"))
    return queries + list(disguised.values()) + [
        "ASK {}", "SELECT * WHERE { ?s ?p ?o } LIMIT 3", "CONSTRUCT WHERE { ?s a nkgeo:City }", "DESCRIBE id:hamhung",
        "SELECT ?x WHERE { VALUES ?x { 1 2 } FILTER(?x > 1) }", "SELECT * WHERE { << ?s ?p ?o >> ?q ?r }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    ]


@functools.cache
def rdf_seeds() -> dict[str, bytes]:
    """A sample of the dataset (a hundred quads, several graphs, every kind of term) in each format."""
    from nkgeo import rdfio
    from nkgeo.build.cache import CompiledDataset

    store = CompiledDataset.open().store
    sample = list(store)[::60][:120]
    seeds = {f: rdfio.serialize(sample, f) for f in ("turtle", "nt", "nquads", "trig", "json-ld", "xml")}
    seeds["trix"] = TRIX.encode()
    seeds["n3"] = N3.encode()
    return seeds


@functools.cache
def document_seeds() -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "bench" / "documents").glob("*.txt"))]


@functools.cache
def candidates_seeds() -> list[bytes]:
    """What ``nkgeo extract`` writes for the bench documents: the files ``nkgeo merge`` takes."""
    from nkgeo.extract import Candidates
    from nkgeo.extract.document import decode_document

    extractor = _extractor()
    out = []
    for path in sorted((ROOT / "bench" / "documents").glob("*.txt")):
        document = decode_document(str(path), path.name, path.read_bytes())
        out.append(Candidates([extractor.extract(document)]).trig().encode("utf-8"))
    return out


@functools.cache
def _extractor():
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.extract import Extractor, Gazetteer

    return Extractor(Gazetteer.from_compiled(CompiledDataset.open()))


# --- making cases -----------------------------------------------------------------------------


def mutate(data: bytes, rng: random.Random, tokens: list, limit: int) -> bytes:
    """One to five mutations of ``data``: a token spliced in, bytes flipped, a span deleted,
    repeated or moved, the end cut; at most ``limit`` bytes."""
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3, 5))):
        at = rng.randint(0, len(out))
        choice = rng.random()
        if choice < 0.35:
            token = rng.choice(tokens)
            out[at:at] = token if isinstance(token, bytes) else token.encode("utf-8", "surrogatepass")
        elif choice < 0.5 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif choice < 0.65:
            del out[at:at + rng.randint(1, 64)]
        elif choice < 0.8:
            span = bytes(out[at:at + rng.randint(1, 16)])
            out[at:at] = span * rng.randint(2, 200)
        elif choice < 0.9:
            end = at + rng.randint(1, 256)
            span = bytes(out[at:end])
            del out[at:end]
            where = rng.randint(0, len(out))
            out[where:where] = span
        else:
            del out[at:]
    return bytes(out[:limit])


def nested(rng: random.Random, opener: str, closer: str, inner: str = "") -> str:
    """Brackets nested near the limits (200) or far past them."""
    depth = rng.choice([10, 150, 199, 200, 201, 250, 1000, 5000, 20000])
    return opener * depth + inner + closer * rng.choice([depth, depth, depth // 2, 0])


def make_case(kind: str, seed: int, index: int) -> Case:
    """The case ``index`` of ``kind`` for ``seed``: the same bytes in every process."""
    rng = random.Random(f"{seed}:{kind}:{index}")
    return Case(kind, index, *MAKERS[kind](rng))


def _sparql_text(rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.1:
        return ("SELECT * WHERE " + nested(rng, rng.choice(["{", "(", "[", "{ ?s ?p ", "<< "]), rng.choice(["}", ")", "]", " >>"]))).encode()
    if roll < 0.15:
        return ("SELECT * WHERE { ?s ?p " + '"' + rng.choice(["a", "\\", "\\u", "'", "\\\\\"", "\n"]) * rng.randint(1, 20000) + '" }').encode()
    if roll < 0.2:
        return ("ASK { " + "a." * rng.randint(100, 16000) + " }").encode()
    seeds = sparql_seeds()
    return mutate(rng.choice(seeds).encode(), rng, SPARQL_TOKENS, 65536)


NAMES = [b"hamhung", b"Hamhung", b"id:hamhung", b"<https://w3id.org/nkgeo/id/hamhung>", b"locatedIn", b"rdf:type", b"North Korea",
         b"nkgeo:ProvincialCapital", b"south hamgyong", b"\xed\x95\xa8\xed\x9d\xa5"]


def _make_sparql(rng: random.Random) -> tuple[bytes, dict]:
    """A query for ``nkgeo sparql`` (an argument, or stdin), parameters for ``nkgeo query``, or
    names for ``nkgeo show`` and ``nkgeo why`` (each name resolved as the query parameters are)."""
    text = _sparql_text(rng)
    fmt = rng.choice(RESULT_FORMATS) if rng.random() < 0.3 else rng.choice(["table", "json", "csv"])
    roll = rng.random()
    if roll < 0.1:
        name = mutate(rng.choice(NAMES), rng, SPARQL_TOKENS, 512)
        if rng.random() < 0.5:
            return name, {"args": ["show", "{data}", "--format", rng.choice(["text", "json"])]}
        triple = [rng.choice(NAMES).decode() for _ in range(3)]
        triple[rng.randrange(3)] = "{data}"
        return name, {"args": ["why", *triple, "--no-quote"]}
    if roll < 0.25:
        from nkgeo.resources import queries_dir

        name = rng.choice(sorted(p.stem for p in queries_dir().glob("*.rq")) + ["nope", "../etc", ""])
        value = mutate(rng.choice([b"steel", b"hamhung", b"<https://w3id.org/nkgeo/id/hamhung>", b"id:x", b"10"]), rng, SPARQL_TOKENS, 512)
        return value, {"args": ["query", name, "-p", rng.choice(["industry", "country", "river", "place", "limit", "x"]), "{data}",
                                "--format", fmt]}
    if roll < 0.3:
        return text, {"args": ["sparql", "-", "--format", fmt], "stdin": True}
    graph = rng.choice(["all", "asserted", "inferred"])
    return text, {"args": ["sparql", "{data}", "--format", fmt, "--graph", graph]}


def _make_endpoint(rng: random.Random) -> tuple[bytes, dict]:
    """A request to the app: a query by GET, by form or direct POST, or a page with odd parameters."""
    from urllib.parse import quote

    text = _sparql_text(rng)
    accept = rng.choice(ACCEPTS)
    roll = rng.random()
    if roll < 0.4:
        path = "/sparql?query=" + quote(text.decode("utf-8", "replace")) + rng.choice(["", "&format=csv", "&default-graph-uri=x%20y",
                                                                                       "&named-graph-uri=urn:x", "&query=ASK{}"])
        return b"", {"method": "GET", "path": path[:200_000], "accept": accept}
    if roll < 0.6:
        content_type = rng.choice(["application/sparql-query", "application/x-www-form-urlencoded", "application/sparql-update",
                                   "text/plain", "", "application/sparql-query; charset=latin-1"])
        body = text if "form" not in content_type else b"query=" + quote(text.decode("utf-8", "replace")).encode()
        return body, {"method": rng.choice(["POST", "POST", "PUT", "DELETE", "OPTIONS"]), "path": "/sparql", "accept": accept,
                      "content_type": content_type}
    junk = mutate(rng.choice([b"hamhung", b"Hamhung", b"000_cbd80db4a2371350", b"capitals", b"a b"]), rng,
                  [t.encode() for t in ("%", "%20", "%00", "%ff", "%0d%0a", "/", "..", "?", "#", "&", "=", "함흥", ".html", ".ttl")], 2048)
    word = junk.decode("latin-1")
    path = rng.choice([f"/id/{word}", f"/doc/{word}", f"/find?name={word}", f"/query/{word}", f"/query/cities-with-industry?industry={word}",
                       f"/ontology.{word}", rng.choice(PATHS) + "?format=" + word])
    return b"", {"method": rng.choice(["GET", "GET", "HEAD"]), "path": path, "accept": accept}


def _make_rdf(rng: random.Random) -> tuple[bytes, dict]:
    fmt = rng.choice(RDF_FORMATS)
    roll = rng.random()
    if roll < 0.08 and fmt in ("json-ld", "xml", "trix"):
        if fmt == "json-ld":
            data = ('{"@id": "http://e/s", "http://e/p": ' + nested(rng, rng.choice(['{"@list": [', "[", '{"http://e/p": ']),
                                                                     rng.choice(["]}", "]", "}"]), '"v"') + "}").encode()
        else:
            data = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">'
                    + nested(rng, "<rdf:Description><e:p>", "</e:p></rdf:Description>") + "</rdf:RDF>").encode()
    elif roll < 0.12 and fmt in ("xml", "trix"):
        levels = rng.randint(1, 9)
        entities = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, levels + 1))
        data = rdf_seeds()[fmt].replace(b"?>", b"?>", 1)
        data = b"<!DOCTYPE r [" + entities.encode() + b"]>" + data.replace(b"Hamhung", f"&l{levels};".encode(), 1)
    elif roll < 0.16 and fmt in ("turtle", "trig", "n3"):
        data = ("<http://e/s> <http://e/p> " + nested(rng, rng.choice(["[ <http://e/p> ", "( ", "<< <http://e/s> <http://e/p> "]),
                                                      rng.choice([" ]", " )", " >> <http://e/p> <http://e/o>"]), "1") + " .").encode()
    else:
        source = rng.choice(RDF_FORMATS) if rng.random() < 0.1 else fmt  # now and then, one format read as another
        data = mutate(rdf_seeds()[source], rng, RDF_TOKENS, 262144)
    return data, {"format": fmt, "via": "serve" if rng.random() < 0.1 else "read"}


def _make_document(rng: random.Random) -> tuple[bytes, dict]:
    roll = rng.random()
    if roll < 0.1:
        data = (rng.choice(["Hamhung ", "Kim ", "the City of ", "⟪0⟫ ", "Aaaa", "North Korea River "]) * rng.randint(10, 400)).encode()
    else:
        data = mutate(rng.choice(document_seeds()), rng, DOCUMENT_TOKENS, MAX_DOCUMENT)
    if rng.random() < 0.05:
        data = data.decode("utf-8", "replace").encode(rng.choice(["utf-16", "cp949", "latin-1"]), "replace")
    return data[:MAX_DOCUMENT], {}


def _make_candidates(rng: random.Random) -> tuple[bytes, dict]:
    data = mutate(rng.choice(candidates_seeds()), rng, RDF_TOKENS + ["graph:doc-", "doc-x\\y", "nkgeo:confidence \"high\"", "a" * 300,
                                                                    "rdf:predicate \"p\"", "graph:gazetteer {", "}"], 262144)
    name = rng.choice(["candidates.trig", "c.trig", "a\nb.trig", "x" * 200 + ".trig", "c\r.trig", "名前.trig", "c\x7f.trig"])
    return data, {"name": name}


def _make_http(rng: random.Random) -> tuple[bytes, dict]:
    from urllib.parse import quote

    path = rng.choice(PATHS)
    if path.startswith("/sparql") and rng.random() < 0.7:
        path += "?query=" + quote(_sparql_text(rng).decode("utf-8", "replace"))[:100_000]
    method = rng.choice(["GET", "GET", "POST", "HEAD", "OPTIONS", "PUT", "TRACE", "CONNECT", "GE T", ""])
    headers = [b"Host: 127.0.0.1", b"Accept: " + rng.choice(ACCEPTS).encode()]
    body = b""
    if method == "POST":
        body = _sparql_text(rng)
        headers += [b"Content-Type: application/sparql-query", b"Content-Length: %d" % len(body)]
    if rng.random() < 0.5:
        headers.append(b"Connection: close")
    raw = f"{method} {path} HTTP/1.1\r\n".encode() + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body
    roll = rng.random()
    if roll < 0.05:
        raw = raw.replace(b"\r\n\r\n", b"\r\n" + b"X-Big: " + b"b" * rng.choice([1000, 70000, 200000]) + b"\r\n\r\n", 1)
    elif roll < 0.1:
        raw = raw.replace(b"\r\n\r\n", b"\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(rng.choice([50, 101, 5000]))) + b"\r\n", 1)
    elif roll < 0.7:
        raw = mutate(raw, rng, HTTP_TOKENS, 300_000)
    return raw, {"half_close": rng.random() < 0.5}


MAKERS = {"sparql": _make_sparql, "endpoint": _make_endpoint, "rdf": _make_rdf, "documents": _make_document,
          "candidates": _make_candidates, "http": _make_http}


# --- running cases in the child ---------------------------------------------------------------


def _cli_outcome(result) -> Outcome:
    """What a CliRunner result says: a documented exit with no traceback is ok (0) or refused."""
    exception = result.exception
    if exception is not None and not isinstance(exception, SystemExit):
        lines = traceback.format_exception(type(exception), exception, exception.__traceback__)
        return Outcome("traceback", "".join(lines[-3:]).strip()[-600:])
    output = result.output  # stdout and stderr, as a terminal shows them
    if "Traceback (most recent call last)" in output:
        return Outcome("traceback", output[output.index("Traceback"):][-600:])
    if result.exit_code not in CLI_EXIT_CODES:
        return Outcome("crash", f"exit code {result.exit_code}: {output[-300:]}")
    message = re.sub(r"\A(warning: [^\n]*\n)*", "", output)  # rdflib's warnings, one line each, may come first
    if result.exit_code and not message.startswith(("Error: ", "Usage: ")):
        return Outcome("traceback", f"exit code {result.exit_code} without a one-line error: {output[:300]}")
    return Outcome("ok" if result.exit_code == 0 else "refused", output[:200])


@functools.cache
def _runner():
    from click.testing import CliRunner

    return CliRunner()


def run_sparql(case: Case) -> Outcome:
    from nkgeo.cli import cli

    text = case.data.decode("utf-8", "surrogateescape")
    args = [text if a == "{data}" else a for a in case.params["args"]]
    result = _runner().invoke(cli, args, input=case.data if case.params.get("stdin") else None)
    return _cli_outcome(result)


@functools.cache
def _app():
    from nkgeo.serve.app import Server, create_app
    from nkgeo.serve.data import ServedData
    from nkgeo.serve.settings import Settings

    server = Server(ServedData.from_compiled(), Settings(workers=1, time_limit=2.0))
    return server, create_app(server)


def run_endpoint(case: Case) -> Outcome:
    from nkgeo.errors import NkgeoError
    from nkgeo.serve.launch import request

    server, app = _app()
    crashes = server.pool.stats["crashes"]
    headers = {"accept": case.params["accept"]} if case.params.get("accept") else {}
    if case.params.get("content_type"):
        headers["content-type"] = case.params["content_type"]
    try:
        response = request(app, case.params["path"], case.params["method"], headers, case.data, follow=False)
    except NkgeoError as exc:  # what --get refuses before the app sees it
        return Outcome("refused", str(exc))
    return _http_outcome(response.status, response.body, server.pool.stats["crashes"] > crashes)


def _http_outcome(status: int | None, body: bytes, worker_died: bool = False) -> Outcome:
    if worker_died or b"the query worker stopped" in body:
        return Outcome("crash", f"a query worker died: {body[:300]!r}")
    if status is None:
        return Outcome("crash", f"no answer: {body[:300]!r}")
    if status == 500 and b"the server failed to answer" in body:
        return Outcome("traceback", "500: an error of the server's (the traceback is in its log)")
    if b"Traceback (most recent call last)" in body:
        return Outcome("traceback", body[:600].decode("utf-8", "replace"))
    return Outcome("ok" if status < 400 else "refused", f"{status} {body[:120]!r}")


def run_rdf(case: Case) -> Outcome:
    from nkgeo import rdfio
    from nkgeo.errors import NkgeoError

    fmt = rdfio.rdf_format(case.params["format"], writing=False)
    try:
        if case.params["via"] == "serve":  # what nkgeo serve FILE does: read, store, dump for the workers
            from nkgeo.serve.data import ServedData

            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"data{fmt.suffix}"
                path.write_bytes(case.data)
                ServedData.from_files([path]).close()
        else:
            rdfio.read(case.data, fmt)
    except NkgeoError as exc:
        return _one_line(exc)
    return Outcome("ok")


def _one_line(exc: Exception) -> Outcome:
    """A refusal is one line; a message of several lines is as bad as a traceback."""
    message = str(exc)
    if "\n" in message.strip():
        return Outcome("traceback", f"an error message of several lines: {message[:300]!r}")
    return Outcome("refused", message[:200])


def run_documents(case: Case) -> Outcome:
    from nkgeo.errors import NkgeoError
    from nkgeo.extract import Candidates
    from nkgeo.extract.document import decode_document

    try:
        document = decode_document("fuzzed.txt", "fuzzed.txt", case.data)
        if document.is_blank:
            return Outcome("refused", "blank")
        candidates = Candidates([_extractor().extract(document)])
        candidates.trig()
        candidates.table()
    except NkgeoError as exc:
        return _one_line(exc)
    return Outcome("ok")


def run_candidates(case: Case) -> Outcome:
    from nkgeo.extract.candidates import CandidatesError, check_candidates

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case.params["name"]
        path.write_bytes(case.data)
        try:
            check_candidates(path)
        except CandidatesError as exc:
            return _one_line(exc)
    return Outcome("ok")


def check_slow(case: Case) -> Outcome:
    """For a CLI query past the time limit: ``slow`` when the endpoint, which has a time limit,
    stops it there too (a valid query that takes long: the CLI has no time limit, by design),
    else it stays a hang."""
    from urllib.parse import quote, urlencode

    from nkgeo.serve.launch import request

    args = case.params["args"]
    text = case.data.decode("utf-8", "replace")
    if args[0] == "query":
        path = f"/query/{quote(args[1])}?" + urlencode({args[3]: text, "format": "json"})
    else:
        path = "/sparql?query=" + quote(text)
    _server, app = _app()
    response = request(app, path, follow=False)
    if response.status == 503 and b"ran past the time limit" in response.body:
        return Outcome("slow", "a valid query that runs long: the endpoint stops it at its time limit")
    return Outcome("hang", f"the endpoint answers it in time ({response.status} {response.body[:100]!r}), the CLI did not")


RUNNERS = {"sparql": run_sparql, "endpoint": run_endpoint, "rdf": run_rdf, "documents": run_documents, "candidates": run_candidates}


def child_main() -> None:
    """Read cases (one JSON line each: kind, seed, index) from stdin, answer one JSON line each."""
    from nkgeo import rdfio

    rdfio.quiet_rdflib_logging()  # as the CLI does
    out = sys.stdout
    sys.stdout = sys.stderr  # whatever a case prints must not break the answers
    for line in sys.stdin:
        request = json.loads(line)
        case = make_case(request["kind"], request["seed"], request["index"])
        try:
            outcome = check_slow(case) if request.get("check_slow") else RUNNERS[case.kind](case)
        except Exception as exc:  # noqa: BLE001 - that is what the fuzzer looks for
            lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
            outcome = Outcome("traceback", "".join(lines[-4:]).strip()[-800:])
        out.write(json.dumps({"status": outcome.status, "detail": outcome.detail}) + "\n")
        out.flush()


# --- the parent: children, the server, the figures --------------------------------------------


class Child:
    """The child process that runs cases; restarted after a crash or a hang."""

    def __init__(self, log):
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.log, start_new_session=True)

    def run(self, kind: str, seed: int, index: int, time_limit: float, check_slow: bool = False) -> Outcome:
        if self.process is None or self.process.poll() is not None:
            self.start()
        try:
            request = {"kind": kind, "seed": seed, "index": index, "check_slow": check_slow}
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
        except OSError:
            return self._died()
        ready, _, _ = select.select([self.process.stdout], [], [], time_limit)
        if not ready:
            self.stop()
            return Outcome("hang", f"no answer within {time_limit:g} s")
        line = self.process.stdout.readline()
        if not line:
            return self._died()
        answer = json.loads(line)
        return Outcome(answer["status"], answer["detail"])

    def _died(self) -> Outcome:
        code = self.process.wait(10)
        self.process = None
        how = f"killed by signal {-code}" if code < 0 else f"exit code {code}"
        return Outcome("crash", f"the process died ({how})")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, 9)  # its own session: the child and the query workers it started
            self.process.wait(10)
        self.process = None


def read_response(sock: socket.socket, deadline: float, head_only: bool = False) -> tuple[int | None, bytes, str]:
    """Read one HTTP response (to its Content-Length, or to the end; only the head for a HEAD
    request); (status, body, how it ended)."""
    data = b""
    while time.monotonic() < deadline:
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            length = re.search(rb"(?im)^content-length:\s*(\d+)\s*$", head)
            if (head_only and _status(data) not in (None, 400, 408, 414, 431, 501, 505)) or (length and len(body) >= int(length.group(1))):
                break
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            return _status(data), data, "timeout"
        except OSError as exc:
            return _status(data), data, f"reset ({exc.strerror or exc})"
        if not chunk:
            break
        data += chunk
    else:
        return _status(data), data, "timeout"
    return _status(data), data.partition(b"\r\n\r\n")[2], "answered"


def _status(data: bytes) -> int | None:
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", data)
    return int(match.group(1)) if match else None


def run_http(case: Case, port: int, time_limit: float) -> Outcome:
    """Send the raw bytes to the server, half-close or not, and judge the answer."""
    deadline = time.monotonic() + time_limit
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=time_limit)
    except OSError as exc:
        return Outcome("crash", f"the server does not take connections: {exc}")
    with sock:
        try:
            sock.sendall(case.data)
            if case.params["half_close"]:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may close early (a refused head); its answer is still to be read
        status, body, how = read_response(sock, deadline, head_only=case.data.startswith(b"HEAD "))
    if how == "timeout":
        return Outcome("hang", f"no whole answer within {time_limit:g} s (status {status})")
    if status is None:
        if not case.data.strip(b"\r\n") or how == "answered":
            return Outcome("refused", "closed without an answer (nothing, or nothing of a request, was sent)")
        return Outcome("crash", f"the connection ended without an answer: {how}")
    return _http_outcome(status, body)


@dataclass
class Figures:
    cases: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[tuple[Case, Outcome]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, case: Case | tuple, outcome: Outcome) -> None:
        kind = case.kind if isinstance(case, Case) else case[0]
        self.cases[kind] = self.cases.get(kind, 0) + 1
        counts = self.statuses.setdefault(kind, {})
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if outcome.status in ("traceback", "crash", "hang"):
            self.failures.append((case if isinstance(case, Case) else make_case(*case), outcome))

    def total(self, status: str) -> int:
        return sum(counts.get(status, 0) for counts in self.statuses.values())

    def report(self) -> str:
        lines = [f"{'kind':<11}{'cases':>8}{'ok':>8}{'refused':>9}{'slow':>6}{'tracebacks':>12}{'crashes':>9}{'hangs':>7}{'seconds':>9}"]
        for kind, count in self.cases.items():
            c = self.statuses[kind]
            lines.append(f"{kind:<11}{count:>8}{c.get('ok', 0):>8}{c.get('refused', 0):>9}{c.get('slow', 0):>6}{c.get('traceback', 0):>12}"
                         f"{c.get('crash', 0):>9}{c.get('hang', 0):>7}{self.seconds.get(kind, 0):>9.0f}")
        lines.append(f"{'total':<11}{sum(self.cases.values()):>8}{self.total('ok'):>8}{self.total('refused'):>9}{self.total('slow'):>6}"
                     f"{self.total('traceback'):>12}{self.total('crash'):>9}{self.total('hang'):>7}{sum(self.seconds.values()):>9.0f}")
        lines.append(f"cases tried {sum(self.cases.values())}, tracebacks {self.total('traceback')}, crashes {self.total('crash')}, "
                     f"hangs {self.total('hang')}")
        for case, outcome in self.failures[:50]:
            lines.append(f"  {outcome.status}: {case.describe()}\n      {outcome.detail[-500:]!r}")
        if len(self.failures) > 50:
            lines.append(f"  ... and {len(self.failures) - 50} more")
        return "\n".join(lines)


def run(kinds: dict[str, int], seed: int = 0, time_limit: float = TIME_LIMIT, log_path: str | None = None,
        progress=None, first: int = 0) -> Figures:
    """Run ``kinds[kind]`` cases of each kind (indices ``first``, ``first + 1``...); the figures."""
    figures = Figures()
    log_path = log_path or os.path.join(tempfile.gettempdir(), "nkgeo-fuzz.log")
    with open(log_path, "ab") as log:
        for kind, count in kinds.items():
            started = time.monotonic()
            if kind == "http":
                _run_http_cases(figures, count, seed, time_limit, log_path, first, progress)
            else:
                child, checker = Child(log), Child(log)
                try:
                    for index in range(first, first + count):
                        outcome = child.run(kind, seed, index, time_limit)
                        if outcome.status == "hang" and kind == "sparql":
                            outcome = checker.run(kind, seed, index, time_limit, check_slow=True)
                        figures.add((kind, seed, index), outcome)
                        if progress:
                            progress(kind, index - first + 1, count, figures)
                finally:
                    child.stop()
                    checker.stop()
            figures.seconds[kind] = time.monotonic() - started
    return figures


def _run_http_cases(figures: Figures, count: int, seed: int, time_limit: float, log_path: str, first: int, progress) -> None:
    from nkgeo.serve.launch import ServerProcess

    server = ServerProcess(SERVER_ARGS, log=log_path).start()
    try:
        for index in range(first, first + count):
            case = make_case("http", seed, index)
            outcome = run_http(case, server.port, time_limit)
            if server.process.poll() is not None:
                outcome = Outcome("crash", f"the server died (exit code {server.process.returncode})")
                server = ServerProcess(SERVER_ARGS, log=log_path).start()
            figures.add(case, outcome)
            if progress:
                progress("http", index - first + 1, count, figures)
    finally:
        server.stop()


if __name__ == "__main__" and sys.argv[1:] == ["--child"]:
    sys.path.insert(0, str(ROOT))
    child_main()
