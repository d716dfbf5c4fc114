"""Queries run in worker processes, so that a query past its time limit can be stopped.

pyoxigraph cannot cancel a running query, and a thread cannot be killed: a query that runs away
in the server process would hold a core (and memory) until it ends by itself, however long. So
every SPARQL query goes to a small pool of worker processes, each holding its own in-memory copy
of the dataset (loaded from one N-Quads file). The server waits for the answer until the time
limit; past it, it kills that worker, answers 503 at once and starts a fresh worker in the
background. A worker also has a cap on its address space (a query that blows up its memory dies
alone, answered with 500) and is replaced after a number of queries, so the pool's memory stays
bounded however long the server runs.

A slow query costs its own client, not everyone. A query still running after ``slow_after``
seconds (a real query takes milliseconds) has its worker set aside: lowered to the lowest CPU
priority (nice 19), so that the other queries get the cores first, and replaced at once by a fresh
worker (a quarter of a second to load the dataset), so that the pool keeps ``size`` workers for
everyone else. The slow query goes on, to its answer or to the time limit, and its worker is then
retired. At most ``max_slow`` workers are set aside at once; past that a slow query keeps its
worker, as every query did before. (Before this, with two workers, 1% of queries running into the
time limit held both workers most of the time: good requests waited, then got 503.)

A worker reads the solutions up to one past the row limit and writes them in the negotiated
format itself (:mod:`nkgeo.query.results`, :func:`nkgeo.rdfio.serialize`: the writers the CLI
uses), so only the bytes of the response cross the process boundary.
"""

from __future__ import annotations

import os
import queue
import signal
import threading
import time
from dataclasses import dataclass, field

from nkgeo.errors import NkgeoError

# A query still running after this many seconds is slow: its worker is set aside (see above).
SLOW_AFTER = 0.5
SLOW_NICENESS = 19


class WorkerError(NkgeoError):
    """A query could not be run to the end: its ``status`` is the HTTP status to answer."""

    def __init__(self, message: str, status: int = 500):
        super().__init__(message)
        self.status = status


# The SPARQL result formats a worker writes (tables for people are the CLI's).
WRITTEN_FORMATS = ("json", "xml", "csv", "tsv")


@dataclass
class Job:
    """One query for a worker. IRIs and terms travel as plain strings and tuples."""

    query: str
    fmt: str = "json"  # for SELECT and ASK: json, xml, csv or tsv
    graph_fmt: str = "turtle"  # for CONSTRUCT and DESCRIBE: turtle, nt, json-ld, xml, nquads or trig
    max_rows: int = 10000
    base_iri: str | None = None
    union: bool = True
    default_graph: list[str] | None = None  # None: the store's (or the union); [] an empty one
    named_graphs: list[str] | None = None  # None: every named graph
    substitutions: dict[str, tuple] = field(default_factory=dict)  # name -> ("iri", v) | ("literal", v, lang, dt)
    prefixes: dict[str, str] = field(default_factory=dict)
    star_order: list[str] | None = None  # SELECT *: the variables in order of appearance (sparqltext)


@dataclass
class Reply:
    kind: str  # solutions, boolean, graph
    fmt: str
    body: bytes
    rows: int


# --- the worker side -------------------------------------------------------------------------


def _term(spec: tuple):
    import pyoxigraph as ox

    if spec[0] == "iri":
        return ox.NamedNode(spec[1])
    _, value, language, datatype = spec
    if language:
        return ox.Literal(value, language=language)
    if datatype:
        return ox.Literal(value, datatype=ox.NamedNode(datatype))
    return ox.Literal(value)


def execute(store, job: Job) -> Reply:
    """Run ``job`` on ``store``; raises WorkerError for a malformed query or too many rows."""
    import pyoxigraph as ox

    from nkgeo import rdfio
    from nkgeo.errors import FormatError
    from nkgeo.query import results
    from nkgeo.query.store import graph_terms

    options: dict = {"prefixes": job.prefixes}
    if job.base_iri:
        options["base_iri"] = job.base_iri
    if job.default_graph is not None:
        options["default_graph"] = graph_terms(job.default_graph)
    elif job.union:
        options["use_default_graph_as_union"] = True
    if job.named_graphs is not None:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.substitutions:
        options["substitutions"] = {ox.Variable(k): _term(v) for k, v in job.substitutions.items()}
    try:
        result = store.query(job.query, **options)
        kind = type(result).__name__
        if kind == "QueryBoolean":
            if job.fmt not in WRITTEN_FORMATS:
                raise WorkerError(f"an ASK result cannot be written as {job.fmt}", 406)
            return Reply("boolean", job.fmt, results.write_boolean(bool(result), job.fmt), 1)
        if kind == "QuerySolutions":
            if job.fmt not in WRITTEN_FORMATS:
                raise WorkerError(f"a SELECT result cannot be written as {job.fmt}", 406)
            try:
                variables, rows = results.solution_rows(result, limit=job.max_rows, order=job.star_order)
            except results.TooManyRows:
                raise WorkerError(_too_many(job.max_rows, "rows"), 500) from None
            return Reply("solutions", job.fmt, results.write_solutions(variables, rows, job.fmt), len(rows))
        if job.graph_fmt not in rdfio.FORMATS or not rdfio.FORMATS[job.graph_fmt].writable:
            raise WorkerError(f"a graph result cannot be written as {job.graph_fmt}", 406)
        triples = []
        for triple in result:
            if len(triples) >= job.max_rows:
                raise WorkerError(_too_many(job.max_rows, "triples"), 500)
            triples.append(triple)
        return Reply("graph", job.graph_fmt, rdfio.serialize(triples, job.graph_fmt, job.prefixes or None), len(triples))
    except SyntaxError as exc:
        raise WorkerError(f"malformed query: {_one_line(exc)}", 400) from None
    except FormatError as exc:  # RDF/XML cannot write every graph
        raise WorkerError(str(exc), 406) from None
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        raise WorkerError(f"query failed: {_one_line(exc)}", 500) from None


