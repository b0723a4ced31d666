"""The provider's response codes (rc), in one place.

Final success is ``00``; ``03`` and ``99`` are pending; every other code in
the contract is a failure. A code the contract does not list is treated as an
*unknown outcome* (pending): the payment may have happened, so it is resolved
with a status call for the same ref_id, never by paying again.

``has_record`` says whether the provider created a transaction. A failed
*pay* whose code has a record is confirmed with one status call before the
customer is told the money is refundable (REFERENCE.md, "Response codes").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from kiosk.i18n import Text


class Outcome(Enum):
    SUCCESS = "Sukses"
    PENDING = "Pending"
    FAILED = "Gagal"


@dataclass(frozen=True, slots=True)
class RcInfo:
    rc: str
    outcome: Outcome
    has_record: bool
    meaning: str
    """The provider's own words for the code (for logs and the shopkeeper)."""
    message: Text
    """What the customer reads: what happened and what to do next."""

    @property
    def known(self) -> bool:
        return self.rc in RC_TABLE


_TRY_LATER = Text(
    "Layanan sedang tidak tersedia. Silakan coba lagi nanti.",
    "The service is unavailable right now. Please try again later.",
)
_CALL_OPERATOR = Text(
    "Loket sedang bermasalah. Silakan hubungi petugas toko.",
    "The kiosk has a problem. Please ask the shop staff.",
)
_CHECK_NUMBER = Text(
    "Nomor pelanggan tidak ditemukan. Periksa kembali nomor pada tagihan Anda.",
    "Customer number not found. Please check the number on your bill.",
)
_PENDING = Text(
    "Pembayaran sedang diproses. Simpan nomor referensi dan cek status beberapa saat lagi.",
    "The payment is being processed. Keep the reference number and check again shortly.",
)

S, P, F = Outcome.SUCCESS, Outcome.PENDING, Outcome.FAILED

# rc: (outcome, has_record, provider meaning, customer message)
_ROWS: dict[str, tuple[Outcome, bool, str, Text]] = {
    "00": (S, True, "Transaksi Sukses", Text("Transaksi berhasil.", "Transaction successful.")),
    "01": (
        F,
        True,
        "Timeout",
        Text(
            "Waktu transaksi habis. Pembayaran tidak berhasil; silakan coba lagi.",
            "The transaction timed out and did not go through. Please try again.",
        ),
    ),
    "02": (
        F,
        True,
        "Transaksi Gagal",
        Text(
            "Transaksi gagal. Uang Anda tidak terpotong; silakan coba lagi.",
            "The transaction failed. You were not charged; please try again.",
        ),
    ),
    "03": (P, True, "Transaksi Pending", _PENDING),
    "40": (F, False, "Payload Error", _CALL_OPERATOR),
    "41": (
        F,
        False,
        "Signature tidak valid",
        Text(
            "Kunci API tidak cocok. Petugas toko perlu memeriksa pengaturan.",
            "The API key does not match. Shop staff need to check the settings.",
        ),
    ),
    "42": (
        F,
        False,
        "Gagal memproses API Buyer",
        Text(
            "Nama pengguna API salah. Petugas toko perlu memeriksa pengaturan.",
            "Wrong API username. Shop staff need to check the settings.",
        ),
    ),
    "43": (
        F,
        False,
        "SKU tidak ditemukan / non-aktif",
        Text(
            "Produk ini sedang tidak tersedia. Silakan pilih produk lain.",
            "This product is not available right now. Please choose another.",
        ),
    ),
    "44": (
        F,
        False,
        "Saldo tidak cukup",
        Text(
            "Saldo loket tidak cukup. Silakan hubungi petugas toko.",
            "The kiosk's balance is too low. Please ask the shop staff.",
        ),
    ),
    "45": (
        F,
        False,
        "IP tidak dikenali",
        Text(
            "Alamat IP loket belum terdaftar di penyedia. Hubungi petugas toko.",
            "The kiosk's IP address is not registered with the provider. Ask the shop staff.",
        ),
    ),
    "47": (
        F,
        False,
        "Transaksi sudah terjadi di buyer lain",
        Text(
            "Tagihan ini sudah dibayar di tempat lain.",
            "This bill has already been paid elsewhere.",
        ),
    ),
    "49": (F, False, "Ref ID tidak unik", _CALL_OPERATOR),
    "50": (
        F,
        True,
        "Transaksi tidak ditemukan",
        Text("Transaksi tidak ditemukan.", "Transaction not found."),
    ),
    "51": (
        F,
        True,
        "Nomor tujuan diblokir",
        Text(
            "Nomor pelanggan ini diblokir. Hubungi penyedia layanan Anda.",
            "This customer number is blocked. Please contact your provider.",
        ),
    ),
    "52": (
        F,
        True,
        "Prefix tidak sesuai operator",
        Text(
            "Nomor tidak sesuai dengan operator. Periksa kembali nomor Anda.",
            "The number does not match the operator. Please check it.",
        ),
    ),
    "53": (F, True, "Produk seller sedang tidak tersedia", _TRY_LATER),
    "54": (F, True, "Nomor tujuan salah", _CHECK_NUMBER),
    "55": (F, True, "Produk sedang gangguan", _TRY_LATER),
    "56": (F, False, "Limit saldo seller", _TRY_LATER),
    "57": (
        F,
        True,
        "Jumlah digit kurang atau lebih",
        Text(
            "Jumlah digit nomor pelanggan salah. Periksa kembali nomor pada tagihan Anda.",
            "The customer number has the wrong number of digits. Please check your bill.",
        ),
    ),
    "58": (
        F,
        True,
        "Sedang cut off",
        Text(
            "Sedang jam tutup (cut off) penyedia. Silakan coba lagi nanti.",
            "The provider is in its cut-off period. Please try again later.",
        ),
    ),
    "59": (
        F,
        True,
        "Tujuan di luar wilayah/cluster",
        Text(
            "Nomor pelanggan di luar wilayah layanan.",
            "The customer number is outside the service area.",
        ),
    ),
    "60": (
        F,
        True,
        "Tagihan belum tersedia / sudah terbayar",
        Text(
            "Tagihan belum tersedia atau sudah dibayar.",
            "The bill is not available yet or has already been paid.",
        ),
    ),
    "61": (F, False, "Belum pernah melakukan deposit", _CALL_OPERATOR),
    "62": (F, False, "Seller sedang mengalami gangguan", _TRY_LATER),
    "63": (F, False, "Tidak support transaksi multi", _CALL_OPERATOR),
    "64": (F, False, "Tarik tiket gagal", _TRY_LATER),
    "65": (F, False, "Limit transaksi multi", _TRY_LATER),
    "66": (F, False, "Cut off (perbaikan sistem seller)", _TRY_LATER),
    "67": (F, False, "Seller belum ter-verifikasi", _TRY_LATER),
    "68": (F, False, "Stok habis", _TRY_LATER),
    "69": (F, False, "Harga seller melebihi ketentuan harga buyer", _TRY_LATER),
    "70": (
        F,
        True,
        "Timeout dari biller",
        Text(
            "Penyedia tagihan tidak menjawab. Silakan coba lagi nanti.",
            "The biller did not answer. Please try again later.",
        ),
    ),
    "71": (F, True, "Produk sedang tidak stabil", _TRY_LATER),
    "72": (
        F,
        True,
        "Lakukan unreg paket dahulu",
        Text("Paket harus dihentikan (unreg) dahulu.", "The package must be unregistered first."),
    ),
    "73": (
        F,
        True,
        "Kwh melebihi batas",
        Text("Batas kWh terlampaui.", "The kWh limit is exceeded."),
    ),
    "74": (
        F,
        True,
        "Transaksi refund",
        Text(
            "Transaksi dibatalkan dan dana dikembalikan.",
            "The transaction was cancelled and refunded.",
        ),
    ),
    "80": (F, False, "Akun diblokir oleh seller", _CALL_OPERATOR),
    "81": (F, False, "Seller telah diblokir oleh Anda", _CALL_OPERATOR),
    "82": (F, False, "Akun belum ter-verifikasi", _CALL_OPERATOR),
    "83": (F, False, "Limitasi pengecekan pricelist", _TRY_LATER),
    "84": (
        F,
        True,
        "Nominal tidak valid",
        Text("Nominal tidak valid.", "The amount is not valid."),
    ),
    "85": (
        F,
        True,
        "Limitasi transaksi tercapai",
        Text(
            "Terlalu banyak permintaan. Silakan coba lagi dalam satu menit.",
            "Too many requests. Please try again in a minute.",
        ),
    ),
    "86": (
        F,
        True,
        "Limitasi pengecekan nomor PLN",
        Text(
            "Terlalu banyak pengecekan nomor PLN. Silakan coba lagi nanti.",
            "Too many PLN number checks. Please try again later.",
        ),
    ),
    "87": (
        F,
        False,
        "E-money wajib kelipatan Rp 1.000",
        Text(
            "Nominal e-money harus kelipatan Rp 1.000.",
            "E-money amounts must be multiples of Rp 1,000.",
        ),
    ),
    "88": (F, False, "Akun tidak dapat melakukan aksi ini", _CALL_OPERATOR),
    "99": (P, True, "Router issue", _PENDING),
}

RC_TABLE: dict[str, RcInfo] = {
    rc: RcInfo(rc, outcome, record, meaning, message)
    for rc, (outcome, record, meaning, message) in _ROWS.items()
}

UNKNOWN_MESSAGE = _PENDING


def lookup(rc: str) -> RcInfo:
    """The row for ``rc``; a code not in the contract is an unknown outcome (pending)."""
    info = RC_TABLE.get(rc)
    if info is not None:
        return info
    return RcInfo(rc, Outcome.PENDING, True, "Kode tidak dikenal", UNKNOWN_MESSAGE)


def pay_outcome(rc: str) -> Outcome:
    """The outcome of a *pay* reply. rc 49 on pay is unknown (REFERENCE.md step 3)."""
    if rc == "49":
        return Outcome.PENDING
    return lookup(rc).outcome
