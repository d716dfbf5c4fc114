"""Relation patterns, read on one sentence at a time with its mentions masked as ``⟪i⟫``.

"Hamhung serves as the capital of South Hamgyong Province." reads, once masked,
``⟪0⟫ serves as the capital of ⟪1⟫``, and the capital pattern needs no knowledge of names. A
pattern that leaves out its subject ("It serves as...", "Located along the coast, X...") takes
the sentence's subject (:func:`find_subject`), pronouns and "the city" standing for the place the
section is about. Each rule is a function of a :class:`Context`; it proposes entities
(``promote``), types and facts, and the context carries hedges and negations into them.

Confidence: each rule has a base (how often its pattern means what it says); a hedge in the same
clause before the trigger ("often considered", "believed to", "estimates suggest") multiplies it
by 0.8 and becomes the evidence's qualifier; a negation caps it at 0.15 with the qualifier
"negated: <cue>", so ``merge`` (default --min-confidence 0.5) leaves it out while a reviewer still
sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nkgeo import namespaces as ns
from nkgeo.extract import certainty, clauses, lexicon, statements, triggers
from nkgeo.extract.nlp import Mention, Sentence

RDF_TYPE = ns.RDF.type
M = r"⟪(\d+)⟫"

ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))"
LARGEST = r"(?:largest|biggest|most[- ]populous|most[- ]populated)"
ADJ = r"(?:[a-z][\w-]*,? ){0,4}?"
SETTLEMENT_NOUNS = {
    "city": ns.NKGEO.City,
    "cities": ns.NKGEO.City,
    "town": ns.NKGEO.Town,
    "towns": ns.NKGEO.Town,
    "port city": ns.NKGEO.City,
    "village": ns.NKGEO.Settlement,
    "metropolis": ns.NKGEO.City,
    "port town": ns.NKGEO.Town,
    "settlement": ns.NKGEO.Settlement,
}
SETTLEMENT = r"(?P<noun>port city|port town|city|cities|town|towns|village|metropolis|settlement)"

PLACE_LIKE = {ns.NKGEO.Place, ns.NKGEO.Settlement, ns.NKGEO.AdministrativeArea, ns.NKGEO.SpecialZone, ns.NKGEO.Region}


@dataclass(frozen=True)
class Lit:
    """A literal object: a value with a datatype or a language."""

    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Fact:
    s: str
    p: str
    o: object  # IRI (str) or Lit
    start: int  # evidence: sentence offsets in the document
    end: int
    confidence: float
    qualifier: str | None
    rule: str
    reading: certainty.Reading = certainty.STATED  # how the sentence asserts it: mode, time, attribution


class Context:
    """One sentence being read, and what the rules may ask and say about it."""

    def __init__(self, sentence: Sentence, state, promoting: bool):
        self.sentence = sentence
        self.masked = sentence.masked
        self.mentions = sentence.mentions
        self.state = state
        self.promoting = promoting
        self.facts: list[Fact] = []
        self.typed: set[tuple[str, str]] = set()

    # -- what the rules ask -------------------------------------------------------------------
    def m(self, index: str | int | None) -> Mention | None:
        if index is None:
            return None
        i = int(index)
        return self.mentions[i] if 0 <= i < len(self.mentions) else None

    def iri(self, index) -> str | None:
        mention = self.m(index)
        return mention.iri if mention else None

    def types(self, index) -> set[str]:
        mention = self.m(index)
        if mention is None:
            return set()
        return self.state.types_of_mention(mention)

    def is_a(self, index, *classes: str) -> bool:
        found = self.types(index)
        return any(c in found for c in classes)

    def is_place(self, index) -> bool:
        return bool(self.types(index) & PLACE_LIKE)

    def is_settlement(self, index) -> bool:
        return self.is_a(index, ns.NKGEO.Settlement, ns.NKGEO.SpecialZone)

    def is_country(self, index) -> bool:
        return self.is_a(index, ns.NKGEO.Country)

    def subject(self) -> int | None:
        return self.sentence.subject

    def subjects_at(self, pos: int) -> list[int]:
        """The mentions the words at ``pos`` are about (see :mod:`nkgeo.extract.clauses`)."""
        adjectives = {i for i, m in enumerate(self.mentions) if m.extra.get("adjective")}
        possessives = {i for i, m in enumerate(self.mentions) if m.kind == "anaphor" and m.text.lower() == "its"}
        return clauses.subjects_at(self.masked, pos, self.subject(), not_subjects=adjectives, possessives=possessives)

    def subject_at(self, pos: int) -> int | None:
        found = self.subjects_at(pos)
        return found[0] if found else None

    def subject_iris(self, index: int) -> tuple[str, ...]:
        """The IRIs a subject mention stands for: all of them for "both cities", else its first."""
        mention = self.m(index)
        if mention is None or not mention.iris:
            return ()
        return mention.iris if mention.extra.get("noun") == "both" else mention.iris[:1]

    def label(self, index_or_iri) -> str:
        iri = index_or_iri if isinstance(index_or_iri, str) and index_or_iri.startswith("http") else self.iri(index_or_iri)
        return self.state.label(iri) if iri else ""

    def unmask(self, text: str) -> str:
        return re.sub(M, lambda g: self.mentions[int(g.group(1))].text, text)

    def mentions_in(self, start: int, end: int) -> list[int]:
        return [int(g.group(1)) for g in re.finditer(M, self.masked[start:end])]

    # -- what the rules say -------------------------------------------------------------------
    def promote(self, index, cls: str, confidence: float = 0.8, weak: bool = False) -> None:
        """Propose the name at ``index`` as an entity of class ``cls`` (new or known); a ``weak`` cue's
        place is not one that "the city" can stand for."""
        mention = self.m(index)
        if mention is None or mention.kind in ("anaphor", "direction"):
            return
        self.state.promote(mention, cls, weak=weak)
        if not self.promoting and mention.iri:
            self.type(mention.iri, cls, confidence)

    def type(self, iri: str | None, cls: str, confidence: float = 0.85, pos: int = 0) -> None:
        if self.promoting or not iri or (iri, cls) in self.typed:
            return
        if cls == ns.NKGEO.Country or cls in (ns.NKGEO.Place,):
            return  # no document calls a country a country; the gazetteer types it
        self.typed.add((iri, cls))
        self.fact(iri, RDF_TYPE, cls, pos, confidence, "type")

    def fact(self, s: str | None, p: str, o, pos: int, confidence: float, rule: str, hedge: bool = True, status: str | None = None,
             own: tuple[int, int] | None = None, form: str | None = None) -> None:
        """Propose ``s p o`` with this sentence as evidence; ``status`` is the temporal status the
        words of the claim carry themselves (a past tense), unless a time word says otherwise; ``own``
        is the span of those words (no hedge of the claim, see :func:`certainty.read`); ``form`` the
        textual form that conveys it instead (a list's numbering: implied, not stated)."""
        if self.promoting or not s or o is None or s == o:
            return
        reading = certainty.read(self.masked, pos, sentence=p != RDF_TYPE, own=own) if hedge else certainty.STATED
        if status and reading.status is None:
            reading = replace(reading, status=status)
        if p == RDF_TYPE and reading.status in certainty.NOT_NOW:
            reading = replace(reading, status=None)  # "X was once a major port": X is still a town; its role was
        if form:
            reading = replace(reading, mode=reading.mode or ns.NKGEO.Implied, form=form)
        if reading.status in certainty.NOT_NOW and reading.predicate(p) == p and p in self.state.gaz.defining:
            return  # a former port would make a port city today (issue 10): the role is kept as formerRole
        p = reading.predicate(p)
        self.facts.append(Fact(s, p, o, self.sentence.start, self.sentence.end, round(confidence * reading.factor, 2), reading.qualifier, rule, reading))

    def place_fact(self, s: str | None, index, pos: int, confidence: float, rule: str) -> None:
        """``s`` lies in the mention at ``index``: locatedIn, inRegion or onCoast by what it is."""
        for target in self.iris_of(index):
            self.fact(s, self.state.containment_predicate(target), target, pos, confidence, rule)
            self.describe_region(target, pos)

    def iris_of(self, index) -> tuple[str, ...]:
        mention = self.m(index)
        return mention.iris if mention else ()

    def describe_region(self, iri: str, pos: int) -> None:
        """A coast or region the extractor named: its type and its country, with this evidence."""
        info = self.state.regions.get(iri)
        if info:
            cls, country = info
            self.type(iri, cls, 0.85, pos)
            self.fact(iri, ns.NKGEO.locatedIn, country, pos, 0.85, "region", hedge=False)

    def typed_mention(self, index, pos: int = 0, confidence: float = 0.85) -> None:
        """Type a mention whose own name says what it is ("Yalu River", "North Hamgyong Province")."""
        mention = self.m(index)
        if mention is not None and mention.head_class and mention.iri:
            self.type(mention.iri, mention.head_class, confidence, pos)


# ---------------------------------------------------------------------------------------------
# The sentence's subject
# ---------------------------------------------------------------------------------------------

_VERBISH = (
    r"(?:is|was|are|were|has|had|have|serves|served|lies|lay|remains|remained|sits|stands|functions|acts|plays|houses|hosts"
    r"|became|becomes|includes|contains|borders|faces|lies|boasts|features|also|still|now|today|once|often|long|continues|attracts|holds|covers|hosts)\b"
)
_SUBJECT_PATTERNS = (
    re.compile(
        r"^(?:the |a |this )?(?:(?:nearby|neighbouring|neighboring|port|coastal|industrial|northern|southern|eastern|western|small|large|historic|mountain"
        r"|border) )*"
        r"(?:city|town|port|village|county|settlement) of " + M,
        re.I,
    ),
    re.compile(r"^" + M),
    re.compile(r"^(?!⟪)[^,]*?, " + M + r"(?='s | (?!(?:and|or|nor|of|in|on|to|as|at|by|for|from|with|the|a|an|than|into)\b)[a-z]+\b|, (?:a|an|the) )"),
)


def find_subject(sentence: Sentence) -> int | None:
    """The place a sentence is about (a demonym, "Chinese", never is)."""

    def usable(match) -> bool:
        return not sentence.mentions[int(match.group(1))].extra.get("adjective")

    for pattern in (*_SUBJECT_PATTERNS, re.compile(M + r"(?:'s [a-z]+)? " + _VERBISH)):
        match = next((m for m in pattern.finditer(sentence.masked) if usable(m)), None)
        if match:
            return int(match.group(1))
    match = re.search(r"\b(?:lies|lie|lay|stands|stand|stood|sits|rises|rise|is|are) (?:the )?" + M + r"[.!]?$", sentence.masked)
    if match:  # "Further west lies ⟪0⟫."
        return int(match.group(1))
    for i, mention in enumerate(sentence.mentions):  # "... form the core of its economy"
        if mention.kind == "anaphor":
            return i
    return None


# ---------------------------------------------------------------------------------------------
# Typing and new names
# ---------------------------------------------------------------------------------------------


def rule_head_types(ctx: Context) -> None:
    """A name whose last word is a type noun: "Yalu River", "Juche Tower", "Koryo Dynasty". A new
    entity gets its type wherever the text names it, used by a relation or not."""
    for i, mention in enumerate(ctx.mentions):
        if mention.head_class and not mention.generic:
            if mention.kind == "name":
                ctx.promote(i, mention.head_class, 0.85)
            elif mention.kind == "known" and mention.iri:
                ctx.type(mention.iri, mention.head_class, 0.85, mention.start)


def rule_settlement_nouns(ctx: Context) -> None:
    """ "the city of X", "the cities of X and Y", "X is a port city", "X, a coastal city" """
    masked = ctx.masked
    for match in re.finditer(
        r"\b(?P<det>the |a |an |another )?(?:" + ADJ + r")(?:⟪(?P<c>\d+)⟫ )?(?P<noun>city|cities|town|towns|village|villages) of " + M
        + r"(?:(?:,| and|, and) " + M + r")?",
        masked,
        re.I,
    ):
        if (match.group("det") or "").strip().lower() in ("a", "an", "another"):
            continue  # "a coal-mining city of X Province": a city in X, not X itself (see triggers.tsv)
        cls = SETTLEMENT_NOUNS.get(
            match.group("noun").lower().rstrip("s") if match.group("noun").lower() in ("towns", "villages") else match.group("noun").lower(), ns.NKGEO.City
        )
        country = match.group("c")
        for group in (4, 5):
            if match.group(group) and ctx.is_a(match.group(group), ns.NKGEO.AdministrativeArea, ns.NKGEO.Region):
                continue
            if match.group(group) and (ctx.m(match.group(group)).head_class or "") in (ns.NKGEO.Province, ns.NKGEO.AdministrativeArea):
                continue
            if match.group(group) and not ctx.is_country(match.group(group)):
                mention = ctx.m(match.group(group))
                if mention.kind == "known" and ctx.promoting and ctx.is_a(match.group(group), ns.NKGEO.WaterBody, ns.NKGEO.Mountain):
                    mention.kind, mention.iris, mention.head_class = "name", (), None  # "the city of Tumen", beside the Tumen River
                ctx.promote(match.group(group), cls, 0.85)
            if match.group(group) and country is not None and ctx.is_country(country) and not ctx.is_country(match.group(group)):
                ctx.fact(ctx.iri(match.group(group)), ns.NKGEO.locatedIn, ctx.iri(country), match.start(), 0.8, "country-city-of")
    pattern = (
        M + r"(?:,| (?:is|was|remains|has been|became)) (?:one of the |an? |the )" + r"(?:(?:" + ORD + r"[- ])?" + LARGEST + r" )?" + ADJ + SETTLEMENT + r"\b"
    )
    for match in re.finditer(pattern, masked, re.I):
        _promote_settlement(ctx, match.group(1), match.group("noun"))
    # the same after an apposition: "⟪0⟫, once the provincial seat, became a quiet county town"
    copula = r"\b(?:is|was|remains|remained|has been|had been|became|becomes) (?:one of the |an? |the )(?:(?:" + ORD + r"[- ])?" + LARGEST + r" )?"
    for match in re.finditer(copula + ADJ + SETTLEMENT + r"\b", masked, re.I):
        if re.search(M + r" $", masked[: match.start()]):
            continue  # "⟪0⟫ is a city": read above
        for s in ctx.subjects_at(match.start()):
            _promote_settlement(ctx, s, match.group("noun"))
    for match in re.finditer(r"\bother (?:" + ADJ + r")(?:cities|towns)\b", masked):
        subject = ctx.subject()
        if subject is not None and ctx.is_settlement(subject):
            ctx.type(ctx.iri(subject), ns.NKGEO.City, 0.7, match.start())


def _promote_settlement(ctx: Context, i, noun: str) -> None:
    mention = ctx.m(i)
    if mention is not None and mention.kind == "known" and ctx.promoting and ctx.is_a(i, ns.NKGEO.WaterBody, ns.NKGEO.Mountain):
        mention.kind, mention.iris, mention.head_class = "name", (), None  # "the Chinese city of Tumen": not the Tumen River
    if (
        mention is not None
        and mention.kind != "direction"
        and not ctx.is_country(i)
        and not ctx.is_a(i, ns.NKGEO.WaterBody, ns.NKGEO.Region, ns.NKGEO.HistoricalEvent, ns.NKGEO.Organization, ns.NKGEO.Facility, ns.NKGEO.Person)
        and (mention.kind != "name" or lexicon.could_be_place(mention.text))
    ):
        ctx.promote(i, SETTLEMENT_NOUNS[noun.lower()], 0.9)


def rule_list_items(ctx: Context) -> None:
    """A list of towns under a heading that says so, in a text about a province: each item's place is
    in the province ("Main towns" in "South Hwanghae Province in figures"). An item's sentence with no
    verb of its own says what the place is: "Market town with an iron ore mine"."""
    sentence = ctx.sentence
    if not sentence.block.item:
        return
    first = re.match(r"^(?:[-*•]|\d{1,3}[.)]) ⟪(\d+)⟫", ctx.masked)
    towns = re.search(r"\b(?:towns|cities|settlements|counties|places)\b", sentence.section, re.I)
    if first and towns and ctx.m(first.group(1)).kind == "name" and re.match(r"^(?:[-*•]|\d{1,3}[.)]) ⟪\d+⟫: ", ctx.masked):
        if lexicon.could_be_place(ctx.m(first.group(1)).text):
            ctx.promote(first.group(1), ns.NKGEO.Settlement, 0.65)  # "- Sinpo: 152,000" under "Main towns"
    if first and sentence.province and towns:
        if ctx.is_settlement(first.group(1)) and ctx.iri(first.group(1)) != sentence.province:
            ctx.fact(ctx.iri(first.group(1)), ns.NKGEO.locatedIn, sentence.province, 0, 0.65, "list-item")
    implied = ctx.m(0) if ctx.mentions and ctx.mentions[0].extra.get("noun") == "item" else None
    noun = re.match(r"^⟪0⟫ (?:[A-Z][a-z-]+ )?(?:[a-z-]+ )?(?P<noun>town|city|village|port town|port city)\b", ctx.masked) if implied else None
    if noun:
        ctx.type(implied.iri, SETTLEMENT_NOUNS[noun.group("noun")], 0.8)


def rule_place_after_preposition(ctx: Context) -> None:
    """ "in Kosong", "near Onsong", "from Namyang to Hoeryong": a new name after a preposition of place
    is a settlement when it looks like a romanised Korean name. A weak cue: it lets later sentences
    speak of the place, but states no type of its own (the promotion is made in the first pass only)."""
    if not ctx.promoting:
        return
    for match in re.finditer(r"\b(?:in|near|to|from|at|outside|around|towards|toward|past|beyond|via) " + M, ctx.masked):
        mention = ctx.m(match.group(1))
        if mention.kind == "name" and not mention.head_class and not mention.generic and lexicon.could_be_place(mention.text):
            if lexicon.looks_korean(mention.text) and not lexicon.is_world_region(mention.text):
                ctx.promote(match.group(1), ns.NKGEO.Settlement, 0.6, weak=True)


def rule_anaphor_types(ctx: Context) -> None:
    """ "The city ..." says that the place it stands for is a city; "both cities", that both are."""
    nouns = {"city": ns.NKGEO.City, "town": ns.NKGEO.Town, "cities": ns.NKGEO.City, "towns": ns.NKGEO.Town}
    for mention in ctx.mentions:
        if mention.kind != "anaphor":
            continue
        cls = nouns.get(mention.extra.get("of") or mention.extra.get("noun") or "")
        for iri in mention.iris if cls else ():
            if ctx.state.is_settlement_iri(iri):
                ctx.type(iri, cls, 0.8, mention.start)


def rule_tributary(ctx: Context) -> None:
    """ "a tributary of the Chongchon": both are rivers."""
    for match in re.finditer(M + r", (?:a|the) (?:[a-z]+ )?tributary of (?:the )?" + M + r"|\btributary of (?:the )?" + M, ctx.masked):
        for group in (1, 2, 3):
            index = match.group(group)
            if index is not None and ctx.m(index).kind in ("name", "known") and not ctx.is_settlement(index):
                ctx.promote(index, ns.NKGEO.River, 0.75)


def rule_copula_class(ctx: Context) -> None:
    """ "X is a special economic zone": a class by a phrase after the copula."""
    pattern = (
        M
        + r"(?:,| is| was| remains| became) (?:an? |the )(?:"
        + ADJ
        + r")(?P<np>(?:[a-z]+ ){0,2}(?:zone|region|complex|park|dynasty|kingdom|river|sea|mountain|province|county|university|academy|monument|landmark))\b"
        + r"(?! (?:town|seat|city|capital|centre|center|village|port|district))"  # "a county town" is a town
    )
    for match in re.finditer(pattern, ctx.masked, re.I):
        cls = _phrase_class(match.group("np").split())
        if cls and not ctx.is_country(match.group(1)) and not (cls == ns.NKGEO.AdministrativeArea and _historical(ctx, match.end())):
            ctx.promote(match.group(1), cls, 0.85)


def _phrase_class(words: list[str]) -> str | None:
    lowered = [w.lower() for w in words]
    for phrase, cls in lexicon.PHRASE_HEADS:
        if tuple(lowered[-len(phrase) :]) == phrase:
            return cls
    if lowered and lowered[-1] in lexicon.NAME_HEADS and lowered[-1] not in ("zone", "region", "complex", "port"):
        return lexicon.NAME_HEADS[lowered[-1]]
    return None


def rule_capital_subject(ctx: Context) -> None:
    """Who is "the capital of X Province" is a city (nkgeo:capitalOf has domain nkgeo:City)."""
    for match in re.finditer(r"\b(?<!former )(?<!once )capital(?: city)? of (?:the )?⟪(?P<o>\d+)⟫", ctx.masked):
        o = match.group("o")
        if not (ctx.is_a(o, ns.NKGEO.AdministrativeArea) or (ctx.m(o).head_class or "").endswith("Province")):
            continue
        inverted = _INVERTED.match(ctx.masked, match.end())
        s = _explicit_subject(ctx, match.start() - len("the ") if ctx.masked[: match.start()].endswith("the ") else match.start())
        s = (int(inverted.group(0).split("⟪")[1].rstrip("⟫")) if inverted else ctx.subject_at(match.start())) if s is None else s
        if s is not None and ctx.m(s).kind in ("name", "known") and not certainty.negated(ctx.masked[: match.start()]):
            ctx.promote(s, ns.NKGEO.City, 0.8)


def rule_persons(ctx: Context) -> None:
    """A person's name after a title ("General Kang Kam-chan", "King Seonjo") or after "birthplace of"."""
    for match in re.finditer(r"\b" + lexicon.PERSON_TITLES + r" " + M, ctx.masked):
        if ctx.m(match.group(1)).kind in ("name", "known") and not ctx.m(match.group(1)).head_class:
            ctx.promote(match.group(1), ns.NKGEO.Person, 0.75)
    for match in re.finditer(r"\b(?:birthplace|home town|hometown|native town) of " + M, ctx.masked):
        mention = ctx.m(match.group(1))
        if mention.kind in ("name", "known") and lexicon.KOREAN_PERSON.match(mention.text):
            ctx.promote(match.group(1), ns.NKGEO.Person, 0.75)


def rule_namesake(ctx: Context) -> None:
    """ "named after Kim Hyong-jik": a person."""
    for match in re.finditer(r"\bnamed (?:after|for|in honou?r of) (?:the )?" + M, ctx.masked):
        if ctx.m(match.group(1)).kind == "name" and not ctx.m(match.group(1)).head_class:
            ctx.promote(match.group(1), ns.NKGEO.Person, 0.7)


def rule_list_types(ctx: Context) -> None:
    """ "relics such as the A and the B", "monuments, such as A and B": landmarks."""
    pattern = (
        r"\b(?P<noun>relics|monuments|landmarks|sites|attractions|temples|statues|memorials|heritage sites)\b"
        r"[^.;]*?(?:such as|including|like|notably)(?P<list>(?:,? (?:and )?(?:the )?(?:[a-z]+ )?" + M + r"(?: [a-z]+)?)+)"
    )
    for match in re.finditer(pattern, ctx.masked, re.I):
        cls = ns.NKGEO.Monument if match.group("noun").lower() in ("monuments", "statues", "memorials") else ns.NKGEO.Landmark
        for i in ctx.mentions_in(match.start("list"), match.end("list")):
            excluded = (ns.NKGEO.Settlement, ns.NKGEO.Country, ns.NKGEO.Organization, ns.NKGEO.EducationalInstitution)
            if ctx.m(i).kind in ("name", "known") and not ctx.is_a(i, *excluded):
                head = ctx.m(i).head_class
                if not head or head in (ns.NKGEO.Mountain, ns.NKGEO.Academy) or head in ctx.state.gaz.superclasses.get(cls, ()):
                    ctx.promote(i, cls, 0.75)  # "monuments such as the Juche Tower": a monument, more than a landmark


def rule_appositive_landmark(ctx: Context) -> None:
    """ "Mount Paektu, a sacred site ...": a landmark."""
    for match in re.finditer(M + r", an? (?:[a-z]+ ){0,2}(?:site|landmark|monument|shrine)\b", ctx.masked):
        if not ctx.is_a(match.group(1), ns.NKGEO.Settlement, ns.NKGEO.Country):
            ctx.promote(match.group(1), ns.NKGEO.Landmark, 0.75)


def rule_country_appositions(ctx: Context) -> None:
    """ "Dandong, China" and "China's Shenzhen": a settlement in a country."""
    for match in re.finditer(M + r", " + M + r"(?!'s)", ctx.masked):
        a, c = match.group(1), match.group(2)
        if (
            ctx.m(a).kind in ("name", "known")
            and ctx.is_country(c)
            and not ctx.is_country(a)
            and not ctx.is_a(a, ns.NKGEO.WaterBody, ns.NKGEO.Region, ns.NKGEO.HistoricalEvent)
        ):
            if ctx.m(a).kind == "name":
                ctx.promote(a, ns.NKGEO.City, 0.7)
            ctx.fact(ctx.iri(a), ns.NKGEO.locatedIn, ctx.iri(c), match.start(), 0.8, "apposition-country")
    for match in re.finditer(M + r"'s " + M, ctx.masked):
        c, a = match.group(1), match.group(2)
        if ctx.is_country(c) and ctx.m(a).kind in ("name", "known") and not ctx.is_country(a) and not ctx.m(a).head_class:
            if ctx.m(a).kind == "name":
                ctx.promote(a, ns.NKGEO.Settlement, 0.6)
            ctx.fact(ctx.iri(a), ns.NKGEO.locatedIn, ctx.iri(c), match.start(), 0.75, "possessive-country")


def rule_alias(ctx: Context) -> None:
    """ "the Sea of Japan (known in Korea as the East Sea)", "the Demilitarized Zone (DMZ)" """
    pattern = (
        M + r" \((?P<cue>known (?:locally |also |in [A-Z]\w+ )?as |also (?:known as |called )|or |locally )?(?:the )?(?P<alias>(?:[^()0-9⟪]|⟪\d+⟫){1,60}?)\)"
    )
    for match in re.finditer(pattern, ctx.masked):
        target = match.group(1)
        alias = ctx.unmask(match.group("alias")).strip()
        is_acronym = re.fullmatch(r"[A-Z]{2,6}", alias) is not None
        if not (match.group("cue") or is_acronym) or not ctx.iri(target):
            continue
        ctx.state.add_alias(alias, ctx.iri(target))
        for i in ctx.mentions_in(match.start("alias"), match.end("alias")):
            ctx.mentions[i].iris = ctx.m(target).iris
            ctx.mentions[i].kind = "known"
            ctx.mentions[i].head_class = None
        ctx.fact(ctx.iri(target), ns.SKOS.altLabel, Lit(alias, lang="en"), match.start("alias"), 0.85, "alias", hedge=False)
        ctx.typed_mention(target, match.start())


_NAME_LABELS = re.compile(
    r"^(?P<label>Korean|Hangul|Hangeul|Chos[oŏ]n'?g[uŭ]l|McCune-Reischauer|MR|Revised Romani[sz]ation|RR|also spelled|also spelt|also written|"
    r"also romani[sz]ed|also transliterated|also known as|also called|formerly|previously|or)\b[:]? ?(?P<name>.+)$",
    re.I,
)


def rule_name_apposition(ctx: Context) -> None:
    """ "Mount Kumgang, the Diamond Mountains, ...": a second proper name of the same thing is its
    alternative name (not a place of its own)."""
    for match in re.finditer(M + r", the " + M + r"(?=,|\.|$| (?:whose|which|where))", ctx.masked):
        head, other = ctx.m(match.group(1)), ctx.m(match.group(2))
        if head.kind == "name" and head.head_class and not head.generic:
            ctx.promote(match.group(1), head.head_class, 0.85)
        if not head.iri or head.kind != "known" or other.generic:
            continue
        if other.kind == "known" and other.iris == head.iris:
            alias = clean_alias(other.text)  # read again, once the alias is known
        elif other.kind == "name" and not (other.head_class and other.head_class != head.head_class and other.head_class not in ctx.types(match.group(1))):
            alias = clean_alias(other.text)
            ctx.state.add_alias(alias, head.iri)
            other.kind, other.iris, other.head_class = "known", head.iris, None
        else:
            continue
        ctx.fact(head.iri, ns.SKOS.altLabel, Lit(alias, lang="en"), match.start(2), 0.75, "name-apposition", hedge=False)


def clean_alias(text: str) -> str:
    return re.sub(r"^(?:the|a|an) ", "", " ".join(text.split()), flags=re.I).strip(" ,.;:")


def rule_parenthetical_names(ctx: Context) -> None:
    """An encyclopaedia's parenthesis after a name: "Kusong (Korean: 구성시; also spelled Gusong)" gives
    alternative names (Hangul tagged ko), "(formerly Huchang)" a former name."""
    for match in re.finditer(M + r" \((?P<body>[^()]{2,160})\)", ctx.masked):
        target = match.group(1)
        if not ctx.iri(target) or ctx.m(target).kind in ("anaphor", "direction"):
            continue
        for part in re.split(r";|,(?= (?:also|or|formerly|previously|Korean|Hangul|MR|RR)\b)", match.group("body")):
            labelled = _NAME_LABELS.match(part.strip())
            if not labelled:
                continue
            name = ctx.unmask(labelled.group("name")).strip(" \"'")
            if not name or len(name) > 60 or re.search(r"\d", name):
                continue
            pos = match.start("body") + match.group("body").find(part)
            if labelled.group("label").lower() in ("formerly", "previously"):
                ctx.fact(ctx.iri(target), ns.NKGEO.formerName, Lit(name, lang="en"), pos, 0.8, "parenthesis", hedge=False)
                continue
            hangul = bool(re.search(r"[\uac00-\ud7a3]", name))
            ctx.fact(ctx.iri(target), ns.SKOS.altLabel, Lit(name, lang="ko" if hangul else "en"), pos, 0.85, "parenthesis", hedge=False)
            if not hangul:
                ctx.state.add_alias(name, ctx.iri(target))


# ---------------------------------------------------------------------------------------------
# Where a place lies
# ---------------------------------------------------------------------------------------------


_PLACE_RELATIONS = {ns.NKGEO.locatedIn, ns.NKGEO.onRiver, ns.NKGEO.facesSea, ns.NKGEO.nearBorderWith, ns.NKGEO.borders}
_BORDER_RELATIONS = {ns.NKGEO.borders, ns.NKGEO.nearBorderWith}


def rule_triggers(ctx: Context) -> None:
    """The trigger phrases of ontology/triggers.tsv: a relation between the clause's subject and the
    mention (or list of mentions) the phrase names. Reading new names, a name that is the subject of
    a place relation to a known place ("X belongs to Y Province", "X lies on the Y River") is a place."""
    for trigger in triggers.load():
        for match in trigger.regex.finditer(ctx.masked):
            objects = [int(match.group("o"))] + ctx.mentions_in(match.start("more"), match.end("more"))
            objects = [o for o in objects if _has(ctx, o, trigger.object)]
            if not objects:
                continue
            explicit = match.groupdict().get("s")
            subjects = [int(explicit)] if explicit is not None else ctx.subjects_at(match.start())
            for s in subjects:
                mention = ctx.m(s)
                if mention is None or mention.kind == "direction" or s in objects:
                    continue
                new = mention.kind == "name" or (mention.iri in ctx.state.local_labels and not ctx.state.known(mention.iri))
                if new and trigger.relation in _PLACE_RELATIONS and not mention.generic and lexicon.could_be_place(mention.text) \
                        and not lexicon.is_world_region(mention.text):
                    ctx.promote(s, mention.head_class or ns.NKGEO.Settlement, 0.7)  # and its type, when reading relations
                if mention.kind == "name":
                    continue
                if not _has(ctx, s, trigger.subject):
                    continue
                for o in objects:
                    _trigger_fact(ctx, trigger, s, o, match.start())


def _historical(ctx: Context, pos: int) -> bool:
    """Whether the clause at ``pos`` says what was, in a past period the sentence names."""
    start = max((b.end() for b in re.finditer(r"[;:]|, (?:but|and|while) ", ctx.masked[:pos])), default=0)
    return bool(re.search(_PAST_TIME, ctx.masked)) and bool(re.search(r"\b(?:was|were|had been|used to be)\b", ctx.masked[start:pos]))


def _has(ctx: Context, index: int, classes: frozenset[str]) -> bool:
    if ns.NKGEO.Place in classes and ctx.is_place(index):
        return True
    if ns.NKGEO.Settlement in classes and ctx.is_settlement(index):
        return True
    return ctx.is_a(index, *classes)


def _trigger_fact(ctx: Context, trigger, s: int, o: int, pos: int) -> None:
    if trigger.relation in _BORDER_RELATIONS and ctx.iri(o) == ctx.state.country:
        return  # a place of the country borders other countries, not its own
    if trigger.relation == ns.NKGEO.locatedIn and _historical(ctx, pos):
        return  # "Under the Joseon dynasty Kusong was a county of Pyongan Province": not where it is now
    if trigger.relation == ns.NKGEO.locatedIn and ctx.is_a(s, ns.NKGEO.Settlement) and ctx.is_a(o, ns.NKGEO.Settlement):
        return
    for subject in ctx.subject_iris(s):
        if subject == ctx.iri(o):
            continue
        if trigger.relation == ns.NKGEO.locatedIn:
            ctx.place_fact(subject, o, pos, trigger.confidence, trigger.name)
        else:
            ctx.fact(subject, trigger.relation, ctx.iri(o), pos, trigger.confidence, trigger.name)
    ctx.typed_mention(o, pos)


def rule_located(ctx: Context) -> None:
    subject = ctx.subject()
    masked = ctx.masked
    # "X is a mountainous city in Y", "X is one of the cities in Y"
    pattern = (
        M
        + r"(?:,| (?:is|was|remains|has been|became)) (?:one of the |an? |the )(?:"
        + ORD
        + r"[- ])?(?:"
        + LARGEST
        + r" )?"
        + ADJ
        + SETTLEMENT
        + r" (?:located |situated )?(?:in|of|within|on) (?:the )?"
        + M
    )
    for match in re.finditer(pattern, masked, re.I):
        s, o = match.group(1), match.group(3)
        if ctx.is_place(o) and not ctx.is_a(o, ns.NKGEO.Settlement, ns.NKGEO.WaterBody):
            ctx.place_fact(ctx.iri(s), o, match.start(3), 0.9, "city-in")
            ctx.typed_mention(o, match.start(3))
    # "The area includes the cities of A and B"
    for match in re.finditer(
        r"\b(?:includes|included|comprises|comprised|contains|encompasses|consists of) (?:the )?(?:cities|towns|counties|city|town) of "
        + M
        + r"(?:(?:,| and|, and) "
        + M
        + r")*",
        masked,
    ):
        if subject is None:
            continue
        for i in ctx.mentions_in(match.start(), match.end()):
            if ctx.is_settlement(i):
                ctx.fact(ctx.iri(i), ns.NKGEO.locatedIn, ctx.iri(subject), match.start(), 0.8, "includes-cities")


def rule_water(ctx: Context) -> None:
    """Two places on either side of a river: "across the Yalu River from Dandong, China", "opposite the
    Chinese city of Ji'an", "faces Dandong, the Chinese city across the river"."""
    masked = ctx.masked
    for match in re.finditer(r"\bacross (?:the )?" + M + r" from " + M + r"(?:, " + M + r")?", masked):
        river, other, country = match.group(1), match.group(2), match.group(3)
        if ctx.is_a(river, ns.NKGEO.River):
            for s in ctx.subjects_at(match.start()):
                _across(ctx, s, other, river, country, match.start(), 0.85)
    river_words = re.search(r"\bacross the (?:river|water|border)\b|\bon the (?:other|opposite|far) (?:bank|side)\b", masked)
    rivers = [i for i in range(len(ctx.mentions)) if ctx.is_a(i, ns.NKGEO.River)]
    if not rivers and not river_words:
        return
    pattern = (
        r"\b(?:directly |just )?(?:opposite|across from|facing|faces|face|faced|looks across at|looking across at) (?:the )?"
        r"(?:⟪(?P<c>\d+)⟫ )?(?P<noun>city|town|port|village) of ⟪(?P<x>\d+)⟫"
        r"|\b(?:directly |just )?(?:opposite|across from|facing|faces|face|faced) ⟪(?P<z>\d+)⟫, (?:the|a) ⟪(?P<d>\d+)⟫ (?P<noun2>city|town|port|village)"
        r"|\b(?:directly |just )?opposite ⟪(?P<y>\d+)⟫"
    )
    for match in re.finditer(pattern, masked):
        other = match.group("x") or match.group("z") or match.group("y")
        country = match.group("c") or match.group("d")
        noun = match.group("noun") or match.group("noun2")
        if not ctx.is_settlement(other) and not (noun and ctx.m(other).kind in ("known", "name")):
            continue
        if noun and ctx.m(other).kind == "name":
            ctx.promote(other, SETTLEMENT_NOUNS[noun], 0.8)
        for s in ctx.subjects_at(match.start()):
            _across(ctx, s, other, rivers[0] if len(rivers) == 1 else None, country, match.start(), 0.8, both_banks=False)
        if noun and country is not None and ctx.is_country(country):
            ctx.type(ctx.iri(other), SETTLEMENT_NOUNS[noun], 0.8, match.start())


def _across(ctx: Context, s: int, other, river, country, pos: int, confidence: float, both_banks: bool = True) -> None:
    """``s`` lies across ``river`` from ``other`` (in ``country``, when named); "across the R from X"
    puts X on the river too (``both_banks``)."""
    if not ctx.is_settlement(s) or ctx.iri(s) == ctx.iri(other):
        return
    ctx.fact(ctx.iri(s), ns.NKGEO.acrossRiverFrom, ctx.iri(other), pos, confidence, "across-river")
    if river is not None:
        ctx.fact(ctx.iri(s), ns.NKGEO.onRiver, ctx.iri(river), pos, confidence, "across-river")
        if both_banks:
            ctx.fact(ctx.iri(other), ns.NKGEO.onRiver, ctx.iri(river), pos, confidence - 0.05, "across-river")
        ctx.typed_mention(river, pos)
    if country is not None and ctx.is_country(country):
        ctx.fact(ctx.iri(other), ns.NKGEO.locatedIn, ctx.iri(country), pos, 0.8, "across-river")
        if ctx.iri(country) != ctx.state.country:
            ctx.fact(ctx.iri(s), ns.NKGEO.nearBorderWith, ctx.iri(country), pos, 0.75, "across-river")


# ---------------------------------------------------------------------------------------------
# Capitals, satellites, metropolitan areas, ranks
# ---------------------------------------------------------------------------------------------


_INVERTED = re.compile(r" (?:is|was|remains|remained|has been|had been) (?:now |still |today )?⟪\d+⟫")


def rule_capital(ctx: Context) -> None:
    masked = ctx.masked
    pattern = (
        r"(?P<past>\b(?:once|formerly|former|previously|historically|originally|was once|used to be)\b[^⟪,;]{0,20})?"
        r"\b(?:the )?(?:provincial |national |administrative )?capital(?: city)?"
        r"(?P<largest> (?:and|&) (?:the )?(?:(?P<ord>" + ORD + r")[- ])?(?:largest|biggest) city)? of (?:the )?⟪(?P<o>\d+)⟫"
    )
    for match in re.finditer(pattern, masked, re.I):
        o = match.group("o")
        if _INVERTED.match(masked, match.end()):
            continue  # "the capital of X is Y": read below
        s = _explicit_subject(ctx, match.start())
        s = ctx.subject_at(match.start()) if s is None else s
        if s is None or ctx.m(s).kind == "direction":
            continue
        former = bool(match.group("past")) or ctx.is_a(o, ns.NKGEO.HistoricalState)
        if not former and not ctx.is_a(o, ns.NKGEO.AdministrativeArea) and not (ctx.m(o).head_class or "").endswith("Province"):
            continue
        ctx.fact(ctx.iri(s), (ns.NKGEO.formerCapitalOf if former else ns.NKGEO.capitalOf), ctx.iri(o), match.start(), 0.9, "capital")
        ctx.typed_mention(o, match.start())
        if not former:
            ctx.type(ctx.iri(s), ns.NKGEO.City, 0.85, match.start())
        if match.group("largest") and not former:
            rank = lexicon.ORDINALS.get((match.group("ord") or "first").lower(), 1)
            emit_rank(ctx, ctx.iri(s), rank, o, match.start())
    for match in re.finditer(M + r"'s capital,? (?:is )?" + M, masked):
        o, s = match.group(1), match.group(2)
        if ctx.is_a(o, ns.NKGEO.AdministrativeArea):
            ctx.fact(ctx.iri(s), ns.NKGEO.capitalOf, ctx.iri(o), match.start(), 0.85, "capital")
    # "X Province has its capital at Y"
    for match in re.finditer(M + r" (?:has|had) (?:its|their) (?:provincial )?capital (?:at|in) " + M, masked):
        o, s = match.group(1), match.group(2)
        if ctx.is_a(o, ns.NKGEO.AdministrativeArea) and ctx.m(s).kind in ("known", "name"):
            if ctx.m(s).kind == "name":
                ctx.promote(s, ns.NKGEO.City, 0.8)
            ctx.fact(ctx.iri(s), ns.NKGEO.capitalOf, ctx.iri(o), match.start(), 0.85, "capital")
            ctx.type(ctx.iri(s), ns.NKGEO.City, 0.85, match.start())
    # "the capital of X Province is Y"
    for match in re.finditer(r"\bthe (?:provincial )?capital of (?:the )?" + M + r" (?:is|was|remains|has been) (?:now )?" + M, masked):
        o, s = match.group(1), match.group(2)
        if ctx.is_a(o, ns.NKGEO.AdministrativeArea) and ctx.is_settlement(s):
            ctx.fact(ctx.iri(s), ns.NKGEO.capitalOf, ctx.iri(o), match.start(), 0.85, "capital")
    # a field of a report: "Capital: Haeju"
    field = re.match(r"^(?:[-*•] )?(?:[Pp]rovincial )?[Cc]apital(?: city)?: ⟪(\d+)⟫", masked)
    if field and ctx.sentence.province and ctx.is_settlement(field.group(1)):
        ctx.fact(ctx.iri(field.group(1)), ns.NKGEO.capitalOf, ctx.sentence.province, 0, 0.8, "capital-field")
        ctx.type(ctx.iri(field.group(1)), ns.NKGEO.City, 0.8)
    # "once the provincial seat", "the provincial capital": of the province the text is on
    province = ctx.sentence.province
    provincial = r"(?P<past>\b(?:once|formerly|former|previously|was once|used to be) )?(?:the )?provincial (?:capital|seat)\b(?! of)"
    for match in re.finditer(provincial, masked, re.I):
        for s in ctx.subjects_at(match.start()):
            if province and ctx.is_settlement(s) and ctx.iri(s) != province:
                predicate = ns.NKGEO.formerCapitalOf if match.group("past") else ns.NKGEO.capitalOf
                ctx.fact(ctx.iri(s), predicate, province, match.start(), 0.75, "provincial-capital")


def _explicit_subject(ctx: Context, pos: int) -> int | None:
    """The mention just before a predicate: "X is ...", "X, the ...", "makes X the ..."."""
    before = ctx.masked[:pos]
    match = re.search(
        M + r"(?:,| (?:is|was|remains|serves as|served as|became|becomes|is now|acts as|functions as)(?: also| still| now| often)?) (?:also |still )?$", before
    )
    if match:
        return int(match.group(1))
    match = re.search(r"\bmak(?:es|ing|e) " + M + r" $", before)
    if match:
        return int(match.group(1))
    match = re.search(M + r",? (?:which|that) (?:itself )?$", before)
    if match:
        return int(match.group(1))
    return None


def rule_metro(ctx: Context) -> None:
    pattern = (
        r"\b(?:part of|in|within|belongs to|included in|counted in) (?:the )?(?:greater )?(?:"
        + M
        + r"(?:'s)? metro(?:politan)? area|metro(?:politan)? area of "
        + M
        + r")"
    )
    for match in re.finditer(pattern, ctx.masked, re.I):
        o = match.group(1) or match.group(2)
        s = _explicit_subject_loose(ctx, match.start())
        if s is not None and ctx.is_a(o, ns.NKGEO.Settlement) and ctx.iri(s) != ctx.iri(o):
            ctx.fact(ctx.iri(s), ns.NKGEO.inMetropolitanAreaOf, ctx.iri(o), match.start(), 0.85, "metro")


def _explicit_subject_loose(ctx: Context, pos: int) -> int | None:
    explicit = _explicit_subject(ctx, pos)
    return explicit if explicit is not None else ctx.subject()


def rule_rank(ctx: Context) -> None:
    masked = ctx.masked
    pattern = (
        r"(?<!one of )(?<!among )\bthe (?:(?P<ord>" + ORD + r")[- ])?" + LARGEST + r"(?: (?P<noun>city|town|urban (?:area|centre|center)|settlement))?"
        r" (?:in|of|on|within) (?:the )?" + M + r"(?: after " + M + r"(?:(?:,| and|, and) " + M + r")?)?"
    )
    for match in re.finditer(pattern, masked, re.I):
        scope = match.group(3)
        if not ctx.is_place(scope):
            continue
        s = _explicit_subject_loose(ctx, match.start())
        previous = _previous_rank_subject(ctx, match.start())
        if previous is not None:
            s = previous
        if s is None or ctx.m(s).kind == "direction" or ctx.iri(s) == ctx.iri(scope):
            continue
        rank = lexicon.ORDINALS.get((match.group("ord") or "first").lower(), 1)
        emit_rank(ctx, ctx.iri(s), rank, scope, match.start())
        if match.group("noun"):
            ctx.type(ctx.iri(s), ns.NKGEO.City, 0.85, match.start())
        if ctx.is_country(scope) or ctx.is_a(scope, ns.NKGEO.Province):
            ctx.place_fact(ctx.iri(s), scope, match.start(), 0.85, "rank-in")
        elif ctx.m(scope).kind == "direction":
            ctx.place_fact(ctx.iri(s), scope, match.start(), 0.85, "rank-in")
        before = [g for g in (match.group(4), match.group(5)) if g]
        for k, i in enumerate(before):
            earlier = rank - len(before) + k
            if earlier >= 1 and ctx.is_settlement(i):
                emit_rank(ctx, ctx.iri(i), earlier, scope, match.start())
                ctx.type(ctx.iri(i), ns.NKGEO.City, 0.8, match.start())
    for match in re.finditer(M + r"'s (?:(?P<ord>" + ORD + r")[- ])?" + LARGEST + r" (?:city|town)", masked, re.I):
        scope = match.group(1)
        if not ctx.is_place(scope):
            continue
        before = re.search(M + r", $", masked[: match.start()])
        s = int(before.group(1)) if before else ctx.subject_at(match.start())
        if s is None or ctx.iri(s) == ctx.iri(scope):
            continue
        rank = lexicon.ORDINALS.get((match.group("ord") or "first").lower(), 1)
        emit_rank(ctx, ctx.iri(s), rank, scope, match.start())
        ctx.type(ctx.iri(s), ns.NKGEO.City, 0.85, match.start())
        if ctx.is_country(scope):
            ctx.place_fact(ctx.iri(s), scope, match.start(), 0.85, "rank-in")
    _rank_in_the_province(ctx)


def _rank_in_the_province(ctx: Context) -> None:
    """ "X, the second-largest town, ...": with no scope of its own, the rank is within the province the
    text is about, when the gazetteer puts X in it."""
    province = ctx.sentence.province
    if not province:
        return
    for match in re.finditer(r"\bthe (?:(?P<ord>" + ORD + r")[- ])?" + LARGEST + r" (?:city|town|settlement)\b(?! (?:in|of|on|within|after)\b)", ctx.masked):
        for s in ctx.subjects_at(match.start()):
            iri = ctx.iri(s)
            if iri and ctx.is_settlement(s) and province in ctx.state.gaz.located_in.get(iri, set()):
                emit_rank(ctx, iri, lexicon.ORDINALS.get((match.group("ord") or "first").lower(), 1), province, match.start(), 0.75)


def _previous_rank_subject(ctx: Context, pos: int) -> int | None:
    """In "X is the second-largest city in Y and the largest on Z", the second rank is X's too."""
    before = ctx.masked[:pos]
    match = re.search(M + r" (?:is|was|remains) the [^;]*? and $", before)
    return int(match.group(1)) if match else None


def emit_rank(ctx: Context, s: str | None, rank: int, scope_index, pos: int, confidence: float = 0.85, form: str | None = None) -> None:
    """``s`` ranks ``rank`` by population in the scope; ``form`` is the list numbering that says it, if
    no sentence does."""
    scope = scope_index if isinstance(scope_index, str) and scope_index.startswith("http") else ctx.iri(scope_index)
    if not s or not scope or rank < 1:
        return
    node = ctx.state.ranking(s, rank, scope)
    ctx.fact(s, ns.NKGEO.populationRank, node, pos, confidence, "rank", form=form)
    ctx.fact(node, RDF_TYPE, ns.NKGEO.PopulationRanking, pos, confidence, "rank", form=form)
    ctx.fact(node, ns.NKGEO.rank, Lit(str(rank), ns.XSD.positiveInteger), pos, confidence, "rank", form=form)
    ctx.fact(node, ns.NKGEO.rankScope, scope, pos, confidence, "rank", form=form)
    ctx.describe_region(scope, pos)


# ---------------------------------------------------------------------------------------------
# Population figures
# ---------------------------------------------------------------------------------------------

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)? million|\d{5,})"


