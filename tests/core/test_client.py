"""The API client against the real simulator over loopback HTTP."""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest

from kiosk.api import (
    ApiRefusal,
    ConfigurationError,
    DigiswitchClient,
    KeyUnavailableError,
    NotSentError,
    OutcomeUnknownError,
    ReplyUnreadableError,
    new_ref_id,
    sign,
)
from kiosk.rc import Outcome
from tests.support.demo_client import demo_client
from tests.support.stub_server import closed_port, stub_server

KEY = "demo-key"


def make_client(url: str, *, key: str = KEY, read: float = 3.0, **kw: object) -> DigiswitchClient:
    return demo_client(url, key=key, read=read, **kw)


def test_sign_is_md5_of_username_key_and_suffix() -> None:
    # md5("demo" + "demo-key" + "ref1")
    import hashlib

    assert sign("demo", "demo-key", "ref1") == hashlib.md5(b"demodemo-keyref1").hexdigest()
    assert len(sign("u", "k", "depo")) == 32


def test_ref_ids_are_digits_and_unique() -> None:
    ids = {new_ref_id() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(i.isdigit() and len(i) == 14 for i in ids)


def test_inquiry_pay_status_share_one_ref_id(sim) -> None:
    client = make_client(sim.url)
    ref = new_ref_id()
    bill = client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)
    assert bill.outcome is Outcome.SUCCESS
    assert bill.name and bill.amounts().total == bill.selling_price
    paid = client.pay(code="pln", customer_no="530000000001", ref_id=ref)
    assert paid.outcome is Outcome.SUCCESS and paid.sn
    status = client.status(code="pln", customer_no="530000000001", ref_id=ref)
    assert status.outcome is Outcome.SUCCESS and status.sn == paid.sn
    bodies = sim.requests()
    assert [b["command"] for b in bodies] == ["inq-pasca", "pay-pasca", "status-pasca"]
    assert {b["ref_id"] for b in bodies} == {ref}
    assert all(b["testing"] is True for b in bodies)
    assert sim.pay_count(ref) == 1


def test_failed_inquiry_raises_refusal_with_customer_message(sim) -> None:
    client = make_client(sim.url)
    with pytest.raises(ApiRefusal) as caught:
        client.inquiry(code="pln", customer_no="990000000054", ref_id=new_ref_id())
    assert caught.value.rc == "54"
    assert "Periksa kembali nomor" in caught.value.user_message("id")
    assert "check the number" in caught.value.user_message("en")


def test_failed_pay_is_a_reply_not_an_exception(sim) -> None:
    client = make_client(sim.url)
    ref = new_ref_id()
    client.inquiry(code="pln", customer_no="530000000006", ref_id=ref)
    reply = client.pay(code="pln", customer_no="530000000006", ref_id=ref)
    assert reply.outcome is Outcome.FAILED
    assert not reply.sn


def test_wrong_key_is_refused_with_rc_41(sim) -> None:
    client = make_client(sim.url, key="not-the-key")
    with pytest.raises(ApiRefusal) as caught:
        client.balance()
    assert caught.value.rc == "41"
    with pytest.raises(ApiRefusal) as caught:
        client.inquiry(code="pdam", customer_no="1013226", ref_id=new_ref_id())
    assert caught.value.rc == "41"
    assert "not-the-key" not in str(caught.value)


def test_balance_is_exact_and_goes_down_after_a_payment(sim) -> None:
    client = make_client(sim.url)
    before = client.balance()
    assert isinstance(before, Decimal)
    ref = new_ref_id()
    bill = client.inquiry(code="pdam", customer_no="1013226", ref_id=ref)
    client.pay(code="pdam", customer_no="1013226", ref_id=ref)
    assert client.balance() == before - bill.price


def test_plain_http_is_refused_for_remote_hosts() -> None:
    with pytest.raises(ConfigurationError):
        make_client("http://mitrapintar.api.digiswitch.id/v1/user/api/")
    with pytest.raises(ConfigurationError):
        make_client("ftp://127.0.0.1/")
    for ok in (
        "https://example.invalid/api/",
        "http://127.0.0.1:1/",
        "http://localhost:1/",
        "http://[::1]:1/",
    ):
        make_client(ok).close()


