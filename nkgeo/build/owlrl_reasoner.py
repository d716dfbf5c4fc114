"""OWL 2 RL reasoning over rdflib graphs: the closure, an explanation for every inferred triple, and
owlrl as the reference.

The closure is computed by :mod:`nkgeo.build.engine`, a semi-naive materialiser of the OWL 2 RL rules
(named as in the OWL 2 Profiles spec, tables 4-9) that records, for each triple it derives, the rule
and the premises of its *first* derivation: every premise was known before its conclusion, so an
explanation never loops. owlrl stays available as the reference (``nkgeo build --reasoner owlrl``);
``tests/test_reason.py`` and ``tests/test_reason_differential.py`` check that both infer the same
triples, and ``tests/test_conformance_owl2rl.py`` runs the OWL 2 RL conformance collection with both.
rdflib terms are read as the build reads its own (:class:`~nkgeo.build.engine.Terms`).

Only triples about the graph's own resources (subjects under ``id:``) are kept as "inferred": OWL 2
RL also entails axiomatic triples (``xsd:string a rdfs:Datatype``, ``x owl:sameAs x``...) that say
nothing about North Korea.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from nkgeo.build import engine as rules
from nkgeo.build.engine import describe, short_name
from nkgeo.namespaces import ID_NS

Triple = tuple
ENGINES = ("nkgeo", "owlrl")
RULES: dict[str, str] = rules.RULES


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


class RdflibTerms(rules.Terms):
    """rdflib terms for the engine, read as :class:`~nkgeo.build.engine.Terms` reads every literal
    (a plain one is an ``xsd:string``). Lexical forms are as rdflib normalised them when parsing."""

    def iri(self, text: str) -> URIRef:
        return URIRef(text)

    def kind(self, term) -> int:
        if isinstance(term, Literal):
            return rules.LITERAL
        return rules.BLANK if isinstance(term, BNode) else rules.IRI

    def literal_parts(self, term: Literal) -> tuple[str, str | None, str | None]:
        return str(term), term.language, (str(term.datatype) if term.datatype is not None else None)


def closure(asserted: Graph, complete: bool = False) -> rules.Engine:
    """The engine, run on ``asserted``; ``complete`` also materialises what OWL 2 RL entails of every
    resource alike (``x owl:sameAs x``, ``x a owl:Thing``, literal types, axiomatic triples)."""
    engine = rules.Engine(RdflibTerms(), complete=complete)
    engine.add_all(asserted)
    return engine.run()


def trace_closure(asserted: Graph, complete: bool = False) -> dict[Triple, Derivation]:
    """Apply the rules until nothing new follows; return every new triple with its first derivation."""
    engine = closure(asserted, complete)
    decode = engine.decode
    return {
        decode(triple): Derivation(rule, tuple(decode(premise) for premise in premises))
        for triple, rule, premises in engine.derived()
    }


def owlrl_closure(asserted: Graph) -> set[Triple]:
    """The reportable triples owlrl's OWL 2 RL closure adds to ``asserted`` (the reference engine)."""
    import owlrl

    work = Graph()
    for triple in asserted:
        work.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    return {t for t in work if t not in asserted and is_reportable(t)}


def infer(asserted: Graph, engine: str = "nkgeo") -> Inference:
    """Close ``asserted`` under OWL 2 RL and explain every kept triple.

    ``engine`` chooses which closure is kept: ``nkgeo`` (:mod:`nkgeo.build.engine`, the default) or
    ``owlrl`` (the reference). Either way our engine supplies the explanations. ``trace`` is an
    older name of ``nkgeo``.
    """
    if engine not in (*ENGINES, "trace"):
        raise ValueError(f"unknown reasoner {engine!r}; choose one of {', '.join(ENGINES)}")
    derivations = trace_closure(asserted)
    kept = owlrl_closure(asserted) if engine == "owlrl" else {t for t in derivations if is_reportable(t)}
    inferred = Graph()
    for triple in sorted(kept):
        inferred.add(triple)
    return Inference(inferred=inferred, derivations=derivations)


def describe_class_expression(graph: Graph, node) -> str:
    """A readable rendering of an anonymous OWL class of an rdflib graph."""

    def name(term) -> str:
        return f'"{term}"' if isinstance(term, Literal) else short_name(str(term))

    return describe(node, lambda n, p: graph.value(n, URIRef(p)), lambda head: list(Collection(graph, head)), name,
                    lambda term: isinstance(term, BNode))
