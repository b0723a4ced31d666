"""After the first frame, in idle turns: what makes the first customer's taps as light
as the later ones. The payment screens are built, laid out at the size they will be
shown and drawn once offscreen; the cycle collector comes back on with start-up's
objects out of its reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.main_window import MainWindow


def collector_back() -> None:
    """Start-up's objects moved out of the collector's reach: they live as long as the
    app, and a full collection that walked them all during a payment would stall the
    screen. The collector itself runs on the GUI thread (``kiosk.ui.gui_gc``)."""
    import gc

    gc.freeze()


def prebuild_screens(window: MainWindow) -> None:
    """Build the payment screens one per idle turn after the first frame, and draw each
    once into a throwaway image at the size it will be shown (polish, layout, fonts and
    icons warmed), so the first customer's taps do not pay for any of it (GUI stalls)."""
    from kiosk.ui.navigation import Screen

    todo = [Screen.FORM, Screen.CONFIRM, Screen.PROCESSING, Screen.RESULT]

    def next_one() -> None:
        if not todo:
            import linecache  # PySide read each new module's source to look for __feature__

            linecache.clearcache()
            collector_back()  # the screens just built join start-up's objects
            return
        pre_render(window, window.screen_for(todo.pop(0)))
        QTimer.singleShot(0, next_one)

    QTimer.singleShot(0, next_one)


def pre_render(window: MainWindow, screen: QWidget) -> None:
    """Lay ``screen`` out at the size the stack will give it (the steps bar shows above
    every payment screen) and draw it once offscreen."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    room = window.stack.size()
    if window.steps.isHidden():
        room.setHeight(room.height() - window.steps.sizeHint().height())
    if room.isEmpty():
        return
    screen.resize(room)
    # The parts a screen keeps hidden until a bill needs them (the period table, the
    # extra detail rows) are drawn too: the screen itself is not shown, so un-hiding
    # them shows nothing and sends no show event, and their first real show is light.
    hidden = [w for w in screen.findChildren(QWidget) if w.isHidden()]
    for widget in hidden:
        widget.setVisible(True)
    screen.render(QImage(room, QImage.Format.Format_ARGB32_Premultiplied))  # never shown
    for widget in hidden:
        widget.setVisible(False)
