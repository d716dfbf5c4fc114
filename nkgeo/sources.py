"""What a build reads: the source files (discovery), the reasoner, and the fingerprint that keys the cache.

Sources (``ontology/*.ttl`` but the shapes, ``graph/*.trig``) are the truth. Finding the build of
the current sources must be cheap, since every command does it: :meth:`Sources.stamp` is made of
each input's name, size, modification time and inode (no byte is read), and
:meth:`Sources.fingerprint` hashes every input byte, the code that shapes the build and the store
format. The cache (:mod:`nkgeo.build.cache`) remembers the fingerprint under the stamp.
"""

from __future__ import annotations

import os
from pathlib import Path

from nkgeo.errors import SourceError
from nkgeo.resources import graph_dir, ontology_dir

BUILD_FORMAT = "3"
NOT_SOURCES = {"shapes.ttl"}
REASONERS = ("nkgeo", "owlrl")
ALIASES = {"trace": "nkgeo"}  # the tracer's old name
DEFAULT_REASONER = os.environ.get("NKGEO_REASONER", "nkgeo")
PACKAGE = Path(__file__).resolve().parent
# The code a build depends on, part of the fingerprint: every module of nkgeo/build/, this one and the vocabulary.
CODE_FOLDERS = ("build",)
CODE_FILES = ("sources.py", "namespaces.py")


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

    def fingerprint(self, reasoner: str) -> str:
        """A hash of every input byte, the build code and the reasoner: the cache key."""
        import hashlib

        digest = hashlib.sha256(f"nkgeo-build-{BUILD_FORMAT}-{reasoner_name(reasoner)}-{store_format()}".encode())
        for module in code_files():
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
        parts = [BUILD_FORMAT, reasoner_name(reasoner), store_format()]
        for path in (*code_files(), *self.files):
            try:
                info = path.stat()
            except OSError as exc:
                raise SourceError(f"cannot read {path}: {exc.strerror}") from None
            parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}|{info.st_ino}")
        return "\0".join(parts).replace("\n", " ").replace("\t", " ")
