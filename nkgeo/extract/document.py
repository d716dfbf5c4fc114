"""Reading a document to extract from: bytes, checks, decoding, name and title.

The rules, each with a message a user can act on (:class:`nkgeo.errors.DocumentError`):

- a file larger than ``max_bytes`` (default 10 MB) is refused before it is read;
- a file with NUL bytes, or mostly control characters, in its first 8 KB is binary and refused;
- the text must be UTF-8 (a byte order mark is allowed). Other encodings are refused, with the
  likely encoding named, rather than guessed: the evidence offsets and the content hash must refer
  to the UTF-8 text that ``nkgeo show`` quotes later, so the user converts the file once
  (``iconv -f cp949 -t utf-8``) and extracts from the converted copy;
- an empty (or all-blank) file gives no candidates; the caller says so on stderr.

A document's stem names its graph and IRI: a file already named as the corpus names its files
(``<3 digits>_<16 hex digits>``) keeps its name; any other file becomes
``<slug of the file name>_<sha256[:16]>``, so two files with the same name but different text never
collide, and the same text always gets the same stem.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from nkgeo.errors import DocumentError

DEFAULT_MAX_BYTES = 10_000_000
SNIFF_BYTES = 8192
_CORPUS_NAME = re.compile(r"^\d{3}_[0-9a-f]{16}$")
_FALLBACK_GUESSES = ("cp949", "euc-kr", "shift_jis", "gb18030", "cp1252", "latin-1")


@dataclass(frozen=True)
class Document:
    """One input document, decoded."""

    path: str
    file_name: str
    data: bytes
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def stem(self) -> str:
        name = Path(self.file_name).stem
        if _CORPUS_NAME.match(name):  # already named as the corpus names its files
            return name
        from nkgeo.extract.lexicon import slug

        return f"{slug(name) or 'document'}_{self.sha256[:16]}"

    @property
    def title(self) -> str:
        for line in self.text.splitlines():
            line = line.strip().lstrip("\ufeff").strip()
            if line:
                return line[:300]
        return self.file_name

    @property
    def is_blank(self) -> bool:
        return not self.text.strip().lstrip("\ufeff").strip()


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and decode ``path``; raise DocumentError with a clear message when it cannot be used."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError(f"{path}: no such file") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise DocumentError(f"{path} is a folder, not a text file")
    if size > max_bytes:
        raise DocumentError(f"{name} is {size:,} bytes, over the limit of {max_bytes:,} (use --max-bytes to raise it, or split the file)")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > max_bytes:  # the file grew since stat, or is a device
        raise DocumentError(f"{name} is over the limit of {max_bytes:,} bytes (use --max-bytes to raise it)")
    return decode_document(str(path), name, data)


def decode_document(path: str, name: str, data: bytes) -> Document:
    head = data[:SNIFF_BYTES]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{name} is UTF-16 text, not UTF-8; convert it first, e.g. iconv -f utf-16 -t utf-8 {name} > {Path(name).stem}.utf8.txt")
    if looks_binary(head):
        raise DocumentError(f"{name} looks like a binary file, not text; extract reads plain UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        hint = f"; it decodes as {guess}: convert it first, e.g. iconv -f {guess} -t utf-8 {name} > {Path(name).stem}.utf8.txt" if guess else ""
        raise DocumentError(f"{name} is not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}") from None
    return Document(path=path, file_name=name, data=data, text=text)


def looks_binary(head: bytes) -> bool:
    """NUL bytes, or more than 10% control characters other than whitespace, in the first bytes."""
    if not head:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.10


def _guess_encoding(data: bytes) -> str | None:
    for encoding in _FALLBACK_GUESSES:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return None
