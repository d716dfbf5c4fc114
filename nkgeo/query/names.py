"""Finding an entity or term by any of its names: slug, label, alternative label, prefixed name or IRI.

Names are compared after folding case, accents and punctuation, so ``Hamhung``, ``hamhung`` and
``HAMHUNG`` agree, and a trailing "Province"/"River"/... may be left off. An unknown name gets
the closest known names in its error message.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from nkgeo import namespaces as ns
from nkgeo.errors import UnknownEntityError

# Words a user may leave off: "South Hamgyong" finds "South Hamgyong Province".
_OPTIONAL_SUFFIXES = ("province", "river", "sea", "city", "industry", "mountain")

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


def _keys(text: str) -> set[str]:
    words = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split()
    keys = {fold(text)}
    if len(words) > 1 and words[-1] in _OPTIONAL_SUFFIXES:
        keys.add(fold(" ".join(words[:-1])))
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
            for key in _keys(name):
                add(key, iri, weight)
        for row in compiled.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"):
            iri = row["s"].value
            iris.add(iri)
            for namespace in (ns.ID_NS, ns.NKGEO_NS):
                if iri.startswith(namespace):
                    slug = iri[len(namespace):]
                    display.setdefault(fold(slug), slug)
                    for key in _keys(slug.replace("-", " ")):
                        add(key, iri, 4)
        return cls(by_key, iris, display)

    def expand(self, text: str) -> str | None:
        """A full IRI from ``<iri>``, ``http...`` or a known ``prefix:local`` form, else None."""
        text = text.strip()
        if text.startswith("<") and text.endswith(">"):
            return text[1:-1]
        if re.match(r"^https?://", text):
            return text
        prefix, sep, local = text.partition(":")
        if sep and prefix in ns.PREFIXES and " " not in local:
            return ns.PREFIXES[prefix] + local
        return None

    def resolve(self, text: str) -> str:
        """The IRI a user means by ``text``; raises UnknownEntityError with suggestions."""
        iri = self.expand(text)
        if iri is not None:
            if iri in self.iris:
                return iri
            raise UnknownEntityError(f"no entity with IRI {ns.compact(iri)} in the graph")
        candidates: dict[str, int] = {}
        for key in _keys(text):
            for found, weight in self.by_key.get(key, {}).items():
                candidates[found] = max(weight, candidates.get(found, 0))
        if candidates:
            # Prefer the strongest name; among equals our own resources, then the shortest IRI.
            return min(candidates, key=lambda i: (-candidates[i], not i.startswith(ns.ID_NS), len(i), i))
        raise UnknownEntityError(self._unknown_message(text))

    def _unknown_message(self, text: str) -> str:
        close = difflib.get_close_matches(fold(text), list(self.by_key), n=3, cutoff=0.6)
        message = f"no entity named {text!r}"
        if close:
            names = ", ".join(self.display.get(key, key) for key in close)
            message += f"; closest: {names}"
        return message


def _known_slug(compiled, text: str) -> str | None:
    """``id:<text>`` when ``text`` is already an exact slug of the graph: the fast path."""
    import pyoxigraph as ox

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", text):
        return None
    iri = ns.ID_NS + text
    return iri if compiled.query("ASK { ?s ?p ?o }", substitutions={"s": ox.NamedNode(iri)}) else None


def resolve(compiled, text: str, index: NameIndex | None = None) -> str:
    """Resolve one name against a compiled dataset; an exact slug needs no index."""
    return _known_slug(compiled, text) or (index or NameIndex.from_dataset(compiled)).resolve(text)
