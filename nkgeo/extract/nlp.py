"""Sentences and mentions: spaCy's sentencizer, PhraseMatcher and Matcher on a blank English pipeline.

spaCy does three jobs here that our own regular expressions would do worse: sentence boundaries
that survive abbreviations ("U.S."), a tokenizer that splits "Workers’" and "Children’s" the same
way every time, and phrase matching of every name of the gazetteer at once, on token boundaries and
in any case. The blank pipeline has no statistical model, so nothing is downloaded and the result
is the same on every machine. The relation patterns (:mod:`nkgeo.extract.rules`) then read each
sentence with its mentions masked, which keeps them short and testable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from nkgeo.errors import NkgeoError
from nkgeo.extract import lexicon

INSTALL_HINT = "pip install 'nkgeo[extract]'"
MAX_NAME_TOKENS = 8


class MissingDependencyError(NkgeoError):
    """spaCy, which ``nkgeo extract`` needs, is not installed."""


@lru_cache(maxsize=1)
def blank_pipeline():
    """A blank English pipeline with the rule-based sentencizer (no model to download)."""
    try:
        import spacy
    except ImportError:
        raise MissingDependencyError(f"nkgeo extract needs spaCy; install it with: {INSTALL_HINT}") from None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    return nlp


@dataclass
class Mention:
    """A span of a sentence that names something: a known entity, a new name, a pronoun, a region."""

    start: int  # offsets in the sentence text
    end: int
    text: str
    kind: str  # known | name | anaphor | country | direction
    iris: tuple[str, ...] = ()
    head_class: str | None = None  # class given by the name itself (Province, River, ...)
    generic: bool = False  # "a Special Administrative Region": a kind of thing, not a name
    extra: dict = field(default_factory=dict)

    @property
    def iri(self) -> str | None:
        return self.iris[0] if self.iris else None


@dataclass
class Block:
    """A paragraph or a heading line of the document."""

    start: int
    end: int
    text: str
    heading: bool
    number: int | None = None  # "3. Chongjin" -> 3


@dataclass
class Sentence:
    start: int  # offsets in the document
    end: int
    text: str  # quotes normalised, same length as the document's span
    block: Block
    tokens: list = field(default_factory=list)  # (start, end, text) in sentence offsets
    mentions: list[Mention] = field(default_factory=list)
    masked: str = ""
    subject: int | None = None


_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*?)\s*$")


def blocks_of(text: str) -> list[Block]:
    """Paragraphs (runs of non-blank lines) and headings (one short line without final stop)."""
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        one_line = "\n" not in stripped
        number = None
        numbered = _NUMBERED.match(stripped)
        heading = one_line and not re.search(r"[.!?:;]\s*$", stripped) and len(stripped.split()) <= 12
        if numbered and one_line and len(numbered.group(2).split()) <= 6:
            number = int(numbered.group(1))
            heading = True
        blocks.append(Block(start, end, text[start:end], heading, number))
    return blocks


def sentences_of(text: str) -> list[Sentence]:
    """Every sentence of the document, with offsets, headings as sentences of their own."""
    nlp = blank_pipeline()
    normalised = lexicon.normalise_quotes(text)
    out: list[Sentence] = []
    blocks = blocks_of(text)
    paragraphs = [b for b in blocks if not b.heading]
    docs = dict(zip([id(b) for b in paragraphs], nlp.pipe(normalised[b.start : b.end] for b in paragraphs), strict=True))
    for block in blocks:
        if block.heading:
            sentence = Sentence(block.start, block.end, normalised[block.start : block.end], block)
            sentence.tokens = _tokens(nlp.make_doc(sentence.text))
            out.append(sentence)
            continue
        doc = docs[id(block)]
        for span in doc.sents:
            chunk = span.text
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if not body:
                continue
            start = block.start + span.start_char + lead
            sentence = Sentence(start, start + len(body), normalised[start : start + len(body)], block)
            offset = span.start_char + lead
            sentence.tokens = [(t.idx - offset, t.idx - offset + len(t.text), t.text) for t in span if not t.is_space]
            out.append(sentence)
    return out


def _tokens(doc) -> list[tuple[int, int, str]]:
    return [(t.idx, t.idx + len(t.text), t.text) for t in doc if not t.is_space]


class NameFinder:
    """Finds names in a sentence: gazetteer names (PhraseMatcher) and capitalised runs (Matcher)."""

    def __init__(self, names: dict[str, set[str]]):
        from spacy.matcher import Matcher, PhraseMatcher

        nlp = blank_pipeline()
        self.nlp = nlp
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[str, tuple[str, ...]] = {}
        for name in sorted(names):
            key = f"N{len(self.keys)}"
            self.keys[key] = tuple(sorted(names[name]))
            self.phrases.add(key, [nlp.make_doc(name)])
            self.keys[key + ":name"] = (name,)
        cap = {"TEXT": {"REGEX": r"^(?:[A-Z]\w*(?:'\w+)*|[A-Z]\.(?:[A-Z]\.)+)$"}}
        self.runs = Matcher(nlp.vocab)
        self.runs.add("RUN", [[cap, {"OP": "*", "TEXT": {"REGEX": r"^(?:[A-Z]\w*(?:'\w+)*|of|the|'s|'|-)$"}}]], greedy="LONGEST")

    def phrase_matches(self, doc) -> list[tuple[int, int, tuple[str, ...], str]]:
        """(start token, end token, IRIs, gazetteer name) of every gazetteer name in ``doc``."""
        found = []
        for match_id, start, end in self.phrases(doc):
            key = self.nlp.vocab.strings[match_id]
            name = self.keys[key + ":name"][0]
            span = doc[start:end]
            if name[:1].isupper() and not span.text[:1].isupper():
                continue  # "china" the porcelain is not China
            found.append((start, end, self.keys[key], name))
        return found

    def capitalised_runs(self, doc) -> list[tuple[int, int]]:
        """Runs of capitalised words, allowing "of", "the", "'s" and "'" inside but not at the ends."""
        runs = []
        for _id, start, end in self.runs(doc):
            while end > start and not doc[end - 1].text[:1].isupper():
                end -= 1
            # "Kim Hyong-jik", "Kim Il-sung University": a hyphen inside a word joins a lower-case syllable
            while (
                end + 1 < len(doc)
                and doc[end].text == "-"
                and not doc[end - 1].whitespace_
                and not doc[end].whitespace_
                and doc[end + 1].text.isalpha()
                and doc[end + 1].text.islower()
            ):
                end += 2
                while end < len(doc) and doc[end - 1].whitespace_ and re.match(r"^[A-Z]\w*$", doc[end].text) and doc[end].text.lower() not in ("and", "the"):
                    end += 1
            while end > start and not doc[end - 1].text[:1].isupper() and not _inner_syllable(doc, end - 1):
                end -= 1
            if end > start:
                runs.append((start, min(end, start + MAX_NAME_TOKENS)))
        return runs


def _inner_syllable(doc, i: int) -> bool:
    """``jik`` in ``Hyong-jik``: a lower-case word glued by a hyphen to a capitalised one."""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ and doc[i - 2].text[:1].isupper()