def to_number(text: str) -> int:
    text = text.strip().lower()
    if text.endswith("million"):
        return int(round(float(text.split()[0]) * 1_000_000))
    return int(text.replace(",", ""))


def rule_population(ctx: Context) -> None:
    masked = ctx.masked
    pattern = (
        r"\bpopulation(?: of| at| is| was| stands at| stood at| ranging| estimated at| numbers|"
        r" totals| totalling| totaling| reaching| reached| around| about| near|"
        r" between| from| some| roughly| approximately| nearly| over| of about| of around| of some| close to|\s)*?\s?(?P<a>"
        + NUMBER
        + r")(?:\s?(?:to|and|-)\s?(?P<b>"
        + NUMBER
        + r"))?"
    )
    found = list(re.finditer(pattern, masked, re.I))
    people = (
        r"\b(?:home to|houses|housed|has|have|had|having|with|of|counts|numbers|numbered|holds|held|is|was|to)"
        r"(?: (?:about|around|some|roughly|approximately|nearly|over|more than|fewer than|less than|at least|an estimated|almost|close to|just over|"
        r"just under|well over|perhaps))? (?P<a>"
        + NUMBER
        + r")(?:\s?(?:to|-)\s?(?P<b>"
        + NUMBER
        + r"))? (?:people|residents|inhabitants|citizens|souls|persons)"
    )
    found += list(re.finditer(people, masked, re.I))
    living = (
        r"(?:(?:about|around|some|roughly|approximately|nearly|over|more than|an estimated|almost) )?(?P<a>"
        + NUMBER
        + r")(?:\s?(?:to|-)\s?(?P<b>"
        + NUMBER
        + r"))? (?:people|residents|inhabitants) (?:live|lived|reside|resided|are living|were living) (?:in|there)"
    )
    found += list(re.finditer(living, masked, re.I))
    # a list or a table: "1. ⟪0⟫: 273,300", "⟪0⟫ (2008): about 307,000"
    listed = (
        r"^(?:(?:[-*•]|\d{1,3}[.)]) )?⟪\d+⟫(?: \([^)⟪]{1,30}\))?[:\t] ?(?:(?:about|around|some|roughly|approximately|c\.|nearly|over) )?(?P<a>"
        + NUMBER + r")(?P<b>)(?!\s?(?:square|sq|km|kilometres|kilometers|hectares|metres|meters|tonnes|tons|per ?cent|%|m\b))"
    )
    found += list(re.finditer(listed, masked))
    for match in found:
        s = _population_subject(ctx, match.start())
        if s is None or not ctx.is_settlement(s) and not ctx.is_a(s, ns.NKGEO.AdministrativeArea):
            continue
        low = to_number(match.group("a"))
        high = to_number(match.group("b")) if match.group("b") else None
        if low < 100 or (high is not None and high < low):
            continue
        window_start = max(0, match.start() - 80)
        cues = [c.group(0).lower() for c in lexicon.APPROXIMATE.finditer(masked, window_start, match.end())]
        hedges = [w for w in certainty.read(masked, match.start()).words if not w.startswith("negated")]
        qualifier = "; ".join(dict.fromkeys(hedges + (["approximate"] if cues else [])))
        year = re.search(r"\b(?:in|as of|by) (?:the )?(19\d\d|20\d\d)\b(?! to| and|-)|\b(19\d\d|20\d\d) census\b", masked)
        node = ctx.state.estimate(ctx.iri(s), low, high)
        conf = 0.85
        ctx.fact(ctx.iri(s), ns.NKGEO.populationEstimate, node, match.start(), conf, "population")
        ctx.fact(node, RDF_TYPE, ns.NKGEO.PopulationEstimate, match.start(), conf, "population")
        if high is not None and high != low:
            ctx.fact(node, ns.NKGEO.estimateKind, ns.NKGEO.RangeEstimate, match.start(), conf, "population")
            ctx.fact(node, ns.NKGEO.minValue, Lit(str(low), ns.XSD.integer), match.start(), conf, "population")
            ctx.fact(node, ns.NKGEO.maxValue, Lit(str(high), ns.XSD.integer), match.start(), conf, "population")
        else:
            ctx.fact(node, ns.NKGEO.estimateKind, ns.NKGEO.PointEstimate, match.start(), conf, "population")
            ctx.fact(node, ns.NKGEO.populationValue, Lit(str(low), ns.XSD.integer), match.start(), conf, "population")
        ctx.fact(node, ns.DCTERMS.source, ctx.state.document_iri, match.start(), conf, "population")
        if qualifier:
            ctx.fact(node, ns.NKGEO.qualifier, Lit(qualifier), match.start(), conf, "population")
        if year:
            ctx.fact(node, ns.NKGEO.referenceYear, Lit(year.group(1) or year.group(2), ns.XSD.gYear), match.start(), conf, "population")


