"""Where nkgeo finds its inputs (ontology, graph, queries), the corpus and its cache.

In a checkout (or an editable install) the folders next to the package are used, so edits show
up at once; an installed wheel carries a copy under ``nkgeo/_data``. ``NKGEO_HOME`` points at
another project folder (one with ``ontology/`` and ``graph/``), ``NKGEO_CORPUS`` at the folder of
source documents and ``NKGEO_CACHE_DIR`` at the cache.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_dir() -> Path:
    """The folder holding ``ontology/``, ``graph/`` and ``queries/``."""
    home = os.environ.get("NKGEO_HOME")
    if home:
        return Path(home).expanduser().resolve()
    checkout = PACKAGE_DIR.parent
    if (checkout / "ontology").is_dir() and (checkout / "graph").is_dir():
        return checkout
    return PACKAGE_DIR / "_data"


def ontology_dir() -> Path:
    return project_dir() / "ontology"


def graph_dir() -> Path:
    return project_dir() / "graph"


def queries_dir() -> Path:
    return project_dir() / "queries"


def corpus_dirs() -> list[Path]:
    """Folders searched for source documents, most specific first; missing ones are skipped."""
    candidates = []
    if os.environ.get("NKGEO_CORPUS"):
        candidates.append(Path(os.environ["NKGEO_CORPUS"]).expanduser())
    root = project_dir()
    candidates += [root / "corpus", root.parent / "shared" / "corpus"]
    return [path for path in candidates if path.is_dir()]


def cache_dir() -> Path:
    """The folder for compiled datasets: ``NKGEO_CACHE_DIR`` or the user cache folder."""
    override = os.environ.get("NKGEO_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "nkgeo"
