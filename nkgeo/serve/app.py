"""The web application: the SPARQL endpoint, the canned queries, entity and ontology pages.

Routes:

- ``/sparql`` (and ``/sparql/``): the SPARQL 1.1 Protocol query operation, GET and POST; a GET
  without a query gets the service description (or, for a browser, a query form).
- ``/``: the home page, every canned query with a form for its parameters.
- ``/query/NAME?param=value``: a canned query, as an HTML table or any SPARQL result format.
- ``/id/SLUG`` and ``/doc/STEM``: the graph's IRIs (``https://w3id.org/nkgeo/id/...``) served
  locally. They answer ``303 See Other`` to a document chosen by the Accept header:
  ``/id/SLUG.html`` (the page), ``.ttl``, ``.jsonld``, ``.nt`` or ``.rdf`` (the data), as the W3C's
  "Cool URIs for the Semantic Web" recommends for things that are not documents.
- ``/evidence/ID``: an evidence record (how, when and where a document states a triple), the same way.
- ``/why?s=IRI&p=IRI&o=IRI``: how an inferred triple is derived (the ``nkgeo why`` tree), as a page.
- ``/ontology``: the same for the ontology: ``/ontology.html`` lists classes and properties.
- ``/find?name=...``: an entity by any of its names, redirected to its page.

Every error is one line in the format the client prefers (plain text, JSON or an HTML page),
with the status the SPARQL 1.1 Protocol or HTTP gives it; a failure of ours is a 500 with no
traceback (it goes to the server's log).
"""

from __future__ import annotations

import json
import logging
import threading
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import NkgeoError, ParameterError, UnknownEntityError
from nkgeo.query import sparqltext
from nkgeo.serve import negotiation, pages, service
from nkgeo.serve.data import ServedData
from nkgeo.serve.protocol import HttpError, parse_request
from nkgeo.serve.settings import Settings
from nkgeo.serve.workers import Job, WorkerError, WorkerPool

log = logging.getLogger("nkgeo.serve")

ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]
TEMPLATES = Path(__file__).parent / "templates"
ERROR_TYPES = {"text/plain": "text", "application/json": "json", "text/html": "html"}
# Documents about a thing: a browser (or */*) gets the page, RDF clients the data.
DOCUMENT_TYPES = {"text/html": "html", **{m: f for m, f in negotiation.GRAPH_TYPES.items()
                                          if f in negotiation.SUFFIX_OF and m != "text/html"}}
SD_TYPES = {m: f for m, f in negotiation.GRAPH_TYPES.items()}
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
STATUS_TITLES = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout",
                 413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 431: "Request Header Fields Too Large",
                 500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable", 505: "HTTP Version Not Supported"}


class Server:
    """The state behind the application: the data, the worker pool, templates and caches."""

    def __init__(self, data: ServedData, settings: Settings | None = None):
        import jinja2

        from nkgeo.query.canned import catalogue

        self.data = data
        self.settings = (settings or Settings()).check()
        self.pool = WorkerPool(data.nquads, size=self.settings.workers, time_limit=self.settings.time_limit,
                               memory_mb=self.settings.worker_memory)
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(href=pages.href, compact=ns.compact)
        try:
            self.catalogue = catalogue()
        except NkgeoError:
            self.catalogue = {}
        self._lock = threading.Lock()
        self._names = None
        self._sizes = None
        self._analyses: dict[str, sparqltext.QueryText] = {}

    def names(self):
        from nkgeo.query.names import NameIndex

        with self._lock:
            if self._names is None:
                self._names = NameIndex.from_dataset(self.data)
            return self._names

    def sizes(self):
        with self._lock:
            if self._sizes is None:
                self._sizes = service.graph_sizes(self.data)
            return self._sizes

    def analysis(self, query) -> sparqltext.QueryText:
        """What a canned query's text is (tokenised once for the server's life)."""
        with self._lock:
            if query.name not in self._analyses:
                self._analyses[query.name] = sparqltext.analyse(query.text)
            return self._analyses[query.name]

    def default_graph(self) -> list[str] | None:
        return self.data.default_graph_for(self.settings.graphs)

    def render(self, template: str, status: int = 200, headers: dict | None = None, **context) -> Response:
        body = self.env.get_template(template).render(settings=self.settings, label=self.data.label, **context)
        extra = {"Content-Security-Policy": CSP, **(headers or {})}
        return Response(body, status_code=status, media_type="text/html; charset=utf-8", headers=extra)

    def close(self) -> None:
        self.pool.close()
        self.data.close()


# --- helpers ---------------------------------------------------------------------------------