def _population_subject(ctx: Context, pos: int) -> int | None:
    before = ctx.masked[:pos]
    match = re.search(M + r"(?:'s| has| had| with| of)(?: (?:a|an|the|total|estimated|current|urban|city|recorded))* $", before)
    if match and not (" with" in match.group(0) and clauses.governed(before[: match.start()])):
        return int(match.group(1))  # not "a county of ⟪1⟫ with 50,000 people": the county's people
    after = re.match(r"(?:[^.;⟪]*?) (?:live|lived|reside|resided|are living|were living) in " + M, ctx.masked[pos:])
    if after:
        return int(after.group(1))
    return ctx.subject_at(pos)


# ---------------------------------------------------------------------------------------------
# Industries
# ---------------------------------------------------------------------------------------------


def rule_industry(ctx: Context) -> None:
    """An industry a sentence says a place has: its words (lexicon.INDUSTRY_PHRASES, and the concepts'
    own labels) where the sentence speaks of industry, each for the subject of its clause."""
    masked = ctx.masked
    lowered = masked.lower()
    cued = lexicon.INDUSTRY_CUES.search(masked) or re.search(r"\bzones?\b", lowered)
    found: dict[str, int] = {}
    for phrase, concept in ctx.state.industries.items():
        if (
            not cued
            and phrase not in lexicon.INDUSTRY_SELF
            and not re.search(r"(?<![\w-])" + re.escape(phrase) + r" (?:town|city|port|village|community|centre|center|hub|region)\b", lowered)
        ):
            continue
        for match in re.finditer(r"(?<![\w])" + re.escape(phrase) + r"(?![\w-])", lowered):  # "coal-mining" is mining
            found.setdefault(concept, match.start())
    if re.search(r"(?<![\w-])trade(?![\w-])", lowered) and lexicon.PORT_WORDS.search(lowered) and ns.ID_NS + "trade-and-logistics" not in found:
        found.setdefault(ns.ID_NS + "maritime-trade", lowered.index("trade"))
    for concept, pos in sorted(found.items(), key=lambda item: item[1]):
        owner = re.match(r"[\w-]+(?: [\w-]+){0,2}? (?:(?:town|city|port|village|centre|center|hub|region) )?of (?:the )?" + M, lowered[pos:])
        indefinite = re.search(r"\b(?:a|an|another|one)(?: [\w-]+){0,2} $", lowered[:pos])  # "a coal-mining city of X": X has the city, not the mines
        if owner and not indefinite and ctx.is_a(owner.group(1), ns.NKGEO.Settlement, ns.NKGEO.AdministrativeArea, ns.NKGEO.SpecialZone):
            # "the steelworks of X", "the mining town of X": X's, not the clause subject's
            if not ctx.is_country(owner.group(1)):
                ctx.fact(ctx.iri(owner.group(1)), ns.NKGEO.hasIndustry, concept, pos, 0.75, "industry-of")
            continue
        for s in ctx.subjects_at(pos):
            if ctx.is_settlement(s) or ctx.is_a(s, ns.NKGEO.AdministrativeArea, ns.NKGEO.SpecialZone):
                for iri in ctx.subject_iris(s):
                    ctx.fact(iri, ns.NKGEO.hasIndustry, concept, pos, 0.8, "industry")


