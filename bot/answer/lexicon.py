"""Per-language knowledge of the answer engine, read from ``data/answer/{lang}.yaml``.

Everything that differs between Kazakh, Russian and English — question words, intent
cues, relative-year phrases, stop words, Kazakh suffixes, extra words for budget lines —
is data, so a linguist can improve understanding without touching Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from bot import DATA_DIR
from bot.answer.text import fold
from bot.langs import LANGS

ANSWER_DATA = DATA_DIR / "answer"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    markers: frozenset[str]  # folded words that give the language away
    stopwords: frozenset[str]  # folded words that never name a topic
    relative_years: dict[str, tuple[str, ...]]  # offset name → folded phrases
    intents: dict[str, tuple[str, ...]]  # intent → folded cue prefixes/phrases
    topics: dict[str, tuple[str, ...]]  # classifier code → extra words (as written)
    entity_words: frozenset[str]  # generic words in budget holders' names
    suffixes: tuple[str, ...] = ()  # Kazakh: folded suffixes, longest first
    alternations: dict[str, str] = field(default_factory=dict)  # stem-final letter swaps
    year_words: tuple[str, ...] = ()  # folded words that follow a year ("жылы", "году")
    numbers: dict[str, int] = field(default_factory=dict)  # folded number words → value
    stop_prefixes: tuple[str, ...] = ()  # folded beginnings of words that never name a topic
    short_year_words: tuple[str, ...] = ()  # words after a two-digit year ("23 жылы", "за 23 год")
    spoken_years: re.Pattern[str] | None = None  # "в двадцать четвёртом году" → groups tens, unit
    spoken_values: dict[str, int] = field(default_factory=dict)  # folded tens/unit word → value
    followup_first: frozenset[str] = frozenset()  # a first word that marks a follow-up ("а")
    followup_last: frozenset[str] = frozenset()  # a last word that marks one ("ше")
    budget_words: frozenset[str] = frozenset()  # "бюджет", "budget": the whole budget is asked
    settlement_words: frozenset[str] = frozenset()  # "село", "ауыл", "village": one settlement
    salary_words: tuple[str, ...] = ()  # beginnings of "salary" words ("зарплат", "жалақы")
    salutations: tuple[str, ...] = ()  # "уважаемый", "құрметті", "dear": an address opens

    @property
    def followup_words(self) -> frozenset[str]:
        """Single follow-up words: they name nothing, so they are never unexplained."""
        return frozenset(w for w in self.followup_first | self.followup_last if " " not in w)


class TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML with every plain scalar read as text.

    YAML 1.1 turns ``07`` into the integer 7, ``124.040`` into the float 124.04 and ``on``
    into ``True``; in language data those are a classifier code and an English word.
    libyaml's parser when PyYAML has it (the same documents, ~9x faster: 0.13 s of the
    bot's start); the resolvers below are Python either way.
    """


TextLoader.yaml_implicit_resolvers = {
    first: [
        (tag, rx) for tag, rx in resolvers if tag.rsplit(":", 1)[-1] not in {"bool", "int", "float"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_text_yaml(text: str) -> object:
    """Parse YAML whose plain scalars are all words or codes (see :class:`TextLoader`)."""
    return yaml.load(text, Loader=TextLoader)


def _spoken(data: object, year_words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict]:
    """A pattern for years said in words, from a language's ``spoken_years`` data."""
    if not isinstance(data, dict) or not data.get("tens") or not data.get("units"):
        return None, {}

    def alt(words: object) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])

    def flag(key: str) -> bool:
        return str(data.get(key)).lower() in {"true", "yes", "1"}

    tens = {fold(str(k)): int(v) for k, v in data["tens"].items()}
    units = {fold(str(k)): int(v) for k, v in data["units"].items()}
    prefixes = _folded(data.get("prefixes"))
    prefix = rf"(?:{alt(prefixes)})\s+" if prefixes else ""
    if prefix and not flag("prefix_required"):
        prefix = f"(?:{prefix})?"
    # "в двадцать третьем" needs no year word: a preposition before the ordinal is enough
    # (the match is kept only with one of the two, see bot.answer.years)
    preps = _folded(data.get("prepositions"))
    lead = rf"(?:(?P<prep>{alt(preps)})\s+)?" if preps else ""
    body = rf"(?<!\w){lead}{prefix}(?P<tens>{alt(tens)})[\s-]+(?P<unit>{alt(units)})"
    body += r"(?!\w)" if flag("units_whole_word") else r"\w*"
    if flag("year_word_required"):
        if not year_words:
            return None, {}
        tail = rf"\s+(?P<yw>{alt(year_words)})(?!\w)"
        body += f"(?:{tail})?" if preps else tail
    return re.compile(body), {**tens, **units}


def _folded(words: object) -> tuple[str, ...]:
    return tuple(fold(str(w)).strip() for w in (words or []) if str(w).strip())


@cache
def lexicon(lang: str, directory: Path = ANSWER_DATA) -> Lexicon:
    data = load_text_yaml((directory / f"{lang}.yaml").read_text(encoding="utf-8")) or {}
    suffixes = sorted(set(_folded(data.get("suffixes"))), key=len, reverse=True)
    spoken, spoken_values = _spoken(data.get("spoken_years"), _folded(data.get("year_words")))
    return Lexicon(
        lang=lang,
        markers=frozenset(_folded(data.get("markers"))),
        stopwords=frozenset(_folded(data.get("stopwords"))),
        relative_years={k: _folded(v) for k, v in (data.get("relative_years") or {}).items()},
        intents={k: _folded(v) for k, v in (data.get("intents") or {}).items()},
        topics={
            str(k): tuple(str(w) for w in v or ()) for k, v in (data.get("topics") or {}).items()
        },
        entity_words=frozenset(_folded(data.get("entity_words"))),
        suffixes=tuple(suffixes),
        alternations={
            fold(str(k)): fold(str(v)) for k, v in (data.get("alternations") or {}).items()
        },
        year_words=_folded(data.get("year_words")),
        numbers={fold(str(k)): int(v) for k, v in (data.get("numbers") or {}).items()},
        stop_prefixes=_folded(data.get("stop_prefixes")),
        short_year_words=_folded(data.get("short_year_words")),
        spoken_years=spoken,
        spoken_values=spoken_values,
        followup_first=frozenset(_folded((data.get("followup") or {}).get("first"))),
        followup_last=frozenset(_folded((data.get("followup") or {}).get("last"))),
        budget_words=frozenset(_folded(data.get("budget_words"))),
        settlement_words=frozenset(_folded(data.get("settlement_words"))),
        salary_words=_folded(data.get("salary_words")),
        salutations=_folded(data.get("salutations")),
    )


@dataclass(frozen=True)
class Places:
    names: dict[str, dict[str, str]]  # folded spelling → {lang: name shown}
    endings: frozenset[str]  # folded case endings a name may carry


@cache
def load_places(path: Path = ANSWER_DATA / "places.yaml") -> Places:
    """Places people ask about that the store may have no budget for."""
    data = load_text_yaml(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data if isinstance(data, dict) else {}
    names: dict[str, dict[str, str]] = {}
    for place in data.get("places") or []:
        shown = {lang: str(place[lang]) for lang in LANGS if place.get(lang)}
        for form in [*shown.values(), *(place.get("also") or [])]:
            names.setdefault(fold(str(form)), shown)
    return Places(names, frozenset(_folded(data.get("endings"))))


def all_lexicons() -> dict[str, Lexicon]:
    return {lang: lexicon(lang) for lang in LANGS}
