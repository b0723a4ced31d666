"""Small reusable widgets: keypad, tiles, banner, bill card, details, SN box."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget a layout holds (for re-rendering a list)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # gone from the screen now, not when the event loop deletes it
            widget.deleteLater()


def width_from_layout(widget: QWidget) -> None:
    """The layout decides ``widget``'s width; its content never asks for more (its own
    code fits the content to the width it gets: breaks lines, elides, turns a table)."""
    from PySide6.QtWidgets import QSizePolicy

    policy = widget.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    widget.setSizePolicy(policy)


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after an objectName/property change.

    Done with a Polish event, which has Qt call ``style()->polish(widget)`` in C++: the
    stylesheet style drops the widget's cached rules and styles it again, as
    ``unpolish`` + ``polish`` would. Asking for ``widget.style()`` from Python instead
    makes PySide build the QStyle type and its ~10 enums (~0.65 MiB of the self-test's
    peak, ~20 ms the first time; issue 16).
    A widget not polished yet is styled now rather than when first shown: telling the
    two apart takes ``Qt.WidgetAttribute``, and with it all of Qt's enums (qt_names).
    Change a dynamic property, not the objectName, when the rule has padding: a
    QLabel renamed after its first polish never gets the new padding.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.Polish))
    widget.update()


def escape(text: str) -> str:
    """``text`` safe inside rich text. Not ``html.escape``: importing :mod:`html` loads
    its 2,000-entity tables, ~0.4 MiB for three characters (issue 16)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
