"""The extractor's own vocabulary: general English and world knowledge, no fact of any document.

Everything here is language (cue words, type nouns, ordinals, hedges) or public world knowledge
that any gazetteer ships (the names and demonyms of countries). Facts about North Korean places
come only from the graph (see :mod:`nkgeo.extract.gazetteer`) or from the document being read.
"""

from __future__ import annotations

import re
import unicodedata

from nkgeo import namespaces as ns

# Countries as world knowledge: (label, demonyms, other names). A country the graph already knows
# keeps the graph's IRI; any other gets id:<slug of the label>.
COUNTRIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("North Korea", ("North Korean",), ("DPRK", "Democratic People's Republic of Korea")),
    ("South Korea", ("South Korean",), ("Republic of Korea", "ROK")),
    ("China", ("Chinese",), ("People's Republic of China", "PRC")),
    ("Russia", ("Russian",), ("Russian Federation",)),
    ("Japan", ("Japanese",), ()),
    ("Mongolia", ("Mongolian",), ()),
    ("Taiwan", ("Taiwanese",), ()),
    ("Vietnam", ("Vietnamese",), ("Viet Nam",)),
    ("Laos", ("Lao", "Laotian"), ()),
    ("Cambodia", ("Cambodian",), ()),
    ("Thailand", ("Thai",), ()),
    ("Myanmar", ("Burmese",), ("Burma",)),
    ("Philippines", ("Filipino", "Philippine"), ()),
    ("Indonesia", ("Indonesian",), ()),
    ("Malaysia", ("Malaysian",), ()),
    ("Singapore", ("Singaporean",), ()),
    ("India", ("Indian",), ()),
    ("Pakistan", ("Pakistani",), ()),
    ("Iran", ("Iranian",), ()),
    ("Syria", ("Syrian",), ()),
    ("Egypt", ("Egyptian",), ()),
    ("Cuba", ("Cuban",), ()),
    ("United States", ("American",), ("USA", "U.S.", "United States of America")),
    ("Canada", ("Canadian",), ()),
    ("United Kingdom", ("British",), ("UK", "Britain", "Great Britain")),
    ("France", ("French",), ()),
    ("Germany", ("German",), ()),
    ("East Germany", ("East German",), ("German Democratic Republic", "GDR")),
    ("West Germany", ("West German",), ()),
    ("Soviet Union", ("Soviet",), ("USSR",)),
    ("Poland", ("Polish",), ()),
    ("Czechoslovakia", ("Czechoslovak",), ()),
    ("Romania", ("Romanian",), ()),
    ("Bulgaria", ("Bulgarian",), ()),
    ("Hungary", ("Hungarian",), ()),
    ("Sweden", ("Swedish",), ()),
    ("Switzerland", ("Swiss",), ()),
    ("Italy", ("Italian",), ()),
    ("Spain", ("Spanish",), ()),
    ("Australia", ("Australian",), ()),
)

