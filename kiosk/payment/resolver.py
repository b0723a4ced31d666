"""The status resolver: the one owner of every status call.

Background polling, start-up reconcile, a shopkeeper's re-check in History and
a customer's Cek Status all come here. The spacing rule is enforced inside the
ref_id's lock, from the journal's record of when the provider was last asked
(so it survives restarts): a request that comes too soon is answered with the
time of the next check, not with a call. A ref_id whose pay is still in flight
is never asked about (its lock is held) and never reconciled as a crash.

Background checks back off (1, 1, 2, 4, 8, then 10 intervals); an explicit
check only has to respect the interval itself. REVIEW payments are asked
about only on request; their state waits for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.journal import Entry, PaymentState
from kiosk.payment.decisions import Command
from kiosk.payment.results import PaymentResult
from kiosk.payment.service import PaymentService

MAX_BACKOFF = 10


@dataclass(frozen=True, slots=True)
class CheckAnswer:
    result: PaymentResult
    next_at: datetime | None
    """When the next background check is due; None once the payment is final."""
    asked: bool = False
    """Whether a status call went out for this answer."""
    busy: bool = False
    """A call for this ref_id is in flight (a pay, or another check): nothing was asked."""


class StatusResolver:
    def __init__(self, service: PaymentService) -> None:
        self.service = service
        self._asked: dict[str, datetime] = {}
        """When this process last asked (set before the call, so a racing caller sees it)."""

    def _last_call(self, ref_id: str) -> datetime | None:
        journaled = self.service.journal.evidence(ref_id).last_call
        mine = self._asked.get(ref_id)
        if journaled is None or (mine is not None and mine > journaled):
            return mine
        return journaled

    def earliest_check(self, ref_id: str) -> datetime:
        """The earliest time the provider may be asked again about ``ref_id``."""
        last = self._last_call(ref_id)
        return self.service.clock() if last is None else last + self.service.interval

    def next_check_at(self, entry: Entry) -> datetime | None:
        """When the next *background* check of ``entry`` is due (with backoff)."""
        if not entry.state.unresolved or entry.state is PaymentState.REVIEW:
            return None
        last = self._last_call(entry.ref_id)
        if last is None:
            return self.service.clock()
        calls = self.service.journal.evidence(entry.ref_id).status_calls
        factor: int = min(2 ** max(calls - 1, 0), MAX_BACKOFF)
        return last + self.service.interval * factor

    def check(self, ref_id: str, *, explicit: bool = True) -> CheckAnswer:
        """Ask the provider about ``ref_id`` if the spacing allows, else say when."""
        service = self.service
        with service.locks.try_hold(ref_id) as taken:
            if not taken:
                return CheckAnswer(service.result(ref_id), None, busy=True)
            entry = service.journal.get(ref_id)
            if entry is None:
                raise KeyError(ref_id)
            if not entry.state.unresolved:
                self._asked.pop(ref_id, None)
                return CheckAnswer(service.result(ref_id), None)
            background = self.next_check_at(entry)
            due = self.earliest_check(ref_id) if explicit else background
            now = service.clock()
            if due is None or now < due:
                return CheckAnswer(service.result(ref_id), background or due)
            self._asked[ref_id] = now
            seen, reply = service.ask_status(ref_id, entry.customer_no, entry.product)
            result = service.record(ref_id, Command.STATUS, seen, reply, now)
            if not result.state.unresolved:
                self._asked.pop(ref_id, None)  # final: the journal keeps the record
                return CheckAnswer(result, None, asked=True)
            after = service.journal.get(ref_id)
            next_at = self.next_check_at(after) if after is not None else None
            return CheckAnswer(result, next_at, asked=True)

    def run_due(self) -> list[CheckAnswer]:
        """Check every unresolved payment that is due (start-up reconcile and the
        background tick). Payments in flight are skipped, never treated as crashes."""
        answers = []
        for entry in self.service.journal.unresolved():
            if self.service.locks.busy(entry.ref_id):
                continue
            answers.append(self.check(entry.ref_id, explicit=False))
        return answers

    def pending(self) -> list[CheckAnswer]:
        """Every unresolved payment with its next check, without asking anyone."""
        return [
            CheckAnswer(self.service.result(e.ref_id), self.next_check_at(e))
            for e in self.service.journal.unresolved()
        ]
