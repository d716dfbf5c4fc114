"""``nkgeo map``: the places with coordinates on one static map (SVG or PNG), drawn offline.

No tiles, no network: the points come from ``graph:coordinates`` of the compiled dataset and are
drawn with matplotlib (an optional extra: ``pip install 'nkgeo[map]'``) on an equirectangular
projection whose aspect is corrected by the cosine of the middle latitude, with a graticule in
degrees. The national capital and the provincial capitals (classes the reasoner infers) get their
own markers; satellite towns and metropolitan areas are joined to their core city. Labels are in
English, with the Korean name beside it when a font with Hangul is installed. Points that lie close
together (Rason, Rajin and Sonbong; Hamhung and Hungnam...) have their labels set apart by hand in
``LABEL_OFFSETS``. The places only the GeoNames gazetteer knows (``graph:geonames``) are drawn as small
dots; each gets a label where one fits beside it without touching another (largest first), and
stays unlabelled otherwise, so that the places of the documents always keep theirs.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from nkgeo import namespaces as ns
from nkgeo.errors import NkgeoError

FORMATS = {".svg": "svg", ".png": "png"}
INSTALL_HINT = "matplotlib is not installed; install the extra with: pip install 'nkgeo[map]'"
CREDIT = "Coordinates: GeoNames (CC BY 4.0) and the nkgeo reference file. Data: nkgeo (CC BY 4.0)."
TITLE = "nkgeo: places of North Korea with coordinates"
HANGUL_FONTS = ("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "UnDotum", "Baekmuk Gulim")

# slug -> (dx, dy) in points, and the horizontal alignment of the label.
LABEL_OFFSETS = {
    "rason": ((-9, -2), "right"),
    "rajin": ((22, -18), "left"),
    "sonbong": ((8, 4), "left"),
    "hamhung": ((-8, 3), "right"),
    "hungnam": ((7, -10), "left"),
    "south-hamgyong-province": ((8, 6), "left"),
    "pyongyang": ((-12, -7), "right"),
    "juche-tower": ((40, -9), "left"),
    "mansudae-grand-monument": ((-16, 26), "right"),
    "sinuiju": ((8, -10), "left"),
    "dandong": ((8, 5), "left"),
    "yalu-river": ((-8, -10), "right"),
    "nampo": ((8, 2), "left"),
    "west-sea-barrage": ((-8, -10), "right"),
    "north-hamgyong-province": ((0, 9), "center"),
    "ryanggang-province": ((0, -14), "center"),
    "hyesan": ((8, 3), "left"),
    "mount-paektu": ((-8, 3), "right"),
    "kimchaek": ((8, -4), "left"),
    "chongjin": ((8, -4), "left"),
    "kaesong": ((8, -4), "left"),
    "wonsan": ((8, -4), "left"),
}

_POINTS = """
SELECT ?place (SAMPLE(?l) AS ?label) (MIN(?k) AS ?korean) (SAMPLE(?la) AS ?lat) (SAMPLE(?lo) AS ?lon) WHERE {
  ?place wgs:lat ?la ; wgs:long ?lo .
  OPTIONAL { ?place rdfs:label ?l FILTER(LANG(?l) IN ("en", "")) }
  OPTIONAL { ?place skos:altLabel ?k FILTER(LANG(?k) = "ko") }
} GROUP BY ?place ORDER BY ?place
"""
_TYPES = "SELECT DISTINCT ?place ?type WHERE { ?place wgs:lat ?la ; a ?type }"
# Places some source other than the reference graphs describes: the documents' and the curated gazetteer's.
_CURATED = """
SELECT DISTINCT ?place WHERE {
  ?place wgs:lat ?la .
  GRAPH ?g { ?place ?p ?o }
  FILTER(?g NOT IN (graph:geonames, graph:coordinates, graph:names, graph:links, graph:inferred, graph:provenance))
}"""
_POPULATION = "SELECT ?place (MAX(?v) AS ?n) WHERE { ?place wgs:lat ?la ; nkgeo:populationEstimate/nkgeo:populationValue ?v } GROUP BY ?place"
# Where a label may go beside its point, in points, tried in turn for a GeoNames place.
LABEL_SPOTS = (((7, 3), "left"), ((-7, 3), "right"), ((7, -7), "left"), ((-7, -7), "right"), ((7, 11), "left"), ((-7, 11), "right"),
               ((0, 11), "center"), ((0, -11), "center"))
_IN_NORTH_KOREA = "SELECT DISTINCT ?place WHERE { ?place wgs:lat ?la ; nkgeo:locatedIn id:north-korea }"
_EDGES = """
SELECT DISTINCT ?a ?b ?kind WHERE {
  { ?a nkgeo:satelliteOf ?b . BIND("satellite" AS ?kind) }
  UNION { ?a nkgeo:inMetropolitanAreaOf ?b . BIND("metro" AS ?kind) }
  ?a wgs:lat ?la . ?b wgs:lat ?lb .
} ORDER BY ?a ?b
"""


@dataclass
class Point:
    slug: str
    label: str
    korean: str | None
    lat: float
    lon: float
    types: set[str] = field(default_factory=set)
    in_north_korea: bool = True
    curated: bool = True  # False: only the GeoNames gazetteer knows the place
    population: int = 0

    @property
    def category(self) -> str:
        t = self.types
        if "NationalCapital" in t:
            return "national capital"
        if "ProvincialCapital" in t:
            return "provincial capital"
        if "Province" in t:
            return "province"
        if t & {"City", "Town", "Settlement"}:
            if not self.curated:
                return "town (GeoNames)"
            return "city" if self.in_north_korea else "city outside North Korea"
        if "River" in t:
            return "river"
        if "Mountain" in t:
            return "mountain"
        return "landmark"


@dataclass
class MapData:
    points: list[Point]
    edges: list[tuple[str, str, str]]  # (from slug, to slug, "satellite" | "metro")


def map_data(compiled) -> MapData:
    """The points, their kinds and the satellite and metro links, from the compiled dataset."""

    def slug(iri: str) -> str:
        return iri[len(ns.ID_NS):] if iri.startswith(ns.ID_NS) else iri

    points = {}
    for row in compiled.query(_POINTS):
        s = slug(row["place"].value)
        label = row["label"].value if row["label"] is not None else s
        korean = row["korean"].value if row["korean"] is not None else None
        points[s] = Point(s, label, korean, float(row["lat"].value), float(row["lon"].value))
    for row in compiled.query(_TYPES):
        point = points.get(slug(row["place"].value))
        if point is not None and row["type"].value.startswith(ns.NKGEO_NS):
            point.types.add(row["type"].value[len(ns.NKGEO_NS):])
    inside = {slug(row["place"].value) for row in compiled.query(_IN_NORTH_KOREA)}
    curated = {slug(row["place"].value) for row in compiled.query(_CURATED)}
    population = {slug(row["place"].value): int(row["n"].value) for row in compiled.query(_POPULATION)}
    for point in points.values():
        point.in_north_korea = point.slug in inside
        point.curated = point.slug in curated
        point.population = population.get(point.slug, 0)
    edges = [(slug(r["a"].value), slug(r["b"].value), r["kind"].value) for r in compiled.query(_EDGES)]
    return MapData(sorted(points.values(), key=lambda p: p.slug), edges)


def map_format(path: str | Path) -> str:
    """``svg`` or ``png`` from the file name; a one-line error for anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise NkgeoError(f"cannot draw a map as {suffix or 'a file without extension'!r}; name the file .svg or .png")
    return FORMATS[suffix]


