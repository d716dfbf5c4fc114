"""`nkgeo validate`: the shapes (ontology/shapes.ttl), the checks (ontology/checks/*-violation.rq)
and the examples that pin down what each one accepts and rejects.

Every example in tests/data/shapes opens with a comment: ``# Valid: ...`` or
``# Invalid (name, name): ...``, the names being exactly the shapes or checks that must fire.
Examples are validated together with the ontology (in graph:ontology), as the real data is, so
subclasses count; they get no reasoning, except where a test passes an inferred graph on purpose.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from nkgeo import namespaces as ns
from nkgeo.build.validate import SHAPES_NS, ValidationReport, dataset_store, load_checks, reference_results, validate_store
from nkgeo.errors import ShapesError

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILES = [ONTOLOGY_DIR / "nkgeo.ttl", ONTOLOGY_DIR / "schemes.ttl"]
EXAMPLES_DIR = Path(__file__).resolve().parent / "data" / "shapes"
EXAMPLES = sorted([*EXAMPLES_DIR.glob("*.ttl"), *EXAMPLES_DIR.glob("*.trig")])
VALID = [p for p in EXAMPLES if "-valid-" in p.name]
INVALID = [p for p in EXAMPLES if "-invalid-" in p.name]

ID_NS = "https://w3id.org/nkgeo/id/"
GRAPH_NS = "https://w3id.org/nkgeo/graph/"
HEADER = re.compile(r"^# (Valid|Invalid)(?: \(([^)]+)\))?: \S")


def quads(path: Path, graph: str | None = None) -> list:
    """A file's quads as pyoxigraph parses them (a build's parser); a Turtle file's in ``graph``."""
    fmt = ox.RdfFormat.TRIG if path.suffix == ".trig" else ox.RdfFormat.TURTLE
    found = ox.parse(path=str(path), format=fmt, rename_blank_nodes=True)
    return [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph) if graph else q.graph_name) for q in found]


@cache
def ontology() -> tuple:
    return tuple(q for path in ONTOLOGY_FILES for q in quads(path, ns.ONTOLOGY_GRAPH))


def load_example(path: Path, inferred=()):
    """The ontology plus the example, laid out as a compiled dataset's store: a TriG as it names its
    graphs, a Turtle file in one graph; no reasoning but the ``inferred`` triples given."""
    return dataset_store([*ontology(), *quads(path, None if path.suffix == ".trig" else GRAPH_NS + "example")], inferred)


def validate(store, shapes_dir: Path | None = None) -> ValidationReport:
    return validate_store(store, shapes_dir)


def header(path: Path) -> re.Match:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = HEADER.match(first)
    assert match, f"{path.name} must open with '# Valid: ...' or '# Invalid (names): ...', not {first!r}"
    return match


def example_id(path: Path) -> str:
    """'S04' for S04-invalid-02.ttl, 'fact-without-evidence' for fact-without-evidence-invalid-01.trig."""
    return re.split(r"-(?:in)?valid-\d+$", path.stem)[0]


@cache
def shape_names() -> frozenset[str]:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    return frozenset(str(s).removeprefix(SHAPES_NS) for s in found if str(s).startswith(SHAPES_NS))


def explain(report: ValidationReport) -> str:
    return "\n" + report.text


# ------------------------------------------------------------------------------------------
# The files are there and say what they are
# ------------------------------------------------------------------------------------------


def test_globs_found_files():
    assert (ONTOLOGY_DIR / "shapes.ttl").is_file()
    assert sorted((ONTOLOGY_DIR / "checks").glob("*-violation.rq")), "no checks in ontology/checks"
    assert VALID, f"no valid examples in {EXAMPLES_DIR}"
    assert INVALID, f"no invalid examples in {EXAMPLES_DIR}"
    assert len(VALID) + len(INVALID) == len(EXAMPLES), "an example is named neither -valid- nor -invalid-"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_header_matches_name(path):
    kind, names = header(path).groups()
    assert kind.lower() == ("valid" if path in VALID else "invalid")
    if kind == "Invalid":
        assert names, f"{path.name} must list the shapes or checks it breaks"
        known = shape_names() | {check.name for check in load_checks(ONTOLOGY_DIR)}
        listed = {name.strip() for name in names.split(",")}
        assert listed <= known, f"{path.name} lists unknown names: {listed - known}"


