"""Literals survive ``nkgeo export`` in every format (regression test of issue 9).

``nkgeo export --format trig`` used to re-indent the lines of a multi-line literal and to move a
line of it that starts with ``PREFIX `` into the header; language tags came out lower-cased
(pyoxigraph lower-cases them). Here a tiny project holds literals that are multi-line, indented,
quoted, backslashed, ``PREFIX``-/``@prefix``-looking, in Hangul and language-tagged; each format's
export is parsed back (by rdflib, which keeps the case of language tags) and must give the very
same literals.
"""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from nkgeo import namespaces as ns

SUBJECT = URIRef(ns.ID_NS + "tricky-place")
GRAPH = URIRef(ns.GRAPH_NS + "tricky")
NOTE_TYPE = "http://example.org/note"
PLAIN = [
    "first line\n    an indented line\n\tafter a tab\nlast line",
    "top\nPREFIX ex: <http://example.org/>\nbottom",
    "@prefix ex: <http://example.org/> .\n  PREFIX ex2: <http://example.org/2/>",
    'she said "hi"',
    'ends with a quote "',
    '"',
    'three """ doubles',
    "three ''' singles, and it's",
    "back\\slash",
    "ends with a backslash \\",
    "\\n is not a newline",
    "carriage\r\nreturn",
    "함흥시\n흥남구역",
    "",
    "  leading and trailing spaces  ",
]
TAGGED = [("함흥", "ko"), ("Hamhŭng", "ko-Latn-alalc97"), ("Hamhung", "ko-Latn"), ("Hamheung", "ko-Latn-x-rr"),
          ("Hamhung", "en-GB"), ("a name\non two lines", "en")]
TYPED = [("line one\nPREFIX x: <y>", NOTE_TYPE)]
# One literal written raw, as a long string spanning lines, the way a person writes one in graph/.
RAW = 'written raw\n    PREFIX id: <http://example.org/not-a-prefix/>\n"quoted" and done'


def turtle_string(value: str) -> str:
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(escapes.get(ch, ch) for ch in value) + '"'


def source_trig() -> str:
    objects = [turtle_string(v) for v in PLAIN]
    objects += [f"{turtle_string(v)}@{tag}" for v, tag in TAGGED]
    objects += [f"{turtle_string(v)}^^<{dt}>" for v, dt in TYPED]
    raw = RAW.replace('"', '\\"')
    return (
        "@prefix graph: <https://w3id.org/nkgeo/graph/> .\n"
        "@prefix id: <https://w3id.org/nkgeo/id/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\n"
        "graph:tricky {\n"
        f"    id:tricky-place rdfs:comment {', '.join(objects)} ;\n"
        f'        rdfs:seeAlso """{raw}""" .\n'
        "}\n"
    )


def expected() -> set[tuple]:
    comment, see_also = str(ns.RDFS.comment), str(ns.RDFS.seeAlso)
    found = {(comment, v, None, None) for v in PLAIN}
    found |= {(comment, v, tag, None) for v, tag in TAGGED}
    found |= {(comment, v, None, dt) for v, dt in TYPED}
    found.add((see_also, RAW, None, None))
    return found


def literals_of(triples) -> set[tuple]:
    """(predicate, value, language as written, datatype other than xsd:string) of the subject's literals."""
    out = set()
    for s, p, o in triples:
        if s == SUBJECT and isinstance(o, Literal):
            datatype = str(o.datatype) if o.datatype is not None and str(o.datatype) != ns.XSD.string else None
            out.add((str(p), str(o), o.language, datatype))
    return out


@pytest.fixture
def tricky_project(tiny_project):
    (tiny_project / "graph" / "tricky.trig").write_text(source_trig(), encoding="utf-8")
    return tiny_project


def test_the_source_itself_holds_the_literals():
    dataset = Dataset()
    dataset.parse(data=source_trig(), format="trig")
    assert literals_of(dataset.graph(GRAPH)) == expected()


@pytest.mark.parametrize(("fmt", "parser", "keeps_graphs"), [
    ("trig", "trig", True), ("nquads", "nquads", True), ("json-ld", "json-ld", True),
    ("turtle", "turtle", False), ("nt", "nt", False), ("xml", "xml", False),
])
def test_every_format_keeps_every_literal(invoke, tricky_project, fmt, parser, keeps_graphs):
    result = invoke("export", "--format", fmt)
    assert result.exit_code == 0, result.output
    if keeps_graphs:
        dataset = Dataset()
        dataset.parse(data=result.stdout_bytes, format=parser)
        assert literals_of(dataset.graph(GRAPH)) == expected()
    else:
        graph = Graph()
        graph.parse(data=result.stdout_bytes, format=parser)
        assert literals_of(graph) == expected()


def test_trig_header_holds_only_prefixes(invoke, tricky_project):
    text = invoke("export", "--format", "trig").stdout_bytes.decode("utf-8")
    header = text.split("\n\n", 1)[0].splitlines()
    assert header and all(line.startswith(("@prefix ", "PREFIX ")) for line in header)
    assert "example.org" not in "\n".join(header)
