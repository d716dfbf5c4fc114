"""The source documents: their descriptions in the graph and, when a copy is at hand, their text.

Evidence is kept as character offsets, never as copied sentences; to quote one, the document must
be found (by file name, in the corpus folders) and must have the recorded SHA-256, so offsets
into a changed copy are never shown as if they were the source.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nkgeo.resources import corpus_dirs, say_unquotable

DOCUMENTS_QUERY = """
SELECT ?doc ?title ?file ?hash ?length ?graph WHERE {
  GRAPH graph:provenance {
    ?doc a nkgeo:SourceDocument .
    OPTIONAL { ?doc dcterms:title ?title }
    OPTIONAL { ?doc nkgeo:fileName ?file }
    OPTIONAL { ?doc nkgeo:contentHash ?hash }
    OPTIONAL { ?doc nkgeo:characterCount ?length }
    OPTIONAL { ?doc nkgeo:documentGraph ?graph }
  }
} ORDER BY ?doc
"""


@dataclass(frozen=True)
class Document:
    iri: str
    title: str
    file_name: str
    content_hash: str
    length: int
    graph: str

    @property
    def stem(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


def documents(compiled) -> dict[str, Document]:
    """Every source document the dataset describes, by IRI."""
    found = {}
    for row in compiled.query(DOCUMENTS_QUERY):
        value = functools.partial(_value, row, "")
        found[value("doc")] = Document(
            iri=value("doc"),
            title=value("title"),
            file_name=value("file"),
            content_hash=value("hash"),
            length=int(value("length") or 0),
            graph=value("graph"),
        )
    return found


@lru_cache(maxsize=16)
def _read_verified(file_name: str, content_hash: str) -> str | None:
    for folder in corpus_dirs():
        path = Path(folder) / file_name
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == content_hash:
            return data.decode("utf-8", errors="replace")
    return None


def text_of(document: Document) -> str | None:
    """The document's text if a copy with the recorded hash is at hand, else None."""
    if not document.file_name or not document.content_hash:
        return None
    return _read_verified(document.file_name, document.content_hash) or say_unquotable(document.file_name, document.content_hash)


def quote(document: Document, start: int, end: int, limit: int = 240) -> str | None:
    """The characters ``start:end`` of the document, on one line, shortened past ``limit``."""
    text = text_of(document)
    if text is None or not (0 <= start < end <= len(text)):
        return None
    passage = " ".join(text[start:end].split())
    return passage if len(passage) <= limit else passage[: limit - 1] + "…"


def citation(docs: dict[str, Document], document: str, start: int, end: int, quote_documents: bool = True) -> dict:
    """What a source line shows of a passage: the document's title and, when asked and the text is
    at hand, the quoted passage (either may be missing)."""
    doc = docs.get(document)
    if doc is None:
        return {}
    found = {"title": doc.title}
    passage = quote(doc, start, end) if quote_documents else None
    if passage:
        found["quote"] = passage
    return found


def _value(row, missing, name: str):
    """A solution's value for ``name`` as a string, or ``missing`` when unbound."""
    term = row[name]
    return term.value if term is not None else missing