def test_every_shape_and_check_has_an_invalid_example():
    numbers = {name.split("-")[0] for name in shape_names() if re.match(r"S\d\d-", name)}
    checks = {check.name for check in load_checks(ONTOLOGY_DIR)}
    covered = {example_id(path) for path in INVALID}
    assert numbers | checks <= covered, f"no invalid example for {sorted((numbers | checks) - covered)}"


def test_shapes_carry_message_and_comment():
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    for name in shape_names():
        shape = URIRef(SHAPES_NS + name)
        assert re.match(r"S\d\d-[a-z-]+$", name), f"shape IRI {name} is not S<NN>-words"
        assert shapes.value(shape, SH.message), f"{name} has no sh:message"
        assert shapes.value(shape, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")), f"{name} has no rdfs:comment"


def test_shapes_graph_is_valid_shacl():
    """SHACL's own shapes for shapes graphs (pySHACL's meta_shacl) accept ours."""
    import pyshacl

    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _graph, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_checks_have_summary_and_reason():
    for check in load_checks(ONTOLOGY_DIR):
        text = check.path.read_text(encoding="utf-8")
        assert "#+ summary:" in text, f"{check.path.name} has no '#+ summary:' line"
        assert re.search(r"^# Why: ", text, re.MULTILINE), f"{check.path.name} does not say why it exists"


# ------------------------------------------------------------------------------------------
# The examples
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_example_conforms(path):
    report = validate(load_example(path))
    assert report.conforms, explain(report)
    assert report.violations == []
    assert report.text.startswith("Conforms: True\n")


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_fails_for_the_stated_reason(path):
    expected = {name.strip() for name in header(path).group(2).split(",")}
    report = validate(load_example(path))
    assert not report.conforms
    assert report.text.startswith("Conforms: False\n")
    assert {v.name for v in report.violations} == expected, explain(report)
    for name in expected:
        assert f"[{name}]" in report.text
    assert any(v.name == example_id(path) or v.name.startswith(example_id(path) + "-") for v in report.violations)


# ------------------------------------------------------------------------------------------
# How validate() behaves
# ------------------------------------------------------------------------------------------

CAPITAL_ONLY = """
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix id:    <https://w3id.org/nkgeo/id/> .
@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .
id:hamhung a nkgeo:City ; rdfs:label "Hamhung"@en ; nkgeo:capitalOf id:south-hamgyong-province .
id:south-hamgyong-province a nkgeo:Province .
"""


def test_inferred_triples_count():
    """A capital lies in its province only by reasoning (prp-spo1); the inferred graph settles S02."""
    data = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(GRAPH_NS + "gazetteer"))
            for t in ox.parse(CAPITAL_ONLY, format=ox.RdfFormat.TURTLE)]
    assert {v.name for v in validate(dataset_store([*ontology(), *data])).violations} == {"S02-city-located"}

    located = (ox.NamedNode(ID_NS + "hamhung"), ox.NamedNode(ns.NKGEO.locatedIn), ox.NamedNode(ID_NS + "south-hamgyong-province"))
    report = validate(dataset_store([*ontology(), *data], inferred=[located]))
    assert report.conforms, explain(report)


def test_check_result_lands_in_results_graph():
    """A row of a check makes the SHACL results graph say sh:conforms false and carry the result."""
    report = validate(load_example(EXAMPLES_DIR / "derived-class-asserted-invalid-01.trig"))
    graph = report.results_graph
    reports = list(graph.subjects(RDF.type, SH.ValidationReport))
    assert len(reports) == 1
    assert graph.value(reports[0], SH.conforms) == Literal(False)
    sources = {graph.value(r, SH.sourceConstraint) for r in graph.objects(reports[0], SH.result)}
    assert URIRef(SHAPES_NS + "derived-class-asserted") in sources
    line = "id:wonsan rdf:type nkgeo:PortCity: A class that reasoning derives"
    assert any(text.startswith(line) for text in report.text.splitlines()), explain(report)


def test_report_text_lists_counts_first():
    report = validate(load_example(EXAMPLES_DIR / "S01-invalid-01.ttl"))
    lines = report.text.splitlines()
    assert lines[0] == "Conforms: False"
    assert re.match(r"Checked \d+ triples against \d+ shapes and \d+ checks: 1 problems from shapes, 0 from checks\.$", lines[1])
    assert lines[2] == "id:hamhung rdfs:label: A city needs at least one rdfs:label, so that people can find it by name. [S01-city-label]"


