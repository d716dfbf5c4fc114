"""The kinds of statement beyond the competency questions, each asked as a reader would ask it.

Each test runs a canned query through the CLI (``nkgeo query NAME --format json``) on the shipped
graph and checks the answer against what the documents say, including how firmly they say it
(certainty) and when it holds, and that ``stated_current`` keeps stated, present facts only.
"""

from __future__ import annotations

from test_competency import BOTH, ID, TITLE_000, TITLE_001, query, slug, sources


def by(rows, key):
    return {slug(r[key]): r for r in rows}


def test_conditions_what_does_life_in_hyesan_lack():
    rows = by(query("conditions", place="Hyesan"), "condition")
    assert set(rows) == {"hyesan-hard-life", "hyesan-food-shortages", "hyesan-limited-medical-care"}
    food = rows["hyesan-food-shortages"]
    assert (food["kindLabel"], food["aspects"], food["frequencyLabel"], food["affected"]) == ("shortage", "food supply", "frequently", "residents")
    assert rows["hyesan-limited-medical-care"]["aspects"] == "medical care"
    assert all(r["certainty"] == "stated" and r["holds"] == "current" and sources(r) == {TITLE_001} for r in rows.values())


def test_conditions_of_hamhung_homes_and_their_extent():
    rows = by(query("conditions", place="hamhung"), "condition")
    homes = {name: (r["kindLabel"], r["aspects"], r.get("extentLabel")) for name, r in rows.items()
             if name in ("hamhung-poor-heating", "hamhung-limited-electricity", "hamhung-unreliable-water")}
    assert homes == {
        "hamhung-poor-heating": ("poor provision", "heating", "most parts"),
        "hamhung-limited-electricity": ("limited access", "electricity", "most parts"),
        "hamhung-unreliable-water": ("unreliable provision", "water supply", "most parts"),
    }
    # Both documents speak of energy: inconsistent supply (000) and intermittent power shortages (001).
    assert rows["hamhung-inconsistent-energy"]["aspects"] == "energy supply"
    assert rows["hamhung-intermittent-power-shortages"]["frequencyLabel"] == "intermittently"
    assert sources(rows["hamhung-intermittent-power-shortages"]) == {TITLE_001}
    # "may commute": a possibility, not a fact.
    assert rows["hamhung-commuting-from-villages"]["certainty"] == "possible"


def test_conditions_reported_and_current_only():
    everything = by(query("conditions", place="Chongjin"), "condition")
    assert everything["chongjin-food-shortages"]["certainty"] == "reported"
    assert everything["chongjin-street-lighting"]["holds"] == "recent"
    stated = by(query("conditions", place="Chongjin", stated_current="1"), "condition")
    assert "chongjin-food-shortages" not in stated and "chongjin-infrastructure-decay" not in stated
    assert "chongjin-street-lighting" in stated


def test_restrictions_who_may_go_where():
    rows = by(query("restrictions"), "restriction")
    closed = rows["hamhung-closed-to-foreign-visitors"]
    assert (slug(closed["place"]), closed["kindLabel"], closed["appliesTo"], closed["degreeLabel"]) == (
        "hamhung", "closed to visitors", "foreign visitors", "high")
    entry = rows["hamhung-entry-needs-authorisation"]
    assert (entry["kindLabel"], entry["frequencyLabel"], entry["imposedBy"]) == ("authorisation required", "typically", "government of North Korea")
    migration = rows["north-korea-internal-migration-control"]
    assert set(migration["enforcedThrough"].split(" | ")) == {"songbun", "hoju"}
    assert rows["pyongyang-curated-visits"]["appliesTo"] == "foreign visitors"
    # Chongjin's strict controls are part of its reputation: considered, not stated.
    assert rows["chongjin-movement-control"]["certainty"] == "considered"
    assert rows["rason-relaxed-market-controls"]["degreeLabel"] == "relative"


