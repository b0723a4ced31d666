"""What the customer reads about a bill or a payment, in both languages: the words the
decision table (``kiosk.payment.decisions``) puts in its decisions. Words only; which
one applies is decided there."""

from __future__ import annotations

from kiosk.i18n import Text
from kiosk.journal.states import PaymentState
from kiosk.rc import lookup

CHECKING = Text(
    "Pembayaran sedang diproses. Status dicek otomatis; jangan membayar ulang.",
    "The payment is being processed. Its status is checked automatically; do not pay again.",
)
UNCERTAIN = Text(
    "Status pembayaran belum pasti — jangan bayar ulang. Status dicek otomatis; "
    "hubungi petugas toko bila perlu.",
    "The payment's status is not certain yet — do not pay again. It is checked "
    "automatically; ask the shop staff if needed.",
)
REVIEW = Text(
    "Status pembayaran perlu diperiksa petugas toko. Jangan membayar ulang; simpan nomor "
    "referensi ini.",
    "The payment's status must be checked by the shop staff. Do not pay again; keep this "
    "reference number.",
)
NEVER_ARRIVED = Text(
    "Pembayaran tidak sampai ke penyedia dan tidak terjadi. Tagihan tidak terbayar; "
    "uang tidak terpotong.",
    "The payment never reached the provider and did not happen. The bill is not paid; "
    "nothing was charged.",
)
NOT_SENT = Text(
    "Pembayaran tidak terkirim ke penyedia. Tagihan tidak terbayar; uang tidak terpotong. "
    "Periksa koneksi internet, lalu coba lagi.",
    "The payment did not reach the provider. The bill is not paid; nothing was charged. "
    "Check the internet connection and try again.",
)
SUCCESS = Text("Transaksi berhasil.", "Transaction successful.")
DECLINED = Text(
    "Tagihan TIDAK terbayar. {id} Pengembalian dana sedang dikonfirmasi ke penyedia.",
    "The bill was NOT paid. {en} The refund is being confirmed with the provider.",
)
FAILED = Text(
    "Tagihan tidak terbayar. {id} Uang tidak terpotong.",
    "The bill was not paid. {en} Nothing was charged.",
)
CONFIRMED = Text(
    "Tagihan tidak terbayar. Pengembalian dana sudah dikonfirmasi penyedia: uang tidak terpotong.",
    "The bill was not paid. The provider confirmed the refund: nothing was charged.",
)
BILL_UNREADABLE = Text(
    "Penyedia tidak memberi jawaban yang bisa dibaca saat cek tagihan. Belum ada yang "
    "dibayar; silakan coba lagi.",
    "The provider gave no readable answer while checking the bill. Nothing was paid; "
    "please try again.",
)
BILL_NOT_SENT = Text(
    "Tidak dapat terhubung ke penyedia; tagihan belum dicek. Periksa koneksi internet, "
    "lalu coba lagi.",
    "Cannot reach the provider; the bill was not checked. Check the internet connection "
    "and try again.",
)
BILL_UNSURE = Text(
    "Tagihan belum dapat dicek saat ini (jawaban penyedia belum pasti). Belum ada yang "
    "dibayar; silakan coba lagi.",
    "The bill cannot be checked right now (the provider's answer was not definite). "
    "Nothing was paid; please try again.",
)
BILL_TRY_LATER = Text(
    "Tagihan tidak dapat dicek saat ini. Silakan coba lagi nanti.",
    "The bill cannot be checked right now. Please try again later.",
)
CONTRADICTION = Text(
    "Jawaban penyedia saling bertentangan; status harus diputuskan petugas.",
    "The provider's answers contradict each other; a person must decide the status.",
)
MISMATCH = Text(
    "Jawaban penyedia menyebut transaksi atau nomor pelanggan lain; tidak dipercaya.",
    "The provider's answer names another transaction or customer number; not trusted.",
)


NEUTRAL_REASONS = {
    "01": Text("Waktu transaksi habis.", "The transaction timed out."),
    "02": Text("Penyedia menolak transaksi.", "The provider declined the transaction."),
    "50": Text("Transaksi tidak ditemukan penyedia.", "The provider did not find the transaction."),
    "70": Text("Penyedia tagihan tidak menjawab.", "The biller did not answer."),
    "74": Text("Transaksi dibatalkan penyedia.", "The provider cancelled the transaction."),
}
"""Why a pay failed, for codes whose table words also promise "not charged" or "try
again": the refund is said separately, once it is known."""


def with_reason(template: Text, rc: str) -> Text:
    words = NEUTRAL_REASONS.get(rc) or lookup(rc).message
    return Text(template.id.format(id=words.id), template.en.format(en=words.en))


def waiting_words(state: PaymentState) -> Text:
    """What the customer reads while ``state`` waits for an answer."""
    if state is PaymentState.REVIEW:
        return REVIEW
    return CHECKING
