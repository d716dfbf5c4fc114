"""A candidates file is checked before anything of it reaches ``graph/`` (issue 12, row 9):
``nkgeo.extract.candidates.check_candidates``, which ``nkgeo merge`` calls first.

Each hostile file is the small valid one below with one thing changed.
"""

from __future__ import annotations

import pytest

from nkgeo.extract.candidates import MAX_STEM, CandidatesError, check_candidates

STEM = "a-test_0123456789abcdef"
VALID = """\
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix doc: <https://w3id.org/nkgeo/doc/> .
@prefix ev: <https://w3id.org/nkgeo/evidence/> .
@prefix graph: <https://w3id.org/nkgeo/graph/> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

graph:doc-a-test_0123456789abcdef {
    id:deltaville a nkgeo:City ;
        nkgeo:locatedIn id:testland .
}

graph:gazetteer {
    id:deltaville a nkgeo:City ;
        rdfs:label "Deltaville"@en ;
        skos:prefLabel "Deltaville"@en .
}

graph:provenance {
    doc:a-test_0123456789abcdef a nkgeo:SourceDocument ;
        dcterms:title "A test" ;
        nkgeo:characterCount "40"^^xsd:nonNegativeInteger ;
        nkgeo:documentGraph graph:doc-a-test_0123456789abcdef ;
        nkgeo:fileName "a-test.txt" .

    ev:a-test_0123456789abcdef-000000000001 a nkgeo:Evidence ;
        rdf:object id:testland ;
        rdf:predicate nkgeo:locatedIn ;
        rdf:subject id:deltaville ;
        nkgeo:confidence 0.9 ;
        nkgeo:endOffset "38"^^xsd:nonNegativeInteger ;
        nkgeo:inDocument doc:a-test_0123456789abcdef ;
        nkgeo:startOffset "0"^^xsd:nonNegativeInteger .
}
"""
LONG_STEM = "a" * 283 + "_0123456789abcdef"  # 300 characters