# ---------------------------------------------------------------------------------------------
# Names: nicknames, former names, namesakes
# ---------------------------------------------------------------------------------------------


def rule_nickname(ctx: Context) -> None:
    pattern = r"\b(?:nicknamed|known as|referred to as|called|dubbed|styled|hailed as|billed as)(?: the)? \"(?P<lit>[^\"]{2,60})\""
    for match in re.finditer(pattern, ctx.masked, re.I):
        s = _explicit_subject_loose(ctx, match.start())
        if s is None:
            continue
        literal = ctx.unmask(match.group("lit")).strip()
        ctx.fact(ctx.iri(s), ns.NKGEO.nickname, Lit(literal, lang="en"), match.start(), 0.85, "nickname")


_PAST_TIME = (
    r"\b(?i:in|during|under) the (?:⟪\d+⟫|[A-Z][\w'-]*)(?: [A-Z][\w'-]*)? (?:period|era|dynasty|kingdom|times|years|rule)\b"
    r"|\b(?i:under) (?:⟪\d+⟫|[A-Z]\w+) rule\b|\b(?i:until|before|till|up to) (?:1[5-9]\d\d|20[0-2]\d)\b|\b(?i:in) (?:ancient|medieval|colonial) times\b"
    r"|\b(?i:at) (?:that|the) time\b|\b(?i:under|during) the ⟪\d+⟫"  # "under the Joseon dynasty", "during the Korean War"
)


