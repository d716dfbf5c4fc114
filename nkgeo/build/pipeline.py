"""The one pipeline from sources to compiled dataset: parse -> reason -> validate -> compile.

``nkgeo build``, ``nkgeo validate``, ``nkgeo merge`` and the tests all go through :func:`build`.
It parses the sources with pyoxigraph (nothing else parses them), closes them under OWL 2 RL
(:mod:`nkgeo.build.engine`, or owlrl on request, given an rdflib graph bridged from the parsed
quads), checks the shapes and checks on asserted + inferred triples (:mod:`nkgeo.build.validate`)
and writes one folder (:mod:`nkgeo.build.cache` says where):

* ``store/``: a pyoxigraph (RocksDB) store which a query opens read-only, so nothing is parsed per
  query whatever the size of the graph; small builds keep only ``dataset.nq``, loaded per query;
* ``dataset.nq``: the same quads as N-Quads: each source's triples in its named graph, the
  closure in graph:inferred (never repeating an asserted triple) and, in the default graph, every
  asserted triple once. A query's default graph is that plus graph:inferred, so it sees each
  triple once however many sources state it, while ``GRAPH ?g`` still shows every source;
* in graph:inferred-provenance, the certainty of each inferred triple below "stated, current"
  (the weakest of its premises: :mod:`nkgeo.build.certainty`);
* ``validation.json``: the report of the shapes and checks (``nkgeo validate`` prints it);
* ``derivations.json`` and ``derivations.bin``: how each inferred triple follows (rule and
  premises, as term ids) and the terms; read lazily by ``nkgeo why``;
* ``meta.json``: counts, the verdict of validation and timings.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.build import certainty
from nkgeo.build.derivations import blank_labels, write_derivations
from nkgeo.errors import SourceError
from nkgeo.sources import BUILD_FORMAT, DEFAULT_REASONER, Sources, reasoner_name

# Named graphs kept out of reasoning: metadata, the closure itself, and owl:sameAs links (see reasoning_input).
NOT_REASONED = (ns.PROVENANCE_GRAPH, ns.INFERRED_GRAPH, ns.GRAPH_NS + "links")
# Sources this big (about 8,000 triples) are compiled into an on-disk store that queries open
# read-only in 10-15 ms whatever its size; smaller ones into dataset.nq alone, which a query loads
# into memory in about that time (the shipped graph: 10 ms), while writing a store costs the build
# half a second.
DISK_STORE_BYTES = 500_000
BULK_LOAD_BYTES = 20_000_000
VALIDATION_FILE = "validation.json"


@contextmanager
def _reading(path: Path):
    """Parsing one source file: a parse or read error becomes a one-line SourceError naming it."""
    try:
        yield
    except SyntaxError as exc:
        raise _parse_error(path, exc) from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None


def _parse_error(path: Path, exc: Exception) -> SourceError:
    message = " ".join(str(exc).split())
    if message.startswith("Parser error "):  # pyoxigraph: "Parser error at line 2 column 9: ..."
        message = message[len("Parser error "):]
    return SourceError(f"{path.name} does not parse: {message[:300]}")


def load_sources(sources: Sources):
    """All sources as one rdflib Dataset (the ontology in graph:ontology, each TriG as it names),
    for tools that want rdflib: parsed by pyoxigraph as a build parses them, each term bridged by
    :func:`nkgeo.rdfio.to_rdflib`, so rdflib sees exactly the build's terms."""
    from rdflib import Dataset, URIRef

    from nkgeo.rdfio import to_rdflib

    dataset = Dataset()
    for prefix, iri in ns.PREFIXES.items():
        dataset.bind(prefix, iri, replace=True)
    graphs: dict = {}
    for quad in parse_sources(sources):
        name = quad.graph_name.value
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = dataset.graph(URIRef(name))
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return dataset