def _vary(headers: dict | None = None) -> dict:
    return {"Vary": "Accept", **(headers or {})}


def error_response(server: Server | None, request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    """One error in the format the client prefers: text (the default), JSON or HTML."""
    media = negotiation.negotiate(request.headers.get("accept"), ERROR_TYPES) or "text/plain"
    title = STATUS_TITLES.get(status, "Error")
    extra = _vary(headers)
    if media == "application/json":
        body = json.dumps({"ok": False, "status": status, "title": title, "error": message}, ensure_ascii=False) + "\n"
        return Response(body, status_code=status, media_type="application/json", headers=extra)
    if media == "text/html" and server is not None:
        return server.render("error.html", status=status, headers=extra, status_code=status, title=title, message=message)
    return Response(error_text(status, message, title), status_code=status, media_type="text/plain; charset=utf-8", headers=extra)


def error_text(status: int, message: str, title: str | None = None) -> str:
    """An error as plain text, the default shape: ``404 Not Found: no entity id:nowhere in the graph``."""
    return f"{status} {title or STATUS_TITLES.get(status, 'Error')}: {message}\n"


async def read_body(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise HttpError(413, f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HttpError(413, f"the request body is larger than {limit} bytes")
            chunks.append(chunk)
    except ClientDisconnect:  # the client went, or the server's guard gave up on the body (408)
        raise HttpError(400, "the request body was cut short") from None
    return b"".join(chunks)


def endpoint_iri(request: Request) -> str:
    """The endpoint's own IRI, as the client names it (the base IRI of its queries, the subject of
    the service description); 400 when the Host header makes no IRI of it."""
    endpoint = str(request.url_for("sparql_endpoint"))
    if not rdfio.is_iri(endpoint):
        raise HttpError(400, f"the Host header {request.headers.get('host', '')!r} is not a host name")
    return endpoint


def choose(request: Request, table: dict[str, str], format_value: str | None = None) -> str:
    """The media type to answer with: the ``format`` parameter when given, else the Accept header."""
    if format_value:
        media = negotiation.format_parameter(format_value, table)
        if media is None:
            names = sorted(set(table.values()))
            raise HttpError(400, f"unknown format {format_value!r}; choose one of {', '.join(names)} (or a media type)")
        return media
    media = negotiation.negotiate(request.headers.get("accept"), table)
    if media is None:
        raise HttpError(406, f"cannot answer with any type the Accept header allows; this resource is available as "
                             f"{negotiation.acceptable(table)}")
    return media


def _graph_response(triples: list, media: str, fmt: str, headers: dict | None = None, about: str | None = None) -> Response:
    body = rdfio.serialize(triples, fmt, leading=[about] if about else ())  # the thing described first
    return Response(body, media_type=negotiation.content_type(media), headers=_vary(headers))


def _term_spec(term) -> tuple:
    if type(term).__name__ == "NamedNode":
        return ("iri", term.value)
    language = term.language or None
    datatype = None if language else term.datatype.value
    return ("literal", term.value, language, datatype)


# --- the application -------------------------------------------------------------------------


class Handlers:
    """The routes of the application, one method each, over the state of one Server."""

    def __init__(self, server: Server):
        self.server = server
        self.settings = server.settings

    # Steps the query routes share.

    def check(self, analysis: sparqltext.QueryText) -> None:
        """What the endpoint refuses in any query before it runs: nesting past the limit (the parser
        would overflow its stack) and, unless allowed, SERVICE calls."""
        try:
            analysis.check_depth(self.settings.max_depth)
        except NkgeoError as exc:
            raise HttpError(400, str(exc)) from None
        if not self.settings.allow_service and analysis.uses_service:
            raise HttpError(403, "SERVICE calls to other endpoints are refused here; the operator can allow them "
                                 "with nkgeo serve --allow-service")

    def job(self, analysis: sparqltext.QueryText, fmt: str, **options) -> Job:
        """A job for the workers: the query in the negotiated format (an HTML page reads SPARQL JSON
        or N-Triples), with the dataset of the server's --graph unless the request or query names one."""
        job = Job(query=analysis.text, max_rows=self.settings.max_rows, prefixes=dict(ns.PREFIXES), star_order=analysis.star_order,
                  **options)
        if fmt == "html":
            job.fmt, job.graph_fmt = "json", "nt"
        elif analysis.is_graph_form:
            job.graph_fmt = fmt
        else:
            job.fmt = fmt
        if not analysis.has_dataset_clause:
            default = self.server.default_graph()
            job.union = default is None
            job.default_graph = default
        else:
            job.union = False  # the query's FROM / FROM NAMED
        return job

    async def run(self, job: Job):
        try:
            return await run_in_threadpool(self.server.pool.run, job)
        except WorkerError as exc:
            raise HttpError(exc.status, str(exc)) from None
        except NkgeoError as exc:
            raise HttpError(503, str(exc)) from None

    def solution_page(self, template: str, reply, **context) -> Response:
        if reply.kind == "graph":
            table = pages.table_from_graph(reply.body)
        else:
            table = pages.table_from_json(reply.body)
        return self.server.render(template, headers=_vary(), table=table, rows=reply.rows, **context)

    # The SPARQL endpoint.

    async def sparql(self, request: Request) -> Response:
        method = request.method
        if method == "OPTIONS":
            return Response(status_code=204, headers={"Allow": "GET, POST, HEAD, OPTIONS"})
        body = await read_body(request, self.settings.max_body) if method == "POST" else b""
        # Reading the request tokenises the query (linear, but a megabyte of it takes a second): off the event loop.
        parsed = await run_in_threadpool(parse_request, method, request.url.query, request.headers.get("content-type"), body)
        if parsed is None:
            return await self.service_description(request)
        analysis = parsed.analysis
        self.check(analysis)
        table = negotiation.GRAPH_TYPES if analysis.is_graph_form else negotiation.SOLUTION_TYPES
        media = choose(request, table, parsed.format)
        fmt = table[media]
        endpoint = endpoint_iri(request)
        job = self.job(analysis, fmt, base_iri=endpoint)
        if parsed.has_dataset:
            job.default_graph, job.named_graphs, job.union = list(parsed.default_graphs), list(parsed.named_graphs), False
        reply = await self.run(job)
        if fmt == "html":
            return self.solution_page("sparql.html", reply, query=parsed.query, endpoint=endpoint)
        return Response(reply.body, media_type=negotiation.content_type(media), headers=_vary())

    async def service_description(self, request: Request) -> Response:
        media = choose(request, SD_TYPES, request.query_params.get("format"))
        endpoint = endpoint_iri(request)
        if SD_TYPES[media] == "html":
            example = "SELECT ?city ?label WHERE {\n  ?city a nkgeo:City ; rdfs:label ?label .\n  FILTER(LANG(?label) = \"en\")\n} ORDER BY ?label"
            return self.server.render("sparql.html", headers=_vary(), table=None, rows=0, query=example, endpoint=endpoint)
        sizes = await run_in_threadpool(self.server.sizes)
        triples = service.description(endpoint, self.server.data, self.settings, sizes)
        body = rdfio.serialize(triples, SD_TYPES[media], service.PREFIXES)
        return Response(body, media_type=negotiation.content_type(media), headers=_vary())

    # The canned queries.

    async def home(self, request: Request) -> Response:
        sizes = await run_in_threadpool(self.server.sizes)
        return self.server.render("home.html", queries=list(self.server.catalogue.values()), graphs=sizes[0], triples=sizes[1])

    def canned_query(self, name: str):
        query = self.server.catalogue.get(name)
        if query is None:
            import difflib

            close = difflib.get_close_matches(name, list(self.server.catalogue), n=3)
            raise HttpError(404, f"no canned query named {name!r}" + (f"; did you mean {', '.join(close)}?" if close else
                                                                     "; the home page / lists them"))
        return query

    def bind(self, query, given: dict[str, str]) -> dict:
        """The query's parameters as terms (in a thread: the first name builds the name index)."""
        from nkgeo.query import canned

        missing = [p for p in query.params if p.required and p.name not in given]
        if missing:
            p = missing[0]
            raise ParameterError(f"query {query.name} needs the parameter {p.name} ({p.description}), as /query/{query.name}?{p.name}=VALUE")
        return canned.bind(query, given, lambda text, expects=None: self.server.names().resolve(text, expects))

    async def canned(self, request: Request) -> Response:
        query = self.canned_query(request.path_params["name"])
        analysis = self.server.analysis(query)
        self.check(analysis)
        given = _parameters(request)
        table = negotiation.GRAPH_TYPES if analysis.is_graph_form else negotiation.SOLUTION_TYPES
        media = choose(request, table, request.query_params.get("format"))
        fmt = table[media]
        try:
            terms = await run_in_threadpool(self.bind, query, given)
        except (ParameterError, UnknownEntityError) as exc:
            if fmt == "html":
                return self.server.render("query.html", status=400, headers=_vary(), query=query, given=given, table=None, rows=0,
                                          error=str(exc), links={})
            raise HttpError(400, str(exc)) from None
        reply = await self.run(self.job(analysis, fmt, substitutions={k: _term_spec(v) for k, v in terms.items()}))
        if fmt != "html":
            return Response(reply.body, media_type=negotiation.content_type(media), headers=_vary())
        links = {label: str(request.url.include_query_params(format=label)) for label in ("csv", "tsv", "json", "xml")}
        return self.solution_page("query.html", reply, query=query, given=given, error=None, links=links)

    # The graph's own IRIs, the ontology, names.

    async def resource(self, request: Request) -> Response:
        kind = request.url.path.split("/")[1]  # id, doc or evidence
        local = request.path_params["local"]
        fmt = None
        for suffix, name in negotiation.SUFFIXES.items():
            if local.endswith("." + suffix):
                local, fmt = local[: -len(suffix) - 1], name
                break
        iri = f"{ns.BASE}{kind}/{local}"
        if not rdfio.is_iri(iri):  # a space, a quote, a bare % in the path: no IRI, so no entity
            raise HttpError(404, f"no entity at /{kind}/{local}: {local!r} cannot be part of an IRI")
        data = self.server.data
        if not await run_in_threadpool(_exists, data, iri):
            hint = await run_in_threadpool(_suggest, self.server, local)
            raise HttpError(404, f"no entity {ns.compact(iri)} in the graph{hint}")
        if fmt is None:
            media = choose(request, DOCUMENT_TYPES, request.query_params.get("format"))
            target = f"/{kind}/{local}.{negotiation.SUFFIX_OF[DOCUMENT_TYPES[media]]}"
            return RedirectResponse(target, status_code=303, headers=_vary())
        if fmt == "html":
            return await self.resource_page(kind, local, iri)
        quads = await run_in_threadpool(_about, data, iri)
        return _graph_response(_triples(quads), negotiation.GRAPH_MEDIA[fmt], fmt, {"Link": f'<{iri}>; rel="describes"'}, about=iri)

    async def resource_page(self, kind: str, local: str, iri: str) -> Response:
        """The HTML page of a graph IRI: a source document's statements, an evidence record, or an entity."""
        context = {"formats": negotiation.SUFFIXES, "base": f"/{kind}/{local}"}
        data, quote = self.server.data, self.settings.quote
        if kind == "doc":
            page = await run_in_threadpool(pages.document_page, data, iri, quote)
            if page is not None:
                return self.server.render("document.html", page=page, **context)
        elif kind == "evidence":
            page = await run_in_threadpool(pages.evidence_page, data, iri, quote)
            if page is not None:
                return self.server.render("evidence.html", page=page, **context)
        page = await run_in_threadpool(pages.entity_page, data, iri, quote)
        return self.server.render("entity.html", page=page, **context)

    async def why(self, request: Request) -> Response:
        """``/why?s=IRI&p=IRI&o=IRI``: the derivation of an inferred triple, as ``nkgeo why`` gives it."""
        import pyoxigraph as ox

        given = [request.query_params.get(name, "").strip() for name in ("s", "p", "o")]
        if not all(given):
            raise HttpError(400, "give the triple as /why?s=IRI&p=IRI&o=IRI")
        try:
            for value in given:
                ox.NamedNode(value)
        except ValueError:
            raise HttpError(400, "s, p and o must be IRIs (literal values: use nkgeo why)") from None
        if self.server.data.compiled is None:
            raise HttpError(404, "derivations are served with the compiled dataset only (nkgeo serve without files)")
        try:
            page = await run_in_threadpool(pages.derivation_page, self.server.data, *given, self.settings.quote)
        except NkgeoError as exc:
            raise HttpError(404, str(exc)) from None
        return self.server.render("why.html", headers=_vary(), page=page)

    async def ontology(self, request: Request) -> Response:
        media = choose(request, DOCUMENT_TYPES, request.query_params.get("format"))
        return RedirectResponse(f"/ontology.{negotiation.SUFFIX_OF[DOCUMENT_TYPES[media]]}", status_code=303, headers=_vary())

    async def ontology_document(self, request: Request) -> Response:
        suffix = request.path_params["suffix"]
        fmt = negotiation.SUFFIXES.get(suffix)
        if fmt is None:
            raise HttpError(404, f"no ontology document /ontology.{suffix}; try /ontology.html or /ontology.ttl")
        if fmt == "html":
            data = await run_in_threadpool(pages.ontology_page, self.server.data)
            return self.server.render("ontology.html", **data)
        quads = await run_in_threadpool(_ontology_quads, self.server.data)
        return _graph_response(_triples(quads), negotiation.GRAPH_MEDIA[fmt], fmt)

    async def find(self, request: Request) -> Response:
        name = request.query_params.get("name", "").strip()
        if not name:
            raise HttpError(400, "give a name to find, as /find?name=Hamhung")
        try:
            iri = await run_in_threadpool(lambda: self.server.names().resolve(name))
        except UnknownEntityError as exc:
            raise HttpError(404, str(exc)) from None
        link = pages.href(iri)
        if not link or not link.startswith("/"):
            raise HttpError(404, f"{name!r} is {ns.compact(iri)}, which has no page here")
        return RedirectResponse(link, status_code=303)

    async def favicon(self, request: Request) -> Response:
        return Response(status_code=204)

    # Errors: one line, in the format the client prefers.

    async def on_http_error(self, request: Request, exc: HttpError) -> Response:
        return error_response(self.server, request, exc.status, exc.message, exc.headers)

    async def on_starlette_error(self, request: Request, exc: HTTPException) -> Response:
        message = {404: f"nothing at {request.url.path}; the home page / lists what there is",
                   405: f"{request.method} is not allowed here"}.get(exc.status_code, str(exc.detail))
        return error_response(self.server, request, exc.status_code, message, dict(exc.headers or {}))

    async def on_error(self, request: Request, exc: Exception) -> Response:
        log.exception("error while answering %s %s", request.method, request.url.path)
        return error_response(self.server, request, 500, "the server failed to answer; the error is in its log")


def create_app(server: Server) -> Starlette:
    """The Starlette application of ``server``: its routes, CORS when asked, errors in one shape."""
    handlers = Handlers(server)

    @asynccontextmanager
    async def lifespan(app):
        try:
            yield
        finally:
            server.close()

    routes = [
        Route("/", handlers.home, name="home"),
        Route("/sparql", handlers.sparql, methods=ALL_METHODS, name="sparql_endpoint"),
        Route("/sparql/", handlers.sparql, methods=ALL_METHODS),
        Route("/query/{name}", handlers.canned),
        Route("/id/{local:path}", handlers.resource),
        Route("/doc/{local:path}", handlers.resource),
        Route("/evidence/{local:path}", handlers.resource),
        Route("/why", handlers.why),
        Route("/ontology", handlers.ontology),
        Route("/ontology.{suffix}", handlers.ontology_document),
        Route("/find", handlers.find),
        Route("/favicon.ico", handlers.favicon),
    ]
    middleware = []
    if server.settings.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST", "OPTIONS"],
                                     allow_headers=["Accept", "Content-Type"], expose_headers=["Vary"], max_age=3600))
    errors = {HttpError: handlers.on_http_error, HTTPException: handlers.on_starlette_error, Exception: handlers.on_error}
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers=errors)
    app.state.server = server
    return app


