"""The curated graph (graph/*.trig) and its evidence records.

Each document graph holds what one source document states; graph:provenance holds the
document's description and one evidence record per (triple, supporting sentence), located by
character offsets into the document's text. These tests check that the two agree with each
other and with the corpus, and that no sentence of the corpus was copied into the graph.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

import pytest

from nkgeo import namespaces as ns

ROOT = Path(__file__).resolve().parents[1]
GRAPH_DIR = ROOT / "graph"

GRAPH_NS = "https://w3id.org/nkgeo/graph/"
EV_NS = "https://w3id.org/nkgeo/evidence/"
PROVENANCE = GRAPH_NS + "provenance"

TRIG_FILES = sorted(GRAPH_DIR.glob("*.trig"))
# Reference data, not what a document states: names and types, links to other datasets, coordinates, Korean names,
# and the GeoNames gazetteer.
REFERENCE_FILES = {"gazetteer.trig", "links.trig", "coordinates.trig", "names.trig", "geonames.trig"}
DOC_FILES = [p for p in TRIG_FILES if p.name not in REFERENCE_FILES]


def test_graph_files_exist():
    assert (GRAPH_DIR / "gazetteer.trig").is_file()
    assert DOC_FILES, "no document graph files in graph/"


@cache
def load(path: Path):
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


@cache
def corpus_text(corpus: Path, file_name: str) -> str:
    return (corpus / file_name).read_text(encoding="utf-8")


def term(local: str):
    from rdflib import URIRef

    return URIRef(ns.NKGEO_NS + local)


def documents(ds):
    """(document IRI, description graph, document graph) for each document in a file."""
    from rdflib import RDF, URIRef

    prov = ds.graph(URIRef(PROVENANCE))
    for doc in sorted(prov.subjects(RDF.type, term("SourceDocument"))):
        graph_iri = prov.value(doc, term("documentGraph"))
        assert graph_iri is not None, f"{doc} has no nkgeo:documentGraph"
        yield doc, prov, ds.graph(graph_iri)


def evidence(prov, doc):
    from rdflib import RDF

    for ev in sorted(prov.subjects(term("inDocument"), doc)):
        s = prov.value(ev, RDF.subject)
        p = prov.value(ev, RDF.predicate)
        o = prov.value(ev, RDF.object)
        start = prov.value(ev, term("startOffset"))
        end = prov.value(ev, term("endOffset"))
        yield ev, (s, p, o), start, end


@pytest.mark.parametrize("path", TRIG_FILES, ids=lambda p: p.name)
def test_trig_parses(path):
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ds = load(path)
    named = {g.identifier: len(g) for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert len(ds.graph(DATASET_DEFAULT_GRAPH_ID)) == 0, "triples outside a named graph"
    assert all(str(name).startswith(GRAPH_NS) for name in named), sorted(named)
    assert sum(named.values()) > 0


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_every_triple_has_evidence(path):
    ds = load(path)
    found = list(documents(ds))
    assert len(found) == 1, "a document file describes exactly one document"
    for doc, prov, g in found:
        assert len(g) > 0, f"the graph of {doc} is empty"
        supported = {triple for _, triple, _, _ in evidence(prov, doc)}
        missing = [t for t in g if t not in supported]
        assert not missing, f"{len(missing)} triples without evidence, e.g. {missing[:3]}"


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_every_evidence_record_names_a_triple_of_its_document(path):
    from rdflib import RDF

    ds = load(path)
    for doc, prov, g in documents(ds):
        records = list(evidence(prov, doc))
        assert records
        for ev, triple, start, end in records:
            assert (ev, RDF.type, term("Evidence")) in prov
            assert None not in triple, f"{ev} lacks rdf:subject/predicate/object"
            assert triple in g, f"{ev} names a triple that is not in {g.identifier}"
            assert start is not None and end is not None, f"{ev} lacks offsets"


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_every_evidence_record_says_how_and_when(path):
    """Each record has one assertion mode and one temporal status (shapes allow none, for the extractor's
    candidates; the curated graph gives both), and every mode has a certainty rank."""
    from rdflib import Graph, URIRef

    ds = load(path)
    ontology = Graph().parse(ROOT / "ontology" / "nkgeo.ttl")
    modes = set(ontology.subjects(term("certaintyRank"), None))
    statuses = set(ontology.subjects(term("holdsNow"), None))
    for doc, prov, _graph in documents(ds):
        for ev, _triple, _start, _end in evidence(prov, doc):
            found_modes = set(prov.objects(ev, term("assertionMode")))
            found_statuses = set(prov.objects(ev, term("temporalStatus")))
            assert len(found_modes) == 1 and found_modes <= modes, f"{ev}: assertion mode {found_modes}"
            assert len(found_statuses) == 1 and found_statuses <= statuses, f"{ev}: temporal status {found_statuses}"
            assert all(isinstance(agent, URIRef) for agent in prov.objects(ev, URIRef(ns.PROV.wasAttributedTo)))


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_evidence_iri_is_derived_from_its_triple(path):
    ds = load(path)
    for doc, prov, _graph in documents(ds):
        stem = str(prov.value(doc, term("fileName")))[:3]
        for ev, (s, p, o), _, _ in evidence(prov, doc):
            line = f"{s.n3()} {p.n3()} {o.n3()} ."
            digest = hashlib.sha1(line.encode("utf-8")).hexdigest()[:12]
            assert re.fullmatch(
                re.escape(f"{EV_NS}{stem}-{digest}") + r"(-\d+)?", str(ev)
            ), f"{ev} does not match the triple {line}"


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_offsets_select_a_sentence(path, corpus):
    from rdflib import XSD

    ds = load(path)
    for doc, prov, _graph in documents(ds):
        text = corpus_text(corpus, str(prov.value(doc, term("fileName"))))
        for ev, _, start, end in evidence(prov, doc):
            assert start.datatype == XSD.nonNegativeInteger
            assert end.datatype == XSD.nonNegativeInteger
            a, b = int(start), int(end)
            assert 0 <= a < b <= len(text), f"{ev}: offsets {a}..{b} outside the document"
            sentence = text[a:b]
            assert sentence == sentence.strip(), f"{ev}: span has surrounding whitespace"
            assert a == 0 or text[a - 1].isspace(), f"{ev}: span starts inside a word"
            at_line_end = b == len(text) or text[b] in "\r\n"
            assert re.search(r"[.!?][\"'”’)]*$", sentence) or at_line_end, (
                f"{ev}: span does not end a sentence: {sentence[-30:]!r}"
            )


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: p.name)
def test_document_description_matches_file(path, corpus):
    from rdflib import XSD

    ds = load(path)
    for doc, prov, g in documents(ds):
        name = str(prov.value(doc, term("fileName")))
        assert path.stem + ".txt" == name
        data = (corpus / name).read_bytes()
        assert str(prov.value(doc, term("contentHash"))) == hashlib.sha256(data).hexdigest()
        count = prov.value(doc, term("characterCount"))
        assert count.datatype == XSD.nonNegativeInteger
        assert int(count) == len(data.decode("utf-8"))
        assert str(g.identifier) == f"{GRAPH_NS}doc-{path.stem}"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def test_no_sentence_of_the_corpus_is_copied(corpus):
    docs = sorted(corpus.glob("*.txt"))
    assert docs, f"no documents in {corpus}"
    shingles = set()
    for doc in docs:
        w = _words(doc.read_text(encoding="utf-8"))
        shingles.update(" ".join(w[i : i + 10]) for i in range(len(w) - 9))
    for path in TRIG_FILES:
        w = _words(path.read_text(encoding="utf-8"))
        copied = [" ".join(w[i : i + 10]) for i in range(len(w) - 9)]
        copied = [run for run in copied if run in shingles]
        assert not copied, f"{path.name} repeats the corpus: {copied[:2]}"
