"""OWL 2 RL reasoning: the closure (owlrl, the reference) and an explanation for every inferred triple.

owlrl computes the closure but cannot say why a triple holds. So a second, small forward chainer
implements the OWL 2 RL rules the ontology uses (named as in the OWL 2 Profiles spec, table 4-9)
and records, for each triple it derives, the rule and the premises of its *first* derivation.
Rounds are kept in order, so every premise was known before its conclusion and an explanation
never loops. ``tests/test_reason.py`` checks that both engines infer the same triples.

Only triples about the graph's own resources (subjects under ``id:``) are kept as "inferred":
owlrl also adds axiomatic triples (``xsd:string a rdfs:Datatype``, ``x owl:sameAs x``...) that say
nothing about North Korea.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from nkgeo.namespaces import ID_NS

Triple = tuple

# Rule names and what each says, as in OWL 2 RL (https://www.w3.org/TR/owl2-profiles/#Reasoning_in_OWL_2_RL_and_RDF_Graphs_using_Rules).
RULES: dict[str, str] = {
    "prp-dom": "T(?p, rdfs:domain, ?c) and T(?x, ?p, ?y) imply T(?x, rdf:type, ?c)",
    "prp-rng": "T(?p, rdfs:range, ?c) and T(?x, ?p, ?y) imply T(?y, rdf:type, ?c)",
    "prp-symp": "T(?p, rdf:type, owl:SymmetricProperty) and T(?x, ?p, ?y) imply T(?y, ?p, ?x)",
    "prp-trp": "T(?p, rdf:type, owl:TransitiveProperty), T(?x, ?p, ?y) and T(?y, ?p, ?z) imply T(?x, ?p, ?z)",
    "prp-spo1": "T(?p1, rdfs:subPropertyOf, ?p2) and T(?x, ?p1, ?y) imply T(?x, ?p2, ?y)",
    "prp-spo2": "T(?p, owl:propertyChainAxiom, (?p1 ... ?pn)) and a chain T(?u1, ?p1, ?u2) ... T(?un, ?pn, ?un+1) imply T(?u1, ?p, ?un+1)",
    "prp-inv1": "T(?p1, owl:inverseOf, ?p2) and T(?x, ?p1, ?y) imply T(?y, ?p2, ?x)",
    "prp-inv2": "T(?p1, owl:inverseOf, ?p2) and T(?x, ?p2, ?y) imply T(?y, ?p1, ?x)",
    "cax-sco": "T(?c1, rdfs:subClassOf, ?c2) and T(?x, rdf:type, ?c1) imply T(?x, rdf:type, ?c2)",
    "cax-eqc1": "T(?c1, owl:equivalentClass, ?c2) and T(?x, rdf:type, ?c1) imply T(?x, rdf:type, ?c2)",
    "cax-eqc2": "T(?c1, owl:equivalentClass, ?c2) and T(?x, rdf:type, ?c2) imply T(?x, rdf:type, ?c1)",
    "cls-int1": "T(?c, owl:intersectionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?ci) for every i imply T(?y, rdf:type, ?c)",
    "cls-int2": "T(?c, owl:intersectionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?c) imply T(?y, rdf:type, ?ci)",
    "cls-svf1": "T(?x, owl:someValuesFrom, ?y), T(?x, owl:onProperty, ?p), T(?u, ?p, ?v) and T(?v, rdf:type, ?y) imply T(?u, rdf:type, ?x)",
    "cls-svf2": "T(?x, owl:someValuesFrom, owl:Thing), T(?x, owl:onProperty, ?p) and T(?u, ?p, ?v) imply T(?u, rdf:type, ?x)",
    "cls-hv1": "T(?x, owl:hasValue, ?y), T(?x, owl:onProperty, ?p) and T(?u, rdf:type, ?x) imply T(?u, ?p, ?y)",
    "cls-hv2": "T(?x, owl:hasValue, ?y), T(?x, owl:onProperty, ?p) and T(?u, ?p, ?y) imply T(?u, rdf:type, ?x)",
    "scm-sco": "T(?c1, rdfs:subClassOf, ?c2) and T(?c2, rdfs:subClassOf, ?c3) imply T(?c1, rdfs:subClassOf, ?c3)",
    "scm-spo": "T(?p1, rdfs:subPropertyOf, ?p2) and T(?p2, rdfs:subPropertyOf, ?p3) imply T(?p1, rdfs:subPropertyOf, ?p3)",
}


@dataclass(frozen=True)
class Derivation:
    """How one triple was first derived: the rule and the triples it used."""

    rule: str
    premises: tuple[Triple, ...]


@dataclass
class Inference:
    """The result of reasoning: the kept inferred triples and how each was derived."""

    inferred: Graph
    derivations: dict[Triple, Derivation] = field(default_factory=dict)


def is_reportable(triple: Triple) -> bool:
    """Whether an entailed triple belongs in the inferred graph: a statement about our resources."""
    s, p, o = triple
    if not (isinstance(s, URIRef) and str(s).startswith(ID_NS)):
        return False
    if isinstance(o, BNode):  # membership of an anonymous class expression: an intermediate step
        return False
    if p == OWL.sameAs and s == o:
        return False
    return not (p == RDF.type and o in (OWL.Thing, RDFS.Resource, OWL.NamedIndividual))


def owlrl_closure(asserted: Graph) -> set[Triple]:
    """The reportable triples owlrl's OWL 2 RL closure adds to ``asserted`` (the reference engine)."""
    import owlrl

    work = Graph()
    for triple in asserted:
        work.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    return {t for t in work if t not in asserted and is_reportable(t)}


