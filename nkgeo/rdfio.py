"""Every RDF read and write of nkgeo: one table of formats, one reader, one writer per format, one
term renderer for people, one bridge to rdflib.

The formats are data (:data:`FORMATS`): each has a name, the aliases a user may type, its media
types and file suffixes (the first of each is the canonical one), pyoxigraph's name for it and
whether it keeps named graphs. The CLI's ``--format``, the server's content negotiation and the
reading of a file by its suffix all look formats up here.

:func:`read` (or :func:`parse`, lazily) gives the quads of a file or of bytes in any known format:
pyoxigraph parses, rdflib only what pyoxigraph cannot (TriX); a syntax error is one line.

:func:`serialize` writes quads or triples in any format, the same bytes from every process and
from any input order: blank nodes get canonical labels (RDFC-1.0) and everything is sorted.
Turtle and TriG are written here, grouped by subject and predicate (``rdf:type`` first, then
``rdfs:label``, then by IRI), with ``@prefix`` lines for the prefixes used, blank nodes used once
nested as ``[ ... ]`` and lists as ``( ... )``, and a literal's text exactly as it is (a multi-line
literal is a long string, never re-indented). N-Triples and N-Quads are sorted lines, RDF/XML one
``rdf:Description`` per subject, JSON-LD compacted with ``ontology/context.jsonld``.

Language tags are case-insensitive, and pyoxigraph lower-cases them (``ko-latn-x-rr``); every
writer puts them back in the case BCP 47 registers (:func:`language_tag`: ``ko-Latn-x-rr``).

Terms cross between the two RDF libraries in one place: :func:`to_rdflib` and :func:`from_rdflib`
(pyoxigraph is the store and the parser; rdflib serves pySHACL, owlrl and JSON-LD compaction). A
plain literal is an ``xsd:string`` in RDF 1.1, so rdflib's untyped ``Literal("x")`` and
pyoxigraph's ``Literal("x")`` (datatype ``xsd:string``) are the same term on both sides.

Nothing here imports rdflib or pyoxigraph at the top: the query path stays light.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from nkgeo import namespaces as ns
from nkgeo.errors import FormatError, SourceError


class Format(NamedTuple):
    """An RDF serialisation format."""

    name: str
    aliases: tuple[str, ...]
    media_types: tuple[str, ...]  # the first is the one nkgeo sends
    suffixes: tuple[str, ...]  # the first is the one nkgeo writes
    oxigraph: str | None  # the pyoxigraph RdfFormat attribute; None: rdflib reads it
    keeps_graphs: bool  # holds named graphs (N-Quads, TriG, JSON-LD, TriX)
    writable: bool = True

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", ("ttl",), ("text/turtle", "application/x-turtle"), (".ttl",), "TURTLE", False),
        Format("nt", ("ntriples", "n-triples"), ("application/n-triples", "text/plain"), (".nt",), "N_TRIPLES", False),
        Format("nquads", ("nq", "n-quads"), ("application/n-quads",), (".nq",), "N_QUADS", True),
        Format("trig", (), ("application/trig",), (".trig",), "TRIG", True),
        Format("json-ld", ("jsonld",), ("application/ld+json", "application/json"), (".jsonld", ".json"), "JSON_LD", True),
        Format("xml", ("rdfxml", "rdf", "owl", "rdf+xml"), ("application/rdf+xml", "application/xml"), (".rdf", ".owl", ".xml"), "RDF_XML",
               False),
        Format("n3", (), ("text/n3",), (".n3",), "N3", False, writable=False),
        Format("trix", (), ("application/trix",), (".trix",), None, True, writable=False),
    )
}
_BY_ALIAS = {alias: f for f in FORMATS.values() for alias in (f.name, *f.aliases)}
_BY_SUFFIX = {suffix: f for f in FORMATS.values() for suffix in f.suffixes}
CONTEXT_FILE = "context.jsonld"


def rdf_format(name: str | Format, writing: bool = True) -> Format:
    """The format called ``name`` (or one of its aliases, in any case); FormatError names the choices."""
    if isinstance(name, Format):
        return name
    found = _BY_ALIAS.get(name.strip().lower())
    if found is None or (writing and not found.writable):
        choices = [f for f in FORMATS.values() if f.writable or not writing]
        known = ", ".join(f.name + (f" ({'/'.join(f.aliases)})" if f.aliases else "") for f in choices)
        raise FormatError(f"unknown RDF format {name!r}; choose one of {known}")
    return found


def format_of_path(path) -> Format | None:
    """The format a file's suffix names (``data.ttl`` is Turtle), or None."""
    return _BY_SUFFIX.get(Path(path).suffix.lower())