def _parameters(request: Request) -> dict[str, str]:
    """The parameters of a canned query from the URL (``format``/``output`` are not parameters)."""
    given: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in ("format", "output"):
            continue
        if key in given:
            raise HttpError(400, f"parameter {key!r} is given twice")
        if value.strip():
            given[key] = value.strip()
    return given


# --- reading the data (in a thread) ----------------------------------------------------------


def _exists(data, iri: str) -> bool:
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    return (next(iter(data.store.quads_for_pattern(node, None, None, None)), None) is not None
            or next(iter(data.store.quads_for_pattern(None, None, node, None)), None) is not None)


def _about(data, iri: str) -> list:
    """Every quad with ``iri`` as subject or object: the data document of an entity."""
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    return list(data.store.quads_for_pattern(node, None, None, None)) + list(data.store.quads_for_pattern(None, None, node, None))


def _ontology_quads(data) -> list:
    import pyoxigraph as ox

    return list(data.store.quads_for_pattern(None, None, None, ox.NamedNode(ns.ONTOLOGY_GRAPH)))


def _triples(quads: list) -> list:
    import pyoxigraph as ox

    seen, out = set(), []
    for quad in quads:
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        if triple not in seen:
            seen.add(triple)
            out.append(triple)
    return out


def _suggest(server: Server, local: str) -> str:
    """A hint for a 404: the page of the entity the name resolves to, or the closest names."""
    try:
        iri = server.names().resolve(local.replace("-", " ").replace("_", " "))
    except UnknownEntityError as exc:
        text = str(exc)
        return "; closest:" + text.split("; closest:", 1)[1] if "; closest:" in text else ""
    except NkgeoError:
        return ""
    link = pages.href(iri)
    return f"; did you mean {link}?" if link and link.startswith("/") else ""