@pytest.fixture
def shapes_dir(tmp_path):
    """A copy of ontology/'s shapes and checks, to break one at a time."""
    shutil.copy(ONTOLOGY_DIR / "shapes.ttl", tmp_path / "shapes.ttl")
    shutil.copytree(ONTOLOGY_DIR / "checks", tmp_path / "checks")
    return tmp_path


def test_shapes_dir_is_used(shapes_dir):
    (shapes_dir / "checks" / "always-violation.rq").write_text("#+ summary: Always fails.\nSELECT ?focus WHERE { BIND(<urn:x> AS ?focus) }\n")
    report = validate(ox.Store(), shapes_dir=shapes_dir)
    assert [v.name for v in report.violations] == ["always"]
    assert report.text.splitlines()[2] == "<urn:x>: Always fails. [always]"


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("shapes.ttl", "this is not turtle", "shapes.ttl does not parse"),
        (
            "shapes.ttl",
            '@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> a sh:PropertyShape ; sh:path <urn:p> ; sh:minCount "one" ; sh:targetNode <urn:x> .\n',
            "shapes.ttl cannot be used",
        ),
        ("checks/broken-violation.rq", "SELECT ?focus WHERE { ?focus ", "check broken-violation.rq does not parse"),
        ("checks/ask-violation.rq", "ASK { ?s ?p ?o }", "check ask-violation.rq must be a SELECT query"),
    ],
    ids=["shapes-syntax", "shapes-meaning", "check-syntax", "check-not-select"],
)
def test_broken_shapes_or_checks_raise(shapes_dir, file_name, content, message):
    """Exit code 2 in `nkgeo validate`: the rules are broken, not the data."""
    (shapes_dir / file_name).write_text(content, encoding="utf-8")
    with pytest.raises(ShapesError, match=re.escape(message)) as caught:
        validate(ox.Store(), shapes_dir=shapes_dir)
    assert caught.value.exit_code == 2
    assert "\n" not in str(caught.value)


def test_missing_shapes_file_raises(tmp_path):
    with pytest.raises(ShapesError, match="no shapes file"):
        validate(ox.Store(), shapes_dir=tmp_path)


# ------------------------------------------------------------------------------------------
# The compiled shapes agree with pySHACL, the reference
# ------------------------------------------------------------------------------------------


def compiled_results(report: ValidationReport) -> set[tuple]:
    """The shape results as :func:`reference_results` gives pySHACL's: (shape, component, focus, path, value)."""
    def text(term):
        return None if term is None else str(term)

    return {(text(r.shape), r.component, text(r.focus), text(r.path), text(r.value)) for r in report.results if not r.check}


def assert_agrees_with_pyshacl(store, shapes_dir: Path | None = None) -> set[tuple]:
    report = validate(store, shapes_dir)
    conforms, expected = reference_results(store, shapes_dir)
    found = compiled_results(report)
    assert found == expected, f"compiled only: {sorted(found - expected)}\npySHACL only: {sorted(expected - found)}"
    assert (not found) == conforms
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_compiled_shapes_agree_with_pyshacl_on_every_example(path):
    found = assert_agrees_with_pyshacl(load_example(path))
    shape_names = {name.strip() for name in (header(path).group(2) or "").split(",") if re.match(r"S\d\d-", name.strip())}
    assert {shape.removeprefix("<" + SHAPES_NS).removesuffix(">") for shape, *_rest in found} == shape_names


def test_compiled_shapes_agree_with_pyshacl_on_the_shipped_graph(compiled):
    assert compiled.validation.conforms, compiled.validation.text
    assert assert_agrees_with_pyshacl(compiled.store) == set()


BROKEN_SHIPPED = """
PREFIX nkgeo: <https://w3id.org/nkgeo/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?city rdfs:label ?label } WHERE { VALUES ?city { <https://w3id.org/nkgeo/id/hamhung> <https://w3id.org/nkgeo/id/wonsan> } ?city rdfs:label ?label } ;
DELETE { ?e nkgeo:minValue ?v } INSERT { ?e nkgeo:minValue "many" } WHERE { ?e nkgeo:minValue ?v . FILTER(?v < 740000) } ;
DELETE { ?e nkgeo:maxValue ?v } INSERT { ?e nkgeo:maxValue -3, 12 } WHERE { ?e nkgeo:maxValue ?v . FILTER(?v > 790000) } ;
DELETE { ?e nkgeo:startOffset ?s } INSERT { ?e nkgeo:startOffset "5.0"^^xsd:integer } WHERE { ?e nkgeo:startOffset ?s . FILTER(?s < 40) } ;
INSERT { ?doc nkgeo:contentHash "ABC" } WHERE { ?doc a nkgeo:SourceDocument } ;
INSERT { <https://w3id.org/nkgeo/id/nowhere> a nkgeo:City ; nkgeo:locatedIn <https://w3id.org/nkgeo/id/hamhung> } WHERE {}
"""


