"""``nkgeo why``: how a triple holds, as a tree down to the asserted facts and their documents.

An inferred triple shows the OWL 2 RL rule that derived it and its premises; each premise is
explained the same way, until every leaf is asserted, with its sources (document and character
offsets, quoted when the document is at hand).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nkgeo import rdfio
from nkgeo.errors import NkgeoError
from nkgeo.explain.documents import documents, quote
from nkgeo.explain.provenance import source_lines, statements

MAX_DEPTH = 25


@dataclass
class Node:
    """One triple of an explanation: asserted (with sources) or inferred (with rule and premises)."""

    triple: tuple[str, str, str]
    status: str  # asserted | inferred | repeated
    rule: str | None = None
    sources: list[dict] = field(default_factory=list)
    premises: list[Node] = field(default_factory=list)

    def as_dict(self) -> dict:
        data: dict = {"triple": list(self.triple), "status": self.status}
        if self.rule:
            data["rule"] = self.rule
        if self.sources:
            data["sources"] = self.sources
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

    def explain(self, s, p, o) -> Node:
        """The tree for one triple given as pyoxigraph terms; NkgeoError if it does not hold."""
        key = f"{s} {p} {o}"
        found = self._node(key, seen=set(), depth=0)
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
                doc = self.documents.get(st.document)
                if doc is not None:
                    entry["title"] = doc.title
                    if self.quote_documents:
                        passage = quote(doc, st.start, st.end)
                        if passage:
                            entry["quote"] = passage
            sources.append(entry)
        return sources

    def _node(self, key: str, seen: set, depth: int) -> Node | None:
        shown = tuple(_display(t, self.blank_labels) for t in _split_key(key))
        derivation = self.derivations.get(key)
        if derivation is None:
            sources = self._sources(key)
            if not sources:
                return None
            return Node(shown, "asserted", sources=sources)
        if key in seen or depth >= MAX_DEPTH:
            return Node(shown, "repeated", rule=derivation["rule"])
        seen.add(key)
        premises = []
        for premise_key in derivation["premises"]:
            child = self._node(premise_key, seen, depth + 1)
            shown_premise = tuple(_display(t, self.blank_labels) for t in _split_key(premise_key))
            premises.append(child or Node(shown_premise, "asserted", sources=[{"graph": "ontology"}]))
        return Node(shown, "inferred", rule=derivation["rule"], premises=premises)

    def render(self, node: Node) -> str:
        """The tree as indented text, then the rules it used."""
        lines: list[str] = []
        used: set[str] = set()
        self._render(node, "", True, lines, used, root=True)
        if used:
            lines.append("")
            lines.append("Rules (OWL 2 RL):")
            lines += [f"  {name}: {self.rules.get(name, '')}" for name in sorted(used)]
        return "\n".join(lines) + "\n"

    def _render(self, node: Node, indent: str, last: bool, lines: list[str], used: set[str], root: bool = False):
        branch = "" if root else ("└─ " if last else "├─ ")
        text = " ".join(node.triple)
        if node.status == "inferred":
            used.add(node.rule)
            lines.append(f"{indent}{branch}{text}  [inferred by {node.rule}]")
        elif node.status == "repeated":
            lines.append(f"{indent}{branch}{text}  [inferred by {node.rule}, explained above]")
        else:
            where = ", ".join(sorted({src["graph"] for src in node.sources})) or "ontology"
            lines.append(f"{indent}{branch}{text}  [asserted: {where}]")
        child_indent = indent + ("" if root else ("   " if last else "│  "))
        for source in node.sources:
            if "document" in source:
                lines.extend(source_lines(source, child_indent + "   ", prefix="source: "))
        for index, premise in enumerate(node.premises):
            self._render(premise, child_indent, index == len(node.premises) - 1, lines, used)
