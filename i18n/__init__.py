"""Languages of the UI (fi, sv, en): the message catalogue and locale-aware number formats."""

from __future__ import annotations

import math
from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from i18n.messages import MESSAGES

LANGS = ("fi", "sv", "en")
DEFAULT_LANG = "fi"
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
LANG_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


def t(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``."""
    entry = MESSAGES[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def normalise_lang(value: object) -> str | None:
    """``value`` as a supported language code, or None."""
    text = str(value or "").strip().lower()
    return text if text in LANGS else None


def fmt_number(value: float | None, lang: str, decimals: int = 0) -> str:
    """A number in the language's format (``51 318`` in Finnish, ``51,318`` in English)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def fmt_percent(value: float | None, lang: str, decimals: int = 1) -> str:
    """A percentage given in percent units (14.5 → ``14,5 %`` in Finnish)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # Finnish and Swedish put a no-break space before the per cent sign; English does not.
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    pattern += "%" if lang == "en" else "\u00a0%"
    return format_percent(value / 100, format=pattern, locale=LOCALES[lang])


def fmt_signed(value: float | None, lang: str, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign (``+1 234``, ``−0,3 %-yks.``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = fmt_number(abs(value), lang, decimals)
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{text}{(' ' + unit) if unit else ''}"


@lru_cache(maxsize=4096)
def fmt_month(month: str, lang: str, style: str = "long") -> str:
    """``2021-03`` → ``maaliskuu 2021`` / ``mars 2021`` / ``March 2021`` (memoised: month
    pickers format a few hundred labels on every run)."""
    year, mon = (int(p) for p in month.split("-"))
    pattern = "LLLL yyyy" if style == "long" else "LLL yyyy"
    return format_date(date(year, mon, 1), pattern, locale=LOCALES[lang])


def fmt_date(value: date, lang: str) -> str:
    """A date in the language's medium format."""
    return format_date(value, "medium", locale=LOCALES[lang])


def d3_format_locale(lang: str) -> dict[str, object]:
    """Vega's number-format locale for ``lang`` (decimal comma and space grouping in fi/sv)."""
    if lang == "en":
        return {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " €"]}
    return {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"]}


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
