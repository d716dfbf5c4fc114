"""``nkgeo extract``: propose the triples a plain-text document states, each with its evidence.

The pipeline: :mod:`document` reads and checks the file; :mod:`gazetteer` holds what the graph
already knows (names, types, industries); :mod:`nlp` splits sentences and finds mentions with
spaCy; :mod:`rules` reads relations on masked sentences; :mod:`extractor` runs two passes (new
names first, relations second); :mod:`output` writes TriG or a table; :mod:`merge` adds reviewed
candidates to ``graph/`` after validating the result.
"""

from __future__ import annotations

from nkgeo.extract.document import DEFAULT_MAX_BYTES, Document, read_document
from nkgeo.extract.extractor import EXTRACTOR_VERSION, Extraction, Extractor
from nkgeo.extract.gazetteer import Gazetteer, leave_one_out
from nkgeo.extract.nlp import DEFAULT_MAX_SENTENCE_CHARS
from nkgeo.extract.output import Candidates

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_SENTENCE_CHARS",
    "EXTRACTOR_VERSION",
    "Candidates",
    "Document",
    "Extraction",
    "Extractor",
    "Gazetteer",
    "leave_one_out",
    "read_document",
]
