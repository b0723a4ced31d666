"""ESC/POS for thermal printers through python-escpos (the optional extra ``thermal``).

python-escpos is imported only when a receipt goes to a thermal printer. The
QR code is the printer's own (``GS ( k``), so no image is rendered here.

A target is ``usb:VID:PID`` (hex), ``serial:/dev/ttyUSB0[:baud]`` or
``network:HOST[:PORT]``. Every failure becomes :class:`PrinterProblem` with a
bilingual message; while a configured printer reports one, the kiosk takes no
new payments.
"""

from __future__ import annotations

import logging
from typing import Any

from kiosk.i18n import Text
from kiosk.receipt.model import Receipt
from kiosk.receipt.text import Style, layout

log = logging.getLogger("kiosk.receipt.escpos")

NO_PAPER = Text(
    "Kertas printer struk habis. Ganti kertas dulu.",
    "The receipt printer is out of paper. Replace the paper roll first.",
)
OFFLINE = Text(
    "Printer struk tidak terhubung. Periksa kabel dan daya printer.",
    "The receipt printer is not connected. Check its cable and power.",
)
NOT_CONFIGURED = Text(
    "Printer struk belum diatur dengan benar. Periksa pengaturan printer.",
    "The receipt printer is not set up correctly. Check the printer settings.",
)
DEFAULT_BAUD = 9600
DEFAULT_PORT = 9100
TIMEOUT_S = 5.0


class PrinterProblem(Exception):
    """The thermal printer cannot print; ``message`` says why, for the screen."""

    def __init__(self, message: Text, detail: str = "") -> None:
        super().__init__(f"{message.en} {detail}".strip())
        self.message = message
        self.detail = detail


def parse_target(target: str) -> tuple[str, tuple[str | int, ...]]:
    """``("usb", (vid, pid))``, ``("serial", (device, baud))`` or ``("network", (host, port))``."""
    kind, _, rest = target.strip().partition(":")
    try:
        if kind == "usb":
            vid, pid = rest.split(":")
            return kind, (int(vid, 16), int(pid, 16))
        if kind == "serial" and rest:
            device, _, baud = rest.partition(":")
            return kind, (device, int(baud or DEFAULT_BAUD))
        if kind == "network" and rest:
            host, _, port = rest.rpartition(":") if rest.count(":") == 1 else (rest, "", "")
            return kind, (host, int(port or DEFAULT_PORT))
    except ValueError:
        pass
    raise PrinterProblem(NOT_CONFIGURED, f"bad printer target {target!r}")


def open_printer(target: str) -> Any:
    """A python-escpos printer for ``target``, connected; PrinterProblem when it cannot be."""
    if not target.strip():
        raise PrinterProblem(NOT_CONFIGURED, "no printer target")
    kind, args = parse_target(target)
    from escpos import printer as escpos_printer

    classes = {
        "usb": escpos_printer.Usb,
        "serial": escpos_printer.Serial,
        "network": escpos_printer.Network,
    }
    cls: Any = classes[kind]
    if not cls.is_usable():  # pyusb / pyserial missing
        raise PrinterProblem(NOT_CONFIGURED, f"python-escpos cannot drive {kind} printers here")
    first, second = args
    try:
        if kind == "usb":
            printer = cls(first, second, timeout=int(TIMEOUT_S * 1000))  # milliseconds
        elif kind == "serial":
            printer = cls(first, baudrate=second, timeout=TIMEOUT_S)
        else:
            printer = cls(first, port=second, timeout=TIMEOUT_S)
        printer.open()
    except Exception as exc:  # the library raises many types for a missing device
        raise PrinterProblem(OFFLINE, f"{type(exc).__name__}: {exc}") from exc
    return printer


def _status(printer: Any, query: bytes) -> int | None:
    """One real-time status byte, or None when the printer does not answer.

    Many printers (and most serial ones) never answer: no answer is no news,
    never a reason to block payments.
    """
    try:
        answer = printer.query_status(query)
    except Exception as exc:  # not supported, timeout, ...
        log.debug("printer status not available: %s", exc)
        return None
    return answer[0] if answer else None


def problem(printer: Any) -> PrinterProblem | None:
    """What the printer reports, the way ``is_online()`` and ``paper_status()`` read it.

    The queries are sent directly so that a silent printer counts as fine, where
    ``is_online()`` would call it offline.
    """
    from escpos.constants import RT_MASK_NOPAPER, RT_MASK_ONLINE, RT_STATUS_ONLINE, RT_STATUS_PAPER

    online = _status(printer, RT_STATUS_ONLINE)
    if online is not None and online & RT_MASK_ONLINE:
        return PrinterProblem(OFFLINE, "printer reports offline")
    paper = _status(printer, RT_STATUS_PAPER)
    if paper is not None and paper & RT_MASK_NOPAPER == RT_MASK_NOPAPER:
        return PrinterProblem(NO_PAPER, "printer reports no paper")
    return None


def _close(printer: Any) -> None:
    try:
        printer.close()
    except Exception as exc:  # closing a vanished device
        log.debug("closing the printer failed: %s", exc)


def write(printer: Any, receipt: Receipt, width: int) -> None:
    """The receipt as ESC/POS commands on ``printer`` (any python-escpos printer)."""
    printer.hw("INIT")
    printer.set(align="left", font="a")
    for text, style in layout(receipt, width):
        big = style is Style.BIG
        printer.set(bold=style is not Style.NORMAL, double_height=big, normal_textsize=not big)
        printer.text(text + "\n")
    printer.set(align="center", bold=False, normal_textsize=True)
    printer.qr(receipt.qr_payload, native=True, size=5 if width > 32 else 4)
    printer.set(align="left")
    printer.cut()


def escpos_bytes(receipt: Receipt, width: int = 48) -> bytes:
    """The bytes a thermal printer would receive (python-escpos ``Dummy``)."""
    from escpos.printer import Dummy

    printer = Dummy()
    write(printer, receipt, width)
    return bytes(printer.output)


def check_printer(target: str) -> None:
    """Raise :class:`PrinterProblem` unless the printer is reachable and has paper."""
    printer = open_printer(target)
    try:
        found = problem(printer)
    finally:
        _close(printer)
    if found is not None:
        raise found


def send_to_printer(receipt: Receipt, target: str, width: int = 48) -> None:
    """Print ``receipt`` on the thermal printer at ``target`` (blocking I/O: a worker)."""
    printer = open_printer(target)
    try:
        found = problem(printer)
        if found is not None:
            raise found
        write(printer, receipt, width)
    except PrinterProblem:
        raise
    except Exception as exc:  # cable pulled mid-receipt, socket reset, ...
        raise PrinterProblem(OFFLINE, f"{type(exc).__name__}: {exc}") from exc
    finally:
        _close(printer)
