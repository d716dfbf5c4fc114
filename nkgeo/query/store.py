"""Running SPARQL on a pyoxigraph store: nkgeo's prefixes, the default graph chosen, errors in one line.

The choice of default graph (``--graph all|asserted|inferred`` of ``query``, ``sparql``, ``export``
and ``serve``, the server's setting, a remote endpoint's dataset) is defined here once.
"""

from __future__ import annotations

from nkgeo import namespaces as ns
from nkgeo.errors import NkgeoError, QueryError

GRAPH_CHOICES = ("all", "asserted", "inferred")
GRAPH_HELP = "Default graph of the query: all (asserted + inferred), asserted or inferred."
# In a list of graphs, the store's own default graph. A compiled dataset keeps every asserted
# triple there once (see nkgeo.build.pipeline), so its default graph sees each triple once.
DEFAULT_GRAPH = ""
COMPILED_GRAPHS = {"all": [DEFAULT_GRAPH, ns.INFERRED_GRAPH], "asserted": [DEFAULT_GRAPH], "inferred": [ns.INFERRED_GRAPH]}


def check_graph_choice(choice: str) -> str:
    if choice not in GRAPH_CHOICES:
        raise QueryError(f"unknown graph choice {choice!r}; choose one of {', '.join(GRAPH_CHOICES)}")
    return choice


def default_graphs(named: list[str], choice: str, compiled: bool = False) -> list[str] | None:
    """The graphs making up the default graph for ``choice``: None for the union of all, else a list.

    ``compiled``: the store is a compiled dataset's, whose own default graph holds the asserted
    triples once; else (files given to ``nkgeo serve``) "all" is the union of every graph."""
    check_graph_choice(choice)
    if compiled:
        return list(COMPILED_GRAPHS[choice])
    if choice == "all":
        return None
    return [g for g in named if (g == ns.INFERRED_GRAPH) == (choice == "inferred")]


def graph_terms(graphs: list[str]) -> list:
    """pyoxigraph's graph names for a list of graphs (:data:`DEFAULT_GRAPH` is the store's default graph)."""
    import pyoxigraph as ox

    return [ox.DefaultGraph() if g == DEFAULT_GRAPH else ox.NamedNode(g) for g in graphs] or [ox.DefaultGraph()]


def named_graph(available: list[str], wanted: str) -> str:
    """The one of ``available`` that ``wanted`` names: an IRI, ``graph:NAME`` or ``NAME``
    (``gazetteer``, ``links``, ``doc-000_cbd80db4a2371350``...)."""
    prefix, _, local = wanted.partition(":")
    for candidate in (wanted, ns.GRAPH_NS + wanted, ns.PREFIXES.get(prefix, "\0") + local):
        if candidate in available:
            return candidate
    names = ", ".join(ns.compact(g) for g in available)
    raise NkgeoError(f"no graph {wanted!r} in the dataset; it has {names}")


def chosen_graphs(named: list[str], choices: list[str] | tuple[str, ...]) -> list[str] | None:
    """The named graphs that ``choices`` make up, each a graph choice (all, asserted, inferred) or a
    named graph (see :func:`named_graph`): None for all of them, else a sorted list of the union."""
    if not choices or "all" in choices:
        return None
    chosen: set[str] = set()
    for choice in choices:
        chosen.update(default_graphs(named, choice) if choice in GRAPH_CHOICES else [named_graph(named, choice)])
    return sorted(chosen)


def query_store(store, text: str, graphs: list[str] | None = None, substitutions: dict | None = None):
    """Run a SPARQL query on a pyoxigraph store with nkgeo's prefixes, its default graph being the
    union of all graphs (``graphs`` None) or the given ones; errors become one-line QueryErrors."""
    import pyoxigraph as ox

    options: dict = {"prefixes": dict(ns.PREFIXES)}
    if graphs is None:
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = graph_terms(graphs)
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
