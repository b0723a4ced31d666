"""The GUI side of the price-list cache: fetch in the worker, answer on the GUI thread.

The first refresh runs when the controller starts (after the first frame in the app);
later ones when a nominal product is opened and the 5 minutes are over. The form reads
the choices from memory (:meth:`PriceListWatch.choices_for`), never waiting.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from kiosk.composition import Core
    from kiosk.price_list import Choice, PriceChoices
    from kiosk.price_list_cache import PriceListCache
    from kiosk.products import Product

log = logging.getLogger("kiosk.ui")


class PriceListWatch(QObject):
    """Signals: ``choices_changed(PriceChoices)`` after every refresh that ran."""

    choices_changed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.cache: PriceListCache | None = None
        self._running = False

    def start(self, core: Core) -> None:
        """Keep the list beside the journal; the client is the core's current one."""
        from kiosk.price_list_cache import FILE_NAME, PriceListCache

        if self.cache is None:
            file = core.journal.path.parent / FILE_NAME
            self.cache = PriceListCache(lambda: core.client.price_list(), file=file)
        self.refresh()

    def choices_for(self, code: str) -> tuple[Choice, ...]:
        """The banks or wallets the last good list names for ``code`` (memory only)."""
        return self.cache.choices().for_product(code) if self.cache is not None else ()

    def refresh(self) -> None:
        cache = self.cache
        if cache is None or self._running or not cache.due():
            return
        self._running = True
        self.runner.submit(
            cache.refresh, on_done=self._on_refresh_done, on_error=self._on_refresh_error
        )

    def on_product_opened(self, product: Product) -> None:
        if product.nominal:
            self.refresh()  # for the next customer: this form shows what is known now

    def _on_refresh_done(self, choices: PriceChoices) -> None:
        self._running = False
        self.choices_changed.emit(choices)

    def _on_refresh_error(self, exc: BaseException) -> None:
        self._running = False
        log.warning("price list unavailable (%s): no bank or wallet to choose", type(exc).__name__)
