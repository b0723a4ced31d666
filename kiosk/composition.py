"""The composition root of the money core (no Qt): built once per process.

:func:`build_core` makes the client, the journal, the payment service and the
status resolver, and nothing else makes them. New settings are applied with
:meth:`Core.apply_settings`: fees and names at once; a new client only when the
endpoint or credentials changed, swapped under the service's pay gate, so never
under a payment in flight and never as a second service on the same journal.
The single-instance lock on the data folder is taken by the caller before the
window opens (:mod:`kiosk.instance_lock`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.settings import Settings

if TYPE_CHECKING:
    from kiosk.api.client import DigiswitchClient
    from kiosk.journal import Journal
    from kiosk.payment import Alert, PaymentService, StatusResolver

log = logging.getLogger("kiosk")

DEMO_TIMEOUTS = (2.0, 5.0)
"""Connect and read timeouts in the demo: its slow fault answers after 8 s, so it is seen."""


def _connection(settings: Settings, endpoint: str | None) -> tuple[str, str, bool]:
    return (endpoint or settings.endpoint, settings.api_username, settings.testing)


@dataclass
class Core:
    settings: Settings
    journal: Journal
    service: PaymentService
    resolver: StatusResolver
    demo: bool = False
    endpoint: str | None = None
    """An endpoint from the command line or the environment (wins over settings)."""
    simulator: Any = None
    _closers: list[Callable[[], object]] = field(default_factory=list)

    def shop_fee(self, code: str) -> int:
        from kiosk.price_list import base_code  # a bank's code (kirimuang-bca): its product's fee

        return self.settings.shop_fee(base_code(code))

    @property
    def client(self) -> DigiswitchClient:
        return self.service.client

    def apply_settings(self, settings: Settings) -> bool:
        """Apply new settings between payments; True when a new client was swapped in.

        Blocks while a pay is in flight (call it from the payment lane)."""
        old, self.settings = self.settings, settings
        if self.demo or _connection(old, self.endpoint) == _connection(settings, self.endpoint):
            return False
        client = _production_client(settings, self.endpoint)
        previous = self.service.set_client(client)
        previous.close()
        log.info("settings applied: a new API client, between payments")
        return True

    def on_close(self, closer: Callable[[], object]) -> None:
        """Run ``closer`` first when the core closes (e.g. stop a reader of the journal)."""
        self._closers.append(closer)

    def close(self) -> None:
        for closer in reversed(self._closers):
            try:
                closer()
            except Exception as exc:  # closing must not stop closing the rest
                log.warning("close failed: %s", type(exc).__name__)
        self._closers.clear()


def _production_client(settings: Settings, endpoint: str | None) -> DigiswitchClient:
    from kiosk.api.client import DigiswitchClient
    from kiosk.keychain import key_provider

    url, username, testing = _connection(settings, endpoint)
    return DigiswitchClient(
        base_url=url, username=username, key_provider=key_provider(username), testing=testing
    )


def build_core(
    settings: Settings,
    *,
    journal_file: Path,
    demo: bool = False,
    endpoint: str | None = None,
    on_alert: Callable[[str, Alert], None] | None = None,
    simulator: Any = None,
) -> Core:
    """Build the money core once. In the demo, ``simulator`` (or a new one) answers."""
    closers: list[Callable[[], object]] = []
    if demo:
        from kiosk.api.client import DigiswitchClient
        from kiosk.api.transport import Timeouts
        from kiosk.demo import DEMO_KEY, DEMO_USERNAME

        if simulator is None and endpoint is None:
            from kiosk.sim import Simulator  # only here: an HTTP server (~2 MiB of modules)

            simulator = Simulator(port=0, slow_seconds=8.0).start()
            closers.append(simulator.stop)
        connect, read = DEMO_TIMEOUTS
        # --demo --endpoint URL: the demo credentials against a simulator of your own
        # (python -m kiosk.sim), e.g. one that outlives a restart of the app.
        url = endpoint or simulator.url
        client = DigiswitchClient(
            base_url=url,
            username=DEMO_USERNAME,
            key_provider=lambda: DEMO_KEY,
            testing=True,
            timeouts=Timeouts(connect=connect, read=read),
        )
    else:
        client = _production_client(settings, endpoint)
    core = assemble_core(
        settings,
        client,
        journal_file,
        demo=demo,
        endpoint=endpoint,
        on_alert=on_alert,
        allow_fast_status=demo,
    )
    core.simulator = simulator
    core._closers[:0] = closers
    return core


def assemble_core(
    settings: Settings,
    client: DigiswitchClient,
    journal_file: Path,
    *,
    demo: bool = False,
    endpoint: str | None = None,
    on_alert: Callable[[str, Alert], None] | None = None,
    allow_fast_status: bool = False,
) -> Core:
    """Journal, service and resolver around a given client (tests hand in a loopback one)."""
    from kiosk.journal import Journal
    from kiosk.payment import PaymentService, StatusResolver

    journal = Journal(journal_file)
    service = PaymentService(
        client=client,
        journal=journal,
        status_interval=settings.status_poll_min_s,
        allow_fast_status=allow_fast_status,
        on_alert=on_alert,
    )
    core = Core(settings, journal, service, StatusResolver(service), demo=demo, endpoint=endpoint)
    service.shop_fee = core.shop_fee  # fees follow apply_settings
    core._closers.extend([journal.close, lambda: core.service.client.close()])
    return core
