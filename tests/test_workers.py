"""The worker pool under slow queries (issue 12, row 13): a query that runs into the time limit
costs its own client, not everyone. With one worker, a good query sent while a slow one runs is
answered while the slow one still runs (before, it waited for the only worker, then got 503)."""

from __future__ import annotations

import os
import threading

import pytest

from nkgeo.serve.workers import Job, WorkerError, WorkerPool

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PORTS = "SELECT ?city WHERE { ?city a <https://w3id.org/nkgeo/ontology#PortCity> } ORDER BY ?city"
PORT_CITIES = 3  # Chongjin, Hungnam, Nampo (Wonsan was once a port: a formerRole, no class)


@pytest.fixture
def pool(compiled):
    pool = WorkerPool(compiled.path / "dataset.nq", size=1, time_limit=30.0, slow_after=0.2)
    pool.start()
    yield pool
    pool.close()


def run_in_background(pool: WorkerPool, job: Job) -> tuple[threading.Thread, list]:
    outcome: list = []

    def run():
        try:
            outcome.append(pool.run(job))
        except WorkerError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_a_good_query_is_answered_while_a_slow_one_runs(pool):
    slow, slow_outcome = run_in_background(pool, Job(SLOW))
    slow.join(1.0)  # well past slow_after: set aside, replaced
    assert slow.is_alive()
    reply = pool.run(Job(PORTS, fmt="csv"))
    assert reply.rows == PORT_CITIES
    assert slow.is_alive()  # still running: the good query did not wait for it
    assert pool.stats["slow"] == 1
    (set_aside,) = pool._slow
    assert os.getpriority(os.PRIO_PROCESS, set_aside.process.pid) == 19  # the slow query has the cores last
    assert not slow_outcome


def test_a_slow_query_still_gets_its_answer_or_its_503(compiled):
    pool = WorkerPool(compiled.path / "dataset.nq", size=1, time_limit=1.5, slow_after=0.2)
    try:
        with pytest.raises(WorkerError) as raised:
            pool.run(Job(SLOW))
        assert raised.value.status == 503
        assert pool.run(Job(PORTS, fmt="csv")).rows == PORT_CITIES  # the replacement took over
        assert len(pool.pids()) == 1  # the slow worker is gone, the pool has its size again
    finally:
        pool.close()


def test_at_most_max_slow_workers_are_set_aside(compiled):
    pool = WorkerPool(compiled.path / "dataset.nq", size=1, time_limit=3.0, slow_after=0.2, max_slow=1)
    try:
        threads = [run_in_background(pool, Job(SLOW)) for _ in range(2)]
        for thread, _ in threads:
            thread.join(10)
        assert pool.stats["slow"] == 1
        assert [type(outcome[0]) for _, outcome in threads] == [WorkerError, WorkerError]
        assert pool.run(Job(PORTS, fmt="csv")).rows == PORT_CITIES
    finally:
        pool.close()
