"""What the extractor knows before it reads: names, types and a few facts of the graph's entities.

Built from the asserted graphs of a dataset (never ``graph:inferred``): every ``rdfs:label``,
``skos:prefLabel``, ``skos:altLabel``, ``nkgeo:nickname`` and ``nkgeo:formerName`` of a resource
under ``id:``, its slug, and "X" for "X Province" / "X River" / "X City"; the asserted types with
their superclasses from the ontology; the industry concepts of the schemes with their labels.
Population estimates, rankings, evidence and documents are not names to look for in text.

:func:`leave_one_out` removes what only one document taught the graph (see bench/extraction.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from nkgeo import namespaces as ns
from nkgeo.extract import lexicon
from nkgeo.query.names import SUFFIXES_IN_TEXT, strip_suffix

NAME_PREDICATES = {
    ns.RDFS.label: 3,
    ns.SKOS.prefLabel: 3,
    ns.SKOS.altLabel: 2,
    ns.NKGEO.nickname: 2,
    ns.NKGEO.formerName: 1,
}
# Not names of things a sentence mentions: claims (estimates, conditions, trends...), records, and the
# concepts of the schemes ("population", "housing" would mask the words the patterns read); industries
# are concepts too, matched by their own phrases.
NOT_NAMED = {ns.NKGEO.Claim, ns.NKGEO.PopulationEstimate, ns.NKGEO.PopulationRanking, ns.NKGEO.Evidence, ns.NKGEO.SourceDocument,
             ns.SKOS.Concept, ns.NKGEO.Industry, ns.NKGEO.UrbanRole}

_QUERY_NAMES = """
SELECT DISTINCT ?s ?p ?name WHERE {
  GRAPH ?g { ?s ?p ?name }
  VALUES ?p { rdfs:label skos:prefLabel skos:altLabel nkgeo:nickname nkgeo:formerName }
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(id:)) && isLITERAL(?name) && ?g != graph:inferred)
}"""
_QUERY_TYPES = """
SELECT DISTINCT ?s ?t WHERE {
  GRAPH ?g { ?s a ?t }
  FILTER(isIRI(?s) && isIRI(?t) && STRSTARTS(STR(?s), STR(id:)) && ?g != graph:inferred)
}"""
_QUERY_SUBJECTS = """
SELECT DISTINCT ?s WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(id:)) && ?g != graph:inferred)
}"""
_QUERY_SUBCLASSES = """
SELECT DISTINCT ?c ?d WHERE { GRAPH graph:ontology { ?c rdfs:subClassOf ?d } FILTER(isIRI(?c) && isIRI(?d)) }"""
# The properties a class definition reads (owl:onProperty of a restriction): a triple of one makes a
# class member, so a claim of one that no longer holds must not be proposed as a present triple.
_QUERY_DEFINING = """
SELECT DISTINCT ?p WHERE { GRAPH graph:ontology { ?r owl:onProperty ?p } FILTER(isIRI(?p)) }"""
_QUERY_EVENTS = """
SELECT DISTINCT ?event ?place WHERE {
  GRAPH ?g {
    { ?place nkgeo:affectedBy|nkgeo:destroyedIn ?event } UNION { ?event nkgeo:rebuiltPlace|nkgeo:renamedPlace ?place }
  }
  FILTER(isIRI(?event) && isIRI(?place) && ?g != graph:inferred)
}"""
_QUERY_FACTS = """
SELECT DISTINCT ?s ?p ?o WHERE {
  GRAPH ?g { ?s ?p ?o }
  VALUES ?p { nkgeo:locatedIn nkgeo:capitalOf }
  FILTER(isIRI(?s) && isIRI(?o) && ?g != graph:inferred)
}"""


@dataclass
class Gazetteer:
    """Names to IRIs, IRIs to labels and classes, and the industry vocabulary."""

    names: dict[str, set[str]] = field(default_factory=dict)  # surface name -> IRIs
    labels: dict[str, str] = field(default_factory=dict)
    types: dict[str, set[str]] = field(default_factory=dict)  # IRI -> classes, superclasses included
    superclasses: dict[str, set[str]] = field(default_factory=dict)
    industries: dict[str, str] = field(default_factory=dict)  # phrase (lower case) -> concept IRI
    located_in: dict[str, set[str]] = field(default_factory=dict)
    capital_of: dict[str, set[str]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)
    romanised: dict[str, set[str]] = field(default_factory=dict)
    by_words: dict[frozenset, set[str]] = field(default_factory=dict)  # content words of a label -> IRIs
    events: dict[tuple[str, str], str] = field(default_factory=dict)  # (event class, place) -> event IRI
    defining: set[str] = field(default_factory=set)  # properties that class definitions read

    @classmethod
    def from_store(cls, store) -> Gazetteer:
        """Read a pyoxigraph store holding the named graphs of an nkgeo dataset."""
        prefixes = {"prefixes": dict(ns.PREFIXES)}
        gaz = cls()
        for row in store.query(_QUERY_SUBCLASSES, **prefixes):
            gaz.superclasses.setdefault(row["c"].value, set()).add(row["d"].value)
        _close(gaz.superclasses)
        gaz.defining = {row["p"].value for row in store.query(_QUERY_DEFINING, **prefixes)}
        asserted: dict[str, set[str]] = defaultdict(set)
        for row in store.query(_QUERY_TYPES, **prefixes):
            asserted[row["s"].value].add(row["t"].value)
        for iri, classes in asserted.items():
            gaz.types[iri] = gaz.with_superclasses(classes)
        for row in store.query(_QUERY_SUBJECTS, **prefixes):
            gaz.known.add(row["s"].value)
        weights: dict[str, int] = {}
        for row in sorted(store.query(_QUERY_NAMES, **prefixes), key=lambda r: (r["s"].value, r["p"].value, r["name"].value)):
            iri, predicate, name = row["s"].value, row["p"].value, row["name"].value
            if gaz.types.get(iri, set()) & NOT_NAMED and ns.NKGEO.Industry not in gaz.types.get(iri, set()):
                continue
            if ns.NKGEO.Industry in gaz.types.get(iri, set()):
                gaz._add_industry(name, iri)
                continue
            if ns.NKGEO.UrbanRole in gaz.types.get(iri, set()):
                continue
            weight = NAME_PREDICATES[predicate]
            if weight >= weights.get(iri, 0) and predicate != ns.SKOS.altLabel:
                if weight > weights.get(iri, 0) or name < gaz.labels.get(iri, name):
                    gaz.labels[iri] = name
                    weights[iri] = weight
            gaz.add_name(name, iri)
        for iri in sorted(gaz.known):
            if iri in gaz.types and gaz.types[iri] & NOT_NAMED:
                continue
            slug = iri[len(ns.ID_NS) :]
            if slug and not re.search(r"\d", slug):
                gaz.add_name(slug.replace("-", " "), iri, lowercase_only=True)
        for slug, phrases in lexicon.INDUSTRY_PHRASES.items():
            for phrase in phrases:
                gaz.industries.setdefault(phrase.lower(), ns.ID_NS + slug)
        for iri, label in gaz.labels.items():
            gaz.by_words.setdefault(lexicon.content_words(label), set()).add(iri)
        for row in store.query(_QUERY_EVENTS, **prefixes):
            event, place = row["event"].value, row["place"].value
            for cls in gaz.types.get(event, ()):
                if cls.startswith(ns.NKGEO_NS) and cls != ns.NKGEO.HistoricalEvent:
                    key = (cls, place)
                    if key not in gaz.events or event < gaz.events[key]:
                        gaz.events[key] = event
        for row in store.query(_QUERY_FACTS, **prefixes):
            target = gaz.located_in if row["p"].value == ns.NKGEO.locatedIn else gaz.capital_of
            target.setdefault(row["s"].value, set()).add(row["o"].value)
        return gaz

    @classmethod
    def from_compiled(cls, compiled) -> Gazetteer:
        return cls.from_store(compiled.store)

    @classmethod
    def from_dataset(cls, dataset) -> Gazetteer:
        """From an rdflib Dataset (the sources, or the sources less one document)."""
        import pyoxigraph as ox
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from nkgeo.rdfio import from_rdflib

        def graph(name):
            return ox.DefaultGraph() if name == DATASET_DEFAULT_GRAPH_ID else from_rdflib(name)

        store = ox.Store()
        store.extend(ox.Quad(from_rdflib(s), from_rdflib(p), from_rdflib(o), graph(g)) for s, p, o, g in dataset.quads((None, None, None, None)))
        return cls.from_store(store)

    def _add_industry(self, name: str, iri: str) -> None:
        text = name.lower()
        self.industries.setdefault(text, iri)
        for suffix in (" industry", " mining", " production"):
            if text.endswith(suffix) and len(text) > len(suffix) + 2:
                self.industries.setdefault(text[: -len(suffix)], iri)

    def add_name(self, name: str, iri: str, lowercase_only: bool = False) -> None:
        for variant in name_variants(name):
            self.names.setdefault(variant, set()).add(iri)
            if not lowercase_only and variant[:1].isupper():
                self.romanised.setdefault(lexicon.romanisation_key(variant), set()).add(iri)

    def with_superclasses(self, classes) -> set[str]:
        out = set(classes)
        for cls_iri in classes:
            out |= self.superclasses.get(cls_iri, set())
        return out

    def is_a(self, iri: str, cls_iri: str) -> bool:
        return cls_iri in self.types.get(iri, ())

    def capital_of_country(self, country: str) -> str | None:
        """The place the gazetteer says is the capital of ``country`` (the first, if it knows several)."""
        return next((p for p in sorted(self.capital_of) if country in self.capital_of[p]), None)

    def country_of(self, iri: str) -> str | None:
        """The country a place lies in, by the gazetteer's locatedIn and capitalOf (itself, if a country)."""
        seen, frontier = {iri}, [iri]
        while frontier:
            place = frontier.pop(0)
            if ns.NKGEO.Country in self.types.get(place, ()):
                return place
            for target in sorted(self.located_in.get(place, set()) | self.capital_of.get(place, set())):
                if target not in seen:
                    seen.add(target)
                    frontier.append(target)
        return None

    def countries(self) -> dict[str, str]:
        return {iri: self.labels.get(iri, iri) for iri, classes in self.types.items() if ns.NKGEO.Country in classes}


