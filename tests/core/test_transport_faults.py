"""Transport faults after the request went out are *unknown*, never "not sent";
kept-alive connections are reused, but never one the server has closed.

Real loopback servers (tests/support/tls_server.py): TLS with a certificate made
for the test, broken after the request was read; a TLS handshake the client
refuses; and a reply trickled a byte at a time past the total deadline.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kiosk.api import DigiswitchClient, NotSentError, OutcomeUnknownError, Timeouts
from tests.support.demo_client import demo_client
from tests.support.tls_server import (
    BREAK_BEFORE_REPLY,
    BREAK_MID_BODY,
    keepalive_server,
    make_certificate,
    tls_server,
    trickle_server,
)


def client_for(url: str, ca_bundle: str | None, timeouts: Timeouts) -> DigiswitchClient:
    return demo_client(url, testing=False, timeouts=timeouts, ca_bundle=ca_bundle)


def pay(client: DigiswitchClient) -> None:
    client.pay(code="pln", customer_no="530000000001", ref_id="26120300000001")


@pytest.mark.parametrize("break_at", [BREAK_BEFORE_REPLY, BREAK_MID_BODY])
def test_tls_broken_after_the_request_was_read_is_unknown(tmp_path: Path, break_at: str) -> None:
    with tls_server(tmp_path, break_at=break_at) as server:
        client = client_for(server.url, server.ca_bundle, Timeouts(connect=2, read=5))
        with pytest.raises(OutcomeUnknownError) as caught:
            pay(client)
        client.close()
    assert not isinstance(caught.value, NotSentError)
    assert len(server.requests) == 1 and b'"command":"pay-pasca"' in server.requests[0]
    assert "jangan membayar ulang" in caught.value.user_message("id")


def test_a_refused_tls_handshake_is_not_sent(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    other_ca, _ = make_certificate(other)  # a CA the server's certificate is not from
    with tls_server(tmp_path, break_at=BREAK_BEFORE_REPLY) as server:
        client = client_for(server.url, str(other_ca), Timeouts(connect=2, read=5))
        with pytest.raises(NotSentError):
            pay(client)
        client.close()
    assert server.requests == []  # the handshake failed: nothing was read


def test_a_trickled_reply_ends_at_the_total_deadline() -> None:
    """One byte every 0.3 s never trips the 2 s read timeout; the 1.5 s total does."""
    with trickle_server(every=0.3) as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2, total=1.5))
        started = time.monotonic()
        with pytest.raises(OutcomeUnknownError) as caught:
            pay(client)
        took = time.monotonic() - started
        client.close()
    assert 1.4 <= took < 4, took  # the whole reply would take about 13 s
    assert "cut off" in str(caught.value)
    assert len(server.requests) == 1


def test_a_reply_within_the_total_deadline_is_read() -> None:
    with trickle_server(every=0.01) as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2, total=10))
        reply = client.pay(code="pln", customer_no="530000000001", ref_id="26120300000001")
        client.close()
    assert reply.rc == "00"


def status(client: DigiswitchClient) -> None:
    client.status(code="pln", customer_no="530000000001", ref_id="26120300000001")


def test_calls_share_one_kept_alive_connection_but_a_pay_opens_its_own() -> None:
    """A pay never rides a connection kept from before: its server may be closing it as
    the pay goes out, and the reset would leave a payment it never saw Pending."""
    with keepalive_server() as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2))
        for _ in range(3):
            status(client)
        assert server.connections == 1
        pay(client)
        assert server.connections == 2
        status(client)  # the pay's connection is kept afterwards
        client.close()
    assert (len(server.requests), server.connections) == (5, 2)


def test_a_connection_the_server_closed_while_idle_is_not_used_again() -> None:
    """Sending on it would end in a reset after the request went out: an unknown
    outcome for a request the server never saw."""
    with keepalive_server(hang_up=True) as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2))
        status(client)
        assert server.hung_up.acquire(timeout=5)
        reply = client.status(code="pln", customer_no="530000000001", ref_id="26120300000001")
        client.close()
    assert reply.rc == "00"
    assert (len(server.requests), server.connections) == (2, 2)


def test_a_kept_alive_connection_reset_as_a_status_goes_out_is_asked_again_once() -> None:
    """The server's keep-alive ran out just as the request came in (the idle check cannot
    see that coming): the reset is before any reply, and a status moves no money, so it
    is asked once more on a new connection instead of coming back as unknown."""
    with keepalive_server(reset_nth=2) as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2))
        status(client)
        reply = client.status(code="pln", customer_no="530000000001", ref_id="26120300000001")
        client.close()
    assert reply.rc == "00"
    assert (len(server.requests), server.connections) == (3, 2)


def test_a_reset_on_a_new_connection_is_unknown_and_not_asked_again() -> None:
    """Only a reused connection can be stale; a new one reset under a request may mean the
    server acted on it: unknown, and the request went out once."""
    with keepalive_server(reset_nth=1) as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2))
        with pytest.raises(OutcomeUnknownError):
            status(client)
        client.close()
    assert (len(server.requests), server.connections) == (1, 1)


def test_a_reply_shorter_than_its_content_length_is_unknown() -> None:
    with keepalive_server(missing=10) as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2))
        with pytest.raises(OutcomeUnknownError) as caught:
            pay(client)
        client.close()
    assert "cut off" in str(caught.value)
    assert len(server.requests) == 1


def test_a_closed_client_keeps_no_connection_open() -> None:
    """Settings swap the client between payments: the old one must not keep a socket to
    the provider, not even one a late call opened after it was closed."""
    with keepalive_server() as server:
        client = client_for(server.url, None, Timeouts(connect=1, read=2))
        status(client)
        client.close()
        assert server.hung_up.acquire(timeout=5)  # the idle connection went
        status(client)  # a call after close still works, on a connection of its own
        assert server.hung_up.acquire(timeout=5)  # which is not kept either
    assert (len(server.requests), server.connections) == (2, 2)
