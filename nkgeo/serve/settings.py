"""The settings of ``nkgeo serve``: each one a name, a default and its help, in one table
(the CLI builds its options from it, the README lists it)."""

from __future__ import annotations

from dataclasses import dataclass

from nkgeo.query.sparqltext import MAX_DEPTH
from nkgeo.query.store import GRAPH_CHOICES, GRAPH_HELP

# name -> (default, help)
SETTINGS = {
    "time_limit": (10.0, "Seconds a query may run; past it the query is stopped and the answer is 503."),
    "max_rows": (10000, "Rows (or triples) a query may return; past it the answer is 500 with a message, never a cut result."),
    "workers": (2, "Worker processes that run the queries (each holds a copy of the dataset)."),
    "worker_memory": (2048, "Megabytes of address space each worker may use (0: no cap)."),
    "allow_service": (False, "Let queries call other endpoints with SERVICE (refused by default)."),
    "cors": (False, "Send CORS headers, so that web pages on other sites may query the endpoint."),
    "graphs": (GRAPH_CHOICES[0], GRAPH_HELP),
    "max_depth": (MAX_DEPTH, "Levels a query's brackets and braces may nest; deeper is refused (400) before parsing."),
    "quote": (True, "Quote the supporting sentences on entity pages when the documents are at hand."),
    "max_body": (1 << 20, "Bytes a request body may hold."),
    "max_request_line": (65536, "Bytes the request line (method, URL, version) may hold; longer is 414 (send long queries by POST)."),
    "max_header_bytes": (65536, "Bytes the request's header fields may hold in all; more is 431."),
    "max_headers": (100, "Header fields a request may have; more is 431."),
    "request_timeout": (10.0, "Seconds a client may take to send a request's head, or pause while sending its body; past it 408."),
}


@dataclass
class Settings:
    time_limit: float = SETTINGS["time_limit"][0]
    max_rows: int = SETTINGS["max_rows"][0]
    workers: int = SETTINGS["workers"][0]
    worker_memory: int = SETTINGS["worker_memory"][0]
    allow_service: bool = SETTINGS["allow_service"][0]
    cors: bool = SETTINGS["cors"][0]
    graphs: str = SETTINGS["graphs"][0]
    quote: bool = SETTINGS["quote"][0]
    max_body: int = SETTINGS["max_body"][0]
    max_depth: int = SETTINGS["max_depth"][0]
    max_request_line: int = SETTINGS["max_request_line"][0]
    max_header_bytes: int = SETTINGS["max_header_bytes"][0]
    max_headers: int = SETTINGS["max_headers"][0]
    request_timeout: float = SETTINGS["request_timeout"][0]

    def check(self) -> Settings:
        from nkgeo.errors import NkgeoError

        if self.time_limit <= 0:
            raise NkgeoError("--time-limit must be a positive number of seconds")
        if self.max_rows < 1:
            raise NkgeoError("--max-rows must be at least 1")
        if self.workers < 1:
            raise NkgeoError("--workers must be at least 1")
        if self.worker_memory < 0:
            raise NkgeoError("--worker-memory must be 0 (no cap) or a number of megabytes")
        if self.graphs not in GRAPH_CHOICES:
            raise NkgeoError(f"--graph must be {', '.join(GRAPH_CHOICES[:-1])} or {GRAPH_CHOICES[-1]}")
        if self.max_depth < 1:
            raise NkgeoError("--max-depth must be at least 1")
        if self.max_request_line < 64 or self.max_header_bytes < 64 or self.max_headers < 1:
            raise NkgeoError("--max-request-line and --max-header-bytes must be at least 64, --max-headers at least 1")
        if self.request_timeout <= 0:
            raise NkgeoError("--request-timeout must be a positive number of seconds")
        return self
