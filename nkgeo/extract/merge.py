"""``nkgeo merge``: add reviewed candidates to ``graph/``, all or nothing, and only if valid.

For each document of a candidates file (TriG from ``nkgeo extract``):

- the triples of its ``graph:doc-<stem>`` whose best evidence reaches ``--min-confidence`` go to
  ``graph/<stem>.trig`` with those evidence records and the document's description, exactly the
  model the curated files use (a merged fact is indistinguishable from a curated one; its evidence
  also keeps ``nkgeo:confidence`` and ``prov:wasGeneratedBy``, so a reader can tell it came from
  the extractor). If the file exists, the new triples are appended to it in a block of their own;
- the label and type of every new entity those triples use go to ``graph/gazetteer.trig``, also
  appended as a block of their own, so the existing text is untouched.

The whole new ``graph/`` is staged in a folder beside it (``.graph.merge-*``: the files that do
not change are hard links, the changed ones new files) and built with the one pipeline
(:func:`nkgeo.build.pipeline.build`: parse, OWL 2 RL, shapes and checks) into a temporary cache.
Only if it conforms is it switched in, with one atomic exchange of the two folders
(``renameat2(RENAME_EXCHANGE)``), so that a kill at any moment leaves ``graph/`` exactly as it was
or exactly as merged; the old folder is then removed. Where the exchange is not available the
switch is two renames, and the next merge completes it (the staged folder is marked complete
before the first rename) or rolls it back. Each merge first removes what a killed one left.
``--dry-run`` validates the same way, lists the triples it would add, and writes nothing.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import NkgeoError
from nkgeo.files import write_atomically

DEFAULT_MIN_CONFIDENCE = 0.5
GAZETTEER_FILE = "gazetteer.trig"
STAGING_INFIX = ".merge-"  # staging folders are ".<graph folder name>.merge-<random>" beside it
COMPLETE_MARK = ".complete"
RENAME_EXCHANGE = 2  # linux/fs.h


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
    added: list[tuple[str, tuple]] = field(default_factory=list)  # (graph IRI, triple of writer terms)

    def text(self) -> str:
        """The counts and the files; on a dry run also every triple that would be added, by graph."""
        from nkgeo.extract.output import term

        verb = "would add" if self.dry_run else "added"
        lines = [
            f"{verb} {self.triples} triples with {self.evidence} evidence records from {len(self.documents)} document(s) "
            f"and {self.entities} new entities to the gazetteer; {self.skipped_low_confidence} candidates below the confidence threshold left out",
        ]
        for name in self.files:
            lines.append(f"  {'would write' if self.dry_run else 'wrote'} graph/{name}")
        if self.dry_run and self.added:
            lines.append(f"the {len(self.added)} triples it would add (graph, subject, predicate, object):")
            lines += [f"  + {term(graph)} {term(s)} {term(p)} {term(o)}" for graph, (s, p, o) in self.added]
        return "\n".join(lines)


def merge(candidates: str | Path, min_confidence: float = DEFAULT_MIN_CONFIDENCE, dry_run: bool = False, graph_folder: Path | None = None) -> MergeReport:
    """Merge the candidates file into ``graph_folder`` (default ``graph/``); MergeError if it cannot be."""
    from nkgeo.extract.candidates import check_candidates
    from nkgeo.resources import graph_dir, writable_graph_dir

    folder = graph_folder or (graph_dir() if dry_run else writable_graph_dir())  # never into the installed package
    with _locked(folder):
        recover(folder)
        if not folder.is_dir():
            raise MergeError(f"no graph folder at {folder}")
        path = Path(candidates)
        check_candidates(path)
        data = _read_candidates(path)
        provenance = data.graph(_iri(ns.PROVENANCE_GRAPH))
        documents = sorted(provenance.subjects(_iri(ns.RDF.type), _iri(ns.NKGEO.SourceDocument)))
        if not documents:
            raise MergeError(f"{path.name} describes no nkgeo:SourceDocument in graph:provenance: nothing to merge")
        current = _Current.of(folder)
        report = MergeReport(dry_run=dry_run)
        staged: dict[str, str] = {}
        gazetteer_rows: list[tuple] = []
        for doc in documents:
            _merge_document(data, doc, folder, current, min_confidence, path.name, report, staged, gazetteer_rows)
        if gazetteer_rows:
            from nkgeo.extract.output import write_trig

            target = folder / GAZETTEER_FILE
            block = write_trig([(ns.GAZETTEER_GRAPH, gazetteer_rows, "sorted")])
            old = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if target.exists() else ""
            staged[GAZETTEER_FILE] = old + f"# Added by nkgeo merge from {path.name}\n" + block
            report.added += [(ns.GAZETTEER_GRAPH, row) for row in gazetteer_rows]
        report.files = sorted(staged)
        if staged:
            _stage_and_switch(folder, staged, dry_run)
        return report


def _read_candidates(path: Path):
    from rdflib import Dataset

    data = Dataset()
    try:
        data.parse(path, format="trig")
    except FileNotFoundError:
        raise MergeError(f"{path}: no such file") from None
    except Exception as exc:  # rdflib raises many kinds of parser errors
        raise MergeError(f"{path.name} is not TriG: {' '.join(str(exc).split())[:200]}") from None
    return data


def _iri(text: str):
    from rdflib import URIRef

    return URIRef(text)


def _merge_document(data, doc, folder: Path, current: _Current, min_confidence: float, source: str, report: MergeReport,
                    staged: dict[str, str], gazetteer_rows: list[tuple]) -> None:
    """Stage the new triples and evidence of one document (and name its new entities in ``gazetteer_rows``)."""
    from rdflib import RDF, URIRef

    from nkgeo.extract.output import HEADER, write_trig

    provenance, gazetteer = data.graph(_iri(ns.PROVENANCE_GRAPH)), data.graph(_iri(ns.GAZETTEER_GRAPH))
    graph_iri = provenance.value(doc, _iri(ns.NKGEO.documentGraph))
    if graph_iri is None or not str(graph_iri).startswith(ns.DOCUMENT_GRAPH_PREFIX):
        raise MergeError(f"{ns.compact(str(doc))} has no nkgeo:documentGraph under {ns.DOCUMENT_GRAPH_PREFIX}")
    stem = str(graph_iri)[len(ns.DOCUMENT_GRAPH_PREFIX) :]
    if not stem or "/" in stem or stem.startswith("."):
        raise MergeError(f"bad document graph name {graph_iri}")
    doc_graph = data.graph(URIRef(graph_iri))
    kept_evidence = []
    kept_triples = set()
    for evidence in sorted(provenance.subjects(_iri(ns.NKGEO.inDocument), doc)):
        confidence = provenance.value(evidence, _iri(ns.NKGEO.confidence))
        triple = (provenance.value(evidence, RDF.subject), provenance.value(evidence, RDF.predicate), provenance.value(evidence, RDF.object))
        if None in triple or triple not in doc_graph:
            continue
        if confidence is not None and float(confidence) < min_confidence:
            continue
        kept_evidence.append(evidence)
        kept_triples.add(triple)
    report.skipped_low_confidence += len({t for t in doc_graph} - kept_triples)
    target = folder / f"{stem}.trig"
    new_triples = sorted(t for t in kept_triples if not current.holds(str(graph_iri), t))
    new_evidence = [e for e in kept_evidence if _evidence_key(provenance, e) not in current.recorded]
    if not new_triples and not new_evidence:
        return
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
        activities |= set(provenance.objects(evidence, _iri(ns.PROV.wasGeneratedBy)))
    for activity in sorted(activities):
        rows_prov += [(_py(activity), _py(p), _py(o)) for p, o in provenance.predicate_objects(activity)]
    used = {s for s, _p, _o in kept_triples} | {o for _s, _p, o in kept_triples if isinstance(o, URIRef)}
    for entity in sorted(used):
        if str(entity) in current.labelled:
            continue
        rows = [(_py(entity), _py(p), _py(o)) for p, o in gazetteer.predicate_objects(entity)]
        if rows:
            current.labelled.add(str(entity))
            report.entities += 1
            gazetteer_rows += rows
    order = "\n".join([str(doc)] + [str(e) for e in new_evidence])
    graphs = [(str(graph_iri), rows_doc, "sorted"), (ns.PROVENANCE_GRAPH, rows_prov, order)]
    graphs = [g for g in graphs if g[1]]
    report.added += [(graph, row) for graph, rows, _order in graphs for row in rows]
    if target.exists():
        text = target.read_text(encoding="utf-8").rstrip("\n") + "\n\n# Added by nkgeo merge from " + source + "\n" + write_trig(graphs)
    else:
        header = HEADER.replace("Candidate triples proposed by nkgeo extract", "Triples merged by nkgeo merge")
        text = write_trig(graphs, header.replace(" Review them, then run nkgeo merge.", ""))
    staged[target.name] = text


def _evidence_key(provenance, evidence) -> tuple:
    return tuple(str(provenance.value(evidence, _iri(x))) for x in EVIDENCE_KEY)


EVIDENCE_KEY = (ns.RDF.subject, ns.RDF.predicate, ns.RDF.object, ns.NKGEO.startOffset, ns.NKGEO.endOffset)


def _py(term):
    """An rdflib term as the output writer's term (IRI string or Lit)."""
    from rdflib import Literal

    from nkgeo.extract.rules import Lit

    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else None
        return Lit(str(term), datatype, term.language)
    return str(term)