def parse_sources(sources: Sources):
    """Every quad of the sources (pyoxigraph), each file's blank nodes renamed apart; a Turtle
    file's triples in its named graph (the ontology's in graph:ontology). SourceError if a file
    does not parse or has triples outside any named graph."""
    import pyoxigraph as ox

    stray = 0
    for path, fmt, graph in _plan(sources):
        fixed = ox.NamedNode(graph) if graph else None
        with _reading(path):
            for quad in ox.parse(path=str(path), format=fmt, rename_blank_nodes=True):
                if fixed is not None:
                    yield ox.Quad(quad.subject, quad.predicate, quad.object, fixed)
                elif isinstance(quad.graph_name, ox.DefaultGraph):
                    stray += 1
                else:
                    yield quad
    if stray:
        raise _stray(stray)


def _plan(sources: Sources) -> list[tuple]:
    """(path, pyoxigraph format, the named graph of a triples file or None) for each source."""
    import pyoxigraph as ox

    plan = [(path, ox.RdfFormat.TURTLE, ns.ONTOLOGY_GRAPH) for path in sources.ontology_files]
    plan += [
        (path, ox.RdfFormat.TURTLE, ns.GRAPH_NS + path.stem) if path.suffix == ".ttl" else (path, ox.RdfFormat.TRIG, None)
        for path in sources.graph_files
    ]
    return plan


def _stray(count: int) -> SourceError:
    return SourceError(f"{count} triples of graph/ are outside any named graph; put them in a GRAPH block")


def reasoning_input(dataset):
    """The graph reasoning reads: everything asserted except provenance (evidence is metadata) and
    the links to other datasets (``graph:links``).

    The links are left out because OWL 2 RL's equality rules (eq-sym, eq-trans, eq-rep-s/p/o) would
    copy every fact of an entity onto each of its ``owl:sameAs`` IRIs in Wikidata, GeoNames and
    DBpedia, multiplying the closure for nothing: the links are still in the compiled dataset, so
    queries reach them, and a federated query can follow them.
    """
    from rdflib import Graph

    union = Graph()
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if name in NOT_REASONED or not name.startswith(ns.GRAPH_NS):
            continue
        for triple in graph:
            union.add(triple)
    return union


def is_reasoned(graph: str) -> bool:
    return graph.startswith(ns.GRAPH_NS) and graph not in NOT_REASONED


# What read_sources does with a graph's quads: write them only, or also reason over them, as
# reference data (stated, current) or as a document's statements (as certain as their evidence).
UNREASONED, REFERENCE, DOCUMENT = 0, 1, 2


def _graph_kind(graph: str) -> int:
    if not is_reasoned(graph):
        return UNREASONED
    return DOCUMENT if graph.startswith(ns.DOCUMENT_GRAPH_PREFIX) else REFERENCE


class Parsed:
    """What :func:`read_sources` found: the quads written, the asserted triples about our
    resources that reasoning does not read (graph:inferred must not repeat them), the evidence
    records, and the documents' triples that reference data states too (stated and current,
    whatever their evidence says): how certain an inferred triple is depends on these two."""

    def __init__(self):
        self.quads = 0
        self.unreasoned: set[str] = set()
        self.evidence = certainty.EvidenceReader()
        self.documents: set[str] = set()
        self.referenced: set[str] = set()


def read_sources(sources: Sources, out, engine) -> Parsed:
    """Parse every source (pyoxigraph) and write each quad as an N-Quads line to ``out``, once in
    its named graph and once in the default graph (which holds every asserted triple once: the
    store keeps a set), and give the reasoned ones to ``engine``. Blank nodes are renamed apart,
    file by file; SourceError for a file that does not parse or triples outside any named graph."""
    import pyoxigraph as ox

    add, size, write = engine.add, engine.S.__len__, out.write
    graphs: dict = {}
    parsed = Parsed()
    unreasoned, ours = parsed.unreasoned, "<" + ns.ID_NS
    provenance, evidence = f"<{ns.PROVENANCE_GRAPH}>", parsed.evidence.add
    documents, referenced = parsed.documents, parsed.referenced
    stray = 0
    for path, fmt, graph in _plan(sources):
        fixed = (f"<{graph}>", _graph_kind(graph)) if graph else None
        with _reading(path):
            for quad in ox.parse(path=str(path), format=fmt, rename_blank_nodes=True):
                if fixed is None:
                    name = quad.graph_name
                    if isinstance(name, ox.DefaultGraph):
                        stray += 1
                        continue
                    value = name.value
                    found = graphs.get(value)
                    if found is None:
                        found = graphs[value] = (f"<{value}>", _graph_kind(value))
                    label, kind = found
                else:
                    label, kind = fixed
                triple = f"{quad.subject} {quad.predicate} {quad.object}"
                write(f"{triple} {label} .\n{triple} .\n")
                parsed.quads += 1
                if kind:
                    known = size()
                    add(str(quad.subject), str(quad.predicate), str(quad.object))
                    if size() == known:  # another quad gave it already: reference data and a document?
                        if (triple in documents) == (kind == REFERENCE):
                            referenced.add(triple)
                    if kind == DOCUMENT:
                        documents.add(triple)
                else:
                    if label == provenance:
                        evidence(str(quad.subject), str(quad.predicate), str(quad.object))
                    if triple.startswith(ours):
                        unreasoned.add(triple)
    if stray:
        raise _stray(stray)
    return parsed


