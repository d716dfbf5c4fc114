"""Is the dataset well formed? SHACL shapes over asserted + inferred triples, SPARQL checks across named graphs.

``ontology/shapes.ttl`` says what a city, an estimate or an evidence record must look like. The
build runs it on the compiled store, over every asserted triple (once) and graph:inferred, with no
reasoning of its own (the store already holds the OWL 2 RL closure): the shapes are compiled into
SPARQL (:mod:`nkgeo.build.shacl`), which pyoxigraph evaluates in a fraction of pySHACL's time;
pySHACL stays as the reference the compiled shapes are tested against (:func:`reference_results`).
Rules that compare named graphs, such as "every fact in a document graph has an evidence record
from that document", cannot be said over one graph, so each is a SELECT in
``ontology/checks/<name>-violation.rq`` run on the named graphs: every row it returns is a violation.

A check names its columns after SHACL's result fields where it can: ``?focus`` (the node at
fault), ``?path`` (a predicate) and ``?value``; any other column is shown beside the message, which
is the check's ``#+ summary:`` line.

The build records the report (``validation.json``); ``nkgeo validate`` prints it and exits 0 when
the data conforms, 1 when it does not, and 2 when the shapes or checks themselves cannot be used
(:class:`nkgeo.errors.ShapesError`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.build import shacl
from nkgeo.build.shacl import SHAPES_FILE, SHAPES_NS, Result
from nkgeo.errors import ShapesError

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["SHAPES_FILE", "SHAPES_NS", "Check", "ValidationReport", "Violation", "load_checks", "validate_store"]

CHECKS_FOLDER = "checks"
CHECK_SUFFIX = "-violation.rq"


@dataclass(frozen=True)
class Violation:
    """One problem, from a shape or a check, with its terms already written for people."""

    source: str  # IRI of the shape (or of the check, under the shapes namespace)
    name: str  # short name of the source: "S01-city-label", "fact-without-evidence"
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str = "Violation"

    def line(self) -> str:
        """Focus, path, value (when it adds something), message, and where the rule lives."""
        parts = [self.focus]
        if self.path:
            parts.append(self.path)
        if self.value and self.value != self.focus:
            parts.append(self.value)
        severity = "" if self.severity == "Violation" else f" ({self.severity})"
        return f"{' '.join(parts)}: {self.message} [{self.name}]{severity}"


@dataclass(frozen=True)
class Check:
    """A ``*-violation.rq`` query: it must return no rows."""

    name: str
    path: Path
    summary: str
    query: str

    @property
    def iri(self) -> str:
        return SHAPES_NS + self.name


@dataclass
class ValidationReport:
    """What ``nkgeo validate`` prints and how it exits: the verdict, one line per problem, and the
    results (pyoxigraph terms), from which the SHACL results graph is made on request."""

    conforms: bool
    text: str
    violations: list[Violation] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)

    @property
    def results_graph(self) -> Graph:
        """The report as a SHACL results graph (rdflib), as pySHACL writes one."""
        return _results_graph(self.conforms, self.results)

    def summary(self) -> dict:
        """The report for programs (``nkgeo validate --format json``): the verdict and each problem's
        shape or check, focus, path, value, message and severity, as the text report words them."""
        return {"conforms": self.conforms, "problems": len(self.violations), "violations": [asdict(v) for v in self.violations]}

    def to_json(self) -> dict:
        """The report as the build records it (``validation.json``): terms in N-Triples syntax."""
        return {"conforms": self.conforms, "text": self.text, "violations": [asdict(v) for v in self.violations],
                "results": [r.to_json() for r in self.results]}

    @classmethod
    def from_json(cls, data: dict) -> ValidationReport:
        return cls(conforms=data["conforms"], text=data["text"], violations=[Violation(**v) for v in data["violations"]],
                   results=[Result.from_json(r) for r in data["results"]])


def validate_store(store, shapes_dir: Path | None = None, inferred: int | None = None) -> ValidationReport:
    """Run the shapes on the store's default graph plus graph:inferred (and graph:inferred-provenance
    when it holds records), the checks on its named graphs.

    The store is laid out as a compiled dataset's (:func:`dataset_store`): every asserted triple
    once in its default graph, each source's triples in its named graph, the closure in
    graph:inferred. ``shapes_dir`` holds ``shapes.ttl`` and ``checks/``; by default the project's
    ``ontology/``. ``inferred``: the size of graph:inferred, when the caller has counted it (the
    report counts the triples checked, and a count is a scan of the store).
    Raises :class:`ShapesError` when a shapes file or a check cannot be read or run.
    """
    import pyoxigraph as ox

    folder = shapes_dir if shapes_dir is not None else _ontology_dir()
    compiler, shape_count = shacl.compile_shapes(folder / SHAPES_FILE)
    checks = load_checks(folder)
    data = [ox.DefaultGraph(), ox.NamedNode(ns.INFERRED_GRAPH)]
    records = ox.NamedNode(ns.INFERENCE_GRAPH)
    if next(iter(store.quads_for_pattern(None, None, None, records)), None) is not None:
        data.append(records)  # only when there are any: a third graph in every shape query costs
    from_shapes = shacl.run(store, compiler, data)
    from_checks = [result for check in checks for result in _run_check(store, check)]
    counted = data[:2] if inferred is None else data[:1]  # graph:inferred never repeats an asserted triple
    triples = int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=counted)))["n"].value)
    triples += inferred or 0
    conforms = not from_shapes and not from_checks
    violations = _violations(from_shapes + from_checks)
    counts = {"triples": triples, "shapes": shape_count, "checks": len(checks), "from_shapes": len(from_shapes),
              "from_checks": len(from_checks)}
    return ValidationReport(conforms=conforms, text=_render(conforms, violations, counts), violations=violations,
                            results=from_shapes + from_checks)


def dataset_store(quads, inferred=()):
    """A store laid out as a compiled dataset's: ``quads`` (asserted, in named graphs), each of
    their triples once in the default graph, and the ``inferred`` triples not asserted in graph:inferred."""
    import pyoxigraph as ox

    store = ox.Store()
    for quad in quads:
        store.add(quad)
        store.add(ox.Quad(quad.subject, quad.predicate, quad.object, ox.DefaultGraph()))
    graph = ox.NamedNode(ns.INFERRED_GRAPH)
    for s, p, o in inferred:
        if ox.Quad(s, p, o, ox.DefaultGraph()) not in store:
            store.add(ox.Quad(s, p, o, graph))
    return store


def reference_results(store, shapes_dir: Path | None = None) -> tuple[bool, set[tuple]]:
    """pySHACL's verdict and results on what :func:`validate_store` checks with the shapes (the
    reference of the compiled shapes): (shape, component, focus, path, value), terms in N-Triples."""
    import pyoxigraph as ox
    import pyshacl
    from rdflib import RDF, Graph
    from rdflib.namespace import SH

    from nkgeo.rdfio import from_rdflib, to_rdflib

    folder = shapes_dir if shapes_dir is not None else _ontology_dir()
    data = Graph()
    for graph in (ox.DefaultGraph(), ox.NamedNode(ns.INFERRED_GRAPH), ox.NamedNode(ns.INFERENCE_GRAPH)):
        for quad in store.quads_for_pattern(None, None, None, graph):
            data.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    shapes = Graph().parse(folder / SHAPES_FILE, format="turtle")
    conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False, meta_shacl=False)

    def text(term):
        return None if term is None else str(from_rdflib(term))

    found = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        component = str(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        found.add((text(results.value(result, SH.sourceShape)), component, text(results.value(result, SH.focusNode)),
                   text(results.value(result, SH.resultPath)), text(results.value(result, SH.value))))
    return bool(conforms), found


def _ontology_dir() -> Path:
    from nkgeo.resources import ontology_dir

    return ontology_dir()


def load_checks(folder: Path) -> list[Check]:
    """Every ``checks/*-violation.rq``, parsed now so that a broken one fails before any runs."""
    import pyoxigraph as ox

    empty = ox.Store()
    checks = []
    for path in sorted((folder / CHECKS_FOLDER).glob("*" + CHECK_SUFFIX)):
        text = path.read_text(encoding="utf-8")
        try:
            answer = empty.query(text)
        except SyntaxError as exc:
            raise ShapesError(f"check {path.name} does not parse: {_one_line(exc)}") from None
        if not isinstance(answer, ox.QuerySolutions):
            raise ShapesError(f"check {path.name} must be a SELECT query")
        name = path.name[: -len(CHECK_SUFFIX)]
        checks.append(Check(name=name, path=path, summary=_summary(text) or name, query=text))
    return checks


def _summary(query: str) -> str | None:
    for line in query.splitlines():
        if line.startswith("#+ summary:"):
            return line.split(":", 1)[1].strip()
    return None


def _run_check(store, check: Check) -> list[Result]:
    """Each row is a violation, reported under the check's IRI; columns other than ?focus, ?path
    and ?value go into the message."""
    import pyoxigraph as ox

    try:
        solutions = store.query(check.query)
        columns = [variable.value for variable in solutions.variables]
        rows = [{c: row[c] for c in columns if row[c] is not None} for row in solutions]
    except (SyntaxError, OSError) as exc:
        raise ShapesError(f"check {check.path.name} cannot be run: {_one_line(exc)}") from None
    results = []
    for bound in rows:
        focus, path, value = bound.pop("focus", None), bound.pop("path", None), bound.pop("value", None)
        if focus is None and bound:  # a check without ?focus: its first column is the node at fault
            focus = bound.pop(next(iter(bound)))
        details = ", ".join(f"{key}={_show(term)}" for key, term in bound.items())
        message = f"{check.summary} ({details})" if details else check.summary
        results.append(Result(ox.NamedNode(check.iri), "SPARQLConstraintComponent", focus, path, value, (ox.Literal(message),),
                              "Violation", check=True))
    return results


def _violations(results: list[Result]) -> list[Violation]:
    """The results as lines for people, sorted; two constraints of one shape failing on the same
    value (say sh:datatype and sh:minInclusive) make one line, while the results keep both."""
    if not results:
        return []
    found = []
    for result in results:
        shape = result.shape
        source = shape.value if type(shape).__name__ == "NamedNode" else _show(shape)
        found.append(Violation(
            source=source,
            name=source.removeprefix(SHAPES_NS),
            focus=_show(result.focus) if result.focus is not None else "-",
            path=_show(result.path) if result.path is not None else None,
            value=_show(result.value) if result.value is not None else None,
            message="; ".join(sorted(m.value for m in result.messages)) or result.component,
            severity=result.severity,
        ))
    unique = dict.fromkeys(found)
    return sorted(unique, key=lambda v: (v.name, v.focus, v.path or "", v.value or ""))


def _results_graph(conforms: bool, results: list[Result]) -> Graph:
    from rdflib import RDF, BNode, Graph, Literal, URIRef
    from rdflib.namespace import SH

    from nkgeo.rdfio import to_rdflib

    graph = Graph(bind_namespaces="none")
    for prefix, iri in {**ns.PREFIXES, "shapes": SHAPES_NS, "sh": ns.SH_NS}.items():
        graph.bind(prefix, iri, override=True, replace=True)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(conforms)))
    for result in results:
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.resultSeverity, URIRef(ns.SH_NS + result.severity)))
        graph.add((node, SH.sourceConstraintComponent, URIRef(ns.SH_NS + result.component)))
        graph.add((node, SH.sourceConstraint if result.check else SH.sourceShape, to_rdflib(result.shape)))
        for message in result.messages:
            graph.add((node, SH.resultMessage, to_rdflib(message)))
        for predicate, term in ((SH.focusNode, result.focus), (SH.resultPath, result.path), (SH.value, result.value)):
            if term is not None:
                graph.add((node, predicate, to_rdflib(term)))
    return graph


def _render(conforms: bool, violations: list[Violation], counts: dict[str, int]) -> str:
    """``Conforms: True|False`` first, the counts, then one line per problem."""
    summary = (
        f"Checked {counts['triples']} triples against {counts['shapes']} shapes and {counts['checks']} checks: "
        f"{counts['from_shapes']} problems from shapes, {counts['from_checks']} from checks."
    )
    lines = [f"Conforms: {conforms}", summary]
    lines += [v.line() for v in violations]
    return "\n".join(lines)


def _show(term) -> str:
    """A term of a report as people read it (prefixed names, literals in Turtle: ``768551``,
    ``"1990"^^xsd:gYear``); a blank node is ``[]``, a missing one ``-``."""
    if term is None:
        return "-"
    if type(term).__name__ in ("BlankNode", "BNode"):
        return "[]"
    return rdfio.display(term, literal="turtle")


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(getattr(exc, "message", None) or exc).split())
    return message[:300] or type(exc).__name__
