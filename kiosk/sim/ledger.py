"""The simulator's books: bills by ref_id, the balance, payments made.

All methods hold one lock; replies are plain dicts shaped like the
provider's ``data`` object. Faults that concern the transport (slow reply,
dropped connection, garbage) are returned beside the reply for the server.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kiosk.price_list import base_code
from kiosk.products import BY_CODE
from kiosk.rc import lookup
from kiosk.sim.bills import make_bill, serial_number
from kiosk.sim.numbers import TWO_SHEETS, Fault, Plan, fault_of, plan_of

INQUIRY_FAULTS = {Fault.WRONG_NUMBER: "54", Fault.WRONG_DIGITS: "57", Fault.ALREADY_PAID: "60"}
PAY_TRANSPORT_FAULTS = {
    Fault.SLOW,
    Fault.DROP,
    Fault.HTML_502,
    Fault.BAD_JSON,
    Fault.NO_DATA,
    Fault.HUGE,
}


@dataclass
class Tx:
    ref_id: str
    code: str
    customer_no: str
    plan: Plan
    fault: Fault | None
    bill: dict[str, Any]
    state: str = "inquired"  # inquired | Sukses | Pending | Gagal
    rc: str = "00"
    sn: str = ""
    checks: int = 0
    last_status: float | None = None
    final_state: str = "Sukses"


@dataclass
class Ledger:
    balance: Decimal
    pending_checks: int = 2
    status_min_interval: float = 0.0
    txs: dict[str, Tx] = field(default_factory=dict)
    payments: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _reply(
        self, tx: Tx | None, body: dict[str, Any], rc: str, status: str, *, with_bill: bool = True
    ) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ref_id": body.get("ref_id", ""),
            "customer_no": body.get("customer_no", ""),
            "name": "",
            "code": body.get("code", ""),
            "admin": 0,
            "message": lookup(rc).meaning,
            "status": status,
            "sn": tx.sn if tx else "",
            "rc": rc,
            "balance": float(self.balance),
            "price": 0,
            "selling_price": 0,
        }
        if tx is not None and with_bill:
            data.update(tx.bill)
        return data

    def failure(self, body: dict[str, Any], rc: str) -> dict[str, Any]:
        return self._reply(None, body, rc, "Gagal")

    def inquire(self, body: dict[str, Any]) -> tuple[dict[str, Any], Fault | None]:
        code, customer_no, ref_id = body["code"], body["customer_no"], body["ref_id"]
        with self.lock:
            old = self.txs.get(ref_id)
            if old is not None:
                if (old.code, old.customer_no) != (code, customer_no):
                    return self.failure(body, "49"), None
                return self._reply(old, body, "00", "Sukses"), None
            fault = fault_of(customer_no)
            if fault is Fault.INQUIRY_502:
                return self.failure(body, "02"), fault
            if fault in INQUIRY_FAULTS:
                return self.failure(body, INQUIRY_FAULTS[fault]), None
            base = base_code(code)  # a bank's or wallet's code behaves like its product
            plan = plan_of(base, customer_no)
            if plan is Plan.INQUIRY_FAIL:
                return self.failure(body, "02"), None
            amount = body.get("amount")
            if (
                base in ("emoney", "kirimuang")
                and amount is not None
                and (
                    not isinstance(amount, int)
                    or isinstance(amount, bool)
                    or amount % 1000
                    or amount <= 0
                )
            ):
                return self.failure(body, "87"), None
            sheets = 2 if customer_no in TWO_SHEETS else 1
            bill = make_bill(
                base, customer_no, sheets=sheets, amount=amount if isinstance(amount, int) else None
            )
            tx = Tx(ref_id, code, customer_no, plan, fault, bill)
            self.txs[ref_id] = tx
            return self._reply(tx, body, "00", "Sukses"), None

    def pay(self, body: dict[str, Any]) -> tuple[dict[str, Any], Fault | None]:
        ref_id = body["ref_id"]
        with self.lock:
            tx = self.txs.get(ref_id)
            if tx is None:
                return self.failure(body, "50"), None
            if (tx.code, tx.customer_no) != (body["code"], body["customer_no"]):
                return self.failure(body, "49"), None
            if tx.state != "inquired":  # a repeated pay: the stored result, no new money
                return self._reply(tx, body, tx.rc, tx.state), None
            if tx.plan is Plan.PAY_FAIL:
                tx.state, tx.rc = "Gagal", "02"
                return self._reply(tx, body, tx.rc, tx.state), None
            price = Decimal(tx.bill["price"])
            if tx.fault is Fault.NO_BALANCE or self.balance < price:
                return self.failure(body, "44"), None
            self.balance -= price
            self.payments[ref_id] = self.payments.get(ref_id, 0) + 1
            if tx.plan in (Plan.PENDING_SUCCESS, Plan.PENDING_FAIL) or tx.fault is Fault.UNKNOWN_RC:
                tx.state, tx.rc = "Pending", "03"
                tx.final_state = "Gagal" if tx.plan is Plan.PENDING_FAIL else "Sukses"
                reply = self._reply(
                    tx, body, "77" if tx.fault is Fault.UNKNOWN_RC else "03", "Pending"
                )
                return reply, None
            tx.state, tx.rc, tx.sn = "Sukses", "00", serial_number(tx.code, ref_id)
            fault = tx.fault if tx.fault in PAY_TRANSPORT_FAULTS else None
            return self._reply(tx, body, "00", "Sukses"), fault

    def status(self, body: dict[str, Any]) -> dict[str, Any]:
        ref_id = body["ref_id"]
        with self.lock:
            tx = self.txs.get(ref_id)
            if tx is None or tx.state == "inquired":
                return self.failure(body, "50")
            now = time.monotonic()
            if (
                self.status_min_interval > 0
                and tx.last_status is not None
                and now - tx.last_status < self.status_min_interval
            ):
                return self._reply(tx, body, "85", "Gagal", with_bill=False)
            tx.last_status = now
            if tx.state == "Pending":
                tx.checks += 1
                if tx.checks >= self.pending_checks:
                    if tx.final_state == "Sukses":
                        tx.state, tx.rc, tx.sn = "Sukses", "00", serial_number(tx.code, ref_id)
                    else:
                        tx.state, tx.rc = "Gagal", "02"
                        self.balance += Decimal(tx.bill["price"])  # refunded
            return self._reply(tx, body, tx.rc, tx.state)

    def known_code(self, code: str) -> bool:
        """The 13 products and the banks and wallets the price list names."""
        from kiosk.sim.pricelist import CODES

        return code in BY_CODE or code in CODES
