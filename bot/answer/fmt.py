"""Money, percentages, changes and dates written the way each locale writes them.

Amounts are ``Decimal`` thousand tenge and are shown exactly (babel's grouping and
decimal comma per locale); a rounded million/billion figure is added in brackets when
the exact one is long enough to be hard to read. Nothing here ever becomes a float.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache

from babel.core import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern
from babel.support import NullTranslations

from bot.i18n import translations

MILLION_FROM = Decimal(10_000)  # thousand tenge: from 10 million tenge on, add "≈ N million"
BILLION_FROM = Decimal(1_000_000)
MINUS = "−"


def tr(lang: str) -> NullTranslations:
    return translations(lang, "answer")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def _decimal(value: Decimal, pattern: str, lang: str) -> str:
    """babel's ``format_decimal`` with the locale and the pattern parsed once, not per
    figure (an answer writes a dozen figures; parsing was a third of writing each)."""
    return _pattern(pattern).apply(value, _locale(lang))


def number(value: Decimal, lang: str) -> str:
    """An exact number: ``60 033,4`` (kk, ru) / ``60,033.4`` (en)."""
    text = _decimal(abs(value), "#,##0.###", lang)
    return (MINUS + text) if value < 0 else text


def money(value: Decimal, lang: str, approx: bool = True) -> str:
    """Thousand tenge exactly, plus a rounded million/billion figure for long amounts."""
    t = tr(lang)
    text = t.gettext("{amount} thousand ₸").format(amount=number(value, lang))
    size = abs(value)
    if approx and size >= BILLION_FROM:
        rounded = (value / BILLION_FROM).quantize(Decimal("0.1"), ROUND_HALF_UP)
        text += " " + t.gettext("(≈{amount} billion ₸)").format(amount=number(rounded, lang))
    elif approx and size >= MILLION_FROM:
        rounded = (value / 1000).quantize(Decimal("0.1"), ROUND_HALF_UP)
        text += " " + t.gettext("(≈{amount} million ₸)").format(amount=number(rounded, lang))
    return text


def percent(ratio: Decimal, lang: str, signed: bool = False) -> str:
    """``0.1234`` → ``12,3 %`` (ru), ``12,3%`` (kk), ``12.3%`` (en)."""
    pattern = _locale(lang).percent_formats[None].pattern.replace("#,##0", "#,##0.0", 1)
    value = (ratio * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    text = pattern.replace("#,##0.0", _decimal(abs(value), "#,##0.0", lang))
    if signed and value != 0:
        return ("+" if value > 0 else MINUS) + text
    return (MINUS + text) if value < 0 else text


def change(old: Decimal, new: Decimal, lang: str) -> str:
    """Signed change in money and, when defined, in percent: ``+1 200 тыс. ₸ (+3,1 %)``."""
    diff = new - old
    sign = "+" if diff > 0 else (MINUS if diff < 0 else "±")
    text = sign + money(abs(diff), lang, approx=False)
    if old != 0:
        text += f" ({percent(diff / abs(old), lang, signed=True)})"
    return text


@lru_cache(maxsize=4096)
def day(iso: str, lang: str) -> str:
    """An ISO date the way the locale writes a long date; the raw text if it is not a date.
    Remembered: every answer cites its decisions' dates, and they are few."""
    try:
        return format_date(date.fromisoformat(iso), format="long", locale=_locale(lang))
    except (TypeError, ValueError):
        return iso or ""
