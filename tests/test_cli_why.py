"""``nkgeo why``: the derivation of an inferred triple down to asserted facts and their documents."""

from __future__ import annotations

import json
import re

import pytest

STEEL_TOWN = """\
id:kimchaek rdf:type nkgeo:SteelTown  [inferred by cax-sco]
├─ [City and (hasIndustry value steel)] rdfs:subClassOf nkgeo:SteelTown  [asserted: ontology]
└─ id:kimchaek rdf:type [City and (hasIndustry value steel)]  [inferred by cls-int1]
   ├─ [City and (hasIndustry value steel)] owl:intersectionOf [(City (hasIndustry value steel))]  [asserted: ontology]
   ├─ id:kimchaek rdf:type nkgeo:City  [asserted: 001_96b58870d0b32f5b, gazetteer]
   │     source: 001_96b58870d0b32f5b chars 7207-7219 (by its number in the list of the biggest cities in North Korea)
   │     source: 001_96b58870d0b32f5b chars 7221-7346
   └─ id:kimchaek rdf:type [hasIndustry value steel]  [inferred by cls-hv2]
      ├─ [hasIndustry value steel] owl:hasValue id:steel  [asserted: ontology]
      ├─ [hasIndustry value steel] owl:onProperty nkgeo:hasIndustry  [asserted: ontology]
      └─ id:kimchaek nkgeo:hasIndustry id:steel  [asserted: 001_96b58870d0b32f5b]
            source: 001_96b58870d0b32f5b chars 7221-7346 (primarily)

Rules (OWL 2 RL):
  cax-sco: T(?c1, rdfs:subClassOf, ?c2) and T(?x, rdf:type, ?c1) imply T(?x, rdf:type, ?c2)
  cls-hv2: T(?x, owl:hasValue, ?y), T(?x, owl:onProperty, ?p) and T(?u, ?p, ?y) imply T(?u, rdf:type, ?x)
  cls-int1: T(?c, owl:intersectionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?ci) for every i imply T(?y, rdf:type, ?c)
"""

LOCATED = """\
id:hamhung nkgeo:locatedIn id:north-korea  [asserted: 000_cbd80db4a2371350, 001_96b58870d0b32f5b]
   source: 000_cbd80db4a2371350 chars 32-136
   source: 000_cbd80db4a2371350 chars 6815-6915
   source: 001_96b58870d0b32f5b chars 0-36 (by its number in the list of the biggest cities in North Korea)
   source: 001_96b58870d0b32f5b chars 906-916 (by its number in the list of the biggest cities in North Korea)
   source: 001_96b58870d0b32f5b chars 918-1012
"""


@pytest.mark.parametrize(
    "triple",
    [
        ("kimchaek", "a", "SteelTown"),
        ("Kimchaek", "rdf:type", "nkgeo:SteelTown"),
        ("id:kimchaek", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "steel town"),
    ],
)
def test_why_inferred(invoke, triple):
    result = invoke("why", *triple, "--no-quote")
    assert result.exit_code == 0, result.output
    assert result.output == STEEL_TOWN


def test_why_names_rules_and_source_document(invoke):
    output = invoke("why", "kimchaek", "a", "SteelTown").output
    for rule in ("cax-sco", "cls-int1", "cls-hv2"):
        assert f"[inferred by {rule}]" in output
        assert f"\n  {rule}: T(" in output
    assert "source: 001_96b58870d0b32f5b chars 7221-7346" in output


def test_why_quotes_each_source(invoke, corpus):
    lines = invoke("why", "kimchaek", "a", "SteelTown").output.splitlines()
    sources = [(i, m) for i, line in enumerate(lines) if (m := re.search(r"source: (\S+) chars (\d+)-(\d+)(?: \(.*\))?$", line))]
    assert len(sources) == 3
    for i, match in sources:
        text = (corpus / f"{match[1]}.txt").read_text(encoding="utf-8")
        passage = " ".join(text[int(match[2]):int(match[3])].split())
        assert lines[i + 1].lstrip(" │") == f'"{passage}"'


