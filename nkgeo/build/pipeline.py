"""Parse the sources, close them under OWL 2 RL once and write the compiled dataset into a folder.

A build parses the sources with pyoxigraph, reasons (:mod:`nkgeo.build.engine`, or owlrl on
request) and writes one folder (the cache, :mod:`nkgeo.build.cache`, names it):

* ``store/``: a pyoxigraph (RocksDB) store of all named graphs, inferred included, which a query
  opens read-only: nothing is parsed per query, whatever the size of the graph;
* ``dataset.nq``: the same quads as N-Quads (for export and the SPARQL server);
* ``derivations.json`` and ``derivations.bin``: how each inferred triple follows (rule and
  premises, as term ids) and the terms (:mod:`nkgeo.build.derivations`); read lazily by ``nkgeo why``;
* ``meta.json``: counts and timings.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from nkgeo import namespaces as ns
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


def _parse_error(path: Path, exc: Exception) -> SourceError:
    message = " ".join(str(exc).split())
    if message.startswith("Parser error "):  # pyoxigraph: "Parser error at line 2 column 9: ..."
        message = message[len("Parser error "):]
    return SourceError(f"{path.name} does not parse: {message[:300]}")


def load_sources(sources: Sources):
    """All sources as one rdflib Dataset: the ontology in graph:ontology, each TriG as it names
    (for validation and for tools that want rdflib; builds parse with pyoxigraph)."""
    from rdflib import Dataset, URIRef

    dataset = Dataset()
    ontology = dataset.graph(URIRef(ns.ONTOLOGY_GRAPH))
    for path in sources.ontology_files:
        try:
            ontology.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many kinds of parser errors
            raise _parse_error(path, exc) from None
    for path in sources.graph_files:
        try:
            if path.suffix == ".ttl":
                dataset.graph(URIRef(ns.GRAPH_NS + path.stem)).parse(path, format="turtle")
            else:
                dataset.parse(path, format="trig")
        except Exception as exc:
            raise _parse_error(path, exc) from None
    stray = len(dataset.default_graph)
    if stray:
        raise SourceError(f"{stray} triples of graph/ are outside any named graph; put them in a GRAPH block")
    for prefix, iri in ns.PREFIXES.items():
        dataset.bind(prefix, iri, replace=True)
    return dataset


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
        if not is_reasoned(str(graph.identifier)):
            continue
        for triple in graph:
            union.add(triple)
    return union


def is_reasoned(graph: str) -> bool:
    return graph.startswith(ns.GRAPH_NS) and graph not in NOT_REASONED


def read_sources(sources: Sources, out, engine) -> tuple[int, int]:
    """Parse every source (pyoxigraph), write each quad as an N-Quads line to ``out`` and give the
    reasoned ones to ``engine``. Blank nodes are renamed apart, file by file. Returns the number of
    quads written and of triples outside any named graph."""
    import pyoxigraph as ox

    add, write = engine.add, out.write
    graphs: dict = {}
    written = stray = 0
    plan = [(path, ox.RdfFormat.TURTLE, ns.ONTOLOGY_GRAPH) for path in sources.ontology_files]
    plan += [
        (path, ox.RdfFormat.TURTLE, ns.GRAPH_NS + path.stem) if path.suffix == ".ttl" else (path, ox.RdfFormat.TRIG, None)
        for path in sources.graph_files
    ]
    for path, fmt, graph in plan:
        fixed = (f"<{graph}>", is_reasoned(graph)) if graph else None
        try:
            for quad in ox.parse(path=str(path), format=fmt, rename_blank_nodes=True):
                if fixed is None:
                    name = quad.graph_name
                    if isinstance(name, ox.DefaultGraph):
                        stray += 1
                        continue
                    value = name.value
                    found = graphs.get(value)
                    if found is None:
                        found = graphs[value] = (f"<{value}>", is_reasoned(value))
                    label, keep = found
                else:
                    label, keep = fixed
                s, p, o = str(quad.subject), str(quad.predicate), str(quad.object)
                write(f"{s} {p} {o} {label} .\n")
                written += 1
                if keep:
                    add(s, p, o)
        except SyntaxError as exc:
            raise _parse_error(path, exc) from None
        except OSError as exc:
            raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    return written, stray


def _owlrl_inferred(sources: Sources) -> list[str]:
    """owlrl's reportable closure, as N-Triples lines (rdflib parses the sources again for it)."""
    import pyoxigraph as ox
    from rdflib import Graph

    from nkgeo.build import owlrl_reasoner

    kept = Graph()
    for triple in owlrl_reasoner.owlrl_closure(reasoning_input(load_sources(sources))):
        kept.add(triple)
    text = kept.serialize(format="nt", encoding="utf-8")
    return sorted(f"{t.subject} {t.predicate} {t.object} .\n" for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES))


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


