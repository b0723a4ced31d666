"""ID-003 framing: ``SYNC LNG CMD DATA… CRC-L CRC-H``.

``SYNC`` is 0xFC; ``LNG`` counts every byte of the frame, itself and the CRC
included (so a bare command is 5 bytes). The CRC is CRC-16/CCITT as Kermit
computes it (reflected polynomial 0x8408, start 0), over SYNC through DATA,
sent low byte first.
"""

from __future__ import annotations

from dataclasses import dataclass

SYNC = 0xFC
OVERHEAD = 5  # SYNC, LNG, CMD, CRC-L, CRC-H
MAX_FRAME = 0xFF


def crc16_kermit(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


@dataclass(frozen=True)
class Frame:
    cmd: int
    data: bytes = b""

    def encode(self) -> bytes:
        return encode(self.cmd, self.data)

    def __str__(self) -> str:
        return f"{self.cmd:02X}" + (f" {self.data.hex(' ').upper()}" if self.data else "")


def encode(cmd: int, data: bytes = b"") -> bytes:
    length = OVERHEAD + len(data)
    if length > MAX_FRAME:
        raise ValueError(f"ID-003 frame too long: {length} bytes")
    body = bytes((SYNC, length, cmd)) + data
    crc = crc16_kermit(body)
    return body + bytes((crc & 0xFF, crc >> 8))


class FrameReader:
    """Cuts frames out of a byte stream; skips noise and frames with a bad CRC."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self.bad_frames = 0

    def feed(self, chunk: bytes) -> list[Frame]:
        self._buffer += chunk
        frames: list[Frame] = []
        while True:
            start = self._buffer.find(SYNC)
            if start < 0:
                self._buffer.clear()
                return frames
            del self._buffer[:start]
            if len(self._buffer) < 2:
                return frames
            length = self._buffer[1]
            if length < OVERHEAD:
                del self._buffer[:1]  # not a frame start: resynchronise
                self.bad_frames += 1
                continue
            if len(self._buffer) < length:
                return frames
            raw = bytes(self._buffer[:length])
            crc = crc16_kermit(raw[:-2])
            if raw[-2:] != bytes((crc & 0xFF, crc >> 8)):
                del self._buffer[:1]
                self.bad_frames += 1
                continue
            del self._buffer[:length]
            frames.append(Frame(raw[2], raw[3:-2]))

    def clear(self) -> None:
        self._buffer.clear()
