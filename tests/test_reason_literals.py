"""Literals in OWL 2 RL: the datatype rules in both modes of the engine, and one term model.

Rules are named, and their if/then quoted, as in OWL 2 Profiles, section 4.3, table 8
(https://www.w3.org/TR/owl2-profiles/#Reasoning_in_OWL_2_RL_and_RDF_Graphs_using_Rules). Each test
closes a small inline graph in both modes: ``complete`` and ``build`` (``complete=False``, what
``nkgeo build`` uses, which leaves out the literal typings of every literal but must still find
every inconsistency and every conclusion about individuals).

The term model: the engine reads terms through an adapter, N-Triples text (what the build parses
with pyoxigraph) or rdflib terms (owlrl comparisons and tests). Both read a literal the RDF 1.1
way: ``"x"`` is an ``xsd:string``, ``"x"@en`` a language-tagged string, so the same data closes
the same whoever parsed it.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from nkgeo.build import engine as rules
from nkgeo.build.owlrl_reasoner import RdflibTerms

PREFIXES = """\
@prefix ex: <http://example.org/vocab#> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
ID = "https://w3id.org/nkgeo/id/"
SAME = "<http://www.w3.org/2002/07/owl#sameAs>"
DIFFERENT = "<http://www.w3.org/2002/07/owl#differentFrom>"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
MODES = {"complete": True, "build": False}


