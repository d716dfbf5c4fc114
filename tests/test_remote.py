"""Credentials in an endpoint URL (issue 12, row 11): taken out of the URL and sent as --user and
--password are, never printed; a token in the query string is sent and masked in every message.

The endpoint is a stub on 127.0.0.1 that asks for Basic authentication, as Virtuoso or Fuseki do.
"""

from __future__ import annotations

import base64
import http.server
import json
import threading

import pytest

from nkgeo.query.remote import Endpoint, RemoteError
from nkgeo.serve.launch import free_port

USER, PASSWORD, TOKEN = "dba", "s3cret-pw", "t0ken-abcdef"


class AuthStub(http.server.BaseHTTPRequestHandler):
    """Answers ASK with true to dba:s3cret-pw, asks for Basic credentials otherwise, and echoes the
    request line in its errors (as some servers do: a careless message would leak the token)."""

    seen: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append({"path": self.path, "authorization": self.headers.get("Authorization")})
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if "fail" in self.path:
            self.send_response(500)
            self.end_headers()
            self.wfile.write(f"cannot answer {self.requestline}".encode())
        elif self.headers.get("Authorization") != expected and "token" not in self.path:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(json.dumps({"head": {}, "boolean": True}).encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stub():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AuthStub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_credentials_in_the_url_are_sent_in_answer_to_the_challenge(invoke, stub):
    AuthStub.seen.clear()
    result = invoke("sparql", "ASK {}", "--endpoint", f"http://{USER}:{PASSWORD}@{stub}/sparql")
    assert result.exit_code == 0, result.output
    assert result.output == "yes\n"
    assert [s["authorization"] is not None for s in AuthStub.seen] == [False, True]  # challenged, then answered


def test_credentials_in_the_url_are_never_printed(invoke, stub):
    result = invoke("sparql", "ASK {}", "--endpoint", f"http://{USER}:{PASSWORD}@{stub}/fail")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: http://{stub}/fail answered 500")
    assert PASSWORD not in result.output


def test_a_token_in_the_query_string_is_sent_and_masked(invoke, stub):
    AuthStub.seen.clear()
    assert invoke("sparql", "ASK {}", "--endpoint", f"http://{stub}/sparql?access_token={TOKEN}").output == "yes\n"
    assert AuthStub.seen[0]["path"] == f"/sparql?access_token={TOKEN}"
    result = invoke("sparql", "ASK {}", "--endpoint", f"http://{stub}/fail?access_token={TOKEN}&x=1")
    assert result.exit_code == 1
    assert TOKEN not in result.output
    assert result.output.startswith(f"Error: http://{stub}/fail?access_token=***&x=1 answered 500 Internal Server Error: "
                                    f"cannot answer POST /fail?access_token=***&x=1 HTTP/1.1\n")


def test_an_unreachable_endpoint_with_credentials(invoke):
    port = free_port()
    result = invoke("sparql", "ASK {}", "--endpoint", f"http://{USER}:{PASSWORD}@127.0.0.1:{port}/sparql?key={TOKEN}")
    assert result.output == f"Error: cannot reach http://127.0.0.1:{port}/sparql?key=***: Connection refused\n"


@pytest.mark.parametrize(("url", "options", "message"), [
    (f"http://{USER}:{PASSWORD}@h/sparql", {"user": "other", "password": "x"}, "give the credentials in the URL or with --user"),
    (f"http://{USER}:{PASSWORD}@[::1/sparql", {}, "'http://[::1/sparql' is not a URL nkgeo can send to"),
    (f"http://{USER}:{PASSWORD}@h:port/sparql", {}, "'http://h:port/sparql' is not a URL nkgeo can send to"),
])
def test_bad_urls_with_credentials(url, options, message):
    with pytest.raises(RemoteError) as raised:
        Endpoint(url, **options)
    assert str(raised.value).startswith(message)
    assert PASSWORD not in str(raised.value)


def test_the_repr_shows_no_secret():
    endpoint = Endpoint(f"http://{USER}:{PASSWORD}@h/sparql?token={TOKEN}")
    assert repr(endpoint) == "Endpoint('http://h/sparql?token=***')"
    assert (endpoint.user, endpoint.password) == (USER, PASSWORD)


class DeepAnswerStub(http.server.BaseHTTPRequestHandler):
    """An endpoint whose answer nests triple terms 5,000 deep: pyoxigraph's results parser would crash."""

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["Content-Length"]))
        term = '{"type": "triple", "value": {"subject": ' * 5000 + '{"type": "uri", "value": "http://e/x"}' + "}}" * 5000
        body = ('{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": ' + term + "}]}}").encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_hostile_answer_is_one_line_not_a_crash():
    """In a child process: a regression would kill it with SIGSEGV, not the test session."""
    import subprocess
    import sys

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), DeepAnswerStub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        done = subprocess.run([sys.executable, "-m", "nkgeo", "sparql", "SELECT * WHERE { ?s ?p ?o }", "--endpoint",
                               f"http://127.0.0.1:{server.server_port}/sparql"], capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 1, done.stderr[-500:]
    assert done.stderr == (f"Error: cannot read the answer of http://127.0.0.1:{server.server_port}/sparql: the answer nests JSON objects "
                           f"and arrays more than 200 levels deep, which nkgeo does not read (a parser would overflow its stack)\n")
