"""Closing a cash session its pay's own worker could not: a later outcome, or a restart."""

from __future__ import annotations

from kiosk.cash.ledger import CashLedger, CashSession, SessionState
from kiosk.journal.states import PaymentState


def settle(
    ledger: CashLedger, ref_id: str, state: PaymentState | None, *, restart: bool = False
) -> CashSession | None:
    """Close a cash session the pay's own worker could not (a later outcome, a restart):
    success → paid (change voucher), failure → failed (refund voucher). At a restart a
    session still collecting becomes a refund voucher, and one whose pay never left
    (``state`` None or INQUIRED) too; one whose outcome is open waits as pending."""
    session = ledger.session(ref_id)
    if session is None or session.state not in (
        SessionState.OPEN,
        SessionState.PAYING,
        SessionState.PENDING,
    ):
        return session
    if session.state is SessionState.OPEN:
        return ledger.cancel(ref_id, "restart") if restart else session
    if state is PaymentState.SUCCESS:
        return ledger.paid(ref_id)
    if state is PaymentState.FAILED or (
        restart and state in (None, PaymentState.INQUIRED) and session.state is SessionState.PAYING
    ):
        return ledger.failed(ref_id, "restart" if restart else "later outcome")
    if session.state is SessionState.PAYING and restart:
        return ledger.pending(ref_id)  # the status watch settles it when the outcome is known
    return session