def rule_former_name(ctx: Context) -> None:
    masked = ctx.masked
    name = r"(?P<old>⟪\d+⟫|[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)"
    patterns = (
        r"\b(?:formerly|previously|originally|once|earlier) (?:known as|called|named) (?:the )?" + name,
        r"\b(?:was|were|had been) (?:renamed|changed) from " + name,
        r"\(formerly " + name + r"\)",
        r", formerly " + name + r",",
    )
    # "In the Koryo period the town was known as Kwiju", "it was called X until 1950": a name it had then
    if re.search(_PAST_TIME, masked):
        patterns += (r"\b(?:was|were) (?:then |still |long )?(?:known as|called|named) (?:the )?" + name,)
    for pattern in patterns:
        for match in re.finditer(pattern, masked):
            s = _explicit_subject_loose(ctx, match.start())
            if s is None or ctx.m(s).kind == "direction":
                continue
            old = ctx.unmask(match.group("old")).strip()
            if old.lower() == ctx.label(s).lower():
                continue
            s_iri = ctx.iri(s)
            ctx.fact(s_iri, ns.NKGEO.formerName, Lit(old, lang="en"), match.start(), 0.85, "former-name")
            renaming = ctx.state.renaming(s_iri, old)
            ctx.fact(s_iri, ns.NKGEO.affectedBy, renaming, match.start(), 0.8, "former-name")
            ctx.fact(renaming, RDF_TYPE, ns.NKGEO.Renaming, match.start(), 0.8, "former-name")
            ctx.fact(renaming, ns.NKGEO.renamedPlace, s_iri, match.start(), 0.8, "former-name")
            ctx.fact(renaming, ns.NKGEO.oldName, Lit(old), match.start(), 0.8, "former-name")
            ctx.fact(renaming, ns.NKGEO.newName, Lit(ctx.label(s)), match.start(), 0.8, "former-name")
            _renaming_time(ctx, renaming, match.start())


