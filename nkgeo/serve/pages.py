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
    if iri.startswith((ns.ID_NS, ns.DOC_NS, ns.EVIDENCE_NS)):
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

# Shown in the summary box, not among the facts: names, kinds, coordinates, links out.
SUMMARY_PREDICATES = frozenset({ns.RDF.type, ns.RDFS.label, ns.SKOS.prefLabel, ns.SKOS.altLabel, ns.WGS.lat, ns.WGS.long,
                                ns.GEO.hasGeometry, *SAME_AS_PREDICATES})
# The romanisation systems of graph/names.trig, by language tag.
ROMANISATIONS = {"ko-Latn-alalc97": "McCune–Reischauer", "ko-Latn": "McCune–Reischauer, without diacritics",
                 "ko-Latn-x-rr": "Revised Romanisation"}
_PROVINCES = "SELECT ?p WHERE { %s ?p a nkgeo:Province }"


@dataclass
class Value:
    """One value of a property on a page: the term, its certainty note, its reference numbers, the
    graphs that hold it without a document, and for an inferred value the link to its derivation."""

    cell: Cell
    note: str = ""
    refs: list[int] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    inferred: bool = False
    why: str | None = None


@dataclass
class Group:
    """A property with all its values (outgoing facts), or the entities linking with it (incoming)."""

    predicate: Cell
    values: list[Value]


@dataclass
class EntityPage:
    iri: str
    id: str
    label: str
    korean: list[str]
    romanised: list[tuple[str, str]]  # (system, its spellings)
    other_names: list[str]
    kinds: list[Value]
    provinces: list[Cell]
    populations: list[dict]
    external: list[Cell]
    coordinates: tuple[float, float] | None
    map_svg: str | None
    facts: list[Group]
    claims: dict[str, list[dict]]
    links_in: list[Group]
    copies: list[Group]
    references: list[dict]


def why_href(entry: dict) -> str | None:
    """The page that derives an inferred fact (IRIs only: a literal is passed to ``nkgeo why``)."""
    from urllib.parse import urlencode

    subject, obj = entry.get("subject_iri"), entry.get("object_iri")
    if not subject or not obj:
        return None
    return "/why?" + urlencode({"s": subject, "p": entry["predicate_iri"], "o": obj})


def _value(entry: dict, names: dict, incoming: bool = False) -> Value:
    """A describe() entry as a page value: the other end of the triple, with its certainty."""
    import pyoxigraph as ox

    iri = entry["subject_iri"] if incoming else entry["object_iri"]
    if iri:
        shown = cell(ox.NamedNode(iri), names)
    else:
        shown = Cell(entry["object"], lang=entry.get("object_lang"))
    refs = sorted({s["ref"] for s in entry["sources"] if "ref" in s})
    graphs = sorted({s["graph"] for s in entry["sources"] if "ref" not in s})
    bits = [bit for s in entry["sources"] if "ref" in s for bit in s["certainty"]["note"].split("; ") if bit]
    note = entry["certainty"]["note"] if entry["inferred"] else "; ".join(dict.fromkeys(bits))  # each hedge once
    return Value(shown, note, refs, graphs, entry["inferred"], why_href(entry) if entry["inferred"] else None)


def _groups(entries: list[dict], names: dict, incoming: bool = False) -> list[Group]:
    import pyoxigraph as ox

    grouped: dict[str, list[dict]] = {}
    for entry in entries:
        grouped.setdefault(entry["predicate_iri"], []).append(entry)
    out = []
    for predicate, members in grouped.items():
        head = cell(ox.NamedNode(predicate), names)
        head.title = ns.compact(predicate)
        values = sorted((_value(e, names, incoming) for e in members), key=lambda v: (v.inferred, v.cell.text.lower()))
        out.append(Group(head, values))
    out.sort(key=lambda g: (all(v.inferred for v in g.values), g.predicate.text.lower()))
    return out


