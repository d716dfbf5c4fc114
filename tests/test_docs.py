"""The README and the help stay true: every command is documented and teaches by example."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nkgeo.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert cli.commands[name].help, f"{name} has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert f"nkgeo {name}" in README, f"README.md does not mention 'nkgeo {name}'"


def test_readme_shows_the_two_setup_commands_near_the_top():
    head = README[:1500]
    assert "pip install . && .venv/bin/nkgeo query biggest-cities" in head
    test_command = "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest -q"
    assert test_command in head


def test_ci_runs_exactly_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"^(python3 -m venv .*pytest.*)$", script, re.M).group(1)
    assert command in README
    assert (ROOT / ".ci" / "run").stat().st_mode & 0o111, ".ci/run must be executable"


def test_no_corpus_sentence_is_copied_into_tracked_files(corpus):
    """The project's text is its own: no run of 10 words of a corpus document in a tracked file."""
    words = lambda text: re.findall(r"[a-z0-9']+", text.lower())  # noqa: E731
    shingles = set()
    for doc in sorted(corpus.glob("*.txt")):
        w = words(doc.read_text(encoding="utf-8", errors="replace"))
        shingles.update(" ".join(w[i : i + 10]) for i in range(len(w) - 9))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert tracked, f"git ls-files lists nothing in {ROOT}: this test reads the tracked files of a git checkout"
    offenders = []
    for name in tracked:
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 5_000_000:
            continue
        try:
            w = words(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
        if any(" ".join(w[i : i + 10]) in shingles for i in range(len(w) - 9)):
            offenders.append(name)
    assert not offenders, f"files repeating corpus sentences: {offenders}"