def _too_many(limit: int, what: str) -> str:
    return (
        f"the result has more than {limit} {what}, the endpoint's row limit: add LIMIT (and OFFSET to page "
        f"through it), or start the server with a higher --max-rows"
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:2000]


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


def worker_main(conn, nquads_path: str, memory_mb: int) -> None:
    """A worker: load the dataset, say so, then answer jobs until told to stop (None) or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    _limit_memory(memory_mb)
    try:
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_load(path=nquads_path, format=ox.RdfFormat.N_QUADS)
        conn.send(("ready", len(store)))
    except Exception as exc:  # report any failure to load to the server, which reports it
        conn.send(("failed", _one_line(exc)))
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(("ok", execute(store, job)))
        except WorkerError as exc:
            conn.send(("error", exc.status, str(exc)))
        except MemoryError:
            conn.send(("error", 500, "the query ran out of memory"))


# --- the server side -------------------------------------------------------------------------


class _Worker:
    """One worker: ``python -m nkgeo.serve.workers`` with one end of a socket pair.

    A plain child process, not multiprocessing's: nothing of the parent's ``__main__`` is run
    again in it, whatever program embeds the server.
    """

    def __init__(self, nquads_path: str, memory_mb: int):
        import multiprocessing.connection
        import subprocess
        import sys

        self.conn, child = multiprocessing.Pipe(duplex=True)
        command = [sys.executable, "-m", "nkgeo.serve.workers", str(child.fileno()), nquads_path, str(memory_mb)]
        self.process = subprocess.Popen(command, pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, close_fds=True)
        child.close()
        self.jobs = 0

    def wait_ready(self, timeout: float) -> int:
        if not self.conn.poll(timeout):
            self.kill()
            raise NkgeoError(f"a query worker did not load the dataset within {timeout:.0f} s")
        try:
            message = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise NkgeoError("a query worker stopped while loading the dataset") from None
        if message[0] != "ready":
            self.kill()
            raise NkgeoError(f"a query worker could not load the dataset: {message[1]}")
        return message[1]

    def kill(self) -> None:
        import subprocess

        try:
            self.process.kill()
            self.process.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.conn.close()

    def stop(self) -> None:
        import subprocess

        try:
            self.conn.send(None)
            self.process.wait(2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        if self.process.poll() is None:
            self.kill()
        else:
            self.conn.close()


class WorkerPool:
    """``size`` worker processes over one N-Quads file; ``run`` gives each job a hard time limit."""

    def __init__(self, nquads_path, size: int = 2, time_limit: float = 10.0, memory_mb: int = 2048,
                 max_jobs_per_worker: int = 1000, startup_timeout: float = 120.0, slow_after: float = SLOW_AFTER,
                 max_slow: int | None = None):
        if size < 1:
            raise NkgeoError("the server needs at least one query worker")
        self.nquads_path = str(nquads_path)
        self.size = size
        self.time_limit = time_limit
        self.memory_mb = memory_mb
        self.max_jobs_per_worker = max_jobs_per_worker
        self.startup_timeout = startup_timeout
        self.slow_after = slow_after
        self.max_slow = 4 * size if max_slow is None else max_slow
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._slow: set[_Worker] = set()  # set aside: running a slow query, already replaced
        self._lock = threading.Lock()
        self._started = False
        self._closed = False
        self.stats = {"jobs": 0, "timeouts": 0, "crashes": 0, "restarts": 0, "slow": 0}

    def start(self) -> None:
        """Start the workers and wait until each has loaded the dataset (idempotent)."""
        with self._lock:
            if self._started:
                return
            if self._closed:
                raise NkgeoError("the query workers have been stopped")
            workers = [self._spawn() for _ in range(self.size)]
            try:
                for worker in workers:
                    worker.wait_ready(self.startup_timeout)
            except NkgeoError:
                for worker in workers:
                    worker.kill()
                raise
            for worker in workers:
                self._all.add(worker)
                self._idle.put(worker)
            self._started = True

    def _spawn(self) -> _Worker:
        return _Worker(self.nquads_path, self.memory_mb)

    def _replace(self, old: _Worker | None) -> None:
        """Retire ``old`` (already stopped or killed; None: one set aside) and add a fresh worker
        when it is ready."""
        with self._lock:
            self._all.discard(old)
            if self._closed:
                return
        self.stats["restarts"] += 1
        for _attempt in range(3):
            worker = self._spawn()
            try:
                worker.wait_ready(self.startup_timeout)
            except NkgeoError:
                time.sleep(0.5)
                continue
            with self._lock:
                if self._closed:
                    worker.stop()
                    return
                self._all.add(worker)
            self._idle.put(worker)
            return

    def _replace_later(self, old: _Worker | None) -> None:
        threading.Thread(target=self._replace, args=(old,), daemon=True, name="nkgeo-worker-restart").start()

    def run(self, job: Job, time_limit: float | None = None) -> Reply:
        """Run ``job`` on an idle worker. Raises WorkerError: 503 past the time limit or when
        every worker stays busy for as long, 500 when the worker dies, 400 for a malformed query."""
        self.start()
        limit = self.time_limit if time_limit is None else time_limit
        try:
            worker = self._idle.get(timeout=max(limit, 1.0))
        except queue.Empty:
            raise WorkerError(f"all {self.size} query workers stayed busy for {limit:g} s; try again later", 503) from None
        self.stats["jobs"] += 1
        try:
            worker.conn.send(job)
            message = self._answer(worker, limit)
        except WorkerError:
            raise
        except (EOFError, OSError):
            self.stats["crashes"] += 1
            self._discard(worker)
            raise WorkerError(
                f"the query worker stopped while running the query (it may have needed more than the "
                f"{self.memory_mb} MB a worker may use)", 500) from None
        except BaseException:
            self._discard(worker)  # never leave a worker in an unknown state
            raise
        worker.jobs += 1
        if worker in self._slow:
            self._retire(worker)  # it runs at the lowest priority, and has a replacement already
        elif worker.jobs >= self.max_jobs_per_worker:
            worker.stop()
            self._replace_later(worker)
        else:
            self._idle.put(worker)
        if message[0] == "ok":
            return message[1]
        raise WorkerError(message[2], message[1])

    def _answer(self, worker: _Worker, limit: float):
        """The worker's answer within ``limit`` seconds; past ``slow_after`` the worker is set aside."""
        patience = min(self.slow_after, limit)
        ready = worker.conn.poll(patience)
        if not ready and patience < limit:
            self._set_aside(worker)
            ready = worker.conn.poll(limit - patience)
        if not ready:
            self.stats["timeouts"] += 1
            self._discard(worker)
            raise WorkerError(
                f"the query ran past the time limit of {limit:g} s and was stopped; make it narrower "
                f"(or start the server with a higher --time-limit)", 503)
        return worker.conn.recv()

    def _set_aside(self, worker: _Worker) -> bool:
        """Give a worker running a slow query the lowest CPU priority and start its replacement;
        False (nothing done) when ``max_slow`` workers are set aside already."""
        with self._lock:
            if self._closed or len(self._slow) >= self.max_slow:
                return False
            self._slow.add(worker)
        self.stats["slow"] += 1
        try:
            os.setpriority(os.PRIO_PROCESS, worker.process.pid, SLOW_NICENESS)
        except (AttributeError, OSError):  # not on this platform, or the worker has just ended
            pass
        self._replace_later(None)
        return True

    def _retire(self, worker: _Worker, kill: bool = False) -> None:
        """Stop a worker that was set aside; its replacement is in the pool already."""
        with self._lock:
            self._slow.discard(worker)
            self._all.discard(worker)
        worker.kill() if kill else worker.stop()

    def _discard(self, worker: _Worker) -> None:
        if worker in self._slow:
            self._retire(worker, kill=True)
            return
        worker.kill()
        self._replace_later(worker)

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


def default_workers() -> int:
    """Two workers, or one per core up to four."""
    return max(2, min(4, os.cpu_count() or 2))


if __name__ == "__main__":
    # ``python -m nkgeo.serve.workers FD NQUADS MEMORY_MB``, started by WorkerPool. The worker runs
    # from the imported module, so the replies it pickles are nkgeo.serve.workers.Reply, not __main__'s.
    import sys
    from multiprocessing.connection import Connection

    from nkgeo.serve import workers

    workers.worker_main(Connection(int(sys.argv[1])), sys.argv[2], int(sys.argv[3]))
