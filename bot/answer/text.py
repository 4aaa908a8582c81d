"""Cleaning and tokenising a citizen's question before anything tries to understand it.

Questions arrive from a chat box: control characters, emoji, 10,000 pasted characters,
Kazakh typed on a Russian keyboard (``жолдарга`` for ``жолдарға``). Everything that
matches words works on one *folded* form — lower case, ``ё`` → ``е`` and the Kazakh
letters mapped to their nearest Russian-keyboard letter — so that both spellings meet.
"""

from __future__ import annotations

import re
import unicodedata

# Longest question worth reading; the rest of a pasted wall of text is ignored.
MAX_CHARS = 500
# Longest message looked at to find that question in (Telegram's own limit).
MAX_MESSAGE = 4096
# A sentence ends at one of these followed by spaces, and "20NN" not inside a longer
# number is a year. Both are searched from their first character, not with a lookbehind:
# a pattern that starts with one is tried at every position of a 4,096-character message
# (~60 µs for the year alone, 2 µs this way).
_SENTENCE_END = re.compile(r"[.!?…;\n]\s+")
_YEAR_DIGITS = re.compile(r"20\d\d(?!\d)")

# Kazakh-specific letters → what people type without a Kazakh layout (and ё → е).
_FOLD = str.maketrans(
    {
        "ә": "а",
        "ғ": "г",
        "қ": "к",
        "ң": "н",
        "ө": "о",
        "ұ": "у",
        "ү": "у",
        "һ": "х",
        "і": "и",
        "ё": "е",
        "i": "и",  # Latin i typed in place of Kazakh і inside a Cyrillic word is handled below
    }
)
_FOLD_KEEP_I = {k: v for k, v in _FOLD.items() if k != ord("i")}  # English words keep i
# Latin letters that look like Cyrillic ones, typed inside a Cyrillic word ("Taлов" with a
# Latin T and a): read as the Cyrillic letter they look like.
_HOMOGLYPHS = str.maketrans(
    {"a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к",
     "m": "м", "t": "т", "h": "н", "b": "в"}
)  # fmt: skip
KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,]\d+)*|%", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")


def clean(raw: object) -> str:
    """Printable, NFC, single-spaced text of at most :data:`MAX_CHARS` characters."""
    text = raw if isinstance(raw, str) else ""
    text = unicodedata.normalize("NFC", text[:MAX_MESSAGE])
    if len(text) > MAX_CHARS:
        text = focus(text)
    if not text.isprintable():  # printable: no control, format or separator but " "
        text = "".join(
            ch if unicodedata.category(ch)[0] not in "CZ" or ch == " " else " "
            for ch in text
            if unicodedata.category(ch) not in {"Cs", "Co", "Cn"}
        )
    return " ".join(text.split())[:MAX_CHARS]


def focus(text: str) -> str:
    """The part of a long message that asks: its questions and the sentences with a year.

    "Здравствуйте! Я житель села … (ten lines) … Сколько денег на дороги в 2024 году?" —
    a polite preamble comes first and the question last, so the sentences that end in "?"
    or name a year are kept (in order, while they fit), then the end of the message; a year
    anywhere in the message still counts."""
    sentences = [s for s in sentences_of(text) if s.strip()]
    asking = [s for s in sentences if "?" in s or years_in(s)]
    kept: list[str] = []
    size = 0
    for sentence in reversed(asking or sentences[-1:]):
        if size + len(sentence) > MAX_CHARS and kept:
            break
        kept.insert(0, sentence)
        size += len(sentence) + 1
    chosen = " ".join(kept)[-MAX_CHARS:]
    years = [y for y in dict.fromkeys(years_in(text)) if y not in chosen]
    return " ".join([chosen, *years]) if years and not years_in(chosen) else chosen


def sentences_of(text: str) -> list[str]:
    """``text`` cut after each sentence end (the spaces after it dropped)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[start : m.start() + 1])
        start = m.end()
    out.append(text[start:])
    return out


def years_in(text: str) -> list[str]:
    """Every "20NN" of ``text`` that is not part of a longer number, in order."""
    return [
        m.group()
        for m in _YEAR_DIGITS.finditer(text)
        if not (m.start() and text[m.start() - 1].isdecimal())
    ]


def fold(text: str) -> str:
    """Lower-case and fold Kazakh letters so ``жолдарға`` and ``жолдарга`` compare equal.

    A Latin ``i`` is folded to Cyrillic only inside an otherwise Cyrillic word (people type
    ``бюджетi``); English words keep theirs.
    """
    low = text.lower()
    out = []
    for word in re.split(r"(\s+)", low):
        if _CYRILLIC.search(word) and _LATIN.search(word):
            word = word.translate(_HOMOGLYPHS).translate(_FOLD)
        else:
            word = word.translate(_FOLD_KEEP_I)
        out.append(word)
    return "".join(out)


def tokens(text: str) -> list[str]:
    """Word and number tokens of already folded text."""
    return _TOKEN.findall(text)


def is_cyrillic(token: str) -> bool:
    return bool(_CYRILLIC.search(token))


def is_latin(token: str) -> bool:
    return bool(_LATIN.search(token))
