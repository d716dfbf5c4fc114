"""Shared fixtures: a private cache for the session, the CLI runner, the compiled dataset, a tiny
project, and the files of ``../shared/`` that some tests read.

The environment is set at import time, before any nkgeo module reads it: the compiled dataset is
built once per test session into a fresh temporary folder (removed at exit) and never touches
``~/.cache``; the corpus lets ``show`` and ``why`` quote their sources.

The corpus, the reference file and the W3C suites are not copied here: they are read from
``../shared/`` beside the checkout. A test that needs one of them fails, naming the path, when it
is missing (``shared``), so that a clone without them is red, not green having checked nothing.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

_SESSION_CACHE = tempfile.mkdtemp(prefix="nkgeo-test-cache-")
atexit.register(shutil.rmtree, _SESSION_CACHE, ignore_errors=True)
os.environ["NKGEO_CACHE_DIR"] = _SESSION_CACHE
os.environ.pop("NKGEO_HOME", None)  # the checkout's own ontology/, graph/ and queries/
if CORPUS.is_dir():
    os.environ["NKGEO_CORPUS"] = str(CORPUS)

# A tiny graph for tests that change or break the sources: one country, two cities, one river.
TINY_TRIG = """\
@prefix graph: <https://w3id.org/nkgeo/graph/> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

graph:gazetteer {
    id:testland a nkgeo:Country ;
        rdfs:label "Testland"@en ;
        skos:prefLabel "Testland"@en .

    id:alphaville a nkgeo:City ;
        rdfs:label "Alphaville"@en ;
        skos:prefLabel "Alphaville"@en ;
        nkgeo:locatedIn id:testland .

    id:betaburg a nkgeo:City ;
        rdfs:label "Betaburg"@en ;
        skos:prefLabel "Betaburg"@en ;
        nkgeo:locatedIn id:testland .

    id:gamma-river a nkgeo:River ;
        rdfs:label "Gamma River"@en ;
        skos:prefLabel "Gamma River"@en .
}
"""

def shared_path(relative: str) -> Path:
    """``../shared/<relative>``, or a failure naming it (never a skip). Modules that need the file
    to collect their tests (the W3C suite) call it at import; tests take the ``shared`` fixture."""
    path = SHARED / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: these tests read the corpus, the reference file and the W3C suites from "
                    f"../shared/ beside the checkout", pytrace=False)
    return path


@pytest.fixture(scope="session")
def shared():
    """``shared("corpus")``: a path under ``../shared/``; the test fails, naming it, when it is missing."""
    return shared_path


@pytest.fixture(scope="session")
def corpus(shared) -> Path:
    """The source documents, ``../shared/corpus/``."""
    return shared("corpus")


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture
def invoke(runner):
    """``invoke("query", "capitals", input=None)``: run ``nkgeo`` with these arguments."""
    from nkgeo.cli import cli

    def run(*args: str, input: str | bytes | None = None):  # noqa: A002 - click's name
        return runner.invoke(cli, list(args), input=input, prog_name="nkgeo")

    return run


@pytest.fixture(scope="session")
def compiled():
    """The shipped dataset, compiled (once per session, into the session's cache)."""
    from nkgeo.build.cache import CompiledDataset

    return CompiledDataset.open()


@pytest.fixture(scope="session")
def tiny_cache(tmp_path_factory):
    """The cache of every tiny project: builds are keyed by content, so equal tiny projects share one."""
    return tmp_path_factory.mktemp("tiny-cache")


@pytest.fixture
def tiny_project(tmp_path, monkeypatch, tiny_cache):
    """A project folder with the real ontology, a tiny graph and no canned queries, in use.

    ``NKGEO_HOME`` points at it and ``NKGEO_CACHE_DIR`` at a cache of its own (shared by the tiny
    projects only), so tests may edit or break its files without touching the checkout or the
    session's cache.
    """
    project = tmp_path / "project"
    ontology = project / "ontology"
    ontology.mkdir(parents=True)
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        shutil.copy(path, ontology / path.name)
    shutil.copy(ROOT / "ontology" / "context.jsonld", ontology / "context.jsonld")
    if (ROOT / "ontology" / "checks").is_dir():
        shutil.copytree(ROOT / "ontology" / "checks", ontology / "checks")
    (project / "graph").mkdir()
    (project / "graph" / "gazetteer.trig").write_text(TINY_TRIG, encoding="utf-8")
    (project / "queries").mkdir()
    monkeypatch.setenv("NKGEO_HOME", str(project))
    monkeypatch.setenv("NKGEO_CACHE_DIR", str(tiny_cache))
    return project


@pytest.fixture(scope="session")
def extractor():
    """The extractor over a small hand-made gazetteer (tests/data/extract/mini.trig), built once."""
    from rdflib import Dataset, URIRef

    from nkgeo import namespaces as ns
    from nkgeo.extract import Extractor, Gazetteer

    root = Path(__file__).resolve().parents[1]
    dataset = Dataset()
    ontology = dataset.graph(URIRef(ns.ONTOLOGY_GRAPH))
    for name in ("nkgeo.ttl", "schemes.ttl"):
        ontology.parse(root / "ontology" / name, format="turtle")
    dataset.parse(root / "tests" / "data" / "extract" / "mini.trig", format="trig")
    return Extractor(Gazetteer.from_dataset(dataset))
