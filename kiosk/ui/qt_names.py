"""Qt enum settings by name, for the screens every payment shows (issue 16).

PySide builds every enum of Qt's ``Qt`` namespace, 93 enum classes (~1 MiB resident and
~20 ms), the first time Python touches any one of them: ``Qt.AlignmentFlag.AlignTop``
anywhere on the form, confirm, processing or result screen cost the first customer's tap
that much. Those screens therefore do not import ``Qt``:

* widget properties are set by their C++ key names through Qt's meta-object system
  (:func:`set_enum`), which converts ``"AlignRight|AlignVCenter"`` in C++;
* a table item's alignment is item data, given as the plain values below (a test checks
  them against PySide's enums);
* layout cells are placed by stretches and size policies, not by alignment flags.

Everywhere else (history, the desks, dialogs, keyboard handlers) ``Qt`` is used as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

TEXT_ALIGNMENT_ROLE = 7
"""``Qt.ItemDataRole.TextAlignmentRole``."""
ALIGN_LEFT = 0x0001
ALIGN_RIGHT = 0x0002
ALIGN_VCENTER = 0x0080
"""``Qt.AlignmentFlag`` values, for :data:`TEXT_ALIGNMENT_ROLE`."""


def set_enum(target: QObject, prop: str, keys: str) -> None:
    """Set the enum or flags property ``prop`` of ``target`` to ``keys``, C++ key names
    joined by ``|`` (``set_enum(label, "alignment", "AlignRight|AlignVCenter")``).

    Raises ``ValueError`` for a property or key Qt does not know, where a misspelt
    ``Qt.`` name would have raised ``AttributeError``: a typo fails loudly, not silently.
    """
    if not target.setProperty(prop, keys):
        raise ValueError(f"{type(target).__name__}.{prop} cannot be set to {keys!r}")
