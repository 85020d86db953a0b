"""Numbers and dates in the UI language: the one formatter of every figure Seuranta shows.

Every number on screen, in a legend, a table, an alt text or an export goes through these
functions, so the same value prints the same everywhere. Rounding is half-up on the decimal
value as written (``0.15`` → ``0,2``, ``2.5`` → ``3``), the convention of statistical tables;
Babel then writes the rounded number in the locale's format (``51 318``, ``14,5 %``).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from catalogue import definitions
from catalogue.symbols import SUPPRESSED_MARK

LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
MISSING = "–"
MINUS = "\u2212"
# Finnish and Swedish put a no-break space before the per cent sign; English does not.
_PERCENT_SPACE = {"fi": "\u00a0", "sv": "\u00a0", "en": ""}


def _absent(value: object) -> bool:
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def rounded(value: float, decimals: int = 0) -> Decimal:
    """``value`` rounded half-up to ``decimals`` places, from its shortest decimal form."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)


def fmt_number(value: float | None, lang: str, decimals: int = 0, *, missing: str = MISSING) -> str:
    """A number in the language's format (``51 318`` in Finnish, ``51,318`` in English);
    ``missing`` for None, NaN or infinity. Negative numbers take the typographic minus.
    """
    if _absent(value):
        return missing
    number = rounded(float(value), decimals)  # type: ignore[arg-type]
    if number == 0:
        number = abs(number)  # no "−0,0"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(number, format=pattern, locale=LOCALES.get(lang, LOCALES["en"]))
    return text.replace("-", MINUS)


def fmt_percent(
    value: float | None, lang: str, decimals: int = 1, *, missing: str = MISSING
) -> str:
    """A percentage given in percent units (14.5 → ``14,5 %`` in Finnish, ``14.5%`` in
    English).
    """
    if _absent(value):
        return missing
    return f"{fmt_number(value, lang, decimals)}{_PERCENT_SPACE.get(lang, '')}%"


def fmt_signed(value: float | None, lang: str, decimals: int = 0, unit: str = "") -> str:
    """A change with its sign (``+1 234``, ``−0,3 %-yks.``, ``±0``): the sign is that of the
    rounded value, so a change too small to show is ``±0``, never ``+0,0`` or ``−0,0``.
    """
    if _absent(value):
        return MISSING
    number = rounded(float(value), decimals)  # type: ignore[arg-type]
    sign = "+" if number > 0 else (MINUS if number < 0 else "±")
    text = fmt_number(abs(float(number)), lang, decimals)
    return f"{sign}{text}{(' ' + unit) if unit else ''}"


def fmt_p(value: float | None, lang: str) -> str:
    """A p-value: three decimals, or ``< 0,001``; never ``0`` and never ``None``."""
    if _absent(value):
        return MISSING
    if float(value) < 0.001:  # type: ignore[arg-type]
        return f"< {fmt_number(0.001, lang, 3)}"
    return fmt_number(value, lang, 3)


def fmt_p_stated(value: float | None, lang: str) -> str:
    """A p-value as a statement for running text: ``p = 0,016`` or ``p < 0,001`` (never
    ``p = < 0,001``); ``p = –`` when there is none.
    """
    text = fmt_p(value, lang)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def decimals_of(indicator: str) -> int:
    """How many decimals the indicator's values are shown with: one for shares, ratios and
    averages, none for counts.
    """
    ind = definitions.get(indicator)
    return 1 if ind.unit == "percent" or ind.kind in ("ratio", "level") else 0


def fmt_value(
    indicator: str,
    value: float | None,
    lang: str,
    *,
    suppressed: bool = False,
    missing: str = MISSING,
) -> str:
    """A value of the catalogue indicator ``indicator`` as shown everywhere: shares with a
    per cent sign, ``..`` for a suppressed cell (never 0), ``missing`` when there is none.
    """
    if suppressed:
        return SUPPRESSED_MARK
    if _absent(value):
        return missing
    if definitions.get(indicator).unit == "percent":
        return fmt_percent(value, lang, decimals_of(indicator))
    return fmt_number(value, lang, decimals_of(indicator))


def d3_format(indicator: str) -> str:
    """The d3 format of the indicator's values for Vega axes (same decimals as
    :func:`fmt_value`).
    """
    decimals = decimals_of(indicator)
    return f",.{decimals}f"


@lru_cache(maxsize=4096)
def fmt_month(month: str, lang: str, style: str = "long") -> str:
    """``2021-03`` → ``maaliskuu 2021`` / ``mars 2021`` / ``March 2021`` (memoised: month
    pickers format a few hundred labels on every run).
    """
    year, mon = (int(p) for p in month.split("-"))
    pattern = "LLLL yyyy" if style == "long" else "LLL yyyy"
    return format_date(date(year, mon, 1), pattern, locale=LOCALES[lang])


def fmt_day(day: str, lang: str) -> str:
    """``2022-05-02`` → ``2.5.2022`` (fi, sv) or ``2 May 2022`` (en)."""
    value = date.fromisoformat(day[:10])
    pattern = "d.M.yyyy" if lang in ("fi", "sv") else "d MMMM yyyy"
    return format_date(value, pattern, locale=LOCALES[lang])


# Finnish and Swedish put å, ä and ö after z (in that order); code-point order would put ä
# before å. Other letters sort as their case-folded selves.
_NORDIC_ORDER = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03", "æ": "z\x02"})


def sort_key(name: str) -> str:
    """A key that sorts place names as a Finnish or Swedish reader expects (Åbo, Äänekoski
    and Östersundom after Ylöjärvi), case-insensitively.
    """
    return name.casefold().translate(_NORDIC_ORDER)
