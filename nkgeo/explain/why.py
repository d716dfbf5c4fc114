"""``nkgeo why``: how a triple holds, as a tree down to the asserted facts and their documents.

An inferred triple shows the OWL 2 RL rule that derived it and its premises; each premise is
explained the same way, until every leaf is asserted, with its sources (document and character
offsets, quoted when the document is at hand).

Every node carries its certainty: an asserted triple that of its strongest evidence record (how
its document asserts it, when it holds; reference data with no evidence is stated and current),
an inferred one the record the build wrote in graph:inferred-provenance
(:mod:`nkgeo.build.certainty`: the weakest of its premises, and not current when a premise does
not hold now). The tree is the derivation the build recorded, so the two agree; the root names
the premise its certainty comes from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nkgeo import namespaces as ns
from nkgeo import rdfio
from nkgeo.errors import NkgeoError
from nkgeo.explain.certainty import STATED_RANK, record_of, vocabulary
from nkgeo.explain.documents import citation, documents
from nkgeo.explain.provenance import source_lines, statements

MAX_DEPTH = 25

# The qualifiers of an evidence record that a source shows, in the order they are printed.
QUALIFIERS = ("mode", "temporal_status", "attributed_to", "holds_during", "time_qualifier", "frequency")


@dataclass
class Node:
    """One triple of an explanation: asserted (with sources) or inferred (with rule and premises)."""

    triple: tuple[str, str, str]
    status: str  # asserted | inferred | repeated
    rule: str | None = None
    sources: list[dict] = field(default_factory=list)
    premises: list[Node] = field(default_factory=list)
    certainty: str = ns.NKGEO.Stated  # the assertion mode's IRI
    holds_now: bool = True
    temporal_status: str = ns.NKGEO.Current
    # The root only: the premise down the tree its mode comes from, and the one that does not hold now.
    weakest_premise: Node | None = None
    past_premise: Node | None = None

    def as_dict(self) -> dict:
        data: dict = {"triple": list(self.triple), "status": self.status, "certainty": ns.compact(self.certainty),
                      "holds_now": self.holds_now, "temporal_status": ns.compact(self.temporal_status)}
        if self.weakest_premise is not None:
            data["weakest_premise"] = list(self.weakest_premise.triple)
        if self.past_premise is not None:
            data["past_premise"] = list(self.past_premise.triple)
        if self.rule:
            data["rule"] = self.rule
        if self.sources:  # the qualifiers' IRIs compacted, as the triples are
            data["sources"] = [{k: ns.compact(v) if k in QUALIFIERS else v for k, v in s.items()} for s in self.sources]
        if self.premises:
            data["premises"] = [p.as_dict() for p in self.premises]
        return data


def _split_key(key: str) -> tuple[str, str, str]:
    """A derivations key (``<s> <p> o``, N-Triples terms) as its three term strings."""
    subject, predicate, obj = key.split(" ", 2)
    return subject, predicate, obj


def _to_term(text: str):
    """A pyoxigraph term from its N-Triples form (None for a blank node: it is ontology-internal)."""
    import pyoxigraph as ox

    if text.startswith("_:"):
        return None
    if text.startswith("<"):
        return ox.NamedNode(text[1:-1])
    line = f"<urn:s> <urn:p> {text} .".encode()
    return next(iter(ox.parse(input=line, format=ox.RdfFormat.N_TRIPLES))).object


def _display(text: str, blank_labels: dict) -> str:
    """A term of a derivations key as people read it; a blank node by what it stands for."""
    if text.startswith("_:"):
        return f"[{blank_labels.get(text, 'anonymous class')}]"
    return rdfio.display(_to_term(text), literal="turtle")


def resolve_triple(compiled, index, subject: str, predicate: str, obj: str) -> tuple:
    """The triple a user names, as pyoxigraph terms. Each part is a name, prefixed name or IRI
    (``index`` is a :class:`nkgeo.query.names.NameIndex`); the object may also be the value of a
    literal of (subject, predicate), which comes first: "City of Iron" is a nickname's value, and a
    name of Chongjin too."""
    import pyoxigraph as ox

    s = ox.NamedNode(index.resolve(subject))
    p = ox.NamedNode(index.resolve_predicate(predicate))
    o = literal_object(compiled, s, p, obj)
    return s, p, o if o is not None else ox.NamedNode(index.resolve(obj))


def literal_object(compiled, s, p, text: str):
    """The literal object of (s, p, ?) whose value is ``text``, or None if there is none."""
    for st in statements(compiled, s, p):
        if type(st.object).__name__ == "Literal" and st.object.value == text:
            return st.object
    return None


class Explainer:
    """Builds explanation trees from a compiled dataset's derivations and evidence."""

    def __init__(self, compiled, quote_documents: bool = True):
        self.compiled = compiled
        self.derivations = compiled.derivations["derivations"]
        self.blank_labels = compiled.derivations["blank_nodes"]
        self.rules = compiled.derivations["rules"]
        self.documents = documents(compiled)
        self.quote_documents = quote_documents
        words = vocabulary(compiled)
        self.ranks = {iri: rank for iri, (_label, rank) in words.modes.items()}
        self.now = {iri: now for iri, (_label, now) in words.statuses.items()}
        self.labels = {iri: label for iri, (label, _) in (*words.modes.items(), *words.statuses.items())}

    def explain(self, s, p, o) -> Node:
        """The tree for one triple given as pyoxigraph terms; NkgeoError if it does not hold."""
        key = f"{s} {p} {o}"
        found = self._node(key, seen=set(), depth=0)
        if found is not None and found.status == "inferred":
            found.weakest_premise, found.past_premise = self._weakest(found), self._past(found)
        if found is None:
            shown = " ".join(_display(t, self.blank_labels) for t in _split_key(key))
            raise NkgeoError(f"{shown} is neither asserted nor inferred")
        return found

    def _sources(self, key: str) -> list[dict]:
        terms = [_to_term(t) for t in _split_key(key)]
        if None in terms:  # an axiom about an anonymous class: part of the ontology
            return [{"graph": "ontology"}]
        sources = []
        for st in statements(self.compiled, *terms):
            if st.inferred:
                continue
            entry: dict = {"graph": st.source_label}
            if st.document:
                entry.update({"document": st.document, "start": st.start, "end": st.end})
                if st.qualifier:
                    entry["qualifier"] = st.qualifier
                qualifiers = (st.mode, st.status, st.agents[0] if st.agents else None, st.during, st.time, st.frequency)
                entry.update({name: value for name, value in zip(QUALIFIERS, qualifiers, strict=True) if value is not None})
                entry.update(citation(self.documents, st.document, st.start, st.end, self.quote_documents))
            sources.append(entry)
        return sources

    def _node(self, key: str, seen: set, depth: int) -> Node | None:
        shown = tuple(_display(t, self.blank_labels) for t in _split_key(key))
        derivation = self.derivations.get(key)
        if derivation is None:
            sources = self._sources(key)
            if not sources:
                return None
            return self._certain(Node(shown, "asserted", sources=sources), *self._strongest(sources))
        if key in seen or depth >= MAX_DEPTH:
            return self._certain(Node(shown, "repeated", rule=derivation["rule"]), *self._record(key))
        seen.add(key)
        premises = []
        for premise_key in derivation["premises"]:
            child = self._node(premise_key, seen, depth + 1)
            shown_premise = tuple(_display(t, self.blank_labels) for t in _split_key(premise_key))
            premises.append(child or Node(shown_premise, "asserted", sources=[{"graph": "ontology"}]))
        return self._certain(Node(shown, "inferred", rule=derivation["rule"], premises=premises), *self._record(key))

    # Certainty

    def _strongest(self, sources: list[dict]) -> tuple[str, str]:
        """(mode, status) IRIs of the strongest source: reference data (no document) is stated and
        current; else the record of the highest rank, then one that holds now."""
        best = None
        for source in sources:
            if "document" not in source:
                return ns.NKGEO.Stated, ns.NKGEO.Current
            mode = source.get("mode", ns.NKGEO.Stated)
            status = source.get("temporal_status", ns.NKGEO.Current)
            value = (self.ranks.get(mode, STATED_RANK), self.now.get(status, True), mode, status)
            if best is None or value[:2] > best[:2]:
                best = value
        return (best[2], best[3]) if best else (ns.NKGEO.Stated, ns.NKGEO.Current)

    def _record(self, key: str) -> tuple[str, str]:
        """(mode, status) IRIs the build recorded for an inferred triple; stated and current if none."""
        terms = [_to_term(t) for t in _split_key(key)]
        record = record_of(self.compiled, *terms) if None not in terms else None
        if record and record["mode"] and record["status"]:
            return record["mode"], record["status"]
        return ns.NKGEO.Stated, ns.NKGEO.Current

    def _certain(self, node: Node, mode: str, status: str) -> Node:
        node.certainty, node.temporal_status, node.holds_now = mode, status, self.now.get(status, True)
        return node

    def _rank(self, node: Node) -> int:
        return self.ranks.get(node.certainty, STATED_RANK)

    def _weakest(self, node: Node) -> Node | None:
        """The premise, down the tree, whose assertion mode the node's certainty is (None if stated)."""
        if self._rank(node) >= STATED_RANK:
            return None
        while node.premises:
            node = next((p for p in node.premises if self._rank(p) == self._rank(node)), node.premises[0])
        return node

    def _past(self, node: Node) -> Node | None:
        """The premise, down the tree, that does not hold now (None if the node holds now)."""
        if node.holds_now:
            return None
        while node.premises:
            found = next((p for p in node.premises if not p.holds_now), None)
            if found is None:
                break
            node = found
        return node

    def label(self, iri: str) -> str:
        """A concept of the certainty schemes in a word ("believed", "formerly")."""
        return self.labels.get(iri) or ns.compact(iri)

    def certainty_text(self, node: Node) -> str:
        """"believed" or, when the triple does not hold now or not simply currently, "stated, formerly"."""
        text = self.label(node.certainty)
        return text if node.temporal_status == ns.NKGEO.Current else f"{text}, {self.label(node.temporal_status)}"

    def render(self, node: Node) -> str:
        """The tree as indented text, then the rules it used."""
        lines: list[str] = []
        used: set[str] = set()
        self._render(node, "", True, lines, used, root=True)
        if node.status == "inferred":
            lines.append("")
            lines.append(self._summary(node))
        if used:
            lines.append("")
            lines.append("Rules (OWL 2 RL):")
            lines += [f"  {name}: {self.rules.get(name, '')}" for name in sorted(used)]
        return "\n".join(lines) + "\n"

    def _render(self, node: Node, indent: str, last: bool, lines: list[str], used: set[str], root: bool = False):
        branch = "" if root else ("└─ " if last else "├─ ")
        text = " ".join(node.triple)
        certain = self.certainty_text(node)
        if node.status == "inferred":
            used.add(node.rule)
            lines.append(f"{indent}{branch}{text}  [inferred by {node.rule}; {certain}]")
        elif node.status == "repeated":
            lines.append(f"{indent}{branch}{text}  [inferred by {node.rule}, explained above; {certain}]")
        else:
            where = ", ".join(sorted({src["graph"] for src in node.sources})) or "ontology"
            lines.append(f"{indent}{branch}{text}  [asserted: {where}; {certain}]")
        child_indent = indent + ("" if root else ("   " if last else "│  "))
        for source in node.sources:
            if "document" in source:
                found = source_lines(source, child_indent + "   ", prefix="source: ")
                shown = [self._qualifier_text(name, source[name]) for name in QUALIFIERS if source.get(name)]
                if shown:
                    found[0] += f" [{', '.join(shown)}]"
                lines.extend(found)
        for index, premise in enumerate(node.premises):
            self._render(premise, child_indent, index == len(node.premises) - 1, lines, used)

    def _qualifier_text(self, name: str, iri: str) -> str:
        if name == "attributed_to":
            return f"attributed to {ns.compact(iri)}"
        if name == "holds_during":
            return f"during {ns.compact(iri)}"
        return self.label(iri)

    def _summary(self, root: Node) -> str:
        """What certainty the inference carries and which premise it comes from."""
        if root.weakest_premise is None and root.past_premise is None:
            return f"Certainty: {self.label(root.certainty)}, {self.label(root.temporal_status)}: every premise is stated and holds now."
        parts = []
        if root.weakest_premise is not None:
            premise = root.weakest_premise
            parts.append(f"weakest premise: {self.label(premise.certainty)} ({' '.join(premise.triple)})")
        if root.past_premise is not None:
            premise = root.past_premise
            parts.append(f"does not hold now: {self.label(premise.temporal_status)} ({' '.join(premise.triple)})")
        return f"Certainty: {self.label(root.certainty)}, {self.label(root.temporal_status)}; " + "; ".join(parts) + "."