def test_trends_how_hamhung_population_changed():
    rows = by(query("trends", place="Hamhung"), "trend")
    decline = rows["hamhung-1990s-population-decline"]
    assert (decline["directionLabel"], decline["timeSpan"], decline["timeQualifierLabel"]) == ("decline", "1990s", "mainly within the span")
    assert set(decline["causes"].split(" | ")) == {"floods of the 1990s", "famine of the 1990s"}
    growth = rows["hamhung-industrial-population-growth"]
    assert (growth["startYear"], growth["endYear"], growth["timeQualifierLabel"]) == ("1960", "1979", "mainly within the span")
    assert rows["hamhung-post-war-population-boom"]["directionLabel"] == "rapid growth"
    stable = rows["hamhung-stable-population"]
    assert (stable["directionLabel"], stable["timeQualifierLabel"]) == ("stability", "relative to the document")
    unlikely = rows["hamhung-growth-unlikely-without-reform"]
    assert (unlikely["certainty"], unlikely["holds"], unlikely["unlessLabel"]) == ("unlikely", "future", "broader reforms")
    # A prediction the document calls unlikely is no current fact.
    current = by(query("trends", place="Hamhung", stated_current="1"), "trend")
    assert "hamhung-growth-unlikely-without-reform" not in current and "hamhung-1990s-population-decline" not in current
    assert "hamhung-stable-population" in current


def test_comparisons_and_superlatives():
    rows = by(query("comparisons"), "claim")
    poorer = rows["chongjin-poorer-than-pyongyang"]
    assert (poorer["kind"], poorer["respect"], poorer["directionLabel"], slug(poorer["other"]), poorer["degreeLabel"]) == (
        "comparison", "wealth", "less", "pyongyang", "relative")
    cosmopolitan = rows["sinuiju-more-cosmopolitan"]
    assert (cosmopolitan["directionLabel"], cosmopolitan["certainty"], cosmopolitan["causes"]) == (
        "more", "considered", "influx of foreign goods and ideas")
    assert rows["sinuiju-more-economically-active"]["causes"] == "proximity to China"
    few = rows["hyesan-among-few-smuggling-cities"]
    assert (few["kind"], few["oneAmongSeveral"], slug(few["other"])) == ("superlative", "true", "north-korea")
    assert rows["rason-unique-zone"]["oneAmongSeveral"] == "false"
    assert rows["chongjin-among-more-closed-regions"]["certainty"] == "considered"


def test_characteristics_of_hyesan_and_climates():
    rows = by(query("characteristics", place="Hyesan"), "characteristic")
    assert {"mountainous", "remote-location", "harsh-winters", "spiritual-and-national-significance"} <= set(rows)
    assert rows["harsh-winters"]["groupLabel"] == "climate"
    climates = {(slug(r["place"]), slug(r["characteristic"])) for r in query("characteristics", group="climate")}
    assert climates == {("hyesan", "harsh-winters"), ("hamhung", "continental-and-maritime-climate")}
    housing = by(query("characteristics", place="Hamhung"), "characteristic")
    assert housing["soviet-style-apartment-blocks"]["groupLabel"] == "urban form"


def test_purposes_what_things_are_for():
    rows = {(slug(r["thing"]), slug(r["purpose"])): r for r in query("purposes")}
    barrage = rows[("west-sea-barrage", "flood-control")]
    assert (barrage["certainty"], barrage["attributedTo"]) == ("reported", "government of North Korea")
    assert ("west-sea-barrage", "irrigation") in rows
    assert ("kimchaek-university-of-technology", "training-engineers-and-scientists") in rows
    assert ("songdowon-international-childrens-camp", "promoting-international-youth-unity") in rows
    assert ("nampo-special-economic-zone", "attracting-foreign-investment") in rows
    assert {p for (thing, p) in rows if thing == "rason"} == {"attracting-foreign-investment", "economic-experimentation"}


def test_knowledge_sources_and_data_availability():
    rows = query("knowledge-sources")
    sources_of = {(slug(r["place"]), slug(r["what"])) for r in rows if r["kind"] == "source"}
    assert {("hamhung", "defector-reports"), ("hamhung", "satellite-imagery"), ("hyesan", "foreign-media-reports")} <= sources_of
    data = {slug(r["what"]): r for r in rows if r["kind"] == "data"}
    assert data["north-korea-demographic-data-not-published"]["availabilityLabel"] == "not regularly published"
    assert data["hamhung-demographic-structure-unverifiable"]["availabilityLabel"] == "hard to verify"
    assert set(data["hamhung-demographic-structure-unverifiable"]["causes"].split(" | ")) == {
        "Hamhung: access restricted", "Hamhung: movement controlled by the government"}
    assert all(sources(r) == {TITLE_000} for r in data.values())


