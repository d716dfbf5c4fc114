"""Hostile input to the CLI gets one line and a non-zero exit, never a traceback (issue 12, rows 5 and 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["why", "hamhung", "<a b>", "x"], None, "Error: '<a b>' is not an IRI (an absolute IRI has a scheme, and no spaces, quotes or angle brackets)\n"),
    (["show", "<http://example.org/a\"b>"], None, "Error: '<http://example.org/a\"b>' is not an IRI"),
    (["query", "cities-with-industry", "-p", "industry", "<%zz>"], None, "Error: '<%zz>' is not an IRI"),
    (["sparql", "-"], b"\xff\xfeASK {}", "Error: cannot read the query from stdin: 'utf-8' codec can't decode byte 0xff in position 0"),
    (["sparql", "-f", "-"], b"ASK {} # \xe9", "Error: cannot read the query from stdin: 'utf-8' codec can't decode byte 0xe9 in position 9"),
])
def test_one_line_for_bad_input(invoke, compiled, args, stdin, message):
    result = invoke(*args, input=stdin)
    assert result.exit_code == 1
    assert result.output.startswith(message)
    assert result.output.count("\n") == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_rdflib_warnings_are_one_line(invoke, tmp_path):
    """Row 15: rdflib logs a traceback for an ill-typed literal; the user sees one line per literal."""
    literal = '<typedLiteral datatype="http://www.w3.org/2001/XMLSchema#integer">{}</typedLiteral>'
    triples = "".join(f"<triple><uri>http://example.org/s</uri><uri>http://example.org/p</uri>{literal.format(word)}</triple>"
                      for word in ("one", "two"))
    path = tmp_path / "ill-typed.trix"
    path.write_text(f'<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><uri>http://example.org/g</uri>{triples}</graph></TriX>',
                    encoding="utf-8")
    result = invoke("serve", str(path), "--get", "/sparql?query=ASK%7B%7D")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"warning: rdflib: Failed to convert Literal lexical form to value. Datatype=http://www.w3.org/2001/XMLSchema#integer, "
        f"Converter=<class 'int'> (ValueError: invalid literal for int() with base 10: '{word}')" for word in ("one", "two")]
