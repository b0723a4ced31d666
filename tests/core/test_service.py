"""Pay once, lose nothing: the payment service against the real simulator."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.api import new_ref_id
from kiosk.business_day import WIB
from kiosk.journal import Journal, PaymentState
from kiosk.payment import (
    BillRequest,
    InquiryFailed,
    PaymentResult,
    PaymentService,
    PendingPaymentExists,
    StaleBill,
    StatusResolver,
)
from kiosk.sim import Simulator
from tests.support.demo_client import demo_client

S = PaymentState
ROOT = Path(__file__).resolve().parent.parent.parent


def service_for(
    url: str, path: Path, *, read: float = 3.0, interval: float = 0, **kw: object
) -> PaymentService:
    client = demo_client(url, read=read)
    return PaymentService(
        client=client, journal=Journal(path), status_interval=interval, allow_fast_status=True, **kw
    )  # type: ignore[arg-type]


def ask(service: PaymentService, ref_id: str) -> PaymentResult:
    """One explicit status check through the resolver (the only way to ask)."""
    return StatusResolver(service).check(ref_id).result


def reconcile(service: PaymentService) -> list[PaymentResult]:
    return [a.result for a in StatusResolver(service).run_due() if a.asked]


@pytest.fixture
def service(sim: Simulator, tmp_path: Path) -> PaymentService:
    return service_for(sim.url, tmp_path / "j.sqlite3")


def test_success_records_sn_and_one_payment(sim: Simulator, service: PaymentService) -> None:
    bill = service.inquire(BillRequest("pln", "530000000001"))
    result = service.pay(bill)
    assert result.state is S.SUCCESS and result.sn and result.bill is not None
    assert result.message.id == "Transaksi berhasil."
    assert sim.pay_count(bill.ref_id) == 1
    states = [e.state for e in service.journal.events(bill.ref_id)]
    assert states == [S.INQUIRED, S.SENDING, S.SUCCESS]


def test_failed_pay_says_not_paid_at_once_then_confirms_the_refund(
    sim: Simulator, service: PaymentService
) -> None:
    bill = service.inquire(BillRequest("pln", "530000000006"))
    first = service.pay(bill)
    assert first.state is S.DECLINED  # rc 02 has a provider record: confirm the refund
    assert "TIDAK terbayar" in first.message.id and "dikonfirmasi" in first.message.id
    final = ask(service, bill.ref_id)
    assert final.state is S.FAILED and "sudah dikonfirmasi" in final.message.id


def test_an_inquiry_under_a_taken_ref_id_is_asked_again_under_a_new_one(
    sim: Simulator, tmp_path: Path
) -> None:
    """rc 49 at inquiry: the random ref_id was taken (by this kiosk or another on the same
    account). The customer gets the bill, not "Ref ID tidak unik"."""
    taken = new_ref_id()
    fresh = new_ref_id()
    picks = iter([taken, fresh])
    service = service_for(sim.url, tmp_path / "j.sqlite3", ref_ids=lambda now: next(picks))
    service.client.inquiry(code="pln", customer_no="530000000001", ref_id=taken)
    bill = service.inquire(BillRequest("pln", "530000000002"))
    assert bill.ref_id == fresh
    assert service.pay(bill).state is S.SUCCESS
    asked = [(r["ref_id"], r["customer_no"]) for r in sim.requests("inq-pasca")]
    assert asked[1:] == [(taken, "530000000002"), (fresh, "530000000002")]
    assert sim.pay_count(fresh) == 1 and sim.pay_count(taken) == 0


def test_ref_ids_taken_again_and_again_end_the_inquiry(sim: Simulator, tmp_path: Path) -> None:
    taken = new_ref_id()
    service = service_for(sim.url, tmp_path / "j.sqlite3", ref_ids=lambda now: taken)
    service.client.inquiry(code="pln", customer_no="530000000001", ref_id=taken)
    with pytest.raises(InquiryFailed) as failed:
        service.inquire(BillRequest("pln", "530000000002"))
    assert failed.value.rc == "49"
    assert len(sim.requests("inq-pasca")) == 1 + 3  # asked three times, then told
    assert service.journal.unresolved() == []


def test_no_balance_fails_at_once(sim: Simulator, service: PaymentService) -> None:
    bill = service.inquire(BillRequest("pln", "990000000044"))
    result = service.pay(bill)
    assert result.state is S.FAILED and "Saldo loket tidak cukup" in result.message.id
    assert "tidak terbayar" in result.message.id


@pytest.mark.parametrize(
    ("number", "final"), [("630000000001", S.SUCCESS), ("630000000006", S.FAILED)]
)
def test_pending_resolves_by_status(
    sim: Simulator, service: PaymentService, number: str, final: PaymentState
) -> None:
    bill = service.inquire(BillRequest("pln", number))
    assert service.pay(bill).state is S.PENDING
    assert ask(service, bill.ref_id).state is S.PENDING
    assert ask(service, bill.ref_id).state is final
    assert sim.pay_count(bill.ref_id) == 1


@pytest.mark.parametrize("fault", ["92", "93", "94", "95", "96", "98"])
def test_faults_end_unknown_then_resolve_without_paying_twice(
    sim: Simulator, service: PaymentService, fault: str
) -> None:
    bill = service.inquire(BillRequest("pln", "9900000000" + fault))
    first = service.pay(bill)
    assert first.state in (S.UNKNOWN, S.PENDING)
    assert "jangan membayar ulang" in first.message.id
    for _ in range(3):
        result = ask(service, bill.ref_id)
    assert result.state is S.SUCCESS
    assert sim.payments() == {bill.ref_id: 1}
    assert len(sim.requests("pay-pasca")) == 1


def test_timeout_after_send_is_unknown(tmp_path: Path) -> None:
    with Simulator(port=0, slow_seconds=1.0) as slow:
        service = service_for(slow.url, tmp_path / "j.sqlite3", read=0.3)
        bill = service.inquire(BillRequest("pdam", "990000091"))
        assert service.pay(bill).state is S.UNKNOWN
        assert ask(service, bill.ref_id).state is S.SUCCESS
        assert slow.pay_count(bill.ref_id) == 1


def test_a_second_tap_never_sends_again(sim: Simulator, service: PaymentService) -> None:
    bill = service.inquire(BillRequest("pdam", "1013226"))
    results = []
    threads = [threading.Thread(target=lambda: results.append(service.pay(bill))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    service.pay(bill)
    assert {r.state for r in results} == {S.SUCCESS}
    assert len(sim.requests("pay-pasca")) == 1


def test_unresolved_payment_blocks_the_same_customer(
    sim: Simulator, service: PaymentService
) -> None:
    bill = service.inquire(BillRequest("pln", "630000000002"))
    service.pay(bill)
    with pytest.raises(PendingPaymentExists) as caught:
        service.inquire(BillRequest("pln", "630000000002"))
    assert caught.value.ref_id == bill.ref_id
    service.inquire(BillRequest("pln", "530000000001"))  # another customer is fine
    with pytest.raises(TypeError):  # no override: nothing pays past an unknown outcome
        service.inquire(BillRequest("pln", "630000000002"), override_pending=True)  # type: ignore[call-arg]
    service.resolve_manually(bill.ref_id, succeeded=False, actor="admin", reason="CS tiket 123")
    again = service.inquire(BillRequest("pln", "630000000002"))  # a person decided: allowed
    assert again.ref_id != bill.ref_id
    last = service.journal.events(bill.ref_id)[-1]
    assert (last.state, last.command, last.actor, last.reason) == (
        S.FAILED,
        "manual",
        "admin",
        "CS tiket 123",
    )


def test_a_bill_from_yesterday_is_not_paid(sim: Simulator, tmp_path: Path) -> None:
    now = [datetime(2026, 11, 23, 23, 59, tzinfo=WIB)]
    service = service_for(sim.url, tmp_path / "j.sqlite3", clock=lambda: now[0])
    bill = service.inquire(BillRequest("pln", "530000000001"))
    now[0] += timedelta(minutes=2)
    with pytest.raises(StaleBill):
        service.pay(bill)
    assert sim.requests("pay-pasca") == []


def test_status_checks_back_off(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 24, 9, 0, tzinfo=WIB)]
    sim = Simulator(port=0, pending_checks=5).start()
    service = service_for(sim.url, tmp_path / "j.sqlite3", clock=lambda: now[0], interval=60)
    resolver = StatusResolver(service)
    bill = service.inquire(BillRequest("pln", "630000000001"))
    service.pay(bill)
    entry = lambda: service.journal.get(bill.ref_id)  # noqa: E731
    assert resolver.next_check_at(entry()) == now[0] + timedelta(seconds=60)  # type: ignore[arg-type]
    assert not any(a.asked for a in resolver.run_due())  # not due yet
    now[0] += timedelta(seconds=61)
    assert [a.result.ref_id for a in resolver.run_due() if a.asked] == [bill.ref_id]
    now[0] += timedelta(seconds=61)
    assert [a.result.ref_id for a in resolver.run_due() if a.asked] == [bill.ref_id]
    assert resolver.next_check_at(entry()) == now[0] + timedelta(seconds=120)  # type: ignore[arg-type]
    sim.stop()


def test_start_up_reconciles_what_a_crash_left(sim: Simulator, tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    before = service_for(sim.url, path)
    never_sent = before.inquire(BillRequest("pln", "530000000001"))
    before.journal.mark_sending(never_sent.ref_id, at=datetime.now(WIB))  # died right here
    dropped = before.inquire(BillRequest("pdam", "990000092"))
    assert before.pay(dropped).state is S.UNKNOWN
    before.journal.close()

    after = service_for(sim.url, path)  # the next start
    first = {r.ref_id: r.state for r in reconcile(after)}
    # rc 50 once is not enough: the pay may still be queued upstream.
    assert first == {never_sent.ref_id: S.UNKNOWN, dropped.ref_id: S.SUCCESS}
    second = {r.ref_id: r.state for r in reconcile(after)}  # one interval later
    assert second == {never_sent.ref_id: S.FAILED}
    assert sim.payments() == {dropped.ref_id: 1}


def test_journal_says_sending_before_the_request_arrives(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    seen: list[str] = []
    inquiry = json.loads((ROOT / "tests/data/examples/pay-pasca-pln.json").read_text())

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if body["command"] == "pay-pasca":
                with sqlite3.connect(path) as other:  # another connection: only committed rows
                    seen.append(other.execute("SELECT state FROM tx_state").fetchone()[0])
            inquiry["data"]["ref_id"] = body["ref_id"]
            out = json.dumps(inquiry).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        service = service_for(f"http://127.0.0.1:{server.server_address[1]}/", path)
        service.pay(service.inquire(BillRequest("pln", "530000000001")))
    finally:
        server.shutdown()
        server.server_close()
    assert seen == ["sending"]


@pytest.mark.slow
def test_sigkill_between_journal_write_and_reply(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with Simulator(port=0, slow_seconds=30) as slow:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.support.paying_child",
                slow.url,
                str(path),
                "990000000091",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        ref = child.stdout.readline().strip()
        waiter = threading.Event()
        for _ in range(400):  # bounded: the child is paying and the sim holds the reply
            if slow.pay_count(ref) == 1:
                break
            waiter.wait(0.025)
        assert slow.pay_count(ref) == 1
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL

        restarted = service_for(slow.url, path)
        assert restarted.journal.get(ref).state is S.SENDING  # type: ignore[union-attr]
        assert [r.state for r in reconcile(restarted)] == [S.SUCCESS]
        assert slow.payments() == {ref: 1}
