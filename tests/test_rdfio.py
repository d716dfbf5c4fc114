"""nkgeo/rdfio.py: the one table of RDF formats, the reader, the writers, the term renderer and the
bridge between pyoxigraph and rdflib."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import FormatError, SourceError


@pytest.mark.parametrize("name, expected", [("ttl", "turtle"), ("TURTLE", "turtle"), ("nq", "nquads"), ("jsonld", "json-ld"),
                                            ("rdf", "xml"), ("n-triples", "nt")])
def test_formats_by_name_or_alias(name, expected):
    assert rdfio.rdf_format(name).name == expected


def test_unknown_format_lists_the_choices():
    with pytest.raises(FormatError, match="unknown RDF format 'yaml'; choose one of turtle"):
        rdfio.rdf_format("yaml")


def test_read_only_formats_are_not_written():
    assert rdfio.rdf_format("trix", writing=False).name == "trix"
    with pytest.raises(FormatError):
        rdfio.rdf_format("trix")


def test_format_of_path():
    assert rdfio.format_of_path("a/b.TTL").name == "turtle"
    assert rdfio.format_of_path("x.nq").keeps_graphs
    assert rdfio.format_of_path("x.txt") is None


@pytest.mark.parametrize(
    "oxigraph, rdflib_term",
    [
        (ox.NamedNode("https://w3id.org/nkgeo/id/hamhung"), URIRef("https://w3id.org/nkgeo/id/hamhung")),
        (ox.BlankNode("b1"), BNode("b1")),
        (ox.Literal("x"), Literal("x")),
        (ox.Literal("함흥", language="ko"), Literal("함흥", lang="ko")),
        (ox.Literal("7", datatype=ox.NamedNode(ns.XSD.integer)), Literal("7", datatype=URIRef(ns.XSD.integer))),
        (ox.Literal("line one\n  PREFIX x: <y>", datatype=ox.NamedNode(ns.XSD.string)), Literal("line one\n  PREFIX x: <y>")),
    ],
)
def test_bridge_round_trips(oxigraph, rdflib_term):
    assert rdfio.to_rdflib(oxigraph) == rdflib_term
    assert rdfio.from_rdflib(rdflib_term) == oxigraph


@pytest.mark.parametrize(
    ("term", "value", "turtle"),
    [
        (ox.NamedNode(ns.NKGEO.City), "nkgeo:City", "nkgeo:City"),
        (URIRef(ns.ID_NS + "hamhung"), "id:hamhung", "id:hamhung"),
        (ox.NamedNode("http://example.org/x"), "<http://example.org/x>", "<http://example.org/x>"),
        (ox.Literal("7", datatype=ox.NamedNode(ns.XSD.integer)), "7", "7"),
        (ox.Literal("1990", datatype=ox.NamedNode(ns.XSD.gYear)), "1990", '"1990"^^xsd:gYear'),
        (Literal("Hamhung", lang="en"), "Hamhung", '"Hamhung"@en'),
        (ox.Literal("Hamheung", language="ko-Latn-x-rr"), "Hamheung", '"Hamheung"@ko-Latn-x-rr'),
        (ox.Literal('say "hi"\nbye'), 'say "hi"\nbye', '"say \\"hi\\"\\nbye"'),
        (ox.BlankNode("b0"), "_:b0", "_:b0"),
        (None, "", ""),
    ],
)
def test_display(term, value, turtle):
    assert rdfio.display(term) == value
    assert rdfio.display(term, literal="turtle") == turtle


def test_display_in_full():
    assert rdfio.display(ox.NamedNode(ns.ID_NS + "hamhung"), compact=False) == ns.ID_NS + "hamhung"
    assert rdfio.display(ox.Literal("1990", datatype=ox.NamedNode(ns.XSD.gYear)), compact=False, literal="turtle") == (
        f'"1990"^^<{ns.XSD.gYear}>')


@pytest.mark.parametrize(("tag", "registered"), [
    ("ko", "ko"), ("ko-latn", "ko-Latn"), ("ko-latn-alalc97", "ko-Latn-alalc97"), ("ko-latn-x-rr", "ko-Latn-x-rr"),
    ("EN-gb", "en-GB"), ("es-419", "es-419"), ("zh-hant-tw", "zh-Hant-TW"), ("x-private-TAG", "x-private-TAG"),
    ("en-x-ab-cd", "en-x-ab-cd"),
])
def test_language_tags_get_their_bcp47_case(tag, registered):
    assert rdfio.language_tag(tag) == registered


# --- the writers -----------------------------------------------------------------------------

TRICKY = rb"""
@prefix e: <http://example.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
e:g1 {
  e:s a e:C ; rdfs:label "lab"@en-GB, "\uD568\uD765"@ko ; e:p e:o2, e:o1 ;
      e:q "x\n  PREFIX z: <a>\n@prefix y: <b> ."@ko-Latn-x-rr, 1, "05"^^xsd:integer, 2.5, 1e3, true, "it's \"q\" \\",
          "tab\tcr\r", "ends with a quote \"", "" .
  e:C owl:unionOf (e:A e:B [ a owl:Restriction ; owl:onProperty e:p ]) ;
      rdfs:subClassOf [ a owl:Restriction ; owl:onProperty e:q ; owl:someValuesFrom e:D ] .
  [] e:p e:o . _:shared e:p e:x . _:loop1 e:r _:loop2 . _:loop2 e:r _:loop1 . e:t e:list () .
}
e:g2 { _:shared e:p e:y . e:z e:p "two\nlines" }
"""
WRITABLE = [name for name, f in rdfio.FORMATS.items() if f.writable]


def tricky_quads():
    return rdfio.read(TRICKY, "trig")


@pytest.mark.parametrize("name", WRITABLE)
def test_every_writer_round_trips(name):
    fmt = rdfio.FORMATS[name]
    quads = tricky_quads()
    written = rdfio.serialize(quads, name)
    assert rdfio.canonical_quads(rdfio.read(written, name), fmt.keeps_graphs) == rdfio.canonical_quads(quads, fmt.keeps_graphs)


@pytest.mark.parametrize("name", WRITABLE)
def test_every_writer_gives_the_same_bytes_from_any_order_and_labels(name):
    quads = tricky_quads()
    relabelled = rdfio.read(TRICKY, "trig", rename_blank_nodes=True)
    assert rdfio.serialize(list(reversed(quads)), name) == rdfio.serialize(relabelled, name)


@pytest.mark.parametrize("parser", ["trig", "nquads", "json-ld", "turtle", "xml"])
def test_rdflib_reads_our_output_with_the_language_tags_as_registered(parser):
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=rdfio.serialize(tricky_quads(), parser), format=parser)
    tags = {o.language for _s, _p, o, _g in dataset.quads((None, None, None, None)) if isinstance(o, Literal) and o.language}
    assert tags == {"en-GB", "ko", "ko-Latn-x-rr"}


def test_turtle_groups_by_subject_and_predicate_and_nests_blank_nodes():
    text = rdfio.serialize(tricky_quads(), "turtle").decode()
    assert text.startswith("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n@prefix rdf: ")
    assert "<http://example.org/s> a <http://example.org/C> ;\n    rdfs:label " in text
    assert "<http://example.org/p> <http://example.org/o1>,\n        <http://example.org/o2> ;" in text
    assert "    owl:unionOf (\n        <http://example.org/A>\n        <http://example.org/B>\n        [\n" in text
    assert "rdfs:subClassOf [\n        a owl:Restriction ;\n" in text
    assert '"""x\n  PREFIX z: <a>\n@prefix y: <b> ."""@ko-Latn-x-rr' in text  # a long string, lines as they are
    assert " 05,\n" in text and " 1e3,\n" in text and " true,\n" in text  # numbers keep their lexical form


def test_trig_writes_the_prefixes_it_uses_then_each_graph():
    text = rdfio.serialize(tricky_quads(), "trig", prefixes={"e": "http://example.org/", **ns.PREFIXES}).decode()
    header, body = text.split("\n\n", 1)
    assert header.splitlines() == ["@prefix e: <http://example.org/> .", "@prefix owl: <http://www.w3.org/2002/07/owl#> .",
                                   "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
                                   "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    assert body.startswith("e:g1 {\n    e:C rdfs:subClassOf [\n")
    assert "\n}\n\ne:g2 {\n" in body
    shared = [line.split()[0] for line in body.splitlines() if line.endswith(("e:p e:x .", "e:p e:y ."))]
    assert len(shared) == 2 and shared[0] == shared[1] and shared[0].startswith("_:c14n")  # one node in two graphs keeps its label
    assert "    [] e:p e:o .\n" in body  # a blank node used nowhere else needs no label


def test_ntriples_are_sorted_lines_with_registered_tags():
    lines = rdfio.serialize(tricky_quads(), "nt").decode().splitlines()
    assert lines == sorted(set(lines))
    assert any(line.endswith('"lab"@en-GB .') for line in lines)


def test_leading_subjects_come_first():
    quads = rdfio.read(b"<http://e/a> <http://e/p> 1 . <http://e/b> <http://e/p> 2 .", "turtle")
    text = rdfio.serialize(quads, "turtle", leading=["http://e/b"]).decode()
    assert text.index("<http://e/b>") < text.index("<http://e/a>")


def test_jsonld_is_compacted_with_the_shipped_context_and_keeps_lexical_forms():
    import json

    document = json.loads(rdfio.serialize(tricky_quads(), "json-ld"))
    assert document["@context"] == rdfio.jsonld_context()
    g1 = next(g for g in document["@graph"] if g["@id"] == "http://example.org/g1")
    s = next(n for n in g1["@graph"] if n["@id"] == "http://example.org/s")
    assert s["label"] == {"en-GB": "lab", "ko": "함흥"}
    assert {"@type": "xsd:integer", "@value": "05"} in s["http://example.org/q"]


def test_rdf_xml_refuses_what_it_cannot_hold():
    quads = rdfio.read(b'<http://e/a> <http://e/p> "bell \\u0007" .', "nt")
    with pytest.raises(FormatError, match="RDF/XML cannot hold"):
        rdfio.serialize(quads, "xml")
    with pytest.raises(FormatError, match="does not end in an XML name"):
        rdfio.serialize(rdfio.read(b"<http://e/a> <http://e/1> <http://e/b> .", "nt"), "xml")


# --- the reader ------------------------------------------------------------------------------


def test_read_a_file_by_its_suffix(tmp_path):
    path = tmp_path / "data.nt"
    path.write_bytes(b'<http://e/a> <http://e/p> "x"@ko-Latn .\n')
    [quad] = rdfio.read(path)
    assert quad.object == ox.Literal("x", language="ko-latn")


def test_read_trix_with_rdflib():
    trix = b"""<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><uri>http://e/g</uri>
      <triple><uri>http://e/a</uri><uri>http://e/p</uri><plainLiteral>x</plainLiteral></triple></graph></TriX>"""
    [quad] = rdfio.read(trix, "trix")
    assert quad == ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x"), ox.NamedNode("http://e/g"))


def test_read_errors_are_one_line(tmp_path):
    (tmp_path / "bad.ttl").write_text("this is not\nturtle", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^bad\.ttl does not parse: at line \d+[^\n]*$"):
        rdfio.read(tmp_path / "bad.ttl")
    with pytest.raises(SourceError, match=r"^cannot tell the RDF format of x\.weird from its suffix; use one of \.ttl, "):
        rdfio.read(tmp_path / "x.weird")
    with pytest.raises(SourceError, match=r"^cannot read .*missing\.ttl: No such file or directory$"):
        rdfio.read(tmp_path / "missing.ttl")
    with pytest.raises(SourceError, match=r"^the data does not parse: "):
        rdfio.read(b"<a", "nt")
