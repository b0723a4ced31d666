"""The kiosk's screen navigation and its payment flow, built and started together.

``KioskController`` only composes: :class:`Navigation` (which screen, language,
blocked), :class:`PaymentFlow` (inquiry → pay → result, with the cash flow and the
status watch) and :class:`BalanceWatch` (the provider deposit). Views talk to those
parts directly; this object attaches the money core to them, starts, re-configures
and stops them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from kiosk.settings import Settings
from kiosk.ui.balance_watch import BalanceWatch
from kiosk.ui.navigation import Navigation
from kiosk.ui.payment_flow import PaymentFlow
from kiosk.ui.price_list_watch import PriceListWatch
from kiosk.ui.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from kiosk.composition import Core
    from kiosk.i18n import Lang
    from kiosk.payment import Alert

log = logging.getLogger("kiosk.ui")


class KioskController(QObject):
    """Parts: ``nav`` (:class:`Navigation`), ``payment`` (:class:`PaymentFlow`, its
    ``cash`` and ``watch``), ``balance`` (:class:`BalanceWatch`), ``prices``
    (:class:`PriceListWatch`)."""

    def __init__(
        self,
        *,
        core: Core | None,
        settings: Settings,
        runner: TaskRunner,
        lang: Lang = "id",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.core: Core | None = None
        self.nav = Navigation(lang, self)
        self.balance = BalanceWatch(self.nav, runner, settings, self)
        self.payment = PaymentFlow(
            nav=self.nav, balance=self.balance, runner=runner, settings=settings, parent=self
        )
        self.payment.alert_raised.connect(self._on_payment_alert_raised)
        self.prices = PriceListWatch(runner, self)  # banks and wallets for nominal products
        self.nav.product_opened.connect(self.prices.on_product_opened)
        self._settings = settings
        if core is not None:
            self.attach(core)

    @property
    def settings(self) -> Settings:
        return self._settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        """Every part reads the same settings."""
        self._settings = self.balance.settings = self.payment.settings = settings

    def attach(self, core: Core) -> None:
        """The money core, built once (after the first frame in the app)."""
        self.core = core
        self.balance.attach(core)
        self.payment.attach(core)
        self.nav.ready = True

    def start(self) -> None:
        """Reconcile what a previous run left unresolved and watch the balance."""
        assert self.core is not None
        self.balance.start()
        self.payment.watch.start(self.core.resolver)
        self.prices.start(self.core)

    def apply_settings(self, settings: Settings) -> None:
        """New settings between payments: the swap runs on the payment lane, so it
        waits for a pay in flight and never lands under one."""
        self.settings = settings
        core = self.core
        if core is not None:
            self.payment.cash.configure(core, settings)
            self.runner.submit(
                lambda: core.apply_settings(settings),
                on_done=lambda _swapped: self.balance.refresh(),
                on_error=self.payment.on_background_error,
                lane=Lane.SERIAL,
            )

    def _on_payment_alert_raised(self, ref_id: str, alert: Alert) -> None:
        log.warning("operator alert for %s: %s", ref_id, alert.kind.value)
        if alert.blocks_payments:
            self.balance.block(alert.text)

    def shutdown(self) -> None:
        self.payment.cash.close()
        self.payment.watch.stop()
        self.balance.stop()
