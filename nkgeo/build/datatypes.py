"""The datatypes of OWL 2 RL: lexical spaces, values, which contain which, which are disjoint.

The engine (:mod:`nkgeo.build.engine`) reads literals through these: ``well_typed`` for
``dt-not-type`` on a literal's own datatype, ``literal_value`` for ``dt-eq``/``dt-diff`` (equal
values, whatever the lexical form) and ``in_value_space`` for ``dt-not-type`` on a literal given
another datatype (by a range, say); ``DATATYPES_ABOVE`` for ``dt-type2``, and the subsumptions and
disjointness for the axioms ``dt-sub`` and ``dt-dw``.
"""

from __future__ import annotations

import re

from nkgeo import namespaces as ns

_INT = r"[+-]?[0-9]+"
_DECIMAL = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"
_FLOAT = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN"
_DATETIME = r"-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
_ZONE = r"(Z|[+-][0-9]{2}:[0-9]{2})"
_NAME = r"[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*"
_NCNAME = r"[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\-\u00B7\u00C0-\uFFFF]*"
INTEGER_BOUNDS = {
    "integer": (None, None), "nonNegativeInteger": (0, None), "positiveInteger": (1, None), "nonPositiveInteger": (None, 0),
    "negativeInteger": (None, -1), "long": (-(2**63), 2**63 - 1), "int": (-(2**31), 2**31 - 1), "short": (-(2**15), 2**15 - 1),
    "byte": (-128, 127), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1), "unsignedShort": (0, 65535),
    "unsignedByte": (0, 255),
}
LEXICAL_SPACES = {
    **{ns.XSD_NS + name: _INT for name in INTEGER_BOUNDS},
    ns.XSD.decimal: _DECIMAL, ns.XSD.float: _FLOAT, ns.XSD.double: _FLOAT, ns.XSD.boolean: r"true|false|1|0",
    ns.XSD.dateTime: _DATETIME + _ZONE + "?", ns.XSD.dateTimeStamp: _DATETIME + _ZONE,
    ns.XSD.hexBinary: r"([0-9a-fA-F]{2})*",
    ns.XSD.base64Binary: r"(([A-Za-z0-9+/] ?){4})*(([A-Za-z0-9+/] ?){2}([AEIMQUYcgkosw048] ?)=|[A-Za-z0-9+/] ?[AQgw] ?= ?=)?",
    ns.XSD.string: r"[^\x00]*", ns.XSD.normalizedString: r"[^\r\n\t]*", ns.XSD.token: r"([^\s]+( [^\s]+)*)?",
    ns.XSD.language: r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", ns.XSD.Name: _NAME, ns.XSD.NCName: _NCNAME,
    ns.XSD.NMTOKEN: r"[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]+", ns.XSD.anyURI: r"[^\s]*",
    ns.RDF.PlainLiteral: r"(?s).*@([a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*)?", ns.RDF.XMLLiteral: r"(?s).*", ns.RDFS.Literal: r"(?s).*",
}
RL_DATATYPES = tuple(LEXICAL_SPACES)
_SUPER = {
    "integer": ["decimal"], "nonNegativeInteger": ["integer"], "positiveInteger": ["nonNegativeInteger"],
    "nonPositiveInteger": ["integer"], "negativeInteger": ["nonPositiveInteger"], "long": ["integer"], "int": ["long"],
    "short": ["int"], "byte": ["short"], "unsignedLong": ["nonNegativeInteger"], "unsignedInt": ["unsignedLong"],
    "unsignedShort": ["unsignedInt"], "unsignedByte": ["unsignedShort"], "dateTimeStamp": ["dateTime"],
    "normalizedString": ["string"], "token": ["normalizedString"], "language": ["token"], "Name": ["token"],
    "NCName": ["Name"], "NMTOKEN": ["token"],
}
DATATYPE_SUBSUMPTIONS = [(ns.XSD_NS + a, ns.XSD_NS + b) for a, supers in _SUPER.items() for b in supers]
DATATYPE_SUBSUMPTIONS += [(dt, ns.RDFS.Literal) for dt in LEXICAL_SPACES if dt != ns.RDFS.Literal]
_TOP = [ns.XSD_NS + n for n in ("anyURI", "base64Binary", "boolean", "dateTime", "decimal", "double", "float", "hexBinary", "string")]
DATATYPE_DISJOINTNESS = [(a, b) for i, a in enumerate(_TOP) for b in _TOP[i + 1:]]


_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


def _in_bounds(name: str, pattern: re.Pattern):
    low, high = INTEGER_BOUNDS[name]

    def check(lexical: str) -> bool:
        if pattern.fullmatch(lexical) is None:
            return False
        value = int(lexical)
        return (low is None or value >= low) and (high is None or value <= high)

    return check


def _in_range(name: str, pattern: re.Pattern):
    largest, smallest = (3.4028235e38, 1.4e-45) if name == "float" else (1.7976931348623157e308, 4.9e-324)

    def check(lexical: str) -> bool:
        if pattern.fullmatch(lexical) is None:
            return False
        if lexical.lstrip("+-") in ("INF", "NaN"):
            return True
        value, mantissa = abs(float(lexical)), re.split("[eE]", lexical)[0]
        # out of range: an overflow, or a non-zero number that rounds to zero
        return not (value > largest or (value < smallest and any(d in "123456789" for d in mantissa)))

    return check


def _any_uri(lexical: str) -> bool:
    if re.fullmatch(LEXICAL_SPACES[ns.XSD.anyURI], lexical) is None:
        return False
    head = re.split("[/?#]", lexical, maxsplit=1)[0]
    return ":" not in head or re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:.*", head) is not None


def _xml(lexical: str) -> bool:
    import xml.dom.minidom

    try:
        xml.dom.minidom.parseString(f"<x>{lexical}</x>")
    except Exception:  # expat's errors are of several kinds
        return False
    return True


def _plain_literal(lexical: str) -> bool:
    _text, at, language = lexical.rpartition("@")
    return at == "@" and (not language or _LANGUAGE.fullmatch(language) is not None)


def _checks() -> dict:
    """For each datatype, the test of a lexical form (a literal is checked once; most are strings)."""
    found = {}
    for datatype, pattern in LEXICAL_SPACES.items():
        compiled = re.compile(pattern)
        name = datatype[len(ns.XSD_NS):] if datatype.startswith(ns.XSD_NS) else ""
        if name in INTEGER_BOUNDS:
            found[datatype] = _in_bounds(name, compiled)
        elif name in ("float", "double"):
            found[datatype] = _in_range(name, compiled)
        else:
            found[datatype] = lambda lexical, match=compiled.fullmatch: match(lexical) is not None
    found[ns.XSD.string] = lambda lexical: "\x00" not in lexical  # as its pattern, without matching the whole text
    found[ns.RDF.PlainLiteral] = _plain_literal
    found[ns.XSD.anyURI] = _any_uri
    found[ns.RDF.XMLLiteral] = _xml
    return found


_CHECKS = _checks()


def well_typed(lexical: str, datatype: str) -> bool:
    """Whether ``lexical`` is in the lexical space of ``datatype`` (an OWL 2 RL datatype), within its bounds."""
    check = _CHECKS.get(datatype)
    return check is None or check(lexical)


def literal_value(lexical: str, datatype: str) -> tuple | None:
    """A key equal for two literals exactly when their data values are equal, None when the literal
    is ill-typed (it has no value): the value spaces of OWL 2 RL, with integers inside the decimals
    and the string types inside the plain literals. ``datatype`` is one of ``RL_DATATYPES``."""
    from decimal import Decimal, InvalidOperation

    name = datatype[len(ns.XSD_NS):] if datatype.startswith(ns.XSD_NS) else datatype
    if not well_typed(lexical, datatype):
        return None
    try:
        if name in INTEGER_BOUNDS or name == "decimal":
            return ("decimal", Decimal(lexical).normalize())
        if name in ("float", "double"):
            value = float(lexical.replace("INF", "inf"))
            return (name, "NaN") if value != value else (name, value)  # NaN: equal to nothing but itself
        if name == "boolean":
            return ("boolean", lexical in ("true", "1"))
        if name in ("string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN"):
            return ("text", lexical, "")
        if datatype == ns.RDF.PlainLiteral:
            text, _, language = lexical.rpartition("@")
            return ("text", text, language.lower())
        if name in ("dateTime", "dateTimeStamp"):
            from datetime import UTC, datetime

            moment = datetime.fromisoformat(lexical.replace("Z", "+00:00"))
            return ("dateTime", moment.astimezone(UTC) if moment.tzinfo else moment, moment.tzinfo is None)
        if name == "hexBinary":
            return ("hexBinary", bytes.fromhex(lexical))
        if name == "base64Binary":
            import base64

            return ("base64Binary", base64.b64decode(lexical.replace(" ", "")))
    except (ValueError, InvalidOperation):
        return None
    return (name, lexical)


def _above(datatype: str) -> tuple[str, ...]:
    """``datatype`` and every datatype whose value space contains its own (rdfs:Literal last)."""
    if datatype == ns.RDFS.Literal:
        return (datatype,)
    found, todo = [datatype], [datatype]
    while todo:
        name = todo.pop()
        for parent in _SUPER.get(name[len(ns.XSD_NS):] if name.startswith(ns.XSD_NS) else "", ()):
            if ns.XSD_NS + parent not in found:
                found.append(ns.XSD_NS + parent)
                todo.append(ns.XSD_NS + parent)
    return (*found, ns.RDFS.Literal)


DATATYPES_ABOVE = {datatype: _above(datatype) for datatype in RL_DATATYPES}
# What kind of value (the first member of literal_value's key) each datatype's value space holds.
_VALUE_KIND = {
    **{ns.XSD_NS + name: "decimal" for name in (*INTEGER_BOUNDS, "decimal")},
    ns.XSD.float: "float", ns.XSD.double: "double", ns.XSD.boolean: "boolean", ns.XSD.dateTime: "dateTime",
    ns.XSD.dateTimeStamp: "dateTime", ns.XSD.hexBinary: "hexBinary", ns.XSD.base64Binary: "base64Binary",
    ns.XSD.anyURI: "anyURI", ns.RDF.XMLLiteral: ns.RDF.XMLLiteral, ns.RDF.PlainLiteral: "text",
    **{ns.XSD_NS + name: "text" for name in ("string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN")},
}


def in_value_space(value: tuple, datatype: str) -> bool:
    """Whether a literal's value (``literal_value``) is in the value space of ``datatype`` (one of ``RL_DATATYPES``)."""
    if datatype == ns.RDFS.Literal:
        return True
    if value[0] != _VALUE_KIND[datatype]:
        return False
    name = datatype[len(ns.XSD_NS):] if datatype.startswith(ns.XSD_NS) else ""
    if name in INTEGER_BOUNDS:
        number = value[1]
        if number != number.to_integral_value():
            return False
        low, high = INTEGER_BOUNDS[name]
        return (low is None or number >= low) and (high is None or number <= high)
    if value[0] == "text" and datatype != ns.RDF.PlainLiteral:  # the string types: a string without a language tag, of their lexical space
        return value[2] == "" and re.fullmatch(LEXICAL_SPACES[datatype], value[1]) is not None
    if name == "dateTimeStamp":
        return not value[2]  # a time zone
    return True
