"""``nkgeo query`` runs without click when it can (nkgeo/main.py): the same bytes as the click command.

The entry point answers ``nkgeo query NAME [-p NAME VALUE]... [--format F] [--graph G] [-o FILE]``
itself, since importing click costs more than starting Python; anything else goes to click. These
tests compare the two paths, and check what the fast path leaves to click.
"""

from __future__ import annotations

import pytest

from nkgeo import main


@pytest.mark.parametrize(
    "args",
    [
        ["biggest-cities"],
        ["capitals", "--format", "csv"],
        ["capitals", "--format=json"],
        ["cities-with-industry", "-p", "industry", "metallurgy", "--format", "tsv"],
        ["cities-with-industry", "--param", "industry", "Steel"],  # a label: the name index resolves it
        ["derived-classes", "--graph", "inferred", "--format", "markdown"],
        ["port-cities", "--graph=asserted", "--format", "xml"],
    ],
)
def test_fast_path_gives_what_click_gives(args, invoke, capsysbinary, compiled):
    parsed = main.parse_query_arguments(args)
    assert parsed is not None
    assert main.run_query(*parsed)
    fast = capsysbinary.readouterr().out
    slow = invoke("query", *args)
    assert slow.exit_code == 0, slow.output
    assert fast == slow.stdout_bytes and fast


def test_fast_path_writes_the_output_file(tmp_path, invoke, compiled, capsys):
    target = tmp_path / "out.csv"
    assert main.run_query(*main.parse_query_arguments(["capitals", "--format", "csv", "-o", str(target)]))
    fast = capsys.readouterr()
    assert target.read_bytes() == invoke("query", "capitals", "--format", "csv").stdout_bytes
    slow = invoke("query", "capitals", "--format", "csv", "-o", str(target))
    assert (fast.out, fast.err) == ("", slow.stderr) and slow.stderr.startswith("wrote 3 rows (csv, ")


def test_fast_path_fits_a_table_to_the_terminal(invoke, compiled, capsysbinary, monkeypatch):
    from nkgeo.query import results

    monkeypatch.setattr(results, "terminal_width", lambda stream: 70)
    assert main.run_query(*main.parse_query_arguments(["capitals"]))
    fast = capsysbinary.readouterr().out
    assert fast == invoke("query", "capitals").stdout_bytes
    assert max(len(line) for line in fast.decode().splitlines()) <= 70


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--help"],
        ["capitals", "-h"],
        ["capitals", "--endpoint", "http://127.0.0.1:1/sparql"],
        ["capitals", "--graph", "nowhere"],
        ["capitals", "--format"],
        ["capitals", "-p", "x"],
        ["capitals", "extra"],
        ["capitals", "--unknown"],
        ["capitals", "-ofile.csv"],
    ],
)
def test_click_parses_everything_else(args):
    assert main.parse_query_arguments(args) is None


@pytest.mark.parametrize(
    "args",
    [
        ["no-such-query"],
        ["capitals", "--format", "yaml"],
        ["cities-with-industry", "-p", "industry", "no such industry"],
        ["capitals", "-p", "nope", "1"],
        ["cities-with-industry", "-p", "industry", "steel", "-p", "industry", "iron"],
        ["../queries/capitals"],
        ["cities-with-industry", "-p", "industry", "id:hamhung"],  # empty: click says the parameter was of another kind
    ],
)
def test_problems_go_to_click(args, capsysbinary, compiled):
    """Nothing is written: click's command does it again and reports the error."""
    parsed = main.parse_query_arguments(args)
    assert parsed is not None
    assert not main.run_query(*parsed)
    assert capsysbinary.readouterr().out == b""