def test_compiled_shapes_agree_with_pyshacl_on_a_broken_shipped_graph(compiled):
    """The shipped graph with labels removed, values of the wrong type, swapped bounds, ill-typed and
    extra values: every shape family fails somewhere, and both engines find the same results."""
    store = ox.Store()
    store.extend(compiled.store.quads_for_pattern(None, None, None, None))
    store.update(BROKEN_SHIPPED)
    found = assert_agrees_with_pyshacl(store)
    families = {shape.split("#")[1][:3] for shape, *_rest in found}
    assert {"S01", "S02", "S04", "S09", "S10"} <= families, sorted(found)
    assert len(found) > 20


EDGE_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Count a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:p ; sh:minCount 2 ; sh:maxCount 3 ; sh:message "count" .
ex:None a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:forbidden ; sh:maxCount 0 ; sh:message "none" .
ex:Typed a sh:PropertyShape ; sh:targetSubjectsOf ex:n ; sh:path ex:n ; sh:datatype xsd:nonNegativeInteger ; sh:maxExclusive 10 ;
    sh:minExclusive -1 ; sh:message "typed" .
ex:Lang a sh:PropertyShape ; sh:targetObjectsOf ex:link ; sh:path ex:name ; sh:datatype <http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> ;
    sh:pattern "^a" ; sh:flags "i" ; sh:message "lang" .
ex:Kinds a sh:PropertyShape ; sh:targetNode ex:x, ex:y ; sh:path ex:q ; sh:nodeKind sh:BlankNodeOrIRI ; sh:in ( ex:a ex:b 1 ) ;
    sh:hasValue ex:a ; sh:message "kinds" .
ex:Inverse a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path [ sh:inversePath ex:link ] ; sh:maxCount 1 ; sh:message "inverse" .
ex:Logic a sh:NodeShape ; sh:targetClass ex:Thing ;
    sh:and ( [ sh:nodeKind sh:IRI ] [ sh:node ex:Labelled ] ) ; sh:not [ sh:class ex:Banned ] ; sh:message "logic" .
ex:Labelled a sh:NodeShape ; sh:property [ sh:path rdfs:label ; sh:minCount 1 ; sh:maxCount 1 ] .
ex:Pairs a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:low ; sh:lessThan ex:high ; sh:lessThanOrEquals ex:cap ; sh:message "pairs" .
ex:Qualified a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:Good ] ;
    sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ; sh:message "qualified" .
