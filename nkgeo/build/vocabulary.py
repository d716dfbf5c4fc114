"""The OWL 2 RL rules by name, and the vocabulary they read, as the engine (:mod:`nkgeo.build.engine`) uses them.

``RULES`` gives each rule's name and text as in the OWL 2 Profiles spec (tables 4-9): ``nkgeo why``
shows them, and a build stores a derivation's rule as its index in ``RULE_NAMES``. ``V`` is the
vocabulary: each member's value is the term id every engine gives that IRI (they are encoded first,
in this order, then the OWL 2 RL datatypes: ``DATATYPE_ID``), so the rules compare ids, never IRIs.
"""

from __future__ import annotations

from enum import IntEnum

from nkgeo import namespaces as ns
from nkgeo.build.datatypes import RL_DATATYPES

# Rule names and what each says, as in OWL 2 RL (https://www.w3.org/TR/owl2-profiles/#Reasoning_in_OWL_2_RL_and_RDF_Graphs_using_Rules).
RULES: dict[str, str] = {
    "eq-ref": "T(?s, ?p, ?o) implies T(?s, owl:sameAs, ?s), T(?p, owl:sameAs, ?p) and T(?o, owl:sameAs, ?o)",
    "eq-sym": "T(?x, owl:sameAs, ?y) implies T(?y, owl:sameAs, ?x)",
    "eq-trans": "T(?x, owl:sameAs, ?y) and T(?y, owl:sameAs, ?z) imply T(?x, owl:sameAs, ?z)",
    "eq-rep-s": "T(?s, owl:sameAs, ?s2) and T(?s, ?p, ?o) imply T(?s2, ?p, ?o)",
    "eq-rep-p": "T(?p, owl:sameAs, ?p2) and T(?s, ?p, ?o) imply T(?s, ?p2, ?o)",
    "eq-rep-o": "T(?o, owl:sameAs, ?o2) and T(?s, ?p, ?o) imply T(?s, ?p, ?o2)",
    "eq-diff1": "T(?x, owl:sameAs, ?y) and T(?x, owl:differentFrom, ?y) imply false",
    "eq-diff2": (
        "T(?x, rdf:type, owl:AllDifferent), T(?x, owl:members, (?z1 ... ?zn)) and T(?zi, owl:sameAs, ?zj) "
        "with i != j imply false"
    ),
    "eq-diff3": (
        "T(?x, rdf:type, owl:AllDifferent), T(?x, owl:distinctMembers, (?z1 ... ?zn)) and T(?zi, owl:sameAs, "
        "?zj) with i != j imply false"
    ),
    "prp-ap": "(axiom) T(?ap, rdf:type, owl:AnnotationProperty) for each built-in annotation property ?ap implies it",
    "prp-dom": "T(?p, rdfs:domain, ?c) and T(?x, ?p, ?y) imply T(?x, rdf:type, ?c)",
    "prp-rng": "T(?p, rdfs:range, ?c) and T(?x, ?p, ?y) imply T(?y, rdf:type, ?c)",
    "prp-fp": (
        "T(?p, rdf:type, owl:FunctionalProperty), T(?x, ?p, ?y1) and T(?x, ?p, ?y2) imply T(?y1, owl:sameAs, "
        "?y2)"
    ),
    "prp-ifp": (
        "T(?p, rdf:type, owl:InverseFunctionalProperty), T(?x1, ?p, ?y) and T(?x2, ?p, ?y) imply T(?x1, "
        "owl:sameAs, ?x2)"
    ),
    "prp-irp": "T(?p, rdf:type, owl:IrreflexiveProperty) and T(?x, ?p, ?x) imply false",
    "prp-symp": "T(?p, rdf:type, owl:SymmetricProperty) and T(?x, ?p, ?y) imply T(?y, ?p, ?x)",
    "prp-asyp": "T(?p, rdf:type, owl:AsymmetricProperty), T(?x, ?p, ?y) and T(?y, ?p, ?x) imply false",
    "prp-trp": "T(?p, rdf:type, owl:TransitiveProperty), T(?x, ?p, ?y) and T(?y, ?p, ?z) imply T(?x, ?p, ?z)",
    "prp-spo1": "T(?p1, rdfs:subPropertyOf, ?p2) and T(?x, ?p1, ?y) imply T(?x, ?p2, ?y)",
    "prp-spo2": (
        "T(?p, owl:propertyChainAxiom, (?p1 ... ?pn)) and a chain T(?u1, ?p1, ?u2) ... T(?un, ?pn, ?un+1) "
        "imply T(?u1, ?p, ?un+1)"
    ),
    "prp-eqp1": "T(?p1, owl:equivalentProperty, ?p2) and T(?x, ?p1, ?y) imply T(?x, ?p2, ?y)",
    "prp-eqp2": "T(?p1, owl:equivalentProperty, ?p2) and T(?x, ?p2, ?y) imply T(?x, ?p1, ?y)",
    "prp-pdw": "T(?p1, owl:propertyDisjointWith, ?p2), T(?x, ?p1, ?y) and T(?x, ?p2, ?y) imply false",
    "prp-adp": (
        "T(?x, rdf:type, owl:AllDisjointProperties), T(?x, owl:members, (?p1 ... ?pn)), T(?u, ?pi, ?y) and "
        "T(?u, ?pj, ?y) with i != j imply false"
    ),
    "prp-inv1": "T(?p1, owl:inverseOf, ?p2) and T(?x, ?p1, ?y) imply T(?y, ?p2, ?x)",
    "prp-inv2": "T(?p1, owl:inverseOf, ?p2) and T(?x, ?p2, ?y) imply T(?y, ?p1, ?x)",
    "prp-key": (
        "T(?c, owl:hasKey, (?p1 ... ?pn)), T(?x, rdf:type, ?c), T(?x, ?pi, ?zi), T(?y, rdf:type, ?c) and "
        "T(?y, ?pi, ?zi) for every i imply T(?x, owl:sameAs, ?y)"
    ),
    "prp-npa1": (
        "T(?x, owl:sourceIndividual, ?i1), T(?x, owl:assertionProperty, ?p), T(?x, owl:targetIndividual, ?i2) "
        "and T(?i1, ?p, ?i2) imply false"
    ),
    "prp-npa2": (
        "T(?x, owl:sourceIndividual, ?i), T(?x, owl:assertionProperty, ?p), T(?x, owl:targetValue, ?lt) and "
        "T(?i, ?p, ?lt) imply false"
    ),
    "cls-thing": "(axiom) T(owl:Thing, rdf:type, owl:Class)",
    "cls-nothing1": "(axiom) T(owl:Nothing, rdf:type, owl:Class)",
    "cls-nothing2": "T(?x, rdf:type, owl:Nothing) implies false",
    "cls-int1": (
        "T(?c, owl:intersectionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?ci) for every i imply T(?y, rdf:type, "
        "?c)"
    ),
    "cls-int2": "T(?c, owl:intersectionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?c) imply T(?y, rdf:type, ?ci)",
    "cls-uni": "T(?c, owl:unionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?ci) imply T(?y, rdf:type, ?c)",
    "cls-com": "T(?c1, owl:complementOf, ?c2), T(?x, rdf:type, ?c1) and T(?x, rdf:type, ?c2) imply false",
    "cls-svf1": (
        "T(?x, owl:someValuesFrom, ?y), T(?x, owl:onProperty, ?p), T(?u, ?p, ?v) and T(?v, rdf:type, ?y) "
        "imply T(?u, rdf:type, ?x)"
    ),
    "cls-svf2": (
        "T(?x, owl:someValuesFrom, owl:Thing), T(?x, owl:onProperty, ?p) and T(?u, ?p, ?v) imply T(?u, "
        "rdf:type, ?x)"
    ),
    "cls-avf": (
        "T(?x, owl:allValuesFrom, ?y), T(?x, owl:onProperty, ?p), T(?u, rdf:type, ?x) and T(?u, ?p, ?v) imply "
        "T(?v, rdf:type, ?y)"
    ),
    "cls-hv1": "T(?x, owl:hasValue, ?y), T(?x, owl:onProperty, ?p) and T(?u, rdf:type, ?x) imply T(?u, ?p, ?y)",
    "cls-hv2": "T(?x, owl:hasValue, ?y), T(?x, owl:onProperty, ?p) and T(?u, ?p, ?y) imply T(?u, rdf:type, ?x)",
    "cls-maxc1": (
        "T(?x, owl:maxCardinality, 0), T(?x, owl:onProperty, ?p), T(?u, rdf:type, ?x) and T(?u, ?p, ?y) imply "
        "false"
    ),
    "cls-maxc2": (
        "T(?x, owl:maxCardinality, 1), T(?x, owl:onProperty, ?p), T(?u, rdf:type, ?x), T(?u, ?p, ?y1) and "
        "T(?u, ?p, ?y2) imply T(?y1, owl:sameAs, ?y2)"
    ),
    "cls-maxqc1": (
        "T(?x, owl:maxQualifiedCardinality, 0), T(?x, owl:onProperty, ?p), T(?x, owl:onClass, ?c), T(?u, "
        "rdf:type, ?x), T(?u, ?p, ?y) and T(?y, rdf:type, ?c) imply false"
    ),
    "cls-maxqc2": (
        "T(?x, owl:maxQualifiedCardinality, 0), T(?x, owl:onProperty, ?p), T(?x, owl:onClass, owl:Thing), "
        "T(?u, rdf:type, ?x) and T(?u, ?p, ?y) imply false"
    ),
    "cls-maxqc3": (
        "T(?x, owl:maxQualifiedCardinality, 1), T(?x, owl:onProperty, ?p), T(?x, owl:onClass, ?c), T(?u, "
        "rdf:type, ?x), T(?u, ?p, ?y1), T(?y1, rdf:type, ?c), T(?u, ?p, ?y2) and T(?y2, rdf:type, ?c) imply "
        "T(?y1, owl:sameAs, ?y2)"
    ),
    "cls-maxqc4": (
        "T(?x, owl:maxQualifiedCardinality, 1), T(?x, owl:onProperty, ?p), T(?x, owl:onClass, owl:Thing), "
        "T(?u, rdf:type, ?x), T(?u, ?p, ?y1) and T(?u, ?p, ?y2) imply T(?y1, owl:sameAs, ?y2)"
    ),
    "cls-oo": "T(?c, owl:oneOf, (?y1 ... ?yn)) implies T(?yi, rdf:type, ?c)",
    "cax-sco": "T(?c1, rdfs:subClassOf, ?c2) and T(?x, rdf:type, ?c1) imply T(?x, rdf:type, ?c2)",
    "cax-eqc1": "T(?c1, owl:equivalentClass, ?c2) and T(?x, rdf:type, ?c1) imply T(?x, rdf:type, ?c2)",
    "cax-eqc2": "T(?c1, owl:equivalentClass, ?c2) and T(?x, rdf:type, ?c2) imply T(?x, rdf:type, ?c1)",
    "cax-dw": "T(?c1, owl:disjointWith, ?c2), T(?x, rdf:type, ?c1) and T(?x, rdf:type, ?c2) imply false",
    "cax-adc": (
        "T(?x, rdf:type, owl:AllDisjointClasses), T(?x, owl:members, (?c1 ... ?cn)), T(?z, rdf:type, ?ci) and "
        "T(?z, rdf:type, ?cj) with i != j imply false"
    ),
    "dt-type1": "(axiom) T(?dt, rdf:type, rdfs:Datatype) for each datatype ?dt of OWL 2 RL",
    "dt-type2": (
        "a literal ?lt implies T(?lt, rdf:type, ?dt) for each datatype ?dt of OWL 2 RL whose value space holds its "
        "value (its own datatype and those above it)"
    ),
    "dt-sub": "(axiom) T(?dt1, rdfs:subClassOf, ?dt2) when the value space of ?dt1 is in that of ?dt2 (with dt-type1)",
    "dt-dw": (
        "(axiom) T(?dt1, owl:disjointWith, ?dt2) when the value spaces of ?dt1 and ?dt2 are disjoint (with "
        "dt-type1)"
    ),
    "dt-eq": "literals ?lt1 and ?lt2 with the same data value imply T(?lt1, owl:sameAs, ?lt2)",
    "dt-diff": (
        "literals ?lt1 and ?lt2 with different data values imply T(?lt1, owl:differentFrom, ?lt2) (derived "
        "for literals that are owl:sameAs something)"
    ),
    "dt-not-type": (
        "T(?lt, rdf:type, ?dt) for a datatype ?dt of OWL 2 RL and a literal ?lt whose value is not in the "
        "value space of ?dt (an ill-typed literal has no value) implies false"
    ),
    "scm-cls": (
        "T(?c, rdf:type, owl:Class) implies T(?c, rdfs:subClassOf, ?c), T(?c, owl:equivalentClass, ?c), T(?c, "
        "rdfs:subClassOf, owl:Thing) and T(owl:Nothing, rdfs:subClassOf, ?c)"
    ),
    "scm-sco": "T(?c1, rdfs:subClassOf, ?c2) and T(?c2, rdfs:subClassOf, ?c3) imply T(?c1, rdfs:subClassOf, ?c3)",
    "scm-eqc1": (
        "T(?c1, owl:equivalentClass, ?c2) implies T(?c1, rdfs:subClassOf, ?c2) and T(?c2, rdfs:subClassOf, "
        "?c1)"
    ),
    "scm-eqc2": "T(?c1, rdfs:subClassOf, ?c2) and T(?c2, rdfs:subClassOf, ?c1) imply T(?c1, owl:equivalentClass, ?c2)",
    "scm-op": (
        "T(?p, rdf:type, owl:ObjectProperty) implies T(?p, rdfs:subPropertyOf, ?p) and T(?p, "
        "owl:equivalentProperty, ?p)"
    ),
    "scm-dp": (
        "T(?p, rdf:type, owl:DatatypeProperty) implies T(?p, rdfs:subPropertyOf, ?p) and T(?p, "
        "owl:equivalentProperty, ?p)"
    ),
    "scm-spo": (
        "T(?p1, rdfs:subPropertyOf, ?p2) and T(?p2, rdfs:subPropertyOf, ?p3) imply T(?p1, rdfs:subPropertyOf, "
        "?p3)"
    ),
    "scm-eqp1": (
        "T(?p1, owl:equivalentProperty, ?p2) implies T(?p1, rdfs:subPropertyOf, ?p2) and T(?p2, "
        "rdfs:subPropertyOf, ?p1)"
    ),
    "scm-eqp2": (
        "T(?p1, rdfs:subPropertyOf, ?p2) and T(?p2, rdfs:subPropertyOf, ?p1) imply T(?p1, "
        "owl:equivalentProperty, ?p2)"
    ),
    "scm-dom1": "T(?p, rdfs:domain, ?c1) and T(?c1, rdfs:subClassOf, ?c2) imply T(?p, rdfs:domain, ?c2)",
    "scm-dom2": "T(?p2, rdfs:domain, ?c) and T(?p1, rdfs:subPropertyOf, ?p2) imply T(?p1, rdfs:domain, ?c)",
    "scm-rng1": "T(?p, rdfs:range, ?c1) and T(?c1, rdfs:subClassOf, ?c2) imply T(?p, rdfs:range, ?c2)",
    "scm-rng2": "T(?p2, rdfs:range, ?c) and T(?p1, rdfs:subPropertyOf, ?p2) imply T(?p1, rdfs:range, ?c)",
    "scm-hv": (
        "T(?c1, owl:hasValue, ?i), T(?c1, owl:onProperty, ?p1), T(?c2, owl:hasValue, ?i), T(?c2, "
        "owl:onProperty, ?p2) and T(?p1, rdfs:subPropertyOf, ?p2) imply T(?c1, rdfs:subClassOf, ?c2)"
    ),
    "scm-svf1": (
        "T(?c1, owl:someValuesFrom, ?y1), T(?c1, owl:onProperty, ?p), T(?c2, owl:someValuesFrom, ?y2), T(?c2, "
        "owl:onProperty, ?p) and T(?y1, rdfs:subClassOf, ?y2) imply T(?c1, rdfs:subClassOf, ?c2)"
    ),
    "scm-svf2": (
        "T(?c1, owl:someValuesFrom, ?y), T(?c1, owl:onProperty, ?p1), T(?c2, owl:someValuesFrom, ?y), T(?c2, "
        "owl:onProperty, ?p2) and T(?p1, rdfs:subPropertyOf, ?p2) imply T(?c1, rdfs:subClassOf, ?c2)"
    ),
    "scm-avf1": (
        "T(?c1, owl:allValuesFrom, ?y1), T(?c1, owl:onProperty, ?p), T(?c2, owl:allValuesFrom, ?y2), T(?c2, "
        "owl:onProperty, ?p) and T(?y1, rdfs:subClassOf, ?y2) imply T(?c1, rdfs:subClassOf, ?c2)"
    ),
    "scm-avf2": (
        "T(?c1, owl:allValuesFrom, ?y), T(?c1, owl:onProperty, ?p1), T(?c2, owl:allValuesFrom, ?y), T(?c2, "
        "owl:onProperty, ?p2) and T(?p1, rdfs:subPropertyOf, ?p2) imply T(?c2, rdfs:subClassOf, ?c1)"
    ),
    "scm-int": "T(?c, owl:intersectionOf, (?c1 ... ?cn)) implies T(?c, rdfs:subClassOf, ?ci)",
    "scm-uni": "T(?c, owl:unionOf, (?c1 ... ?cn)) implies T(?ci, rdfs:subClassOf, ?c)",
}
RULE_NAMES = tuple(RULES)
RULE_ID = {name: index for index, name in enumerate(RULE_NAMES)}
# The rules that conclude a triple from no premise: axiomatic triples, true of every graph.
AXIOM_RULES = frozenset(name for name, text in RULES.items() if text.startswith("(axiom)"))


