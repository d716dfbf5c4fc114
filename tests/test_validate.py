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

import pytest
from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from nkgeo import namespaces as ns
from nkgeo.build.validate import SHAPES_NS, ValidationReport, load_checks, validate
from nkgeo.errors import ShapesError

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILES = [ONTOLOGY_DIR / "nkgeo.ttl", ONTOLOGY_DIR / "schemes.ttl"]
GRAPH_FILES = sorted((ROOT / "graph").glob("*.trig"))
EXAMPLES_DIR = Path(__file__).resolve().parent / "data" / "shapes"
EXAMPLES = sorted([*EXAMPLES_DIR.glob("*.ttl"), *EXAMPLES_DIR.glob("*.trig")])
VALID = [p for p in EXAMPLES if "-valid-" in p.name]
INVALID = [p for p in EXAMPLES if "-invalid-" in p.name]

ID_NS = "https://w3id.org/nkgeo/id/"
GRAPH_NS = "https://w3id.org/nkgeo/graph/"
ONTOLOGY_GRAPH = URIRef(GRAPH_NS + "ontology")
PROVENANCE_GRAPH = URIRef(GRAPH_NS + "provenance")
HEADER = re.compile(r"^# (Valid|Invalid)(?: \(([^)]+)\))?: \S")


@cache
def ontology() -> Graph:
    graph = Graph()
    for path in ONTOLOGY_FILES:
        graph.parse(path, format="turtle")
    return graph


def with_ontology() -> Dataset:
    dataset = Dataset()
    target = dataset.graph(ONTOLOGY_GRAPH)
    for triple in ontology():
        target.add(triple)
    return dataset


def load_example(path: Path) -> Dataset:
    """The ontology plus the example: a TriG as it names its graphs, a Turtle file in one graph."""
    dataset = with_ontology()
    if path.suffix == ".trig":
        dataset.parse(path, format="trig")
    else:
        dataset.graph(URIRef(GRAPH_NS + "example")).parse(path, format="turtle")
    return dataset


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
    """A capital lies in its province only by reasoning (prp-spo1); the inferred graph passed in settles S02."""
    dataset = with_ontology()
    dataset.graph(URIRef(GRAPH_NS + "gazetteer")).parse(data=CAPITAL_ONLY, format="turtle")
    assert {v.name for v in validate(dataset).violations} == {"S02-city-located"}

    inferred = Graph()
    inferred.add((URIRef(ID_NS + "hamhung"), URIRef(ns.NKGEO.locatedIn), URIRef(ID_NS + "south-hamgyong-province")))
    report = validate(dataset, inferred)
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
    report = validate(Dataset(), shapes_dir=shapes_dir)
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
        validate(Dataset(), shapes_dir=shapes_dir)
    assert caught.value.exit_code == 2
    assert "\n" not in str(caught.value)


def test_missing_shapes_file_raises(tmp_path):
    with pytest.raises(ShapesError, match="no shapes file"):
        validate(Dataset(), shapes_dir=tmp_path)


# ------------------------------------------------------------------------------------------
# The shipped ontology and graph
# ------------------------------------------------------------------------------------------


def owlrl_inferred(dataset: Dataset) -> Graph:
    """The OWL 2 RL closure of what nkgeo reasons over (provenance and links aside, see
    nkgeo.dataset.reasoning_input), kept where the subject is ours."""
    import owlrl

    from nkgeo.build.pipeline import NOT_REASONED

    work = Graph()
    for s, p, o, graph in dataset.quads((None, None, None, None)):
        if str(graph) not in NOT_REASONED:
            work.add((s, p, o))
    asserted = set(work)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    inferred = Graph()
    for triple in work:
        if triple not in asserted and str(triple[0]).startswith(ID_NS):
            inferred.add(triple)
    return inferred


def test_shipped_ontology_and_graph_conform():
    assert GRAPH_FILES, f"no graph/*.trig in {ROOT}"
    dataset = with_ontology()
    for path in GRAPH_FILES:
        dataset.parse(path, format="trig")
    report = validate(dataset, owlrl_inferred(dataset))
    assert report.conforms, explain(report)
