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


def test_open_atomically_writes_in_pieces(tmp_path):
    from nkgeo.files import open_atomically

    with open_atomically(tmp_path / "index.txt", text=True) as handle:
        handle.writelines(f"{n}\tHamhŭng\n" for n in range(3))
    with open_atomically(tmp_path / "data.bin") as handle:
        handle.write(b"\x00")
        handle.write(b"\x01")
    assert (tmp_path / "index.txt").read_bytes() == "".join(f"{n}\tHamhŭng\n" for n in range(3)).encode()
    assert (tmp_path / "data.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.bin", "index.txt"]


def test_an_error_while_writing_in_pieces_keeps_the_old_file(tmp_path):
    from nkgeo.files import open_atomically

    target = tmp_path / "index.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(ValueError), open_atomically(target, text=True) as handle:
        handle.write("half of the new\n")
        raise ValueError("the writer failed")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["index.txt"]


def test_the_file_then_its_folder_are_synced(tmp_path, monkeypatch):
    """The rename is durable only once the folder is synced: the file first, then the folder."""
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)) or real_fsync(fd))
    write_atomically(tmp_path / "out.ttl", "x")
    assert synced == [False, True]


# --- what is not a regular file (issue 12, row 10) -------------------------------------------


def read_fifo_in_background(fifo):
    """A reader of ``fifo``, as ``cat fifo`` would be: returns the thread and where the bytes go."""
    import threading

    received: list[bytes] = []
    thread = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    thread.start()
    return thread, received


def test_a_fifo_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, received = read_fifo_in_background(fifo)
    write_atomically(fifo, "through the pipe\n")
    thread.join(10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_a_character_device_is_written_to_not_replaced(tmp_path):
    """A copy of /dev/null (major 1, minor 3) made here: the real one is never put at risk."""
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    write_atomically(device, b"into the void")
    assert stat.S_ISCHR(device.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_names_under_proc_are_written_to():
    """``/proc/self/fd/N`` (what ``/dev/stdout`` and ``-o >(gzip)`` point to) names a pipe here: written
    to as it is. (Not /dev/stdout itself: a regression would replace the machine's /dev/stdout.)"""
    read_end, write_end = os.pipe()
    try:
        write_atomically(f"/proc/self/fd/{write_end}", b"into the pipe\n")
        assert os.read(read_end, 100) == b"into the pipe\n"
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_symbolic_link_stays_a_link_to_the_new_file(tmp_path):
    real = tmp_path / "real.ttl"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.ttl"
    link.symlink_to(real)
    write_atomically(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"


def test_a_socket_is_refused(tmp_path):
    import socket

    path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(OSError) as raised:
            write_atomically(path, "x")
    assert raised.value.errno == errno.EINVAL
    assert stat.S_ISSOCK(path.stat().st_mode)


def test_cli_output_to_a_fifo(tmp_path, invoke):
    """``nkgeo sparql ... -o FIFO`` writes the answer into the pipe and leaves the pipe in place."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    thread, received = read_fifo_in_background(fifo)
    result = invoke("sparql", "ASK {}", "-o", str(fifo))
    thread.join(10)
    assert result.exit_code == 0, result.output
    assert received == [b"yes\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_cli_output_to_a_full_device_is_one_line():
    from click.testing import CliRunner

    from nkgeo.cli import cli

    result = CliRunner().invoke(cli, ["sparql", "ASK {}", "-o", "/dev/full"])
    assert result.exit_code == 1
    assert result.output == "Error: cannot write /dev/full: No space left on device\n"
