"""A randomised differential test: the engine and owlrl close generated ontologies alike.

hypothesis generates small ontologies over four classes, three properties and three individuals
(few names, so that the axioms and the data meet): subclass, subproperty, equivalence, domain and
range, inverse, symmetric, transitive, functional, inverse-functional, irreflexive and asymmetric
properties, property chains, disjoint properties, someValuesFrom/hasValue/allValuesFrom
restrictions (nested once), max (qualified) cardinality 1, intersections, unions, complements,
enumerations, disjoint classes; with data: types, property assertions, owl:sameAs,
owl:differentFrom, literal values under ranges and datatype restrictions. It checks that the engine,
in both modes and run as ``nkgeo build`` runs it (pyoxigraph parses, ``reportable_lines`` picks what
goes to graph:inferred), infers exactly the reportable triples owlrl infers (``is_reportable``:
statements about our resources) and finds an inconsistency exactly when owlrl does.

Each example is built around one rule family (``FOCUS``: an axiom and the data that make it fire),
and the test runs once per family, so every family is met in every run, with random names, other
axioms and facts around it. Deterministic in CI (``derandomize``, no example database):
``NKGEO_DIFFERENTIAL_EXAMPLES`` (default 4) sets how many examples to try per family, and
``NKGEO_DIFFERENTIAL_SEED`` explores randomly from a seed instead, for long runs::

    NKGEO_DIFFERENTIAL_EXAMPLES=200 NKGEO_DIFFERENTIAL_SEED=7 pytest tests/test_reason_differential.py

Where the two disagree, one of them is wrong. What owlrl gets wrong is left out of the generator,
each with its minimal case in ``OWLRL_BUGS`` (checked to still disagree): plain literals under
datatype restrictions, literals that clash with a datatype, individuals equal to literals; and owl:hasKey (``prp-key`` in
``OWLRL_BUGS`` of ``tests/test_reason.py``, a strict xfail).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from rdflib import Graph

from nkgeo.build import engine as rules
from nkgeo.build.owlrl_reasoner import is_reportable
from nkgeo.build.pipeline import reportable_lines

PREFIXES = """\
@prefix ex: <http://example.org/vocab#> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
CLASSES = [f"ex:C{i}" for i in range(4)]
PROPERTIES = [f"ex:p{i}" for i in range(3)]
INDIVIDUALS = [f"id:{name}" for name in "abc"]
EXAMPLES = int(os.environ.get("NKGEO_DIFFERENTIAL_EXAMPLES", "4"))
SEED = os.environ.get("NKGEO_DIFFERENTIAL_SEED")

classes, properties, individuals = st.sampled_from(CLASSES), st.sampled_from(PROPERTIES), st.sampled_from(INDIVIDUALS)
CHARACTERISTICS = ("SymmetricProperty", "TransitiveProperty", "FunctionalProperty", "InverseFunctionalProperty", "IrreflexiveProperty",
                   "AsymmetricProperty")


@st.composite
def linked(draw, expression: str) -> str:
    """A class expression tied to a named class: equivalent to it, under it or over it."""
    c = draw(classes)
    return draw(st.sampled_from([f"{c} owl:equivalentClass {expression} .", f"{expression} rdfs:subClassOf {c} .",
                                 f"{c} rdfs:subClassOf {expression} ."]))


@st.composite
def restriction(draw, depth: int = 0) -> str:
    """A restriction on a property, its filler a named class or (once) another class expression."""
    p = draw(properties)
    inner = draw(st.sampled_from([*CLASSES, "nested"])) if depth == 0 else draw(classes)
    if inner == "nested":
        inner = draw(expression(depth + 1))
    kind = draw(st.sampled_from(["some", "some-thing", "value", "all", "max", "max-qualified"]))
    filler = {
        "some": f"owl:someValuesFrom {inner}",
        "some-thing": "owl:someValuesFrom owl:Thing",
        "value": f"owl:hasValue {draw(individuals)}",
        "all": f"owl:allValuesFrom {inner}",
        "max": 'owl:maxCardinality "1"^^xsd:nonNegativeInteger',
        "max-qualified": f'owl:maxQualifiedCardinality "1"^^xsd:nonNegativeInteger ; owl:onClass {draw(classes)}',
    }[kind]
    return f"[ a owl:Restriction ; owl:onProperty {p} ; {filler} ]"


