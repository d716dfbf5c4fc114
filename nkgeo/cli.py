"""The ``nkgeo`` command line: click only. Each command parses options, calls the library and
prints; every NkgeoError becomes ``Error: <one line>`` and a non-zero exit code."""

from __future__ import annotations

import functools
import json
import re
import sys

import click

from nkgeo.errors import FormatError, NkgeoError, QueryError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
GRAPH_HELP = "Default graph of the query: all (asserted + inferred), asserted or inferred."
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


def reports_errors(command):
    """Turn the library's errors into click's one-line ``Error: ...`` with the error's exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except NkgeoError as exc:
            error = click.ClickException(str(exc))
            error.exit_code = exc.exit_code
            raise error from None

    return wrapper


def output_option(command):
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write to FILE (atomically) instead of stdout."
    )(command)


def graph_option(command):
    return click.option(
        "--graph", "graphs", type=click.Choice(["all", "asserted", "inferred"]), default="all", show_default=True, help=GRAPH_HELP
    )(command)


def emit(data: bytes | str, output: str | None) -> None:
    """Write to ``output`` atomically, or to stdout."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if output:
        from nkgeo.files import write_atomically

        try:
            write_atomically(output, data)
        except OSError as exc:
            raise NkgeoError(f"cannot write {output}: {exc.strerror}") from None
        return
    stream = click.get_binary_stream("stdout")
    stream.write(data)
    stream.flush()


def open_dataset():
    from nkgeo.dataset import CompiledDataset

    return CompiledDataset.open()


def render_result(result, fmt: str) -> bytes:
    from nkgeo import results

    if results.is_solutions(result):
        return results.format_solutions(result, fmt)
    if fmt in results.SOLUTION_FORMATS and fmt not in ("table", "markdown", "xml", "json"):
        raise FormatError(f"{fmt} is a format for SELECT/ASK results; a graph result takes an RDF format such as turtle")
    fmt = {"json": "json-ld"}.get(fmt, fmt)
    return results.format_triples(result, fmt)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(None, "--version", package_name="nkgeo", prog_name="nkgeo")
def cli():
    """A knowledge graph of North Korea's human geography: query it, trace each fact to its
    document, ask why an inferred fact holds, and export it.

    \b
    Example:
        nkgeo queries
        nkgeo query biggest-cities
        nkgeo show Hamhung
    """


@cli.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
@reports_errors
def list_queries(fmt):
    """List the canned queries, one line each, with their parameters.

    \b
    Example:
        nkgeo queries
    """
    from nkgeo.queries import catalogue

    queries = catalogue()
    if fmt == "json":
        data = [
            {
                "name": q.name,
                "summary": q.summary,
                "questions": list(q.questions),
                "tags": list(q.tags),
                "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required} for p in q.params],
            }
            for q in queries.values()
        ]
        emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
        return
    width = max((len(name) for name in queries), default=0)
    for query in queries.values():
        params = " ".join(p.signature() for p in query.params)
        cq = f" [{', '.join(query.questions)}]" if query.questions else ""
        line = f"{query.name:<{width}}  {query.summary}{cq}"
        click.echo(line + (f"  params: {params}" if params else ""))


@cli.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE", help="Set a parameter (repeatable).")
@click.option("--format", "fmt", default="table", show_default=True, help="table, markdown, csv, tsv, json, xml (or an RDF format for CONSTRUCT).")
@graph_option
@output_option
@reports_errors
def run_query(name, params, fmt, graphs, output):
    """Run the canned query NAME (see 'nkgeo queries').

    \b
    Example:
        nkgeo query biggest-cities
        nkgeo query cities-with-industry -p industry steel --format csv
    """
    from nkgeo import names, queries
    from nkgeo.names import NameIndex

    query = queries.get(name)
    given = {}
    for key, value in params:
        if key in given:
            raise NkgeoError(f"parameter {key!r} is given twice")
        given[key] = value
    compiled = open_dataset()
    index: list[NameIndex] = []

    def resolve(text: str) -> str:
        known = names._known_slug(compiled, text)
        if known:
            return known
        if not index:
            index.append(NameIndex.from_dataset(compiled))
        return index[0].resolve(text)

    substitutions = queries.bind(query, given, resolve)
    result = compiled.query(query.text, substitutions=substitutions, graphs=graphs)
    emit(render_result(result, fmt), output)


