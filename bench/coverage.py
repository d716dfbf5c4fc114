"""Does the graph say everything its documents say? Sentences with evidence, and the ones left out.

Run ``python bench/coverage.py`` (``--json`` for machine-readable figures). For each corpus
document described in ``graph/*.trig`` it prints the statements the graph holds from it, by kind
(a claim node counts once, by its class; any other triple by its predicate), and every sentence
that is the evidence of no statement, with the reason recorded for it. A sentence neither covered
nor listed is an error: ``tests/test_coverage.py`` fails on it, and so does this script (exit 1).

The sentences of a document (the one rule, used by the test and by this script):

- the text is cut into sentences by the extractor's splitter (:func:`nkgeo.extract.nlp.sentences_of`):
  paragraphs and one-line headings, each paragraph split by spaCy's rule-based sentencizer; a
  heading, a numbered list heading ("3. Chongjin") and the title (the document's first line) are
  sentences of their own;
- a bullet item is a sentence of its own: a line that starts with a bullet ("•", "◦", "▪", "-",
  "*") is cut off from its neighbours and the bullet and the blanks after it are left out of the
  span;
- a span never starts or ends with white space.

A sentence is *covered* when an evidence record of its document has exactly its offsets
(``nkgeo:startOffset``/``nkgeo:endOffset``), and *left out* when a ``nkgeo:Passage`` of its document
(``nkgeo:passageOf``) has its offsets and a reason (``nkgeo:excludedBecause``: title, heading, page
boilerplate, no claim). Both live in the document's own file, in ``graph:provenance``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nkgeo import namespaces as ns  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
_BULLET_LINE = re.compile(r"^[ \t]*[•◦▪*-][ \t]+(?=\S)", re.MULTILINE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    kind: str  # title | heading | item | sentence


def sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with its offsets, by the rule in the module docstring."""
    from nkgeo.extract.nlp import sentences_of

    found: list[Sentence] = []
    for sentence in sentences_of(text):
        kind = "heading" if sentence.block.heading else "sentence"
        if kind == "heading" and not found:
            kind = "title"
        found.extend(_items(text, sentence.start, sentence.end, kind))
    return found


def _items(text: str, start: int, end: int, kind: str) -> list[Sentence]:
    """The sentence ``start..end`` cut at its bullet lines, if it has any."""
    span = text[start:end]
    marks = [m for m in _BULLET_LINE.finditer(span) if m.start() == 0 or span[m.start() - 1] == "\n"]
    if not marks:
        return [Sentence(start, end, kind)]
    cuts = [0] + [m.start() for m in marks if m.start() > 0] + [len(span)]
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = span[a:b]
        bullet = _BULLET_LINE.match(piece)
        lead = bullet.end() if bullet else len(piece) - len(piece.lstrip())
        body = piece[lead:].rstrip()
        if body:
            pieces.append(Sentence(start + a + lead, start + a + lead + len(body), "item" if bullet else kind))
    return pieces


@dataclass
class DocumentCoverage:
    """What the graph holds from one document, and how its sentences are accounted for."""

    iri: str
    file_name: str
    title: str
    sentences: list[Sentence]
    covered: set[tuple[int, int]]
    left_out: dict[tuple[int, int], str]  # span -> reason (local name of the nkgeo:ExclusionReason)
    statements: Counter = field(default_factory=Counter)
    stray_spans: set[tuple[int, int]] = field(default_factory=set)  # evidence or passages that are no sentence

    @property
    def missing(self) -> list[Sentence]:
        """Sentences neither covered by evidence nor left out with a reason."""
        return [s for s in self.sentences if (s.start, s.end) not in self.covered and (s.start, s.end) not in self.left_out]

    @property
    def wrongly_left_out(self) -> list[Sentence]:
        """Sentences that are both the evidence of a statement and listed as left out."""
        return [s for s in self.sentences if (s.start, s.end) in self.covered and (s.start, s.end) in self.left_out]


def load_dataset(root: Path = ROOT):
    """The ontology and graph/ of the project, parsed once (rdflib)."""
    from nkgeo.build.pipeline import load_sources
    from nkgeo.sources import Sources

    return load_sources(Sources.discover(root / "ontology", root / "graph"))


def _claim_classes(dataset) -> set[str]:
    from rdflib import RDFS, URIRef

    ontology = dataset.graph(URIRef(ns.ONTOLOGY_GRAPH))
    return {str(c) for c in ontology.transitive_subjects(RDFS.subClassOf, URIRef(ns.NKGEO.Claim))}