def nt_triples(turtle: str) -> list[tuple[str, str, str]]:
    import pyoxigraph as ox

    return [(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(PREFIXES + turtle, format=ox.RdfFormat.TURTLE)]


def closed(turtle: str, mode: str) -> rules.Engine:
    """The engine after closing ``turtle`` (parsed by pyoxigraph, as a build does)."""
    return rules.close(nt_triples(turtle), rules.NTriplesTerms(), complete=MODES[mode])


def found(engine: rules.Engine) -> set[tuple[str, str, str]]:
    return {engine.decode(triple) for triple in engine.triples()}


def false_rules(engine: rules.Engine) -> list[str]:
    return [rule for rule, _premises in engine.inconsistencies]


@pytest.mark.parametrize("mode", MODES)
def test_dt_not_type_an_ill_typed_literal(mode):
    """dt-not-type: T(?lt, rdf:type, ?dt) for a literal whose value is not in the value space of ?dt then false.
    An ill-typed literal has no value: the build reports it although it never materialises ?lt's type."""
    engine = closed('id:a ex:population "many"^^xsd:integer .', mode)
    assert false_rules(engine) == ["dt-not-type"]


@pytest.mark.parametrize("mode", MODES)
def test_dt_not_type_a_range_the_value_is_not_in(mode):
    """dt-not-type with a range: "abc" (an xsd:string) given the type xsd:integer by prp-rng, and -5 given
    xsd:positiveInteger; a value in the range's value space is fine."""
    engine = closed('ex:p rdfs:range xsd:integer . ex:q rdfs:range xsd:positiveInteger . '
                    'id:a ex:p "abc" , 7 . id:b ex:q -5 , 5 .', mode)
    offending = {engine.term(premises[-1][0]) for rule, premises in engine.inconsistencies if rule == "dt-not-type"}
    assert offending == {'"abc"', '"-5"^^<http://www.w3.org/2001/XMLSchema#integer>'}


@pytest.mark.parametrize("mode", MODES)
def test_cls_nothing2_without_any_schema(mode):
    """cls-nothing2: T(?x, rdf:type, owl:Nothing) then false, also in a graph with no schema triple."""
    assert false_rules(closed("id:a a owl:Nothing .", mode)) == ["cls-nothing2"]


@pytest.mark.parametrize("mode", MODES)
def test_dt_eq_through_owl_same_as(mode):
    """dt-eq: literals with the same data value are owl:sameAs; with eq-sym and eq-trans two individuals
    equal to them are the same."""
    engine = closed('id:w owl:sameAs "42"^^xsd:byte . id:v owl:sameAs "+042"^^xsd:byte .', mode)
    assert (f"<{ID}w>", SAME, f"<{ID}v>") in found(engine)


@pytest.mark.parametrize("mode", MODES)
def test_dt_diff_through_owl_same_as(mode):
    """dt-diff: literals with different data values are owl:differentFrom, and so are individuals equal to them."""
    engine = closed('id:w owl:sameAs "12"^^xsd:byte . id:v owl:sameAs "13"^^xsd:byte .', mode)
    assert (f"<{ID}w>", DIFFERENT, f"<{ID}v>") in found(engine)


@pytest.mark.parametrize("mode", MODES)
def test_dt_type2_reaches_an_individual_equal_to_a_literal(mode):
    """dt-type2 gives a literal its datatype and those above it; eq-rep-s copies them to an individual equal to it.
    In build mode only the literals in owl:sameAs are typed."""
    engine = closed("id:v owl:sameAs 42 . id:x ex:p 7 .", mode)
    closure = found(engine)
    assert (f"<{ID}v>", TYPE, "<http://www.w3.org/2001/XMLSchema#decimal>") in closure
    seven = ('"7"^^<http://www.w3.org/2001/XMLSchema#integer>', TYPE, "<http://www.w3.org/2001/XMLSchema#integer>")
    assert (seven in closure) == (mode == "complete")


@pytest.mark.parametrize("mode", MODES)
def test_datatype_clash_through_equality(mode):
    """cax-dw (complete) or dt-not-type: an integer that is the same as a boolean."""
    engine = closed('id:v a xsd:integer ; owl:sameAs "false"^^xsd:boolean .', mode)
    assert "dt-not-type" in false_rules(engine)


# One term model: a plain literal is an xsd:string whoever parsed it.

TERM_CASES = {
    # cls-svf1 reads the literal's type: "Pyongyang" is an xsd:string, so id:a is Named.
    "svf-string": "ex:Named owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:name ; owl:someValuesFrom xsd:string ] . "
                  'id:a ex:name "Pyongyang" .',
    # A language-tagged string is an rdf:PlainLiteral (OWL 2), not an xsd:string.
    "svf-plain-literal": "ex:Tagged owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:name ; owl:someValuesFrom rdf:PlainLiteral ] . "
                         'ex:Untagged owl:equivalentClass [ a owl:Restriction ; owl:onProperty ex:name ; owl:someValuesFrom xsd:string ] . '
                         'id:a ex:name "Pyongyang"@en .',
    # dt-not-type: an xsd:string is not an integer.
    "range-clash": 'ex:p rdfs:range xsd:integer . id:a ex:p "abc" .',
}


# What each case must give: a class id:a is in (None for none), and a rule concluding false (complete mode
# also finds the clash through the datatype axioms: cax-dw).
TERM_EXPECTED = {"svf-string": ("<http://example.org/vocab#Named>", []), "svf-plain-literal": ("<http://example.org/vocab#Tagged>", []),
                 "range-clash": (None, ["dt-not-type"])}


def reportable(engine: rules.Engine) -> set[tuple[str, str, str]]:
    """The triples a build reports (as ``is_reportable``), as N-Triples text whatever the engine's terms."""
    decoded = (engine.decode(triple) for triple in engine.triples())
    texts = {tuple(term.n3() if hasattr(term, "n3") else term for term in triple) for triple in decoded}  # rdflib terms or text
    left_out = {"<http://www.w3.org/2002/07/owl#Thing>", "<http://www.w3.org/2000/01/rdf-schema#Resource>",
                "<http://www.w3.org/2002/07/owl#NamedIndividual>"}
    return {(s, p, o) for s, p, o in texts if s.startswith(f"<{ID}") and not o.startswith("_:")
            and not (p == SAME and s == o) and not (p == TYPE and o in left_out)}


@pytest.mark.parametrize("name", TERM_CASES)
@pytest.mark.parametrize("mode", MODES)
def test_rdflib_and_ntriples_terms_close_alike(name, mode):
    """The same data, parsed by rdflib (RdflibTerms) and by pyoxigraph (NTriplesTerms), gives the same
    reportable triples and the same inconsistencies; each case's outcome depends on the literal's type."""
    turtle = TERM_CASES[name]
    by_rdflib = rules.close(Graph().parse(data=PREFIXES + turtle, format="turtle"), RdflibTerms(), complete=MODES[mode])
    by_pyoxigraph = closed(turtle, mode)
    assert reportable(by_rdflib) == reportable(by_pyoxigraph)
    assert false_rules(by_rdflib) == false_rules(by_pyoxigraph)
    cls, falsehoods = TERM_EXPECTED[name]
    assert cls is None or (f"<{ID}a>", TYPE, cls) in reportable(by_pyoxigraph)
    assert set(falsehoods) <= set(false_rules(by_pyoxigraph)) and bool(falsehoods) == bool(false_rules(by_pyoxigraph))
