"""The baseline: a bare PySide6 script showing an empty QMainWindow (quits after its first paint)."""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(Quit(app))
window.show()
sys.exit(app.exec())