@st.composite
def expression(draw, depth: int = 0) -> str:
    """An anonymous class: a restriction, an intersection or union of two classes, a complement, an enumeration."""
    kind = draw(st.sampled_from(["restriction", "restriction", "intersection", "union", "complement", "one-of"]))
    if kind == "restriction":
        return draw(restriction(depth))
    if kind == "complement":
        return f"[ owl:complementOf {draw(classes)} ]"
    if kind == "one-of":
        return f"[ owl:oneOf ( {draw(individuals)} {draw(individuals)} ) ]"
    operator = "owl:intersectionOf" if kind == "intersection" else "owl:unionOf"
    return f"[ {operator} ( {draw(classes)} {draw(classes)} ) ]"


@st.composite
def axiom(draw) -> str:
    kind = draw(st.sampled_from(["class", "property", "domain-range", "chain", "expression", "expression", "expression", "disjoint"]))
    if kind == "class":
        return f"{draw(classes)} {draw(st.sampled_from(['rdfs:subClassOf', 'owl:equivalentClass']))} {draw(classes)} ."
    if kind == "property":
        relation = draw(st.sampled_from(["rdfs:subPropertyOf", "owl:equivalentProperty", "owl:inverseOf", "owl:propertyDisjointWith"]))
        return f"{draw(properties)} {relation} {draw(properties)} ."
    if kind == "domain-range":
        return f"{draw(properties)} {draw(st.sampled_from(['rdfs:domain', 'rdfs:range']))} {draw(classes)} ."
    if kind == "chain":
        links = " ".join(draw(st.lists(properties, min_size=2, max_size=3)))
        return f"{draw(properties)} owl:propertyChainAxiom ( {links} ) ."
    if kind == "expression":
        return draw(linked(draw(expression())))
    return f"{draw(classes)} owl:disjointWith {draw(classes)} ."


@st.composite
def fact(draw) -> str:
    kind = draw(st.sampled_from(["type", "property", "property", "same", "different"]))
    if kind == "type":
        return f"{draw(individuals)} a {draw(classes)} ."
    if kind == "property":
        return f"{draw(individuals)} {draw(properties)} {draw(individuals)} ."
    return f"{draw(individuals)} owl:{'sameAs' if kind == 'same' else 'differentFrom'} {draw(individuals)} ."


