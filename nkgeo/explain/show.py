"""``nkgeo show``: everything the graph holds about one entity, each fact with where it comes from."""

from __future__ import annotations

from collections import defaultdict

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.explain.documents import documents, quote
from nkgeo.explain.provenance import Statement, labels, source_lines, statements


def describe(compiled, iri: str, include_inferred: bool = True, quote_documents: bool = True) -> dict:
    """The facts about ``iri`` (outgoing and incoming), grouped per triple with their sources."""
    import pyoxigraph as ox

    node = ox.NamedNode(iri)
    outgoing = [st for st in statements(compiled, subject=node) if include_inferred or not st.inferred]
    incoming = [st for st in statements(compiled, obj=node) if include_inferred or not st.inferred]
    docs = documents(compiled)
    mentioned = {iri}
    for st in outgoing + incoming:
        for term in (st.subject, st.predicate, st.object):
            if type(term).__name__ == "NamedNode":
                mentioned.add(term.value)
    names = labels(compiled, mentioned)

    def group(items: list[Statement]) -> list[dict]:
        facts: dict = defaultdict(list)
        for st in items:
            facts[(str(st.subject), str(st.predicate), str(st.object))].append(st)
        out = []
        for members in facts.values():
            first = members[0]
            entry = {
                "subject": rdfio.display(first.subject),
                "predicate": rdfio.display(first.predicate),
                "object": rdfio.display(first.object),
                "object_label": names.get(getattr(first.object, "value", ""), None)
                if type(first.object).__name__ == "NamedNode" else None,
                "subject_label": names.get(getattr(first.subject, "value", ""), None),
                "inferred": all(m.inferred for m in members),
                "sources": [],
            }
            for member in members:
                if member.inferred:
                    continue
                source = {"graph": member.source_label}
                if member.document:
                    source.update({"document": member.document.rsplit("/", 1)[-1], "start": member.start, "end": member.end})
                    if member.qualifier:
                        source["qualifier"] = member.qualifier
                    doc = docs.get(member.document)
                    if quote_documents and doc is not None:
                        passage = quote(doc, member.start, member.end)
                        if passage:
                            source["quote"] = passage
                if source not in entry["sources"]:
                    entry["sources"].append(source)
            out.append(entry)
        out.sort(key=lambda e: (e["inferred"], e["predicate"] != "rdf:type", e["predicate"], e["subject"], e["object"]))
        return out

    return {
        "iri": iri,
        "id": ns.compact(iri),
        "label": names.get(iri, ns.compact(iri)),
        "facts": group(outgoing),
        "links": group(incoming),
    }


def render(description: dict) -> str:
    """The description as text: asserted facts with sources, then inferred ones, then incoming links."""
    lines = [f"{description['label']}  ({description['id']})", ""]

    def fact_line(entry: dict, incoming: bool) -> str:
        if incoming:
            other = entry["subject"] + (f" ({entry['subject_label']})" if entry.get("subject_label") else "")
            return f"  {other}  {entry['predicate']}"
        obj = entry["object"]
        if entry.get("object_label") and entry["object_label"] != obj:
            obj += f" ({entry['object_label']})"
        return f"  {entry['predicate']}  {obj}"

    def section(title: str, entries: list[dict], incoming: bool) -> None:
        if not entries:
            return
        lines.append(title)
        for entry in entries:
            lines.append(fact_line(entry, incoming))
            for source in entry["sources"]:
                lines.extend(source_lines(source, "      "))
        lines.append("")

    facts = description["facts"]
    links = description["links"]
    section("Asserted:", [e for e in facts if not e["inferred"]], False)
    section("Inferred (nkgeo why <subject> <predicate> <object> explains one):", [e for e in facts if e["inferred"]], False)
    section("Linked from (asserted):", [e for e in links if not e["inferred"]], True)
    section("Linked from (inferred):", [e for e in links if e["inferred"]], True)
    if not facts and not links:
        lines.append("(no facts)")
    return "\n".join(lines).rstrip() + "\n"
