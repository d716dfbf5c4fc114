"""Writing files so that a reader never sees half of one: write a temporary file, sync it, rename it
over the old one, then sync the folder so that the rename survives a crash too.

:func:`write_atomically` writes bytes or text at once; :func:`open_atomically` gives a handle for
writing in pieces (lines of an index, a stream of N-Quads). Every writer of the project uses one of
them, so each file it writes is either the old one or the whole new one.

What is not a regular file is never replaced: a pipe (``mkfifo``, ``-o >(gzip > x.gz)``), a
terminal or a device (``-o /dev/stdout``, ``/dev/null``), and any name under ``/dev`` or
``/proc``, are written to as they are, as the shell's ``>`` would; a symbolic link stays a link,
and the file it points to is replaced. A socket, a block device or a folder is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _mode_for(path: Path) -> int:
    """The permissions the new file gets: the old file's, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def sync_folder(folder: Path | str) -> None:
    """Make the renames in ``folder`` durable (POSIX); a no-op where a folder cannot be synced."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder: the file itself is synced
        pass
    finally:
        os.close(fd)


KERNEL_FOLDERS = ("/dev/", "/proc/")


def stream_target(path: Path) -> bool:
    """Whether ``path`` is written to as it is (a pipe, a terminal, a device, a name under /dev or
    /proc) rather than replaced; OSError (``EINVAL``) for what can be neither (a socket, a block
    device)."""
    if os.path.abspath(path).startswith(KERNEL_FOLDERS):
        return True
    try:
        mode = os.stat(path).st_mode  # through a symbolic link: what it points to
    except OSError:
        return False  # a new file
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):  # a folder: the rename fails with IsADirectoryError
        return False
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return True
    raise OSError(errno.EINVAL, "not a file, a pipe or a device nkgeo can write to", str(path))


@contextmanager
def open_atomically(path: Path | str, text: bool = False) -> Iterator:
    """A handle (binary, or UTF-8 text with ``text``) whose content replaces ``path`` in one step
    when the block ends; on any error or interrupt in the block the old file is untouched.

    The folder must exist (a mistyped ``-o`` folder is an error, not a new folder). A pipe or a
    device is written to directly, and a symbolic link is followed (see the module's docstring).
    """
    path = Path(path)
    if stream_target(path):
        with open(path, "w", encoding="utf-8", newline="") if text else open(path, "wb") as handle:
            yield handle
        return
    path = Path(os.path.realpath(path))  # replace the file a link points to, not the link
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") if text else os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))  # mkstemp makes it 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def write_atomically(path: Path | str, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) in one step; on any failure the
    old file is untouched."""
    with open_atomically(path) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)