def _renaming_time(ctx: Context, renaming: str, pos: int) -> None:
    masked = ctx.masked
    for match in re.finditer(r"\brenamed(?: as [^,.;]+?| to [^,.;]+?)? (?:after|following) (?:the )?" + M, masked):
        if ctx.is_a(match.group(1), ns.NKGEO.HistoricalEvent):
            ctx.fact(renaming, ns.NKGEO.after, ctx.iri(match.group(1)), match.start(), 0.8, "renaming-time")
    year = re.search(r"\brenamed(?: as [^,.;]+?| to [^,.;]+?)? in (\d{4})\b", masked)
    if year:
        ctx.fact(renaming, ns.NKGEO.startYear, Lit(year.group(1), ns.XSD.gYear), year.start(), 0.8, "renaming-time")
        ctx.fact(renaming, ns.NKGEO.endYear, Lit(year.group(1), ns.XSD.gYear), year.start(), 0.8, "renaming-time")


def rule_named_after(ctx: Context) -> None:
    pattern = r"\bnamed (?:after|for|in honou?r of) (?:(?P<det>an?|the) (?P<np>(?:[A-Za-z][\w-]* ){0,3}?[a-z][\w-]*)(?=[,.;]| and| who| which|$)|" + M + r")"
    for match in re.finditer(pattern, ctx.masked):
        s = _explicit_subject_loose(ctx, match.start())
        if s is None:
            continue
        s_iri = ctx.iri(s)
        target = match.group(3)
        if target is not None:
            if ctx.is_a(target, ns.NKGEO.HistoricalEvent):
                continue
            if ctx.m(target).kind == "name":
                ctx.promote(target, ns.NKGEO.Person, 0.7)
            ctx.fact(s_iri, ns.NKGEO.namedAfter, ctx.iri(target), match.start(), 0.8, "named-after")
            if ctx.is_a(target, ns.NKGEO.Person):
                ctx.type(ctx.iri(target), ns.NKGEO.Person, 0.75, match.start())
        else:
            person = ctx.state.namesake(s_iri, f"{match.group('det')} {match.group('np')}")
            ctx.fact(s_iri, ns.NKGEO.namedAfter, person, match.start(), 0.75, "named-after")
            ctx.fact(person, RDF_TYPE, ns.NKGEO.Person, match.start(), 0.75, "named-after")


# ---------------------------------------------------------------------------------------------
# Events: founding, destruction, reconstruction, disasters, migration, development
# ---------------------------------------------------------------------------------------------


def years_of(text: str) -> tuple[str, str, str] | None:
    """(start year, end year, label) of "the 1990s", "1991", "the 1960s and 1970s", "1950-1953"."""
    match = re.search(r"\b(?P<a>1[5-9]\d0|20[0-2]0)s(?: and (?:the )?(?P<b>1[5-9]\d0|20[0-2]0)s)?\b", text)
    if match:
        first = match.group("a")
        last = match.group("b") or first
        label = f"{first}s" + (f" and {last}s" if match.group("b") else "")
        return first, str(int(last) + 9), label
    match = re.search(r"\b(1[5-9]\d\d|20[0-2]\d)\s?(?:-|to)\s?(1[5-9]\d\d|20[0-2]\d)\b", text)
    if match:
        return match.group(1), match.group(2), ""
    match = re.search(r"\b(1[5-9]\d\d|20[0-2]\d)\b", text)
    if match:
        return match.group(1), match.group(1), ""
    return None


def _event_years(ctx: Context, event: str, text: str, pos: int, confidence: float) -> None:
    years = years_of(text)
    if not years:
        return
    first, last, label = years
    ctx.fact(event, ns.NKGEO.startYear, Lit(first, ns.XSD.gYear), pos, confidence, "event-time", hedge=False)
    ctx.fact(event, ns.NKGEO.endYear, Lit(last, ns.XSD.gYear), pos, confidence, "event-time", hedge=False)
    if label:
        ctx.fact(event, ns.NKGEO.timeSpanLabel, Lit(label), pos, confidence, "event-time", hedge=False)


def rule_founding(ctx: Context) -> None:
    pattern = (
        r"\b(?:was|were|has been|had been) (?:officially |formally |first )?"
        r"(?:founded|established|set up|created|designated|declared|launched|inaugurated|incorporated)"
        r"(?: as [^,.;]+?)? (?:in|during|around|by) (?:the )?(?P<when>(?:early |mid-|mid |late )?\d{4}s?)"
    )
    for match in re.finditer(pattern, ctx.masked):
        s = _explicit_subject_loose(ctx, match.start())
        if s is None or not (ctx.is_settlement(s) or ctx.is_a(s, ns.NKGEO.SpecialZone, ns.NKGEO.Place)):
            continue
        s_iri = ctx.iri(s)
        zone = ctx.is_a(s, ns.NKGEO.SpecialZone)
        event = ctx.state.event("founding-of", s_iri, ns.NKGEO.ZoneFounding if zone else ns.NKGEO.HistoricalEvent, f"founding of {ctx.label(s)}")
        ctx.fact(s_iri, ns.NKGEO.affectedBy, event, match.start(), 0.8, "founding")
        ctx.fact(event, RDF_TYPE, ns.NKGEO.ZoneFounding if zone else ns.NKGEO.HistoricalEvent, match.start(), 0.8, "founding")
        _event_years(ctx, event, match.group("when"), match.start(), 0.8)


def rule_zone_declared(ctx: Context) -> None:
    """ "The area was declared the Mount Kumgang Tourist Region in 2002": the founding of a named zone."""
    pattern = (
        r"\b(?:was|were|has been|had been) (?:officially |formally )?(?:declared|designated|made|named|proclaimed) (?:as )?(?:an? |the )?"
        + M + r"(?: [^.;⟪]{0,40}?)? (?:in|by) (?:the )?(?P<when>(?:early |mid-|mid |late )?\d{4}s?)"
    )
    for match in re.finditer(pattern, ctx.masked):
        zone = match.group(1)
        if not ctx.is_a(zone, ns.NKGEO.SpecialZone):
            continue
        iri = ctx.iri(zone)
        event = ctx.state.event("founding-of", iri, ns.NKGEO.ZoneFounding, f"founding of the {ctx.label(zone)}")
        ctx.fact(iri, ns.NKGEO.affectedBy, event, match.start(), 0.8, "zone-declared")
        ctx.fact(event, RDF_TYPE, ns.NKGEO.ZoneFounding, match.start(), 0.8, "zone-declared")
        _event_years(ctx, event, match.group("when"), match.start(), 0.8)


def _war_in(ctx: Context) -> str | None:
    for i, mention in enumerate(ctx.mentions):
        if mention.iri and ctx.is_a(i, ns.NKGEO.War):
            return mention.iri
    return None


def rule_destruction(ctx: Context) -> None:
    """ "X was destroyed during the war", "X was later rebuilt with the help of Y", "the rebuilding of X":
    the place must be what was destroyed or rebuilt, the grammatical subject of the passive (or the
    object of "rebuilding of"), not a noun before it ("parts of the city have been reconstructed")."""
    masked = ctx.masked
    war = _war_in(ctx)
    destroyed = re.search(
        r"\b(?:was|were|had been|been|being)(?: (?:almost|nearly|largely|partly|partially|heavily|badly|completely|entirely|totally|mostly|virtually|all but))*"
        r" (?:destroyed|razed|devastated|flattened|levell?ed|obliterated|bombed)\b",
        masked,
    )
    if destroyed and war:
        for s in _passive_subjects(ctx, destroyed.start()):
            ctx.fact(ctx.iri(s), ns.NKGEO.destroyedIn, war, destroyed.start(), 0.8, "destroyed")
    rebuilt = re.search(
        r"\b(?:was|were|has been|had been|have been|is being|was being|being)(?: (?:later|soon|largely|completely|entirely|quickly|partly|then|since))* "
        r"(?:rebuilt|reconstructed)\b|\b(?:rebuilt|reconstructed)\b(?= with| after| in the| by| from)",
        masked,
    )
    places = _passive_subjects(ctx, rebuilt.start()) if rebuilt else []
    of = re.search(r"\b(?:rebuilding|reconstruction|rebuilt) of (?:the )?" + M, masked)
    if of and ctx.is_settlement(of.group(1)):
        rebuilt, places = of, [int(of.group(1))]
    for s in places:
        place = ctx.iri(s)
        event = ctx.state.event("reconstruction-of", place, ns.NKGEO.Reconstruction, f"reconstruction of {ctx.label(s)}")
        ctx.fact(event, RDF_TYPE, ns.NKGEO.Reconstruction, rebuilt.start(), 0.75, "rebuilt")
        ctx.fact(event, ns.NKGEO.rebuiltPlace, place, rebuilt.start(), 0.75, "rebuilt")
        tail = masked[rebuilt.start() :]
        helper = re.search(
            r"\bwith (?:the )?(?:help|aid|assistance|support) (?:of|from) (?:the )?" + M + r"|\bwith " + M + r" (?:help|aid|assistance|support)\b", tail
        )
        if helper:
            ctx.fact(event, ns.NKGEO.rebuiltWithHelpOf, ctx.iri(helper.group(1) or helper.group(2)), rebuilt.start(), 0.75, "rebuilt")
        if war and (destroyed or re.search(r"\bafter (?:the )?" + M, masked)):
            ctx.fact(event, ns.NKGEO.after, war, rebuilt.start(), 0.7, "rebuilt")
        if re.search(r"\b(?:in|during) the \d{4}s\b|\bin \d{4}\b", tail):
            _event_years(ctx, event, tail, rebuilt.start(), 0.7)


def _passive_subjects(ctx: Context, pos: int) -> list[int]:
    """The settlements a passive verb at ``pos`` is said of: the mention just before the verb (not the
    object of a preposition), or, after "and"/"but" with no subject of its own, the clause's subject."""
    before = ctx.masked[:pos].rstrip()
    named = re.search(M + r"(?: (?:later|itself|also|then|too|soon))?$", before)
    if named:
        whole = re.search(
            r"\b(?:much|most|all|nearly all|almost all|the whole|the bulk|the greater part|large parts|a large part|most parts|the centre|the center)"
            r" of (?:the )?$",
            ctx.masked[: named.start()],
            re.I,
        )
        if clauses.governed(ctx.masked[: named.start()]) and not whole:
            return []  # "parts of the city have been ...": the parts, not the city ("much of X" is X)
        candidates = [int(named.group(1))]
    elif re.search(r"(?:^|\b(?:and|but)|,)(?: (?:later|then|soon|since|subsequently))?$", before):
        candidates = ctx.subjects_at(pos)
    else:
        return []  # a noun of its own is the subject: "the bridges were bombed"
    return [s for s in candidates if ctx.is_settlement(s)]


DISASTERS = {"flood": ns.NKGEO.Flood, "floods": ns.NKGEO.Flood, "flooding": ns.NKGEO.Flood, "famine": ns.NKGEO.Famine, "famines": ns.NKGEO.Famine}


