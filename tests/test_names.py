"""Finding an entity by any of its names (``nkgeo.query.names``): folding, suffixes, precedence, suggestions."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from nkgeo import namespaces as ns
from nkgeo.errors import UnknownEntityError
from nkgeo.query.names import NameIndex, fold, resolve

ID = ns.ID_NS


class TinyCompiled:
    """Just enough of CompiledDataset for NameIndex: ``query`` over an inline Turtle graph."""

    def __init__(self, turtle: str):
        self.store = ox.Store()
        prologue = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in ns.PREFIXES.items())
        self.store.load((prologue + turtle).encode(), format=ox.RdfFormat.TURTLE)

    def query(self, text: str):
        return self.store.query(text, prefixes=dict(ns.PREFIXES))


TINY = """
id:pyongyang rdfs:label "Pyongyang"@en ; skos:altLabel "Ryugyong"@en .
id:ryugyong rdfs:label "Ryugyong Hotel"@en .
id:kimchaek rdfs:label "Kimchaek"@en ; nkgeo:formerName "Songjin"@en .
id:songjin-harbour skos:altLabel "Songjin"@en .
id:chongjin rdfs:label "Chongjin"@en ; nkgeo:nickname "City of Iron"@en .
id:yalu-river rdfs:label "Yalu River"@en .
id:south-hamgyong-province rdfs:label "South Hamgyong Province"@en .
<http://example.org/other/pyongyang-2> rdfs:label "Pyongyang"@en .
id:twin-a rdfs:label "Twin"@en .
id:twin-b rdfs:label "Twin"@en .
nkgeo:City rdfs:label "city"@en .
_:anonymous rdfs:label "Nameless"@en .
"""


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.from_dataset(TinyCompiled(TINY))


@pytest.mark.parametrize(
    ("text", "key"),
    [("Hamhung", "hamhung"), ("HAMHUNG", "hamhung"), ("P'yŏngyang", "pyongyang"), ("South Hamgyong", "southhamgyong"),
     ("sea-of-japan", "seaofjapan"), ("  Nampo  ", "nampo"), ("Kaesŏng_city", "kaesongcity")],
)
def test_fold(text, key):
    assert fold(text) == key


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Pyongyang", "pyongyang"),
        ("pyongyang", "pyongyang"),
        ("P'yŏngyang", "pyongyang"),
        ("yalu", "yalu-river"),  # a trailing "River" may be left off
        ("Yalu River", "yalu-river"),
        ("south hamgyong", "south-hamgyong-province"),
        ("City of Iron", "chongjin"),  # a nickname
        ("Ryugyong", "ryugyong"),  # a slug (4) beats an alternative label (2)
        ("Ryugyong Hotel", "ryugyong"),
        ("Songjin", "songjin-harbour"),  # an alternative label (2) beats a former name (1)
        ("twin", "twin-a"),  # equals: the shorter, then the first IRI
        ("id:kimchaek", "kimchaek"),
        (ID + "kimchaek", "kimchaek"),
        (f"<{ID}kimchaek>", "kimchaek"),
    ],
)
def test_resolve(index, text, slug):
    assert index.resolve(text) == ID + slug


def test_resolve_prefers_our_own_iri(index):
    assert index.resolve("Pyongyang") == ID + "pyongyang"
    assert index.resolve("http://example.org/other/pyongyang-2") == "http://example.org/other/pyongyang-2"


def test_resolve_terms_of_the_ontology(index):
    assert index.resolve("nkgeo:City") == ns.NKGEO.City
    assert index.resolve("City") == ns.NKGEO.City


def test_blank_nodes_have_no_names(index):
    with pytest.raises(UnknownEntityError):
        index.resolve("Nameless")


def test_unknown_name_suggests_the_closest(index):
    with pytest.raises(UnknownEntityError) as error:
        index.resolve("Pyongang")
    assert str(error.value) == "no entity named 'Pyongang'; closest: Pyongyang"


def test_unknown_name_without_suggestions(index):
    with pytest.raises(UnknownEntityError) as error:
        index.resolve("Xqzv")
    assert str(error.value) == "no entity named 'Xqzv'"


def test_unknown_iri(index):
    with pytest.raises(UnknownEntityError) as error:
        index.resolve("id:atlantis")
    assert str(error.value) == "no entity with IRI id:atlantis in the graph"


@pytest.mark.parametrize(
    ("text", "iri"),
    [("id:hamhung", ID + "hamhung"), ("<urn:x>", "urn:x"), ("https://example.org/a", "https://example.org/a"),
     ("rdfs:label", ns.RDFS.label), ("nosuch:thing", None), ("Hamhung", None), ("id:two words", None)],
)
def test_expand(index, text, iri):
    assert index.expand(text) == iri


@pytest.mark.parametrize(
    ("text", "slug"),
    [("Hamhung", "hamhung"), ("Songjin", "kimchaek"), ("City of Iron", "chongjin"), ("DMZ", "demilitarized-zone"),
     ("yalu", "yalu-river"), ("South Hamgyong", "south-hamgyong-province"), ("north korea", "north-korea")],
)
def test_resolve_on_the_shipped_graph(compiled, text, slug):
    assert resolve(compiled, text) == ID + slug


@pytest.mark.parametrize(
    ("words", "shorter"),
    [(["Yalu", "River"], ["Yalu"]), (["Rason", "Special", "City"], ["Rason"]), (["Yellow", "Sea"], ["Yellow"]),
     (["River"], None), (["Special", "City"], ["Special"]), (["Hamhung"], None), (["South", "Hamgyong", "PROVINCE"], ["South", "Hamgyong"])],
)
def test_strip_suffix(words, shorter):
    from nkgeo.query.names import strip_suffix

    assert strip_suffix(words) == shorter


def test_the_gazetteer_leaves_off_only_what_running_text_leaves_off():
    """One table of suffixes (query/names.py) for the name index and the extractor's gazetteer; a
    document's "East" or "Yellow" is not a sea, though a user who looks up "yellow" means it."""
    from nkgeo.extract.gazetteer import Gazetteer
    from nkgeo.query.names import SUFFIXES, SUFFIXES_IN_TEXT

    assert set(SUFFIXES_IN_TEXT) < set(SUFFIXES)
    gazetteer = Gazetteer()
    for name, iri in [("Yalu River", "urn:yalu"), ("Rason Special City", "urn:rason"), ("Yellow Sea", "urn:yellow")]:
        gazetteer.add_name(name, iri)
    assert gazetteer.names["Yalu"] == {"urn:yalu"} and gazetteer.names["Rason"] == {"urn:rason"}
    assert "Yellow" not in gazetteer.names
    index = NameIndex.from_dataset(TinyCompiled('id:yellow-sea rdfs:label "Yellow Sea"@en .\nid:rason rdfs:label "Rason Special City"@en .'))
    assert index.resolve("yellow") == ID + "yellow-sea"
    assert index.resolve("Rason") == ID + "rason"


