"""Qt enum settings by name, for the screens every payment shows (issue 16).

PySide builds every enum of Qt's ``Qt`` namespace, 93 enum classes (~1 MiB resident and
~20 ms), the first time Python touches any one of them: ``Qt.AlignmentFlag.AlignTop``
anywhere on the form, confirm, processing or result screen cost the first customer's tap
that much. Those screens therefore do not import ``Qt``:

* widget properties are set by their C++ key names through Qt's meta-object system
  (:func:`set_enum`), which converts ``"AlignRight|AlignVCenter"`` in C++;
* layout cells are placed by stretches and size policies, not by alignment flags.

Everywhere else (history, the desks, dialogs, keyboard handlers) ``Qt`` is used as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum(target: QObject, prop: str, keys: str) -> None:
    """Set the enum or flags property ``prop`` of ``target`` to ``keys``, C++ key names
    joined by ``|`` (``set_enum(label, "alignment", "AlignRight|AlignVCenter")``).

    Raises ``ValueError`` for a property or key Qt does not know, where a misspelt
    ``Qt.`` name would have raised ``AttributeError``: a typo fails loudly, not silently.
    """
    if not target.setProperty(prop, keys):
        raise ValueError(f"{type(target).__name__}.{prop} cannot be set to {keys!r}")
