"""Trigger phrases as data: ``ontology/triggers.tsv`` read into compiled patterns.

Each line of the file says one way English states a relation between two places ("belongs to
{O}", "on the banks of {O}", "close to the border with {O}"), with the classes its subject and
object must have and a confidence. The patterns are matched on a sentence whose mentions are masked
(``⟪0⟫ belongs to ⟪1⟫``), so they need no knowledge of names; the subject is the clause's
(:mod:`nkgeo.extract.clauses`) unless the pattern has an explicit ``{S}``. The file is looked for
beside the project's ontology, else beside the package's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError

FILE = "triggers.tsv"
_TOKEN = re.compile(r"\{[OSMA]\}|\.\.\.|\[|\]|\(|\)|\||,|[^\s\[\](),|{}.]+|\.|\s+")
OBJECT_LIST = r"(?P<more>(?:(?:,| and|, and|,? or) ⟪\d+⟫)*)"


@dataclass(frozen=True)
class Trigger:
    relation: str  # full IRI of an nkgeo property
    subject: frozenset[str]  # nkgeo class IRIs, any of which the subject must have
    object: frozenset[str]
    confidence: float
    pattern: str  # as written in the file
    regex: re.Pattern
    line: int

    @property
    def name(self) -> str:
        return f"trigger:{self.line}"


def compile_pattern(pattern: str, slots: dict[str, str] | None = None) -> re.Pattern:
    """The regular expression of one pattern of the file's mini-language (see the file's header);
    ``slots`` gives the regular expression of a placeholder other than {O}, {S} and {M} ("{A}")."""
    slots = slots or {}
    tokens = [t for t in _TOKEN.findall(pattern) if not t.isspace()]
    items, i = [], 0  # (regex, optional, glued to the word before: a comma)
    while i < len(tokens):
        token = tokens[i]
        if token in ("(", "["):
            close = ")" if token == "(" else "]"
            j = tokens.index(close, i)
            inner = tokens[i + 1 : j]
            alternatives = [" ".join(_word(w, slots) for w in group) for group in _split(inner)]
            body = "|".join(a for a in alternatives if a)
            items.append((f"(?:{body})", token == "[", inner == [","]))
            i = j + 1
            continue
        items.append((_word(token, slots), False, token == ","))
        i += 1
    if not items:
        raise ValueError("empty pattern")
    out = r"(?<![\w⟫-])" if not items[0][0].startswith("⟪") else ""
    for number, (regex, optional, glued) in enumerate(items):
        if glued:  # a comma sticks to the word before it: "{S}, in" and, optional, "{S} in"
            out = out[:-1] + (f"(?:{regex})?" if optional else regex) + " "
        elif optional and number == len(items) - 1 and number:  # optional last words: "hilly [terrain]"
            out = out[:-1] + f"(?: {regex})? "
        else:
            out += f"(?:{regex} )?" if optional else regex + " "
    ends_with_mention = items[-1][0].startswith("⟪")
    return re.compile(out[:-1] + ("" if ends_with_mention else r"(?![\w-])"), re.I)


def _word(token: str, slots: dict[str, str]) -> str:
    if token in slots:
        return slots[token]
    if token == "{O}":
        return r"⟪(?P<o>\d+)⟫" + OBJECT_LIST
    if token == "{S}":
        return r"⟪(?P<s>\d+)⟫"
    if token == "{M}":
        return r"⟪\d+⟫"
    if token == "...":
        return r"(?:[^\s⟪]+ ){0,4}?[^\s⟪]+"
    return re.escape(token)


def _split(tokens: list[str]) -> list[list[str]]:
    groups, current = [], []
    for token in tokens:
        if token == "|":
            groups.append(current)
            current = []
        else:
            current.append(token)
    groups.append(current)
    return groups


def _classes(field: str, line: int) -> frozenset[str]:
    out = set()
    for name in field.split("|"):
        name = name.strip()
        try:
            out.add(getattr(ns.NKGEO, name))
        except AttributeError:
            raise SourceError(f"{FILE} line {line}: {name!r} is not a class of the ontology") from None
    return frozenset(out)


def table_rows(text: str, name: str, width: int, expected: str | None = None):
    """The rows of an extraction data table (tab-separated, ``#`` comments, blank lines skipped) as
    (line number, stripped fields); a row of another width is an error naming the file and line."""
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in raw.split("\t")]
        if len(fields) != width:
            raise SourceError(f"{name} line {number}: " + (expected or f"expected {width} tab-separated fields, found {len(fields)}"))
        yield number, fields


def parse(text: str) -> list[Trigger]:
    """The triggers of a file's text; a line that does not parse is an error naming it."""
    out = []
    for number, (relation, subject, obj, confidence, pattern) in table_rows(text, FILE, 5):
        prefix, _, local = relation.partition(":")
        if prefix != "nkgeo" or not local:
            raise SourceError(f"{FILE} line {number}: the relation must be an nkgeo: property, not {relation!r}")
        try:
            relation_iri = getattr(ns.NKGEO, local)
            regex = compile_pattern(pattern)
            value = float(confidence)
        except (AttributeError, ValueError, re.error) as exc:
            raise SourceError(f"{FILE} line {number}: {exc}") from None
        out.append(Trigger(relation_iri, _classes(subject, number), _classes(obj, number), value, pattern, regex, number))
    return out


def trigger_file() -> Path:
    return data_file(FILE)


def data_file(name: str) -> Path:
    """An extraction data file (``triggers.tsv``, ``certainty.tsv``...) beside the project's ontology,
    else beside the package's (a project may lack it)."""
    from nkgeo.resources import PACKAGE_DIR, ontology_dir

    for folder in (ontology_dir(), PACKAGE_DIR.parent / "ontology", PACKAGE_DIR / "_data" / "ontology"):
        if (folder / name).is_file():
            return folder / name
    raise SourceError(f"no {name} beside the ontology ({ontology_dir()})")


def load(path: Path | None = None) -> tuple[Trigger, ...]:
    """The triggers of ``path`` (default: :func:`trigger_file`), parsed once per version of the file."""
    path = path or trigger_file()
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load(path: str, _version: int) -> tuple[Trigger, ...]:
    return tuple(parse(Path(path).read_text(encoding="utf-8")))