def test_why_json(invoke):
    result = invoke("why", "kimchaek", "a", "SteelTown", "--format", "json", "--no-quote")
    assert result.exit_code == 0, result.output
    tree = json.loads(result.output)
    assert (tree["triple"], tree["status"], tree["rule"]) == (["id:kimchaek", "rdf:type", "nkgeo:SteelTown"], "inferred", "cax-sco")

    def leaves(node):
        if node["status"] == "asserted":
            yield node
        for premise in node.get("premises", []):
            yield from leaves(premise)

    facts = {tuple(n["triple"]): n["sources"] for n in leaves(tree)}
    [steel] = facts[("id:kimchaek", "nkgeo:hasIndustry", "id:steel")]
    assert steel["document"] == "https://w3id.org/nkgeo/doc/001_96b58870d0b32f5b"
    assert (steel["start"], steel["end"], steel["graph"]) == (7221, 7346, "001_96b58870d0b32f5b")
    assert steel["title"]
    assert "quote" not in steel


def test_why_asserted_shows_its_sources(invoke):
    result = invoke("why", "Hamhung", "locatedIn", "North Korea", "--no-quote")
    assert result.exit_code == 0, result.output
    assert result.output == LOCATED


def test_why_literal_object(invoke):
    result = invoke("why", "chongjin", "nickname", "City of Iron", "--format", "json", "--no-quote")
    assert result.exit_code == 0, result.output
    tree = json.loads(result.output)
    assert tree["triple"] == ["id:chongjin", "nkgeo:nickname", '"City of Iron"@en']
    assert tree["status"] == "asserted"


def test_why_predicate_outside_the_ontology(invoke, tiny_project):
    result = invoke("why", "alphaville", "rdfs:label", "Alphaville")
    assert result.exit_code == 0, result.output
    assert result.output == 'id:alphaville rdfs:label "Alphaville"@en  [asserted: gazetteer]\n'


def test_why_exact_inverse(invoke, tiny_project):
    result = invoke("why", "testland", "contains", "alphaville")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "id:testland nkgeo:contains id:alphaville  [inferred by prp-inv1]\n"
        "├─ nkgeo:locatedIn owl:inverseOf nkgeo:contains  [asserted: ontology]\n"
        "└─ id:alphaville nkgeo:locatedIn id:testland  [asserted: gazetteer]\n"
        "\n"
        "Rules (OWL 2 RL):\n"
        "  prp-inv1: T(?p1, owl:inverseOf, ?p2) and T(?x, ?p1, ?y) imply T(?y, ?p2, ?x)\n"
    )


# Bad input


def test_why_triple_that_does_not_hold(invoke):
    result = invoke("why", "hamhung", "locatedIn", "china")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert result.output == "Error: id:hamhung nkgeo:locatedIn id:china is neither asserted nor inferred\n"


def test_why_unknown_subject(invoke):
    result = invoke("why", "Hamhnug", "locatedIn", "North Korea")
    assert result.exit_code == 1
    assert result.output.startswith("Error: no entity named 'Hamhnug'; closest: Hamhung")


def test_why_unknown_predicate(invoke):
    result = invoke("why", "hamhung", "situatedIn", "North Korea")
    assert result.exit_code == 1
    assert result.output == "Error: no property named 'situatedIn'\n"


def test_why_unknown_object(invoke, tiny_project):
    result = invoke("why", "alphaville", "locatedIn", "Testlnd")
    assert result.exit_code == 1
    assert result.output == "Error: no entity named 'Testlnd'; closest: Testland, trend\n"  # the ontology's terms are names too


def test_why_unknown_literal(invoke, tiny_project):
    result = invoke("why", "alphaville", "rdfs:label", "Alphaville Town")
    assert result.exit_code == 1
    assert result.output == "Error: no entity named 'Alphaville Town'; closest: Alphaville\n"


def test_why_needs_three_parts(invoke):
    result = invoke("why", "hamhung", "locatedIn")
    assert result.exit_code == 2
    assert "Missing argument 'OBJECT'" in result.output


def test_why_unknown_format(invoke):
    result = invoke("why", "hamhung", "locatedIn", "north korea", "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
