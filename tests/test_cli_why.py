"""``nkgeo why``: the derivation of an inferred triple down to asserted facts and their documents."""

from __future__ import annotations

import json
import re

import pytest

from nkgeo import namespaces as ns

STEEL_TOWN = """\
id:kimchaek rdf:type nkgeo:SteelTown  [inferred by cax-sco; stated]
├─ [City and (hasIndustry value steel)] rdfs:subClassOf nkgeo:SteelTown  [asserted: ontology; stated]
└─ id:kimchaek rdf:type [City and (hasIndustry value steel)]  [inferred by cls-int1; stated]
   ├─ [City and (hasIndustry value steel)] owl:intersectionOf [(City (hasIndustry value steel))]  [asserted: ontology; stated]
   ├─ id:kimchaek rdf:type nkgeo:City  [asserted: 001_96b58870d0b32f5b, gazetteer; stated]
   │     source: 001_96b58870d0b32f5b chars 7207-7219 (by its number in the list of the biggest cities in North Korea) [implied, current]
   │     source: 001_96b58870d0b32f5b chars 7221-7346 [stated, current]
   └─ id:kimchaek rdf:type [hasIndustry value steel]  [inferred by cls-hv2; stated]
      ├─ [hasIndustry value steel] owl:hasValue id:steel  [asserted: ontology; stated]
      ├─ [hasIndustry value steel] owl:onProperty nkgeo:hasIndustry  [asserted: ontology; stated]
      └─ id:kimchaek nkgeo:hasIndustry id:steel  [asserted: 001_96b58870d0b32f5b; stated]
            source: 001_96b58870d0b32f5b chars 7221-7346 (primarily) [stated, current]

Certainty: stated, current: every premise is stated and holds now.

Rules (OWL 2 RL):
  cax-sco: T(?c1, rdfs:subClassOf, ?c2) and T(?x, rdf:type, ?c1) imply T(?x, rdf:type, ?c2)
  cls-hv2: T(?x, owl:hasValue, ?y), T(?x, owl:onProperty, ?p) and T(?u, ?p, ?y) imply T(?u, rdf:type, ?x)
  cls-int1: T(?c, owl:intersectionOf, (?c1 ... ?cn)) and T(?y, rdf:type, ?ci) for every i imply T(?y, rdf:type, ?c)
"""

LOCATED = """\
id:hamhung nkgeo:locatedIn id:north-korea  [asserted: 000_cbd80db4a2371350, 001_96b58870d0b32f5b; stated]
   source: 000_cbd80db4a2371350 chars 32-136 [stated, current]
   source: 000_cbd80db4a2371350 chars 6815-6915 [stated, current]
   source: 001_96b58870d0b32f5b chars 0-36 (by its number in the list of the biggest cities in North Korea) [implied, current]
   source: 001_96b58870d0b32f5b chars 906-916 (by its number in the list of the biggest cities in North Korea) [implied, current]
   source: 001_96b58870d0b32f5b chars 918-1012 [stated, current]
"""

# Certainty carried through the derivation: three examples from the shipped graph (also in the README).
HEDGED = """\
id:hamhung nkgeo:hasClaim id:hamhung-population-like-other-cities  [inferred by prp-spo1; believed]
├─ nkgeo:hasComparison rdfs:subPropertyOf nkgeo:hasClaim  [asserted: ontology; stated]
└─ id:hamhung nkgeo:hasComparison id:hamhung-population-like-other-cities  [asserted: 000_cbd80db4a2371350; believed]
      source: 000_cbd80db4a2371350 chars 2168-2245 (believed, as in many North Korean cities) [believed, current]

Certainty: believed, current; weakest premise: believed (id:hamhung nkgeo:hasComparison id:hamhung-population-like-other-cities).

Rules (OWL 2 RL):
  prp-spo1: T(?p1, rdfs:subPropertyOf, ?p2) and T(?x, ?p1, ?y) imply T(?x, ?p2, ?y)
"""

PAST = """\
id:hamhung nkgeo:rebuiltThrough id:reconstruction-of-hamhung  [inferred by prp-inv1; stated, past]
├─ nkgeo:rebuiltPlace owl:inverseOf nkgeo:rebuiltThrough  [asserted: ontology; stated]
└─ id:reconstruction-of-hamhung nkgeo:rebuiltPlace id:hamhung  [asserted: 000_cbd80db4a2371350, 001_96b58870d0b32f5b; stated, past]
      source: 000_cbd80db4a2371350 chars 4417-4534 [stated, past]
      source: 000_cbd80db4a2371350 chars 5270-5387 [stated, past]
      source: 001_96b58870d0b32f5b chars 1134-1260 [stated, past]

Certainty: stated, past; does not hold now: past (id:reconstruction-of-hamhung nkgeo:rebuiltPlace id:hamhung).

Rules (OWL 2 RL):
  prp-inv1: T(?p1, owl:inverseOf, ?p2) and T(?x, ?p1, ?y) imply T(?y, ?p2, ?x)
"""

