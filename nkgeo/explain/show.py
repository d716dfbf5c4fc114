"""``nkgeo show``: everything the graph holds about one entity, as its documents say it.

One description serves ``nkgeo show`` (text and JSON), the entity pages and ``nkgeo.api``: facts
with their values together under their property, each value with its certainty (the strongest
record as the summary, every record kept), claims (nodes with parts: conditions, trends,
restrictions...) as one line each under their kind, and the sources as numbered references, each
passage quoted once. Inferred copies of other facts (alignment properties such as
``schema:containedInPlace``, inverses of incoming links) are marked, so readers can fold them away.

The structure (``--format json``): ``iri``, ``id``, ``label``; ``facts`` and ``links`` (incoming),
each entry a triple (``subject``/``predicate``/``object`` as prefixed names, with ``*_iri`` and
``*_label``), ``inferred``, ``copy`` (``alignment`` or ``inverse``, when it repeats another fact),
``certainty`` (the summary: ``mode``, ``rank``, ``holds``, ``holds_now``, ``note``, ``summary``,
``stated_current``...) and ``sources`` (a graph, or a document's record with its ``evidence`` IRI,
offsets, ``certainty`` and ``ref``); ``claims``, each a link entry plus ``kind``, ``text`` and
``parts`` (entries); ``references``: ``n``, ``document``, ``title``, ``start``, ``end``, ``quote``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.explain import certainty
from nkgeo.explain.documents import citation, documents
from nkgeo.explain.provenance import Statement, labels, statements, statements_of

_CLAIMS = "SELECT DISTINCT ?c WHERE { %s ?c a nkgeo:Claim }"
_INVERSES = "SELECT ?p ?q WHERE { GRAPH graph:ontology { ?p owl:inverseOf ?q } }"


class References:
    """Numbered passages of the documents, in the order the description first cites them."""

    def __init__(self, docs: dict, quote_documents: bool):
        self.docs = docs
        self.quote_documents = quote_documents
        self.numbers: dict[tuple, int] = {}
        self.entries: list[dict] = []

    def number(self, st: Statement) -> int:
        key = (st.document, st.start, st.end)
        if key not in self.numbers:
            self.numbers[key] = len(self.entries) + 1
            entry = {"n": self.numbers[key], "document": st.document.rsplit("/", 1)[-1], "start": st.start, "end": st.end}
            entry.update(citation(self.docs, st.document, st.start, st.end, self.quote_documents))
            self.entries.append(entry)
        return self.numbers[key]


def describe(compiled, iri: str, include_inferred: bool = True, quote_documents: bool = True,
             stated_current: bool = False) -> dict:
    """The facts about ``iri`` (outgoing, its claims, incoming), each with certainty and sources.

    ``stated_current`` keeps only what is stated as fact and holds now (its strongest record)."""
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    outgoing = [st for st in statements(compiled, subject=node) if include_inferred or not st.inferred]
    incoming = [st for st in statements(compiled, obj=node) if include_inferred or not st.inferred]
    claim_nodes = _claims(compiled, {st.object for st in outgoing if type(st.object).__name__ == "NamedNode"})
    parts = [st for st in statements_of(compiled, claim_nodes.values()) if include_inferred or not st.inferred]
    words = certainty.vocabulary(compiled)
    records = certainty.inference_records(compiled, subjects=[node, *claim_nodes.values()], objects=[node])
    mentioned = {iri}
    for st in outgoing + incoming + parts:
        mentioned.update(t.value for t in (st.subject, st.predicate, st.object) if type(t).__name__ == "NamedNode")
        mentioned.update(certainty.iris_of(st))
    names = labels(compiled, mentioned)
    refs = References(documents(compiled), quote_documents)

    def entries(items: list[Statement]) -> list[dict]:
        out = [_entry(members, names, words, records) for members in _by_triple(items).values()]
        return [e for e in out if not stated_current or e["certainty"]["stated_current"]]

    facts = entries([st for st in outgoing if st.object.value not in claim_nodes])
    links = entries(incoming)
    _mark_copies(compiled, facts, links)
    facts.sort(key=_fact_order)
    links.sort(key=lambda e: (e["inferred"], e["predicate"], e["subject"]))
    claims = []
    by_claim: dict[str, list[dict]] = defaultdict(list)
    for entry in entries([st for st in outgoing if st.object.value in claim_nodes]):
        by_claim[entry["object_iri"]].append(entry)
    for claim_iri, links_to in by_claim.items():
        entry = min(links_to, key=lambda e: (e["inferred"], e["predicate"]))  # the asserted link, not its superproperties
        members = [st for st in parts if st.subject.value == claim_iri]
        claims.append(_claim(entry, entries(members), names.get(iri, "")))
    claims.sort(key=lambda c: (c["kind"], c["text"]))
    for entry in facts + [c for claim in claims for c in (claim, *claim["parts"])] + links:
        for source in entry["sources"]:
            if "document" in source:
                source["ref"] = refs.number(source.pop("statement"))
    return {
        "iri": iri,
        "id": ns.compact(iri),
        "label": names.get(iri, ns.compact(iri)),
        "facts": facts,
        "claims": claims,
        "links": links,
        "references": refs.entries,
    }


def _claims(compiled, candidates) -> dict[str, object]:
    """The candidates (pyoxigraph named nodes) that are claims, by IRI."""
    if not candidates:
        return {}
    values = "VALUES ?c { " + " ".join(str(c) for c in candidates) + " }"
    return {row["c"].value: row["c"] for row in compiled.query(_CLAIMS % values)}


def _by_triple(items: list[Statement]) -> dict:
    grouped: dict = defaultdict(list)
    for st in items:
        grouped[(str(st.subject), str(st.predicate), str(st.object))].append(st)
    return grouped


def _entry(members: list[Statement], names: dict, words, records: dict) -> dict:
    """One triple: its terms as people read them, its certainty (strongest record) and sources."""
    first = members[0]
    inferred = all(m.inferred for m in members)
    sources, found = [], []
    for member in members:
        if member.inferred:
            continue
        how = certainty.of_statement(member, words, names)
        found.append(how)
        source = {"graph": member.source_label}
        if member.document:
            source.update({"document": member.document.rsplit("/", 1)[-1], "start": member.start, "end": member.end,
                           "evidence": member.evidence, "statement": member})
            source["certainty"] = {**how.as_dict(), "note": how.note()}
        if not any(_same(source, s) for s in sources):
            sources.append(source)
    if inferred:
        key = tuple(str(t) for t in (first.subject, first.predicate, first.object))
        summary = certainty.of_inference(records.get(key), words)
    else:
        summary = certainty.strongest(found)
    obj = first.object
    return {
        "subject": rdfio.display(first.subject),
        "subject_iri": first.subject.value if type(first.subject).__name__ == "NamedNode" else None,
        "subject_label": names.get(getattr(first.subject, "value", ""), None),
        "predicate": rdfio.display(first.predicate),
        "predicate_iri": first.predicate.value,
        "predicate_label": names.get(first.predicate.value),
        "object": rdfio.display(obj),
        "object_iri": obj.value if type(obj).__name__ == "NamedNode" else None,
        "object_label": names.get(obj.value) if type(obj).__name__ == "NamedNode" else None,
        "object_lang": rdfio.language_tag(obj.language) if type(obj).__name__ == "Literal" and obj.language else None,
        "inferred": inferred,
        "certainty": {**summary.as_dict(), "note": summary.note(), "summary": summary.summary(),
                      "how_and_when": summary.summary(qualifier=False), "stated_current": summary.stated_current},
        "sources": sources,
    }


def _same(a: dict, b: dict) -> bool:
    keys = ("graph", "document", "start", "end")
    return all(a.get(k) == b.get(k) for k in keys) and a.get("certainty") == b.get("certainty")


def _claim(link: dict, parts: list[dict], place: str) -> dict:
    """A claim as one line: its kind (the claim's class), its label without the place's name, its
    certainty (that of the link from the place) and every part with its own."""
    kinds = [p for p in parts if p["predicate_iri"] == ns.RDF.type and not p["inferred"]
             and p["object_iri"] != ns.NKGEO.Claim]
    kind = (kinds[0]["object_label"] or kinds[0]["object"]) if kinds else (link["predicate_label"] or link["predicate"])
    text = link["object_label"] or link["object"]
    for prefix in (f"{place}: ", f"population of {place}: "):
        if place and text.startswith(prefix):
            text = text[len(prefix):]
    return {**link, "kind": kind.lower(), "text": text, "parts": parts}


def _mark_copies(compiled, facts: list[dict], links: list[dict]) -> None:
    """Mark inferred facts that repeat others: alignment copies (a property outside nkgeo's own
    vocabulary, ``schema:containedInPlace`` beside ``nkgeo:locatedIn``) and inverses of links."""
    inverses: dict[str, set[str]] = defaultdict(set)
    for row in compiled.query(_INVERSES):
        inverses[row["p"].value].add(row["q"].value)
        inverses[row["q"].value].add(row["p"].value)
    in_pairs = {(f["predicate_iri"], f["subject_iri"]) for f in links if not f["inferred"]}
    any_out = {(f["predicate_iri"], f["object_iri"]) for f in facts}
    for entry in facts:
        if not entry["inferred"] or entry["predicate_iri"] == ns.RDF.type:
            continue
        if not entry["predicate_iri"].startswith(ns.NKGEO_NS):
            entry["copy"] = "alignment"
        elif any((q, entry["object_iri"]) in in_pairs for q in inverses.get(entry["predicate_iri"], ())):
            entry["copy"] = "inverse"
    for entry in links:
        if not entry["inferred"]:
            continue
        if not entry["predicate_iri"].startswith(ns.NKGEO_NS):
            entry["copy"] = "alignment"
        elif any((q, entry["subject_iri"]) in any_out for q in inverses.get(entry["predicate_iri"], ())):
            entry["copy"] = "inverse"


def _fact_order(entry: dict) -> tuple:
    return (entry["inferred"], "copy" in entry, entry["predicate"] != "rdf:type", entry["predicate"], entry["object"])


# --- text ------------------------------------------------------------------------------------


def render(description: dict) -> str:
    """The description as text: facts grouped by property, claims by kind, incoming links,
    inferred copies folded onto one line per property, then the numbered sources quoted once."""
    lines = [f"{description['label']}  ({description['id']})", ""]
    facts, links = description["facts"], description["links"]
    plain = [f for f in facts if "copy" not in f]
    _section(lines, "Facts:", [f for f in plain if not f["inferred"]])
    _section(lines, "Inferred (nkgeo why <subject> <predicate> <object> explains one):", [f for f in plain if f["inferred"]])
    if description.get("claims"):
        lines.append("Claims:")
        kind = None
        for claim in description["claims"]:
            if claim["kind"] != kind:
                kind = claim["kind"]
                lines.append(f"  {kind}")
            lines.append(f"    {claim_line(claim)}{_claim_tail(claim)}")
        lines.append("")
    for title, inferred in (("Linked from:", False), ("Linked from (inferred):", True)):
        shown = [e for e in links if e["inferred"] == inferred and "copy" not in e]
        if shown:
            lines.append(title)
            lines += [f"  {_term(e['subject'], e['subject_label'])}  {e['predicate']}{_sources_tail(e)}" for e in shown]
            lines.append("")
    grouped: dict[str, list[str]] = defaultdict(list)
    for entry in facts:
        if "copy" in entry:
            grouped[entry["predicate"]].append(entry["object"])
    for entry in links:
        if "copy" in entry:
            grouped[f"linked from by {entry['predicate']}"].append(entry["subject"])
    if grouped:
        lines.append("Copies (inferred alignment and inverse properties):")
        lines += [f"  {key}  {', '.join(values)}" for key, values in grouped.items()]
        lines.append("")
    if description.get("references"):
        lines.append("Sources:")
        for ref in description["references"]:
            lines.append(f"  [{ref['n']}] {ref['document']} chars {ref['start']}-{ref['end']}")
            if ref.get("quote"):
                lines.append(f'      "{ref["quote"]}"')
        lines.append("")
    if not facts and not links:
        lines.append("(no facts)")
    return "\n".join(lines).rstrip() + "\n"


def _section(lines: list[str], title: str, entries: list[dict]) -> None:
    if not entries:
        return
    lines.append(title)
    predicate = None
    for entry in entries:
        if entry["predicate"] != predicate:
            predicate = entry["predicate"]
            label = entry.get("predicate_label")
            lines.append(f"  {predicate}" + (f" ({label})" if label and label != predicate else ""))
        value = _term(entry["object"], entry["object_label"])
        lines.append(f"    {value}{_sources_tail(entry)}")
    lines.append("")


def _term(text: str, label: str | None) -> str:
    return text + (f" ({label})" if label and label != text else "")


def _sources_tail(entry: dict) -> str:
    """`` — believed [3]; stated [5]; gazetteer``: each record's note with its references, and the
    graphs that hold the fact without a document; an inferred fact's certainty when not plain."""
    if entry["inferred"]:
        note = entry["certainty"]["note"]
        return f"  ({note})" if note else ""
    by_note: dict[str, list[str]] = defaultdict(list)
    graphs = []
    for source in entry["sources"]:
        if "ref" in source:
            by_note[source["certainty"]["note"]].append(source["ref"])
        elif source["graph"] not in graphs:
            graphs.append(source["graph"])
    parts = [(f"{note} " if note else "") + _numbers(refs) for note, refs in by_note.items()]
    parts += graphs
    return ("  " + "; ".join(parts)) if parts else ""


def claim_line(claim: dict, say_plain: bool = True) -> str:
    """``largely closed to foreign visitors (stated; now)``, ``population decline ... — especially
    in the 1990s (stated; past)``: the claim, the document's hedge unless the claim's words hold
    it, then how and when it holds (left out for a stated, current claim unless ``say_plain``)."""
    qualifier = claim["certainty"].get("qualifier") or ""
    said = set(re.findall(r"\w+", claim["text"].lower()))
    new_words = [w for w in re.findall(r"\w+", qualifier.lower()) if len(w) > 4 and w not in said]
    hedge = f" — {qualifier}" if new_words else ""  # unless the claim's own words already say it
    if not say_plain and claim["certainty"]["stated_current"]:
        return f"{claim['text']}{hedge}"
    return f"{claim['text']}{hedge} ({claim['certainty']['how_and_when']})"


def _claim_tail(claim: dict) -> str:
    """Every reference of the claim or its parts."""
    refs = [s["ref"] for e in (claim, *claim["parts"]) for s in e["sources"] if "ref" in s]
    return f"  {_numbers(refs)}" if refs else ""


def _numbers(refs) -> str:
    """``[3, 7]``: reference numbers, each once, in order."""
    return "[" + ", ".join(str(n) for n in sorted(set(refs))) + "]"
