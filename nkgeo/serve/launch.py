"""Running the server: one request without a socket (``nkgeo serve --get``), the real server
(uvicorn on 127.0.0.1), and a server in a child process for tests and benchmarks."""

from __future__ import annotations

import asyncio
import functools
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from nkgeo.errors import NkgeoError


@dataclass
class LocalResponse:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)


def request(app, path: str, method: str = "GET", headers: dict | None = None, body: bytes = b"",
            follow: bool = True) -> LocalResponse:
    """Send one request to the ASGI ``app`` in this process and collect the response; with
    ``follow``, redirects to paths of the same app are followed (at most five)."""
    for _ in range(6):
        response = asyncio.run(_respond(app, _scope(method, path, headers or {}, body), body))
        location = response.header("location")
        if not (follow and response.status in (301, 302, 303, 307, 308) and location):
            return response
        parts = urlsplit(location)
        if parts.netloc and parts.netloc not in ("testserver", "localhost"):
            return response
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if response.status == 303:
            method, body = "GET", b""
    return response


# What a URL may hold as it is: printable ASCII but the space. The rest (a space, 함흥, a control
# character) is percent-encoded as UTF-8, as a browser sends it; escapes already there are kept.
URL_SAFE = "".join(chr(c) for c in range(0x21, 0x7F))


def _scope(method: str, path: str, headers: dict, body: bytes) -> dict:
    """The request as uvicorn would give it to the app: the path and query as a browser sends them
    (percent-encoded UTF-8), then the path decoded; header values that Latin-1 cannot hold are refused."""
    parts = urlsplit(quote(path, safe=URL_SAFE))
    try:
        raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    except UnicodeEncodeError:
        raise NkgeoError("a header value holds a character HTTP headers cannot carry (they are Latin-1)") from None
    raw_headers.append((b"host", b"localhost"))
    if body:
        raw_headers.append((b"content-length", str(len(body)).encode()))
    raw_path = (parts.path or "/").encode("ascii")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method.upper(), "scheme": "http",
        "path": unquote(parts.path or "/"), "raw_path": raw_path, "query_string": parts.query.encode("ascii"),
        "root_path": "", "headers": raw_headers, "client": ("127.0.0.1", 0), "server": ("localhost", 80),
    }
    return scope


async def _respond(app, scope: dict, body: bytes) -> LocalResponse:
    response = LocalResponse(0)
    chunks: list[bytes] = []
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            response.status = message["status"]
            response.headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    try:
        await app(scope, receive, send)
    except Exception:  # the app has answered 500 already (its error handler re-raises for the log)
        if not response.status:
            response.status = 500
    response.body = b"".join(chunks)
    return response


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def check_port(host: str, port: int) -> None:
    """Fail with one line when ``host:port`` cannot be listened on (in use, or not an address here)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise NkgeoError(f"cannot listen on {host}: not a known host name or address") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise NkgeoError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def wait_until_up(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    """Poll ``url`` until it answers (any HTTP status), the process dies, or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise NkgeoError(f"the server stopped while starting (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise NkgeoError(f"{url} did not answer within {timeout:.0f} s")


class ServerProcess:
    """``nkgeo serve`` in a child process on 127.0.0.1 and a free port, stopped on exit.

    >>> with ServerProcess(["--workers", "1"]) as server:   # doctest: +SKIP
    ...     urllib.request.urlopen(server.url + "/sparql?query=ASK{}")
    """

    def __init__(self, args: list[str] | None = None, port: int | None = None, env: dict | None = None,
                 startup_timeout: float = 120.0, quiet: bool = True, log: str | None = None):
        self.args = list(args or [])
        self.port = port or free_port()
        self.env = env
        self.startup_timeout = startup_timeout
        self.quiet = quiet
        self.log = log  # a file for the server's output (its log), instead of nothing (quiet) or ours
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        command = [sys.executable, "-m", "nkgeo", "serve", "--host", "127.0.0.1", "--port", str(self.port), *self.args]
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL if self.quiet else None  # noqa: SIM115 - the child keeps it
        try:
            self.process = subprocess.Popen(command, env=self.env, stdout=output, stderr=output, start_new_session=True)
        finally:
            if self.log:
                output.close()
        try:
            wait_until_up(self.url + "/sparql", self.startup_timeout, self.process)
        except NkgeoError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # its own session: the server and its workers
            self.process.wait(5)

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def process_tree_rss(pid: int) -> int:
    """Resident memory in bytes of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as handle:
                rss[int(entry)] = int(handle.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack.extend(children.get(current, []))
    return total


# --- what ``nkgeo serve`` runs ---------------------------------------------------------------

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def build_server(files, settings):
    """The Server over the given files, or over the compiled dataset when there are none."""
    from nkgeo.serve import require_extra

    require_extra()
    from nkgeo.serve.app import Server
    from nkgeo.serve.data import ServedData

    settings.check()
    if files and settings.graphs != "all":
        raise NkgeoError("--graph asserted|inferred picks graphs of the nkgeo dataset; with FILE... the default graph is the union of the files")
    data = ServedData.from_files(list(files)) if files else ServedData.from_compiled()
    try:
        return Server(data, settings)
    except BaseException:
        data.close()
        raise


def get(files, settings, path: str, accept: str | None = None) -> LocalResponse:
    """One GET request through the application, without a socket (``nkgeo serve --get``)."""
    from nkgeo.serve.app import create_app

    if not path.startswith("/"):
        raise NkgeoError(f"--get takes a path that starts with /, such as /id/hamhung, not {path!r}")
    settings.check()
    settings.workers = 1  # one request needs one worker
    server = build_server(files, settings)
    try:
        return request(create_app(server), path, headers={"accept": accept} if accept else {})
    finally:
        server.close()


def run(files, settings, host: str, port: int, say=print) -> None:
    """Serve until interrupted: check the address, load the data, start the workers, then uvicorn."""
    import uvicorn

    from nkgeo.serve.app import create_app
    from nkgeo.serve.guard import GuardedH11Protocol, HeadLimits

    if port == 0:
        port = free_port(host)
    check_port(host, port)
    server = build_server(files, settings)
    try:
        server.pool.start()  # a dataset the workers cannot load fails here, before listening
    except BaseException:
        server.close()
        raise
    shown = f"[{host}]" if ":" in host else host
    say(f"nkgeo serve: {len(server.data)} triples from {server.data.label}")
    say(f"  home page  http://{shown}:{port}/")
    say(f"  SPARQL     http://{shown}:{port}/sparql   (read-only; {settings.time_limit:g} s and {settings.max_rows} rows per query;"
        f" {settings.workers} worker{'s' if settings.workers != 1 else ''})")
    if host not in LOOPBACK:
        say(f"  warning: listening on {host}, not only on this machine: anyone who can reach it can query the data")
    say("Press Ctrl-C to stop.")
    app = create_app(server)
    uvicorn.run(app, host=host, port=port, http=functools.partial(GuardedH11Protocol, limits=HeadLimits.of(settings)), log_level="info",
                limit_concurrency=256, timeout_keep_alive=5, timeout_graceful_shutdown=5, server_header=False)
