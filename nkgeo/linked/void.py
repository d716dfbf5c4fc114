"""``nkgeo void``: a VoID description of the compiled dataset, and one linkset per linked dataset.

The figures are counted on the compiled dataset (every named graph, the inferred one included):
``void:triples`` is the number of triples summed over the named graphs (the figure ``nkgeo stats``
gives as asserted + inferred), ``void:entities`` the resources under ``id:`` typed with an nkgeo
class, and ``void:classes``, ``void:properties``, ``void:distinctSubjects`` and
``void:distinctObjects`` what their names say. ``void:vocabulary`` lists every vocabulary whose terms
the data uses as a class or a property. The links to Wikidata, GeoNames and DBpedia are one
``void:Linkset`` each, with the predicates used and the number of links. ``figures`` is shared with
``nkgeo stats``, so the two always agree.
"""

from __future__ import annotations

from nkgeo import namespaces as ns
from nkgeo.linked import geonames
from nkgeo.linked import reference as refs

BASE = ns.BASE + "void#"
FOAF_NS = "http://xmlns.com/foaf/0.1/"
PREFIXES = {**ns.PREFIXES, "foaf": FOAF_NS, "nkvoid": BASE}  # the prefixes the description is written with
DATASET_IRI = BASE + "nkgeo"
EXAMPLES = ("pyongyang", "hamhung", "chongjin")
TITLE = "nkgeo: an open knowledge graph of North Korea's human geography"
DESCRIPTION = (
    "Cities, provinces, industries, places, institutions and historical events of North Korea, each fact with the "
    "document and character offsets that support it, closed under OWL 2 RL, with links to Wikidata, GeoNames and DBpedia."
)

_COUNTS = """
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
       (COUNT(DISTINCT ?o) AS ?objects)
WHERE { GRAPH ?g { ?s ?p ?o } }
"""
_CLASSES = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }"
_ENTITIES = """
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?class .
  FILTER(STRSTARTS(STR(?e), STR(id:)) && STRSTARTS(STR(?class), STR(nkgeo:)))
}
"""
_TERMS = "SELECT DISTINCT ?t WHERE { { GRAPH ?g { ?s ?t ?o } } UNION { GRAPH ?g { ?s a ?t } } }"
_LINKS = """
SELECT ?s ?p ?t ?found ?imported WHERE {
  GRAPH graph:links { ?s ?p ?t }
  BIND(EXISTS { GRAPH graph:provenance { ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?t ; prov:wasGeneratedBy id:nkgeo-link } } AS ?found)
  BIND(EXISTS { GRAPH graph:provenance { ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?t ; prov:wasGeneratedBy id:nkgeo-geonames-import } }
       AS ?imported)
} ORDER BY ?s ?p ?t
"""
_DOCUMENTS = "SELECT ?doc WHERE { GRAPH graph:provenance { ?doc a nkgeo:SourceDocument } } ORDER BY ?doc"

# Namespaces of the dataset's own resources: not vocabularies.
_OWN = (ns.ID_NS, ns.DOC_NS, ns.GRAPH_NS, ns.EVIDENCE_NS, BASE)


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def link_counts(compiled) -> dict:
    """Links per dataset (wikidata, geonames, dbpedia), per (dataset, predicate), and found by ``nkgeo link``."""
    per_dataset = {name: 0 for name in refs.DATASETS}
    found = {name: 0 for name in refs.DATASETS}
    imported = {name: 0 for name in refs.DATASETS}
    per_predicate: dict[str, dict[str, int]] = {name: {} for name in refs.DATASETS}
    for row in compiled.query(_LINKS):
        dataset = refs.dataset_of(row["t"].value)
        if dataset is None:
            continue
        per_dataset[dataset] += 1
        found[dataset] += row["found"].value == "true"
        imported[dataset] += row["imported"].value == "true"
        predicate = ns.compact(row["p"].value)
        per_predicate[dataset][predicate] = per_predicate[dataset].get(predicate, 0) + 1
    return {"per_dataset": per_dataset, "per_predicate": per_predicate, "found_by_linker": found, "imported": imported}


def figures(compiled) -> dict:
    """The VoID figures of the compiled dataset."""
    row = next(iter(compiled.query(_COUNTS)))
    vocabularies = set()
    for term in compiled.query(_TERMS):
        namespace = _namespace(term["t"].value)
        if namespace and not namespace.startswith(_OWN):
            vocabularies.add(namespace)
    return {
        "triples": int(row["triples"].value),
        "entities": int(next(iter(compiled.query(_ENTITIES)))["n"].value),
        "classes": int(next(iter(compiled.query(_CLASSES)))["n"].value),
        "properties": int(row["properties"].value),
        "distinct_subjects": int(row["subjects"].value),
        "distinct_objects": int(row["objects"].value),
        "vocabularies": sorted(vocabularies),
    }


