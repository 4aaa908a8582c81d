"""The words a decision is read by, one YAML file per language, under a checked schema.

Why: point-1 labels, month names, entity kind words and amendment phrases used to be
regex literals scattered through the parser, one language hard-wired beside the
other. Now ``data/ingest/kk.yaml`` and ``data/ingest/ru.yaml`` hold them, the code
stays language-free, and a language is added with one file. The loader reads YAML as
text (``BaseLoader``: "07" stays "07", "on" stays "on") and rejects unknown or
missing keys, so a typo in a data file fails loudly instead of silently matching
nothing.

Two kinds of values:

- *phrases* — plain lowercase words (``салықтық түсімдер``); a text matches a phrase
  when its words start with the phrase's word stems in order (see ``phrase_at``);
  the OCR parser fuzzy-matches the same phrases in skeleton form;
- *patterns* — regular expressions, for what phrases cannot say (an entity name
  before or after its kind word, a quoted figure being replaced). ``{NAME}`` in an
  entity pattern stands for a proper name of one to four capitalised words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from bot import DATA_DIR

# The languages decisions are published in: a file each under data/ingest/ (English is
# a language of answers only, bot.langs).
LANGS: tuple[str, ...] = tuple(
    sorted(p.stem for p in (DATA_DIR / "ingest").glob("*.yaml") if not p.stem.startswith("aliases"))
)

# key -> (type, required): "phrases" list[str], "map" dict[str, list[str]],
# "months" dict[str, str(int)], "patterns" list[str], "entities" list[dict]
SCHEMA: dict[str, tuple[str, bool]] = {
    "months": ("months", True),
    "summary": ("map", True),
    "subitems": ("map", True),
    "header_words": ("phrases", True),
    "appendix": ("patterns", True),
    "footnote": ("phrases", True),
    "point": ("phrases", True),
    "entity_kinds": ("map", True),
    "entities": ("entities", True),
    "own_budget": ("map", True),
    "issuer": ("pattern_map", True),
    "zero": ("patterns", True),
    "operative": ("patterns", True),
    "amending": ("patterns", True),
    "restate": ("patterns", True),
    "replace": ("patterns", True),
    "sub_heading": ("patterns", True),
    "point_year": ("patterns", True),
    "ordinals": ("months", True),
    "in_point": ("patterns", True),
    "subpoint": ("patterns", True),
    "paragraph": ("patterns", True),
    "date": ("patterns", True),
    "name_endings": ("map", True),
    "appendix_ref": ("patterns", True),
    "not_names": ("phrases", True),
    "issuing": ("patterns", True),
    "name_titles": ("phrases", True),
}
ENTITY_KEYS = {"kind", "pattern"}
KINDS = (
    "region",
    "city",
    "district",
    "town",
    "settlement",
    "village",
    "rural_district",
    "villages_total",
)
_CAP = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-’'.]*"
ADJ = r"(?P<name>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w\-’']*)"


def title_pattern(titles: tuple[str, ...]) -> str:
    """{TITLE}: an optional title word closing a name ("поселка Айтеке би")."""
    return rf"(?:[^\S\n]+(?:{'|'.join(map(re.escape, titles))})\b)?" if titles else ""


def name_pattern(titles: tuple[str, ...]) -> str:
    """One to four capitalised words on one line, each maybe followed by a title word
    that belongs to the name ("Бұқар жырау", "Биржан сал", "Әйтеке би")."""
    title = title_pattern(titles)
    return rf"(?P<name>(?:{_CAP}{title}[^\S\n]+){{0,3}}{_CAP}{title})"


class VocabularyError(ValueError):
    """A language file that does not follow the schema."""


@dataclass(frozen=True)
class EntityPattern:
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Vocabulary:
    lang: str
    months: dict[str, int]
    summary: dict[str, tuple[str, ...]]
    subitems: dict[str, tuple[str, ...]]
    header_words: tuple[str, ...]
    appendix: tuple[re.Pattern[str], ...]
    footnote: tuple[str, ...]
    point: tuple[str, ...]
    entity_kinds: dict[str, tuple[str, ...]]
    entities: tuple[EntityPattern, ...]
    own_budget: dict[str, tuple[str, ...]]
    issuer: dict[str, tuple[re.Pattern[str], ...]]
    zero: tuple[re.Pattern[str], ...]
    operative: tuple[re.Pattern[str], ...]
    amending: tuple[re.Pattern[str], ...]
    restate: tuple[re.Pattern[str], ...]
    replace: tuple[re.Pattern[str], ...]
    sub_heading: tuple[re.Pattern[str], ...]
    point_year: tuple[re.Pattern[str], ...]
    ordinals: dict[str, int]
    in_point: tuple[re.Pattern[str], ...]
    subpoint: tuple[re.Pattern[str], ...]
    paragraph: tuple[re.Pattern[str], ...]
    date: tuple[re.Pattern[str], ...]
    name_endings: dict[str, tuple[str, ...]]  # kind -> "genitive>nominative" endings
    appendix_ref: tuple[re.Pattern[str], ...]  # "приложениям 1, 2 и 3": (?P<spec>…)
    not_names: tuple[str, ...]  # capitalised words that never begin a place's name
    issuing: tuple[re.Pattern[str], ...]  # the line naming the decision itself
    name_titles: tuple[str, ...]  # lowercase words inside a name: "Бұқар жырау", "Биржан сал"


def _fail(lang: str, key: str, why: str) -> VocabularyError:
    return VocabularyError(f"data/ingest/{lang}.yaml: {key}: {why}")


def _phrases(lang: str, key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(lang, key, "expected a list of non-empty strings")
    return tuple(" ".join(v.split()) for v in value)


# Names are told by their capital letters: these patterns keep case; the rest ignore it.
CASED = ("entities", "issuer", "sub_heading")


def _patterns(
    lang: str, key: str, value: object, name: str = "", title: str = ""
) -> tuple[re.Pattern[str], ...]:
    out = []
    flags = 0 if key.startswith(CASED) else re.IGNORECASE
    for text in _phrases(lang, key, value):
        try:
            text = text.replace("{NAME}", name).replace("{ADJ}", ADJ)
            out.append(re.compile(text.replace("{TITLE}", title), flags))
        except re.error as exc:
            raise _fail(lang, key, f"bad pattern {text!r}: {exc}") from exc
    return tuple(out)


def _map(lang: str, key: str, value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise _fail(lang, key, "expected a mapping")
    return {
        str(k): tuple(p.lower() for p in _phrases(lang, f"{key}.{k}", v)) for k, v in value.items()
    }


def _numbers(lang: str, key: str, value: object) -> dict[str, int]:
    if not isinstance(value, dict) or not all(str(v).isdigit() for v in value.values()):
        raise _fail(lang, key, "expected a mapping of words to numbers")
    return {str(k).lower(): int(v) for k, v in value.items()}


def _entities(lang: str, value: object, name: str, title: str) -> tuple[EntityPattern, ...]:
    if not isinstance(value, list):
        raise _fail(lang, "entities", "expected a list of {kind, pattern}")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or set(item) != ENTITY_KEYS:
            raise _fail(lang, f"entities[{i}]", f"expected exactly the keys {sorted(ENTITY_KEYS)}")
        if item["kind"] not in KINDS:
            raise _fail(lang, f"entities[{i}]", f"unknown kind {item['kind']!r}")
        (pattern,) = _patterns(lang, f"entities[{i}]", item["pattern"], name, title)
        if "name" not in pattern.groupindex and item["kind"] != "villages_total":
            raise _fail(lang, f"entities[{i}]", "the pattern needs {NAME}")
        out.append(EntityPattern(item["kind"], pattern))
    return tuple(out)


def parse(lang: str, text: str) -> Vocabulary:
    """Check and compile one language file's text."""
    raw = yaml.load(text, Loader=yaml.BaseLoader)
    if not isinstance(raw, dict):
        raise _fail(lang, "(top)", "expected a mapping")
    unknown = sorted(set(raw) - set(SCHEMA))
    if unknown:
        raise _fail(lang, ", ".join(unknown), "unknown key(s)")
    missing = sorted(k for k, (_, required) in SCHEMA.items() if required and k not in raw)
    if missing:
        raise _fail(lang, ", ".join(missing), "missing key(s)")
    fields: dict[str, object] = {"lang": lang}
    titles = tuple(p.lower() for p in _phrases(lang, "name_titles", raw["name_titles"]))
    name = name_pattern(titles)
    title = title_pattern(titles)
    for key, (kind, _) in SCHEMA.items():
        value = raw[key]
        if kind == "months":
            fields[key] = _numbers(lang, key, value)
        elif kind == "map":
            fields[key] = _map(lang, key, value)
        elif kind == "phrases":
            fields[key] = tuple(p.lower() for p in _phrases(lang, key, value))
        elif kind == "patterns":
            fields[key] = _patterns(lang, key, value, name, title)
        elif kind == "pattern_map":
            if not isinstance(value, dict) or not set(value) <= set(KINDS):
                raise _fail(lang, key, f"expected a mapping of kinds {KINDS} to patterns")
            fields[key] = {
                k: _patterns(lang, f"{key}.{k}", v, name, title) for k, v in value.items()
            }
        else:
            fields[key] = _entities(lang, value, name, title)
    for kind in fields["own_budget"]:  # type: ignore[union-attr]
        if kind not in KINDS:
            raise _fail(lang, f"own_budget.{kind}", "unknown kind")
    return Vocabulary(**fields)  # type: ignore[arg-type]


