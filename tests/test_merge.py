"""``nkgeo merge``: candidates into graph/ of a temporary project, validated, all or nothing.

Every test runs in ``tiny_project`` (NKGEO_HOME points at a copy with the real ontology and a tiny
graph), never in the checkout's graph/.
"""

from __future__ import annotations

GOOD = "Notes on Testland\n\nAlphaville is the capital of Delta Province in Testland. Alphaville lies on the Gamma River.\n"
HEDGED = "Epsilon\n\nThe town of Epsilon is often considered part of the Alphaville metropolitan area.\n"
INVALID = "Zetaville\n\nThe city of Zetaville has a small harbour.\n"


def snapshot(project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "graph").iterdir())}


def candidates(invoke, tmp_path, text: str, name: str = "article.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / (name + ".trig")
    result = invoke("extract", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_merge_adds_the_document_and_the_new_entities(invoke, tiny_project, tmp_path):
    trig = candidates(invoke, tmp_path, GOOD)
    result = invoke("merge", str(trig))
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tiny_project / "graph").iterdir())
    document = next(name for name in files if name.startswith("article_"))
    assert result.output.splitlines()[1:] == ["  wrote graph/article_" + document[len("article_") :], "  wrote graph/gazetteer.trig"]
    assert result.output.startswith("added ")
    gazetteer = (tiny_project / "graph" / "gazetteer.trig").read_text(encoding="utf-8")
    assert '"Delta Province"@en' in gazetteer
    validated = invoke("validate")
    assert validated.exit_code == 0, validated.output
    shown = invoke("show", "Delta Province", "--no-quote")
    assert "nkgeo:capitalOf" in shown.output or "capital" in shown.output


def test_merged_facts_look_like_curated_ones(invoke, tiny_project, tmp_path):
    from rdflib import Dataset, URIRef

    from nkgeo import namespaces as ns

    trig = candidates(invoke, tmp_path, GOOD)
    assert invoke("merge", str(trig)).exit_code == 0
    path = next((tiny_project / "graph").glob("article_*.trig"))
    dataset = Dataset()
    dataset.parse(path, format="trig")
    provenance = dataset.graph(URIRef(ns.PROVENANCE_GRAPH))
    capital = URIRef(ns.NKGEO.capitalOf)
    [evidence] = list(provenance.subjects(URIRef(ns.RDF.predicate), capital))
    for predicate in ("subject", "object"):
        assert provenance.value(evidence, URIRef(ns.RDF_NS + predicate)) is not None
    for predicate in ("inDocument", "startOffset", "endOffset"):
        assert provenance.value(evidence, URIRef(ns.NKGEO_NS + predicate)) is not None


def test_a_result_that_fails_shacl_changes_nothing(invoke, tiny_project, tmp_path):
    before = snapshot(tiny_project)
    trig = candidates(invoke, tmp_path, INVALID, "zeta.txt")
    result = invoke("merge", str(trig))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: the merged graph would not be valid, so nothing was changed:")
    assert "id:zetaville" in result.output and "S02-city-located" in result.output
    assert snapshot(tiny_project) == before
    assert not [p for p in (tiny_project / "graph").iterdir() if p.name.startswith(".")]


def test_dry_run_writes_nothing(invoke, tiny_project, tmp_path):
    before = snapshot(tiny_project)
    trig = candidates(invoke, tmp_path, GOOD)
    result = invoke("merge", str(trig), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("would add ")
    assert snapshot(tiny_project) == before


def test_min_confidence_leaves_out_hedged_candidates(invoke, tiny_project, tmp_path):
    trig = candidates(invoke, tmp_path, HEDGED, "epsilon.txt")
    strict = invoke("merge", str(trig), "--min-confidence", "0.9", "--dry-run")
    assert strict.exit_code == 0, strict.output
    lenient = invoke("merge", str(trig), "--min-confidence", "0.5", "--dry-run")
    count = lambda text: int(text.split()[2])  # noqa: E731 - "would add N triples ..."
    assert count(strict.output) < count(lenient.output)


def test_merging_twice_adds_nothing_the_second_time(invoke, tiny_project, tmp_path):
    trig = candidates(invoke, tmp_path, GOOD)
    assert invoke("merge", str(trig)).exit_code == 0
    after_first = snapshot(tiny_project)
    again = invoke("merge", str(trig))
    assert again.exit_code == 0, again.output
    assert again.output.startswith("added 0 triples with 0 evidence records from 0 document(s) and 0 new entities")
    assert snapshot(tiny_project) == after_first


def test_a_failed_rename_restores_the_files(invoke, tiny_project, tmp_path, monkeypatch):
    import os

    from nkgeo.extract import merge as merging

    before = snapshot(tiny_project)
    trig = candidates(invoke, tmp_path, GOOD)
    calls = []
    real_replace = os.replace

    def flaky(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(merging.os, "replace", flaky)
    result = invoke("merge", str(trig))
    assert result.exit_code == 1
    assert "nothing was changed" in result.output
    assert snapshot(tiny_project) == before


def test_bad_candidate_files(invoke, tiny_project, tmp_path):
    junk = tmp_path / "junk.trig"
    junk.write_text("this is { not TriG", encoding="utf-8")
    result = invoke("merge", str(junk))
    assert result.exit_code == 1 and result.output.startswith("Error: junk.trig is not TriG")
    empty = tmp_path / "empty.trig"
    empty.write_text("", encoding="utf-8")
    result = invoke("merge", str(empty))
    assert result.exit_code == 1 and "describes no nkgeo:SourceDocument" in result.output
    result = invoke("merge", str(tmp_path / "missing.trig"))
    assert result.exit_code == 1 and "no such file" in result.output