def format_of_media_type(media: str | None) -> Format | None:
    """The format a media type names (``text/turtle``; parameters such as ``charset`` ignored), or None."""
    media = (media or "").split(";")[0].strip().lower()
    return next((f for f in FORMATS.values() if media in f.media_types), None)


def oxigraph_format(fmt: Format):
    """pyoxigraph's RdfFormat for ``fmt``."""
    import pyoxigraph as ox

    if fmt.oxigraph is None:
        raise FormatError(f"{fmt.name} is read with rdflib, not pyoxigraph")
    return getattr(ox.RdfFormat, fmt.oxigraph)


def jsonld_context() -> dict:
    """The shipped JSON-LD context (the ``@context`` member of ``ontology/context.jsonld``)."""
    import json

    from nkgeo.resources import ontology_dir

    return json.loads((ontology_dir() / CONTEXT_FILE).read_text(encoding="utf-8"))["@context"]


# --- reading ---------------------------------------------------------------------------------


def parse(source: Path | str | bytes, fmt: str | Format | None = None, *, name: str | None = None, base_iri: str | None = None,
          rename_blank_nodes: bool = False):
    """The quads of a file (a path) or of bytes, one at a time; triples are in the default graph.

    The format is ``fmt`` or, for a file, the one its suffix names. Any problem (no such file, a
    syntax error, an unknown suffix) is a one-line SourceError naming the file (or ``name``).
    """
    path = None if isinstance(source, bytes) else Path(source)
    label = name or (path.name if path is not None else "the data")
    if fmt is None:
        fmt = format_of_path(path) if path is not None else None
        if fmt is None:
            known = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
            raise SourceError(f"cannot tell the RDF format of {label} from its suffix; use one of {known}")
    fmt = rdf_format(fmt, writing=False)
    from nkgeo import rdfcheck  # here, not at the top: a query that reads no RDF text does not pay for it

    if fmt.name in rdfcheck.CHECKED_FORMATS:  # formats whose parsers a hostile text can crash: checked first
        if path is not None:
            base_iri = base_iri or (path.resolve().as_uri() if fmt.oxigraph is None else None)  # what rdflib takes from the path
            source, path = _read_bytes(path), None
        rdfcheck.check(source, fmt.name, label)
    if fmt.oxigraph is None:
        yield from _parse_with_rdflib(source, path, fmt, label, base_iri)
        return
    import pyoxigraph as ox

    options = {"format": oxigraph_format(fmt), "base_iri": base_iri, "rename_blank_nodes": rename_blank_nodes}
    try:
        yield from (ox.parse(path=str(path), **options) if path is not None else ox.parse(input=source, **options))
    except (SyntaxError, ValueError) as exc:
        raise SourceError(f"{label} does not parse: {parse_message(exc)}") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {_os_message(exc)}") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {_os_message(exc)}") from None


def _os_message(exc: OSError) -> str:
    """``No such file or directory``: the system's words (pyoxigraph adds `` (os error 2)``)."""
    return exc.strerror or re.sub(r" \(os error \d+\)$", "", str(exc))


def read(source: Path | str | bytes, fmt: str | Format | None = None, **options) -> list:
    """Every quad of a file or of bytes (see :func:`parse`)."""
    return list(parse(source, fmt, **options))


def parse_message(exc: BaseException) -> str:
    """A parser's error on one line, at most 300 characters (pyoxigraph's "Parser error " dropped)."""
    message = " ".join(str(exc).split())
    return message.removeprefix("Parser error ")[:300] or type(exc).__name__


def _parse_with_rdflib(source, path: Path | None, fmt: Format, label: str, base_iri: str | None):
    from rdflib import Dataset

    dataset = Dataset()
    try:
        if path is not None:
            dataset.parse(str(path), format=fmt.name, publicID=base_iri)
        else:
            dataset.parse(data=source, format=fmt.name, publicID=base_iri)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {_os_message(exc)}") from None
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many kinds of errors
        raise SourceError(f"{label} does not parse: {parse_message(exc)}") from None
    try:
        quads = from_rdflib_quads(dataset)
    except ValueError as exc:  # rdflib takes IRIs that are not IRIs (<uri>a b</uri>); pyoxigraph does not
        raise SourceError(f"{label} does not parse: {parse_message(exc)}") from None
    yield from quads


