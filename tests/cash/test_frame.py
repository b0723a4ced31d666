"""ID-003 framing, codes and the device/table settings."""

from __future__ import annotations

import pytest

from kiosk.cash.acceptor import Denomination
from kiosk.cash.id003.codes import (
    denomination_mask,
    encode_currency_assign,
    mask_codes,
    parse_currency_assign,
)
from kiosk.cash.id003.frame import Frame, FrameReader, crc16_kermit, encode
from kiosk.cash.sim.device import IDR_TABLE
from kiosk.cash.spec import DeviceSpec, DeviceSpecError, parse_device, parse_table
from kiosk.cash.words import before_first_note


def test_crc_is_kermit_and_sent_low_byte_first() -> None:
    assert crc16_kermit(b"123456789") == 0x2189
    frame = encode(0x11)
    assert frame[:3] == bytes((0xFC, 0x05, 0x11))
    crc = crc16_kermit(frame[:3])
    assert frame[3:] == bytes((crc & 0xFF, crc >> 8))


def test_reader_skips_noise_and_a_corrupted_frame() -> None:
    good = encode(0x13, b"\x64")
    bad = bytearray(encode(0x17, b"\x77"))
    bad[-1] ^= 0xFF
    reader = FrameReader()
    frames = reader.feed(b"\x00\x42" + bytes(bad) + good[:3])
    assert frames == []
    assert reader.feed(good[3:]) == [Frame(0x13, b"\x64")]
    assert reader.bad_frames >= 1


def test_currency_assignment_round_trip_gives_rupiah_values() -> None:
    data = encode_currency_assign(IDR_TABLE, country=0x3E)
    assert len(data) == 4 * len(IDR_TABLE)
    assert parse_currency_assign(data) == IDR_TABLE
    assert parse_currency_assign(bytes((0x66, 0x3E, 1, 5))) == (Denomination(0x66, 100000),)
    with pytest.raises(ValueError):
        parse_currency_assign(b"\x61\x3e\x02")


def test_denomination_mask_bits_follow_escrow_codes() -> None:
    mask = denomination_mask({0x61, 0x69})
    assert mask == bytes((0x01, 0x01))
    assert mask_codes(mask) == {0x61, 0x69}


def test_device_setting_forms() -> None:
    assert parse_device("id003:/dev/ttyUSB0") == DeviceSpec("id003", "/dev/ttyUSB0")
    assert parse_device(" sim ") == DeviceSpec("sim")
    with pytest.raises(DeviceSpecError, match="not supported yet") as info:
        parse_device("essp:/dev/ttyUSB0")
    assert "belum didukung" in info.value.words.id
    for bad in ("id003", "id003:", "ttyUSB0", "ccnet:/dev/ttyS0"):
        with pytest.raises(DeviceSpecError, match="id003:PORT"):
            parse_device(bad)


def test_table_setting() -> None:
    assert parse_table("61=2000, 0x62=5.000;63=10000") == (
        Denomination(0x61, 2000),
        Denomination(0x62, 5000),
        Denomination(0x63, 10000),
    )
    assert parse_table("") == ()
    for bad in ("61", "zz=2000", "61=0", "20=2000"):
        with pytest.raises(DeviceSpecError, match="61=2000"):
            parse_table(bad)


def test_the_words_before_the_first_note() -> None:
    text = before_first_note([50000, 2000, 100000])
    assert text.id.startswith("Uang kertas yang diterima: Rp 2.000, Rp 50.000, Rp 100.000.")
    assert "tidak memberi uang kembalian" in text.id and "voucher" in text.id
    assert "Rp 100,000" in text.en and "no change" in text.en
