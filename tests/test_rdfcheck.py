"""RDF text that would crash a parser or make it run away is refused before parsing (issue 12,
rows 1 and 7): JSON-LD nested thousands of levels deep (pyoxigraph's parser overflows its stack),
XML nested as deep (quadratic), and XML entities that expand to gigabytes ("billion laughs").

The files go to ``nkgeo serve FILE --get`` in a child process, so that a regression (a SIGSEGV, a
run of minutes) fails this test, within a time limit, instead of killing the test session.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from nkgeo import rdfcheck, rdfio
from nkgeo.errors import SourceError

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
TRIX_NS = "http://www.w3.org/2004/03/trix/trix-1/"


def nested_json_ld(levels: int) -> str:
    return '{"@id": "http://example.org/s", "http://example.org/p": ' + '{"@list": [' * levels + '"v"' + "]}" * levels + "}"


def nested_rdf_xml(levels: int) -> str:
    inner = '<e:p><rdf:Description>' * levels + "</rdf:Description></e:p>" * levels
    return (f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://example.org/">'
            f'<rdf:Description rdf:about="http://example.org/s">{inner}</rdf:Description></rdf:RDF>')


def laughs(levels: int = 8, body: str = "&l{last};") -> str:
    """A DTD whose every entity is ten of the one before: 10**levels characters from a few hundred bytes."""
    declarations = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{n} "{("&l" + str(n - 1) + ";") * 10}">' for n in range(1, levels + 1)]
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE root [\n" + "\n".join(declarations) + "\n]>\n" + body.replace("{last}", str(levels))


def rdf_xml_bomb() -> str:
    return laughs(body=f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://example.org/">'
                       '<rdf:Description rdf:about="http://example.org/s"><e:p>&l{last};</e:p></rdf:Description></rdf:RDF>')


def trix_bomb() -> str:
    return laughs(body=f'<TriX xmlns="{TRIX_NS}"><graph><uri>http://example.org/g</uri><triple><uri>http://example.org/s</uri>'
                       '<uri>http://example.org/p</uri><plainLiteral>&l{last};</plainLiteral></triple></graph></TriX>')


def serve_get(path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "nkgeo", "serve", str(path), "--get", "/sparql?query=ASK%7B%7D"],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize(("name", "text", "message"), [
    ("deep.jsonld", nested_json_ld(4000), "deep.jsonld nests JSON objects and arrays more than 200 levels deep"),
    ("deep.rdf", nested_rdf_xml(30000), "deep.rdf nests XML elements more than 200 levels deep"),
    ("laughs.rdf", rdf_xml_bomb(), "laughs.rdf declares the entity l1 in terms of other entities or markup"),
    ("laughs.trix", trix_bomb(), "laughs.trix declares the entity l1 in terms of other entities or markup"),
])
def test_serve_refuses_a_hostile_file_in_one_line(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    done = serve_get(path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert done.stderr.startswith(f"Error: {message}")
    assert done.stderr.count("\n") == 1


@pytest.mark.parametrize(("fmt", "text"), [
    ("json-ld", nested_json_ld(rdfcheck.MAX_DEPTH + 1)),
    ("xml", nested_rdf_xml(rdfcheck.MAX_DEPTH)),
])
def test_the_depth_limit_is_exact(fmt, text):
    with pytest.raises(SourceError, match="levels deep"):
        rdfio.read(text.encode(), fmt)


def test_documents_within_the_limit_still_parse():
    assert len(rdfio.read(nested_json_ld(50).encode(), "json-ld")) == 101  # 50 lists of one item, and the link to the first
    assert len(rdfio.read(nested_rdf_xml(50).encode(), "xml")) == 50


def test_plain_entities_still_work():
    """Ontology editors write namespaces as entities: those stand for plain text, and are expanded."""
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n  <!ENTITY ex "http://example.org/">\n  <!ENTITY name "Hamhŭng">\n]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://example.org/">'
            '<rdf:Description rdf:about="&ex;hamhung"><e:label>&name;</e:label></rdf:Description></rdf:RDF>')
    (quad,) = rdfio.read(text.encode(), "xml")
    assert quad.subject.value == "http://example.org/hamhung"
    assert quad.object.value == "Hamhŭng"


@pytest.mark.parametrize(("subset", "message"), [
    ('<!ENTITY % p "x">', "declares the parameter entity %p"),
    ('<!ENTITY e SYSTEM "file:///etc/passwd">', "declares the external entity e"),
    ('<!ENTITY e PUBLIC "-//x//y" "http://example.org/e.dtd">', "declares the external entity e"),
    ('<!ENTITY e "<e:p>x</e:p>">', "declares the entity e in terms of other entities or markup"),
])
def test_entities_that_are_not_plain_text_are_refused(subset, message):
    text = f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ {subset} ]>\n<rdf:RDF xmlns:rdf="{RDF_NS}"/>'
    with pytest.raises(SourceError, match=message):
        rdfio.read(text.encode(), "xml", name="x.rdf")


def test_plain_entities_may_not_expand_without_bound():
    value = "x" * 10_000
    text = (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "{value}"> ]>\n<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:e="http://e/">'
            f'<rdf:Description rdf:about="http://e/s"><e:p>{"&big;" * 200}</e:p></rdf:Description></rdf:RDF>')
    with pytest.raises(SourceError, match="entity references would add 2,000,000 characters"):
        rdfio.read(text.encode(), "xml", name="x.rdf")


def test_utf16_xml_is_refused():
    """expat (rdflib's TriX) reads UTF-16, which the byte-level checks cannot: refused, not read unchecked."""
    with pytest.raises(SourceError, match="is not XML in UTF-8"):
        rdfio.read(trix_bomb().encode("utf-16"), "trix", name="x.trix")


@pytest.mark.parametrize(("text", "depth"), [
    (b'{"a": [1, {"b": "]]]]"}]}', 3),
    (b'["[[[", "\\"[", "\\\\"]', 1),
    (b"]]]]][[[", 3),  # closers without openers hide nothing
    (b"", 0),
])
def test_json_depth(text, depth):
    assert rdfcheck.json_depth(text) == depth


@pytest.mark.parametrize(("text", "depth"), [
    (b'<a x="/>"><b/><c y=\'>\'>[[[</c><!-- <d><d> --><![CDATA[<e><e>]]><?pi <f>?></a>', 2),
    (b'<!DOCTYPE a [ <!ENTITY e "x"> ]><a><b><c/></b></a>', 2),
    (b"</a></a></a><a><a>", 2),
])
def test_xml_depth(text, depth):
    assert rdfcheck.xml_depth(text) == depth
