"""The compiled schema: what a class membership or a property triple implies, as small typed records.

The engine (:mod:`nkgeo.build.engine`) closes the schema, then turns it into two tables with one
compiler per rule family (``COMPILERS``: class axioms, property axioms, restrictions,
cardinalities, keys; then negative assertions and AllDifferent, value spaces and enumerations):

* a :class:`ClassPlan` per class: the classes a member is in as well (:class:`Implied`: cax-sco,
  cax-eqc1/2, cls-int2, cls-uni) and the rules a new member triggers (records with ``on_member``);
* a :class:`PropertyPlan` per property: the triples one of its triples implies alone
  (:class:`Implied`: prp-spo1, prp-eqp1/2, prp-inv1/2, prp-symp, prp-dom, prp-rng, prp-spo2 of one
  link) and the joins it takes part in (records with ``on_triple``).

A record (a frozen, slotted dataclass: its fields are read as fast as a tuple is unpacked) holds
what its rule needs from the schema (its axioms are the premises a derivation cites); the engine
calls the record's method, so nothing is dispatched on a tag. The records of one entry
run in a fixed order of kinds (``MEMBER_ORDER``, ``JOIN_ORDER``), and within a kind in the order of
the axioms, so the first derivation of a triple does not depend on the order of the compilers.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from nkgeo.build.vocabulary import DATATYPE_IRI, RULE_ID, RULE_NAMES, SAME, TYPE, V

Triple = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Implied:
    """A rule of one premise from the data: the triple implies one other (``term`` is the class or property implied)."""

    term: int
    rule: int
    axiom: Triple


@dataclass(frozen=True, slots=True)
class ClassPlan:
    implied: tuple[Implied, ...]
    rules: tuple  # member rules, in MEMBER_ORDER


@dataclass(frozen=True, slots=True)
class PropertyPlan:
    implied: tuple[Implied, ...]  # x p y implies x q y
    inverse: tuple[Implied, ...]  # x p y implies y q x
    domains: tuple[Implied, ...]  # x p y implies x a c
    ranges: tuple[Implied, ...]  # x p y implies y a c
    joins: tuple  # property rules, in JOIN_ORDER


# Member rules: ``on_member(engine, x, c, fact)`` when ``fact`` = (x, rdf:type, c) is new.


@dataclass(frozen=True, slots=True)
class SomeValuesFiller:
    """cls-svf1 from the value's side: x joined the filler class, so whoever points at it by p is in the restriction."""

    restriction: int
    prop: int
    axioms: tuple

    RULE = RULE_ID["cls-svf1"]

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        restriction, p, axioms = self.restriction, self.prop, self.axioms
        for u in list(engine.op[p].get(x, ())):
            engine.derive(u, TYPE, restriction, self.RULE, (*axioms, (u, p, x), fact))


@dataclass(frozen=True, slots=True)
class HasValueFill:
    """cls-hv1: a member of the restriction has the value."""

    prop: int
    value: int
    axioms: tuple

    RULE = RULE_ID["cls-hv1"]

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        engine.derive(x, self.prop, self.value, self.RULE, (*self.axioms, fact))


@dataclass(frozen=True, slots=True)
class AllValuesFill:
    """cls-avf from the member's side: every value the new member has by p is in the filler class."""

    prop: int
    filler: int
    axioms: tuple

    RULE = RULE_ID["cls-avf"]

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        p, filler, axioms = self.prop, self.filler, self.axioms
        for v in list(engine.sp[p].get(x, ())):
            engine.derive(v, TYPE, filler, self.RULE, (*axioms, fact, (x, p, v)))


