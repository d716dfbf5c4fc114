"""Load the sources, close them under OWL 2 RL once, and keep the result compiled in a cache.

Sources (``ontology/*.ttl`` but the shapes, ``graph/*.trig``) are the truth. A build parses them
with rdflib, reasons, and writes one folder in the cache, named by a fingerprint of every input
byte (and of the code that builds): ``dataset.nq`` (all named graphs, inferred included),
``derivations.json`` (how each inferred triple follows) and ``meta.json`` (counts). A query only
loads ``dataset.nq`` into an in-memory pyoxigraph store, so it pays neither for rdflib, nor for
parsing Turtle, nor for reasoning; any change to a source changes the fingerprint and rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import QueryError, SourceError
from nkgeo.resources import cache_dir, graph_dir, ontology_dir

BUILD_FORMAT = "1"
NOT_SOURCES = {"shapes.ttl"}
GRAPH_CHOICES = ("all", "asserted", "inferred")
REASONERS = ("owlrl", "trace")
DEFAULT_REASONER = os.environ.get("NKGEO_REASONER", "owlrl")
# Named graphs kept out of reasoning: metadata, the closure itself, and owl:sameAs links (see reasoning_input).
NOT_REASONED = (ns.PROVENANCE_GRAPH, ns.INFERRED_GRAPH, ns.GRAPH_NS + "links")


@dataclass(frozen=True)
class Sources:
    """The files a build reads."""

    ontology_files: tuple[Path, ...]
    graph_files: tuple[Path, ...]

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

    def fingerprint(self, reasoner: str) -> str:
        """A hash of every input byte, the build code and the reasoner: the cache key."""
        digest = hashlib.sha256(f"nkgeo-build-{BUILD_FORMAT}-{reasoner}".encode())
        for module in ("dataset.py", "reason.py"):
            digest.update((Path(__file__).parent / module).read_bytes())
        for path in self.files:
            digest.update(path.name.encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror}") from None
            digest.update(b"\0")
        return digest.hexdigest()[:24]


def _parse_error(path: Path, exc: Exception) -> SourceError:
    message = " ".join(str(exc).split())
    return SourceError(f"{path.name} does not parse: {message[:300]}")


def load_sources(sources: Sources):
    """All sources as one rdflib Dataset: the ontology in graph:ontology, each TriG as it names."""
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


def _term_key(term) -> str:
    return term.n3()


def triple_key(triple) -> str:
    """A triple as one N-Triples-like line: the key of ``derivations.json``."""
    return " ".join(_term_key(term) for term in triple)


def build(sources: Sources, target: Path, reasoner: str = DEFAULT_REASONER) -> dict:
    """Parse, reason and write the compiled dataset into ``target`` (a fresh folder)."""
    from rdflib import URIRef

    from nkgeo import reason

    if reasoner not in REASONERS:
        raise SourceError(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    started = time.perf_counter()
    dataset = load_sources(sources)
    parsed = time.perf_counter()
    asserted = reasoning_input(dataset)
    inference = reason.infer(asserted, engine=reasoner)
    reasoned = time.perf_counter()
    inferred_graph = dataset.graph(URIRef(ns.INFERRED_GRAPH))
    for triple in inference.inferred:
        inferred_graph.add(triple)

    blank_labels = {
        node.n3(): reason.describe_class_expression(asserted, node)
        for triple in inference.derivations
        for node in triple
        if node.__class__.__name__ == "BNode"
    }
    for derivation in inference.derivations.values():
        for premise in derivation.premises:
            for node in premise:
                if node.__class__.__name__ == "BNode" and node.n3() not in blank_labels:
                    blank_labels[node.n3()] = reason.describe_class_expression(asserted, node)
    derivations = {
        triple_key(t): {"rule": d.rule, "premises": [triple_key(p) for p in d.premises]}
        for t, d in inference.derivations.items()
    }
    graphs = {}
    for graph in dataset.graphs():
        if len(graph):
            graphs[str(graph.identifier)] = len(graph)
    meta = {
        "fingerprint": target.name,
        "reasoner": reasoner,
        "sources": [str(p) for p in sources.files],
        "graphs": graphs,
        "asserted_triples": sum(n for g, n in graphs.items() if g != ns.INFERRED_GRAPH),
        "inferred_triples": len(inference.inferred),
        "seconds": {
            "parse": round(parsed - started, 3),
            "reason": round(reasoned - parsed, 3),
        },
    }
    target.mkdir(parents=True, exist_ok=True)
    dataset.serialize(target / "dataset.nq", format="nquads", encoding="utf-8")
    (target / "derivations.json").write_text(
        json.dumps({"rules": reason.RULES, "blank_nodes": blank_labels, "derivations": derivations}, ensure_ascii=False),
        encoding="utf-8",
    )
    meta["seconds"]["total"] = round(time.perf_counter() - started, 3)
    (target / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return meta


def compiled_path(sources: Sources | None = None, reasoner: str = DEFAULT_REASONER, force: bool = False) -> Path:
    """The cache folder of the current sources, building it first when missing (or ``force``)."""
    sources = sources or Sources.discover()
    root = cache_dir()
    target = root / sources.fingerprint(reasoner)
    if target.is_dir() and not force:
        return target
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".build-"))
    try:
        build(sources, staging, reasoner)
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
    return target


def _prune(root: Path, keep: Path, spare: int = 3) -> None:
    """Drop older compiled datasets, keeping the newest few (other checkouts may use them)."""
    builds = sorted(
        (p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in builds[spare:]:
        shutil.rmtree(old, ignore_errors=True)


@dataclass
class CompiledDataset:
    """The closed dataset, loaded into pyoxigraph for queries."""

    path: Path
    _store: object = field(default=None, repr=False)

    @classmethod
    def open(cls, sources: Sources | None = None, reasoner: str = DEFAULT_REASONER, rebuild: bool = False) -> CompiledDataset:
        return cls(compiled_path(sources, reasoner, force=rebuild))

    @property
    def store(self):
        if self._store is None:
            import pyoxigraph as ox

            store = ox.Store()
            store.bulk_load(path=str(self.path / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
            self._store = store
        return self._store

    @cached_property
    def meta(self) -> dict:
        return json.loads((self.path / "meta.json").read_text(encoding="utf-8"))

    @cached_property
    def derivations(self) -> dict:
        return json.loads((self.path / "derivations.json").read_text(encoding="utf-8"))

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def query(self, text: str, substitutions: dict | None = None, graphs: str = "all"):
        """Run a SPARQL query; ``graphs`` picks the default graph: all, asserted or inferred."""
        import pyoxigraph as ox

        if graphs not in GRAPH_CHOICES:
            raise QueryError(f"unknown graph choice {graphs!r}; choose one of {', '.join(GRAPH_CHOICES)}")
        options: dict = {"prefixes": dict(ns.PREFIXES)}
        if graphs == "all":
            options["use_default_graph_as_union"] = True
        else:
            wanted = [g for g in self.named_graphs() if (g == ns.INFERRED_GRAPH) == (graphs == "inferred")]
            options["default_graph"] = [ox.NamedNode(g) for g in wanted] or [ox.DefaultGraph()]
        if substitutions:
            options["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
        try:
            return self.store.query(text, **options)
        except SyntaxError as exc:
            raise QueryError(f"malformed query: {_one_line(str(exc))}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {_one_line(str(exc))}") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())
