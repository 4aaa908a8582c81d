"""Money, percentages and changes the way kk, ru and en write them."""

from __future__ import annotations

from decimal import Decimal

from bot.answer import fmt


def test_money_per_locale() -> None:
    assert fmt.money(Decimal("60033.4"), "ru") == "60\xa0033,4 тыс. ₸ (≈60 млн ₸)"
    assert fmt.money(Decimal("60033.4"), "kk") == "60\xa0033,4 мың ₸ (≈60 млн ₸)"
    assert fmt.money(Decimal("60033.4"), "en") == "60,033.4 thousand ₸ (≈60 million ₸)"
    assert fmt.money(Decimal(400), "en") == "400 thousand ₸"
    assert fmt.money(Decimal(-847), "ru") == "−847 тыс. ₸"
    assert fmt.money(Decimal("1234567.891"), "en").endswith("(≈1.2 billion ₸)")


def test_percent_and_change() -> None:
    assert fmt.percent(Decimal("0.1234"), "ru") == "12,3\xa0%"
    assert fmt.percent(Decimal("0.1234"), "en") == "12.3%"
    assert fmt.change(Decimal(448), Decimal(400), "en") == "−48 thousand ₸ (−10.7%)"
    assert fmt.change(Decimal(0), Decimal(5), "ru") == "+5 тыс. ₸"


def test_ngettext_uses_russian_plural_forms() -> None:
    t = fmt.tr("ru")
    one = t.ngettext("{entity}: {years} ({n} year)", "{entity}: {years} ({n} years)", 1)
    few = t.ngettext("{entity}: {years} ({n} year)", "{entity}: {years} ({n} years)", 3)
    many = t.ngettext("{entity}: {years} ({n} year)", "{entity}: {years} ({n} years)", 5)
    assert (one.endswith("год)"), few.endswith("года)"), many.endswith("лет)")) == (
        True,
        True,
        True,
    )


def test_dates() -> None:
    assert fmt.day("2022-12-29", "ru") == "29 декабря 2022\u202fг."
    assert fmt.day("2022-12-29", "en") == "December 29, 2022"
    assert fmt.day("not a date", "en") == "not a date"
