"""The data behind the HTML pages: an entity (from ``describe()``), the ontology, a result table,
and the small map (inline SVG from the renderer of nkgeo map). Templates only lay these out; every string they show is
escaped by Jinja2, and every link is built here, by ``href``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from nkgeo import namespaces as ns
from nkgeo import rdfio

SAME_AS_PREDICATES = (ns.OWL.sameAs, ns.SKOS.exactMatch, ns.SKOS.closeMatch, ns.SCHEMA.sameAs)
EXTERNAL_SITES = (
    ("wikidata.org/entity/", "Wikidata"),
    ("geonames.org/", "GeoNames"),
    ("dbpedia.org/resource/", "DBpedia"),
    ("dbpedia.org/ontology/", "DBpedia ontology"),
    ("schema.org/", "schema.org"),
)


def href(iri: str) -> str | None:
    """Where a link to ``iri`` goes: its page on this server for the graph's own IRIs, the IRI
    itself for other web IRIs, nothing for the rest (urn:, mailto:...)."""
    if iri.startswith(ns.ID_NS) or iri.startswith(ns.DOC_NS):
        return "/" + iri[len(ns.BASE):]
    if iri.startswith(ns.NKGEO_NS):
        return "/ontology#" + iri[len(ns.NKGEO_NS):]
    if iri in (ns.ONTOLOGY_IRI, ns.NKGEO_NS):
        return "/ontology"
    if iri.startswith(("http://", "https://")) and not iri.startswith(ns.GRAPH_NS):
        return iri
    return None


def external_site(iri: str) -> str | None:
    for fragment, name in EXTERNAL_SITES:
        if fragment in iri:
            return name
    return None


@dataclass
class Cell:
    """One RDF term as a page shows it: its text, an optional link, and a hint."""

    text: str
    href: str | None = None
    title: str | None = None
    lang: str | None = None
    kind: str = "literal"  # iri, literal, bnode
    external: bool = False


def cell(term, labels: dict[str, str] | None = None) -> Cell:
    """A pyoxigraph term (or None) as a Cell: an IRI shows its label when known."""
    if term is None:
        return Cell("")
    kind = type(term).__name__
    text = rdfio.display(term)
    if kind == "NamedNode":
        link = href(term.value)
        label = (labels or {}).get(term.value)
        return Cell(label or text, link, title=term.value if label is None else f"{text}  {term.value}", kind="iri",
                    external=bool(link and not link.startswith("/")))
    if kind == "BlankNode":
        return Cell(text, kind="bnode")
    if kind == "Literal":
        datatype = term.datatype.value if term.datatype else ""
        hint = None if datatype in (ns.XSD.string, ns.RDF.langString) else ns.compact(datatype)
        return Cell(text, title=hint, lang=rdfio.language_tag(term.language) if term.language else None)
    return Cell(text)


def external_cell(iri: str) -> Cell:
    """A link to another dataset: ``Wikidata: Q18777`` for a known site, else the host and the last
    part of the path; an IRI that is not a web address (``urn:isbn:...``) is shown as it is, unlinked."""
    link = href(iri)
    host = urlsplit(iri).netloc if link else ""
    if not host:
        return Cell(iri, None, title=iri, kind="iri")
    return Cell(f"{external_site(iri) or host}: {iri.rstrip('/').rsplit('/', 1)[-1]}", link, title=iri, kind="iri", external=True)


# --- result tables ---------------------------------------------------------------------------


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]]
    boolean: bool | None = None


def table_from_json(body: bytes) -> Table:
    """A result table from SPARQL JSON results (what the workers send back for a page)."""
    import pyoxigraph as ox

    result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if type(result).__name__ == "QueryBoolean":
        return Table([], [], boolean=bool(result))
    columns = [v.value for v in result.variables]
    rows = [[cell(solution[name]) for name in columns] for solution in result]
    return Table(columns, rows)


def table_from_graph(body: bytes) -> Table:
    """A table of subject, predicate and object from N-Triples (what the workers send back for a page)."""
    rows = [[cell(q.subject), cell(q.predicate), cell(q.object)] for q in rdfio.read(body, "nt")]
    return Table(["subject", "predicate", "object"], rows)


# --- entity pages ----------------------------------------------------------------------------


@dataclass
class EntityPage:
    iri: str
    id: str
    label: str
    korean: list[str]
    romanised: list[str]
    types: list[Cell]
    facts: list[dict]
    inferred: list[dict]
    links_in: list[dict]
    external: list[Cell]
    coordinates: tuple[float, float] | None
    map_svg: str | None
    documents: dict[str, str] = field(default_factory=dict)


_OUTGOING = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_INCOMING = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_DOCUMENT_TITLES = "SELECT ?doc ?title WHERE { GRAPH graph:provenance { ?doc a nkgeo:SourceDocument ; dcterms:title ?title } }"


def _enrich(entries: list[dict], terms: dict[tuple[str, str], list], key) -> list[dict]:
    """Give each describe() entry the real term behind its text, so a page can link it."""
    out = []
    for entry in entries:
        matches = terms.get(key(entry), [])
        out.append({**entry, "term": matches[0] if matches else None})
    return out


def entity_page(data, iri: str, quote_documents: bool = True) -> EntityPage:
    """Everything a page shows about ``iri``: describe()'s facts with their sources, names, types,
    external links and a map."""
    import pyoxigraph as ox

    from nkgeo.explain.provenance import labels
    from nkgeo.explain.show import describe

    node = ox.NamedNode(iri)
    description = describe(data, iri, include_inferred=True, quote_documents=quote_documents)
    outgoing: dict[tuple[str, str], list] = {}
    for row in data.query(_OUTGOING, substitutions={"s": node}):
        outgoing.setdefault((rdfio.display(row["p"]), rdfio.display(row["o"])), []).append((row["p"], row["o"]))
    incoming: dict[tuple[str, str], list] = {}
    for row in data.query(_INCOMING, substitutions={"o": node}):
        incoming.setdefault((rdfio.display(row["s"]), rdfio.display(row["p"])), []).append((row["s"], row["p"]))

    facts = _enrich(description["facts"], outgoing, lambda e: (e["predicate"], e["object"]))
    links_in = _enrich(description["links"], incoming, lambda e: (e["subject"], e["predicate"]))
    mentioned = {iri}
    for entry in facts:
        if entry["term"]:
            mentioned.update(t.value for t in entry["term"] if type(t).__name__ == "NamedNode")
    for entry in links_in:
        if entry["term"]:
            mentioned.update(t.value for t in entry["term"] if type(t).__name__ == "NamedNode")
    names = labels(data, mentioned)

    def row(entry: dict, incoming_link: bool) -> dict:
        first, second = entry["term"] or (None, None)
        if incoming_link:
            other, predicate = cell(first, names), cell(second, names)
        else:
            predicate, other = cell(first, names), cell(second, names)
        if first is None:  # no term found (should not happen): fall back to the text
            other = Cell(entry["subject"] if incoming_link else entry["object"])
            predicate = Cell(entry["predicate"])
        predicate.title = entry["predicate"]
        return {"predicate": predicate, "value": other, "inferred": entry["inferred"], "sources": entry["sources"]}

    rows = [row(e, False) for e in facts]
    korean = sorted({r["value"].text for r in rows if r["value"].lang == "ko"})
    romanised = sorted({r["value"].text for r in rows if (r["value"].lang or "").startswith("ko-")})
    types = [r["value"] for r in rows if r["predicate"].title == "rdf:type" and not r["inferred"]]
    types += [r["value"] for r in rows if r["predicate"].title == "rdf:type" and r["inferred"]
              and r["value"].text not in {t.text for t in types} and r["value"].kind == "iri"]
    external = []
    for entry in facts:
        term = entry["term"]
        if term and term[0].value in SAME_AS_PREDICATES and type(term[1]).__name__ == "NamedNode":
            external.append(external_cell(term[1].value))

    coordinates, map_svg = entity_map(data, iri, facts + links_in)
    titles = {row["doc"].value.rsplit("/", 1)[-1]: row["title"].value for row in data.query(_DOCUMENT_TITLES)}
    return EntityPage(
        iri=iri,
        id=description["id"],
        label=description["label"],
        korean=korean,
        romanised=romanised,
        types=types,
        facts=[r for r in rows if not r["inferred"]],
        inferred=[r for r in rows if r["inferred"]],
        links_in=[row(e, True) for e in links_in],
        external=external,
        coordinates=coordinates,
        map_svg=map_svg,
        documents=titles,
    )


# --- the map ---------------------------------------------------------------------------------


def entity_map(data, iri: str, entries: list[dict]) -> tuple[tuple[float, float] | None, str | None]:
    """The entity's (lat, lon) and its small map, drawn by the renderer of ``nkgeo map``, with the
    places its facts name labelled and linked; (None, None) for an entity without coordinates."""
    from nkgeo.linked import mapping

    places = mapping.map_data(data)
    here = next((p for p in places.points if p.iri == iri), None)
    if here is None:
        return None, None
    located = {p.iri: p.slug for p in places.points}
    related = {located[t.value] for e in entries for t in e["term"] or () if type(t).__name__ == "NamedNode" and t.value in located}
    related.discard(here.slug)
    return (here.lat, here.lon), mapping.entity_map(places, here.slug, related, link=href)


# --- the ontology page -----------------------------------------------------------------------

_TERMS = """
SELECT ?term ?kind (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?definition) (SAMPLE(?n) AS ?note) WHERE {
  GRAPH graph:ontology {
    ?term a ?kind .
    VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty }
    FILTER(isIRI(?term) && STRSTARTS(STR(?term), STR(nkgeo:)))
    OPTIONAL { ?term rdfs:label ?l FILTER(LANG(?l) IN ("en", "")) }
    OPTIONAL { ?term skos:definition|rdfs:comment ?d FILTER(LANG(?d) IN ("en", "")) }
    OPTIONAL { ?term skos:scopeNote ?n FILTER(LANG(?n) IN ("en", "")) }
  }
} GROUP BY ?term ?kind ORDER BY ?kind LCASE(STR(?term))
"""
_RELATIONS = """
SELECT ?term ?relation ?value WHERE {
  GRAPH graph:ontology {
    ?term ?relation ?value .
    VALUES ?relation { rdfs:subClassOf rdfs:subPropertyOf rdfs:domain rdfs:range schema:domainIncludes schema:rangeIncludes
                       owl:inverseOf owl:equivalentClass owl:equivalentProperty skos:closeMatch skos:exactMatch rdf:type owl:propertyChainAxiom }
    FILTER(STRSTARTS(STR(?term), STR(nkgeo:)))
  }
}
"""
_CONCEPTS = """
SELECT ?concept ?scheme (SAMPLE(?l) AS ?label) (SAMPLE(?b) AS ?broader) (SAMPLE(?d) AS ?definition) WHERE {
  GRAPH graph:ontology {
    ?concept skos:inScheme ?scheme .
    OPTIONAL { ?concept skos:prefLabel|rdfs:label ?l FILTER(LANG(?l) IN ("en", "")) }
    OPTIONAL { ?concept skos:broader ?b }
    OPTIONAL { ?concept skos:definition ?d FILTER(LANG(?d) IN ("en", "")) }
  }
} GROUP BY ?concept ?scheme ORDER BY ?scheme ?concept
"""
RELATION_NAMES = {
    ns.RDFS.subClassOf: "subclass of",
    ns.RDFS.subPropertyOf: "subproperty of",
    ns.RDFS.domain: "domain",
    ns.RDFS.range: "range",
    ns.SCHEMA.domainIncludes: "domain includes",
    ns.SCHEMA.rangeIncludes: "range includes",
    ns.OWL.inverseOf: "inverse of",
    ns.OWL.equivalentClass: "equivalent to",
    ns.OWL.equivalentProperty: "equivalent to",
    ns.SKOS.closeMatch: "close match",
    ns.SKOS.exactMatch: "exact match",
    ns.OWL.propertyChainAxiom: "chain",
}
CHARACTERISTICS = {ns.OWL.TransitiveProperty: "transitive", ns.OWL.SymmetricProperty: "symmetric",
                   ns.OWL.FunctionalProperty: "functional", ns.OWL.InverseFunctionalProperty: "inverse functional"}
KIND_TITLES = {ns.OWL.Class: "Classes", ns.OWL.ObjectProperty: "Object properties",
               ns.OWL.DatatypeProperty: "Data properties", ns.OWL.AnnotationProperty: "Annotation properties"}


def ontology_page(data) -> dict:
    """Classes and properties with their definitions and relations, and the concept schemes."""
    relations: dict[str, list[tuple[str, Cell]]] = {}
    characteristics: dict[str, list[str]] = {}
    blank_relations = 0
    for row in data.query(_RELATIONS):
        term, relation, value = row["term"].value, row["relation"].value, row["value"]
        if relation == ns.RDF.type:
            if value.value in CHARACTERISTICS:
                characteristics.setdefault(term, []).append(CHARACTERISTICS[value.value])
            continue
        if type(value).__name__ != "NamedNode":
            blank_relations += 1
            if relation in (ns.RDFS.subClassOf, ns.OWL.equivalentClass):
                relations.setdefault(term, []).append((RELATION_NAMES[relation], Cell("(a class expression)")))
            elif relation == ns.OWL.propertyChainAxiom:
                relations.setdefault(term, []).append((RELATION_NAMES[relation], Cell("(a property chain)")))
            continue
        relations.setdefault(term, []).append((RELATION_NAMES[relation], cell(value)))
    sections: dict[str, list[dict]] = {}
    seen = set()
    for row in data.query(_TERMS):
        iri, kind = row["term"].value, row["kind"].value
        if iri in seen:
            continue
        seen.add(iri)
        sections.setdefault(KIND_TITLES[kind], []).append({
            "anchor": iri[len(ns.NKGEO_NS):],
            "iri": iri,
            "id": ns.compact(iri),
            "label": row["label"].value if row["label"] is not None else "",
            "definition": row["definition"].value if row["definition"] is not None else "",
            "note": row["note"].value if row["note"] is not None else "",
            "relations": sorted(relations.get(iri, []), key=lambda r: (r[0], r[1].text)),
            "characteristics": sorted(characteristics.get(iri, [])),
        })
    schemes: dict[str, list[dict]] = {}
    for row in data.query(_CONCEPTS):
        schemes.setdefault(row["scheme"].value, []).append({
            "concept": cell(row["concept"]),
            "label": row["label"].value if row["label"] is not None else ns.compact(row["concept"].value),
            "broader": cell(row["broader"]) if row["broader"] is not None else None,
            "definition": row["definition"].value if row["definition"] is not None else "",
        })
    ordered = {title: sections[title] for title in KIND_TITLES.values() if title in sections}
    return {"sections": ordered, "schemes": {ns.compact(k): v for k, v in schemes.items()}}
