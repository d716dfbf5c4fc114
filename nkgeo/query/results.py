"""Query results as text: tables for people, the SPARQL 1.1 result formats for programs.

SELECT and ASK results go out as a table, markdown, or the SPARQL 1.1 result formats: JSON
(sparql11-results-json), XML (rdf-sparql-XMLres), CSV and TSV (sparql11-results-csv-tsv). The
writers here are the only ones: the CLI and the endpoint both read the solutions into a list of
rows (:func:`solution_rows`, which stops past a row limit, as the endpoint needs) and write them
with :func:`write_solutions`, so both give the same bytes for the same query. CONSTRUCT and
DESCRIBE results go out in any RDF format, written by :func:`nkgeo.rdfio.serialize`.

Terms are pyoxigraph's; an unbound variable is None. Language tags are written in their BCP 47
case (:func:`nkgeo.rdfio.language_tag`), and blank nodes are labelled ``b0``, ``b1``... in order of
appearance: a result's labels are its own, and a store's differ from one process to the next.
"""

from __future__ import annotations

import json
import re
from typing import NamedTuple

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import FormatError, NkgeoError

SOLUTION_FORMATS = ("table", "markdown", "json", "xml", "csv", "tsv")
FITS = ("wrap", "truncate", "off")  # how a table fits a terminal narrower than it (--fit)
SOLUTION_ALIASES = {"md": "markdown", "srj": "json", "srx": "xml"}
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
# A cheap test before sparqltext is imported (its dataclasses cost a cold ``nkgeo query`` time); sparqltext decides.
_MAYBE_STAR = re.compile(r"SELECT\s*(?:(?:DISTINCT|REDUCED)\s*)?\*", re.IGNORECASE)


class TooManyRows(NkgeoError):
    """The solutions go past the row limit given to :func:`solution_rows`."""

    def __init__(self, limit: int):
        super().__init__(f"the result has more than {limit} rows")
        self.limit = limit


def solution_format(name: str) -> str:
    key = SOLUTION_ALIASES.get(name.lower(), name.lower())
    if key not in SOLUTION_FORMATS:
        raise FormatError(f"unknown result format {name!r}; choose one of {', '.join(SOLUTION_FORMATS)}")
    return key


def is_solutions(result) -> bool:
    return type(result).__name__ in ("QuerySolutions", "QueryBoolean")


def solution_rows(solutions, query_text: str | None = None, limit: int | None = None,
                  order: list[str] | None = None) -> tuple[list[str], list[list]]:
    """The variables and rows of SELECT solutions, reading no more than ``limit`` rows (TooManyRows
    past it). For ``SELECT *`` the variables are in order of first appearance in the query, the
    order a reader expects (pyoxigraph may list them in any order): ``order`` when the caller has
    it from its analysis of the text, else read from ``query_text``."""
    variables = [v.value for v in solutions.variables]
    if order is not None:
        pass
    elif query_text and _MAYBE_STAR.search(query_text):
        from nkgeo.query import sparqltext

        order = sparqltext.star_order(query_text)
    else:
        order = None
    if order:
        variables.sort(key=lambda name: order.index(name) if name in order else len(order))
    rows = []
    for solution in solutions:
        if limit is not None and len(rows) >= limit:
            raise TooManyRows(limit)
        rows.append([solution[name] for name in variables])
    return variables, rows


def format_solutions(result, fmt: str, query_text: str | None = None, width: int | None = None, fit: str = "wrap") -> bytes:
    """SELECT solutions or an ASK boolean in one of SOLUTION_FORMATS."""
    return render_solutions(result, fmt, query_text, width, fit).data


class Rendered(NamedTuple):
    """A result written out, and what it holds in words (``22 rows``), for the line ``-o`` prints."""

    data: bytes
    what: str
    empty: bool


def render_solutions(result, fmt: str, query_text: str | None = None, width: int | None = None, fit: str = "wrap") -> Rendered:
    """SELECT solutions or an ASK boolean in one of SOLUTION_FORMATS, with what they hold; a table
    is fitted to ``width`` columns (:func:`render_table`)."""
    fmt = solution_format(fmt)
    if type(result).__name__ == "QueryBoolean":
        return Rendered(write_boolean(bool(result), fmt), f"the answer {'yes' if result else 'no'}", False)
    variables, rows = solution_rows(result, query_text)
    what = f"{len(rows)} row{'' if len(rows) == 1 else 's'}"
    return Rendered(write_solutions(variables, rows, fmt, width, fit), what, not rows)


