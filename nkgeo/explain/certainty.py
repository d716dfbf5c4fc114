"""How firmly, on whose word and when a document asserts a triple, and how to say it in words.

An evidence record carries an assertion mode (stated, believed, estimated...: each with a
certainty rank), a temporal status (current, formerly...: each saying whether it holds now), and
optionally the agents it is attributed to, a frequency, a period, a time qualifier and the
document's own hedge in our words. An inferred triple takes its certainty from its record in
``graph:inferred-provenance`` (the weakest of its premises, written by the build); an inferred
triple without a record, and reference data without evidence (gazetteer, names, coordinates,
links), are stated and current.
"""

from __future__ import annotations

from dataclasses import dataclass

from nkgeo import namespaces as ns

# The build's certainty records of inferred triples (nkgeo.build.certainty writes them, one per
# triple weaker than "stated, current"); the triple pattern below reads them.
INFERENCE_GRAPH = ns.INFERENCE_GRAPH
STATED_RANK = 10

_VOCABULARY = """
SELECT ?concept ?label ?rank ?now WHERE {
  GRAPH graph:ontology {
    { ?concept nkgeo:certaintyRank ?rank } UNION { ?concept nkgeo:holdsNow ?now }
    OPTIONAL { ?concept skos:prefLabel ?label FILTER(LANG(?label) IN ("en", "")) }
  }
}
"""
_RECORDS = """
SELECT ?s ?p ?o ?mode ?status ?rule WHERE {
  GRAPH <%s> {
    ?record rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?record nkgeo:assertionMode ?mode }
    OPTIONAL { ?record nkgeo:temporalStatus ?status }
    OPTIONAL { ?record nkgeo:rule ?rule }
  }
  %s
}
"""


@dataclass(frozen=True)
class Vocabulary:
    """The assertion modes (IRI -> label, rank) and temporal statuses (IRI -> label, holds now)."""

    modes: dict[str, tuple[str, int]]
    statuses: dict[str, tuple[str, bool]]

    def mode(self, iri: str | None) -> tuple[str, int]:
        if iri is None:
            return "stated", STATED_RANK
        return self.modes.get(iri, (ns.compact(iri), 0))

    def status(self, iri: str | None) -> tuple[str, bool]:
        if iri is None:
            return "current", True
        return self.statuses.get(iri, (ns.compact(iri), True))


def vocabulary(compiled) -> Vocabulary:
    """The modes and statuses the ontology defines, with their ranks and whether they hold now."""
    modes, statuses = {}, {}
    for row in compiled.query(_VOCABULARY):
        iri = row["concept"].value
        label = row["label"].value if row["label"] is not None else ns.compact(iri)
        if row["rank"] is not None:
            modes[iri] = (label, int(row["rank"].value))
        if row["now"] is not None:
            statuses[iri] = (label, row["now"].value in ("true", "1"))
    return Vocabulary(modes, statuses)


