"""Shell completion: commands (click's own), canned-query names, entity names and graph names."""

from __future__ import annotations

import pytest
from click.shell_completion import ShellComplete

from nkgeo import completion
from nkgeo.cli import cli


def complete(args: list[str], incomplete: str) -> list[str]:
    """What the shell would offer after ``nkgeo ARGS INCOMPLETE``, through click's machinery."""
    return [item.value for item in ShellComplete(cli, {}, "nkgeo", "_NKGEO_COMPLETE").get_completions(args, incomplete)]


def test_commands(compiled):
    assert complete([], "sh") == ["show"]
    assert {"init", "query", "queries", "map", "serve"} <= set(complete([], ""))


def test_query_names(compiled):
    assert completion.query_names("cities-") == ["cities-in-country", "cities-on-river", "cities-outside-country", "cities-with-industry"]
    assert complete(["query"], "bigg") == ["biggest-cities"]
    assert completion.query_names("nothing-like-this") == []


def test_queries_name_completes_too(compiled):
    assert complete(["queries"], "bigg") == ["biggest-cities"]


def test_graph_names(compiled):
    assert completion.graph_names("")[:3] == ["all", "asserted", "inferred"]
    assert complete(["export", "--graph"], "doc-") == ["doc-000_cbd80db4a2371350", "doc-001_96b58870d0b32f5b"]
    assert complete(["export", "--graph"], "co") == ["coordinates"]


def test_entity_names_in_any_case_and_script(compiled):
    found = completion.entity_names("hamh")
    assert {"hamhung", "Hamhung", "Hamhŭng", "Hamheung"} <= set(found)
    assert "함흥" in completion.entity_names("함")
    assert not any(name.startswith("hamhung-population") for name in found), "the claims' own nodes are not entities"
    assert complete(["show"], "kimch") == completion.entity_names("kimch") and "kimchaek" in complete(["show"], "kimch")
    assert "kimchaek" in complete(["why"], "kimch") and "kimchaek" in complete(["why", "kimchaek", "a"], "kimch")


def test_names_with_a_space_only_once_a_space_is_typed(compiled):
    assert not any(" " in name for name in completion.entity_names("south"))
    assert "South Hamgyong Province" in completion.entity_names("south h")


@pytest.mark.parametrize("function", [completion.query_names, completion.entity_names, completion.graph_names])
def test_a_broken_project_completes_nothing(function, tiny_project, monkeypatch):
    (tiny_project / "ontology" / "nkgeo.ttl").write_text("this is not turtle", encoding="utf-8")
    monkeypatch.setenv("NKGEO_HOME", str(tiny_project / "nowhere"))
    assert function("") == []
