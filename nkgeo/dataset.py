"""Load the sources, close them under OWL 2 RL once, and keep the result compiled in a cache.

Sources (``ontology/*.ttl`` but the shapes, ``graph/*.trig``) are the truth. A build parses them
with pyoxigraph, reasons (:mod:`nkgeo.engine`, or owlrl on request), and writes one folder in the
cache, named by a fingerprint of every input byte (and of the code that builds):

* ``store/``: a pyoxigraph (RocksDB) store of all named graphs, inferred included, which a query
  opens read-only: nothing is parsed per query, whatever the size of the graph;
* ``dataset.nq``: the same quads as N-Quads (for export and the SPARQL server);
* ``derivations.json`` and ``derivations.bin``: how each inferred triple follows (rule and
  premises, as term ids) and the terms; read lazily by ``nkgeo why``;
* ``meta.json``: counts and timings.

Finding the build of the current sources must be cheap, since every command does it: the content
fingerprint is remembered (``index.txt`` in the cache) under a key made of each input's name,
size, modification time and inode, so an unchanged checkout costs a few ``stat`` calls; any
change of those reads the bytes again, and a change of content rebuilds.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import QueryError, SourceError
from nkgeo.resources import cache_dir, graph_dir, ontology_dir

BUILD_FORMAT = "2"
NOT_SOURCES = {"shapes.ttl"}
GRAPH_CHOICES = ("all", "asserted", "inferred")
REASONERS = ("nkgeo", "owlrl")
ALIASES = {"trace": "nkgeo"}  # the tracer's old name
DEFAULT_REASONER = os.environ.get("NKGEO_REASONER", "nkgeo")
CODE = ("dataset.py", "reason.py", "engine.py")  # the code a build depends on: part of the fingerprint
# Named graphs kept out of reasoning: metadata, the closure itself, and owl:sameAs links (see reasoning_input).
NOT_REASONED = (ns.PROVENANCE_GRAPH, ns.INFERRED_GRAPH, ns.GRAPH_NS + "links")
DERIVATIONS_MAGIC = b"NKGEODV1"
# Sources this big (about 8,000 triples) are compiled into an on-disk store that queries open
# read-only in 10-15 ms whatever its size; smaller ones into dataset.nq alone, which a query loads
# into memory in about that time (the shipped graph: 10 ms), while writing a store costs the build
# half a second.
DISK_STORE_BYTES = 500_000
BULK_LOAD_BYTES = 20_000_000
INDEX_ENTRIES = 64


def reasoner_name(reasoner: str) -> str:
    name = ALIASES.get(reasoner, reasoner)
    if name not in REASONERS:
        raise SourceError(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    return name


class Sources:
    """The files a build reads."""

    __slots__ = ("ontology_files", "graph_files")

    def __init__(self, ontology_files: tuple[Path, ...], graph_files: tuple[Path, ...]):
        self.ontology_files = tuple(ontology_files)
        self.graph_files = tuple(graph_files)

    def __repr__(self) -> str:
        return f"Sources({self.ontology_files!r}, {self.graph_files!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sources) and (self.ontology_files, self.graph_files) == (other.ontology_files, other.graph_files)

    def __hash__(self) -> int:
        return hash((self.ontology_files, self.graph_files))

    @classmethod
    def discover(cls, ontology: Path | None = None, graph: Path | None = None) -> Sources:
        ontology = ontology or ontology_dir()
        graph = graph or graph_dir()
        if not ontology.is_dir():
            raise SourceError(f"no ontology folder at {ontology}")
        if not graph.is_dir():
            raise SourceError(f"no graph folder at {graph}")
        onto = tuple(sorted(p for p in ontology.glob("*.ttl") if p.name not in NOT_SOURCES))
        data = tuple(sorted([*graph.glob("*.trig"), *graph.glob("*.ttl")]))
        if not onto:
            raise SourceError(f"no ontology files (*.ttl) in {ontology}")
        return cls(onto, data)

    @property
    def files(self) -> tuple[Path, ...]:
        return self.ontology_files + self.graph_files

    def _code(self) -> list[Path]:
        return [Path(__file__).parent / module for module in CODE]

    def fingerprint(self, reasoner: str) -> str:
        """A hash of every input byte, the build code and the reasoner: the cache key."""
        import hashlib

        digest = hashlib.sha256(f"nkgeo-build-{BUILD_FORMAT}-{reasoner_name(reasoner)}".encode())
        for module in self._code():
            digest.update(module.read_bytes())
        for path in self.files:
            digest.update(path.name.encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror}") from None
            digest.update(b"\0")
        return digest.hexdigest()[:24]

    def stamp(self, reasoner: str) -> str:
        """A cheap key of the inputs (path, size, mtime, inode of each file): no byte is read."""
        parts = [BUILD_FORMAT, reasoner_name(reasoner)]
        for path in (*self._code(), *self.files):
            try:
                info = path.stat()
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror}") from None
            parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}|{info.st_ino}")
        return "\0".join(parts).replace("\n", " ").replace("\t", " ")


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
        name = str(graph.identifier)
        if name in NOT_REASONED or not name.startswith(ns.GRAPH_NS):
            continue
        for triple in graph:
            union.add(triple)
    return union


def is_reasoned(graph: str) -> bool:
    return graph.startswith(ns.GRAPH_NS) and graph not in NOT_REASONED


def _term_key(term) -> str:
    return term.n3()


def triple_key(triple) -> str:
    """A triple as one N-Triples-like line: the key of the derivations."""
    return " ".join(_term_key(term) for term in triple)


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

    from nkgeo import reason

    kept = Graph()
    for triple in reason.owlrl_closure(reasoning_input(load_sources(sources))):
        kept.add(triple)
    text = kept.serialize(format="nt", encoding="utf-8")
    return sorted(f"{t.subject} {t.predicate} {t.object} .\n" for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES))


def reportable_lines(engine) -> Iterator[str]:
    """The derived triples that belong in graph:inferred, as N-Triples lines, in the order found."""
    from nkgeo.engine import BLANK, IRI, LITERAL, V

    terms, kinds = engine.terms, engine.kinds
    ours = {}
    not_kept = {engine.ids.get(f"<{iri}>") for iri in (ns.OWL + "Thing", ns.RDFS + "Resource", ns.OWL + "NamedIndividual")}
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


def blank_labels(engine) -> dict[str, str]:
    """A description of each blank node the derivations mention (anonymous class expressions)."""
    from nkgeo.engine import BLANK, LITERAL, describe, short_name

    terms, kinds, ids = engine.terms, engine.kinds, engine.ids
    blank = {t for t in range(len(terms)) if kinds[t] == BLANK}
    used = set()
    if blank:
        for column in (engine.S[engine.asserted:], engine.O[engine.asserted:], engine.premises):
            used.update(blank.intersection(column))
    by_predicate: dict[int, dict] = {}

    def value(node: int, predicate: str):
        pid = ids.get(f"<{predicate}>")
        if pid is None:
            return None
        table = by_predicate.get(pid)
        if table is None:
            table = by_predicate[pid] = {}
            for s, o in engine.schema.get(pid, ()):
                table.setdefault(s, o)
        return table.get(node)

    def items(head: int) -> list:
        found, node, seen = [], head, set()
        while node is not None and node not in seen and terms[node] != f"<{ns.RDF}nil>":
            seen.add(node)
            first = value(node, ns.RDF + "first")
            if first is None:
                break
            found.append(first)
            node = value(node, ns.RDF + "rest")
        return found

    def name(term: int) -> str:
        text = terms[term]
        if kinds[term] == LITERAL:
            return text
        return short_name(text[1:-1])

    return {terms[node]: describe(node, value, items, name, lambda t: kinds[t] == BLANK) for node in sorted(used)}


def write_derivations(engine, target: Path) -> None:
    """``derivations.bin``: the terms and, for each derived triple, its ids, rule and premises."""
    from array import array

    text = "\n".join(engine.terms).encode("utf-8")
    parts = [
        array("I", [len(text), len(engine.S) - engine.asserted, len(engine.premises)]),
        array("I", engine.S[engine.asserted:]),
        array("I", engine.P[engine.asserted:]),
        array("I", engine.O[engine.asserted:]),
        array("I", engine.premise_end),
        array("I", engine.premises),
        array("B", engine.rule),
    ]
    with open(target / "derivations.bin", "wb") as handle:
        handle.write(DERIVATIONS_MAGIC)
        handle.write(parts[0].tobytes())
        handle.write(text)
        for part in parts[1:]:
            handle.write(part.tobytes())


class Derivations(Mapping):
    """The derivations of a build: ``key -> {"rule": name, "premises": [key, ...]}``, where a key is
    a triple in N-Triples form (``<s> <p> o``), in the order the triples were derived. Decoded lazily
    from ``derivations.bin``."""

    def __init__(self, path: Path, rule_names: list[str]):
        from array import array

        data = (path / "derivations.bin").read_bytes()
        if not data.startswith(DERIVATIONS_MAGIC):
            raise SourceError(f"{path / 'derivations.bin'} is not a derivations file; rebuild with nkgeo build --force")
        offset = len(DERIVATIONS_MAGIC)
        header = array("I")
        header.frombytes(data[offset:offset + 12])
        text_length, count, premises = header
        offset += 12
        self.terms = data[offset:offset + text_length].decode("utf-8").split("\n")
        offset += text_length

        def take(code: str, n: int) -> array:
            nonlocal offset
            part = array(code)
            part.frombytes(data[offset:offset + n * part.itemsize])
            offset += n * part.itemsize
            return part

        self.S, self.P, self.O = take("I", count), take("I", count), take("I", count)
        self.premise_end = take("I", count)
        self.premises = take("I", premises)
        self.rule = take("B", count)
        self.rule_names = rule_names
        self._positions: dict[str, int] | None = None

    def _key(self, s: int, p: int, o: int) -> str:
        terms = self.terms
        return f"{terms[s]} {terms[p]} {terms[o]}"

    @property
    def positions(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {self._key(s, p, o): i for i, (s, p, o) in enumerate(zip(self.S, self.P, self.O, strict=True))}
        return self._positions

    def _entry(self, position: int) -> dict:
        start = self.premise_end[position - 1] if position else 0
        flat = self.premises[start:self.premise_end[position]]
        return {
            "rule": self.rule_names[self.rule[position]],
            "premises": [self._key(flat[i], flat[i + 1], flat[i + 2]) for i in range(0, len(flat), 3)],
        }

    def __getitem__(self, key: str) -> dict:
        return self._entry(self.positions[key])

    def __contains__(self, key: object) -> bool:
        return key in self.positions

    def __iter__(self) -> Iterator[str]:
        for s, p, o in zip(self.S, self.P, self.O, strict=True):
            yield self._key(s, p, o)

    def __len__(self) -> int:
        return len(self.S)

    def items(self):
        return ((self._key(s, p, o), self._entry(i)) for i, (s, p, o) in enumerate(zip(self.S, self.P, self.O, strict=True)))


def build(sources: Sources, target: Path, reasoner: str = DEFAULT_REASONER, fingerprint: str | None = None) -> dict:
    """Parse, reason and write the compiled dataset into ``target`` (a fresh folder).

    The quads go straight from the parser to ``dataset.nq`` (and the reasoned ones to the engine);
    the inferred triples follow them; the store is loaded from that file at the end, once the
    engine is gone, so that the peak memory is that of one of the two, not of both."""
    import gc
    import json

    import pyoxigraph as ox

    from nkgeo import engine as rules

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
    explained = time.perf_counter()
    on_disk = sum(path.stat().st_size for path in sources.files) >= DISK_STORE_BYTES
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


def _index_path(root: Path) -> Path:
    return root / "index.txt"


def _read_index(root: Path) -> dict[str, str]:
    """The remembered fingerprints: one ``fingerprint<TAB>stamp`` line each (stamps have no newline)."""
    try:
        text = _index_path(root).read_text(encoding="utf-8")
    except OSError:
        return {}
    index = {}
    for line in text.splitlines():
        fingerprint, _, stamp = line.partition("\t")
        if stamp:
            index[stamp] = fingerprint
    return index


def _known_fingerprint(root: Path, stamp: str) -> str | None:
    return _read_index(root).get(stamp)


def _remember_fingerprint(root: Path, stamp: str, fingerprint: str) -> None:
    """Record stamp -> fingerprint (atomically; a lost race only costs a re-hash later)."""
    import tempfile

    index = {k: v for k, v in _read_index(root).items() if (root / v).is_dir() and k != stamp}
    index[stamp] = fingerprint
    index = dict(list(index.items())[-INDEX_ENTRIES:])  # the newest stamps
    handle, name = tempfile.mkstemp(dir=root, prefix=".index-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(f"{v}\t{k}\n" for k, v in index.items())
        os.replace(name, _index_path(root))
    except OSError:
        Path(name).unlink(missing_ok=True)


def compiled_path(sources: Sources | None = None, reasoner: str = DEFAULT_REASONER, force: bool = False) -> Path:
    """The cache folder of the current sources, building it first when missing (or ``force``)."""
    sources = sources or Sources.discover()
    reasoner = reasoner_name(reasoner)
    root = cache_dir()
    stamp = sources.stamp(reasoner)
    fingerprint = None if force else _known_fingerprint(root, stamp)
    if fingerprint is not None and (root / fingerprint / "meta.json").is_file():
        return root / fingerprint
    fingerprint = sources.fingerprint(reasoner)
    target = root / fingerprint
    if not ((target / "meta.json").is_file() and not force):
        _build_into(root, target, sources, reasoner)
    _remember_fingerprint(root, stamp, fingerprint)
    return target


def _build_into(root: Path, target: Path, sources: Sources, reasoner: str) -> None:
    import shutil
    import tempfile

    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".build-"))
    try:
        build(sources, staging, reasoner, fingerprint=target.name)
        if target.is_dir():
            shutil.rmtree(target)
        try:
            staging.rename(target)
        except OSError:  # another process finished the same build first: keep theirs
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _prune(root, keep=target)


def _prune(root: Path, keep: Path, spare: int = 3) -> None:
    """Drop older compiled datasets, keeping the newest few (other checkouts may use them)."""
    import shutil

    builds = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in builds[spare:]:
        shutil.rmtree(old, ignore_errors=True)


class CompiledDataset:
    """The closed dataset, opened read-only in pyoxigraph for queries."""

    def __init__(self, path: Path, store=None):
        self.path = Path(path)
        self._store = store

    def __repr__(self) -> str:
        return f"CompiledDataset({str(self.path)!r})"

    @classmethod
    def open(cls, sources: Sources | None = None, reasoner: str = DEFAULT_REASONER, rebuild: bool = False) -> CompiledDataset:
        return cls(compiled_path(sources, reasoner, force=rebuild))

    @property
    def store(self):
        """The pyoxigraph store: the on-disk one opened read-only, or dataset.nq loaded in memory."""
        if self._store is None:
            import pyoxigraph as ox

            folder = self.path / "store"
            try:
                if folder.is_dir():
                    self._store = ox.Store.read_only(str(folder))
                else:  # our own output: no need to validate it again (lenient is a third faster)
                    store = ox.Store()
                    store.load(path=str(self.path / "dataset.nq"), format=ox.RdfFormat.N_QUADS, lenient=True)
                    self._store = store
            except OSError as exc:
                raise SourceError(f"cannot open the compiled dataset {self.path}: {exc}; rebuild with nkgeo build --force") from None
        return self._store

    @cached_property
    def meta(self) -> dict:
        import json

        return json.loads((self.path / "meta.json").read_text(encoding="utf-8"))

    @cached_property
    def derivations(self) -> dict:
        """``rules`` (name -> text), ``blank_nodes`` (label -> description) and ``derivations``
        (a mapping from a triple key to its rule and premises; see :class:`Derivations`)."""
        import json

        info = json.loads((self.path / "derivations.json").read_text(encoding="utf-8"))
        info["derivations"] = Derivations(self.path, info["rule_names"])
        return info

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def query(self, text: str, substitutions: dict | None = None, graphs: str = "all"):
        """Run a SPARQL query; ``graphs`` picks the default graph: all, asserted or inferred."""
        return query_store(self.store, text, default_graphs(self.named_graphs(), graphs), substitutions)


def default_graphs(named: list[str], choice: str) -> list[str] | None:
    """The graphs making up the default graph for ``choice``: None for the union of all, else a list."""
    if choice not in GRAPH_CHOICES:
        raise QueryError(f"unknown graph choice {choice!r}; choose one of {', '.join(GRAPH_CHOICES)}")
    if choice == "all":
        return None
    return [g for g in named if (g == ns.INFERRED_GRAPH) == (choice == "inferred")]


def query_store(store, text: str, graphs: list[str] | None = None, substitutions: dict | None = None):
    """Run a SPARQL query on a pyoxigraph store with nkgeo's prefixes, its default graph being the
    union of all graphs (``graphs`` None) or the given ones; errors become one-line QueryErrors."""
    import pyoxigraph as ox

    options: dict = {"prefixes": dict(ns.PREFIXES)}
    if graphs is None:
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = [ox.NamedNode(g) for g in graphs] or [ox.DefaultGraph()]
    if substitutions:
        options["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
    try:
        return store.query(text, **options)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_one_line(str(exc))}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_one_line(str(exc))}") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())
