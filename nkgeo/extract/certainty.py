"""How a sentence asserts a claim, as data: ``ontology/certainty.tsv`` read into cues.

Each line of the file is one cue ("is believed", "once", "according to external estimates",
"every winter") and what it sets on a candidate's evidence record: an assertion mode, a temporal
status, a frequency, an agent the claim is attributed to, and a factor for the confidence. A
:class:`Reading` is what the cues of one sentence say about the claim at one position: the evidence
record of that candidate (see :mod:`nkgeo.extract.output`). A claim that does not hold now keeps its
mode and status, so that nothing formerly, planned or denied is read as a plain present fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError
from nkgeo.extract import lexicon
from nkgeo.extract.triggers import compile_pattern, data_file, table_rows

FILE = "certainty.tsv"
SCOPES = ("clause", "sentence")
# The temporal statuses whose claims do not hold now (nkgeo:holdsNow false in the ontology).
NOT_NOW = frozenset({ns.NKGEO.Formerly, ns.NKGEO.Past, ns.NKGEO.Future})
# A predicate whose claim no longer holds is stated with the predicate the curated graph uses for it.
FORMER_PREDICATES = {ns.NKGEO.capitalOf: ns.NKGEO.formerCapitalOf, ns.NKGEO.hasRole: ns.NKGEO.formerRole}
INTENDED_PREDICATES = {ns.NKGEO.hasRole: ns.NKGEO.aspiredRole}


@dataclass(frozen=True)
class Cue:
    mode: str | None  # full IRIs, or None where the line has "-"
    status: str | None
    frequency: str | None
    agent: str | None
    factor: float
    scope: str
    pattern: str
    regex: re.Pattern
    line: int


@dataclass(frozen=True)
class Reading:
    """What the cues say about one claim; ``None`` is the default (stated, current, no frequency)."""

    mode: str | None = None
    status: str | None = None
    frequency: str | None = None
    agent: str | None = None
    factor: float = 1.0
    words: tuple[str, ...] = ()  # the cues as the sentence has them, for the free-text qualifier
    form: str | None = None  # an nkgeo:TextualForm when no sentence says it: the numbering of a list

    @property
    def negated(self) -> bool:
        return self.mode == ns.NKGEO.Negated

    @property
    def holds_now(self) -> bool:
        return not self.negated and self.status not in NOT_NOW and self.mode not in (ns.NKGEO.Projected, ns.NKGEO.Aspired)

    @property
    def qualifier(self) -> str | None:
        if not self.words:
            return None
        if self.negated:
            return f"negated: {self.words[0]}"
        return "; ".join(self.words)

    def predicate(self, p: str) -> str:
        """The predicate the claim is stated with: ``formerCapitalOf`` for a capital that was one."""
        if self.status in (ns.NKGEO.Formerly, ns.NKGEO.Past) and p in FORMER_PREDICATES:
            return FORMER_PREDICATES[p]
        if self.mode == ns.NKGEO.Aspired and p in INTENDED_PREDICATES:
            return INTENDED_PREDICATES[p]
        return p


STATED = Reading()


def _term(field: str, line: int) -> str | None:
    if field == "-":
        return None
    try:
        return getattr(ns.NKGEO, field)
    except AttributeError:
        raise SourceError(f"{FILE} line {line}: {field!r} is not a term of the ontology") from None


def parse(text: str) -> list[Cue]:
    """The cues of a file's text; a line that does not parse is an error naming it."""
    out = []
    for number, (mode, status, frequency, agent, factor, scope, pattern) in table_rows(text, FILE, 7):
        if scope not in SCOPES:
            raise SourceError(f"{FILE} line {number}: the scope is one of {', '.join(SCOPES)}, not {scope!r}")
        try:
            regex = compile_pattern(pattern)
            value = float(factor)
        except (ValueError, re.error) as exc:
            raise SourceError(f"{FILE} line {number}: {exc}") from None
        agent_iri = None if agent == "-" else ns.ID_NS + agent
        out.append(Cue(_term(mode, number), _term(status, number), _term(frequency, number), agent_iri, value, scope, pattern, regex, number))
    return out


