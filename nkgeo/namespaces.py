"""The vocabularies nkgeo writes and reads, as typed namespaces of plain strings.

Code builds a vocabulary IRI as ``ns.NKGEO.City`` or ``ns.RDF.type``, never by concatenating
strings: a misspelt term is an AttributeError at once (and ruff's view of the attribute), not a
silently minted IRI. Plain strings, not rdflib terms, so that the query path does not import
rdflib. ``NKGEO`` lists every term of ``ontology/nkgeo.ttl`` and the standard vocabularies every
term rdflib defines for them (schema.org and GeoNames only the terms nkgeo uses);
``tests/test_namespaces.py`` fails when either drifts. ``python -m nkgeo.namespaces`` prints the
body ``NKGEO`` should have. The ``*_NS`` constants are the namespace IRIs, for prefixes and
``startswith`` tests.
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
INFERENCE_GRAPH = GRAPH_NS + "inferred-provenance"  # the certainty of inferred triples (nkgeo.build.certainty)
DOCUMENT_GRAPH_PREFIX = GRAPH_NS + "doc-"

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS_NS = "http://purl.org/dc/terms/"
PROV_NS = "http://www.w3.org/ns/prov#"
SCHEMA_NS = "https://schema.org/"
GN_NS = "https://www.geonames.org/ontology#"
GEO_NS = "http://www.opengis.net/ont/geosparql#"
WGS_NS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
VOID_NS = "http://rdfs.org/ns/void#"
SH_NS = "http://www.w3.org/ns/shacl#"

# Prefixes bound in every output and accepted in every input (prefixed names, SPARQL).
PREFIXES: dict[str, str] = {
    "nkgeo": NKGEO_NS,
    "id": ID_NS,
    "doc": DOC_NS,
    "graph": GRAPH_NS,
    "ev": EVIDENCE_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "owl": OWL_NS,
    "xsd": XSD_NS,
    "skos": SKOS_NS,
    "dcterms": DCTERMS_NS,
    "prov": PROV_NS,
    "schema": SCHEMA_NS,
    "gn": GN_NS,
    "geo": GEO_NS,
    "wd": "http://www.wikidata.org/entity/",
    "dbo": "http://dbpedia.org/ontology/",
    "dbr": "http://dbpedia.org/resource/",
    "wgs": WGS_NS,
    "void": VOID_NS,
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

    _NS = NKGEO_NS

    Academy = NKGEO_NS + "Academy"  # An educational institution of higher learning, including a historic Confucian ac
    acrossRiverFrom = NKGEO_NS + "acrossRiverFrom"  # The subject faces the object from the other bank of a river, usually across a bo
    adjacentToWater = NKGEO_NS + "adjacentToWater"  # The subject lies on or next to the object, a body of water.
    AdministrativeArea = NKGEO_NS + "AdministrativeArea"  # A place with its own government or administration, such as a country or a provin
    affected = NKGEO_NS + "affected"  # The subject, a historical event, changed the object; the inverse of affected by.
    affectedBy = NKGEO_NS + "affectedBy"  # The object, a historical event, changed the subject.
    affectedGroup = NKGEO_NS + "affectedGroup"  # The object, a group of people, is the one the subject, a condition or restrictio
    Affects = NKGEO_NS + "Affects"  # The cause changes the aspect, for better or worse or without saying which.
    after = NKGEO_NS + "after"  # The subject, an event or claim, happened or held after the object, another event
    AgentGroup = NKGEO_NS + "AgentGroup"  # People or organisations that a source names only as a group, such as defectors,
    Airport = NKGEO_NS + "Airport"  # A facility where aircraft take off and land.
    AlmostAll = NKGEO_NS + "AlmostAll"  # All or almost all of the place.
    ApproximateSpan = NKGEO_NS + "ApproximateSpan"  # The years are only roughly those of the event (around the mid-20th century).
    aspect = NKGEO_NS + "aspect"  # What the subject, a claim, is about or compares: food, power, movement, populati
    Aspect = NKGEO_NS + "Aspect"  # What a claim is about or compares: a supply, a service, a kind of infrastructure
    Aspired = NKGEO_NS + "Aspired"  # The document reports it as an aspiration.
    aspiredRole = NKGEO_NS + "aspiredRole"  # The subject, or its government, aims for it to serve the object, a function it d
    AssertionMode = NKGEO_NS + "AssertionMode"  # How firmly a document asserts a triple, with a certainty rank.
    assertionMode = NKGEO_NS + "assertionMode"  # How the document asserts the triple of the subject, an evidence record: stated,
    AssertionModes = NKGEO_NS + "AssertionModes"  # How firmly a document asserts a triple, from stated as fact to denied, each with
    associatedSite = NKGEO_NS + "associatedSite"  # The object is a site that the subject is known for or gives access to, without c
    Attributed = NKGEO_NS + "Attributed"  # The document relays it from others: estimates, reports, agencies, media (a group
    availability = NKGEO_NS + "availability"  # How available the data concerned by the subject, a data availability claim, is:
    AvailabilityLevel = NKGEO_NS + "AvailabilityLevel"  # How available data is: not regularly published, scarce, limited, hard to verify
    AvailabilityLevels = NKGEO_NS + "AvailabilityLevels"  # How available data is.
    basedIn = NKGEO_NS + "basedIn"  # The subject, an organisation or institution, is based in the object, a place.
    Believed = NKGEO_NS + "Believed"  # The document gives it as what is believed.
    Boilerplate = NKGEO_NS + "Boilerplate"  # Text of the web page around the document, such as a byline or an invitation to c
    BorderCity = NKGEO_NS + "BorderCity"  # A city that borders another country or lies near the border with one.
    borders = NKGEO_NS + "borders"  # The subject and the object share a border.
    capitalOf = NKGEO_NS + "capitalOf"  # The subject is the seat of government of the object, a country or province; a ca
    cause = NKGEO_NS + "cause"  # The object brings about or explains the subject, a claim or event: an event, a p
    certaintyRank = NKGEO_NS + "certaintyRank"  # The strength of the subject, an assertion mode, from 0 (the document denies the
    characterCount = NKGEO_NS + "characterCount"  # The length of the document in Unicode characters, the unit of its evidence offse
    Characteristic = NKGEO_NS + "Characteristic"  # A lasting feature of a place: its terrain, climate, setting, layout, architectur
    City = NKGEO_NS + "City"  # A large settlement, as the sources call one a city.
    Claim = NKGEO_NS + "Claim"  # An n-ary statement a document makes about a place, kept as a node with parts: a
    Coast = NKGEO_NS + "Coast"  # The region of a country along a sea.
    comparedWith = NKGEO_NS + "comparedWith"  # The object, a place or group of places, is the other side of the subject, a comp
    Comparison = NKGEO_NS + "Comparison"  # A claim that a place is more, less or as much as another place or group of place
    ComparisonDirection = NKGEO_NS + "ComparisonDirection"  # Whether the subject of a comparison has more or less of the respect, or as much.
    ComparisonDirections = NKGEO_NS + "ComparisonDirections"  # Whether the subject of a comparison has more or less of the respect, or as much.
    Condition = NKGEO_NS + "Condition"  # A claim about a state of a place or of its people: a shortage, decaying or impro
    ConditionKind = NKGEO_NS + "ConditionKind"  # A kind of condition: a shortage, limited access, decay, an improvement, hardship
    confidence = NKGEO_NS + "confidence"  # How likely it is, from 0 to 1, that the subject, an evidence record proposed by
    Considered = NKGEO_NS + "Considered"  # The document gives it as a common view: it is considered, often seen as, has a r
    contains = NKGEO_NS + "contains"  # The object lies within the subject; the inverse of located in.
    contentHash = NKGEO_NS + "contentHash"  # The SHA-256 of the document's bytes, in hexadecimal, so a copy can be checked be
    ControlSystem = NKGEO_NS + "ControlSystem"  # A system by which a state classifies, registers or controls its people, such as
    Country = NKGEO_NS + "Country"  # A sovereign state, such as North Korea, China or Russia, or a former one such as
    CulturalSite = NKGEO_NS + "CulturalSite"  # A place of cultural activity or display, such as a museum, a children's camp or
    culturalSiteOf = NKGEO_NS + "culturalSiteOf"  # The subject is a cultural site in the object; the inverse of has cultural site.
    Current = NKGEO_NS + "Current"  # It holds at the time of the document: the document speaks in the present or says
    Dam = NKGEO_NS + "Dam"  # A facility that holds back water, for flood control, irrigation or power.
    DataAvailability = NKGEO_NS + "DataAvailability"  # A claim about how much is known, published or verifiable about an aspect of a pl
    Decline = NKGEO_NS + "Decline"  # The aspect shrinks.
    degree = NKGEO_NS + "degree"  # How strongly the subject, a claim, holds: limited, modest, relative or high.
    Degree = NKGEO_NS + "Degree"  # How strongly a condition, restriction or influence holds.
    Degrees = NKGEO_NS + "Degrees"  # How strongly a condition, restriction or influence holds.
    DemographicGroup = NKGEO_NS + "DemographicGroup"  # A group of people that a population includes or that a condition or restriction
    destination = NKGEO_NS + "destination"  # The object is a place that the subject, a migration, went to or tried to reach.
    destroyedIn = NKGEO_NS + "destroyedIn"  # The subject was destroyed, wholly or almost wholly, during the object, an event.
    Development = NKGEO_NS + "Development"  # A period of planned industrial or urban growth of a place.
    direction = NKGEO_NS + "direction"  # Which way the subject, a claim, goes: more or less, growth or decline, hindering
    documentGraph = NKGEO_NS + "documentGraph"  # The named graph that holds the triples the subject, a document, states.
    during = NKGEO_NS + "during"  # The subject held, or happened, during the object, an event or period.
    EducationalInstitution = NKGEO_NS + "EducationalInstitution"  # An organisation that teaches: a school, a university or an academy.
    EffectDirection = NKGEO_NS + "EffectDirection"  # What an influence does to its aspect: affects, shapes, hinders or supports it.
    EffectDirections = NKGEO_NS + "EffectDirections"  # What an influence does to its aspect.
    endOffset = NKGEO_NS + "endOffset"  # The offset, in characters from 0, just past the last character of the supporting
    endYear = NKGEO_NS + "endYear"  # The last year of the time span a source gives for the subject; nkgeo:timeQualifi
    enforcedThrough = NKGEO_NS + "enforcedThrough"  # The object, a system such as songbun or hoju, is the means by which the subject,
    Estimated = NKGEO_NS + "Estimated"  # The document relays it as an estimate, its own or others'.
    EstimateKind = NKGEO_NS + "EstimateKind"  # Whether a population estimate is a single value, a range, or only relative to an
    estimateKind = NKGEO_NS + "estimateKind"  # Whether the subject, a population estimate, is a point value, a range or relativ
    EstimateKinds = NKGEO_NS + "EstimateKinds"  # The kinds of population estimate: point, range and relative.
    Evidence = NKGEO_NS + "Evidence"  # A record that one sentence of a document states one triple, with the sentence's
    ExactSpan = NKGEO_NS + "ExactSpan"  # The years are the first and last year of the event, as the source gives them (19
    exceeds = NKGEO_NS + "exceeds"  # The subject, a population estimate, gives a figure higher than the object, anoth
    excludedBecause = NKGEO_NS + "excludedBecause"  # Why the subject, a passage, is the evidence of no statement.
    ExclusionReason = NKGEO_NS + "ExclusionReason"  # Why a passage of a document supports no statement of the graph: it is a title, a
    ExclusionReasons = NKGEO_NS + "ExclusionReasons"  # Why a passage of a document supports no statement of the graph.
    expressedThrough = NKGEO_NS + "expressedThrough"  # The form in which the document conveys the triple of the subject, an evidence re
    Extent = NKGEO_NS + "Extent"  # How much of a place a claim covers.
    extent = NKGEO_NS + "extent"  # How much of the place the subject, a claim, covers: some, many or most parts, or
    Extents = NKGEO_NS + "Extents"  # How much of a place a claim covers.
    facesSea = NKGEO_NS + "facesSea"  # The subject lies on the coast of, or has access to, the object, a sea.
    Facility = NKGEO_NS + "Facility"  # A built place that serves a purpose: a port, an airport, a dam, a naval base.
    facilityOf = NKGEO_NS + "facilityOf"  # The subject is a facility in the object; the inverse of has facility.
    Factor = NKGEO_NS + "Factor"  # A cause that is neither an event nor a claim of the graph: a policy, a reform, a
    Famine = NKGEO_NS + "Famine"  # A widespread shortage of food over a span of time.
    fileName = NKGEO_NS + "fileName"  # The name of the file the document was read from.
    Flood = NKGEO_NS + "Flood"  # An overflow of water onto land that is usually dry.
    formerCapitalOf = NKGEO_NS + "formerCapitalOf"  # The subject was once the seat of government of the object, a state or dynasty th
    Formerly = NKGEO_NS + "Formerly"  # It held once and the document does not say it still holds: once, formerly, was.
    formerName = NKGEO_NS + "formerName"  # A name the subject was known by before it was renamed.
    formerRole = NKGEO_NS + "formerRole"  # The subject once served the object, a function, and the source does not say it s
    Frequencies = NKGEO_NS + "Frequencies"  # How often something holds or happens.
    Frequency = NKGEO_NS + "Frequency"  # How often something holds or happens.
    frequency = NKGEO_NS + "frequency"  # How often the subject holds or happens: occasionally, often, frequently, intermi
    Frequently = NKGEO_NS + "Frequently"  # Often and repeatedly, as the source stresses.
    Future = NKGEO_NS + "Future"  # It is planned, aimed at or expected, not yet so.
    governedSeparately = NKGEO_NS + "governedSeparately"  # Whether the subject is administered apart from the rest of its country.
    Growth = NKGEO_NS + "Growth"  # The aspect grows.
    HardToObtain = NKGEO_NS + "HardToObtain"  # Precise data is difficult to get.
    HardToVerify = NKGEO_NS + "HardToVerify"  # What is said cannot easily be checked.
    hasCapital = NKGEO_NS + "hasCapital"  # The object is the seat of government of the subject; the inverse of capital of.
    hasCharacteristic = NKGEO_NS + "hasCharacteristic"  # The subject, a place, has the object, a lasting physical, climatic, urban or cul
    hasClaim = NKGEO_NS + "hasClaim"  # The object is a claim, an n-ary statement, about the subject.
    hasComparison = NKGEO_NS + "hasComparison"  # The object is a comparison of the subject with another place or group.
    hasCondition = NKGEO_NS + "hasCondition"  # The object is a condition of the subject or of its people.
    hasCulturalSite = NKGEO_NS + "hasCulturalSite"  # The object is a cultural site in the subject, such as a museum, a camp or a venu
    hasDataAvailability = NKGEO_NS + "hasDataAvailability"  # The object is a claim about what is known or published about the subject.
    hasFacility = NKGEO_NS + "hasFacility"  # The object is an airport, dam, naval base or other facility in the subject.
    hasIndustry = NKGEO_NS + "hasIndustry"  # The subject, a place, is known for the object, a branch of industry.
    hasInfluence = NKGEO_NS + "hasInfluence"  # The object is a claim about what affects an aspect of the subject.
    hasInstitution = NKGEO_NS + "hasInstitution"  # The object is a university, academy or other institution based in the subject.
    hasLandmark = NKGEO_NS + "hasLandmark"  # The object is a landmark, monument or sacred site that the subject houses.
    hasPort = NKGEO_NS + "hasPort"  # The object is a port or port area that belongs to the subject.
    hasPurpose = NKGEO_NS + "hasPurpose"  # The object is what the subject, a facility, institution, zone, monument or proje
    hasRestriction = NKGEO_NS + "hasRestriction"  # The object is a restriction of access or control that applies in the subject.
    hasRole = NKGEO_NS + "hasRole"  # The subject serves the object, a function such as political centre or border cro
    hasSatellite = NKGEO_NS + "hasSatellite"  # The object is a satellite city of the subject; the inverse of satellite of.
    hasSuperlative = NKGEO_NS + "hasSuperlative"  # The object is a claim that the subject is the most, or one of the most, of its k
    hasTrend = NKGEO_NS + "hasTrend"  # The object is a trend of an aspect of the subject.
    Heading = NKGEO_NS + "Heading"  # A section heading, naming the topic of the sentences below it.
    headquarteredIn = NKGEO_NS + "headquarteredIn"  # The subject, an organisation, has its headquarters or home in the object.
    Hedged = NKGEO_NS + "Hedged"  # The document marks it as a view or a likelihood rather than a fact (a group of m
    High = NKGEO_NS + "High"  # To a high degree: highly, strictly, heavily, greatly, tightly.
    Hinders = NKGEO_NS + "Hinders"  # The cause holds the aspect back.
    HistoricalEvent = NKGEO_NS + "HistoricalEvent"  # Something that happened at a place over a span of time.
    HistoricalPeriod = NKGEO_NS + "HistoricalPeriod"  # A named span of history, such as the period of Japanese rule.
    HistoricalState = NKGEO_NS + "HistoricalState"  # A state or dynasty that no longer exists, such as the Koryo dynasty.
    holdsDuring = NKGEO_NS + "holdsDuring"  # The object, a period or event, is when the triple of the subject, an evidence re
    holdsNow = NKGEO_NS + "holdsNow"  # Whether a triple with the subject, a temporal status, holds at the time of the d
    hosts = NKGEO_NS + "hosts"  # The object, an organisation or institution, is based in the subject; the inverse
    Implied = NKGEO_NS + "Implied"  # The document conveys it by its form rather than a sentence, such as a city's num
    imposedBy = NKGEO_NS + "imposedBy"  # The object, an agent such as a government, imposes the subject, a restriction.
    Improves = NKGEO_NS + "Improves"  # The cause makes the aspect better.
    inDocument = NKGEO_NS + "inDocument"  # The document in which the subject, an evidence record, was found.
    IndustrialCity = NKGEO_NS + "IndustrialCity"  # A city with an industry in the narrow sense: manufacturing, mining or energy pro
    IndustrialSector = NKGEO_NS + "IndustrialSector"  # A branch of the industry scheme that produces goods or energy: manufacturing, mi
    IndustrialZone = NKGEO_NS + "IndustrialZone"  # A special zone set aside for factories, such as an industrial complex or park.
    Industry = NKGEO_NS + "Industry"  # A branch of economic activity, kept as a concept in the industry scheme with bro
    InferenceRecord = NKGEO_NS + "InferenceRecord"  # A record of how certain an inferred triple is: the weakest assertion mode of the
    Influence = NKGEO_NS + "Influence"  # A claim that something affects, shapes or hinders an aspect of a place, such as
    initiatedBy = NKGEO_NS + "initiatedBy"  # The subject, a zone or project, is carried out on the order of the object.
    inMetropolitanAreaOf = NKGEO_NS + "inMetropolitanAreaOf"  # The subject, a settlement, is counted in the metropolitan area of the object, a
    inRegion = NKGEO_NS + "inRegion"  # The subject lies in a named part of a country, such as its north-east or a coast
    institutionIn = NKGEO_NS + "institutionIn"  # The subject is an institution based in the object; the inverse of has institutio
    Intended = NKGEO_NS + "Intended"  # The document reports it as an intention rather than a fact (a group of modes).
    Intermittently = NKGEO_NS + "Intermittently"  # On and off, with interruptions.
    IntermittentlySuspended = NKGEO_NS + "IntermittentlySuspended"  # The zone operates but has often been suspended.
    investmentFrom = NKGEO_NS + "investmentFrom"  # The subject draws investment from the object, a country.
    investmentIn = NKGEO_NS + "investmentIn"  # The subject draws investment into the object, a kind of infrastructure or activi
    jointProjectOf = NKGEO_NS + "jointProjectOf"  # The subject is run jointly by the object and other parties.
    kind = NKGEO_NS + "kind"  # The kind of the subject, a condition or restriction, as a concept of its scheme
    KnowledgeSource = NKGEO_NS + "KnowledgeSource"  # A way outsiders learn about a place: defectors' reports, satellite imagery, exte
    knownThrough = NKGEO_NS + "knownThrough"  # The object, a source of knowledge such as defectors' reports or satellite imager
    Landmark = NKGEO_NS + "Landmark"  # A place known for its history, culture or symbolism: a monument, a historic buil
    landmarkOf = NKGEO_NS + "landmarkOf"  # The subject is a landmark housed by the object; the inverse of has landmark.
    Less = NKGEO_NS + "Less"  # The subject has less of the respect than the other side (for a superlative: the
    likenedTo = NKGEO_NS + "likenedTo"  # A source compares the subject with the object, a better-known example of its kin
    Limited = NKGEO_NS + "Limited"  # To a small degree: limited, some, minimal.
    ListNumbering = NKGEO_NS + "ListNumbering"  # The number of an item in a numbered list under a title that ranks its items, suc
    locatedIn = NKGEO_NS + "locatedIn"  # The subject lies within the object, directly or through intermediate places.
    locatedWithCoreCity = NKGEO_NS + "locatedWithCoreCity"  # The subject, a satellite or a member of a metropolitan area, lies in the places
    MainlyWithinSpan = NKGEO_NS + "MainlyWithinSpan"  # The event happened mostly within the years and possibly beyond them (especially
    ManyParts = NKGEO_NS + "ManyParts"  # Many of its parts, buildings or facilities.
    maxValue = NKGEO_NS + "maxValue"  # The upper bound of a range estimate.
    MetropolitanArea = NKGEO_NS + "MetropolitanArea"  # A city together with the nearby settlements counted with it.
    metropolitanAreaIncludes = NKGEO_NS + "metropolitanAreaIncludes"  # The object is counted in the metropolitan area of the subject; the inverse of pa
    Migration = NKGEO_NS + "Migration"  # A movement of many people into or out of a place over a span of time.
    MilitaryFacility = NKGEO_NS + "MilitaryFacility"  # A facility of the armed forces, such as a naval base or a missile launch site.
    minValue = NKGEO_NS + "minValue"  # The lower bound of a range estimate.
    Modest = NKGEO_NS + "Modest"  # To a moderate degree: modest, some success.
    Monument = NKGEO_NS + "Monument"  # A landmark built to commemorate a person, idea or event.
    More = NKGEO_NS + "More"  # The subject has more of the respect than the other side (for a superlative: the
    MostParts = NKGEO_NS + "MostParts"  # Most of its parts, such as most residential areas.
    Mountain = NKGEO_NS + "Mountain"  # A natural elevation of the land, such as Mount Paektu.
    MuchOfIt = NKGEO_NS + "MuchOfIt"  # Much or the greater part of the place.
    namedAfter = NKGEO_NS + "namedAfter"  # The subject's name honours the object.
    NationalCapital = NKGEO_NS + "NationalCapital"  # A city that is the capital of a country.
    near = NKGEO_NS + "near"  # The subject lies close to the object.
    nearBorderWith = NKGEO_NS + "nearBorderWith"  # The subject lies at or near the border with the object, a country.
    Negated = NKGEO_NS + "Negated"  # The document denies it, or denies that it follows.
    newName = NKGEO_NS + "newName"  # The name a renaming gave.
    nickname = NKGEO_NS + "nickname"  # An informal name for the subject, such as 'City of Iron'.
    NoClaim = NKGEO_NS + "NoClaim"  # A sentence that makes no claim about a place, province, industry, institution or
    northeastOf = NKGEO_NS + "northeastOf"  # The subject lies to the north-east of the object; the inverse of south-west of.
    NotRegularlyPublished = NKGEO_NS + "NotRegularlyPublished"  # The state does not publish the data on a regular basis.
    Occasionally = NKGEO_NS + "Occasionally"  # Now and then, not often.
    Often = NKGEO_NS + "Often"  # Many times, but not always.
    oldName = NKGEO_NS + "oldName"  # The name a renaming replaced.
    onCoast = NKGEO_NS + "onCoast"  # The subject lies on the object, a coast of a country.
    oneAmongSeveral = NKGEO_NS + "oneAmongSeveral"  # Whether the subject, a superlative, says one of the most (true) rather than the
    onRiver = NKGEO_NS + "onRiver"  # The subject lies on the banks of the object, a river.
    Operating = NKGEO_NS + "Operating"  # The zone is established and in use.
    Organization = NKGEO_NS + "Organization"  # A group of people with a purpose and a name: a party, a navy, an agency.
    origin = NKGEO_NS + "origin"  # The object is a place, or kind of place, that the subject, a migration, came fro
    participant = NKGEO_NS + "participant"  # The object, a country or people, took part in the subject, an event.
    Passage = NKGEO_NS + "Passage"  # A span of characters of a source document, such as one sentence, one heading or
    passageOf = NKGEO_NS + "passageOf"  # The object is the document that the subject, a passage, is part of.
    Past = NKGEO_NS + "Past"  # It happened in the past and is over: an event, a change that ended.
    Person = NKGEO_NS + "Person"  # A human being named or described by a source.
    Place = NKGEO_NS + "Place"  # A part of the earth's surface with a name: a settlement, an administrative area,
    PlaceGroup = NKGEO_NS + "PlaceGroup"  # A set of places a source speaks of as a whole, such as the other cities of a cou
    Planned = NKGEO_NS + "Planned"  # The zone is part of a plan but not yet in operation.
    PointEstimate = NKGEO_NS + "PointEstimate"  # An estimate that gives one value.
    populationEstimate = NKGEO_NS + "populationEstimate"  # The object is a claim about the population of the subject.
    PopulationEstimate = NKGEO_NS + "PopulationEstimate"  # A claim about how many people live in a place: a point value, a range or a compa
    populationIncludes = NKGEO_NS + "populationIncludes"  # The object, a group of people, is part of the population of the subject, a place
    populationRank = NKGEO_NS + "populationRank"  # The object is a claim about the rank of the subject by population within a scope
    PopulationRanking = NKGEO_NS + "PopulationRanking"  # A claim that a place holds a given rank by population within a scope, such as se
    populationValue = NKGEO_NS + "populationValue"  # The single number of people a point estimate gives.
    Port = NKGEO_NS + "Port"  # A facility where ships load and unload, or a port area of a city.
    PortCity = NKGEO_NS + "PortCity"  # A city that has a port or a port area.
    portOf = NKGEO_NS + "portOf"  # The subject is a port or port area of the object; the inverse of has port.
    Possible = NKGEO_NS + "Possible"  # The document says it may be so.
    Projected = NKGEO_NS + "Projected"  # The document reports it as planned or under way, not yet done.
    Province = NKGEO_NS + "Province"  # A first-level administrative division of a country, such as South Hamgyong Provi
    ProvincialCapital = NKGEO_NS + "ProvincialCapital"  # A city that is the capital of a province.
    Purpose = NKGEO_NS + "Purpose"  # What something is for: flood control, training engineers, attracting foreign inv
    qualifier = NKGEO_NS + "qualifier"  # How the source hedges or attributes the claim, such as 'external estimates' or '
    RangeEstimate = NKGEO_NS + "RangeEstimate"  # An estimate that gives a lower and an upper bound.
    rank = NKGEO_NS + "rank"  # The position of a place in a ranking, 1 being the largest.
    rankedWithin = NKGEO_NS + "rankedWithin"  # The subject is ranked by population among the places of the object.
    rankScope = NKGEO_NS + "rankScope"  # The place within which a ranking compares cities, such as a country or one of it
    RapidGrowth = NKGEO_NS + "RapidGrowth"  # The aspect grows fast: a boom.
    rebuiltPlace = NKGEO_NS + "rebuiltPlace"  # The object is the place that the subject, a reconstruction, rebuilt.
    rebuiltThrough = NKGEO_NS + "rebuiltThrough"  # The object is a reconstruction that rebuilt the subject; the inverse of rebuilt
    rebuiltWithHelpOf = NKGEO_NS + "rebuiltWithHelpOf"  # The subject, a reconstruction, was carried out with aid from the object.
    Recent = NKGEO_NS + "Recent"  # It began or happened in recent years and holds now.
    Reconstruction = NKGEO_NS + "Reconstruction"  # The rebuilding of a place after it was destroyed.
    referenceYear = NKGEO_NS + "referenceYear"  # The year a population estimate refers to, when the source gives one.
    Region = NKGEO_NS + "Region"  # A named part of a country without an administration of its own, such as the nort
    Regularly = NKGEO_NS + "Regularly"  # At regular intervals, as a habit.
    Relative = NKGEO_NS + "Relative"  # So in comparison with others rather than absolutely: relatively.
    RelativeEstimate = NKGEO_NS + "RelativeEstimate"  # An estimate that gives no number, only that the population is higher than anothe
    RelativeToDocument = NKGEO_NS + "RelativeToDocument"  # The period is given relative to when the document was written (over the past two
    renamedPlace = NKGEO_NS + "renamedPlace"  # The object is the place whose name the subject, a renaming, changed.
    renamedThrough = NKGEO_NS + "renamedThrough"  # The object is a renaming that changed the name of the subject; the inverse of re
    Renaming = NKGEO_NS + "Renaming"  # The change of a place's name from a former name to a new one.
    Reported = NKGEO_NS + "Reported"  # The document relays it from reports: defectors, foreign media, unnamed reports.
    Restriction = NKGEO_NS + "Restriction"  # A claim about access and control: who may go where, what the state controls or l
    RestrictionKind = NKGEO_NS + "RestrictionKind"  # A kind of restriction of access or control: closed to visitors, authorisation re
    River = NKGEO_NS + "River"  # A natural stream of water flowing to a sea or another river.
    rule = NKGEO_NS + "rule"  # The name of the OWL 2 RL rule (such as cax-sco) that derived the triple of the s
    SatelliteCity = NKGEO_NS + "SatelliteCity"  # A city that is a satellite of another city.
    satelliteOf = NKGEO_NS + "satelliteOf"  # The subject is a satellite city that depends on and serves the object, a larger
    Scarce = NKGEO_NS + "Scarce"  # Little of the data exists or is available.
    Sea = NKGEO_NS + "Sea"  # A large body of salt water, such as the Sea of Japan or the Yellow Sea.
    Settlement = NKGEO_NS + "Settlement"  # A place where people live permanently: a city, town or village.
    Shapes = NKGEO_NS + "Shapes"  # The cause gives the aspect its form.
    Similar = NKGEO_NS + "Similar"  # The subject is like the other side in the respect.
    Since = NKGEO_NS + "Since"  # It began in the past and still holds: has long been, historically has been, has
    siteAssociatedWith = NKGEO_NS + "siteAssociatedWith"  # The object is a place known for or giving access to the subject, a site it does
    SomeParts = NKGEO_NS + "SomeParts"  # Some parts or districts of the place.
    SourceDocument = NKGEO_NS + "SourceDocument"  # A text from which claims of the graph are taken, described by its title, content
    southwestOf = NKGEO_NS + "southwestOf"  # The subject lies to the south-west of the object.
    SpecialAdministrativeRegion = NKGEO_NS + "SpecialAdministrativeRegion"  # A special zone governed apart from the rest of the country.
    SpecialEconomicZone = NKGEO_NS + "SpecialEconomicZone"  # A special zone with its own economic rules, meant to draw foreign investment or
    SpecialZone = NKGEO_NS + "SpecialZone"  # An area under economic or administrative rules of its own, existing or planned.
    Speculated = NKGEO_NS + "Speculated"  # The document relays it as others' speculation.
    Stability = NKGEO_NS + "Stability"  # The aspect stays about the same.
    Stalled = NKGEO_NS + "Stalled"  # The plan for the zone has largely come to a halt.
    startOffset = NKGEO_NS + "startOffset"  # The offset, in characters from 0, of the first character of the supporting sente
    startYear = NKGEO_NS + "startYear"  # The first year of the time span a source gives for the subject; nkgeo:timeQualif
    Stated = NKGEO_NS + "Stated"  # The document states it as fact, in its own voice.
    SteelTown = NKGEO_NS + "SteelTown"  # A city with a steel industry.
    StifledGrowth = NKGEO_NS + "StifledGrowth"  # The aspect could grow but is held back.
    Superlative = NKGEO_NS + "Superlative"  # A claim that a place is the most, or one of the most, of its kind in some respec
    TemporalStatus = NKGEO_NS + "TemporalStatus"  # When, by the document, a triple holds: now, since the past, recently, formerly,
    temporalStatus = NKGEO_NS + "temporalStatus"  # When the triple of the subject, an evidence record, holds by the document: now,
    TemporalStatuses = NKGEO_NS + "TemporalStatuses"  # When, by the document, a triple holds, each saying whether it holds now.
    TextualForm = NKGEO_NS + "TextualForm"  # A form in which a document conveys a statement without a sentence saying it, suc
    TextualForms = NKGEO_NS + "TextualForms"  # Forms in which a document conveys a statement without a sentence saying it.
    Thought = NKGEO_NS + "Thought"  # The document gives it as what is thought.
    TimeQualifier = NKGEO_NS + "TimeQualifier"  # How the years given for an event or claim bound it.
    timeQualifier = NKGEO_NS + "timeQualifier"  # How the years and period given for the subject bound it: the exact span, somewhe
    TimeQualifiers = NKGEO_NS + "TimeQualifiers"  # How the years given for an event or claim bound it.
    timeSpanLabel = NKGEO_NS + "timeSpanLabel"  # The time span as the source words it, such as '1990s' or 'mid-20th century', kep
    Title = NKGEO_NS + "Title"  # The title of the document, naming its subject.
    TourismZone = NKGEO_NS + "TourismZone"  # A special zone developed for tourism.
    Town = NKGEO_NS + "Town"  # A settlement smaller than a city.
    Trend = NKGEO_NS + "Trend"  # A claim that an aspect of a place changed or stayed the same over a period, such
    TrendDirection = NKGEO_NS + "TrendDirection"  # Which way a trend goes: growth, rapid growth, decline, stability or stifled grow
    TrendDirections = NKGEO_NS + "TrendDirections"  # Which way a trend goes.
    Typically = NKGEO_NS + "Typically"  # As a rule, in most cases.
    UnderDevelopment = NKGEO_NS + "UnderDevelopment"  # The zone is being built up.
    Understood = NKGEO_NS + "Understood"  # The document gives it as what is understood or generally accepted.
    University = NKGEO_NS + "University"  # An educational institution that grants degrees and does research.
    unless = NKGEO_NS + "unless"  # The subject, a claim about the future, holds only if the object, a change such a
    Unlikely = NKGEO_NS + "Unlikely"  # The document says it is unlikely.
    UrbanRole = NKGEO_NS + "UrbanRole"  # A function a place serves for its country, such as political centre, border cros
    War = NKGEO_NS + "War"  # An armed conflict between states or peoples.
    WaterBody = NKGEO_NS + "WaterBody"  # A river, sea or other natural body of water.
    withinScope = NKGEO_NS + "withinScope"  # The object is the place within which the subject, a superlative, compares places
    WithinSpan = NKGEO_NS + "WithinSpan"  # The event happened at some time within the years, not necessarily throughout (in
    ZoneFounding = NKGEO_NS + "ZoneFounding"  # The establishment of a special zone.
    zoneStatus = NKGEO_NS + "zoneStatus"  # The state of the subject, a special zone: planned, stalled, under development, o
    ZoneStatus = NKGEO_NS + "ZoneStatus"  # The state of a special zone: planned, stalled, under development, operating or s
    ZoneStatuses = NKGEO_NS + "ZoneStatuses"  # The states a special zone can be in.


class RDF:
    """Every term of RDF (``http://www.w3.org/1999/02/22-rdf-syntax-ns#``), as full IRIs."""

    _NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    Alt = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Alt"
    Bag = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Bag"
    CompoundLiteral = "http://www.w3.org/1999/02/22-rdf-syntax-ns#CompoundLiteral"
    direction = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction"
    first = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
    HTML = "http://www.w3.org/1999/02/22-rdf-syntax-ns#HTML"
    JSON = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
    langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    language = "http://www.w3.org/1999/02/22-rdf-syntax-ns#language"
    List = "http://www.w3.org/1999/02/22-rdf-syntax-ns#List"
    nil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
    object = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
    PlainLiteral = "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral"
    predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
    Property = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property"
    rest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
    Seq = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Seq"
    Statement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
    subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
    type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    value = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"
    XMLLiteral = "http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral"


class RDFS:
    """Every term of RDF Schema (``http://www.w3.org/2000/01/rdf-schema#``), as full IRIs."""

    _NS = "http://www.w3.org/2000/01/rdf-schema#"
    Class = "http://www.w3.org/2000/01/rdf-schema#Class"
    comment = "http://www.w3.org/2000/01/rdf-schema#comment"
    Container = "http://www.w3.org/2000/01/rdf-schema#Container"
    ContainerMembershipProperty = "http://www.w3.org/2000/01/rdf-schema#ContainerMembershipProperty"
    Datatype = "http://www.w3.org/2000/01/rdf-schema#Datatype"
    domain = "http://www.w3.org/2000/01/rdf-schema#domain"
    isDefinedBy = "http://www.w3.org/2000/01/rdf-schema#isDefinedBy"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    Literal = "http://www.w3.org/2000/01/rdf-schema#Literal"
    member = "http://www.w3.org/2000/01/rdf-schema#member"
    range = "http://www.w3.org/2000/01/rdf-schema#range"
    Resource = "http://www.w3.org/2000/01/rdf-schema#Resource"
    seeAlso = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
    subClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
    subPropertyOf = "http://www.w3.org/2000/01/rdf-schema#subPropertyOf"


class OWL:
    """Every term of OWL 2 (``http://www.w3.org/2002/07/owl#``), as full IRIs."""

    _NS = "http://www.w3.org/2002/07/owl#"
    AllDifferent = "http://www.w3.org/2002/07/owl#AllDifferent"
    AllDisjointClasses = "http://www.w3.org/2002/07/owl#AllDisjointClasses"
    AllDisjointProperties = "http://www.w3.org/2002/07/owl#AllDisjointProperties"
    allValuesFrom = "http://www.w3.org/2002/07/owl#allValuesFrom"
    annotatedProperty = "http://www.w3.org/2002/07/owl#annotatedProperty"
    annotatedSource = "http://www.w3.org/2002/07/owl#annotatedSource"
    annotatedTarget = "http://www.w3.org/2002/07/owl#annotatedTarget"
    Annotation = "http://www.w3.org/2002/07/owl#Annotation"
    AnnotationProperty = "http://www.w3.org/2002/07/owl#AnnotationProperty"
    assertionProperty = "http://www.w3.org/2002/07/owl#assertionProperty"
    AsymmetricProperty = "http://www.w3.org/2002/07/owl#AsymmetricProperty"
    Axiom = "http://www.w3.org/2002/07/owl#Axiom"
    backwardCompatibleWith = "http://www.w3.org/2002/07/owl#backwardCompatibleWith"
    bottomDataProperty = "http://www.w3.org/2002/07/owl#bottomDataProperty"
    bottomObjectProperty = "http://www.w3.org/2002/07/owl#bottomObjectProperty"
    cardinality = "http://www.w3.org/2002/07/owl#cardinality"
    Class = "http://www.w3.org/2002/07/owl#Class"
    complementOf = "http://www.w3.org/2002/07/owl#complementOf"
    DataRange = "http://www.w3.org/2002/07/owl#DataRange"
    datatypeComplementOf = "http://www.w3.org/2002/07/owl#datatypeComplementOf"
    DatatypeProperty = "http://www.w3.org/2002/07/owl#DatatypeProperty"
    deprecated = "http://www.w3.org/2002/07/owl#deprecated"
    DeprecatedClass = "http://www.w3.org/2002/07/owl#DeprecatedClass"
    DeprecatedProperty = "http://www.w3.org/2002/07/owl#DeprecatedProperty"
    differentFrom = "http://www.w3.org/2002/07/owl#differentFrom"
    disjointUnionOf = "http://www.w3.org/2002/07/owl#disjointUnionOf"
    disjointWith = "http://www.w3.org/2002/07/owl#disjointWith"
    distinctMembers = "http://www.w3.org/2002/07/owl#distinctMembers"
    equivalentClass = "http://www.w3.org/2002/07/owl#equivalentClass"
    equivalentProperty = "http://www.w3.org/2002/07/owl#equivalentProperty"
    FunctionalProperty = "http://www.w3.org/2002/07/owl#FunctionalProperty"
    hasKey = "http://www.w3.org/2002/07/owl#hasKey"
    hasSelf = "http://www.w3.org/2002/07/owl#hasSelf"
    hasValue = "http://www.w3.org/2002/07/owl#hasValue"
    imports = "http://www.w3.org/2002/07/owl#imports"
    incompatibleWith = "http://www.w3.org/2002/07/owl#incompatibleWith"
    intersectionOf = "http://www.w3.org/2002/07/owl#intersectionOf"
    InverseFunctionalProperty = "http://www.w3.org/2002/07/owl#InverseFunctionalProperty"
    inverseOf = "http://www.w3.org/2002/07/owl#inverseOf"
    IrreflexiveProperty = "http://www.w3.org/2002/07/owl#IrreflexiveProperty"
    maxCardinality = "http://www.w3.org/2002/07/owl#maxCardinality"
    maxQualifiedCardinality = "http://www.w3.org/2002/07/owl#maxQualifiedCardinality"
    members = "http://www.w3.org/2002/07/owl#members"
    minCardinality = "http://www.w3.org/2002/07/owl#minCardinality"
    minQualifiedCardinality = "http://www.w3.org/2002/07/owl#minQualifiedCardinality"
    NamedIndividual = "http://www.w3.org/2002/07/owl#NamedIndividual"
    NegativePropertyAssertion = "http://www.w3.org/2002/07/owl#NegativePropertyAssertion"
    Nothing = "http://www.w3.org/2002/07/owl#Nothing"
    ObjectProperty = "http://www.w3.org/2002/07/owl#ObjectProperty"
    onClass = "http://www.w3.org/2002/07/owl#onClass"
    onDataRange = "http://www.w3.org/2002/07/owl#onDataRange"
    onDatatype = "http://www.w3.org/2002/07/owl#onDatatype"
    oneOf = "http://www.w3.org/2002/07/owl#oneOf"
    onProperties = "http://www.w3.org/2002/07/owl#onProperties"
    onProperty = "http://www.w3.org/2002/07/owl#onProperty"
    Ontology = "http://www.w3.org/2002/07/owl#Ontology"
    OntologyProperty = "http://www.w3.org/2002/07/owl#OntologyProperty"
    priorVersion = "http://www.w3.org/2002/07/owl#priorVersion"
    propertyChainAxiom = "http://www.w3.org/2002/07/owl#propertyChainAxiom"
    propertyDisjointWith = "http://www.w3.org/2002/07/owl#propertyDisjointWith"
    qualifiedCardinality = "http://www.w3.org/2002/07/owl#qualifiedCardinality"
    rational = "http://www.w3.org/2002/07/owl#rational"
    real = "http://www.w3.org/2002/07/owl#real"
    ReflexiveProperty = "http://www.w3.org/2002/07/owl#ReflexiveProperty"
    Restriction = "http://www.w3.org/2002/07/owl#Restriction"
    sameAs = "http://www.w3.org/2002/07/owl#sameAs"
    someValuesFrom = "http://www.w3.org/2002/07/owl#someValuesFrom"
    sourceIndividual = "http://www.w3.org/2002/07/owl#sourceIndividual"
    SymmetricProperty = "http://www.w3.org/2002/07/owl#SymmetricProperty"
    targetIndividual = "http://www.w3.org/2002/07/owl#targetIndividual"
    targetValue = "http://www.w3.org/2002/07/owl#targetValue"
    Thing = "http://www.w3.org/2002/07/owl#Thing"
    topDataProperty = "http://www.w3.org/2002/07/owl#topDataProperty"
    topObjectProperty = "http://www.w3.org/2002/07/owl#topObjectProperty"
    TransitiveProperty = "http://www.w3.org/2002/07/owl#TransitiveProperty"
    unionOf = "http://www.w3.org/2002/07/owl#unionOf"
    versionInfo = "http://www.w3.org/2002/07/owl#versionInfo"
    versionIRI = "http://www.w3.org/2002/07/owl#versionIRI"
    withRestrictions = "http://www.w3.org/2002/07/owl#withRestrictions"


class XSD:
    """Every term of XML Schema datatypes (``http://www.w3.org/2001/XMLSchema#``), as full IRIs."""

    _NS = "http://www.w3.org/2001/XMLSchema#"
    anyURI = "http://www.w3.org/2001/XMLSchema#anyURI"
    Assertions = "http://www.w3.org/2001/XMLSchema#Assertions"
    base64Binary = "http://www.w3.org/2001/XMLSchema#base64Binary"
    boolean = "http://www.w3.org/2001/XMLSchema#boolean"
    bounded = "http://www.w3.org/2001/XMLSchema#bounded"
    byte = "http://www.w3.org/2001/XMLSchema#byte"
    cardinality = "http://www.w3.org/2001/XMLSchema#cardinality"
    date = "http://www.w3.org/2001/XMLSchema#date"
    dateTime = "http://www.w3.org/2001/XMLSchema#dateTime"
    dateTimeStamp = "http://www.w3.org/2001/XMLSchema#dateTimeStamp"
    day = "http://www.w3.org/2001/XMLSchema#day"
    dayTimeDuration = "http://www.w3.org/2001/XMLSchema#dayTimeDuration"
    decimal = "http://www.w3.org/2001/XMLSchema#decimal"
    double = "http://www.w3.org/2001/XMLSchema#double"
    duration = "http://www.w3.org/2001/XMLSchema#duration"
    ENTITIES = "http://www.w3.org/2001/XMLSchema#ENTITIES"
    ENTITY = "http://www.w3.org/2001/XMLSchema#ENTITY"
    enumeration = "http://www.w3.org/2001/XMLSchema#enumeration"
    explicitTimezone = "http://www.w3.org/2001/XMLSchema#explicitTimezone"
    float = "http://www.w3.org/2001/XMLSchema#float"
    fractionDigits = "http://www.w3.org/2001/XMLSchema#fractionDigits"
    gDay = "http://www.w3.org/2001/XMLSchema#gDay"
    gMonth = "http://www.w3.org/2001/XMLSchema#gMonth"
    gMonthDay = "http://www.w3.org/2001/XMLSchema#gMonthDay"
    gYear = "http://www.w3.org/2001/XMLSchema#gYear"
    gYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth"
    hexBinary = "http://www.w3.org/2001/XMLSchema#hexBinary"
    hour = "http://www.w3.org/2001/XMLSchema#hour"
    ID = "http://www.w3.org/2001/XMLSchema#ID"
    IDREF = "http://www.w3.org/2001/XMLSchema#IDREF"
    IDREFS = "http://www.w3.org/2001/XMLSchema#IDREFS"
    int = "http://www.w3.org/2001/XMLSchema#int"
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    language = "http://www.w3.org/2001/XMLSchema#language"
    length = "http://www.w3.org/2001/XMLSchema#length"
    long = "http://www.w3.org/2001/XMLSchema#long"
    maxExclusive = "http://www.w3.org/2001/XMLSchema#maxExclusive"
    maxInclusive = "http://www.w3.org/2001/XMLSchema#maxInclusive"
    maxLength = "http://www.w3.org/2001/XMLSchema#maxLength"
    minExclusive = "http://www.w3.org/2001/XMLSchema#minExclusive"
    minInclusive = "http://www.w3.org/2001/XMLSchema#minInclusive"
    minLength = "http://www.w3.org/2001/XMLSchema#minLength"
    minute = "http://www.w3.org/2001/XMLSchema#minute"
    month = "http://www.w3.org/2001/XMLSchema#month"
    Name = "http://www.w3.org/2001/XMLSchema#Name"
    NCName = "http://www.w3.org/2001/XMLSchema#NCName"
    negativeInteger = "http://www.w3.org/2001/XMLSchema#negativeInteger"
    NMTOKEN = "http://www.w3.org/2001/XMLSchema#NMTOKEN"
    NMTOKENS = "http://www.w3.org/2001/XMLSchema#NMTOKENS"
    nonNegativeInteger = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    nonPositiveInteger = "http://www.w3.org/2001/XMLSchema#nonPositiveInteger"
    normalizedString = "http://www.w3.org/2001/XMLSchema#normalizedString"
    NOTATION = "http://www.w3.org/2001/XMLSchema#NOTATION"
    numeric = "http://www.w3.org/2001/XMLSchema#numeric"
    ordered = "http://www.w3.org/2001/XMLSchema#ordered"
    pattern = "http://www.w3.org/2001/XMLSchema#pattern"
    positiveInteger = "http://www.w3.org/2001/XMLSchema#positiveInteger"
    QName = "http://www.w3.org/2001/XMLSchema#QName"
    second = "http://www.w3.org/2001/XMLSchema#second"
    short = "http://www.w3.org/2001/XMLSchema#short"
    string = "http://www.w3.org/2001/XMLSchema#string"
    time = "http://www.w3.org/2001/XMLSchema#time"
    timezoneOffset = "http://www.w3.org/2001/XMLSchema#timezoneOffset"
    token = "http://www.w3.org/2001/XMLSchema#token"
    totalDigits = "http://www.w3.org/2001/XMLSchema#totalDigits"
    unsignedByte = "http://www.w3.org/2001/XMLSchema#unsignedByte"
    unsignedInt = "http://www.w3.org/2001/XMLSchema#unsignedInt"
    unsignedLong = "http://www.w3.org/2001/XMLSchema#unsignedLong"
    unsignedShort = "http://www.w3.org/2001/XMLSchema#unsignedShort"
    whiteSpace = "http://www.w3.org/2001/XMLSchema#whiteSpace"
    year = "http://www.w3.org/2001/XMLSchema#year"
    yearMonthDuration = "http://www.w3.org/2001/XMLSchema#yearMonthDuration"


class SKOS:
    """Every term of SKOS (``http://www.w3.org/2004/02/skos/core#``), as full IRIs."""

    _NS = "http://www.w3.org/2004/02/skos/core#"
    altLabel = "http://www.w3.org/2004/02/skos/core#altLabel"
    broader = "http://www.w3.org/2004/02/skos/core#broader"
    broaderTransitive = "http://www.w3.org/2004/02/skos/core#broaderTransitive"
    broadMatch = "http://www.w3.org/2004/02/skos/core#broadMatch"
    changeNote = "http://www.w3.org/2004/02/skos/core#changeNote"
    closeMatch = "http://www.w3.org/2004/02/skos/core#closeMatch"
    Collection = "http://www.w3.org/2004/02/skos/core#Collection"
    Concept = "http://www.w3.org/2004/02/skos/core#Concept"
    ConceptScheme = "http://www.w3.org/2004/02/skos/core#ConceptScheme"
    definition = "http://www.w3.org/2004/02/skos/core#definition"
    editorialNote = "http://www.w3.org/2004/02/skos/core#editorialNote"
    exactMatch = "http://www.w3.org/2004/02/skos/core#exactMatch"
    example = "http://www.w3.org/2004/02/skos/core#example"
    hasTopConcept = "http://www.w3.org/2004/02/skos/core#hasTopConcept"
    hiddenLabel = "http://www.w3.org/2004/02/skos/core#hiddenLabel"
    historyNote = "http://www.w3.org/2004/02/skos/core#historyNote"
    inScheme = "http://www.w3.org/2004/02/skos/core#inScheme"
    mappingRelation = "http://www.w3.org/2004/02/skos/core#mappingRelation"
    member = "http://www.w3.org/2004/02/skos/core#member"
    memberList = "http://www.w3.org/2004/02/skos/core#memberList"
    narrower = "http://www.w3.org/2004/02/skos/core#narrower"
    narrowerTransitive = "http://www.w3.org/2004/02/skos/core#narrowerTransitive"
    narrowMatch = "http://www.w3.org/2004/02/skos/core#narrowMatch"
    notation = "http://www.w3.org/2004/02/skos/core#notation"
    note = "http://www.w3.org/2004/02/skos/core#note"
    OrderedCollection = "http://www.w3.org/2004/02/skos/core#OrderedCollection"
    prefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel"
    related = "http://www.w3.org/2004/02/skos/core#related"
    relatedMatch = "http://www.w3.org/2004/02/skos/core#relatedMatch"
    scopeNote = "http://www.w3.org/2004/02/skos/core#scopeNote"
    semanticRelation = "http://www.w3.org/2004/02/skos/core#semanticRelation"
    topConceptOf = "http://www.w3.org/2004/02/skos/core#topConceptOf"


class DCTERMS:
    """Every term of DCMI Metadata Terms (``http://purl.org/dc/terms/``), as full IRIs."""

    _NS = "http://purl.org/dc/terms/"
    abstract = "http://purl.org/dc/terms/abstract"
    accessRights = "http://purl.org/dc/terms/accessRights"
    accrualMethod = "http://purl.org/dc/terms/accrualMethod"
    accrualPeriodicity = "http://purl.org/dc/terms/accrualPeriodicity"
    accrualPolicy = "http://purl.org/dc/terms/accrualPolicy"
    Agent = "http://purl.org/dc/terms/Agent"
    AgentClass = "http://purl.org/dc/terms/AgentClass"
    alternative = "http://purl.org/dc/terms/alternative"
    audience = "http://purl.org/dc/terms/audience"
    available = "http://purl.org/dc/terms/available"
    bibliographicCitation = "http://purl.org/dc/terms/bibliographicCitation"
    BibliographicResource = "http://purl.org/dc/terms/BibliographicResource"
    Box = "http://purl.org/dc/terms/Box"
    conformsTo = "http://purl.org/dc/terms/conformsTo"
    contributor = "http://purl.org/dc/terms/contributor"
    coverage = "http://purl.org/dc/terms/coverage"
    created = "http://purl.org/dc/terms/created"
    creator = "http://purl.org/dc/terms/creator"
    date = "http://purl.org/dc/terms/date"
    dateAccepted = "http://purl.org/dc/terms/dateAccepted"
    dateCopyrighted = "http://purl.org/dc/terms/dateCopyrighted"
    dateSubmitted = "http://purl.org/dc/terms/dateSubmitted"
    DCMIType = "http://purl.org/dc/terms/DCMIType"
    DDC = "http://purl.org/dc/terms/DDC"
    description = "http://purl.org/dc/terms/description"
    educationLevel = "http://purl.org/dc/terms/educationLevel"
    extent = "http://purl.org/dc/terms/extent"
    FileFormat = "http://purl.org/dc/terms/FileFormat"
    format = "http://purl.org/dc/terms/format"
    Frequency = "http://purl.org/dc/terms/Frequency"
    hasFormat = "http://purl.org/dc/terms/hasFormat"
    hasPart = "http://purl.org/dc/terms/hasPart"
    hasVersion = "http://purl.org/dc/terms/hasVersion"
    identifier = "http://purl.org/dc/terms/identifier"
    IMT = "http://purl.org/dc/terms/IMT"
    instructionalMethod = "http://purl.org/dc/terms/instructionalMethod"
    isFormatOf = "http://purl.org/dc/terms/isFormatOf"
    ISO3166 = "http://purl.org/dc/terms/ISO3166"
    isPartOf = "http://purl.org/dc/terms/isPartOf"
    isReferencedBy = "http://purl.org/dc/terms/isReferencedBy"
    isReplacedBy = "http://purl.org/dc/terms/isReplacedBy"
    isRequiredBy = "http://purl.org/dc/terms/isRequiredBy"
    issued = "http://purl.org/dc/terms/issued"
    isVersionOf = "http://purl.org/dc/terms/isVersionOf"
    Jurisdiction = "http://purl.org/dc/terms/Jurisdiction"
    language = "http://purl.org/dc/terms/language"
    LCC = "http://purl.org/dc/terms/LCC"
    LCSH = "http://purl.org/dc/terms/LCSH"
    license = "http://purl.org/dc/terms/license"
    LicenseDocument = "http://purl.org/dc/terms/LicenseDocument"
    LinguisticSystem = "http://purl.org/dc/terms/LinguisticSystem"
    Location = "http://purl.org/dc/terms/Location"
    LocationPeriodOrJurisdiction = "http://purl.org/dc/terms/LocationPeriodOrJurisdiction"
    mediator = "http://purl.org/dc/terms/mediator"
    MediaType = "http://purl.org/dc/terms/MediaType"
    MediaTypeOrExtent = "http://purl.org/dc/terms/MediaTypeOrExtent"
    medium = "http://purl.org/dc/terms/medium"
    MESH = "http://purl.org/dc/terms/MESH"
    MethodOfAccrual = "http://purl.org/dc/terms/MethodOfAccrual"
    MethodOfInstruction = "http://purl.org/dc/terms/MethodOfInstruction"
    modified = "http://purl.org/dc/terms/modified"
    NLM = "http://purl.org/dc/terms/NLM"
    Period = "http://purl.org/dc/terms/Period"
    PeriodOfTime = "http://purl.org/dc/terms/PeriodOfTime"
    PhysicalMedium = "http://purl.org/dc/terms/PhysicalMedium"
    PhysicalResource = "http://purl.org/dc/terms/PhysicalResource"
    Point = "http://purl.org/dc/terms/Point"
    Policy = "http://purl.org/dc/terms/Policy"
    provenance = "http://purl.org/dc/terms/provenance"
    ProvenanceStatement = "http://purl.org/dc/terms/ProvenanceStatement"
    publisher = "http://purl.org/dc/terms/publisher"
    references = "http://purl.org/dc/terms/references"
    relation = "http://purl.org/dc/terms/relation"
    replaces = "http://purl.org/dc/terms/replaces"
    requires = "http://purl.org/dc/terms/requires"
    RFC1766 = "http://purl.org/dc/terms/RFC1766"
    RFC3066 = "http://purl.org/dc/terms/RFC3066"
    RFC4646 = "http://purl.org/dc/terms/RFC4646"
    RFC5646 = "http://purl.org/dc/terms/RFC5646"
    rights = "http://purl.org/dc/terms/rights"
    rightsHolder = "http://purl.org/dc/terms/rightsHolder"
    RightsStatement = "http://purl.org/dc/terms/RightsStatement"
    SizeOrDuration = "http://purl.org/dc/terms/SizeOrDuration"
    source = "http://purl.org/dc/terms/source"
    spatial = "http://purl.org/dc/terms/spatial"
    Standard = "http://purl.org/dc/terms/Standard"
    subject = "http://purl.org/dc/terms/subject"
    tableOfContents = "http://purl.org/dc/terms/tableOfContents"
    temporal = "http://purl.org/dc/terms/temporal"
    TGN = "http://purl.org/dc/terms/TGN"
    title = "http://purl.org/dc/terms/title"
    type = "http://purl.org/dc/terms/type"
    UDC = "http://purl.org/dc/terms/UDC"
    URI = "http://purl.org/dc/terms/URI"
    valid = "http://purl.org/dc/terms/valid"
    W3CDTF = "http://purl.org/dc/terms/W3CDTF"


class PROV:
    """Every term of PROV-O (``http://www.w3.org/ns/prov#``), as full IRIs."""

    _NS = "http://www.w3.org/ns/prov#"
    Accept = "http://www.w3.org/ns/prov#Accept"
    actedOnBehalfOf = "http://www.w3.org/ns/prov#actedOnBehalfOf"
    Activity = "http://www.w3.org/ns/prov#Activity"
    activity = "http://www.w3.org/ns/prov#activity"
    ActivityInfluence = "http://www.w3.org/ns/prov#ActivityInfluence"
    activityOfInfluence = "http://www.w3.org/ns/prov#activityOfInfluence"
    Agent = "http://www.w3.org/ns/prov#Agent"
    agent = "http://www.w3.org/ns/prov#agent"
    AgentInfluence = "http://www.w3.org/ns/prov#AgentInfluence"
    agentOfInfluence = "http://www.w3.org/ns/prov#agentOfInfluence"
    alternateOf = "http://www.w3.org/ns/prov#alternateOf"
    aq = "http://www.w3.org/ns/prov#aq"
    asInBundle = "http://www.w3.org/ns/prov#asInBundle"
    Association = "http://www.w3.org/ns/prov#Association"
    atLocation = "http://www.w3.org/ns/prov#atLocation"
    atTime = "http://www.w3.org/ns/prov#atTime"
    Attribution = "http://www.w3.org/ns/prov#Attribution"
    Bundle = "http://www.w3.org/ns/prov#Bundle"
    category = "http://www.w3.org/ns/prov#category"
    Collection = "http://www.w3.org/ns/prov#Collection"
    Communication = "http://www.w3.org/ns/prov#Communication"
    component = "http://www.w3.org/ns/prov#component"
    constraints = "http://www.w3.org/ns/prov#constraints"
    Contribute = "http://www.w3.org/ns/prov#Contribute"
    contributed = "http://www.w3.org/ns/prov#contributed"
    Contributor = "http://www.w3.org/ns/prov#Contributor"
    Copyright = "http://www.w3.org/ns/prov#Copyright"
    Create = "http://www.w3.org/ns/prov#Create"
    Creator = "http://www.w3.org/ns/prov#Creator"
    definition = "http://www.w3.org/ns/prov#definition"
    Delegation = "http://www.w3.org/ns/prov#Delegation"
    Derivation = "http://www.w3.org/ns/prov#Derivation"
    derivedByInsertionFrom = "http://www.w3.org/ns/prov#derivedByInsertionFrom"
    derivedByRemovalFrom = "http://www.w3.org/ns/prov#derivedByRemovalFrom"
    describesService = "http://www.w3.org/ns/prov#describesService"
    Dictionary = "http://www.w3.org/ns/prov#Dictionary"
    dictionary = "http://www.w3.org/ns/prov#dictionary"
    DirectQueryService = "http://www.w3.org/ns/prov#DirectQueryService"
    dm = "http://www.w3.org/ns/prov#dm"
    editorialNote = "http://www.w3.org/ns/prov#editorialNote"
    editorsDefinition = "http://www.w3.org/ns/prov#editorsDefinition"
    EmptyCollection = "http://www.w3.org/ns/prov#EmptyCollection"
    EmptyDictionary = "http://www.w3.org/ns/prov#EmptyDictionary"
    End = "http://www.w3.org/ns/prov#End"
    ended = "http://www.w3.org/ns/prov#ended"
    endedAtTime = "http://www.w3.org/ns/prov#endedAtTime"
    Entity = "http://www.w3.org/ns/prov#Entity"
    entity = "http://www.w3.org/ns/prov#entity"
    EntityInfluence = "http://www.w3.org/ns/prov#EntityInfluence"
    entityOfInfluence = "http://www.w3.org/ns/prov#entityOfInfluence"
    generalizationOf = "http://www.w3.org/ns/prov#generalizationOf"
    generated = "http://www.w3.org/ns/prov#generated"
    generatedAsDerivation = "http://www.w3.org/ns/prov#generatedAsDerivation"
    generatedAtTime = "http://www.w3.org/ns/prov#generatedAtTime"
    Generation = "http://www.w3.org/ns/prov#Generation"
    hadActivity = "http://www.w3.org/ns/prov#hadActivity"
    hadDelegate = "http://www.w3.org/ns/prov#hadDelegate"
    hadDerivation = "http://www.w3.org/ns/prov#hadDerivation"
    hadDictionaryMember = "http://www.w3.org/ns/prov#hadDictionaryMember"
    hadGeneration = "http://www.w3.org/ns/prov#hadGeneration"
    hadInfluence = "http://www.w3.org/ns/prov#hadInfluence"
    hadMember = "http://www.w3.org/ns/prov#hadMember"
    hadPlan = "http://www.w3.org/ns/prov#hadPlan"
    hadPrimarySource = "http://www.w3.org/ns/prov#hadPrimarySource"
    hadRevision = "http://www.w3.org/ns/prov#hadRevision"
    hadRole = "http://www.w3.org/ns/prov#hadRole"
    hadUsage = "http://www.w3.org/ns/prov#hadUsage"
    has_anchor = "http://www.w3.org/ns/prov#has_anchor"
    has_provenance = "http://www.w3.org/ns/prov#has_provenance"
    has_query_service = "http://www.w3.org/ns/prov#has_query_service"
    Influence = "http://www.w3.org/ns/prov#Influence"
    influenced = "http://www.w3.org/ns/prov#influenced"
    influencer = "http://www.w3.org/ns/prov#influencer"
    informed = "http://www.w3.org/ns/prov#informed"
    insertedKeyEntityPair = "http://www.w3.org/ns/prov#insertedKeyEntityPair"
    Insertion = "http://www.w3.org/ns/prov#Insertion"
    InstantaneousEvent = "http://www.w3.org/ns/prov#InstantaneousEvent"
    invalidated = "http://www.w3.org/ns/prov#invalidated"
    invalidatedAtTime = "http://www.w3.org/ns/prov#invalidatedAtTime"
    Invalidation = "http://www.w3.org/ns/prov#Invalidation"
    inverse = "http://www.w3.org/ns/prov#inverse"
    KeyEntityPair = "http://www.w3.org/ns/prov#KeyEntityPair"
    Location = "http://www.w3.org/ns/prov#Location"
    locationOf = "http://www.w3.org/ns/prov#locationOf"
    mentionOf = "http://www.w3.org/ns/prov#mentionOf"
    Modify = "http://www.w3.org/ns/prov#Modify"
    n = "http://www.w3.org/ns/prov#n"
    order = "http://www.w3.org/ns/prov#order"
    Organization = "http://www.w3.org/ns/prov#Organization"
    pairEntity = "http://www.w3.org/ns/prov#pairEntity"
    pairKey = "http://www.w3.org/ns/prov#pairKey"
    Person = "http://www.w3.org/ns/prov#Person"
    pingback = "http://www.w3.org/ns/prov#pingback"
    Plan = "http://www.w3.org/ns/prov#Plan"
    PrimarySource = "http://www.w3.org/ns/prov#PrimarySource"
    provenanceUriTemplate = "http://www.w3.org/ns/prov#provenanceUriTemplate"
    Publish = "http://www.w3.org/ns/prov#Publish"
    Publisher = "http://www.w3.org/ns/prov#Publisher"
    qualifiedAssociation = "http://www.w3.org/ns/prov#qualifiedAssociation"
    qualifiedAssociationOf = "http://www.w3.org/ns/prov#qualifiedAssociationOf"
    qualifiedAttribution = "http://www.w3.org/ns/prov#qualifiedAttribution"
    qualifiedAttributionOf = "http://www.w3.org/ns/prov#qualifiedAttributionOf"
    qualifiedCommunication = "http://www.w3.org/ns/prov#qualifiedCommunication"
    qualifiedCommunicationOf = "http://www.w3.org/ns/prov#qualifiedCommunicationOf"
    qualifiedDelegation = "http://www.w3.org/ns/prov#qualifiedDelegation"
    qualifiedDelegationOf = "http://www.w3.org/ns/prov#qualifiedDelegationOf"
    qualifiedDerivation = "http://www.w3.org/ns/prov#qualifiedDerivation"
    qualifiedDerivationOf = "http://www.w3.org/ns/prov#qualifiedDerivationOf"
    qualifiedEnd = "http://www.w3.org/ns/prov#qualifiedEnd"
    qualifiedEndOf = "http://www.w3.org/ns/prov#qualifiedEndOf"
    qualifiedForm = "http://www.w3.org/ns/prov#qualifiedForm"
    qualifiedGeneration = "http://www.w3.org/ns/prov#qualifiedGeneration"
    qualifiedGenerationOf = "http://www.w3.org/ns/prov#qualifiedGenerationOf"
    qualifiedInfluence = "http://www.w3.org/ns/prov#qualifiedInfluence"
    qualifiedInfluenceOf = "http://www.w3.org/ns/prov#qualifiedInfluenceOf"
    qualifiedInsertion = "http://www.w3.org/ns/prov#qualifiedInsertion"
    qualifiedInvalidation = "http://www.w3.org/ns/prov#qualifiedInvalidation"
    qualifiedInvalidationOf = "http://www.w3.org/ns/prov#qualifiedInvalidationOf"
    qualifiedPrimarySource = "http://www.w3.org/ns/prov#qualifiedPrimarySource"
    qualifiedQuotation = "http://www.w3.org/ns/prov#qualifiedQuotation"
    qualifiedQuotationOf = "http://www.w3.org/ns/prov#qualifiedQuotationOf"
    qualifiedRemoval = "http://www.w3.org/ns/prov#qualifiedRemoval"
    qualifiedRevision = "http://www.w3.org/ns/prov#qualifiedRevision"
    qualifiedSourceOf = "http://www.w3.org/ns/prov#qualifiedSourceOf"
    qualifiedStart = "http://www.w3.org/ns/prov#qualifiedStart"
    qualifiedStartOf = "http://www.w3.org/ns/prov#qualifiedStartOf"
    qualifiedUsage = "http://www.w3.org/ns/prov#qualifiedUsage"
    qualifiedUsingActivity = "http://www.w3.org/ns/prov#qualifiedUsingActivity"
    Quotation = "http://www.w3.org/ns/prov#Quotation"
    quotedAs = "http://www.w3.org/ns/prov#quotedAs"
    Removal = "http://www.w3.org/ns/prov#Removal"
    removedKey = "http://www.w3.org/ns/prov#removedKey"
    Replace = "http://www.w3.org/ns/prov#Replace"
    revisedEntity = "http://www.w3.org/ns/prov#revisedEntity"
    Revision = "http://www.w3.org/ns/prov#Revision"
    RightsAssignment = "http://www.w3.org/ns/prov#RightsAssignment"
    RightsHolder = "http://www.w3.org/ns/prov#RightsHolder"
    Role = "http://www.w3.org/ns/prov#Role"
    ServiceDescription = "http://www.w3.org/ns/prov#ServiceDescription"
    sharesDefinitionWith = "http://www.w3.org/ns/prov#sharesDefinitionWith"
    SoftwareAgent = "http://www.w3.org/ns/prov#SoftwareAgent"
    specializationOf = "http://www.w3.org/ns/prov#specializationOf"
    Start = "http://www.w3.org/ns/prov#Start"
    started = "http://www.w3.org/ns/prov#started"
    startedAtTime = "http://www.w3.org/ns/prov#startedAtTime"
    Submit = "http://www.w3.org/ns/prov#Submit"
    todo = "http://www.w3.org/ns/prov#todo"
    unqualifiedForm = "http://www.w3.org/ns/prov#unqualifiedForm"
    Usage = "http://www.w3.org/ns/prov#Usage"
    used = "http://www.w3.org/ns/prov#used"
    value = "http://www.w3.org/ns/prov#value"
    wasActivityOfInfluence = "http://www.w3.org/ns/prov#wasActivityOfInfluence"
    wasAssociatedWith = "http://www.w3.org/ns/prov#wasAssociatedWith"
    wasAssociateFor = "http://www.w3.org/ns/prov#wasAssociateFor"
    wasAttributedTo = "http://www.w3.org/ns/prov#wasAttributedTo"
    wasDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom"
    wasEndedBy = "http://www.w3.org/ns/prov#wasEndedBy"
    wasGeneratedBy = "http://www.w3.org/ns/prov#wasGeneratedBy"
    wasInfluencedBy = "http://www.w3.org/ns/prov#wasInfluencedBy"
    wasInformedBy = "http://www.w3.org/ns/prov#wasInformedBy"
    wasInvalidatedBy = "http://www.w3.org/ns/prov#wasInvalidatedBy"
    wasMemberOf = "http://www.w3.org/ns/prov#wasMemberOf"
    wasPlanOf = "http://www.w3.org/ns/prov#wasPlanOf"
    wasPrimarySourceOf = "http://www.w3.org/ns/prov#wasPrimarySourceOf"
    wasQuotedFrom = "http://www.w3.org/ns/prov#wasQuotedFrom"
    wasRevisionOf = "http://www.w3.org/ns/prov#wasRevisionOf"
    wasRoleIn = "http://www.w3.org/ns/prov#wasRoleIn"
    wasStartedBy = "http://www.w3.org/ns/prov#wasStartedBy"
    wasUsedBy = "http://www.w3.org/ns/prov#wasUsedBy"
    wasUsedInDerivation = "http://www.w3.org/ns/prov#wasUsedInDerivation"


class GEO:
    """Every term of GeoSPARQL (``http://www.opengis.net/ont/geosparql#``), as full IRIs."""

    _NS = "http://www.opengis.net/ont/geosparql#"
    asDGGS = "http://www.opengis.net/ont/geosparql#asDGGS"
    asGeoJSON = "http://www.opengis.net/ont/geosparql#asGeoJSON"
    asGML = "http://www.opengis.net/ont/geosparql#asGML"
    asKML = "http://www.opengis.net/ont/geosparql#asKML"
    asWKT = "http://www.opengis.net/ont/geosparql#asWKT"
    coordinateDimension = "http://www.opengis.net/ont/geosparql#coordinateDimension"
    defaultGeometry = "http://www.opengis.net/ont/geosparql#defaultGeometry"
    dggsLiteral = "http://www.opengis.net/ont/geosparql#dggsLiteral"
    dimension = "http://www.opengis.net/ont/geosparql#dimension"
    ehContains = "http://www.opengis.net/ont/geosparql#ehContains"
    ehCoveredBy = "http://www.opengis.net/ont/geosparql#ehCoveredBy"
    ehCovers = "http://www.opengis.net/ont/geosparql#ehCovers"
    ehDisjoint = "http://www.opengis.net/ont/geosparql#ehDisjoint"
    ehEquals = "http://www.opengis.net/ont/geosparql#ehEquals"
    ehInside = "http://www.opengis.net/ont/geosparql#ehInside"
    ehMeet = "http://www.opengis.net/ont/geosparql#ehMeet"
    ehOverlap = "http://www.opengis.net/ont/geosparql#ehOverlap"
    Feature = "http://www.opengis.net/ont/geosparql#Feature"
    FeatureCollection = "http://www.opengis.net/ont/geosparql#FeatureCollection"
    geoJSONLiteral = "http://www.opengis.net/ont/geosparql#geoJSONLiteral"
    Geometry = "http://www.opengis.net/ont/geosparql#Geometry"
    GeometryCollection = "http://www.opengis.net/ont/geosparql#GeometryCollection"
    gmlLiteral = "http://www.opengis.net/ont/geosparql#gmlLiteral"
    hasArea = "http://www.opengis.net/ont/geosparql#hasArea"
    hasBoundingBox = "http://www.opengis.net/ont/geosparql#hasBoundingBox"
    hasCentroid = "http://www.opengis.net/ont/geosparql#hasCentroid"
    hasDefaultGeometry = "http://www.opengis.net/ont/geosparql#hasDefaultGeometry"
    hasGeometry = "http://www.opengis.net/ont/geosparql#hasGeometry"
    hasLength = "http://www.opengis.net/ont/geosparql#hasLength"
    hasMetricArea = "http://www.opengis.net/ont/geosparql#hasMetricArea"
    hasMetricLength = "http://www.opengis.net/ont/geosparql#hasMetricLength"
    hasMetricPerimeterLength = "http://www.opengis.net/ont/geosparql#hasMetricPerimeterLength"
    hasMetricSize = "http://www.opengis.net/ont/geosparql#hasMetricSize"
    hasMetricSpatialAccuracy = "http://www.opengis.net/ont/geosparql#hasMetricSpatialAccuracy"
    hasMetricSpatialResolution = "http://www.opengis.net/ont/geosparql#hasMetricSpatialResolution"
    hasMetricVolume = "http://www.opengis.net/ont/geosparql#hasMetricVolume"
    hasPerimeterLength = "http://www.opengis.net/ont/geosparql#hasPerimeterLength"
    hasSerialization = "http://www.opengis.net/ont/geosparql#hasSerialization"
    hasSize = "http://www.opengis.net/ont/geosparql#hasSize"
    hasSpatialAccuracy = "http://www.opengis.net/ont/geosparql#hasSpatialAccuracy"
    hasSpatialResolution = "http://www.opengis.net/ont/geosparql#hasSpatialResolution"
    hasVolume = "http://www.opengis.net/ont/geosparql#hasVolume"
    isEmpty = "http://www.opengis.net/ont/geosparql#isEmpty"
    isSimple = "http://www.opengis.net/ont/geosparql#isSimple"
    kmlLiteral = "http://www.opengis.net/ont/geosparql#kmlLiteral"
    rcc8dc = "http://www.opengis.net/ont/geosparql#rcc8dc"
    rcc8ec = "http://www.opengis.net/ont/geosparql#rcc8ec"
    rcc8eq = "http://www.opengis.net/ont/geosparql#rcc8eq"
    rcc8ntpp = "http://www.opengis.net/ont/geosparql#rcc8ntpp"
    rcc8ntppi = "http://www.opengis.net/ont/geosparql#rcc8ntppi"
    rcc8po = "http://www.opengis.net/ont/geosparql#rcc8po"
    rcc8tpp = "http://www.opengis.net/ont/geosparql#rcc8tpp"
    rcc8tppi = "http://www.opengis.net/ont/geosparql#rcc8tppi"
    sfContains = "http://www.opengis.net/ont/geosparql#sfContains"
    sfCrosses = "http://www.opengis.net/ont/geosparql#sfCrosses"
    sfDisjoint = "http://www.opengis.net/ont/geosparql#sfDisjoint"
    sfEquals = "http://www.opengis.net/ont/geosparql#sfEquals"
    sfIntersects = "http://www.opengis.net/ont/geosparql#sfIntersects"
    sfOverlaps = "http://www.opengis.net/ont/geosparql#sfOverlaps"
    sfTouches = "http://www.opengis.net/ont/geosparql#sfTouches"
    sfWithin = "http://www.opengis.net/ont/geosparql#sfWithin"
    spatialDimension = "http://www.opengis.net/ont/geosparql#spatialDimension"
    SpatialObject = "http://www.opengis.net/ont/geosparql#SpatialObject"
    SpatialObjectCollection = "http://www.opengis.net/ont/geosparql#SpatialObjectCollection"
    wktLiteral = "http://www.opengis.net/ont/geosparql#wktLiteral"


class WGS:
    """Every term of W3C Basic Geo (WGS84) (``http://www.w3.org/2003/01/geo/wgs84_pos#``), as full IRIs."""

    _NS = "http://www.w3.org/2003/01/geo/wgs84_pos#"
    alt = "http://www.w3.org/2003/01/geo/wgs84_pos#alt"
    lat = "http://www.w3.org/2003/01/geo/wgs84_pos#lat"
    lat_long = "http://www.w3.org/2003/01/geo/wgs84_pos#lat_long"
    location = "http://www.w3.org/2003/01/geo/wgs84_pos#location"
    long = "http://www.w3.org/2003/01/geo/wgs84_pos#long"
    Point = "http://www.w3.org/2003/01/geo/wgs84_pos#Point"
    SpatialThing = "http://www.w3.org/2003/01/geo/wgs84_pos#SpatialThing"


class VOID:
    """Every term of VoID (``http://rdfs.org/ns/void#``), as full IRIs."""

    _NS = "http://rdfs.org/ns/void#"
    classes = "http://rdfs.org/ns/void#classes"
    classPartition = "http://rdfs.org/ns/void#classPartition"
    dataDump = "http://rdfs.org/ns/void#dataDump"
    Dataset = "http://rdfs.org/ns/void#Dataset"
    DatasetDescription = "http://rdfs.org/ns/void#DatasetDescription"
    distinctObjects = "http://rdfs.org/ns/void#distinctObjects"
    distinctSubjects = "http://rdfs.org/ns/void#distinctSubjects"
    documents = "http://rdfs.org/ns/void#documents"
    entities = "http://rdfs.org/ns/void#entities"
    exampleResource = "http://rdfs.org/ns/void#exampleResource"
    feature = "http://rdfs.org/ns/void#feature"
    inDataset = "http://rdfs.org/ns/void#inDataset"
    linkPredicate = "http://rdfs.org/ns/void#linkPredicate"
    Linkset = "http://rdfs.org/ns/void#Linkset"
    objectsTarget = "http://rdfs.org/ns/void#objectsTarget"
    openSearchDescription = "http://rdfs.org/ns/void#openSearchDescription"
    properties = "http://rdfs.org/ns/void#properties"
    property = "http://rdfs.org/ns/void#property"
    propertyPartition = "http://rdfs.org/ns/void#propertyPartition"
    rootResource = "http://rdfs.org/ns/void#rootResource"
    sparqlEndpoint = "http://rdfs.org/ns/void#sparqlEndpoint"
    subjectsTarget = "http://rdfs.org/ns/void#subjectsTarget"
    subset = "http://rdfs.org/ns/void#subset"
    target = "http://rdfs.org/ns/void#target"
    TechnicalFeature = "http://rdfs.org/ns/void#TechnicalFeature"
    triples = "http://rdfs.org/ns/void#triples"
    uriLookupEndpoint = "http://rdfs.org/ns/void#uriLookupEndpoint"
    uriRegexPattern = "http://rdfs.org/ns/void#uriRegexPattern"
    uriSpace = "http://rdfs.org/ns/void#uriSpace"
    vocabulary = "http://rdfs.org/ns/void#vocabulary"


class SH:
    """Every term of SHACL (``http://www.w3.org/ns/shacl#``), as full IRIs."""

    _NS = "http://www.w3.org/ns/shacl#"
    AbstractResult = "http://www.w3.org/ns/shacl#AbstractResult"
    alternativePath = "http://www.w3.org/ns/shacl#alternativePath"
    AndConstraintComponent = "http://www.w3.org/ns/shacl#AndConstraintComponent"
    annotationProperty = "http://www.w3.org/ns/shacl#annotationProperty"
    annotationValue = "http://www.w3.org/ns/shacl#annotationValue"
    annotationVarName = "http://www.w3.org/ns/shacl#annotationVarName"
    ask = "http://www.w3.org/ns/shacl#ask"
    BlankNode = "http://www.w3.org/ns/shacl#BlankNode"
    BlankNodeOrIRI = "http://www.w3.org/ns/shacl#BlankNodeOrIRI"
    BlankNodeOrLiteral = "http://www.w3.org/ns/shacl#BlankNodeOrLiteral"
    ClassConstraintComponent = "http://www.w3.org/ns/shacl#ClassConstraintComponent"
    closed = "http://www.w3.org/ns/shacl#closed"
    ClosedConstraintComponent = "http://www.w3.org/ns/shacl#ClosedConstraintComponent"
    condition = "http://www.w3.org/ns/shacl#condition"
    conforms = "http://www.w3.org/ns/shacl#conforms"
    ConstraintComponent = "http://www.w3.org/ns/shacl#ConstraintComponent"
    construct = "http://www.w3.org/ns/shacl#construct"
    datatype = "http://www.w3.org/ns/shacl#datatype"
    DatatypeConstraintComponent = "http://www.w3.org/ns/shacl#DatatypeConstraintComponent"
    deactivated = "http://www.w3.org/ns/shacl#deactivated"
    declare = "http://www.w3.org/ns/shacl#declare"
    defaultValue = "http://www.w3.org/ns/shacl#defaultValue"
    description = "http://www.w3.org/ns/shacl#description"
    detail = "http://www.w3.org/ns/shacl#detail"
    disjoint = "http://www.w3.org/ns/shacl#disjoint"
    DisjointConstraintComponent = "http://www.w3.org/ns/shacl#DisjointConstraintComponent"
    entailment = "http://www.w3.org/ns/shacl#entailment"
    equals = "http://www.w3.org/ns/shacl#equals"
    EqualsConstraintComponent = "http://www.w3.org/ns/shacl#EqualsConstraintComponent"
    expression = "http://www.w3.org/ns/shacl#expression"
    ExpressionConstraintComponent = "http://www.w3.org/ns/shacl#ExpressionConstraintComponent"
    filterShape = "http://www.w3.org/ns/shacl#filterShape"
    flags = "http://www.w3.org/ns/shacl#flags"
    focusNode = "http://www.w3.org/ns/shacl#focusNode"
    Function = "http://www.w3.org/ns/shacl#Function"
    group = "http://www.w3.org/ns/shacl#group"
    hasValue = "http://www.w3.org/ns/shacl#hasValue"
    HasValueConstraintComponent = "http://www.w3.org/ns/shacl#HasValueConstraintComponent"
    ignoredProperties = "http://www.w3.org/ns/shacl#ignoredProperties"
    InConstraintComponent = "http://www.w3.org/ns/shacl#InConstraintComponent"
    Info = "http://www.w3.org/ns/shacl#Info"
    intersection = "http://www.w3.org/ns/shacl#intersection"
    inversePath = "http://www.w3.org/ns/shacl#inversePath"
    IRI = "http://www.w3.org/ns/shacl#IRI"
    IRIOrLiteral = "http://www.w3.org/ns/shacl#IRIOrLiteral"
    js = "http://www.w3.org/ns/shacl#js"
    JSConstraint = "http://www.w3.org/ns/shacl#JSConstraint"
    JSConstraintComponent = "http://www.w3.org/ns/shacl#JSConstraintComponent"
    JSExecutable = "http://www.w3.org/ns/shacl#JSExecutable"
    JSFunction = "http://www.w3.org/ns/shacl#JSFunction"
    jsFunctionName = "http://www.w3.org/ns/shacl#jsFunctionName"
    JSLibrary = "http://www.w3.org/ns/shacl#JSLibrary"
    jsLibrary = "http://www.w3.org/ns/shacl#jsLibrary"
    jsLibraryURL = "http://www.w3.org/ns/shacl#jsLibraryURL"
    JSRule = "http://www.w3.org/ns/shacl#JSRule"
    JSTarget = "http://www.w3.org/ns/shacl#JSTarget"
    JSTargetType = "http://www.w3.org/ns/shacl#JSTargetType"
    JSValidator = "http://www.w3.org/ns/shacl#JSValidator"
    labelTemplate = "http://www.w3.org/ns/shacl#labelTemplate"
    languageIn = "http://www.w3.org/ns/shacl#languageIn"
    LanguageInConstraintComponent = "http://www.w3.org/ns/shacl#LanguageInConstraintComponent"
    lessThan = "http://www.w3.org/ns/shacl#lessThan"
    LessThanConstraintComponent = "http://www.w3.org/ns/shacl#LessThanConstraintComponent"
    lessThanOrEquals = "http://www.w3.org/ns/shacl#lessThanOrEquals"
    LessThanOrEqualsConstraintComponent = "http://www.w3.org/ns/shacl#LessThanOrEqualsConstraintComponent"
    Literal = "http://www.w3.org/ns/shacl#Literal"
    maxCount = "http://www.w3.org/ns/shacl#maxCount"
    MaxCountConstraintComponent = "http://www.w3.org/ns/shacl#MaxCountConstraintComponent"
    maxExclusive = "http://www.w3.org/ns/shacl#maxExclusive"
    MaxExclusiveConstraintComponent = "http://www.w3.org/ns/shacl#MaxExclusiveConstraintComponent"
    maxInclusive = "http://www.w3.org/ns/shacl#maxInclusive"
    MaxInclusiveConstraintComponent = "http://www.w3.org/ns/shacl#MaxInclusiveConstraintComponent"
    maxLength = "http://www.w3.org/ns/shacl#maxLength"
    MaxLengthConstraintComponent = "http://www.w3.org/ns/shacl#MaxLengthConstraintComponent"
    message = "http://www.w3.org/ns/shacl#message"
    minCount = "http://www.w3.org/ns/shacl#minCount"
    MinCountConstraintComponent = "http://www.w3.org/ns/shacl#MinCountConstraintComponent"
    minExclusive = "http://www.w3.org/ns/shacl#minExclusive"
    MinExclusiveConstraintComponent = "http://www.w3.org/ns/shacl#MinExclusiveConstraintComponent"
    minInclusive = "http://www.w3.org/ns/shacl#minInclusive"
    MinInclusiveConstraintComponent = "http://www.w3.org/ns/shacl#MinInclusiveConstraintComponent"
    minLength = "http://www.w3.org/ns/shacl#minLength"
    MinLengthConstraintComponent = "http://www.w3.org/ns/shacl#MinLengthConstraintComponent"
    name = "http://www.w3.org/ns/shacl#name"
    namespace = "http://www.w3.org/ns/shacl#namespace"
    node = "http://www.w3.org/ns/shacl#node"
    NodeConstraintComponent = "http://www.w3.org/ns/shacl#NodeConstraintComponent"
    NodeKind = "http://www.w3.org/ns/shacl#NodeKind"
    nodeKind = "http://www.w3.org/ns/shacl#nodeKind"
    NodeKindConstraintComponent = "http://www.w3.org/ns/shacl#NodeKindConstraintComponent"
    nodes = "http://www.w3.org/ns/shacl#nodes"
    NodeShape = "http://www.w3.org/ns/shacl#NodeShape"
    nodeValidator = "http://www.w3.org/ns/shacl#nodeValidator"
    NotConstraintComponent = "http://www.w3.org/ns/shacl#NotConstraintComponent"
    object = "http://www.w3.org/ns/shacl#object"
    oneOrMorePath = "http://www.w3.org/ns/shacl#oneOrMorePath"
    optional = "http://www.w3.org/ns/shacl#optional"
    OrConstraintComponent = "http://www.w3.org/ns/shacl#OrConstraintComponent"
    order = "http://www.w3.org/ns/shacl#order"
    Parameter = "http://www.w3.org/ns/shacl#Parameter"
    parameter = "http://www.w3.org/ns/shacl#parameter"
    Parameterizable = "http://www.w3.org/ns/shacl#Parameterizable"
    path = "http://www.w3.org/ns/shacl#path"
    pattern = "http://www.w3.org/ns/shacl#pattern"
    PatternConstraintComponent = "http://www.w3.org/ns/shacl#PatternConstraintComponent"
    predicate = "http://www.w3.org/ns/shacl#predicate"
    prefix = "http://www.w3.org/ns/shacl#prefix"
    PrefixDeclaration = "http://www.w3.org/ns/shacl#PrefixDeclaration"
    prefixes = "http://www.w3.org/ns/shacl#prefixes"
    property = "http://www.w3.org/ns/shacl#property"
    PropertyConstraintComponent = "http://www.w3.org/ns/shacl#PropertyConstraintComponent"
    PropertyGroup = "http://www.w3.org/ns/shacl#PropertyGroup"
    PropertyShape = "http://www.w3.org/ns/shacl#PropertyShape"
    propertyValidator = "http://www.w3.org/ns/shacl#propertyValidator"
    qualifiedMaxCount = "http://www.w3.org/ns/shacl#qualifiedMaxCount"
    QualifiedMaxCountConstraintComponent = "http://www.w3.org/ns/shacl#QualifiedMaxCountConstraintComponent"
    qualifiedMinCount = "http://www.w3.org/ns/shacl#qualifiedMinCount"
    QualifiedMinCountConstraintComponent = "http://www.w3.org/ns/shacl#QualifiedMinCountConstraintComponent"
    qualifiedValueShape = "http://www.w3.org/ns/shacl#qualifiedValueShape"
    qualifiedValueShapesDisjoint = "http://www.w3.org/ns/shacl#qualifiedValueShapesDisjoint"
    result = "http://www.w3.org/ns/shacl#result"
    ResultAnnotation = "http://www.w3.org/ns/shacl#ResultAnnotation"
    resultAnnotation = "http://www.w3.org/ns/shacl#resultAnnotation"
    resultMessage = "http://www.w3.org/ns/shacl#resultMessage"
    resultPath = "http://www.w3.org/ns/shacl#resultPath"
    resultSeverity = "http://www.w3.org/ns/shacl#resultSeverity"
    returnType = "http://www.w3.org/ns/shacl#returnType"
    Rule = "http://www.w3.org/ns/shacl#Rule"
    rule = "http://www.w3.org/ns/shacl#rule"
    select = "http://www.w3.org/ns/shacl#select"
    Severity = "http://www.w3.org/ns/shacl#Severity"
    severity = "http://www.w3.org/ns/shacl#severity"
    Shape = "http://www.w3.org/ns/shacl#Shape"
    shapesGraph = "http://www.w3.org/ns/shacl#shapesGraph"
    shapesGraphWellFormed = "http://www.w3.org/ns/shacl#shapesGraphWellFormed"
    sourceConstraint = "http://www.w3.org/ns/shacl#sourceConstraint"
    sourceConstraintComponent = "http://www.w3.org/ns/shacl#sourceConstraintComponent"
    sourceShape = "http://www.w3.org/ns/shacl#sourceShape"
    sparql = "http://www.w3.org/ns/shacl#sparql"
    SPARQLAskExecutable = "http://www.w3.org/ns/shacl#SPARQLAskExecutable"
    SPARQLAskValidator = "http://www.w3.org/ns/shacl#SPARQLAskValidator"
    SPARQLConstraint = "http://www.w3.org/ns/shacl#SPARQLConstraint"
    SPARQLConstraintComponent = "http://www.w3.org/ns/shacl#SPARQLConstraintComponent"
    SPARQLConstructExecutable = "http://www.w3.org/ns/shacl#SPARQLConstructExecutable"
    SPARQLExecutable = "http://www.w3.org/ns/shacl#SPARQLExecutable"
    SPARQLFunction = "http://www.w3.org/ns/shacl#SPARQLFunction"
    SPARQLRule = "http://www.w3.org/ns/shacl#SPARQLRule"
    SPARQLSelectExecutable = "http://www.w3.org/ns/shacl#SPARQLSelectExecutable"
    SPARQLSelectValidator = "http://www.w3.org/ns/shacl#SPARQLSelectValidator"
    SPARQLTarget = "http://www.w3.org/ns/shacl#SPARQLTarget"
    SPARQLTargetType = "http://www.w3.org/ns/shacl#SPARQLTargetType"
    SPARQLUpdateExecutable = "http://www.w3.org/ns/shacl#SPARQLUpdateExecutable"
    subject = "http://www.w3.org/ns/shacl#subject"
    suggestedShapesGraph = "http://www.w3.org/ns/shacl#suggestedShapesGraph"
    Target = "http://www.w3.org/ns/shacl#Target"
    target = "http://www.w3.org/ns/shacl#target"
    targetClass = "http://www.w3.org/ns/shacl#targetClass"
    targetNode = "http://www.w3.org/ns/shacl#targetNode"
    targetObjectsOf = "http://www.w3.org/ns/shacl#targetObjectsOf"
    targetSubjectsOf = "http://www.w3.org/ns/shacl#targetSubjectsOf"
    TargetType = "http://www.w3.org/ns/shacl#TargetType"
    this = "http://www.w3.org/ns/shacl#this"
    TripleRule = "http://www.w3.org/ns/shacl#TripleRule"
    union = "http://www.w3.org/ns/shacl#union"
    uniqueLang = "http://www.w3.org/ns/shacl#uniqueLang"
    UniqueLangConstraintComponent = "http://www.w3.org/ns/shacl#UniqueLangConstraintComponent"
    update = "http://www.w3.org/ns/shacl#update"
    ValidationReport = "http://www.w3.org/ns/shacl#ValidationReport"
    ValidationResult = "http://www.w3.org/ns/shacl#ValidationResult"
    Validator = "http://www.w3.org/ns/shacl#Validator"
    validator = "http://www.w3.org/ns/shacl#validator"
    value = "http://www.w3.org/ns/shacl#value"
    Violation = "http://www.w3.org/ns/shacl#Violation"
    Warning = "http://www.w3.org/ns/shacl#Warning"
    xone = "http://www.w3.org/ns/shacl#xone"
    XoneConstraintComponent = "http://www.w3.org/ns/shacl#XoneConstraintComponent"
    zeroOrMorePath = "http://www.w3.org/ns/shacl#zeroOrMorePath"
    zeroOrOnePath = "http://www.w3.org/ns/shacl#zeroOrOnePath"


class SCHEMA:
    """The schema.org terms nkgeo uses (the vocabulary has thousands) (``https://schema.org/``), as full IRIs."""

    _NS = "https://schema.org/"
    about = "https://schema.org/about"
    AdministrativeArea = "https://schema.org/AdministrativeArea"
    Airport = "https://schema.org/Airport"
    alternateName = "https://schema.org/alternateName"
    BodyOfWater = "https://schema.org/BodyOfWater"
    City = "https://schema.org/City"
    CivicStructure = "https://schema.org/CivicStructure"
    CollegeOrUniversity = "https://schema.org/CollegeOrUniversity"
    containedInPlace = "https://schema.org/containedInPlace"
    containsPlace = "https://schema.org/containsPlace"
    Continent = "https://schema.org/Continent"
    Country = "https://schema.org/Country"
    domainIncludes = "https://schema.org/domainIncludes"
    EducationalOrganization = "https://schema.org/EducationalOrganization"
    endDate = "https://schema.org/endDate"
    Event = "https://schema.org/Event"
    foundingDate = "https://schema.org/foundingDate"
    geo = "https://schema.org/geo"
    GovernmentOrganization = "https://schema.org/GovernmentOrganization"
    Landform = "https://schema.org/Landform"
    LandmarksOrHistoricalBuildings = "https://schema.org/LandmarksOrHistoricalBuildings"
    latitude = "https://schema.org/latitude"
    location = "https://schema.org/location"
    longitude = "https://schema.org/longitude"
    Mountain = "https://schema.org/Mountain"
    name = "https://schema.org/name"
    Organization = "https://schema.org/Organization"
    Periodical = "https://schema.org/Periodical"
    Place = "https://schema.org/Place"
    rangeIncludes = "https://schema.org/rangeIncludes"
    RiverBodyOfWater = "https://schema.org/RiverBodyOfWater"
    sameAs = "https://schema.org/sameAs"
    SeaBodyOfWater = "https://schema.org/SeaBodyOfWater"
    startDate = "https://schema.org/startDate"
    State = "https://schema.org/State"
    TouristAttraction = "https://schema.org/TouristAttraction"
    url = "https://schema.org/url"


class GN:
    """The GeoNames ontology terms nkgeo uses (``https://www.geonames.org/ontology#``), as full IRIs."""

    _NS = "https://www.geonames.org/ontology#"
    A = "https://www.geonames.org/ontology#A"
    alternateName = "https://www.geonames.org/ontology#alternateName"
    countryCode = "https://www.geonames.org/ontology#countryCode"
    Feature = "https://www.geonames.org/ontology#Feature"
    featureClass = "https://www.geonames.org/ontology#featureClass"
    featureCode = "https://www.geonames.org/ontology#featureCode"
    geonamesID = "https://www.geonames.org/ontology#geonamesID"
    name = "https://www.geonames.org/ontology#name"
    nearby = "https://www.geonames.org/ontology#nearby"
    officialName = "https://www.geonames.org/ontology#officialName"
    P = "https://www.geonames.org/ontology#P"
    parentADM1 = "https://www.geonames.org/ontology#parentADM1"
    parentCountry = "https://www.geonames.org/ontology#parentCountry"
    parentFeature = "https://www.geonames.org/ontology#parentFeature"
    population = "https://www.geonames.org/ontology#population"


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
