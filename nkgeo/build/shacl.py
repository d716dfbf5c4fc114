"""SHACL shapes compiled into SPARQL, run on the compiled pyoxigraph store.

pySHACL takes seconds on the shipped graph and grows with the data (7 s at 10^4 triples on a
2-core machine), so a build cannot afford it. Here each shape that reports (one with targets, or a
property shape of one) becomes at most three SELECT queries that pyoxigraph evaluates over the
default graph the build chooses (the asserted triples, each once, plus graph:inferred):

* one over its value nodes, with one boolean column per value constraint (sh:datatype, sh:class,
  sh:nodeKind, sh:pattern, sh:in, sh:minInclusive..., sh:or, sh:not, sh:and, sh:node), returning
  only the rows where one fails;
* one of counts per focus node (sh:minCount, sh:maxCount, sh:qualifiedMinCount/MaxCount) and
  sh:hasValue;
* one per property pair (sh:lessThan, sh:lessThanOrEquals), a row per failing pair, as pySHACL
  reports them.

Nested shapes (in sh:or, sh:not, sh:and, sh:node, sh:qualifiedValueShape) become SPARQL boolean
expressions. Only the SHACL Core features listed in :data:`SUPPORTED` are compiled; a shapes graph
that uses any other ``sh:`` term fails when it is loaded (:class:`ShapesError`), never passes
silently. ``tests/test_validate.py`` checks the results against pySHACL's (the reference) on every
example and on the shipped graph: the same verdict and the same focus nodes, paths and values.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import ShapesError

SH = ns.SH_NS
SHAPES_FILE = "shapes.ttl"
TARGETS = ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode")
VALUE_CONSTRAINTS = ("datatype", "class", "nodeKind", "pattern", "in", "minInclusive", "maxInclusive", "minExclusive",
                     "maxExclusive", "or", "and", "not", "node")
METADATA = ("message", "severity", "name", "description", "order", "group", "deactivated", "flags")
SUPPORTED = frozenset(
    (*TARGETS, *VALUE_CONSTRAINTS, *METADATA, "path", "property", "minCount", "maxCount", "hasValue", "lessThan",
     "lessThanOrEquals", "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint")
)
COMPONENT = {
    "datatype": "DatatypeConstraintComponent", "class": "ClassConstraintComponent", "nodeKind": "NodeKindConstraintComponent",
    "pattern": "PatternConstraintComponent", "in": "InConstraintComponent", "minInclusive": "MinInclusiveConstraintComponent",
    "maxInclusive": "MaxInclusiveConstraintComponent", "minExclusive": "MinExclusiveConstraintComponent",
    "maxExclusive": "MaxExclusiveConstraintComponent", "or": "OrConstraintComponent", "and": "AndConstraintComponent",
    "not": "NotConstraintComponent", "node": "NodeConstraintComponent", "minCount": "MinCountConstraintComponent",
    "maxCount": "MaxCountConstraintComponent", "hasValue": "HasValueConstraintComponent",
    "qualifiedMinCount": "QualifiedMinCountConstraintComponent", "qualifiedMaxCount": "QualifiedMaxCountConstraintComponent",
    "lessThan": "LessThanConstraintComponent", "lessThanOrEquals": "LessThanOrEqualsConstraintComponent",
}
COMPARISONS = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
PAIRS = {"lessThan": "<", "lessThanOrEquals": "<="}
NODE_KINDS = {
    "IRI": "isIRI({v})", "Literal": "isLiteral({v})", "BlankNode": "isBlank({v})", "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))",
    "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))", "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}
# Datatypes whose lexical form is checked, as rdflib does (an ill-typed "5.0"^^xsd:integer fails sh:datatype).
CHECKED_LEXICAL = ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
                   "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "decimal", "boolean",
                   "float", "double")
TYPE = f"<{ns.RDF.type}>"
SHAPES_NS = "https://w3id.org/nkgeo/shapes#"


@dataclass(frozen=True)
class Result:
    """One validation result, its terms as pyoxigraph gives them; ``check`` for a SPARQL check's row
    (``shape`` is then the check's IRI, its sh:sourceConstraint)."""

    shape: object
    component: str
    focus: object
    path: object | None
    value: object | None
    messages: tuple
    severity: str
    check: bool = False

    def to_json(self) -> dict:
        terms = {key: None if term is None else str(term) for key, term in
                 (("shape", self.shape), ("focus", self.focus), ("path", self.path), ("value", self.value))}
        return {**terms, "component": self.component, "messages": [str(m) for m in self.messages], "severity": self.severity,
                "check": self.check}

    @classmethod
    def from_json(cls, data: dict) -> Result:
        def term(text):
            return None if text is None else _parse_term(text)

        return cls(term(data["shape"]), data["component"], term(data["focus"]), term(data["path"]), term(data["value"]),
                   tuple(term(m) for m in data["messages"]), data["severity"], data["check"])


@dataclass
class Shape:
    """A shape of the shapes graph, with what its queries need."""

    node: object
    path: object | None = None  # the predicate (a NamedNode) of a property shape
    inverse: bool = False
    targets: list[tuple[str, object]] = field(default_factory=list)  # (target predicate, its object)
    values: list[tuple[str, object]] = field(default_factory=list)  # (constraint, its object)
    counts: dict[str, int] = field(default_factory=dict)
    qualified: object | None = None
    has_values: list = field(default_factory=list)
    pairs: list[tuple[str, object]] = field(default_factory=list)
    properties: list = field(default_factory=list)
    messages: tuple = ()
    severity: str = "Violation"
    deactivated: bool = False

    def path_text(self) -> str:
        return f"^{self.path}" if self.inverse else str(self.path)


@dataclass
class Query:
    """A compiled query of one reporting shape; ``kind`` says how to read its rows."""

    shape: Shape
    kind: str  # "values", "counts" or a pair constraint ("lessThan", "lessThanOrEquals")
    text: str
    columns: list[str] = field(default_factory=list)  # the constraint of each ?okN column, or of each count


class ShapesGraph:
    """The triples of a shapes file, indexed by subject and predicate."""

    def __init__(self, triples):
        self.index: dict = {}
        for s, p, o in triples:
            self.index.setdefault(s, {}).setdefault(p.value, []).append(o)

    @classmethod
    def load(cls, path: Path) -> ShapesGraph:
        import pyoxigraph as ox

        if not path.is_file():
            raise ShapesError(f"no shapes file at {path}")
        try:
            return cls((t.subject, t.predicate, t.object) for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, ValueError) as exc:
            raise ShapesError(f"{path.name} does not parse: {_one_line(exc)}") from None

    def values(self, node, predicate: str) -> list:
        return self.index.get(node, {}).get(predicate, [])

    def value(self, node, predicate: str):
        found = self.values(node, predicate)
        return found[0] if found else None

    def items(self, head) -> list:
        """The members of an RDF list."""
        found, seen = [], set()
        while head is not None and head.value != ns.RDF.nil:
            if head in seen:
                raise ShapesError(f"{SHAPES_FILE} cannot be used: an RDF list loops")
            seen.add(head)
            first = self.value(head, ns.RDF.first)
            if first is None:
                raise ShapesError(f"{SHAPES_FILE} cannot be used: a list member has no rdf:first")
            found.append(first)
            head = self.value(head, ns.RDF.rest)
        return found

    def shape_nodes(self) -> list:
        """Every node that is a shape: typed as one, with a target, or used where a shape goes."""
        found = set()
        for node, properties in self.index.items():
            types = {t.value for t in properties.get(ns.RDF.type, [])}
            if types & {ns.SH.NodeShape, ns.SH.PropertyShape} or any(SH + t in properties for t in TARGETS):
                found.add(node)
            for key in ("property", "node", "not", "qualifiedValueShape"):
                found.update(properties.get(SH + key, []))
            for key in ("or", "and"):
                for head in properties.get(SH + key, []):
                    found.update(self.items(head))
        return sorted(found, key=str)


class Compiler:
    """Reads the shapes graph once: checks every shape, then writes the queries of the reporting ones."""

    def __init__(self, graph: ShapesGraph):
        self.graph = graph
        self.shapes: dict = {}
        self.names = itertools.count()
        self.store = None
        self.data: list = []
        self.classes: dict = {}
        self.below: dict | None = None  # class -> its direct subclasses, in the data
        for node in graph.shape_nodes():
            self.shapes[node] = self._read(node)

    def _fail(self, node, text: str) -> ShapesError:
        return ShapesError(f"{SHAPES_FILE} cannot be used: {_name(node)} {text}")

    def _read(self, node) -> Shape:
        graph = self.graph
        used = {key[len(SH):] for key in graph.index.get(node, {}) if key.startswith(SH)}
        unknown = sorted(used - SUPPORTED)
        if unknown:
            raise self._fail(node, f"uses sh:{unknown[0]}, which nkgeo's SHACL compiler does not support (see nkgeo/build/shacl.py)")
        shape = Shape(node=node, messages=tuple(graph.values(node, ns.SH.message)))
        path = graph.value(node, ns.SH.path)
        if path is not None:
            inverse = graph.value(path, ns.SH.inversePath) if type(path).__name__ == "BlankNode" else None
            if inverse is not None and type(inverse).__name__ == "NamedNode":
                shape.path, shape.inverse = inverse, True
            elif type(path).__name__ == "NamedNode":
                shape.path = path
            else:
                raise self._fail(node, "has a sh:path other than an IRI or sh:inversePath of one, which nkgeo does not support")
        severity = graph.value(node, ns.SH.severity)
        if severity is not None:
            shape.severity = severity.value.rsplit("#", 1)[-1]
        shape.deactivated = getattr(graph.value(node, ns.SH.deactivated), "value", "") == "true"
        shape.targets = self._targets(node)
        for key in VALUE_CONSTRAINTS:
            for value in graph.values(node, SH + key):
                shape.values.append((key, self._checked(node, key, value)))
        for key in ("minCount", "maxCount", "qualifiedMinCount", "qualifiedMaxCount"):
            value = graph.value(node, SH + key)
            if value is not None:
                shape.counts[key] = self._count(node, key, value)
        shape.qualified = graph.value(node, ns.SH.qualifiedValueShape)
        if (shape.qualified is None) != ("qualifiedMinCount" not in shape.counts and "qualifiedMaxCount" not in shape.counts):
            raise self._fail(node, "needs both sh:qualifiedValueShape and a qualified count")
        if getattr(graph.value(node, ns.SH.qualifiedValueShapesDisjoint), "value", "") == "true":
            raise self._fail(node, "uses sh:qualifiedValueShapesDisjoint true, which nkgeo does not support")
        shape.has_values = graph.values(node, ns.SH.hasValue)
        for key in PAIRS:
            for other in graph.values(node, SH + key):
                if type(other).__name__ != "NamedNode":
                    raise self._fail(node, f"needs an IRI as sh:{key}")
                shape.pairs.append((key, other))
        shape.properties = graph.values(node, ns.SH.property)
        if shape.path is None and (shape.counts or shape.pairs or shape.qualified is not None):
            raise self._fail(node, "has a count or a property pair constraint but no sh:path")
        return shape

    def _targets(self, node) -> list[tuple[str, object]]:
        found = []
        for key in TARGETS:
            for value in self.graph.values(node, SH + key):
                if key != "targetNode" and type(value).__name__ != "NamedNode":
                    raise self._fail(node, f"needs an IRI as sh:{key}")
                found.append((key, value))
        return found

    def _target_pattern(self, key: str, value) -> str:
        if key == "targetClass":
            return f"VALUES ?class {{ {self.subclasses(value)} }} ?focus {TYPE} ?class ."
        return {
            "targetSubjectsOf": f"?focus {value} [] .",
            "targetObjectsOf": f"[] {value} ?focus .",
            "targetNode": f"VALUES ?focus {{ {_constant(value)} }}",
        }[key]

    def subclasses(self, cls) -> str:
        """``cls`` and its subclasses in the data (rdfs:subClassOf*), as SPARQL terms: a SHACL
        instance of ``cls`` has one of them as rdf:type. The rdfs:subClassOf triples are read once
        per store (a property path with one end free costs seconds on a large store)."""
        if self.below is None:
            self.below = {}
            for row in self.store.query(f"SELECT ?c ?d WHERE {{ ?c <{ns.RDFS.subClassOf}> ?d }}", default_graph=self.data):
                if type(row["c"]).__name__ == "NamedNode":
                    self.below.setdefault(str(row["d"]), set()).add(str(row["c"]))
        found = self.classes.get(cls)
        if found is None:
            seen, todo = {str(cls)}, [str(cls)]
            while todo:
                for sub in self.below.get(todo.pop(), ()):
                    if sub not in seen:
                        seen.add(sub)
                        todo.append(sub)
            found = self.classes[cls] = " ".join(sorted(seen))
        return found

    def _checked(self, node, key: str, value):
        kind = type(value).__name__
        if key in ("datatype", "class") and kind != "NamedNode":
            raise self._fail(node, f"needs an IRI as sh:{key}")
        if key == "nodeKind" and (kind != "NamedNode" or value.value[len(SH):] not in NODE_KINDS or not value.value.startswith(SH)):
            raise self._fail(node, f"has an unknown sh:nodeKind {value}")
        if key in COMPARISONS and kind != "Literal":
            raise self._fail(node, f"needs a literal as sh:{key}")
        if key == "pattern":
            if kind != "Literal":
                raise self._fail(node, "needs a string as sh:pattern")
            return value, self.graph.value(node, ns.SH.flags)
        if key in ("or", "and"):
            return self.graph.items(value)
        if key == "in":
            members = self.graph.items(value)
            if any(type(m).__name__ == "BlankNode" for m in members):
                raise self._fail(node, "lists a blank node in sh:in, which nkgeo does not support")
            return members
        return value

    def _count(self, node, key: str, value) -> int:
        try:
            count = int(value.value)
        except (AttributeError, ValueError):
            count = -1
        if type(value).__name__ != "Literal" or count < 0:
            raise self._fail(node, f"needs a non-negative integer as sh:{key}, not {value}")
        return count

    # --- conformance of a node to a shape, as a SPARQL expression ------------------------------

    def var(self) -> str:
        return f"?v{next(self.names)}"

    def shape(self, node) -> Shape:
        found = self.shapes.get(node)
        if found is None:
            raise self._fail(node, "is used as a shape but is not one")
        return found

    def conforms(self, node, x: str, depth: int = 0) -> str:
        """A SPARQL boolean expression: the node in variable ``x`` conforms to the shape ``node``."""
        if depth > 20:
            raise self._fail(node, "nests shapes more than 20 deep (or in a cycle)")
        shape = self.shape(node)
        if shape.deactivated:
            return "true"
        parts = []
        if shape.path is None:
            parts += [self.condition(key, value, x, depth) for key, value in shape.values]
        else:
            path = shape.path_text()
            if shape.values:
                v = self.var()
                failing = " || ".join(f"!{self.condition(key, value, v, depth)}" for key, value in shape.values)
                parts.append(f"NOT EXISTS {{ {x} {path} {v} . FILTER({failing}) }}")
            low, high = shape.counts.get("minCount", 0), shape.counts.get("maxCount")
            if low == 1:
                parts.append(f"EXISTS {{ {x} {path} {self.var()} }}")
            elif low > 1 or (high is not None and high > 1) or shape.qualified is not None:
                raise self._fail(node, "is nested in another shape with a count nkgeo cannot compile there (sh:minCount/maxCount above 1, qualified counts)")
            if high == 0:
                parts.append(f"NOT EXISTS {{ {x} {path} {self.var()} }}")
            elif high == 1:
                a, b = self.var(), self.var()
                parts.append(f"NOT EXISTS {{ {x} {path} {a} . {x} {path} {b} . FILTER(!sameTerm({a}, {b})) }}")
            parts += [f"EXISTS {{ {x} {path} {_constant(value)} }}" for value in shape.has_values]
            for key, other in shape.pairs:
                a, b = self.var(), self.var()
                parts.append(f"NOT EXISTS {{ {x} {path} {a} . {x} {other} {b} . FILTER(!COALESCE({a} {PAIRS[key]} {b}, false)) }}")
        if shape.path is None:
            parts += [f"sameTerm({x}, {_constant(value)})" for value in shape.has_values]
        parts += [self.conforms(child, x, depth + 1) for child in shape.properties]
        return "(" + " && ".join(parts) + ")" if parts else "true"

    def pattern(self, node, v: str, depth: int = 0) -> str | None:
        """A graph pattern whose solutions bind ``v`` to exactly the nodes that conform to the
        shape, for the shapes that can be said so (classes, their sh:or / sh:and, a property that
        has a value, sh:hasValue); None for the others. Used in anti-joins (MINUS), which pyoxigraph
        evaluates once, where a FILTER NOT EXISTS is evaluated per node."""
        shape = self.shape(node)
        if depth > 20 or shape.deactivated:
            return None
        if shape.path is not None:
            alone = not (shape.values or shape.has_values or shape.pairs or shape.properties or shape.qualified is not None)
            return f"{v} {shape.path_text()} {self.var()} ." if alone and shape.counts == {"minCount": 1} else None
        if shape.counts or shape.pairs or shape.qualified is not None:
            return None
        parts = []
        for key, value in shape.values:
            if key == "class":
                t = self.var()
                parts.append(f"VALUES {t} {{ {self.subclasses(value)} }} {v} {TYPE} {t} .")
                continue
            if key not in ("or", "and", "node"):
                return None
            members = value if key != "node" else [value]
            found = [self.pattern(member, v, depth + 1) for member in members]
            if None in found or not found:
                return None
            parts.append(" UNION ".join("{ " + p + " }" for p in found) if key == "or" else " ".join(found))
        parts += [f"VALUES {v} {{ {_constant(value)} }}" for value in shape.has_values]
        for child in shape.properties:
            found = self.pattern(child, v, depth + 1)
            if found is None:
                return None
            parts.append(found)
        return " ".join(parts) if parts else None

    def condition(self, key: str, value, v: str, depth: int) -> str:
        """A SPARQL boolean expression: the value node in ``v`` satisfies one value constraint."""
        if key == "datatype":
            return _datatype_condition(value, v)
        if key == "class":
            t = self.var()
            return f"EXISTS {{ {v} {TYPE} {t} FILTER({t} IN ({', '.join(self.subclasses(value).split())})) }}"
        if key == "nodeKind":
            return NODE_KINDS[value.value[len(SH):]].format(v=v)
        if key == "pattern":
            pattern, flags = value
            extra = f", {_constant(flags)}" if flags is not None else ""
            return f"(!isBlank({v}) && REGEX(STR({v}), {_constant(pattern)}{extra}))"
        if key == "in":
            return "(" + " || ".join(f"sameTerm({v}, {_constant(m)})" for m in value) + ")" if value else "false"
        if key in COMPARISONS:
            return f"COALESCE({v} {COMPARISONS[key]} {_constant(value)}, false)"
        if key == "or":
            return "(" + " || ".join(self.conforms(s, v, depth + 1) for s in value) + ")" if value else "false"
        if key == "and":
            return "(" + " && ".join(self.conforms(s, v, depth + 1) for s in value) + ")" if value else "true"
        if key == "not":
            return f"!{self.conforms(value, v, depth + 1)}"
        return self.conforms(value, v, depth + 1)  # sh:node

    # --- the queries of the reporting shapes --------------------------------------------------

    def reporting(self) -> list[tuple[Shape, list[tuple]]]:
        """Shapes with targets, and the property shapes of those, each with its targets."""
        found: dict = {}
        for shape in self.shapes.values():
            if shape.targets and not shape.deactivated:
                found.setdefault(shape.node, []).extend(shape.targets)
                for child in shape.properties:
                    if not self.shape(child).deactivated:
                        found.setdefault(child, []).extend(shape.targets)
        return [(self.shapes[node], targets) for node, targets in sorted(found.items(), key=lambda item: str(item[0]))]

    def queries(self, store, data: list) -> list[Query]:
        """The queries of every reporting shape, for ``store`` (whose classes they look up) and its
        default graph ``data``."""
        self.store, self.data, self.classes, self.below = store, data, {}, None
        out = []
        for shape, targets in self.reporting():
            # The targets inline, with DISTINCT on each query: joined to a subquery instead,
            # pyoxigraph's cost grows with the product of the two (minutes at 10^6 triples).
            patterns = list(dict.fromkeys(self._target_pattern(key, value) for key, value in targets))
            focus = patterns[0] if len(patterns) == 1 else " UNION ".join("{ " + t + " }" for t in patterns)
            out += self._shape_queries(shape, focus)
        return out

    def _shape_queries(self, shape: Shape, focus: str) -> list[Query]:
        """One query for the value constraints (a boolean column each), one per count, one per pair."""
        queries = []
        reach = "BIND(?focus AS ?value)" if shape.path is None else f"?focus {shape.path_text()} ?value ."
        if shape.values or (shape.path is None and shape.has_values):
            checks = [(key, self.condition(key, value, "?value", 0)) for key, value in shape.values]
            if shape.path is None:
                checks += [("hasValue", f"sameTerm(?value, {_constant(value)})") for value in shape.has_values]
            binds = " ".join(f"BIND(COALESCE({expr}, false) AS ?ok{i})" for i, (_key, expr) in enumerate(checks))
            failing = " || ".join(f"!?ok{i}" for i in range(len(checks)))
            columns = " ".join(f"?ok{i}" for i in range(len(checks)))
            text = f"SELECT DISTINCT ?focus ?value {columns} WHERE {{ {focus} {reach} {binds} FILTER({failing}) }}"
            queries.append(Query(shape, "values", text, [key for key, _expr in checks]))
        if shape.path is not None:
            queries += [Query(shape, key, self._count_query(shape, focus, key, number)) for key, number in shape.counts.items()]
            path = shape.path_text()
            queries += [Query(shape, "hasValue", f"SELECT DISTINCT ?focus WHERE {{ {focus} FILTER NOT EXISTS {{ ?focus {path} {_constant(value)} }} }}")
                        for value in shape.has_values]
        for key, other in shape.pairs:
            text = (f"SELECT DISTINCT ?focus ?value ?other WHERE {{ {focus} {reach} ?focus {other} ?other . "
                    f"FILTER(!COALESCE(?value {PAIRS[key]} ?other, false)) }}")
            queries.append(Query(shape, key, text))
        return queries

    def _count_query(self, shape: Shape, focus: str, key: str, number: int) -> str:
        """The focus nodes with too few or too many values (qualified: values conforming to the
        qualified shape): a row for each, as pySHACL reports one result each."""
        path, v = shape.path_text(), self.var()
        pattern = f"?focus {path} {v} ."
        if key.startswith("qualified"):
            positive = self.pattern(shape.qualified, v)
            if number == 1 and key == "qualifiedMinCount" and positive is not None:
                return f"SELECT DISTINCT ?focus WHERE {{ {focus} MINUS {{ {pattern} {positive} }} }}"
            pattern += f" FILTER(COALESCE({self.conforms(shape.qualified, v)}, false))"
        if key in ("minCount", "qualifiedMinCount"):
            if number == 0:
                return "SELECT ?focus WHERE { FILTER(false) }"
            if number == 1 and key == "minCount":  # an anti-join: pyoxigraph runs it far faster than NOT EXISTS per node
                return f"SELECT DISTINCT ?focus WHERE {{ {focus} MINUS {{ {pattern} }} }}"
            if number == 1:
                return f"SELECT DISTINCT ?focus WHERE {{ {focus} FILTER NOT EXISTS {{ {pattern} }} }}"
            return (f"SELECT DISTINCT ?focus WHERE {{ {focus} MINUS {{ SELECT ?focus WHERE {{ {pattern} }} GROUP BY ?focus "
                    f"HAVING (COUNT(DISTINCT {v}) >= {number}) }} }}")
        return f"SELECT ?focus WHERE {{ {focus} {pattern} }} GROUP BY ?focus HAVING (COUNT(DISTINCT {v}) > {number})"


def compile_shapes(path: Path) -> tuple[Compiler, int]:
    """The compiler of a shapes file and the number of its named shapes; ShapesError if it cannot be used."""
    compiler = Compiler(ShapesGraph.load(path))
    named = sum(1 for node in compiler.shapes if type(node).__name__ == "NamedNode" and node.value.startswith(SHAPES_NS))
    return compiler, named


def run(store, compiler: Compiler, default_graph: list) -> list[Result]:
    """Every query of the shapes on ``store`` (its default graph being ``default_graph``): the
    results, in the order of the queries. Two threads: pyoxigraph evaluates without the GIL."""
    from concurrent.futures import ThreadPoolExecutor

    def rows(query: Query) -> list:
        try:
            return _read_rows(query, list(store.query(query.text, default_graph=default_graph)))
        except (SyntaxError, OSError, ValueError) as exc:
            raise ShapesError(f"{SHAPES_FILE} cannot be used: a compiled query of {_name(query.shape.node)} fails: {_one_line(exc)}") from None

    queries = compiler.queries(store, default_graph)
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        return [result for found in pool.map(rows, queries) for result in found]


def _read_rows(query: Query, rows: list) -> list[Result]:
    shape = query.shape
    path = shape.path if not shape.inverse else None
    out = []
    for row in rows:
        keys = [key for i, key in enumerate(query.columns) if row[f"ok{i}"].value != "true"] if query.kind == "values" else [query.kind]
        value = row["value"] if query.kind == "values" or query.kind in PAIRS else None
        out += [Result(shape.node, COMPONENT[key], row["focus"], path, value, shape.messages, shape.severity) for key in keys]
    return out


def _datatype_condition(datatype, v: str) -> str:
    from nkgeo.build.datatypes import INTEGER_BOUNDS, LEXICAL_SPACES

    iri = datatype.value
    if iri == ns.RDF.langString:
        return f"(isLiteral({v}) && LANG({v}) != \"\")"
    test = f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {datatype})"
    name = iri[len(ns.XSD_NS):] if iri.startswith(ns.XSD_NS) else ""
    if name in CHECKED_LEXICAL:
        test += f" && REGEX(STR({v}), {_constant(_literal('^(?:' + LEXICAL_SPACES[iri] + ')$'))})"
        low, high = INTEGER_BOUNDS.get(name, (None, None))
        if low is not None:
            test += f" && COALESCE(<{ns.XSD.integer}>(STR({v})) >= {low}, false)"
        if high is not None:
            test += f" && COALESCE(<{ns.XSD.integer}>(STR({v})) <= {high}, false)"
    return test + ")"


def _parse_term(text: str):
    """A term from its N-Triples text (as :meth:`Result.to_json` writes it)."""
    import pyoxigraph as ox

    [triple] = ox.parse(f"<urn:x:s> <urn:x:p> {text} .", format=ox.RdfFormat.N_TRIPLES)
    return triple.object


def _constant(term) -> str:
    """A term as SPARQL text: N-Triples syntax is SPARQL syntax for IRIs and literals."""
    return str(term)


def _literal(text: str):
    import pyoxigraph as ox

    return ox.Literal(text)


def _name(node) -> str:
    text = getattr(node, "value", str(node))
    return ns.compact(text) if type(node).__name__ == "NamedNode" and not text.startswith(SHAPES_NS) else (
        text.removeprefix(SHAPES_NS) if type(node).__name__ == "NamedNode" else "a blank-node shape")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__
