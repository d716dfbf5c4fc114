"""From a document to candidate facts: two passes over its sentences.

Pass 1 finds the names the document introduces: a capitalised name in a place-like context
("the city of X", "X is a port city", "X River", "the capital of X Province", a numbered heading
under a title such as "The 10 biggest cities in ..."), each typed from its context and given a
fresh IRI, ``id:`` + the slug of its label (reusing an IRI the graph already has). Pass 2 reads
every sentence again knowing those names too, and applies the relation rules
(:mod:`nkgeo.extract.rules`). Nothing depends on dictionaries' order or on time: the same text and
the same graph give the same candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from nkgeo import namespaces as ns
from nkgeo.errors import DocumentError
from nkgeo.extract import lexicon, rules
from nkgeo.extract.document import Document
from nkgeo.extract.gazetteer import Gazetteer, name_variants
from nkgeo.extract.nlp import DEFAULT_MAX_SENTENCE_CHARS, Mention, NameFinder, Sentence, blank_pipeline, sentences_of

EXTRACTOR_VERSION = "2"  # the rules of issue 11 (trigger phrases, clause subjects, coreference)

_DIRECTION = re.compile(
    r"\b(?:the )?(?:(?P<owner>⟪C⟫|[Tt]he (?:country|nation|peninsula)|[A-Z][\w]+(?: [A-Z][\w]+)?)'s )?"
    r"(?P<dir>(?:north|south)-?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|central)"
    r" (?P<kind>coast|coastline|seaboard|side|part|parts|corner|region|area|reaches|tip)"
    r"(?: of (?:the )?(?P<of>country|nation|[Kk]orean [Pp]eninsula|peninsula|[A-Z][\w]+(?: [A-Z][\w]+)?))?"
)
_DIRECTION_OF = re.compile(
    r"\b(?:the )?(?:(?:mountainous|far|remote|rural|industrial|coastal|northern|southern|eastern|western) )?"
    r"(?P<dir>(?:north|south)-?(?:east|west)|north|south|east|west)(?P<kind>)"
    r" of (?:the )?(?P<of>country|nation|[Kk]orean [Pp]eninsula|[A-Z][\w]+(?: [A-Z][\w]+)?)(?P<owner>)"
)
# "in the far north-east": a part of the document's country, named by its direction alone ("to the east" is
# where something lies from something else, not a part of the country).
_DIRECTION_BARE = re.compile(
    r"(?:(?<=\bin )|(?<=\bIn ))the (?:far |extreme |remote |mountainous )?"
    r"(?P<dir>(?:north|south)-?(?:east|west)|north|south|east|west)(?P<kind>)(?P<of>)(?P<owner>)"
    r"(?![\w-])(?! of\b| (?:coast|coastline|side|part|parts|bank|banks|wind|winds|face|slope|slopes|edge|end|shore|corner|region|area)\b)"
)
_ANAPHOR = re.compile(
    r"\b(?:(?P<pron>[Ii]ts?)|(?P<np>[Tt]h(?:e|is) (?:(?!of\b|and\b)[a-z]+ ){0,2}?(?P<noun>city|town|county|area|zone|municipality|port)))\b(?!-)(?! of\b)"
)
_COUNTRY_REF = re.compile(r"\b[Tt]he (?:country|nation)\b")
# "the same province", "the province" (not "the province of X"): the province named last.
_SAME_AREA = re.compile(r"\b[Tt]he (?P<same>same )?province\b(?! of)")
# "the capital" (not "the capital of X", not "the provincial capital"): the capital of the document's country.
_THE_CAPITAL = re.compile(r"(?<!provincial )(?<!county )\b[Tt]he (?:national )?capital\b(?! of| city of)(?!-)")
# "both cities", "the two towns": the last two settlements named.
_BOTH = re.compile(r"\b(?:[Bb]oth|[Tt]he two) (?:cities|towns|places|ports)\b")
_LOWER_HEAD_OK = {
    "academy",
    "university",
    "river",
    "mountain",
    "mountains",
    "temple",
    "palace",
    "pagoda",
    "tomb",
    "tombs",
    "museum",
    "monument",
    "tower",
    "dam",
    "reservoir",
    "sea",
    "bay",
    "dynasty",
    "kingdom",
    "airport",
    "airfield",
    "lagoon",
    "falls",
    "cave",
}
# Lower-case heads that belong to the name they follow ("the Joseon dynasty"), unlike "the Songgyungwan academy".
_HEAD_IN_NAME = {"dynasty", "kingdom", "airport", "airfield", "lagoon", "falls", "cave"}
_LIST_TITLE = re.compile(
    r"\b(?:the )?(?:top )?(?P<n>\d+|ten|five|twenty|fifteen|three|four|six|seven|eight|nine) "
    r"(?:(?:biggest|largest|most populous|most populated|major) )?(?:cities|towns)"
    r"\b.*?\b(?:in|of) (?:the )?⟪(?P<scope>\d+)⟫",
    re.I,
)


@dataclass
class Extraction:
    """What one document yields: facts with evidence, and the new entities they use."""

    document: Document
    document_iri: str
    facts: list[rules.Fact]
    entities: dict[str, tuple[str, tuple[str, ...]]]  # new IRI -> (label, classes)
    sentences: int = 0
    naming: list[tuple[int, int]] = field(default_factory=list)  # spans of the sentences that name a known place


@dataclass
class DocState:
    """What the extractor knows while reading one document."""

    gaz: Gazetteer
    base_types: dict[str, set[str]]
    base_labels: dict[str, str]
    document_iri: str
    stem: str
    country: str | None = None
    local_names: dict[str, str] = field(default_factory=dict)  # name -> IRI
    local_types: dict[str, set[str]] = field(default_factory=dict)
    local_labels: dict[str, str] = field(default_factory=dict)
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)
    minted: dict[str, tuple[str, set[str]]] = field(default_factory=dict)  # descriptive new IRIs
    weak: set[str] = field(default_factory=set)  # places named only after a preposition: not what "the city" means
    lowercase_words: set[str] = field(default_factory=set)  # words the document writes in lower case somewhere

    @property
    def version(self) -> tuple:
        """Changes whenever pass 1 learns something (a name, a type, a region, a minted IRI)."""
        return (len(self.local_names), sum(len(v) for v in self.local_types.values()), len(self.regions), len(self.minted))

    @property
    def industries(self) -> dict[str, str]:
        return self.gaz.industries

    def known(self, iri: str) -> bool:
        return iri in self.gaz.known or iri in self.base_labels

    def label(self, iri: str | None) -> str:
        if not iri:
            return ""
        for table in (self.local_labels, self.base_labels):
            if iri in table:
                return table[iri]
        if iri in self.minted:
            return self.minted[iri][0]
        return iri.rsplit("/", 1)[-1].replace("-", " ")

    def types_of_iri(self, iri: str | None) -> set[str]:
        if not iri:
            return set()
        found = set(self.base_types.get(iri, set())) | self.local_types.get(iri, set())
        if iri in self.regions:
            found |= self.gaz.with_superclasses({self.regions[iri][0]})
        if iri in self.minted:
            found |= self.gaz.with_superclasses(self.minted[iri][1])
        return found

    def types_of_mention(self, mention: Mention) -> set[str]:
        found: set[str] = set()
        for iri in mention.iris:
            found |= self.types_of_iri(iri)
        if mention.head_class and not mention.generic:
            found |= self.gaz.with_superclasses({mention.head_class})
        return found

    def is_settlement_iri(self, iri: str) -> bool:
        return bool(self.types_of_iri(iri) & {ns.NKGEO.Settlement, ns.NKGEO.SpecialZone})

    def containment_predicate(self, target: str) -> str:
        found = self.types_of_iri(target)
        if ns.NKGEO.Coast in found:
            return ns.NKGEO.onCoast
        if ns.NKGEO.Region in found and ns.NKGEO.SpecialZone not in found and ns.NKGEO.MetropolitanArea not in found:
            return ns.NKGEO.inRegion
        return ns.NKGEO.locatedIn

    # -- new names ----------------------------------------------------------------------------
    def promote(self, mention: Mention, cls: str, weak: bool = False) -> None:
        if mention.kind == "name" and weak:
            self.weak.add(ns.ID_NS + lexicon.slug(clean_label(mention.text)))
        elif mention.iri or mention.kind == "name":
            self.weak.discard(mention.iri or ns.ID_NS + lexicon.slug(clean_label(mention.text)))
        if mention.kind == "name":
            label = clean_label(mention.text)
            if not label:
                return
            iri = ns.ID_NS + lexicon.slug(label)
            mention.iris = (iri,)
            mention.kind = "known"
            for variant in name_variants(label):  # "the Chongchon" for the Chongchon River
                self.local_names.setdefault(variant, iri)
            if not self.known(iri):
                self.local_labels.setdefault(iri, label)
        iri = mention.iri
        if iri and not (cls == ns.NKGEO.Settlement and self.is_settlement_iri(iri)):
            self.local_types.setdefault(iri, set()).update(self.gaz.with_superclasses({cls}))
            self.local_types[iri].add(cls)
            self.local_types[iri].add("asserted:" + cls)

    def add_alias(self, alias: str, iri: str) -> None:
        self.local_names.setdefault(clean_label(alias), iri)

    def classes_for_type_facts(self, mention: Mention) -> list[str]:
        out = []
        if mention.head_class and not mention.generic:
            out.append(mention.head_class)
        for iri in mention.iris:
            out += sorted(
                c[len("asserted:") :] for c in self.local_types.get(iri, ()) if c.startswith("asserted:") and not c.endswith(("City", "Settlement", "Town"))
            )
        return sorted(dict.fromkeys(out))

    def place_named_in(self, text: str) -> str | None:
        """The settlement whose name starts ``text`` ("Nampo Special Economic Zone" -> Nampo)."""
        words = text.split()
        for size in range(len(words) - 1, 0, -1):
            name = " ".join(words[:size])
            for table in (self.local_names, {k: next(iter(sorted(v))) for k, v in self.gaz.names.items() if k == name}):
                iri = table.get(name)
                if iri and self.is_settlement_iri(iri):
                    return iri
        return None

    # -- descriptive IRIs ---------------------------------------------------------------------
    def mint(self, label: str, cls: str) -> str:
        """An IRI for a thing the text describes without naming it ("an airport" of Wonsan): the
        graph's own IRI if it has the thing under the same words, else id:<slug of the label>."""
        same = sorted(self.gaz.by_words.get(lexicon.content_words(label), ()))
        if same:
            return same[0]
        iri = ns.ID_NS + lexicon.slug(label)
        if not self.known(iri) and iri not in self.local_labels:
            entry = self.minted.setdefault(iri, (label, set()))
            entry[1].add(cls)
        return iri

    def _slug_of(self, iri: str) -> str:
        return iri.rsplit("/", 1)[-1]

    def ranking(self, s: str, rank: int, scope: str) -> str:
        label = f"{self.label(s)}: rank {rank} by population in {self.label(scope)}"
        return self._node(f"{self._slug_of(s)}-rank-{rank}-{self._slug_of(scope)}", label, ns.NKGEO.PopulationRanking)

    def estimate(self, s: str, low: int, high: int | None) -> str:
        prefix = self.stem.split("_")[0]
        figures = f"{low:,}" + (f" to {high:,}" if high and high != low else "")
        key = f"{self._slug_of(s)}-population-{prefix}-{low}" + (f"-{high}" if high and high != low else "")
        return self._node(key, f"population of {self.label(s)}: {figures} (document {prefix})", ns.NKGEO.PopulationEstimate)

    def renaming(self, s: str, old: str) -> str:
        return self._node(f"renaming-of-{lexicon.slug(old)}", f"renaming of {old} as {self.label(s)}", ns.NKGEO.Renaming)

    def namesake(self, s: str, description: str) -> str:
        return self._node(f"namesake-of-{self._slug_of(s)}", f"namesake of {self.label(s)} ({description})", ns.NKGEO.Person)

    def event(self, key: str, place: str | None, cls: str, label: str, anchor: str | None = None) -> str:
        """An event's IRI: the graph's own if it knows an event of this class at this place."""
        known = self.gaz.events.get((cls, place or anchor or ""))
        if known:
            return known
        slug = f"{key}-{self._slug_of(place)}" if place else key
        return self._node(slug, label, cls)

    def claim(self, slug: str, label: str, cls: str) -> str:
        """The node of an n-ary claim (a condition, a trend...) of this document."""
        return self._node(slug, label, cls)

    def concept(self, iri: str | None, cls: str | None) -> str | None:
        """A concept of the data files (a kind, an aspect...); one the graph lacks is proposed, with its
        slug as label and ``cls`` as class, in the candidates' gazetteer graph."""
        if iri and cls and not self.known(iri):
            self.minted.setdefault(iri, (self._slug_of(iri).replace("-", " "), set()))[1].add(cls)
        return iri

    def _node(self, slug: str, label: str, cls: str) -> str:
        iri = ns.ID_NS + lexicon.slug(slug)
        if not self.known(iri):
            entry = self.minted.setdefault(iri, (label, set()))
            entry[1].add(cls)
        return iri