def _write_store(target: Path, nquads: Path, on_disk: bool) -> dict[str, int]:
    """Load ``dataset.nq`` into the store the queries open; the triples of each named graph."""
    import pyoxigraph as ox

    if on_disk:  # queries open it read-only: nothing is parsed per query
        store = ox.Store(str(target / "store"))
        with open(nquads, "rb") as lines:  # in slices: the bulk loader's memory grows with its input
            while chunk := lines.readlines(BULK_LOAD_BYTES):
                store.bulk_load(input=b"".join(chunk), format=ox.RdfFormat.N_QUADS, lenient=True)
    else:  # queries load dataset.nq into memory, about as fast as opening a store; writing one costs more
        store = ox.Store()
        store.load(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)
    graphs = {
        row["g"].value: int(row["n"].value)
        for row in store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    }
    if on_disk:
        store.flush()
    else:  # the canonical dump: duplicates gone, a stable order
        store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    del store  # closes it: the folder is renamed next
    return graphs


def build(sources: Sources, target: Path, reasoner: str = DEFAULT_REASONER, fingerprint: str | None = None) -> dict:
    """Parse, reason and write the compiled dataset into ``target`` (a fresh folder).

    The quads go straight from the parser to ``dataset.nq`` (and the reasoned ones to the engine);
    the inferred triples follow them; the store is loaded from that file at the end, once the
    engine is gone, so that the peak memory is that of one of the two, not of both."""
    import gc
    import json

    from nkgeo.build import derivations
    from nkgeo.build import engine as rules

    reasoner = reasoner_name(reasoner)
    started = time.perf_counter()
    target.mkdir(parents=True, exist_ok=True)
    engine = rules.Engine(rules.NTriplesTerms())
    nquads = target / "dataset.nq"
    inferred_label = f"<{ns.INFERRED_GRAPH}>"
    with open(nquads, "w", encoding="utf-8", buffering=1 << 20) as out:
        _written, stray = read_sources(sources, out, engine)
        if stray:
            raise SourceError(f"{stray} triples of graph/ are outside any named graph; put them in a GRAPH block")
        loaded = time.perf_counter()
        engine.run()
        inferred = 0
        for line in reportable_lines(engine) if reasoner == "nkgeo" else _owlrl_inferred(sources):
            out.write(f"{line[:-3]} {inferred_label} .\n")
            inferred += 1
    reasoned = time.perf_counter()
    derivations.write(engine, target, BUILD_FORMAT)
    figures = {"closure_triples": len(engine), "reasoning_input_triples": engine.asserted, "consistent": engine.is_consistent(),
               "rounds": engine.rounds}
    del engine
    gc.collect()
    explained = time.perf_counter()
    on_disk = sum(path.stat().st_size for path in sources.files) >= DISK_STORE_BYTES
    graphs = _write_store(target, nquads, on_disk)
    compiled = time.perf_counter()
    meta = {
        "fingerprint": fingerprint or target.name,
        "reasoner": reasoner,
        "sources": [str(p) for p in sources.files],
        "graphs": graphs,
        "asserted_triples": sum(n for g, n in graphs.items() if g != ns.INFERRED_GRAPH),
        "inferred_triples": graphs.get(ns.INFERRED_GRAPH, 0),
        **figures,
        "store": "disk" if on_disk else "memory",
        "seconds": {
            "parse": round(loaded - started, 3),
            "reason": round(reasoned - loaded, 3),
            "compile": round(compiled - reasoned, 3),
            "derivations": round(explained - reasoned, 3),
            "store": round(compiled - explained, 3),
            "total": round(compiled - started, 3),
        },
    }
    (target / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return meta
