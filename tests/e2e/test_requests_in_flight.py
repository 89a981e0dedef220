"""The live server's requests are counted until their answer is closed, so that a browser test
ends only once the server has finished with its database (tests/e2e/conftest.py)."""

import pytest

from tests.e2e.conftest import RequestsInFlight


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
