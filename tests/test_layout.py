"""The package's layout rules, checked on its source: one way for each job, no private imports across
modules, short functions, and nothing below ``cli.py`` importing click."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "nkgeo"
SOURCES = sorted(PACKAGE.rglob("*.py"))
# Functions known to be longer than about 80 lines, each in another engineer's module, to be split there.
LONG_KNOWN = {"nkgeo/build/engine.py:_compile", "nkgeo/build/pipeline.py:build", "nkgeo/extract/merge.py:merge"}


def test_the_sources_are_found():
    assert len(SOURCES) > 40
    assert PACKAGE / "cli.py" in SOURCES


def module_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_names_imported_from_another_module(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [f"{node.module}.{alias.name}" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
               and node.module.startswith("nkgeo") and node.module != module_of(path)
               for alias in node.names if alias.name.startswith("_")]
    assert not private, f"{path.name} imports private names: {', '.join(private)}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_attributes_of_another_nkgeo_module(path):
    """``names._known_slug(...)``: a private function reached through its module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
               and node.module.startswith("nkgeo") for alias in node.names}
    reached = [f"{node.value.id}.{node.attr}" for node in ast.walk(tree) if isinstance(node, ast.Attribute)
               and isinstance(node.value, ast.Name) and node.value.id in modules and node.attr.startswith("_")
               and not node.attr.startswith("__")]
    assert not reached, f"{path.name} uses private names of other modules: {', '.join(sorted(set(reached)))}"


def test_no_function_over_80_lines_but_the_known_ones():
    long = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 80:
                long.add(f"{path.relative_to(ROOT)}:{node.name}")
    assert long <= LONG_KNOWN, f"functions over 80 lines: {', '.join(sorted(long - LONG_KNOWN))}"


def test_only_cli_imports_click():
    importers = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name == "click" or name.startswith("click.") for name in names):
                importers.append(path.relative_to(ROOT).as_posix())
    assert set(importers) == {"nkgeo/cli.py"}


def test_every_graph_option_offers_the_one_graph_choice():
    from nkgeo.cli import cli
    from nkgeo.query.store import GRAPH_CHOICES
    from nkgeo.serve.settings import SETTINGS

    options = {name: param for name, command in cli.commands.items() for param in command.params if "--graph" in param.opts}
    assert {"query", "sparql", "export", "serve"} <= set(options)
    for name, option in options.items():
        if name == "push":  # --graph IRI: one named graph to push, not the choice of default graph
            continue
        if name == "export":  # the graph choice or any named graph (query.store.chosen_graphs), repeatable
            assert option.multiple and tuple(option.default) == GRAPH_CHOICES[:1]
            assert all(choice in option.help for choice in GRAPH_CHOICES)
            continue
        assert isinstance(option.type, click.Choice), name
        assert tuple(option.type.choices) == GRAPH_CHOICES, name
        assert option.default == GRAPH_CHOICES[0], name
    assert SETTINGS["graphs"][0] == GRAPH_CHOICES[0]


def test_the_depth_limit_has_one_default():
    from nkgeo.cli import cli
    from nkgeo.query.sparqltext import MAX_DEPTH
    from nkgeo.serve.settings import SETTINGS, Settings

    for name in ("query", "sparql", "serve"):
        option = next(p for p in cli.commands[name].params if "--max-depth" in p.opts)
        assert option.default == MAX_DEPTH, name
    assert SETTINGS["max_depth"][0] == Settings().max_depth == MAX_DEPTH


def test_a_missing_shared_file_fails_the_test_naming_it():
    """Tests that read ../shared/ fail when it is missing, never skip (conftest.shared_path)."""
    from conftest import SHARED, shared_path

    with pytest.raises(pytest.fail.Exception, match=f"^{SHARED / 'no-such-suite'} is missing: "):
        shared_path("no-such-suite")
    assert shared_path("corpus") == SHARED / "corpus"


@pytest.mark.parametrize("path", sorted((ROOT / "tests").glob("test_*.py")), ids=lambda p: p.name)
def test_no_test_skips_on_a_missing_extra_of_the_test_extra(path):
    """``importorskip`` of what ``pip install -e '.[test]'`` installs would make a broken install
    green: the tests import it, and fail without it."""
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Attribute) and node.attr == "importorskip"]
    assert not calls, f"{path.name} skips when an extra is missing"