def load(path: Path | None = None) -> tuple[Cue, ...]:
    """The cues of ``path`` (default: the file beside the ontology), parsed once per version of the file."""
    path = path or data_file(FILE)
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load(path: str, _version: int) -> tuple[Cue, ...]:
    return tuple(parse(Path(path).read_text(encoding="utf-8")))


def clause_around(masked: str, pos: int) -> tuple[int, int]:
    """The clause of ``masked`` that holds ``pos``: from the last clause break before it to the next."""
    start = 0
    for brk in lexicon.CLAUSE_BREAKS.finditer(masked, 0, max(pos, 0)):
        start = brk.end()
    after = lexicon.CLAUSE_BREAKS.search(masked, max(pos, 0) + 1)
    return start, after.start() if after else len(masked)


def read(masked: str, pos: int, cues: tuple[Cue, ...] | None = None, sentence: bool = True, own: tuple[int, int] | None = None) -> Reading:
    """What the cues of a sentence say about the claim read at ``pos``.

    A mode cue counts from the start of the claim's clause up to ``pos`` (a hedge after the claim is
    another clause's); a time word or a frequency anywhere in the clause; a sentence cue anywhere,
    unless ``sentence`` is false (what a name says it is, "Chagang Province", is nobody's report).
    Cues within ``own``, the words that state the claim ("known through defectors' reports"), are the
    claim, not a hedge of it.
    """
    cues = load() if cues is None else cues
    if not sentence:
        cues = tuple(c for c in cues if c.scope != "sentence")
    start, end = clause_around(masked, pos)
    found = []  # (start, end, cue)
    for cue in cues:
        lo, hi = (0, len(masked)) if cue.scope == "sentence" else (start, end)
        for match in cue.regex.finditer(masked, lo, hi):
            if cue.scope == "clause" and cue.mode and match.end() > pos:
                continue
            if own is None or match.end() <= own[0] or match.start() >= own[1]:
                found.append((match.start(), match.end(), cue))
    found = [f for f in found if not any(o[0] <= f[0] and f[1] <= o[1] and (o[1] - o[0]) > (f[1] - f[0]) for o in found)]
    if not found:
        return STATED

    def nearest(items):
        return min(items, key=lambda f: (abs(f[0] - pos), f[2].line)) if items else None

    negations = [f for f in found if f[2].mode == ns.NKGEO.Negated]
    mode = negations[0] if negations else nearest([f for f in found if f[2].mode])
    status = nearest([f for f in found if f[2].status])
    frequency = nearest([f for f in found if f[2].frequency])
    agent = nearest([f for f in found if f[2].agent])
    chosen = [f for f in (mode, status, frequency, agent) if f is not None]
    factor = 1.0
    for item in dict.fromkeys(c[2] for c in chosen):
        factor *= item.factor
    words = tuple(dict.fromkeys(_words(masked, f) for f in sorted(chosen, key=lambda f: (f is not mode, f[0]))))
    return Reading(
        mode[2].mode if mode else None,
        status[2].status if status else None,
        frequency[2].frequency if frequency else None,
        agent[2].agent if agent else None,
        factor,
        words,
    )


def _words(masked: str, found: tuple) -> str:
    begin, finish, cue = found
    if cue.pattern.endswith("..."):  # "according to ...": quoted up to the end of its clause
        brk = lexicon.CLAUSE_BREAKS.search(masked, finish)
        stop = re.search(r"[.;:!?]", masked[finish:])
        finish = min(brk.start() if brk else len(masked), finish + stop.start() if stop else len(masked))
    return " ".join(masked[begin:finish].lower().split())


def negated(text: str) -> bool:
    """Whether ``text`` holds a negation cue."""
    return any(cue.regex.search(text) for cue in load() if cue.mode == ns.NKGEO.Negated)
