"""Finding an entity or term by any of its names: slug, label, alternative label, prefixed name or IRI.

Names are compared after folding case, accents and punctuation, so ``Hamhung``, ``hamhung`` and
``HAMHUNG`` agree, and a trailing "Province"/"River"/... may be left off. An unknown name gets
the closest known names in its error message. The generic words a name may end with are defined
here once, for this index, the linker (``linked/link.py``) and the extractor's gazetteer.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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

    @classmethod
    def from_dataset(cls, compiled) -> NameIndex:
        by_key: dict[str, dict[str, int]] = {}
        display: dict[str, str] = {}
        shown: dict[str, int] = {}
        iris: set[str] = set()

        def add(key: str, iri: str, weight: int) -> None:
            slot = by_key.setdefault(key, {})
            slot[iri] = max(weight, slot.get(iri, 0))

        for row in compiled.query(_NAME_QUERY):
            iri, name, weight = row["thing"].value, row["name"].value, int(row["weight"].value)
            iris.add(iri)
            # Suggestions show the strongest name of a key: the label "Hamhung", not its variant "Hamhŭng".
            if weight > shown.get(fold(name), 0):
                display[fold(name)], shown[fold(name)] = name, weight
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
        return cls(by_key, iris, display)

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

    def resolve(self, text: str) -> str:
        """The IRI a user means by ``text``; raises UnknownEntityError with suggestions."""
        iri = self.expand(text)
        if iri is not None:
            if iri in self.iris:
                return iri
            raise UnknownEntityError(f"no entity with IRI {ns.compact(iri)} in the graph")
        candidates: dict[str, int] = {}
        for key in name_keys(text):
            for found, weight in self.by_key.get(key, {}).items():
                candidates[found] = max(weight, candidates.get(found, 0))
        if candidates:
            # Prefer the strongest name; among equals our own resources, then the shortest IRI.
            return min(candidates, key=lambda i: (-candidates[i], not i.startswith(ns.ID_NS), len(i), i))
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


def known_slug(compiled, text: str) -> str | None:
    """``id:<text>`` when ``text`` is already an exact slug of the graph: no index needed."""
    import pyoxigraph as ox

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        return None
    iri = ns.ID_NS + text
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

    def __call__(self, text: str) -> str:
        return known_slug(self.compiled, text) or self.index.resolve(text)


def resolve(compiled, text: str, index: NameIndex | None = None) -> str:
    """Resolve one name against a compiled dataset; an exact slug needs no index."""
    return Resolver(compiled, index)(text)
