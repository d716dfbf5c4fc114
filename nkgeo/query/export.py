"""``nkgeo export``: the compiled dataset, or some of its named graphs, in any RDF format or as GeoJSON.

Turtle, N-Triples and RDF/XML hold one graph, so the chosen graphs are merged; N-Quads, TriG and
JSON-LD keep each named graph. Every RDF format is written by :func:`nkgeo.rdfio.serialize`, so the
output is the same bytes from every process (canonical blank nodes, sorted statements).

The graphs are chosen as the query commands choose their default graph (all, asserted, inferred) or
by name: any named graph of the dataset, a document's, the gazetteer, links, names, coordinates...
(:func:`nkgeo.query.store.chosen_graphs`). With the evidence, the export also holds what
``graph:provenance`` says about the exported triples: each record whose ``rdf:subject``,
``rdf:predicate`` and ``rdf:object`` is one of them, and the description of what the records point
to there (the source documents, the activities and agents), with the document of each exported
document graph.

GeoJSON (RFC 7946) is not RDF: it is the places with coordinates as a FeatureCollection of Points
([longitude, latitude], WGS 84), with their name, Korean name, kind, province and IRI, for QGIS and
web maps; :func:`geojson` says how many places it left out for want of coordinates.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from nkgeo import namespaces as ns
from nkgeo import progress, rdfio
from nkgeo.errors import FormatError
from nkgeo.query.store import chosen_graphs

GEOJSON = "geojson"


class Exported(NamedTuple):
    """An export's bytes, what they hold in words (``5987 triples``), and the places left out of a
    GeoJSON export for want of coordinates."""

    data: bytes
    what: str
    left_out: int = 0


def export_format(name: str) -> str:
    """The format's name (``geojson``, or an RDF format by any name or alias); one line for anything else."""
    if name.lower() == GEOJSON:
        return GEOJSON
    try:
        return rdfio.rdf_format(name).name
    except FormatError as exc:
        raise FormatError(f"{exc}, or geojson") from None


def selected_quads(compiled, graphs: str | list[str] | tuple[str, ...] = "all", with_evidence: bool = False) -> list:
    """The compiled dataset's quads (pyoxigraph) in the chosen graphs, with their evidence if asked."""
    with progress.stage("reading the compiled dataset"):
        # The default graph holds the asserted triples again, once, for queries (nkgeo.build.pipeline): not exported.
        quads = [q for q in rdfio.read(compiled.path / "dataset.nq") if type(q.graph_name).__name__ == "NamedNode"]
    named = sorted({q.graph_name.value for q in quads if type(q.graph_name).__name__ == "NamedNode"})
    chosen = chosen_graphs(named, [graphs] if isinstance(graphs, str) else list(graphs))
    if chosen is None:
        return quads
    keep = set(chosen)
    selected = [q for q in quads if getattr(q.graph_name, "value", None) in keep]
    if with_evidence and ns.PROVENANCE_GRAPH not in keep:
        selected += evidence_for(quads, selected)
    return selected


def evidence_for(quads: list, selected: list) -> list:
    """The quads of graph:provenance about the ``selected`` quads: the evidence records of their
    triples, then the description of every IRI a record points to there (documents, activities,
    agents) and of the documents whose graphs are selected."""
    provenance: dict = {}
    for q in quads:
        if getattr(q.graph_name, "value", None) == ns.PROVENANCE_GRAPH:
            provenance.setdefault(q.subject, []).append(q)
    triples = {(q.subject, q.predicate, q.object) for q in selected}
    graphs = {q.graph_name.value for q in selected if type(q.graph_name).__name__ == "NamedNode"}
    parts = {ns.RDF.subject: 0, ns.RDF.predicate: 1, ns.RDF.object: 2}
    records = []
    for subject, described in provenance.items():
        said = [None, None, None]
        for q in described:
            if q.predicate.value in parts:
                said[parts[q.predicate.value]] = q.object
        if None not in said and tuple(said) in triples:
            records.append(subject)
    described_too = {q.object for r in records for q in provenance[r] if q.object in provenance and q.object not in records}
    described_too |= {q.subject for described in provenance.values() for q in described
                      if q.predicate.value == ns.NKGEO.documentGraph and q.object.value in graphs}
    return [q for subject in records + sorted(described_too - set(records), key=str) for q in provenance[subject]]