def describe(compiled, sparql_endpoint: str | None = None, data_dump: str | None = None):
    """The VoID description as an rdflib Graph."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, FOAF, RDF, XSD

    void = Namespace(ns.VOID_NS)
    graph = Graph()
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, replace=True)

    def integer(value: int) -> Literal:
        return Literal(value, datatype=XSD.integer)

    numbers = figures(compiled)
    dataset = URIRef(DATASET_IRI)
    graph.add((dataset, RDF.type, void.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    graph.add((dataset, DCTERMS.license, URIRef(refs.CC_BY)))
    graph.add((dataset, DCTERMS.publisher, URIRef(refs.PROJECT_IRI)))
    graph.add((dataset, FOAF.homepage, URIRef(ns.BASE)))
    graph.add((dataset, void.uriSpace, Literal(ns.ID_NS)))
    graph.add((dataset, void.triples, integer(numbers["triples"])))
    graph.add((dataset, void.entities, integer(numbers["entities"])))
    graph.add((dataset, void.classes, integer(numbers["classes"])))
    graph.add((dataset, void.properties, integer(numbers["properties"])))
    graph.add((dataset, void.distinctSubjects, integer(numbers["distinct_subjects"])))
    graph.add((dataset, void.distinctObjects, integer(numbers["distinct_objects"])))
    for vocabulary in numbers["vocabularies"]:
        graph.add((dataset, void.vocabulary, URIRef(vocabulary)))
    for slug in EXAMPLES:
        graph.add((dataset, void.exampleResource, URIRef(ns.ID_NS + slug)))
    for row in compiled.query(_DOCUMENTS):
        graph.add((dataset, DCTERMS.source, URIRef(row["doc"].value)))
    graph.add((dataset, DCTERMS.source, URIRef(refs.REFERENCE_IRI)))
    if sparql_endpoint:
        graph.add((dataset, void.sparqlEndpoint, URIRef(sparql_endpoint)))
    if data_dump:
        graph.add((dataset, void.dataDump, URIRef(data_dump)))

    counts = link_counts(compiled)
    for name, (title, namespace, homepage, endpoint) in refs.DATASETS.items():
        target = URIRef(BASE + name)
        graph.add((target, RDF.type, void.Dataset))
        graph.add((target, DCTERMS.title, Literal(title, lang="en")))
        graph.add((target, FOAF.homepage, URIRef(homepage)))
        graph.add((target, void.uriSpace, Literal(namespace)))
        if endpoint:
            graph.add((target, void.sparqlEndpoint, URIRef(endpoint)))
        linkset = URIRef(BASE + "links-" + name)
        graph.add((dataset, void.subset, linkset))
        graph.add((linkset, RDF.type, void.Linkset))
        graph.add((linkset, DCTERMS.title, Literal(f"links from nkgeo to {title}", lang="en")))
        graph.add((linkset, void.subjectsTarget, dataset))
        graph.add((linkset, void.objectsTarget, target))
        graph.add((linkset, void.target, dataset))
        graph.add((linkset, void.target, target))
        graph.add((linkset, void.triples, integer(counts["per_dataset"][name])))
        graph.add((linkset, DCTERMS.source, URIRef(refs.REFERENCE_IRI)))
        if counts["found_by_linker"][name]:
            graph.add((linkset, URIRef(ns.PROV.wasGeneratedBy), URIRef(refs.LINKER_IRI)))
        if counts["imported"][name]:  # the GeoNames gazetteer (graph/geonames.trig)
            graph.add((linkset, URIRef(ns.PROV.wasGeneratedBy), URIRef(geonames.IMPORT_IRI)))
            graph.add((linkset, DCTERMS.source, URIRef(geonames.TABLE_IRI)))
        for predicate in sorted(counts["per_predicate"][name]):
            prefix, _, local = predicate.partition(":")
            graph.add((linkset, void.linkPredicate, URIRef(ns.PREFIXES[prefix] + local)))
    return graph


def render(compiled, fmt: str = "turtle", sparql_endpoint: str | None = None, data_dump: str | None = None) -> bytes:
    """The VoID description in an RDF format (turtle, nt, xml, json-ld...)."""
    from nkgeo import rdfio

    fmt = rdfio.rdf_format(fmt)
    return rdfio.serialize(rdfio.from_rdflib_quads(describe(compiled, sparql_endpoint, data_dump)), fmt, PREFIXES)
