"""Is the dataset well formed? SHACL shapes over one graph, SPARQL checks across named graphs.

``ontology/shapes.ttl`` says what a city, an estimate or an evidence record must look like; pySHACL
runs it on the union of every graph, asserted and inferred, with no reasoning of its own (nkgeo
reasons once and passes the closure in). Rules that compare named graphs, such as "every fact in a
document graph has an evidence record from that document", cannot be said over one graph, so each
is a SELECT in ``ontology/checks/<name>-violation.rq`` run on the dataset itself: every row it
returns is a violation.

A check names its columns after SHACL's result fields where it can: ``?focus`` (the node at
fault), ``?path`` (a predicate) and ``?value``; any other column is shown beside the message, which
is the check's ``#+ summary:`` line.

``nkgeo validate`` exits 0 when the data conforms, 1 when it does not, and 2 when the shapes or
checks themselves cannot be used (:class:`nkgeo.errors.ShapesError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import ShapesError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph
    from rdflib.namespace import NamespaceManager

SHAPES_FILE = "shapes.ttl"
CHECKS_FOLDER = "checks"
CHECK_SUFFIX = "-violation.rq"
SHAPES_NS = "https://w3id.org/nkgeo/shapes#"


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


@dataclass(frozen=True)
class ValidationReport:
    """What ``nkgeo validate`` prints and how it exits."""

    conforms: bool
    results_graph: Graph
    text: str
    violations: list[Violation] = field(default_factory=list)


def validate(dataset: Dataset, inferred: Graph | None = None, shapes_dir: Path | None = None) -> ValidationReport:
    """Run the shapes on asserted + inferred triples and the checks on the named graphs.

    ``shapes_dir`` holds ``shapes.ttl`` and ``checks/``; by default the project's ``ontology/``.
    Raises :class:`ShapesError` when a shapes file or a check cannot be read or run.
    """
    folder = shapes_dir if shapes_dir is not None else _ontology_dir()
    shapes = load_shapes(folder)
    checks = load_checks(folder)
    data = _union(dataset, inferred)
    conforms, results_graph = _run_shapes(data, shapes)
    names = _namespace_manager()
    from_shapes = _shape_violations(results_graph, names)
    store = _oxigraph_store(dataset) if checks else None
    from_checks = [v for check in checks for v in _run_check(store, check, results_graph, names)]
    # Two constraints of one shape can fail on the same value (say sh:datatype and sh:minInclusive):
    # one line is enough for a person, while results_graph keeps both.
    unique = dict.fromkeys(from_shapes + from_checks)
    violations = sorted(unique, key=lambda v: (v.name, v.focus, v.path or "", v.value or ""))
    conforms = conforms and not from_checks
    _set_conforms(results_graph, conforms)
    counts = {
        "triples": len(data),
        "shapes": _count_shapes(shapes),
        "checks": len(checks),
        "from_shapes": len(from_shapes),
        "from_checks": len(from_checks),
    }
    text = _render(conforms, violations, counts)
    return ValidationReport(conforms=conforms, results_graph=results_graph, text=text, violations=violations)


def _ontology_dir() -> Path:
    from nkgeo.resources import ontology_dir

    return ontology_dir()


def load_shapes(folder: Path) -> Graph:
    """The shapes graph; a missing or broken file is the user's to fix, hence ShapesError."""
    from rdflib import Graph

    path = folder / SHAPES_FILE
    if not path.is_file():
        raise ShapesError(f"no shapes file at {path}")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib's parsers raise unrelated types
        raise ShapesError(f"{path.name} does not parse: {_one_line(exc)}") from None


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


def _union(dataset: Dataset, inferred: Graph | None) -> Graph:
    """One graph of every triple: SHACL has no notion of named graphs."""
    from rdflib import Graph

    union = Graph()
    for s, p, o, _graph in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    if inferred is not None:
        for triple in inferred:
            union.add(triple)
    return union


