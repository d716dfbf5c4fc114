"""The canned queries: ``queries/*.rq`` read with their ``#+ key: value`` headers, and their parameters bound.

A header line looks like ``#+ summary: ...``; a key may repeat to continue its text. Parameters are
declared as ``#+ param: industry (entity, default steel): what it means`` and are the SPARQL
variable of the same name. Binding goes through the engine (pyoxigraph ``substitutions``), so a
value is a term, never text pasted into the query.

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
_HEADER = re.compile(r"^#\+\s*([A-Za-z_-]+)\s*:\s?(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?:\s*,\s*(?:default\s+(?P<default>[^)]+?)|(?P<need>required|optional)))?\)\s*:\s*(?P<text>.*)$"
)


class Parameter(NamedTuple):  # a NamedTuple, not a dataclass: dataclasses costs 13 ms per start-up (it imports inspect)
    name: str
    type: str
    default: str | None
    required: bool
    description: str

    def signature(self) -> str:
        if self.required:
            return f"{self.name}"
        if self.default is not None:
            return f"[{self.name}={self.default}]"
        return f"[{self.name}]"


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
    )


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

    ``resolve_name`` turns an entity name into an IRI (``names.NameIndex.resolve``); it is
    only called for entity and iri parameters.
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
            terms[param.name] = ox.NamedNode(resolve_name(value))
        else:
            terms[param.name] = ox.Literal(value)
    return terms
