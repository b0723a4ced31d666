"""The decision table against the contract's rc table: every rc × command × prior state."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kiosk.business_day import WIB
from kiosk.journal.states import ALLOWED, PaymentState
from kiosk.payment.decisions import (
    CONFIGURATION,
    REQUEST_LEVEL,
    AlertKind,
    Command,
    Knowledge,
    Observation,
    RcKind,
    Transport,
    classify,
    decide,
    shows_record,
)
from kiosk.rc import RC_TABLE

S = PaymentState
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=WIB)
RCS = [*sorted(RC_TABLE), "77", ""]  # every code of the contract, one it does not list, none
OBSERVATIONS = [Observation.reply(rc) for rc in RCS] + [Observation.failed(t) for t in Transport]
AFTER_SEND = [S.SENDING, S.PENDING, S.UNKNOWN, S.DECLINED, S.REVIEW]
REFUSALS = REQUEST_LEVEL | {"49"}
FINAL_FAILURE_RULES = {
    "pay-not-sent",
    "pay-declined-no-record",
    "status-failed",
    "status-not-found-twice",
}


def knowledge(
    state: PaymentState | None, *, record: bool = False, first_50: datetime | None = None
) -> Knowledge:
    return Knowledge(
        state=state,
        record_seen=record,
        first_not_found=first_50,
        now=NOW,
        interval=timedelta(seconds=60),
    )


def prior_knowledge(command: Command) -> list[Knowledge]:
    if command is Command.INQUIRY:
        return [knowledge(None)]
    if command is Command.PAY:
        return [knowledge(S.SENDING)]
    return [
        knowledge(state, record=record, first_50=first)
        for state in AFTER_SEND
        for record in (False, True)
        for first in (None, NOW - timedelta(seconds=30), NOW - timedelta(seconds=60))
    ]


CASES = [(command, seen) for command in Command for seen in OBSERVATIONS]
IDS = [f"{command.name.lower()}-{seen}" for command, seen in CASES]


def test_the_walk_covers_the_whole_contract() -> None:
    assert len(RC_TABLE) == 47
    assert {seen.rc for _, seen in CASES} >= set(RC_TABLE)
    assert sum(len(prior_knowledge(c)) for c, _ in CASES) > 1600


@pytest.mark.parametrize(("command", "seen"), CASES, ids=IDS)
def test_every_rule_holds(command: Command, seen: Observation) -> None:
    for known in prior_knowledge(command):
        check_rules(command, seen, known)


def check_rules(command: Command, seen: Observation, known: Knowledge) -> None:
    d = decide(command, seen, known)
    rc = seen.rc
    if command is Command.INQUIRY:
        # An inquiry makes a bill or nothing, and its words are about the bill.
        assert d.state in (S.INQUIRED, None)
        assert (d.state is S.INQUIRED) == (rc == "00")
        if d.customer is not None:
            assert "jangan membayar ulang" not in d.customer.id.lower()
            assert "diproses" not in d.customer.id
        return
    assert d.state is not None and d.state is not S.INQUIRED
    # The journal accepts every automatic move the table makes.
    assert known.state is not None and d.state in ALLOWED[known.state]
    # Success only from rc 00, and never out of DECLINED or REVIEW.
    if d.state is S.SUCCESS:
        assert rc == "00" and known.state not in (S.DECLINED, S.REVIEW)
    # FAILED only through the final-failure rules.
    if d.state is S.FAILED:
        assert d.rule in FINAL_FAILURE_RULES
    # Request-level refusals never finalize; 41/42/45 block new payments.
    if rc in REFUSALS and command is not Command.INQUIRY:
        assert not d.state.final and d.alert is not None
        assert d.alert.blocks_payments == (rc in CONFIGURATION)
    # Anything unknown stays unresolved.
    if rc == "77" or rc == "" or seen.transport in (Transport.NO_ANSWER, Transport.MISMATCH):
        assert d.state.unresolved
    # rc 50 finalizes only without a record and an interval after a first rc 50.
    if command is Command.STATUS and rc == "50" and d.state is S.FAILED:
        assert not known.record_seen and known.first_not_found is not None
        assert NOW - known.first_not_found >= timedelta(seconds=60)
    if command is Command.STATUS and rc == "50" and known.record_seen:
        assert d.state is S.REVIEW or known.state is S.REVIEW
    # REVIEW waits for a person.
    if known.state is S.REVIEW:
        assert d.state is S.REVIEW


@pytest.mark.parametrize("rc", sorted(RC_TABLE))
def test_a_failed_pay_with_a_record_is_declined_and_confirmed(rc: str) -> None:
    kind = classify(Command.PAY, rc)
    d = decide(Command.PAY, Observation.reply(rc), knowledge(S.SENDING))
    if kind is RcKind.FAILED and RC_TABLE[rc].has_record:
        assert d.state is S.DECLINED and d.customer is not None
        assert "TIDAK terbayar" in d.customer.id  # the customer knows at once
        confirmed = decide(
            Command.STATUS, Observation.reply("02"), knowledge(S.DECLINED, record=True)
        )
        assert confirmed.state is S.FAILED and "sudah dikonfirmasi" in confirmed.customer.id  # type: ignore[union-attr]
    elif kind is RcKind.FAILED:
        assert d.state is S.FAILED  # no record: nothing to confirm


def test_success_after_a_declined_pay_goes_to_a_person() -> None:
    d = decide(Command.STATUS, Observation.reply("00"), knowledge(S.DECLINED, record=True))
    assert d.state is S.REVIEW and d.alert is not None
    assert d.alert.kind is AlertKind.CONTRADICTION


def test_what_counts_as_a_provider_record() -> None:
    assert shows_record(Command.STATUS, "03") and shows_record(Command.STATUS, "99")
    assert shows_record(Command.STATUS, "01") and shows_record(Command.STATUS, "70")
    assert shows_record(Command.STATUS, "77")  # unknown: maybe
    assert not shows_record(Command.STATUS, "50")
    assert not shows_record(Command.STATUS, "85")  # a refusal says nothing about the payment
    assert not shows_record(Command.STATUS, "44")
    assert shows_record(Command.PAY, "49")  # the ref_id exists upstream


@pytest.mark.parametrize("rc", ["01", "02", "70", "74"])
def test_a_declined_pay_does_not_promise_the_refund_before_it_is_confirmed(rc: str) -> None:
    d = decide(Command.PAY, Observation.reply(rc), knowledge(S.SENDING))
    assert d.customer is not None and "tidak terpotong" not in d.customer.id
    assert "not charged" not in d.customer.en and "dikonfirmasi" in d.customer.id
