"""The request head, checked before the application sees it: each way it can be wrong gets the
status HTTP gives it, and the client reads the answer (no reset connection).

uvicorn's HTTP/1.1 protocol over h11 answers every malformed head with 400 and closes at once;
when the client is still sending (a 200 KB URL), closing with unread bytes resets the connection,
so the client sees "connection reset" instead of an answer. h11 also takes what RFC 9112 lets a
server refuse: any version ``HTTP/d.d``, ``Content-Length`` together with ``Transfer-Encoding``
(the classic request smuggling), thousands of header lines. :class:`GuardedH11Protocol` is
uvicorn's protocol with these checks and limits (:class:`HeadLimits`, from the server's settings):

- a request line longer than ``max_request_line`` bytes: ``414 URI Too Long``;
- header fields past ``max_header_bytes`` bytes in all, or more than ``max_headers`` of them:
  ``431 Request Header Fields Too Large``;
- a version other than HTTP/1.0 and HTTP/1.1: ``505 HTTP Version Not Supported``;
- both ``Content-Length`` and ``Transfer-Encoding``, or any other head h11 cannot read (one cut
  short by the client's half-close included): ``400``; a transfer coding other than chunked: ``501``;
- a head that has not arrived ``request_timeout`` seconds after the connection opened (or after
  the last answer), or a body that stops coming for as long: ``408 Request Timeout`` (a silent
  connection is closed), so that slow clients cannot hold the server's connections.

A client that half-closes after its request (``shutdown(SHUT_WR)``) gets its answer, then the
connection closes (uvicorn alone would close it unanswered).

The answer is one line of plain text, as the application's errors are by default (``error_text``),
with ``Connection: close``; then the connection stops sending, reads and drops what the client is
still sending (for at most :data:`LINGER_SECONDS` and :data:`LINGER_BYTES`), and closes.
"""

from __future__ import annotations

from typing import NamedTuple

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

LINGER_SECONDS = 2.0
LINGER_BYTES = 4 << 20
REFUSALS = (400, 414, 431, 501, 505)  # the statuses of a refused head


class HeadLimits(NamedTuple):
    max_request_line: int = 65536
    max_header_bytes: int = 65536
    max_headers: int = 100
    request_timeout: float = 10.0

    @classmethod
    def of(cls, settings) -> HeadLimits:
        """The limits of a server's settings (``serve.settings.Settings``)."""
        return cls(settings.max_request_line, settings.max_header_bytes, settings.max_headers, settings.request_timeout)

    @property
    def buffer(self) -> int:
        """The most h11 may buffer of an incomplete head: a line, its fields, their line ends."""
        return self.max_request_line + self.max_header_bytes + 2 * self.max_headers + 4


def head_problem(event: h11.Request, limits: HeadLimits) -> tuple[int, str] | None:
    """The status and message for a request head h11 has read but HTTP lets a server refuse, or None."""
    line = len(event.method) + len(event.target) + 10  # "GET /x HTTP/1.1"
    if line > limits.max_request_line:
        return 414, (f"the request line has {line} bytes, more than the {limits.max_request_line} this server takes; "
                     f"send a long query by POST")
    if event.http_version not in (b"1.0", b"1.1"):
        return 505, f"HTTP/{event.http_version.decode('ascii', 'replace')} is not supported; use HTTP/1.1"
    headers = list(event.headers)
    if len(headers) > limits.max_headers:
        return 431, f"the request has {len(headers)} header fields, more than the {limits.max_headers} this server takes"
    size = sum(len(name) + len(value) + 4 for name, value in headers)
    if size > limits.max_header_bytes:
        return 431, f"the header fields have {size} bytes, more than the {limits.max_header_bytes} this server takes"
    names = {name for name, _value in headers}
    if b"content-length" in names and b"transfer-encoding" in names:
        return 400, "a request may not have both Content-Length and Transfer-Encoding (RFC 9112, section 6.1)"
    return None


