"""``nkgeo build`` and the compiled-dataset cache: built on demand, rebuilt when a source changes,
and clear one-line errors when a source is broken."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nkgeo.build.cache import CompiledDataset

BUILT = re.compile(r"compiled (\d+) asserted \+ (\d+) inferred triples with (owlrl|nkgeo) in [\d.]+ s -> (\S+)\n")
NEW_CITY = """
graph:gazetteer {
    id:deltaton a nkgeo:City ;
        rdfs:label "Deltaton"@en ;
        nkgeo:locatedIn id:testland .
}
"""
CONTAINS = "SELECT ?place WHERE { id:testland nkgeo:contains ?place } ORDER BY ?place"


def builds(cache: Path) -> set[str]:
    return {p.name for p in cache.iterdir() if p.is_dir()}


def test_build_reports_what_it_compiled(invoke, compiled):
    result = invoke("build")
    assert result.exit_code == 0, result.output
    match = BUILT.fullmatch(result.output)
    assert match, result.output
    assert (int(match[1]), int(match[2])) == (compiled.meta["asserted_triples"], compiled.meta["inferred_triples"])
    assert int(match[1]) > 0 and int(match[2]) > 0
    assert Path(match[4]) == compiled.path


def test_build_force_rebuilds(invoke, tiny_project, tiny_cache):
    first = BUILT.fullmatch(invoke("build").output)
    meta = Path(first[4]) / "meta.json"
    before = meta.stat().st_mtime_ns
    result = invoke("build", "--force")
    assert result.exit_code == 0, result.output
    again = BUILT.fullmatch(result.output)
    assert again[4] == first[4] and again.groups()[:2] == first.groups()[:2]
    assert meta.stat().st_mtime_ns > before
    assert not [p for p in tiny_cache.iterdir() if p.name.startswith(".build-")]


def test_build_with_the_owlrl_reasoner_agrees(invoke, tiny_project):
    owlrl = BUILT.fullmatch(invoke("build", "--reasoner", "owlrl").output)
    ours = BUILT.fullmatch(invoke("build", "--reasoner", "nkgeo").output)
    assert (owlrl[3], ours[3]) == ("owlrl", "nkgeo")
    assert owlrl.groups()[:2] == ours.groups()[:2]
    assert owlrl[4] != ours[4]  # the reasoner is part of the cache key


def test_build_unknown_reasoner(invoke):
    result = invoke("build", "--reasoner", "hermit")
    assert result.exit_code == 2
    assert "Invalid value for '--reasoner'" in result.output


def test_rebuild_on_change(invoke, tiny_project, tiny_cache):
    before = invoke("sparql", CONTAINS, "--format", "csv")
    assert before.output.split() == ["place", "https://w3id.org/nkgeo/id/alphaville", "https://w3id.org/nkgeo/id/betaburg"]
    old = CompiledDataset.open().path
    with (tiny_project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write(NEW_CITY)
    after = invoke("sparql", CONTAINS, "--format", "csv", "--graph", "inferred")
    assert after.exit_code == 0, after.output
    assert "https://w3id.org/nkgeo/id/deltaton" in after.output.split()
    new = CompiledDataset.open().path
    assert new != old
    assert {old.name, new.name} <= builds(tiny_cache)
    assert invoke("show", "Deltaton", "--format", "json").exit_code == 0


def test_unchanged_sources_reuse_the_build(tiny_project):
    first = CompiledDataset.open().path
    mtime = (first / "dataset.nq").stat().st_mtime_ns
    assert CompiledDataset.open().path == first
    assert (first / "dataset.nq").stat().st_mtime_ns == mtime


# Broken sources


@pytest.mark.parametrize("command", [["build"], ["sparql", "ASK {}"], ["show", "alphaville"], ["stats"], ["export"]])
def test_broken_turtle(invoke, tiny_project, tiny_cache, command):
    (tiny_project / "ontology" / "broken.ttl").write_text("@prefix x: <http://example.org/> .\nx:a x:b .\n", encoding="utf-8")
    result = invoke(*command)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert re.fullmatch(r"Error: broken\.ttl does not parse: [^\n]+\n", result.stderr), result.stderr
    assert not [p for p in tiny_cache.iterdir() if p.name.startswith(".build-")]


def test_broken_trig(invoke, tiny_project):
    with (tiny_project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write("graph:gazetteer { id:alphaville a }\n")
    result = invoke("build")
    assert result.exit_code == 1
    assert re.fullmatch(r"Error: gazetteer\.trig does not parse: at line \d+ [^\n]+\n", result.output), result.output


def test_triples_outside_any_named_graph(invoke, tiny_project):
    (tiny_project / "graph" / "stray.trig").write_text(
        "@prefix id: <https://w3id.org/nkgeo/id/> .\nid:alphaville id:near id:betaburg .\n", encoding="utf-8"
    )
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == "Error: 1 triples of graph/ are outside any named graph; put them in a GRAPH block\n"


def test_missing_ontology_folder(invoke, tiny_project):
    for path in (tiny_project / "ontology").glob("*.ttl"):
        path.unlink()
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == f"Error: no ontology files (*.ttl) in {tiny_project / 'ontology'}\n"


def test_missing_graph_folder(invoke, tiny_project, monkeypatch):
    monkeypatch.setenv("NKGEO_HOME", str(tiny_project / "nowhere"))
    result = invoke("build")
    assert result.exit_code == 1
    assert result.output == f"Error: no ontology folder at {tiny_project / 'nowhere' / 'ontology'}\n"


# The build validates: a dataset that does not conform is reported, kept, and queried with a warning

STRAY_CITY = """
graph:gazetteer {
    id:epsilon-town a nkgeo:City ;
        rdfs:label "Epsilon Town"@en .
}
"""
S02_LINE = ("id:epsilon-town nkgeo:locatedIn: A city must lie in some province or country (nkgeo:locatedIn, asserted or inferred)."
            " [S02-city-located]")


def add_stray_city(project: Path) -> None:
    with (project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write(STRAY_CITY)


def test_build_reports_a_dataset_that_does_not_conform(invoke, tiny_project):
    add_stray_city(tiny_project)
    result = invoke("build")
    assert result.exit_code == 3, result.output
    first, *rest = result.output.splitlines()
    assert BUILT.fullmatch(first + "\n"), result.output
    assert rest == ["does not conform: 1 problems from shapes, 0 from checks.", S02_LINE]
    compiled = CompiledDataset.open(warn=False)
    assert compiled.meta["validation"] == {"conforms": False, "problems": 1, "error": None}
    assert compiled.validation.violations[0].line() == S02_LINE
    assert (compiled.path / "validation.json").is_file()


def test_a_conforming_build_records_its_report(invoke, tiny_project):
    result = invoke("build")
    assert result.exit_code == 0, result.output
    compiled = CompiledDataset.open(warn=False)
    assert compiled.meta["validation"] == {"conforms": True, "problems": 0, "error": None}
    assert compiled.validation.text.startswith("Conforms: True\nChecked ")


def test_queries_on_a_dataset_that_does_not_conform_say_so_once(invoke, tiny_project, monkeypatch):
    from nkgeo.build import cache

    monkeypatch.setattr(cache, "_WARNED", set())
    add_stray_city(tiny_project)
    result = invoke("show", "Epsilon Town")
    assert result.exit_code == 0, result.output
    warning = "Warning: the dataset does not conform to its shapes (1 problems); answers may be wrong, see nkgeo validate\n"
    assert result.stderr == warning
    assert "Epsilon Town" in result.stdout
    answer = invoke("sparql", "SELECT ?c WHERE { ?c a nkgeo:City } ORDER BY ?c", "--format", "csv")
    assert answer.exit_code == 0 and answer.stderr == ""  # once per process: a server says it once, at start
    assert "https://w3id.org/nkgeo/id/epsilon-town" in answer.stdout


def test_validate_reads_the_compiled_dataset(invoke, tiny_project, monkeypatch):
    from nkgeo.build import pipeline

    add_stray_city(tiny_project)
    assert invoke("build").exit_code == 3

    def no_parsing(*args, **kwargs):
        raise AssertionError("nkgeo validate parsed the sources again")

    monkeypatch.setattr(pipeline, "read_sources", no_parsing)
    monkeypatch.setattr(pipeline, "parse_sources", no_parsing)
    result = invoke("validate")
    assert result.exit_code == 1
    assert result.output == CompiledDataset.open(warn=False).validation.text + "\n"
    assert result.output.splitlines()[0] == "Conforms: False" and result.output.splitlines()[2] == S02_LINE
    turtle = invoke("validate", "--format", "turtle")
    assert turtle.exit_code == 1 and "sh:conforms false" in turtle.output and "shapes:S02-city-located" in turtle.output


def test_validate_writes_json_for_programs(invoke, tiny_project):
    import json

    conforming = invoke("validate", "--format", "json")
    assert conforming.exit_code == 0, conforming.output
    assert json.loads(conforming.stdout) == {"conforms": True, "problems": 0, "violations": []}
    add_stray_city(tiny_project)
    failing = invoke("validate", "--format", "json")
    assert failing.exit_code == 1
    report = json.loads(failing.stdout)
    assert report["conforms"] is False and report["problems"] == len(report["violations"]) == 1
    [violation] = report["violations"]
    assert violation["name"] == "S02-city-located" and violation["severity"] == "Violation"
    assert violation["focus"] and violation["message"]
    assert invoke("validate", "--format", "yaml").exit_code == 2


def test_broken_shapes_are_reported_by_build_validate_and_queries(invoke, tiny_project, monkeypatch):
    from nkgeo.build import cache

    monkeypatch.setattr(cache, "_WARNED", set())
    (tiny_project / "ontology" / "shapes.ttl").write_text("this is not turtle", encoding="utf-8")
    built = invoke("build")
    assert built.exit_code == 3
    assert re.fullmatch(r"compiled .*\nnot validated: shapes\.ttl does not parse: [^\n]+\n", built.output), built.output
    validated = invoke("validate")
    assert validated.exit_code == 2
    assert re.fullmatch(r"Error: shapes\.ttl does not parse: [^\n]+\n", validated.stderr), validated.stderr
    answer = invoke("sparql", "ASK { ?s ?p ?o }")
    assert answer.exit_code == 0
    assert answer.stderr.startswith("Warning: the dataset could not be validated (shapes.ttl does not parse: ")


# The cache key covers everything that changes the build


def test_the_code_that_shapes_the_build_is_in_the_key(tiny_project):
    """Every nkgeo module a build imports is hashed into the fingerprint (an upgrade rebuilds by itself)."""
    import subprocess
    import sys

    from nkgeo import sources

    script = ("import sys, tempfile, pathlib\nfrom nkgeo.build import pipeline\nfrom nkgeo.sources import Sources\n"
              "pipeline.build(Sources.discover(), pathlib.Path(tempfile.mkdtemp()) / 'b')\n"
              "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items() if n.startswith('nkgeo') and getattr(m, '__file__', None))))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    used = {Path(line) for line in done.stdout.split()}
    assert Path(sources.__file__).resolve() in used
    keyed = {p.resolve() for p in sources.code_files()}
    assert {p.resolve() for p in used if p.name != "__init__.py"} <= keyed


@pytest.mark.parametrize("change", ["shapes", "a check", "a new check", "a module", "the store format", "a library"])
def test_each_input_of_the_build_changes_the_fingerprint(tiny_project, tmp_path, monkeypatch, change):
    from nkgeo import sources
    from nkgeo.sources import Sources

    module = tmp_path / "module.py"
    module.write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(sources, "code_files", lambda: [module])
    before = Sources.discover()
    old = (before.fingerprint("nkgeo"), before.stamp("nkgeo"))
    checks = tiny_project / "ontology" / "checks"
    if change == "shapes":
        with (tiny_project / "ontology" / "shapes.ttl").open("a", encoding="utf-8") as handle:
            handle.write("\n# one more line\n")
    elif change == "a check":
        path = sorted(checks.glob("*-violation.rq"))[0]
        path.write_text(path.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    elif change == "a new check":
        (checks / "never-violation.rq").write_text("#+ summary: Never.\nSELECT ?focus WHERE { FILTER(false) }\n", encoding="utf-8")
    elif change == "a module":
        module.write_text("x = 2\n", encoding="utf-8")
    elif change == "the store format":
        monkeypatch.setattr(sources, "store_format", lambda: "99.0.0")
    else:
        monkeypatch.setattr(sources, "library_versions", lambda: "pyoxigraph=99 rdflib=99 owlrl=99")
    after = Sources.discover()
    new = (after.fingerprint("nkgeo"), after.stamp("nkgeo"))
    assert new[0] != old[0]
    if change != "a library":  # the stamp sees an upgrade through the library's files instead
        assert new[1] != old[1]


# The default graph sees each triple once; GRAPH ?g still shows every source

CLASSES = ("nkgeo:City", "nkgeo:Province", "nkgeo:Place", "nkgeo:PortCity", "nkgeo:Evidence")
CHOICES = {"all": "", "asserted": "FILTER(?g != graph:inferred)", "inferred": "FILTER(?g = graph:inferred)"}


def csv_rows(result) -> list[list[str]]:
    assert result.exit_code == 0, result.output
    return [line.split(",") for line in result.output.replace("\r\n", "\n").splitlines()[1:]]


def test_some_triples_are_held_by_several_graphs(invoke, compiled):
    """What makes the next tests able to fail: a union of the named graphs would repeat these."""
    rows = csv_rows(invoke("sparql", "SELECT ?x (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?x a nkgeo:City } } GROUP BY ?x HAVING (COUNT(?g) > 1)",
                           "--format", "csv"))
    assert len(rows) >= 5
    sources = csv_rows(invoke("sparql", f"SELECT ?g WHERE {{ GRAPH ?g {{ <{rows[0][0]}> a nkgeo:City }} }}", "--format", "csv"))
    assert len(sources) == int(rows[0][1]) >= 2


@pytest.mark.parametrize("choice", CHOICES)
def test_a_plain_query_sees_each_triple_once(invoke, compiled, choice):
    for cls in CLASSES:
        rows = [row[0] for row in csv_rows(invoke("sparql", f"SELECT ?x WHERE {{ ?x a {cls} }}", "--graph", choice, "--format", "csv"))]
        [[count, distinct]] = csv_rows(invoke("sparql", f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?x) AS ?d) WHERE {{ ?x a {cls} }}",
                                              "--graph", choice, "--format", "csv"))
        assert len(rows) == len(set(rows)) == int(count) == int(distinct), cls
        graphs = f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a {cls} }} {CHOICES[choice]} }}"
        expected = {row[0] for row in csv_rows(invoke("sparql", graphs, "--format", "csv"))}
        if choice == "inferred":
            asserted = f"SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a {cls} }} {CHOICES['asserted']} }}"
            expected -= {row[0] for row in csv_rows(invoke("sparql", asserted, "--format", "csv"))}
        assert set(rows) == expected, cls


@pytest.mark.parametrize("choice", CHOICES)
def test_the_endpoint_sees_each_triple_once(invoke, compiled, choice):
    from urllib.parse import quote

    for cls in ("nkgeo:City", "nkgeo:Place"):
        query = f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?x) AS ?d) WHERE {{ ?x a {cls} }}"
        served = invoke("serve", "--graph", choice, "--get", "/sparql?query=" + quote(query), "--accept", "text/csv")
        [[count, distinct]] = csv_rows(served)
        [[expected, _]] = csv_rows(invoke("sparql", query, "--graph", choice, "--format", "csv"))
        assert int(count) == int(distinct) == int(expected), (cls, served.output)
