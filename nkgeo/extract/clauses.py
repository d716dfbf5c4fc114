"""Who the words at a position of a sentence are about: the subject of their clause.

Ordinary English puts the place a statement is about in a few positions, and the relation rules
should not have to care which. On a sentence with its mentions masked (``⟪0⟫``):

- an apposition or a relative clause is about the name before it: "⟪0⟫, a county town of ⟪1⟫,
  guards ..." and "⟪0⟫, which sits near the mouth of ⟪1⟫, ..." (both about ⟪0⟫);
- otherwise the words after a verb are about the last mention before it that is not the object of a
  preposition: "... ⟪1⟫ belongs to ⟪2⟫"; mentions joined by "and" are all subjects ("⟪0⟫ and ⟪1⟫
  sit close to ...", "Both ⟪0⟫ and ⟪1⟫ ...");
- otherwise (a fronted clause, "Set on ⟪0⟫, ⟪1⟫ ..."; a clause without a named subject) the
  sentence's subject (:func:`nkgeo.extract.rules.find_subject`), which a pronoun or "the city" may be.

A clause break (";", ", but", ", while", ", whereas") starts the search afresh.
"""

from __future__ import annotations

import re

M = r"⟪(\d+)⟫"
# Words that open an apposition or a relative clause after a name and a comma.
_APPOSITION = re.compile(
    M + r"(?: (?:zone|city|town|port|county|area|region|district|complex|province))?"  # "the Rason zone, which borders ..."
    r",(?= (?:a|an|another|the|one|once|formerly|now|which|that|where|whose|who|itself|home|known|long|also|still|located|situated|set|"
    r"built|founded|lying|sitting|standing|nestled|some|about|roughly|in|on|near|just|close|across|between|along|at|by|south|north|east|"
    r"west|upstream|downstream|its)\b)"
)
_CLOSE = re.compile(r",(?!\d)|;")
_BREAK = re.compile(r";|:|, but\b|, while\b|, whereas\b|, although\b|, though\b|\bbut\b(?= the)")
# A word right before a mention that makes it an object, not a subject.
_GOVERNED = re.compile(
    r"(?:\b(?:in|of|from|to|near|on|at|with|by|for|across|along|between|into|onto|than|like|beside|towards|toward|around|outside|"
    r"inside|within|via|past|behind|under|over|against|through|about|opposite|facing|faces|serves|serving|visit|visited|reach|reaches|"
    r"during|after|before|since|until|throughout|despite|amid|among|beyond|upon|off)"
    r"|'s) (?:the |a |an )?$"
)
# Names joined by "and" before a subject: "⟪0⟫ and ⟪1⟫ sit ...", "⟪0⟫, ⟪1⟫ and ⟪2⟫ ...", "Both ⟪0⟫ and ⟪1⟫ ...".
# "the mining town of ⟪0⟫" names the town (definite); "a county of ⟪0⟫" is one of ⟪0⟫'s.
_NAMING_OF = re.compile(r"\b[Tt]he (?:[a-z-]+ ){0,3}?(?:city|town|village|port|county|district|province|island|peninsula) of (?:the )?$")
_COORDINATED = re.compile(r"(?:\b[Bb]oth )?(?:" + M + r", )*" + M + r",? and $")


def governed(before: str) -> bool:
    """Whether a mention right after ``before`` is the object of a preposition or a possessive; not in
    "the mining town of ⟪0⟫", where the name is the noun phrase's own."""
    tail = before[-40:]
    return bool(_GOVERNED.search(tail)) and not _NAMING_OF.search(tail)


# Openers of a noun phrase or a relative clause, which describe the name before them even when it is
# an object ("... faces Dandong, the Chinese city across the river"); any other opener (a participle, a
# preposition: "..., close to the border") describes the clause's subject when the name is an object.
_NOUN_OPENERS = re.compile(r" (?:a|an|another|the|one|which|that|where|whose|who|itself|home|some|its)\b")


def appositions(masked: str) -> list[tuple[int, int, int]]:
    """(mention index, start, end) of each apposition or relative clause: it ends at the next comma.
    A phrase after a name that is an object is its apposition only if it is a noun phrase or a
    relative clause."""
    out = []
    for match in _APPOSITION.finditer(masked):
        start = match.end()
        if governed(masked[: match.start()]) and not _NOUN_OPENERS.match(masked, start):
            continue
        close = _CLOSE.search(masked, start)  # the next comma of the sentence, not of "284,000"
        out.append((int(match.group(1)), start, close.start() if close else len(masked)))
    return out


def subjects_at(masked: str, pos: int, default: int | None, not_subjects: set[int] = frozenset(), possessives: set[int] = frozenset()) -> list[int]:
    """The mentions the words at ``pos`` are about (empty when none is found and there is no default);
    ``not_subjects`` are mentions that cannot be one (a demonym: "the Chinese city")."""
    scopes = appositions(masked)
    inner = [(i, s, e) for i, s, e in scopes if s <= pos < e]
    if inner:
        return [max(inner, key=lambda x: x[1])[0]]
    start = 0
    for brk in _BREAK.finditer(masked, 0, pos):
        start = brk.end()
    found = [i for i in _explicit(masked, start, pos, scopes, not_subjects, possessives) if i not in not_subjects]
    if found:
        return found
    return [default] if default is not None else []


def _explicit(masked: str, start: int, pos: int, scopes, not_subjects, possessives) -> list[int]:
    """The last mention in ``masked[start:pos]`` that can be a subject, with those coordinated with it."""
    candidates = []
    for match in re.finditer(M, masked[start:pos]):
        absolute = start + match.start()
        if int(match.group(1)) in not_subjects:
            continue
        if any(s <= absolute < e for _i, s, e in scopes):
            continue  # inside an apposition: not the clause's subject
        before = masked[:absolute]
        if governed(before):
            continue
        if int(match.group(1)) in possessives and not re.fullmatch(r"[\s,;:]*(?:(?:and|but|while|whereas) )?", masked[start:absolute]):
            continue  # "its" is a subject only where its clause starts: "its southern edge lies ...", not "ships its ore"
        after = masked[start + match.end() : pos]
        after = _skip_apposition(after, start + match.end(), scopes)
        if not re.match(r"^(?:'s )?(?:,? ?(?:and|or) ⟪\d+⟫)*,? ?(?:[a-z]|$)", after.lstrip(" ,")) or after.lstrip().startswith(("of ", "'s ")):
            continue
        candidates.append((absolute, int(match.group(1))))
    if not candidates:
        return []
    absolute, index = candidates[-1]
    out = [index]
    head = _COORDINATED.search(masked[:absolute])
    if head and not _GOVERNED.search(masked[: head.start()][-40:]):
        out = [int(i) for i in re.findall(M, head.group(0))] + out
    return out


def _skip_apposition(after: str, offset: int, scopes) -> str:
    """The text after a mention with its apposition (", a town of ⟪1⟫,") left out."""
    for _i, s, e in scopes:
        if s == offset + 1 or s == offset:
            return after[e - offset :]
    return after
