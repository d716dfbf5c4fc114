"""``nkgeo show``: one entity, found by any of its names, with every fact and its source."""

from __future__ import annotations

import json

import pytest

HAMHUNG = "https://w3id.org/nkgeo/id/hamhung"


@pytest.mark.parametrize("name", ["Hamhung", "hamhung", "HAMHUNG", "id:hamhung", HAMHUNG, f"<{HAMHUNG}>"])
def test_show_finds_hamhung_by_any_name(invoke, name):
    result = invoke("show", name, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["iri"], data["id"], data["label"]) == (HAMHUNG, "id:hamhung", "Hamhung")


@pytest.mark.parametrize("name", ["south hamgyong", "South Hamgyong Province", "SOUTH-HAMGYONG", "id:south-hamgyong-province"])
def test_show_finds_a_province_with_or_without_its_suffix(invoke, name):
    data = json.loads(invoke("show", name, "--format", "json").output)
    assert data["iri"] == "https://w3id.org/nkgeo/id/south-hamgyong-province"


def test_show_text(invoke):
    result = invoke("show", "Kimchaek", "--no-quote")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:4] == ["Kimchaek  (id:kimchaek)", "", "Facts:", "  rdf:type"]
    assert lines[4].startswith("    nkgeo:City (city)  ")
    inferred = lines.index("Inferred (nkgeo why <subject> <predicate> <object> explains one):")
    assert "    nkgeo:SteelTown (steel town)" in lines[inferred:]
    assert "    nkgeo:SteelTown (steel town)" not in lines[:inferred]
    industries = lines.index("  nkgeo:hasIndustry (has industry)")
    assert lines[industries + 2].startswith("    id:steel (steel industry)  primarily [")
    assert not any(line.lstrip().startswith('"') for line in lines)  # no quotes


def test_show_json_sources_and_flags(invoke):
    data = json.loads(invoke("show", "kimchaek", "--format", "json", "--no-quote").output)
    facts = {(f["predicate"], f["object"]): f for f in data["facts"]}
    steel = facts[("nkgeo:hasIndustry", "id:steel")]
    assert steel["inferred"] is False
    assert [set(s) for s in steel["sources"]] == [{"graph", "document", "start", "end", "evidence", "certainty", "ref"}]
    assert steel["sources"][0]["certainty"]["qualifier"] == "primarily"
    assert steel["sources"][0]["document"] == steel["sources"][0]["graph"]
    assert steel["sources"][0]["evidence"].startswith("https://w3id.org/nkgeo/evidence/")
    reference = data["references"][steel["sources"][0]["ref"] - 1]
    assert (reference["document"], reference["start"], reference["end"]) == tuple(steel["sources"][0][k] for k in ("document", "start", "end"))
    town = facts[("rdf:type", "nkgeo:SteelTown")]
    assert (town["inferred"], town["sources"]) == (True, [])
    assert facts[("rdf:type", "nkgeo:City")]["sources"][-1] == {"graph": "gazetteer"}
    assert not any("quote" in r for r in data["references"])


def test_show_asserted_only(invoke):
    data = json.loads(invoke("show", "kimchaek", "--format", "json", "--asserted-only").output)
    assert data["facts"] and not any(f["inferred"] for f in data["facts"] + data["links"] + data["claims"])
    text = invoke("show", "kimchaek", "--asserted-only", "--no-quote").output
    assert "Inferred" not in text


def test_show_quotes_the_document_at_the_recorded_offsets(invoke, corpus):
    data = json.loads(invoke("show", "kimchaek", "--format", "json").output)
    references = data["references"]
    assert references and all("quote" in r for r in references)
    for reference in references:
        text = (corpus / f"{reference['document']}.txt").read_text(encoding="utf-8")
        passage = " ".join(text[reference["start"]:reference["end"]].split())
        assert reference["quote"] == (passage if len(passage) <= 240 else passage[:239] + "…")


def test_show_exact_text(invoke, tiny_project):
    result = invoke("show", "Testland", "--asserted-only")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Testland  (id:testland)\n"
        "\n"
        "Facts:\n"
        "  rdf:type\n"
        "    nkgeo:Country (country)  gazetteer\n"
        "  rdfs:label\n"
        "    Testland  gazetteer\n"
        "  skos:prefLabel\n"
        "    Testland  gazetteer\n"
        "\n"
        "Linked from:\n"
        "  id:alphaville (Alphaville)  nkgeo:locatedIn  gazetteer\n"
        "  id:betaburg (Betaburg)  nkgeo:locatedIn  gazetteer\n"
    )


def test_show_inferred_sections(invoke, tiny_project):
    lines = invoke("show", "alphaville").output.splitlines()
    inferred = lines.index("Inferred (nkgeo why <subject> <predicate> <object> explains one):")
    assert "    nkgeo:Settlement (settlement)" in lines[inferred:]
    assert lines[-5:] == [
        "Copies (inferred alignment and inverse properties):",
        "  gn:parentFeature  id:testland",
        "  schema:containedInPlace  id:testland",
        "  linked from by nkgeo:contains  id:testland",
        "  linked from by schema:containsPlace  id:testland",
    ]


# Bad input


def test_show_unknown_name_suggests_the_closest(invoke):
    result = invoke("show", "Hamhnug")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output.startswith("Error: no entity named 'Hamhnug'; closest: Hamhung")
    assert result.output.count("\n") == 1


def test_show_unknown_name_exact(invoke, tiny_project):
    assert invoke("show", "Alfaville").output == "Error: no entity named 'Alfaville'; closest: Alphaville\n"
    assert invoke("show", "Qqqqqq").output == "Error: no entity named 'Qqqqqq'\n"


def test_show_unknown_iri(invoke):
    result = invoke("show", "id:atlantis")
    assert result.exit_code == 1
    assert result.output == "Error: no entity with IRI id:atlantis in the graph\n"


def test_show_unknown_format(invoke):
    result = invoke("show", "Hamhung", "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_show_needs_a_name(invoke):
    result = invoke("show")
    assert result.exit_code == 2
    assert "Missing argument 'NAME'" in result.output
