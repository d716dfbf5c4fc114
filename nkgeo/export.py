"""``nkgeo export``: the compiled dataset in any RDF format, named graphs kept where the format can.

Turtle, N-Triples and RDF/XML hold one graph, so the chosen graphs are merged; N-Quads, TriG and
JSON-LD keep each named graph. JSON-LD is compacted with ``ontology/context.jsonld`` so it reads
as plain JSON. Output is deterministic: sorted lines, canonical Turtle (rdflib's longturtle).
"""

from __future__ import annotations

import json

from nkgeo import namespaces as ns
from nkgeo.resources import ontology_dir
from nkgeo.results import RDF_FORMATS, rdf_format

CONTEXT_FILE = "context.jsonld"


def jsonld_context() -> dict:
    """The shipped JSON-LD context (its ``@context`` member)."""
    return json.loads((ontology_dir() / CONTEXT_FILE).read_text(encoding="utf-8"))["@context"]


def selected_dataset(compiled, graphs: str = "all"):
    """An rdflib Dataset of the compiled quads, restricted to asserted, inferred or all graphs."""
    from rdflib import Dataset

    full = Dataset()
    full.parse(compiled.path / "dataset.nq", format="nquads")
    if graphs == "all":
        chosen = full
    else:
        chosen = Dataset()
        for graph in full.graphs():
            is_inferred = str(graph.identifier) == ns.INFERRED_GRAPH
            if len(graph) and is_inferred == (graphs == "inferred"):
                target = chosen.graph(graph.identifier)
                for triple in graph:
                    target.add(triple)
    for prefix, iri in ns.PREFIXES.items():
        chosen.bind(prefix, iri, replace=True)
    return chosen


def canonicalise_blank_nodes(dataset) -> None:
    """Relabel each graph's blank nodes from the graph's structure (rdflib.compare), in place.

    A parser gives blank nodes fresh random labels, so without this the sorted N-Quads and the
    order of Turtle's anonymous blocks change from one export to the next. A graph is left as it
    is when it shares a blank node with another graph (relabelling it alone would cut the link).
    """
    from collections import defaultdict

    from rdflib import BNode
    from rdflib.compare import to_canonical_graph

    graphs_of = defaultdict(set)
    for s, _p, o, graph in dataset.quads((None, None, None, None)):
        for term in (s, o):
            if isinstance(term, BNode):
                graphs_of[term].add(getattr(graph, "identifier", graph))  # a Dataset yields the name
    with_blanks = {g for names in graphs_of.values() for g in names}
    shared = {g for names in graphs_of.values() if len(names) > 1 for g in names}
    for name in sorted(with_blanks - shared):
        graph = dataset.graph(name)
        canonical = list(to_canonical_graph(graph))
        graph.remove((None, None, None))
        for triple in canonical:
            graph.add(triple)


def export(compiled, fmt: str, graphs: str = "all") -> bytes:
    """The dataset serialised in ``fmt`` (any name or alias of results.RDF_FORMATS)."""
    from rdflib import Graph

    key = rdf_format(fmt)
    dataset = selected_dataset(compiled, graphs)
    canonicalise_blank_nodes(dataset)
    serializer, keeps_graphs = RDF_FORMATS[key][1], RDF_FORMATS[key][2]
    if key == "json-ld":
        return dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, indent=2, encoding="utf-8")
    if keeps_graphs:
        data = dataset.serialize(format=serializer, encoding="utf-8")
    else:
        merged = Graph()
        for prefix, iri in ns.PREFIXES.items():
            merged.bind(prefix, iri, replace=True)
        for s, p, o, _ in dataset.quads():
            merged.add((s, p, o))
        data = merged.serialize(format=serializer, encoding="utf-8")
    if key in ("nt", "nquads"):
        lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
        data = ("\n".join(lines) + "\n").encode("utf-8")
    return data