class V(IntEnum):
    """The vocabulary the rules read; a member's value is its term id, ``V.SAME.iri`` its IRI."""

    iri: str

    def __new__(cls, iri: str):
        member = int.__new__(cls, len(cls.__members__))
        member._value_ = len(cls.__members__)
        member.iri = iri
        return member

    TYPE = ns.RDF.type
    FIRST = ns.RDF.first
    REST = ns.RDF.rest
    NIL = ns.RDF.nil
    SCO = ns.RDFS.subClassOf
    SPO = ns.RDFS.subPropertyOf
    DOMAIN = ns.RDFS.domain
    RANGE = ns.RDFS.range
    DATATYPE = ns.RDFS.Datatype
    THING = ns.OWL.Thing
    NOTHING = ns.OWL.Nothing
    CLASS = ns.OWL.Class
    SAME = ns.OWL.sameAs
    DIFFERENT = ns.OWL.differentFrom
    ALL_DIFFERENT = ns.OWL.AllDifferent
    MEMBERS = ns.OWL.members
    DISTINCT_MEMBERS = ns.OWL.distinctMembers
    ANNOTATION_PROPERTY = ns.OWL.AnnotationProperty
    OBJECT_PROPERTY = ns.OWL.ObjectProperty
    DATATYPE_PROPERTY = ns.OWL.DatatypeProperty
    FUNCTIONAL = ns.OWL.FunctionalProperty
    INVERSE_FUNCTIONAL = ns.OWL.InverseFunctionalProperty
    IRREFLEXIVE = ns.OWL.IrreflexiveProperty
    SYMMETRIC = ns.OWL.SymmetricProperty
    ASYMMETRIC = ns.OWL.AsymmetricProperty
    TRANSITIVE = ns.OWL.TransitiveProperty
    CHAIN = ns.OWL.propertyChainAxiom
    EQP = ns.OWL.equivalentProperty
    PDW = ns.OWL.propertyDisjointWith
    ALL_DISJOINT_PROPERTIES = ns.OWL.AllDisjointProperties
    INVERSE = ns.OWL.inverseOf
    HAS_KEY = ns.OWL.hasKey
    SOURCE = ns.OWL.sourceIndividual
    ASSERTION_PROPERTY = ns.OWL.assertionProperty
    TARGET_INDIVIDUAL = ns.OWL.targetIndividual
    TARGET_VALUE = ns.OWL.targetValue
    NEGATIVE_ASSERTION = ns.OWL.NegativePropertyAssertion
    INTERSECTION = ns.OWL.intersectionOf
    UNION = ns.OWL.unionOf
    COMPLEMENT = ns.OWL.complementOf
    SVF = ns.OWL.someValuesFrom
    AVF = ns.OWL.allValuesFrom
    HAS_VALUE = ns.OWL.hasValue
    ON_PROPERTY = ns.OWL.onProperty
    ON_CLASS = ns.OWL.onClass
    MAX_CARDINALITY = ns.OWL.maxCardinality
    MAX_QC = ns.OWL.maxQualifiedCardinality
    ONE_OF = ns.OWL.oneOf
    EQC = ns.OWL.equivalentClass
    DISJOINT = ns.OWL.disjointWith
    ALL_DISJOINT_CLASSES = ns.OWL.AllDisjointClasses


