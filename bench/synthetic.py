"""A synthetic country shaped like the nkgeo graph, of any size, for benchmarks and tests.

    python bench/synthetic.py --triples 100000 --out /tmp/synthetic-1e5 [--seed 1]

writes a project folder that every nkgeo command accepts (``NKGEO_HOME=/tmp/synthetic-1e5``):
``ontology/`` (a copy of the real ontology, shapes and checks: the same axioms), ``queries/`` (the
canned queries), ``synthetic.json`` (its figures) and ``graph/synthetic.trig``, with the named
graphs of the real data:

* ``graph:gazetteer``: types and labels of every entity, and most facts (as reference data);
* ``graph:doc-synthetic-NN``: the facts each of 20 documents states (one fact in twenty, some in two
  documents: corroboration);
* ``graph:provenance``: the documents and one ``nkgeo:Evidence`` record per document fact.

The country has provinces (each with a capital), cities (on rivers and coasts, with ports,
industries from a SKOS tree, roles, landmarks, universities, special zones, population rankings and
estimates, war destruction and reconstruction, renamings, satellite towns and metropolitan areas,
border cities near neighbouring countries) and events. Everything is drawn from a seeded random
generator, so a size and a seed always give the same graph. The size is the number of data triples
(the ontology's ~1,200 are extra); generation stops at the first whole city past it.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

from nkgeo import namespaces as ns

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/nkgeo/id/"
N = "https://w3id.org/nkgeo/ontology#"
G = "https://w3id.org/nkgeo/graph/"
DOC = "https://w3id.org/nkgeo/doc/"
EV = "https://w3id.org/nkgeo/evidence/"
DOCUMENTS = 20
SYLLABLES = ["ham", "hung", "chong", "jin", "san", "won", "sin", "ui", "pyong", "yang", "kae", "song", "nam", "po", "hae",
             "ju", "kang", "gye", "hye", "rason", "tan", "chon", "an", "dok", "mun", "ryong", "sa", "ri", "kim", "chaek"]
INDUSTRIES = {  # concept -> broader concept (a tree like ontology/schemes.ttl's)
    "manufacturing": None, "heavy-industry": "manufacturing", "light-industry": "manufacturing",
    "metallurgy": "heavy-industry", "steel": "metallurgy", "copper": "metallurgy", "chemical-industry": "heavy-industry",
    "machine-building": "heavy-industry", "textiles": "light-industry", "food-processing": "light-industry",
    "energy": None, "hydropower": "energy", "coal-mining": "energy", "trade": None, "maritime-trade": "trade",
    "fishing": None, "logistics": "trade", "tourism": None, "timber": None,
}
ROLES = ["industrial-centre", "scientific-centre", "transport-hub", "port-city-role", "administrative-centre"]
STATUSES = ["Planned", "Stalled", "UnderDevelopment", "Operating", "IntermittentlySuspended"]


def iri(text: str) -> str:
    return f"<{text}>"


def literal(text: str, lang: str | None = "en") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value, datatype: str) -> str:
    return f'"{value}"^^<{ns.XSD_NS}{datatype}>'


class Country:
    """Emits the quads of one synthetic country, city by city."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.names: set[str] = set()
        self.count = 0
        self.graphs: dict[str, list[str]] = {}
        self.evidence = 0

    def name(self) -> str:
        """A new place name: two or three syllables, numbered once the short ones are taken."""
        rng = self.rng
        text = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
        if text in self.names:
            text = f"{text}-{len(self.names)}"
        self.names.add(text)
        return text

    def put(self, graph: str, s: str, p: str, o: str) -> None:
        self.graphs.setdefault(graph, []).append(f"{s} {p} {o} .\n")
        self.count += 1

    def entity(self, slug: str, cls: str, label: str) -> str:
        node = iri(ID + slug)
        self.put("gazetteer", node, iri(ns.RDF.type), iri(N + cls))
        self.put("gazetteer", node, iri(ns.RDFS.label), literal(label))
        self.put("gazetteer", node, iri(ns.SKOS.prefLabel), literal(label))
        return node

    def fact(self, s: str, p: str, o: str, document: int, evidence: bool = False) -> None:
        """A fact: reference data (graph:gazetteer), or, when ``evidence`` or one time in twenty,
        stated by a document (sometimes by two: corroboration), with an evidence record from each."""
        rng = self.rng
        if not evidence and rng.random() >= 0.05:
            self.put("gazetteer", s, p, o)
            return
        documents = [document] if rng.random() >= 0.1 else [document, (document + 1) % DOCUMENTS]
        for number in documents:
            self.put(f"doc-synthetic-{number:02d}", s, p, o)
            self.evidence += 1
            node = iri(f"{EV}synthetic-{self.evidence}")
            start = rng.randrange(0, 19000)
            for predicate, value in (
                (ns.RDF.type, iri(N + "Evidence")), (ns.RDF.subject, s), (ns.RDF.predicate, p), (ns.RDF.object, o),
                (N + "inDocument", iri(f"{DOC}synthetic-{number:02d}")),
                (N + "startOffset", typed(start, "nonNegativeInteger")),
                (N + "endOffset", typed(start + rng.randrange(40, 200), "nonNegativeInteger")),
            ):
                self.put("provenance", node, iri(predicate), value)

    def setting(self) -> None:
        """The country, its neighbours, seas, coasts, events, industries, roles and documents."""
        self.country = self.entity("synthetica", "Country", "Synthetica")
        self.neighbours = [self.entity(f"neighbour-{i}", "Country", f"Neighbour {i}") for i in range(3)]
        for n in self.neighbours:
            self.fact(self.country, iri(N + "borders"), n, 0, evidence=True)
        self.seas = [self.entity(f"sea-{i}", "Sea", f"Sea {i}") for i in range(2)]
        self.coasts = []
        for i, sea in enumerate(self.seas):
            coast = self.entity(f"coast-{i}", "Coast", f"Coast {i}")
            self.fact(coast, iri(N + "locatedIn"), self.country, 0)
            self.fact(coast, iri(N + "adjacentToWater"), sea, 0)
            self.coasts.append(coast)
        self.war = self.entity("great-war", "War", "Great War")
        self.fact(self.war, iri(N + "startYear"), typed(1950, "gYear"), 0)
        self.fact(self.war, iri(N + "endYear"), typed(1953, "gYear"), 0)
        self.famine = self.entity("famine", "Famine", "Famine")
        self.flood = self.entity("floods", "Flood", "Floods")
        self.industries = {}
        for slug, broader in INDUSTRIES.items():
            node = self.entity(f"industry-{slug}", "Industry", slug.replace("-", " ") + " industry")
            self.industries[slug] = node
            if broader:
                self.put("gazetteer", node, iri(ns.SKOS.broader), iri(f"{ID}industry-{broader}"))
        self.leaf_industries = [node for slug, node in self.industries.items() if slug not in set(INDUSTRIES.values())]
        self.roles = [self.entity(f"role-{r}", "UrbanRole", r.replace("-", " ")) for r in ROLES]
        for d in range(DOCUMENTS):
            doc = iri(f"{DOC}synthetic-{d:02d}")
            for predicate, value in (
                (ns.RDF.type, iri(N + "SourceDocument")), (ns.DCTERMS.title, literal(f"Synthetic document {d}", None)),
                (N + "fileName", literal(f"synthetic-{d:02d}.txt", None)), (N + "contentHash", literal(f"{d:064x}", None)),
                (N + "characterCount", typed(20000 + d, "nonNegativeInteger")), (N + "documentGraph", iri(f"{G}doc-synthetic-{d:02d}")),
            ):
                self.put("provenance", doc, iri(predicate), value)
        self.provinces: list[str] = []
        self.rivers: list[str] = []
        self.regions: list[str] = []
        self.cities: list[str] = []

    def province(self) -> str:
        number = len(self.provinces)
        name = self.name()
        node = self.entity(f"{name.lower()}-province", "Province", f"{name} Province")
        self.fact(node, iri(N + "locatedIn"), self.country, number % DOCUMENTS)
        self.provinces.append(node)
        self.province_capital = None
        return node

    def city(self) -> None:
        """One city with everything around it."""
        rng = self.rng
        number = len(self.cities)
        if number % 40 == 0:
            self.province()
        if number % 25 == 0:
            river = self.entity(f"river-{len(self.rivers)}", "River", f"{self.name()} River")
            self.fact(river, iri(N + "locatedIn"), self.country, 0)
            self.rivers.append(river)
        if number % 60 == 0:
            region = self.entity(f"region-{len(self.regions)}", "Region", f"Region {len(self.regions)}")
            self.fact(region, iri(N + "locatedIn"), self.country, 0)
            self.regions.append(region)
        name = self.name()
        slug = name.lower()
        city = self.entity(slug, "City", name)
        document = rng.randrange(DOCUMENTS)
        province = self.provinces[-1]
        self.fact(city, iri(N + "locatedIn"), province, document)
        if self.province_capital is None:
            self.province_capital = city
            self.fact(city, iri(N + "capitalOf"), province, document)
        if number == 0:
            self.fact(city, iri(N + "capitalOf"), self.country, document)
        self.put("gazetteer", city, iri(ns.SKOS.altLabel), literal(name.upper(), "ko-Latn"))
        self.put("coordinates", city, iri(ns.WGS.lat), typed(round(rng.uniform(37.7, 43.0), 5), "decimal"))
        self.put("coordinates", city, iri(ns.WGS.long), typed(round(rng.uniform(124.2, 130.7), 5), "decimal"))
        for industry in rng.sample(self.leaf_industries, rng.choice((1, 1, 2, 3))):
            self.fact(city, iri(N + "hasIndustry"), industry, document)
        if rng.random() < 0.5:
            self.fact(city, iri(N + "hasRole"), rng.choice(self.roles), document)
        if rng.random() < 0.5:
            self.fact(city, iri(N + "onRiver"), rng.choice(self.rivers), document)
        if rng.random() < 0.3:
            self.fact(city, iri(N + "inRegion"), rng.choice(self.regions), document)
        if rng.random() < 0.3:  # a coastal city with a port
            side = rng.randrange(len(self.seas))
            self.fact(city, iri(N + "facesSea"), self.seas[side], document)
            self.fact(city, iri(N + "onCoast"), self.coasts[side], document)
            port = self.entity(f"port-of-{slug}", "Port", f"Port of {name}")
            self.fact(city, iri(N + "hasPort"), port, document)
        if rng.random() < 0.1:
            self.fact(city, iri(N + "nearBorderWith"), rng.choice(self.neighbours), document)
        if self.cities and rng.random() < 0.3:
            self.fact(city, iri(N + "near"), rng.choice(self.cities[-20:]), document)
        if self.cities and rng.random() < 0.05:
            self.fact(city, iri(N + "acrossRiverFrom"), rng.choice(self.cities[-20:]), document)
        if rng.random() < 0.2:
            self.fact(city, iri(N + "destroyedIn"), self.war, document)
            if rng.random() < 0.5:
                event = self.entity(f"reconstruction-of-{slug}", "Reconstruction", f"reconstruction of {name}")
                for p, o in ((N + "rebuiltPlace", city), (N + "rebuiltWithHelpOf", rng.choice(self.neighbours)),
                             (N + "startYear", typed(1953, "gYear")), (N + "endYear", typed(1960, "gYear")),
                             (N + "timeSpanLabel", literal("1950s", None)), (N + "after", self.war)):
                    self.fact(event, iri(p), o, document)
        if rng.random() < 0.1:
            self.fact(city, iri(N + "affectedBy"), rng.choice((self.famine, self.flood)), document)
        if rng.random() < 0.1:
            landmark = self.entity(f"landmark-of-{slug}", "Landmark", f"{name} Monument")
            self.fact(city, iri(N + "hasLandmark"), landmark, document)
        if rng.random() < 0.1:
            university = self.entity(f"university-of-{slug}", "University", f"{name} University")
            self.fact(university, iri(N + "institutionIn"), city, document)
        if rng.random() < 0.03:
            zone = self.entity(f"{slug}-special-zone", "SpecialEconomicZone", f"{name} Special Economic Zone")
            self.fact(zone, iri(N + "locatedIn"), city, document)
            self.fact(zone, iri(N + "zoneStatus"), iri(N + rng.choice(STATUSES)), document)
        if rng.random() < 0.03:
            old = self.name()
            self.fact(city, iri(N + "formerName"), literal(old), document)
            event = self.entity(f"renaming-of-{old.lower()}", "Renaming", f"renaming of {old}")
            for p, o in ((N + "renamedPlace", city), (N + "oldName", literal(old, None)), (N + "newName", literal(name, None)),
                         (N + "after", self.war)):
                self.fact(event, iri(p), o, document)
        if number % 10 == 0:  # one city in ten is ranked by population
            ranking = self.entity(f"{slug}-rank-{number // 10 + 1}", "PopulationRanking", f"{name}: rank {number // 10 + 1}")
            self.fact(city, iri(N + "populationRank"), ranking, document, evidence=True)
            self.fact(ranking, iri(N + "rank"), typed(number // 10 + 1, "positiveInteger"), document)
            self.fact(ranking, iri(N + "rankScope"), self.country, document)
        if rng.random() < 0.5:
            estimate = self.entity(f"{slug}-population", "PopulationEstimate", f"population of {name}")
            self.fact(city, iri(N + "populationEstimate"), estimate, document)
            self.fact(estimate, iri(ns.DCTERMS.source), iri(f"{DOC}synthetic-{document:02d}"), document)
            if rng.random() < 0.5:
                self.fact(estimate, iri(N + "estimateKind"), iri(N + "PointEstimate"), document)
                self.fact(estimate, iri(N + "populationValue"), typed(rng.randrange(20000, 3000000), "integer"), document)
            else:
                low = rng.randrange(20000, 2000000)
                self.fact(estimate, iri(N + "estimateKind"), iri(N + "RangeEstimate"), document)
                self.fact(estimate, iri(N + "minValue"), typed(low, "integer"), document)
                self.fact(estimate, iri(N + "maxValue"), typed(low + rng.randrange(10000, 200000), "integer"), document)
            self.fact(estimate, iri(N + "qualifier"), literal("approximate", None), document)
        for _ in range(rng.choice((0, 0, 1, 2))):  # satellite towns
            town_name = self.name()
            town = self.entity(town_name.lower(), "City", town_name)
            self.fact(town, iri(N + "satelliteOf"), city, document)
        if self.cities and rng.random() < 0.1:
            self.fact(city, iri(N + "inMetropolitanAreaOf"), rng.choice(self.cities[-40:]), document)
        self.cities.append(city)


def generate(triples: int, seed: int = 1) -> Country:
    """A country with at least ``triples`` data triples (stopping at the first whole city past it)."""
    country = Country(seed)
    country.setting()
    while country.count < triples:
        country.city()
    return country


def trig(country: Country) -> Iterator[str]:
    """The quads as TriG: one block per named graph, one triple per line."""
    for graph in sorted(country.graphs):
        yield f"<{G}{graph}> {{\n"
        yield from country.graphs[graph]
        yield "}\n"


def write_project(folder: Path, triples: int, seed: int = 1) -> dict:
    """Write a project folder (ontology, queries, graph/synthetic.trig); return its figures."""
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(ROOT / "ontology", folder / "ontology")
    shutil.copytree(ROOT / "queries", folder / "queries")
    (folder / "graph").mkdir(parents=True)
    country = generate(triples, seed)
    with open(folder / "graph" / "synthetic.trig", "w", encoding="utf-8") as handle:
        handle.writelines(trig(country))
    figures = {"triples": country.count, "cities": len(country.cities), "provinces": len(country.provinces),
               "first_city": country.cities[0][len("<" + ID):-1], "graphs": {g: len(lines) for g, lines in sorted(country.graphs.items())}}
    (folder / "synthetic.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=10_000, help="Data triples to generate (default 10000).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="The project folder to write (replaced).")
    args = parser.parse_args()
    figures = write_project(args.out, args.triples, args.seed)
    print(f"{figures['triples']} triples ({figures['cities']} cities, {figures['provinces']} provinces) -> {args.out}")


if __name__ == "__main__":
    main()
