"""``nkgeo extract`` on hostile documents (issue 12, row 6): no traceback, and work that grows with the
text, not faster. The sizes here are small; ``bench/extract_hostile.py`` times the issue's sizes.

Each test checks the mechanism that bounds the work rather than a clock: runs of capitalised words
are found in one pass and capped, a long sentence is read in pieces, a repeated sentence is read once,
and the extractor's own mask characters cannot pass for masks.
"""

from __future__ import annotations

import pytest
import spacy  # noqa: E402, F401 - the test extra installs it: fail, never skip, without it

from nkgeo.extract import Candidates  # noqa: E402
from nkgeo.extract.document import decode_document  # noqa: E402
from nkgeo.extract.nlp import MAX_NAME_TOKENS, NameFinder, blank_pipeline, pieces, sentences_of  # noqa: E402
from nkgeo.extract.output import MAX_EVIDENCE_PER_TRIPLE, term  # noqa: E402


def extract(extractor, text: str):
    return extractor.extract(decode_document("hostile.txt", "hostile.txt", text.encode("utf-8")))


def test_a_run_of_thousands_of_capitalised_words_is_one_capped_run():
    doc = blank_pipeline().make_doc("Hamhung " * 4000)
    runs = NameFinder({}).capitalised_runs(doc)
    assert len(runs) == 1  # one maximal run, found in one pass (the old matcher listed every sub-run)
    assert runs[0][1] - runs[0][0] == MAX_NAME_TOKENS


def test_a_document_of_one_repeated_name_is_read(extractor):
    found = extract(extractor, "Hamhung " * 3000)
    assert found.sentences == len(pieces(("Hamhung " * 3000), 0, 3000 * 8, 1000))
    assert not [f for f in found.facts if f.confidence >= 0.5 and term(f.p) != "rdf:type"]


@pytest.mark.parametrize("text", ["a" * 30_000, ("Kim-Hyong-jik-" * 2500), ("abc.def," * 4000), "\u4e00" * 20_000])
def test_text_without_spaces_is_cut_into_pieces_of_bounded_length(extractor, text):
    sentences = sentences_of(text, 1000)
    assert sentences and all(0 < s.end - s.start <= 1000 for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences) == text  # every character read, none twice
    extract(extractor, text)  # no traceback


def test_a_very_long_line_is_read_in_pieces_cut_at_spaces(extractor):
    line = "the city of Hamhung lies on the Yalu River, " * 600
    sentences = sentences_of(line, 1000)
    assert len(sentences) > 20 and all(len(s.text) <= 1000 for s in sentences)
    assert all(s.text == line[s.start : s.end] and not s.text.startswith(" ") for s in sentences)
    found = extract(extractor, "Notes\n\n" + line)
    assert any(term(f.p) == "nkgeo:onRiver" for f in found.facts)


def test_the_limit_on_sentence_length_is_an_option(extractor, invoke, tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("Sariwon is the capital of North Hwanghae Province. " * 3, encoding="utf-8")
    result = invoke("extract", str(path), "--max-sentence-chars", "5")
    assert result.exit_code == 2 and "--max-sentence-chars" in result.output
    assert invoke("extract", str(path), "--max-sentence-chars", "40", "--format", "table").exit_code == 0


def test_a_repeated_sentence_is_read_once_and_its_evidence_is_capped(extractor):
    sentence = "Sariwon is the capital of North Hwanghae Province. "
    once = extract(extractor, "Cities\n\n" + sentence)
    many = extract(extractor, "Cities\n\n" + sentence * 400)
    assert {(f.s, f.p, f.o) for f in many.facts} == {(f.s, f.p, f.o) for f in once.facts}
    assert many.sentences == 401
    records = Candidates([many]).evidence(many)
    per_triple: dict = {}
    for record in records:
        per_triple[(record.s, record.p, record.o)] = per_triple.get((record.s, record.p, record.o), 0) + 1
    assert max(per_triple.values()) == MAX_EVIDENCE_PER_TRIPLE


def test_the_extractors_own_mask_characters_are_plain_text(extractor):
    """⟪0⟫ in a document once passed for a mention mask: an IndexError, or a fact about the wrong name."""
    text = "Cities\n\nSariwon is the capital of North Hwanghae Province ⟪12⟫.\n⟪0⟫ Hamhung lies on the Yalu River ⟪99⟫ and ⟪ then ⟫.\n"
    found = extract(extractor, text)
    got = {(term(f.s), term(f.p), term(f.o)) for f in found.facts if isinstance(f.o, str)}
    assert ("id:sariwon", "nkgeo:capitalOf", "id:north-hwanghae-province") in got
    assert ("id:hamhung", "nkgeo:onRiver", "id:yalu-river") in got
    assert "⟪" not in Candidates([found]).trig()
