"""The README's ``$ nkgeo ...`` examples: find them, run them, compare, and rewrite them from real output.

An example is a line ``$ nkgeo ARGS`` in an indented block of README.md, and the lines under it up to
the next ``$`` line or the end of the block are what it prints (stdout and stderr together). In
what it prints, a line ``...`` stands for any number of lines, and a line ending in ``...`` for any
line that starts with what comes before. An example with no lines under it is only run: it must
succeed. Examples that need the network, a server or a store are not run (:data:`NOT_RUN` says which
and why). Everything runs in a temporary folder that holds only ``bench/documents`` (a link to the
checkout's, for the examples that read a document), so ``-o FILE`` writes there.

``tests/test_readme.py`` checks every example. After a change of output, rewrite them with

    python tests/readme_examples.py --write

which puts each example's real output in the README, keeping its ``...`` lines where they were
(the lines around them are matched to the real output) and the shortened lines shortened.
"""

from __future__ import annotations

import difflib
import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ELLIPSIS = "..."
# What is not run, and why: a word of the command -> the reason.
NOT_RUN = {
    "push": "loads a triple store",
    "--endpoint": "needs a SPARQL endpoint",
    "wikidata-population-federated": "needs the network",
}


@dataclass
class Example:
    line: int  # 0-based index of the ``$ nkgeo`` line in the README
    command: str  # as written, after "$ "
    args: list[str]
    expected: list[str]  # the lines under it, without the block's indent
    indent: str

    @property
    def skipped(self) -> str | None:
        """Why this example is not run, or None."""
        if self.args and self.args[0] == "serve" and "--get" not in self.args:
            return "starts a server"
        return next((why for word, why in NOT_RUN.items() if word in self.args), None)


def examples(text: str | None = None) -> list[Example]:
    """Every ``$ nkgeo`` example of the README, in order."""
    lines = (text if text is not None else README.read_text(encoding="utf-8")).split("\n")
    found = []
    i = 0
    while i < len(lines):
        match = re.match(r"^( {4,})\$ (nkgeo\b.*)$", lines[i])
        if not match:
            i += 1
            continue
        indent, command = match.groups()
        output = []
        j = i + 1
        while j < len(lines) and lines[j].startswith(indent) and not lines[j][len(indent):].startswith("$ "):
            output.append(lines[j][len(indent):])
            j += 1
        while j < len(lines) and lines[j].strip() == "" and j + 1 < len(lines) and lines[j + 1].startswith(indent) \
                and not lines[j + 1][len(indent):].startswith("$ "):
            output.append("")  # a blank line inside the output (show's sections)
            j += 1
            while j < len(lines) and lines[j].startswith(indent) and not lines[j][len(indent):].startswith("$ "):
                output.append(lines[j][len(indent):])
                j += 1
        found.append(Example(i, command, shlex.split(command, comments=True)[1:], output, indent))
        i = j
    return found


def run(example: Example, invoke) -> tuple[int, list[str]]:
    """Exit code and printed lines of ``example``, run with ``invoke(*args)`` (a CliRunner call)."""
    result = invoke(*example.args)
    return result.exit_code, result.output.rstrip("\n").split("\n") if result.output else []


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is what ``expected`` shows, ``...`` lines and shortened lines allowed."""
    pattern = []
    for line in expected:
        if line.strip() == ELLIPSIS:
            pattern.append(r"(?:[^\n]*\n)*?")
        elif line.endswith(ELLIPSIS):
            pattern.append(re.escape(line[: -len(ELLIPSIS)]) + r"[^\n]*\n")
        else:
            pattern.append(re.escape(line) + r"\n")
    return re.fullmatch("".join(pattern), "".join(f"{line}\n" for line in actual)) is not None


def rewrite(expected: list[str], actual: list[str]) -> list[str]:
    """``actual`` shown the way ``expected`` shows it: its ``...`` lines kept, each run of lines
    between them replaced by the lines of ``actual`` that match it best, shortened lines shortened."""
    if not any(line.strip() == ELLIPSIS for line in expected):
        return [_shorten(expected[i] if i < len(expected) else None, line) for i, line in enumerate(actual)]
    runs: list[list[str]] = [[]]
    elisions: list[str] = []  # each ``...`` line as written (its indent kept)
    for line in expected:
        if line.strip() == ELLIPSIS:
            runs.append([])
            elisions.append(line)
        else:
            runs[-1].append(line)
    out: list[str] = []
    start = 0
    for k, run_lines in enumerate(runs):
        if k:
            out.append(elisions[k - 1])
        if not run_lines:
            continue
        at = start if k == 0 else _best_window(run_lines, actual, start)
        window = actual[at: at + len(run_lines)]
        out += [_shorten(old, new) for old, new in zip(run_lines, window, strict=False)]
        start = at + len(window)
    return out


def _best_window(run_lines: list[str], actual: list[str], start: int) -> int:
    """Where in ``actual`` (at or after ``start``) the lines most like ``run_lines`` begin."""
    best, where = -1.0, start
    for at in range(start, max(start, len(actual) - len(run_lines)) + 1):
        window = actual[at: at + len(run_lines)]
        score = sum(difflib.SequenceMatcher(None, a, b).ratio() for a, b in zip(run_lines, window, strict=False))
        if score > best:
            best, where = score, at
    return where


def _shorten(old: str | None, new: str) -> str:
    """``new``, cut where ``old`` was cut (a line ending in ``...``), when it is at least that long."""
    if old is None or not old.endswith(ELLIPSIS) or old.strip() == ELLIPSIS:
        return new
    keep = len(old) - len(ELLIPSIS)
    return new[:keep] + ELLIPSIS if len(new) > keep else new


def write(invoke) -> int:
    """Rewrite every example's output in the README from a real run; returns how many changed."""
    lines = README.read_text(encoding="utf-8").split("\n")
    changed = 0
    for example in reversed(examples()):
        if example.skipped or not example.expected:
            continue
        _, actual = run(example, invoke)
        new = rewrite(example.expected, actual)
        if new != example.expected:
            changed += 1
            first = example.line + 1
            lines[first: first + len(example.expected)] = [f"{example.indent}{line}" if line else "" for line in new]
    README.write_text("\n".join(lines), encoding="utf-8")
    return changed


def prepare_folder(folder: Path) -> Path:
    """Make ``folder`` the examples' working folder: no project, only the bench documents they read."""
    (folder / "bench").mkdir()
    (folder / "bench" / "documents").symlink_to(ROOT / "bench" / "documents", target_is_directory=True)
    return folder


def _cli_invoker():
    """``invoke(*args)`` as the tests have it: the click command in a CliRunner, in the examples' folder."""
    import tempfile

    from click.testing import CliRunner

    from nkgeo.cli import cli

    os.chdir(prepare_folder(Path(tempfile.mkdtemp(prefix="nkgeo-readme-"))))
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), prog_name="nkgeo")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python tests/readme_examples.py --write   (rewrites README.md's example outputs from real runs)")
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        os.environ.setdefault("NKGEO_CORPUS", str(corpus))
    os.environ.pop("NKGEO_HOME", None)
    sys.path.insert(0, str(ROOT))
    done = write(_cli_invoker())
    print(f"README.md: {done} example output{'s' if done != 1 else ''} rewritten")
