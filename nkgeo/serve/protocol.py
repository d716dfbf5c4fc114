"""The SPARQL 1.1 Protocol, query operation (https://www.w3.org/TR/sparql11-protocol/#query-operation),
read from an HTTP request; every way a request can be wrong has its status and its message.

Three ways to send a query: GET with ``query=`` in the URL; POST of an HTML form
(``application/x-www-form-urlencoded``, ``query=`` in the body); POST of the query itself
(``application/sparql-query``, UTF-8). ``default-graph-uri`` and ``named-graph-uri`` may repeat;
they come from the URL, or from the form body. The update operation is refused in all its forms,
disguised ones included: the endpoint is read-only. The query text is tokenised here, once, and
what the handler needs to know of it travels with the request (``QueryRequest.analysis``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from nkgeo import rdfio
from nkgeo.query import sparqltext

DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"


class HttpError(Exception):
    """An error a client caused or must know about, as an HTTP status and a one-line message."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class QueryRequest:
    query: str
    analysis: sparqltext.QueryText
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    format: str | None = None  # the ``format`` parameter, an extension of the protocol

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def _media_type(header: str | None) -> tuple[str, dict[str, str]]:
    if not header:
        return "", {}
    parts = [p.strip() for p in header.split(";")]
    params = {}
    for part in parts[1:]:
        name, _, value = part.partition("=")
        params[name.strip().lower()] = value.strip().strip('"').lower()
    return parts[0].lower(), params


def _decode(body: bytes, params: dict[str, str], what: str) -> str:
    charset = params.get("charset", "utf-8")
    if charset not in ("utf-8", "utf8"):
        raise HttpError(415, f"the {what} must be UTF-8, not {charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400, f"the {what} is not valid UTF-8") from None


def _form(text: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise HttpError(400, "a parameter is not valid UTF-8 once percent-decoded") from None


def parse_request(method: str, query_string: str, content_type: str | None, body: bytes) -> QueryRequest | None:
    """The query of a request to the endpoint, or None for a GET without one (the service
    description). Raises HttpError for anything else, updates included."""
    url_params = _form(query_string)
    media, media_params = _media_type(content_type)
    if method in ("GET", "HEAD"):
        params = url_params
        direct = None
    elif method == "POST":
        if media == "application/x-www-form-urlencoded":
            params = url_params + _form(_decode(body, media_params, "form"))
            direct = None
        elif media == "application/sparql-query":
            params = url_params
            direct = _decode(body, media_params, "query")
        elif media == "application/sparql-update":
            raise HttpError(403, READ_ONLY)
        elif not media:
            raise HttpError(415, "a POST to the endpoint needs a Content-Type: application/sparql-query (the query as the body) "
                                 "or application/x-www-form-urlencoded (query=...)")
        else:
            raise HttpError(415, f"cannot take a POST of {media}: send application/sparql-query or application/x-www-form-urlencoded")
    else:
        raise HttpError(405, f"{method} is not a SPARQL query method: use GET or POST", {"Allow": "GET, POST, HEAD, OPTIONS"})

    names = [name for name, _ in params]
    if "update" in names or "using-graph-uri" in names or "using-named-graph-uri" in names:
        raise HttpError(403, READ_ONLY)
    queries = [value for name, value in params if name == "query"]
    if direct is not None:
        if queries:
            raise HttpError(400, "the query is both the body and a query= parameter: send it once")
        queries = [direct]
    if len(queries) > 1:
        raise HttpError(400, f"the request holds {len(queries)} queries; send exactly one")
    formats = [value for name, value in params if name in ("format", "output")]
    if not queries:
        if method in ("GET", "HEAD") and not any(name in DATASET_PARAMS for name in names):
            return None
        raise HttpError(400, "no query: send query=... (or the query as the body with Content-Type application/sparql-query)")
    text = queries[0]
    if not text.strip():
        raise HttpError(400, "the query is empty")
    analysis = sparqltext.analyse(text)
    if analysis.is_update:
        raise HttpError(403, f"{READ_ONLY} ({analysis.update_keyword})")
    request = QueryRequest(
        query=text,
        analysis=analysis,
        default_graphs=[value for name, value in params if name == "default-graph-uri"],
        named_graphs=[value for name, value in params if name == "named-graph-uri"],
        format=formats[-1] if formats else None,
    )
    for iri in request.default_graphs + request.named_graphs:
        if not rdfio.is_iri(iri):
            raise HttpError(400, f"{iri!r} is not an absolute IRI (in default-graph-uri or named-graph-uri)")
    return request
