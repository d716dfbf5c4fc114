"""The OWL 2 RL conformance collection, run with nkgeo's reasoner (:mod:`nkgeo.build.engine`) in both
modes, and with owlrl for comparison.

The collection is ``../shared/conformance/owl2-rdfbased-rl/owl2rl`` (Schneider and Mainzer, FZI,
2009; its ``readme.txt`` gives the format), read where it is and never copied here; without it every
test here fails, naming the path. Each of its 273 folders has a metadata file whose
``testcase.type`` is ``POSITIVE_ENTAILMENT`` (a premise graph must entail a conclusion graph) or
``INCONSISTENCY`` (a graph with no model). As the readme says for forward chainers, an entailment
test passes when the conclusion is contained in the closure of the premise, and an inconsistency
test when the closure reports an inconsistency (a rule concluding ``false``). Blank nodes of a
conclusion are existential: the check looks for an assignment that maps the whole conclusion into
the closure. Graphs are parsed with pyoxigraph, as ``nkgeo build`` parses the sources.

The engine runs in both modes:

* ``complete`` (``complete=True``): every conclusion must be in the closure.
* ``build`` (``complete=False``, what ``nkgeo build`` uses): the engine deliberately leaves out the
  triples OWL 2 RL entails of every resource alike (its module docstring), so a conclusion triple of
  one of these kinds may be missing, and no other (:func:`left_out_by_builds`):
  ``x owl:sameAs x`` (eq-ref), ``x rdf:type owl:Thing``, ``lit rdf:type dt`` for a literal
  (dt-type2), and the axiomatic triples: the closure of the empty graph in ``complete`` mode
  (prp-ap, cls-thing, cls-nothing1, dt-type1, dt-sub, dt-dw and what the schema rules make of them),
  computed, not listed. Every inconsistency must be found, with no exemption. (The build mode
  also applies dt-eq only to the literals that are ``owl:sameAs`` something, so it does not copy a
  fact to another spelling of an equal value, as owlrl does not; no test here needs more.)

owlrl's results are measured here too, not written down: :func:`test_the_engine_passes_what_owlrl_passes`
runs owlrl on every test (about a minute) and the summary prints how many each reasoner passes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from nkgeo import namespaces as ns
from nkgeo.build import engine as rules

SUITE = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "owl2-rdfbased-rl" / "owl2rl"
MISSING = f"the OWL 2 RL conformance collection is not at {SUITE}: the tests read it from ../shared/ beside the checkout"
TESTS = sorted(p.name for p in SUITE.iterdir() if p.is_dir()) if SUITE.is_dir() else []
MODES = {"complete": True, "build": False}
BASE = "http://www.example.org/"
SAME, TYPE, THING = f"<{ns.OWL.sameAs}>", f"<{ns.RDF.type}>", f"<{ns.OWL.Thing}>"

Triple = tuple[str, str, str]


def folder(name: str) -> Path:
    """A test's folder; the run fails (never skips) when the collection is missing."""
    if not SUITE.is_dir():
        pytest.fail(MISSING, pytrace=False)
    return SUITE / name


def kind(name: str) -> str:
    metadata = next(folder(name).glob("*.metadata.properties")).read_text(encoding="utf-8")
    return re.search(r'testcase\.type">(\w+)<', metadata)[1]


def graph_file(name: str, role: str) -> Path:
    """``premise``, ``conclusion`` or, for an inconsistency test, ``graph``."""
    return next(folder(name).glob(f"*.{role}graph.ttl" if role != "graph" else "*.graph.ttl"))


def read(path: Path) -> list[Triple]:
    """A graph as N-Triples terms; relative IRIs (there are none in the collection) against its namespace."""
    import pyoxigraph as ox

    return [(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=BASE)]


def entails(closure: set[Triple], conclusion: list[Triple]) -> bool:
    """Whether some assignment of the conclusion's blank nodes maps every conclusion triple into the closure."""
    by_predicate: dict[str, list] = {}
    for triple in closure:
        by_predicate.setdefault(triple[1], []).append(triple)
    patterns = sorted(conclusion, key=lambda t: sum(term.startswith("_:") for term in t))

    def match(index: int, binding: dict) -> bool:
        if index == len(patterns):
            return True
        pattern = tuple(binding.get(term, term) for term in patterns[index])
        candidates = closure if pattern[1].startswith("_:") else by_predicate.get(pattern[1], ())
        for triple in candidates:
            bound = dict(binding)
            for term, value in zip(pattern, triple, strict=True):
                if term.startswith("_:"):
                    if bound.setdefault(term, value) != value:
                        break
                elif term != value:
                    break
            else:
                if match(index + 1, bound):
                    return True
        return False

    return match(0, {})


@cache
def axiomatic() -> frozenset[Triple]:
    """What OWL 2 RL entails from the empty graph, as the engine's complete mode closes it."""
    engine = rules.close([], rules.NTriplesTerms(), complete=True)
    return frozenset(engine.decode(triple) for triple in engine.triples())


