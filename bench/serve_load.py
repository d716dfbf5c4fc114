"""Load on ``nkgeo serve``: concurrent clients running a mix of canned queries for a while.

Starts ``nkgeo serve`` on 127.0.0.1 (a free port), runs CLIENTS threads, each sending canned
queries (with their default parameters, in rotation) and a few entity pages for SECONDS, then
prints requests per second, latency percentiles, errors, and the resident memory of the server
with its query workers at the start and at the end. Traffic goes to 127.0.0.1 only, and the
run stops by itself.

    python bench/serve_load.py                 # 8 clients, 60 s
    python bench/serve_load.py --seconds 3 --clients 4 --json
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nkgeo.query.canned import catalogue  # noqa: E402
from nkgeo.serve.launch import ServerProcess, process_tree_rss  # noqa: E402

PAGES = ["/id/hamhung.html", "/id/pyongyang.ttl", "/"]


def paths() -> list[str]:
    """The mix: every canned query that needs no parameter and no network (tag ``network``), as
    SPARQL JSON, and a few pages."""
    mix = [f"/query/{q.name}?format=json" for q in catalogue().values()
           if not any(p.required for p in q.params) and "network" not in q.tags]
    return mix + PAGES


def client(port: int, mix: list[str], offset: int, stop_at: float, latencies: list, errors: list) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    index = offset
    while time.monotonic() < stop_at:
        path = mix[index % len(mix)]
        index += 1
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{response.status} {path}")
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{type(exc).__name__} {path}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else 0.0


def run(seconds: float, clients: int, workers: int) -> dict:
    mix = paths()
    with ServerProcess(["--workers", str(workers)]) as server:
        for path in mix:  # warm up: every path once, so the first round costs no build or import
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
        rss_start = process_tree_rss(server.process.pid)
        latencies: list[float] = []
        errors: list[str] = []
        stop_at = time.monotonic() + seconds
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(server.port, mix, i * 3, stop_at, latencies, errors)) for i in range(clients)]
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
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_samples": errors[:5],
        "requests_per_second": round((len(latencies) + len(errors)) / elapsed, 1),
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
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    figures = run(args.seconds, args.clients, args.workers)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        lat = figures["latency_ms"]
        print(f"{figures['requests']} requests in {figures['seconds']} s from {figures['clients']} clients "
              f"({figures['paths']} paths, {figures['workers']} workers)")
        print(f"requests/s   {figures['requests_per_second']}")
        print(f"latency ms   p50 {lat['p50']}  p90 {lat['p90']}  p99 {lat['p99']}  mean {lat['mean']}")
        print(f"errors       {figures['errors']}" + (f"  e.g. {', '.join(figures['error_samples'])}" if figures["errors"] else ""))
        print(f"server RSS   {figures['rss_mb']['start']} MB at start, {figures['rss_mb']['end']} MB at end (with its workers)")
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
