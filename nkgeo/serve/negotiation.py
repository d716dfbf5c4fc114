"""Content negotiation as data: which media types each kind of response can take, and the
Accept header read with its q-values and wildcards (RFC 9110, section 12.5.1).

Each table maps a media type to a format name, in the server's order of preference: the first
entry is the default (what ``*/*`` or no Accept header gets), and among types the client rates
equally the earlier one wins. When nothing the client accepts is in the table, the answer is
406 Not Acceptable, listing what is.
"""

from __future__ import annotations

from dataclasses import dataclass

from nkgeo import rdfio
from nkgeo.query.results import SOLUTION_ALIASES

# SELECT and ASK results.
SOLUTION_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/html": "html",
}

# CONSTRUCT and DESCRIBE results, entity data, the service description and the ontology: the RDF
# formats in the server's order of preference, each format's canonical media type first, then
# the other types rdfio lists for them, then the page.
GRAPH_FORMATS = ("turtle", "nt", "json-ld", "xml", "nquads", "trig")
GRAPH_TYPES: dict[str, str] = {
    **{rdfio.FORMATS[name].media_type: name for name in GRAPH_FORMATS},
    **{media: name for name in GRAPH_FORMATS for media in rdfio.FORMATS[name].media_types[1:]},
    "text/html": "html",
}

# The media type each format is sent with (the first, canonical, type of the tables above).
SOLUTION_MEDIA = {fmt: media for media, fmt in reversed(SOLUTION_TYPES.items())}
GRAPH_MEDIA = {fmt: media for media, fmt in reversed(GRAPH_TYPES.items())}

# Short names accepted by the ``format`` parameter, as in ``/sparql?query=...&format=csv``.
FORMAT_ALIASES = {**SOLUTION_ALIASES, **{alias: f.name for f in rdfio.FORMATS.values() if f.writable for alias in f.aliases}}

# File suffixes of the entity and ontology documents (``/id/hamhung.ttl``): the page and the
# single-graph formats an entity's data is offered in.
DOCUMENT_FORMATS = ("turtle", "nt", "json-ld", "xml")
SUFFIXES = {"html": "html", **{rdfio.FORMATS[name].suffix.lstrip("."): name for name in DOCUMENT_FORMATS}}
SUFFIX_OF = {fmt: suffix for suffix, fmt in SUFFIXES.items()}

TEXT_TYPES = ("text/", *SOLUTION_TYPES, *(media for f in rdfio.FORMATS.values() for media in f.media_types))


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    params: tuple[tuple[str, str], ...]
    q: float

    def matches(self, media: str) -> int:
        """How specifically this range matches ``media`` (3 exact, 2 type/*, 1 */*), or 0."""
        kind, _, sub = media.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type == kind and self.subtype == "*":
            return 2
        if self.type == kind and self.subtype == sub:
            return 3
        return 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; malformed parts are skipped, never an error."""
    ranges = []
    for part in (header or "").split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            if media == "*":
                media = "*/*"
            else:
                continue
        kind, _, sub = media.partition("/")
        if not kind or not sub:
            continue
        q = 1.0
        params = []
        for piece in pieces[1:]:
            name, _, value = piece.partition("=")
            name, value = name.strip().lower(), value.strip().strip('"')
            if name == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
            elif name:
                params.append((name, value))
        ranges.append(MediaRange(kind, sub, tuple(params), q))
    return ranges


def negotiate(accept: str | None, table: dict[str, str]) -> str | None:
    """The media type of ``table`` the Accept header prefers, or None when it accepts none.

    No header (or an empty one, or one with no readable media range) accepts anything, so the
    table's first type is chosen, as RFC 9110 allows for a header a server cannot read.
    """
    ranges = parse_accept(accept)
    if not ranges:
        return next(iter(table))
    best, best_q = None, 0.0
    for media in table:
        matching = [(r.matches(media), r.q) for r in ranges if r.matches(media)]
        if not matching:
            continue
        q = max(matching)[1]  # the most specific range decides (RFC 9110)
        if q > best_q:
            best, best_q = media, q
    return best


def format_parameter(value: str, table: dict[str, str]) -> str | None:
    """The media type a ``format=`` value names (a format name, an alias or a media type)."""
    value = value.strip().lower()
    if value in table:
        return value
    name = FORMAT_ALIASES.get(value, value)
    for candidate in (name, "json-ld" if name == "json" else None):  # json of a graph is JSON-LD
        for media, fmt in table.items():
            if fmt == candidate:
                return media
    return None


def content_type(media: str) -> str:
    """The Content-Type header for ``media``: text formats are UTF-8."""
    return f"{media}; charset=utf-8" if media.startswith(TEXT_TYPES) else media


def acceptable(table: dict[str, str]) -> str:
    """The canonical media types of a table, for a 406 message."""
    seen = []
    for media, fmt in table.items():
        if fmt not in [table[m] for m in seen]:
            seen.append(media)
    return ", ".join(seen)
