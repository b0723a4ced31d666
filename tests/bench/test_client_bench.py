"""The client's cost per call against a fair baseline doing the same job by hand: a
``requests.Session`` with ``trust_env = False`` posting the same body to the same
simulator (in its own process) and decoding the reply with ``json.loads``. Calls of
the two alternate; the ratio is of the median call times."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable

import pytest
import requests

from kiosk.api import new_ref_id, sign
from tests.bench.procs import simulator_process
from tests.bench.report import report
from tests.support.demo_client import demo_client

pytestmark = pytest.mark.bench
PAIRS = 2000
BLOCK = 200


def _timed(fn: Callable[[], object], cpu: list[float]) -> float:
    start, cpu_start = time.perf_counter(), time.process_time()
    fn()
    cpu.append(time.process_time() - cpu_start)
    return time.perf_counter() - start


def test_client_call_against_a_fair_requests_baseline() -> None:
    with simulator_process() as url:
        ref = new_ref_id()
        client = demo_client(url, connect=2, read=5)
        client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)
        body = json.dumps(
            {
                "command": "inq-pasca",
                "username": "demo",
                "code": "pln",
                "customer_no": "530000000001",
                "ref_id": ref,
                "testing": True,
                "sign": sign("demo", "demo-key", ref),
            },
            separators=(",", ":"),
        )
        session = requests.Session()
        session.trust_env = False
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        target = url + "transaction"

        def via_client() -> object:
            return client.inquiry(code="pln", customer_no="530000000001", ref_id=ref)

        def via_requests() -> object:
            return json.loads(session.post(target, data=body, headers=headers, timeout=5).content)

        assert via_requests()["data"]["rc"] == "00"  # type: ignore[index]
        for _ in range(30):  # warm both connections and caches
            via_client(), via_requests()
        ours, fair, ours_cpu, fair_cpu = [], [], [], []  # type: ignore[var-annotated]
        for _ in range(PAIRS):  # call by call, so a busy moment hits both alike
            ours.append(_timed(via_client, ours_cpu))
            fair.append(_timed(via_requests, fair_cpu))
    ratios = [
        statistics.median(ours[i : i + BLOCK]) / statistics.median(fair[i : i + BLOCK])
        for i in range(0, PAIRS, BLOCK)
    ]
    ratio = statistics.median(ours) / statistics.median(fair)
    report(
        "client call / requests.Session(trust_env=False) + json.loads",
        ratio,
        1.15,
        spread=(min(ratios), max(ratios)),
        detail=f"medians: client {statistics.median(ours) * 1e6:.0f} us, baseline "
        f"{statistics.median(fair) * 1e6:.0f} us per call; {PAIRS} alternating "
        f"pairs, spread over blocks of {BLOCK}; simulator in its own process; "
        f"this process's CPU per call: client {sum(ours_cpu) / PAIRS * 1e6:.0f} us, "
        f"baseline {sum(fair_cpu) / PAIRS * 1e6:.0f} us (the client also parses the "
        "reply into typed models)",
    )
