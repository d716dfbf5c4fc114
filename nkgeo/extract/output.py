"""Candidates as data: a named graph per document, its evidence, and the new entities' names.

The TriG is written by :func:`nkgeo.rdfio.serialize`, so the bytes depend only on the triples:
subjects, predicates and objects sorted, evidence records in document order, no blank node, no
timestamp. Running ``nkgeo extract`` twice on the same input gives the same file.

Layout of the output (the same model as the curated ``graph/*.trig``):

- ``graph:doc-<stem>``: the candidate triples of one document;
- ``graph:provenance``: the document (title, SHA-256, length, file name, graph) and one
  ``nkgeo:Evidence`` per triple and sentence, with ``nkgeo:startOffset``/``endOffset``,
  ``nkgeo:qualifier`` for hedges and negations, ``nkgeo:confidence`` (0..1) and
  ``prov:wasGeneratedBy`` the extraction activity, which names the extractor's version;
- ``graph:gazetteer``: a label and a type for each new entity, as the curated gazetteer has them.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.extract import certainty, statements
from nkgeo.extract.extractor import EXTRACTOR_VERSION, Extraction
from nkgeo.extract.rules import RDF_TYPE, Lit

# A triple a document states again and again gets its evidence from its first sentences only: a reviewer
# needs a few, and 500 KB of one repeated sentence must not make thousands of records per triple.
MAX_EVIDENCE_PER_TRIPLE = 5
HEADER = (
    "# Candidate triples proposed by nkgeo extract, each with evidence (character offsets of the\n"
    "# supporting sentence) in graph:provenance. Review them, then run nkgeo merge.\n"
)


@dataclass(frozen=True)
class Evidence:
    iri: str
    s: str
    p: str
    o: object
    document: str
    start: int
    end: int
    confidence: float
    qualifier: str | None
    reading: certainty.Reading = certainty.STATED


@dataclass
class Candidates:
    """Everything ``nkgeo extract`` proposes for a set of documents."""

    extractions: list[Extraction]
    min_confidence: float = 0.0

    def activity(self) -> str:
        return ns.ID_NS + f"nkgeo-extract-{_package_version()}-rules-{EXTRACTOR_VERSION}"

    def evidence(self, extraction: Extraction) -> list[Evidence]:
        grouped: dict[tuple, tuple[float, str | None, certainty.Reading]] = {}
        for fact in extraction.facts:
            key = (fact.s, fact.p, fact.o, fact.start, fact.end)
            best = grouped.get(key)
            if best is None or (fact.confidence, fact.qualifier or "") > (best[0], best[1] or ""):
                grouped[key] = (fact.confidence, fact.qualifier, fact.reading)
        kept = [(k, v) for k, v in grouped.items() if v[0] >= self.min_confidence]
        kept.sort(key=lambda item: (item[0][3], item[0][4], item[0][0], item[0][1], _sort_key(item[0][2])))
        per_triple: dict[tuple, int] = {}
        capped = []
        for item in kept:
            triple = item[0][:3]
            per_triple[triple] = per_triple.get(triple, 0) + 1
            if per_triple[triple] <= MAX_EVIDENCE_PER_TRIPLE:
                capped.append(item)
        kept = capped
        seen: dict[str, int] = {}
        prefix = extraction.document.stem
        out = []
        for (s, p, o, start, end), (confidence, qualifier, reading) in kept:
            digest = hashlib.sha256(f"{s} {p} {_sort_key(o)}".encode()).hexdigest()[:12]
            seen[digest] = seen.get(digest, 0) + 1
            suffix = "" if seen[digest] == 1 else f"-{seen[digest]}"
            out.append(Evidence(ns.EVIDENCE_NS + f"{prefix}-{digest}{suffix}", s, p, o, extraction.document_iri, start, end, confidence, qualifier, reading))
        return out

    def graphs(self) -> list[tuple[str, list[tuple], str]]:
        """(graph IRI, triples, ordering) for every graph of the output, in output order."""
        out = []
        provenance: list[tuple] = []
        gazetteer: dict[tuple, None] = {}
        evidence_order: list[str] = []
        used_any = False
        for extraction in sorted(self.extractions, key=lambda e: e.document.stem):
            records = self.evidence(extraction)
            if not records:
                continue
            used_any = True
            stem = extraction.document.stem
            graph = ns.DOCUMENT_GRAPH_PREFIX + stem
            triples = sorted({(r.s, r.p, r.o) for r in records}, key=_triple_key)
            out.append((graph, triples, "sorted"))
            document = extraction.document
            doc = extraction.document_iri
            provenance += [
                (doc, RDF_TYPE, ns.NKGEO.SourceDocument),
                (doc, ns.DCTERMS.title, Lit(document.title)),
                (doc, ns.DCTERMS.format, Lit("text/plain")),
                (doc, ns.DCTERMS.language, Lit("en")),
                (doc, ns.NKGEO.characterCount, Lit(str(len(document.text)), ns.XSD.nonNegativeInteger)),
                (doc, ns.NKGEO.contentHash, Lit(document.sha256)),
                (doc, ns.NKGEO.documentGraph, graph),
                (doc, ns.NKGEO.fileName, Lit(document.file_name)),
            ]
            evidence_order.append(doc)
            for record in records:
                provenance += [
                    (record.iri, RDF_TYPE, ns.NKGEO.Evidence),
                    (record.iri, ns.RDF.subject, record.s),
                    (record.iri, ns.RDF.predicate, record.p),
                    (record.iri, ns.RDF.object, record.o),
                    (record.iri, ns.NKGEO.inDocument, record.document),
                    (record.iri, ns.NKGEO.startOffset, Lit(str(record.start), ns.XSD.nonNegativeInteger)),
                    (record.iri, ns.NKGEO.endOffset, Lit(str(record.end), ns.XSD.nonNegativeInteger)),
                    (record.iri, ns.NKGEO.confidence, Lit(f"{record.confidence:.2f}", ns.XSD.decimal)),
                    (record.iri, ns.PROV.wasGeneratedBy, self.activity()),
                ]
                provenance += _certainty(record)
                evidence_order.append(record.iri)
            used = {r.s for r in records} | {r.o for r in records if isinstance(r.o, str)}
            for iri, (label, classes) in sorted(extraction.entities.items()):
                if iri not in used:
                    continue
                for cls in classes:
                    gazetteer[(iri, RDF_TYPE, cls)] = None
                gazetteer[(iri, ns.RDFS.label, Lit(label, lang="en"))] = None
                gazetteer[(iri, ns.SKOS.prefLabel, Lit(label, lang="en"))] = None
                concept = statements.proposed_concept(label, classes)
                if concept:
                    gazetteer[(iri, ns.SKOS.inScheme, concept[0])] = None
                    gazetteer[(iri, ns.SKOS.definition, Lit(concept[1], lang="en"))] = None
        if not used_any:
            return []
        activity = self.activity()
        provenance += [
            (activity, RDF_TYPE, ns.PROV.Activity),
            (activity, ns.RDFS.label, Lit(f"nkgeo extract {_package_version()} (rules version {EXTRACTOR_VERSION})", lang="en")),
            (activity, ns.PROV.wasAssociatedWith, ns.ID_NS + "nkgeo-project"),
        ]
        evidence_order.append(activity)
        out.append((ns.PROVENANCE_GRAPH, provenance, "\n".join(evidence_order)))
        if gazetteer:
            out.append((ns.GAZETTEER_GRAPH, sorted(gazetteer, key=_triple_key), "sorted"))
        return out

    def trig(self) -> str:
        graphs = self.graphs()
        if not graphs:
            return ""
        return write_trig(graphs, HEADER)

    def table(self) -> str:
        """One row per candidate and sentence, with the sentence itself; then the sentences that name a
        known place but gave no candidate, so that a reviewer sees what the rules did not read."""
        rows, quiet = [], []
        for extraction in sorted(self.extractions, key=lambda e: e.document.stem):
            records = self.evidence(extraction)
            stem, text = extraction.document.stem, extraction.document.text
            for record in records:
                evidence = f"{stem} chars {record.start}-{record.end}"
                if record.qualifier:
                    evidence += f" [{record.qualifier}]"
                rows.append((term(record.s), term(record.p), term(record.o), f"{record.confidence:.2f}", evidence, _quote(text, record.start, record.end)))
            read = {(r.start, r.end) for r in records}
            quiet += [f"  {stem} chars {start}-{end}: {_quote(text, start, end)}" for start, end in extraction.naming if (start, end) not in read]
        if not rows and not quiet:
            return ""
        out = ""
        if rows:
            header = ("subject", "predicate", "object", "confidence", "evidence", "sentence")
            widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
            lines = [" | ".join(c.ljust(widths[i]) if i < 5 else c for i, c in enumerate(row)).rstrip() for row in [header, *rows]]
            lines.insert(1, "-+-".join("-" * w for w in widths) + "-+-" + "-" * 8)
            out = "\n".join(lines) + f"\n({len(rows)} candidates)\n"
        if quiet:
            out += f"\nSentences that name a known place but gave no candidate ({len(quiet)}):\n" + "\n".join(quiet) + "\n"
        return out


def _certainty(record: Evidence) -> list[tuple]:
    """The evidence record's certainty: its mode and temporal status (stated and current unless the
    sentence says otherwise), attribution, frequency and, as free text, the document's own words."""
    reading = record.reading
    out = [
        (record.iri, ns.NKGEO.assertionMode, reading.mode or ns.NKGEO.Stated),
        (record.iri, ns.NKGEO.temporalStatus, reading.status or ns.NKGEO.Current),
    ]
    if reading.frequency:
        out.append((record.iri, ns.NKGEO.frequency, reading.frequency))
    if reading.form:
        out.append((record.iri, ns.NKGEO.expressedThrough, reading.form))
    if reading.agent:
        out.append((record.iri, ns.PROV.wasAttributedTo, reading.agent))
    if record.qualifier:
        out.append((record.iri, ns.NKGEO.qualifier, Lit(record.qualifier)))
    return out


