"""``nkgeo export``: the compiled dataset in any RDF format, named graphs kept where the format can.

Turtle, N-Triples and RDF/XML hold one graph, so the chosen graphs are merged; N-Quads, TriG and
JSON-LD keep each named graph. Every format is written by :func:`nkgeo.rdfio.serialize`, so the
output is the same bytes from every process (canonical blank nodes, sorted statements).
"""

from __future__ import annotations

from nkgeo import rdfio
from nkgeo.query.store import default_graphs


def selected_quads(compiled, graphs: str = "all") -> list:
    """The compiled dataset's quads (pyoxigraph), restricted to the asserted, inferred or all graphs."""
    # The default graph holds the asserted triples again, once, for queries (nkgeo.build.pipeline): not exported.
    quads = [q for q in rdfio.read(compiled.path / "dataset.nq") if type(q.graph_name).__name__ == "NamedNode"]
    named = sorted({q.graph_name.value for q in quads if type(q.graph_name).__name__ == "NamedNode"})
    chosen = default_graphs(named, graphs)
    if chosen is None:
        return quads
    keep = set(chosen)
    return [q for q in quads if getattr(q.graph_name, "value", None) in keep]


def export(compiled, fmt: str, graphs: str = "all") -> bytes:
    """The dataset serialised in ``fmt`` (any name or alias of :data:`nkgeo.rdfio.FORMATS`)."""
    return rdfio.serialize(selected_quads(compiled, graphs), rdfio.rdf_format(fmt))


def selected_dataset(compiled, graphs: str = "all"):
    """The same quads as an rdflib Dataset, for the tools that want rdflib (validation)."""
    return rdfio.rdflib_dataset(selected_quads(compiled, graphs))
