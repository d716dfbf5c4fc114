"""``nkgeo merge``: add reviewed candidates to ``graph/``, all or nothing, and only if valid.

For each document of a candidates file (TriG from ``nkgeo extract``):

- the triples of its ``graph:doc-<stem>`` whose best evidence reaches ``--min-confidence`` go to
  ``graph/<stem>.trig`` with those evidence records and the document's description, exactly the
  model the curated files use (a merged fact is indistinguishable from a curated one; its evidence
  also keeps ``nkgeo:confidence`` and ``prov:wasGeneratedBy``, so a reader can tell it came from
  the extractor). If the file exists, the new triples are appended to it in a block of their own;
- the label and type of every new entity those triples use go to ``graph/gazetteer.trig``, also
  appended as a block of their own, so the existing text is untouched.

Every file is first written to a staging folder next to ``graph/``; the dataset those files would
make is loaded, closed under OWL 2 RL and validated (SHACL shapes and SPARQL checks, as by
``nkgeo validate``). Only if it conforms are the files renamed into place; if a rename fails half
way, the files already replaced are restored. Nothing is written on ``--dry-run``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import NkgeoError

DEFAULT_MIN_CONFIDENCE = 0.5
GAZETTEER_FILE = "gazetteer.trig"


class MergeError(NkgeoError):
    """The candidates cannot be merged: unreadable, or the result would not be valid."""


@dataclass
class MergeReport:
    documents: list[str] = field(default_factory=list)
    triples: int = 0
    evidence: int = 0
    entities: int = 0
    skipped_low_confidence: int = 0
    files: list[str] = field(default_factory=list)
    dry_run: bool = False

    def text(self) -> str:
        verb = "would add" if self.dry_run else "added"
        lines = [
            f"{verb} {self.triples} triples with {self.evidence} evidence records from {len(self.documents)} document(s) "
            f"and {self.entities} new entities to the gazetteer; {self.skipped_low_confidence} candidates below the confidence threshold left out",
        ]
        for name in self.files:
            lines.append(f"  {'would write' if self.dry_run else 'wrote'} graph/{name}")
        return "\n".join(lines)


def merge(candidates: str | Path, min_confidence: float = DEFAULT_MIN_CONFIDENCE, dry_run: bool = False, graph_folder: Path | None = None) -> MergeReport:
    from rdflib import RDF, Dataset, URIRef

    from nkgeo.extract.output import HEADER, write_trig
    from nkgeo.resources import graph_dir, writable_graph_dir

    folder = graph_folder or (graph_dir() if dry_run else writable_graph_dir())  # never into the installed package
    if not folder.is_dir():
        raise MergeError(f"no graph folder at {folder}")
    path = Path(candidates)
    data = Dataset()
    try:
        data.parse(path, format="trig")
    except FileNotFoundError:
        raise MergeError(f"{path}: no such file") from None
    except Exception as exc:  # rdflib raises many kinds of parser errors
        raise MergeError(f"{path.name} is not TriG: {' '.join(str(exc).split())[:200]}") from None
    provenance = data.graph(URIRef(ns.PROVENANCE_GRAPH))
    gazetteer = data.graph(URIRef(ns.GAZETTEER_GRAPH))
    documents = sorted(provenance.subjects(RDF.type, URIRef(ns.NKGEO.SourceDocument)))
    if not documents:
        raise MergeError(f"{path.name} describes no nkgeo:SourceDocument in graph:provenance: nothing to merge")
    existing = _existing_dataset(folder)
    known_labels = {str(s) for s, _p, _o, _g in existing.quads((None, URIRef(ns.RDFS.label), None, None))}
    recorded = _recorded(existing)
    report = MergeReport(dry_run=dry_run)
    staged: dict[str, str] = {}
    gazetteer_rows: list[tuple] = []
    for doc in documents:
        graph_iri = provenance.value(doc, URIRef(ns.NKGEO.documentGraph))
        if graph_iri is None or not str(graph_iri).startswith(ns.DOCUMENT_GRAPH_PREFIX):
            raise MergeError(f"{ns.compact(str(doc))} has no nkgeo:documentGraph under {ns.DOCUMENT_GRAPH_PREFIX}")
        stem = str(graph_iri)[len(ns.DOCUMENT_GRAPH_PREFIX) :]
        if not stem or "/" in stem or stem.startswith("."):
            raise MergeError(f"bad document graph name {graph_iri}")
        doc_graph = data.graph(URIRef(graph_iri))
        kept_evidence = []
        kept_triples = set()
        for evidence in sorted(provenance.subjects(URIRef(ns.NKGEO.inDocument), doc)):
            confidence = provenance.value(evidence, URIRef(ns.NKGEO.confidence))
            triple = (provenance.value(evidence, RDF.subject), provenance.value(evidence, RDF.predicate), provenance.value(evidence, RDF.object))
            if None in triple or triple not in doc_graph:
                continue
            if confidence is not None and float(confidence) < min_confidence:
                continue
            kept_evidence.append(evidence)
            kept_triples.add(triple)
        report.skipped_low_confidence += len({t for t in doc_graph} - kept_triples)
        target = folder / f"{stem}.trig"
        already = existing.graph(URIRef(graph_iri))
        new_triples = sorted(t for t in kept_triples if t not in already)
        new_evidence = []
        for evidence in kept_evidence:
            key = tuple(
                str(provenance.value(evidence, URIRef(x)))
                for x in (ns.RDF.subject, ns.RDF.predicate, ns.RDF.object, ns.NKGEO.startOffset, ns.NKGEO.endOffset)
            )
            if key not in recorded:
                new_evidence.append(evidence)
        if not new_triples and not new_evidence:
            continue
        report.documents.append(stem)
        report.triples += len(new_triples)
        report.evidence += len(new_evidence)
        rows_doc = [(_py(s), _py(p), _py(o)) for s, p, o in new_triples]
        rows_prov = []
        if not target.exists():
            rows_prov += [(_py(doc), _py(p), _py(o)) for p, o in provenance.predicate_objects(doc)]
        activities = set()
        for evidence in new_evidence:
            rows_prov += [(_py(evidence), _py(p), _py(o)) for p, o in provenance.predicate_objects(evidence)]
            activities |= set(provenance.objects(evidence, URIRef(ns.PROV.wasGeneratedBy)))
        for activity in sorted(activities):
            rows_prov += [(_py(activity), _py(p), _py(o)) for p, o in provenance.predicate_objects(activity)]
        used = {s for s, _p, _o in kept_triples} | {o for _s, _p, o in kept_triples if isinstance(o, URIRef)}
        for entity in sorted(used):
            if str(entity) in known_labels:
                continue
            rows = [(_py(entity), _py(p), _py(o)) for p, o in gazetteer.predicate_objects(entity)]
            if rows:
                known_labels.add(str(entity))
                report.entities += 1
                gazetteer_rows += rows
        order = "\n".join([str(doc)] + [str(e) for e in new_evidence])
        graphs = [(str(graph_iri), rows_doc, "sorted"), (ns.PROVENANCE_GRAPH, rows_prov, order)]
        graphs = [g for g in graphs if g[1]]
        if target.exists():
            text = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n# Added by nkgeo merge from " + path.name + "\n" + write_trig(graphs)
        else:
            text = write_trig(
                graphs,
                HEADER.replace("Candidate triples proposed by nkgeo extract", "Triples merged by nkgeo merge").replace(
                    " Review them, then run nkgeo merge.", ""
                ),
            )
        staged[target.name] = text
    if gazetteer_rows:
        target = folder / GAZETTEER_FILE
        block = write_trig([(ns.GAZETTEER_GRAPH, gazetteer_rows, "sorted")])
        old = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if target.exists() else ""
        staged[GAZETTEER_FILE] = old + f"# Added by nkgeo merge from {path.name}\n" + block
    report.files = sorted(staged)
    if not staged:
        return report
    with tempfile.TemporaryDirectory(prefix=".merge-", dir=folder) as staging_dir:
        staging = Path(staging_dir)
        for name, text in staged.items():
            (staging / name).write_text(text, encoding="utf-8")
        _validate_staged(folder, staging, sorted(staged))
        if not dry_run:
            _replace_all(folder, staging, sorted(staged))
    return report


def _py(term):
    """An rdflib term as the output writer's term (IRI string or Lit)."""
    from rdflib import Literal

    from nkgeo.extract.rules import Lit

    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else None
        return Lit(str(term), datatype, term.language)
    return str(term)


