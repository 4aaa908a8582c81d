"""Fold Cyrillic text and its Latin-OCR rendering to one skeleton alphabet.

The seed was OCR'd from Kazakh Cyrillic with a Latin model: ``Ж`` came out as
``JK``, ``XK`` or ``>K``; ``Ы`` as ``bI`` or ``bl``. Both the classifier's names
and the OCR text are folded to the same small alphabet so that a fuzzy
comparison sees ``CaJIBIKTBIK`` and ``Салықтық`` as near-equal. The rules live
in ``data/fold/`` (one table per direction), not in code.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from bot import DATA_DIR

_FOLD_DIR = DATA_DIR / "fold"
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
# A run of glyphs between spaces and punctuation; OCR rules apply only to runs that hold
# a letter, so that a figure such as ``60 033`` keeps its digits.
_RUN = re.compile(r"[^\s\-\u2013\u2014.,;:()\"'/]+")


def _read_table(name: str) -> list[tuple[str, str]]:
    rows = []
    for raw in (_FOLD_DIR / name).read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        src, _, dst = raw.partition("\t")
        rows.append((src, dst))
    return rows


@cache
def _latin_rules() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(_read_table("ocr_latin.tsv"))
    keys = sorted(table, key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys)), table


@cache
def _classes() -> dict[int, str]:
    return {ord(src): dst for src, dst in _read_table("cyrillic_classes.tsv")}


def has_latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text)


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Return the look-alike skeleton of ``text`` (Cyrillic, Latin OCR, or mixed)."""
    text = unicodedata.normalize("NFC", text)
    if has_latin(text) or any(ch in text for ch in "€»|"):
        pattern, table = _latin_rules()

        def fold_run(run: re.Match[str]) -> str:
            token = run.group(0)
            if not any(ch.isalpha() for ch in token):
                return token
            return pattern.sub(lambda m: table[m.group(0)], token)

        text = _RUN.sub(fold_run, text)
    text = text.lower().translate(_classes())
    return text


def words(text: str) -> list[str]:
    """Skeleton words of ``text`` (letters only; digits dropped)."""
    return [w for w in _WORD.findall(skeleton(text)) if not w.isdigit()]


def skeleton_phrase(text: str) -> str:
    return " ".join(words(text))