def _hangul_font() -> str | None:
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in HANGUL_FONTS if name in installed), None)


STYLE = {
    # category -> marker, size, face colour, edge colour, z-order
    "national capital": ("*", 260, "#c0392b", "#7b241c", 6),
    "provincial capital": ("s", 70, "#2471a3", "#154360", 5),
    "city": ("o", 42, "#5d6d7e", "#1c2833", 4),
    "city outside North Korea": ("o", 42, "white", "#1c2833", 4),
    "town (GeoNames)": ("o", 14, "#aab7b8", "#566573", 3.5),
    "landmark": ("^", 40, "#d68910", "#7e5109", 6.5),
    "mountain": ("^", 70, "#6e2c00", "#3b1700", 4),
    "river": ("D", 30, "#3498db", "#1b4f72", 4),
    "province": ("P", 50, "#a9cce3", "#5d6d7e", 3),
}


def _matplotlib():
    try:
        import matplotlib
    except ImportError:
        raise NkgeoError(INSTALL_HINT) from None
    return matplotlib


def _rc(hangul: bool | None) -> tuple[dict, str | None]:
    """matplotlib settings (fonts with a Hangul fallback when one is installed; SVG text kept as text)."""
    font = _hangul_font() if hangul is not False else None
    return {"font.family": ["DejaVu Sans", *([font] if font else [])], "svg.fonttype": "none", "svg.hashsalt": "nkgeo"}, font