def _existing_dataset(folder: Path):
    from nkgeo.build.pipeline import load_sources
    from nkgeo.sources import Sources

    try:
        return load_sources(Sources.discover(graph=folder))
    except NkgeoError as exc:
        raise MergeError(f"the current graph cannot be read: {exc}") from None


def _recorded(dataset) -> set[tuple]:
    from rdflib import URIRef

    provenance = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    out = set()
    for evidence in provenance.subjects(URIRef(ns.RDF.type), URIRef(ns.NKGEO.Evidence)):
        out.add(
            tuple(
                str(provenance.value(evidence, URIRef(x)))
                for x in (ns.RDF.subject, ns.RDF.predicate, ns.RDF.object, ns.NKGEO.startOffset, ns.NKGEO.endOffset)
            )
        )
    return out


def _validate_staged(folder: Path, staging: Path, names: list[str]) -> None:
    """Load the dataset the staged files would make, reason, validate; raise MergeError if invalid."""
    from rdflib import Graph

    from nkgeo.build import owlrl_reasoner as reason
    from nkgeo.build.pipeline import load_sources, reasoning_input
    from nkgeo.build.validate import validate
    from nkgeo.sources import DEFAULT_REASONER, Sources

    current = Sources.discover(graph=folder)
    files = {p.name: p for p in current.graph_files}
    for name in names:
        files[name] = staging / name
    sources = Sources(current.ontology_files, tuple(files[k] for k in sorted(files)))
    try:
        dataset = load_sources(sources)
    except NkgeoError as exc:
        raise MergeError(f"the merged graph would not load: {exc}") from None
    inference = reason.infer(reasoning_input(dataset), engine=DEFAULT_REASONER)
    inferred = Graph()
    for triple in inference.inferred:
        inferred.add(triple)
    report = validate(dataset, inferred=inferred)
    if not report.conforms:
        problems = [v.line() for v in report.violations][:10]
        more = len(report.violations) - len(problems)
        detail = "\n  ".join(problems) + (f"\n  ... and {more} more" if more > 0 else "")
        raise MergeError(f"the merged graph would not be valid, so nothing was changed:\n  {detail}")


def _replace_all(folder: Path, staging: Path, names: list[str]) -> None:
    """Rename every staged file into place; on failure, put back what was replaced."""
    backups: dict[str, Path | None] = {}
    done: list[str] = []
    try:
        for name in names:
            target = folder / name
            if target.exists():
                backup = staging / f"{name}.bak"
                shutil.copy2(target, backup)
                backups[name] = backup
            else:
                backups[name] = None
        for name in names:
            os.replace(staging / name, folder / name)
            done.append(name)
    except OSError as exc:
        for name in reversed(done):
            backup = backups.get(name)
            try:
                if backup is None:
                    (folder / name).unlink(missing_ok=True)
                else:
                    os.replace(backup, folder / name)
            except OSError:
                pass
        raise MergeError(f"could not write graph/{names[len(done)] if len(done) < len(names) else '?'}: {exc.strerror}; nothing was changed") from None
