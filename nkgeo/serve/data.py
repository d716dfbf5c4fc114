"""What ``nkgeo serve`` serves: the compiled dataset, or the RDF files given on the command line.

Either way the data ends up as one N-Quads file, which every query worker loads, and as a
pyoxigraph store in the server process, which the pages read (entity descriptions, the ontology,
names). Files are read by :func:`nkgeo.rdfio.read`, in the format their suffix names; N-Quads,
TriG, JSON-LD and TriX keep their named graphs, the triples of every other format go to the
default graph.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from nkgeo import rdfio
from nkgeo.errors import NkgeoError, SourceError
from nkgeo.query.store import default_graphs, query_store


@dataclass
class ServedData:
    """A read-only dataset: a store for the server process and an N-Quads file for the workers."""

    store: object
    nquads: Path
    label: str
    compiled: object = None  # the CompiledDataset, when serving it
    files: tuple[Path, ...] = ()
    _tempdir: str | None = field(default=None, repr=False)

    @classmethod
    def from_compiled(cls, compiled=None) -> ServedData:
        if compiled is None:
            from nkgeo.build.cache import CompiledDataset

            compiled = CompiledDataset.open()
        # The workers get a copy of their own: a rebuild may prune the cache folder while we serve.
        tempdir = tempfile.mkdtemp(prefix="nkgeo-serve-")
        target = Path(tempdir) / "dataset.nq"
        try:
            shutil.copyfile(compiled.path / "dataset.nq", target)
        except OSError as exc:
            shutil.rmtree(tempdir, ignore_errors=True)
            raise SourceError(f"cannot read the compiled dataset: {exc.strerror}") from None
        return cls(store=compiled.store, nquads=target, label="the nkgeo dataset (asserted and inferred)",
                   compiled=compiled, _tempdir=tempdir)

    @classmethod
    def from_files(cls, paths: list[str | Path], graphs: dict[str, str] | None = None) -> ServedData:
        """The given RDF files in one store; ``graphs`` may put a triples file in a named graph
        (path -> graph IRI)."""
        import pyoxigraph as ox

        if not paths:
            raise NkgeoError("no files to serve")
        store = ox.Store()
        graphs = graphs or {}
        loaded = []
        for raw in paths:
            path = Path(raw)
            if not path.is_file():
                raise SourceError(f"no file {path}")
            graph = graphs.get(str(raw)) or graphs.get(str(path))
            for quad in rdfio.read(path, base_iri=path.resolve().as_uri()):
                if graph is not None and isinstance(quad.graph_name, ox.DefaultGraph):
                    quad = ox.Quad(quad.subject, quad.predicate, quad.object, ox.NamedNode(graph))
                store.add(quad)
            loaded.append(path)
        tempdir = tempfile.mkdtemp(prefix="nkgeo-serve-")
        target = Path(tempdir) / "dataset.nq"
        store.dump(str(target), format=ox.RdfFormat.N_QUADS)
        names = ", ".join(p.name for p in loaded[:3]) + (f" and {len(loaded) - 3} more" if len(loaded) > 3 else "")
        return cls(store=store, nquads=target, label=names, files=tuple(loaded), _tempdir=tempdir)

    def close(self) -> None:
        if self._tempdir:
            shutil.rmtree(self._tempdir, ignore_errors=True)
            self._tempdir = None

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if type(g).__name__ == "NamedNode")

    def __len__(self) -> int:
        if self.compiled is not None:  # its default graph repeats the asserted triples: count the graphs'
            return self.compiled.meta["asserted_triples"] + self.compiled.meta["inferred_triples"]
        return len(self.store)

    def default_graph_for(self, choice: str) -> list[str] | None:
        """The graphs making up the default graph: None for the union of all, or a list."""
        if self.compiled is not None:
            return self.compiled.default_graph(choice)
        return default_graphs(self.named_graphs(), choice)

    def query(self, text: str, substitutions: dict | None = None, graphs: str = "all"):
        """Run a query as ``CompiledDataset.query`` does (the pages use this)."""
        if self.compiled is not None:
            return self.compiled.query(text, substitutions=substitutions, graphs=graphs)
        return query_store(self.store, text, self.default_graph_for(graphs), substitutions)

