"""``nkgeo.files.write_atomically``: a reader sees the old file or the new one, never half of one."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from nkgeo.files import write_atomically


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_writes_bytes_and_text(tmp_path):
    write_atomically(tmp_path / "a.bin", b"\x00\x01")
    write_atomically(str(tmp_path / "b.txt"), "Hamhŭng\n")
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "b.txt").read_bytes() == "Hamhŭng\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "b.txt"]


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_mode(tmp_path):
    target = tmp_path / "out.ttl"
    write_atomically(target, "new\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask()


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch, step):
    target = tmp_path / "out.ttl"
    target.write_text("old\n", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(OSError) as error:
        write_atomically(target, "new\n")
    monkeypatch.undo()
    assert error.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]  # the temporary file is gone


def test_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.ttl"
    target.write_text("old\n", encoding="utf-8")

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, "new\n")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "out.ttl", "x")
    assert not (tmp_path / "missing").exists()


def test_a_directory_is_not_replaced(tmp_path):
    (tmp_path / "out.ttl").mkdir()
    with pytest.raises(IsADirectoryError):
        write_atomically(tmp_path / "out.ttl", "x")
    assert (tmp_path / "out.ttl").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]
