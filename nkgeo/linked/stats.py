"""``nkgeo stats``: what the graph holds, counted: terms, triples per graph, entities per class."""

from __future__ import annotations

from nkgeo import namespaces as ns

_TERMS = """
SELECT ?kind (COUNT(DISTINCT ?t) AS ?n) WHERE {
  GRAPH graph:ontology { ?t a ?kind }
  VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }
  FILTER(STRSTARTS(STR(?t), STR(nkgeo:)))
} GROUP BY ?kind
"""
_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
_ENTITIES = """
SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?class .
  FILTER(STRSTARTS(STR(?e), STR(id:)) && STRSTARTS(STR(?class), STR(nkgeo:)))
} GROUP BY ?class ORDER BY DESC(?n) ?class
"""
_EVIDENCE = """
SELECT ?doc (COUNT(?ev) AS ?n) WHERE {
  GRAPH graph:provenance { ?ev a nkgeo:Evidence ; nkgeo:inDocument ?doc }
} GROUP BY ?doc ORDER BY ?doc
"""


def stats(compiled) -> dict:
    from nkgeo.linked import void

    terms = {ns.compact(r["kind"].value): int(r["n"].value) for r in compiled.query(_TERMS)}
    graphs = {ns.compact(r["g"].value): int(r["n"].value) for r in compiled.query(_GRAPHS)}
    inferred = graphs.get(ns.compact(ns.INFERRED_GRAPH), 0)
    return {
        "classes": terms.get("owl:Class", 0),
        "object_properties": terms.get("owl:ObjectProperty", 0),
        "datatype_properties": terms.get("owl:DatatypeProperty", 0),
        "asserted_triples": sum(graphs.values()) - inferred,
        "inferred_triples": inferred,
        "triples_per_graph": graphs,
        "evidence_per_document": {ns.compact(r["doc"].value): int(r["n"].value) for r in compiled.query(_EVIDENCE)},
        "entities_per_class": {ns.compact(r["class"].value): int(r["n"].value) for r in compiled.query(_ENTITIES)},
        "links": void.link_counts(compiled)["per_dataset"],
        "void": {k: v for k, v in void.figures(compiled).items() if k != "vocabularies"},
        "reasoner": compiled.meta.get("reasoner"),
        "build_seconds": compiled.meta.get("seconds", {}).get("total"),
    }


def render(figures: dict) -> str:
    lines = [
        f"classes              {figures['classes']}",
        f"object properties    {figures['object_properties']}",
        f"datatype properties  {figures['datatype_properties']}",
        f"asserted triples     {figures['asserted_triples']}",
        f"inferred triples     {figures['inferred_triples']}  (reasoner: {figures['reasoner']})",
        "",
        "triples per graph:",
    ]
    lines += [f"  {g:<40} {n}" for g, n in figures["triples_per_graph"].items()]
    lines += ["", "evidence records per document:"]
    lines += [f"  {d:<40} {n}" for d, n in figures["evidence_per_document"].items()]
    lines += ["", "entities per class (asserted or inferred):"]
    lines += [f"  {c:<40} {n}" for c, n in figures["entities_per_class"].items()]
    if "links" in figures:
        lines += ["", "links to other datasets (graph:links; nkgeo void describes them):"]
        lines += [f"  {d:<40} {n}" for d, n in figures["links"].items()]
    if "void" in figures:
        lines += ["", "VoID figures (all graphs, inferred included):"]
        lines += [f"  {k.replace('_', ' '):<40} {n}" for k, n in figures["void"].items()]
    return "\n".join(lines) + "\n"
