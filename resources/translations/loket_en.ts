<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>BillCard</name>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="32"/>
        <source>Tagihan</source>
        <translation>Bill</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="33"/>
        <source>Denda</source>
        <translation>Late Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="34"/>
        <source>Admin Bank</source>
        <translation>Bank Admin Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="37"/>
        <source>Adm Loket</source>
        <translation>Shop Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="53"/>
        <source>Total Bayar</source>
        <translation>Total to Pay</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="79"/>
        <source>Konfirmasi %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="84"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="85"/>
        <source>Bayar sekarang</source>
        <translation>Pay now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="86"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="87"/>
        <source>Batal, kembali ke menu</source>
        <translation>Cancel, back to the menu</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="157"/>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="157"/>
        <location filename="../../kiosk/ui/screens/form.py" line="163"/>
        <location filename="../../kiosk/ui/screens/form.py" line="164"/>
        <source>Cek Tagihan</source>
        <translation>Check Bill</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="160"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="161"/>
        <source>Kembali ke menu</source>
        <translation>Back to the menu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="165"/>
        <source>Nominal isi ulang (Rp)</source>
        <translation>Top-up amount (Rp)</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="123"/>
        <source>Cek Status</source>
        <translation>Check Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="134"/>
        <source>Saldo %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="137"/>
        <source>Saldo –</source>
        <translation>Balance –</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="139"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="139"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="146"/>
        <source>Loket sedang offline: penyedia tidak dapat dihubungi. Pembayaran dibuka lagi otomatis saat koneksi kembali.</source>
        <translation>The kiosk is offline: the provider cannot be reached. Payments reopen automatically when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="150"/>
        <source>Saldo loket hampir habis. Petugas toko perlu menambah deposit.</source>
        <translation>The kiosk balance is running low. Shop staff need to top up the deposit.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="40"/>
        <source>Hapus satu angka</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="40"/>
        <source>Hapus semua</source>
        <translation>Clear all</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="98"/>
        <source>&amp;Toko</source>
        <translation>&amp;Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="99"/>
        <source>&amp;Riwayat Transaksi</source>
        <translation>Transaction &amp;History</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="100"/>
        <source>&amp;Tutup Kasir</source>
        <translation>&amp;Daily Closing</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="101"/>
        <source>&amp;Pengaturan</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="102"/>
        <source>&amp;Tentang Loket</source>
        <translation>&amp;About Loket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="103"/>
        <source>Loket — Pembayaran Tagihan</source>
        <translation>Loket — Bill Payment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="129"/>
        <source>Tentang Loket</source>
        <translation>About Loket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="130"/>
        <source>Loket %1 — kiosk pembayaran tagihan (PPOB).</source>
        <translation>Loket %1 — bill-payment kiosk (PPOB).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="135"/>
        <source>Pembayaran sedang diproses</source>
        <translation>The payment is being processed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="136"/>
        <source>Tunggu sampai pembayaran selesai sebelum menutup Loket.</source>
        <translation>Wait until the payment has finished before closing Loket.</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/processing.py" line="63"/>
        <source>Pembayaran sedang diproses</source>
        <translation>The payment is being processed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/processing.py" line="64"/>
        <source>Jangan tutup aplikasi. Pembayaran tidak dapat dibatalkan.</source>
        <translation>Do not close the application. The payment cannot be cancelled.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="92"/>
        <source>Sukses</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="94"/>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="95"/>
        <source>Pending — sedang dicek</source>
        <translation>Pending — being checked</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="104"/>
        <source>Uang yang sudah diterima dari pelanggan harus dikembalikan.</source>
        <translation>Money already taken from the customer must be returned.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="118"/>
        <source>No. Referensi: %1</source>
        <translation>Reference No.: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="124"/>
        <source>Status dicek otomatis (berikutnya %1). Layar ini berubah sendiri saat sudah final. Simpan nomor referensi untuk Cek Status.</source>
        <translation>The status is checked automatically (next at %1). This screen updates itself when final. Keep the reference number for Check Status.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="129"/>
        <source>Cetak Struk</source>
        <translation>Print Receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="130"/>
        <source>Cetak struk</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="131"/>
        <source>Transaksi Baru</source>
        <translation>New Transaction</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="132"/>
        <source>Transaksi baru, kembali ke menu</source>
        <translation>New transaction, back to the menu</translation>
    </message>
</context>
<context>
    <name>SnBox</name>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="36"/>
        <source>Nomor SN / Token</source>
        <translation>Serial number (SN) / Token</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="37"/>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="38"/>
        <source>Salin nomor SN</source>
        <translation>Copy the serial number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="46"/>
        <source>Tersalin ✓</source>
        <translation>Copied ✓</translation>
    </message>
</context>
<context>
    <name>StatusCheckScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="73"/>
        <source>Mengecek…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="73"/>
        <source>Cek Status</source>
        <translation>Check Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="80"/>
        <source>Transaksi tidak ditemukan di loket ini. Periksa kembali nomor referensi pada struk.</source>
        <translation>No transaction found at this kiosk. Please check the reference number on the receipt.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="92"/>
        <source>Cek Status Pembayaran</source>
        <translation>Check Payment Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="94"/>
        <source>Ketik nomor referensi dari struk, atau nomor pelanggan yang dibayar di loket ini.</source>
        <translation>Type the reference number from the receipt, or the customer number paid at this kiosk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="95"/>
        <source>Nomor referensi atau nomor pelanggan</source>
        <translation>Reference number or customer number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="96"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/status_check.py" line="97"/>
        <source>Kembali ke menu</source>
        <translation>Back to the menu</translation>
    </message>
</context>
</TS>
