"""Property-based: random replies, faults, restarts and racing re-checks never break the rules.

The provider here is an in-process fake with a hidden truth per ref_id (paid,
pending, failed, or never arrived) that answers the way a real provider would,
plus refusals, timeouts and mismatched replies drawn by hypothesis. The
service, resolver and journal are the real ones, on a real SQLite file.
Invariants, checked after every step:

* at most one pay per ref_id;
* no pay for a (product, customer_no) while another is unresolved;
* FAILED only via the table's final-failure rules (or a person);
* no two status calls for one ref_id inside the interval;
* and the point of it all: the journal never says SUCCESS for a payment the
  provider did not make, nor FAILED for one it did.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
from collections import defaultdict
from datetime import timedelta
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from kiosk.api.errors import ApiRefusal, NotSentError, OutcomeUnknownError, ReplyMismatchError
from kiosk.journal import Journal, PaymentState
from kiosk.models.reply import TransactionReply
from kiosk.payment import BillRequest, PaymentService, PendingPaymentExists, StatusResolver
from kiosk.rc import lookup
from tests.core.conftest import Clock

S = PaymentState
EXAMPLE = json.loads(
    (Path(__file__).parent.parent / "data/examples/pay-pasca-pln.json").read_text()
)
INTERVAL = timedelta(seconds=60)
CUSTOMERS = ["530000000001", "530000000002", "530000000003"]
FINAL_FAILURE = (
    "pay-not-sent",
    "pay-declined-no-record",
    "status-failed",
    "status-not-found-twice",
)
# What a pay does: (reply or fault, what the provider really did)
PAY_OUTCOMES = [
    ("00", "paid"),
    ("03", "pending"),
    ("99", "pending"),
    ("02", "failed"),
    ("44", "none"),
    ("41", "none"),
    ("45", "none"),
    ("77", "paid"),
    ("49", "none"),
    ("timeout", "paid"),
    ("timeout", "none"),
    ("timeout", "pending"),
    ("timeout", "queued"),
    ("notsent", "none"),
]
QUEUED = timedelta(seconds=90)
"""A pay queued upstream is invisible (rc 50) for this long, then made: less than two
intervals, the delay the rc-50-twice rule is there to outlast."""
STATUS_MODES = ["truth", "truth", "truth", "45", "85", "40", "timeout", "mismatch"]
TRUTH_RC = {"paid": "00", "pending": "03", "failed": "02", "none": "50", "queued": "50"}


def reply(rc: str, ref_id: str, customer_no: str) -> TransactionReply:
    body = copy.deepcopy(EXAMPLE)
    body["data"].update(
        ref_id=ref_id, customer_no=customer_no, rc=rc, sn="SN1" if rc == "00" else ""
    )
    return TransactionReply.from_json(body, product_code="pln")


class FakeProvider:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.truth: dict[str, str] = {}
        self.queued_at: dict[str, Any] = {}
        self.pays: dict[str, int] = defaultdict(int)
        self.calls_at: dict[str, list[Any]] = defaultdict(list)
        self.next_pay = ("00", "paid")
        self.status_script: list[str] = []
        self.violations: list[str] = []
        self.journal: Journal | None = None
        self.lock = threading.Lock()

    def inquiry(self, *, code: str, customer_no: str, ref_id: str, amount: int | None = None):  # type: ignore[no-untyped-def]
        return reply("00", ref_id, customer_no)

    def pay(self, *, code: str, customer_no: str, ref_id: str, amount: int | None = None):  # type: ignore[no-untyped-def]
        with self.lock:
            self.pays[ref_id] += 1
            if self.pays[ref_id] > 1:
                self.violations.append(f"second pay for {ref_id}")
            assert self.journal is not None
            for entry in self.journal.unresolved():
                if entry.customer_no == customer_no and entry.ref_id != ref_id:
                    self.violations.append(f"pay for {customer_no} while {entry.ref_id} is open")
            rc, truth = self.next_pay
            if rc == "notsent":
                self.pays[ref_id] -= 1  # it never left
                raise NotSentError("refused")
            self.truth[ref_id] = truth
            self.queued_at[ref_id] = self.clock.now
            self.calls_at[ref_id].append(self.clock.now)
        if rc == "timeout":
            raise OutcomeUnknownError("timeout")
        return reply(rc, ref_id, customer_no)

    def status(self, *, code: str, customer_no: str, ref_id: str):  # type: ignore[no-untyped-def]
        with self.lock:
            self.calls_at[ref_id].append(self.clock.now)
            mode = self.status_script.pop(0) if self.status_script else "truth"
            truth = self.settle(ref_id)
        if mode == "timeout":
            raise OutcomeUnknownError("timeout")
        if mode == "mismatch":
            raise ReplyMismatchError("another ref_id")
        rc = TRUTH_RC[truth] if mode == "truth" else mode
        return reply(rc, ref_id, customer_no)

    def settle(self, ref_id: str) -> str:
        """The provider's truth now (a queued pay is made once its delay has passed)."""
        truth = self.truth.get(ref_id, "none")
        if truth == "queued" and self.clock.now - self.queued_at[ref_id] >= QUEUED:
            truth = self.truth[ref_id] = "paid"
        return truth

    def balance(self):  # type: ignore[no-untyped-def]
        raise ApiRefusal(lookup("45"), "")

    def close(self) -> None:
        pass


