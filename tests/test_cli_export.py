"""``nkgeo export``: every format and alias parses back to the same graph; ``-o`` writes atomically."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from nkgeo.cli import cli

INFERRED = URIRef("https://w3id.org/nkgeo/graph/inferred")
FORMATS = {  # name given to --format -> (rdflib parser, keeps named graphs)
    "turtle": ("turtle", False),
    "ttl": ("turtle", False),
    "json-ld": ("json-ld", True),
    "jsonld": ("json-ld", True),
    "nt": ("nt", False),
    "nquads": ("nquads", True),
    "nq": ("nquads", True),
    "trig": ("trig", True),
    "xml": ("xml", False),
}
_exported: dict[tuple[str, str], bytes] = {}


def exported(fmt: str, graphs: str = "all") -> bytes:
    """The export in ``fmt``, run once per module (the CLI is what is tested)."""
    if (fmt, graphs) not in _exported:
        result = CliRunner().invoke(cli, ["export", "--format", fmt, "--graph", graphs])
        assert result.exit_code == 0, result.output
        _exported[fmt, graphs] = result.stdout_bytes
    return _exported[fmt, graphs]


@pytest.fixture(scope="module")
def reference() -> Dataset:
    dataset = Dataset()
    dataset.parse(data=exported("nquads"), format="nquads")
    return dataset


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_parses_back(fmt, reference):
    parser, keeps_graphs = FORMATS[fmt]
    data = exported(fmt)
    assert data
    if keeps_graphs:
        parsed = Dataset()
        parsed.parse(data=data, format=parser)
        ours, theirs = named_graphs(parsed), named_graphs(reference)
        assert sorted(ours) == sorted(theirs)
        for name, graph in theirs.items():
            assert isomorphic(ours[name], graph), name
    else:
        parsed = Graph()
        parsed.parse(data=data, format=parser)
        assert isomorphic(parsed, merged(reference))


@pytest.mark.parametrize(("alias", "name"), [("ttl", "turtle"), ("nq", "nquads"), ("TTL", "turtle"), ("n-triples", "nt"),
                                             ("jsonld", "json-ld")])
def test_export_alias_is_the_same_format(alias, name):
    assert exported(alias) == exported(name)


def test_export_writes_language_tags_as_registered(reference):
    tags = {o.language for _s, _p, o, _g in reference.quads((None, None, None, None)) if getattr(o, "language", None)}
    assert {"ko", "ko-Latn", "ko-Latn-alalc97", "ko-Latn-x-rr", "en"} <= tags


def test_export_holds_every_named_graph(reference):
    names = set(named_graphs(reference))
    assert {"https://w3id.org/nkgeo/graph/" + g for g in ("ontology", "gazetteer", "provenance", "inferred")} <= names
    assert any(n.startswith("https://w3id.org/nkgeo/graph/doc-") for n in names)


def test_export_nquads_is_sorted_and_unique():
    lines = exported("nquads").decode("utf-8").splitlines()
    assert lines == sorted(set(lines))


@pytest.mark.parametrize("graphs", ["asserted", "inferred"])
def test_export_graph_choice(graphs, reference):
    dataset = Dataset()
    dataset.parse(data=exported("nq", graphs), format="nquads")
    chosen = named_graphs(dataset)
    if graphs == "inferred":
        assert list(chosen) == [str(INFERRED)]
        assert len(chosen[str(INFERRED)]) == len(reference.graph(INFERRED))
    else:
        assert chosen and str(INFERRED) not in chosen
        everything = named_graphs(reference)
        assert sum(len(g) for g in chosen.values()) == sum(len(g) for g in everything.values()) - len(everything[str(INFERRED)])


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "json-ld", "xml"])
def test_export_is_deterministic(invoke, fmt):
    """Blank nodes (the ontology's restrictions and lists) get canonical labels, so an export diffs cleanly."""
    again = invoke("export", "--format", fmt)
    assert again.exit_code == 0, again.output
    assert again.stdout_bytes == exported(fmt)


# -o


def test_export_output_file(invoke, tiny_project, tmp_path):
    target = tmp_path / "out" / "graph.nt"
    target.parent.mkdir()
    result = invoke("export", "--format", "nt", "-o", str(target))
    assert (result.exit_code, result.output) == (0, "")
    assert target.read_bytes() == invoke("export", "--format", "nt").stdout_bytes
    assert [p.name for p in target.parent.iterdir()] == ["graph.nt"]  # no temp file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_export_output_replaces_and_keeps_the_mode(invoke, tiny_project, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    result = invoke("export", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") != "old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_export_failing_write_leaves_the_old_file(invoke, tiny_project, tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke("export", "-o", str(target))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output == f"Error: cannot write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "project"] == ["graph.ttl"]


def test_export_bad_format_leaves_the_old_file(invoke, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")
    result = invoke("export", "--format", "yaml", "-o", str(target))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old\n"


def test_export_into_a_missing_folder(invoke, tiny_project, tmp_path):
    target = tmp_path / "missing" / "graph.ttl"
    result = invoke("export", "-o", str(target))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {target}: No such file or directory\n"
    assert not target.parent.exists()


def test_export_into_a_directory(invoke, tmp_path):
    result = invoke("export", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: Invalid value for '-o' / '--output': File '{tmp_path}' is a directory."


def test_export_unknown_format(invoke):
    result = invoke("export", "--format", "yaml")
    assert result.exit_code == 1
    assert result.output == (
        "Error: unknown RDF format 'yaml'; choose one of turtle (ttl), nt (ntriples/n-triples), "
        "nquads (nq/n-quads), trig, json-ld (jsonld), xml (rdfxml/rdf/owl/rdf+xml)\n"
    )


def test_export_unknown_graph(invoke):
    result = invoke("export", "--graph", "provenance")
    assert result.exit_code == 2
    assert "Invalid value for '--graph'" in result.output


@pytest.mark.parametrize("fmt", ["trig", "json-ld", "xml"])
def test_export_is_identical_across_processes(fmt):
    """Two processes with different hash seeds must agree byte for byte."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "nkgeo", "export", "--format", fmt], env=env, capture_output=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