@dataclass(frozen=True)
class Certainty:
    """How one record (or reference data, or an inference) asserts a triple, in words."""

    mode: str = "stated"
    rank: int = STATED_RANK
    holds: str = "current"
    holds_now: bool = True
    attributed_to: tuple[str, ...] = ()
    frequency: str | None = None
    during: str | None = None
    time: str | None = None
    qualifier: str | None = None
    through: str | None = None  # how the document expresses it, when not in words (a list's numbering)

    @property
    def stated_current(self) -> bool:
        """Stated as fact and holding now: what ``--stated-current`` keeps."""
        return self.rank >= STATED_RANK and self.holds_now

    @property
    def strength(self) -> tuple:
        """Sort key, strongest first when reversed: rank, then holding now."""
        return (self.rank, self.holds_now)

    def how(self) -> str:
        """The mode and on whose word: ``believed``, ``estimated by external estimators``."""
        who = f" by {_and(self.attributed_to)}" if self.attributed_to else ""
        return self.mode + who

    def when(self) -> str:
        """When it holds: ``now`` for current, else the status (``formerly``, ``since the past``)."""
        when = "now" if self.holds == "current" else self.holds
        return when + (f", during {self.during}" if self.during else "")

    def summary(self, qualifier: bool = True) -> str:
        """Always says how and when: ``stated; now``, ``reported by foreign media; often; now``
        (then the document's own hedge, unless ``qualifier`` is false)."""
        parts = [self.how(), *([self.frequency] if self.frequency else []), self.when()]
        if self.time:
            parts.append(self.time)
        said = self.qualifier and self.qualifier.lower() in (self.mode, self.how().lower())  # "considered" by itself
        return "; ".join(parts) + (f"; {self.qualifier}" if self.qualifier and qualifier and not said else "")

    def note(self) -> str:
        """Only what makes it other than a plain present fact ("" for one): ``believed``,
        ``formerly, during Japanese rule``, ``almost entirely``."""
        bits = []
        if self.rank < STATED_RANK or self.attributed_to:
            bits.append(self.how())
        if self.holds != "current" or self.during:
            bits.append(self.when())
        bits += [b for b in (self.frequency, self.time) if b]
        if self.through and not self.qualifier:
            bits.append(f"by {self.through}")
        if self.qualifier:
            if bits and self.qualifier.lower().startswith(bits[0].lower()):
                bits.pop(0)  # "believed" and "believed, as in many cities": the document's words say it
            bits.append(self.qualifier)
        return "; ".join(bits)

    def as_dict(self) -> dict:
        data = {"mode": self.mode, "rank": self.rank, "holds": self.holds, "holds_now": self.holds_now}
        if self.attributed_to:
            data["attributed_to"] = list(self.attributed_to)
        for key in ("frequency", "during", "time", "qualifier", "through"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data


STATED = Certainty()


def strongest(certainties) -> Certainty:
    """The summary of several records: the highest rank, holding now before not (ties keep the first)."""
    found = list(certainties)
    if not found:
        return STATED
    return max(found, key=lambda c: c.strength)


def _and(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def inference_records(compiled, subjects=(), objects=()) -> dict[tuple[str, str, str], dict]:
    """The build's certainty records of inferred triples with one of ``subjects`` as subject or
    one of ``objects`` as object (pyoxigraph terms), keyed by the triple's N-Triples terms."""
    found: dict[tuple[str, str, str], dict] = {}
    for variable, terms in (("s", subjects), ("o", objects)):
        terms = [t for t in terms if type(t).__name__ == "NamedNode"]
        if not terms:
            continue
        values = f"VALUES ?{variable} {{ {' '.join(str(t) for t in terms)} }}"
        for row in compiled.query(_RECORDS % (INFERENCE_GRAPH, values)):
            key = (str(row["s"]), str(row["p"]), str(row["o"]))
            found[key] = {name: row[name].value if row[name] is not None else None for name in ("mode", "status", "rule")}
    return found


def record_of(compiled, s, p, o) -> dict | None:
    """The build's certainty record of one inferred triple (pyoxigraph terms, blank nodes too), or
    None: stated and current."""
    for row in compiled.query(_RECORDS % (INFERENCE_GRAPH, ""), substitutions={"s": s, "p": p, "o": o}):
        return {name: row[name].value if row[name] is not None else None for name in ("mode", "status", "rule")}
    return None


def of_inference(record: dict | None, words: Vocabulary) -> Certainty:
    """An inferred triple's certainty from its record (none: stated and current)."""
    if not record:
        return STATED
    mode, rank = words.mode(record.get("mode"))
    holds, now = words.status(record.get("status"))
    return Certainty(mode=mode, rank=rank, holds=holds, holds_now=now)


def of_statement(statement, words: Vocabulary, names: dict[str, str]) -> Certainty:
    """A document's record of a triple (a :class:`provenance.Statement`) in words; a statement
    without evidence (reference data) is stated and current. ``names`` labels the IRIs it uses."""
    if statement.evidence is None:
        return STATED
    mode, rank = words.mode(statement.mode)
    holds, now = words.status(statement.status)

    def name(iri):
        return names.get(iri, ns.compact(iri)) if iri else None

    return Certainty(mode=mode, rank=rank, holds=holds, holds_now=now,
                     attributed_to=tuple(name(a) for a in statement.agents), frequency=name(statement.frequency),
                     during=name(statement.during), time=name(statement.time), qualifier=statement.qualifier,
                     through=name(statement.form))


def iris_of(statement) -> set[str]:
    """The IRIs a record's certainty names (agents, frequency, period...): what needs labels."""
    return {iri for iri in (*statement.agents, statement.frequency, statement.during, statement.time, statement.form) if iri}