def statement_kinds(graph, claim_classes: set[str]) -> Counter:
    """A document graph's statements by kind: a claim once, by its class (its parts and the link from its
    subject are that one statement), any other triple by its predicate."""
    from rdflib import RDF

    claims = {s: str(o) for s, o in graph.subject_objects(RDF.type) if str(o) in claim_classes}
    kinds: Counter = Counter()
    for cls in claims.values():
        kinds[ns.compact(cls)] += 1
    for s, p, o in graph:
        if s in claims or o in claims:
            continue
        kinds["rdf:type" if str(p) == ns.RDF.type else ns.compact(str(p))] += 1
    return kinds


def coverage(dataset=None, corpus: Path = CORPUS) -> list[DocumentCoverage]:
    """The coverage of every document described in graph:provenance whose text is in ``corpus``."""
    from rdflib import RDF, URIRef

    dataset = dataset if dataset is not None else load_dataset()
    provenance = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    claim_classes = _claim_classes(dataset)
    N = {name: URIRef(getattr(ns.NKGEO, name)) for name in (
        "SourceDocument", "fileName", "documentGraph", "inDocument", "startOffset", "endOffset", "passageOf", "excludedBecause")}
    report = []
    for doc in sorted(provenance.subjects(RDF.type, N["SourceDocument"])):
        file_name = str(provenance.value(doc, N["fileName"]))
        path = corpus / file_name
        if not path.is_file():
            raise FileNotFoundError(f"{file_name} is described in graph:provenance but not found in {corpus}")
        text = path.read_text(encoding="utf-8")
        found = sentences(text)
        spans = {(s.start, s.end) for s in found}
        covered = {(int(provenance.value(ev, N["startOffset"])), int(provenance.value(ev, N["endOffset"])))
                   for ev in provenance.subjects(N["inDocument"], doc)}
        left_out = {}
        for passage in provenance.subjects(N["passageOf"], doc):
            span = (int(provenance.value(passage, N["startOffset"])), int(provenance.value(passage, N["endOffset"])))
            reason = provenance.value(passage, N["excludedBecause"])
            left_out[span] = str(reason).rsplit("#", 1)[-1] if reason is not None else "(no reason)"
        item = DocumentCoverage(
            iri=str(doc), file_name=file_name, title=" ".join(str(provenance.value(doc, URIRef(ns.DCTERMS.title))).split()),
            sentences=found, covered=covered & spans, left_out=left_out,
            statements=statement_kinds(dataset.graph(provenance.value(doc, N["documentGraph"])), claim_classes),
            stray_spans=(covered | set(left_out)) - spans,
        )
        report.append(item)
    return report


def render(report: list[DocumentCoverage], corpus: Path = CORPUS) -> str:
    lines = []
    for item in report:
        text = (corpus / item.file_name).read_text(encoding="utf-8")
        total = sum(item.statements.values())
        claims = {k: v for k, v in item.statements.items() if k[len("nkgeo:"):][:1].isupper()}
        lines.append(f"{item.file_name}  {item.title}")
        lines.append(f"  sentences: {len(item.sentences)}, with evidence {len(item.covered)}, left out {len(item.left_out)}, "
                     f"neither {len(item.missing)}")
        lines.append(f"  statements held: {total} ({sum(claims.values())} claims, {total - sum(claims.values())} triples)")
        for kind, count in sorted(item.statements.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"    {count:4d}  {kind}{'  (claim)' if kind in claims else ''}")
        reasons = Counter(item.left_out.values())
        lines.append("  left out: " + ", ".join(f"{reason} {n}" for reason, n in sorted(reasons.items())))
        for (start, end), reason in sorted(item.left_out.items()):
            lines.append(f"    {start:5d}-{end:<5d} {reason:<11} {' '.join(text[start:end].split())!r}")
        for sentence in item.missing:
            lines.append(f"  NEITHER {sentence.start}-{sentence.end}: {' '.join(text[sentence.start:sentence.end].split())[:80]!r}")
        lines.append("")
    return "\n".join(lines)


def as_json(report: list[DocumentCoverage]) -> dict:
    return {
        item.file_name: {
            "sentences": len(item.sentences),
            "covered": len(item.covered),
            "left_out": {f"{a}-{b}": reason for (a, b), reason in sorted(item.left_out.items())},
            "neither": [f"{s.start}-{s.end}" for s in item.missing],
            "statements": dict(sorted(item.statements.items())),
        }
        for item in report
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of the documents (default {CORPUS})")
    args = parser.parse_args(argv)
    report = coverage(corpus=args.corpus)
    print(json.dumps(as_json(report), indent=2) if args.json else render(report, args.corpus))
    return 1 if any(item.missing or item.wrongly_left_out or item.stray_spans for item in report) else 0


if __name__ == "__main__":
    sys.exit(main())
