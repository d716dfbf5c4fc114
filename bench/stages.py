"""One measured stage of ``bench/run.py``, run in a process of its own; prints one line of JSON.

    python bench/stages.py load     PROJECT   # pyoxigraph loads the sources into a store (triples/s)
    python bench/stages.py loadnq   PROJECT NQ # ... and a compiled dataset.nq, as a query does (lenient)
    python bench/stages.py reason   PROJECT   # the engine alone: read and encode the reasoning input, close it
    python bench/stages.py build    PROJECT   # nkgeo's whole build: parse, reason, derivations, store
    python bench/stages.py owlrl    PROJECT   # owlrl's closure of the same reasoning input
    python bench/stages.py validate PROJECT   # validation as the build runs it: compiled shapes and checks on the store
    python bench/stages.py pyshacl  PROJECT   # pySHACL (the reference) on the same triples
    python bench/stages.py warm     PROJECT QUERY RUNS   # one canned query, again and again, in process

PROJECT is a folder with ``ontology/`` and ``graph/`` (the checkout, or bench/synthetic.py's
output). Each line has the stage's figures and ``peak_mb``: this process's peak resident memory
(``ru_maxrss``), so a stage's memory is not mixed with another's.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def sources(project: Path):
    from nkgeo.sources import Sources

    return Sources.discover(project / "ontology", project / "graph")


def load(project: Path) -> dict:
    """pyoxigraph's in-memory store loads every source file (the speed a query pays per triple)."""
    import pyoxigraph as ox

    from nkgeo import namespaces as ns

    found = sources(project)
    store = ox.Store()
    started = time.perf_counter()
    for path in found.ontology_files:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ns.ONTOLOGY_GRAPH))
    for path in found.graph_files:
        if path.suffix == ".ttl":
            store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ns.GRAPH_NS + path.stem))
        else:
            store.load(path=str(path), format=ox.RdfFormat.TRIG)
    seconds = time.perf_counter() - started
    return {"quads": len(store), "seconds": round(seconds, 3), "per_second": round(len(store) / seconds)}


def reason(project: Path) -> dict:
    """The engine alone, from the files to the closure: parse (pyoxigraph) and encode the reasoning
    input as it streams in, then close it."""
    from nkgeo.build import engine as rules
    from nkgeo.build.pipeline import read_sources, reportable_lines

    found = sources(project)
    engine = rules.Engine(rules.NTriplesTerms())
    started = time.perf_counter()
    read_sources(found, _Discard(), engine)  # the build's reader, its N-Quads thrown away
    encoded = time.perf_counter()
    engine.run()
    closed = time.perf_counter()
    inferred = sum(1 for _ in reportable_lines(engine))
    return {
        "input": engine.asserted, "closure": len(engine), "derived": len(engine) - engine.asserted, "inferred": inferred,
        "read_seconds": round(encoded - started, 3), "run_seconds": round(closed - encoded, 3),
        "seconds": round(closed - started, 3), "rounds": engine.rounds, "consistent": engine.is_consistent(),
    }


class _Discard:
    def write(self, text: str) -> int:
        return len(text)


def load_compiled(nquads: Path) -> dict:
    """A compiled dataset.nq loaded into memory as CompiledDataset.store does (nkgeo wrote it: lenient)."""
    import pyoxigraph as ox

    store = ox.Store()
    started = time.perf_counter()
    store.load(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)
    seconds = time.perf_counter() - started
    return {"quads": len(store), "seconds": round(seconds, 3), "per_second": round(len(store) / seconds)}


def build(project: Path, reasoner: str = "nkgeo") -> dict:
    """nkgeo build --force: the whole pipeline into the cache (NKGEO_CACHE_DIR), where queries find it."""
    from nkgeo.build.cache import CompiledDataset

    compiled = CompiledDataset.open(sources(project), reasoner, rebuild=True)
    meta = compiled.meta
    keys = ("asserted_triples", "inferred_triples", "closure_triples", "reasoning_input_triples", "store", "seconds")
    return {**{key: meta[key] for key in keys}, "path": str(compiled.path)}


def owlrl(project: Path) -> dict:
    import owlrl as reasoner

    from nkgeo.build.pipeline import load_sources, reasoning_input

    started = time.perf_counter()
    graph = reasoning_input(load_sources(sources(project)))
    loaded = time.perf_counter()
    size = len(graph)
    reasoner.DeductiveClosure(reasoner.OWLRL_Semantics).expand(graph)
    closed = time.perf_counter()
    return {"input": size, "closure": len(graph), "parse_seconds": round(loaded - started, 3), "seconds": round(closed - loaded, 3)}


def validate(project: Path) -> dict:
    """Validation as the build runs it, on the compiled store: the shapes compiled into SPARQL and the checks."""
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.build.validate import validate_store

    compiled = CompiledDataset.open(sources(project), warn=False)
    store = compiled.store
    started = time.perf_counter()
    report = validate_store(store, project / "ontology")
    return {"conforms": report.conforms, "seconds": round(time.perf_counter() - started, 3), "triples": report.text.split()[3]}


def pyshacl(project: Path) -> dict:
    """pySHACL, the reference, on the same triples (the compiled store bridged to rdflib) and the same shapes."""
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.build.validate import reference_results

    compiled = CompiledDataset.open(sources(project), warn=False)
    started = time.perf_counter()
    conforms, _results = reference_results(compiled.store, project / "ontology")
    return {"conforms": conforms, "seconds": round(time.perf_counter() - started, 3)}


def warm(project: Path, query: str, runs: int) -> dict:
    """One canned query run again and again on an open dataset: binding, evaluation and formatting."""
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.query import canned, results

    compiled = CompiledDataset.open(sources(project))
    loaded = canned.load_query(project / "queries" / f"{query}.rq")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        substitutions = canned.bind(loaded, {}, lambda name: "https://w3id.org/nkgeo/id/" + name)
        data = results.format_solutions(compiled.query(loaded.text, substitutions=substitutions), "table")
        times.append(time.perf_counter() - started)
    return {"seconds": round(statistics.median(times), 5), "bytes": len(data)}


def main() -> None:
    stage, project = sys.argv[1], Path(sys.argv[2]).resolve()
    os.environ.setdefault("NKGEO_HOME", str(project))
    if stage == "warm":
        figures = warm(project, sys.argv[3], int(sys.argv[4]))
    elif stage == "build":
        figures = build(project, *sys.argv[3:4])
    elif stage == "loadnq":
        figures = load_compiled(Path(sys.argv[3]))
    else:
        figures = {"load": load, "reason": reason, "owlrl": owlrl, "validate": validate, "pyshacl": pyshacl}[stage](project)
    figures["peak_mb"] = peak_mb()
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
