"""Where a triple comes from: the named graphs that hold it and the evidence records behind it.

One query serves ``show`` (every statement about a subject) and ``why`` (the sources of one
asserted premise): a statement per (triple, graph, evidence record), inferred ones included and
marked by their graph.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from nkgeo import namespaces as ns

STATEMENTS_QUERY = """
SELECT ?s ?p ?o ?g ?doc ?start ?end ?qualifier WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(?g != graph:provenance)
  OPTIONAL {
    GRAPH graph:provenance {
      ?doc nkgeo:documentGraph ?g .
      ?ev rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
          nkgeo:inDocument ?doc ; nkgeo:startOffset ?start ; nkgeo:endOffset ?end .
      OPTIONAL { ?ev nkgeo:qualifier ?qualifier }
    }
  }
}
"""


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
    found = []
    for row in compiled.query(STATEMENTS_QUERY, substitutions=bindings):
        value = functools.partial(_value, row, None)
        found.append(
            Statement(
                subject=subject if subject is not None else row["s"],
                predicate=predicate if predicate is not None else row["p"],
                object=obj if obj is not None else row["o"],
                graph=value("g"),
                document=value("doc"),
                start=int(value("start")) if value("start") is not None else None,
                end=int(value("end")) if value("end") is not None else None,
                qualifier=value("qualifier"),
            )
        )
    found.sort(key=lambda st: (str(st.predicate), str(st.object), st.inferred, st.graph, st.start or 0))
    return found


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
