"""nkgeo from Python, for notebooks and scripts: the compiled dataset, canned queries, SPARQL and entities.

>>> import nkgeo
>>> kg = nkgeo.open()                      # the compiled dataset, built first if the sources changed
>>> rows = kg.query("cities-with-industry", industry="steel")
>>> sorted({row["cityLabel"] for row in rows})
['Chongjin', 'Kimchaek']
>>> kg.sparql("SELECT ?city WHERE { ?city a nkgeo:PortCity } ORDER BY ?city")[0]
{'city': 'https://w3id.org/nkgeo/id/chongjin'}
>>> kg.sparql("ASK { id:hamhung nkgeo:locatedIn id:north-korea }")
True
>>> hamhung = kg.entity("함흥")           # any name: label, slug, Hangul, romanisation, IRI
>>> hamhung.id, hamhung.label
('id:hamhung', 'Hamhung')
>>> [f["object"] for f in hamhung.facts if f["predicate"] == "nkgeo:capitalOf"]
['id:south-hamgyong-province']

Rows are dicts keyed by the query's variables: an IRI is its string, a number (int, or float for
xsd:decimal and xsd:double), a boolean or a date is the Python value, any other literal its text, an unbound variable None. ``Rows`` is a list
with ``columns`` and ``to_dataframe()`` (pandas, when it is installed).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from nkgeo.errors import NkgeoError

PANDAS_HINT = "pandas is not installed; install it with: pip install pandas"
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {f"{XSD}{name}" for name in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                        "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                                        "unsignedByte")}


class Rows(list):
    """The rows of a result, each a dict keyed by the result's variables (``columns``)."""

    def __init__(self, columns: list[str], rows: list[dict]):
        super().__init__(rows)
        self.columns = list(columns)

    def to_dataframe(self):
        """The rows as a pandas DataFrame, one column per variable (NkgeoError without pandas)."""
        try:
            import pandas
        except ImportError:
            raise NkgeoError(PANDAS_HINT) from None
        return pandas.DataFrame(list(self), columns=self.columns)


def value(term):
    """A pyoxigraph term as a Python value: IRI -> str, typed literal -> int/float/bool/date, else its text."""
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return term.value
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind != "Literal":
        return str(term)
    datatype = term.datatype.value if term.datatype is not None else ""
    text = term.value
    try:
        if datatype in INTEGERS:
            return int(text)
        if datatype in (f"{XSD}double", f"{XSD}float", f"{XSD}decimal"):  # a float, to compute with (coordinates)
            return float(text)
        if datatype == f"{XSD}boolean":
            return text in ("true", "1")
        if datatype == f"{XSD}date":
            return datetime.date.fromisoformat(text)
        if datatype == f"{XSD}gYear":
            return int(text)
    except ValueError:
        pass
    return text


def rows_of(result) -> Rows | bool:
    """A pyoxigraph result as Rows (solutions; triples as subject/predicate/object) or a bool (ASK)."""
    kind = type(result).__name__
    if kind == "QueryBoolean":
        return bool(result)
    if kind == "QuerySolutions":
        columns = [v.value for v in result.variables]
        return Rows(columns, [{name: value(solution[name]) for name in columns} for solution in result])
    columns = ["subject", "predicate", "object"]
    return Rows(columns, [dict(zip(columns, (value(t.subject), value(t.predicate), value(t.object)), strict=True)) for t in result])


@dataclass
class Entity:
    """One entity with its facts (outgoing), claims (conditions, trends...), links (incoming), each
    with its certainty and its sources (numbers into ``references``), as ``nkgeo show`` gives it."""

    iri: str
    id: str
    label: str
    facts: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        """The documents that state its facts (their stems), in order of first mention."""
        seen: dict[str, None] = {}
        for entry in self.facts + self.claims + self.links:
            for source in entry["sources"]:
                if "document" in source:
                    seen.setdefault(source["document"], None)
        return list(seen)

    def to_dict(self) -> dict:
        return {"iri": self.iri, "id": self.id, "label": self.label, "facts": self.facts, "claims": self.claims,
                "links": self.links, "references": self.references}

    def __str__(self) -> str:
        from nkgeo.explain import show

        return show.render(self.to_dict())


class KnowledgeGraph:
    """The compiled dataset of a project, queried from Python (made by :func:`open`)."""

    def __init__(self, compiled, queries: Path | None = None):
        self.dataset = compiled  # nkgeo.build.cache.CompiledDataset, for anything the API does not cover
        self._queries = queries
        self._resolver = None

    def __repr__(self) -> str:
        return f"<nkgeo.KnowledgeGraph {self.dataset.path}>"

    def resolve(self, name: str, expects: str | None = None) -> str:
        """The IRI of the entity ``name`` names (label, slug, prefixed name, IRI, Korean name...),
        of the class ``expects`` (an IRI) if given."""
        if self._resolver is None:
            from nkgeo.query.names import Resolver

            self._resolver = Resolver(self.dataset)
        return self._resolver(name, expects)

    def queries(self) -> dict[str, str]:
        """The canned queries: name -> summary."""
        from nkgeo.query.canned import catalogue

        return {name: query.summary for name, query in catalogue(self._queries).items()}

    def query(self, name: str, graphs: str = "all", **params) -> Rows | bool:
        """Run the canned query ``name`` with its parameters as keywords (entity names resolved)."""
        from nkgeo.query import canned

        query = canned.get(name, self._queries)
        given = {key: str(item) for key, item in params.items()}
        substitutions = canned.bind(query, given, self.resolve)
        return rows_of(self.dataset.query(query.text, substitutions=substitutions, graphs=graphs))

    def sparql(self, text: str, graphs: str = "all") -> Rows | bool:
        """Run a read-only SPARQL query (nkgeo's prefixes predeclared); ``graphs``: all, asserted or inferred."""
        from nkgeo.errors import QueryError
        from nkgeo.query import sparqltext

        if sparqltext.is_update(text):
            raise QueryError("SPARQL Update is not allowed: the graph is read-only; edit the files in graph/")
        return rows_of(self.dataset.query(text, graphs=graphs))

    def entity(self, name: str, inferred: bool = True, quote: bool = True, stated_current: bool = False) -> Entity:
        """The entity ``name`` names, with every fact about it, each fact's certainty and sources
        (``stated_current``: only what is stated as fact and holds now)."""
        from nkgeo.explain.show import describe

        described = describe(self.dataset, self.resolve(name), include_inferred=inferred, quote_documents=quote,
                             stated_current=stated_current)
        return Entity(described["iri"], described["id"], described["label"], described["facts"], described["links"],
                      described["claims"], described["references"])


def open(project: str | Path | None = None, rebuild: bool = False) -> KnowledgeGraph:  # noqa: A001 - nkgeo.open, as a file is opened
    """The knowledge graph of ``project`` (a folder made by ``nkgeo init``; by default the one the
    command line would use), compiled first when its sources changed. Giving ``project`` makes it
    this process's project, as ``nkgeo --project DIR`` does, so quotes come from its corpus too."""
    from nkgeo import resources
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.sources import DEFAULT_REASONER

    if project is not None:
        resources.use_project(project)
    return KnowledgeGraph(CompiledDataset.open(reasoner=DEFAULT_REASONER, rebuild=rebuild), resources.queries_dir())
