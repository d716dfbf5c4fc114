"""The README's examples stay true: every ``$ nkgeo ...`` example is run and compared with what the README prints.

After a change of output, ``python tests/readme_examples.py --write`` rewrites the README's examples
from real runs (see tests/readme_examples.py for the rules: ``...`` lines, shortened lines).
"""

from __future__ import annotations

import pytest
import readme_examples as readme

EXAMPLES = readme.examples()
RUN = [e for e in EXAMPLES if not e.skipped]


@pytest.fixture
def in_examples_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(readme.prepare_folder(tmp_path))  # -o FILE writes here; no project above it, so the checkout is used
    return tmp_path


@pytest.mark.parametrize("example", RUN, ids=[e.command[:70] for e in RUN])
def test_example(example, invoke, in_examples_folder, compiled):
    code, actual = readme.run(example, invoke)
    error = bool(actual) and actual[0].startswith("Error: ")
    assert code == (1 if error else 0), "\n".join(actual)
    if example.expected:
        assert readme.matches(example.expected, actual), (
            f"README.md line {example.line + 1}: '$ {example.command}' prints something else; rewrite the examples with "
            f"python tests/readme_examples.py --write\n--- README\n" + "\n".join(example.expected) + "\n--- real\n" + "\n".join(actual))


def test_what_is_not_run_and_why():
    assert {e.command: e.skipped for e in EXAMPLES if e.skipped} == {
        "nkgeo query wikidata-population-federated      # needs network access": "needs the network",
        "nkgeo serve                         # the compiled dataset, asserted + inferred": "starts a server",
        "nkgeo serve data.ttl more.nq        # any RDF files instead; N-Quads and TriG keep their named graphs": "starts a server",
        "nkgeo query capitals --endpoint http://127.0.0.1:7878/query": "needs a SPARQL endpoint",
        "nkgeo push --endpoint http://127.0.0.1:7878/store": "loads a triple store",
        "nkgeo push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password": "loads a triple store",
    }
    assert len(RUN) >= 20


def test_the_suggestions_example_is_checked():
    """The drift that prompted this test: 'show Hamhnug' printed other suggestions than the README said."""
    (example,) = [e for e in RUN if e.args == ["show", "Hamhnug"]]
    assert example.expected and not any(line.endswith(readme.ELLIPSIS) for line in example.expected)


# The rules themselves


def test_ellipsis_lines_and_shortened_lines():
    assert readme.matches(["a", "...", "z"], ["a", "b", "c", "z"])
    assert readme.matches(["a", "...", "z"], ["a", "z"])
    assert not readme.matches(["a", "...", "z"], ["a", "b"])
    assert readme.matches(["name: long ..."], ["name: long text here"])
    assert not readme.matches(["name: long ..."], ["name: other"])
    assert not readme.matches(["Error: no entity named 'Hamhnug'; closest: Hamhung"],
                              ["Error: no entity named 'Hamhnug'; closest: Hamhung, Hamgyong"])


def test_rewrite_keeps_the_shape_and_fixes_the_lines():
    expected = ["Title", "  one", "...", "tail: old ...", "  end"]
    actual = ["Title", "  one!", "  two", "  three", "tail: new text that is long", "  end"]
    new = readme.rewrite(expected, actual)
    assert new == ["Title", "  one!", "...", "tail: new ...", "  end"] and readme.matches(new, actual)
    assert readme.rewrite(["Error: old"], ["Error: new", "second"]) == ["Error: new", "second"]


def test_examples_are_read_with_their_blank_lines():
    text = "Intro:\n\n    $ nkgeo show X\n    X  (id:x)\n\n    Asserted:\n      a  b\n\n    $ nkgeo stats\n\nAfter.\n"
    first, second = readme.examples(text)
    assert first.args == ["show", "X"] and first.expected == ["X  (id:x)", "", "Asserted:", "  a  b"]
    assert second.args == ["stats"] and second.expected == []


def test_the_python_examples(compiled, monkeypatch, tmp_path):
    """The README's ``>>>`` lines, run as a doctest."""
    import doctest

    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    test = parser.get_doctest(readme.README.read_text(encoding="utf-8"), {}, "README.md", str(readme.README), 0)
    assert len(test.examples) >= 8
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
