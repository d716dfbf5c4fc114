"""Running SPARQL on a pyoxigraph store: nkgeo's prefixes, the default graph chosen, errors in one line."""

from __future__ import annotations

from nkgeo import namespaces as ns
from nkgeo.errors import QueryError

GRAPH_CHOICES = ("all", "asserted", "inferred")


def default_graphs(named: list[str], choice: str) -> list[str] | None:
    """The graphs making up the default graph for ``choice``: None for the union of all, else a list."""
    if choice not in GRAPH_CHOICES:
        raise QueryError(f"unknown graph choice {choice!r}; choose one of {', '.join(GRAPH_CHOICES)}")
    if choice == "all":
        return None
    return [g for g in named if (g == ns.INFERRED_GRAPH) == (choice == "inferred")]

def query_store(store, text: str, graphs: list[str] | None = None, substitutions: dict | None = None):
    """Run a SPARQL query on a pyoxigraph store with nkgeo's prefixes, its default graph being the
    union of all graphs (``graphs`` None) or the given ones; errors become one-line QueryErrors."""
    import pyoxigraph as ox

    options: dict = {"prefixes": dict(ns.PREFIXES)}
    if graphs is None:
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = [ox.NamedNode(g) for g in graphs] or [ox.DefaultGraph()]
    if substitutions:
        options["substitutions"] = {ox.Variable(k): v for k, v in substitutions.items()}
    try:
        return store.query(text, **options)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_one_line(str(exc))}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {_one_line(str(exc))}") from None

def _one_line(text: str) -> str:
    return " ".join(text.split())
