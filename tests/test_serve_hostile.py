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
    with ServerProcess(["--workers", "1"]) as running:
        yield running


def exchange(server, raw: bytes, timeout: float = 30) -> bytes:
    """Send ``raw`` bytes, half-close, and read the whole answer (a reset is an error here)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(raw)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


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
