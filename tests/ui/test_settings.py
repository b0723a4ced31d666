"""First-run setup and Settings: Tes koneksi in the worker, the key only to the keychain,
keychain trouble said on home, and settings saved mid-payment applied after it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from kiosk import keychain
from kiosk.journal import PaymentState
from kiosk.settings import Settings
from kiosk.sim import Simulator
from kiosk.ui.desks import SettingsDesk
from kiosk.ui.setup_view import SetupResult
from tests.support.memory_keyring import MemoryKeyring
from tests.ui.conftest import Kiosk, make_kiosk
from tests.ui.customer import fill_and_inquire, open_form


def make_desk(qtbot, kiosk: Kiosk, tmp_path: Path, saved: list[Settings]) -> SettingsDesk:
    desk = SettingsDesk(kiosk.window, Settings(), tmp_path / "settings.json", saved.append)
    desk.open()  # the keychain is asked in the worker, then the form shows
    qtbot.waitUntil(lambda: desk.view is not None and desk.view.isVisible(), timeout=5000)
    return desk


def test_connection_test_says_what_happened(
    qtbot, kiosk: Kiosk, tmp_path: Path, screenshots_dir: Path
) -> None:
    desk = make_desk(qtbot, kiosk, tmp_path, [])
    view = desk.view
    assert view is not None
    qtbot.addWidget(view)
    view.username.setText("demo")
    view.endpoint.setText(kiosk.sim.url)
    view.key.setText("not-the-key")
    qtbot.mouseClick(view.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.test.isEnabled(), timeout=5000)
    assert "Kunci API tidak cocok" in view.test_result.text()
    view.key.setText("demo-key")
    qtbot.mouseClick(view.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Terhubung" in view.test_result.text(), timeout=5000)
    assert "Rp 5.000.000" in view.test_result.text()
    view.grab().save(str(screenshots_dir / "settings.png"))


def test_save_puts_the_key_in_the_keychain_only(
    qtbot, kiosk: Kiosk, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    saved: list[Settings] = []
    desk = make_desk(qtbot, kiosk, tmp_path, saved)
    view = desk.view
    assert view is not None
    view.username.setText("toko9")
    view.key.setText("kunci-toko9-xyz")
    view.save.click()
    assert "PIN admin" in view.error.text()  # a PIN is required on first run
    view.pin.setText("1357")
    view.pin_repeat.setText("1357")
    view.fees["pln"].setValue(2500)
    view.save.click()
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert memory_keyring.store[("loket-kiosk", "toko9")] == "kunci-toko9-xyz"
    text = (tmp_path / "settings.json").read_text()
    assert "kunci-toko9-xyz" not in text and "1357" not in text
    data = json.loads(text)
    assert data["api_username"] == "toko9" and data["shop_fees"] == {"pln": 2500}
    assert data["admin_pin_hash"].startswith("scrypt$")


def test_a_locked_keychain_is_explained(
    qtbot, kiosk: Kiosk, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    desk = make_desk(qtbot, kiosk, tmp_path, [])
    view = desk.view
    assert view is not None
    memory_keyring.locked = True
    view.username.setText("toko9")
    view.key.setText("kunci")
    view.pin.setText("1357")
    view.pin_repeat.setText("1357")
    view.save.click()
    qtbot.waitUntil(lambda: "terkunci" in view.error.text(), timeout=5000)


def keychain_window(qtbot, sim, tmp_path: Path):
    """The real window whose client reads the key from the (test) keychain each call."""
    from kiosk.api import DigiswitchClient
    from kiosk.composition import assemble_core
    from kiosk.ui.app import build_window
    from kiosk.ui.tasks import TaskRunner

    keychain.set_key("demo", "demo-key")
    client = DigiswitchClient(
        base_url=sim.url, username="demo", key_provider=keychain.key_provider("demo")
    )
    core = assemble_core(Settings(), client, tmp_path / "j.sqlite3")
    window = build_window(core=core, settings=Settings(), runner=TaskRunner())
    qtbot.addWidget(window)
    return window


def test_keychain_trouble_is_a_clear_home_screen(
    qtbot, sim, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    window = keychain_window(qtbot, sim, tmp_path)
    window.show()
    home = window.home
    for trouble, words in (
        (lambda: setattr(memory_keyring, "locked", True), "terkunci"),
        (lambda: memory_keyring.store.clear(), "sudah dihapus"),
    ):
        memory_keyring.locked = False
        keychain.set_key("demo", "demo-key")
        trouble()
        with qtbot.waitSignal(window.controller.nav.blocked_changed, timeout=5000):
            window.controller.balance.refresh()
        assert words in home.notice.text()
        assert not any(tile.isEnabled() for tile in home.tiles.values())
        memory_keyring.locked = False
        keychain.set_key("demo", "demo-key")
        with qtbot.waitSignal(window.controller.nav.blocked_changed, timeout=5000):
            window.controller.balance.refresh()
        assert all(tile.isEnabled() for tile in home.tiles.values())
    window.controller.runner.wait_idle(5000)


def test_coba_lagi_reads_the_unlocked_keychain_at_once(
    qtbot, sim, tmp_path: Path, memory_keyring: MemoryKeyring, screenshots_dir: Path
) -> None:
    window = keychain_window(qtbot, sim, tmp_path)
    window.resize(1280, 800)
    window.show()
    home = window.home
    memory_keyring.locked = True
    with qtbot.waitSignal(window.controller.nav.blocked_changed, timeout=5000):
        window.controller.balance.refresh()
    assert home.retry.isVisible() and home.retry.isEnabled()
    assert home.notice.contentsRect().left() >= 10  # the words do not touch the red border
    window.grab().save(str(screenshots_dir / "home-keychain-locked.png"))
    with qtbot.waitSignal(window.controller.balance.balance_checked, timeout=5000):
        qtbot.mouseClick(home.retry, Qt.MouseButton.LeftButton)  # still locked: says so again
    assert home.retry.isEnabled() and "terkunci" in home.notice.text()
    memory_keyring.locked = False
    with qtbot.waitSignal(window.controller.nav.blocked_changed, timeout=5000):
        qtbot.mouseClick(home.retry, Qt.MouseButton.LeftButton)
    assert all(tile.isEnabled() for tile in home.tiles.values())
    assert not home.retry.isVisible() and not home.notice.isVisible()
    window.controller.runner.wait_idle(5000)


def test_settings_saved_during_a_slow_pay_apply_after_it(qtbot, tmp_path: Path) -> None:
    with Simulator(port=0, slow_seconds=1.0) as slow, Simulator(port=0) as other:
        k = make_kiosk(qtbot, slow, tmp_path, read=3.0)
        core = k.controller.core
        service, journal, old_client = core.service, core.journal, core.client
        desk = SettingsDesk(
            k.window, core.settings, tmp_path / "settings.json", k.controller.apply_settings
        )
        open_form(qtbot, k, "pdam")
        fill_and_inquire(qtbot, k, "990000091")  # pay is made, its reply comes after 1 s
        ref = k.controller.payment.bill.ref_id
        with qtbot.waitSignal(k.controller.payment.payment_started, timeout=3000):
            qtbot.mouseClick(k.window.confirm.pay, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: slow.pay_count(ref) == 1, timeout=3000)  # in flight now
        new = Settings(
            shop_name="Toko Baru",
            api_username="demo",
            endpoint=other.url,
            testing=True,
            status_poll_min_s=0.2,
        )
        with qtbot.waitSignal(k.controller.payment.payment_finished, timeout=8000) as paid:
            desk._on_view_saved(SetupResult(new, key="demo-key"))
        assert paid.args[0].state is PaymentState.SUCCESS  # the old client finished it
        qtbot.waitUntil(lambda: core.client is not old_client, timeout=5000)
        assert core.service is service and core.journal is journal  # no second service
        assert core.client.base_url == other.url and core.settings.shop_name == "Toko Baru"
        assert keychain.get_key("demo") == "demo-key"
        assert journal.get(ref).state is PaymentState.SUCCESS  # type: ignore[union-attr]
        assert [e.state for e in journal.events(ref)] == [
            PaymentState.INQUIRED,
            PaymentState.SENDING,
            PaymentState.SUCCESS,
        ]
        assert slow.requests("status-pasca") == [] and slow.payments() == {ref: 1}
        k.controller.shutdown()
        k.runner.wait_idle(10_000)
