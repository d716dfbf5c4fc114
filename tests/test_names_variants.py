"""Korean names and romanisations (graph/names.trig): every variant finds its entity, Hangul stays Hangul.

``nkgeo show`` (and every command that takes an entity) accepts the label, the Hangul name, the
McCune-Reischauer spelling with or without its diacritics and the Revised Romanisation; names are
compared after folding case, accents and punctuation (NFKD: Hangul syllables fold to their jamo on
both sides, so a name typed in decomposed jamo matches too).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import SKOS

ROOT = Path(__file__).resolve().parents[1]
ID = "https://w3id.org/nkgeo/id/"
NAMES = URIRef("https://w3id.org/nkgeo/graph/names")
TAGS = {"ko", "ko-Latn", "ko-Latn-alalc97", "ko-Latn-x-rr", "en"}
HANGUL = re.compile(r"^[\uac00-\ud7a3 ]+$")


def names_graph():
    dataset = Dataset()
    dataset.parse(ROOT / "graph" / "names.trig", format="trig")
    return dataset.graph(NAMES)


ALT_LABELS = sorted((str(s), str(o), o.language) for s, o in names_graph().subject_objects(SKOS.altLabel))


@pytest.fixture(scope="module")
def index(compiled):
    from nkgeo.query.names import NameIndex

    return NameIndex.from_dataset(compiled)


def show_json(invoke, name: str) -> dict:
    result = invoke("show", name, "--format", "json", "--no-quote")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("name", ["함흥", "Hamheung", "Hamhŭng", "hamhung", "HAMHŬNG", "Hamhung", unicodedata.normalize("NFD", "함흥")])
def test_show_finds_hamhung_by_every_name(invoke, name):
    assert show_json(invoke, name)["id"] == "id:hamhung"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("함경남도", "south-hamgyong-province"),
        ("Hamgyŏng-namdo", "south-hamgyong-province"),
        ("함경북도", "north-hamgyong-province"),
        ("량강도", "ryanggang-province"),
        ("평양", "pyongyang"),
        ("Pyeongyang", "pyongyang"),
        ("P'yŏngyang", "pyongyang"),
        ("청진", "chongjin"),
        ("Ch'ŏngjin", "chongjin"),
        ("Gimchaek", "kimchaek"),
        ("라선", "rason"),
        ("Raseon", "rason"),
        ("선봉", "sonbong"),
        ("압록강", "yalu-river"),
        ("Amnok River", "yalu-river"),
        ("백두산", "mount-paektu"),
        ("Paektu", "mount-paektu"),
        ("조선민주주의인민공화국", "north-korea"),
        ("북한", "north-korea"),
        ("Songjin", "kimchaek"),  # a former name still finds the place, at the lowest weight
    ],
)
def test_show_finds_places_by_korean_names_and_romanisations(invoke, name, slug):
    assert show_json(invoke, name)["iri"] == ID + slug


@pytest.mark.parametrize(("subject", "label", "tag"), ALT_LABELS, ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None)
def test_every_alternative_label_finds_its_entity(index, subject, label, tag):
    assert index.resolve(label) == subject


def test_names_cover_cities_provinces_rivers_and_the_mountain():
    subjects = {s for s, _, _ in ALT_LABELS}
    for slug in ("pyongyang", "hamhung", "chongjin", "nampo", "wonsan", "sinuiju", "kaesong", "hyesan", "rason",
                 "kimchaek", "hungnam", "rajin", "sonbong", "south-hamgyong-province", "north-hamgyong-province",
                 "ryanggang-province", "yalu-river", "taedong-river", "mount-paektu", "north-korea"):
        assert ID + slug in subjects, slug
        tags = {tag for s, _, tag in ALT_LABELS if s == ID + slug}
        assert "ko" in tags, slug


@pytest.mark.parametrize(("subject", "label", "tag"), ALT_LABELS, ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None)
def test_every_name_has_a_known_tag_and_the_script_of_its_tag(subject, label, tag):
    assert tag in TAGS, tag
    if tag == "ko":
        assert HANGUL.match(label), label
    elif tag in ("ko-Latn", "ko-Latn-x-rr"):
        assert label.isascii(), f"{label!r} is tagged {tag} but has diacritics"
    elif tag == "ko-Latn-alalc97":
        assert all(ch.isascii() or ch in "ŎŏŬŭ" for ch in label), label
    assert unicodedata.is_normalized("NFC", label)


def test_the_romanisations_of_hamhung():
    hamhung = {(label, tag) for s, label, tag in ALT_LABELS if s == ID + "hamhung"}
    assert hamhung == {("함흥", "ko"), ("Hamhŭng", "ko-Latn-alalc97"), ("Hamhung", "ko-Latn"), ("Hamheung", "ko-Latn-x-rr")}


def test_hangul_folds_the_same_composed_or_decomposed():
    from nkgeo.query.names import fold

    assert fold("함흥") == fold(unicodedata.normalize("NFD", "함흥")) != fold("함경남도")
    assert fold("Hamhŭng") == fold("HAMHUNG") == "hamhung"


def test_show_prints_hangul_in_the_terminal(invoke):
    result = invoke("show", "함흥", "--no-quote")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Hamhung  (id:hamhung)\n")
    assert "    함흥  names\n" in result.output.split("  skos:altLabel\n", 1)[1]
    assert "\\u" not in result.output


def test_show_json_keeps_hangul_unescaped(invoke):
    result = invoke("show", "함흥", "--format", "json", "--no-quote")
    assert '"object": "함흥"' in result.output


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nquads", "trig", "nt", "xml"])
def test_exports_keep_hangul_as_utf8(invoke, fmt):
    result = invoke("export", "--format", fmt, "--graph", "asserted")
    assert result.exit_code == 0, result.output
    assert "함흥" in result.stdout_bytes.decode("utf-8")
    assert "\\uD568" not in result.stdout and "\\uc548" not in result.stdout.lower()


def test_jsonld_export_groups_names_by_language(invoke):
    data = json.loads(invoke("export", "--format", "json-ld", "--graph", "asserted").stdout)
    graphs = data["@graph"] if "@graph" in data else [data]
    nodes = [n for g in graphs for n in g.get("@graph", [g])]
    hamhung = [n for n in nodes if n.get("@id") == "id:hamhung" and "altLabel" in n]  # graph:names, and graph:geonames
    assert hamhung and {"함흥", "함흥시"} == {n["altLabel"]["ko"] for n in hamhung}
    assert any(n["altLabel"].get("ko-Latn-alalc97") == "Hamhŭng" for n in hamhung)


def test_former_names_stay_former_names(compiled):
    assert not compiled.query('ASK { ?s skos:altLabel ?l FILTER(STR(?l) = "Songjin") }')
    rows = list(compiled.query("SELECT ?n WHERE { id:kimchaek nkgeo:formerName ?n }"))
    assert [r["n"].value for r in rows] == ["Songjin"]


def test_tables_align_hangul_by_terminal_columns(invoke):
    from nkgeo.query.results import display_width

    query = 'SELECT ?name ?place WHERE { ?place skos:altLabel ?name FILTER(LANG(?name) = "ko") } ORDER BY ?place LIMIT 5'
    result = invoke("sparql", query)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()[:-1]
    starts = {display_width(line[: line.index("id:") if "id:" in line else line.index("place")]) for line in lines if "-" not in line[:2]}
    assert len(starts) == 1, result.output
    assert display_width("함흥") == 4 and display_width("Hamhŭng") == 7
