"""The graph in two real triple stores: loaded with ``nkgeo push``, queried with ``--endpoint``.

- Oxigraph server (PyPI package ``oxigraph``, in the 'test' extra; installed with pip if missing),
  started with ``--union-default-graph`` so that its default graph is the union of the named
  graphs, as nkgeo's is.
- Virtuoso Open Source 7 (Debian package ``virtuoso-opensource``; installed with apt-get if
  missing), with a throw-away database and ``virtuoso.ini`` in a temporary folder; it queries
  every graph when a query names none. Loaded through ``/sparql-graph-crud-auth`` with Digest
  authentication (dba/dba, the fresh database's own account).

Each store is installed (if need be), started on 127.0.0.1 on free ports and stopped once per
module; it is skipped, saying why, only when it cannot be installed on the machine. Every canned
query (but those tagged ``network``) must give the same rows there as locally, compared as sets
of rows after normalising what SPARQL leaves to the engine: blank-node labels, the order of
GROUP_CONCAT's parts, numbers by value, xsd:string as plain literals. Genuine differences are
listed by store and query name with the reason in KNOWN_DIFFERENCES and run as strict xfails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from nkgeo import namespaces as ns
from nkgeo.query.canned import catalogue
from nkgeo.serve.launch import free_port, wait_until_up

CANNED = [q for q in catalogue().values() if "network" not in q.tags]
SAMPLES = {"document": "doc:000_cbd80db4a2371350", "entity": "hamhung", "subject": "hamhung", "place": "hamhung"}
INTEGERS = {ns.XSD_NS + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                              "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}
NUMBERS = INTEGERS | {ns.XSD.decimal, ns.XSD.double, ns.XSD.float}

# (store, query name) -> why the store answers differently. Checked as strict xfails. Each reason
# was narrowed down to the construct by running its parts on both stores (Virtuoso 7.2.5.1, Debian 12).
# None left: the canned queries avoid what Virtuoso 7.2 gets wrong (a UNION inside an OPTIONAL that uses a
# variable bound outside it, FILTER NOT EXISTS on the most specific class, CONCAT with an unbound argument,
# rdfs:subPropertyOf+ or * inside an OPTIONAL, a group FILTER next to BIND(IF(EXISTS ...)) and an OPTIONAL).
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {}


def _run(command: list[str], timeout: float, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)


def _apt_install(packages: list[str]) -> str | None:
    """Install Debian packages; None when done, else why not."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return f"not root, or no apt-get: cannot apt-get install {' '.join(packages)}"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        update = _run(["apt-get", "update"], 600, env)
        install = _run(["apt-get", "install", "-y", "--no-install-recommends", *packages], 900, env)
    except (subprocess.SubprocessError, OSError) as exc:
        return f"apt-get failed: {exc}"
    if install.returncode != 0:
        return f"apt-get install {' '.join(packages)} failed: {(install.stderr or update.stderr)[-300:]}"
    return None


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


class Store:
    def __init__(self, name: str, query_url: str, store_url: str, auth: list[str]):
        self.name, self.query_url, self.store_url, self.auth = name, query_url, store_url, auth


# --- Oxigraph server -------------------------------------------------------------------------


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory, compiled):
    binary = _oxigraph_binary()
    if binary is None:
        try:
            installed = _run([sys.executable, "-m", "pip", "install", "-q", "oxigraph"], 600)
        except (subprocess.SubprocessError, OSError) as exc:
            pytest.skip(f"cannot pip install oxigraph (the Oxigraph server): {exc}")
        binary = _oxigraph_binary()
        if binary is None:
            pytest.skip(f"cannot pip install oxigraph (the Oxigraph server) on this machine: {installed.stderr[-300:]}")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", 60, process)
        yield Store("oxigraph", f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/store", [])
    finally:
        _stop(process)


# --- Virtuoso --------------------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, compiled):
    binary = shutil.which("virtuoso-t")
    if binary is None:
        why = _apt_install(["virtuoso-opensource"])
        binary = shutil.which("virtuoso-t")
        if binary is None:
            pytest.skip(f"Virtuoso cannot be installed on this machine: {why or 'no virtuoso-t after apt-get install'}")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, http_port=http_port, sql_port=sql_port), encoding="utf-8")
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D", 120, process)
        yield Store("virtuoso", f"http://127.0.0.1:{http_port}/sparql", f"http://127.0.0.1:{http_port}/sparql-graph-crud-auth",
                    ["--user", "dba", "--password", "dba"])
    finally:
        _stop(process)


# --- comparing answers -----------------------------------------------------------------------


_GROUP_CONCAT = re.compile(r"\(\s*GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*\)\s+AS\s+\?(\w+)\s*\)", re.I)


def group_concat_variables(text: str) -> set[str]:
    """The variables a query binds to a GROUP_CONCAT."""
    return set(_GROUP_CONCAT.findall(text))


