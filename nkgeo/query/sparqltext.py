"""Reading SPARQL text without a parser: tokens, what the text is, and safely bound parameters.

Before a query reaches pyoxigraph, the CLI and the server must know whether the text is an update
(refused: the graph is read-only), what its form is (SELECT/ASK give result tables,
CONSTRUCT/DESCRIBE give graphs: content negotiation depends on it), whether it calls ``SERVICE``
(refused unless allowed), whether it names its own dataset with ``FROM``, and how deep its brackets
nest (pyoxigraph's parser recurses, and about 2,200 groups deep it overflows the stack and kills
the process). :func:`analyse` answers all of these from one pass of a small tokenizer. It skips
comments, string literals and IRIs, so a bare word is always a keyword of the grammar (prefixed
names, variables and blank nodes are other tokens), and ``SERVICE`` inside a string, an IRI, a
comment or a name such as ``ex:SERVICE`` is never mistaken for the keyword.

The tokenizer takes linear time: no alternative of its pattern can fail after a long scan, a run of
dotted words (``a.b.c``, which might have been the prefix of ``a.b.c:d``) is scanned once, and an
unterminated string runs to the end of its line (pyoxigraph refuses such a text anyway). A text in
disguise (code-point escapes, invisible or full-width characters) is read a second time as a person
reads it, so that an update or a ``SERVICE`` call cannot hide behind them.

Pure Python, no dependency: the CLI, the server and ``query/remote.py`` share it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from nkgeo.errors import QueryError

UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})
# How deep brackets, braces, parentheses and quoted triples may nest: far beyond any real query, far
# below the ~2,200 levels at which pyoxigraph's recursive parser overflows the stack.
MAX_DEPTH = 200
OPENERS = frozenset({"{", "(", "[", "<<"})
CLOSERS = frozenset({"}", ")", "]", ">>"})
# Characters a person does not see: format characters such as the zero-width space and the
# byte-order mark. The tokenizer takes them for white space; undisguised() removes them.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"

# One alternative per token kind. Where two can match at a position the first wins: bnode before
# name (``_:b``), iri before punct (``<``), var before punct (``?``), string before unterminated;
# elsewhere their first characters differ, and the frequent kinds come first (brackets, a run of
# which is the deepest query, are five times faster so). Repetitions are possessive (``*+``: no
# backtracking) and a string that does not end is a token of its own, so a failed alternative has
# looked at a few characters only. NAME is filled in twice, see _patterns(). A "bracket" is
# punctuation of one character that starts no other token; it is given as punct.
_PATTERN = r"""
    (?P<bracket>[{}()\[\];,*])
  | (?P<ws>[\s INVISIBLE]++)
  | (?P<bnode>_:[\w.\-]++)
  | (?P<name>NAME)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]++)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*+>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*+'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*+\"\"\"|'(?:[^'\\\n\r]|\\.)*+'|"(?:[^"\\\n\r]|\\.)*+")
  | (?P<unterminated>'''(?:[^\\]|\\.)*+|\"\"\"(?:[^\\]|\\.)*+|'(?:[^\\\n\r]|\\.)*+|"(?:[^\\\n\r]|\\.)*+)
  | (?P<comment>\#[^\n\r]*+)
  | (?P<number>[+-]?(?:\d++\.?\d*+(?:[eE][+-]?\d++)?|\.\d++(?:[eE][+-]?\d++)?))
  | (?P<punct>\^\^|<<|>>|<=|>=|!=|&&|\|\||.)
""".replace(" INVISIBLE", _INVISIBLE)
# A name is a bare word (a keyword, or ``a``) or a prefixed name ``prefix:local``: the prefix may
# hold dots, the local part colons, dots, ``%`` escapes and backslashes. A run of word characters
# and dots with no colon after it is tokenised again by the plain pattern, whose names are bare words.
_NAME = r"[^\W\d][\w\-.]*+(?::[\w\-.:%\\]*+)?|:[\w\-.:%\\]*+"
_BARE_WORD = r"[^\W\d][\w\-]*+"


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """The token pattern and the plain one, compiled on first use (it takes longer than the CLI's start)."""
    return (re.compile(_PATTERN.replace("NAME", _NAME), re.VERBOSE | re.DOTALL),
            re.compile(_PATTERN.replace("NAME", _BARE_WORD), re.VERBOSE | re.DOTALL))


class Token(NamedTuple):
    """One token. A tuple: a megabyte of text may hold a million tokens."""

    kind: str  # ws, comment, string, unterminated, iri, var, bnode, name, number or punct
    text: str
    start: int

    @property
    def keyword(self) -> str | None:
        """The upper-cased keyword when the token is a bare word (no colon), else None."""
        return self.text.upper() if self.kind == "name" and ":" not in self.text else None


_new_token = tuple.__new__  # Token(kind, text, start) without the Python-level __new__: a third faster


def iter_tokens(text: str, skip_space: bool = True) -> Iterator[Token]:
    """The tokens of ``text``, one at a time, in one linear pass; malformed text gives tokens too,
    never an error."""
    token, plain = _patterns()
    skipped = ("ws", "comment") if skip_space else ()
    for match in token.finditer(text):
        kind, value = match.lastgroup, match.group()
        if kind in skipped:
            continue
        if kind == "name" and "." in value and ":" not in value:  # dotted bare words: a.b.c is a . b . c
            for part in plain.finditer(text, match.start(), match.end()):
                yield _new_token(Token, (part.lastgroup, part.group(), part.start()))
        else:
            yield _new_token(Token, ("punct" if kind == "bracket" else kind, value, match.start()))


def tokens(text: str, skip_space: bool = True) -> list[Token]:
    return list(iter_tokens(text, skip_space))


def keywords(text: str) -> list[str]:
    return [t.keyword for t in tokens(text) if t.keyword]


def decode_codepoints(text: str) -> str:
    """The text with ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes decoded, as a SPARQL pre-parser may do."""

    def char(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()

    return re.sub(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", char, text)


def undisguised(text: str) -> str:
    """The text as a person reads it: code-point escapes decoded, invisible characters removed,
    compatibility forms (full-width letters...) normalised (NFKC). ASCII without escapes is itself."""
    if text.isascii() and "\\" not in text:
        return text
    return unicodedata.normalize("NFKC", re.sub(f"[{_INVISIBLE}]", "", decode_codepoints(text)))


def _body(toks: list[Token]) -> list[Token]:
    """The tokens from the first query form or update keyword on. The prologue (``BASE``,
    ``PREFIX``, their IRIs and names, glued to the keyword or not) holds no such word."""
    for index, token in enumerate(toks):
        if token.keyword in QUERY_FORMS or token.keyword in UPDATE_KEYWORDS:
            return toks[index:]
    return []


class _Scan(NamedTuple):
    """What one pass over the tokens finds; the tokens themselves are not kept (a megabyte of
    text may hold a million of them)."""

    operation: str | None  # the first query form or update keyword
    depth: int  # how deep brackets, braces, parentheses and quoted triples nest
    words: set[str]  # which of SERVICE and FROM occur
    star_order: list[str] | None  # for SELECT *, the variables in order of first appearance


def _scan(toks) -> _Scan:
    """One pass over the tokens. The prologue (``BASE``, ``PREFIX``, their IRIs and names, glued to
    the keyword or not) holds no query form or update keyword, so the first one is the operation.
    Stray closing brackets do not let a query nest deeper unseen."""
    operation, depth, deepest, words, star, variables = None, 0, 0, set(), None, {}
    for kind, value, _start in toks:
        if kind == "punct":
            if value in OPENERS:
                depth += 1
                if depth > deepest:
                    deepest = depth
            elif value in CLOSERS and depth:
                depth -= 1
        elif kind == "var":
            variables.setdefault(value[1:], None)
        elif kind == "name" and ":" not in value:
            word = value.upper()
            if operation is None and (word in QUERY_FORMS or word in UPDATE_KEYWORDS):
                operation = word
                continue
            if word in ("SERVICE", "FROM"):
                words.add(word)
        if star is None and operation == "SELECT" and not (kind == "name" and value.upper() in ("DISTINCT", "REDUCED")):
            star = value == "*"  # the first token after SELECT [DISTINCT|REDUCED]
    return _Scan(operation, deepest, words, list(variables) if star else None)


class QueryText(NamedTuple):
    """What one SPARQL text is, from one pass of the tokenizer (a second one when it is in disguise).

    Everything is worked out by :func:`analyse`, so that a server can do it in a thread and read
    the answers anywhere at no cost. (A NamedTuple, not a dataclass: ``nkgeo query`` imports this
    module, and dataclasses would bring ``inspect``.)
    """

    text: str
    operation: str | None  # SELECT, CONSTRUCT, ASK, DESCRIBE, an update keyword such as INSERT, or None
    update_keyword: str | None  # the update keyword it starts with, as written or as a person reads it
    depth: int  # how deep its brackets, braces, parentheses and quoted triples nest
    uses_service: bool  # the keyword SERVICE anywhere, as written or as a person reads it
    has_dataset_clause: bool  # FROM or FROM NAMED: the query names its own dataset
    star_order: list[str] | None  # for SELECT *, the variables in order of first appearance

    @property
    def is_update(self) -> bool:
        return self.update_keyword is not None

    @property
    def form(self) -> str | None:
        """SELECT, ASK, CONSTRUCT or DESCRIBE, or None when the text is none of them."""
        return self.operation if self.operation in QUERY_FORMS and not self.is_update else None

    @property
    def is_graph_form(self) -> bool:
        """CONSTRUCT and DESCRIBE answer graphs; SELECT and ASK answer result tables."""
        return self.form in GRAPH_FORMS

    def check_depth(self, limit: int = MAX_DEPTH) -> None:
        """Refuse, before any parser sees it, a text whose brackets nest deeper than ``limit``."""
        if self.depth > limit:
            raise QueryError(f"the query nests brackets {self.depth} deep, more than the limit of {limit} (--max-depth)")


def may_nest_deeper(text: str, limit: int = MAX_DEPTH) -> bool:
    """False when ``text`` cannot nest deeper than ``limit``: it has no more opening brackets than
    that. A bound at the cost of a few ``str.count``, for the fast path of ``nkgeo query``."""
    return sum(text.count(opener) for opener in OPENERS) > limit  # str.count sees every opener the tokenizer sees


def analyse(text: str) -> QueryText:
    """Tokenise ``text`` once (twice when it is in disguise) and say what it is, in one pass."""
    found = _scan(iter_tokens(text))
    update = found.operation if found.operation in UPDATE_KEYWORDS else None
    service = "SERVICE" in found.words
    plain = undisguised(text)
    if plain != text:  # read as a person reads it, for an update or a SERVICE call in disguise
        seen = _scan(iter_tokens(plain))
        update = update or (seen.operation if seen.operation in UPDATE_KEYWORDS else None)
        service = service or "SERVICE" in seen.words
    return QueryText(text, found.operation, update, found.depth, service, "FROM" in found.words, found.star_order)


def operation(text: str) -> str | None:
    return analyse(text).operation


def is_update(text: str) -> bool:
    return analyse(text).is_update


def query_form(text: str) -> str | None:
    return analyse(text).form


def star_order(text: str) -> list[str] | None:
    return analyse(text).star_order


def uses_service(text: str) -> bool:
    return analyse(text).uses_service


def has_dataset_clause(text: str) -> bool:
    return analyse(text).has_dataset_clause


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
