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
    assert ns.compact(ns.NKGEO.City) == "nkgeo:City"
    assert ns.compact("http://example.org/x") == "<http://example.org/x>"
    assert ns.compact(ns.ID_NS + "a/b") == "<https://w3id.org/nkgeo/id/a/b>"  # not a valid local name
    assert ns.compact(ns.ID_NS) == f"<{ns.ID_NS}>"


STANDARD = ("RDF", "RDFS", "OWL", "XSD", "SKOS", "DCTERMS", "PROV", "GEO", "WGS", "VOID", "SH", "SCHEMA", "GN")


def test_standard_vocabularies_are_typed_namespaces():
    """Each class holds full IRIs under its own namespace, and a misspelt term fails at once."""
    import pytest

    for name in STANDARD:
        vocabulary = getattr(ns, name)
        terms = {k: v for k, v in vars(vocabulary).items() if not k.startswith("_")}
        assert terms, name
        assert all(v == vocabulary._NS + k for k, v in terms.items()), name
        assert vocabulary._NS == getattr(ns, f"{name}_NS")
    with pytest.raises(AttributeError):
        ns.RDF.typ  # noqa: B018 - the point is that it raises
    with pytest.raises(AttributeError):
        ns.NKGEO.Citty  # noqa: B018


def test_standard_terms_are_the_vocabularies_own():
    """Every term listed is defined by the vocabulary (rdflib's DefinedNamespace where it has one)."""
    from rdflib import namespace as rdflib_ns

    for name, defined in (("RDF", rdflib_ns.RDF), ("RDFS", rdflib_ns.RDFS), ("OWL", rdflib_ns.OWL), ("XSD", rdflib_ns.XSD),
                          ("SKOS", rdflib_ns.SKOS), ("DCTERMS", rdflib_ns.DCTERMS), ("PROV", rdflib_ns.PROV),
                          ("GEO", rdflib_ns.GEO), ("VOID", rdflib_ns.VOID), ("SH", rdflib_ns.SH), ("SCHEMA", rdflib_ns.SDO)):
        ours = {k for k in vars(getattr(ns, name)) if not k.startswith("_")}
        assert sorted(ours - set(defined.__annotations__)) == [], name
