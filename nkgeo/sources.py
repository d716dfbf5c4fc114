"""What a build reads: the source files (discovery), the shapes and checks, the reasoner, and the
fingerprint that keys the cache.

Sources (``ontology/*.ttl`` but the shapes, ``graph/*.trig``) are the truth. The shapes
(``ontology/shapes.ttl``) and checks (``ontology/checks/*-violation.rq``) are not sources, but the
build's validation report depends on them, so they key the build too. Finding the build of the
current inputs must be cheap, since every command does it: :meth:`Sources.stamp` is made of each
input's name, size, modification time and inode (no byte is read), with the installed versions of
the libraries that shape the build; :meth:`Sources.fingerprint` hashes every input byte, the code
that shapes the build and those versions. The cache (:mod:`nkgeo.build.cache`) remembers the
fingerprint under the stamp, so editing a module or upgrading pyoxigraph rebuilds by itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from nkgeo.errors import SourceError
from nkgeo.resources import graph_dir, ontology_dir

BUILD_FORMAT = "4"
SHAPES_FILE = "shapes.ttl"
CHECKS_GLOB = "checks/*-violation.rq"
NOT_SOURCES = {SHAPES_FILE}
REASONERS = ("nkgeo", "owlrl")
ALIASES = {"trace": "nkgeo"}  # the tracer's old name
DEFAULT_REASONER = os.environ.get("NKGEO_REASONER", "nkgeo")
PACKAGE = Path(__file__).resolve().parent
# The code a build depends on, part of the fingerprint: every module of nkgeo/build/, these, and
# the libraries whose version changes the output: pyoxigraph (parser and store format), owlrl
# (the reference reasoner), rdflib (the bridge to owlrl; the text of the validation report).
CODE_FOLDERS = ("build",)
CODE_FILES = ("sources.py", "namespaces.py", "rdfio.py", "rdfcheck.py", "errors.py", "resources.py")
LIBRARIES = ("pyoxigraph", "rdflib", "owlrl")


def reasoner_name(reasoner: str) -> str:
    name = ALIASES.get(reasoner, reasoner)
    if name not in REASONERS:
        raise SourceError(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    return name


def code_files() -> list[Path]:
    """The modules whose change must rebuild the dataset (sorted, so the fingerprint is stable)."""
    found = [PACKAGE / name for name in CODE_FILES]
    for folder in CODE_FOLDERS:
        found += sorted((PACKAGE / folder).glob("*.py"))
    return found


def store_format() -> str:
    """The version of the store's code: a new pyoxigraph may write another on-disk format."""
    import pyoxigraph

    return pyoxigraph.__version__


def library_versions() -> str:
    """The installed version of each library in :data:`LIBRARIES` (read from its metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=none")
    return " ".join(found)


def library_files() -> list[Path]:
    """A file of each installed library that an upgrade replaces (its ``__init__``), found without
    importing it: their stat keys the stamp, so an upgrade is noticed without reading metadata."""
    from importlib.util import find_spec

    found = []
    for name in LIBRARIES:
        spec = find_spec(name)
        if spec is not None and spec.origin:
            found.append(Path(spec.origin))
    return found


class Sources:
    """The files a build reads, and the folder of the shapes and checks that validate it (None: not validated)."""

    __slots__ = ("ontology_files", "graph_files", "shapes_dir")

    def __init__(self, ontology_files: tuple[Path, ...], graph_files: tuple[Path, ...], shapes_dir: Path | None = None):
        self.ontology_files = tuple(ontology_files)
        self.graph_files = tuple(graph_files)
        self.shapes_dir = shapes_dir

    def __repr__(self) -> str:
        return f"Sources({self.ontology_files!r}, {self.graph_files!r}, {self.shapes_dir!r})"

    def _key(self) -> tuple:
        return (self.ontology_files, self.graph_files, self.shapes_dir)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sources) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

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
        return cls(onto, data, ontology)

    def with_graph_files(self, graph_files: tuple[Path, ...]) -> Sources:
        """The same ontology and shapes over other graph files (what ``nkgeo merge`` stages)."""
        return Sources(self.ontology_files, graph_files, self.shapes_dir)

    @property
    def files(self) -> tuple[Path, ...]:
        return self.ontology_files + self.graph_files

    @property
    def shapes_files(self) -> tuple[Path, ...]:
        """The shapes file (when there is one) and the checks: they change the build's report."""
        if self.shapes_dir is None:
            return ()
        shapes = self.shapes_dir / SHAPES_FILE
        return ((shapes,) if shapes.is_file() else ()) + tuple(sorted(self.shapes_dir.glob(CHECKS_GLOB)))

    def _inputs(self) -> tuple[Path, ...]:
        return self.files + self.shapes_files

    def _header(self, reasoner: str) -> str:
        shapes = "none" if self.shapes_dir is None else "shapes"
        return f"nkgeo-build-{BUILD_FORMAT}-{reasoner_name(reasoner)}-{store_format()}-{shapes}"

    def fingerprint(self, reasoner: str) -> str:
        """A hash of every input byte, the build code, the libraries' versions and the reasoner: the cache key."""
        import hashlib

        digest = hashlib.sha256(f"{self._header(reasoner)}-{library_versions()}".encode())
        for module in code_files():
            digest.update(module.read_bytes())
        for path in self._inputs():
            digest.update(path.name.encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror}") from None
            digest.update(b"\0")
        return digest.hexdigest()[:24]

    def stamp(self, reasoner: str) -> str:
        """A cheap key of the inputs (path, size, mtime, inode of each file): no byte is read."""
        parts = [self._header(reasoner)]
        for path in (*code_files(), *library_files(), *self._inputs()):
            try:
                info = path.stat()
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror}") from None
            parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}|{info.st_ino}")
        return "\0".join(parts).replace("\n", " ").replace("\t", " ")