def test_connection_refused_is_not_sent() -> None:
    client = make_client(f"http://127.0.0.1:{closed_port()}/v1/user/api/")
    with pytest.raises(NotSentError) as caught:
        client.pay(code="pln", customer_no="530000000001", ref_id=new_ref_id())
    assert not isinstance(caught.value, OutcomeUnknownError)
    assert "koneksi internet" in caught.value.user_message("id")


def test_a_keychain_failure_sends_nothing_and_leaks_nothing(sim) -> None:
    def broken() -> str:
        raise RuntimeError("secret-value-in-error")

    client = DigiswitchClient(base_url=sim.url, username="demo", key_provider=broken)
    with pytest.raises(KeyUnavailableError) as caught:
        client.pay(code="pln", customer_no="530000000001", ref_id=new_ref_id())
    assert "secret-value-in-error" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert sim.requests() == []


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("92", OutcomeUnknownError),  # connection dropped after the payment was made
        ("93", ReplyUnreadableError),  # HTTP 502 with an HTML body
        ("94", ReplyUnreadableError),  # invalid JSON
        ("95", ReplyUnreadableError),  # no "data" wrapper
        ("98", ReplyUnreadableError),  # a body far over the size cap
    ],
)
def test_faults_after_sending_are_outcome_unknown(sim, fault: str, error: type) -> None:
    client = make_client(sim.url)
    ref = new_ref_id()
    number = "9900000000" + fault
    client.inquiry(code="pln", customer_no=number, ref_id=ref)
    with pytest.raises(error) as caught:
        client.pay(code="pln", customer_no=number, ref_id=ref)
    assert isinstance(caught.value, OutcomeUnknownError)
    assert "jangan membayar ulang" in caught.value.user_message("id")
    assert sim.pay_count(ref) == 1  # the money moved: only a status call may tell
    resolved = client.status(code="pln", customer_no=number, ref_id=ref)
    assert resolved.outcome is Outcome.SUCCESS


def test_a_reply_slower_than_the_read_timeout_is_outcome_unknown() -> None:
    from kiosk.sim import Simulator

    with Simulator(port=0, slow_seconds=1.0) as slow_sim:
        client = make_client(slow_sim.url, read=0.3)
        ref = new_ref_id()
        client.inquiry(code="pdam", customer_no="990000091", ref_id=ref)
        with pytest.raises(OutcomeUnknownError):
            client.pay(code="pdam", customer_no="990000091", ref_id=ref)
        assert slow_sim.pay_count(ref) == 1


def test_unknown_rc_means_pending(sim) -> None:
    client = make_client(sim.url)
    ref = new_ref_id()
    client.inquiry(code="tv", customer_no="990000000096", ref_id=ref)
    reply = client.pay(code="tv", customer_no="990000000096", ref_id=ref)
    assert reply.rc not in ("00", "03", "99")
    assert reply.outcome is Outcome.PENDING


def test_inquiry_answered_with_html_is_unreadable(sim) -> None:
    client = make_client(sim.url)
    with pytest.raises(ReplyUnreadableError):
        client.inquiry(code="pln", customer_no="990000000097", ref_id=new_ref_id())


def test_redirects_are_not_followed() -> None:
    redirect = stub_server(302, b"", {"Location": "https://elsewhere.invalid/"})
    with redirect as url, pytest.raises(ReplyUnreadableError, match="HTTP 302"):
        make_client(url).balance()


def test_reply_for_another_ref_id_is_not_trusted() -> None:
    body = b'{"data": {"ref_id": "other", "rc": "00", "status": "Sukses", "sn": "X"}}'
    with stub_server(200, body) as url, pytest.raises(ReplyUnreadableError):
        make_client(url).pay(code="pln", customer_no="530000000001", ref_id="mine")


def test_wrong_types_in_a_reply_are_unreadable_not_a_crash() -> None:
    body = b'{"data": {"ref_id": "r1", "rc": "00", "price": "lots", "sn": "X"}}'
    with stub_server(200, body) as url, pytest.raises(ReplyUnreadableError, match="price"):
        make_client(url).pay(code="pln", customer_no="530000000001", ref_id="r1")


def test_logs_never_hold_the_key_or_the_sign(sim, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = make_client(sim.url)
    ref = new_ref_id()
    client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)
    client.pay(code="pln", customer_no="530000000001", ref_id=ref)
    client.balance()
    text = caplog.text
    assert ref in text  # the request id is logged...
    assert KEY not in text  # ...the key and the signs are not
    assert sign("demo", KEY, ref) not in text
    assert sign("demo", KEY, "depo") not in text