def write_solutions(variables: list[str], rows: list[list], fmt: str, width: int | None = None, fit: str = "wrap") -> bytes:
    """Rows of terms in one of SOLUTION_FORMATS; blank nodes are labelled b0, b1... in order of
    appearance (a result's labels are its own, and the store's differ from process to process).
    A table is fitted to ``width`` terminal columns, if given."""
    fmt = solution_format(fmt)
    rows = _relabelled(rows)
    if fmt in ("table", "markdown"):
        cells = [[rdfio.display(term) for term in row] for row in rows]
        return (render_table(variables, cells, width, fit) if fmt == "table" else render_markdown(variables, cells)).encode("utf-8")
    return _SOLUTION_WRITERS[fmt](variables, rows)


def _relabelled(rows: list[list]) -> list[list]:
    import pyoxigraph as ox

    labels: dict[str, ox.BlankNode] = {}

    def relabel(term):
        if type(term).__name__ != "BlankNode":
            return term
        if term.value not in labels:
            labels[term.value] = ox.BlankNode(f"b{len(labels)}")
        return labels[term.value]

    if not any(type(term).__name__ == "BlankNode" for row in rows for term in row):
        return rows
    return [[relabel(term) for term in row] for row in rows]


def write_boolean(value: bool, fmt: str) -> bytes:
    """An ASK result: ``yes``/``no`` for people; JSON and XML have a boolean form; CSV and TSV,
    which define none, get one line, ``true`` or ``false``."""
    fmt = solution_format(fmt)
    if fmt in ("table", "markdown"):
        return b"yes\n" if value else b"no\n"
    if fmt == "json":
        return (json.dumps({"head": {}, "boolean": value}, separators=(",", ":")) + "\n").encode("utf-8")
    if fmt == "xml":
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">\n<head/>\n'
                f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n").encode()
    return b"true\n" if value else b"false\n"


def format_triples(triples, fmt: str, width: int | None = None, fit: str = "wrap") -> bytes:
    """CONSTRUCT/DESCRIBE triples in an RDF format (or a table of s, p, o, fitted to ``width``)."""
    return render_triples(triples, fmt, width, fit).data


def render_triples(triples, fmt: str, width: int | None = None, fit: str = "wrap") -> Rendered:
    """CONSTRUCT/DESCRIBE triples in an RDF format (or a table), with how many there are."""
    triples = list(dict.fromkeys(triples))
    what = f"{len(triples)} triple{'' if len(triples) == 1 else 's'}"
    if fmt in ("table", "markdown", "md"):
        rows = sorted([rdfio.display(t.subject), rdfio.display(t.predicate), rdfio.display(t.object)] for t in triples)
        names = ["subject", "predicate", "object"]
        text = render_table(names, rows, width, fit) if fmt == "table" else render_markdown(names, rows)
        return Rendered(text.encode("utf-8"), what, not triples)
    return Rendered(rdfio.serialize(triples, fmt), what, not triples)


