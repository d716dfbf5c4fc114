"""What a user writes without nkgeo: rdflib parses the sources, owlrl closes them, rdflib runs the query.

    python bench/plain_rdflib.py [QUERY] [--csv]

The baseline of ``bench/run.py``'s cold-start comparison: the same sources (``ontology/*.ttl`` but
the shapes, ``graph/*``, or those of ``NKGEO_HOME``), the same reasoning input as nkgeo (every named
graph but provenance and links, so owlrl does not copy every fact onto each ``owl:sameAs`` IRI),
owlrl's OWL 2 RL closure added as a named graph, and the canned query ``QUERY`` (default
``derived-classes``, whose answers only reasoning finds) run by rdflib with its parameters'
defaults bound, the default graph being the union of the named graphs. Prints the number of rows
(``--csv``: the rows). Some canned queries do not run on rdflib (its GROUP_CONCAT(DISTINCT) fails on
unbound values): ``derived-classes``, ``biggest-cities`` and ``capitals`` do.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import owlrl
from rdflib import Dataset, Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parents[1]
G = "https://w3id.org/nkgeo/graph/"
ID = "https://w3id.org/nkgeo/id/"
NOT_REASONED = {G + "provenance", G + "links", G + "inferred"}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    name = args[0] if args else "derived-classes"
    home = Path(os.environ.get("NKGEO_HOME", ROOT))
    dataset = Dataset(default_union=True)
    ontology = dataset.graph(URIRef(G + "ontology"))
    for path in sorted((home / "ontology").glob("*.ttl")):
        if path.name != "shapes.ttl":
            ontology.parse(path, format="turtle")
    for path in sorted((home / "graph").glob("*.trig")):
        dataset.parse(path, format="trig")
    for path in sorted((home / "graph").glob("*.ttl")):
        dataset.graph(URIRef(G + path.stem)).parse(path, format="turtle")
    closure = Graph()
    for graph in dataset.graphs():
        if str(graph.identifier).startswith(G) and str(graph.identifier) not in NOT_REASONED:
            for triple in graph:
                closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    inferred = dataset.graph(URIRef(G + "inferred"))
    for triple in closure:
        inferred.add(triple)
    text = (home / "queries" / f"{name}.rq").read_text(encoding="utf-8")
    bindings = {}
    for line in re.findall(r"^#\+ param: (.*)$", text, flags=re.M):
        match = re.match(r"(\w+) \((\w+), default ([^)]+)\)", line)
        if match:
            param, kind, default = match.groups()
            bindings[param] = URIRef(ID + default) if kind in ("entity", "iri") else Literal(default)
    rows = list(dataset.query(text, initBindings=bindings))
    if "--csv" in sys.argv:
        for row in rows:
            print(",".join("" if value is None else str(value) for value in row))
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main()
