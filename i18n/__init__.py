"""Languages of the UI (fi, sv, en): the message catalogue and the one number formatter.

``t(key, lang, **values)`` looks a text up in :data:`i18n.messages.MESSAGES`;
``tn(key, n, lang)`` picks the plural form of a counted text by Babel's plural rules
(``1 kunta`` / ``2 kuntaa``). The core builds :class:`Message` values (a key and its values)
where it explains a result, and the pages, exports and briefs render them with
:func:`render` in their own language. Numbers and dates go through :mod:`i18n.format`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from babel import Locale

from i18n.format import (
    LOCALES,
    MISSING,
    d3_format,
    decimals_of,
    fmt_day,
    fmt_month,
    fmt_number,
    fmt_p,
    fmt_p_stated,
    fmt_percent,
    fmt_signed,
    fmt_value,
    rounded,
    sort_key,
)
from i18n.messages import MESSAGES

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "LANG_NAMES",
    "LOCALES",
    "MESSAGES",
    "MISSING",
    "Message",
    "d3_format",
    "d3_format_locale",
    "d3_time_locale",
    "decimals_of",
    "fmt_day",
    "fmt_month",
    "fmt_number",
    "fmt_p",
    "fmt_p_stated",
    "fmt_percent",
    "fmt_signed",
    "fmt_value",
    "join",
    "normalise_lang",
    "render",
    "rounded",
    "sort_key",
    "t",
    "tn",
    "unit_of_change",
    "vega_locale",
]

LANGS = ("fi", "sv", "en")
DEFAULT_LANG = "fi"
LANG_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
PLURAL_FORMS = ("one", "other")


def t(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    if isinstance(text, dict):
        raise TypeError(f"{key} is a counted message: use tn({key!r}, n, lang)")
    return text.format(**values) if values else text


@lru_cache(maxsize=16)
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


def plural_form(n: float, lang: str) -> str:
    """The CLDR plural category of ``n`` in ``lang`` (``one`` or ``other`` for fi, sv, en)."""
    form = _locale(lang).plural_form(abs(n))
    return form if form in PLURAL_FORMS else "other"


def tn(key: str, n: float, lang: str, **values: object) -> str:
    """The counted message ``key`` in the plural form ``n`` takes in ``lang``; ``{n}`` is
    the count in the language's number format.
    """
    entry = MESSAGES[key][lang]
    if not isinstance(entry, dict):
        raise TypeError(f"{key} is not a counted message: use t({key!r}, lang)")
    text = entry.get(plural_form(n, lang)) or entry["other"]
    shown = fmt_number(n, lang) if float(n).is_integer() else fmt_number(n, lang, 1)
    return text.format(n=shown, **values)


def join(items: Sequence[str], lang: str) -> str:
    """Items as one phrase: ``a, b ja c`` / ``a, b och c`` / ``a, b and c``."""
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    word = {"fi": "ja", "sv": "och"}.get(lang, "and")
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class Message:
    """A text of the catalogue with the values that fill it, rendered later in any language.

    ``values`` hold plain data; :func:`render` formats them by kind: a ``YYYY-MM`` string
    as a month, a float as a number with ``decimals`` places (a name starting with ``p``
    as a p-value), a sequence as a list phrase, an int as a number. ``count`` names the value
    that picks the plural form of a counted message.
    """

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    count: str | None = None
    decimals: int = 2

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted((k, repr(v)) for k, v in self.values.items()))))


def _shown(name: str, value: Any, lang: str, decimals: int) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, str):
        return fmt_month(value, lang) if _MONTH.fullmatch(value) else value
    if isinstance(value, int):
        return fmt_number(value, lang)
    if isinstance(value, float):
        return fmt_p(value, lang) if name.startswith("p") else fmt_number(value, lang, decimals)
    if isinstance(value, Sequence):
        return join([_shown(name, v, lang, decimals) for v in value], lang)
    return str(value)


def render(message: Message, lang: str) -> str:
    """``message`` in ``lang``."""
    values = {
        name: _shown(name, value, lang, message.decimals) for name, value in message.values.items()
    }
    if message.count is not None:
        n = message.values[message.count]
        values.pop(message.count)
        return tn(message.key, float(n), lang, **values)
    return t(message.key, lang, **values)


def unit_of_change(indicator: str, lang: str) -> str:
    """The unit of a change of ``indicator``: percentage points for shares, none else."""
    from catalogue import definitions

    return t("unit.pp", lang) if definitions.get(indicator).unit == "percent" else ""


def normalise_lang(value: object) -> str | None:
    """``value`` as a supported language code, or None."""
    text = str(value or "").strip().lower()
    return text if text in LANGS else None


def d3_format_locale(lang: str) -> dict[str, object]:
    """Vega's number-format locale for ``lang`` (decimal comma and space grouping in fi/sv)."""
    if lang == "en":
        return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " €"]}
    return {
        "decimal": ",",
        "thousands": "\u00a0",
        "grouping": [3],
        "currency": ["", "\u00a0€"],
        "minus": "\u2212",
    }


def d3_time_locale(lang: str) -> dict[str, object]:
    """Vega's time-format locale for ``lang`` (month names for axes)."""
    from babel.dates import get_day_names, get_month_names

    loc = LOCALES[lang]
    months = [get_month_names("wide", "stand-alone", loc)[i] for i in range(1, 13)]
    short = [get_month_names("abbreviated", "stand-alone", loc)[i] for i in range(1, 13)]
    days = get_day_names("wide", "stand-alone", loc)
    short_days = get_day_names("abbreviated", "stand-alone", loc)
    order = [6, 0, 1, 2, 3, 4, 5]  # d3 weeks start on Sunday
    return {
        "dateTime": "%x %X",
        "date": "%d.%m.%Y" if lang != "en" else "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": [days[i] for i in order],
        "shortDays": [short_days[i] for i in order],
        "months": months,
        "shortMonths": [s.rstrip(".") for s in short],
    }


def vega_locale(lang: str) -> dict[str, object]:
    """Both Vega locales for ``lang``, as a chart's ``config.locale``."""
    return {"number": d3_format_locale(lang), "time": d3_time_locale(lang)}
