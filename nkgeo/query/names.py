"""Finding an entity or term by any of its names: slug, label, alternative label, prefixed name or IRI.

Names are compared after folding case, accents and punctuation, so ``Hamhung``, ``hamhung`` and
``HAMHUNG`` agree, and a trailing "Province"/"River"/... may be left off. An unknown name gets
the closest known names in its error message. The generic words a name may end with are defined
here once, for this index, the linker (``linked/link.py``) and the extractor's gazetteer.

A name may be looked up as a name of a kind of thing (a class, such as ``nkgeo:Industry`` for the
``industry`` parameter of a canned query): then only things of that kind are found, and only their
names are suggested, so ``coal`` asked as an industry lists industries, not the coast. A full IRI
or prefixed name is taken as given, whatever its kind (the caller may say so when nothing matches).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import UnknownEntityError

# Generic words that end a name and that people leave off: "South Hamgyong" for "South Hamgyong
# Province", "Rason" for "Rason Special City". Running text leaves off only the first group: a
# user who looks up "yellow" means the Yellow Sea, but a document's "East" is not the East Sea.
SUFFIXES_IN_TEXT = ("special city", "province", "city", "river")
SUFFIXES = SUFFIXES_IN_TEXT + ("sea", "industry", "mountain")


def strip_suffix(words: list[str], suffixes: tuple[str, ...] = SUFFIXES) -> list[str] | None:
    """The words of a name without its generic last word(s) (compared in lower case), or None when
    it has none or is nothing else: ["Yalu", "River"] -> ["Yalu"], ["River"] -> None."""
    lowered = [w.lower() for w in words]
    for suffix in suffixes:
        tail = suffix.split()
        if len(words) > len(tail) and lowered[-len(tail):] == tail:
            return words[: -len(tail)]
    return None


_NAME_QUERY = """
SELECT DISTINCT ?thing ?name ?weight WHERE {
  {
    ?thing rdfs:label|skos:prefLabel ?name . BIND(3 AS ?weight)
  } UNION {
    ?thing skos:altLabel|nkgeo:nickname ?name . BIND(2 AS ?weight)
  } UNION {
    ?thing nkgeo:formerName ?name . BIND(1 AS ?weight)
  }
  FILTER(isIRI(?thing))
}
"""
_TYPES_QUERY = "SELECT DISTINCT ?thing ?type WHERE { ?thing a ?type FILTER(isIRI(?thing) && isIRI(?type)) }"
# A kind with at most this many members is listed whole when no name of it comes close.
LISTED_KINDS = 30


def fold(text: str) -> str:
    """A name reduced to lower-case letters and digits without accents: the matching key."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", "", stripped.casefold())


def name_keys(text: str) -> set[str]:
    """The folded keys a name is found by: the whole name, and the name without a generic suffix."""
    words = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split()
    keys = {fold(text)}
    shorter = strip_suffix(words)
    if shorter:
        keys.add(fold(" ".join(shorter)))
    return {k for k in keys if k}