# One of these per example, so that every rule family is met often: the statements of an axiom and
# of data that make it fire, in an order drawn. A join has two sides, and which one fires depends on
# which premise is known first: asserted triples are all known from the start and handled first, so
# for a family with two sides one premise is derived (through rdfs:subClassOf or rdfs:subPropertyOf,
# in one or two steps) after the other is handled. {C} {D} {E} {F} are four classes, {p} {q} {r}
# three properties.
FOCUS = {
    "cax-sco": ("{C} rdfs:subClassOf {D} .", "id:a a {C} ."),
    "cax-eqc": ("{C} owl:equivalentClass {D} .", "id:a a {D} .", "id:b a {C} ."),
    "prp-spo1": ("{p} rdfs:subPropertyOf {q} .", "id:a {p} id:b ."),
    "prp-eqp": ("{p} owl:equivalentProperty {q} .", "id:a {q} id:b .", "id:b {p} id:c ."),
    "prp-dom-rng": ("{p} rdfs:domain {C} .", "{p} rdfs:range {D} .", "id:a {p} id:b ."),
    "prp-inv": ("{p} owl:inverseOf {q} .", "id:a {p} id:b .", "id:c {q} id:a ."),
    "prp-symp": ("{p} a owl:SymmetricProperty .", "id:a {p} id:b ."),
    "prp-trp": ("{p} a owl:TransitiveProperty .", "id:a {p} id:b .", "id:b {p} id:c ."),
    "prp-fp": ("{p} a owl:FunctionalProperty .", "id:a {p} id:b .", "id:a {p} id:c ."),
    "prp-ifp": ("{p} a owl:InverseFunctionalProperty .", "id:a {p} id:c .", "id:b {p} id:c ."),
    "prp-irp": ("{p} a owl:IrreflexiveProperty .", "id:a {p} id:a ."),
    "prp-asyp": ("{p} a owl:AsymmetricProperty .", "id:a {p} id:b .", "id:b {p} id:a ."),
    "prp-spo2": ("{p} owl:propertyChainAxiom ( {q} {r} ) .", "id:a {q} id:b .", "id:b {r} id:c ."),
    "prp-pdw": ("{p} owl:propertyDisjointWith {q} .", "id:a {p} id:b .", "id:a {q} id:b ."),
    "cls-svf1": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty {p} ; owl:someValuesFrom {D} ] .", "id:a {p} id:b .",
                 "{E} rdfs:subClassOf {D} .", "id:b a {E} ."),
    "cls-svf1-later-triple": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty {p} ; owl:someValuesFrom {D} ] .", "id:b a {D} .",
                              "{q} rdfs:subPropertyOf {p} .", "id:a {q} id:b ."),
    "cls-svf2": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty {p} ; owl:someValuesFrom owl:Thing ] .", "id:a {p} id:b ."),
    "cls-hv": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty {p} ; owl:hasValue id:b ] .", "id:a a {C} .", "id:c {p} id:b ."),
    "cls-avf": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty {p} ; owl:allValuesFrom {D} ] .", "id:a a {C} .",
                "{r} rdfs:subPropertyOf {q} .", "{q} rdfs:subPropertyOf {p} .", "id:a {r} id:b ."),
    "cls-avf-later-member": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty {p} ; owl:allValuesFrom {D} ] .", "id:a {p} id:b .",
                             "{E} rdfs:subClassOf {C} .", "id:a a {E} ."),
    "cls-maxc2": ('{C} rdfs:subClassOf [ a owl:Restriction ; owl:onProperty {p} ; owl:maxCardinality "1"^^xsd:nonNegativeInteger ] .',
                  "id:a a {C} .", "id:a {p} id:b .", "id:a {p} id:c ."),
    "cls-maxqc3": ('{C} rdfs:subClassOf [ a owl:Restriction ; owl:onProperty {p} ; owl:maxQualifiedCardinality "1"^^xsd:nonNegativeInteger ; '
                   "owl:onClass {D} ] .", "id:a a {C} .", "id:a {p} id:b .", "id:a {p} id:c .", "{F} rdfs:subClassOf {E} .",
                   "{E} rdfs:subClassOf {D} .", "id:b a {F} .", "id:c a {D} ."),
    "cls-int": ("{C} owl:equivalentClass [ owl:intersectionOf ( {D} {E} ) ] .", "id:a a {D} .", "id:a a {E} .", "id:b a {C} ."),
    "cls-uni": ("{C} owl:equivalentClass [ owl:unionOf ( {D} {E} ) ] .", "id:a a {E} ."),
    "cls-com": ("{C} owl:complementOf {D} .", "id:a a {C} .", "id:a a {D} ."),
    "cls-nothing2": ("{C} rdfs:subClassOf owl:Nothing .", "id:a a {C} ."),
    "cls-oo": ("{C} owl:equivalentClass [ owl:oneOf ( id:a id:b ) ] .",),
    "cax-dw": ("{C} owl:disjointWith {D} .", "id:a a {C} .", "id:a a {D} ."),
    "eq-rep": ("id:a owl:sameAs id:b .", "id:a {p} id:c .", "id:c a {C} ."),
    # Literals, as both read them alike (OWLRL_BUGS below: where they do not), by a property of their
    # own, so that no other axiom makes an individual equal to a literal.
    "dt-range": ("ex:d rdfs:range xsd:integer .", "id:a ex:d 5 .", "ex:e rdfs:range xsd:decimal .", "id:b ex:e 2.5 ."),
    "dt-svf": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:d ; owl:someValuesFrom xsd:integer ] .", "id:a ex:d 5 ."),
    "dt-hv": ("{C} owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:d ; owl:hasValue 5 ] .", "id:a ex:d 5 .", "id:b a {C} ."),
    "eq-diff1": ("id:a owl:sameAs id:b .", "id:b owl:differentFrom id:a ."),
}


@st.composite
def ontologies(draw, focus: str) -> str:
    """The focused family's statements (FOCUS) in some order, some property characteristics, other axioms and facts at random."""
    names = dict(zip("CDEF", draw(st.permutations(CLASSES)), strict=True)) | dict(zip("pqr", draw(st.permutations(PROPERTIES)), strict=True))
    lines = [statement.format(**names) for statement in draw(st.permutations(FOCUS[focus]))]
    lines += [f"{p} a owl:{kind} ." for p in PROPERTIES for kind in draw(st.sets(st.sampled_from(CHARACTERISTICS), max_size=1))]
    lines += draw(st.lists(axiom(), max_size=4)) + draw(st.lists(fact(), max_size=6))
    return "\n".join(lines)