def export(compiled, fmt: str, graphs: str | list[str] | tuple[str, ...] = "all", with_evidence: bool = False) -> bytes:
    """The chosen graphs serialised in ``fmt`` (``geojson``, or any name or alias of :data:`nkgeo.rdfio.FORMATS`)."""
    return exported(compiled, fmt, graphs, with_evidence).data


def exported(compiled, fmt: str, graphs: str | list[str] | tuple[str, ...] = "all", with_evidence: bool = False) -> Exported:
    """:func:`export`, with what the bytes hold (for the line ``-o`` prints) and the places a
    GeoJSON export left out."""
    if export_format(fmt) == GEOJSON:
        return geojson(compiled, graphs)
    fmt = rdfio.rdf_format(fmt)
    quads = selected_quads(compiled, graphs, with_evidence)
    count = len(set(quads)) if fmt.keeps_graphs else len({(q.subject, q.predicate, q.object) for q in quads})
    with progress.stage(f"writing {count} triples as {fmt.name}"):
        data = rdfio.serialize(quads, fmt)
    return Exported(data, progress.counted(count, "triple"))


def selected_dataset(compiled, graphs: str = "all"):
    """The same quads as an rdflib Dataset, for the tools that want rdflib (validation)."""
    return rdfio.rdflib_dataset(selected_quads(compiled, graphs))


# --- GeoJSON ------------------------------------------------------------------------------------

_PLACES = "SELECT DISTINCT ?place WHERE { ?place a nkgeo:Place FILTER(STRSTARTS(STR(?place), STR(id:))) }"
_PROVINCES = """
SELECT ?place (MIN(?label) AS ?province) WHERE {
  ?place nkgeo:locatedIn ?province_ . ?province_ a nkgeo:Province ; rdfs:label ?label
  FILTER(?place != ?province_ && LANG(?label) IN ("en", ""))
} GROUP BY ?place
"""


def geojson(compiled, graphs: str | list[str] | tuple[str, ...] = "all") -> Exported:
    """The places as a GeoJSON FeatureCollection, sorted by IRI (the same bytes every time): those
    of the whole dataset, or those the chosen graphs mention, their coordinates and names taken
    from the whole dataset."""
    from nkgeo.linked.mapping import map_data

    choices = [graphs] if isinstance(graphs, str) else list(graphs)
    places = {row["place"].value for row in compiled.query(_PLACES)}
    if chosen_graphs(compiled.named_graphs(), choices) is not None:
        mentioned = {term.value for q in selected_quads(compiled, choices) for term in (q.subject, q.object)
                     if type(term).__name__ == "NamedNode"}
        places &= mentioned
    provinces = {row["place"].value: row["province"].value for row in compiled.query(_PROVINCES) if row["province"] is not None}
    points = sorted((p for p in map_data(compiled).points if p.iri in places), key=lambda p: p.iri)
    features = [
        {"type": "Feature", "id": p.iri, "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
         "properties": {"name": p.label, "name_ko": p.korean, "kind": p.category, "province": provinces.get(p.iri),
                        "entity": p.iri}}
        for p in points
    ]
    # One feature a line: short enough to read, and a change of one place is a change of one line.
    lines = "".join(f"{',' if i else ''}\n{json.dumps(feature, ensure_ascii=False)}" for i, feature in enumerate(features))
    data = f'{{"type": "FeatureCollection", "features": [{lines}\n]}}\n'.encode()
    return Exported(data, progress.counted(len(features), "place"), len(places - {p.iri for p in points}))