def entity_page(data, iri: str, quote_documents: bool = True) -> EntityPage:
    """Everything a page shows about ``iri``, from describe(): a summary box (kinds, province,
    population claims, names by romanisation system, coordinates, links out), facts by property,
    claims by kind, incoming links, the inferred copies to fold away and the numbered sources."""
    from nkgeo.explain.provenance import labels
    from nkgeo.explain.show import claim_line, describe

    description = describe(data, iri, include_inferred=True, quote_documents=quote_documents)
    facts, links = description["facts"], description["links"]
    mentioned = {iri} | {e[k] for e in facts + links for k in ("subject_iri", "object_iri", "predicate_iri") if e.get(k)}
    names = labels(data, mentioned)
    shown = [e for e in facts if e["predicate_iri"] not in SUMMARY_PREDICATES and "copy" not in e]
    claims: dict[str, list[dict]] = {}
    for claim in description["claims"]:
        if claim["kind"] == "population estimate":
            continue  # in the summary box
        claims.setdefault(claim["kind"], []).append({
            "line": claim_line(claim, say_plain=False), "iri": claim["object_iri"],
            "refs": sorted({s["ref"] for e in (claim, *claim["parts"]) for s in e["sources"] if "ref" in s}),
            "certain": claim["certainty"]["stated_current"]})
    coordinates, map_svg = entity_map(data, iri, facts + links)
    return EntityPage(
        iri=iri, id=description["id"], label=description["label"],
        korean=sorted({e["object"] for e in facts if e.get("object_lang") == "ko"}),
        romanised=_romanised(facts),
        other_names=sorted({e["object"] for e in facts if e["predicate_iri"] in (ns.SKOS.altLabel, ns.RDFS.label, ns.SKOS.prefLabel)
                            and not (e.get("object_lang") or "").startswith("ko") and e["object"] != description["label"]}),
        kinds=[_value(e, names) for e in facts if e["predicate_iri"] == ns.RDF.type and e["object_iri"]
               and not e["object_iri"].startswith((ns.SCHEMA_NS, ns.GEO_NS))],
        provinces=_provinces(data, facts, names),
        populations=[{"line": claim_line(c), "refs": sorted({s["ref"] for e in (c, *c["parts"]) for s in e["sources"] if "ref" in s})}
                     for c in description["claims"] if c["kind"] == "population estimate"],
        external=_external(facts),
        coordinates=coordinates, map_svg=map_svg,
        facts=_groups(shown, names),
        claims=claims,
        links_in=_groups([e for e in links if "copy" not in e], names, incoming=True),
        copies=_groups([e for e in facts if "copy" in e], names) + _groups([e for e in links if "copy" in e], names, incoming=True),
        references=[{**r, "href": f"/doc/{r['document']}#chars-{r['start']}-{r['end']}"} for r in description["references"]],
    )


def _romanised(facts: list[dict]) -> list[tuple[str, str]]:
    """(system, its spellings) for each romanisation the names give, in the order of ROMANISATIONS."""
    found: dict[str, set[str]] = {}
    for entry in facts:
        tag = entry.get("object_lang") or ""
        if tag.startswith("ko-"):
            found.setdefault(ROMANISATIONS.get(tag, tag), set()).add(entry["object"])
    order = list(ROMANISATIONS.values())
    systems = sorted(found, key=lambda system: (order.index(system) if system in order else len(order), system))
    return [(system, ", ".join(sorted(found[system]))) for system in systems]


def _provinces(data, facts: list[dict], names: dict) -> list[Cell]:
    """The provinces it is in or the capital of (asserted or inferred)."""
    import pyoxigraph as ox

    candidates = {e["object_iri"] for e in facts if e["object_iri"] and e["predicate_iri"] in (ns.NKGEO.locatedIn, ns.NKGEO.capitalOf)}
    if not candidates:
        return []
    values = "VALUES ?p { " + " ".join(f"<{c}>" for c in sorted(candidates)) + " }"
    return [cell(ox.NamedNode(row["p"].value), names) for row in data.query(_PROVINCES % values)]


def _external(facts: list[dict]) -> list[Cell]:
    out = []
    for entry in facts:
        target = entry["object_iri"]
        if entry["predicate_iri"] in SAME_AS_PREDICATES and target:
            out.append(external_cell(target))
    return out


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
    related = {located[e[k]] for e in entries for k in ("subject_iri", "object_iri") if e.get(k) in located}
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


# --- document, evidence and derivation pages -------------------------------------------------

_EXCLUDED = """
SELECT ?doc ?passage ?start ?end ?reason WHERE {
  GRAPH graph:provenance { ?passage a nkgeo:Passage ; nkgeo:passageOf ?doc ; nkgeo:startOffset ?start ; nkgeo:endOffset ?end ;
                           nkgeo:excludedBecause ?reason }
} ORDER BY ?start
"""


def _statement_rows(data, found: list, names: dict) -> list[dict]:
    """Evidence records as rows: the triple (linked), how and when the document says it, the record's page."""
    from nkgeo.explain import certainty

    words = certainty.vocabulary(data)
    rows = []
    for st in found:
        how = certainty.of_statement(st, words, names)
        rows.append({"subject": cell(st.subject, names), "predicate": cell(st.predicate, names), "object": cell(st.object, names),
                     "how": how.summary(), "plain": how.stated_current, "evidence": href(st.evidence) if st.evidence else None,
                     "start": st.start, "end": st.end})
    return rows