class _Facts:
    """A set of triples indexed by predicate, with the derivation of each triple not given."""

    def __init__(self, triples: Iterable[Triple]):
        self.by_predicate: dict = defaultdict(set)
        self.derivations: dict[Triple, Derivation] = {}
        self.all: set[Triple] = set()
        for triple in triples:
            self._put(triple)

    def _put(self, triple: Triple) -> None:
        self.all.add(triple)
        self.by_predicate[triple[1]].add((triple[0], triple[2]))

    def pairs(self, predicate) -> set:
        return self.by_predicate.get(predicate, set())

    def subjects_of_type(self, cls) -> Iterator:
        return (s for s, o in self.pairs(RDF.type) if o == cls)

    def add_all(self, found: dict[Triple, Derivation]) -> int:
        added = 0
        for triple, derivation in found.items():
            if triple not in self.all:
                self._put(triple)
                self.derivations[triple] = derivation
                added += 1
        return added


def _list_items(graph_index: _Facts, head) -> list:
    """The members of an RDF list, read from the indexed facts."""
    first = dict(graph_index.pairs(RDF.first))
    rest = dict(graph_index.pairs(RDF.rest))
    items, node, seen = [], head, set()
    while node != RDF.nil and node in first and node not in seen:
        seen.add(node)
        items.append(first[node])
        node = rest.get(node, RDF.nil)
    return items