# --- writing ---------------------------------------------------------------------------------


def serialize(statements, fmt: str | Format, prefixes: dict[str, str] | None = None, leading=()) -> bytes:
    """Quads or triples (pyoxigraph's) in ``fmt``, deterministically.

    Formats of one graph (Turtle, N-Triples, RDF/XML) get the triples of every graph merged.
    ``prefixes`` (default: nkgeo's) are the ones Turtle, TriG and RDF/XML may use; ``leading``
    lists subject IRIs that Turtle and TriG write first, in that order (the rest are sorted).
    """
    fmt = rdf_format(fmt)
    prefixes = dict(ns.PREFIXES if prefixes is None else prefixes)
    quads = canonical_quads(statements, fmt.keeps_graphs)
    if fmt.name in ("turtle", "trig"):
        return _Turtle(prefixes).document(quads, leading)
    if fmt.name in ("nt", "nquads"):
        return _sorted_lines(quads)
    if fmt.name == "xml":
        return _rdf_xml(quads, prefixes)
    return _json_ld(quads)


def canonical_quads(statements, keep_graphs: bool = True) -> list:
    """The statements as distinct quads, their blank nodes labelled canonically (RDFC-1.0), sorted
    (as N-Quads lines are).

    A parser gives blank nodes fresh random labels; canonical ones depend only on the graph, so the
    output is the same from every process. ``keep_graphs=False`` merges every graph into the default.
    """
    import pyoxigraph as ox

    quad_type, blank, default = ox.Quad, ox.BlankNode, ox.DefaultGraph()
    quads = []
    for item in statements:
        if keep_graphs and type(item) is quad_type:
            quads.append(item)
        else:
            graph = getattr(item, "graph_name", default) if keep_graphs else default
            quads.append(quad_type(item.subject, item.predicate, item.object, graph))
    if any(type(q.subject) is blank or type(q.object) is blank or type(q.graph_name) is blank for q in quads):
        dataset = ox.Dataset(quads)
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    else:
        quads = list(dict.fromkeys(quads))
    quads.sort(key=str)
    return quads


