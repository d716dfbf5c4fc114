"""Turning query results into text: tables for people, standard formats for programs.

SELECT and ASK results go out as a table, markdown, or the SPARQL 1.1 result formats (JSON, XML,
CSV, TSV) that pyoxigraph writes. CONSTRUCT and DESCRIBE results, and exports, go out in any RDF
format. Format names and their aliases are data, in the two tables below.
"""

from __future__ import annotations

import io

from nkgeo import namespaces as ns
from nkgeo.errors import FormatError

# name -> pyoxigraph QueryResultsFormat attribute (None: rendered here).
SOLUTION_FORMATS = {"table": None, "markdown": None, "json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV"}
SOLUTION_ALIASES = {"md": "markdown", "srj": "json", "srx": "xml"}

# name -> (pyoxigraph RdfFormat attribute, rdflib serializer, keeps named graphs)
RDF_FORMATS = {
    "turtle": ("TURTLE", "longturtle", False),
    "nt": ("N_TRIPLES", "nt", False),
    "nquads": ("N_QUADS", "nquads", True),
    "trig": ("TRIG", "trig", True),
    "json-ld": ("JSON_LD", "json-ld", True),
    "xml": ("RDF_XML", "xml", False),
}
RDF_ALIASES = {"ttl": "turtle", "ntriples": "nt", "n-triples": "nt", "nq": "nquads", "n-quads": "nquads",
               "jsonld": "json-ld", "rdfxml": "xml", "rdf": "xml", "owl": "xml"}
FILE_SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "json-ld": ".jsonld", "xml": ".rdf"}


def solution_format(name: str) -> str:
    key = SOLUTION_ALIASES.get(name.lower(), name.lower())
    if key not in SOLUTION_FORMATS:
        raise FormatError(f"unknown result format {name!r}; choose one of {', '.join(SOLUTION_FORMATS)}")
    return key


def rdf_format(name: str) -> str:
    key = RDF_ALIASES.get(name.lower(), name.lower())
    if key not in RDF_FORMATS:
        known = ", ".join(f"{k} ({'/'.join(a for a, v in RDF_ALIASES.items() if v == k)})" if k in RDF_ALIASES.values() else k for k in RDF_FORMATS)
        raise FormatError(f"unknown RDF format {name!r}; choose one of {known}")
    return key


def term_text(term, compact: bool = True) -> str:
    """A pyoxigraph term as a person reads it: prefixed IRIs, bare literal values."""
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "NamedNode":
        return ns.compact(term.value) if compact else term.value
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Literal":
        return term.value
    return str(term)


def _rows(solutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in solutions.variables]
    rows = [[term_text(solution[name]) for name in names] for solution in solutions]
    return names, rows


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Hangul and other wide characters take two, accents none."""
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_table(names: list[str], rows: list[list[str]]) -> str:
    """A plain-text table: fixed columns (counted in terminal columns), a rule under the header, a count at the end."""
    widths = [max([display_width(n)] + [display_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    pad = lambda cell, width: cell + " " * (width - display_width(cell))  # noqa: E731
    line = lambda cells: "  ".join(pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def render_markdown(names: list[str], rows: list[list[str]]) -> str:
    escape = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = ["| " + " | ".join(names) + " |", "|" + "|".join("---" for _ in names) + "|"]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def format_solutions(result, fmt: str) -> bytes:
    """SELECT solutions or an ASK boolean in one of SOLUTION_FORMATS."""
    import pyoxigraph as ox

    fmt = solution_format(fmt)
    if type(result).__name__ == "QueryBoolean" and fmt in ("table", "markdown"):
        return b"yes\n" if bool(result) else b"no\n"
    if SOLUTION_FORMATS[fmt] is not None:
        data = result.serialize(format=getattr(ox.QueryResultsFormat, SOLUTION_FORMATS[fmt]))
        return data if data.endswith(b"\n") else data + b"\n"
    names, rows = _rows(result)
    text = render_table(names, rows) if fmt == "table" else render_markdown(names, rows)
    return text.encode("utf-8")


def format_triples(triples, fmt: str) -> bytes:
    """CONSTRUCT/DESCRIBE triples in an RDF format (or a table of s, p, o)."""
    if fmt in ("table", "markdown", "md"):
        rows = sorted([term_text(t.subject), term_text(t.predicate), term_text(t.object)] for t in triples)
        render = render_table if fmt == "table" else render_markdown
        return render(["subject", "predicate", "object"], rows).encode("utf-8")
    import pyoxigraph as ox

    key = rdf_format(fmt)
    target = getattr(ox.RdfFormat, RDF_FORMATS[key][0])
    buffer = io.BytesIO()
    options = {"prefixes": dict(ns.PREFIXES)} if target in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else {}
    ox.serialize(list(triples), buffer, format=target, **options)
    return buffer.getvalue()


def is_solutions(result) -> bool:
    return type(result).__name__ in ("QuerySolutions", "QueryBoolean")
