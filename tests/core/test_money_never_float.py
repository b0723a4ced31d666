"""Money never passes through float: fees are whole Rupiah or refused."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk import settings as store


def test_a_fractional_or_text_shop_fee_is_refused_not_truncated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"shop_fees": {"pln": 2500.5}, "shop_name": "Toko"}))
    loaded = store.load(path)
    assert loaded.shop_fees == {} and loaded.shop_name == "Toko"  # default, not 2500
    path.write_text(json.dumps({"shop_fees": {"pln": "2500"}}))
    assert store.load(path).shop_fees == {}
    path.write_text(json.dumps({"shop_fees": {"pln": 2500, "pdam": 0}}))
    assert store.load(path).shop_fee("pln") == 2500
