"""The cache of compiled datasets, and the dataset a query opens.

Each build is one folder of the cache, named by the fingerprint of its inputs
(:meth:`nkgeo.sources.Sources.fingerprint`). Finding the build of the current sources must be
cheap, since every command does it: the fingerprint is remembered (``index.txt`` in the cache)
under a stamp made of each input's name, size, modification time and inode, so an unchanged
checkout costs a few ``stat`` calls; any change of those reads the bytes again, and a change of
content rebuilds.
"""

from __future__ import annotations

import sys
from functools import cached_property
from pathlib import Path

from nkgeo.build.derivations import Derivations
from nkgeo.errors import ShapesError, SourceError
from nkgeo.query.store import default_graphs, query_store
from nkgeo.resources import cache_dir
from nkgeo.sources import DEFAULT_REASONER, Sources, reasoner_name

INDEX_ENTRIES = 64
_WARNED: set[str] = set()  # the warnings this process has printed


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
    from nkgeo.files import open_atomically

    index = {k: v for k, v in _read_index(root).items() if (root / v).is_dir() and k != stamp}
    index[stamp] = fingerprint
    index = dict(list(index.items())[-INDEX_ENTRIES:])  # the newest stamps
    try:
        with open_atomically(_index_path(root), text=True) as out:
            out.writelines(f"{v}\t{k}\n" for k, v in index.items())
    except OSError:
        pass  # the index is only a shortcut: the next command hashes the sources again


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

    from nkgeo.build import pipeline  # a query that finds its build never imports the build's code

    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root, prefix=".build-"))
    try:
        pipeline.build(sources, staging, reasoner, fingerprint=target.name)
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
    def open(cls, sources: Sources | None = None, reasoner: str = DEFAULT_REASONER, rebuild: bool = False,
             warn: bool = True) -> CompiledDataset:
        """The compiled dataset of the sources (built first if needed). ``warn``: say once per
        process, on stderr, that it does not conform to the shapes (queries on it still work)."""
        compiled = cls(compiled_path(sources, reasoner, force=rebuild))
        if warn:
            compiled.warn_once()
        return compiled

    def warn_once(self) -> None:
        message = conformance_warning(self.meta)
        if message and message not in _WARNED:
            _WARNED.add(message)
            sys.stderr.write(message + "\n")

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

    @cached_property
    def validation(self):
        """The build's report of the shapes and checks (a ValidationReport); ShapesError if they
        could not be used, as recorded by the build."""
        import json

        from nkgeo.build.pipeline import VALIDATION_FILE
        from nkgeo.build.validate import ValidationReport

        try:
            record = json.loads((self.path / VALIDATION_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ShapesError(f"the compiled dataset {self.path} was not validated (no shapes file)") from None
        if "error" in record:
            raise ShapesError(record["error"])
        return ValidationReport.from_json(record)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs())

    def default_graph(self, graphs: str = "all") -> list[str]:
        """The graphs a query's default graph is made of: all (the asserted triples, each once, and
        graph:inferred), asserted or inferred."""
        return default_graphs([], graphs, compiled=True)

    def query(self, text: str, substitutions: dict | None = None, graphs: str = "all"):
        """Run a SPARQL query; ``graphs`` picks the default graph: all, asserted or inferred."""
        return query_store(self.store, text, self.default_graph(graphs), substitutions)


def conformance_warning(meta: dict) -> str | None:
    """The line a query prints (once) when the dataset it reads did not pass validation."""
    validation = meta.get("validation") or {}
    if validation.get("error"):
        return f"Warning: the dataset could not be validated ({validation['error']}); see nkgeo validate"
    if validation.get("conforms") is False:
        return (f"Warning: the dataset does not conform to its shapes ({validation['problems']} problems); "
                "answers may be wrong, see nkgeo validate")
    return None