# Industries: phrases of ordinary English for the concepts of ontology/schemes.ttl, by slug.
# The concepts' own labels are added from the graph; these are the other ways people say them.
INDUSTRY_PHRASES: dict[str, tuple[str, ...]] = {
    "steel": ("steel", "steelworks", "steel mill", "steel mills", "iron and steel", "ironworks"),
    "metallurgy": ("metallurgy", "metallurgical", "metalworking", "metal industry"),
    "chemical-industry": ("chemical", "chemicals", "petrochemical", "petrochemicals", "fertiliser", "fertilizer", "fertilisers", "fertilizers", "vinalon"),
    "machinery": ("machinery", "machine building", "machine-building", "machine tools", "machine tool", "machine-tool", "machine-tools",
                  "engineering works", "lathes", "tractors", "trucks", "electric motors"),
    "shipbuilding": ("shipbuilding", "shipyard", "shipyards", "ship building", "ship repair"),
    "light-industry": ("light industry", "light industries", "consumer goods"),
    "textiles": ("textile", "textiles", "garment", "garments", "clothing", "cotton mill", "silk"),
    "paper": ("paper", "pulp"),
    "food-processing": ("food products", "food processing", "food industry", "foodstuffs", "canneries", "cannery"),
    "mining": ("mining", "mines", "mine", "mined", "ore", "coal mining", "coal mines", "mine coal", "mines coal", "pits", "ore mine", "ore mines",
               "coal mine"),
    "copper": ("copper",),
    "energy": ("power generation", "energy production"),
    "hydropower": ("hydropower", "hydroelectric", "hydro-electric", "hydroelectricity"),
    "forestry": ("forestry",),
    "timber": ("timber", "lumber", "logging", "sawmills", "wood processing"),
    "fishing": ("fishing", "fisheries", "fishery", "fish processing"),
    "trade-and-logistics": ("trade and logistics", "logistics and trade"),
    "maritime-trade": ("maritime trade", "shipping trade", "sea trade", "seaborne trade"),
    "logistics": ("logistics", "freight", "transit trade"),
    "tourism": ("tourism", "tourist industry"),
    "manufacturing": ("manufacturing", "manufacturing industry"),
}
# Industry words that name an industry on their own, whatever the rest of the sentence says.
INDUSTRY_SELF = frozenset(
    {
        "shipyard",
        "shipyards",
        "shipbuilding",
        "steelworks",
        "steel mill",
        "steel mills",
        "ironworks",
        "sawmills",
        "cannery",
        "canneries",
        "fisheries",
        "hydroelectric",
        "hydropower",
        "petrochemical",
        "petrochemicals",
        "manufacturing",
        "metallurgy",
        "machine-building",
        "machine building",
        "machine-tool",
        "mining",
        "mined",
        "coal mines",
        "mine coal",
        "mines coal",
        "ore mine",
        "ore mines",
        "coal mine",
    }
)
# Words that make an industry word in a sentence an industry of the sentence's subject.
INDUSTRY_CUES = re.compile(
    r"\b(industr\w*|production|produc\w+|factor(?:y|ies)|plants?|works|mills?|known for|cent(?:er|re) (?:for|of)|hub|"
    r"econom(?:y|ic)|revolves? around|focus\w*|manufactur\w*|mining|mines|operations|sector|output|based on|relies on|"
    r"trade|activity|activities|complex(?:es)?|specialises|specializes|employ|employs|employed|employers?|workforce|jobs|livelihood)\b",
    re.I,
)
# Bare "trade" is maritime trade in a port sentence, and nothing otherwise.
PORT_WORDS = re.compile(r"\b(port|ports|harbou?rs?|maritime|shipping)\b", re.I)

