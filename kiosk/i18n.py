"""Bilingual text for the Qt-free core: Indonesian first, English second.

The Qt views translate their own strings with Qt's machinery; the core hands
them :class:`Text` pairs (labels of bill fields, rc messages) and the view
picks the language it is showing.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")
DEFAULT_LANG: Lang = "id"


class Text(NamedTuple):
    """A short text in Indonesian (``id``) and English (``en``).

    A NamedTuple rather than a dataclass: it is on the first frame's path, and a
    frozen dataclass costs about a millisecond to create (generated code).
    """

    id: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.id

    def __str__(self) -> str:  # Indonesian is the default everywhere
        return self.id


MONTHS: dict[Lang, tuple[str, ...]] = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
