"""Names of budget holders and issuers in kk, ru and en.

A decision names its entity in one language and one grammatical case
("Талов ауылдық округінің", "Таловского сельского округа"). The store keys an
entity by its English name so that a Kazakh and a Russian decision about the
same rural district meet; the three display names come from ``data/places.yaml``
(known places) or from transliteration, dressed by ``data/entity_kinds.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml
from rapidfuzz import fuzz

from bot import DATA_DIR
from bot.ingest.fold import skeleton_phrase

_TRANSLIT = dict(
    zip(
        "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
        [
            "a",
            "b",
            "v",
            "g",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "k",
            "l",
            "m",
            "n",
            "n",
            "o",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "u",
            "u",
            "f",
            "kh",
            "h",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "i",
            "",
            "e",
            "yu",
            "ya",
            "a",
        ],
        strict=True,
    )
)

# Case endings and kind words stripped to find the bare place name.
_KIND_WORDS = re.compile(
    r"\b(ауылдық|округі\w*|округ\w*|ауданы\w*|аудандық|қаласы\w*|ауылы\w*|кенті\w*|"
    r"сельск\w+|район\w*|город\w*|села|село|посел\w+|аул[аыу]?\b|г\.|м[аә]слихат\w*|қалалық|"
    r"облыс\w*|област\w*|бюджет\w*|сел|свод|жиынтығы|сводный)",
    re.IGNORECASE,
)


_RU_ADJECTIVE = re.compile(r"(ск|цк)(ий|ого|ому|им|ом|ой|ая|ое)$", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    kk: str
    ru: str
    ru_noun: str
    en: str


@cache
def _places() -> tuple[Place, ...]:
    raw = yaml.safe_load((DATA_DIR / "places.yaml").read_text(encoding="utf-8")) or []
    return tuple(Place(p["kk"], p["ru"], p.get("ru_noun", p["ru"]), p["en"]) for p in raw)


@cache
def _kinds() -> dict[str, dict[str, str]]:
    return yaml.safe_load((DATA_DIR / "entity_kinds.yaml").read_text(encoding="utf-8"))


def transliterate(text: str) -> str:
    out = "".join(
        _TRANSLIT.get(ch, ch) if ch.islower() else _TRANSLIT.get(ch.lower(), ch).capitalize()
        for ch in text
    )
    return out


# Case endings a place name takes in a decision (kk genitive/dative/locative, ru
# genitive/dative/instrumental/prepositional), in skeleton form.
_ENDINGS = frozenset(
    skeleton_phrase(e)
    for e in (
        "", "тің", "нің", "дың", "дің", "ның", "тың", "ға", "ге", "қа", "ке", "на", "не",
        "да", "де", "та", "те", "нда", "нде", "а", "у", "ом", "ем", "е", "ы", "и",
    )
)  # fmt: skip


def find_place(name: str, *, threshold: float = 95) -> Place | None:
    """The known place whose kk, ru or ru_noun name is ``name`` (any script, OCR look-alikes
    folded): the same skeleton, or one that differs by a case ending of at most three
    letters ("Жәнібек"/"Жәнібектің"); failing that, a near-identical spelling. A wrong
    place is worse than none: an unknown name is transliterated instead."""
    target = skeleton_phrase(name)
    if not target:
        return None
    best: tuple[float, Place | None] = (0.0, None)
    for place in _places():
        for variant in (place.kk, place.ru, place.ru_noun):
            other = skeleton_phrase(variant)
            short, long_ = sorted((target, other), key=len)
            if long_.startswith(short) and long_[len(short) :] in _ENDINGS:
                score = 100.0 - (len(long_) - len(short))
            elif target[:1] == other[:1] and len(target) >= 6:
                score = fuzz.ratio(target, other)  # a letter lost to OCR, not another name
            else:
                continue
            if score > best[0]:
                best = (score, place)
    return best[1] if best[0] >= threshold else None


def bare_name(entity: str) -> str:
    """``"Таловского сельского округа"`` → ``"Таловского"``; kind words removed."""
    return " ".join(_KIND_WORDS.sub(" ", entity).split()).strip(" ,.-")


def place_for(name: str) -> Place:
    """A known place, or one made up by transliteration for a name we have never seen.

    A Russian adjective ("Жанаталапский", "Жанаталапского") is cut to its stem, so that
    the Kazakh and the Russian decision about one place get one English key.
    """
    bare = bare_name(name) or name
    place = find_place(bare)
    if place is not None:
        return place
    adjective = _RU_ADJECTIVE.search(bare)
    if adjective:
        stem = bare[: adjective.start()]
        return Place(stem, stem + adjective.group(1) + "ий", stem, transliterate(stem))
    return Place(bare, "", bare, transliterate(bare))  # no Russian adjective known


def kind_template(kind: str) -> dict[str, str]:
    """How a holder of ``kind`` is named in each language (``data/entity_kinds.yaml``)."""
    return dict(_kinds().get(kind) or _kinds()["rural_district"])


def names(place: Place, kind: str) -> dict[str, str]:
    template = dict(_kinds().get(kind) or _kinds()["rural_district"])
    if not place.ru and "ru_noun" in template:
        template["ru"] = template["ru_noun"]  # "сельский округ Жаңаталап"
    fields = {"kk": place.kk, "ru": place.ru, "ru_noun": place.ru_noun, "en": place.en}
    return {lang: template[lang].format(**fields) for lang in ("kk", "ru", "en")}
