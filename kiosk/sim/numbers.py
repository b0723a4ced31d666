"""Which customer numbers the simulator answers how.

The provider's test numbers (REFERENCE.md "Testing mode") are answered
exactly as listed. ``kirimuang`` has none published; ours follow the same
pattern. Fault numbers start with ``9900`` and pick a fault by their last two
digits, for any product (SAMSAT: the kode bayar part).
"""

from __future__ import annotations

from enum import Enum


class Plan(Enum):
    SUCCESS = "sukses"
    INQUIRY_FAIL = "inquiry gagal"
    PAY_FAIL = "pay gagal"
    PENDING_SUCCESS = "pending → sukses"
    PENDING_FAIL = "pending → gagal"


_SAMSAT_ID = "0212502110170100"

# code: (sukses numbers, inquiry gagal, pay gagal, pending→sukses, pending→gagal)
TEST_NUMBERS: dict[str, tuple[tuple[str, ...], str, str, tuple[str, ...], str]] = {
    "pln": (
        ("530000000001", "530000000002"),
        "530000000003",
        "530000000006",
        ("630000000001", "630000000002"),
        "630000000006",
    ),
    "pdam": (("1013226",), "1013227", "1013230", ("2013226",), "2013230"),
    "internet": (("6391601001",), "6391601002", "6391601005", ("7391601001",), "7391601005"),
    "bpjs": (
        ("8801234560001",),
        "8801234560002",
        "8801234560005",
        ("9801234560001",),
        "9801234560005",
    ),
    "multifinance": (("6391601201",), "6391601202", "6391601205", ("7391601201",), "7391601205"),
    "pbb": (
        ("329801092375999991",),
        "329801092375999992",
        "329801092375999995",
        ("429801092375999991",),
        "429801092375999995",
    ),
    "pgas": (
        ("0110014601", "0110014602"),
        "0110014603",
        "0110014605",
        ("1110014601",),
        "1110014605",
    ),
    "tv": (("127246500101",), "127246500102", "127246500105", ("227246500101",), "227246500105"),
    "plnnontaglis": (
        ("3225030005921",),
        "3225030005922",
        "3225030005923",
        ("4225030005921",),
        "4225030005923",
    ),
    "emoney": (
        ("082100000001",),
        "082100000002",
        "082100000003",
        ("082110000001",),
        "082110000003",
    ),
    "samsat": (
        (f"9658548523568701,{_SAMSAT_ID}",),
        f"9658548523568702,{_SAMSAT_ID}",
        f"9658548523568705,{_SAMSAT_ID}",
        (f"0658548523568701,{_SAMSAT_ID}",),
        f"0658548523568705,{_SAMSAT_ID}",
    ),
    "hp": (("081234554320",), "081234554321", "081234554324", ("081244554320",), "081244554324"),
    # Ours: the provider publishes none for kirimuang.
    "kirimuang": (("5830000001",), "5830000002", "5830000005", ("6830000001",), "6830000005"),
}

TWO_SHEETS = frozenset({"530000000002", "0110014602"})


class Fault(Enum):
    NO_BALANCE = "44"  # pay → rc 44, nothing deducted
    WRONG_NUMBER = "54"  # inquiry → rc 54
    WRONG_DIGITS = "57"  # inquiry → rc 57
    ALREADY_PAID = "60"  # inquiry → rc 60
    SLOW = "91"  # pay made, reply after slow_seconds
    DROP = "92"  # pay made, connection closed without a reply
    HTML_502 = "93"  # pay made, HTTP 502 with HTML
    BAD_JSON = "94"  # pay made, invalid JSON
    NO_DATA = "95"  # pay made, JSON without the data wrapper
    UNKNOWN_RC = "96"  # pay made, rc 77 (unknown) → status resolves to Sukses
    INQUIRY_502 = "97"  # inquiry → HTTP 502 with HTML
    HUGE = "98"  # pay made, a 3 MB body


def fault_of(customer_no: str) -> Fault | None:
    first = customer_no.split(",", 1)[0]
    if not first.startswith("9900"):
        return None
    try:
        return Fault(first[-2:])
    except ValueError:
        return None


def plan_of(code: str, customer_no: str) -> Plan:
    row = TEST_NUMBERS.get(code)
    if row is None:
        return Plan.SUCCESS
    _ok, inq_fail, pay_fail, pend_ok, pend_fail = row
    if customer_no == inq_fail:
        return Plan.INQUIRY_FAIL
    if customer_no == pay_fail:
        return Plan.PAY_FAIL
    if customer_no in pend_ok:
        return Plan.PENDING_SUCCESS
    if customer_no == pend_fail:
        return Plan.PENDING_FAIL
    return Plan.SUCCESS


def demo_numbers() -> list[tuple[str, str, str]]:
    """(product, customer_no, what happens) for the README and the demo."""
    rows: list[tuple[str, str, str]] = []
    for code, (ok, inq_fail, pay_fail, pend_ok, pend_fail) in TEST_NUMBERS.items():
        rows.append((code, ", ".join(ok), Plan.SUCCESS.value))
        rows.append((code, inq_fail, Plan.INQUIRY_FAIL.value))
        rows.append((code, pay_fail, Plan.PAY_FAIL.value))
        rows.append((code, ", ".join(pend_ok), Plan.PENDING_SUCCESS.value))
        rows.append((code, pend_fail, Plan.PENDING_FAIL.value))
    return rows