def left_out_by_builds(triple: Triple) -> str | None:
    """Why ``complete=False`` may leave out this conclusion triple, or None if it must hold."""
    s, p, o = triple
    if p == SAME and s == o:
        return "eq-ref"
    if p == TYPE and o == THING:
        return "owl:Thing"
    if p == TYPE and s.startswith('"'):
        return "literal typing"
    if triple in axiomatic():
        return "axiomatic"
    return None


class Outcome(NamedTuple):
    passed: bool
    exempted: tuple[str, ...] = ()  # the kinds of conclusion triples left out (build mode)
    alarms: tuple[str, ...] = ()  # inconsistencies found in a premise graph, which has models


@cache
def outcome(name: str, complete: bool) -> Outcome:
    """The engine on one test: passed or not, and what the build mode's exemptions were used for."""
    if kind(name) == "INCONSISTENCY":
        engine = rules.close(read(graph_file(name, "graph")), rules.NTriplesTerms(), complete=complete)
        return Outcome(bool(engine.inconsistencies))
    engine = rules.close(read(graph_file(name, "premise")), rules.NTriplesTerms(), complete=complete)
    closure = {engine.decode(triple) for triple in engine.triples()}
    conclusion = read(graph_file(name, "conclusion"))
    exempted: list[str] = []
    if not complete:
        reasons = [(triple, left_out_by_builds(triple)) for triple in conclusion]
        conclusion = [triple for triple, reason in reasons if reason is None]
        exempted = [reason for triple, reason in reasons if reason is not None and triple not in closure]
    alarms = tuple(rule for rule, _premises in engine.inconsistencies)
    return Outcome(entails(closure, conclusion), tuple(exempted), alarms)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", TESTS or ["collection-missing"])
def test_owl2rl_collection(name, mode):
    assert outcome(name, MODES[mode]).passed


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", TESTS or ["collection-missing"])
def test_consistent_premises_are_not_reported_inconsistent(name, mode):
    """No false alarm: the premises of the entailment tests have models, so nothing concludes false."""
    if kind(name) == "POSITIVE_ENTAILMENT":
        assert outcome(name, MODES[mode]).alarms == ()


def test_the_collection_is_complete():
    """273 tests, 209 entailments and 64 inconsistencies."""
    folder("")
    kinds = [kind(name) for name in TESTS]
    assert (len(TESTS), kinds.count("POSITIVE_ENTAILMENT"), kinds.count("INCONSISTENCY")) == (273, 209, 64)


# owlrl on the same collection, measured (it takes about a minute: 0.2 s a test).


@cache
def owlrl_passes(name: str) -> bool:
    """owlrl on one test: its closure (rdflib terms, as N3) must entail the conclusion, or report an
    inconsistency (an error triple, or a member of owl:Nothing) for an inconsistency test."""
    import owlrl
    from owlrl.Namespaces import ERRNS
    from rdflib import Graph, URIRef

    inconsistency = kind(name) == "INCONSISTENCY"
    graph = Graph().parse(graph_file(name, "graph" if inconsistency else "premise"), format="turtle", publicID=BASE)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    if inconsistency:
        return any(True for _ in graph.objects(None, ERRNS.error)) or any(True for _ in graph.subjects(URIRef(ns.RDF.type), URIRef(ns.OWL.Nothing)))
    conclusion = Graph().parse(graph_file(name, "conclusion"), format="turtle", publicID=BASE)
    return entails({tuple(term.n3() for term in triple) for triple in graph}, [tuple(term.n3() for term in triple) for triple in conclusion])


@pytest.mark.parametrize("name", TESTS or ["collection-missing"])
def test_the_engine_passes_what_owlrl_passes(name):
    """Never worse than the reference: a test owlrl passes, the engine passes in both modes."""
    if owlrl_passes(name):
        assert outcome(name, True).passed and outcome(name, False).passed


def test_summary(capsys):
    """What each reasoner passes, printed with the test run's output; the engine passes all, in both modes."""
    folder("")
    total = len(TESTS)
    complete = sum(outcome(name, True).passed for name in TESTS)
    build = sum(outcome(name, False).passed for name in TESTS)
    left_out: dict[str, int] = {}
    for name in TESTS:
        for reason in outcome(name, False).exempted:
            left_out[reason] = left_out.get(reason, 0) + 1
    helped = sum(1 for name in TESTS if outcome(name, False).exempted)
    reference = sum(owlrl_passes(name) for name in TESTS)
    with capsys.disabled():
        print(f"\nOWL 2 RL collection, {total} tests: the engine passes {complete} complete and {build} in build mode "
              f"({helped} of them with conclusion triples left out: {dict(sorted(left_out.items()))}); owlrl passes {reference}")
    assert complete == build == total
