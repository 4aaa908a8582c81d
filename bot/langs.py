"""The one registry of the languages the bot speaks.

Every other module asks this one which languages exist, which babel locale formats their
numbers, which script they are written in, which stemmer reduces their words and what
they are called — instead of keeping its own ``("kk", "ru", "en")``. Adding a language
is one entry here plus its data files (``data/answer/``, ``data/synonyms/``,
``data/glossary/``) and its gettext catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, also the name of the data files and the gettext catalog
    locale: str  # babel locale for numbers, lists and plurals
    script: str  # the script questions are usually typed in: "Cyrl" or "Latn"
    stemmer: str  # a snowballstemmer algorithm, or "suffixes" (data/answer/<code>.yaml)
    name: str  # the language's own name, for a language picker
    flag: str = ""  # shown before the name on the picker's button


REGISTRY: tuple[Language, ...] = (
    Language("kk", "kk", "Cyrl", "suffixes", "Қазақша", "🇰🇿"),
    Language("ru", "ru", "Cyrl", "russian", "Русский", "🇷🇺"),
    Language("en", "en", "Latn", "english", "English", "🇬🇧"),
)
BY_CODE: dict[str, Language] = {lang.code: lang for lang in REGISTRY}
LANGS: tuple[str, ...] = tuple(lang.code for lang in REGISTRY)
DEFAULT = "ru"  # a tie between languages, and a chat nobody has spoken in yet


def get(code: str | None) -> Language:
    """The registered language ``code``, or the default one."""
    return BY_CODE.get(code or "", BY_CODE[DEFAULT])
