"""How certain an inferred triple is: the weakest of the premises of its recorded derivation.

A document's triple is as certain as its strongest evidence record in graph:provenance (its
``nkgeo:assertionMode``, ranked by ``nkgeo:certaintyRank``; its ``nkgeo:temporalStatus``, which
says by ``nkgeo:holdsNow`` whether it holds now). A triple with no evidence (the ontology, the
gazetteer, names, coordinates, links) is stated and current. An inferred triple takes the weakest
assertion mode of its premises, and holds now unless a premise does not (then it takes that
premise's status). The engine stores premises before their conclusions, so one pass in derivation
order gives every inferred triple its certainty.

The build writes one ``nkgeo:InferenceRecord`` in graph:inferred-provenance for each triple of
graph:inferred below "stated, current"; a triple with no record is stated and current, so a graph
without evidence (the synthetic benchmark graphs) gets no record and pays for no pass.

Limitation: the engine records the first derivation of each triple only, so a conclusion that
some other derivation would give from stated premises still carries the hedge (or the past) of
the derivation found first. ``nkgeo why`` shows that derivation, so what it explains and the
record agree.
"""

from __future__ import annotations

import hashlib

from nkgeo import namespaces as ns

INFERENCE_GRAPH = ns.INFERENCE_GRAPH
STATED_RANK = 10

# The fields of an evidence record that certainty needs, by predicate (N-Triples form).
_FIELDS = {
    f"<{ns.RDF.subject}>": 0,
    f"<{ns.RDF.predicate}>": 1,
    f"<{ns.RDF.object}>": 2,
    f"<{ns.NKGEO.assertionMode}>": 3,
    f"<{ns.NKGEO.temporalStatus}>": 4,
}


class EvidenceReader:
    """The evidence records of graph:provenance as the build reads its quads (terms in N-Triples form)."""

    def __init__(self):
        self.records: dict[str, list] = {}

    def add(self, subject: str, predicate: str, obj: str) -> None:
        field = _FIELDS.get(predicate)
        if field is not None:
            record = self.records.get(subject)
            if record is None:
                record = self.records[subject] = [None] * 5
            record[field] = obj


def _scheme_values(engine) -> tuple[dict[int, int], dict[int, bool]]:
    """The certainty rank of each assertion mode and whether each temporal status holds now (term ids)."""
    ids, subjects, predicates, objects, terms = engine.ids, engine.S, engine.P, engine.O, engine.terms
    rank_id, now_id = ids.get(f"<{ns.NKGEO.certaintyRank}>"), ids.get(f"<{ns.NKGEO.holdsNow}>")
    ranks: dict[int, int] = {}
    holds: dict[int, bool] = {}
    for position in range(engine.asserted):
        p = predicates[position]
        if p == rank_id or p == now_id:
            literal = terms[objects[position]]
            lexical = literal[1:literal.rfind('"')]
            if p == rank_id:
                ranks[subjects[position]] = int(lexical)
            else:
                holds[subjects[position]] = lexical in ("true", "1")
    return ranks, holds


def _asserted(engine, evidence: EvidenceReader, referenced: set[str]) -> dict[int, tuple]:
    """Each asserted triple below "stated, current" (packed ids) -> (rank, holds now, mode id,
    status id) of its strongest record: the highest rank, then one that holds now. A triple that
    reference data states too (``referenced``, N-Triples keys) is stated and current."""
    plain = (None, f"<{ns.NKGEO.Stated}>"), (None, f"<{ns.NKGEO.Current}>")
    records = evidence.records.values()
    if all(mode in plain[0] and status in plain[1] for _s, _p, _o, mode, status in records):
        return {}  # every record stated and current: no need to read the schemes
    ids = engine.ids
    ranks, holds = _scheme_values(engine)
    stated, current = ids.get(plain[0][1]), ids.get(plain[1][1])
    strongest: dict[int, tuple] = {}
    for s, p, o, mode, status in records:
        if s is None or p is None or o is None or f"{s} {p} {o}" in referenced:
            continue
        si, pi, oi = ids.get(s), ids.get(p), ids.get(o)
        if si is None or pi is None or oi is None:
            continue  # not a triple reasoning read: no premise can be it
        mi = ids.get(mode) if mode else stated
        ti = ids.get(status) if status else current
        value = (ranks.get(mi, STATED_RANK), holds.get(ti, True), mi, ti)
        key = (si << 64) | (pi << 32) | oi
        found = strongest.get(key)
        if found is None or value[:2] > found[:2]:
            strongest[key] = value
    return {key: value for key, value in strongest.items() if value[0] < STATED_RANK or not value[1]}


def inferred_certainty(engine, evidence: EvidenceReader, referenced: set[str]) -> dict[str, tuple[str, str, str]]:
    """Each derived triple below "stated, current", as its N-Triples key (``<s> <p> o``) ->
    (rule, assertion mode IRI, temporal status IRI); empty (and no pass) when every asserted
    triple is stated and current."""
    if not evidence.records:
        return {}
    from nkgeo.build.engine import RULE_NAMES

    known = _asserted(engine, evidence, referenced)
    if not known:
        return {}
    current = engine.ids.get(f"<{ns.NKGEO.Current}>")
    stated = engine.ids.get(f"<{ns.NKGEO.Stated}>")
    terms, subjects, predicates, objects = engine.terms, engine.S, engine.P, engine.O
    flat, ends, rules = engine.premises, engine.premise_end, engine.rule
    found: dict[str, tuple[str, str, str]] = {}
    start = 0
    for index, end in enumerate(ends):
        weakest = past = None
        for i in range(start, end, 3):
            value = known.get((flat[i] << 64) | (flat[i + 1] << 32) | flat[i + 2])
            if value is None:
                continue
            if weakest is None or value[0] < weakest[0]:
                weakest = value
            if past is None and not value[1]:
                past = value
        start = end
        if weakest is None or (weakest[0] >= STATED_RANK and past is None):
            continue
        rank, mode = (weakest[0], weakest[2]) if weakest[0] < STATED_RANK else (STATED_RANK, stated)
        position = engine.asserted + index
        s, p, o = subjects[position], predicates[position], objects[position]
        status = past[3] if past is not None else current
        known[(s << 64) | (p << 32) | o] = (rank, past is None, mode, status)
        found[f"{terms[s]} {terms[p]} {terms[o]}"] = (RULE_NAMES[rules[index]], terms[mode], terms[status])
    return found


def record_iri(key: str) -> str:
    """``ev:inferred-<hash>``: the record of the inferred triple ``key`` (N-Triples terms)."""
    return ns.EVIDENCE_NS + "inferred-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def record_quads(key: str, rule: str, mode: str, status: str) -> str:
    """The N-Quads lines of one inference record in graph:inferred-provenance."""
    s, p, o = key.split(" ", 2)
    graph, record = f"<{INFERENCE_GRAPH}>", f"<{record_iri(key)}>"
    fields = (
        (ns.RDF.type, f"<{ns.NKGEO.InferenceRecord}>"),
        (ns.RDF.subject, s),
        (ns.RDF.predicate, p),
        (ns.RDF.object, o),
        (ns.NKGEO.assertionMode, mode),
        (ns.NKGEO.temporalStatus, status),
        (ns.NKGEO.rule, f'"{rule}"'),
    )
    return "".join(f"{record} <{predicate}> {value} {graph} .\n" for predicate, value in fields)
