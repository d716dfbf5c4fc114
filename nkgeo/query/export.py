"""``nkgeo export``: the compiled dataset in any RDF format, named graphs kept where the format can.

Turtle, N-Triples and RDF/XML hold one graph, so the chosen graphs are merged; N-Quads, TriG and
JSON-LD keep each named graph. JSON-LD is compacted with ``ontology/context.jsonld`` so it reads
as plain JSON. Output is deterministic: sorted lines, canonical Turtle (rdflib's longturtle).
"""

from __future__ import annotations

import json

from nkgeo import namespaces as ns
from nkgeo.query.results import RDF_FORMATS, rdf_format
from nkgeo.resources import ontology_dir

CONTEXT_FILE = "context.jsonld"


def jsonld_context() -> dict:
    """The shipped JSON-LD context (its ``@context`` member)."""
    return json.loads((ontology_dir() / CONTEXT_FILE).read_text(encoding="utf-8"))["@context"]


def selected_dataset(compiled, graphs: str = "all"):
    """An rdflib Dataset of the compiled quads, restricted to asserted, inferred or all graphs."""
    from rdflib import Dataset

    full = Dataset()
    full.parse(compiled.path / "dataset.nq", format="nquads")
    full.default_graph.remove((None, None, None))  # the asserted triples again, for queries (see nkgeo.build.pipeline)
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


def _sorted_jsonld(node):
    """JSON-LD with every unordered array sorted, so the output is the same in every process.

    rdflib emits nodes and values in hash order; arrays in JSON-LD are sets unless they are
    ``@list`` values, which keep their order.
    """
    if isinstance(node, dict):
        return {key: (value if key == "@list" else _sorted_jsonld(value)) for key, value in node.items()}
    if isinstance(node, list):
        items = [_sorted_jsonld(item) for item in node]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return node


def _with_pyoxigraph(nquads: bytes, key: str) -> bytes:
    """Sorted N-Quads re-serialised by pyoxigraph (for RDF/XML), which writes them in the order given.

    pyoxigraph writes language tags in lower case, which RDF 1.1 allows (tags are case-insensitive).
    """
    import io

    import pyoxigraph as ox

    quads = list(ox.parse(input=nquads, format=ox.RdfFormat.N_QUADS))
    target = getattr(ox.RdfFormat, RDF_FORMATS[key][0])
    items = quads if RDF_FORMATS[key][2] else list(dict.fromkeys(quad.triple for quad in quads))
    buffer = io.BytesIO()
    ox.serialize(items, buffer, format=target, prefixes=dict(ns.PREFIXES))
    return buffer.getvalue()


def export(compiled, fmt: str, graphs: str = "all") -> bytes:
    """The dataset serialised in ``fmt`` (any name or alias of results.RDF_FORMATS).

    Every format is deterministic: N-Triples and N-Quads are sorted lines, Turtle is rdflib's
    canonical longturtle (TriG: one longturtle body per graph), RDF/XML is written by pyoxigraph from
    the sorted N-Quads, and
    JSON-LD (compacted with the shipped context) has its arrays sorted.
    """
    from rdflib import Graph

    key = rdf_format(fmt)
    dataset = selected_dataset(compiled, graphs)
    canonicalise_blank_nodes(dataset)
    if key == "json-ld":
        data = dataset.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, encoding="utf-8")
        document = _sorted_jsonld(json.loads(data))
        return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if key in ("turtle", "nt"):
        merged = Graph()
        for prefix, iri in ns.PREFIXES.items():
            merged.bind(prefix, iri, replace=True)
        for s, p, o, _ in dataset.quads():
            merged.add((s, p, o))
        if key == "turtle":
            return merged.serialize(format="longturtle", encoding="utf-8")
        return _sorted_lines(merged.serialize(format="nt", encoding="utf-8"))
    if key == "trig":
        return _trig(dataset)
    nquads = _sorted_lines(dataset.serialize(format="nquads", encoding="utf-8"))
    if key == "nquads":
        return nquads
    return _with_pyoxigraph(nquads, key)


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def _trig(dataset) -> bytes:
    """TriG written graph by graph, in name order, each body in rdflib's canonical longturtle."""
    from rdflib import Graph

    prefixes = {f"PREFIX {name}: <{iri}>": None for name, iri in ns.PREFIXES.items()}
    blocks = []
    for named in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(named):
            continue
        body = Graph()
        for prefix, iri in ns.PREFIXES.items():
            body.bind(prefix, iri, replace=True)
        for triple in named:
            body.add(triple)
        lines = body.serialize(format="longturtle").splitlines()
        prefixes.update(dict.fromkeys(line for line in lines if line.startswith("PREFIX ")))
        statements = "\n".join(line for line in lines if not line.startswith("PREFIX ")).strip()
        indented = "\n".join(("    " + line) if line else line for line in statements.splitlines())
        blocks.append(f"\n<{named.identifier}> {{\n{indented}\n}}")
    out = [*prefixes, *blocks]
    return ("\n".join(out) + "\n").encode("utf-8")