def owlrl_reference(text: str) -> tuple[set[str], bool]:
    """owlrl's reportable inferred triples (``is_reportable``) as N-Triples text, and whether it found
    the graph inconsistent (an error triple, or a member of owl:Nothing)."""
    import owlrl
    from owlrl.Namespaces import ERRNS
    from rdflib.namespace import OWL, RDF

    asserted = Graph().parse(data=PREFIXES + text, format="turtle")
    work = Graph()
    for triple in asserted:
        work.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    inconsistent = any(True for _ in work.objects(None, ERRNS.error)) or any(True for _ in work.subjects(RDF.type, OWL.Nothing))
    return {" ".join(term.n3() for term in t) for t in work if t not in asserted and is_reportable(t)}, inconsistent


def engine_result(text: str, complete: bool) -> tuple[set[str], bool]:
    """The engine as ``nkgeo build`` runs it: pyoxigraph parses (in the document's order), the triples
    that go to graph:inferred (``reportable_lines``), and whether it found an inconsistency."""
    import pyoxigraph as ox

    triples = [(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(PREFIXES + text, format=ox.RdfFormat.TURTLE)]
    engine = rules.close(triples, rules.NTriplesTerms(), complete=complete)
    return {line[:-3] for line in reportable_lines(engine)}, bool(engine.inconsistencies)


def assert_agree(text: str) -> None:
    reference, inconsistent = owlrl_reference(text)
    for complete in (False, True):
        ours, found = engine_result(text, complete)
        assert sorted(ours - reference) == [], f"the engine (complete={complete}) alone infers these from:\n{text}"
        assert sorted(reference - ours) == [], f"owlrl alone infers these (engine complete={complete}) from:\n{text}"
        assert found == inconsistent, f"consistency differs (engine complete={complete}):\n{text}"


@pytest.mark.parametrize("focus", sorted(FOCUS))
def test_the_engine_agrees_with_owlrl(focus):
    """Each rule family in turn: hypothesis draws the names, the other axioms and the facts."""

    def agree(text):
        assert_agree(text)

    run = settings(max_examples=EXAMPLES, derandomize=SEED is None, database=None, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])(given(ontologies(focus))(agree))
    (seed(int(SEED))(run) if SEED is not None else run)()


# Where owlrl 7.6 is wrong (the engine follows the rule's text; tests/test_reason_literals.py checks it),
# so the generator leaves these out: plain literals under datatype restrictions, literals that clash with
# a datatype, individuals equal to literals. owl:hasKey is in OWLRL_BUGS of tests/test_reason.py.
OWLRL_BUGS = {
    "plain-literal-is-a-string": (
        'ex:C0 owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:p0 ; owl:someValuesFrom xsd:string ] . id:a ex:p0 "x" .',
        "owlrl does not type a plain literal as an xsd:string (RDF 1.1), so cls-svf1 misses id:a a ex:C0",
    ),
    "string-given-an-integer-range": (
        'ex:p0 rdfs:range xsd:integer . id:a ex:p0 "abc" .',
        "owlrl applies dt-not-type only to a literal's own datatype: an xsd:string made an integer by a range goes unnoticed",
    ),
    "integer-in-a-string-only-restriction": (
        "ex:C0 owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:p0 ; owl:allValuesFrom xsd:string ] . id:a a ex:C0 ; ex:p0 5 .",
        "the same: cls-avf makes 5 an xsd:string, which its value is not",
    ),
    "an-individual-equal-to-a-literal": (
        "id:a owl:sameAs 5 .",
        "dt-type2 makes 5 an rdfs:Literal, and eq-rep-s id:a too: owlrl leaves rdfs:Literal out, and makes id:a an rdfs:Datatype",
    ),
    "two-values-of-a-functional-property": (
        "ex:p0 a owl:FunctionalProperty . id:a ex:p0 1 , 2 .",
        "prp-fp makes 1 and 2 the same, and dt-diff says they differ: owlrl does not apply dt-diff to them",
    ),
}


@pytest.mark.parametrize("name", OWLRL_BUGS)
def test_owlrl_still_gets_these_wrong(name):
    """The exclusions are still needed: on each minimal case owlrl and the engine disagree (this fails the
    day owlrl is fixed, so that the generator can take the case back)."""
    with pytest.raises(AssertionError):
        assert_agree(OWLRL_BUGS[name][0])