def _term_key(term) -> tuple:
    """Sort key of a term: IRIs (by IRI), then blank nodes (by label), then literals (by value)."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return (0, term.value)
    if kind == "BlankNode":
        return (1, term.value)
    if kind == "Literal":
        return (2, term.value, term.language or "", term.datatype.value if term.datatype else "")
    return (3, str(term))


def _graph_key(graph) -> tuple:
    return (-1,) if type(graph).__name__ == "DefaultGraph" else _term_key(graph)


def _sorted_lines(quads) -> bytes:
    """N-Triples or N-Quads: one statement per line, the lines sorted."""
    lines = set()
    for q in quads:
        terms = [nt_term(q.subject), nt_term(q.predicate), nt_term(q.object)]
        if type(q.graph_name).__name__ != "DefaultGraph":
            terms.append(nt_term(q.graph_name))
        lines.add(" ".join(terms) + " .\n")
    return "".join(sorted(lines)).encode("utf-8")


# --- Turtle and TriG -------------------------------------------------------------------------

# Local names written as prefix:local: a safe subset of Turtle's PN_LOCAL (no escapes needed).
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
# Literals Turtle may write bare, when the lexical form is already Turtle's syntax for them.
_BARE = {
    ns.XSD.integer: re.compile(r"[+-]?\d+"),
    ns.XSD.decimal: re.compile(r"[+-]?\d*\.\d+"),
    ns.XSD.double: re.compile(r"[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+)"),
    ns.XSD.boolean: re.compile(r"true|false"),
}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
            **{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if chr(c) not in "\n\r\t"}}
_SHORT = str.maketrans(_ESCAPES)
_LONG = str.maketrans({k: v for k, v in _ESCAPES.items() if k not in "\n\t"})
_PREDICATE_ORDER = {ns.RDF.type: 0, ns.RDFS.label: 1}


def turtle_string(value: str, long: bool = False) -> str:
    """A string in Turtle: quoted and escaped, or (``long``, for text with line breaks) a ``\"\"\"``
    long string whose lines are kept as they are."""
    if long and "\n" in value:
        return '"""' + value.translate(_LONG) + '"""'
    return '"' + value.translate(_SHORT) + '"'


def turtle_literal(literal, iri_text, long: bool = False) -> str:
    """A pyoxigraph literal in Turtle: ``768551``, ``"Hamhung"@en``, ``"1990"^^xsd:gYear``
    (``iri_text`` writes the datatype's IRI)."""
    datatype = literal.datatype.value if literal.datatype else ns.XSD.string
    if not literal.language:
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(literal.value):
            return literal.value
    text = turtle_string(literal.value, long)
    if literal.language:
        return f"{text}@{language_tag(literal.language)}"
    if datatype == ns.XSD.string:
        return text
    return f"{text}^^{iri_text(datatype)}"


class _Turtle:
    """Writes quads as Turtle (one graph) or TriG, remembering the prefixes it used."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = prefixes
        self.used: set[str] = set()
        self._written: dict[str, tuple[str, str | None]] = {}  # IRI -> (text, prefix used)

    def iri(self, value: str) -> str:
        """``prefix:local`` with the longest namespace that leaves a plain local name, else ``<iri>``."""
        found = self._written.get(value)
        if found is None:
            best = None
            for prefix, namespace in self.prefixes.items():
                if value.startswith(namespace) and _LOCAL_NAME.fullmatch(value[len(namespace):]):
                    if best is None or len(namespace) > len(self.prefixes[best]):
                        best = prefix
            text = f"<{value}>" if best is None else f"{best}:{value[len(self.prefixes[best]):]}"
            found = self._written[value] = (text, best)
        if found[1] is not None:
            self.used.add(found[1])
        return found[0]

    def term(self, term) -> str:
        kind = type(term).__name__
        if kind == "NamedNode":
            return self.iri(term.value)
        if kind == "BlankNode":
            return f"_:{term.value}"
        if kind == "Literal":
            return turtle_literal(term, self.iri, long=True)
        raise FormatError(f"Turtle cannot write the term {term}")

    def document(self, quads: list, leading=()) -> bytes:
        """Turtle or TriG: the default graph's triples first, then each named graph in a block."""
        by_graph: dict = {}
        for q in quads:
            by_graph.setdefault(q.graph_name, []).append(q)
        shared = _shared_blank_nodes(by_graph)
        order = {iri: rank for rank, iri in enumerate(leading)}
        blocks = []
        for graph in sorted(by_graph, key=_graph_key):
            members = by_graph[graph]
            named = type(graph).__name__ != "DefaultGraph"
            body = _GraphBody(self, members, shared, order).lines(indent=4 if named else 0)
            blocks.append(f"{self.term(graph)} {{\n{body}\n}}\n" if named else body + "\n")
        if not blocks:
            return b""
        header = "".join(f"@prefix {p}: <{self.prefixes[p]}> .\n" for p in sorted(self.used))
        return (header + "\n" + "\n".join(blocks)).encode("utf-8")


def _shared_blank_nodes(by_graph: dict) -> set:
    """Blank nodes that must keep their label: named graphs, and nodes used in more than one graph."""
    seen: dict = {}
    shared = set()
    for graph, members in by_graph.items():
        if type(graph).__name__ == "BlankNode":
            shared.add(graph)
        for q in members:
            for term in (q.subject, q.object):
                if type(term).__name__ == "BlankNode" and seen.setdefault(term, graph) != graph:
                    shared.add(term)
    return shared


class _GraphBody:
    """The statements of one graph as Turtle subject blocks, blank nodes used once nested."""

    def __init__(self, writer: _Turtle, quads: list, shared: set, order: dict):
        self.w = writer
        self.props: dict = {}
        uses: dict = {}
        for q in quads:
            self.props.setdefault(q.subject, {}).setdefault(q.predicate, []).append(q.object)
            if type(q.object).__name__ == "BlankNode":
                uses[q.object] = uses.get(q.object, 0) + 1
        self.nested = {b for b, n in uses.items() if n == 1 and b not in shared}
        self.anonymous = {s for s in self.props if type(s).__name__ == "BlankNode" and s not in uses and s not in shared}
        self.top = self._top_subjects(order)

    def _top_subjects(self, order: dict) -> list:
        """Subjects written at the top level: all but the nested blank nodes (and, to break a cycle
        of blank nodes each used once, the first of the cycle)."""
        top = [s for s in self.props if s not in self.nested]
        reached: set = set()
        pending = list(top)
        while True:
            while pending:
                for objects in self.props.get(pending.pop(), {}).values():
                    for o in objects:
                        if o in self.nested and o not in reached:
                            reached.add(o)
                            pending.append(o)
            cut = sorted((s for s in self.props if s in self.nested and s not in reached), key=_term_key)
            if not cut:
                break
            self.nested.discard(cut[0])
            top.append(cut[0])
            pending.append(cut[0])
        rank = lambda s: order.get(s.value, len(order)) if type(s).__name__ == "NamedNode" else len(order)  # noqa: E731
        return sorted(top, key=lambda s: (rank(s), _term_key(s)))

    def lines(self, indent: int) -> str:
        blocks = []
        for subject in self.top:
            lines = self._predicates(self.props[subject], indent + 4)
            label = "[]" if subject in self.anonymous else self.w.term(subject)
            lines[0] = " " * indent + label + " " + lines[0].lstrip(" ")
            lines[-1] += " ."
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def _predicates(self, properties: dict, column: int) -> list[str]:
        """``p o1, o2 ;`` lines, one group per predicate, the last with no terminator."""
        out: list[str] = []
        predicates = sorted(properties, key=lambda p: (_PREDICATE_ORDER.get(p.value, 2), p.value))
        for k, predicate in enumerate(predicates):
            name = "a" if predicate.value == ns.RDF.type else self.w.iri(predicate.value)
            group: list[str] = []
            for j, obj in enumerate(sorted(properties[predicate], key=_term_key)):
                rendered = self._object(obj, column if j == 0 else column + 4)
                if j == 0:
                    group = [" " * column + name + " " + rendered[0], *rendered[1:]]
                else:
                    group[-1] += ","
                    group += [" " * (column + 4) + rendered[0], *rendered[1:]]
            if k < len(predicates) - 1:
                group[-1] += " ;"
            out += group
        return out

    def _object(self, obj, column: int) -> list[str]:
        """An object's lines: the first goes after its predicate, the others are whole lines."""
        if obj not in self.nested:
            return [self.w.term(obj)]
        items = self._list_items(obj)
        if items is not None:
            rendered = [self._object(item, column + 4) for item in items]
            if all(len(r) == 1 for r in rendered):
                return ["( " + " ".join(r[0] for r in rendered) + " )" if rendered else "()"]
            return ["(", *(line for r in rendered for line in [" " * (column + 4) + r[0], *r[1:]]), " " * column + ")"]
        properties = self.props.get(obj)
        if not properties:
            return ["[]"]
        return ["[", *self._predicates(properties, column + 4), " " * column + "]"]

    def _list_items(self, node) -> list | None:
        """The members of the RDF list starting at ``node``, if every cell of it can be nested."""
        items, seen = [], set()
        while not (type(node).__name__ == "NamedNode" and node.value == ns.RDF.nil):
            properties = self.props.get(node)
            if node in seen or node not in self.nested or properties is None or len(properties) != 2:
                return None
            first = [v for p, v in properties.items() if p.value == ns.RDF.first]
            rest = [v for p, v in properties.items() if p.value == ns.RDF.rest]
            if len(first) != 1 or len(rest) != 1 or len(first[0]) != 1 or len(rest[0]) != 1:
                return None
            seen.add(node)
            items.append(first[0][0])
            node = rest[0][0]
        return items


# --- RDF/XML ---------------------------------------------------------------------------------

# An XML name's last part: where a predicate IRI is cut into namespace and local name.
_XML_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*$")
# XML 1.0 cannot hold these characters, even escaped.
_NOT_XML = re.compile(r"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]")


def xml_text(text: str, attribute: bool = False) -> str:
    """Text escaped for XML content (or a double-quoted attribute); a carriage return stays one."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    if attribute:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    return text


def _rdf_xml(quads: list, prefixes: dict[str, str]) -> bytes:
    """RDF/XML: one ``rdf:Description`` per subject, in order, its properties sorted."""
    names = _XmlNames(prefixes)
    body: list[str] = []
    subject = None
    for q in quads:
        if q.subject != subject:
            if subject is not None:
                body.append("  </rdf:Description>")
            subject = q.subject
            body.append(f"  <rdf:Description {_xml_node('rdf:about', subject)}>")
        element = names.element(q.predicate.value)
        obj = q.object
        if type(obj).__name__ != "Literal":
            body.append(f"    <{element} {_xml_node('rdf:resource', obj)}/>")
            continue
        if _NOT_XML.search(obj.value):
            raise FormatError("RDF/XML cannot hold a literal with control characters; use another format (turtle, nt, json-ld)")
        datatype = obj.datatype.value if obj.datatype else ns.XSD.string
        if obj.language:
            attribute = f' xml:lang="{language_tag(obj.language)}"'
        elif datatype != ns.XSD.string:
            attribute = f' rdf:datatype="{xml_text(datatype, True)}"'
        else:
            attribute = ""
        body.append(f"    <{element}{attribute}>{xml_text(obj.value)}</{element}>")
    if subject is not None:
        body.append("  </rdf:Description>")
    declared = "".join(f'\n    xmlns:{p}="{xml_text(iri, True)}"' for p, iri in sorted(names.used.items()))
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF{declared}>'
    return "\n".join([head, *body, "</rdf:RDF>"]).encode("utf-8") + b"\n"


def _xml_node(iri_attribute: str, term) -> str:
    if type(term).__name__ == "BlankNode":
        return f'rdf:nodeID="{term.value}"'
    if type(term).__name__ != "NamedNode":
        raise FormatError(f"RDF/XML cannot write the term {term}")
    return f'{iri_attribute}="{xml_text(term.value, True)}"'


class _XmlNames:
    """Predicate IRIs as XML element names, declaring the namespaces they use."""

    def __init__(self, prefixes: dict[str, str]):
        self.by_namespace = {iri: p for p, iri in prefixes.items() if p != "rdf"}
        self.by_namespace[ns.RDF_NS] = "rdf"
        self.used: dict[str, str] = {"rdf": ns.RDF_NS}

    def element(self, iri: str) -> str:
        local = _XML_LOCAL.search(iri)
        if local is None or local.start() == 0:
            raise FormatError(f"RDF/XML cannot write the predicate <{iri}> (it does not end in an XML name); use another format")
        namespace = iri[: local.start()]
        prefix = self.by_namespace.get(namespace)
        if prefix is None:
            prefix = self.by_namespace[namespace] = f"ns{sum(1 for p in self.by_namespace.values() if p.startswith('ns') and p[2:].isdigit()) + 1}"
        self.used[prefix] = namespace
        return f"{prefix}:{local.group()}"


# --- JSON-LD ---------------------------------------------------------------------------------


def _json_ld(quads: list) -> bytes:
    """JSON-LD compacted with the shipped context: one node object per subject and graph (blank
    nodes flat, by label), the context's terms where a value fits one, every array sorted.

    Values are never turned into JSON numbers, so a literal keeps its lexical form (``"05"``).
    """
    import json

    context = jsonld_context()
    compactor = _JsonLdTerms(context)
    top: dict[str, dict] = {}
    graphs: dict[str, dict[str, dict]] = {}
    for q in quads:
        named = type(q.graph_name).__name__ != "DefaultGraph"
        nodes = graphs.setdefault(compactor.node_id(q.graph_name), {}) if named else top
        subject = compactor.node_id(q.subject)
        node = nodes.setdefault(subject, {"@id": subject})
        key, value = compactor.entry(q.predicate.value, q.object)
        _add_value(node, key, value)
    for name, nodes in graphs.items():
        top.setdefault(name, {"@id": name})["@graph"] = [_sorted_node(n) for _, n in sorted(nodes.items())]
    document = {"@context": context, "@graph": [_sorted_node(n) for _, n in sorted(top.items())]}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _add_value(node: dict, key: str, value) -> None:
    if isinstance(value, tuple):  # (language, text) for a language map
        language_map = node.setdefault(key, {})
        language_map.setdefault(value[0], []).append(value[1])
    else:
        node.setdefault(key, []).append(value)


def _sorted_node(node: dict) -> dict:
    """A node object with its keys in order and each array sorted; one value is written bare."""
    import json

    def tidy(values):
        if isinstance(values, dict) and "@graph" not in values:  # a language map
            return {tag: tidy(texts) for tag, texts in sorted(values.items())}
        if isinstance(values, list):
            ordered = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
            return ordered[0] if len(ordered) == 1 else ordered
        return values

    keys = sorted(node, key=lambda k: ({"@id": 0, "@type": 1, "@graph": 3}.get(k, 2), k))
    return {k: node[k] if k in ("@id", "@graph") else tidy(node[k]) for k in keys}


class _JsonLdTerms:
    """The shipped context, read as JSON-LD compaction uses it: prefixes for compact IRIs, and terms
    (an IRI with a type coercion or a language container) for the values that fit them."""

    def __init__(self, context: dict):
        self.prefixes = {name: iri for name, iri in context.items() if isinstance(iri, str) and iri.endswith(("/", "#"))}
        self.terms: dict[str, list[tuple[str, str | None, str | None]]] = {}
        for name, definition in context.items():
            if name.startswith("@") or name in self.prefixes:
                continue
            if isinstance(definition, str):
                definition = {"@id": definition}
            if isinstance(definition, dict) and "@id" in definition:
                coerce = definition.get("@type")
                if coerce not in (None, "@id", "@vocab"):
                    coerce = self.expand(coerce)
                self.terms.setdefault(self.expand(definition["@id"]), []).append((name, coerce, definition.get("@container")))
        self.writer = _Turtle(self.prefixes)

    def expand(self, text: str) -> str:
        prefix, _, local = text.partition(":")
        return self.prefixes[prefix] + local if prefix in self.prefixes and not local.startswith("//") else text

    def compact(self, iri: str) -> str:
        text = self.writer.iri(iri)
        return iri if text.startswith("<") else text

    def node_id(self, term) -> str:
        return f"_:{term.value}" if type(term).__name__ == "BlankNode" else self.compact(term.value)

    def entry(self, predicate: str, obj) -> tuple[str, object]:
        """The key and the value of one statement in its subject's node object."""
        is_literal = type(obj).__name__ == "Literal"
        if predicate == ns.RDF.type and not is_literal:
            return "@type", self.node_id(obj)
        for name, coerce, container in self.terms.get(predicate, ()):
            if container == "@language":
                if is_literal and obj.language and coerce is None:
                    return name, (language_tag(obj.language), obj.value)
            elif container is not None:
                continue
            elif coerce is None:
                return name, self.value(obj)
            elif not is_literal and coerce in ("@id", "@vocab"):
                return name, self.node_id(obj)
            elif is_literal and not obj.language and coerce == obj.datatype.value:
                return name, obj.value
        return self.compact(predicate), self.value(obj)

    def value(self, obj):
        """A value with no coercion: ``{"@id": ...}``, a string, or a value object."""
        if type(obj).__name__ != "Literal":
            return {"@id": self.node_id(obj)}
        if obj.language:
            return {"@language": language_tag(obj.language), "@value": obj.value}
        if obj.datatype.value == ns.XSD.string:
            return obj.value
        return {"@type": self.compact(obj.datatype.value), "@value": obj.value}


# --- terms -----------------------------------------------------------------------------------


def language_tag(tag: str) -> str:
    """A language tag in the case BCP 47 registers (RFC 5646, 2.1.1): ``ko-Latn-x-rr``, ``en-GB``.

    The language is lower case, a script title case, a region upper case, variants lower case;
    after a singleton (``x-`` private use, extensions) the subtags are left as they are.
    """
    parts = tag.split("-")
    out = [parts[0].lower()]
    as_written = len(parts[0]) == 1  # a tag that starts with x- or i-
    for part in parts[1:]:
        if as_written:
            out.append(part)
        elif len(part) == 1:
            as_written = True
            out.append(part.lower())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def is_iri(text: str) -> bool:
    """Whether ``text`` is an absolute IRI that can become a term (RFC 3987, as pyoxigraph reads it).

    Text from users and requests (a path, a name in angle brackets, a graph parameter) is checked
    with this before it becomes a NamedNode, so a bad IRI is the user's error (no entity, 400), not
    a ValueError of ours.
    """
    import pyoxigraph as ox

    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def nt_term(term) -> str:
    """A pyoxigraph term in N-Triples (canonical escapes), its language tag in BCP 47 case."""
    text = str(term)
    if type(term).__name__ == "Literal" and term.language:
        text = text[: len(text) - len(term.language)] + language_tag(term.language)
    return text


def display(term, compact: bool = True, literal: str = "value") -> str:
    """A term as a person reads it: a prefixed name (``id:hamhung``), ``_:b0``, and a literal as its
    value (``literal="value"``: ``Hamhung``) or in Turtle (``"turtle"``: ``"Hamhung"@en``, ``768551``,
    ``"1990"^^xsd:gYear``), as a report quotes it.

    Takes pyoxigraph or rdflib terms alike; None (an unbound variable) is the empty string.
    """
    if term is None:
        return ""
    if type(term).__module__.startswith("rdflib"):
        term = from_rdflib(term)
    kind = type(term).__name__
    if kind == "NamedNode":
        return ns.compact(term.value) if compact else term.value
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Literal":
        if literal == "turtle":
            return turtle_literal(term, ns.compact if compact else (lambda iri: f"<{iri}>"))
        return term.value
    return str(term)


# --- the bridge between pyoxigraph and rdflib ------------------------------------------------

MAX_RDFLIB_WARNINGS = 5


def quiet_rdflib_logging() -> None:
    """Route rdflib's log to one line per distinct warning on stderr (at most five, then one line
    saying the rest are left out), instead of the traceback it logs for an ill-typed literal such
    as ``"abc"^^xsd:integer``. The CLI calls this at start; rdflib's debug talk is not shown."""
    import logging
    import sys

    logger = logging.getLogger("rdflib")
    if any(getattr(h, "one_line", False) for h in logger.handlers):
        return
    seen: set[str] = set()

    def emit(record: logging.LogRecord) -> None:
        text = " ".join(record.getMessage().split())
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            text += f" ({type(error).__name__}: {' '.join(str(error).split())})"
        if text not in seen:
            seen.add(text)
            if len(seen) <= MAX_RDFLIB_WARNINGS:
                sys.stderr.write(f"warning: rdflib: {text[:300]}\n")
            elif len(seen) == MAX_RDFLIB_WARNINGS + 1:
                sys.stderr.write("warning: rdflib: more warnings left out\n")

    handler = logging.Handler(logging.WARNING)
    handler.emit = emit
    handler.one_line = True
    logger.addHandler(handler)
    logger.propagate = False


def to_rdflib(term):
    """The rdflib term of a pyoxigraph term (a plain ``xsd:string`` literal stays untyped, as rdflib
    writes it; a language tag gets its BCP 47 case back)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=language_tag(term.language))
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == ns.XSD.string else URIRef(datatype))
    if isinstance(term, ox.DefaultGraph) or term is None:
        return None
    raise TypeError(f"no rdflib term for {term!r}")


def from_rdflib(term):
    """The pyoxigraph term of an rdflib term; an untyped rdflib literal is an ``xsd:string``."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"no pyoxigraph term for {term!r}")


def from_rdflib_quads(data) -> list:
    """The pyoxigraph quads of an rdflib Graph (in the default graph) or Dataset (graphs kept)."""
    import pyoxigraph as ox
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    if not isinstance(data, Dataset):
        return [ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o)) for s, p, o in data]
    out = []
    for s, p, o, graph in data.quads((None, None, None, None)):
        name = getattr(graph, "identifier", graph)  # a Dataset yields the graph's name
        graph_name = ox.DefaultGraph() if name is None or name == DATASET_DEFAULT_GRAPH_ID else from_rdflib(name)
        out.append(ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), graph_name))
    return out


def rdflib_dataset(quads):
    """An rdflib Dataset of pyoxigraph quads (or triples), nkgeo's prefixes bound."""
    from rdflib import Dataset

    dataset = Dataset()
    for prefix, iri in ns.PREFIXES.items():
        dataset.bind(prefix, iri, replace=True)
    graphs: dict = {}
    for q in quads:
        name = getattr(q, "graph_name", None)
        target = graphs.get(name)
        if target is None:
            named = name is not None and type(name).__name__ != "DefaultGraph"
            target = graphs[name] = dataset.graph(to_rdflib(name)) if named else dataset.default_graph
        target.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return dataset


def rdflib_graph(statements):
    """An rdflib Graph of pyoxigraph triples (or of quads, their graphs merged)."""
    from rdflib import Graph

    graph = Graph()
    for prefix, iri in ns.PREFIXES.items():
        graph.bind(prefix, iri, replace=True)
    for t in statements:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph
