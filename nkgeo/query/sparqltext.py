"""Reading SPARQL text without a parser: tokens, the query form, and safely bound parameters.

The server must know, before it runs a request, whether the text is an update (refused), what its
form is (SELECT/ASK give result tables, CONSTRUCT/DESCRIBE give graphs: content negotiation
depends on it), whether it calls ``SERVICE`` (refused unless allowed) and whether it names its own
dataset with ``FROM``. The client of a remote endpoint must bind canned-query parameters without
pyoxigraph, by adding a ``VALUES`` block. A small tokenizer answers all of these exactly: it skips
comments, string literals and IRIs, so a bare word is always a keyword of the grammar (prefixed
names, variables and blank nodes are other tokens), and ``SERVICE`` inside a string, an IRI, a
comment or a name such as ``ex:SERVICE`` is never mistaken for the keyword.

Pure Python, no dependency: ``nkgeo/remote.py`` uses it without the ``serve`` extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nkgeo.errors import QueryError

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})

# One alternative per token kind; the first that matches at the position wins.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<bnode>_:[\w.\-]+)
  | (?P<name>(?:[^\W\d][\w\-.]*)?:(?:[\w\-.:%\\]|%[0-9A-Fa-f]{2})*|[^\W\d][\w\-]*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<punct>\^\^|<<|>>|<=|>=|!=|&&|\|\||.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str  # ws, comment, string, iri, var, bnode, name, number, punct
    text: str
    start: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword when the token is a bare word (no colon), else None."""
        return self.text.upper() if self.kind == "name" and ":" not in self.text else None


def tokens(text: str, skip_space: bool = True) -> list[Token]:
    """The tokens of ``text``; an unterminated string or IRI becomes punctuation, never an error."""
    found = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        kind = match.lastgroup
        if not (skip_space and kind in ("ws", "comment")):
            found.append(Token(kind, match.group(), position))
        position = match.end()
    return found


def keywords(text: str) -> list[str]:
    return [t.keyword for t in tokens(text) if t.keyword]


def _body(toks: list[Token]) -> list[Token]:
    """The tokens after the prologue (BASE <iri> and PREFIX name: <iri> declarations)."""
    index = 0
    while index < len(toks):
        word = toks[index].keyword
        if word == "BASE":
            index += 2
        elif word == "PREFIX":
            index += 3
        else:
            break
    return toks[index:]


def operation(text: str) -> str | None:
    """The first keyword after the prologue: SELECT, ASK, CONSTRUCT, DESCRIBE, an update
    keyword such as INSERT or CLEAR, or None when there is none."""
    for token in _body(tokens(text)):
        if token.keyword:
            return token.keyword
        return None
    return None


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update request (its first operation is an update keyword)."""
    return operation(text) in UPDATE_KEYWORDS


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, or None when the text starts with none of them."""
    form = operation(text)
    return form if form in QUERY_FORMS else None


def decode_codepoints(text: str) -> str:
    """The text with ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes decoded, as a SPARQL pre-parser may do."""

    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()

    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", char, text)


def star_order(text: str) -> list[str] | None:
    """For ``SELECT *`` (or ``SELECT DISTINCT *``...), the variables in order of first appearance,
    the order a reader expects (engines may list them in any order); None for other queries."""
    body = _body(tokens(text))
    if not body or body[0].keyword != "SELECT":
        return None
    index = 1
    while index < len(body) and body[index].keyword in ("DISTINCT", "REDUCED"):
        index += 1
    if index >= len(body) or body[index].text != "*":
        return None
    order: list[str] = []
    for token in body:
        if token.kind == "var" and token.text[1:] not in order:
            order.append(token.text[1:])
    return order


def uses_service(text: str) -> bool:
    """True when the query calls a remote endpoint (the keyword SERVICE anywhere), read both as
    written and with code-point escapes decoded, so an escaped keyword is caught too."""
    return "SERVICE" in keywords(text) or ("\\" in text and "SERVICE" in keywords(decode_codepoints(text)))


def has_dataset_clause(text: str) -> bool:
    """True when the query names its own dataset (FROM or FROM NAMED)."""
    return "FROM" in keywords(text)


def declared_prefixes(text: str) -> dict[str, str]:
    """The PREFIX declarations of the prologue, name -> IRI."""
    toks = tokens(text)
    declared = {}
    for index, token in enumerate(toks):
        if token.keyword == "PREFIX" and index + 2 < len(toks) and toks[index + 2].kind == "iri":
            declared[toks[index + 1].text.rstrip(":")] = toks[index + 2].text[1:-1]
    return declared


