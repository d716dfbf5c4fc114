"""Other triple stores: queries against any SPARQL 1.1 endpoint, and loading the graph into a store
through the SPARQL 1.1 Graph Store HTTP Protocol. Standard library HTTP only (urllib).

A query goes as an HTML-form POST (``application/x-www-form-urlencoded``), which every endpoint
takes and which has no URL length limit; results come back as SPARQL JSON (or XML, or TSV) and
are read by pyoxigraph, so ``nkgeo`` prints them exactly as it prints local results.

Canned-query parameters cannot use pyoxigraph's substitutions on a remote endpoint: they are
bound with a ``VALUES`` block written by ``query.sparqltext`` (terms escaped as in N-Triples),
never by pasting the user's text into the query. Entity names are resolved to IRIs locally first.

Credentials never appear in a message: a user name and password in the URL
(``http://user:pw@host/sparql``) are taken out of it and sent as ``--user``/``--password`` are,
in answer to the server's challenge; the URL a message shows (:attr:`Endpoint.shown`) has no
user information, and the values of query-string parameters that look like secrets (``token``,
``key``, ``password``...) are masked, there and in whatever the server answers.

``push`` PUTs each named graph of the compiled dataset to ``ENDPOINT?graph=IRI`` (indirect graph
identification) as N-Triples, and reports each graph's fate: a failure of one graph does not stop
the others, and is reported, never hidden. A graph over ``PUSH_PART_BYTES`` of N-Triples goes in
parts (a PUT of the first, then POSTs, which the protocol defines as a merge), because stores limit
a request's body: Virtuoso 7 drops the connection on a body of about 600 KB. Every triple with a
blank node goes in the first part, since a blank node's label means the same node only within
one request.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from nkgeo import namespaces as ns
from nkgeo import rdfcheck, rdfio
from nkgeo.errors import NkgeoError, QueryError, SourceError
from nkgeo.query import sparqltext

SOLUTIONS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8, text/plain;q=0.5"
USER_AGENT = "nkgeo (+https://w3id.org/nkgeo/)"
# Query-string parameters whose values are masked in messages: tokens, keys, passwords, signatures.
SECRET_PARAMETER = re.compile(r"token|key|secret|pass|pwd|auth|sig|session|credential", re.IGNORECASE)
MASK = "***"
MIN_SECRET = 4  # shorter secrets are not searched for in free text (every "pw" of a message would go)
DEFAULT_TIMEOUT = 60.0
PUSH_PART_BYTES = 256_000


class RemoteError(NkgeoError):
    """An endpoint cannot be reached, refuses a request, or answers in a way we cannot read."""


def _media(header: str | None) -> str:
    return (header or "").split(";")[0].strip().lower()


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


@dataclass
class Endpoint:
    """A SPARQL endpoint (or a Graph Store Protocol endpoint) at ``url``, with optional credentials."""

    url: str
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    _secrets: list[str] = field(default_factory=list, repr=False)

    def __repr__(self) -> str:
        return f"Endpoint({self.shown!r})"

    def __post_init__(self):
        try:
            parts = urllib.parse.urlsplit(self.url)
            user, password, host = parts.username, parts.password, parts.hostname  # a bad port raises here
            parts.port  # noqa: B018 - checked for its ValueError
        except ValueError:
            raise RemoteError(f"{_without_userinfo(self.url).partition('?')[0]!r} is not a URL nkgeo can send to "
                              f"(its host or port is malformed)") from None
        if user is not None:  # http://user:pw@host/...: sent as --user/--password are, never shown
            if self.user is not None or self.token:
                raise RemoteError("give the credentials in the URL or with --user/--password or --token, not both")
            self.user, self.password = urllib.parse.unquote(user), urllib.parse.unquote(password or "")
            self.url = _without_userinfo(self.url)
        self._secrets = [s for s in (self.password, self.token, *_secret_values(parts.query)) if s and len(s) >= MIN_SECRET]
        if parts.scheme not in ("http", "https") or not host:
            raise RemoteError(f"{self.shown!r} is not an http:// or https:// URL")
        if (self.user is None) != (self.password is None):
            raise RemoteError("give --user and --password together")
        if self.token and self.user:
            raise RemoteError("give --user/--password or --token, not both")

    @property
    def shown(self) -> str:
        """The URL as messages show it: no user information, the values of secret parameters masked."""
        parts = urllib.parse.urlsplit(self.url)
        pieces = []
        for piece in parts.query.split("&") if parts.query else []:
            name, equals, _value = piece.partition("=")
            pieces.append(f"{name}={MASK}" if equals and SECRET_PARAMETER.search(urllib.parse.unquote(name)) else piece)
        return urllib.parse.urlunsplit(parts._replace(query="&".join(pieces)))

    def redact(self, text: str) -> str:
        """``text`` (a server's answer, a library's error) with this endpoint's passwords, tokens
        and secret parameter values masked, as they are and percent-encoded."""
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, MASK)
            quoted = urllib.parse.quote(secret, safe="")
            if quoted != secret:
                text = text.replace(quoted, MASK)
        return text

    def _opener(self):
        handlers = []
        if self.user is not None:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            manager.add_password(None, self.url, self.user, self.password)
            # Credentials go only in answer to the server's challenge, Basic or Digest as it asks.
            handlers += [urllib.request.HTTPBasicAuthHandler(manager), urllib.request.HTTPDigestAuthHandler(manager)]
        return urllib.request.build_opener(*handlers)

    def send(self, method: str, url: str, body: bytes | None, headers: dict) -> tuple[int, str, dict, bytes]:
        """One request: (status, reason, headers, body); HTTP errors are answers too."""
        headers = {"User-Agent": USER_AGENT, **headers}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with self._opener().open(request, timeout=self.timeout) as response:
                return response.status, response.reason, dict(response.headers), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.reason, dict(exc.headers or {}), exc.read() if exc.fp else b""
        except urllib.error.URLError as exc:
            reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
            raise RemoteError(f"cannot reach {self.shown}: {self.redact(reason)}") from None
        except (TimeoutError, OSError, ValueError) as exc:  # ValueError: http.client refuses the URL
            raise RemoteError(f"cannot reach {self.shown}: {self.redact(str(getattr(exc, 'strerror', None) or exc or 'timed out'))}") from None

    def query(self, text: str, default_graphs: list[str] | tuple = (), named_graphs: list[str] | tuple = ()):
        """Run a query; a SELECT/ASK gives pyoxigraph QuerySolutions/QueryBoolean, a
        CONSTRUCT/DESCRIBE a list of pyoxigraph Triples."""
        import pyoxigraph as ox

        form = sparqltext.query_form(text)
        graph_form = form in sparqltext.GRAPH_FORMS
        fields = [("query", text)] + [("default-graph-uri", g) for g in default_graphs] + [("named-graph-uri", g) for g in named_graphs]
        status, reason, headers, body = self.send(
            "POST", self.url, urllib.parse.urlencode(fields).encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": GRAPH_ACCEPT if graph_form else SOLUTIONS_ACCEPT},
        )
        if status >= 400:
            detail = _one_line(body.decode("utf-8", errors="replace")) if body else ""
            raise RemoteError(f"{self.shown} answered {status} {reason}" + (f": {self.redact(detail)}" if detail else ""))
        media = _media(headers.get("Content-Type") or headers.get("content-type"))
        try:
            if graph_form:
                fmt = rdfio.format_of_media_type(media)
                if fmt is None:
                    raise RemoteError(f"{self.shown} answered a graph as {media or 'an unnamed type'}, which nkgeo cannot read")
                return [ox.Triple(q.subject, q.predicate, q.object) for q in rdfio.read(body, fmt, name="the answer")]
            fmt = ox.QueryResultsFormat.from_media_type(media) if media else None
            if fmt is None and media in ("application/json", "text/javascript"):
                fmt = ox.QueryResultsFormat.JSON
            if fmt is None or fmt == ox.QueryResultsFormat.CSV:
                raise RemoteError(f"{self.shown} answered results as {media or 'an unnamed type'}, which nkgeo cannot read")
            checked = {ox.QueryResultsFormat.JSON: "sparql-json", ox.QueryResultsFormat.XML: "sparql-xml"}.get(fmt)
            if checked:  # nested triple terms would crash the parser
                rdfcheck.check(body, checked, "the answer")
            return ox.parse_query_results(body, format=fmt)
        except (SyntaxError, ValueError, SourceError) as exc:
            raise RemoteError(f"cannot read the answer of {self.shown}: {self.redact(_one_line(str(exc)))}") from None


def _without_userinfo(url: str) -> str:
    """The URL without ``user:password@`` before its host (text only: the URL may be malformed)."""
    return re.sub(r"^([^:/?#]*:)?//[^/?#]*@", r"\1//", url)


def _secret_values(query: str) -> list[str]:
    """The values of the query-string parameters named like secrets (``?token=...&api_key=...``)."""
    return [value for name, value in urllib.parse.parse_qsl(query, keep_blank_values=False) if SECRET_PARAMETER.search(name)]


def remote_text(text: str, bindings: dict | None = None) -> str:
    """A query ready for another endpoint: parameters bound by VALUES, known prefixes declared."""
    if bindings:
        text = sparqltext.inject_values(text, bindings)
    return sparqltext.with_prefixes(text, ns.PREFIXES)


def dataset_for(local_graphs: list[str], choice: str) -> tuple[list[str], list[str]]:
    """default-graph-uri and named-graph-uri for ``--graph``: nothing for all (the store's default
    graph is used, which should be the union of the named graphs), else the chosen graphs."""
    from nkgeo.query.store import default_graphs

    wanted = default_graphs(local_graphs, choice)
    if wanted is None:
        return [], []
    if not wanted:
        raise QueryError(f"the dataset has no {choice} graph")
    return wanted, list(local_graphs)


# --- the Graph Store Protocol ----------------------------------------------------------------


@dataclass
class PushResult:
    graph: str
    triples: int
    status: int | None
    reason: str
    seconds: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def choose_graphs(available: list[str], wanted: str | None) -> list[str]:
    """Every named graph, or the one ``wanted`` names (an IRI, ``graph:name`` or ``name``)."""
    from nkgeo.query.store import named_graph

    return list(available) if wanted is None else [named_graph(available, wanted)]


def graph_store_url(endpoint: str, graph: str) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    query = (parts.query + "&" if parts.query else "") + urllib.parse.urlencode({"graph": graph})
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


# Triples per request when credentials are given: the server answers its challenge before it reads
# the body, so a large body breaks the connection (Virtuoso: broken pipe at about 1.5 MB); such a graph
# goes as one PUT of its first triples and POSTs of the rest. Without credentials a graph is one PUT.


def push(store, endpoint: Endpoint, graphs: list[str], progress=None) -> list[PushResult]:
    """PUT each graph of ``store`` (a pyoxigraph Store) to the Graph Store endpoint, as N-Triples
    (with credentials, a large graph in parts: PUT, then POST).

    Every graph is tried; ``progress(result)`` is called after each one.
    """
    import pyoxigraph as ox

    results = []
    for graph in graphs:
        started = time.perf_counter()
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))]
        status, reason, detail = None, "not sent", ""
        parts = _parts(rdfio.serialize(triples, "nt"))
        for method, part in zip(["PUT"] + ["POST"] * (len(parts) - 1), parts, strict=True):
            try:
                status, reason, _headers, body = endpoint.send(
                    method, graph_store_url(endpoint.url, graph), part, {"Content-Type": "application/n-triples; charset=utf-8"})
                detail = "" if 200 <= status < 300 else endpoint.redact(_one_line(body.decode("utf-8", errors="replace"), 200))
            except RemoteError as exc:
                status, reason, detail = None, "not sent", str(exc)
            if detail or status is None:
                break
        result = PushResult(graph, len(triples), status, reason, round(time.perf_counter() - started, 3), detail)
        results.append(result)
        if progress is not None:
            progress(result)
    return results


def _parts(ntriples: bytes, limit: int | None = None) -> list[bytes]:
    """N-Triples cut at line ends into bodies of at most ``limit`` bytes (one line may exceed it),
    the lines with a blank node all in the first."""
    limit = limit or PUSH_PART_BYTES
    lines = ntriples.splitlines(keepends=True)
    blank = [line for line in lines if b"_:" in line]  # a blank node (or, harmlessly, a literal that shows "_:")
    ordered = blank + [line for line in lines if b"_:" not in line]
    parts, current, size = [], [], 0
    for index, line in enumerate(ordered):
        if current and size + len(line) > limit and index >= len(blank):
            parts.append(b"".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line)
    parts.append(b"".join(current))
    return parts


def render_push_line(result: PushResult) -> str:
    state = f"{result.status} {result.reason}" if result.status is not None else result.reason
    line = f"{ns.compact(result.graph):<40} {result.triples:>7} triples  {state}  {result.seconds:.2f} s"
    if not result.ok:
        line += f"  FAILED{': ' + result.detail if result.detail else ''}"
    return line


def render_push_summary(results: list[PushResult], url: str) -> str:
    done = [r for r in results if r.ok]
    failed = [r for r in results if not r.ok]
    text = f"pushed {len(done)} of {len(results)} graphs ({sum(r.triples for r in done)} triples) to {url}"
    if failed:
        text += "; failed: " + ", ".join(ns.compact(r.graph) for r in failed)
    return text
