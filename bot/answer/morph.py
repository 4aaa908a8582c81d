"""Reduce word forms to stems so ``дорогам``/``дороги`` and ``жолдарға``/``жол`` meet.

Russian and English use the Snowball stemmers; Kazakh, agglutinative and without a
stemmer on PyPI, strips suffixes listed in ``data/answer/kk.yaml`` from the end of the
folded word while a stem of at least three letters remains.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

from bot.answer.lexicon import lexicon
from bot.answer.text import is_latin
from bot.langs import REGISTRY

_SNOWBALL = {
    lang.code: snowballstemmer.stemmer(lang.stemmer)
    for lang in REGISTRY
    if lang.stemmer != "suffixes"
}
MIN_STEM = 3
VOICED = frozenset("гб")  # folded ғ/г and б: к/қ and п voiced between vowels
VOWELS = frozenset("аеиоуыэюя")  # folded vowels (ә→а, і→и, ө→о, ұ/ү→у)
POSSESSIVE = frozenset({"ы", "и"})  # the 3rd-person possessive ending, folded


@lru_cache(maxsize=65536)
def stem_kk(word: str) -> str:
    """Strip Kazakh suffixes (plural, possessive, case) from a folded word."""
    lex = lexicon("kk")
    changed = True
    while changed and len(word) > MIN_STEM:
        changed = False
        for suffix in lex.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                cut = len(suffix)
                if (
                    suffix[0] in VOICED
                    and suffix[1:] in POSSESSIVE
                    and word[-cut - 1 : -cut] in VOWELS
                ):
                    # "салығы" is салық + ы (к voiced to ғ between vowels), not сал + ығы:
                    # after a vowel only the ending's vowel goes, the alternation does the rest
                    cut -= 1
                word = word[:-cut]
                changed = True
                break
    last = word[-1:]
    if last in lex.alternations:  # жарығы → жарыг → жарык
        word = word[:-1] + lex.alternations[last]
    return word


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """The stem of a folded word in ``lang``."""
    if word.isdigit():
        return word
    snowball = _SNOWBALL.get(lang)
    if snowball is None:
        return stem_kk(word)
    return str(snowball.stemWord(word))


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """Every stem a folded query word may have, whichever language it is in."""
    if is_latin(word):
        return tuple(dict.fromkeys((word, stem(word, "en"))))
    return tuple(dict.fromkeys((word, stem(word, "ru"), stem(word, "kk"))))
