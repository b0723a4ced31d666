"""ESC/POS for thermal printers through python-escpos (optional extra ``thermal``)."""

from __future__ import annotations

from typing import Any

from kiosk.i18n import Text
from kiosk.receipt.model import Receipt
from kiosk.receipt.text import render_text


class PrinterProblem(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


NO_PAPER = Text(
    "Kertas printer struk habis. Ganti kertas dulu.", "The receipt printer is out of paper."
)
OFFLINE = Text("Printer struk tidak terhubung.", "The receipt printer is not connected.")


def _write(printer: Any, receipt: Receipt, width: int) -> None:
    text = render_text(receipt, width)
    title_lines = 3
    lines = text.splitlines()
    printer.hw("INIT")
    printer.set(align="center", bold=True)
    printer.text("\n".join(lines[:title_lines]) + "\n")
    printer.set(align="left", bold=False)
    total_label = receipt.total[0]
    for line in lines[title_lines:]:
        emphasise = line.startswith((total_label, "NO REF"))
        printer.set(bold=emphasise, double_height=emphasise and line.startswith(total_label))
        printer.text(line + "\n")
    printer.set(align="center", bold=False, double_height=False)
    printer.qr(receipt.qr_payload, native=True, size=4)
    printer.cut()


def escpos_bytes(receipt: Receipt, width: int = 48) -> bytes:
    from escpos.printer import Dummy

    printer = Dummy()
    _write(printer, receipt, width)
    return bytes(printer.output)


def open_printer(target: str) -> Any:
    """``usb:VID:PID``, ``serial:/dev/ttyUSB0[:baud]`` or ``network:HOST[:PORT]``."""
    from escpos import printer as escpos_printer

    kind, _, rest = target.partition(":")
    if kind == "usb":
        vid, pid = (int(x, 16) for x in rest.split(":"))
        return escpos_printer.Usb(vid, pid)
    if kind == "serial":
        dev, _, baud = rest.partition(":")
        return escpos_printer.Serial(dev, baudrate=int(baud or 9600))
    if kind == "network":
        host, _, port = rest.partition(":")
        return escpos_printer.Network(host, port=int(port or 9100), timeout=5)
    raise PrinterProblem(OFFLINE)


def send_to_printer(receipt: Receipt, target: str, width: int = 48) -> None:
    try:
        printer = open_printer(target)
        if hasattr(printer, "paper_status") and printer.paper_status() == 0:
            raise PrinterProblem(NO_PAPER)
        _write(printer, receipt, width)
        printer.close()
    except PrinterProblem:
        raise
    except Exception as exc:  # the library raises many types for a missing device
        raise PrinterProblem(OFFLINE) from exc


def check_printer(target: str) -> None:
    """Raise :class:`PrinterProblem` unless the thermal printer is reachable and has paper."""
    try:
        printer = open_printer(target)
        printer.open()
        if hasattr(printer, "paper_status") and printer.paper_status() == 0:
            raise PrinterProblem(NO_PAPER)
        printer.close()
    except PrinterProblem:
        raise
    except Exception as exc:  # the library raises many types for a missing device
        raise PrinterProblem(OFFLINE) from exc
