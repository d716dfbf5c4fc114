"""The project's exceptions: each carries a one-line message fit for a user.

The CLI turns any ``NkgeoError`` into ``Error: <message>`` and a non-zero exit; anything else
is a bug and is allowed to show its traceback.
"""

from __future__ import annotations


class NkgeoError(Exception):
    """Root of every error a user can cause and fix (bad input, missing file, unknown name)."""

    exit_code = 1


class SourceError(NkgeoError):
    """An ontology or graph file cannot be read or parsed."""


class QueryError(NkgeoError):
    """A SPARQL query is malformed, is an update, or cannot be run."""


class UnknownQueryError(NkgeoError):
    """No canned query has the given name."""


class ParameterError(NkgeoError):
    """A canned-query parameter is missing, unknown or of the wrong type."""


class UnknownEntityError(NkgeoError):
    """No entity of the graph answers to the given name."""


class FormatError(NkgeoError):
    """An output format is unknown or does not fit the result."""


class DocumentError(NkgeoError):
    """A source document cannot be found, read or matched to its recorded hash."""


class ShapesError(NkgeoError):
    """The SHACL shapes or checks cannot be loaded; ``nkgeo validate`` exits 2."""

    exit_code = 2
