"""``nkgeo merge``: candidates into graph/ of a temporary project, validated, all or nothing.

Every test runs in ``tiny_project`` (NKGEO_HOME points at a copy with the real ontology and a tiny
graph), never in the checkout's graph/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_a_failed_write_while_staging_changes_nothing(invoke, tiny_project, tmp_path, monkeypatch):
    from nkgeo.extract import merge as merging

    before = snapshot(tiny_project)
    trig = candidates(invoke, tmp_path, GOOD)

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(merging, "write_atomically", full_disk)
    result = invoke("merge", str(trig))
    assert result.exit_code == 1
    assert result.output == "Error: could not stage the merged graph: No space left on device; nothing was changed\n"
    assert snapshot(tiny_project) == before
    assert staging_folders(tiny_project) == []


def test_a_failed_switch_changes_nothing(invoke, tiny_project, tmp_path, monkeypatch):
    """Without the atomic exchange (another OS), the switch is two renames; the second failing puts the old folder back."""
    import os

    from nkgeo.extract import merge as merging

    before = snapshot(tiny_project)
    trig = candidates(invoke, tmp_path, GOOD)
    real_rename = os.rename

    def flaky(source, target):
        if Path(source).name == "graph" and Path(target) == tiny_project / "graph":
            raise OSError(28, "No space left on device")
        return real_rename(source, target)

    monkeypatch.setattr(merging, "_exchange", lambda a, b: False)
    monkeypatch.setattr(merging.os, "rename", flaky)
    result = invoke("merge", str(trig))
    assert result.exit_code == 1
    assert result.output == "Error: could not replace graph/: No space left on device; nothing was changed\n"
    assert snapshot(tiny_project) == before
    assert staging_folders(tiny_project) == []


def test_dry_run_lists_the_triples_it_would_add(invoke, tiny_project, tmp_path):
    trig = candidates(invoke, tmp_path, GOOD)
    dry = invoke("merge", str(trig), "--dry-run")
    assert dry.exit_code == 0, dry.output
    lines = dry.output.splitlines()
    listed = [line for line in lines if line.startswith("  + ")]
    heading = next(line for line in lines if line.startswith("the ") and "triples it would add" in line)
    assert int(heading.split()[1]) == len(listed) > 0
    assert any(line.startswith("  + graph:doc-article_") and " nkgeo:capitalOf " in line for line in listed), dry.output
    assert any(line.startswith("  + graph:gazetteer ") and '"Delta Province"@en' in line for line in listed), dry.output
    assert any(line.startswith("  + graph:provenance ev:") for line in listed), dry.output
    done = invoke("merge", str(trig))
    assert done.exit_code == 0 and "triples it would add" not in done.output
    text = "".join(p.read_text(encoding="utf-8") for p in (tiny_project / "graph").glob("*.trig"))
    assert "Delta Province" in text and "capitalOf" in text


# --- a kill at any moment leaves graph/ as before or as after, and no staging folder -------------

KILLER = """
import os, signal, sys
from nkgeo.extract import merge
from nkgeo.cli import cli

step = sys.argv[1]
if sys.argv[3] == "two-renames":
    merge._exchange = lambda a, b: False
def checkpoint(name):
    if name == step:
        os.kill(os.getpid(), signal.SIGKILL)
