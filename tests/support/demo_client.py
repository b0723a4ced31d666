"""The client as the simulator's demo account sees it, for tests on loopback servers."""

from __future__ import annotations

from typing import Any

from kiosk.api import DigiswitchClient, Timeouts


def demo_client(
    url: str,
    *,
    key: str = "demo-key",
    connect: float = 1.0,
    read: float = 3.0,
    testing: bool = True,
    **kw: Any,
) -> DigiswitchClient:
    """Username ``demo``, the simulator's key (or ``key``), ``testing`` on; ``timeouts`` in
    ``kw`` replaces ``connect``/``read``, and ``ca_bundle`` passes through."""
    kw.setdefault("timeouts", Timeouts(connect=connect, read=read))
    return DigiswitchClient(
        base_url=url, username="demo", key_provider=lambda: key, testing=testing, **kw
    )
