"""The live server's requests are counted until their answer is closed, so that a browser test
ends only once the server has finished with its database (tests/e2e/conftest.py)."""

import socket
import threading
from types import SimpleNamespace

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

from tests.e2e.conftest import RequestsInFlight, requests_in_flight


def test_a_request_counts_until_its_answer_is_closed():
    def app(environ, start_response):
        start_response("200 OK", [])
        return [b"audio"]

    in_flight = RequestsInFlight(app)
    answer = in_flight({}, lambda *args: None)
    assert list(answer) == [b"audio"]
    assert not in_flight.wait_until_idle(timeout=0.01)
    answer.close()
    assert in_flight.wait_until_idle(timeout=0.01)


def test_a_request_that_fails_is_not_left_counted():
    def app(environ, start_response):
        raise RuntimeError("the view failed")

    in_flight = RequestsInFlight(app)
    with pytest.raises(RuntimeError):
        in_flight({}, lambda *args: None)
    assert in_flight.wait_until_idle(timeout=0.01)


def test_a_connection_counts_from_its_accept_until_its_thread_is_done():
    """The browser's late request (a /favicon.ico asked for as the page closes) is counted
    before it reaches the application, so the database is not emptied under it."""

    def app(environ, start_response):
        start_response("200 OK", [("Content-Length", "2")])
        return [b"ok"]

    httpd = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    httpd.set_app(app)
    in_flight = requests_in_flight(SimpleNamespace(thread=SimpleNamespace(httpd=httpd)))
    address = httpd.server_address[:2]
    # opened before the server accepts anything: it waits in the listen queue, as a browser's
    # connection does on a busy machine, and the last connection is accepted after it
    late = socket.create_connection(address)
    server = threading.Thread(target=httpd.serve_forever, daemon=True)
    server.start()
    try:
        assert not in_flight.wait_for_connections_before_now(address, timeout=0.5)
        with in_flight.changed:
            assert in_flight.changed.wait_for(lambda: in_flight.connections == 1, timeout=10)
        late.sendall(b"GET /favicon.ico HTTP/1.0\r\n\r\n")
        assert late.recv(1024).startswith(b"HTTP/1.1 200")
        late.close()
        assert in_flight.wait_for_connections_before_now(address, timeout=10)
    finally:
        httpd.shutdown()
        httpd.server_close()