def name_variants(name: str) -> set[str]:
    """A name and the ways a text shortens it: "X" for "X Province" / "X River" / "X City", no "the"."""
    name = " ".join(lexicon.normalise_quotes(name).split())
    if not name:
        return set()
    variants = {name}
    words = name.split()
    lowered = [w.lower() for w in words]
    shorter = strip_suffix(words, SUFFIXES_IN_TEXT)
    if shorter:
        variants.add(" ".join(shorter))
    if lowered[:1] == ["the"] and len(words) > 1:
        variants.add(" ".join(words[1:]))
    return variants


def _close(graph: dict[str, set[str]]) -> None:
    """Transitive closure of a small relation, in place."""
    changed = True
    while changed:
        changed = False
        for targets in graph.values():
            extra = set()
            for target in targets:
                extra |= graph.get(target, set())
            if not extra <= targets:
                targets |= extra
                changed = True


def leave_one_out(dataset, document_iri: str):
    """A copy of ``dataset`` (rdflib) that knows nothing the document ``document_iri`` alone taught it.

    Removed: the document's named graph; its description and every evidence record from it in
    graph:provenance; and, from every other graph (gazetteer, names, links, ...), every triple
    about an entity that the document's graph mentions and no other document's graph does. An
    entity no document mentions (reference data) stays. Returns (dataset, dropped entity IRIs).
    """
    from rdflib import RDF, Dataset, URIRef

    doc = URIRef(document_iri)
    provenance = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    held_graph = provenance.value(doc, URIRef(ns.NKGEO.documentGraph))
    if held_graph is None:
        raise ValueError(f"{document_iri} has no nkgeo:documentGraph in graph:provenance")
    mentioned: dict[str, set[str]] = defaultdict(set)
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if not name.startswith(ns.DOCUMENT_GRAPH_PREFIX):
            continue
        for s, _p, o in graph:
            for term in (s, o):
                if isinstance(term, URIRef) and str(term).startswith(ns.ID_NS):
                    mentioned[str(term)].add(name)
    dropped = {iri for iri, graphs in mentioned.items() if graphs == {str(held_graph)}}
    evidence = {ev for ev in provenance.subjects(URIRef(ns.NKGEO.inDocument), doc)}
    out = Dataset()
    for prefix, iri in ns.PREFIXES.items():
        out.bind(prefix, iri, replace=True)
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph_name = str(g.identifier if hasattr(g, "identifier") else g)
        if graph_name == str(held_graph):
            continue
        if graph_name == ns.PROVENANCE_GRAPH and (s in evidence or s == doc):
            continue
        if str(s) in dropped or str(o) in dropped:
            continue
        if p == RDF.type and str(s) in dropped:
            continue
        out.graph(URIRef(graph_name)).add((s, p, o))
    return out, dropped