def _read_query_text(query: str | None, file: str | None) -> str:
    if query and file:
        raise NkgeoError("give the query as an argument or with -f FILE, not both")
    if file:
        try:
            return sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError) as exc:
            raise NkgeoError(f"cannot read query file {file}: {getattr(exc, 'strerror', None) or exc}") from None
    if query == "-":
        return sys.stdin.read()
    if not query:
        raise NkgeoError("no query: give one as an argument, with -f FILE, or - for stdin")
    return query


def refuse_update(text: str) -> None:
    """Refuse SPARQL Update: the CLI's graph is read-only (edit graph/ instead)."""
    body = re.sub(r"#[^\n]*", "", text)
    body = re.sub(r"(?is)^\s*((BASE\s*<[^>]*>|PREFIX\s+[\w-]*:\s*<[^>]*>)\s*)*", "", body)
    first = body.split(None, 1)[0].upper() if body.split() else ""
    if first in UPDATE_KEYWORDS:
        raise QueryError(f"SPARQL Update ({first}) is not allowed: the graph is read-only from the CLI; edit the files in graph/")


@cli.command("sparql")
@click.argument("query", required=False)
@click.option("-f", "--file", type=str, help="Read the query from FILE ('-' for stdin).")
@click.option("--format", "fmt", default="table", show_default=True, help="table, markdown, csv, tsv, json, xml; for CONSTRUCT/DESCRIBE an RDF format.")
@graph_option
@output_option
@reports_errors
def run_sparql(query, file, fmt, graphs, output):
    """Run any SPARQL 1.1 query (read-only). Known prefixes (nkgeo:, id:, rdfs: ...) need no PREFIX.

    \b
    Example:
        nkgeo sparql 'SELECT ?city WHERE { ?city a nkgeo:PortCity }' --format json
        nkgeo sparql -f my-query.rq
        echo 'ASK { id:hamhung nkgeo:locatedIn id:north-korea }' | nkgeo sparql -
    """
    text = _read_query_text(query, file)
    refuse_update(text)
    result = open_dataset().query(text, graphs=graphs)
    emit(render_result(result, fmt), output)