@dataclass
class NameIndex:
    """Every name of every IRI in the dataset, folded, with how strongly it names its IRI."""

    by_key: dict[str, dict[str, int]]
    iris: set[str]
    display: dict[str, str]
    types: dict[str, set[str]] = field(default_factory=dict)  # IRI -> its classes, inferred ones too
    names: dict[str, str] = field(default_factory=dict)  # IRI -> its strongest name

    @classmethod
    def from_dataset(cls, compiled) -> NameIndex:
        by_key: dict[str, dict[str, int]] = {}
        display: dict[str, str] = {}
        shown: dict[str, int] = {}
        iris: set[str] = set()
        names: dict[str, tuple[int, str]] = {}

        def add(key: str, iri: str, weight: int) -> None:
            slot = by_key.setdefault(key, {})
            slot[iri] = max(weight, slot.get(iri, 0))

        for row in compiled.query(_NAME_QUERY):
            iri, name, weight = row["thing"].value, row["name"].value, int(row["weight"].value)
            iris.add(iri)
            # Suggestions show the strongest name of a key: the label "Hamhung", not its variant "Hamhŭng".
            if weight > shown.get(fold(name), 0):
                display[fold(name)], shown[fold(name)] = name, weight
            if (-weight, name) < names.get(iri, (0, "")):
                names[iri] = (-weight, name)
            for key in name_keys(name):
                add(key, iri, weight)
        for row in compiled.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"):
            iri = row["s"].value
            iris.add(iri)
            for namespace in (ns.ID_NS, ns.NKGEO_NS):
                if iri.startswith(namespace):
                    slug = iri[len(namespace):]
                    display.setdefault(fold(slug), slug)
                    for key in name_keys(slug.replace("-", " ")):
                        add(key, iri, 4)
        types: dict[str, set[str]] = {}
        for row in compiled.query(_TYPES_QUERY):
            types.setdefault(row["thing"].value, set()).add(row["type"].value)
        return cls(by_key, iris, display, types, {iri: name for iri, (_, name) in names.items()})

    def is_a(self, iri: str, kind: str) -> bool:
        return kind in self.types.get(iri, ())

    def kind_name(self, kind: str) -> str:
        """A class in words, as a reader says it: ``industry`` for nkgeo:Industry."""
        return self.names.get(kind) or ns.compact(kind).rpartition(":")[2]

    def expand(self, text: str) -> str | None:
        """A full IRI from ``<iri>``, ``http...`` or a known ``prefix:local`` form, else None;
        UnknownEntityError when the text has such a form but is not an IRI (``<a b>``)."""
        text = text.strip()
        if text.startswith("<") and text.endswith(">"):
            iri = text[1:-1]
        elif re.match(r"^https?://", text):
            iri = text
        else:
            prefix, sep, local = text.partition(":")
            if not (sep and prefix in ns.PREFIXES and " " not in local):
                return None
            iri = ns.PREFIXES[prefix] + local
        if not rdfio.is_iri(iri):
            raise UnknownEntityError(f"{text!r} is not an IRI (an absolute IRI has a scheme, and no spaces, quotes or angle brackets)")
        return iri

    def resolve(self, text: str, expects: str | None = None) -> str:
        """The IRI a user means by ``text``, of the class ``expects`` if given (an IRI or prefixed
        name is taken as given); raises UnknownEntityError with suggestions (of that kind)."""
        iri = self.expand(text)
        if iri is not None:
            if iri in self.iris:
                return iri
            raise UnknownEntityError(f"no entity with IRI {ns.compact(iri)} in the graph")
        candidates: dict[str, int] = {}
        for key in name_keys(text):
            for found, weight in self.by_key.get(key, {}).items():
                candidates[found] = max(weight, candidates.get(found, 0))
        best = lambda found: min(found, key=lambda i: (-found[i], not i.startswith(ns.ID_NS), len(i), i))  # noqa: E731
        if expects is not None:
            of_kind = {i: w for i, w in candidates.items() if self.is_a(i, expects)}
            if of_kind:
                return best(of_kind)
            raise UnknownEntityError(self._unknown_of_kind(text, expects, best(candidates) if candidates else None))
        if candidates:
            # Prefer the strongest name; among equals our own resources, then the shortest IRI.
            return best(candidates)
        raise UnknownEntityError(self._unknown_message(text))

    def resolve_predicate(self, text: str) -> str:
        """A predicate by IRI, prefixed name, label or bare local name (``locatedIn`` -> nkgeo:locatedIn)."""
        if text == "a":
            return ns.RDF.type
        iri = self.expand(text)  # rdf:type, rdfs:label...: predicates need not be subjects of the graph
        if iri is not None:
            return iri
        try:
            return self.resolve(text)
        except UnknownEntityError:
            if re.fullmatch(r"[A-Za-z][\w-]*", text) and ns.NKGEO_NS + text in self.iris:
                return ns.NKGEO_NS + text
            raise UnknownEntityError(f"no property named {text!r}") from None

    def _unknown_message(self, text: str) -> str:
        import difflib

        close = difflib.get_close_matches(fold(text), list(self.by_key), n=3, cutoff=0.6)
        message = f"no entity named {text!r}"
        if close:
            names = ", ".join(self.display.get(key, key) for key in close)
            message += f"; closest: {names}"
        return message

    def _unknown_of_kind(self, text: str, kind: str, other: str | None) -> str:
        """No thing of ``kind`` has the name: say what it names instead, and suggest only names
        of that kind (the closest, or all of them when the kind is small)."""
        import difflib

        noun = self.kind_name(kind)
        message = f"no {noun} named {text!r}"
        if other is not None:
            message += f" ({text!r} is {ns.compact(other)}, not {article(noun)})"
        members = sorted(iri for iri, classes in self.types.items() if kind in classes)
        keys = {key: iri for key, found in self.by_key.items() for iri in found if self.is_a(iri, kind)}
        close = difflib.get_close_matches(fold(text), sorted(keys), n=6, cutoff=0.6)
        suggested = list(dict.fromkeys(self.names.get(keys[key], self.display.get(key, key)) for key in close))[:3]
        if suggested:
            return message + f"; closest {plural(noun)}: {', '.join(suggested)}"
        if members and len(members) <= LISTED_KINDS:
            listed = sorted({self.names.get(iri, ns.compact(iri)) for iri in members}, key=str.casefold)
            return message + f"; the {plural(noun)} are: {', '.join(listed)}"
        return message


def article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def plural(noun: str) -> str:
    """The English plural of a class name (``industry`` -> ``industries``, ``city`` -> ``cities``)."""
    head, _, last = noun.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def known_slug(compiled, text: str, expects: str | None = None) -> str | None:
    """``id:<text>`` when ``text`` is already an exact slug of the graph (of the class ``expects``
    if given): no index needed."""
    import pyoxigraph as ox

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        return None
    iri = ns.ID_NS + text
    if expects is not None:
        return iri if compiled.query("ASK { ?s a ?kind }", substitutions={"s": ox.NamedNode(iri), "kind": ox.NamedNode(expects)}) else None
    return iri if compiled.query("ASK { ?s ?p ?o }", substitutions={"s": ox.NamedNode(iri)}) else None


class Resolver:
    """Names to IRIs over one dataset: an exact slug at once, any other name through the name
    index, built on first need and kept for the next name."""

    def __init__(self, compiled, index: NameIndex | None = None):
        self.compiled = compiled
        self._index = index

    @property
    def index(self) -> NameIndex:
        if self._index is None:
            self._index = NameIndex.from_dataset(self.compiled)
        return self._index

    def __call__(self, text: str, expects: str | None = None) -> str:
        """The IRI ``text`` names, of the class ``expects`` if given (see :meth:`NameIndex.resolve`)."""
        return known_slug(self.compiled, text, expects) or self.index.resolve(text, expects)


def resolve(compiled, text: str, index: NameIndex | None = None) -> str:
    """Resolve one name against a compiled dataset; an exact slug needs no index."""
    return Resolver(compiled, index)(text)
