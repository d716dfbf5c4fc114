"""Checks on RDF text before a parser sees it: what would crash a parser or make it run away.

pyoxigraph's JSON-LD parser recurses, and a document nested about 3,500 levels deep overflows the
stack and kills the process (SIGSEGV: no exception to catch). Its RDF/XML parser takes time
quadratic in the nesting of elements (20,000 levels: 7 s), and it expands the entities of a DTD,
nested ones too, so that 600 bytes declaring entities of entities become gigabytes (the "billion
laughs"); rdflib's TriX parser (expat) spins on them. Its parser of SPARQL results recurses into
nested triple terms, so a remote endpoint's answer can crash it too. So, before parsing,
:func:`check` refuses:

- JSON (JSON-LD) and XML (RDF/XML, TriX) nested deeper than :data:`MAX_DEPTH` levels;
- in XML, an entity whose text refers to other entities or holds markup, parameter and external
  entities, and documents whose entity references would expand past :data:`MAX_EXPANSION`
  characters. Plain entities (``<!ENTITY owl "http://www.w3.org/2002/07/owl#">``, as ontology
  editors write them) still work.

Turtle, TriG, N-Triples, N-Quads and N3 need no check: pyoxigraph parses them without recursion,
in linear time. Every check here is linear in the size of the text (a few passes of ``re``,
``bytes.translate`` and ``bytes.split``): about 30 ms per MB of JSON-LD and 80 ms per MB of
RDF/XML, a fifth and a half of what parsing them takes.
"""

from __future__ import annotations

import re
from array import array
from itertools import accumulate

from nkgeo.errors import SourceError

# Levels of JSON objects and arrays, or of XML elements, a document may nest: far beyond any real
# RDF document (JSON-LD and RDF/XML rarely pass 20), far below pyoxigraph's crash (about 3,500).
MAX_DEPTH = 200
# Characters the entity references of an XML document may add, in all, past its own size.
MAX_EXPANSION = 1 << 20
# The formats checked, by rdfio's names, and SPARQL results in JSON and XML (a remote endpoint's answer).
JSON_FORMATS = frozenset({"json-ld", "sparql-json"})
XML_FORMATS = frozenset({"xml", "trix", "sparql-xml"})
CHECKED_FORMATS = JSON_FORMATS | XML_FORMATS

_ALL_BYTES = bytes(range(256))
_KEEP_QUOTES_AND_BRACKETS = bytes(b for b in range(256) if b not in b'"[]{}')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # an opener +1, a closer -1 (as a signed byte)
# XML: what may hold a "<" or a "[" that is not an element: comments, CDATA, processing instructions.
_XML_OPAQUE = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>", re.DOTALL)
_XML_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>\"']*+(?:(?:\"[^\"]*+\"|'[^']*+')[^\[>\"']*+)*+(?:\[(?P<subset>.*?)\][ \t\r\n]*)?>", re.DOTALL)
# Tags, their attribute values quoted (a value may hold ">" or "/>"): empty, end, then start tags.
_XML_EMPTY_TAG = re.compile(rb"<[^<>\"'/]*+(?:(?:\"[^\"]*+\"|'[^']*+'|/(?!>))[^<>\"'/]*+)*+/>")
_XML_END_TAG = re.compile(rb"</[^<>]*+>")
_XML_START_TAG = re.compile(rb"<[^<>\"']*+(?:(?:\"[^\"]*+\"|'[^']*+')[^<>\"']*+)*+>")
_XML_ENTITY = re.compile(rb"<!ENTITY\s+(?P<percent>%\s+)?(?P<name>[^\s]+)\s+(?P<rest>(?:[^>\"']|\"[^\"]*+\"|'[^']*+')*+)>")


