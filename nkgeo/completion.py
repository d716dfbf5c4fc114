"""What the shell completes after ``nkgeo``: canned-query, entity and graph names (click completes the commands).

The functions take the word typed so far and return the matching words; ``cli.py`` hands them to
click as ``shell_complete``. A completion must never break the shell, so any error gives no
candidates. Names with a space are offered only once the word typed has one (inside quotes):
bash would split them.
"""

from __future__ import annotations

LIMIT = 200  # candidates at most: a shell lists them all


def query_names(incomplete: str) -> list[str]:
    """The canned queries whose name starts with ``incomplete``."""
    try:
        from nkgeo.query.canned import catalogue

        return [name for name in catalogue() if name.startswith(incomplete)][:LIMIT]
    except Exception:  # noqa: BLE001 - a broken project completes nothing
        return []


_NAMES = """
SELECT DISTINCT ?entity ?name WHERE {
  ?entity rdfs:label|skos:prefLabel|skos:altLabel|nkgeo:nickname|nkgeo:formerName ?name
  FILTER(isIRI(?entity) && STRSTARTS(STR(?entity), STR(id:)))
  FILTER NOT EXISTS { ?entity a/rdfs:subClassOf* nkgeo:Claim }  # the claims' own nodes (estimates, conditions, trends...)
}
"""


def entity_names(incomplete: str) -> list[str]:
    """The names of the graph's entities (slugs, labels, Korean names, romanisations) that start
    with ``incomplete``, in any case and with or without diacritics."""
    try:
        from nkgeo import namespaces as ns
        from nkgeo.build.cache import CompiledDataset
        from nkgeo.query.names import fold

        rows = list(CompiledDataset.open().query(_NAMES))
    except Exception:  # noqa: BLE001 - a broken project completes nothing
        return []
    start = fold(incomplete)
    spaced = " " in incomplete
    names = {row["name"].value for row in rows} | {row["entity"].value[len(ns.ID_NS):] for row in rows}
    found = [name for name in names if fold(name).startswith(start) and (spaced or " " not in name)]
    return sorted(found, key=lambda name: (fold(name), name))[:LIMIT]


def graph_names(incomplete: str) -> list[str]:
    """What ``nkgeo export --graph`` takes that starts with ``incomplete``: all, asserted, inferred
    and the short names of the named graphs (``gazetteer``, ``doc-000_cbd80db4a2371350``...)."""
    try:
        from nkgeo import namespaces as ns
        from nkgeo.build.cache import CompiledDataset
        from nkgeo.query.store import GRAPH_CHOICES

        named = [g[len(ns.GRAPH_NS):] if g.startswith(ns.GRAPH_NS) else g for g in CompiledDataset.open().named_graphs()]
    except Exception:  # noqa: BLE001 - a broken project completes nothing
        return []
    return [name for name in [*GRAPH_CHOICES, *named] if name.startswith(incomplete)][:LIMIT]
