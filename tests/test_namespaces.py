"""``nkgeo.namespaces`` stays in step with ``ontology/nkgeo.ttl`` (regenerate with ``python -m nkgeo.namespaces``)."""

from __future__ import annotations

from nkgeo import namespaces as ns


def attributes() -> dict[str, str]:
    return {name: value for name, value in vars(ns.NKGEO).items() if not name.startswith("_")}


def test_every_attribute_is_a_term_of_the_ontology():
    terms = set(ns._generate().splitlines())
    assert terms, "no nkgeo: terms found in ontology/nkgeo.ttl"
    assert sorted(set(attributes()) - terms) == []


def test_every_term_of_the_ontology_is_an_attribute():
    assert sorted(set(ns._generate().splitlines()) - set(attributes())) == []


def test_attributes_are_the_terms_iris():
    wrong = {name: value for name, value in attributes().items() if value != ns.NKGEO_NS + name}
    assert wrong == {}


def test_prefixes():
    assert ns.PREFIXES["nkgeo"] == ns.NKGEO_NS == ns.ONTOLOGY_IRI + "#"
    assert ns.PREFIXES["id"] == ns.ID_NS
    assert len(set(ns.PREFIXES.values())) == len(ns.PREFIXES)


def test_compact():
    assert ns.compact(ns.ID_NS + "hamhung") == "id:hamhung"
    assert ns.compact(ns.NKGEO_NS + "City") == "nkgeo:City"
    assert ns.compact("http://example.org/x") == "<http://example.org/x>"
    assert ns.compact(ns.ID_NS + "a/b") == "<https://w3id.org/nkgeo/id/a/b>"  # not a valid local name
    assert ns.compact(ns.ID_NS) == f"<{ns.ID_NS}>"
