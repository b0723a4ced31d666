<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>BillCard</name>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="48"/>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="49"/>
        <source>Biaya admin</source>
        <translation>Admin fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="51"/>
        <source>Tagihan</source>
        <translation>Bill</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="53"/>
        <source>Denda</source>
        <translation>Late Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="54"/>
        <source>Admin Bank</source>
        <translation>Bank Admin Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="56"/>
        <source>Adm Loket</source>
        <translation>Shop Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="72"/>
        <source>Total Bayar</source>
        <translation>Total to Pay</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/bill_card.py" line="72"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>ChoicePicker</name>
    <message>
        <location filename="../../kiosk/ui/widgets/choice_picker.py" line="149"/>
        <source>‹ Sebelumnya</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/choice_picker.py" line="149"/>
        <source>Pilihan sebelumnya</source>
        <translation>Previous choices</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/choice_picker.py" line="160"/>
        <source>Lainnya ›</source>
        <translation>More ›</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/choice_picker.py" line="160"/>
        <source>Pilihan lainnya</source>
        <translation>More choices</translation>
    </message>
</context>
<context>
    <name>ClosingView</name>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="256"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="156"/>
        <source>Jumlah transaksi</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="91"/>
        <source>Uang tunai di mesin (penerima uang kertas)</source>
        <translation>Cash in the machine (bill acceptor)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="101"/>
        <source>%1 pembayaran belum pasti: uangnya belum dihitung di atas. Selesaikan lewat Riwayat Transaksi.</source>
        <translation>%1 payment(s) not settled yet: their money is not counted above. Settle them in Transaction History.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="111"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="155"/>
        <source>Transaksi</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="157"/>
        <source>Sukses</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="158"/>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="159"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="160"/>
        <source>Uang</source>
        <translation>Money</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="161"/>
        <source>Total diterima</source>
        <translation>Total collected</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="162"/>
        <source>Biaya admin</source>
        <translation>Admin fees</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="163"/>
        <source>Adm Loket</source>
        <translation>Shop Fee</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="164"/>
        <source>Saldo penyedia</source>
        <translation>Provider balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="165"/>
        <source>Saldo awal</source>
        <translation>Opening balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="166"/>
        <source>Saldo akhir</source>
        <translation>Closing balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="167"/>
        <source>Perubahan saldo penyedia</source>
        <translation>Provider balance change</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="175"/>
        <source>Hitung kas di laci</source>
        <translation>Count the cash in the drawer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="185"/>
        <location filename="../../kiosk/ui/closing_view.py" line="246"/>
        <source>Modal awal di laci (Rp)</source>
        <translation>Opening float in the drawer (Rp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="186"/>
        <location filename="../../kiosk/ui/closing_view.py" line="247"/>
        <source>Seharusnya ada</source>
        <translation>Should be there</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="187"/>
        <location filename="../../kiosk/ui/closing_view.py" line="248"/>
        <source>Uang dihitung (Rp)</source>
        <translation>Cash counted (Rp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="217"/>
        <source>Ketik uang tunai yang dihitung di laci.</source>
        <translation>Type the cash counted in the drawer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="219"/>
        <source>Cocok: kas sesuai.</source>
        <translation>It matches: the cash is right.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="222"/>
        <source>Selisih: lebih %1</source>
        <translation>Difference: %1 over</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="223"/>
        <source>Selisih: kurang %1</source>
        <translation>Difference: %1 short</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="249"/>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="109"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="110"/>
        <location filename="../../kiosk/ui/closing_view.py" line="262"/>
        <source>Ekspor CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/closing_view.py" line="68"/>
        <location filename="../../kiosk/ui/closing_view.py" line="120"/>
        <location filename="../../kiosk/ui/closing_view.py" line="235"/>
        <source>Tutup Kasir</source>
        <translation>Daily Closing</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="159"/>
        <source>Konfirmasi %1</source>
        <translation>Confirm %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="170"/>
        <source>Bayar %1</source>
        <translation>Pay %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="171"/>
        <source>Bayar %1 sekarang</source>
        <translation>Pay %1 now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="173"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="174"/>
        <source>Bayar sekarang</source>
        <translation>Pay now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="175"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/confirm.py" line="176"/>
        <source>Batal, kembali ke menu</source>
        <translation>Cancel, back to the menu</translation>
    </message>
</context>
<context>
    <name>FleetWindow</name>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="72"/>
        <source>Loket — Armada kiosk</source>
        <translation>Loket — Kiosk fleet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="82"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="83"/>
        <source>Tandai sudah dilihat</source>
        <translation>Mark as seen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="86"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="100"/>
        <location filename="../../kiosk/ui/fleet_window.py" line="121"/>
        <location filename="../../kiosk/ui/fleet_window.py" line="129"/>
        <location filename="../../kiosk/ui/fleet_window.py" line="132"/>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="101"/>
        <location filename="../../kiosk/ui/fleet_window.py" line="130"/>
        <source>Peringatan</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="102"/>
        <source>Jurnal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="103"/>
        <source>Ringkasan harian</source>
        <translation>Daily summary</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="121"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="121"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="122"/>
        <source>Deposit</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="122"/>
        <source>Printer / kertas</source>
        <translation>Printer / paper</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="123"/>
        <source>Kotak uang</source>
        <translation>Cash box</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="123"/>
        <source>Transaksi terakhir</source>
        <translation>Last transaction</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="124"/>
        <location filename="../../kiosk/ui/fleet_window.py" line="133"/>
        <source>Belum selesai</source>
        <translation>Unresolved</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="124"/>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="125"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="125"/>
        <source>TIDAK</source>
        <translation>NO</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="126"/>
        <source>baik</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="126"/>
        <source>rusak</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="127"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="127"/>
        <source>menipis</source>
        <translation>low</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="128"/>
        <source>habis</source>
        <translation>out</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="129"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="129"/>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="131"/>
        <source>dilihat</source>
        <translation>seen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="131"/>
        <source>BARU</source>
        <translation>NEW</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="132"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="132"/>
        <source>Transaksi</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="133"/>
        <source>Sukses</source>
        <translation>Successful</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="133"/>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="134"/>
        <source>Jumlah sukses</source>
        <translation>Amount collected</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="138"/>
        <source>Semua kiosk</source>
        <translation>All kiosks</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="140"/>
        <source>Nomor pelanggan, SN atau no. referensi</source>
        <translation>Customer number, SN or reference no.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="142"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="171"/>
        <source>%1 dari %2 kiosk online · %3 peringatan baru</source>
        <translation>%1 of %2 kiosks online · %3 new alerts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="174"/>
        <source>Peringatan (%1)</source>
        <translation>Alerts (%1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="175"/>
        <source>Diperbarui %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/fleet_window.py" line="183"/>
        <source>Database armada tidak terjangkau: %1</source>
        <translation>The fleet database cannot be reached: %1</translation>
    </message>
</context>
<context>
    <name>FormScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="211"/>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="220"/>
        <source>Pilih dompet digital</source>
        <translation>Choose the e-wallet</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="222"/>
        <source>Pilih bank tujuan</source>
        <translation>Choose the recipient&apos;s bank</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="230"/>
        <source>Lanjut</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="231"/>
        <source>Cek Tagihan</source>
        <translation>Check Bill</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="234"/>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="235"/>
        <source>Kembali ke menu</source>
        <translation>Back to the menu</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/form.py" line="248"/>
        <source>Bank penerima tidak dipilih di sini. Periksa nama pemilik rekening sebelum membayar.</source>
        <translation>The recipient&apos;s bank is not chosen here. Check the account holder&apos;s name before you pay.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="99"/>
        <source>Cari nomor, no. ref, SN</source>
        <translation>Number, ref. no., SN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="100"/>
        <source>Cari nomor pelanggan, no. referensi atau SN</source>
        <translation>Search customer number, reference no. or SN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="107"/>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="108"/>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="110"/>
        <source>Semua produk</source>
        <translation>All products</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="114"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="118"/>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="119"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="155"/>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="156"/>
        <source>Cek ulang status</source>
        <translation>Re-check status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="157"/>
        <source>Putuskan status…</source>
        <translation>Decide status…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="158"/>
        <location filename="../../kiosk/ui/history_view.py" line="322"/>
        <source>Ekspor CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="173"/>
        <source>Riwayat Transaksi</source>
        <translation>Transaction History</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/history_view.py" line="218"/>
        <source>%1 transaksi</source>
        <translation>%1 transactions</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="168"/>
        <source>Cek Status</source>
        <translation>Check Status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="223"/>
        <source>Siap</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="223"/>
        <source>Sedang gangguan</source>
        <translation>Out of order</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="244"/>
        <source>Coba lagi</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="244"/>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="245"/>
        <source>Coba lagi sekarang</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="213"/>
        <source>Saldo %1</source>
        <translation>Balance %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="216"/>
        <source>Saldo –</source>
        <translation>Balance –</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="225"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="225"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="196"/>
        <source>Loket sedang offline: penyedia tidak dapat dihubungi. Pembayaran dibuka lagi otomatis saat koneksi kembali.</source>
        <translation>The kiosk is offline: the provider cannot be reached. Payments reopen automatically when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/home.py" line="200"/>
        <source>Saldo loket hampir habis. Petugas toko perlu menambah deposit.</source>
        <translation>The kiosk balance is running low. Shop staff need to top up the deposit.</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="41"/>
        <source>Hapus satu angka</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/keypad.py" line="41"/>
        <source>Hapus semua</source>
        <translation>Clear all</translation>
    </message>
</context>
<context>
    <name>KioskMode</name>
    <message>
        <location filename="../../kiosk/ui/kiosk_mode.py" line="82"/>
        <source>PIN Admin</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_mode.py" line="83"/>
        <source>PIN admin belum diatur. Jalankan &apos;python -m kiosk config set-pin&apos;.</source>
        <translation>No admin PIN is set. Run &apos;python -m kiosk config set-pin&apos;.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/kiosk_mode.py" line="88"/>
        <source>Keluar dari mode kiosk</source>
        <translation>Leave kiosk mode</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="173"/>
        <source>&amp;Toko</source>
        <translation>&amp;Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="174"/>
        <source>&amp;Riwayat Transaksi</source>
        <translation>Transaction &amp;History</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="175"/>
        <source>&amp;Tutup Kasir</source>
        <translation>&amp;Daily Closing</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="176"/>
        <source>&amp;Pengaturan</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="177"/>
        <source>&amp;Tentang Loket</source>
        <translation>&amp;About Loket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="179"/>
        <source>Loket — Pembayaran Tagihan</source>
        <translation>Loket — Bill Payment</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="272"/>
        <source>Tentang Loket</source>
        <translation>About Loket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="273"/>
        <source>Loket %1 — kiosk pembayaran tagihan (PPOB).</source>
        <translation>Loket %1 — bill-payment kiosk (PPOB).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="283"/>
        <source>Pembayaran sedang diproses</source>
        <translation>The payment is being processed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="284"/>
        <source>Tunggu sampai pembayaran selesai sebelum menutup Loket.</source>
        <translation>Wait until the payment has finished before closing Loket.</translation>
    </message>
</context>
<context>
    <name>ManualResolutionDialog</name>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="32"/>
        <source>Putuskan status pembayaran</source>
        <translation>Decide the payment&apos;s status</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="35"/>
        <source>Status pembayaran %1 belum pasti. Putuskan hanya setelah memastikan ke penyedia (misalnya tiket CS). Keputusan ini dicatat di jurnal bersama alasannya.</source>
        <translation>The status of payment %1 is not certain. Decide only after confirming with the provider (for example a CS ticket). The decision is recorded in the journal with its reason.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="40"/>
        <source>Gagal — tagihan tidak terbayar, uang dikembalikan</source>
        <translation>Failed — the bill is not paid, the money is returned</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="41"/>
        <source>Sukses — tagihan sudah terbayar</source>
        <translation>Success — the bill is paid</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="45"/>
        <source>Alasan, mis. tiket CS penyedia</source>
        <translation>Reason, e.g. the provider&apos;s CS ticket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="46"/>
        <source>Alasan keputusan</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="62"/>
        <source>Pilih Gagal atau Sukses.</source>
        <translation>Choose Failed or Success.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_resolution.py" line="65"/>
        <source>Tulis alasannya (minimal %1 huruf).</source>
        <translation>Write the reason (at least %1 characters).</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="148"/>
        <source>PIN Admin</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="149"/>
        <source>Masukkan PIN admin</source>
        <translation>Enter the admin PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="150"/>
        <source>PIN admin</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="151"/>
        <source>4–8 angka</source>
        <translation>4–8 digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="152"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="154"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="155"/>
        <source>OK, periksa PIN</source>
        <translation>OK, check the PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="156"/>
        <source>Pesan PIN</source>
        <translation>PIN message</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="157"/>
        <source>Sisa percobaan</source>
        <translation>Tries left</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="179"/>
        <source>Terlalu banyak PIN salah. Terkunci, coba lagi dalam %1 menit (%2).</source>
        <translation>Too many wrong PINs. Locked, try again in %1 minutes (%2).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="195"/>
        <source>Setelah itu, satu PIN salah lagi mengunci %1 menit.</source>
        <translation>After that, one more wrong PIN locks it for %1 minutes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="243"/>
        <source>PIN tidak dapat diperiksa: catatan percobaan PIN tidak dapat disimpan. Periksa ruang disk, lalu coba lagi.</source>
        <translation>The PIN cannot be checked: the record of PIN tries cannot be saved. Check the disk space, then try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="197"/>
        <source>Sisa %1 kali percobaan sebelum PIN dikunci %2 menit.</source>
        <translation>%1 tries left before the PIN is locked for %2 minutes.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="232"/>
        <source>PIN salah.</source>
        <translation>Wrong PIN.</translation>
    </message>
</context>
<context>
    <name>ProcessingScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/processing.py" line="71"/>
        <source>Pembayaran sedang diproses</source>
        <translation>The payment is being processed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/processing.py" line="72"/>
        <source>Jangan tutup aplikasi. Pembayaran tidak dapat dibatalkan.</source>
        <translation>Do not close the application. The payment cannot be cancelled.</translation>
    </message>
</context>
<context>
    <name>ReceiptDesk</name>
    <message>
        <location filename="../../kiosk/ui/receipt_desk.py" line="167"/>
        <source>gagal disimpan (disk penuh atau folder tidak dapat ditulis)</source>
        <translation>could not be saved (disk full or folder not writable)</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="169"/>
        <source>Sukses</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="174"/>
        <source>Pending — sedang dicek</source>
        <translation>Pending — being checked</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="233"/>
        <source>Uang yang sudah diterima dari pelanggan harus dikembalikan.</source>
        <translation>Money already taken from the customer must be returned.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="212"/>
        <source>No. Referensi: %1</source>
        <translation>Reference No.: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="185"/>
        <source>Status dicek otomatis (berikutnya %1). Layar ini berubah sendiri saat sudah final. Simpan nomor referensi untuk Cek Status.</source>
        <translation>The status is checked automatically (next at %1). This screen updates itself when final. Keep the reference number for Check Status.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="171"/>
        <source>Gagal — tagihan tidak terbayar</source>
        <translation>Failed — the bill is not paid</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="173"/>
        <source>Perlu diperiksa petugas</source>
        <translation>To be checked by the staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="179"/>
        <source>Petugas toko memutuskan status pembayaran ini. Jangan membayar ulang; simpan nomor referensi untuk Cek Status.</source>
        <translation>The shop staff decide this payment&apos;s status. Do not pay again; keep the reference number for Check Status.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="183"/>
        <source>Pengembalian dana dicek otomatis (berikutnya %1). Layar ini berubah sendiri saat sudah dikonfirmasi.</source>
        <translation>The refund is checked automatically (next at %1). This screen updates itself once it is confirmed.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="230"/>
        <source>Uang Anda dikembalikan sebagai voucher di bawah ini.</source>
        <translation>Your money is returned as the voucher below.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="270"/>
        <source>Struk tersimpan</source>
        <translation>Receipt saved</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="273"/>
        <source>Struk: %1</source>
        <translation>Receipt: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="277"/>
        <source>Struk dicetak</source>
        <translation>Receipt printed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="287"/>
        <source>Cetak Struk</source>
        <translation>Print Receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="288"/>
        <source>Cetak struk</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="289"/>
        <source>Transaksi Baru</source>
        <translation>New Transaction</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screens/result.py" line="290"/>
        <source>Transaksi baru, kembali ke menu</source>
        <translation>New transaction, back to the menu</translation>
    </message>
</context>
<context>
    <name>SettingsDesk</name>
    <message>
        <location filename="../../kiosk/ui/settings_desk.py" line="54"/>
        <source>PIN admin untuk Pengaturan</source>
        <translation>Admin PIN for Settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_desk.py" line="62"/>
        <source>PIN admin belum diatur. Atur di Pengaturan atau &apos;python -m kiosk config set-pin&apos;.</source>
        <translation>No admin PIN is set. Set one in Settings or run &apos;python -m kiosk config set-pin&apos;.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_desk.py" line="129"/>
        <source>Terhubung. Saldo %1</source>
        <translation>Connected. Balance %1</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="119"/>
        <source>Pengaturan Loket</source>
        <translation>Loket Settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="120"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="122"/>
        <source>Perubahan berlaku setelah Simpan. Kunci API hanya disimpan di keychain sistem operasi; kosongkan kolom kunci untuk memakai kunci yang tersimpan.</source>
        <translation>Changes apply after Save. The API key is kept only in the operating system&apos;s keychain; leave the key field empty to keep the stored key.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="124"/>
        <source>Layar dan saldo</source>
        <translation>Screen and balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="125"/>
        <source>Struk</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="126"/>
        <source>Adm Loket per produk (biaya toko, Rp)</source>
        <translation>Shop fee per product (Rp)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="127"/>
        <source>Mode kiosk (layar penuh untuk pelanggan)</source>
        <translation>Kiosk mode (full screen for customers)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="129"/>
        <source>Kembali ke menu jika diam</source>
        <translation>Back to the menu when idle for</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="129"/>
        <source>Bahasa saat mulai</source>
        <translation>Language at start-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="130"/>
        <source>Peringatan saldo di bawah</source>
        <translation>Warn when the balance is below</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="134"/>
        <source>Kertas struk</source>
        <translation>Receipt paper</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="136"/>
        <source>Printer thermal (kosong = tanpa)</source>
        <translation>Thermal printer (empty = none)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="137"/>
        <source>Printer thermal</source>
        <translation>Thermal printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="140"/>
        <source>Adm Loket %1</source>
        <translation>Shop fee %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_view.py" line="147"/>
        <source>Tulis usb:VID:PID, serial:/dev/ttyUSB0 atau network:ALAMAT[:PORT], atau kosongkan jika tanpa printer thermal.</source>
        <translation>Write usb:VID:PID, serial:/dev/ttyUSB0 or network:ADDRESS[:PORT], or leave it empty for no thermal printer.</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="187"/>
        <source>Koneksi Digiswitch</source>
        <translation>Digiswitch connection</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="204"/>
        <source>Tes koneksi</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="191"/>
        <source>Username API</source>
        <translation>API username</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="182"/>
        <source>Penyiapan Loket</source>
        <translation>Loket Set-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="183"/>
        <source>Selamat datang di Loket</source>
        <translation>Welcome to Loket</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="185"/>
        <source>Isi akun Digiswitch Anda, nama toko dan PIN admin. Kunci API disimpan di keychain sistem operasi, tidak di file.</source>
        <translation>Enter your Digiswitch account, the shop&apos;s name and an admin PIN. The API key is stored in the operating system&apos;s keychain, not in a file.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="189"/>
        <source>PIN admin</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="191"/>
        <source>Kunci API</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="192"/>
        <source>Alamat server (endpoint)</source>
        <translation>Server address (endpoint)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="193"/>
        <source>Ulangi PIN</source>
        <translation>Repeat the PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="199"/>
        <source>(tersimpan di keychain; isi hanya untuk mengganti)</source>
        <translation>(stored in the keychain; fill in only to replace it)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="203"/>
        <source>Mode testing (uji coba, bukan transaksi nyata)</source>
        <translation>Testing mode (trial, not real transactions)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="209"/>
        <source>Hasil tes koneksi</source>
        <translation>Connection test result</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="210"/>
        <source>Kosongkan untuk tidak mengubah PIN.</source>
        <translation>Leave empty to keep the PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="211"/>
        <source>PIN admin membuka Pengaturan, ekspor Riwayat dan keluar dari mode kiosk.</source>
        <translation>The admin PIN opens Settings, History export and leaving kiosk mode.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="213"/>
        <source>Pesan kesalahan</source>
        <translation>Error message</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="221"/>
        <source>Isi username API dari akun Digiswitch Anda.</source>
        <translation>Enter the API username of your Digiswitch account.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="222"/>
        <source>Username API tidak boleh berisi spasi.</source>
        <translation>The API username cannot contain spaces.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="224"/>
        <source>Isi kunci API (salin dari halaman akun Digiswitch).</source>
        <translation>Enter the API key (copy it from your Digiswitch account page).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="225"/>
        <source>Kunci API tidak boleh berisi spasi. Salin ulang kuncinya.</source>
        <translation>The API key cannot contain spaces. Copy the key again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="227"/>
        <source>Alamat harus diawali https:// (http:// hanya untuk 127.0.0.1).</source>
        <translation>The address must start with https:// (http:// only for 127.0.0.1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="229"/>
        <source>Isi nama toko; nama ini tampil di layar dan struk.</source>
        <translation>Enter the shop&apos;s name; it shows on the screen and on receipts.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="234"/>
        <source>Ulangan PIN tidak sama. Ketik PIN yang sama dua kali.</source>
        <translation>The repeated PIN does not match. Type the same PIN twice.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="283"/>
        <source>Mengecek koneksi…</source>
        <translation>Checking the connection…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="188"/>
        <source>Toko</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="192"/>
        <source>Nama toko</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="193"/>
        <source>PIN admin baru (4–8 angka)</source>
        <translation>New admin PIN (4–8 digits)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="205"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="232"/>
        <source>PIN admin harus 4–8 angka.</source>
        <translation>The admin PIN must be 4–8 digits.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/setup_view.py" line="231"/>
        <source>Buat PIN admin (4–8 angka) untuk Pengaturan dan mode kiosk.</source>
        <translation>Create an admin PIN (4–8 digits) for Settings and kiosk mode.</translation>
    </message>
</context>
<context>
    <name>ShopWindows</name>
    <message>
        <location filename="../../kiosk/ui/shop_desk.py" line="64"/>
        <source>PIN admin untuk memutuskan status</source>
        <translation>Admin PIN to decide the status</translation>
    </message>
</context>
<context>
    <name>SnBox</name>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="51"/>
        <source>Nomor SN / Token</source>
        <translation>Serial number (SN) / Token</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="52"/>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="61"/>
        <source>Salin</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="53"/>
        <source>Salin nomor SN</source>
        <translation>Copy the serial number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/sn_box.py" line="65"/>
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
<context>
    <name>StepIndicator</name>
    <message>
        <location filename="../../kiosk/ui/widgets/steps.py" line="38"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/steps.py" line="38"/>
        <source>Cek</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/steps.py" line="38"/>
        <source>Bayar</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/steps.py" line="38"/>
        <source>Struk</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/steps.py" line="55"/>
        <source>Langkah %1 dari 4: %2</source>
        <translation>Step %1 of 4: %2</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="36"/>
        <source>Masih di sana?</source>
        <translation>Still there?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="41"/>
        <source>Ya, lanjutkan</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/idle.py" line="55"/>
        <source>Layar kembali ke menu dalam %1 detik.</source>
        <translation>Returning to the menu in %1 seconds.</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../kiosk/ui/shop_desk.py" line="92"/>
        <source>PIN admin untuk ekspor</source>
        <translation>Admin PIN to export</translation>
    </message>
</context>
</TS>
