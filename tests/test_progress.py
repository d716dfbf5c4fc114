"""``nkgeo.progress``: progress on stderr only when it is a terminal, and the line ``-o`` prints."""

from __future__ import annotations

import io

import pytest

from nkgeo import progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal, and keeps what was drawn on it."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def every_item(monkeypatch):
    """Redraw on every item, so what is drawn does not depend on the clock."""
    monkeypatch.setattr(progress, "REDRAW_SECONDS", 0.0)
    monkeypatch.delenv("NKGEO_PROGRESS", raising=False)


def test_track_draws_a_counter_on_a_terminal_and_clears_it(every_item):
    terminal = Terminal()
    assert list(progress.track(["a", "b", "c", "d"], "scoring")) == ["a", "b", "c", "d"]  # stderr of pytest: no terminal
    assert list(progress.track(["a", "b", "c", "d"], "scoring", stream=terminal)) == ["a", "b", "c", "d"]
    drawn = terminal.getvalue()
    assert "\rscoring: 1/4 (25%), 0 s" in drawn and "\rscoring: 4/4 (100%), 0 s" in drawn
    last = max(len(line) for line in drawn.split("\r"))
    assert drawn.endswith("\r" + " " * last + "\r")  # the line is cleared: the next output starts clean


def test_track_without_a_length_counts(every_item):
    terminal = Terminal()
    assert list(progress.track(iter(range(3)), "reading", stream=terminal)) == [0, 1, 2]
    assert "\rreading: 3, 0 s" in terminal.getvalue()


def test_track_clears_the_line_when_the_loop_stops_early(every_item):
    terminal = Terminal()
    for item in progress.track(range(10), "scanning", stream=terminal):
        if item == 2:
            break
    drawn = terminal.getvalue()
    assert "\rscanning: 2/10 (20%), 0 s" in drawn and "3/10" not in drawn  # two items were done when it stopped
    assert drawn.endswith("\r" + " " * len("scanning: 2/10 (20%), 0 s") + "\r")


def test_nothing_is_drawn_on_a_file_or_a_pipe(every_item):
    stream = io.StringIO()
    assert list(progress.track([1, 2], "scoring", stream=stream)) == [1, 2]
    with progress.stage("writing", stream=stream):
        pass
    assert stream.getvalue() == ""


def test_nkgeo_progress_0_turns_it_off(every_item, monkeypatch):
    monkeypatch.setenv("NKGEO_PROGRESS", "0")
    terminal = Terminal()
    list(progress.track([1, 2], "scoring", stream=terminal))
    assert terminal.getvalue() == "" and not progress.is_terminal(terminal)


def test_stage_shows_its_label_while_the_block_runs(every_item):
    terminal = Terminal()
    with progress.stage("writing turtle", stream=terminal):
        assert terminal.getvalue() == "\rwriting turtle..."
    assert terminal.getvalue() == "\rwriting turtle..." + "\r" + " " * len("writing turtle...") + "\r"


def test_a_closed_stream_is_no_terminal():
    stream = io.StringIO()
    stream.close()
    assert not progress.is_terminal(stream)  # isatty raises ValueError on a closed stream


@pytest.mark.parametrize(("size", "text"), [(0, "0 bytes"), (1, "1 byte"), (812, "812 bytes"), (1024, "1 KB"),
                                            (421_888, "412 KB"), (3_565_158, "3.4 MB")])
def test_size_text(size, text):
    assert progress.size_text(size) == text


def test_wrote():
    assert progress.wrote("5987 triples", "turtle", 421_888, "nkgeo.ttl") == "wrote 5987 triples (turtle, 412 KB) to nkgeo.ttl"
    assert progress.wrote("2 rows", "", 10, "a.txt") == "wrote 2 rows (10 bytes) to a.txt"
    assert progress.wrote(None, "trig", 12_345, "c.trig") == "wrote 12 KB of trig to c.trig"
    assert progress.wrote(None, "", 10, "c.trig") == "wrote 10 bytes to c.trig"
    assert progress.counted(1, "row") == "1 row" and progress.counted(0, "place") == "0 places"


# The commands that use it


def test_export_shows_its_stages_on_a_terminal(invoke, every_item, monkeypatch):
    monkeypatch.setattr(progress, "is_terminal", lambda stream=None: True)
    result = invoke("export", "--format", "nt")
    assert result.exit_code == 0, result.output
    assert "\rreading the compiled dataset..." in result.stderr
    assert "\rwriting " in result.stderr and " triples as nt..." in result.stderr
    assert result.stderr.endswith("\r")
    monkeypatch.undo()
    assert invoke("export", "--format", "nt").stderr == ""  # CliRunner's stderr is no terminal


def test_link_shows_its_progress_on_a_terminal(invoke, every_item, monkeypatch):
    monkeypatch.setattr(progress, "is_terminal", lambda stream=None: True)
    result = invoke("link", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "\rscoring GeoNames candidates: 1/" in result.stderr
    assert result.stderr.endswith("\r")
