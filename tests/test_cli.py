"""The ``nkgeo`` group: version, help on the group and on every command, unknown commands."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest

from nkgeo.cli import cli

COMMANDS = sorted(cli.commands)
EXPECTED = {"queries", "query", "sparql", "show", "why", "export", "validate", "stats", "build"}


def test_every_expected_command_exists():
    assert EXPECTED <= set(COMMANDS)


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output == f"nkgeo, version {version('nkgeo')}\n"


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_group_help(invoke, flag):
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.output.startswith("Usage: nkgeo [OPTIONS] COMMAND [ARGS]...\n")
    assert "Example:\n      nkgeo queries\n" in result.output
    listed = re.findall(r"^  (\S+)  ", result.output.split("Commands:\n", 1)[1], re.M)
    assert listed == COMMANDS


@pytest.mark.parametrize("flag", ["-h", "--help"])
@pytest.mark.parametrize("command", COMMANDS)
def test_command_help(invoke, command, flag):
    result = invoke(command, flag)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: nkgeo {command} ")
    assert "Example:" in result.output
    assert f"nkgeo {command}" in result.output.split("Example:", 1)[1]
    assert "-h, --help" in result.output


def test_no_command_shows_usage(invoke):
    result = invoke()
    assert result.exit_code == 2
    assert result.output.startswith("Usage: nkgeo [OPTIONS] COMMAND [ARGS]...\n")


def test_unknown_command(invoke):
    result = invoke("frobnicate")  # close to no command, so click suggests none ('serch' now suggests 'serve')
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: No such command 'frobnicate'."


def test_no_command_summary_is_cut(runner):
    """click cuts a summary to its first sentence within 45 columns, with '...': every command has a
    short help that is a whole sentence, and the listing at 80 columns ends none in '...'."""
    for name, command in cli.commands.items():
        summary = command.get_short_help_str(45)
        assert not summary.endswith("..."), name
        assert summary.endswith(".") and summary[0].isupper(), f"{name}: {summary!r}"
    listing = runner.invoke(cli, ["--help"], terminal_width=80).output.split("Commands:\n", 1)[1]
    assert not [line for line in listing.splitlines() if line.rstrip().endswith("...")]
    assert all(len(line) <= 80 for line in listing.splitlines())
