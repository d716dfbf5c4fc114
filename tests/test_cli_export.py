"""``nkgeo export``: every format and alias parses back to the same graph; ``-o`` writes atomically."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from nkgeo.cli import cli

INFERRED = URIRef("https://w3id.org/nkgeo/graph/inferred")
FORMATS = {  # name given to --format -> (rdflib parser, keeps named graphs)
    "turtle": ("turtle", False),
    "ttl": ("turtle", False),
    "json-ld": ("json-ld", True),
    "jsonld": ("json-ld", True),
    "nt": ("nt", False),
    "nquads": ("nquads", True),
    "nq": ("nquads", True),
    "trig": ("trig", True),
    "xml": ("xml", False),
}
_exported: dict[tuple[str, str], bytes] = {}


def exported(fmt: str, graphs: str = "all") -> bytes:
    """The export in ``fmt``, run once per module (the CLI is what is tested)."""
    if (fmt, graphs) not in _exported:
        result = CliRunner().invoke(cli, ["export", "--format", fmt, "--graph", graphs])
        assert result.exit_code == 0, result.output
        _exported[fmt, graphs] = result.stdout_bytes
    return _exported[fmt, graphs]


@pytest.fixture(scope="module")
def reference() -> Dataset:
    dataset = Dataset()
    dataset.parse(data=exported("nquads"), format="nquads")
    return dataset


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def merged(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_parses_back(fmt, reference):
    parser, keeps_graphs = FORMATS[fmt]
    data = exported(fmt)
    assert data
    if keeps_graphs:
        parsed = Dataset()
        parsed.parse(data=data, format=parser)
        ours, theirs = named_graphs(parsed), named_graphs(reference)
        assert sorted(ours) == sorted(theirs)
        for name, graph in theirs.items():
            assert isomorphic(ours[name], graph), name
    else:
        parsed = Graph()
        parsed.parse(data=data, format=parser)
        assert isomorphic(parsed, merged(reference))


@pytest.mark.parametrize(("alias", "name"), [("ttl", "turtle"), ("nq", "nquads"), ("TTL", "turtle"), ("n-triples", "nt"),
                                             ("jsonld", "json-ld")])
def test_export_alias_is_the_same_format(alias, name):
    assert exported(alias) == exported(name)


def test_export_writes_language_tags_as_registered(reference):
    tags = {o.language for _s, _p, o, _g in reference.quads((None, None, None, None)) if getattr(o, "language", None)}
    assert {"ko", "ko-Latn", "ko-Latn-alalc97", "ko-Latn-x-rr", "en"} <= tags


def test_export_holds_every_named_graph(reference):
    names = set(named_graphs(reference))
    assert {"https://w3id.org/nkgeo/graph/" + g for g in ("ontology", "gazetteer", "provenance", "inferred")} <= names
    assert any(n.startswith("https://w3id.org/nkgeo/graph/doc-") for n in names)


def test_export_nquads_is_sorted_and_unique():
    lines = exported("nquads").decode("utf-8").splitlines()
    assert lines == sorted(set(lines))


@pytest.mark.parametrize("graphs", ["asserted", "inferred"])
def test_export_graph_choice(graphs, reference):
    dataset = Dataset()
    dataset.parse(data=exported("nq", graphs), format="nquads")
    chosen = named_graphs(dataset)
    if graphs == "inferred":
        assert list(chosen) == [str(INFERRED)]
        assert len(chosen[str(INFERRED)]) == len(reference.graph(INFERRED))
    else:
        assert chosen and str(INFERRED) not in chosen
        everything = named_graphs(reference)
        assert sum(len(g) for g in chosen.values()) == sum(len(g) for g in everything.values()) - len(everything[str(INFERRED)])


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "json-ld", "xml"])
def test_export_is_deterministic(invoke, fmt):
    """Blank nodes (the ontology's restrictions and lists) get canonical labels, so an export diffs cleanly."""
    again = invoke("export", "--format", fmt)
    assert again.exit_code == 0, again.output
    assert again.stdout_bytes == exported(fmt)


# -o


def test_export_output_file(invoke, tiny_project, tmp_path):
    target = tmp_path / "out" / "graph.nt"
    target.parent.mkdir()
    result = invoke("export", "--format", "nt", "-o", str(target))
    data = invoke("export", "--format", "nt").stdout_bytes
    assert (result.exit_code, result.stdout) == (0, "")
    lines = data.count(b"\n")
    assert result.stderr == f"wrote {lines} triples (nt, {round(len(data) / 1024)} KB) to {target}\n"
    assert target.read_bytes() == data
    assert [p.name for p in target.parent.iterdir()] == ["graph.nt"]  # no temp file left behind
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_export_output_replaces_and_keeps_the_mode(invoke, tiny_project, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    result = invoke("export", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") != "old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_export_failing_write_leaves_the_old_file(invoke, tiny_project, tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")

    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    result = invoke("export", "-o", str(target))
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output == f"Error: cannot write {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != "project"] == ["graph.ttl"]


def test_export_bad_format_leaves_the_old_file(invoke, tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old\n", encoding="utf-8")
    result = invoke("export", "--format", "yaml", "-o", str(target))
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old\n"


def test_export_into_a_missing_folder(invoke, tiny_project, tmp_path):
    target = tmp_path / "missing" / "graph.ttl"
    result = invoke("export", "-o", str(target))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {target}: No such file or directory\n"
    assert not target.parent.exists()


def test_export_into_a_directory(invoke, tmp_path):
    result = invoke("export", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: Invalid value for '-o' / '--output': File '{tmp_path}' is a directory."


def test_export_unknown_format(invoke):
    result = invoke("export", "--format", "yaml")
    assert result.exit_code == 1
    assert result.output == (
        "Error: unknown RDF format 'yaml'; choose one of turtle (ttl), nt (ntriples/n-triples), "
        "nquads (nq/n-quads), trig, json-ld (jsonld), xml (rdfxml/rdf/owl/rdf+xml), or geojson\n"
    )


def test_export_unknown_graph(invoke, compiled):
    result = invoke("export", "--graph", "provenanse")
    assert result.exit_code == 1
    assert result.output == ("Error: no graph 'provenanse' in the dataset; it has "
                             + ", ".join("graph:" + g.rsplit("/", 1)[1] for g in compiled.named_graphs()) + "\n")


@pytest.mark.parametrize("fmt", ["trig", "json-ld", "xml"])
def test_export_is_identical_across_processes(fmt):
    """Two processes with different hash seeds must agree byte for byte."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "nkgeo", "export", "--format", fmt], env=env, capture_output=True, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1


# --graph NAME: any named graph


def quads_of(data: bytes) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=data, format="nquads")
    return dataset


@pytest.mark.parametrize("name", ["gazetteer", "graph:gazetteer", "https://w3id.org/nkgeo/graph/gazetteer"])
def test_export_one_named_graph_by_any_name(invoke, name, reference):
    result = invoke("export", "--format", "nq", "--graph", name)
    assert result.exit_code == 0, result.output
    chosen = named_graphs(quads_of(result.stdout_bytes))
    gazetteer = "https://w3id.org/nkgeo/graph/gazetteer"
    assert list(chosen) == [gazetteer]
    assert isomorphic(chosen[gazetteer], named_graphs(reference)[gazetteer])


def test_export_several_named_graphs(invoke, reference):
    result = invoke("export", "--format", "nq", "--graph", "links", "--graph", "coordinates", "--graph", "names")
    assert result.exit_code == 0, result.output
    assert sorted(named_graphs(quads_of(result.stdout_bytes))) == [f"https://w3id.org/nkgeo/graph/{g}" for g in ("coordinates", "links", "names")]


def test_export_a_document_graph_in_turtle_is_that_document_only(invoke, reference):
    doc = next(g for g in named_graphs(reference) if g.startswith("https://w3id.org/nkgeo/graph/doc-"))
    result = invoke("export", "--graph", doc.rsplit("/", 1)[1])
    assert result.exit_code == 0, result.output
    assert isomorphic(Graph().parse(data=result.stdout_bytes, format="turtle"), named_graphs(reference)[doc])


def test_export_with_evidence(invoke, reference):
    """--with-evidence adds the records of graph:provenance about the exported triples, and the documents."""
    from rdflib import RDF, Namespace

    nkgeo = Namespace("https://w3id.org/nkgeo/ontology#")
    provenance = URIRef("https://w3id.org/nkgeo/graph/provenance")
    doc = next(g for g in named_graphs(reference) if g.startswith("https://w3id.org/nkgeo/graph/doc-"))
    result = invoke("export", "--format", "nq", "--graph", doc, "--with-evidence")
    assert result.exit_code == 0, result.output
    exported = quads_of(result.stdout_bytes)
    assert sorted(named_graphs(exported)) == sorted([doc, str(provenance)])
    triples = set(exported.graph(URIRef(doc)))
    evidence = exported.graph(provenance)
    everything = reference.graph(provenance)
    records = set(everything.subjects(RDF.subject, None))
    expected = {r for r in records if (everything.value(r, RDF.subject), everything.value(r, RDF.predicate),
                                        everything.value(r, RDF.object)) in triples}
    assert expected and set(evidence.subjects(RDF.subject, None)) == expected
    for record in expected:  # each record whole
        assert set(evidence.predicate_objects(record)) == set(everything.predicate_objects(record))
    document = everything.value(None, nkgeo.documentGraph, URIRef(doc))
    assert set(evidence.predicate_objects(document)) == set(everything.predicate_objects(document))
    described = {o for r in expected for o in everything.objects(r, None) if (o, None, None) in everything}
    assert set(evidence.subjects()) == expected | described | {document}
    plain = invoke("export", "--format", "nq", "--graph", doc).stdout_bytes
    assert named_graphs(quads_of(plain)).keys() == {doc}


def test_export_with_evidence_of_the_whole_graph_changes_nothing(invoke):
    assert invoke("export", "--format", "nq", "--with-evidence").stdout_bytes == exported("nquads")


# --format geojson


def is_geojson_point_collection(data: dict) -> list[str]:
    """What RFC 7946 requires of a FeatureCollection of Points (sections 3.1.2, 3.2, 3.3), as a list of faults."""
    faults = []
    if data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        return ["not a FeatureCollection with a list of features"]
    if "crs" in data:
        faults.append("RFC 7946 has no crs member")
    for index, feature in enumerate(data["features"]):
        where = f"feature {index}"
        if feature.get("type") != "Feature" or "properties" not in feature or "geometry" not in feature:
            faults.append(f"{where}: a Feature needs type, geometry and properties")
            continue
        if not isinstance(feature.get("id", ""), str | int | float):
            faults.append(f"{where}: id must be a string or a number")
        geometry = feature["geometry"]
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if geometry.get("type") != "Point" or not isinstance(coordinates, list) or len(coordinates) not in (2, 3):
            faults.append(f"{where}: not a Point with a position")
            continue
        lon, lat = coordinates[:2]
        if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates):
            faults.append(f"{where}: positions are numbers")
        elif not (-180 <= lon <= 180 and -90 <= lat <= 90):
            faults.append(f"{where}: [{lon}, {lat}] is not [longitude, latitude] in WGS 84")
        if not isinstance(feature["properties"], dict | None):
            faults.append(f"{where}: properties must be an object or null")
    return faults


def test_the_geojson_check_finds_faults():
    assert is_geojson_point_collection({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [39.9, 127.5]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": ["1", 2]}, "properties": {}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "properties": {}},
    ]}) == ["feature 0: [39.9, 127.5] is not [longitude, latitude] in WGS 84", "feature 1: positions are numbers",
            "feature 2: not a Point with a position"]


def test_export_geojson(invoke, compiled):
    import json

    result = invoke("export", "--format", "geojson")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert is_geojson_point_collection(data) == []
    features = {f["id"]: f for f in data["features"]}
    hamhung = features["https://w3id.org/nkgeo/id/hamhung"]
    assert hamhung["geometry"] == {"type": "Point", "coordinates": [127.53639, 39.91833]}  # longitude first
    assert hamhung["properties"] == {"name": "Hamhung", "name_ko": "함흥", "kind": "provincial capital",
                                     "province": "South Hamgyong Province", "entity": "https://w3id.org/nkgeo/id/hamhung"}
    assert features["https://w3id.org/nkgeo/id/pyongyang"]["properties"]["kind"] == "national capital"
    located = {row["p"].value for row in compiled.query("SELECT DISTINCT ?p WHERE { ?p a nkgeo:Place ; wgs:lat ?lat }")}
    assert set(features) == located
    assert list(features) == sorted(features)
    places = compiled.query("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a nkgeo:Place FILTER(STRSTARTS(STR(?p), STR(id:))) }")
    left_out = int(next(iter(places))["n"].value) - len(located)
    assert left_out > 0
    assert result.stderr == f"left out {left_out} places without coordinates\n"


def test_export_geojson_is_deterministic_and_written_with_a_summary(invoke, tmp_path):
    target = tmp_path / "places.geojson"
    result = invoke("export", "--format", "GeoJSON", "-o", str(target))
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert data == invoke("export", "--format", "geojson").stdout_bytes
    count = data.count(b'"type": "Feature",')
    assert result.stderr.splitlines()[0] == f"wrote {count} places (geojson, {round(len(data) / 1024)} KB) to {target}"


def test_export_geojson_of_one_document(invoke, reference):
    import json

    doc = sorted(g for g in named_graphs(reference) if g.startswith("https://w3id.org/nkgeo/graph/doc-"))[0]
    mentioned = {str(t) for s, p, o in named_graphs(reference)[doc] for t in (s, o)}
    result = invoke("export", "--format", "geojson", "--graph", doc)
    assert result.exit_code == 0, result.output
    ids = [f["id"] for f in json.loads(result.stdout)["features"]]
    everything = [f["id"] for f in json.loads(invoke("export", "--format", "geojson").stdout)["features"]]
    assert ids and set(ids) == set(everything) & mentioned and len(ids) < len(everything)


def test_export_geojson_with_evidence_is_refused(invoke):
    result = invoke("export", "--format", "geojson", "--with-evidence")
    assert (result.exit_code, result.output) == (1, "Error: --with-evidence goes with an RDF format: GeoJSON holds only the places\n")


def test_export_geojson_of_a_graph_without_places_is_an_empty_collection(invoke):
    import json

    result = invoke("export", "--format", "geojson", "--graph", "ontology")
    assert result.exit_code == 0, result.output
    assert result.stdout == '{"type": "FeatureCollection", "features": [\n]}\n'
    assert json.loads(result.stdout) == {"type": "FeatureCollection", "features": []}