def _run_shapes(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError

    try:
        conforms, results_graph, _text = pyshacl.validate(
            data,
            shacl_graph=shapes,
            inference="none",
            advanced=False,
            meta_shacl=False,
            allow_warnings=False,
        )
    except ReportableRuntimeError as exc:
        raise ShapesError(f"{SHAPES_FILE} cannot be used: {_one_line(exc)}") from None
    if isinstance(results_graph, Exception):  # pySHACL returns, not raises, a failed SPARQL constraint
        raise ShapesError(f"{SHAPES_FILE} cannot be used: {_one_line(results_graph)}")
    return bool(conforms), results_graph


def _shape_violations(results_graph: Graph, names: NamespaceManager) -> list[Violation]:
    from rdflib import RDF, URIRef
    from rdflib.namespace import SH

    violations = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        shape = results_graph.value(result, SH.sourceShape)
        path = results_graph.value(result, SH.resultPath)
        value = results_graph.value(result, SH.value)
        messages = sorted(str(m) for m in results_graph.objects(result, SH.resultMessage))
        component = results_graph.value(result, SH.sourceConstraintComponent)
        severity = results_graph.value(result, SH.resultSeverity)
        source = str(shape) if isinstance(shape, URIRef) else _show(shape, names)
        violations.append(
            Violation(
                source=source,
                name=source.removeprefix(SHAPES_NS),
                focus=_show(results_graph.value(result, SH.focusNode), names),
                path=_show(path, names) if path is not None else None,
                value=_show(value, names) if value is not None else None,
                message="; ".join(messages) or _local_name(component),
                severity=_local_name(severity) or "Violation",
            )
        )
    return violations


def _oxigraph_store(dataset: Dataset):
    """The named graphs in pyoxigraph: rdflib's SPARQL takes minutes on these checks."""
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    def graph_name(identifier):
        return ox.DefaultGraph() if identifier == DATASET_DEFAULT_GRAPH_ID else _to_oxigraph(identifier)

    store = ox.Store()
    store.extend(ox.Quad(_to_oxigraph(s), _to_oxigraph(p), _to_oxigraph(o), graph_name(g)) for s, p, o, g in dataset.quads((None, None, None, None)))
    return store


def _to_oxigraph(term):
    import pyoxigraph as ox
    from rdflib import BNode, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _run_check(store, check: Check, results_graph: Graph, names: NamespaceManager) -> list[Violation]:
    """Each row is a violation; it is also added to the results graph as a sh:ValidationResult."""
    from rdflib import RDF, BNode, Literal, URIRef
    from rdflib.namespace import SH

    try:
        solutions = store.query(check.query)
        columns = [variable.value for variable in solutions.variables]
        rows = [{c: _from_oxigraph(row[c]) for c in columns if row[c] is not None} for row in solutions]
    except (SyntaxError, OSError) as exc:
        raise ShapesError(f"check {check.path.name} cannot be run: {_one_line(exc)}") from None
    report = results_graph.value(predicate=RDF.type, object=SH.ValidationReport)
    violations = []
    for bound in rows:
        focus = bound.pop("focus", None)
        path = bound.pop("path", None)
        value = bound.pop("value", None)
        if focus is None and bound:  # a check without ?focus: its first column is the node at fault
            focus = bound.pop(next(iter(bound)))
        details = ", ".join(f"{key}={_show(term, names)}" for key, term in bound.items())
        message = f"{check.summary} ({details})" if details else check.summary
        violations.append(
            Violation(
                source=check.iri,
                name=check.name,
                focus=_show(focus, names) if focus is not None else "-",
                path=_show(path, names) if path is not None else None,
                value=_show(value, names) if value is not None else None,
                message=message,
            )
        )
        result = BNode()
        results_graph.add((result, RDF.type, SH.ValidationResult))
        results_graph.add((result, SH.resultSeverity, SH.Violation))
        results_graph.add((result, SH.sourceConstraint, URIRef(check.iri)))
        results_graph.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        results_graph.add((result, SH.resultMessage, Literal(message)))
        for predicate, term in ((SH.focusNode, focus), (SH.resultPath, path), (SH.value, value)):
            if term is not None:
                results_graph.add((result, predicate, term))
        if report is not None:
            results_graph.add((report, SH.result, result))
    return violations


def _from_oxigraph(term):
    """A pyoxigraph term as the rdflib term it was made from."""
    import pyoxigraph as ox
    from rdflib import XSD, BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = URIRef(term.datatype.value)
    return Literal(term.value, datatype=None if datatype == XSD.string else datatype)


def _set_conforms(results_graph: Graph, conforms: bool) -> None:
    from rdflib import RDF, Literal
    from rdflib.namespace import SH

    for report in results_graph.subjects(RDF.type, SH.ValidationReport):
        results_graph.set((report, SH.conforms, Literal(conforms)))


def _count_shapes(shapes: Graph) -> int:
    from rdflib import RDF
    from rdflib.namespace import SH

    found = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    return sum(1 for shape in found if str(shape).startswith(SHAPES_NS))


def _render(conforms: bool, violations: list[Violation], counts: dict[str, int]) -> str:
    """``Conforms: True|False`` first, the counts, then one line per problem."""
    summary = (
        f"Checked {counts['triples']} triples against {counts['shapes']} shapes and {counts['checks']} checks: "
        f"{counts['from_shapes']} problems from shapes, {counts['from_checks']} from checks."
    )
    lines = [f"Conforms: {conforms}", summary]
    lines += [v.line() for v in violations]
    return "\n".join(lines)


def _namespace_manager() -> NamespaceManager:
    from rdflib import Graph
    from rdflib.namespace import NamespaceManager

    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, iri in {**ns.PREFIXES, "shapes": SHAPES_NS, "sh": ns.SH_NS}.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager


def _show(term, names: NamespaceManager) -> str:
    """A term of a report as people read it (prefixed names, literals in Turtle); a blank node is ``[]``.
    (``names`` is no longer read: rdfio.display compacts with nkgeo's prefixes.)"""
    from rdflib import BNode

    if term is None:
        return "-"
    if isinstance(term, BNode):
        return "[]"
    return rdfio.display(term, literal="turtle")


def _local_name(term) -> str:
    if term is None:
        return ""
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _one_line(exc: BaseException) -> str:
    message = " ".join(str(getattr(exc, "message", None) or exc).split())
    return message[:300] or type(exc).__name__
