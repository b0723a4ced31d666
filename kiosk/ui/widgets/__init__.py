"""Small reusable widgets: keypad, tiles, banner, bill card, details, SN box."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget a layout holds (for re-rendering a list)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after an objectName/property change.

    Skipped before the widget was first polished: it will be styled when shown,
    and touching ``style()`` early costs the first frame ~20 ms of type set-up.
    Change a dynamic property, not the objectName, when the rule has padding: a
    QLabel renamed after its first polish never gets the new padding.
    """
    from PySide6.QtCore import Qt  # not at import: the Qt namespace costs the first frame

    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