@cli.command("show")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--asserted-only", is_flag=True, help="Leave out inferred facts.")
@click.option("--no-quote", is_flag=True, help="Do not quote the supporting sentences.")
@reports_errors
def show(name, fmt, asserted_only, no_quote):
    """Show everything the graph knows about one entity, each fact with its source.

    NAME is a label, a slug, a prefixed name (id:hamhung) or a full IRI. Sentences are quoted
    when the source document is at hand (NKGEO_CORPUS) and has the recorded hash.

    \b
    Example:
        nkgeo show Hamhung
        nkgeo show "south hamgyong" --format json
    """
    from nkgeo import describe
    from nkgeo.names import resolve

    compiled = open_dataset()
    iri = resolve(compiled, name)
    description = describe.describe(compiled, iri, include_inferred=not asserted_only, quote_documents=not no_quote)
    if fmt == "json":
        emit(json.dumps(description, indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(describe.render(description), None)


@cli.command("why")
@click.argument("subject")
@click.argument("predicate")
@click.argument("object")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--no-quote", is_flag=True, help="Do not quote the supporting sentences.")
@reports_errors
def why(subject, predicate, object, fmt, no_quote):  # noqa: A002 - click names it after the argument
    """Explain how SUBJECT PREDICATE OBJECT holds: the OWL 2 RL rule and premises of an
    inferred triple, down to the asserted facts and their documents.

    Each part is a name, prefixed name or IRI; OBJECT may also be a literal value.

    \b
    Example:
        nkgeo why Hamhung locatedIn "North Korea"
        nkgeo why id:kimchaek rdf:type nkgeo:SteelTown
    """
    import pyoxigraph as ox

    from nkgeo.errors import UnknownEntityError
    from nkgeo.explain import Explainer
    from nkgeo.names import NameIndex

    compiled = open_dataset()
    index = NameIndex.from_dataset(compiled)
    s = ox.NamedNode(index.resolve(subject))
    p = ox.NamedNode(_resolve_predicate(index, predicate))
    try:
        o = ox.NamedNode(index.resolve(object))
    except UnknownEntityError:
        o = _literal_object(compiled, s, p, object)
    explainer = Explainer(compiled, quote_documents=not no_quote)
    tree = explainer.explain(s, p, o)
    if fmt == "json":
        emit(json.dumps(tree.as_dict(), indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(explainer.render(tree), None)


def _resolve_predicate(index, text: str) -> str:
    """A predicate by IRI, prefixed name, label or bare local name (``locatedIn`` -> nkgeo:locatedIn)."""
    from nkgeo import namespaces as ns
    from nkgeo.errors import UnknownEntityError

    if text == "a":
        return ns.RDF + "type"
    try:
        return index.resolve(text)
    except UnknownEntityError:
        if re.fullmatch(r"[A-Za-z][\w-]*", text) and ns.NKGEO_NS + text in index.iris:
            return ns.NKGEO_NS + text
        raise UnknownEntityError(f"no property named {text!r}") from None


def _literal_object(compiled, s, p, text: str):
    """The literal object of (s, p, ?) whose value is ``text``; error if there is none."""
    from nkgeo.errors import UnknownEntityError
    from nkgeo.provenance import statements

    for st in statements(compiled, s, p):
        if type(st.object).__name__ == "Literal" and st.object.value == text:
            return st.object
    raise UnknownEntityError(f"no entity or value named {text!r} for this subject and predicate")


@cli.command("export")
@click.option("--format", "fmt", default="turtle", show_default=True, help="turtle/ttl, json-ld/jsonld, nt, nquads/nq, trig, xml.")
@click.option("--graph", "graphs", type=click.Choice(["all", "asserted", "inferred"]), default="all", show_default=True, help="Which triples to export.")
@output_option
@reports_errors
def export(fmt, graphs, output):
    """Export the graph: asserted, inferred, provenance and ontology (named graphs are kept in
    N-Quads, TriG and JSON-LD, merged in the single-graph formats).

    \b
    Example:
        nkgeo export --format json-ld -o nkgeo.jsonld
        nkgeo export --format nq --graph inferred
    """
    from nkgeo.export import export as run_export
    from nkgeo.results import rdf_format

    rdf_format(fmt)  # fail on a bad format before any work
    emit(run_export(open_dataset(), fmt, graphs), output)


@cli.command("validate")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle"]), default="text", show_default=True, help="Report format.")
def validate(fmt):
    """Check the graph against the SHACL shapes and SPARQL checks of ontology/.

    \b
    Exit codes: 0 conforms, 1 does not conform, 2 error (the data or shapes cannot be loaded).

    \b
    Example:
        nkgeo validate
    """
    try:
        from nkgeo.dataset import Sources, load_sources
        from nkgeo.export import selected_dataset
        from nkgeo.validate import validate as run_validate

        compiled = open_dataset()
        dataset = load_sources(Sources.discover())
        inferred = next(
            (g for g in selected_dataset(compiled, "inferred").graphs() if len(g)), None
        )
        report = run_validate(dataset, inferred=inferred)
    except NkgeoError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if fmt == "turtle":
        emit(report.results_graph.serialize(format="longturtle"), None)
    else:
        emit(report.text if report.text.endswith("\n") else report.text + "\n", None)
    sys.exit(0 if report.conforms else 1)


@cli.command("stats")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@reports_errors
def stats(fmt):
    """Count classes, properties, asserted and inferred triples, evidence per document and
    entities per class.

    \b
    Example:
        nkgeo stats --format json
    """
    from nkgeo import stats as counting
    from nkgeo.queries import catalogue

    figures = counting.stats(open_dataset())
    figures["canned_queries"] = len(catalogue())
    if fmt == "json":
        emit(json.dumps(figures, indent=2) + "\n", None)
    else:
        emit(counting.render(figures) + f"\ncanned queries       {figures['canned_queries']}\n", None)


@cli.command("build")
@click.option("--reasoner", type=click.Choice(["owlrl", "trace"]), default=None, help="Closure engine (default: owlrl, or NKGEO_REASONER).")
@click.option("--force", is_flag=True, help="Rebuild even if the cache is up to date.")
@reports_errors
def build(reasoner, force):
    """Parse, reason and compile the dataset into the cache now (queries do this on demand).

    \b
    Example:
        nkgeo build --force
    """
    from nkgeo.dataset import DEFAULT_REASONER, CompiledDataset

    compiled = CompiledDataset.open(reasoner=reasoner or DEFAULT_REASONER, rebuild=force)
    meta = compiled.meta
    click.echo(
        f"compiled {meta['asserted_triples']} asserted + {meta['inferred_triples']} inferred triples "
        f"with {meta['reasoner']} in {meta['seconds']['total']} s -> {compiled.path}"
    )
