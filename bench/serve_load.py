"""Load on ``nkgeo serve``: concurrent clients running a mix of canned queries for a while.

Starts ``nkgeo serve`` on 127.0.0.1 (a free port), runs CLIENTS threads, each sending canned
queries (with their default parameters, in rotation) and a few entity pages for SECONDS, then
prints requests per second, latency percentiles, errors, and the resident memory of the server
with its query workers at the start and at the end. Traffic goes to 127.0.0.1 only, and the
run stops by itself.

With ``--slow-share 0.01``, each request is, with that probability (seeded), a query that runs
into the time limit (a cross product of the whole dataset four times): its 503 is what it should
get, counted apart ("slow"), while every other request must still get its 200 ("errors" are the
good requests that did not). The figures of the good requests are printed apart too.

    python bench/serve_load.py                 # 8 clients, 60 s
    python bench/serve_load.py --seconds 3 --clients 4 --json
    python bench/serve_load.py --slow-share 0.01 --seconds 30
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from urllib.parse import quote  # noqa: E402

from nkgeo.query.canned import catalogue  # noqa: E402
from nkgeo.serve.launch import ServerProcess, process_tree_rss  # noqa: E402

PAGES = ["/id/hamhung.html", "/id/pyongyang.ttl", "/"]
SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # runs into any time limit
SLOW_PATH = "/sparql?query=" + quote(SLOW_QUERY)


def paths() -> list[str]:
    """The mix: every canned query that needs no parameter and no network (tag ``network``), as
    SPARQL JSON, and a few pages."""
    mix = [f"/query/{q.name}?format=json" for q in catalogue().values()
           if not any(p.required for p in q.params) and "network" not in q.tags]
    return mix + PAGES


def client(port: int, mix: list[str], offset: int, stop_at: float, latencies: list, errors: list,
           slow_share: float = 0.0, slow: list | None = None) -> None:
    """Requests in rotation until ``stop_at``; a share of them (seeded by ``offset``) the slow query,
    whose outcomes go to ``slow`` (status, seconds) instead of ``latencies`` and ``errors``."""
    chance = random.Random(offset)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    index = offset
    while time.monotonic() < stop_at:
        is_slow = chance.random() < slow_share
        path = SLOW_PATH if is_slow else mix[index % len(mix)]
        index += 0 if is_slow else 1
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            status = type(exc).__name__
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        if is_slow:
            slow.append((status, time.perf_counter() - started))
            continue
        if status != 200:
            errors.append(f"{status} {path}")
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else 0.0


def run(seconds: float, clients: int, workers: int, slow_share: float = 0.0, server_args: tuple = ()) -> dict:
    mix = paths()
    with ServerProcess(["--workers", str(workers), *server_args]) as server:
        for path in mix:  # warm up: every path once, so the first round costs no build or import
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
        rss_start = process_tree_rss(server.process.pid)
        latencies: list[float] = []
        errors: list[str] = []
        slow: list[tuple] = []
        stop_at = time.monotonic() + seconds
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(server.port, mix, i * 3, stop_at, latencies, errors, slow_share, slow))
                   for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        rss_end = process_tree_rss(server.process.pid)
    return {
        "seconds": round(elapsed, 2),
        "clients": clients,
        "workers": workers,
        "paths": len(mix),
        "requests": len(latencies) + len(errors) + len(slow),
        "errors": len(errors),
        "error_samples": errors[:5],
        "requests_per_second": round((len(latencies) + len(errors) + len(slow)) / elapsed, 1),
        "good_per_second": round(len(latencies) / elapsed, 1),
        "slow_share": slow_share,
        "slow": {"requests": len(slow), "statuses": sorted({str(s) for s, _ in slow}),
                 "mean_s": round(statistics.fmean(t for _, t in slow), 2) if slow else 0.0},
        "latency_ms": {
            "p50": round(percentile(latencies, 0.50) * 1000, 1),
            "p90": round(percentile(latencies, 0.90) * 1000, 1),
            "p99": round(percentile(latencies, 0.99) * 1000, 1),
            "mean": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
        },
        "rss_mb": {"start": round(rss_start / 2**20, 1), "end": round(rss_end / 2**20, 1)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the clients run (default 60)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="query workers of the server (default 2)")
    parser.add_argument("--slow-share", type=float, default=0.0, help="share of requests that run into the time limit (default 0)")
    parser.add_argument("--time-limit", type=float, default=None, help="the server's --time-limit (default: its own, 10 s)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    server_args = ("--time-limit", str(args.time_limit)) if args.time_limit else ()
    figures = run(args.seconds, args.clients, args.workers, args.slow_share, server_args)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        lat = figures["latency_ms"]
        print(f"{figures['requests']} requests in {figures['seconds']} s from {figures['clients']} clients "
              f"({figures['paths']} paths, {figures['workers']} workers)")
        print(f"requests/s   {figures['requests_per_second']}" + (f"  (good ones {figures['good_per_second']})" if args.slow_share else ""))
        print(f"latency ms   p50 {lat['p50']}  p90 {lat['p90']}  p99 {lat['p99']}  mean {lat['mean']}" + ("  (good ones)" if args.slow_share else ""))
        if args.slow_share:
            slow = figures["slow"]
            print(f"slow         {slow['requests']} requests ({args.slow_share:.1%} share), answered {', '.join(slow['statuses']) or '-'} "
                  f"after {slow['mean_s']} s on average")
        print(f"errors       {figures['errors']}" + (f"  e.g. {', '.join(figures['error_samples'])}" if figures["errors"] else ""))
        print(f"server RSS   {figures['rss_mb']['start']} MB at start, {figures['rss_mb']['end']} MB at end (with its workers)")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
