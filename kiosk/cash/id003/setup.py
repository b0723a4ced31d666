"""Setting an ID-003 device up: who it is, which notes it knows, which it takes."""

from __future__ import annotations

import logging
from collections.abc import Collection

from kiosk.cash.acceptor import Denomination, DeviceInfo
from kiosk.cash.id003.codes import (
    FIRST_ESCROW_CODE,
    MASK_CODES,
    Cmd,
    Status,
    denomination_mask,
    parse_currency_assign,
)
from kiosk.cash.id003.link import Link

log = logging.getLogger(__name__)


def identify(link: Link, setting_table: tuple[Denomination, ...]) -> DeviceInfo | None:
    """Version and denomination table; ``None`` when no table is known at all.

    The table comes from the currency-assignment request (0x8A) when the
    device answers it, else from the setting."""
    answer = link.request(Cmd.GET_VERSION)
    text = answer.data.decode("ascii", "replace").strip() if answer else ""
    if answer is None or answer.cmd != Cmd.GET_VERSION or not text:
        text = "unknown"
    model, _, version = text.partition(" ")
    table, source = setting_table, "setting"
    answer = link.request(Cmd.GET_CURRENCY_ASSIGN)
    if answer is not None and answer.cmd == Cmd.GET_CURRENCY_ASSIGN:
        try:
            table, source = parse_currency_assign(answer.data), "device"
        except ValueError as exc:
            log.warning("acceptor %s: %s; using the setting's table", link.port, exc)
    if not table:
        return None
    return DeviceInfo("ID-003", model, version.strip(), table, source)


def confirm(link: Link, cmd: int, data: bytes, *, optional: bool = False) -> bool:
    """Send a setting command; True when the device echoed it (or, ``optional``,
    said it does not know the command)."""
    answer = link.request(cmd, data)
    if answer is not None and (
        answer.cmd == cmd or (optional and answer.cmd == Status.INVALID_COMMAND)
    ):
        return True
    log.warning(
        "acceptor %s: setting %02X %s not confirmed (%s)", link.port, cmd, data.hex(), answer
    )
    return False


def disabled_mask(table: Collection[Denomination], refused: Collection[int] = ()) -> bytes:
    """Escrow codes the device must not take: those not in the table, and the
    values in ``refused``."""
    codes = {note.code for note in table}
    off = {FIRST_ESCROW_CODE + n for n in range(MASK_CODES)} - codes
    off |= {note.code for note in table if note.value in refused}
    return denomination_mask(off)


def configure(link: Link, mask: bytes, security: bytes) -> bool:
    """Denominations, security, polling mode, and inhibited (enabled later)."""
    return (
        confirm(link, Cmd.SET_DENOMINATIONS, mask)
        and confirm(link, Cmd.SET_SECURITY, security)
        and confirm(link, Cmd.SET_COMM_MODE, b"\x00", optional=True)
        and confirm(link, Cmd.SET_INHIBIT, b"\x01")
    )