class GuardedConnection(h11.Connection):
    """h11's server side, refusing heads past the limits and remembering why it refused one."""

    def __init__(self, limits: HeadLimits):
        super().__init__(h11.SERVER, max_incomplete_event_size=limits.buffer)
        self.limits = limits
        self.refusal: tuple[int, str] | None = None

    def next_event(self):
        try:
            event = super().next_event()
        except h11.RemoteProtocolError as exc:
            self.refusal = self._refusal_for(exc)
            raise
        if isinstance(event, h11.Request):
            problem = head_problem(event, self.limits)
            if problem is not None:
                self.refusal = problem
                raise h11.RemoteProtocolError(problem[1], problem[0])
        return event

    def _refusal_for(self, exc: h11.RemoteProtocolError) -> tuple[int, str]:
        if exc.error_status_hint == 431:  # h11's buffer is full: the request line, or the fields after it, are too long
            pending = self.trailing_data[0].lstrip(b"\r\n")
            end = pending.find(b"\n")
            if end < 0 or end > self.limits.max_request_line:
                return 414, (f"the request line is longer than the {self.limits.max_request_line} bytes this server takes; "
                             f"send a long query by POST")
            return 431, f"the header fields are longer than the {self.limits.max_header_bytes} bytes this server takes"
        status = exc.error_status_hint if exc.error_status_hint in REFUSALS else 400
        return status, f"the request is not valid HTTP/1.1: {' '.join(str(exc).split())[:200]}"


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with the head checked (:class:`GuardedConnection`), refusals answered
    with their status, deadlines for heads and bodies, and a lingering close; give it to uvicorn
    as ``http=functools.partial(GuardedH11Protocol, limits=HeadLimits(...))``."""

    def __init__(self, *args, limits: HeadLimits | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.conn = GuardedConnection(limits or HeadLimits())
        self._draining = 0  # bytes dropped since the refusal, plus one
        self._timer = None
        self._linger = None
        self._client_done = False

    # Deadlines: for a request head, from the connection (or the last answer) on; for a body, from
    # its last bytes on. Slow or silent clients would otherwise hold a connection for ever.

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _watch(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self.loop.call_later(self.conn.limits.request_timeout, self._timeout)

    def _unwatch(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _timeout(self) -> None:
        self._timer = None
        seconds = f"{self.conn.limits.request_timeout:g} s"
        if self._draining:
            return
        if not self._waiting_for_head():
            if self.cycle.more_body:
                self._cut_short(408, f"the request body stopped coming for {seconds}")
        elif self.conn.trailing_data[0].strip():
            self._refuse(408, f"the request head did not arrive within {seconds}")
        else:
            self.transport.close()

    def _cut_short(self, status: int, message: str) -> None:
        """Refuse a request whose body will not come whole: the application gets a disconnect."""
        self.cycle.disconnected = True
        self.cycle.message_event.set()
        self._refuse(status, message)

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._watch()

    def data_received(self, data: bytes) -> None:
        if self._draining:
            self._draining += len(data)
            if self._draining > LINGER_BYTES:
                self.transport.close()
            return
        super().data_received(data)
        if self._draining or self._waiting_for_head():
            return  # a head under way keeps the deadline it has
        if self.cycle.more_body:
            self._watch()  # more of the body to come: within request_timeout of these bytes
        else:
            self._unwatch()  # the request is whole: the application's time limit holds from here

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self._client_done and not self.transport.is_closing():
            self.transport.close()  # the client said it had sent all: the answer was what it waited for
        elif not self.transport.is_closing():
            self._watch()

    def eof_received(self):
        """The client has sent all (a half-close): answer a request under way, then close; a head
        cut short is a 400, like any head h11 cannot read."""
        self._client_done = True
        if self._draining:
            self.transport.close()
            return None
        if not self._waiting_for_head():
            if self.cycle.more_body:  # the body was cut short: the application will not get the rest
                self._cut_short(400, "the request body was cut short")
                return True
            return True  # keep the transport open for the answer
        if self.conn.trailing_data[0].strip():
            self.conn.receive_data(b"")
            self.handle_events()  # h11 raises "peer unexpectedly closed connection": our 400
            return True
        return None

    def connection_lost(self, exc) -> None:
        for timer in (self._linger, self._timer):
            if timer is not None:
                timer.cancel()
        super().connection_lost(exc)

    # Refusals.

    def send_400_response(self, msg: str) -> None:  # uvicorn's name; the status is the refusal's
        status, message = self.conn.refusal or (400, msg)
        self._refuse(status, message)

    def _refuse(self, status: int, message: str) -> None:
        """Answer ``status`` with the message as plain text, stop sending, drop what still comes, close."""
        from nkgeo.serve.app import STATUS_TITLES, error_text

        body = error_text(status, message).encode("utf-8")
        head = (f"HTTP/1.1 {status} {STATUS_TITLES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\n"
                f"content-length: {len(body)}\r\nconnection: close\r\n\r\n")
        self.transport.write(head.encode("ascii") + body)
        self._draining = 1
        if self._client_done:
            self.transport.close()
            return
        self.flow.resume_reading()
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self._linger = self.loop.call_later(LINGER_SECONDS, self.transport.close)
