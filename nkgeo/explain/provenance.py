"""Where a triple comes from: the named graphs that hold it and the evidence records behind it.

One query serves ``show`` (every statement about a subject) and ``why`` (the sources of one
asserted premise): a statement per (triple, graph, evidence record), inferred ones included and
marked by their graph.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from nkgeo import namespaces as ns
from nkgeo.explain.certainty import INFERENCE_GRAPH

_SELECT = "SELECT ?s ?p ?o ?g ?ev ?doc ?start ?end ?qualifier ?mode ?status ?agent ?frequency ?time ?during ?form ?note"
# One evidence record and the words of its certainty (inside GRAPH graph:provenance).
_RECORD = """
      ?doc nkgeo:documentGraph ?g .
      ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
          nkgeo:inDocument ?doc ; nkgeo:startOffset ?start ; nkgeo:endOffset ?end .
      OPTIONAL { ?ev nkgeo:qualifier ?qualifier }
      OPTIONAL { ?ev nkgeo:assertionMode ?mode }
      OPTIONAL { ?ev nkgeo:temporalStatus ?status }
      OPTIONAL { ?ev prov:wasAttributedTo ?agent }
      OPTIONAL { ?ev nkgeo:frequency ?frequency }
      OPTIONAL { ?ev nkgeo:timeQualifier ?time }
      OPTIONAL { ?ev nkgeo:holdsDuring ?during }
      OPTIONAL { ?ev nkgeo:expressedThrough ?form }
      OPTIONAL { ?ev skos:editorialNote ?note }
"""
STATEMENTS_QUERY = _SELECT + """ WHERE {
  %s
  GRAPH ?g { ?s ?p ?o }
  FILTER(?g != graph:provenance && ?g != <%s>)
  OPTIONAL { GRAPH graph:provenance { """ + _RECORD.replace("%", "%%") + """ } }
}
"""
# The records of one document (?doc bound) or one record (?ev bound), each with its triple.
EVIDENCE_QUERY = _SELECT + " WHERE { GRAPH graph:provenance { ?ev a nkgeo:Evidence . " + _RECORD + " } }"
# Reification: records about statements (link records of graph:links), not links between things.
RECORD_PREDICATES = frozenset({ns.RDF.subject, ns.RDF.predicate, ns.RDF.object})


@dataclass(frozen=True)
class Statement:
    """One triple as held by one graph, with one piece of evidence when the graph is a document's."""

    subject: object
    predicate: object
    object: object
    graph: str
    document: str | None = None
    start: int | None = None
    end: int | None = None
    qualifier: str | None = None
    evidence: str | None = None  # the evidence record's IRI
    mode: str | None = None  # IRIs of the record's assertion mode, temporal status, ...
    status: str | None = None
    agents: tuple[str, ...] = ()
    frequency: str | None = None
    time: str | None = None
    during: str | None = None
    form: str | None = None
    note: str | None = None

    @property
    def inferred(self) -> bool:
        return self.graph == ns.INFERRED_GRAPH

    @property
    def source_label(self) -> str:
        """The graph in a word: a document stem, 'gazetteer', 'ontology' or 'inferred'."""
        if self.graph.startswith(ns.DOCUMENT_GRAPH_PREFIX):
            return self.graph[len(ns.DOCUMENT_GRAPH_PREFIX):]
        return self.graph[len(ns.GRAPH_NS):] if self.graph.startswith(ns.GRAPH_NS) else self.graph


def statements(compiled, subject=None, predicate=None, obj=None) -> list[Statement]:
    """Every statement matching the given pyoxigraph terms (None: any), in a stable order."""
    bindings = {name: term for name, term in (("s", subject), ("p", predicate), ("o", obj)) if term is not None}
    return _collect(compiled.query(STATEMENTS_QUERY % ("", INFERENCE_GRAPH), substitutions=bindings), bindings)


def statements_of(compiled, subjects) -> list[Statement]:
    """Every statement whose subject is one of ``subjects`` (pyoxigraph named nodes), in one query."""
    subjects = [s for s in subjects if type(s).__name__ == "NamedNode"]
    if not subjects:
        return []
    values = "VALUES ?s { " + " ".join(str(s) for s in subjects) + " }"
    return _collect(compiled.query(STATEMENTS_QUERY % (values, INFERENCE_GRAPH)), {})


def evidence_of(compiled, document=None, record=None) -> list[Statement]:
    """The statements behind the evidence records of one document, or behind one record
    (pyoxigraph named nodes), in the order of the document."""
    bindings = {name: term for name, term in (("doc", document), ("ev", record)) if term is not None}
    found = _collect(compiled.query(EVIDENCE_QUERY, substitutions=bindings), {})
    found.sort(key=lambda st: (st.start or 0, st.end or 0, str(st.subject), str(st.predicate), str(st.object)))
    return found


def _collect(rows, bindings: dict) -> list[Statement]:
    """One Statement per (triple, graph, evidence record), the record's agents gathered."""
    found: dict[tuple, dict] = {}
    for row in rows:
        value = functools.partial(_value, row, None)
        terms = tuple(bindings.get(name) or row[name] for name in ("s", "p", "o"))
        key = (*map(str, terms), value("g"), value("ev"))
        entry = found.get(key)
        if entry is None:
            entry = found[key] = {
                "subject": terms[0], "predicate": terms[1], "object": terms[2], "graph": value("g"),
                "document": value("doc"), "start": int(value("start")) if value("start") is not None else None,
                "end": int(value("end")) if value("end") is not None else None, "qualifier": value("qualifier"),
                "evidence": value("ev"), "mode": value("mode"), "status": value("status"), "agents": (),
                "frequency": value("frequency"), "time": value("time"), "during": value("during"), "form": value("form"),
                "note": value("note"),
            }
        agent = value("agent")
        if agent is not None and agent not in entry["agents"]:
            entry["agents"] = tuple(sorted((*entry["agents"], agent)))
    out = [Statement(**entry) for entry in found.values()]
    out.sort(key=lambda st: (str(st.predicate), str(st.object), st.inferred, st.graph, st.start or 0, st.evidence or ""))
    return out


def labels(compiled, iris: set[str]) -> dict[str, str]:
    """English (or untagged) labels for the given IRIs."""
    if not iris:
        return {}
    values = " ".join(f"<{iri}>" for iri in sorted(iris))
    query = f"""
    SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{
      VALUES ?x {{ {values} }}
      ?x rdfs:label|skos:prefLabel ?l .
      FILTER(lang(?l) = "en" || lang(?l) = "")
    }} GROUP BY ?x
    """
    return {row["x"].value: row["label"].value for row in compiled.query(query)}


def _value(row, missing, name: str):
    """A solution's value for ``name`` as a string, or ``missing`` when unbound."""
    term = row[name]
    return term.value if term is not None else missing


def source_lines(source: dict, indent: str, prefix: str = "") -> list[str]:
    """One source of a fact as text lines: ``<document stem> chars a-b (qualifier)`` and its quote,
    or the graph's name when no document states it (``show`` and ``why`` print sources alike)."""
    if "document" not in source:
        return [f"{indent}{prefix}{source['graph']}"]
    stem = source["document"].rsplit("/", 1)[-1]
    line = f"{indent}{prefix}{stem} chars {source['start']}-{source['end']}"
    if source.get("qualifier"):
        line += f" ({source['qualifier']})"
    quoted = [f'{indent}  "{source["quote"]}"'] if source.get("quote") else []
    return [line, *quoted]
