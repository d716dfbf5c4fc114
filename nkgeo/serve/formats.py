"""The SPARQL 1.1 result formats, written from a list of rows, and RDF graphs written by pyoxigraph.

pyoxigraph writes results straight from a live ``QuerySolutions``, which cannot be cut short: the
endpoint reads the solutions first (stopping past its row limit), then writes them here. Each
writer follows its recommendation: JSON (sparql11-results-json), XML (rdf-sparql-XMLres), CSV and
TSV (sparql11-results-csv-tsv). Terms are pyoxigraph terms; an unbound variable is None.
"""

from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape, quoteattr

from nkgeo import namespaces as ns

XSD_STRING = ns.XSD.string
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

# Numbers TSV may write bare, as Turtle does, when the lexical form is Turtle's own.
_BARE_NUMBERS = {
    ns.XSD.integer: re.compile(r"^[+-]?\d+$"),
    ns.XSD.decimal: re.compile(r"^[+-]?\d*\.\d+$"),
    ns.XSD.double: re.compile(r"^[+-]?(\d+\.\d*[eE][+-]?\d+|\.\d+[eE][+-]?\d+|\d+[eE][+-]?\d+)$"),
}


def _kind(term) -> str:
    return type(term).__name__


# --- JSON ------------------------------------------------------------------------------------


def json_term(term) -> dict:
    kind = _kind(term)
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if kind == "Triple":
        return {"type": "triple", "value": {"subject": json_term(term.subject), "predicate": json_term(term.predicate),
                                             "object": json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_json(variables: list[str], rows: list[list]) -> bytes:
    bindings = [{name: json_term(term) for name, term in zip(variables, row, strict=True) if term is not None} for row in rows]
    data = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def boolean_json(value: bool) -> bytes:
    return (json.dumps({"head": {}, "boolean": value}) + "\n").encode("utf-8")


# --- XML -------------------------------------------------------------------------------------


def xml_term(term) -> str:
    kind = _kind(term)
    if kind == "NamedNode":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "Literal":
        value = escape(_xml_safe(term.value))
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{value}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{value}</literal>"
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
    out += [f"<variable name={quoteattr(name)}/>" for name in variables]
    out += ["</head>", "<results>"]
    for row in rows:
        cells = "".join(
            f"<binding name={quoteattr(name)}>{xml_term(term)}</binding>" for name, term in zip(variables, row, strict=True) if term is not None
        )
        out.append(f"<result>{cells}</result>")
    out += ["</results>", "</sparql>"]
    return ("\n".join(out) + "\n").encode("utf-8")


def boolean_xml(value: bool) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{SPARQL_RESULTS_NS}">\n<head/>\n'
        f"<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"
    ).encode()


# --- CSV and TSV -----------------------------------------------------------------------------


def csv_value(term) -> str:
    """A term in CSV: IRIs and literals as their bare text, blank nodes as ``_:label``."""
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Triple":
        return tsv_value(term)
    return term.value


def solutions_csv(variables: list[str], rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([csv_value(term) for term in row])
    return buffer.getvalue().encode("utf-8")


def _tsv_string(text: str) -> str:
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(escapes.get(ch, ch) for ch in text) + '"'


def tsv_value(term) -> str:
    """A term in TSV: Turtle syntax, with numbers bare when their lexical form allows it."""
    if term is None:
        return ""
    kind = _kind(term)
    if kind == "NamedNode":
        return f"<{term.value}>"
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind == "Literal":
        datatype = term.datatype.value
        pattern = _BARE_NUMBERS.get(datatype)
        if pattern is not None and pattern.match(term.value):
            return term.value
        text = _tsv_string(term.value)
        if term.language:
            return f"{text}@{term.language}"
        if datatype in (XSD_STRING, RDF_LANG_STRING):
            return text
        return f"{text}^^<{datatype}>"
    if kind == "Triple":
        return f"<< {tsv_value(term.subject)} {tsv_value(term.predicate)} {tsv_value(term.object)} >>"
    raise TypeError(f"not an RDF term: {term!r}")


def solutions_tsv(variables: list[str], rows: list[list]) -> bytes:
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines += ["\t".join(tsv_value(term) for term in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def boolean_text(value: bool) -> bytes:
    """ASK in CSV or TSV, which define no boolean form: one line, ``true`` or ``false``."""
    return b"true\n" if value else b"false\n"


SOLUTION_WRITERS = {"json": solutions_json, "xml": solutions_xml, "csv": solutions_csv, "tsv": solutions_tsv}
BOOLEAN_WRITERS = {"json": boolean_json, "xml": boolean_xml, "csv": boolean_text, "tsv": boolean_text}


# --- graphs ----------------------------------------------------------------------------------

# format name -> pyoxigraph RdfFormat attribute
GRAPH_WRITERS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "json-ld": "JSON_LD", "xml": "RDF_XML", "nquads": "N_QUADS", "trig": "TRIG"}


def write_graph(triples: list, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """Triples (or quads) in an RDF format; Turtle and TriG get the given prefixes."""
    import pyoxigraph as ox

    target = getattr(ox.RdfFormat, GRAPH_WRITERS[fmt])
    options = {}
    if prefixes and target in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML):
        options["prefixes"] = prefixes
    buffer = io.BytesIO()
    ox.serialize(triples, buffer, format=target, **options)
    data = buffer.getvalue()
    return data if not data or data.endswith(b"\n") else data + b"\n"