def _quote(text: str, start: int, end: int, limit: int = 200) -> str:
    """A sentence of the document on one line, cut at ``limit`` characters."""
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


@functools.lru_cache(maxsize=1)
def _package_version() -> str:
    try:
        from importlib.metadata import version

        return version("nkgeo")
    except Exception:  # noqa: BLE001 - not installed: a source checkout
        return "0"


def _sort_key(term) -> str:
    if isinstance(term, Lit):
        return f'"{term.value}"^^{term.datatype or ""}@{term.lang or ""}'
    return str(term)


def _triple_key(triple) -> tuple:
    s, p, o = triple
    return (s, p != RDF_TYPE, p, _sort_key(o))


def oxigraph_term(value):
    """The pyoxigraph term of an extractor's value: an IRI (a string) or a Lit."""
    import pyoxigraph as ox

    if not isinstance(value, Lit):
        return ox.NamedNode(str(value))
    if value.lang:
        return ox.Literal(value.value, language=value.lang)
    return ox.Literal(value.value, datatype=ox.NamedNode(value.datatype or ns.XSD.string))


def term(value) -> str:
    """An extractor's value as people read it: ``nkgeo:City``, ``"Kanggye"@en``, ``768551``."""
    return rdfio.display(oxigraph_term(value), literal="turtle")


def write_trig(graphs: list[tuple[str, list[tuple], str]], header: str = "") -> str:
    """(graph IRI, triples, ordering) as TriG after ``header``; an ordering other than ``sorted``
    lists the subjects to write first, one IRI a line (evidence records in document order)."""
    import pyoxigraph as ox

    quads, leading = [], []
    for graph, triples, order in graphs:
        name = ox.NamedNode(graph)
        quads += [ox.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), name) for s, p, o in triples]
        if order != "sorted":
            leading += order.split("\n")
    return header + rdfio.serialize(quads, "trig", leading=leading).decode("utf-8")
