"""The owner's tables read like the shop's own History: names, not codes."""

from __future__ import annotations

from datetime import UTC, datetime

from kiosk.ui.fleet_models import PaymentsModel


def _row(product: str) -> dict[str, object]:
    return {
        "kiosk_id": "toko-1",
        "created_at": datetime(2026, 12, 3, 8, 0, tzinfo=UTC),
        "product": product,
        "customer_no": "5830000001",
        "amount": 250_000,
        "state": "success",
        "sn": "SN1",
        "ref_id": "26120300000001",
    }


def test_a_payment_to_a_bank_names_the_product_and_the_bank(qtbot) -> None:
    model = PaymentsModel("id")
    assert model.text(_row("kirimuang-bca"), 2) == "Kirim Uang · BCA"
    assert model.text(_row("pln"), 2) == "Listrik PLN"
    assert model.text(_row("unknown-code"), 2) == "unknown-code"  # shown as sent, never lost
    assert PaymentsModel("en").text(_row("pln"), 2) != ""
