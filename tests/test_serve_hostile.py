"""``nkgeo serve`` under hostile requests (issue 12): every one gets a status HTTP gives it, in the
one error shape, never a 500 or a reset connection.

Rows 3 and 12 go over a real socket to a server on 127.0.0.1 (what uvicorn does to the path and
the request head matters); rows 4 and 5 go through ``--get``.
"""

from __future__ import annotations

import socket

import pytest

from nkgeo.serve.launch import ServerProcess

# Row 3: what cannot be part of an IRI, percent-encoded in the path of /id/ and /doc/.
BAD_IRI_PARTS = ["%20", "%22", "%3C", "%5C", "%7B", "%00", "%ff", "%0d%0a", "%"]


@pytest.fixture(scope="module")
def server(compiled):
    with ServerProcess(["--workers", "1", "--request-timeout", "1"]) as running:
        yield running


def exchange(server, raw: bytes, timeout: float = 30, half_close: bool = True) -> bytes:
    """Send ``raw`` bytes, half-close (or not), and read the whole answer (a reset is an error here)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(raw)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def body_of(answer: bytes) -> bytes:
    return answer.split(b"\r\n\r\n", 1)[1]


def status_of(answer: bytes) -> int:
    line = answer.split(b"\r\n", 1)[0]
    assert line.startswith(b"HTTP/1.1 "), answer[:200]
    return int(line.split()[1])


@pytest.mark.parametrize("kind", ["id", "doc"])
@pytest.mark.parametrize("part", BAD_IRI_PARTS)
def test_a_path_that_is_no_iri_is_404(server, kind, part):
    answer = exchange(server, f"GET /{kind}/a{part}b HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
    assert status_of(answer) == 404, answer[:300]
    assert b'"ok": false' in answer
    assert b"cannot be part of an IRI" in answer or part == "%0d%0a"  # a line break: no route matches, no entity either


def test_serve_get_with_a_non_latin1_name(invoke, compiled):
    """Row 5: a browser sends /find?name=함흥 percent-encoded; --get does the same."""
    result = invoke("serve", "--get", "/find?name=함흥", "--headers")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("HTTP/1.1 200 OK\n")
    assert "<title>Hamhung" in result.output


def test_serve_get_with_a_header_latin1_cannot_hold(invoke, compiled):
    result = invoke("serve", "--get", "/sparql", "--accept", "text/함흥")
    assert result.exit_code == 1
    assert result.output == "Error: a header value holds a character HTTP headers cannot carry (they are Latin-1)\n"


def test_an_entity_linked_to_a_urn_has_a_page(tmp_path, invoke):
    """Row 4: owl:sameAs <urn:isbn:...> (no "//") is shown as it is, unlinked."""
    path = tmp_path / "book.trig"
    path.write_text("<https://w3id.org/nkgeo/graph/links> {\n  <https://w3id.org/nkgeo/id/book> <http://www.w3.org/2000/01/rdf-schema#label>"
                    " \"A book\"@en ;\n    <http://www.w3.org/2002/07/owl#sameAs> <urn:isbn:0451450523>, <javascript:alert(1)>,"
                    " <https://www.wikidata.org/entity/Q42> .\n}\n", encoding="utf-8")
    result = invoke("serve", str(path), "--get", "/id/book.html")
    assert result.exit_code == 0, result.output
    assert '<span title="urn:isbn:0451450523">urn:isbn:0451450523</span>' in result.output
    assert 'href="urn:' not in result.output
    assert 'href="javascript:' not in result.output
    assert '>Wikidata: Q42</a>' in result.output


# --- row 12: the request head ----------------------------------------------------------------

OK_REQUEST = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/sparql-results+json\r\n"
HEADS = {
    "a 200 KB URL": (b"GET /sparql?query=" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414,
                     b"414 URI Too Long: the request line "),  # "has 200027 bytes" or "is longer", as the bytes arrive
    "HTTP/9.9": (b"GET /sparql HTTP/9.9\r\nHost: x\r\n\r\n", 505, b"505 HTTP Version Not Supported: HTTP/9.9 is not supported; use HTTP/1.1\n"),
    "Content-Length with Transfer-Encoding": (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 5\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n", 400,
        b"400 Bad Request: a request may not have both Content-Length and Transfer-Encoding (RFC 9112, section 6.1)\n"),
    "a 100 KB header": (b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 100_000 + b"\r\n\r\n", 431,
                        b"431 Request Header Fields Too Large: the header fields have 100018 bytes, more than the 65536 this server takes\n"),
    "5,000 headers": (b"GET /sparql HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: v\r\n" % i for i in range(5000)) + b"\r\n", 431,
                      b"431 Request Header Fields Too Large: the request has 5001 header fields, more than the 100 this server takes\n"),
    "a gzip transfer coding": (b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501,
                               b"501 Not Implemented: the request is not valid HTTP/1.1: Only Transfer-Encoding: chunked is supported\n"),
    "a head cut short": (b"GET /sparql HTTP/1.1\r\nHost: x\r\n", 400,
                         b"400 Bad Request: the request is not valid HTTP/1.1: peer unexpectedly closed connection\n"),
}


# Each head sent then half-closed, and sent with the connection left open (the client reads the
# answer while it could still send); a head cut short is one only when the client half-closes.
@pytest.mark.parametrize(("case", "half_close"), [(case, half) for case in sorted(HEADS) for half in (True, False)
                                                  if half or case != "a head cut short"])
def test_a_bad_head_gets_its_status_not_a_reset(server, case, half_close):
    raw, status, body = HEADS[case]
    answer = exchange(server, raw, half_close=half_close)
    assert status_of(answer) == status, answer[:300]
    assert b"\r\nconnection: close\r\n" in answer.split(b"\r\n\r\n", 1)[0] + b"\r\n"
    assert body_of(answer).startswith(body)
    assert body_of(answer).endswith(b"\n") and body_of(answer).count(b"\n") == 1


def test_a_head_that_does_not_arrive_in_time_is_408(server):
    answer = exchange(server, b"GET /sparql HTTP/1.1\r\nHost: x\r\n", half_close=False)
    assert status_of(answer) == 408
    assert body_of(answer) == b"408 Request Timeout: the request head did not arrive within 1 s\n"


def test_a_body_that_stops_coming_is_408(server):
    head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK"
    answer = exchange(server, head, half_close=False)
    assert status_of(answer) == 408
    assert body_of(answer) == b"408 Request Timeout: the request body stopped coming for 1 s\n"


def test_a_body_cut_short_by_a_half_close_is_400(server):
    head = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK"
    answer = exchange(server, head)
    assert status_of(answer) == 400
    assert body_of(answer) == b"400 Bad Request: the request body was cut short\n"


def test_a_silent_connection_is_closed(server):
    assert exchange(server, b"", half_close=False) == b""


def test_a_good_request_after_a_half_close_is_answered(server):
    answer = exchange(server, OK_REQUEST + b"\r\n")
    assert status_of(answer) == 200
    assert body_of(answer) == b'{"head":{},"boolean":true}\n'


def test_keep_alive_and_pipelining_still_work(server):
    answer = exchange(server, OK_REQUEST + b"\r\n" + OK_REQUEST + b"Connection: close\r\n\r\n", half_close=False)
    assert answer.count(b"HTTP/1.1 200 OK") == 2


def test_the_limits_are_settings(compiled):
    with ServerProcess(["--workers", "1", "--max-request-line", "100", "--max-headers", "3"]) as small:
        assert status_of(exchange(small, b"GET /sparql?query=" + b"a" * 100 + b" HTTP/1.1\r\nHost: x\r\n\r\n")) == 414
        assert status_of(exchange(small, b"GET /sparql HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n")) == 431
        assert status_of(exchange(small, OK_REQUEST + b"\r\n")) == 200