def normal(term: dict | None, concatenated: bool = False):
    """A SPARQL JSON term with what the engine may choose normalised away. For a GROUP_CONCAT
    (``concatenated``): the order of its parts, its language tag (Oxigraph keeps a tag all the
    parts share, Virtuoso drops it), and an empty group (unbound in Oxigraph, "" in Virtuoso)."""
    if term is None:
        return ("literal", "", "", None) if concatenated else None
    kind = term["type"]
    if kind == "bnode":
        return ("bnode",)
    if kind == "uri":
        return ("uri", term["value"])
    value = term["value"]
    datatype = term.get("datatype")
    if datatype in NUMBERS:
        try:
            number = Decimal(value)
            return ("number", int(number) if datatype in INTEGERS or number == number.to_integral_value() else number)
        except InvalidOperation:
            pass
    if datatype == ns.XSD.boolean and value in ("true", "false", "1", "0"):
        return ("number", 1 if value in ("true", "1") else 0)  # Virtuoso has no booleans: 1 and 0
    if concatenated:
        return ("literal", " | ".join(sorted(value.split(" | "))), "", None)
    if datatype in (None, ns.XSD.string):
        datatype = None
    return ("literal", value, (term.get("xml:lang") or "").lower(), datatype)


def answer(output: str, concatenated: set[str] = frozenset()):
    data = json.loads(output)
    if "boolean" in data:
        return data["boolean"]
    names = data["head"]["vars"]
    rows = (tuple((n, normal(b.get(n), n in concatenated)) for n in names) for b in data["results"]["bindings"])
    return sorted(rows, key=repr)


def query_args(query) -> list[str]:
    args = ["query", query.name, "--format", "json"]
    for param in query.params:
        if param.required:
            args += ["-p", param.name, SAMPLES[param.name]]
    return args


@pytest.fixture(scope="module")
def local_answers(compiled):
    from click.testing import CliRunner

    from nkgeo.cli import cli

    answers = {}
    for query in CANNED:
        result = CliRunner().invoke(cli, query_args(query))
        assert result.exit_code == 0, result.output
        answers[query.name] = answer(result.output, group_concat_variables(query.text))
    return answers


def push_into(store: Store, invoke, compiled) -> None:
    result = invoke("push", "--endpoint", store.store_url, *store.auth)
    assert result.exit_code == 0, result.output
    graphs = compiled.named_graphs()
    lines = result.output.splitlines()
    assert len(lines) == len(graphs) + 1
    assert lines[-1].startswith(f"pushed {len(graphs)} of {len(graphs)} graphs (")
    # Every triple arrived, graph by graph.
    counts = json.loads(invoke("sparql", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                               "--format", "json", "--endpoint", store.query_url).output)
    remote = {b["g"]["value"]: int(b["n"]["value"]) for b in counts["results"]["bindings"]}
    for graph in graphs:
        assert remote.get(graph) == compiled.meta["graphs"].get(graph, remote.get(graph)), graph


def _cases():
    for store in ("oxigraph", "virtuoso"):
        for query in CANNED:
            key = (store, query.name)
            marks = [pytest.mark.xfail(reason=KNOWN_DIFFERENCES[key], strict=True)] if key in KNOWN_DIFFERENCES else []
            yield pytest.param(store, query, id=f"{store}-{query.name}", marks=marks)


@pytest.fixture(scope="module")
def loaded(request, compiled):
    """The stores, each loaded once by ``nkgeo push``."""
    from click.testing import CliRunner

    from nkgeo.cli import cli

    done: dict[str, Store] = {}

    def get(name: str) -> Store:
        if name not in done:
            store = request.getfixturevalue(name)
            push_into(store, lambda *args: CliRunner().invoke(cli, list(args)), compiled)
            done[name] = store
        return done[name]

    return get


@pytest.mark.parametrize("store_name", ["oxigraph", "virtuoso"])
def test_push_loads_every_graph(loaded, store_name):
    assert loaded(store_name).name == store_name


@pytest.mark.parametrize(("store_name", "query"), list(_cases()))
def test_canned_query_answers_the_same_in_the_store(loaded, invoke, local_answers, store_name, query):
    store = loaded(store_name)
    result = invoke(*query_args(query), "--endpoint", store.query_url)
    assert result.exit_code == 0, result.output
    assert answer(result.output, group_concat_variables(query.text)) == local_answers[query.name]


def test_push_with_a_wrong_password_fails_every_graph_and_says_so(virtuoso, invoke):
    result = invoke("push", "--endpoint", virtuoso.store_url, "--user", "dba", "--password", "wrong", "--graph", "gazetteer")
    assert result.exit_code == 1
    assert "401" in result.output
    assert "Error: pushed 0 of 1 graphs (0 triples)" in result.output


def test_one_graph_can_be_pushed_alone(oxigraph, invoke, compiled):
    result = invoke("push", "--endpoint", oxigraph.store_url, "--graph", "graph:ontology")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("graph:ontology")
    assert result.output.splitlines()[-1].startswith("pushed 1 of 1 graphs (")
