"""Telling a person at a terminal how long work is going, and what a command wrote, on stderr.

Progress is drawn only when stderr is a terminal, on one line rewritten in place (at most ten times
a second) and cleared when the work is done, so pipes, files, CliRunner and scripts see nothing of
it. Any module may use it, not only the CLI (it does not import click): wrap a loop in
:func:`track` or a step without a count in :func:`stage`::

    from nkgeo import progress

    for slug in progress.track(slugs, "scoring places"):
        ...
    with progress.stage("writing turtle"):
        data = rdfio.serialize(quads, "turtle")

:func:`wrote` is the one line a command prints on stderr after ``-o FILE``:
``wrote 5987 triples (turtle, 412 KB) to nkgeo.ttl``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

REDRAW_SECONDS = 0.1


def is_terminal(stream=None) -> bool:
    """Whether ``stream`` (default stderr) is a terminal a person watches; ``NKGEO_PROGRESS=0``
    turns progress off there too."""
    stream = sys.stderr if stream is None else stream
    if os.environ.get("NKGEO_PROGRESS", "") == "0":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Line:
    """The one status line on a terminal: drawn, redrawn in place, then cleared."""

    def __init__(self, stream=None):
        self.stream = sys.stderr if stream is None else stream
        self.shown = 0

    def draw(self, text: str) -> None:
        padding = " " * max(0, self.shown - len(text))
        self.stream.write("\r" + text + padding)
        self.stream.flush()
        self.shown = len(text)

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


def track(items, label: str, total: int | None = None, stream=None):
    """Yield ``items``, showing ``label: 12/340 (3%)`` on a terminal (``total`` defaults to
    ``len(items)``; without one, the count alone)."""
    if not is_terminal(stream):
        yield from items
        return
    if total is None:
        total = len(items) if hasattr(items, "__len__") else None
    line = Line(stream)
    started = last = time.monotonic()
    done = 0
    try:
        for item in items:
            yield item
            done += 1
            now = time.monotonic()
            if now - last >= REDRAW_SECONDS:
                last = now
                line.draw(counter(label, done, total, now - started))
    finally:
        line.clear()


def counter(label: str, done: int, total: int | None, seconds: float) -> str:
    """``label: 12/340 (3%), 4 s``: what :func:`track` draws."""
    count = f"{done}/{total} ({100 * done // total}%)" if total else f"{done}"
    return f"{label}: {count}, {seconds:.0f} s"


@contextlib.contextmanager
def stage(label: str, stream=None):
    """Show ``label...`` on a terminal while the block runs (a step that has no count), then clear it."""
    if not is_terminal(stream):
        yield
        return
    line = Line(stream)
    line.draw(f"{label}...")
    try:
        yield
    finally:
        line.clear()


def size_text(size: int) -> str:
    """A file size for people: ``812 bytes``, ``412 KB``, ``3.4 MB`` (1 KB = 1024 bytes)."""
    if size < 1024:
        return f"{size} byte{'s' if size != 1 else ''}"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def wrote(what: str | None, fmt: str, size: int, path: str) -> str:
    """The one line printed on stderr after ``-o``: ``wrote 5987 triples (turtle, 412 KB) to nkgeo.ttl``
    (``wrote 412 KB of turtle to ...`` when the caller cannot count what it wrote)."""
    if what:
        return f"wrote {what} ({fmt + ', ' if fmt else ''}{size_text(size)}) to {path}"
    return f"wrote {size_text(size)}{' of ' + fmt if fmt else ''} to {path}"


def counted(number: int, noun: str) -> str:
    """``1 row``, ``22 rows``: a count with its noun (nouns that take -s)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