class Kiosk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(mkdtemp(prefix="loket-prop-"))
        self.clock = Clock()
        self.fake = FakeProvider(self.clock)
        self.refs: list[str] = []
        self._start()

    def _start(self) -> None:
        journal = Journal(self.folder / "journal.sqlite3")
        self.fake.journal = journal
        self.service = PaymentService(
            client=self.fake,
            journal=journal,
            clock=self.clock,  # type: ignore[arg-type]
            status_interval=60,
            allow_fast_status=True,
        )
        self.resolver = StatusResolver(self.service)

    @rule(customer=st.sampled_from(CUSTOMERS), outcome=st.sampled_from(PAY_OUTCOMES))
    def pay(self, customer: str, outcome: tuple[str, str]) -> None:
        open_before = self.service.journal.unresolved_for("pln", customer)
        try:
            bill = self.service.inquire(BillRequest("pln", customer))
        except PendingPaymentExists:
            assert open_before is not None
            return
        assert open_before is None
        self.fake.next_pay = outcome
        self.refs.append(bill.ref_id)
        self.service.pay(bill)
        self.service.pay(bill)  # a second tap: the first one's result, no second pay

    @rule(seconds=st.sampled_from([5, 30, 59, 61, 200, 900]))
    def wait(self, seconds: int) -> None:
        self.clock.advance(seconds)

    @rule(modes=st.lists(st.sampled_from(STATUS_MODES), max_size=3))
    def background(self, modes: list[str]) -> None:
        self.fake.status_script = list(modes)
        self.resolver.run_due()

    @rule(data=st.data(), modes=st.lists(st.sampled_from(STATUS_MODES), max_size=2))
    def recheck_racing(self, data: st.DataObject, modes: list[str]) -> None:
        if not self.refs:
            return
        ref = data.draw(st.sampled_from(self.refs))
        self.fake.status_script = list(modes)
        threads = [threading.Thread(target=self.resolver.check, args=(ref,)) for _ in range(3)]
        threads.append(threading.Thread(target=self.resolver.run_due))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)

    @rule(data=st.data())
    def provider_settles(self, data: st.DataObject) -> None:
        pending = [r for r, t in self.fake.truth.items() if t == "pending"]
        if pending:
            ref = data.draw(st.sampled_from(pending))
            self.fake.truth[ref] = data.draw(st.sampled_from(["paid", "failed"]))

    @rule()
    def restart(self) -> None:
        self.service.journal.close()
        self._start()

    @invariant()
    def rules_hold(self) -> None:
        assert self.fake.violations == []
        for ref, times in self.fake.calls_at.items():  # the pay, then each status call
            for earlier, later in itertools.pairwise(times):
                assert later - earlier >= INTERVAL, f"two calls for {ref} inside the interval"
        journal = self.service.journal
        for ref in self.refs:
            entry = journal.get(ref)
            assert entry is not None
            truth = self.fake.settle(ref)
            if truth == "queued":
                truth = "paid"  # it will be: FAILED now would lose the customer's money
            if entry.state is S.SUCCESS:
                assert truth == "paid", f"{ref} SUCCESS but the provider says {truth}"
            if entry.state is S.FAILED:
                assert truth != "paid", f"{ref} FAILED but the provider made the payment"
                last = journal.events(ref)[-1]
                assert last.command == "manual" or any(r in last.reason for r in FINAL_FAILURE)

    def teardown(self) -> None:
        self.service.journal.close()


Kiosk.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestKioskProperties = Kiosk.TestCase
