"""nkgeo: a knowledge graph of North Korea's human geography, with provenance and OWL 2 RL reasoning.

From Python: ``kg = nkgeo.open()``, then ``kg.query(name, **params)``, ``kg.sparql(text)`` and
``kg.entity(name)`` (see :mod:`nkgeo.api`). Importing nkgeo imports nothing else: ``nkgeo query``
starts through this package, and its start-up is measured.
"""

__all__ = ["KnowledgeGraph", "open"]


def open(project=None, rebuild: bool = False):  # noqa: A001 - nkgeo.open(), as a file is opened
    """The knowledge graph of ``project`` (default: the one the command line would use), compiled if need be."""
    from nkgeo import api

    return api.open(project, rebuild=rebuild)


def __getattr__(name: str):
    if name == "KnowledgeGraph":
        from nkgeo.api import KnowledgeGraph

        return KnowledgeGraph
    if name == "__version__":
        from importlib.metadata import version

        return version("nkgeo")
    raise AttributeError(f"module 'nkgeo' has no attribute {name!r}")