# Type nouns: the head word of a name (or the noun after it) gives the class of the thing named.
NAME_HEADS: dict[str, str] = {
    "province": ns.NKGEO.Province,
    "county": ns.NKGEO.AdministrativeArea,
    "river": ns.NKGEO.River,
    "sea": ns.NKGEO.Sea,
    "ocean": ns.NKGEO.Sea,
    "bay": ns.NKGEO.Sea,
    "gulf": ns.NKGEO.Sea,
    "strait": ns.NKGEO.Sea,
    "mountain": ns.NKGEO.Mountain,
    "mountains": ns.NKGEO.Mountain,
    "peak": ns.NKGEO.Mountain,
    "university": ns.NKGEO.University,
    "universities": ns.NKGEO.University,
    "college": ns.NKGEO.EducationalInstitution,
    "institute": ns.NKGEO.EducationalInstitution,
    "school": ns.NKGEO.EducationalInstitution,
    "academy": ns.NKGEO.Academy,
    "tower": ns.NKGEO.Landmark,
    "monument": ns.NKGEO.Monument,
    "monuments": ns.NKGEO.Monument,
    "statue": ns.NKGEO.Monument,
    "statues": ns.NKGEO.Monument,
    "arch": ns.NKGEO.Monument,
    "memorial": ns.NKGEO.Monument,
    "mausoleum": ns.NKGEO.Monument,
    "temple": ns.NKGEO.Landmark,
    "palace": ns.NKGEO.Landmark,
    "pagoda": ns.NKGEO.Landmark,
    "gate": ns.NKGEO.Landmark,
    "fortress": ns.NKGEO.Landmark,
    "tomb": ns.NKGEO.Landmark,
    "tombs": ns.NKGEO.Landmark,
    "museum": ns.NKGEO.Landmark,
    "cave": ns.NKGEO.Landmark,
    "caves": ns.NKGEO.Landmark,
    "falls": ns.NKGEO.Landmark,
    "waterfall": ns.NKGEO.Landmark,
    "exhibition": ns.NKGEO.Landmark,
    "pavilion": ns.NKGEO.Landmark,
    "pavilions": ns.NKGEO.Landmark,
    "lagoon": ns.NKGEO.WaterBody,
    "lake": ns.NKGEO.WaterBody,
    "barrage": ns.NKGEO.Dam,
    "dam": ns.NKGEO.Dam,
    "reservoir": ns.NKGEO.Dam,
    "airport": ns.NKGEO.Airport,
    "airfield": ns.NKGEO.Airport,
    "airbase": ns.NKGEO.MilitaryFacility,
    "port": ns.NKGEO.Port,
    "harbour": ns.NKGEO.Port,
    "harbor": ns.NKGEO.Port,
    "complex": ns.NKGEO.IndustrialZone,
    "zone": ns.NKGEO.Region,
    "region": ns.NKGEO.Region,
    "party": ns.NKGEO.Organization,
    "navy": ns.NKGEO.Organization,
    "army": ns.NKGEO.Organization,
    "committee": ns.NKGEO.Organization,
    "company": ns.NKGEO.Organization,
    "corporation": ns.NKGEO.Organization,
    "agency": ns.NKGEO.Organization,
    "ministry": ns.NKGEO.Organization,
    "association": ns.NKGEO.Organization,
    "dynasty": ns.NKGEO.HistoricalState,
    "kingdom": ns.NKGEO.HistoricalState,
    "empire": ns.NKGEO.HistoricalState,
    "war": ns.NKGEO.War,
    "famine": ns.NKGEO.Famine,
}
# Multi-word heads, checked before the one-word ones (the last words of the name, lower-cased).
PHRASE_HEADS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("special", "economic", "zone"), ns.NKGEO.SpecialEconomicZone),
    (("economic", "development", "zone"), ns.NKGEO.SpecialEconomicZone),
    (("economic", "zone"), ns.NKGEO.SpecialEconomicZone),
    (("special", "administrative", "region"), ns.NKGEO.SpecialAdministrativeRegion),
    (("industrial", "complex"), ns.NKGEO.IndustrialZone),
    (("industrial", "zone"), ns.NKGEO.IndustrialZone),
    (("industrial", "park"), ns.NKGEO.IndustrialZone),
    (("tourist", "zone"), ns.NKGEO.TourismZone),
    (("tourism", "zone"), ns.NKGEO.TourismZone),
    (("tourist", "region"), ns.NKGEO.TourismZone),
    (("power", "station"), ns.NKGEO.Facility),
    (("air", "base"), ns.NKGEO.MilitaryFacility),
)
# A name that starts with one of these words names the thing after it: Mount Paektu, Lake Chon.
NAME_PREFIXES: dict[str, str] = {"mount": ns.NKGEO.Mountain, "mt": ns.NKGEO.Mountain, "lake": ns.NKGEO.WaterBody}
# "Sea of Japan", "University of Technology", "Workers' Party of Korea": heads that take "of".
OF_HEADS = frozenset(
    {"sea", "gulf", "bay", "strait", "university", "institute", "academy", "party", "republic", "kingdom", "museum", "palace", "port", "bank", "ministry"}
)
# Capitalised adjectives that are not part of the name before a lower-case type noun
# ("the Songgyungwan Confucian academy" names Songgyungwan).
NAME_ADJECTIVES = frozenset(
    {"confucian", "buddhist", "christian", "korean", "chinese", "japanese", "royal", "ancient", "historic", "national", "old", "new", "great"}
)

# Unnamed features a place has ("an airport", "several technical universities", "naval facilities").
# noun -> (class, relation from the place)
FEATURE_NOUNS: dict[str, tuple[str, str]] = {
    "airport": (ns.NKGEO.Airport, ns.NKGEO.hasFacility),
    "museum": (ns.NKGEO.Landmark, ns.NKGEO.hasLandmark),
    "airfield": (ns.NKGEO.Airport, ns.NKGEO.hasFacility),
    "university": (ns.NKGEO.University, ns.NKGEO.hasInstitution),
    "universities": (ns.NKGEO.University, ns.NKGEO.hasInstitution),
    "college": (ns.NKGEO.EducationalInstitution, ns.NKGEO.hasInstitution),
    "colleges": (ns.NKGEO.EducationalInstitution, ns.NKGEO.hasInstitution),
    "naval facilities": (ns.NKGEO.MilitaryFacility, ns.NKGEO.hasFacility),
    "naval facility": (ns.NKGEO.MilitaryFacility, ns.NKGEO.hasFacility),
    "naval base": (ns.NKGEO.MilitaryFacility, ns.NKGEO.hasFacility),
    "naval bases": (ns.NKGEO.MilitaryFacility, ns.NKGEO.hasFacility),
    "air base": (ns.NKGEO.MilitaryFacility, ns.NKGEO.hasFacility),
    "military base": (ns.NKGEO.MilitaryFacility, ns.NKGEO.hasFacility),
    "dam": (ns.NKGEO.Dam, ns.NKGEO.hasFacility),
    "power station": (ns.NKGEO.Facility, ns.NKGEO.hasFacility),
}
DETERMINERS = r"(?:an?|one|two|three|four|five|several|many|numerous|some|the|its|a few|a number of|a major|a large|an important)"

