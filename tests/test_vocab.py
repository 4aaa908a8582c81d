"""The ingest vocabulary: one checked schema for every language (bot.ingest.vocab)."""

from __future__ import annotations

import pytest

from bot.ingest import vocab
from bot.ingest.numbers import read_after_label


@pytest.mark.parametrize("lang", vocab.LANGS)
def test_every_language_file_loads_under_the_schema(lang: str) -> None:
    v = vocab.load(lang)
    assert set(v.summary) == {
        "income_total", "tax", "non_tax", "capital", "transfers", "expense_total",
        "net_lending", "fin_assets_saldo", "deficit", "financing",
    }  # fmt: skip
    assert all(isinstance(n, int) for n in v.months.values())


def test_unknown_and_missing_keys_are_refused() -> None:
    text = (vocab.DATA_DIR / "ingest" / "ru.yaml").read_text(encoding="utf-8")
    with pytest.raises(vocab.VocabularyError, match="unknown key"):
        vocab.parse("ru", text + "\nsumary: {}\n")
    without_zero = "\n".join(ln for ln in text.splitlines() if not ln.startswith("zero:"))
    with pytest.raises(vocab.VocabularyError, match="missing key"):
        vocab.parse("ru", without_zero)
    with pytest.raises(vocab.VocabularyError, match="unknown kind"):
        vocab.parse("ru", text + "\n" + "entities: [{kind: hamlet, pattern: '{NAME} x'}]\n")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1) доходы – 5 тыс. тенге", "income_total"),
        ("налоговым поступлениям – 69 062", "tax"),
        ("неналоговые поступления – 1", "non_tax"),
        ("поступления субвенций – 1", "transfers"),
        ("дефицит (профицит) бюджета – -1", "deficit"),
        ("финансирование дефицита (использование профицита) бюджета – 1", "financing"),
        ("сальдо по операциям с финансовыми активами – 0", "fin_assets_saldo"),
        ("таза бюджеттік несиелендіру – 0", "net_lending"),
        ("қаржы активтерімен жасалатын операциялар бойынша сальдо – 0", "fin_assets_saldo"),
        ("бюджет тапшылығы (профициті) – -280 934", "deficit"),
        ("бюджет тапшылығын қаржыландыру (профицитін пайдалану) – 1", "financing"),
        ("кipicтep – 1", "income_total"),  # Latin look-alike letters inside a Kazakh word
        ("салықтық емес түсімдер – 1", "non_tax"),
        ("бюджеттік кредиттер – 0", None),
    ],
)
def test_labels_by_their_longest_phrase(text: str, key: str | None) -> None:
    lang = "kk" if any(ch in text for ch in "әғқңөұүі") or "кip" in text else "ru"
    assert vocab.best_key(text, vocab.load(lang).summary) == key


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("кредитование -12 291", "-12291"),  # no dash between label and figure
        ("кредитование – -12 291", "-12291"),
        ("кредитование – 12 291", "12291"),
        ("бюджеттік кредиттер –237 790,0 мың теңге", "237790.0"),  # an en dash is a separator
        ("(-) 735", "-735"),
        ("доходы – 366 814 400 тенге", "366814.4"),  # printed in tenge: stored in thousands
    ],
)
def test_signs_and_units(text: str, value: str) -> None:
    amount = read_after_label(text)
    assert amount is not None and str(amount.value) == value