@dataclass(frozen=True, slots=True)
class MaxCardinality:
    """cls-maxc1/2 and cls-maxqc1-4: an instance of the restriction has at most ``value`` (0 or 1)
    values by p (of the class ``cls``, when qualified by a class other than owl:Thing)."""

    restriction: int
    prop: int
    value: int
    cls: int | None
    rule: str
    axioms: tuple

    @property
    def INDEXES(self) -> str:  # a qualified one also looks up who points at a new member of its class
        return "so" if self.cls is not None else "s"

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        self.check(engine, x)

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if engine.holds(s, TYPE, self.restriction):
            self.check(engine, s)

    def check(self, engine, u: int) -> None:
        restriction, p, value, cls, rule, axioms = self.restriction, self.prop, self.value, self.cls, self.rule, self.axioms
        holds = engine.holds
        values = [y for y in engine.sp[p].get(u, ()) if cls is None or holds(y, TYPE, cls)]
        member = (u, TYPE, restriction)
        if value == 0:
            for y in values:
                used = ((u, p, y),) if cls is None else ((u, p, y), (y, TYPE, cls))
                engine.false(rule, *axioms, member, *used)
            return
        rule_id = RULE_ID[rule]
        for i, y1 in enumerate(values):
            for y2 in values[i + 1:]:
                if y1 != y2:
                    used = ((u, p, y1), (u, p, y2)) if cls is None else ((u, p, y1), (y1, TYPE, cls), (u, p, y2), (y2, TYPE, cls))
                    engine.derive(y1, SAME, y2, rule_id, (*axioms, member, *used))


@dataclass(frozen=True, slots=True)
class QualifyingClass:
    """cls-maxqc1/3 from the value's side: x joined the qualifying class; check who points at it."""

    cardinality: MaxCardinality

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        cardinality = self.cardinality
        p = cardinality.prop
        if p in engine.op:
            subjects = engine.op[p].get(x, ())
        else:
            subjects = [u for u, values in engine.sp[p].items() if x in values]
        for u in list(subjects):
            if engine.holds(u, TYPE, cardinality.restriction):
                cardinality.check(engine, u)


@dataclass(frozen=True, slots=True)
class Intersection:
    """cls-int1: a member of every part is a member of the intersection."""

    whole: int
    parts: tuple[int, ...]
    axiom: Triple

    RULE = RULE_ID["cls-int1"]

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        whole, parts, axiom = self.whole, self.parts, self.axiom
        holds = engine.holds
        if all(part == c or holds(x, TYPE, part) for part in parts):
            engine.derive(x, TYPE, whole, self.RULE, (axiom, *((x, TYPE, part) for part in parts)))


@dataclass(frozen=True, slots=True)
class Disjoint:
    """cax-dw, cax-adc, cls-com: no member of this class is a member of ``other``."""

    other: int
    rule: str
    axioms: tuple

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        if engine.holds(x, TYPE, self.other):
            engine.false(self.rule, *self.axioms, fact, (x, TYPE, self.other))


@dataclass(frozen=True, slots=True)
class Nothing:
    """cls-nothing2: owl:Nothing has no member."""

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        engine.false("cls-nothing2", fact)


@dataclass(frozen=True, slots=True)
class Key:
    """prp-key: instances of the class with the same values of every key property are the same.
    Checked when x joins the class and when it gets a value of a key property."""

    number: int
    cls: int
    props: tuple[int, ...]
    axiom: Triple

    INDEXES = "s"
    RULE = RULE_ID["prp-key"]

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        self.check(engine, x)

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        self.check(engine, s)

    def check(self, engine, x: int) -> None:
        number, c, props, axiom = self.number, self.cls, self.props, self.axiom
        if not engine.holds(x, TYPE, c):
            return
        combos: list[tuple] = [()]
        for p in props:
            values = engine.sp[p].get(x, ())
            combos = [combo + (z,) for combo in combos for z in values]
            if not combos:
                return
        for combo in combos:
            bucket = engine.key_index.setdefault((number, combo), [])
            if x in bucket:
                continue
            for y in list(bucket):
                premises = (axiom, (x, TYPE, c), *((x, p, z) for p, z in zip(props, combo, strict=True)),
                            (y, TYPE, c), *((y, p, z) for p, z in zip(props, combo, strict=True)))
                engine.derive(x, SAME, y, self.RULE, premises)
            bucket.append(x)


@dataclass(frozen=True, slots=True)
class ValueSpace:
    """dt-not-type for a literal given this OWL 2 RL datatype (by a range, say): its value must be in the value space."""

    datatype: int

    def on_member(self, engine, x: int, c: int, fact: Triple) -> None:
        engine.check_value_space(x, self.datatype, fact)


