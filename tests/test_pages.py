"""The page data (``nkgeo.serve.pages``) apart from the HTTP layer: what the build's certainty of
inferred triples looks like on a derivation page, once ``why`` fills it."""

from __future__ import annotations

from nkgeo import namespaces as ns
from nkgeo.explain import why
from nkgeo.serve import pages
from nkgeo.serve.data import ServedData


def test_a_derivation_shows_the_certainty_why_gives_its_nodes(compiled, monkeypatch):
    """``why.Node`` gains ``certainty`` (a mode's IRI) and ``holds_now``; the page words them."""
    explain = why.Explainer.explain

    def with_certainty(self, s, p, o):
        tree = explain(self, s, p, o)
        tree.certainty, tree.holds_now = ns.NKGEO.Believed, False
        return tree

    monkeypatch.setattr(why.Explainer, "explain", with_certainty)
    data = ServedData(store=compiled.store, nquads=compiled.path / "dataset.nq", label="test", compiled=compiled)
    page = pages.derivation_page(data, ns.ID_NS + "kimchaek", ns.RDF.type, ns.NKGEO.SteelTown, quote_documents=False)
    assert page["tree"]["how"] == "believed; not now"
    assert page["tree"]["status"] == "inferred" and page["tree"]["premises"]
    assert page["subject"] == "/id/kimchaek"


def test_a_stated_current_derivation_says_nothing_of_its_certainty(compiled, monkeypatch):
    explain = why.Explainer.explain

    def stated(self, s, p, o):
        tree = explain(self, s, p, o)
        tree.certainty, tree.holds_now = ns.NKGEO.Stated, True
        return tree

    monkeypatch.setattr(why.Explainer, "explain", stated)
    data = ServedData(store=compiled.store, nquads=compiled.path / "dataset.nq", label="test", compiled=compiled)
    page = pages.derivation_page(data, ns.ID_NS + "kimchaek", ns.RDF.type, ns.NKGEO.SteelTown, quote_documents=False)
    assert page["tree"]["how"] is None and page["tree"]["rule"] == "cax-sco"