HOSTILE = {
    "confidence that is no number": (VALID.replace("nkgeo:confidence 0.9", 'nkgeo:confidence "high"'),
                                     "the evidence ev:a-test_0123456789abcdef-000000000001 has the confidence 'high', not a number from 0 to 1"),
    "confidence past 1": (VALID.replace("nkgeo:confidence 0.9", "nkgeo:confidence 7.5"), "has the confidence '7.5', not a number from 0 to 1"),
    "backslash in a graph IRI": (VALID.replace("graph:doc-a-test_0123456789abcdef {", "<https://w3id.org/nkgeo/graph/doc-a\\u005Cb> {"),
                                 "is not a candidates file"),
    "stem of 300 characters": (VALID.replace(STEM, LONG_STEM), "the document graph's stem has 300 characters, more than 200"),
    "stem that names a path": (VALID.replace("graph:doc-a-test_0123456789abcdef {", "<https://w3id.org/nkgeo/graph/doc-..%2Fgazetteer> {"),
                               "the document graph's stem '..%2Fgazetteer' is not <slug>_<16 hex digits>"),
    "stem that names a graph file": (VALID.replace(STEM, "gazetteer"), "the document graph's stem 'gazetteer' is not <slug>_<16 hex digits>"),
    "literal predicate": (VALID.replace("nkgeo:locatedIn id:testland .", '"locatedIn" id:testland .'), "is not a candidates file"),
    "evidence with a literal predicate": (VALID.replace("rdf:predicate nkgeo:locatedIn", 'rdf:predicate "locatedIn"'),
                                          "has a subject or predicate that is not an IRI"),
    "unknown predicate": (VALID.replace("nkgeo:locatedIn id:testland .", "nkgeo:locatedInn id:testland ."),
                          "the predicate <https://w3id.org/nkgeo/ontology#locatedInn> is not a term of nkgeo's ontology"),
    "name with a line break": (VALID.replace('rdfs:label "Deltaville"@en', 'rdfs:label "Delta\\n} graph:x { id:a id:b id:c"@en'),
                               "the name 'Delta\\n} graph:x { id:a id:b id:c' is empty, longer than 300 characters, or on more than one line"),
    "name too long": (VALID.replace('rdfs:label "Deltaville"@en', f'rdfs:label "{"D" * 301}"@en'), "longer than 300 characters"),
    "control character": (VALID.replace('"A test"', '"A \\u0000test"'), "the literal 'A \\x00test' holds a control character"),
    "offsets backwards": (VALID.replace('nkgeo:startOffset "0"', 'nkgeo:startOffset "39"'), "has offsets that are not whole numbers from start to end"),
    "negative offset": (VALID.replace('nkgeo:endOffset "38"', 'nkgeo:endOffset "-1"'), "the literal '-1' is not a valid xsd:nonNegativeInteger"),
    "ill-typed number": (VALID.replace('"40"^^xsd:nonNegativeInteger', '"forty"^^xsd:nonNegativeInteger'),
                         "the literal 'forty' is not a valid xsd:nonNegativeInteger"),
    "triple in the default graph": (VALID + "\nid:a nkgeo:locatedIn id:b .\n", "a triple lies outside the named graphs"),
    "entity IRI with a space in disguise": (VALID.replace("id:deltaville a nkgeo:City ;\n        rdfs",
                                                          "<https://w3id.org/nkgeo/id/a%20b> a nkgeo:City ;\n        rdfs"),
                                            "the IRI <https://w3id.org/nkgeo/id/a%20b> is not a plain name"),
    "document IRI not its stem": (VALID.replace("doc:a-test_0123456789abcdef a nkgeo:SourceDocument", "doc:other a nkgeo:SourceDocument"),
                                  "the document <https://w3id.org/nkgeo/doc/other> is not doc:a-test_0123456789abcdef"),
    "file name with a slash": (VALID.replace('nkgeo:fileName "a-test.txt"', 'nkgeo:fileName "../../etc/passwd"'), "holds a '/'"),
    "blank node": (VALID.replace("nkgeo:locatedIn id:testland .", "nkgeo:locatedIn [ a nkgeo:Country ] ."), "a blank node"),
    "not TriG": ("graph:x { <a> <b> }", "is not a candidates file"),
}


def test_a_valid_file_passes(tmp_path):
    path = tmp_path / "candidates.trig"
    path.write_text(VALID, encoding="utf-8")
    check_candidates(path)


def test_a_file_from_nkgeo_extract_passes(tmp_path, invoke, compiled):
    from pathlib import Path

    document = Path(__file__).resolve().parents[1] / "bench" / "documents" / "smaller-cities.txt"
    path = tmp_path / "candidates.trig"
    assert invoke("extract", str(document), "-o", str(path)).exit_code == 0
    check_candidates(path)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line(tmp_path, case):
    text, message = HOSTILE[case]
    path = tmp_path / "candidates.trig"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CandidatesError) as raised:
        check_candidates(path)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value).replace("\\n", "")


def test_a_file_name_with_a_line_break_is_refused(tmp_path):
    path = tmp_path / "candidates.trig\n} graph:gazetteer { id:x a nkgeo:City } #"
    path.write_text(VALID, encoding="utf-8")
    with pytest.raises(CandidatesError, match="holds a control character or a line break; rename it"):
        check_candidates(path)


def test_the_stem_limit_fits_a_file_name():
    assert len((("a" * (MAX_STEM - 17)) + "_0123456789abcdef.trig").encode()) <= 255


@pytest.mark.parametrize("case", ["name with a line break", "confidence that is no number", "stem of 300 characters"])
def test_merge_refuses_a_hostile_file_and_changes_nothing(tmp_path, tiny_project, invoke, case):
    text, message = HOSTILE[case]
    before = {p.name: p.read_bytes() for p in (tiny_project / "graph").iterdir()}
    path = tmp_path / "candidates.trig"
    path.write_text(text, encoding="utf-8")
    result = invoke("merge", str(path))
    assert result.exit_code == 1
    assert result.output.startswith("Error: candidates.trig: ")
    assert message in result.output
    assert {p.name: p.read_bytes() for p in (tiny_project / "graph").iterdir()} == before