def rule_disasters(ctx: Context) -> None:
    masked = ctx.masked
    cue = re.search(
        r"\b(?:led to|leading to|caused|causing|hit|struck|affected|devastated|ravaged|killed|damaged|swept|afflicted|suffered|suffering|endured"
        r"|struggled|struggling|recovered|survived|since)\b",
        masked,
    )
    if not cue:
        return
    places = [int(g.group(1)) for g in re.finditer(r"\b(?:including|notably|especially|such as|in|hit|struck|affected|devastated|ravaged) " + M, masked)]
    places = [i for i in places if ctx.is_settlement(i)]
    if not places and ctx.subject() is not None and ctx.is_settlement(ctx.subject()):
        places = [ctx.subject()]
    years = years_of(masked)
    for i, mention in enumerate(ctx.mentions):  # a flood or famine the graph already knows by name
        if mention.iri and ctx.is_a(i, ns.NKGEO.Flood, ns.NKGEO.Famine):
            for place in places:
                ctx.fact(ctx.iri(place), ns.NKGEO.affectedBy, mention.iri, mention.start, 0.75, "disaster")
    for match in re.finditer(r"\b(floods?|flooding|famines?)\b", masked, re.I):
        cls = DISASTERS[match.group(1).lower()]
        noun = "floods" if cls.endswith("Flood") else "famine"
        for i in places:
            place = ctx.iri(i)
            key = f"{years[2]}-{noun}" if years and years[2] else f"{noun}-in-{place.rsplit('/', 1)[-1]}"
            label = f"{noun} of the {years[2]}" if years and years[2] else f"{noun} in {ctx.label(i)}"
            event = ctx.state.event(key, None, cls, label, anchor=place)
            ctx.fact(place, ns.NKGEO.affectedBy, event, match.start(), 0.75, "disaster")
            ctx.fact(event, RDF_TYPE, cls, match.start(), 0.75, "disaster")
            if years:
                _event_years(ctx, event, masked, match.start(), 0.75)


def rule_migration(ctx: Context) -> None:
    masked = ctx.masked
    patterns = (
        r"\bmigration (?:into|to|towards) " + M,
        r"\b(?:workers|people|migrants|families|settlers|labou?rers|residents)(?: [\w-]+){0,4} (?:moved|migrated|relocated|flocked|poured|streamed) (?:in)?to "
        + M,
    )
    for pattern in patterns:
        for match in re.finditer(pattern, masked):
            i = match.group(1)
            if not ctx.is_settlement(i):
                continue
            place = ctx.iri(i)
            event = ctx.state.event("migration-into", place, ns.NKGEO.Migration, f"migration into {ctx.label(i)}")
            ctx.fact(place, ns.NKGEO.affectedBy, event, match.start(), 0.7, "migration")
            ctx.fact(event, RDF_TYPE, ns.NKGEO.Migration, match.start(), 0.7, "migration")
            _event_years(ctx, event, masked, match.start(), 0.7)


def rule_development(ctx: Context) -> None:
    masked = ctx.masked
    subject = ctx.subject()
    if subject is None or not ctx.is_settlement(subject):
        return
    place = ctx.iri(subject)
    developed = re.search(
        r"\b(?:was|were|has been|had been) (?:heavily |rapidly |extensively |intensively |greatly )?(?:developed|industriali[sz]ed)(?! into| as)\b", masked
    )
    expansion = re.search(r"\b(?:industrial|urban)(?: and (?:industrial|urban))? (?:expansion|development|boom|growth)\b", masked)
    hit = developed or expansion
    if not hit:
        return
    event = ctx.state.event("development-of", place, ns.NKGEO.Development, f"development of {ctx.label(subject)}")
    ctx.fact(place, ns.NKGEO.affectedBy, event, hit.start(), 0.7, "development")
    ctx.fact(event, RDF_TYPE, ns.NKGEO.Development, hit.start(), 0.7, "development")
    after = re.search(r"\b(?:after|following) (?:the )?" + M, masked)
    if after and ctx.is_a(after.group(1), ns.NKGEO.HistoricalEvent):
        ctx.fact(event, ns.NKGEO.after, ctx.iri(after.group(1)), hit.start(), 0.7, "development")


def rule_affected(ctx: Context) -> None:
    for match in re.finditer(r"\baffected by (?:the )?" + M, ctx.masked):
        s = _explicit_subject_loose(ctx, match.start())
        if s is not None and ctx.is_a(match.group(1), ns.NKGEO.HistoricalEvent):
            ctx.fact(ctx.iri(s), ns.NKGEO.affectedBy, ctx.iri(match.group(1)), match.start(), 0.8, "affected-by")


# ---------------------------------------------------------------------------------------------
# What a place has: landmarks, institutions, facilities, ports, zones, headquarters
# ---------------------------------------------------------------------------------------------

HAS = r"\b(?:is home to|was home to|is also home to|houses|housed|hosts|has|have|contains|includes|features|boasts|is the site of|is the seat of)\b"


def _feature_predicate(ctx: Context, index) -> tuple[str, bool] | None:
    """The relation from a place to a thing it has, by the thing's class; (predicate, inverse)."""
    found = ctx.types(index)
    if ns.NKGEO.Organization in found and ns.NKGEO.EducationalInstitution not in found:
        return ns.NKGEO.headquarteredIn, True
    if ns.NKGEO.SpecialZone in found:
        return ns.NKGEO.locatedIn, True
    for cls, predicate in lexicon.FEATURE_RELATION:
        if cls in found:
            return predicate, False
    return None


def rule_features(ctx: Context) -> None:
    masked = ctx.masked
    subject_default = ctx.subject()
    for verb in re.finditer(HAS, masked):
        s = _explicit_subject(ctx, verb.start()) if False else None
        before = re.search(M + r"(?: (?:also|still|now))? $", masked[: verb.start()])
        s = int(before.group(1)) if before else subject_default
        if s is None or not (ctx.is_settlement(s) or ctx.is_a(s, ns.NKGEO.AdministrativeArea)):
            continue
        end = len(masked)
        stop = re.search(r"[;]|, (?:which|where|who)\b|\. ", masked[verb.end() :])
        if stop:
            end = verb.end() + stop.start()
        for i in ctx.mentions_in(verb.end(), end):
            _feature_fact(ctx, s, i, verb.end())
        _unnamed_features(ctx, s, masked[verb.end() : end], verb.end())
    pattern = (
        r"\b(?:relics|monuments|landmarks|sites|attractions|temples|statues)\b"
        r"[^.;]*?(?:such as|including|like|notably)(?P<list>(?:,? (?:and )?(?:the )?(?:[a-z]+ )?" + M + r"(?: [a-z]+)?)+)"
    )
    for match in re.finditer(pattern, masked, re.I):
        if subject_default is None or not ctx.is_settlement(subject_default):
            continue
        for i in ctx.mentions_in(match.start("list"), match.end("list")):
            _feature_fact(ctx, subject_default, i, match.start(), landmark=True)
    for match in re.finditer(
        r"\bheadquarters of (?:the )?(?:"
        + M
        + r"'s )?(?P<np>(?:[a-z][\w-]* ){0,3}(?:navy|army|party|company|committee|ministry|agency|association|fleet|corporation|union|federation|command))\b",
        masked,
    ):
        s = ctx.subject()
        if s is None or not ctx.is_settlement(s):
            continue
        owner = match.group(1)
        owner_label = ctx.label(owner) if owner else (ctx.state.label(ctx.state.country) if ctx.state.country else "")
        label = f"{match.group('np')} of {owner_label}" if owner_label else match.group("np")
        org = ctx.state.mint(label, ns.NKGEO.Organization)
        ctx.fact(org, ns.NKGEO.headquarteredIn, ctx.iri(s), match.start(), 0.75, "headquarters")
        ctx.fact(org, RDF_TYPE, ns.NKGEO.Organization, match.start(), 0.75, "headquarters")
    for match in re.finditer(r"\bheadquarters of (?:the )?" + M, masked):
        s = ctx.subject()
        if s is not None and ctx.is_settlement(s) and ctx.is_a(match.group(1), ns.NKGEO.Organization):
            ctx.fact(ctx.iri(match.group(1)), ns.NKGEO.headquarteredIn, ctx.iri(s), match.start(), 0.75, "headquarters")
    _named_landmarks(ctx)
    _features_in_passing(ctx)
    _zones(ctx)
    _ports(ctx)


def rule_sights(ctx: Context) -> None:
    """ "Its great sight is Chongsokjong", "the main attractions are X and Y": landmarks of the place."""
    pattern = (
        r"(?:" + M + r"(?:'s)?|\bthe (?:town|city)'s) (?:great |main |chief |best-known |famous |finest |principal |top )?"
        r"(?:sight|sights|attraction|attractions|landmark|landmarks) (?:is|are|include|includes) (?:the )?" + M
        + r"(?P<more>(?:(?:,| and|, and) (?:the )?⟪\d+⟫)*)"
    )
    for match in re.finditer(pattern, ctx.masked):
        owner = match.group(1)
        owner = int(owner) if owner is not None else ctx.subject_at(match.start())
        if owner is None or not ctx.is_settlement(owner):
            continue
        for i in [int(match.group(2))] + ctx.mentions_in(match.start("more"), match.end("more")):
            mention = ctx.m(i)
            if mention.kind in ("name", "known") and not ctx.is_settlement(i):
                if mention.kind == "name" or not mention.head_class and not ctx.types(i) - {ns.NKGEO.Place}:
                    ctx.promote(i, ns.NKGEO.Landmark, 0.7)
                _feature_fact(ctx, owner, i, match.start(), landmark=True)


def _features_in_passing(ctx: Context) -> None:
    """An unnamed feature a place owns ("its airport", "the city's history museum") or one that is the
    subject of a clause about the place ("..., while an airfield built for the air force occupies ...")."""
    masked = ctx.masked
    nouns = "|".join(re.escape(n) for n in sorted(lexicon.FEATURE_NOUNS, key=len, reverse=True))
    for match in re.finditer(M + r"(?:'s)? (?P<np>(?:[a-z-]+ ){0,2}?(?:" + nouns + r"))\b", masked):
        owner = ctx.m(match.group(1))
        possessive = masked[match.end(1) : match.end(1) + 2] == "'s" or (owner.kind == "anaphor" and owner.text.lower() == "its")
        if possessive and ctx.is_settlement(match.group(1)):
            _unnamed_features(ctx, int(match.group(1)), "the " + match.group("np"), match.start("np") - 4)
    clause = r"(?:^|, |; |\bwhile |\bwhereas |\band )"
    for match in re.finditer(clause + r"(?P<np>(?:an?|one|a new|two|several) (?:[a-z-]+ ){0,2}?(?:" + nouns + r"))(?: [a-z-]+){0,5}? "
                             r"(?:occupies|occupied|lies|lay|stands|stood|serves|served|opened|operates|operated|handles|handled|sits)\b", masked):
        for s in ctx.subjects_at(match.start("np")):
            if ctx.is_settlement(s):
                _unnamed_features(ctx, s, match.group("np"), match.start("np"))


_LANDMARK_CLASSES = (ns.NKGEO.Landmark, ns.NKGEO.Monument)


