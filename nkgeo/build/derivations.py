"""How each inferred triple follows: ``derivations.bin`` (terms, rule and premises as ids) and the
descriptions of the blank nodes it mentions, written by a build and read lazily by ``nkgeo why``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import SourceError

DERIVATIONS_MAGIC = b"NKGEODV1"


def blank_labels(engine) -> dict[str, str]:
    """A description of each blank node the derivations mention (anonymous class expressions)."""
    from nkgeo.build.engine import BLANK, LITERAL, describe, short_name

    terms, kinds, ids = engine.terms, engine.kinds, engine.ids
    blank = {t for t in range(len(terms)) if kinds[t] == BLANK}
    used = set()
    if blank:
        for column in (engine.S[engine.asserted:], engine.O[engine.asserted:], engine.premises):
            used.update(blank.intersection(column))
    by_predicate: dict[int, dict] = {}

    def value(node: int, predicate: str):
        pid = ids.get(f"<{predicate}>")
        if pid is None:
            return None
        table = by_predicate.get(pid)
        if table is None:
            table = by_predicate[pid] = {}
            for s, o in engine.schema.get(pid, ()):
                table.setdefault(s, o)
        return table.get(node)

    def items(head: int) -> list:
        found, node, seen = [], head, set()
        while node is not None and node not in seen and terms[node] != f"<{ns.RDF.nil}>":
            seen.add(node)
            first = value(node, ns.RDF.first)
            if first is None:
                break
            found.append(first)
            node = value(node, ns.RDF.rest)
        return found

    def name(term: int) -> str:
        text = terms[term]
        if kinds[term] == LITERAL:
            return text
        return short_name(text[1:-1])

    return {terms[node]: describe(node, value, items, name, lambda t: kinds[t] == BLANK) for node in sorted(used)}


def write_derivations(engine, target: Path) -> None:
    """``derivations.bin``: the terms and, for each derived triple, its ids, rule and premises."""
    from array import array

    text = "\n".join(engine.terms).encode("utf-8")
    parts = [
        array("I", [len(text), len(engine.S) - engine.asserted, len(engine.premises)]),
        array("I", engine.S[engine.asserted:]),
        array("I", engine.P[engine.asserted:]),
        array("I", engine.O[engine.asserted:]),
        array("I", engine.premise_end),
        array("I", engine.premises),
        array("B", engine.rule),
    ]
    with open(target / "derivations.bin", "wb") as handle:
        handle.write(DERIVATIONS_MAGIC)
        handle.write(parts[0].tobytes())
        handle.write(text)
        for part in parts[1:]:
            handle.write(part.tobytes())


class Derivations(Mapping):
    """The derivations of a build: ``key -> {"rule": name, "premises": [key, ...]}``, where a key is
    a triple in N-Triples form (``<s> <p> o``), in the order the triples were derived. Decoded lazily
    from ``derivations.bin``."""

    def __init__(self, path: Path, rule_names: list[str]):
        from array import array

        data = (path / "derivations.bin").read_bytes()
        if not data.startswith(DERIVATIONS_MAGIC):
            raise SourceError(f"{path / 'derivations.bin'} is not a derivations file; rebuild with nkgeo build --force")
        offset = len(DERIVATIONS_MAGIC)
        header = array("I")
        header.frombytes(data[offset:offset + 12])
        text_length, count, premises = header
        offset += 12
        self.terms = data[offset:offset + text_length].decode("utf-8").split("\n")
        offset += text_length

        def take(code: str, n: int) -> array:
            nonlocal offset
            part = array(code)
            part.frombytes(data[offset:offset + n * part.itemsize])
            offset += n * part.itemsize
            return part

        self.S, self.P, self.O = take("I", count), take("I", count), take("I", count)
        self.premise_end = take("I", count)
        self.premises = take("I", premises)
        self.rule = take("B", count)
        self.rule_names = rule_names
        self._positions: dict[str, int] | None = None

    def _key(self, s: int, p: int, o: int) -> str:
        terms = self.terms
        return f"{terms[s]} {terms[p]} {terms[o]}"

    @property
    def positions(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {self._key(s, p, o): i for i, (s, p, o) in enumerate(zip(self.S, self.P, self.O, strict=True))}
        return self._positions

    def _entry(self, position: int) -> dict:
        start = self.premise_end[position - 1] if position else 0
        flat = self.premises[start:self.premise_end[position]]
        return {
            "rule": self.rule_names[self.rule[position]],
            "premises": [self._key(flat[i], flat[i + 1], flat[i + 2]) for i in range(0, len(flat), 3)],
        }

    def __getitem__(self, key: str) -> dict:
        return self._entry(self.positions[key])

    def __contains__(self, key: object) -> bool:
        return key in self.positions

    def __iter__(self) -> Iterator[str]:
        for s, p, o in zip(self.S, self.P, self.O, strict=True):
            yield self._key(s, p, o)

    def __len__(self) -> int:
        return len(self.S)

    def items(self):
        return ((self._key(s, p, o), self._entry(i)) for i, (s, p, o) in enumerate(zip(self.S, self.P, self.O, strict=True)))