def _owlrl_inferred(nquads: Path) -> list[str]:
    """owlrl's reportable closure of the reasoned graphs, as N-Triples lines: the asserted quads
    are read back from the compiled ``dataset.nq`` and bridged to rdflib (rdflib parses nothing)."""
    import pyoxigraph as ox
    from rdflib import Graph

    from nkgeo.build import owlrl_reasoner as reason
    from nkgeo.rdfio import from_rdflib, to_rdflib

    asserted = Graph()
    for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
        if not isinstance(quad.graph_name, ox.DefaultGraph) and is_reasoned(quad.graph_name.value):
            asserted.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    closure = reason.owlrl_closure(asserted)
    return sorted(f"{from_rdflib(s)} {from_rdflib(p)} {from_rdflib(o)} .\n" for s, p, o in closure)


def reportable_lines(engine) -> Iterator[str]:
    """The derived triples that belong in graph:inferred, as N-Triples lines, in the order found."""
    from nkgeo.build.engine import BLANK, IRI, LITERAL, V

    terms, kinds = engine.terms, engine.kinds
    ours = {}
    not_kept = {engine.ids.get(f"<{iri}>") for iri in (ns.OWL.Thing, ns.RDFS.Resource, ns.OWL.NamedIndividual)}
    subjects, predicates, objects = engine.S, engine.P, engine.O
    for position in range(engine.asserted, len(subjects)):
        s, p, o = subjects[position], predicates[position], objects[position]
        mine = ours.get(s)
        if mine is None:
            mine = ours[s] = kinds[s] != LITERAL and terms[s].startswith("<" + ns.ID_NS)
        if not mine or kinds[o] == BLANK or kinds[p] != IRI:
            continue
        if (p == V.SAME and s == o) or (p == V.TYPE and o in not_kept):
            continue
        yield f"{terms[s]} {terms[p]} {terms[o]} .\n"


def _write_inferred(out, lines, repeated: set[str], uncertain: dict) -> None:
    """graph:inferred, which never repeats an asserted triple, and the record of each of its triples
    below "stated, current" (graph:inferred-provenance)."""
    label = f"<{ns.INFERRED_GRAPH}>"
    for line in lines:
        key = line[:-3]
        if key not in repeated:
            out.write(f"{key} {label} .\n")
            if uncertain and key in uncertain:
                out.write(certainty.record_quads(key, *uncertain[key]))