@dataclass
class _Current:
    """What ``graph/`` holds now, read from its compiled dataset (the one pipeline's build)."""

    store: object
    labelled: set[str]
    recorded: set[tuple]

    @classmethod
    def of(cls, folder: Path) -> _Current:
        from nkgeo.build.cache import CompiledDataset
        from nkgeo.rdfio import to_rdflib
        from nkgeo.sources import Sources

        try:
            compiled = CompiledDataset.open(Sources.discover(graph=folder), warn=False)
            labelled = {row["s"].value for row in compiled.query("SELECT DISTINCT ?s WHERE { ?s rdfs:label ?label }", graphs="asserted")}
            recorded = {
                tuple("None" if row[name] is None else str(to_rdflib(row[name])) for name in ("s", "p", "o", "start", "end"))
                for row in compiled.query(RECORDED_EVIDENCE)
            }
        except NkgeoError as exc:
            raise MergeError(f"the current graph cannot be read: {exc}") from None
        return cls(compiled.store, labelled, recorded)

    def holds(self, graph: str, triple: tuple) -> bool:
        import pyoxigraph as ox

        from nkgeo.rdfio import from_rdflib

        s, p, o = (from_rdflib(term) for term in triple)
        return ox.Quad(s, p, o, ox.NamedNode(graph)) in self.store


