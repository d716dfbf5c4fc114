"""The ``nkgeo`` command: a fast path for ``nkgeo query``, click for everything else.

Scripts and notebooks pay the start-up of the command on every call. Measured on a 2-core machine,
``import click`` alone takes about three times as long as starting Python (its ``click.core``
brings ``inspect``, ``typing``, ``enum``, ``uuid``, ``datetime``...), so a query run through click
cannot start within five times ``python -c pass``. This entry point therefore runs the common case
itself: ``nkgeo query NAME`` with ``-p NAME VALUE``, ``--format``, ``--graph`` and ``-o``, giving
the bytes click's command gives (a table fitted to the terminal, the line ``-o`` prints on
stderr). Anything else, and any problem at all (an unknown option, an unknown query, a bad
parameter, a graph result, an empty result that a parameter of the wrong kind may explain,
``--help``...), goes to the click command
(:mod:`nkgeo.cli`), which does the work again and reports as usual: nothing is written before the
fast path has succeeded. ``tests/test_cli_fastpath.py`` checks that both give the same output.
"""

from __future__ import annotations

import sys


def parse_query_arguments(args: list[str]) -> tuple | None:
    """``NAME``, params, format, graph and output of ``nkgeo query``, or None to let click do it."""
    name = None
    params: list[tuple[str, str]] = []
    options = {"--format": "table", "--graph": "all", "--output": None}
    short = {"-o": "--output"}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-p", "--param"):
            if i + 2 >= len(args):
                return None
            params.append((args[i + 1], args[i + 2]))
            i += 3
            continue
        key, has_value, value = arg.partition("=")
        key = short.get(key, key)
        if key in options:
            if not has_value:
                if i + 1 >= len(args):
                    return None
                value = args[i + 1]
                i += 1
            options[key] = value
            i += 1
            continue
        if arg.startswith("-") or name is not None:  # --help, --endpoint, an unknown option, a second name
            return None
        name = arg
        i += 1
    from nkgeo.query.store import GRAPH_CHOICES

    if name is None or options["--graph"] not in GRAPH_CHOICES:
        return None
    return name, params, options["--format"], options["--graph"], options["--output"]


def run_query(name: str, params: list[tuple[str, str]], fmt: str, graphs: str, output: str | None) -> bool:
    """Run a canned query as ``nkgeo query`` does; False (having written nothing) if click should."""
    try:
        from nkgeo.build.cache import CompiledDataset
        from nkgeo.query import canned, results, sparqltext
        from nkgeo.resources import queries_dir

        given = dict(params)
        if len(given) != len(params):
            return False  # click reports the repeated parameter
        path = queries_dir() / f"{name}.rq"
        if "/" in name or not path.is_file():
            return False  # click lists the close matches
        query = canned.load_query(path)
        if sparqltext.may_nest_deeper(query.text) and sparqltext.analyse(query.text).depth > sparqltext.MAX_DEPTH:
            return False  # click refuses it (an update fails to parse below, and click refuses it too)
        compiled = CompiledDataset.open()
        resolvers = []

        def resolve(text: str, expects: str | None = None) -> str:
            """Names as names.Resolver resolves them; its module only when a parameter needs it."""
            if not resolvers:
                from nkgeo.query.names import Resolver

                resolvers.append(Resolver(compiled))
            return resolvers[0](text, expects)

        substitutions = canned.bind(query, given, resolve)
        result = compiled.query(query.text, substitutions=substitutions, graphs=graphs)
        if not results.is_solutions(result):
            return False  # a graph result: click's command picks its RDF format
        width = results.terminal_width(sys.stdout) if fmt == "table" and not output else None
        rendered = results.render_solutions(result, fmt, query.text, width)
        if rendered.empty and any(p.expects for p in query.params):
            return False  # click's command says whether a parameter was of the wrong kind
        data = rendered.data
        if output:
            from nkgeo.files import write_atomically
            from nkgeo.progress import wrote

            write_atomically(output, data)
            sys.stderr.write(wrote(rendered.what, fmt, len(data), output) + "\n")
            return True
    except Exception:  # noqa: BLE001 - any problem: click's command does it again and reports it
        return False
    sys.stdout.buffer.write(data)  # past the point of falling back: a closed pipe is the reader's choice
    sys.stdout.buffer.flush()
    return True


def main() -> None:
    args = sys.argv[1:]
    if len(args) > 1 and args[0] == "query":
        parsed = parse_query_arguments(args[1:])
        if parsed is not None and run_query(*parsed):
            exit_now()
    from nkgeo.cli import cli

    cli()


def exit_now() -> None:
    """Leave at once, the answer written: tearing down the interpreter (every module, the store) would
    add a tenth to the run, and there is nothing left to save (an -o file is already synced)."""
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()
