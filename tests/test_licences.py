"""The licences: named in pyproject.toml (an SPDX expression and the files), and the files say what they should."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_expression_names_code_data_and_the_maps_coast():
    assert PROJECT["license"] == "MIT AND CC-BY-4.0 AND LGPL-3.0-or-later"


def test_every_licence_file_pattern_matches_and_every_text_is_named():
    matched = set()
    for pattern in PROJECT["license-files"]:
        found = sorted(ROOT.glob(pattern))
        assert found, f"{pattern} matches no file"
        matched.update(p.relative_to(ROOT).as_posix() for p in found)
    assert matched == {"LICENSE", "LICENSE-DATA.md", "LICENSES/CC-BY-4.0.txt", "LICENSES/LGPL-3.0-or-later.txt",
                       "LICENSES/GPL-3.0-or-later.txt"}


def test_the_texts_are_the_licences_they_are_named_after():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    cc = (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text(encoding="utf-8")
    assert cc.startswith("Attribution 4.0 International\n") and "Creative Commons Attribution 4.0 International Public License" in cc
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (ROOT / "LICENSES" / "LGPL-3.0-or-later.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSES" / "GPL-3.0-or-later.txt").read_text(encoding="utf-8")


def test_the_data_licence_credits_geonames_and_gshhg():
    text = (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    for words in ("GeoNames", "CC BY 4.0", "GSHHG", "LGPL-3.0-or-later", "ontology/", "graph/", "queries/", "outline.json"):
        assert words in text, words
    beside = ROOT / "nkgeo" / "linked" / "data" / "LICENSE-GSHHG.md"
    assert "LGPL-3.0-or-later" in beside.read_text(encoding="utf-8") or "Lesser General Public License" in beside.read_text(encoding="utf-8")
