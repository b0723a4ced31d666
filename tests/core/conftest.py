"""Core fixtures: a scripted loopback provider, a clock the test moves, real SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.business_day import WIB
from kiosk.journal import Journal
from kiosk.payment import PaymentService, StatusResolver
from tests.support.demo_client import demo_client
from tests.support.scripted_provider import ScriptedProvider


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 10, 0, tzinfo=WIB)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def provider() -> Iterator[ScriptedProvider]:
    with ScriptedProvider() as server:
        yield server


def make_service(
    url: str,
    path: Path,
    clock: Clock,
    *,
    interval: float = 60.0,
    read: float = 2.0,
    alerts: list | None = None,
) -> PaymentService:
    client = demo_client(url, read=read)
    return PaymentService(
        client=client,
        journal=Journal(path),
        clock=clock,
        status_interval=interval,
        allow_fast_status=True,
        on_alert=(lambda ref, alert: alerts.append((ref, alert))) if alerts is not None else None,
    )


@pytest.fixture
def service(provider: ScriptedProvider, tmp_path: Path, clock: Clock) -> PaymentService:
    return make_service(provider.url, tmp_path / "journal.sqlite3", clock)


@pytest.fixture
def resolver(service: PaymentService) -> StatusResolver:
    return StatusResolver(service)
