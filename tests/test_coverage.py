"""Every sentence of each document is the evidence of a statement, or left out with a reason.

The sentence rule lives in ``bench/coverage.py`` (one place, used by this test and by
``python bench/coverage.py``); the first tests pin it down on small texts, the others hold the
shipped graph to it. The corpus must be present: without it these tests fail, they do not skip.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENTS = ("000_cbd80db4a2371350.txt", "001_96b58870d0b32f5b.txt")


@cache
def bench():
    spec = importlib.util.spec_from_file_location("bench_coverage", ROOT / "bench" / "coverage.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@cache
def report():
    assert CORPUS.is_dir(), f"the corpus is needed at {CORPUS}"
    found = {item.file_name: item for item in bench().coverage(corpus=CORPUS)}
    assert sorted(found) == sorted(DOCUMENTS), sorted(found)
    return found


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start : s.end]) for s in bench().sentences(text)]


# ------------------------------------------------------------------------------------------
# The rule
# ------------------------------------------------------------------------------------------


def test_title_headings_and_sentences():
    text = "A Title Of The Page\n\nFirst Section\n\nThe city is big. It has a port.\n\n2. Hamhung\n\nIt is second."
    assert spans(text) == [
        ("title", "A Title Of The Page"),
        ("heading", "First Section"),
        ("sentence", "The city is big."),
        ("sentence", "It has a port."),
        ("heading", "2. Hamhung"),
        ("sentence", "It is second."),
    ]


def test_bullet_items_are_sentences_without_their_bullets():
    text = ("Title\n\nFew figures exist for the city today. Like many others, its people are believed to include\n\n"
            "  • Factory workers\n  • Students and academics\n- Retirees\n\nEnd of it.")
    assert spans(text) == [
        ("title", "Title"),
        ("sentence", "Few figures exist for the city today."),
        ("sentence", "Like many others, its people are believed to include"),
        ("item", "Factory workers"),
        ("item", "Students and academics"),
        ("item", "Retirees"),
        ("sentence", "End of it."),
    ]


def test_spans_have_no_surrounding_white_space_and_follow_the_text():
    text = "  Title  \n\n   One sentence here.   Another one follows!  \n"
    found = bench().sentences(text)
    assert [text[s.start : s.end] for s in found] == ["Title", "One sentence here.", "Another one follows!"]
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_a_hyphen_inside_a_sentence_is_no_bullet():
    text = "Title\n\nThe post-war city - as it was - grew fast."
    assert spans(text)[1:] == [("sentence", "The post-war city - as it was - grew fast.")]


# ------------------------------------------------------------------------------------------
# The shipped graph
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_sentence_is_covered_or_left_out(name):
    item = report()[name]
    text = (CORPUS / name).read_text(encoding="utf-8")
    missing = [f"{s.start}-{s.end} {text[s.start:s.end][:60]!r}" for s in item.missing]
    assert not missing, f"{len(missing)} sentences neither have evidence nor are left out: {missing}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_sentence_is_both_covered_and_left_out(name):
    assert report()[name].wrongly_left_out == []


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_evidence_span_and_passage_is_a_sentence_of_the_rule(name):
    assert report()[name].stray_spans == set()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_reasons_fit_the_kind_of_sentence(name):
    """A title is left out as the title, a heading as a heading or boilerplate; a sentence is left out
    only as boilerplate or as making no claim (never as a heading, to hide a claim)."""
    item = report()[name]
    kinds = {(s.start, s.end): s.kind for s in item.sentences}
    allowed = {"title": {"Title"}, "heading": {"Heading", "Boilerplate"}, "item": {"NoClaim"}, "sentence": {"Boilerplate", "NoClaim"}}
    wrong = {span: reason for span, reason in item.left_out.items() if reason not in allowed[kinds[span]]}
    assert wrong == {}


def test_most_sentences_carry_statements():
    """The documents are mostly claims: at most their headings, title and page furniture are left out."""
    for item in report().values():
        assert set(item.left_out.values()) <= {"Title", "Heading", "Boilerplate"}
        prose = [s for s in item.sentences if s.kind in ("sentence", "item")]
        assert all((s.start, s.end) in item.covered for s in prose)


def test_statements_are_counted_by_kind():
    first, second = (report()[name] for name in DOCUMENTS)
    for item in (first, second):
        assert item.statements["nkgeo:Condition"] >= 15, item.statements
        assert item.statements["nkgeo:Restriction"] >= 5
        assert item.statements["nkgeo:PopulationRanking"] >= 2
        # The link from a place to its claim is part of the claim, not counted again.
        assert "nkgeo:hasCondition" not in item.statements
    assert first.statements["nkgeo:Trend"] >= 5 and first.statements["nkgeo:DataAvailability"] >= 4
    assert second.statements["nkgeo:Comparison"] >= 5 and second.statements["nkgeo:hasCharacteristic"] >= 20


def test_the_script_prints_the_figures(capsys):
    assert bench().main([]) == 0
    out = capsys.readouterr().out
    for name in DOCUMENTS:
        assert name in out
    assert "statements held:" in out and "left out: " in out
    assert "  (claim)" in out