RECORDED_EVIDENCE = """SELECT ?s ?p ?o ?start ?end WHERE { GRAPH graph:provenance {
    ?e a nkgeo:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?e nkgeo:startOffset ?start } OPTIONAL { ?e nkgeo:endOffset ?end } } }"""


# --- staging, validating and switching graph/ as a whole ---------------------------------------


def _checkpoint(step: str) -> None:
    """A named point between two steps of a merge ("staged", "validated", "between renames",
    "switched"): the kill tests replace it to stop the process exactly there."""


def _stage_and_switch(folder: Path, staged: dict[str, str], dry_run: bool) -> None:
    """Stage the whole new graph folder beside ``folder``, build and validate it, then switch it in."""
    staging = folder.parent / f".{folder.name}{STAGING_INFIX}{secrets.token_hex(6)}"
    switched = False
    try:
        new = staging / "graph"
        try:
            shutil.copytree(folder, new, copy_function=_link_or_copy)
            for name, text in staged.items():
                (new / name).unlink(missing_ok=True)  # a hard link to the live file: never write through it
                write_atomically(new / name, text)
        except OSError as exc:
            raise MergeError(f"could not stage the merged graph: {exc.strerror or exc}; nothing was changed") from None
        _checkpoint("staged")
        _validate_staged(new, staging / "build")
        _checkpoint("validated")
        if dry_run:
            return
        (staging / COMPLETE_MARK).touch()
        _switch(folder, new, staging / "old")
        switched = True
        _checkpoint("switched")
    finally:
        if switched or not (staging / "old").exists():  # never remove the only copy of graph/
            shutil.rmtree(staging, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    """A file of the staged folder: a hard link to the unchanged live file (same inode, same stamp), or a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _validate_staged(graph: Path, target: Path) -> None:
    """Build the staged graph folder with the one pipeline into ``target``; MergeError unless it conforms."""
    import json

    from nkgeo.build import pipeline
    from nkgeo.build.validate import ValidationReport
    from nkgeo.sources import DEFAULT_REASONER, Sources

    try:
        meta = pipeline.build(Sources.discover(graph=graph), target, DEFAULT_REASONER)
    except NkgeoError as exc:
        raise MergeError(f"the merged graph would not load: {exc}") from None
    validation = meta["validation"]
    if validation["error"]:
        raise MergeError(f"the merged graph cannot be validated, so nothing was changed: {validation['error']}")
    if validation["conforms"] is False:
        report = ValidationReport.from_json(json.loads((target / pipeline.VALIDATION_FILE).read_text(encoding="utf-8")))
        problems = [v.line() for v in report.violations][:10]
        more = len(report.violations) - len(problems)
        detail = "\n  ".join(problems) + (f"\n  ... and {more} more" if more > 0 else "")
        raise MergeError(f"the merged graph would not be valid, so nothing was changed:\n  {detail}")


def _switch(folder: Path, new: Path, old: Path) -> None:
    """Put ``new`` in the place of ``folder`` (and the old folder at ``new``): one atomic exchange,
    or, where there is none, two renames whose gap :func:`recover` closes."""
    if _exchange(new, folder):
        return
    try:
        os.rename(folder, old)
    except OSError as exc:
        raise MergeError(f"could not replace {folder.name}/: {exc.strerror}; nothing was changed") from None
    _checkpoint("between renames")
    try:
        os.rename(new, folder)
    except OSError as exc:
        os.rename(old, folder)
        raise MergeError(f"could not replace {folder.name}/: {exc.strerror}; nothing was changed") from None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically with Linux's renameat2(RENAME_EXCHANGE); False where it is not available."""
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_cwd = -100
    if function(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # no such call, or a filesystem without it
        return False
    raise MergeError(f"could not replace {b.name}/: {os.strerror(error)}; nothing was changed")


def recover(folder: Path) -> None:
    """Undo or finish what a killed merge left beside ``folder``, and remove its staging folders.

    With the atomic exchange ``folder`` is always whole and a staging folder is only garbage. With
    the two-rename switch a kill between them leaves no ``folder``: the staged one, complete since
    before the first rename, is put in its place (or, if it is gone, the old one is put back)."""
    for staging in sorted(folder.parent.glob(f".{folder.name}{STAGING_INFIX}*")):
        if not folder.exists():
            for candidate in (staging / "graph", staging / "old"):
                if candidate.is_dir() and ((staging / COMPLETE_MARK).exists() or candidate.name == "old"):
                    os.rename(candidate, folder)
                    break
        shutil.rmtree(staging, ignore_errors=True)
    for stale in folder.glob(STAGING_INFIX + "*") if folder.is_dir() else ():  # an older nkgeo staged inside graph/
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def _locked(folder: Path):
    """One merge at a time per graph folder (the lock goes with the process, killed or not)."""
    import fcntl

    lock = folder.parent / f".{folder.name}.merge.lock"
    try:
        handle = open(lock, "a")  # noqa: SIM115 - held for the whole merge
    except OSError as exc:
        raise MergeError(f"cannot lock {lock}: {exc.strerror}") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise MergeError(f"another nkgeo merge is running on {folder}") from None
        yield