def _one_round(facts: _Facts) -> dict[Triple, Derivation]:
    """Every conclusion of one application of the rules to the current facts."""
    found: dict[Triple, Derivation] = {}

    def conclude(triple: Triple, rule: str, *premises: Triple) -> None:
        if triple not in facts.all and triple not in found:
            found[triple] = Derivation(rule, premises)

    T = RDF.type
    # Property axioms.
    for p, c in list(facts.pairs(RDFS.domain)):
        for x, y in list(facts.pairs(p)):
            conclude((x, T, c), "prp-dom", (p, RDFS.domain, c), (x, p, y))
    for p, c in list(facts.pairs(RDFS.range)):
        for x, y in list(facts.pairs(p)):
            if not isinstance(y, Literal):
                conclude((y, T, c), "prp-rng", (p, RDFS.range, c), (x, p, y))
    for p in list(facts.subjects_of_type(OWL.SymmetricProperty)):
        for x, y in list(facts.pairs(p)):
            conclude((y, p, x), "prp-symp", (p, T, OWL.SymmetricProperty), (x, p, y))
    for p in list(facts.subjects_of_type(OWL.TransitiveProperty)):
        edges = list(facts.pairs(p))
        successors = defaultdict(list)
        for x, y in edges:
            successors[x].append(y)
        for x, y in edges:
            for z in successors.get(y, ()):
                conclude((x, p, z), "prp-trp", (p, T, OWL.TransitiveProperty), (x, p, y), (y, p, z))
    for p1, p2 in list(facts.pairs(RDFS.subPropertyOf)):
        for x, y in list(facts.pairs(p1)):
            conclude((x, p2, y), "prp-spo1", (p1, RDFS.subPropertyOf, p2), (x, p1, y))
    for p, head in list(facts.pairs(OWL.propertyChainAxiom)):
        chain = _list_items(facts, head)
        if not chain:
            continue
        paths = [((u, v), ((u, chain[0], v),)) for u, v in facts.pairs(chain[0])]
        for link in chain[1:]:
            successors = defaultdict(list)
            for x, y in facts.pairs(link):
                successors[x].append(y)
            paths = [((start, z), used + ((end, link, z),)) for (start, end), used in paths for z in successors.get(end, ())]
        for (start, end), used in paths:
            conclude((start, p, end), "prp-spo2", (p, OWL.propertyChainAxiom, head), *used)
    for p1, p2 in list(facts.pairs(OWL.inverseOf)):
        for x, y in list(facts.pairs(p1)):
            if not isinstance(y, Literal):
                conclude((y, p2, x), "prp-inv1", (p1, OWL.inverseOf, p2), (x, p1, y))
        for x, y in list(facts.pairs(p2)):
            if not isinstance(y, Literal):
                conclude((y, p1, x), "prp-inv2", (p1, OWL.inverseOf, p2), (x, p2, y))

    # Class axioms.
    members_of = defaultdict(set)
    for x, c in facts.pairs(T):
        members_of[c].add(x)
    for c1, c2 in list(facts.pairs(RDFS.subClassOf)):
        for x in list(members_of.get(c1, ())):
            conclude((x, T, c2), "cax-sco", (c1, RDFS.subClassOf, c2), (x, T, c1))
    for c1, c2 in list(facts.pairs(OWL.equivalentClass)):
        for x in list(members_of.get(c1, ())):
            conclude((x, T, c2), "cax-eqc1", (c1, OWL.equivalentClass, c2), (x, T, c1))
        for x in list(members_of.get(c2, ())):
            conclude((x, T, c1), "cax-eqc2", (c1, OWL.equivalentClass, c2), (x, T, c2))
    for c, head in list(facts.pairs(OWL.intersectionOf)):
        parts = _list_items(facts, head)
        if not parts:
            continue
        common = set.intersection(*(members_of.get(part, set()) for part in parts))
        for y in common:
            conclude((y, T, c), "cls-int1", (c, OWL.intersectionOf, head), *((y, T, part) for part in parts))
        for y in list(members_of.get(c, ())):
            for part in parts:
                conclude((y, T, part), "cls-int2", (c, OWL.intersectionOf, head), (y, T, c))
    on_property = dict(facts.pairs(OWL.onProperty))
    for x, y in list(facts.pairs(OWL.someValuesFrom)):
        p = on_property.get(x)
        if p is None:
            continue
        for u, v in list(facts.pairs(p)):
            if y == OWL.Thing:
                conclude((u, T, x), "cls-svf2", (x, OWL.someValuesFrom, y), (x, OWL.onProperty, p), (u, p, v))
            elif v in members_of.get(y, ()):
                conclude((u, T, x), "cls-svf1", (x, OWL.someValuesFrom, y), (x, OWL.onProperty, p), (u, p, v), (v, T, y))
    for x, y in list(facts.pairs(OWL.hasValue)):
        p = on_property.get(x)
        if p is None:
            continue
        for u in list(members_of.get(x, ())):
            conclude((u, p, y), "cls-hv1", (x, OWL.hasValue, y), (x, OWL.onProperty, p), (u, T, x))
        for u, v in list(facts.pairs(p)):
            if v == y:
                conclude((u, T, x), "cls-hv2", (x, OWL.hasValue, y), (x, OWL.onProperty, p), (u, p, y))

    # Schema: subclass and subproperty hierarchies are transitive.
    for rule, prop in (("scm-sco", RDFS.subClassOf), ("scm-spo", RDFS.subPropertyOf)):
        successors = defaultdict(list)
        for a, b in facts.pairs(prop):
            successors[a].append(b)
        for a, b in list(facts.pairs(prop)):
            for c in successors.get(b, ()):
                if a != c:
                    conclude((a, prop, c), rule, (a, prop, b), (b, prop, c))
    return found


def trace_closure(asserted: Graph) -> dict[Triple, Derivation]:
    """Apply the rules until nothing new follows; return every new triple with its first derivation."""
    facts = _Facts(asserted)
    while facts.add_all(_one_round(facts)):
        pass
    return facts.derivations


def infer(asserted: Graph, engine: str = "owlrl") -> Inference:
    """Close ``asserted`` under OWL 2 RL and explain every kept triple.

    ``engine`` chooses which closure is kept: ``owlrl`` (the reference) or ``trace`` (the
    rule tracer alone). Either way the tracer supplies the explanations.
    """
    derivations = trace_closure(asserted)
    traced = {t for t in derivations if is_reportable(t)}
    kept = owlrl_closure(asserted) if engine == "owlrl" else traced
    inferred = Graph()
    for triple in sorted(kept):
        inferred.add(triple)
    return Inference(inferred=inferred, derivations=derivations)


def describe_class_expression(graph: Graph, node) -> str:
    """A readable rendering of an anonymous OWL class (``City and (hasPort some Port)``)."""

    def name(term) -> str:
        if isinstance(term, BNode):
            return f"({describe_class_expression(graph, term)})"
        if isinstance(term, Literal):
            return f'"{term}"'
        text = str(term)
        return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]

    intersection = graph.value(node, OWL.intersectionOf)
    if intersection is not None:
        return " and ".join(name(part) for part in Collection(graph, intersection))
    prop = graph.value(node, OWL.onProperty)
    if prop is not None:
        for keyword, predicate in (("some", OWL.someValuesFrom), ("value", OWL.hasValue), ("only", OWL.allValuesFrom)):
            filler = graph.value(node, predicate)
            if filler is not None:
                return f"{name(prop)} {keyword} {name(filler)}"
    if (node, RDF.first, None) in graph:
        return "(" + " ".join(name(item) for item in Collection(graph, node)) + ")"
    return "anonymous class"