def _named_landmarks(ctx: Context) -> None:
    """Landmarks a sentence ties to a place without "has": "X is known for the Y Cave", "pilgrims come
    for the Z Temple" (the place the text is on), "the Z Tomb, near the town of X"."""
    masked = ctx.masked
    for match in re.finditer(r"\b(?:best |well |widely |chiefly |mainly )?(?:known|famous|noted|renowned|celebrated) for (?:the |its )?" + M, masked):
        landmark = match.group(1)
        if ctx.is_a(landmark, *_LANDMARK_CLASSES):
            for s in ctx.subjects_at(match.start()):
                if ctx.is_settlement(s):
                    _feature_fact(ctx, s, int(landmark), match.start(), landmark=True)
    visit = re.search(
        r"\b(?:visitors|tourists|pilgrims|tour groups|travellers|travelers|sightseers|worshippers)\b(?: [a-z]+){0,3}? "
        r"(?:come|comes|came|flock|flocks|go|travel|travels|arrive|head) (?:here |there )?(?:for|to see|to visit|to)\b",
        masked,
    )
    if visit and ctx.sentence.topic and ctx.state.is_settlement_iri(ctx.sentence.topic):
        for i in ctx.mentions_in(visit.end(), len(masked)):
            if ctx.is_a(i, *_LANDMARK_CLASSES) and ctx.m(i).kind in ("known", "name"):
                ctx.fact(ctx.sentence.topic, ns.NKGEO.hasLandmark, ctx.iri(i), visit.start(), 0.7, "visited")
                for cls in ctx.state.classes_for_type_facts(ctx.m(i)):
                    ctx.type(ctx.iri(i), cls, 0.75, visit.start())
    for match in re.finditer(
        M + r",? (?:near|in|at|outside|just outside|close to|above|beside|on the edge of|which serves|serving|serves) "
        r"(?:the (?:town|city|village|county|port) of )?" + M,
        masked,
    ):
        thing, place = int(match.group(1)), int(match.group(2))
        if ctx.is_settlement(place) and not ctx.is_settlement(thing):  # "the Supung Dam at Sakchu", "the tomb, near the town of Anak"
            landmark = ctx.is_a(thing, *_LANDMARK_CLASSES)
            if landmark or ctx.is_a(thing, ns.NKGEO.Facility):
                _feature_fact(ctx, place, thing, match.start(), landmark=landmark)


def _feature_fact(ctx: Context, s: int, i: int, pos: int, landmark: bool = False) -> None:
    mention = ctx.m(i)
    if mention is None or not mention.iri or mention.kind in ("anaphor", "direction", "country") or ctx.iri(i) == ctx.iri(s):
        return
    if ctx.is_a(i, ns.NKGEO.Settlement) and ctx.is_a(s, ns.NKGEO.Settlement, ns.NKGEO.SpecialZone):
        return
    relation = _feature_predicate(ctx, i)
    if landmark and (relation is None or not relation[1]):
        relation = (ns.NKGEO.hasLandmark, False)
    if relation is None:
        return
    predicate, inverse = relation
    if inverse:
        ctx.fact(ctx.iri(i), predicate, ctx.iri(s), pos, 0.8, "feature")
    else:
        ctx.fact(ctx.iri(s), predicate, ctx.iri(i), pos, 0.8, "feature")
    for cls in ctx.state.classes_for_type_facts(mention):
        ctx.type(ctx.iri(i), cls, 0.8, pos)


def _unnamed_features(ctx: Context, s: int, text: str, offset: int) -> None:
    for noun, (cls, predicate) in sorted(lexicon.FEATURE_NOUNS.items()):
        multiword = " " in noun
        det = r"(?:" + lexicon.DETERMINERS + r" )" + ("?" if multiword else "")
        for match in re.finditer(r"(?<![\w-])" + det + r"(?P<adj>(?!" + lexicon.DETERMINERS + r"\b)[a-z]+ )?(?P<noun>" + re.escape(noun) + r")(?![\w-])", text):
            adjective = (match.group("adj") or "").strip()
            if adjective in ("and", "or", "the", "of", "its", "their", "major", "large", "new", "small", "main", "big"):
                adjective = ""
            label = f"{adjective + ' ' if adjective else ''}{noun} of {ctx.label(s)}"
            thing = ctx.state.mint(label, cls)
            ctx.fact(ctx.iri(s), predicate, thing, offset + match.start(), 0.7, "unnamed-feature")
            ctx.fact(thing, RDF_TYPE, cls, offset + match.start(), 0.7, "unnamed-feature")


def _ports(ctx: Context) -> None:
    subject = ctx.subject()
    match = re.search(r"(?<![\w-])(?:port(?: city| area| town| activity| facilities)?|harbou?r|seaport)(?![\w-])", ctx.masked, re.I)
    if match is None or subject is None or not ctx.is_a(subject, ns.NKGEO.Settlement):
        return
    if re.search(r"\b(?:ports? of entry|port of call)\b", ctx.masked, re.I):
        return
    port = ctx.state.mint(f"port of {ctx.label(subject)}", ns.NKGEO.Port)
    before = len(ctx.facts)
    ctx.fact(ctx.iri(subject), ns.NKGEO.hasPort, port, match.start(), 0.75, "port")
    if len(ctx.facts) > before:  # not a port it no longer has
        ctx.fact(port, RDF_TYPE, ns.NKGEO.Port, match.start(), 0.75, "port")


def _zones(ctx: Context) -> None:
    masked = ctx.masked
    subject = ctx.subject()
    # a named zone that starts with the name of a place: "Nampo Special Economic Zone"
    for i, mention in enumerate(ctx.mentions):
        if mention.iri and ctx.is_a(i, ns.NKGEO.SpecialZone) and not ctx.is_a(i, ns.NKGEO.Settlement):
            owner = ctx.state.place_named_in(mention.text)
            if owner and owner != mention.iri:
                ctx.fact(mention.iri, ns.NKGEO.locatedIn, owner, mention.start, 0.75, "zone-of-place")
                for cls in ctx.state.classes_for_type_facts(mention):
                    ctx.type(mention.iri, cls, 0.8, mention.start)
    # an unnamed one: "being developed into a special tourism zone"
    pattern = (
        r"\b(?:developed into|turned into|become|becoming|function as|serve as|designated (?:as )?|plans? (?:for|to create|to build)|declared) (?:an? )"
        r"(?P<np>(?:[Ss]pecial |[Ff]ree )?(?:[Ee]conomic|[Tt]ourism|[Tt]ourist|[Aa]dministrative|[Ii]ndustrial|[Ee]xport|[Tt]rade)"
        r"(?: [Dd]evelopment)? (?:[Zz]one|[Rr]egion|[Cc]omplex|[Pp]ark))\b"
    )
    for match in re.finditer(pattern, masked):
        s = _explicit_subject_loose(ctx, match.start())
        if s is None or not ctx.is_settlement(s):
            continue
        cls = _phrase_class(match.group("np").split()) or ns.NKGEO.SpecialZone
        zone = ctx.state.mint(f"{ctx.label(s)} {match.group('np')}", cls)
        ctx.fact(zone, ns.NKGEO.locatedIn, ctx.iri(s), match.start(), 0.75, "unnamed-zone")
        ctx.fact(zone, RDF_TYPE, cls, match.start(), 0.75, "unnamed-zone")
    _ = subject


# ---------------------------------------------------------------------------------------------
# Issue 10's kinds of statement: conditions, restrictions, trends, comparisons, superlatives (n-ary
# claims) and characteristics, purposes, sources of knowledge (plain statements)
# ---------------------------------------------------------------------------------------------

_YEAR = r"(?:1[89]\d\d|20[0-2]\d)"
_YEARS = re.compile(rf"\b(?:between (?:the )?(?P<a>{_YEAR}) and (?P<b>{_YEAR})|from (?P<c>{_YEAR}) to (?P<d>{_YEAR}))\b", re.I)
STATEMENT_CONFIDENCE = 0.7


def rule_statements(ctx: Context) -> None:
    """The lines of ontology/statements.tsv: a claim about the place its clause is about, in the
    curated graph's shape (a node of the claim's class with its kind, aspect, direction...)."""
    found, aspects = statements.load()
    for statement in found:
        for match in statement.regex.finditer(ctx.masked):
            groups = match.groupdict()
            s = _statement_subject(ctx, match.start(), groups.get("s"))
            if s is None:
                continue
            if statement.claim is None:
                value = ctx.state.concept(statement.value, statement.value_class)
                ctx.fact(s, statement.predicate, value, match.start(), STATEMENT_CONFIDENCE, "statement", status=statement.status, own=match.span())
                continue
            found_aspects = statements.aspects_in(groups["a"], aspects) if statement.aspect == "{A}" else [statement.aspect]
            other = ctx.iri(groups.get("o")) if groups.get("o") else None
            if statement.claim in (ns.NKGEO.Comparison, ns.NKGEO.Superlative) and other in (None, s):
                continue
            for aspect in found_aspects:
                _claim(ctx, s, statement, ctx.state.concept(aspect, ns.NKGEO.Aspect), other, match)


def _statement_subject(ctx: Context, pos: int, explicit: str | None = None) -> str | None:
    """The place the words at ``pos`` are about: the pattern's {S}, the clause's subject, else the
    place the text is on."""
    i = int(explicit) if explicit is not None else ctx.subject_at(pos)
    if i is not None and ctx.is_a(i, ns.NKGEO.Place, *PLACE_LIKE):
        return ctx.iri(i)
    if i is None and ctx.sentence.topic and ctx.state.types_of_iri(ctx.sentence.topic) & PLACE_LIKE:
        return ctx.sentence.topic
    return None


def _claim(ctx: Context, s: str, statement, aspect: str, other: str | None, match) -> None:
    pos, conf, status, own = match.start(), STATEMENT_CONFIDENCE, statement.status, match.span()
    kind = ctx.state.concept(statement.value, statement.value_class)
    part = (kind or statement.direction or "").rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower()
    slug = "-".join(x for x in (s.rsplit("/", 1)[-1], part, aspect.rsplit("/", 1)[-1], other and other.rsplit("/", 1)[-1]) if x)
    label = f"{ctx.label(s)}: {part.replace('-', ' ')} ({ctx.label(aspect)})" + (f", {ctx.label(other)}" if other else "")
    node = ctx.state.claim(slug, label, statement.claim)
    ctx.fact(s, statement.predicate, node, pos, conf, "statement", status=status, own=own)
    ctx.fact(node, RDF_TYPE, statement.claim, pos, conf, "statement", status=status, own=own)
    if kind:
        ctx.fact(node, ns.NKGEO.kind, kind, pos, conf, "statement", status=status, own=own)
    ctx.fact(node, ns.NKGEO.aspect, aspect, pos, conf, "statement", status=status, own=own)
    if statement.direction:
        ctx.fact(node, ns.NKGEO.direction, statement.direction, pos, conf, "statement", status=status, own=own)
    if statement.claim == ns.NKGEO.Comparison:
        ctx.fact(node, ns.NKGEO.comparedWith, other, pos, conf, "statement", status=status, own=own)
    elif statement.claim == ns.NKGEO.Superlative:
        several = bool(re.search(r"\bone of\s*$", ctx.masked[max(0, pos - 12) : pos]))
        ctx.fact(node, ns.NKGEO.withinScope, other, pos, conf, "statement", status=status, own=own)
        ctx.fact(node, ns.NKGEO.oneAmongSeveral, Lit(str(several).lower(), ns.XSD.boolean), pos, conf, "statement", status=status, own=own)
    elif statement.claim == ns.NKGEO.Trend:
        years = _YEARS.search(ctx.masked)
        if years:
            first, last = (years.group("a"), years.group("b")) if years.group("a") else (years.group("c"), years.group("d"))
            ctx.fact(node, ns.NKGEO.startYear, Lit(first, ns.XSD.gYear), pos, conf, "statement", status=status, own=own)
            ctx.fact(node, ns.NKGEO.endYear, Lit(last, ns.XSD.gYear), pos, conf, "statement", status=status, own=own)


TYPING_RULES = (
    rule_alias,
    rule_parenthetical_names,
    rule_name_apposition,
    rule_head_types,
    rule_tributary,
    rule_settlement_nouns,
    rule_copula_class,
    rule_list_types,
    rule_appositive_landmark,
    rule_country_appositions,
    rule_capital_subject,
    rule_namesake,
    rule_persons,
    rule_sights,
    rule_list_items,
    rule_triggers,
    rule_place_after_preposition,
)
RELATION_RULES = (
    rule_anaphor_types,
    rule_located,
    rule_water,
    rule_capital,
    rule_metro,
    rule_rank,
    rule_population,
    rule_industry,
    rule_nickname,
    rule_former_name,
    rule_named_after,
    rule_founding,
    rule_zone_declared,
    rule_destruction,
    rule_disasters,
    rule_migration,
    rule_development,
    rule_affected,
    rule_features,
    rule_statements,
)