def test_population_groups_are_believed():
    rows = by(query("population-groups", place="Hamhung"), "group")
    assert set(rows) == {"factory-and-industrial-workers", "government-and-military-personnel", "students-and-academics",
                         "retirees-and-families"}
    assert {r["certainty"] for r in rows.values()} == {"believed"}
    assert "a significant portion" in rows["retirees-and-families"]["qualifiers"]


def test_influences_causes_and_denied_effects():
    rows = by(query("influences"), "influence")
    stifled = rows["rason-growth-stifled"]
    assert (stifled["directionLabel"], stifled["aspects"]) == ("hinders", "economic growth")
    assert set(stifled["causes"].split(" | ")) == {"international sanctions", "bureaucratic inefficiency"}
    # The document denies that state attention improves living conditions: kept, as negated.
    denied = rows["hamhung-priority-not-better-living"]
    assert (denied["directionLabel"], denied["certainty"]) == ("improves", "negated")
    assert rows["hamhung-control-hinders-growth"]["frequencyLabel"] == "often"
    current = by(query("influences", stated_current="1"), "influence")
    assert "hamhung-priority-not-better-living" not in current and "hamhung-shortages-and-migration" not in current


def test_roles_current_former_and_aspired():
    rows = {(slug(r["place"]), r["when"], slug(r["role"])): r for r in query("roles", place="Wonsan")}
    assert rows[("wonsan", "former", "major-port")]["period"] == "Japanese rule"
    assert rows[("wonsan", "former", "major-port")]["holds"] == "formerly"
    aspired = rows[("wonsan", "aspired", "tourist-destination")]
    assert (aspired["certainty"], aspired["holds"]) == ("aspired", "future")
    assert rows[("wonsan", "current", "missile-test-site")]["frequency"] == "occasionally"
    assert ("wonsan", "current", "tourist-destination") not in rows
    current = {(r["when"], slug(r["role"])) for r in query("roles", place="Wonsan", stated_current="1")}
    assert current == {("current", "military-location"), ("current", "missile-test-site")}


def test_investment_into_rason():
    rows = query("investment")
    assert [slug(r["place"]) for r in rows] == ["rason"]
    rason = rows[0]
    assert set(rason["from"].split(" | ")) == {"China", "Russia"}
    assert set(rason["into"].split(" | ")) == {"logistics infrastructure", "trade infrastructure"}
    assert set(rason["heldBackBy"].split(" | ")) == {"international sanctions", "bureaucratic inefficiency"}
    assert rason["qualifiers"] == "with modest success"


def test_a_statement_of_two_documents_keeps_both_certainties_and_the_strongest_sums_up():
    rows = {(r["predicate"].rsplit("#", 1)[-1], r["object"].rsplit("/", 1)[-1]): r for r in query("statements-by-certainty", subject="Hamhung")}
    rank = rows[("populationRank", "hamhung-rank-2-north-korea")]
    # Considered (000, 137), estimated (000, 1815), stated (000, 6815; 001, 918) and implied by the list (001, 906).
    assert (rank["strongest"], rank["strongestRank"], rank["weakest"], rank["weakestRank"]) == ("stated", "10", "estimated", "7")
    assert int(rank["records"]) == 5
    assert sources(rank) == BOTH
    hungnam = {r["predicate"].rsplit("#", 1)[-1]: r for r in query("statements-by-certainty", subject="Hungnam")}
    assert hungnam["inMetropolitanAreaOf"]["strongest"] == "considered"
    stated = {r["predicate"].rsplit("#", 1)[-1] for r in query("statements-by-certainty", subject="Hungnam", stated_current="1")}
    assert "inMetropolitanAreaOf" not in stated and "hasPort" in stated
    firm = query("statements-by-certainty", min_certainty="9")
    assert firm and all(int(r["strongestRank"]) >= 9 for r in firm)


def test_fact_sources_show_how_each_sentence_asserts_the_fact():
    rows = query("fact-sources", subject="hamhung", predicate="nkgeo:populationRank", object="hamhung-rank-2-north-korea")
    by_sentence = {(r["file"][:3], int(r["startOffset"])): r for r in rows}
    assert by_sentence[("000", 137)]["certainty"] == "considered"
    assert (by_sentence[("000", 1815)]["certainty"], by_sentence[("000", 1815)]["attributedTo"]) == ("estimated", "external estimators")
    assert by_sentence[("001", 906)]["certainty"] == "implied"
    assert all(r["holds"] == "current" for r in rows)
    assert ID + "hamhung" == rows[0]["subject"]