def render(data: MapData, fmt: str, hangul: bool | None = None) -> bytes:
    """The map as SVG or PNG bytes."""
    matplotlib = _matplotlib()
    settings, font = _rc(hangul)
    with matplotlib.rc_context(settings):
        fig, _labels = _figure(data, font)
        buffer = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buffer, format=fmt, metadata=metadata, bbox_inches="tight", pad_inches=0.25)
        return buffer.getvalue()


def label_boxes(data: MapData, hangul: bool | None = None) -> dict[str, tuple[float, float, float, float]]:
    """Where each label lands, in pixels (x0, y0, x1, y1): for checking that no two overlap."""
    matplotlib = _matplotlib()
    settings, font = _rc(hangul)
    with matplotlib.rc_context(settings):
        fig, labels = _figure(data, font)
        renderer = fig.canvas.get_renderer()
        return {slug: tuple(text.get_window_extent(renderer).extents) for slug, text in labels.items()}


def _figure(data: MapData, font: str | None):
    """The figure, and the label of each point."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    if not data.points:
        raise NkgeoError("no place has coordinates; nothing to draw")
    labels = {}
    by_slug = {p.slug: p for p in data.points}
    lats = [p.lat for p in data.points]
    lons = [p.lon for p in data.points]
    south, north = math.floor(min(lats) - 0.4), math.ceil(max(lats) + 0.4)
    west, east = math.floor(min(lons) - 0.6), math.ceil(max(lons) + 0.6)
    aspect = 1 / math.cos(math.radians((south + north) / 2))

    width = 11.0
    height = width * (north - south) * aspect / (east - west)
    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.06, 0.08, 0.9, 0.84))
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(aspect)
    ax.set_facecolor("#f4f9fc")
    ax.set_xticks(range(west, east + 1))
    ax.set_yticks(range(south, north + 1))
    ax.set_xticklabels([f"{x}°E" for x in range(west, east + 1)], fontsize=8)
    ax.set_yticklabels([f"{y}°N" for y in range(south, north + 1)], fontsize=8)
    ax.grid(True, color="#c8d6e0", linewidth=0.6, linestyle="-")
    ax.set_title(TITLE, fontsize=13, pad=10)

    for a, b, kind in data.edges:
        if a in by_slug and b in by_slug:
            pa, pb = by_slug[a], by_slug[b]
            style = "--" if kind == "satellite" else ":"
            ax.plot([pa.lon, pb.lon], [pa.lat, pb.lat], style, color="#7d3c98", linewidth=1.6, zorder=2)

    used = []
    for point in data.points:
        marker, size, face, edge, z = STYLE[point.category]
        ax.scatter([point.lon], [point.lat], marker=marker, s=size, c=face, edgecolors=edge, linewidths=0.8, zorder=z)
        used.append(point.category)
    renderer = fig.canvas.get_renderer()
    placed: list = []
    for point in sorted(data.points, key=lambda p: (not p.curated, p.category != "province", -p.population, p.slug)):
        spots = [LABEL_OFFSETS.get(point.slug, ((7, 3), "left"))] if point.curated else LABEL_SPOTS
        for (dx, dy), align in spots:
            label = _annotate(ax, point, font, dx, dy, align)
            box = label.get_window_extent(renderer)
            if point.curated or not any(box.overlaps(other) for other in placed):
                labels[point.slug] = label
                placed.append(box)
                break
            label.remove()

    handles = []
    for category in STYLE:
        if category in used:
            marker, size, face, edge, _ = STYLE[category]
            handles.append(Line2D([], [], marker=marker, linestyle="", markersize=math.sqrt(size) * 0.9,
                                  markerfacecolor=face, markeredgecolor=edge, label=category))
    kinds = {kind for _, _, kind in data.edges}
    if "satellite" in kinds:
        handles.append(Line2D([], [], linestyle="--", color="#7d3c98", label="satellite of"))
    if "metro" in kinds:
        handles.append(Line2D([], [], linestyle=":", color="#7d3c98", linewidth=1.6, label="in metropolitan area of"))
    ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.92, title="Legend", title_fontsize=9)
    fig.text(0.5, 0.015, CREDIT, ha="center", fontsize=7.5, color="#566573")

    return fig, labels


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
    payload = render(data, fmt, hangul)
    try:
        write_atomically(path, payload)
    except OSError as exc:
        raise NkgeoError(f"cannot write {path}: {exc.strerror}") from None
    return {"path": str(path), "format": fmt, "points": len(data.points), "links": len(data.edges), "bytes": len(payload)}
