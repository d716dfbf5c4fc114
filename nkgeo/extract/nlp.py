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
# A sentence longer than this (in characters) is read in pieces of at most this length, cut at spaces:
# no English sentence needs more, and every pass over a piece stays bounded (``--max-sentence-chars``).
DEFAULT_MAX_SENTENCE_CHARS = 1000
_CAPITAL = re.compile(r"^(?:[A-Z]\w*(?:'\w+)*|[A-Z]\.(?:[A-Z]\.)+)$")
_INSIDE_NAME = re.compile(r"^(?:[A-Z]\w*(?:'\w+)*|of|the|'s|'|-)$")


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
    item: bool = False  # a line of a list ("- ...", "1. ..."): a paragraph about the name it starts with


@dataclass
class Sentence:
    start: int  # offsets in the document
    end: int
    text: str  # quotes normalised, same length as the document's span
    block: Block
    mentions: list[Mention] = field(default_factory=list)
    masked: str = ""
    subject: int | None = None
    topic: str | None = None  # the place the text is on when the sentence starts (see extractor.Focus)
    province: str | None = None  # the province named last before it ("the provincial capital")
    section: str = ""  # the heading it is under


_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*?)\s*$")


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+\S", re.M)


def blocks_of(text: str) -> list[Block]:
    """Paragraphs (runs of non-blank lines), headings (one short line without final stop) and list
    items (a line that starts with "-", "*", "•" or "1." is a block of its own)."""
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text):
        for start, end in _split_items(text, match.start(), match.end()):
            raw = text[start:end]
            stripped = raw.strip()
            if not stripped:
                continue
            start += len(raw) - len(raw.lstrip())
            end = start + len(stripped)
            one_line = "\n" not in stripped
            number = None
            numbered = _NUMBERED.match(stripped)
            heading = one_line and not re.search(r"[.!?:;]\s*$", stripped) and len(stripped.split()) <= 12
            if numbered and one_line and len(numbered.group(2).split()) <= 6 and not re.search(r"[.!?:;]\s*$", numbered.group(2)):
                number = int(numbered.group(1))
                heading = True
            item = bool(_LIST_ITEM.match(stripped)) and not heading
            blocks.append(Block(start, end, text[start:end], heading, number, item))
    return blocks


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph cut before each line that starts a list item."""
    cuts = [start] + [m.start() for m in _LIST_ITEM.finditer(text, start, end) if m.start() > start] + [end]
    return list(zip(cuts, cuts[1:], strict=False))


def sentences_of(text: str, max_chars: int = DEFAULT_MAX_SENTENCE_CHARS) -> list[Sentence]:
    """Every sentence of the document, with offsets, headings as sentences of their own; a sentence
    over ``max_chars`` is cut into pieces (see :func:`pieces`)."""
    nlp = blank_pipeline()
    normalised = lexicon.normalise_quotes(text)
    out: list[Sentence] = []
    blocks = blocks_of(text)
    paragraphs = [b for b in blocks if not b.heading]
    docs = dict(zip([id(b) for b in paragraphs], nlp.pipe(normalised[b.start : b.end] for b in paragraphs), strict=True))
    for block in blocks:
        if block.heading:
            spans = [(block.start, block.end)]
        else:
            spans = _joined([(block.start + span.start_char, block.start + span.end_char) for span in docs[id(block)].sents], normalised)
        for span_start, span_end in spans:
            for start, end in pieces(normalised, span_start, span_end, max_chars):
                out.append(Sentence(start, end, normalised[start:end], block))
    return out


# A sentence that ends with one of these, or is only a list number ("1."), goes on into the next.
_ABBREVIATION = re.compile(r"(?:^|\s)(?:No|Nos|St|Mt|Ft|Gen|Lt|Col|Capt|Dr|Mr|Mrs|Ms|Prof|Rev|approx|ca|c|vs|e\.g|i\.e)\.$|^\s*\d{1,3}[.)]$")


def _joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and _ABBREVIATION.search(text[out[-1][0] : out[-1][1]].rstrip()):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def pieces(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """The stripped span ``text[start:end]``, cut at the last space before every ``max_chars``
    characters (or hard, where there is none): [(start, end), ...], none blank."""
    out = []
    while start < end:
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop <= start:
            break
        if stop - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars + 1)
            stop = cut if cut > start else start + max_chars
        out.append((start, stop))
        start = stop
    return out


class NameFinder:
    """Finds names in a sentence: gazetteer names (spaCy's PhraseMatcher, every name at once) and
    runs of capitalised words (one linear scan: a run of thousands of capitalised words costs no more
    than as many other words)."""

    def __init__(self, names: dict[str, set[str]]):
        from spacy.matcher import PhraseMatcher

        nlp = blank_pipeline()
        self.nlp = nlp
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[str, tuple[str, ...]] = {}
        for name in sorted(names):
            key = f"N{len(self.keys)}"
            self.keys[key] = tuple(sorted(names[name]))
            self.phrases.add(key, [nlp.make_doc(name)])
            self.keys[key + ":name"] = (name,)

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
        for start, end in _maximal_runs(doc):
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
            end = _numbered_name(doc, end)
            if end > start:
                runs.append((start, min(end, start + MAX_NAME_TOKENS)))
        return runs


def _numbered_name(doc, end: int) -> int:
    """The end of a name that goes on with a number: "Anak Tomb No. 3"."""
    if end >= 1 and doc[end - 1].text in ("No", "No.", "Number"):
        j = end
        if j < len(doc) and doc[j].text == ".":
            j += 1
        if j < len(doc) and doc[j].text.isdigit():
            return j + 1
    return end


def _maximal_runs(doc) -> list[tuple[int, int]]:
    """(start, end) of each longest run: a capitalised word, then words that may continue a name."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if _CAPITAL.match(doc[i].text):
            j = i + 1
            while j < n and _INSIDE_NAME.match(doc[j].text):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _inner_syllable(doc, i: int) -> bool:
    """``jik`` in ``Hyong-jik``: a lower-case word glued by a hyphen to a capitalised one."""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ and doc[i - 2].text[:1].isupper()