@dataclass
class Focus:
    """What the sentences being read are about: the section's topic ("it", "the city"), the place the
    text is on, a ranked list's scope, a heading still to be matched, the province named last ("the
    same province") and the settlements named, newest last ("both cities")."""

    topic: str | None = None
    current: str | None = None
    list_scope: str | None = None
    pending: str | None = None
    province: str | None = None
    recent: list[str] = field(default_factory=list)
    main_province: str | None = None  # the province the title names: "the province"
    item: str | None = None  # the place the list item being read starts with
    item_start: int | None = None
    section: str = ""  # the heading the text is under

    def key(self) -> tuple:
        return (self.topic, self.current, self.list_scope, self.pending, self.province, tuple(self.recent), self.main_province, self.item,
                self.item_start, self.section)

    def copy(self) -> Focus:
        return replace(self, recent=list(self.recent))

    def referent(self, noun: str, state: DocState) -> str | None:
        """What "the city" or "the town" stands for: the place the text is on, unless the text has called
        it the other kind; then the last place named that it has not."""
        kind, other = (ns.NKGEO.City, ns.NKGEO.Town) if noun == "city" else (ns.NKGEO.Town, ns.NKGEO.City)
        current = self.current or self.topic
        if current and state.is_settlement_iri(current) and other in state.local_types.get(current, set()):
            for iri in reversed(self.recent):  # "the city", after a place the text called a town: a city it named
                if iri != current and kind in state.types_of_iri(iri):
                    return iri
        return current if current and state.is_settlement_iri(current) else None

    def saw(self, mentions: list[Mention], state: DocState) -> None:
        for mention in mentions:
            if mention.kind != "known" or not mention.iri or mention.iri in state.weak:
                continue
            if ns.NKGEO.Province in state.types_of_iri(mention.iri):
                self.province = mention.iri
            elif state.is_settlement_iri(mention.iri):
                if mention.iri in self.recent:
                    self.recent.remove(mention.iri)
                self.recent.append(mention.iri)
        del self.recent[:-5]


