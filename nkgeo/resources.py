"""Where nkgeo finds its inputs (ontology, graph, queries), the corpus and its cache.

The project folder (``ontology/``, ``graph/``, ``queries/``) is, first found first:

1. the folder given with ``nkgeo --project DIR`` (or :func:`use_project`);
2. ``NKGEO_HOME``;
3. the working directory or the nearest folder above it that holds :data:`MARKER` (which
   ``nkgeo init`` writes) or both ``ontology/`` and ``graph/``;
4. the checkout the package was imported from (an editable install), so edits show up at once;
5. the copy an installed wheel carries under ``nkgeo/_data``: read-only in spirit, since the next
   install replaces it, so :func:`writable_graph_dir` refuses it and points to ``nkgeo init``.

``NKGEO_CORPUS`` points at the folder of source documents and ``NKGEO_CACHE_DIR`` at the cache.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nkgeo.errors import NkgeoError

PACKAGE_DIR = Path(__file__).resolve().parent
INSTALLED_DATA = PACKAGE_DIR / "_data"
MARKER = ".nkgeo-project"
SOURCE_FOLDERS = ("ontology", "graph", "queries")

_chosen: Path | None = None  # set by --project DIR


class ProjectError(NkgeoError):
    """A project folder cannot be used or made, or a write would go into the installed package."""


def use_project(folder: str | Path | None) -> None:
    """Use ``folder`` as the project from now on (None: find it as usual)."""
    global _chosen
    _chosen = Path(folder).expanduser().resolve() if folder is not None else None
    if _chosen is not None and not is_project(_chosen):
        raise ProjectError(f"{_chosen} is not an nkgeo project (no ontology/ and graph/); make one with: nkgeo init {_chosen}")


def is_project(folder: Path) -> bool:
    """A folder nkgeo can use: it holds the marker, or both ``ontology/`` and ``graph/``."""
    return (folder / MARKER).is_file() or ((folder / "ontology").is_dir() and (folder / "graph").is_dir())


def enclosing_project(start: Path | None = None) -> Path | None:
    """The working directory (or ``start``), or the nearest folder above it, that is a project."""
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the working directory was removed
        return None
    for folder in (here, *here.parents):
        if is_project(folder):
            return folder
    return None


def project_dir() -> Path:
    """The folder holding ``ontology/``, ``graph/`` and ``queries/``."""
    if _chosen is not None:
        return _chosen
    home = os.environ.get("NKGEO_HOME")
    if home:
        return Path(home).expanduser().resolve()
    found = enclosing_project()
    if found is not None:
        return found
    checkout = PACKAGE_DIR.parent
    if is_project(checkout):
        return checkout
    return INSTALLED_DATA


def is_installed_copy(folder: Path) -> bool:
    """Whether ``folder`` lies in the data an installed wheel carries (lost on the next install)."""
    try:
        return folder.resolve().is_relative_to(INSTALLED_DATA)
    except OSError:
        return False


def ontology_dir() -> Path:
    return project_dir() / "ontology"


def graph_dir() -> Path:
    return project_dir() / "graph"


def queries_dir() -> Path:
    return project_dir() / "queries"


def writable_graph_dir() -> Path:
    """``graph/`` of the project, for a command that writes there; refuses the installed package's copy."""
    folder = graph_dir()
    if is_installed_copy(folder):
        raise ProjectError(f"the graph in use is the installed package's copy ({folder}), which the next install replaces; "
                           "run nkgeo init DIR first, then work inside DIR (or pass --project DIR)")
    return folder


def corpus_dirs() -> list[Path]:
    """Folders searched for source documents, most specific first; missing ones are skipped."""
    candidates = []
    if os.environ.get("NKGEO_CORPUS"):
        candidates.append(Path(os.environ["NKGEO_CORPUS"]).expanduser())
    root = project_dir()
    candidates += [root / "corpus", root.parent / "shared" / "corpus"]
    return [path for path in candidates if path.is_dir()]


_said_unquotable = False


def say_unquotable(file_name: str, content_hash: str) -> None:
    """Say once per process, on stderr, why a document's sentences are not quoted and how to fix it."""
    global _said_unquotable
    if _said_unquotable:
        return
    _said_unquotable = True
    folders = corpus_dirs()
    where = f"in {', '.join(str(p) for p in folders)}" if folders else "(no corpus folder found)"
    project = project_dir()
    put = "the corpus/ folder of a project made by nkgeo init" if is_installed_copy(project) else str(project / "corpus")
    sys.stderr.write(f"note: sentences are not quoted: no copy of {file_name} with SHA-256 {content_hash[:12]}... {where}; "
                     f"set NKGEO_CORPUS to the folder of the source documents (or put them in {put})\n")


def cache_dir() -> Path:
    """The folder for compiled datasets: ``NKGEO_CACHE_DIR`` or the user cache folder."""
    override = os.environ.get("NKGEO_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "nkgeo"


PROJECT_README = """\
# An nkgeo project

This folder is an nkgeo project, made by `nkgeo init` from nkgeo {version}: every nkgeo command run
inside it (or given `--project {name}`, or `NKGEO_HOME={name}`) reads and writes its `ontology/`,
`graph/` and `queries/`. Put the source documents in `corpus/` (or set `NKGEO_CORPUS`) so that
`nkgeo show` and `nkgeo why` can quote them.
"""


def init_project(target: str | Path) -> Path:
    """Copy the sources in use (ontology, graph, queries) into ``target``, a new or empty folder,
    and mark it as a project; returns the folder."""
    import shutil
    from importlib.metadata import PackageNotFoundError, version

    target = Path(target).expanduser().resolve()
    source = project_dir()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ProjectError(f"{target} exists and is not an empty folder; choose a new or empty one")
    if source.is_relative_to(target) or any(target.is_relative_to(source / name) for name in SOURCE_FOLDERS):
        raise ProjectError(f"{target} holds the project in use ({source}) or lies in its sources; choose another folder")
    try:
        number = version("nkgeo")
    except PackageNotFoundError:
        number = "(not installed)"
    try:
        target.mkdir(parents=True, exist_ok=True)
        for name in SOURCE_FOLDERS:
            if (source / name).is_dir():
                shutil.copytree(source / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        (target / MARKER).write_text(f"nkgeo project (made by nkgeo init from nkgeo {number}); see README.md\n", encoding="utf-8")
        (target / "README.md").write_text(PROJECT_README.format(version=number, name=target.name), encoding="utf-8")
    except OSError as exc:
        raise ProjectError(f"cannot make the project {target}: {exc.strerror or exc}") from None
    return target