def build(sources: Sources, target: Path, reasoner: str = DEFAULT_REASONER, fingerprint: str | None = None) -> dict:
    """Parse, reason, validate and compile the dataset into ``target`` (a fresh folder).

    The quads go straight from the parser to ``dataset.nq`` (and the reasoned ones to the engine);
    the inferred triples follow them; the store is loaded from that file once the engine is gone,
    so that the peak memory is that of one of the two, not of both; the shapes and checks run on
    that store, and the report is written beside it (``validation.json``)."""
    import gc
    import json

    from nkgeo.build import engine as rules

    reasoner = reasoner_name(reasoner)
    seconds = {}
    started = time.perf_counter()
    target.mkdir(parents=True, exist_ok=True)
    engine = rules.Engine(rules.NTriplesTerms())
    nquads = target / "dataset.nq"
    with open(nquads, "w", encoding="utf-8", buffering=1 << 20) as out:
        parsed = read_sources(sources, out, engine)
        seconds["parse"] = time.perf_counter() - started
        mark = time.perf_counter()
        engine.run()
        if reasoner == "owlrl":
            out.flush()
        lines = reportable_lines(engine) if reasoner == "nkgeo" else _owlrl_inferred(nquads)
        uncertain = certainty.inferred_certainty(engine, parsed.evidence, parsed.referenced)
        _write_inferred(out, lines, parsed.unreasoned, uncertain)
    seconds["reason"] = time.perf_counter() - mark
    mark = time.perf_counter()
    write_derivations(engine, target)
    (target / "derivations.json").write_text(
        json.dumps(
            {"format": BUILD_FORMAT, "rules": rules.RULES, "rule_names": list(rules.RULE_NAMES), "blank_nodes": blank_labels(engine),
             "inconsistencies": [[rule, [" ".join(engine.terms[t] for t in p) for p in premises]] for rule, premises in engine.inconsistencies]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    figures = {"closure_triples": len(engine), "reasoning_input_triples": engine.asserted, "consistent": engine.is_consistent(),
               "rounds": engine.rounds}
    del engine
    gc.collect()
    seconds["derivations"] = time.perf_counter() - mark
    mark = time.perf_counter()
    on_disk = sum(path.stat().st_size for path in sources.files) >= DISK_STORE_BYTES
    store = _load_store(target, nquads, on_disk)
    graphs = {
        row["g"].value: int(row["n"].value)
        for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    }
    seconds["store"] = time.perf_counter() - mark
    mark = time.perf_counter()
    validation = _validate(store, sources, target, graphs.get(ns.INFERRED_GRAPH, 0))
    seconds["validate"] = time.perf_counter() - mark
    mark = time.perf_counter()
    _finish_store(store, nquads, on_disk)
    del store  # closes it: the folder is renamed next
    seconds["store"] += time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - started
    meta = {
        "fingerprint": fingerprint or target.name,
        "reasoner": reasoner,
        "sources": [str(p) for p in sources.files],
        "shapes": [str(p) for p in sources.shapes_files],
        "graphs": graphs,
        "asserted_triples": sum(n for g, n in graphs.items() if g != ns.INFERRED_GRAPH),
        "inferred_triples": graphs.get(ns.INFERRED_GRAPH, 0),
        **figures,
        "validation": validation,
        "store": "disk" if on_disk else "memory",
        "seconds": {key: round(value, 3) for key, value in seconds.items()},
    }
    (target / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return meta


def _load_store(target: Path, nquads: Path, on_disk: bool):
    """The store of the compiled quads: on disk for large sources (queries open it read-only,
    nothing parsed per query), else in memory (queries load dataset.nq, which is then rewritten
    as the store's canonical dump)."""
    import pyoxigraph as ox

    if not on_disk:
        store = ox.Store()
        store.load(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)
        return store
    folder = str(target / "store")
    store = ox.Store(folder)
    with open(nquads, "rb") as lines:  # in slices: the bulk loader's memory grows with its input
        while chunk := lines.readlines(BULK_LOAD_BYTES):
            store.bulk_load(input=b"".join(chunk), format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    del store  # closed, then opened read-only as queries open it: validation reads the store they will read
    return ox.Store.read_only(folder)


def _finish_store(store, nquads: Path, on_disk: bool) -> None:
    import pyoxigraph as ox

    if not on_disk:  # the canonical dump: duplicates gone, a stable order
        store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)


def _validate(store, sources: Sources, target: Path, inferred: int) -> dict:
    """Run the shapes and checks on the compiled store; write ``validation.json``; return its summary
    for meta.json. Shapes that cannot be used are recorded as the error, not raised: the data is built."""
    import json

    from nkgeo.build.validate import validate_store
    from nkgeo.errors import ShapesError

    if sources.shapes_dir is None:
        return {"conforms": None, "problems": 0, "error": None}
    try:
        report = validate_store(store, sources.shapes_dir, inferred)
    except ShapesError as exc:
        record = {"error": str(exc)}
        summary = {"conforms": None, "problems": 0, "error": str(exc)}
    else:
        record = report.to_json()
        summary = {"conforms": report.conforms, "problems": len(report.results), "error": None}
    (target / VALIDATION_FILE).write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return summary