# --- tables for people -----------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Hangul and other wide characters take two, accents none."""
    if text.isascii():
        return len(text)  # most cells: no wide or combining character, and a tenth of the time
    import unicodedata

    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render_table(names: list[str], rows: list[list[str]], width: int | None = None, fit: str = "wrap") -> str:
    """A plain-text table: fixed columns (counted in terminal columns), a rule under the header, a count at the end.

    Given the ``width`` of a terminal that the table does not fit, the widest columns are narrowed
    (never below their header, or 8 columns) and their long cells wrapped onto more lines (``fit``
    "wrap") or cut with "…" ("truncate"); "off", or no width, keeps every cell whole.
    """
    widths = [max([display_width(n)] + [display_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    if width is not None and fit != "off":
        widths = fitted_widths(names, widths, width - 2 * (len(names) - 1))
    pad = lambda cell, width: cell + " " * (width - display_width(cell))  # noqa: E731
    line = lambda cells: "  ".join(pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])]
    for row in rows:
        if all(display_width(cell) <= w for cell, w in zip(row, widths, strict=True)):
            out.append(line(row))
            continue
        if fit == "truncate":
            out.append(line([truncated(cell, w) for cell, w in zip(row, widths, strict=True)]))
            continue
        pieces = [wrapped(cell, w) for cell, w in zip(row, widths, strict=True)]
        for depth in range(max(len(p) for p in pieces)):
            out.append(line([p[depth] if depth < len(p) else "" for p in pieces]))
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def fitted_widths(names: list[str], widths: list[int], available: int) -> list[int]:
    """Column widths that add up to ``available`` or less: the widest are narrowed first, none below
    its floor (its header, or 8 columns, or its own width if less), so a table too wide even at its
    floors stays that wide."""
    if sum(widths) <= available:
        return widths
    floors = [min(w, max(display_width(n), 8)) for n, w in zip(names, widths, strict=True)]
    cap = max(widths)
    while cap > 1 and sum(min(w, max(cap, f)) for w, f in zip(widths, floors, strict=True)) > available:
        cap -= 1
    return [min(w, max(cap, f)) for w, f in zip(widths, floors, strict=True)]


def truncated(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, ending in "…" when it was cut."""
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


_BREAKS = re.compile(r"[^\s/-]*[\s/-]+|[^\s/-]+")


def wrapped(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns, broken after spaces, hyphens and
    slashes where it can be, anywhere in a word longer than a line."""
    lines, current = [], ""
    for chunk in _BREAKS.findall(text):
        if display_width(current + chunk.rstrip()) <= width:
            current += chunk
            continue
        if current.strip():
            lines.append(current.rstrip())
        current = ""
        while display_width(chunk.rstrip()) > width:
            head = truncated(chunk, width + 1)[:-1] or chunk[0]  # the longest start that fits (one wide character at least)
            lines.append(head)
            chunk = chunk[len(head):]
        current = chunk
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def terminal_width(stream) -> int | None:
    """The width of the terminal ``stream`` writes to, or None when it is not a terminal (a file, a
    pipe): scripts get whole cells."""
    import os

    try:
        if not stream.isatty():
            return None
        columns = os.environ.get("COLUMNS", "")
        return int(columns) if columns.isdigit() and int(columns) > 0 else os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return None


def render_markdown(names: list[str], rows: list[list[str]]) -> str:
    escape = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
    out = ["| " + " | ".join(names) + " |", "|" + "|".join("---" for _ in names) + "|"]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


# --- the SPARQL 1.1 result formats -----------------------------------------------------------


def json_term(term) -> dict:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = rdfio.language_tag(term.language)
        elif term.datatype.value != ns.XSD.string:
            out["datatype"] = term.datatype.value
        return out
    if kind == "Triple":
        return {"type": "triple", "value": {"subject": json_term(term.subject), "predicate": json_term(term.predicate),
                                             "object": json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_json(variables: list[str], rows: list[list]) -> bytes:
    bindings = [{name: json_term(term) for name, term in zip(variables, row, strict=True) if term is not None} for row in rows]
    data = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def xml_term(term) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<uri>{rdfio.xml_text(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{rdfio.xml_text(term.value)}</bnode>"
    if kind == "Literal":
        value = rdfio.xml_text(_xml_safe(term.value))
        if term.language:
            return f'<literal xml:lang="{rdfio.language_tag(term.language)}">{value}</literal>'
        if term.datatype.value != ns.XSD.string:
            return f'<literal datatype="{rdfio.xml_text(term.datatype.value, attribute=True)}">{value}</literal>'
        return f"<literal>{value}</literal>"
    if kind == "Triple":
        parts = "".join(f"<{name}>{xml_term(getattr(term, name))}</{name}>" for name in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    raise TypeError(f"not an RDF term: {term!r}")


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped: they become U+FFFD."""
    return re.sub(r"[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]", "\uFFFD", text)


def solutions_xml(variables: list[str], rows: list[list]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">', "<head>"]
    out += [f'<variable name="{rdfio.xml_text(name, attribute=True)}"/>' for name in variables]
    out += ["</head>", "<results>"]
    for row in rows:
        cells = "".join(f'<binding name="{name}">{xml_term(term)}</binding>' for name, term in zip(variables, row, strict=True) if term is not None)
        out.append(f"<result>{cells}</result>")
    out += ["</results>", "</sparql>"]
    return ("\n".join(out) + "\n").encode("utf-8")


def csv_value(term) -> str:
    """A term in CSV: IRIs and literals as their bare text, blank nodes as ``_:label``."""
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Triple":
        return tsv_value(term)
    return term.value


def solutions_csv(variables: list[str], rows: list[list]) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([csv_value(term) for term in row])
    return buffer.getvalue().encode("utf-8")


def tsv_value(term) -> str:
    """A term in TSV: Turtle syntax with whole IRIs, numbers and booleans bare when their lexical form allows it."""
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<{term.value}>"
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Literal":
        return rdfio.turtle_literal(term, lambda iri: f"<{iri}>")
    if kind == "Triple":
        return f"<< {tsv_value(term.subject)} {tsv_value(term.predicate)} {tsv_value(term.object)} >>"
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_tsv(variables: list[str], rows: list[list]) -> bytes:
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join(tsv_value(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


_SOLUTION_WRITERS = {"json": solutions_json, "xml": solutions_xml, "csv": solutions_csv, "tsv": solutions_tsv}