# Relation by the class of the thing a place has ("is home to", "houses", "has").
FEATURE_RELATION: tuple[tuple[str, str], ...] = (
    (ns.NKGEO.Port, ns.NKGEO.hasPort),
    (ns.NKGEO.EducationalInstitution, ns.NKGEO.hasInstitution),
    (ns.NKGEO.Facility, ns.NKGEO.hasFacility),
    (ns.NKGEO.Landmark, ns.NKGEO.hasLandmark),
    (ns.NKGEO.Mountain, ns.NKGEO.hasLandmark),
)

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "6th": 6,
    "7th": 7,
    "8th": 8,
    "9th": 9,
    "10th": 10,
}
NUMBER_WORDS: dict[str, int] = {"ten": 10, "five": 5, "twenty": 20, "three": 3, "four": 4, "six": 6, "seven": 7, "eight": 8, "nine": 9, "fifteen": 15}

APPROXIMATE = re.compile(r"\b(around|about|approximately|roughly|some|nearly|almost|over|more than|less than|at least|up to|an estimated)\b", re.I)
# Where one clause ends and another begins: a hedge or a negation before it does not reach past it.
CLAUSE_BREAKS = re.compile(
    r"[;:]|,(?!\d)|\b(?:and|but)\b(?= (?:is|was|are|were|has|had|have|serves|served|lies|lay|remains|remained|acts|plays|it|its|became|includes|contains)\b)"
    r"|\b(?:while|whereas|though|although|which|who|due to|because|where)\b",
    re.I,
)

DIRECTIONS = {
    "north": "north",
    "northern": "north",
    "south": "south",
    "southern": "south",
    "east": "east",
    "eastern": "east",
    "west": "west",
    "western": "west",
    "northeast": "north-east",
    "north-east": "north-east",
    "northeastern": "north-east",
    "north-eastern": "north-east",
    "northwest": "north-west",
    "north-west": "north-west",
    "northwestern": "north-west",
    "north-western": "north-west",
    "southeast": "south-east",
    "south-east": "south-east",
    "southeastern": "south-east",
    "south-eastern": "south-east",
    "southwest": "south-west",
    "south-west": "south-west",
    "southwestern": "south-west",
    "south-western": "south-west",
}
DIRECTION_ADJECTIVES = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "north-east": "northeastern",
    "north-west": "northwestern",
    "south-east": "southeastern",
    "south-west": "southwestern",
}