# Property rules (joins): ``on_triple(engine, s, p, o, fact)`` when ``fact`` = (s, p, o) is new.
# ``INDEXES`` says which indexes of p they read: "s" the values by subject, "o" the subjects by value.


@dataclass(frozen=True, slots=True)
class SomeValuesFromThing:
    """cls-svf2: whoever has a value by p is in the restriction (someValuesFrom owl:Thing)."""

    restriction: int
    axioms: tuple

    INDEXES = ""
    RULE = RULE_ID["cls-svf2"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        engine.derive(s, TYPE, self.restriction, self.RULE, (*self.axioms, fact))


@dataclass(frozen=True, slots=True)
class SomeValuesFrom:
    """cls-svf1 from the triple's side: a value in the filler class puts the subject in the restriction."""

    restriction: int
    filler: int
    axioms: tuple

    INDEXES = "o"  # for SomeValuesFiller
    RULE = RULE_ID["cls-svf1"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if engine.holds(o, TYPE, self.filler):
            engine.derive(s, TYPE, self.restriction, self.RULE, (*self.axioms, fact, (o, TYPE, self.filler)))


@dataclass(frozen=True, slots=True)
class HasValue:
    """cls-hv2: having the value puts the subject in the restriction."""

    restriction: int
    value: int
    axioms: tuple

    INDEXES = ""
    RULE = RULE_ID["cls-hv2"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if o == self.value:
            engine.derive(s, TYPE, self.restriction, self.RULE, (*self.axioms, fact))


@dataclass(frozen=True, slots=True)
class AllValuesFrom:
    """cls-avf from the triple's side: a value of a member of the restriction is in the filler class."""

    restriction: int
    filler: int
    axioms: tuple

    INDEXES = "s"  # for AllValuesFill
    RULE = RULE_ID["cls-avf"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if engine.holds(s, TYPE, self.restriction):
            engine.derive(o, TYPE, self.filler, self.RULE, (*self.axioms, (s, TYPE, self.restriction), fact))


@dataclass(frozen=True, slots=True)
class Transitive:
    """prp-trp: the new triple extends the paths before and after it."""

    axiom: Triple

    INDEXES = "so"
    RULE = RULE_ID["prp-trp"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        axiom, rule, derive = self.axiom, self.RULE, engine.derive
        for z in list(engine.sp[p].get(o, ())):
            derive(s, p, z, rule, (axiom, fact, (o, p, z)))
        for w in list(engine.op[p].get(s, ())):
            derive(w, p, o, rule, (axiom, (w, p, s), fact))


@dataclass(frozen=True, slots=True)
class Chain:
    """prp-spo2: the chains of ``links`` through the new triple, at ``position`` in the chain."""

    prop: int
    links: tuple[int, ...]
    position: int
    axiom: Triple

    INDEXES = "so"
    RULE = RULE_ID["prp-spo2"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        q, chain, position, axiom = self.prop, self.links, self.position, self.axiom
        left = [(s, ())]
        for link in reversed(chain[:position]):
            index = engine.op[link]
            left = [(u, ((u, link, start), *used)) for start, used in left for u in index.get(start, ())]
            if not left:
                return
        right = [(o, ())]
        for link in chain[position + 1:]:
            index = engine.sp[link]
            right = [(v, (*used, (end, link, v))) for end, used in right for v in index.get(end, ())]
            if not right:
                return
        for start, before in left:
            for end, after in right:
                engine.derive(start, q, end, self.RULE, (axiom, *before, fact, *after))


@dataclass(frozen=True, slots=True)
class Functional:
    """prp-fp: two values of one subject are the same."""

    axiom: Triple

    INDEXES = "s"
    RULE = RULE_ID["prp-fp"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        for y2 in list(engine.sp[p].get(s, ())):
            if y2 != o:
                engine.derive(o, SAME, y2, self.RULE, (self.axiom, fact, (s, p, y2)))


@dataclass(frozen=True, slots=True)
class InverseFunctional:
    """prp-ifp: two subjects of one value are the same."""

    axiom: Triple

    INDEXES = "o"
    RULE = RULE_ID["prp-ifp"]

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        for x2 in list(engine.op[p].get(o, ())):
            if x2 != s:
                engine.derive(s, SAME, x2, self.RULE, (self.axiom, fact, (x2, p, o)))


@dataclass(frozen=True, slots=True)
class Irreflexive:
    """prp-irp: nothing relates to itself by p."""

    axiom: Triple

    INDEXES = ""

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if s == o:
            engine.false("prp-irp", self.axiom, fact)


@dataclass(frozen=True, slots=True)
class Asymmetric:
    """prp-asyp: no pair relates by p both ways."""

    axiom: Triple

    INDEXES = ""

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if engine.holds(o, p, s):
            engine.false("prp-asyp", self.axiom, fact, (o, p, s))


@dataclass(frozen=True, slots=True)
class DisjointProperty:
    """prp-pdw, prp-adp: no pair relates by both p and ``other``."""

    other: int
    rule: str
    axioms: tuple

    INDEXES = ""

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if engine.holds(s, self.other, o):
            engine.false(self.rule, *self.axioms, fact, (s, self.other, o))


@dataclass(frozen=True, slots=True)
class NegativeAssertion:
    """prp-npa1/2: the triple a negative property assertion denies."""

    source: int
    target: int
    rule: str
    axioms: tuple

    INDEXES = ""

    def on_triple(self, engine, s: int, p: int, o: int, fact: Triple) -> None:
        if s == self.source and o == self.target:
            engine.false(self.rule, *self.axioms, fact)


MEMBER_ORDER = (SomeValuesFiller, HasValueFill, AllValuesFill, MaxCardinality, QualifyingClass, Intersection, Disjoint, Nothing, Key,
                ValueSpace)
JOIN_ORDER = (SomeValuesFromThing, SomeValuesFrom, HasValue, AllValuesFrom, Transitive, Chain, Functional, InverseFunctional,
              Irreflexive, Asymmetric, DisjointProperty, MaxCardinality, Key, NegativeAssertion)


def plain(value):
    """``value`` (a record, a tuple, an id) with every vocabulary member (``V``) made a plain int:
    premises are copied into arrays and ids compared in sets on every derivation, where an enum
    member costs twice as much."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, tuple):
        return tuple(plain(item) for item in value)
    if hasattr(value, "__dataclass_fields__"):
        return type(value)(*(plain(getattr(value, field.name)) for field in fields(value)))
    return value


class Plans:
    """The tables being compiled: for each class and property, the lists its plan is made of."""

    def __init__(self, schema):
        self.schema = schema  # the engine: pairs(), subjects_of_type(), items(), schema_rule
        self.types: dict[int, list[Implied]] = {}
        self.members: dict[int, list] = {}
        self.implied: dict[int, list[Implied]] = {}
        self.inverse: dict[int, list[Implied]] = {}
        self.domains: dict[int, list[Implied]] = {}
        self.ranges: dict[int, list[Implied]] = {}
        self.joins: dict[int, list] = {}

    def member(self, c: int, rule) -> None:
        self.members.setdefault(int(c), []).append(plain(rule))

    def join(self, p: int, rule) -> None:
        self.joins.setdefault(int(p), []).append(plain(rule))

    def imply(self, table: dict, key: int, term: int, rule: str, axiom: Triple) -> None:
        table.setdefault(int(key), []).append(Implied(int(term), RULE_ID[rule], plain(axiom)))

    def essential(self, triple: Triple, derived_by: tuple[str, ...]) -> bool:
        """A schema triple the tables need: not one implied by a path of others (scm-sco, scm-spo...)."""
        a, p, b = triple
        rule = self.schema.schema_rule.get((a << 64) | (p << 32) | b)
        return rule is None or RULE_NAMES[rule] not in derived_by

    def asserted_first(self, entries: list[Implied]) -> tuple[Implied, ...]:
        """Asserted axioms first, so that explanations start from what the ontology says."""
        rules = self.schema.schema_rule
        return tuple(sorted(entries, key=lambda e: ((e.axiom[0] << 64) | (e.axiom[1] << 32) | e.axiom[2]) in rules))

    def class_plans(self, keep_thing: bool) -> dict[int, ClassPlan]:
        order = {kind: rank for rank, kind in enumerate(MEMBER_ORDER)}
        plans = {}
        for c in set(self.types) | set(self.members):
            implied = [e for e in self.types.get(c, ()) if keep_thing or e.term != V.THING]
            rules = sorted(self.members.get(c, ()), key=lambda rule: order[type(rule)])
            plans[c] = ClassPlan(self.asserted_first(implied), tuple(rules))
        return plans

    def property_plans(self, keep_thing: bool) -> dict[int, PropertyPlan]:
        order = {kind: rank for rank, kind in enumerate(JOIN_ORDER)}
        plans = {}
        for p in set(self.implied) | set(self.inverse) | set(self.domains) | set(self.ranges) | set(self.joins):
            joins = sorted(self.joins.get(p, ()), key=lambda rule: order[type(rule)])
            plans[p] = PropertyPlan(
                self.asserted_first(self.implied.get(p, [])), self.asserted_first(self.inverse.get(p, [])),
                tuple(e for e in self.domains.get(p, ()) if keep_thing or e.term != V.THING),
                tuple(e for e in self.ranges.get(p, ()) if keep_thing or e.term != V.THING),
                tuple(joins),
            )
        return plans

    def indexes(self) -> tuple[set[int], set[int]]:
        """The properties whose values by subject (``sp``) and subjects by value (``op``) the joins read."""
        by_subject, by_value = set(), set()
        for p, rules in self.joins.items():
            for rule in rules:
                if "s" in rule.INDEXES:
                    by_subject.add(p)
                if "o" in rule.INDEXES:
                    by_value.add(p)
        return by_subject, by_value


def compile_class_axioms(schema, plans: Plans) -> None:
    """cax-sco, cax-eqc1/2, cls-int1/2, cls-uni, cax-dw, cax-adc, cls-com, cls-nothing2."""
    for c1, c2 in schema.pairs(V.SCO):
        if c1 != c2 and plans.essential((c1, V.SCO, c2), ("scm-sco", "scm-cls")):
            plans.imply(plans.types, c1, c2, "cax-sco", (c1, V.SCO, c2))
    for c1, c2 in schema.pairs(V.EQC):
        if c1 != c2:
            plans.imply(plans.types, c1, c2, "cax-eqc1", (c1, V.EQC, c2))
            plans.imply(plans.types, c2, c1, "cax-eqc2", (c1, V.EQC, c2))
    for c, head in schema.pairs(V.INTERSECTION):
        parts = schema.items(head)
        for part in parts or ():
            plans.imply(plans.types, c, part, "cls-int2", (c, V.INTERSECTION, head))
        for part in set(parts or ()):
            plans.member(part, Intersection(c, tuple(parts), (c, V.INTERSECTION, head)))
    for c, head in schema.pairs(V.UNION):
        for part in schema.items(head) or ():
            plans.imply(plans.types, part, c, "cls-uni", (c, V.UNION, head))
    for predicate, rule in ((V.COMPLEMENT, "cls-com"), (V.DISJOINT, "cax-dw")):
        for c1, c2 in schema.pairs(predicate):
            plans.member(c1, Disjoint(c2, rule, ((c1, predicate, c2),)))
            plans.member(c2, Disjoint(c1, rule, ((c1, predicate, c2),)))
    for _x, _predicate, classes, axioms in schema.member_lists(V.ALL_DISJOINT_CLASSES, V.MEMBERS):
        for i, a in enumerate(classes):
            for b in classes[i + 1:]:
                plans.member(a, Disjoint(b, "cax-adc", axioms))
                plans.member(b, Disjoint(a, "cax-adc", axioms))
    plans.member(V.NOTHING, Nothing())


def compile_property_axioms(schema, plans: Plans) -> None:
    """prp-spo1/2, prp-eqp1/2, prp-inv1/2, prp-symp, prp-dom, prp-rng, prp-trp, prp-fp, prp-ifp,
    prp-irp, prp-asyp, prp-pdw, prp-adp."""
    for p1, p2 in schema.pairs(V.SPO):
        if p1 != p2 and plans.essential((p1, V.SPO, p2), ("scm-spo", "scm-op", "scm-dp")):
            plans.imply(plans.implied, p1, p2, "prp-spo1", (p1, V.SPO, p2))
    for p1, p2 in schema.pairs(V.EQP):
        if p1 != p2:
            plans.imply(plans.implied, p1, p2, "prp-eqp1", (p1, V.EQP, p2))
            plans.imply(plans.implied, p2, p1, "prp-eqp2", (p1, V.EQP, p2))
    for p1, p2 in schema.pairs(V.INVERSE):
        plans.imply(plans.inverse, p1, p2, "prp-inv1", (p1, V.INVERSE, p2))
        plans.imply(plans.inverse, p2, p1, "prp-inv2", (p1, V.INVERSE, p2))
    for p in schema.subjects_of_type(V.SYMMETRIC):
        plans.imply(plans.inverse, p, p, "prp-symp", (p, TYPE, V.SYMMETRIC))
    for axiom, table, rule, derived_by in ((V.DOMAIN, plans.domains, "prp-dom", ("scm-dom1", "scm-dom2")),
                                           (V.RANGE, plans.ranges, "prp-rng", ("scm-rng1", "scm-rng2"))):
        for p, c in schema.pairs(axiom):
            if plans.essential((p, axiom, c), derived_by):
                plans.imply(table, p, c, rule, (p, axiom, c))
    for p, head in schema.pairs(V.CHAIN):
        chain = schema.items(head)
        if not chain:
            continue
        axiom = (p, V.CHAIN, head)
        if len(chain) == 1:
            plans.imply(plans.implied, chain[0], p, "prp-spo2", axiom)
            continue
        for position, link in enumerate(chain):
            plans.join(link, Chain(p, tuple(chain), position, axiom))
    for kind, record in ((V.TRANSITIVE, Transitive), (V.FUNCTIONAL, Functional), (V.INVERSE_FUNCTIONAL, InverseFunctional),
                         (V.IRREFLEXIVE, Irreflexive), (V.ASYMMETRIC, Asymmetric)):
        for p in schema.subjects_of_type(kind):
            plans.join(p, record((p, TYPE, kind)))
    for p1, p2 in schema.pairs(V.PDW):
        plans.join(p1, DisjointProperty(p2, "prp-pdw", ((p1, V.PDW, p2),)))
        plans.join(p2, DisjointProperty(p1, "prp-pdw", ((p1, V.PDW, p2),)))
    for _x, _predicate, members, axioms in schema.member_lists(V.ALL_DISJOINT_PROPERTIES, V.MEMBERS):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                plans.join(a, DisjointProperty(b, "prp-adp", axioms))
                plans.join(b, DisjointProperty(a, "prp-adp", axioms))


def compile_restrictions(schema, plans: Plans) -> None:
    """cls-svf1/2, cls-hv1/2, cls-avf: someValuesFrom, hasValue and allValuesFrom restrictions."""
    on_property = schema.grouped(V.ON_PROPERTY)
    for x, y in schema.pairs(V.SVF):
        for p in on_property.get(x, ()):
            axioms = ((x, V.SVF, y), (x, V.ON_PROPERTY, p))
            if y == V.THING:
                plans.join(p, SomeValuesFromThing(x, axioms))
            else:
                plans.join(p, SomeValuesFrom(x, y, axioms))
                plans.member(y, SomeValuesFiller(x, p, axioms))
    for x, y in schema.pairs(V.HAS_VALUE):
        for p in on_property.get(x, ()):
            axioms = ((x, V.HAS_VALUE, y), (x, V.ON_PROPERTY, p))
            plans.member(x, HasValueFill(p, y, axioms))
            plans.join(p, HasValue(x, y, axioms))
    for x, y in schema.pairs(V.AVF):
        for p in on_property.get(x, ()):
            axioms = ((x, V.AVF, y), (x, V.ON_PROPERTY, p))
            plans.member(x, AllValuesFill(p, y, axioms))
            plans.join(p, AllValuesFrom(x, y, axioms))


def compile_cardinalities(schema, plans: Plans) -> None:
    """cls-maxc1/2, cls-maxqc1-4: max (qualified) cardinality 0 or 1."""
    on_property, on_class = schema.grouped(V.ON_PROPERTY), schema.grouped(V.ON_CLASS)
    for cardinality, qualified in ((V.MAX_CARDINALITY, False), (V.MAX_QC, True)):
        for x, n in schema.pairs(cardinality):
            value = schema.integer(n)
            if value not in (0, 1):
                continue
            for p in on_property.get(x, ()):
                for c in on_class.get(x, ()) if qualified else [None]:
                    axioms = [(x, cardinality, n), (x, V.ON_PROPERTY, p)]
                    if qualified:
                        axioms.append((x, V.ON_CLASS, c))
                        if c == V.THING:
                            c = None
                        rule = ("cls-maxqc2", "cls-maxqc4")[value] if c is None else ("cls-maxqc1", "cls-maxqc3")[value]
                    else:
                        rule = ("cls-maxc1", "cls-maxc2")[value]
                    record = MaxCardinality(x, p, value, c, rule, tuple(axioms))
                    plans.member(x, record)
                    plans.join(p, record)
                    if c is not None:
                        plans.member(c, QualifyingClass(record))


def compile_keys(schema, plans: Plans) -> None:
    """prp-key: each key is numbered, for the engine's index of key values."""
    number = 0
    for c, head in schema.pairs(V.HAS_KEY):
        props = schema.items(head)
        if props is None:
            continue
        key = Key(number, c, tuple(props), (c, V.HAS_KEY, head))
        number += 1
        plans.member(c, key)
        for p in set(props):
            plans.join(p, key)


def compile_negative_assertions(schema, plans: Plans) -> dict[int, dict]:
    """prp-npa1/2 as joins; AllDifferent (eq-diff2/3) as the pairs that must differ: ``{a: {b: (rule, axioms)}}``."""
    sources = dict(schema.pairs(V.SOURCE))
    properties = dict(schema.pairs(V.ASSERTION_PROPERTY))
    for predicate, rule in ((V.TARGET_INDIVIDUAL, "prp-npa1"), (V.TARGET_VALUE, "prp-npa2")):
        for x, target in schema.pairs(predicate):
            if x in sources and x in properties:
                i, p = sources[x], properties[x]
                plans.join(p, NegativeAssertion(i, target, rule, ((x, V.SOURCE, i), (x, V.ASSERTION_PROPERTY, p), (x, predicate, target))))
    must_differ: dict[int, dict] = {}
    rules = {V.MEMBERS: "eq-diff2", V.DISTINCT_MEMBERS: "eq-diff3"}
    for _x, predicate, individuals, axioms in schema.member_lists(V.ALL_DIFFERENT, *rules):
        for i, a in enumerate(individuals):
            for b in individuals[i + 1:]:
                if a != b:
                    must_differ.setdefault(int(a), {})[int(b)] = (rules[predicate], plain(axioms))
                    must_differ.setdefault(int(b), {})[int(a)] = (rules[predicate], plain(axioms))
    return must_differ


def compile_value_spaces(plans: Plans) -> None:
    """dt-not-type for every OWL 2 RL datatype a literal may be given."""
    for datatype in DATATYPE_IRI:
        plans.member(datatype, ValueSpace(datatype))


def enumerations(schema) -> list[tuple[Triple, tuple]]:
    """cls-oo: each member of an enumeration is in the class (a triple to derive, and its premises)."""
    return [plain(((individual, TYPE, c), ((c, V.ONE_OF, head), *schema.list_facts(head))))
            for c, head in schema.pairs(V.ONE_OF) for individual in schema.items(head) or ()]


COMPILERS = (compile_class_axioms, compile_property_axioms, compile_restrictions, compile_cardinalities, compile_keys)
