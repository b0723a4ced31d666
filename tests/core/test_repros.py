"""Each way the review broke "never paid twice, never lost", as a regression test.

The provider is scripted over real HTTP on loopback; the journal is a real
SQLite file; time is a clock the test moves.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from kiosk.journal import PaymentState
from kiosk.payment import (
    AlertKind,
    BillRequest,
    InquiryFailed,
    PaymentService,
    PendingPaymentExists,
    StatusResolver,
)
from tests.core.conftest import Clock, make_service
from tests.support.scripted_provider import Answer, ScriptedProvider

S = PaymentState
PLN = BillRequest("pln", "530000000001")


def pay_pending(service: PaymentService, provider: ScriptedProvider, rc: str = "03") -> str:
    provider.then("pay", rc)
    bill = service.inquire(PLN)
    result = service.pay(bill)
    assert result.state.unresolved
    return bill.ref_id


@pytest.mark.parametrize(
    "refusal", ["40", "41", "42", "45", "61", "80", "81", "82", "83", "85", "86", "88", "49"]
)
def test_1_a_refused_status_call_never_finalizes_a_live_payment(
    provider: ScriptedProvider, tmp_path: Path, clock: Clock, refusal: str
) -> None:
    alerts: list = []
    service = make_service(provider.url, tmp_path / "j.sqlite3", clock, alerts=alerts)
    ref = pay_pending(service, provider)
    provider.then("status", refusal)
    clock.advance(61)
    answer = StatusResolver(service).check(ref)
    assert answer.asked and answer.result.state is S.PENDING
    with pytest.raises(PendingPaymentExists):  # the customer number stays blocked
        service.inquire(PLN)
    assert alerts and alerts[-1][0] == ref
    kind = alerts[-1][1].kind
    assert kind is (AlertKind.CONFIGURATION if refusal in ("41", "42", "45") else AlertKind.REFUSED)
    assert alerts[-1][1].blocks_payments == (refusal in ("41", "42", "45"))


def test_2_a_payment_in_flight_is_never_reconciled(
    provider: ScriptedProvider, service: PaymentService, resolver: StatusResolver, clock: Clock
) -> None:
    arrived, release = threading.Event(), threading.Event()
    provider.then("pay", Answer("00", arrived=arrived, hold=release))
    bill = service.inquire(PLN)
    paying = threading.Thread(target=service.pay, args=(bill,))
    paying.start()
    assert arrived.wait(5)  # the pay is at the provider, SENDING is committed
    clock.advance(3600)  # long past any interval: a crash would be due
    answers = resolver.run_due()
    explicit = resolver.check(bill.ref_id)
    release.set()
    paying.join(5)
    assert answers == [] and explicit.busy and not explicit.asked
    assert provider.count("status") == 0
    assert service.result(bill.ref_id).state is S.SUCCESS


def test_3_a_journal_failure_after_sending_says_uncertain_not_unsent(
    provider: ScriptedProvider, tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "j.sqlite3"
    service = make_service(provider.url, path, clock)
    bill = service.inquire(PLN)
    arrived = threading.Event()

    def fill_the_disk() -> None:
        # The pay request has left and SENDING is committed: now the disk is "full".
        conn = service.journal._conn  # the ledger's own connection: a real SQLITE_FULL
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")

    big = {
        "desc": {
            "tarif": "R1",
            "daya": 1300,
            "lembar_tagihan": 1,
            "detail": [
                {
                    "periode": "202611",
                    "nilai_tagihan": "8000",
                    "admin": "2500",
                    "denda": "0",
                    "meter_awal": "1",
                    "meter_akhir": "2",
                    "catatan": "x" * 200_000,
                }
            ],
        }
    }
    release = threading.Event()
    provider.then("pay", Answer("00", arrived=arrived, hold=release, overrides=big))

    def at_the_provider() -> None:
        arrived.wait(5)
        fill_the_disk()
        release.set()

    watcher = threading.Thread(target=at_the_provider)
    watcher.start()
    result = service.pay(bill)
    watcher.join(5)
    assert result.state is S.UNKNOWN
    assert "belum pasti" in result.message.id and "jangan bayar ulang" in result.message.id
    assert "tidak dikirim" not in result.message.id
    service.journal.close()
    restarted = make_service(provider.url, path, clock)  # the next start, disk freed
    assert restarted.journal.get(bill.ref_id).state is S.SENDING  # type: ignore[union-attr]
    provider.then("status", "00")
    clock.advance(61)
    answers = StatusResolver(restarted).run_due()
    assert [a.result.state for a in answers] == [S.SUCCESS]
    assert provider.count("pay") == 1


def test_4_rc_50_after_a_provider_record_is_a_contradiction(
    provider: ScriptedProvider, service: PaymentService, resolver: StatusResolver, clock: Clock
) -> None:
    ref = pay_pending(service, provider, "03")  # the provider holds a record
    provider.then("status", "50", "50")
    clock.advance(61)
    assert resolver.check(ref).result.state is S.REVIEW
    clock.advance(3600)
    assert not any(a.asked for a in resolver.run_due())  # not polled: a person decides
    assert service.result(ref).state is S.REVIEW and provider.count("status") == 1


def test_4_rc_50_once_right_after_a_timeout_is_not_enough(
    provider: ScriptedProvider, tmp_path: Path, clock: Clock
) -> None:
    service = make_service(provider.url, tmp_path / "j.sqlite3", clock, read=0.3)
    release = threading.Event()
    provider.then("pay", Answer("00", hold=release))  # no answer within the timeout
    bill = service.inquire(PLN)
    assert service.pay(bill).state is S.UNKNOWN
    release.set()
    resolver = StatusResolver(service)
    provider.then("status", "50", "50")
    clock.advance(61)
    assert resolver.check(bill.ref_id).result.state is S.UNKNOWN  # once: maybe still queued
    clock.advance(30)
    too_soon = resolver.check(bill.ref_id)
    assert not too_soon.asked and too_soon.next_at is not None
    clock.advance(31)
    assert resolver.check(bill.ref_id).result.state is S.FAILED  # twice, an interval apart
    assert provider.count("status") == 2


def test_5_nothing_pays_under_a_new_ref_id_while_the_old_is_unknown(
    provider: ScriptedProvider, service: PaymentService
) -> None:
    pay_pending(service, provider, "03")
    with pytest.raises(PendingPaymentExists):
        service.inquire(PLN)
    assert provider.count("pay") == 1


def test_7_racing_checks_send_one_status_call(
    provider: ScriptedProvider, service: PaymentService, clock: Clock
) -> None:
    ref = pay_pending(service, provider, "03")
    clock.advance(61)
    arrived, release = threading.Event(), threading.Event()
    provider.then("status", Answer("03", arrived=arrived, hold=release), "03", "03")
    resolver = StatusResolver(service)
    first: list = []
    scheduled = threading.Thread(target=lambda: first.append(resolver.check(ref, explicit=False)))
    scheduled.start()
    assert arrived.wait(5)  # the scheduled check is at the provider
    reconcile = resolver.run_due()  # the reconcile timer fires now
    manual = resolver.check(ref)  # and the shopkeeper presses "Cek ulang"
    release.set()
    scheduled.join(5)
    assert reconcile == [] and manual.busy
    assert first[0].asked and provider.count("status") == 1
    after = resolver.check(ref)  # right after the answer: too soon, told when
    assert not after.asked and after.next_at is not None and after.next_at > clock.now
    assert provider.count("status") == 1


def test_7_the_interval_has_a_floor_of_a_minute_in_production(
    provider: ScriptedProvider, tmp_path: Path, clock: Clock
) -> None:
    from kiosk.composition import assemble_core
    from kiosk.settings import Settings

    core = assemble_core(
        Settings(status_poll_min_s=1.0),
        make_service(provider.url, tmp_path / "x.sqlite3", clock).client,
        tmp_path / "j.sqlite3",
    )
    assert core.service.interval.total_seconds() == 60.0
    demo = assemble_core(
        Settings(status_poll_min_s=1.0), core.client, tmp_path / "d.sqlite3", allow_fast_status=True
    )
    assert demo.service.interval.total_seconds() == 1.0


def test_10_a_status_reply_for_another_customer_is_not_trusted(
    provider: ScriptedProvider, tmp_path: Path, clock: Clock
) -> None:
    alerts: list = []
    service = make_service(provider.url, tmp_path / "j.sqlite3", clock, alerts=alerts)
    ref = pay_pending(service, provider, "03")
    provider.then("status", Answer("00", overrides={"customer_no": "530000000999"}))
    clock.advance(61)
    assert StatusResolver(service).check(ref).result.state is S.PENDING
    assert alerts[-1][1].kind is AlertKind.MISMATCH


def test_10_the_pay_reply_figures_win(provider: ScriptedProvider, service: PaymentService) -> None:
    provider.then("pay", Answer("00", overrides={"selling_price": 11500}))
    bill = service.inquire(PLN)
    assert bill.amounts.total == 11000
    result = service.pay(bill)
    assert result.state is S.SUCCESS and result.amounts is not None
    assert result.amounts.total == 11500 and result.total_collected == 11500
    row = service.journal.page(__import__("kiosk.journal").journal.HistoryFilter(), 0, 5)[0]
    assert row[4] == 11500  # history shows what was charged
    reasons = [e.reason for e in service.journal.events(bill.ref_id)]
    assert any("charged 11500 vs inquiry 11000 (difference 500)" in r for r in reasons)
    summary = service.journal.daily_summary(bill.inquired_at.date())
    assert summary.collected == 11500


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_10_the_journal_file_is_readable_by_its_owner_only(service: PaymentService) -> None:
    service.inquire(PLN)
    for suffix in ("", "-wal"):
        path = Path(str(service.journal.path) + suffix)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


@pytest.mark.parametrize("rc", ["03", "99", "77"])
def test_10_an_inquiry_answered_pending_talks_about_the_bill(
    provider: ScriptedProvider, service: PaymentService, rc: str
) -> None:
    provider.then("inquiry", rc)
    with pytest.raises(InquiryFailed) as caught:
        service.inquire(PLN)
    words = caught.value.message.id
    assert "Tagihan belum dapat dicek" in words
    assert "diproses" not in words and "jangan membayar" not in words.lower()


@pytest.mark.parametrize("fault", ["html502", "garbage", "drop"])
def test_an_unreadable_inquiry_says_nothing_was_paid(
    provider: ScriptedProvider, service: PaymentService, fault: str
) -> None:
    provider.then("inquiry", Answer(fault=fault))
    with pytest.raises(InquiryFailed) as caught:
        service.inquire(PLN)
    assert "Belum ada yang dibayar" in caught.value.message.id
    assert service.journal.unresolved() == []


def test_a_day_of_payments_keeps_no_lock_or_note_per_payment(
    provider: ScriptedProvider, service: PaymentService, resolver: StatusResolver, clock: Clock
) -> None:
    for number in range(20):
        provider.then("pay", "00" if number % 2 else "03")
        bill = service.inquire(BillRequest("pln", f"5300000001{number:02d}"))
        service.pay(bill)
    provider.default["status-pasca"] = Answer("00")
    clock.advance(61)
    resolver.run_due()
    assert len(service.locks) == 0 and resolver._asked == {}
    assert service.journal.unresolved() == []
