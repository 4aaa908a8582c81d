"""Kazakh typed in Latin letters, read as Cyrillic (``data/answer/kk_latin.yaml``).

People write "jol 2024 qansha", "koshe zharygy" or, in the 2021 alphabet, "köşe jaryğy".
:func:`to_cyrillic` maps such a word letter by letter (longest letter group first);
:class:`bot.answer.understand.Reader` decides whether a question's Latin words are Kazakh
at all — English words it knows are never transliterated.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from bot.answer.lexicon import ANSWER_DATA, load_text_yaml

LATIN_FILE = ANSWER_DATA / "kk_latin.yaml"


@cache
def _data(path: Path = LATIN_FILE) -> dict:
    return (load_text_yaml(path.read_text(encoding="utf-8")) if path.exists() else {}) or {}


@cache
def _words() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (_data().get("words") or {}).items()}


@cache
def _table() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    data = _data()
    mapping = {str(k).lower(): str(v) for k, v in (data.get("letters") or {}).items()}
    mapping.update({str(k).lower(): str(v) for k, v in (data.get("groups") or {}).items()})
    vowels = frozenset(str(v).lower() for v in data.get("vowels") or ())
    keys = sorted(mapping, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(k) for k in keys)) if keys else re.compile(r"(?!)")
    return pattern, mapping, vowels


@lru_cache(maxsize=65536)
def to_cyrillic(word: str) -> str:
    """The Cyrillic spelling of a lower-case Latin Kazakh word; other characters are kept."""
    whole = _words().get(word)
    if whole is not None:
        return whole
    pattern, mapping, vowels = _table()
    out: list[str] = []
    pos = 0
    prev = ""
    for m in pattern.finditer(word):
        out.append(word[pos : m.start()])
        key = m.group(0)
        nxt = word[m.end() : m.end() + 1]
        if key == "y" and prev in vowels and nxt not in vowels:
            out.append("й")  # "aymaq" → аймақ, "bay" → бай
        else:
            out.append(mapping[key])
        prev = key[-1]
        pos = m.end()
    out.append(word[pos:])
    return "".join(out)