# Words that a capital letter does not make a name: English stop words (spaCy's list, general English),
# months and days, and words whose ending marks a common word of English (an adverb, a participle,
# an abstract noun): "Historically", "Located", "Migration" start sentences, they name nothing.
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december monday tuesday wednesday thursday
    friday saturday sunday""".split()
)
_COMMON_ENDINGS = re.compile(r"(?:ly|ed|ing|tion|sion|ment|ness|ism|ist|ity|ance|ence|ship|ical|ally|ers|ous|ive|able|ible)$")
# Korean personal names as written in English: a family name, then a hyphenated given name (Kim Jong-suk).
KOREAN_PERSON = re.compile(
    r"^(?:Kim|Ri|Rhee|Lee|Yi|Pak|Park|Choe|Choi|Jang|Chang|Kang|Han|Yun|Yoon|O|Oh|Jo|Cho|Hwang|Ho|Jon|Chon|Jeon|An|Ahn|Song|So|Hong|"
    r"Jong|Chong|Mun|Moon|Ryu|Yu|Rim|Im|No|Roh|Nam|Paek|Baek|Sin|Shin|Kwon|Ko|Go|Min|Ju|Chu|Hyon|Hyun) [A-Z][a-z]+-[a-z]+$"
)
# Nouns before a person's name that say it is a person's.
PERSON_TITLES = (
    r"(?:General|Marshal|Admiral|King|Queen|Emperor|President|Premier|Chairman|Leader|Prince|Princess|Lord|Sir|Dr|Mr|Mrs|Ms|poet|"
    r"general|king|queen|president|leader|founder|father|mother|wife|son|daughter|brother|sister|grandfather|grandmother|writer|poet|scholar|monk)"
)


# A syllable of a Korean name in McCune-Reischauer or Revised Romanisation, and a word made of them:
# "Kosong" (ko-song), "Onsong" (on-song), "Hyangsan" (hyang-san), not "Beijing" or "January".
_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|tch|ch|k|g|n|t|d|r|l|m|p|b|s|sh|j|h|ng)?'?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|yo|wa|oe|eu|wo|we|wi|yu|ui|ŏ|ŭ|a|e|i|o|u)"
    r"(?:ng|nk|k|n|t|l|m|p|s|g|b)?"
)
_KOREAN_WORD = re.compile(r"^(?:" + _SYLLABLE + r"[-']?){1,4}$")
# Capitalised words of languages and peoples that the syllables above would pass.
_PEOPLES = frozenset({"korean", "koreans", "korea", "juche", "songun", "chollima"})


# Continents and the great regions around Korea: places, never settlements.
WORLD_REGIONS = frozenset(
    """asia europe africa america oceania antarctica eurasia manchuria siberia mongolia-inner east-asia northeast-asia
    north-america south-america central-asia the-far-east far-east korean-peninsula""".split()
)


def is_world_region(name: str) -> bool:
    return slug(name) in WORLD_REGIONS


def looks_korean(name: str) -> bool:
    """Whether every word of a name could be a romanised Korean word (a weak cue, for new place names)."""
    words = name.split()
    return bool(words) and all(w.lower() not in _PEOPLES and _KOREAN_WORD.match(w.lower().replace("’", "'")) for w in words)


def is_title(word: str) -> bool:
    """A title before a person's name ("General", "King"): not part of the name."""
    return bool(re.fullmatch(PERSON_TITLES, word)) and word[:1].isupper()


def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return STOP_WORDS


def is_common_word(word: str) -> bool:
    """A word of English that starts a sentence with a capital but names nothing."""
    lower = word.lower().strip("'")
    return lower in stop_words() or lower in MONTHS_AND_DAYS or (len(lower) > 4 and bool(_COMMON_ENDINGS.search(lower)))


def could_be_place(text: str) -> bool:
    """Whether a capitalised name could name a place: not a common word, a month or a person's name."""
    words = text.split()
    if not words or KOREAN_PERSON.match(text) or all(is_common_word(w) for w in words):
        return False
    return not (len(words) == 1 and is_common_word(words[0]))


STOPWORDS = frozenset({"of", "the", "in", "a", "an", "and", "at", "on"})


def content_words(label: str) -> frozenset[str]:
    """The words that make a descriptive name: "university in Wonsan" = "university of Wonsan",
    "Mansudae Grand Monuments" = "Mansudae Grand Monument" (a final s of a long word dropped)."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", label.lower()))
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in STOPWORDS)


def slug(text: str) -> str:
    """The IRI slug of a label: lower case ASCII words joined by hyphens; apostrophes vanish."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = re.sub(r"['’`]", "", ascii_text.casefold())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def romanisation_key(text: str) -> str:
    """A key under which McCune-Reischauer and Revised Romanization spellings of a Korean name
    agree: Hamhŭng, Hamheung and Hamhung; Ch'ŏngjin and Cheongjin; Gaeseong and Kaesong."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.findall(r"[a-z0-9]+", re.sub(r"['’`]", "", plain))
    out = []
    for word in words:
        word = re.sub(r"^g", "k", word)
        word = re.sub(r"^b", "p", word)
        word = re.sub(r"^d", "t", word)
        word = re.sub(r"^j", "ch", word)
        word = word.replace("eo", "o").replace("eu", "u").replace("shi", "si").replace("ph", "p")
        out.append(word)
    return "".join(out)


def normalise_quotes(text: str) -> str:
    """Curly quotes as straight ones, dashes as hyphens, odd spaces as spaces: one character for one,
    so offsets still line up. The brackets the extractor masks mentions with (``⟪0⟫``) become
    ordinary ones, so a document that contains them cannot pass for a mask."""
    return text.translate(_QUOTES)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
                         "⟪": "<", "⟫": ">"})
