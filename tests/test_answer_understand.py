"""Reading questions: language, years, Kazakh stems, folding."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answer.lexicon import all_lexicons
from bot.answer.morph import stem_kk
from bot.answer.text import clean, fold
from bot.answer.years import find_years

TODAY = date(2025, 6, 1)


def years(text: str) -> tuple[int, ...]:
    return find_years(fold(text), list(all_lexicons().values()), TODAY).years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", (2024,)),
        ("2024 жылы", (2024,)),
        ("в 2024-м", (2024,)),
        ("в 2024 году", (2024,)),
        ("2023–2025", (2023, 2024, 2025)),
        ("с 2023 по 2025", (2023, 2024, 2025)),
        ("2023 and 2024", (2023, 2024)),
        ("в этом году", (2025,)),
        ("биыл", (2025,)),
        ("былтыр", (2024,)),
        ("last year", (2024,)),
        ("в позапрошлом году", (2023,)),
        ("топ 5", ()),
        ("12345", ()),
    ],
)
def test_years(text: str, expected: tuple[int, ...]) -> None:
    assert years(text) == expected


@pytest.mark.parametrize(
    "word", ["жол", "жолдар", "жолдарға", "жолдардың", "жолдарга", "жолдардын"]
)
def test_kazakh_suffixes_strip_to_the_root(word: str) -> None:
    assert stem_kk(fold(word)) == "жол"


def test_fold_meets_russian_keyboard_kazakh() -> None:
    assert fold("Жолдарға ҚАНША") == fold("жолдарга канша")
    assert fold("budget") == "budget"  # Latin i stays in English words


def test_clean_strips_control_characters_and_caps_length() -> None:
    assert clean("до\x00ро\u200bги\n2024") == "до ро ги 2024"
    assert len(clean("а" * 10_000)) <= 500
    assert clean(None) == ""


@pytest.fixture(scope="module")
def reader(tiny_db):  # type: ignore[no-untyped-def]
    from bot.answer.engine import Engine

    return Engine(tiny_db).reader


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("сколько потратили на дороги", "ru"),
        ("жолдарға қанша жұмсалды", "kk"),
        ("жолдарга канша", "kk"),
        ("how much on roads", "en"),
        ("2024 жылы roads spending how much", "en"),
        ("2024 жылы жолдарға how much", "kk"),
        ("2024", "ru"),
    ],
)
def test_language(reader, text: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    assert reader.detect_language(text) == lang


def test_language_data_keeps_codes_and_words_as_text() -> None:
    """YAML 1.1 reads ``07`` as 7, ``124.040`` as 124.04 and ``on`` as True; the loader must not."""
    from bot.classifier import default as default_classifier

    codes = default_classifier().by_code
    for lang, lx in all_lexicons().items():
        assert "07" in lx.topics and "7" not in lx.topics, lang
        unknown = [code for code in lx.topics if code not in codes]
        assert unknown == [], (lang, unknown)
        assert all(isinstance(w, str) for w in lx.stopwords | lx.markers), lang
    assert "on" in all_lexicons()["en"].stopwords


def test_synonym_files_load_as_text_with_a_plain_yaml_reader() -> None:
    """``data/synonyms`` is read by the classifier with ``yaml.safe_load``: keys must be quoted."""
    import yaml

    from bot import DATA_DIR

    for path in sorted((DATA_DIR / "synonyms").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        assert all(isinstance(k, str) for k in data), path.name
        for words in data.values():
            assert all(isinstance(w, str) for w in words or ()), path.name


def test_a_partial_phrase_met_only_by_a_typo_guess_names_nothing(reader) -> None:  # type: ignore[no-untyped-def]
    reading = reader.read("мысықтарға арналған тамақ", today=TODAY)
    assert reading.topics == [] and "мысыктарга" in reading.unexplained
    # a whole phrase with a typo is still a match
    assert reader.read("stret lighting 2023", today=TODAY).topics[0].key == "124.008"
