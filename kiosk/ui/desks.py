"""The shopkeeper's desks around the kiosk window, one module per window: History and
Tutup Kasir (``shop_desk``), receipts (``receipt_desk``) and Settings
(``settings_desk``). Each is opened from the menu and does its work through the
controller's worker; none of them holds money logic. The names stay importable here."""

from __future__ import annotations

from kiosk.ui.receipt_desk import ReceiptDesk
from kiosk.ui.settings_desk import SettingsDesk
from kiosk.ui.shop_desk import ShopWindows

__all__ = ["ReceiptDesk", "SettingsDesk", "ShopWindows"]
