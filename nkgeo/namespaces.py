"""IRIs of the vocabularies nkgeo writes and reads, as plain strings.

Plain strings, not rdflib terms, so that the query path does not import rdflib. ``NKGEO`` lists
every term of ``ontology/nkgeo.ttl``; ``tests/test_namespaces.py`` fails when the two drift apart.
Regenerate the class body with ``python -m nkgeo.namespaces``.
"""

from __future__ import annotations

BASE = "https://w3id.org/nkgeo/"
ONTOLOGY_IRI = BASE + "ontology"
NKGEO_NS = BASE + "ontology#"
ID_NS = BASE + "id/"
DOC_NS = BASE + "doc/"
GRAPH_NS = BASE + "graph/"
EVIDENCE_NS = BASE + "evidence/"

ONTOLOGY_GRAPH = GRAPH_NS + "ontology"
GAZETTEER_GRAPH = GRAPH_NS + "gazetteer"
PROVENANCE_GRAPH = GRAPH_NS + "provenance"
INFERRED_GRAPH = GRAPH_NS + "inferred"
DOCUMENT_GRAPH_PREFIX = GRAPH_NS + "doc-"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"

# Prefixes bound in every output and accepted in every input (prefixed names, SPARQL).
PREFIXES: dict[str, str] = {
    "nkgeo": NKGEO_NS,
    "id": ID_NS,
    "doc": DOC_NS,
    "graph": GRAPH_NS,
    "ev": EVIDENCE_NS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "schema": SCHEMA,
    "gn": "https://www.geonames.org/ontology#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "wd": "http://www.wikidata.org/entity/",
    "dbo": "http://dbpedia.org/ontology/",
    "dbr": "http://dbpedia.org/resource/",
    "wgs": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "void": "http://rdfs.org/ns/void#",
}


def sparql_prologue() -> str:
    """PREFIX lines for every known prefix, to put before a user's query."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


def compact(iri: str) -> str:
    """``https://w3id.org/nkgeo/id/hamhung`` -> ``id:hamhung``; unknown namespaces stay whole."""
    best = ""
    for name, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            local = iri[len(ns):]
            if local and all(ch.isalnum() or ch in "-_." for ch in local):
                best = name
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else f"<{iri}>"


