"""The canned queries: ``queries/*.rq`` read with their ``#+ key: value`` headers, and their parameters bound.

A header line looks like ``#+ summary: ...``; a key may repeat to continue its text. Parameters are
declared as ``#+ param: industry (entity nkgeo:Industry, default steel): what it means`` and are
the SPARQL variable of the same name. The type may name the class its values belong to (a prefixed
name or ``<IRI>``): names are then looked up among things of that class only, and suggestions are
of that kind. Binding goes through the engine (pyoxigraph ``substitutions``), so a value is a term,
never text pasted into the query.

pyoxigraph substitutes a variable as if it were bound before evaluation (SPARQL-dev SEP-0007), with
three consequences that query authors must respect (the catalogue test checks the first): a
parameter variable must be projected by the SELECT; ``BOUND(?param)`` and ``BIND(?param AS ?x)`` do
not see the value; and the value does not reach into sub-queries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from nkgeo.errors import ParameterError, UnknownQueryError
from nkgeo.resources import queries_dir

PARAM_TYPES = ("string", "integer", "entity", "iri")
CLASS_TYPES = ("entity", "iri")  # the types whose values may be restricted to a class
_HEADER = re.compile(r"^#\+\s*([A-Za-z_-]+)\s*:\s?(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?:\s+(?P<expects><[^>\s]+>|[A-Za-z][\w-]*:[\w-]+))?"
    r"(?:\s*,\s*(?:default\s+(?P<default>[^)]+?)|(?P<need>required|optional)))?\)\s*:\s*(?P<text>.*)$"
)


class Parameter(NamedTuple):  # a NamedTuple, not a dataclass: dataclasses costs 13 ms per start-up (it imports inspect)
    name: str
    type: str
    default: str | None
    required: bool
    description: str
    expects: str | None = None  # the IRI of the class its values belong to

    def signature(self) -> str:
        if self.required:
            return f"{self.name}"
        if self.default is not None:
            return f"[{self.name}={self.default}]"
        return f"[{self.name}]"

    def kind(self) -> str:
        """The type in words: ``entity nkgeo:Industry``, ``integer``."""
        from nkgeo import namespaces as ns

        return f"{self.type} {ns.compact(self.expects)}" if self.expects else self.type

    def as_dict(self) -> dict:
        from nkgeo import namespaces as ns

        return {"name": self.name, "type": self.type, "class": ns.compact(self.expects) if self.expects else None,
                "default": self.default, "required": self.required, "description": self.description}


class CannedQuery(NamedTuple):
    name: str
    path: Path
    text: str
    summary: str
    description: str
    questions: tuple[str, ...]
    tags: tuple[str, ...]
    params: tuple[Parameter, ...]

    def param(self, name: str) -> Parameter | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def sparql(self) -> str:
        """The query without its ``#+`` header lines."""
        lines = self.text.splitlines(keepends=True)
        start = 0
        while start < len(lines) and (lines[start].lstrip().startswith("#+") or not lines[start].strip()):
            start += 1
        return "".join(lines[start:])

    def as_dict(self) -> dict:
        """What ``nkgeo queries --format json`` gives for the query."""
        return {"name": self.name, "summary": self.summary, "description": self.description, "questions": list(self.questions),
                "tags": list(self.tags), "params": [p.as_dict() for p in self.params], "sparql": self.sparql}

    def render(self) -> str:
        """What ``nkgeo queries NAME`` prints: the description, the parameters with their types and
        descriptions, and the SPARQL."""
        import textwrap

        out = [f"{self.name}: {self.summary}", ""]
        if self.description:
            out += textwrap.wrap(self.description, 100) + [""]
        if self.questions:
            out.append(f"answers: {', '.join(self.questions)}")
        if self.tags:
            out.append(f"tags: {', '.join(self.tags)}")
        out.append("")
        out.append("parameters:" if self.params else "parameters: none")
        for p in self.params:
            need = "required" if p.required else f"default {p.default}" if p.default is not None else "optional"
            out.append(f"  {p.name} ({p.kind()}, {need})")
            out += textwrap.wrap(p.description, 96, initial_indent="      ", subsequent_indent="      ")
        usage = " ".join(f"-p {p.name} VALUE" for p in self.params if p.required)
        out += ["", f"run: nkgeo query {self.name}" + (f" {usage}" if usage else ""), "", "sparql:"]
        out += ["  " + line if line.strip() else "" for line in self.sparql.rstrip("\n").splitlines()]
        return "\n".join(out) + "\n"