def check(data: bytes, fmt_name: str, label: str) -> None:
    """Raise a one-line SourceError naming ``label`` when ``data`` in the format ``fmt_name``
    would crash its parser or run away; return when it may be parsed."""
    if fmt_name in JSON_FORMATS:
        depth = json_depth(data)
        what = "JSON objects and arrays"
    elif fmt_name in XML_FORMATS:
        if b"\x00" in data:  # XML 1.0 has no NUL: this is UTF-16 or UTF-32, which the checks cannot read
            raise SourceError(f"{label} is not XML in UTF-8 (it holds NUL bytes); nkgeo reads XML in UTF-8")
        check_entities(data, label)
        depth = xml_depth(data)
        what = "XML elements"
    else:
        return
    if depth > MAX_DEPTH:
        raise SourceError(f"{label} nests {what} more than {MAX_DEPTH} levels deep, which nkgeo does not read "
                          f"(a parser would overflow its stack)")


def bracket_depth(brackets: bytes) -> int:
    """How deep the brackets of a text holding only ``[]{}`` nest: the highest running count of
    openers less closers (in C: ``translate``, ``array`` and ``accumulate``); a closer with no
    opener before it does not hide the levels that follow."""
    steps = array("b")
    steps.frombytes(brackets.translate(_STEPS))
    if min(accumulate(steps), default=0) >= 0:
        return max(accumulate(steps), default=0)
    # A closer without an opener (a malformed text): count from zero again after it, as a parser would.
    return max(accumulate(steps, lambda depth, step: max(depth + step, 0), initial=0))


def json_depth(data: bytes) -> int:
    """How deep the objects and arrays of a JSON text nest; brackets in strings do not count.

    Escaped backslashes, then escaped quotes, are dropped (outside strings JSON has neither), so
    every quote left opens or closes a string: splitting at the quotes, every other piece is
    outside the strings.
    """
    marks = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(_ALL_BYTES, _KEEP_QUOTES_AND_BRACKETS)
    return bracket_depth(b"".join(marks.split(b'"')[::2]))


def xml_depth(data: bytes) -> int:
    """How deep the elements of an XML text nest: each start tag opens a level, each end tag closes
    one; comments, CDATA, processing instructions and the DOCTYPE do not count."""
    text = _XML_DOCTYPE.sub(b"", _XML_OPAQUE.sub(b"", data), count=1)
    text = text.translate(_ALL_BYTES, b"[]{}")  # brackets in text and attributes are not structure
    text = _XML_START_TAG.sub(b"[", _XML_END_TAG.sub(b"]", _XML_EMPTY_TAG.sub(b"", text)))
    return bracket_depth(text.translate(_ALL_BYTES, _NOT_BRACKETS))


def check_entities(data: bytes, label: str) -> None:
    """Refuse the DTD entities of an XML text that could expand without bound; plain ones pass."""
    if b"<!ENTITY" not in data:
        return
    text = _XML_OPAQUE.sub(b"", data)
    doctype = _XML_DOCTYPE.search(text)
    subset = (doctype.group("subset") if doctype else None) or b""
    entities: dict[bytes, int] = {}
    for match in _XML_ENTITY.finditer(subset):
        name, rest = match.group("name"), match.group("rest").strip()
        shown = name.decode("utf-8", "replace")
        if match.group("percent"):
            raise SourceError(f"{label} declares the parameter entity %{shown}; nkgeo does not read XML with parameter entities")
        if rest[:1] not in (b'"', b"'") or rest[-1:] != rest[:1]:
            raise SourceError(f"{label} declares the external entity {shown}; nkgeo does not read external entities")
        value = rest[1:-1]
        if b"&" in value or b"%" in value or b"<" in value:
            raise SourceError(f"{label} declares the entity {shown} in terms of other entities or markup; nkgeo reads only "
                              f"entities that stand for plain text")
        entities[name] = len(value)
    if text.count(b"<!ENTITY") != len(entities):
        raise SourceError(f"{label} declares XML entities outside its DOCTYPE's internal subset; nkgeo does not read them")
    if not entities:
        return
    expansion = sum(data.count(b"&" + name + b";") * size for name, size in entities.items())
    if expansion > MAX_EXPANSION + len(data):
        raise SourceError(f"{label}'s entity references would add {expansion:,} characters, more than nkgeo reads "
                          f"({MAX_EXPANSION + len(data):,} for a document of this size)")