def test_the_resolver_builds_the_index_once_and_only_for_names(compiled, monkeypatch):
    from nkgeo.query import names

    built = []
    original = names.NameIndex.from_dataset.__func__
    monkeypatch.setattr(names.NameIndex, "from_dataset", classmethod(lambda cls, data: built.append(1) or original(cls, data)))
    resolver = names.Resolver(compiled)
    assert resolver("hamhung") == ID + "hamhung" and not built  # an exact slug: no index
    assert resolver("Hamhŭng") == ID + "hamhung"
    assert resolver("City of Iron") == ID + "chongjin"
    assert built == [1]


@pytest.mark.parametrize(
    ("text", "iri"),
    [("a", ns.RDF.type), ("rdf:type", ns.RDF.type), ("rdfs:label", ns.RDFS.label), ("locatedIn", ns.NKGEO.locatedIn),
     ("nkgeo:capitalOf", ns.NKGEO.capitalOf), (f"<{ns.NKGEO.satelliteOf}>", ns.NKGEO.satelliteOf)],
)
def test_resolve_predicate(compiled, text, iri):
    assert NameIndex.from_dataset(compiled).resolve_predicate(text) == iri


def test_resolve_predicate_unknown(compiled):
    with pytest.raises(UnknownEntityError, match="^no property named 'liesNear'$"):
        NameIndex.from_dataset(compiled).resolve_predicate("liesNear")


# Names of a kind: a parameter that expects a class


KINDS = """
nkgeo:Industry rdfs:label "industry"@en .
nkgeo:City rdfs:label "city"@en .
id:steel a nkgeo:Industry ; rdfs:label "steel industry"@en .
id:textiles a nkgeo:Industry ; rdfs:label "textile industry"@en .
id:mining a nkgeo:Industry ; rdfs:label "mining"@en .
id:coast a nkgeo:Coast ; rdfs:label "Coast"@en .
id:hamhung a nkgeo:City ; rdfs:label "Hamhung"@en .
id:steel-city a nkgeo:City ; rdfs:label "Steel"@en .
"""
INDUSTRY = ns.NKGEO.Industry


@pytest.fixture(scope="module")
def kinds():
    return NameIndex.from_dataset(TinyCompiled(KINDS))


def test_a_name_of_the_kind_wins_over_a_stronger_name_of_another(kinds):
    """'Steel' is the label of a city and the slug of an industry: the kind asked for decides."""
    assert kinds.resolve("Steel") == ID + "steel"  # a slug is the strongest name
    assert kinds.resolve("Steel", ns.NKGEO.City) == ID + "steel-city"
    assert kinds.resolve("Steel", INDUSTRY) == ID + "steel"


def test_suggestions_are_of_the_kind(kinds):
    with pytest.raises(UnknownEntityError) as error:
        kinds.resolve("coal")
    assert str(error.value) == "no entity named 'coal'; closest: Coast"
    with pytest.raises(UnknownEntityError) as error:
        kinds.resolve("coal", INDUSTRY)
    assert str(error.value) == "no industry named 'coal'; the industries are: mining, steel industry, textile industry"
    with pytest.raises(UnknownEntityError) as error:
        kinds.resolve("minning", INDUSTRY)
    assert str(error.value) == "no industry named 'minning'; closest industries: mining"


def test_a_name_of_another_kind_is_named(kinds):
    with pytest.raises(UnknownEntityError) as error:
        kinds.resolve("Hamhung", INDUSTRY)
    assert str(error.value) == ("no industry named 'Hamhung' ('Hamhung' is id:hamhung, not an industry); "
                                "the industries are: mining, steel industry, textile industry")


def test_an_iri_is_taken_as_given_whatever_its_kind(kinds):
    assert kinds.resolve("id:hamhung", INDUSTRY) == ID + "hamhung"
    assert kinds.is_a(ID + "steel", INDUSTRY) and not kinds.is_a(ID + "hamhung", INDUSTRY)
    assert kinds.kind_name(INDUSTRY) == "industry" and kinds.kind_name(ns.NKGEO.Coast) == "Coast"


@pytest.mark.parametrize(("noun", "plural"), [("industry", "industries"), ("city", "cities"), ("country", "countries"),
                                              ("province", "provinces"), ("source document", "source documents"),
                                              ("special economic zone", "special economic zones"), ("class", "classes"),
                                              ("day", "days")])
def test_plural(noun, plural):
    from nkgeo.query.names import plural as plural_of

    assert plural_of(noun) == plural