STRONGEST = """\
id:hamhung nkgeo:hasClaim id:hamhung-rank-2-north-korea  [inferred by prp-spo1; stated]
├─ nkgeo:populationRank rdfs:subPropertyOf nkgeo:hasClaim  [asserted: ontology; stated]
└─ id:hamhung nkgeo:populationRank id:hamhung-rank-2-north-korea  [asserted: 000_cbd80db4a2371350, 001_96b58870d0b32f5b; stated]
      source: 000_cbd80db4a2371350 chars 137-293 (considered) [considered, current]
      source: 000_cbd80db4a2371350 chars 1815-1890 (follows from the external estimates) [estimated, current, attributed to id:external-estimators]
      source: 000_cbd80db4a2371350 chars 6815-6915 [stated, current]
      source: 001_96b58870d0b32f5b chars 906-916 (by its number in the list of the biggest cities in North Korea) [implied, current]
      source: 001_96b58870d0b32f5b chars 918-1012 [stated, current]

Certainty: stated, current: every premise is stated and holds now.

Rules (OWL 2 RL):
  prp-spo1: T(?p1, rdfs:subPropertyOf, ?p2) and T(?x, ?p1, ?y) imply T(?x, ?p2, ?y)
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
        assert f"[inferred by {rule}; stated]" in output
        assert f"\n  {rule}: T(" in output
    assert "source: 001_96b58870d0b32f5b chars 7221-7346" in output


def test_why_quotes_each_source(invoke, corpus):
    lines = invoke("why", "kimchaek", "a", "SteelTown").output.splitlines()
    sources = [(i, m) for i, line in enumerate(lines) if (m := re.search(r"source: (\S+) chars (\d+)-(\d+)(?: \(.*?\))?(?: \[[^\]]*\])?$", line))]
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
    assert result.output == 'id:alphaville rdfs:label "Alphaville"@en  [asserted: gazetteer; stated]\n'


def test_why_exact_inverse(invoke, tiny_project):
    result = invoke("why", "testland", "contains", "alphaville")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "id:testland nkgeo:contains id:alphaville  [inferred by prp-inv1; stated]\n"
        "├─ nkgeo:locatedIn owl:inverseOf nkgeo:contains  [asserted: ontology; stated]\n"
        "└─ id:alphaville nkgeo:locatedIn id:testland  [asserted: gazetteer; stated]\n"
        "\n"
        "Certainty: stated, current: every premise is stated and holds now.\n"
        "\n"
        "Rules (OWL 2 RL):\n"
        "  prp-inv1: T(?p1, owl:inverseOf, ?p2) and T(?x, ?p1, ?y) imply T(?y, ?p2, ?x)\n"
    )


# Certainty


@pytest.mark.parametrize(
    ("triple", "expected"),
    [
        (("hamhung", "hasClaim", "hamhung-population-like-other-cities"), HEDGED),
        (("hamhung", "rebuiltThrough", "reconstruction-of-hamhung"), PAST),
        (("hamhung", "hasClaim", "hamhung-rank-2-north-korea"), STRONGEST),
    ],
    ids=["hedged-premise", "past-premise", "two-documents-strongest"],
)
def test_why_carries_certainty(invoke, triple, expected):
    """A hedged premise makes a hedged conclusion, a past one a past conclusion, and a triple two
    documents state with different certainty is as certain as its strongest record."""
    result = invoke("why", *triple, "--no-quote")
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_why_json_certainty(invoke):
    result = invoke("why", "hamhung", "rebuiltThrough", "reconstruction-of-hamhung", "--format", "json", "--no-quote")
    tree = json.loads(result.output)
    assert (tree["certainty"], tree["holds_now"], tree["temporal_status"]) == ("nkgeo:Stated", False, "nkgeo:Past")
    assert tree["past_premise"] == ["id:reconstruction-of-hamhung", "nkgeo:rebuiltPlace", "id:hamhung"]
    assert "weakest_premise" not in tree
    axiom, fact = tree["premises"]
    assert (axiom["certainty"], axiom["holds_now"]) == ("nkgeo:Stated", True)
    assert {(s["mode"], s["temporal_status"]) for s in fact["sources"]} == {("nkgeo:Stated", "nkgeo:Past")}

    hedged = json.loads(invoke("why", "hamhung", "hasClaim", "hamhung-rank-2-north-korea", "--format", "json").output)
    sources = hedged["premises"][1]["sources"]
    assert {s["mode"] for s in sources} == {"nkgeo:Stated", "nkgeo:Considered", "nkgeo:Estimated", "nkgeo:Implied"}
    assert [s.get("attributed_to") for s in sources if s["mode"] == "nkgeo:Estimated"] == ["id:external-estimators"]
    assert hedged["certainty"] == "nkgeo:Stated"


def test_why_nodes_agree_with_the_build(compiled):
    """Every inferred node's certainty is the build's record; the root's is its weakest premise's."""
    from nkgeo.explain.why import Explainer, resolve_triple
    from nkgeo.query.names import NameIndex

    explainer = Explainer(compiled, quote_documents=False)
    index = NameIndex.from_dataset(compiled)
    tree = explainer.explain(*resolve_triple(compiled, index, "hamhung", "hasClaim", "hamhung-population-like-other-cities"))
    assert (tree.certainty, tree.holds_now) == (ns.NKGEO.Believed, True)
    assert tree.weakest_premise is tree.premises[1]
    assert tree.weakest_premise.certainty == ns.NKGEO.Believed
    assert tree.premises[0].certainty == ns.NKGEO.Stated


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