def parse_header(text: str) -> dict[str, list[str]]:
    """The ``#+`` lines at the top of a query, as key -> list of values (in order)."""
    header: dict[str, list[str]] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        match = _HEADER.match(stripped)
        if not match:
            if stripped.startswith("#"):
                continue
            break
        header.setdefault(match.group(1).lower(), []).append(match.group(2).strip())
    return header


def parse_param(line: str, where: str = "") -> Parameter:
    match = _PARAM.match(line.strip())
    if not match:
        raise ParameterError(f"{where}malformed param line {line!r}; expected 'name (type, default X): text'")
    kind = match.group("type")
    if kind not in PARAM_TYPES:
        raise ParameterError(f"{where}param {match.group('name')} has unknown type {kind!r}")
    return Parameter(
        name=match.group("name"),
        type=kind,
        default=match.group("default"),
        required=match.group("need") == "required",
        description=match.group("text"),
        expects=class_iri(match.group("expects"), kind, f"{where}param {match.group('name')}") if match.group("expects") else None,
    )


def class_iri(text: str, kind: str, where: str) -> str:
    """The IRI of the class in ``industry (entity nkgeo:Industry)``: a known prefix or an <IRI>."""
    from nkgeo import namespaces as ns

    if kind not in CLASS_TYPES:
        raise ParameterError(f"{where}: only {' and '.join(CLASS_TYPES)} parameters name a class, not {kind}")
    if text.startswith("<"):
        return text[1:-1]
    prefix, _, local = text.partition(":")
    if prefix not in ns.PREFIXES:
        raise ParameterError(f"{where}: unknown prefix {prefix!r} in {text}")
    return ns.PREFIXES[prefix] + local


def load_query(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    header = parse_header(text)
    where = f"{path.name}: "

    def split(key: str) -> tuple[str, ...]:
        return tuple(item.strip() for value in header.get(key, []) for item in value.split(",") if item.strip())

    return CannedQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=" ".join(header.get("summary", [])),
        description=" ".join(header.get("description", [])),
        questions=split("cq"),
        tags=split("tags"),
        params=tuple(parse_param(line, where) for line in header.get("param", [])),
    )


def catalogue(folder: Path | None = None) -> dict[str, CannedQuery]:
    """Every canned query by name, sorted."""
    folder = folder or queries_dir()
    return {path.stem: load_query(path) for path in sorted(folder.glob("*.rq"), key=lambda p: p.stem)}


def get(name: str, folder: Path | None = None) -> CannedQuery:
    queries = catalogue(folder)
    if name in queries:
        return queries[name]
    import difflib

    close = difflib.get_close_matches(name, list(queries), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; 'nkgeo queries' lists them"
    raise UnknownQueryError(f"no canned query named {name!r}{hint}")


def bind(query: CannedQuery, given: dict[str, str], resolve_name) -> dict:
    """The substitutions for ``query``: pyoxigraph terms by variable name.

    ``resolve_name(text, expects)`` turns an entity name into an IRI, of the class ``expects``
    when the parameter names one (``names.Resolver``, ``names.NameIndex.resolve``); it is only
    called for entity and iri parameters.
    """
    import pyoxigraph as ox

    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        takes = ", ".join(p.name for p in query.params) or "no parameters"
        raise ParameterError(f"query {query.name} has no parameter {unknown[0]!r}; it takes: {takes}")
    terms: dict = {}
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is None:
            if param.required:
                raise ParameterError(f"query {query.name} needs -p {param.name} VALUE ({param.description})")
            continue
        if param.type == "integer":
            try:
                terms[param.name] = ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
            except ValueError:
                raise ParameterError(f"parameter {param.name} must be an integer, not {value!r}") from None
        elif param.type in ("entity", "iri"):
            terms[param.name] = ox.NamedNode(resolve_name(value, param.expects))
        else:
            terms[param.name] = ox.Literal(value)
    return terms


def wrong_kinds(query: CannedQuery, substitutions: dict, index) -> list[str]:
    """Why an empty result may be empty: each parameter given a thing of another class than it
    expects (an IRI is taken as given), in a sentence. ``index`` is a ``names.NameIndex``."""
    from nkgeo import namespaces as ns
    from nkgeo.query.names import article

    notes = []
    for param in query.params:
        term = substitutions.get(param.name)
        if param.expects is None or term is None or index.is_a(term.value, param.expects):
            continue
        notes.append(f"{param.name} is {ns.compact(term.value)}, which is not {article(index.kind_name(param.expects))} "
                     f"({ns.compact(param.expects)}), the kind of thing it expects")
    return notes