ex:Range a sh:PropertyShape ; sh:targetClass ex:Thing ; sh:path ex:low ; sh:minInclusive 0 ; sh:maxInclusive 100 ; sh:message "range" .
"""
EDGE_DATA = """
@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:SubThing rdfs:subClassOf ex:Thing .
ex:t1 a ex:Thing ; ex:p ex:g1 ; rdfs:label "one" ; ex:low 1 ; ex:high 2 ; ex:cap 1 .
ex:t2 a ex:SubThing ; ex:p ex:g1, ex:g2, ex:o3, ex:o4 ; ex:forbidden 1 ; ex:low "x" ; ex:high 2, 0 ; ex:cap 1.5 .
ex:t3 a ex:Thing, ex:Banned ; rdfs:label "a", "b" ; ex:low 5 ; ex:high <http://example.org/iri> ; ex:low 200 .
_:t4 a ex:Thing ; ex:p [] ; rdfs:label "anon" .
ex:g1 a ex:Good . ex:g2 a ex:Good .
ex:m ex:n 3, -2, "4"^^xsd:nonNegativeInteger, "12"^^xsd:nonNegativeInteger, "-1"^^xsd:nonNegativeInteger, "7" .
ex:t1 ex:link ex:named . ex:t2 ex:link ex:named . ex:named ex:name "Apple"@en, "banana"@en, "avocado", _:b .
ex:x ex:q ex:a, ex:c, 1, "1"^^xsd:decimal, _:z . ex:y ex:q ex:b .
"""


def test_compiled_shapes_agree_with_pyshacl_on_edge_cases(tmp_path):
    """Every supported feature on awkward data: subclass targets, blank focus nodes, ill-typed and
    out-of-range literals, language tags, incomparable values, sh:in with numbers, nested shapes."""
    (tmp_path / "shapes.ttl").write_text(EDGE_SHAPES, encoding="utf-8")
    (tmp_path / "checks").mkdir()
    data = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(GRAPH_NS + "edge")) for t in ox.parse(EDGE_DATA, format=ox.RdfFormat.TURTLE)]
    found = assert_agrees_with_pyshacl(dataset_store(data), tmp_path)
    components = {component for _shape, component, *_rest in found}
    assert components >= {"MinCountConstraintComponent", "MaxCountConstraintComponent", "DatatypeConstraintComponent",
                          "PatternConstraintComponent", "InConstraintComponent", "HasValueConstraintComponent",
                          "NodeKindConstraintComponent", "AndConstraintComponent", "NotConstraintComponent",
                          "LessThanConstraintComponent", "LessThanOrEqualsConstraintComponent",
                          "QualifiedMaxCountConstraintComponent", "QualifiedMinCountConstraintComponent",
                          "MinInclusiveConstraintComponent", "MaxInclusiveConstraintComponent", "MaxExclusiveConstraintComponent"}, sorted(components)


def test_an_ill_typed_literal_fails_the_range_constraints_too(tmp_path):
    """The one known difference with pySHACL: a literal outside its datatype's lexical space
    ("5.0"^^xsd:nonNegativeInteger) cannot be compared in SPARQL, so it fails sh:minExclusive here,
    while pySHACL compares its lexical form and lets it pass. Both report it through sh:datatype."""
    (tmp_path / "shapes.ttl").write_text(EDGE_SHAPES, encoding="utf-8")
    (tmp_path / "checks").mkdir()
    data = [ox.Quad(ox.NamedNode("http://example.org/m"), ox.NamedNode("http://example.org/n"),
                    ox.Literal("5.0", datatype=ox.NamedNode(ns.XSD.nonNegativeInteger)), ox.NamedNode(GRAPH_NS + "edge"))]
    store = dataset_store(data)
    ours = {component for _s, component, *_rest in compiled_results(validate(store, tmp_path))}
    theirs = {component for _s, component, *_rest in reference_results(store, tmp_path)[1]}
    assert "DatatypeConstraintComponent" in ours & theirs
    assert ours - theirs == {"MinExclusiveConstraintComponent"}


@pytest.mark.parametrize("term", ["sh:minLength 3", "sh:equals rdfs:label", "sh:closed true", "sh:xone ( [ sh:minCount 1 ] )",
                                  "sh:sparql [ sh:select \"SELECT $this WHERE {}\" ]", "sh:languageIn ( \"en\" )"])
def test_an_unsupported_constraint_fails_at_load_time(shapes_dir, term):
    """The compiler never skips what it cannot compile: the shapes are refused (exit code 2 in nkgeo validate)."""
    with (shapes_dir / "shapes.ttl").open("a", encoding="utf-8") as handle:
        handle.write(f"\nshapes:S99-new a sh:PropertyShape ; sh:targetClass nkgeo:City ; sh:path rdfs:label ; {term} .\n")
    name = term.split()[0]
    with pytest.raises(ShapesError, match=re.escape(f"shapes.ttl cannot be used: S99-new uses {name}, which nkgeo's SHACL compiler does not support")):
        validate(ox.Store(), shapes_dir=shapes_dir)


def test_a_nested_count_it_cannot_compile_fails_at_load_time(shapes_dir):
    with (shapes_dir / "shapes.ttl").open("a", encoding="utf-8") as handle:
        handle.write("\nshapes:S99-new a sh:NodeShape ; sh:targetClass nkgeo:City ; sh:not [ sh:path rdfs:label ; sh:minCount 2 ] .\n")
    with pytest.raises(ShapesError, match="cannot compile there"):
        validate(ox.Store(), shapes_dir=shapes_dir)


# ------------------------------------------------------------------------------------------
# The shipped ontology and graph
# ------------------------------------------------------------------------------------------


def test_shipped_ontology_and_graph_conform_with_owlrl_as_the_reasoner():
    """The shipped graph closed by owlrl (the reference reasoner) conforms as well."""
    from nkgeo.build.cache import CompiledDataset

    compiled = CompiledDataset.open(reasoner="owlrl", warn=False)
    assert compiled.meta["reasoner"] == "owlrl"
    assert compiled.validation.conforms, compiled.validation.text