def clean_label(text: str) -> str:
    text = " ".join(lexicon.normalise_quotes(text).split())
    text = re.sub(r"^(?:the|a|an) ", "", text, flags=re.I)
    return text.strip(" ,.;:")


class Extractor:
    """Reads documents against one gazetteer; build once, extract many."""

    def __init__(self, gazetteer: Gazetteer, max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS):
        if max_sentence_chars < 20:
            raise DocumentError(f"--max-sentence-chars must be at least 20, not {max_sentence_chars}")
        self.gaz = gazetteer
        self.max_sentence_chars = max_sentence_chars
        names: dict[str, set[str]] = {k: set(v) for k, v in gazetteer.names.items()}
        self.base_types: dict[str, set[str]] = {k: set(v) for k, v in gazetteer.types.items()}
        self.base_labels: dict[str, str] = dict(gazetteer.labels)
        self.lexicon_countries: dict[str, str] = {}
        known_countries = {label: iri for iri, label in gazetteer.countries().items()}
        for label, demonyms, others in lexicon.COUNTRIES:
            iri = known_countries.get(label) or ns.ID_NS + lexicon.slug(label)
            if iri not in gazetteer.known:
                self.lexicon_countries[iri] = label
                self.base_labels.setdefault(iri, label)
                self.base_types[iri] = gazetteer.with_superclasses({ns.NKGEO.Country}) | {ns.NKGEO.Country}
            for name in (label, *demonyms, *others):
                names.setdefault(name, set()).add(iri)
        self.finder = NameFinder(names)
        self.romanised = gazetteer.romanised
        self.demonyms = {d.lower() for _label, demonyms, _others in lexicon.COUNTRIES for d in demonyms}

    def extract(self, document: Document) -> Extraction:
        stem = document.stem
        doc_iri = ns.DOC_NS + stem
        state = DocState(self.gaz, self.base_types, self.base_labels, doc_iri, stem)
        if document.is_blank:
            return Extraction(document, doc_iri, [], {}, 0)
        sentences = sentences_of(document.text, self.max_sentence_chars)
        state.lowercase_words = set(re.findall(r"\b[a-z][a-z'-]*\b", document.text))
        self._read(sentences, state, promoting=True, local=None)
        local = NameFinder({name: {iri} for name, iri in state.local_names.items()}) if state.local_names else None
        facts = self._read(sentences, state, promoting=False, local=local)
        naming = [(s.start, s.end) for s in sentences if any(m.kind == "known" and state.types_of_mention(m) & rules.PLACE_LIKE for m in s.mentions)]
        facts = sorted(set(facts), key=lambda f: (f.start, f.s, f.p, str(f.o), -f.confidence, f.qualifier or "", f.rule))
        facts = _without_entailed(_most_specific_types(_one_settlement_kind(facts), self.gaz))
        facts = _known_agents_only(facts, state)
        used = {f.s for f in facts} | {f.o for f in facts if isinstance(f.o, str)}
        entities: dict[str, tuple[str, tuple[str, ...]]] = {}
        stated: dict[str, set[str]] = {}
        for fact in facts:
            if fact.p == rules.RDF_TYPE and fact.confidence >= 0.5:
                stated.setdefault(fact.s, set()).add(fact.o)
        for iri in sorted(used):
            if not iri.startswith(ns.ID_NS) or state.known(iri) and iri not in self.lexicon_countries:
                continue
            label, classes = self._describe_new(iri, state)
            classes = _most_specific(set(classes) | stated.get(iri, set()), self.gaz)
            if label:
                entities[iri] = (label, classes)
        return Extraction(document, doc_iri, facts, entities, len(sentences), naming)

    def _describe_new(self, iri: str, state: DocState) -> tuple[str, tuple[str, ...]]:
        if iri in self.lexicon_countries:
            return self.lexicon_countries[iri], (ns.NKGEO.Country,)
        if iri in state.regions:
            return state.local_labels.get(iri, ""), (state.regions[iri][0],)
        if iri in state.minted:
            label, classes = state.minted[iri]
            return label, tuple(sorted(classes))
        if iri in state.local_labels:
            asserted = sorted(c[len("asserted:") :] for c in state.local_types.get(iri, ()) if c.startswith("asserted:"))
            if ns.NKGEO.Settlement in asserted and len(asserted) > 1:
                asserted.remove(ns.NKGEO.Settlement)
            return state.local_labels[iri], tuple(asserted or [ns.NKGEO.Place])
        return "", ()

    # -- one pass over the document -----------------------------------------------------------
    def _read(self, sentences: list[Sentence], state: DocState, promoting: bool, local) -> list[rules.Fact]:
        """One pass. A sentence read before with the same focus and the same knowledge gives the same
        facts: it is not read again (500 KB of one repeated sentence costs one sentence)."""
        facts: list[rules.Fact] = []
        focus = Focus()
        seen: dict[tuple, tuple[list[rules.Fact], Focus]] = {}
        for index, sentence in enumerate(sentences):
            key = (sentence.text, sentence.block.heading, sentence.block.number, index == 0, focus.key(), state.version)
            if key in seen:
                found, after = seen[key]
                facts += [replace(f, start=sentence.start, end=sentence.end) for f in found]
                focus = after.copy()
                continue
            found = self._sentence(index, sentence, state, promoting, local, focus)
            seen[key] = (found, focus.copy())
            facts += found
        if promoting:
            state.country = _document_country(sentences, state, self.gaz)
        return facts

    def _sentence(self, index: int, sentence: Sentence, state: DocState, promoting: bool, local, focus: Focus) -> list[rules.Fact]:
        """Read one sentence (or heading) and move the focus on; returns its facts."""
        sentence.mentions = self._mentions(sentence, state, local, focus)
        bare = _bare_name(sentence) if sentence.block.heading and sentence.block.number is None else None
        if not promoting:  # a name no rule took up in pass 1 is just capitalised text
            sentence.mentions = [m for m in sentence.mentions if m.kind != "name"]
        _mask(sentence)
        block = sentence.block
        if block.heading:
            return self._heading(index, sentence, state, promoting, focus, bare)
        sentence.subject = rules.find_subject(sentence)
        self._list_item(sentence, focus, state)
        _possessives_of_subject(sentence, state)
        sentence.topic = focus.current or focus.topic
        sentence.province = focus.main_province or focus.province
        sentence.section = focus.section
        ctx = rules.Context(sentence, state, promoting)
        if focus.pending is not None:
            subject = sentence.subject
            mention = sentence.mentions[subject] if subject is not None else None
            if mention is not None and mention.kind in ("name", "known") and mention.text.startswith(focus.pending):
                if mention.kind == "name":
                    ctx.promote(subject, mention.head_class or ns.NKGEO.Settlement, 0.6)
                if mention.iri:
                    focus.topic = focus.current = mention.iri
            focus.pending = None
        if not sentence.text.rstrip().endswith("?"):  # a question asserts nothing
            for rule in rules.TYPING_RULES:
                rule(ctx)
            if not promoting:
                for rule in rules.RELATION_RULES:
                    rule(ctx)
        subject = sentence.subject
        if subject is not None:
            mention = sentence.mentions[subject]
            if mention.kind not in ("anaphor", "direction") and mention.iri and state.is_settlement_iri(mention.iri):
                focus.current = mention.iri
        focus.saw(sentence.mentions, state)
        return ctx.facts if not promoting else []

    def _list_item(self, sentence: Sentence, focus: Focus, state: DocState) -> None:
        """A list item is about the place it starts with ("1. Haeju: 273,300. Provincial capital and
        seaport."): a later sentence of the item without a subject of its own is about that place."""
        block = sentence.block
        if not block.item:
            return
        if focus.item_start != block.start:
            focus.item_start, focus.item = block.start, None
            first = re.match(r"^(?:[-*•]|\d{1,3}[.)])\s+⟪(\d+)⟫", sentence.masked)
            mention = sentence.mentions[int(first.group(1))] if first else None
            if mention is not None and mention.kind == "known" and mention.iri and state.is_settlement_iri(mention.iri):
                focus.item = focus.current = mention.iri
                sentence.subject = int(first.group(1))
            return
        if sentence.subject is None and focus.item:
            sentence.mentions.insert(0, Mention(0, 0, "", "anaphor", (focus.item,), extra={"noun": "item"}))
            _mask(sentence)
            sentence.subject = 0

    def _heading(self, index: int, sentence: Sentence, state: DocState, promoting: bool, focus: Focus, bare: str | None) -> list[rules.Fact]:
        """A title or a heading: it sets what the section is about (and, in a ranked list, the rank)."""
        block = sentence.block
        facts: list[rules.Fact] = []
        if index == 0:
            match = _LIST_TITLE.search(sentence.masked)
            if match and sentence.mentions[int(match.group("scope"))].iri:
                focus.list_scope = sentence.mentions[int(match.group("scope"))].iri
            focus.topic = _first_place(sentence, state) or focus.topic
            focus.current = focus.topic
            focus.saw(sentence.mentions, state)
            focus.main_province = focus.province
            if focus.topic is None:  # a text about a province: "its coast", "it borders"
                focus.topic = focus.main_province
            return facts
        focus.pending = bare
        focus.section = sentence.text
        heading_topic = _first_place(sentence, state, allow_names=block.number is not None and focus.list_scope is not None)
        if block.number is not None and focus.list_scope and heading_topic is None:
            heading_topic = _heading_name(sentence)
        if isinstance(heading_topic, int):
            ctx = rules.Context(sentence, state, promoting)
            ctx.promote(heading_topic, ns.NKGEO.City, 0.85)
            heading_topic = sentence.mentions[heading_topic].iri
        if heading_topic:
            focus.topic = focus.current = heading_topic
            if block.number is not None and focus.list_scope and not promoting:
                ctx = rules.Context(sentence, state, promoting)
                rules.emit_rank(ctx, heading_topic, block.number, focus.list_scope, 0, 0.8, form=ns.NKGEO.ListNumbering)
                ctx.type(heading_topic, ns.NKGEO.City, 0.8)
                facts += ctx.facts
        focus.saw(sentence.mentions, state)
        return facts

    def _mentions(self, sentence: Sentence, state: DocState, local, focus: Focus) -> list[Mention]:
        text = sentence.text
        topic = focus.current or focus.topic
        doc = blank_pipeline().make_doc(text)
        taken: list[Mention] = []

        def free(start: int, end: int) -> bool:
            return all(end <= m.start or start >= m.end for m in taken)

        for pattern in (_DIRECTION, _DIRECTION_OF, _DIRECTION_BARE):
            for match in pattern.finditer(text):
                if not free(match.start(), match.end()):
                    continue
                mention = self._direction(match, state, doc)
                if mention:
                    taken.append(mention)
        runs = [r for r in (_split_run(doc, s, e) for s, e in self.finder.capitalised_runs(doc)) for r in r]
        known = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), iris, "known") for s, e, iris, _n in self.finder.phrase_matches(doc)]
        if local is not None:
            known += [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text), iris, "known") for s, e, iris, _n in local.phrase_matches(doc)]
        name_mentions = [_name_mention(doc, text, s, e) for s, e in runs]
        name_mentions = [m for m in name_mentions if m is not None and not _fronted_participle(m, text) and not _common_opening(m, state)]
        for mention in sorted(name_mentions, key=lambda m: (-(m.end - m.start), m.start)):
            if mention.head_class and not mention.generic and free(mention.start, mention.end):
                inner = [k for k in known if k[0] >= mention.start and k[1] <= mention.end]
                exact = [k for k in inner if k[0] == mention.start and k[1] == mention.end]
                if inner and not exact:
                    taken.append(mention)
        known = _settlement_or_other(known, text, state)
        for start, end, iris, kind in sorted(known, key=lambda k: (-(k[1] - k[0]), k[0])):
            if free(start, end):
                mention = Mention(start, end, text[start:end], kind, tuple(iris), head_class=_head_class_of_text(text[start:end]))
                if mention.text.lower() in self.demonyms:  # "Chinese": an adjective, never a clause's subject
                    mention.extra["adjective"] = True
                taken.append(mention)
        for mention in sorted(name_mentions, key=lambda m: (-(m.end - m.start), m.start)):
            if not free(mention.start, mention.end):
                continue
            iris = self.romanised.get(lexicon.romanisation_key(mention.text))
            if iris and mention.kind == "name":
                mention = Mention(mention.start, mention.end, mention.text, "known", tuple(sorted(iris)), head_class=mention.head_class)
            taken.append(mention)
        for match in _COUNTRY_REF.finditer(text):
            if state.country and free(match.start(), match.end()):
                taken.append(Mention(match.start(), match.end(), match.group(0), "country", (state.country,)))
        capital = self.gaz.capital_of_country(state.country) if state.country else None
        for match in _THE_CAPITAL.finditer(text):
            if capital and free(match.start(), match.end()):
                taken.append(Mention(match.start(), match.end(), match.group(0), "anaphor", (capital,), extra={"noun": "capital"}))
        for match in _SAME_AREA.finditer(text):
            province = focus.province if match.group("same") else focus.main_province or focus.province
            if province and free(match.start(), match.end()):
                taken.append(Mention(match.start(), match.end(), match.group(0), "anaphor", (province,), extra={"noun": "province"}))
        for match in _BOTH.finditer(text):
            if len(focus.recent) >= 2 and free(match.start(), match.end()):
                plural = match.group(0).split()[-1].lower()
                taken.append(Mention(match.start(), match.end(), match.group(0), "anaphor", tuple(focus.recent[-2:]), extra={"noun": "both", "of": plural}))
        for match in _ANAPHOR.finditer(text):
            if free(match.start(), match.end()):
                noun = (match.group("noun") or "").lower()
                if noun == "port":
                    continue
                earlier = [m for m in taken if m.kind == "known" and m.end <= match.start() and m.iri and state.is_settlement_iri(m.iri)]
                if earlier:  # "Much of Hamhung was destroyed, and the city was later rebuilt"
                    referent = max(earlier, key=lambda m: m.end).iri
                else:
                    referent = focus.referent(noun, state) if noun in ("city", "town") else topic
                if referent:
                    taken.append(Mention(match.start(), match.end(), match.group(0), "anaphor", (referent,), extra={"noun": noun}))
        return sorted(taken, key=lambda m: m.start)

    def _direction(self, match, state: DocState, doc) -> Mention | None:
        country = None
        for group in ("owner", "of"):
            text = match.group(group)
            if not text:
                continue
            if re.fullmatch(r"(?:[Tt]he )?(?:country|nation|peninsula|[Kk]orean [Pp]eninsula)", text):
                country = state.country
            else:
                iris = self.finder_lookup(text)
                country = next((i for i in iris if ns.NKGEO.Country in state.types_of_iri(i)), None)
                if country is None:
                    return None
        country = country or state.country
        if not country:
            return None
        direction = lexicon.DIRECTIONS.get(match.group("dir").lower())
        if not direction:
            return None
        kind = match.group("kind").lower() or "part"
        sentence_text = doc.text.lower()
        coastal = kind in ("coast", "coastline", "seaboard") or (kind == "side" and ("coast" in sentence_text))
        iris: list[str] = []
        country_label = state.label(country)
        country_slug = country.rsplit("/", 1)[-1]
        if coastal:
            side = direction.split("-")[-1]
            coast = ns.ID_NS + f"{side}-coast-of-{country_slug}"
            iris.append(coast)
            self._region(state, coast, f"{side} coast of {country_label}", ns.NKGEO.Coast, country)
        if "-" in direction or not coastal:
            adjective = lexicon.DIRECTION_ADJECTIVES[direction]
            region = ns.ID_NS + f"{adjective}-{country_slug}"
            iris.append(region)
            self._region(state, region, f"{direction} of {country_label}", ns.NKGEO.Region, country)
        return Mention(match.start(), match.end(), match.group(0), "direction", tuple(iris))

    def finder_lookup(self, text: str) -> set[str]:
        doc = blank_pipeline().make_doc(text)
        found: set[str] = set()
        for s, e, iris, _n in self.finder.phrase_matches(doc):
            if s == 0 and e == len(doc):
                found |= set(iris)
        return found

    def _region(self, state: DocState, iri: str, label: str, cls: str, country: str) -> None:
        state.regions.setdefault(iri, (cls, country))
        if not state.known(iri):
            state.local_labels.setdefault(iri, label)


