"""The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/) of the
endpoint: what a GET on /sparql without a query answers, in Turtle or any RDF format asked for.

It names the endpoint, the language (SPARQL 1.1 Query only: the endpoint is read-only), every
result format it writes, its features (the default graph is the union of the named graphs; SERVICE
only when the operator allows it) and its default dataset, with each named graph and its size.
"""

from __future__ import annotations

from nkgeo import namespaces as ns
from nkgeo.query.store import COMPILED_GRAPHS, DEFAULT_GRAPH

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "N-Quads", "TriG")
PREFIXES = {"sd": SD, "formats": FORMATS, "void": ns.VOID_NS, "dcterms": ns.DCTERMS_NS, "rdfs": ns.RDFS_NS, "graph": ns.GRAPH_NS}


def graph_sizes(data) -> tuple[dict[str, int], int]:
    """The number of triples in each named graph, and in the union of all graphs (each distinct
    triple once)."""
    import pyoxigraph as ox

    sizes = {
        row["g"].value: int(row["n"].value)
        for row in data.store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        if isinstance(row["g"], ox.NamedNode)
    }
    union = data.store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
                             use_default_graph_as_union=True)
    return sizes, int(next(iter(union))["n"].value)


def description(endpoint: str, data, settings, sizes: tuple[dict[str, int], int]) -> list:
    """The service description as a list of pyoxigraph triples; ``sizes`` is ``graph_sizes(data)``."""
    import pyoxigraph as ox

    def iri(value: str):
        return ox.NamedNode(value)

    def lit(value, datatype: str | None = None):
        return ox.Literal(str(value), datatype=iri(datatype)) if datatype else ox.Literal(str(value))

    a = iri(ns.RDF.type)
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, a, iri(SD + "Service")),
        ox.Triple(service, iri(SD + "endpoint"), iri(endpoint)),
        ox.Triple(service, iri(SD + "supportedLanguage"), iri(SD + "SPARQL11Query")),
        ox.Triple(service, iri(ns.DCTERMS.title), lit("nkgeo SPARQL endpoint")),
        ox.Triple(service, iri(ns.RDFS.comment), lit(
            f"Read-only SPARQL 1.1 Query endpoint over {data.label}. SPARQL Update is refused; a query stops after "
            f"{settings.time_limit:g} s and may return at most {settings.max_rows} rows (or triples); SERVICE calls are "
            f"{'allowed' if settings.allow_service else 'refused'}.")),
        ox.Triple(service, iri(SD + "defaultDataset"), dataset),
        ox.Triple(dataset, a, iri(SD + "Dataset")),
        ox.Triple(dataset, iri(SD + "defaultGraph"), default),
        ox.Triple(default, a, iri(SD + "Graph")),
    ]
    triples += [ox.Triple(service, iri(SD + "resultFormat"), iri(FORMATS + name)) for name in RESULT_FORMATS]
    default_graph = data.default_graph_for(settings.graphs)
    union = default_graph is None or default_graph == COMPILED_GRAPHS["all"]  # a compiled dataset's "all": the union, each triple once
    if union:
        triples.append(ox.Triple(service, iri(SD + "feature"), iri(SD + "UnionDefaultGraph")))
        triples.append(ox.Triple(default, iri(ns.RDFS.comment), lit("The union of every named graph.")))
    else:
        names = ["every asserted triple (once)" if g == DEFAULT_GRAPH else ns.compact(g) for g in default_graph]
        triples.append(ox.Triple(default, iri(ns.RDFS.comment), lit("The merge of these graphs: " + ", ".join(names) + ".")))
    if settings.allow_service:
        triples.append(ox.Triple(service, iri(SD + "feature"), iri(SD + "BasicFederatedQuery")))
    per_graph, union_size = sizes
    for index, name in enumerate(sorted(per_graph)):
        size = per_graph[name]
        named = ox.BlankNode(f"namedGraph{index}")
        graph = ox.BlankNode(f"graph{index}")
        triples += [
            ox.Triple(dataset, iri(SD + "namedGraph"), named),
            ox.Triple(named, a, iri(SD + "NamedGraph")),
            ox.Triple(named, iri(SD + "name"), iri(name)),
            ox.Triple(named, iri(SD + "graph"), graph),
            ox.Triple(graph, a, iri(SD + "Graph")),
            ox.Triple(graph, iri(ns.VOID.triples), lit(size, ns.XSD.integer)),
        ]
    if union:
        triples.append(ox.Triple(default, iri(ns.VOID.triples), lit(union_size, ns.XSD.integer)))
    return triples
