"""Every RDF read and write of nkgeo: one table of formats, one term renderer, one bridge to rdflib.

The formats are data (:data:`FORMATS`): each has a name, the aliases a user may type, its media
types and file suffixes (the first of each is the canonical one), pyoxigraph's name for it and
whether it keeps named graphs. The CLI's ``--format``, the server's content negotiation and the
reading of a file by its suffix all look formats up here.

Terms cross between the two RDF libraries in one place: :func:`to_rdflib` and :func:`from_rdflib`
(pyoxigraph is the store and the parser; rdflib serves pySHACL, owlrl and JSON-LD compaction). A
plain literal is an ``xsd:string`` in RDF 1.1, so rdflib's untyped ``Literal("x")`` and
pyoxigraph's ``Literal("x")`` (datatype ``xsd:string``) are the same term on both sides.

Nothing here imports rdflib or pyoxigraph at the top: the query path stays light.
"""

from __future__ import annotations

from typing import NamedTuple

from nkgeo import namespaces as ns
from nkgeo.errors import FormatError


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


def rdf_format(name: str, writing: bool = True) -> Format:
    """The format called ``name`` (or one of its aliases, in any case); FormatError names the choices."""
    found = _BY_ALIAS.get(name.strip().lower())
    if found is None or (writing and not found.writable):
        choices = [f for f in FORMATS.values() if f.writable or not writing]
        known = ", ".join(f.name + (f" ({'/'.join(f.aliases)})" if f.aliases else "") for f in choices)
        raise FormatError(f"unknown RDF format {name!r}; choose one of {known}")
    return found


def format_of_path(path) -> Format | None:
    """The format a file's suffix names (``data.ttl`` is Turtle), or None."""
    from pathlib import Path

    return _BY_SUFFIX.get(Path(path).suffix.lower())


def oxigraph_format(fmt: Format):
    """pyoxigraph's RdfFormat for ``fmt``."""
    import pyoxigraph as ox

    if fmt.oxigraph is None:
        raise FormatError(f"{fmt.name} is read with rdflib, not pyoxigraph")
    return getattr(ox.RdfFormat, fmt.oxigraph)


# --- terms for people ------------------------------------------------------------------------


def display(term, compact: bool = True) -> str:
    """A term as a person reads it: a prefixed name (``id:hamhung``), a literal's value, ``_:b0``.

    Takes pyoxigraph or rdflib terms alike; None (an unbound variable) is the empty string.
    """
    if term is None:
        return ""
    kind = type(term).__name__
    if kind in ("NamedNode", "URIRef"):
        iri = term.value if kind == "NamedNode" else str(term)
        return ns.compact(iri) if compact else iri
    if kind in ("BlankNode", "BNode"):
        return f"_:{term.value if kind == 'BlankNode' else term}"
    if kind == "Literal":  # pyoxigraph's value is the lexical form; rdflib's str() is
        return str(term) if type(term).__module__.startswith("rdflib") else term.value
    return str(term)


# --- the bridge between pyoxigraph and rdflib ------------------------------------------------


def to_rdflib(term):
    """The rdflib term of a pyoxigraph term (a plain ``xsd:string`` literal stays untyped, as rdflib writes it)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
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
