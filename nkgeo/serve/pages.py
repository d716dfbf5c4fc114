"""The data behind the HTML pages: an entity (from ``describe()``), the ontology, a result table,
and a small map drawn as inline SVG. Templates only lay these out; every string they show is
escaped by Jinja2, and every link is built here, by ``href``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

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
# The frame of every map: North Korea and its borders, widened to hold every point drawn.
MAP_FRAME = (124.0, 37.6, 130.8, 43.1)  # west, south, east, north


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
class Point:
    iri: str
    label: str
    lon: float
    lat: float
    role: str = "other"  # self, related, other
    spot: tuple | None = None  # where its label goes on a map


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


_POINTS = f"PREFIX wgs: <{ns.WGS_NS}>\nPREFIX geo: <{ns.GEO_NS}>\n" + """
SELECT ?place (SAMPLE(?l) AS ?label) (SAMPLE(?la) AS ?lat) (SAMPLE(?lo) AS ?lon) (SAMPLE(?wkt) AS ?point) WHERE {
  { ?place wgs:lat ?la ; wgs:long ?lo } UNION { ?place geo:hasGeometry/geo:asWKT ?wkt }
  OPTIONAL { ?place rdfs:label ?l FILTER(LANG(?l) IN ("en", "")) }
  FILTER(isIRI(?place))
} GROUP BY ?place
"""
_OUTGOING = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_INCOMING = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_DOCUMENT_TITLES = "SELECT ?doc ?title WHERE { GRAPH graph:provenance { ?doc a nkgeo:SourceDocument ; dcterms:title ?title } }"
_WKT_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.I)


def points(data) -> dict[str, Point]:
    """Every place with coordinates (W3C Basic Geo lat/long, or a GeoSPARQL WKT point)."""
    found = {}
    for row in data.query(_POINTS):
        iri = row["place"].value
        label = row["label"].value if row["label"] is not None else ns.compact(iri)
        lon = lat = None
        try:
            if row["lat"] is not None and row["lon"] is not None:
                lat, lon = float(row["lat"].value), float(row["lon"].value)
            elif row["point"] is not None:
                match = _WKT_POINT.search(row["point"].value)
                if match:
                    lon, lat = float(match.group(1)), float(match.group(2))
        except ValueError:
            continue
        if lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180:
            found[iri] = Point(iri, label, lon, lat)
    return found


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
            site = external_site(term[1].value) or term[1].value.split("/")[2]
            external.append(Cell(f"{site}: {term[1].value.rstrip('/').rsplit('/', 1)[-1]}", term[1].value, title=term[1].value,
                                 kind="iri", external=True))

    located = points(data)
    here = located.get(iri)
    map_svg = None
    if here is not None:
        here.role = "self"
        related = set()
        for entry in facts + links_in:
            for term in entry["term"] or ():
                if type(term).__name__ == "NamedNode" and term.value in located and term.value != iri:
                    related.add(term.value)
        for other in related:
            located[other].role = "related"
        map_svg = svg_map(list(located.values()), here)
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
        coordinates=(here.lat, here.lon) if here else None,
        map_svg=map_svg,
        documents=titles,
    )


# --- the map ---------------------------------------------------------------------------------


def svg_map(places: list[Point], focus: Point, width: int = 360) -> str:
    """A small map as inline SVG: a graticule in degrees, every place with coordinates as a dot,
    the places linked to ``focus`` labelled, and ``focus`` itself in red. Equirectangular, its
    aspect corrected by the cosine of the middle latitude; no tiles, no network."""
    from xml.sax.saxutils import escape, quoteattr

    west, south, east, north = MAP_FRAME
    for p in places:
        if p.role in ("self", "related"):
            west, east = min(west, p.lon - 0.3), max(east, p.lon + 0.3)
            south, north = min(south, p.lat - 0.3), max(north, p.lat + 0.3)
    scale_x = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * scale_x, north - south
    pad = 24
    inner = width - 2 * pad
    height = int(inner * span_y / span_x) + 2 * pad

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return pad + (lon - west) * scale_x / span_x * inner, pad + (north - lat) / span_y * (height - 2 * pad)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label={quoteattr("Map: " + focus.label)}>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f4f7fa" stroke="#c8d2dc"/>',
    ]
    for lon in range(math.ceil(west), math.floor(east) + 1):
        x, _ = xy(lon, south)
        out.append(f'<line x1="{x:.1f}" y1="{pad}" x2="{x:.1f}" y2="{height - pad}" stroke="#dde4ea"/>')
        out.append(f'<text x="{x:.1f}" y="{height - 8}" class="grid">{lon}°E</text>')
    for lat in range(math.ceil(south), math.floor(north) + 1):
        _, y = xy(west, lat)
        out.append(f'<line x1="{pad}" y1="{y:.1f}" x2="{width - pad}" y2="{y:.1f}" stroke="#dde4ea"/>')
        out.append(f'<text x="4" y="{y - 2:.1f}" class="grid">{lat}°N</text>')
    order = {"other": 0, "related": 1, "self": 2}
    placed: list[tuple[float, float, float, float]] = []  # label boxes: left, top, right, bottom

    def label_at(x: float, y: float, text: str, size: float) -> tuple[float, float, str] | None:
        """Where a label fits without covering another: right of the dot, else left, else below."""
        width = len(text) * size * 0.58
        for lx, ly, anchor, left in ((x + 8, y + 4, "start", x + 8), (x - 8, y + 4, "end", x - 8 - width),
                                     (x, y + 16, "middle", x - width / 2), (x, y - 9, "middle", x - width / 2)):
            box = (left, ly - size, left + width, ly + 2)
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
                placed.append(box)
                return lx, ly, anchor
        return None

    drawn = [p for p in places if west <= p.lon <= east and south <= p.lat <= north]
    for p in sorted(drawn, key=lambda p: -order[p.role]):  # the focus gets its label place first
        if p.role != "other":
            x, y = xy(p.lon, p.lat)
            p.spot = label_at(x, y, p.label, 12 if p.role == "self" else 10)
    for p in sorted(drawn, key=lambda p: order[p.role]):  # ...and is drawn last, on top
        x, y = xy(p.lon, p.lat)
        link = href(p.iri) or "#"
        title = f"<title>{escape(p.label)}</title>"
        spot = p.spot
        label = (f'<text x="{spot[0]:.1f}" y="{spot[1]:.1f}" text-anchor="{spot[2]}" class="{p.role}">{escape(p.label)}</text>'
                 if spot else "")
        if p.role == "self":
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#c0392b" stroke="#fff" stroke-width="2">{title}</circle>{label}')
        elif p.role == "related":
            out.append(f'<a href={quoteattr(link)}><circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#2c6e9b">{title}</circle>{label}</a>')
        else:
            out.append(f'<a href={quoteattr(link)}><circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#9aa8b5">{title}</circle></a>')
    out.append("</svg>")
    return "\n".join(out)


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
