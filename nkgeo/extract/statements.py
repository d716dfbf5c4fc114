"""The kinds of statement of issue 10's model as data: ``ontology/statements.tsv`` and ``aspects.tsv``.

Each line of ``statements.tsv`` says one way English states a condition ("shortages of {A}"), a
restriction ("closed to foreign visitors"), a trend, a comparison ("poorer than {O}"), a superlative,
a characteristic, a purpose or a source of knowledge, with the parts of the claim it gives; ``{A}``
stands for the words of an aspect listed in ``aspects.tsv``. The rule that reads them on a sentence
is :func:`nkgeo.extract.rules.rule_statements`; the claim's shape is the curated graph's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError
from nkgeo.extract.triggers import compile_pattern, data_file, table_rows

FILE = "statements.tsv"
ASPECTS_FILE = "aspects.tsv"
CLAIMS = {
    ns.NKGEO.hasCondition: ns.NKGEO.Condition,
    ns.NKGEO.hasRestriction: ns.NKGEO.Restriction,
    ns.NKGEO.hasTrend: ns.NKGEO.Trend,
    ns.NKGEO.hasComparison: ns.NKGEO.Comparison,
    ns.NKGEO.hasSuperlative: ns.NKGEO.Superlative,
}
# The class of a value the graph lacks, proposed in the candidates' gazetteer graph: the kind of a
# claim, or the range of a plain statement's predicate.
VALUE_CLASSES = {
    ns.NKGEO.Condition: ns.NKGEO.ConditionKind,
    ns.NKGEO.Restriction: ns.NKGEO.RestrictionKind,
    ns.NKGEO.hasCharacteristic: ns.NKGEO.Characteristic,
    ns.NKGEO.hasPurpose: ns.NKGEO.Purpose,
    ns.NKGEO.knownThrough: ns.NKGEO.KnowledgeSource,
    ns.NKGEO.hasRole: ns.NKGEO.UrbanRole,
}

# The scheme (ontology/schemes.ttl) of each concept class, for a concept the candidates propose.
SCHEMES = {
    ns.NKGEO.ConditionKind: ns.ID_NS + "condition-kinds",
    ns.NKGEO.RestrictionKind: ns.ID_NS + "restriction-kinds",
    ns.NKGEO.Characteristic: ns.ID_NS + "characteristics",
    ns.NKGEO.Purpose: ns.ID_NS + "purposes",
    ns.NKGEO.KnowledgeSource: ns.ID_NS + "knowledge-sources",
    ns.NKGEO.UrbanRole: ns.ID_NS + "urban-roles",
    ns.NKGEO.Aspect: ns.ID_NS + "aspects",
}


def proposed_concept(label: str, classes) -> tuple[str, str] | None:
    """(scheme, definition) of a concept the candidates propose, so that it is described as the
    curated concepts are (a label, a definition, a scheme); None when no class is a concept class."""
    scheme = next((SCHEMES[c] for c in sorted(classes) if c in SCHEMES), None)
    if scheme is None:
        return None
    return scheme, f"What the document calls '{label}' (proposed by nkgeo extract; a curator may word it better)."


@dataclass(frozen=True)
class Statement:
    predicate: str
    claim: str | None  # the claim's class, or None for a plain statement
    value: str | None  # the claim's kind or the plain statement's object (full IRI)
    aspect: str | None  # a full IRI, "{A}" (the matched words), or None
    direction: str | None
    status: str | None
    pattern: str
    regex: re.Pattern
    line: int

    @property
    def value_class(self) -> str | None:
        return VALUE_CLASSES.get(self.claim or self.predicate)


def _nkgeo(field: str, line: int, what: str) -> str | None:
    if field == "-":
        return None
    name = field.removeprefix("nkgeo:")
    try:
        return getattr(ns.NKGEO, name)
    except AttributeError:
        raise SourceError(f"{FILE} line {line}: {field!r} is not {what} of the ontology") from None


def parse_aspects(text: str) -> dict[str, str]:
    """Words (lower case) -> aspect IRI."""
    out: dict[str, str] = {}
    for number, fields in table_rows(text, ASPECTS_FILE, 2, "expected an aspect and its words, tab-separated"):
        if not fields[1]:
            raise SourceError(f"{ASPECTS_FILE} line {number}: expected an aspect and its words, tab-separated")
        for words in fields[1].split("|"):
            out.setdefault(" ".join(words.lower().split()), ns.ID_NS + fields[0])
    return out


def aspect_words(aspects: dict[str, str]) -> str:
    """One aspect's words as a regular expression, longest first."""
    words = sorted(aspects, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in words) + ")"


def aspect_regex(aspects: dict[str, str]) -> str:
    """{A}: an aspect, or a list of them ("medicine, technology and educational resources")."""
    one = aspect_words(aspects)
    return f"(?P<a>{one}(?:(?:,| and|, and|,? or) {one})*)"


def aspects_in(text: str, aspects: dict[str, str]) -> list[str]:
    """The aspect IRIs of the words {A} matched, in order."""
    found = re.findall(aspect_words(aspects), text.lower())
    return list(dict.fromkeys(aspects[" ".join(w.split())] for w in found if " ".join(w.split()) in aspects))


def parse(text: str, aspects: dict[str, str]) -> list[Statement]:
    """The statements of a file's text; a line that does not parse is an error naming it."""
    slots = {"{A}": aspect_regex(aspects)}
    out = []
    for number, (predicate, claim, value, aspect, direction, status, pattern) in table_rows(text, FILE, 7):
        predicate_iri = _nkgeo(predicate, number, "a property")
        claim_iri = _nkgeo(claim, number, "a class")
        if claim_iri is not None and CLAIMS.get(predicate_iri) != claim_iri:
            raise SourceError(f"{FILE} line {number}: {predicate} does not take a claim of class {claim}")
        if claim_iri is None and predicate_iri not in VALUE_CLASSES:
            raise SourceError(f"{FILE} line {number}: {predicate} is not a plain statement (give its claim class)")
        if aspect == "{A}" and "{A}" not in pattern:
            raise SourceError(f"{FILE} line {number}: the aspect is {{A}} but the pattern has no {{A}}")
        try:
            regex = compile_pattern(pattern, slots)
        except (ValueError, re.error) as exc:
            raise SourceError(f"{FILE} line {number}: {exc}") from None
        aspect_iri = None if aspect == "-" else aspect if aspect == "{A}" else ns.ID_NS + aspect
        out.append(
            Statement(
                predicate_iri,
                claim_iri,
                None if value == "-" else ns.ID_NS + value,
                aspect_iri,
                _nkgeo(direction, number, "a direction"),
                _nkgeo(status, number, "a temporal status"),
                pattern,
                regex,
                number,
            )
        )
    return out


def load() -> tuple[tuple[Statement, ...], dict[str, str]]:
    """The statements and the aspect words beside the ontology, parsed once per version of the files."""
    path, aspects = data_file(FILE), data_file(ASPECTS_FILE)
    return _load(str(path), path.stat().st_mtime_ns, str(aspects), aspects.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load(path: str, _version: int, aspects_path: str, _aspects_version: int) -> tuple[tuple[Statement, ...], dict[str, str]]:
    aspects = parse_aspects(Path(aspects_path).read_text(encoding="utf-8"))
    return tuple(parse(Path(path).read_text(encoding="utf-8"), aspects)), aspects