@cache
def load(lang: str) -> Vocabulary:
    return parse(lang, (DATA_DIR / "ingest" / f"{lang}.yaml").read_text(encoding="utf-8"))


def all_languages() -> tuple[Vocabulary, ...]:
    return tuple(load(lang) for lang in LANGS)


# ------------------------------------------------------------------ phrase matching

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


# Latin letters that look like Cyrillic ones, typed inside a Cyrillic word ("кipiстep").
_LOOKALIKE = str.maketrans("aceiopxykmhtb", "асеіорхукмнтв")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")


def words(text: str) -> list[str]:
    found = _WORD.findall(text.lower().replace("ё", "е"))
    return [w.translate(_LOOKALIKE) if _CYRILLIC.search(w) else w for w in found]


def stem(word: str) -> str:
    """The part of a phrase word a text word must start with: case endings vary
    ("кірістер", "кірістері"; "поступления", "поступлений"), the root does not."""
    word = word.replace("ё", "е")
    return word if len(word) <= 4 else word[: max(len(word) - 3, 5)]


def phrase_at(text_words: list[str], phrase: str) -> bool:
    """True when ``text_words`` begin with ``phrase``'s words, stem by stem."""
    want = phrase.split()
    if len(want) > len(text_words):
        return False
    return all(t.startswith(stem(w)) for t, w in zip(text_words, want, strict=False))


def best_key(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The key whose longest phrase starts ``text`` (more words win)."""
    tw = words(text)
    best: tuple[int, str | None] = (0, None)
    for key, phrases in table.items():
        for phrase in phrases:
            n = len(phrase.split())
            if n > best[0] and phrase_at(tw, phrase):
                best = (n, key)
    return best[1]
