"""Client overhead against a bare ``requests`` POST and a raw ``http.client`` POST.

Run with ``pytest -m bench -s tests/bench``. Prints ratios measured in the
same run (machines are noisy: no absolute time is asserted).
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
import requests

from kiosk.api import DigiswitchClient, Timeouts, new_ref_id, sign

pytestmark = pytest.mark.bench
CALLS = 400
ROUNDS = 5


def _mean_seconds(fn: Callable[[], object]) -> float:
    for _ in range(30):  # warm the connection and the caches
        fn()
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(CALLS):
            fn()
        best = min(best, (time.perf_counter() - start) / CALLS)
    return best


def test_client_call_costs_little_over_a_bare_post(sim) -> None:
    ref = new_ref_id()
    client = DigiswitchClient(
        base_url=sim.url, username="demo", key_provider=lambda: "demo-key",
        testing=True, timeouts=Timeouts(connect=2, read=5),
    )  # fmt: skip
    client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)
    body = json.dumps({
        "command": "inq-pasca", "username": "demo", "code": "pln",
        "customer_no": "530000000001", "ref_id": ref, "testing": True,
        "sign": sign("demo", "demo-key", ref),
    }, separators=(",", ":"))  # fmt: skip
    url = sim.url + "transaction"
    session = requests.Session()
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
    headers = {"Content-Type": "application/json"}

    def via_client() -> object:
        return client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)

    def via_requests() -> object:
        return session.post(url, data=body, headers=headers, timeout=5).content

    def via_http_client() -> object:
        conn.request("POST", parts.path, body=body, headers=headers)
        return conn.getresponse().read()

    t_client = _mean_seconds(via_client)
    t_requests = _mean_seconds(via_requests)
    t_raw = _mean_seconds(via_http_client)
    print(
        f"\nclient call {t_client * 1e6:.0f} us; "
        f"client / bare requests.Session().post = {t_client / t_requests:.2f} (target <= 1.3); "
        f"client / raw http.client = {t_client / t_raw:.2f}; "
        f"requests / http.client = {t_requests / t_raw:.2f}"
    )