# The hot loops read these as plain ints: looking up an enum member costs five times a global.
TYPE, SAME, DIFFERENT = int(V.TYPE), int(V.SAME), int(V.DIFFERENT)
# Every engine encodes the OWL 2 RL datatypes right after the vocabulary: their ids are fixed too.
DATATYPE_ID = {datatype: len(V) + index for index, datatype in enumerate(RL_DATATYPES)}
DATATYPE_IRI = dict(zip(DATATYPE_ID.values(), DATATYPE_ID, strict=True))

# Triples with these predicates, or typing a resource with these classes, are schema: closed by the
# scm-* rules and compiled into the plans, apart from the instance triples. (Plain ints: every
# triple stored is looked up in them.)
SCHEMA_PREDICATES = frozenset(int(term) for term in {
    V.SCO, V.SPO, V.DOMAIN, V.RANGE, V.EQC, V.EQP, V.INVERSE, V.DISJOINT, V.PDW, V.COMPLEMENT, V.INTERSECTION, V.UNION,
    V.ONE_OF, V.SVF, V.AVF, V.HAS_VALUE, V.ON_PROPERTY, V.ON_CLASS, V.MAX_CARDINALITY, V.MAX_QC, V.CHAIN, V.HAS_KEY,
    V.FIRST, V.REST, V.MEMBERS, V.DISTINCT_MEMBERS, V.SOURCE, V.ASSERTION_PROPERTY, V.TARGET_INDIVIDUAL, V.TARGET_VALUE,
})
SCHEMA_TYPES = frozenset(int(term) for term in {
    V.TRANSITIVE, V.SYMMETRIC, V.FUNCTIONAL, V.INVERSE_FUNCTIONAL, V.IRREFLEXIVE, V.ASYMMETRIC, V.ALL_DISJOINT_CLASSES,
    V.ALL_DISJOINT_PROPERTIES, V.ALL_DIFFERENT, V.NEGATIVE_ASSERTION, V.CLASS, V.OBJECT_PROPERTY, V.DATATYPE_PROPERTY,
})
# The built-in annotation properties (prp-ap).
ANNOTATION_PROPERTIES = (
    ns.RDFS.label, ns.RDFS.comment, ns.RDFS.seeAlso, ns.RDFS.isDefinedBy, ns.OWL.deprecated, ns.OWL.versionInfo,
    ns.OWL.priorVersion, ns.OWL.backwardCompatibleWith, ns.OWL.incompatibleWith,
)