def with_prefixes(text: str, prefixes: dict[str, str]) -> str:
    """The query with PREFIX lines for the known prefixes it uses but does not declare
    (for endpoints that, unlike nkgeo's own query path, know none of them)."""
    declared = declared_prefixes(text)
    used = {t.text.split(":", 1)[0] for t in tokens(text) if t.kind == "name" and ":" in t.text}
    missing = [name for name in prefixes if name in used and name not in declared]
    return "".join(f"PREFIX {name}: <{prefixes[name]}>\n" for name in missing) + text


# --- terms -----------------------------------------------------------------------------------

_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_LANG = re.compile(r"^[A-Za-z]+(-[A-Za-z0-9]+)*$")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def sparql_iri(iri: str) -> str:
    if _IRI_FORBIDDEN.search(iri):
        raise QueryError(f"cannot write {iri!r} as a SPARQL IRI: it holds a character IRIs may not have")
    return f"<{iri}>"


def sparql_string(value: str) -> str:
    """A string as a SPARQL literal that reads back as the same string, whether or not the
    endpoint decodes ``\\u`` escapes before parsing (SPARQL 1.1 section 19.2 allows both).

    Quotes, backslashes and line breaks get string escapes; a ``u`` or ``U`` right after a
    backslash is itself written as a code-point escape, so the output never holds the two
    characters ``\\u`` that a pre-parser would decode.
    """
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
    out = []
    previous = ""
    for char in value:
        if previous == "\\" and char in "uU":
            out.append("\\u0075" if char == "u" else "\\u0055")
        elif char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
        previous = char
    return '"' + "".join(out) + '"'


def sparql_term(term) -> str:
    """A pyoxigraph term (NamedNode, Literal) in SPARQL syntax, escaped; blank nodes are refused
    (they cannot be named in another store)."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return sparql_iri(term.value)
    if kind == "Literal":
        text = sparql_string(term.value)
        if term.language:
            if not _LANG.match(term.language):
                raise QueryError(f"cannot write language tag {term.language!r}")
            return f"{text}@{term.language}"
        datatype = term.datatype.value
        if datatype in (XSD_STRING, RDF_LANG_STRING):
            return text
        return f"{text}^^{sparql_iri(datatype)}"
    raise QueryError(f"cannot bind a {kind} to a query parameter of a remote endpoint")


def values_block(bindings: dict) -> str:
    """``VALUES (?a ?b) { (term term) }`` for one row of bindings (variable name -> term)."""
    names = sorted(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    variables = " ".join(f"?{name}" for name in names)
    row = " ".join(sparql_term(bindings[name]) for name in names)
    return f"VALUES ({variables}) {{ ({row}) }}"


def inject_values(text: str, bindings: dict) -> str:
    """The query with its parameters bound by a VALUES block at the start of its WHERE group.

    A VALUES block first in the group binds the variables before the rest of the group is
    evaluated, as pyoxigraph's substitutions do locally (SEP-0007), so a canned query gives the
    same answer on a remote endpoint. Where the WHERE group cannot be found (a ``CONSTRUCT WHERE``
    short form), the block is added as the query's trailing VALUES clause instead.
    """
    if not bindings:
        return text
    block = values_block(bindings)
    toks = tokens(text)
    body = _body(toks)
    form = body[0].keyword if body else None
    if form not in QUERY_FORMS:
        raise QueryError("cannot bind parameters: the text is not a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    brace = paren = 0
    where_seen = False
    skipped_template = form != "CONSTRUCT"
    for index, token in enumerate(body):
        if token.kind == "punct" and token.text == "(":
            paren += 1
        elif token.kind == "punct" and token.text == ")":
            paren -= 1
        elif token.keyword == "WHERE" and brace == 0 and paren == 0:
            where_seen = True
            following = body[index + 1] if index + 1 < len(body) else None
            if form == "CONSTRUCT" and not skipped_template and following is not None and following.text == "{":
                break  # CONSTRUCT WHERE { triples }: no group to put VALUES in
        elif token.kind == "punct" and token.text == "{":
            if brace == 0 and paren == 0 and (where_seen or skipped_template):
                position = token.start + 1
                return text[:position] + " " + block + "\n" + text[position:]
            brace += 1
        elif token.kind == "punct" and token.text == "}":
            brace -= 1
            if brace == 0 and not skipped_template:
                skipped_template = True
    return text.rstrip() + "\n" + block + "\n"
