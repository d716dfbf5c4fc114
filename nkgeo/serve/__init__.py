"""``nkgeo serve``: a read-only SPARQL 1.1 endpoint with browsable pages.

The web stack (Starlette, uvicorn, Jinja2) is the optional extra ``serve``: this package imports
none of it at the top, so ``nkgeo`` stays importable and its other commands fast without it.

- ``settings.py``     the server's settings, with their defaults and help (no dependency)
- ``negotiation.py``  media-type tables and the Accept header (no dependency)
- ``protocol.py``     the SPARQL 1.1 Protocol's query operation, read from a request (no dependency)
- ``workers.py``      queries in worker processes, with a hard time limit and a row limit, each
                      writing its answer with the CLI's writers (``query/results.py``, ``rdfio.py``)
- ``data.py``         what is served: the compiled dataset or the given files
- ``service.py``      the SPARQL Service Description
- ``pages.py``        the data behind the HTML pages, and the SVG map
- ``app.py``          the Starlette application: routes and responses
- ``launch.py``       running a server: ``--get`` without a socket, a server process for tests
"""

from __future__ import annotations

from nkgeo.errors import NkgeoError

INSTALL_HINT = "nkgeo serve needs the 'serve' extra: pip install 'nkgeo[serve]' (Starlette, uvicorn and Jinja2)"


def require_extra() -> None:
    """Raise a one-line NkgeoError when the web stack is not installed."""
    try:
        import jinja2  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        raise NkgeoError(f"{INSTALL_HINT}; missing: {exc.name}") from None
