"""The cost of reading SPARQL text (``nkgeo.query.sparqltext.analyse``) on hostile input, by size.

Every query the CLI or the endpoint runs is tokenised first (updates, SERVICE, the form, the
nesting depth). The tokenizer must take linear time: a request body may hold 1 MiB. For each
shape of text that once made it backtrack, this prints the seconds ``analyse`` takes at each size
and the microseconds per KiB (flat when linear), and then the whole request through the endpoint
(in process, one worker): a 32 KiB ``a.a.a...`` query, the case of issue 12 row 2 (21 s before).

    python bench/sparqltext.py                 # up to 1 MiB
    python bench/sparqltext.py --max-kib 64 --before   # also the old tokenizer, up to 32 KiB
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nkgeo.query import sparqltext  # noqa: E402

SHAPES = {
    "dotted words a.a.a": lambda n: "a." * (n // 2),
    "escaped quotes '\\'\\": lambda n: "'\\" * (n // 2),
    "unterminated long strings": lambda n: "'''x" * (n // 4),
    "unclosed IRIs <a<a": lambda n: "<a" * (n // 2),
    "nested braces {{{": lambda n: "{" * n,
    "an ordinary query, repeated": lambda n: ("SELECT ?s WHERE { ?s a nkgeo:City ; rdfs:label \"함흥\"@ko }\n" * (n // 60 + 1))[:n],
}
# The tokenizer before it was made linear (its prefixed-name and string alternatives backtracked).
BEFORE = re.compile(
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


def before(text: str) -> int:
    count, position = 0, 0
    while position < len(text):
        position = BEFORE.match(text, position).end()
        count += 1
    return count


def seconds(function, text: str) -> float:
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def endpoint_request(kib: int) -> tuple[int, float]:
    """A ``a.a.a...`` query of ``kib`` KiB POSTed to the endpoint: (status, seconds)."""
    from starlette.testclient import TestClient

    from nkgeo.build.cache import CompiledDataset
    from nkgeo.serve.app import Server, create_app
    from nkgeo.serve.data import ServedData
    from nkgeo.serve.settings import Settings

    with TestClient(create_app(Server(ServedData.from_compiled(CompiledDataset.open()), Settings(workers=1)))) as client:
        client.get("/sparql", params={"query": "ASK {}"})  # the worker is up
        text = "SELECT * WHERE { ?s ?p ?o } " + "a." * (kib * 512)
        started = time.perf_counter()
        response = client.post("/sparql", content=text.encode(), headers={"Content-Type": "application/sparql-query"})
        return response.status_code, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-kib", type=int, default=1024, help="largest size, in KiB (default 1024: the body limit)")
    parser.add_argument("--before", action="store_true", help="also time the old tokenizer, up to 32 KiB")
    args = parser.parse_args()
    sizes = [k for k in (8, 32, 128, 512, 1024) if k <= args.max_kib]
    print(f"{'text':<30} {'KiB':>5} {'seconds':>8} {'us/KiB':>8}" + (f" {'before s':>9}" if args.before else ""))
    for name, make in SHAPES.items():
        for kib in sizes:
            text = make(kib * 1024)
            took = seconds(sparqltext.analyse, text)
            line = f"{name:<30} {kib:>5} {took:>8.3f} {took * 1e6 / kib:>8.0f}"
            if args.before:
                line += f" {seconds(before, text):>9.3f}" if kib <= 32 else f" {'-':>9}"
            print(line, flush=True)
    status, took = endpoint_request(32)
    print(f"endpoint: POST of a 32 KiB a.a.a query -> {status} in {took:.3f} s")


if __name__ == "__main__":
    main()