def _known_agents_only(facts: list[rules.Fact], state: DocState) -> list[rules.Fact]:
    """Attribution to agents the graph knows only: ``nkgeo merge`` carries the names of the entities
    a document's triples use, not of the agents of their evidence, so an unknown agent would leave an
    unnamed attribution (the cue's words stay in the qualifier)."""
    return [f if not f.reading.agent or state.known(f.reading.agent) else replace(f, reading=replace(f.reading, agent=None)) for f in facts]


def _most_specific(classes: set[str], gaz: Gazetteer) -> tuple[str, ...]:
    """Leave out a class when a more specific one is there (Settlement under City, Place under all)."""
    keep = {c for c in classes if not any(c != other and c in gaz.superclasses.get(other, ()) for other in classes)}
    return tuple(sorted(keep))


def _mask(sentence: Sentence) -> None:
    parts = []
    position = 0
    for i, mention in enumerate(sentence.mentions):
        parts.append(sentence.text[position : mention.start])
        parts.append(f"⟪{i}⟫" if mention.end > mention.start else f"⟪{i}⟫ ")  # an implied subject: "⟪0⟫ Provincial capital ..."
        position = mention.end
    parts.append(sentence.text[position:])
    sentence.masked = "".join(parts)


def _split_run(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a capitalised run where its connectors do not join one name (see nkgeo.extract.lexicon)."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    i = start
    while i < end:
        token = doc[i].text
        lower = token.lower()
        cut = False
        if token in ("'s",):
            cut = not (i + 1 == end - 1 and doc[end - 1].text.lower() in lexicon.NAME_HEADS)
        elif token == "'":
            cut = not (i > start and doc[i - 1].text.endswith("s") and i + 1 < end)
        elif lower == "of":
            cut = not (i > start and doc[i - 1].text.lower() in lexicon.OF_HEADS)
        elif lower == "the":
            cut = not (i > start and doc[i - 1].text.lower() == "of")
        elif token == "-":
            cut = doc[i - 1].whitespace_ != "" or doc[i].whitespace_ != "" or i + 1 >= end
        if cut:
            pieces.append((piece_start, i))
            piece_start = i + 1
        i += 1
    pieces.append((piece_start, end))
    out = []
    for s, e in pieces:
        while s < e and (doc[s].text.lower() in lexicon.stop_words() or not doc[s].text[:1].isupper() or (e - s > 1 and lexicon.is_title(doc[s].text))):
            s += 1
        while e > s and not doc[e - 1].text[:1].isupper() and not (e - s >= 3 and doc[e - 2].text == "-") and not _numbered_tail(doc, s, e):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _settlement_or_other(known: list[tuple], text: str, state: DocState) -> list[tuple]:
    """Where two names of the gazetteer and the document cover the same words ("Tumen": the river, and a
    city the document names), "the city of Tumen" means the settlement and anything else the other."""
    by_span: dict[tuple[int, int], list[tuple]] = {}
    for item in known:
        by_span.setdefault((item[0], item[1]), []).append(item)
    out = []
    for (start, end), items in by_span.items():
        if len(items) > 1:
            settled = [i for i in items if any(state.is_settlement_iri(iri) for iri in i[2])]
            others = [i for i in items if i not in settled]
            if settled and others:
                as_settlement = re.search(r"\b(?:city|town|village|port) of (?:the )?$", text[:start]) or re.match(r" (?:city|town)\b", text[end:])
                items = settled if as_settlement else others
        out += items
    return out


def _common_opening(mention: Mention, state: DocState) -> bool:
    """ "Tour groups from China ...": a word that opens a sentence and that the same text writes in lower
    case elsewhere ("tours") is a word of English, not a name."""
    if mention.start != 0 or " " in mention.text or mention.head_class:
        return False
    lower = mention.text.lower()
    return bool({lower, lower + "s", lower + "es", lower.removesuffix("s")} & state.lowercase_words)


_FRONTED = re.compile(
    r"^\w+ (?:on|in|at|by|along|between|among|near|beside|across|under|over|into|from|within|inside|around|amid|atop|upon|high|deep|far)\b[^,]*, "
)


def _fronted_participle(mention: Mention, text: str) -> bool:
    """ "Set on the Yalu River, Manpo ...": the first word is a participle opening the sentence, not a name."""
    return mention.start == 0 and " " not in mention.text and not mention.head_class and bool(_FRONTED.match(text))


def _numbered_tail(doc, s: int, e: int) -> bool:
    """Whether ``doc[s:e]`` ends with "No. 3" (a numbered name: "Anak Tomb No. 3")."""
    return e - s >= 3 and doc[e - 1].text.isdigit() and (doc[e - 2].text in ("No.", "No") or (doc[e - 2].text == "." and doc[e - 3].text == "No"))


def _head_class_of_words(words: list[str]) -> str | None:
    while len(words) > 1 and (words[-1].isdigit() or words[-1] in (".", "No", "No.")):  # "Anak Tomb No. 3"
        words = words[:-1]
    lowered = [w.lower() for w in words]
    for phrase, cls in lexicon.PHRASE_HEADS:
        if len(lowered) > len(phrase) - 1 and tuple(lowered[-len(phrase) :]) == phrase:
            return cls
    if len(lowered) > 1 and lowered[0] in lexicon.NAME_PREFIXES:
        return lexicon.NAME_PREFIXES[lowered[0]]
    if "of" in lowered:
        before = lowered[: lowered.index("of")]
        if before and before[-1] in lexicon.NAME_HEADS and before[-1] in lexicon.OF_HEADS:
            return lexicon.NAME_HEADS[before[-1]]
    if len(lowered) > 1 and lowered[-1] in lexicon.NAME_HEADS:
        return lexicon.NAME_HEADS[lowered[-1]]
    return None


def _head_class_of_text(text: str) -> str | None:
    return _head_class_of_words(re.findall(r"[\w']+", text))


def _name_mention(doc, text: str, start: int, end: int) -> Mention | None:
    words = [t.text for t in doc[start:end]]
    head = _head_class_of_words(words)
    if head is None and end < len(doc) and doc[end].text.lower() in _LOWER_HEAD_OK:
        head = lexicon.NAME_HEADS[doc[end].text.lower()]
        while end - start > 1 and doc[end - 1].text.lower() in lexicon.NAME_ADJECTIVES:
            end -= 1
        if doc[end].text.lower() in _HEAD_IN_NAME:  # "the Joseon dynasty", "Kalma airport": the head is part of the name
            end += 1
    if head is None and all(lexicon.is_common_word(w) for w in words):
        return None
    char_start = doc[start].idx
    char_end = doc[end - 1].idx + len(doc[end - 1].text)
    before = text[:char_start].lower()
    generic = bool(re.search(r"\b(?:a|an|another|any|each|every|one)\s+$", before))
    return Mention(char_start, char_end, text[char_start:char_end], "name", (), head_class=head, generic=generic)


def _first_place(sentence: Sentence, state: DocState, allow_names: bool = False):
    """The first settlement (or zone) a heading or title names: an IRI, or a mention index to promote."""
    for mention in sentence.mentions:
        if mention.kind == "known" and mention.iri and state.is_settlement_iri(mention.iri):
            return mention.iri
    if allow_names:
        for i, mention in enumerate(sentence.mentions):
            if mention.kind == "name" and not mention.head_class:
                return i
    return None


def _bare_name(sentence: Sentence) -> str | None:
    """The text of a heading that is nothing but one name ("Sariwon", "Kimhyongjik")."""
    if len(sentence.mentions) == 1 and sentence.mentions[0].kind in ("name", "known"):
        mention = sentence.mentions[0]
        if sentence.text.strip(" .:") == mention.text:
            return mention.text
    return None


def _heading_name(sentence: Sentence) -> int | None:
    for i, mention in enumerate(sentence.mentions):
        if mention.kind in ("name", "known") and not mention.head_class:
            return i
    return None


def _possessives_of_subject(sentence: Sentence, state: DocState) -> None:
    """ "Ullyul ships its ore": a pronoun after a named subject that is a settlement is that settlement's."""
    subject = sentence.mentions[sentence.subject] if sentence.subject is not None else None
    if subject is None or subject.kind != "known" or not subject.iri or not state.is_settlement_iri(subject.iri):
        return
    for mention in sentence.mentions:
        if mention.kind == "anaphor" and mention.start > subject.start and mention.text.lower() in ("its", "it"):
            mention.iris = (subject.iri,)


_SETTLEMENT_KINDS = {ns.NKGEO.City, ns.NKGEO.Town}


def _one_settlement_kind(facts: list[rules.Fact]) -> list[rules.Fact]:
    """A place a text calls both a city and a town ("the city ... the town") is what its strongest
    statement says ("X is a city" before "the town"); ties keep both."""
    best: dict[str, rules.Fact] = {}
    for fact in facts:  # in document order: on a tie, the first word the text uses
        if fact.p == rules.RDF_TYPE and fact.o in _SETTLEMENT_KINDS and (fact.s not in best or fact.confidence > best[fact.s].confidence):
            best[fact.s] = fact
    return [f for f in facts if not (f.p == rules.RDF_TYPE and f.o in _SETTLEMENT_KINDS and f.o != best[f.s].o)]


def _without_entailed(facts: list[rules.Fact]) -> list[rules.Fact]:
    """Leave out "X locatedIn Y" where the document also says X is Y's capital (capitalOf is a kind of
    locatedIn: the graph states the stronger one, as the curated graph does)."""
    capitals = {(f.s, f.o) for f in facts if f.p == ns.NKGEO.capitalOf and f.confidence >= 0.5}
    return [f for f in facts if not (f.p == ns.NKGEO.locatedIn and (f.s, f.o) in capitals)]


def _most_specific_types(facts: list[rules.Fact], gaz: Gazetteer) -> list[rules.Fact]:
    """Leave out a type whose subclass the document also gives the same thing (Landmark beside Monument)."""
    stated: dict[str, set[str]] = {}
    for fact in facts:
        if fact.p == rules.RDF_TYPE and fact.confidence >= 0.5:
            stated.setdefault(fact.s, set()).add(fact.o)
    return [
        f for f in facts
        if not (f.p == rules.RDF_TYPE and any(f.o != other and f.o in gaz.superclasses.get(other, ()) for other in stated.get(f.s, ())))
    ]


def _document_country(sentences: list[Sentence], state: DocState, gaz: Gazetteer) -> str | None:
    """The country "the country" means: the one the title names, else the country of the first place
    the text names whose country the gazetteer knows."""
    if sentences and sentences[0].block.heading:
        for mention in sentences[0].mentions:
            if mention.iri and ns.NKGEO.Country in state.types_of_iri(mention.iri):
                return mention.iri
    for sentence in sentences:
        for mention in sentence.mentions:
            country = gaz.country_of(mention.iri) if mention.kind == "known" and mention.iri else None
            if country:
                return country
    return None
