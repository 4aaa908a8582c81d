"""Look-alike folding: the OCR's Latin renderings and the Cyrillic names meet in one skeleton."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz

from bot.ingest.fold import has_latin, skeleton, skeleton_phrase, words


@pytest.mark.parametrize(
    ("ocr", "cyrillic"),
    [
        ("CanILIKTLIK TyciMaep", "Салықтық түсімдер"),
        ("CalbIKTHIK Tycimaep", "Салықтық түсімдер"),
        ("Kipicrep", "Кірістер"),
        ("Kipictep", "Кірістер"),
        ("JKoHiOek aynanabik mociuxarsl", "Жәнібек аудандық мәслихаты"),
        ("MbIH TeHTE", "мың теңге"),
    ],
)
def test_ocr_close_to_cyrillic(ocr: str, cyrillic: str) -> None:
    assert fuzz.ratio(skeleton_phrase(ocr), skeleton_phrase(cyrillic)) > 70


def test_right_name_wins_over_wrong_one() -> None:
    ocr = skeleton_phrase("CanILIKTLIK TyciMaep")
    right = fuzz.ratio(ocr, skeleton_phrase("Салықтық түсімдер"))
    wrong = fuzz.ratio(ocr, skeleton_phrase("Трансферттердің түсімдері"))
    assert right > wrong


def test_plain_cyrillic_folds_kazakh_letters() -> None:
    """Tolerant matching of clean text: Kazakh and Russian spellings of a letter fold together."""
    assert skeleton("Қазақстан") == skeleton("Казахстан".replace("х", "қ"))
    assert skeleton("ауылдық") == skeleton("ауылдык")
    assert skeleton("Жәнібек") == skeleton("Жанибек".replace("а", "ә", 1))


def test_words_drop_digits() -> None:
    assert words("1) Кірістер 60 033") == [skeleton("кірістер")]


def test_has_latin() -> None:
    assert has_latin("Kipicrep") and not has_latin("Кірістер")


def test_skeleton_is_lowercase_and_stable() -> None:
    assert skeleton("САЛЫҚТЫҚ") == skeleton("салықтық")
    assert skeleton(skeleton("салықтық")) == skeleton("салықтық")
