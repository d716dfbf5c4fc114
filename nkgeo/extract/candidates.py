"""Checking a candidates file before anything of it reaches ``graph/``: :func:`check_candidates`.

``nkgeo merge`` writes what a candidates file holds into ``graph/<stem>.trig`` and
``graph/gazetteer.trig``, and names the file in a comment there. A file from ``nkgeo extract``
is well-formed; one edited by hand, or made to do harm, may not be: a file name with a line break
(which would end the comment and start TriG of its own), a graph IRI whose stem names a path, a
stem too long for a file name, a confidence that is not a number, an offset that is not one, a
predicate no vocabulary defines, a name with control characters. So the whole file is checked
first, strictly (pyoxigraph's parser, then the model ``nkgeo extract`` writes, see
``extract/output.py``), and the first problem is reported in one line.

The model checked:

- graphs: ``graph:provenance``, ``graph:gazetteer`` and ``graph:doc-<stem>``, nothing in the
  default graph; a stem is ``<slug>_<16 hex digits>`` (as ``extract/document.py`` makes them), at
  most :data:`MAX_STEM` characters;
- every predicate (and every ``rdf:predicate`` of an evidence record) a term of nkgeo's ontology or
  of the vocabularies it uses (:mod:`nkgeo.namespaces`);
- every IRI of nkgeo's own namespaces with a plain local name (letters, digits, ``.``, ``_``, ``-``);
- a document: its IRI ``doc:<stem>``, one ``nkgeo:documentGraph`` ``graph:doc-<stem>``, a file
  name without ``/`` or control characters;
- an evidence record: one subject, predicate and object, a document the file describes, offsets
  that are non-negative integers with start <= end, a confidence from 0 to 1;
- literals: no control characters; names (labels) at most :data:`MAX_NAME` characters on one line;
  numbers, years and dates well-formed for their datatype.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import NkgeoError, SourceError

MAX_BYTES = 50_000_000
MAX_STEM = 200  # with ".trig", within the 255 bytes of a file name
MAX_NAME = 300
STEM = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?_[0-9a-f]{16}")
LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,198}[A-Za-z0-9_-])?")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
LINE_BREAK = re.compile(r"[\n\r\x85\u2028\u2029]")
NAME_PREDICATES = frozenset({ns.RDFS.label, ns.SKOS.prefLabel, ns.SKOS.altLabel, ns.NKGEO.formerName, ns.NKGEO.nickname})
OWN_NAMESPACES = (ns.ID_NS, ns.DOC_NS, ns.EVIDENCE_NS, ns.GRAPH_NS)
LEXICAL_FORMS = {
    ns.XSD.integer: re.compile(r"[+-]?\d{1,30}"),
    ns.XSD.nonNegativeInteger: re.compile(r"\+?\d{1,30}"),
    ns.XSD.positiveInteger: re.compile(r"\+?0*[1-9]\d{0,29}"),
    ns.XSD.decimal: re.compile(r"[+-]?(?:\d{1,30}(?:\.\d{0,30})?|\.\d{1,30})"),
    ns.XSD.double: re.compile(r"[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,4})?|INF)|NaN"),
    ns.XSD.boolean: re.compile(r"true|false|1|0"),
    ns.XSD.gYear: re.compile(r"-?\d{4,6}(?:Z|[+-]\d{2}:\d{2})?"),
    ns.XSD.date: re.compile(r"-?\d{4,6}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:Z|[+-]\d{2}:\d{2})?"),
}
VOCABULARIES = (ns.NKGEO, ns.RDF, ns.RDFS, ns.OWL, ns.SKOS, ns.DCTERMS, ns.PROV, ns.SCHEMA, ns.GEO, ns.WGS, ns.GN)


class CandidatesError(NkgeoError):
    """A candidates file that ``nkgeo merge`` must not take: what is wrong, in one line."""


@functools.cache
def known_terms() -> frozenset[str]:
    """Every term of the vocabularies nkgeo knows (ontology, RDF, RDFS, OWL, SKOS, Dublin Core...)."""
    return frozenset(value for vocabulary in VOCABULARIES for name, value in vars(vocabulary).items()
                     if not name.startswith("_") and isinstance(value, str))


def check_candidates(path: Path | str) -> None:
    """Raise CandidatesError naming the first problem of the candidates file at ``path`` (see the
    module's docstring); return when ``nkgeo merge`` may read it."""
    path = Path(path)
    if CONTROL.search(path.name) or LINE_BREAK.search(path.name):
        raise CandidatesError(f"the candidates file name {path.name!r} holds a control character or a line break; rename it")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise CandidatesError(f"{path}: no such file") from None
    except OSError as exc:
        raise CandidatesError(f"{path}: {exc.strerror}") from None
    if size > MAX_BYTES:
        raise CandidatesError(f"{path.name} has {size:,} bytes, more than a candidates file may ({MAX_BYTES:,})")
    from nkgeo import rdfio

    try:
        quads = rdfio.read(path, "trig")
    except SourceError as exc:
        raise CandidatesError(f"{path.name} is not a candidates file: {exc}") from None
    problem = first_problem(quads)
    if problem:
        raise CandidatesError(f"{path.name}: {problem}; nothing was merged")


def first_problem(quads: list) -> str | None:
    """What is wrong with the quads of a candidates file, or None."""
    graphs: dict[str, list] = {}
    for quad in quads:
        kind = type(quad.graph_name).__name__
        if kind != "NamedNode":
            return "a triple lies outside the named graphs (candidates go in graph:provenance, graph:gazetteer or graph:doc-<stem>)"
        graphs.setdefault(quad.graph_name.value, []).append(quad)
    for graph in graphs:
        if graph not in (ns.PROVENANCE_GRAPH, ns.GAZETTEER_GRAPH):
            problem = stem_problem(graph)
            if problem:
                return problem
    for quad in quads:
        problem = term_problem(quad.subject) or predicate_problem(quad.predicate.value) or term_problem(quad.object, quad.predicate.value)
        if problem:
            return problem
    provenance = graphs.get(ns.PROVENANCE_GRAPH, [])
    documents, problem = _documents(provenance)
    return problem or _evidence_problem(provenance, documents)


def stem_problem(graph: str) -> str | None:
    """Why a graph IRI is not ``graph:doc-<stem>`` with a stem fit for a file name, or None."""
    if not graph.startswith(ns.DOCUMENT_GRAPH_PREFIX):
        return f"the graph <{graph}> is none of graph:provenance, graph:gazetteer, graph:doc-<stem>"
    stem = graph[len(ns.DOCUMENT_GRAPH_PREFIX):]
    if len(stem) > MAX_STEM:
        return f"the document graph's stem has {len(stem)} characters, more than {MAX_STEM}"
    if not STEM.fullmatch(stem):
        return f"the document graph's stem {stem!r} is not <slug>_<16 hex digits> (lower-case letters, digits and hyphens)"
    return None


def predicate_problem(iri: str) -> str | None:
    if iri not in known_terms():
        return f"the predicate <{iri}> is not a term of nkgeo's ontology or of a vocabulary it uses"
    return None


def term_problem(term, predicate: str | None = None) -> str | None:
    """What is wrong with one subject or object, or None."""
    kind = type(term).__name__
    if kind == "NamedNode":
        for namespace in OWN_NAMESPACES:
            if term.value.startswith(namespace) and not LOCAL_NAME.fullmatch(term.value[len(namespace):]):
                return f"the IRI <{term.value}> is not a plain name in nkgeo's namespace (letters, digits, '.', '_' and '-', at most 200)"
        return None
    if kind == "BlankNode":
        return "a blank node: every resource of a candidates file has an IRI"
    if kind != "Literal":
        return f"a {kind}, which a candidates file does not hold"
    value = term.value
    if CONTROL.search(value):
        return f"the literal {value[:60]!r} holds a control character"
    if predicate in NAME_PREDICATES and (len(value) > MAX_NAME or LINE_BREAK.search(value) or not value.strip()):
        return f"the name {value[:60]!r} is empty, longer than {MAX_NAME} characters, or on more than one line"
    pattern = LEXICAL_FORMS.get(term.datatype.value if term.datatype else "")
    if pattern is not None and not pattern.fullmatch(value):
        return f"the literal {value[:60]!r} is not a valid {ns.compact(term.datatype.value)}"
    return None


def _documents(provenance: list) -> tuple[dict[str, str], str | None]:
    """The documents described (IRI -> stem), or the problem with one of them."""
    described = {q.subject.value for q in provenance if q.predicate.value == ns.RDF.type and getattr(q.object, "value", None) ==
                 ns.NKGEO.SourceDocument}
    documents: dict[str, str] = {}
    for document in sorted(described):
        graphs = [q.object for q in provenance if q.subject.value == document and q.predicate.value == ns.NKGEO.documentGraph]
        if len(graphs) != 1 or type(graphs[0]).__name__ != "NamedNode":
            return documents, f"the document <{document}> has {len(graphs)} nkgeo:documentGraph IRIs, not one"
        problem = stem_problem(graphs[0].value)
        if problem:
            return documents, problem
        stem = graphs[0].value[len(ns.DOCUMENT_GRAPH_PREFIX):]
        if document != ns.DOC_NS + stem:
            return documents, f"the document <{document}> is not doc:{stem}, as its graph graph:doc-{stem} says it should be"
        for quad in provenance:
            if quad.subject.value == document and quad.predicate.value == ns.NKGEO.fileName and "/" in quad.object.value:
                return documents, f"the file name {quad.object.value[:60]!r} of doc:{stem} holds a '/'"
        documents[document] = stem
    return documents, None


def _evidence_problem(provenance: list, documents: dict[str, str]) -> str | None:
    """What is wrong with an evidence record, or None."""
    records: dict[str, dict[str, list]] = {}
    evidence = {q.subject.value for q in provenance if q.predicate.value == ns.RDF.type and getattr(q.object, "value", None) == ns.NKGEO.Evidence}
    for quad in provenance:
        if quad.subject.value in evidence:
            records.setdefault(quad.subject.value, {}).setdefault(quad.predicate.value, []).append(quad.object)
    for iri, record in sorted(records.items()):
        shown = ns.compact(iri)
        for predicate in (ns.RDF.subject, ns.RDF.predicate, ns.RDF.object, ns.NKGEO.inDocument, ns.NKGEO.startOffset, ns.NKGEO.endOffset):
            if len(record.get(predicate, [])) != 1:
                return f"the evidence {shown} has {len(record.get(predicate, []))} {ns.compact(predicate)}, not one"
        if type(record[ns.RDF.subject][0]).__name__ != "NamedNode" or type(record[ns.RDF.predicate][0]).__name__ != "NamedNode":
            return f"the evidence {shown} has a subject or predicate that is not an IRI"
        problem = predicate_problem(record[ns.RDF.predicate][0].value)
        if problem:
            return f"the evidence {shown}: {problem}"
        if getattr(record[ns.NKGEO.inDocument][0], "value", None) not in documents:
            return f"the evidence {shown} is in a document the file does not describe"
        offsets = [_integer(record[p][0]) for p in (ns.NKGEO.startOffset, ns.NKGEO.endOffset)]
        if None in offsets or offsets[0] > offsets[1]:
            return f"the evidence {shown} has offsets that are not whole numbers from start to end"
        for confidence in record.get(ns.NKGEO.confidence, []):
            if not _fraction(confidence):
                return f"the evidence {shown} has the confidence {getattr(confidence, 'value', confidence)!r}, not a number from 0 to 1"
    return None


def _integer(term) -> int | None:
    if type(term).__name__ != "Literal" or not re.fullmatch(r"\+?\d{1,15}", term.value):
        return None
    return int(term.value)


def _fraction(term) -> bool:
    if type(term).__name__ != "Literal" or not LEXICAL_FORMS[ns.XSD.decimal].fullmatch(term.value):
        return False
    try:
        return 0 <= Decimal(term.value) <= 1
    except InvalidOperation:
        return False