merge._checkpoint = checkpoint
cli(["merge", sys.argv[2]], prog_name="nkgeo")
"""


def staging_folders(project) -> list[str]:
    """Staging folders beside graph/, and dot-folders inside it (where an older nkgeo staged)."""
    inside = sorted(p.name for p in (project / "graph").iterdir() if p.name.startswith(".")) if (project / "graph").is_dir() else []
    return sorted(p.name for p in project.iterdir() if ".merge-" in p.name) + inside


@pytest.fixture
def merge_case(invoke, tiny_project, tmp_path, monkeypatch):
    """The candidates, graph/ before, and graph/ after a merge that ran to its end (in a copy of the project)."""
    import shutil

    monkeypatch.setenv("NKGEO_CACHE_DIR", str(tmp_path / "cache"))  # killed builds must not litter the shared cache
    trig = candidates(invoke, tmp_path, GOOD)
    before = snapshot(tiny_project)
    pristine = tmp_path / "pristine-graph"
    shutil.copytree(tiny_project / "graph", pristine)
    assert invoke("merge", str(trig)).exit_code == 0
    after = snapshot(tiny_project)
    assert after != before

    def reset():
        shutil.rmtree(tiny_project / "graph", ignore_errors=True)
        shutil.copytree(pristine, tiny_project / "graph")

    reset()
    return trig, before, after, reset


def run_killed(trig, step: str, switch: str = "exchange"):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", KILLER, step, str(trig), switch], capture_output=True, timeout=300)
    return done.returncode


@pytest.mark.parametrize(("step", "switch", "expected"), [
    ("staged", "exchange", "before"),
    ("validated", "exchange", "before"),
    ("switched", "exchange", "after"),
    ("between renames", "two-renames", None),  # no graph/ at all until the next merge finishes the switch
    ("switched", "two-renames", "after"),
])
def test_a_merge_killed_at_each_step(merge_case, tiny_project, step, switch, expected):
    from nkgeo.extract.merge import recover

    trig, before, after, _reset = merge_case
    assert run_killed(trig, step, switch) == -9
    graph = tiny_project / "graph"
    if expected is None:
        assert not graph.exists() and staging_folders(tiny_project)
    else:
        assert snapshot(tiny_project) == (before if expected == "before" else after)
    recover(graph)
    assert snapshot(tiny_project) == (before if expected == "before" else after)
    assert staging_folders(tiny_project) == []


def test_a_merge_killed_at_any_moment(merge_case, tiny_project, invoke):
    """SIGKILL after a spread of delays over a whole merge: graph/ is always exactly before or after,
    and the next merge cleans the staging folder up and finishes the work."""
    import signal
    import subprocess
    import sys
    import time

    trig, before, after, reset = merge_case
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "nkgeo", "merge", str(trig)], check=True, capture_output=True, timeout=300)
    whole = time.perf_counter() - started
    reset()
    seen = set()
    for fraction in (0.05, 0.3, 0.5, 0.65, 0.8, 0.9, 0.97):
        process = subprocess.Popen([sys.executable, "-m", "nkgeo", "merge", str(trig)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        state = snapshot(tiny_project)
        assert state in (before, after), f"graph/ half-merged after {fraction:.0%} of a merge"
        seen.add("before" if state == before else "after")
        again = invoke("merge", str(trig))
        assert again.exit_code == 0, again.output
        assert snapshot(tiny_project) == after
        assert staging_folders(tiny_project) == []
        reset()
    assert "before" in seen


def test_bad_candidate_files(invoke, tiny_project, tmp_path):
    junk = tmp_path / "junk.trig"
    junk.write_text("this is { not TriG", encoding="utf-8")
    result = invoke("merge", str(junk))
    assert result.exit_code == 1 and result.output.startswith("Error: junk.trig is not a candidates file: junk.trig does not parse")
    empty = tmp_path / "empty.trig"
    empty.write_text("", encoding="utf-8")
    result = invoke("merge", str(empty))
    assert result.exit_code == 1 and "describes no nkgeo:SourceDocument" in result.output
    result = invoke("merge", str(tmp_path / "missing.trig"))
    assert result.exit_code == 1 and "no such file" in result.output


def test_candidates_of_issue_10_s_kinds_and_certainty_validate(invoke, tiny_project, tmp_path):
    """Claims, a concept the graph lacks (proposed with a label, a definition and a scheme), an agent
    and the evidence's modes and statuses pass the shapes and checks (S12-S23)."""
    text = (
        "Alphaville\n\nAlphaville is a city of Delta Province. Alphaville sits in a narrow valley. "
        "According to external estimates, Alphaville suffers from shortages of electricity and food. "
        "Alphaville was once a major port. Alphaville is poorer than Delta Province.\n"
    )
    trig = candidates(invoke, tmp_path, text)
    written = trig.read_text(encoding="utf-8")
    for term in ("nkgeo:hasCondition", "id:valley-setting", "nkgeo:formerRole", "nkgeo:Formerly", "nkgeo:Estimated"):
        assert term in written, term
    result = invoke("merge", str(trig), "--dry-run")
    assert result.exit_code == 0, result.output
