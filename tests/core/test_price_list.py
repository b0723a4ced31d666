"""The price list: the client against the real simulator, the choice rule, and the
5-minute cache with its file (real files, a clock the test moves)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.api import ApiRefusal, DigiswitchClient, ReplyUnreadableError
from kiosk.models.pricelist import PriceListItem, parse_price_list
from kiosk.price_list import PriceChoices, base_code, choice_label, split_code
from kiosk.price_list_cache import PriceListCache
from kiosk.products import product, product_title
from kiosk.sim import Simulator
from tests.support.demo_client import demo_client
from tests.support.stub_server import stub_server


def make_client(url: str) -> DigiswitchClient:
    return demo_client(url)


def test_the_simulator_lists_banks_and_wallets_once_per_five_minutes(sim: Simulator) -> None:
    client = make_client(sim.url)
    items = client.price_list()
    codes = {i.code for i in items}
    assert {"pln", "kirimuang", "kirimuang-bca", "kirimuang-mandiri", "emoney-ovo"} <= codes
    choices = PriceChoices.from_items(items)
    banks = [c.label for c in choices.for_product("kirimuang")]
    assert banks == ["BCA", "BNI", "BRI", "BTN", "CIMB Niaga", "Mandiri"]  # BSI is not active
    assert [c.label for c in choices.for_product("emoney")] == [
        "DANA",
        "GoPay",
        "LinkAja",
        "OVO",
        "ShopeePay",
    ]
    assert choices.for_product("pln") == ()
    with pytest.raises(ApiRefusal) as refused:  # a second full fetch within 5 minutes
        client.price_list()
    assert refused.value.rc == "83"
    assert "coba" in refused.value.info.message.id.lower()
    one = client.price_list("kirimuang")  # one product's entries: not the full list
    assert {i.code for i in one} >= {"kirimuang", "kirimuang-bca"}
    assert all(base_code(i.code) == "kirimuang" for i in one)


def test_a_bank_code_inquires_and_pays_like_kirim_uang(sim: Simulator) -> None:
    from kiosk.api import new_ref_id

    client = make_client(sim.url)
    ref = new_ref_id()
    bill = client.inquiry(
        code="kirimuang-bca", customer_no="5830000001", ref_id=ref, amount=150_000
    )
    assert bill.amounts().tagihan == 150_000
    assert (
        client.pay(code="kirimuang-bca", customer_no="5830000001", ref_id=ref, amount=150_000).rc
        == "00"
    )
    failed = client.inquiry  # the test numbers are the product's: 5830000002 fails
    with pytest.raises(ApiRefusal):
        failed(code="emoney-ovo", customer_no="082100000002", ref_id=new_ref_id(), amount=50_000)
    with pytest.raises(ApiRefusal) as unknown:  # an inactive bank is not sold
        client.inquiry(
            code="kirimuang-bsi", customer_no="5830000001", ref_id=new_ref_id(), amount=50_000
        )
    assert unknown.value.rc == "43"


def test_garbage_replies_are_clear_errors() -> None:
    for body in (b"<html>502</html>", b'{"data": "x"}', b'{"data": {"foo": 1}}', b"[1, 2]"):
        with stub_server(200, body) as url, pytest.raises(ReplyUnreadableError):
            make_client(url).price_list()
    refusal = b'{"data": {"rc": "41", "message": "x"}}'
    with stub_server(200, refusal) as url, pytest.raises(ApiRefusal):
        make_client(url).price_list()
    huge = b'{"data": [' + b'{"code": "x"},' * 200_000 + b'{"code": "y"}]}'
    with stub_server(200, huge) as url, pytest.raises(ReplyUnreadableError):
        make_client(url).price_list()  # over the 1 MiB cap: refused, not read whole


def test_bad_entries_are_skipped_not_fatal() -> None:
    rows = [
        {"code": "kirimuang-bca", "brand": "BCA", "product_name": "Kirim Uang BCA"},
        {"brand": "NO CODE"},
        "not an object",
        {"code": "kirimuang-bri", "admin": "abc"},
        {"code": "kirimuang-bni", "brand": ["list"]},
        {"code": "kirimuang-btn", "buyer_product_status": "yes"},
        {"code": "kirimuang-mandiri", "brand": "Mandiri", "admin": 2500},
    ]
    items = parse_price_list(rows)
    assert [i.code for i in items] == ["kirimuang-bca", "kirimuang-mandiri"]


def test_the_choice_rule() -> None:
    assert split_code("kirimuang-bca") == ("kirimuang", "bca")
    assert split_code("emoney_ovo") == ("emoney", "ovo")
    assert split_code("kirimuang") is None and split_code("kirimuangbca") is None
    assert split_code("pln-x") is None  # only nominal products name choices
    assert product("kirimuang-bca").code == "kirimuang"
    with pytest.raises(KeyError):
        product("nothing-bca")
    # brands not all different: the product names are shown instead
    same = [
        PriceListItem("kirimuang-bca", "Transfer BCA", brand="KIRIM UANG"),
        PriceListItem("kirimuang-bri", "Transfer BRI", brand="KIRIM UANG"),
        PriceListItem("kirimuang", "Kirim Uang", brand="KIRIM UANG"),
    ]
    shown = PriceChoices.from_items(same).for_product("kirimuang")
    assert [c.label for c in shown] == ["Transfer BCA", "Transfer BRI"]
    assert choice_label("kirimuang-bri") == "Transfer BRI"  # learned from the list
    assert choice_label("kirimuang-xyz") == "XYZ"  # never listed: its suffix
    assert choice_label("kirimuang") is None
    assert product_title("kirimuang-xyz", "id") == "Kirim Uang · XYZ"
    only_base = PriceChoices.from_items([PriceListItem("kirimuang", "Kirim Uang")])
    assert not only_base and only_base.for_product("kirimuang") == ()


class Provider:
    """The fetch the cache calls: the real client, counting calls, failing on demand."""

    def __init__(self, sim: Simulator) -> None:
        self.client, self.calls, self.fail = make_client(sim.url), 0, False

    def __call__(self) -> list[PriceListItem]:
        self.calls += 1
        if self.fail:
            return make_client("http://127.0.0.1:1/").price_list()  # nothing listens there
        return self.client.price_list()


def test_the_cache_asks_once_per_five_minutes_and_keeps_a_stale_list(tmp_path: Path) -> None:
    now = [1_000_000.0]
    with Simulator(price_list_min_interval=0) as sim:
        provider = Provider(sim)
        cache = PriceListCache(provider, file=tmp_path / "price-list.json", clock=lambda: now[0])
        assert not cache.choices()  # nothing before the first refresh, and no I/O
        banks = cache.refresh().for_product("kirimuang")
        assert "BCA" in [c.label for c in banks]
        now[0] += 299
        cache.refresh()
        assert provider.calls == 1 and not cache.due()
        now[0] += 2
        assert cache.due()
        provider.fail = True
        kept = cache.refresh()  # the refresh fails: the old list stays in use
        assert provider.calls == 2 and kept.for_product("kirimuang") == banks
        now[0] += 60
        cache.refresh()  # a failed attempt counts: no new call within 5 minutes
        assert provider.calls == 2
        saved = (tmp_path / "price-list.json").read_text()
        assert "demo-key" not in saved and "sign" not in saved
        assert json.loads(saved)["attempted_at"] == 1_000_301.0


def test_a_restart_within_five_minutes_reads_the_file_and_asks_nobody(tmp_path: Path) -> None:
    now = [2_000_000.0]
    file = tmp_path / "price-list.json"
    with Simulator(price_list_min_interval=0) as sim:
        first = Provider(sim)
        PriceListCache(first, file=file, clock=lambda: now[0]).refresh()
        now[0] += 120
        second = Provider(sim)
        restarted = PriceListCache(second, file=file, clock=lambda: now[0])
        choices = restarted.refresh()
        assert second.calls == 0
        assert choices.for_product("emoney")[0].code == "emoney-dana"
        now[0] += 200
        restarted.refresh()
        assert second.calls == 1


def test_a_first_fetch_that_fails_raises_and_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    file = tmp_path / "price-list.json"
    file.write_text("{not json")
    with Simulator() as sim:
        provider = Provider(sim)
        provider.fail = True
        cache = PriceListCache(provider, file=file)
        with pytest.raises(Exception):  # noqa: B017 - nothing known: the error is told
            cache.refresh()
        assert not cache.choices()


def test_a_bank_code_pays_its_products_shop_fee(tmp_path: Path) -> None:
    from kiosk.composition import assemble_core
    from kiosk.settings import Settings

    client = make_client("http://127.0.0.1:1/")  # never called here
    core = assemble_core(
        Settings(shop_fees={"kirimuang": 2000}), client, tmp_path / "journal.sqlite3"
    )
    try:
        assert core.shop_fee("kirimuang-bca") == 2000 and core.shop_fee("kirimuang") == 2000
        assert core.shop_fee("emoney-ovo") == 0
    finally:
        core.close()
