"""The kk/ru/en glossary of budget terms (``data/glossary/{lang}.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot import DATA_DIR
from bot.answer.lexicon import LANGS, load_text_yaml

GLOSSARY_DIR = DATA_DIR / "glossary"


@dataclass(frozen=True)
class Term:
    key: str
    terms: dict[str, tuple[str, ...]]  # lang → words that name it
    texts: dict[str, str]  # lang → explanation
    # A word that names a figure too ("доходы"): explained only when asked "what is …"
    figure_first: bool = False

    def title(self, lang: str) -> str:
        words = self.terms.get(lang) or self.terms.get("ru") or (self.key,)
        return words[0]


@cache
def load(directory: Path = GLOSSARY_DIR) -> dict[str, Term]:
    raw: dict[str, dict[str, dict[str, object]]] = {}
    for lang in LANGS:
        path = directory / f"{lang}.yaml"
        if path.exists():
            for key, value in (load_text_yaml(path.read_text(encoding="utf-8")) or {}).items():
                raw.setdefault(str(key), {})[lang] = value or {}
    return {
        key: Term(
            key=key,
            terms={
                lang: tuple(str(t) for t in v.get("terms") or ()) for lang, v in by_lang.items()
            },
            texts={lang: str(v.get("text") or "").strip() for lang, v in by_lang.items()},
            figure_first=any(
                str(v.get("figure_first")).lower() in {"true", "yes", "1"} for v in by_lang.values()
            ),
        )
        for key, by_lang in raw.items()
    }