def _names_for(data, found: list) -> dict[str, str]:
    from nkgeo.explain import certainty
    from nkgeo.explain.provenance import labels

    iris = set()
    for st in found:
        iris.update(t.value for t in (st.subject, st.predicate, st.object) if type(t).__name__ == "NamedNode")
        iris.update(certainty.iris_of(st))
    return labels(data, iris)


def document_page(data, iri: str, quote_documents: bool = True) -> dict | None:
    """A source document: its title, hash and length, every statement it supports passage by
    passage (offsets, certainty, the quoted passage when the document is at hand), and the passages
    the coverage data leaves out, with the reason. None when ``iri`` is no source document."""
    import pyoxigraph as ox

    from nkgeo.explain.documents import documents, quote
    from nkgeo.explain.provenance import evidence_of, labels

    document = documents(data).get(iri)
    if document is None:
        return None
    found = evidence_of(data, document=ox.NamedNode(iri))
    names = _names_for(data, found)
    passages: dict[tuple[int, int], dict] = {}
    for row in _statement_rows(data, found, names):
        key = (row["start"], row["end"])
        if key not in passages:
            passages[key] = {"start": key[0], "end": key[1], "anchor": f"chars-{key[0]}-{key[1]}", "statements": [],
                             "quote": quote(document, *key) if quote_documents else None}
        passages[key]["statements"].append(row)
    excluded = [{"start": int(r["start"].value), "end": int(r["end"].value), "anchor": f"chars-{r['start'].value}-{r['end'].value}",
                 "reason": r["reason"].value} for r in data.query(_EXCLUDED, substitutions={"doc": ox.NamedNode(iri)})]
    reasons = labels(data, {e["reason"] for e in excluded})
    for entry in excluded:
        entry["reason"] = reasons.get(entry["reason"], ns.compact(entry["reason"]))
        entry["quote"] = quote(document, entry["start"], entry["end"]) if quote_documents else None
    return {"document": document, "passages": list(passages.values()), "statements": len(found), "excluded": excluded,
            "quotable": quote_documents and any(p["quote"] for p in passages.values())}


def evidence_page(data, iri: str, quote_documents: bool = True) -> dict | None:
    """One evidence record: its triple, document, offsets, every part of its certainty, the passage."""
    import pyoxigraph as ox

    from nkgeo.explain import certainty
    from nkgeo.explain.documents import documents, quote
    from nkgeo.explain.provenance import evidence_of

    found = evidence_of(data, record=ox.NamedNode(iri))
    if not found:
        return None
    names = _names_for(data, found)
    row = _statement_rows(data, found[:1], names)[0]
    st = found[0]
    document = documents(data).get(st.document)
    how = certainty.of_statement(st, certainty.vocabulary(data), names)
    return {"iri": iri, "id": ns.compact(iri), "row": row, "certainty": how.as_dict(), "note": st.note,
            "document": document, "document_href": href(st.document) + f"#chars-{st.start}-{st.end}",
            "quote": quote(document, st.start, st.end) if document is not None and quote_documents else None}


def derivation_page(data, s: str, p: str, o: str, quote_documents: bool = True) -> dict:
    """How an inferred triple holds: the ``why`` tree (rules, premises, sources, and each node's
    certainty when the build records it). NkgeoError when it holds neither way."""
    import pyoxigraph as ox

    from nkgeo.explain.certainty import STATED_RANK, vocabulary
    from nkgeo.explain.why import Explainer

    explainer = Explainer(data.compiled, quote_documents=quote_documents)
    tree = explainer.explain(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o))
    modes = vocabulary(data).modes

    def node(n) -> dict:
        mode = getattr(n, "certainty", None)  # filled by builds that record inferred certainty
        holds_now = getattr(n, "holds_now", None)
        how = None  # said only when weaker than stated and current
        label, rank = modes.get(mode, (ns.compact(mode), 0)) if mode is not None else ("stated", STATED_RANK)
        if rank < STATED_RANK or holds_now is False:
            how = label + ("" if holds_now in (None, True) else "; not now")
        sources = [{**src, "href": href(src["document"]) + f"#chars-{src['start']}-{src['end']}" if "document" in src else None}
                   for src in n.sources]
        return {"text": " ".join(n.triple), "status": n.status, "rule": n.rule, "rule_text": explainer.rules.get(n.rule, "") if n.rule else "",
                "how": how, "sources": sources, "premises": [node(c) for c in n.premises]}

    return {"subject": href(s), "tree": node(tree), "triple": " ".join(tree.triple)}