class NKGEO:
    """Every term of the nkgeo ontology (generated from ontology/nkgeo.ttl)."""

    Academy = NKGEO_NS + "Academy"  # An educational institution of higher learning, including a historic Confucian ac
    acrossRiverFrom = NKGEO_NS + "acrossRiverFrom"  # The subject faces the object from the other bank of a river, usually across a bo
    adjacentToWater = NKGEO_NS + "adjacentToWater"  # The subject lies on or next to the object, a body of water.
    AdministrativeArea = NKGEO_NS + "AdministrativeArea"  # A place with its own government or administration, such as a country or a provin
    affected = NKGEO_NS + "affected"  # The subject, a historical event, changed the object; the inverse of affected by.
    affectedBy = NKGEO_NS + "affectedBy"  # The object, a historical event, changed the subject.
    after = NKGEO_NS + "after"  # The subject, an event, happened after the object, another event.
    Airport = NKGEO_NS + "Airport"  # A facility where aircraft take off and land.
    BorderCity = NKGEO_NS + "BorderCity"  # A city that lies at or near the border with another country.
    borders = NKGEO_NS + "borders"  # The subject and the object share a border.
    capitalOf = NKGEO_NS + "capitalOf"  # The subject is the seat of government of the object, a country or province; a ca
    characterCount = NKGEO_NS + "characterCount"  # The length of the document in Unicode characters, the unit of its evidence offse
    City = NKGEO_NS + "City"  # A large settlement, as the sources call one a city.
    Coast = NKGEO_NS + "Coast"  # The region of a country along a sea.
    confidence = NKGEO_NS + "confidence"  # How likely it is, from 0 to 1, that the subject, an evidence record proposed by
    contains = NKGEO_NS + "contains"  # The object lies within the subject; the inverse of located in.
    contentHash = NKGEO_NS + "contentHash"  # The SHA-256 of the document's bytes, in hexadecimal, so a copy can be checked be
    Country = NKGEO_NS + "Country"  # A sovereign state, such as North Korea, China or Russia, or a former one such as
    Dam = NKGEO_NS + "Dam"  # A facility that holds back water, for flood control, irrigation or power.
    destroyedIn = NKGEO_NS + "destroyedIn"  # The subject was destroyed, wholly or almost wholly, during the object, an event.
    Development = NKGEO_NS + "Development"  # A period of planned industrial or urban growth of a place.
    documentGraph = NKGEO_NS + "documentGraph"  # The named graph that holds the triples the subject, a document, states.
    during = NKGEO_NS + "during"  # The subject held, or happened, during the object, an event or period.
    EducationalInstitution = NKGEO_NS + "EducationalInstitution"  # An organisation that teaches: a school, a university, an academy, a camp for chi
    endOffset = NKGEO_NS + "endOffset"  # The offset, in characters from 0, just past the last character of the supporting
    endYear = NKGEO_NS + "endYear"  # The last year of the subject's time span.
    estimateKind = NKGEO_NS + "estimateKind"  # Whether the subject, a population estimate, is a point value or a range.
    EstimateKind = NKGEO_NS + "EstimateKind"  # Whether a population estimate is a single value or a range.
    EstimateKinds = NKGEO_NS + "EstimateKinds"  # The kinds of population estimate: point and range.
    Evidence = NKGEO_NS + "Evidence"  # A record that one document states one triple, with the character offsets of the
    facesSea = NKGEO_NS + "facesSea"  # The subject lies on the coast of, or has access to, the object, a sea.
    Facility = NKGEO_NS + "Facility"  # A built place that serves a purpose: a port, an airport, a dam, a naval base.
    Famine = NKGEO_NS + "Famine"  # A widespread shortage of food over a span of time.
    fileName = NKGEO_NS + "fileName"  # The name of the file the document was read from.
    Flood = NKGEO_NS + "Flood"  # An overflow of water onto land that is usually dry.
    formerCapitalOf = NKGEO_NS + "formerCapitalOf"  # The subject was once the seat of government of the object, a state or dynasty th
    formerName = NKGEO_NS + "formerName"  # A name the subject was known by before it was renamed.
    governedSeparately = NKGEO_NS + "governedSeparately"  # Whether the subject is administered apart from the rest of its country.
    hasCapital = NKGEO_NS + "hasCapital"  # The object is the seat of government of the subject; the inverse of capital of.
    hasFacility = NKGEO_NS + "hasFacility"  # The object is an airport, dam, naval base or other facility in the subject.
    hasIndustry = NKGEO_NS + "hasIndustry"  # The subject, a place, is known for the object, a branch of industry.
    hasInstitution = NKGEO_NS + "hasInstitution"  # The object is a university, academy, camp or other institution based in the subj
    hasLandmark = NKGEO_NS + "hasLandmark"  # The object is a landmark, monument or sacred site that the subject houses.
    hasPort = NKGEO_NS + "hasPort"  # The object is a port or port area that belongs to the subject.
    hasRole = NKGEO_NS + "hasRole"  # The subject serves the object, a function such as political centre or border cro
    hasSatellite = NKGEO_NS + "hasSatellite"  # The object is a satellite city of the subject; the inverse of satellite of.
    headquarteredIn = NKGEO_NS + "headquarteredIn"  # The subject, an organisation, has its headquarters or home in the object.
    HistoricalEvent = NKGEO_NS + "HistoricalEvent"  # Something that happened at a place over a span of time.
    HistoricalPeriod = NKGEO_NS + "HistoricalPeriod"  # A named span of history, such as the period of Japanese rule.
    HistoricalState = NKGEO_NS + "HistoricalState"  # A state or dynasty that no longer exists, such as the Koryo dynasty.
    inDocument = NKGEO_NS + "inDocument"  # The document in which the subject, an evidence record, was found.
    IndustrialCity = NKGEO_NS + "IndustrialCity"  # A city with at least one industry.
    IndustrialZone = NKGEO_NS + "IndustrialZone"  # A special zone set aside for factories, such as an industrial complex or park.
    Industry = NKGEO_NS + "Industry"  # A branch of economic activity, kept as a concept in the industry scheme with bro
    initiatedBy = NKGEO_NS + "initiatedBy"  # The subject, a zone or project, is carried out on the order of the object.
    inMetropolitanAreaOf = NKGEO_NS + "inMetropolitanAreaOf"  # The subject, a settlement, is counted in the metropolitan area of the object, a
    inRegion = NKGEO_NS + "inRegion"  # The subject lies in a named part of a country, such as its north-east or a coast
    institutionIn = NKGEO_NS + "institutionIn"  # The subject is an institution based in the object; the inverse of has institutio
    IntermittentlySuspended = NKGEO_NS + "IntermittentlySuspended"  # The zone operates but has often been suspended.
    investmentFrom = NKGEO_NS + "investmentFrom"  # The subject draws investment from the object, a country.
    jointProjectOf = NKGEO_NS + "jointProjectOf"  # The subject is run jointly by the object and other parties.
    Landmark = NKGEO_NS + "Landmark"  # A place known for its history, culture or symbolism: a monument, a historic buil
    landmarkOf = NKGEO_NS + "landmarkOf"  # The subject is a landmark housed by the object; the inverse of has landmark.
    likenedTo = NKGEO_NS + "likenedTo"  # A source compares the subject with the object, a better-known example of its kin
    locatedIn = NKGEO_NS + "locatedIn"  # The subject lies within the object, directly or through intermediate places.
    locatedWithCoreCity = NKGEO_NS + "locatedWithCoreCity"  # The subject, a satellite or a member of a metropolitan area, lies in the places
    maxValue = NKGEO_NS + "maxValue"  # The upper bound of a range estimate.
    MetropolitanArea = NKGEO_NS + "MetropolitanArea"  # A city together with the nearby settlements counted with it.
    metropolitanAreaIncludes = NKGEO_NS + "metropolitanAreaIncludes"  # The object is counted in the metropolitan area of the subject; the inverse of pa
    Migration = NKGEO_NS + "Migration"  # A movement of many people into or out of a place over a span of time.
    MilitaryFacility = NKGEO_NS + "MilitaryFacility"  # A facility of the armed forces, such as a naval base or a missile launch site.
    minValue = NKGEO_NS + "minValue"  # The lower bound of a range estimate.
    Monument = NKGEO_NS + "Monument"  # A landmark built to commemorate a person, idea or event.
    Mountain = NKGEO_NS + "Mountain"  # A natural elevation of the land, such as Mount Paektu.
    namedAfter = NKGEO_NS + "namedAfter"  # The subject's name honours the object.
    NationalCapital = NKGEO_NS + "NationalCapital"  # A city that is the capital of a country.
    near = NKGEO_NS + "near"  # The subject lies close to the object.
    nearBorderWith = NKGEO_NS + "nearBorderWith"  # The subject lies at or near the border with the object, a country.
    newName = NKGEO_NS + "newName"  # The name a renaming gave.
    nickname = NKGEO_NS + "nickname"  # An informal name for the subject, such as 'City of Iron'.
    oldName = NKGEO_NS + "oldName"  # The name a renaming replaced.
    onCoast = NKGEO_NS + "onCoast"  # The subject lies on the object, a coast of a country.
    onRiver = NKGEO_NS + "onRiver"  # The subject lies on the banks of the object, a river.
    Operating = NKGEO_NS + "Operating"  # The zone is established and in use.
    Organization = NKGEO_NS + "Organization"  # A group of people with a purpose and a name: a party, a navy, an agency.
    participant = NKGEO_NS + "participant"  # The object, a country or people, took part in the subject, an event.
    Person = NKGEO_NS + "Person"  # A human being named or described by a source.
    Place = NKGEO_NS + "Place"  # A part of the earth's surface with a name: a settlement, an administrative area,
    Planned = NKGEO_NS + "Planned"  # The zone is part of a plan but not yet in operation.
    PointEstimate = NKGEO_NS + "PointEstimate"  # An estimate that gives one value.
    populationEstimate = NKGEO_NS + "populationEstimate"  # The object is a claim about the population of the subject.
    PopulationEstimate = NKGEO_NS + "PopulationEstimate"  # A claim about how many people live in a place: a point value or a range, with it
    populationRank = NKGEO_NS + "populationRank"  # The object is a claim about the rank of the subject by population within a scope
    PopulationRanking = NKGEO_NS + "PopulationRanking"  # A claim that a place holds a given rank by population within a scope, such as se
    populationValue = NKGEO_NS + "populationValue"  # The single number of people a point estimate gives.
    Port = NKGEO_NS + "Port"  # A facility where ships load and unload, or a port area of a city.
    PortCity = NKGEO_NS + "PortCity"  # A city that has a port or a port area.
    portOf = NKGEO_NS + "portOf"  # The subject is a port or port area of the object; the inverse of has port.
    Province = NKGEO_NS + "Province"  # A first-level administrative division of a country, such as South Hamgyong Provi
    ProvincialCapital = NKGEO_NS + "ProvincialCapital"  # A city that is the capital of a province.
    qualifier = NKGEO_NS + "qualifier"  # How the source hedges or attributes the claim, such as 'external estimates' or '
    RangeEstimate = NKGEO_NS + "RangeEstimate"  # An estimate that gives a lower and an upper bound.
    rank = NKGEO_NS + "rank"  # The position of a place in a ranking, 1 being the largest.
    rankedWithin = NKGEO_NS + "rankedWithin"  # The subject is ranked among the cities of the object, which it therefore lies in
    rankScope = NKGEO_NS + "rankScope"  # The place within which a ranking compares cities, such as a country or one of it
    rebuiltPlace = NKGEO_NS + "rebuiltPlace"  # The object is the place that the subject, a reconstruction, rebuilt.
    rebuiltThrough = NKGEO_NS + "rebuiltThrough"  # The object is a reconstruction that rebuilt the subject; the inverse of rebuilt
    rebuiltWithHelpOf = NKGEO_NS + "rebuiltWithHelpOf"  # The subject, a reconstruction, was carried out with aid from the object.
    Reconstruction = NKGEO_NS + "Reconstruction"  # The rebuilding of a place after it was destroyed.
    referenceYear = NKGEO_NS + "referenceYear"  # The year a population estimate refers to, when the source gives one.
    Region = NKGEO_NS + "Region"  # A named part of a country without an administration of its own, such as the nort
    renamedPlace = NKGEO_NS + "renamedPlace"  # The object is the place whose name the subject, a renaming, changed.
    Renaming = NKGEO_NS + "Renaming"  # The change of a place's name from a former name to a new one.
    River = NKGEO_NS + "River"  # A natural stream of water flowing to a sea or another river.
    SatelliteCity = NKGEO_NS + "SatelliteCity"  # A city that is a satellite of another city.
    satelliteOf = NKGEO_NS + "satelliteOf"  # The subject is a satellite city that depends on and serves the object, a larger
    Sea = NKGEO_NS + "Sea"  # A large body of salt water, such as the Sea of Japan or the Yellow Sea.
    Settlement = NKGEO_NS + "Settlement"  # A place where people live permanently: a city, town or village.
    SourceDocument = NKGEO_NS + "SourceDocument"  # A text from which claims of the graph are taken, described by its title, content
    southwestOf = NKGEO_NS + "southwestOf"  # The subject lies to the south-west of the object.
    SpecialAdministrativeRegion = NKGEO_NS + "SpecialAdministrativeRegion"  # A special zone governed apart from the rest of the country.
    SpecialEconomicZone = NKGEO_NS + "SpecialEconomicZone"  # A special zone with its own economic rules, meant to draw foreign investment or
    SpecialZone = NKGEO_NS + "SpecialZone"  # An area under economic or administrative rules of its own, existing or planned.
    Stalled = NKGEO_NS + "Stalled"  # The plan for the zone has largely come to a halt.
    startOffset = NKGEO_NS + "startOffset"  # The offset, in characters from 0, of the first character of the supporting sente
    startYear = NKGEO_NS + "startYear"  # The first year of the subject's time span.
    SteelTown = NKGEO_NS + "SteelTown"  # A city with a steel industry.
    timeSpanLabel = NKGEO_NS + "timeSpanLabel"  # The time span as the source words it, such as '1990s' or 'mid-20th century', kep
    TourismZone = NKGEO_NS + "TourismZone"  # A special zone developed for tourism.
    Town = NKGEO_NS + "Town"  # A settlement smaller than a city.
    UnderDevelopment = NKGEO_NS + "UnderDevelopment"  # The zone is being built up.
    University = NKGEO_NS + "University"  # An educational institution that grants degrees and does research.
    UrbanRole = NKGEO_NS + "UrbanRole"  # A function a place serves for its country, such as political centre, border cros
    War = NKGEO_NS + "War"  # An armed conflict between states or peoples.
    WaterBody = NKGEO_NS + "WaterBody"  # A river, sea or other natural body of water.
    ZoneFounding = NKGEO_NS + "ZoneFounding"  # The establishment of a special zone.
    zoneStatus = NKGEO_NS + "zoneStatus"  # The state of the subject, a special zone: planned, stalled, under development, o
    ZoneStatus = NKGEO_NS + "ZoneStatus"  # The state of a special zone: planned, stalled, under development, operating or s
    ZoneStatuses = NKGEO_NS + "ZoneStatuses"  # The states a special zone can be in.


def _generate() -> str:
    """The body of ``NKGEO`` as it should be, from the ontology file (used by the drift test)."""
    import rdflib

    from nkgeo.resources import ontology_dir

    graph = rdflib.Graph().parse(ontology_dir() / "nkgeo.ttl")
    names = sorted(
        {str(s)[len(NKGEO_NS):] for s in graph.subjects() if str(s).startswith(NKGEO_NS)}, key=str.lower
    )
    return "\n".join(names)


if __name__ == "__main__":
    print(_generate())
