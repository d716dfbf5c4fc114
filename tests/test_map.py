"""``nkgeo map``: the places with coordinates drawn as SVG or PNG, offline, labelled without overlaps."""

from __future__ import annotations

import socket
import struct
import sys

import pytest

from nkgeo.linked import mapping

pytest.importorskip("matplotlib")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def data(compiled):
    return mapping.map_data(compiled)


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"nkgeo map tried to reach the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_map_data_has_the_places_capitals_and_links(data):
    by_slug = {p.slug: p for p in data.points}
    assert len(by_slug) >= 20
    assert by_slug["pyongyang"].category == "national capital"
    assert {s for s, p in by_slug.items() if p.category == "provincial capital"} >= {"hamhung", "chongjin"}
    assert by_slug["dandong"].category == "city outside North Korea"
    assert by_slug["hamhung"].korean == "함흥"
    assert ("kimchaek", "chongjin", "satellite") in data.edges
    assert ("hungnam", "hamhung", "metro") in data.edges


def test_map_has_the_places_of_the_geonames_gazetteer(data):
    """The GeoNames gazetteer's places are drawn, as towns of their own kind; its provinces as provinces."""
    by_slug = {p.slug: p for p in data.points}
    gazetteer = {s for s, p in by_slug.items() if p.category == "town (GeoNames)"}
    assert len(gazetteer) >= 80
    assert {"sariwon", "kanggye", "haeju", "anju"} <= gazetteer
    assert by_slug["chagang-province"].category == "province"
    assert by_slug["sariwon"].population > 300_000
    assert by_slug["hamhung"].curated and not by_slug["sariwon"].curated


def test_map_svg(invoke, tmp_path, data, offline):
    path = tmp_path / "map.svg"
    result = invoke("map", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"drew {len(data.points)} places and {len(data.edges)} links -> {path} (svg, ")
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and text.rstrip().endswith("</svg>")
    for point in data.points:
        if point.curated:
            assert point.label in text, point.label
    labelled = [p for p in data.points if not p.curated and f">{p.label}<" in text]
    assert len(labelled) >= 30, "the GeoNames places get a label where one fits"
    for words in (mapping.TITLE, "national capital", "provincial capital", "satellite of", "in metropolitan area of",
                  "Coordinates: GeoNames (CC BY 4.0)", "40°N", "125°E"):
        assert words in text, words
    assert not list(tmp_path.glob(".*.tmp")), "the temporary file was left behind"


def test_map_png(invoke, tmp_path, offline):
    path = tmp_path / "map.png"
    result = invoke("map", "-o", str(path))
    assert result.exit_code == 0, result.output
    payload = path.read_bytes()
    assert payload.startswith(PNG_SIGNATURE)
    assert payload[12:16] == b"IHDR"
    width, height = struct.unpack(">II", payload[16:24])
    assert 800 <= width <= 3000 and 800 <= height <= 3000, (width, height)
    assert len(payload) > 30_000  # a drawing, not an empty canvas
    assert payload.rstrip().endswith(b"IEND\xaeB`\x82")


def test_the_svg_is_the_same_on_every_run(data):
    assert mapping.render(data, "svg") == mapping.render(data, "svg")


@pytest.mark.parametrize("hangul", [None, False])
def test_no_two_labels_overlap(data, hangul):
    """The crowded corners (Rason, Rajin and Sonbong; Hamhung and Hungnam; Pyongyang's monuments) stay legible:
    every place of the documents has its label, and a GeoNames place gets one only where it fits."""
    boxes = mapping.label_boxes(data, hangul=hangul)
    assert {p.slug for p in data.points if p.curated} <= set(boxes) <= {p.slug for p in data.points}
    assert len(boxes) - sum(p.curated for p in data.points) >= 30
    slugs = sorted(boxes)
    overlapping = [
        (a, b) for i, a in enumerate(slugs) for b in slugs[i + 1:]
        if not (boxes[a][2] <= boxes[b][0] or boxes[b][2] <= boxes[a][0] or boxes[a][3] <= boxes[b][1] or boxes[b][3] <= boxes[a][1])
    ]
    assert overlapping == []


def test_map_without_hangul_labels(tmp_path, invoke):
    path = tmp_path / "map.svg"
    assert invoke("map", "-o", str(path), "--no-hangul").exit_code == 0
    assert "함흥" not in path.read_text(encoding="utf-8")


# Bad input


@pytest.mark.parametrize("name", ["map.jpg", "map", "map.svg.txt"])
def test_map_unknown_extension(invoke, tmp_path, name):
    result = invoke("map", "-o", str(tmp_path / name))
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot draw a map as ")
    assert result.output.endswith("; name the file .svg or .png\n")
    assert result.output.count("\n") == 1
    assert not (tmp_path / name).exists()


def test_map_needs_an_output(invoke):
    result = invoke("map")
    assert result.exit_code == 2
    assert "Missing option '-o'" in result.output


def test_map_into_a_missing_folder(invoke, tmp_path):
    result = invoke("map", "-o", str(tmp_path / "nowhere" / "map.svg"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write ")


def test_map_without_matplotlib_says_how_to_install_it(invoke, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = invoke("map", "-o", str(tmp_path / "map.svg"))
    assert result.exit_code == 1
    assert result.output == "Error: matplotlib is not installed; install the extra with: pip install 'nkgeo[map]'\n"


def test_map_of_a_graph_without_coordinates(invoke, tiny_project, tmp_path):
    result = invoke("map", "-o", str(tmp_path / "map.svg"))
    assert result.exit_code == 1
    assert result.output == "Error: no place has coordinates; nothing to draw\n"
